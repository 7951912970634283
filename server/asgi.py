"""ASGI entry: `uvicorn server.asgi:app` or `uvicorn --factory server.asgi:create`; the
settings (database URL included: ESEP_SERVER_DB) come from the environment and the file of
ESEP_SERVER_CONFIG (server.config.load_settings; `esep server` sets both). Every uvicorn
worker process imports this and builds its own app.

`app` is built on first access (PEP 562), so importing this module has no side effects.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from server.config import env_name

if TYPE_CHECKING:
    from fastapi import FastAPI

DB_ENV = env_name("db")


def create() -> FastAPI:
    """The app factory uvicorn calls in each worker."""
    from server.app import create_app
    from server.config import load_settings
    from server.obs import configure_logging

    configure_logging()  # JSON lines on stderr, one per request
    return create_app(None, load_settings(env=os.environ))


def __getattr__(name: str):
    if name == "app":
        app = create()
        globals()["app"] = app
        return app
    raise AttributeError(name)
