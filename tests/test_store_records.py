"""Local store: saving drafts with audit + outbox in one transaction, tombstones, the one
monthly report per (org unit, period) rule, type checks on save, listing, settings."""
from __future__ import annotations

import uuid

import pytest

from store import NotFound, StoreError, open_store
from store.cipher import dbapi


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "esep.sqlite3", user="tester")
    yield s
    s.close()


def monthly(org_unit="SHY-ABAY", period="2024-03", **data):
    base = {"volunteers_total": 604, "gender": {"F": 330, "M": 274}}
    base.update(data)
    return {"form": "monthly_report", "org_unit": org_unit, "period": period, "data": base}


def rows(store, sql, *params):
    return store.db.execute(sql, params).fetchall()


def test_open_store_pragmas(store):
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_open_store_default_path_uses_data_dir(data_dir):
    s = open_store()
    try:
        assert s.path == data_dir / "esep.sqlite3" and s.path.exists()
    finally:
        s.close()


def test_create_writes_row_audit_and_outbox(store):
    rec = store.save_record(monthly(), user="aigerim")
    uuid.UUID(rec["id"])
    assert rec["status"] == "draft" and rec["revision"] == 1 and rec["version"] is None
    assert rec["deleted"] is False and rec["updated_by"] == "aigerim"
    assert rec["updated_at"].endswith("Z") and rec["form_version"] >= 1
    assert store.get_record(rec["id"]) == rec
    fields = {a["field"]: a for a in store.audit(rec["id"])}
    assert fields["volunteers_total"]["old"] is None and fields["volunteers_total"]["new"] == 604
    assert fields["gender"]["new"] == {"F": 330, "M": 274}
    assert fields["_status"]["new"] == "draft" and fields["_status"]["who"] == "aigerim"
    out = rows(store, "SELECT op, base_version, state FROM outbox WHERE record_id = ?", rec["id"])
    assert out == [("upsert", None, "pending")]
    assert rows(store, "SELECT dirty FROM records")[0][0] == 1


def test_update_audits_only_changed_fields(store):
    rec = store.save_record(monthly(), user="a")
    n_audit = len(store.audit(rec["id"]))
    rec2 = store.save_record(dict(rec, data=dict(rec["data"], volunteers_total=610)), user="b",
                             reason="typo")
    new_rows = store.audit(rec["id"])[n_audit:]
    assert [(a["field"], a["old"], a["new"], a["who"], a["reason"]) for a in new_rows] == [
        ("volunteers_total", 604, 610, "b", "typo")]
    assert rec2["data"]["volunteers_total"] == 610 and rec2["updated_by"] == "b"
    assert len(rows(store, "SELECT * FROM outbox WHERE record_id = ?", rec["id"])) == 2


def test_saving_unchanged_record_writes_nothing(store):
    rec = store.save_record(monthly(), user="a")
    before = (len(store.audit(rec["id"])), rows(store, "SELECT count(*) FROM outbox"))
    assert store.save_record(rec, user="a") == rec
    assert (len(store.audit(rec["id"])), rows(store, "SELECT count(*) FROM outbox")) == before


@pytest.mark.parametrize("data, field, code", [
    ({"volunteers_total": "604"}, "volunteers_total", "not_integer"),
    ({"volunteers_total": 6.5}, "volunteers_total", "not_integer"),
    ({"volunteers_total": True}, "volunteers_total", "not_integer"),
    ({"gender": {"F": 1, "X": 2}}, "gender.X", "unknown_code"),
    ({"gender": {"F": "many"}}, "gender.F", "not_integer"),
    ({"rfo_support_provided": "MAYBE"}, "rfo_support_provided", "unknown_code"),
    ({"no_such_field": 1}, "no_such_field", "field_not_in_form"),
])
def test_type_errors_rejected_with_field_named(store, data, field, code):
    rec = monthly()
    rec["data"] = data
    with pytest.raises(StoreError) as err:
        store.save_record(rec, user="a")
    assert err.value.field == field and err.value.code == code
    assert repr(field) in str(err.value)
    assert rows(store, "SELECT count(*) FROM records")[0][0] == 0
    assert rows(store, "SELECT count(*) FROM audit")[0][0] == 0


def test_rule_findings_do_not_block_a_draft(store):
    # gender does not add up to the total: a rule finding, not a type error
    rec = store.save_record(monthly(volunteers_total=5, gender={"F": 1, "M": 1}), user="a")
    assert rec["data"]["volunteers_total"] == 5


@pytest.mark.parametrize("patch, field", [
    ({"period": "2024-13"}, "period"), ({"org_unit": ""}, "org_unit"),
    ({"id": "not-a-uuid"}, "id"), ({"form": None}, "form"), ({"data": [1]}, "data"),
])
def test_bad_header_rejected(store, patch, field):
    with pytest.raises(StoreError) as err:
        store.save_record(dict(monthly(), **patch), user="a")
    assert err.value.field == field


def test_unknown_form_rejected(store):
    with pytest.raises(StoreError) as err:
        store.save_record(dict(monthly(), form="nope"), user="a")
    assert err.value.code == "unknown_form"


def test_one_monthly_report_per_org_unit_and_period(store):
    first = store.save_record(monthly(), user="a")
    with pytest.raises(StoreError) as err:
        store.save_record(monthly(volunteers_total=1, gender={}), user="a")
    assert err.value.code == "duplicate_period" and first["id"] in str(err.value)
    assert store.count_records() == 1
    assert rows(store, "SELECT count(*) FROM outbox")[0][0] == 1  # nothing half-written
    store.save_record(monthly(period="2024-04"), user="a")
    store.save_record(monthly(org_unit="SHY-ENBEK"), user="a")
    assert store.count_records() == 3


def test_delete_is_a_tombstone(store):
    rec = store.save_record(monthly(), user="a")
    with pytest.raises(StoreError):
        store.delete_record(rec["id"], user="a", reason=" ")
    store.delete_record(rec["id"], user="b", reason="entered twice")
    tomb = store.get_record(rec["id"])
    assert tomb["deleted"] is True and tomb["data"] == rec["data"]
    assert store.list_records() == [] and store.count_records(include_deleted=True) == 1
    assert store.audit(rec["id"])[-1] == {"at": tomb["updated_at"], "who": "b",
                                          "field": "_deleted", "old": False, "new": True,
                                          "reason": "entered twice"}
    last = rows(store, "SELECT op, reason FROM outbox ORDER BY op_seq DESC LIMIT 1")
    assert last == [("delete", "entered twice")]
    # the (org unit, period) slot is free again; the deleted one cannot be edited or deleted
    store.save_record(monthly(), user="a")
    with pytest.raises(StoreError):
        store.save_record(rec, user="a")
    with pytest.raises(NotFound):
        store.delete_record(rec["id"], user="a", reason="again")


def test_list_filters_search_order_paging(store):
    for i, ou in enumerate(["SHY-ABAY", "SHY-ENBEK", "ALM-MED"]):
        for month in ("01", "02", "03"):
            note = {"coverage_note": "не вошли гранты ЦПГИ"} if (i, month) == (2, "03") else {}
            store.save_record(monthly(org_unit=ou, period=f"2024-{month}",
                                      volunteers_total=100 * i + int(month), **note), user="a")
    assert store.count_records() == 9
    assert store.count_records(org_unit="SHY-ABAY") == 3
    assert store.count_records(period="2024-02", org_unit=["SHY-ABAY", "ALM-MED"]) == 2
    assert [r["period"] for r in store.list_records(org_unit="ALM-MED")] == [
        "2024-03", "2024-02", "2024-01"]
    asc = store.list_records(order_by="org_unit asc, period")
    assert [(r["org_unit"], r["period"]) for r in asc][:2] == [("ALM-MED", "2024-01"),
                                                             ("ALM-MED", "2024-02")]
    page = store.list_records(order_by="org_unit, period", limit=4, offset=2)
    assert page == asc[2:6]
    assert store.count_records(search="ENBEK") == 3
    # inside data (a Cyrillic word: a number could also match a random UUID or a timestamp)
    assert store.count_records(search="ЦПГИ") == 1
    assert store.count_records(search="%") == 0        # LIKE wildcards are literal
    with pytest.raises(StoreError):
        store.list_records(order_by="period; DROP TABLE records")


def test_history_for_same_form_and_org_unit(store):
    recs = [store.save_record(monthly(period=p), user="a") for p in ("2023-03", "2024-02",
                                                                     "2024-03")]
    store.save_record(monthly(org_unit="OTHER", period="2024-01"), user="a")
    hist = store.history_for(recs[2])
    assert sorted(r["period"] for r in hist) == ["2023-03", "2024-02"]


def test_settings_device_id_and_org_units(store, tmp_path):
    assert store.get_setting("missing", 5) == 5
    store.set_setting("cursor", 17)
    store.set_setting("ui", {"lang": "kk"})
    assert store.get_setting("cursor") == 17 and store.get_setting("ui") == {"lang": "kk"}
    dev = store.device_id
    uuid.UUID(dev)
    assert store.device_id == dev
    store.upsert_org_units([
        {"id": "SHY", "kind": "region", "region": "SHY", "name_ru": "г. Шымкент"},
        {"id": "SHY-ABAY", "kind": "district", "region": "SHY", "name_ru": "Абайский"}])
    store.upsert_org_units([{"id": "SHY-ABAY", "kind": "district", "region": "SHY",
                             "name_ru": "Абайский район", "active": False}])
    assert [u["id"] for u in store.org_units(kind="district")] == ["SHY-ABAY"]
    assert store.org_units(region="SHY")[1]["name_ru"] == "Абайский район"
    with pytest.raises(StoreError) as err:
        store.upsert_org_units([{"id": "X", "kind": "district"}])
    assert err.value.field == "region"
    store.close()
    again = open_store(tmp_path / "esep.sqlite3")
    try:
        assert again.device_id == dev
    finally:
        again.close()


def test_audit_needs_a_record_foreign_key(store):
    with pytest.raises(dbapi.IntegrityError):
        store.db.execute("INSERT INTO audit (record_id, at, who, changes) VALUES ('x','t','u','[]')")


def test_failure_after_row_and_audit_rolls_everything_back(store):
    rec = store.save_record(monthly(), user="a")
    n_audit = len(store.audit(rec["id"]))
    # the outbox insert is the last write of a save: make it fail like a full disk would
    store.db.execute("CREATE TEMP TRIGGER fail_outbox BEFORE INSERT ON outbox "
                     "BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    with pytest.raises(dbapi.IntegrityError, match="disk full"):
        store.save_record(dict(rec, data=dict(rec["data"], volunteers_total=1)), user="a")
    assert not store.db.conn.in_transaction
    assert store.get_record(rec["id"]) == rec
    assert len(store.audit(rec["id"])) == n_audit
    store.db.execute("DROP TRIGGER fail_outbox")
    assert store.save_record(dict(rec, data=dict(rec["data"], volunteers_total=1)),
                             user="a")["data"]["volunteers_total"] == 1


def focus_group(**data):
    base = {"date": "2024-03-14", "city": "Шымкент", "participants": [
        {"no": 1, "full_name": "Иванова Айгерим", "participant_category": "STUDENT",
         "consent": "YES", "phone": "+7 701 000 00 00"},
        {"no": 2, "full_name": "Ахметов Серик", "participant_category": "STATE",
         "consent": "NOT_ASKED"}]}
    base.update(data)
    return {"form": "focus_group", "org_unit": "SHY", "data": base}


def test_period_comes_from_the_date_field(store):
    rec = store.save_record(focus_group(), user="trainer")
    assert rec["period"] == "2024-03"
    with pytest.raises(StoreError) as err:
        store.save_record(dict(focus_group(), data={"city": "X"}), user="trainer")
    assert err.value.field == "period"


def test_roster_cells_are_type_checked(store):
    bad = focus_group()
    bad["data"]["participants"][1]["consent"] = "PERHAPS"
    with pytest.raises(StoreError) as err:
        store.save_record(bad, user="trainer")
    assert err.value.field == "participants[1].consent" and err.value.code == "unknown_code"
    assert err.value.problems[0]["params"]["row"] == 2
    bad["data"]["participants"] = [{"no": 1, "shoe_size": 42}, "row"]
    with pytest.raises(StoreError) as err:
        store.save_record(bad, user="trainer")
    assert [p["field"] for p in err.value.problems] == ["participants[0].shoe_size",
                                                        "participants[1]"]
    bad["data"] = {"date": "2024-02-30", "city": "X"}
    with pytest.raises(StoreError) as err:
        store.save_record(bad, user="trainer")
    assert err.value.field == "date" and err.value.code == "not_date"


def test_two_connections_write_concurrently(tmp_path):
    """Two stores (as the GUI and a sync worker would have) on one file: no lost writes and
    no 'database is locked' thanks to BEGIN IMMEDIATE + busy_timeout."""
    import threading

    path = tmp_path / "esep.sqlite3"
    open_store(path).close()
    errors = []

    def writer(ou):
        s = open_store(path, user=ou)
        try:
            for m in range(1, 13):
                rec = s.save_record(monthly(org_unit=ou, period=f"2024-{m:02d}"), user=ou)
                s.save_record(dict(rec, data=dict(rec["data"], volunteers_total=m)), user=ou)
        except (StoreError, dbapi.Error) as exc:  # collected: the assertion names it
            errors.append(exc)
        finally:
            s.close()

    threads = [threading.Thread(target=writer, args=(ou,)) for ou in ("A", "B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    s = open_store(path)
    try:
        assert s.count_records() == 24
        assert rows(s, "SELECT count(*) FROM outbox")[0][0] == 48
    finally:
        s.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "esep.sqlite3"
    bad.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(StoreError) as err:
        open_store(bad)
    assert err.value.code == "store_unreadable" and str(bad) in str(err.value)


def test_listed_records_share_equal_keys_and_short_texts(store):
    """One listing makes equal field names, codes and org units one object (a region's
    100,000 records in memory), the values unchanged; long texts are left alone."""
    long_note = "не вошли гранты ЦПГИ, " * 5
    for month in ("01", "02"):
        store.save_record(monthly(period=f"2024-{month}", coverage_note=long_note), user="a")
    a, b = store.list_records(order_by="period")
    assert a["data"] == {"volunteers_total": 604, "gender": {"F": 330, "M": 274},
                         "coverage_note": long_note}
    key_a = next(k for k in a["data"] if k == "volunteers_total")
    key_b = next(k for k in b["data"] if k == "volunteers_total")
    assert key_a is key_b
    assert a["org_unit"] is b["org_unit"] and a["form"] is b["form"]
    assert a["data"]["coverage_note"] == b["data"]["coverage_note"]
    assert a["data"]["coverage_note"] is not b["data"]["coverage_note"]


def test_full_listing_keeps_the_order_across_chunks(store, monkeypatch):
    """A listing without a limit orders the row ids, then reads the rows by id a chunk at a
    time: the same records in the same order as one ORDER BY, with the extra columns."""
    from store import query
    units = ["SHY-ABAY", "SHY-ENBEK", "ALM-MED", "ALM-ZHET"]
    for i, ou in enumerate(units):
        for month in ("03", "01", "02"):
            store.save_record(monthly(org_unit=ou, period=f"2024-{month}",
                                      volunteers_total=10 * i + int(month)), user="a")
    monkeypatch.setattr(query, "CHUNK", 5)
    listed = store.list_records(order_by="period asc", extra=("created_at",))
    expected = [r[0] for r in rows(store, "SELECT id FROM records ORDER BY period, id")]
    assert [r["id"] for r in listed] == expected and len(listed) == 12
    assert all(r["created_at"] for r in listed)
    assert "created_at" not in store.list_records(order_by="period asc")[0]
    assert store.list_records(order_by="period asc", limit=3) == [
        {k: v for k, v in r.items() if k != "created_at"} for r in listed[:3]]
    with pytest.raises(StoreError):
        store.list_records(extra=("data; DROP TABLE records",))
