"""What the parse says of a place beyond its clause's act, as features of the event model:
a bearing's reference, a state told or denied, armed men landing, an act only planned."""

from __future__ import annotations

import pytest

from geo.parse.eventmodel import decide, load_event_model, site_features
from tests.event_sites import event_site


def _features(nlp, sentence: str, place: str) -> set[str]:
    return {name for name, _ in site_features(event_site(sentence, place, nlp=nlp))}


def _named(features: set[str], prefix: str) -> set[str]:
    return {name for name in features if name.startswith(prefix)}


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        ("Militia fighters overran the village southwest of Brenmoor at dawn.", "Brenmoor", "bearing_ref=noun"),
        ("Government troops shelled Kaldera, a market town north of Usk, for a third day.", "Usk", "bearing_ref=noun"),
        ("Shells landed in Pellow, some 30 kilometres east of Harth, on Monday.", "Harth", "bearing_ref=distance"),
        ("The rebels set up a checkpoint 12 miles from Dunmere.", "Dunmere", "bearing_ref=distance"),
    ],
)
def test_a_place_a_bearing_is_read_from_is_its_reference(nlp, sentence, place, expected):
    assert expected in _features(nlp, sentence, place)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Artillery pounded the outskirts of Brenmoor on Tuesday.", "Brenmoor"),
        ("Shells landed in Pellow, some 30 kilometres east of Harth, on Monday.", "Pellow"),
    ],
)
def test_a_place_where_the_act_happens_is_no_bearing_reference(nlp, sentence, place):
    assert not _named(_features(nlp, sentence, place), "bearing_ref")


def test_a_place_told_in_a_sides_hands_has_its_state(nlp):
    assert "state_told=capture" in _features(nlp, "The river town of Oskel remained in rebel hands.", "Oskel")
    assert "state_told=siege" in _features(nlp, "Oskel has been encircled by the militia since June.", "Oskel")
    assert not _named(_features(nlp, "Rebels stormed Oskel on Friday.", "Oskel"), "state_told")


def test_a_place_whose_state_is_denied_is_marked(nlp):
    assert "state_negated" in _features(nlp, "Ravelin is under no threat, the governor told reporters.", "Ravelin")
    assert "state_negated" in _features(nlp, "Ravelin was not in enemy hands on Sunday.", "Ravelin")
    assert "state_negated" not in _features(nlp, "Ravelin is under heavy fire, the governor said.", "Ravelin")


def test_armed_men_landing_at_a_port_arrive_there(nlp):
    assert "armed_move=destination" in _features(nlp, "Marines landed at the port of Sorrell before dawn.", "Sorrell")
    assert "armed_move=destination" in _features(nlp, "Two companies of paratroopers came ashore at Vell.", "Vell")
    assert not _named(_features(nlp, "Aid workers landed at the port of Sorrell before dawn.", "Sorrell"), "armed_move")
    assert not _named(_features(nlp, "Marines fought street by street in Sorrell.", "Sorrell"), "armed_move")


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        ("The rebels threatened to storm Cadmor within a week.", "Cadmor", "unrealised=intent"),
        ("Commanders chose to besiege Tolm rather than storm Cadmor.", "Cadmor", "unrealised=alternative"),
        ("The column turned east instead of attacking Cadmor.", "Cadmor", "unrealised=alternative"),
        ("Reinforcements were sent north to retake Cadmor.", "Cadmor", "unrealised=purpose"),
    ],
)
def test_an_act_only_planned_or_set_aside_is_marked(nlp, sentence, place, expected):
    assert expected in _features(nlp, sentence, place)


@pytest.mark.parametrize(
    "sentence",
    [
        "The rebels stormed Cadmor on Thursday.",
        "Commanders besieged Cadmor rather than storm the hills beyond it.",
        "Reinforcements retook Cadmor after a week of fighting.",
    ],
)
def test_an_act_that_happened_at_the_place_is_not_marked_unrealised(nlp, sentence):
    assert not _named(_features(nlp, sentence, "Cadmor"), "unrealised")


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels threatened on Monday to storm Cadmor within a week.",
        "The army plans to attack Cadmor before the rains.",
        "Commanders said they would shell Cadmor if the rebels did not withdraw.",
    ],
)
def test_the_shipped_model_reads_an_act_only_threatened_at_a_place_as_no_event_there(nlp, sentence):
    site = event_site(sentence, "Cadmor", nlp=nlp, others=0, index=2)
    model = load_event_model()
    kind, _ = decide(model, site)
    assert kind is None
    assert model.probabilities(site_features(site, tolls=model.reads_tolls))["none"] >= 0.75
