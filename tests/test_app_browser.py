"""The map page in a real browser: ``streamlit run app.py`` on a temporary store,
driven by Debian's chromium through Playwright with every request that leaves
localhost aborted (the page must work offline).

The server starts on an empty store, so the page loads the demo corpus on its own
first start; the suite's fake pipeline parses it (no language model needed), and
the tests compare what the map draws with what the store holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from geo.cli.app import free_port, streamlit_command, wait_until_serving
from geo.filters import EventFilter
from geo.map.mapview import MAX_MARKERS, marker_groups
from geo.store.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
SERVER_START_S = 90
#: The first page parses the demo corpus and builds the map: give it time on a busy machine.
PAGE_READY_MS = 180_000
STEP_MS = 60_000
LOCAL_PREFIXES = (
    "http://localhost:",
    "http://127.0.0.1:",
    "ws://localhost:",
    "ws://127.0.0.1:",
    "data:",
    "blob:",
    "about:",
)
CLUSTER_OVER = 300

#: Counts the event markers the page script drew in the map (canvas shapes,
#: so they are counted in Leaflet, not in the DOM).
COUNT_MARKERS_JS = """() => {
  if (!window.map) { return -1; }
  return Object.values(window.map._layers).filter(l => l instanceof L.CircleMarker && l.options.shape).length;
}"""
MARKER_POINTS_JS = """() => Object.values(window.map._layers)
  .filter(l => l instanceof L.CircleMarker && l.options.shape)
  .map(l => [l.getLatLng().lat, l.getLatLng().lng])"""


@contextmanager
def running_server(folder: Path, db: Path | None = None) -> Iterator[tuple[str, Path]]:
    """``streamlit run app.py`` on the store ``db`` (a new, empty one in ``folder`` by default),
    with the suite's stand-in pipeline; yields the page's URL and the store's path."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    db = db or folder / "events.sqlite"
    port = free_port()
    env = {
        **os.environ,
        "CONFLICTMAP_DB": str(db),
        "CONFLICTMAP_PIPELINE": "fake",
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    command = [*streamlit_command(REPO / "app.py", port=port, address=None), "--server.fileWatcherType=none"]
    with open(folder / "server.log", "wb") as log:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://localhost:{port}"
        try:
            _wait_healthy(url, process, folder / "server.log")
            yield url, db
        finally:
            stop_server(process)


@pytest.fixture(scope="session")
def server(demo_server: tuple[str, Path]) -> tuple[str, Path]:
    """The server the reading tests share with other modules' (conftest's ``demo_server``); no
    test writes to its store."""
    return demo_server


def stop_server(process: subprocess.Popen) -> None:
    """Ends a server started for a test: politely, then by force."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    problem = wait_until_serving(url, process, SERVER_START_S)
    if problem is not None:
        pytest.fail(f"{problem}: {log.read_text()[-2000:]}")


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """Debian's chromium under Playwright, closed after use (skips where it is not installed)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def browser(server):
    with launched_chromium() as chromium:
        yield chromium


def open_page(browser, url: str, width: int = 1400, height: int = 1200):
    """A fresh browser session on the page in a window of ``width`` x ``height``; requests
    leaving localhost are aborted and listed in ``page.blocked``."""
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.blocked = []

    def route(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.set_default_timeout(STEP_MS)
    page.runs = PageRuns()
    page.on("websocket", page.runs.follow)
    page.goto(url)
    return context, page


class PageRuns:
    """How many whole runs of the page's script the server told the page (on its socket) had
    ended, not counting a fragment's runs alone (the store's poll every few seconds, the feed's):
    a click that reruns the page is over when the count has grown."""

    def __init__(self) -> None:
        self.whole = 0

    def follow(self, socket) -> None:
        socket.on("framereceived", self._received)

    def _received(self, payload: str | bytes) -> None:
        from google.protobuf.message import DecodeError
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, str):
            return
        message = ForwardMsg()
        try:
            message.ParseFromString(payload)
        except DecodeError:
            return
        if (
            message.WhichOneof("type") == "script_finished"
            and message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
        ):
            self.whole += 1


@pytest.fixture
def page(browser, server):
    """A page of its own, for tests that change what the page shows."""
    context, page = open_page(browser, server[0])
    yield page
    context.close()


@pytest.fixture(scope="module")
def reading_page(browser, server):
    """One page shared by the tests that only read, download and select: a browser
    session costs seconds to start on a small machine."""
    context, page = open_page(browser, server[0])
    yield page
    context.close()


def map_frame(page):
    """The st_folium iframe, once its map has drawn markers."""
    deadline = time.monotonic() + PAGE_READY_MS / 1000
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.evaluate(COUNT_MARKERS_JS) > 0:
                        return frame
                except Exception:  # noqa: BLE001 - the frame is still loading or being replaced
                    pass
        page.wait_for_timeout(500)
    pytest.fail("the map drew no markers in time")


def idle(page) -> None:
    """No run of the page's script under way (Streamlit marks the app's root while one runs).

    Not the status widget: Streamlit shows it only half a second into a run, so a run that had
    just started looked over."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(timeout=STEP_MS)


def rerun_ends(page, action) -> None:
    """``action()``, a step that reruns the whole page (a tab switched, a button clicked), then
    the wait until that run has ended, so what it draws is not replaced under the next click.

    Waits for the page to be idle first: the run to wait for is then one the step started (or
    one that took the step's change in, where the step came during a fragment's short run)."""
    idle(page)
    before = page.runs.whole
    action()
    deadline = time.monotonic() + STEP_MS / 1000
    while page.runs.whole == before:
        if time.monotonic() > deadline:
            pytest.fail("the run of the page the step started did not end in time")
        page.wait_for_timeout(100)
    idle(page)


def show_tab(page, name: str) -> None:
    """Opens the tab ``name`` below the map (Article, Events table, Add articles, Download)
    and waits for the run the switch starts, so its widgets are not replaced under a click."""
    tab = page.get_by_role("tab", name=name, exact=True)
    idle(page)
    if tab.get_attribute("aria-selected") != "true":  # a tab already open starts no run
        rerun_ends(page, tab.click)
    if tab.get_attribute("aria-selected") != "true":
        pytest.fail(f"the tab {name!r} is not the one open after its run")


def open_sidebar(page) -> None:
    """Unfolds the sidebar (filters and dates), folded when the page opens so the map has the width."""
    sidebar = page.get_by_test_id("stSidebar")
    if sidebar.get_attribute("aria-expanded") != "true":
        page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_test_id("stSidebarUserContent").wait_for(state="visible")


def marker_count_becomes(page, predicate, what: str) -> int:
    deadline = time.monotonic() + STEP_MS / 1000
    count = -1
    while time.monotonic() < deadline:
        frame = map_frame(page)
        try:
            count = frame.evaluate(COUNT_MARKERS_JS)
        except Exception:  # noqa: BLE001 - replaced while reading
            count = -1
        if predicate(count):
            return count
        page.wait_for_timeout(500)
    pytest.fail(f"{what}: the map shows {count} markers")


def in_map_frame(page, script: str) -> Any:
    """``script`` evaluated in the map's frame once it has drawn; a rerun of the page may
    replace the frame between finding it and asking it, so a detached frame is found again."""
    deadline = time.monotonic() + STEP_MS / 1000
    while True:
        try:
            return map_frame(page).evaluate(script)
        except Exception as err:  # noqa: BLE001 - Playwright's Error, raised again unless the frame went
            if "detached" not in str(err) or time.monotonic() > deadline:
                raise
        page.wait_for_timeout(300)


#: A download button clicked while a rerun replaces it loses the click: it is clicked again.
DOWNLOAD_CLICKS = 3
DOWNLOAD_WAIT_MS = 20_000


def downloaded(page, button: str) -> Path:
    """The file the download button named ``button`` gives (on the tab shown)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for click in range(DOWNLOAD_CLICKS):
        try:
            with page.expect_download(timeout=DOWNLOAD_WAIT_MS) as download:
                page.get_by_role("button", name=button).click()
            return Path(download.value.path())
        except PlaywrightTimeout:
            if click == DOWNLOAD_CLICKS - 1:
                raise
    raise AssertionError("unreachable")


def expected_markers(db: Path, flt: EventFilter = EventFilter()) -> int:
    with EventStore.open(db, readonly=True) as store:
        events = store.coded_events(flt)  # the page shows one event per happening
    return len(marker_groups(events, max_markers=MAX_MARKERS if len(events) > CLUSTER_OVER else None))


# ---------------------------------------------------------------------------
# The tests run in any order. The reading page is shared by tests that leave what it
# shows as it was; a test that changes the view opens a page of its own, and pasting,
# which adds to the store, runs on a server and store of its own.


def test_first_start_maps_the_demo_corpus_offline(reading_page, server) -> None:
    page = reading_page
    frame = map_frame(page)
    drawn = frame.evaluate(COUNT_MARKERS_JS)
    assert drawn == expected_markers(server[1]) > 10
    points = frame.evaluate(MARKER_POINTS_JS)
    assert any(abs(lat - 34.56) < 0.01 and abs(lon - 38.28) < 0.01 for lat, lon in points)  # Palmyra
    assert page.blocked == []


#: Far from the demo's war: a first view that holds them shows a continent, not the war.
FAR_CITIES = {"Nairobi": (-1.29, 36.82), "Delhi": (28.61, 77.21), "Mombasa": (-4.04, 39.67)}
#: Where the demo's main cluster lies (lat, lon box): western Syria and its neighbours.
SYRIA_BOX = (32.0, 35.0, 37.5, 42.5)


@pytest.mark.parametrize("width, height", [(1400, 900), (1000, 700)])
def test_the_first_view_frames_the_war_not_the_continents_around_it(browser, server, width, height) -> None:
    context, page = open_page(browser, server[0], width, height)
    try:
        frame = map_frame(page)
        west, south, east, north = frame.evaluate("window.conflictmapStats.view")
        in_view = lambda lat, lon: south <= lat <= north and west <= lon <= east  # noqa: E731
        main = [
            (lat, lon)
            for lat, lon in frame.evaluate(MARKER_POINTS_JS)
            if SYRIA_BOX[0] <= lat <= SYRIA_BOX[2] and SYRIA_BOX[1] <= lon <= SYRIA_BOX[3]
        ]
        assert main and all(in_view(lat, lon) for lat, lon in main)
        assert [name for name, (lat, lon) in FAR_CITIES.items() if in_view(lat, lon)] == []
        # Fractional zooms fit the events closely; whole ones would open a zoom level out.
        assert frame.evaluate("window.map.options.zoomSnap") < 1
    finally:
        context.close()


def test_geojson_download_holds_the_events_in_view(reading_page, server) -> None:
    page = reading_page
    map_frame(page)
    show_tab(page, "Download")
    collection = json.loads(downloaded(page, "GeoJSON").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    with EventStore.open(server[1], readonly=True) as store:
        assert len(collection["features"]) == store.happening_count()
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_selecting_a_table_row_opens_its_article(page, server) -> None:
    # A page of its own: a marker clicked on the shared page puts its events on top of the table.
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    map_frame(page)
    quote = page.locator(".cm-article mark").first
    # On a busy machine the grid may take a click before it answers clicks. show_tab waits for
    # the page's run to end, so an article still missing then means the click was not taken.
    for _ in range(3):
        show_tab(page, "Events table")
        grid = page.get_by_test_id("stDataFrame")
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        row_height = 35  # Streamlit's default row height; the header is one row
        page.mouse.click(box["x"] + 16, box["y"] + row_height * 3 + row_height / 2)  # the third row's checkbox
        show_tab(page, "Article")
        try:
            quote.wait_for(timeout=10_000)
            break
        except PlaywrightTimeout:
            continue
    quote.wait_for(timeout=STEP_MS)
    with EventStore.open(server[1], readonly=True) as store:
        newest_first = list(reversed(store.coded_events()))
    assert " ".join(quote.inner_text().split()) == newest_first[2].quote


def test_clicking_a_marker_opens_its_article(reading_page, server) -> None:
    page = reading_page
    frame = map_frame(page)
    # The map opens on the war's busiest theatre: first to Geneva, as its theatre's button flies there.
    frame.evaluate("""() => new Promise(done => {
      window.map.once("moveend", () => done()); window.map.setView([46.20, 6.15], 7, {animate: false});
    })""")
    # Geneva's marker (clear of the map's controls), clicked where the browser draws it.
    x, y = frame.evaluate("""() => {
      const m = Object.values(window.map._layers).find(l => l instanceof L.CircleMarker && l.options.shape
                  && Math.abs(l.getLatLng().lat - 46.20) < 0.01 && Math.abs(l.getLatLng().lng - 6.15) < 0.01);
      const p = window.map.latLngToContainerPoint(m.getLatLng());
      const box = document.getElementById("map_div").getBoundingClientRect();
      return [box.left + p.x, box.top + p.y];
    }""")
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]')
    iframe.scroll_into_view_if_needed()
    frame_box = iframe.bounding_box()
    page.mouse.click(frame_box["x"] + x, frame_box["y"] + y)
    show_tab(page, "Article")
    quote = page.locator("mark", has_text="Geneva").first
    quote.wait_for(timeout=STEP_MS)
    # The quote is marked in the article it was taken from, and the table's first row is selected.
    assert "Geneva" in page.locator(".cm-article h4").first.inner_text() or "Geneva" in quote.inner_text()
    assert page.get_by_text("Wrong place? Move \u201cGeneva\u201d").is_visible()


def test_moving_the_slider_changes_what_is_drawn(page, server) -> None:
    before = in_map_frame(page, COUNT_MARKERS_JS)
    open_sidebar(page)
    end_thumb = page.locator('[data-testid="stSlider"]', has_text="Dates").get_by_role("slider").nth(1)
    end_thumb.focus()
    end_thumb.press("Home")  # down to the start: one day left in view
    after = marker_count_becomes(page, lambda n: 0 <= n < before, "after moving the slider")
    with EventStore.open(server[1], readonly=True) as store:
        first_day = store.date_range()[0]
    assert after == expected_markers(server[1], EventFilter(date_from=first_day, date_to=first_day))


#: How long play is watched at most (it is watched to its last step when that comes sooner),
#: and how often the map is looked at meanwhile.
PLAY_WATCH_S = 40
PLAY_SAMPLE_S = 0.3
MAP_STATS_JS = "() => window.conflictmapStats || null"
#: Whether the player is still stepping (its button offers to pause while it plays).
PLAYING_JS = "() => document.querySelector('.cm-play').title === 'Pause'"


def test_play_draws_the_markers_of_every_step(page, server) -> None:
    """Play at 7 days a step, every frame sampled up to the last step: the map is there,
    with the markers of the dates it shows, in every one of them."""
    frame = map_frame(page)
    assert frame.evaluate("() => document.querySelector('.cm-step-size').value") == "7"
    expected = _markers_by_window(server[1])
    frame.click(".cm-play")
    frames = drawn = 0
    shown: set[tuple] = set()
    deadline = time.monotonic() + PLAY_WATCH_S
    while time.monotonic() < deadline:
        playing = frame.evaluate(PLAYING_JS)
        frames += 1
        stats = _current_map_stats(page)
        if stats and stats["window"] and stats["drawn"] > 0 and stats["drawn"] == expected(stats["window"]):
            drawn += 1
            shown.add(tuple(stats["window"]))
        if not playing:  # the frame above is the last step's, drawn after play stopped
            break
        page.wait_for_timeout(PLAY_SAMPLE_S * 1000)
    print(f"\nframes with the map drawn while playing: {drawn}/{frames} = {drawn / frames:.3f}")
    assert len(shown) >= 10, f"play showed only the windows {sorted(shown)}"
    assert drawn == frames


#: Clicks Play and reads what the map shows at once, then pauses again: the first frame of play.
FIRST_PLAY_FRAME_JS = """() => {
  const play = document.querySelector('.cm-play');
  play.click();
  const shown = [window.conflictmapStats.window, document.querySelector('.cm-date').textContent];
  play.click();
  return shown;
}"""


def test_play_starts_at_the_start_of_a_narrowed_range(page, server) -> None:
    """The last 30 days picked beside the sidebar's slider: the map's player then runs over
    those days, and Play's first frame shows their first step."""
    map_frame(page)
    with EventStore.open(server[1], readonly=True) as store:
        newest = store.date_range()[1]
    start = newest - timedelta(days=29)
    open_sidebar(page)
    page.get_by_role("button", name="30 d").click()
    deadline = time.monotonic() + STEP_MS / 1000
    frame = None
    while time.monotonic() < deadline:
        candidate = map_frame(page)
        try:
            if candidate.evaluate("() => document.querySelector('.cm-slider').max") == "29":
                frame = candidate
                break
        except Exception:  # noqa: BLE001 - the map is being replaced by the narrowed one
            pass
        page.wait_for_timeout(500)
    assert frame is not None, "the map's time control never took the 30 days"
    step = int(frame.evaluate("() => document.querySelector('.cm-step-size').value"))
    window, label = frame.evaluate(FIRST_PLAY_FRAME_JS)
    first_frame_end = (start + timedelta(days=step - 1)).isoformat()
    assert window == [None, first_frame_end]
    assert label == f"to {first_frame_end}"


def _current_map_stats(page) -> dict | None:
    """The map's figures now, or None when no map is drawn (the frame is missing or loading)."""
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            try:
                return frame.evaluate(MAP_STATS_JS)
            except Exception:  # noqa: BLE001 - the frame is being replaced: no map in this sample
                return None
    return None


def _markers_by_window(db: Path):
    """How many markers the map should draw for a window of dates (start None: from the first)."""
    with EventStore.open(db, readonly=True) as store:
        events = store.coded_events()
    groups = marker_groups(events, max_markers=MAX_MARKERS if len(events) > CLUSTER_OVER else None)

    def count(window: list) -> int:
        start, end = (date.fromisoformat(d) if d else date.min for d in window)
        return sum(any(e.event_date and start <= e.event_date <= end for e in g.events) for g in groups)

    return count


def test_a_pasted_article_appears_on_the_map(browser, tmp_path: Path) -> None:
    # A server and store of its own: the other tests compare the page with the shared store.
    with running_server(tmp_path) as (url, _):
        context, page = open_page(browser, url)
        try:
            _paste_and_see_it_on_the_map(page)
        finally:
            context.close()


def _paste_and_see_it_on_the_map(page) -> None:
    before = in_map_frame(page, COUNT_MARKERS_JS)
    show_tab(page, "Add articles")
    form = page.get_by_test_id("stForm")
    form.get_by_role("textbox", name="Title", exact=True).fill("Shelling in Kyiv")
    form.get_by_role("textbox", name="Article text").fill("Artillery shelled districts of Kyiv on Tuesday.")
    form.get_by_role("button", name="Add the article").click()
    marker_count_becomes(page, lambda n: n > before, "after pasting an article")
    points = in_map_frame(page, MARKER_POINTS_JS)
    assert any(abs(lat - 50.45) < 0.01 and abs(lon - 30.52) < 0.01 for lat, lon in points)
    assert page.blocked == []


def test_a_correction_in_one_tab_shows_in_another_after_a_reload(browser, tmp_path: Path) -> None:
    # A server and store of its own: the correction changes what the store holds.
    with running_server(tmp_path) as (url, _):
        editor, editing = open_page(browser, url)
        reader, reading = open_page(browser, url)
        try:
            map_frame(reading)
            # One article's Geneva moved twice, to two other places of that name: the
            # second time no count changes (events, articles, corrections), only places.
            _click_marker_near(editing, GENEVA)
            editing.locator(".cm-article mark", has_text="Geneva").first.wait_for(timeout=STEP_MS)
            before = GENEVA
            for choice in (0, 1):
                # The event stays selected in the editing tab after it moved.
                after = _move_the_selected_event(editing, choice)
                reading.reload()
                marker_count_becomes(reading, lambda n: n > 0, "after the reload")
                points = map_frame(reading).evaluate(MARKER_POINTS_JS)
                assert _near(points, after), f"the other tab does not show the event at {after}"
                if choice == 1:
                    assert not _near(points, before), f"the other tab still shows the event at {before}"
                before = after
        finally:
            editor.close()
            reader.close()


GENEVA = (46.20, 6.15)


def _near(points: list, point: tuple[float, float]) -> bool:
    return any(abs(p[0] - point[0]) < 0.01 and abs(p[1] - point[1]) < 0.01 for p in points)


def _move_the_selected_event(page, choice: int) -> tuple[float, float]:
    """Moves the event beside the map (in its article) to the place named Geneva outside
    Switzerland offered at ``choice`` (0 is the first); returns that place's coordinates."""
    idle(page)  # the last run is over
    expander = page.get_by_test_id("stExpander").filter(has_text="Wrong place? Move \u201cGeneva\u201d")
    offer = expander.get_by_role("button", name="Places named \u201cGeneva\u201d", include_hidden=True)
    # drawn by the run after a correction, which the page's store check may delay by a moment
    offer.wait_for(state="attached", timeout=STEP_MS)
    options = expander.get_by_test_id("stRadioOption")
    _until_shown(page, options.first, lambda: _ask_for_the_offer(expander, offer))
    # Places named Geneva outside Switzerland: the other briefs' events stay in Geneva.
    texts = options.all_inner_texts()
    elsewhere = [i for i, text in enumerate(texts) if ", CH (" not in text]
    assert len(elsewhere) > choice, texts
    option = options.nth(elsewhere[choice])
    label = option.inner_text()
    option.click()
    expander.get_by_role("button", name="Move the event").click()
    page.get_by_text("now means").wait_for(timeout=STEP_MS)
    lat, lon = (float(v) for v in label.rsplit(";", 1)[1].strip(" )").split(","))
    return lat, lon


#: A click that lands while a rerun of the page replaces its widget is lost: asked this often.
ASKS = 3


def _until_shown(page, shown, ask) -> None:
    """``ask()`` once the page's last run is over, until ``shown`` is visible (STEP_MS for
    each ask). On a loaded machine a rerun could replace the clicked button, or fold its
    expander, between the click and the run it starts, and the one wait ran out."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for asked in range(1, ASKS + 1):
        idle(page)
        ask()
        try:
            shown.wait_for(timeout=STEP_MS)
            return
        except PlaywrightTimeout:
            if asked == ASKS:
                raise


def _ask_for_the_offer(expander, offer) -> None:
    """Unfolds the correction's expander and clicks its offer of places, where it is still there
    (the click of an earlier ask may have been taken after all)."""
    if not expander.locator("details").evaluate("d => d.open"):
        expander.locator("summary").click()
    if offer.is_visible():
        offer.click()


def _click_marker_near(page, point: tuple[float, float]) -> None:
    """Clicks the marker within 0.01 degrees of ``point``, brought to the map's centre first."""
    frame = map_frame(page)
    x, y = frame.evaluate(
        """([lat, lon]) => {
      const m = Object.values(window.map._layers).find(l => l instanceof L.CircleMarker && l.options.shape
                  && Math.abs(l.getLatLng().lat - lat) < 0.01 && Math.abs(l.getLatLng().lng - lon) < 0.01);
      window.map.setView(m.getLatLng(), window.map.getZoom(), {animate: false});
      const p = window.map.latLngToContainerPoint(m.getLatLng()).add(L.point(m.options.shift));
      const box = document.getElementById("map_div").getBoundingClientRect();
      return [box.left + p.x, box.top + p.y];
    }""",
        list(point),
    )
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]')
    iframe.scroll_into_view_if_needed()
    frame_box = iframe.bounding_box()
    page.mouse.click(frame_box["x"] + x, frame_box["y"] + y)
