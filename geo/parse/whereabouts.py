"""Where a place the gazetteer lacks is, from what the text says around its name.

Frontline villages, quarters of a city and small towns are often missing from the
gazetteer (or listed only under a namesake abroad), but reports place them: "in the Kora
village of Bel district", "Tamsa, a town in Orvel province", "the town of Dunmere in
northern Ruritania", "Lask, 40 km north of Varn". ACLED codes such a happening at the
smallest area or nearest town the report gives, with its geo_precision saying so: 2 for
near a town or part of a region, 3 for a province. So does this module:

- a name the gazetteer has only outside the area the text puts it in is not that
  namesake: a listed place of that name inside the area is taken if there is one,
  otherwise the name stands in at the area;
- a name recognised but left unresolved is looked up inside the area the text gives, and
  when no place of that name is there, stands in at the area.

A stand-in keeps the name as written as its mention (the analyst sees the village's name)
and the area's or town's gazetteer entry as its point. Nothing is guessed without such a
phrase: a name the text does not place stays unresolved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from gazetteer.entry import Entry
from gazetteer.geodesy import great_circle_km
from gazetteer.normalize import normalize
from geo.parse.capitals import capital_on
from geo.records import GEO_PRECISION_NEAR, GEO_PRECISION_REGION, GEO_PRECISION_TOWN, Mention, Place

#: Words that say what kind of settlement or area a name is ("the Dovra neighbourhood").
SETTLEMENT_WORDS = (
    "village",
    "villages",
    "town",
    "city",
    "settlement",
    "hamlet",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "district",
    "suburb",
    "camp",
    "area",
    "locality",
    "commune",
    "municipality",
    "county",
    "region",
    "province",
    "state",
    "governorate",
    "oblast",
    "subdistrict",
    "sub-district",
)
#: Settlements a report introduces by a word for their kind ("the town of Tamsa", "Lask, a
#: village near Varn"), as it introduces a place its readers are not expected to know: a
#: suburb or quarter only after the name, since "a suburb of X" names the city it belongs to;
#: of a list ("the towns of Ambel and Tamsa") only the last item, since the items before it
#: may be towns with their countries ("the towns of Lask, Ruritania and Tamsa").
INTRODUCED_AFTER_WORDS = (
    "village",
    "town",
    "hamlet",
    "settlement",
    "suburb",
    "quarter",
    "neighbourhood",
    "neighborhood",
)
INTRODUCED_BEFORE_WORDS = ("village", "town", "hamlet", "settlement")
_BEFORE_KIND = "|".join(INTRODUCED_BEFORE_WORDS)
_AFTER_KIND = "|".join(INTRODUCED_AFTER_WORDS)
_INTRODUCED_BEFORE = re.compile(
    rf"""
    \bthe\s+(?:[a-z-]+\s+){{0,3}}?(?:{_BEFORE_KIND})\s+of\s+$       # "the border town of"
    | \b(?:{_BEFORE_KIND})s\s+of\s+[A-Z][^.;:()\n]{{0,60}}?\sand\s+$  # "the towns of Ambel and"
    """,
    re.VERBOSE,
)
_INTRODUCED_AFTER = re.compile(
    rf"\s*,\s*(?:a|an)\s+(?:[a-z-]+\s+){{0,3}}?(?:{_AFTER_KIND})\b"  # ", a small town"
)
#: How far before a name its introduction is read, in characters.
INTRODUCTION_CHARS = 120
#: Words for a part of a city ("the Dovra neighbourhood", "the quarter of Dovra").
CITY_PART_WORDS = ("neighbourhood", "neighborhood", "quarter", "district", "suburb")
_CITY_PART = "|".join(CITY_PART_WORDS)
_CITY_PART_BEFORE = re.compile(rf"\bthe\s+(?:{_CITY_PART})\s+of\s+$")
_CITY_PART_AFTER = re.compile(rf"\s+(?:{_CITY_PART})\b")
_THE_BEFORE = re.compile(r"\bthe\s+$")
#: Words after a name that make it a street or square of a city ("on Dovra street"), with
#: or without "the" before it; in lower case, since a capital one is part of the name.
STREET_WORDS = ("street", "square")
_STREET_AFTER = re.compile(rf"\s+(?:{'|'.join(STREET_WORDS)})\b")


def introduced_as_settlement(text: str, mention: Mention) -> bool:
    """Does the text introduce the name as a village, town or quarter ("the village of X",
    "the towns of Y and X", "X, a small town")? Such a place is one the report expects its
    readers not to know: a local place, not a famous namesake elsewhere, and no country."""
    before = text[max(0, mention.start - INTRODUCTION_CHARS) : mention.start]
    return _INTRODUCED_BEFORE.search(before) is not None or _INTRODUCED_AFTER.match(text, mention.end) is not None


def called_a_city_part(text: str, mention: Mention) -> bool:
    """Does the text call the name a part of a city ("the Dovra neighbourhood", "the Dovra
    district", "the quarter of Dovra", "Dovra street")? Such a place lies in a town the story
    is about, not at a town of its name hundreds of kilometres from the story's other places."""
    if _STREET_AFTER.match(text, mention.end) is not None:
        return True
    before = text[max(0, mention.start - INTRODUCTION_CHARS) : mention.start]
    if _CITY_PART_BEFORE.search(before) is not None:
        return True
    return _THE_BEFORE.search(before) is not None and _CITY_PART_AFTER.match(text, mention.end) is not None


#: Words for other kinds of place a text names beside a name ("the Dovra bridge", "the
#: island of Dovra"), each with the GeoNames feature classes its places are listed under:
#: spots (S) for works and sites, terrain (T) for islands, hills, mountains and valleys,
#: water (H) for rivers and lakes. A reading of another class (a town, P, for a bridge) is
#: a namesake the text itself says is not the place meant, when it also lies far from the
#: story (``geo.parse.resolve``). A base, airport, crossing, camp or dam takes its name
#: from the town it serves, and an island often shares its name with its main town, so a
#: town (P) is of their kind; a bridge is named as often after the river it spans. A
#: quarter or an old city is listed as a populated place like the town it is mistaken for,
#: so for it no class is of its kind and the distance alone decides.
KIND_CLASSES: dict[str, frozenset[str]] = {
    "bridge": frozenset("S"),
    "dam": frozenset("SHP"),
    "crossing": frozenset("SP"),
    "camp": frozenset("SP"),
    "base": frozenset("SP"),
    "air base": frozenset("SP"),
    "airbase": frozenset("SP"),
    "airport": frozenset("SP"),
    "airfield": frozenset("SP"),
    "island": frozenset("TP"),
    "hill": frozenset("T"),
    "mountain": frozenset("T"),
    "valley": frozenset("T"),
    "river": frozenset("H"),
    "lake": frozenset("H"),
    "old city": frozenset(),
}
#: No listed class is a part of a city: see ``KIND_CLASSES``.
CITY_PART_CLASSES: frozenset[str] = frozenset()
_KIND = "|".join(sorted(KIND_CLASSES, key=len, reverse=True)).replace(" ", r"\s+")
_KIND_BEFORE = re.compile(rf"\bthe\s+(?:[a-z-]+\s+){{0,2}}?(?P<kind>{_KIND})\s+of\s+$", re.IGNORECASE)
_KIND_AFTER = re.compile(rf"\s+(?P<kind>{_KIND})\b", re.IGNORECASE)
#: A kind word in lower case that ends the name as recognised ("the Dovra bridge"): a
#: capital one is part of the name ("Dovra Lake" may be a town so named).
_KIND_ENDING = re.compile(rf"\s(?P<kind>{_KIND})$")
#: A name that is a kind word alone ("the Old City"): of the story's town.
_KIND_ALONE = re.compile(rf"(?P<kind>{_KIND})", re.IGNORECASE)


def classes_of_named_kind(text: str, mention: Mention) -> frozenset[str] | None:
    """The GeoNames feature classes of the kind of place the text calls the name ("the
    Dovra bridge", the word inside the name or not: spots; "the prison island of Dovra":
    terrain or towns; "the Dovra neighbourhood", "the Old City": none, see
    ``KIND_CLASSES``), or None when the text names no kind beside it. As for a part of a
    city, a kind after the name counts only with "the" before it ("Dovra airport
    officials" may be the town's)."""
    if called_a_city_part(text, mention):
        return CITY_PART_CLASSES
    before = text[max(0, mention.start - INTRODUCTION_CHARS) : mention.start]
    name = text[mention.start : mention.end]
    kind = _KIND_ALONE.fullmatch(name) or _KIND_ENDING.search(name) or _KIND_BEFORE.search(before)
    if kind is None and _THE_BEFORE.search(before) is not None:
        kind = _KIND_AFTER.match(text, mention.end)
    return None if kind is None else KIND_CLASSES[re.sub(r"\s+", " ", kind["kind"].lower())]


#: Sites named after a place ("the Ambel clinic in Sorva district"): what follows them
#: places the site, and so the name it is called by.
SITE_WORDS = (
    "hospital",
    "clinic",
    "school",
    "market",
    "mosque",
    "church",
    "base",
    "airbase",
    "airport",
    "prison",
    "port",
    "bridge",
    "crossing",
    "station",
    "checkpoint",
    "dam",
    "factory",
)
_SETTLEMENT = "|".join(sorted(SETTLEMENT_WORDS, key=len, reverse=True))
_SITE = "|".join(sorted((*SETTLEMENT_WORDS, *SITE_WORDS), key=len, reverse=True))
_COMPASS = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?)"
_DISTANCE = rf"(?:\d+(?:\.\d+)?\s*(?:km|kilometres|kilometers|miles|mi)\s+(?:\(\d+\s*miles\)\s+)?{_COMPASS}?\s*of)"
_NEAR = rf"(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of|(?:just\s+)?{_COMPASS}\s+of|{_DISTANCE})"
_WITHIN = r"(?:in|of|within)"
#: What may stand between a place's name and the area or town that places it:
#: "Ambel in", " village of", ", a small town in", ", 40 km north of", ", in the".
_BETWEEN = re.compile(
    rf"""
    (?:\s+(?:{_SITE}))?                                        # "Dovra neighbourhood"
    (?:
        \s*,\s*(?:(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}?(?:{_SETTLEMENT})\s+)?  # ", a coastal town"
      | \s+
    )
    (?P<relation>{_NEAR}|{_WITHIN})\s+
    (?:the\s+)?(?:{_COMPASS}\s+)?                               # "in the northern"
    (?:(?P<middle>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:{_SETTLEMENT})\s+{_WITHIN}\s+(?:the\s+)?(?:{_COMPASS}\s+)?)?
    $""",
    re.VERBOSE,
)
#: ", Ruritania" or ", Kora province" after a name: an area given by a comma alone.
_COMMA_ONLY = re.compile(r"\s*,\s*$")
#: How close a place must be to a town the text puts it "in" or "near" to be that place.
WITHIN_TOWN_KM = 50.0
NEAR_TOWN_KM = 100.0
#: The longest stretch of text read between a name and the area that places it.
MAX_BETWEEN = 90


@dataclass(frozen=True, slots=True)
class Anchor:
    """What the text gives for a name's whereabouts: the place it names after it and whether
    the name lies in it (``within``) or near it."""

    place: Place
    within: bool


def placed_by_context(text: str, places: Sequence[Place], unplaced: Sequence[Mention], gazetteer: Any) -> list[Place]:
    """``places`` with namesakes the text contradicts replaced, and ``unplaced`` names the text
    places added (see the module's docstring); once the text has placed a name, its other
    mentions in the text follow. Stand-ins come first, so that an event at the village is
    read before one at the area that only locates it."""
    in_order = sorted(places, key=lambda p: p.mention.start)
    # A name between another name and the area that places it only says where that one is
    # ("Ambel, in Sorva district of Kora"): it makes no stand-in of its own.
    spans = [
        (m.end, a.place.mention.start)
        for m in (*unplaced, *(p.mention for p in places))
        if (a := anchor_of(text, m, in_order))
    ]
    placed_here: dict[Mention, Place | None] = {}
    for place in places:
        anchor = anchor_of(text, place.mention, in_order)
        if anchor is not None and not lies_in(place.entry, anchor) and _unsupported_town(place, places):
            placed_here[place.mention] = placed(place.mention, anchor, gazetteer, places)
    for mention in unplaced:
        anchor = None if any(a <= mention.start < b for a, b in spans) else anchor_of(text, mention, in_order)
        if anchor is not None:
            placed_here[mention] = placed(mention, anchor, gazetteer, places)
    by_name = {normalize(m.text): p for m, p in placed_here.items() if p is not None}
    result: list[Place] = []
    for place in places:
        if place.mention in placed_here:
            found = placed_here[place.mention]
        elif (same := by_name.get(normalize(place.mention.text))) is not None and _unsupported_town(place, places):
            found = replace(same, mention=place.mention)
        else:
            found = place
        if found is not None:
            result.append(found)
    for mention in unplaced:
        if mention in placed_here:
            found = placed_here[mention]
        elif (same := by_name.get(normalize(mention.text))) is not None:
            found = replace(same, mention=mention)
        else:
            found = None
        if found is not None:
            result.append(found)
    return sorted(result, key=lambda p: (not p.unlisted, p.mention.start))


#: How far a town must lie from every other place of a story to be read as a namesake of one
#: of its own towns: farther than a war's front reaches, so that a town across the border
#: (a strike on a Russian town in a story of Ukraine's war that never names Russia, only
#: "Russian forces") stays as read.
NAMESAKE_ABROAD_KM = 1500.0


def story_country(places: Sequence[Place], demonym_countries: Sequence[str] = ()) -> str | None:
    """The country whose places the story names most, counting each name once and a country
    its demonyms name as one name more; None when two countries tie or the story names none."""
    names: dict[str, set[str]] = {}
    for p in places:
        if p.entry.country_code:
            names.setdefault(p.entry.country_code, set()).add(normalize(p.mention.text))
    for code in demonym_countries:
        names.setdefault(code, set()).add("")  # its people's word, once
    ranked = sorted(((len(n), code) for code, n in names.items()), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return ranked[0][1]


def namesakes_abroad(places: Sequence[Place], demonym_countries: Sequence[str] = ()) -> dict[Mention, Place | None]:
    """Towns read in a country no other place of the story lies in, far from all of them,
    in a story set in another country (``story_country``): a town the gazetteer lacks
    read as its famous namesake ("a hotel in Palma" in a report filed from a
    Mozambican town read as the Spanish city). Each maps to the stand-in it takes when it is
    where fighting happened: the story's one named province of its country, as a village
    the gazetteer lacks stands in at its province (``placed``), or None (no place for the
    event) when the story names none or several. Capitals are kept: a capital's name is named
    for itself. The caller applies this to fighting only (``pipeline.ACTS_ON_THE_GROUND``):
    talks and statements are held abroad, often in a city whose country goes unnamed, and
    aid and refugees come from and go to famous cities far off."""
    home = story_country(places, demonym_countries)
    if home is None:
        return {}
    province = the_one_province(places, home)
    abroad: dict[Mention, Place | None] = {}
    for place in places:
        entry = place.entry
        if (
            entry.country_code in ("", home)
            or entry.feature_code == "PPLC"
            or place.unlisted
            or entry.country_code in demonym_countries
            or not _unsupported_town(place, places)
            or any(_km(entry, p.entry) <= NAMESAKE_ABROAD_KM for p in places if p.entry.country_code == home)
        ):
            continue
        abroad[place.mention] = None if province is None else standing_in(place.mention, province, GEO_PRECISION_REGION)
    return abroad


def _km(a: Entry, b: Entry) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def _unsupported_town(place: Place, places: Sequence[Place]) -> bool:
    """Is ``place`` a town in a country no other place of the text is in? Only such a reading
    yields to the area the text puts the name in: a town of a country the story is about
    ("rockets from Gaza in southern Israel") is kept as read."""
    entry = place.entry
    return entry.feature_class == "P" and not any(
        p.entry.country_code == entry.country_code for p in places if p.mention.text != place.mention.text
    )


def anchor_of(text: str, mention: Mention, places: Sequence[Place]) -> Anchor | None:
    """The place the text names right after ``mention`` to say where it is, if any
    (``places`` in text order)."""
    for other in places:
        if other.mention.start < mention.end or other.mention.sentence != mention.sentence:
            continue
        between = text[mention.end : other.mention.start]
        if len(between) > MAX_BETWEEN:
            return None
        match = _BETWEEN.match(between)
        if match is not None:
            return Anchor(other, within=match.group("relation") in ("in", "of", "within"))
        if _COMMA_ONLY.match(between) and other.entry.is_area:
            return Anchor(other, within=True)
        return None  # only the first place after the name can place it
    return None


def lies_in(entry: Entry, anchor: Anchor) -> bool:
    """Is ``entry`` where the anchor puts it: inside its area, or in or near its town?"""
    area = anchor.place.entry
    if area.is_country:
        return entry.country_code == area.country_code
    if area.is_area:
        if entry.country_code != area.country_code:
            return False
        if area.feature_code == "ADM1" and area.admin1_code and entry.admin1_code:
            return entry.admin1_code == area.admin1_code
        return True
    reach = WITHIN_TOWN_KM if anchor.within else NEAR_TOWN_KM
    return great_circle_km(entry.lat, entry.lon, area.lat, area.lon) <= reach


def placed(mention: Mention, anchor: Anchor, gazetteer: Any, places: Sequence[Place]) -> Place | None:
    """The place of ``mention`` where the anchor puts it: a listed place of that name there,
    else the name standing in at the anchor (at the province the article names, when the
    anchor is a whole country), else ``None``."""
    inside = [e for e in gazetteer.lookup(mention.text) if lies_in(e, anchor)]
    if inside:
        return Place(mention, inside[0], 0.8, GEO_PRECISION_TOWN, tuple(inside))
    area = anchor.place.entry
    if area.is_country:
        province = the_one_province(places, area.country_code)
        if province is None:
            return None  # a whole country is no place for a village's event
        area = province
    return standing_in(mention, area, stand_in_precision(area, anchor.within))


def the_one_province(places: Sequence[Place], country_code: str) -> Entry | None:
    """The first-level region of ``country_code`` that ``places`` name, when they name one only."""
    provinces = {p.entry.geonameid: p.entry for p in places if _is_province_of(p.entry, country_code)}
    return next(iter(provinces.values())) if len(provinces) == 1 else None


def standing_in(mention: Mention, area: Entry, precision: int) -> Place:
    """``mention``, a place the gazetteer lacks or misreads, placed at ``area`` that holds it."""
    return Place(mention, area, 0.6, precision, (area,), unlisted=True)


def _is_province_of(entry: Entry, country_code: str) -> bool:
    return entry.feature_code == "ADM1" and entry.country_code == country_code


def stand_in_precision(area: Entry, within: bool) -> int:
    """ACLED's geo_precision of an event coded at ``area`` for a place inside or near it:
    3 at a province or larger, 2 near a town or in part of a region."""
    if area.is_area and (area.is_country or area.feature_code in ("ADM1", "RGN")):
        return GEO_PRECISION_REGION
    return GEO_PRECISION_NEAR


#: "the Qatari capital", "the Libyan capital city": a country's capital told by its people's
#: word, as reports name a capital once its name has been given or is taken as known. The
#: word is read from the gazetteer's demonym table, so only words that name one country count.
_PEOPLES_CAPITAL = re.compile(r"\bthe\s+(?P<people>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+capital(?:\s+city)?\b")
#: "Libya's capital" and "the capital of Libya": the same told with the country's name, which
#: the geoparser has read as a place (so its resolver, not a second lookup, says which country).
_POSSESSIVE_CAPITAL = re.compile(r"['’]s?\s+capital(?:\s+city)?\b")
_CAPITAL_OF = re.compile(r"\bthe\s+capital(?:\s+city)?\s+of\s+(?:the\s+)?")
#: What may follow the country's name in "the capital of <country>" for the name to end the
#: phrase: punctuation, the end, or an English function word or adverb of time. Any other
#: lower-case word is a noun the country's name modifies ("the capital of the Ruritania province").
_PHRASE_ENDS = re.compile(
    r"(?:[^\w\s]|\s*$)|\s+(?:on|in|at|to|from|for|with|by|and|or|but|after|before|since|during|until|amid|as|near|"
    r"where|when|while|which|who|that|was|is|were|has|had|have|will|would|this|last|late|early|overnight|"
    r"yesterday|today|earlier|later)\b|\s+[^a-z\s]"
)
#: What may stand between such a phrase and the capital's own name right after it ("the Qatari
#: capital, Doha") or before it ("Doha, the Qatari capital"): the name is read as itself, and
#: the phrase, which only describes it, makes no second place.
_APPOSITION = re.compile(r"\s*,?\s*$")
_APPOSITION_BEFORE = re.compile(r"\s*,\s*$")
#: How sure a capital read from its people's word is: the demonym table leaves out words that
#: could name two countries, but "the Syrian capital" may be written of its government too.
CAPITAL_REFERENCE_CONFIDENCE = 0.9
#: The label of a mention that is such a phrase (``Mention.label``).
CAPITAL_REFERENCE_LABEL = "CAPITAL"


@dataclass(frozen=True, slots=True)
class CapitalPhrase:
    """A phrase of ``text[start:end]`` that names ``country``'s capital; ``country_place`` is
    the country's own place inside it, if the phrase names the country."""

    start: int
    end: int
    country: str
    country_place: Place | None = None


def capital_phrases(text: str, places: Sequence[Place], start: int, end: int, gazetteer: Any) -> list[CapitalPhrase]:
    """Every phrase of ``text[start:end]`` that names a country's capital without its name:
    by its people's word ("the Qatari capital"), or by the country's name, read as a country
    among ``places``, in the possessive ("Qatar's capital") or after "of" ("the capital of Qatar")."""
    found = []
    for match in _PEOPLES_CAPITAL.finditer(text, start, end):
        code = gazetteer.demonym(match.group("people"))
        if code is not None:
            found.append(CapitalPhrase(match.start(), match.end(), code))
    countries = [p for p in places if p.entry.is_country and start <= p.mention.start < end]
    for match in _POSSESSIVE_CAPITAL.finditer(text, start, end):
        for country in countries:
            if country.mention.end == match.start():
                found.append(CapitalPhrase(country.mention.start, match.end(), country.entry.country_code, country))
    for match in _CAPITAL_OF.finditer(text, start, end):
        for country in countries:
            if country.mention.start == match.end() and _PHRASE_ENDS.match(text, country.mention.end):
                found.append(CapitalPhrase(match.start(), country.mention.end, country.entry.country_code, country))
    return sorted(found, key=lambda phrase: phrase.start)


def _overlaps_or_names(mention: Mention, start: int, end: int, text: str) -> bool:
    """Whether ``mention`` overlaps ``text[start:end]`` or stands beside it as the name it
    describes ("Doha, the Qatari capital"; "the Qatari capital, Doha")."""
    if mention.start < end and start < mention.end:
        return True
    if mention.start >= end:
        return _APPOSITION.match(text[end : mention.start]) is not None
    return _APPOSITION_BEFORE.match(text[mention.end : start]) is not None


def capital_references(
    text: str,
    places: Sequence[Place],
    sentences: Sequence[tuple[int, int]],
    gazetteer: Any,
    first_sentence: int = 0,
    published: date | None = None,
) -> list[Place]:
    """A place at the country's capital for each phrase of ``capital_phrases`` in ``sentences``
    of ``text`` ((start, end) of each, in order, the first numbered ``first_sentence``) that no
    other place of ``places`` overlaps and none stands beside as its name; the phrase as written is
    its mention. The capital is the one of the day the story was ``published`` (``capital_on``)."""
    if not sentences:
        return []
    starts = [start for start, _ in sentences]
    found = []
    for phrase in capital_phrases(text, places, sentences[0][0], sentences[-1][1], gazetteer):
        start, end = phrase.start, phrase.end
        others = [p for p in places if p is not phrase.country_place]
        if any(_overlaps_or_names(p.mention, start, end, text) for p in others):
            continue
        capital = capital_on(gazetteer, phrase.country, published)
        if capital is None:
            continue
        sentence = first_sentence + max(0, bisect_right(starts, start) - 1)
        mention = Mention(start, end, text[start:end], CAPITAL_REFERENCE_LABEL, sentence)
        found.append(Place(mention, capital, CAPITAL_REFERENCE_CONFIDENCE, GEO_PRECISION_TOWN))
    return found
