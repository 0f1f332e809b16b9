"""The briefing's place labels in chromium: when labels collide, the more important place
keeps its own."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from browser_pages import standalone_chromium
from test_prominence import _at

from geo.map.mapview import slide_map
from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LABEL_TEXTS_JS = "() => Array.from(document.querySelectorAll('.cm-label')).map(node => node.textContent)"


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    with standalone_chromium() as browser:
        yield browser


def label_texts(chromium, folder: Path, events, labels: int | None = None) -> list[str]:
    page_path = folder / "slide.html"
    m = slide_map(events, width=900, height=600, bounds=(43.0, 14.0, 46.0, 16.5), labels=labels)
    page_path.write_text(offline_html(m), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 900, "height": 600})
    try:
        page.goto(page_path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
        return page.evaluate(LABEL_TEXTS_JS)
    finally:
        page.close()


def test_in_a_collision_the_capital_keeps_its_label(chromium, tmp_path: Path) -> None:
    # Five places on one point: labels fit on a few of its sides only, so some go
    # unnamed. Each town has more events than the capital; the capital keeps its name.
    towns = [
        _at(name, 10 + i, "PPL", 2, lat=15.35, lon=44.2) for i, name in enumerate(("Arhab", "Bani", "Hamdan", "Sanhan"))
    ]
    capital = _at("Sanaa", 1, "PPLC", 1, lat=15.35, lon=44.2)
    shown = label_texts(chromium, tmp_path, [e for town in towns for e in town] + capital)
    assert "Sanaa" in shown
    assert 0 < len(shown) < 5  # the collision is real: towns lost their labels


def test_a_place_out_of_view_leaves_its_label_to_the_next(chromium, tmp_path: Path) -> None:
    # The busiest place lies outside the picture: the one label allowed goes to a place in view.
    far = _at("Geneva", 1, "PPL", 9, lat=46.2, lon=6.1)
    near = _at("Taiz", 2, "PPLA", 1, lat=15.0, lon=44.0)
    assert label_texts(chromium, tmp_path, far + near, labels=1) == ["Taiz"]


def test_an_event_is_labelled_by_the_name_its_article_uses(chromium, tmp_path: Path) -> None:
    # The gazetteer resolved "Basra" to GeoNames' entry for the old city; the label says Basra.
    events = [replace(e, mention="Basra") for e in _at("Al Başrah al Qadīmah", 388349, "PPL", 2, lat=15.3, lon=44.5)]
    assert label_texts(chromium, tmp_path, events) == ["Basra"]


#: The one label's box, and where the marker of ``lon, lat`` stands, in the page's pixels.
LABEL_AND_POINT_JS = """([lat, lon]) => {
  const map = Object.values(window).filter(v => v instanceof L.Map)
    .reduce((a, b) => (b.getSize().x > a.getSize().x ? b : a));
  const frame = map.getContainer().getBoundingClientRect(), p = map.latLngToContainerPoint([lat, lon]);
  const r = document.querySelector('.cm-label-text').getBoundingClientRect();
  return {label: [r.left, r.top, r.right, r.bottom], point: [frame.left + p.x, frame.top + p.y]};
}"""


def test_a_label_keeps_clear_of_another_places_marker_when_it_can(chromium, tmp_path: Path) -> None:
    # A fight reported in the province just east of the capital, 30 px to the right of its
    # point: the capital's name goes to a side where it hides no event's symbol.
    capital = _at("Sanaa", 1, "PPLC", 1, lat=15.35, lon=44.2)
    province = _at("Sanaa Governorate", 2, "ADM1", 1, lat=15.35, lon=44.3)
    page_path = tmp_path / "slide.html"
    m = slide_map(capital + province, width=900, height=600, bounds=(43.0, 14.0, 46.0, 16.5), labels=1)
    page_path.write_text(offline_html(m), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 900, "height": 600})
    try:
        page.goto(page_path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
        assert page.evaluate(LABEL_TEXTS_JS) == ["Sanaa"]
        seen = page.evaluate(LABEL_AND_POINT_JS, [15.35, 44.3])
    finally:
        page.close()
    (left, top, right, bottom), (x, y) = seen["label"], seen["point"]
    reach = 8  # the smallest marker's half side, its symbol drawn whole
    assert right <= x - reach or left >= x + reach or bottom <= y - reach or top >= y + reach, seen


def test_every_place_of_an_event_is_named_where_its_name_has_room(chromium, tmp_path: Path) -> None:
    # Sixteen small places well apart and a busy one: a picture has no hover to tell which
    # place a lone marker stands for, so each is named, not only the busiest dozen.
    small = [
        _at(f"Hamlet {row}{col}", 100 + 4 * row + col, "PPL", 1, lat=14.3 + 0.6 * row, lon=43.3 + 0.75 * col)
        for row in range(4)
        for col in range(4)
    ]
    busy = _at("Market Town", 99, "PPLA", 9, lat=16.2, lon=45.9)
    shown = label_texts(chromium, tmp_path, [e for place in small for e in place] + busy)
    assert sorted(shown) == sorted(["Market Town"] + [f"Hamlet {row}{col}" for row in range(4) for col in range(4)])


COUNTRY_LABELS_JS = "() => Array.from(document.querySelectorAll('.cm-label-country')).map(node => node.textContent)"


def test_events_placed_only_at_a_country_are_named_as_a_country_not_a_town(chromium, tmp_path: Path) -> None:
    # Reports that name only the country: their pale marker at its middle says which country,
    # in a style a reader cannot take for a town's; the towns keep the town style.
    country = _at("Yemen", 69543, "PCLI", 2, lat=15.6, lon=47.6)
    town = _at("Marib", 2, "PPLA", 3, lat=15.46, lon=45.32)
    page_path = tmp_path / "slide.html"
    m = slide_map(country + town, width=900, height=600, bounds=(43.0, 13.0, 49.0, 17.5))
    page_path.write_text(offline_html(m), encoding="utf-8")
    page = chromium.new_page(viewport={"width": 900, "height": 600})
    try:
        page.goto(page_path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
        every = page.evaluate(LABEL_TEXTS_JS)
        countries = page.evaluate(COUNTRY_LABELS_JS)
    finally:
        page.close()
    assert countries == ["Yemen"]
    assert sorted(every) == ["Marib", "Yemen"]
