"""Article in, events out: geoparse, then one event per sentence and place where it happened.

A sentence yields an event at each place it locates something at: places named only
as a base or an origin ("the Britain-based Observatory") are left out, and so is a
country or region when the same sentence names a place inside it (the event is at
Palmyra, not at Syria's centre). A sentence that states nothing in particular
(type ``other`` with no trigger) maps no country-wide point, only towns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.dates import resolve_event_date
from geo.geoparser import Geoparser, ParsedText, chunked, load_geoparser
from geo.records import Article, Event, Place, event_id_for
from geo.roles import is_incidental_location
from geo.typing import classify_sentence
from geo.workers import worker_pool

if TYPE_CHECKING:
    from geo.records import PlaceOverride


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


class Pipeline:
    """Holds a Geoparser; turns articles into events."""

    def __init__(self, geoparser: Geoparser) -> None:
        self.geoparser = geoparser

    @property
    def gazetteer(self):
        return self.geoparser.gazetteer

    def events(self, article: Article, *, overrides: Sequence[PlaceOverride] = ()) -> tuple[Event, ...]:
        parsed = self.geoparser.parse(article.text)
        places = self.geoparser.places_in(parsed, article.text,
                                          overrides=override_entries(overrides, article.article_id))
        return events_from_places(article, places, sentences_of(parsed))

    def events_many(self, articles: Iterable[Article], *, overrides: Sequence[PlaceOverride] = (),
                    n_process: int = 1, batch_size: int = 16) -> Iterator[tuple[Article, tuple[Event, ...]]]:
        """(article, events) for each article, in order; ``n_process > 1`` uses worker processes."""
        if n_process <= 1:
            for article in articles:
                yield article, self.events(article, overrides=overrides)
            return
        gp = self.geoparser
        with worker_pool(n_process, _init_worker, (getattr(gp.gazetteer, "path", None), tuple(overrides))) as pool:
            # Workers take chunks as they free up (map submits them all), as in
            # Geoparser.places_many: neither waits for the other at the end of a round.
            chunks = list(chunked(articles, batch_size))
            for chunk, results in zip(chunks, pool.map(_worker_events, chunks)):
                yield from zip(chunk, results)


def override_entries(overrides: Sequence[PlaceOverride], article_id: str) -> dict[str, Entry]:
    """Corrections that apply to this article, by normalised mention; its own beat global ones."""
    chosen: dict[str, Entry] = {}
    for scope in ("", article_id):
        for o in overrides:
            if o.article_id == scope:
                chosen[normalize(o.mention)] = o.entry()
    return chosen


def sentences_of(parsed: ParsedText) -> list[Sentence]:
    sentences: list[Sentence] = []
    for doc, offset in zip(parsed.docs, parsed.offsets):
        for sent in doc.sents:
            sentences.append(Sentence(len(sentences), sent.start_char + offset,
                                      sent.end_char + offset, sent.text))
    return sentences


def events_from_places(article: Article, places: Sequence[Place],
                       sentences: Sequence[Sentence]) -> tuple[Event, ...]:
    by_sentence: dict[int, list[Place]] = defaultdict(list)
    for place in places:
        by_sentence[place.mention.sentence].append(place)
    events: list[Event] = []
    for index in sorted(by_sentence):
        sentence = sentences[index]
        events.extend(_sentence_events(article, sentence, by_sentence[index]))
    return tuple(events)


def _sentence_events(article: Article, sentence: Sentence, places: Sequence[Place]) -> list[Event]:
    located = [p for p in places if not _incidental(sentence, p)]
    located = [p for p in located if not any(_contains(p.entry, q.entry) for q in located if q is not p)]
    seen: set[int] = set()
    events = []
    event_date = resolve_event_date(sentence.text, published=article.published)
    for place in located:
        if place.entry.geonameid in seen:
            continue
        seen.add(place.entry.geonameid)
        start = place.mention.start - sentence.start
        kind = classify_sentence(sentence.text, near=(start, start + len(place.mention.text)))
        if kind.event_type == "other" and place.entry.is_area:
            continue
        events.append(_event(article, sentence, place, kind, event_date))
    return events


def _incidental(sentence: Sentence, place: Place) -> bool:
    start = place.mention.start - sentence.start
    return is_incidental_location(sentence.text, start, start + len(place.mention.text))


def _contains(outer: Entry, inner: Entry) -> bool:
    """Is ``inner`` a place inside the area ``outer`` (a country or a first-level region)?"""
    if not outer.is_area or outer.geonameid == inner.geonameid or outer.country_code != inner.country_code:
        return False
    if outer.is_country:
        return not inner.is_country
    return outer.feature_code == "ADM1" and inner.admin1_code == outer.admin1_code and inner.feature_code != "ADM1"


def _event(article: Article, sentence: Sentence, place: Place, kind, event_date) -> Event:
    entry = place.entry
    confidence = place.confidence * (0.5 + 0.5 * kind.confidence)
    return Event(
        event_id=event_id_for(article.article_id, sentence.index, entry.geonameid, place.mention.text),
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        event_date=event_date.value,
        date_precision=event_date.precision,
        place=entry.name,
        mention=place.mention.text,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        country_code=entry.country_code,
        admin1=entry.admin1,
        feature_code=entry.feature_code,
        geo_precision=place.geo_precision,
        quote=" ".join(sentence.text.split()),
        article_id=article.article_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
    )


#: In a worker process: its own pipeline and the corrections to apply.
_WORKER: tuple[Pipeline, tuple] | None = None


def _init_worker(gazetteer_path: Path | None, overrides: tuple) -> None:
    global _WORKER
    _WORKER = (load_pipeline(gazetteer_path), overrides)


def _worker_events(articles: list[Article]) -> list[tuple[Event, ...]]:
    assert _WORKER is not None, "worker used before its initializer ran"
    pipeline, overrides = _WORKER
    return [pipeline.events(a, overrides=overrides) for a in articles]


def load_pipeline(gazetteer_path: Path | None = None) -> Pipeline:
    """The model and the gazetteer (built on first use), ready to turn articles into events."""
    return Pipeline(load_geoparser(gazetteer_path))
