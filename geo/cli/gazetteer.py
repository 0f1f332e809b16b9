"""``conflictmap gazetteer build|info|lookup NAME|add FILE``: thin wrappers over the gazetteer API.

The gazetteer package holds the work (building, looking up, storing extracts); this
module turns its answers into JSON lines and progress notes.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from gazetteer.database import Gazetteer, default_cache_path, open_gazetteer
from gazetteer.entry import Entry
from gazetteer.errors import GazetteerQueryError
from gazetteer.extracts import MAX_REPORTED_PROBLEMS, ParsedExtract, describe_stored_extracts, store_extract

EXIT_OK, EXIT_NOT_FOUND = 0, 1


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _candidate_line(entry: Entry, match: str, score: float | None = None) -> str:
    record = {**dataclasses.asdict(entry), "match": match}
    if score is not None:
        record["score"] = score
    return json.dumps(record, ensure_ascii=False)


def lookup_lines(g: Gazetteer, name: str) -> list[str]:
    """Candidates as JSON lines: exact matches, then spelling variants, then near misses."""
    lines = [_candidate_line(entry, "exact") for entry in g.lookup(name)]
    lines += [_candidate_line(entry, "variant") for entry in g.lookup_variants(name)]
    if not lines:
        lines = [_candidate_line(entry, "fuzzy", score) for entry, score in g.fuzzy(name)]
    return lines


def report_skipped_rows(source: Path, parsed: ParsedExtract) -> None:
    """Rows of an extract skipped as malformed, with their line numbers, on stderr."""
    for problem in parsed.problems[:MAX_REPORTED_PROBLEMS]:
        _progress(f"{source}: line {problem.line} skipped: {problem.reason}")
    if len(parsed.problems) > MAX_REPORTED_PROBLEMS:
        _progress(f"{source}: {len(parsed.problems) - MAX_REPORTED_PROBLEMS} more rows skipped")


def add_extract(cache_path: Path, source: Path) -> dict:
    """Store a GeoNames extract beside the cache and rebuild the cache with it."""
    stored, parsed = store_extract(cache_path, source)
    report_skipped_rows(source, parsed)
    _progress(
        f"stored {len(parsed.records):,} places of {str(source)!r} in {str(stored)!r}"
        + (f" ({parsed.left_out:,} rows of other feature classes left out)" if parsed.left_out else "")
    )
    with open_gazetteer(cache_path, progress=_progress) as g:
        info = g.info()
    return {
        "extract": str(stored),
        "places": len(parsed.records),
        "skipped_rows": len(parsed.problems),
        "left_out_rows": parsed.left_out,
        "cache": str(info.path),
        "entries": info.entries,
    }


def _extracts_info(cache_path: Path) -> list[dict]:
    return [
        {"path": str(e.path), "places": e.places, "countries": list(e.countries)}
        for e in describe_stored_extracts(cache_path)
    ]


def gazetteer_command(args: argparse.Namespace) -> int:
    if args.action in ("lookup", "add") and not (args.name or "").strip():
        what = "a place name" if args.action == "lookup" else "a GeoNames extract file (XX.txt or XX.zip)"
        raise GazetteerQueryError(f"expected {what} after 'gazetteer {args.action}', got none")
    cache_path = Path(args.gazetteer) if args.gazetteer is not None else default_cache_path()
    if args.action == "add":
        print(json.dumps(add_extract(cache_path, Path(args.name)), ensure_ascii=False, indent=2))
        return EXIT_OK
    with open_gazetteer(cache_path, rebuild=args.action == "build", progress=_progress) as g:
        if args.action == "lookup":
            lines = lookup_lines(g, args.name)
            for line in lines:
                print(line)
            if not lines:
                _progress(f"no place named {args.name!r} in the gazetteer")
            return EXIT_OK if lines else EXIT_NOT_FOUND
        info = dataclasses.asdict(g.info())
        info["path"] = str(info["path"])
        info["attribution"] = g.attribution
        info["extracts"] = _extracts_info(cache_path)
        print(json.dumps(info, ensure_ascii=False, indent=2))
    return EXIT_OK
