#!/usr/bin/env python3
"""Why gold places go unfound: the dev half's misses within 40 km, sorted by cause.

    PYTHONPATH=. python3 scripts/place_misses.py [CORPUS.jsonl] [--split dev] [--list KIND] [--spans]

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

With ``--spans``, the recogniser's losses instead, as the span-exact scores count them:
every gold place whose exact span is not a mention, by why (its candidate scored below
the threshold, and spaCy's label of it; a mention kept over it that is longer, shorter
or crosses it; only candidates of other extents, all below the threshold; no candidate
at all), and every mention that overlaps no gold place nor an ``ignore`` span (a false
positive), by the label that proposed it.

Reads only dev halves by default; prints counts and, with ``--list``, the cases of a kind.
``--model FILE`` reads with another trained model than the shipped one: one trained with
the corpus left out (``scripts/train_geoparser.py --leave-out``) shows what the
recogniser loses on news it has not seen.
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
from geo.parse.mentions import ScoredCandidate, score_candidates, select  # noqa: E402
from geo.parse.placefeatures import Candidate, dateline_starts, token_table  # noqa: E402
from geo.parse.placemodel import load_model  # noqa: E402


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


def span_loss(gold: GoldToponym, scored: Sequence[ScoredCandidate], kept: Sequence[Candidate], doc) -> str:
    """Why the exact span of ``gold`` is not among the mentions ``kept`` ("" when it is)."""
    if any((c.start, c.end) == (gold.start, gold.end) for c in kept):
        return ""
    over = [c for c in kept if c.start < gold.end and gold.start < c.end]
    if over:
        c = over[0]
        if c.start <= gold.start and c.end >= gold.end:
            return f"kept longer ({c.label})"
        if c.start >= gold.start and c.end <= gold.end:
            return f"kept shorter ({c.label})"
        return f"kept crossing ({c.label})"
    exact = [s for s in scored if (s.candidate.start, s.candidate.end) == (gold.start, gold.end)]
    if exact:
        return f"rejected ({max(exact, key=lambda s: s.second).candidate.label})"
    if any(s.candidate.start < gold.end and gold.start < s.candidate.end for s in scored):
        return "other extent, all below threshold"
    return why_unrecognised(doc, gold, scored, 1.0)


def false_positives(article: GoldArticle, kept: Sequence[Candidate]) -> list[Candidate]:
    """Mentions that overlap no gold place and no span the corpus leaves unscored."""
    return [
        c for c in kept if not any(c.start < g.end and g.start < c.end for g in (*article.toponyms, *article.ignore))
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default="data/eval/warnews.jsonl", type=Path)
    parser.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    parser.add_argument("--list", default=None, help='print the cases whose kind starts with this ("": all of them)')
    parser.add_argument("--spans", action="store_true", help="the recogniser's span-exact losses and false positives")
    parser.add_argument("--model", type=Path, default=None, help="a model file to read with instead of the shipped one")
    args = parser.parse_args(argv)

    geoparser = load_geoparser(model=None if args.model is None else load_model(args.model))
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
        if args.spans:
            kept = select(scored, geoparser.model.threshold, names, geoparser.model.same_name_threshold)
            total += len(article.toponyms)
            for gold in article.toponyms:
                if kind := span_loss(gold, scored, kept, doc):
                    kinds[kind] += 1
                    cases.append((kind, f"{article.id} {gold.start}:{gold.end} {gold.name!r}"))
            for c in false_positives(article, kept):
                kinds[f"false positive ({c.label})"] += 1
                cases.append((f"false positive ({c.label})", f"{article.id} {c.start}:{c.end} {c.text!r}"))
            continue
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
    if args.spans:
        missed = sum(n for kind, n in kinds.items() if not kind.startswith("false positive"))
        print(f"{len(articles)} {args.split} articles, {total} gold places, {missed} not a mention of their exact span")
    else:
        missed = sum(kinds.values())
        print(f"{len(articles)} {args.split} articles, {total} gold places, {missed} not placed within 40 km")
    for kind, count in kinds.most_common():
        print(f"  {kind:16} {count}")
    if reasons:
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
