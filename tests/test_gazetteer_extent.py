"""Extents: how far a point lies from a region's, sea's or river's box and from a country's outline."""

from __future__ import annotations

import re

import pytest

from gazetteer.errors import GazetteerDataError
from gazetteer.extent import Extent, country_outlines, km_to_outline
from gazetteer.geodesy import great_circle_km
from gazetteer.sources import WORLD_AREA_ID_BASE, read_all_world_areas, read_world_areas


def test_a_point_inside_a_box_is_0_km_from_it_and_one_outside_is_as_far_as_the_nearest_edge():
    box = Extent(30.0, 30.0, 40.0, 40.0)
    assert box.km_to(35.0, 35.0) == 0.0
    assert box.km_to(45.0, 35.0) == pytest.approx(great_circle_km(45.0, 35.0, 40.0, 35.0))
    assert box.km_to(35.0, 20.0) == pytest.approx(great_circle_km(35.0, 20.0, 35.0, 30.0))
    assert 550 < box.km_to(45.0, 35.0) < 560


def test_a_box_whose_west_edge_lies_east_of_its_east_edge_crosses_the_antimeridian():
    pacific = Extent(-60.0, 117.0, 66.0, -67.0)
    assert pacific.contains(0.0, -160.0) and pacific.contains(0.0, 170.0)
    assert not pacific.contains(0.0, 0.0)
    # Just west of the west edge: measured to that edge, not round the world to the east one.
    assert pacific.km_to(0.0, 116.0) == pytest.approx(great_circle_km(0.0, 116.0, 0.0, 117.0))


def test_the_nearest_point_of_a_box_is_the_point_itself_inside_and_clamped_to_the_edges_outside():
    box = Extent(30.0, 30.0, 40.0, 40.0)
    assert box.nearest_point(35.0, 36.0) == (35.0, 36.0)
    assert box.nearest_point(45.0, 20.0) == (40.0, 30.0)
    # Across the antimeridian: the nearer edge, going round the globe the short way.
    assert Extent(-60.0, 117.0, 66.0, -67.0).nearest_point(70.0, -60.0) == (66.0, -67.0)


@pytest.mark.parametrize("text", ["1,2,3", "south,west,north,east", "40,10,30,20", "10,190,20,200"])
def test_a_malformed_extent_says_what_was_expected(text):
    with pytest.raises(GazetteerDataError, match="extent"):
        Extent.parse(text)


def write_rows(tmp_path, *rows: str):
    path = tmp_path / "areas.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_table_row_carries_its_extent_in_the_last_column(tmp_path):
    row = "9\tLake Nowhere\tLK\t10.5\t20.5\t\tits middle\t\t10,20,11,21"
    (area,) = read_world_areas(write_rows(tmp_path, row))[-1:]
    assert (area.geonameid, area.extent) == (WORLD_AREA_ID_BASE + 9, Extent(10.0, 20.0, 11.0, 21.0))


def test_a_row_whose_point_lies_outside_its_extent_stops_the_build(tmp_path):
    with pytest.raises(GazetteerDataError, match="inside its extent"):
        read_world_areas(write_rows(tmp_path, "9\tLake Nowhere\tLK\t12.5\t20.5\t\tits middle\t\t10,20,11,21"))


def test_continents_carry_geonames_boxes_where_they_hold_the_continents_point():
    from gazetteer.sources import read_continents

    boxes = {area.name: area.extent for area in read_continents()}
    assert boxes["Africa"] is not None and boxes["Africa"].contains(9.03, 38.74)  # Addis Ababa
    assert not boxes["Africa"].contains(48.86, 2.35)  # Paris
    # Asia's box runs east across the antimeridian to Chukotka.
    assert boxes["Asia"] is not None and boxes["Asia"].contains(64.73, 177.5)
    # GeoNames' box for Antarctica misses the continent's own point: left out, scored by the point.
    assert boxes["Antarctica"] is None


def test_every_hand_written_region_sea_and_river_has_an_extent():
    hand_written = [area for area in read_all_world_areas() if area.feature_code != "CONT"]
    assert len(hand_written) > 150
    assert [area.name for area in hand_written if area.extent is None] == []


def test_a_region_made_of_countries_has_a_box_that_covers_their_outlines():
    from shapely.geometry import box as shapely_box
    from shapely.ops import unary_union

    outlines = country_outlines()
    checked = 0
    for area in read_world_areas():
        members = re.search(r"centroid of ((?:[A-Z]{2} ?)+)", area_note(area.name))
        if area.extent is None or members is None or len(members.group(1).split()) < 3:
            continue
        union = unary_union([outlines[code] for code in members.group(1).split() if code in outlines])
        # The Arctic islands (Svalbard) are not what news means by a European region.
        union = union.intersection(shapely_box(-180, -90, 180, 75))
        e = area.extent
        covered = union.intersection(shapely_box(e.west, e.south, e.east, e.north)).area / union.area
        # Overseas parts the region does not mean (French Guiana) stay outside.
        assert covered > 0.95, area.name
        checked += 1
    assert checked >= 10


def area_note(name: str) -> str:
    from gazetteer.sources import WORLD_AREAS_PATH

    for line in WORLD_AREAS_PATH.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.startswith("#") and len(fields) > 6 and fields[1] == name:
            return fields[6]
    return ""


def test_a_country_outline_holds_its_capital_and_a_neighbours_capital_lies_just_outside():
    syria = country_outlines()["SY"]
    assert km_to_outline(syria, 33.51, 36.29) == 0.0  # Damascus
    assert 0 < km_to_outline(syria, 33.89, 35.50) < 60  # Beirut, a short way past the border
    assert km_to_outline(syria, 30.04, 31.24) > 400  # Cairo


def test_the_cache_keeps_the_extents_of_the_areas_that_have_one(tiny):
    euphrates = next(e for e in tiny.lookup("Euphrates") if e.feature_code == "STM")
    assert tiny.extent(euphrates.geonameid) == Extent(30.9, 37.8, 39.9, 47.5)
    assert tiny.extent(tiny.lookup("Damascus")[0].geonameid) is None
