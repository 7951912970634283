"""Issue 19: personal data encrypted at rest. The client store is an SQLCipher file keyed from
the OS keyring, or from a passphrase (Argon2id) where there is none; a plain store is encrypted
on first start with every record kept; a wrong passphrase is refused with nothing lost;
backups are encrypted the same way."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from test_sync_support import MemoryKeyring

from desktop.backup import backup_to, check_backup, restore_from
from reports.io import import_file
from store import StoreError, error_text, keys, open_store
from store.api import Store
from store.cipher import dbapi, file_state, open_connection, plain_connection
from store.db import database, migrate
from store.settings import START_KEYS

ROOT = Path(__file__).resolve().parent.parent
NAME = "Жанаргүл Сейітқазықызы"  # a participant no other test names
PHONE = "+7 701 555 19 19"
TABLES = ("records", "revisions", "audit", "outbox", "kv", "org_units", "synced_copies")


def _roster(path: Path) -> Path:
    rows = [["№", "Ф.И.О.", "Организация", "Должность", "Категория", "Телефон"],
            [1, NAME, "ОО «Жарқын»", "председатель", "STATE", PHONE],
            [2, "Ахметова Айгерим", "New Wave", "волонтёр", "STATE", ""]]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path


def _fill(store: Store, tmp_path: Path) -> None:
    res = import_file(store, "focus_group", _roster(tmp_path / "roster.csv"), user="trainer",
                      org_unit="ZHA", period="2023-09")
    assert res.committed
    store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY", "period": "2024-03",
                       "data": {"volunteers_total": 7, "gender": {"F": 3, "M": 4}}}, user="a")
    store.set_setting("profile", {"user": {"username": "trainer", "full_name": NAME}})


def _plain_store(path: Path) -> Store:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = database(plain_connection(path))
    migrate(db)
    return Store(db, path=path, user="trainer")


def _snapshot(path: Path) -> dict:
    conn = open_connection(path, readonly=True)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                for t in TABLES}
    finally:
        conn.close()


def _strings(path: Path) -> str:
    """What `strings` finds in the file, ASCII and 8-bit (UTF-8 Cyrillic) runs alike."""
    out = subprocess.run(["strings", "-a", "-e", "S", str(path)], capture_output=True,
                         check=True)
    return out.stdout.decode("utf-8", "replace")


def _reveals(path: Path) -> list[str]:
    text, data = _strings(path), path.read_bytes()
    return [w for w in (NAME, NAME.split()[1], PHONE, "Жарқын")
            if w in text or w.encode("utf-8") in data]


@pytest.fixture(autouse=True)
def nobody_to_ask():
    """No prompt (a GUI test of this process may have registered its dialog)."""
    previous = keys._hooks.prompt
    keys.use_prompt(None)
    yield
    keys.use_prompt(previous)


@pytest.fixture
def memory_keyring():
    """An OS keyring for this test; the store keeps its key there (sync/credentials.py)."""
    from sync import credentials

    previous, ring = keyring.get_keyring(), MemoryKeyring()
    keyring.set_keyring(ring)
    credentials.use_for_store()
    yield ring
    keys.use_keyring(lambda: False, lambda _n: None, lambda _n, _v: None)
    keys._hooks.keyring_save = None
    keyring.set_keyring(previous)


@pytest.mark.skipif(shutil.which("strings") is None, reason="needs binutils' strings")
def test_a_copied_store_reveals_no_participant_and_needs_the_key(tmp_path):
    store = open_store(tmp_path / "data" / "esep.sqlite3", user="trainer")
    _fill(store, tmp_path)
    (row,) = store.db.execute("SELECT data FROM records WHERE form = 'focus_group'")
    assert NAME in row[0]  # the store itself reads it back
    store.close()
    copy = tmp_path / "elsewhere" / "esep.sqlite3"
    copy.parent.mkdir()
    shutil.copy(tmp_path / "data" / "esep.sqlite3", copy)
    assert _reveals(copy) == []
    for connect in (sqlite3.connect, dbapi.connect):  # SQLite and SQLCipher without the key
        conn = connect(str(copy))
        with pytest.raises((sqlite3.DatabaseError, dbapi.DatabaseError),
                           match="not a database"):
            conn.execute("SELECT count(*) FROM records").fetchone()
        conn.close()
    with pytest.raises(StoreError) as err:  # no key description beside it
        open_store(copy)
    assert err.value.code == "store_unreadable"
    # the check can fail: the same data in a plain file is found by strings
    plain = _plain_store(tmp_path / "plain" / "esep.sqlite3")
    _fill(plain, tmp_path)
    plain.close()
    assert NAME in _reveals(tmp_path / "plain" / "esep.sqlite3")


def test_a_plain_store_is_encrypted_on_first_start_keeping_every_record(tmp_path):
    path = tmp_path / "esep.sqlite3"
    plain = _plain_store(path)
    _fill(plain, tmp_path)
    plain.db.conn.execute("PRAGMA journal_mode = WAL")
    plain.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY", "period": "2024-04",
                       "data": {"volunteers_total": 9}}, user="a")  # left in the -wal file
    before = _snapshot(path)
    assert file_state(path) == "plain" and NAME in str(before["records"])
    assert [len(before[t]) for t in ("records", "audit", "outbox", "kv")] == [3, 3, 3, 1]
    plain.db.conn.close()  # an earlier Esep stopped (its -wal checkpointed on close)
    store = open_store(path)
    try:
        assert store.count_records() == 3
        assert store.get_setting("profile")["user"]["full_name"] == NAME
    finally:
        store.close()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("esep"))
    # no plain -wal/-shm, no copy; the start-up settings (not the participants) beside it
    assert left == ["esep.sqlite3", "esep.sqlite3.cipher.json", "esep.sqlite3.start.json"]
    assert set(json.loads((tmp_path / left[2]).read_text())) <= set(START_KEYS)
    assert file_state(path) == "encrypted"
    assert _snapshot(path) == before
    assert not _reveals(path)
    assert (path.stat().st_mode & 0o777) == 0o600
    assert (keys.side_file(path).stat().st_mode & 0o777) == 0o600


def test_wrong_passphrase_is_refused_and_nothing_is_lost(tmp_path, monkeypatch):
    path = tmp_path / "esep.sqlite3"
    store = open_store(path)
    _fill(store, tmp_path)
    store.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "not the passphrase")
    keys.forget(path)  # as a new run: no key in memory
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.code == "store_key_wrong" and str(path) in str(err.value)
    assert "ESEP_PASSPHRASE" in str(err.value)
    assert error_text(err.value, "en").startswith("This key or passphrase does not open")
    assert error_text(err.value, "kk").startswith("Бұл кілт не құпия фраза")
    assert error_text(err.value, "ru").startswith("Этот ключ или пароль не открывает")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    monkeypatch.undo()
    store = open_store(path)
    try:
        assert store.count_records() == 2
    finally:
        store.close()


def test_a_new_store_needs_a_passphrase_of_eight_characters(tmp_path, monkeypatch):
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "short")
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "esep.sqlite3")
    assert err.value.code == "store_passphrase_short"
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    with pytest.raises(StoreError) as err:  # no passphrase at all, and no one to ask
        open_store(tmp_path / "esep.sqlite3")
    assert err.value.code == "store_passphrase_choose"  # to choose, not to remember
    assert "at least 8" in str(err.value)


def _esep(args, *, stdin: str = "", env_pass: str | None = None):
    import os
    env = {k: v for k, v in os.environ.items() if k != keys.PASSPHRASE_ENV}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    if env_pass:
        env[keys.PASSPHRASE_ENV] = env_pass
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, input=stdin, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_cli_passphrase_from_stdin_or_the_environment(tmp_path):
    data = ["--data-dir", str(tmp_path)]
    made = _esep([*data, "--passphrase-stdin", "demo", "--events", "5"], stdin="correct horse battery\n")
    assert made.returncode == 0, made.stderr
    assert file_state(tmp_path / "esep.sqlite3") == "encrypted"
    listed = _esep([*data, "--passphrase-stdin", "list"], stdin="correct horse battery\n")
    assert listed.returncode == 0 and listed.stdout.strip(), listed.stderr
    via_env = _esep([*data, "list"], env_pass="correct horse battery")
    assert via_env.stdout == listed.stdout
    wrong = _esep([*data, "--passphrase-stdin", "list"], stdin="wrong horse battery\n")
    assert wrong.returncode == 1 and "does not open the local database" in wrong.stderr
    assert "hmac" not in wrong.stderr.lower()  # SQLCipher's own log stays quiet
    none = _esep([*data, "list"])
    assert none.returncode == 1 and "--passphrase-stdin" in none.stderr


def test_keyring_keeps_a_random_key_and_no_passphrase_is_used(tmp_path, monkeypatch,
                                                               memory_keyring):
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    path = tmp_path / "esep.sqlite3"
    store = open_store(path)
    _fill(store, tmp_path)
    store.close()
    side = keys.read_side(path)
    assert side["source"] == "keyring" and "salt" not in side
    secret = memory_keyring.items[("esep", f"store-key {side['key_id']}")]
    assert len(bytes.fromhex(secret)) == 32 and secret not in path.read_text("latin-1")
    assert not _reveals(path)
    keys._cache.clear()  # a new run: the key comes from the keyring again
    with open_store(path) as again:
        assert again.count_records() == 2
    keys._cache.clear()
    memory_keyring.items.clear()  # the keyring lost it: said so, the file untouched
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert err.value.code == "store_key_missing" and "keyring" in str(err.value)


def test_backups_are_encrypted_and_restore(tmp_path):
    store = open_store(tmp_path / "data" / "esep.sqlite3")
    _fill(store, tmp_path)
    backup = backup_to(store, tmp_path / "usb" / "esep-backup.sqlite3")
    assert file_state(backup) == "encrypted" and not _reveals(backup)
    assert keys.read_side(backup) == keys.read_side(store.path)
    assert (backup.stat().st_mode & 0o777) == 0o600
    check_backup(backup)
    store.save_record({"form": "monthly_report", "org_unit": "SHY-ABAY", "period": "2024-05",
                       "data": {"volunteers_total": 1}}, user="a")
    safety = restore_from(store, backup, tmp_path / "data" / "backups")
    assert store.count_records() == 2 and file_state(safety) == "encrypted"
    # a plain backup an earlier Esep wrote is restored, and the live store stays encrypted
    old = _plain_store(tmp_path / "old-backup.sqlite3")
    old.save_record({"form": "monthly_report", "org_unit": "SHY-OLD", "period": "2020-01",
                     "data": {"volunteers_total": 2}}, user="a")
    old.close()
    restore_from(store, tmp_path / "old-backup.sqlite3", tmp_path / "data" / "backups")
    assert [r["org_unit"] for r in store.list_records()] == ["SHY-OLD"]
    store.close()
    assert file_state(tmp_path / "data" / "esep.sqlite3") == "encrypted"
    assert not _reveals(tmp_path / "data" / "esep.sqlite3")


def test_a_new_database_beside_a_stale_key_description_gets_a_new_key(tmp_path,
                                                                      memory_keyring):
    path = tmp_path / "esep.sqlite3"
    open_store(path).close()
    old = keys.read_side(path)
    path.unlink()  # the database deleted by hand, its key description left behind
    memory_keyring.items.clear()
    keys._cache.clear()
    with open_store(path) as store:
        assert store.count_records() == 0
    assert keys.read_side(path)["key_id"] != old["key_id"]


def test_new_stores_use_sha256_page_hmacs_and_older_ones_keep_the_default(tmp_path,
                                                                            monkeypatch):
    """The page HMAC is what the key description records: HMAC_SHA256 for a new store (its
    saves cost less), SQLCipher's default for a store whose description has none."""
    new = tmp_path / "new" / "esep.sqlite3"
    open_store(new, user="u").close()
    assert keys.read_side(new)["hmac"] == "HMAC_SHA256" == keys.page_hmac(new)
    key, _origin = keys.key_for(new, create=False)
    wrong = plain_connection(new)          # keyed, but with the default HMAC: refused
    wrong.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    with pytest.raises(dbapi.DatabaseError):
        wrong.execute("SELECT count(*) FROM sqlite_master").fetchone()
    wrong.close()
    monkeypatch.setattr(keys, "PAGE_HMAC", None)   # a store made before the entry existed
    old = tmp_path / "old" / "esep.sqlite3"
    store = open_store(old, user="u")
    store.set_setting("lang", "kk")
    store.close()
    assert keys.page_hmac(old) is None
    store = open_store(old, user="u")
    assert store.get_setting("lang") == "kk"
    store.close()
