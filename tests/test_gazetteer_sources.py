"""Readers of the shipped data: world areas, country centres, continents, dotted abbreviations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gazetteer.errors import GazetteerDataError
from gazetteer.sources import (
    WORLD_AREA_ID_BASE,
    WORLD_AREAS_PATH,
    read_aliases,
    read_all_world_areas,
    read_continents,
    read_country_centres,
    read_geonames_points,
    read_physical_features,
    read_world_areas,
)

BASEMAP = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "world_110m.geojson"


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def country_shapes():
    from shapely.geometry import shape

    features = json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]
    return [shape(f["geometry"]) for f in features]


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def country_shapes_by_code():
    from shapely.geometry import shape

    features = json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]
    shapes = {f["properties"]["iso_a2"]: shape(f["geometry"]) for f in features if f["properties"]["iso_a2"]}
    # Natural Earth draws two breakaway territories apart, without a code of their own;
    # GeoNames files their towns under the state that claims them, and so do the areas.
    claimed_by = {"Somaliland": "SO", "N. Cyprus": "CY"}
    for f in features:
        claimant = claimed_by.get(f["properties"]["name"])
        if claimant and not f["properties"]["iso_a2"]:
            shapes[claimant] = shapes[claimant].union(shape(f["geometry"]))
    return shapes


def write_rows(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "areas.tsv"
    path.write_text("# id\tname\tcode\tlat\tlon\taliases\tpoint\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_shipped_world_areas_name_the_regions_and_seas_war_news_uses():
    areas = {area.name: area for area in read_world_areas()}
    wanted_regions = {
        "Middle East",
        "Gulf region",
        "Levant",
        "Balkans",
        "Caucasus",
        "Sahel",
        "Horn of Africa",
        "North Africa",
        "West Africa",
        "East Africa",
        "Central Asia",
        "Southeast Asia",
        "South Asia",
        "Latin America",
        "Central America",
        "Caribbean",
        "Scandinavia",
        "Western Europe",
        "Eastern Europe",
        "Northern Europe",
        "Americas",
    }
    wanted_seas = {
        "Mediterranean Sea",
        "Black Sea",
        "Red Sea",
        "Gulf of Aden",
        "Sea of Azov",
        "Baltic Sea",
        "Caspian Sea",
        "South China Sea",
        "Persian Gulf",
        "Arabian Sea",
    }
    wanted_continents = {"Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica"}
    assert {n for n, a in areas.items() if a.feature_code == "RGN"} >= wanted_regions
    assert {n for n, a in areas.items() if a.feature_code == "SEA"} >= wanted_seas
    assert {n for n, a in areas.items() if a.feature_code == "CONT"} == wanted_continents
    assert all(areas[n].feature_class == "L" for n in wanted_regions | wanted_continents)
    assert all(areas[n].feature_class == "H" for n in wanted_seas)


def test_continents_carry_geonames_points_ids_and_people():
    asia = next(c for c in read_continents() if c.name == "Asia")
    assert (asia.geonameid, round(asia.lat, 1), round(asia.lon, 1)) == (6255147, 29.8, 89.3)
    assert asia.population > 3_000_000_000


def test_every_sea_and_strait_point_is_in_open_water(country_shapes):
    from shapely.geometry import Point

    for area in read_all_world_areas():
        if area.feature_code in ("SEA", "STRT", "OCN"):
            assert not any(s.contains(Point(area.lon, area.lat)) for s in country_shapes), area.name


def test_every_river_lake_and_range_lies_in_its_country_when_it_has_one(country_shapes_by_code):
    from shapely.geometry import Point

    for area in read_physical_features():
        # Islands and spits: the 110m outlines leave most of them out.
        if area.country_code in country_shapes_by_code and area.feature_code not in ("ISL", "ISLS", "PEN"):
            shape = country_shapes_by_code[area.country_code]
            assert shape.distance(Point(area.lon, area.lat)) < 0.1, area.name


def test_every_macro_region_point_is_on_land_but_the_caribbeans(country_shapes):
    from shapely.geometry import Point

    for area in read_world_areas():
        if area.feature_code == "RGN" and area.name != "Caribbean":
            assert any(s.contains(Point(area.lon, area.lat)) for s in country_shapes), area.name


def test_world_area_ids_are_their_offset_above_the_base(tmp_path):
    (area,) = read_world_areas(write_rows(tmp_path, "7\tHorn of Africa\tRGN\t8.0\t42.0\tthe Horn"))[-1:]
    assert (area.geonameid, area.name, area.aliases) == (WORLD_AREA_ID_BASE + 7, "Horn of Africa", ("the Horn",))
    assert (area.feature_class, area.lat, area.lon) == ("L", 8.0, 42.0)


def test_a_region_inside_one_country_lies_in_that_country(country_shapes_by_code):
    from shapely.geometry import Point

    held = [area for area in read_world_areas() if area.country_code]
    assert {"Darfur", "Donbas", "Sinai Peninsula", "Kurdistan Region"} <= {area.name for area in held}
    for area in held:
        assert country_shapes_by_code[area.country_code].contains(Point(area.lon, area.lat)), area.name


def test_a_world_area_row_names_its_country_by_code_or_not_at_all(tmp_path):
    (area,) = read_world_areas(write_rows(tmp_path, "301\tDarfur\tRGN\t12.9\t24.6\t\tnote\tSD"))[-1:]
    assert area.country_code == "SD"
    with pytest.raises(GazetteerDataError, match="two-letter country code"):
        read_world_areas(write_rows(tmp_path, "301\tDarfur\tRGN\t12.9\t24.6\t\tnote\tSudan"))


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("1\tAtlantis\tISLAND\t0\t0", "feature code"),
        ("1\tAtlantis\tRGN\tnorth\t0", "numeric"),
        ("1\tAtlantis\tRGN\t95\t0", "lat within 90"),
        ("1\tAtlantis\tRGN", "expected 'id"),
    ],
)
def test_a_malformed_world_area_row_stops_the_build_saying_what_was_expected(tmp_path, row, message):
    with pytest.raises(GazetteerDataError, match=message):
        read_world_areas(write_rows(tmp_path, row))


def test_two_world_areas_with_one_id_stop_the_build(tmp_path):
    with pytest.raises(GazetteerDataError, match="different id"):
        read_world_areas(write_rows(tmp_path, "1\tLevant\tRGN\t33\t37", "1\tSahel\tRGN\t15\t10"))


def test_the_shipped_world_area_file_has_no_repeated_id():
    ids = [
        line.split("\t")[0]
        for line in WORLD_AREAS_PATH.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(ids) == len(set(ids)) > 30


def test_country_centres_are_the_conventional_ones_with_outlines_where_shipped():
    centres = {c.alpha2: c for c in read_country_centres()}
    assert (centres["CA"].lat, centres["CA"].lon) == (60.0, -95.0)
    assert (centres["SY"].lat, centres["SY"].lon) == (35.0, 38.0)
    assert centres["SY"].geometry["type"] in {"Polygon", "MultiPolygon"}
    assert len(centres) > 200


def test_geonames_points_of_countries_and_regions_are_read_at_five_decimals():
    points = {p.geonameid: p for p in read_geonames_points([6252001, 4736286, 2017370, 1])}
    assert (points[6252001].lat, points[6252001].lon) == (39.76, -98.5)  # United States
    assert (points[4736286].lat, points[4736286].lon) == (31.25044, -99.25061)  # Texas
    assert (points[2017370].lat, points[2017370].lon) == (60.0, 100.0)  # Russia
    assert 1 not in points


def test_the_shipped_aliases_have_the_ap_state_abbreviations_as_dotted_abbreviations():
    dotted = {a.alias: a.target for a in read_aliases() if a.is_dotted_abbreviation}
    assert {
        "Ill.": "US.IL",
        "Ind.": "US.IN",
        "W. Va.": "US.WV",
        "W.Va.": "US.WV",
        "B.C.": "CA.02",
        "Ont.": "CA.08",
    }.items() <= dotted.items()
    assert all("." in alias for alias in dotted)
    assert not any(a.is_dotted_abbreviation for a in read_aliases() if a.alias in {"U.S.", "UK", "Crimea"})


def test_a_dotted_abbreviation_without_a_dot_stops_the_build(tmp_path):
    path = tmp_path / "aliases.tsv"
    path.write_text("Ill\tUS.IL\tADM1\tdotted abbreviation\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match="dot"):
        read_aliases(path)
