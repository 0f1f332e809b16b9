"""The page in chromium, offline, zoomed to a province: the detailed basemap's tiles
come from the app itself and show the rivers and the towns' names.

The basemap here is built from a tiny made-up province (open country with no demo
events, so no marker covers it), stamped as current so the page draws from it as is.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np
import pytest
from test_app_browser import CHROMIUM, CHROMIUM_FLAGS, map_frame, open_page, running_server
from test_basemap_tiles import TOWNS, near, tiny_layers

from gazetteer.basemap_detail import build_detail_cache, fingerprint
from geo.map.tiles import STYLE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PROVINCE_VIEW = (5.0, 20.6, 9)  # lat, lon, zoom
TILES_DRAWN_JS = """() => Array.from(document.querySelectorAll('img.leaflet-tile-loaded'))
  .filter(img => img.src.includes('/basemap/9/')).length"""
TOWNS_SHOWN_JS = "() => ((window.conflictmapStats || {}).towns || {}).shown || []"
CONTAINER_POINT_JS = """([lat, lon]) => {
  const point = window.map.latLngToContainerPoint([lat, lon]);
  const rect = window.map.getContainer().getBoundingClientRect();
  return [rect.left + point.x, rect.top + point.y];
}"""


@pytest.fixture(scope="module")
def province_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("basemap-browser")
    basemap = build_detail_cache(folder / "basemap.sqlite", tiny_layers(), TOWNS, stamp=fingerprint())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONFLICTMAP_BASEMAP", str(basemap))
        with running_server(folder) as (url, _db):
            yield url


@pytest.fixture(scope="module")
def chromium(province_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def test_a_province_zoom_shows_rivers_and_town_names_offline(chromium, province_server) -> None:
    from PIL import Image

    context, page = open_page(chromium, province_server)
    try:
        tile_answers: list[tuple[str, int]] = []
        page.on("response", lambda r: tile_answers.append((r.url, r.status)) if "/basemap/" in r.url else None)
        frame = map_frame(page)
        lat, lon, zoom = PROVINCE_VIEW
        frame.evaluate(f"() => {{ window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}); }}")
        deadline_ms = 60_000
        waited = 0
        while frame.evaluate(TILES_DRAWN_JS) < 4 and waited < deadline_ms:
            page.wait_for_timeout(250)
            waited += 250
        assert frame.evaluate(TILES_DRAWN_JS) >= 4, "the detailed basemap's tiles did not load"
        # The page draws the town names itself once their block has come from the server.
        while TOWNS[0].name not in frame.evaluate(TOWNS_SHOWN_JS) and waited < deadline_ms:
            page.wait_for_timeout(250)
            waited += 250
        page.wait_for_timeout(500)

        assert page.blocked == []
        zoomed = [(url, status) for url, status in tile_answers if "/basemap/9/" in url]
        assert zoomed and all(status == 200 for _url, status in zoomed)

        iframe = page.locator('iframe[title="streamlit_folium.st_folium"]')
        iframe.scroll_into_view_if_needed()
        shot = Image.open(io.BytesIO(iframe.screenshot()))
        pixels = np.asarray(shot.convert("RGB")).astype(int)
        river = np.abs(pixels - np.array([int(STYLE.river[i : i + 2], 16) for i in (1, 3, 5)])).sum(axis=2) <= 40
        assert river.sum() > 200, "no river drawn at province zoom"

        town = TOWNS[0]
        x, y = frame.evaluate(CONTAINER_POINT_JS, [town.lat, town.lon])
        strip = np.asarray(shot.convert("L").crop((int(x) + 6, int(y) - 7, int(x) + 90, int(y) + 7)))
        assert (strip < 90).sum() > 30, f"no label beside {town.name}"
        assert near(tuple(pixels[int(y) + 40, int(x) + 40]), STYLE.land, 30)
    finally:
        context.close()
