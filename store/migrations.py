"""The one forward-only migration chain of the local database (sqlite-utils Migrations).

A migration that has landed on main is never edited: add a new function at the end.
Tests open fixture databases made by every earlier schema (tests/fixtures/) and upgrade them.
"""
from __future__ import annotations

import json

from sqlite_utils import Database, Migrations

migrations = Migrations("esep-local")


def schema_versions(db: Database) -> tuple[int, int]:
    """(the database's schema version, this program's): the number of migrations applied to it
    and the number this program knows. The database's is higher when a newer Esep wrote it."""
    known = {m.name for m in migrations.pending(Database(memory=True, execute_plugins=False))}
    applied = [m.name for m in migrations.applied(db)]
    ours = len(known)
    if set(applied) <= known:
        return len(applied), ours
    return max(len(applied), ours + 1), ours


@migrations()
def m001_initial(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE records (
            id TEXT PRIMARY KEY,                 -- client-made UUID
            form TEXT NOT NULL,
            form_version INTEGER NOT NULL,
            org_unit TEXT NOT NULL,
            period TEXT NOT NULL,                -- YYYY-MM
            status TEXT NOT NULL DEFAULT 'draft',-- draft|submitted|returned|approved
            data TEXT NOT NULL,                  -- JSON object of field values
            justification TEXT,                  -- comment that accompanies warnings
            review_comment TEXT,                 -- region's comment on return/approve
            revision INTEGER NOT NULL DEFAULT 1, -- grows with every correction after submission
            version INTEGER,                     -- server's version; NULL until first ack
            dirty INTEGER NOT NULL DEFAULT 1,
            deleted INTEGER NOT NULL DEFAULT 0,  -- tombstone
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_records_form ON records(form, period, org_unit)")
    # One monthly report per (org unit, period) locally; tombstones do not count.
    db.execute(
        "CREATE UNIQUE INDEX uq_monthly_report ON records(form, org_unit, period) "
        "WHERE form = 'monthly_report' AND deleted = 0"
    )
    db.execute(
        """
        CREATE TABLE revisions (             -- every submitted state stays readable
            record_id TEXT NOT NULL REFERENCES records(id),
            revision INTEGER NOT NULL,
            status TEXT NOT NULL,
            data TEXT NOT NULL,
            reason TEXT,
            editor TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (record_id, revision)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id TEXT NOT NULL REFERENCES records(id),
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            field TEXT NOT NULL,                 -- field id, or '_status', '_deleted', ...
            old TEXT,                            -- JSON
            new TEXT,                            -- JSON
            reason TEXT
        )
        """
    )
    db.execute("CREATE INDEX idx_audit_record ON audit(record_id)")
    db.execute(
        """
        CREATE TABLE outbox (                    -- local changes waiting to be pushed
            op_seq INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id TEXT NOT NULL REFERENCES records(id),
            op TEXT NOT NULL,                    -- upsert | delete
            base_version INTEGER,
            reason TEXT,
            state TEXT NOT NULL DEFAULT 'pending',-- pending | parked
            errors TEXT,                         -- JSON list, when parked
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_outbox_record ON outbox(record_id)")
    db.execute(
        """
        CREATE TABLE conflicts (
            record_id TEXT PRIMARY KEY REFERENCES records(id),
            kind TEXT NOT NULL,                  -- version | natural_key
            base TEXT,                           -- JSON record as last synced (may be NULL)
            mine TEXT NOT NULL,                  -- JSON record
            theirs TEXT NOT NULL,                -- JSON record (server copy)
            created_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE org_units (
            id TEXT PRIMARY KEY,                 -- region code (e.g. 'SHY') or district id
            kind TEXT NOT NULL,                  -- region | district
            region TEXT NOT NULL,
            name_ru TEXT NOT NULL,
            name_kk TEXT,
            name_en TEXT,
            active INTEGER NOT NULL DEFAULT 1
        )
        """
    )
    db.execute("CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT)")  # device_id, cursor, ...
    db.execute(
        """
        CREATE TABLE sync_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            outcome TEXT,                        -- ok | conflicts | failed | cancelled
            summary TEXT                         -- JSON summary line
        )
        """
    )


@migrations()
def m002_list_and_sync_indexes(db: Database) -> None:
    """Indexes for list screens (newest first), VR-19 (event rows by creation time within a
    period) and the sync queue (pending outbox entries in order)."""
    db.execute("CREATE INDEX idx_records_updated ON records(updated_at DESC)")
    db.execute("CREATE INDEX idx_records_org_period ON records(org_unit, period)")
    db.execute("CREATE INDEX idx_records_form_created ON records(form, period, created_at)")
    db.execute("CREATE INDEX idx_records_dirty ON records(dirty) WHERE dirty = 1")
    db.execute("CREATE INDEX idx_outbox_state ON outbox(state, op_seq)")


@migrations()
def m003_synced_copies_and_contests(db: Database) -> None:
    """Sync room: `synced_copies` keeps the record as last synced (the `base` of a conflict);
    `resolves` (JSON list of challenger record ids) on conflicts and outbox carries the
    natural-key contests a resolution settles (docs/CONTRACTS.md §7). Records already
    synced and clean get their current row as their synced copy."""
    db.execute("CREATE TABLE synced_copies (record_id TEXT PRIMARY KEY, record TEXT NOT NULL)")
    db.execute("ALTER TABLE conflicts ADD COLUMN resolves TEXT")
    db.execute("ALTER TABLE outbox ADD COLUMN resolves TEXT")
    keys = ("id", "form", "form_version", "org_unit", "period", "status", "justification",
            "review_comment", "revision", "version", "updated_at", "updated_by")
    rows = []
    for row in db.query("SELECT * FROM records WHERE version IS NOT NULL AND dirty = 0"):
        rec = {k: row[k] for k in keys}
        rec["data"] = json.loads(row["data"])
        rec["deleted"] = bool(row["deleted"])
        rows.append((row["id"], json.dumps(rec, ensure_ascii=False, sort_keys=True,
                                           separators=(",", ":"))))
    db.conn.executemany("INSERT INTO synced_copies(record_id, record) VALUES (?, ?)", rows)


@migrations()
def m004_fewer_indexes_per_save(db: Database) -> None:
    """Every index is one more page written (and, encrypted, one more page encrypted and
    authenticated) by each save. Four did not earn it: `idx_records_dirty` (no query reads
    records by `dirty`), `idx_records_form_created` (its `(form, period)` prefix is
    `idx_records_form`'s; no query filters or orders by created_at within a period),
    `idx_records_updated` (every listing ordered by updated_at filters by form, and SQLite
    reads those through the form's index and sorts) and `idx_outbox_state` (the outbox holds
    only the ops not yet acknowledged, nearly all pending: its queries read it whole in
    op_seq order, the table's own order)."""
    for name in ("idx_records_dirty", "idx_records_form_created", "idx_records_updated",
                 "idx_outbox_state"):
        db.execute(f"DROP INDEX IF EXISTS {name}")


@migrations()
def m005_one_audit_row_per_save(db: Database) -> None:
    """One audit row per save (its changed fields as a JSON list of [field, old, new]), not
    one per field: a save's six or more index entries under its record were the index pages
    a save wrote most (each page one more for SQLCipher to encrypt). The rows kept so far
    are folded, each run of rows one save wrote (same record, time, author and reason, in
    id order) into one row bearing the run's last id: `Store.audit` lists the same entries
    in the same order. No AUTOINCREMENT (its sqlite_sequence row was one more page per save):
    audit rows are never deleted, so a new row's id is still above every earlier one
    (reports/review_incremental.py reads the audit rows past an id)."""
    import itertools
    from operator import itemgetter

    db.execute(
        """
        CREATE TABLE audit_saves (
            id INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES records(id),
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            reason TEXT,
            changes TEXT NOT NULL                -- JSON [[field, old, new], ...] in order
        )
        """
    )
    rows = db.execute("SELECT record_id, at, who, reason, id, field, old, new FROM audit "
                      "ORDER BY id")
    saves = ((run[-1][4], *key, "[" + ",".join(
                 f"[{json.dumps(r[5], ensure_ascii=False)},{r[6] or 'null'},{r[7] or 'null'}]"
                 for r in run) + "]")
             for key, group in itertools.groupby(rows, key=itemgetter(0, 1, 2, 3))
             for run in [list(group)])
    db.conn.executemany("INSERT INTO audit_saves (id, record_id, at, who, reason, changes) "
                        "VALUES (?, ?, ?, ?, ?, ?)", saves)
    db.execute("DROP TABLE audit")
    db.execute("ALTER TABLE audit_saves RENAME TO audit")
    db.execute("CREATE INDEX idx_audit_record ON audit(record_id)")


@migrations()
def m006_outbox_sequence_in_kv(db: Database) -> None:
    """The outbox's op_seq without AUTOINCREMENT, whose sqlite_sequence row was one more page
    written by every save. op_seqs still never repeat (the server's ledger answers a replayed
    one): a new entry takes one above both the outbox's highest and kv `outbox.top`, which
    keeps the highest op_seq gone from the outbox (this trigger, when the highest row is
    deleted: at an ack, not at a save) or reserved for re-sends (store/sync_epoch.py)."""
    seq = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").fetchone()
    db.execute(
        """
        CREATE TABLE outbox_seq (
            op_seq INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL REFERENCES records(id),
            op TEXT NOT NULL,                    -- upsert | delete
            base_version INTEGER,
            reason TEXT,
            state TEXT NOT NULL DEFAULT 'pending',-- pending | parked
            errors TEXT,                         -- JSON list, when parked
            created_at TEXT NOT NULL,
            resolves TEXT                        -- JSON list of challenger record ids
        )
        """
    )
    columns = "op_seq, record_id, op, base_version, reason, state, errors, created_at, resolves"
    db.execute(f"INSERT INTO outbox_seq ({columns}) SELECT {columns} FROM outbox")
    held = db.execute("SELECT coalesce(max(op_seq), 0) FROM outbox").fetchone()[0]
    db.execute("DROP TABLE outbox")
    db.execute("ALTER TABLE outbox_seq RENAME TO outbox")
    db.execute("CREATE INDEX idx_outbox_record ON outbox(record_id)")
    if seq is not None and int(seq[0]) > held:  # the highest is gone (acked, or reserved)
        db.execute("INSERT OR REPLACE INTO kv (key, value) VALUES ('outbox.top', ?)",
                   [str(int(seq[0]))])
    db.execute(
        """
        CREATE TRIGGER outbox_top AFTER DELETE ON outbox
        WHEN OLD.op_seq > coalesce((SELECT max(op_seq) FROM outbox), 0)
        BEGIN
            INSERT OR REPLACE INTO kv (key, value) VALUES ('outbox.top', max(OLD.op_seq,
                coalesce((SELECT CAST(value AS INTEGER) FROM kv WHERE key = 'outbox.top'), 0)));
        END
        """
    )
