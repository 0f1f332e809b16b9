"""``conflictmap watch SOURCE... [--every 15m] [--once] [--db] [--allow-private]``: poll feeds,
lists of links and pages, ingesting what is new; one line per poll on stdout, one line per
problem on stderr, and a summary when it ends (Ctrl-C ends it cleanly, exit 0)."""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from geo.store.ingest import Problem, resolve_pipeline_factory
from geo.store.watching import PollReport, WatchOptions


def watch_command(args: argparse.Namespace) -> int:
    from geo.store.store import EventStore
    from geo.store.watching import watch

    options = WatchOptions(
        pipeline_factory=resolve_pipeline_factory(),
        every_s=args.every,
        max_backoff_s=args.max_backoff,
        gazetteer=args.gazetteer,
        published=args.published,
        allow_private=args.allow_private,
    )
    with EventStore.open(args.db) as store, _sigterm_as_interrupt():
        summary = watch(
            args.sources,
            store,
            options,
            polls=1 if args.once else None,
            on_poll=_print_poll,
            on_problem=_print_problem,
        )
    print(summary.summary(), flush=True)
    return 0


def _print_poll(report: PollReport) -> None:
    print(report.line(), flush=True)


def _print_problem(problem: Problem) -> None:
    print(f"conflictmap: {problem}", file=sys.stderr, flush=True)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A service manager's stop (SIGTERM) ends the watch like Ctrl-C: between two writes."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
