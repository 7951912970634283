"""Re-import of a flat table written by reports.table_io (xlsx: keys in row 2; csv: row 1)."""
from __future__ import annotations

from pathlib import Path

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


def _sheet_rows(path: Path, sheet: str | None):
    rows = iter_rows(path, sheet=sheet)
    if kind_of(path) == "xlsx":
        next(rows, None)                                  # labels row
    keys = next(rows, None)
    if not keys or "id" not in keys and "record_id" not in keys:
        raise ImportFailed(f"{path.name}: not a table exported by Esep (no id column); for "
                           f"lists use the focus_group or seminar import", "no_header")
    return list(keys), rows


def _record(form, keys, row, n, problems) -> dict:
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
            problems.append(_p(n, key, "unknown_field", "unknown column"))
            continue
        except (TypeError, ValueError):
            problems.append(_p(n, key, "bad_value", f"«{value}» does not fit"))
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


def _p(row, col, code, message):
    return {"row": row, "column": col, "field": col, "code": code, "severity": "error",
            "message": f"row {row}, column {col}: {message}"}


def _rosters(form, path: Path, by_id: dict, problems) -> None:
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
        keys, rows = _sheet_rows(src, sheet)
        for n, row in enumerate(rows, start=3):
            item = dict(zip(keys, row))
            rec = by_id.get(item.pop("record_id", None))
            if rec is None:
                problems.append(_p(n, "record_id", "unknown_record", "no such record"))
                continue
            clean = {}
            for k, v in item.items():
                try:
                    clean[k] = _convert(fd.column(k), v)
                except (KeyError, TypeError, ValueError):
                    problems.append(_p(n, k, "bad_value", f"«{v}» does not fit"))
            rec["data"].setdefault(fd.id, []).append(
                {k: v for k, v in clean.items() if v is not None})


def read_table(store, form_id, path: Path, *, user, dry_run=False, reason=None) -> ImportResult:
    form = load_form_or_none(form_id)
    if form is None:
        raise ImportFailed(f"unknown form {form_id!r}", "unknown_form")
    keys, rows = _sheet_rows(path, "records" if kind_of(path) == "xlsx" else None)
    problems: list[dict] = []
    records = []
    for n, row in enumerate(rows, start=3 if kind_of(path) == "xlsx" else 2):
        if any(v not in (None, "") for v in row):
            records.append(_record(form, keys, row, n, problems))
    _rosters(form, path, {r.get("id"): r for r in records}, problems)
    _, store_problems = store.check_records(records, user=user)
    problems += [dict(p, severity="error") for p in store_problems]
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
