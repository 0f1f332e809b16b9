"""``conflictmap export --format F -o OUT [--db DB] [filters]``: the options into a filter
and drawing options, then one call of ``geo.formats.exports.export_store``."""

from __future__ import annotations

import argparse
import sys

from geo.errors import InputError
from geo.filters import EventFilter

EXIT_OK = 0


def event_filter(args: argparse.Namespace) -> EventFilter:
    """The EventFilter the command line's filter options describe."""
    try:
        return EventFilter(
            date_from=args.date_from,
            date_to=args.date_to,
            event_types=frozenset(args.event_types),
            country_codes=frozenset(c.strip().upper() for c in args.countries),
            sources=frozenset(args.sources),
            origins=frozenset(args.origins),
            bbox=tuple(args.bbox) if args.bbox else None,
            min_confidence=args.min_confidence,
            text=args.text,
        )
    except ValueError as err:
        raise InputError(str(err)) from err


def export_command(args: argparse.Namespace) -> int:
    from geo.formats.exports import BriefingOptions, export_store
    from geo.store.store import EventStore

    flt = event_filter(args)
    options = BriefingOptions(
        title=args.title,
        tiles=args.tiles,
        width=args.width,
        height=args.height,
        scale=args.scale,
        browser=args.browser,
    )
    with EventStore.open(args.db, readonly=True) as store:
        count = export_store(
            store,
            args.format,
            args.output,
            event_filter=flt,
            options=options,
            on_notice=lambda notice: print(f"conflictmap: {notice}", file=sys.stderr),
        )
    if count == 0:
        print(
            f"conflictmap: no events match the filters; wrote an empty {args.format} file to {args.output}",
            file=sys.stderr,
        )
    else:
        print(f"conflictmap: wrote {count} events to {args.output}", file=sys.stderr)
    return EXIT_OK
