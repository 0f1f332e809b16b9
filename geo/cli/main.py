"""The ``conflictmap`` command line: argument parsing, dispatch and error reporting.

Each command lives in a module of ``geo.cli`` (imported only when it runs) and turns
its arguments into plain calls of library functions; none holds pipeline logic.
Errors become one sentence on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from gazetteer.errors import GazetteerError
from geo.errors import ConflictmapError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from err


def _duration(text: str) -> float:
    from geo.store.watching import parse_duration  # here: only a watch needs it

    try:
        return parse_duration(text)
    except ConflictmapError as err:
        raise argparse.ArgumentTypeError(str(err)) from err


# ---------------------------------------------------------------------------
# geoparsing


def _cmd_parse(args: argparse.Namespace) -> int:
    from geo.cli.parse import parse_command

    return parse_command(args)


def _cmd_geoparse(args: argparse.Namespace) -> int:
    from geo.cli.parse import geoparse_command

    return geoparse_command(args)


def _cmd_eval(args: argparse.Namespace) -> int:
    from geo.cli.evaluate import eval_command

    return eval_command(args)


def _cmd_gazetteer(args: argparse.Namespace) -> int:
    from geo.cli.gazetteer import gazetteer_command

    return gazetteer_command(args)


# ---------------------------------------------------------------------------
# store, exports, imports


def _cmd_ingest(args: argparse.Namespace) -> int:
    from geo.cli.ingest import ingest_command

    return ingest_command(args)


def _cmd_watch(args: argparse.Namespace) -> int:
    from geo.cli.watch import watch_command

    return watch_command(args)


def _cmd_export(args: argparse.Namespace) -> int:
    from geo.cli.export import export_command

    return export_command(args)


def _cmd_import(args: argparse.Namespace) -> int:
    from geo.cli.importing import import_command

    return import_command(args)


def _cmd_store(args: argparse.Namespace) -> int:
    from geo.cli.store import store_command

    return store_command(args)


def _cmd_app(args: argparse.Namespace) -> int:
    from geo.cli.app import run_app

    return run_app(port=args.port, address=args.address, db=args.db, gazetteer=args.gazetteer)


def _add_gazetteer_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--gazetteer",
        type=Path,
        metavar="PATH",
        help="gazetteer cache file (default: $CONFLICTMAP_GAZETTEER or the user cache directory)",
    )


def _add_published_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--published", type=_iso_date, metavar="YYYY-MM-DD", help="publication date for articles that carry none"
    )


def _add_allow_private_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow URLs and sources that resolve to loopback, private or link-local addresses",
    )


def _add_db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="event store (default: $CONFLICTMAP_DB or the user data directory)",
    )


def _add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument(
        "--type",
        dest="event_types",
        action="append",
        default=[],
        choices=["frontline", "diplomacy", "humanitarian", "other"],
    )
    p.add_argument(
        "--country",
        dest="countries",
        action="append",
        default=[],
        metavar="CC",
        help="ISO 3166-1 alpha-2 code; repeat for several",
    )
    p.add_argument("--source", dest="sources", action="append", default=[])
    p.add_argument("--origin", dest="origins", action="append", default=[], choices=["conflictmap", "acled", "gdelt"])
    p.add_argument("--bbox", type=float, nargs=4, metavar=("MIN_LON", "MIN_LAT", "MAX_LON", "MAX_LAT"))
    p.add_argument("--min-confidence", type=float, default=0.0)
    p.add_argument("--text", default="", help="keep events whose quote, title or place contains this")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="conflictmap",
        description="Turn news articles into a map of conflict events, offline.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="events of one article as GeoJSON on stdout")
    p.add_argument("file", type=Path)
    p.add_argument(
        "--published",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date, to resolve words such as 'on Thursday'",
    )
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_parse)

    p = sub.add_parser("geoparse", help="place mentions of one article (or a JSONL corpus) as JSON")
    p.add_argument("file", type=Path, nargs="?")
    p.add_argument(
        "--jsonl", type=Path, metavar="CORPUS", help='one {"id","text"} per line in, one {"id","mentions"} per line out'
    )
    p.add_argument(
        "--no-demonyms",
        dest="demonyms",
        action="store_false",
        help='leave out demonyms read as their country ("Syrian": Syria), written by default with "kind": "demonym"',
    )
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_geoparse)

    p = sub.add_parser("eval", help="geoparsing scores on annotated corpora")
    p.add_argument("corpora", type=Path, nargs="+", metavar="CORPUS.jsonl")
    p.add_argument(
        "--split",
        choices=["dev", "test", "all"],
        default="test",
        help="which half of each corpus to score (default: test, the half not tuned on)",
    )
    p.add_argument(
        "--baselines",
        action="store_true",
        help="also score geotext, flashgeotext and spaCy entities, each at its most populous place",
    )
    p.add_argument("--limit", type=int, default=0, help="score at most this many articles per corpus")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument(
        "--verbose", action="store_true", help="on corpora with event gold, also list namesakes and wrong events"
    )
    p.add_argument(
        "--extents",
        action="store_true",
        help="measure a found region, sea, river or country by how far the gold point is from its extent, not "
        "from its point (docs/evaluation.md); by default every place is measured from its point, as published",
    )
    p.add_argument(
        "--demonyms",
        choices=["auto", "yes", "no"],
        default="auto",
        help="whether demonyms read as their country ('Syrian': Syria) count as toponyms; auto (default) follows "
        "each corpus's own convention, read from its gold types or, without them, from whether most demonym "
        "words in its texts are gold toponyms; the table says which convention each corpus was scored under",
    )
    p.add_argument(
        "--predictions",
        type=Path,
        metavar="PRED.jsonl",
        help='score this file ({"id","mentions":[{"start","end","lat","lon"}]} a line) instead of running the geoparser',
    )
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_eval)

    p = sub.add_parser("gazetteer", help="build or inspect the offline gazetteer cache, or add a GeoNames extract")
    p.add_argument("action", choices=["build", "info", "lookup", "add"])
    p.add_argument(
        "name", nargs="?", help="a place name, for lookup; a GeoNames country extract (XX.txt or XX.zip), for add"
    )
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_gazetteer)

    p = sub.add_parser("ingest", help="articles (files, folders, globs, JSONL, feeds, URLs) into the store")
    p.add_argument("paths", nargs="+", metavar="PATH")
    _add_published_option(p)
    p.add_argument("--workers", type=int, default=0, help="parallel workers (default: all local cores)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="run on a Dask distributed scheduler")
    p.add_argument(
        "--parquet", type=Path, metavar="DIR", help="with --scheduler: write events as partitioned GeoParquet here"
    )
    _add_allow_private_option(p)
    _add_db_option(p)
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_ingest)

    p = sub.add_parser("watch", help="poll feeds and pages, ingesting what is new, until stopped (Ctrl-C)")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="RSS/Atom/JSON feed, list of links or page URL")
    p.add_argument(
        "--every", type=_duration, default=900.0, metavar="DURATION", help="time between polls (default: 15m)"
    )
    p.add_argument("--once", action="store_true", help="poll once, then stop")
    p.add_argument(
        "--max-backoff",
        type=_duration,
        default=3600.0,
        metavar="DURATION",
        help="longest wait before retrying a failing source (default: 1h)",
    )
    _add_published_option(p)
    _add_allow_private_option(p)
    _add_db_option(p)
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_watch)

    p = sub.add_parser("export", help="events from the store to a file")
    p.add_argument("--format", required=True, choices=["geojson", "csv", "acled", "gpkg", "parquet", "html", "png"])
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    p.add_argument("--title", default="")
    p.add_argument("--width", type=int, default=1600)
    p.add_argument("--height", type=int, default=1000)
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--browser", type=Path, metavar="PATH", help="chromium executable for PNG output")
    p.add_argument("--tiles", action="store_true", help="use online map tiles when reachable")
    p.add_argument(
        "--per-report",
        action="store_true",
        help="one row per report as parsed, instead of one per event with its reports merged",
    )
    _add_filter_options(p)
    _add_db_option(p)
    p.set_defaults(handler=_cmd_export)

    p = sub.add_parser("import", help="events from ACLED or GDELT files into the store")
    p.add_argument("kind", choices=["acled", "gdelt"])
    p.add_argument("file", type=Path)
    _add_db_option(p)
    p.set_defaults(handler=_cmd_import)

    p = sub.add_parser("store", help="check an event store, or salvage what is readable into a new one")
    p.add_argument("action", choices=["check", "salvage"])
    p.add_argument("-o", "--output", type=Path, metavar="NEW", help="salvage: the new store to write (must not exist)")
    _add_db_option(p)
    p.set_defaults(handler=_cmd_store)

    p = sub.add_parser("app", help="the map in the browser (Streamlit), on the event store")
    p.add_argument("--port", type=int, default=8501, help="port to serve on (default: 8501)")
    p.add_argument("--address", metavar="HOST", help="address to listen on (default: Streamlit's, all interfaces)")
    _add_db_option(p)
    _add_gazetteer_option(p)
    p.set_defaults(handler=_cmd_app)

    return parser


def _report(message: str) -> None:
    print(f"conflictmap: {message}", file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except (ConflictmapError, GazetteerError) as err:
        _report(str(err))
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except sqlite3.DatabaseError as err:  # a damaged page met while reading the store
        _report(
            f"the event store cannot be read ({err}); 'conflictmap store check' tells what is "
            "damaged and 'conflictmap store salvage' copies what is readable"
        )
        return EXIT_ERROR
    except OSError as err:
        # File-system failures not already wrapped: say which file and why, in one line.
        where = f" ({err.filename})" if getattr(err, "filename", None) else ""
        _report(f"{err.strerror or err}{where}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _report("interrupted; work already committed is kept")
        return EXIT_INTERRUPTED


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
