"""Text in, resolved places out: recognition then resolution, over spaCy documents.

``places_many`` runs whole articles in this process and worker processes together
(each worker loads the model and opens the gazetteer once), so both stages scale with
the cores, not only spaCy's.

A long text is read in sections of at most ``SECTION_CHARS`` characters, cut at a
paragraph break, else at the end of a sentence (``split_for_model``). Each section is
parsed, recognised and resolved, and its spaCy document dropped before the next one
is read: spaCy's parser and the recognisers that look across a whole document (for
each candidate, every entity of it) take time and memory growing faster than its
length, so sections keep the time of a long text in step with its length and its
peak memory at that of one section.
Offsets and sentence numbers are those of the whole text.

On request (``demonyms=True``) each demonym outside the names found ("Syrian forces")
also comes out, as a place at its country labelled ``DEMONYM`` (``demonym_places``):
some corpora count such words as toponyms. Nothing that makes events asks for them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from gazetteer.entry import Entry
from geo.parse.clauses import SentenceSyntax, sentence_syntax
from geo.parse.mentions import Recognition, recognise, written_demonyms
from geo.parse.placefeatures import sentence_count, text_of
from geo.parse.placemodel import GeoparserModel, load_model
from geo.parse.resolve import Weights, resolve, weights_from
from geo.records import DEMONYM_LABEL, GEO_PRECISION_REGION, Mention, Place
from geo.workers import map_sharing_work, worker_state

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Longest text handed to spaCy, recognition and resolution in one piece. Measured
#: here (one document, over the loaded model): 10,000 characters 1.0 s and 27 MB,
#: 50,000 3.2 s and 154 MB, 100,000 7.1 s and 324 MB. Nearly every news article
#: fits in one section, so resolution still sees the whole article.
SECTION_CHARS = 20_000
#: Texts a process takes at a time in ``places_many`` over several processes: few, so
#: at the end no process waits long for another's last texts. spaCy reads news articles
#: in batches of 8 in the CPU time of batches of 32, within a loaded machine's spread
#: of 4% (measured on 200 LGL and GeoVirus articles).
SHARED_CHUNK_TEXTS = 8
#: Kept for callers that name it: the same limit.
MAX_CHUNK_CHARS = SECTION_CHARS


class _HoldsGazetteer(Protocol):
    @property
    def gazetteer(self) -> Any: ...


#: What ``in_forked_worker`` takes and gives back: a geoparser or a pipeline.
_Holder = TypeVar("_Holder", bound=_HoldsGazetteer)

#: Where a sentence ends: a full stop, question or exclamation mark (and a closing
#: quote or bracket) followed by white space.
_SENTENCE_END = re.compile(r"""[.!?][\"')\]”’]*\s+""")


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A parsed article: the spaCy documents of its chunks and where each starts."""

    docs: tuple[Doc, ...]
    offsets: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a text once read: its places and its sentences, in offsets and
    sentence numbers of the whole text; the spaCy document is not kept."""

    offset: int
    first_sentence: int
    places: tuple[Place, ...]
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence, in order
    #: what the event coder reads of each sentence's parse (``geo.parse.clauses``), in order
    syntax: tuple[SentenceSyntax, ...] = ()
    #: names recognised as places that resolution left without one, in text order
    unplaced: tuple[Mention, ...] = ()
    #: the countries its demonyms name ("Mozambican soldiers"), each once
    demonym_countries: tuple[str, ...] = ()

    def sentence_span(self, index: int) -> tuple[int, int]:
        """(start, end) of sentence ``index`` (numbered in the whole text)."""
        return self.sentences[index - self.first_sentence]


class Geoparser:
    """Recognises and resolves place mentions. Holds the model and the gazetteer."""

    def __init__(
        self,
        nlp: Language,
        gazetteer: Any,
        *,
        weights: Weights | None = None,
        model_name: str = "",
        model: GeoparserModel | None = None,
    ) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        #: the trained recogniser and resolver weights (the shipped file by default)
        self.model = model or load_model()
        self.weights = weights or weights_from(self.model.resolution, self.model.reading)
        self.model_name = model_name  # how worker processes load the same model

    def places(
        self, text: str, *, overrides: Mapping[str, Entry] | None = None, demonyms: bool = False
    ) -> tuple[Place, ...]:
        """The text's places in text order; with ``demonyms``, its demonyms' countries too."""
        sections = self.sections(text, overrides=overrides, demonyms=demonyms)
        return tuple(p for section in sections for p in section.places)

    def sections(
        self, text: str, *, overrides: Mapping[str, Entry] | None = None, demonyms: bool = False
    ) -> Iterator[Section]:
        """The text's sections, read one at a time (see the module's docstring)."""
        sentence_base = 0
        for offset, chunk in split_for_model(text):
            doc = self.nlp(chunk)
            sentences = tuple((offset + s.start_char, offset + s.end_char) for s in doc.sents)
            recognition = recognise(doc, self.gazetteer, self.model)
            resolved = self._resolved(doc, recognition, overrides)
            placed = {(p.mention.start, p.mention.end) for p in resolved}
            if demonyms:
                resolved = self._with_demonyms(doc, recognition, resolved)
            places = tuple(_shift(p, offset, sentence_base) for p in resolved)
            unplaced = tuple(
                _shift_mention(m, offset, sentence_base) for m in recognition.mentions if (m.start, m.end) not in placed
            )
            syntax = sentence_syntax(doc)
            del doc  # the document is the section's bulk; nothing below needs it
            countries = tuple(dict.fromkeys(recognition.demonym_countries))
            yield Section(offset, sentence_base, places, sentences, syntax, unplaced, countries)
            sentence_base += len(sentences)

    def parse(self, text: str) -> ParsedText:
        chunks = list(split_for_model(text))
        docs = tuple(self.nlp.pipe(chunk for _, chunk in chunks))
        return ParsedText(docs, tuple(start for start, _ in chunks))

    def places_in(
        self,
        parsed: ParsedText,
        text: str,
        *,
        overrides: Mapping[str, Entry] | None = None,
        demonyms: bool = False,
    ) -> tuple[Place, ...]:
        found: list[Place] = []
        sentence_base = 0
        for doc, offset in zip(parsed.docs, parsed.offsets):
            found.extend(_shift(p, offset, sentence_base) for p in self._places_in_doc(doc, overrides, demonyms))
            sentence_base += sentence_count(doc)
        return tuple(found)

    def unplaced(self, text: str, *, overrides: Mapping[str, Entry] | None = None) -> tuple[Mention, ...]:
        """The place names recognised in ``text`` that resolution left without a place
        (no candidate, or none it was sure enough of), in text order, in offsets and
        sentence numbers of the whole text."""
        found: list[Mention] = []
        sentence_base = 0
        for offset, chunk in split_for_model(text):
            doc = self.nlp(chunk)
            recognition = recognise(doc, self.gazetteer, self.model)
            placed = {(p.mention.start, p.mention.end) for p in self._resolved(doc, recognition, overrides)}
            found.extend(
                _shift_mention(m, offset, sentence_base) for m in recognition.mentions if (m.start, m.end) not in placed
            )
            sentence_base += sentence_count(doc)
        return tuple(found)

    def _places_in_doc(
        self, doc: Doc, overrides: Mapping[str, Entry] | None, demonyms: bool = False
    ) -> tuple[Place, ...]:
        recognition = recognise(doc, self.gazetteer, self.model)
        resolved = self._resolved(doc, recognition, overrides)
        return self._with_demonyms(doc, recognition, resolved) if demonyms else resolved

    def _with_demonyms(self, doc: Doc, recognition: Recognition, resolved: tuple[Place, ...]) -> tuple[Place, ...]:
        """``resolved`` and the document's demonym places, in text order."""
        text = text_of(doc)
        found = demonym_places(
            text,
            written_demonyms(text, self.gazetteer, recognition.demonyms),
            recognition.mentions,
            [s.start_char for s in doc.sents],
            self.gazetteer.country,
        )
        return tuple(sorted((*resolved, *found), key=lambda p: p.mention.start)) if found else resolved

    def _resolved(self, doc: Doc, recognition: Recognition, overrides: Mapping[str, Entry] | None) -> tuple[Place, ...]:
        return resolve(
            text_of(doc),
            recognition.mentions,
            self.gazetteer,
            **recognition.hints(),
            overrides=overrides,
            weights=self.weights,
        )

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32, demonyms: bool = False
    ) -> Iterator[tuple[Place, ...]]:
        """Places of each text, in order (with ``demonyms``, their countries' places too).
        ``n_process > 1`` shares the texts between this process and ``n_process - 1``
        worker processes."""
        if n_process <= 1:
            yield from self._places_batched(texts, batch_size, demonyms)
            return
        chunks = chunked(texts, min(batch_size, SHARED_CHUNK_TEXTS))
        worker_setup = (self.model_name, getattr(self.gazetteer, "path", None), self.weights, self.model)
        for places in map_sharing_work(
            partial(self._places_of_chunk, demonyms=demonyms),
            partial(_worker_places, demonyms=demonyms),
            chunks,
            processes=n_process,
            setup=_worker_geoparser,
            setup_args=worker_setup,
            forked_setup=partial(in_forked_worker, self),
        ):
            yield from places

    def _places_of_chunk(self, texts: list[str], demonyms: bool = False) -> list[tuple[Place, ...]]:
        return list(self._places_batched(texts, len(texts), demonyms))

    def _places_batched(
        self, texts: Iterable[str], batch_size: int, demonyms: bool = False
    ) -> Iterator[tuple[Place, ...]]:
        """One process: spaCy sees whole batches (much faster than one text at a time)."""
        for batch in chunked(texts, batch_size):
            short = [t for t in batch if len(t) <= SECTION_CHARS]
            docs = iter(self.nlp.pipe(short, batch_size=batch_size))
            for text in batch:
                if len(text) <= SECTION_CHARS:
                    doc = next(docs)
                    # spaCy keeps every character, so the document's text is the text
                    # itself: recognition need not join its tokens back together.
                    doc.user_data.setdefault("conflictmap_text", text)
                    yield self.places_in(ParsedText((doc,), (0,)), text, demonyms=demonyms)
                else:  # a long text, section by section, so its documents are not all held
                    yield self.places(text, demonyms=demonyms)


#: How sure a demonym place is of its country: the demonym table leaves out every word
#: that could name two ("Korean", "Congolese"), so the word names one country.
DEMONYM_CONFIDENCE = 1.0


def demonym_places(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    names: Sequence[Mention],
    sentence_starts: Sequence[int],
    country: Callable[[str], Entry | None],
) -> tuple[Place, ...]:
    """A place at its country (the gazetteer's country entry) for each demonym span
    ``(start, end, country code)`` that overlaps none of the place names recognised
    (``names``): "Syrian" of "the Syrian Arab Republic" is part of a name already read.
    A country the gazetteer lacks gives no place. ``sentence_starts``: where each sentence
    of ``text`` begins, in order."""
    found = []
    for start, end, code in spans:
        if any(m.start < end and start < m.end for m in names) or (entry := country(code)) is None:
            continue
        sentence = max(0, bisect_right(sentence_starts, start) - 1)
        mention = Mention(start, end, text[start:end], DEMONYM_LABEL, sentence)
        found.append(Place(mention, entry, DEMONYM_CONFIDENCE, GEO_PRECISION_REGION))
    return tuple(found)


def split_for_model(text: str, *, limit: int = SECTION_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) sections no longer than ``limit``, in order, cut at a paragraph
    break in the second half of the window, else after the last sentence end in it,
    else at a line break, else at a space. Lazy: one piece at a time."""
    start = 0
    while len(text) - start > limit:
        yield start, text[start : (cut := _cut_point(text, start, limit))]
        start = cut
    yield start, text[start:]


def _cut_point(text: str, start: int, limit: int) -> int:
    end = start + limit
    half = start + limit // 2
    cut = text.rfind("\n\n", half, end)
    if cut > start:
        return cut
    sentence_end = max((m.end() for m in _SENTENCE_END.finditer(text, half, end - 1)), default=0)
    if sentence_end > start:
        return sentence_end
    for separator in ("\n", " "):
        cut = text.rfind(separator, start, end)
        if cut > start:
            return cut
    return end


def _shift(place: Place, offset: int, sentence_base: int) -> Place:
    if not offset and not sentence_base:
        return place
    mention = _shift_mention(place.mention, offset, sentence_base)
    return Place(mention, place.entry, place.confidence, place.geo_precision, place.candidates)


def _shift_mention(m: Mention, offset: int, sentence_base: int) -> Mention:
    if not offset and not sentence_base:
        return m
    return Mention(m.start + offset, m.end + offset, m.text, m.label, m.sentence + sentence_base)


def _worker_geoparser(model: str, gazetteer_path: Path | None, weights: Weights, trained: GeoparserModel) -> Geoparser:
    """A worker process's own geoparser, loaded once (``worker_pool``'s setup), reading with
    the parent's trained model (half a megabyte pickled: the shipped file or another one)."""
    from gazetteer.database import open_gazetteer
    from geo.parse.nlp import load_nlp

    return Geoparser(load_nlp(model), open_gazetteer(gazetteer_path), weights=weights, model_name=model, model=trained)


def in_forked_worker(holder: _Holder) -> _Holder:
    """``holder`` (a geoparser or a pipeline: what has a gazetteer) in a worker forked from
    the process that loaded it: the worker's copy, with a gazetteer connection of its own."""
    reconnect = getattr(holder.gazetteer, "reconnect_after_fork", None)
    if reconnect is not None:  # a gazetteer of the caller's own (``Geoparser`` takes any) may have none
        reconnect()
    return holder


def _worker_places(texts: list[str], *, demonyms: bool = False) -> list[tuple[Place, ...]]:
    geoparser: Geoparser = worker_state()
    return geoparser._places_of_chunk(texts, demonyms)


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of at most ``size`` items, in order."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def load_geoparser(
    gazetteer_path: Path | None = None, *, weights: Weights | None = None, model: GeoparserModel | None = None
) -> Geoparser:
    """The model and the gazetteer (built on first use), ready to geoparse; ``model`` reads
    with another trained model than the shipped one."""
    from gazetteer.database import open_gazetteer
    from geo.parse.nlp import MODEL_NAME, load_nlp

    return Geoparser(
        load_nlp(MODEL_NAME), open_gazetteer(gazetteer_path), weights=weights, model_name=MODEL_NAME, model=model
    )
