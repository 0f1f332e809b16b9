"""The learned choice of an event's day: which days are offered, and how the choice falls back on the rules."""

from __future__ import annotations

import json
from datetime import date

from geo.parse.datechoice import DateChoiceModel, choose, date_options, load_date_model, model_from_json
from geo.parse.dates import DateContext, EventDate, date_contexts, phrase_options, resolve_event_date
from geo.records import DATE_PRECISION_DAY, DATE_PRECISION_MONTH, DATE_PRECISION_WEEK

WED_2019_10_16 = date(2019, 10, 16)


def span(sentence: str, name: str) -> tuple[int, int]:
    start = sentence.index(name)
    return start, start + len(name)


def options_for(sentence: str, place: str, context: DateContext | None = None):
    near = span(sentence, place)
    rule = resolve_event_date(sentence, published=WED_2019_10_16, near=near, context=context)
    return rule, date_options(sentence, published=WED_2019_10_16, near=near, context=context, tree=None, rule=rule)


def test_a_phrase_that_starts_a_state_or_names_a_year_is_never_an_option():
    sentence = "Kobane has been cut off since last March, and in 2014 it was besieged."
    assert phrase_options(sentence, published=WED_2019_10_16, near=span(sentence, "Kobane")) == ()


def test_last_month_alone_is_a_month_not_its_first_day():
    sentence = "Militias shelled Tal Abyad last month."
    (option,) = phrase_options(sentence, published=WED_2019_10_16, near=span(sentence, "Tal Abyad"))
    assert (option.value, option.precision) == (date(2019, 9, 1), DATE_PRECISION_MONTH)


def test_the_phrase_of_the_places_own_clause_is_marked_as_its_own():
    sentence = "Drones struck Ras al-Ain on Monday, and Qamishli on Tuesday."
    options = phrase_options(sentence, published=WED_2019_10_16, near=span(sentence, "Ras al-Ain"))
    assert [(o.phrase, o.of_place) for o in options] == [("Monday", True), ("Tuesday", False)]


def test_an_undated_sentence_is_offered_the_story_day_and_the_publication_day_the_rules_choice_first():
    story = EventDate(date(2019, 10, 15), DATE_PRECISION_DAY, "on Tuesday")
    rule, options = options_for("Families fled Ras al-Ain towards Hasakah.", "Ras al-Ain", DateContext(story=story))
    assert rule.value == date(2019, 10, 15)
    assert options[0].value == rule.value and "src=rule" in options[0].features
    days = [o.value for o in options]
    assert date(2019, 10, 16) in days and len(days) == len(set(days))
    assert "src=story" in options[0].features


def test_without_a_model_the_rules_decide():
    rule, options = options_for("Turkish jets bombed Tal Abyad on Monday.", "Tal Abyad")
    assert choose(None, options, rule) == rule


def test_a_model_picks_the_best_scored_option_and_keeps_the_rules_date_on_a_tie():
    story = EventDate(date(2019, 10, 15), DATE_PRECISION_DAY, "on Tuesday")
    rule, options = options_for("Families fled Ras al-Ain towards Hasakah.", "Ras al-Ain", DateContext(story=story))
    prefers_publication = DateChoiceModel(0.0, {"src=published": 1.0}, {})
    assert choose(prefers_publication, options, rule).value == date(2019, 10, 16)
    indifferent = DateChoiceModel(0.0, {}, {})
    assert choose(indifferent, options, rule) == rule


def test_no_date_by_the_rules_is_not_overridden():
    rule = EventDate(None, DATE_PRECISION_MONTH, "in 2014")
    assert choose(DateChoiceModel(0.0, {"src=published": 5.0}, {}), (), rule) == rule


def test_a_model_reads_back_from_its_json():
    text = json.dumps({"intercept": 0.0, "weights": {"src=rule": 0.5}, "about": {"C": 1.0}})
    model = model_from_json(text)
    assert model.weights == {"src=rule": 0.5} and model.about == {"C": 1.0}


def test_the_shipped_model_says_what_it_was_trained_on_and_beat_the_rules_held_out():
    model = load_date_model()
    assert model is not None
    assert len(model.about["training_data_sha256"]) == 64
    assert model.about["cv_accuracy"] > model.about["rule_accuracy"]
    # on wars it never saw, too: folds that leave whole conflicts out
    assert model.about["cv_by_conflict_accuracy"] > model.about["rule_accuracy"]


def test_a_week_precision_fallback_is_still_a_date_option():
    rule, options = options_for("Convoys crossed into Manbij.", "Manbij")
    assert rule.precision == DATE_PRECISION_WEEK
    assert any(o.value == WED_2019_10_16 for o in options)


def test_the_places_own_weekday_is_not_taken_for_the_datelines_date_it_falls_on(nlp):
    from geo.parse.clausetree import clause_tree
    from geo.parse.datechoice import event_date

    published = date(2023, 8, 6)  # a Sunday
    text = "KARSK, Aug 6 - Aid trucks reached the Orava valley on Sunday after engineers repaired a bridge on Saturday."
    contexts, _ = date_contexts([text], published=published)
    near = span(text, "Orava")
    tree = clause_tree(next(iter(nlp(text).sents)))
    rule = resolve_event_date(text, published=published, near=near, context=contexts[0], tree=tree)
    options = date_options(text, published=published, near=near, context=contexts[0], tree=tree, rule=rule)
    sunday = next(o for o in options if o.value == published)
    assert {"phrase_of_place", "src=filed"} <= sunday.features
    assert not {"phrase_speech", "phrase_report", "phrase_not_of_place"} & sunday.features
    found = event_date(text, published=published, near=near, context=contexts[0], tree=tree, model=load_date_model())
    assert (found.value, found.phrase) == (published, "Sunday")
