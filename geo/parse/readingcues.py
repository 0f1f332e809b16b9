"""What the words around a name say about which of its namesakes is meant.

A name that a country, a region, a river and a village share is told apart by its
neighbours in the text: a river by the words a river takes, a country by the countries
listed beside it, a state by the words that introduce one. No word is listed here:
each (word, kind of place) pair gets a weight learned on the dev halves by
``scripts/train_geoparser.py``, shipped in the geoparser model as ``reading`` weights,
and added to a candidate's score in ``geo.parse.resolve``. The features also weigh how
famous a candidate is beside its namesakes against the country the article votes for.

Everything here reads only a short window around each mention: no pass over the
whole document.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from gazetteer.entry import Entry
from geo.parse.listing import adjacent_mentions
from geo.records import Mention

#: How many words either side of a mention count as its context.
WINDOW_WORDS = 1
#: How many characters either side are read to find them.
WINDOW_CHARS = 48
#: Another mention at most this many characters away is the name's neighbour ("Chad and X").
NEIGHBOUR_CHARS = 12
#: What ends a neighbourhood: a sentence's or a line's end, a bracket.
_BREAK = re.compile(r"[.;:!?()\n]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True, slots=True)
class NameCues:
    """The context of every mention of one name: words by side, and the kinds of the
    places named right beside it, each as a share of the name's mentions."""

    words: Mapping[str, float]
    neighbours: Mapping[str, float]


def kind_of(entry: Entry) -> str:
    """The kind of place an entry is, as the reading features tell them apart."""
    if entry.is_country:
        return "country"
    if entry.feature_code == "ADM1":
        return "adm1"
    if entry.feature_class == "A":
        return "adm2"
    if entry.feature_class == "P":
        return "town"
    if entry.feature_class in ("H", "T", "L"):
        return "physical"  # water, relief, a region of no one government
    return "spot"


def name_cues(
    text: str,
    mentions: Sequence[Mention],
    names: Mapping[Mention, str],
    first_kind: Mapping[str, str],
) -> dict[str, NameCues]:
    """Each name's cues, from a window of words around each of its mentions.

    ``first_kind`` gives the kind of each name's first candidate (the gazetteer's own
    best), which is how a neighbouring name is read ("Cameroon and X": a country beside)."""
    words: dict[str, Counter[str]] = {}
    neighbours: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, mention in enumerate(ordered):
        name = names[mention]
        counts[name] += 1
        own = words.setdefault(name, Counter())
        left = _WORD.findall(text[max(0, mention.start - WINDOW_CHARS) : mention.start].split("\n")[-1])
        right = _WORD.findall(text[mention.end : mention.end + WINDOW_CHARS].split("\n")[0])
        for word in left[-WINDOW_WORDS:]:
            own[f"L:{word.lower()}"] += 1
        for word in right[:WINDOW_WORDS]:
            own[f"R:{word.lower()}"] += 1
        beside = neighbours.setdefault(name, Counter())
        for other, between in adjacent_mentions(text, ordered, i):
            if (
                len(between) <= NEIGHBOUR_CHARS
                and not _BREAK.search(between)
                and names[other] != name
                and names[other] in first_kind
            ):
                beside[first_kind[names[other]]] += 1
    return {
        name: NameCues(
            {k: v / counts[name] for k, v in words[name].items()},
            {k: v / counts[name] for k, v in neighbours[name].items()},
        )
        for name in counts
    }


def reading_features(entry: Entry, most_populous: int, cues: NameCues | None, country_share: float) -> dict[str, float]:
    """The learned reading's features of one candidate: its kind, alone and crossed with
    each cue of the name's context; and, for a town, its fame beside the town namesakes
    (``most_populous``, their largest population; ``most_populous_town``), alone and
    against its country's share of the article's country votes. Areas have no population
    to compare (a river's or a region's is 0), so their kind speaks for them."""
    kind = kind_of(entry)
    features = {f"kind={kind}": 1.0}
    if cues is not None:
        for word, share in cues.words.items():
            features[f"{kind}|{word}"] = share
        for other, share in cues.neighbours.items():
            features[f"{kind}|beside={other}"] = share
    if kind == "town":
        gap = (math.log10(most_populous + 1) - math.log10(entry.population + 1)) / 7
        top = float(entry.population >= most_populous)
        features["fame_gap"] = gap
        features["fame_gap*country_share"] = gap * country_share
        features["most_populous"] = top
        features["most_populous*unvoted"] = top * (1.0 - country_share)
        features["capital"] = float(entry.feature_code == "PPLC")
    return features


def most_populous_town(entries: Iterable[Entry]) -> int:
    """The largest population among the populated places of a name's candidates (0: none)."""
    return max((e.population for e in entries if e.feature_class == "P"), default=0)


def learned_term(features: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """The sum of the learned weights of a candidate's features."""
    return sum(weights.get(name, 0.0) * value for name, value in features.items())
