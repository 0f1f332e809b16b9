"""conflictmap in the browser: ``streamlit run app.py``.

The page lays out widgets and nothing else: ``geo.web.appstate`` decides what is shown,
``geo.web.appactions`` changes the event store, ``geo.map.mapview`` draws the map. The store
is ``$CONFLICTMAP_DB`` or the user data directory; an empty store is filled with the
demo corpus on first start, so the first page is a real map.

Widgets act through callbacks: adding articles and applying a correction run in the
callback itself, under a progress indicator, before the run that reads the store.
Every browser session has its own connection to the store; what the page reads is
cached by the store's version, which every write anywhere changes, so another tab or
process sees a change on its next run. Play runs in the browser, inside the map.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import astuple, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import streamlit as st

from gazetteer.attribution import GEONAMES_CREDIT, NATURAL_EARTH_CREDIT
from gazetteer.errors import GazetteerError
from geo.errors import ConflictmapError
from geo.filters import EventFilter
from geo.map.mapview import EVENT_STYLE, ORIGIN_LABELS, safe_link
from geo.map.names import PlaceKey, shown_name
from geo.map.tiles import detail_tiles_url
from geo.read.uploads import ACCEPTED_SUFFIXES
from geo.records import EVENT_TYPES, Article, Event, stable_id
from geo.safetext import markdown_literal
from geo.store.store import EventStore, default_db_path
from geo.web import appactions as actions
from geo.web import appstate as view
from geo.web import corrections, feed, feedview, live, mapcache, timeline
from geo.web.headline import header_html
from geo.web.mapcache import CLUSTER_OVER, PLAYBACK, filtered_events, place_names, stored_days
from geo.web.timeline import daily_frame

if TYPE_CHECKING:
    import pandas
    from streamlit.elements.lib.mutable_status_container import StatusContainer

    from gazetteer.database import Gazetteer
    from geo.parse.pipeline import Pipeline

#: The map, and the feed beside it, take the window's height under the one-line header, so
#: the whole map with its legend is the first screen from a small laptop's window to a
#: desktop's; the browser sizes them (only it knows the window), within these bounds.
MAP_FIT = feedview.WindowFit(min=420, max=1000, gap=12)
#: The map's frame before the page script sizes it to the window: a height that fits a 700 px window.
MAP_HEIGHT = 560
TABLE_HEIGHT = 420
ARTICLE_HEIGHT = 420
TIMELINE_HEIGHT = 140
#: The map and the event feed share the width 3 : 1.
MAP_FEED_COLUMNS = (3, 1)
#: The tabs below the map; the first is the article of the event chosen on the map or in the feed.
BELOW_TABS = ("Article", "Events table", "Add articles", "Download")
#: What a map click sends back; nothing about panning or zooming, so those never rerun.
MAP_RETURNS = ["last_object_clicked", "last_object_clicked_tooltip"]
TYPE_GLYPHS = {"circle": "\u25cf", "square": "\u25a0", "diamond": "\u25c6", "triangle": "\u25b2"}


# ---------------------------------------------------------------------------
# cached resources and data


@st.cache_resource(show_spinner="Loading the language model and the gazetteer\u2026")
def load_pipeline() -> Pipeline:
    # $CONFLICTMAP_PIPELINE may name another loader, as for ``conflictmap ingest``.
    from geo.store.ingest import resolve_pipeline_factory

    return resolve_pipeline_factory()(None)


@st.cache_resource(show_spinner="Opening the gazetteer\u2026")
def load_gazetteer() -> Gazetteer:
    from gazetteer.database import open_gazetteer

    return open_gazetteer()


@st.cache_data(max_entries=8, show_spinner=False)
def table_frame(
    db: str,
    version: int,
    key: tuple,
    window: tuple,
    first: tuple[str, ...],
    _events: tuple[Event, ...],
    _names: Mapping[PlaceKey, str],
) -> pandas.DataFrame:
    return view.events_table(_events, first=first, names=_names)


# ---------------------------------------------------------------------------
# callbacks


def _init_session() -> None:
    for key, value in view.SESSION_DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = value


def _session_store(db: str) -> EventStore:
    """This browser session's own connection to the store (opened again when the
    store's path changed); it closes with the session."""
    state = st.session_state
    if state.store is None or str(state.store.path) != db:
        if state.store is not None:
            state.store.close()
        state.store = EventStore.open(Path(db))
    return state.store


def _notify(kind: str, message: str) -> None:
    st.session_state.notice = (kind, message)


def _on_map_click() -> None:
    clicked = view.new_click(st.session_state.get("map"), st.session_state.click_seen)
    if clicked is None:
        return
    st.session_state.click_seen = clicked
    st.session_state.click = clicked
    st.session_state.below_tab = BELOW_TABS[0]
    st.session_state.selected_id = None
    st.session_state.table_round += 1


def _on_table_select() -> None:
    state = st.session_state
    chosen = view.table_choice(state.get(state.get("table_key", "")), state.get("table_ids", ()))
    if chosen is not None:
        state.selected_id = chosen
        state.click = None


def _on_feed_pick() -> None:
    # The feed's script has flown the map already; the article panel follows.
    chosen = feedview.chosen_event(st.session_state.get(feedview.FEED_KEY))
    if chosen is not None:
        st.session_state.below_tab = BELOW_TABS[0]
        st.session_state.selected_id = chosen
        st.session_state.click = None
        st.session_state.table_round += 1
        st.session_state.feed_picked = True  # the feed alone reran: the article below needs the page


def _show_all() -> None:
    st.session_state.new_articles = ()


def _on_pick_here() -> None:
    # A pick among the events of the marker clicked; with no marker clicked (a correction has
    # moved the event away since), it is the list's old value sent again, not a pick.
    if st.session_state.click is not None:
        st.session_state.selected_id = st.session_state.get("here_choice")


def _load_candidates(mention: str, event_id: str) -> None:
    try:
        st.session_state.candidates = actions.place_candidates(load_gazetteer(), mention)
    except (ConflictmapError, GazetteerError) as err:
        _notify("error", f"The gazetteer is not available: {markdown_literal(str(err))}")
        return
    st.session_state.candidates_for = event_id
    if not st.session_state.candidates:
        _notify("warning", f"The gazetteer knows no place named {markdown_literal(repr(mention))}; type another name.")


def _look_up_place(event_id: str) -> None:
    _load_candidates(st.session_state.place_query, event_id)


# ---------------------------------------------------------------------------
# work the page waits on: in callbacks, before the run that shows its outcome


@contextmanager
def _working(label: str) -> Iterator[StatusContainer]:
    """A status box for work the page waits on; it turns red when the work fails."""
    with st.status(label, expanded=True) as status:
        try:
            yield status
        except (ConflictmapError, GazetteerError, OSError) as err:
            status.update(label=f"{label} failed: {markdown_literal(str(err))}", state="error", expanded=False)
            raise
        status.update(state="complete", expanded=False)


def _progress_bar(label: str) -> actions.Progress:
    bar = st.progress(0.0, text=label)

    def progress(done: int, total: int, what: str) -> None:
        bar.progress(done / total, text=f"{done}/{total}: {markdown_literal(what)}")

    return progress


def _first_start(store: EventStore) -> None:
    if st.session_state.demo_failed or not actions.needs_demo(store):
        return
    # The status box stands over the map only while the page waits on the loading: once the
    # events are in, the map takes its row back and a toast says what was read.
    box = st.empty()
    try:
        with box.container(), _working("First start: reading the demo corpus into the event store"):
            progress = _progress_bar("Loading the language model and the gazetteer\u2026")
            report = actions.load_demo(store, pipeline=load_pipeline, on_progress=progress)
    except (ConflictmapError, GazetteerError, OSError):
        st.session_state.demo_failed = True  # the status box says why; not retried on every rerun
        return
    box.empty()
    st.toast(f"Demo corpus loaded: {report.summary()}.", icon=":material/check:", duration="long")


@contextmanager
def _failures_noticed() -> Iterator[None]:
    """A failed action becomes the notice at the top of the page."""
    try:
        yield
    except (ConflictmapError, GazetteerError, OSError) as err:
        # Messages quote file names and cells as written: shown as text, never as Markdown.
        _notify("error", markdown_literal(str(err)))


def _report_added(report: actions.AddReport) -> None:
    if report.article_ids:
        # Highlighted in the feed and framed on the map until the user asks for every event again.
        st.session_state.new_articles = report.article_ids
        st.session_state.focus_new = True
        st.session_state.selected_id = None
        st.session_state.below_tab = BELOW_TABS[0]  # the newest of them, in its article
    kind = "warning" if report.problems or not (report.articles or report.imported) else "success"
    details = "".join(f"\n- {markdown_literal(p)}" for p in report.problems[:10])
    _notify(kind, f"Added {report.summary()}.{details}")


def _add_pasted() -> None:
    state = st.session_state
    with _failures_noticed(), _working("Parsing the pasted article"):
        report = actions.add_pasted(
            state.paste_text,
            title=state.paste_title,
            published=state.paste_published,
            source=state.paste_source.strip() or "Pasted",
            store=state.store,
            pipeline=load_pipeline,
        )
        state.paste_text = ""
        state.paste_title = ""
        _report_added(report)


def _add_url() -> None:
    state = st.session_state
    if not state.url_text.strip():
        _notify("warning", "Type the address of an article first.")
        return
    with _failures_noticed(), _working("Fetching and parsing the article"):
        report = actions.add_url(
            state.url_text, published=state.url_published, store=state.store, pipeline=load_pipeline
        )
        state.url_text = ""
        _report_added(report)


def _add_uploads() -> None:
    state = st.session_state
    uploads = [(f.name, f.getvalue()) for f in state.get(view.uploader_key(state.upload_round)) or []]
    if not uploads:
        _notify("warning", "Choose one or more files to add first.")
        return
    try:
        with _failures_noticed(), _working(f"Adding {len(uploads)} file(s)"):
            report = actions.add_uploads(
                uploads,
                published=state.upload_published,
                store=state.store,
                pipeline=load_pipeline,
                on_progress=_progress_bar("Parsing articles\u2026"),
            )
            _report_added(report)
    finally:
        state.upload_round += 1  # a fresh, empty uploader either way


def _apply_correction(event: Event) -> None:
    state = st.session_state
    choice, candidates = state.candidate_choice, state.candidates
    if choice is None or not 0 <= choice < len(candidates):
        _notify("warning", "Pick the place the event happened at first.")
        return
    entry, everywhere = candidates[choice], bool(state.correct_everywhere)
    with (
        _failures_noticed(),
        _working(f"Moving \u201c{markdown_literal(event.mention)}\u201d to {markdown_literal(entry.name)}"),
    ):
        report = actions.correct_place(event, entry, everywhere=everywhere, store=state.store, pipeline=load_pipeline)
        _corrected(report)


def _corrected(report: actions.CorrectionReport) -> None:
    state = st.session_state
    if report.moved:
        state.selected_id = report.moved[0].event_id
    state.click = None
    state.candidates = ()
    state.candidates_for = None
    _notify(
        "success",
        f"\u201c{markdown_literal(report.mention)}\u201d now means {markdown_literal(report.place)}: "
        f"{actions.counted(report.articles, 'article')} parsed again, {actions.counted(report.events, 'event')}.",
    )


# ---------------------------------------------------------------------------
# page parts


def _show_notice() -> None:
    notice, st.session_state.notice = st.session_state.notice, None
    if notice:
        kind, message = notice
        {"success": st.success, "warning": st.warning, "error": st.error}.get(kind, st.info)(message)


def _sync_window(period: view.Window, default: view.Window) -> None:
    """Keep the slider's window inside the period. The page opens on ``default``; when
    the data change, a window that showed everything keeps showing everything, and
    the default window follows the data."""
    state = st.session_state
    old_period, window, old_default = state.period, state.window, state.window_default
    if window is None or old_period is None:
        window = default
    elif old_period != period or old_default != default:
        if view.covers(window, old_period):
            window = period
        elif tuple(window) == old_default:
            window = default
    state.window = view.clamp_window(tuple(window), period)
    state.period = period
    state.window_default = default


def _set_window(days_back: int | None) -> None:
    state = st.session_state
    state.window = view.quick_window(days_back, state.period)


def _set_default_window() -> None:
    state = st.session_state
    state.window = state.window_default


def _on_months(key: str) -> None:
    state = st.session_state
    state.window = view.window_of_months(tuple(state[key]), state.period)


def _month_label(month: date) -> str:
    return month.strftime("%b %Y")


def _kept_choices(key: str, options: list[str]) -> None:
    # A value chosen earlier may have left the store (a corrected or replaced event).
    st.session_state[key] = [v for v in st.session_state[key] if v in options]


def _type_label(event_type: str) -> str:
    return EVENT_STYLE[event_type].label


def _country_label(code: str) -> str:
    from geo.countries import country_name

    name = country_name(code)
    return f"{name} ({code})" if name and name != code else code


def _sidebar_filter(store: EventStore, period: view.Window, strays: int) -> EventFilter:
    with st.sidebar:
        st.header("Filters")
        st.multiselect(
            "Event types", list(EVENT_TYPES), key="f_types", placeholder="All types", format_func=_type_label
        )
        options = {
            key: store.distinct(column)
            for key, column in (("f_countries", "country_code"), ("f_sources", "source"), ("f_origins", "origin"))
        }
        for key, values in options.items():
            _kept_choices(key, values)
        st.multiselect(
            "Countries",
            options["f_countries"],
            key="f_countries",
            placeholder="All countries",
            format_func=_country_label,
        )
        st.multiselect("Sources", options["f_sources"], key="f_sources", placeholder="All sources")
        st.multiselect(
            "Origin",
            options["f_origins"],
            key="f_origins",
            placeholder="Articles and imports",
            format_func=lambda o: ORIGIN_LABELS.get(o, o),
        )
        st.text_input("Search quotes, titles and places", key="f_text", placeholder="e.g. aid convoy")
        st.slider("Minimum confidence", min_value=0.0, max_value=1.0, step=0.05, key="f_confidence")
        _date_controls(period, strays)
        st.checkbox(
            "Keep the map's frame",
            key="keep_frame",
            help="Off: the map fits the events in view after every change of filters or dates.",
        )
    state = st.session_state
    return view.sidebar_filter(
        event_types=state.f_types,
        countries=state.f_countries,
        sources=state.f_sources,
        origins=state.f_origins,
        text=state.f_text,
        min_confidence=state.f_confidence,
    )


def _date_controls(period: view.Window, strays: int) -> None:
    """The date slider, with months over a long period and quick ranges beside it."""
    state = st.session_state
    if (period[1] - period[0]).days > view.MONTH_CONTROL_OVER_DAYS:
        # A widget of its own for each window, so it always starts from the window in force.
        months = view.months_of(state.window)
        key = view.months_key(months)
        st.select_slider(
            "Months",
            options=view.month_starts(period),
            value=months,
            key=key,
            format_func=_month_label,
            on_change=_on_months,
            args=(key,),
            help="Whole months at a time; the dates below fine-tune them.",
        )
    st.slider(
        "Dates",
        min_value=period[0],
        max_value=period[1],
        step=timedelta(days=1),
        key="window",
        format="YYYY-MM-DD",
        help="The map plays through these dates with its own \u25b6 button.",
    )
    st.caption("Quick ranges, back from the newest event")
    for cell, days_back in zip(st.columns(len(view.QUICK_RANGE_DAYS), gap="small"), view.QUICK_RANGE_DAYS):
        cell.button(
            f"{days_back} d",
            key=f"range_{days_back}",
            on_click=_set_window,
            args=(days_back,),
            help=f"The last {days_back} days, up to the newest event",
            width="stretch",
        )
    every, main = st.columns(2, gap="small")
    every.button(
        "All dates",
        key="range_all",
        on_click=_set_window,
        args=(None,),
        help="Every date, stray and undated events too",
        width="stretch",
    )
    default = state.window_default
    if strays and default is not None:
        main.button(
            "Main span",
            key="range_main",
            on_click=_set_default_window,
            help=f"{default[0]:%Y-%m-%d} \u2013 {default[1]:%Y-%m-%d}: the span the page opens on",
            width="stretch",
        )
        st.caption(
            f"The page opens on {default[0]:%Y-%m-%d} \u2013 {default[1]:%Y-%m-%d}, where the events are: "
            + (f"{strays:,} events with stray dates lie" if strays > 1 else "1 event with a stray date lies")
            + " outside it."
        )


def _sidebar_counts(counts: Mapping[str, int], shown: int, total: int) -> None:
    with st.sidebar:
        st.subheader("Selected")
        lines = []
        for event_type, n in counts.items():
            style = EVENT_STYLE[event_type]
            lines.append(
                f'<span style="color:{style.colour}">{TYPE_GLYPHS[style.icon]}</span> {style.label}: **{n:,}**'
            )
        st.markdown("  \n".join(lines), unsafe_allow_html=True)
        st.caption(f"{shown:,} of {total:,} stored events; while the map plays, its legend counts the dates shown")


def _timeline(daily: pandas.DataFrame, window: view.Window, period: view.Window) -> None:
    """Events per day over ``period``, the window shaded."""
    chart = timeline.timeline_chart(daily, window, period, coverage=bool(st.session_state.timeline_coverage))
    st.altair_chart(chart, height=TIMELINE_HEIGHT, width="stretch")
    st.toggle("Count reports (coverage), not events", key="timeline_coverage")


def _map(
    visible: Sequence[Event],
    window: view.Window,
    names: Mapping[PlaceKey, str],
    fresh: Sequence[Event] = (),
    *,
    shown: tuple[str, int, tuple],
) -> None:
    """The map of ``visible``; ``shown`` is the store's path, version and filter key they were read with."""
    db, version, key = shown
    # Every event in view goes to the map once; its own slider and player step through time.
    # The map's time control runs over the window chosen in the sidebar: play starts at its first day.
    playback = replace(PLAYBACK, step_days=view.play_step_days(window), start=window[0], end=window[1])
    state = st.session_state
    # Events just added are framed first; otherwise the frame follows the filters (or is kept).
    bounds = feed.new_frame(fresh) or mapcache.map_frame(
        db, version, key, window, visible, names, held=state.map_frame, keep=state.keep_frame
    )
    state.map_frame = bounds
    # Built once for what it shows (the store's version, filters, window, frame): a click reruns the page, not this.
    # Its theatre buttons and the frame above come from one opening, worked out once.
    opening = mapcache.opening(db, version, key, window, visible, names)
    m = mapcache.event_map(
        db, version, key, window, bounds, astuple(playback), CLUSTER_OVER, detail_tiles_url(), visible, names, opening
    )
    from streamlit_folium import st_folium

    st_folium(
        m, key="map", height=MAP_HEIGHT, use_container_width=True, returned_objects=MAP_RETURNS, on_change=_on_map_click
    )


@st.fragment
def _feed(visible: Sequence[Event], names: Mapping[PlaceKey, str], days: dict | None) -> None:
    """Beside the map: the events in view, newest first; a click flies the map there.

    A fragment: a playback step in the map's frame reruns the feed alone (a few ms over
    100,000 events), never the map; a row clicked reruns the page, for the article below."""
    state = st.session_state
    if state.pop("feed_picked", False):
        st.rerun()
    window = feedview.play_window(state.get(feedview.FEED_KEY))
    hidden = feedview.hidden_origins(state.get(feedview.FEED_KEY))
    stepped = feed.in_play_window(feed.shown_origins(visible, hidden), window)
    rows = feed.feed_rows(stepped, names, new_articles=state.new_articles)
    # Once, on the run after an addition: the map, drawn anew, opens the newest added event's popup.
    focus = state.selected_id if state.focus_new else None
    state.focus_new = False
    data = feed.feed_data(
        rows,
        selected=state.selected_id,
        total=len(stepped),
        focus=focus,
        window=window,
        days=days,
        hidden=hidden,
    )
    feedview.show_feed(data, fit=MAP_FIT, on_chosen=_on_feed_pick)


def _header(
    visible: Sequence[Event], total: int, window: view.Window, fresh: Sequence[Event], outside_dates: int
) -> None:
    """One line over the map: what is in view, why the rest is not, and where the filters are."""
    text, button = st.columns([6, 1], vertical_alignment="center")
    text.html(header_html(len(visible), total, window, outside_dates=outside_dates, fresh=len(fresh)))
    if fresh:
        button.button("Show all events", key="show_all_new", on_click=_show_all, width="stretch")


#: The page's own spacing: the first screen is the map, not margins. The one-line header
#: stands beside the sidebar's » button, in Streamlit's top bar made see-through (its
#: buttons still take clicks), not in a band of its own under it.
PAGE_STYLE = """<style>
.block-container { padding-top: 1rem; padding-bottom: 1rem; padding-left: 1rem; padding-right: 1rem; }
header[data-testid="stHeader"] { background: transparent; pointer-events: none; }
header[data-testid="stHeader"] button, header[data-testid="stHeader"] [data-testid="stStatusWidget"] {
  pointer-events: auto; }
.cm-header { padding-left: 2.6rem; line-height: 1.6; font-size: 0.95rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
</style>"""


def _selected(visible: Sequence[Event], names: Mapping[PlaceKey, str]) -> tuple[Event | None, tuple[Event, ...]]:
    """The event shown beside the map, and the events of the marker clicked."""
    state = st.session_state
    here: tuple[Event, ...] = ()
    if state.click:
        lat, lon, tooltip = state.click
        here = view.clicked_events(visible, lat, lon, tooltip=tooltip, cluster_over=CLUSTER_OVER, names=names)
        if state.selected_id is None and here:
            state.selected_id = here[0].event_id
    wanted = state.selected_id
    event = next((e for e in here if e.event_id == wanted), None) if wanted else None
    if event is None and wanted:
        event = next((e for e in visible if e.event_id == wanted), None)
    return event, here


def _event_panel(
    store: EventStore, event: Event | None, here: tuple[Event, ...], names: Mapping[PlaceKey, str]
) -> None:
    if len(here) > 1:
        ids = [e.event_id for e in here]
        labels = {e.event_id: view.event_label(e, shown_name(e, names)) for e in here}
        if st.session_state.get("here_choice") not in ids or st.session_state.get("here_for") != ids[0]:
            st.session_state.here_choice = event.event_id if event and event.event_id in ids else ids[0]
            st.session_state.here_for = ids[0]
        st.selectbox(
            f"{len(here):,} events at this marker",
            ids,
            key="here_choice",
            format_func=labels.__getitem__,
            on_change=_on_pick_here,
        )
    if event is None:
        st.info("Click a marker on the map, an event in the feed or a row of the table to read the article behind it.")
        return
    style = EVENT_STYLE[event.event_type]
    kind = " \u00b7 ".join(
        p
        for p in (
            f"**{style.label}**",
            markdown_literal(event.sub_event_type.replace("_", " ")),
            event.event_date.isoformat() if event.event_date else "date unknown",
        )
        if p
    )
    st.markdown(f'<span style="color:{style.colour}">{TYPE_GLYPHS[style.icon]}</span> {kind}', unsafe_allow_html=True)
    st.caption(
        markdown_literal(view.event_place_line(event, shown_name(event, names)))
        + (f" \u00b7 told by {event.sources} sources" if event.sources > 1 else "")
        + f" \u00b7 confidence {event.confidence:.2f} \u00b7 "
        + markdown_literal(ORIGIN_LABELS.get(event.origin, event.origin))
    )
    st.html(
        f'<blockquote style="margin:0;border-left:3px solid {style.colour};padding-left:0.6em">'
        f"{html.escape(event.quote)}</blockquote>"
    )
    article = store.article(event.article_id) if event.article_id else None
    _article(event, article)
    if article is not None and event.origin == "conflictmap":
        _correction(event)
    corrections.render(store, event, article, pipeline=load_pipeline, gazetteer=load_gazetteer)
    if len({r.article_id for r in event.reports}) > 1:  # reports of several articles: one may tell another event
        _split(event)


def _article(event: Event, article: Article | None) -> None:
    title = (article.title if article else event.title) or "Untitled"
    published = article.published if article else event.published
    source = (article.source if article else event.source) or "unknown source"
    link = safe_link(article.url if article else event.url)
    meta = " \u00b7 ".join(p for p in (published.isoformat() if published else "", html.escape(source)) if p)
    if link:
        meta += f' \u00b7 <a href="{html.escape(link, quote=True)}" target="_blank" rel="noopener noreferrer">source link</a>'
    body = (
        view.article_html(article.text, event.quote) if article else f"<p><mark>{html.escape(event.quote)}</mark></p>"
    )
    with st.container(height=ARTICLE_HEIGHT):
        st.html(f'<div class="cm-article"><h4>{html.escape(title)}</h4><p><small>{meta}</small></p>{body}</div>')


def _split(event: Event) -> None:
    """Offer "these are two events": one article's reports leave the merged event."""
    labels = {r.article_id: f"{r.source or 'unknown source'} \u2014 {r.title or r.quote[:60]}" for r in event.reports}
    with st.expander(f"Not one event? Told by {len(event.reports):,} reports from {event.sources:,} sources"):
        st.selectbox(
            "The article that tells another event",
            list(labels),
            key="split_choice",
            index=None,
            format_func=lambda a: markdown_literal(labels[a]),
        )
        st.button("Split it off", key="split_report", on_click=_split_off, args=(event,))


def _split_off(event: Event) -> None:
    state = st.session_state
    article_id = state.split_choice
    if article_id is None:
        _notify("warning", "Pick the article that tells another event first.")
        return
    with _failures_noticed():
        state.selected_id = actions.split_off(state.store, event.event_id, article_id)
        state.split_choice = None
        _notify("success", "The article's reports are now an event of their own; the store keeps the correction.")


def _correction(event: Event) -> None:
    state = st.session_state
    # Open while it offers places for this event, so the offer is never folded away.
    offering = state.candidates_for == event.event_id
    with st.expander(f"Wrong place? Move \u201c{markdown_literal(event.mention)}\u201d", expanded=offering):
        if state.candidates_for != event.event_id:
            st.button(
                f"Places named \u201c{markdown_literal(event.mention)}\u201d",
                key="load_candidates",
                on_click=_load_candidates,
                args=(event.mention, event.event_id),
            )
        st.text_input("Or look up another place name", key="place_query")
        st.button("Look up", key="look_up", on_click=_look_up_place, args=(event.event_id,))
        candidates = state.candidates if state.candidates_for == event.event_id else ()
        if candidates:
            if state.get("candidate_choice") not in range(len(candidates)):
                state.candidate_choice = 0
            # Radio options and checkbox labels are Markdown: names are shown as typed.
            st.radio(
                "The event happened at",
                range(len(candidates)),
                key="candidate_choice",
                format_func=lambda i: markdown_literal(view.entry_label(candidates[i])),
            )
            st.checkbox(
                f"Apply to \u201c{markdown_literal(event.mention)}\u201d in every article", key="correct_everywhere"
            )
            st.button(
                "Move the event", key="apply_correction", type="primary", on_click=_apply_correction, args=(event,)
            )


def _table(
    db: str,
    version: int,
    key: tuple,
    window: view.Window,
    visible,
    selected: Event | None,
    here: tuple[Event, ...],
    names: Mapping[PlaceKey, str],
) -> None:
    first = tuple(e.event_id for e in here) or ((selected.event_id,) if selected else ())
    frame = table_frame(db, version, key, window, first, visible, names)
    state = st.session_state
    state.table_ids = tuple(frame["event_id"])
    state.table_key = view.table_key(state.table_round, stable_id(key, window, first))
    column_config: dict[str, Any] = {
        "event_date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
        "event_type": "type",
        "sub_event_type": "subtype",
        "name": "place",
        "place": "gazetteer name",
        "country_code": "country",
        "quote": st.column_config.TextColumn("quote", width="large"),
        "confidence": st.column_config.ProgressColumn("confidence", min_value=0.0, max_value=1.0, format="%.2f"),
    }
    st.dataframe(
        frame,
        key=state.table_key,
        on_select=_on_table_select,
        selection_mode="single-row",
        selection_default={"selection": {"rows": [0]}} if first and len(frame) else None,
        hide_index=True,
        height=TABLE_HEIGHT,
        column_config=column_config,
        width="stretch",
    )


def _downloads(visible: Sequence[Event]) -> None:
    st.caption(f"Downloads hold exactly the {len(visible):,} events in view.")
    labels = {"geojson": "GeoJSON", "csv": "CSV", "html": "HTML map", "png": "PNG picture"}
    cells = [column for _ in range(2) for column in st.columns(2)]
    for cell, (fmt, label) in zip(cells, labels.items()):
        if not actions.download_available(fmt):
            cell.button(
                label, key=f"dl_{fmt}", disabled=True, help="not available in this installation", width="stretch"
            )
            continue
        spec = actions.DOWNLOADS[fmt]
        # The file is made only when the button is clicked (a callable), not on every run.
        cell.download_button(
            label,
            data=functools.partial(actions.export_bytes, visible, fmt, title="conflictmap"),
            file_name=spec.file_name,
            mime=spec.mime,
            key=f"dl_{fmt}",
            on_click="ignore",
            width="stretch",
        )


def _add_articles() -> None:
    paste, upload, address = st.tabs(["Paste an article", "Upload files", "From a URL"])
    with paste, st.form("paste_form"):
        st.text_input("Title", key="paste_title")
        left, right = st.columns(2)
        left.date_input("Published", key="paste_published", help="resolves words such as 'on Thursday'")
        right.text_input("Source", key="paste_source", placeholder="Pasted")
        st.text_area("Article text", key="paste_text", height=180)
        st.form_submit_button("Add the article", on_click=_add_pasted)
    with upload:
        suffixes = [s.lstrip(".") for s in ACCEPTED_SUFFIXES]
        st.file_uploader(
            "Articles (txt, html, jsonl, zip) or event tables (ACLED csv, GDELT tsv)",
            type=suffixes,
            accept_multiple_files=True,
            key=view.uploader_key(st.session_state.upload_round),
        )
        st.date_input("Published, for files that carry no date", key="upload_published")
        st.button("Add the files", key="add_files", on_click=_add_uploads)
    with address, st.form("url_form"):
        st.text_input("Address (http or https)", key="url_text", placeholder="https://")
        st.date_input("Published, if the page carries no date", key="url_published")
        st.form_submit_button("Fetch and add", on_click=_add_url)


def _footer() -> None:
    st.divider()
    st.caption(
        f"{GEONAMES_CREDIT}. {NATURAL_EARTH_CREDIT}. The demo briefs were written for conflictmap "
        "from public facts; their sources are fictitious."
    )


# ---------------------------------------------------------------------------
# the page


def main() -> None:
    st.set_page_config(
        page_title="conflictmap", page_icon="\U0001f5fa", layout="wide", initial_sidebar_state="collapsed"
    )
    st.html(PAGE_STYLE)
    _init_session()
    db = str(default_db_path())
    try:
        store = _session_store(db)
    except ConflictmapError as err:
        st.error(str(err))
        st.stop()
    # The header line first, filled once the events are read; then one block for what
    # comes and goes (first start, notices), so the map after it keeps its place in the
    # page and is not drawn anew when a notice disappears.
    header = st.container()
    with st.container():
        _first_start(store)
        _show_notice()

    version = store.version()
    live.follow_store(store.version, version)  # another writer's change reruns the page
    period = view.period_of(mapcache.stored_dates(db, version, store), today=date.today())
    days = stored_days(db, version, store)
    default = view.default_window(days, period)
    _sync_window(period, default)
    flt = _sidebar_filter(store, period, view.dated_outside(days, default))
    key = view.filter_key(flt)
    base = filtered_events(db, version, key, store, flt)

    window: view.Window = st.session_state.window
    shown_window = None if view.covers(window, period) else window
    visible = view.in_window(base, shown_window)
    total = store.happening_count()
    _sidebar_counts(mapcache.type_counts(db, version, key, window, visible), len(visible), total)

    # The names the articles use for the places in view: the map, the feed, the panel and the table share them.
    names = place_names(db, version, key, window, visible)
    fresh = feed.new_events(visible, st.session_state.new_articles)
    with header:
        _header(visible, total, window, fresh, len(base) - len(visible))
    map_column, feed_column = st.columns(list(MAP_FEED_COLUMNS), gap="small")
    with map_column:
        _map(visible, window, names, fresh, shown=(db, version, key))
    if fresh and st.session_state.selected_id is None:
        st.session_state.selected_id = fresh[-1].event_id
    with feed_column:
        _feed(visible, names, mapcache.feed_days(db, version, key, window, visible))
    selected, here = _selected(visible, names)
    coverage = bool(st.session_state.timeline_coverage)
    _timeline(daily_frame(db, version, key, coverage, base), window, view.timeline_domain(window, period, default))

    # Keyed, so a click on the feed or on a marker can bring the article to the front.
    article, table, add, downloads = st.tabs(BELOW_TABS, key="below_tab", on_change="rerun")
    with article:
        _event_panel(store, selected, here, names)
    # The table's rows (1.5 MB for 5,000 events) travel only while its tab is open: not with every page.
    with table:
        if table.open:
            if len(visible) > view.TABLE_MAX_ROWS:
                st.caption(
                    f"The table lists the {view.TABLE_MAX_ROWS:,} newest; the downloads hold all {len(visible):,}."
                )
            _table(db, version, key, window, visible, selected, here, names)
    with add:
        _add_articles()
    with downloads:
        _downloads(visible)
    _footer()


# Streamlit runs the page as "__main__". A worker process started with "spawn" while
# the page's module is ``sys.modules["__main__"]`` imports this file as "__mp_main__":
# it must not lay out the page (nor load the demo into the store) there.
if __name__ == "__main__":
    main()
