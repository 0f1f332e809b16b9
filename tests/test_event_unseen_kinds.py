"""What reports of wars no corpus holds get wrong most often, read by the shipped event model:
statements made in a capital, refugees received, seizures by rebels, acts denied or absent, a
country named only as the container of a town. Made-up sentences, so a refit that reads one of
these kinds differently is seen before it ships."""

from __future__ import annotations

import pytest

from tests.event_sites import event_site, event_type_at


@pytest.mark.parametrize(
    ("sentence", "place", "area", "expected"),
    [
        # a ministry or a government in a capital states: diplomacy, whatever its words are about
        (
            "The foreign ministry in Korvet condemned the killing of aid workers and the looting of food stores.",
            "Korvet",
            False,
            "diplomacy",
        ),
        (
            "The government in Korvet announced that families displaced by the shelling would receive rations.",
            "Korvet",
            False,
            "diplomacy",
        ),
        # refugees received: humanitarian, though the sentence tells of the fighting they fled
        (
            "Tassel has taken in 3,000 refugees fleeing the shelling of the border towns, the mayor said.",
            "Tassel",
            False,
            "humanitarian",
        ),
        ("Camps in Tassel received another 500 families who escaped the bombardment.", "Tassel", False, "humanitarian"),
        (
            "The town of Tassel has welcomed 4,000 families driven out by air raids, its council said.",
            "Tassel",
            False,
            "humanitarian",
        ),
        # a seizure by armed men: fighting, though what they seize is a hospital
        (
            "Gunmen loyal to the rebel council seized the hospital in Ardel and detained its doctors.",
            "Ardel",
            False,
            "frontline",
        ),
        (
            "Insurgents took control of the customs post in Ardel after government troops withdrew.",
            "Ardel",
            False,
            "frontline",
        ),
        # an act denied or told absent: nothing happened there
        ("Residents said there had been no shelling in Ardel since the truce.", "Ardel", False, None),
        ("The army did not attack Ardel, a spokesman said.", "Ardel", False, None),
        # a country named only as where the town lies
        ("Fighting broke out in Ardel, a town in northern Valdoria.", "Valdoria", True, None),
    ],
)
def test_the_kinds_unseen_wars_get_wrong_are_read_as_a_reader_would(nlp, sentence, place, area, expected):
    assert event_type_at(event_site(sentence, place, nlp=nlp, area=area)) == expected
