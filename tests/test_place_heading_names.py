"""A place at the head of a longer name ("X County Sheriff's Office", "X City Council"):
every gazetteer name the longer one opens with is a candidate, marked with the longer
name's head noun, so the recogniser can take the place and leave the institution."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _cut(doc, names, start: int, end: int, label: str) -> dict[str, str]:
    from spacy.tokens import Span

    from geo.parse.placefeatures import ORG_PART, candidates

    doc.ents = [Span(doc, start, end, label=label)]
    return {c.text: c.heads_name for c in candidates(doc, names) if c.label == ORG_PART}


def test_every_place_an_office_s_name_opens_with_is_offered(nlp, real_gazetteer):
    doc = nlp("Deputies of the Marion County Sheriff's Office searched the woods.")
    # The small model often calls such a name a facility: a place it opens with must still be offered.
    assert _cut(doc, real_gazetteer, 3, 8, "FAC") == {"Marion County": "office", "Marion": "office"}


def test_a_town_opening_a_council_s_name_is_offered_beside_the_longer_match(nlp, real_gazetteer):
    doc = nlp("The Springfield City Council voted on the budget.")
    assert _cut(doc, real_gazetteer, 1, 4, "ORG") == {"Springfield City": "council", "Springfield": "council"}


def test_a_facility_whose_whole_name_is_a_place_is_not_cut(nlp, real_gazetteer):
    doc = nlp("Flights resumed at Kandahar Airport on Monday.")
    assert _cut(doc, real_gazetteer, 3, 5, "FAC") == {}


def test_the_county_opening_a_sheriff_s_office_is_recognised(nlp, real_gazetteer):
    from geo.parse.mentions import recognise

    doc = nlp("Deputies from the Marion County Sheriff's Office arrested two men near the lake on Friday.")
    assert [m.text for m in recognise(doc, real_gazetteer).mentions] == ["Marion County"]


def test_the_town_opening_a_council_s_name_is_recognised_without_the_council(nlp, real_gazetteer):
    from geo.parse.mentions import recognise

    doc = nlp("The Springfield City Council voted to raise taxes on Tuesday.")
    assert [m.text for m in recognise(doc, real_gazetteer).mentions] == ["Springfield"]


def test_a_county_the_model_runs_on_into_a_clerk_s_title_is_offered(nlp, real_gazetteer):
    doc = nlp("Ballots were counted by the Travis County Clerk late on Tuesday.")
    # The small model calls "X County Clerk" a place as often as an organisation.
    assert _cut(doc, real_gazetteer, 5, 8, "GPE") == {"Travis County": "clerk", "Travis": "clerk"}


def test_a_place_the_model_reads_as_a_whole_place_name_is_not_cut(nlp, real_gazetteer):
    doc = nlp("Storms crossed North Carolina overnight.")
    assert _cut(doc, real_gazetteer, 2, 4, "GPE") == {}


def test_a_natural_feature_named_for_a_town_is_not_cut(nlp, real_gazetteer):
    doc = nlp("Anglers waited by the Hudson River at dawn.")
    # "X River" names the river, not the town X: a LOC span keeps its own place.
    assert _cut(doc, real_gazetteer, 4, 6, "LOC") == {}


def test_a_country_s_long_form_the_model_calls_a_place_is_not_cut_at_its_end(nlp, real_gazetteer):
    doc = nlp("Aid reached the Democratic Republic of Congo last week.")
    assert "Congo" not in _cut(doc, real_gazetteer, 3, 7, "GPE")
