"""Event types told in ways the corpora seldom tell them, read by the whole pipeline
(``tests/type_reports.py``), and the pieces of the event reading they needed: a killing or a
burning named by its own verb ("shot dead", "gunned down", "torched") is an attack, and an
attack on a crowd or during public life ("opened fire on demonstrators", "shot dead during a
curfew") is the attack, not the public life."""

from __future__ import annotations

import pytest

from tests.event_sites import event_site, event_type_at
from tests.type_reports import TYPE_REPORTS, TYPE_REPORTS_SECOND, TYPE_REPORTS_THIRD, TypeReport, report_types

#: Places the recogniser does not find, so no event is read there.
NOT_FOUND = {"Bor", "Mingkaman", "Seiyun", "Tuzla", "Dayton", "Sharpeville"}
#: Places typed wrong, and why.
TYPED_WRONG: dict[str | tuple[str, str], str] = {
    "Medellin": "an execution 'near' a town: the bearing reads as a locator, the model gives no event",
    "Beira": "survivors taken to hospital in a town read as aid there",
    ("Jaffna", "siege"): "a siege laid, in the perfect, in a report the rebels' radio gives: the model gives no event",
    "Raqqa": "a town displaced people reach ('many reached X'): no trigger of arrival",
    "Goma": "an epidemic's toll ('killing more than 200') read as an attack",
    "Darwin": "staff evacuated to a town abroad: no event there",
    "London": "a charity's statement 'from' a city read as diplomacy there",
    # the third batch, scored once after the change
    "Kirkuk": "a town people escaped read as the fighting they escaped",
    "Torkham": "an attack 'near' a town, told in a clause under a toll: no event in the whole report",
    "Benghazi": "'shot in the head' names no killing the trigger table knows ('shot' alone is not one)",
}


def _typed_wrong(report: TypeReport, place: str) -> str | None:
    """Why the place is typed wrong: by its name, or by its name and a word of its report when
    the name is in two reports."""
    reason = TYPED_WRONG.get(place)
    for key, why in TYPED_WRONG.items():
        if isinstance(key, tuple) and key[0] == place and key[1] in report.text:
            reason = why
    return reason if isinstance(reason, str) else None


def _cases(reports: list[TypeReport]) -> list:
    cases = []
    for report in reports:
        for place in report.want:
            reason = "the place is not found" if place in NOT_FOUND else _typed_wrong(report, place)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(report, place, marks=marks, id=f"{place}-{report.published}"))
    return cases


@pytest.mark.parametrize(("report", "place"), _cases(TYPE_REPORTS + TYPE_REPORTS_SECOND + TYPE_REPORTS_THIRD))
def test_a_report_types_its_place_as_a_careful_reader_does(pipeline, report: TypeReport, place: str):
    assert report_types(pipeline, report).get(place) == report.want[place]


@pytest.mark.parametrize(
    "sentence",
    [
        "Two farmers were shot dead in Varel on Sunday, their relatives said.",
        "Gunmen on motorbikes gunned down a judge in Varel.",
        "Militiamen torched the market in Varel before dawn.",
        "A village elder was murdered in Varel, the council said.",
        "Masked men executed three drivers in Varel.",
    ],
)
def test_a_killing_or_a_burning_named_by_its_verb_is_an_attack(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers opened fire on protesters in Varel, killing two.",
        "Police fired on a funeral procession in Varel.",
        "A shopkeeper was shot dead in Varel during the curfew.",
    ],
)
def test_an_attack_on_a_crowd_or_during_public_life_is_the_attack(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of protesters marched through Varel on Sunday.",
        "A curfew was imposed on Varel after the riots.",
        "A rally in Varel drew crowds, a week after troops had opened fire on the town.",
        "Hundreds of protesters stormed the town hall in Varel and burned its flags.",
    ],
)
def test_public_life_told_in_its_own_clause_stays_public_life(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "other"
