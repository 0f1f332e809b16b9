"""A geopy geocoder backed by the offline gazetteer.

    from gazetteer.geocoder import OfflineGeocoder
    coder = OfflineGeocoder()
    coder.geocode("Palmyra")                    # Location('Tadmur, Homs, Syria', (34.56, 38.28))
    coder.geocode("Paris", country="US")        # Paris, Texas
    coder.geocode("Tripoli, Lebanon")           # the part after the comma narrows the search
    geopandas.tools.geocode(["Raqqa"], provider=coder)

It never touches the network: geopy's adapter is created but never used.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from gazetteer.database import Gazetteer, open_gazetteer
from gazetteer.entry import Entry, first_per_id
from gazetteer.errors import GazetteerQueryError


@dataclasses.dataclass(frozen=True, slots=True)
class Narrowing:
    """Where candidates must lie: a country, optionally one of its first-level regions."""

    country_code: str
    admin1_code: str = ""

    def admits(self, entry: Entry) -> bool:
        return entry.country_code == self.country_code and (
            not self.admin1_code or entry.admin1_code == self.admin1_code
        )


class OfflineGeocoder(Geocoder):
    """geopy ``Geocoder`` answering from the offline gazetteer (``raw`` is the Entry as a dict)."""

    def __init__(self, gazetteer: Gazetteer | None = None, *, path: Path | None = None, fuzzy: bool = True):
        super().__init__(user_agent="conflictmap")
        self._gazetteer = gazetteer
        self._path = path
        self._fuzzy = fuzzy

    def __call__(self, **kwargs) -> OfflineGeocoder:
        # geopandas.tools.geocode calls ``provider(**kwargs)``: an instance stands for itself.
        if kwargs:
            raise TypeError(f"OfflineGeocoder instance takes no options when called, got {sorted(kwargs)!r}")
        return self

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = open_gazetteer(self._path)
        return self._gazetteer

    # -- forward ------------------------------------------------------------------

    def geocode(
        self, query: str, *, exactly_one: bool = True, country: str | None = None, timeout: float | None = None
    ) -> Location | list[Location] | None:
        """Best place for ``query`` (or all candidates, best first); None when nothing matches.

        ``country`` is an ISO alpha-2 code or a country name. A query "Name, Qualifier"
        uses the qualifier (a country or a first-level region) the same way.
        """
        if not isinstance(query, str) or not query.strip():
            raise GazetteerQueryError(f"expected a place name to geocode, got {query!r}")
        name, _, qualifier = query.partition(",")
        narrowings = [n for n in (self._narrowing(country), self._narrowing(qualifier.strip() or None)) if n]
        if not name.strip():
            raise GazetteerQueryError(f"expected a place name before the comma, got {query!r}")
        candidates = [e for e in self._candidates(name.strip()) if all(n.admits(e) for n in narrowings)]
        if not candidates:
            return None
        locations = [self._location(entry) for entry in candidates]
        return locations[0] if exactly_one else locations

    def _candidates(self, name: str) -> tuple[Entry, ...]:
        g = self.gazetteer
        found = g.lookup(name) + g.lookup_variants(name)
        if self._fuzzy:
            found += tuple(entry for entry, _ in g.fuzzy(name, limit=10))
        return tuple(first_per_id(found, lambda entry: entry.geonameid))

    def _narrowing(self, text: str | None) -> Narrowing | None:
        if text is None:
            return None
        if not isinstance(text, str) or not text.strip():
            raise GazetteerQueryError(f"expected a country code or name, got {text!r}")
        text = text.strip()
        if country_is_code(text):
            return Narrowing(text.upper())
        for entry in self.gazetteer.lookup(text):
            if entry.is_country:
                return Narrowing(entry.country_code)
            if entry.feature_code == "ADM1":
                return Narrowing(entry.country_code, entry.admin1_code)
        raise GazetteerQueryError(f"expected a country or first-level region to narrow by, got {text!r}")

    def _location(self, entry: Entry) -> Location:
        parts = [entry.name]
        if entry.admin1 and entry.admin1 != entry.name:
            parts.append(entry.admin1)
        if not entry.is_country and entry.country_code:
            own_country = self.gazetteer.country(entry.country_code)
            parts.append(own_country.name if own_country else entry.country_code)
        return Location(", ".join(parts), Point(entry.lat, entry.lon), dataclasses.asdict(entry))

    # -- reverse ------------------------------------------------------------------

    def reverse(
        self, query, *, exactly_one: bool = True, timeout: float | None = None
    ) -> Location | list[Location] | None:
        """The nearest populated place to ``query`` ("lat, lon", a (lat, lon) pair or a geopy Point)."""
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (TypeError, ValueError) as err:
            raise GazetteerQueryError(f"expected coordinates as (lat, lon), got {query!r}") from err
        entry = self.gazetteer.reverse(point.latitude, point.longitude)
        if entry is None:
            return None
        location = self._location(entry)
        return location if exactly_one else [location]


def country_is_code(text: str) -> bool:
    """ "us", "Sy": two letters given as a code rather than a name (no country is named so)."""
    return len(text) == 2 and text.isalpha()
