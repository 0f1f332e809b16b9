"""Choosing one gazetteer entry per mention, using the whole article.

Each candidate gets a score from a few evidence terms: its prominence (population,
country or region), the countries and regions the article names (and its demonyms),
explicit containment ("Tripoli, Lebanon", "Homs in central Syria"), and closeness to
the other places of the article (a local story's towns lie near each other). The
scores of a mention's candidates become probabilities; the best one is kept when it
is clearly best, otherwise the mention is left unmapped rather than guessed.

Two passes: the first places every mention on prominence and named countries alone,
the second adds closeness to where the first pass put the others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.records import (
    GEO_PRECISION_NEAR,
    GEO_PRECISION_REGION,
    GEO_PRECISION_TOWN,
    Mention,
    Place,
)

COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "PCL", "TERR"})
NEAR_WORDS = ("near", "outside", "outskirts of", "close to", "north of", "south of",
              "east of", "west of", "around")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts; tuned on the dev half of the corpora."""

    prominence: float = 1.0
    country: float = 1.2
    admin1: float = 1.0
    containment: float = 3.0
    proximity: float = 1.2
    proximity_km: float = 250.0
    preferred_name: float = 0.25
    fuzzy_penalty: float = 0.6
    variant_penalty: float = 0.3
    temperature: float = 0.25
    min_confidence: float = 0.55
    max_candidates: int = 40


DEFAULT_WEIGHTS = Weights()


class PlaceIndex(Protocol):
    """What resolution needs from the gazetteer."""

    def lookup(self, name: str) -> tuple[Entry, ...]: ...
    def lookup_variants(self, name: str) -> tuple[Entry, ...]: ...
    def fuzzy(self, name: str, *, limit: int = 5) -> tuple[tuple[Entry, float], ...]: ...
    def is_common_word(self, word: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Candidates:
    entries: tuple[Entry, ...]
    penalty: float  # subtracted from every candidate's score: found by fuzzy or variant match


@dataclass(slots=True)
class _Context:
    country_weight: Counter = field(default_factory=Counter)
    admin1: set = field(default_factory=set)
    anchors: dict = field(default_factory=dict)  # normalised name -> Entry (current best)


def resolve(text: str, mentions: Sequence[Mention], index: PlaceIndex, *,
            demonym_countries: Sequence[str] = (),
            spelled_as: Mapping[str, str] | None = None,
            overrides: Mapping[str, Entry] | None = None,
            weights: Weights = DEFAULT_WEIGHTS) -> tuple[Place, ...]:
    """One Place per mention that resolves with enough confidence, in text order."""
    spelled_as = spelled_as or {}
    overrides = overrides or {}
    names = {m: normalize(spelled_as.get(m.text, m.text)) for m in mentions}
    pools = {n: _candidates(text_for, index, weights)
             for n, text_for in {names[m]: spelled_as.get(m.text, m.text) for m in mentions}.items()}
    constraints = _containment(text, mentions, names, pools)
    context = _initial_context(mentions, names, pools, demonym_countries)
    choice: dict[str, tuple[Entry, float, tuple[Entry, ...]]] = {}
    for _ in range(2):
        for name, pool in pools.items():
            if pool.entries:
                choice[name] = _choose(name, pool, context, constraints.get(name), weights)
        context.anchors = {n: c[0] for n, c in choice.items() if not c[0].is_country}
    places = []
    for m in mentions:
        name = names[m]
        if name in overrides:
            places.append(Place(m, overrides[name], 1.0, _precision(text, m, overrides[name]), ()))
            continue
        if name not in choice:
            continue
        entry, confidence, ranked = choice[name]
        if confidence < weights.min_confidence:
            continue
        places.append(Place(m, entry, round(confidence, 3), _precision(text, m, entry), ranked[:5]))
    return tuple(places)


def _candidates(name: str, index: PlaceIndex, weights: Weights) -> _Candidates:
    entries = index.lookup(name)
    if entries:
        return _Candidates(entries[: weights.max_candidates], 0.0)
    entries = index.lookup_variants(name)
    if entries:
        return _Candidates(entries[: weights.max_candidates], weights.variant_penalty)
    fuzzy = index.fuzzy(name, limit=5)
    return _Candidates(tuple(e for e, _ in fuzzy), weights.fuzzy_penalty if fuzzy else 0.0)


def _is_country(entry: Entry) -> bool:
    return entry.feature_code in COUNTRY_CODES


def _initial_context(mentions: Sequence[Mention], names: Mapping[Mention, str],
                     pools: Mapping[str, _Candidates], demonyms: Sequence[str]) -> _Context:
    """Countries and regions the article names outright: its frame of reference."""
    context = _Context()
    for m in mentions:
        pool = pools[names[m]]
        if not pool.entries or pool.penalty:
            continue
        top = pool.entries[0]
        if _is_country(top):
            context.country_weight[top.country_code] += 1.0
        elif top.feature_code == "ADM1" and not any(_is_country(e) for e in pool.entries):
            context.country_weight[top.country_code] += 0.5
            context.admin1.add((top.country_code, top.admin1_code))
    for code in demonyms:
        context.country_weight[code] += 0.5
    return context


def _containment(text: str, mentions: Sequence[Mention], names: Mapping[Mention, str],
                 pools: Mapping[str, _Candidates]) -> dict[str, Entry]:
    """'Tripoli, Lebanon' and 'Homs in central Syria': the second names the first's container."""
    constraints: dict[str, Entry] = {}
    for first, second in zip(mentions, mentions[1:]):
        between = text[first.end: second.start].strip().lower()
        if between not in (",", "in", "in central", "in northern", "in southern", "in eastern",
                           "in western", "in north", "in south", "in east", "in west",
                           "in northeastern", "in northwestern", "in southeastern",
                           "in southwestern", "in the north of", "in the south of"):
            continue
        container = next((e for e in pools[names[second]].entries if e.is_area), None)
        if container is not None and names[first] != names[second]:
            constraints.setdefault(names[first], container)
    return constraints


def _inside(entry: Entry, container: Entry) -> bool:
    if entry.country_code != container.country_code:
        return False
    if _is_country(container):
        return True
    return entry.admin1_code == container.admin1_code


def _prominence(entry: Entry) -> float:
    if _is_country(entry):
        return 1.0
    if entry.feature_code == "ADM1":
        return 0.85
    if entry.feature_code == "ADM2":
        return 0.5 + 0.1 * min(1.0, math.log10(entry.population + 1) / 7)
    score = min(1.0, math.log10(entry.population + 1) / 7)
    if entry.feature_code == "PPLC":
        score += 0.1
    return score


def _proximity(entry: Entry, own_name: str, anchors: Mapping[str, Entry], km: float) -> float:
    nearest = min(
        (_km(entry, other) for name, other in anchors.items() if name != own_name),
        default=None,
    )
    return 0.0 if nearest is None else math.exp(-nearest / km)


def _km(a: Entry, b: Entry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _score(entry: Entry, rank: int, own_name: str, pool: _Candidates, context: _Context,
           container: Entry | None, weights: Weights) -> float:
    total_country = sum(context.country_weight.values())
    share = context.country_weight[entry.country_code] / total_country if total_country else 0.0
    score = weights.prominence * _prominence(entry) + weights.country * share - pool.penalty
    if (entry.country_code, entry.admin1_code) in context.admin1 and not entry.is_area:
        score += weights.admin1
    if container is not None and _inside(entry, container):
        score += weights.containment
    if normalize(entry.name) == own_name:
        score += weights.preferred_name
    score += weights.proximity * _proximity(entry, own_name, context.anchors, weights.proximity_km)
    return score - 0.01 * rank  # the gazetteer's own order breaks ties


def _choose(name: str, pool: _Candidates, context: _Context, container: Entry | None,
            weights: Weights) -> tuple[Entry, float, tuple[Entry, ...]]:
    scored = sorted(
        ((_score(e, rank, name, pool, context, container, weights), e)
         for rank, e in enumerate(pool.entries)),
        key=lambda pair: pair[0],
        reverse=True,
    )
    top = scored[0][0]
    mass = [math.exp((s - top) / weights.temperature) for s, _ in scored]
    confidence = mass[0] / sum(mass)
    return scored[0][1], confidence, tuple(e for _, e in scored)


def _precision(text: str, mention: Mention, entry: Entry) -> int:
    if entry.is_area:
        return GEO_PRECISION_REGION
    before = text[max(0, mention.start - 20): mention.start].lower()
    if any(before.rstrip().endswith(word) for word in NEAR_WORDS):
        return GEO_PRECISION_NEAR
    return GEO_PRECISION_TOWN
