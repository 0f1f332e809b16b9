"""Ingest throughput: the same corpus with one worker, all local cores and a Dask LocalCluster.

    python3 bench/bench_ingest.py [--articles 2000] [--pipeline NAME]

Writes a JSONL corpus of short wire reports (made up here from a few templates and
towns), ingests it into a fresh store three times and prints articles per second,
with the multi-process and Dask runs as ratios to the single process measured in
the same run. The real pipeline is used unless ``--pipeline`` names another registered one.
Workers loading the model is included (a user waits for it); starting the Dask
cluster itself is not (a real cluster is already running), and is printed apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from pathlib import Path

from geo.store.ingest import IngestOptions, ingest, ingest_dask, resolve_pipeline_factory
from geo.store.store import EventStore

TOWNS = (
    "Palmyra",
    "Aleppo",
    "Raqqa",
    "Damascus",
    "Homs",
    "Idlib",
    "Deir ez-Zor",
    "Mariupol",
    "Kharkiv",
    "Kherson",
    "Bakhmut",
    "Geneva",
    "Moscow",
    "Ankara",
    "Beirut",
    "Amman",
)
TEMPLATES = (
    "Government forces backed by air strikes fought their way into {a} on {day}, state media said.",
    "Shelling hit residential districts of {a} overnight, killing at least {n} people, a monitor said.",
    "Delegations met in {b} for a new round of talks on a ceasefire around {a}.",
    "Aid convoys reached {a} for the first time in {n} weeks, the United Nations said.",
    "Thousands of families fled {a} towards {b} as the fighting moved closer.",
    "The foreign minister will visit {b} next week to discuss the situation in {a}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def write_corpus(path: Path, count: int, *, seed: int = 11) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            sentences = [
                rng.choice(TEMPLATES).format(
                    a=rng.choice(TOWNS), b=rng.choice(TOWNS), n=rng.randrange(2, 40), day=rng.choice(DAYS)
                )
                for _ in range(rng.randrange(3, 7))
            ]
            record = {
                "id": f"bench-{n}",
                "title": f"Wire report {n}",
                "published": "2016-03-24",
                "text": " ".join(sentences),
            }
            out.write(json.dumps(record) + "\n")


def run_local(corpus: Path, folder: Path, options: IngestOptions, label: str) -> tuple[float, int]:
    with EventStore.open(folder / f"{label}.sqlite") as store:
        started = time.perf_counter()
        report = ingest([corpus], store, options)
        return time.perf_counter() - started, report.new


def run_dask(corpus: Path, folder: Path, options: IngestOptions, workers: int) -> tuple[float, int]:
    """The ingest on a running cluster (as on a real one); the cluster's own start is printed apart."""
    from distributed import LocalCluster

    started = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        EventStore.open(folder / "dask.sqlite") as store,
    ):
        print(f"Dask LocalCluster started in {time.perf_counter() - started:.1f} s (not counted below)")
        started = time.perf_counter()
        report = ingest_dask(
            [corpus], store, options, scheduler=cluster.scheduler_address, parquet_dir=folder / "parquet"
        )
        return time.perf_counter() - started, report.new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--pipeline", help="a registered pipeline (entry point group conflictmap.pipelines; default: the real one)"
    )
    args = parser.parse_args()

    cores = os.cpu_count() or 1
    factory = resolve_pipeline_factory(args.pipeline)
    folder = Path(tempfile.mkdtemp(prefix="conflictmap-ingest-bench-"))
    corpus = folder / "corpus.jsonl"
    write_corpus(corpus, args.articles)
    print(f"corpus: {args.articles} articles; pipeline {factory.__module__}.{factory.__qualname__}; {cores} cores")

    runs = {
        "1 worker": run_local(corpus, folder, IngestOptions(factory, workers=1), "one"),
        f"{cores} local workers": run_local(corpus, folder, IngestOptions(factory, workers=cores), "all"),
        f"Dask LocalCluster, {cores} workers": run_dask(corpus, folder, IngestOptions(factory), cores),
    }
    baseline = runs["1 worker"][0]
    for label, (seconds, stored) in runs.items():
        assert stored == args.articles, f"{label} stored {stored} articles"
        print(
            f"{label:32s} {seconds:7.1f} s  {args.articles / seconds:7.1f} articles/s  "
            f"speed-up x{baseline / seconds:.2f}"
        )


if __name__ == "__main__":
    main()
