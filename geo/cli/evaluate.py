"""``conflictmap eval CORPUS.jsonl...``: the scores of ``geo.eval.evaluate`` as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK, EXIT_ERROR = 0, 1


def eval_command(args: argparse.Namespace) -> int:
    """Exit 1 when no system could run: the table then shows why, and no figure."""
    from geo.eval.evaluate import any_scored, evaluate_corpora, format_checks, format_event_table, format_table

    reports = evaluate_corpora(
        args.corpora,
        split=args.split,
        limit=args.limit,
        gazetteer=args.gazetteer,
        predictions=args.predictions,
        baselines=args.baselines,
        extents=args.extents,
        demonyms=args.demonyms,
    )
    if args.json:
        print(json.dumps({"split": args.split, "corpora": [r.as_dict() for r in reports]}, indent=2))
    else:
        sys.stdout.write(format_table(reports))
        events = format_event_table(reports)
        if events:
            sys.stdout.write("\n" + events)
        if args.verbose and events:
            sys.stdout.write("\n" + format_checks(reports))
    return EXIT_OK if any_scored(reports) else EXIT_ERROR
