"""``conflictmap ingest PATH... [--db] [--published] [--workers N] [--scheduler ADDR] [--parquet DIR]``:
the options into an ``IngestOptions`` record, then ``ingest`` or ``ingest_dask``, with a
progress line on a terminal and one line per problem on stderr."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from geo.errors import InputError
from geo.store.ingest import IngestOptions, IngestReport, OnProblem, OnProgress, Problem, resolve_pipeline_factory


def ingest_command(args: argparse.Namespace) -> int:
    from geo.store.ingest import ingest, ingest_dask
    from geo.store.store import EventStore

    if args.workers < 0:
        raise InputError(f"--workers must be 0 (all cores) or more, got {args.workers!r}")
    if args.parquet is not None and not args.scheduler:
        raise InputError("--parquet applies to a Dask ingest; add --scheduler ADDRESS")
    options = IngestOptions(
        pipeline_factory=resolve_pipeline_factory(),
        gazetteer=args.gazetteer,
        published=args.published,
        allow_private=args.allow_private,
        workers=args.workers or os.cpu_count() or 1,
    )
    with EventStore.open(args.db) as store, _progress_display() as (on_problem, on_progress):
        if args.scheduler:
            parquet_dir = args.parquet or store.path.with_name(f"{store.path.stem}-parquet")
            report = ingest_dask(
                args.paths,
                store,
                options,
                scheduler=args.scheduler,
                parquet_dir=parquet_dir,
                on_problem=on_problem,
                on_progress=on_progress,
            )
        else:
            report = ingest(args.paths, store, options, on_problem=on_problem, on_progress=on_progress)
    print(report.summary())
    return 1 if report.failed else 0


@contextmanager
def _progress_display() -> Iterator[tuple[OnProblem, OnProgress]]:
    """A progress line on stderr (when it is a terminal) and one line per problem."""
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(stderr=True, highlight=False, soft_wrap=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    task = progress.add_task("reading articles", total=None)

    def on_problem(problem: Problem) -> None:
        console.print(f"conflictmap: cannot ingest {problem}", markup=False)

    def on_progress(report: IngestReport) -> None:
        progress.update(
            task,
            description=(
                f"{report.seen} articles seen, {report.new} new, {report.skipped} skipped, "
                f"{report.failed} failed, {report.events} events"
            ),
        )

    with progress:
        yield on_problem, on_progress
