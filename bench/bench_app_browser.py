"""The map page in the browser with many events: how soon the map is drawn, how fast a
pan or zoom redraws it, and how many basemap bytes one view costs.

Fills a temporary event store with synthetic events (100,000 by default, over Syria and
Yemen, as ``bench_app.py`` makes them), runs ``streamlit run app.py`` on it and opens the
page in Debian's chromium at 1400 x 900, every request to another host than localhost
refused (the basemap's tiles too, unless ``--tiles``): by default chromium sends them to a
proxy that does not exist, so the page loads as in a user's browser; ``--route`` refuses
them through Playwright's request interception instead, as the browser tests do, which
makes every request of the page wait for this script to let it through and turns off the
browser's cache (the page asks for some 150 script files). Prints:

- page load to markers drawn: from the page's navigation start to the moment the map's
  script has drawn its markers and two animation frames have passed (cold: the server's
  first page in a new browser; warm: a reload, Streamlit's scripts from the browser's cache
  unless ``--route``), and the part of it spent in the map's own frame;
- pan and zoom redraws: ``performance.now()`` around ``map.panBy`` / ``map.setZoom``
  (without animation) up to the ``moveend`` and the next animation frame, when the
  canvas has redrawn the markers; median and slowest of each;
- playback steps: ``performance.now()`` around a click on the time control's step button up
  to the next animation frame, when the markers and the feed beside the map have redrawn;
- the basemap's bytes for one view: files whose address names tiles or a basemap,
  fetched from the page's own server, and the offline basemap shipped inside the map's page.

    python3 bench/bench_app_browser.py [--events 100000] [--keep PATH] [--moves 12] [--no-warm-up] [--route]

The server is started as ``conflictmap app`` starts it, which prepares the page's first view
in the background as the server starts (``geo.web.warmup``); ``--no-warm-up`` runs a plain
``streamlit run app.py`` instead, to compare.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_app import fill_store  # noqa: E402
from bench_play import CHROMIUM, CHROMIUM_FLAGS, start_server  # noqa: E402

from geo.store.store import EventStore  # noqa: E402

LOCAL_PREFIXES = ("http://localhost:", "ws://localhost:", "data:", "blob:", "about:")
#: Every request to another host than ``localhost`` goes to this proxy, where nothing listens
#: (the discard port), and fails: the same requests as ``LOCAL_PREFIXES`` lets through.
#: ``<-loopback>`` takes the other loopback addresses off the list chromium never proxies, so
#: the basemap's tile server (127.0.0.1) is refused too, as the browser tests refuse it,
#: unless ``--tiles``.
NO_NETWORK_FLAGS = ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>;localhost"]
TILES_FLAGS = ["--proxy-server=http://127.0.0.1:9"]
PAGE_READY_S = 600
#: Files whose address says they are part of the basemap (tiles, vector or raster, or basemap data).
BASEMAP_URL = re.compile(r"tile|basemap|\.pbf\b|\.mvt\b", re.IGNORECASE)
#: Streamlit's own bundles (one is named after a "baseMap" helper) are not basemap files.
STREAMLIT_BUNDLE = re.compile(r"/static/(js|css|media)/")
#: In every frame, before its scripts: note when the map's script declares itself drawn.
READY_PROBE_JS = """
(() => {
  let ready = false;
  Object.defineProperty(window, "conflictmapReady", {
    configurable: true,
    get() { return ready; },
    set(value) { ready = value; if (value && !window.__cmReadyAt) { window.__cmReadyAt = Date.now(); } },
  });
  window.__cmFrameStart = Date.now();
})();
"""
#: Moves the map ``moves`` times by ``kind`` and times each redraw: the call, the
#: 'moveend', and the animation frame after it (the canvas redraws in the one before).
REDRAW_JS = """async ([kind, moves]) => {
  const map = window.map, times = [];
  const once = (work) => new Promise((done) => {
    const start = performance.now();
    map.once("moveend", () => requestAnimationFrame(() => done(performance.now() - start)));
    work();
  });
  for (let i = 0; i < moves; i++) {
    if (kind === "pan") {
      const dx = (i % 2 ? -1 : 1) * 240, dy = (i % 4 < 2 ? 1 : -1) * 120;
      times.push(await once(() => map.panBy([dx, dy], { animate: false })));
    } else {
      const z = map.getZoom() + (i % 2 ? -1 : 1);
      times.push(await once(() => map.setZoom(z, { animate: false })));
    }
  }
  return times;
}"""
#: Steps the time control ``steps`` times and times each step: the click, the markers (and
#: anything listening to the step in the same page) redrawn, and the animation frame after.
STEP_JS = """async (steps) => {
  const button = document.querySelector(".cm-step"), times = [];
  for (let i = 0; i < steps; i++) {
    const start = performance.now();
    button.click();
    times.push(await new Promise((done) => requestAnimationFrame(() => done(performance.now() - start))));
  }
  return times;
}"""


def _map_frame(page):
    deadline = time.monotonic() + PAGE_READY_S
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.evaluate("() => window.__cmReadyAt || 0"):
                        return frame
                except Exception:  # noqa: BLE001 - the frame is loading
                    pass
        page.wait_for_timeout(100)
    raise SystemExit("the map was not drawn in time")


def load(page, url: str) -> dict:
    """Opens ``url`` and waits for the markers; the times of the load, in ms."""
    page.goto(url)
    frame = _map_frame(page)
    origin = page.evaluate("() => performance.timeOrigin")
    ready, frame_start = frame.evaluate("() => [window.__cmReadyAt, window.__cmFrameStart]")
    stats = frame.evaluate("() => window.conflictmapStats || {}")
    return {
        "total_ms": ready - origin,
        "in_frame_ms": ready - frame_start,
        "markers": stats.get("drawn", 0),
        "events": stats.get("events", 0),
        "frame": frame,
    }


def measure(url: str, moves: int, *, route: bool = False, tiles: bool = False) -> dict:
    from playwright.sync_api import sync_playwright

    # Per load (cold, then warm): what came over HTTP (address, body bytes; nothing for a
    # response the browser had cached) and the bytes the page's websocket received.
    served: list[list[tuple[str, int]]] = [[], []]
    socket_bytes = [0, 0]
    with sync_playwright() as playwright:
        flags = CHROMIUM_FLAGS if route else [*CHROMIUM_FLAGS, *(TILES_FLAGS if tiles else NO_NETWORK_FLAGS)]
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.add_init_script(READY_PROBE_JS)
        page = context.new_page()
        if route:
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL_PREFIXES) else r.abort())

        current = [0]

        def note(response) -> None:
            try:
                # Bytes that came over the connection: none for a response from the browser's cache.
                size = response.request.sizes()["responseBodySize"] if not route else len(response.body())
            except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
                return
            served[current[0]].append((response.url, size))

        def socket(ws) -> None:
            load_at = current[0]

            def received(payload) -> None:
                socket_bytes[load_at] += len(payload)

            ws.on("framereceived", received)

        page.on("response", note)
        page.on("websocket", socket)
        cold = load(page, url)
        current[0] = 1
        warm = load(page, url)
        frame = warm["frame"]
        frame.evaluate("() => { window.map.invalidateSize(); }")
        pans = frame.evaluate(REDRAW_JS, ["pan", moves])
        zooms = frame.evaluate(REDRAW_JS, ["zoom", moves])
        playback_steps = frame.evaluate(STEP_JS, moves)
        embedded = frame.evaluate(
            """() => Array.from(document.scripts).map(s => s.textContent)
                 .filter(t => t.includes("conflictmap.draw(")).join("").length"""
        )
        browser.close()
    # One view's basemap files, as a browser that has none of them fetches them: the cold load's.
    basemap = [(u, n) for u, n in served[0] if BASEMAP_URL.search(u) and not STREAMLIT_BUNDLE.search(u)]
    return {
        "cold": cold,
        "warm": warm,
        "pans": pans,
        "zooms": zooms,
        "steps": playback_steps,
        "basemap_files": basemap,
        "served_bytes": [sum(n for _, n in load) for load in served],
        "socket_bytes": socket_bytes,
        "map_script_chars": embedded,
    }


def offline_basemap_bytes() -> int:
    """The offline basemap the map's page carries inside it (GeoJSON), as the page sends it."""
    from geo.map.mapview import basemap_json

    return len(basemap_json().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="fill this store file and keep it (reused when it exists)")
    parser.add_argument("--moves", type=int, default=12, help="pans and zooms timed, each")
    parser.add_argument(
        "--no-warm-up", action="store_true", help="a plain streamlit run: no first view prepared at server start"
    )
    parser.add_argument(
        "--route", action="store_true", help="refuse outside requests by Playwright's interception (no browser cache)"
    )
    parser.add_argument(
        "--tiles", action="store_true", help="let the basemap's tiles load (the map is drawn once they have)"
    )
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"this benchmark drives Debian's chromium, not found at {CHROMIUM}")
    with tempfile.TemporaryDirectory(prefix="conflictmap-bench-browser-") as folder:
        db = args.keep or Path(folder) / "events.sqlite"
        if not db.exists():
            started = time.perf_counter()
            fill_store(db, args.events).close()
            print(f"filled a store with {args.events:,} events in {time.perf_counter() - started:.0f} s")
        with EventStore.open(db, readonly=True) as store:
            stored = store.count()
        process, url = start_server(db, Path(folder) / "server.log", warm_up=not args.no_warm_up)
        try:
            found = measure(url, args.moves, route=args.route, tiles=args.tiles and not args.route)
        finally:
            process.terminate()
            process.wait(timeout=30)
    launcher = "streamlit run" if args.no_warm_up else "streamlit run with the first view warmed up at start"
    blocking = "Playwright's interception (no cache)" if args.route else "a proxy that does not exist"
    blocking += "; basemap tiles let through" if args.tiles and not args.route else "; basemap tiles refused"
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {stored:,} events stored; {launcher}; "
        f"outside requests refused by {blocking}"
    )
    for name in ("cold", "warm"):
        run = found[name]
        print(
            f"page load to markers drawn ({name}): {run['total_ms'] / 1000:.2f} s "
            f"({(run['total_ms'] - run['in_frame_ms']) / 1000:.2f} s until the map's frame opens: Streamlit's "
            f"page and the server's run; {run['in_frame_ms'] / 1000:.2f} s drawing inside it); "
            f"{run['markers']:,} markers for {run['events']:,} events (target <= 3 s)"
        )
    for name in ("pans", "zooms", "steps"):
        times = found[name]
        print(
            f"{name[:-1]} redraw, {len(times)} times: median {statistics.median(times):.1f} ms, "
            f"slowest {max(times):.1f} ms (target <= 200 ms)"
        )
    files = found["basemap_files"]
    print(
        f"basemap for one view: {len(files)} file(s) served, {sum(n for _, n in files) / 1e6:.3f} MB; "
        f"offline basemap inside the map's page {offline_basemap_bytes() / 1e6:.3f} MB (target <= 1 MB)"
    )
    for address, size in files[:5]:
        print(f"  {size:>10,} B  {address[:120]}")
    for index, name in enumerate(("cold", "warm")):
        print(
            f"one {name} page load: {found['served_bytes'][index] / 1e6:.2f} MB over HTTP, "
            f"{found['socket_bytes'][index] / 1e6:.2f} MB over the page's websocket"
        )
    print(f"the map's script: {found['map_script_chars'] / 1e6:.2f} M characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
