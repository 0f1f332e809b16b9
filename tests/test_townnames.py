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
