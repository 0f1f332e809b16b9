"""How a briefing picture lays out a war: one main frame, small insets, and a list of the rest.

A war's events fall into a few theatres (the fighting in one country, a second front
far away, talks in a European city). Framing all of them at once shrinks every theatre
to a speck in a picture of mostly empty land and sea; framing the busiest alone hides
the rest. So:

- Theatres are the groups of places linked by steps of about THEATRE_LINK_KM at most (single
  linkage: a front line a thousand kilometres long is one theatre, a capital abroad is
  another).
- The main frame starts on the theatre with the most weight (an event weighs as many
  outlets as report it) and takes in the next theatre only while the picture, fitted
  to the frame's aspect, keeps at least JOIN_DENSITY of its weight per area: a second
  front next door joins, a city a continent away does not.
- Each theatre left out that holds at least INSET_SHARE of the weight gets an inset
  (at most MAX_INSETS, the heaviest); the places of the others are listed by name.
- When anything is left out, a locator inset shows where the main frame and the insets
  lie, so a tight frame still says which part of the world it is.

Events placed only at a country (its middle) do not decide the frame: the legend lists
them. Everything here is pure arithmetic on coordinates; the page script draws it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from geo.countries import country_name
from geo.map.names import PlaceKey, common_names, place_key
from geo.records import Event

Bounds = tuple[float, float, float, float]  # (min_lon, min_lat, max_lon, max_lat)

#: Places this close (great-circle, km) are one theatre, and so are chains of them.
THEATRE_LINK_KM = 500.0
#: Places are linked by the middles of the grid cells they fall in (about 110 km, well under the link).
LINK_CELL_DEG = 1.0
#: A theatre joins the main frame only if the frame keeps this share of its weight per area.
JOIN_DENSITY = 0.5
#: A theatre left out of the main frame with this share of the weight gets an inset of its own.
INSET_SHARE = 0.08
MAX_INSETS = 2
#: Places a caption names when its theatre lies in several countries; with more, the busiest
#: ones and how many others ("Geneva, Munich and 2 more").
NAMED_PLACES = 3
#: The smallest span (degrees) of a frame or an inset: one town alone is shown with its surroundings.
MIN_SPAN_DEG = 1.5
#: The margin around a frame, as a share of its span (at least MIN_MARGIN_DEG); the page pads its fit too.
MARGIN_SHARE = 0.04
MIN_MARGIN_DEG = 0.1
#: The places listed beside the map (the rest are counted as "N more").
LISTED_PLACES = 6
EARTH_RADIUS_KM = 6371.0
#: What makes two events one site in the search for theatres (the feature code last: a country's middle is left out).
_SITE = attrgetter("geonameid", "place", "lat", "lon", "country_code", "sources", "feature_code")
#: The insets' column at the right of a picture's map: a share of its width, within bounds (px).
INSET_COLUMN_SHARE = 0.22
INSET_COLUMN_MIN_PX, INSET_COLUMN_MAX_PX = 200, 340
#: A map narrower than this (px) has no insets' column: it would leave the main map too little room.
INSETS_MIN_MAP_PX = 640
#: The page's fit leaves about this much room (px) at each edge of the map.
FIT_PADDING_PX = 36


@dataclass(frozen=True, slots=True)
class Theatre:
    """A group of nearby places: the box of its events, their number and weight, and its
    places' names with their event counts, the most events first."""

    bounds: Bounds
    events: int
    weight: float
    places: tuple[tuple[str, int], ...]
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes, the most events first
    spots: tuple[tuple[float, float], ...] = ()  # where each of ``places`` is drawn (its most used point)
    country_events: tuple[int, ...] = ()  # the events in each of ``countries``

    @property
    def name(self) -> str:
        """The theatre's caption: its country's name when it lies in one, else its places,
        up to NAMED_PLACES of them, the others counted: a caption naming two of three places
        over a map that shows all three reads as if the third were not there."""
        if len(self.countries) == 1 and country_name(self.countries[0]):
            return country_name(self.countries[0])
        if len(self.places) <= NAMED_PLACES:
            return ", ".join(name for name, _ in self.places)
        named = ", ".join(name for name, _ in self.places[: NAMED_PLACES - 1])
        return f"{named} and {len(self.places) - NAMED_PLACES + 1} more"


@dataclass(frozen=True, slots=True)
class SlideLayout:
    """What a briefing picture shows: the main ``frame``, the ``insets`` (theatres left
    out, each in a small map of its own), the ``elsewhere`` places (left out and too
    small for an inset, with their event counts, and where the listed ones lie), and
    whether a locator map is drawn."""

    frame: Bounds | None
    insets: tuple[Theatre, ...] = ()
    elsewhere: tuple[tuple[str, int], ...] = ()
    framed_events: int = 0
    extent: Bounds | None = None  # the box of every theatre: what the locator shows
    listed_spots: tuple[tuple[float, float, str], ...] = ()  # (lat, lon, name) of the places the list names

    @property
    def locator(self) -> bool:
        return bool(self.insets or self.elsewhere)

    @property
    def left_out(self) -> int:
        """Events (placed at a town) outside the main frame."""
        return sum(t.events for t in self.insets) + sum(n for _, n in self.elsewhere)


def event_weight(event: Event) -> float:
    """What an event weighs in the framing: the outlets that report it (at least one)."""
    return float(max(1, event.sources))


def find_theatres(events: Sequence[Event], *, names: Mapping[PlaceKey, str] | None = None) -> list[Theatre]:
    """The theatres of ``events`` (those placed at a town or finer), heaviest first."""
    # Events are first gathered by site (place, point, country, outlets): a war's 100,000
    # events lie at a few thousand sites, and the work below is done once per site.
    keys = list(map(_SITE, events))
    counts = Counter(keys)
    examples = dict(zip(keys, events))  # in the order of first appearance, as ``counts``: no second lookup
    sites = [(event, n) for (key, n), event in zip(counts.items(), examples.values()) if not key[-1].startswith("PCL")]
    if not sites:
        return []
    if names is None:
        names = common_names([e for e in events if not _at_country(e)])
    lats = np.array([e.lat for e, _ in sites], dtype=np.float64)
    lons = np.array([e.lon for e, _ in sites], dtype=np.float64)
    events_at = np.array([n for _, n in sites], dtype=np.int64)
    weights = np.array([max(1, e.sources) for e, _ in sites], dtype=np.float64) * events_at  # event_weight
    site_names = [names.get(place_key(e)) or e.place for e, _ in sites]
    labels = _linked_groups(lats, lons)
    theatres = []
    for label in np.unique(labels).tolist():
        members = np.flatnonzero(labels == label).tolist()
        counts_by_name: Counter[str] = Counter()
        points: Counter[tuple[str, float, float]] = Counter()
        codes: Counter[str] = Counter()
        for i in members:
            event, n = sites[i]
            counts_by_name[site_names[i]] += n
            points[(site_names[i], event.lat, event.lon)] += n
            if event.country_code:
                codes[event.country_code] += n
        spot: dict[str, tuple[float, float]] = {}
        for (name, lat, lon), _ in points.most_common():
            spot.setdefault(name, (lat, lon))
        places = tuple(sorted(counts_by_name.items(), key=lambda item: (-item[1], item[0])))
        theatres.append(
            Theatre(
                bounds=(
                    float(lons[members].min()),
                    float(lats[members].min()),
                    float(lons[members].max()),
                    float(lats[members].max()),
                ),
                events=int(events_at[members].sum()),
                weight=float(weights[members].sum()),
                places=places,
                spots=tuple(spot[name] for name, _ in places),
                countries=tuple(code for code, _ in sorted(codes.items(), key=lambda item: (-item[1], item[0]))),
                country_events=tuple(n for _, n in sorted(codes.items(), key=lambda item: (-item[1], item[0]))),
            )
        )
    # Heaviest first; among equals the one further south-west, so the layout never depends on event order.
    theatres.sort(key=lambda t: (-t.weight, -t.events, t.bounds))
    return theatres


def slide_layout(events: Sequence[Event], *, aspect: float, names: Mapping[PlaceKey, str] | None = None) -> SlideLayout:
    """The layout of a picture whose map is ``aspect`` times as wide as it is tall."""
    if not aspect > 0:
        raise ValueError(f"aspect must be a positive number, got {aspect!r}")
    return _layout_of(find_theatres(events, names=names), aspect)


def theatre_layout(theatres: Sequence[Theatre], *, aspect: float) -> SlideLayout:
    """The layout of a map ``aspect`` times as wide as it is tall, for theatres already found
    (``find_theatres``): the page's map opens on the same main frame as a picture."""
    if not aspect > 0:
        raise ValueError(f"aspect must be a positive number, got {aspect!r}")
    return _layout_of(theatres, aspect)


def _layout_of(theatres: Sequence[Theatre], aspect: float) -> SlideLayout:
    if not theatres:
        return SlideLayout(frame=None)
    framed = [theatres[0]]
    left_out = []
    for theatre in theatres[1:]:
        if _joins(framed, theatre, aspect):
            framed.append(theatre)
        else:
            left_out.append(theatre)
    total = sum(t.weight for t in theatres)
    insets = tuple(t for t in left_out if t.weight >= INSET_SHARE * total)[:MAX_INSETS]
    listed: Counter[str] = Counter()
    spots: dict[str, tuple[float, float]] = {}
    for theatre in left_out:
        if theatre not in insets:
            listed.update(dict(theatre.places))
            spots.update((name, spot) for (name, _), spot in zip(theatre.places, theatre.spots))
    elsewhere = tuple(sorted(listed.items(), key=lambda item: (-item[1], item[0])))
    return SlideLayout(
        frame=with_margin(_union([t.bounds for t in framed])),
        insets=insets,
        elsewhere=elsewhere,
        framed_events=sum(t.events for t in framed),
        extent=_union([t.bounds for t in theatres]),
        listed_spots=tuple((*spots[name], name) for name, _ in elsewhere[:LISTED_PLACES] if name in spots),
    )


def plan_slide(
    events: Sequence[Event], *, map_width: int, map_height: int, names: Mapping[PlaceKey, str] | None = None
) -> tuple[SlideLayout, int]:
    """The layout of a picture's map of ``map_width`` x ``map_height`` pixels, and the width (px)
    of the column its insets take at the right (0 without insets): the main frame is fitted
    to the map beside that column."""
    column = inset_column_px(map_width)
    theatres = find_theatres(events, names=names)
    if map_width >= INSETS_MIN_MAP_PX:
        layout = _layout_of(theatres, _room(map_width - column, map_height))
        if layout.locator:
            return layout, column
    # A small picture has no room for a column: the far theatres are only counted in its header.
    return _layout_of(theatres, _room(map_width, map_height)), 0


def inset_column_px(map_width: int) -> int:
    """The width of the insets' column: INSET_COLUMN_SHARE of the map, within its bounds."""
    return int(min(max(map_width * INSET_COLUMN_SHARE, INSET_COLUMN_MIN_PX), INSET_COLUMN_MAX_PX))


def layout_json(layout: SlideLayout, column: int) -> dict[str, Any] | None:
    """What the page script needs to draw the insets, the locator and the list (None: nothing
    left out, or no ``column`` to draw them in)."""
    if not layout.locator or column <= 0:
        return None
    return {
        "column": column,
        "insets": [
            {
                "bounds": _leaflet(with_margin(t.bounds)),
                "caption": t.name,
                "events": t.events,
                # Every place, the busiest first: the page names each one that fits.
                "labels": [[lat, lon, name] for (name, _), (lat, lon) in zip(t.places, t.spots)],
            }
            for t in layout.insets
        ],
        "extent": _leaflet(layout.extent) if layout.extent else None,
        "elsewhere": elsewhere_text(layout.elsewhere),
        # Where the places the list names lie: the locator names those that fit beside their dots.
        "listed": [list(spot) for spot in layout.listed_spots],
        "leftOut": layout.left_out,
    }


def _leaflet(bounds: Bounds) -> list[list[float]]:
    # Leaflet's [[south, west], [north, east]].
    return [[bounds[1], bounds[0]], [bounds[3], bounds[2]]]


def _room(width: int, height: int) -> float:
    """The aspect of a map's room for its events, once the fit's padding is taken off each edge."""
    return max(width - 2 * FIT_PADDING_PX, 1) / max(height - 2 * FIT_PADDING_PX, 1)


def elsewhere_text(elsewhere: Sequence[tuple[str, int]], *, listed: int = LISTED_PLACES) -> str:
    """``Geneva 8 · Munich 2 · 3 more places``: the places a picture lists beside its map."""
    shown = [f"{name} {count:,}" for name, count in elsewhere[:listed]]
    rest = len(elsewhere) - listed
    if rest > 0:
        shown.append(f"{rest} more place{'s' * (rest != 1)}")
    return " \u00b7 ".join(shown)


def fitted_area(bounds: Bounds, aspect: float) -> float:
    """The area (degrees of longitude times Mercator degrees) a map of ``aspect`` shows
    when it fits ``bounds``: the box widened or heightened to the map's shape."""
    width, height = _spans(bounds)
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    return width * height


def with_margin(bounds: Bounds) -> Bounds:
    """``bounds`` at least MIN_SPAN_DEG across, with a margin, kept on the map."""
    min_lon, min_lat, max_lon, max_lat = bounds
    grow_lon = max(0.0, MIN_SPAN_DEG - (max_lon - min_lon)) / 2
    grow_lat = max(0.0, MIN_SPAN_DEG - (max_lat - min_lat)) / 2
    min_lon, max_lon = min_lon - grow_lon, max_lon + grow_lon
    min_lat, max_lat = min_lat - grow_lat, max_lat + grow_lat
    lon_margin = max((max_lon - min_lon) * MARGIN_SHARE, MIN_MARGIN_DEG)
    lat_margin = max((max_lat - min_lat) * MARGIN_SHARE, MIN_MARGIN_DEG)
    return (
        max(min_lon - lon_margin, -180.0),
        max(min_lat - lat_margin, -85.0),
        min(max_lon + lon_margin, 180.0),
        min(max_lat + lat_margin, 85.0),
    )


def _joins(framed: Sequence[Theatre], theatre: Theatre, aspect: float) -> bool:
    before = _union([t.bounds for t in framed])
    after = _union([before, theatre.bounds])
    weight = sum(t.weight for t in framed)
    density_before = weight / fitted_area(before, aspect)
    density_after = (weight + theatre.weight) / fitted_area(after, aspect)
    return density_after >= JOIN_DENSITY * density_before


def _union(boxes: Sequence[Bounds]) -> Bounds:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _spans(bounds: Bounds) -> tuple[float, float]:
    """Width in degrees of longitude and height in Mercator degrees, each at least MIN_SPAN_DEG."""
    min_lon, min_lat, max_lon, max_lat = bounds
    width = max(max_lon - min_lon, MIN_SPAN_DEG)
    height = max(_mercator(max_lat) - _mercator(min_lat), MIN_SPAN_DEG)
    return width, height


def _mercator(lat: float) -> float:
    """Web Mercator's northing in degrees (as far from the equator as the map draws ``lat``)."""
    clipped = max(min(lat, 85.0), -85.0)
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(clipped) / 2)))


def _linked_groups(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """One group label per point: points linked by steps of about THEATRE_LINK_KM at most share one.

    Points are first gathered into cells of LINK_CELL_DEG (linked by their middles): a war's
    thousands of places are a few hundred cells, and the pairs within reach stay few."""
    rows = np.floor(lats / LINK_CELL_DEG).astype(np.int64)
    columns = np.floor(lons / LINK_CELL_DEG).astype(np.int64)
    # One integer per cell (a 1-D unique is many times faster than a unique of rows).
    span = int(360 / LINK_CELL_DEG) + 2
    cells, inverse = np.unique(rows * span + columns - columns.min(), return_inverse=True)
    middles_lat = (cells // span + 0.5) * LINK_CELL_DEG
    middles_lon = (cells % span + columns.min() + 0.5) * LINK_CELL_DEG
    lat, lon = np.radians(middles_lat), np.radians(middles_lon)
    unit = np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))
    # The chord on the unit sphere that spans THEATRE_LINK_KM of the surface.
    chord = 2 * math.sin(THEATRE_LINK_KM / EARTH_RADIUS_KM / 2)
    pairs = cKDTree(unit).query_pairs(chord, output_type="ndarray")
    n = len(cells)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels[inverse.ravel()]


def _at_country(event: Event) -> bool:
    # As geo.map.mapview.placed_at_country (which imports this module's users): a country's middle.
    return event.feature_code.startswith("PCL")
