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


_DEFINITIONS_DIRS: dict[tuple, str] = {}


def definitions_key() -> str:
    """str(definitions_dir()), made once per app root: the form registry's key, looked up for
    every validated op (path joins cost more than the lookup itself)."""
    # vars(sys).get: getattr(sys, "_MEIPASS", None) formats an AttributeError when absent
    where = (os.environ.get("ESEP_APP_ROOT"), vars(sys).get("_MEIPASS"))
    key = _DEFINITIONS_DIRS.get(where)
    if key is None:
        key = _DEFINITIONS_DIRS[where] = str(definitions_dir())
    return key


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def private_dir(path: Path) -> Path:
    """Make the folder (and missing parents) when absent; a folder made here is 0700 whatever
    the umask (mkdir's mode is masked, so it is set again)."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        os.chmod(path, PRIVATE_DIR_MODE)
    return path


def private_db_file(path: str | Path) -> None:
    """An SQLite file readable by its owner only: create it 0600 before SQLite does (SQLite
    gives its -wal/-shm the database file's mode) and narrow an existing one and its side
    files (older Esep versions left them 0644)."""
    path = Path(path)
    if str(path) in ("", ":memory:") or str(path).startswith("file:"):
        return
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE))
    for file in [path, *(Path(f"{path}{s}") for s in _SQLITE_SIDE_FILES)]:
        if file.exists() and (file.stat().st_mode & 0o777) != PRIVATE_FILE_MODE:
            os.chmod(file, PRIVATE_FILE_MODE)


def data_dir() -> Path:
    """The per-user data folder shared by the desktop store and the server: ESEP_DATA_DIR,
    else the platform's (APPDATA\\Esep, ~/Library/Application Support/Esep,
    $XDG_DATA_HOME/esep). Created when missing, 0700 (the platform's folder is narrowed to
    0700 when an older Esep left it open; an ESEP_DATA_DIR chosen by the user is not)."""
    env = os.environ.get("ESEP_DATA_DIR")
    if env:
        return private_dir(Path(env))
    if sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "Esep"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Esep"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "esep"
    private_dir(path)
    if (path.stat().st_mode & 0o777) != PRIVATE_DIR_MODE:
        os.chmod(path, PRIVATE_DIR_MODE)
    return path
