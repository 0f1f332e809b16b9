"""How far a point lies from an area: a bounding box (regions, seas, rivers) or a country's outline.

A river 2,800 km long, a sea or a macro-region has no one point; the gazetteer's point
for it is a label. Its extent says where it is: a box of south, west, north and east
edges for the hand-written features of ``gazetteer/data`` (a box whose west edge lies
east of its east edge crosses the antimeridian), the Natural Earth outline for a
country. Distances are 0 inside and, outside, the great-circle distance to the nearest
point of the box (its latitude and longitude clamped to the edges) or of the outline
(found in degrees, then measured on the sphere): both are close to the true distance at
the scale they are used for, whether a place lies within 161 km of an area.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from gazetteer.errors import GazetteerDataError
from gazetteer.geodesy import great_circle_km


@dataclass(frozen=True, slots=True)
class Extent:
    """A bounding box in degrees; ``west > east`` when it crosses the antimeridian."""

    south: float
    west: float
    north: float
    east: float

    def __post_init__(self) -> None:
        if not (-90 <= self.south <= self.north <= 90 and -180 <= self.west <= 180 and -180 <= self.east <= 180):
            raise GazetteerDataError(
                f"expected an extent of south <= north within 90 and west, east within 180, got {self.as_text()!r}"
            )

    @classmethod
    def parse(cls, text: str) -> Extent:
        """From "south,west,north,east" (the tables' extent column)."""
        try:
            south, west, north, east = (float(part) for part in text.split(","))
        except ValueError as err:
            raise GazetteerDataError(f"expected an extent as 'south,west,north,east' in degrees, got {text!r}") from err
        return cls(south, west, north, east)

    def as_text(self) -> str:
        return ",".join(f"{value:g}" for value in (self.south, self.west, self.north, self.east))

    def _nearest_lon(self, lon: float) -> float:
        if self.west <= self.east:
            if self.west <= lon <= self.east:
                return lon
        elif lon >= self.west or lon <= self.east:
            return lon
        # Outside: the nearer edge, going round the globe either way.
        return min((self.west, self.east), key=lambda edge: abs((lon - edge + 180) % 360 - 180))

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self._nearest_lon(lon) == lon

    def nearest_point(self, lat: float, lon: float) -> tuple[float, float]:
        """(lat, lon) of the box nearest the point: the point itself inside, else its
        latitude and longitude clamped to the edges."""
        return min(max(lat, self.south), self.north), self._nearest_lon(lon)

    def km_to(self, lat: float, lon: float) -> float:
        """0 inside; else the great-circle distance to the box's nearest point."""
        return great_circle_km(lat, lon, *self.nearest_point(lat, lon))


def km_to_outline(geometry: Any, lat: float, lon: float) -> float:
    """0 inside a shapely (Multi)Polygon in lon/lat degrees; else the great-circle distance
    to its nearest point (nearest in degrees: close enough near an outline)."""
    from shapely import Point
    from shapely.ops import nearest_points

    point = Point(lon, lat)
    if geometry.covers(point):
        return 0.0
    nearest = nearest_points(geometry, point)[0]
    return great_circle_km(lat, lon, nearest.y, nearest.x)


@functools.cache
def country_outlines() -> dict[str, Any]:
    """ISO alpha-2 code -> the country's Natural Earth outline (shapely, lon/lat degrees),
    from the basemap the gazetteer ships; read once per process."""
    from collections import defaultdict

    from shapely.geometry import shape
    from shapely.ops import unary_union

    from gazetteer.sources import read_shapes

    parts: dict[str, list[Any]] = defaultdict(list)
    for item in read_shapes():
        if len(item.alpha2) == 2:
            parts[item.alpha2].append(shape(item.geometry))
    return {code: shapes[0] if len(shapes) == 1 else unary_union(shapes) for code, shapes in parts.items()}
