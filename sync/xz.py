"""xz (LZMA, the standard library's lzma) on the wire, shared by the client and the server.

A pull page and a push body of records are about 0.75 x their gzip size in xz (preset 6;
5,000 bench records: 247 KB against 329 KB), which on a 250 kbit/s line saves more time than
the compression costs (0.7 s of CPU for 3 MB of JSON). Negotiation, both ways optional:
- the client sends `Accept-Encoding: xz, gzip`; the server answers a pull page of at least
  MIN_BYTES with `Content-Encoding: xz` (a smaller one stays gzip);
- the server names what request bodies it inflates in the pull page's `Accept-Encoding`
  answer header (RFC 7694); only then does the client send a push body as xz.
An old client (gzip only) and an old server (no xz) keep gzip.
No I/O here.
"""
from __future__ import annotations

import lzma
import math
from collections.abc import Iterator

ENCODING = "xz"
ACCEPT = "xz, gzip"  # the client's Accept-Encoding; the server's accepted request bodies
PRESET = 6  # bench: preset 5 is 5 % bigger, 6e 4 % smaller for twice the CPU
MIN_BYTES = 2048  # raw JSON below this stays gzip (a no-op page: header overhead wins)
# xz bytes of a page ~ RATIO x gzip + SMALL x sqrt(gzip): xz gains less on small pages
# (bench pages, preset 6: 0.83 x gzip at 6 KB of gzip, 0.78 at 43 KB, 0.75 at 330 KB)
RATIO, SMALL = 0.76, 7.0
MEMLIMIT = 32 * 1024 * 1024  # decoder memory: preset 6 needs 9 MB; a crafted header more


class BadXz(ValueError):
    """Not a complete, valid xz stream."""


class TooLarge(ValueError):
    """It inflates beyond the allowed size."""


def gzip_budget(xz_bytes: int, ratio: float = RATIO, small: float = SMALL) -> int:
    """The gzip size of a page whose xz size is about `xz_bytes` (the inverse of the model
    above, or of another one: ratio x gzip + small x sqrt(gzip)): a server that estimates a
    page's gzip size sizes an xz page with it."""
    root = (-small + math.sqrt(small * small + 4 * ratio * xz_bytes)) / (2 * ratio)
    return max(1, int(root * root))


def accepts(header: str | bytes | None) -> bool:
    """Whether an Accept-Encoding header lists xz (a q=0 refusal is not acceptance)."""
    if not header:
        return False
    text = header.decode("latin-1") if isinstance(header, bytes) else header
    for item in text.split(","):
        name, _, params = item.strip().lower().partition(";")
        if name.strip() == ENCODING:
            return params.replace(" ", "") not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


def compress(data: bytes) -> bytes:
    return lzma.compress(data, format=lzma.FORMAT_XZ, preset=PRESET)


def stream(data: bytes, step: int = 128 * 1024) -> Iterator[bytes]:
    """`compress(data)` in pieces as the encoder emits them (the first ~32 KB after ~0.1 s
    for a 3 MB page): an answer streamed from it is on the wire while the rest is still
    being compressed."""
    encoder = lzma.LZMACompressor(format=lzma.FORMAT_XZ, preset=PRESET)
    for start in range(0, len(data), step):
        out = encoder.compress(data[start:start + step])
        if out:
            yield out
    yield encoder.flush()


def inflate(data: bytes, limit: int) -> bytes:
    """The inflated bytes, at most `limit` of them (TooLarge beyond: the decoder stops at
    limit + 1, so a bomb costs no more than that); BadXz for garbage, a truncated stream or
    bytes after it."""
    d = lzma.LZMADecompressor(format=lzma.FORMAT_XZ, memlimit=MEMLIMIT)
    try:
        out = d.decompress(data, max_length=limit + 1)
    except lzma.LZMAError as exc:
        raise BadXz(f"bad xz data: {exc}") from exc
    if len(out) > limit or (not d.eof and not d.needs_input):
        raise TooLarge(f"xz data inflates beyond {limit} bytes")
    if not d.eof:
        raise BadXz("truncated xz data")
    if d.unused_data:
        raise BadXz("bytes after the xz data")
    return out
