"""`esep bundle export | deliver | import` and `esep server admin import-bundle`, end to end
with a real server: the district has no line, a colleague carries the file, or the file is
applied on the server machine; refusals print a reason and change nothing."""
from __future__ import annotations

import io
import json

import keyring
import pytest
from test_sync_support import DISTRICTS, PASSWORD, MemoryKeyring, monthly, server

from cli.main import main
from store import open_store
from tests.server_fixtures import api_session

__all__ = ["server"]  # fixtures


@pytest.fixture(autouse=True)
def ring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def esep(capsys, monkeypatch, data_dir, *argv, stdin: str = "") -> tuple[int, list, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    args = ["--data-dir", str(data_dir), *argv] if data_dir else list(argv)
    code = main(args)
    out, err = capsys.readouterr()
    return code, [json.loads(x) for x in out.splitlines() if x.startswith("{")], err


def login(capsys, monkeypatch, folder, url: str, user: str) -> None:
    code, _, err = esep(capsys, monkeypatch, folder, "login", "--server", url, "--user", user,
                        "--password-stdin", stdin=PASSWORD + "\n")
    assert code == 0 and "ключ подписи" not in err, err


def _server_record(url: str, record_id: str) -> dict:
    """The record as the server holds it, read by its owner over the API."""
    r = api_session(url, "dist1", PASSWORD).get(f"{url}/api/v1/records/{record_id}", timeout=30)
    r.raise_for_status()
    return r.json()


def test_export_carry_import_by_command(server, tmp_path, capsys, monkeypatch):
    district, carrier = tmp_path / "district", tmp_path / "carrier"
    login(capsys, monkeypatch, district, server.url, "dist1")
    login(capsys, monkeypatch, carrier, server.url, "reg1")
    with open_store(district / "esep.sqlite3") as store:
        rec = store.save_record(monthly(DISTRICTS[0], "2024-05", 55), user="dist1")
    bundle, reply = tmp_path / "usb" / "d.esep", tmp_path / "usb" / "d.reply"
    bundle.parent.mkdir()
    code, out, err = esep(capsys, monkeypatch, district, "bundle", "export", "-o", str(bundle))
    assert code == 0 and out[0]["ops"] == 1, err
    code, out, err = esep(capsys, monkeypatch, carrier, "bundle", "deliver", str(bundle),
                          "-o", str(reply))
    assert code == 0 and out[0]["carrier"] == "reg1", err
    code, out, err = esep(capsys, monkeypatch, district, "bundle", "import", str(reply))
    assert code == 0 and out[0]["applied"] == 1, err
    with open_store(district / "esep.sqlite3") as store:
        assert store.get_record(rec["id"])["version"] == 1
    seen = _server_record(server.url, rec["id"])
    assert seen["updated_by"] == "dist1"  # the owner's, not the carrier's
    code, out, err = esep(capsys, monkeypatch, carrier, "bundle", "import", str(reply))
    assert code == 1 and out[0]["error"] == "other_device" and "другому компьютеру" in err


def test_import_bundle_on_the_server_machine(server, tmp_path, capsys, monkeypatch):
    district = tmp_path / "district"
    login(capsys, monkeypatch, district, server.url, "dist1")
    with open_store(district / "esep.sqlite3") as store:
        rec = store.save_record(monthly(DISTRICTS[0], "2024-06", 66), user="dist1")
    bundle, reply = tmp_path / "d.esep", tmp_path / "d.reply"
    esep(capsys, monkeypatch, district, "bundle", "export", "-o", str(bundle))
    bad = tmp_path / "bad.esep"
    data = bundle.read_bytes()
    bad.write_bytes(data[:-5] + bytes([data[-5] ^ 1]) + data[-4:])
    code, out, err = esep(capsys, monkeypatch, None, "server", "admin", "import-bundle",
                          str(bad), "--db", server.db_url, "-o", str(reply))
    assert code == 1 and out[0]["error"] in ("damaged", "bad_signature") and not reply.exists()
    code, out, err = esep(capsys, monkeypatch, None, "server", "admin", "import-bundle",
                          str(bundle), "--db", server.db_url, "-o", str(reply))
    assert code == 0 and reply.exists(), err
    code, out, err = esep(capsys, monkeypatch, district, "bundle", "import", str(reply))
    assert code == 0 and out[0]["applied"] == 1, err
    assert _server_record(server.url, rec["id"])["version"] == 1
