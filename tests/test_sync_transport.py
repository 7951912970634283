"""Transport: headers and gzip on the wire, retries, errors; credentials in the keyring."""
from __future__ import annotations

import gzip
import json
import lzma
import re

import keyring
import pytest
from faultproxy import FaultProxy
from keyring.backends import fail
from test_sync_support import MemoryKeyring, fill, make_client, new_store, server

from store import sync_state
from sync import credentials, protocol
from sync.transport import AuthError, SyncClient, make_retry

__all__ = ["server"]  # fixtures


@pytest.fixture
def capture_proxy(server):
    p = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1]), capture=True).start()
    yield p
    p.stop()


def _requests_on_wire(raw: bytes) -> list[tuple[bytes, dict, bytes]]:
    """Split captured upstream bytes into (request line, headers, body)."""
    out, pos = [], 0
    while pos < len(raw):
        end = raw.index(b"\r\n\r\n", pos)
        head = raw[pos:end].decode("latin-1").split("\r\n")
        headers = {k.lower(): v for k, v in (h.split(": ", 1) for h in head[1:])}
        size = int(headers.get("content-length", 0))
        out.append((head[0].encode(), headers, raw[end + 4:end + 4 + size]))
        pos = end + 4 + size
    return out


def test_every_request_carries_the_schema_and_push_is_gzip(server, capture_proxy, tmp_path):
    """Before the server has said it takes xz (no pull yet) a push goes in gzip."""
    store = new_store(tmp_path, "a")
    fill(store, 6)
    client = make_client(capture_proxy.url)
    ops = sync_state.pending_ops(store)
    acks = client.push(store.device_id, ops)
    assert [a["status"] for a in acks] == ["applied"] * 6
    reqs = _requests_on_wire(bytes(capture_proxy.captured_up))
    assert len(reqs) == 2  # login, push: one keep-alive connection
    assert capture_proxy.connections == 1
    for line, headers, _ in reqs:
        assert headers[protocol.SCHEMA_HEADER.lower()] == str(protocol.SCHEMA_VERSION), line
        assert "gzip" in headers["accept-encoding"]
    line, headers, body = reqs[-1]
    assert line.startswith(b"POST /api/v1/sync/push")
    assert headers["content-encoding"] == "gzip" and body[:2] == b"\x1f\x8b"
    sent = protocol.gunzip_json(body)
    assert sent["device_id"] == store.device_id and len(sent["ops"]) == 6
    # the push answer (acks in xz) names xz among the bodies the server takes: the next goes so
    assert client.counters.requests == 2 and client.server_xz


def test_after_a_pull_a_push_goes_in_xz(server, capture_proxy, tmp_path):
    store = new_store(tmp_path, "a")
    fill(store, 6)
    client = make_client(capture_proxy.url)
    client.pull(0)
    assert client.server_xz  # the pull answer named xz among the bodies the server takes
    acks = client.push(store.device_id, sync_state.pending_ops(store))
    assert [a["status"] for a in acks] == ["applied"] * 6
    line, headers, body = _requests_on_wire(bytes(capture_proxy.captured_up))[-1]
    assert line.startswith(b"POST /api/v1/sync/push")
    assert headers["content-encoding"] == "xz" and body[:6] == b"\xfd7zXZ\x00"
    sent = json.loads(lzma.decompress(body))
    assert sent["device_id"] == store.device_id and len(sent["ops"]) == 6
    assert client.last_body_sent == len(body) < client.last_body_raw


def test_bad_token_is_an_auth_error(server):
    client = SyncClient(server.url)
    client.token = "not-a-token"
    with pytest.raises(AuthError):
        client.pull(0)


def test_a_dropped_answer_is_retried_with_backoff(server, tmp_path):
    proxy = FaultProxy("127.0.0.1", int(server.url.rsplit(":", 1)[1])).start()
    try:
        client = make_client(proxy.url)
        proxy.drop_next_response()
        page = client.pull(0)
        assert page["has_more"] is False and proxy.drops == 1
        assert client.counters.requests == 3  # login + pull + its retry
    finally:
        proxy.stop()


def test_retry_policy_has_jitter_and_retries_push():
    retry = make_retry()
    assert retry.backoff_jitter > 0 and retry.backoff_factor > 0
    assert "POST" in retry.allowed_methods and 426 not in retry.status_forcelist


def test_gzip_json_round_trip_keeps_cyrillic_compact():
    body = {"text": "Волонтёры"}
    assert protocol.gunzip_json(protocol.gzip_json(body)) == body
    assert "Волонтёры".encode() in gzip.decompress(protocol.gzip_json(body))


def test_token_lives_in_the_keyring_only():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        assert credentials.keyring_available()
        credentials.save_token("https://esep.example.kz/", "aigerim", "tok-1")
        assert credentials.load_token("https://esep.example.kz", "aigerim") == "tok-1"
        assert ring.items == {("esep", "https://esep.example.kz aigerim"): "tok-1"}
        assert credentials.delete_token("https://esep.example.kz", "aigerim") is True
        assert credentials.delete_token("https://esep.example.kz", "aigerim") is False
        assert credentials.load_token("https://esep.example.kz", "aigerim") is None
        keyring.set_keyring(fail.Keyring())
        assert not credentials.keyring_available()
        with pytest.raises(credentials.KeyringUnavailable, match="no OS keyring"):
            credentials.save_token("https://esep.example.kz", "aigerim", "tok-2")
        assert credentials.load_token("https://esep.example.kz", "aigerim") is None
    finally:
        keyring.set_keyring(previous)


def test_only_credentials_imports_keyring():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    hits = [p for p in (root / "sync").glob("*.py")
            if re.search(r"^\s*(import|from) keyring", p.read_text(), re.MULTILINE)]
    assert [p.name for p in hits] == ["credentials.py"]
