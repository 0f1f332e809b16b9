"""A sentence's dependency parse, kept small: which word governs which.

The geoparser drops each spaCy document once its places are found; dating and typing an
event still need to know which clause a date phrase or a trigger belongs to and whether
the place sits in that clause ("gave a concert in Palmyra on Thursday, six weeks after
troops retook the city": the concert's verb governs Palmyra and Thursday, "retook" governs
neither). A ``ClauseTree`` keeps, per token, its offset in the sentence, its head, its
dependency label, its fine-grained tag and its lower-case text: enough to walk from a word
up to the verbs that govern it, with no second parse.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

#: Tags of verbs and auxiliaries (Penn Treebank, as spaCy's English models use them).
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
#: Nouns that only say which part of a day or what span a date phrase means ("on Sunday
#: morning", "late on Tuesday night"): a phrase that hangs on one hangs on what it hangs on.
TIME_NOUNS = frozenset(
    {"morning", "afternoon", "evening", "night", "dawn", "dusk", "midday", "noon", "midnight", "hours", "hour",
     "day", "days", "week", "weeks", "month", "months", "weekend", "start", "end", "beginning", "middle", "part"}
)  # fmt: skip
#: Clauses that tell of something besides the main event: a relative clause, a clause
#: that modifies a noun, an adverbial clause (after, since, when), a clausal complement.
SUBORDINATE_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "pcomp", "csubj", "parataxis"})


@dataclass(frozen=True, slots=True)
class ClauseTree:
    """One sentence's parse: per token its start offset in the sentence, head (an index in
    the sentence; the root is its own head), dependency label, tag and lower-case text."""

    starts: tuple[int, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    tags: tuple[str, ...]
    words: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.starts)

    def token_at(self, offset: int) -> int:
        """The token that covers character ``offset`` (the one starting at or before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def tokens_in(self, start: int, end: int) -> range:
        """The tokens that start inside ``start:end``."""
        first = self.token_at(start)
        if self.starts[first] < start and first + 1 < len(self):
            first += 1
        last = bisect_right(self.starts, end - 1) if end > start else first
        return range(first, max(first + 1, last))

    def head_of_span(self, start: int, end: int) -> int:
        """The token of ``start:end`` whose head lies outside it: the phrase's own head word."""
        inside = self.tokens_in(start, end)
        for i in inside:
            if self.heads[i] == i or self.heads[i] not in inside:
                return i
        return inside[0]

    def ancestors(self, index: int) -> Iterator[int]:
        """``index``'s head, its head's head, ... up to the root."""
        seen = {index}
        while self.heads[index] != index and self.heads[index] not in seen:
            index = self.heads[index]
            seen.add(index)
            yield index

    def is_verb(self, index: int) -> bool:
        return self.tags[index] in VERB_TAGS

    def attachment(self, start: int, end: int) -> int:
        """The word a phrase at ``start:end`` modifies: up from the phrase's head through
        prepositions ("on Tuesday" -> the verb; "an April 1 strike" -> strike; "last month's
        vote" -> vote)."""
        index = self.head_of_span(start, end)
        inside = self.tokens_in(start, end)
        for up in self.ancestors(index):
            if up in inside:
                continue
            if self.tags[up] in ("IN", "TO") and self.deps[up] in ("prep", "agent", "dative"):
                continue  # the preposition itself is no clause: go on to what it hangs on
            if self.words[up] in TIME_NOUNS and not self.is_verb(up):
                continue  # "Sunday morning": the phrase goes on to what the morning dates
            return up
        return index

    def clause_verb(self, index: int) -> int | None:
        """The verb of the clause that holds token ``index``: itself when it is a verb, else the
        nearest verb above it; None when no verb governs it (a headline, a fragment)."""
        if self.is_verb(index):
            return index
        return next((up for up in self.ancestors(index) if self.is_verb(up)), None)

    def children(self, index: int) -> Iterator[int]:
        return (i for i, head in enumerate(self.heads) if head == index and i != index)

    def tense(self, verb: int) -> str:
        """The verb's time, from its tag and its auxiliaries: ``future`` (will, would, is to,
        plans to ...), ``perfect`` (has/had + participle), ``present``, ``past``, ``nonfinite``."""
        auxiliaries = [self.words[i] for i in self.children(verb) if self.deps[i] in ("aux", "auxpass")]
        if any(word in FUTURE_AUXILIARIES for word in auxiliaries):
            return "future"
        if any(word in ("has", "have", "had", "'s", "'ve", "'d") for word in auxiliaries) and self.tags[verb] == "VBN":
            return "perfect"
        tags = [self.tags[i] for i in self.children(verb) if self.deps[i] in ("aux", "auxpass")] + [self.tags[verb]]
        if any(tag in ("VBZ", "VBP") for tag in tags):
            return "present"
        if any(tag == "VBD" for tag in tags):
            return "past"
        return "nonfinite"


#: Auxiliaries that put a clause in the future or the hypothetical.
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "could", "might", "may", "should", "must", "can"})


def clause_trees(doc: Doc) -> tuple[ClauseTree, ...]:
    """The parse of each sentence of ``doc``, in order: one array copy of the document, then
    slices (several times faster than reading each token's attributes)."""
    from spacy.attrs import DEP, HEAD, IDX, LOWER, TAG

    if len(doc) == 0:
        return ()
    array = doc.to_array([IDX, HEAD, DEP, TAG, LOWER])
    starts, heads = array[:, 0].tolist(), array[:, 1].astype("int64").tolist()
    strings = doc.vocab.strings
    labels = []
    for column in (2, 3, 4):
        keys = array[:, column].tolist()
        table = {key: strings[key] for key in set(keys)}
        labels.append(list(map(table.__getitem__, keys)))
    deps, tags, words = labels
    trees = []
    for sent in doc.sents:
        first, last = sent.start, sent.end
        base = starts[first]
        trees.append(
            ClauseTree(
                tuple(start - base for start in starts[first:last]),
                # HEAD is stored relative to the token
                tuple(i + head for i, head in enumerate(heads[first:last])),
                tuple(deps[first:last]),
                tuple(tags[first:last]),
                tuple(words[first:last]),
            )
        )
    return tuple(trees)


def clause_tree(sentence: Span) -> ClauseTree:
    """The parse of a spaCy sentence, in offsets of that sentence."""
    base, first = sentence.start_char, sentence.start
    starts, heads, deps, tags, words = [], [], [], [], []
    for token in sentence:
        starts.append(token.idx - base)
        heads.append(token.head.i - first)
        deps.append(token.dep_)
        tags.append(token.tag_)
        words.append(token.lower_)
    return ClauseTree(tuple(starts), tuple(heads), tuple(deps), tuple(tags), tuple(words))
