"""Where shipped data lives: the source tree, or PyInstaller's bundle folder."""
from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """Folder holding `resources/` and `forms/definitions/` (repo root or frozen bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def definitions_dir() -> Path:
    return app_root() / "forms" / "definitions"
