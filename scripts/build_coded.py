"""Build the coded-events gold set and score coded events on it.

    python3 scripts/build_coded.py build [GOLD_DIR]     # copy GOLD_DIR into data/eval/coded/, write data/eval/coded.jsonl
    python3 scripts/build_coded.py score [--split dev]  # pipeline, merge, fatalities, actors; print the scores
    python3 scripts/build_coded.py score --tune         # also try merge thresholds (on dev only)
    python3 scripts/build_coded.py score --store        # merge through the event store's ingest instead
    python3 scripts/build_coded.py score --hand-set     # merge by the hand-set thresholds, not the shipped match
    python3 scripts/build_coded.py score --learned geo/store/models/merge_match.json  # weights of scripts/learn_merge.py
    python3 scripts/build_coded.py score --conflict "Libyan civil war (2014-2020)"  # one war of the split (repeatable)
    python3 scripts/build_coded.py score --gold DIR --split all  # another set in the same folder format

Scoring runs the pipeline over every report of the split (``--cache FILE`` keeps its
events between runs), which codes each event's actors and fatalities, merges the events of
all reports as a store would (in order of publication), gives each merged event the lowest
fatality figure of its reports and the actors most of its reports name
(``geo.store.merge.coded_fields``), and prints the scores of ``geo.eval.coded``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.eval.coded import (  # noqa: E402
    CodedGold,
    PredictedEvent,
    match_items,
    read_gold_folder,
    read_jsonl,
    score,
    to_jsonl,
)
from geo.records import GEO_PRECISION_REGION, Article, Event  # noqa: E402
from geo.store.merge import LearnedMatch, MergeRules, coded_fields, default_rules, is_wide, merge  # noqa: E402

GOLD_DIR = REPO / "data" / "eval" / "coded"
GOLD_JSONL = REPO / "data" / "eval" / "coded.jsonl"
#: Areas ACLED codes an event at when a report names nothing smaller: provinces and districts.
PROVINCE_CODES = frozenset({"ADM1", "ADM2"})


def build(source: Path) -> None:
    if source.resolve() != GOLD_DIR.resolve():
        GOLD_DIR.mkdir(parents=True, exist_ok=True)
        for path in sorted([*source.glob("*.txt"), *source.glob("happenings_*.jsonl")]):
            shutil.copyfile(path, GOLD_DIR / path.name)
    gold = read_gold_folder(GOLD_DIR)
    GOLD_JSONL.write_text(to_jsonl(gold), encoding="utf-8")
    print(f"{len(gold.happenings)} happenings, {len(gold.reports)} reports -> {GOLD_JSONL.relative_to(REPO)}")


def pipeline_events(gold: CodedGold, cache: Path | None) -> dict[str, tuple[Event, ...]]:
    """Events of every report, by report id (from the cache when its texts are unchanged)."""
    cached: dict[str, tuple[str, tuple[Event, ...]]] = {}
    if cache is not None and cache.exists():
        cached = pickle.loads(cache.read_bytes())
    todo = [r for r in gold.reports if cached.get(r.id, ("",))[0] != r.text]
    if todo:
        from geo.parse.pipeline import load_pipeline

        pipeline = load_pipeline()
        for r in todo:
            article = Article(
                r.text, title=r.title, published=r.published_date, source=r.source, url=r.url, article_id=r.id
            )
            cached[r.id] = (r.text, pipeline.events(article))
        if cache is not None:
            cache.write_bytes(pickle.dumps(cached))
    return {r.id: cached[r.id][1] for r in gold.reports}


def predict(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    rules: MergeRules,
    *,
    clusters: Sequence[Sequence[str]] | None = None,
) -> list[PredictedEvent]:
    """Merged, coded events of the split's reports; ``clusters`` (lists of event ids) replace
    the merging when given."""
    published = {r.id: r.published for r in gold.reports}
    order = sorted(gold.reports, key=lambda r: (published[r.id], r.id))
    all_events = [e for r in order for e in events[r.id]]
    if clusters is None:
        clusters = [[r.event_id for r in m.reports] for m in merge(all_events, rules)]
    by_id = {e.event_id: e for e in all_events}
    predicted: list[PredictedEvent] = []
    for cluster in clusters:
        members = [by_id[event_id] for event_id in cluster]
        fields = coded_fields(members)
        actors = frozenset(a for a in (fields.actor1, fields.actor2) if a)
        # A report placed only at a region or country is shown at its happening's place, the
        # most precise place of its reports (``geo.store.merge.MergedEvent.with_report``).
        sharpest = min(members, key=lambda e: e.geo_precision)
        for e in members:
            shown = sharpest if is_wide(e) else e
            predicted.append(
                PredictedEvent(
                    event_id=e.event_id,
                    article_id=e.article_id,
                    merged_id=cluster[0],
                    event_type=e.event_type,
                    sub_event_type=e.sub_event_type,
                    lat=shown.lat,
                    lon=shown.lon,
                    event_date=e.event_date.isoformat() if e.event_date else "",
                    fatalities=fields.fatalities,
                    actors=actors,
                    confidence=e.confidence,
                    at_province=shown.geo_precision >= GEO_PRECISION_REGION and shown.feature_code in PROVINCE_CODES,
                    country_code=shown.country_code,
                )
            )
    return predicted


def store_clusters(gold: CodedGold, events: dict[str, tuple[Event, ...]]) -> list[list[str]]:
    """The reports' events merged by the event store as it ingests them (in order of publication)."""
    import tempfile

    from geo.store.store import EventStore

    order = sorted(gold.reports, key=lambda r: (r.published, r.id))
    with tempfile.TemporaryDirectory() as folder, EventStore.open(Path(folder) / "coded.sqlite") as store:
        for r in order:
            article = Article(
                r.text, title=r.title, published=r.published_date, source=r.source, url=r.url, article_id=r.id
            )
            store.add_articles([(article, events[r.id])])
        return [list(ids) for ids in store.happening_members().values()]


def only_conflicts(gold: CodedGold, conflicts: Sequence[str]) -> CodedGold:
    """The happenings and reports of the named wars (all of them when none is named)."""
    if not conflicts:
        return gold
    unknown = sorted(set(conflicts) - {h.conflict for h in gold.happenings})
    if unknown:
        raise SystemExit(f"no happening of {unknown} in this split")
    return CodedGold(
        tuple(h for h in gold.happenings if h.conflict in conflicts),
        tuple(r for r in gold.reports if r.conflict in conflicts),
    )


def run_score(
    split: str,
    cache: Path | None,
    tune: bool,
    rules: MergeRules,
    *,
    through_store: bool = False,
    conflicts: Sequence[str] = (),
    gold_path: Path = GOLD_JSONL,
) -> None:
    gold = read_gold_folder(gold_path) if gold_path.is_dir() else read_jsonl(gold_path)
    if split != "all":
        gold = gold.split(split)
    gold = only_conflicts(gold, conflicts)
    events = pipeline_events(gold, cache)
    print(f"split {split}: {len(gold.happenings)} happenings, {len(gold.reports)} reports")
    predicted = predict(gold, events, rules)
    print(json.dumps(score(gold, predicted).as_dict()))
    if through_store:
        clusters = store_clusters(gold, events)
        pure = sorted(
            sorted(r.event_id for r in m.reports)
            for m in merge(
                [e for r in sorted(gold.reports, key=lambda r: (r.published, r.id)) for e in events[r.id]], rules
            )
        )
        print(
            "through the event store:",
            json.dumps(score(gold, predict(gold, events, rules, clusters=clusters)).as_dict()),
        )
        print("the store's merged events are the pure merge's:", sorted(sorted(c) for c in clusters) == pure)
    # The same coding on the gold set's own grouping of the matched events: what fatalities
    # and actors score when merging is right, apart from what the pipeline misses.
    grouped: dict[str, list[str]] = {}
    for (_, happening_id), event in match_items(gold, predicted).items():
        if event is not None:
            grouped.setdefault(happening_id, []).append(event.event_id)
    oracle = score(gold, predict(gold, events, rules, clusters=list(grouped.values())))
    print(
        "with the gold grouping:", json.dumps({k: oracle.as_dict()[k] for k in ("fatality_accuracy", "actor_accuracy")})
    )
    if tune:
        if split == "test":
            raise SystemExit("tune on dev only")
        grid = itertools.product(
            (5, 10, 20), (0.0, 0.1), (0, 1), (0.3, 0.5), (False, True), ("family", "any"), (1, 2, 3)
        )
        for km, overlap, slack, slack_overlap, on_publication, sub_types, days in grid:
            trial = MergeRules(
                km, overlap, slack, slack_overlap, on_publication, sub_types=sub_types, publication_days=days
            )
            s = score(gold, predict(gold, events, trial)).as_dict()
            figures = [s[k] for k in ("precision", "recall", "f1", "fatality_accuracy", "actor_accuracy")]
            print(km, overlap, slack, slack_overlap, on_publication, sub_types, days, *figures)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("source", nargs="?", type=Path, default=GOLD_DIR)
    s = sub.add_parser("score")
    s.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    s.add_argument("--cache", type=Path)
    s.add_argument("--tune", action="store_true")
    s.add_argument("--store", action="store_true", help="also merge through the event store (shipped match only)")
    s.add_argument("--max-km", type=float, default=MergeRules().max_km)
    s.add_argument("--min-overlap", type=float, default=MergeRules().min_overlap)
    s.add_argument("--day-slack", type=int, default=MergeRules().day_slack)
    s.add_argument("--slack-overlap", type=float, default=MergeRules().slack_overlap)
    s.add_argument("--no-publication-slack", action="store_true")
    s.add_argument("--other-overlap", type=float, default=MergeRules().other_overlap, help="negative: types equal")
    s.add_argument(
        "--casualty-overlap", type=float, default=MergeRules().casualty_overlap, help="negative: by other-overlap"
    )
    s.add_argument("--toll-days", type=int, default=MergeRules().toll_days, help="negative: never")
    s.add_argument(
        "--wider-overlap", type=float, default=MergeRules().wider_overlap, help="negative: only within --max-km"
    )
    s.add_argument("--nearby-km", type=float, default=MergeRules().nearby_km)
    s.add_argument(
        "--victims-overlap", type=float, default=MergeRules().victims_overlap, help="negative: never across types"
    )
    s.add_argument("--unstated-days", type=int, default=MergeRules().unstated_days)
    s.add_argument("--publication-days", type=int, default=MergeRules().publication_days)
    s.add_argument("--sub-types", choices=("equal", "family", "any"), default=MergeRules().sub_types)
    s.add_argument("--learned", type=Path, help="merge with learned weights (JSON of scripts/learn_merge.py)")
    s.add_argument("--hand-set", action="store_true", help="merge by the thresholds above, not the shipped match")
    s.add_argument("--conflict", action="append", default=[], help="score only this war (repeatable)")
    s.add_argument(
        "--gold", type=Path, default=GOLD_JSONL, help="a gold folder or its JSON lines (default: the shipped set)"
    )
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.source)
    else:
        hand_set = MergeRules(
            args.max_km,
            args.min_overlap,
            args.day_slack,
            args.slack_overlap,
            not args.no_publication_slack,
            sub_types=args.sub_types,
            publication_days=args.publication_days,
            unstated_days=args.unstated_days,
            other_overlap=args.other_overlap if args.other_overlap >= 0 else None,
            casualty_overlap=args.casualty_overlap if args.casualty_overlap >= 0 else None,
            toll_days=args.toll_days,
            wider_overlap=args.wider_overlap if args.wider_overlap >= 0 else None,
            nearby_km=args.nearby_km,
            victims_overlap=args.victims_overlap
            if args.victims_overlap is not None and args.victims_overlap >= 0
            else None,
            learned=LearnedMatch.from_dict(json.loads(args.learned.read_text(encoding="utf-8")))
            if args.learned
            else None,
        )
        rules = hand_set if args.hand_set or args.learned else default_rules()
        run_score(
            args.split,
            args.cache,
            args.tune,
            rules,
            through_store=args.store,
            conflicts=args.conflict,
            gold_path=args.gold,
        )


if __name__ == "__main__":
    main()
