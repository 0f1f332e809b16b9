"""The learned reading of namesakes: the words around a name, crossed with the kind of
each candidate, move the resolver between a river, a country and a town of one name."""

from __future__ import annotations

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.parse.readingcues import kind_of, most_populous_town, name_cues, reading_features
from geo.parse.resolve import Weights, resolve
from tests.test_resolve import _index_with, mentions_of

E = Entry
RIVER = E(901, "Varna", 47.0, 20.0, "", "H", "STM")
COUNTRY = E(902, "Varna", 44.0, 12.0, "XA", "A", "PCLI", 9_000_000)
TOWN = E(903, "Varna", 5.0, 30.0, "XB", "P", "PPL", 4_000)
CAPITAL = E(904, "Orlok", 44.1, 12.1, "XA", "P", "PPLC", 900_000)


def test_kinds_tell_countries_regions_towns_and_water_apart():
    assert [kind_of(e) for e in (RIVER, COUNTRY, TOWN, CAPITAL)] == ["physical", "country", "town", "town"]


def test_cues_are_the_words_beside_each_mention_and_the_kind_of_a_listed_neighbour():
    text = "Barges sank on the Varna river.\nOrlok and Varna signed."
    mentions = mentions_of(text, "Varna", "Orlok")
    names = {m: normalize(m.text) for m in mentions}
    cues = name_cues(text, mentions, names, {"varna": "country", "orlok": "capital"})[normalize("Varna")]
    # two mentions: each cue is a share of them
    assert cues.words == {"L:the": 0.5, "R:river": 0.5, "R:signed": 0.5, "L:and": 0.5}
    assert cues.neighbours == {"capital": 0.5}  # a line break parts neighbours


def test_a_towns_fame_is_measured_against_the_most_populous_town_of_its_name():
    famous = reading_features(CAPITAL, 900_000, None, 0.0)
    small = reading_features(TOWN, 900_000, None, 1.0)
    assert famous["most_populous"] == famous["capital"] == 1.0 and famous["fame_gap"] == 0.0
    assert small["most_populous"] == 0.0 and small["fame_gap"] > 0.3
    assert small["fame_gap*country_share"] == small["fame_gap"]
    # a river or a country has no population to compare: its kind speaks for it
    assert "fame_gap" not in reading_features(RIVER, 900_000, None, 0.0)
    assert most_populous_town([RIVER, COUNTRY, TOWN]) == 4_000


def _read(text: str, weights: Weights) -> Entry | None:
    index = _index_with(RIVER, COUNTRY, TOWN)
    places = resolve(text, mentions_of(text, "Varna"), index, weights=weights)
    return places[0].entry if places else None


def test_learned_weights_of_a_word_beside_the_name_choose_the_river_over_the_country():
    text = "Fishermen saw the bodies floating down the Varna river at dawn."
    assert _read(text, Weights()) == COUNTRY
    learned = Weights(reading={"physical|R:river": 3.0})
    assert _read(text, learned) == RIVER
    # the same weights leave a sentence without the cue to the country
    assert _read("Talks with Varna resumed at dawn.", learned) == COUNTRY
