"""ASGI entry for multi-worker runs: `uvicorn server.asgi:app` (DB URL from ESEP_SERVER_DB).

The app is built on first access (PEP 562), so importing this module has no side effects.
"""
from __future__ import annotations

import os


def __getattr__(name: str):
    if name == "app":
        from server.app import create_app

        app = create_app(os.environ.get("ESEP_SERVER_DB"))
        globals()["app"] = app
        return app
    raise AttributeError(name)
