"""The page's map opens on the busiest theatre of a war fought in two, and its buttons
fly to the other and back; a war in one theatre has no buttons. Debian's chromium,
every request leaving localhost aborted, on stores filled with made-up events."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from palmyra import palmyra_event
from test_app_browser import launched_chromium, map_frame, open_page, running_server

from geo.records import Article, Event
from geo.store.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: A front of five made-up towns some 40 km apart, and a smaller front far to the south-west.
NORTH_FRONT = [(50.10, 30.20), (50.40, 30.60), (50.70, 30.20), (50.30, 29.70), (49.90, 30.80)]
SOUTH_FRONT = [(41.20, 20.10), (41.50, 20.40)]
FLY_MS = 15_000
#: A town's events differ in kind and lie a week apart: each is a happening of its own, none merged.
KINDS = ("armed_clash", "shelling", "air_strike", "territory_change")

#: The map's view as [south, west, north, east].
VIEW_JS = """() => { const b = window.map.getBounds();
  return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; }"""


def _front(article: Article, name: str, spots: list[tuple[float, float]], per_place: int, country: str) -> list[Event]:
    return [
        palmyra_event(
            event_id=f"{name}-{i}-{k}",
            article_id=article.article_id,
            place=f"{name} {i}",
            mention=f"{name} {i}",
            geonameid=zlib.crc32(f"{name}-{i}".encode()) % 10_000_000 + 1,
            lat=lat,
            lon=lon,
            country_code=country,
            sub_event_type=KINDS[k],
            event_date=date(2016, 3, 1 + 7 * k),
            published=date(2016, 3, 28),
        )
        for i, (lat, lon) in enumerate(spots)
        for k in range(per_place)
    ]


def _filled(folder: Path, *, south: bool) -> Path:
    db = folder / "events.sqlite"
    north_article = Article("Fighting went on along the northern front.", title="North", published=date(2016, 3, 28))
    items = [(north_article, _front(north_article, "Northtown", NORTH_FRONT, 4, "UA"))]
    if south:
        south_article = Article("Shelling was reported in the south.", title="South", published=date(2016, 3, 28))
        items.append((south_article, _front(south_article, "Southtown", SOUTH_FRONT, 3, "AL")))
    with EventStore.open(db) as store:
        store.add_batch(items)
    return db


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with launched_chromium() as chromium:
        yield chromium


def _holds(view: list[float], spots: list[tuple[float, float]]) -> list[bool]:
    return [view[0] <= lat <= view[2] and view[1] <= lon <= view[3] for lat, lon in spots]


def _view_after_click(frame, button) -> list[float]:
    """Clicks ``button`` and returns the map's view once the flight it starts has ended."""
    frame.evaluate("() => { window.landed = false; window.map.once('moveend', () => { window.landed = true; }); }")
    button.click()
    frame.wait_for_function("() => window.landed === true", timeout=FLY_MS)
    return frame.evaluate(VIEW_JS)


def test_the_map_opens_on_the_busier_theatre_and_its_buttons_fly_to_the_other(browser, tmp_path: Path) -> None:
    with running_server(tmp_path, _filled(tmp_path, south=True)) as (url, _):
        context, page = open_page(browser, url, 1280, 800)
        try:
            frame = map_frame(page)
            buttons = frame.locator(".cm-theatres .cm-theatre")
            buttons.first.wait_for()
            assert frame.locator(".cm-theatre-name").all_inner_texts() == ["Ukraine", "Albania", "All"]
            assert frame.locator(".cm-theatre-count").all_inner_texts() == ["20", "6"]
            assert buttons.nth(0).get_attribute("aria-pressed") == "true"
            opened = frame.evaluate(VIEW_JS)
            assert all(_holds(opened, NORTH_FRONT)) and not any(_holds(opened, SOUTH_FRONT))

            south = _view_after_click(frame, buttons.nth(1))
            assert all(_holds(south, SOUTH_FRONT)) and not any(_holds(south, NORTH_FRONT))
            assert buttons.nth(1).get_attribute("aria-pressed") == "true"
            assert buttons.nth(0).get_attribute("aria-pressed") == "false"

            everything = _view_after_click(frame, buttons.nth(2))  # All
            assert all(_holds(everything, NORTH_FRONT + SOUTH_FRONT))
            assert page.blocked == []
        finally:
            context.close()


def test_a_war_in_one_theatre_has_no_buttons(browser, tmp_path: Path) -> None:
    with running_server(tmp_path, _filled(tmp_path, south=False)) as (url, _):
        context, page = open_page(browser, url, 1280, 800)
        try:
            frame = map_frame(page)
            frame.wait_for_function("() => window.conflictmapReady === true", timeout=FLY_MS)
            assert frame.locator(".cm-theatres").count() == 0
            assert all(_holds(frame.evaluate(VIEW_JS), NORTH_FRONT))
        finally:
            context.close()
