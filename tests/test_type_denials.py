"""Acts denied in a "that" clause and acts told by speakers elsewhere, read by the whole
pipeline on reports written for them (``tests/type_reports_denials.py``, scored before the
change), and the two readings they needed: the scope of a verb of denying is its complement
clause ("denied that its aircraft had struck X" is no act at X), and a place only spoken from
keeps no act of the other place its sentence names ("the general staff in X announced
fighting around Y")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.event_sites import event_site, event_type_at
from tests.type_reports import TypeReport, report_types
from tests.type_reports_denials import TYPE_REPORTS_DENIALS

#: Places the recogniser does not find or the gazetteer does not give, so no event is read there.
NOT_FOUND = {"Mir Ali", "Tavildara"}
#: Places typed wrong, and why.
TYPED_WRONG = {
    "Almaty": "the place spoken of is not found, so the agency's city is the only place to take the act",
    "Limassol": "a shipping agency reporting from a city read as a statement made there",
    "Lahore": "a newspaper reporting from a city read as a statement made there",
    "Baku": "a general staff's announcement read as no statement (the model's statement is of officials)",
    "Baidoa": "the road to a town that fighting closed read as a bearing, not fighting there",
    "Decani": "houses burned, told by diplomats in another city: read as their statement",
    "Zenica": "mortar hits told under 'saying' by police in the town: read as the police's statement",
    "Homs": "residents in a town telling of 'the old city' bombed: read as their statement",
    "Deir ez-Zor": "hospital officials in a town telling of killing 'in the city': read as their statement",
    "Derna": "officials in a town telling of a bomb in the town: read as their statement",
    "Baqubah": "officials in a town telling of a raid 'in the city': read as their statement",
}


def _cases(reports: list[TypeReport]) -> list:
    cases = []
    for report in reports:
        for place in report.want:
            reason = "the place is not found" if place in NOT_FOUND else TYPED_WRONG.get(place)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(report, place, marks=marks, id=f"{place}-{report.published}"))
    return cases


@pytest.mark.parametrize(("report", "place"), _cases(TYPE_REPORTS_DENIALS))
def test_a_report_of_a_denial_or_of_speakers_elsewhere_types_its_place_as_a_careful_reader_does(
    pipeline, report: TypeReport, place: str
):
    assert report_types(pipeline, report).get(place) == report.want[place]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry denied that its aircraft had struck Varel.",
        "The rebels denied that they had shelled Varel.",
        "The junta denies that Varel was bombed by its air force.",
        "The ministry denied reports that its aircraft had struck Varel.",
        "The interior ministry rejected claims that troops had fired on mourners in Varel.",
        "The army dismissed allegations that its tanks had entered Varel.",
    ],
)
def test_an_act_denied_in_a_that_clause_is_no_event(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry confirmed that its aircraft had struck Varel.",
        "The ministry did not deny that its aircraft had struck Varel.",
        "Troops shelled Varel, though the army denied that civilians had been targeted.",
        "The army denied that the shelling of Varel had killed civilians.",
    ],
)
def test_an_act_confirmed_or_outside_the_denial_is_the_act(nlp, sentence):
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


def test_an_act_beside_the_denied_one_is_the_act(nlp):
    sentence = "The rebels denied that they had shelled Varel, but admitted they had attacked Dorsk."
    assert event_type_at(event_site(sentence, "Dorsk", nlp=nlp)) == "frontline"


@pytest.mark.parametrize(
    ("sentence", "spoken_of"),
    [
        ("The general staff in Varel announced heavy fighting around Dorsk.", "Dorsk"),
        ("A shipping agency in Varel reported that a freighter had been hit by a missile off Dorsk.", "Dorsk"),
        ("A news agency in Varel reported that fighters had seized Dorsk.", "Dorsk"),
    ],
)
def test_a_place_only_spoken_from_keeps_no_act_of_the_place_spoken_of(nlp, sentence, spoken_of):
    site = event_site(sentence, "Varel", nlp=nlp)
    other = sentence.index(spoken_of)
    assert event_type_at(replace(site, other_spans=((other, other + len(spoken_of)),))) != "frontline"
    assert event_type_at(event_site(sentence, spoken_of, nlp=nlp)) == "frontline"


def test_a_speakers_place_the_only_place_of_its_sentence_keeps_its_reading(nlp):
    sentence = "The general staff in Varel announced heavy fighting around the city."
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


def test_an_accusation_before_a_denial_is_not_its_complement(nlp):
    sentence = "Dorsk blamed the militia for the attack on Varel; the militia denied involvement."
    assert event_type_at(event_site(sentence, "Varel", nlp=nlp)) == "frontline"


def test_a_speakers_town_that_is_also_the_scene_keeps_its_act(nlp):
    sentence = "Witnesses in Varel said jets bombed the depot at Dorsk and shelled the centre of the city."
    site = event_site(sentence, "Varel", nlp=nlp)
    other = sentence.index("Dorsk")
    assert event_type_at(replace(site, other_spans=((other, other + 5),))) == "frontline"
