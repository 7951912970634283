"""Where shipped data lives: the source tree, or PyInstaller's bundle folder."""
from __future__ import annotations

import os
import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent  # resolved once: realpath is slow


def app_root() -> Path:
    """Folder holding `resources/` and `forms/definitions/`: ESEP_APP_ROOT when set (a copy of
    the shipped definitions and reference data, e.g. with a form changed), else the frozen
    bundle or the source tree. Call forms.reload_forms() after changing it."""
    override = os.environ.get("ESEP_APP_ROOT")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return _SOURCE_ROOT


def resources_dir() -> Path:
    return app_root() / "resources"


def definitions_dir() -> Path:
    return app_root() / "forms" / "definitions"


def data_dir() -> Path:
    """The per-user data folder shared by the desktop store and the server: ESEP_DATA_DIR,
    else the platform's (APPDATA\\Esep, ~/Library/Application Support/Esep,
    $XDG_DATA_HOME/esep). Created when missing."""
    env = os.environ.get("ESEP_DATA_DIR")
    if env:
        path = Path(env)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "Esep"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Esep"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "esep"
    path.mkdir(parents=True, exist_ok=True)
    return path
