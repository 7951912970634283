"""`--set FIELD=VALUE` of an attendance list (reports.intake.read_list, the desktop's
import values): a roster column's default for every row, or a value of the record."""
from __future__ import annotations

from reports.headers import ROSTERS
from reports.intake_text import say
from reports.roster import CHOICE_ENUMS, Problem, allowed_labels, read_cell_choice


def split_set_values(form_id: str, set_values: dict | None, lang: str,
                     notes: list | None = None) -> tuple[dict, dict]:
    """--set FIELD=VALUE -> (roster column defaults, record-level values); choices read as a
    list's cells are (reports.roster.read_cell_choice): a short word or an abbreviation with
    a note added to `notes`, an ambiguous or unknown one refused naming what is allowed."""
    roster_cols = set(ROSTERS[form_id][1])
    per_row, record = {}, {}
    for fid, value in (set_values or {}).items():
        if fid in roster_cols:
            per_row[fid] = _set_choice(fid, value, lang, notes) if fid in CHOICE_ENUMS \
                else value
        elif _form_has(form_id, fid):
            record[fid] = value
        else:  # a typo or another form's column: refused, not dropped with a warning
            raise ValueError(say("set_no_field", lang, field=fid,
                                 allowed=", ".join(sorted(roster_cols - {"no", "full_name"}))))
    return per_row, record


def _set_choice(fid: str, value: str, lang: str, notes: list | None) -> str:
    code, note = read_cell_choice(fid, value, lang)
    if code is None:
        raise ValueError(f"--set {fid}={value}: " + (note[1] if note else say(
            "unknown_choice", lang, text=value, allowed=allowed_labels(fid, lang))))
    if note is not None and notes is not None:
        notes.append(Problem(None, None, fid, note[0], f"--set {fid}={value}: {note[1]}",
                             "warning"))
    return code


def _form_has(form_id: str, field_id: str) -> bool:
    from reports._ref import load_form_or_none

    form = load_form_or_none(form_id)
    return form is not None and form.has_field(field_id)
