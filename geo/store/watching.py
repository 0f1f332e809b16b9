"""Watching sources: poll feeds and pages every so often, ingest what is new, remember what was seen.

A watch polls each source (a feed, a list of links or a page) through the SSRF-safe
fetcher. A feed's items are looked up in the seen-set, by link first (no fetch at all)
and then by the digest of their text (the same story under another link); only new
articles are parsed and stored, each in its own transaction through the normal ingest
path. The seen-set is a table in the store's own file (``watch_seen``), written after each
article is stored, so a watch stopped at any point and started again resumes where it
left off: an article stored but not yet marked is found in the store and skipped.

A source that cannot be fetched is tried again later, each failure doubling the wait
(``backoff_delay``, capped); the others keep their rhythm. Ctrl-C ends the watch between
two writes (a write under way rolls back), with a summary of what it did.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import ConflictmapError, FetchError, InputError, StoreError
from geo.read.feeds import FeedItem, feed_items, item_key
from geo.read.fetch import DEFAULT_ALLOWED_TYPES, FetchedPage, FetchPolicy, articles_from_page, fetch_url
from geo.read.readers import article_from_text
from geo.records import Article, stable_id
from geo.store.ingest import PipelineFactory, Problem, ingest_articles

if TYPE_CHECKING:
    from geo.store.store import EventStore

#: A feed entry with at least this much text of its own is the article; a shorter one
#: (a teaser, a title) is read from its link.
FULL_TEXT_CHARS = 600
#: The longest wait between two tries of a failing source, unless the interval is longer.
MAX_BACKOFF_S = 3600.0
#: Polls in a row a feed item's link may fail before the entry's own text is stored instead
#: (or, with no text, the item is given up): a dead link must not fail every poll forever.
MAX_LINK_TRIES = 3
#: Sources due within this share of the interval of each other are polled together.
DUE_TOGETHER = 0.1
#: Feeds are also served as JSON Feed.
WATCH_TYPES = DEFAULT_ALLOWED_TYPES | {"application/feed+json"}

DURATION_UNITS = {"s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd])")

_SEEN_TABLE_SQL = """CREATE TABLE IF NOT EXISTS watch_seen (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL DEFAULT '',
    seen_at TEXT NOT NULL
)"""

Fetch = Callable[[str, FetchPolicy], FetchedPage]


# ---------------------------------------------------------------------------
# records


@dataclass(frozen=True, slots=True)
class WatchOptions:
    pipeline_factory: PipelineFactory
    every_s: float = 900.0
    max_backoff_s: float = MAX_BACKOFF_S
    gazetteer: Path | None = None
    published: date | None = None  # for articles that carry no date
    allow_private: bool = False  # let sources reach loopback/private addresses (a local feed)
    timeout_s: float = 20.0
    full_text_chars: int = FULL_TEXT_CHARS

    def __post_init__(self) -> None:
        if not self.every_s > 0:
            raise InputError(f"the interval between polls must be positive, got {self.every_s!r} s")
        if not self.max_backoff_s > 0:
            raise InputError(f"the longest backoff must be positive, got {self.max_backoff_s!r} s")

    def policy(self) -> FetchPolicy:
        return FetchPolicy(allow_private=self.allow_private, timeout_s=self.timeout_s, allowed_types=WATCH_TYPES)


@dataclass(frozen=True, slots=True)
class PollReport:
    """What one poll did: articles newly stored, items already seen, fetches and articles that failed."""

    number: int
    at: datetime
    sources: int = 0
    new: int = 0
    seen: int = 0
    failed: int = 0
    events: int = 0
    next_in_s: float | None = None

    def line(self) -> str:
        stamp = self.at.strftime("%Y-%m-%d %H:%M:%SZ")
        sources = f"{self.sources} source{'s' if self.sources != 1 else ''}"
        head = f"{stamp} poll {self.number} ({sources}): {self.new} new ({self.events} events), "
        tail = "" if self.next_in_s is None else f"; next poll in {format_duration(self.next_in_s)}"
        return f"{head}{self.seen} seen, {self.failed} failed{tail}"


@dataclass(frozen=True, slots=True)
class WatchSummary:
    polls: int = 0
    new: int = 0
    seen: int = 0
    failed: int = 0
    events: int = 0
    interrupted: bool = False

    def summary(self) -> str:
        how = "stopped" if self.interrupted else "done"
        return (
            f"watch {how} after {self.polls} poll{'s' if self.polls != 1 else ''}: {self.new} new articles "
            f"({self.events} events), {self.seen} seen, {self.failed} failed"
        )

    def add(self, poll: PollReport) -> WatchSummary:
        return replace(
            self,
            polls=self.polls + 1,
            new=self.new + poll.new,
            seen=self.seen + poll.seen,
            failed=self.failed + poll.failed,
            events=self.events + poll.events,
        )


@dataclass(slots=True)
class _SourceState:
    due: float = 0.0  # clock time of the next try
    failures: int = 0  # consecutive failed fetches
    link_failures: dict[str, int] = field(default_factory=dict)  # failed reads of its items' links


@dataclass(slots=True)
class _PollTally:
    new: int = 0
    seen: int = 0
    failed: int = 0
    events: int = 0
    sources: int = 0


@dataclass(slots=True)
class _Pipeline:
    """The parsing pipeline, loaded when the first new article needs it (a quiet feed never pays)."""

    factory: PipelineFactory
    gazetteer: Path | None
    loaded: Any = field(default=None)

    def get(self) -> Any:
        if self.loaded is None:
            self.loaded = self.factory(self.gazetteer)
        return self.loaded


# ---------------------------------------------------------------------------
# durations and backoff (pure)


def parse_duration(text: str) -> float:
    """Seconds in ``"15m"``, ``"30s"``, ``"1h"``, ``"1h30m"``, ``"2d"`` (a bare number is seconds)."""
    value = text.strip().lower()
    try:
        seconds = float(value)
    except ValueError:
        parts = _DURATION.findall(value)
        if not parts or "".join(n + u for n, u in parts) != value.replace(" ", ""):
            raise InputError(f"expected a duration such as 30s, 15m, 1h or 1h30m, got {text!r}") from None
        seconds = sum(float(number) * DURATION_UNITS[unit] for number, unit in parts)
    if not seconds > 0 or seconds == float("inf"):
        raise InputError(f"expected a positive duration, got {text!r}")
    return seconds


def format_duration(seconds: float) -> str:
    """``900`` -> ``"15m"``, ``5400`` -> ``"1h30m"``, ``0.5`` -> ``"0.5s"``."""
    if seconds < 60:
        return f"{seconds:.3g}s"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return "".join(f"{n}{u}" for n, u in ((hours, "h"), (minutes, "m"), (secs, "s")) if n) or "0s"


def backoff_delay(every_s: float, failures: int, max_backoff_s: float = MAX_BACKOFF_S) -> float:
    """The wait before a source's next try: the interval while it answers, then twice the
    interval after each failure in a row, never more than ``max_backoff_s`` (or the interval,
    when that is longer)."""
    if failures <= 0:
        return every_s
    return min(every_s * 2.0 ** min(failures, 32), max(max_backoff_s, every_s))


def content_key(text: str) -> str:
    """The seen-set's key for an article's text: the same words, however spaced, give the same key."""
    return "text:" + stable_id(" ".join(text.split()), length=32)


def url_key(url: str) -> str:
    return "url:" + item_key(url)


# ---------------------------------------------------------------------------
# the seen-set


class SeenSet:
    """Links and texts already ingested by a watch, in the ``watch_seen`` table of the store's file.

    Its own connection, so marking an item never waits on (or rolls back with) the store's writes.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._conn = connection
        self.path = path

    @classmethod
    @contextmanager
    def open(cls, path: Path) -> Iterator[SeenSet]:
        try:
            conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the watch's seen-set in {str(path)!r}: {err}") from err
        with closing(conn):
            try:
                conn.execute(_SEEN_TABLE_SQL)
            except sqlite3.Error as err:
                raise StoreError(f"cannot open the watch's seen-set in {str(path)!r}: {err}") from err
            yield cls(conn, path)

    def has(self, key: str) -> bool:
        return self._conn.execute("SELECT 1 FROM watch_seen WHERE key = ?", (key,)).fetchone() is not None

    def add(self, keys: Sequence[str], *, source: str = "") -> None:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            with self._conn:  # one transaction for the item's keys
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany(
                    "INSERT INTO watch_seen VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
                    [(key, source, now) for key in keys if key],
                )
        except sqlite3.Error as err:
            raise StoreError(f"cannot write the watch's seen-set in {str(self.path)!r}: {err}") from err

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM watch_seen").fetchone()[0])


# ---------------------------------------------------------------------------
# the watch


def watch(
    sources: Sequence[str],
    store: EventStore,
    options: WatchOptions,
    *,
    polls: int | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    stop: threading.Event | None = None,
    fetch: Fetch | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> WatchSummary:
    """Poll ``sources`` until ``polls`` polls are done (``None``: until stopped), ingesting
    what is new into ``store``. Ctrl-C (or ``stop``) ends it between two writes; the summary
    says what it did, ``interrupted`` when it was stopped."""
    if not sources:
        raise InputError("a watch needs at least one source (a feed, a list of links or a page URL)")
    stop = stop or threading.Event()
    fetch = fetch or _fetch
    states = {source: _SourceState() for source in dict.fromkeys(sources)}
    pipeline = _Pipeline(options.pipeline_factory, options.gazetteer)
    summary = WatchSummary()
    with SeenSet.open(store.path) as seen:
        tally = _PollTally()
        try:
            while not stop.is_set():
                tally = _PollTally()
                # sources due within a tenth of the interval go together: one poll, one line
                started = clock()
                due = [s for s, state in states.items() if state.due <= started + options.every_s * DUE_TOGETHER]
                done = polls is not None and summary.polls + 1 >= polls
                _poll(due, states, started, store, seen, pipeline, options, tally, fetch, on_problem, last=done)
                wait = None if done else max(0.0, min(s.due for s in states.values()) - clock())
                report = _report(summary.polls + 1, tally, wait)
                summary = summary.add(report)
                tally = _PollTally()  # counted: an interrupt from here on belongs to no poll
                if on_poll is not None:
                    on_poll(report)
                if done or wait is None or stop.wait(wait):
                    break
        except KeyboardInterrupt:
            # the poll under way: what it stored is kept (each article commits alone)
            if tally.sources:
                summary = summary.add(_report(summary.polls + 1, tally, None))
            return replace(summary, interrupted=True)
    return replace(summary, interrupted=stop.is_set())


def _report(number: int, tally: _PollTally, next_in_s: float | None) -> PollReport:
    return PollReport(
        number=number,
        at=datetime.now(UTC),
        sources=tally.sources,
        new=tally.new,
        seen=tally.seen,
        failed=tally.failed,
        events=tally.events,
        next_in_s=next_in_s,
    )


def _poll(
    due: Sequence[str],
    states: dict[str, _SourceState],
    started: float,
    store: EventStore,
    seen: SeenSet,
    pipeline: _Pipeline,
    options: WatchOptions,
    tally: _PollTally,
    fetch: Fetch,
    on_problem: Callable[[Problem], None] | None,
    *,
    last: bool = False,
) -> None:
    def problem(where: str, reason: str) -> None:
        tally.failed += 1
        if on_problem is not None:
            on_problem(Problem(where, reason))

    policy = options.policy()
    for source in due:
        tally.sources += 1
        state = states[source]
        try:
            page = fetch(source, policy)
        except FetchError as err:
            state.failures += 1
            delay = backoff_delay(options.every_s, state.failures, options.max_backoff_s)
            state.due = started + delay  # counted from the poll's start: polls keep their rhythm
            problem(source, str(err) if last else f"{err}; next try in {format_duration(delay)}")
            continue
        state.failures = 0
        state.due = started + options.every_s
        for keys, article in _new_articles(source, page, state, seen, options, fetch, tally, problem):
            _ingest_one(source, article, keys, store, seen, pipeline, tally, problem)


def _new_articles(
    source: str,
    page: FetchedPage,
    state: _SourceState,
    seen: SeenSet,
    options: WatchOptions,
    fetch: Fetch,
    tally: _PollTally,
    problem: Callable[[str, str], None],
) -> Iterator[tuple[tuple[str, ...], Article]]:
    """The source's articles not seen before, each with the seen-set keys to mark once stored."""
    items = feed_items(page.body, content_type=page.content_type, base_url=page.final_url)
    if items is None:  # a page: the article itself, new when its text is
        try:
            articles = articles_from_page(page, published=options.published)
        except (ConflictmapError, ValueError) as err:
            problem(source, str(err))
            return
        for article in articles:
            yield (content_key(article.text),), article
        return
    links = {url_key(item.url) for item in items if item.url}
    state.link_failures = {link: n for link, n in state.link_failures.items() if link in links}
    for item in items:
        link = url_key(item.url) if item.url else ""
        if link and seen.has(link):
            tally.seen += 1
            continue
        try:
            article = _item_article(item, options, fetch)
        except (ConflictmapError, ValueError) as err:
            tries = state.link_failures.get(link, 0) + 1
            if tries < MAX_LINK_TRIES:
                state.link_failures[link] = tries
                problem(item.url, f"{err} (try {tries} of {MAX_LINK_TRIES})")  # not marked: tried again
                continue
            state.link_failures.pop(link, None)
            if not (item.text or item.title):
                seen.add((link,), source=source)
                problem(item.url, f"{err}; given up after {tries} tries")
                continue
            problem(item.url, f"{err}; the feed's own text is stored instead after {tries} tries")
            article = _entry_article(item, item.published or options.published)
        else:
            state.link_failures.pop(link, None)
        yield (*((link,) if link else ()), content_key(article.text)), article


def _item_article(item: FeedItem, options: WatchOptions, fetch: Fetch) -> Article:
    """The entry's own text when it is long enough (or has no link), else the linked page's article."""
    published = item.published or options.published
    if not item.url or len(item.text) >= options.full_text_chars:
        return _entry_article(item, published)
    articles = articles_from_page(fetch(item.url, options.policy()), published=published)
    article = articles[0]
    return replace(
        article,
        title=article.title or item.title,
        source=article.source or item.source,
        url=item.url,
        published=article.published or published,
    )


def _entry_article(item: FeedItem, published: date | None) -> Article:
    return article_from_text(
        item.text or item.title, title=item.title, published=published, source=item.source, url=item.url
    )


def _ingest_one(
    source: str,
    article: Article,
    keys: tuple[str, ...],
    store: EventStore,
    seen: SeenSet,
    pipeline: _Pipeline,
    tally: _PollTally,
    problem: Callable[[str, str], None],
) -> None:
    text_key = keys[-1]
    if seen.has(text_key) or store.has_articles([article.article_id]):
        seen.add(keys, source=source)  # the same story under another link, or stored before a restart
        tally.seen += 1
        return
    failures: list[Problem] = []
    report = ingest_articles([article], store, pipeline.get(), on_problem=failures.append)
    for failure in failures:
        problem(str(failure), "")
    # A failed parse is marked too: the same text would fail the same way at every poll.
    seen.add(keys, source=source)
    tally.new += report.new
    tally.seen += report.skipped
    tally.events += report.events


def _fetch(url: str, policy: FetchPolicy) -> FetchedPage:
    return fetch_url(url, policy=policy)
