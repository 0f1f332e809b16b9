"""How often the map is drawn while the page plays through time.

Fills a temporary event store with synthetic events (2,000 by default, over 240 days
in Syria and Yemen, as ``bench_app.py`` makes them), runs ``streamlit run app.py`` on
it, opens the page in Debian's chromium, presses the map's Play (7 days a step, as the
page starts it) and looks at the map every 0.3 s for 40 s. A frame counts as drawn
when the map is there and shows exactly the markers of the dates its slider shows.
Prints the frames drawn, the fraction, and how many distinct windows were seen.

    python3 bench/bench_play.py [--events 2000] [--seconds 40] [--every 0.3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench_app import fill_store  # noqa: E402

from geo.cli.app import SERVE_MODULE, free_port, streamlit_command, wait_until_serving  # noqa: E402
from geo.map.mapview import MAX_MARKERS, marker_groups  # noqa: E402
from geo.store.store import EventStore  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
#: The page's cluster_over: above it, markers merge on a grid.
CLUSTER_OVER = 300
SERVER_START_S = 120
PAGE_READY_S = 300


def start_server(db: Path, log: Path, *, warm_up: bool = True) -> tuple[subprocess.Popen, str]:
    """The page served as ``conflictmap app`` serves it (its first view prepared as the server
    starts), or, without ``warm_up``, by a plain ``streamlit run``."""
    port = free_port()
    env = {**os.environ, "CONFLICTMAP_DB": str(db), "PYTHONPATH": str(REPO)}
    command = [*streamlit_command(REPO / "app.py", port=port, address=None), "--server.fileWatcherType=none"]
    if not warm_up:
        command[command.index(SERVE_MODULE)] = "streamlit"
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://localhost:{port}"
    problem = wait_until_serving(url, process, SERVER_START_S)
    if problem is not None:
        process.terminate()
        raise SystemExit(f"{problem}: {log.read_text()[-2000:]}")
    return process, url


def markers_by_window(db: Path) -> Callable[[list], int]:
    """The markers the map should draw for a window of dates (start None: from the first day)."""
    with EventStore.open(db, readonly=True) as store:
        events = store.coded_events()  # as the page reads them
    groups = marker_groups(events, max_markers=MAX_MARKERS if len(events) > CLUSTER_OVER else None)
    days = [{e.event_date for e in g.events if e.event_date} for g in groups]

    def count(window: list) -> int:
        start, end = (date.fromisoformat(d) if d else date.min for d in window)
        return sum(any(start <= d <= end for d in group_days) for group_days in days)

    return count


def map_stats(page) -> dict | None:
    for frame in page.frames:
        if "streamlit_folium" in frame.url:
            try:
                return frame.evaluate("() => window.conflictmapStats || null")
            except Exception:  # noqa: BLE001 - the frame is being replaced: no map in this sample
                return None
    return None


def watch_play(url: str, expected: Callable[[list], int], seconds: float, every: float) -> tuple[int, int, int]:
    """(frames sampled, frames drawn, distinct windows seen) while the map plays."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.goto(url)
        deadline = time.monotonic() + PAGE_READY_S
        while not (map_stats(page) or {}).get("drawn"):
            if time.monotonic() > deadline:
                raise SystemExit("the map drew no markers in time")
            page.wait_for_timeout(500)
        frame = next(f for f in page.frames if "streamlit_folium" in f.url)
        frame.click(".cm-play")
        frames = drawn = 0
        windows: set[tuple] = set()
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            frames += 1
            stats = map_stats(page)
            if stats and stats["window"] and 0 < stats["drawn"] == expected(stats["window"]):
                drawn += 1
                windows.add(tuple(stats["window"]))
            page.wait_for_timeout(every * 1000)
        browser.close()
    return frames, drawn, len(windows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--every", type=float, default=0.3)
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"this benchmark drives Debian's chromium, not found at {CHROMIUM}")
    with tempfile.TemporaryDirectory(prefix="conflictmap-bench-play-") as folder:
        db = Path(folder) / "events.sqlite"
        fill_store(db, args.events).close()
        process, url = start_server(db, Path(folder) / "server.log")
        try:
            frames, drawn, windows = watch_play(url, markers_by_window(db), args.seconds, args.every)
        finally:
            process.terminate()
            process.wait(timeout=30)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {args.events:,} events")
    print(
        f"frames with the map drawn while playing (every {args.every} s for {args.seconds:.0f} s): "
        f"{drawn}/{frames} = {drawn / max(frames, 1):.3f}, over {windows} distinct windows (target 1.000)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
