"""Event types by clause: what the place's own clause states, read from spaCy's parse."""

from __future__ import annotations

from geo.parse.eventclause import clause_features, in_place_clause
from geo.parse.eventmodel import EventSite, decide, load_event_model, place_rule
from geo.parse.eventtypes import classify_sentence
from tests.event_sites import event_site


def _site(nlp, sentence: str, place: str, *, parsed: bool = True) -> EventSite:
    return event_site(sentence, place, nlp=nlp if parsed else None, others=0)


CONCERT = (
    "A youth choir sang at a festival in the old market of Varensk on Sunday, a month after rebels seized the town."
)


def test_a_capture_told_in_another_clause_is_not_what_the_place_s_clause_states(nlp):
    sentence = "A youth choir sang in the old market of Varensk on Sunday, a month after rebels seized the town."
    site = _site(nlp, sentence, "Varensk")
    assert classify_sentence(sentence, near=(site.start, site.end)).event_type == "frontline"  # the words alone
    assert place_rule(site).event_type == "other"
    assert "seized" not in in_place_clause(sentence, site.tree, site.start, site.end)
    assert "trigger_other_clause=territory_change" in clause_features(site.tree, site.start, site.end, sentence)


def test_a_capture_that_governs_the_place_stays_frontline(nlp):
    sentence = "Rebels seized Varensk on Sunday after a week of street fighting."
    site = _site(nlp, sentence, "Varensk")
    assert place_rule(site).event_type == "frontline"
    assert "trigger_governs=territory_change" in clause_features(site.tree, site.start, site.end, sentence)
    kind, _ = decide(load_event_model(), site)
    assert kind is not None and kind.event_type == "frontline"


def test_a_cultural_event_in_a_retaken_town_is_not_mapped_as_fighting(nlp):
    kind, _ = decide(load_event_model(), _site(nlp, CONCERT, "Varensk"))
    assert kind is None or kind.event_type != "frontline"


def test_a_protest_is_coded_apart_from_fighting(nlp):
    sentence = "Thousands of protesters marched through central Talmor on Saturday against the new conscription law."
    site = _site(nlp, sentence, "Talmor")
    assert place_rule(site).sub_event_type == "protest"
    kind, _ = decide(load_event_model(), site)
    assert kind is not None and kind.event_type == "other"


def test_clause_features_say_the_place_s_verb_its_tense_and_its_clause(nlp):
    sentence = "Officials said troops would withdraw from Halmir if the talks failed."
    site = _site(nlp, sentence, "Halmir")
    features = clause_features(site.tree, site.start, site.end, sentence)
    assert "verb=withdraw" in features
    assert "tense=future" in features
    assert "in_clause=ccomp" in features
    assert "place_prep=from" in features


def test_polling_stations_opening_in_a_city_is_public_life_not_fighting(nlp):
    sentence = "Polling stations opened in Mirovka and three other towns held by the army, but not in rebel areas."
    assert place_rule(_site(nlp, sentence, "Mirovka")).sub_event_type == "civic"


def test_a_strike_told_in_a_relative_clause_on_the_town_is_the_town_s_event(nlp):
    sentence = (
        "Residents buried their dead in the hill town of Koravel, where mortar rounds killed six people on Monday."
    )
    site = _site(nlp, sentence, "Koravel")
    assert "trigger_about_place=shelling" in clause_features(site.tree, site.start, site.end, sentence)
    assert "mortar" in in_place_clause(sentence, site.tree, site.start, site.end)
    kind, _ = decide(load_event_model(), site)
    assert kind is not None and kind.event_type == "frontline"


def test_a_raid_on_a_school_in_a_town_told_by_a_relative_clause_stays_with_the_town(nlp):
    sentence = "Parents waited outside the boarding school in Temsi that gunmen raided before dawn on Friday."
    site = _site(nlp, sentence, "Temsi")
    assert "raided" in in_place_clause(sentence, site.tree, site.start, site.end)


def test_a_relative_clause_on_another_noun_is_still_another_clause(nlp):
    sentence = "The minister flew to Ostrava on Monday to meet the families who fled the shelling last week."
    site = _site(nlp, sentence, "Ostrava")
    assert "trigger_about_place=shelling" not in clause_features(site.tree, site.start, site.end, sentence)
