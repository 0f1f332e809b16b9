"""Take the README's picture of the map page: ``docs/app.png``.

Starts ``streamlit run app.py`` on a fresh temporary store (so the page loads the
demo corpus through the real pipeline on its first start), opens it in Debian's
chromium with every request outside localhost aborted, and saves the window: the first
screen as a new user sees it. ``--click`` first clicks the biggest frontline marker drawn
on its own (the article below shows the quote highlighted); ``--sources`` zooms to the
event told by the most outlets and opens its popup (``docs/sources.png``). ``--db`` opens
the page on a store of its own instead (a big one, filled by ``bench/bench_app.py``), and
``--steps`` steps the time control that many times before the picture.

    python3 scripts/app_screenshot.py [--out docs/app.png] [--width 1400 --height 900] [--click | --sources]
        [--also 1000x700 --also 1920x1080 ...] [--db STORE] [--steps N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# The same browser and flags as the briefing PNG.
from geo.cli.app import free_port, streamlit_command, wait_until_serving  # noqa: E402
from geo.map.briefing import CHROMIUM_ARGS, DEFAULT_BROWSER  # noqa: E402

#: The page, and the detailed basemap's tiles, which the page's own loopback server sends.
LOCAL_PREFIXES = ("http://localhost:", "ws://localhost:", "http://127.0.0.1:", "data:", "blob:", "about:")
#: The demo corpus goes through the language model on first start.
FIRST_PAGE_S = 600
#: The biggest frontline marker (any marker when there is none): a popup worth showing.
BIGGEST_MARKER_JS = """() => {
  // A marker drawn on its own: one inside a cluster is not clickable (density.js marks it).
  // Only markers in the first view: a far event (talks in Europe) is drawn but out of sight.
  const size = window.map.getSize();
  const inView = l => {
    const p = window.map.latLngToContainerPoint(l.getLatLng());
    return p.x > 0 && p.y > 0 && p.x < size.x && p.y < size.y;
  };
  const all = Object.values(window.map._layers).filter(
    l => l instanceof L.CircleMarker && l.options.shape && !l._clustered && inView(l));
  const frontline = all.filter(l => l.options.shape === "triangle");
  const markers = frontline.length ? frontline : all;
  if (!markers.length) { return null; }
  const m = markers.reduce((a, b) => (b._radius > a._radius ? b : a));
  const p = window.map.latLngToContainerPoint(m.getLatLng()).add(L.point(m.options.shift || [0, 0]));
  const box = document.getElementById("map_div").getBoundingClientRect();
  return [box.left + p.x, box.top + p.y];
}"""


#: The marker of the event told by the most sources (its popup says "N sources"): zoomed to, popup opened.
MOST_SOURCES_JS = """() => {
  const count = l => { const m = /([0-9,]+) sources/.exec(l.getPopup() ? String(l.getPopup().getContent()) : "");
                       return m ? Number(m[1].replace(/,/g, "")) : 0; };
  const all = Object.values(window.map._layers).filter(l => l instanceof L.CircleMarker && l.options.shape);
  const best = all.reduce((a, b) => (count(b) > count(a) ? b : a), all[0]);
  if (!best || !count(best)) { return 0; }
  window.map.setView(best.getLatLng(), 9, {animate: false});
  best.openPopup();
  // The popup lists the place's events newest first: bring the merged one's line into view.
  const lines = [...best.getPopup().getElement().querySelectorAll("*")];
  const hit = lines.find(e => e.children.length === 0 && /[0-9] sources/.test(e.textContent));
  if (hit) { hit.scrollIntoView({block: "nearest"}); }
  return count(best);
}"""


def map_frame(page, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "streamlit_folium" in frame.url:
                try:
                    if frame.evaluate(BIGGEST_MARKER_JS):
                        return frame
                except Exception:  # noqa: BLE001 - still loading
                    pass
        page.wait_for_timeout(1000)
    raise SystemExit("the map drew no markers in time")


def shoot(url: str, out: Path, width: int, height: int, mode: str = "", steps: int = 0) -> list[str]:
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(DEFAULT_BROWSER), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": width, "height": height})

        def route(route):
            if route.request.url.startswith(LOCAL_PREFIXES):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.goto(url)
        frame = map_frame(page, FIRST_PAGE_S)
        page.wait_for_timeout(2000)  # the clusters settle after the first draw
        if mode == "click":
            x, y = frame.evaluate(BIGGEST_MARKER_JS)
            box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
            page.mouse.click(box["x"] + x, box["y"] + y)
            page.locator("mark").first.wait_for(timeout=60_000)
        elif mode == "sources" and not frame.evaluate(MOST_SOURCES_JS):
            raise SystemExit("no event on the map is told by several sources")
        # The first start's toast ("Demo corpus loaded") goes after a few seconds: the picture
        # shows the page as it then stands.
        page.get_by_test_id("stToast").first.wait_for(state="hidden", timeout=30_000)
        for _ in range(steps):
            frame.locator(".cm-step").click()
            page.wait_for_timeout(500)
        page.wait_for_timeout(2500)  # the basemap's tiles, the popup and the table settle
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    return blocked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "app.png")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--steps", type=int, default=0, help="playback steps taken before the picture")
    parser.add_argument("--db", type=Path, help="open the page on this event store instead of a fresh one")
    parser.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="WxH",
        help="another window size, shot by the same server after the first (OUT-W.png)",
    )
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--click", action="store_const", const="click", dest="mode", default="")
    modes.add_argument("--sources", action="store_const", const="sources", dest="mode")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="conflictmap-shot-") as folder:
        port = free_port()
        env = {**os.environ, "CONFLICTMAP_DB": str(args.db or Path(folder) / "events.sqlite")}
        env.pop("CONFLICTMAP_PIPELINE", None)
        command = [*streamlit_command(REPO / "app.py", port=port, address=None), "--server.fileWatcherType=none"]
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://localhost:{port}"
            problem = wait_until_serving(url, process, 90)
            if problem is not None:
                raise SystemExit(problem)
            blocked = shoot(url, args.out, args.width, args.height, args.mode, args.steps)
            for size in args.also:
                width, height = (int(n) for n in size.lower().split("x"))
                out = args.out.with_name(f"{args.out.stem}-{width}{args.out.suffix}")
                blocked += shoot(url, out, width, height, args.mode, args.steps)
                print(f"wrote {out}")
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"wrote {args.out}; requests blocked: {blocked or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
