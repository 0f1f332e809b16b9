"""How well event coding carries to a war it was not written for: leave-one-war-out on dev.

    python3 scripts/coded_generalisation.py               # per-war scores, full table and war left out
    python3 scripts/coded_generalisation.py --failures    # also every wrong item, by kind, and every
                                                          # wrong happening with the pair each report coded
    python3 scripts/coded_generalisation.py --causes      # also each war's merging loss by cause (war left out)

The coding's rules are general code, but the actor table (``geo/parse/tables/actors.tsv``)
holds what was learned of each war: its armed groups and their aliases. For each dev war
this scores the war twice: with the whole table, and with the table left without that war
(every row of a country the war's happenings are in, and every row whose name is one of
its gold actors), so that its actors must come from the general rules alone (demonyms,
"the army" of the event's country, unknown groups kept as written, civilians hit).
Fatalities use no table, so their two figures differ only through the actors' sentences.

Merging is scored too (B-cubed over the war's items), its recall lost split by where it is
lost (``merging_losses``): items whose report made no event at the happening, which cannot
merge (the geoparser's and the event model's), and items that have an event but were kept
apart from their happening's other items (the match's own); and the precision lost to wrong merges.
``--causes`` splits them further with the war left out (``learn_merge.loss_by_cause``): items
kept apart by type, by date, or by place (a namesake, a town and its region or country, a seat
and a town near it, a nearby point), and items with no event by why.

``--reports`` scores the short reports of ``tests/actor_reports*.py`` the same way, each with
the rows of its own war left out: the rows of every country its two gold actors name
("Military Forces of X", "Civilians (X)") and every row whose name is one of them.

Dev only: the test split is never read here.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.countries import alpha2_from_name  # noqa: E402
from geo.eval.coded import (  # noqa: E402
    CodedGold,
    Happening,
    PredictedEvent,
    match_items,
    read_jsonl,
    same_actors,
    score,
)
from geo.parse import actors  # noqa: E402
from geo.records import Article, Event  # noqa: E402
from geo.store.merge import MergeRules  # noqa: E402

sys.path.insert(0, str(REPO / "scripts"))
from build_coded import GOLD_JSONL, predict  # noqa: E402
from learn_merge import Item, bcubed_losses, loss_by_cause  # noqa: E402


@contextmanager
def table_without(rows: Sequence[actors.TableRow]) -> Iterator[None]:
    """The coding reads ``rows`` instead of the shipped actor table while inside."""
    original = actors.load_actor_table
    caches = (
        actors._alias_matcher,
        actors._generic_aliases,
        actors._branches,
        actors._find_actors,
        actors._article_group,
        actors._article_names_cached,
        actors._rows_by_name_key,
    )
    for cache in caches:
        cache.cache_clear()
    actors.load_actor_table = lambda: tuple(rows)  # type: ignore[assignment]
    try:
        yield
    finally:
        actors.load_actor_table = original
        for cache in caches:
            cache.cache_clear()


def war_rows_removed(table: Sequence[actors.TableRow], war: Sequence[Happening]) -> tuple[actors.TableRow, ...]:
    """The table without the rows of a war: its countries' rows and its gold actors' rows."""
    countries = {h.country_code.upper() for h in war if h.country_code}
    names = {a for h in war for a in (h.actor1, h.actor2) if a}
    return tuple(r for r in table if not {r.country_code.upper(), *r.also} & countries and r.name not in names)


def countries_named(names: Iterable[str]) -> frozenset[str]:
    """The countries ACLED's names of actors name: "Military Forces of Kenya", "Civilians (Kenya)"."""
    found = set()
    for name in names:
        for written in re.findall(r"(?:Forces|Government) of (.+)$|\((.+)\)$", name):
            code = alpha2_from_name(written[0] or written[1])
            if code:
                found.add(code)
    return frozenset(found)


def report_rows_removed(table: Sequence[actors.TableRow], want: frozenset[str]) -> tuple[actors.TableRow, ...]:
    """The table without the rows of a short report's war: the countries its gold actors
    name and the rows named as one of them."""
    countries = countries_named(want)
    return tuple(r for r in table if not {r.country_code.upper(), *r.also} & countries and r.name not in want)


def score_reports(pipeline: object, show: bool) -> None:
    """Each batch of ``tests/actor_reports*.py``, with the full table and with each report's war
    left out (``report_rows_removed``): how many reports get both actors right as a set."""
    from tests.actor_reports import ACTOR_REPORTS, frontline_pair
    from tests.actor_reports4 import FOURTH_ACTOR_REPORTS
    from tests.actor_reports_more import MORE_ACTOR_REPORTS
    from tests.actor_reports_third import THIRD_ACTOR_REPORTS

    table = actors.load_actor_table()
    batches = (
        ("first", ACTOR_REPORTS),
        ("second", MORE_ACTOR_REPORTS),
        ("third", THIRD_ACTOR_REPORTS),
        ("fourth", FOURTH_ACTOR_REPORTS),
    )
    for batch, reports in batches:
        right = {"full table": 0, "war left out": 0}
        for k, (text, want) in enumerate(reports):
            for label, rows in (("full table", table), ("war left out", report_rows_removed(table, want))):
                with table_without(rows):
                    got = frontline_pair(pipeline, text)
                right[label] += same_actors(got, want)
                if show and not same_actors(got, want):
                    print(f"  [{label}] {batch}-{k}: gold {sorted(want)} got {sorted(got)}")
                    print(f"        text: {text[:220]}")
        line = ", ".join(f"{label} {n}/{len(reports)}" for label, n in right.items())
        print(f"REPORTS {batch:6} {line}", flush=True)


def events_of(pipeline: object, gold: CodedGold) -> dict[str, tuple[Event, ...]]:
    out: dict[str, tuple[Event, ...]] = {}
    for r in gold.reports:
        article = Article(
            r.text, title=r.title, published=r.published_date, source=r.source, url=r.url, article_id=r.id
        )
        out[r.id] = pipeline.events(article)  # type: ignore[attr-defined]
    return out


FULL_TABLE = actors.load_actor_table()


def gold_inter(name: str, country_code: str) -> int:
    """ACLED's inter code of a gold actor in an event in ``country_code``: the shipped
    table's, else by ACLED's generic names; state forces abroad are external forces (8)."""
    if not name:
        return 0
    home = actors.country_name(country_code)
    for prefix in ("Military Forces of ", "Police Forces of "):
        if name.startswith(prefix):
            return 1 if name.removeprefix(prefix) == home else 8
    row = next((r for r in FULL_TABLE if r.name == name), None)
    if row is not None:
        abroad = row.inter == 1 and row.country_code and row.country_code != country_code
        return 8 if abroad else row.inter
    if name.startswith("Civilians ("):
        return 7
    return 3 if name.startswith("Unidentified Armed Group") else 0


def items(gold: CodedGold, events: dict[str, tuple[Event, ...]], label: str, show: bool) -> tuple[int, ...]:
    """Per report (each matched item's own event, before merging): frontline items, with
    the actors right as a set, with the interaction code right; items with deaths, with the
    figure right (the gold's is the lowest of all reports, so a report giving a higher
    figure counts as wrong here); ``show`` prints the wrong ones."""
    predicted = predict(gold, events, MergeRules())
    by_id = {e.event_id: e for evs in events.values() for e in evs}
    n_act = act_right = inter_right = n_fat = fat_right = 0
    for (report_id, happening_id), matched in sorted(match_items(gold, predicted).items()):
        h = gold.happening(happening_id)
        if matched is None:
            if show:
                print(f"  [{label}] {report_id} {happening_id}: no event")
            continue
        event = by_id[matched.event_id]
        if h.fatalities is not None:
            n_fat += 1
            fat_right += event.fatalities == h.fatalities
            if show and event.fatalities != h.fatalities:
                print(f"  [{label}] FAT {report_id} {happening_id}: gold {h.fatalities} got {event.fatalities}")
                print(f"        quote: {event.quote[:220]}")
        got = frozenset(a for a in (event.actor1, event.actor2) if a)
        if h.event_type == "frontline" and h.actors:
            n_act += 1
            act_right += same_actors(got, h.actors)
            cc = h.country_code.upper()
            inter_right += event.interaction == actors.interaction(gold_inter(h.actor1, cc), gold_inter(h.actor2, cc))
            if show and not same_actors(got, h.actors):
                print(f"  [{label}] ACT {report_id} {happening_id}: gold {sorted(h.actors)} got {sorted(got)}")
                print(f"        quote: {event.quote[:220]}")
    return n_act, act_right, inter_right, n_fat, fat_right


def wrong_happenings(
    gold: CodedGold, predicted: Sequence[PredictedEvent], events: dict[str, tuple[Event, ...]], label: str
) -> None:
    """Print each frontline happening whose merged event's actors are wrong: the gold pair,
    the merged pair, and the pair of each of its reports' events (the votes it was chosen from)."""
    by_event = {e.event_id: e for e in predicted}
    reported = {e.event_id: e for evs in events.values() for e in evs}
    items = match_items(gold, predicted)
    for h in gold.happenings:
        if h.event_type != "frontline" or not h.actors:
            continue
        matched = [e for (_, hid), e in sorted(items.items()) if hid == h.id and e is not None]
        merged = Counter(e.merged_id for e in matched)
        main = min(merged, key=lambda m: (-merged[m], m)) if merged else None
        got = by_event[main].actors if main is not None else frozenset()
        if same_actors(got, h.actors):
            continue
        print(f"  [{label}] HAPPENING {h.id}: gold {sorted(h.actors)} got {sorted(got)}")
        members = [e for e in predicted if e.merged_id == main]
        for e in [*matched, *(e for e in members if e not in matched)]:
            own = reported[e.event_id]
            joined = "" if e in matched else " (merged in)"
            print(
                f"        {e.article_id}{joined} {e.sub_event_type}: {own.actor1!r} / {own.actor2!r}  {own.quote[:150]}"
            )


def merging_losses(gold: CodedGold, predicted: Sequence[PredictedEvent]) -> tuple[float, float, float]:
    """B-cubed recall lost to items with no event, recall lost to items kept apart, precision
    lost to wrong merges, each as a share of ``gold``'s items."""

    def cause(first: Item, second: Item) -> str:
        return "no event" if first[1] is None or second[1] is None else "match"

    recall_loss, precision_loss = bcubed_losses(gold, predicted, cause)
    return recall_loss["no event"], recall_loss["match"], precision_loss["match"]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failures", action="store_true", help="print every wrong item")
    parser.add_argument("--causes", action="store_true", help="print each war's merging loss by cause")
    parser.add_argument(
        "--reports", action="store_true", help="score only the short reports of tests/actor_reports*.py"
    )
    args = parser.parse_args(argv)
    from geo.parse.pipeline import load_pipeline

    if args.reports:
        score_reports(load_pipeline(), args.failures)
        return

    dev = read_jsonl(GOLD_JSONL).split("dev")
    wars = sorted(Counter(h.conflict for h in dev.happenings))
    pipeline = load_pipeline()
    table = actors.load_actor_table()
    totals: dict[str, list[int]] = {}
    merging: dict[str, list[float]] = {}
    for war in wars:
        one = CodedGold(
            tuple(h for h in dev.happenings if h.conflict == war), tuple(r for r in dev.reports if r.conflict == war)
        )
        for label, rows in (("full table", table), ("war left out", war_rows_removed(table, one.happenings))):
            with table_without(rows):
                events = events_of(pipeline, one)
                predicted = predict(one, events, MergeRules())
                s = score(one, predicted)
                per_item = items(one, events, label, args.failures)
                if args.failures:
                    wrong_happenings(one, predicted, events, label)
                if args.causes and rows is not table:
                    loss_by_cause(one, events, MergeRules())
            right_f = round(s.fatality_accuracy * s.fatality_events)
            right_a = round(s.actor_accuracy * s.actor_events)
            exact_a = round(s.actor_accuracy_exact * s.actor_events)
            figures = (right_f, s.fatality_events, right_a, s.actor_events, *per_item, exact_a)
            t = totals.setdefault(label, [0] * len(figures))
            for k, v in enumerate(figures):
                t[k] += v
            print(f"{war[:32]:32} {label:13} {_line(figures)}  ({len(rows)} table rows)", flush=True)
            n = len(match_items(one, predicted))
            lost = merging_losses(one, predicted)
            m = merging.setdefault(label, [0.0] * 4)
            for k, v in enumerate((*lost, 1.0)):
                m[k] += v * n
            print(f"{'':32} {label:13} {_merging_line(s.f1, *lost)}", flush=True)
    for label, t in totals.items():
        print(f"ALL {label:13} {_line(tuple(t))}")
        no_event, apart, wrong, n = merging[label]
        recall, precision = 1 - (no_event + apart) / n, 1 - wrong / n
        pooled = 2 * precision * recall / (precision + recall)
        print(f"ALL {label:13} {_merging_line(pooled, no_event / n, apart / n, wrong / n)}")


def _merging_line(f1: float, no_event: float, apart: float, wrong: float) -> str:
    return (
        f"merging: B-cubed F1 {f1:.3f}; recall lost to items with no event {no_event:.3f},"
        f" to items kept apart {apart:.3f}; precision lost {wrong:.3f}"
    )


def _line(f: Sequence[int]) -> str:
    rf, nf, ra, na, n_act, act_right, inter_right, n_fat, fat_right, exact = f
    return (
        f"happenings: fatalities {rf}/{nf} = {rf / max(nf, 1):.3f}, actors {ra}/{na} = {ra / max(na, 1):.3f}"
        f" (names exactly as the gold's {exact}/{na});"
        f" reports: actors {act_right}/{n_act} = {act_right / max(n_act, 1):.3f},"
        f" interaction {inter_right}/{n_act} = {inter_right / max(n_act, 1):.3f},"
        f" fatalities {fat_right}/{n_fat} = {fat_right / max(n_fat, 1):.3f}"
    )


if __name__ == "__main__":
    main()
