"""Passphrase encryption of backup files, streamed: scrypt derives the key, AES-256-GCM seals
1 MiB chunks. Each chunk's nonce is the file's random prefix + the chunk number, and the
last chunk is marked in its associated data, so a reordered, cut or altered file is refused.

Layout: MAGIC | salt (16) | nonce prefix (7) | then per chunk: length (4, big endian) |
ciphertext+tag. A plain (unencrypted) backup does not start with MAGIC.
"""
from __future__ import annotations

import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"ESEP-BACKUP-AESGCM-1\n"
CHUNK = 1024 * 1024
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class SealError(ValueError):
    """A wrong passphrase, or a damaged / cut file."""


def _key(passphrase: str, salt: bytes) -> bytes:
    kdf = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8"))


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">Q", index)[3:]  # 7 + 5 = 12 bytes


def _aad(index: int, last: bool) -> bytes:
    return MAGIC + struct.pack(">Q?", index, last)


def is_sealed(path: str | os.PathLike) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def seal(src: BinaryIO, dst: BinaryIO, passphrase: str) -> None:
    """Encrypt the stream `src` into `dst`."""
    salt, prefix = os.urandom(16), os.urandom(7)
    aes = AESGCM(_key(passphrase, salt))
    dst.write(MAGIC + salt + prefix)
    index, chunk = 0, src.read(CHUNK)
    while True:
        following = src.read(CHUNK) if chunk else b""
        last = not following
        sealed = aes.encrypt(_nonce(prefix, index), chunk, _aad(index, last))
        dst.write(struct.pack(">I", len(sealed)) + sealed)
        if last:
            return
        index, chunk = index + 1, following


def unseal(src: BinaryIO, dst: BinaryIO, passphrase: str) -> None:
    """Decrypt `src` (written by seal) into `dst`; SealError on a wrong passphrase or a
    damaged file (what was written to `dst` then must be thrown away)."""
    head = src.read(len(MAGIC) + 23)
    if len(head) < len(MAGIC) + 23 or not head.startswith(MAGIC):
        raise SealError("not an encrypted Esep backup")
    salt, prefix = head[len(MAGIC):len(MAGIC) + 16], head[len(MAGIC) + 16:]
    aes = AESGCM(_key(passphrase, salt))
    index = 0
    while True:
        size = src.read(4)
        if len(size) < 4:
            raise SealError("the backup file is cut short")
        sealed = src.read(struct.unpack(">I", size)[0])
        plain, last = _open_chunk(aes, prefix, index, sealed)
        dst.write(plain)
        if last:
            if src.read(1):
                raise SealError("the backup file has data after its last part")
            return
        index += 1


def _open_chunk(aes: AESGCM, prefix: bytes, index: int, sealed: bytes) -> tuple[bytes, bool]:
    for last in (False, True):
        try:
            return aes.decrypt(_nonce(prefix, index), sealed, _aad(index, last)), last
        except InvalidTag:
            continue
    raise SealError("wrong passphrase, or the backup file is damaged")
