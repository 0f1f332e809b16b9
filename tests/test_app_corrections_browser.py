"""Corrections beyond the place, made in a real browser (chromium through Playwright, every
request leaving localhost aborted): an event's type and date corrected on the page hold
when the article is parsed again and show in the GeoJSON download; a deleted event leaves
the map and the download; a name the parser could not place, placed, gets its marker.

The page runs on a store filled here with two articles (the suite's fake pipeline), so the
demo corpus is not loaded and every marker is known.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline
from test_app_browser import (
    COUNT_MARKERS_JS,
    MARKER_POINTS_JS,
    STEP_MS,
    _click_marker_near,
    _near,
    downloaded,
    in_map_frame,
    launched_chromium,
    map_frame,
    marker_count_becomes,
    open_page,
    running_server,
    show_tab,
)

from geo.records import Article
from geo.store.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

KERRY = Article(
    "Kerry arrived in Moscow for a visit. Shelling hit the village of Zarvenka overnight. Families fled Aleppo.",
    title="Kerry in Moscow",
    published=date(2016, 3, 24),
    source="Demo Wire",
)
TALKS = Article("Delegations met for talks in Geneva.", title="Geneva talks", published=date(2016, 2, 1), source="Wire")
MOSCOW, ALEPPO, GENEVA = (55.75, 37.62), (36.20, 37.16), (46.20, 6.15)
#: Where the gazetteer puts Avdiivka (Donetsk), which the unplaced village is placed at.
AVDIIVKA = (48.14, 37.75)


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("corrections-browser")
    db = folder / "events.sqlite"
    with EventStore.open(db) as store:
        store.add_batch([(a, FakePipeline().events(a)) for a in (KERRY, TALKS)])
    with running_server(folder, db) as running:
        yield running


@pytest.fixture(scope="module")
def browser(server):
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser, server):
    context, page = open_page(browser, server[0])
    yield page
    context.close()


def test_a_type_and_date_correction_survives_a_reparse_and_shows_in_the_geojson(page, server) -> None:
    _select_marker(page, MOSCOW, "Moscow")
    fix = _open_expander(page, "Wrong type or date?")
    _choose(page, fix, "Type", "frontline")
    _choose(page, fix, "Sub-type", "air strike")
    # The date field's segments (year, month, day) take the digits typed in turn.
    fix.get_by_test_id("stDateInput").get_by_role("spinbutton").first.click()
    page.keyboard.type("20160320")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # the calendar the field opened would cover the Save button
    page.locator("#stFloatingOverlayPortal [role=button]").first.wait_for(state="detached")
    _idle(page)
    fix.get_by_role("button", name="Save the correction").click()
    page.get_by_text("Corrected the event").wait_for(timeout=STEP_MS)

    # Placing the village the parser left unplaced parses the article again; its marker appears.
    before = in_map_frame(page, COUNT_MARKERS_JS)
    names = _open_expander(page, "Names we could not place")
    names.get_by_role("button", name="List them").click()
    names = _open_expander(page, "Names we could not place (1)")
    names.get_by_test_id("stRadioOption").filter(has_text="Zarvenka").wait_for(timeout=STEP_MS)
    query = names.get_by_role("textbox", name="Look up the place as")
    query.fill("Avdiivka")
    query.press("Enter")
    names.get_by_role("button", name="Look up").click()
    names.get_by_test_id("stRadioOption").filter(has_text="Donetsk").first.click()
    names.get_by_role("button", name="Place it").click()
    page.get_by_text("is now Avdiyivka").wait_for(timeout=STEP_MS)
    marker_count_becomes(page, lambda n: n > before, "after placing the village")
    assert _near(in_map_frame(page, MARKER_POINTS_JS), AVDIIVKA)

    moscow = _download_geojson(page)["Moscow"]
    assert (moscow["event_type"], moscow["sub_event_type"], moscow["event_date"]) == (
        "frontline",
        "air_strike",
        "2016-03-20",
    )
    with EventStore.open(server[1], readonly=True) as store:
        assert any(o.mention == "Zarvenka" for o in store.overrides())  # the article was parsed again
    assert page.blocked == []


def test_deleting_an_event_removes_it_from_the_map_and_the_export(page, server) -> None:
    _select_marker(page, GENEVA, "Geneva")
    before = in_map_frame(page, COUNT_MARKERS_JS)
    fix = _open_expander(page, "Wrong type or date?")
    deleted = page.get_by_text("Deleted the event")
    for _ in range(3):  # a click a rerun of the page swallowed (seen on a loaded machine) is made again
        fix.get_by_role("button", name="Delete this event").click()
        _idle(page)
        if deleted.is_visible():
            break
    deleted.wait_for(timeout=STEP_MS)
    marker_count_becomes(page, lambda n: 0 <= n < before, "after deleting the event")
    assert not _near(in_map_frame(page, MARKER_POINTS_JS), GENEVA)
    assert "Geneva" not in _download_geojson(page)
    assert page.blocked == []


# ---------------------------------------------------------------------------
# steps


def _select_marker(page, point: tuple[float, float], mention: str) -> None:
    map_frame(page)
    _click_marker_near(page, point)
    page.locator(".cm-article mark", has_text=mention).first.wait_for(timeout=STEP_MS)
    _idle(page)


def _open_expander(page, title: str):
    _idle(page)
    expander = page.get_by_test_id("stExpander").filter(has_text=title).first
    expander.wait_for(timeout=STEP_MS)
    if not expander.locator("details").evaluate("d => d.open"):
        expander.locator("summary").click()
    return expander


def _choose(page, inside, label: str, option: str, attempts: int = 3) -> None:
    """Pick ``option`` in the select box ``label``; opens the list again when a rerun of the
    page replaced the box between the click and the list (seen on a loaded machine)."""
    box = inside.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    choice = page.get_by_role("option", name=option, exact=True)
    for attempt in range(attempts):
        _idle(page)
        box.click()
        try:
            choice.wait_for(timeout=STEP_MS // attempts)
            break
        except PlaywrightTimeoutError:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
    choice.click()
    _idle(page)


def _idle(page) -> None:
    """The run a widget started is over (Streamlit marks the app while a script runs)."""
    page.wait_for_timeout(700)
    page.locator('[data-test-script-state="notRunning"]').first.wait_for(timeout=STEP_MS)
    page.get_by_test_id("stStatusWidget").wait_for(state="hidden", timeout=STEP_MS)


def _download_geojson(page) -> dict[str, dict]:
    """The GeoJSON download's features' properties, by the name as written."""
    _idle(page)
    show_tab(page, "Download")
    collection = json.loads(downloaded(page, "GeoJSON").read_text(encoding="utf-8"))
    return {f["properties"]["mention"]: f["properties"] for f in collection["features"]}
