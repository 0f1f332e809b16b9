"""Finding place mentions: candidates from spaCy and the gazetteer, kept or dropped by
a trained model.

The small English model finds most places but mislabels some (a town as ORG or
PERSON) and misses misspellings, while the gazetteer alone would turn every "Jackson"
or "Of" into a place. So every entity and every capitalised name the gazetteer knows
is a candidate (``geo.parse.placefeatures``), and a logistic model trained on annotated news
(``scripts/train_geoparser.py``) decides from its features: labels, the words around
it, shape, the gazetteer's view of the name, its position (a dateline) and the other
occurrences of the name. Two passes: the second also knows how sure the first was of
the same name elsewhere in the article (one sense per article) and looks for
misspellings of the names it kept ("Palmrya"). Demonyms ("Syrian") are context, never
mentions; their spans are kept apart (``Recognition.demonyms``) for a reader who counts
them as references to their country.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

from geo.parse.placefeatures import (
    Candidate,
    NameIndex,
    article_view,
    candidates,
    features,
    first_pass_by_name,
    in_longer_name,
    misspellings,
    normalized,
    second_pass_features,
    text_of,
)
from geo.parse.placemodel import GeoparserModel, load_model
from geo.parse.variants import is_spot
from geo.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc


class ResolverHints(TypedDict):
    """What the resolver (``geo.parse.resolve.resolve``, ``readings``, ``scored_readings``)
    takes from a recognition besides its mentions, as keyword arguments."""

    demonym_countries: Sequence[str]
    resolve_as: Mapping[str, str]
    demonym_of: Mapping[int, str]
    cut_short: Collection[int]


@dataclass(frozen=True, slots=True)
class Recognition:
    """Mentions found in one document, and the countries its demonyms point to."""

    mentions: tuple[Mention, ...]
    demonym_countries: tuple[str, ...]
    #: mention text -> the name to resolve it by: the article's name it misspells
    #: ("Palmrya" -> "Palmyra"), or its fuller form ("Washington" -> "Washington state")
    resolve_as: tuple[tuple[str, str], ...] = ()
    #: (start of a mention, the country of the demonym that qualifies it): "the Malian
    #: town of X", "the Chadian side of X" (``demonym_qualified``)
    demonym_of: tuple[tuple[int, str], ...] = ()
    #: (start, end, country) of each demonym, in text order (``demonym_spans``)
    demonyms: tuple[tuple[int, int, str], ...] = ()
    #: starts of the mentions that are a piece of a longer proper name the gazetteer does
    #: not list ("El Arbaa" of "Souk El Arbaa"; ``geo.parse.placefeatures.in_longer_name``)
    cut_short: tuple[int, ...] = ()

    def hints(self) -> ResolverHints:
        """The keyword arguments the resolver takes from this recognition."""
        return ResolverHints(
            demonym_countries=self.demonym_countries,
            resolve_as=dict(self.resolve_as),
            demonym_of=dict(self.demonym_of),
            cut_short=self.cut_short,
        )


@dataclass(frozen=True, slots=True)
class ScoredCandidate:
    candidate: Candidate
    features: dict[str, float]
    first: float  # first-pass probability
    second: float  # second-pass probability


@dataclass(frozen=True, slots=True)
class _FirstPass:
    candidate: Candidate
    features: dict[str, float]
    probability: float


def score_candidates(doc: Doc, names: NameIndex, model: GeoparserModel) -> list[ScoredCandidate]:
    """Every candidate of ``doc`` with its features and both passes' probabilities."""
    found = candidates(doc, names)
    view = article_view(doc, found)

    def first_pass(candidate: Candidate) -> _FirstPass:
        f = features(doc, candidate, names, view)
        return _FirstPass(candidate, f, model.first.probability(f))

    first = [first_pass(c) for c in found]
    likely = [f.candidate for f in first if f.probability >= model.first_pass_threshold]
    first += [first_pass(c) for c in misspellings(doc, names, likely, found)]
    by_name = first_pass_by_name([f.candidate for f in first], [f.probability for f in first])
    scored = []
    for f in first:
        second = second_pass_features(f.features, f.candidate, by_name, f.probability)
        scored.append(ScoredCandidate(f.candidate, second, f.probability, model.second.probability(second)))
    return scored


def select(
    scored: Sequence[ScoredCandidate], threshold: float, names: NameIndex, same_name_threshold: float | None = None
) -> list[Candidate]:
    """Candidates at or above ``threshold``, the likelier of two overlapping ones, no
    demonym, in text order; then other occurrences of the names kept that reach
    ``same_name_threshold`` (one sense per article). A candidate inside a longer one that
    also reaches ``threshold`` and is a gazetteer name yields to it (``_within_longer_name``)."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    cut = _within_longer_name(scored, threshold, names)
    ranked = sorted((s for s in scored if s.candidate not in cut), key=lambda s: (-s.second, s.candidate.start))

    def take(c: Candidate) -> None:
        if any(c.start < end and start < c.end for start, end in taken) or is_demonym_only(c.text, names):
            return
        kept.append(c)
        taken.append((c.start, c.end))

    for item in ranked:
        if item.second < threshold:
            break
        take(item.candidate)
    if same_name_threshold is not None and same_name_threshold < threshold:
        kept_names = {normalized(c.text) for c in kept}
        for item in ranked:
            if item.second < same_name_threshold:
                break
            if item.second < threshold and normalized(item.candidate.text) in kept_names:
                take(item.candidate)
    return sorted(kept, key=lambda c: c.start)


def _within_longer_name(scored: Sequence[ScoredCandidate], threshold: float, names: NameIndex) -> set[Candidate]:
    """Candidates that lie inside a longer candidate the model also takes for a place and
    whose whole name the gazetteer reads as another place than the piece: "Guinea" of
    "Guinea-Bissau", "Timor" of "Timor-Leste", "Bradford" of "Bradford Woods". The model
    scores both about alike, so which of the two it prefers is noise; the text names the
    longer. Not when the longer names the same place ("The Moscow" opening a sentence),
    nor a spot named for its town ("X Regional Airport", where news means the town as
    often as the airport), nor when the piece is read by the longer name already
    ("Washington" read as "Washington state")."""
    places = sorted((s.candidate for s in scored if s.second >= threshold), key=lambda c: c.start)
    starts = [c.start for c in places]
    cut = set()
    for long in places:
        for short in places[bisect_left(starts, long.start) : bisect_left(starts, long.end)]:
            if (
                short.end <= long.end
                and long.end - long.start > short.end - short.start
                and normalized(short.resolve_as) != normalized(long.text)
                and _names_another_place(long.text, short.text, names)
            ):
                cut.add(short)
    return cut


def _names_another_place(longer: str, piece: str, names: NameIndex) -> bool:
    """Does the gazetteer read ``longer`` first as a place, not a spot, other than the one
    it reads ``piece`` as first?"""
    whole = names.lookup(longer)
    if not whole or is_spot(whole[0]):
        return False
    own = names.lookup(piece)
    return not own or own[0] != whole[0]


def recognise(doc: Doc, names: NameIndex, model: GeoparserModel | None = None) -> Recognition:
    """All place mentions in ``doc`` (a parsed article), in text order."""
    model = model or load_model()
    scored = score_candidates(doc, names, model)
    chosen = select(scored, model.threshold, names, model.same_name_threshold)
    mentions = tuple(Mention(start=c.start, end=c.end, text=c.text, label=c.label, sentence=c.sentence) for c in chosen)
    spans = demonym_spans(doc, names, [s.candidate for s in scored])
    resolve_as = {c.text: c.resolve_as for c in chosen if c.resolve_as}
    return Recognition(
        mentions=mentions,
        demonym_countries=tuple(code for _, _, code in spans),
        resolve_as=tuple(sorted(resolve_as.items())),
        demonym_of=demonym_qualified(text_of(doc), mentions, spans),
        demonyms=spans,
        cut_short=tuple(c.start for c in chosen if in_longer_name(doc, c.start_token, c.end_token, names)),
    )


def demonym_spans(doc: Doc, names: NameIndex, found: Sequence[Candidate]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, country) of each demonym of ``doc``, in text order: its NORP entities
    that are demonyms, and the candidates (``found``) that are only a demonym outside them.
    The small English model tags a demonym before a noun a person or an organisation one
    time in six ("Azerbaijani generals"), and such a word says which country the story is
    in as much as a tagged one."""
    spans = {(ent.start_char, ent.end_char): ent.text for ent in doc.ents if ent.label_ == "NORP"}
    for c in found:
        if not any(c.start < end and start < c.end for start, end in spans) and is_demonym_only(c.text, names):
            spans[(c.start, c.end)] = c.text
    return tuple(
        (start, end, code) for (start, end), text in sorted(spans.items()) if (code := names.demonym(text)) is not None
    )


def written_demonyms(
    text: str, names: NameIndex, spans: Sequence[tuple[int, int, str]]
) -> tuple[tuple[int, int, str], ...]:
    """``spans`` (``demonym_spans``) and every other demonym word written in ``text``, as
    (start, end, country) in text order. The small English model leaves a demonym that
    opens a name untagged or inside the name's entity ("American Airlines", "the Russian
    Museum"), yet the word refers to its country as much as "American troops" does. Only
    for reading demonyms as places: the resolver's context stays with ``spans``."""
    found = list(spans)
    for match in demonym_pattern().finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e, _ in spans) or not is_demonym_only(match.group(), names):
            continue
        code = names.demonym(match.group())
        if code is not None:
            found.append((start, end, code))
    return tuple(sorted(found))


@functools.cache
def demonym_pattern() -> re.Pattern[str]:
    """The shipped demonym table's words ("Syrian", "Costa Rican") and their plurals as
    whole words, written as the table writes them, the longest first."""
    from gazetteer.sources import read_demonyms

    words = sorted({word for word, _ in read_demonyms()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")s?\b")


def demonym_countries(doc: Doc, names: NameIndex, found: Sequence[Candidate]) -> tuple[str, ...]:
    """The country of each demonym of ``doc`` (``demonym_spans``), in text order."""
    return tuple(code for _, _, code in demonym_spans(doc, names, found))


#: What stands between a demonym and the name it qualifies: one lower-case noun and "of"
#: ("the Malian town of", "the Chadian side of", "the Ukrainian port of"), whatever the noun.
QUALIFYING_WORDS = re.compile(r"\s+[a-z]+(?:-[a-z]+)?\s+of\s+(?:the\s+)?$")
#: How far before a name those words may begin, in characters.
QUALIFIER_REACH = 40


def demonym_qualified(
    text: str, mentions: Sequence[Mention], spans: Sequence[tuple[int, int, str]]
) -> tuple[tuple[int, str], ...]:
    """(start of a mention, country) for each mention a demonym qualifies in the way news
    says which country a place is in: "the Malian town of X" is X in Mali as surely as
    "X, Mali"."""
    by_end = {end: code for _, end, code in spans}
    found = []
    for m in mentions:
        reach = max(0, m.start - QUALIFIER_REACH)
        words = QUALIFYING_WORDS.search(text, reach, m.start)
        code = by_end.get(words.start()) if words is not None else None
        if code is not None:
            found.append((m.start, code))
    return tuple(found)


def is_demonym_only(text: str, names: NameIndex) -> bool:
    """'Syrian' informs context only; 'New Zealand', adjective and country alike, is a place."""
    return names.demonym(text) is not None and not names.name_info(text).is_country_or_admin1
