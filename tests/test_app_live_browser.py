"""The page keeps itself current: events another process adds to the store show on an
open page without a reload (chromium, offline, the suite's stand-in pipeline)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline
from test_app_browser import (
    COUNT_MARKERS_JS,
    MARKER_POINTS_JS,
    in_map_frame,
    launched_chromium,
    marker_count_becomes,
    open_page,
    running_server,
)

from geo.records import Article
from geo.store.ingest import ingest_articles
from geo.store.store import EventStore

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MARIUPOL = (47.10, 37.55)


@pytest.fixture(scope="module")
def browser():
    with launched_chromium() as chromium:
        yield chromium


def test_events_added_from_outside_show_without_a_reload(browser, tmp_path: Path) -> None:
    with running_server(tmp_path) as (url, db):
        context, page = open_page(browser, url)
        try:
            before = in_map_frame(page, COUNT_MARKERS_JS)
            navigations: list[str] = []
            page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
            # another process writes: a watch or an ingest, not this page
            article = Article(
                "Artillery shelled Mariupol on Tuesday. Shelling of Mariupol went on into the night.",
                title="Shelling in Mariupol",
                published=date(2016, 4, 12),  # inside the span the page shows
                source="Coast Wire",
            )
            with EventStore.open(db) as store:
                assert ingest_articles([article], store, FakePipeline()).new == 1
            marker_count_becomes(page, lambda n: n > before, "after another process added an article")
            points = in_map_frame(page, MARKER_POINTS_JS)
            assert any(abs(lat - MARIUPOL[0]) < 0.01 and abs(lon - MARIUPOL[1]) < 0.01 for lat, lon in points)
            assert navigations == []  # no reload
            assert page.blocked == []
        finally:
            context.close()
