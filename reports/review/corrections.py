"""VR-13 in the review: a report whose submitted figures were changed after submission (a
region's or the centre's correction, a workbook imported again over a submitted month).

The store keeps every submitted state in `revisions`: a submission is written without a
reason, a correction always with one (store.workflow.correct_record, store.importing). The
review's record listings carry, for a record changed so, the figures it had before
(`attach_corrections`, one query for the records past their first revision); the rule says
who changed what, when and why, so the coordinator sees it beside the district's other
findings. A district's own resubmission after a return is no correction.
"""
from __future__ import annotations

import json
from collections import defaultdict

from reports.review.series import Series, cells, make

CORRECTED = "corrected"   # the key a listed record gets when its submitted figures changed
CHUNK = 500               # record ids per query (SQLite's bound parameters)


def attach_corrections(db, records: list[dict]) -> list[dict]:
    """`records` (a store's listing), each changed after submission given `CORRECTED`: the
    figures before the correction(s), who submitted them, who corrected, when and why."""
    past_first = {r["id"] for r in records if (r.get("revision") or 1) > 1}
    if not past_first:
        return records
    ids = sorted(past_first & _ever_corrected(db))   # only their revisions are read whole
    revs: defaultdict[str, list] = defaultdict(list)
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        rows = db.execute(
            "SELECT record_id, revision, data, reason, editor, at FROM revisions WHERE "
            f"record_id IN ({','.join('?' * len(part))}) ORDER BY record_id, revision",
            part).fetchall()
        for row in rows:
            revs[row[0]].append(row)
    for r in records:
        got = _correction(revs.get(r["id"], []))
        if got is not None:
            r[CORRECTED] = got
    return records


def _ever_corrected(db) -> set[str]:
    """The records with a revision written with a reason after their first (a correction):
    ids only (a region's 100,000 pulled records carry revisions, few of them reasons)."""
    return {row[0] for row in db.execute(
        "SELECT DISTINCT record_id FROM revisions WHERE revision > 1 AND reason IS NOT NULL")}


def _correction(rows: list) -> dict | None:
    """The trailing run of corrections (revisions with a reason after the first) and the
    submitted state before it; None when the latest revision is a submission."""
    run = 0
    while run < len(rows) - 1 and rows[-1 - run][3] is not None:
        run += 1
    if run == 0:
        return None
    base, last = rows[-1 - run], rows[-1]
    return {"data": json.loads(base[2]), "editor": base[4], "at": base[5],
            "by": last[4], "on": last[5], "reason": last[3]}


def correction_findings(s: Series, units=None) -> list[dict]:
    """One warning per report of the series changed after submission, naming the figures."""
    out = []
    for p in s.periods:
        rec = s.rec[p]
        c = rec.get(CORRECTED)
        if not c:
            continue
        before, now = cells(c["data"]), s.vec[p]
        changed = sorted((k for k in before.keys() | now.keys()
                          if before.get(k, 0) != now.get(k, 0)),
                         key=lambda k: (k != "volunteers_total", k))
        if not changed:
            continue
        first = changed[0]
        out.append(make(rec, "VR-13-corrected", "warning", "review_changed_after_submit",
                        changed, {"field": first, "old": before.get(first, 0),
                                  "new": now.get(first, 0), "count": len(changed),
                                  "editor": c["editor"], "by": c["by"],
                                  "date": str(c["on"])[:10], "reason": c["reason"]}, units))
    return out
