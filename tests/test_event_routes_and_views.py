"""Places a careful reader puts no event at: the far end of an army's supply line, a country its
forces are leaving, the land another place looks over. And their near neighbours that keep one:
an aid corridor, a town troops pull out of, fighting on the plain itself. And want told "a year
into the war": the war so named dates the want, it is no fighting at the place."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from geo.parse.eventsignals import (
    ends_a_supply_line,
    forces_leave_the_country,
    only_in_a_view_from_another,
    tells_of_want,
)
from tests.event_sites import event_site, event_type_at, event_types_by_mention


def _site(nlp, sentence: str, place: str, *, area: bool = False, country: bool = False, others: tuple[str, ...] = ()):
    site = event_site(sentence, place, nlp=nlp, area=area or country, others=len(others))
    spans = tuple((sentence.index(o), sentence.index(o) + len(o)) for o in others)
    return replace(site, is_country=country, other_spans=spans)


def _events(pipeline, text: str) -> dict[str, str]:
    return event_types_by_mention(pipeline, text, published=date(2014, 8, 20), article_id="routes")


# -- an army's supply line -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The brigade moved two battalions to the highway to protect supply lines to Varnok.",
        "Government artillery has cut the rebels' main supply route to Varnok.",
        "Commanders said the resupply route through Varnok was now under threat.",
    ],
)
def test_an_armys_supply_line_to_a_town_is_no_aid_there(nlp, sentence):
    site = _site(nlp, sentence, "Varnok")
    assert ends_a_supply_line(site.tree, sentence, site.start, site.end)
    assert event_type_at(site) != "humanitarian"


@pytest.mark.parametrize(
    "sentence",
    [
        "A humanitarian corridor to Varnok opened on Monday and the first families walked out.",
        "Aid trucks reached Varnok on Monday along the supply road, bringing flour and medicine.",
    ],
)
def test_an_aid_route_to_a_town_is_not_taken_for_an_armys(nlp, sentence):
    site = _site(nlp, sentence, "Varnok")
    assert not ends_a_supply_line(site.tree, sentence, site.start, site.end)
    assert event_type_at(site) == "humanitarian"


def test_supply_lines_through_the_pipeline(pipeline):
    text = (
        "Ukrainian units fell back toward the highway on Tuesday to protect supply lines to Kramatorsk. "
        "On Wednesday a humanitarian corridor to Mariupol opened for civilians, and buses carried families out."
    )
    events = _events(pipeline, text)
    assert events.get("Kramatorsk") != "humanitarian"
    assert events.get("Mariupol") == "humanitarian"


# -- forces leaving a country ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The prime minister said French troops had completed their mission in Korvalia and would start to leave next week.",
        "The defence minister announced that the army will pull its soldiers out of Korvalia by June.",
    ],
)
def test_forces_leaving_a_country_is_no_fighting_across_it(nlp, sentence):
    site = _site(nlp, sentence, "Korvalia", country=True)
    assert forces_leave_the_country(site.tree, sentence, site.start, site.end)
    assert event_type_at(site) != "frontline"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels shelled army posts across Korvalia as foreign troops began to leave.",
        "A roadside bomb in Korvalia left five soldiers dead on Sunday.",
    ],
)
def test_fighting_in_the_country_is_not_read_as_a_withdrawal(nlp, sentence):
    site = _site(nlp, sentence, "Korvalia", country=True)
    assert not forces_leave_the_country(site.tree, sentence, site.start, site.end)


def test_troops_pulling_out_of_a_town_stay_a_change_of_hands_there(nlp):
    sentence = "Government troops withdrew from Varnok on Sunday after a week of street fighting."
    assert event_type_at(_site(nlp, sentence, "Varnok")) == "frontline"


def test_a_withdrawal_from_a_country_through_the_pipeline(pipeline):
    text = (
        "President Emmanuel Macron said on Thursday that French forces had achieved their aims in Mali "
        "and ordered most of them to begin leaving within weeks."
    )
    assert _events(pipeline, text).get("Mali") != "frontline"


# -- the land another place looks over -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        ("Dravik was taken by the militia last spring and overlooks the wide valley around Varnok.", "Dravik"),
        ("Dravik sits on the ridge north of Varnok, three hours by road from the coast.", "Dravik"),
        ("Dravik lies south of the port of Varnok, close to the border.", "Dravik"),
    ],
)
def test_a_town_looking_over_the_land_near_a_city_makes_nothing_at_the_city(nlp, sentence, town):
    site = _site(nlp, sentence, "Varnok", others=(town,))
    assert only_in_a_view_from_another(site.tree, sentence, site.start, site.end, site.other_spans)
    assert event_type_at(site) is None


def test_fighting_on_the_plain_around_a_city_still_counts(nlp):
    sentence = "Rebels attacked army posts on the plain around Varnok on Friday, killing six soldiers."
    site = _site(nlp, sentence, "Varnok")
    assert not only_in_a_view_from_another(site.tree, sentence, site.start, site.end, site.other_spans)
    assert event_type_at(site) == "frontline"


def test_a_view_over_a_plain_through_the_pipeline(pipeline):
    text = (
        "Kurdish fighters took the hill town of Sinjar on Monday. "
        "The town overlooks the wide plain around Mosul, the largest city of the north."
    )
    assert "Mosul" not in _events(pipeline, text)


# -- want told a while into a war -------------------------------------------------------------


def test_want_told_months_into_a_war_is_humanitarian(nlp):
    sentence = (
        "Families in Varnok said on Friday that bread and fuel had run short, "
        "two years into the war between the army and the rebel alliance."
    )
    site = _site(nlp, sentence, "Varnok")
    assert tells_of_want(site.tree, sentence, site.start, site.end)
    assert event_type_at(site) == "humanitarian"


def test_want_beside_fighting_now_is_not_read_as_want_alone(nlp):
    sentence = "Families in Varnok said bread and fuel had run short as fighting between the army and rebels went on."
    site = _site(nlp, sentence, "Varnok")
    assert not tells_of_want(site.tree, sentence, site.start, site.end)
