"""The names people use for places: what the articles call a place, not how the gazetteer spells it.

The gazetteer's preferred name is often a transliteration few readers know ("Tadmur",
"Ar Raqqah"), while every article says "Palmyra" or "Raqqa". Maps, popups, the feed and
briefings label a place by the name its articles use most; the event record's ``place``
keeps the gazetteer's name, so exports stay joinable with GeoNames.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from operator import attrgetter, itemgetter
from typing import Any

from geo.records import Event

#: Places without a geonameid (imported events, say) are told apart by their point,
#: rounded to about 100 m: the same town reported twice lands on the same key.
KEY_DECIMALS = 3

PlaceKey = int | tuple[float, float]


def place_key(event: Event) -> PlaceKey:
    """What identifies an event's place: its geonameid, else its rounded coordinates."""
    return _key(event.geonameid, event.lat, event.lon)


def _key(geonameid: int | None, lat: float, lon: float) -> PlaceKey:
    if geonameid is not None:
        return geonameid
    return (round(lat, KEY_DECIMALS), round(lon, KEY_DECIMALS))


_ID_TEXTS = attrgetter("geonameid", "mention", "place")
_POINT_TEXTS = attrgetter("lat", "lon", "mention", "place")


def tidy_name(text: str) -> str:
    """``text`` with runs of whitespace as one space and no space at either end."""
    return " ".join(text.split())


def common_names(events: Iterable[Event]) -> dict[PlaceKey, str]:
    """For each place of ``events``, the name its articles use most.

    Mentions count as one name whatever their case or spacing; the name is then
    written as most articles write it. A tie goes to the gazetteer's name when it is
    among the tied names, else to the shortest (then the first alphabetically, so the
    answer never depends on the order of the events). An event without a mention
    counts for its gazetteer name.
    """
    # Count each distinct (place, as written, gazetteer name) once, in C; then key and
    # tidy only the distinct ones: a war's record repeats a few names many times.
    events = events if isinstance(events, Sequence) else list(events)
    counted: Counter[tuple[Any, str, str]] = Counter(map(_ID_TEXTS, events))  # a geonameid, or None
    if None in map(itemgetter(0), counted):
        # Places without a geonameid, by their point (hashing floats costs, so only for them).
        points = Counter(map(_POINT_TEXTS, (e for e in events if e.geonameid is None)))
        for (lat, lon, mention, place), count in points.items():
            counted[(_key(None, lat, lon), mention, place)] += count
        for texts in [texts for texts in counted if texts[0] is None]:
            del counted[texts]
    texts_per_place = Counter(map(itemgetter(0), counted))
    # Most places are written one way only: their name needs no counting.
    names = {
        key: tidy_name(mention) or tidy_name(place) for key, mention, place in counted if texts_per_place[key] == 1
    }
    several: dict[PlaceKey, list[tuple[str, str, int]]] = {}
    for (key, mention, place), count in counted.items():
        if texts_per_place[key] > 1:
            several.setdefault(key, []).append((mention, place, count))
    names.update((key, _one_name(texts)) for key, texts in several.items())
    return {key: name for key, name in names.items() if name}


def _one_name(texts: list[tuple[str, str, int]]) -> str:
    spellings: Counter[str] = Counter()
    gazetteer: Counter[str] = Counter()
    for mention, place, count in texts:
        written = tidy_name(mention) or tidy_name(place)
        if written:
            spellings[written] += count
        if place:
            gazetteer[tidy_name(place)] += count
    if not spellings:
        return ""
    return _most_used(spellings, gazetteer.most_common(1)[0][0] if gazetteer else "")


def _most_used(spellings: Counter[str], gazetteer_name: str) -> str:
    by_name: dict[str, Counter[str]] = {}
    for written, count in spellings.items():
        by_name.setdefault(written.casefold(), Counter())[written] += count
    totals = {name: sum(variants.values()) for name, variants in by_name.items()}
    best = max(totals.values())
    tied = sorted(name for name, total in totals.items() if total == best)
    preferred = gazetteer_name.casefold()
    chosen = preferred if preferred in tied else min(tied, key=lambda name: (len(name), name))
    return _usual_spelling(by_name[chosen], gazetteer_name)


def _usual_spelling(variants: Counter[str], gazetteer_name: str) -> str:
    """The way most articles write one name; on a tie the gazetteer's own spelling, else
    a mixed-case one (a headline's capitals or a lower-case slip are not the name)."""
    best = max(variants.values())
    tied = [written for written, count in variants.items() if count == best]
    if gazetteer_name in tied:
        return gazetteer_name
    return min(tied, key=lambda written: (written.isupper() or written.islower(), written))


def shown_name(event: Event, names: Mapping[PlaceKey, str]) -> str:
    """The name to show for ``event``'s place: the articles' name, else the gazetteer's, else as written."""
    return names.get(place_key(event)) or tidy_name(event.place) or tidy_name(event.mention)
