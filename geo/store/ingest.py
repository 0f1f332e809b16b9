"""Articles into the event store: files, folders, globs, JSONL corpora, feeds and URLs.

The main process reads the inputs, drops articles the store already holds (by
article id, before any parsing), hands the rest in batches to parsing workers and
writes each parsed batch in one transaction. Interrupted at any point, a rerun
finds the batches already written and parses only the rest: nothing twice,
nothing lost. A file that cannot be read is reported in one line and skipped.

Workers are local processes (``ingest``), each loading the pipeline once, or the
workers of a Dask cluster (``ingest_dask``), which write each partition's events as
a GeoParquet file that the main process then loads into the store.
"""

from __future__ import annotations

import glob
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import entry_points
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gazetteer.errors import GazetteerError
from geo.errors import ArticleReadError, ConflictmapError, InputError
from geo.read.readers import MAX_ARTICLE_CHARS
from geo.records import Article, Event, PlaceOverride, stable_id
from geo.workers import WorkerDiedError, worker_pool, worker_state

if TYPE_CHECKING:
    from geo.store.store import EventStore

#: The name of the pipeline to load, when not the built-in one.
PIPELINE_ENV = "CONFLICTMAP_PIPELINE"
#: The entry point group where installed packages register other pipeline loaders by name.
PIPELINE_GROUP = "conflictmap.pipelines"
DEFAULT_PIPELINE = "conflictmap"

#: Files a folder is searched for.
ARTICLE_EXTENSIONS = frozenset({".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".xml", ".rss", ".atom"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
URL_PREFIXES = ("http://", "https://")
#: Files that hold events or map features, not articles: refused by name, with where
#: such data goes instead, rather than stored as the text of an article.
NOT_ARTICLE_SUFFIXES = {
    ".geojson": "a GeoJSON file holds map features, not article text",
    ".gpkg": "a GeoPackage holds map features, not article text",
    ".parquet": "a Parquet file holds a table, not article text",
    ".csv": "a CSV file holds a table, not article text (ACLED tables go to `conflictmap import acled`)",
    ".tsv": "a TSV file holds a table, not article text (GDELT tables go to `conflictmap import gdelt`)",
}

#: Articles per worker task and per store transaction.
BATCH_SIZE = 32
#: Tasks queued per worker, so a worker never waits for the reader.
IN_FLIGHT_PER_WORKER = 2
#: Articles handed to a Dask cluster per round (each round is written before the next).
DASK_ROUND = 4096
DASK_CONNECT_TIMEOUT = "30s"

PipelineFactory = Callable[[Path | None], Any]


# ---------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class Problem:
    """An input, a record in it or an article that could not be ingested, and why."""

    where: str
    reason: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.reason else self.where


@dataclass(frozen=True, slots=True)
class ParseOutcome:
    """One article's events, or why parsing it failed (``error`` non-empty)."""

    article_id: str
    events: tuple[Event, ...] = ()
    error: str = ""


@dataclass(frozen=True, slots=True)
class IngestReport:
    seen: int = 0  # articles read from the inputs
    new: int = 0  # articles parsed and stored by this run
    skipped: int = 0  # articles already stored (or read twice in this run)
    failed_inputs: int = 0  # files, URLs or patterns that could not be read
    failed_articles: int = 0  # records that could not be read, articles that could not be parsed
    events: int = 0  # events stored by this run

    @property
    def failed(self) -> int:
        return self.failed_inputs + self.failed_articles

    def summary(self) -> str:
        return (
            f"ingest: {self.seen} articles seen, {self.new} new, {self.skipped} skipped "
            f"(already stored), {self.failed} failed ({self.failed_inputs} inputs, "
            f"{self.failed_articles} articles); {self.events} events added"
        )


@dataclass(frozen=True, slots=True)
class IngestOptions:
    pipeline_factory: PipelineFactory
    gazetteer: Path | None = None
    published: date | None = None  # for articles that carry no date
    allow_private: bool = False  # let URLs reach loopback/private addresses
    workers: int = 1
    batch_size: int = BATCH_SIZE


@dataclass(slots=True)
class _Tally:
    seen: int = 0
    new: int = 0
    skipped: int = 0
    failed_inputs: int = 0
    failed_articles: int = 0
    events: int = 0
    seen_ids: set[str] = field(default_factory=set)

    def report(self) -> IngestReport:
        return IngestReport(self.seen, self.new, self.skipped, self.failed_inputs, self.failed_articles, self.events)


OnProblem = Callable[[Problem], None]


class _ReportProblem(Protocol):
    """Counts a problem as a failed input or a failed article, then passes it on."""

    def __call__(self, problem: Problem, *, input_failed: bool) -> None: ...


OnProgress = Callable[[IngestReport], None]


# ---------------------------------------------------------------------------
# inputs


def expand_inputs(inputs: Sequence[str | Path]) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    """Files and URLs to read, from files, folders (searched recursively by extension),
    glob patterns (``**`` included) and URLs; and the inputs that name nothing."""
    found: dict[str, None] = {}
    problems: list[Problem] = []
    for item in inputs:
        text = str(item)
        if is_url(text):
            found.setdefault(text)
            continue
        if glob.has_magic(text):
            # a pattern is a search, like a folder: only article files count
            matches = [
                m
                for m in sorted(glob.glob(os.path.expanduser(text), recursive=True))
                if Path(m).is_dir() or Path(m).suffix.lower() in ARTICLE_EXTENSIONS
            ]
            if not matches:
                problems.append(Problem(text, "no article file matches this pattern"))
                continue
        else:
            matches = [text]
        for match in matches:
            path = Path(match).expanduser()
            if path.is_dir():
                for file in _article_files(path):
                    found.setdefault(str(file))
            elif path.exists():
                found.setdefault(str(path))
            else:
                problems.append(Problem(text, "no such file or folder"))
    return tuple(found), tuple(problems)


def is_url(text: str) -> bool:
    """An http(s) address, in any letter case (``HTTP://`` is a URL, not a file name)."""
    return text[:8].lower().startswith(URL_PREFIXES)


def read_input(
    location: str, *, published: date | None = None, allow_private: bool = False, on_problem: OnProblem | None = None
) -> Iterator[Article]:
    """The articles of one file (text, Markdown, HTML, JSONL, RSS/Atom) or URL.

    A record that cannot be read (a JSONL line, a feed entry) goes to ``on_problem``
    and the rest of the file is read; a file that cannot be read at all raises.
    """

    def record_problem(err: Exception) -> None:
        if on_problem is not None:
            on_problem(Problem(str(err)))  # the readers' messages name the file and line

    if is_url(location):
        yield from _fetch(location, published=published, allow_private=allow_private)
        return
    path = Path(location)
    if path.suffix.lower() in NOT_ARTICLE_SUFFIXES:
        raise ArticleReadError(
            f"{location}: {NOT_ARTICLE_SUFFIXES[path.suffix.lower()]}; "
            "ingest reads articles (text, Markdown, HTML, JSON lines, RSS/Atom)"
        )
    if path.suffix.lower() in JSONL_EXTENSIONS:  # streamed: a corpus may not fit in memory
        from geo.read.readers import iter_jsonl_articles

        yield from iter_jsonl_articles(path, published=published, on_error=record_problem)
        return
    from geo.read.readers import read_articles

    yield from read_articles(path, published=published, on_error=record_problem)


def resolve_pipeline_factory(name: str | None = None) -> PipelineFactory:
    """The pipeline loader registered as ``name`` (default: ``$CONFLICTMAP_PIPELINE``,
    else the built-in pipeline): built in, or an entry point of ``PIPELINE_GROUP``.

    Only registered names load: a setting can choose among installed pipelines but
    never make the program import a module it names."""
    name = (name or os.environ.get(PIPELINE_ENV, "")).strip() or DEFAULT_PIPELINE
    if name in BUILTIN_PIPELINES:
        return BUILTIN_PIPELINES[name]
    found = sorted(entry_points(group=PIPELINE_GROUP, name=name), key=lambda ep: ep.value)
    if not found:
        raise InputError(
            f"cannot load the pipeline {name!r}: no pipeline is registered under that name "
            f"(registered: {', '.join(registered_pipelines())})"
        )
    try:
        factory = found[0].load()
    except (ImportError, AttributeError) as err:
        raise InputError(f"cannot load the pipeline {name!r} ({found[0].value}): {err}") from err
    if not callable(factory):
        raise InputError(f"the pipeline loader registered as {name!r} ({found[0].value}) is not callable")
    return factory


def registered_pipelines() -> list[str]:
    """Every name ``resolve_pipeline_factory`` loads: the built-in ones and the entry points."""
    return sorted({*BUILTIN_PIPELINES, *(ep.name for ep in entry_points(group=PIPELINE_GROUP))})


def _load_builtin_pipeline(gazetteer_path: Path | None) -> Any:
    # Imported here: the pipeline module loads spaCy's machinery (half a second).
    from geo.parse.pipeline import load_pipeline

    return load_pipeline(gazetteer_path)


#: Pipelines that ship with conflictmap, by name (found without installed metadata too).
BUILTIN_PIPELINES: dict[str, PipelineFactory] = {DEFAULT_PIPELINE: _load_builtin_pipeline}


# ---------------------------------------------------------------------------
# ingest on this machine


def ingest(
    inputs: Sequence[str | Path],
    store: EventStore,
    options: IngestOptions,
    *,
    on_problem: OnProblem | None = None,
    on_progress: OnProgress | None = None,
) -> IngestReport:
    """Read, parse and store ``inputs``; returns what happened. Already stored
    articles are skipped before parsing; each batch is written in one transaction."""
    tally = _Tally()
    report_problem = _problem_reporter(tally, on_problem)
    overrides = store.overrides()
    batches = _new_article_batches(inputs, store, options, tally, report_problem)
    first = list(islice(batches, 2))
    if not first:  # nothing new: no need to load the model
        return tally.report()
    batches = chain(first, batches)
    if options.workers <= 1 or len(first) < 2:  # a few articles: starting workers costs more
        pipeline = options.pipeline_factory(options.gazetteer)
        parsed: Iterator[tuple[list[Article], list[ParseOutcome]]] = (
            (batch, parse_articles(pipeline, batch, overrides)) for batch in batches
        )
    else:
        parsed = _parse_in_processes(batches, options, overrides)
    for batch, outcomes in parsed:
        _store_outcomes(store, batch, outcomes, tally, report_problem)
        if on_progress is not None:
            on_progress(tally.report())
    return tally.report()


def ingest_articles(
    articles: Sequence[Article], store: EventStore, pipeline: Any, *, on_problem: OnProblem | None = None
) -> IngestReport:
    """Parse and store articles already read (a watched feed's new items) through the same
    path as ``ingest``: articles the store holds are skipped, the rest written in one transaction."""
    tally = _Tally(seen=len(articles))
    report_problem = _problem_reporter(tally, on_problem)
    fresh = _not_yet_stored(articles, store, tally)
    if fresh:
        _store_outcomes(store, fresh, parse_articles(pipeline, fresh, store.overrides()), tally, report_problem)
    return tally.report()


def parse_articles(
    pipeline: Any, articles: Sequence[Article], overrides: Sequence[PlaceOverride] = ()
) -> list[ParseOutcome]:
    """Each article's events; an article the pipeline fails on gets its error instead."""
    outcomes = []
    for article in articles:
        try:
            events = tuple(pipeline.events(article, overrides=overrides))
        except Exception as err:  # noqa: BLE001 - one bad article must not stop a corpus
            outcomes.append(ParseOutcome(article.article_id, error=f"{type(err).__name__}: {err}"))
        else:
            outcomes.append(ParseOutcome(article.article_id, events))
    return outcomes


def _new_article_batches(
    inputs: Sequence[str | Path],
    store: EventStore,
    options: IngestOptions,
    tally: _Tally,
    report_problem: _ReportProblem,
) -> Iterator[list[Article]]:
    """Batches of articles the store does not hold yet, read input by input."""
    locations, problems = expand_inputs(inputs)
    for problem in problems:
        report_problem(problem, input_failed=True)
    articles = chain.from_iterable(_read_or_report(location, options, report_problem) for location in locations)
    while batch := list(islice(articles, options.batch_size)):
        tally.seen += len(batch)
        if fresh := _not_yet_stored(batch, store, tally):
            yield fresh


def _not_yet_stored(articles: Sequence[Article], store: EventStore, tally: _Tally) -> list[Article]:
    """The articles neither the store nor this run holds yet; the others are counted skipped."""
    stored = store.has_articles(a.article_id for a in articles)
    fresh = []
    for article in articles:
        if article.article_id in stored or article.article_id in tally.seen_ids:
            tally.skipped += 1
            continue
        tally.seen_ids.add(article.article_id)
        fresh.append(article)
    return fresh


def _read_or_report(location: str, options: IngestOptions, report_problem: _ReportProblem) -> Iterator[Article]:
    try:
        for article in read_input(
            location,
            published=options.published,
            allow_private=options.allow_private,
            on_problem=lambda p: report_problem(p, input_failed=False),
        ):
            if len(article.text) > MAX_ARTICLE_CHARS:  # refused before it costs minutes of parsing
                report_problem(Problem(f"{location}: {_describe(article)}", _too_long(article)), input_failed=False)
                continue
            yield article
    except (ConflictmapError, GazetteerError, OSError, ValueError) as err:
        reason = _reason(err)
        # the readers' messages usually name the file already
        problem = Problem(reason) if location in reason else Problem(location, reason)
        report_problem(problem, input_failed=True)


def _store_outcomes(
    store: EventStore,
    batch: Sequence[Article],
    outcomes: Sequence[ParseOutcome],
    tally: _Tally,
    report_problem: _ReportProblem,
) -> None:
    by_id = {a.article_id: a for a in batch}
    items: list[tuple[Article, Sequence[Event]]] = []
    for outcome in outcomes:
        article = by_id[outcome.article_id]
        if outcome.error:
            report_problem(Problem(_describe(article), outcome.error), input_failed=False)
        else:
            items.append((article, outcome.events))
    try:
        _add_articles(store, items, tally)
    except (ValueError, OverflowError):  # a value SQLite cannot hold: find the article, keep the rest
        for item in items:
            try:
                _add_articles(store, [item], tally)
            except (ValueError, OverflowError) as err:
                report_problem(Problem(_describe(item[0]), f"cannot be stored: {err}"), input_failed=False)


def _add_articles(store: EventStore, items: Sequence[tuple[Article, Sequence[Event]]], tally: _Tally) -> None:
    added = store.add_articles(items)
    tally.new += added.articles
    tally.skipped += len(items) - added.articles  # stored meanwhile by another writer
    tally.events += added.events


def _problem_reporter(tally: _Tally, on_problem: OnProblem | None) -> _ReportProblem:
    def report(problem: Problem, *, input_failed: bool) -> None:
        if input_failed:
            tally.failed_inputs += 1
        else:
            tally.failed_articles += 1
        if on_problem is not None:
            on_problem(problem)

    return report


# -- local worker processes -------------------------------------------------


def _worker_parse(articles: list[Article], overrides: tuple[PlaceOverride, ...]) -> list[ParseOutcome]:
    """In a worker process: parse ``articles`` with the pipeline its setup loaded once."""
    return parse_articles(worker_state(), articles, overrides)


def _parse_in_processes(
    batches: Iterator[list[Article]], options: IngestOptions, overrides: tuple[PlaceOverride, ...]
) -> Iterator[tuple[list[Article], list[ParseOutcome]]]:
    # Batches are handed back in the order they were read, whichever worker ends first: merging
    # is incremental, so the store must meet the articles in one order for every run and every
    # number of workers to make the same events. The other workers go on with the batches in
    # flight while the oldest is awaited.
    # worker_pool: spawned workers that ignore Ctrl-C and end when this process ends.
    pending: deque[tuple[Future, list[Article]]] = deque()
    limit = options.workers * IN_FLIGHT_PER_WORKER
    try:
        with worker_pool(options.workers, options.pipeline_factory, (options.gazetteer,)) as pool:
            for batch in batches:
                pending.append((pool.submit(_worker_parse, batch, overrides), batch))
                if len(pending) >= limit:
                    yield _oldest(pending)
            while pending:
                yield _oldest(pending)
    except WorkerDiedError as err:
        raise ConflictmapError(
            "a parsing worker died (out of memory?); rerun the same command to finish, articles already stored are kept"
        ) from err


def _oldest(pending: deque[tuple[Future, list[Article]]]) -> tuple[list[Article], list[ParseOutcome]]:
    future, batch = pending.popleft()
    return batch, future.result()


# ---------------------------------------------------------------------------
# ingest on a Dask cluster


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """What a Dask worker made of one partition: its GeoParquet file, the articles
    it parsed, and those it could not parse (article_id, reason)."""

    path: str
    article_ids: tuple[str, ...]
    failures: tuple[tuple[str, str], ...]


_PIPELINE_CACHE: dict[tuple[str, str], Any] = {}
_PIPELINE_LOCK = threading.Lock()


def cached_pipeline(factory: PipelineFactory, gazetteer: Path | None) -> Any:
    """One pipeline per worker process, loaded the first time a partition needs it."""
    key = (f"{factory.__module__}:{factory.__qualname__}", str(gazetteer))
    with _PIPELINE_LOCK:
        if key not in _PIPELINE_CACHE:
            _PIPELINE_CACHE[key] = factory(gazetteer)
        return _PIPELINE_CACHE[key]


def parse_partition(
    articles: Iterable[Article],
    factory: PipelineFactory,
    gazetteer: Path | None,
    overrides: tuple[PlaceOverride, ...],
    parquet_dir: str,
) -> list[PartitionResult]:
    """Runs on a Dask worker: parse a partition, write its events as one GeoParquet file."""
    from geo.store.frames import write_events_parquet

    articles = list(articles)
    outcomes = parse_articles(cached_pipeline(factory, gazetteer), articles, overrides)
    parsed = [o for o in outcomes if not o.error]
    ids = tuple(o.article_id for o in parsed)
    # Named after its articles: a rerun that parses the same partition replaces the file.
    path = Path(parquet_dir) / f"part-{stable_id(*ids) if ids else 'empty'}.parquet"
    write_events_parquet([e for o in parsed for e in o.events], path)
    failures = tuple((o.article_id, o.error) for o in outcomes if o.error)
    return [PartitionResult(str(path), ids, failures)]


def ingest_dask(
    inputs: Sequence[str | Path],
    store: EventStore,
    options: IngestOptions,
    *,
    scheduler: str,
    parquet_dir: Path,
    on_problem: OnProblem | None = None,
    on_progress: OnProgress | None = None,
) -> IngestReport:
    """``ingest`` with the parsing done by the workers of the Dask scheduler at ``scheduler``.

    ``parquet_dir`` must be reachable by the workers and by this process under the
    same path (shared storage on a real cluster).
    """
    import dask.bag as dask_bag
    from distributed import as_completed

    tally = _Tally()
    report_problem = _problem_reporter(tally, on_problem)
    overrides = store.overrides()
    parquet_dir = Path(parquet_dir).resolve()
    parquet_dir.mkdir(parents=True, exist_ok=True)
    batches = _new_article_batches(inputs, store, options, tally, report_problem)
    rounds_of = DASK_ROUND // options.batch_size or 1
    with _dask_client(scheduler) as client:
        while batches_now := list(islice(batches, rounds_of)):
            articles = [a for batch in batches_now for a in batch]
            bag = dask_bag.from_sequence(articles, partition_size=options.batch_size)
            parts = bag.map_partitions(
                parse_partition, options.pipeline_factory, options.gazetteer, overrides, str(parquet_dir)
            ).to_delayed()
            by_id = {a.article_id: a for a in articles}
            # Each partition is stored as soon as it is parsed: an interrupted run keeps
            # every finished partition, and progress shows as it happens.
            for future in as_completed(client.compute(parts)):
                for result in future.result():
                    _store_partition(store, result, by_id, tally, report_problem)
                if on_progress is not None:
                    on_progress(tally.report())
    return tally.report()


@contextmanager
def _dask_client(scheduler: str) -> Iterator[Any]:
    from distributed import Client

    try:
        client = Client(scheduler, timeout=DASK_CONNECT_TIMEOUT)
    except (OSError, ValueError) as err:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler!r}: {err}") from err
    with client:
        yield client


def _store_partition(
    store: EventStore,
    result: PartitionResult,
    by_id: dict[str, Article],
    tally: _Tally,
    report_problem: _ReportProblem,
) -> None:
    from geo.store.frames import read_events_parquet

    events_by_article: dict[str, list[Event]] = {article_id: [] for article_id in result.article_ids}
    for event in read_events_parquet(Path(result.path)):
        events_by_article[event.article_id].append(event)
    outcomes = [ParseOutcome(i, tuple(events)) for i, events in events_by_article.items()]
    outcomes += [ParseOutcome(i, error=reason) for i, reason in result.failures]
    batch = [by_id[o.article_id] for o in outcomes]
    _store_outcomes(store, batch, outcomes, tally, report_problem)


# ---------------------------------------------------------------------------


def _article_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in ARTICLE_EXTENSIONS and p.is_file() and not p.name.startswith(".")
    )


def _fetch(url: str, *, published: date | None, allow_private: bool) -> tuple[Article, ...]:
    from geo.read.fetch import fetch_article  # here: only an ingest of URLs needs sockets and TLS

    return fetch_article(url, allow_private=allow_private, published=published)


def _describe(article: Article) -> str:
    label = article.title or article.url or " ".join(article.text[:400].split()[:8])
    return f"article {article.article_id} ({label[:80]})"


def _too_long(article: Article) -> str:
    return (
        f"{len(article.text):,} characters, over the {MAX_ARTICLE_CHARS:,} one article may hold; split it into articles"
    )


def _reason(err: BaseException) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__
