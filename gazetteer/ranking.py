"""How prominent a place is under one of its names: the order ``lookup`` returns candidates in.

One number per (place, name), computed at build time:

    log10(population + 1)
    + FEATURE_BONUS[feature code]       countries first; a capital or region seat before a town
    + FAME_WEIGHT * log10(names + 1)    a place named in many languages is known worldwide
    + SUPPORT_WEIGHT * log2(support)    an exonym spelled alike in many languages (Palmyra,
                                        Palmira, Palmyre) is the place's real name, not a one-off
    - KIND_PENALTY[name kind]           preferred before official before alternate names

The weights are small on purpose: population decides between towns of the same
standing, and the penalties only break near-ties. A region counts the people of
its towns, so Texas (the state) outranks the two Mexican villages called Texas.
Macro-regions and seas have no population: their bonus alone puts them above any
town of the same name ("Levant", a village in Kansas); continents count their people.

A dotted abbreviation as written ("Ill.") ranks its place as an official name plus
``DOTTED_ABBREVIATION_BONUS``: the dots say which place is meant.
"""

from __future__ import annotations

import math

from gazetteer.assemble import NAME_ALTERNATE, NAME_OFFICIAL, NAME_PREFERRED
from gazetteer.entry import AREA_CLASSES
from gazetteer.sources import WORLD_AREA_ID_BASE

FEATURE_BONUS = {
    "PCLI": 2.0,
    "PPLC": 1.0,
    "PPLA": 0.5,
    "ADM1": 0.0,
    "PPL": 0.0,
    "ADM2": -0.5,
    "CONT": 2.0,
    "RGN": 9.0,
    "SEA": 9.0,
    "STRT": 9.0,
    "OCN": 9.0,
}
# Rivers, lakes, mountains, valleys and islands of gazetteer/data/physical_features.tsv rank like a
# city of a million people: above the towns that share a bare name (Andes, a Colombian town
# of 40,000), below a great city ("Dnieper", an old name of the city of Dnipro). Features of a user's GeoNames extract carry
# GeoNames' own codes with a population of 0 and get no bonus: they come after every town.
PHYSICAL_FEATURE_BONUS = 6.0
PHYSICAL_FEATURE_CODES = frozenset({"STM", "LK", "RSV", "MTS", "PLAT", "VAL", "PASS", "ISL", "ISLS", "PEN", "DSRT"})

KIND_PENALTY = {NAME_PREFERRED: 0.0, NAME_OFFICIAL: 0.25, NAME_ALTERNATE: 0.5}
FAME_WEIGHT = 1.0
SUPPORT_WEIGHT = 0.5
# A match only through a stripped article ("Paso" for "El Paso") counts a little less.
STRIPPED_MATCH_PENALTY = 0.3
DOTTED_ABBREVIATION_BONUS = 3.0


def feature_bonus(feature_code: str, geonameid: int = 0) -> float:
    if feature_code in PHYSICAL_FEATURE_CODES:
        return PHYSICAL_FEATURE_BONUS if geonameid >= WORLD_AREA_ID_BASE else 0.0
    return FEATURE_BONUS.get(feature_code, 0.0)


def prominence(feature_code: str, population: int, fame: int, geonameid: int = 0) -> float:
    return (
        math.log10(max(population, 0) + 1)
        + feature_bonus(feature_code, geonameid)
        + FAME_WEIGHT * math.log10(max(fame, 0) + 1)
    )


def name_rank(place_prominence: float, kind: int, support: int) -> float:
    return place_prominence + SUPPORT_WEIGHT * math.log2(max(support, 1)) - KIND_PENALTY.get(kind, 1.0)


# Fuzzy matching considers only names of fairly prominent places, grouped in buckets by
# first letter and length, so one query compares against a few thousand names, not all.
FUZZY_MIN_POPULATION = 1000
FUZZY_MIN_NAME_LENGTH = 3


def fuzzy_bucket_key(first_letter: str, length: int) -> str:
    return f"{first_letter}{length}"


def fuzzy_bucket(norm: str) -> str:
    return fuzzy_bucket_key(norm[:1], len(norm))


def is_fuzzy_candidate(
    feature_class: str, population: int, norm: str, geonameid: int = 0, feature_code: str = ""
) -> bool:
    """Countries, regions, continents, seas and the hand-written physical features whatever
    their population; towns of some size. A stream, hill or district of a user's extract
    is not: its name must be written as GeoNames has it."""
    shipped_area = feature_class in AREA_CLASSES or (feature_class == "T" and geonameid >= WORLD_AREA_ID_BASE)
    from_extract = geonameid < WORLD_AREA_ID_BASE and (
        feature_class in ("H", "T") or feature_code in ("ADM3", "ADM4", "ADM5", "ADMD")
    )
    return (population >= FUZZY_MIN_POPULATION or (shipped_area and not from_extract)) and len(
        norm
    ) >= FUZZY_MIN_NAME_LENGTH
