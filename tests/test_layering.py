"""Dependency direction: only desktop/ may load Qt; lower layers never import upper ones."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOWER = ["forms", "store", "sync", "server", "reports", "cli"]
# package -> packages it must never import (directly or transitively)
FORBIDDEN = {
    "forms": ["store", "sync", "server", "reports", "desktop"],
    "store": ["sync", "server", "reports", "desktop"],
    "sync": ["server", "reports", "desktop"],
    "reports": ["sync", "server", "desktop"],
    "server": ["store", "reports", "desktop"],
}


def _modules_loaded_by(package: str) -> set[str]:
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("package", LOWER)
def test_no_qt_outside_desktop(package):
    loaded = _modules_loaded_by(package)
    qt = sorted(m for m in loaded if m.startswith(("PySide6", "shiboken6")))
    assert not qt, f"{package} loaded Qt modules: {qt[:5]}"


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package):
    loaded = _modules_loaded_by(package)
    bad = sorted(m for m in loaded for f in FORBIDDEN[package] if m == f or m.startswith(f + "."))
    assert not bad, f"{package} imports upper layers: {bad[:5]}"


def test_keyring_only_in_credentials():
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith((".venv", ".bench-peers", "tests/")) or rel == "sync/credentials.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "import keyring" in text or "from keyring" in text:
            offenders.append(rel)
    assert not offenders, offenders


def test_threads_start_only_in_tasks():
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if path.name == "tasks.py":
            continue
        text = path.read_text(encoding="utf-8")
        if any(s in text for s in ("QThread", "threading.Thread", "QThreadPool")):
            offenders.append(path.name)
    assert not offenders, offenders
