"""Text in, resolved places out: recognition then resolution, over spaCy documents.

``places_many`` runs whole articles in worker processes (each loads the model and
opens the gazetteer once), so both stages scale with the cores, not only spaCy's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gazetteer.entry import Entry
from geo.mentions import recognise
from geo.placemodel import GeoparserModel, load_model
from geo.records import Place
from geo.resolve import Weights, resolve, weights_from

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: Longest text handed to spaCy in one piece; longer articles are parsed in chunks
#: cut at paragraph breaks (spaCy refuses texts over nlp.max_length).
MAX_CHUNK_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class ParsedText:
    """A parsed article: the spaCy documents of its chunks and where each starts."""

    docs: tuple[Doc, ...]
    offsets: tuple[int, ...]


class Geoparser:
    """Recognises and resolves place mentions. Holds the model and the gazetteer."""

    def __init__(self, nlp: Language, gazetteer: Any, *, weights: Weights | None = None,
                 model_name: str = "", model: GeoparserModel | None = None) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        #: the trained recogniser and resolver weights (the shipped file by default)
        self.model = model or load_model()
        self.weights = weights or weights_from(self.model.resolution)
        self.model_name = model_name  # how worker processes load the same model

    def places(self, text: str, *, overrides: Mapping[str, Entry] | None = None) -> tuple[Place, ...]:
        return self.places_in(self.parse(text), text, overrides=overrides)

    def parse(self, text: str) -> ParsedText:
        chunks = split_for_model(text)
        docs = tuple(self.nlp.pipe(chunk for _, chunk in chunks))
        return ParsedText(docs, tuple(start for start, _ in chunks))

    def places_in(self, parsed: ParsedText, text: str, *,
                  overrides: Mapping[str, Entry] | None = None) -> tuple[Place, ...]:
        found: list[Place] = []
        sentence_base = 0
        for doc, offset in zip(parsed.docs, parsed.offsets):
            found.extend(_shift(p, offset, sentence_base)
                         for p in self._places_in_doc(doc, overrides))
            sentence_base += sum(1 for _ in doc.sents)
        return tuple(found)

    def _places_in_doc(self, doc: Doc, overrides: Mapping[str, Entry] | None) -> tuple[Place, ...]:
        recognition = recognise(doc, self.gazetteer, self.model)
        return resolve(
            doc.user_data.get("conflictmap_text") or doc.text,
            recognition.mentions,
            self.gazetteer,
            demonym_countries=recognition.demonym_countries,
            resolve_as=dict(recognition.resolve_as),
            overrides=overrides,
            weights=self.weights,
        )

    def places_many(self, texts: Iterable[str], *, n_process: int = 1,
                    batch_size: int = 32) -> Iterator[tuple[Place, ...]]:
        """Places of each text, in order. ``n_process > 1`` uses worker processes."""
        if n_process <= 1:
            yield from self._places_batched(texts, batch_size)
            return
        with ProcessPoolExecutor(
            max_workers=n_process,
            initializer=_init_worker,
            initargs=(self.model_name, getattr(self.gazetteer, "path", None), self.weights),
        ) as pool:
            # Workers take chunks as they free up (map submits them all), so neither
            # waits for the other at the end of a round.
            for result in pool.map(_worker_places, chunked(texts, batch_size)):
                yield from result


    def _places_batched(self, texts: Iterable[str], batch_size: int) -> Iterator[tuple[Place, ...]]:
        """One process: spaCy sees whole batches (much faster than one text at a time)."""
        for batch in chunked(texts, batch_size):
            pieces = [split_for_model(t) for t in batch]
            docs = iter(self.nlp.pipe((c for chunks in pieces for _, c in chunks), batch_size=batch_size))
            for text, chunks in zip(batch, pieces):
                parsed = ParsedText(tuple(next(docs) for _ in chunks), tuple(o for o, _ in chunks))
                yield self.places_in(parsed, text)


def split_for_model(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, chunk) pieces no longer than ``limit``, cut at paragraph or line breaks."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        cut = text.rfind("\n\n", start, start + limit)
        if cut <= start:
            cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _shift(place: Place, offset: int, sentence_base: int) -> Place:
    if not offset and not sentence_base:
        return place
    m = place.mention
    mention = type(m)(m.start + offset, m.end + offset, m.text, m.label, m.sentence + sentence_base)
    return Place(mention, place.entry, place.confidence, place.geo_precision, place.candidates)


_WORKER: Geoparser | None = None


def _init_worker(model: str, gazetteer_path: Path | None, weights: Weights) -> None:
    global _WORKER
    from gazetteer.database import open_gazetteer
    from geo.nlp import load_nlp

    _WORKER = Geoparser(load_nlp(model), open_gazetteer(gazetteer_path), weights=weights,
                        model_name=model)


def _worker_places(texts: list[str]) -> list[tuple[Place, ...]]:
    assert _WORKER is not None, "worker used before its initializer ran"
    return list(_WORKER._places_batched(texts, len(texts)))


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Lists of at most ``size`` items, in order."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def load_geoparser(gazetteer_path: Path | None = None, *, weights: Weights | None = None) -> Geoparser:
    """The model and the gazetteer (built on first use), ready to geoparse."""
    from gazetteer.database import open_gazetteer
    from geo.nlp import MODEL_NAME, load_nlp

    return Geoparser(load_nlp(MODEL_NAME), open_gazetteer(gazetteer_path), weights=weights,
                     model_name=MODEL_NAME)
