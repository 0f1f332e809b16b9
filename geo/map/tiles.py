"""The detailed offline basemap as PNG tiles, drawn on demand and served by the app itself.

Tiles are drawn from the file ``gazetteer.basemap_detail`` builds (Natural Earth 1:10m
land, lakes, coastline, country and province borders, rivers, and the gazetteer's
towns), in Web Mercator's ``{z}/{x}/{y}`` scheme, and cached on disk beside it.

Why a small HTTP server on 127.0.0.1 rather than Streamlit's static file serving:
tiles are drawn when first asked for (all zooms of the world would be millions of
files), static serving only serves files that already exist under ``./static`` of the
folder the page runs from, which an installed wheel (``conflictmap app``) does not own,
and a ``data:`` URI per tile would put every tile in the page. The folium map in its
iframe loads ``<img>`` tiles from any origin, so a loopback server works there too,
for a browser on the same machine as the app.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import math
import os
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import folium
from folium.elements import JSCSSMixin

from gazetteer.basemap_detail import (
    LINE_LAYERS,
    Box,
    Town,
    band_for_zoom,
    default_cache_path,
    detail_basemap_available,
    ensure_detail_cache,
    fingerprint,
    open_detail_cache,
    shapes_in,
    stored_fingerprint,
    towns_in,
)
from geo.errors import InputError
from geo.map import townnames
from geo.map.townnames import display_towns

TILE_SIZE = 256
#: Drawn this many times larger, then scaled down: PIL draws without anti-aliasing.
SUPERSAMPLE = 2
#: Deepest zoom drawn; Leaflet enlarges these tiles beyond it.
MAX_NATIVE_ZOOM = 13
#: Labels are placed over blocks of METATILE x METATILE tiles, so that a label
#: crossing a tile edge is drawn the same on both sides.
METATILE = 4
MAX_LABELS_PER_METATILE = 80
LABEL_GAP_PX = 3

#: The smallest population labelled at each zoom (index); deeper zooms use the last.
LABEL_MIN_POPULATION: tuple[int, ...] = (
    10**9,
    10**9,
    5_000_000,
    2_000_000,
    1_000_000,
    300_000,
    100_000,
    40_000,
    15_000,
    5_000,
    2_000,
    1_000,
    0,
)
#: Rivers shorter than this many degrees are left out at each zoom (index); None: no rivers.
RIVER_MIN_LENGTH: tuple[float | None, ...] = (None, None, None, 5.0, 2.5, 1.2, 0.6, 0.3, 0.1, 0.0)
PROVINCES_FROM_ZOOM = 4
#: Short: the map's own attribution already credits GeoNames and Natural Earth in full.
ATTRIBUTION = "Basemap: Natural Earth, World Data Bank II rivers, GeoNames towns"
DETAIL_LAYER_NAME = "Detailed basemap (offline)"


@dataclass(frozen=True, slots=True)
class TileStyle:
    """Colours (hex) and line widths (pixels at low, middle, high zoom) of the basemap."""

    ocean: str = "#aad3df"
    land: str = "#f3f0e8"
    lake: str = "#aad3df"
    coastline: str = "#6f9fb5"
    river: str = "#3f88c5"
    province: str = "#a89bb0"
    border: str = "#7b5c8c"
    town: str = "#333333"
    label: str = "#1f1f1f"
    halo: str = "#ffffff"
    coastline_width: tuple[float, float, float] = (0.7, 0.9, 1.0)
    river_width: tuple[float, float, float] = (0.7, 1.1, 1.8)
    province_width: tuple[float, float, float] = (0.5, 0.8, 1.1)
    border_width: tuple[float, float, float] = (0.9, 1.4, 2.0)


STYLE = TileStyle()


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    """A town's label in world pixel coordinates at its zoom (final scale)."""

    name: str
    dot_x: float
    dot_y: float
    text_x: float  # top-left corner of the text box
    text_y: float
    font_size: int
    bold: bool
    lat: float = 0.0  # the town's own position and size, for a page that places the name itself
    lon: float = 0.0
    population: int = 0


# --------------------------------------------------------------------------- geometry of tiles


def check_tile(z: int, x: int, y: int) -> None:
    """Raise ``InputError`` unless ``z/x/y`` names a tile this basemap draws."""
    if not 0 <= z <= MAX_NATIVE_ZOOM:
        raise InputError(f"expected a zoom from 0 to {MAX_NATIVE_ZOOM}, got {z!r}")
    if not (0 <= x < 2**z and 0 <= y < 2**z):
        raise InputError(f"expected a tile column and row from 0 to {2**z - 1} at zoom {z}, got {x!r}, {y!r}")


def lon_to_px(lon: float, z: int) -> float:
    """World pixel column of ``lon`` at zoom ``z`` (Web Mercator, 256 px tiles)."""
    return (lon + 180.0) / 360.0 * TILE_SIZE * 2**z


def lat_to_px(lat: float, z: int) -> float:
    """World pixel row of ``lat`` at zoom ``z``."""
    lat = max(-85.0511, min(85.0511, lat))
    rad = math.radians(lat)
    return (1.0 - math.log(math.tan(rad) + 1.0 / math.cos(rad)) / math.pi) / 2.0 * TILE_SIZE * 2**z


def px_to_lon(px: float, z: int) -> float:
    return px / (TILE_SIZE * 2**z) * 360.0 - 180.0


def px_to_lat(py: float, z: int) -> float:
    n = math.pi * (1.0 - 2.0 * py / (TILE_SIZE * 2**z))
    return math.degrees(math.atan(math.sinh(n)))


def pixel_box(x0: float, y0: float, x1: float, y1: float, z: int) -> Box:
    """The lon/lat box of world pixels ``x0..x1``, ``y0..y1`` at zoom ``z``."""
    return (px_to_lon(x0, z), px_to_lat(y1, z), px_to_lon(x1, z), px_to_lat(y0, z))


def _width(widths: tuple[float, float, float], z: int) -> int:
    value = widths[0] if z < 4 else widths[1] if z < 7 else widths[2]
    return max(1, round(value * SUPERSAMPLE))


def _at(table: Sequence, z: int):
    return table[min(z, len(table) - 1)]


# --------------------------------------------------------------------------- drawing


@lru_cache(maxsize=8)
def _font(size: int, bold: bool):
    from importlib import resources

    from PIL import ImageFont

    # DejaVu Sans as matplotlib ships it (found without importing matplotlib).
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resources.files("matplotlib") / "mpl-data" / "fonts" / "ttf" / name), size)


def _label_font(population: int) -> tuple[int, bool]:
    # A tile is shown from 0.7 to 1.4 times its size between whole zooms: names are
    # drawn large enough to read at the smallest.
    if population >= 1_000_000:
        return 14, True
    if population >= 100_000:
        return 13, False
    return 12, False


def place_labels(towns: Iterable[Town], z: int, area: tuple[float, float, float, float]) -> tuple[PlacedLabel, ...]:
    """Labels for ``towns`` (largest first) that fit inside ``area`` (world pixels
    x0, y0, x1, y1 at zoom ``z``) without overlapping each other or another town's dot.
    A name takes the side of its dot that leaves the other towns' dots clear when it has
    one (Beirut's name goes out to sea rather than over Damascus), else any free side."""
    towns = list(towns)
    ax0, ay0, ax1, ay1 = area
    placed: list[PlacedLabel] = []
    taken: list[tuple[float, float, float, float]] = []
    points = [(lon_to_px(town.lon, z), lat_to_px(town.lat, z)) for town in towns]
    dots = _DotGrid(points)

    def free(box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        if x0 < ax0 or y0 < ay0 or x1 > ax1 or y1 > ay1:
            return False
        return all(x1 <= t0 or x0 >= t2 or y1 <= t1 or y0 >= t3 for t0, t1, t2, t3 in taken)

    for index, (town, (dot_x, dot_y)) in enumerate(zip(towns, points)):
        if len(placed) >= MAX_LABELS_PER_METATILE:
            break
        size, bold = _label_font(town.population)
        left, top, right, bottom = _font(size * SUPERSAMPLE, bold).getbbox(town.name)
        width, height = (right - left) / SUPERSAMPLE, (bottom - top) / SUPERSAMPLE
        dot = (dot_x - 3, dot_y - 3, dot_x + 3, dot_y + 3)
        if not free(dot):
            continue
        sides = [
            (text_x, (text_x - LABEL_GAP_PX, dot_y - height / 2 - LABEL_GAP_PX, text_x + width, dot_y + height / 2))
            for text_x in (dot_x + 5, dot_x - 5 - width)
        ]
        fitting = [(text_x, box) for text_x, box in sides if free(box)]
        clear = [(text_x, box) for text_x, box in fitting if not dots.hits(box, but=index)]
        if not fitting:
            continue
        text_x, box = (clear or fitting)[0]
        placed.append(
            PlacedLabel(
                town.name, dot_x, dot_y, text_x, dot_y - height / 2, size, bold, town.lat, town.lon, town.population
            )
        )
        taken.extend((box, dot))
    return tuple(placed)


class _DotGrid:
    """The towns' dots on a grid of cells, so that "does this label cover a dot" reads a few cells."""

    CELL_PX = 32.0
    DOT_PX = 3.0

    def __init__(self, points: Sequence[tuple[float, float]]) -> None:
        self.points = points
        self.cells: dict[tuple[int, int], list[int]] = {}
        for index, (x, y) in enumerate(points):
            self.cells.setdefault((int(x // self.CELL_PX), int(y // self.CELL_PX)), []).append(index)

    def hits(self, box: tuple[float, float, float, float], *, but: int) -> bool:
        """Whether ``box`` covers the dot of a town other than ``but``."""
        x0, y0, x1, y1 = box
        r, cell = self.DOT_PX, self.CELL_PX
        for cx in range(int((x0 - r) // cell), int((x1 + r) // cell) + 1):
            for cy in range(int((y0 - r) // cell), int((y1 + r) // cell) + 1):
                for index in self.cells.get((cx, cy), ()):
                    x, y = self.points[index]
                    if index != but and x0 < x + r and x - r < x1 and y0 < y + r and y - r < y1:
                        return True
        return False


class TileRenderer:
    """Draws tiles from one built basemap file; safe to share between threads."""

    def __init__(self, path: Path, *, style: TileStyle = STYLE, cache_dir: Path | None = None) -> None:
        self.path = Path(path)
        self.style = style
        self._conn: sqlite3.Connection = open_detail_cache(self.path)
        self._lock = threading.Lock()
        # Tiles drawn from another build, or by other drawing or naming code, are not reused.
        stamp = stored_fingerprint(self.path) or "unstamped"
        code = Path(__file__).read_bytes() + Path(townnames.__file__).read_bytes()
        drawing = hashlib.sha256(code + repr(style).encode("utf-8")).hexdigest()[:8]
        self.cache_dir = cache_dir
        if cache_dir is not None:
            self.cache_dir = Path(cache_dir) / f"tiles-{stamp}-{drawing}"
        self._labels = lru_cache(maxsize=512)(self._metatile_labels)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def tile_png(self, z: int, x: int, y: int, *, labels: bool = True) -> bytes:
        """The PNG of tile ``z/x/y`` (without town names unless ``labels``), from the disk
        cache when drawn before."""
        check_tile(z, x, y)
        folder = self.cache_dir if labels or self.cache_dir is None else self.cache_dir / "bare"
        cached = folder / str(z) / str(x) / f"{y}.png" if folder else None
        if cached is not None and cached.is_file():
            return cached.read_bytes()
        payload = self.render(z, x, y, labels=labels)
        if cached is not None:
            _write_atomically(cached, payload)
        return payload

    def labels_json(self, z: int, mx: int, my: int) -> bytes:
        """The town names of block ``mx, my`` (METATILE x METATILE tiles) at zoom ``z`` as
        JSON, for a page that draws them itself, clear of its own markers and labels:
        ``{"z": z, "labels": [[name, lat, lon, font_size, bold, population], ...]}``, biggest town first."""
        check_tile(z, mx * METATILE, my * METATILE)
        rows = [
            [label.name, round(label.lat, 5), round(label.lon, 5), label.font_size, label.bold, label.population]
            for label in self._labels(z, mx, my)
        ]
        return json.dumps({"z": z, "labels": rows}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def render(self, z: int, x: int, y: int, *, labels: bool = True) -> bytes:
        """Draw tile ``z/x/y`` as PNG bytes (town dots and names only with ``labels``)."""
        from PIL import Image, ImageDraw

        check_tile(z, x, y)
        style = self.style
        size = TILE_SIZE * SUPERSAMPLE
        # The sea is the background; land polygons cover it.
        image = Image.new("RGB", (size, size), style.ocean)
        draw = ImageDraw.Draw(image)
        origin = (x * TILE_SIZE, y * TILE_SIZE)
        margin = 4
        box = pixel_box(
            origin[0] - margin, origin[1] - margin, origin[0] + TILE_SIZE + margin, origin[1] + TILE_SIZE + margin, z
        )
        band = band_for_zoom(z).band
        with self._lock:
            land = shapes_in(self._conn, "land", band, box)
            lakes = shapes_in(self._conn, "lakes", band, box)
            lines = {layer: self._lines(layer, band, box, z) for layer in LINE_LAYERS}
        for polygon in land:
            self._fill(draw, polygon, z, origin, style.land, style.ocean)
        for polygon in lakes:
            self._fill(draw, polygon, z, origin, style.lake, style.land)
        widths = {
            "coastline": (style.coastline, _width(style.coastline_width, z)),
            "rivers": (style.river, _width(style.river_width, z)),
            "provinces": (style.province, _width(style.province_width, z)),
            "borders": (style.border, _width(style.border_width, z)),
        }
        for layer in LINE_LAYERS:
            colour, width = widths[layer]
            for line in lines[layer]:
                for points in _line_points(line, z, origin):
                    draw.line(points, fill=colour, width=width, joint="curve")
        if labels:
            self._draw_labels(draw, z, x, y)
        image = image.resize((TILE_SIZE, TILE_SIZE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.quantize(colors=96, method=Image.Quantize.MEDIANCUT).save(out, format="PNG", optimize=True)
        return out.getvalue()

    # ----------------------------------------------------------------------- parts of a tile

    def _lines(self, layer: str, band: int, box: Box, z: int) -> list:
        if layer == "provinces" and z < PROVINCES_FROM_ZOOM:
            return []
        if layer == "rivers":
            min_length = _at(RIVER_MIN_LENGTH, z)
            if min_length is None:
                return []
            return shapes_in(self._conn, layer, band, box, min_length=min_length)
        return shapes_in(self._conn, layer, band, box)

    def _fill(self, draw, polygon, z: int, origin: tuple[int, int], fill: str, hole: str) -> None:
        # Shapes are stored cut into pieces: an outline in the fill's own colour closes
        # the hairline the background would show along each cut.
        exterior = _projected(polygon.exterior.coords, z, origin)
        if len(exterior) >= 3:
            draw.polygon(exterior, fill=fill, outline=fill, width=SUPERSAMPLE)
        for interior in polygon.interiors:
            ring = _projected(interior.coords, z, origin)
            if len(ring) >= 3:
                draw.polygon(ring, fill=hole)

    def _metatile_labels(self, z: int, mx: int, my: int) -> tuple[PlacedLabel, ...]:
        min_population = _at(LABEL_MIN_POPULATION, z)
        if min_population >= 10**9:
            return ()
        span = METATILE * TILE_SIZE
        area = (mx * span, my * span, (mx + 1) * span, (my + 1) * span)
        with self._lock:
            towns = towns_in(self._conn, pixel_box(*area, z), min_population=min_population, limit=400)
        # Named as an English-language map names them (no "Al Başrah al Qadīmah" for Basra).
        return place_labels(display_towns(towns), z, area)

    def _draw_labels(self, draw, z: int, x: int, y: int) -> None:
        style = self.style
        labels = self._labels(z, x // METATILE, y // METATILE)
        ox, oy = x * TILE_SIZE, y * TILE_SIZE
        for label in labels:
            dx, dy = (label.dot_x - ox) * SUPERSAMPLE, (label.dot_y - oy) * SUPERSAMPLE
            radius = 2.5 * SUPERSAMPLE
            draw.ellipse((dx - radius, dy - radius, dx + radius, dy + radius), fill=style.town, outline=style.halo)
            font = _font(label.font_size * SUPERSAMPLE, label.bold)
            left, top, _right, _bottom = font.getbbox(label.name)
            tx, ty = (label.text_x - ox) * SUPERSAMPLE - left, (label.text_y - oy) * SUPERSAMPLE - top
            draw.text(
                (tx, ty), label.name, font=font, fill=style.label, stroke_width=2 * SUPERSAMPLE, stroke_fill=style.halo
            )


def _projected(coords, z: int, origin: tuple[int, int]) -> list[tuple[float, float]]:
    """Pixel positions (supersampled, relative to the tile's corner ``origin``) of lon/lat ``coords``."""
    import numpy as np

    points = np.asarray(coords, dtype=float)
    if points.size == 0:
        return []
    scale = TILE_SIZE * 2**z
    lat = np.radians(np.clip(points[:, 1], -85.0511, 85.0511))
    xs = ((points[:, 0] + 180.0) / 360.0 * scale - origin[0]) * SUPERSAMPLE
    ys = ((1.0 - np.log(np.tan(lat) + 1.0 / np.cos(lat)) / math.pi) / 2.0 * scale - origin[1]) * SUPERSAMPLE
    return list(zip(xs.tolist(), ys.tolist()))


def _line_points(line, z: int, origin: tuple[int, int]) -> list[list[tuple[float, float]]]:
    parts = getattr(line, "geoms", [line])
    return [points for part in parts if len(points := _projected(part.coords, z, origin)) >= 2]


def _write_atomically(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(payload)
    os.replace(tmp, path)


# --------------------------------------------------------------------------- serving


_TILE_PATH = re.compile(r"^/basemap/(\d{1,2})/(\d{1,6})/(\d{1,6})\.png$")
_LABELS_PATH = re.compile(r"^/basemap/labels/(\d{1,2})/(\d{1,6})/(\d{1,6})\.json$")
#: The query that asks for a tile without town names (the page then draws them itself).
BARE_QUERY = "labels=0"
#: How long a tile request waits for a first build of the basemap file.
BUILD_WAIT_S = 180.0


class TileServer:
    """Serves ``/basemap/{z}/{x}/{y}.png`` on 127.0.0.1 from a thread; the basemap
    file ``path`` (default: the cache's) is built, once and in the background, when
    missing or stale. Drawn tiles are kept under ``cache_dir`` (default: beside it)."""

    def __init__(
        self, path: Path | None = None, *, host: str = "127.0.0.1", port: int = 0, cache_dir: Path | None = None
    ) -> None:
        self._path = path
        self._cache_dir = cache_dir
        self._renderer: TileRenderer | None = None
        self._ready = threading.Event()
        self._failure: str | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server._answer(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
                return

        self._httpd = ThreadingHTTPServer((host, port), Handler)
        self._httpd.daemon_threads = True
        self.host, self.port = host, int(self._httpd.server_address[1])

    @property
    def url_template(self) -> str:
        """The Leaflet tile URL of this server."""
        return f"http://{self.host}:{self.port}/basemap/{{z}}/{{x}}/{{y}}.png"

    def start(self) -> TileServer:
        threading.Thread(target=self._prepare, name="basemap-build", daemon=True).start()
        threading.Thread(target=self._httpd.serve_forever, name="basemap-tiles", daemon=True).start()
        return self

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._renderer is not None:
            self._renderer.close()

    def wait_ready(self, timeout: float = BUILD_WAIT_S) -> bool:
        """Whether the basemap file is ready to draw from (waits up to ``timeout`` s)."""
        return self._ready.wait(timeout) and self._renderer is not None

    def _prepare(self) -> None:
        try:
            path = ensure_detail_cache(self._path)
            self._renderer = TileRenderer(path, cache_dir=self._cache_dir or path.parent)
        except (OSError, sqlite3.Error) as err:
            self._failure = f"the detailed basemap could not be built: {err}"
        finally:
            self._ready.set()

    def _answer(self, request: BaseHTTPRequestHandler) -> None:
        path, _, query = request.path.partition("?")
        tile, names = _TILE_PATH.match(path), _LABELS_PATH.match(path)
        match = tile or names
        if match is None:
            request.send_error(404, "expected /basemap/{z}/{x}/{y}.png or /basemap/labels/{z}/{x}/{y}.json")
            return
        if not self.wait_ready() or self._renderer is None:
            request.send_error(503, self._failure or "the basemap is still being built")
            return
        z, x, y = (int(part) for part in match.groups())
        try:
            if tile:
                payload = self._renderer.tile_png(z, x, y, labels=BARE_QUERY not in query.split("&"))
            else:
                payload = self._renderer.labels_json(z, x, y)
        except InputError as err:
            request.send_error(404, str(err))
            return
        request.send_response(200)
        request.send_header("Content-Type", "image/png" if tile else "application/json")
        request.send_header("Content-Length", str(len(payload)))
        request.send_header("Cache-Control", "public, max-age=86400")
        request.send_header("Access-Control-Allow-Origin", "*")
        request.end_headers()
        try:
            request.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            return  # the page went away (closed, or moved on) before its tile or names arrived


#: At fractional zooms Leaflet places scaled tiles at fractional pixels, and its
#: ``mix-blend-mode: plus-lighter`` adds the two half-covered edge pixels of
#: neighbours up to white hairlines. Plain blending over a pixel of overlap closes them.
TILE_SEAM_CSS = (
    ".leaflet-container .cm-detail-tiles img.leaflet-tile"
    "{mix-blend-mode:normal!important;width:257px!important;height:257px!important}"
)


class DetailTileLayer(JSCSSMixin, folium.TileLayer):
    """The detailed basemap's tile layer, with the style that closes tile seams."""

    def __init__(self, url: str, *, control: bool) -> None:
        super().__init__(
            tiles=url,
            attr=ATTRIBUTION,
            name=DETAIL_LAYER_NAME,
            overlay=False,
            control=control,
            show=True,
            max_native_zoom=MAX_NATIVE_ZOOM,
            max_zoom=18,
            class_name="cm-detail-tiles",
        )
        # An instance list of data: URIs, which the offline page and st_folium load as they are.
        css = base64.b64encode(TILE_SEAM_CSS.encode("utf-8")).decode("ascii")
        self.default_css = [("cm_detail_tiles_css", f"data:text/css;base64,{css}")]


def detail_tile_layer(url: str, *, control: bool) -> folium.TileLayer:
    """The Leaflet layer of this basemap at ``url`` (a ``{z}/{x}/{y}`` template), shown
    first; ``control`` lists it in the layer control beside other basemaps."""
    return DetailTileLayer(url, control=control)


_server: TileServer | None = None
_server_lock = threading.Lock()


def detail_tiles_url(*, build: bool = True) -> str | None:
    """The tile URL of this process's basemap server, started on first call; None when
    the basemap is neither built nor buildable from installed packages (the map then
    draws Natural Earth's 1:110m country outlines only). With ``build=False``, None
    also while the basemap file is not built and current (a picture that cannot wait
    a minute for the build)."""
    global _server
    with _server_lock:
        if _server is None:
            if not detail_basemap_available():
                return None
            if not build and stored_fingerprint(default_cache_path()) != fingerprint():
                return None
            _server = TileServer().start()
        return _server.url_template


def town_labels_url(url: str) -> str | None:
    """The ``{z}/{x}/{y}`` template of the town names (as JSON, by blocks of METATILE
    tiles) that go with the tile URL ``url`` this module made; None for another URL."""
    parts = urlsplit(url)
    if not parts.path.endswith("/basemap/{z}/{x}/{y}.png"):
        return None
    return f"{parts.scheme}://{parts.netloc}/basemap/labels/{{z}}/{{x}}/{{y}}.json"


def bare_tiles_url(url: str) -> str:
    """The tile URL ``url`` asking for tiles without town names."""
    return url + ("&" if "?" in url else "?") + BARE_QUERY


def tile_origin(url: str) -> str:
    """``http://127.0.0.1:PORT`` of a tile URL this module made."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
