"""The second batch of short reports (``tests.toll_reports_new``), read by the whole pipeline:
each place gets the deaths an ACLED coder would give its event. The reports the code still
codes wrong are strict xfails, each with why."""

from __future__ import annotations

import pytest

from geo.parse.fatalities import casualties, casualties_in_text
from tests.toll_reports import report_figures
from tests.toll_reports_new import CHECK_TOLL_REPORTS, NEW_TOLL_REPORTS

#: The first words of each report still coded wrong, with why.
NOT_READ_YET: dict[str, str] = {
    "Mortar shells struck a crowded square in Tuzla": "no event at the place (the toll is read right)",
    "Villagers near Gitega said": "typed humanitarian, so no toll coded (the toll is read right)",
    "Maoist rebels stormed a police post near Dantewada": "no event at the place (the toll is read right)",
    "Rockets hit the bus station in Gori": "no event at the place (the toll is read right)",
    "Armed men slit the throats of 17 people": "a killing told by its manner alone",
    "Polisario guerrillas attacked Moroccan positions": "no event at the second place (the toll is read right)",
    "Jets bombed positions around Kyrenia": "the first place's clause is cut as another place's (the reader gives 8)",
}


def _cases() -> list:
    cases = []
    for text, want in NEW_TOLL_REPORTS + CHECK_TOLL_REPORTS:
        reason = next((why for start, why in NOT_READ_YET.items() if text.startswith(start)), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(text, want, marks=marks, id=text[:40]))
    return cases


def test_every_known_miss_names_a_report() -> None:
    reports = NEW_TOLL_REPORTS + CHECK_TOLL_REPORTS
    assert all(any(text.startswith(start) for text, _ in reports) for start in NOT_READ_YET)


@pytest.mark.parametrize(("text", "want"), _cases())
def test_each_place_of_a_new_report_gets_the_toll_a_coder_gives_it(pipeline, text: str, want: dict[str, int]) -> None:
    got = report_figures(pipeline, text)
    assert {place: got.get(place, 0) for place in want} == want


#: (sentence, deaths an ACLED coder would code; ``None`` when it tells none).
ONE_SENTENCE: list[tuple[str, int | None]] = [
    # A wound told fatal is a death.
    ("Two guards were fatally wounded when the convoy was hit.", 2),
    ("A sniper mortally wounded a nurse crossing the square.", 1),
    ("Troops fired into the crowd, fatally wounding a student.", 1),
    ("The raid killed six porters and wounded 11, two of them fatally.", 8),
    ("The raid killed six porters and wounded 11, two of them badly.", 6),
    ("The mine wounded nine porters, two of them fatally.", 2),
    # Casualties hold the wounded too: only the part told dead counts.
    ("The shelling caused 20 casualties, four of whom died.", 4),
    ("There were 11 casualties on the ferry, one of them fatal.", 1),
    ("The shelling caused 20 casualties.", None),
    # An ordinal ranking the dead among a period's counts no one.
    ("A ranger was shot dead near the park gate, the ninth killed this year.", 1),
    ("Three porters died in the ambush, the 20th, 21st and 22nd to die on the road this month.", 3),
    # One more person named by kin, after their age.
    ("Raiders killed a farmer and his 12-year-old nephew at the well.", 2),
    ("A shell killed a teacher and her two-year-old granddaughter.", 2),
    # Bodies found, set against a side's claim by "but", are another account: the lower.
    ("The militia said it had killed 60 soldiers, but reporters at the base counted nine bodies.", 9),
    # A group added after the clause is done, its verb left out.
    ("Four gendarmes were killed in the raid, and two attackers.", 6),
    ("Four gendarmes were killed in the raid, and 30 families fled.", 4),
    # The attacker among the dead a death verb governs.
    ("The gunman killed three guards and himself.", 4),
    # A group's own count of its dead against the other side's count of them: the lower.
    ("The police said four officers and 20 bandits died; the bandits said they lost only six men.", 10),
    ("The police said four officers and 20 bandits died, while the bandits said they lost 30 men.", 24),
]


@pytest.mark.parametrize(("sentence", "killed"), ONE_SENTENCE)
def test_the_toll_of_one_sentence(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


#: (sentence, the event's place as written, its deaths): a toll told of several places at
#: once is shared among them evenly, the remainder to the first, unless a part is told by place.
PER_PLACE: list[tuple[str, str, int]] = [
    ("Rockets fired at Varda and Lusk killed 11 people.", "Varda", 6),
    ("Rockets fired at Varda and Lusk killed 11 people.", "Lusk", 5),
    ("Raids on the villages of Orno, Pelt and Skara killed nine herders.", "Pelt", 3),
    ("Bombing of Orno and Pelt killed 20 people, 14 of them in Pelt.", "Pelt", 14),
    ("Bombing of Orno and Pelt killed 20 people, 14 of them in Pelt.", "Orno", 6),
    # A figure per place is each place's own.
    ("Shelling killed two people in Orno and three in Pelt.", "Pelt", 3),
    ("Shelling in Orno killed seven people.", "Orno", 7),
]


@pytest.mark.parametrize(("sentence", "place", "killed"), PER_PLACE)
def test_a_toll_told_of_several_places_is_shared_among_them(sentence: str, place: str, killed: int) -> None:
    assert casualties(sentence, place=place).killed == killed


def test_fatal_wounds_told_in_a_later_sentence_add_to_the_dead() -> None:
    text = "Raiders burned a market near the ford, killing four traders. Two more were mortally wounded."
    assert casualties_in_text(text, "Raiders burned a market near the ford, killing four traders.").killed == 6
