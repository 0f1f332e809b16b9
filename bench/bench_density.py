"""How fast the map draws and re-clusters with many events, in chromium.

Builds the standalone map of synthetic events (100,000 by default, spread over
Syria and Yemen in 2016 as ``bench_app.py`` makes them), opens it in Debian's
chromium with every outside request aborted, and prints:

- the page's size and the seconds from opening it to the map drawn;
- for each zoom step: the milliseconds the clusters and hexagons took to be worked
  out again, and from the zoom to the next frame painted;
- the same for a pan and for a new time window (the time control's slider).

    python3 bench/bench_density.py [--events 100000] [--plain] [--screenshot docs/density.png --zoom 7]

``--plain`` times the same page with clusters and hexagons switched off, for
comparison. With ``--screenshot``, a picture is saved too: the first view (clusters over the
density hexagons), or Syria at ``--zoom``, with ``--no-markers`` the hexagons alone.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import synthetic_batches  # noqa: E402

from geo.map.briefing import CHROMIUM_ARGS, find_browser  # noqa: E402
from geo.map.mapview import build_map  # noqa: E402
from geo.map.offline import offline_html  # noqa: E402
from geo.map.pagewait import wait_in_page

MAP_JS = "window[Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))]"

#: Zoom to ``zoom`` around Syria, wait for the map to settle and paint; the milliseconds taken.
ZOOM_JS = """async ([zoom, centre]) => {
  const map = MAP;
  const started = performance.now();
  await new Promise(done => { map.once("moveend", done); map.setView(centre, zoom, {animate: false}); });
  const settled = performance.now();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const s = window.conflictmapStats;
  return {zoom: zoom, layout: s.density.layoutMs, settled: settled - started, painted: performance.now() - started,
          clusters: s.density.clusters, single: s.single, hexagons: s.density.hexagons};
}""".replace("MAP", MAP_JS)

PAN_JS = """async () => {
  const map = MAP;
  const started = performance.now();
  await new Promise(done => { map.once("moveend", done); map.panBy([300, 120], {animate: false}); });
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - started;
}""".replace("MAP", MAP_JS)

WINDOW_JS = """async (day) => {
  const started = performance.now();
  const slider = document.querySelector(".cm-slider");
  slider.value = String(day); slider.dispatchEvent(new Event("input"));
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return performance.now() - started;
}"""

SYRIA_CENTRE = [35.0, 38.3]
ZOOMS = (5, 6, 7, 8, 9, 10, 11, 8, 6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--screenshot", type=Path, help="save the first view as this PNG")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--zoom", type=float, help="the picture shows Syria at this zoom (else the first view)")
    parser.add_argument("--no-markers", action="store_true", help="the picture shows the hexagons alone")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="time the map without clusters and hexagons (every marker alone), to compare",
    )
    args = parser.parse_args()
    executable = find_browser()
    if executable is None:
        sys.exit("no chromium on this machine")

    events = [e for batch in synthetic_batches(args.events) for _, evs in batch for e in evs]
    started = time.perf_counter()
    page_html = offline_html(build_map(events, timeline=True, title="100,000 synthetic events, Syria and Yemen, 2016"))
    print(
        f"events: {len(events):,}; page built in {time.perf_counter() - started:.2f} s, {len(page_html) / 1e6:.2f} MB"
    )

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "map.html"
        path.write_text(page_html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(executable), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        outside: list[str] = []
        page.route(
            "**/*",
            lambda r: r.continue_() if r.request.url == path.as_uri() else (outside.append(r.request.url), r.abort()),
        )
        opened = time.perf_counter()
        page.goto(path.as_uri())
        wait_in_page(page, "window.conflictmapReady === true", timeout_ms=120_000)
        drawn_s = time.perf_counter() - opened
        stats = page.evaluate("window.conflictmapStats")
        print(
            f"map drawn {drawn_s:.2f} s after opening the page: {stats['markers']:,} markers, "
            f"{stats['density']['clusters']} clusters, {stats['density']['hexagons']} hexagons, "
            f"first layout {stats['density']['layoutMs']:.1f} ms"
        )
        if args.screenshot:
            if args.zoom:
                page.evaluate(ZOOM_JS, [args.zoom, SYRIA_CENTRE])
            if args.no_markers:
                page.get_by_role("checkbox", name="Markers", exact=True).click()
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            page.screenshot(path=str(args.screenshot))
            print(f"saved {args.screenshot}")

        if args.plain:
            for name in ("Group nearby markers", "Density (hexagons)"):
                box = page.get_by_role("checkbox", name=name, exact=True)
                if box.is_checked():
                    box.click()
            print("without clusters and hexagons:")
        rows = [page.evaluate(ZOOM_JS, [zoom, SYRIA_CENTRE]) for zoom in ZOOMS]
        print("zoom  re-cluster ms  painted ms  clusters  single markers  hexagons")
        for row in rows:
            print(
                f"{row['zoom']:>4}  {row['layout']:>13.1f}  {row['painted']:>10.1f}  {row['clusters']:>8}  "
                f"{row['single']:>14}  {row['hexagons']:>8}"
            )
        layouts = [row["layout"] for row in rows]
        painted = [row["painted"] for row in rows]
        print(
            f"re-cluster on zoom: median {statistics.median(layouts):.1f} ms, max {max(layouts):.1f} ms; "
            f"zoom to painted frame: median {statistics.median(painted):.1f} ms, max {max(painted):.1f} ms"
        )
        page.evaluate(ZOOM_JS, [6, SYRIA_CENTRE])
        pans = [page.evaluate(PAN_JS) for _ in range(5)]
        print(f"pan to painted frame: median {statistics.median(pans):.1f} ms, max {max(pans):.1f} ms")
        span = int(page.evaluate("document.querySelector('.cm-slider').max"))
        windows = [page.evaluate(WINDOW_JS, day) for day in range(30, span, max(1, span // 8))]
        print(
            f"new time window to painted frame: median {statistics.median(windows):.1f} ms, max {max(windows):.1f} ms"
        )
        print(f"requests outside the page: {len(outside)}")
        browser.close()


if __name__ == "__main__":
    main()
