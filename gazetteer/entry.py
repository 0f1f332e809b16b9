"""One gazetteer record: a place with a point, as GeoNames describes it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# GeoNames feature classes of areas: administrative (A), regions and continents (L), water (H).
AREA_CLASSES = frozenset({"A", "L", "H"})
#: GeoNames feature codes of countries and territories that stand as one: independent
#: (PCLI), dependent (PCLD), freely associated (PCLF), semi-independent (PCLS), in
#: dispute (PCLIX), unspecified (PCL), and territories (TERR).
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"})


@dataclass(frozen=True, slots=True)
class Entry:
    """A place the gazetteer knows.

    ``feature_class``/``feature_code`` follow GeoNames: class ``P`` populated
    places (``PPL``, ``PPLA``, ``PPLC``...), class ``A`` areas (``PCLI`` for a
    country, ``ADM1`` first-level region, ``ADM2`` second-level region), class
    ``L`` continents (``CONT``) and macro-regions (``RGN``: the Middle East, the
    Sahel), class ``H`` seas (``SEA``), straits (``STRT``), rivers (``STM``) and
    lakes (``LK``), class ``T`` ranges, valleys and islands (``MTS``, ``VAL``,
    ``ISL``), class ``S`` spots such as border crossings (``PSTB``, from a user's
    GeoNames extract). Features shared by several countries have no country
    (``country_code`` ""). For an area, ``lat``/``lon`` is a point that
    stands for it, never its capital.
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str  # ISO 3166-1 alpha-2, "" when none applies
    feature_class: str
    feature_code: str
    population: int = 0
    admin1_code: str = ""
    admin1: str = ""  # the first-level region's name, "" when unknown

    @property
    def is_country(self) -> bool:
        return self.feature_code in COUNTRY_CODES

    @property
    def is_area(self) -> bool:
        """An area rather than a point: a country, region or county, a continent,
        macro-region or sea (classes A, L and H)."""
        return self.feature_class in AREA_CLASSES

    @property
    def __geo_interface__(self) -> dict:
        # GeoJSON orders coordinates [lon, lat].
        return {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [self.lon, self.lat]},
            "properties": {
                "geonameid": self.geonameid,
                "name": self.name,
                "country_code": self.country_code,
                "feature_class": self.feature_class,
                "feature_code": self.feature_code,
                "population": self.population,
                "admin1": self.admin1,
            },
        }


def first_per_id(items: Iterable[T], geonameid: Callable[[T], int]) -> list[T]:
    """The first item of each place id, in order (sources and lookups repeat places)."""
    seen: set[int] = set()
    kept = []
    for item in items:
        key = geonameid(item)
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
