"""Hostile text stays text in every output, end to end.

Markup and script payloads are put where a hostile page or file would put them (an
article's front matter and body, an ACLED file's cells), go through the command line
into a store, and come out as the HTML export, the slide page, the PNG and the app.
Each payload, if it ever ran, would set ``window.__pwned`` or open a dialog.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from browser_pages import only_this_file, standalone_chromium

from geo.cli.main import run
from geo.formats.exports import write_acled_csv
from geo.map.pagewait import wait_in_page
from geo.records import Event
from geo.store.store import EventStore

PWN = "window.__pwned=1"
SCRIPT = f"<script>{PWN}</script>"
IMG = f'<img src=x onerror="{PWN}">'
SVG = f'"><svg onload="{PWN}">'
BREAKOUT = f"</script><script>{PWN}</script>"
ATTRIBUTE = f"' onmouseover='{PWN}' x='"
TEMPLATE = "{{ 7*7 }}{% raw %}"
DIALOG = "<img src=x onerror=alert(1)>"
JS_URL = f"javascript:{PWN}"
PAYLOADS = (SCRIPT, IMG, SVG, BREAKOUT, ATTRIBUTE, TEMPLATE, DIALOG)

#: The front matter carries the title, source and URL a hostile page would declare.
HOSTILE_ARTICLE = f"""---
title: "{SCRIPT} Palmyra retaken"
source: "{IMG}"
url: "{JS_URL}"
published: 2016-03-27
---

Troops fought their way into Palmyra on Sunday {DIALOG} {TEMPLATE}.
"""

#: Body payloads without dots or underscores, so that sentence splitting and Markdown
#: leave them whole in the quote; each would open a dialog.
BODY_PAYLOADS = ("<svg onload=alert(2)>", "</script><script>alert(3)</script>", "' onmouseover='alert(4)' x='")
HOSTILE_TEXT = f"Talks were held in Geneva {' '.join(BODY_PAYLOADS)} on Monday.\n"


def hostile_imported_event() -> Event:
    """An event as a hostile ACLED-style file can describe it: every text column a payload."""
    return Event(
        event_id="acled-hostile",
        event_type="frontline",
        sub_event_type=IMG,
        event_date=date(2016, 5, 1),
        date_precision=1,
        place=f"Aden {SCRIPT}",
        mention=SVG,
        lat=12.78,
        lon=45.04,
        geonameid=None,
        country_code="YE",
        admin1=BREAKOUT,
        feature_code="",
        geo_precision=1,
        quote=f"Bombing in Aden {DIALOG} {ATTRIBUTE}",
        article_id="",
        title=TEMPLATE,
        published=None,
        source=f"[x]({JS_URL}) {IMG}",
        url=JS_URL,
        confidence=1.0,
        origin=f"<b>{PWN}</b>",
        extra=(("notes2", SCRIPT),),
    )


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled through the command line: one hostile article, one hostile import."""
    import os

    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "palmyra.md"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "geneva.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    acled = folder / "acled.csv"
    write_acled_csv([hostile_imported_event()], acled)
    db = folder / "events.sqlite"
    before = os.environ.get("CONFLICTMAP_PIPELINE")
    os.environ["CONFLICTMAP_PIPELINE"] = "fake"
    try:
        assert run(["ingest", str(article), str(folder / "geneva.txt"), "--db", str(db), "--workers", "1"]) == 0
    finally:
        if before is None:
            os.environ.pop("CONFLICTMAP_PIPELINE")
        else:
            os.environ["CONFLICTMAP_PIPELINE"] = before
    assert run(["import", "acled", str(acled), "--db", str(db)]) == 0
    return db


def stored_events(db: Path) -> list[Event]:
    with EventStore.open(db, readonly=True) as store:
        return store.query()


def test_hostile_text_reaches_the_store_unchanged(hostile_store: Path) -> None:
    events = stored_events(hostile_store)
    assert len(events) == 3
    palmyra, geneva = (next(e for e in events if e.place == name) for name in ("Palmyra", "Geneva"))
    assert (palmyra.title, palmyra.source, palmyra.url) == (f"{SCRIPT} Palmyra retaken", IMG, JS_URL)
    assert DIALOG in palmyra.quote and TEMPLATE in palmyra.quote
    assert all(payload in geneva.quote for payload in BODY_PAYLOADS)
    assert hostile_imported_event() in events


# ---------------------------------------------------------------------------
# the HTML export, read as text


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def exported_html(hostile_store: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("export") / "map.html"
    assert (
        run(
            [
                "export",
                "--format",
                "html",
                "-o",
                str(out),
                "--db",
                str(hostile_store),
                "--title",
                f"{BREAKOUT} briefing",
            ]
        )
        == 0
    )
    return out.read_text(encoding="utf-8")


def test_html_export_holds_no_payload_as_live_markup(exported_html: str) -> None:
    for payload in (SCRIPT, IMG, SVG, BREAKOUT, DIALOG, *BODY_PAYLOADS[:2]):
        assert payload not in exported_html
    assert not re.search(r"<(?:img|svg)\b[^>]*\bon\w+=", exported_html, re.IGNORECASE)
    assert 'href="javascript' not in exported_html.lower()
    assert "{{ 7*7 }}{% raw %}" in exported_html  # template syntax kept as text, not evaluated


# ---------------------------------------------------------------------------
# in a browser


@pytest.fixture(scope="module")
def chromium():
    with standalone_chromium("--disable-sync", "--disable-quic") as browser:
        yield browser


OPEN_EVERYTHING = """async () => {
    const map = window[Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))];
    const layers = [];
    map.eachLayer(l => layers.push(l));
    const shown = [];
    for (const layer of layers) {
        if (layer.getTooltip && layer.getTooltip()) {
            layer.openTooltip();
            shown.push(document.querySelector('.leaflet-tooltip')?.textContent || '');
        }
        if (layer.getPopup && layer.getPopup()) {
            layer.openPopup();
            shown.push(document.querySelector('.leaflet-popup-content')?.textContent || '');
            await new Promise(r => setTimeout(r, 50));
        }
    }
    return shown;
}"""


def visit(browser, page_html: str, folder: Path) -> dict:
    """Open the page with every outside request aborted, open every popup and tooltip,
    hover every control, and report what ran."""
    path = folder / "page.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    outside: list[str] = []
    dialogs: list[str] = []

    route = only_this_file(path, outside)
    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=20_000)
        shown = page.evaluate(OPEN_EVERYTHING)
        for control in page.query_selector_all(".leaflet-control, .leaflet-control-layers label, .cm-label"):
            control.hover(force=True, timeout=2_000)
        page.wait_for_timeout(300)
        result = {
            "pwned": page.evaluate("typeof window.__pwned"),
            "links": page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"),
            "text": "\n".join(shown) + page.evaluate("document.body.innerText"),
        }
    finally:
        context.close()
    return {**result, "dialogs": dialogs, "outside": outside}


def without_csp(page_html: str) -> str:
    """The page without its Content-Security-Policy: escaping alone must hold."""
    stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page_html, count=1)
    assert stripped != page_html
    return stripped


@pytest.mark.browser
@pytest.mark.parametrize("policy", ["with its CSP", "without a CSP"])
def test_html_export_runs_no_injected_script(chromium, exported_html: str, tmp_path: Path, policy: str) -> None:
    page = exported_html if policy == "with its CSP" else without_csp(exported_html)
    seen = visit(chromium, page, tmp_path)
    assert seen["pwned"] == "undefined"
    assert seen["dialogs"] == []
    assert seen["outside"] == []  # an injected <img src=x> would have asked for x
    assert all(re.match(r"https?://", href) or href.startswith("#") for href in seen["links"]), seen["links"]
    # The payloads are shown to the reader as the text they are.
    for payload in (SCRIPT, IMG, DIALOG, TEMPLATE, f"<b>{PWN}</b>", *BODY_PAYLOADS):
        assert payload in seen["text"], payload


@pytest.mark.browser
def test_slide_page_labels_and_title_run_no_injected_script(chromium, hostile_store: Path, tmp_path: Path) -> None:
    from geo.map.mapview import slide_map
    from geo.map.offline import offline_html

    events = stored_events(hostile_store)
    page = offline_html(slide_map(events, title=f"{BREAKOUT} {IMG}", width=900, height=600))
    seen = visit(chromium, without_csp(page), tmp_path)
    assert (seen["pwned"], seen["dialogs"], seen["outside"]) == ("undefined", [], [])
    assert f"{BREAKOUT} {IMG}" in seen["text"]
    # Framed by its caller around every event (no insets, whose small maps name only the places
    # that fit), the picture labels each place by the name its article wrote, as text.
    box = (
        min(e.lon for e in events),
        min(e.lat for e in events),
        max(e.lon for e in events),
        max(e.lat for e in events),
    )
    framed = tmp_path / "framed"
    framed.mkdir()
    seen = visit(chromium, without_csp(offline_html(slide_map(events, bounds=box, width=900, height=600))), framed)
    assert (seen["pwned"], seen["dialogs"], seen["outside"]) == ("undefined", [], [])
    assert SVG in seen["text"]


# ---------------------------------------------------------------------------
# PNG without a browser


def test_png_fallback_draws_dollar_signs_and_markup_as_text(hostile_store: Path, tmp_path: Path) -> None:
    from geo.map.briefing import draw_png_fallback

    tricky = [replace(e, place="$\\frac{x$ " + e.place) for e in stored_events(hostile_store)]
    slide = draw_png_fallback(
        tricky, tmp_path / "slide.png", title="Aid: $5m of $\\alpha{ and " + SCRIPT, width=600, height=400
    )
    assert slide.path.is_file() and slide.markers == 3


# ---------------------------------------------------------------------------
# the app


@pytest.mark.slow
def test_app_shows_hostile_event_text_as_text(hostile_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app_harness import started_app

    at = started_app(hostile_store, monkeypatch)
    for event in stored_events(hostile_store):
        at.session_state["click"] = (event.lat, event.lon, "")
        at.session_state["selected_id"] = event.event_id
        at.session_state["table_round"] = at.session_state["table_round"] + 1
        at.run()
        assert not at.exception, at.exception
        _assert_no_live_markup(at)


def _assert_no_live_markup(at) -> None:
    from markdown_it import MarkdownIt

    # CommonMark with raw HTML let through, as st.markdown(..., unsafe_allow_html=True) does.
    render = MarkdownIt("commonmark", {"html": True}).render
    for element in [*at.markdown, *at.caption, *at.expander, *at.button, *at.warning, *at.error, *at.success]:
        body = str(getattr(element, "value", None) or getattr(element, "label", "") or "")
        rendered = render(body)
        assert not re.search(r"<(?:img|svg|script|a)\b", rendered), body
    for pane in at.get("html"):
        body = pane.proto.body
        assert not re.search(r"<(?:img|svg|script)\b", body), body
        assert all(re.match(r"https?://", h) for h in re.findall(r'href="([^"]*)"', body)), body
