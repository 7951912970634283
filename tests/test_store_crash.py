"""Crash safety: a child process saving records is SIGKILLed at random moments (20 trials
here, 200 in `make bench`); the database must stay whole after every kill."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from store.cipher import file_state, open_connection, plain_connection

HARNESS = Path(__file__).parent / "fixtures" / "crash_writer.py"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def _harness():
    spec = importlib.util.spec_from_file_location("crash_writer", HARNESS)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def cw():
    return _harness()


@pytest.mark.parametrize("start", ["new", "plain"])
def test_sigkill_trials_leave_whole_records(cw, tmp_path, start):
    """On an encrypted store: a new one, or a plain one (an earlier Esep's) that the child's
    first opening encrypts; its records count as the first saves."""
    db = tmp_path / "crash.sqlite3"
    if start == "plain":
        cw.make_plain_store(db)
        assert file_state(db) == "plain" and cw.check_invariants(db, cw.int_fields()) == 5
    result = cw.run_trials(db, 20, seed=20)
    assert file_state(db) == "encrypted"
    assert result["trials"] == 20
    assert result["saves"] > 20, "the child barely wrote anything: the test proves nothing"


def test_invariant_check_detects_a_half_written_record(cw, tmp_path):
    """The checker itself must fail on damage, or the trials above prove nothing."""
    db = tmp_path / "crash.sqlite3"
    cw.run_trials(db, 1, seed=1)
    fields = cw.int_fields()
    conn = open_connection(db)
    rid, data = conn.execute("SELECT id, data FROM records LIMIT 1").fetchone()
    data = json.loads(data)
    data[fields[-1]] += 1
    with conn:
        conn.execute("UPDATE records SET data = ? WHERE id = ?", [json.dumps(data), rid])
    conn.close()
    with pytest.raises(AssertionError, match="half-written"):
        cw.check_invariants(db, fields)


def test_invariant_check_detects_a_missing_audit_row(cw, tmp_path):
    db = tmp_path / "crash.sqlite3"
    cw.run_trials(db, 1, seed=2)
    conn = open_connection(db)
    with conn:
        conn.execute("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)")
    conn.close()
    with pytest.raises(AssertionError, match="audit"):
        cw.check_invariants(db, cw.int_fields())


def _big_plain_store(path: Path, n: int) -> None:
    from store.api import Store
    from store.db import database, migrate

    db = database(plain_connection(path))
    migrate(db)
    store = Store(db, path=path, user="crash")
    store.import_records([{"form": "monthly_report", "org_unit": f"OU-{k}", "period": "2024-01",
                           "data": {"volunteers_total": k}} for k in range(n)], user="crash")
    store.close()


def test_sigkill_while_a_plain_store_is_encrypted_loses_nothing(tmp_path):
    """The first opening of a plain store encrypts it (store/cipher.py); killed at random
    moments of that, the next opening finds every record, plain or encrypted."""
    import random
    import shutil
    import signal
    import subprocess
    import time

    from store import open_store

    n, rng = 3000, random.Random(19)
    template = tmp_path / "template.sqlite3"
    _big_plain_store(template, n)
    opener = "import sys\nfrom store import open_store\nopen_store(sys.argv[1]).close()\n"

    def start(trial: int) -> tuple[Path, subprocess.Popen]:
        db = tmp_path / f"t{trial}" / "esep.sqlite3"
        db.parent.mkdir()
        shutil.copy(template, db)
        return db, subprocess.Popen([sys.executable, "-c", opener, str(db)],
                                    cwd=HARNESS.parents[2])

    t0 = time.perf_counter()
    start(99)[1].wait()  # one whole run: the kills land anywhere within its length
    whole = time.perf_counter() - t0
    states = []
    for trial in range(8):
        db, proc = start(trial)
        time.sleep(rng.uniform(0.3 * whole, whole))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        states.append(file_state(db))
        with open_store(db) as store:
            assert store.count_records() == n
        assert file_state(db) == "encrypted"
        assert not db.with_name(db.name + ".encrypting").exists()
    print("states left by the kills:", states)
