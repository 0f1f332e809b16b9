"""Which city a report means by a country's capital on the day it was published.

GeoNames gives today's capitals; a report of 2000 that tells of "the Burundian capital" means
Bujumbura, not Gitega, and one of 1985 that tells of "the Nigerian capital" means Lagos. The
table ``tables/capitals.tsv`` lists the capitals that moved since 1900, with their days, and the
seats of government news calls the capital while the constitution names another city; every
other country's capital is the gazetteer's own (``Gazetteer.capital``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from gazetteer.entry import Entry

TABLE_RESOURCE = "tables/capitals.tsv"


@dataclass(frozen=True, slots=True)
class CapitalTerm:
    """``geonameid`` was ``country``'s capital from ``first`` (None: since before 1900) until
    the day before ``ended`` (None: still so today)."""

    country: str
    city: str
    geonameid: int
    first: date | None
    ended: date | None

    def holds_on(self, day: date | None) -> bool:
        """Whether the term covers ``day``; a story with no date is read as of today."""
        if day is None:
            return self.ended is None
        return (self.first is None or self.first <= day) and (self.ended is None or day < self.ended)


def parse_capital_terms(text: str) -> tuple[CapitalTerm, ...]:
    """The rows of a table in ``tables/capitals.tsv``'s format; raises ValueError on a bad row."""
    terms = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 5 or len(fields[0]) != 2:
            raise ValueError(f"capitals table line {number}: expected code, city, geonameid, first, ended")
        code, city, geonameid, first, ended = fields[:5]
        terms.append(
            CapitalTerm(
                code.upper(),
                city,
                int(geonameid),
                date.fromisoformat(first) if first else None,
                date.fromisoformat(ended) if ended else None,
            )
        )
    return tuple(terms)


@cache
def capital_terms() -> tuple[CapitalTerm, ...]:
    """The table shipped with the package, read once."""
    return parse_capital_terms(resources.files("geo.parse").joinpath(TABLE_RESOURCE).read_text(encoding="utf-8"))


def capital_on(
    gazetteer: Any, code: str, day: date | None, terms: tuple[CapitalTerm, ...] | None = None
) -> Entry | None:
    """``code``'s capital as a report published on ``day`` means it (None: today), from
    ``terms`` (default: the shipped table) or else the gazetteer's own."""
    for term in capital_terms() if terms is None else terms:
        if term.country == code.upper() and term.holds_on(day):
            entry = gazetteer.get(term.geonameid)
            if entry is not None:  # a gazetteer built without the city gives today's capital
                return entry
    return gazetteer.capital(code)
