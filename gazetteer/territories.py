"""Where a first-level region lies, approximated from its towns: the point that stands for it.

GeoNames as packaged here gives regions no outline, only member towns, and towns
crowd where people live: the medoid of Ontario's towns sits near Toronto, 700 km
south of the province's middle, and even the middle of their bounding box stops
at the last town before the empty north. So each country's outline (Natural
Earth) is cut into cells of ``CELL_DEGREES``, every cell goes to the region of the
country's town nearest to it, and a region's point is the centroid of its cells
on the sphere (weighted by cell area): the middle of the land the region's towns
are the nearest towns of. A centroid that falls outside those cells (a crescent,
a bay) gives way to the region's cell nearest to it.

GeoNames files a few towns under the wrong region, and in empty country one such
town makes a region of its own far away (a "Hebei" town in Tibet). So a region
keeps only the connected parts of its cells that hold at least ``MIN_PART_SHARE``
of the towns its largest part holds: a misfiled town's part holds one.

Pure computation (numpy, shapely, scipy): ``region_territories`` runs once per
build, in about a second and a half.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gazetteer.geodesy import EARTH_RADIUS_KM, unit_vectors
from gazetteer.sources import CitySource

# About 22 km: finer than most regions, coarse enough for a second of work worldwide.
CELL_DEGREES = 0.2
# A centroid farther than this from every cell of its region lies outside it.
OUTSIDE_KM = 2 * 111.2 * CELL_DEGREES
# A connected part of a region's cells counts when it holds this share of the towns of its
# part with the most towns (islands and exclaves with towns of their own do).
MIN_PART_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Territory:
    """The cells (their centres, degrees) a region's towns are the nearest towns of."""

    lats: tuple[float, ...]
    lons: tuple[float, ...]


def outline_cells(outline: dict, step: float = CELL_DEGREES):
    """(rows, cols) grid indices and (lats, lons) centres of the grid cells inside a GeoJSON outline."""
    import numpy
    import shapely
    from shapely.geometry import shape

    geometry = shape(outline)
    min_lon, min_lat, max_lon, max_lat = geometry.bounds
    lons = numpy.arange(math.floor(min_lon / step) * step + step / 2, max_lon, step)
    lats = numpy.arange(math.floor(min_lat / step) * step + step / 2, max_lat, step)
    grid_cols, grid_rows = (axis.ravel() for axis in numpy.meshgrid(numpy.arange(len(lons)), numpy.arange(len(lats))))
    inside = shapely.contains_xy(geometry, lons[grid_cols], lats[grid_rows])
    rows, cols = grid_rows[inside], grid_cols[inside]
    return rows, cols, lats[rows], lons[cols]


def main_parts(rows, cols, nearest_town):
    """Boolean mask of the cells in the connected parts (8-neighbour) of one region's cells
    that hold at least ``MIN_PART_SHARE`` of the towns the part with the most towns holds."""
    import numpy
    from scipy import ndimage

    grid = numpy.zeros((rows.max() - rows.min() + 1, cols.max() - cols.min() + 1), dtype=bool)
    grid[rows - rows.min(), cols - cols.min()] = True
    labels, count = ndimage.label(grid, structure=numpy.ones((3, 3), dtype=int))
    if count == 1:
        return numpy.ones(len(rows), dtype=bool)
    part = labels[rows - rows.min(), cols - cols.min()]
    # Distinct (part, town) pairs, counted per part: the towns each part holds.
    pairs = numpy.unique(part.astype(numpy.int64) * (int(nearest_town.max()) + 1) + nearest_town)
    held = numpy.bincount(pairs // (int(nearest_town.max()) + 1), minlength=count + 1)
    return held[part] >= MIN_PART_SHARE * held.max()


def country_territories(outline: dict, towns: list[CitySource], step: float = CELL_DEGREES) -> dict[str, Territory]:
    """admin1 code -> the country's cells nearest to that region's towns (its main parts)."""
    import numpy
    from scipy.spatial import cKDTree

    rows, cols, lats, lons = outline_cells(outline, step)
    if not len(lats) or not towns:
        return {}
    tree = cKDTree(unit_vectors(numpy.array([t.lat for t in towns]), numpy.array([t.lon for t in towns])))
    _, nearest = tree.query(unit_vectors(lats, lons))
    code_names = sorted({t.admin1_code for t in towns})
    number = {code: i for i, code in enumerate(code_names)}
    cell_codes = numpy.array([number[t.admin1_code] for t in towns])[nearest]
    # Cells grouped by region: sorted by code, cut where the code changes.
    order = numpy.argsort(cell_codes, kind="stable")
    cuts = numpy.searchsorted(cell_codes[order], numpy.arange(len(code_names) + 1))
    found = {}
    for i, code in enumerate(code_names):
        chosen = order[cuts[i] : cuts[i + 1]]
        if len(chosen):
            chosen = chosen[main_parts(rows[chosen], cols[chosen], nearest[chosen])]
            found[code] = Territory(tuple(lats[chosen].tolist()), tuple(lons[chosen].tolist()))
    return found


def region_territories(
    outlines: Mapping[str, dict], cities: Iterable[CitySource], step: float = CELL_DEGREES
) -> dict[tuple[str, str], Territory]:
    """(country code, admin1 code) -> Territory, for the countries that have an outline.
    Regions too small to be nearest to any cell centre are left out."""
    by_country: dict[str, list[CitySource]] = defaultdict(list)
    for city in cities:
        if city.country_code in outlines:
            by_country[city.country_code].append(city)
    territories = {}
    for country_code, towns in by_country.items():
        for admin1_code, territory in country_territories(outlines[country_code], towns, step).items():
            territories[(country_code, admin1_code)] = territory
    return territories


def territory_point(territory: Territory) -> tuple[float, float]:
    """(lat, lon): the area-weighted centroid of the cells on the sphere, or the cell
    nearest to it when it lies outside them."""
    import numpy

    vectors = unit_vectors(numpy.array(territory.lats), numpy.array(territory.lons))
    weights = numpy.cos(numpy.radians(territory.lats))  # a cell's area shrinks with latitude
    x, y, z = (vectors * weights[:, None]).sum(axis=0)
    lat, lon = math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))
    nearest = int(numpy.argmax(vectors @ unit_vectors(lat, lon)))
    cosine = float(numpy.clip(vectors[nearest] @ unit_vectors(lat, lon), -1.0, 1.0))
    if EARTH_RADIUS_KM * math.acos(cosine) > OUTSIDE_KM:
        return (round(territory.lats[nearest], 5), round(territory.lons[nearest], 5))
    return (round(lat, 5), round(lon, 5))
