"""The page's map on the demo corpus in chromium (network blocked): zoomed out to the
region the Syrian events form clusters that count them, and zooming in on a cluster
splits it into single markers; the density hexagons draw when switched on."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_browser import STEP_MS, launched_chromium, map_frame, open_page

from geo.map.density import DENSITY_LAYER_NAME
from geo.map.pagewait import wait_in_page
from geo.store.store import EventStore

#: Syria, as (min_lon, min_lat, max_lon, max_lat).
SYRIA = (35.6, 32.3, 42.4, 37.4)


def in_syria(lat: float, lon: float) -> bool:
    return SYRIA[0] <= lon <= SYRIA[2] and SYRIA[1] <= lat <= SYRIA[3]


@pytest.fixture(scope="session")
def server(demo_server: tuple[str, Path]) -> tuple[str, Path]:
    """The demo's first start, shared with other modules' reading tests (conftest's
    ``demo_server``): these tests only look at the map."""
    return demo_server


@pytest.fixture(scope="module")
def browser(server):
    with launched_chromium() as chromium:
        yield chromium


@pytest.fixture
def page(browser, server):
    context, page = open_page(browser, server[0])
    yield page
    context.close()


def click_in_map(page, x: float, y: float) -> None:
    """Clicks the map's point (x, y), in the map frame's pixels, where the browser shows it."""
    iframe = page.locator('iframe[title="streamlit_folium.st_folium"]')
    iframe.scroll_into_view_if_needed()
    box = iframe.bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def syrian_events(db: Path) -> int:
    with EventStore.open(db, readonly=True) as store:
        return sum(1 for e in store.query() if in_syria(e.lat, e.lon))


@pytest.mark.browser
def test_the_demo_syrian_events_form_clusters_that_split_as_the_map_zooms_in(page, server) -> None:
    frame = map_frame(page)
    # The map opens on Syria, its towns' markers apart; zoomed out to the whole region they would heap up.
    # Clusters and counts are read in the same page task as the move: read apart, a redraw of the
    # map between the two reads (the page answering the view it was sent) could pair one view's
    # clusters with another view's counts.
    zoomed_out = frame.evaluate("""() => new Promise(done => {
      window.map.once("moveend", () => done({clusters: conflictmapDensity.clusters(), stats: window.conflictmapStats}));
      window.map.setView([34.8, 39.0], 4, {animate: false});
    })""")
    clusters = [c for c in zoomed_out["clusters"] if in_syria(c["lat"], c["lon"])]
    stats = zoomed_out["stats"]
    # Zoomed out, Syria's events are counted in clusters, not drawn as a heap of markers.
    assert clusters, stats
    assert all(c["count"] >= 2 and sum(c["byType"].values()) == c["count"] for c in clusters)
    assert sum(c["count"] for c in clusters) <= syrian_events(server[1])
    assert stats["single"] < stats["drawn"]

    biggest = max(clusters, key=lambda c: c["count"])
    click_in_map(page, biggest["x"], biggest["y"])
    wait_in_page(frame, "(zoom) => window.conflictmapStats.density.zoom > zoom", arg=stats["density"]["zoom"])
    zoomed = frame.evaluate("window.conflictmapStats")
    assert zoomed["single"] > stats["single"]

    # At town level every marker stands alone: no cluster is left.
    frame.evaluate(
        "([lat, lon]) => { window.map.setView([lat, lon], conflictmapDensity.CLUSTER_MAX_ZOOM, {animate: false}); }",
        [biggest["lat"], biggest["lon"]],
    )
    wait_in_page(frame, "() => window.conflictmapStats.density.clusters === 0", timeout_ms=STEP_MS)
    town = frame.evaluate("window.conflictmapStats")
    assert town["single"] == town["drawn"] > 0
    assert page.blocked == []


@pytest.mark.browser
def test_the_density_hexagons_draw_on_the_demo(page, server) -> None:
    frame = map_frame(page)
    frame.locator(".leaflet-control-layers").hover()  # the layer list unfolds under the pointer
    frame.get_by_role("checkbox", name=DENSITY_LAYER_NAME).click()
    wait_in_page(frame, "() => window.conflictmapStats.density.hexagons > 0", timeout_ms=STEP_MS)
    painted = frame.evaluate(
        """() => { const c = document.querySelector('.cm-density-canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
    )
    assert painted > 500
    assert frame.locator(".cm-density-key").is_visible()
