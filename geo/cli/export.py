"""``conflictmap export --format F -o OUT [--db DB] [filters]``: the options into an
``EventFilter``, then the writer of ``geo.formats.exports`` for a data format or the
map page and picture of ``geo.map.briefing``."""

from __future__ import annotations

import argparse
import sys

from geo.errors import InputError
from geo.filters import EventFilter
from geo.records import Event

EXIT_OK = 0
#: Formats drawn by ``geo.map.briefing`` (a map page, a picture) rather than written as data.
BRIEFING_FORMATS = ("html", "png")


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
    from geo.formats.exports import export_store
    from geo.store.store import EventStore

    flt = event_filter(args)
    with EventStore.open(args.db, readonly=True) as store:
        if args.format in BRIEFING_FORMATS:
            events = store.query(flt) if args.per_report else store.coded_events(flt)
            count = _export_briefing(args, events, bbox=flt.bbox)
        else:
            count = export_store(store, args.format, args.output, event_filter=flt, per_report=args.per_report)
    if count == 0:
        print(
            f"conflictmap: no events match the filters; wrote an empty {args.format} file to {args.output}",
            file=sys.stderr,
        )
    else:
        print(f"conflictmap: wrote {count} events to {args.output}", file=sys.stderr)
    return EXIT_OK


def _export_briefing(
    args: argparse.Namespace, events: list[Event], *, bbox: tuple[float, float, float, float] | None
) -> int:
    # Imported here: the map builder loads folium, over a second.
    from geo.map.briefing import export_html, export_png

    if args.format == "html":
        export_html(events, args.output, title=args.title, tiles=args.tiles)
    else:
        export_png(
            events,
            args.output,
            title=args.title,
            tiles=args.tiles,
            width=args.width,
            height=args.height,
            scale=args.scale,
            browser=args.browser,
            bbox=bbox,  # the picture shows the area asked for, not only where the events fell
            on_notice=lambda notice: print(f"conflictmap: {notice}", file=sys.stderr),
        )
    return len(events)
