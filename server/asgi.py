"""ASGI entry: `uvicorn server.asgi:app` or `uvicorn --factory server.asgi:create`; the
database URL comes from ESEP_SERVER_DB (`esep server` sets it). Every uvicorn worker process
imports this and builds its own app.

`app` is built on first access (PEP 562), so importing this module has no side effects.
"""
from __future__ import annotations

import os

from fastapi import FastAPI

DB_ENV = "ESEP_SERVER_DB"


def create() -> FastAPI:
    """The app factory uvicorn calls in each worker."""
    from server.app import create_app
    from server.obs import configure_logging

    configure_logging()  # JSON lines on stderr, one per request
    return create_app(os.environ.get(DB_ENV))


def __getattr__(name: str):
    if name == "app":
        app = create()
        globals()["app"] = app
        return app
    raise AttributeError(name)
