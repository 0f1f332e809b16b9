"""The second batch of short reports (``tests.toll_reports_new``), read by the whole pipeline:
each place gets the deaths an ACLED coder would give its event. The reports the code still
codes wrong are strict xfails, each with why."""

from __future__ import annotations

import pytest

from tests.toll_reports import report_figures
from tests.toll_reports_new import NEW_TOLL_REPORTS

#: The first words of each report still coded wrong, with why.
NOT_READ_YET: dict[str, str] = {
    "Mortar shells struck a crowded square in Tuzla": "no event at the place (the toll is read right)",
    "Villagers near Gitega said": "typed humanitarian, so no toll coded (the toll is read right)",
    "Maoist rebels stormed a police post near Dantewada": "no event at the place (the toll is read right)",
    "Rockets hit the bus station in Gori": "no event at the place (the toll is read right)",
    "A suicide bomber blew himself up at the gate": "the bomber named by a reflexive pronoun is not counted",
    "A roadside bomb near Mitrovica caused 15 casualties": "'three of them fatal' is not read as dead",
    "Federal troops said they had killed about 100 rebels": "bodies found later are added to a side's claim, not set against it",
    "Maoist rebels attacked the district headquarters of Tansen": "a side's own lower count of its dead is added, not set against the other's",
    "Shining Path guerrillas killed a 72-year-old farmer": "a second person named by age after a possessive is not counted",
    "Two constables were shot dead in Armagh": "an ordinal apposition of the year's dead makes the toll a period's",
    "Armed men slit the throats of 17 people": "a killing told by its manner alone",
    "Shelling of Osijek and Vinkovci killed 18 people": "a toll of two places is not shared between them",
    "Air raids on Tyre and Sidon killed 23 people": "a toll of two places is not shared between them",
    "Guerrillas blew up a bridge near San Miguel": "a group after ', and' with its verb left out is not added",
}


def _cases() -> list:
    cases = []
    for text, want in NEW_TOLL_REPORTS:
        reason = next((why for start, why in NOT_READ_YET.items() if text.startswith(start)), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(text, want, marks=marks, id=text[:40]))
    return cases


def test_every_known_miss_names_a_report() -> None:
    assert all(any(text.startswith(start) for text, _ in NEW_TOLL_REPORTS) for start in NOT_READ_YET)


@pytest.mark.parametrize(("text", "want"), _cases())
def test_each_place_of_a_new_report_gets_the_toll_a_coder_gives_it(pipeline, text: str, want: dict[str, int]) -> None:
    got = report_figures(pipeline, text)
    assert {place: got.get(place, 0) for place in want} == want
