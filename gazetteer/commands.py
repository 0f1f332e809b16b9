"""``conflictmap gazetteer build|info|lookup NAME``: thin wrappers over the gazetteer API."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from gazetteer.database import Gazetteer, open_gazetteer
from gazetteer.entry import Entry
from gazetteer.errors import GazetteerQueryError

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


def gazetteer_command(args: argparse.Namespace) -> int:
    if args.action == "lookup" and not (args.name or "").strip():
        raise GazetteerQueryError("expected a place name after 'gazetteer lookup', got none")
    with open_gazetteer(args.gazetteer, rebuild=args.action == "build", progress=_progress) as g:
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
        print(json.dumps(info, ensure_ascii=False, indent=2))
    return EXIT_OK
