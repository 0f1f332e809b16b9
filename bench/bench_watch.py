"""What keeping the map current costs: a watch's poll of a feed on 127.0.0.1, and the page's
look at the store's version.

    python3 bench/bench_watch.py [--items 200] [--events 100000]

Prints: a first poll of a feed of ``--items`` new items (each a full-text entry, parsing
left out: the pipeline here finds no events, so the figure is the watch's own cost per
article: fetch, seen-set, one transaction); a second poll of the same feed, every item
seen (what a quiet feed costs every interval); and one ``store.version()`` call on a
store of ``--events`` events (what the page's refresh fragment does every few seconds).
"""

from __future__ import annotations

import argparse
import http.server
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from timing import best_of

from geo.records import Article, Event, stable_id
from geo.store.store import EventStore
from geo.store.watching import WatchOptions, watch


class _NoEvents:
    """A pipeline that finds nothing: the watch's own cost, without parsing."""

    def events(self, article: Article, *, overrides: Sequence[object] = ()) -> tuple[Event, ...]:
        return ()


def _feed(items: int) -> bytes:
    entries = "".join(
        f"<item><title>Report {n}</title><link>http://127.0.0.1/a/{n}</link>"
        f"<description>{' '.join(f'Report {n} sentence {k} about the front.' for k in range(30))}</description>"
        "<pubDate>Mon, 04 Apr 2016 09:00:00 GMT</pubDate></item>"
        for n in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>{entries}</channel></rss>'.encode()


def _serve(body: bytes) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/feed"


def _filled_store(path: Path, events: int) -> None:
    template = dict(
        event_type="frontline",
        sub_event_type="shelling",
        event_date=date(2016, 4, 4),
        date_precision=1,
        place="Tadmur",
        mention="Palmyra",
        lat=34.56,
        lon=38.28,
        geonameid=170617,
        country_code="SY",
        admin1="Homs",
        feature_code="PPL",
        geo_precision=1,
        quote="Shelling hit Palmyra.",
        article_id="",
        title="",
        published=None,
        source="Bench",
        url="",
        confidence=0.9,
        origin="acled",
    )
    with EventStore.open(path) as store:
        for start in range(0, events, 50_000):
            batch = [
                Event(event_id=stable_id("bench", n), **template) for n in range(start, min(events, start + 50_000))
            ]
            store.add_events(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    httpd, url = _serve(_feed(args.items))
    options = WatchOptions(pipeline_factory=lambda _g: _NoEvents(), allow_private=True, every_s=60)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "events.sqlite"
        with EventStore.open(db) as store:
            started = time.perf_counter()
            first = watch([url], store, options, polls=1)
            new_s = time.perf_counter() - started
            started = time.perf_counter()
            second = watch([url], store, options, polls=1)
            seen_s = time.perf_counter() - started
        print(
            f"first poll, {first.new} new items: {new_s:.2f} s ({1000 * new_s / max(first.new, 1):.1f} ms an article)"
        )
        print(f"second poll, {second.seen} items all seen: {1000 * seen_s:.0f} ms")
        big = Path(folder) / "big.sqlite"
        _filled_store(big, args.events)
        with EventStore.open(big, readonly=True) as store:
            calls = 10_000
            each = best_of(3, lambda: [store.version() for _ in range(calls)]) / calls
        print(f"store.version() on {args.events:,} events: {1e6 * each:.1f} µs a call")
    httpd.shutdown()
    httpd.server_close()


if __name__ == "__main__":
    main()
