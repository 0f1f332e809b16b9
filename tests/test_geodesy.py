from __future__ import annotations

import numpy
import pytest

from gazetteer.geodesy import EARTH_RADIUS_KM, great_circle_km, unit_vectors


def test_great_circle_london_paris_within_one_km_of_343():
    assert great_circle_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1.0)


def test_great_circle_antipodes_is_half_the_circumference():
    assert great_circle_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(20015.1, abs=1.0)


def test_great_circle_agrees_with_geopy_to_a_metre():
    from geopy.distance import great_circle

    for a, b in (((33.5, 36.3), (36.2, 37.2)), ((-33.9, 151.2), (51.5, -0.1)), ((64.0, 179.5), (64.0, -179.5))):
        assert great_circle_km(*a, *b) == pytest.approx(great_circle(a, b).km, abs=0.001)


def test_a_point_is_no_distance_from_itself():
    assert great_circle_km(34.55, 38.27, 34.55, 38.27) == 0.0


def test_unit_vectors_put_neighbours_across_the_antimeridian_close():
    east, west, far = unit_vectors(numpy.array([0.0, 0.0, 0.0]), numpy.array([179.9, -179.9, 0.0]))
    chord_km = numpy.linalg.norm(east - west) * EARTH_RADIUS_KM
    assert chord_km == pytest.approx(great_circle_km(0.0, 179.9, 0.0, -179.9), rel=1e-3)
    assert numpy.linalg.norm(east - far) > 1.9


def test_unit_vectors_of_one_point_lie_on_the_unit_sphere():
    assert numpy.linalg.norm(unit_vectors(48.0, 37.8)) == pytest.approx(1.0)
