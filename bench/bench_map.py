"""Map builder at scale: server-side time and HTML size for 1k, 10k and 100k events.

    python3 bench/bench_map.py [--sizes 1000 10000 100000] [--repeat 3]

For each size: ``build_map(events, timeline=True)`` plus rendering the page to
HTML (what ``st_folium`` and the HTML export do), best of ``--repeat`` runs, and
the size of the HTML. Baseline, measured in the same run: one folium
CircleMarker with a popup per event for the first 2,000 events, scaled to the
size (how a naive page draws). Targets: 100,000 events within 3 s and 5 MB.

Events are synthetic but shaped like a war's record: 5,000 places over Syria
with a long-tailed share of events, quotes of 80 to 300 characters, ten events
per article, two origins.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import folium  # noqa: E402

from geo.map.mapview import build_map  # noqa: E402
from geo.records import EVENT_TYPES, Event  # noqa: E402

PLACE_COUNT = 5000
SYRIA = (35.7, 32.3, 42.4, 37.3)  # min_lon, min_lat, max_lon, max_lat
WORDS = (
    "forces",
    "shelled",
    "the",
    "town",
    "near",
    "road",
    "killing",
    "civilians",
    "talks",
    "aid",
    "convoy",
    "reached",
    "displaced",
    "families",
    "fighting",
    "resumed",
    "after",
    "ceasefire",
    "collapsed",
)
SOURCES = ("Reuters", "AP", "AFP", "Levant Monitor", "Gulf Ledger", "Harbour Post", "Plains Courier")
BASELINE_EVENTS = 2000
#: Sub-event types per event type, so markers draw their glyphs (and the fallback shape).
SUB_TYPES = {
    "frontline": ("armed_clash", "shelling", "air_strike", "territory_change", "explosion"),
    "diplomacy": ("talks", "statement", "visit", "agreement"),
    "humanitarian": ("aid", "displacement"),
    "other": ("protest", ""),
}


def synthetic_events(n: int, *, seed: int = 2016) -> list[Event]:
    rnd = random.Random(seed)
    min_lon, min_lat, max_lon, max_lat = SYRIA
    places = [
        (100000 + i, f"Place {i}", rnd.uniform(min_lat, max_lat), rnd.uniform(min_lon, max_lon))
        for i in range(PLACE_COUNT)
    ]
    # A long tail: a few towns carry most of the fighting, as in real records.
    weights = [1 / (rank + 1) for rank in range(PLACE_COUNT)]
    chosen = rnd.choices(places, weights=weights, k=n)
    events = []
    for i, (geonameid, name, lat, lon) in enumerate(chosen):
        quote_words = rnd.randrange(12, 45)
        event_type = EVENT_TYPES[rnd.randrange(4)]
        events.append(
            Event(
                event_id=f"{i:016x}",
                event_type=event_type,
                sub_event_type=rnd.choice(SUB_TYPES[event_type]),
                event_date=date(2016, 1, 1) + timedelta(days=rnd.randrange(366)),
                date_precision=1,
                place=name,
                # Most articles write the gazetteer's name; some write it their own way.
                mention=name if rnd.random() < 0.7 else f"{name} town",
                lat=lat,
                lon=lon,
                geonameid=geonameid,
                country_code="SY",
                admin1="Homs",
                feature_code="PPL",
                geo_precision=1,
                quote=" ".join(rnd.choice(WORDS) for _ in range(quote_words)).capitalize() + ".",
                article_id=f"a{i // 10}",
                title=f"Report {i // 10} from {name}",
                published=date(2016, 12, 31),
                source=SOURCES[i % len(SOURCES)],
                url=f"https://news.example.org/{i // 10}",
                confidence=round(rnd.uniform(0.4, 1.0), 2),
                origin=("conflictmap", "acled")[i % 2],
            )
        )
    return events


def best_of(repeat: int, run) -> tuple[float, int]:
    best, size = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = run()
        best = min(best, time.perf_counter() - start)
    return best, size


def ours(events: list[Event]) -> int:
    return len(build_map(events, timeline=True).get_root().render().encode("utf-8"))


def naive(events: list[Event]) -> int:
    m = folium.Map(tiles=None)
    for e in events:
        folium.CircleMarker((e.lat, e.lon), radius=5, popup=folium.Popup(e.quote), tooltip=e.place).add_to(m)
    return len(m.get_root().render().encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    events = synthetic_events(max(args.sizes))
    sample = events[:BASELINE_EVENTS]
    base_seconds, base_bytes = best_of(1, lambda: naive(sample))
    per_event_s, per_event_b = base_seconds / len(sample), base_bytes / len(sample)
    print(
        f"baseline: one folium CircleMarker per event, {len(sample):,} events: "
        f"{base_seconds:.2f} s, {base_bytes / 1e6:.2f} MB "
        f"({per_event_s * 1e3:.2f} ms and {per_event_b / 1e3:.2f} KB per event)"
    )
    print(f"{'events':>8} {'seconds':>8} {'MB':>7} {'naive s':>8} {'naive MB':>9} {'x faster':>9} {'x smaller':>10}")
    for n in args.sizes:
        seconds, size = best_of(args.repeat, lambda n=n: ours(events[:n]))
        naive_s, naive_b = per_event_s * n, per_event_b * n
        print(
            f"{n:>8,} {seconds:>8.2f} {size / 1e6:>7.2f} {naive_s:>8.1f} {naive_b / 1e6:>9.1f} "
            f"{naive_s / seconds:>9.1f} {naive_b / size:>10.1f}"
        )
    print("targets: 100,000 events within 3 s and 5 MB")
    # Timings scale with contention: say how busy the machine was.
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
