"""The event feed beside the map, as pure functions over the records.

The feed lists the events in view newest first, one row each: the symbol their
marker carries on the map, the place as the articles name it, the date and one line
of the quote. A row knows its event's point, so a click can fly the map there.
Nothing here imports Streamlit; ``geo.web.feedview`` draws the rows.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from geo.map.glyphs import glyph_paths, shape_markup
from geo.map.mapview import EVENT_STYLE, SUB_EVENT_GLYPHS
from geo.map.names import PlaceKey, shown_name
from geo.records import Event

#: Rows the feed lists at most: the newest; the table and the downloads hold the rest.
FEED_MAX_ROWS = 200
#: Characters of the quote a row shows: about one line of the feed's width.
QUOTE_LINE_CHARS = 110

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")


@dataclass(frozen=True, slots=True)
class FeedRow:
    """One event as the feed lists it."""

    event_id: str
    event_type: str
    kind: str  # the sub-event type whose glyph the marker shows, "" for the type's own shape
    place: str  # the name the articles use for the place
    day: str  # ISO date, or "undated"
    quote: str  # the quote cut to one line
    lat: float
    lon: float
    new: bool = False  # added by the user's last paste or upload
    origin: str = "conflictmap"  # parsed here, or imported (the map's origin toggles show or hide it)


def one_line(text: str, limit: int = QUOTE_LINE_CHARS) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``limit``."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-\u2013\u2014") + "\u2026"


def newest_first(events: Sequence[Event], limit: int = FEED_MAX_ROWS) -> list[Event]:
    """Up to ``limit`` of ``events`` (in the store's order: undated first, then by date),
    the newest first and the undated last; among events of one day, the later stored first."""
    dated = [e for e in reversed(events) if e.event_date is not None]
    if len(dated) >= limit:
        return dated[:limit]
    undated = [e for e in reversed(events) if e.event_date is None]
    return dated + undated[: limit - len(dated)]


#: The dates the map's time control shows: from the first (None: from the start) to the last.
PlayWindow = tuple[date | None, date]


def _day_or_first(event: Event) -> date:
    return event.event_date or date.min


def in_play_window(events: Sequence[Event], window: PlayWindow | None) -> Sequence[Event]:
    """The events of ``events`` (in the store's order: undated first, then by date) that the
    map's time control shows at ``window``: those dated within it; all of them without one.
    Two bisections: a playback step costs the same on 100 events as on 100,000."""
    if window is None:
        return events
    first, last = window
    start = bisect_left(events, first or date(1, 1, 2), key=_day_or_first)
    end = bisect_right(events, last, key=_day_or_first)
    return events[start:end]


def day_counts(events: Sequence[Event]) -> dict[str, Any] | None:
    """How many of ``events`` each day holds, running: ``{"day0": ISO date, "upTo": [n, ...],
    "origins": ...}``, ``upTo[i]`` the dated events on or before ``day0`` + i days. The feed's
    head counts a playback step's events from it at once, before the page sends the step's
    rows. With events of several origins, ``origins`` counts each alike, ``{origin: {"upTo":
    [...], "total": events, undated too}}``, for the head to count the origins the map shows
    (None with one origin: the map has no origin toggles)."""
    days = [e.event_date for e in events if e.event_date is not None]
    if not days:
        return None
    first, last = min(days), max(days)
    origins = Counter(e.origin for e in events)
    by_origin = (
        {
            origin: {
                "upTo": _running_days([e.event_date for e in events if e.origin == origin], first, last),
                "total": n,
            }
            for origin, n in sorted(origins.items())
        }
        if len(origins) > 1
        else None
    )
    return {"day0": first.isoformat(), "upTo": _running_days(days, first, last), "origins": by_origin}


def _running_days(days: Sequence[date | None], first: date, last: date) -> list[int]:
    """The dated ``days`` on or before each day from ``first`` to ``last``, running."""
    day0 = first.toordinal()
    per_day = [0] * (last.toordinal() - day0 + 1)
    for day in days:
        if day is not None:
            per_day[day.toordinal() - day0] += 1
    running, total = [], 0
    for n in per_day:
        total += n
        running.append(total)
    return running


def shown_origins(events: Sequence[Event], hidden: Collection[str]) -> Sequence[Event]:
    """``events`` but those of the origins the map's toggles hide (``hidden``)."""
    return [e for e in events if e.origin not in hidden] if hidden else events


def feed_rows(
    events: Sequence[Event],
    names: Mapping[PlaceKey, str],
    *,
    new_articles: Collection[str] = (),
    limit: int = FEED_MAX_ROWS,
) -> tuple[FeedRow, ...]:
    """The feed of ``events``: newest first, ``limit`` rows at most; events of the
    articles in ``new_articles`` are marked new."""
    return tuple(
        FeedRow(
            event_id=e.event_id,
            event_type=e.event_type,
            kind=e.sub_event_type if e.sub_event_type in SUB_EVENT_GLYPHS else "",
            place=shown_name(e, names) or e.mention or "unknown place",
            day=e.event_date.isoformat() if e.event_date else "undated",
            quote=one_line(e.quote),
            lat=e.lat,
            lon=e.lon,
            new=bool(e.article_id) and e.article_id in new_articles,
            origin=e.origin,
        )
        for e in newest_first(events, limit)
    )


def icon_svg(row: FeedRow, size: int = 16) -> str:
    """The row's symbol as SVG markup: the marker's glyph for its sub-type, else its
    type's shape, in its type's colour (fixed markup from the map script's own tables)."""
    style = EVENT_STYLE.get(row.event_type) or EVENT_STYLE["other"]
    colour = style.colour if _HEX_COLOUR.fullmatch(style.colour) else "#777777"
    glyph = glyph_paths().get(row.kind) if row.kind else None
    body = f'<path d="{html.escape(glyph)}"/>' if glyph else shape_markup().get(style.icon, "")
    return (
        f'<svg viewBox="0 0 16 16" width="{size}" height="{size}" fill="{colour}" stroke="#333" '
        f'stroke-width="0.8" stroke-linejoin="round" aria-hidden="true">{body}</svg>'
    )


def icon_label(row: FeedRow) -> str:
    """What the symbol means, for its tooltip: the sub-type's name, else the type's."""
    if row.kind:
        return SUB_EVENT_GLYPHS[row.kind]
    return (EVENT_STYLE.get(row.event_type) or EVENT_STYLE["other"]).label


def _icon_key(row: FeedRow) -> str:
    return f"{row.event_type}/{row.kind}"


def feed_data(
    rows: Sequence[FeedRow],
    *,
    selected: str | None = None,
    total: int | None = None,
    focus: str | None = None,
    window: PlayWindow | None = None,
    days: dict[str, Any] | None = None,
    hidden: Collection[str] = (),
) -> dict[str, Any]:
    """What the feed's page script draws: every row's text (set as text, never as markup),
    the key of its symbol, its point and type; the symbols' SVG, once each; the selected
    event; how many events are in view (the map drawn for them holds as many); the event
    whose row the script flies the map to as soon as that map is drawn (``focus``); the
    playback step's dates the rows are of (``window``, None for every date) and the origins
    they leave out (``hidden``, as the map's toggles hide them); and the events in view
    counted by day (``day_counts``), for the script to count a step's events."""
    icons = {_icon_key(r): icon_svg(r) for r in rows}
    return {
        "icons": icons,
        "rows": [
            {
                "id": r.event_id,
                "icon": _icon_key(r),
                "what": icon_label(r),
                "place": r.place,
                "day": r.day,
                "quote": r.quote,
                "lat": r.lat,
                "lon": r.lon,
                "type": r.event_type,
                "new": r.new,
                "origin": r.origin,
            }
            for r in rows
        ],
        "selected": selected,
        "total": len(rows) if total is None else total,
        "focus": focus if any(r.event_id == focus for r in rows) else None,
        "window": None if window is None else {"from": _iso(window[0]), "to": window[1].isoformat()},
        "days": days,
        "hidden": sorted(hidden),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


#: Around newly added events the map shows at least this many degrees each way, so a
#: single new event opens on its town and surroundings, not on a point.
NEW_FRAME_MARGIN_DEG = 0.4


def new_events(events: Sequence[Event], new_articles: Collection[str]) -> list[Event]:
    """The events of ``events`` that come from the articles just added."""
    if not new_articles:
        return []
    return [e for e in events if e.article_id and e.article_id in new_articles]


def new_frame(events: Sequence[Event]) -> tuple[float, float, float, float] | None:
    """``(min_lon, min_lat, max_lon, max_lat)`` around ``events`` (those just added), at
    least ``NEW_FRAME_MARGIN_DEG`` each way of them; None without events."""
    if not events:
        return None
    lons = [e.lon for e in events]
    lats = [e.lat for e in events]
    pad = NEW_FRAME_MARGIN_DEG
    return (
        max(-180.0, min(lons) - pad),
        max(-90.0, min(lats) - pad),
        min(180.0, max(lons) + pad),
        min(90.0, max(lats) + pad),
    )
