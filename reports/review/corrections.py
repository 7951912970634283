"""VR-13 in the review: a report whose submitted figures were changed after submission (a
region's or the centre's correction, a workbook imported again over a submitted month).

The store keeps every submitted state in `revisions`: a submission is written without a
reason, a correction always with one (store.workflow.correct_record, store.importing). The
review's record listings carry, for a record changed so, the figures it had before
(`attach_corrections`, one query for the records past their first revision); the rule says
who changed what (the first figure, every text and choice answer), when and why, so the coordinator sees it beside the district's other
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
    """One warning per report of the series changed after submission, naming its first
    changed figure and every changed text or choice field (`changes`, said with the form's
    labels), with the count of all changed values."""
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
        words = _changed_words(rec, c["data"], rec["data"])
        if not changed and not words:
            continue
        changes = [[k, before.get(k, 0), now.get(k, 0)] for k in changed[:1]] + words
        first = changes[0]
        out.append(make(rec, "VR-13-corrected", "warning", "review_changed_after_submit",
                        changed + [w[0] for w in words],
                        {"field": first[0], "old": first[1], "new": first[2],
                         "changes": changes, "count": len(changed) + len(words),
                         "editor": c["editor"], "by": c["by"],
                         "date": str(c["on"])[:10], "reason": c["reason"]}, units))
    return out


WORD_TYPES = ("text", "choice", "multi_choice")   # the fields said by their words, not figures


def _changed_words(rec: dict, before: dict, now: dict) -> list[list]:
    """[field, old, new] of the text and choice fields that differ (an empty value and no
    value are the same), in the form's order."""
    from reports._ref import load_form_or_none

    form = load_form_or_none(rec["form"])
    if form is None:
        return []
    out = []
    for f in form.fields:
        if f.type in WORD_TYPES:
            old, new = before.get(f.id) or None, now.get(f.id) or None
            if _same(old) != _same(new):
                out.append([f.id, old, new])
    return out


def _same(value):
    """A multi choice's options in any order are the same answer."""
    return sorted(map(str, value)) if isinstance(value, list) else value
