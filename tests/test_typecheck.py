"""The non-GUI packages stay clean under mypy (configured in pyproject.toml, [tool.mypy])."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("forms", "store", "sync", "server", "reports")


def test_mypy_finds_nothing():
    # The incremental cache (.mypy_cache, git-ignored) keeps a repeated run to a few seconds.
    res = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary", *PACKAGES],
                         cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)
    assert res.returncode == 0, res.stdout[-4000:] + res.stderr[-1000:]
