"""``conflictmap store check [--db DB]`` and ``conflictmap store salvage -o NEW [--db DB]``:
the findings of ``geo.store.storecheck``, one line each."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from geo.errors import StoreError
from geo.store.store import default_db_path
from geo.store.storecheck import check_store, salvage_store


def store_command(args: argparse.Namespace, *, out: Callable[[str], None] = print) -> int:
    path = Path(args.db) if args.db is not None else default_db_path()
    if args.action == "check":
        report = check_store(path)
        for line in report.facts + report.problems:
            out(line)
        out(f"{path}: {'no problem found' if report.ok else f'{len(report.problems)} problem(s)'}")
        return 0 if report.ok else 1
    if args.output is None:
        raise StoreError("salvage writes a new store: name it with -o NEW.sqlite")
    salvaged = salvage_store(path, Path(args.output))
    out(
        f"salvaged into {args.output}: {salvaged.articles} articles, {salvaged.events} events "
        f"({salvaged.repaired} with a damaged value dropped), {salvaged.overrides} corrections; "
        f"{salvaged.lost_count} item(s) could not be read"
    )
    for what in salvaged.lost:
        out(f"  lost: {what}")
    return 1 if salvaged.lost_count else 0
