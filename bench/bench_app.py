"""How long the map page takes to draw with many events, and how heavy it is.

Fills a temporary event store with synthetic events (100,000 by default) spread
over Syria and Yemen in 2016, then times what the page does on its first run, in
the page's order: read the stored events the filters let through, cut the time
window, count per type and day, build the table, build the folium map and turn it
into what ``st_folium`` sends to the browser. Prints the seconds of each step, the
total, and the size of the map's HTML.

The baseline, measured in the same run: one folium CircleMarker per event for the
first 2,000 events, scaled to all of them, which is how a naive page would draw.

    python3 bench/bench_app.py [--events 100000] [--keep PATH] [--page [--app PATH]]

``--page`` also runs ``app.py`` itself under Streamlit's AppTest on the same store and
times its first run, a rerun of that session (a click on the feed or a marker) and a
new session's first run (another tab opening the page).

``bench_play.py`` measures the page in the browser while it plays.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.filters import EventFilter  # noqa: E402
from geo.records import EVENT_TYPES, Article, Event, event_id_for, stable_id  # noqa: E402
from geo.store.store import EventStore  # noqa: E402
from geo.web import appstate as view  # noqa: E402

#: Synthetic places: name, country, lat, lon (rounded public coordinates).
PLACES: tuple[tuple[str, str, float, float], ...] = (
    ("Aleppo", "SY", 36.20, 37.16),
    ("Damascus", "SY", 33.51, 36.29),
    ("Homs", "SY", 34.73, 36.71),
    ("Palmyra", "SY", 34.56, 38.27),
    ("Raqqa", "SY", 35.95, 39.01),
    ("Deir ez-Zor", "SY", 35.34, 40.14),
    ("Idlib", "SY", 35.93, 36.63),
    ("Manbij", "SY", 36.53, 37.95),
    ("Latakia", "SY", 35.52, 35.78),
    ("Hama", "SY", 35.13, 36.75),
    ("Daraa", "SY", 32.62, 36.10),
    ("Qamishli", "SY", 37.05, 41.23),
    ("Sanaa", "YE", 15.35, 44.21),
    ("Aden", "YE", 12.78, 45.04),
    ("Taiz", "YE", 13.58, 44.02),
    ("Hodeidah", "YE", 14.80, 42.95),
    ("Mukalla", "YE", 14.54, 49.12),
    ("Marib", "YE", 15.46, 45.33),
)
SOURCES = ("Demo Wire", "Levant Monitor", "Gulf Ledger", "Harbour Post", "Plains Courier")
EVENTS_PER_ARTICLE = 10
FIRST_DAY = date(2016, 1, 1)
DAYS = 240


def synthetic_batches(
    n_events: int, *, seed: int = 2016, batch: int = 500
) -> Iterator[list[tuple[Article, list[Event]]]]:
    """Articles with EVENTS_PER_ARTICLE events each, scattered around the places."""
    rng = random.Random(seed)
    items: list[tuple[Article, list[Event]]] = []
    for a in range(-(-n_events // EVENTS_PER_ARTICLE)):
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        article = Article(
            f"Synthetic brief number {a}.", title=f"Brief {a}", published=published, source=rng.choice(SOURCES)
        )
        events = [_event(article, k, rng) for k in range(min(EVENTS_PER_ARTICLE, n_events - a * EVENTS_PER_ARTICLE))]
        items.append((article, events))
        if len(items) == batch:
            yield items
            items = []
    if items:
        yield items


def _event(article: Article, sentence: int, rng: random.Random) -> Event:
    name, country, lat, lon = rng.choice(PLACES)
    # Most events sit on the town; some in villages around it, as real reports do.
    if rng.random() < 0.4:
        lat, lon = lat + rng.uniform(-0.4, 0.4), lon + rng.uniform(-0.4, 0.4)
    geonameid = int(stable_id(round(lat, 3), round(lon, 3)), 16) % 10_000_000
    return Event(
        event_id=event_id_for(article.article_id, sentence, geonameid, name),
        event_type=rng.choice(EVENT_TYPES),
        sub_event_type="armed_clash",
        event_date=article.published - timedelta(days=rng.randrange(3)),
        date_precision=1,
        place=name,
        mention=name,
        lat=round(lat, 5),
        lon=round(lon, 5),
        geonameid=geonameid,
        country_code=country,
        admin1="",
        feature_code="PPL",
        geo_precision=1,
        quote=f"Fighting was reported near {name} on Tuesday, according to residents and local officials.",
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url="",
        confidence=round(rng.uniform(0.3, 1.0), 3),
    )


def fill_store(path: Path, n_events: int) -> EventStore:
    store = EventStore.open(path)
    for items in synthetic_batches(n_events):
        store.add_batch(items)
    return store


def timed(label: str, results: dict[str, tuple[float, float]], work: Callable[[], Any]) -> Any:
    """Run ``work``; record its (wall, CPU) seconds under ``label``."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = work()
    results[label] = (time.perf_counter() - wall, time.process_time() - cpu)
    return value


def st_folium_payload(m: Any) -> str:
    """What streamlit-folium sends for the map: its script, header, HTML and the assets
    it loads (our assets are data: URIs, so they travel with the page)."""
    import streamlit_folium as sf

    m.get_root().render()
    html = sf._get_html(m)
    header = sf._get_header(m)
    script = sf._get_map_string(m)
    links = []
    for element in _walk(m):
        links += [url for _, url in getattr(element, "default_js", [])]
        links += [url for _, url in getattr(element, "default_css", [])]
    return "".join((script, header, html, *dict.fromkeys(links)))


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def page_first_run(store: EventStore) -> tuple[dict[str, tuple[float, float]], int, int]:
    """The page's first run in a running server (modules imported), step by step:
    (wall, CPU) seconds per step, events drawn, bytes of map HTML."""
    from geo.map.mapview import Playback, build_map
    from geo.map.names import common_names
    from geo.map.opening import opening_view

    steps: dict[str, tuple[float, float]] = {}
    period = view.period_of(store.date_range(), today=date.today())
    base = timed("read events", steps, lambda: tuple(store.coded_events(EventFilter())))
    default = timed("default window", steps, lambda: view.default_window(view.event_days(base), period))
    shown = None if view.covers(default, period) else default
    visible = timed("cut window", steps, lambda: view.in_window(base, shown))
    timed("counts and timeline", steps, lambda: (view.counts_by_type(visible), view.daily_counts(base)))
    # The page names the places in view once; the map, the panel and the table share the names.
    names = timed("place names", steps, lambda: common_names(visible))
    timed("table", steps, lambda: view.events_table(visible, names=names))
    # Where the map opens and its theatre buttons: worked out once, for the frame and the map.
    opening = timed("map opening", steps, lambda: opening_view(visible, names=names))
    bounds = view.map_bounds(visible, opening=opening)
    # As the page draws it: with the map's own time slider and player.
    m = timed(
        "build map",
        steps,
        lambda: build_map(
            visible,
            bounds=bounds,
            cluster_over=300,
            timeline=True,
            playback=Playback(7, 0, 1000),
            names=names,
            jumps=True,
            opening=opening,
        ),
    )
    payload = timed("map to html", steps, lambda: st_folium_payload(m))
    assert period[0] <= period[1]
    return steps, len(visible), len(payload.encode("utf-8"))


def page_runs(db: Path, app: Path) -> list[tuple[str, float, float]]:
    """The page itself (``app``) run on the store ``db`` under Streamlit's AppTest, in one
    process: its first run, a rerun of the same session (what a click on the feed, a
    marker or a tab costs) and a new session's first run (another tab, a reload).
    (label, wall seconds, CPU seconds) each; the page runs in a thread of this process."""
    from streamlit.testing.v1 import AppTest

    os.environ["CONFLICTMAP_DB"] = str(db)
    runs = []
    first = AppTest.from_file(str(app.resolve()), default_timeout=600)
    for label, session in (("first run", first), ("rerun, same session", first)):
        runs.append((label, *_timed_run(session)))
    runs.append(("new session", *_timed_run(AppTest.from_file(str(app.resolve()), default_timeout=600))))
    return runs


def _timed_run(session: Any) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    session.run()
    if session.exception:
        raise SystemExit(f"the page failed: {session.exception[0].value}")
    return time.perf_counter() - wall, time.process_time() - cpu


def naive_map_seconds(sample: list[Event], total: int) -> float:
    """One folium CircleMarker with a popup per event, timed on ``sample`` and scaled
    to ``total`` events."""
    import folium

    start = time.perf_counter()
    m = folium.Map(location=(30, 40), zoom_start=5, tiles=None)
    for e in sample:
        folium.CircleMarker((e.lat, e.lon), radius=4, popup=e.quote, tooltip=e.place).add_to(m)
    m.get_root().render()
    return (time.perf_counter() - start) * total / max(len(sample), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="fill this store file and keep it (reused when it exists)")
    parser.add_argument("--page", action="store_true", help="also run the page itself: first run, rerun, new session")
    parser.add_argument("--app", type=Path, default=REPO / "app.py", help="the page to run with --page")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="conflictmap-bench-") as folder:
        path = args.keep or Path(folder) / "events.sqlite"
        start = time.perf_counter()
        if path.exists():
            store = EventStore.open(path)
            print(f"reusing {path} with {store.count():,} events")
        else:
            store = fill_store(path, args.events)
            print(f"filled a store with {store.count():,} events in {time.perf_counter() - start:.1f} s")
        imports: dict[str, tuple[float, float]] = {}
        # A running server has imported these before the page's first run.
        timed("imports", imports, lambda: __import__("streamlit_folium") and __import__("geo.map.mapview"))
        print(
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
            f"one-time imports {imports['imports'][0]:.1f} s (before the first page)"
        )
        steps, drawn, html_bytes = page_first_run(store)
        for label, (wall, cpu) in steps.items():
            print(f"  {label:<22} {wall:6.2f} s wall {cpu:6.2f} s CPU")
        wall = sum(w for w, _ in steps.values())
        cpu = sum(c for _, c in steps.values())
        print(f"first render, server side: {wall:.2f} s wall, {cpu:.2f} s CPU for {drawn:,} events (target <= 3 s)")
        print(f"map HTML sent by st_folium: {html_bytes / 1e6:.2f} MB (target <= 5 MB)")
        baseline = naive_map_seconds(store.query(EventFilter(), limit=2000), store.count())
        print(
            f"baseline, one folium marker per event (scaled): {baseline:.1f} s; page / baseline = {wall / baseline:.3f}"
        )
        store.close()
        if args.page:
            for label, wall, cpu in page_runs(path, args.app):
                print(f"the page ({args.app.name}), {label:<20} {wall:6.2f} s wall {cpu:6.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
