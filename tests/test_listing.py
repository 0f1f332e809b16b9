"""Names written as items of one list."""

from __future__ import annotations

import re

from geo.parse.listing import joins_a_list, listed_beside_countries, listed_together
from geo.records import Mention


def _mentions(text: str, *names: str) -> list[Mention]:
    found = [Mention(m.start(), m.end(), name) for name in names for m in re.finditer(re.escape(name), text)]
    return sorted(found, key=lambda m: m.start)


def test_commas_and_conjunctions_join_a_list_and_other_words_do_not():
    assert joins_a_list(", ")
    assert joins_a_list(" and ")
    assert joins_a_list(", and\n")
    assert not joins_a_list(" in ")
    assert not joins_a_list(" was shelled near ")


def test_a_name_beside_a_country_in_a_list_is_marked_by_the_share_of_its_mentions():
    text = "Refugees reached Norvia and Korvala. Later, fighting near Korvala town resumed."
    mentions = _mentions(text, "Norvia", "Korvala")
    names = {m: m.text.lower() for m in mentions}
    shares = listed_beside_countries(text, mentions, names, {"norvia": True, "korvala": True})
    assert shares == {"korvala": 0.5, "norvia": 1.0}


def test_a_name_beside_a_town_is_not_marked():
    text = "Refugees reached Obru and Korvala."
    mentions = _mentions(text, "Obru", "Korvala")
    names = {m: m.text.lower() for m in mentions}
    assert listed_beside_countries(text, mentions, names, {"obru": False, "korvala": True}) == {"obru": 1.0}


def test_names_joined_into_one_list_are_listed_together_and_names_apart_are_not():
    text = "Storms hit Norvia, Korvala and Zemst. Aid later left Pellin for Norvia."
    mentions = _mentions(text, "Norvia", "Korvala", "Zemst", "Pellin")
    names = {m: m.text.lower() for m in mentions}
    together = listed_together(text, mentions, names)
    assert together == {
        "norvia": frozenset({"korvala", "zemst"}),
        "korvala": frozenset({"norvia", "zemst"}),
        "zemst": frozenset({"norvia", "korvala"}),
    }
