"""Corrections of events (type, sub-type, date, or "no event at all"), as the store keeps them.

The store writes an event as corrected: every read (the map, the table, the filters, the
GeoJSON, CSV and ACLED exports) sees the corrected values and never the deleted event,
with no join on the way. Each correction keeps the event as it was before it (its
``original``), so undoing one puts that back. An event written again, when its article is
parsed again or a file imported again, is corrected on the way in, and its ``original`` is
renewed; the correction finds it by its id, else by where it was read (article, mention
and sentence), since correcting the place changes the id.

Pure functions here; the SQL runs in ``geo.store.store``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from gazetteer.normalize import normalize
from geo.records import DATE_PRECISION_DAY, Event, EventCorrection, stable_id

#: The table of event corrections (a migration step of the store).
CREATE_TABLE_SQL = """CREATE TABLE event_corrections (
    event_id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL DEFAULT '',
    article_id TEXT NOT NULL DEFAULT '',
    mention TEXT NOT NULL DEFAULT '',
    quote TEXT NOT NULL DEFAULT '',
    event_type TEXT,
    sub_event_type TEXT,
    event_date TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    original TEXT NOT NULL,
    added_at TEXT NOT NULL
)"""
CREATE_INDEX_SQL = "CREATE INDEX event_corrections_site ON event_corrections (site_key)"

#: A correction's columns as ``correction_from_row`` reads them.
CORRECTION_COLUMNS = (
    "event_id",
    "article_id",
    "mention",
    "quote",
    "event_type",
    "sub_event_type",
    "event_date",
    "deleted",
)


def site_key(article_id: str, mention: str, quote: str) -> str:
    """Where an event was read: its article, the name as written and its sentence.
    Empty for an event of no article (an imported one), which only its id finds."""
    if not article_id:
        return ""
    return stable_id(article_id, normalize(mention), " ".join(quote.split()))


def event_site_key(event: Event) -> str:
    return site_key(event.article_id, event.mention, event.quote)


def correction_site_key(correction: EventCorrection) -> str:
    return site_key(correction.article_id, correction.mention, correction.quote)


def merged(earlier: EventCorrection | None, later: EventCorrection) -> EventCorrection:
    """Two corrections of one event as one: what the later sets wins, the rest stays."""
    if earlier is None:
        return later
    return replace(
        earlier,
        event_type=later.event_type if later.event_type is not None else earlier.event_type,
        sub_event_type=later.sub_event_type if later.sub_event_type is not None else earlier.sub_event_type,
        event_date=later.event_date if later.event_date is not None else earlier.event_date,
        deleted=later.deleted,
    )


def corrected(event: Event, correction: EventCorrection) -> Event | None:
    """``event`` as ``correction`` says it is, or None when it says there is no such event."""
    if correction.deleted:
        return None
    changes: dict[str, Any] = {}
    if correction.event_type is not None:
        changes["event_type"] = correction.event_type
    if correction.sub_event_type is not None:
        changes["sub_event_type"] = correction.sub_event_type
    if correction.event_date is not None:
        # A date the user gives is a day.
        changes["event_date"] = correction.event_date
        changes["date_precision"] = DATE_PRECISION_DAY
    return replace(event, **changes) if changes else event


def correction_for(
    event: Event, by_id: Mapping[str, EventCorrection], by_site: Mapping[str, EventCorrection]
) -> EventCorrection | None:
    """The correction of ``event``: by its id, else by where it was read."""
    found = by_id.get(event.event_id)
    if found is None:
        key = event_site_key(event)
        found = by_site.get(key) if key else None
    return found


def correction_row(correction: EventCorrection, original_row: Sequence[Any], added_at: str) -> tuple[Any, ...]:
    """The table's row of ``correction``; ``original_row`` is the event's stored row before it."""
    return (
        correction.event_id,
        correction_site_key(correction),
        correction.article_id,
        correction.mention,
        correction.quote,
        correction.event_type,
        correction.sub_event_type,
        correction.event_date.isoformat() if correction.event_date else None,
        int(correction.deleted),
        json.dumps(list(original_row), ensure_ascii=False),
        added_at,
    )


def correction_from_row(row: Sequence[Any]) -> EventCorrection:
    event_id, article_id, mention, quote, event_type, sub_event_type, event_date, deleted = row
    return EventCorrection(
        event_id,
        article_id,
        mention,
        quote,
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=date.fromisoformat(event_date) if event_date else None,
        deleted=bool(deleted),
    )


def original_row(text: str) -> list[Any]:
    """The stored row an ``original`` column holds."""
    row = json.loads(text)
    if not isinstance(row, list):
        raise ValueError(f"a correction's original event is not a row: {text[:80]!r}")
    return row
