"""Events from other datasets into the store: ACLED CSV exports and GDELT 2.0 event files.

Imported events keep their origin (``acled``, ``gdelt``), so the map shows them as
their own layers. A row that cannot be read is reported with its line number and
skipped; the rest of the file is imported.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO

from geo.acled import REQUIRED_COLUMNS, event_from_acled_row
from geo.errors import InputError
from geo.gdelt import event_from_gdelt_fields
from geo.records import Event
from geo.safetext import csv_text

#: Bad rows named one per line on stderr before the rest are only counted.
MAX_REPORTED_ROWS = 20
#: Events written per store transaction.
WRITE_CHUNK = 5_000


@dataclass(frozen=True, slots=True)
class BadRow:
    """A row that could not be read: where it is and why."""

    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path} line {self.line}: {self.reason}"


OnError = Callable[[BadRow], None]


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
    with _open_text(path, encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        try:
            header = [name.strip() for name in next(reader, [])]
        except csv.Error as err:
            raise InputError(f"{path} is not a readable CSV: {err}") from err
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise InputError(
                f"{path} is not an ACLED CSV: expected the columns {list(REQUIRED_COLUMNS)!r}, "
                f"missing {missing!r}"
            )
        while True:
            line = reader.line_num + 1  # where the next record starts
            try:
                record = next(reader, None)
            except csv.Error as err:  # a cell over the csv module's size limit, a NUL byte
                _bad_row(BadRow(path, line, f"unreadable CSV row: {err}"), on_error)
                continue
            if record is None:
                return
            if not any(cell.strip() for cell in record):
                continue
            try:
                if len(record) != len(header):
                    raise InputError(f"expected {len(header)} columns, got {len(record)}")
                # Cells our export guarded against formulas (geo.safetext) read back as written.
                yield event_from_acled_row(dict(zip(header, map(csv_text, record))))
            except InputError as err:
                _bad_row(BadRow(path, line, str(err)), on_error)


def iter_gdelt(path: Path, *, on_error: OnError | None = None) -> Iterator[Event]:
    path = Path(path)
    with _open_text(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            text = line.rstrip("\r\n")
            if not text.strip():
                continue
            try:
                yield event_from_gdelt_fields(text.split("\t"))
            except InputError as err:
                _bad_row(BadRow(path, line_number, str(err)), on_error)


READERS: dict[str, Callable[..., Iterator[Event]]] = {"acled": iter_acled, "gdelt": iter_gdelt}


def import_command(args: argparse.Namespace) -> int:
    """``conflictmap import acled|gdelt FILE [--db DB]``."""
    from geo.store import EventStore

    bad_rows: list[BadRow] = []

    def report(row: BadRow) -> None:
        if len(bad_rows) < MAX_REPORTED_ROWS:
            print(f"conflictmap: skipped {row}", file=sys.stderr)
        bad_rows.append(row)

    events = READERS[args.kind](args.file, on_error=report)
    read = added = 0
    with EventStore.open(args.db) as store:
        while chunk := list(islice(events, WRITE_CHUNK)):
            read += len(chunk)
            added += store.add_events(chunk)
    if len(bad_rows) > MAX_REPORTED_ROWS:
        print(f"conflictmap: ... and {len(bad_rows) - MAX_REPORTED_ROWS} more rows skipped",
              file=sys.stderr)
    print(f"imported {read} {args.kind} events from {args.file} ({added} new, "
          f"{read - added} already stored); {len(bad_rows)} rows skipped")
    return 1 if bad_rows else 0


# ---------------------------------------------------------------------------


def _bad_row(row: BadRow, on_error: OnError | None) -> None:
    if on_error is None:
        raise InputError(str(row))
    on_error(row)


@contextmanager
def _open_text(path: Path, *, encoding: str) -> Iterator[IO[str]]:
    """A text handle on ``path``; a ``.zip`` (as GDELT ships its files) is read from
    its one member."""
    with ExitStack() as stack:
        try:
            if path.suffix.lower() == ".zip":
                archive = stack.enter_context(zipfile.ZipFile(path))
                members = [m for m in archive.namelist() if not m.endswith("/")]
                if len(members) != 1:
                    raise InputError(f"expected one file inside {path}, found {len(members)}")
                raw = stack.enter_context(archive.open(members[0]))
                handle: IO[str] = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
            else:
                handle = stack.enter_context(open(path, encoding=encoding, errors="replace", newline=""))
        except (OSError, zipfile.BadZipFile) as err:
            reason = getattr(err, "strerror", None) or err
            raise InputError(f"cannot read {path}: {reason}") from err
        yield handle
