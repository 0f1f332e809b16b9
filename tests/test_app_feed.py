"""The event feed on the page (AppTest): what it lists beside the map, and what a paste adds to it."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from app_harness import APP, RUN_TIMEOUT_S, point_app_at
from streamlit.testing.v1 import AppTest
from test_app import IMPORTED, map_data, stored_articles, table

from geo.store.store import EventStore
from geo.web.feedview import FEED_KEY


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The page on the articles and imported events of the page's own tests."""
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_batch(stored_articles())
        store.add_events(IMPORTED)
    point_app_at(path, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    return at


def feed(at: AppTest) -> dict:
    """What the page hands the feed's script."""
    [component] = [c for c in at.get("bidi_component") if c.proto.id.endswith(f"-{FEED_KEY}")]
    return json.loads(component.proto.json)


def test_the_feed_lists_every_event_in_view_newest_first(page: AppTest) -> None:
    rows = feed(page)["rows"]
    days = [r["day"] for r in rows]
    assert days == sorted(days, reverse=True)
    assert {r["id"] for r in rows} == set(table(page)["event_id"])
    assert rows[0]["place"] == "Raqqa" and rows[0]["what"] == "Armed clash"
    # The articles' name, not the gazetteer's.
    assert "Palmyra" in [r["place"] for r in rows]


def test_the_feed_follows_the_dates_chosen(page: AppTest) -> None:
    page.slider(key="window").set_value((date(2016, 3, 20), date(2016, 3, 31))).run()
    data = feed(page)
    assert [r["place"] for r in data["rows"]] == ["Palmyra", "Moscow"]
    assert data["total"] == 2


def test_a_pasted_article_is_highlighted_selected_and_framed_until_all_are_shown_again(page: AppTest) -> None:
    page.text_input(key="paste_title").input("Shelling in Aleppo")
    page.date_input(key="paste_published").set_value(date(2016, 6, 28))
    page.text_area(key="paste_text").input("Artillery shelled districts of Aleppo on Tuesday.")
    page.button(key="FormSubmitter:paste_form-Add the article").click().run()
    assert not page.exception
    data = feed(page)
    new = [r for r in data["rows"] if r["new"]]
    assert [r["place"] for r in new] == ["Aleppo"]
    assert data["selected"] == new[0]["id"]
    assert data["focus"] == new[0]["id"]  # the map, drawn anew, flies there once
    (south, west), (north, east) = map_data(page)["bounds"]
    assert south < new[0]["lat"] < north and west < new[0]["lon"] < east
    assert north - south < 2  # the town, not the whole region
    page.run()
    assert feed(page)["focus"] is None and [r["new"] for r in feed(page)["rows"]].count(True) == 1
    page.button(key="show_all_new").click().run()
    assert not any(r["new"] for r in feed(page)["rows"])
    (south, _), _ = map_data(page)["bounds"]
    assert south < 33.5  # Damascus is in view again
