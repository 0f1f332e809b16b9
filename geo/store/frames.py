"""Events as GeoDataFrames, and GeoParquet files of events.

One frame layout serves GeoPackage, GeoParquet and the distributed ingest: the event
record's properties as columns (``extra`` as JSON text) and a WGS84 Point geometry.
Reading a frame back gives the same events, field for field.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gazetteer.files import atomic_path
from geo.errors import ExportError, InputError
from geo.records import EVENT_PROPERTIES, Event

if TYPE_CHECKING:
    import geopandas
    import pandas

CRS = "EPSG:4326"
DATE_COLUMNS = ("event_date", "published")
INT_COLUMNS = ("date_precision", "geo_precision")
FLOAT_COLUMNS = ("confidence",)
TEXT_COLUMNS = tuple(
    name for name in EVENT_PROPERTIES if name not in (*DATE_COLUMNS, *INT_COLUMNS, *FLOAT_COLUMNS, "geonameid")
)


def events_frame(events: Iterable[Event], *, iso_dates: bool = False) -> geopandas.GeoDataFrame:
    """A GeoDataFrame with one row per event and a WGS84 Point geometry.

    Dates are ``datetime.date`` objects (Parquet ``date32``), or ISO strings with
    ``iso_dates=True`` for formats without a plain date type (GeoPackage).
    """
    import geopandas as gpd
    import pandas as pd

    events = list(events)
    columns: dict[str, Any] = {name: [getattr(e, name) for e in events] for name in EVENT_PROPERTIES}
    columns["extra"] = [json.dumps(dict(x), ensure_ascii=False) if x else "" for x in columns["extra"]]
    if iso_dates:
        for name in DATE_COLUMNS:
            columns[name] = [d.isoformat() if d else None for d in columns[name]]
    frame = pd.DataFrame(
        {
            **{name: pd.Series(columns[name], dtype=object) for name in DATE_COLUMNS},
            **{name: pd.Series(columns[name], dtype="int64") for name in INT_COLUMNS},
            **{name: pd.Series(columns[name], dtype="float64") for name in FLOAT_COLUMNS},
            **{name: pd.Series(columns[name], dtype=str) for name in TEXT_COLUMNS},
            "geonameid": pd.array(columns["geonameid"], dtype="Int64"),
        },
        columns=list(EVENT_PROPERTIES),
    )
    geometry = gpd.points_from_xy([e.lon for e in events], [e.lat for e in events], crs=CRS)
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)


def events_from_frame(frame: pandas.DataFrame) -> list[Event]:
    """The events of a frame laid out as ``events_frame`` makes them."""
    missing = [name for name in EVENT_PROPERTIES if name not in frame.columns]
    if missing:
        raise InputError(f"an events table needs the columns {missing!r}; it has {list(frame.columns)!r}")
    lats, lons = _coordinates(frame)
    records = frame[list(EVENT_PROPERTIES)].to_dict("records")
    return [_event(record, lat, lon) for record, lat, lon in zip(records, lats, lons)]


def write_events_parquet(events: Iterable[Event], path: Path) -> int:
    """Write events as GeoParquet (with ``geo`` metadata), atomically; returns the count."""
    frame = events_frame(events)
    try:
        with atomic_path(Path(path)) as tmp:
            frame.to_parquet(tmp, index=False)
    except OSError as err:
        raise ExportError(f"cannot write {str(path)!r}: {err}") from err
    return len(frame)


def read_events_parquet(path: Path) -> list[Event]:
    import geopandas as gpd

    try:
        frame = gpd.read_parquet(path)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read GeoParquet events from {str(path)!r}: {err}") from err
    return events_from_frame(frame)


def parquet_files(path: Path) -> list[Path]:
    """The ``.parquet`` files of a folder (recursively, sorted), or the file itself."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.rglob("*.parquet") if p.is_file())
    if path.is_file():
        return [path]
    raise InputError(f"expected a GeoParquet file or folder, got {str(path)!r} (not found)")


def iter_parquet_events(path: Path) -> Iterator[list[Event]]:
    """The events of each GeoParquet file under ``path``, one list per file."""
    for file in parquet_files(path):
        yield read_events_parquet(file)


# ---------------------------------------------------------------------------


def _coordinates(frame: pandas.DataFrame) -> tuple[list[float], list[float]]:
    if "lat" in frame.columns and "lon" in frame.columns:
        return frame["lat"].astype(float).tolist(), frame["lon"].astype(float).tolist()
    geometry = getattr(frame, "geometry", None)
    if geometry is None:
        raise InputError("an events table needs a Point geometry or lat/lon columns")
    return geometry.y.tolist(), geometry.x.tolist()


def _event(record: dict[str, Any], lat: float, lon: float) -> Event:
    values = dict(record)
    for name in DATE_COLUMNS:
        values[name] = _as_date(values[name])
    geonameid = values["geonameid"]
    values["geonameid"] = None if _is_missing(geonameid) else int(geonameid)
    for name in INT_COLUMNS:
        values[name] = int(values[name])
    values["confidence"] = float(values["confidence"])
    for name in TEXT_COLUMNS:
        values[name] = "" if _is_missing(values[name]) else str(values[name])
    values["extra"] = tuple(json.loads(values["extra"]).items()) if values["extra"] else ()
    return Event(lat=float(lat), lon=float(lon), **values)


def _as_date(value: Any) -> date | None:
    if _is_missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "date"):  # pandas Timestamp
        return value.date()
    return date.fromisoformat(str(value)[:10]) if str(value) else None


def _is_missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, (str, date)) and bool(pd.isna(value)))
