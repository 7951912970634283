"""Re-import of a flat table written by reports.table_io (xlsx: keys in row 2; csv: row 1)."""
from __future__ import annotations

from pathlib import Path

from forms.messages import has_message, message_text
from reports._ref import load_form_or_none
from reports.io import ImportFailed, ImportResult
from reports.readers import iter_rows, kind_of
from reports.table_io import BASE

INT_BASE = {"revision", "form_version"}


def _convert(fd, value):
    if value is None or value == "":
        return None
    if fd.type == "integer":
        f = float(value)
        if not f.is_integer():
            raise ValueError
        return int(f)
    if fd.type == "decimal":
        f = float(value)
        return int(f) if f.is_integer() else f
    if fd.type == "multi_choice":
        return [v for v in str(value).split(";") if v]
    if fd.type == "boolean":
        return str(value).strip().lower() in ("true", "1", "yes", "да")
    return value if isinstance(value, str) else str(value)


def _sheet_rows(path: Path, sheet: str | None, lang: str = "ru"):
    """(keys, labels, rows): an .xlsx table has the columns' labels in row 1, keys in row 2."""
    rows = iter_rows(path, sheet=sheet)
    labels = next(rows, None) if kind_of(path) == "xlsx" else None
    keys = next(rows, None)
    if not keys or "id" not in keys and "record_id" not in keys:
        raise ImportFailed(message_text("table_not_export", lang, {"file": path.name}),
                           "no_header")
    return list(keys), list(labels or keys), rows


def _record(form, keys, row, n, problems, say) -> dict:
    rec: dict = {"form": form.id, "deleted": False}
    data: dict = {}
    for key, value in zip(keys, row):
        if key in BASE:
            rec[key] = int(value) if key in INT_BASE and value not in (None, "") else value
            continue
        fid, _, code = key.partition(".")
        try:
            fd = form.field(fid)
            v = _convert(fd if not code else _Int, value)
        except KeyError:
            problems.append(say(n, key, "table_unknown_column"))
            continue
        except (TypeError, ValueError):
            problems.append(say(n, key, "table_bad_value", value))
            continue
        if v is None:
            continue
        if code:
            data.setdefault(fid, {})[code] = v
        else:
            data[fid] = v
    rec["data"] = data
    return rec


class _Int:
    type = "integer"


def _sayer(form, keys: list, labels: list, lang: str):
    """problem(row, key, code, value): a problem in `lang`, its column as the file heads it
    and its field by its label."""
    heads = {k: str(h) for k, h in zip(keys, labels) if h not in (None, "")}

    def problem(row, key, code, value=None) -> dict:
        text = message_text(code, lang, {"field": key, "value": value, "key": key},
                            form=form)
        return {"row": row, "column": heads.get(key, key), "field": key, "code": code,
                "severity": "error", "message": text}
    return problem


def _rosters(form, path: Path, by_id: dict, problems, lang: str) -> None:
    for fd in [f for f in form.fields if f.type == "roster"]:
        if kind_of(path) == "xlsx":
            src, sheet = path, fd.id[:31]
            import openpyxl

            wb = openpyxl.load_workbook(path, read_only=True)
            present = sheet in wb.sheetnames
            wb.close()
            if not present:
                continue
        else:
            src, sheet = path.with_name(f"{path.stem}.{fd.id}.csv"), None
            if not src.exists():
                continue
        keys, labels, rows = _sheet_rows(src, sheet, lang)
        say = _sayer(form, [f"{fd.id}.{k}" for k in keys], labels, lang)
        for n, row in enumerate(rows, start=3):
            item = dict(zip(keys, row))
            rec = by_id.get(item.pop("record_id", None))
            if rec is None:
                problems.append(say(n, f"{fd.id}.record_id", "table_unknown_record"))
                continue
            clean = {}
            for k, v in item.items():
                try:
                    clean[k] = _convert(fd.column(k), v)
                except (KeyError, TypeError, ValueError):
                    problems.append(say(n, f"{fd.id}.{k}", "table_bad_value", v))
            rec["data"].setdefault(fd.id, []).append(
                {k: v for k, v in clean.items() if v is not None})


def read_table(store, form_id, path: Path, *, user, dry_run=False, reason=None,
               lang: str = "ru") -> ImportResult:
    form = load_form_or_none(form_id)
    if form is None:
        raise ImportFailed(message_text("table_unknown_form", lang, {"form": form_id}),
                           "unknown_form")
    keys, labels, rows = _sheet_rows(path, "records" if kind_of(path) == "xlsx" else None, lang)
    say = _sayer(form, keys, labels, lang)
    problems: list[dict] = []
    records = []
    first = 3 if kind_of(path) == "xlsx" else 2
    for n, row in enumerate(rows, start=first):
        if any(v not in (None, "") for v in row):
            records.append(_record(form, keys, row, n, problems, say))
    _rosters(form, path, {r.get("id"): r for r in records}, problems, lang)
    _, store_problems = store.check_records(records, user=user)
    problems += [_store_problem(p, form, first, lang) for p in store_problems]
    diff = []
    for rec in records:
        old = store.get_record(rec["id"]) if rec.get("id") else None
        if old is None or old["data"] != rec["data"]:
            diff.append({"field": rec.get("id") or "(new)", "old": old and old["data"],
                         "new": rec["data"]})
    result = ImportResult(records=records, problems=problems, diff=diff)
    if dry_run:
        return result
    from reports.io import _commit

    _commit(store, result, user=user, update=False, reason=reason or "import")
    return result


def _store_problem(p: dict, form, first_row: int, lang: str) -> dict:
    """A problem of the store's checks, in `lang` where its code has a text, at the row of
    its record in the file."""
    text = p["message"]
    if has_message(p.get("code") or ""):
        text = message_text(p["code"], lang, p.get("params") or {"field": p.get("field")},
                            form=form)
    return dict(p, severity="error", message=text, row=first_row + p["index"] - 1,
                column=None)
