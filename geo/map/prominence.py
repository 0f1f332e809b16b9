"""Which places a map names first: the more important place keeps its label when two collide.

Labels are placed greedily, the first ranked first, so the rank decides every collision.
Counting events alone names the busiest towns of a war and leaves its capital unnamed when
a few busier towns crowd around it (Sanaa beside Taiz and Marib); a reader finds their
way by the capital and the seats of provinces. A place's weight is its events times the
standing of its kind of place (GeoNames' feature code): a capital's events count
CAPITAL_WEIGHT times, a province seat's SEAT_WEIGHT times, a town's once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from geo.map.names import PlaceKey
from geo.records import Event

#: A country's capital, or the seat of its government where that is elsewhere.
CAPITAL_CODES = frozenset({"PPLC", "PPLG"})
#: The seat of a first-level region (a province, a governorate, a state).
SEAT_CODES = frozenset({"PPLA"})
CAPITAL_WEIGHT = 3.0
SEAT_WEIGHT = 1.5


def standing(feature_code: str) -> float:
    """How much one event at a place of ``feature_code`` weighs for its label."""
    if feature_code in CAPITAL_CODES:
        return CAPITAL_WEIGHT
    if feature_code in SEAT_CODES:
        return SEAT_WEIGHT
    return 1.0


def label_order(
    places: Mapping[PlaceKey, Sequence[Event]], names: Mapping[PlaceKey, str]
) -> list[tuple[PlaceKey, float]]:
    """The named places of ``places`` (each place's events), most important first, with
    their weight: events times the standing of the place's most common feature code; ties
    go to the place with more events, then by name, so the order never depends on the
    order of the events."""
    weighted = []
    for key, events in places.items():
        name = names.get(key, "")
        if not name or not events:
            continue
        code = Counter(e.feature_code for e in events).most_common(1)[0][0]
        weighted.append((len(events) * standing(code), len(events), name, str(key), key))
    weighted.sort(key=lambda item: (-item[0], -item[1], item[2], item[3]))
    return [(item[4], item[0]) for item in weighted]
