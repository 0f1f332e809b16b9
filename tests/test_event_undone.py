"""Triggers a sentence undoes or words a capture by: a delayed offensive, a town back in government hands."""

from __future__ import annotations

import pytest

from geo.parse.eventtypes import classify_sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal signed in Narveth on Monday delays a threatened army offensive on the province.",
        "Commanders postponed the planned assault on the hill town, officials in Narveth said.",
    ],
)
def test_a_delayed_offensive_is_not_fighting(sentence):
    assert classify_sentence(sentence).event_type != "frontline"


def test_an_offensive_that_goes_ahead_is_still_fighting():
    sentence = "The army launched its long-planned offensive on the hill town near Narveth on Monday."
    assert classify_sentence(sentence).event_type == "frontline"


def test_a_town_back_in_government_hands_changed_hands():
    sentence = "Residents said Narveth was back in government hands by Sunday evening."
    kind = classify_sentence(sentence)
    assert (kind.event_type, kind.sub_event_type) == ("frontline", "territory_change")
