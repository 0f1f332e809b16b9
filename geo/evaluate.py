"""Geoparsing evaluation on annotated corpora: reading, splitting, scoring, reporting.

A corpus is JSONL, one article a line: ``{"id", "text", "toponyms": [{"start", "end",
"name", "lat", "lon", "geonameid"}], "ignore": [{"start", "end", "name"}]}``.
Scoring follows the published geoparsing metrics: exact-span geotagging
precision/recall/F1, great-circle error of the span-matched toponyms (acc@161km,
mean, median, AUC of the log errors) and an end-to-end share (found exactly *and*
placed within 161 km). Everything up to the report is a pure function; the command at
the bottom is the only part that reads files, loads systems and prints.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import islice, pairwise
from pathlib import Path
from typing import Any, Protocol

from gazetteer.errors import GazetteerError
from geo.errors import ArticleReadError, ConflictmapError, InputError
from geo.records import Place

SPLITS = ("dev", "test")
#: 100 miles, the customary threshold of "correctly placed".
ACCURACY_KM = 161.0
#: Mean earth radius (IUGG), the one geopy's great_circle uses.
EARTH_RADIUS_KM = 6371.0088
#: The largest error the AUC normalises by: half the earth's circumference, as published.
AUC_MAX_ERROR_KM = 20039.0
#: Corpora that annotate only the article's own subject place: other places in their
#: text are not gold, so a prediction there is not wrong and precision means nothing.
GEOCODING_ONLY_CORPORA = ("wiktor",)
#: Fewer articles than this per process and the start-up of a worker costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 40
EXIT_OK, EXIT_ERROR = 0, 1


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
    """An annotated place mention with the coordinates it refers to."""

    start: int
    end: int
    name: str
    lat: float
    lon: float
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One annotated article. ``ignore`` holds spans marked as places but never placed."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...] = ()
    ignore: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class PredictedToponym:
    """What a system says: this span names the place at ``lat``/``lon``."""

    start: int
    end: int
    lat: float
    lon: float
    text: str = ""


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
        return ArticleTally(
            *(getattr(self, name) + getattr(other, name) for name in _TALLY_FIELDS)
        )


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
    toponyms = tuple(
        _gold_toponym(item, text, f"{where}: toponym {n}")
        for n, item in enumerate(_require(record, "toponyms", list, where), 1)
    )
    ignore = tuple(
        _ignore_span(item, text, f"{where}: ignore span {n}")
        for n, item in enumerate(record.get("ignore") or [], 1)
    )
    return GoldArticle(id=article_id, text=text, toponyms=toponyms, ignore=ignore)


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
    return GoldToponym(start=start, end=end, name=name, lat=lat, lon=lon, geonameid=geonameid)


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
    text = item.get("text") if isinstance(item.get("text"), str) else ""
    return PredictedToponym(start=start, end=end, lat=lat, lon=lon, text=text)


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


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine on a sphere of the mean earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi, half_dlambda = (phi2 - phi1) / 2, math.radians(lon2 - lon1) / 2
    h = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


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


def tally_article(article: GoldArticle, predicted: Iterable[PredictedToponym]) -> ArticleTally:
    """Match one article's predictions against its gold, exact span and overlap."""
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
        errors_km=tuple(great_circle_km(g.lat, g.lon, p.lat, p.lon) for g, p in matched),
    )


def score(
    gold_articles: Iterable[GoldArticle],
    predictions: Mapping[str, Sequence[PredictedToponym]],
    *,
    geotagging: bool = True,
) -> Scores:
    """Scores of ``predictions`` (article id -> predicted toponyms; a missing id means
    nothing predicted) against ``gold_articles``.

    With ``geotagging=False`` (corpora that annotate only some places, as WikToR)
    precision and F1 are ``None``: recall and the geocoding figures remain.
    """
    total = sum((tally_article(a, predictions.get(a.id, ())) for a in gold_articles), ArticleTally())
    return scores_from_tally(total, geotagging=geotagging)


def scores_from_tally(tally: ArticleTally, *, geotagging: bool = True) -> Scores:
    errors = tally.errors_km
    within = sum(km < ACCURACY_KM for km in errors)
    precision = _ratio(tally.matched, tally.predicted - tally.ignored) if geotagging else None
    recall = _ratio(tally.matched, tally.gold)
    overlap_precision = (
        _ratio(tally.overlap_correct, tally.predicted - tally.overlap_ignored) if geotagging else None
    )
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
# running a system


class PlaceFinder(Protocol):
    """Anything with the geoparser's batch interface (the geoparser, a baseline, a fake)."""

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Place, ...]]: ...


def predicted_from_places(places: Iterable[Place]) -> tuple[PredictedToponym, ...]:
    return tuple(
        PredictedToponym(
            start=p.mention.start, end=p.mention.end, lat=p.entry.lat, lon=p.entry.lon, text=p.mention.text
        )
        for p in places
    )


def predict(
    finder: PlaceFinder,
    articles: Sequence[GoldArticle],
    *,
    n_process: int = 1,
    batch_size: int = 32,
    on_article: Callable[[], None] | None = None,
) -> dict[str, tuple[PredictedToponym, ...]]:
    """Run ``finder`` over the articles' texts; article id -> its predicted toponyms."""
    results = finder.places_many((a.text for a in articles), n_process=n_process, batch_size=batch_size)
    predictions: dict[str, tuple[PredictedToponym, ...]] = {}
    for article, places in zip(articles, results, strict=True):
        predictions[article.id] = predicted_from_places(places)
        if on_article is not None:
            on_article()
    return predictions


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "scores": self.scores.as_dict() if self.scores else None,
            "seconds": round(self.seconds, 3),
            "unavailable": self.unavailable or None,
        }


@dataclass(frozen=True, slots=True)
class CorpusReport:
    corpus: str
    split: str
    articles: int
    geotagging: bool
    results: tuple[SystemResult, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "articles": self.articles,
            "geotagging": self.geotagging,
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


def format_table(reports: Iterable[CorpusReport]) -> str:
    """A plain-text table, one row per corpus and system; '-' marks an undefined figure."""
    header = ["corpus", "system", *(c[0] for c in TABLE_COLUMNS), "s"]
    rows = [header]
    notes: list[str] = []
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
    return "\n".join(lines + notes) + "\n"


def _figures(scores: Scores) -> list[str]:
    values = (getattr(scores, attribute) for _, attribute, _ in TABLE_COLUMNS)
    return ["-" if v is None else fmt.format(v) for v, (_, _, fmt) in zip(values, TABLE_COLUMNS)]


def _align(cell: str, width: int, column: int) -> str:
    return cell.ljust(width) if column < 2 else cell.rjust(width)


# ---------------------------------------------------------------------------
# the command


@dataclass(frozen=True, slots=True)
class _System:
    name: str
    finder: PlaceFinder | None  # None: not available
    unavailable: str = ""
    predictions: Mapping[str, Sequence[PredictedToponym]] | None = None  # a scored file


#: What a system that cannot start raises: its module or data are missing.
_LOAD_ERRORS = (ImportError, OSError, ConflictmapError, GazetteerError)


def eval_command(args: argparse.Namespace) -> int:
    """``conflictmap eval``: score the geoparser (or a predictions file) and, with
    ``--baselines``, the simple pipelines, on the chosen split of each corpus."""
    corpora = [(path.stem, _load_articles(path, args.split, args.limit)) for path in args.corpora]
    systems = _systems(args)
    reports = [_evaluate_corpus(name, articles, systems, split=args.split) for name, articles in corpora]
    if args.json:
        print(json.dumps({"split": args.split, "corpora": [r.as_dict() for r in reports]}, indent=2))
    else:
        sys.stdout.write(format_table(reports))
    ran = any(result.scores is not None for report in reports for result in report.results)
    return EXIT_OK if ran else EXIT_ERROR


def _load_articles(path: Path, split: str, limit: int) -> list[GoldArticle]:
    return list(select_split(iter_corpus(path), split, limit=limit))


def _systems(args: argparse.Namespace) -> list[_System]:
    predictions_path: Path | None = getattr(args, "predictions", None)
    if predictions_path is not None:
        systems = [_System(predictions_path.name, None, predictions=read_predictions(predictions_path))]
    else:
        systems = [_load_system("conflictmap", lambda: _load_geoparser(args.gazetteer))]
    if args.baselines:
        systems.extend(_baseline_systems(args.gazetteer))
    return systems


def _load_geoparser(gazetteer_path: Path | None) -> PlaceFinder:
    from geo.geoparser import load_geoparser

    return load_geoparser(gazetteer_path)


def _baseline_systems(gazetteer_path: Path | None) -> list[_System]:
    from geo import baselines

    _progress_note("opening the gazetteer for the baselines")
    try:
        resolver = baselines.open_resolver(gazetteer_path)
    except _LOAD_ERRORS as err:
        reason = f"the gazetteer cannot be opened ({err})"
        return [_System(name, None, unavailable=reason) for name in baselines.BASELINES]
    return [
        _load_system(name, lambda name=name: baselines.load_baseline(name, resolver))
        for name in baselines.BASELINES
    ]


def _load_system(name: str, load: Callable[[], PlaceFinder]) -> _System:
    _progress_note(f"loading {name}")
    try:
        return _System(name, load())
    except _LOAD_ERRORS as err:
        return _System(name, None, unavailable=f"{type(err).__name__}: {err}")


def _evaluate_corpus(
    corpus: str, articles: Sequence[GoldArticle], systems: Sequence[_System], *, split: str
) -> CorpusReport:
    geotagging = geotagging_applies(corpus)
    results = tuple(_evaluate_system(system, corpus, articles, geotagging) for system in systems)
    return CorpusReport(corpus=corpus, split=split, articles=len(articles), geotagging=geotagging, results=results)


def _evaluate_system(system: _System, corpus: str, articles: Sequence[GoldArticle], geotagging: bool) -> SystemResult:
    started = time.perf_counter()
    if system.predictions is not None:
        missing = sum(a.id not in system.predictions for a in articles)
        if missing:
            _progress_note(f"{system.name} has no line for {missing} of {len(articles)} {corpus} articles: scored as empty")
        predictions = system.predictions
    elif system.finder is not None:
        _progress_note(f"running {system.name} on {len(articles)} {corpus} articles")
        predictions = _run_with_progress(system, corpus, articles)
    else:
        return SystemResult(system.name, None, unavailable=system.unavailable)
    scores = score(articles, predictions, geotagging=geotagging)
    return SystemResult(system.name, scores, seconds=time.perf_counter() - started)


def _run_with_progress(system: _System, corpus: str, articles: Sequence[GoldArticle]) -> dict[str, tuple[PredictedToponym, ...]]:
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
        )


def _progress_note(message: str) -> None:
    print(message, file=sys.stderr)
