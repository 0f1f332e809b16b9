"""One act, many wordings: the strong trigger governing the place from highest up decides its kind."""

from __future__ import annotations

import pytest

from geo.parse.eventclause import governing_triggers
from geo.parse.eventmodel import EventSite, decide, load_event_model, place_rule
from geo.parse.eventtypes import classify_sentence
from tests.event_sites import event_site


def _site(nlp, sentence: str, place: str) -> EventSite:
    return event_site(sentence, place, nlp=nlp, others=0, index=0)


def test_the_act_governing_the_place_names_its_sub_type_not_the_nearest_word(nlp):
    sentence = "Jets bombed the positions of fighters advancing on Ostrel on Monday."
    site = _site(nlp, sentence, "Ostrel")
    # the nearest trigger describes the fighters; the act at the place is the bombing
    assert classify_sentence(sentence, near=(site.start, site.end)).sub_event_type == "armed_clash"
    kind, _ = decide(load_event_model(), site)
    assert kind is not None and (kind.event_type, kind.sub_event_type) == ("frontline", "air_strike")


def test_attackers_blowing_themselves_up_are_an_explosion():
    sentence = "Two attackers blew themselves up at the gate of the stadium in Belkora on Saturday."
    start = sentence.index("Belkora")
    assert classify_sentence(sentence, near=(start, start + len("Belkora"))).sub_event_type == "explosion"


@pytest.mark.parametrize(
    "sentence",
    [
        "A bomb fixed under a parked van exploded outside the bus depot of Ostrel on Friday.",
        "Militants detonated a device hidden in a cart at the checkpoint of Ostrel on Friday.",
        "A suicide bomber set off a car bomb at the checkpoint of Ostrel on Friday.",
    ],
)
def test_outlets_wording_one_bombing_differently_get_one_sub_type(nlp, sentence):
    site = _site(nlp, sentence, "Ostrel")
    assert place_rule(site).sub_event_type == "explosion"


def test_supplies_handed_out_are_aid(nlp):
    sentence = "Volunteers handed out food rations to some 4,000 households in Merovo on Sunday."
    site = _site(nlp, sentence, "Merovo")
    assert (place_rule(site).event_type, place_rule(site).sub_event_type) == ("humanitarian", "aid")


def test_an_agreement_reached_at_a_place_is_an_agreement(nlp):
    sentence = "The truce, reached in Valdena after two weeks of bargaining, opens the road to the port."
    site = _site(nlp, sentence, "Valdena")
    assert place_rule(site).sub_event_type == "agreement"


def test_a_trigger_in_another_clause_does_not_govern_the_place(nlp):
    sentence = "Shops reopened in Dravik on Monday, a week after shelling stopped."
    site = _site(nlp, sentence, "Dravik")
    assert site.tree is not None
    assert governing_triggers(sentence, site.tree, site.start, site.end) == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "The UN condemned the air strike on Tarvosk, which killed 12 civilians.",
        "The foreign minister condemned the shelling of Tarvosk on Tuesday.",
    ],
)
def test_a_statement_about_an_attack_keeps_the_frontline_event_at_the_place(nlp, sentence):
    kind, _ = decide(load_event_model(), _site(nlp, sentence, "Tarvosk"))
    assert kind is not None and kind.event_type == "frontline"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the flight only describes who lived in the camp: the act at the place is the bombing
        ("A fighter jet bombed a camp for families displaced by the war in Korvani on Monday.", "frontline"),
        # the bombing only names which survivors: the act at the place is their evacuation
        ("Rescue helicopters evacuated wounded survivors of the bombing of Korvani on Wednesday.", "humanitarian"),
    ],
)
def test_the_highest_act_governing_the_place_outranks_a_word_describing_a_noun(nlp, sentence, expected):
    kind, _ = decide(load_event_model(), _site(nlp, sentence, "Korvani"))
    assert kind is not None and kind.event_type == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of families fled Korvani on Sunday as the shelling grew heavier.",
        "Some 9,000 people displaced by earlier attacks have sought shelter in Korvani.",
    ],
)
def test_a_clause_about_the_flight_stays_a_displacement(nlp, sentence):
    kind, _ = decide(load_event_model(), _site(nlp, sentence, "Korvani"))
    assert kind is not None and kind.event_type == "humanitarian"


def test_a_toll_does_not_outrank_the_attack_that_caused_it(nlp):
    sentence = "Army air strikes on Korvani on Tuesday killed several people and destroyed homes."
    kind, _ = decide(load_event_model(), _site(nlp, sentence, "Korvani"))
    assert kind is not None and (kind.event_type, kind.sub_event_type) == ("frontline", "air_strike")


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        (
            "The opposition said it was suspending its part in the Ostrel negotiations, citing shelling of its positions.",
            "Ostrel",
            "diplomacy",
        ),
        (
            "Rebels pulled out of the Ostrel talks on Tuesday, accusing government forces of bombing their positions.",
            "Ostrel",
            "diplomacy",
        ),
        (
            "Aid agencies said the Belkora offensive, launched after the talks collapsed, had emptied whole streets.",
            "Belkora",
            "frontline",
        ),
    ],
)
def test_a_place_naming_an_event_is_where_that_event_is(nlp, sentence, place, expected):
    kind, _ = decide(load_event_model(), _site(nlp, sentence, place))
    assert kind is not None and kind.event_type == expected
