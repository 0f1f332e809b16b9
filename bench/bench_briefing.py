"""Briefing outputs at scale: the slide PNG and the standalone HTML of 10,000 events.

    python3 bench/bench_briefing.py [--events 10000] [--repeat 3] [--browser PATH]

Prints the time chromium takes to start, then the time to draw the PNG of
``--events`` events with the browser already started (median of ``--repeat``),
against the baseline measured in the same run: the PNG of no events (the page,
Leaflet and the basemap alone). Then the time and size of the HTML export, and
the size of an HTML export with no events (the bundled assets and basemap).
Targets: the PNG within 5 s after the browser has started; the HTML within 10 MB.
The matplotlib fallback is timed too, for when no browser is found.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_map import synthetic_events  # noqa: E402

from geo.map.briefing import SlideRenderer, draw_png_fallback, export_html, find_browser  # noqa: E402


def timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def far_theatres(events: list) -> list:
    """``events`` with every tenth moved 2,000 km south and every fiftieth to a capital abroad:
    a picture with an inset, a locator and a list."""
    return [
        replace(e, lat=e.lat - 20.0, lon=e.lon + 6.0, country_code="YE")
        if i % 10 == 0
        else replace(e, lat=48.2, lon=16.4, geonameid=None, place="Vienna", mention="Vienna", country_code="AT")
        if i % 50 == 1
        else e
        for i, e in enumerate(events)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--browser", type=Path)
    args = parser.parse_args()

    events = synthetic_events(args.events)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        browser = find_browser(args.browser)
        if browser is None:
            print("no chromium found: PNG timings skipped")
        else:
            renderer = SlideRenderer(browser)
            print(f"chromium start: {timed(renderer.__enter__):.2f} s")
            try:
                empty = statistics.median(
                    timed(lambda: renderer.render([], out / "empty.png")) for _ in range(args.repeat)
                )
                full = statistics.median(
                    timed(lambda: renderer.render(events, out / "full.png")) for _ in range(args.repeat)
                )
                spread = far_theatres(events)
                insets = statistics.median(
                    timed(lambda: renderer.render(spread, out / "insets.png")) for _ in range(args.repeat)
                )
            finally:
                renderer.close()
            print(f"PNG 1600x1000, no events (baseline): {empty:.2f} s")
            print(
                f"PNG 1600x1000, {len(events):,} events: {full:.2f} s ({full / empty:.1f}x the baseline; target <= 5 s)"
            )
            print(
                f"PNG 1600x1000, {len(spread):,} events in three theatres (an inset, a locator and a list): {insets:.2f} s"
            )
        fallback = timed(lambda: draw_png_fallback(events, out / "fallback.png"))
        print(f"PNG with matplotlib (no browser), {len(events):,} events: {fallback:.2f} s")

        empty_html = export_html([], out / "empty.html").stat().st_size
        seconds = timed(lambda: export_html(events, out / "full.html"))
        size = (out / "full.html").stat().st_size
        print(f"HTML, no events (baseline): {empty_html / 1e6:.2f} MB")
        print(
            f"HTML, {len(events):,} events: {seconds:.2f} s, {size / 1e6:.2f} MB "
            f"({(size - empty_html) / len(events):.0f} bytes per event over the baseline; target <= 10 MB)"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
