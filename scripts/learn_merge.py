"""Learn the weights of "same happening" (``geo.store.merge.LearnedMatch``) on the coded gold set's dev split.

    python3 scripts/learn_merge.py [--cache FILE] [--out FILE.json]

Every pair of events from two articles of the dev split that the gold set ties to a
happening, of one event type, within the model's reach (km and days), is an example:
positive when both tell the same happening. A logistic regression over
``PAIR_FEATURES`` (scikit-learn, the ``train`` extra) is fitted on all of them and printed
as JSON (written to ``--out`` when given; ``LearnedMatch.from_dict`` reads it). Before that, each dev war is left out in turn: the weights fitted on the other
wars merge the left-out war's reports, and the B-cubed F1 of that merging is printed next
to the hand-set rules' on the same war, so the learned weights are judged on wars they
did not see.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_coded import GOLD_JSONL, pipeline_events, predict  # noqa: E402

from gazetteer.geodesy import great_circle_km  # noqa: E402
from geo.eval.coded import CodedGold, match_items, read_jsonl, score  # noqa: E402
from geo.records import Event  # noqa: E402
from geo.store.merge import LearnedMatch, MergedEvent, MergeRules, Report, pair_features  # noqa: E402

REACH = LearnedMatch(weights=(0.0,) * 5, bias=0.0)


def examples(gold: CodedGold, events: dict[str, tuple[Event, ...]]) -> list[tuple[tuple[float, ...], bool, str]]:
    """(features, same happening, conflict) of every labelled pair within reach."""
    predicted = predict(gold, events, MergeRules())
    happening_of: dict[str, str] = {}
    for (_, happening_id), event in match_items(gold, predicted).items():
        if event is not None:
            happening_of[event.event_id] = happening_id
    by_id = {e.event_id: e for r in gold.reports for e in events[r.id]}
    conflict = {h.id: h.conflict for h in gold.happenings}
    found = []
    for a_id, b_id in itertools.combinations(sorted(happening_of), 2):
        a, b = by_id[a_id], by_id[b_id]
        if a.article_id == b.article_id or a.event_type != b.event_type:
            continue
        if great_circle_km(a.lat, a.lon, b.lat, b.lon) > REACH.max_km:
            continue
        if a.event_date and b.event_date and abs((a.event_date - b.event_date).days) > REACH.max_days:
            continue
        features = pair_features(Report.from_event(b), MergedEvent.first(Report.from_event(a)))
        found.append((features, happening_of[a_id] == happening_of[b_id], conflict[happening_of[a_id]]))
    return found


def fit(rows: Sequence[tuple[tuple[float, ...], bool, str]]) -> LearnedMatch:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0).fit([r[0] for r in rows], [r[1] for r in rows])
    return LearnedMatch(
        weights=tuple(round(float(w), 4) for w in model.coef_[0]),
        bias=round(float(model.intercept_[0]), 4),
        max_km=REACH.max_km,
        max_days=REACH.max_days,
    )


def war_of(gold: CodedGold, conflict: str) -> CodedGold:
    return CodedGold(
        tuple(h for h in gold.happenings if h.conflict == conflict),
        tuple(r for r in gold.reports if r.conflict == conflict),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    gold = read_jsonl(GOLD_JSONL).split("dev")
    events = pipeline_events(gold, args.cache)
    rows = examples(gold, events)
    print(f"dev pairs: {len(rows)}, same happening: {sum(r[1] for r in rows)}")
    for conflict in sorted({r[2] for r in rows}):
        model = fit([r for r in rows if r[2] != conflict])
        war = war_of(gold, conflict)
        learned = score(war, predict(war, events, MergeRules(learned=model))).f1
        rules = score(war, predict(war, events, MergeRules())).f1
        print(f"left out {conflict}: F1 learned {learned:.3f}, hand-set rules {rules:.3f}")
    model = fit(rows)
    print("all dev, learned:", json.dumps(score(gold, predict(gold, events, MergeRules(learned=model))).as_dict()))
    print("all dev, hand-set:", json.dumps(score(gold, predict(gold, events, MergeRules())).as_dict()))
    print(json.dumps(model.as_dict()))
    if args.out is not None:
        args.out.write_text(json.dumps(model.as_dict(), indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
