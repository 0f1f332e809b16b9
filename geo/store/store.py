"""The event store: one embedded SQLite file holding articles, events and corrections.

The file lives at ``--db PATH``, else ``$CONFLICTMAP_DB``, else the user data directory.
It is opened in WAL mode, so the map can read while an ingest writes; every batch
of articles is one transaction, so an interrupted ingest leaves whole articles or
nothing, and a rerun picks up where it stopped. An article's id derives from its
text, so adding the same article again adds nothing and changes no event id.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import InputError, StoreError
from geo.filters import EventFilter
from geo.records import EVENT_PROPERTIES, EVENT_TYPES, REPORT_FIELDS, Article, Event, EventCorrection, PlaceOverride
from geo.safetext import encodable_text
from geo.store import corrections as fixes
from geo.store import happenings

if TYPE_CHECKING:
    import pandas

log = logging.getLogger(__name__)

DB_ENV = "CONFLICTMAP_DB"
DB_FILENAME = "events.sqlite"
BUSY_TIMEOUT_MS = 30_000
WRITER_CACHE_KIB = 64 * 1024

#: Event fields in the dataclass's order: the events table's columns, and the order
#: a row is handed back to ``Event``.
EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Event))

#: Columns a filter widget may list the values of.
DISTINCT_COLUMNS = frozenset({"country_code", "source", "origin", "event_type", "sub_event_type"})

#: The store's version lives in SQLite's header field ``user_version``, a signed
#: 32-bit number: it wraps round before it overflows.
_VERSION_MODULUS = 2**31

#: SQLite's limit on bound parameters is 32766 in recent versions but 999 in old ones.
_IN_CHUNK = 500

_EVENT_COLUMN_SQL = """
    id INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL DEFAULT '',
    event_date TEXT,
    date_precision INTEGER NOT NULL DEFAULT 1,
    place TEXT NOT NULL DEFAULT '',
    mention TEXT NOT NULL DEFAULT '',
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    geonameid INTEGER,
    country_code TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    feature_code TEXT NOT NULL DEFAULT '',
    geo_precision INTEGER NOT NULL DEFAULT 1,
    quote TEXT NOT NULL DEFAULT '',
    article_id TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    source TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL,
    origin TEXT NOT NULL DEFAULT 'conflictmap',
    extra TEXT
"""

#: Schema migrations, applied in order, each inside one transaction; the store's
#: version is the number of steps applied. Append new steps; never edit old ones.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE articles (
            article_id TEXT PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            published TEXT,
            source TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        )""",
        f"CREATE TABLE events ({_EVENT_COLUMN_SQL})",
        "CREATE INDEX events_date ON events (event_date)",
        "CREATE INDEX events_type_date ON events (event_type, event_date)",
        "CREATE INDEX events_country ON events (country_code)",
        "CREATE INDEX events_origin ON events (origin)",
        "CREATE INDEX events_source ON events (source)",
        "CREATE INDEX events_article ON events (article_id)",
        "CREATE VIRTUAL TABLE events_bbox USING rtree(id, min_lon, max_lon, min_lat, max_lat)",
        """CREATE TRIGGER events_bbox_insert AFTER INSERT ON events BEGIN
            INSERT INTO events_bbox VALUES (new.id, new.lon, new.lon, new.lat, new.lat);
        END""",
        """CREATE TRIGGER events_bbox_delete AFTER DELETE ON events BEGIN
            DELETE FROM events_bbox WHERE id = old.id;
        END""",
        """CREATE TABLE overrides (
            mention_key TEXT NOT NULL,
            article_id TEXT NOT NULL DEFAULT '',
            mention TEXT NOT NULL,
            geonameid INTEGER NOT NULL,
            name TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            country_code TEXT NOT NULL DEFAULT '',
            admin1 TEXT NOT NULL DEFAULT '',
            feature_code TEXT NOT NULL DEFAULT '',
            added_at TEXT NOT NULL,
            PRIMARY KEY (mention_key, article_id)
        )""",
    ),
    (
        # The R*Tree made inserts of clustered points (many events at one town) ten
        # times slower; a plain index on the coordinates answers map boxes well enough
        # and the date and type indexes narrow most queries first.
        "DROP TRIGGER events_bbox_insert",
        "DROP TRIGGER events_bbox_delete",
        "DROP TABLE events_bbox",
        "CREATE INDEX events_lat_lon ON events (lat, lon)",
    ),
    # Corrections of an event's type, sub-type and date, and deletions (geo.store.corrections).
    (fixes.CREATE_TABLE_SQL, fixes.CREATE_INDEX_SQL),
    # The coded fields (actors, deaths, sources, reports) and every report filed under a
    # happening; rows stored before are filed when the next step is applied.
    happenings.MIGRATION_STEPS,
    # Where each happening's place lies (its country, region, precision); unfiled rows are filed.
    happenings.PLACE_STEPS,
)
SCHEMA_VERSION = len(MIGRATIONS)
#: Tables every store of the current schema holds.
STORE_TABLES = frozenset({"schema_version", "articles", "events", "overrides", "event_corrections", *happenings.TABLES})

# ON CONFLICT (not OR IGNORE): only a known event_id is skipped; a broken row still fails.
_INSERT_EVENT_SQL = (
    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in EVENT_COLUMNS)}) ON CONFLICT (event_id) DO NOTHING"
)
_SELECT_EVENTS_SQL = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
_FRAME_COLUMNS: tuple[str, ...] = (*EVENT_PROPERTIES, "lat", "lon")

# A GeoJSON Feature per row, built by SQLite's JSON functions: exporting skips making
# Event records and dicts, which costs several times more than reading the rows.
# The properties follow EVENT_PROPERTIES, as Event.__geo_interface__ writes them;
# GeoJSON orders coordinates [lon, lat].
#: A row whose values read back: its dates real days (SQLite's date(d, '+0 days') moves
#: 2016-02-30 to 2016-03-01, so a date that does not come back unchanged is impossible) and its extra
#: valid JSON. A row that fails is skipped with a warning naming its event.
_READABLE_SQL = (
    "(event_date IS NULL OR date(event_date, '+0 days') IS event_date) "
    "AND (published IS NULL OR date(published, '+0 days') IS published) "
    "AND (extra IS NULL OR json_valid(extra))"
)
#: The exported coded fields (Event.coded_properties) from the stored columns: an event
#: with no reports listed is its own one report.
_CODED_JSON_SQL = (
    "'sources', sources, 'reports', CASE WHEN reports IS NULL OR NOT json_valid(reports) THEN json_array(json_object("
    + ", ".join(f"'{name}', {name}" for name in REPORT_FIELDS)
    + ")) ELSE json(reports) END, 'actor1', actor1, 'actor2', actor2, 'fatalities', fatalities"
)
_FEATURE_JSON_SQL = (
    f"SELECT event_id, {_READABLE_SQL}, CASE WHEN {_READABLE_SQL} THEN "
    "json_object('type', 'Feature', 'id', event_id, "
    "'geometry', json_object('type', 'Point', 'coordinates', json_array(lon, lat)), "
    "'properties', json_object("
    + ", ".join(
        f"'{name}', json(coalesce(extra, '{{}}'))" if name == "extra" else f"'{name}', {name}"
        for name in EVENT_PROPERTIES
    )
    + f", {_CODED_JSON_SQL}"
    + ")) END FROM events"
)


@dataclass(frozen=True, slots=True)
class AddedCounts:
    """What one write added: articles newly stored and events newly stored."""

    articles: int
    events: int


def default_db_path() -> Path:
    """``$CONFLICTMAP_DB``, else ``events.sqlite`` in the user data directory."""
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("conflictmap")) / DB_FILENAME


class EventStore:
    """Articles, their events, imported events and place corrections in one SQLite file.

    Open with ``EventStore.open(path)`` and use as a context manager. Several
    threads may share one store if their writes take turns (hold a lock around
    them); other processes open their own, and SQLite makes their writes wait.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        self._conn = connection
        self.path = path
        self.readonly = readonly

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: Path | None = None, *, readonly: bool = False) -> EventStore:
        db_path = Path(path) if path is not None else default_db_path()
        if db_path.is_dir():
            raise StoreError(f"the event store must be a file, got the folder {str(db_path)!r}")
        if readonly and not db_path.exists():
            raise StoreError(f"no event store at {str(db_path)!r}; ingest or import articles first")
        try:
            conn = _connect(db_path, readonly=readonly)
        except sqlite3.Error as err:
            raise StoreError(f"cannot open the event store {str(db_path)!r}: {err}") from err
        store = cls(conn, db_path, readonly=readonly)
        try:
            store._refuse_foreign()  # before anything is written, even the switch to WAL
            if not readonly:
                _tune_writer(conn)
            store._prepare()
        except sqlite3.Error as err:
            conn.close()
            raise StoreError(f"cannot open the event store {str(db_path)!r}: {err}") from err
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        if not self.readonly:
            try:
                # Refreshes the planner's statistics where they went stale (cheap when they did not).
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # statistics are an optimisation; closing must not fail for them
        self._conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _refuse_foreign(self) -> None:
        tables = self._tables()
        if tables and "schema_version" not in tables:
            # Someone else's database: adding our tables to it would be a quiet surprise.
            shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(
                f"{str(self.path)!r} is an SQLite database but not a conflictmap event store "
                f"(it holds the tables {shown}); name a new file or an existing store with --db"
            )
        if self.readonly and not tables:
            raise StoreError(
                f"{str(self.path)!r} is an empty file, not an event store yet; ingest or import articles first"
            )

    def _prepare(self) -> None:
        version = self._schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the event store {str(self.path)!r} has schema version {version}, newer than "
                f"this conflictmap understands ({SCHEMA_VERSION}); upgrade conflictmap"
            )
        if version == SCHEMA_VERSION:
            self._check_tables()
            return
        if self.readonly:
            raise StoreError(
                f"the event store {str(self.path)!r} needs upgrading (schema {version} -> "
                f"{SCHEMA_VERSION}); open it once for writing, e.g. with 'conflictmap ingest'"
            )
        self._migrate(version)
        self._check_tables()

    def _tables(self) -> set[str]:
        rows = self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows if not name.startswith("sqlite_")}

    def _check_tables(self) -> None:
        missing = sorted(STORE_TABLES - self._tables())
        if missing:
            raise StoreError(
                f"the event store {str(self.path)!r} is damaged: its {', '.join(missing)} "
                f"table{'s are' if len(missing) > 1 else ' is'} missing; 'conflictmap store salvage' "
                "copies what is readable into a new store"
            )

    def _schema_version(self) -> int:
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if not exists:
            return 0
        versions = [value for (value,) in self._conn.execute("SELECT version FROM schema_version")]
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in versions):
            bad = next(v for v in versions if not isinstance(v, int) or v < 0)
            raise StoreError(
                f"the event store {str(self.path)!r} is damaged: its schema version {bad!r} is not a "
                "number; 'conflictmap store salvage' copies what is readable into a new store"
            )
        return max(versions, default=0)

    def _migrate(self, current: int) -> None:
        with self._transaction():
            self._conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        for number, steps in enumerate(MIGRATIONS[current:], start=current + 1):
            with self._transaction():
                # Another process opening the same new store may have applied this step
                # since the version was read; the write lock makes this check final.
                if self._schema_version() >= number:
                    continue
                for statement in steps:
                    self._conn.execute(statement)
                self._conn.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
                if steps is happenings.PLACE_STEPS:
                    filed = happenings.file_pending(self._conn)
                    log.info("filed %d stored events under the happenings they tell", filed)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.readonly:
            raise StoreError(f"the event store {str(self.path)!r} was opened read-only")
        # BEGIN IMMEDIATE takes the write lock up front, so two writers wait for
        # each other (busy_timeout) instead of failing halfway through a batch.
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write to the event store {str(self.path)!r}: {err}") from err
        try:
            yield
            self._bump_version()
        except sqlite3.Error as err:
            self._conn.execute("ROLLBACK")
            raise StoreError(f"cannot write to the event store {str(self.path)!r}: {err}") from err
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        try:
            self._conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write to the event store {str(self.path)!r}: {err}") from err

    def _bump_version(self) -> None:
        # Inside the write transaction, so the number and the change commit together.
        (current,) = self._conn.execute("PRAGMA user_version").fetchone()
        self._conn.execute(f"PRAGMA user_version = {(int(current) + 1) % _VERSION_MODULUS}")

    # -- writing -------------------------------------------------------------

    def add_batch(self, items: Sequence[tuple[Article, Sequence[Event]]]) -> int:
        """Store articles with their events in one transaction; returns how many were new.

        An article already stored is left as it is, events and all.
        """
        return self.add_articles(items).articles

    def add_articles(self, items: Sequence[tuple[Article, Sequence[Event]]]) -> AddedCounts:
        """``add_batch``, telling also how many events were newly stored."""
        for article, events in items:
            _check_events_belong(article.article_id, events)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        articles_added = events_added = 0
        with self._transaction():
            for article, events in items:
                cursor = self._conn.execute(
                    "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING",
                    _encodable_row(
                        (
                            article.article_id,
                            article.title,
                            _iso(article.published),
                            article.source,
                            article.url,
                            article.text,
                            now,
                        )
                    ),
                )
                if cursor.rowcount == 1:
                    articles_added += 1
                    events_added += self._insert_events(events)
        return AddedCounts(articles_added, events_added)

    def add_events(self, events: Sequence[Event]) -> int:
        """Store imported events (no article text); an event_id already stored is skipped."""
        with self._transaction():
            return self._insert_events(events)

    def replace_events(self, article_id: str, events: Sequence[Event]) -> None:
        """Swap an article's events for ``events`` (after a correction re-parse), atomically."""
        if not article_id:
            raise InputError("replace_events needs an article id, got an empty one")
        _check_events_belong(article_id, events)
        with self._transaction():
            left = happenings.happenings_of_article(self._conn, article_id)
            self._conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
            happenings.refile(self._conn, left)
            self._insert_events(events)

    def _insert_events(self, events: Sequence[Event]) -> int:
        if not events:
            return 0
        events = self._corrected_on_the_way_in(events)
        # executemany's rowcount sums the rows each insert added (triggers not counted),
        # so an event_id already stored counts 0.
        cursor = self._conn.executemany(_INSERT_EVENT_SQL, [_event_row(e) for e in events])
        happenings.file_pending(self._conn)
        return max(cursor.rowcount, 0)

    def _corrected_on_the_way_in(self, events: Sequence[Event]) -> Sequence[Event]:
        """``events`` as their stored corrections say (deleted ones left out); each correction
        found remembers the event as it came, for an undo, under the event's id of now."""
        # Corrections are few (a user's): their ids and articles first, so the events of a
        # batch that none concerns (nearly all) cost two set lookups each.
        known = self._conn.execute("SELECT event_id, article_id FROM event_corrections").fetchall()
        if not known:
            return events
        known_ids = {event_id for event_id, _ in known}
        known_articles = {article_id for _, article_id in known if article_id}
        touched = [e for e in events if e.event_id in known_ids or e.article_id in known_articles]
        if not touched:
            return events
        by_id: dict[str, EventCorrection] = {}
        by_site: dict[str, EventCorrection] = {}
        columns = ", ".join(fixes.CORRECTION_COLUMNS)
        for column, values in (
            ("event_id", sorted({e.event_id for e in touched} & known_ids)),
            ("article_id", sorted({e.article_id for e in touched} & known_articles)),
        ):
            for start in range(0, len(values), _IN_CHUNK):
                chunk = values[start : start + _IN_CHUNK]
                sql = f"SELECT {columns} FROM event_corrections WHERE {column} IN ({', '.join('?' for _ in chunk)})"
                for row in self._conn.execute(sql, chunk):
                    found = fixes.correction_from_row(row)
                    by_id[found.event_id] = found
                    by_site.setdefault(fixes.correction_site_key(found), found)
        kept: list[Event] = []
        for event in events:
            concerned = event.event_id in known_ids or event.article_id in known_articles
            correction = fixes.correction_for(event, by_id, by_site) if concerned else None
            if correction is None:
                kept.append(event)
                continue
            self._conn.execute(
                "UPDATE OR IGNORE event_corrections SET event_id = ?, site_key = ?, original = ? WHERE event_id = ?",
                (
                    event.event_id,
                    fixes.event_site_key(event),
                    json.dumps(list(_event_row(event)), ensure_ascii=False),
                    correction.event_id,
                ),
            )
            fixed = fixes.corrected(event, correction)
            if fixed is not None:
                kept.append(fixed)
        return kept

    def correct_event(self, correction: EventCorrection) -> Event | None:
        """Store ``correction`` (added to an earlier one of the same event) and write the event
        as corrected; returns it, or None when the event is deleted. Raises ``InputError``
        when no such event is stored."""
        with self._transaction():
            earlier = self._correction(correction.event_id)
            if earlier is not None:
                original = fixes.original_row(earlier[1])
            else:
                row = self._conn.execute(f"{_SELECT_EVENTS_SQL} WHERE event_id = ?", (correction.event_id,)).fetchone()
                if row is None:
                    raise InputError(f"no event {correction.event_id!r} in the store to correct")
                original = list(row)
            combined = fixes.merged(earlier[0] if earlier else None, correction)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            self._conn.execute(
                "INSERT OR REPLACE INTO event_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fixes.correction_row(combined, original, now),
            )
            fixed = fixes.corrected(_event_from_row(original), combined)
            self._rewrite_event(correction.event_id, fixed)
        return fixed

    def undo_correction(self, event_id: str) -> Event | None:
        """Drop the correction of ``event_id`` and put the event back as it was before it;
        returns that event, or None when there was no correction to undo."""
        with self._transaction():
            earlier = self._correction(event_id)
            if earlier is None:
                return None
            original = _event_from_row(fixes.original_row(earlier[1]))
            self._conn.execute("DELETE FROM event_corrections WHERE event_id = ?", (event_id,))
            self._rewrite_event(event_id, original)
        return original

    def _rewrite_event(self, event_id: str, event: Event | None) -> None:
        """Swap the stored row of ``event_id`` for ``event`` (None deletes it), inside a
        transaction: the happening it was filed under is rebuilt from its other reports,
        and the new row is filed again (a corrected type or date may tell another happening)."""
        left = [
            happening
            for (happening,) in self._conn.execute(
                "SELECT happening_id FROM events WHERE event_id = ? AND happening_id IS NOT NULL", (event_id,)
            )
        ]
        self._conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
        happenings.refile(self._conn, left)
        if event is not None:
            self._conn.execute(_INSERT_EVENT_SQL, _event_row(event))
            happenings.file_pending(self._conn)

    def keep_correction(self, correction: EventCorrection, original: Event) -> None:
        """Store ``correction`` of an event stored as corrected already, with the event as it
        was before it (``original``): a store's corrections copied into another."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO event_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                fixes.correction_row(correction, _event_row(original), now),
            )

    def _correction(self, event_id: str) -> tuple[EventCorrection, str] | None:
        row = self._conn.execute(
            f"SELECT {', '.join(fixes.CORRECTION_COLUMNS)}, original FROM event_corrections WHERE event_id = ?",
            (event_id,),
        ).fetchone()
        return (fixes.correction_from_row(row[:-1]), row[-1]) if row else None

    def split_report(self, event_id: str) -> str:
        """A user's correction "these are two events": the report ``event_id`` leaves its
        happening and stays apart from its reports, also after a re-parse; returns the
        happening it now belongs to."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            happening = happenings.split(self._conn, [event_id], now)
        if happening is None:
            raise InputError(f"no stored event has the id {event_id!r}")
        return happening

    def keep_apart(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Record "these two reports tell two events" for each (event id, event id) pair, both
        ways, for reports filed from now on (a salvage copies the corrections before the events)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            self._conn.executemany(
                "INSERT OR IGNORE INTO happening_splits VALUES (?, ?, ?)",
                [row for a, b in pairs for row in ((a, b, now), (b, a, now))],
            )

    def split_pairs(self) -> list[tuple[str, str]]:
        """Every "these are two events" correction, as (event id, apart from) pairs, both ways."""
        return happenings.split_pairs(self._conn)

    def split_article(self, happening_id: str, article_id: str) -> str:
        """``split_report`` for every report of one article in a happening, together: that
        article tells another event than the happening's other reports."""
        rows = self._conn.execute(
            "SELECT event_id FROM events WHERE happening_id = ? AND article_id = ? ORDER BY id",
            (happening_id, article_id),
        ).fetchall()
        if not rows:
            raise InputError(f"the event {happening_id!r} has no report from the article {article_id!r}")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            happening = happenings.split(self._conn, [event_id for (event_id,) in rows], now)
        return str(happening)

    def add_override(self, o: PlaceOverride) -> None:
        """Record a correction; a later one for the same mention and article replaces it."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO overrides VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    override_key(o.mention),
                    o.article_id,
                    o.mention,
                    o.geonameid,
                    o.name,
                    o.lat,
                    o.lon,
                    o.country_code,
                    o.admin1,
                    o.feature_code,
                    now,
                ),
            )

    def import_parquet(self, directory: Path) -> int:
        """Store the events of a GeoParquet file or folder of them; returns how many were new."""
        from geo.store.frames import iter_parquet_events

        added = 0
        for events in iter_parquet_events(Path(directory)):
            added += self.add_events(events)
        return added

    # -- reading -------------------------------------------------------------

    def has_articles(self, article_ids: Iterable[str]) -> set[str]:
        """The ids among ``article_ids`` already stored."""
        wanted = list(dict.fromkeys(article_ids))
        found: set[str] = set()
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._conn.execute(f"SELECT article_id FROM articles WHERE article_id IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            "SELECT text, title, published, source, url, article_id FROM articles WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        text, title, published, source, url, stored_id = row
        try:
            day = _date(published)
        except ValueError:
            _warn_damaged(self.path, f"article {stored_id}", f"published {published!r} is not a date")
            day = None
        return Article(text, title=title, published=day, source=source, url=url, article_id=stored_id)

    def query(self, flt: EventFilter = EventFilter(), *, limit: int | None = None) -> list[Event]:
        """Events ``flt`` lets through, by date (undated first), then in the order stored."""
        if limit is not None and limit < 0:
            raise InputError(f"limit must be 0 or more, got {limit!r}")
        return list(_readable_events(self.path, self._conn.execute(*_ordered_sql(_SELECT_EVENTS_SQL, flt, limit))))

    def coded_events(self, flt: EventFilter = EventFilter(), *, limit: int | None = None) -> list[Event]:
        """One event per happening that has a report ``flt`` lets through, with every report
        of it (``geo.store.happenings.coded_event``); by date (undated first), then as stored."""
        if limit is not None and limit < 0:
            raise InputError(f"limit must be 0 or more, got {limit!r}")
        where, params = filter_sql(flt)
        chosen = f" WHERE happening_id IN (SELECT happening_id FROM events{where})" if where else ""
        several = happenings.several_dates(self._conn)
        # In the store's order, as query reads them: a happening of one report is that report
        # as it stands, already in place; the others are gathered and put in place after.
        # A plain row of a happening of several is kept as a StoredReport, not made an Event.
        cursor = self._conn.execute(
            f"SELECT happening_id, id, {happenings.PLAIN_ROW_SQL}, {', '.join(EVENT_COLUMNS)} "
            f"FROM events{chosen} ORDER BY event_date, id",
            params,
        )
        singles: list[Event] = []
        days: list[str] = []
        rowids: list[int] = []
        groups: dict[str, list[tuple[int, Event | happenings.StoredReport]]] = {}
        for row in cursor:
            values = row[3:]
            happening_id = row[0] or values[0]
            if row[2] and happening_id in several:
                groups.setdefault(happening_id, []).append((row[1], happenings.stored_report(values)))
                continue
            try:
                event = _event_from_row(values)
            except (ValueError, TypeError, AttributeError) as err:  # a bad date, JSON or number
                _warn_damaged(self.path, values[0], str(err))
                continue
            if happening_id in several:
                groups.setdefault(happening_id, []).append((row[1], event))
                continue
            singles.append(event if event.event_id == happening_id else replace(event, event_id=happening_id))
            days.append(values[3] or "")
            rowids.append(row[1])
        events = _placed(singles, days, rowids, self._merged(groups, several))
        return events if limit is None else events[:limit]

    def _merged(
        self,
        groups: dict[str, list[tuple[int, Event | happenings.StoredReport]]],
        dates: dict[str, tuple[date | None, int] | None],
    ) -> list[tuple[str, int, Event]]:
        """The coded events of happenings of several reports, with their place in the store's order."""
        coded = []
        for happening_id, members in groups.items():
            members.sort(key=lambda member: member[0])  # stored order
            first = members[0][1]
            event_date, precision = dates.get(happening_id) or (first.event_date, first.date_precision)
            event = happenings.coded_event(
                happening_id, [m for _, m in members], event_date=event_date, date_precision=precision
            )
            coded.append((_iso(event_date) or "", members[0][0], event))
        return coded

    def iter_query(
        self, flt: EventFilter = EventFilter(), *, limit: int | None = None, chunk: int = 10_000
    ) -> Iterator[Event]:
        """``query`` as a stream, for exports larger than memory."""
        cursor = self._conn.execute(*_ordered_sql(_SELECT_EVENTS_SQL, flt, limit))
        while rows := cursor.fetchmany(chunk):
            yield from _readable_events(self.path, rows)

    def iter_feature_json(
        self, flt: EventFilter = EventFilter(), *, limit: int | None = None, chunk: int = 10_000
    ) -> Iterator[str]:
        """The events ``flt`` lets through as GeoJSON Feature texts, in ``query`` order.

        The export's fast path. Numbers are written with 15 significant digits,
        which gives back every coordinate a gazetteer holds exactly.
        """
        cursor = self._conn.execute(*_ordered_sql(_FEATURE_JSON_SQL, flt, limit))
        while rows := cursor.fetchmany(chunk):
            for event_id, readable, feature in rows:
                if readable:
                    yield feature
                else:
                    _warn_damaged(self.path, event_id, "an impossible date or extra that is not JSON")

    def query_frame(self, flt: EventFilter = EventFilter()) -> pandas.DataFrame:
        """One row per event: the event record's properties plus ``lat``/``lon``.

        ``event_date`` and ``published`` are pandas datetimes (NaT when unknown),
        ``geonameid`` a nullable integer, ``extra`` the JSON text of the codes.
        """
        import pandas as pd

        where, params = filter_sql(flt)
        sql = f"SELECT {', '.join(_FRAME_COLUMNS)} FROM events{where} ORDER BY event_date, id"
        frame = pd.read_sql_query(sql, self._conn, params=params)
        for column in ("event_date", "published"):
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
        frame["geonameid"] = frame["geonameid"].astype("Int64")
        frame["extra"] = frame["extra"].fillna("{}")
        return frame

    def count(self, flt: EventFilter = EventFilter()) -> int:
        where, params = filter_sql(flt)
        return int(self._conn.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0])

    def happening_members(self) -> dict[str, tuple[str, ...]]:
        """The event ids of every stored report, by the happening they are filed under, in stored order."""
        members: dict[str, list[str]] = {}
        for happening_id, event_id in self._conn.execute(
            "SELECT happening_id, event_id FROM events WHERE happening_id IS NOT NULL ORDER BY id"
        ):
            members.setdefault(happening_id, []).append(event_id)
        return {happening_id: tuple(ids) for happening_id, ids in members.items()}

    def happening_count(self) -> int:
        """How many coded events the store holds (its reports merged)."""
        return int(self._conn.execute("SELECT count(*) FROM happenings").fetchone()[0])

    def counts_by_type(self, flt: EventFilter = EventFilter()) -> dict[str, int]:
        """Events per type, every type present (0 when none)."""
        where, params = filter_sql(flt)
        rows = self._conn.execute(f"SELECT event_type, count(*) FROM events{where} GROUP BY event_type", params)
        counts = dict.fromkeys(EVENT_TYPES, 0)
        counts.update({event_type: int(n) for event_type, n in rows})
        return counts

    def date_range(self) -> tuple[date, date] | None:
        """The first and last event date, or None when no event has a date."""
        low, high = self._conn.execute(
            "SELECT min(event_date), max(event_date) FROM events "
            "WHERE event_date IS NOT NULL AND date(event_date, '+0 days') IS event_date"
        ).fetchone()
        if low is None:
            return None
        return date.fromisoformat(low), date.fromisoformat(high)

    def distinct(self, column: str) -> list[str]:
        """The non-empty values of ``column``, sorted, for filter widgets."""
        if column not in DISTINCT_COLUMNS:
            raise InputError(f"distinct() lists one of {sorted(DISTINCT_COLUMNS)}, got {column!r}")
        rows = self._conn.execute(f"SELECT DISTINCT {column} FROM events WHERE {column} != '' ORDER BY {column}")
        return [row[0] for row in rows]

    def overrides(self) -> tuple[PlaceOverride, ...]:
        rows = self._conn.execute(
            "SELECT mention, geonameid, name, lat, lon, country_code, admin1, feature_code, article_id "
            "FROM overrides ORDER BY added_at, rowid"
        )
        return tuple(PlaceOverride(*row) for row in rows)

    def article_events(self, article_id: str) -> list[Event]:
        """The events of one article, in the store's order."""
        sql = f"{_SELECT_EVENTS_SQL} WHERE article_id = ? ORDER BY event_date, id"
        return list(_readable_events(self.path, self._conn.execute(sql, (article_id,))))

    def corrections(self, article_id: str | None = None) -> tuple[EventCorrection, ...]:
        """The stored event corrections, oldest first; of one article when ``article_id`` is given."""
        sql = f"SELECT {', '.join(fixes.CORRECTION_COLUMNS)} FROM event_corrections"
        params: tuple[str, ...] = ()
        if article_id is not None:
            sql, params = sql + " WHERE article_id = ?", (article_id,)
        rows = self._conn.execute(sql + " ORDER BY added_at, rowid", params)
        return tuple(fixes.correction_from_row(row) for row in rows)

    def version(self) -> int:
        """A number every committed write changes (articles, events, corrections, imports),
        kept in the file, so every connection and process reads the same one: the key
        under which readers cache what they read."""
        (current,) = self._conn.execute("PRAGMA user_version").fetchone()
        return int(current)

    def article_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])


# ---------------------------------------------------------------------------
# the filter in SQL: the same semantics as EventFilter.matches


def filter_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause (with a leading space, or empty) and its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.date_from is not None:
        clauses.append("event_date >= ?")  # NULL compares false, as matches() rejects undated
        params.append(flt.date_from.isoformat())
    if flt.date_to is not None:
        clauses.append("event_date <= ?")
        params.append(flt.date_to.isoformat())
    for column, values in (
        ("event_type", flt.event_types),
        ("country_code", flt.country_codes),
        ("source", flt.sources),
        ("origin", flt.origins),
    ):
        if values:
            ordered = sorted(values)
            clauses.append(f"{column} IN ({', '.join('?' for _ in ordered)})")
            params.extend(ordered)
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params.extend((min_lat, max_lat, min_lon, max_lon))
    if flt.min_confidence > 0.0:
        clauses.append("confidence >= ?")
        params.append(flt.min_confidence)
    if flt.text:
        needle = flt.text.casefold()
        clauses.append(
            "(cm_contains(?, quote) OR cm_contains(?, title) OR cm_contains(?, place) OR cm_contains(?, mention))"
        )
        params.extend((needle,) * 4)
    if not clauses:
        return "", params
    return " WHERE " + " AND ".join(clauses), params


def _contains_casefolded(needle: str, haystack: str | None) -> bool:
    # SQLite's LIKE folds ASCII only; casefold() matches EventFilter for every script.
    return haystack is not None and needle in haystack.casefold()


def override_key(mention: str) -> str:
    """A mention as an override matches it: without case, diacritics or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", mention)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


# ---------------------------------------------------------------------------
# rows <-> records


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a new store to WAL. Two processes creating the same store at once may find
    it locked for a moment, and the busy timeout does not cover this switch: retry."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.create_function("cm_contains", 2, _contains_casefolded, deterministic=True)
    return conn


def _tune_writer(conn: sqlite3.Connection) -> None:
    _use_wal(conn)
    # In WAL mode NORMAL keeps every committed transaction across a crash of
    # the process; only a power cut may lose the last ones.
    conn.execute("PRAGMA synchronous = NORMAL")
    # A larger page cache keeps the indexes' hot pages in memory during big batches.
    conn.execute(f"PRAGMA cache_size = {-WRITER_CACHE_KIB}")


def _check_events_belong(article_id: str, events: Sequence[Event]) -> None:
    strays = [e.event_id for e in events if e.article_id != article_id]
    if strays:
        raise InputError(f"events {strays[:3]!r} do not belong to article {article_id!r}")


def _placed(events: list[Event], days: list[str], rowids: list[int], more: list[tuple[str, int, Event]]) -> list[Event]:
    """``events`` (in order by ``days``, then ``rowids``) with ``more`` put in their places."""
    if not more:
        return events
    placed: list[Event] = []
    start = 0
    for day, rowid, event in sorted(more, key=lambda item: (item[0], item[1])):
        low = bisect_left(days, day)
        at = bisect_left(rowids, rowid, low, bisect_right(days, day, low))
        placed.extend(events[start:at])
        placed.append(event)
        start = max(start, at)
    placed.extend(events[start:])
    return placed


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@lru_cache(maxsize=65_536)
def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _event_row(e: Event) -> tuple[Any, ...]:
    row = (
        e.event_id,
        e.event_type,
        e.sub_event_type,
        _iso(e.event_date),
        e.date_precision,
        e.place,
        e.mention,
        e.lat,
        e.lon,
        e.geonameid,
        e.country_code,
        e.admin1,
        e.feature_code,
        e.geo_precision,
        e.quote,
        e.article_id,
        e.title,
        _iso(e.published),
        e.source,
        e.url,
        e.confidence,
        e.origin,
        json.dumps(dict(e.extra), ensure_ascii=False) if e.extra else None,
        e.actor1,
        e.assoc_actor_1,
        e.actor2,
        e.assoc_actor_2,
        e.inter1,
        e.inter2,
        e.interaction,
        e.fatalities,
        e.sources,
        happenings.reports_json(e.reports),
    )
    return _encodable_row(row)


def _encodable_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """The row with each lone surrogate of its texts as U+FFFD: SQLite cannot bind one,
    and one such text would fail the whole batch."""
    return tuple(encodable_text(v) if isinstance(v, str) else v for v in row)


def _ordered_sql(select_sql: str, flt: EventFilter, limit: int | None) -> tuple[str, list[Any]]:
    """``select_sql`` narrowed by ``flt``, in the store's one order: by date (undated
    first), then as stored; at most ``limit`` rows."""
    where, params = filter_sql(flt)
    sql = f"{select_sql}{where} ORDER BY event_date, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return sql, params


def _readable_events(path: Path, rows: Iterable[Sequence[Any]]) -> Iterator[Event]:
    """The events of ``rows``; a row whose values do not read back is skipped with a warning."""
    for row in rows:
        try:
            yield _event_from_row(row)
        except (ValueError, TypeError, AttributeError) as err:  # a bad date, JSON or number
            _warn_damaged(path, row[0], str(err))


def _warn_damaged(path: Path, event_id: object, reason: str) -> None:
    log.warning(
        "skipped event %s in %s, whose stored values do not read back (%s); 'conflictmap store check' lists such rows",
        event_id,
        path,
        reason,
    )


def event_from_row(row: Sequence[Any]) -> Event:
    """The event of a stored row (``EVENT_COLUMNS`` in order); raises ValueError or TypeError
    when its values do not read back."""
    return _event_from_row(row)


def _event_from_row(row: Sequence[Any]) -> Event:
    values = list(row)
    values[3] = _date(values[3])  # event_date
    values[17] = _date(values[17])  # published
    values[22] = tuple(json.loads(values[22]).items()) if values[22] else ()  # extra
    values[32] = happenings.reports_from_json(values[32])  # reports
    return Event(*values)
