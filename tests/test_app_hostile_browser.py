"""Hostile text on the page in a real browser: titles, sources, quotes, places and
mentions written as Markdown images and links or as HTML, shown in every place the
page shows them (table, article panel, the selector of events at one marker, the
place-correction panel and its notices, the map's popups and tooltips).

The payloads point at a bait server on this machine. Chromium is allowed to reach
localhost, so a payload that became an image would be fetched from the bait server;
the test checks that the bait server was never asked for anything and that no link,
image or frame in the page or its map points at it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_app_browser import CHROMIUM, STEP_MS, _click_marker_near, idle, in_map_frame, open_page, running_server

from geo.records import Article, Event
from geo.safetext import WORD_JOINER
from geo.store.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
PALMYRA = (34.5600, 38.2800)
ADEN = (12.7800, 45.0400)
#: A 1x1 transparent PNG, so that a fetched "image" really is one.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


class Bait:
    """An HTTP server on 127.0.0.1 that notes every request it gets."""

    def __init__(self) -> None:
        requests: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PIXEL)))
                self.end_headers()
                self.wfile.write(PIXEL)

            def log_message(self, *args: object) -> None:
                pass

        self.requests = requests
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Bait:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def payloads(origin: str) -> dict[str, str]:
    return {
        "image": f"![x]({origin}/pixel.png)",
        "link": f"[link]({origin}/link)",
        "html": f'<img src="{origin}/html.png">',
        "autolink": f"<{origin}/auto>",
        "bare": f"{origin}/bare",
    }


def hostile_store(db: Path, origin: str) -> dict[str, str]:
    """An article and two events of it at one marker, plus an imported event: every
    text a user or a file provides carries the payloads. Returns the texts used."""
    p = payloads(origin)
    mention = f"Palmyra {p['image']} {p['link']}"
    quote = f"Troops entered Palmyra {p['image']} {p['html']} {p['link']} {p['bare']} on Sunday"
    article = Article(
        text=f"{quote}. Aid followed {p['autolink']} on Monday.",
        title=f"Retaken {p['html']} {p['link']}",
        published=date(2016, 3, 28),
        source=f"{p['image']} wire",
        url="https://news.example/palmyra",
    )
    common = dict(
        date_precision=1,
        lat=PALMYRA[0],
        lon=PALMYRA[1],
        geonameid=None,
        country_code="SY",
        feature_code="PPL",
        geo_precision=1,
        quote=quote,
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        confidence=0.9,
    )
    events = [
        Event(
            event_id="hostile-1",
            event_type="frontline",
            sub_event_type=f"armed_clash {p['image']}",
            event_date=date(2016, 3, 27),
            place=f"Palmyra {p['link']}",
            mention=mention,
            admin1=f"Homs {p['html']}",
            **common,
        ),
        Event(
            event_id="hostile-2",
            event_type="frontline",
            sub_event_type="shelling",
            # Days apart from the first, and telling its own day: a report one day apart, or
            # naming the first one's day, would merge into it.
            event_date=date(2016, 3, 31),
            place="Palmyra",
            mention=mention,
            admin1="Homs",
            **(common | {"quote": quote.replace("Troops entered", "Shells hit").replace("on Sunday", "on Thursday")}),
        ),
    ]
    imported = Event(
        event_id="hostile-import",
        event_type="diplomacy",
        sub_event_type=p["link"],
        event_date=date(2016, 3, 29),
        date_precision=1,
        place=f"Aden {p['image']}",
        mention=p["html"],
        lat=ADEN[0],
        lon=ADEN[1],
        geonameid=None,
        country_code="YE",
        admin1=p["autolink"],
        feature_code="",
        geo_precision=1,
        quote=f"Talks in Aden {p['image']} {p['link']}",
        article_id="",
        title=p["html"],
        published=None,
        source=f"{p['link']} {p['bare']}",
        url="https://news.example/aden",
        confidence=1.0,
        origin="acled",
    )
    with EventStore.open(db) as store:
        store.add_articles([(article, events)])
        store.add_events([imported])
    return {"mention": mention, "title": article.title}


@pytest.fixture(scope="module")
def bait() -> Iterator[Bait]:
    with Bait() as server:
        yield server


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, bait: Bait) -> Iterator[tuple[str, dict[str, str]]]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    folder = tmp_path_factory.mktemp("app-hostile")
    db = folder / "events.sqlite"
    texts = hostile_store(db, bait.origin)
    with running_server(folder, db) as (url, _):
        yield url, texts


@pytest.fixture(scope="module")
def browser(hostile_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        yield chromium
        chromium.close()


#: Every address the document points at through a link, an image, a frame or a style.
ADDRESSES_JS = """() => Array.from(document.querySelectorAll('a[href], img[src], iframe[src], link[href], image'))
  .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('xlink:href') || '')"""

#: Opens every popup of the map in turn and returns their HTML, with the tooltips' text.
POPUPS_JS = """() => {
  const shown = [];
  for (const layer of Object.values(window.map._layers)) {
    if (layer.getPopup && layer.getPopup()) {
      layer.openPopup();
      const box = document.querySelector('.leaflet-popup-content');
      shown.push(box ? box.innerHTML : '');
      layer.closePopup();
    }
    if (layer.getTooltip && layer.getTooltip()) {
      layer.openTooltip();
      const tip = document.querySelector('.leaflet-tooltip');
      shown.push(tip ? tip.innerHTML : '');
      layer.closeTooltip();
    }
  }
  return shown;
}"""


def addresses_to(page, origin: str) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += [a for a in frame.evaluate(ADDRESSES_JS) if origin in a]
        except Exception:  # noqa: BLE001 - a frame replaced while it was read
            continue
    return found


def click_palmyra(page) -> None:
    """Click Palmyra's marker (both events of the article) until the page lists them."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    listed = page.get_by_text("2 events at this marker")
    for _ in range(3):
        _click_marker_near(page, PALMYRA)
        try:
            listed.wait_for(timeout=20_000)
            return
        except PlaywrightTimeout:  # the page had not answered the click yet
            continue
    pytest.fail("a click on Palmyra's marker did not list its two events")


def open_correction(page, lookup) -> None:
    """Open the place-correction panel if a rerun closed it."""
    idle(page)  # a rerun under way has settled
    if not lookup.is_visible():
        page.locator('[data-testid="stExpander"] summary').first.click()
    lookup.wait_for(timeout=STEP_MS)


def test_hostile_text_on_the_page_fetches_nothing_and_links_nothing(browser, hostile_server, bait: Bait) -> None:
    url, texts = hostile_server
    context, page = open_page(browser, url)
    try:
        click_palmyra(page)
        page.locator(".cm-article h4").first.wait_for(timeout=STEP_MS)
        assert texts["title"] in page.locator(".cm-article h4").first.inner_text()

        lookup = page.get_by_role("textbox", name="Or look up another place name")
        open_correction(page, lookup)
        lookup.fill(payloads(bait.origin)["image"])  # no such place: a warning quotes it
        page.get_by_role("button", name="Look up").click()
        alert = page.get_by_test_id("stAlert").filter(has_text="knows no place named")
        alert.wait_for(timeout=STEP_MS)
        assert "![x](" in alert.inner_text().replace(WORD_JOINER, "")
        open_correction(page, lookup)
        lookup.fill("Palmyra")
        page.get_by_role("button", name="Look up").click()
        checkbox = page.get_by_test_id("stCheckbox").filter(has_text="in every article").first
        page.get_by_test_id("stRadio").filter(has_text="PPL").first.wait_for(state="attached", timeout=STEP_MS)
        open_correction(page, lookup)
        checkbox.wait_for(timeout=STEP_MS)
        label = checkbox.inner_text().replace(WORD_JOINER, "")

        popups = in_map_frame(page, POPUPS_JS)
        assert any("Palmyra" in html for html in popups)

        page.wait_for_timeout(1500)  # time for any image the page made to be fetched
        assert bait.requests == []
        assert addresses_to(page, bait.origin) == []
        assert page.blocked == []
        # The mention is shown as typed, Markdown and all.
        assert texts["mention"] in label
    finally:
        context.close()
