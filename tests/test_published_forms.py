"""Forms and enumerations published by the centre, end to end on a real server (SQLite and
PostgreSQL): PUT /api/v1/forms/{id} and /enums/{name}, the pull's `forms_version`, the client
fetching them once, new records on the newest version without a restart, old records on
their own, the server validating each record with its version, `requires_engine`."""
from __future__ import annotations

import pytest
from server_fixtures import PASSWORD, live_server_any, monthly_report, seed_world, world

from forms import ENGINE_VERSION, load_form
from forms.published import EMPTY, set_default
from forms.reference import get_enum
from store import open_store
from store import published as kept
from sync.engine import sync_once
from sync.transport import SyncClient

__all__ = ["live_server_any", "world"]  # fixtures

UNIT = "SHY-ABAY"  # d1's district
V2 = """\
# monthly report v2: one new required question
id = "monthly_report"
version = 2
extends = 1

[[add_fields]]
after = "volunteers_total"
id = "volunteers_new"
type = "integer"
required = true
min = 0
label = { ru = "Новые волонтёры за месяц", kk = "Айдағы жаңа волонтерлер", en = "New volunteers this month" }
"""
NEW_DIRECTION = """
[[item]]
code = "SPACE"
ru = "Космическое волонтёрство"
kk = "Ғарыштық волонтерлік"
en = "Space volunteering"
"""


@pytest.fixture(autouse=True)
def _shipped_forms_afterwards():
    """The next test starts with the shipped forms only (a store installs its set)."""
    yield
    set_default(EMPTY)


def publish(srv, session, kind: str, name: str, text: str, file: str | None = None):
    return session.put(f"{srv.url}/api/v1/{kind}/{name}",
                       json={"definition": text, "file": file}, timeout=30)


def client_of(srv, user: str = "d1") -> SyncClient:
    client = SyncClient(srv.url)
    client.login(user, PASSWORD)
    return client


def draft(unit: str = UNIT, period: str = "2024-03", **data) -> dict:
    rec = monthly_report(unit, period)
    del rec["form_version"]  # a new record: the store gives it the newest version
    rec["data"].update(data)
    return rec


def blocking_rules(store, record: dict) -> set[str]:
    return {(f.message_code, tuple(f.fields)) for f in store.verdict_for(record, strict=True).blocking}


def test_a_published_v2_is_used_for_new_reports_after_one_sync(world, tmp_path):
    srv, sess = world
    store = open_store(tmp_path / "d1" / "esep.sqlite3", user="d1")
    client = client_of(srv)
    try:
        old = store.save_record(draft(period="2024-01"), user="d1")
        assert old["form_version"] == 1
        assert sync_once(store, client).pushed == 1
        answer = publish(srv, sess("a1"), "forms", "monthly_report", V2, "monthly_report.v2.toml")
        assert answer.status_code == 200, answer.text
        assert answer.json()["version"] == 2 and answer.json()["forms_version"] == 1

        summary = sync_once(store, client)
        assert summary.requests == 2  # the pull + ONE GET /definitions
        assert summary.forms_held == []
        assert load_form("monthly_report").version == 2  # no restart: the registry refreshed
        new = store.save_record(draft(period="2024-02"), user="d1")
        assert new["form_version"] == 2
        assert ("required", ("volunteers_new",)) in blocking_rules(store, new)
        new = store.save_record({**new, "data": {**new["data"], "volunteers_new": 7}},
                                user="d1")
        assert new["form_version"] == 2 and not blocking_rules(store, new)

        # the v1 draft still opens, validates and submits as v1
        old = store.get_record(old["id"])
        assert old["form_version"] == 1 and not blocking_rules(store, old)
        store.submit_record(old["id"], user="d1")
        store.submit_record(new["id"], user="d1")
        summary = sync_once(store, client)
        assert summary.rejected == 0 and summary.conflicts == 0, summary
        on_server = {rid: sess("c1").get(f"{srv.url}/api/v1/records/{rid}", timeout=30).json()
                     for rid in (old["id"], new["id"])}
        assert on_server[old["id"]]["form_version"] == 1
        assert on_server[new["id"]]["form_version"] == 2
        assert on_server[new["id"]]["status"] == "submitted"

        quiet = sync_once(store, client)  # nothing changed: ONE small request
        assert quiet.requests == 1
        assert quiet.bytes_up + quiet.bytes_down <= 1024, quiet
    finally:
        client.close()
        store.close()


def test_the_server_validates_a_push_with_the_records_version(world):
    srv, sess = world
    assert publish(srv, sess("c1"), "forms", "monthly_report", V2).status_code == 200
    d1 = sess("d1")
    v2 = monthly_report(UNIT, "2024-05", status="submitted")
    v2["form_version"] = 2
    ops = [{"op_seq": 1, "form": "monthly_report", "id": v2["id"], "op": "upsert",
            "base_version": None, "data": v2}]
    body = {"device_id": "dev-1", "schema_version": 1, "ops": ops}
    acks = d1.post(srv.url + "/api/v1/sync/push", json=body, timeout=30).json()["acks"]
    assert acks[0]["status"] == "rejected"  # v2 needs volunteers_new
    assert any("volunteers_new" in e.get("fields", []) for e in acks[0]["errors"]), acks
    v2["data"]["volunteers_new"] = 3
    ops[0]["op_seq"] = 2
    acks = d1.post(srv.url + "/api/v1/sync/push", json=body, timeout=30).json()["acks"]
    assert acks[0]["status"] == "applied", acks
    v1 = monthly_report(UNIT, "2024-06", status="submitted")  # v1 still valid without it
    body["ops"] = [{**ops[0], "op_seq": 3, "id": v1["id"], "data": v1}]
    acks = d1.post(srv.url + "/api/v1/sync/push", json=body, timeout=30).json()["acks"]
    assert acks[0]["status"] == "applied", acks


def test_an_invalid_definition_is_refused_with_file_and_line(world):
    srv, sess = world
    bad = V2.replace('type = "integer"', 'type = "integr"')
    r = publish(srv, sess("a1"), "forms", "monthly_report", bad, "mr2.toml")
    assert r.status_code == 422, r.text
    line = bad.splitlines().index('type = "integr"') + 1  # the offending key's line
    assert r.json()["detail"]["errors"][0].startswith(f"mr2.toml:{line}:"), r.json()
    broken = V2.replace("version = 2", "version = = 2")
    r = publish(srv, sess("a1"), "forms", "monthly_report", broken, "mr2.toml")
    assert r.status_code == 422 and r.json()["detail"]["errors"][0].startswith("mr2.toml:3:")
    r = publish(srv, sess("a1"), "forms", "event", V2, "mr2.toml")  # the id of another form
    assert r.status_code == 422 and "not 'event'" in r.json()["detail"]["message"]
    assert sess("d1").get(srv.url + "/api/v1/definitions", timeout=30).json() == {
        "version": 0, "definitions": []}  # nothing stored


def test_the_version_must_increase(world):
    srv, sess = world
    same = V2.replace("version = 2\nextends = 1", "version = 1\nextends = 1")
    r = publish(srv, sess("a1"), "forms", "monthly_report", same, "mr.toml")
    assert r.status_code == 422, r.text
    assert publish(srv, sess("a1"), "forms", "monthly_report", V2).status_code == 200
    r = publish(srv, sess("c1"), "forms", "monthly_report", V2, "again.toml")
    assert r.status_code == 422 and r.json()["detail"]["code"] == "version_not_newer"
    assert r.json()["detail"]["errors"][0].startswith("again.toml:3:")
    assert "greater than 2" in r.json()["detail"]["message"]
    v3 = "id = \"monthly_report\"\nversion = 3\nextends = 2\nremove_fields = [\"volunteers_new\"]\n"
    assert publish(srv, sess("a1"), "forms", "monthly_report", v3).status_code == 200  # on v2


@pytest.mark.parametrize("user", ["d1", "r1", "t1"])
def test_only_admin_and_central_publish(world, user):
    srv, sess = world
    r = publish(srv, sess(user), "forms", "monthly_report", V2)
    assert r.status_code == 403, r.text
    directions = get_enum("directions")
    r = publish(srv, sess(user), "enums", "directions", _directions_v2())
    assert r.status_code == 403 and get_enum("directions").codes == directions.codes


def _directions_v2(extra: str = NEW_DIRECTION) -> str:
    from forms.reference import enums_dir

    text = (enums_dir() / "directions.toml").read_text(encoding="utf-8")
    return text.replace('name = "directions"', 'name = "directions"\nversion = 2') + extra


def test_a_published_enumeration_reaches_the_client(world, tmp_path):
    srv, sess = world
    store = open_store(tmp_path / "d1" / "esep.sqlite3", user="d1")
    client = client_of(srv)
    try:
        sync_once(store, client)
        r = publish(srv, sess("c1"), "enums", "directions", _directions_v2(), "directions.toml")
        assert r.status_code == 200, r.text
        dropped = _directions_v2().replace('code = "MED"', 'code = "MEDX"').replace(
            "version = 2", "version = 3")
        r = publish(srv, sess("c1"), "enums", "directions", dropped, "directions.toml")
        assert r.status_code == 422 and "MED" in r.json()["detail"]["message"]  # a code kept
        assert "SPACE" not in get_enum("directions")
        assert sync_once(store, client).requests == 2
        assert "SPACE" in get_enum("directions")
        rec = draft()
        rec["data"]["events_by_direction"] = {"SPACE": rec["data"]["events_total"]}
        assert not blocking_rules(store, store.save_record(rec, user="d1"))
    finally:
        client.close()
        store.close()


def test_a_client_with_an_older_engine_keeps_v1_and_says_why(world, tmp_path):
    srv, sess = world
    store = open_store(tmp_path / "d1" / "esep.sqlite3", user="d1")
    client = client_of(srv)
    try:
        sync_once(store, client)
        kept_draft = store.save_record(draft(period="2024-01"), user="d1")
        future = V2.replace("extends = 1", f"extends = 1\nrequires_engine = {ENGINE_VERSION + 1}")
        assert publish(srv, sess("a1"), "forms", "monthly_report", future).status_code == 200
        summary = sync_once(store, client)
        assert summary.forms_held == [{"kind": "form", "name": "monthly_report", "version": 2,
                                       "requires_engine": ENGINE_VERSION + 1}]
        assert load_form("monthly_report").version == 1
        new = store.save_record(draft(period="2024-02"), user="d1")
        assert new["form_version"] == 1 and not blocking_rules(store, new)
        assert store.get_record(kept_draft["id"])["data"] == kept_draft["data"]  # nothing lost
        assert [e.version for e in kept.held_back(store)] == [2]  # kept for a later engine
        assert sync_once(store, client).forms_held  # still said on the next sync
    finally:
        client.close()
        store.close()


def test_published_definitions_survive_a_reopen(world, tmp_path):
    srv, sess = world
    path = tmp_path / "d1" / "esep.sqlite3"
    store = open_store(path, user="d1")
    client = client_of(srv)
    try:
        assert publish(srv, sess("a1"), "forms", "monthly_report", V2).status_code == 200
        sync_once(store, client)
    finally:
        client.close()
        store.close()
    other = open_store(tmp_path / "fresh" / "esep.sqlite3", user="d1")
    assert load_form("monthly_report").version == 1  # another data folder: only shipped
    other.close()
    with open_store(path, user="d1") as store:
        assert load_form("monthly_report").version == 2



def test_cli_publish_form_and_the_sync_message(tmp_path, capsys, monkeypatch):
    """`esep server admin publish-form`: exit 0, exit 2 with file:line; `esep sync` of a client
    too old for it says why in the chosen language."""
    import io

    from server_fixtures import run_server

    from cli.main import main
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    srv = run_server(db)
    try:
        seed_world(db)
        bad = tmp_path / "monthly_report.v2.toml"
        bad.write_text(V2.replace("min = 0", "min = \"zero\""), encoding="utf-8")
        assert main(["server", "admin", "publish-form", "--db", db, str(bad)]) == 2
        line = V2.splitlines().index("min = 0") + 1
        assert f"monthly_report.v2.toml:{line}:" in capsys.readouterr().err
        good = tmp_path / "v2.toml"
        good.write_text(V2.replace("extends = 1", f"extends = 1\nrequires_engine = "
                                   f"{ENGINE_VERSION + 1}"), encoding="utf-8")
        assert main(["server", "admin", "publish-form", "--db", db, str(good)]) == 0
        assert '"version": 2' in capsys.readouterr().out
        assert main(["server", "admin", "publish-form", "--db", db, str(good)]) == 2
        assert "greater than 2" in capsys.readouterr().err
        data = tmp_path / "client"
        monkeypatch.setenv("ESEP_DATA_DIR", str(data))
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        code = main(["--data-dir", str(data), "--lang", "en", "sync", "--server", srv.url,
                     "--user", "d1", "--password-stdin"])
        err = capsys.readouterr().err
        assert code == 0, err
        assert "“Volunteering in figures” version 2 was published by the centre but needs a " \
               f"newer program (forms engine {ENGINE_VERSION + 1}" in err
    finally:
        srv.stop()


def test_personal_fields_of_a_published_version_are_kept_from_other_readers(world):
    """The server reads the published definition everywhere, not only when validating: a
    personal field added by v2 reaches the region without it (decision 9)."""
    srv, sess = world
    v2 = V2 + '\n[[add_fields]]\nafter = "volunteers_new"\nid = "contact_person"\ntype = "text"\n' \
        'personal = true\nlabel = { ru = "Контактное лицо", kk = "Байланыс тұлғасы", ' \
        'en = "Contact person" }\n'
    assert publish(srv, sess("a1"), "forms", "monthly_report", v2).status_code == 200
    rec = monthly_report(UNIT, "2024-07", volunteers_new=1, contact_person="Иванов И.")
    rec["form_version"] = 2
    body = {"device_id": "dev-2", "schema_version": 1, "ops": [
        {"op_seq": 1, "form": "monthly_report", "id": rec["id"], "op": "upsert",
         "base_version": None, "data": rec}]}
    acks = sess("d1").post(srv.url + "/api/v1/sync/push", json=body, timeout=30).json()["acks"]
    assert acks[0]["status"] == "applied", acks
    seen = {u: sess(u).get(f"{srv.url}/api/v1/records/{rec['id']}", timeout=30).json()
            for u in ("r1", "c1")}
    assert "contact_person" not in seen["r1"]["data"] and seen["r1"]["data"]["volunteers_new"] == 1
    assert seen["c1"]["data"]["contact_person"] == "Иванов И."


def test_an_invalid_enumeration_is_refused_with_file_and_line(world):
    srv, sess = world
    text = _directions_v2('\n[[item]]\ncode = "NO_RU"\nen = "No Russian label"\n')
    r = publish(srv, sess("a1"), "enums", "directions", text, "directions.toml")
    assert r.status_code == 422, r.text
    line = text.splitlines().index('code = "NO_RU"')  # the line of its [[item]]
    error = r.json()["detail"]["errors"][0]
    assert error.startswith(f"directions.toml:{line}:") and "'ru'" in error, error
    r = publish(srv, sess("a1"), "enums", "genders", text, "directions.toml")
    assert r.status_code == 422 and "'genders'" in r.json()["detail"]["message"]


def test_a_definition_the_client_cannot_parse_stores_nothing(world, tmp_path):
    """A server row this engine refuses (written behind the server's back): the sync fails
    with the reason and the client keeps what it had."""

    from server.db import counters, make_engine, published_definitions
    from sync.transport import SyncError
    srv, _sess = world
    store = open_store(tmp_path / "d1" / "esep.sqlite3", user="d1")
    client = client_of(srv)
    engine = make_engine(srv.db_url)
    try:
        sync_once(store, client)
        with engine.begin() as conn:
            conn.execute(published_definitions.insert().values(
                kind="form", name="monthly_report", version=2, requires_engine=1,
                definition='id = "monthly_report"\nversion = 2\n', published_by="x",
                published_at="2026-01-01T00:00:00Z"))
            conn.execute(counters.update().where(counters.c.name == "forms_version")
                         .values(value=1))
        with pytest.raises(SyncError, match="cannot use"):
            sync_once(store, client)
        assert kept.entries(store) == [] and kept.stored_version(store) is None  # asks again
        assert load_form("monthly_report").version == 1
    finally:
        engine.dispose()
        client.close()
        store.close()
