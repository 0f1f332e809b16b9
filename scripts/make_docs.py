"""Regenerate the example briefing outputs in docs/ from the demo corpus.

    python3 scripts/make_docs.py [--db STORE] [--browser PATH] [--out-dir DIR]

Parses ``geo/web/demo/briefs.jsonl`` with the pipeline and stores it (or, with ``--db``,
takes the events already in that store), one event per happening as the page shows
them, and writes ``briefing.html`` (the standalone map with popups and time playback)
and ``briefing.png`` (the slide picture) to ``docs/``, or to ``--out-dir`` to look at
them before they replace the pictures in the repository.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.map.briefing import export_html, export_png  # noqa: E402
from geo.records import Event  # noqa: E402

DEMO_CORPUS = REPO / "geo" / "web" / "demo" / "briefs.jsonl"
DOCS = REPO / "docs"
TITLE = "Syria and Yemen, 2016: events in the demo briefs"


def demo_events() -> list[Event]:
    """The demo corpus parsed and stored, as the page shows it: one event per happening."""
    import tempfile

    from geo.parse.pipeline import load_pipeline
    from geo.read.readers import read_articles
    from geo.store.store import EventStore

    pipeline = load_pipeline()
    with tempfile.TemporaryDirectory(prefix="conflictmap-docs-") as folder:
        with EventStore.open(Path(folder) / "events.sqlite") as store:
            store.add_articles(list(pipeline.events_many(read_articles(DEMO_CORPUS))))
            return store.coded_events()


def stored_events(db: Path) -> list[Event]:
    from geo.store.store import EventStore

    with EventStore.open(db, readonly=True) as store:
        return store.coded_events()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="take the events from this store instead of parsing the demo")
    parser.add_argument("--browser", type=Path, help="chromium executable for the PNG")
    parser.add_argument("--out-dir", type=Path, default=DOCS, help="the folder to write to (default docs/)")
    args = parser.parse_args()

    events = stored_events(args.db) if args.db else demo_events()
    html_path = export_html(events, args.out_dir / "briefing.html", title=TITLE)
    png_path = export_png(
        events,
        args.out_dir / "briefing.png",
        title=TITLE,
        browser=args.browser,
        on_notice=lambda line: print(line, file=sys.stderr),
    )
    print(f"{len(events)} events -> {html_path}, {png_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
