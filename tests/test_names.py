"""The names people use: each place labelled by what its articles call it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from palmyra import palmyra_event

from geo.map.names import common_names, place_key, shown_name
from geo.records import Event

TADMUR = palmyra_event(
    event_id="t0",
    quote="Troops pushed into the old city at dawn.",
    title="Dawn push",
    published=date(2016, 3, 25),
    source="Wire",
    url="",
)
RAQQAH = replace(TADMUR, event_id="r0", place="Ar Raqqah", mention="Raqqa", lat=35.95, lon=39.01, geonameid=163915)


def written(event: Event, *mentions: str) -> list[Event]:
    return [replace(event, event_id=f"{event.event_id}-{i}", mention=m) for i, m in enumerate(mentions)]


def test_each_place_is_named_as_most_of_its_articles_write_it():
    events = written(TADMUR, "Palmyra", "Palmyra", "Tadmur") + written(RAQQAH, "Raqqa", "Rakka", "Raqqa")
    names = common_names(events)
    assert names[place_key(TADMUR)] == "Palmyra"
    assert names[place_key(RAQQAH)] == "Raqqa"


def test_case_and_spacing_do_not_split_a_name():
    # Two articles write "Tadmur" once each, but three write Palmyra in one form or another.
    events = written(TADMUR, "PALMYRA", " palmyra ", "Palmyra", "Tadmur", "Tadmur")
    assert common_names(events)[place_key(TADMUR)] == "Palmyra"


def test_the_usual_spelling_of_a_name_is_the_one_shown():
    events = written(TADMUR, "palmyra", "Palmyra", "Palmyra")
    assert common_names(events)[place_key(TADMUR)] == "Palmyra"


def test_a_tie_goes_to_the_gazetteer_name_when_it_is_among_the_tied():
    events = written(TADMUR, "Palmyra", "Tadmur")
    assert common_names(events)[place_key(TADMUR)] == "Tadmur"


def test_a_tie_without_the_gazetteer_name_goes_to_the_shortest_whatever_the_order():
    events = written(TADMUR, "Palmyra city", "Palmyra")
    assert common_names(events)[place_key(TADMUR)] == "Palmyra"
    assert common_names(list(reversed(events)))[place_key(TADMUR)] == "Palmyra"


def test_places_without_a_geonameid_are_told_apart_by_their_point():
    here = replace(TADMUR, geonameid=None, place="", mention="Tal Abyad checkpoint", lat=36.697, lon=38.953)
    nearby = replace(here, event_id="t1", lat=36.6971, lon=38.9529)  # the same spot, written with other digits
    elsewhere = replace(here, event_id="t2", mention="Kobani", lat=36.89, lon=38.35)
    names = common_names([here, nearby, elsewhere])
    assert place_key(here) == place_key(nearby) != place_key(elsewhere)
    assert names[place_key(here)] == "Tal Abyad checkpoint" and names[place_key(elsewhere)] == "Kobani"


def test_an_event_without_a_mention_counts_for_the_gazetteer_name():
    events = [*written(TADMUR, "", ""), *written(TADMUR, "Palmyra")]
    assert common_names(events)[place_key(TADMUR)] == "Tadmur"


def test_shown_name_falls_back_to_the_gazetteer_name_for_a_place_not_counted():
    assert shown_name(TADMUR, common_names(written(RAQQAH, "Raqqa"))) == "Tadmur"
    assert shown_name(TADMUR, common_names(written(TADMUR, "Palmyra"))) == "Palmyra"
