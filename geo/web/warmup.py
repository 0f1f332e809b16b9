"""The page's first view, worked out before the server starts, so the first visitor finds it ready.

Streamlit runs the page only when a browser opens it: the first page after a start would
import the map's libraries, read and merge every stored event and build the map while the
visitor waits (some 6 s for 100,000 events, against under 3 s for the next visit). The
server's launcher (``geo.web.serve``) calls ``prepare_first_view`` before it starts
Streamlit: it reads the store as a new session opens it (no filter, the default window,
the frame fitted to the events) through the page's own caches (``geo.web.mapcache``).
Streamlit's caches belong to the process, not to its server, so the page's first run
finds them filled.

It only reads. An empty store (the page loads the demo into it), a missing or unreadable
one, or a write before the page runs (another version) leave it nothing to offer, and the
page computes what it needs as before.
"""

from __future__ import annotations

import gc
import inspect
import logging
import sqlite3
import sys
import time
from dataclasses import astuple, dataclass, replace
from datetime import date
from pathlib import Path

from geo.errors import ConflictmapError
from geo.filters import EventFilter
from geo.store.store import EventStore
from geo.web import appstate as view

log = logging.getLogger(__name__)

#: A preparation that takes this long is announced on the terminal (a small store's is not).
SAY_AFTER_S = 1.0
#: What the page imports on its first run before it draws the map. Not the map's Streamlit
#: component (streamlit_folium): a component registers its files with the server only when
#: imported by a page's run, and would not be served if imported before the server exists.
PAGE_LIBRARIES = (
    "streamlit.emojis",  # st.set_page_config reads its list of emojis (some 60 ms to import)
    "folium",
    "folium.plugins",  # the map's component imports every plugin (some 350 ms of templates compiled)
    "pandas",
    "geo.map.mapview",
    "geo.read.uploads",
    "geo.countries",
    "geo.web.appactions",
    "geo.web.corrections",
    "geo.web.feed",
    "geo.web.feedview",
    "geo.web.live",
    "altair",  # the timeline below the map
)


@dataclass(frozen=True)
class WarmUp:
    """What the warm-up left in the caches: the events of the opening view and their map."""

    events: int
    seconds: float


def opening_filter() -> EventFilter:
    """The filter a new session opens with: every sidebar widget at its default."""
    defaults = view.SESSION_DEFAULTS
    return view.sidebar_filter(
        event_types=defaults["f_types"],  # type: ignore[arg-type]
        countries=defaults["f_countries"],  # type: ignore[arg-type]
        sources=defaults["f_sources"],  # type: ignore[arg-type]
        origins=defaults["f_origins"],  # type: ignore[arg-type]
        text=str(defaults["f_text"]),
        min_confidence=float(defaults["f_confidence"]),  # type: ignore[arg-type]
    )


def warm_up(db: str) -> WarmUp | None:
    """Fill the page's caches with what a new session's first run on the store ``db`` reads
    and draws; None when there is nothing to read (no store, an empty or unreadable one)."""
    started = time.perf_counter()
    for name in PAGE_LIBRARIES:
        __import__(name)
    if not Path(db).is_file():
        return None
    try:
        store = EventStore.open(Path(db), readonly=True)
    except (ConflictmapError, OSError, sqlite3.Error) as err:
        log.info("no warm-up: the event store %s does not open (%s)", db, err)
        return None
    with store:
        if store.count() == 0:
            return None  # the page fills an empty store with the demo corpus first
        # As app.main does for a new session (the same calls, so the same cache keys).
        from geo.map.tiles import detail_tiles_url
        from geo.web import mapcache, timeline

        version = store.version()
        period = view.period_of(mapcache.stored_dates(db, version, store), today=date.today())
        days = mapcache.stored_days(db, version, store)
        default = view.default_window(days, period)
        window = view.clamp_window(default, period)
        flt = opening_filter()
        key = view.filter_key(flt)
        base = mapcache.filtered_events(db, version, key, store, flt)
        visible = view.in_window(base, None if view.covers(window, period) else window)
        mapcache.type_counts(db, version, key, window, visible)
        names = mapcache.place_names(db, version, key, window, visible)
        bounds = mapcache.map_frame(db, version, key, window, visible, names, held=None, keep=False)
        playback = replace(mapcache.PLAYBACK, step_days=view.play_step_days(window), start=window[0], end=window[1])
        mapcache.event_map(
            db,
            version,
            key,
            window,
            bounds,
            astuple(playback),
            mapcache.CLUSTER_OVER,
            detail_tiles_url(),
            visible,
            names,
            mapcache.opening(db, version, key, window, visible, names),
        )
        # The timeline under the map: its counts, and the libraries its chart loads on first use.
        daily = timeline.daily_frame(db, version, key, False, base)
        domain = view.timeline_domain(window, period, default)
        timeline.prepare_chart(timeline.timeline_chart(daily, window, domain, coverage=False), daily)
    # The sidebar names the countries of the store: the table of names is read on its first use.
    from geo.countries import country_name

    country_name("SY")
    return WarmUp(len(visible), time.perf_counter() - started)


def _index_module_files() -> None:
    """Have ``inspect`` note the file of every module imported so far. Streamlit asks it
    which module declares a component (the map's, on the page's first run), and its first
    answer resolves the path of every loaded module (some 1,500 of them, 0.1-0.2 s); later
    answers look at new modules only."""
    # Code from a file no module has: inspect looks through every loaded module for it.
    inspect.getmodule(compile("", "<modules imported before the server>", "exec"))


def _freeze_warm_objects() -> None:
    """Leave what the warm-up made (the modules, the cached events, a hundred thousand of
    them) out of later garbage collections. Streamlit collects all generations after every
    run of the page, and walking these long-lived objects took most of the collection's
    0.2-0.3 s, during which the server answers nothing; what a run leaves behind is still
    collected."""
    gc.collect()
    gc.freeze()


def prepare_first_view(db: str) -> WarmUp | None:
    """``warm_up`` of the store ``db`` before the server exists, saying on standard error
    what it does when it takes a while: Streamlit's caches made outside its runtime are
    the ones its page reads later (they are kept by the process, not by the server)."""
    _quiet_outside_pages()
    done = _warm_up_logged(db)
    _index_module_files()
    _freeze_warm_objects()
    if done is not None and done.seconds >= SAY_AFTER_S:
        print(f"conflictmap: the map of {done.events:,} events is ready ({done.seconds:.1f} s)", file=sys.stderr)
    return done


def _warm_up_logged(db: str) -> WarmUp | None:
    try:
        done = warm_up(db)
    except (ConflictmapError, OSError, sqlite3.Error, ValueError) as err:
        # The page computes the same itself, and reports what fails there.
        log.warning("the warm-up of the map page stopped: %s", err)
        return None
    if done is not None:
        log.info("the map page's first view is ready: %d events and their map in %.1f s", done.events, done.seconds)
    return done


class _OutsidePages(logging.Filter):
    """Drops Streamlit's warnings that a cache is used outside a page's run: expected
    before the server exists (the caches then made are the ones the page reads)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return "missing ScriptRunContext" not in message and "No runtime found" not in message


#: Streamlit's loggers that warn of a cache used outside a page's run.
OUTSIDE_PAGE_LOGGERS = (
    "streamlit.runtime.scriptrunner_utils.script_run_context",
    "streamlit.runtime.caching.cache_data_api",
)


def _quiet_outside_pages() -> None:
    for name in OUTSIDE_PAGE_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _OutsidePages) for f in logger.filters):
            logger.addFilter(_OutsidePages())
