"""Which places a map names first: a capital and a province seat before the towns around
them, the busiest places before the quiet ones."""

from __future__ import annotations

from dataclasses import replace

from palmyra import palmyra_event

from geo.map.mapview import top_places
from geo.map.names import common_names
from geo.map.prominence import standing
from geo.web.feed import feed_rows


def _at(name: str, geonameid: int, feature_code: str, count: int, *, lat: float = 15.0, lon: float = 44.0) -> list:
    return [
        palmyra_event(
            event_id=f"{name}-{i}",
            mention=name,
            place=name,
            geonameid=geonameid,
            feature_code=feature_code,
            lat=lat,
            lon=lon,
        )
        for i in range(count)
    ]


def test_a_capital_is_named_before_busier_towns_around_it() -> None:
    events = _at("Taiz", 1, "PPLA", 3) + _at("Haydan", 2, "PPL", 4) + _at("Sanaa", 3, "PPLC", 2)
    assert [p.name for p in top_places(events, 1)] == ["Sanaa"]
    assert [p.name for p in top_places(events, 3)] == ["Sanaa", "Taiz", "Haydan"]
    # The label still counts the place's own events.
    assert [p.count for p in top_places(events, 3)] == [2, 3, 4]


def test_a_town_where_far_more_happens_comes_before_a_quiet_capital() -> None:
    events = _at("Aleppo", 1, "PPLA", 10) + _at("Damascus", 2, "PPLC", 1)
    assert [p.name for p in top_places(events, 2)] == ["Aleppo", "Damascus"]


def test_the_order_does_not_depend_on_the_order_of_the_events() -> None:
    events = _at("Marib", 1, "PPLA", 2) + _at("Hodeidah", 2, "PPLA", 2) + _at("Aden", 3, "PPLA", 2)
    assert [p.name for p in top_places(events, 3)] == [p.name for p in top_places(events[::-1], 3)]
    assert [p.name for p in top_places(events, 3)] == ["Aden", "Hodeidah", "Marib"]


def test_a_seat_of_government_stands_as_a_capital_and_a_village_as_a_town() -> None:
    assert standing("PPLG") == standing("PPLC") > standing("PPLA") > standing("PPL") == standing("")


def test_a_place_is_labelled_and_listed_by_the_name_its_articles_use() -> None:
    said = [replace(e, mention="Basra") for e in _at("Al Başrah al Qadīmah", 388349, "PPL", 3)]
    once_otherwise = replace(said[0], event_id="other", mention="Basrah")
    events = [*said, once_otherwise]
    assert [p.name for p in top_places(events)] == ["Basra"]
    assert {row.place for row in feed_rows(events, common_names(events))} == {"Basra"}
