"""Event corrections at scale: what they cost writing events, and one correction's time.

    python3 bench/bench_corrections.py [--events 100000] [--corrections 1000]

Prints: the insert rate of ``--events`` synthetic events into a store without corrections
and into one holding ``--corrections`` of them (every batch then looks its events'
corrections up, by id and by where they were read); the time to correct one event and to
undo it; and the time to write again the events of an article with corrections, as
parsing it again does. Target: corrections cost writes under 10 % and a correction
under 50 ms, with 100,000 events stored.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench_store import synthetic_events
from timing import best_of

from geo.records import Event, EventCorrection
from geo.store.store import EventStore

CHUNK = 10_000


def fill(store: EventStore, events: list[Event]) -> float:
    started = time.perf_counter()
    for start in range(0, len(events), CHUNK):
        store.add_events(events[start : start + CHUNK])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--corrections", type=int, default=1_000)
    args = parser.parse_args()
    events = list(synthetic_events(args.events))
    # Every n-th event corrected: spread over the batches, as a user's corrections are.
    step = max(1, len(events) // max(1, args.corrections))
    corrected = events[::step][: args.corrections]
    with tempfile.TemporaryDirectory(prefix="bench-corrections-") as folder:
        with EventStore.open(Path(folder) / "plain.sqlite") as plain:
            plain_s = fill(plain, events)
        with EventStore.open(Path(folder) / "fixed.sqlite") as fixed:
            fill(fixed, corrected)
            for event in corrected:
                fixed.correct_event(EventCorrection.of(event, event_type="other"))
            done = {e.event_id for e in corrected}
            rest = [e for e in events if e.event_id not in done]
            # The lookup alone, as each batch makes it: steadier than two fills on a busy machine.
            lookup_s = best_of(
                3, lambda: [fixed._corrected_on_the_way_in(rest[i : i + CHUNK]) for i in range(0, len(rest), CHUNK)]
            )
            with_s = fill(fixed, rest)
            total = fixed.count()
            one = corrected[len(corrected) // 2]
            correct_s = best_of(5, lambda: fixed.correct_event(EventCorrection.of(one, event_type="frontline")))
            undo_s = best_of(1, lambda: fixed.undo_correction(one.event_id))
            article = [e for e in events if e.article_id == one.article_id]
            fixed.correct_event(EventCorrection.of(one, deleted=True))
            fresh = [replace(e) for e in article]
            reparse_s = best_of(5, lambda: fixed.replace_events(one.article_id, fresh))
            left = {e.event_id for e in fixed.query() if e.article_id == one.article_id}
        with EventStore.open(Path(folder) / "plain-again.sqlite") as plain:
            plain_again_s = fill(plain, events)  # after, too: the machine's load changes over a run
    print(f"events: {args.events:,}; corrections stored: {len(corrected):,}; stored after: {total:,}")
    print(
        f"insert without corrections: {plain_s:.2f} s before, {plain_again_s:.2f} s after "
        f"({args.events / min(plain_s, plain_again_s):,.0f} events/s at best)"
    )
    print(
        f"insert with {len(corrected):,} corrections stored: {with_s:.2f} s ({len(rest) / with_s:,.0f} events/s), "
        f"of which looking up the corrections {lookup_s:.2f} s ({lookup_s / with_s:.1%})"
    )
    print(f"correct one event: {correct_s * 1000:.1f} ms; undo it: {undo_s * 1000:.1f} ms")
    print(
        f"write an article's {len(article)} events again (one deleted, stays deleted: "
        f"{one.event_id not in left}): {reparse_s * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
