"""The scope review's per-record findings equal entry-time validation's (store.validate: the
record and its history from forms.history.history_of) on a sample of a real SQLite store,
repeated events included."""
from __future__ import annotations

import random

import pytest

from reports.quality_review import record_findings, store_records
from reports.synthetic_visits import synthetic_events
from store import open_store
from store.sync_state import apply_pulled

UNITS = [{"id": "SHY", "kind": "region", "region": "SHY", "name_ru": "Шымкент"},
         {"id": "SHY-A", "kind": "district", "region": "SHY", "name_ru": "А"},
         {"id": "SHY-B", "kind": "district", "region": "SHY", "name_ru": "Б"}]


def fill(store, records: list[dict]) -> None:
    """As a region store is filled: pulled pages of the server's records."""
    for start in range(0, len(records), 200):
        page = records[start:start + 200]
        apply_pulled(store, [{"id": r["id"], "form": r["form"], "version": start + i + 1,
                              "record": dict(r, version=start + i + 1)}
                             for i, r in enumerate(page)], start + len(page))


def events(seed: int = 3) -> list[dict]:
    rng = random.Random(seed)
    units = [u for u in UNITS if u["kind"] == "district"]
    out = []
    for year in (2020, 2022, 2023):
        out += synthetic_events(rng, units, year, 120)
    for e in out[:60]:  # entered twice
        twin = rng.choice(out)
        if twin is not e:
            e["org_unit"] = twin["org_unit"]
            e["data"] = {**e["data"], **{k: twin["data"][k] for k in
                                         ("title", "date_start", "organizer_type")}}
            e["period"] = twin["period"]
    return out


def key(f) -> tuple:
    if isinstance(f, dict):
        return (f["rule_detail"], f["severity"], f["message_code"], tuple(f["fields"]),
                tuple(sorted((k, str(v)) for k, v in f["params"].items())))
    return (f.rule, f.severity, f.message_code, tuple(f.fields),
            tuple(sorted((k, str(v)) for k, v in f.params.items())))


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "region.sqlite3")
    s.upsert_org_units(UNITS)
    yield s
    s.close()


def test_scope_review_and_entry_validation_agree(store):
    fill(store, events())
    records = store_records(store)
    scope: dict[str, list] = {}
    for f in record_findings(records, {u["id"]: u for u in UNITS}):
        scope.setdefault(f["record_id"], []).append(key(f))
    sample = random.Random(5).sample(records, 120)
    repeated = 0
    for rec in sample:
        entry = sorted(key(f) for f in store.validate(rec))
        assert sorted(scope.get(rec["id"], [])) == entry, rec["id"]
        repeated += any(k[0] == "VR-32" for k in entry)
    assert repeated >= 5  # the sample holds repeated events, not only clean ones

