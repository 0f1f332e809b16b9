"""Briefing outputs: the map as one self-contained HTML file, and as a PNG for a slide.

The PNG is the map page rendered by headless chromium (Playwright) with every
request that is not local aborted. With no chromium, the same picture (basemap,
markers by type, legend with counts, title, place labels) is drawn with
matplotlib instead, and ``on_notice`` hears one line saying so.
"""

from __future__ import annotations

import html
import math
import os
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from gazetteer.files import atomic_path, atomic_text
from geo.errors import ExportError, InputError
from geo.formats.exports import encodable_events
from geo.map.framing import core_bounds
from geo.map.mapview import (
    DATA_ATTRIBUTION,
    EVENT_STYLE,
    MAX_MARKERS,
    ORIGIN_STROKES,
    TILE_HOSTS,
    MarkerGroup,
    RawHtml,
    build_map,
    date_range_text,
    is_tile_url,
    legend_counts,
    marker_groups,
    marker_shifts,
    placed_at_country,
    radius_for,
    slide_map,
    source_count,
    top_places,
)
from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page
from geo.map.theatres import SlideLayout, elsewhere_text, slide_layout
from geo.map.tiles import detail_tiles_url, tile_origin
from geo.records import Event
from geo.safetext import encodable_text

BROWSER_ENV = "CONFLICTMAP_BROWSER"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DEFAULT_BROWSER = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
)
#: How long a page may take to draw before the PNG gives up on the browser.
READY_TIMEOUT_MS = 30_000
#: Up to this many events the standalone HTML lists every event in full in its popups.
HTML_FULL_DETAIL_EVENTS = 2000

MIN_SIDE, MAX_SIDE = 200, 8000
MIN_SCALE, MAX_SCALE = 0.25, 4.0

Bbox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class RenderedSlide:
    """A PNG written, with what its legend says (events per type) and how many markers it drew."""

    path: Path
    legend: dict[str, int]
    markers: int
    renderer: str  # "chromium" or "matplotlib"
    view: tuple[float, float, float, float] | None = None  # (west, south, east, north) drawn


# --------------------------------------------------------------------------- HTML


def export_html(events: Sequence[Event], path: Path, *, title: str = "", tiles: bool = False) -> Path:
    """Write one self-contained HTML map (scripts, styles, basemap and data inside,
    popups, layer control and time playback) that loads nothing from outside."""
    events = list(encodable_events(events))  # a lone surrogate in a text becomes U+FFFD
    title = encodable_text(title)
    m = build_map(events, title=title, tiles=tiles, timeline=True, cluster_over=HTML_FULL_DETAIL_EVENTS)
    m.get_root().header.add_child(  # type: ignore[attr-defined]  # a folium Figure
        RawHtml(f"<title>{html.escape(title or 'Conflict map')}</title>"), name="page_title"
    )
    page = offline_html(m, img_sources=TILE_HOSTS if tiles else ())
    path = Path(path)
    try:
        with atomic_text(path) as handle:
            handle.write(page)
    except OSError as err:
        raise ExportError(f"cannot write the HTML map to {str(path)!r}: {err.strerror or err}") from err
    return path


# --------------------------------------------------------------------------- browser


def find_browser(explicit: Path | None = None) -> Path | None:
    """The chromium to draw PNGs with: ``explicit`` when given (None if it is not
    an executable file), else $CONFLICTMAP_BROWSER, chromium, chromium-browser or
    google-chrome on the PATH, else /usr/bin/chromium; None when there is none."""
    if explicit is not None:
        return _executable(Path(explicit))
    from_env = os.environ.get(BROWSER_ENV, "").strip()
    if from_env:
        return _executable(Path(from_env))
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return _executable(DEFAULT_BROWSER)


def _executable(path: Path) -> Path | None:
    return path if path.is_file() and os.access(path, os.X_OK) else None


def _check_picture(width: Any, height: Any, scale: Any, bbox: Any) -> Bbox | None:
    for name, value in (("width", width), ("height", height)):
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_SIDE <= value <= MAX_SIDE:
            raise InputError(f"{name} must be a whole number of pixels in {MIN_SIDE}..{MAX_SIDE}, got {value!r}")
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not MIN_SCALE <= scale <= MAX_SCALE:
        raise InputError(f"scale must be a number in {MIN_SCALE}..{MAX_SCALE}, got {scale!r}")
    if bbox is None:
        return None
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bbox)
    except (TypeError, ValueError) as err:
        raise InputError(f"bbox must be (min_lon, min_lat, max_lon, max_lat), got {bbox!r}") from err
    if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
        raise InputError(f"bbox must be (min_lon, min_lat, max_lon, max_lat) with min < max, got {bbox!r}")
    return (min_lon, min_lat, max_lon, max_lat)


class SlideRenderer:
    """A started headless chromium that turns events into slide PNGs.

    Use as a context manager; one browser serves many pictures. Browser contexts
    (one per device scale factor) are kept between pictures: making one costs
    more than drawing a map.
    """

    def __init__(self, executable: Path) -> None:
        self.executable = Path(executable)
        self._playwright: Any = None
        self._browser: Any = None
        self._contexts: dict[float, Any] = {}
        self._gate = _RequestGate()

    def __enter__(self) -> SlideRenderer:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=str(self.executable), args=list(CHROMIUM_ARGS)
            )
        except BaseException:
            self._playwright.stop()
            self._playwright = None
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._contexts.clear()
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None

    def _context(self, scale: float) -> Any:
        if scale not in self._contexts:
            context = self._browser.new_context(device_scale_factor=scale)
            context.route("**/*", self._gate.handle)
            self._contexts[scale] = context
        return self._contexts[scale]

    def render(
        self,
        events: Sequence[Event],
        path: Path,
        *,
        title: str = "",
        width: int = 1600,
        height: int = 1000,
        scale: float = 1.0,
        bbox: Bbox | None = None,
        tiles: bool = False,
    ) -> RenderedSlide:
        """Draw the slide for ``events`` and write it to ``path`` (atomically)."""
        bbox = _check_picture(width, height, scale, bbox)
        # The detailed offline basemap when it is built (its tiles come from this process).
        detail = detail_tiles_url(build=False)
        local = tile_origin(detail) if detail else ""
        page_html = offline_html(
            slide_map(events, title=title, width=width, height=height, bounds=bbox, tiles=tiles, basemap_tiles=detail),
            img_sources=(*(TILE_HOSTS if tiles else ()), *((local,) if local else ())),
            connect_sources=(local,) if local else (),
        )
        # A file loads far faster than set_content, which pushes the page through the protocol.
        with tempfile.TemporaryDirectory(prefix="conflictmap-slide-") as folder:
            page_path = Path(folder) / "slide.html"
            page_path.write_text(page_html, encoding="utf-8")
            self._gate.open_for(page_path.as_uri(), tiles=tiles, local_tiles=local)
            page = self._context(float(scale)).new_page()
            try:
                page.set_viewport_size({"width": width, "height": height})
                # Not "load": that waits on every tile image with Playwright's own 30 s,
                # while the page's readiness caps its wait for slow tiles and draws without them.
                page.goto(page_path.as_uri(), wait_until="domcontentloaded")
                wait_in_page(page, "window.conflictmapReady === true", timeout_ms=READY_TIMEOUT_MS)
                stats = page.evaluate("window.conflictmapStats")
                with atomic_path(Path(path)) as tmp:
                    page.screenshot(path=str(tmp), type="png")
            finally:
                page.close()
                self._gate.open_for("", tiles=False)
        legend = {key: int(n) for key, n in (stats.get("legend") or {}).items() if n}
        view = stats.get("view")
        box = (float(view[0]), float(view[1]), float(view[2]), float(view[3])) if view else None
        return RenderedSlide(Path(path), legend, int(stats.get("drawn", 0)), "chromium", box)


class _RequestGate:
    """Lets through the page being drawn, inline data, the detailed basemap's loopback
    tiles and (with tiles) online tile requests; aborts every other request."""

    def __init__(self) -> None:
        self.page_url = ""
        self.tiles = False
        self.local_tiles = ""

    def open_for(self, page_url: str, *, tiles: bool, local_tiles: str = "") -> None:
        self.page_url, self.tiles, self.local_tiles = page_url, tiles, local_tiles

    def allows(self, url: str) -> bool:
        return (
            (bool(self.page_url) and url == self.page_url)
            or url.startswith(("data:", "blob:"))
            or (self.tiles and is_tile_url(url))
            or (bool(self.local_tiles) and url.startswith(self.local_tiles + "/basemap/"))
        )

    def handle(self, route: Any) -> None:
        if self.allows(route.request.url):
            route.continue_()
        else:
            route.abort()


# --------------------------------------------------------------------------- PNG


def export_png(
    events: Sequence[Event],
    path: Path,
    *,
    title: str = "",
    width: int = 1600,
    height: int = 1000,
    scale: float = 1.0,
    bbox: Bbox | None = None,
    browser: Path | None = None,
    tiles: bool = False,
    on_notice: Callable[[str], None] | None = None,
) -> Path:
    """Write the map of ``events`` as a slide PNG of ``width`` x ``height`` CSS
    pixels times ``scale``: title, date range, legend with counts, scale bar,
    attribution, labels of the main places; fitted to the events or ``bbox``
    (min_lon, min_lat, max_lon, max_lat). Drawn by chromium when one is found,
    else by matplotlib (and ``on_notice`` is told)."""
    events = list(encodable_events(events))  # a lone surrogate in a text becomes U+FFFD
    return render_png(
        events,
        path,
        title=title,
        width=width,
        height=height,
        scale=scale,
        bbox=bbox,
        browser=browser,
        tiles=tiles,
        on_notice=on_notice,
    ).path


def render_png(
    events: Sequence[Event],
    path: Path,
    *,
    title: str = "",
    width: int = 1600,
    height: int = 1000,
    scale: float = 1.0,
    bbox: Bbox | None = None,
    browser: Path | None = None,
    tiles: bool = False,
    on_notice: Callable[[str], None] | None = None,
) -> RenderedSlide:
    """``export_png``, returning what was drawn (legend counts, markers, renderer)."""
    bbox = _check_picture(width, height, scale, bbox)
    events = list(events)
    executable = find_browser(browser)
    reason = None
    if executable is None:
        where = f" at {str(browser)!r}" if browser is not None else ""
        reason = f"chromium not found{where}"
    else:
        from playwright.sync_api import Error as PlaywrightError

        try:
            with SlideRenderer(executable) as renderer:
                return renderer.render(
                    events, path, title=title, width=width, height=height, scale=scale, bbox=bbox, tiles=tiles
                )
        except PlaywrightError as err:
            reason = f"chromium failed ({_first_line(err)})"
    if on_notice is not None:
        on_notice(f"{reason}; drew the PNG with matplotlib instead")
    return draw_png_fallback(events, path, title=title, width=width, height=height, scale=scale, bbox=bbox)


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


# --------------------------------------------------------------------------- matplotlib fallback

#: matplotlib markers for EVENT_STYLE's shapes.
MATPLOTLIB_MARKERS = {"circle": "o", "square": "s", "diamond": "D", "triangle": "^"}
SEA_COLOUR, LAND_COLOUR, BORDER_COLOUR = "#dde8f0", "#f4f1ea", "#9a9a9a"
HEADER_PX, MARGIN_PX = 72, 20
POINTS_PER_PX = 0.72  # the figure is laid out at 100 px per inch


def draw_png_fallback(
    events: Sequence[Event],
    path: Path,
    *,
    title: str = "",
    width: int = 1600,
    height: int = 1000,
    scale: float = 1.0,
    bbox: Bbox | None = None,
) -> RenderedSlide:
    """The slide drawn with matplotlib: basemap, markers by type, legend with
    counts, header, labels of the main places, attribution."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    bbox = _check_picture(width, height, scale, bbox)
    events = list(events)
    figure = Figure(figsize=(width / 100, height / 100), dpi=100 * scale, facecolor="white")
    FigureCanvasAgg(figure)
    ax = figure.add_axes(
        (MARGIN_PX / width, MARGIN_PX / height, 1 - 2 * MARGIN_PX / width, 1 - (HEADER_PX + MARGIN_PX) / height)
    )
    aspect = (width - 2 * MARGIN_PX) / (height - HEADER_PX - 2 * MARGIN_PX)
    layout = slide_layout(events, aspect=aspect) if bbox is None else SlideLayout(frame=bbox)
    _frame_axes(ax, _view_box(events, bbox if layout.frame is None else layout.frame))
    _draw_basemap(ax)
    drawn = _draw_markers(ax, events)
    legend = legend_counts(events)
    _draw_legend(ax, legend)
    (west, east), (south, north) = ax.get_xlim(), ax.get_ylim()
    outside = sum(not (west <= e.lon <= east and south <= e.lat <= north) for e in events)
    _draw_header(figure, title, events, width, height, outside)
    _draw_attribution(ax, _attribution_text(events), width)
    _draw_beyond(ax, layout, width)
    _place_labels(ax, top_places(events, len(events)))  # every place where its name has room, as in chromium
    try:
        with atomic_path(Path(path)) as tmp:
            figure.savefig(tmp, format="png", dpi=100 * scale, facecolor="white")
    except OSError as err:
        raise ExportError(f"cannot write the PNG to {str(path)!r}: {err.strerror or err}") from err
    return RenderedSlide(Path(path), legend, drawn, "matplotlib", (west, south, east, north))


def _view_box(events: Sequence[Event], bbox: Bbox | None) -> Bbox:
    if bbox is not None:
        return bbox
    bounds = core_bounds(events)
    if bounds is None:
        return (-170.0, -60.0, 180.0, 80.0)
    min_lon, min_lat, max_lon, max_lat = bounds
    # Some room around the outermost events, and at least a region's worth of view.
    pad_lon = max((max_lon - min_lon) * 0.08, 1.0)
    pad_lat = max((max_lat - min_lat) * 0.08, 0.7)
    return (
        max(min_lon - pad_lon, -180.0),
        max(min_lat - pad_lat, -85.0),
        min(max_lon + pad_lon, 180.0),
        min(max_lat + pad_lat, 85.0),
    )


def latitude_stretch(min_lat: float, max_lat: float) -> float:
    """How much taller than a degree of longitude a degree of latitude is drawn, so that
    distances come out true at the middle latitude (capped near the poles)."""
    return 1 / max(math.cos(math.radians((min_lat + max_lat) / 2)), 0.2)


def fill_frame(box: Bbox, frame_width: float, frame_height: float) -> Bbox:
    """``box`` grown in one direction so that, drawn equirectangular with a degree
    of longitude true at the middle latitude, it fills a frame of that shape."""
    min_lon, min_lat, max_lon, max_lat = box
    stretch = latitude_stretch(min_lat, max_lat)
    width, height = max_lon - min_lon, (max_lat - min_lat) * stretch
    target = frame_width / frame_height
    if width / height < target:
        grow = (height * target - width) / 2
        min_lon, max_lon = min_lon - grow, max_lon + grow
    else:
        grow = (width / target - height) / 2 / stretch
        min_lat, max_lat = min_lat - grow, max_lat + grow
    return (min_lon, min_lat, max_lon, max_lat)


def _frame_axes(ax: Any, box: Bbox) -> None:
    frame = ax.get_position()
    figure_width, figure_height = ax.figure.get_size_inches()
    min_lon, min_lat, max_lon, max_lat = fill_frame(box, frame.width * figure_width, frame.height * figure_height)
    ax.set_facecolor(SEA_COLOUR)
    ax.set_xlim(min_lon, max_lon)
    ax.set_ylim(min_lat, max_lat)
    ax.set_aspect(latitude_stretch(min_lat, max_lat), adjustable="box")
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor("#b9b9b9")


def _draw_basemap(ax: Any) -> None:
    from gazetteer.basemap import WORLD_BASEMAP_PATH

    if not WORLD_BASEMAP_PATH.is_file():
        return
    import geopandas

    world = geopandas.read_file(WORLD_BASEMAP_PATH)
    xlim, ylim = ax.get_xlim(), ax.get_ylim()
    # Only the countries in (or near) view: drawing all of them is most of the time spent.
    span_x, span_y = xlim[1] - xlim[0], ylim[1] - ylim[0]
    world = world.cx[xlim[0] - span_x : xlim[1] + span_x, ylim[0] - span_y : ylim[1] + span_y]
    # aspect=None: the frame's aspect stays the one _frame_axes chose for the view.
    world.plot(ax=ax, facecolor=LAND_COLOUR, edgecolor=BORDER_COLOUR, linewidth=0.5, zorder=1, aspect=None)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("")
    ax.set_ylabel("")


def _draw_markers(ax: Any, events: Sequence[Event]) -> int:
    from matplotlib.colors import to_rgba
    from matplotlib.transforms import offset_copy

    groups = marker_groups(events, max_markers=MAX_MARKERS)
    batches: dict[tuple[str, tuple[int, int], bool], list[MarkerGroup]] = {}
    for group, shift in zip(groups, marker_shifts(groups)):
        country = all(placed_at_country(e) for e in group.events)
        batches.setdefault((group.event_type, shift, country), []).append(group)
    for (event_type, (dx, dy), country), mine in batches.items():
        style = EVENT_STYLE[event_type]
        # Page pixels point down, figure points up: the same shift as on the web map.
        moved = offset_copy(ax.transData, fig=ax.figure, x=dx * POINTS_PER_PX, y=-dy * POINTS_PER_PX, units="points")
        # As on the web map: events placed only at a country are pale with a dashed outline.
        ax.scatter(
            [g.lon for g in mine],
            [g.lat for g in mine],
            s=[(2 * radius_for(g.count) * POINTS_PER_PX) ** 2 for g in mine],
            marker=MATPLOTLIB_MARKERS[style.icon],
            c=[to_rgba(style.colour, 0.2 if country else 0.85)] * len(mine),
            transform=moved,
            edgecolors=style.colour if country else [ORIGIN_STROKES.get(g.origin, "#444444") for g in mine],
            linewidths=1.2 if country else 0.8,
            linestyles="--" if country else "solid",
            zorder=3,
        )
    return len(groups)


def _draw_legend(ax: Any, counts: dict[str, int]) -> None:
    from matplotlib.lines import Line2D

    if not counts:
        handles = [Line2D([], [], linestyle="none")]
        labels = ["No events"]
    else:
        handles = [
            Line2D(
                [],
                [],
                linestyle="none",
                marker=MATPLOTLIB_MARKERS[EVENT_STYLE[t].icon],
                markersize=9,
                markerfacecolor=EVENT_STYLE[t].colour,
                markeredgecolor="#333333",
            )
            for t in counts
        ]
        labels = [f"{EVENT_STYLE[t].label}  {n:,}" for t, n in counts.items()]
    legend = ax.legend(
        handles, labels, title="Events", loc="lower left", frameon=True, fontsize=11, title_fontsize=11, framealpha=0.94
    )
    legend.set_zorder(6)
    legend._legend_title_box._text.set_fontweight("bold")


def _draw_header(figure: Any, title: str, events: Sequence[Event], width: int, height: int, outside: int) -> None:
    n = len(events)
    sources = source_count(events)
    counts = f"{n:,} event{'s' * (n != 1)} from {sources:,} source{'s' * (sources != 1)}" if n else "no events"
    missing = f"{outside:,} outside the map" if outside else ""
    subtitle = " \u00b7 ".join(p for p in (date_range_text(events), counts, missing) if p)
    left = MARGIN_PX / width
    if title:
        # parse_math=False: a "$" in a title or place name is a dollar sign, not TeX to typeset.
        figure.text(
            left,
            1 - 30 / height,
            title,
            fontsize=19.5,
            fontweight="bold",
            color="#111111",
            va="center",
            parse_math=False,
        )
        figure.text(left, 1 - 56 / height, subtitle, fontsize=11.5, color="#444444", va="center")
    else:
        figure.text(left, 1 - 40 / height, subtitle, fontsize=13, color="#444444", va="center")


def _draw_attribution(ax: Any, text: str, width: int) -> None:
    # Inside the map's lower right corner, wrapped to about half the map's width, as on the web map.
    lines = textwrap.wrap(text, width=max(40, int((width - 2 * MARGIN_PX) * 0.55 / 5.2)))
    ax.text(
        0.998,
        0.003,
        "\n".join(lines),
        transform=ax.transAxes,
        ha="right",
        va="bottom",
        fontsize=8,
        color="#333333",
        zorder=6,
        bbox={"boxstyle": "square,pad=0.3", "facecolor": "white", "alpha": 0.8, "edgecolor": "none"},
    )


def _draw_beyond(ax: Any, layout: SlideLayout, width: int) -> None:
    """The far theatres and places the main frame leaves out, listed in its upper right corner
    (the browser's picture draws them as insets)."""
    beyond = [(t.name, t.events) for t in layout.insets] + list(layout.elsewhere)
    if not beyond:
        return
    lines = textwrap.wrap(elsewhere_text(beyond), width=max(30, int(width * 0.25 / 6.5)))
    ax.text(
        0.995,
        0.995,
        "\n".join(["Beyond this map:", *lines]),
        transform=ax.transAxes,
        ha="right",
        va="top",
        multialignment="left",
        fontsize=10,
        color="#222222",
        zorder=6,
        parse_math=False,
        bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "alpha": 0.94, "edgecolor": "#b9b9b9"},
    )


def _attribution_text(events: Sequence[Event]) -> str:
    return DATA_ATTRIBUTION + (f" \u00b7 events from {source_count(events):,} sources" if events else "")


def _place_labels(ax: Any, labels: Sequence[Any]) -> int:
    """Greedy labels, biggest places first: each tries right, left, above and below
    its point and is dropped when every spot overlaps a placed label or leaves the map."""
    if not labels:
        return 0
    figure = ax.figure
    ax.apply_aspect()  # the final view, so data points map to their drawn pixels
    renderer = figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    dpi_px = figure.dpi / 100
    # The legend and the attribution are in the way too.
    obstacles = [*ax.texts, *([ax.get_legend()] if ax.get_legend() else [])]
    taken = [tuple(artist.get_window_extent(renderer).extents) for artist in obstacles]
    for label in labels:
        x, y = ax.transData.transform((label.lon, label.lat))
        taken.append((x - 5 * dpi_px, y - 5 * dpi_px, x + 5 * dpi_px, y + 5 * dpi_px))
    placed = 0
    spots = (
        ((8, 0), "left", "center"),
        ((-8, 0), "right", "center"),
        ((0, 9), "center", "bottom"),
        ((0, -9), "center", "top"),
    )
    for label in labels:
        for (dx, dy), ha, va in spots:
            text = ax.annotate(
                label.name,
                (label.lon, label.lat),
                xytext=(dx * POINTS_PER_PX, dy * POINTS_PER_PX),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=10,
                fontweight="bold",
                parse_math=False,
                color="#111111",
                zorder=5,
                annotation_clip=True,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.78, "edgecolor": "none"},
            )
            box = text.get_window_extent(renderer)
            edges = (box.x0, box.y0, box.x1, box.y1)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(_overlaps(edges, other) for other in taken):
                taken.append(edges)
                placed += 1
                break
            text.remove()
    return placed


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
