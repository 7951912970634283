"""The canonical record (CONTRACTS §3) <-> the `records` row; shape checks; field diffs."""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterable

from forms.lifecycle import STATUSES, Status
from forms.periods import PERIOD_RE
from store.errors import StoreError

# Header keys tracked in the audit log under a leading underscore (data fields have none).
META_AUDITED = ("form_version", "org_unit", "period", "status", "justification",
                "review_comment", "deleted")
RECORD_KEYS = ("id", "form", "form_version", "org_unit", "period", "status", "data",
               "justification", "review_comment", "revision", "version", "deleted",
               "updated_at", "updated_by")


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def loads(text):
    return None if text is None else json.loads(text)


EXTRA_COLUMNS = ("created_at", "created_by")  # row columns a listing may add to records


def row_to_record(row: dict, shared: dict | None = None, extra: tuple = ()) -> dict:
    """The record of a `records` row, with the `extra` columns (EXTRA_COLUMNS). `shared`
    (one dict for the rows of one listing): equal keys and short texts of the records
    become one object, and the records' dicts share their key tables (`compact`)."""
    rec = {k: row[k] for k in RECORD_KEYS + extra if k in row}
    rec["data"] = json.loads(row["data"])
    rec["deleted"] = bool(row["deleted"])
    if shared is None:
        return rec
    data = compact(rec["data"], shared, ("data", rec["form"]))
    return keyed(shared, ("record",), ((k, data if k == "data" else share(v, shared))
                                       for k, v in rec.items()))


def rows_to_records(rows: list, columns: tuple, shared: dict) -> list[dict]:
    """`row_to_record(row, shared, extra)` of many rows at once, faster: each row a tuple of
    `columns` (RECORD_KEYS + extra, in that order) after one leading value (the row id);
    their data decoded as one JSON document (the decoder's key memo spans them) and their
    values shared a column at a time, without a call per value (`_Compactor`)."""
    if not rows:
        return []
    at, gone, form = (columns.index(k) for k in ("data", "deleted", "form"))
    values: list = list(zip(*rows))[1:]  # by column, the leading row ids left out
    datas = json.loads("[" + ",".join(values[at]) + "]")
    if len(datas) != len(rows):  # a data text that is not one JSON value: decode each alone
        datas = [json.loads(text) for text in values[at]]
    to = _Compactor(shared)
    for i, name in enumerate(columns):
        if name not in UNSHARED:
            values[i] = to.seq(values[i], ())
    values[at] = [to.obj(d, ("data", f)) if type(d) is dict else compact(d, shared, ("data", f))
                  for d, f in zip(datas, values[form], strict=True)]
    values[gone] = [bool(v) for v in values[gone]]
    holder = _kind_class(("record",))
    out = []
    for record in zip(*values):
        rec = holder().__dict__  # as `keyed` makes it; the keys: one tuple's
        rec.update(zip(columns, record))
        out.append(rec)
    return out


SHARED_TEXT = 40  # texts up to this length are shared (codes, names, dates, ids of units)
# One of a kind per record, or replaced: putting 100,000 ids and versions into `shared` only
# costs time and memory.
UNSHARED = ("id", "version", "data", "deleted")


def share(value, shared: dict):
    """The equal object of `shared` for a short text or a number (immutable values: equal
    counts, hours and codes recur across 100,000 records); others as they are."""
    kind = type(value)
    if kind is str:
        return shared.setdefault(value, value) if len(value) <= SHARED_TEXT else value
    if kind is int or kind is float:  # by type: 1, 1.0 and True are equal keys
        return _numbers(shared)[kind is float].setdefault(value, value)
    return value


_NUMBERS = object()  # the key of `shared`'s numbers: (ints, floats), one dict each


def _numbers(shared: dict) -> tuple[dict, dict]:
    numbers = shared.get(_NUMBERS)
    if numbers is None:
        numbers = shared[_NUMBERS] = ({}, {})
    return numbers


def compact(value, shared: dict, kind: tuple = ()):
    """`value` with its short texts and numbers replaced by the equal object in `shared`
    (added when new): a listing of 100,000 records repeats the same field names, codes and
    org units in every record, which JSON decoding makes again each time (about 1.6 KB of a
    record's 2.7 KB in memory). Its dicts are `keyed` by their place `kind` (their keys then
    held once per kind)."""
    if type(value) is dict:
        return _Compactor(shared).obj(value, kind)
    if type(value) is list:
        return _Compactor(shared).seq(value, kind)
    return share(value, shared)


class _Compactor:
    """`compact` of dicts and of lists' items for one `shared`, its lookups bound once and
    `share` inlined: a call per value was a quarter of a 100,000-record listing's time. A
    class, not closures calling each other: those are a reference cycle that would keep
    `shared` (megabytes) alive after its listing until the collector runs."""

    __slots__ = ("floats", "ints", "same")

    def __init__(self, shared: dict) -> None:
        self.same = shared.setdefault
        self.ints, self.floats = (n.setdefault for n in _numbers(shared))

    def obj(self, value: dict, kind: tuple) -> dict:
        # its keys as decoded: a key-sharing dict holds them once per kind, and JSON's
        # decoder shares them within a chunk of rows (store.codec.rows_to_records)
        same, ints, floats, obj, seq = self.same, self.ints, self.floats, self.obj, self.seq
        out = (_KINDS.get(kind) or _kind_class(kind))().__dict__
        out.update(zip(value, [same(v, v) if (t := type(v)) is str and len(v) <= SHARED_TEXT
                               else ints(v, v) if t is int
                               else seq(v, kind + (k,)) if t is list
                               else floats(v, v) if t is float
                               else obj(v, kind + (k,)) if t is dict else v
                               for k, v in value.items()]))
        return out

    def seq(self, items: Iterable, kind: tuple) -> list:
        same, ints, floats, obj, seq = self.same, self.ints, self.floats, self.obj, self.seq
        return [same(v, v) if (t := type(v)) is str and len(v) <= SHARED_TEXT
                else ints(v, v) if t is int else floats(v, v) if t is float
                else obj(v, kind) if t is dict else seq(v, kind) if t is list else v
                for v in items]


def keyed(shared: dict | None, kind: tuple, items) -> dict:
    """A plain dict of `items` whose key table is shared with the other dicts of the same
    `kind` (CPython's key-sharing instance dicts, PEP 412): 15 keys cost ~220 bytes, not
    ~470. The dict is an ordinary one (same order, equality, mutation); a key beyond the
    shared table's room only makes that dict a regular one. The items go into the holder's
    `__dict__` as into any dict (no attribute lookup: a key such as `__class__` is just a
    key)."""
    out = _kind_class(kind)().__dict__
    if shared is None:
        out.update(items)
    else:
        same = shared.setdefault
        out.update((same(k, k), v) for k, v in items)
    return out


def _kind_class(kind: tuple) -> type:
    """The class whose instances' dicts share the key table of `kind`."""
    cls = _KINDS.get(kind)
    if cls is None:
        cls = type("Keys", (), {})
        if len(_KINDS) < MAX_KINDS:
            cls = _KINDS.setdefault(kind, cls)
    return cls


# One class per kind for the process: a class is cyclic garbage the collector must free, and
# the desktop's review pauses and then freezes the collector (desktop.tasks.gc_paused).
_KINDS: dict[tuple, type] = {}
MAX_KINDS = 4096  # kinds come from form field paths; past this, classes are not kept



def record_to_row(rec: dict) -> dict:
    row = {k: rec.get(k) for k in RECORD_KEYS}
    row["data"] = dumps(rec["data"])
    row["deleted"] = 1 if rec.get("deleted") else 0
    return row


def _bad(rid, field, why, code: str, value=None) -> StoreError:
    """A header refusal; `code` (header_*) says it in the user's language with the field and
    the value as given."""
    return StoreError(f"record {rid}: field {field!r}: {why}", code=code, record_id=rid,
                      field=field, params={"field": field, "value": repr(value)[:80]})


def shape_problems(rec) -> list[StoreError]:
    """Header problems of an incoming record (everything except data types)."""
    if not isinstance(rec, dict):
        return [StoreError(f"expected a record object, got {type(rec).__name__}",
                           code="bad_record")]
    rid = rec.get("id")
    out = []
    if rid is not None and not (isinstance(rid, str) and _is_uuid(rid)):
        out.append(_bad(rid, "id", f"not a UUID: {rid!r}", "header_not_uuid", rid))
    for key in ("form", "org_unit"):
        value = rec.get(key)
        if not isinstance(value, str) or not value.strip():
            out.append(_bad(rid, key, "required text is missing", "header_required"))
    period = rec.get("period")
    if period is not None and not (isinstance(period, str) and PERIOD_RE.match(period)):
        out.append(_bad(rid, "period", f"expected YYYY-MM, got {period!r}", "header_period",
                            period))
    if rec.get("status", Status.DRAFT) not in STATUSES:
        out.append(_bad(rid, "status", f"unknown status {rec.get('status')!r}", "header_status",
                            rec.get("status")))
    if not isinstance(rec.get("data", {}), dict):
        out.append(_bad(rid, "data", "expected an object of field values", "header_data"))
    for key in ("justification", "review_comment"):
        if rec.get(key) is not None and not isinstance(rec.get(key), str):
            out.append(_bad(rid, key, "expected text or null", "header_text", rec.get(key)))
    for key in ("form_version", "revision", "version"):
        val = rec.get(key)
        if val is not None and (not isinstance(val, int) or isinstance(val, bool)):
            out.append(_bad(rid, key, f"expected an integer, got {val!r}", "header_integer", val))
    return out


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def new_id() -> str:
    return str(uuid.uuid4())


def field_changes(old: dict | None, new: dict) -> list[tuple[str, object, object]]:
    """(field, old, new) for every audited difference; data fields by id, header fields
    as `_name`. A new record lists every non-empty value against None."""
    old = old or {"data": {}}
    out = []
    for key in META_AUDITED:
        before, after = old.get(key), new.get(key)
        if key == "deleted":
            before, after = bool(before), bool(after)
        if dumps(before) != dumps(after):
            out.append((f"_{key}", before, after))
    od, nd = old.get("data") or {}, new.get("data") or {}
    for fid in list(od) + [k for k in nd if k not in od]:
        if dumps(od.get(fid)) != dumps(nd.get(fid)):
            out.append((fid, od.get(fid), nd.get(fid)))
    return out


def flat_paths(data: dict, prefix: str = "") -> dict:
    """A record's values by dotted path: {"gender.F": 3, "volunteers_total": 9}; a roster
    (a list) stays one value."""
    out = {}
    for key, value in data.items():
        if isinstance(value, dict) and value:
            out.update(flat_paths(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out
