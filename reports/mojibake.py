"""Text that went through the wrong code page before it reached a workbook.

A clerk opens a UTF-8 CSV in Excel on a Russian Windows (read as cp1251: «РЎРїРёСЃРѕРє»), or a
cp1251 file in a program that assumed Latin-1 («Ñïèñîê»), and saves the result as .xlsx.
The bytes survive, so the text can be turned back: encode it the way it was wrongly decoded,
decode it the way it was written. The decision is made once per file, from the cells of its
first rows (titles and headers): only when most of their non-ASCII cells come back as Cyrillic
words is every text cell of the file repaired, so a Kazakh Latin name (Ásem, Aıgúl) or a
Russian text that is right is never touched.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterable

# (how the bytes were wrongly read, how they were written): the usual accidents first
WRONG_READS = (("cp1251", "utf-8"), ("latin-1", "cp1251"), ("latin-1", "utf-8"),
               ("cp1252", "cp1251"), ("cp1252", "utf-8"))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # not \t \n \r
MIN_CELLS, MIN_SHARE = 2, 0.8


def _undefined_bytes(exc: UnicodeError) -> tuple[bytes, int]:
    """The bytes a code page has no character for, as the reading program kept them:
    Windows as U+0080-U+009F, LibreOffice as U+F100 + the byte, others as U+FFFD (taken
    for 0x98, the one hole of cp1251: the second byte of a UTF-8 «И»)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = bytearray()
    for ch in exc.object[exc.start:exc.end]:
        code = ord(ch)
        if 0xF100 <= code <= 0xF1FF:
            out.append(code - 0xF100)
        elif 0x80 <= code <= 0x9F:
            out.append(code)
        elif code == 0xFFFD:
            out.append(0x98)
        else:
            raise exc
    return bytes(out), exc.end


codecs.register_error("esep-undefined-bytes", _undefined_bytes)


def _encoded(text: str, wrong: str) -> bytes:
    return text.encode(wrong, errors="esep-undefined-bytes")


def _turned(text: str, wrong: str, right: str, *, cyrillic: bool = True) -> str | None:
    """`text` decoded as written, if it could have come from that accident (`cyrillic`: and
    reads as Cyrillic words, which the decision asks of a sample), else None."""
    try:
        fixed = _encoded(text, wrong).decode(right)
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if fixed == text or _CONTROL.search(fixed) or (cyrillic and not _mostly_cyrillic(fixed)):
        return None
    return fixed


def _mostly_cyrillic(text: str) -> bool:
    letters = _LETTER.findall(text)
    return bool(letters) and sum(1 for c in letters if _CYRILLIC.match(c)) >= 0.8 * len(letters)


def _suspects(texts: list[str], wrong: str) -> list[str]:
    """Non-ASCII cells; for a Latin-1 accident only those whose letters are mostly accented
    Latin (Ñïèñîê), never a Latin name with a diacritic or two."""
    out = [t for t in texts if not t.isascii()]
    if wrong != "cp1251":
        out = [t for t in out if _share_high_latin(t) >= 0.5]
    return out


def _share_high_latin(text: str) -> float:
    letters = _LETTER.findall(text)
    return sum(1 for c in letters if "\u00c0" <= c <= "\u00ff") / len(letters) if letters else 0


def detect(sample_rows: Iterable[tuple]) -> tuple[str, str] | None:
    """(wrong, right) code pages when the sample's text went through that accident."""
    texts = [v for row in sample_rows for v in row if isinstance(v, str) and v.strip()]
    non_ascii = [t for t in texts if not t.isascii()]
    for wrong, right in WRONG_READS:
        suspects = _suspects(texts, wrong)
        turned = [t for t in suspects if _turned(t, wrong, right) is not None]
        if len(turned) >= MIN_CELLS and len(turned) >= MIN_SHARE * len(non_ascii):
            return wrong, right
    return None


def repairer(wrong: str, right: str) -> Callable[[tuple], tuple]:
    """A row function that turns every text cell that can be turned back (in a file that
    went through the accident, a «№» too; a cell typed right afterwards cannot be turned)."""
    def repair(row: tuple) -> tuple:
        return tuple(_turned(v, wrong, right, cyrillic=False) or v
                     if isinstance(v, str) and not v.isascii() else v for v in row)
    return repair
