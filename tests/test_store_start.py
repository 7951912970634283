"""Start-up cost of the store: the settings a desktop start needs are read without the
database library, and opening the store does not scan for
sqlite-utils plugins (store/db.py, store/settings.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from store import open_store
from store.settings import decode, read_settings

ROOT = Path(__file__).resolve().parent.parent


def _fresh(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=False)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_settings_are_read_without_the_database_library(tmp_path):
    path = tmp_path / "esep.sqlite3"
    store = open_store(path)
    store.set_setting("profile", {"user": {"username": "a"}})
    store.set_setting("lang", "kk")
    store.db.execute("INSERT INTO kv(key, value) VALUES ('raw', 'not json')")
    store.close()
    seen = _fresh(
        "import json, sys\n"
        "from store.settings import read_settings\n"
        f"got = read_settings({str(path)!r}, ['profile', 'lang', 'raw', 'never'])\n"
        "print(json.dumps({'got': got, 'loaded': sorted(m for m in sys.modules\n"
        "    if m.split('.')[0] in ('sqlite_utils', 'pandas', 'numpy', 'store.api'))}))")
    assert seen["got"] == {"profile": {"user": {"username": "a"}}, "lang": "kk",
                           "raw": "not json"}
    assert seen["loaded"] == []


def test_settings_of_a_missing_or_foreign_file(tmp_path):
    assert read_settings(tmp_path / "none.sqlite3", ["lang"]) is None
    (tmp_path / "junk.sqlite3").write_text("not a database")
    assert read_settings(tmp_path / "junk.sqlite3", ["lang"]) is None
    assert decode(None, "ru") == "ru" and decode('{"a": 1}') == {"a": 1}


def test_opening_the_store_scans_no_plugins(tmp_path):
    seen = _fresh(
        "import importlib.metadata as md, json, sys\n"
        "calls = []\n"
        "real = md.distributions\n"
        "md.distributions = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
        "from store import open_store\n"
        f"s = open_store({str(tmp_path / 'esep.sqlite3')!r})\n"
        "s.get_setting('lang'); s.close()\n"
        "print(json.dumps({'scans': len(calls)}))")
    assert seen == {"scans": 0}
