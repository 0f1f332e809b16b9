"""The line over the map says what it shows and why the rest is not shown."""

from __future__ import annotations

from datetime import date

from geo.web.headline import header_html

WINDOW = (date(2016, 1, 4), date(2016, 7, 3))


def test_the_header_says_how_many_events_lie_outside_the_dates() -> None:
    text = header_html(101, 102, WINDOW, outside_dates=1)
    assert "101 of 102 events" in text
    assert "2016-01-04 \u2013 2016-07-03 \u00b7 1 outside these dates" in text


def test_several_events_outside_the_dates_are_counted() -> None:
    assert "1,203 outside these dates" in header_html(5, 1500, WINDOW, outside_dates=1203)


def test_with_every_event_in_the_dates_nothing_is_said_about_them() -> None:
    text = header_html(102, 102, WINDOW)
    assert "outside these dates" not in text
    assert "just added" not in text
    assert text.endswith("filters and dates in the sidebar (\u00bb at the top left)</div>")


def test_events_just_added_are_said_to_be_highlighted() -> None:
    assert "<b>3 just added, highlighted</b>" in header_html(10, 10, WINDOW, fresh=3)
