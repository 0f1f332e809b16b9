"""The basemap's town names as an English-language map writes them.

The towns come from GeoNames, whose names carry the marks of a scholarly transliteration
("Al Aḥmadī", "Najrān", "Ḩā'il") that no newspaper prints, and which sometimes lists a
city's old quarter as a bigger town than the city itself, a few km from it: Basra's old
city, "Al Başrah al Qadīmah", is listed with 2.0 million people, Basrah with 1.3 million,
so the quarter's long name took the city's label. Labels therefore drop the diacritics,
and a town whose name is a neighbouring town's name with more words, listed bigger than
that town, is labelled by the town's name (the place a reader looks for) and the town
itself is not labelled twice. The quarter's name may spell the city's another way: Mosul's
new quarter is listed as "Al Mawşil al Jadīdah", bigger than Mosul, whose English name is
the one a reader knows; the two names are one name when their transliteration skeletons
(``gazetteer.normalize``, as the resolver matches spellings) are the same. A part lies
inside its city: a town of the same name with more words that stands outside the city's
built-up area (estimated from its population) is a town of its own, a new town built
beside an old one, and is labelled by its own name.

A town where events happened is named on the map as the articles name it (Tadmur is
"Palmyra" in every report, and so in the feed, the popups and a briefing's labels): the
page swaps the basemap's name for the articles' (``renamed_towns``), and the popup keeps
the gazetteer's name beside it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter

from gazetteer.basemap_detail import Town
from gazetteer.geodesy import great_circle_km
from gazetteer.normalize import COMBINING_MARKS, bare_skeleton, normalize, strip_articles
from geo.map.names import PlaceKey, place_key, tidy_name
from geo.records import Event

#: The ayn and hamza signs of transliterations (an ordinary apostrophe, "Ma'rib", stays), and
#: Turkish dotless i, which English prints dotted ("Elazig").
_TRANSLITERATION_MARKS = str.maketrans({**dict.fromkeys("ʻʼʽʾʿ‘’", None), "ı": "i"})
#: The words (normalised, Arabic articles dropped) that make a city's name the name of a
#: part of it when they follow it: "Al Basrah al Qadimah" is Basra's old city, "Al Mawsil al
#: Jadidah" Mosul's new one, "Mandaluyong City" Mandaluyong. A "new" before the name makes a
#: town of its own (New Delhi, Nuevo Laredo), and is never a part's name here: only the
#: words after a city's name are read.
QUARTER_WORDS = frozenset(
    {"qadimah", "qadima", "qadim", "jadidah", "jadida", "jadid", "old", "city", "town", "centre", "center"}
)
#: Names joined by a hyphen are twin towns or districts of two ("Pimpri-Chinchwad"), not a city's part.
_JOINED = re.compile("[-‐-―]")
#: How near a part of a city lies to the city, in km, to be taken for it, at most.
QUARTER_KM = 5.0
#: People per km² of a town's built-up area, a typical urban density: a part of a city lies
#: inside the city's area, a disc this dense for the city's population. "Burj al Arab al
#: Jadidah", 3 km from Burj al Arab (22,000 people, some 1.2 km across its middle), is a new
#: town beside it and keeps its name; Mosul's new quarter, 1.2 km from a city of 1.7 million,
#: is Mosul.
URBAN_DENSITY_PER_KM2 = 5000.0
#: A part listed this many times bigger than the city is another town ("Rochester Hills").
QUARTER_MAX_RATIO = 4.0


def plain_letters(name: str) -> str:
    """``name`` without diacritics or transliteration marks: ``"Al Aḥmadī"`` -> ``"Al Ahmadi"``."""
    if name.isascii():
        return name
    text = COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", name)).translate(_TRANSLITERATION_MARKS)
    return unicodedata.normalize("NFC", " ".join(text.split())) or name


def _key(name: str) -> tuple[str, ...]:
    return tuple(strip_articles(normalize(name)).split())


def _skeleton(tokens: tuple[str, ...]) -> str:
    """The name's transliteration skeleton: "mawsil" and "mosul" share one."""
    return bare_skeleton(" ".join(tokens))


def _heads(tokens: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """The city a part's name names: its first words, when every word after them says
    "old city" or "city" (``QUARTER_WORDS``)."""
    for length in range(len(tokens) - 1, 0, -1):
        if not QUARTER_WORDS.issuperset(tokens[length:]):
            return
        yield tokens[:length]


def _km(a: Town, b: Town) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)


def built_up_radius_km(population: int) -> float:
    """The radius of a disc holding ``population`` at URBAN_DENSITY_PER_KM2: how far from
    its point a town's streets reach, roughly."""
    return math.sqrt(population / URBAN_DENSITY_PER_KM2 / math.pi)


def display_towns(towns: Iterable[Town]) -> list[Town]:
    """``towns`` (largest first) as their labels name them, in the same order: names
    in plain letters, and a city's part listed bigger than the city, within QUARTER_KM of
    it, under the city's name, the city itself left out."""
    towns = list(towns)
    by_key: dict[tuple[str, ...], list[int]] = {}
    by_skeleton: dict[str, list[int]] = {}
    keys = [_key(t.name) for t in towns]
    for i, key in enumerate(keys):
        by_key.setdefault(key, []).append(i)
        by_skeleton.setdefault(_skeleton(key), []).append(i)
    named_as: dict[int, int] = {}  # the part's index -> the city's
    absorbed: set[int] = set()
    for i, key in enumerate(keys):
        if len(key) < 2 or _JOINED.search(towns[i].name):
            continue
        named = (j for run in _heads(key) for j in {*by_key.get(run, ()), *by_skeleton.get(_skeleton(run), ())})
        city = _city_of(towns, i, named)
        if city is not None and city not in absorbed and city not in named_as:
            named_as[i] = city
            absorbed.add(city)
    shown = []
    for i, town in enumerate(towns):
        if i in absorbed:
            continue
        name = towns[named_as[i]].name if i in named_as else town.name
        shown.append(replace(town, name=plain_letters(name)))
    return shown


def _city_of(towns: Sequence[Town], part: int, candidates: Iterable[int]) -> int | None:
    """The city ``towns[part]`` is a bigger-listed part of, among ``candidates``: the
    nearest listed smaller than the part whose built-up area (and QUARTER_KM) reaches the
    part's point; None when there is none."""
    near = [
        (_km(towns[part], towns[j]), j)
        for j in candidates
        if j != part
        and towns[part].population / QUARTER_MAX_RATIO <= towns[j].population < towns[part].population
        and _km(towns[part], towns[j]) <= min(QUARTER_KM, built_up_radius_km(towns[j].population))
    ]
    return min(near)[1] if near else None


_GEONAMEID = attrgetter("geonameid")


def renamed_towns(events: Iterable[Event], names: Mapping[PlaceKey, str]) -> list[tuple[float, float, str, str]]:
    """The towns of ``events`` that their articles name otherwise than the gazetteer, as
    ``(lat, lon, the basemap's name for it in lower case, the articles' name)``: what the
    page needs to label the basemap's town by the name the feed and the popups use.
    Only populated places: a province or a country is not a basemap town."""
    events = events if isinstance(events, Sequence) else list(events)
    # One event per place, picked in C: a war's record repeats a few places many times.
    places = dict(zip(map(_GEONAMEID, events), events))
    if places.pop(None, None) is not None:
        places.update((place_key(e), e) for e in events if e.geonameid is None)
    renamed: dict[PlaceKey, tuple[float, float, str, str]] = {}
    for event in places.values():
        if not (event.feature_code or "").startswith("PPL"):
            continue
        key = place_key(event)
        printed = plain_letters(tidy_name(event.place))
        shown = names.get(key, "")
        if shown and printed and shown.casefold() != printed.casefold():
            renamed[key] = (event.lat, event.lon, printed.lower(), shown)
    return sorted(renamed.values())
