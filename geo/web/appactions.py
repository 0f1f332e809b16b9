"""What the map page does to the event store: fill it with the demo corpus on first
start, add pasted and uploaded articles, import ACLED and GDELT files, and apply a
user's correction (a place: stored, then the article parsed again; an event's type, sub-type
or date, or its deletion: stored and written into the event; a name the parser could not
place: placed, then the article parsed again).

The pipeline is handed in as a factory and built only when an article needs
parsing, so opening the page on a full store never loads the language model.
Progress goes to a callback, for the page to draw; nothing here imports Streamlit.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer.entry import Entry
from geo.errors import ConflictmapError, InputError
from geo.filters import EventFilter
from geo.read.readers import MAX_ARTICLE_CHARS
from geo.records import Article, Event, EventCorrection, PlaceOverride
from geo.safetext import markdown_literal
from geo.web.appstate import override_for

if TYPE_CHECKING:
    from geo.parse.pipeline import Pipeline
    from geo.read.uploads import UploadedFile
    from geo.store.store import AddedCounts, EventStore

#: The demo briefs, shipped inside this package.
DEMO_CORPUS = Path(str(resources.files("geo.web") / "demo" / "briefs.jsonl"))

#: Articles parsed between two store transactions: small, so progress shows and an
#: interrupted first start keeps what it had parsed.
INGEST_BATCH = 8

#: Upload suffixes read as articles; the rest are event tables.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson"})

#: done, total, what is being worked on
Progress = Callable[[int, int, str], None]
PipelineFactory = Callable[[], "Pipeline"]

# Each browser session writes through its own connection; the sessions of one server
# take turns here, so none of them waits out SQLite's busy timeout behind another.
_WRITE_LOCK = threading.Lock()


def counted(count: int, noun: str) -> str:
    """``"1 event"``, ``"1,024 events"``: a count and its noun, plural when it is not one."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one action added to the store, and what it could not read."""

    articles: int = 0
    events: int = 0
    imported: int = 0  # events from ACLED/GDELT files
    already_stored: int = 0  # articles found in the store already
    problems: tuple[str, ...] = field(default=())
    unplaced: tuple[str, ...] = field(default=())  # names a pasted article uses that we could not place
    article_ids: tuple[str, ...] = ()  # the articles added, for the page to show their events

    def __add__(self, other: AddReport) -> AddReport:
        return AddReport(
            self.articles + other.articles,
            self.events + other.events,
            self.imported + other.imported,
            self.already_stored + other.already_stored,
            self.problems + other.problems,
            self.unplaced + other.unplaced,
            self.article_ids + other.article_ids,
        )

    def summary(self) -> str:
        # Reports of events: several articles telling one event make one event on the map.
        parts = [f"{counted(self.articles, 'new article')} with {counted(self.events, 'event report')}"]
        if self.imported:
            parts.append(counted(self.imported, "imported event"))
        if self.already_stored:
            parts.append(f"{counted(self.already_stored, 'article')} already stored")
        if self.problems:
            parts.append(counted(len(self.problems), "problem"))
        if self.unplaced:
            # Names as the article wrote them: shown as text, never as Markdown.
            names = ", ".join(f"\u201c{markdown_literal(n)}\u201d" for n in self.unplaced)
            parts.append(f"names we could not place: {names} (place them under the article)")
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class CorrectionReport:
    """A correction applied: the mention, the place it now means, what was parsed again,
    and the corrected article's events at that mention (to select on the map)."""

    mention: str
    place: str
    articles: int
    events: int
    moved: tuple[Event, ...] = ()


# ---------------------------------------------------------------------------
# articles in


def needs_demo(store: EventStore) -> bool:
    """An empty store: the page loads the demo corpus so the first map is not blank."""
    return store.count() == 0 and store.article_count() == 0


def load_demo(
    store: EventStore, *, pipeline: PipelineFactory, on_progress: Progress | None = None, corpus: Path = DEMO_CORPUS
) -> AddReport:
    from geo.read.readers import read_articles

    return ingest_articles(read_articles(corpus), store=store, pipeline=pipeline, on_progress=on_progress)


def ingest_articles(
    articles: Iterable[Article], *, store: EventStore, pipeline: PipelineFactory, on_progress: Progress | None = None
) -> AddReport:
    """Parse the articles not stored yet and store them with their events, a few per
    transaction; the stored corrections apply."""
    articles = list({a.article_id: a for a in articles}.values())
    known = store.has_articles(a.article_id for a in articles)
    todo = [a for a in articles if a.article_id not in known]
    if not todo:
        return AddReport(already_stored=len(known))
    parser = pipeline()
    overrides = store.overrides()
    added_articles = added_events = 0
    problems: list[str] = []
    batch: list[tuple[Article, tuple[Event, ...]]] = []
    for done, article in enumerate(todo, start=1):
        # One rule with ``conflictmap ingest``: an article too long, or one the pipeline
        # or the store cannot take, is named and skipped; the others are stored.
        if len(article.text) > MAX_ARTICLE_CHARS:
            problems.append(
                f"{_label(article)}: {len(article.text):,} characters, over the "
                f"{MAX_ARTICLE_CHARS:,} one article may hold"
            )
        else:
            try:
                batch.append((article, parser.events(article, overrides=overrides)))
            except Exception as err:  # noqa: BLE001 - one bad article must not stop the upload
                problems.append(f"{_label(article)}: cannot be parsed ({type(err).__name__}: {err})")
        if batch and (len(batch) >= INGEST_BATCH or done == len(todo)):
            for counts in _store_batch(store, batch, problems):
                added_articles += counts.articles
                added_events += counts.events
            batch = []
        if on_progress is not None:
            on_progress(done, len(todo), article.title or article.text[:60])
    stored = store.has_articles(a.article_id for a in todo)
    return AddReport(
        added_articles,
        added_events,
        already_stored=len(known),
        problems=tuple(problems),
        article_ids=tuple(a.article_id for a in todo if a.article_id in stored),
    )


def split_off(store: EventStore, happening_id: str, article_id: str) -> str:
    """The user's "these are two events": the article's reports leave the happening for
    good; returns the happening they now make (or joined)."""
    with _WRITE_LOCK:
        return store.split_article(happening_id, article_id)


def _store_batch(
    store: EventStore, batch: list[tuple[Article, tuple[Event, ...]]], problems: list[str]
) -> Iterator[AddedCounts]:
    """The batch in one transaction; when the store refuses a value in it, one article at a time."""
    with _WRITE_LOCK:
        try:
            yield store.add_articles(batch)
            return
        except (ValueError, OverflowError):
            pass
        for item in batch:
            try:
                yield store.add_articles([item])
            except (ValueError, OverflowError) as err:
                problems.append(f"{_label(item[0])}: cannot be stored ({err})")


def _label(article: Article) -> str:
    return " ".join((article.title or article.url or article.text[:200]).split()[:12])


def add_pasted(
    text: str,
    *,
    title: str = "",
    published: date | None = None,
    source: str = "",
    url: str = "",
    store: EventStore,
    pipeline: PipelineFactory,
) -> AddReport:
    """One article pasted into the page."""
    from geo.read.readers import article_from_text

    article = article_from_text(text, title=title, published=published, source=source, url=url)
    report = ingest_articles([article], store=store, pipeline=pipeline)
    # Said at once, so a pasted report does not drop its villages without a word; a
    # pipeline of another make may not tell them.
    unplaced_of = getattr(pipeline(), "unplaced_names", None) if report.articles else None
    if unplaced_of is None:
        return report
    return replace(report, unplaced=tuple(unplaced_of(article, overrides=store.overrides())))


def add_url(
    url: str,
    *,
    published: date | None = None,
    store: EventStore,
    pipeline: PipelineFactory,
    allow_private: bool = False,
) -> AddReport:
    """An article (or a feed's articles) fetched from an http(s) URL, with the same
    refusals as ``conflictmap ingest URL``: other schemes, internal addresses, oversize
    bodies and unexpected content types raise ``FetchError``."""
    from geo.read.fetch import fetch_article

    articles = fetch_article(url.strip(), allow_private=allow_private, published=published)
    return ingest_articles(list(articles), store=store, pipeline=pipeline)


def upload_kind(uploaded: UploadedFile) -> str:
    """``articles``, ``acled`` or ``gdelt``: GDELT's event files are tab-separated
    whatever their suffix, ACLED's exports are comma-separated with a header."""
    if uploaded.suffix in ARTICLE_SUFFIXES:
        return "articles"
    first_line = uploaded.data[:4096].split(b"\n", 1)[0]
    return "gdelt" if uploaded.suffix == ".tsv" or b"\t" in first_line else "acled"


def add_uploads(
    uploads: Sequence[tuple[str, bytes]],
    *,
    published: date | None = None,
    store: EventStore,
    pipeline: PipelineFactory,
    on_progress: Progress | None = None,
) -> AddReport:
    """Uploaded files (archives opened): articles parsed and stored, ACLED and GDELT
    tables imported. A file that cannot be read is reported and the rest go on.

    Raises ``UploadError`` when the upload as a whole is refused (type, size, archive).
    """
    from geo.read.readers import articles_from_bytes
    from geo.read.uploads import materialize, unpack_uploads

    files = unpack_uploads(uploads)
    report = AddReport()
    articles: list[Article] = []
    with tempfile.TemporaryDirectory(prefix="conflictmap-upload-") as folder:
        for uploaded in files:
            try:
                kind = upload_kind(uploaded)
                if kind == "articles":
                    articles.extend(articles_from_bytes(uploaded.data, name=uploaded.display_name, published=published))
                else:
                    path = materialize(uploaded, folder)
                    report += _import_events(path, kind, uploaded.display_name, store)
            except (ConflictmapError, OSError, UnicodeDecodeError) as err:
                report += AddReport(problems=(f"{uploaded.display_name}: {err}",))
    return report + ingest_articles(articles, store=store, pipeline=pipeline, on_progress=on_progress)


def _import_events(path: Path, kind: str, shown: str, store: EventStore) -> AddReport:
    from geo.formats.imports import MAX_REPORTED_ROWS, READERS, BadRowTally, store_events

    bad = BadRowTally()
    # Events are read and written as a stream (a table may be large); bad rows are
    # counted and the first few named, as by ``conflictmap import``.
    events = READERS[kind](path, on_error=bad.add)
    with _WRITE_LOCK:
        _, added = store_events(store, events, on_error=bad.add, path=path)
    # Row numbers refer to the upload as the user named it, not the temporary copy.
    problems = [f"{shown} line {row.line}: {row.reason}" for row in bad.first]
    if bad.count > MAX_REPORTED_ROWS:
        problems.append(f"{shown}: ... and {bad.count - MAX_REPORTED_ROWS} more rows skipped")
    return AddReport(imported=added, problems=tuple(problems))


# ---------------------------------------------------------------------------
# corrections


def place_candidates(gazetteer: object, name: str) -> tuple[Entry, ...]:
    """The gazetteer's candidates for ``name``, best first; none for a blank name."""
    if not name.strip():
        return ()
    return tuple(gazetteer.lookup(name.strip()))  # type: ignore[attr-defined]


def correct_place(
    event: Event, entry: Entry, *, everywhere: bool, store: EventStore, pipeline: PipelineFactory
) -> CorrectionReport:
    """Store "``event.mention`` is ``entry``" and parse again the articles it changes:
    this event's article, or with ``everywhere`` every stored article with that mention.
    Articles parsed later apply the correction too, since it stays in the store."""
    from geo.store.store import override_key

    override = override_for(event, entry, everywhere=everywhere)
    with _WRITE_LOCK:
        store.add_override(override)
    overrides = store.overrides()
    article_ids = [event.article_id]
    if everywhere:
        key = override_key(event.mention)
        mentioned = store.query(EventFilter(text=event.mention, origins=frozenset({event.origin})))
        article_ids += [e.article_id for e in mentioned if override_key(e.mention) == key]
    parser = pipeline()
    articles = events = 0
    moved: tuple[Event, ...] = ()
    for article_id in dict.fromkeys(a for a in article_ids if a):
        article = store.article(article_id)
        if article is None:
            continue
        new_events = parser.events(article, overrides=overrides)
        with _WRITE_LOCK:
            store.replace_events(article_id, new_events)
        articles += 1
        events += len(new_events)
        if article_id == event.article_id:
            key = override_key(event.mention)
            moved = tuple(e for e in new_events if override_key(e.mention) == key)
    return CorrectionReport(event.mention, entry.name, articles, events, moved)


def correct_event(
    event: Event,
    *,
    store: EventStore,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    event_date: date | None = None,
) -> Event | None:
    """Store the event's type, sub-type or date as the user gives them (None: as it is);
    they hold when the article is parsed again. Returns the corrected event."""
    correction = EventCorrection.of(event, event_type=event_type, sub_event_type=sub_event_type, event_date=event_date)
    with _WRITE_LOCK:
        return store.correct_event(correction)


def delete_event(event: Event, *, store: EventStore) -> None:
    """Remove the event from the map, the table and the exports; parsing its article
    again does not bring it back (``undo_correction`` does)."""
    with _WRITE_LOCK:
        store.correct_event(EventCorrection.of(event, deleted=True))


def undo_correction(event_id: str, *, store: EventStore) -> Event | None:
    """The event back as parsed (or imported), its corrections dropped; None when it had none."""
    with _WRITE_LOCK:
        return store.undo_correction(event_id)


def unplaced_names(article: Article, *, store: EventStore, pipeline: PipelineFactory) -> tuple[str, ...]:
    """The names the article uses for places the parser could not place (the stored
    place corrections applied), each once, in text order."""
    return pipeline().unplaced_names(article, overrides=store.overrides())


def place_name(
    article_id: str, mention: str, entry: Entry, *, store: EventStore, pipeline: PipelineFactory
) -> CorrectionReport:
    """Store "``mention`` in this article is ``entry``" and parse the article again, so the
    sentences naming it make their events as any placed name does."""
    from geo.store.store import override_key

    article = store.article(article_id)
    if article is None:
        raise InputError(f"no article {article_id!r} in the store to place {mention!r} in")
    override = PlaceOverride.to_entry(mention, entry, article_id=article_id)
    with _WRITE_LOCK:
        store.add_override(override)
    new_events = pipeline().events(article, overrides=store.overrides())
    with _WRITE_LOCK:
        store.replace_events(article_id, new_events)
    key = override_key(mention)
    stored = store.query(EventFilter(text=mention))  # as stored: the event corrections applied
    placed = tuple(e for e in stored if e.article_id == article_id and override_key(e.mention) == key)
    return CorrectionReport(mention, entry.name, 1, len(new_events), placed)


# ---------------------------------------------------------------------------
# downloads


@dataclass(frozen=True, slots=True)
class Download:
    file_name: str
    mime: str
    writer_module: str
    writer: str


#: What the page offers for download: the file, and the writer that makes it.
DOWNLOADS: dict[str, Download] = {
    "geojson": Download("conflictmap-events.geojson", "application/geo+json", "geo.formats.exports", "write_geojson"),
    "csv": Download("conflictmap-events.csv", "text/csv", "geo.formats.exports", "write_csv"),
    "html": Download("conflictmap-map.html", "text/html", "geo.map.briefing", "export_html"),
    "png": Download("conflictmap-map.png", "image/png", "geo.map.briefing", "export_png"),
}


def download_available(fmt: str) -> bool:
    """Whether the page offers ``fmt`` (every writer ships with conflictmap)."""
    return fmt in DOWNLOADS


def export_bytes(events: Sequence[Event], fmt: str, *, title: str = "") -> bytes:
    """The file ``fmt`` of ``events``, written by the same writer as ``conflictmap export``."""
    # Imported here: the map page and picture writers load folium (over a second).
    from geo.formats.exports import write_csv, write_geojson
    from geo.map.briefing import export_html, export_png

    if fmt not in DOWNLOADS:
        raise ValueError(f"download format must be one of {sorted(DOWNLOADS)}, got {fmt!r}")
    spec = DOWNLOADS[fmt]
    writers: dict[str, Callable[..., object]] = {
        "geojson": write_geojson,
        "csv": write_csv,
        "html": export_html,
        "png": export_png,
    }
    writer = writers[fmt]
    with tempfile.TemporaryDirectory(prefix="conflictmap-download-") as folder:
        path = Path(folder) / spec.file_name
        if spec.writer_module == "geo.map.briefing":
            writer(list(events), path, title=title)
        else:
            writer(events, path)
        return path.read_bytes()
