"""Events from other datasets into the store: ACLED CSV exports and GDELT 2.0 event files.

Imported events keep their origin (``acled``, ``gdelt``), so the map shows them as
their own layers. A row that cannot be read is reported with its line number and
skipped; the rest of the file is imported.

Memory is bounded whatever the file holds: a ``.zip`` is unpacked as a stream and
refused past ``MAX_UNPACKED_BYTES`` or ``MAX_UNPACK_RATIO`` times its packed size
(checked on the declared sizes first, then on the bytes actually read, since a
header may lie); a line over ``MAX_LINE_CHARS`` is a bad row read past in pieces; a
CSV cell over ``MAX_FIELD_CHARS`` is a bad row whatever ``csv.field_size_limit``
another package set for the process; bad rows are counted, and only the first
``MAX_REPORTED_ROWS`` are named. A row with invalid UTF-8, a NUL or a lone surrogate
in a cell is a bad row.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, fields
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from geo.errors import InputError
from geo.formats.acled import REQUIRED_COLUMNS, event_from_acled_row
from geo.formats.gdelt import event_from_gdelt_fields
from geo.records import Event
from geo.safetext import csv_text, unencodable

if TYPE_CHECKING:
    from geo.store.store import EventStore

#: Bad rows named one per line on stderr before the rest are only counted.
MAX_REPORTED_ROWS = 20
#: Events written per store transaction.
WRITE_CHUNK = 5_000
#: A zip member may unpack to at most this many bytes ...
MAX_UNPACKED_BYTES = 8 * 1024**3
#: ... and to at most this many times its packed size (CSV text packs 5 to 20 times;
#: a file of zeros a thousand times). Members under RATIO_FLOOR_BYTES are not judged by ratio.
MAX_UNPACK_RATIO = 100
RATIO_FLOOR_BYTES = 1024**2
#: Longest line read from an import file, in characters.
MAX_LINE_CHARS = 4 * 1024**2
#: Longest CSV cell, in characters (the csv module's own default limit).
MAX_FIELD_CHARS = 131_072


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that could not be read: where it is and why."""

    path: Path
    line: int  # 0 when the row is known by its event, not its line (refused by the store)
    reason: str

    def __str__(self) -> str:
        where = f"{self.path} line {self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}"


OnError = Callable[[BadRow], object]  # what it returns is not used


def read_acled(path: Path, *, on_error: OnError | None = None) -> tuple[Event, ...]:
    """The events of an ACLED CSV export (or of this package's ACLED-style export).

    Without ``on_error`` the first bad row raises InputError; with it, each bad row
    is handed to ``on_error`` and skipped.
    """
    return tuple(iter_acled(path, on_error=on_error))


def read_gdelt(path: Path, *, on_error: OnError | None = None) -> tuple[Event, ...]:
    """The events of a GDELT 2.0 event export (``.CSV`` tab-separated, or its ``.zip``)."""
    return tuple(iter_gdelt(path, on_error=on_error))


def iter_acled(path: Path, *, on_error: OnError | None = None) -> Iterator[Event]:
    path = Path(path)
    with _open_text(path, encoding="utf-8-sig") as handle, _csv_field_limit(MAX_FIELD_CHARS):
        long_lines: list[int] = []
        reader = csv.reader(_bounded_lines(handle, long_lines))
        try:
            header = [name.strip() for name in next(reader, [])]
        except csv.Error as err:
            raise InputError(f"{path} is not a readable CSV: {err}") from err
        if not any(header):
            raise InputError(_empty_file(path, "an ACLED CSV starts with its header row"))
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise InputError(
                f"{path} is not an ACLED CSV: expected the columns {list(REQUIRED_COLUMNS)!r}, missing {missing!r}"
            )
        while True:
            line = reader.line_num + 1  # where the next record starts
            try:
                record = next(reader, None)
            except csv.Error as err:  # a cell over the field size limit, a NUL byte
                _bad_row(BadRow(path, line, f"unreadable CSV row: {err}"), on_error)
                continue
            while long_lines:
                _bad_row(BadRow(path, long_lines.pop(0), _LONG_LINE), on_error)
            if record is None:
                return
            if not any(cell.strip() for cell in record):
                continue
            try:
                if len(record) != len(header):
                    raise InputError(f"expected {len(header)} columns, got {len(record)}")
                _check_cells(record, header)
                # Cells our export guarded against formulas (geo.safetext) read back as written.
                yield _storable(event_from_acled_row(dict(zip(header, map(csv_text, record)))))
            except InputError as err:
                _bad_row(BadRow(path, line, str(err)), on_error)


def iter_gdelt(path: Path, *, on_error: OnError | None = None) -> Iterator[Event]:
    path = Path(path)
    with _open_text(path, encoding="utf-8") as handle:
        long_lines: list[int] = []
        saw_a_row = False  # a file of blank lines is as empty as a file of nothing
        for line_number, line in enumerate(_bounded_lines(handle, long_lines), start=1):
            if not long_lines and not line.strip():
                continue
            saw_a_row = True
            if long_lines:
                _bad_row(BadRow(path, long_lines.pop(0), _LONG_LINE), on_error)
                continue
            text = line.rstrip("\r\n")
            try:
                cells = text.split("\t")
                event = event_from_gdelt_fields(cells)  # first: a wrong column count says more
                _check_cells(cells)
                yield _storable(event)
            except InputError as err:
                _bad_row(BadRow(path, line_number, str(err)), on_error)
        if not saw_a_row:
            raise InputError(_empty_file(path, "a GDELT export holds one event a line"))


def _empty_file(path: Path, what_it_needs: str) -> str:
    # A file of nothing is most often a download that failed: "imported 0 events" would hide it.
    return f"{path} is empty ({what_it_needs}; was the download cut short?)"


READERS: dict[str, Callable[..., Iterator[Event]]] = {"acled": iter_acled, "gdelt": iter_gdelt}


@dataclass(slots=True)
class BadRowTally:
    """Bad rows counted, the first ``keep`` of them kept (not a list of every one)."""

    keep: int = MAX_REPORTED_ROWS
    count: int = 0
    first: list[BadRow] = field(default_factory=list)

    def add(self, row: BadRow) -> bool:
        """Count ``row``; True when it is one of the first ``keep`` (to be named)."""
        self.count += 1
        if len(self.first) < self.keep:
            self.first.append(row)
            return True
        return False


def store_events(
    store: EventStore, events: Iterable[Event], *, path: Path, on_error: OnError | None = None
) -> tuple[int, int]:
    """Write ``events`` in chunks of ``WRITE_CHUNK``; returns (events written, events new).

    A chunk the store refuses for one of its values is written again one event at a
    time, so one bad event costs only itself: it goes to ``on_error``.
    """
    read = added = 0
    events = iter(events)
    while chunk := list(islice(events, WRITE_CHUNK)):
        try:
            added += store.add_events(chunk)
            read += len(chunk)
            continue
        except (ValueError, OverflowError):  # a value SQLite cannot hold; find which
            pass
        for event in chunk:
            try:
                added += store.add_events([event])
                read += 1
            except (ValueError, OverflowError) as err:
                row = BadRow(path, 0, f"event {event.event_id} cannot be stored: {err}")
                _bad_row(row, on_error)
    return read, added


# ---------------------------------------------------------------------------


def _bad_row(row: BadRow, on_error: OnError | None) -> None:
    if on_error is None:
        raise InputError(str(row))
    on_error(row)


_LONG_LINE = f"a line longer than {MAX_LINE_CHARS:,} characters"
#: Undecodable bytes become lone surrogates (errors="surrogateescape"), so the row
#: that holds them can be named and skipped rather than imported with U+FFFD in it.
_DECODE_ERRORS = "surrogateescape"


@contextmanager
def _open_text(path: Path, *, encoding: str) -> Iterator[IO[str]]:
    """A text handle on ``path``; a ``.zip`` (as GDELT ships its files) is read from
    its one member, unpacked as a stream under the size and ratio caps."""
    with ExitStack() as stack:
        try:
            if path.suffix.lower() == ".zip":
                archive = stack.enter_context(zipfile.ZipFile(path))
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) != 1:
                    raise InputError(f"expected one file inside {path}, found {len(members)}")
                member = members[0]
                allowed = _unpack_allowance(path, member)
                raw = _CappedReader(stack.enter_context(archive.open(member)), allowed, path)
                handle: IO[str] = io.TextIOWrapper(
                    io.BufferedReader(raw), encoding=encoding, errors=_DECODE_ERRORS, newline=""
                )
            else:
                handle = stack.enter_context(open(path, encoding=encoding, errors=_DECODE_ERRORS, newline=""))
        except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError) as err:
            reason = getattr(err, "strerror", None) or err
            raise InputError(f"cannot read {path}: {reason}") from err
        try:
            yield handle
        except (zipfile.BadZipFile, EOFError, zlib.error) as err:  # damage found while unpacking
            raise InputError(f"cannot read {path}: the archive is damaged ({err})") from err


def _unpack_allowance(path: Path, member: zipfile.ZipInfo) -> int:
    """The bytes ``member`` may unpack to; InputError when its declared size is over it."""
    packed = min(member.compress_size, path.stat().st_size)
    allowed = min(MAX_UNPACKED_BYTES, max(RATIO_FLOOR_BYTES, packed * MAX_UNPACK_RATIO))
    if member.file_size > allowed:
        raise _unpack_refusal(path, member.file_size, allowed)
    return allowed


def _unpack_refusal(path: Path, size: int, allowed: int, *, so_far: bool = False) -> InputError:
    return InputError(
        f"{path} unpacks to {'more than ' if so_far else ''}{size / 1024**2:,.0f} MB, over the "
        f"{allowed / 1024**2:,.0f} MB allowed ({MAX_UNPACKED_BYTES // 1024**3} GB at most, and at most "
        f"{MAX_UNPACK_RATIO} times its packed size); refused as a possible zip bomb"
    )


class _CappedReader(io.RawIOBase):
    """A binary stream that stops with InputError once more than ``allowed`` bytes came
    through: the declared size in a zip header is not trusted."""

    def __init__(self, raw: IO[bytes], allowed: int, path: Path) -> None:
        self._raw, self._allowed, self._path, self._seen = raw, allowed, path, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(min(len(buffer), 1024**2))
        self._seen += len(data)
        if self._seen > self._allowed:
            raise _unpack_refusal(self._path, self._seen, self._allowed, so_far=True)
        buffer[: len(data)] = data
        return len(data)


def _bounded_lines(handle: IO[str], long_lines: list[int]) -> Iterator[str]:
    """The lines of ``handle``, none longer than ``MAX_LINE_CHARS``: a longer line is read
    past in pieces, its number appended to ``long_lines`` and a blank line given instead
    (so line numbers still count)."""
    number = 0
    while line := handle.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            while not line.endswith("\n") and (line := handle.readline(MAX_LINE_CHARS)):
                pass
            long_lines.append(number)
            yield "\n"
            continue
        yield line


@contextmanager
def _csv_field_limit(limit: int) -> Iterator[None]:
    """The csv module's field size limit set to ``limit`` while reading, then put back:
    it is one setting for the whole process, and some packages raise it on import
    (reverse_geocoder to sys.maxsize). Cells are also measured here (``_check_cells``),
    so the outcome does not depend on it."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _check_cells(cells: Sequence[str], names: Sequence[str] = ()) -> None:
    """InputError when a cell is too long or holds a NUL or bytes that were not UTF-8."""
    for number, cell in enumerate(cells):
        column = names[number] if number < len(names) else f"column {number + 1}"
        if len(cell) > MAX_FIELD_CHARS:
            raise InputError(
                f"unreadable CSV row: field larger than field limit ({MAX_FIELD_CHARS:,} characters) in {column}"
            )
        if "\x00" in cell:
            raise InputError(f"{column} holds a NUL character")
        fault = unencodable(cell)
        if fault:
            raise InputError(f"{column} is not valid UTF-8 ({fault.replace('a lone surrogate', 'undecodable byte')})")


def _storable(event: Event) -> Event:
    """``event`` when the store can hold every value of it; else InputError saying which."""
    for name in _TEXT_FIELDS:
        fault = unencodable(getattr(event, name))
        if fault:
            raise InputError(f"{name} holds {fault}")
    for key, value in event.extra:
        fault = unencodable(key) or unencodable(value)
        if fault:
            raise InputError(f"extra {key!r} holds {fault}")
    if event.geonameid is not None and not -(2**63) <= event.geonameid < 2**63:
        raise InputError(f"geonameid: expected a GeoNames id, got a number of {len(str(event.geonameid))} digits")
    return event


_TEXT_FIELDS = tuple(f.name for f in fields(Event) if f.type in ("str", str))
