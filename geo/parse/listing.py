"""Names written as items of one list: "Chad, Cameroon and X", "the United States and X".

The items of a list are things of one kind. A name that a country shares with a region
or a town ("Niger" a country and a Nigerian state, "Canada" a country and a Mexican
village), listed right beside a country, is the country; and a comma between two
countries joins two items of a list, it does not put the first inside the second
("Benin, Niger and Nigeria" names three countries, not Nigeria's Niger State).

Only the characters between two neighbouring mentions are read: no pass over the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from geo.records import Mention

#: What stands between two items of a list, lower-cased and with spaces collapsed.
LIST_JOINERS = frozenset({",", "and", ", and", "or", ", or", "&", "/", "as well as", ", as well as"})


def adjacent_mentions(text: str, ordered: Sequence[Mention], i: int) -> Iterator[tuple[Mention, str]]:
    """The mentions right before and after the ``i``-th of ``ordered`` (sorted by start),
    each with the text between the two."""
    mention = ordered[i]
    if i > 0:
        before = ordered[i - 1]
        yield before, text[before.end : mention.start]
    if i + 1 < len(ordered):
        after = ordered[i + 1]
        yield after, text[mention.end : after.start]


def joins_a_list(between: str) -> bool:
    """Are these the characters between two items of a list ("X, Y", "X and Y")?"""
    return " ".join(between.lower().split()) in LIST_JOINERS


def listed_beside_countries(
    text: str,
    mentions: Sequence[Mention],
    names: Mapping[Mention, str],
    reads_as_country: Mapping[str, bool],
) -> dict[str, float]:
    """For each name, the share of its mentions written as an item of a list right beside
    a name whose first reading is a country (another name than its own); names never so
    listed are left out. ``reads_as_country`` says, by name, whether its first reading is
    a country."""
    ordered = sorted(mentions, key=lambda m: m.start)
    beside: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for i, mention in enumerate(ordered):
        name = names[mention]
        counts[name] += 1
        for other, between in adjacent_mentions(text, ordered, i):
            if names[other] != name and reads_as_country.get(names[other], False) and joins_a_list(between):
                beside[name] += 1
                break
    return {name: beside[name] / counts[name] for name in beside}


def listed_together(text: str, mentions: Sequence[Mention], names: Mapping[Mention, str]) -> dict[str, frozenset[str]]:
    """For each name, the other names written in one list with it: each run of mentions
    that list joiners link ("California, Oregon and Nevada") is one list. Names never so
    listed are left out."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[list[str]] = []
    for i, mention in enumerate(ordered):
        if i and joins_a_list(text[ordered[i - 1].end : mention.start]):
            runs[-1].append(names[mention])
        else:
            runs.append([names[mention]])
    together: dict[str, set[str]] = {}
    for run in runs:
        for name in run:
            others = set(run) - {name}
            if others:
                together.setdefault(name, set()).update(others)
    return {name: frozenset(others) for name, others in together.items()}
