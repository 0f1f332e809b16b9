"""Seats of government named by their building: a meeting there is a meeting in the capital."""

from __future__ import annotations

from datetime import date

from geo.records import Article


def test_a_seat_of_government_named_by_its_building_is_its_capital(real_gazetteer):
    assert [entry.name for entry in real_gazetteer.lookup("Kremlin")][:1] == ["Moscow"]
    assert [entry.country_code for entry in real_gazetteer.lookup("Elysee Palace")][:1] == ["FR"]


def test_talks_held_in_a_seat_of_government_are_diplomacy_in_its_capital(pipeline):
    text = (
        "Talks were held in the Kremlin on Monday between the two leaders on a truce for the southern front. "
        "Both sides said the shelling of border villages had to stop."
    )
    events = pipeline.events(Article(text, published=date(2024, 3, 5)))
    assert [(e.place, e.event_type) for e in events if e.country_code == "RU"] == [("Moscow", "diplomacy")]
