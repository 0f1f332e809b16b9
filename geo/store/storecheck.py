"""``conflictmap store check`` and ``conflictmap store salvage``: what is wrong with an
event store, and a new store holding everything in it that can still be read.

``check`` reads the file without changing it: SQLite's ``integrity_check`` (damaged
pages, broken indexes), the schema (our tables, a readable version), and the stored
values that do not read back (impossible dates such as 2016-02-30, ``extra`` that is
not a JSON object, coordinates or types an event cannot have).

``salvage`` copies every row it can read into a new store: a damaged value is
dropped (an impossible date becomes unknown, unreadable ``extra`` becomes empty), a
row that still makes no event is left out and counted, and a damaged page costs the
rows on it, not the rest of the table. The old file is never written to.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from geo.errors import StoreError
from geo.records import EVENT_TYPES, Article, Event, PlaceOverride, day_or_none
from geo.store import corrections as fixes
from geo.store.happenings import reports_from_json
from geo.store.store import EVENT_COLUMNS, SCHEMA_VERSION, STORE_TABLES, EventStore, event_from_row

#: Problems of one kind named before the rest are only counted.
MAX_NAMED = 10

#: Stored events whose values do not read back, and why, in SQL.
VALUE_CHECKS: tuple[tuple[str, str], ...] = (
    ("event_date is not a real day", "event_date IS NOT NULL AND date(event_date, '+0 days') IS NOT event_date"),
    ("published is not a real day", "published IS NOT NULL AND date(published, '+0 days') IS NOT published"),
    ("extra is not a JSON object", "extra IS NOT NULL AND (NOT json_valid(extra) OR json_type(extra) != 'object')"),
    ("coordinates out of range", "NOT (lat BETWEEN -90 AND 90 AND lon BETWEEN -180 AND 180)"),
    ("unknown event_type", f"event_type NOT IN ({', '.join(repr(t) for t in EVENT_TYPES)})"),
    ("confidence outside 0..1", "NOT (confidence BETWEEN 0 AND 1)"),
    (
        "reports is not a JSON list",
        "reports IS NOT NULL AND (NOT json_valid(reports) OR json_type(reports) != 'array')",
    ),
    ("no happening is recorded", "happening_id IS NULL"),
    (
        "the happening is missing",
        "happening_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM happenings h WHERE h.happening_id = events.happening_id)",
    ),
)


@dataclass(slots=True)
class CheckReport:
    """What ``check_store`` found: one line per problem (named up to ``MAX_NAMED`` per kind)."""

    path: Path
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(slots=True)
class SalvageReport:
    articles: int = 0
    events: int = 0
    overrides: int = 0
    repaired: int = 0  # events kept with a damaged value dropped
    lost: list[str] = field(default_factory=list)  # what could not be copied (first few named)
    lost_count: int = 0

    def lose(self, what: str) -> None:
        self.lost_count += 1
        if len(self.lost) < MAX_NAMED:
            self.lost.append(what)


def check_store(path: Path) -> CheckReport:
    """Everything wrong with the store at ``path`` that can be seen without changing it."""
    report = CheckReport(path)
    conn = _open_readonly(path)
    try:
        _check_integrity(conn, report)
        tables = _check_schema(conn, report)
        if "events" in tables:
            _check_values(conn, report)
    except sqlite3.DatabaseError as err:
        report.problems.append(f"the file cannot be read as SQLite: {err}")
    finally:
        conn.close()
    return report


def salvage_store(source: Path, target: Path) -> SalvageReport:
    """Copy every readable article, event and correction of ``source`` into a new store at ``target``."""
    if target.exists() and target.stat().st_size > 0:
        raise StoreError(f"{str(target)!r} already exists; salvage writes a new store, name a new file")
    if target.resolve() == source.resolve():
        raise StoreError("salvage writes a new store; name a file other than the damaged one")
    report = SalvageReport()
    conn = _open_readonly(source)
    try:
        tables = _table_names(conn)
        with EventStore.open(target) as store:
            if "articles" in tables:
                _copy_articles(conn, store, report)
            if "happening_splits" in tables:  # before the events, which are filed as they come
                _copy_splits(conn, store, report)
            if "events" in tables:
                _copy_events(conn, store, report)
            if "overrides" in tables:
                _copy_overrides(conn, store, report)
            if "event_corrections" in tables:
                _copy_event_corrections(conn, store, report)
    except sqlite3.DatabaseError as err:
        report.lose(f"the rest of the file: {err}")
    finally:
        conn.close()
    return report


# ---------------------------------------------------------------------------
# check


def _check_integrity(conn: sqlite3.Connection, report: CheckReport) -> None:
    messages = [row[0] for row in conn.execute(f"PRAGMA integrity_check({MAX_NAMED})")]
    if messages == ["ok"]:
        report.facts.append("integrity: ok")
    else:
        report.problems.extend(f"integrity: {m}" for m in messages)


def _check_schema(conn: sqlite3.Connection, report: CheckReport) -> set[str]:
    tables = _table_names(conn)
    if not tables:
        report.problems.append("schema: the file holds no tables (an empty file, not a store yet)")
        return tables
    if "schema_version" not in tables:
        report.problems.append(f"schema: not a conflictmap event store (tables: {', '.join(sorted(tables)[:5])})")
        return tables
    versions = [v for (v,) in conn.execute("SELECT version FROM schema_version")]
    if not all(isinstance(v, int) for v in versions):
        report.problems.append(
            f"schema: the version {next(v for v in versions if not isinstance(v, int))!r} is not a number"
        )
    elif max(versions, default=0) != SCHEMA_VERSION:
        report.problems.append(f"schema: version {max(versions, default=0)}, this conflictmap writes {SCHEMA_VERSION}")
    else:
        report.facts.append(f"schema: version {SCHEMA_VERSION}")
    for missing in sorted(STORE_TABLES - tables):
        report.problems.append(f"schema: the {missing} table is missing")
    if "events" in tables:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
        absent = [c for c in EVENT_COLUMNS if c not in columns]
        if absent:
            report.problems.append(f"schema: the events table lacks the columns {', '.join(absent)}")
    return tables


def _check_values(conn: sqlite3.Connection, report: CheckReport) -> None:
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    report.facts.append(f"events: {total}")
    try:
        (coded,) = conn.execute("SELECT count(*) FROM happenings").fetchone()
        report.facts.append(f"coded events (happenings): {coded}")
    except sqlite3.OperationalError:
        pass  # an older store: the schema check says it needs upgrading
    for reason, condition in VALUE_CHECKS:
        try:
            count = conn.execute(f"SELECT count(*) FROM events WHERE {condition}").fetchone()[0]
        except sqlite3.OperationalError as err:  # a column missing: the schema check said so
            if "no such column" not in str(err):  # the schema check names the missing columns
                report.problems.append(f"values: cannot check that {reason.split(' ')[0]} reads back ({err})")
            continue
        if not count:
            continue
        ids = [row[0] for row in conn.execute(f"SELECT event_id FROM events WHERE {condition} LIMIT {MAX_NAMED}")]
        more = f" and {count - len(ids)} more" if count > len(ids) else ""
        report.problems.append(f"values: {count} event(s) where {reason}: {', '.join(map(str, ids))}{more}")


# ---------------------------------------------------------------------------
# salvage


def _copy_articles(conn: sqlite3.Connection, store: EventStore, report: SalvageReport) -> None:
    columns = ("article_id", "title", "published", "source", "url", "text")
    batch: list[tuple[Article, list[Event]]] = []
    for row in _readable_rows(conn, "articles", columns, report):
        article_id, title, published, source, url, text = row
        try:
            article = Article(
                str(text),
                title=str(title or ""),
                published=day_or_none(published),
                source=str(source or ""),
                url=str(url or ""),
                article_id=str(article_id),
            )
        except (ValueError, TypeError) as err:
            report.lose(f"article {article_id}: {err}")
            continue
        batch.append((article, []))
        if len(batch) >= 500:
            report.articles += _add_articles(store, batch, report)
            batch = []
    report.articles += _add_articles(store, batch, report)


def _add_articles(store: EventStore, batch: list[tuple[Article, list[Event]]], report: SalvageReport) -> int:
    try:
        return store.add_articles(batch).articles
    except (ValueError, OverflowError):
        added = 0
        for item in batch:
            try:
                added += store.add_articles([item]).articles
            except (ValueError, OverflowError) as err:
                report.lose(f"article {item[0].article_id}: {err}")
        return added


def _copy_events(conn: sqlite3.Connection, store: EventStore, report: SalvageReport) -> None:
    batch: list[Event] = []
    for row in _readable_rows(conn, "events", EVENT_COLUMNS, report):
        event = _salvaged_event(row, report)
        if event is not None:
            batch.append(event)
        if len(batch) >= 5_000:
            report.events += _add_events(store, batch, report)
            batch = []
    report.events += _add_events(store, batch, report)


def _add_events(store: EventStore, batch: list[Event], report: SalvageReport) -> int:
    try:
        return store.add_events(batch)
    except (ValueError, OverflowError):
        added = 0
        for event in batch:
            try:
                added += store.add_events([event])
            except (ValueError, OverflowError) as err:
                report.lose(f"event {event.event_id}: {err}")
        return added


def _salvaged_event(row: tuple[Any, ...], report: SalvageReport) -> Event | None:
    values = dict(zip(EVENT_COLUMNS, row))
    repaired = False
    for name in ("event_date", "published"):
        day = day_or_none(values[name])
        repaired |= day is None and values[name] is not None
        values[name] = day
    extra = _extra_or_none(values["extra"])
    repaired |= extra is None and values["extra"] is not None
    values["extra"] = extra or ()
    try:
        values["reports"] = reports_from_json(values.get("reports"))
    except ValueError:
        repaired = True
        values["reports"] = ()
    try:
        event = Event(**values)
    except (ValueError, TypeError) as err:
        report.lose(f"event {values['event_id']}: {err}")
        return None
    report.repaired += repaired
    return event


def _copy_splits(conn: sqlite3.Connection, store: EventStore, report: SalvageReport) -> None:
    try:
        pairs = conn.execute("SELECT event_id, apart_from FROM happening_splits").fetchall()
    except sqlite3.DatabaseError as err:
        report.lose(f"the corrections that keep reports apart: {err}")
        return
    store.keep_apart((str(a), str(b)) for a, b in pairs)


def _copy_overrides(conn: sqlite3.Connection, store: EventStore, report: SalvageReport) -> None:
    columns = ("mention", "geonameid", "name", "lat", "lon", "country_code", "admin1", "feature_code", "article_id")
    for row in _readable_rows(conn, "overrides", columns, report):
        try:
            store.add_override(PlaceOverride(*row))
            report.overrides += 1
        except (ValueError, TypeError, OverflowError, StoreError) as err:
            report.lose(f"correction of {row[0]!r}: {err}")


def _copy_event_corrections(conn: sqlite3.Connection, store: EventStore, report: SalvageReport) -> None:
    """Corrections of events, each with the event as it was before it (what an undo puts back)."""
    columns = (*fixes.CORRECTION_COLUMNS, "original")
    for row in _readable_rows(conn, "event_corrections", columns, report):
        try:
            original = event_from_row(fixes.original_row(row[-1]))
            store.keep_correction(fixes.correction_from_row(row[:-1]), original)
            report.overrides += 1
        except (ValueError, TypeError, OverflowError, AttributeError, StoreError) as err:
            report.lose(f"correction of event {row[0]!r}: {err}")


def _readable_rows(
    conn: sqlite3.Connection, table: str, columns: tuple[str, ...], report: SalvageReport
) -> Iterator[tuple[Any, ...]]:
    """The rows of ``table`` in rowid order; where a damaged page stops the scan, it goes
    on past it, skipping further each time the same place fails again."""
    last, step = 0, 1
    sql = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid"
    while step < 2**40:
        try:
            for row in conn.execute(sql, (last,)):
                last, step = row[0], 1
                yield tuple(row[1:])
            return
        except sqlite3.DatabaseError as err:
            report.lose(f"{table} rows after rowid {last}: {err}")
            last, step = last + step, step * 2


def _extra_or_none(value: object) -> tuple[tuple[str, str], ...] | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = json.loads(value)
    except (json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(parsed, dict):
        return None
    return tuple((str(k), str(v)) for k, v in parsed.items())


# ---------------------------------------------------------------------------


def _open_readonly(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"no event store at {str(path)!r}")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{str(path)!r} cannot be read as an SQLite database: {err}") from err
    return conn


def _table_names(conn: sqlite3.Connection) -> set[str]:
    return {
        name
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    }
