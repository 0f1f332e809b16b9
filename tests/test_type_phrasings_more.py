"""Event types told as reports of older and unseen wars tell them, read by the whole pipeline
(``tests/type_reports_more.py``, written and scored before the changes they led to), and the
pieces of the event reading they needed: a place told as besieged or held ("remained
encircled", "in rebel hands", "held out") is fighting there; civilians arriving at a town or
leaving it are displaced, though no word of flight says so; an attack told as what someone
condemned or accused others of is the attack where it struck."""

from __future__ import annotations

import pytest

from tests.event_sites import event_site, event_type_at
from tests.type_reports import TypeReport, report_types
from tests.type_reports_more import TYPE_REPORTS_MORE, TYPE_REPORTS_MORE_SECOND

#: Places the recogniser does not find or the gazetteer does not give, so no event is read there.
NOT_FOUND = {
    "Port Arthur", "Cuito Cuanavale", "Mons", "Annual", "Nanawa", "Bentalha", "Ogaden", "East Prussia", "Tsushima",
    "Falkland Sound", "Pearl Harbor", "Panmunjom", "Evian", "Verdun", "Douaumont", "Konitsa",
    # the second batch, scored once after the change
    "Dien Khanh", "Kabala", "Tarin Kowt", "Bo", "Las Hojas",
}  # fmt: skip
#: Places typed wrong, and why.
TYPED_WRONG: dict[str | tuple[str, str], str] = {
    "Kimberley": "a messenger who 'reached' a town read as people displaced there",
    "Melilla": "troops who reached a town in retreat read as the fighting they retreated from",
    "La Paz": "a general staff 'in X announced' a battle elsewhere: the battle's type, not the statement's",
    "Bamenda": "burning denied by the army but told as done by others: read as the denial",
    "Dubai": "a shipping agency 'in X reported': read as officials speaking",
    "Oviedo": "a general's home town ('a native of X') read as his taking command",
    "Salisbury": "where a column set out before it was ambushed elsewhere, read as the ambush",
    # the second batch, scored once after the change
    "Asmara": "'its people queue for water' parsed as one noun, so no clause of the people's plight beside the siege",
    "Alcazarquivir": "a garrison that held out, in a report the model reads as public life: the siege rule reads only none or fighting",
    "Mogadishu": "relations cut off 'in protest' read as a protest",
    ("Addis Ababa", "relations"): "the other side of relations cut off 'in protest' read as a protest",
}


def _typed_wrong(report: TypeReport, place: str) -> str | None:
    """Why the place is typed wrong: by its name, or by its name and a word of its report when
    the name is in two reports."""
    for key, why in TYPED_WRONG.items():
        if isinstance(key, tuple) and key[0] == place and key[1] in report.text:
            return why
    return TYPED_WRONG.get(place)


def _cases(reports: list[TypeReport]) -> list:
    cases = []
    for report in reports:
        for place in report.want:
            reason = "the place is not found" if place in NOT_FOUND else _typed_wrong(report, place)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(report, place, marks=marks, id=f"{place}-{report.published}"))
    return cases


@pytest.mark.parametrize(("report", "place"), _cases(TYPE_REPORTS_MORE + TYPE_REPORTS_MORE_SECOND))
def test_a_report_of_an_older_or_unseen_war_types_its_place_as_a_careful_reader_does(
    pipeline, report: TypeReport, place: str
):
    assert report_types(pipeline, report).get(place) == report.want[place]


@pytest.mark.parametrize(
    "sentence",
    [
        "Varel remained encircled by the rebels for a month.",
        "The town of Varel is under the control of the militia.",
        "Varel was in rebel hands by nightfall.",
        "The garrison of Varel held out for a week.",
        "Varel has been cut off since the spring.",
        "Varel is held by the rebels.",
    ],
)
def test_a_town_told_as_besieged_or_held_is_fighting_there(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Varel is not under siege, the mayor said.", None),
        ("A festival is held in Varel every summer.", "other"),
        ("The envoy said the militia would leave the valley once Varel is taken.", None),
        ("Varel cut off gas supplies to its neighbours last winter.", None),
    ],
)
def test_a_siege_denied_to_come_or_done_by_the_place_is_no_siege(nlp, sentence, wanted):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == wanted


def test_a_siege_told_beside_its_peoples_plight_is_their_want(nlp):
    sentence = "Varel has been encircled since May, and residents say they are eating leaves."
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "humanitarian"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Families who left Varel on foot arrived in Dorsk.", "Varel"),
        ("Families who left Varel on foot arrived in Dorsk.", "Dorsk"),
        ("Hundreds of families driven from their farms by the shelling landed at Varel.", "Varel"),
    ],
)
def test_civilians_arriving_or_leaving_are_displaced(nlp, sentence, place):
    assert event_type_at(event_site(sentence, place, nlp=nlp)) == "humanitarian"


@pytest.mark.parametrize(
    "sentence",
    [
        "The foreign minister arrived in Varel for talks.",
        "Soldiers who left Varel on Monday arrived in Dorsk for talks.",
    ],
)
def test_officials_or_soldiers_arriving_are_no_displacement(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "diplomacy"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry condemned the shelling of a school in Varel.",
        "The government accused the rebels of bombing Varel.",
        "Church leaders denounced the air strike on a market in Varel.",
    ],
)
def test_an_attack_told_as_what_someone_condemned_is_the_attack(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


def test_the_place_of_those_who_condemn_stays_their_statement(nlp):
    sentence = "Officials in Varel condemned the attack on the border post."
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "diplomacy"
