"""The local SQLite database: migrations, records, revisions, audit log, outbox, tombstones."""
