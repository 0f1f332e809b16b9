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

import dataclasses
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from gazetteer.entry import Entry
from gazetteer.geodesy import great_circle_km
from gazetteer.normalize import normalize
from geo.parse.areapoint import is_movable, is_story_place, moved_point, point_by
from geo.parse.listing import joins_a_list, listed_beside_countries, listed_together
from geo.parse.readingcues import (
    NameCues,
    kind_of,
    learned_term,
    most_populous_town,
    name_cues,
    reading_features,
)
from geo.parse.roles import is_named_as_actor
from geo.parse.variants import (
    SpellingCandidate,
    area_word_before,
    area_word_bonus,
    base_name,
    continues_with_a_particle,
    head_word_reading,
    is_spot,
    names_a_spot,
    names_terrain,
    near_the_article,
    spelling_variants,
    split_head_word,
    with_area_word,
    with_name_around,
    with_river_word,
)
from geo.parse.whereabouts import NEAR_TOWN_KM, classes_of_named_kind, introduced_as_settlement
from geo.records import (
    GEO_PRECISION_NEAR,
    GEO_PRECISION_REGION,
    GEO_PRECISION_TOWN,
    Mention,
    Place,
)

if TYPE_CHECKING:
    from gazetteer.database import NameMatch, VariantMatch

#: Divides the gazetteer's match score (log10 population + bonuses) into a 0..~1.5 prior.
PRIOR_SCALE = 8.0
#: Below this, a town that shares a country's or region's name yields to the area.
SMALL_TOWN_POPULATION = 100_000
#: The scale of the closeness by which the abstention judges a reading's support from the
#: story's other places (``_unsupported``, ``Choice.closeness``), apart from
#: ``Weights.proximity_km``, how steeply nearness pulls one reading ahead of another:
#: a learned abstention weighs a closeness whose meaning must not change when that does.
SUPPORT_SCALE_KM = 250.0
#: An anchor farther than this many ``SUPPORT_SCALE_KM`` from a place gives it no support.
UNSUPPORTED_DISTANCE_SCALE = 2.0
#: Candidates this close to the best one mark the same spot on a map; their share of the
#: belief counts for it.
SAME_SPOT_KM = 40.0
#: A country with more than this share of an article's country votes is the story's own.
HOME_SHARE = 0.5
#: How surely the text's introduction of a name as a village or town ("the town of X",
#: "X, a small town") puts it among the story's own places, as a container would: as
#: surely as a container a loose description gives ("X is a town in Y"; ``_containment``).
INTRODUCTION_STRENGTH = 0.5
NEAR_WORDS = ("near", "outside", "outskirts of", "close to", "north of", "south of", "east of", "west of", "around")


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts; tuned on the dev half of the corpora."""

    prominence: float = 1.0
    country: float = 1.2
    admin1: float = 1.0
    containment: float = 3.0
    proximity: float = 1.2
    proximity_km: float = 100.0
    fuzzy_penalty: float = 0.6
    variant_penalty: float = 0.3
    fuzzy_similarity: float = 0.85
    fuzzy_min_population: int = 5_000
    temperature: float = 0.2
    #: Map a place only when the best reading is likelier than all others together.
    min_confidence: float = 0.5
    max_candidates: int = 40
    passes: int = 3
    region_seat: float = 0.4
    area_namesake_penalty: float = 0.5
    #: Taken off a candidate that only an alternate name matches (another language's, a
    #: former one) when a capital (a country's or a first-level region's) bears the name as
    #: its own: news means the seat more often than a village an old record or a
    #: translation gives its name to, however near the story's other places it lies.
    #: 0: no difference. Chosen on the dev halves by ``scripts/train_geoparser.py``.
    alternate_name: float = 0.0
    #: The score of "a place the gazetteer does not list" (0: never considered). In an
    #: article whose other places point elsewhere (``_unsupported``), a lone namesake
    #: that only its fame supports ("Solhan" in Turkey for a story from Burkina Faso)
    #: scores below it unless famous, and is left unmapped.
    unlisted: float = 0.6
    #: The share of a vote a place casts for its country and as an anchor when every
    #: mention of it names an actor ("Russia said", "Iran-backed", "urged Kyiv"): a
    #: government's country says who acted, not where the story is.
    actor_vote: float = 0.25
    #: The vote a demonym ("Syrian forces", "the Malian army") casts for its country, in
    #: mentions of a place. Chosen on the dev halves by ``scripts/train_geoparser.py``.
    demonym: float = 0.5
    #: Added to a national capital's reading of a name by the share of the name's mentions
    #: that name a government, army or backer ("Washington said", "urged London";
    #: ``geo.parse.roles.is_named_as_actor``): a place named for its government is a seat of
    #: one, not a state, province or small town of its name. Chosen on the dev halves by
    #: ``scripts/train_geoparser.py``; 0: no difference.
    actor_capital: float = 0.0
    #: How surely a demonym that qualifies a name ("the Malian town of X") puts it in its
    #: country, as a container (1: as surely as "X, Mali"; 0: not at all). Chosen on
    #: the dev halves by ``scripts/train_geoparser.py``.
    demonym_container: float = 0.0
    #: Country votes the rest of the article must cast before ``unlisted`` applies: a
    #: story that names one place only gives no reason to doubt it.
    context_for_unlisted: float = 1.0
    #: Added to a country's reading of a name by the share of the name's mentions written
    #: as an item of a list beside another country ("Chad and Niger", "the United States
    #: and Canada"; ``geo.parse.listing``): the items of a list are of one kind, so a
    #: region or a village sharing the country's name yields to it.
    listed_country: float = 0.0
    #: A story told inside one city (``_far_from_the_story``): its most named town, named
    #: ``focus_votes`` times or more, with every other town of ``lone_population`` people or
    #: more (capitals aside) within ``lone_km`` of it. A smaller town farther than ``lone_km``
    #: that nothing else in the story puts there is likelier a quarter the gazetteer lacks
    #: than its namesake, and is left unmapped. ``lone_population`` 0: never.
    lone_population: float = 0.0
    lone_km: float = 300.0
    focus_votes: float = 3.0
    #: A river (``geo.parse.areapoint``) is placed at the part of its extent by the town named
    #: nearest it in its sentence, of those within this many km of its extent, not at its
    #: label; 0: always at its label.
    extent_reach_km: float = 50.0
    #: A learned abstention for a town's reading (``doubt_features``): the log-odds that
    #: it is right, from its confidence, its population (log10 / 7), whether the article
    #: gives no reason for it (``_unsupported``) and by how much it then leads "a place the
    #: gazetteer does not list", the share of the article's country votes its country has,
    #: and its closeness to the article's other places (confidence and population weigh
    #: apart for an unsupported reading, whose doubt they decide); below 0 the name stays
    #: unmapped. All 0: nothing is doubted. Fitted on the
    #: dev halves by ``scripts/train_geoparser.py``.
    doubt_bias: float = 0.0
    doubt_confidence: float = 0.0
    doubt_population: float = 0.0
    doubt_margin: float = 0.0
    doubt_unsupported: float = 0.0
    doubt_country_share: float = 0.0
    doubt_closeness: float = 0.0
    doubt_unsupported_confidence: float = 0.0
    doubt_unsupported_population: float = 0.0
    #: Learned weights of the words around a name crossed with the kind of each candidate,
    #: and of a candidate's fame beside its namesakes (``geo.parse.readingcues``), in score
    #: units; empty: no learned reading. Fitted on the dev halves by ``scripts/train_geoparser.py``.
    reading: Mapping[str, float] = field(default_factory=dict)


DEFAULT_WEIGHTS = Weights()


def weights_from(values: Mapping[str, float], reading: Mapping[str, float] | None = None) -> Weights:
    """``Weights`` with the fields ``values`` names (a trained model's), the rest default,
    and the learned reading weights ``reading``."""
    chosen: dict[str, Any] = {}
    for name in Weights.__dataclass_fields__:
        if name in values and name != "reading":
            default = getattr(DEFAULT_WEIGHTS, name)
            chosen[name] = int(round(values[name])) if isinstance(default, int) else float(values[name])
    return Weights(**chosen, reading=dict(reading or {}))


#: ``NameMatch.name_kind``: which of a place's names matched.
PREFERRED_NAME, ALTERNATE_NAME = 0, 2


class PlaceIndex(Protocol):
    """What resolution needs from the gazetteer."""

    def matches(self, name: str) -> tuple[NameMatch, ...]: ...  # best first

    def lookup(self, name: str) -> tuple[Entry, ...]: ...
    def variants(self, name: str) -> tuple[VariantMatch, ...]: ...  # best first
    def fuzzy(self, name: str, *, limit: int = 5) -> tuple[tuple[Entry, float], ...]: ...
    def is_common_word(self, word: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class _Candidate:
    entry: Entry
    prior: float  # its prominence under this name, 0..~1.5
    #: matched by none of its own names, only by an alternate one (another language's, a
    #: former one): "Bakara" is a French town's alternate name as well as a Mogadishu market
    by_alternate_name: bool = False
    #: found under another spelling (``geo.parse.variants``): how close (1.0 the same form)
    spelling_similarity: float = 1.0


@dataclass(frozen=True, slots=True)
class _Candidates:
    """The entries a name may stand for, in the gazetteer's order."""

    candidates: tuple[_Candidate, ...]
    penalty: float  # subtracted from every candidate's score: found by fuzzy or variant match
    #: found by another spelling or a head word (``geo.parse.variants``): kept only near
    #: the article's other places as well
    loose: bool = False

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(c.entry for c in self.candidates)


def _without(pool: _Candidates, ruled_out: Callable[[Entry], bool]) -> _Candidates:
    """The pool less the candidates the words around the name rule out."""
    return dataclasses.replace(pool, candidates=tuple(c for c in pool.candidates if not ruled_out(c.entry)))


def _by_prominence(entries: Sequence[Entry], penalty: float) -> _Candidates:
    """Candidates found by looser matching, each weighed by its prominence alone."""
    return _Candidates(tuple(_Candidate(e, _prominence(e)) for e in entries), penalty)


def _by_spelling(spelt: Sequence[SpellingCandidate], penalty: float) -> _Candidates:
    """Candidates found under another spelling: prominence less the spelling's distance."""
    return _Candidates(
        tuple(_Candidate(s.entry, _prominence(s.entry) - s.cost, spelling_similarity=s.similarity) for s in spelt),
        penalty,
        loose=True,
    )


@dataclass(frozen=True, slots=True)
class Choice:
    """The reading of one name: the entry kept, how sure, and every candidate best first."""

    entry: Entry
    confidence: float
    ranked: tuple[Entry, ...]
    #: the article gives no reason for it (``_unsupported``): how far its score leads
    #: "a place the gazetteer does not list"; None when it has support
    unlisted_margin: float | None = None
    #: the share of the rest of the article's country votes its country has (0..1)
    country_share: float = 0.0
    #: its closeness to the rest of the article's places (``_proximity``, 0..1)
    closeness: float = 0.0


@dataclass(frozen=True, slots=True)
class _Container:
    """An area the wording puts a name in ("Tripoli, Lebanon"), and how surely (1 or 0.5)."""

    area: Entry
    strength: float
    #: Said with "in" ("a hospital in X province"), not only a comma, which also joins lists
    #: ("Tehran, Ashgabat and Islamabad"), of an area in one country only.
    said_in: bool = False


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A place the article is read to name, and how much its closeness counts."""

    entry: Entry
    weight: float


@dataclass(frozen=True, slots=True)
class _Votes:
    """What one name says for the countries and the first-level regions of the story."""

    countries: Mapping[str, float]
    admin1: Mapping[tuple[str, str], float]


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    entry: Entry


@dataclass(frozen=True, slots=True)
class _Context:
    """What the rest of the article says about where it is, seen from one mention."""

    countries: Mapping[str, float] = field(default_factory=dict)
    admin1: Mapping[tuple[str, str], float] = field(default_factory=dict)
    anchors: Mapping[str, _Anchor] = field(default_factory=dict)  # by name
    by_name: Mapping[str, _Votes] = field(default_factory=dict)
    #: the anchors the text lists with the name this context is seen from (``_sibling_regions``)
    listed_with: frozenset[str] = frozenset()
    #: the sums of the positive votes of ``countries`` and ``admin1``, taken once: every
    #: candidate's score divides by them (``country_share``, ``admin1_share``)
    country_total: float = field(init=False, default=0.0)
    admin1_total: float = field(init=False, default=0.0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "country_total", _positive_total(self.countries))
        object.__setattr__(self, "admin1_total", _positive_total(self.admin1))

    def country_share(self, code: str) -> float:
        """The share of the positive country votes that ``code`` has (``_share``)."""
        return _share_of(self.countries, code, self.country_total)

    def admin1_share(self, region: tuple[str, str]) -> float:
        """The share of the positive first-level region votes that ``region`` has."""
        return _share_of(self.admin1, region, self.admin1_total)

    def without(self, name: str, listed_with: frozenset[str] = frozenset()) -> _Context:
        """The context minus the mention's own contribution (it must not vote for itself),
        seen from a name the text lists with the names ``listed_with``."""
        own = self.by_name.get(name)
        if own is None:
            # Built directly: dataclasses.replace reads the fields anew on each call.
            return _Context(self.countries, self.admin1, self.anchors, self.by_name, listed_with)
        countries = Counter(self.countries)
        countries.subtract(own.countries)
        admin1 = Counter(self.admin1)
        admin1.subtract(own.admin1)
        anchors = {n: a for n, a in self.anchors.items() if n != name}
        return _Context(countries, admin1, anchors, {}, listed_with)


def resolve(
    text: str,
    mentions: Sequence[Mention],
    index: PlaceIndex,
    *,
    demonym_countries: Sequence[str] = (),
    resolve_as: Mapping[str, str] | None = None,
    demonym_of: Mapping[int, str] | None = None,
    cut_short: Collection[int] = (),
    overrides: Mapping[str, Entry] | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
) -> tuple[Place, ...]:
    """One Place per mention that resolves with enough confidence, in text order.

    ``resolve_as`` maps a mention's text to the name to resolve it by: the article's
    name it misspells ("Palmrya" -> "Palmyra") or its fuller form ("Washington" ->
    "Washington state").
    """
    overrides = overrides or {}
    settled = _settle(
        text,
        mentions,
        index,
        demonym_countries=demonym_countries,
        resolve_as=resolve_as,
        demonym_of=demonym_of,
        cut_short=cut_short,
        weights=weights,
    )
    names, choice = settled.names, settled.choice
    lone = _far_from_the_story(settled, weights) if weights.lone_population else set()
    lone |= _pieces_far_off(settled)
    kept = {
        name: chosen
        for name, chosen in choice.items()
        if chosen.confidence > weights.min_confidence and not doubted(chosen, weights) and name not in lone
    }
    placed = _placed_by_the_story(kept, names, index, weights.extent_reach_km)
    places = []
    for m in mentions:
        name = names[m]
        if name in overrides:
            places.append(Place(m, overrides[name], 1.0, _precision(text, m, overrides[name]), ()))
            continue
        if name not in kept:
            continue
        chosen = kept[name]
        entry = placed.get(m, chosen.entry)
        places.append(Place(m, entry, round(chosen.confidence, 3), _precision(text, m, entry), chosen.ranked[:5]))
    return tuple(places)


def _placed_by_the_story(
    kept: Mapping[str, Choice], names: Mapping[Mention, str], index: PlaceIndex, reach_km: float
) -> dict[Mention, Entry]:
    """The mentions of rivers among the kept readings, each moved to the part of the river's
    extent by the town named nearest it in its sentence, of those within ``reach_km`` of the
    river (``geo.parse.areapoint``). A river with no extent, with no such town beside it, or
    whose label already lies by that town, stays at its label."""
    # A gazetteer that keeps no extents (a test's stand-in) leaves every point at its label.
    extent_of = getattr(index, "extent", None)
    if not reach_km or extent_of is None:
        return {}
    extents = {
        name: extent
        for name, chosen in kept.items()
        if is_movable(chosen.entry) and (extent := extent_of(chosen.entry.geonameid)) is not None
    }
    if not extents:
        return {}
    towns = {m: kept[name].entry for m, name in names.items() if name in kept and is_story_place(kept[name].entry)}
    placed = {}
    for mention, name in names.items():
        if name not in extents:
            continue
        beside = sorted(
            (m for m in towns if m.sentence == mention.sentence),
            key=lambda m: min(abs(m.start - mention.end), abs(mention.start - m.end)),
        )
        nearest = (point_by(extents[name], towns[m].lat, towns[m].lon, reach_km) for m in beside)
        entry = kept[name].entry
        point = moved_point((entry.lat, entry.lon), next((p for p in nearest if p is not None), None))
        if point is not None:
            placed[mention] = dataclasses.replace(entry, lat=round(point[0], 4), lon=round(point[1], 4))
    return placed


def readings(
    text: str,
    mentions: Sequence[Mention],
    index: PlaceIndex,
    *,
    demonym_countries: Sequence[str] = (),
    resolve_as: Mapping[str, str] | None = None,
    demonym_of: Mapping[int, str] | None = None,
    cut_short: Collection[int] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> tuple[dict[Mention, str], dict[str, Choice]]:
    """The name each mention is resolved by, and each name's best reading, before any
    abstention (``resolve`` then drops the readings not sure enough)."""
    settled = _settle(
        text,
        mentions,
        index,
        demonym_countries=demonym_countries,
        resolve_as=resolve_as,
        demonym_of=demonym_of,
        cut_short=cut_short,
        weights=weights,
    )
    return settled.names, settled.choice


@dataclass(frozen=True, slots=True)
class _Settled:
    """The last pass of resolution: what each name was read against, and its reading."""

    names: dict[Mention, str]
    pools: Mapping[str, _Candidates]
    constraints: Mapping[str, _Container]
    context: _Context  # the one the last pass read against
    cues: Mapping[str, NameCues]
    choice: dict[str, Choice]
    #: the share of each name's mentions listed beside a country (``geo.parse.listing``)
    listed: Mapping[str, float] = field(default_factory=dict)
    #: how many times each name is named as a place (``_mention_votes``)
    votes: Mapping[str, float] = field(default_factory=dict)
    #: the share of each name's mentions that name an actor (``_names_actor``)
    as_actor: Mapping[str, float] = field(default_factory=dict)
    #: the other names each name is listed with (``geo.parse.listing.listed_together``)
    together: Mapping[str, frozenset[str]] = field(default_factory=dict)
    #: each name's other spellings, as the passes looked them up (``_read_here``)
    respellings: _Respellings | None = None
    #: the names the text writes only as a piece of a longer name the gazetteer does not
    #: list (``_only_cut_short``)
    cut_short: frozenset[str] = frozenset()


def _settle(
    text: str,
    mentions: Sequence[Mention],
    index: PlaceIndex,
    *,
    demonym_countries: Sequence[str] = (),
    resolve_as: Mapping[str, str] | None = None,
    demonym_of: Mapping[int, str] | None = None,
    cut_short: Collection[int] = (),
    weights: Weights = DEFAULT_WEIGHTS,
    with_cues: bool = False,
) -> _Settled:
    resolve_as = resolve_as or {}
    # "Latakia province": the area word after a mention says which of its places is meant;
    # "along the X": river words, that it is the river.
    written = {m: _as_written(text, m, resolve_as.get(m.text, m.text), index) for m in mentions}
    names = {m: normalize(written[m]) for m in mentions}
    pools = {
        n: _candidates(text_for, index, weights) for n, text_for in {names[m]: written[m] for m in mentions}.items()
    }
    # "the town of San Jose del Guaviare ... residents of San Jose": the short form is
    # the town the text named in full, not a namesake of the short form elsewhere.
    for short, full in _short_forms(mentions, names, pools).items():
        for m in mentions:
            if names[m] == short:
                names[m] = full
        del pools[short]
    # "the X valley": X names terrain, which no airfield or crossing gives its name to.
    for terrain in {names[m] for m in mentions if names_terrain(text, m)}:
        pools[terrain] = _without(pools[terrain], is_spot)
    # "the town of X", "X, a village near Y": X is a settlement, which no country is (a
    # province often shares its seat's name, and holds it), and one the report expects its
    # readers not to know.
    introduced = frozenset(names[m] for m in mentions if introduced_as_settlement(text, m))
    for settlement in introduced:
        pools[settlement] = _without(pools[settlement], _is_country)
    # "the X neighbourhood", "the X bridge", "the island of X": X lies by a town of the story,
    # not at a namesake of another kind far from it.
    kinds = _named_kinds(text, mentions, names)
    # "the Souk El Arbaa market": a name the text writes only as a piece of a longer name
    # the gazetteer lacks names a part of that place, not whatever the piece names alone.
    pieces = _only_cut_short(mentions, names, cut_short)
    constraints = _with_demonym_containers(
        _containment(text, mentions, names, pools), mentions, names, demonym_of or {}, weights.demonym_container
    )
    actors = {m: _names_actor(text, m) for m in mentions}
    votes = _mention_votes(mentions, names, actors, weights.actor_vote)
    as_actor = _actor_shares(mentions, names, actors)
    cues = (
        name_cues(text, mentions, names, {n: kind_of(p.entries[0]) for n, p in pools.items() if p.candidates})
        if weights.reading or with_cues
        else {}
    )
    listed = (
        listed_beside_countries(text, mentions, names, {n: _reads_as_country(p) for n, p in pools.items()})
        if weights.listed_country
        else {}
    )
    together = listed_together(text, mentions, names)
    context = _initial_context(votes, pools, demonym_countries, weights)
    respellings = _Respellings(index, weights, {names[m]: written[m] for m in mentions})
    choice: dict[str, Choice] = {}
    read_against = context
    before: dict[str, Choice] | None = None  # the pass before's readings
    for _ in range(weights.passes):
        choice = {}
        for name, pool in pools.items():
            others = context.without(name, together.get(name, frozenset()))
            pool = _read_here(
                name, pool, others, constraints.get(name), respellings, weights, introduced=name in introduced
            )
            if pool.candidates:
                choice[name] = _choose(
                    pool,
                    others,
                    constraints.get(name),
                    weights,
                    cues.get(name),
                    listed.get(name, 0.0),
                    as_actor.get(name, 0.0),
                    name in introduced,
                    kinds.get(name),
                )
        read_against = context
        if choice == before:
            # Read as the pass before read it: the context this pass leaves is the one it
            # read against, so every later pass would read the same again.
            break
        before = choice
        context = _context_from(choice, votes, demonym_countries, weights)
    return _Settled(
        names,
        pools,
        constraints,
        read_against,
        cues,
        choice,
        listed,
        votes,
        together=together,
        as_actor=as_actor,
        respellings=respellings,
        cut_short=pieces,
    )


class _Respellings:
    """Each name's same-form spellings (``geo.parse.variants``), looked up the first time a
    pass asks for them: only a name whose listed readings the article does not support
    needs them, and each lookup is a query of the gazetteer."""

    def __init__(self, index: PlaceIndex, weights: Weights, written: Mapping[str, str]) -> None:
        self._index, self._weights, self._written = index, weights, written
        self._found: dict[str, _Candidates] = {}

    def of(self, name: str) -> _Candidates:
        found = self._found.get(name)
        if found is None:
            same_form = [
                s for s in spelling_variants(self._written.get(name, name), self._index) if s.similarity == 1.0
            ]
            found = self._found[name] = _by_spelling(
                same_form[: self._weights.max_candidates], self._weights.variant_penalty
            )
        return found


def _short_forms(
    mentions: Sequence[Mention], names: Mapping[Mention, str], pools: Mapping[str, _Candidates]
) -> dict[str, str]:
    """Names that are the opening words of a longer name of a town the text gives before
    them, the rest joined by a particle ("San Jose" after "San Jose del Guaviare"), each
    with that longer name: a report names a town in full once and shortens it after. Only
    such a name: a name that goes on with words of its own ("Volta River") is another place
    than its first words. Not a name that reads first as an area (a country or region keeps
    its own name), nor a short form of a name the gazetteer does not read as a town (an old
    or fuller name of the same town is often unlisted)."""
    first_at: dict[str, int] = {}
    for m in mentions:
        first_at.setdefault(names[m], m.start)
    out: dict[str, str] = {}
    for short, at in first_at.items():
        own = pools.get(short)
        if own is None or (own.candidates and own.candidates[0].entry.is_area):
            continue
        words = short.split()
        longer = [
            full
            for full, full_at in first_at.items()
            if full_at < at
            and full.split()[: len(words)] == words
            and continues_with_a_particle(full.split()[len(words) :])
            and _reads_as_town(pools[full])
        ]
        if longer:
            out[short] = min(longer, key=lambda full: first_at[full])
    return out


def _reads_as_town(pool: _Candidates) -> bool:
    """Does the gazetteer read the name first as a populated place?"""
    return bool(pool.candidates) and pool.candidates[0].entry.feature_class == "P"


def _read_here(
    name: str,
    pool: _Candidates,
    others: _Context,
    container: _Container | None,
    respellings: _Respellings | None,
    weights: Weights,
    *,
    introduced: bool = False,
) -> _Candidates:
    """``pool`` as the article allows it (``within_article_countries``; ``introduced``: the
    text introduces the name as a town), and, when the name
    is listed as written only for places the article gives no reason for (a village of the
    name in a country it never names, or none the article lets stand), its other spellings
    of the same form in the article's countries too: "Shabwa" is a village abroad as
    written and, spelt "Shabwah", a province of the country the story is about.
    ``_candidates`` looks for other spellings only of a name the gazetteer does not list,
    so otherwise a transliteration loses to any namesake abroad that the gazetteer spells
    as the story does. The spellings compete with the listed readings, each weighed down
    as every spelling variant is, and are kept only where variants are kept."""
    listed = pool
    pool = within_article_countries(listed, others, container, weights.actor_vote, introduced=introduced)
    if (
        respellings is None
        or listed.penalty
        or listed.loose
        or not listed.candidates  # no reading at all, on purpose ("Seno province")
        or not all(_unsupported(c.entry, others, weights) for c in pool.candidates)
    ):
        return pool
    home = within_article_countries(respellings.of(name), others, container, weights.actor_vote, introduced=introduced)
    if not home.candidates:
        return pool
    have = {c.entry.geonameid for c in pool.candidates}
    respelt = tuple(
        dataclasses.replace(c, prior=c.prior - home.penalty) for c in home.candidates if c.entry.geonameid not in have
    )
    return _Candidates((*pool.candidates, *respelt), pool.penalty)


def _as_written(text: str, mention: Mention, name: str, index: PlaceIndex) -> str:
    """The name as the words around the mention qualify it: in full where the text writes
    more of it after the mention and the gazetteer lists it as a town (not a country's name:
    "Banque de France" is a bank, and "France" in it the country), with its area word, or as the
    river the river words around it say it is (``geo.parse.variants``). A longer name the
    gazetteer lacks leaves the mention as it is: a town's name written in full once, or an
    old one ("Santo Domingo de Guzman"), is no sign that the shorter one is another place."""
    around = with_name_around(text, mention, name)
    if (
        around != name
        and any(m.entry.feature_class == "P" for m in index.matches(around)[:1])
        and not any(m.entry.is_country for m in index.matches(name)[:1])
    ):
        name = around
    with_area = with_area_word(text, mention, name)
    return with_area if with_area != name else with_river_word(text, mention, name, index)


@dataclass(frozen=True, slots=True)
class ScoredReading:
    """One candidate of a name as the last pass saw it: its hand-weighed score (without
    any learned reading) and its learned reading's features."""

    entry: Entry
    score: float
    features: Mapping[str, float]


def scored_readings(
    text: str,
    mentions: Sequence[Mention],
    index: PlaceIndex,
    *,
    demonym_countries: Sequence[str] = (),
    resolve_as: Mapping[str, str] | None = None,
    demonym_of: Mapping[int, str] | None = None,
    cut_short: Collection[int] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> tuple[dict[Mention, str], dict[str, tuple[ScoredReading, ...]]]:
    """Every candidate of every name with its score and features, for training the learned
    reading (``scripts/train_geoparser.py``)."""
    settled = _settle(
        text,
        mentions,
        index,
        demonym_countries=demonym_countries,
        resolve_as=resolve_as,
        demonym_of=demonym_of,
        cut_short=cut_short,
        weights=weights,
        with_cues=True,
    )
    table = {}
    for name, pool in settled.pools.items():
        others = settled.context.without(name, settled.together.get(name, frozenset()))
        container = settled.constraints.get(name)
        pool = _read_here(name, pool, others, container, settled.respellings, weights)
        if not pool.candidates:
            continue
        seats = _bonus_seats(pool.entries, others, weights)
        most_populous = most_populous_town(pool.entries)
        table[name] = tuple(
            ScoredReading(
                c.entry,
                _score(
                    c,
                    pool.penalty,
                    others,
                    container,
                    weights,
                    settled.listed.get(name, 0.0),
                    settled.as_actor.get(name, 0.0),
                )
                + (weights.region_seat if c.entry.geonameid in seats else 0.0),
                reading_features(
                    c.entry, most_populous, settled.cues.get(name), others.country_share(c.entry.country_code)
                ),
            )
            for c in pool.candidates
        )
    return settled.names, table


def _candidates(name: str, index: PlaceIndex, weights: Weights) -> _Candidates:
    matches = index.matches(name)[: weights.max_candidates]
    areas = [m for m in matches if m.name_kind == PREFERRED_NAME and _is_country_or_region(m.entry)]
    names_an_area = bool(areas)
    if names_an_area:
        # A country's or region's own name means that area: "Mexico" is not Mexico
        # City, nor "Nebraska" a Virginia town, that merely list it as alternate names.
        # A city the gazetteer ranks above a first-level region of the name under it
        # stays a reading: news means the city by "New York" more often than the state.
        matches = tuple(m for m in matches if m.name_kind != ALTERNATE_NAME or _outranks_region(m, areas))
    if matches:
        # The gazetteer's own ranking knows fame (names in many languages) and which
        # of a place's names this is; it is on a log10-population scale. A small town
        # named after a state or country ("Oregon, Ohio") must be pointed at
        # ("Oregon, Ohio"; containment) to win over the area.
        a_capitals_own = any(m.name_kind != ALTERNATE_NAME and _is_capital(m.entry) for m in matches)
        return _Candidates(
            tuple(
                _Candidate(
                    m.entry,
                    m.score / PRIOR_SCALE
                    - (weights.area_namesake_penalty if names_an_area and _is_small_town(m.entry) else 0.0)
                    - (weights.alternate_name if a_capitals_own and m.name_kind == ALTERNATE_NAME else 0.0),
                    m.name_kind == ALTERNATE_NAME,
                )
                for m in matches
            ),
            0.0,
        )
    # Looser readings (``geo.parse.variants``): a generic head word on a listed name
    # ("Latakia province", "the Rafah crossing"), another spelling of a listed name.
    headed = head_word_reading(name, index)
    if headed is not None:
        if not headed.loose:
            return _Candidates(
                tuple(
                    _Candidate(
                        m.entry, m.score / PRIOR_SCALE + (area_word_bonus(m.entry) if headed.prefers_areas else 0.0)
                    )
                    for m in headed.matches
                ),
                0.0,
            )
        if headed.matches:
            loose = _by_prominence([m.entry for m in headed.matches[: weights.max_candidates]], weights.variant_penalty)
            return _Candidates(loose.candidates, loose.penalty, loose=True)
        return _by_spelling(headed.spellings[: weights.max_candidates], weights.variant_penalty)
    named_after = area_word_before(name)
    if named_after is not None:
        return _candidates(named_after[0], index, weights)  # "the state of X", where no region is X
    if split_head_word(name) is not None:
        return _Candidates((), 0.0)  # "Seno province": not some other "X Province" spelt alike
    spelt = spelling_variants(name, index)[: weights.max_candidates]
    if spelt and spelt[0].similarity == 1.0:
        return _by_spelling(spelt, weights.variant_penalty)
    fuzzy = tuple(
        e
        for e, score in index.fuzzy(name, limit=5)
        if score >= weights.fuzzy_similarity and e.population >= weights.fuzzy_min_population
    )
    if spelt:
        # Only near spelling forms: with the typos of prominent places ("Britian"), each
        # held to the same places as the spelling variants.
        return _with_misspellings(_by_spelling(spelt, weights.variant_penalty), fuzzy, weights)
    return _by_prominence(fuzzy, weights.fuzzy_penalty if fuzzy else 0.0)


def _with_misspellings(spelt: _Candidates, fuzzy: Sequence[Entry], weights: Weights) -> _Candidates:
    """The near spelling variants, and the misspelt places, penalised as fuzzy matches."""
    have = {c.entry.geonameid for c in spelt.candidates}
    extra = weights.fuzzy_penalty - weights.variant_penalty
    misspelt = tuple(_Candidate(e, _prominence(e) - extra) for e in fuzzy if e.geonameid not in have)
    return _Candidates((*spelt.candidates, *misspelt), spelt.penalty, loose=True)


def within_article_countries(
    pool: _Candidates,
    context: _Context,
    container: _Container | None = None,
    actor_vote: float = 0.0,
    *,
    introduced: bool = False,
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
    surname. A country named once as an actor ("Russia said", votes up to ``actor_vote``)
    is no such reason. Another spelling of a listed name (a looser reading) must also lie near
    the article's places (``near_the_article``), unless the text introduces the name as a
    settlement (``introduced``: "the coastal town of X") and the reading, in the name's own
    spelling form, lies in a country the article names: such a town is one of the story's
    own, often a frontline town hundreds of km from the capital the report also names.
    """
    if not pool.penalty and not any(_is_minor_place(c.entry) for c in pool.candidates):
        return pool
    named = {code for code, weight in context.countries.items() if weight > actor_vote}
    regions = {key for key, weight in context.admin1.items() if weight > 0}
    # Countries of the known places (towns with people, regions) that share the name.
    namesakes = {c.entry.country_code for c in pool.candidates if not _is_minor_place(c.entry)}

    def kept(entry: Entry) -> bool:
        is_minor = _is_minor_place(entry)
        if not entry.country_code or entry.is_country:
            return True  # a misspelt country's name is itself the reason ("Mauritious")
        if is_minor and namesakes and not pool.penalty:
            return (
                (entry.country_code, entry.admin1_code) in regions
                or (container is not None and _inside(entry, container.area))
                or (entry.country_code in named and not namesakes & named)
            )
        return not (pool.penalty or is_minor) or entry.country_code in named

    candidates = tuple(c for c in pool.candidates if kept(c.entry))
    if pool.loose:
        anchors = [anchor.entry for anchor in context.anchors.values()]
        candidates = tuple(
            c
            for c in candidates
            if near_the_article(c.entry, anchors, same_form=c.spelling_similarity == 1.0)
            or (introduced and c.spelling_similarity == 1.0 and c.entry.country_code in named)
        )
    if len(candidates) == len(pool.candidates):
        return pool
    return _Candidates(candidates, pool.penalty, pool.loose)


def _is_minor_place(entry: Entry) -> bool:
    """A populated place or spot GeoNames counts no people in: a village, a crossing."""
    return entry.population == 0 and entry.feature_class in ("P", "S")


def _outranks_region(match: NameMatch, areas: Sequence[NameMatch]) -> bool:
    """A populated place that the gazetteer ranks above every area whose own name this is,
    none of them a country."""
    return (
        match.entry.feature_class == "P"
        and not any(a.entry.is_country for a in areas)
        and all(match.score > a.score for a in areas)
    )


def _is_country(entry: Entry) -> bool:
    return entry.is_country


def _is_country_or_region(entry: Entry) -> bool:
    return entry.is_country or entry.feature_code == "ADM1"


def _is_capital(entry: Entry) -> bool:
    """A country's or a first-level region's seat."""
    return entry.feature_code in ("PPLC", "PPLA")


def _is_small_town(entry: Entry) -> bool:
    return entry.feature_class == "P" and not _is_capital(entry) and (entry.population < SMALL_TOWN_POPULATION)


#: How far around a mention its sentence is looked for, in characters.
SENTENCE_REACH = 300


def _mention_votes(
    mentions: Sequence[Mention], names: Mapping[Mention, str], actors: Mapping[Mention, bool], actor_vote: float
) -> Mapping[str, float]:
    """How many mentions each name has as a place, an actor's mention (``actors``) counting
    ``actor_vote``."""
    votes: Counter[str] = Counter()
    for mention in mentions:
        votes[names[mention]] += actor_vote if actors[mention] else 1.0  # type: ignore[assignment]
    return votes


def _actor_shares(
    mentions: Sequence[Mention], names: Mapping[Mention, str], actors: Mapping[Mention, bool]
) -> dict[str, float]:
    """The share of each name's mentions that name an actor (``actors``)."""
    counts = Counter(names[m] for m in mentions)
    named = Counter(names[m] for m in mentions if actors[m])
    return {name: named[name] / counts[name] for name in named}


def _names_actor(text: str, mention: Mention) -> bool:
    """Is the mention a government, army or backer named for its place, read in its sentence?"""
    start = max(0, mention.start - SENTENCE_REACH)
    end = min(len(text), mention.end + SENTENCE_REACH)
    window = text[start:end]
    left = max(window.rfind(". ", 0, mention.start - start), window.rfind("\n", 0, mention.start - start)) + 1
    right_candidates = [
        i for i in (window.find(". ", mention.end - start), window.find("\n", mention.end - start)) if i >= 0
    ]
    right = min(right_candidates) + 1 if right_candidates else len(window)
    sentence = window[left:right]
    return is_named_as_actor(sentence, mention.start - start - left, mention.end - start - left)


def _initial_context(
    votes: Mapping[str, float], pools: Mapping[str, _Candidates], demonyms: Sequence[str], weights: Weights
) -> _Context:
    """The first pass sees only what is unambiguous: names whose candidates all lie
    in one country (Syria, Damascus in most stories), and the demonyms. A town named
    only by an alternate name is no such sign: two names of a story's own villages that
    happen to be alternate names of towns abroad would otherwise vote for each other."""
    choice = {}
    for name, pool in pools.items():
        if (
            pool.entries
            and not pool.penalty
            and len({e.country_code for e in pool.entries}) == 1
            and not (pool.candidates[0].by_alternate_name and not pool.candidates[0].entry.is_area)
        ):
            choice[name] = Choice(pool.entries[0], 1.0, pool.entries)
    context = _context_from(choice, votes, demonyms, weights)
    return _Context(context.countries, context.admin1, {}, context.by_name)


#: How strongly a chosen place speaks for its country and region.
COUNTRY_VOTE = {"country": 1.0, "ADM1": 0.8, "ADM2": 0.7, "place": 0.6}


def _context_from(
    choice: Mapping[str, Choice], votes: Mapping[str, float], demonyms: Sequence[str], weights: Weights
) -> _Context:
    """Each chosen place's vote for its country and region, by how many times it is named as
    a place (an actor's mention counts less), and the places that anchor closeness. A
    reading nothing in the article supports, which ``resolve`` leaves unmapped (unsure or
    doubtful), casts no vote: it must not hold up another."""
    countries: defaultdict[str, float] = defaultdict(float)
    admin1: defaultdict[tuple[str, str], float] = defaultdict(float)
    by_name: dict[str, _Votes] = {}
    anchors: dict[str, _Anchor] = {}
    for name, chosen in choice.items():
        entry, confidence = chosen.entry, chosen.confidence
        if chosen.unlisted_margin is not None and (
            chosen.confidence <= weights.min_confidence or doubted(chosen, weights)
        ):
            continue
        if not entry.country_code:
            continue  # continents, world regions and seas say nothing of where the story is
        kind = (
            "country" if entry.is_country else entry.feature_code if entry.feature_code in ("ADM1", "ADM2") else "place"
        )
        mentioned = votes.get(name, 1.0)
        weight = confidence * COUNTRY_VOTE[kind] * (1 + math.log(mentioned) if mentioned >= 1 else mentioned)
        # Additions in place: a Counter built and merged for each name of each pass cost more
        # than the rest of the tally.
        countries[entry.country_code] += weight
        if entry.admin1_code and kind != "country":
            region = (entry.country_code, entry.admin1_code)
            admin1[region] += weight
            by_name[name] = _Votes({entry.country_code: weight}, {region: weight})
        else:
            by_name[name] = _Votes({entry.country_code: weight}, {})
        if kind != "country" and base_name(name) == name:
            # Not a region read by its area word ("Kyiv region"): as an anchor it would make
            # every city named like a region ("Odesa") read as the region (``_sibling_regions``).
            anchors[name] = _Anchor(entry, confidence * min(1.0, mentioned))
    for code in demonyms:
        countries[code] += weights.demonym
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
) -> dict[str, _Container]:
    """Areas that contain a mention, each with how sure the wording makes it (1 or 0.5).

    The occurrence that first says where a name is decides for the whole article:
    "Windsor is a town west of Sydney, New South Wales" is not undone by a later
    "(named after Windsor in England)".
    """
    constraints: dict[str, _Container] = {}
    decided_at: dict[str, int] = {}
    for i, first in enumerate(mentions):
        if decided_at.get(names[first], first.start) != first.start:
            continue
        # A description ("is a town", "the capital of") tells of the name it follows
        # before another town is named: in "X, May 2 -- fighters took Y, the capital of Z",
        # Z holds Y, not X; areas named between are themselves containers ("X in Y province
        # of Z"), and a name in brackets is an aside ("X (formerly Y) is a town in Z").
        next_town: int | None = None  # where the first town named after ``first`` starts
        for j, second in enumerate(mentions[i + 1 :], start=i + 1):
            if second.sentence != first.sentence or second.start - first.end > LOOSE_CONTAINER_CHARS:
                break
            between = text[first.end : second.start]
            described = (between if next_town is None else text[first.end : next_town]).lower()
            if (
                next_town is None
                and names[second] != names[first]
                and _names_another_town(between, pools[names[second]])
            ):
                next_town = second.start
            if names[first] == names[second]:
                continue
            container = _container_of(pools[names[first]], pools[names[second]])
            if container is None:
                continue
            if container.is_country and _reads_as_country(pools[names[first]]) and joins_a_list(between):
                continue  # "Benin, Niger, Nigeria": two items of a list of countries
            if _sibling_region_named(pools[names[first]], container) and _in_a_longer_list(text, mentions, i, j):
                continue  # "Georgia, Oklahoma, Pennsylvania and Ohio": regions listed, not a town in one
            if " ".join(between.lower().split()) in ADJACENT_CONTAINERS:
                strength = 1.0
            elif any(w in between for w in LOOSE_CONTAINER_WORDS) and any(w in described for w in DESCRIBING_WORDS):
                strength = 0.5
            else:
                continue
            held = constraints.get(names[first])
            if held is None or strength > held.strength:
                # Only an area whose name is one country's ("Georgia" is two) can say a namesake
                # elsewhere is not the place meant.
                one_country = len({e.country_code for e in pools[names[second]].entries if e.is_area}) == 1
                said_in = one_country and "in" in between.lower().split()
                constraints[names[first]] = _Container(container, strength, said_in)
                decided_at[names[first]] = first.start
    return constraints


def _sibling_region_named(named: _Candidates, container: Entry) -> bool:
    """Is one of the places ``named`` by its own name a first-level region of the country
    of ``container``, itself such a region?"""
    return container.feature_code == "ADM1" and any(
        not c.by_alternate_name and c.entry.feature_code == "ADM1" and c.entry.country_code == container.country_code
        for c in named.candidates
    )


def _in_a_longer_list(text: str, mentions: Sequence[Mention], first: int, second: int) -> bool:
    """Are ``mentions[first]`` and ``mentions[second]``, joined as list items, two of a list
    of three or more: a list item written right before the first or right after the second?
    A comma between two names is a list's as often as a container's ("Paris, Texas"); in a
    longer list it is the list's."""
    if second != first + 1 or not joins_a_list(text[mentions[first].end : mentions[second].start]):
        return False
    before = first > 0 and joins_a_list(text[mentions[first - 1].end : mentions[first].start])
    after = second + 1 < len(mentions) and joins_a_list(text[mentions[second].end : mentions[second + 1].start])
    return before or after


def _container_of(named: _Candidates, area_name: _Candidates) -> Entry | None:
    """The reading of the name after ``named`` ("X, Y") that is the area holding it: of the
    areas ``area_name`` may be, the first that holds one of ``named``'s readings, or its
    first area when none does. An area's name may be a country's and a region's (Georgia,
    Punjab, Mexico): in "Atlanta, Georgia" it is the state, in "Batumi, Georgia" the
    country, whichever of them the gazetteer lists first."""
    areas = [e for e in area_name.entries if e.is_area]
    holding = (area for area in areas if any(_inside(c.entry, area) for c in named.candidates))
    return next(holding, areas[0] if areas else None)


def _with_demonym_containers(
    constraints: Mapping[str, _Container],
    mentions: Sequence[Mention],
    names: Mapping[Mention, str],
    demonym_of: Mapping[int, str],
    strength: float,
) -> dict[str, _Container]:
    """``constraints`` and, for a name a demonym qualifies ("the Malian town of X"), its
    country as a container said with "in" (a namesake abroad yields to a place the
    gazetteer lacks), ``strength`` sure, where the wording says nothing surer."""
    out = dict(constraints)
    if not strength:
        return out
    for m in mentions:
        code = demonym_of.get(m.start)
        held = out.get(names[m])
        if code is not None and (held is None or held.strength < strength):
            out[names[m]] = _Container(_country_area(code), strength, said_in=True)
    return out


def _names_another_town(before: str, pool: _Candidates) -> bool:
    """Whether a name, with the text ``before`` it since the name a description may tell
    of, is another town the description could be of: read first as a town (not an area,
    nor a name the gazetteer lacks), and not in brackets opened since."""
    return bool(pool.candidates) and not pool.candidates[0].entry.is_area and before.count("(") <= before.count(")")


def _country_area(code: str) -> Entry:
    """The country ``code`` as an area that holds its places (``_inside``): a stand-in for
    a country only a demonym names, with no point of its own."""
    return Entry(0, code, 0.0, 0.0, code, "A", "PCLI", 0)


def _far_from_the_story(settled: _Settled, weights: Weights) -> set[str]:
    """Names read as a small town far from the place the story is about (its most named
    town), that nothing else in the story puts there: no container, no other place of the
    story in its first-level region (a capital aside: the government's seat is named for
    what the government does, not as a neighbour)."""
    votes = settled.votes
    towns = {
        n: c
        for n, c in settled.choice.items()
        if not c.entry.is_area and c.confidence > weights.min_confidence and not doubted(c, weights)
    }
    if not towns:
        return set()
    focus = max(towns, key=lambda n: votes.get(n, 0.0))
    if votes.get(focus, 0.0) < weights.focus_votes:
        return set()
    centre = towns[focus].entry
    # Only a story about one city: every other town of some size, a capital aside (named for
    # its government as often as for a place), lies near it.
    for name, chosen in towns.items():
        entry = chosen.entry
        if name == focus or entry.population < weights.lone_population or entry.feature_code == "PPLC":
            continue
        if _km_between(entry.lat, entry.lon, centre.lat, centre.lon) > weights.lone_km:
            return set()
    lone = set()
    for name, chosen in towns.items():
        entry = chosen.entry
        if name == focus or entry.feature_class != "P" or entry.population >= weights.lone_population:
            continue
        if name in settled.constraints:
            continue
        if any(
            other != name
            and o.entry.feature_code != "PPLC"
            and not o.entry.is_country
            and (o.entry.country_code, o.entry.admin1_code) == (entry.country_code, entry.admin1_code)
            for other, o in settled.choice.items()
        ):
            continue  # another place of the story, a capital aside, lies in its region
        if _km_between(entry.lat, entry.lon, centre.lat, centre.lon) > weights.lone_km:
            lone.add(name)
    return lone


def _reads_as_country(pool: _Candidates) -> bool:
    """Is the gazetteer's first reading of the name a country?"""
    return bool(pool.candidates) and pool.candidates[0].entry.is_country


def _inside(entry: Entry, container: Entry) -> bool:
    """Does the area ``container`` hold ``entry``? Only countries and first-level regions
    hold anything here; a town holds nothing."""
    if not container.is_area or entry.country_code != container.country_code or not entry.country_code:
        return False
    if container.is_country:
        return not entry.is_country
    return (
        container.feature_code == "ADM1"
        and entry.admin1_code == container.admin1_code
        and entry.geonameid != container.geonameid
    )


def _prominence(entry: Entry) -> float:
    if entry.is_country:
        return 1.0
    if entry.feature_code == "ADM1":
        return 0.85
    if entry.feature_code == "ADM2":
        return 0.5 + 0.1 * min(1.0, math.log10(entry.population + 1) / 7)
    score = min(1.0, math.log10(entry.population + 1) / 7)
    if entry.feature_code == "PPLC":
        score += 0.1
    return score


def _proximity(entry: Entry, context: _Context, km: float) -> float:
    """Closeness to the article's other places: exp(-distance / km) to the nearest, by
    confidence. An area is as close as the nearest place inside it (zero distance), so
    that towns named beside "Mexico" speak for the country, not for Mexico City."""
    # A loop, not max() over a generator: this runs for every candidate of every name in
    # every pass. Every term is >= 0, so starting from 0.0 gives max(..., default=0.0).
    best = 0.0
    listed_with = context.listed_with
    for name, anchor in context.anchors.items():
        closeness = anchor.weight * _closeness(entry, anchor.entry, km, name in listed_with)
        if closeness > best:
            best = closeness
    return best


def _closeness(entry: Entry, other: Entry, km: float, listed_together: bool) -> float:
    # Only an area holds another place or is a region listed with one: a town is as close as
    # its distance, and asking it the rest would be asked for every candidate and anchor.
    if entry.is_area and (_inside(other, entry) or (listed_together and _sibling_regions(entry, other))):
        return 1.0
    return math.exp(-_km_between(entry.lat, entry.lon, other.lat, other.lon) / km)


#: ``great_circle_km``, remembered: each pass of resolution measures every candidate of
#: every name against every other place of the article again, and most of those pairs were
#: measured in the pass before (the same anchors, the same candidates). Bounded, as it
#: outlives an article: 16,384 pairs (about 5 MB), an article's few thousand at most.
_km_between = lru_cache(maxsize=1 << 14)(great_circle_km)


def _sibling_regions(entry: Entry, other: Entry) -> bool:
    """Two first-level regions of one country. Listed together ("California, Oregon and
    Nevada") they are neighbours in the text however far apart their points lie; merely
    named in one story, they are not: a state named elsewhere in it says nothing of
    whether "Washington" is the state or the capital."""
    return entry.feature_code == other.feature_code == "ADM1" and entry.country_code == other.country_code


def _positive_total(votes: Mapping) -> float:
    return sum(v for v in votes.values() if v > 0)


def _share_of(votes: Mapping, key, total: float) -> float:
    """``key``'s share of ``votes`` whose positive ones sum to ``total``."""
    return max(0.0, votes.get(key, 0.0)) / total if total > 1e-9 else 0.0


def _score(
    candidate: _Candidate,
    penalty: float,
    context: _Context,
    container: _Container | None,
    weights: Weights,
    listed_beside_country: float = 0.0,
    as_actor: float = 0.0,
) -> float:
    entry = candidate.entry
    score = weights.prominence * candidate.prior - penalty
    if entry.is_country:
        score += weights.listed_country * listed_beside_country
    if entry.feature_code == "PPLC":
        score += weights.actor_capital * as_actor
    score += weights.country * context.country_share(entry.country_code)
    if not entry.is_country:
        score += weights.admin1 * context.admin1_share((entry.country_code, entry.admin1_code))
    if container is not None and _inside(entry, container.area):
        score += weights.containment * container.strength
    score += weights.proximity * _proximity(entry, context, weights.proximity_km)
    return score


def _region_seats(entries: Sequence[Entry]) -> set[int]:
    """Towns that share their name with a region they lie in (Raqqa, Geneva, Moscow):
    news means the town."""
    regions = {(e.country_code, e.admin1_code) for e in entries if e.feature_code == "ADM1"}
    return {e.geonameid for e in entries if not e.is_area and (e.country_code, e.admin1_code) in regions}


def _bonus_seats(entries: Sequence[Entry], context: _Context, weights: Weights) -> set[int]:
    """The seats of ``_region_seats`` that ``Weights.region_seat`` lifts: news means a
    region's seat rather than the region. Not a seat in a country the article gives no
    reason for (``_unsupported``) when another reading of the name lies in the country that
    holds most of the article's country votes: a region's capital abroad that shares its name
    with a town of the story's own country is no likelier than that town for sharing its
    name with its region. Named in a story that is mostly about no one country, a famous seat abroad keeps
    the lift over small towns of a country the story names beside others."""
    seats = _region_seats(entries)
    if not seats:
        return seats
    home = {e.country_code for e in entries if context.country_share(e.country_code) > HOME_SHARE}
    return {
        e.geonameid
        for e in entries
        if e.geonameid in seats and not (home - {e.country_code} and _unsupported(e, context, weights))
    }


def _choose(
    pool: _Candidates,
    context: _Context,
    container: _Container | None,
    weights: Weights,
    cues: NameCues | None = None,
    listed_beside_country: float = 0.0,
    as_actor: float = 0.0,
    introduced: bool = False,
    kind: frozenset[str] | None = None,
) -> Choice:
    seats = _bonus_seats(pool.entries, context, weights)
    base = [
        _score(c, pool.penalty, context, container, weights, listed_beside_country, as_actor)
        + (weights.region_seat if c.entry.geonameid in seats else 0.0)
        for c in pool.candidates
    ]
    if weights.reading:
        base = _with_learned_reading(pool, base, context, cues, weights.reading)
    scored = sorted(
        (_Scored(score, c.entry) for score, c in zip(base, pool.candidates)),
        key=lambda s: -s.score,  # a stable sort: the gazetteer's own order breaks ties
    )
    top = scored[0]
    unlisted = _unlisted_score(top.entry, context, container, weights, introduced, kind)
    return Choice(
        top.entry,
        _confidence(scored, weights.temperature, unlisted),
        tuple(s.entry for s in scored),
        None if unlisted is None else top.score - unlisted,
        context.country_share(top.entry.country_code),
        _proximity(top.entry, context, SUPPORT_SCALE_KM),
    )


def _with_learned_reading(
    pool: _Candidates,
    scores: Sequence[float],
    context: _Context,
    cues: NameCues | None,
    reading: Mapping[str, float],
) -> list[float]:
    """The scores with the learned reading's terms, measured from the term of the candidate
    the hand-weighed scores put first: the reading reorders namesakes, it does not make the
    name likelier a listed place than one the gazetteer lacks, nor the best reading surer."""
    most_populous = most_populous_town(pool.entries)
    terms = [
        learned_term(
            reading_features(c.entry, most_populous, cues, context.country_share(c.entry.country_code)), reading
        )
        for c in pool.candidates
    ]
    first = max(range(len(scores)), key=scores.__getitem__)
    return [score + term - terms[first] for score, term in zip(scores, terms)]


#: What the learned abstention weighs (``Weights.doubt_<name>``).
DOUBT_FEATURES = (
    "confidence",
    "population",
    "margin",
    "unsupported",
    "country_share",
    "closeness",
    "unsupported_confidence",
    "unsupported_population",
)


def doubt_features(choice: Choice) -> dict[str, float] | None:
    """What the learned abstention weighs for a town's reading (None for an area's: a
    country, region, river or sea is never doubted)."""
    if choice.entry.is_area:
        return None
    population = math.log10(choice.entry.population + 1) / 7
    unsupported = float(choice.unlisted_margin is not None)
    return {
        "confidence": choice.confidence,
        "population": population,
        "margin": choice.unlisted_margin or 0.0,
        "unsupported": unsupported,
        "unsupported_confidence": unsupported * choice.confidence,
        "unsupported_population": unsupported * population,
        "country_share": choice.country_share,
        "closeness": choice.closeness,
    }


def doubted(choice: Choice, weights: Weights) -> bool:
    """Is a town's reading likelier wrong than right? A small namesake abroad, a step ahead
    of "unlisted" on its own fame, or one in a country the story names only in passing,
    far from its other places, is left unmapped."""
    if not weights.doubt_bias:
        return False
    f = doubt_features(choice)
    if f is None:
        return False
    z = weights.doubt_bias + sum(getattr(weights, f"doubt_{name}") * f[name] for name in DOUBT_FEATURES)
    return z < 0.0


def _unlisted_score(
    entry: Entry,
    context: _Context,
    container: _Container | None,
    weights: Weights,
    introduced: bool = False,
    kind: frozenset[str] | None = None,
) -> float | None:
    """The score of "a place the gazetteer does not list", when that reading is open: the best
    candidate has no support from the article, or lies outside the country of the area the
    text puts the name in ("a clinic in Y province": an unlisted place in that province
    has the containment evidence the listed namesake abroad lacks). A name the text
    introduces as a village or town (``introduced``) is one of the story's own places, so
    an unlisted place has the evidence of a loose container when the best candidate has
    no support: a town of that name abroad is known for its fame alone, which is not why a
    report would introduce it. So is a name the text calls a kind of place (``kind``, the
    GeoNames classes of that kind: a part of a city, a bridge, an island) when the best
    candidate is of another class and lies far from every other place of the story, however
    surely the story's country holds it: a city's quarter or a bridge lies by a place the
    story names, and a town far off is not the lake the text speaks of."""
    if not weights.unlisted:
        return None
    if (introduced and _unsupported(entry, context, weights)) or _of_another_kind_far_off(entry, kind, context):
        return weights.unlisted + weights.containment * INTRODUCTION_STRENGTH
    if (
        container is not None
        and container.said_in
        and not entry.is_area
        and entry.country_code
        and container.area.country_code not in ("", entry.country_code)
    ):
        return weights.unlisted + weights.containment * container.strength
    return weights.unlisted if _unsupported(entry, context, weights) else None


def _of_another_kind_far_off(entry: Entry, kind: frozenset[str] | None, context: _Context) -> bool:
    """Is ``entry`` of none of the GeoNames classes ``kind`` (those of the kind of place the
    text calls the name), and far from every other town of the story?"""
    return kind is not None and entry.feature_class not in kind and _beyond_the_story(entry, context)


def _pieces_far_off(settled: _Settled) -> set[str]:
    """Names the text writes only as a piece of a longer name the gazetteer lacks ("El Arbaa"
    of "the Souk El Arbaa market", "Serra" of "Serra da Estrela") that are read as a
    place, not an area, farther than ``NEAR_TOWN_KM`` from every populated place the story
    names besides (a story that names none gives no reason to doubt it). The longer name is
    a place of the story; a place far off that shares a word of it is a namesake."""
    far = set()
    for name in settled.cut_short:
        chosen = settled.choice.get(name)
        if chosen is None:
            continue
        entry = chosen.entry
        others = settled.context.without(name, settled.together.get(name, frozenset()))
        towns = [a.entry for a in others.anchors.values() if a.entry.feature_class == "P"]
        if (
            not entry.is_area
            and towns
            and all(_km_between(entry.lat, entry.lon, t.lat, t.lon) > NEAR_TOWN_KM for t in towns)
        ):
            far.add(name)
    return far


def _only_cut_short(
    mentions: Sequence[Mention], names: Mapping[Mention, str], cut_short: Collection[int]
) -> frozenset[str]:
    """The names every mention of which is a piece of a longer name the gazetteer does not
    list (``cut_short``: the mentions' starts); a name also written on its own is not."""
    if not cut_short:
        return frozenset()
    starts = set(cut_short)
    whole = {names[m] for m in mentions if m.start not in starts}
    return frozenset(names[m] for m in mentions if m.start in starts and names[m] not in whole)


def _named_kinds(text: str, mentions: Sequence[Mention], names: Mapping[Mention, str]) -> dict[str, frozenset[str]]:
    """The GeoNames classes of the kind of place the text calls each name, where it calls it
    one (``classes_of_named_kind``); a name called two kinds may be either."""
    kinds: dict[str, frozenset[str]] = {}
    for m in mentions:
        classes = classes_of_named_kind(text, m)
        if classes is not None:
            kinds[names[m]] = kinds.get(names[m], frozenset()) | classes
    return kinds


def _beyond_the_story(entry: Entry, context: _Context) -> bool:
    """A town farther than ``NEAR_TOWN_KM`` from every other town the story names (a story
    that names none gives no reason to doubt it; a country's or region's point says nothing
    of where in it a quarter lies)."""
    towns = [anchor.entry for anchor in context.anchors.values() if not anchor.entry.is_area]
    if entry.is_area or not towns:
        return False
    return all(_km_between(entry.lat, entry.lon, town.lat, town.lon) > NEAR_TOWN_KM for town in towns)


def _unsupported(entry: Entry, context: _Context, weights: Weights) -> bool:
    """A place, not a country, in an article whose other places point elsewhere: none in
    its country (nor a demonym of it), none near it."""
    if not entry.country_code or entry.is_country:
        return False  # countries are all listed, and so are continents and seas
    if context.country_total < weights.context_for_unlisted:
        return False  # a story that names no other place gives no reason to doubt it
    if context.countries.get(entry.country_code, 0.0) > weights.actor_vote:
        return False  # its country is named as more than one actor's
    return _proximity(entry, context, SUPPORT_SCALE_KM) < math.exp(-UNSUPPORTED_DISTANCE_SCALE)


def _confidence(scored: Sequence[_Scored], temperature: float, unlisted: float | None = None) -> float:
    """P(country) * P(candidate, or one within ``SAME_SPOT_KM`` of it | country), each a
    softmax over scores.

    Across countries only each country's best candidate counts, so that a crowd of
    small namesakes in one country (a dozen Palmyras in the United States) does not
    outweigh one well-supported candidate elsewhere. ``unlisted``, when given, is the
    score of one more reading across countries: a place the gazetteer lacks.
    """
    top = scored[0]
    best_by_country: dict[str, float] = {}
    for s in scored:
        best_by_country.setdefault(s.entry.country_code, s.score)
    across = sum(math.exp((score - top.score) / temperature) for score in best_by_country.values())
    if unlisted is not None:
        across += math.exp((unlisted - top.score) / temperature)
    in_country = [
        (math.exp((s.score - top.score) / temperature), s.entry)
        for s in scored
        if s.entry.country_code == top.entry.country_code
    ]
    within = sum(weight for weight, _ in in_country)
    # Readings that put the mark where the best one does are not a doubt about where it
    # is: Moscow the city and the region named after it, Kyiv's city and its region.
    same_spot = sum(
        weight
        for weight, e in in_country
        if e is top.entry or _km_between(e.lat, e.lon, top.entry.lat, top.entry.lon) <= SAME_SPOT_KM
    )
    return same_spot / (across * within)


def _precision(text: str, mention: Mention, entry: Entry) -> int:
    if entry.is_area:
        return GEO_PRECISION_REGION
    if names_a_spot(mention.text):
        return GEO_PRECISION_NEAR  # "the Rafah crossing": at or near the town, not the town
    before = text[max(0, mention.start - 20) : mention.start].lower()
    if any(before.rstrip().endswith(word) for word in NEAR_WORDS):
        return GEO_PRECISION_NEAR
    return GEO_PRECISION_TOWN
