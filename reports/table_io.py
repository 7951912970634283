"""Flat tables of any form: export to .xlsx / .csv / .json, and re-import what was exported.

One row per record. Counts fields become one column per code (`gender.F`), multi-choice
fields a `;`-joined list of codes, rosters a separate sheet (xlsx) or file (csv:
`<name>.<roster>.csv`) keyed by record id. In .xlsx, row 1 has labels in the chosen language
and row 2 the machine keys; a .csv has the keys only. Personal fields (and roster columns)
are left out unless include_personal=True.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path

from reports._ref import enum_codes, load_form_or_none

BASE = ["id", "org_unit", "period", "status", "revision", "form_version", "updated_at",
        "updated_by"]
FALLBACK_PERSONAL = {"full_name", "phone", "official_name", "replacement_official_name"}


class ExportError(ValueError):
    pass


def _personal(fd) -> bool:
    return bool(getattr(fd, "personal", False))


def columns(form, include_personal: bool) -> tuple[list[str], list]:
    """(main keys, roster field defs)."""
    keys, rosters = list(BASE), []
    for fd in form.fields:
        if _personal(fd) and not include_personal:
            continue
        if fd.type == "counts":
            keys += [f"{fd.id}.{c}" for c in enum_codes(fd.choices)]
        elif fd.type == "roster":
            rosters.append(fd)
        else:
            keys.append(fd.id)
    return keys, rosters


def _flat(rec: dict, keys: list[str]) -> list:
    data = rec.get("data") or {}
    out = []
    for k in keys:
        if k in BASE:
            out.append(rec.get(k))
            continue
        fid, _, code = k.partition(".")
        v = data.get(fid)
        if code:
            v = (v or {}).get(code) if isinstance(v, dict) else None
        elif isinstance(v, list):
            v = ";".join(map(str, v))
        elif isinstance(v, dict):
            v = json.dumps(v, ensure_ascii=False)
        out.append(v)
    return out


def _roster_rows(records, fd, include_personal):
    cols = [c for c in fd.columns if include_personal or not _personal(c)]
    keys = ["record_id"] + [c.id for c in cols]
    rows = [[r["id"], *[row.get(c.id) for c in cols]]
            for r in records for row in (r.get("data") or {}).get(fd.id) or []]
    return cols, keys, rows


def _label(form, key, lang) -> str:
    fid, _, code = key.partition(".")
    if key in BASE or key == "record_id":
        return key
    from reports._ref import field_label, label

    fd = form.field(fid)
    text = field_label(form, fid, lang)
    return f"{text}: {label(fd.choices, code, lang)}" if code else text


def export_table(records, form_id, fmt, out: Path, *, lang="ru",
                 include_personal=False) -> Path:
    form = load_form_or_none(form_id)
    if form is None:
        raise ExportError(f"unknown form {form_id!r}")
    if fmt == "json":
        from reports.io import strip_personal

        recs = records if include_personal else [strip_personal(form, r) for r in records]
        _atomic(out, json.dumps({"form": form_id, "records": recs}, ensure_ascii=False,
                                indent=2).encode("utf-8"))
        return out
    keys, rosters = columns(form, include_personal)
    rows = [_flat(r, keys) for r in records]
    if fmt == "xlsx":
        return _xlsx(out, form, keys, rows, rosters, records, lang, include_personal)
    if fmt == "csv":
        _write_csv(out, keys, rows)
        for fd in rosters:
            _, rkeys, rrows = _roster_rows(records, fd, include_personal)
            _write_csv(out.with_name(f"{out.stem}.{fd.id}.csv"), rkeys, rrows)
        return out
    raise ExportError(f"unknown format {fmt!r}: use xlsx, csv or json")


def _atomic(out: Path, payload: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".esep-", suffix=out.suffix)
    except OSError as exc:  # named by the file asked for, not by the temporary one
        raise OSError(exc.errno, exc.strerror, str(out)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(out)) from None


def _write_csv(out: Path, keys, rows) -> None:
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(keys)
    w.writerows(rows)
    _atomic(out, buf.getvalue().encode("utf-8-sig"))


def _xlsx(out, form, keys, rows, rosters, records, lang, include_personal) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    sheets = [("records", keys, rows)]
    for fd in rosters:
        _, rkeys, rrows = _roster_rows(records, fd, include_personal)
        sheets.append((fd.id[:31], rkeys, rrows))
    for title, skeys, srows in sheets:
        ws = wb.create_sheet(title)
        ws.freeze_panes = "B3"
        ws.append([_label(form, k, lang) if "." in k or k in BASE or k == "record_id"
                   else _roster_label(form, title, k, lang) for k in skeys])
        ws.append(skeys)
        for row in srows:
            ws.append(row)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    except OSError as exc:  # named by the file asked for, not by the temporary one
        raise OSError(exc.errno, exc.strerror, str(out)) from None
    finally:
        tmp.unlink(missing_ok=True)  # a refused replace (OUT is a folder) leaves no litter
    return out


def _roster_label(form, roster_id, key, lang) -> str:
    if roster_id == "records":
        return _label(form, key, lang)
    try:
        col = form.field(roster_id).column(key)
    except KeyError:
        return key
    return col.label.get(lang) or col.label.get("ru") or key


def import_table(store, form_id, path, *, user, dry_run=False, reason=None, lang="ru"):
    from reports.table_read import read_table

    return read_table(store, form_id, Path(path), user=user, dry_run=dry_run, reason=reason,
                      lang=lang)
