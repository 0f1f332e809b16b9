"""The page's first screen in a real browser (chromium, offline): the map first, at
most of the width and height, its controls in corners, and beside it the event feed,
whose rows fly the map to their event and open its article."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from palmyra import palmyra_event
from test_app_browser import (
    STEP_MS,
    idle,
    in_map_frame,
    launched_chromium,
    map_frame,
    open_page,
    open_sidebar,
    running_server,
    show_tab,
)

from geo.records import Article, Event
from geo.store.store import EventStore

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Locator, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: A laptop's window and a desktop's.
SCREENS = ((1400, 900), (1920, 1080))
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: The share of the map the controls over it (zoom, layers, time, legend, scale, credits) cover.
CONTROLS_AREA_JS = """() => {
  const map = document.getElementById("map_div").getBoundingClientRect();
  let covered = 0;
  document.querySelectorAll(".leaflet-control").forEach(c => {
    const r = c.getBoundingClientRect();
    covered += r.width * r.height;
  });
  return covered / (map.width * map.height);
}"""
MAP_VIEW_JS = """() => {
  const c = window.map.getCenter(), size = window.map.getSize();
  return {lat: c.lat, lon: c.lng, zoom: window.map.getZoom(), width: size.x, height: size.y,
          popup: document.querySelector(".leaflet-popup-content") !== null};
}"""


@pytest.fixture(scope="session")
def server(demo_server: tuple[str, Path]) -> tuple[str, Path]:
    """The demo's first start, shared with other modules' reading tests (conftest's
    ``demo_server``); the tests that paste or need a first start of their own start their own."""
    return demo_server


@pytest.fixture(scope="module")
def browser(server):
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def served(browser, server) -> str:
    """The shared server's URL once a first visit has read the demo corpus into its store: a
    page opened later is the page as a user finds it, without the first start's status box."""
    context, page = open_page(browser, server[0])
    try:
        map_frame(page)
    finally:
        context.close()
    return server[0]


@pytest.fixture(scope="module")
def window_page(browser, served) -> Iterator[Callable[[int, int], Page]]:
    """The page opened in a window of a given size, once per size and module, for the tests
    that only read its layout: a page load costs seconds on a small machine, and these
    tests change nothing on the page."""
    opened: dict[tuple[int, int], tuple[BrowserContext, Page]] = {}

    def at(width: int, height: int) -> Page:
        if (width, height) not in opened:
            opened[width, height] = open_page(browser, served, width, height)
            map_frame(opened[width, height][1])
            opened[width, height][1].wait_for_timeout(500)  # the frame takes the window's height
        return opened[width, height][1]

    yield at
    for context, _ in opened.values():
        context.close()


@pytest.mark.parametrize(("width", "height"), SCREENS)
def test_the_map_is_the_first_screen(window_page, width: int, height: int) -> None:
    page = window_page(width, height)
    box = page.locator(MAP_IFRAME).bounding_box()
    feed = page.locator(".cm-feed").bounding_box()
    covered = in_map_frame(page, CONTROLS_AREA_JS)
    assert box["width"] >= 2 / 3 * width, box
    assert box["height"] >= 0.6 * height, box
    assert box["y"] <= 0.12 * height and box["y"] + box["height"] <= height, box  # no title block above it
    # The feed stands beside the map, as high as the map.
    assert feed["x"] >= box["x"] + box["width"] and feed["x"] + feed["width"] <= width
    assert abs(feed["y"] - box["y"]) < 2 and feed["height"] >= 0.9 * box["height"]
    assert covered <= 0.15
    assert page.blocked == []


#: Small laptop, laptop, larger laptop, desktop.
WINDOWS = ((1000, 700), (1280, 800), (1400, 900), (1920, 1080))
#: The bottom of the legend's last row and of the time control, in the map's frame.
LEGEND_BOTTOM_JS = """() => {
  const rows = document.querySelectorAll(".cm-legend > *");
  const last = rows[rows.length - 1].getBoundingClientRect();
  const time = document.querySelector(".cm-timeline") || document.querySelector(".cm-legend");
  return {last: last.bottom, time: time.getBoundingClientRect().bottom, frame: window.innerHeight};
}"""


@pytest.mark.parametrize(("width", "height"), WINDOWS)
def test_the_whole_legend_is_in_the_first_view(window_page, width: int, height: int) -> None:
    page = window_page(width, height)
    box = page.locator(MAP_IFRAME).bounding_box()
    feed = page.locator(".cm-feed").bounding_box()
    inside = in_map_frame(page, LEGEND_BOTTOM_JS)
    # The map ends inside the window, and so does the legend's last row in it.
    assert box["y"] + box["height"] <= height, box
    assert box["y"] + inside["last"] <= height and inside["last"] <= inside["frame"], (box, inside)
    assert box["y"] + inside["time"] <= height, (box, inside)
    # Most of the window's height is map, and the feed beside it is as high.
    assert box["height"] >= min(height - box["y"] - 40, 0.8 * height), box
    assert abs(feed["height"] - box["height"]) < 2, (feed, box)


#: The height of the controls in the map's bottom-left corner (time control, legend, and
#: whatever else stands there), and whether the scale bar is among them.
CORNER_JS = """() => {
  const corner = document.querySelector(".leaflet-bottom.leaflet-left");
  return {height: corner.offsetHeight, map: window.map.getSize().y,
          scale: corner.querySelector(".leaflet-control-scale") !== null};
}"""


@pytest.mark.parametrize(("width", "height"), WINDOWS[:2])
def test_on_a_laptop_the_controls_leave_most_of_the_map_to_the_events(window_page, width: int, height: int) -> None:
    page = window_page(width, height)
    corner = in_map_frame(page, CORNER_JS)
    covered = in_map_frame(page, CONTROLS_AREA_JS)
    # The map fits the events above the corner's controls: these take 40% of its height at most.
    assert corner["height"] <= 0.4 * corner["map"], corner
    assert not corner["scale"]  # the scale bar stands by the credits at the right
    assert covered <= 1 / 6


#: The header line's height, its line height, and whether its tooltip holds the whole line.
HEADER_JS = """() => {
  const header = document.querySelector(".cm-header");
  return {height: header.getBoundingClientRect().height, line: parseFloat(getComputedStyle(header).lineHeight),
          whole: header.title.endsWith("(\u00bb at the top left)")};
}"""


def test_the_header_stays_one_line_on_a_small_laptop_with_the_sidebar_open(browser, served) -> None:
    context, page = open_page(browser, served, 1000, 700)  # a page of its own: the sidebar opens
    try:
        map_frame(page)
        open_sidebar(page)
        page.wait_for_timeout(500)  # the main column takes its narrower width
        header = page.evaluate(HEADER_JS)
        box = page.locator(MAP_IFRAME).bounding_box()
    finally:
        context.close()
    assert header["height"] < 1.5 * header["line"], header
    assert header["whole"], header  # what the line cuts off is in its tooltip
    assert box["y"] + box["height"] <= 700, box  # the map still ends inside the window


def test_the_first_start_leaves_the_map_under_the_header_and_says_what_it_read(browser, tmp_path: Path) -> None:
    # A store of its own: the first visit of a new store is the one that reads the demo corpus.
    with running_server(tmp_path) as (url, _):
        context, page = open_page(browser, url, 1000, 700)
        try:
            # The toast first: it shows for ten seconds once the events are in, and on a busy
            # machine the map can take longer than that to draw after it.
            toast = page.get_by_test_id("stToast")
            toast.first.wait_for(timeout=STEP_MS)
            said = toast.first.inner_text()
            map_frame(page)
            page.wait_for_timeout(500)  # the run that drew the map has laid out the page
            header = page.locator(".cm-header").bounding_box()
            box = page.locator(MAP_IFRAME).bounding_box()
        finally:
            context.close()
    assert "Demo corpus loaded" in said and "articles" in said
    # No status row between the header and the map: the map starts right under the header line.
    assert box["y"] - (header["y"] + header["height"]) < 40, (header, box)
    assert box["y"] + box["height"] <= 700, box


def test_clicking_a_feed_row_flies_the_map_there_and_opens_the_article(browser, server, served) -> None:
    context, page = open_page(browser, served, 1400, 900)  # a page of its own: the map flies
    try:
        frame = map_frame(page)
        before = frame.evaluate(MAP_VIEW_JS)
        rows = page.locator(".cm-feed-row")
        rows.first.wait_for()
        # Moscow's row: one place far from where the map opens.
        row = rows.filter(has_text="Moscow").first
        event_id = row.get_attribute("data-event-id")
        with EventStore.open(server[1], readonly=True) as store:
            [event] = [e for e in store.query() if e.event_id == event_id]
        # Whatever tab is open below the map, the article comes to the front.
        show_tab(page, "Add articles")  # and waits for the run the switch starts, so the click is not lost in it
        row.click()
        # The map flies there (zooming in unless it opened closer in than the feed's zoom) and opens the popup.
        after = _view_settles(
            page, lambda v: v["popup"] and abs(v["lat"] - event.lat) < 1 and abs(v["lon"] - event.lon) < 1
        )
        quote = page.locator(".cm-article mark").first
        quote.wait_for(timeout=STEP_MS)
        marked = " ".join(quote.inner_text().split())
        map_after_rerun = _current_view(page)
    finally:
        context.close()
    # The event is in the middle of the map (the popup's opening may nudge the view a little).
    degrees_per_px = 360 / (256 * 2 ** after["zoom"])
    assert abs(after["lon"] - event.lon) < degrees_per_px * after["width"] / 4
    assert abs(after["lat"] - event.lat) < degrees_per_px * after["height"] / 3
    assert abs(before["lon"] - event.lon) > abs(after["lon"] - event.lon)
    assert marked == event.quote
    # The run that shows the article keeps the map where the feed flew it.
    assert map_after_rerun is not None and map_after_rerun["zoom"] == after["zoom"]


def _current_view(page) -> dict | None:
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            try:
                return frame.evaluate(MAP_VIEW_JS)
            except Exception:  # noqa: BLE001 - the frame is loading
                return None
    return None


def _view_settles(page, predicate) -> dict:
    """The map's view once ``predicate`` holds of it and it has stopped moving (the flight and
    the popup's pan are animated: two looks a while apart see the same view)."""
    deadline = time.monotonic() + STEP_MS / 1000
    view = None
    while time.monotonic() < deadline:
        view = _current_view(page)
        if view and predicate(view):
            return _still_view(page, view, deadline)
        page.wait_for_timeout(200)
    pytest.fail(f"the map did not fly to the event: {view}")


def _still_view(page, view: dict, deadline: float) -> dict:
    while time.monotonic() < deadline:
        page.wait_for_timeout(400)
        now = _current_view(page) or view
        if now == view:
            return now
        view = now
    pytest.fail(f"the map's view did not come to rest: {view}")


def test_a_pasted_article_is_flown_to_and_marked_new(browser, tmp_path: Path) -> None:
    # A server and store of its own: the paste adds to the store.
    with running_server(tmp_path) as (url, _):
        context, page = open_page(browser, url, 1400, 900)
        try:
            map_frame(page)
            show_tab(page, "Add articles")
            form = page.get_by_test_id("stForm")
            form.get_by_role("textbox", name="Title", exact=True).fill("Shelling in Kyiv")
            form.get_by_role("textbox", name="Article text").fill("Artillery shelled districts of Kyiv on Tuesday.")
            form.get_by_role("button", name="Add the article").click()
            new_row = page.locator(".cm-feed-new")
            new_row.first.wait_for(timeout=STEP_MS)
            rows = new_row.all_inner_texts()
            view = _view_settles(page, lambda v: v["popup"] and abs(v["lat"] - 50.45) < 1 and abs(v["lon"] - 30.52) < 1)
            popup = in_map_frame(page, "() => document.querySelector('.leaflet-popup-content').textContent")
            article = page.locator(".cm-article h4").first.inner_text()
        finally:
            context.close()
    assert len(rows) == 1 and "Kyiv" in rows[0] and "new" in rows[0]
    assert "Kyiv" in popup and view["zoom"] >= 7
    assert article == "Shelling in Kyiv"  # the article panel came to the front with it


#: The first feed row's quote: its height in lines, and how many characters it holds.
FEED_QUOTE_JS = """quote => {
  const box = quote.getBoundingClientRect(), line = parseFloat(getComputedStyle(quote).lineHeight);
  return {lines: box.height / line, chars: quote.textContent.length, right: box.right,
          feed: quote.closest(".cm-feed").getBoundingClientRect().right};
}"""


@pytest.mark.parametrize(("width", "height", "lines"), [(1000, 700, 2), (1920, 1080, 1)])
def test_a_narrow_feed_gives_each_quote_two_lines(window_page, width: int, height: int, lines: int) -> None:
    quote = window_page(width, height).locator(".cm-feed-quote").first.evaluate(FEED_QUOTE_JS)
    assert quote["chars"] > 60, quote  # a quote longer than one line of the feed
    assert round(quote["lines"]) == lines, quote
    assert quote["right"] <= quote["feed"], quote  # inside the feed, not under the map


#: A war of made-up towns on a grid, each shelled once a week for eight weeks: more events
#: than the feed lists, over more days than one playback step.
WEEKS = 8
GRID_TOWNS = [(48.0 + 0.3 * (i // 8), 35.0 + 0.4 * (i % 8)) for i in range(40)]
#: The feed's head, once its style has come (a first draw may come before it): lines and text.
# A head the app has since re-rendered is detached: its computed style is empty for good, so
# the wait for its line height is bounded and says so (null), and the locator is asked again.
FEED_HEAD_JS = """async head => {
  for (let tries = 0; !parseFloat(getComputedStyle(head).lineHeight); tries += 1) {
    if (!head.isConnected || tries >= 100) { return null; }
    await new Promise(done => setTimeout(done, 50));
  }
  const box = head.getBoundingClientRect(), line = parseFloat(getComputedStyle(head).lineHeight);
  return {lines: (box.height - parseFloat(getComputedStyle(head).paddingTop)
                  - parseFloat(getComputedStyle(head).paddingBottom)) / line,
          text: head.innerText, cut: Array.from(head.children).some(part => part.scrollWidth > part.clientWidth)};
}"""


def _feed_head(head: Locator) -> dict:
    """The feed head's measures, asked again while the app re-renders it (a few seconds at most)."""
    for _ in range(5):
        shown = head.evaluate(FEED_HEAD_JS)
        if shown is not None:
            return shown
    raise AssertionError("the feed head never settled: detached or without a line height for 25 s")


def _grid_town_event(article: Article, i: int, lat: float, lon: float, **fields: object) -> Event:
    """An event at the i-th of the grid's towns, published with ``article``."""
    return palmyra_event(
        article_id=article.article_id,
        place=f"Gridtown {i}",
        mention=f"Gridtown {i}",
        lat=lat,
        lon=lon,
        country_code="UA",
        published=article.published,
        **fields,
    )


def _store_of(folder: Path, article: Article, events: list[Event]) -> Path:
    db = folder / "events.sqlite"
    with EventStore.open(db) as store:
        store.add_batch([(article, events)])
    return db


def _weekly_war(folder: Path) -> Path:
    article = Article("Shelling went on along the front all winter.", title="Winter", published=date(2016, 3, 1))
    events = [
        _grid_town_event(
            article,
            i,
            lat,
            lon,
            event_id=f"grid-{i}-{week}",
            geonameid=9_000_000 + i,
            sub_event_type="shelling",
            event_date=date(2016, 1, 4) + timedelta(days=7 * week),
        )
        for i, (lat, lon) in enumerate(GRID_TOWNS)
        for week in range(WEEKS)
    ]
    return _store_of(folder, article, events)


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def weekly_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("app-weekly")
    with running_server(folder, _weekly_war(folder)) as running:
        yield running


def _step_playback(page, steps: int) -> dict:
    """Steps the map's time control ``steps`` times; the dates it then shows."""
    for _ in range(steps):
        in_map_frame(page, "() => document.querySelector('.cm-step').click()")
    return in_map_frame(page, "() => window.conflictmapPlayWindow")


def _feed_days(page) -> list[str]:
    return page.locator(".cm-feed-row").evaluate_all("rows => rows.map(row => row.dataset.day)")


def test_the_feed_follows_the_playback_step(browser, weekly_server) -> None:
    with EventStore.open(weekly_server[1], readonly=True) as store:
        days = sorted(e.event_date.isoformat() for e in store.query() if e.event_date)
    context, page = open_page(browser, weekly_server[0], 1400, 900)
    try:
        map_frame(page)  # a filled store: no first start, the page as a user finds it
        page.locator(".cm-feed-row").first.wait_for()
        assert max(_feed_days(page)) == days[-1]  # every date: the newest first
        window = _step_playback(page, 3)
        # At once, before the page has sent anything: no row after the step's last day.
        at_once = _feed_days(page)
        expected = [d for d in days if (window["from"] or "") <= d <= window["to"]]
        deadline = time.monotonic() + STEP_MS / 1000
        while time.monotonic() < deadline and len(_feed_days(page)) != min(200, len(expected)):
            time.sleep(0.2)
        followed = _feed_days(page)
        head = page.locator(".cm-feed-head").inner_text()
        shown_after = _step_playback(page, 0)  # the map's step, once the feed has followed
    finally:
        context.close()
    assert window["to"] < days[-1], window  # the step shows fewer days than the store holds
    assert all(d <= window["to"] for d in at_once), (window, at_once[:5])
    # Then the step's own newest rows, as many as the feed lists, and their count in the head.
    assert len(followed) == min(200, len(expected)) and all(d <= window["to"] for d in followed)
    assert sorted(followed, reverse=True)[0] == expected[-1]
    assert f"{len(expected):,}" in head and window["to"] in head, head
    assert shown_after == window  # the feed's run left the map (and its step) alone


@pytest.mark.parametrize(("width", "height"), [(1000, 700), (1400, 900)])
def test_the_feed_head_is_one_line_with_its_count_and_the_step(browser, weekly_server, width: int, height: int) -> None:
    context, page = open_page(browser, weekly_server[0], width, height)
    try:
        map_frame(page)  # a filled store: no first start, the page as a user finds it
        head = page.locator(".cm-feed-head")
        page.locator(".cm-feed-row").first.wait_for()
        whole = _feed_head(head)
        window = _step_playback(page, 2)
        head.filter(has_text=window["to"]).wait_for(timeout=STEP_MS)
        stepped = _feed_head(head)
    finally:
        context.close()
    total = len(GRID_TOWNS) * WEEKS
    for shown in (whole, stepped):
        assert round(shown["lines"]) == 1, shown
        assert not shown["cut"], shown  # no ellipsis: the numbers are all there
    assert f"200 of {total:,}" in whole["text"], whole
    assert window["to"] in stepped["text"], stepped


def _two_origins(folder: Path) -> Path:
    """Our own events and imported ones (ACLED), alternating, one a week at each town."""
    article = Article("Fighting went on along the front all spring.", title="Spring", published=date(2016, 3, 1))
    events = [
        _grid_town_event(
            article,
            i,
            lat,
            lon,
            event_id=f"mixed-{i}",
            geonameid=9_100_000 + i,
            origin=ORIGINS[i % 2],
            event_date=date(2016, 1, 4) + timedelta(days=7 * i),
        )
        for i, (lat, lon) in enumerate(GRID_TOWNS[:12])
    ]
    return _store_of(folder, article, events)


ORIGINS = ("conflictmap", "acled")


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def origins_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("app-origins")
    with running_server(folder, _two_origins(folder)) as running:
        yield running


#: Clicks the map's layer list entry of an origin (folded lists keep their inputs in the page).
TOGGLE_ORIGIN_JS = """label => {
  const entry = Array.from(document.querySelectorAll('.leaflet-control-layers label'))
    .find(node => node.textContent.includes(label));
  entry.querySelector('input').click();
  return window.conflictmapStats.events;
}"""


def _feed_origins(page) -> list[str]:
    return page.locator(".cm-feed-row").evaluate_all("rows => rows.map(row => row.dataset.origin)")


def test_the_feed_hides_the_rows_of_an_origin_hidden_on_the_map(browser, origins_server) -> None:
    context, page = open_page(browser, origins_server[0], 1400, 900)
    try:
        map_frame(page)  # a filled store: no first start, the page as a user finds it
        page.locator(".cm-feed-row").first.wait_for()
        before = _feed_origins(page)
        shown_on_map = in_map_frame(page, f"() => ({TOGGLE_ORIGIN_JS})('Source: ACLED')")
        at_once = _feed_origins(page)
        head_at_once = page.locator(".cm-feed-head").inner_text()
        page.wait_for_timeout(2000)  # the page's run for the origins hidden
        idle(page)
        after_run = _feed_origins(page)
        in_map_frame(page, f"() => ({TOGGLE_ORIGIN_JS})('Source: ACLED')")
        page.locator('.cm-feed-row[data-origin="acled"]').first.wait_for(timeout=STEP_MS)
        shown_again = _feed_origins(page)
    finally:
        context.close()
    assert sorted(set(before)) == ["acled", "conflictmap"]
    assert shown_on_map == before.count("conflictmap")  # the map shows our own events alone
    assert at_once == after_run == ["conflictmap"] * before.count("conflictmap")
    assert head_at_once.startswith(f"{before.count('conflictmap')} events"), head_at_once
    assert sorted(shown_again) == sorted(before)
