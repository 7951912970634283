"""`esep demo`'s synthetic year lives in a data folder of its own: it is not loaded into a
folder holding real records or linked to a server, and nothing is ever sent from a folder
that holds it — neither by a sync (refused before any request) nor by a USB file."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli.main import main
from store import open_store
from store.settings import DEMO_KEY
from sync.bundle import export_bundle
from sync.engine import sync_once
from sync.keys import BundleError
from sync.transport import DemoFolder, SyncClient


def _store(data_dir):
    return open_store(Path(data_dir) / "esep.sqlite3")


def test_the_demo_is_never_sent(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "demo", "--year", "2023", "--events", "20"]) == 0
    with _store(data_dir) as store:
        assert store.get_setting(DEMO_KEY) is True and store.count_records() > 1000
        client = SyncClient("http://127.0.0.1:9")       # nothing listens: no request is made
        with pytest.raises(DemoFolder):
            sync_once(store, client)
        assert client.counters.snapshot()[0] == 0
        with pytest.raises(BundleError) as refused:
            export_bundle(store, Path(data_dir) / "usb.esep")
        assert refused.value.code == "demo_folder"
    assert not (Path(data_dir) / "usb.esep").exists()
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--lang", "en", "bundle", "export", "-o",
                 str(Path(data_dir) / "usb.esep")]) != 0
    assert "esep demo's synthetic records, which are never sent" in capsys.readouterr().out
    # loading it again into its own folder is fine
    assert main(["--data-dir", str(data_dir), "demo", "--year", "2023", "--events", "20"]) == 0


def test_the_demo_is_not_loaded_over_real_work(data_dir, tmp_path, capsys):
    own = tmp_path / "own.json"
    own.write_text(json.dumps([{"form": "monthly_report", "org_unit": "SHY", "period":
                                "2024-03", "data": {"volunteers_total": 5}}]), "utf-8")
    assert main(["--data-dir", str(data_dir), "import", "monthly_report", str(own)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "demo", "--events", "20"]) != 0
    err = capsys.readouterr().err
    assert "Демо-данные не загружены" in err and "esep --data-dir ПАПКА demo" in err
    with _store(data_dir) as store:
        assert store.count_records() == 1 and not store.get_setting(DEMO_KEY)
