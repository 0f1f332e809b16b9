"""The geopy-style offline geocoder, alone and as a geopandas provider."""

from __future__ import annotations

import geopandas
import pytest
from gazetteer_tiny import tiny_sources
from geopy.location import Location
from geopy.point import Point

from gazetteer.build import build_cache
from gazetteer.database import Gazetteer
from gazetteer.errors import GazetteerQueryError
from gazetteer.geocoder import OfflineGeocoder


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def coder(tmp_path_factory):
    path = tmp_path_factory.mktemp("gazetteer") / "tiny.sqlite"
    build_cache(path, sources=tiny_sources())
    with Gazetteer(path) as g:
        yield OfflineGeocoder(g)


def test_geocode_returns_a_geopy_location_with_the_entry_as_raw(coder):
    location = coder.geocode("Palmyra")
    assert isinstance(location, Location)
    assert location.address == "Tadmur, Homs, Syria"
    assert (location.latitude, location.longitude) == (34.56, 38.27)
    assert location.raw["geonameid"] == 163345 and location.raw["feature_code"] == "PPL"


def test_paris_alone_is_the_french_capital_and_country_narrows(coder):
    assert coder.geocode("Paris").raw["country_code"] == "FR"
    assert coder.geocode("Paris", country="US").raw["country_code"] == "US"
    assert coder.geocode("Paris", country="United States").raw["country_code"] == "US"
    assert coder.geocode("Paris", country="GE") is None


def test_the_part_after_a_comma_narrows_by_country_or_region(coder):
    assert coder.geocode("Paris, Texas").raw["geonameid"] == 4717560
    assert coder.geocode("Paris, France").raw["geonameid"] == 2988507
    with pytest.raises(GazetteerQueryError):
        coder.geocode("Paris, Atlantis")


def test_all_candidates_best_first_when_not_exactly_one(coder):
    found = coder.geocode("Palmyra", exactly_one=False)
    assert [loc.raw["geonameid"] for loc in found] == [163345, 4524000]


def test_variants_and_misspellings_are_geocoded_too(coder):
    assert coder.geocode("Damaskus").raw["name"] == "Damascus"
    assert coder.geocode("Palmrya").raw["name"] == "Tadmur"
    assert OfflineGeocoder(coder.gazetteer, fuzzy=False).geocode("Palmrya") is None


def test_a_miss_is_none_and_bad_input_raises(coder):
    assert coder.geocode("Atlantis") is None
    for bad in ("", "  ", None, ", Syria"):
        with pytest.raises(GazetteerQueryError):
            coder.geocode(bad)


def test_reverse_accepts_strings_pairs_and_points(coder):
    assert coder.reverse("34.6, 38.2").raw["name"] == "Tadmur"
    assert coder.reverse((48.9, 2.4)).raw["name"] == "Paris"
    assert coder.reverse(Point(50.4, 30.5), exactly_one=False)[0].raw["name"] == "Kyiv"
    with pytest.raises(GazetteerQueryError):
        coder.reverse("north of here")


def test_works_as_a_geopandas_provider(coder):
    frame = geopandas.tools.geocode(["Raqqa", "Kiev", "Atlantis"], provider=coder)
    assert frame.crs.to_epsg() == 4326
    assert frame.loc[0, "address"].startswith("Ar Raqqah")
    assert (round(frame.geometry[0].x, 2), round(frame.geometry[0].y, 2)) == (39.01, 35.95)
    assert frame.loc[1, "address"].startswith("Kyiv")
    assert frame.geometry[2].is_empty


def test_works_as_a_geopandas_provider_class_with_options(coder):
    frame = geopandas.tools.geocode(["Homs"], provider=OfflineGeocoder, gazetteer=coder.gazetteer)
    assert frame.loc[0, "address"].startswith("Homs")


def test_geopandas_reverse_geocoding(coder):
    from shapely.geometry import Point as ShapelyPoint

    frame = geopandas.tools.reverse_geocode([ShapelyPoint(38.2, 34.6)], provider=coder)
    assert frame.loc[0, "address"].startswith("Tadmur")
