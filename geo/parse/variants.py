"""A place written the way the story writes it, not the way the gazetteer lists it.

Two kinds of looser reading, both only for a name the gazetteer does not list as written:

* another spelling of a listed name ("Mousul", "Hawija" for Al Hawijah): the gazetteer's
  ``variants``, the same spelling form first, then close forms, each weighed down by how
  far its form is (``spelling_variants``);
* a listed name with a generic head word ("the X crossing", "X province"): an area word
  ("province", "governorate", "region", "oblast", "state") reads the first-level area
  named X; a place word ("crossing", "bridge", "square", "gorge", "district", "plain",
  "camp", ...) reads X's own place, less surely (``head_word_reading``).

Neither decides where the story is: resolution keeps a looser candidate only in a
country the article names or where its other places lie
(``geo.parse.resolve.within_article_countries``), so a spelling that happens to match
a village abroad stays unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from gazetteer.geodesy import great_circle_km
from gazetteer.normalize import normalize

if TYPE_CHECKING:
    from gazetteer.database import NameMatch, VariantMatch
    from gazetteer.entry import Entry

#: Words after a name that make it a first-level area: "Latakia province" is the
#: governorate, not the city.
AREA_HEAD_WORDS = frozenset({"province", "governorate", "region", "oblast", "state", "prefecture", "department"})
#: Words after a name that make it a spot at or near the place so named: "the Rafah
#: crossing" is at Rafah, "the Argun gorge" near Argun.
PLACE_HEAD_WORDS = frozenset(
    {
        "crossing",
        "bridge",
        "square",
        "gorge",
        "district",
        "plain",
        "plains",
        "camp",
        "valley",
        "corridor",
        "checkpoint",
        "airport",
        "airbase",
        "market",
    }
)
#: Words that name terrain: a valley, gorge, plain, river or range takes its name from a
#: river, town or region, never from an airfield or a crossing, so "the X valley" (as one
#: name, or "X" followed by the word) reads no spot named X.
TERRAIN_WORDS = frozenset({"gorge", "plain", "plains", "valley", "river", "mountains", "hills"})
#: GeoNames' feature class of spots: airfields, crossings, bases, camps, bridges.
SPOT_CLASS = "S"
#: A terrain word right after a mention, in lower case ("the Tavrin gorge").
_TERRAIN_WORD_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(TERRAIN_WORDS)) + r")\b")
#: An area word right after a mention, in lower case ("Latakia province"; "the Kherson
#: region's"), which spaCy and the recogniser leave outside the name.
_AREA_WORD_AFTER = re.compile(r"[ \t]+(" + "|".join(sorted(AREA_HEAD_WORDS)) + r")\b")
#: An area word and "of" right before a mention, in lower case ("the department of X", "the
#: eastern province of X"): the noun the name completes says what kind of place it is.
_AREA_WORD_BEFORE = re.compile(r"\b(" + "|".join(sorted(AREA_HEAD_WORDS)) + r")[ \t]+of[ \t]+(?:the[ \t]+)?$")
#: How far before a mention ``_AREA_WORD_BEFORE`` looks, in characters.
AREA_WORD_BEFORE_CHARS = 40
#: The lower-case particles that join the words of one place name in the Romance languages
#: ("Santiago de los Caballeros", "Zamboanga del Norte", "Serra da Estrela"), longest first.
ROMANCE_PARTICLES = ("de la", "de las", "de los", "del", "des", "de", "da", "das", "do", "dos", "di", "du")
#: ... their words, each on its own.
ROMANCE_PARTICLE_WORDS = frozenset(word for particle in ROMANCE_PARTICLES for word in particle.split())
_PARTICLE = "(?:" + "|".join(p.replace(" ", "[ \t]+") for p in ROMANCE_PARTICLES) + ")"
#: A particle and a capitalised word right after a mention: the rest of its name.
_NAME_TAIL = re.compile(r"[ \t]+" + _PARTICLE + r"[ \t]+[A-Z][\w'-]*\w")
#: Words before a name that say it is a river's, in lower case: "along the X", "the banks of
#: the X", "a bridge over the X", "crossed the X". A region that shares the river's name is
#: not walked along, bridged or crossed by its banks.
_RIVER_WORDS_BEFORE = re.compile(
    r"\b(?:along|across|crossed|bridges?[ \t]+(?:over|across)|(?:banks?|shores?|waters)[ \t]+of)[ \t]+the[ \t]+$"
)
#: "river" right after a mention, in lower case ("the X river bridge").
_RIVER_WORD_AFTER = re.compile(r"[ \t]+river\b")
#: How far before a mention ``_RIVER_WORDS_BEFORE`` looks, in characters.
RIVER_WORDS_BEFORE_CHARS = 30
#: GeoNames' feature code of a river.
RIVER_CODE = "STM"
#: What an area word adds to a first-level area's prior (the resolver's 0..~1.5 scale): more
#: than a town gets for sharing its region's name (``Weights.region_seat``, 0.4), less than
#: the article's countries give (``Weights.country``, 1.2), so "Latakia province" is the
#: governorate while "the Kingston region" of a Canadian story stays around the Canadian city.
AREA_WORD_BONUS = 0.8
#: ``NameMatch.name_kind`` of a place's own name.
PREFERRED_NAME = 0
#: The feature codes an area word reads.
FIRST_LEVEL_CODES = frozenset({"ADM1"})
#: A place found by a looser reading must lie this close to one of the article's other
#: places (or be a first-level area holding one), unless it is a well-known town: a
#: village abroad that shares a spelling lies hundreds of kilometres from the story.
LOOSE_READING_KM = 150.0
WELL_KNOWN_POPULATION = 100_000
#: How close a spelling form must be to be read as the same name when it is not the same
#: form: "Rajouri" for Rajaori (0.92), not "Markale" for Mercallo (0.86).
NEAR_SPELLING = 0.9
#: How much prominence a candidate loses per unit of distance between the spelling forms
#: (1 - similarity): a form at 0.85 costs 0.3, about the gap between a town of 1,000
#: people and one of 10,000 on the resolver's scale.
SPELLING_DISTANCE_COST = 2.0


class Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Lookup(Protocol):
    def lookup(self, name: str) -> tuple[Entry, ...]: ...


class SpellingIndex(Protocol):
    def variants(self, name: str) -> tuple[VariantMatch, ...]: ...


class HeadWordIndex(SpellingIndex, Protocol):
    def matches(self, name: str) -> tuple[NameMatch, ...]: ...


@dataclass(frozen=True, slots=True)
class SpellingCandidate:
    """A place another spelling of the name names, and what the difference costs it."""

    entry: Entry
    similarity: float

    @property
    def cost(self) -> float:
        return SPELLING_DISTANCE_COST * (1.0 - self.similarity)


@dataclass(frozen=True, slots=True)
class HeadWordReading:
    """What a name with a generic head word reads as: the base name's matches, and
    whether they are looser than the name itself (a spot named after a place, or
    a base found only in another spelling)."""

    base: str
    head: str
    matches: tuple[NameMatch, ...]
    spellings: tuple[SpellingCandidate, ...]
    loose: bool
    #: an area word: the first-level areas among ``matches`` come first by ``AREA_WORD_BONUS``
    prefers_areas: bool = False


def spelling_variants(name: str, index: SpellingIndex) -> tuple[SpellingCandidate, ...]:
    """The places another spelling of ``name`` names, best first (same form, then closer
    than ``NEAR_SPELLING``). A country only in the same form: a near spelling of a
    country's name is more often a region or a word ("Shomali", "Somalia")."""
    return tuple(
        SpellingCandidate(v.entry, v.similarity)
        for v in index.variants(name)
        if v.similarity == 1.0 or (v.similarity >= NEAR_SPELLING and not v.entry.is_country)
    )


def has_spelling_variant(name: str, index: SpellingIndex) -> bool:
    return bool(spelling_variants(name, index))


def with_area_word(text: str, mention: Spanned, name: str) -> str:
    """``name`` with the lower-case area word the text puts right after the mention
    ("Latakia" followed by " province" -> "Latakia province"), or right before it with
    "of" ("the province of Latakia" -> "province of Latakia"); else ``name`` as it is."""
    if split_head_word(name) is not None:
        return name
    found = _AREA_WORD_AFTER.match(text, mention.end)
    if found:
        return f"{name} {found.group(1)}"
    before = _AREA_WORD_BEFORE.search(text, max(0, mention.start - AREA_WORD_BEFORE_CHARS), mention.start)
    return f"{before.group(1)} of {name}" if before else name


def with_name_around(text: str, mention: Spanned, name: str) -> str:
    """``name`` with the rest of the place name the text writes right after the mention,
    joined by a particle: "Santiago" followed by " de los Caballeros" -> "Santiago de los
    Caballeros"; else ``name`` as it is. The recogniser may take only the part of such a name
    that the gazetteer lists as a place of its own, another place."""
    after = _NAME_TAIL.match(text, mention.end)
    return name + after.group(0) if after else name


def continues_with_a_particle(words: Sequence[str]) -> bool:
    """Do the normalised ``words`` that follow a name's first words go on with a particle and
    more of the name ("del caguan", "de la sierra")?"""
    return any(
        len(words) > len(particle) and list(words[: len(particle)]) == particle
        for particle in (p.split() for p in ROMANCE_PARTICLES)
    )


def with_river_word(text: str, mention: Spanned, name: str, index: Lookup) -> str:
    """``name`` as "``name`` River" when the text puts river words around the mention ("barges
    along the X", "the X river") and the gazetteer lists a river so named; else
    ``name`` as it is. A river whose bare name a region or town holds is listed only as "X
    River" (``gazetteer/data/physical_features.tsv``): the bare name is that place's unless
    the words around it say river."""
    start = max(0, mention.start - RIVER_WORDS_BEFORE_CHARS)
    if not (_RIVER_WORD_AFTER.match(text, mention.end) or _RIVER_WORDS_BEFORE.search(text, start, mention.start)):
        return name
    river = f"{name} River"
    return river if any(e.feature_code == RIVER_CODE for e in index.lookup(river)) else name


def base_name(norm: str) -> str:
    """A normalised name without its area word: ``"odesa region"`` -> ``"odesa"``."""
    split = split_head_word(norm)
    return split[0] if split is not None and split[1] in AREA_HEAD_WORDS else norm


def area_word_bonus(entry: Entry) -> float:
    return AREA_WORD_BONUS if entry.feature_code in FIRST_LEVEL_CODES else 0.0


def names_a_spot(name: str) -> bool:
    """Does the name end in a place word ("Rafah crossing")? Its place is near the town."""
    split = split_head_word(name)
    return split is not None and split[1] in PLACE_HEAD_WORDS


def split_head_word(name: str) -> tuple[str, str] | None:
    """(base, head word) of a name ending in a generic head word, else None:
    ``"Latakia province"`` -> ``("latakia", "province")``."""
    named_after = area_word_before(name)
    if named_after is not None:
        return named_after
    words = normalize(name).split()
    if len(words) < 2 or words[-1] not in AREA_HEAD_WORDS | PLACE_HEAD_WORDS:
        return None
    return " ".join(words[:-1]), words[-1]


def area_word_before(name: str) -> tuple[str, str] | None:
    """(base, area word) of a name written after its area word and "of" (``with_area_word``):
    ``"province of Latakia"`` -> ``("latakia", "province")``; else None."""
    words = normalize(name).split()
    if len(words) < 3 or words[0] not in AREA_HEAD_WORDS or words[1] != "of":
        return None
    return " ".join(words[2:]), words[0]


def head_word_reading(name: str, index: HeadWordIndex) -> HeadWordReading | None:
    """How to read ``name`` (which the gazetteer does not list as written) by its base
    name, when it ends in a generic head word; None when it does not, or the base is
    not listed in any spelling.

    An area word prefers the first-level areas of that name ("Latakia province"); without
    one, and for a place word, the base's places, or those of its other spellings, are a
    looser reading.
    """
    split = split_head_word(name)
    if split is None:
        return None
    base, head = split
    matches = tuple(m for m in index.matches(base) if _may_name(head, m.entry))
    if area_word_before(name) is not None:
        # "the state of X", "the department of X": the name completes the area word, so
        # it is a first-level area wherever one has the name (a country, the same name
        # bare); with none, the name is read as it is written bare (None).
        areas = _first_level_areas(base, matches, index)
        return HeadWordReading(base, head, areas, (), loose=False, prefers_areas=True) if areas else None
    if head in AREA_HEAD_WORDS and any(m.entry.is_country and m.name_kind == PREFERRED_NAME for m in matches):
        # "Georgia state television", "Israel state media": the country's institutions.
        return HeadWordReading(base, head, matches, (), loose=False)
    if head in AREA_HEAD_WORDS:
        areas = _first_level_areas(base, matches, index)
        if areas:
            # In a country with a province of the name, the area word picks the province;
            # a town of the name elsewhere stays a reading ("the Kingston region", Ontario).
            countries = {m.entry.country_code for m in areas}
            others = tuple(m for m in matches if m.entry.country_code not in countries)
            return HeadWordReading(base, head, (*areas, *others), (), loose=False, prefers_areas=True)
        spelt = tuple(
            s
            for s in spelling_variants(base, index)
            if s.similarity == 1.0 and s.entry.feature_code in FIRST_LEVEL_CODES
        )
        if spelt:
            return HeadWordReading(base, head, (), spelt, loose=True)
        # No province of the name (a former one, "the Kulyab region"): the area around
        # the town, as a looser reading.
    if matches:
        return HeadWordReading(base, head, matches, (), loose=True)
    spellings = tuple(s for s in spelling_variants(base, index) if s.similarity == 1.0 and _may_name(head, s.entry))
    if not spellings:
        return None
    return HeadWordReading(base, head, (), spellings, loose=True)


def _may_name(head: str, entry: Entry) -> bool:
    """May the place ``entry`` give its name to a feature of kind ``head``? Not a spot to terrain."""
    return not (head in TERRAIN_WORDS and entry.feature_class == SPOT_CLASS)


def names_terrain(text: str, mention: Spanned) -> bool:
    """Is the mention followed by a lower-case terrain word ("Tavrin" in "the Tavrin
    valley")? Then it is the terrain's name, and no airfield or crossing of that name."""
    return _TERRAIN_WORD_AFTER.match(text, mention.end) is not None


def is_spot(entry: Entry) -> bool:
    return entry.feature_class == SPOT_CLASS


def _first_level_areas(base: str, matches: Sequence[NameMatch], index: HeadWordIndex) -> tuple[NameMatch, ...]:
    """The first-level areas named ``base``, or listed with another area word ("Kursk
    region" is listed as "Kursk Oblast")."""
    areas = tuple(m for m in matches if m.entry.feature_code in FIRST_LEVEL_CODES)
    if areas:
        return areas
    found: dict[int, NameMatch] = {}
    for word in sorted(AREA_HEAD_WORDS):
        for match in index.matches(f"{base} {word}"):
            if match.entry.feature_code in FIRST_LEVEL_CODES:
                found.setdefault(match.entry.geonameid, match)
    return tuple(sorted(found.values(), key=lambda m: -m.score))


def near_the_article(entry: Entry, anchors: Sequence[Entry], *, same_form: bool = True) -> bool:
    """May a looser reading stand for ``entry`` among the article's places ``anchors``?
    Yes for a country, a well-known town written in its own spelling form, an area
    holding one of them, a place within ``LOOSE_READING_KM`` of one, and in an article
    with no other places to go by. A near form of a famous town's name is more often
    one of its many foreign names met by chance ("Menagh", an air base, and a German
    name of Munich) than a way of writing it."""
    if not anchors or entry.is_country:
        return True
    if same_form and entry.feature_class == "P" and entry.population >= WELL_KNOWN_POPULATION:
        return True
    for anchor in anchors:
        if not same_form and anchor.geonameid == entry.geonameid:
            continue  # the story's own Munich says nothing of where "Menagh" is
        if entry.feature_code in FIRST_LEVEL_CODES and (anchor.country_code, anchor.admin1_code) == (
            entry.country_code,
            entry.admin1_code,
        ):
            return True
        if great_circle_km(entry.lat, entry.lon, anchor.lat, anchor.lon) <= LOOSE_READING_KM:
            return True
    return False
