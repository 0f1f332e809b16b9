"""Finding place mentions: spaCy's entities, checked and completed by the gazetteer
and by the article's own context.

The small English model finds most places but mislabels some (Palmyra comes out as
PERSON) and misses misspellings, while the gazetteer alone would turn every "Jackson"
or "Of" into a place. So a name becomes a mention when the model calls it a place, or
when the gazetteer knows it *and* the article uses it like one: after "in", "into",
"near"... (also as the later items of a list after such a word), in a dateline
("TORRINGTON —"), in a definition ("Hamilton is a city in..."), opening the name of its
own public body ("the Madison County Health Department"), or it is a country or region.
One sense per article: once a name is a place in one sentence, its other occurrences
are too, unless they sit inside a longer person's or organisation's name. Surnames of
people in the story, diseases named after places ("Reston virus") and demonyms
("Syrian", context only) are not mentions. The cue words live in ``geo.cuewords``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from rapidfuzz.distance import DamerauLevenshtein

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.cuewords import (
    AREA_GENERIC_WORDS,
    DIRECTION_WORDS,
    LOCATIVE_WORDS,
    PATHOGEN_WORDS,
    PERSON_TITLES,
    PLACE_NOUNS,
    PUBLIC_BODY_WORDS,
    SPEECH_VERBS,
    STRONG_LOCATIVE_WORDS,
)
from geo.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from gazetteer.database import NameInfo

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Labels the small model gives places by mistake; such a span is a place only when
#: the article backs it up.
SUSPECT_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
#: Entities whose tokens never start a gazetteer-only mention ("Islamic State", "Kerry").
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "DATE", "TIME", "MONEY", "PERCENT",
                             "QUANTITY", "CARDINAL", "ORDINAL", "PRODUCT", "LAW", "LANGUAGE",
                             "WORK_OF_ART", "EVENT"})

MAX_NAME_TOKENS = 4
#: Longest list of names a locative word carries over ("in A, B, C ... and H").
MAX_LIST_ITEMS = 8
#: Label of a place named in a dateline.
DATELINE_LABEL = "DATELINE"
#: Label of a place name that opens an organisation's name.
ORG_PLACE_LABEL = "ORG_PLACE"
#: Population above which a place the model calls a person still counts without a cue.
PROMINENT_POPULATION = 100_000
MIN_FUZZY_LENGTH = 5
#: A misspelling of a place already named in the article: Damerau-Levenshtein
#: similarity over normalised names ("palmrya" ~ "palmyra" is one transposition).
ARTICLE_FUZZY_SIMILARITY = 0.8


class NameIndex(Protocol):
    """What recognition needs from the gazetteer."""

    def lookup(self, name: str) -> tuple[Entry, ...]: ...
    def lookup_variants(self, name: str) -> tuple[Entry, ...]: ...
    def fuzzy(self, name: str, *, limit: int = 5) -> tuple[tuple[Entry, float], ...]: ...
    def is_common_word(self, word: str) -> bool: ...
    def name_info(self, name: str) -> NameInfo: ...
    def demonym(self, word: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Recognition:
    """Mentions found in one document, and the countries its demonyms point to."""

    mentions: tuple[Mention, ...]
    demonym_countries: tuple[str, ...]
    #: mention text -> the name to resolve it by: the article's name it misspells
    #: ("Palmrya" -> "Palmyra"), or its fuller form ("Washington" -> "Washington state")
    resolve_as: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Span:
    start_token: int
    end_token: int
    start: int
    end: int
    text: str
    label: str
    sentence: int


def recognise(doc: Doc, names: NameIndex) -> Recognition:
    """All place mentions in ``doc`` (a parsed article), in text order."""
    sentence_of = _sentence_index(doc)
    hints: dict[str, str] = {}
    model_spans, suspects, blocked = _entity_spans(doc, names, sentence_of, hints)
    model_spans += _dateline_spans(doc, names, sentence_of)
    gazetteer_spans = _gazetteer_spans(doc, names, blocked, sentence_of, model_spans)
    accepted = _accept_by_article(doc, names, model_spans, suspects + gazetteer_spans)
    misspelt, misspelling_of = _article_misspellings(doc, names, accepted, blocked, sentence_of)
    spans = sorted((s for s in set(accepted) | set(misspelt)
                    if not _is_demonym_only(s.text, names) and not _names_a_pathogen(doc, s)),
                   key=lambda s: (s.start, -s.end))
    mentions = tuple(
        Mention(start=s.start, end=s.end, text=s.text, label=s.label, sentence=s.sentence)
        for s in _drop_overlaps(spans)
    )
    demonyms = tuple(
        code
        for ent in doc.ents
        if ent.label_ == "NORP" and (code := names.demonym(ent.text)) is not None
    )
    resolve_as = dict(hints)
    resolve_as.update(misspelling_of)
    return Recognition(mentions=mentions, demonym_countries=demonyms, resolve_as=tuple(sorted(resolve_as.items())))


def _names_a_pathogen(doc: Doc, span: _Span) -> bool:
    """'Reston virus', 'West Nile virus', 'Marburg strain': the place lends its name to a
    disease, and the text is about the disease."""
    return span.end_token < len(doc) and doc[span.end_token].lower_ in PATHOGEN_WORDS


def _is_demonym_only(text: str, names: NameIndex) -> bool:
    """'Syrian' informs context only; 'New Zealand', adjective and country alike, is a place."""
    return names.demonym(text) is not None and not names.name_info(text).is_country_or_admin1


def _text(doc: Doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each call."""
    text = doc.user_data.get("conflictmap_text")
    if text is None:
        text = doc.user_data["conflictmap_text"] = doc.text
    return text


def _sentence_index(doc: Doc) -> list[int]:
    """Token index -> sentence index."""
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


def _trimmed(ent: Span) -> tuple[int, int] | None:
    """Token bounds of an entity without a leading article or trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return (start, end) if start < end else None


def _make_span(doc: Doc, start: int, end: int, label: str, sentence_of: list[int]) -> _Span:
    first, last = doc[start], doc[end - 1]
    s, e = first.idx, last.idx + len(last.text)
    return _Span(start, end, s, e, _text(doc)[s:e], label, sentence_of[start])


def _entity_spans(doc: Doc, names: NameIndex, sentence_of: list[int], hints: dict[str, str]
                  ) -> tuple[list[_Span], list[_Span], list[bool]]:
    """Model places, suspects, and which tokens other entities hold; ``hints`` collects
    the fuller names to resolve trimmed ones by ("Washington" -> "Washington state")."""
    places: list[_Span] = []
    suspects: list[_Span] = []
    blocked = [False] * len(doc)
    for ent in doc.ents:
        bounds = _trimmed(ent)
        if bounds is None:
            continue
        if ent.label_ in PLACE_LABELS:
            bounds = _extended(doc, *_without_compass(doc, *bounds, names), names)
            bounds = _without_generic(doc, *bounds, names, hints)
            places.append(_make_span(doc, *bounds, ent.label_, sentence_of))
        elif ent.label_ == "ORG" and _is_place_name(doc, *bounds, names):
            # The small model often calls a bare town name an organisation ("Kingston
            # is the capital..."); it stays a suspect for the article to confirm.
            suspects.append(_make_span(doc, *bounds, ent.label_, sentence_of))
        elif ent.label_ == "ORG":
            # "the Georgia Bureau of Investigation", "Texas Southern University": an
            # institution named after a place names the place too.
            leading = _leading_place(doc, *bounds, names)
            if leading is not None:
                suspects.append(_make_span(doc, bounds[0], leading, ORG_PLACE_LABEL, sentence_of))
            trailing = _trailing_place(doc, *bounds, names)
            if trailing is not None:
                suspects.append(_make_span(doc, trailing, bounds[1], ORG_PLACE_LABEL, sentence_of))
        elif ent.label_ in SUSPECT_LABELS and ent.label_ != "NORP":
            suspects.append(_make_span(doc, *bounds, ent.label_, sentence_of))
        if ent.label_ in BLOCKING_LABELS:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    return places, suspects, blocked


def _without_generic(doc: Doc, start: int, end: int, names: NameIndex,
                     hints: dict[str, str]) -> tuple[int, int]:
    """'Washington state', 'Henan province': the name is the capitalised part; the
    lower-case word after it only says which of the name's places is meant."""
    last = doc[end - 1]
    if end - start > 1 and last.text == last.lower_ and last.lower_ in AREA_GENERIC_WORDS:
        name = _span_text(doc, start, end - 1)
        if names.lookup(name):
            hints[name] = _span_text(doc, start, end)
            return start, end - 1
    return start, end


#: A dateline: a place in capitals opening a story or a paragraph, then a dash or "(AP)"
#: ("TORRINGTON — City Council...", "EAST HAMPTON -- Police...", "HAMILTON (AP) -").
DATELINE = re.compile(
    r"(?:^|\n|[.!?][\"”’']?\s+)"
    r"(?P<name>[A-Z][A-Z'’]+(?:[ .]{1,2}[A-Z][A-Z'’]*){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]{1,8})?\s*(?:\(AP\)\s*)?(?:—|–|-{2,3}|-\s)"
)


def _dateline_spans(doc: Doc, names: NameIndex, sentence_of: list[int]) -> list[_Span]:
    """Places named in datelines: capitals alone say nothing, the dash after them does."""
    found = []
    for match in DATELINE.finditer(_text(doc)):
        span = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        if span is None or not len(span):
            continue
        for stop in range(span.end, span.start, -1):
            if names.lookup(_span_text(doc, span.start, stop)) and not _is_unknown_acronym(
                _span_text(doc, span.start, stop), names
            ):
                found.append(_make_span(doc, span.start, stop, DATELINE_LABEL, sentence_of))
                break
    return found


def _span_text(doc: Doc, start: int, end: int) -> str:
    return _text(doc)[doc[start].idx: doc[end - 1].idx + len(doc[end - 1].text)]


def _without_compass(doc: Doc, start: int, end: int, names: NameIndex) -> tuple[int, int]:
    """'North Texas' and 'Northeast Georgia' name the state; 'North Carolina' stays whole."""
    if end - start > 1 and doc[start].lower_ in DIRECTION_WORDS and not names.lookup(
        _span_text(doc, start, end)
    ) and names.lookup(_span_text(doc, start + 1, end)):
        return start + 1, end
    return start, end


def _extended(doc: Doc, start: int, end: int, names: NameIndex) -> tuple[int, int]:
    """The model sometimes stops short of a name's particles ("Deir" of "Deir ez-Zor")."""
    stop = end
    while stop < min(len(doc), end + 3) and (doc[stop].is_alpha or doc[stop].text in ("-", "‑")) and (
        not doc[stop].is_sent_start
    ):
        stop += 1
    if stop == end:
        return start, end
    own = names.lookup(_span_text(doc, start, end))
    for candidate in range(stop, end, -1):
        if not doc[candidate - 1].is_alpha:
            continue
        longer = names.lookup(_span_text(doc, start, candidate))
        # Only a longer name for another place counts: "Tripoli as" is just Tripoli
        # (the lookup drops Arabic articles such as "as").
        if longer and (not own or longer[0] != own[0]):
            return start, candidate
    return start, end


def _leading_place(doc: Doc, start: int, end: int, names: NameIndex) -> int | None:
    """End token of the longest place name that opens an organisation's name, if any."""
    for stop in range(min(end - 1, start + MAX_NAME_TOKENS), start, -1):
        if all(_is_name_token(doc[i]) for i in range(start, stop)) and names.lookup(
            _span_text(doc, start, stop)
        ):
            return stop
    return None


def _trailing_place(doc: Doc, start: int, end: int, names: NameIndex) -> int | None:
    """Start token of a place name that closes an organisation's name after "in"
    ("Lutheran School in Lombard"), if any. ("The University of Rochester" is left to
    the article: whether it names the city is a matter of convention.)"""
    for begin in range(max(start + 2, end - MAX_NAME_TOKENS), end):
        if doc[begin - 1].lower_ == "in" and all(_is_name_token(doc[i]) for i in range(begin, end)) and (
            names.lookup(_span_text(doc, begin, end))
        ):
            return begin
    return None


def _is_place_name(doc: Doc, start: int, end: int, names: NameIndex) -> bool:
    """The span is, word for word, a name the gazetteer knows."""
    if end - start > MAX_NAME_TOKENS or not all(
        _is_name_token(doc[i]) or doc[i].lower_ in ("of", "-", "de", "del", "la", "el")
        for i in range(start, end)
    ):
        return False
    # Only a place's main name: an alternate name of a small place ("Kristina" for
    # Ristiina) is no reason to doubt the model.
    info = names.name_info(_span_text(doc, start, end))
    return info.is_preferred_somewhere or info.is_country_or_admin1


def _is_name_token(token: Token) -> bool:
    if len(token.text) < 2 or token.lower_ in ("i", "a"):
        return False
    return token.is_title or (token.is_upper and token.is_alpha)


def _gazetteer_spans(doc: Doc, names: NameIndex, blocked: list[bool],
                     sentence_of: list[int], model_spans: Sequence[_Span]) -> list[_Span]:
    """Capitalised token runs the model left unlabelled but the gazetteer knows."""
    covered = [False] * len(doc)
    for span in model_spans:
        for i in range(span.start_token, span.end_token):
            covered[i] = True
    found: list[_Span] = []
    i = 0
    while i < len(doc):
        if covered[i] or blocked[i] or not _is_name_token(doc[i]):
            i += 1
            continue
        match = _longest_gazetteer_match(doc, i, names, covered, blocked)
        if match is None:
            i += 1
            continue
        found.append(_make_span(doc, i, match, "GAZ", sentence_of))
        i = match
    return found


def _longest_gazetteer_match(doc: Doc, start: int, names: NameIndex,
                             covered: list[bool], blocked: list[bool]) -> int | None:
    limit = min(len(doc), start + MAX_NAME_TOKENS)
    end = start
    while end < limit and not covered[end] and not blocked[end] and (
        _is_name_token(doc[end]) or (end > start and doc[end].lower_ in ("of", "-"))
    ):
        end += 1
    for stop in range(end, start, -1):
        if not _is_name_token(doc[stop - 1]):
            continue
        text = _span_text(doc, start, stop)
        if names.lookup(text) and not _is_unknown_acronym(text, names):
            return stop
    return None


def _is_unknown_acronym(text: str, names: NameIndex) -> bool:
    """'HIV', 'CDC', 'WHO': a short all-capitals word is a place only as a country's or
    region's abbreviation ("UAE", "DRC"), not because some village is spelled so."""
    return text.isalpha() and text.isupper() and len(text) <= 4 and not names.name_info(text).is_country_or_admin1


def _has_locative_cue(doc: Doc, span: _Span, words: frozenset[str] = LOCATIVE_WORDS) -> bool:
    """A locative word right before the name, allowing a compass word between."""
    i = span.start_token - 1
    while i >= 0 and (doc[i].lower_ in DIRECTION_WORDS or doc[i].lower_ in ("the", "of")):
        i -= 1
    if i < 0:
        return False
    if doc[i + 1].lower_ == "of" and doc[i].lower_ in PLACE_NOUNS:
        return True
    return doc[i].lower_ in words or (
        # "Tripoli, Lebanon": a name in apposition after a place name.
        doc[i].text == "," and i > 0 and doc[i - 1].ent_type_ in PLACE_LABELS
    ) or _listed_after_locative(doc, span, i, words)


def _listed_after_locative(doc: Doc, span: _Span, i: int, words: frozenset[str]) -> bool:
    """'shelling hit Aleppo, Homs, Hama and Idlib': every name of a list inherits the
    locative word before its first item. The name must itself be followed by a comma,
    a conjunction or the end of the sentence, as list items are."""
    after = doc[span.end_token] if span.end_token < len(doc) else None
    if after is not None and after.text not in (",", ".", ";", "and", "or") and not after.is_sent_start:
        return False
    items = 0
    while i >= 0 and doc[i].lower_ in (",", "and", "or") and items < MAX_LIST_ITEMS:
        i -= 1
        if i < 0 or not (_is_name_token(doc[i]) or doc[i].text in ("'", "’", "-")):
            return False
        while i >= 0 and (_is_name_token(doc[i]) or doc[i].text in ("'", "’", "-") or doc[i].lower_ in ("ez", "az", "al", "as", "ar", "el")):
            i -= 1
        items += 1
    return items > 0 and i >= 0 and doc[i].lower_ in words


def _is_described_as_place(doc: Doc, span: _Span) -> bool:
    """'Hamilton is a city in...', 'Clifton, a village in...', 'Lincoln is the capital...'."""
    i = span.end_token
    if i < len(doc) and doc[i].text == "(":
        # "Hamilton (/ˈhæməltən/; 2011 population 519,949) is a port city"
        closing = next((j for j in range(i, min(len(doc), i + 40)) if doc[j].text == ")"), None)
        i = closing + 1 if closing is not None else i
    if i < len(doc) and doc[i].lower_ in ("is", "was", ","):
        i += 1
    else:
        return False
    if i < len(doc) and doc[i].lower_ in ("a", "an", "the"):
        i += 1
    else:
        return False
    for j in range(i, min(len(doc), i + 4)):
        if doc[j].lower_ in PLACE_NOUNS:
            return True
        if not (doc[j].is_alpha or doc[j].text == "-"):
            return False
    return False


def _in_full_person_name(doc: Doc, word: str) -> bool:
    """'Greg Taylor', 'George Hamilton': the word ends someone's full name."""
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == word for ent in doc.ents)


def _written_lower_case(doc: Doc, word: str) -> bool:
    return re.search(rf"\b{re.escape(word.lower())}\b", _text(doc)) is not None


def _is_sentence_start(doc: Doc, span: _Span) -> bool:
    return span.start_token == 0 or doc[span.start_token].is_sent_start or (
        doc[span.start_token - 1].text in ('"', "“", "‘", "'", "(", "-", "—", "\n")
    )


def _accept_by_article(doc: Doc, names: NameIndex, places: Sequence[_Span],
                       others: Sequence[_Span]) -> list[_Span]:
    """Model places, plus suspects and gazetteer runs the article backs up as places."""
    place_names = {normalize(s.text) for s in places}
    by_name: dict[str, list[_Span]] = defaultdict(list)
    for span in others:
        by_name[normalize(span.text)].append(span)
    accepted = list(places)
    for name, spans in by_name.items():
        entries = names.lookup(spans[0].text)
        if not entries:
            continue
        if name in place_names:
            accepted.extend(spans)
            continue
        # A gazetteer-only name must stand as a name, not as an ordinary word
        # ("Section", "March", "South") and not as the first half of "Wal-Mart".
        spans = [s for s in spans if not _glued_to_next(doc, s)]
        if spans and _article_backs_place(doc, names, spans, entries):
            accepted.extend(spans)
    return accepted


def _glued_to_next(doc: Doc, span: _Span) -> bool:
    nxt = span.end_token
    return nxt < len(doc) and doc[nxt].text in ("-", "–") and not doc[nxt].whitespace_ and (
        not doc[span.end_token - 1].whitespace_
    )


def _article_backs_place(doc: Doc, names: NameIndex, spans: Sequence[_Span],
                         entries: Sequence[Entry]) -> bool:
    word = spans[0].text
    person_cues = sum(_has_person_cue(doc, s) for s in spans if s.label == "PERSON")
    place_cues = sum(_place_evidence(doc, s) for s in spans)
    if len(word.split()) == 1 and names.is_common_word(word):
        # An ordinary word ("March", "Human") or a common name ("Hamilton", "Lincoln") is a
        # place only where the text plainly says so ("in Hamilton", "Lincoln is the
        # capital"), never when the article writes it in lower case as a word or as part
        # of someone's full name ("Greg Taylor").
        # A definition ("Hamilton is a city in Ontario") outweighs one full name.
        strong_cues = sum(_place_evidence(doc, s, STRONG_LOCATIVE_WORDS, definition=2)
                          for s in spans if s.label != ORG_PLACE_LABEL)
        person_evidence = person_cues + _in_full_person_name(doc, word)
        return strong_cues > person_evidence and not _written_lower_case(doc, word)
    if person_cues or place_cues:
        return place_cues > person_cues
    best = entries[0]
    # Countries and first-level regions are places wherever they stand, when the
    # text spells their own name; so is a large city the model mistook for a
    # person or an organisation ("Alexandria woman charged", "Harare announced").
    if best.is_area and best.feature_code in ("PCLI", "PCLD", "PCLIX", "PCLS", "PCLF", "PCL", "ADM1"):
        return True
    return any(s.label in ("PERSON", "ORG") for s in spans) and best.population >= PROMINENT_POPULATION


def _place_evidence(doc: Doc, span: _Span, locatives: frozenset[str] = LOCATIVE_WORDS,
                    definition: int = 1) -> int:
    """How plainly this occurrence is used as a place: a definition ("Hamilton is a city
    in...") counts ``definition``, a locative word before it one; a name opening an
    organisation's counts only as the seat of a public body."""
    if span.label == ORG_PLACE_LABEL:
        return int(_names_public_body(doc, span))
    if _is_described_as_place(doc, span):
        return definition
    return int(_has_locative_cue(doc, span, locatives))


def _names_public_body(doc: Doc, span: _Span) -> bool:
    """A place named as the seat of a public body or local institution: "the Madison
    County Health Department", "Litchfield Superior Court", "Lutheran School in Lombard"."""
    if span.start_token > 0 and doc[span.start_token - 1].lower_ == "in":
        return True
    return span.end_token < len(doc) and doc[span.end_token].lower_ in PUBLIC_BODY_WORDS


def _has_person_cue(doc: Doc, span: _Span) -> bool:
    before = doc[span.start_token - 1].lower_.rstrip(".") if span.start_token > 0 else ""
    after = doc[span.end_token].lower_ if span.end_token < len(doc) else ""
    return before in PERSON_TITLES or after in SPEECH_VERBS


def _article_misspellings(doc: Doc, names: NameIndex, accepted: Sequence[_Span],
                          blocked: list[bool], sentence_of: list[int]
                          ) -> tuple[list[_Span], tuple[tuple[str, str], ...]]:
    """Capitalised words that misspell a place the article names elsewhere ("Palmrya")."""
    known = {normalize(s.text): s.text for s in accepted}
    covered = {i for s in accepted for i in range(s.start_token, s.end_token)}
    found: list[_Span] = []
    spelled: dict[str, str] = {}
    for token in doc:
        if token.i in covered or not token.is_title or len(token.text) < MIN_FUZZY_LENGTH:
            continue
        if token.is_sent_start and names.is_common_word(token.text):
            continue
        norm = normalize(token.text)
        if norm in known or names.lookup(token.text) or names.demonym(token.text):
            continue
        target = _closest(norm, known)
        if target is not None:
            found.append(_make_span(doc, token.i, token.i + 1, "GAZ", sentence_of))
            spelled[token.text] = known[target]
    return found, tuple(sorted(spelled.items()))


def _closest(norm: str, known: Iterable[str]) -> str | None:
    best, best_score = None, ARTICLE_FUZZY_SIMILARITY
    for candidate in known:
        if abs(len(candidate) - len(norm)) > 2 or candidate[:1] != norm[:1]:
            continue
        score = DamerauLevenshtein.normalized_similarity(norm, candidate)
        if score >= best_score:
            best, best_score = candidate, score
    return best


def _drop_overlaps(spans: Sequence[_Span]) -> list[_Span]:
    """Keep the longest of overlapping spans (spans sorted by start, longest first)."""
    kept: list[_Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
