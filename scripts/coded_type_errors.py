"""List the coded gold set's items whose event is missing or typed unlike their happening.

    python3 scripts/coded_type_errors.py [--split dev] [--cache FILE]

Runs the pipeline over the split's reports (``--cache`` as in ``build_coded.py``), merges
with the default rules, matches each (report, happening) item to its event
(``geo.eval.coded.match_items``) and prints, by kind, the items whose event is missing
(no event of the happening's type near it), of another type, or of another sub-type, with
the matched event's quote. Pairs of reports of one happening that the merging leaves apart
are mostly the first two kinds (``scripts/learn_merge.py --errors`` counts them).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_coded import GOLD_JSONL, pipeline_events, predict  # noqa: E402

from gazetteer.geodesy import great_circle_km  # noqa: E402
from geo.eval.coded import match_items, read_jsonl  # noqa: E402
from geo.store.merge import MergeRules  # noqa: E402

KINDS = ("missing", "type", "sub-type")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args(argv)
    gold = read_jsonl(GOLD_JSONL)
    if args.split != "all":
        gold = gold.split(args.split)
    events = pipeline_events(gold, args.cache)
    happenings = {h.id: h for h in gold.happenings}
    lines: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for (report_id, happening_id), matched in sorted(match_items(gold, predict(gold, events, MergeRules())).items()):
        h = happenings[happening_id]
        wanted = f"{h.event_type}/{h.sub_event_type} at {h.place}"
        if matched is None:
            near = ", ".join(
                f"{e.place} {e.event_type}/{e.sub_event_type} {great_circle_km(h.lat, h.lon, e.lat, e.lon):.0f} km"
                for e in events[report_id]
            )
            lines["missing"].append(f"{report_id} {happening_id}: wanted {wanted}; events: {near or 'none'}")
            continue
        if (matched.event_type, matched.sub_event_type) == (h.event_type, h.sub_event_type):
            continue
        kind = "type" if matched.event_type != h.event_type else "sub-type"
        quote = next(e.quote for e in events[report_id] if e.event_id == matched.event_id)
        lines[kind].append(
            f"{report_id} {happening_id}: wanted {wanted}, got {matched.event_type}/{matched.sub_event_type}: {quote}"
        )
    total = sum(len(found) for found in lines.values())
    print(f"split {args.split}: {len(gold.reports)} reports; {total} items missing or typed otherwise")
    for kind in KINDS:
        print(f"\n{kind}: {len(lines[kind])}")
        for line in lines[kind]:
            print(f"  {line}")


if __name__ == "__main__":
    main()
