"""Acts a sentence denies, says have stopped, or only plans make no event; acts it states still do."""

from __future__ import annotations

import pytest

from geo.parse.clausetree import clause_tree
from geo.parse.eventabsence import clause_acts, states_no_event
from geo.parse.eventmodel import EventSite, decide, load_event_model


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def parsed(nlp):
    def site(sentence: str, place: str) -> EventSite:
        start = sentence.index(place)
        tree = clause_tree(nlp(sentence)[:])
        return EventSite(
            sentence, start, start + len(place), is_area=False, other_places=0, sentence_index=2, tree=tree
        )

    return site


def event_type(site: EventSite) -> str:
    kind, _ = decide(load_event_model(), site)
    return kind.event_type if kind else "none"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("It was the first night without shelling in Velmora since the autumn.", "Velmora"),
        ("Residents of Velmora described a quiet night without air strikes.", "Velmora"),
        ("There was no fighting in Velmora on Sunday, a local official said.", "Velmora"),
        ("Streets in Velmora were calmer than at any time this year.", "Velmora"),
        ("The truce held in Velmora for a second day.", "Velmora"),
        ("A lull in the shelling around Velmora let families bury their dead.", "Velmora"),
        ("The militia threatened to storm Velmora unless its fighters were freed.", "Velmora"),
        ("Government troops never reached Velmora.", "Velmora"),
    ],
)
def test_fighting_that_did_not_happen_makes_no_frontline_event(parsed, sentence, place):
    assert event_type(parsed(sentence, place)) != "frontline"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Velmora was shelled overnight, residents said.", "Velmora"),
        ("Artillery pounded Velmora without warning on Sunday.", "Velmora"),
        ("Fighters stormed Velmora at dawn without meeting resistance.", "Velmora"),
    ],
)
def test_fighting_that_happened_is_still_a_frontline_event(parsed, sentence, place):
    assert event_type(parsed(sentence, place)) == "frontline"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Talks in Ostrevo are planned for next month, with no date set.", "Ostrevo"),
        ("No date has been set for the next round of Ostrevo talks.", "Ostrevo"),
    ],
)
def test_talks_with_no_date_set_make_no_diplomacy_event(parsed, sentence, place):
    assert event_type(parsed(sentence, place)) == "none"


def test_talks_that_took_place_are_still_diplomacy(parsed):
    assert event_type(parsed("Envoys of both sides held talks in Ostrevo on Monday.", "Ostrevo")) == "diplomacy"


def test_a_denied_act_in_another_clause_does_not_empty_the_place(parsed):
    sentence = "Shells hit the market in Velmora, although no fighting was reported in the hills."
    site = parsed(sentence, "Velmora")
    assert not states_no_event(site.tree, sentence, site.start, site.end, "frontline")
    assert event_type(site) == "frontline"


def test_an_absence_negated_again_is_an_act(parsed):
    sentence = "The deal means little without a halt to the shelling of Velmora, the mayor said."
    site = parsed(sentence, "Velmora")
    assert "frontline" not in clause_acts(site.tree, sentence, site.start, site.end).absent


def test_the_clause_reading_names_what_it_denies_or_defers(parsed):
    denied = parsed("There was no shelling in Velmora overnight.", "Velmora")
    acts = clause_acts(denied.tree, denied.sentence, denied.start, denied.end)
    assert "frontline" in acts.absent and "frontline" not in acts.stated
    planned = parsed("Rebels vowed to capture Velmora before the winter.", "Velmora")
    assert "frontline" in clause_acts(planned.tree, planned.sentence, planned.start, planned.end).unrealised
    calm = parsed("Velmora was quiet on Tuesday.", "Velmora")
    assert clause_acts(calm.tree, calm.sentence, calm.start, calm.end).calm


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # talks that pause were held: the pause is told where they sit
        ("A short pause in the peace talks in Velmora was announced on Tuesday.", "Velmora", "diplomacy"),
        # fighting that pauses is no fighting
        ("A short pause in the fighting in Velmora was announced on Tuesday.", "Velmora", "none"),
    ],
)
def test_a_pause_in_talks_is_a_diplomatic_act_a_pause_in_fighting_is_none(parsed, sentence, place, expected):
    assert event_type(parsed(sentence, place)) == expected
