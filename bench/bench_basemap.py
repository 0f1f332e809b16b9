"""The detailed offline basemap: how long its build takes, how fast tiles are drawn,
and how many bytes one view of the map loads from it, measured in chromium.

Builds the basemap file when it is missing or stale (``$CONFLICTMAP_BASEMAP``, else the
user cache folder), starts the loopback tile server, then opens a standalone map at
1400 x 900 in Debian's chromium for each view below, with every request that leaves
localhost aborted, and counts the tiles and bytes the view loads: first with the
tiles drawn on demand (cold, after clearing the tile cache) and then from the disk
cache (warm). ``--screenshot`` also saves the province view as a picture.

    python3 bench/bench_basemap.py [--screenshot docs/basemap-province.png]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gazetteer.basemap_detail import default_cache_path, ensure_detail_cache, fingerprint, stored_fingerprint  # noqa: E402
from geo.map.mapview import build_map  # noqa: E402
from geo.map.tiles import TileServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
#: name -> (min_lon, min_lat, max_lon, max_lat) the map fits.
VIEWS: dict[str, tuple[float, float, float, float]] = {
    "world": (-170.0, -55.0, 170.0, 75.0),
    "Syria": (35.5, 32.3, 42.4, 37.4),
    "Idlib and Aleppo provinces": (35.9, 35.4, 37.9, 36.7),
    "Donetsk oblast": (36.6, 46.9, 39.0, 49.3),
}
PROVINCE_VIEW = "Idlib and Aleppo provinces"


def measure_view(browser, html_path: Path, screenshot: Path | None = None) -> tuple[int, int, float]:
    """Tiles loaded, their bytes, and seconds until the network was idle, for one page."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    sizes: dict[str, int] = {}

    def route(route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:", "http://127.0.0.1:")):
            route.continue_()
        else:
            route.abort()

    def record(response) -> None:
        if "/basemap/" in response.url and response.status == 200:
            # The server states each tile's length; reading bodies races the page's close.
            sizes[response.url] = int(response.headers.get("content-length", "0"))

    page.route("**/*", route)
    page.on("response", record)
    started = time.perf_counter()
    page.goto(html_path.as_uri())
    page.wait_for_load_state("networkidle", timeout=180_000)
    seconds = time.perf_counter() - started
    if screenshot is not None:
        page.wait_for_timeout(500)
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot))
    context.close()
    return len(sizes), sum(sizes.values()), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", type=Path, help="save the province view here")
    args = parser.parse_args()

    path = default_cache_path()
    was_current = stored_fingerprint(path) == fingerprint()
    started = time.perf_counter()
    ensure_detail_cache(path)
    print(f"basemap file: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    if was_current:
        print("build: already current")
    else:
        print(f"build: {time.perf_counter() - started:.1f} s")

    tile_cache = Path(tempfile.mkdtemp(prefix="basemap-tiles-"))
    # Cold: every tile drawn on demand, then kept in this fresh folder (warm).
    server = TileServer(path, cache_dir=tile_cache).start()
    if not server.wait_ready():
        sys.exit("bench_basemap: the basemap could not be built")

    from playwright.sync_api import sync_playwright

    pages = Path(tempfile.mkdtemp(prefix="basemap-pages-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            print(f"{'view':32} {'tiles':>5} {'KB':>7} {'cold s':>7} {'warm s':>7}")
            for name, bounds in VIEWS.items():
                html_path = pages / f"{name.replace(' ', '_')}.html"
                build_map([], bounds=bounds, basemap_tiles=server.url_template).save(str(html_path))
                count, size, cold = measure_view(browser, html_path)
                shot = args.screenshot if name == PROVINCE_VIEW else None
                _count, _size, warm = measure_view(browser, html_path, screenshot=shot)
                print(f"{name:32} {count:5d} {size / 1024:7.1f} {cold:7.2f} {warm:7.2f}")
            browser.close()
    finally:
        server.close()
        shutil.rmtree(pages, ignore_errors=True)
        shutil.rmtree(tile_cache, ignore_errors=True)

    if args.screenshot:
        print(f"screenshot: {args.screenshot}")


if __name__ == "__main__":
    main()
