"""A place an act moves toward, away from or through, and a place in the report's dateline."""

from __future__ import annotations

import pytest

from geo.parse.eventmodel import EventSite, site_features
from geo.parse.placerole import role_features, sibling_features
from tests.event_sites import event_site, event_type_at


def _site(nlp, sentence: str, place: str) -> EventSite:
    return event_site(sentence, place, nlp=nlp, index=0)


def _roles(nlp, sentence: str, place: str) -> list[str]:
    site = _site(nlp, sentence, place)
    return role_features(site.tree, site.start, site.end)


@pytest.mark.parametrize(
    ("sentence", "place", "role"),
    [
        ("The rebels pulled back toward Karvan and Dostal after the battle.", "Karvan", "destination"),
        ("The rebels pulled back toward Karvan and Dostal after the battle.", "Dostal", "destination"),
        ("Thousands of families fled out of Lomar on Sunday.", "Lomar", "source"),
        ("Helicopters were sent from Lomar to evacuate the wounded.", "Lomar", "source"),
        ("The convoy travelled through Pelso before dawn.", "Pelso", "transit"),
    ],
)
def test_a_place_an_act_moves_to_from_or_through_has_that_role(nlp, sentence, place, role):
    assert f"role={role}" in _roles(nlp, sentence, place)


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Heavy fighting raged in Lomar on Sunday.", "Lomar"),
        ("Troops captured Lomar after a week of shelling.", "Lomar"),
    ],
)
def test_a_place_where_the_act_happens_has_no_motion_role(nlp, sentence, place):
    assert _roles(nlp, sentence, place) == []


def test_no_parse_no_role():
    assert role_features(None, 0, 5) == []


def _flags(nlp, sentence: str, place: str) -> set[str]:
    return {name for name, _ in site_features(_site(nlp, sentence, place))}


def test_a_dateline_place_is_read_as_the_reports_header(nlp):
    sentence = "KARVAN, May 3 (Plains Wire) - Troops shelled the town of Dostal on Tuesday."
    flags = _flags(nlp, sentence, "KARVAN")
    assert {"header", "header_named_again=False"} <= flags
    assert "header" not in _flags(nlp, sentence, "Dostal")


def test_a_dateline_place_the_lead_names_again_says_so(nlp):
    sentence = "KARVAN, May 3 (Plains Wire) - Rebels entered Karvan on Tuesday."
    assert "header_named_again=True" in _flags(nlp, sentence, "KARVAN")


def _event_type(nlp, sentence: str, place: str) -> str | None:
    return event_type_at(_site(nlp, sentence, place))


def test_a_dateline_town_gets_no_event_when_the_lead_tells_of_another(nlp):
    sentence = "KARVAN, May 3 (Plains Wire) - Troops shelled the town of Dostal on Tuesday, killing four civilians."
    assert _event_type(nlp, sentence, "KARVAN") is None
    assert _event_type(nlp, sentence, "Dostal") == "frontline"


def test_a_dateline_town_the_lead_tells_of_gets_its_event(nlp):
    sentence = "KARVAN, May 3 (Plains Wire) - Rebels entered Karvan on Tuesday after a week of fighting."
    assert _event_type(nlp, sentence, "KARVAN") == "frontline"


def _type_or_none(nlp, sentence: str, place: str) -> str:
    return _event_type(nlp, sentence, place) or "none"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The militants withdrew east toward Karvan and Dostal on Monday.", "Karvan"),
        ("The militants withdrew east toward Karvan and Dostal on Monday.", "Dostal"),
        ("The rebels regrouped and pulled back to Karvan on Monday.", "Karvan"),
        ("Government forces fell back toward Dostal after the battle.", "Dostal"),
    ],
)
def test_a_place_armed_men_only_move_toward_gets_no_event(nlp, sentence, place):
    assert _type_or_none(nlp, sentence, place) == "none"


@pytest.mark.parametrize(
    ("sentence", "place", "event_type"),
    [
        ("Thousands of families fled toward Karvan on Monday.", "Karvan", "humanitarian"),
        ("Army tanks rolled into Dostal on Monday and seized the town hall.", "Dostal", "frontline"),
    ],
)
def test_families_fleeing_to_a_place_or_tanks_rolling_into_it_keep_the_event(nlp, sentence, place, event_type):
    assert _type_or_none(nlp, sentence, place) == event_type


def _with_others(nlp, sentence: str, place: str, others: tuple[str, ...]) -> EventSite:
    site = _site(nlp, sentence, place)
    spans = tuple((sentence.index(o), sentence.index(o) + len(o)) for o in others)
    return EventSite(site.sentence, site.start, site.end, False, len(spans), 0, tree=site.tree, other_spans=spans)


def _beside(nlp, sentence: str, place: str, others: tuple[str, ...]) -> list[str]:
    site = _with_others(nlp, sentence, place, others)
    return sibling_features(site.tree, site.start, site.end, site.other_spans)


def test_a_place_a_move_starts_from_is_read_beside_the_place_it_goes_to(nlp):
    sentence = "Armoured columns crossed from Karvan into Dostal on Sunday."
    assert _beside(nlp, sentence, "Karvan", ("Dostal",)) == ["beside=source:destination"]
    assert _beside(nlp, sentence, "Dostal", ("Karvan",)) == ["beside=destination:source"]


def test_a_place_of_another_clause_is_not_read_beside(nlp):
    sentence = "Families fled from Karvan on Monday, while fighting raged in Dostal."
    assert _beside(nlp, sentence, "Karvan", ("Dostal",)) == []


def test_a_place_where_the_act_happens_is_not_read_beside_another(nlp):
    assert _beside(nlp, "Troops shelled Dostal and Karvan on Sunday.", "Karvan", ("Dostal",)) == []


def test_a_place_alone_in_its_sentence_has_no_place_beside(nlp):
    assert _beside(nlp, "Families fled from Karvan on Sunday.", "Karvan", ()) == []
    assert sibling_features(None, 0, 6, ((10, 16),)) == []
