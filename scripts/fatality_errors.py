"""Where the fatality figures of the coded gold set's dev split go wrong, by kind.

    python3 scripts/fatality_errors.py [--cache FILE] [--all]
    python3 scripts/fatality_errors.py --reports   # the reports of tests/toll_reports*.py, tests/toll_articles.py

For each dev happening that reports deaths: the gold figure (the lowest any report gives),
the merged event's, and per report the figure of its matched event, with what the report's
death sentences hold (vague words, ranges, floors, tolls that rise, claims in quotes, tolls
of a whole war, wounded). A report's figure is "above" when it exceeds the gold's (a toll
that rose, the top of a range, both sides summed: the lowest rule settles these) and
"below" when under it (a figure taken from another happening or a part of the toll), the
misses that cost a merged event its figure. Dev only: the test split is never read here.

``--reports`` reads instead the multi-event reports and articles written for the tests, each place
with the deaths an ACLED coder would give its event, and lists the places coded wrong.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_coded import GOLD_JSONL, pipeline_events, predict  # noqa: E402

from geo.eval.coded import match_items, read_jsonl  # noqa: E402
from geo.parse.fatalities import split_sentences  # noqa: E402
from geo.store.merge import MergeRules  # noqa: E402

DEATH_WORDS = re.compile(r"\b(?:kill\w*|dead|died|deaths?|toll|bodies|lives|fatalities)\b", re.IGNORECASE)
#: What a report's death sentences may hold, each a kind of figure the coder must read right.
TEXT_KINDS: dict[str, re.Pattern[str]] = {
    "vague": re.compile(r"\b(?:several|many|dozens|scores|hundreds|a number of|a few|numerous)\b", re.I),
    "range": re.compile(r"\b(?:between \w+ and \w+|\w+ (?:to|or) \w+ (?:people|civilians|soldiers|fighters))\b", re.I),
    "floor": re.compile(r"\b(?:at least|more than|over|nearly|about|around|some)\s+\w+", re.I),
    "rising toll": re.compile(r"\b(?:rose|risen|climbed|reached|stood at|now known)\b", re.I),
    "claim in quotes": re.compile(r"[\"\u201c][^\"\u201d]*\b(?:killed|dead)\b", re.I),
    "war toll": re.compile(r"\b(?:since|so far|this year|of the war|in total)\b", re.I),
    "killed or wounded": re.compile(r"\bkilled or (?:wounded|injured)\b", re.I),
    "attackers": re.compile(r"\b(?:attackers|assailants|militants|fighters|bombers?|themselves|himself)\b", re.I),
}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, help="keep the pipeline's events between runs")
    parser.add_argument("--all", action="store_true", help="list every happening, not only the wrong ones")
    parser.add_argument("--reports", action="store_true", help="score the reports of tests/toll_reports.py")
    args = parser.parse_args(argv)
    if args.reports:
        report_misses()
        return
    gold = read_jsonl(GOLD_JSONL).split("dev")
    events = pipeline_events(gold, args.cache)
    predicted = predict(gold, events, MergeRules())
    items = match_items(gold, predicted)
    texts = {r.id: r.text for r in gold.reports}
    merged_figure = {p.merged_id: p.fatalities for p in predicted}
    own = {e.event_id: e for evs in events.values() for e in evs}
    happening_kinds: Counter[str] = Counter()
    report_kinds: Counter[str] = Counter()
    right = total = 0
    for h in gold.happenings:
        if h.fatalities is None:
            continue
        total += 1
        matched = [(a, e) for (a, hid), e in items.items() if hid == h.id]
        counts = Counter(e.merged_id for _, e in matched if e is not None)
        main_id = min(counts, key=lambda m: (-counts[m], m)) if counts else None
        figure = merged_figure.get(main_id) if main_id else None
        right += figure == h.fatalities
        if figure == h.fatalities and not args.all:
            continue
        kind = "no event" if figure is None else ("merged too low" if figure < h.fatalities else "merged too high")
        happening_kinds[kind] += figure != h.fatalities
        print(f"{'ok' if figure == h.fatalities else kind}: {h.id} gold {h.fatalities}, merged {figure}")
        for article, event in matched:
            if event is None:
                report_kinds["no event"] += 1
                print(f"    {article}: no event")
                continue
            got = own[event.event_id].fatalities
            place = "other merged event" if event.merged_id != main_id else "main merged event"
            state = (
                "no figure"
                if got == 0
                else ("below" if got < h.fatalities else ("above" if got > h.fatalities else "="))
            )
            if event.event_type != "frontline":
                state += f" ({event.event_type}: no toll coded)"
            held = [
                k
                for k, pattern in TEXT_KINDS.items()
                if any(pattern.search(s) for s in split_sentences(texts[article]) if DEATH_WORDS.search(s))
            ]
            report_kinds[state.split(" (")[0]] += 1
            print(f"    {article}: {got} {state}, {place}; its death sentences hold: {', '.join(held) or '-'}")
    print(f"\n{right}/{total} happenings with deaths right = {right / max(total, 1):.3f}")
    print("wrong happenings by kind:", dict(happening_kinds))
    print("their reports by figure:", dict(report_kinds))


def report_misses() -> None:
    from geo.parse.pipeline import load_pipeline
    from tests.toll_articles import ARTICLE_PLACES, article_misses
    from tests.toll_reports import PLACES, misses
    from tests.toll_reports_new import NEW_PLACES, new_misses
    from tests.toll_reports_victims import VICTIM_PLACES, victim_misses

    pipeline = load_pipeline()
    for name, places, wrong in (
        ("the short reports", PLACES, misses(pipeline)),
        ("the second batch of short reports and its check", NEW_PLACES, new_misses(pipeline)),
        ("the third batch, the dead named by any noun", VICTIM_PLACES, victim_misses(pipeline)),
        ("the fourth batch, article-length reports", ARTICLE_PLACES, article_misses(pipeline)),
    ):
        for text, place, wanted, got in wrong:
            print(f"{place}: wanted {wanted}, coded {got} | {text[:300]}")
        print(f"\n{places - len(wrong)}/{places} places of {name} with their deaths right\n")


if __name__ == "__main__":
    main()
