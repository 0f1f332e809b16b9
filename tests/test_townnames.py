"""The basemap's town names as an English-language map prints them: no transliteration
marks, and a city's old quarter listed bigger than the city named as the city."""

from __future__ import annotations

from gazetteer.basemap_detail import Town
from geo.map.townnames import display_towns, plain_letters


def _names(towns: list[Town]) -> list[str]:
    return [t.name for t in display_towns(towns)]


def test_names_lose_their_transliteration_marks_but_keep_their_letters() -> None:
    assert plain_letters("Al Ḩudaydah") == "Al Hudaydah"
    assert plain_letters("Ţarţūs") == "Tartus"
    assert plain_letters("Elazığ") == "Elazig"
    assert plain_letters("Ma‘arrat an Nu‘mān") == "Maarrat an Numan"
    assert plain_letters("Ma'rib") == "Ma'rib"  # a plain apostrophe is how the name is written
    assert plain_letters("Tromsø") == "Tromsø"  # a letter of its own, not a marked one


def test_an_old_quarter_listed_bigger_than_its_city_is_labelled_as_the_city() -> None:
    towns = [
        Town("Al Wadiyah al Qadimah", 30.000, 47.000, 900_000),  # 3 km from the city
        Town("Wadiyah", 30.010, 47.025, 600_000),
        Town("Kafr Sama", 31.0, 48.0, 50_000),
    ]
    shown = display_towns(towns)
    assert [t.name for t in shown] == ["Wadiyah", "Kafr Sama"]
    # At the quarter's point and size, which is where and how big the map had the city.
    assert (shown[0].lat, shown[0].population) == (30.0, 900_000)


def test_a_quarter_listed_under_another_spelling_of_its_city_is_labelled_as_the_city() -> None:
    # The gazetteer lists the city's new quarter, 1.5 km from it, bigger than the city, and
    # spells the city's name in the scholarly way; the city itself has its English name.
    towns = [
        Town("Al Qusayrah al Jadidah", 30.000, 47.000, 900_000),
        Town("Kuseira", 30.010, 47.010, 700_000),
        Town("Al Qusayrah Hills", 31.000, 47.000, 800_000),  # another place, 110 km away
    ]
    assert _names(towns) == ["Kuseira", "Al Qusayrah Hills"]
    # A neighbour whose name only looks alike is another town.
    assert _names([Town("Sarna al Jadidah", 20.0, 10.0, 400_000), Town("Sirin", 20.01, 10.0, 250_000)]) == [
        "Sarna al Jadidah",
        "Sirin",
    ]


def test_a_new_town_beside_an_old_one_keeps_its_own_name() -> None:
    assert _names([Town("Nueva Sarna", 20.0, 10.0, 400_000), Town("Sarna", 20.02, 10.0, 250_000)]) == [
        "Nueva Sarna",
        "Sarna",
    ]
    assert _names([Town("Sarna Hills", 20.0, 10.0, 80_000), Town("Sarna", 20.02, 10.0, 60_000)]) == [
        "Sarna Hills",
        "Sarna",
    ]


def test_a_city_far_away_or_far_smaller_is_another_place() -> None:
    far = [Town("Wadiyah al Qadimah", 30.0, 47.0, 900_000), Town("Wadiyah", 31.0, 47.0, 600_000)]
    assert _names(far) == ["Wadiyah al Qadimah", "Wadiyah"]
    hamlet = [Town("Wadiyah City", 30.0, 47.0, 900_000), Town("Wadiyah", 30.01, 47.0, 900)]
    assert _names(hamlet) == ["Wadiyah City", "Wadiyah"]


def test_a_new_town_outside_a_small_old_one_keeps_its_own_name() -> None:
    # "New Sarna", 3 km from a town of 20,000 people and listed twice as big, is built beside
    # it, not inside it: the old town's label is not moved onto the new town's point.
    beside = [Town("Sarna al Jadidah", 20.000, 10.000, 45_000), Town("Sarna", 20.027, 10.000, 20_000)]
    assert _names(beside) == ["Sarna al Jadidah", "Sarna"]
    # The same new quarter inside a city of 700,000, as far from its point, is the city.
    inside = [Town("Sarna al Jadidah", 20.000, 10.000, 900_000), Town("Sarna", 20.027, 10.000, 700_000)]
    assert _names(inside) == ["Sarna"]
