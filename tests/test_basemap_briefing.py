"""The briefing PNG, drawn by chromium, on the detailed offline basemap when it is built.

In a module of its own: the PNG renderer starts Playwright itself, which cannot run
while another module's browser fixture holds it open.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from palmyra import palmyra_event
from test_basemap_tiles import TOWNS, tiny_layers

from gazetteer.basemap_detail import build_detail_cache, fingerprint
from geo.map.tiles import STYLE, lat_to_px, lon_to_px

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"


def picture_point(view, lon: float, lat: float, *, width: int, height: int) -> tuple[float, float]:
    """Where ``lon, lat`` lies in a slide PNG of ``width`` x ``height`` whose map shows ``view``
    (west, south, east, north) in the frame the slide page gives it (20 px margins, a 72 px header)."""
    west, south, east, north = view
    z = 0
    left, right = lon_to_px(west, z), lon_to_px(east, z)
    top, bottom = lat_to_px(north, z), lat_to_px(south, z)
    x = 20 + (lon_to_px(lon, z) - left) / (right - left) * (width - 40)
    y = 72 + (lat_to_px(lat, z) - top) / (bottom - top) * (height - 92)
    return x, y


def test_the_briefing_png_draws_on_the_detailed_basemap(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    from geo.map import tiles
    from geo.map.briefing import render_png

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed")
    basemap = build_detail_cache(tmp_path / "basemap.sqlite", tiny_layers(), TOWNS, stamp=fingerprint())
    monkeypatch.setenv("CONFLICTMAP_BASEMAP", str(basemap))
    monkeypatch.setattr(tiles, "_server", None)
    try:
        result = render_png(
            [palmyra_event(lat=5.0, lon=20.6)],
            tmp_path / "slide.png",
            width=900,
            height=600,
            bbox=(20.0, 4.4, 21.3, 5.6),
            browser=Path(CHROMIUM),
        )
        assert result.renderer == "chromium"
        with Image.open(result.path) as image:
            pixels = np.asarray(image.convert("RGB")).astype(int)
        river = np.abs(pixels - np.array([int(STYLE.river[i : i + 2], 16) for i in (1, 3, 5)])).sum(axis=2) <= 40
        assert river.sum() > 200, "the picture has no river from the detailed basemap"
        # The town names, which the picture's page fetches from the same loopback server.
        x, y = picture_point(result.view, TOWNS[0].lon, TOWNS[0].lat, width=900, height=600)
        beside = pixels[int(y) - 7 : int(y) + 7, int(x) - 100 : int(x) + 100].sum(axis=2) < 3 * 90
        assert beside.sum() > 30, f"no name beside {TOWNS[0].name}"
    finally:
        if tiles._server is not None:
            tiles._server.close()
