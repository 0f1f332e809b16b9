"""Kinds of place the event model got wrong on reports written in other hands than the ones it
was tuned on, each with a near neighbour that keeps its event.

Where a journey starts: "the envoy flew in from X", "troops flown from X", "the lorries reached
the town from X". The traveller's starting point is no scene; the journey's end may be. A town
troops are driven from, or that people flee, keeps its event.

Where life goes on as ever: "the port of X was working normally", "X was said to be calm". A
place whose own clause tells an act keeps it.

A crowd's act: "crowds looted and burned shops in X", "a crowd stormed the embassy in X" is a
riot, not fighting. Soldiers who loot and burn are fighting; a crowd of refugees is displaced.

A dateline split off as a sentence of its own ("CITY, May 3 (AGENCY) -") says where the report was
filed when its story tells of another town; when the story is told there, it keeps its event."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.eventabsence import is_calm_clause
from geo.parse.eventsignals import a_crowd_acts_there, only_where_a_journey_starts
from tests.event_sites import event_site, event_type_at, event_types_by_mention


def _events(pipeline, text: str) -> dict[str, str]:
    return event_types_by_mention(pipeline, text, published=date(1998, 3, 12), article_id="kinds")


# -- where a journey starts ------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The defence minister flew in from Varnok on Tuesday and met the garrison commanders.",
        "Two companies of marines flown from Varnok landed at the airstrip before dawn.",
        "The first relief lorries reached the valley on Monday from Varnok with tents and flour.",
        "A frigate that sailed from Varnok overnight was standing off the coast on Thursday.",
    ],
)
def test_where_a_journey_starts_gets_no_event(nlp, sentence):
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert only_where_a_journey_starts(site.tree, site.start, site.end)
    assert event_type_at(site) is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Rebel fighters were driven from Varnok on Tuesday after two days of shelling.", "frontline"),
        ("The defence minister flew into Varnok on Tuesday for talks with the rebel leaders.", "diplomacy"),
    ],
)
def test_a_town_fought_over_or_reached_keeps_its_event(nlp, sentence, kind):
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert not only_where_a_journey_starts(site.tree, site.start, site.end)
    assert event_type_at(site) == kind


def test_civilians_arriving_from_a_town_are_not_travellers(nlp):
    sentence = "Thousands of refugees arrived from Varnok on Tuesday, saying the town was under shelling."
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert not only_where_a_journey_starts(site.tree, site.start, site.end)


def test_a_journeys_start_through_the_pipeline(pipeline):
    text = (
        "The Nigerian foreign minister flew in from Abuja on Monday and held talks with the junta in Bamako. "
        "Rebels were driven from Gao on Tuesday after a day of fighting."
    )
    events = _events(pipeline, text)
    assert "Abuja" not in events
    assert events.get("Bamako") == "diplomacy"
    assert events.get("Gao") == "frontline"


# -- a place where life goes on as ever ------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The port of Varnok and the airport beside it were working normally on Wednesday.",
        "Lorries were again running normally to Varnok, traders said.",
        "Selmir and Varnok were said to be calm on Sunday evening.",
    ],
)
def test_a_place_where_life_goes_on_as_ever_gets_no_event(nlp, sentence):
    site = event_site(sentence, "Varnok", nlp=nlp, others=1)
    assert is_calm_clause(site.tree, site.start, site.end)
    assert event_type_at(site) is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "Rebel gunners shelled the port of Varnok on Wednesday, though the airport was working normally.",
            "frontline",
        ),
        ("Selmir and Varnok were said to have been shelled overnight by rebel artillery.", "frontline"),
    ],
)
def test_a_place_whose_clause_tells_an_act_keeps_it(nlp, sentence, kind):
    site = event_site(sentence, "Varnok", nlp=nlp, others=1)
    assert event_type_at(site) == kind


# -- a crowd's act ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Crowds of the opposition leader's supporters looted and burned shops in the centre of Varnok on Friday.",
        "In Varnok, a crowd of students stormed the consulate on Tuesday and set it on fire.",
        "Looters attacked warehouses and fuel depots in Varnok overnight.",
    ],
)
def test_what_a_crowd_does_in_the_street_is_no_fighting(nlp, sentence):
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert a_crowd_acts_there(site.tree, site.start, site.end)
    assert event_type_at(site) == "other"


def test_soldiers_who_loot_and_burn_are_fighting(nlp):
    sentence = "Soldiers looted and burned shops in the centre of Varnok on Friday."
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert not a_crowd_acts_there(site.tree, site.start, site.end)
    assert event_type_at(site) == "frontline"


@pytest.mark.parametrize(
    "sentence",
    [
        "A crowd stormed the army post outside Varnok at dawn and carried off its rifles.",
        "In Varnok, a crowd attacked the police station on Monday night and freed the men held there.",
    ],
)
def test_a_crowd_that_assaults_a_post_of_the_forces_fights_them(nlp, sentence):
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert a_crowd_acts_there(site.tree, site.start, site.end)
    assert event_type_at(site) == "frontline"


def test_a_crowd_of_refugees_fleeing_is_displaced(nlp):
    sentence = "Crowds of refugees fled Varnok on Friday as the shelling grew heavier."
    site = event_site(sentence, "Varnok", nlp=nlp)
    assert event_type_at(site) == "humanitarian"


# -- a dateline split off its story ----------------------------------------------------------


def test_a_dateline_alone_takes_no_event_from_a_story_told_elsewhere(pipeline):
    text = (
        "NAIROBI, May 3 (EAW) - The rebel movement attacked an army camp outside Goma on Sunday, killing twelve soldiers, "
        "the army said.\n\nThe rebels withdrew into the hills after the raid."
    )
    events = _events(pipeline, text)
    assert "NAIROBI" not in events
    assert events.get("Goma") == "frontline"


def test_a_dateline_whose_story_is_told_there_keeps_its_event(pipeline):
    text = (
        "GOMA, May 3 (EAW) - The rebel movement attacked army posts around the city on Sunday, killing twelve soldiers, "
        "the army said.\n\nThe rebels withdrew into the hills after the raid."
    )
    events = _events(pipeline, text)
    assert events.get("GOMA") == "frontline"
