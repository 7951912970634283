"""Event form version 2 (VR-29: `known_to_rfo`, required `data_source`) next to version 1:
registry, validation, store, CLI, importers, desktop editor and the server's definitions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from forms import list_forms, load_form, validate_record
from forms.loader import all_forms
from store import StoreError, SubmitBlocked, open_store
from tests.server_fixtures import live_server  # noqa: F401 - a pytest fixture
from tests.test_forms_samples import event_data, findings_for, record

V2_EXTRA = {"data_source": "CPGI_GRANT", "known_to_rfo": "NO"}


def v2_data(**over) -> dict:
    return event_data(**{**V2_EXTRA, **over})


def required_fields(findings) -> set[str]:
    return {f.fields[0] for f in findings if f.message_code == "required"}


# -- registry ------------------------------------------------------------------------------
def test_both_versions_load_and_latest_is_v2():
    v1, v2 = load_form("event", version=1), load_form("event", version=2)
    assert load_form("event") is v2 and load_form("event", "2") is v2
    assert not v1.has_field("known_to_rfo") and not v1.field("data_source").required
    known = v2.field("known_to_rfo")
    assert known.required and known.type == "choice" and known.choices == "known_to_rfo"
    assert v2.field("data_source").required
    assert all(known.label[lang].strip() and known.help[lang].strip() for lang in ("ru", "kk",
                                                                                    "en"))
    assert [f.id for f in v1.fields] == [f.id for f in v2.fields if f.id != "known_to_rfo"]
    assert [r.id for r in v1.rules] == [r.id for r in v2.rules]
    assert [f.version for f in list_forms() if f.id == "event"] == [2]
    assert [f.version for f in all_forms() if f.id == "event"] == [1, 2]
    assert Path(v1.source_path).name == "event.toml"
    assert Path(v2.source_path).name == "event.v2.toml"


def test_known_to_rfo_choices_are_yes_no_unknown():
    from forms.reference import get_enum

    e = get_enum("known_to_rfo")
    assert e.codes == ["YES", "NO", "UNKNOWN"]
    assert all(item.labels[lang] for item in e.items for lang in ("ru", "kk", "en"))


# -- validation ----------------------------------------------------------------------------
def test_v2_without_known_to_rfo_fails_with_a_clear_finding():
    found = findings_for("event", event_data(data_source="RFO"), form_version=2)
    assert required_fields(found) == {"known_to_rfo"}
    f = next(f for f in found if f.fields == ["known_to_rfo"])
    assert f.severity == "error" and f.rule == "required"
    v2 = load_form("event", 2)
    assert "Мероприятие известно РФО" in f.text("ru", form=v2)
    assert "Event known to the front office" in f.text("en", form=v2)
    found = findings_for("event", event_data(), form_version=2)
    assert required_fields(found) == {"known_to_rfo", "data_source"}


def test_v2_with_known_to_rfo_passes_and_bad_code_is_named():
    for known in ("YES", "NO", "UNKNOWN"):
        assert findings_for("event", v2_data(known_to_rfo=known), form_version=2) == []
    found = findings_for("event", v2_data(known_to_rfo="MAYBE"), form_version=2)
    assert [(f.message_code, f.fields, f.params["value"]) for f in found] == [
        ("unknown_code", ["known_to_rfo"], "'MAYBE'")]


def test_v1_stays_valid_without_the_new_fields():
    assert findings_for("event", event_data()) == []
    rec = record("event", event_data(), period=None)          # form_version 1
    assert validate_record("event", rec) == []                 # version taken from the record
    found = validate_record("event", dict(rec, form_version=2))
    assert required_fields(found) == {"known_to_rfo", "data_source"}


# -- store ---------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3", user="district")
    yield s
    s.close()


def _save(store, data, version=None, **over):
    rec = {"form": "event", "org_unit": "SHY-ABAY", "data": data, **over}
    if version is not None:
        rec["form_version"] = version
    return store.save_record(rec, user="district")


def test_store_keeps_each_records_version(store):
    old = _save(store, event_data(), version=1)
    new = _save(store, v2_data(title="Уборка берега реки Бадам, второй участок"))          # no version: the latest
    assert (old["form_version"], new["form_version"]) == (1, 2)
    edited = _save(store, dict(old["data"], volunteers_count=20), id=old["id"])
    assert edited["form_version"] == 1                               # an edit keeps it
    assert store.submit_record(old["id"], user="district")[0]["status"] == "submitted"
    assert store.submit_record(new["id"], user="district")[0]["status"] == "submitted"
    assert {(r["form_version"], r["status"]) for r in store.list_records(form="event")} == {
        (1, "submitted"), (2, "submitted")}


def test_store_blocks_v2_submit_without_known_to_rfo(store):
    draft = _save(store, event_data(data_source="RFO"))              # a draft may be partial
    assert draft["form_version"] == 2
    with pytest.raises(SubmitBlocked) as err:
        store.submit_record(draft["id"], user="district")
    assert [f.fields for f in err.value.findings if f.severity == "error"] == [["known_to_rfo"]]
    _save(store, dict(draft["data"], known_to_rfo="YES"), id=draft["id"])
    assert store.submit_record(draft["id"], user="district")[0]["status"] == "submitted"


def test_store_refuses_v2_field_in_a_v1_record(store):
    with pytest.raises(StoreError) as err:
        _save(store, v2_data(), version=1)
    assert err.value.field == "known_to_rfo" and "not part of the form" in str(err.value)
    with pytest.raises(StoreError, match="unknown form 'event' version 3"):
        _save(store, v2_data(), version=3)


# -- CLI and importers ---------------------------------------------------------------------
def _run(data_dir, *argv):
    return main(["--data-dir", str(data_dir), *argv])


def _ev(n: int, version: int | None, data: dict) -> dict:
    rec = {"id": f"00000000-0000-4000-8000-0000000ee{n:03d}", "form": "event",
           "org_unit": "SHY-ABAY", "data": data}
    return rec if version is None else dict(rec, form_version=version)


def test_cli_forms_list_shows_event_once_at_v2(data_dir, capsys):
    assert _run(data_dir, "forms", "list", "--json") == 0
    events = [f for f in json.loads(capsys.readouterr().out) if f["id"] == "event"]
    assert [e["version"] for e in events] == [2]


def test_cli_validate_mixed_versions(data_dir, tmp_path, capsys):
    recs = [_ev(1, 1, event_data()), _ev(2, 2, v2_data(title="Другое")),
            _ev(3, 2, event_data(title="Третье", data_source="RFO"))]
    path = tmp_path / "ev.json"
    path.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    assert _run(data_dir, "validate", "event", str(path), "--json") == 1
    res = json.loads(capsys.readouterr().out)["records"]
    errors = [[f["fields"] for f in r["findings"] if f["severity"] == "error"] for r in res]
    assert errors == [[], [], [["known_to_rfo"]]]
    assert "Мероприятие известно РФО" in res[2]["findings"][0]["message"]


def test_cli_import_export_mixed_versions(data_dir, tmp_path, capsys):
    recs = [_ev(1, 1, event_data()), _ev(2, None, v2_data(title="Другое"))]
    src = tmp_path / "ev.json"
    src.write_text(json.dumps(recs, ensure_ascii=False), encoding="utf-8")
    assert _run(data_dir, "import", "event", str(src)) == 0
    assert "импортировано: 2 записи" in capsys.readouterr().out
    for fmt in ("json", "xlsx"):
        out = tmp_path / f"out.{fmt}"
        assert _run(data_dir, "export", "event", "--format", fmt, "-o", str(out)) == 0
        assert _run(data_dir, "import", "event", str(out), "--dry-run") == 0
        assert "без изменений 2" in capsys.readouterr().out or fmt == "xlsx"
    s = open_store(Path(data_dir) / "esep.sqlite3")
    try:
        by_id = {r["id"]: r for r in s.list_records(form="event")}
    finally:
        s.close()
    assert by_id[recs[0]["id"]]["form_version"] == 1 and by_id[recs[1]["id"]]["form_version"] == 2
    assert "known_to_rfo" not in by_id[recs[0]["id"]]["data"]


def test_table_import_keeps_versions(data_dir, tmp_path):
    from reports.io import export_file, import_file

    s = open_store(Path(data_dir) / "esep.sqlite3", user="district")
    try:
        _save(s, event_data(), version=1)
        _save(s, v2_data(title="Другое"))
        before = {r["id"]: (r["form_version"], r["data"]) for r in s.list_records(form="event")}
        out = tmp_path / "ev.csv"
        export_file(s.list_records(form="event"), "event", "csv", out)
        result = import_file(s, "event", out, user="district", dry_run=True)
        assert result.errors == []
        after = {r["id"]: (r["form_version"], r["data"]) for r in result.records}
        assert after == before and {v for v, _ in after.values()} == {1, 2}
    finally:
        s.close()


# -- server --------------------------------------------------------------------------------
def test_server_loads_the_records_own_version():
    from server.rules import OpError, load_definition

    assert load_definition("event", 1).version == 1
    assert load_definition("event", 2).has_field("known_to_rfo")
    with pytest.raises(OpError):
        load_definition("event", 9)


@pytest.mark.timeout(60)
def test_server_push_validates_each_version(live_server):
    """Submitted events pushed over real HTTP: v1 without the new fields is applied, v2
    without known_to_rfo is rejected naming the field, v2 with it is applied."""
    import uuid

    from tests.server_fixtures import api_session, make_op, push_acks, seed_world

    seed_world(live_server.db_url)

    def submitted(version, data):
        return {"id": str(uuid.uuid4()), "form": "event", "form_version": version,
                "org_unit": "SHY-ABAY", "period": "2024-03", "status": "submitted",
                "data": data, "justification": None, "review_comment": None, "revision": 1,
                "version": None, "deleted": False, "updated_at": "2024-03-20T10:00:00Z",
                "updated_by": "d1"}

    ops = [make_op(1, submitted(1, event_data(title="Первое"))),
           make_op(2, submitted(2, event_data(title="Второе", data_source="RFO"))),
           make_op(3, submitted(2, v2_data(title="Третье")))]
    acks = push_acks(live_server, api_session(live_server.url, "d1"), "dev-v2", ops)
    assert [a["status"] for a in acks] == ["applied", "rejected", "applied"], acks
    assert any("known_to_rfo" in (e.get("fields") or [e.get("field")])
               for e in acks[1]["errors"]), acks[1]


# -- desktop -------------------------------------------------------------------------------
@pytest.fixture
def ctx(qapp, store):
    from desktop.context import AppContext
    from desktop.demo_data import DEMO_UNITS, DEMO_USER
    from desktop.tasks import TaskRunner

    store.upsert_org_units(DEMO_UNITS)
    c = AppContext(store=store, user=dict(DEMO_USER), lang="ru", tasks=TaskRunner(),
                   settings_get=store.get_setting, settings_set=store.set_setting)
    yield c
    c.tasks.cancel_all()
    c.tasks.wait_all(10000)
    qapp.processEvents()


@pytest.mark.timeout(60)
def test_desktop_opens_each_record_with_its_own_version(qtbot, ctx, store):
    from desktop.record_list_page import RecordListPage

    old = _save(store, event_data(), version=1)
    page = RecordListPage(ctx, "event")
    qtbot.addWidget(page)
    editor = page.show_editor(None)                       # a new record: the latest version
    assert editor.form.version == 2 and editor.record["form_version"] == 2
    assert "known_to_rfo" in editor.inputs
    editor.validate()
    assert {"known_to_rfo", "data_source"} <= {p for f in editor.findings for p in f.fields}
    page.close_editor()
    assert page.open_record(old["id"])
    editor = page.editor
    assert editor.form.version == 1 and "known_to_rfo" not in editor.inputs
    assert [f for f in editor.validate() if f.severity == "error"] == []
    page.close_editor()
    assert store.get_record(old["id"])["form_version"] == 1
