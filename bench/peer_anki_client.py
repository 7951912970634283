"""Anki's side of the peer benchmark, run by the `anki` venv's Python (not Esep's):

    prepare COL RECORDS.json ENDPOINT USER PASSWORD AUTH.json [seed]   new collection with the
        note type, log in, first (full) upload, then the records added as notes: the next sync
        is a normal incremental one; with "seed" the notes go up in that first upload
    login COL ENDPOINT USER PASSWORD AUTH.json                   new empty collection, log in
    sync COL AUTH.json [ENDPOINT]                                one sync as the desktop does it:
        incremental when it can, the full download the server asks of a new collection

One note per record, the record's JSON fields (nested ones joined with "_") as note fields.
Prints one JSON line.
"""
from __future__ import annotations

import json
import sys

from anki.collection import AddNoteRequest, Collection
from anki.sync import SyncAuth

MODEL = "esep record"


def _flat(obj: dict, prefix: str = "") -> dict:
    out: dict = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}_"))
        else:
            out[f"{prefix}{key}"] = "" if value is None else str(value)
    return out


def _model(col: Collection, fields: list[str]) -> dict:
    mm = col.models
    model = mm.new(MODEL)
    for name in fields:
        mm.add_field(model, mm.new_field(name))
    template = mm.new_template("record")
    template["qfmt"], template["afmt"] = f"{{{{{fields[0]}}}}}", f"{{{{{fields[1]}}}}}"
    mm.add_template(model, template)
    mm.add(model)
    return mm.by_name(MODEL)


def _fields(records: list[dict]) -> list[str]:
    return sorted({k for r in records for k in _flat(r)}, key=lambda k: (k != "id", k))


def _add_notes(col: Collection, records: list[dict], model: dict) -> None:
    flat = [_flat(r) for r in records]
    fields = [f["name"] for f in model["flds"]]
    deck = col.decks.id("Default")
    requests = []
    for f in flat:
        note = col.new_note(model)
        for name in fields:
            note[name] = f.get(name, "")
        requests.append(AddNoteRequest(note=note, deck_id=deck))
    col.add_notes(requests)


def _sync(col: Collection, auth: SyncAuth, upload_first: bool = False) -> dict:
    out = col.sync_collection(auth, False)
    kind = {out.NO_CHANGES: "incremental", out.NORMAL_SYNC: "incremental"}.get(out.required)
    if kind is None:  # the server asks for a full sync: a new collection downloads
        upload = out.required == out.FULL_UPLOAD or (out.required == out.FULL_SYNC
                                                     and upload_first)
        col.close_for_full_sync()
        col.full_upload_or_download(auth=auth, server_usn=out.server_media_usn,
                                    upload=upload)
        col.reopen(after_full_sync=True)
        kind = "full upload" if upload else "full download"
    return {"sync": kind, "notes": col.note_count()}


def _login(col: Collection, endpoint: str, user: str, password: str, auth_file: str):
    auth = col.sync_login(user, password, endpoint)
    with open(auth_file, "w") as fh:
        json.dump({"hkey": auth.hkey, "endpoint": endpoint}, fh)
    return auth


def _auth(auth_file: str, endpoint: str | None) -> SyncAuth:
    with open(auth_file) as fh:
        saved = json.load(fh)
    return SyncAuth(hkey=saved["hkey"], endpoint=endpoint or saved["endpoint"])


def main(argv: list[str]) -> dict:
    cmd, path = argv[0], argv[1]
    col = Collection(path)
    try:
        if cmd == "prepare":
            records_file, endpoint, user, password, auth_file = argv[2:7]
            with open(records_file) as fh:
                records = json.load(fh)
            auth = _login(col, endpoint, user, password, auth_file)
            model = _model(col, _fields(records))  # a new note type: a full sync follows
            if len(argv) > 7:  # "seed": the notes go up in that full sync
                _add_notes(col, records, model)
                return _sync(col, auth, upload_first=True)
            first = _sync(col, auth, upload_first=True)
            _add_notes(col, records, col.models.by_name(MODEL))
            return {**first, "notes": col.note_count()}
        if cmd == "login":
            _login(col, *argv[2:6])
            return {"notes": col.note_count()}
        if cmd == "sync":
            return _sync(col, _auth(argv[2], argv[3] if len(argv) > 3 else None))
        raise SystemExit(f"unknown command {cmd}")
    finally:
        if col.db:
            col.close()


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])), flush=True)
