"""Reading and sentence analysis at scale: a large text article and many sentences.

    python3 bench/bench_readers.py [--megabytes 20] [--sentences 20000]

Prints: the time to read a ``--megabytes`` text article with ``read_articles``
(decoding, boilerplate removal, headline, the Article record) against reading and
decoding the same bytes alone (the baseline, measured in the same run); and the
rate of ``resolve_event_date``, ``classify_sentence`` (with a place span) and
``is_incidental_location`` over ``--sentences`` varied sentences, against a
lower-casing pass over the same sentences. Target: 20 MB read within a few seconds.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import date
from pathlib import Path

from timing import best_of

from geo.parse.dates import resolve_event_date
from geo.parse.eventtypes import classify_sentence
from geo.parse.roles import is_incidental_location
from geo.read.readers import read_articles

PARAGRAPHS = (
    "Russian artillery shelled residential districts of Kharkiv on Sunday, the regional governor said.",
    "Houthi drones struck a tanker off Hodeidah, a maritime security agency said on Tuesday.",
    "The RSF seized the main army base in Nyala after days of fighting, residents said.",
    "Aid trucks entered Gaza through the Rafah crossing as talks resumed in Cairo.",
    "Kerry arrived in Moscow ahead of talks with Lavrov on the Geneva process.",
)
TEMPLATES = (
    "{actor} shelled {place} {when}, officials said.",
    "Talks in {place} are expected to resume {when}.",
    "Thousands fled {place} {when} as fighting drew closer.",
    "A {place}-backed group seized a village near the river {when}.",
    "Washington believes that {place} can nudge its allies {when}.",
    "An aid convoy reached {place} {when}, the U.N. envoy said.",
)
ACTORS = ("Rebels", "Government forces", "Russian troops", "The army")
PLACES = ("Aleppo", "Kharkiv", "Hodeidah", "El Fasher", "Khan Younis", "Moscow", "Geneva", "Jeddah")
WHEN = ("on Thursday", "last week", "yesterday", "on 23 March 2016", "in April", "earlier this month", "")


def bench_read(megabytes: float) -> None:
    rng = random.Random(7)
    target = int(megabytes * 1024 * 1024)
    parts, size = ["Kharkiv under fire\n\n"], 0
    while size < target:
        paragraph = rng.choice(PARAGRAPHS) + "\n\n"
        parts.append(paragraph)
        size += len(paragraph)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.txt"
        path.write_text("".join(parts), encoding="utf-8")
        baseline = best_of(3, lambda: path.read_bytes().decode("utf-8"))
        reading = best_of(3, lambda: read_articles(path))
    print(
        f"read {size / 2**20:.1f} MB article: {reading:.2f} s "
        f"(bytes + decode alone {baseline:.2f} s, ratio {reading / baseline:.1f}x)"
    )


def bench_sentences(count: int) -> None:
    rng = random.Random(11)
    sentences = []
    for _ in range(count):
        place = rng.choice(PLACES)
        text = rng.choice(TEMPLATES).format(actor=rng.choice(ACTORS), place=place, when=rng.choice(WHEN))
        start = text.index(place)
        sentences.append((text, start, start + len(place)))
    published = date(2016, 3, 24)
    baseline = best_of(3, lambda: [s.lower() for s, _, _ in sentences])
    for label, work in (
        ("resolve_event_date", lambda: [resolve_event_date(s, published=published) for s, _, _ in sentences]),
        ("classify_sentence(near=)", lambda: [classify_sentence(s, near=(a, b)) for s, a, b in sentences]),
        ("is_incidental_location", lambda: [is_incidental_location(s, a, b) for s, a, b in sentences]),
    ):
        seconds = best_of(3, work)
        print(
            f"{label}: {count / seconds:,.0f} sentences/s ({seconds * 1e6 / count:.0f} µs each; "
            f"{seconds / baseline:,.0f}x a lower-casing pass)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    parser.add_argument("--sentences", type=int, default=20000)
    args = parser.parse_args()
    bench_read(args.megabytes)
    bench_sentences(args.sentences)


if __name__ == "__main__":
    main()
