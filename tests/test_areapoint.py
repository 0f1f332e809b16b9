"""A river is placed where the story meets it, by the town named beside it; towns never move."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

import pytest

from gazetteer.entry import Entry
from gazetteer.extent import Extent
from gazetteer.geodesy import great_circle_km
from gazetteer.normalize import normalize
from geo.parse.areapoint import is_movable, moved_point, point_by
from geo.parse.resolve import Weights, resolve
from geo.records import Mention

E = Entry

# A long river whose label sits at its mouth, far from the towns upstream.
RIVER = E(900, "Marava", 45.3, 29.5, "", "H", "STM")
RIVER_BOX = Extent(43.5, 8.0, 49.0, 29.8)
# A sea, with the same kind of box: its middle stands for it.
SEA = E(901, "Sea of Orlin", 43.0, 34.0, "", "H", "SEA")
SEA_BOX = Extent(41.0, 27.5, 46.5, 41.5)

TOWNS = [
    E(1, "Varnitsa", 45.35, 19.0, "HR", "P", "PPL", 26_000, "19", "East"),
    E(2, "Dolny Brod", 45.55, 18.7, "HR", "P", "PPLA", 96_000, "19", "East"),
    E(3, "Kestrel", 43.4, 39.9, "GE", "P", "PPL", 38_000, "02", "Coast"),
    E(4, "Tulcan", 45.2, 28.8, "RO", "P", "PPL", 70_000, "36", "Delta"),
    E(5, "Croatia", 45.1, 15.2, "HR", "A", "PCLI", 4_000_000),
]
BOXES = {RIVER.geonameid: RIVER_BOX, SEA.geonameid: SEA_BOX}


class Match(NamedTuple):
    entry: Entry
    score: float
    name_kind: int = 0


class RiverIndex:
    """A gazetteer stand-in that knows the boxes of its river and sea."""

    def __init__(self, *, with_extents: bool = True) -> None:
        self.by_name: dict[str, list[Entry]] = {}
        for e in [RIVER, SEA, *TOWNS]:
            self.by_name.setdefault(normalize(e.name), []).append(e)
        if with_extents:
            self.extent = BOXES.get

    def lookup(self, name):
        return tuple(self.by_name.get(normalize(name), ()))

    def matches(self, name):
        return tuple(Match(e, math.log10(e.population + 1) + (2.0 if e.is_area else 0.0)) for e in self.lookup(name))

    def variants(self, name):
        return ()

    def fuzzy(self, name, *, limit=5):
        return ()

    def is_common_word(self, word):
        return False


def mentions_in(text: str, *names: str) -> list[Mention]:
    """Each name's occurrences, numbered by the sentence (". ") they stand in."""
    found = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            found.append(Mention(m.start(), m.end(), name, "LOC", text.count(". ", 0, m.start())))
    return sorted(found, key=lambda m: m.start)


def placed(text: str, *names: str, index: RiverIndex | None = None, **weights) -> list[tuple[str, Entry]]:
    found = resolve(text, mentions_in(text, *names), index or RiverIndex(), weights=Weights(**weights))
    return [(p.mention.text, p.entry) for p in found]


def test_a_river_named_beside_a_town_upstream_is_placed_by_that_town_not_at_its_mouth():
    text = "Gunners on the far bank of the Marava shelled Varnitsa through the night. Croatia protested."
    river = dict(placed(text, "Marava", "Varnitsa", "Croatia"))["Marava"]
    assert great_circle_km(river.lat, river.lon, 45.35, 19.0) < 40
    assert great_circle_km(RIVER.lat, RIVER.lon, river.lat, river.lon) > 500
    assert (river.geonameid, river.name, river.feature_code) == (RIVER.geonameid, "Marava", "STM")


def test_each_mention_of_a_river_follows_the_town_nearest_it_in_its_sentence():
    text = (
        "Refugees crossed the Marava at Dolny Brod on Monday. "
        "Barges waited on the Marava near Tulcan. Croatia said Varnitsa was calm."
    )
    rivers = [
        entry
        for name, entry in placed(text, "Marava", "Dolny Brod", "Tulcan", "Varnitsa", "Croatia")
        if name == "Marava"
    ]
    upstream, downstream = rivers
    assert great_circle_km(upstream.lat, upstream.lon, 45.55, 18.7) < 40
    # By the delta town the label already marks the reach: it stays.
    assert (downstream.lat, downstream.lon) == (RIVER.lat, RIVER.lon)


def test_a_river_named_in_a_sentence_without_a_town_keeps_its_label():
    text = "The Marava rose after a week of rain. Shelling hit Varnitsa in Croatia."
    river = dict(placed(text, "Marava", "Varnitsa", "Croatia"))["Marava"]
    assert (river.lat, river.lon) == (RIVER.lat, RIVER.lon)


def test_a_sea_keeps_its_middle_whatever_town_is_named_beside_it():
    text = "A patrol boat sank in the Sea of Orlin off Kestrel on Sunday."
    sea = dict(placed(text, "Sea of Orlin", "Kestrel"))["Sea of Orlin"]
    assert (sea.lat, sea.lon) == (SEA.lat, SEA.lon)


def test_towns_beside_a_river_are_never_moved():
    text = "Gunners on the Marava shelled Varnitsa and Dolny Brod. Croatia protested."
    found = dict(placed(text, "Marava", "Varnitsa", "Dolny Brod", "Croatia"))
    assert found["Varnitsa"] == TOWNS[0] and found["Dolny Brod"] == TOWNS[1]


def test_an_unknown_quarter_of_a_river_town_leaves_the_town_where_it_is():
    text = "Fighting reached the Old Mill quarter of Varnitsa, on the Marava, at dawn."
    found = placed(text, "Old Mill", "Varnitsa", "Marava")
    assert [name for name, _ in found] == ["Varnitsa", "Marava"]
    assert found[0][1] == TOWNS[0]


def test_a_gazetteer_without_extents_and_a_reach_of_zero_keep_every_label():
    text = "Gunners on the far bank of the Marava shelled Varnitsa through the night."
    for river in (
        dict(placed(text, "Marava", "Varnitsa", index=RiverIndex(with_extents=False)))["Marava"],
        dict(placed(text, "Marava", "Varnitsa", extent_reach_km=0.0))["Marava"],
    ):
        assert (river.lat, river.lon) == (RIVER.lat, RIVER.lon)


def test_a_town_far_outside_the_rivers_box_does_not_place_it():
    assert point_by(RIVER_BOX, 45.35, 19.0, 50.0) == (45.35, 19.0)
    assert point_by(RIVER_BOX, 43.2, 19.0, 50.0) == (43.5, 19.0)  # 33 km south of the box
    assert point_by(RIVER_BOX, 41.0, 19.0, 50.0) is None


@pytest.mark.parametrize(("point", "moved"), [((45.3, 28.0), False), ((45.35, 19.0), True), (None, False)])
def test_a_label_within_the_found_radius_of_the_story_stays(point, moved):
    assert (moved_point((RIVER.lat, RIVER.lon), point) is not None) is moved


def test_only_rivers_move():
    assert is_movable(RIVER) and not is_movable(SEA) and not is_movable(TOWNS[0]) and not is_movable(TOWNS[4])
