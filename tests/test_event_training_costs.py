"""The event model's held-out choices see what a missed event costs: a place where the act
happened left without an event weighs more than an event where nothing happened, more still
when its sentence tells the dead, and the training-only corpus's no-event places may weigh
less than one place each."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from tests.event_sites import event_site, made_up_training_places
from tests.repo_scripts import load_script


def _training_script():
    return load_script("train_event_types")


def test_a_missed_event_costs_more_than_an_event_where_nothing_happened():
    script = _training_script()
    missed = script.place_outcome("none", "frontline")
    spurious = script.place_outcome("frontline", "none")
    wrong = script.place_outcome("diplomacy", "frontline")
    assert script.held_out_cost(missed) > script.held_out_cost(spurious) == script.held_out_cost(wrong)
    assert script.held_out_cost(script.place_outcome("frontline", "frontline")) == 0


def test_a_missed_event_whose_sentence_tells_the_dead_costs_most():
    script = _training_script()
    with_toll = script.place_outcome("none", "frontline", toll_told=True)
    assert with_toll["missed_event"] == with_toll["missed_event_with_toll"] == 1
    assert script.held_out_cost(with_toll) > script.held_out_cost(script.place_outcome("none", "frontline"))


def test_the_toll_reader_says_which_sentences_tell_deaths_at_the_place():
    script = _training_script()
    assert script.tells_a_toll(event_site("Mortar fire killed nine villagers in Dravik on Monday.", "Dravik"))
    assert not script.tells_a_toll(event_site("Mortar fire hit a school in Dravik on Monday.", "Dravik"))


def test_the_threshold_chosen_keeps_events_a_plain_count_would_trade_away():
    script = _training_script()
    # Both thresholds get as many places right; the lower one misses fewer events with a toll
    # and puts more events where nothing happened.
    lower = Counter(places=100, right=80, missed_event=6, missed_event_with_toll=4, event_at_no_event_place=14)
    higher = Counter(places=100, right=80, missed_event=14, missed_event_with_toll=10, event_at_no_event_place=6)
    assert script.cost_threshold({0.45: lower, 0.6: higher}) == 0.45


def test_training_only_no_event_places_take_their_own_weight():
    script = _training_script()
    labels = ["none", "frontline", "none", "frontline"]
    assert script.training_weights(labels, [False, False, True, True], 0.5) == [1.0, 1.0, 0.5, 1.0]


def test_weighing_down_training_only_no_event_places_makes_the_model_less_sure_nothing_happened():
    pytest.importorskip("sklearn")
    script = _training_script()
    examples, wars = made_up_training_places(6, 8, lambda w: f"war{w}", lambda w, n: ("bias", 1.0))
    # a training-only war whose shelled places are told as nothing happening there
    extra, extra_wars = made_up_training_places(2, 8, lambda w: f"marsh{w}", lambda w, n: ("bias", 1.0))
    extra = [(features, "none", site) for features, _, site in extra]
    always = [False] * len(examples) + [True] * len(extra)

    def none_at_a_shelling(weight: float) -> float:
        model, about = script._fit(examples + extra, wars + extra_wars, 0.3, 0.5, 1, always, no_event_weights=(weight,))
        assert about["training_only_no_event_weight"] == weight
        assert model["classes"] == ["frontline", "none"]  # two classes: one row of weights, for "none"
        features, label, _ = examples[0]
        assert label == "frontline"
        score = model["intercept"][0] + sum(model["weights"].get(name, [0.0])[0] * value for name, value in features)
        return 1 / (1 + math.exp(-score))

    assert none_at_a_shelling(0.5) < none_at_a_shelling(1.0) - 0.02


def test_dev_shares_give_the_training_only_corpus_the_dev_wars_mix_of_classes():
    script = _training_script()
    # dev: half fighting, half nothing; training-only: a quarter fighting, three quarters nothing
    labels = ["frontline", "none"] * 4 + ["frontline"] + ["none"] * 3
    always = [False] * 8 + [True] * 4
    factors = script.dev_share_factors(labels, always)
    assert factors == {"frontline": 2.0, "none": 0.6667}
    weights = script.training_weights(labels, always, 1.0, factors)
    extra = list(zip(labels[8:], weights[8:]))
    fighting = sum(w for label, w in extra if label == "frontline")
    nothing = sum(w for label, w in extra if label == "none")
    assert fighting == pytest.approx(nothing, rel=1e-3)
    assert weights[:8] == [1.0] * 8
