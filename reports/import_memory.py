"""The column mapping a person gave an imported list (the desktop preview's drop-downs,
`esep import --map`), remembered on this device for the next file of the same kind with the
same header row: an attendance list's (reports.intake: its whole mapping, by column number)
and a district's own records list's (reports.list_read: the corrections, by header text as
--map names a column, or its number when the header repeats).

Kept in the store's kv (a setting of this data folder, never synced), keyed by the form and
the header's folded texts: case, stray spaces and punctuation are ignored, empty cells at the
row's end dropped; any other header is another key. A file imported with a mapping given
remembers it (replacing the last); one imported without takes the remembered one, said so
(ImportResult.remembered)."""
from __future__ import annotations

import hashlib

KEY = "import_mapping."


def header_key(form_id: str, header, *, legacy: bool = False) -> str:
    """The setting key of a header row of a list of `form_id` (`legacy`: an attendance
    list's key before it named the form)."""
    from reports.text import fold
    texts = [fold(c) if c not in (None, "") else "" for c in header]
    while texts and not texts[-1]:
        texts.pop()
    parts = texts if legacy else [form_id, *texts]
    return KEY + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:20]


def recall(store, form_id: str, header) -> dict | None:
    """The mapping remembered for this header row (None when there is none)."""
    from reports.headers import ROSTERS
    if header is None:
        return None
    saved = store.get_setting(header_key(form_id, header))
    if saved is None and form_id in ROSTERS:
        saved = store.get_setting(header_key(form_id, header, legacy=True))
    if not isinstance(saved, dict) or not saved:
        return None
    return {int(k) if str(k).isdigit() else str(k): v for k, v in saved.items()}


def keep(store, form_id: str, header, mapping: dict | None) -> None:
    """Remember `mapping` for this header row (nothing without a header or a mapping)."""
    if header is None or not mapping:
        return
    store.set_setting(header_key(form_id, header), {str(k): v for k, v in mapping.items()})
