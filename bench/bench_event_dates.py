"""What the learned choice of an event's day costs: time per event place, rules alone
against rules and the model, on parses made once (the choice adds no spaCy pass).

    python3 bench/bench_event_dates.py [CORPUS.jsonl] [--articles N] [--repeats R]

Every gold toponym with an event type in the first N articles is one event place.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=REPO / "data" / "eval" / "warnews.jsonl")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)

    from geo.parse.clausetree import clause_tree
    from geo.parse.datechoice import event_date, load_date_model
    from geo.parse.dates import date_contexts, resolve_event_date
    from geo.parse.nlp import load_nlp

    with args.corpus.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines if line.strip()][: args.articles]
    sites = []
    for article, doc in zip(articles, load_nlp().pipe(a["text"] for a in articles)):
        published = date.fromisoformat(article["published"]) if article.get("published") else None
        sentences = list(doc.sents)
        contexts, _ = date_contexts([s.text for s in sentences], published=published)
        for toponym in article["toponyms"]:
            index = next((i for i, s in enumerate(sentences) if s.start_char <= toponym["start"] < s.end_char), None)
            if toponym.get("event_type") is None or index is None:
                continue
            sentence = sentences[index]
            near = (toponym["start"] - sentence.start_char, toponym["end"] - sentence.start_char)
            sites.append((sentence.text, published, near, contexts[index], clause_tree(sentence)))
    model = load_date_model()
    if model is None:
        print("no date model shipped: only the rules run")

    def rules() -> None:
        for text, published, near, context, tree in sites:
            resolve_event_date(text, published=published, near=near, context=context, tree=tree)

    def learned() -> None:
        for text, published, near, context, tree in sites:
            event_date(text, published=published, near=near, context=context, tree=tree, model=model)

    for name, run in (("rules", rules), ("rules + model", learned)):
        best = min(_timed(run) for _ in range(args.repeats))
        print(
            f"{name:>14}: {1e6 * best / len(sites):8.1f} µs per event place ({len(sites)} places, best of {args.repeats})"
        )
    return 0


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
