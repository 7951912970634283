"""forms.history.HistoryGroup kept current by put / drop (the server's push batch builds it
once and updates it with each write): after any sequence of writes it holds what a group
built afresh from the final records holds, every view gives the same history, and the engine
reaches the same findings with the batch's view (and its memo) as with a history list."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from forms import load_form, validate_record
from forms.history import HistoryGroup, history_of
from tests.server_fixtures import monthly_report

FORM = load_form("monthly_report", 1)
IDS = [f"r{i}" for i in range(6)]
PERIODS = ["2020-01", "2020-02", "2021-01", "2021-02", "2022-12", "2023-03"]
STAMPS = ["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"]

writes = st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(PERIODS), st.booleans(),
                            st.sampled_from(STAMPS), st.integers(1, 2)), max_size=25)


def _record(rid: str, period: str, deleted: bool, stamp: str, revision: int) -> dict:
    rec = monthly_report("SHY-ABAY", period, status="submitted", rid=rid)
    return dict(rec, deleted=deleted, updated_at=stamp, revision=revision)


def _ids(view) -> list[str]:
    return [r["id"] for r in view]


@settings(max_examples=200, deadline=None)
@given(first=writes, then=writes)
def test_put_and_drop_match_a_group_built_afresh(first, then):
    start = {}
    for w in first:
        start[w[0]] = _record(*w)
    kept = HistoryGroup(FORM, list(start.values()), memo=True)
    final = dict(start)
    for w in then:
        rec = _record(*w)
        final[rec["id"]] = rec
        kept.put(rec)
    kept.drop("no-such-id")
    fresh = HistoryGroup(FORM, list(final.values()))
    assert [r["id"] for r in kept.records] == [r["id"] for r in fresh.records]
    assert kept.periods == fresh.periods and kept.sorted_periods == fresh.sorted_periods
    for rid in IDS:
        for period in PERIODS:
            probe = {"id": rid, "form": FORM.id, "org_unit": "SHY-ABAY", "period": period}
            assert _ids(kept.view(probe)) == _ids(fresh.view(probe))
            assert _ids(kept.view(probe)) == \
                _ids(history_of(FORM, probe, list(final.values())))
            key = kept.view(probe).first("period", lambda r: r["period"], "2021-01")
            assert key == fresh.view(probe).first("period", lambda r: r["period"], "2021-01")


def test_the_batch_view_and_a_history_list_give_the_same_findings():
    """Every record of a unit validated against the batch's kept group (with its memo) and
    against a history list: the same findings, VR-01 / VR-02 included."""
    recs = [monthly_report("SHY-ABAY", f"{2019 + i // 12}-{i % 12 + 1:02d}", status="submitted")
            for i in range(20)]
    recs[14]["data"] = dict(recs[2]["data"])  # a year-ago repeat: VR-01
    recs[15]["data"] = dict(recs[15]["data"], volunteers_total=400,
                            gender={"F": 200, "M": 200}, age={"A18_28": 400},
                            occupation={"STUDENT": 400})  # a jump: VR-02
    group = HistoryGroup(FORM, [], memo=True)
    listed: list[dict] = []
    seen = set()
    for rec in recs:
        by_view = validate_record(FORM, rec, history=group.view(rec))
        by_list = validate_record(FORM, rec, history=history_of(FORM, rec, listed))
        assert [f.to_dict() for f in by_view] == [f.to_dict() for f in by_list]
        seen |= {f.rule for f in by_view}
        group.put(rec)
        listed.append(rec)
    assert {"VR-01", "VR-02"} <= seen
