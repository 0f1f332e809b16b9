"""Distances and directions on the globe, for every layer that measures them.

One sphere for all: the mean earth radius (IUGG), the one geopy's ``great_circle``
uses, so the resolver, the evaluation's acc@161 and the gazetteer build agree on
what "160 km away" means.
"""

from __future__ import annotations

import math
from typing import Any

#: Mean earth radius (IUGG) in km.
EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees (haversine).

    Plain floats rather than geopy's ``great_circle``: the resolver measures every
    candidate against every other place of an article, and geopy's point parsing
    costs several times the arithmetic (``bench/bench_geodesy.py``).
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi, half_dlambda = (phi2 - phi1) / 2, math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def unit_vectors(lats_deg: Any, lons_deg: Any) -> Any:
    """Points on the unit sphere (x, y, z on the last axis) for latitudes and longitudes
    in degrees, floats or numpy arrays: nearest by chord is nearest on the globe, across
    the antimeridian too, so a k-d tree over them finds nearest places."""
    import numpy

    phi, lam = numpy.radians(lats_deg), numpy.radians(lons_deg)
    return numpy.stack([numpy.cos(phi) * numpy.cos(lam), numpy.cos(phi) * numpy.sin(lam), numpy.sin(phi)], axis=-1)
