"""What python-calamine does not tell of a legacy .xls (BIFF8, Excel 97-2003): which rows and
columns a sheet hides, and damage on which calamine would panic or the whole process die.

An .xls is an OLE2 compound file: a 512-byte header, a FAT chaining its sectors, a directory
naming its streams. The "Workbook" stream is a run of BIFF records: the globals first, whose
BOUNDSHEET records (0x0085) give each sheet's name and where its records begin; a sheet's
DIMENSIONS record (0x0200) gives its used range, its ROW records (0x0208) the row's number
and, in option bit 0x20 (fDyZero), whether it is hidden; its COLINFO records (0x007D) a range
of columns and, in option bit 0x01 (fHidden), whether they are hidden; its cell records their row and
column. Only those records are read, every offset checked against what was read. A file cut
short, sectors chained in a loop, a used range or a cell past a sheet's last column is
damage calamine would panic or die on (`xls_damage`: the reader refuses the file first);
anything else the file does not say as expected (damaged, encrypted, an older BIFF) means
"not known": no hidden rows or columns, nothing refused (the cells are calamine's business, and its
errors the reader's).
"""
from __future__ import annotations

import functools
import struct
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_FILE = 512 << 20            # an .xls holds at most 65,536 rows: bigger is no sheet we read
SPECIAL = 0xFFFFFFFA            # sector numbers from here on end a chain or mark a FAT sector
BOF, EOF, FILEPASS, BOUNDSHEET, DIMENSIONS, ROW = 0x0809, 0x000A, 0x002F, 0x0085, 0x0200, 0x0208
COLINFO = 0x007D
BIFF8 = 0x0600
HIDDEN = 0x20                   # fDyZero in a ROW record's option flags
COLUMN_HIDDEN = 0x01            # fHidden in a COLINFO record's option flags
# The cell records calamine reads (FORMULA, RSTRING, LABELSST, NUMBER, LABEL, BOOLERR, RK):
# row, column first; MULRK (0x00BD) ends with its last column.
CELLS, MULRK = (0x0006, 0x00D6, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E), 0x00BD
MAX_ROWS, MAX_COLUMNS = 0x10000, 0x100      # a BIFF8 sheet's size
FAILURES = (struct.error, OSError, ValueError, IndexError, MemoryError)


class _Bad(Exception):
    """The file is not what an .xls says it is (here, or at this offset)."""


class _CutShort(_Bad):
    """A sector the file needs begins past its end."""


class _Loop(_Bad):
    """A chain of sectors comes back on itself."""


def xls_hidden_rows(path: Path, sheet: str | None) -> set[int]:
    """The 1-based numbers of the rows an .xls sheet (the first when `sheet` is None) hides;
    empty when the file does not say or cannot be read so far."""
    def row(rid: int, data: bytes) -> Iterable[int]:
        if rid == ROW and len(data) >= 16 and struct.unpack_from("<I", data, 12)[0] & HIDDEN:
            yield struct.unpack_from("<H", data)[0] + 1
    return _gathered(path, sheet, row)


def xls_hidden_columns(path: Path, sheet: str | None) -> set[int]:
    """The 0-based columns an .xls sheet (the first when `sheet` is None) hides; empty when
    the file does not say or cannot be read so far."""
    def columns(rid: int, data: bytes) -> Iterable[int]:
        if rid == COLINFO and len(data) >= 10:
            first, last, _width, _xf, options = struct.unpack_from("<5H", data)
            if options & COLUMN_HIDDEN:
                yield from range(first, min(last, MAX_COLUMNS - 1) + 1)
    return _gathered(path, sheet, columns)


def _gathered(path: Path, sheet: str | None,
              take: Callable[[int, bytes], Iterable[int]]) -> set[int]:
    """What `take` finds in the records of an .xls sheet (the first when `sheet` is None);
    empty when there is no such sheet or the file cannot be read so far."""
    try:
        stream = _workbook_stream(path)
        offsets = [at for name, at in _sheets(stream) if sheet is None or name == sheet]
        if not offsets:
            return set()
        return {n for rid, data in _sheet_records(stream, offsets[0]) for n in take(rid, data)}
    except (_Bad, *FAILURES):
        return set()


def xls_damage(path: Path) -> str | None:
    """Why python-calamine must not be given this .xls, None when nothing is known against it.
    Calamine panics on a sector past the end of a file cut short, reads a directory whose
    sectors chain in a loop until memory runs out, and reserves memory for a sheet's rows x
    columns as its DIMENSIONS and its cells say (a column past the last, a last row above
    the first): the process dies."""
    try:
        st = path.stat()
        return _damage(str(path), st.st_size, st.st_mtime_ns)
    except OSError:
        return None


@functools.lru_cache(maxsize=8)          # a list is opened again for each sheet looked at
def _damage(path: str, _size: int, _mtime: int) -> str | None:
    try:
        stream = _workbook_stream(Path(path))
        for name, at in _sheets(stream):
            if not all(_possible(rid, data) for rid, data in _sheet_records(stream, at)):
                return f"sheet {name!r} has a cell or a used range past a sheet's last column"
    except _CutShort:
        return "it is cut short"
    except _Loop:
        return "its sectors are chained in a loop"
    except (_Bad, *FAILURES):
        return None
    return None


def _possible(rid: int, data: bytes) -> bool:
    """A record calamine sizes its sheet by says no more than a sheet holds."""
    if rid == DIMENSIONS and len(data) in (10, 14):
        wide = len(data) == 14
        first, last = struct.unpack_from("<II" if wide else "<HH", data)
        columns = struct.unpack_from("<H", data, 10 if wide else 6)[0]
        return first <= last <= MAX_ROWS and columns <= MAX_COLUMNS
    if rid in CELLS and len(data) >= 4:
        return struct.unpack_from("<H", data, 2)[0] < MAX_COLUMNS
    if rid == MULRK and len(data) >= 6:
        return struct.unpack_from("<H", data, len(data) - 2)[0] < MAX_COLUMNS
    return True


def _workbook_stream(path: Path) -> bytes:
    if path.stat().st_size > MAX_FILE:
        raise _Bad("too big")
    return _Compound(path.read_bytes()).stream("Workbook")


class _Compound:
    """The streams of an OLE2 compound file held in `data`."""

    def __init__(self, data: bytes):
        if len(data) < 512 or data[:8] != CFB_MAGIC:
            raise _Bad("not a compound file")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise _Bad("sector sizes")
        self.size, self.long_sizes = 1 << shift, shift == 12
        n_fat, first_dir, _sig, self.cutoff, first_mini, _n_mini, first_difat, n_difat = \
            struct.unpack_from("<8I", data, 0x2C)
        self.fat = self._ints(b"".join(self._sector(s) for s in
                                       self._fat_sectors(n_fat, first_difat, n_difat)))
        self.entries = self._read_chain(first_dir, self.fat, self._sector)
        self.first_mini = first_mini

    def _sector(self, s: int) -> bytes:
        start = (s + 1) * self.size
        if start >= len(self.data):
            raise _CutShort(f"sector {s} past the end of the file")
        return self.data[start:start + self.size]       # the last one may be cut

    @staticmethod
    def _ints(raw: bytes) -> tuple[int, ...]:
        return struct.unpack(f"<{len(raw) // 4}I", raw[:len(raw) // 4 * 4])

    def _fat_sectors(self, n_fat: int, first_difat: int, n_difat: int) -> list[int]:
        """The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors."""
        found = list(self._ints(self.data[0x4C:0x200]))
        s = first_difat
        for _ in range(min(n_difat, len(self.data) // self.size)):     # a count too big
            if s >= SPECIAL:
                break
            ints = self._ints(self._sector(s))
            found.extend(ints[:-1])
            s = ints[-1]
        found = [s for s in found if s < SPECIAL][:n_fat]     # a count too big: all there are
        if not found:
            raise _Bad("no FAT sectors")
        return found

    @staticmethod
    def _read_chain(start: int, table: tuple[int, ...], read) -> bytes:
        """The sectors of a chain joined; a chain longer than its table loops: damaged."""
        parts: list[bytes] = []
        s = start
        while s < SPECIAL:
            if len(parts) > len(table):
                raise _Loop(f"the chain from sector {start} loops")
            if s >= len(table):
                raise _Bad("broken chain")
            parts.append(read(s))
            s = table[s]
        return b"".join(parts)

    def stream(self, name: str) -> bytes:
        """The stream `name` (a storage's child names are unique: the first match is it)."""
        for at in range(0, len(self.entries) - 127, 128):
            entry = self.entries[at:at + 128]
            length = min(struct.unpack_from("<H", entry, 0x40)[0], 64)
            if entry[0x42] == 2 and entry[:max(length - 2, 0)].decode(
                    "utf-16-le", "replace").casefold() == name.casefold():
                return self._stream_at(entry)
        raise _Bad(f"no {name} stream")

    def _stream_at(self, entry: bytes) -> bytes:
        start, size, high = struct.unpack_from("<3I", entry, 0x74)
        size += (high << 32) if self.long_sizes else 0
        if size < self.cutoff:                      # a small stream: in the mini stream
            if self.entries[0x42] != 5:
                raise _Bad("no root entry first")
            root_start = struct.unpack_from("<I", self.entries, 0x74)[0]
            mini = self._read_chain(root_start, self.fat, self._sector)
            minifat = self._ints(self._read_chain(self.first_mini, self.fat, self._sector))
            data = self._read_chain(start, minifat, lambda s: mini[s * 64:s * 64 + 64])
        else:
            data = self._read_chain(start, self.fat, self._sector)
        if len(data) < size:
            raise _Bad("stream shorter than its size")
        return data[:size]


def _records(stream: bytes, pos: int) -> Iterator[tuple[int, bytes]]:
    """(record id, its data) from `pos` to the end of the stream."""
    while pos + 4 <= len(stream):
        rid, n = struct.unpack_from("<HH", stream, pos)
        if pos + 4 + n > len(stream):
            raise _Bad(f"record at {pos} runs past the stream")
        yield rid, stream[pos + 4:pos + 4 + n]
        pos += 4 + n


def _sheets(stream: bytes) -> list[tuple[str, int]]:
    """(name, where its records begin) of every sheet, from the globals' BOUNDSHEET records."""
    records = _records(stream, 0)
    rid, data = next(records, (None, b""))
    if rid != BOF or len(data) < 4 or struct.unpack_from("<H", data)[0] != BIFF8:
        raise _Bad("not a BIFF8 workbook")
    found: list[tuple[str, int]] = []
    for rid, data in records:
        if rid == EOF:
            return found
        if rid == FILEPASS:
            raise _Bad("encrypted")
        if rid == BOUNDSHEET:
            found.append((_sheet_name(data), struct.unpack_from("<I", data)[0]))
    raise _Bad("the globals have no EOF")


def _sheet_name(data: bytes) -> str:
    """The ShortXLUnicodeString of a BOUNDSHEET: a count, a flag, Latin-1 or UTF-16 letters."""
    count, wide = data[6], data[7] & 1
    raw = data[8:8 + count * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1")


def _sheet_records(stream: bytes, offset: int) -> Iterator[tuple[int, bytes]]:
    """The records of the sheet whose BOF is at `offset`, but those of a chart drawn on the
    sheet (a BOF..EOF of its own inside, which calamine passes over too)."""
    depth = 0
    for rid, data in _records(stream, offset):
        if rid == BOF:
            depth += 1
        elif depth == 0:
            raise _Bad("no BOF where the sheet should begin")
        elif rid == EOF:
            depth -= 1
            if depth == 0:
                return
        elif depth == 1:
            yield rid, data
    raise _Bad("the sheet has no EOF")
