"""A famous place is not lost to a small namesake that nothing near the story supports."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.parse.resolve import Weights, resolve
from geo.records import Mention

E = Entry

CAPITAL = E(10, "Corvana", 38.9, -77.0, "US", "P", "PPLC", 700_000, "DC")
SMALL_CORVANA = E(11, "Corvana", 54.9, -1.5, "GB", "P", "PPL", 60_000, "ENG")
PLACES = [
    CAPITAL,
    SMALL_CORVANA,
    E(12, "Carrow", 54.6, -5.9, "GB", "P", "PPLA", 300_000, "NIR"),
    E(13, "Lisnagh", 54.5, -6.1, "GB", "P", "PPL", 20_000, "NIR"),
    E(14, "Britain", 54.0, -2.0, "GB", "A", "PCLI", 66_000_000),
    # A small town a few km from the story's towns, and a great city of its name abroad.
    E(15, "Dunmore", 54.55, -5.95, "GB", "P", "PPL", 8_000, "NIR"),
    E(16, "Dunmore", 41.9, -87.6, "US", "P", "PPL", 2_700_000, "IL"),
]


class Match(NamedTuple):
    entry: Entry
    score: float
    name_kind: int = 0


class Index:
    def __init__(self) -> None:
        self.by_name: dict[str, list[Entry]] = {}
        for e in PLACES:
            self.by_name.setdefault(normalize(e.name), []).append(e)

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


def resolved(text: str, *names: str, **weights) -> dict[str, Entry]:
    mentions = sorted(
        (Mention(m.start(), m.end(), name) for name in names for m in re.finditer(re.escape(name), text)),
        key=lambda m: m.start,
    )
    return {p.mention.text: p.entry for p in resolve(text, mentions, Index(), weights=Weights(**weights))}


STORY = (
    "Two bombs exploded in Carrow and Lisnagh overnight. Britain condemned the attacks, "
    "and officials in Corvana urged both sides to return to talks."
)


def test_a_capital_is_not_lost_to_a_small_namesake_far_from_the_storys_places():
    assert resolved(STORY, "Carrow", "Lisnagh", "Britain", "Corvana")["Corvana"] == CAPITAL


def test_without_the_famous_lead_the_country_votes_alone_put_the_small_namesake_first():
    found = resolved(STORY, "Carrow", "Lisnagh", "Britain", "Corvana", famous_lead=0.0)
    assert found["Corvana"] == SMALL_CORVANA


def test_a_small_town_beside_the_storys_places_keeps_its_reading_over_a_great_city_abroad():
    text = "Two bombs exploded in Carrow and Lisnagh overnight, and a third in Dunmore. Britain condemned them."
    assert resolved(text, "Carrow", "Lisnagh", "Dunmore", "Britain")["Dunmore"].country_code == "GB"
