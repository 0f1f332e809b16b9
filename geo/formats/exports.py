"""Events out of the store into files: GeoJSON, CSV, ACLED-style CSV, GeoPackage, GeoParquet.

Every writer takes events and a path, writes atomically (a temporary file beside
the target, then a rename) and returns how many events it wrote. An empty
selection still makes a valid, empty file. HTML and PNG briefings are made by
``geo.map.briefing``, which builds on this module (not the other way round).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gazetteer.files import atomic_path, atomic_text
from geo.errors import ConflictmapError, ExportError, InputError
from geo.filters import EventFilter
from geo.formats.acled import EXPORT_COLUMNS, acled_row
from geo.records import EVENT_PROPERTIES, EXPORTED_CODED_FIELDS, Event, EventReport
from geo.safetext import csv_cell, encodable_text

if TYPE_CHECKING:
    from geo.store.store import EventStore

#: The event record's properties, the coded fields (``reports`` as JSON text), then the point.
CSV_COLUMNS: tuple[str, ...] = (*EVENT_PROPERTIES, *EXPORTED_CODED_FIELDS, "latitude", "longitude")
GPKG_LAYER = "events"


def encodable_events(events: Iterable[Event]) -> Iterator[Event]:
    """The events, each lone surrogate of their texts as U+FFFD (no file format can
    hold one): repaired event by event, so one bad text never fails a whole export."""
    for event in events:
        texts = {name: getattr(event, name) for name in _TEXT_FIELDS}
        extra = "".join(k + v for k, v in event.extra)
        reports = "".join(getattr(r, name) for r in event.reports for name in _REPORT_TEXT_FIELDS)
        if all(encodable_text(t) is t for t in (*texts.values(), extra, reports)):
            yield event
            continue
        repaired: dict[str, Any] = {name: encodable_text(t) for name, t in texts.items()}
        yield replace(
            event,
            **repaired,
            extra=tuple((encodable_text(k), encodable_text(v)) for k, v in event.extra),
            reports=tuple(_encodable_report(r) for r in event.reports),
        )


_TEXT_FIELDS = (
    "event_id",
    "event_type",
    "sub_event_type",
    "place",
    "mention",
    "country_code",
    "admin1",
    "feature_code",
    "quote",
    "article_id",
    "title",
    "source",
    "url",
    "origin",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
)
_REPORT_TEXT_FIELDS = ("article_id", "source", "quote", "url", "title")


def _encodable_report(report: EventReport) -> EventReport:
    repaired: dict[str, Any] = {name: encodable_text(getattr(report, name)) for name in _REPORT_TEXT_FIELDS}
    return replace(report, **repaired)


def write_geojson(events: Iterable[Event], path: Path) -> int:
    """An RFC 7946 FeatureCollection, streamed feature by feature."""
    # One encoder for every feature: json.dumps builds a new one per call when
    # given options, which costs more than the encoding itself.
    encode = json.JSONEncoder(ensure_ascii=False).encode
    # __geo_interface__ writes the point as [lon, lat], GeoJSON's order.
    return write_feature_collection((encode(e.__geo_interface__) for e in encodable_events(events)), path)


def write_feature_collection(features: Iterable[str], path: Path) -> int:
    """A FeatureCollection of Features given as JSON texts, one per line; returns the count."""
    count = 0
    with _writing(path), atomic_text(path) as out:
        out.write('{"type": "FeatureCollection", "features": [')
        for feature in features:
            out.write(",\n" if count else "\n")
            out.write(feature)
            count += 1
        out.write("\n]}\n")
    return count


def write_csv(events: Iterable[Event], path: Path) -> int:
    """The event record's columns, the coded fields, latitude/longitude; ``extra`` and ``reports`` as JSON text.
    Text cells that a spreadsheet would run as a formula are guarded (``geo.safetext``)."""
    count = 0
    with _writing(path), atomic_text(path, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for event in encodable_events(events):
            writer.writerow(_csv_values(event))
            count += 1
    return count


#: What a NUL character in a text becomes in a GeoPackage and in the ACLED-style CSV
#: (U+FFFD, the replacement character): GDAL writes and reads text as C strings, which
#: end at the first NUL, and ACLED tools (our importer included) refuse a NUL in a cell.
NUL_REPLACEMENT = GPKG_NUL_REPLACEMENT = "\ufffd"


def write_acled_csv(events: Iterable[Event], path: Path) -> int:
    """ACLED's columns, then ours (``country_code``, ``conflictmap_*``) for a round trip
    that loses nothing but NUL characters (written as U+FFFD)."""
    count = 0
    with _writing(path), atomic_text(path, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        for event in encodable_events(events):
            writer.writerow(
                {name: csv_cell(value).replace("\0", NUL_REPLACEMENT) for name, value in acled_row(event).items()}
            )
            count += 1
    return count


def write_gpkg(events: Iterable[Event], path: Path) -> int:
    """A GeoPackage with one Point layer, ``events`` (dates as ISO text).

    The one format that cannot hold a NUL character: each one is written as U+FFFD,
    so the rest of the text is kept and the loss shows (the other formats keep it)."""
    from geo.store.frames import TEXT_COLUMNS, events_frame

    frame = events_frame(encodable_events(events), iso_dates=True)
    for name in TEXT_COLUMNS:
        frame[name] = frame[name].str.replace("\0", GPKG_NUL_REPLACEMENT, regex=False)
    with _writing(path), atomic_path(path) as tmp:
        frame.to_file(tmp, layer=GPKG_LAYER, driver="GPKG", geometry_type="Point", engine="pyogrio")
    return len(frame)


def write_parquet(events: Iterable[Event], path: Path) -> int:
    """GeoParquet (Parquet with ``geo`` metadata), one row per event."""
    from geo.store.frames import write_events_parquet

    with _writing(path):
        return write_events_parquet(encodable_events(events), path)


WRITERS: dict[str, Callable[[Iterable[Event], Path], int]] = {
    "geojson": write_geojson,
    "csv": write_csv,
    "acled": write_acled_csv,
    "gpkg": write_gpkg,
    "parquet": write_parquet,
}


def export_store(
    store: EventStore, fmt: str, path: Path, *, event_filter: EventFilter | None = None, per_report: bool = False
) -> int:
    """Write the stored events ``event_filter`` keeps to ``path`` as ``fmt`` (a key of
    ``WRITERS``); returns how many. One row per coded event (a happening told by several
    reports is one row listing them), or with ``per_report`` one row per report as parsed.
    The map page and the picture are drawn by ``geo.map.briefing``."""
    flt = event_filter or EventFilter()
    if fmt not in WRITERS:
        raise InputError(f"export format must be one of {', '.join(WRITERS)}, got {fmt!r}")
    # When no happening has several reports, a coded event is its one report: the plain,
    # faster path gives the same rows.
    coded = not per_report and store.happening_count() < store.count()
    if fmt == "geojson" and not coded:
        # Straight from the store's JSON: no Event records built for the plain format.
        return write_feature_collection(store.iter_feature_json(flt), path)
    events = store.coded_events(flt) if coded else store.iter_query(flt)
    return WRITERS[fmt](events, path)


def _csv_values(event: Event) -> list[Any]:
    values = []
    for name in EVENT_PROPERTIES:
        value = getattr(event, name)
        if name == "extra":
            value = json.dumps(dict(value), ensure_ascii=False) if value else ""
        elif value is None:
            value = ""
        elif name in ("event_date", "published"):
            value = value.isoformat()
        values.append(csv_cell(value) if isinstance(value, str) else value)
    for name, value in event.coded_properties().items():
        if name == "reports":
            value = json.dumps(value, ensure_ascii=False)
        values.append(csv_cell(value) if isinstance(value, str) else value)
    values.extend((repr(event.lat), repr(event.lon)))
    return values


class _writing:
    """Turns a failure to write ``path`` into one ExportError naming it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __enter__(self) -> None:
        if self.path.is_dir():
            raise ExportError(f"the output must be a file, got the folder {str(self.path)!r}")

    def __exit__(self, exc_type: type | None, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, OSError) and not isinstance(exc, ConflictmapError):
            raise ExportError(f"cannot write {str(self.path)!r}: {exc.strerror or exc}") from exc
