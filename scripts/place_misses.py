#!/usr/bin/env python3
"""Why gold places go unfound: the dev half's misses within 40 km, sorted by cause.

    PYTHONPATH=. python3 scripts/place_misses.py [CORPUS.jsonl] [--split dev] [--list KIND]

Runs the geoparser as ``conflictmap eval`` does and splits every gold place that no
prediction overlapping it puts within 40 km (the war-news place recall) into:

* ``no reading``: no gazetteer entry of the gold name (nor of a spelling variant of it)
  lies within 40 km of the gold point, so no recogniser could have placed it (the name
  unknown, or known only for places over 40 km off: a region's point, a namesake);
* ``resolved wrong``: recognised, and placed over 40 km off;
* ``abstained``: recognised, but the resolver placed it nowhere;
* ``not recognised``: the gazetteer has the right reading but no mention covers the name,
  with why: the model scored a candidate of that very span below its threshold (and what
  spaCy called it), the only candidates overlap the name with another extent, or no
  candidate was made at all (lower-case, inside a longer entity, a heading).

Reads only dev halves by default; prints counts and, with ``--list``, the cases of a kind.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from geo.eval.evaluate import (  # noqa: E402
    PLACE_RECALL_KM,
    GoldArticle,
    GoldToponym,
    PredictedToponym,
    _km_off,
    area_key,
    areas_at_points,
    iter_corpus,
    predicted_from_places,
    select_split,
)
from geo.parse.geoparser import ParsedText, load_geoparser  # noqa: E402
from geo.parse.mentions import ScoredCandidate, score_candidates  # noqa: E402
from geo.parse.placefeatures import dateline_starts, token_table  # noqa: E402


def reading_near(gold: GoldToponym, names, areas: frozenset[str]) -> bool:
    """Whether some gazetteer entry of the gold name lies within 40 km of the gold point."""
    entries = list(names.lookup(gold.name)) + [v.entry for v in names.variants(gold.name)]
    for e in entries:
        placed = PredictedToponym(
            gold.start, gold.end, e.lat, e.lon, area=area_key(e.feature_code, e.country_code, e.admin1)
        )
        if _km_off(gold, placed, areas) <= PLACE_RECALL_KM:
            return True
    return False


def why_unrecognised(doc, gold: GoldToponym, scored: Sequence[ScoredCandidate], threshold: float) -> str:
    exact = [s for s in scored if s.candidate.start == gold.start and s.candidate.end == gold.end]
    if exact:
        best = max(exact, key=lambda s: s.second)
        where = " dateline" if gold.start in dateline_starts(doc) else ""
        return f"below threshold ({best.candidate.label}{where}, p={best.second:.2f} < {threshold})"
    overlapping = [s for s in scored if s.candidate.start < gold.end and gold.start < s.candidate.end]
    if overlapping:
        kept = [s for s in overlapping if s.second >= threshold]
        return "other extent" + (" (kept)" if kept else " (all below threshold)")
    table = token_table(doc)
    tokens = [i for i, idx in enumerate(table.idx) if gold.start <= idx < gold.end]
    if not tokens:
        return "no candidate (no token)"
    if not any(table.title[i] or table.text[i].isupper() for i in tokens):
        return "no candidate (lower case)"
    labels = {table.ent_type[i] or "O" for i in tokens}
    return f"no candidate (spaCy {'/'.join(sorted(labels))})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="data/eval/warnews.jsonl", type=Path)
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("--list", default=None, help='print the cases whose kind starts with this ("": all of them)')
    args = parser.parse_args(argv)

    geoparser = load_geoparser()
    names = geoparser.gazetteer
    areas_at = areas_at_points(geoparser)
    articles: list[GoldArticle] = list(select_split(iter_corpus(args.corpus), args.split))
    kinds: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    cases: list[tuple[str, str]] = []
    total = 0
    docs = geoparser.nlp.pipe((a.text for a in articles), batch_size=16)
    for article, doc in zip(articles, docs, strict=True):
        doc.user_data.setdefault("conflictmap_text", article.text)
        scored = score_candidates(doc, names, geoparser.model)
        predicted = predicted_from_places(geoparser.places_in(ParsedText((doc,), (0,)), article.text))
        recognised = {(s.candidate.start, s.candidate.end) for s in scored}
        for gold in article.toponyms:
            total += 1
            areas = areas_at(gold.lat, gold.lon) if areas_at else frozenset()
            over = [p for p in predicted if p.start < gold.end and gold.start < p.end]
            if over and min(_km_off(gold, p, areas) for p in over) <= PLACE_RECALL_KM:
                continue
            if not reading_near(gold, names, areas):
                known = names.lookup(gold.name) or names.variants(gold.name)
                kind = "no reading: " + ("only readings over 40 km off" if known else "name unknown")
                reasons[kind] += 1
            elif over:
                kind = "resolved wrong"
            else:
                chosen = geoparser.model.threshold
                kept = [
                    s
                    for s in scored
                    if s.candidate.start < gold.end and gold.start < s.candidate.end and s.second >= chosen
                ]
                if kept and (gold.start, gold.end) in recognised:
                    kind = "abstained"
                else:
                    kind = "not recognised"
                    reason = why_unrecognised(doc, gold, scored, chosen)
                    reasons[reason.split(" (p=")[0].split(", p=")[0]] += 1
                    kind = f"not recognised: {reason}"
            kinds[kind.split(":")[0]] += 1
            cases.append((kind, f"{article.id} {gold.start}:{gold.end} {gold.name!r}"))
    missed = sum(kinds.values())
    print(f"{len(articles)} {args.split} articles, {total} gold places, {missed} not placed within 40 km")
    for kind, count in kinds.most_common():
        print(f"  {kind:16} {count}")
    print("by why:")
    for reason, count in reasons.most_common():
        print(f"  {count:4}  {reason}")
    if args.list is not None:
        for kind, case in sorted(cases):
            if kind.startswith(args.list):
                print(f"{kind:60} {case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
