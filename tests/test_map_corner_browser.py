"""The page's map in chromium: the time control and the legend never stand over an event's
marker, even one whose place lies past the frame the map opens on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from browser_pages import standalone_chromium
from palmyra import events_at_places

from geo.map.mapview import build_map
from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The markers drawn in view that the legend or a control of the bottom-left corner covers, by
#: their place; the map's zoom, and the corner the legend stands in.
COVERED_JS = """() => {
  const map = Object.values(window).filter(v => v instanceof L.Map)
    .reduce((a, b) => (b.getSize().x > a.getSize().x ? b : a));
  const frame = map.getContainer().getBoundingClientRect(), size = map.getSize();
  const controls = new Set(map.getContainer().querySelectorAll('.leaflet-bottom.leaflet-left .leaflet-control, .cm-legend'));
  const corner = Array.from(controls)
    .map(c => c.getBoundingClientRect()).filter(r => r.width && r.height)
    .map(r => [r.left - frame.left, r.top - frame.top, r.right - frame.left, r.bottom - frame.top]);
  const covered = [];
  let drawn = 0;
  map.eachLayer(layer => {
    if (!(layer instanceof L.CircleMarker) || !layer.options.shape) { return; }
    const shift = layer.options.shift || [0, 0], p = map.latLngToContainerPoint(layer.getLatLng());
    const x = p.x + shift[0], y = p.y + shift[1], r = layer._radius;
    if (x + r < 0 || y + r < 0 || x - r > size.x || y - r > size.y) { return; }
    drawn += 1;
    if (corner.some(c => x + r > c[0] && x - r < c[2] && y + r > c[1] && y - r < c[3])) {
      covered.push(layer.getLatLng().lat.toFixed(2) + "," + layer.getLatLng().lng.toFixed(2));
    }
  });
  const legend = document.querySelector('.cm-legend').parentNode.className.includes('leaflet-right') ? 'right' : 'left';
  return {corner: corner.length, drawn: drawn, covered: covered, zoom: map.getZoom(), legend: legend};
}"""


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    with standalone_chromium() as browser:
        yield browser


def _dated(events: list, first: date) -> list:
    return [replace(e, event_date=first + timedelta(days=3 * i)) for i, e in enumerate(events)]


def _drawn(chromium, folder: Path, events: list, bounds, width: int, height: int) -> dict:
    page_path = folder / "map.html"
    page_path.write_text(offline_html(build_map(events, bounds=bounds, timeline=True)), encoding="utf-8")
    page = chromium.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(page_path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
        return page.evaluate(COVERED_JS)
    finally:
        page.close()


def test_a_town_just_past_the_frame_is_taken_in_clear_of_the_corner(chromium, tmp_path: Path) -> None:
    # A square frame of towns on a wider map: the view shows land west of the frame, where
    # the corner's controls stand, and two towns just past the frame there.
    core = [(33.0 + 0.8 * row, 38.0 + 0.8 * col) for row in range(5) for col in range(5)]
    past_the_frame = [(33.2, 36.0), (33.6, 35.5)]
    events = _dated(events_at_places("Town", core + past_the_frame, per_place=2), date(2016, 1, 1))
    seen = _drawn(chromium, tmp_path, events, (37.9, 32.9, 41.3, 36.3), 1000, 700)
    assert seen["corner"] >= 2  # the time control and the legend are there
    assert seen["drawn"] == len(core) + len(past_the_frame)
    assert seen["covered"] == [], seen


def test_the_legend_moves_off_a_town_only_a_smaller_scale_would_take_in(chromium, tmp_path: Path) -> None:
    # A wide frame of towns on a short map, and a town well south-west of it, under the legend:
    # taking it in would draw the frame's towns smaller; the legend stands aside instead.
    core = [(34.0 + 0.5 * row, 36.0 + 0.9 * col) for row in range(5) for col in range(9)]
    bounds = (35.9, 33.9, 43.3, 36.1)
    frame_only = _drawn(
        chromium, tmp_path, _dated(events_at_places("Town", core, per_place=2), date(2016, 1, 1)), bounds, 1000, 560
    )
    events = _dated(events_at_places("Town", [*core, (32.86, 35.9)], per_place=2), date(2016, 1, 1))
    seen = _drawn(chromium, tmp_path, events, bounds, 1000, 560)
    assert frame_only["legend"] == "left" and frame_only["covered"] == []
    assert seen["covered"] == [], seen
    assert seen["legend"] == "right" and seen["zoom"] == frame_only["zoom"], (seen, frame_only)


def test_the_legend_returns_to_its_corner_when_the_view_moves_off_the_town(chromium, tmp_path: Path) -> None:
    # The same wide frame and south-western town: the legend stands aside at first; once the
    # user moves the view south-east of every town, the bottom-left corner is clear again.
    core = [(34.0 + 0.5 * row, 36.0 + 0.9 * col) for row in range(5) for col in range(9)]
    events = _dated(events_at_places("Town", [*core, (32.86, 35.9)], per_place=2), date(2016, 1, 1))
    page_path = tmp_path / "map.html"
    page_path.write_text(
        offline_html(build_map(events, bounds=(35.9, 33.9, 43.3, 36.1), timeline=True)), encoding="utf-8"
    )
    page = chromium.new_page(viewport={"width": 1000, "height": 560})
    try:
        page.goto(page_path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
        before = page.evaluate(COVERED_JS)
        page.evaluate(
            """() => {
              const map = Object.values(window).filter(v => v instanceof L.Map)
                .reduce((a, b) => (b.getSize().x > a.getSize().x ? b : a));
              map.setView([32.0, 46.0], map.getZoom(), {animate: false});
            }"""
        )
        after = page.evaluate(COVERED_JS)
    finally:
        page.close()
    assert before["legend"] == "right", before
    assert after["legend"] == "left" and after["covered"] == [], after
