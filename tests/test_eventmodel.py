"""The learned event model: it ships, it loads without pickle, it reads war sentences as a reader would."""

from __future__ import annotations

import json

import pytest

from geo.parse.eventmodel import EventSite, EventTypeModel, decide, load_event_model, model_from_json, site_features
from geo.parse.eventtypes import classify_sentence
from tests.event_sites import event_site


def site(sentence: str, place: str, *, area: bool = False, others: int = 1, index: int = 3, nlp=None) -> EventSite:
    """The place in its sentence; with ``nlp``, with the sentence's parse, as the pipeline reads it."""
    return event_site(sentence, place, nlp=nlp, area=area, others=others, index=index)


def test_the_shipped_model_loads_and_says_what_it_was_trained_on():
    model = load_event_model()
    assert set(model.classes) == {"none", "frontline", "diplomacy", "humanitarian", "other"}
    assert len(model.about["training_data_sha256"]) == 64
    probabilities = model.probabilities(site_features(site("Shelling hit Avdiivka overnight.", "Avdiivka")))
    assert abs(sum(probabilities.values()) - 1) < 1e-9


@pytest.mark.parametrize(
    ("sentence", "place", "area", "expected"),
    [
        (
            "Artillery shells slammed into residential blocks in Kramatorsk overnight, killing four.",
            "Kramatorsk",
            False,
            "frontline",
        ),
        (
            "Rebel fighters captured the garrison town of Tessalit after a two-day assault.",
            "Tessalit",
            False,
            "frontline",
        ),
        ("Foreign ministers met in Doha on Tuesday to discuss a ceasefire proposal.", "Doha", False, "diplomacy"),
        ("Thousands of families fled to camps outside Kassala as food ran short.", "Kassala", False, "humanitarian"),
        ("Insurgents backed by Eritrea overran two border posts near Humera on Monday.", "Eritrea", True, "none"),
        # a place that only names a group or a deadline
        ("Troops entered the port after al-Nasr in the Upper Dunes withdrew from it.", "Upper Dunes", True, "none"),
        ("The convoy arrived on the day the Karsk deadline for access expired.", "Karsk", False, "none"),
    ],
)
def test_a_war_sentence_is_read_as_a_reader_would(nlp, sentence, place, area, expected):
    kind, probability = decide(load_event_model(), site(sentence, place, area=area, nlp=nlp))
    assert (kind.event_type if kind else "none") == expected
    assert 0 < probability <= 1


def test_features_are_the_same_on_every_call_and_name_the_rules_verdict():
    s = site("Drones struck the port of Odesa on Sunday.", "Odesa")
    assert site_features(s) == site_features(s)
    assert ("rule=frontline", 1.0) in site_features(s)


def test_a_malformed_weights_file_is_refused_with_a_reason():
    classes = ["none", "frontline", "diplomacy", "humanitarian", "other"]
    bad = json.dumps({"classes": classes, "intercept": [0.0] * 5, "weights": {"bias": [1.0]}})
    with pytest.raises(ValueError, match="one value per class"):
        model_from_json(bad)


#: Two headlines of a page's box of links to other stories, one a line, as the sentence splitter joins them.
OTHER_STORIES = "Talks on the truce resume in Ostrel\nFarmers in Korvani count losses after floods"


@pytest.mark.parametrize("place", ["Ostrel", "Korvani"])
def test_a_place_in_a_list_of_other_stories_headlines_gets_no_event(nlp, place):
    kind, _ = decide(load_event_model(), event_site(OTHER_STORIES, place, nlp=nlp))
    assert kind is None


def test_the_same_words_told_as_one_sentence_keep_their_event(nlp):
    sentence = "Talks on the truce resumed in Ostrel on Monday."
    kind, _ = decide(load_event_model(), event_site(sentence, "Ostrel", nlp=nlp))
    assert kind is not None and kind.event_type == "diplomacy"


def _model_that_always_answers(event_type: str) -> EventTypeModel:
    """A model whose every answer is ``event_type``, to read what the rules around it do."""
    classes = ["none", "frontline", "diplomacy", "humanitarian", "other"]
    intercept = [5.0 if c == event_type else 0.0 for c in classes]
    return model_from_json(json.dumps({"classes": classes, "intercept": intercept, "weights": {}}))


@pytest.mark.parametrize(
    ("sentence", "place", "sub_type"),
    [
        # the nearest word is fighting or aid, the sentence tells a protest or a riot: the model's
        # "other" is that protest or riot, and keeps its sides
        (
            "Troops opened fire on a crowd in Velika, hours after students had protested against the curfew.",
            "Velika",
            "protest",
        ),
        ("Aid convoys were turned back from Darmouth, where crowds rioted over bread prices.", "Darmouth", "protest"),
        ("Shells fell on Ostrel during a funeral on Friday.", "Ostrel", "civic"),
        # no trigger of public life at all: the plain sub-type
        ("Troops shelled the outskirts of Karvin at dawn.", "Karvin", "other"),
    ],
)
def test_a_models_other_takes_the_sentences_protest_or_riot_trigger(nlp, sentence, place, sub_type):
    kind, _ = decide(_model_that_always_answers("other"), site(sentence, place, nlp=nlp))
    assert kind is not None and (kind.event_type, kind.sub_event_type) == ("other", sub_type)


def test_rioted_is_told_as_a_riot():
    kind = classify_sentence("Supporters of the deposed mayor rioted in the market town overnight.")
    assert (kind.event_type, kind.sub_event_type) == ("other", "protest")


@pytest.mark.parametrize(
    ("sentence", "place", "kinds"),
    [
        ("Gunmen massacred twenty-two farmers near Lomaro on Tuesday.", "Lomaro", {"toll_at_place=killed"}),
        (
            "Eighteen people were shot dead at a camp for displaced families outside Tesh.",
            "Tesh",
            {"toll_at_place=killed"},
        ),
        ("A bomb wounded eleven shoppers in Perna.", "Perna", {"toll_at_place=wounded"}),
        (
            "The rebels said they had killed forty soldiers near Kasso.",
            "Kasso",
            {"toll_at_place=killed", "toll_at_place=claimed"},
        ),
        # the dead are told in another clause, of another place
        ("The envoy flew to Varna, while shelling killed nine civilians in Dolsk.", "Varna", set()),
        ("Foreign ministers met in Doha to discuss a ceasefire.", "Doha", set()),
    ],
)
def test_the_model_reads_the_deaths_told_at_the_place(sentence, place, kinds):
    features = {name for name, _ in site_features(site(sentence, place))}
    assert {f for f in features if f.startswith("toll_at_place=")} == kinds


def test_a_model_that_weighs_tolls_reads_them_and_the_shipped_one_knows_whether_it_does():
    shipped = load_event_model()
    weighs_tolls = EventTypeModel(
        classes=shipped.classes,
        intercept=tuple(2.0 if c == "none" else 0.0 for c in shipped.classes),
        weights={"toll_at_place=killed": tuple(5.0 if c == "frontline" else 0.0 for c in shipped.classes)},
        about={},
    )
    assert weighs_tolls.reads_tolls
    kind, _ = decide(weighs_tolls, site("Gunmen massacred twenty-two farmers near Lomaro on Tuesday.", "Lomaro"))
    assert kind is not None and kind.event_type == "frontline"
    assert decide(weighs_tolls, site("Twenty-two farmers tend their fields near Lomaro.", "Lomaro"))[0] is None
    # A model without toll weights skips reading tolls (0.2-0.5 ms a place).
    assert shipped.reads_tolls == any(name.startswith("toll_at_place=") for name in shipped.weights)
