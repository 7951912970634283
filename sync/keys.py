"""Signing keys and the signed bundle file (docs/CONTRACTS.md, "Sync bundles").

No I/O and no store here: the client (sync/bundle.py) and the server (server/bundles.py) both
import this module. Keys are Ed25519 (`cryptography`); a private key that must rest on disk
is sealed with AES-GCM under a key derived from a passphrase by argon2id (`hash_secret_raw`).

File layout (every byte is covered by the signature, so any changed byte is refused):

    MAGIC (14 bytes "ESEP-BUNDLE-1\\n") | signature (64 bytes) | gzip(canonical JSON body)

signature = Ed25519 over MAGIC + the gzip bytes exactly as stored.
"""
from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
import zlib

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.protocol import dumps

MAGIC = b"ESEP-BUNDLE-1\n"
SIG_LEN = 64
FORMAT = 1
KIND_OPS, KIND_REPLY = "ops", "reply"
MAX_BODY_BYTES = 256 * 1024 * 1024  # decompressed; a larger body is refused (no zip bomb)
DEFAULT_TTL = dt.timedelta(days=30)
# argon2id for a sealed key: ~50 ms on a field laptop; the seal is opened once per export
KDF = {"time_cost": 3, "memory_cost": 32 * 1024, "parallelism": 1, "hash_len": 32}


class BundleError(Exception):
    """A refused bundle: `code` for programs, the message for people. Nothing was applied."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


# -- keys ----------------------------------------------------------------------------------
def new_private_key() -> bytes:
    """A fresh Ed25519 private key as its 32 raw bytes."""
    from cryptography.hazmat.primitives import serialization as ser

    key = Ed25519PrivateKey.generate()
    return key.private_bytes(ser.Encoding.Raw, ser.PrivateFormat.Raw, ser.NoEncryption())


def public_key_of(private: bytes) -> str:
    """The public key (base64 of its 32 raw bytes) of a raw private key."""
    from cryptography.hazmat.primitives import serialization as ser

    pub = Ed25519PrivateKey.from_private_bytes(private).public_key()
    return b64(pub.public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw))


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, length: int | None = None) -> bytes:
    """Strict base64 (canonical form only); raises ValueError otherwise."""
    raw = base64.b64decode(text, validate=True)
    if b64(raw) != text or (length is not None and len(raw) != length):
        raise ValueError("not a canonical base64 key")
    return raw


def check_public_key(text: str) -> str:
    """The key when it is a well-formed Ed25519 public key; ValueError otherwise."""
    Ed25519PublicKey.from_public_bytes(unb64(text, 32))
    return text


def _derive(passphrase: str, salt: bytes) -> bytes:
    return hash_secret_raw(passphrase.encode(), salt, type=Type.ID, **KDF)


def seal(private: bytes, passphrase: str) -> str:
    """The private key encrypted under the passphrase (JSON text, safe to keep on disk)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    box = AESGCM(_derive(passphrase, salt)).encrypt(nonce, private, MAGIC)
    return json.dumps({"kdf": "argon2id", **KDF, "salt": b64(salt), "nonce": b64(nonce),
                       "sealed": b64(box)})


def unseal(sealed: str, passphrase: str) -> bytes:
    """The raw private key; BundleError("wrong_passphrase") when the passphrase is wrong."""
    blob = json.loads(sealed)
    key = _derive(passphrase, unb64(blob["salt"]))
    try:
        return AESGCM(key).decrypt(unb64(blob["nonce"]), unb64(blob["sealed"]), MAGIC)
    except InvalidTag:
        raise BundleError("wrong_passphrase",
                          "wrong password: the device key cannot be opened") from None


# -- the file --------------------------------------------------------------------------------
def pack(body: dict, private: bytes) -> bytes:
    """The signed file of a body (canonical JSON, gzip with a fixed header)."""
    payload = gzip.compress(dumps(body), compresslevel=9, mtime=0)
    sig = Ed25519PrivateKey.from_private_bytes(private).sign(MAGIC + payload)
    return MAGIC + sig + payload


def read_unverified(data: bytes) -> dict:
    """The body of a bundle file, NOT yet verified (to learn whose key must verify it)."""
    if not isinstance(data, bytes | bytearray) or not data.startswith(MAGIC):
        raise BundleError("not_a_bundle", "this file is not an Esep bundle")
    payload = bytes(data[len(MAGIC) + SIG_LEN:])
    try:
        inflater = zlib.decompressobj(wbits=31)
        raw = inflater.decompress(payload, MAX_BODY_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("truncated or too large")
        body = json.loads(raw)
    except (zlib.error, ValueError, UnicodeDecodeError) as exc:
        raise BundleError("damaged", f"the bundle file is damaged ({exc})") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise BundleError("damaged", "the bundle file is damaged (unknown format)")
    return body


def verify(data: bytes, public_key: str, whose: str) -> None:
    """Raise BundleError("bad_signature") unless `public_key` signed exactly these bytes."""
    sig, payload = bytes(data[len(MAGIC):len(MAGIC) + SIG_LEN]), bytes(data[len(MAGIC) + SIG_LEN:])
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_key, 32)).verify(sig, MAGIC + payload)
    except (InvalidSignature, ValueError):
        raise BundleError("bad_signature",
                          f"the signature does not match {whose}: the file was changed "
                          "or signed by another key") from None


def open_bundle(data: bytes, public_key: str, whose: str, kind: str) -> dict:
    """Verified body of the expected kind, not expired; BundleError otherwise."""
    body = read_unverified(data)
    verify(data, public_key, whose)
    if body.get("kind") != kind:
        raise BundleError("wrong_kind", f"this is not a bundle of kind {kind!r}")
    check_expiry(body)
    return body


def stamp(now: dt.datetime | None = None, ttl: dt.timedelta = DEFAULT_TTL) -> dict:
    """created_at / expires_at for a new body (UTC, ISO-8601 with Z)."""
    now = now or dt.datetime.now(dt.UTC)
    return {"created_at": _iso(now), "expires_at": _iso(now + ttl)}


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_expiry(body: dict, now: dt.datetime | None = None) -> None:
    try:
        expires = dt.datetime.strptime(body["expires_at"], "%Y-%m-%dT%H:%M:%SZ")
    except (KeyError, TypeError, ValueError):
        raise BundleError("damaged", "the bundle has no valid expiry") from None
    now = now or dt.datetime.now(dt.UTC)
    if now >= expires.replace(tzinfo=dt.UTC):
        raise BundleError("expired", f"the bundle expired at {body['expires_at']}: "
                          "export a new one")
