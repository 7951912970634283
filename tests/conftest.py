"""Shared fixtures. GUI tests run offscreen; PostgreSQL tests need ESEP_TEST_PG_URL."""
from __future__ import annotations

import os

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The test machine has no OS keyring: local databases are keyed from this passphrase, the way
# an unattended install is (store/keys.py); tests of the keyring path install one themselves.
os.environ.setdefault("ESEP_PASSPHRASE", "test passphrase, not a secret")


# This machine's keyring backend (none), chosen before any test module defines a stand-in
# backend class (keyring would otherwise pick that class as the default).
MACHINE_KEYRING = keyring.get_keyring()


@pytest.fixture(autouse=True)
def _machine_keyring():
    """Each test starts with this machine's keyring: a stand-in left by another test would make
    later stores keep their key there (store/keys.py)."""
    keyring.set_keyring(MACHINE_KEYRING)
    yield


@pytest.fixture(autouse=True)
def _messages_for_the_cli():
    """A desktop context made in one test (it says messages for the desktop) must not change
    the words of the next test's command line (forms.messages.set_surface)."""
    yield
    from forms.messages import set_surface
    set_surface("cli")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh ESEP_DATA_DIR for one test."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("ESEP_DATA_DIR", str(d))
    return d


@pytest.fixture(scope="session")
def pg_url():
    url = os.environ.get("ESEP_TEST_PG_URL")
    if not url:
        pytest.skip("PostgreSQL not configured: set ESEP_TEST_PG_URL")
    return url
