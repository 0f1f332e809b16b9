"""Region points from the land their towns are the nearest towns of, on hand-made countries."""

from __future__ import annotations

import pytest
from gazetteer_tiny import box

from gazetteer.assemble import medoid
from gazetteer.geodesy import great_circle_km
from gazetteer.sources import CitySource
from gazetteer.territories import Territory, region_territories, territory_point


def towns_of(region: str, points, country: str = "ZZ") -> list[CitySource]:
    return [
        CitySource(hash((region, lat, lon)) % 10**9, f"{region} {i}", lat, lon, country, 1000, region)
        for i, (lat, lon) in enumerate(points)
    ]


def grid(lat0: float, lon0: float, rows: int, cols: int, step: float = 0.2) -> list[tuple[float, float]]:
    return [(lat0 + r * step, lon0 + c * step) for r in range(rows) for c in range(cols)]


# A country of 10 x 20 degrees: the west region's towns crowd its south-west corner.
COUNTRY = {"ZZ": box(0.0, 0.0, 10.0, 20.0)}
WEST_TOWNS = grid(1.0, 1.0, 5, 5)
EAST_TOWNS = grid(4.0, 14.0, 3, 3)


def test_a_region_is_placed_in_the_middle_of_its_land_not_among_its_crowded_towns():
    territories = region_territories(COUNTRY, towns_of("W", WEST_TOWNS) + towns_of("E", EAST_TOWNS))
    lat, lon = territory_point(territories[("ZZ", "W")])
    crowd = medoid(WEST_TOWNS)
    # Every cell west of the line half way to the east towns is the west region's.
    assert 3.5 < lat < 6.5 and 2.5 < lon < 6.5
    assert great_circle_km(lat, lon, *crowd) > 300
    east_lat, east_lon = territory_point(territories[("ZZ", "E")])
    assert east_lon > 12.0


def test_a_misfiled_town_far_away_does_not_drag_its_region():
    misfiled = towns_of("W", [(9.5, 19.5)])
    territories = region_territories(COUNTRY, towns_of("W", WEST_TOWNS) + towns_of("E", EAST_TOWNS) + misfiled)
    west = territories[("ZZ", "W")]
    assert max(west.lons) < 12.0  # the misfiled town's corner is no part of the west region
    assert territory_point(west)[1] < 8.0


def test_islands_with_towns_of_their_own_stay_part_of_their_region():
    outline = {"type": "MultiPolygon", "coordinates": [box(0, 0, 4, 4)["coordinates"], box(0, 8, 4, 12)["coordinates"]]}
    towns = towns_of("A", grid(1.0, 1.0, 4, 4) + grid(1.0, 9.0, 4, 4))
    region = region_territories({"ZZ": outline}, towns)[("ZZ", "A")]
    assert min(region.lons) < 4.0 and max(region.lons) > 8.0


def test_a_centroid_outside_its_regions_cells_gives_way_to_the_cell_nearest_it():
    # A C-shaped region: its centroid falls in the gap the C encloses.
    cells = (
        [(0.0, lon / 5) for lon in range(21)]
        + [(lat / 5, 0.0) for lat in range(1, 20)]
        + [(4.0, lon / 5) for lon in range(21)]
    )
    territory = Territory(tuple(c[0] for c in cells), tuple(c[1] for c in cells))
    assert territory_point(territory) in {(round(lat, 5), round(lon, 5)) for lat, lon in cells}


def test_a_region_across_the_antimeridian_is_placed_on_it_not_on_the_other_side_of_the_earth():
    territory = Territory((65.0, 65.0, 65.2, 65.2), (179.9, -179.9, 179.9, -179.9))
    lat, lon = territory_point(territory)
    assert lat == pytest.approx(65.1, abs=0.01) and abs(lon) > 179.8


def test_countries_without_outline_and_regions_too_small_for_a_cell_have_no_territory():
    # West towns on the centres of the cells (0.2 degree, centred on odd tenths); a town of a
    # small region on the corner between four of them is no cell's nearest town.
    west_on_centres = towns_of("W", grid(1.1, 1.1, 5, 5))
    tiny_region = towns_of("T", [(1.2, 1.2)])
    other_country = towns_of("X", [(0.0, 50.0)], country="YY")
    territories = region_territories(COUNTRY, west_on_centres + towns_of("E", EAST_TOWNS) + tiny_region + other_country)
    assert ("ZZ", "W") in territories
    assert ("YY", "X") not in territories
    assert ("ZZ", "T") not in territories
