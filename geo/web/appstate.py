"""What the map page shows, as pure functions over the records.

The page (``app.py``) only lays out widgets; everything it decides lives here: the
keys of its session state, the filter the sidebar asks for, the time window and the
events inside it, the table and the timeline, which events a click on the map means,
and an article with the quote of its event highlighted. Nothing here imports
Streamlit or touches a file, so each piece is tested on its own.

Events arrive sorted by date (the store's order: undated first), which lets a time
window be cut out of them with two binary searches instead of a new query.
"""

from __future__ import annotations

import html
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType
from typing import TYPE_CHECKING

from gazetteer.entry import Entry
from geo.filters import EventFilter
from geo.map.names import PlaceKey, common_names, shown_name
from geo.records import EVENT_TYPES, Event, PlaceOverride

if TYPE_CHECKING:
    import pandas

    from geo.map.opening import Opening

#: Days a step of the map's player, as it starts (the map offers others).
DEFAULT_STEP_DAYS = 7

#: Every key the page keeps in its session state, with the value it starts from; the
#: page sets no other key. Widgets whose value the page reads or resets (filters, the
#: date slider, forms) start from here rather than from their own defaults.
SESSION_DEFAULTS: Mapping[str, object] = MappingProxyType(
    {
        "store": None,  # this browser session's connection to the event store
        "period": None,  # the store's date range as of the last run
        "window": None,  # the dates the sidebar lets through
        "window_default": None,  # the window the page opened on for the current data
        "keep_frame": False,  # the map keeps its frame when filters or dates change
        "map_frame": None,  # the bounds the map was last drawn with
        "selected_id": None,  # the event shown in the article panel
        "below_tab": "Article",  # the tab open below the map: a click on the feed or a marker opens the article
        "new_articles": (),
        "focus_new": False,  # the next run's map opens the popup of the newest event added  # ids of the articles the last paste or upload added: their events are highlighted
        "click": None,  # (lat, lon, tooltip) of the last marker clicked
        "click_seen": None,  # the map's last click handled, never taken again as a new one
        "here_choice": None,  # the event picked among those of the marker clicked
        "here_for": None,  # the marker those were picked from (its first event id)
        "table_round": 0,  # a new table widget (and its selection) after each map click
        "table_key": "",  # the table widget of this run, and its rows' event ids
        "table_ids": (),
        "upload_round": 0,  # a new, empty uploader after each upload
        "notice": None,  # (kind, message) shown once at the top
        "demo_failed": False,  # the demo corpus could not be read: not tried again
        "candidates": (),  # places offered for a correction, and the event they are for
        "candidates_for": None,
        "candidate_choice": 0,
        "place_query": "",
        "correct_everywhere": False,
        "fix_for": None,  # the event the type/date correction widgets were filled from
        "fix_type": EVENT_TYPES[0],
        "fix_sub": "",
        "fix_date": None,
        "fix_undo_choice": None,  # the corrected event of the article to put back as parsed
        "unplaced_for": None,  # the article the names we could not place were listed for
        "unplaced": (),
        "unplaced_choice": None,
        "unplaced_query": "",
        "unplaced_candidates": (),  # places offered for the chosen name
        "unplaced_pick": 0,
        "f_types": [],
        "f_countries": [],
        "f_sources": [],
        "f_origins": [],
        "f_text": "",
        "f_confidence": 0.0,
        "paste_title": "",
        "paste_source": "",
        "paste_text": "",
        "paste_published": None,
        "upload_published": None,
        "url_text": "",
        "url_published": None,
        "timeline_coverage": False,
        "split_choice": None,  # the article whose reports a split takes out of the event shown  # the timeline counts reports (coverage) instead of events
    }
)
#: Keys of widgets that take no value from the page (buttons, the map); Streamlit keeps
#: their state and refuses a first value for them.
WIDGET_KEYS: frozenset[str] = frozenset(
    {
        "map",
        "feed",
        "show_all_new",
        "range_7",
        "range_30",
        "range_90",
        "range_all",
        "range_main",
        "load_candidates",
        "look_up",
        "apply_correction",
        "fix_save",
        "fix_delete",
        "fix_undo",
        "unplaced_list",
        "unplaced_look_up",
        "place_unplaced",
        "split_report",
        "add_files",
        "dl_geojson",
        "dl_csv",
        "dl_html",
        "dl_png",
    }
)
#: Widgets made anew to start empty: the key is the prefix and a round number.
ROUND_KEY_PREFIXES: tuple[str, ...] = ("table_", "uploads_", "months_")


def uploader_key(upload_round: int) -> str:
    return f"uploads_{upload_round}"


def months_key(months: tuple[date, date]) -> str:
    """The months slider's key for the months it starts from."""
    return f"months_{months[0]:%Y-%m}_{months[1]:%Y-%m}"


def table_key(table_round: int, content: str) -> str:
    return f"table_{table_round}_{content}"


#: Keys Streamlit and streamlit-folium name themselves: a form's submit button, and the
#: map component's state under the 64 hex digits of the map's hash.
_STREAMLIT_OWN_KEY = re.compile(r"FormSubmitter:.*|[0-9a-f]{64}", re.DOTALL)


def session_key_declared(key: str) -> bool:
    """Whether ``key`` is one the page declares above, or one Streamlit names itself."""
    return (
        key in SESSION_DEFAULTS
        or key in WIDGET_KEYS
        or key.startswith(ROUND_KEY_PREFIXES)
        or _STREAMLIT_OWN_KEY.fullmatch(key) is not None
    )


#: The table's columns, in the order shown: ``name`` is the name the articles use
#: most for the place (``place_names``), the others are the event record's.
TABLE_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "name",
    "place",
    "country_code",
    "mention",
    "quote",
    "title",
    "source",
    "sources",
    "confidence",
    "origin",
    "event_id",
)

#: The table lists at most this many events (the clicked ones, then the newest):
#: enough to browse, light to send; the downloads hold every event in view.
TABLE_MAX_ROWS = 5000

#: Without a tooltip to tell markers apart, a click counts only on a marker's own
#: point (allowing for the browser's rounding): a click beside every marker selects nothing.
CLICK_TOLERANCE_DEG = 1e-3

Window = tuple[date, date]


# ---------------------------------------------------------------------------
# the filter


def sidebar_filter(
    *,
    event_types: Iterable[str] = (),
    countries: Iterable[str] = (),
    sources: Iterable[str] = (),
    origins: Iterable[str] = (),
    text: str = "",
    min_confidence: float = 0.0,
) -> EventFilter:
    """The filter the sidebar's widgets ask for, without dates (the window adds them).

    An empty choice lets everything through, as in ``EventFilter``.
    """
    unknown = sorted(set(event_types) - set(EVENT_TYPES))
    if unknown:
        raise ValueError(f"event types must be among {EVENT_TYPES}, got {unknown!r}")
    return EventFilter(
        event_types=frozenset(event_types),
        country_codes=frozenset(countries),
        sources=frozenset(sources),
        origins=frozenset(origins),
        text=text.strip(),
        min_confidence=float(min_confidence),
    )


def windowed(flt: EventFilter, window: Window | None, period: Window | None) -> EventFilter:
    """``flt`` limited to ``window``; a window that spans the whole period adds no
    date limit, so undated events stay on the map until the user narrows time."""
    if window is None or period is None or covers(window, period):
        return replace(flt, date_from=None, date_to=None)
    return replace(flt, date_from=window[0], date_to=window[1])


def filter_key(flt: EventFilter) -> tuple:
    """A hashable, order-independent key for caching what ``flt`` selects."""
    return (
        flt.date_from,
        flt.date_to,
        tuple(sorted(flt.event_types)),
        tuple(sorted(flt.country_codes)),
        tuple(sorted(flt.sources)),
        tuple(sorted(flt.origins)),
        flt.bbox,
        flt.min_confidence,
        flt.text,
    )


# ---------------------------------------------------------------------------
# time: the window


def covers(window: Window, period: Window) -> bool:
    return window[0] <= period[0] and window[1] >= period[1]


def clamp_window(window: Window | None, period: Window) -> Window:
    """``window`` kept inside ``period`` (the whole period when it falls outside)."""
    if window is None:
        return period
    start, end = max(window[0], period[0]), min(window[1], period[1])
    return (start, end) if start <= end else period


def in_window(events: Sequence[Event], window: Window | None) -> Sequence[Event]:
    """The events of ``events`` (sorted by date, undated first) dated inside ``window``;
    all of them for no window."""
    if window is None:
        return events
    undated = bisect_right(events, False, key=lambda e: e.event_date is not None)
    dated = events[undated:]
    low = bisect_left(dated, window[0], key=_event_date)
    high = bisect_right(dated, window[1], key=_event_date)
    return dated[low:high]


def _event_date(event: Event) -> date:
    return event.event_date  # type: ignore[return-value]  # only dated events reach here


def period_of(date_range: Window | None, *, today: date) -> Window:
    """The slider's bounds: the store's date range, or today alone when nothing is dated.

    A one-day range is widened by a day, since a slider needs two distinct ends.
    """
    first, last = date_range if date_range is not None else (today, today)
    if first == last:
        last = first + timedelta(days=1)
    return first, last


# ---------------------------------------------------------------------------
# time: the default window, quick ranges and months

#: At most this share of the dated events is left out of the default window: only
#: strays at the ends (a mistyped year, a retrospective mention) are worth hiding.
DEFAULT_WINDOW_MAX_HIDDEN = 0.02
#: Strays are cut off only beyond an empty gap this long, and at least a quarter of
#: the span of the rest: a thin but steady tail of events is part of the story.
DEFAULT_WINDOW_MIN_GAP_DAYS = 14
DEFAULT_WINDOW_GAP_SHARE = 0.25
#: The quick ranges beside the slider, in days back from the newest event.
QUICK_RANGE_DAYS: tuple[int, ...] = (7, 30, 90)
#: Over a period longer than this, the page offers a slider of months too.
MONTH_CONTROL_OVER_DAYS = 366


def default_window(days: Sequence[date], period: Window) -> Window:
    """The window the page opens on: the period without its stray early or late dates.

    ``days`` are the dated events' dates, sorted. At each end, the outermost events are
    left out when an empty gap of at least ``DEFAULT_WINDOW_MIN_GAP_DAYS`` days and
    ``DEFAULT_WINDOW_GAP_SHARE`` of the remaining span parts them from the rest, and
    never more than ``DEFAULT_WINDOW_MAX_HIDDEN`` of all events (so with fewer than 50
    events nothing is hidden). The window then widens to whole weeks, Monday to
    Sunday, inside ``period``. A quantile cut alone would also clip the first and last
    days of a busy corpus with no stray at all; a gap alone would let one stray
    of a thousand events hide hundreds.
    """
    budget = int(len(days) * DEFAULT_WINDOW_MAX_HIDDEN)
    if budget == 0:
        return period
    bulk_days = (days[-1 - budget] - days[budget]).days
    least = max(DEFAULT_WINDOW_MIN_GAP_DAYS, DEFAULT_WINDOW_GAP_SHARE * bulk_days)
    early = _stray_count([(days[k] - days[k - 1]).days for k in range(1, budget + 1)], least)
    late = _stray_count([(days[-k] - days[-k - 1]).days for k in range(1, budget - early + 1)], least)
    first, last = days[early], days[-1 - late]
    first -= timedelta(days=first.weekday())
    last += timedelta(days=6 - last.weekday())
    return clamp_window((first, last), period)


def _stray_count(gaps: Sequence[int], least: float) -> int:
    """How many events at one end stand apart: ``gaps[k]`` is the gap (days) between
    the (k+1)-th outermost event and the next one in; the cut goes after the widest
    gap when that is at least ``least`` days."""
    if not gaps:
        return 0
    widest, cut = max((gap, k + 1) for k, gap in enumerate(gaps))
    return cut if widest >= least else 0


def event_days(events: Sequence[Event]) -> list[date]:
    """The dates of the dated events of ``events`` (sorted by date, undated first), in order."""
    undated = bisect_right(events, False, key=lambda e: e.event_date is not None)
    return [_event_date(e) for e in events[undated:]]


#: Play should pass through a chosen range in about this many steps at most (at a
#: step a second, under a minute), with the finest step that allows.
PLAY_MAX_STEPS = 40


def play_step_days(window: Window) -> int:
    """Days a step of the map's player for ``window``: the smallest of the map's step
    choices that plays it in ``PLAY_MAX_STEPS`` steps, else the largest (a month a step
    over years)."""
    from geo.map.mapview import PLAY_STEP_CHOICES_DAYS

    span = (window[1] - window[0]).days + 1
    return next((s for s in PLAY_STEP_CHOICES_DAYS if span / s <= PLAY_MAX_STEPS), PLAY_STEP_CHOICES_DAYS[-1])


def dated_outside(days: Sequence[date], window: Window) -> int:
    """How many of ``days`` (sorted) lie outside ``window``."""
    return bisect_left(days, window[0]) + len(days) - bisect_right(days, window[1])


def timeline_domain(window: Window, period: Window, default: Window) -> Window:
    """The dates the timeline spans: the whole period when the window shows it all,
    otherwise the default window and the chosen one together, so a stray date far
    away does not squeeze the bars the analyst is looking at into a corner."""
    if covers(window, period):
        return period
    return min(window[0], default[0]), max(window[1], default[1])


def quick_window(days_back: int | None, period: Window) -> Window:
    """The last ``days_back`` days of ``period`` (up to its newest event), or all of it for None."""
    if days_back is None:
        return period
    if days_back < 1:
        raise ValueError(f"a quick range is at least one day, got {days_back!r}")
    return max(period[0], period[1] - timedelta(days=days_back - 1)), period[1]


def month_starts(period: Window) -> list[date]:
    """The first day of every month ``period`` touches, in order."""
    month, months = period[0].replace(day=1), []
    while month <= period[1]:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def months_of(window: Window) -> tuple[date, date]:
    """The months ``window`` starts and ends in, as their first days."""
    return window[0].replace(day=1), window[1].replace(day=1)


def window_of_months(months: tuple[date, date], period: Window) -> Window:
    """The days from the first of one month to the end of another, inside ``period``."""
    end = (months[1] + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return clamp_window((months[0], end), period)


@dataclass(frozen=True, slots=True)
class TimeAxis:
    """How the timeline labels its axis: a d3 time format and a tick every ``step`` ``interval``s."""

    format: str
    interval: str  # "day", "week", "month" or "year", as Vega-Lite names them
    step: int


#: Ticks the timeline aims at, at most: labels stay apart on a narrow page.
AXIS_MAX_TICKS = 8


def timeline_axis(period: Window) -> TimeAxis:
    """Axis labels that say what an analyst needs at the period's scale: years over
    several years, months with their year when the period crosses a new year (never
    "April October April"), days with months over a few weeks."""
    span = (period[1] - period[0]).days + 1
    years = period[0].year != period[1].year
    if span > 3 * 365:
        return TimeAxis("%Y", "year", math.ceil(span / 365.25 / AXIS_MAX_TICKS))
    if span > 92:
        months = span / 30.44
        step = next((s for s in (1, 2, 3, 6) if months / s <= AXIS_MAX_TICKS), 12)
        return TimeAxis("%b %Y" if years else "%b", "month", step)
    weeks = span / 7
    if weeks > AXIS_MAX_TICKS / 2:
        return TimeAxis("%d %b %Y" if years else "%d %b", "week", math.ceil(weeks / AXIS_MAX_TICKS))
    return TimeAxis("%d %b %Y" if years else "%d %b", "day", math.ceil(span / AXIS_MAX_TICKS))


Bounds = tuple[float, float, float, float]


def map_bounds(events: Sequence[Event], *, opening: Opening | None = None) -> Bounds | None:
    """``(min_lon, min_lat, max_lon, max_lat)`` for the map: the busiest theatre's frame
    when the events lie in several (``geo.map.opening``, as a briefing picture frames
    them), else the view the map builder picks for ``events`` (their core when a few lie
    far away), or None when that is a single point (the builder then frames the events itself).

    ``opening`` is ``opening_view(events)`` when it is at hand (the page builds the map's
    theatre buttons from the same one): it reads every event, so it is worked out once.

    Play runs inside the map, which is not rebuilt while it plays, so the frame holds
    still through play whatever events it was fitted to.
    """
    from geo.map.framing import core_bounds
    from geo.map.opening import opening_view

    if opening is None:
        # The theatres' names are not needed for the frame: no names, no look-up of them.
        opening = opening_view(events, names={})
    if opening.frame is not None:
        return opening.frame
    box = core_bounds(events)
    if box is None or box[0] >= box[2] or box[1] >= box[3]:
        return None
    return box


def map_frame(events: Sequence[Event], *, held: Bounds | None, keep: bool) -> Bounds | None:
    """The bounds the map opens on: those of ``events`` (the events in view, so a
    change of filters or dates brings them into view), or ``held`` when the user keeps
    the frame and there is one."""
    if keep and held is not None:
        return held
    return map_bounds(events)


# ---------------------------------------------------------------------------
# what the page shows of the visible events


def counts_by_type(events: Iterable[Event]) -> dict[str, int]:
    """Events per type, every type present (0 when none), in ``EVENT_TYPES`` order."""
    counts = Counter(e.event_type for e in events)
    return {t: counts.get(t, 0) for t in EVENT_TYPES}


def daily_counts(events: Iterable[Event], *, coverage: bool = False) -> pandas.DataFrame:
    """Events per day and type (``event_date``, ``event_type``, ``events``), undated left out;
    with ``coverage``, the reports that tell them (a merged event counts each of its reports)."""
    import pandas as pd

    counts: Counter[tuple[date, str]] = Counter()
    for e in events:
        if e.event_date is not None:
            counts[(e.event_date, e.event_type)] += max(len(e.reports), 1) if coverage else 1
    rows = sorted((day, kind, n) for (day, kind), n in counts.items())
    frame = pd.DataFrame(rows, columns=["event_date", "event_type", "events"])
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    return frame


def events_table(
    events: Sequence[Event],
    *,
    first: Iterable[str] = (),
    limit: int = TABLE_MAX_ROWS,
    names: Mapping[PlaceKey, str] | None = None,
) -> pandas.DataFrame:
    """The table of ``events`` (``TABLE_COLUMNS``): the events whose ids are in
    ``first`` on top (a marker clicked on the map), then the newest, ``limit`` rows
    at most; places named as ``names`` says (by default, as the articles of ``events``
    name them most)."""
    import pandas as pd

    if names is None:
        names = common_names(events)

    wanted = set(first)
    chosen = [e for e in events if e.event_id in wanted] if wanted else []
    for e in reversed(events):  # events come oldest first
        if len(chosen) >= limit:
            break
        if e.event_id not in wanted:
            chosen.append(e)
    rows = [
        tuple(shown_name(e, names) if column == "name" else getattr(e, column) for column in TABLE_COLUMNS)
        for e in chosen[:limit]
    ]
    frame = pd.DataFrame.from_records(rows, columns=list(TABLE_COLUMNS))
    frame["event_date"] = pd.to_datetime(frame["event_date"])
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame


def clicked_marker(value: object) -> tuple[float, float, str] | None:
    """(lat, lon, tooltip) of the marker a value of the map's widget reports clicked; None
    when it reports none."""
    if not isinstance(value, Mapping):
        return None
    point = value.get("last_object_clicked")
    if not isinstance(point, Mapping):
        return None
    return float(point["lat"]), float(point["lng"]), value.get("last_object_clicked_tooltip") or ""


def new_click(value: object, seen: tuple[float, float, str] | None) -> tuple[float, float, str] | None:
    """The marker ``value`` (of the map's widget) reports clicked, unless it is ``seen``, the
    click handled last. The map reports one marker clicked twice in a row once; a value sent
    again by a map drawn before (by the browser, when another run cut the page's run short)
    is no new click: taken as one after a correction had moved its event away, it chose an
    event that was gone and the article panel, correction form and all, went blank."""
    clicked = clicked_marker(value)
    return None if clicked is None or clicked == seen else clicked


def clicked_events(
    events: Sequence[Event],
    lat: float,
    lon: float,
    *,
    tooltip: str = "",
    cluster_over: int,
    names: Mapping[PlaceKey, str] | None = None,
) -> tuple[Event, ...]:
    """The events of the map marker a click landed on, newest first; none when the
    click hit no marker.

    The map draws ``events`` grouped as ``geo.map.mapview.marker_groups`` groups them, so
    the same grouping finds the marker again. The browser reports the marker's tooltip
    and a point: the marker's centre for small markers, the pointer's position on a
    large one, so the tooltip picks among markers and the point among equal tooltips.
    ``names`` are the place names the map was drawn with (by default, as ``build_map`` names them).
    """
    from geo.map.mapview import MAX_MARKERS, marker_groups, tooltip_text

    groups = marker_groups(events, max_markers=MAX_MARKERS if len(events) > cluster_over else None, names=names)
    wanted = " ".join(tooltip.split())
    named = [g for g in groups if wanted and html.unescape(tooltip_text(g)) == wanted]
    candidates, tolerance = (named, float("inf")) if named else (groups, CLICK_TOLERANCE_DEG)
    best, best_distance = None, tolerance
    for group in candidates:
        distance = max(abs(group.lat - lat), abs(group.lon - lon))
        if distance <= best_distance:
            best, best_distance = group, distance
    return best.events if best is not None else ()


def table_choice(selection: object, ids: Sequence[str]) -> str | None:
    """The event id of the row a table selection names, or None.

    ``selection`` is Streamlit's selection state for a single-row table,
    ``{"selection": {"rows": [i], ...}}``; ``ids`` are the table's event ids in row order.
    """
    chosen = selection.get("selection") if isinstance(selection, Mapping) else None
    rows = (chosen.get("rows") if isinstance(chosen, Mapping) else None) or []
    if rows and isinstance(rows[0], int) and 0 <= rows[0] < len(ids):
        return ids[rows[0]]
    return None


def event_place_line(event: Event, name: str = "") -> str:
    """Where an event is: the place as written when it differs, then ``name`` (the
    name people use) with the gazetteer's place, region and country:
    ``Palmyra (Tadmur, Homs, SY)``."""
    resolved = ", ".join(p for p in (event.place, event.admin1, event.country_code) if p)
    where = f"{name} ({resolved})" if name and name.casefold() != event.place.casefold() else resolved
    if event.mention and event.mention.casefold() not in (event.place.casefold(), name.casefold()):
        return f"\u201c{event.mention}\u201d \u2192 {where}"
    return where


def event_label(event: Event, name: str = "") -> str:
    """One line naming an event in a list: date, type, place (``name``, else the gazetteer's) and title."""
    when = event.event_date.isoformat() if event.event_date else "undated"
    title = f" — {event.title}" if event.title else ""
    return f"{when} · {event.event_type} · {name or event.place}{title}"


# ---------------------------------------------------------------------------
# the article beside the map


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def find_quote(text: str, quote: str) -> Span | None:
    """Where ``quote`` stands in ``text``, whatever the whitespace between its words
    (quotes are stored with whitespace collapsed); None when it is not there."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return Span(match.start(), match.end()) if match else None


def article_html(text: str, quote: str) -> str:
    """``text`` as HTML, every character escaped, paragraphs kept, the quote marked."""
    span = find_quote(text, quote)
    if span is None:
        return _paragraphs(html.escape(text))
    marked = (
        html.escape(text[: span.start])
        + "<mark>"
        + html.escape(text[span.start : span.end])
        + "</mark>"
        + html.escape(text[span.end :])
    )
    return _paragraphs(marked)


def _paragraphs(escaped: str) -> str:
    # Blank lines separate paragraphs; a single newline is a line break.
    blocks = [b.strip() for b in re.split(r"\n\s*\n", escaped) if b.strip()]
    return "".join(f"<p>{b.replace(chr(10), '<br>')}</p>" for b in blocks)


# ---------------------------------------------------------------------------
# corrections


def entry_label(entry: Entry) -> str:
    """A gazetteer entry as a user picks it: name, region, country, kind, population."""
    parts = [entry.name]
    if entry.admin1 and entry.admin1 != entry.name:
        parts.append(entry.admin1)
    if entry.country_code:
        parts.append(entry.country_code)
    people = f", pop. {entry.population:,}" if entry.population else ""
    return f"{', '.join(parts)} ({entry.feature_code}{people}; {entry.lat:.3f}, {entry.lon:.3f})"


def override_for(event: Event, entry: Entry, *, everywhere: bool) -> PlaceOverride:
    """The correction "the place written as this event's mention is ``entry``",
    for this article only or for every article."""
    return PlaceOverride.to_entry(event.mention, entry, article_id="" if everywhere else event.article_id)
