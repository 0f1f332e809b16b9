"""What coding events (actors, fatalities) costs the pipeline, against bare spaCy.

    python3 bench/bench_coding.py [CORPUS.jsonl ...] [--articles N] [--repeats R]

Times, in one process over the same real-length articles (the corpora of
``bench_geoparser.py``): bare spaCy ``nlp.pipe``; ``Pipeline.events`` as shipped (geoparse,
event typing and dating, coding); and ``Pipeline.events`` with coding left out. Each run's
best of ``--repeats`` is kept, alternating the runs, since the machine is shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def main() -> None:
    from bench_geoparser import default_corpora, load_texts, words

    import geo.parse.pipeline as pipeline_module
    from geo.parse.pipeline import load_pipeline
    from geo.records import Article

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="*")
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()

    texts = load_texts(args.corpora or default_corpora(), args.articles)
    articles = [Article(t, article_id=f"bench-{i}") for i, t in enumerate(texts)]
    pipeline = load_pipeline()
    nlp = pipeline.geoparser.nlp
    shipped = pipeline_module.coded_events
    events_made = sum(len(pipeline.events(a)) for a in articles[:8])  # warm caches and the models

    def run_spacy() -> float:
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=32))
        return time.perf_counter() - start

    def run_pipeline(coding: bool) -> float:
        pipeline_module.coded_events = shipped if coding else (lambda events, sentences, syntax=(): list(events))
        try:
            start = time.perf_counter()
            for article in articles:
                pipeline.events(article)
            return time.perf_counter() - start
        finally:
            pipeline_module.coded_events = shipped

    spacy_runs, coded_runs, bare_runs = [], [], []
    for _ in range(args.repeats):
        spacy_runs.append(run_spacy())
        coded_runs.append(run_pipeline(True))
        bare_runs.append(run_pipeline(False))
    spacy_s, coded_s, uncoded_s = min(spacy_runs), min(coded_runs), min(bare_runs)
    n_words = words(texts)
    events = [e for a in articles for e in pipeline.events(a)]
    with_actor = sum(bool(e.actor1) for e in events)
    with_deaths = sum(e.fatalities > 0 for e in events)
    print(f"articles: {len(texts)}, words: {n_words}, events: {len(events)} (warm-up made {events_made})")
    print(f"bare spaCy nlp.pipe:          {n_words / spacy_s:,.0f} words/s")
    print(f"pipeline with coding:         {n_words / coded_s:,.0f} words/s  ratio to spaCy {spacy_s / coded_s:.2f}")
    print(f"pipeline without coding:      {n_words / uncoded_s:,.0f} words/s  ratio to spaCy {spacy_s / uncoded_s:.2f}")
    print(
        f"coding's share of the pipeline: {(coded_s - uncoded_s) / coded_s:.1%}"
        f" ({1000 * (coded_s - uncoded_s) / len(texts):.1f} ms an article)"
    )
    print(f"events with an actor: {with_actor}, with deaths: {with_deaths}")


if __name__ == "__main__":
    main()
