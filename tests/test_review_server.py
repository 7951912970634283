"""Issue 12, acceptance: the month review equals the year review restricted to the month also
on data that went through the central server — each district pushes its months from its own
store, the region's coordinator pulls them into a fresh store and reviews there (SQLite and
PostgreSQL servers)."""
from __future__ import annotations

from server_fixtures import create_user, import_orgunits, live_server_any  # noqa: F401
from test_review_history import PERIODS, UNITS, _key, _records
from test_sync_support import PASSWORD, make_client, new_store

from reports.quality_review import review_store
from sync.engine import sync_once

DISTRICTS = [u["id"] for u in UNITS if u["kind"] == "district"]


def _seed(db_url: str) -> None:
    import_orgunits(db_url, [{"id": d, "region": "AKM", "name_ru": f"Район {d[-1]}"}
                             for d in DISTRICTS])
    for d in DISTRICTS:
        create_user(db_url, d.lower(), PASSWORD, "district", district=d)
    create_user(db_url, "akm", PASSWORD, "region", region="AKM")


# Planted errors (a copy of last year, sums that do not match) are refused at the door.
REFUSED = {("AKM-D1", "2024-03"), ("AKM-D5", "2023-11")}


def _push_districts(url: str, tmp_path) -> set[str]:
    """Every district's records, imported into its own store (warnings justified, as a district
    submitting them would) and synced; returns the ids the server accepted."""
    sent = set()
    for d in DISTRICTS:
        store = new_store(tmp_path, d, user=d.lower())
        mine = [dict(r, justification="Сверено с журналом мероприятий")
                for r in _records() if r["org_unit"] == d]
        store.import_records(mine, user=d.lower())
        summary = sync_once(store, make_client(url, d.lower()))
        refused = {r["id"] for r in mine if (r["org_unit"], r["period"]) in REFUSED}
        parked = store.db.execute("SELECT errors FROM outbox WHERE state = 'parked'").fetchall()
        assert summary.rejected == len(refused), (d, parked)
        sent |= {r["id"] for r in mine} - refused
        store.close()
    return sent


def test_month_review_equals_year_review_through_the_server(live_server_any, tmp_path):
    srv = live_server_any
    _seed(srv.db_url)
    sent = _push_districts(srv.url, tmp_path)
    region = new_store(tmp_path, "region", user="akm")
    sync_once(region, make_client(srv.url, "akm"))
    assert {r["id"] for r in region.list_records()} == sent
    whole = review_store(region)
    planted = {("AKM-D2", "2023-06"), ("AKM-D3", "2023-09"),
               ("AKM-D4", "2024-05")}
    assert planted <= {(f["org_unit"], f["period"]) for f in whole
                       if f["severity"] in ("warning", "error")}
    for year in ("2023", "2024"):
        year_found = review_store(region, spec=year)
        for p in [q for q in PERIODS if q.startswith(year)]:
            month = sorted(map(_key, review_store(region, spec=p)))
            assert month == sorted(_key(f) for f in year_found if f["period"] == p), p
            assert month == sorted(_key(f) for f in whole if f["period"] == p), p
    region.close()

