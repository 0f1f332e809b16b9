"""Happenings in the event store: every stored report filed under the happening it tells.

Each event row the parser stores is one article's report of something. At ingest, each new
row is filed under a happening (the ``events.happening_id`` column): its candidates are the
happenings filed near its place and date (``merge.candidate_blocks``, one index range scan
per grid cell of the ``happenings`` table) and, for ``merge.wider_score``, those of its
country in its date window that are placed at a region or country (every one of them when
the report itself is: a second index, by country, precision and day), and ``merge.assign``
decides which one it joins,
or that it founds a new one. Rows are filed in the order they were stored, so the same
articles in the same order give the same happenings; nothing already filed is re-clustered.

A happening's id is its founding report's event id. Imported events (ACLED, GDELT) are
already coded by their makers: each is a happening of its own and never a candidate.

A user's correction "these are two events" splits one report off its happening. It is kept
as pairs of event ids that must stay apart (``happening_splits``), so re-parsing an article,
which gives its events the same ids, files them apart again.

The coded event of a happening (``coded_event``) is its best report (one of the happening's
own kind before an account of it such as a hospital's statement, then one placed at a town
before one placed only at its region or country, then actors named, then the highest
confidence, then the first stored) with the happening's id and date, every report,
the distinct sources, the actors and deaths ``merge.coded_fields`` codes from all its reports
(the pair most of its strongest reports name; the lowest toll of any article) and a confidence that rises with
independent sources: ``1 - prod(1 - c_s)`` over distinct sources ``s``, ``c_s`` the best
confidence of that source's reports (two sources at 0.7 give 0.91); a report without a
source counts as one source of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections import namedtuple
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from geo.records import EVENT_TYPES, GEO_PRECISION_NEAR, GEO_PRECISION_REGION, GEO_PRECISION_TOWN, Event, EventReport
from geo.store.merge import (
    LINK_REPORTS,
    REGION_SEAT_FEATURE,
    CodedFields,
    MergedEvent,
    MergeRules,
    Report,
    assign,
    block_key,
    candidate_blocks,
    coded_fields,
    content_words,
    default_rules,
    is_account,
    is_wide,
    named_days,
    within_reach,
)

#: The origin whose reports merge; imported datasets come coded already.
MERGED_ORIGIN = "conflictmap"

#: Schema step that keeps the coded fields and files every report under a happening.
MIGRATION_STEPS: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN actor1 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN assoc_actor_1 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN actor2 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN assoc_actor_2 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN inter1 INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN inter2 INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN interaction INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN fatalities INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN sources INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE events ADD COLUMN reports TEXT",
    "ALTER TABLE events ADD COLUMN happening_id TEXT",
    "CREATE INDEX events_happening ON events (happening_id)",
    # The rows still to file: a partial index, empty between writes.
    "CREATE INDEX events_unfiled ON events (id) WHERE happening_id IS NULL",
    """CREATE TABLE happenings (
        happening_id TEXT PRIMARY KEY,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL DEFAULT '',
        event_date TEXT,
        date_precision INTEGER NOT NULL DEFAULT 1,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        published TEXT,
        words TEXT NOT NULL DEFAULT '',
        cell_lat INTEGER,
        cell_lon INTEGER,
        day INTEGER
    ) WITHOUT ROWID""",
    # The blocking index: a cell's date window is one range scan (imported events have no cell).
    "CREATE INDEX happenings_block ON happenings (cell_lat, cell_lon, day) WHERE cell_lat IS NOT NULL",
    """CREATE TABLE happening_splits (
        event_id TEXT NOT NULL,
        apart_from TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (event_id, apart_from)
    ) WITHOUT ROWID""",
)
#: Schema step that keeps where each happening's place lies, so a report placed only at a
#: region or a country finds the happenings of its towns, and a town's report the happening
#: a region's report made (``merge.wider_score``); rows not yet filed are filed after it.
PLACE_STEPS: tuple[str, ...] = (
    "ALTER TABLE happenings ADD COLUMN country_code TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE happenings ADD COLUMN admin1 TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE happenings ADD COLUMN feature_code TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE happenings ADD COLUMN geo_precision INTEGER NOT NULL DEFAULT 1",
    # The death figures and place words of its first reports, and how many it holds, as merging weighs them.
    "ALTER TABLE happenings ADD COLUMN deaths TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE happenings ADD COLUMN place_words TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE happenings ADD COLUMN size INTEGER NOT NULL DEFAULT 1",
    # A country's happenings of a date window, those of its towns apart from the wider ones.
    "CREATE INDEX happenings_country ON happenings (country_code, geo_precision, day) WHERE cell_lat IS NOT NULL",
    # Every report filed again, in stored order, by the rules that read these (the splits a
    # user made are kept apart again): the happenings filed before lack them.
    "DELETE FROM happenings",
    "UPDATE events SET happening_id = NULL WHERE happening_id IS NOT NULL",
)
TABLES = frozenset({"happenings", "happening_splits"})
#: The precisions of a place at a town or near one (``merge.is_wide`` is false of them).
TOWN_PRECISIONS = (GEO_PRECISION_TOWN, GEO_PRECISION_NEAR)
#: More longitude cells than this (only near the poles) are not listed in a query.
_MAX_LON_CELLS = 400

_REPORT_COLUMNS = (
    "id, event_id, event_type, sub_event_type, event_date, date_precision, lat, lon, "
    "title, quote, article_id, source, published, origin, actor1, actor2, fatalities, geo_precision, place, mention, "
    "country_code, admin1, feature_code"
)
#: The fields ``merge.coded_fields`` codes for a happening (``CodedFields.applied`` sets them).
_CODED_FIELDS = tuple(f.name for f in fields(CodedFields))
_FIELD_INDEX = {f.name: i for i, f in enumerate(fields(Event))}
_STORED_ROW = namedtuple("_STORED_ROW", [f.name for f in fields(Event)])  # type: ignore[misc]


class _StoredReport(_STORED_ROW):
    """A stored report's row under the names of ``Event``'s fields, read but not checked:
    what a report of a happening of several gives its coded event (only the report the
    coded event is built on becomes an ``Event``, checked as every event is). Made from a
    row that ``PLAIN_ROW_SQL`` holds true of; its dates are read when asked for."""

    __slots__ = ()

    @property
    def event_date(self) -> date | None:
        return _day(tuple.__getitem__(self, 3))

    @property
    def published(self) -> date | None:
        return _day(tuple.__getitem__(self, 17))

    @property
    def extra(self) -> tuple[tuple[str, str], ...]:
        return ()  # none in a plain row

    @property
    def reports(self) -> tuple[EventReport, ...]:
        return ()  # none in a plain row

    def event(self, **changes: Any) -> Event:
        """The event of this report, with ``changes`` to its fields (as ``dataclasses.replace``)."""
        row: list[Any] = list(self)
        row[3], row[17], row[22], row[32] = self.event_date, self.published, (), ()
        for name, value in changes.items():
            row[_FIELD_INDEX[name]] = value
        return Event(*row)


#: (To the type checker it is the ``Event`` whose fields it carries.)
if TYPE_CHECKING:
    StoredReport = Event
else:
    StoredReport = _StoredReport


#: True of an events row whose values read back as they are stored, passing ``Event``'s
#: checks: a known type, coordinates and confidence in range, ISO dates, no codes or
#: reports to decode. Any other row is read as an ``Event`` (and skipped when damaged).
PLAIN_ROW_SQL = (
    "(event_type IN (" + ", ".join(f"'{t}'" for t in EVENT_TYPES) + ")"
    " AND typeof(lat) IN ('real', 'integer') AND lat BETWEEN -90 AND 90"
    " AND typeof(lon) IN ('real', 'integer') AND lon BETWEEN -180 AND 180"
    " AND typeof(confidence) IN ('real', 'integer') AND confidence BETWEEN 0 AND 1"
    " AND (event_date IS NULL OR (event_date >= '0001-01-01' AND date(event_date, '+0 days') IS event_date))"
    " AND (published IS NULL OR (published >= '0001-01-01' AND date(published, '+0 days') IS published))"
    " AND extra IS NULL AND reports IS NULL)"
)
_FIRST_MEMBERS_SQL = (
    f"SELECT {_REPORT_COLUMNS} FROM events INDEXED BY events_happening WHERE happening_id = ? ORDER BY id LIMIT ?"
)
_HAPPENING_COLUMNS = (
    "happening_id, event_type, sub_event_type, event_date, date_precision, lat, lon, published, words, "
    "country_code, admin1, feature_code, geo_precision, deaths, place_words, size"
)


# ---------------------------------------------------------------------------
# reports as stored JSON


def reports_json(reports: Sequence[EventReport]) -> str | None:
    """The reports as a JSON list of objects (None when there are none)."""
    if not reports:
        return None
    return json.dumps(
        [
            {
                "article_id": r.article_id,
                "source": r.source,
                "quote": r.quote,
                "url": r.url,
                "title": r.title,
                "published": r.published.isoformat() if r.published else None,
            }
            for r in reports
        ],
        ensure_ascii=False,
    )


def reports_from_json(text: str | None) -> tuple[EventReport, ...]:
    """The reports of a stored JSON list; raises ValueError when it is not one."""
    if not text:
        return ()
    items = json.loads(text)
    if not isinstance(items, list):
        raise ValueError(f"reports must be a JSON list, got {type(items).__name__}")
    try:
        return tuple(_report_of(item) for item in items)
    except (KeyError, TypeError, AttributeError) as err:
        raise ValueError(f"a stored report lacks a field or has a wrong one ({err})") from err


def _report_of(item: dict[str, Any]) -> EventReport:
    return EventReport(
        article_id=str(item["article_id"]),
        source=str(item.get("source", "")),
        quote=str(item.get("quote", "")),
        url=str(item.get("url", "")),
        title=str(item.get("title", "")),
        published=date.fromisoformat(item["published"]) if item.get("published") else None,
    )


# ---------------------------------------------------------------------------
# one coded event from the reports of a happening


def coded_event(
    happening_id: str, members: Sequence[Event | StoredReport], *, event_date: date | None, date_precision: int
) -> Event:
    """The coded event of a happening from its reports (in stored order); see the module's rule."""
    if not members:
        raise ValueError(f"happening {happening_id!r} has no reports")
    if len(members) == 1:
        only = _as_event(members[0])
        return replace(only, event_id=happening_id) if only.event_id != happening_id else only
    best, best_rank = members[0], _rank(members[0])
    for member in members[1:]:  # the first of the best ranked, as min() picks it
        rank = _rank(member)
        if rank < best_rank:
            best, best_rank = member, rank
    ranked = [best, *(m for m in members if m is not best)]
    confidences = _source_confidences(members)
    # Actors and deaths by the one rule of coding a happening (merge.coded_fields), which
    # reads only fields a stored report carries under the same names as an event.
    coded = coded_fields(members)
    happening = {
        "event_id": happening_id,
        "event_date": event_date,
        "date_precision": date_precision,
        "sources": len(confidences),
        "reports": tuple(EventReport(m.article_id, m.source, m.quote, m.url, m.title, m.published) for m in ranked),
        "confidence": _combined(confidences),
        **{name: getattr(coded, name) for name in _CODED_FIELDS},  # as CodedFields.applied
    }
    # One event made: the best report's, carrying the happening's fields.
    return replace(best, **happening) if isinstance(best, Event) else best.event(**happening)


def _rank(member: Event | StoredReport) -> tuple[bool, bool, bool, float]:
    """How a report ranks to give a happening its type, place and quote (smallest first): a
    report of its own kind before an account of it (``merge.is_account``), then one placed at
    a town before one placed only at its region or country, then one naming actors, then the
    more confident."""
    return (
        is_account(member.event_type, member.sub_event_type),
        is_wide(member),
        not member.actor1,
        -member.confidence,
    )


def stored_report(values: Sequence[Any]) -> StoredReport:
    """The report of an events row (``Event``'s fields in order) that ``PLAIN_ROW_SQL`` holds true of."""
    return _StoredReport._make(values)  # type: ignore[return-value]


def _as_event(member: Event | StoredReport) -> Event:
    return member if isinstance(member, Event) else member.event()


def combined_confidence(members: Iterable[Event]) -> float:
    """``1 - prod(1 - c_s)`` over distinct sources, ``c_s`` a source's best confidence."""
    return _combined(_source_confidences(members))


def _combined(confidences: dict[str, float]) -> float:
    doubt = 1.0
    for confidence in confidences.values():
        doubt *= 1.0 - confidence
    return round(min(max(1.0 - doubt, 0.0), 1.0), 6)


def _source_confidences(members: Iterable[Event | StoredReport]) -> dict[str, float]:
    best: dict[str, float] = {}
    for n, m in enumerate(members):
        key = m.source.strip().casefold() or f"\x00{n}"  # no source: a source of its own
        best[key] = max(best.get(key, 0.0), m.confidence)
    return best


# ---------------------------------------------------------------------------
# filing reports (inside the store's write transaction)


def file_pending(conn: sqlite3.Connection, rules: MergeRules | None = None) -> int:
    """File every stored row not yet under a happening, in the order stored; returns how many
    (by ``merge.default_rules()`` unless ``rules`` are given)."""
    rules = rules or default_rules()
    rows = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM events INDEXED BY events_unfiled WHERE happening_id IS NULL ORDER BY id"
    ).fetchall()
    filed: dict[str, MergedEvent] = {}  # the happenings this call made or joined, as they now stand
    for row in rows:
        _file(conn, row, rules, filed)
    return len(rows)


def _file(conn: sqlite3.Connection, row: Sequence[Any], rules: MergeRules, filed: dict[str, MergedEvent]) -> None:
    rowid, event_id, origin = row[0], row[1], row[13]
    report = _report(row)
    if origin != MERGED_ORIGIN:
        _insert_happening(conn, MergedEvent.first(report), blocked=False)
        chosen = event_id
    else:
        candidates = _candidates(conn, report, rules, apart=_apart_happenings(conn, event_id), filed=filed)
        found = assign(report, candidates, rules)
        if found is None:
            filed[event_id] = MergedEvent.first(report)
            _insert_happening(conn, filed[event_id], blocked=True)
            chosen = event_id
        else:
            filed[found] = next(c for c in candidates if c.event_id == found).with_report(report)
            _update_happening(conn, filed[found])
            chosen = found
    conn.execute("UPDATE events SET happening_id = ? WHERE id = ?", (chosen, rowid))


@lru_cache(maxsize=16_384)
def _report(row: tuple[Any, ...]) -> Report:
    # A busy happening's first reports are read for every report near it: made once each.
    _, event_id, event_type, sub_type, day, precision, lat, lon, title, quote, article_id, source, published = row[:13]
    actor1, actor2, fatalities, geo_precision, place, mention, country_code, admin1, feature_code = row[14:23]
    return Report(
        event_id=event_id,
        event_type=event_type,
        sub_event_type=sub_type,
        event_date=_day(day),
        date_precision=precision,
        lat=lat,
        lon=lon,
        words=content_words(f"{title} {quote}"),
        article_id=article_id,
        source=source,
        published=_day(published),
        actors=frozenset(a for a in (actor1, actor2) if a),
        fatalities=fatalities,
        geo_precision=geo_precision,
        place_words=content_words(f"{place} {mention}"),
        named_days=named_days(quote, _day(published)),
        country_code=country_code,
        admin1=admin1,
        feature_code=feature_code,
    )


def _candidates(
    conn: sqlite3.Connection,
    report: Report,
    rules: MergeRules,
    *,
    apart: frozenset[str],
    filed: dict[str, MergedEvent] | None = None,
) -> list[MergedEvent]:
    """The happenings in the report's cells and date window: the cells form a rectangle, so two
    index searches (dated and undated happenings) cover it, not one per cell."""
    cells, days = candidate_blocks(report, rules)
    lats = sorted({cell_lat for cell_lat, _ in cells})
    lons = sorted({cell_lon for _, cell_lon in cells})
    where = f"cell_lat IN ({', '.join('?' for _ in lats)})"
    params: list[Any] = list(lats)
    if len(lons) <= _MAX_LON_CELLS:  # near the poles a band of every longitude: the latitude alone narrows it
        where += f" AND cell_lon IN ({', '.join('?' for _ in lons)})"
        params.extend(lons)
    select = f"SELECT {_HAPPENING_COLUMNS} FROM happenings INDEXED BY happenings_block WHERE cell_lat IS NOT NULL AND "
    queries = [*_in_window(select + where, params, days), *_country_queries(report, rules, days)]
    found: list[MergedEvent] = []
    seen: set[str] = set()
    for sql, values in queries:
        for row in conn.execute(sql, values):
            if row[0] in apart or row[0] in seen:
                continue
            seen.add(row[0])
            event = _merged(row)
            if within_reach(report, event, rules):
                found.append(event)
    filed = filed if filed is not None else {}
    if rules.learned is None or not found:
        # The happenings filed earlier in this write as they now stand, with their reports: an
        # article's events are filed in one write, and ``merge.retyped`` asks for its reports.
        return [filed.get(event.event_id, event) for event in found]
    # The learned match also weighs the actors and deaths of an event's first reports, and its
    # average link each of them: one short index search per happening reads them, except for
    # the happenings filed earlier in this write (known as they now stand).
    members: dict[str, list[Report]] = {}
    for event in found:
        if event.event_id not in filed:
            # The index holds a happening's rows in stored order: the first few, not all, are read.
            rows = conn.execute(_FIRST_MEMBERS_SQL, (event.event_id, LINK_REPORTS))
            members[event.event_id] = [_report(row) for row in rows]
    return [
        filed[event.event_id] if event.event_id in filed else _with_members(event, members.get(event.event_id, ()))
        for event in found
    ]


def _country_queries(report: Report, rules: MergeRules, days: tuple[int, int] | None) -> list[tuple[str, list[Any]]]:
    """The searches for happenings of the report's country that ``merge.wider_score`` may join it
    to beyond its cells: every one when it is placed at a region or country, else only those."""
    if rules.wider_overlap is None or not report.country_code:
        return []
    # Equalities on the precision, so the index narrows each to its date window.
    precisions = TOWN_PRECISIONS if is_wide(report) else (GEO_PRECISION_REGION,)
    return [*_in_window(*_of_country(report.country_code, precisions), days), *_seat_queries(report, rules, days)]


def _seat_queries(report: Report, rules: MergeRules, days: tuple[int, int] | None) -> list[tuple[str, list[Any]]]:
    """The searches for the happenings of the report's region that ``merge.seat_for_region`` may
    join it to: its towns' that give a toll for a report at the region's seat, the seat's for a
    report at one of its towns; none for a report that gives no toll, which that rule never joins."""
    if not rules.seat_as_region or report.fatalities <= 0 or not report.admin1 or is_wide(report):
        return []
    sql, params = _of_country(report.country_code, TOWN_PRECISIONS)
    sql += " AND admin1 = ? AND deaths != ''"
    params.append(report.admin1)
    if report.feature_code != REGION_SEAT_FEATURE:
        sql += " AND feature_code = ?"
        params.append(REGION_SEAT_FEATURE)
    return _in_window(sql, params, days)


def _of_country(country_code: str, precisions: Sequence[int]) -> tuple[str, list[Any]]:
    """The search of a country's happenings placed at one of ``precisions``, by its index."""
    sql = (
        f"SELECT {_HAPPENING_COLUMNS} FROM happenings INDEXED BY happenings_country WHERE cell_lat IS NOT NULL"
        f" AND country_code = ? AND geo_precision IN ({', '.join('?' for _ in precisions)})"
    )
    return sql, [country_code, *precisions]


def _in_window(sql: str, params: list[Any], days: tuple[int, int] | None) -> list[tuple[str, list[Any]]]:
    """The searches of ``sql`` narrowed to the happenings dated in ``days`` and to the undated
    ones, two index searches (one, of every happening, when ``days`` is ``None``)."""
    if days is None:
        return [(sql, params)]
    return [(sql + " AND day BETWEEN ? AND ?", [*params, *days]), (sql + " AND day IS NULL", params)]


def _with_members(event: MergedEvent, reports: Sequence[Report]) -> MergedEvent:
    """A stored happening with the reports filed under it, their actors and deaths."""
    if not reports:
        return event
    return replace(
        event,
        reports=tuple(reports),
        actors=frozenset().union(*(r.actors for r in reports)),
        deaths=frozenset(r.fatalities for r in reports if r.fatalities > 0),
        place_words=frozenset().union(*(r.place_words for r in reports)),
    )


def _apart_happenings(conn: sqlite3.Connection, event_id: str) -> frozenset[str]:
    """The happenings holding a report this one was split from."""
    rows = conn.execute(
        "SELECT DISTINCT e.happening_id FROM happening_splits s JOIN events e ON e.event_id = s.apart_from "
        "WHERE s.event_id = ? AND e.happening_id IS NOT NULL",
        (event_id,),
    )
    return frozenset(happening for (happening,) in rows)


def _merged(row: Sequence[Any]) -> MergedEvent:
    happening_id, event_type, sub_type, day, precision, lat, lon, published, words = row[:9]
    country_code, admin1, feature_code, geo_precision, deaths, place_words, size = row[9:16]
    return MergedEvent(
        happening_id,
        event_type,
        sub_type,
        _day(day),
        precision,
        lat,
        lon,
        _words(words),
        published=_day(published),
        geo_precision=geo_precision,
        country_code=country_code,
        admin1=admin1,
        feature_code=feature_code,
        deaths=frozenset(int(n) for n in deaths.split()),
        place_words=_words(place_words),
        size=size,
    )


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    # A busy place's happenings are candidates of every report near it: read their words once.
    return frozenset(text.split())


def _happening_row(event: MergedEvent, *, blocked: bool) -> tuple[Any, ...]:
    """The values of ``_HAPPENING_COLUMNS`` then of the blocking key's columns (``_BLOCK_COLUMNS``)."""
    key = block_key(event.lat, event.lon, event.event_date)
    cell = (key.cell_lat, key.cell_lon, key.day) if blocked else (None, None, None)
    return (
        event.event_id,
        event.event_type,
        event.sub_event_type,
        _iso(event.event_date),
        event.date_precision,
        event.lat,
        event.lon,
        _iso(event.published),
        " ".join(sorted(event.words)),
        event.country_code,
        event.admin1,
        event.feature_code,
        event.geo_precision,
        " ".join(str(n) for n in sorted(event.deaths)),
        " ".join(sorted(event.place_words)),
        event.size,
        *cell,
    )


_BLOCK_COLUMNS = ("cell_lat", "cell_lon", "day")
_ROW_COLUMNS = (*(name.strip() for name in _HAPPENING_COLUMNS.split(",")), *_BLOCK_COLUMNS)
_INSERT_HAPPENING_SQL = (
    f"INSERT INTO happenings ({', '.join(_ROW_COLUMNS)}) VALUES ({', '.join('?' for _ in _ROW_COLUMNS)})"
)
# Every column but the id: a region's or country's happening a town's report joined moves to
# the town (``MergedEvent.with_report``).
_UPDATE_HAPPENING_SQL = (
    f"UPDATE happenings SET {', '.join(f'{name} = ?' for name in _ROW_COLUMNS[1:])} WHERE happening_id = ?"
)


def _insert_happening(conn: sqlite3.Connection, event: MergedEvent, *, blocked: bool) -> None:
    conn.execute(_INSERT_HAPPENING_SQL, _happening_row(event, blocked=blocked))


def _update_happening(conn: sqlite3.Connection, event: MergedEvent) -> None:
    row = _happening_row(event, blocked=True)
    conn.execute(_UPDATE_HAPPENING_SQL, (*row[1:], row[0]))


# ---------------------------------------------------------------------------
# taking reports out: a re-parse deletes an article's rows, a split moves one


def happenings_of_article(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """The happenings an article's rows are filed under (before they are deleted)."""
    rows = conn.execute(
        "SELECT DISTINCT happening_id FROM events WHERE article_id = ? AND happening_id IS NOT NULL", (article_id,)
    )
    return [happening for (happening,) in rows]


def refile(conn: sqlite3.Connection, happening_ids: Iterable[str], rules: MergeRules | None = None) -> None:
    """Build ``happening_ids`` again from the rows still filed under them (a report left):
    the first remaining report founds it, the others join it in stored order."""
    for happening_id in dict.fromkeys(happening_ids):
        conn.execute("DELETE FROM happenings WHERE happening_id = ?", (happening_id,))
        rows = conn.execute(
            f"SELECT {_REPORT_COLUMNS} FROM events WHERE happening_id = ? ORDER BY id", (happening_id,)
        ).fetchall()
        if not rows:
            continue
        reports = [_report(row) for row in rows]
        event = MergedEvent.first(reports[0])
        for report in reports[1:]:
            event = event.with_report(report)
        _insert_happening(conn, event, blocked=rows[0][13] == MERGED_ORIGIN)
        conn.execute("UPDATE events SET happening_id = ? WHERE happening_id = ?", (event.event_id, happening_id))


def split(
    conn: sqlite3.Connection, event_ids: Sequence[str], added_at: str, rules: MergeRules | None = None
) -> str | None:
    """Take the reports ``event_ids`` (of one happening) out of it, for good, together: they stay
    apart from the reports left; returns the happening they now belong to (the first's), or None
    when no stored row has the first id."""
    found = conn.execute("SELECT happening_id FROM events WHERE event_id = ?", (event_ids[0],)).fetchone()
    if found is None:
        return None
    (happening_id,) = found
    leaving = set(event_ids)
    others = [
        other
        for (other,) in conn.execute("SELECT event_id FROM events WHERE happening_id = ?", (happening_id,))
        if other not in leaving
    ]
    conn.executemany(
        "INSERT OR IGNORE INTO happening_splits VALUES (?, ?, ?)",
        [pair for e in leaving for other in others for pair in ((e, other, added_at), (other, e, added_at))],
    )
    marks = ", ".join("?" for _ in leaving)
    conn.execute(
        f"UPDATE events SET happening_id = NULL WHERE happening_id = ? AND event_id IN ({marks})",
        (happening_id, *sorted(leaving)),
    )
    refile(conn, [happening_id], rules)
    file_pending(conn, rules)
    (now,) = conn.execute("SELECT happening_id FROM events WHERE event_id = ?", (event_ids[0],)).fetchone()
    return str(now)


def split_pairs(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every stored "these are two events" correction, as (event id, apart from) pairs."""
    return [(a, b) for a, b in conn.execute("SELECT event_id, apart_from FROM happening_splits ORDER BY added_at")]


# ---------------------------------------------------------------------------
# reading coded events


def several_dates(conn: sqlite3.Connection) -> dict[str, tuple[date | None, int] | None]:
    """The happenings that hold more than one report, each with its date and date precision
    (the most precise its reports give); None where the happening's stored date does not
    read back (its coded event keeps its first report's). One scan of the happening index."""
    rows = conn.execute(
        "SELECT s.happening_id, h.happening_id, h.event_date, h.date_precision FROM "
        "(SELECT happening_id FROM events INDEXED BY events_happening WHERE happening_id IS NOT NULL "
        "GROUP BY happening_id HAVING count(*) > 1) AS s LEFT JOIN happenings AS h USING (happening_id)"
    )
    found: dict[str, tuple[date | None, int] | None] = {}
    for happening_id, filed, day, precision in rows:
        try:
            found[happening_id] = (_day(day), precision) if filed is not None else None
        except ValueError:
            found[happening_id] = None  # an impossible stored date
    return found


@lru_cache(maxsize=65_536)
def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
