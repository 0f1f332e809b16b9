"""The names people use for places: what the articles call a place, not how the gazetteer spells it.

The gazetteer's preferred name is often a transliteration few readers know ("Tadmur",
"Ar Raqqah"), while every article says "Palmyra" or "Raqqa". Maps, popups, the feed and
briefings label a place by the name its articles use most; the event record's ``place``
keeps the gazetteer's name, so exports stay joinable with GeoNames.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from geo.records import Event

#: Places without a geonameid (imported events, say) are told apart by their point,
#: rounded to about 100 m: the same town reported twice lands on the same key.
KEY_DECIMALS = 3

PlaceKey = int | tuple[float, float]


def place_key(event: Event) -> PlaceKey:
    """What identifies an event's place: its geonameid, else its rounded coordinates."""
    if event.geonameid is not None:
        return event.geonameid
    return (round(event.lat, KEY_DECIMALS), round(event.lon, KEY_DECIMALS))


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
    # Count each (place, as written, gazetteer name) once, then tidy only the distinct texts.
    seen = Counter((place_key(e), e.mention, e.place) for e in events)
    spellings: dict[PlaceKey, Counter[str]] = {}
    gazetteer: dict[PlaceKey, Counter[str]] = {}
    for (key, mention, place), count in seen.items():
        written = tidy_name(mention) or tidy_name(place)
        if written:
            spellings.setdefault(key, Counter())[written] += count
        if place:
            gazetteer.setdefault(key, Counter())[tidy_name(place)] += count
    return {
        key: _most_used(counts, gazetteer[key].most_common(1)[0][0] if key in gazetteer else "")
        for key, counts in spellings.items()
    }


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
