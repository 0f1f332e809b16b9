"""Whether a corpus counts demonyms as toponyms: a scoring convention read from the corpus.

Corpora differ. Some annotate "Israeli soldiers" or "the Mexican government" as a
reference to Israel or Mexico, as LGL does; others annotate only names of places, as
GeoVirus and our war news do. Counting the geoparser's demonym places (``DEMONYM``
mentions) on the first kind is fair, on the second it would cost precision for words the
corpus never meant as places. ``--demonyms auto`` reads which kind a corpus is:

1. a corpus whose gold toponyms carry a ``type`` says it by them: it counts demonyms when
   some type names them ("demonym", "adjectival", "NORP", "nationality");
2. else it counts demonyms when most demonym words in its texts (the shipped demonym
   table's words and their plurals, as written) are gold toponyms, span for span.

Like ``geotagging_applies`` for WikToR, this decides what is scored, never what the
geoparser finds; the eval output says which convention each corpus was scored under.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.parse.mentions import demonym_pattern

if TYPE_CHECKING:
    from geo.eval.evaluate import GoldArticle

#: ``--demonyms``: read the convention from the corpus, or count demonyms, or not.
DEMONYM_CONVENTIONS = ("auto", "yes", "no")
#: A gold toponym type that names demonyms or adjectival place references.
DEMONYM_TYPE = re.compile(r"demonym|adjectiv|norp|nationalit", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DemonymConvention:
    """Whether demonym places count as predicted toponyms on a corpus, and why."""

    counted: bool
    why: str

    def describe(self, corpus: str) -> str:
        verdict = "counted as toponyms" if self.counted else "not counted"
        return f"{corpus}: demonyms {verdict} ({self.why})"


def demonym_convention(articles: Sequence[GoldArticle], choice: str = "auto") -> DemonymConvention:
    """The convention ``articles`` are scored under: ``choice`` "yes" or "no" as given,
    "auto" read from their gold (see the module's docstring)."""
    if choice not in DEMONYM_CONVENTIONS:
        raise ValueError(f"expected a demonym convention among {', '.join(DEMONYM_CONVENTIONS)}, got {choice!r}")
    if choice != "auto":
        return DemonymConvention(choice == "yes", f"--demonyms {choice}")
    types = sorted({g.kind for a in articles for g in a.toponyms if g.kind})
    if types:
        named = [t for t in types if DEMONYM_TYPE.search(t)]
        if named:
            return DemonymConvention(True, f"auto: its gold types include {', '.join(named)}")
        return DemonymConvention(False, f"auto: none of its gold types ({', '.join(types)}) names demonyms")
    words = gold = 0
    for article in articles:
        spans = {(g.start, g.end) for g in article.toponyms}
        for match in demonym_pattern().finditer(article.text):
            words += 1
            gold += match.span() in spans
    if not words:
        return DemonymConvention(False, "auto: no demonym words in its texts")
    return DemonymConvention(2 * gold > words, f"auto: {gold} of {words} demonym words in its texts are gold toponyms")
