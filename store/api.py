"""`Store`: the local database API of CONTRACTS §4 (records, settings, org units)."""
from __future__ import annotations

import getpass
from pathlib import Path

from sqlite_utils import Database

from forms.lifecycle import EDITABLE, LifecycleError, Status, check_delete
from store import query
from store.cipher import dbapi
from store.codec import dumps, loads, new_id, shape_problems
from store.db import connect, migrate, transaction, utc_now
from store.errors import NotFound, StoreError
from store.importing import ImportMixin
from store.settings import START_KEYS, save_start_setting
from store.workflow import WorkflowMixin, checked, load_form_for, type_problems
from store.writes import fetch, fetch_stored, persist

ORG_UNIT_KEYS = ("id", "kind", "region", "name_ru", "name_kk", "name_en", "active")


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):  # no login name (some containers / services)
        return "unknown"


class Store(WorkflowMixin, ImportMixin):
    def __init__(self, db: Database, *, path: Path | None = None, user: str | None = None):
        self.db = db
        self.path = path
        self.user = user or _default_user()
        self.closed = False

    def close(self) -> None:
        self.closed = True   # a timer firing after this (an editor's autosave) writes nothing
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def transaction(self):
        """Context manager: one write transaction (savepoint when nested)."""
        return transaction(self.db)

    # -- records -------------------------------------------------------------------------
    def get_record(self, id: str) -> dict | None:
        return fetch(self.db, id)

    def _live(self, id: str) -> dict:
        rec = fetch(self.db, id)
        if rec is None or rec["deleted"]:
            raise NotFound(id)
        return rec

    def list_records(self, **kwargs) -> list[dict]:
        return query.list_records(self.db, **kwargs)

    def count_records(self, *, order_by=None, limit=None, offset=None, **filters) -> int:
        return query.count_records(self.db, **filters)

    def save_record(self, record: dict, *, user: str, reason: str | None = None,
                    role: str | None = None) -> dict:
        """Create or update a draft/returned record; a submitted one needs `reason` and
        becomes a correction (new revision); an approved one is locked (forms.lifecycle)."""
        problems = shape_problems(record)
        if problems:
            raise problems[0]
        with transaction(self.db):
            existing = fetch(self.db, record["id"]) if record.get("id") else None
            if existing and existing["status"] not in EDITABLE and not existing["deleted"]:
                return self._save_as_correction(existing, record, user=user, reason=reason,
                                                role=role)
            old_status = existing["status"] if existing and not existing["deleted"] else None
            checked(record.get("id"), role, old_status, old_status or Status.DRAFT,
                    form=record.get("form"))
            new = self._prepared(record, existing, user)
            persist(self.db, existing, new, user=user, at=new["updated_at"], reason=reason)
        return fetch_stored(self.db, new["id"])

    def _save_as_correction(self, existing, record, *, user, reason, role) -> dict:
        changed = dict(record.get("data") or {}) != existing["data"]
        checked(existing["id"], role, existing["status"], existing["status"],
                data_changed=changed, reason=reason)
        for key in ("org_unit", "period"):
            if record.get(key) not in (None, existing[key]):
                raise StoreError(f"record {existing['id']}: field {key!r}: a {existing['status']}"
                                 f" record keeps its {key}", code="not_editable",
                                 record_id=existing["id"], field=key)
        data = record.get("data") or {}
        changes = dict(data)
        changes.update({k: None for k in existing["data"] if k not in data})
        return self.correct_record(existing["id"], changes, user=user, reason=reason,
                                   role=role)

    def _prepared(self, record: dict, existing: dict | None, user: str) -> dict:
        rid = record.get("id") or new_id()
        if existing and existing["deleted"]:
            raise StoreError(f"record {rid} was deleted", code="deleted", record_id=rid)
        if existing and existing["form"] != record["form"]:
            raise StoreError(f"record {rid}: form cannot change from {existing['form']!r}",
                             code="bad_record", record_id=rid, field="form")
        version = record.get("form_version") or (existing or {}).get("form_version")
        form = load_form_for(record["form"], version, rid)
        new = {
            "id": rid, "form": form.id, "form_version": form.version,
            "org_unit": record["org_unit"], "period": record.get("period"),
            "status": existing["status"] if existing else Status.DRAFT.value,
            "data": dict(record.get("data") or {}),
            "justification": record.get("justification"),
            "review_comment": (existing or {}).get("review_comment"),
            "revision": (existing or {}).get("revision") or 1,
            "version": (existing or {}).get("version"), "deleted": False,
            "updated_at": utc_now(), "updated_by": user,
        }
        new["period"] = self._period_of(form, new)
        type_problems(form, new, raise_first=True)
        return new

    @staticmethod
    def _period_of(form, rec: dict) -> str:
        if rec.get("period"):
            return rec["period"]
        if getattr(form, "date_field", None) and rec["data"].get(form.date_field):
            from forms import record_period

            return record_period(form, rec)
        raise StoreError(f"record {rec['id']}: field 'period': required (YYYY-MM)",
                         code="bad_record", record_id=rec["id"], field="period")

    def delete_record(self, id: str, *, user: str, reason: str) -> None:
        """Tombstone (kept, synced as op `delete`) + audit + outbox."""
        if not (reason and str(reason).strip()):
            raise StoreError(f"record {id}: a deletion needs a reason", code="reason_required",
                             record_id=id, field="reason")
        with transaction(self.db):
            rec = self._live(id)
            try:
                check_delete(rec["status"])
            except LifecycleError as exc:
                raise StoreError(f"record {id}: {exc}", code=exc.code, record_id=id,
                                 field=exc.field) from None
            new = dict(rec, deleted=True, updated_at=utc_now(), updated_by=user)
            persist(self.db, rec, new, user=user, at=new["updated_at"], reason=reason,
                    op="delete")

    def audit(self, id: str) -> list[dict]:
        """Every audited change of the record, oldest first: one entry per changed field."""
        rows = self.db.execute("SELECT at, who, reason, changes FROM audit "
                               "WHERE record_id = ? ORDER BY id", [id]).fetchall()
        return [{"at": at, "who": who, "field": field, "old": old, "new": new, "reason": reason}
                for at, who, reason, changes in rows for field, old, new in loads(changes)]

    # -- org units, settings ----------------------------------------------------------------
    def org_units(self, kind: str | None = None, region: str | None = None) -> list[dict]:
        sql, params = "SELECT * FROM org_units WHERE 1=1", []
        for col, val in (("kind", kind), ("region", region)):
            if val is not None:
                sql += f" AND {col} = ?"
                params.append(val)
        cur = self.db.execute(sql + " ORDER BY region, kind DESC, id", params)
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def upsert_org_units(self, units: list[dict]) -> None:
        rows = []
        for i, unit in enumerate(units):
            missing = [k for k in ("id", "kind", "region", "name_ru") if not unit.get(k)]
            if missing:
                raise StoreError(f"org unit #{i + 1} ({unit.get('id')}): missing {missing}",
                                 code="bad_org_unit", field=missing[0])
            row = {k: unit.get(k) for k in ORG_UNIT_KEYS}
            row["active"] = 1 if unit.get("active", True) else 0
            rows.append([row[k] for k in ORG_UNIT_KEYS])
        with transaction(self.db):
            self.db.conn.executemany(
                f"INSERT OR REPLACE INTO org_units ({', '.join(ORG_UNIT_KEYS)}) "
                f"VALUES ({', '.join('?' * len(ORG_UNIT_KEYS))})", rows)

    def get_setting(self, key: str, default=None):
        from store.settings import get_setting

        return get_setting(self.db, key, default)

    def set_setting(self, key: str, value) -> None:
        with transaction(self.db):
            self.db.execute("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)",
                            [key, dumps(value)])
        if key in START_KEYS:
            save_start_setting(self.path, key, value)

    @property
    def device_id(self) -> str:
        value = self.get_setting("device_id")
        if not value:
            with transaction(self.db):
                value = self.get_setting("device_id") or new_id()
                self.set_setting("device_id", value)
        return value


def open_store(path=None, *, user: str | None = None) -> Store:
    """Open (creating if needed) the local database and bring its schema up to date."""
    if path is None:
        from store.location import db_path

        path = db_path()
    path = Path(path)
    db = connect_checked(path)
    try:
        migrate(db)
    except StoreError:  # written by a newer Esep: refused, left as it is
        db.close()
        raise
    except dbapi.OperationalError:
        # another process may have applied the same migration a moment earlier
        from store.migrations import migrations

        if migrations.pending(db):
            db.close()
            raise
    store = Store(db, path=path, user=user)
    from store.published import activate

    activate(store)  # the forms the centre published, kept by the last sync
    return store


def connect_checked(path: Path):
    """connect(), turning 'not a database' / unreadable files into a StoreError."""
    try:
        db = connect(path)
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except StoreError:  # the key does not open it, none was given, ...
        raise
    except (dbapi.DatabaseError, OSError) as exc:
        raise StoreError(f"cannot open the local database {path}: {exc}",
                         code="store_unreadable") from exc
