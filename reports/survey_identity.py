"""Which response a row of a survey export is (reports/survey_import.py), so that reading an
export again updates the answers a clerk corrected in the sheet instead of adding them twice.

A row's identity is its submission, not its content: the export's submission id when it has
one (KoBo `_uuid` / `_id`, ODK `meta/instanceID`, «ID ответа», Yandex and Microsoft Forms
«ID»); else the submission time («Отметка времени», "Timestamp", «Уақыт белгісі» …) with the
respondent columns the export has (e-mail, phone, name; a БИН field of the form); else, as
before, the whole row. A respondent (the same respondent columns, no submission id) who sent
the form again within REPEAT_WINDOW counts once: the later answers, kept under the first
submission's id (so an earlier import of the first one is updated, not doubled).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field

from forms.people import phone_key
from reports.survey_values import to_moment
from reports.text import fold

REPEAT_WINDOW = dt.timedelta(minutes=10)      # a second submission sooner is the same answer
NAMESPACE = uuid.UUID("6b0d7c52-2a8e-4f0c-9d43-5b1f3e0a7c16")
# The preferred first: KoBo writes `_uuid`, `_id` and `meta/instanceID` side by side.
SUBMISSION_ID = ["_uuid", "meta/instanceID", "instanceID", "KEY", "_id", "ID ответа",
                 "Идентификатор ответа", "Жауап ID", "Жауап идентификаторы", "Response ID",
                 "Submission ID", "ID"]
# The time a form was sent (a date-only column such as «Дата анкетирования» is not one).
SUBMITTED_AT = ["Отметка времени", "Timestamp", "Уақыт белгісі", "Время создания",
                "Время ответа", "Жауап уақыты", "Время завершения", "Completion time",
                "Аяқталу уақыты", "Время отправки", "Жіберілген уақыты", "_submission_time",
                "SubmissionDate"]
RESPONDENT = {
    "email": ["Адрес электронной почты", "Электронная почта", "Эл. почта", "E-mail", "Email",
              "Email Address", "Электрондық пошта", "Электрондық пошта мекенжайы"],
    "phone": ["Телефон", "Номер телефона", "Контактный телефон", "Ваш телефон",
              "Мобильный телефон", "Телефон нөмірі", "Байланыс телефоны", "Ұялы телефон",
              "Phone", "Phone number"],
    "name": ["ФИО", "Ф.И.О.", "Ваше ФИО", "Фамилия, имя", "Фамилия Имя Отчество", "Имя",
             "Ваше имя", "Имя и фамилия", "Аты-жөні", "Аты-жөніңіз", "Толық аты-жөні",
             "Name", "Full name", "Your name"]}


@dataclass
class Identity:
    """Columns (0-based) that tell the responses of one export apart."""
    submission: int | None = None
    submitted_at: int | None = None
    who: list[tuple[int, str]] = field(default_factory=list)   # (column, kind or field id)

    def columns(self) -> list[int]:
        """The columns a response is known by; [] when only its whole row tells it."""
        if self.submission is not None:
            return [self.submission]
        if self.submitted_at is not None:
            return [self.submitted_at, *(c for c, _kind in self.who)]
        return []


@dataclass
class Response:
    row: int
    key: list | None = None            # what identifies it; None: its whole row does
    kind: str = "row"                  # "submission", "time" or "row"
    at: dt.datetime | None = None
    who: tuple[str, ...] = ()          # the respondent's values, () when none is given


def identity_of(keys: list[str], form, columns: dict[int, str]) -> Identity:
    """`keys`: the headers folded as columns are matched; `columns`: column -> field id."""
    ids = [fold(t) for t in SUBMISSION_ID]
    found = sorted((ids.index(k), c) for c, k in enumerate(keys) if k in ids)
    times = {fold(t) for t in SUBMITTED_AT}
    ident = Identity(submission=found[0][1] if found else None,
                     submitted_at=next((c for c, k in enumerate(keys) if k in times), None))
    for kind, names in RESPONDENT.items():
        folded = {fold(n) for n in names}
        ident.who += [(c, kind) for c, k in enumerate(keys) if k in folded]
    bins = {f.id for f in form.fields if f.extra.get("check") == "bin"}
    ident.who += sorted((c, fid) for c, fid in columns.items() if fid in bins)
    return ident


def response_of(ident: Identity, row: tuple, data: dict, n: int) -> Response:
    """The identity of sheet row `n` (its cells `row`, read into `data`)."""
    def raw(col: int | None):
        return row[col] if col is not None and col < len(row) else None

    def cell(col: int | None) -> str:
        value = raw(col)
        if isinstance(value, float) and value.is_integer():
            value = int(value)                       # an id a sheet keeps as a number
        return "" if value is None else " ".join(str(value).split())

    if cell(ident.submission):
        return Response(n, ["submission", cell(ident.submission)], "submission")
    if not cell(ident.submitted_at):
        return Response(n)
    at = to_moment(raw(ident.submitted_at))
    who = tuple(_person(kind, (data.get(kind) if kind not in RESPONDENT else None) or cell(col))
                for col, kind in ident.who)
    who = who if any(who) else ()
    stamp = at.isoformat(sep=" ") if at else cell(ident.submitted_at)
    return Response(n, ["time", stamp, list(who)], "time", at, who)


def _person(kind: str, text: str) -> str:
    if kind == "phone":
        return phone_key(text)
    if kind not in RESPONDENT:                             # a БИН: digits
        return re.sub(r"\D", "", str(text))
    return " ".join(fold(text).split()) if kind == "name" else text.strip().casefold()


def record_id(form_id: str, key: list) -> str:
    return str(uuid.uuid5(NAMESPACE, json.dumps([form_id, *key], ensure_ascii=False)))


def settle(form_id: str, items: list[tuple[dict, Response]]) -> tuple[list[dict], list]:
    """The records to keep, each under its identity's id (`_legacy`: the whole-row id an
    earlier version gave it), and notes (code, row, params) on the rows counted once."""
    notes: list[tuple[str, int, dict]] = []
    first: dict[str, int] = {}
    unique = []
    for rec, resp in items:                  # a form sent twice: the same cells
        if rec["id"] in first:
            notes.append(("survey_same_row", resp.row, {"row": resp.row,
                                                        "first": first[rec["id"]]}))
            continue
        first[rec["id"]] = resp.row
        unique.append((rec, resp))
    unique = _repeats(unique, notes)
    out: list[dict] = []
    at: dict[str, int] = {}                  # record id -> its place in `out`
    for rec, resp in unique:
        if resp.key is not None:
            rec["_legacy"] = rec["id"]
            rec["id"] = _free_id(form_id, resp, resp.key, out, at, notes)
        if rec["id"] in at:                  # the same submission id: the later row is kept
            out[at[rec["id"]]] = rec
        else:
            at[rec["id"]] = len(out)
            out.append(rec)
    return out, notes


def _free_id(form_id: str, resp: Response, key: list, out: list[dict], at: dict,
             notes: list) -> str:
    """The response's id; two respondents sent at the same moment (no respondent columns
    tell them apart) are the first, second … at that moment, in the sheet's order."""
    rid, k = record_id(form_id, key), 1
    while rid in at and resp.kind != "submission":
        k += 1
        rid = record_id(form_id, [*key, k])
    if rid in at:
        earlier = out[at[rid]]["_row"]
        notes.append(("survey_same_submission", resp.row, {
            "row": resp.row, "first": earlier, "id": key[1]}))
    return rid


def _repeats(items: list[tuple[dict, Response]], notes: list) -> list[tuple[dict, Response]]:
    """A respondent's submissions less than REPEAT_WINDOW after the one before count once:
    the later answers, under the first submission's identity."""
    groups: dict[tuple, list[tuple[dict, Response]]] = {}
    for rec, resp in items:
        if resp.kind == "time" and resp.who and resp.at is not None:
            groups.setdefault(resp.who, []).append((rec, resp))
    dropped: set[int] = set()
    for group in groups.values():
        group.sort(key=lambda item: (item[1].at, item[1].row))
        (_r, kept), *rest = group
        for _rec, resp in rest:
            assert resp.at is not None and kept.at is not None
            gap = resp.at - kept.at
            if gap >= REPEAT_WINDOW:
                kept = resp
                continue
            minutes = round(gap.total_seconds() / 60)
            notes.append(("survey_repeat_submission", resp.row, {
                "row": resp.row, "first": kept.row, "minutes": minutes,
                "who": ", ".join(v for v in resp.who if v)}))
            dropped.add(kept.row)
            resp.key = kept.key
            kept = Response(resp.row, kept.key, kept.kind, resp.at, resp.who)
    return [(rec, resp) for rec, resp in items if resp.row not in dropped]
