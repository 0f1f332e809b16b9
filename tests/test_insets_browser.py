"""The briefing picture in chromium: a far theatre is drawn in an inset beside a locator,
a picture of one theatre has none, and no two place names overlap each other or the insets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_pages import standalone_chromium
from palmyra import events_at_places
from test_theatres import _front

from geo.map.mapview import slide_map
from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WIDTH, HEIGHT = 1280, 800

BOXES_JS = """() => {
  const box = n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {
    labels: Array.from(document.querySelectorAll('.cm-label-text')).map(box),
    insetLabels: Array.from(document.querySelectorAll('.cm-inset-label')).map(n => [n.textContent, ...box(n)]),
    column: Array.from(document.querySelectorAll('.cm-insets')).map(box),
    panels: Array.from(document.querySelectorAll('.cm-inset-caption')).map(n => n.textContent),
    numbers: Array.from(document.querySelectorAll('.cm-inset-number')).map(box),
    list: Array.from(document.querySelectorAll('.cm-inset-list')).map(n => n.textContent),
    subtitle: document.querySelector('.cm-title-sub').textContent,
  };
}"""


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    with standalone_chromium() as browser:
        yield browser


def drawn(chromium: Any, folder: Path, events: list) -> tuple[dict, dict]:
    """The page's figures (window.conflictmapStats) and the boxes of its names and insets."""
    page_path = folder / "slide.html"
    page_path.write_text(offline_html(slide_map(events, width=WIDTH, height=HEIGHT)), encoding="utf-8")
    page = chromium.new_page(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        page.goto(page_path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
        return page.evaluate("window.conflictmapStats"), page.evaluate(BOXES_JS)
    finally:
        page.close()


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_far_theatre_is_drawn_in_an_inset_with_its_markers(chromium, tmp_path: Path) -> None:
    front = _front(47.0, 35.0)
    south = _front(15.0, 44.0, rows=2, cols=4, name="South")
    visit = events_at_places("Capital", [(51.5, -0.1)], country="GB")
    stats, boxes = drawn(chromium, tmp_path, front + south + visit)
    insets = stats["insets"]
    assert insets["locator"] is True
    assert [i["markers"] for i in insets["insets"]] == [8]
    assert boxes["panels"][0] == "Where the map lies"
    assert boxes["panels"][1].startswith("1. ") and "8 events" in boxes["panels"][1]
    assert boxes["list"] == ["Also: Capital 0 1"]
    assert "9 beyond the main map" in boxes["subtitle"]
    # The main map shows the front, not the far theatre.
    west, south_edge, east, north = stats["view"]
    assert all(west <= e.lon <= east and south_edge <= e.lat <= north for e in front)
    assert south_edge > 30


def test_the_locator_names_the_far_places_the_list_names(chromium, tmp_path: Path) -> None:
    # Talks in a far capital are too small for an inset: the list names them, and so does the
    # locator beside their dot, or the reader cannot tell which dot is the capital.
    front = _front(47.0, 35.0)
    south = _front(15.0, 44.0, rows=2, cols=4, name="South")
    visit = events_at_places("Capital", [(51.5, -0.1)], country="GB")
    stats, boxes = drawn(chromium, tmp_path, front + south + visit)
    assert boxes["list"] == ["Also: Capital 0 1"]
    assert stats["insets"]["located"] == ["Capital 0"]
    located = [label for label in boxes["insetLabels"] if label[0] == "Capital 0"]
    assert len(located) == 1
    assert not any(_overlap(located[0][1:], other[1:]) for other in boxes["insetLabels"] if other is not located[0])
    assert not any(_overlap(located[0][1:], number) for number in boxes["numbers"])


def test_one_theatre_has_no_insets(chromium, tmp_path: Path) -> None:
    stats, boxes = drawn(chromium, tmp_path, _front(47.0, 35.0))
    assert stats["insets"] is None
    assert boxes["column"] == [] and boxes["panels"] == []


def test_no_two_names_overlap_and_none_sits_under_the_insets(chromium, tmp_path: Path) -> None:
    # A crowded front: 40 towns a few pixels apart at the picture's scale, each with a
    # different number of events, so many labels compete for the same room.
    front = [e for i, e in enumerate(_front(47.0, 35.0, rows=5, cols=8, step=0.15)) for _ in range(1 + i % 4)]
    south = _front(15.0, 44.0, rows=3, cols=4, step=0.3, name="South")  # 12 of 112 events: an inset
    _, boxes = drawn(chromium, tmp_path, front + south)
    labels, column = boxes["labels"], boxes["column"]
    assert len(labels) >= 4
    assert column
    for i, a in enumerate(labels):
        assert not _overlap(a, column[0])
        assert not any(_overlap(a, b) for b in labels[i + 1 :])
    inset = [b[1:] for b in boxes["insetLabels"]]
    assert inset
    assert not any(_overlap(a, b) for i, a in enumerate(inset) for b in inset[i + 1 :])


def test_an_insets_names_leave_the_other_places_markers_in_sight(chromium, tmp_path: Path) -> None:
    # A busy town with a quieter one just east of it, where the town's name would go: the
    # name takes the west side, and the quieter town's marker stays in sight.
    front = _front(47.0, 35.0)
    busy = events_at_places("Busytown", [(15.0, 44.0)], per_place=6, country="YE")
    east = events_at_places("Eastfield", [(15.0, 44.8)], country="YE")
    corners = events_at_places("Corner", [(13.0, 41.0), (17.0, 47.0)], country="YE")
    stats, boxes = drawn(chromium, tmp_path, front + busy + east + corners)
    (inset,) = stats["insets"]["insets"]
    names = {label[0]: label[1:] for label in boxes["insetLabels"]}
    assert "Busytown 0" in names
    points = inset["markerPoints"]
    assert len(points) == 4
    label = names["Busytown 0"]
    hidden = [p for p in points if label[0] <= p[0] <= label[2] and label[1] <= p[1] <= label[3]]
    assert hidden == []


def test_an_inset_names_each_of_its_places_that_has_room(chromium, tmp_path: Path) -> None:
    # Six posts of a far theatre, well apart in its inset: each is named, not only the busiest few.
    front = _front(47.0, 35.0)
    posts = events_at_places("Post", [(14.0 + 1.0 * row, 44.0 + 1.5 * col) for row in range(3) for col in range(2)])
    _, boxes = drawn(chromium, tmp_path, front + posts)
    named = sorted(label[0] for label in boxes["insetLabels"] if label[0].startswith("Post"))
    assert named == [f"Post {i}" for i in range(6)], boxes["insetLabels"]
