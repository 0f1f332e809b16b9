"""What merging a new article costs when a million coded events are stored.

Fills an SQLite table (in memory by default) with synthetic merged events: ``--events``
(1,000,000) spread over ``--years`` (5) around twelve war zones, each zone's places
scattered a few degrees around its centre, so busy cells are much busier than the
average. The table keeps each event's blocking key (``geo.store.merge.block_key``: grid
cell and day number) in indexed columns, as the event store would.

With ``--store PATH`` it measures the real event store instead: a store file holding
``--events`` stored reports, each filed as a happening of its own (written in bulk, as the
store itself would have filed scattered reports), then ``EventStore.add_articles`` for each
new article, which inserts its rows, files each under a happening (candidates from the
indexed ``happenings`` table, ``merge.assign``) and commits: the whole write an ingest makes.

Then, for ``--articles`` (300) new articles of ``--per-article`` (10) events each, times
what the store would do per article: for every event, fetch the candidates by blocking key
(the cells within reach and the date window of ``candidate_blocks``: one index range scan
per cell; a report placed only at a region, ``WIDE_SHARE`` of them, also every happening of its
country in the window, and a town's report its country's happenings placed at a region; a report
that gives a toll, ``TOLL_SHARE`` of them, its region's seat's happenings, or at a seat
(``SEAT_SHARE``) its region's towns' that give one),
rebuild them as ``MergedEvent`` records and call ``assign``. Prints the build time, the
candidates fetched per event, and the milliseconds per article (median, 95th percentile,
worst); the budget is 50 ms per article.

    python3 bench/bench_merge.py [--events 1000000] [--articles 300] [--db PATH | --store PATH]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.store.merge import MergedEvent, Report, assign, block_key, candidate_blocks  # noqa: E402

#: War zones (lat, lon): eastern Ukraine, Gaza, Syria, Yemen, Sudan, eastern DR Congo,
#: Somalia, Myanmar, the Sahel, Lake Chad, Ethiopia, Afghanistan.
ZONES = (
    (48.0, 37.8, "UA"),
    (31.4, 34.4, "PS"),
    (35.5, 38.5, "SY"),
    (15.3, 44.2, "YE"),
    (13.5, 27.0, "SD"),
    (-1.5, 29.0, "CD"),
    (3.0, 45.0, "SO"),
    (21.0, 96.0, "MM"),
    (14.0, -1.0, "BF"),
    (12.0, 14.0, "NG"),
    (11.5, 39.5, "ET"),
    (34.0, 66.0, "AF"),
)
#: The share of reports placed only at a region (an ADM1), not at a town: they search every
#: happening of their country in their date window, and every town's report searches theirs.
WIDE_SHARE = 0.05
#: The share placed at a region's seat, and the share that give a death toll: a seat's report
#: with a toll searches its region's towns' happenings with one, and a town's its region's seat's.
SEAT_SHARE = 0.05
TOLL_SHARE = 0.3
TYPES = (("frontline", "armed_clash"), ("frontline", "shelling"), ("frontline", "air_strike"), ("humanitarian", "aid"))
WORDS = [
    "strike",
    "shelling",
    "missile",
    "drone",
    "village",
    "town",
    "market",
    "hospital",
    "school",
    "convoy",
    "troops",
    "rebels",
    "fighters",
]
START = date(2021, 1, 1)


def _random_event(rng: random.Random, days: int) -> tuple:
    lat0, lon0, country = rng.choice(ZONES)
    lat, lon = lat0 + rng.gauss(0, 1.5), lon0 + rng.gauss(0, 1.5)
    day = START + timedelta(days=rng.randrange(days))
    event_type, sub_type = rng.choice(TYPES)
    return lat, lon, day, event_type, sub_type, " ".join(rng.sample(WORDS, 5))


def _place(rng: random.Random, lat: float, lon: float) -> tuple[str, str, int]:
    """A report's country, region and precision: mostly a town, sometimes only its region."""
    country = min(ZONES, key=lambda z: (z[0] - lat) ** 2 + (z[1] - lon) ** 2)[2]
    draw = rng.random()
    if draw < WIDE_SHARE:
        return country, "ADM1", 3
    return (country, "PPLA", 1) if draw < WIDE_SHARE + SEAT_SHARE else (country, "PPL", 1)


def _toll(rng: random.Random) -> int:
    return rng.randrange(1, 20) if rng.random() < TOLL_SHARE else 0


def build(conn: sqlite3.Connection, n: int, days: int, rng: random.Random) -> None:
    conn.execute(
        "CREATE TABLE coded (event_id TEXT PRIMARY KEY, cell_lat INT, cell_lon INT, day INT, lat REAL, lon REAL,"
        " event_type TEXT, sub_event_type TEXT, precision INT, words TEXT)"
    )
    rows = []
    for i in range(n):
        lat, lon, day, event_type, sub_type, words = _random_event(rng, days)
        key = block_key(lat, lon, day)
        rows.append((f"e{i:07d}", key.cell_lat, key.cell_lon, key.day, lat, lon, event_type, sub_type, 1, words))
        if len(rows) == 50_000:
            conn.executemany("INSERT INTO coded VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
            rows = []
    conn.executemany("INSERT INTO coded VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    # The blocking index: cell first, then day, so each cell's date window is one range scan.
    conn.execute("CREATE INDEX coded_block ON coded (cell_lat, cell_lon, day)")
    conn.commit()


def candidates(conn: sqlite3.Connection, report: Report) -> list[MergedEvent]:
    cells, days = candidate_blocks(report)
    low, high = days if days is not None else (-(10**9), 10**9)
    found = []
    for cell_lat, cell_lon in cells:
        for event_id, day, lat, lon, event_type, sub_type, precision, words in conn.execute(
            "SELECT event_id, day, lat, lon, event_type, sub_event_type, precision, words FROM coded"
            " WHERE cell_lat = ? AND cell_lon = ? AND day BETWEEN ? AND ?",
            (cell_lat, cell_lon, low, high),
        ):
            found.append(
                MergedEvent(
                    event_id,
                    event_type,
                    sub_type,
                    date.fromordinal(day),
                    precision,
                    lat,
                    lon,
                    frozenset(words.split()),
                )
            )
    return found


def build_store(path: Path, n: int, days: int, rng: random.Random) -> None:
    """A real event store of ``n`` reports, each its own happening, written in bulk."""
    from geo.store.happenings import MERGED_ORIGIN
    from geo.store.store import EventStore

    path.unlink(missing_ok=True)
    with EventStore.open(path) as store:
        conn = store._conn  # bulk rows straight into the store's own tables: filing a million one by one is the bench's subject, not its set-up
        conn.execute("BEGIN")
        events, happenings = [], []
        for i in range(n):
            lat, lon, day, event_type, sub_type, words = _random_event(rng, days)
            event_id = f"e{i:07d}"
            country, feature, precision = _place(rng, lat, lon)
            events.append(
                (
                    event_id,
                    event_type,
                    sub_type,
                    day.isoformat(),
                    lat,
                    lon,
                    words,
                    f"stored-{i // 10}",
                    MERGED_ORIGIN,
                    country,
                    "Region",
                    feature,
                    precision,
                )
            )
            key = block_key(lat, lon, day)
            happenings.append(
                (
                    event_id,
                    event_type,
                    sub_type,
                    day.isoformat(),
                    1,
                    lat,
                    lon,
                    day.isoformat(),
                    words,
                    country,
                    "Region",
                    feature,
                    precision,
                    str(_toll(rng) or ""),
                    key.cell_lat,
                    key.cell_lon,
                    key.day,
                )
            )
            if len(events) == 50_000 or i == n - 1:
                conn.executemany(
                    "INSERT INTO events (event_id, event_type, sub_event_type, event_date, lat, lon, quote, article_id,"
                    " origin, country_code, admin1, feature_code, geo_precision, confidence, happening_id, source)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.8, ?1, 'Bench')",
                    events,
                )
                conn.executemany(
                    "INSERT INTO happenings (happening_id, event_type, sub_event_type, event_date, date_precision, lat,"
                    " lon, published, words, country_code, admin1, feature_code, geo_precision, deaths, cell_lat,"
                    " cell_lon, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    happenings,
                )
                events, happenings = [], []
        conn.execute("COMMIT")
        conn.execute("ANALYZE")


def run_store(path: Path, args: argparse.Namespace, days: int, rng: random.Random) -> None:
    from geo.records import Article, Event
    from geo.store.store import EventStore

    run = time.strftime("%H%M%S")  # ids of this run's new articles (a reused store holds earlier runs')

    started = time.perf_counter()
    if args.reuse and path.exists():
        with EventStore.open(path) as store:
            print(f"stored events: {store.count():,} in {path} (reused)")
        rng.seed(run)  # other new articles than the last run's
    else:
        build_store(path, args.events, days, rng)
        print(
            f"stored events: {args.events:,} over {args.years} years in {path}; built in {time.perf_counter() - started:.1f} s"
        )
    # An ingest has read the date grammar to parse its articles before it files them; merging
    # reads a report's named days with it. Loaded here, its one-time import (about 0.1 s) is not
    # counted as the first article's merging, which it otherwise doubles.
    warmed = time.perf_counter()
    import geo.parse.dates  # noqa: F401

    print(f"the date grammar loaded before timing in {(time.perf_counter() - warmed) * 1000:.0f} ms")
    per_article: list[float] = []
    cpu_per_article: list[float] = []
    with EventStore.open(path) as store:
        for a in range(args.articles):
            lat, lon, day, event_type, sub_type, words = _random_event(rng, days)
            places = [_place(rng, lat, lon) for _ in range(args.per_article)]
            article = Article(
                f"bench article {a}: {words}", title=f"Bench {a}", published=day, source=f"Outlet {a % 7}"
            )
            events = [
                Event(
                    event_id=f"new{run}-{a}-{k}",
                    event_type=event_type,
                    sub_event_type=sub_type,
                    event_date=day + timedelta(days=rng.randrange(-1, 2)),
                    date_precision=1,
                    place="",
                    mention="",
                    lat=lat + rng.gauss(0, 0.05),
                    lon=lon + rng.gauss(0, 0.05),
                    geonameid=None,
                    country_code=places[k][0],
                    admin1="Region",
                    feature_code=places[k][1],
                    geo_precision=places[k][2],
                    quote=words,
                    article_id=article.article_id,
                    title="",
                    published=day,
                    source=article.source,
                    url="",
                    confidence=0.8,
                    fatalities=_toll(rng),
                )
                for k in range(args.per_article)
            ]
            started, cpu = time.perf_counter(), time.process_time()
            store.add_articles([(article, events)])
            per_article.append((time.perf_counter() - started) * 1000)
            cpu_per_article.append((time.process_time() - cpu) * 1000)
        merged = store._conn.execute(
            "SELECT count(*) FROM events WHERE event_id LIKE ? AND happening_id != event_id", (f"new{run}-%",)
        ).fetchone()[0]
    print(f"new reports filed under a stored or earlier happening: {merged}/{args.articles * args.per_article}")
    for label, figures in (("wall", per_article), ("CPU", cpu_per_article)):
        figures.sort()
        p95 = figures[int(0.95 * (len(figures) - 1))]
        print(
            f"{label} ms per article of {args.per_article} events, add_articles (insert, file, commit): "
            f"median {statistics.median(figures):.2f}, p95 {p95:.2f}, worst {figures[-1]:.2f} (budget 50)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--db", default=":memory:")
    parser.add_argument("--store", type=Path, help="measure a real event store file at PATH (made anew)")
    parser.add_argument("--reuse", action="store_true", help="with --store: keep the store PATH holds")
    args = parser.parse_args()
    rng = random.Random(7)
    days = 365 * args.years
    if args.store is not None:
        run_store(args.store, args, days, rng)
        return
    conn = sqlite3.connect(args.db)
    started = time.perf_counter()
    build(conn, args.events, days, rng)
    print(f"stored events: {args.events:,} over {args.years} years; built in {time.perf_counter() - started:.1f} s")

    per_article: list[float] = []
    fetched: list[int] = []
    merged = 0
    for a in range(args.articles):
        # An article's events share a zone and a few days, as real reports do.
        zone_event = _random_event(rng, days)
        started = time.perf_counter()
        for k in range(args.per_article):
            lat, lon, day, event_type, sub_type, words = zone_event
            report = Report(
                f"new{a}-{k}",
                event_type,
                sub_type,
                day + timedelta(days=rng.randrange(-1, 2)),
                1,
                lat + rng.gauss(0, 0.05),
                lon + rng.gauss(0, 0.05),
                frozenset(words.split()),
            )
            found = candidates(conn, report)
            fetched.append(len(found))
            merged += assign(report, found) is not None
        per_article.append((time.perf_counter() - started) * 1000)
    per_article.sort()
    p95 = per_article[int(0.95 * (len(per_article) - 1))]
    print(
        f"candidates per event: median {statistics.median(fetched):.0f}, max {max(fetched)}; "
        f"events merged into a stored one: {merged}/{len(fetched)}"
    )
    print(
        f"ms per article of {args.per_article} events: median {statistics.median(per_article):.2f}, "
        f"p95 {p95:.2f}, worst {per_article[-1]:.2f} (budget 50)"
    )


if __name__ == "__main__":
    main()
