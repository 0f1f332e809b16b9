"""Place-name candidates of a parsed article and the features a learned model weighs.

Candidates are generous: every named entity whatever spaCy calls it, every
capitalised run (or dateline) that a gazetteer name matches (longest match), known
transliteration variants, and misspellings of names the article uses elsewhere. The
features describe each one without any list of cue words: the model's labels, the
surrounding words themselves (the model learns which matter), shape, whether the
lower-case form is an ordinary word, what the gazetteer knows of the name, where it
stands (sentence start, dateline), whether it sits inside a person's or an
organisation's name, and how the same name is used elsewhere in the article.

Training (``scripts/train_geoparser.py``) and recognition (``geo.parse.mentions``) both call
``candidates`` and ``features`` here, so the model sees at run time exactly what it was
trained on.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from rapidfuzz.distance import DamerauLevenshtein

from gazetteer.entry import COUNTRY_CODES, Entry
from gazetteer.normalize import ARABIC_ARTICLES, normalize
from geo.parse.variants import ROMANCE_PARTICLE_WORDS, has_spelling_variant

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span, Token

    from gazetteer.database import NameInfo

#: spaCy labels of numbers and times: never a place, not worth a candidate.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Candidate labels besides spaCy's: a gazetteer match the model left unlabelled, a
#: dateline, a place name opening or closing an organisation's name, a
#: transliteration variant, a misspelling of a name the article uses.
GAZ, DATELINE, ORG_PART, VARIANT, MISSPELLING = "GAZ", "DATELINE", "ORG_PART", "VARIANT", "MISSPELLING"
MAX_NAME_TOKENS = 4
#: ... counting the pieces of hyphenated names ("Croix-des-Bouquets" is five tokens).
MAX_RUN_TOKENS = 7
#: Words around a candidate the model reads, on each side.
CONTEXT_WORDS = 3
MIN_FUZZY_LENGTH = 5
#: A misspelling of a place the article names: Damerau-Levenshtein similarity of the
#: normalised names ("palmrya" ~ "palmyra" is one transposition).
ARTICLE_FUZZY_SIMILARITY = 0.8
#: Particles inside multi-word names ("Bosnia and Herzegovina", "Deir ez-Zor", "Foz do
#: Iguaçu"): linking words, those of Romance names, and the Arabic articles of transliterations.
NAME_PARTICLES = frozenset({"of", "-", "and", "upon", "on"}) | ROMANCE_PARTICLE_WORDS | ARABIC_ARTICLES
#: Lower-case words after a name that say what kind of area it is ("Henan province"):
#: they are not part of the name but say which of its places is meant.
AREA_GENERIC_WORDS = frozenset({"state", "province", "region", "governorate", "oblast", "county"})
#: Compass words that may open an entity ("North Texas") without being part of the name.
DIRECTION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "downtown",
        "suburban",
    }
)
#: A dateline: a name opening the text or a paragraph, then at most a few comma-separated
#: parts (region, date) and an agency in parentheses, then a dash ("TUZLA, Bosnia, July 12 --",
#: "KYIV (Reuters) -", "Mosul —").
DATELINE_PATTERN = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-Z][\w'’.]*(?:[ -][A-Z][\w'’.]*){0,5})"
    r"(?:,[ \t]*[\w.' -]{1,30}){0,3}[ \t]*(?:\([A-Z][\w .&-]{1,25}\)[ \t]*)?(?:—|–|-{1,3})[ \t]"
)
#: A dateline whose only sign is an agency in parentheses ("DAMASCUS (SANA)").
AGENCY_DATELINE_PATTERN = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-Z][A-Z'’.]*(?:[ -][A-Z][A-Z'’.]*){0,5})"
    r"(?:,[^\n]{1,30})?[ \t]*\([A-Z][\w .&-]{1,25}\)"
)


#: ``normalize``, remembered: recognition normalises each candidate's text four times (to
#: count the name, in its features, in each pass's tally of the name) and news repeats its
#: names, while most of them are more than one plain word, which ``normalize`` folds with
#: regular expressions. Bounded, as it outlives an article.
normalized = lru_cache(maxsize=1 << 14)(normalize)


class NameIndex(Protocol):
    """What recognition needs from the gazetteer."""

    def lookup(self, name: str) -> tuple[Entry, ...]: ...
    def matches(self, name: str) -> tuple: ...  # NameMatch(entry, name_kind, score, exact), best first
    def variants(self, name: str) -> tuple: ...  # VariantMatch(entry, similarity, written), best first
    def is_common_word(self, word: str) -> bool: ...
    def name_info(self, name: str) -> NameInfo: ...
    def demonym(self, word: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of the text that may name a place, and what proposed it."""

    start_token: int
    end_token: int
    start: int
    end: int
    text: str
    label: str  # spaCy's entity label, or GAZ / DATELINE / ORG_PART / VARIANT / MISSPELLING
    sentence: int
    #: the name to resolve it by when not its own text: the article's name it misspells
    #: ("Palmrya" -> "Palmyra"), or its fuller form ("Washington" -> "Washington state")
    resolve_as: str = ""
    #: the entity it was cut from, when the model's span was longer (a compass word, a
    #: generic word, an organisation's name): its label, else ""
    container_label: str = ""
    #: for a place opening a longer name ("X" of "X County Sheriff's Office"), the
    #: lower-case head noun of that name as the parse has it ("office"), else ""
    heads_name: str = ""


# ---------------------------------------------------------------------------
# candidates


def candidates(doc: Doc, names: NameIndex) -> tuple[Candidate, ...]:
    """Every stretch of ``doc`` that may name a place, in text order, without duplicates.

    Misspellings are left to ``misspellings``: they need to know which names are places.
    """
    sentence_of = sentence_index(doc)
    found: dict[tuple[int, int], Candidate] = {}

    def add(candidate: Candidate) -> None:
        key = (candidate.start_token, candidate.end_token)
        if key not in found or candidate.label == DATELINE:
            found[key] = candidate

    for ent in doc.ents:
        if ent.label_ in NUMERIC_LABELS:
            continue
        for line in _lines_of(ent):
            for candidate in _entity_candidates(doc, line, names, sentence_of):
                add(candidate)
    for candidate in _dateline_candidates(doc, names, sentence_of):
        add(candidate)
    place_entity = [False] * len(doc)
    for candidate in found.values():
        if candidate.label in PLACE_LABELS:
            for i in range(candidate.start_token, candidate.end_token):
                place_entity[i] = True
    for candidate in _gazetteer_runs(doc, names, place_entity, sentence_of):
        found.setdefault((candidate.start_token, candidate.end_token), candidate)
    return tuple(sorted(found.values(), key=lambda c: (c.start, -c.end)))


def misspellings(
    doc: Doc, names: NameIndex, places: Sequence[Candidate], taken: Sequence[Candidate]
) -> tuple[Candidate, ...]:
    """Capitalised words that misspell a name ``places`` holds ("Palmrya" for Palmyra),
    outside every span of ``taken``."""
    known = {normalized(c.text): c.text for c in places}
    if not known:
        return ()
    covered = {i for c in taken for i in range(c.start_token, c.end_token)}
    sentence_of = None
    found = []
    table = token_table(doc)
    for i, (word, title) in enumerate(zip(table.text, table.title)):
        if not title or len(word) < MIN_FUZZY_LENGTH or i in covered:
            continue
        norm = normalized(word)
        if norm in known:
            continue
        target = _closest(norm, known)
        if target is None or names.lookup(word) or names.demonym(word):
            continue
        if sentence_of is None:
            sentence_of = sentence_index(doc)
        span = _make(doc, i, i + 1, MISSPELLING, sentence_of)
        found.append(_with(span, resolve_as=known[target]))
    return tuple(found)


def _with(candidate: Candidate, **changes) -> Candidate:
    fields = {name: getattr(candidate, name) for name in Candidate.__slots__}
    fields.update(changes)
    return Candidate(**fields)


def _closest(norm: str, known: Mapping[str, str]) -> str | None:
    best, best_score = None, ARTICLE_FUZZY_SIMILARITY
    for candidate in known:
        if abs(len(candidate) - len(norm)) > 2 or candidate[:1] != norm[:1]:
            continue
        score = DamerauLevenshtein.normalized_similarity(norm, candidate)
        if score >= best_score:
            best, best_score = candidate, score
    return best


def text_of(doc: Doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each call."""
    text = doc.user_data.get("conflictmap_text")
    if text is None:
        text = doc.user_data["conflictmap_text"] = doc.text
    return text


@dataclass(frozen=True, slots=True)
class TokenTable:
    """What recognition reads of each token, read from spaCy once per document in one
    ``Doc.to_array`` call (every ``doc[i]`` builds a new Python object, and a document
    has hundreds of tokens)."""

    text: tuple[str, ...]
    idx: tuple[int, ...]
    word: tuple[str, ...]  # lower case; "<num>" for numbers, "<nl>" for line breaks
    name: tuple[bool, ...]  # ``is_name_token``
    title: tuple[bool, ...]
    glued: tuple[bool, ...]  # written onto the token before it, no space between
    sent_start: tuple[bool, ...]
    ent_type: tuple[str, ...]
    dep: tuple[str, ...]  # the dependency relation to the head
    head: tuple[int, ...]  # the head's index
    lower: tuple[str, ...] = ()  # ``Token.lower_``
    alpha: tuple[bool, ...] = ()
    punct: tuple[bool, ...] = ()
    space: tuple[bool, ...] = ()  # ``Token.is_space``
    sentence: tuple[int, ...] = ()  # the sentence's number (``Doc.sents``, counted from 0)


#: The token attributes ``token_table`` reads, in the order of its array's columns.
_TABLE_ATTRS = (
    "ORTH",
    "IDX",
    "LOWER",
    "LIKE_NUM",
    "IS_SPACE",
    "IS_TITLE",
    "IS_UPPER",
    "IS_ALPHA",
    "IS_PUNCT",
    "SPACY",
    "SENT_START",
    "ENT_TYPE",
    "DEP",
    "HEAD",
    "LENGTH",
)


#: Strings by their spaCy hash, read once: ``StringStore`` answers each lookup in about a
#: microsecond, and a table reads four strings a token. Hashes name the same string in every
#: vocabulary; the cache stops growing at ``STRING_CACHE_SIZE`` (never cleared, so threads
#: may share it).
_STRING_CACHE: dict[int, str] = {}
STRING_CACHE_SIZE = 100_000


def _strings_of(ids: list[int], strings: StringStore) -> list[str]:
    """The strings of spaCy hashes ``ids``, in order."""
    cache = _STRING_CACHE
    missing = set(ids).difference(cache)
    if missing:
        if len(cache) + len(missing) > STRING_CACHE_SIZE:
            return [strings[h] for h in ids]
        for h in missing:
            cache[h] = strings[h]
    return list(map(cache.__getitem__, ids))


def token_table(doc: Doc) -> TokenTable:
    cached = doc.user_data.get("conflictmap_tokens")
    if cached is not None:
        return cached
    import numpy

    n = len(doc)
    # One array for every column, computed on whole columns at once: the table is built
    # for every article, and a loop over its tokens in Python costs more than the rest of
    # recognition's reading of them.
    array = doc.to_array(list(_TABLE_ATTRS))
    (
        orth,
        idx,
        lower_id,
        like_num,
        is_space,
        is_title,
        is_upper,
        is_alpha,
        is_punct,
        spacy_,
        _,
        ent,
        dep_id,
        _,
        length,
    ) = array.T
    # HEAD and SENT_START are signed (a head before the token, a token known not to start
    # a sentence) but come out of the array as unsigned.
    head_offset = array[:, _TABLE_ATTRS.index("HEAD")].view(numpy.int64)
    sent_mark = array[:, _TABLE_ATTRS.index("SENT_START")].view(numpy.int64)
    strings = doc.vocab.strings
    text = _strings_of(orth.tolist(), strings)
    lower = _strings_of(lower_id.tolist(), strings)
    word = list(lower)
    for i in numpy.flatnonzero(like_num | is_space).tolist():
        word[i] = "<num>" if like_num[i] else "<nl>"
    title = is_title.astype(bool)
    alpha = is_alpha.astype(bool)
    hyphen = (orth == strings["-"]) | (orth == strings["‑"])
    name = (
        (title | (is_upper.astype(bool) & alpha))
        & (length >= 2)
        & (lower_id != strings["i"])
        & (lower_id != strings["a"])
    ).tolist()
    for i, token in enumerate(text):
        # Only a word opening with a capital may be a name the two columns missed.
        if not name[i] and token[:1].isupper() and (_camel_case(token) or _title_but_apostrophe(token)):
            name[i] = True
    glued = numpy.zeros(n, dtype=bool)
    glued[1:] = (spacy_[:-1] == 0) & (alpha[1:] | hyphen[1:])
    # ``Doc.sents``: a sentence starts at the first token and at every later one marked 1.
    starts = sent_mark == 1
    if n:
        starts[0] = False
    sentence = numpy.cumsum(starts)
    sent_start = sent_mark > 0
    if n:
        sent_start[0] = True
    table = TokenTable(
        tuple(text),
        tuple(idx.tolist()),
        tuple(word),
        tuple(name),
        tuple(title.tolist()),
        tuple(glued.tolist()),
        tuple(sent_start.tolist()),
        tuple(_strings_of(ent.tolist(), strings)),
        tuple(_strings_of(dep_id.tolist(), strings)),
        tuple((numpy.arange(n) + head_offset).tolist()),
        tuple(lower),
        tuple(alpha.tolist()),
        tuple(is_punct.astype(bool).tolist()),
        tuple(is_space.astype(bool).tolist()),
        tuple(sentence.tolist()),
    )
    doc.user_data["conflictmap_tokens"] = table
    return table


def sentence_index(doc: Doc) -> tuple[int, ...]:
    """Token index -> sentence index."""
    return token_table(doc).sentence


def sentence_count(doc: Doc) -> int:
    """How many sentences ``doc`` has (``Doc.sents`` builds a span for each)."""
    sentence = token_table(doc).sentence
    return sentence[-1] + 1 if sentence else 0


def _span_text(doc: Doc, start: int, end: int) -> str:
    t = token_table(doc)
    return text_of(doc)[t.idx[start] : t.idx[end - 1] + len(t.text[end - 1])]


def _lines_of(ent: Span) -> list[Span]:
    """The entity, or its pieces on each line when the model ran it across a line break
    (a heading's last word and the next line's first), without punctuation at their ends."""
    if "\n" not in _span_text(ent.doc, ent.start, ent.end):
        return [ent]
    from spacy.tokens import Span

    doc = ent.doc
    lines: list[list[int]] = [[]]
    for token in ent:
        if not token.is_space and "\n" not in token.text:
            lines[-1].append(token.i)
        if "\n" in token.text or "\n" in token.whitespace_:
            lines.append([])
    pieces = []
    for line in lines:
        while line and doc[line[0]].is_punct:
            line = line[1:]
        while line and doc[line[-1]].is_punct:
            line = line[:-1]
        if line:
            pieces.append(Span(doc, line[0], line[-1] + 1, label=ent.label_))
    return pieces


def _article_in_name(doc: Doc, start: int, end: int, names: NameIndex) -> bool:
    """Is the "The" opening tokens ``start:end`` part of the name, as the gazetteer writes it
    ("The Hague")? A lookup alone drops a leading "the", so "The Athens" would match too."""
    return token_table(doc).text[start] == "The" and any(
        e.name.startswith("The ") for e in names.lookup(_span_text(doc, start, end))
    )


def _make(
    doc: Doc, start: int, end: int, label: str, sentence_of: Sequence[int], container_label: str = ""
) -> Candidate:
    t = token_table(doc)
    s, e = t.idx[start], t.idx[end - 1] + len(t.text[end - 1])
    return Candidate(start, end, s, e, text_of(doc)[s:e], label, sentence_of[start], container_label=container_label)


def _trimmed(ent: Span) -> tuple[int, int] | None:
    """Token bounds of an entity without a leading article or trailing possessive."""
    return _trimmed_bounds(token_table(ent.doc), ent.start, ent.end)


def _trimmed_bounds(table: TokenTable, start: int, end: int) -> tuple[int, int] | None:
    while start < end and table.lower[start] in ("the", "a", "an"):
        start += 1
    while end > start and table.text[end - 1] in ("'s", "’s", "'", "’"):
        end -= 1
    return (start, end) if start < end else None


def _entity_candidates(doc: Doc, ent: Span, names: NameIndex, sentence_of: Sequence[int]) -> list[Candidate]:
    bounds = _trimmed(ent)
    if bounds is None:
        return []
    if bounds[0] > ent.start and _article_in_name(doc, ent.start, bounds[1], names):
        bounds = (ent.start, bounds[1])
    label = ent.label_
    # The model's places may stop short of a name ("Deir" of "Deir ez-Zor") or open
    # with a compass word; other labels' spans are taken as they are (the gazetteer
    # runs cover the names inside them), which spares most lookups.
    shaped = _extended(doc, *_without_compass(doc, *bounds, names), names) if label in PLACE_LABELS else bounds
    if label in PLACE_LABELS:
        pair = _hyphenated_places(doc, *shaped, names)
        if pair:
            # "the Goma-Bukavu highway", "Chad-Sudan road": two places joined, each a candidate.
            return [_make(doc, *part, label, sentence_of, container_label=label) for part in pair]
    found = []
    hint = ""
    trimmed = _without_generic(doc, *shaped, names)
    if trimmed != shaped and names.lookup(fuller := _span_text(doc, *shaped)):
        # "Washington state" is the state, not the capital; "Ituri province", which the
        # gazetteer does not list, is resolved by its name alone, else it would not resolve.
        hint = fuller
    own = _make(doc, *trimmed, label, sentence_of, container_label=label if trimmed != bounds else "")
    found.append(_with(own, resolve_as=hint) if hint else own)
    if trimmed != bounds:
        found.append(_make(doc, *bounds, label, sentence_of))
    # A building's name may open with its place's ("the X County Sheriff's Office" the
    # model calls FAC); a name of any other kind too, and so may a town or country the
    # model runs on into an office's name ("X County Clerk", "X City Schools" as GPE),
    # unless it was cut to a name already ("North Texas", "Henan province"). Not a LOC:
    # a longer natural feature's name ("X River", "X Bay") holds its own place.
    cut = label not in PLACE_LABELS or label == "FAC" or (label == "GPE" and trimmed == bounds)
    if cut and bounds[1] - bounds[0] > 1 and not _names_a_place(_span_text(doc, *bounds), names):
        # "the Georgia Bureau of Investigation", "a school in Lombard": a place name
        # opening or closing a longer name may be the place (the model decides). Not when
        # the whole name is a place's, in any close spelling: its first word alone ("Tal"
        # of a town "Tal X") would be another place. Every gazetteer name the longer one
        # opens with is offered ("X" and "X County" of "X County Sheriff's Office"), with
        # the longer name's head noun, so the model learns which heads carry a place.
        head = token_table(doc).lower[_name_head(doc, *bounds)]
        for leading in _leading_places(doc, *bounds, names):
            part = _make(doc, bounds[0], leading, ORG_PART, sentence_of, container_label=label)
            found.append(_with(part, heads_name=head))
        # A place closing a longer place's name is that place's long form ("Republic of
        # X", "City of X"), not an institution's: only other names are cut there.
        trailing = _trailing_place(doc, *bounds, names) if label not in PLACE_LABELS else None
        if trailing is not None:
            found.append(_make(doc, trailing, bounds[1], ORG_PART, sentence_of, container_label=label))
    return found


#: Hyphens that join two names into one word.
HYPHENS = ("-", "‑")


def _hyphenated_places(doc: Doc, start: int, end: int, names: NameIndex) -> list[tuple[int, int]]:
    """The places a hyphen joins into one word ("Goma-Bukavu", "Chad-Sudan") when the
    whole is no place's name in any spelling and every piece is one; else []."""
    table = token_table(doc)
    cuts = [i for i in range(start + 1, end - 1) if table.text[i] in HYPHENS and table.glued[i] and table.glued[i + 1]]
    if not cuts:
        return []
    bounds = [start, *cuts, end]
    pieces = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in zip(bounds[1:], bounds[2:])]
    if any(
        b <= a or not all(table.name[i] for i in range(a, b) if table.alpha[i]) or not table.name[a] for a, b in pieces
    ):
        return []
    whole = _span_text(doc, start, end)
    if _names_a_place(whole, names):
        return []
    if not all(names.lookup(_span_text(doc, a, b)) for a, b in pieces):
        return []
    return pieces


#: GeoNames' classes of seas and lakes (H) and of continents and regions (L): a word read
#: first as one of these, joined to a name by a hyphen, makes a wider region's name with it.
_WIDE_CLASSES = frozenset({"H", "L"})


def in_longer_name(doc: Doc, start: int, end: int, names: NameIndex) -> bool:
    """Are tokens ``start:end`` a strict piece of a longer proper name the text writes around
    them, one the gazetteer does not list: capitalised words that are no ordinary English
    words, demonyms, compass or area words, joined by spaces, hyphens or the particles of
    foreign names ("El Arbaa" of "Souk El Arbaa", "Zamboanga" of "Zamboanga del Norte")? Such a piece
    names a part of a place the gazetteer lacks, not whatever the piece alone names. An
    institution's name ("X Police Department", "X Liberation Army") goes on with ordinary
    words, and is no such name."""
    table = token_table(doc)
    n = len(table.text)

    own_person = any(table.ent_type[i] == "PERSON" for i in range(start, end))

    def part(i: int) -> bool:
        """A capitalised word that may be part of the same name: not a compass or area
        word, a demonym, nor a person's name beside a piece that is none ("in Bucharest
        Nicolae Ceausescu said")."""
        return (
            table.name[i]
            and table.alpha[i]
            and table.lower[i] not in DIRECTION_WORDS
            and table.lower[i] not in AREA_GENERIC_WORDS
            and (own_person or table.ent_type[i] != "PERSON")
            and names.demonym(table.text[i]) is None
        )

    def joins(i: int) -> bool:
        """... written right beside the piece: not an ordinary word ("Police")."""
        return part(i) and not names.is_common_word(table.text[i])

    def linked(i: int, other: int) -> bool:
        """Is token ``i`` a particle joining the word ``other`` to the name? After "del",
        "da" or "El" any capitalised word is the name's ("Zamboanga del Norte"). Across a hyphen,
        a word that is neither ordinary nor a place's name of its own, or one the gazetteer
        reads first as a sea, a continent or a region ("Indo-Pacific"): two towns or two
        countries joined ("Goma-Bukavu", "Chad-Sudan") are each themselves."""
        # Not the English "of", "and", "on", which join two names as often; the Arabic
        # articles only written capitalised: in lower case most are English words ("at", "an").
        if table.lower[i] in ROMANCE_PARTICLE_WORDS or (table.lower[i] in ARABIC_ARTICLES and table.title[i]):
            return part(other)
        if table.text[i] not in HYPHENS or not table.glued[i]:
            return False
        readings = names.lookup(table.text[other])
        if not readings:
            return joins(other)
        return part(other) and readings[0].feature_class in _WIDE_CLASSES

    def same_line(a: int, b: int) -> bool:
        """Tokens ``a`` and ``b`` (``b`` right after ``a``) are one space or none apart."""
        return not table.space[b] and "\n" not in text_of(doc)[table.idx[a] : table.idx[b]]

    first, last = start, end
    while last < n and not table.sent_start[last] and same_line(last - 1, last):
        if joins(last):
            last += 1
        elif last + 1 < n and same_line(last, last + 1) and linked(last, last + 1):
            last += 2
        else:
            break
    while first > 0 and not table.sent_start[first] and same_line(first - 1, first):
        if joins(first - 1):
            first -= 1
        elif (
            first > 1
            and not table.sent_start[first - 1]
            and same_line(first - 2, first - 1)
            and linked(first - 1, first - 2)
        ):
            first -= 2
        else:
            break
    return (first, last) != (start, end) and not names.lookup(_span_text(doc, first, last))


def _names_a_place(text: str, names: NameIndex) -> bool:
    return bool(names.lookup(text)) or has_spelling_variant(text, names)


def _without_compass(doc: Doc, start: int, end: int, names: NameIndex) -> tuple[int, int]:
    """'North Texas' and 'Northeast Georgia' name the state; 'North Carolina' stays whole."""
    if (
        end - start > 1
        and token_table(doc).lower[start] in DIRECTION_WORDS
        and not names.lookup(_span_text(doc, start, end))
        and names.lookup(_span_text(doc, start + 1, end))
    ):
        return start + 1, end
    return start, end


def _without_generic(doc: Doc, start: int, end: int, names: NameIndex) -> tuple[int, int]:
    """'Washington state', 'Henan province': the name is the capitalised part."""
    table = token_table(doc)
    last, lower = table.text[end - 1], table.lower[end - 1]
    if (
        end - start > 1
        and last == lower
        and lower in AREA_GENERIC_WORDS
        and names.lookup(_span_text(doc, start, end - 1))
    ):
        return start, end - 1
    return start, end


def _extended(doc: Doc, start: int, end: int, names: NameIndex) -> tuple[int, int]:
    """The model sometimes stops short of a name's particles ("Deir" of "Deir ez-Zor",
    "Mazar" of "Mazar-i-Sharif"): up to three more words, the pieces of a hyphenated word
    counted as one."""
    table = token_table(doc)
    stop = end
    words = 0
    while (
        stop < min(len(table.text), end + MAX_RUN_TOKENS - 1)
        and (table.alpha[stop] or table.text[stop] in HYPHENS)
        and (not table.sent_start[stop])
    ):
        words += not table.glued[stop]
        if words > 3:
            break
        stop += 1
    if stop == end:
        return start, end
    own = names.lookup(_span_text(doc, start, end))
    for candidate in range(stop, end, -1):
        if not table.alpha[candidate - 1]:
            continue
        longer = names.lookup(_span_text(doc, start, candidate))
        # Only a longer name for another place counts: "Tripoli as" is just Tripoli.
        if longer and (not own or longer[0] != own[0]):
            return start, candidate
    return start, end


def _leading_places(doc: Doc, start: int, end: int, names: NameIndex) -> list[int]:
    """Where each gazetteer name that tokens ``start:end`` open with ends, longest first."""
    name = token_table(doc).name
    return [
        stop
        for stop in range(min(end - 1, start + MAX_NAME_TOKENS), start, -1)
        if all(name[i] for i in range(start, stop)) and names.lookup(_span_text(doc, start, stop))
    ]


def _name_head(doc: Doc, start: int, end: int) -> int:
    """The token of ``start:end`` the others hang on in the parse (its last word when the
    parse leaves the span in pieces)."""
    head = token_table(doc).head
    inside = [i for i in range(start, end) if not start <= head[i] < end or head[i] == i]
    return inside[0] if len(inside) == 1 else end - 1


def _trailing_place(doc: Doc, start: int, end: int, names: NameIndex) -> int | None:
    table = token_table(doc)
    for begin in range(max(start + 1, end - MAX_NAME_TOKENS), end):
        if (
            table.alpha[begin - 1]
            and not table.name[begin - 1]
            and all(table.name[i] for i in range(begin, end))
            and names.lookup(_span_text(doc, begin, end))
        ):
            return begin
    return None


def is_name_token(token: Token) -> bool:
    if len(token.text) < 2 or token.lower_ in ("i", "a"):
        return False
    return (
        token.is_title
        or (token.is_upper and token.is_alpha)
        or _camel_case(token.text)
        or _title_but_apostrophe(token.text)
    )


def _camel_case(word: str) -> bool:
    """'McAllen', 'LaSalle', 'DeSoto': a name with a capital inside it, which
    ``str.istitle`` does not take for a name."""
    return word[:1].isupper() and word.isalpha() and not word.istitle() and not word.isupper()


#: Apostrophes that transliterations write inside a word for a glottal stop or an ayin.
_APOSTROPHES = str.maketrans("", "", "'’ʼ‘`")


def _title_but_apostrophe(word: str) -> bool:
    """'Sana'a', 'Be'eri', 'Ma'arrat': a capitalised name whose apostrophe stands for a
    consonant; ``str.istitle`` takes the letter after it for a new word's."""
    return (
        word[:1].isupper()
        and len(word) > 2
        and word.translate(_APOSTROPHES) != word
        and word.translate(_APOSTROPHES).istitle()
    )


def _dateline_candidates(doc: Doc, names: NameIndex, sentence_of: Sequence[int]) -> list[Candidate]:
    """Places named in datelines: the longest gazetteer name the dateline opens with."""
    found = []
    seen = set()
    for name_start, name_end in _dateline_names(doc):
        span = doc.char_span(name_start, name_end, alignment_mode="contract")
        if span is None or not len(span) or span.start in seen:
            continue
        seen.add(span.start)
        for stop in range(span.end, span.start, -1):
            if names.lookup(_span_text(doc, span.start, stop)):
                found.append(_make(doc, span.start, stop, DATELINE, sentence_of))
                break
    return found


def _dateline_names(doc: Doc) -> tuple[tuple[int, int], ...]:
    """(start, end) of each dateline's name, as each pattern finds them, in turn: read once
    per document, as both the candidates and every candidate's features ask for them."""
    cached = doc.user_data.get("conflictmap_dateline_names")
    if cached is None:
        text = text_of(doc)
        cached = tuple(
            (m.start("name"), m.end("name"))
            for pattern in (DATELINE_PATTERN, AGENCY_DATELINE_PATTERN)
            for m in pattern.finditer(text)
        )
        doc.user_data["conflictmap_dateline_names"] = cached
    return cached


def dateline_starts(doc: Doc) -> frozenset[int]:
    """Character offsets where a dateline's name begins."""
    cached = doc.user_data.get("conflictmap_datelines")
    if cached is None:
        cached = frozenset(start for start, _ in _dateline_names(doc))
        doc.user_data["conflictmap_datelines"] = cached
    return cached


def _gazetteer_runs(
    doc: Doc, names: NameIndex, place_entity: list[bool], sentence_of: Sequence[int]
) -> list[Candidate]:
    """Capitalised token runs outside the model's places that a gazetteer name matches
    (longest first), and single capitalised words only a transliteration key matches."""
    found: list[Candidate] = []
    table = token_table(doc)
    i = 0
    n = len(doc)
    while i < n:
        if place_entity[i] or not table.name[i]:
            i += 1
            continue
        match = _longest_match(doc, i, names, place_entity)
        if match is not None and table.text[i] == "The" and not _article_in_name(doc, i, match, names):
            i += 1  # "The Athens council met": the name starts after the article
            continue
        if match is not None:
            found.append(_make(doc, i, match, GAZ, sentence_of))
            i = match
            continue
        word = table.text[i]
        if (
            table.title[i]
            and len(word) >= MIN_FUZZY_LENGTH
            and not names.is_common_word(word)
            and (has_spelling_variant(word, names))
        ):
            found.append(_make(doc, i, i + 1, VARIANT, sentence_of))
        i += 1
    return found


def _longest_match(doc: Doc, start: int, names: NameIndex, place_entity: list[bool]) -> int | None:
    table = token_table(doc)
    limit = min(len(doc), start + MAX_RUN_TOKENS)
    end = start
    words = 0
    # A run may go on into the model's place ("Port" before "Harcourt"): the model can stop
    # short of a name's first words as of its last ones, and the gazetteer knows the whole.
    while end < limit and (
        table.name[end] or (end > start and (table.word[end] in NAME_PARTICLES or table.glued[end]))
    ):
        words += not table.glued[end]
        if words > MAX_NAME_TOKENS:
            break
        end += 1
    for stop in range(end, start, -1):
        if not table.name[stop - 1] or (stop < len(doc) and place_entity[stop - 1] and place_entity[stop]):
            continue  # a name ends on a name word, and never inside the model's place
        if names.lookup(_span_text(doc, start, stop)):
            if stop < end and table.name[end - 1] and has_spelling_variant(_span_text(doc, start, end), names):
                return None  # the whole run is a place in another spelling ("Tal X"): its start is not
            return stop
    return None


# ---------------------------------------------------------------------------
# features


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What the whole article says about each name, computed once per document."""

    place_labelled: frozenset[str]  # normalised names spaCy calls GPE/LOC somewhere
    person_labelled: frozenset[str]  # ... calls PERSON somewhere
    org_labelled: frozenset[str]  # ... calls ORG somewhere
    surnames: frozenset[str]  # last words of multi-word PERSON names
    counts: Mapping[str, int]  # normalised candidate name -> occurrences
    lower_words: frozenset[str]  # every word the text writes in lower case
    spans: tuple[tuple[int, int], ...]  # token bounds of every candidate
    entities: tuple[tuple[int, int, str], ...]  # token bounds and label of every entity
    label_starting: Mapping[int, str]  # token index -> label of the entity that starts there
    label_ending: Mapping[int, str]  # token index -> label of the entity that ends just before it
    #: where each entity ends, when the entities run in text order without overlapping
    #: (spaCy's always do), else (): a candidate then looks only at the entities around it
    entity_ends: tuple[int, ...] = ()
    #: where each candidate starts, when ``spans`` runs in text order, else ()
    span_starts: tuple[int, ...] = ()
    longest_span: int = 0  # tokens of the longest candidate


def _entities_over(view: ArticleView, first: int, last: int) -> Sequence[tuple[int, int, str]]:
    """The entities that may share a token with tokens ``first``..``last`` - 1, in text
    order: a stretch of ``view.entities`` holding every such one."""
    if not view.entity_ends:
        return view.entities
    start = bisect_right(view.entity_ends, first)
    stop = start
    while stop < len(view.entities) and view.entities[stop][0] < last:
        stop += 1
    return view.entities[start:stop]


def _spans_over(view: ArticleView, first: int, last: int) -> Sequence[tuple[int, int]]:
    """The candidates that may share a token with tokens ``first``..``last`` - 1, in text
    order: a stretch of ``view.spans`` holding every such one (one that starts
    ``longest_span`` tokens or more before ``first`` ends by then)."""
    if not view.span_starts:
        return view.spans
    start = bisect_left(view.span_starts, first - view.longest_span + 1)
    return view.spans[start : bisect_left(view.span_starts, last, start)]


#: A word written in lower case.
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def article_view(doc: Doc, found: Sequence[Candidate]) -> ArticleView:
    place, person, org, surnames = set(), set(), set(), set()
    table = token_table(doc)
    entities = tuple((e.start, e.end, e.label_) for e in doc.ents)
    for start, end, label in entities:
        norm = normalized(_span_text(doc, start, end))
        if label in PLACE_LABELS:
            place.add(norm)
            bounds = _trimmed_bounds(table, start, end)
            if bounds:
                place.add(normalized(_span_text(doc, *bounds)))
        elif label == "PERSON":
            person.add(norm)
            if end - start > 1:
                surnames.add(normalized(table.text[end - 1]))
                person.add(normalized(table.text[start]))
        elif label == "ORG":
            org.add(norm)
    counts: dict[str, int] = defaultdict(int)
    for c in found:
        counts[normalized(c.text)] += 1
    lower = frozenset(_LOWER_WORD.findall(text_of(doc)))
    spans = tuple((c.start_token, c.end_token) for c in found)
    entity_starts = [start for start, _, _ in entities]
    entity_ends = [end for _, end, _ in entities]
    in_order = all(end <= start for end, start in zip(entity_ends, entity_starts[1:]))
    span_starts = [start for start, _ in spans]
    return ArticleView(
        frozenset(place),
        frozenset(person),
        frozenset(org),
        frozenset(surnames),
        dict(counts),
        lower,
        spans,
        entities,
        {start: label for start, _, label in entities},
        {end: label for _, end, label in entities},
        tuple(entity_ends) if in_order else (),
        tuple(span_starts) if span_starts == sorted(span_starts) else (),
        max((end - start for start, end in spans), default=0),
    )


def _word(table: TokenTable, i: int, sentence: int, sentence_of: Sequence[int]) -> str:
    if i < 0 or i >= len(sentence_of) or sentence_of[i] != sentence:
        return "<s>"
    return table.word[i]


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def features(doc: Doc, candidate: Candidate, names: NameIndex, view: ArticleView) -> dict[str, float]:
    """The first-pass features of one candidate (name -> value; absent means 0)."""
    sentence_of = sentence_index(doc)
    f: dict[str, float] = {"bias": 1.0}
    label = candidate.label
    f[f"label={label}"] = 1.0
    if candidate.container_label:
        f[f"cut_from={candidate.container_label}"] = 1.0
    if candidate.heads_name:
        f["heads_longer_name"] = 1.0
        f[f"heads_longer_name&head={candidate.heads_name}"] = 1.0
    first, last = candidate.start_token, candidate.end_token
    table = token_table(doc)
    n = len(table.text)
    f[f"prev_ent={(table.ent_type[first - 1] or 'O') if first > 0 else '<s>'}"] = 1.0
    f[f"next_ent={(table.ent_type[last] or 'O') if last < n else '<s>'}"] = 1.0
    # Words around the candidate, by distance and as a bag.
    sentence = candidate.sentence
    left = [_word(table, first - k, sentence, sentence_of) for k in range(1, CONTEXT_WORDS + 1)]
    right = [_word(table, last - 1 + k, sentence, sentence_of) for k in range(1, CONTEXT_WORDS + 1)]
    for k, word in enumerate(left, 1):
        f[f"w-{k}={word}"] = 1.0
        f[f"wl={word}"] = 1.0
    for k, word in enumerate(right, 1):
        f[f"w+{k}={word}"] = 1.0
        f[f"wr={word}"] = 1.0
    f[f"w-2-1={left[1]}_{left[0]}"] = 1.0
    f[f"w+1+2={right[0]}_{right[1]}"] = 1.0
    f[f"w-1+1={left[0]}_{right[0]}"] = 1.0
    # Its place in the sentence's grammar: the relation of its last word to that
    # word's head, and the head itself ("in" for "in X", "virus" for "X virus").
    root = last - 1
    while first <= table.head[root] < last and table.head[root] != root:
        root = table.head[root]
    relation = table.dep[root] or "none"
    head = table.head[root]
    head_word = "<self>" if head == root else table.word[head]
    f[f"dep={relation}"] = 1.0
    f[f"dep={relation}&head={head_word}"] = 1.0
    f[f"head={head_word}"] = 1.0
    described = _described_as(table, root, sentence_of)
    if described is not None:
        f[f"described_as={described}"] = 1.0
    # What the name itself says, and what the gazetteer knows of it.
    text = candidate.text
    is_dateline = candidate.start in dateline_starts(doc)
    shape, gazetteer, common = _name_features(names, text, last - first, label, candidate.resolve_as, is_dateline)
    f.update(shape)
    if text.lower() in view.lower_words:
        f["written_lower_elsewhere"] = 1.0
    f.update(gazetteer)
    # What it is listed with ("Aleppo, Homs and Hama"; "Jackson, Lavrov and Zarif"): the
    # entities next to it across a comma or a conjunction. This loop rebinds ``label``, so
    # the capitalised-neighbour features below carry the label of the entity listed after
    # the name (or none), not the name's own: the shipped weights were fitted that way, and
    # a refit with the name's own label has not yet passed every dev half (docs/evaluation.md).
    for label in (_listed_before(table, first, view), _listed_after(table, last, view)):
        if label:
            f[f"listed_with={label}"] = 1.0
    # Other entities around and over it.
    for start, end, kind in _entities_over(view, first, last):
        if end <= first or start >= last or (start, end) == (first, last):
            continue
        if start <= first and end >= last:
            f[f"inside={kind}"] = 1.0
        elif first <= start and last >= end:
            f[f"contains={kind}"] = 1.0
        else:
            f[f"crosses={kind}"] = 1.0
    for start, end in _spans_over(view, first, last):
        if end <= first or start >= last or (start, end) == (first, last):
            continue
        if start <= first and end >= last:
            f["inside_candidate"] = 1.0
        elif first <= start and last >= end:
            f["contains_candidate"] = 1.0
    # Position.
    if table.sent_start[first]:
        f["sentence_start"] = 1.0
        f[f"sentence_start&common={int(common)}"] = 1.0
    if is_dateline:
        f["dateline"] = 1.0
    # A capitalised word right before or after: part of a longer name ("Paris Hilton",
    # "Wells Fargo"), unless punctuation parts them ("Paris, Texas").
    if first > 0 and not table.sent_start[first] and table.name[first - 1]:
        f["prev_capitalised"] = 1.0
        f[f"prev_capitalised&label={label}"] = 1.0
    if last < n and not table.sent_start[last] and table.name[last]:
        f["next_capitalised"] = 1.0
        f[f"next_capitalised&label={label}"] = 1.0
    if candidate.start == 0 or text_of(doc)[candidate.start - 1] == "\n":
        f["paragraph_start"] = 1.0
    # The same name elsewhere in the article.
    norm = normalized(text)
    if norm in view.place_labelled:
        f["elsewhere_place_label"] = 1.0
    if norm in view.person_labelled:
        f["elsewhere_person_label"] = 1.0
    if norm in view.surnames:
        f["surname_in_article"] = 1.0
    if norm in view.org_labelled:
        f["elsewhere_org_label"] = 1.0
    f[f"occurrences={_bucket(view.counts.get(norm, 1), (1, 2, 4))}"] = 1.0
    return f


#: How many names' own features are kept: news repeats its names, within an article and
#: across a corpus, and these features ask the gazetteer five or six questions.
NAME_FEATURE_CACHE_SIZE = 16_384


def _name_features(
    names: NameIndex, text: str, tokens: int, label: str, resolve_as: str, is_dateline: bool
) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...], bool]:
    """The features of the name as written (shape, ordinary word) and of the gazetteer's
    view of it (demonym, readings), and whether it is a common word; the same for every
    occurrence, so read from a cache when ``names`` can key one."""
    if isinstance(names, Hashable):
        return _cached_name_features(names, text, tokens, label, resolve_as, is_dateline)
    return _name_features_of(names, text, tokens, label, resolve_as, is_dateline)


def _name_features_of(
    names: NameIndex, text: str, tokens: int, label: str, resolve_as: str, is_dateline: bool
) -> tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...], bool]:
    f: dict[str, float] = {}
    # Shape.
    letters = [ch for ch in text if ch.isalpha()]
    all_caps = bool(letters) and all(ch.isupper() for ch in letters)
    f[f"tokens={min(tokens, 4)}"] = 1.0
    f[f"chars={_bucket(len(text), (3, 4, 6, 9, 14))}"] = 1.0
    if all_caps:
        f["all_caps"] = 1.0
        f[f"all_caps_chars={_bucket(len(letters), (3, 4, 5, 8))}"] = 1.0
        if len(letters) <= 5:
            # An acronym: a country's abbreviation matches a curated alias ("UAE"), an
            # organisation's only happens to spell some place's name ("SANA").
            found = names.matches(text)
            kind = found[0].name_kind if found else "none"
            f[f"acronym_name_kind={kind}"] = 1.0
            if not is_dateline:
                f[f"acronym_in_running_text_name_kind={kind}"] = 1.0
    if any(ch.isdigit() for ch in text):
        f["has_digit"] = 1.0
    if not text[:1].isupper():
        f["lower_start"] = 1.0
    if "." in text:
        f["has_dot"] = 1.0
    if "-" in text:
        f["has_hyphen"] = 1.0
    # Ordinary words.
    common = tokens == 1 and names.is_common_word(text)
    if common:
        f["common_word"] = 1.0
        f[f"common_word&label={label}"] = 1.0
    shape = tuple(f.items())
    f = {}
    if names.demonym(text) is not None:
        f["demonym"] = 1.0
    # The gazetteer. For an acronym in running text these are features of their own:
    # what a place's name weighs says little about "SANA" or "NATO".
    acronym = all_caps and len(letters) <= 5 and not is_dateline
    g: dict[str, float] = {}
    entries = names.lookup(text) if not resolve_as else names.lookup(resolve_as)
    info = names.name_info(text)
    if entries:
        best = entries[0]
        population = max(info.best_population, best.population)
        g[f"gaz_count={_bucket(info.count or len(entries), (1, 2, 5, 20, 100))}"] = 1.0
        g["gaz_log_population"] = math.log10(population + 1) / 7
        g[f"gaz_population={_bucket(int(math.log10(population + 1)), (0, 2, 3, 4, 5, 6))}"] = 1.0
        g[f"gaz_class={best.feature_class}"] = 1.0
        g[f"gaz_code={best.feature_code if best.feature_code in _KNOWN_CODES else 'other'}"] = 1.0
        if info.is_country_or_admin1:
            g["gaz_country_or_admin1"] = 1.0
            g[f"gaz_country_or_admin1&label={label}"] = 1.0
        if info.is_preferred_somewhere:
            g["gaz_preferred_name"] = 1.0
        g[f"gaz_population&label={label}={_bucket(int(math.log10(population + 1)), (3, 5))}"] = 1.0
        if all_caps:
            g[f"all_caps&gaz_country_or_admin1={int(info.is_country_or_admin1)}"] = 1.0
    else:
        g["gaz_none"] = 1.0
        if label == VARIANT or (
            tokens == 1 and len(text) >= MIN_FUZZY_LENGTH and not common and has_spelling_variant(text, names)
        ):
            g["gaz_variant_only"] = 1.0
    if acronym:
        f.update((f"acronym:{name}", value) for name, value in g.items())
    else:
        f.update(g)
    return shape, tuple(f.items()), common


_cached_name_features = lru_cache(maxsize=NAME_FEATURE_CACHE_SIZE)(_name_features_of)


#: Words that join the items of a list.
LIST_WORDS = frozenset({",", "and", "or"})


def _listed_before(table: TokenTable, first: int, view: ArticleView) -> str:
    """The label of the entity listed just before token ``first`` ("Lavrov, X"), else ""."""
    i = first - 1
    if i < 1 or table.word[i] not in LIST_WORDS:
        return ""
    if table.word[i] != "," and table.word[i - 1] == ",":
        i -= 1  # "Lavrov, and X"
    return view.label_ending.get(i, "")


def _listed_after(table: TokenTable, last: int, view: ArticleView) -> str:
    """The label of the entity listed just after the candidate ending at ``last`` ("X, Lavrov"), else ""."""
    n = len(table.word)
    i = last
    if i >= n - 1 or table.word[i] not in LIST_WORDS:
        return ""
    i += 1
    if table.word[i] in LIST_WORDS and i < n - 1:
        i += 1  # "X, and Lavrov"
    return view.label_starting.get(i, "")


#: How far from a name its description may stand, in tokens ("X, a small farming town").
DESCRIPTION_WINDOW = 8


def _described_as(table: TokenTable, root: int, sentence_of: Sequence[int]) -> str | None:
    """The noun the text says a name is: the attribute of the verb the name is the subject
    of ("X is a town"), or the noun in apposition to it ("X, a village near Y"). The
    model learns which of those nouns make a place; news describes its places this way
    less often than an encyclopedia does, so the word itself, not its position, carries."""
    sentence = sentence_of[root]
    n = len(table.head)

    def child(parent: int, relation: str) -> int | None:
        for i in range(parent + 1, min(n, parent + DESCRIPTION_WINDOW + 1)):
            if sentence_of[i] != sentence:
                break
            if table.head[i] == parent and table.dep[i] == relation:
                return i
        return None

    found = child(root, "appos")
    if found is None and table.dep[root] == "nsubj" and table.head[root] != root:
        found = child(table.head[root], "attr")
    return table.word[found] if found is not None else None


_KNOWN_CODES = COUNTRY_CODES | frozenset(
    {
        "ADM1",
        "ADM2",
        "PPLC",
        "PPLA",
        "PPLA2",
        "PPLA3",
        "PPL",
        "CONT",
        "RGN",
        "SEA",
        "STRT",
    }
)


def first_pass_by_name(found: Sequence[Candidate], scores: Sequence[float]) -> dict[str, tuple[float, ...]]:
    """Normalised name -> its two best first-pass scores in the article, best first."""
    by_name: dict[str, list[float]] = defaultdict(list)
    for candidate, score in zip(found, scores):
        by_name[normalized(candidate.text)].append(score)
    return {name: tuple(sorted(values, reverse=True)[:2]) for name, values in by_name.items()}


def second_pass_features(
    f: dict[str, float], candidate: Candidate, first_pass: Mapping[str, tuple[float, ...]], own_score: float
) -> dict[str, float]:
    """``f`` plus what the first pass thought of the same name elsewhere in the article
    (the best score of its other occurrences) or, for a misspelling, of the name it
    misspells."""
    out = dict(f)
    best_other: float | None = None
    if candidate.label == MISSPELLING:
        scores = first_pass.get(normalized(candidate.resolve_as), ())
        best_other = scores[0] if scores else None
    else:
        scores = first_pass.get(normalized(candidate.text), ())
        # Our own occurrence must not vote for itself.
        others = scores[1:] if scores and scores[0] == own_score else scores
        best_other = others[0] if others else None
    if best_other is not None:
        out["elsewhere_first_pass"] = best_other
        out[f"elsewhere_first_pass_bucket={_bucket(int(best_other * 10), (2, 5, 8))}"] = 1.0
    else:
        out["elsewhere_first_pass_none"] = 1.0
    return out
