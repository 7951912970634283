"""The server's data folder is the one rule in forms.paths (shared with the desktop store),
not a copy of it."""
from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from forms import paths
from server import config


def test_server_uses_the_shared_data_dir_function():
    assert config.data_dir is paths.data_dir
    tree = ast.parse(Path(config.__file__).read_text(encoding="utf-8"))
    defined = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    assert "data_dir" not in defined  # no second copy of the rule


def test_default_db_url_lives_in_esep_data_dir(data_dir):
    assert config.default_db_url() == f"sqlite:///{data_dir / config.DB_FILENAME}"
    assert config.normalize_db_url(None) == config.default_db_url()


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG rule is for Linux")
def test_xdg_data_home_is_created_when_missing(tmp_path, monkeypatch):
    monkeypatch.delenv("ESEP_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "esep" and (tmp_path / "xdg" / "esep").is_dir()
