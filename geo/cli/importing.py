"""``conflictmap import acled|gdelt FILE [--db DB]``: read the file's events, store them,
name the first bad rows on stderr and count the rest."""

from __future__ import annotations

import argparse
import sys

from geo.formats.imports import MAX_REPORTED_ROWS, READERS, BadRow, BadRowTally, store_events


def import_command(args: argparse.Namespace) -> int:
    from geo.store.store import EventStore

    bad = BadRowTally()

    def report(row: BadRow) -> None:
        if bad.add(row):
            print(f"conflictmap: skipped {row}", file=sys.stderr)

    events = READERS[args.kind](args.file, on_error=report)
    with EventStore.open(args.db) as store:
        read, added = store_events(store, events, on_error=report, path=args.file)
    if bad.count > MAX_REPORTED_ROWS:
        print(f"conflictmap: ... and {bad.count - MAX_REPORTED_ROWS} more rows skipped", file=sys.stderr)
    print(
        f"imported {read} {args.kind} events from {args.file} ({added} new, "
        f"{read - added} already stored); {bad.count} rows skipped"
    )
    return 1 if bad.count else 0
