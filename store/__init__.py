"""The local SQLite database: migrations, records, revisions, audit log, outbox, tombstones."""
from store.api import Store, open_store
from store.errors import NotFound, StoreError, SubmitBlocked, error_text

__all__ = ["NotFound", "Store", "StoreError", "SubmitBlocked", "error_text", "open_store"]
