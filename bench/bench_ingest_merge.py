"""Ingest throughput with and without merging reports into happenings, in the same run.

    python3 bench/bench_ingest_merge.py [--articles 500] [--rounds 2] [--pipeline NAME]

Writes the wire-report corpus of ``bench_ingest.py`` (short reports on a few towns, all
published on one day: many reports per place and day, the hard case for merging), then
alternates fresh ingests with merging (the store as it is) and without (the store's
filing step replaced by one that files nothing, as the store was before it merged),
``--rounds`` times each, and prints the best time of each and the drop in throughput.
Two figures: the whole ingest (read, parse with the real pipeline, store), and the store
alone (the same parsed articles written in the ingest's batches), which parsing no longer hides;
each in wall time and in this process's CPU time (which other jobs on the machine do not inflate).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_ingest import write_corpus  # noqa: E402

from geo.read.readers import read_articles  # noqa: E402
from geo.store import happenings  # noqa: E402
from geo.store.ingest import BATCH_SIZE, IngestOptions, ingest, resolve_pipeline_factory  # noqa: E402
from geo.store.store import EventStore  # noqa: E402


@contextmanager
def merging(on: bool) -> Iterator[None]:
    """With ``on`` False, the store files no report (every row stays as ingest wrote it)."""
    if on:
        yield
        return
    original = happenings.file_pending
    happenings.file_pending = lambda conn, rules=None: 0  # type: ignore[assignment]
    try:
        yield
    finally:
        happenings.file_pending = original


def timed_store(folder: Path, label: str, write: Callable[[EventStore], object]) -> tuple[float, float, int]:
    """Wall and CPU seconds of ``write`` on a fresh store, and the coded events it made."""
    path = folder / f"{label}.sqlite"
    for stale in folder.glob(f"{label}.sqlite*"):
        stale.unlink()
    with EventStore.open(path) as store:
        started, cpu = time.perf_counter(), time.process_time()
        write(store)
        return time.perf_counter() - started, time.process_time() - cpu, store.happening_count()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pipeline", help="a registered pipeline (default: the real one)")
    args = parser.parse_args()

    factory = resolve_pipeline_factory(args.pipeline)
    folder = Path(tempfile.mkdtemp(prefix="conflictmap-merge-bench-"))
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, args.articles)
    options = IngestOptions(factory, workers=1)

    pipeline = factory(None)
    articles = list(read_articles(corpus))
    started = time.perf_counter()
    parsed = [(a, pipeline.events(a)) for a in articles]
    parse_seconds = time.perf_counter() - started
    reports = sum(len(events) for _, events in parsed)
    print(f"corpus: {len(articles)} articles, {reports} reports; parsing alone {parse_seconds:.1f} s")

    def store_all(store: EventStore) -> None:
        for start in range(0, len(parsed), BATCH_SIZE):
            store.add_articles(parsed[start : start + BATCH_SIZE])

    def ingest_all(store: EventStore) -> None:
        ingest([corpus], store, options)

    for name, write in (("store alone", store_all), ("whole ingest", ingest_all)):
        best: dict[tuple[str, bool], float] = {}
        coded: dict[bool, int] = {}
        for _ in range(args.rounds):
            for on in (False, True):
                with merging(on):
                    wall, cpu, coded[on] = timed_store(folder, f"{name[:5]}-{on}", write)
                for clock, seconds in (("wall", wall), ("CPU", cpu)):
                    best[(clock, on)] = min(best.get((clock, on), seconds), seconds)
        for clock in ("wall", "CPU"):
            without, with_ = best[(clock, False)], best[(clock, True)]
            print(
                f"{name} ({clock}): without merging {len(articles) / without:8.1f} articles/s ({without:.2f} s), "
                f"with merging {len(articles) / with_:8.1f} articles/s ({with_:.2f} s): "
                f"throughput {100 * (without / with_ - 1):+.1f}% (budget -10%); "
                f"{reports} reports -> {coded[True]} coded events"
            )


if __name__ == "__main__":
    main()
