"""`esep login / sync / logout` in-process, and the issue's by-hand acceptance scenario."""
from __future__ import annotations

import io
import json

import keyring
import pytest
from keyring.backends import fail
from test_sync_support import (
    DISTRICTS,
    PASSWORD,
    MemoryKeyring,
    monthly,
    server,
)

from cli.main import main
from store import open_store
from sync import credentials

__all__ = ["server"]  # fixtures


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def esep(capsys, monkeypatch, data_dir, *argv, stdin: str = "") -> tuple[int, list, str]:
    """Run `esep --data-dir D argv...`; returns (exit code, JSON lines of stdout, stderr)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    lines = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    return code, lines, err


def test_acceptance_by_hand_scenario(server, tmp_path, capsys, monkeypatch, memory_keyring):
    district, region = tmp_path / "district", tmp_path / "region"
    recs = [monthly(DISTRICTS[0], f"2024-{m:02d}", 10 + m) for m in (1, 2, 3)]
    (tmp_path / "in.json").write_text(json.dumps({"form": "monthly_report", "records": recs}),
                                      encoding="utf-8")
    code, out, err = esep(capsys, monkeypatch, district, "login", "--server", server.url,
                          "--user", "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    assert out[-1]["role"] == "district" and out[-1]["token_saved"] is True
    assert PASSWORD not in json.dumps(list(memory_keyring.items.values()))  # token, not pwd
    code, _, err = esep(capsys, monkeypatch, district, "import", "monthly_report",
                        str(tmp_path / "in.json"))
    assert code == 0, err
    with open_store(district / "esep.sqlite3") as store:
        for rec in recs:
            store.submit_record(rec["id"], user="dist1", justification="проверено")
        assert store.org_units(kind="district")  # learnt from the server at login
    code, out, err = esep(capsys, monkeypatch, district, "sync")
    assert code == 0, err
    assert out == [dict(out[0], pushed=3, conflicts=0, rejected=0)]
    assert set(out[0]) == {"pushed", "pulled", "conflicts", "rejected", "bytes_up",
                           "bytes_down", "requests"}
    # the region user, in a second data folder
    code, out, err = esep(capsys, monkeypatch, region, "login", "--server", server.url,
                          "--user", "reg1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0, err
    code, out, err = esep(capsys, monkeypatch, region, "sync")
    assert (code, out[0]["pulled"]) == (0, 3), err
    with open_store(region / "esep.sqlite3") as store:
        assert {r["id"] for r in store.list_records()} == {r["id"] for r in recs}
        store.set_review(recs[1]["id"], "returned", user="reg1",
                         comment="Проверьте число волонтёров")
    code, out, err = esep(capsys, monkeypatch, region, "sync")
    assert (code, out[0]["pushed"]) == (0, 1), err
    code, out, err = esep(capsys, monkeypatch, district, "sync")
    assert (code, out[0]["pulled"]) == (0, 1), err
    with open_store(district / "esep.sqlite3") as store:
        back = store.get_record(recs[1]["id"])
        assert back["status"] == "returned"
        assert back["review_comment"] == "Проверьте число волонтёров"
        assert store.get_record(recs[0]["id"])["status"] == "submitted"
    secrets = [t.encode() for t in memory_keyring.items.values()] + [PASSWORD.encode()]
    # the district's and the region's tokens, device signing keys and local database keys
    # (store/keys.py), and the password
    assert len(secrets) == 7
    assert sum(name.startswith("store-key ") for _s, name in memory_keyring.items) == 2
    for path in [*district.rglob("*"), *region.rglob("*")]:  # no secret on disk
        if path.is_file():
            assert not any(x in path.read_bytes() for x in secrets), path
    code, out, _ = esep(capsys, monkeypatch, district, "logout")
    assert code == 0 and out[0]["revoked"] and out[0]["forgotten"]
    assert not memory_keyring.items.get(("esep", f"{server.url} dist1"))
    code, out, err = esep(capsys, monkeypatch, district, "--lang", "en", "sync")
    assert code == 1 and "not logged in" in err


def test_without_keyring_the_password_is_asked_each_run(server, tmp_path, capsys,
                                                        monkeypatch, no_keyring):
    data = tmp_path / "d"
    code, out, err = esep(capsys, monkeypatch, data, "login", "--server", server.url,
                          "--user", "dist1", "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and out[0]["token_saved"] is False
    assert "нет хранилища ключей ОС" in err   # said in the default language, Russian
    code, _, err = esep(capsys, monkeypatch, data, "--lang", "en", "sync")
    assert code == 1 and "--password-stdin" in err and "no OS keyring" in err
    with open_store(data / "esep.sqlite3") as store:
        store.save_record(monthly(DISTRICTS[0], "2024-05"), user="dist1")
    code, out, err = esep(capsys, monkeypatch, data, "sync", "--password-stdin",
                          stdin=PASSWORD + "\n")
    assert code == 0 and out[0]["pushed"] == 1, err
    for path in data.rglob("*"):  # neither the password nor a token is written anywhere
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()


def test_exit_code_2_when_a_rejected_op_waits(server, tmp_path, capsys, monkeypatch,
                                              memory_keyring):
    data = tmp_path / "d"
    esep(capsys, monkeypatch, data, "login", "--server", server.url, "--user", "dist1",
         "--password-stdin", stdin=PASSWORD + "\n")
    with open_store(data / "esep.sqlite3") as store:
        store.save_record(monthly(DISTRICTS[0], "2024-05"), user="dist1")
        store.save_record(monthly(DISTRICTS[3], "2024-05"), user="dist1")  # not ours
    code, out, _ = esep(capsys, monkeypatch, data, "sync")
    assert code == 2 and (out[0]["pushed"], out[0]["rejected"]) == (1, 1)


def test_wrong_password_and_insecure_url_fail_clearly(server, tmp_path, capsys, monkeypatch,
                                                      memory_keyring):
    data = tmp_path / "d"
    code, _, err = esep(capsys, monkeypatch, data, "login", "--server", server.url, "--user",
                        "dist1", "--password-stdin", stdin="wrong\n")
    # said in the user's language (Russian by default), naming the user, not "log in again"
    assert code == 1 and "вход не выполнен" in err and "dist1" in err
    assert "log in again" not in err
    code, _, err = esep(capsys, monkeypatch, data, "--lang", "en", "login", "--server",
                        server.url, "--user", "dist1", "--password-stdin", stdin="wrong\n")
    assert code == 1 and "login failed: the server" in err and "refused user dist1" in err
    code, _, err = esep(capsys, monkeypatch, data, "login", "--server",
                        "http://sync.example.kz", "--user", "dist1", "--password-stdin",
                        stdin=PASSWORD + "\n")
    assert code == 1 and "--insecure" in err


def test_expired_token_logs_in_again_with_password_stdin(server, tmp_path, capsys,
                                                         monkeypatch, memory_keyring):
    data = tmp_path / "d"
    esep(capsys, monkeypatch, data, "login", "--server", server.url, "--user", "dist1",
         "--password-stdin", stdin=PASSWORD + "\n")
    credentials.save_token(server.url, "dist1", "revoked-or-expired")
    with open_store(data / "esep.sqlite3") as store:
        store.save_record(monthly(DISTRICTS[0], "2024-08"), user="dist1")
    code, out, err = esep(capsys, monkeypatch, data, "--lang", "en", "sync")
    assert code == 1 and out[-1]["error"] == "token_revoked"
    assert "no longer accepts the saved token" in err and "log in again" in err
    assert "token file" not in err  # the keyring's token: there was no file
    code, out, err = esep(capsys, monkeypatch, data, "sync", "--password-stdin",
                          stdin=PASSWORD + "\n")
    assert code == 0 and out[0]["pushed"] == 1, err
    assert credentials.load_token(server.url, "dist1") not in (None, "revoked-or-expired")
