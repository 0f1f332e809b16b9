"""The folium map of events: one layer per event type, toggles per origin, a legend,
popups with the evidence, optional time playback, and an offline basemap.

Events are drawn as vector markers from one compact data block (never one folium
object per marker), so 100,000 events stay a light page. Events at the same place
share a marker sized by their count; with more than ``cluster_over`` events the
popups show the latest events of each place, and nearby places merge on a grid
when there are more places than ``MAX_MARKERS``.

Every text that comes from an article (quote, title, source, place as written) is
escaped with ``html.escape`` here; the page script sets all other text with
``textContent``; only http(s) URLs become links.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import folium
import numpy as np
from branca.element import CssLink, Element, JavascriptLink
from folium.elements import JSCSSMixin
from folium.template import Template

from geo.errors import InputError
from geo.map.density import density_choice, density_layers
from geo.map.framing import core_bounds
from geo.map.names import KEY_DECIMALS, PlaceKey, common_names, place_key, shown_name, tidy_name
from geo.map.offline import asset_uri, make_offline
from geo.map.opening import Opening, opening_json, opening_view
from geo.map.prominence import label_order
from geo.map.theatres import layout_json, plan_slide
from geo.map.tiles import bare_tiles_url, detail_tile_layer, town_labels_url
from geo.map.townnames import renamed_towns
from geo.records import EVENT_TYPES, ORIGINS, Event


@dataclass(frozen=True, slots=True)
class EventStyle:
    """How one event type looks: fill colour, marker shape (``icon``) and its name."""

    colour: str
    icon: str  # one of MARKER_SHAPES: drawn on the map, in the legend and in PNGs
    label: str


MARKER_SHAPES = ("circle", "square", "diamond", "triangle")

#: Okabe-Ito colours (readable with colour-blindness) and one shape per type,
#: so the types stay apart in a greyscale print too.
EVENT_STYLE: dict[str, EventStyle] = {
    "frontline": EventStyle("#d55e00", "triangle", "Frontline"),
    "diplomacy": EventStyle("#0072b2", "diamond", "Diplomacy"),
    "humanitarian": EventStyle("#009e73", "square", "Humanitarian"),
    "other": EventStyle("#8c8c8c", "circle", "Other"),
}

#: Sub-event types drawn with a glyph of their own (drawn from ``GLYPHS`` in
#: static/conflictmap/eventmap.js), in the colour of their event type; any other
#: sub-type keeps its type's shape. Values: the legend's labels.
SUB_EVENT_GLYPHS: dict[str, str] = {
    "air_strike": "Air strike",
    "shelling": "Shelling",
    "armed_clash": "Armed clash",
    "territory_change": "Territory change",
    "talks": "Talks",
    "agreement": "Agreement",
    "visit": "Visit",
    "statement": "Statement",
    "aid": "Aid",
    "displacement": "Displacement",
}

ORIGIN_LABELS: dict[str, str] = {"conflictmap": "Parsed articles", "acled": "ACLED", "gdelt": "GDELT"}
#: Marker outline per origin, so imported events stand apart from our own.
ORIGIN_STROKES: dict[str, str] = {"conflictmap": "#ffffff", "acled": "#1a1a1a", "gdelt": "#6a3d9a"}


@dataclass(frozen=True, slots=True)
class TileSource:
    name: str
    url: str
    attribution: str


#: Online basemaps, offered only with ``tiles=True``; the first one starts shown.
TILE_SOURCES: tuple[TileSource, ...] = (
    TileSource("OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "&copy; OpenStreetMap contributors"),
    TileSource(
        "CartoDB Positron",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        "&copy; OpenStreetMap contributors &copy; CARTO",
    ),
)
#: Where those tiles come from, for the page's Content-Security-Policy.
TILE_HOSTS: tuple[str, ...] = ("https://tile.openstreetmap.org", "https://*.basemaps.cartocdn.com")
_TILE_HOST_SUFFIXES = ("tile.openstreetmap.org", ".basemaps.cartocdn.com")

#: Above cluster_over events: at most this many markers, merging places on a grid.
MAX_MARKERS = 2000
#: Above cluster_over events: about this many event entries across all popups.
POPUP_EVENT_BUDGET = 3000
MAX_POPUP_EVENTS = 25
QUOTE_CHARS_ABBREVIATED = 280
#: Caps for text that is only this long when an article was split badly.
QUOTE_CHARS_FULL = 1000
TITLE_CHARS = 200
NAME_CHARS = 100
#: Grid cells tried from fine to coarse (degrees); 0 keeps every place apart.
GRID_CELLS_DEG = (0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
COORDINATE_DECIMALS = 5
LABEL_COUNT = 12
#: Places offered for each label: one out of view or crowded out gives way to the next.
LABEL_CHOICES = 3
#: The page's map names up to this many of its events' places (those in view) among the basemap's towns.
EVENT_TOWNS = 200
#: How far (px) markers that share a point are moved apart, round a ring.
SHARED_POINT_SHIFT_PX = 7

#: What a slide's map leaves of the page (px): a margin at each side, the header and a margin below.
SLIDE_SIDES_PX, SLIDE_HEAD_PX = 40, 92

WORLD_VIEW = (20.0, 15.0)
WORLD_ZOOM = 2

try:  # the gazetteer's credits, when that module is present
    from gazetteer.attribution import ATTRIBUTION as DATA_ATTRIBUTION
except ImportError:  # pragma: no cover - the gazetteer ships it
    DATA_ATTRIBUTION = (
        "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0; "
        "Country shapes: Natural Earth (naturalearthdata.com), public domain"
    )


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class MarkerGroup:
    """Events of one type and origin drawn as one marker (one place, or one grid cell)."""

    event_type: str
    origin: str
    lat: float
    lon: float
    events: tuple[Event, ...]  # newest first, undated last
    places: tuple[str, ...]  # place names in the group (the names articles use), the most frequent first
    first_date: date | None = None  # the earliest and latest event dates in the group
    last_date: date | None = None
    days: tuple[int, ...] = ()  # date ordinals of the dated events, ascending
    sub_event_type: str = ""  # the group's most frequent sub-type (the newest among equals)
    gazetteer_name: str = ""  # the gazetteer's name of the group's main place

    @property
    def count(self) -> int:
        return len(self.events)


@dataclass(frozen=True, slots=True)
class PlaceLabel:
    name: str
    lat: float
    lon: float
    count: int


#: Steps and windows the map's own time control offers, in days (0: every day up to the date).
PLAY_STEP_CHOICES_DAYS: tuple[int, ...] = (1, 3, 7, 14, 30)
PLAY_WINDOW_CHOICES_DAYS: tuple[int, ...] = (0, 7, 30, 90)


@dataclass(frozen=True, slots=True)
class Playback:
    """How the map's time control plays: days a step (0: about 1/150 of the period),
    the window shown (``window_days`` wide, or 0 for every day up to the date), and
    milliseconds between two steps. The browser steps through time on its own: the
    page is never rebuilt while it plays.

    ``start`` and ``end`` are the dates the control runs over, so play starts at the
    start of the range the user chose, not at its first event; without them it runs
    from the first event to the last."""

    step_days: int = 0
    window_days: int = 0
    interval_ms: int = 150
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class MapOptions:
    """Everything ``compose_map`` needs besides the events."""

    title: str = ""
    subtitle: str = ""
    tiles: bool = False
    basemap_tiles: str | None = None  # the detailed offline basemap's tile URL (geo.map.tiles)
    bounds: tuple[float, float, float, float] | None = None
    cluster_over: int = 300
    timeline: bool = False
    playback: Playback = Playback()
    slide: bool = False  # briefing picture: no controls, place labels, header
    labels: int | None = 0  # places named (the busiest that fit); None: every event place with room
    width: int | None = None  # page size in CSS pixels, for the slide layout
    height: int | None = None
    jumps: bool = False  # buttons that fly the map to each theatre (geo.map.opening)


# --------------------------------------------------------------------------- public API


def build_map(
    events: Sequence[Event],
    *,
    title: str = "",
    tiles: bool = False,
    bounds: tuple[float, float, float, float] | None = None,
    cluster_over: int = 300,
    timeline: bool = False,
    playback: Playback = Playback(),
    names: Mapping[PlaceKey, str] | None = None,
    basemap_tiles: str | None = None,
    jumps: bool = False,
    opening: Opening | None = None,
) -> folium.Map:
    """An offline folium map of ``events``.

    ``bounds`` is ``(min_lon, min_lat, max_lon, max_lat)``; without it the map fits
    the events (their core, when a few lie far away). Up to ``cluster_over`` events
    every event is listed in full in its marker's popup; above, popups show each
    place's latest events. ``tiles`` adds online basemaps (used when reachable);
    the offline country basemap is always drawn, under the detailed offline basemap's
    tiles when ``basemap_tiles`` gives their URL (``geo.map.tiles.detail_tiles_url()``). ``timeline`` adds a date slider
    with playback, which plays as ``playback`` says. Places are labelled by
    ``names`` (``geo.map.names.common_names(events)`` unless given: pass it when it
    is already at hand, it is the same for every view of the same events). ``jumps``
    adds a button per theatre of a war fought in several (``geo.map.opening``), from
    ``opening`` when it is at hand (``opening_view(events, names=names)``: the page frames
    the map with it too, and it reads every event), else worked out here.
    """
    options = MapOptions(
        title=title,
        subtitle=date_range_text(events) if title else "",
        tiles=tiles,
        basemap_tiles=basemap_tiles,
        bounds=bounds,
        cluster_over=cluster_over,
        timeline=timeline,
        playback=playback,
        jumps=jumps,
    )
    return compose_map(events, options, names=names, opening=opening)


def slide_map(
    events: Sequence[Event],
    *,
    title: str = "",
    width: int = 1600,
    height: int = 1000,
    bounds: tuple[float, float, float, float] | None = None,
    tiles: bool = False,
    labels: int | None = None,
    basemap_tiles: str | None = None,
) -> folium.Map:
    """The briefing picture's page: header, legend with counts, scale bar,
    attribution and labels of the places; no interactive controls. A picture has no
    hover to tell a marker's place, so by default every place of an event is named where
    its name has room, the most important first; ``labels`` names that many at most.
    ``basemap_tiles`` draws the detailed offline basemap from that tile URL."""
    subtitle = " \u00b7 ".join(part for part in (date_range_text(events), _event_count_text(events)) if part)
    options = MapOptions(
        title=title,
        subtitle=subtitle,
        tiles=tiles,
        basemap_tiles=basemap_tiles,
        bounds=bounds,
        slide=True,
        labels=labels,
        width=width,
        height=height,
    )
    return compose_map(events, options)


def compose_map(
    events: Sequence[Event],
    options: MapOptions,
    *,
    names: Mapping[PlaceKey, str] | None = None,
    opening: Opening | None = None,
) -> folium.Map:
    """The map for ``events`` as ``options`` describe it, places labelled by ``names``
    (by default the names their articles use most), its theatre buttons from ``opening``
    (by default worked out here); both public builders end here."""
    _check_options(options)
    events = list(events)
    if names is None:
        names = common_names(events)
    groups = marker_groups(events, max_markers=MAX_MARKERS if len(events) > options.cluster_over else None, names=names)
    m = _base_map(options)
    tile_layers = _add_tiles(m, detail=options.basemap_tiles, online=options.tiles)
    types = [t for t in EVENT_TYPES if any(g.event_type == t for g in groups)]
    origins = _present_origins(groups)
    type_layers = {t: _added(folium.FeatureGroup(name=_type_layer_name(t), show=True), m) for t in types}
    origin_layers = (
        {
            o: _added(folium.FeatureGroup(name=f"Source: {html.escape(ORIGIN_LABELS.get(o, o))}", show=True), m)
            for o in origins
        }
        if len(origins) > 1
        else {}
    )
    density = {
        key: _added(layer, m) for key, layer in density_layers(density_choice(len(events), slide=options.slide)).items()
    }
    if options.jumps and opening is None:
        opening = opening_view(events, names=names)
    payload = _payload(events, groups, types, origins, options, names, opening)
    EventLayers(payload, type_layers, origin_layers, tile_layers, density).add_to(m)
    # Without a layer to toggle, the control would be an empty box.
    if not options.slide and (type_layers or origin_layers or options.tiles):
        folium.LayerControl(collapsed=True).add_to(m)
    return make_offline(m)


# --------------------------------------------------------------------------- links, counts, views, groups


_BLANK_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def safe_link(url: str) -> str | None:
    """``url`` when it is a plain http(s) address, else None (javascript:, data:, ...)."""
    text = (url or "").strip()
    if not text or _BLANK_OR_CONTROL.search(text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text


def is_tile_url(url: str) -> bool:
    """Whether ``url`` asks one of the TILE_SOURCES' hosts for a tile (https only)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == s.lstrip(".") or host.endswith(s) for s in _TILE_HOST_SUFFIXES)


def legend_counts(events: Sequence[Event]) -> dict[str, int]:
    """Events per type, in EVENT_TYPES order, only the types present."""
    counts = Counter(e.event_type for e in events)
    return {t: counts[t] for t in EVENT_TYPES if counts[t]}


def date_range_text(events: Sequence[Event]) -> str:
    """``"2016-03-01 – 2016-03-24"``, one date when they agree, "" with no dated event."""
    dates = [e.event_date for e in events if e.event_date is not None]
    return _span_text(min(dates), max(dates)) if dates else ""


def source_count(events: Sequence[Event]) -> int:
    """Distinct sources (publisher or dataset) behind the events, every report of a merged event counted."""
    return len({s.strip().casefold() or e.origin for e in events for s in _sources_of(e)})


def _sources_of(event: Event) -> tuple[str, ...]:
    return tuple(r.source for r in event.reports) or (event.source,)


def sources_text(event: Event) -> str:
    """``3 sources``: how many outlets tell a merged event; empty for a single report."""
    return f"{event.sources:,} sources" if event.sources > 1 else ""


#: GeoNames' feature codes of a country (PCLI independent, PCLD dependent, ...).
COUNTRY_FEATURE_PREFIX = "PCL"


def placed_at_country(event: Event) -> bool:
    """Whether ``event`` is placed only at a country (its point is the country's middle, not a town)."""
    return event.feature_code.startswith(COUNTRY_FEATURE_PREFIX)


def country_counts(events: Sequence[Event], *, names: Mapping[PlaceKey, str] | None = None) -> list[tuple[str, int]]:
    """``[("Syria", 4), ...]``: the events placed only at a country, per country, most first."""
    counts = Counter(place_key(e) for e in events if placed_at_country(e))
    if not counts:
        return []
    if names is None:
        names = common_names(events)
    named: Counter[str] = Counter()
    for key, count in counts.items():
        named[names.get(key) or str(key)] += count
    return sorted(named.items(), key=lambda item: (-item[1], item[0]))


def top_places(
    events: Sequence[Event], n: int = LABEL_COUNT, *, names: Mapping[PlaceKey, str] | None = None
) -> list[PlaceLabel]:
    """The ``n`` most important places, most important first (``prominence``: events, a
    capital's and a province seat's counting more), each at its most used coordinates and
    named as its articles name it (``names``, else ``common_names(events)``). A country
    (events placed only at it) is not among them: its name at its middle would read as a town."""
    if n <= 0:
        return []
    if names is None:
        names = common_names(events)
    by_place: dict[PlaceKey, list[Event]] = {}
    for e in events:
        if not placed_at_country(e):
            by_place.setdefault(place_key(e), []).append(e)
    labels = []
    for key, _weight in label_order(by_place, names)[:n]:
        spots = Counter((e.lat, e.lon) for e in by_place[key])
        (lat, lon), _ = spots.most_common(1)[0]
        labels.append(PlaceLabel(names[key], lat, lon, len(by_place[key])))
    return labels


def marker_groups(
    events: Sequence[Event], *, max_markers: int | None = None, names: Mapping[PlaceKey, str] | None = None
) -> list[MarkerGroup]:
    """Events grouped by type, origin and place; with ``max_markers``, places merge
    on the finest grid of GRID_CELLS_DEG that keeps the groups within it. Places are
    named as ``names`` says (by default the names the articles of ``events`` use most)."""
    if not events:
        return []
    if names is None:
        names = common_names(events)
    columns = _EventColumns.of(events)
    inverse = _group_keys(columns.lat, columns.lon, columns.layer, max_markers)
    order = np.argsort(inverse, kind="stable")
    cuts = np.flatnonzero(np.diff(inverse[order])) + 1
    # A place the given names lack keeps the gazetteer's name (or as written).
    place_names = [
        names.get(key) or shown_name(events[at], {}) for key, at in zip(columns.places, columns.place_event.tolist())
    ]
    groups = [_make_group(events, columns, part, place_names) for part in np.split(order, cuts)]
    # Biggest first, so they are drawn first and small markers stay visible on top.
    groups.sort(key=lambda g: -g.count)
    return groups


@dataclass(frozen=True)
class _EventColumns:
    """The numbers of a list of events as arrays, for grouping without Python loops."""

    lat: np.ndarray
    lon: np.ndarray
    layer: np.ndarray  # one code per (event_type, origin)
    day: np.ndarray  # date ordinal, -1 when undated
    point: np.ndarray  # one code per exact position
    place: np.ndarray  # one code per place (an index into ``places``)
    places: tuple[PlaceKey, ...]
    place_event: np.ndarray  # for each of ``places``, the index of one of its events
    kind: np.ndarray  # one code per sub-event type (an index into ``kinds``)
    kinds: tuple[str, ...]

    @classmethod
    def of(cls, events: Sequence[Event]) -> _EventColumns:
        n = len(events)
        lat = np.fromiter((e.lat for e in events), dtype=np.float64, count=n)
        lon = np.fromiter((e.lon for e in events), dtype=np.float64, count=n)
        layers: dict[tuple[str, str], int] = {}
        layer = np.fromiter(
            (layers.setdefault((e.event_type, e.origin), len(layers)) for e in events), dtype=np.int64, count=n
        )
        day = np.fromiter((e.event_date.toordinal() if e.event_date else -1 for e in events), dtype=np.int64, count=n)
        scale = 10.0**COORDINATE_DECIMALS
        point = np.rint(lat * scale).astype(np.int64) * 40_000_000 + np.rint(lon * scale).astype(np.int64)
        # Places as place_key tells them apart, coded without a Python key per event:
        # the geonameid, else (negative) the point rounded as place_key rounds it.
        geonameid = np.fromiter((-1 if e.geonameid is None else e.geonameid for e in events), dtype=np.int64, count=n)
        key_scale = 10.0**KEY_DECIMALS
        spot = (np.rint(lat * key_scale).astype(np.int64) + 90_000) * 400_000 + (
            np.rint(lon * key_scale).astype(np.int64) + 180_000
        )
        _, first, place = np.unique(
            np.where(geonameid >= 0, geonameid, -1 - spot), return_index=True, return_inverse=True
        )
        places = tuple(place_key(events[i]) for i in first.tolist())
        kinds: dict[str, int] = {}
        kind = np.fromiter((kinds.setdefault(e.sub_event_type, len(kinds)) for e in events), dtype=np.int64, count=n)
        return cls(lat, lon, layer, day, point, place.ravel(), places, first, kind, tuple(kinds))


def _group_keys(lat: np.ndarray, lon: np.ndarray, layer: np.ndarray, max_markers: int | None) -> np.ndarray:
    inverse = np.zeros(0, dtype=np.int64)
    for cell in GRID_CELLS_DEG:
        if cell == 0.0:
            scale = 10.0**COORDINATE_DECIMALS
            row, col = np.rint(lat * scale), np.rint(lon * scale)
        else:
            row, col = np.floor(lat / cell), np.floor(lon / cell)
        # One integer per (layer, row, col): row and col fit in 25 and 26 bits.
        key = (layer << 52) | ((row.astype(np.int64) + (1 << 24)) << 26) | (col.astype(np.int64) + (1 << 25))
        _, inverse = np.unique(key, return_inverse=True)
        if max_markers is None or inverse.max() + 1 <= max_markers:
            break
    return inverse.ravel()


def marker_shifts(groups: Sequence[MarkerGroup]) -> list[tuple[int, int]]:
    """Pixel offsets that set apart markers sharing one point (a town with events of
    several types): evenly round a small ring, in type order; (0, 0) for a lone marker."""
    by_point: dict[tuple[float, float], list[int]] = {}
    for index, g in enumerate(groups):
        by_point.setdefault((g.lat, g.lon), []).append(index)
    shifts = [(0, 0)] * len(groups)
    order = {t: i for i, t in enumerate(EVENT_TYPES)}
    for members in by_point.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (order.get(groups[i].event_type, len(order)), groups[i].origin))
        for slot, index in enumerate(members):
            angle = 2 * math.pi * slot / len(members) - math.pi / 2
            shifts[index] = (
                round(SHARED_POINT_SHIFT_PX * math.cos(angle)),
                round(SHARED_POINT_SHIFT_PX * math.sin(angle)),
            )
    return shifts


def _make_group(events: Sequence[Event], columns: _EventColumns, part: np.ndarray, names: Sequence[str]) -> MarkerGroup:
    """One marker's group; ``names`` gives the name of each of ``columns.places``."""
    if len(part) > 1:
        # Newest first (a stable sort keeps the given order among equal dates); undated (-1) last.
        part = part[np.argsort(-columns.day[part], kind="stable")]
        # The marker sits on the group's most used point: a real town, not an average.
        _, first_seen, counts = np.unique(columns.point[part], return_index=True, return_counts=True)
        anchor = events[int(part[first_seen[np.argmax(counts)]])]
    else:
        anchor = events[int(part[0])]
    ordered = tuple(events[i] for i in part.tolist())
    days = columns.day[part]
    dated = np.sort(days[days >= 0])
    # Counted by place code first: far fewer names to look up than events.
    codes, first_at, counts = np.unique(columns.place[part], return_index=True, return_counts=True)
    shown: Counter[str] = Counter()
    main_at: dict[str, int] = {}
    for code, at, count in sorted(zip(codes.tolist(), first_at.tolist(), counts.tolist()), key=lambda c: c[1]):
        shown[names[code]] += count
        main_at.setdefault(names[code], at)
    # Counter keeps first-seen (newest) order among equal counts.
    places = tuple(name for name, _ in shown.most_common() if name)
    main = events[int(part[main_at[places[0]]])] if places else anchor
    kind = _main_kind(columns, part)
    first, last = (date.fromordinal(int(dated[0])), date.fromordinal(int(dated[-1]))) if dated.size else (None, None)
    return MarkerGroup(
        anchor.event_type,
        anchor.origin,
        anchor.lat,
        anchor.lon,
        ordered,
        places,
        first,
        last,
        tuple(dated.tolist()),
        kind,
        tidy_name(main.place),
    )


def _main_kind(columns: _EventColumns, part: np.ndarray) -> str:
    """The most frequent sub-event type of a group (``part`` newest first): the newest among equals."""
    codes, first_at, counts = np.unique(columns.kind[part], return_index=True, return_counts=True)
    named = [
        (-count, at, columns.kinds[code]) for code, at, count in zip(codes.tolist(), first_at.tolist(), counts.tolist())
    ]
    named = [item for item in named if item[2]]
    return min(named)[2] if named else ""


def _span_text(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    return first.isoformat() if first == last else f"{first.isoformat()} \u2013 {last.isoformat()}"


def _present_origins(groups: Sequence[MarkerGroup]) -> list[str]:
    present = {g.origin for g in groups}
    return [o for o in ORIGINS if o in present] + sorted(present - set(ORIGINS))


def _event_count_text(events: Sequence[Event]) -> str:
    if not events:
        return "no events"
    n = len(events)
    sources = source_count(events)
    return f"{n:,} event{'s' * (n != 1)} from {sources:,} source{'s' * (sources != 1)}"


# --------------------------------------------------------------------------- popups and tooltips


def _shorten(text: str, limit: int | None) -> str:
    text = " ".join(text.split())
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "\u2026"


def _kind_text(event: Event) -> str:
    label = EVENT_STYLE[event.event_type].label
    sub = event.sub_event_type.replace("_", " ").strip()
    return f"{label} \u00b7 {sub}" if sub else label


def _when_text(event: Event) -> str:
    if event.event_date is None:
        return "date unknown"
    precision = {2: " (week)", 3: " (month)"}.get(event.date_precision, "")
    return event.event_date.isoformat() + precision


def _where_text(event: Event, name: str = "") -> str:
    """``Palmyra (Tadmur, Homs, SY)``: the name people use, then the gazetteer's place,
    region and country; the place as written first when it is neither."""
    resolved = ", ".join(p for p in (event.place, event.admin1, event.country_code) if p)
    name = _shorten(name, NAME_CHARS)
    where = f"{name} ({resolved})" if name and name.casefold() != event.place.casefold() else resolved
    mention = _shorten(event.mention, NAME_CHARS)
    if mention and mention.casefold() not in (event.place.casefold(), name.casefold()):
        return f"\u201c{mention}\u201d \u2192 {where}" if where else f"\u201c{mention}\u201d"
    return where


def _source_html(event: Event) -> str:
    link = safe_link(event.url)
    name = _shorten(event.source, NAME_CHARS) or (urlsplit(link).netloc if link else "") or "source"
    text = html.escape(name)
    if link:
        text = (
            f'<a href="{html.escape(link, quote=True)}" target="_blank" rel="noopener noreferrer nofollow">{text}</a>'
        )
    title = _shorten(event.title, TITLE_CHARS)
    return text + (f" \u2014 {html.escape(title)}" if title else "")


def _also_html(event: Event) -> str:
    """The other outlets of a merged event, after its own."""
    others = list(dict.fromkeys(r.source for r in event.reports[1:] if r.source and r.source != event.source))
    if not others:
        return ""
    return f'<div class="cm-ev-also">also {html.escape(", ".join(_shorten(s, NAME_CHARS) for s in others))}</div>'


def event_html(event: Event, *, quote_chars: int | None = None, name: str = "") -> str:
    """One event in a popup: date, type, place (``name``, the name people use, with
    the gazetteer's name, and as written when that differs), quote (cut at
    ``quote_chars``, QUOTE_CHARS_FULL at most), source (linked only for http/https),
    confidence. Every text is escaped."""
    meta = " \u00b7 ".join(p for p in (sources_text(event), f"confidence {event.confidence:.2f}") if p)
    if event.origin != "conflictmap":
        meta += f" \u00b7 {ORIGIN_LABELS.get(event.origin, event.origin)}"
    quote = _shorten(event.quote, quote_chars or QUOTE_CHARS_FULL)
    parts = [
        '<div class="cm-ev">',
        f'<div><span class="cm-ev-date">{html.escape(_when_text(event))}</span> '
        f'<span class="cm-ev-kind cm-{event.event_type}">{html.escape(_kind_text(event))}</span></div>',
        f'<div class="cm-ev-place">{html.escape(_where_text(event, name))}</div>',
        f'<blockquote class="cm-ev-quote">{html.escape(quote)}</blockquote>' if quote else "",
        f'<div class="cm-ev-src">{_source_html(event)}</div>',
        _also_html(event),
        f'<div class="cm-ev-meta">{html.escape(meta)}</div>',
        "</div>",
    ]
    return "".join(parts)


def _group_heading(group: MarkerGroup, *, gazetteer: bool = False) -> str:
    """``Palmyra, SY``; with ``gazetteer``, ``Palmyra (Tadmur, SY)`` when the gazetteer spells it otherwise."""
    places = group.places
    first = group.events[0]
    name = places[0] if places else ""
    if gazetteer and name and group.gazetteer_name and group.gazetteer_name.casefold() != name.casefold():
        where = f"{name} ({', '.join(p for p in (group.gazetteer_name, first.country_code) if p)})"
    else:
        where = ", ".join(p for p in (name, first.country_code) if p)
    if len(places) > 1:
        where += f" and {len(places) - 1} nearby place{'s' * (len(places) > 2)}"
    return where


def popup_html(
    group: MarkerGroup,
    *,
    limit: int | None = None,
    quote_chars: int | None = None,
    names: Mapping[PlaceKey, str] | None = None,
) -> str:
    """The popup of a marker: its events newest first (``limit`` of them at most),
    each place named as ``names`` says (else as the group's events name it)."""
    shown = group.events if limit is None else group.events[:limit]
    if names is None:
        names = common_names(group.events)
    entries = "".join(event_html(e, quote_chars=quote_chars, name=shown_name(e, names)) for e in shown)
    if group.count == 1:
        return f'<div class="cm-pop">{entries}</div>'
    label = EVENT_STYLE[group.event_type].label.lower()
    span = _span_text(group.first_date, group.last_date)
    head = (
        f'<div class="cm-pop-h"><b>{html.escape(_group_heading(group, gazetteer=True))}</b> \u2014 '
        f"{group.count:,} {label} events"
        + (f'<div class="cm-pop-range">{html.escape(span)}</div>' if span else "")
        + "</div>"
    )
    rest = group.count - len(shown)
    more = f'<div class="cm-pop-more">and {rest:,} earlier event{"s" * (rest != 1)}</div>' if rest else ""
    return f'<div class="cm-pop">{head}{entries}{more}</div>'


def event_towns(groups: Sequence[MarkerGroup], markers: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """The places of the page map's markers (``groups`` and their ``markers`` rows), busiest
    first, as ``[lat, lon, name, events, [their markers' indices]]``, EVENT_TOWNS at most
    (the page names a place while one of its markers is drawn on its own): the page names them among
    the basemap's towns, so that a small town in the news is named before a big one that is
    not. Only towns: a province's or a country's name at its middle would read as a town's
    (and as a second name beside the basemap's town of nearly the same name)."""
    counts: Counter[tuple[float, float, str]] = Counter()
    indices: dict[tuple[float, float, str], list[int]] = {}
    for index, (group, row) in enumerate(zip(groups, markers)):
        if group.places and not row[10] and group.events[0].feature_code.startswith("PPL"):
            place = (row[2], row[3], group.places[0])
            counts[place] += group.count
            indices.setdefault(place, []).append(index)
    return [
        [lat, lon, name, count, indices[lat, lon, name]] for (lat, lon, name), count in counts.most_common(EVENT_TOWNS)
    ]


def country_labels(groups: Sequence[MarkerGroup], markers: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """``[[lat, lon, name], ...]``: the name of each country whose middle holds a marker of
    events placed only at it (``markers`` rows of ``groups``), once a point. Without it the
    pale dashed marker of such events says "somewhere in a country", not which one; the page
    names it in a style of its own, unlike a town's (a country's name at its middle in a
    town's style would read as a town)."""
    named: dict[tuple[float, float, str], None] = {}
    for group, row in zip(groups, markers):
        if row[10] and group.places:
            named[row[2], row[3], group.places[0]] = None
    return [list(spot) for spot in named]


def tooltip_text(group: MarkerGroup) -> str:
    """A short hover label: ``Palmyra — frontline, 2016-03-24`` (escaped HTML)."""
    kind = group.event_type
    where = _group_heading(group) if group.count > 1 else (group.places[0] if group.places else "")
    if group.count == 1:
        when = group.events[0].event_date
        text = f"{where} \u2014 {kind}" + (f", {when.isoformat()}" if when else "")
        sources = sources_text(group.events[0])
        text += f" ({sources})" if sources else ""
    else:
        span = _span_text(group.first_date, group.last_date)
        text = f"{where} \u2014 {group.count:,} {kind} events" + (f", {span}" if span else "")
    return html.escape(text)


# --------------------------------------------------------------------------- the page data


def _check_options(options: MapOptions) -> None:
    if isinstance(options.cluster_over, bool) or not isinstance(options.cluster_over, int) or options.cluster_over < 0:
        raise InputError(f"cluster_over must be a whole number >= 0, got {options.cluster_over!r}")
    if options.bounds is not None:
        _check_bounds(options.bounds)
    for name in ("width", "height"):
        value = getattr(options, name)
        if value is not None and (not isinstance(value, int) or value < 100):
            raise InputError(f"{name} must be a whole number of pixels >= 100, got {value!r}")
    _check_playback(options.playback)


def _check_playback(playback: Playback) -> None:
    for name, low in (("step_days", 0), ("window_days", 0), ("interval_ms", 20)):
        value = getattr(playback, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise InputError(f"playback {name} must be a whole number >= {low}, got {value!r}")
    for name in ("start", "end"):
        value = getattr(playback, name)
        if value is not None and not (isinstance(value, date) and type(value) is date):
            raise InputError(f"playback {name} must be a date or None, got {value!r}")
    if playback.start is not None and playback.end is not None and playback.start > playback.end:
        raise InputError(f"playback start must not be after its end, got {playback.start} and {playback.end}")


def _check_bounds(bounds: Any) -> None:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in bounds)
    except (TypeError, ValueError) as err:
        raise InputError(f"bounds must be (min_lon, min_lat, max_lon, max_lat), got {bounds!r}") from err
    if not (-180 <= min_lon < max_lon <= 180 and -90 <= min_lat < max_lat <= 90):
        raise InputError(
            f"bounds must be (min_lon, min_lat, max_lon, max_lat) with min < max, in degrees, got {bounds!r}"
        )


def _fit_bounds(events: Sequence[Event], bounds: tuple[float, float, float, float] | None) -> list | None:
    """Leaflet's [[south, west], [north, east]] for the bbox, or around the core of
    the events (a few far ones are a zoom-out away, and still in the legend)."""
    if bounds is None and events:
        bounds = core_bounds(events)
    if bounds is None:
        return None
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in bounds)
    return [[min_lat, min_lon], [max_lat, max_lon]]


def _base_map(options: MapOptions) -> folium.Map:
    size: dict[str, Any] = {}
    if options.slide and options.width and options.height:
        # The slide: a header strip above, a thin white margin around the map.
        size = {
            "width": options.width - SLIDE_SIDES_PX,
            "height": options.height - SLIDE_HEAD_PX,
            "left": 20,
            "top": 72,
            "position": "absolute",
        }
    return folium.Map(
        location=WORLD_VIEW,
        zoom_start=WORLD_ZOOM,
        tiles=None,
        prefer_canvas=True,
        control_scale=True,
        zoom_control=not options.slide,
        world_copy_jump=False,
        zoom_snap=0.25,  # fit the events closely; the zoom buttons still step by 1
        **size,
    )


_Layer = TypeVar("_Layer", bound="folium.map.Layer")


def _added(layer: _Layer, m: folium.Map) -> _Layer:
    """``layer`` added to the map (folium's ``add_to`` loses the layer's type)."""
    layer.add_to(m)
    return layer


def _add_tiles(m: folium.Map, *, detail: str | None, online: bool) -> list[folium.TileLayer]:
    # The detailed offline basemap starts shown; online basemaps are offered beside it. Its
    # tiles come without town names when the page can draw them itself, clear of the events.
    if detail and town_labels_url(detail):
        detail = bare_tiles_url(detail)
    layers = [_added(detail_tile_layer(detail, control=online), m)] if detail else []
    for index, source in enumerate(TILE_SOURCES if online else ()):
        layers.append(
            _added(
                folium.TileLayer(
                    tiles=source.url,
                    attr=source.attribution,
                    name=source.name,
                    overlay=False,
                    control=True,
                    show=index == 0 and not detail,
                ),
                m,
            )
        )
    return layers


def _type_layer_name(event_type: str) -> str:
    style = EVENT_STYLE[event_type]
    glyph = {"circle": "\u25cf", "square": "\u25a0", "diamond": "\u25c6", "triangle": "\u25b2"}[style.icon]
    return f'<span style="color:{style.colour}">{glyph}</span> {html.escape(style.label)}'


def _day_deltas(group: MarkerGroup, day0: date) -> list[int]:
    """The group's days after ``day0``, ascending, each as its step from the last."""
    if not group.days:
        return []
    steps = np.diff(np.asarray(group.days, dtype=np.int64), prepend=day0.toordinal())
    return steps.tolist()


def _payload(
    events: list[Event],
    groups: list[MarkerGroup],
    types: list[str],
    origins: list[str],
    options: MapOptions,
    names: Mapping[PlaceKey, str],
    opening: Opening | None,
) -> dict[str, Any]:
    abbreviated = len(events) > options.cluster_over
    limit = max(1, min(MAX_POPUP_EVENTS, POPUP_EVENT_BUDGET // max(len(groups), 1))) if abbreviated else None
    quote_chars = QUOTE_CHARS_ABBREVIATED if abbreviated else None
    dates = [e.event_date for e in events if e.event_date is not None]
    if options.timeline:
        # The time control runs over the chosen range, however far its first and last events lie inside it.
        dates += [d for d in (options.playback.start, options.playback.end) if d is not None]
    day0 = min(dates) if dates else None
    type_index = {t: i for i, t in enumerate(types)}
    origin_index = {o: i for i, o in enumerate(origins)}
    counts = legend_counts(events)
    kinds = _glyph_kinds(groups)
    kind_index = {k: i for i, k in enumerate(kinds)}
    # A still picture has no hover or click: its markers carry no tooltip or popup.
    popups = ["" if options.slide else popup_html(g, limit=limit, quote_chars=quote_chars, names=names) for g in groups]
    # Popups travel as pieces of one shared table; the page joins a popup's pieces when it opens.
    pieces, popup_codes = coded_pieces(popups)
    markers = [
        [
            type_index[g.event_type],
            origin_index[g.origin],
            round(g.lat, COORDINATE_DECIMALS),
            round(g.lon, COORDINATE_DECIMALS),
            g.count,
            "" if options.slide else tooltip_text(g),
            codes,  # [] for no popup
            _day_deltas(g, day0) if options.timeline and day0 else 0,
            list(shift),
            kind_index.get(g.sub_event_type, -1),  # -1: the type's own shape
            1 if all(placed_at_country(e) for e in g.events) else 0,  # 1: placed only at a country
        ]
        for g, shift, codes in zip(groups, marker_shifts(groups), popup_codes)
    ]
    attribution = DATA_ATTRIBUTION + (f" \u00b7 events from {source_count(events):,} sources" if events else "")
    wanted = options.labels
    labelled = top_places(events, len(events) if wanted is None else wanted * LABEL_CHOICES, names=names)
    # A picture fitted by itself frames its busiest theatre; the others go to insets and a list beside it.
    layout, column = (None, 0)
    if options.slide and options.bounds is None and options.width and options.height:
        layout, column = plan_slide(
            events, map_width=options.width - SLIDE_SIDES_PX, map_height=options.height - SLIDE_HEAD_PX, names=names
        )
    return {
        "types": [
            {
                "key": t,
                "label": EVENT_STYLE[t].label,
                "colour": EVENT_STYLE[t].colour,
                "shape": EVENT_STYLE[t].icon,
                "count": counts.get(t, 0),
            }
            for t in types
        ],
        "kinds": [{"key": k, "label": SUB_EVENT_GLYPHS[k], "colour": _kind_colour(k, groups)} for k in kinds],
        "origins": [
            {"key": o, "label": ORIGIN_LABELS.get(o, o), "stroke": ORIGIN_STROKES.get(o, "#444444")} for o in origins
        ],
        "markers": markers,
        "pieces": pieces,
        "total": len(events),
        "day0": day0.isoformat() if day0 else None,
        "daySpan": (max(dates).toordinal() - day0.toordinal()) if day0 else 0,
        "bounds": _fit_bounds(events, options.bounds if layout is None else layout.frame),
        "insets": layout_json(layout, column) if layout is not None else None,
        "theatres": opening_json(opening, shown=options.bounds) if options.jumps and opening is not None else None,
        "maxZoom": 10 if options.bounds else 9,
        "attribution": html.escape(attribution),
        "title": options.title,
        "subtitle": options.subtitle,
        "timeline": _timeline_json(options.playback) if options.timeline else False,
        "slide": options.slide,
        # More places than are named, most important first: the page names the first ones that fit in view.
        "labels": [[p.lat, p.lon, p.name] for p in labelled],
        "labelCount": len(labelled) if wanted is None else wanted,
        "countries": [list(item) for item in country_counts(events, names=names)],
        "countryLabels": country_labels(groups, markers),
        # The detailed basemap's town names, which the page draws clear of the events (None: in its tiles).
        "townLabels": town_labels_url(options.basemap_tiles) if options.basemap_tiles else None,
        # Those of them that the events' articles name otherwise: the page labels them as the feed does.
        "townNames": [list(town) for town in renamed_towns(events, names)] if options.basemap_tiles else [],
        # The page's map names its busiest places among them (a picture has labels of its own).
        "eventTowns": event_towns(groups, markers) if options.basemap_tiles and not options.slide else [],
    }


#: A popup's pieces: a run of tags, or the (escaped) text between two tags.
_POPUP_PIECE = re.compile(r"(?:<[^<>]*>)+|[^<]+")


def coded_pieces(texts: Sequence[str]) -> tuple[list[str], list[list[int]]]:
    """HTML texts dictionary-coded: a table of pieces (runs of tags, and the escaped text
    between them) and, for each text, its pieces' places in the table. The markup every
    popup repeats, and any text several popups share, is written once; joining a text's
    pieces (``popup_of``) gives it back exactly."""
    table: list[str] = []
    index: dict[str, int] = {}
    coded = []
    for text in texts:
        pieces = _POPUP_PIECE.findall(text) if text else []
        if "".join(pieces) != text:  # a stray "<" in a text: kept whole rather than cut wrongly
            pieces = [text]
        codes = []
        for piece in pieces:
            at = index.get(piece)
            if at is None:
                at = index[piece] = len(table)
                table.append(piece)
            codes.append(at)
        coded.append(codes)
    return table, coded


def popup_of(data: Mapping[str, Any], marker: Sequence[Any]) -> str:
    """The popup HTML of one of the page data's ``markers`` ("" without one), as the page expands it."""
    codes = marker[6]
    return "".join(data["pieces"][i] for i in codes) if codes else ""


def _glyph_kinds(groups: Sequence[MarkerGroup]) -> list[str]:
    """The sub-types with a glyph that some marker shows, in SUB_EVENT_GLYPHS order."""
    present = {g.sub_event_type for g in groups}
    return [k for k in SUB_EVENT_GLYPHS if k in present]


def _kind_colour(kind: str, groups: Sequence[MarkerGroup]) -> str:
    """The legend draws a glyph in the colour of the type whose markers show it most."""
    types = Counter(g.event_type for g in groups if g.sub_event_type == kind)
    return EVENT_STYLE[types.most_common(1)[0][0]].colour if types else EVENT_STYLE["other"].colour


def _timeline_json(playback: Playback) -> dict[str, Any]:
    """What the page script's time control needs: its choices with the chosen ones among them."""
    steps = sorted({*PLAY_STEP_CHOICES_DAYS, playback.step_days} - {0})
    windows = sorted({*PLAY_WINDOW_CHOICES_DAYS, playback.window_days})
    return {
        "stepDays": playback.step_days or None,  # None: the script picks about 1/150 of the period
        "windowDays": playback.window_days,
        "intervalMs": playback.interval_ms,
        "stepChoices": steps,
        "windowChoices": windows,
    }


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element: ``<``, ``>`` and ``&`` (which
    JSON only ever holds inside strings) are written as \\u escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@lru_cache(maxsize=4)
def _basemap_json(path: Path, mtime_ns: int) -> str:
    with open(path, encoding="utf-8") as handle:
        collection = json.load(handle)
    # Only the shapes are drawn: names and codes would only weigh on every page.
    features = [
        {"type": "Feature", "properties": {}, "geometry": f["geometry"]}
        for f in collection.get("features", [])
        if f.get("geometry")
    ]
    return script_json({"type": "FeatureCollection", "features": features})


def basemap_json() -> str:
    """The offline world basemap as script-safe GeoJSON, or ``null`` when the file is absent."""
    from gazetteer.basemap import WORLD_BASEMAP_PATH

    try:
        mtime_ns = WORLD_BASEMAP_PATH.stat().st_mtime_ns
    except FileNotFoundError:
        return "null"
    return _basemap_json(WORLD_BASEMAP_PATH, mtime_ns)


# --------------------------------------------------------------------------- the folium element


class RawHtml(Element):
    """Text placed in the page as it is. branca would read a plain Element's text
    as a Jinja template, so article text could run template code."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class EventLayers(JSCSSMixin):
    """The event markers, legend, playback and labels of one map, drawn by
    ``static/conflictmap/eventmap.js`` from one data block."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            conflictmap.draw({{ this._parent.get_name() }}, {{ this.data_json }}, {{ this.basemap_json }}, {
                types: { {%- for key, layer in this.type_layers.items() %}
                    {{ key|tojson }}: {{ layer.get_name() }},{% endfor %} },
                origins: { {%- for key, layer in this.origin_layers.items() %}
                    {{ key|tojson }}: {{ layer.get_name() }},{% endfor %} },
                tiles: [ {%- for layer in this.tile_layers %}{{ layer.get_name() }},{% endfor %} ],
                {%- for key, layer in this.density_layers.items() %}
                {{ key }}: {{ layer.get_name() }},{% endfor %}
            });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        payload: dict[str, Any],
        type_layers: dict[str, folium.FeatureGroup],
        origin_layers: dict[str, folium.FeatureGroup],
        tile_layers: list[folium.TileLayer],
        density_layers: dict[str, folium.FeatureGroup] | None = None,
    ) -> None:
        super().__init__()
        self._name = "EventLayers"
        self.data_json = script_json(payload)
        self.basemap_json = basemap_json()
        self.type_layers = type_layers
        self.origin_layers = origin_layers
        self.tile_layers = tile_layers
        self.density_layers = density_layers or {}  # "clusters" and "density": the switches of geo.map.density
        # Instance lists: streamlit-folium loads exactly these, as data: URIs.
        self.default_js = [
            ("conflictmap_js", asset_uri("conflictmap/eventmap.js")),
            ("conflictmap_density_js", asset_uri("conflictmap/density.js")),
            ("conflictmap_towns_js", asset_uri("conflictmap/townlabels.js")),
            ("conflictmap_insets_js", asset_uri("conflictmap/insets.js")),
            ("conflictmap_theatres_js", asset_uri("conflictmap/theatres.js")),
        ]
        self.default_css = [
            ("conflictmap_css", asset_uri("conflictmap/eventmap.css")),
            ("conflictmap_density_css", asset_uri("conflictmap/density.css")),
            ("conflictmap_theatres_css", asset_uri("conflictmap/theatres.css")),
        ]

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]  # branca's own elements return nothing either
        figure: Any = self.get_root()  # the page's Figure, with its header and script
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        script = self._template.module.script(self, kwargs)
        figure.script.add_child(RawHtml(script), name=self.get_name())


def radius_for(count: int) -> float:
    """The marker radius (px) for ``count`` events, as the page script draws it."""
    return min(22.0, 4.0 + 2.6 * math.log2(max(count, 1)))
