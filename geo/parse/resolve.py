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

from rapidfuzz.distance import Indel

from gazetteer.entry import Entry
from gazetteer.normalize import normalize, strip_articles
from geo.records import (
    GEO_PRECISION_NEAR,
    GEO_PRECISION_REGION,
    GEO_PRECISION_TOWN,
    Mention,
    Place,
)

#: Divides the gazetteer's match score (log10 population + bonuses) into a 0..~1.5 prior.
PRIOR_SCALE = 8.0
#: Below this, a town that shares a country's or region's name yields to the area.
SMALL_TOWN_POPULATION = 100_000
COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "PCL", "TERR"})
#: An anchor farther than this many ``proximity_km`` from a place gives it no support.
UNSUPPORTED_DISTANCE_SCALE = 2.0
#: Candidates this close to the best one mark the same spot on a map; their share of the
#: belief counts for it.
SAME_SPOT_KM = 40.0
NEAR_WORDS = ("near", "outside", "outskirts of", "close to", "north of", "south of", "east of", "west of", "around")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts; tuned on the dev half of the corpora."""

    prominence: float = 1.0
    country: float = 1.2
    admin1: float = 1.0
    containment: float = 3.0
    proximity: float = 1.2
    proximity_km: float = 250.0
    fuzzy_penalty: float = 0.6
    variant_penalty: float = 0.3
    variant_similarity: float = 0.9
    fuzzy_similarity: float = 0.85
    fuzzy_min_population: int = 5_000
    temperature: float = 0.2
    #: Map a place only when the best reading is likelier than all others together.
    min_confidence: float = 0.5
    max_candidates: int = 40
    passes: int = 3
    region_seat: float = 0.4
    area_namesake_penalty: float = 0.5
    #: The score of "a place the gazetteer does not list" (0: never considered). In an
    #: article whose other places point elsewhere (``_unsupported``), a lone namesake
    #: that only its fame supports ("Solhan" in Turkey for a story from Burkina Faso)
    #: scores below it unless famous, and is left unmapped.
    unlisted: float = 0.6
    #: Country votes the rest of the article must cast before ``unlisted`` applies: a
    #: story that names one place only gives no reason to doubt it.
    context_for_unlisted: float = 1.0


DEFAULT_WEIGHTS = Weights()


def weights_from(values: Mapping[str, float]) -> Weights:
    """``Weights`` with the fields ``values`` names (a trained model's), the rest default."""
    chosen = {}
    for name in Weights.__dataclass_fields__:
        if name in values:
            default = getattr(DEFAULT_WEIGHTS, name)
            chosen[name] = int(round(values[name])) if isinstance(default, int) else float(values[name])
    return Weights(**chosen)


#: ``NameMatch.name_kind``: which of a place's names matched.
PREFERRED_NAME, ALTERNATE_NAME = 0, 2


class PlaceIndex(Protocol):
    """What resolution needs from the gazetteer."""

    def matches(self, name: str) -> tuple: ...  # NameMatch(entry, name_kind, score, exact), best first

    def lookup(self, name: str) -> tuple[Entry, ...]: ...
    def lookup_variants(self, name: str) -> tuple[Entry, ...]: ...
    def fuzzy(self, name: str, *, limit: int = 5) -> tuple[tuple[Entry, float], ...]: ...
    def is_common_word(self, word: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Candidates:
    entries: tuple[Entry, ...]
    priors: tuple[float, ...]  # prominence of each entry under this name, 0..~1.5
    penalty: float  # subtracted from every candidate's score: found by fuzzy or variant match


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of the article says about where it is, seen from one mention."""

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[tuple[str, str], float] = field(default_factory=dict)
    anchors: Mapping[str, tuple[Entry, float]] = field(default_factory=dict)  # name -> (entry, weight)
    by_name: Mapping[str, tuple[Counter, Counter]] = field(default_factory=dict)

    def without(self, name: str) -> _Context:
        """The context minus the mention's own contribution (it must not vote for itself)."""
        own = self.by_name.get(name)
        if own is None:
            return self
        countries = Counter(self.countries)
        countries.subtract(own[0])
        admin1 = Counter(self.admin1)
        admin1.subtract(own[1])
        anchors = {n: a for n, a in self.anchors.items() if n != name}
        return _Context(countries, admin1, anchors, {})


def resolve(
    text: str,
    mentions: Sequence[Mention],
    index: PlaceIndex,
    *,
    demonym_countries: Sequence[str] = (),
    resolve_as: Mapping[str, str] | None = None,
    overrides: Mapping[str, Entry] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> tuple[Place, ...]:
    """One Place per mention that resolves with enough confidence, in text order.

    ``resolve_as`` maps a mention's text to the name to resolve it by: the article's
    name it misspells ("Palmrya" -> "Palmyra") or its fuller form ("Washington" ->
    "Washington state").
    """
    resolve_as = resolve_as or {}
    overrides = overrides or {}
    names = {m: normalize(resolve_as.get(m.text, m.text)) for m in mentions}
    pools = {
        n: _candidates(text_for, index, weights)
        for n, text_for in {names[m]: resolve_as.get(m.text, m.text) for m in mentions}.items()
    }
    constraints = _containment(text, mentions, names, pools)
    context = _initial_context(mentions, names, pools, demonym_countries)
    choice: dict[str, tuple[Entry, float, tuple[Entry, ...]]] = {}
    for _ in range(weights.passes):
        choice = {}
        for name, pool in pools.items():
            others = context.without(name)
            pool = within_article_countries(pool, others, constraints.get(name))
            if pool.entries:
                choice[name] = _choose(pool, others, constraints.get(name), weights)
        context = _context_from(choice, mentions, names, demonym_countries)
    places = []
    for m in mentions:
        name = names[m]
        if name in overrides:
            places.append(Place(m, overrides[name], 1.0, _precision(text, m, overrides[name]), ()))
            continue
        if name not in choice:
            continue
        entry, confidence, ranked = choice[name]
        if confidence <= weights.min_confidence:
            continue
        places.append(Place(m, entry, round(confidence, 3), _precision(text, m, entry), ranked[:5]))
    return tuple(places)


def _candidates(name: str, index: PlaceIndex, weights: Weights) -> _Candidates:
    matches = index.matches(name)[: weights.max_candidates]
    names_an_area = any(m.name_kind == PREFERRED_NAME and _is_country_or_region(m.entry) for m in matches)
    if names_an_area:
        # A country's or region's own name means that area: "Mexico" is not Mexico
        # City, nor "Nebraska" a Virginia town, that merely list it as alternate names.
        matches = tuple(m for m in matches if m.name_kind != ALTERNATE_NAME)
    if matches:
        # The gazetteer's own ranking knows fame (names in many languages) and which
        # of a place's names this is; it is on a log10-population scale. A small town
        # named after a state or country ("Oregon, Ohio") must be pointed at
        # ("Oregon, Ohio"; containment) to win over the area.
        return _Candidates(
            tuple(m.entry for m in matches),
            tuple(
                m.score / PRIOR_SCALE
                - (weights.area_namesake_penalty if names_an_area and _is_small_town(m.entry) else 0.0)
                for m in matches
            ),
            0.0,
        )
    # Looser matches only when the spelling stays close to the candidate's own
    # name: a transliteration key alone joins "Minnesota" and "Miyashita".
    key = strip_articles(normalize(name))
    entries = tuple(e for e in index.lookup_variants(name) if _similar(key, e.name) >= weights.variant_similarity)[
        : weights.max_candidates
    ]
    if entries:
        return _Candidates(entries, tuple(map(_prominence, entries)), weights.variant_penalty)
    fuzzy = tuple(
        e
        for e, score in index.fuzzy(name, limit=5)
        if score >= weights.fuzzy_similarity and e.population >= weights.fuzzy_min_population
    )
    return _Candidates(fuzzy, tuple(map(_prominence, fuzzy)), weights.fuzzy_penalty if fuzzy else 0.0)


def within_article_countries(
    pool: _Candidates, context: _Context, container: tuple[Entry, float] | None = None
) -> _Candidates:
    """Near misses and villages stay where the article gives a reason for them.

    A separate rule, not a weight: a candidate found by fuzzy or transliteration-variant
    matching (``pool.penalty`` > 0), and a place GeoNames gives no population (a village
    beyond cities500, a border crossing), is kept only when its country is one the article
    names (or whose demonym it uses) or where its other places lie. A village that shares
    its name with a known place (a town with people, a region) must be pointed at more
    closely: its region named or holding another of the article's places, an explicit
    container ("Bradford, Ontario"), or its country named while no namesake's country is.
    Countries and areas of no one country (seas, macro-regions) are kept, and so is every
    other exact-name candidate. So a name the gazetteer lacks stays unresolved instead of
    snapping to a similar name abroad, and a surname some village abroad bears stays a
    surname.
    """
    minor = [_is_minor_place(e) for e in pool.entries]
    if not pool.penalty and not any(minor):
        return pool
    named = {code for code, weight in context.countries.items() if weight > 0}
    regions = {key for key, weight in context.admin1.items() if weight > 0}
    # Countries of the known places (towns with people, regions) that share the name.
    namesakes = {e.country_code for e, is_minor in zip(pool.entries, minor) if not is_minor}

    def kept(entry: Entry, is_minor: bool) -> bool:
        if not entry.country_code or _is_country(entry):
            return True  # a misspelt country's name is itself the reason ("Mauritious")
        if is_minor and namesakes and not pool.penalty:
            return (
                (entry.country_code, entry.admin1_code) in regions
                or (container is not None and _inside(entry, container[0]))
                or (entry.country_code in named and not namesakes & named)
            )
        return not (pool.penalty or is_minor) or entry.country_code in named

    indexes = [i for i, e in enumerate(pool.entries) if kept(e, minor[i])]
    if len(indexes) == len(pool.entries):
        return pool
    return _Candidates(tuple(pool.entries[i] for i in indexes), tuple(pool.priors[i] for i in indexes), pool.penalty)


def _is_minor_place(entry: Entry) -> bool:
    """A populated place or spot GeoNames counts no people in: a village, a crossing."""
    return entry.population == 0 and entry.feature_class in ("P", "S")


def _is_country_or_region(entry: Entry) -> bool:
    return _is_country(entry) or entry.feature_code == "ADM1"


def _is_small_town(entry: Entry) -> bool:
    return (
        entry.feature_class == "P"
        and entry.feature_code not in ("PPLC", "PPLA")
        and (entry.population < SMALL_TOWN_POPULATION)
    )


def _similar(key: str, name: str) -> float:
    return Indel.normalized_similarity(key, strip_articles(normalize(name)))


def _is_country(entry: Entry) -> bool:
    return entry.feature_code in COUNTRY_CODES


def _initial_context(
    mentions: Sequence[Mention], names: Mapping[Mention, str], pools: Mapping[str, _Candidates], demonyms: Sequence[str]
) -> _Context:
    """The first pass sees only what is unambiguous: names whose candidates all lie
    in one country (Syria, Damascus in most stories), and the demonyms."""
    choice = {}
    for name, pool in pools.items():
        if pool.entries and not pool.penalty and len({e.country_code for e in pool.entries}) == 1:
            choice[name] = (pool.entries[0], 1.0, pool.entries)
    context = _context_from(choice, mentions, names, demonyms)
    return _Context(context.countries, context.admin1, {}, context.by_name)


#: How strongly a chosen place speaks for its country and region.
COUNTRY_VOTE = {"country": 1.0, "ADM1": 0.8, "ADM2": 0.7, "place": 0.6}


def _context_from(
    choice: Mapping[str, tuple[Entry, float, tuple[Entry, ...]]],
    mentions: Sequence[Mention],
    names: Mapping[Mention, str],
    demonyms: Sequence[str],
) -> _Context:
    occurrences = Counter(names[m] for m in mentions)
    countries: Counter = Counter()
    admin1: Counter = Counter()
    by_name: dict[str, tuple[Counter, Counter]] = {}
    anchors: dict[str, tuple[Entry, float]] = {}
    for name, (entry, confidence, _) in choice.items():
        if not entry.country_code:
            continue  # continents, world regions and seas say nothing of where the story is
        kind = (
            "country"
            if _is_country(entry)
            else entry.feature_code
            if entry.feature_code in ("ADM1", "ADM2")
            else "place"
        )
        weight = confidence * COUNTRY_VOTE[kind] * (1 + math.log(occurrences[name] or 1))
        own_countries = Counter({entry.country_code: weight})
        own_admin1 = (
            Counter({(entry.country_code, entry.admin1_code): weight})
            if entry.admin1_code and kind != "country"
            else Counter()
        )
        countries.update(own_countries)
        admin1.update(own_admin1)
        by_name[name] = (own_countries, own_admin1)
        if kind != "country":
            anchors[name] = (entry, confidence)
    for code in demonyms:
        countries[code] += 0.5
    return _Context(countries, admin1, anchors, by_name)


#: Words between a place and an area after it that make the area its container:
#: "Tripoli, Lebanon", "Homs in central Syria", "a town in the province of Idlib".
ADJACENT_CONTAINERS = frozenset(
    {
        ",",
        "in",
        "in central",
        "in northern",
        "in southern",
        "in eastern",
        "in western",
        "in north",
        "in south",
        "in east",
        "in west",
        "in northeastern",
        "in northwestern",
        "in southeastern",
        "in southwestern",
        "in the north of",
        "in the south of",
    }
)
#: Farthest a container may stand after the place, in the same sentence, when the
#: words between are looser ("Santa Cruz is a municipality ... of Zambales, Philippines").
LOOSE_CONTAINER_CHARS = 160
LOOSE_CONTAINER_WORDS = (" in ", " of ", ", ")
#: ...and only when the words between describe the place ("is a town", "located in").
DESCRIBING_WORDS = (
    " is a ",
    " is an ",
    " was a ",
    " located ",
    " situated ",
    " lies ",
    "a town",
    "a city",
    "a village",
    "municipality",
    "community",
    "suburb",
    "county seat",
    "capital of",
    "district of",
    "province of",
)


def _containment(
    text: str, mentions: Sequence[Mention], names: Mapping[Mention, str], pools: Mapping[str, _Candidates]
) -> dict[str, tuple[Entry, float]]:
    """Areas that contain a mention, each with how sure the wording makes it (1 or 0.5).

    The occurrence that first says where a name is decides for the whole article:
    "Windsor is a town west of Sydney, New South Wales" is not undone by a later
    "(named after Windsor in England)".
    """
    constraints: dict[str, tuple[Entry, float]] = {}
    decided_at: dict[str, int] = {}
    for i, first in enumerate(mentions):
        if decided_at.get(names[first], first.start) != first.start:
            continue
        for second in mentions[i + 1 :]:
            if second.sentence != first.sentence or second.start - first.end > LOOSE_CONTAINER_CHARS:
                break
            if names[first] == names[second]:
                continue
            container = next((e for e in pools[names[second]].entries if e.is_area), None)
            if container is None:
                continue
            between = text[first.end : second.start]
            if " ".join(between.lower().split()) in ADJACENT_CONTAINERS:
                strength = 1.0
            elif any(w in between for w in LOOSE_CONTAINER_WORDS) and any(
                w in between.lower() for w in DESCRIBING_WORDS
            ):
                strength = 0.5
            else:
                continue
            if strength > constraints.get(names[first], (None, 0.0))[1]:
                constraints[names[first]] = (container, strength)
                decided_at[names[first]] = first.start
    return constraints


def _inside(entry: Entry, container: Entry) -> bool:
    """Does the area ``container`` hold ``entry``? Only countries and first-level regions
    hold anything here; a town holds nothing."""
    if not container.is_area or entry.country_code != container.country_code or not entry.country_code:
        return False
    if _is_country(container):
        return not _is_country(entry)
    return (
        container.feature_code == "ADM1"
        and entry.admin1_code == container.admin1_code
        and entry.geonameid != container.geonameid
    )


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


def _proximity(entry: Entry, anchors: Mapping[str, tuple[Entry, float]], km: float) -> float:
    """Closeness to the article's other places: exp(-distance / km) to the nearest, by
    confidence. An area is as close as the nearest place inside it (zero distance), so
    that towns named beside "Mexico" speak for the country, not for Mexico City."""
    return max(
        (
            weight
            * (1.0 if _inside(other, entry) or _sibling_regions(entry, other) else math.exp(-_km(entry, other) / km))
            for other, weight in anchors.values()
        ),
        default=0.0,
    )


def _sibling_regions(entry: Entry, other: Entry) -> bool:
    """Two first-level regions of one country: 'California, Oregon and Nevada' are
    neighbours in the text however far apart their points lie."""
    return entry.feature_code == other.feature_code == "ADM1" and entry.country_code == other.country_code


def _km(a: Entry, b: Entry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _share(votes: Mapping, key) -> float:
    total = sum(v for v in votes.values() if v > 0)
    return max(0.0, votes.get(key, 0.0)) / total if total > 1e-9 else 0.0


def _score(
    entry: Entry,
    rank: int,
    pool: _Candidates,
    context: _Context,
    container: tuple[Entry, float] | None,
    weights: Weights,
) -> float:
    score = weights.prominence * pool.priors[rank] - pool.penalty
    score += weights.country * _share(context.countries, entry.country_code)
    if not _is_country(entry):
        score += weights.admin1 * _share(context.admin1, (entry.country_code, entry.admin1_code))
    if container is not None and _inside(entry, container[0]):
        score += weights.containment * container[1]
    score += weights.proximity * _proximity(entry, context.anchors, weights.proximity_km)
    return score


def _region_seats(entries: Sequence[Entry]) -> set[int]:
    """Towns that share their name with a region they lie in (Raqqa, Geneva, Moscow):
    news means the town."""
    regions = {(e.country_code, e.admin1_code) for e in entries if e.feature_code == "ADM1"}
    return {e.geonameid for e in entries if not e.is_area and (e.country_code, e.admin1_code) in regions}


def _choose(
    pool: _Candidates, context: _Context, container: tuple[Entry, float] | None, weights: Weights
) -> tuple[Entry, float, tuple[Entry, ...]]:
    seats = _region_seats(pool.entries)
    ranked = sorted(
        (
            (
                _score(e, rank, pool, context, container, weights)
                + (weights.region_seat if e.geonameid in seats else 0.0),
                rank,
                e,
            )
            for rank, e in enumerate(pool.entries)
        ),
        key=lambda item: (-item[0], item[1]),  # the gazetteer's own order breaks ties
    )
    scored = [(score, e) for score, _, e in ranked]
    top = scored[0][1]
    unlisted = weights.unlisted if weights.unlisted and _unsupported(top, context, weights) else None
    return top, _confidence(scored, weights.temperature, unlisted), tuple(e for _, e in scored)


def _unsupported(entry: Entry, context: _Context, weights: Weights) -> bool:
    """A place, not a country, in an article whose other places point elsewhere: none in
    its country (nor a demonym of it), none near it."""
    if not entry.country_code or _is_country(entry):
        return False  # countries are all listed, and so are continents and seas
    if sum(v for v in context.countries.values() if v > 0) < weights.context_for_unlisted:
        return False  # a story that names no other place gives no reason to doubt it
    if _share(context.countries, entry.country_code) > 0:
        return False
    return _proximity(entry, context.anchors, weights.proximity_km) < math.exp(-UNSUPPORTED_DISTANCE_SCALE)


def _confidence(scored: Sequence[tuple[float, Entry]], temperature: float, unlisted: float | None = None) -> float:
    """P(country) * P(candidate, or one within ``SAME_SPOT_KM`` of it | country), each a
    softmax over scores.

    Across countries only each country's best candidate counts, so that a crowd of
    small namesakes in one country (a dozen Palmyras in the United States) does not
    outweigh one well-supported candidate elsewhere. ``unlisted``, when given, is the
    score of one more reading across countries: a place the gazetteer lacks.
    """
    top_score, top = scored[0]
    best_by_country: dict[str, float] = {}
    for score, entry in scored:
        best_by_country.setdefault(entry.country_code, score)
    across = sum(math.exp((s - top_score) / temperature) for s in best_by_country.values())
    if unlisted is not None:
        across += math.exp((unlisted - top_score) / temperature)
    in_country = [(math.exp((s - top_score) / temperature), e) for s, e in scored if e.country_code == top.country_code]
    within = sum(weight for weight, _ in in_country)
    # Readings that put the mark where the best one does are not a doubt about where it
    # is: Moscow the city and the region named after it, Kyiv's city and its region.
    same_spot = sum(weight for weight, e in in_country if e is top or _km(e, top) <= SAME_SPOT_KM)
    return same_spot / (across * within)


def _precision(text: str, mention: Mention, entry: Entry) -> int:
    if entry.is_area:
        return GEO_PRECISION_REGION
    before = text[max(0, mention.start - 20) : mention.start].lower()
    if any(before.rstrip().endswith(word) for word in NEAR_WORDS):
        return GEO_PRECISION_NEAR
    return GEO_PRECISION_TOWN
