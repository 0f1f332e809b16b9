"""What coding events (actors, fatalities) costs the pipeline, against bare spaCy.

    python3 bench/bench_coding.py [CORPUS.jsonl ...] [--articles N] [--repeats R]

Times, in one process over the same real-length articles (the corpora of
``bench_geoparser.py``): bare spaCy ``nlp.pipe``, and ``Pipeline.events`` as shipped
(geoparse, event typing and dating, coding) with the time spent coding measured inside the
same run, and the time the geoparser spends copying what the coder needs out of spaCy's
parse (``geo.parse.clauses``). Each figure is the best of ``--repeats``, the runs alternating, since the machine
is shared.
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
    from geo.parse.clauses import sentence_syntax
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

    syntax_s = [0.0]

    def run_spacy() -> float:
        start = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        spent = time.perf_counter() - start
        start = time.perf_counter()
        for doc in docs:
            sentence_syntax(doc)
        syntax_s[0] = min(syntax_s[0] or float("inf"), time.perf_counter() - start)
        return spent

    coding_s = [0.0]

    def timed_coding(*args, **kwargs):
        start = time.perf_counter()
        try:
            return shipped(*args, **kwargs)
        finally:
            coding_s[0] += time.perf_counter() - start

    def run_pipeline() -> tuple[float, float]:
        """Seconds of the whole pipeline and of its coding, in one run."""
        pipeline_module.coded_events = timed_coding
        coding_s[0] = 0.0
        try:
            start = time.perf_counter()
            for article in articles:
                pipeline.events(article)
            return time.perf_counter() - start, coding_s[0]
        finally:
            pipeline_module.coded_events = shipped

    spacy_runs, pipeline_runs = [], []
    for _ in range(args.repeats):
        spacy_runs.append(run_spacy())
        pipeline_runs.append(run_pipeline())
    spacy_s = min(spacy_runs)
    pipeline_s, coding_part = min(pipeline_runs)
    n_words = words(texts)
    events = [e for a in articles for e in pipeline.events(a)]
    with_actor = sum(bool(e.actor1) for e in events)
    with_deaths = sum(e.fatalities > 0 for e in events)
    print(f"articles: {len(texts)}, words: {n_words}, events: {len(events)} (warm-up made {events_made})")
    print(f"bare spaCy nlp.pipe:  {n_words / spacy_s:,.0f} words/s")
    print(f"pipeline with coding: {n_words / pipeline_s:,.0f} words/s  ratio to spaCy {spacy_s / pipeline_s:.2f}")
    print(
        f"coding's share of the pipeline: {coding_part / pipeline_s:.1%}"
        f" ({1000 * coding_part / len(texts):.1f} ms an article); ratio to spaCy without it"
        f" {spacy_s / (pipeline_s - coding_part):.2f}"
    )
    print(
        f"reading the parse for the coder (geo.parse.clauses): {1000 * syntax_s[0] / len(texts):.1f} ms an article,"
        f" {syntax_s[0] / spacy_s:.1%} of bare spaCy's time"
    )
    print(f"events with an actor: {with_actor}, with deaths: {with_deaths}")


if __name__ == "__main__":
    main()
