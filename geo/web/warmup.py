"""The page's first view, worked out as the server starts, so the first visitor finds it ready.

Streamlit runs the page only when a browser opens it: the first page after a start would
import the map's libraries, read and merge every stored event and build the map while the
visitor waits (some 6 s for 100,000 events, against under 3 s for the next visit). The
server's launcher (``geo.web.serve``) runs ``warm_up`` in a background thread instead: it
reads the store as a new session opens it (no filter, the default window, the frame
fitted to the events) through the page's own caches (``geo.web.mapcache``), so the page's
first run finds them filled, or waits for the part still being computed and never
computes it twice (Streamlit holds one lock per cached value).

The warm-up only reads. An empty store (the page loads the demo into it), a missing or
unreadable one, or a write before the page runs (another version) leave it nothing to
offer, and the page computes what it needs as before.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import astuple, dataclass, replace
from datetime import date
from pathlib import Path

from geo.errors import ConflictmapError
from geo.filters import EventFilter
from geo.store.store import EventStore
from geo.web import appstate as view

log = logging.getLogger(__name__)

#: The warm-up's thread, by name: Streamlit's "missing ScriptRunContext" warning is
#: expected there (it runs outside any page) and is not logged.
THREAD_NAME = "conflictmap-warm-up"
#: How long the warm-up waits for Streamlit's runtime (the server) to exist.
RUNTIME_WAIT_S = 60.0
#: What the page imports on its first run before it draws the map. Not the map's Streamlit
#: component (streamlit_folium): a component registers its files with the server only when
#: imported by a page's run, and would not be served if this thread imported it first.
PAGE_LIBRARIES = ("folium", "geo.map.mapview")
#: What the page imports after it has sent the map (the timeline below it): imported last.
LATER_LIBRARIES = ("altair",)


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


def warm_up(db: str, *, runtime_ready: Callable[[], bool] | None = None) -> WarmUp | None:
    """Fill the page's caches with what a new session's first run on the store ``db`` reads
    and draws; None when there is nothing to read (no store, an empty or unreadable one).
    ``runtime_ready`` waits for Streamlit's runtime and says whether it exists: the page's
    component and caches belong to it (without it, they are used at once)."""
    started = time.perf_counter()
    for name in PAGE_LIBRARIES:
        __import__(name)
    if runtime_ready is not None and not runtime_ready():
        return None
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
        from geo.web import mapcache

        version = store.version()
        period = view.period_of(store.date_range(), today=date.today())
        days = mapcache.stored_days(db, version, store)
        window = view.clamp_window(view.default_window(days, period), period)
        flt = opening_filter()
        key = view.filter_key(flt)
        base = mapcache.filtered_events(db, version, key, store, flt)
        visible = view.in_window(base, None if view.covers(window, period) else window)
        names = mapcache.place_names(db, version, key, window, visible)
        bounds = view.map_frame(visible, held=None, keep=False)
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
        )
    for name in LATER_LIBRARIES:
        __import__(name)
    return WarmUp(len(visible), time.perf_counter() - started)


def streamlit_runtime_ready(seconds: float = RUNTIME_WAIT_S) -> bool:
    """Waits up to ``seconds`` for Streamlit's runtime (the server) to exist; whether it does."""
    from streamlit import runtime

    deadline = time.monotonic() + seconds
    while not runtime.exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def start_warm_up(db: str) -> threading.Thread:
    """``warm_up`` of the store ``db`` in a daemon thread (it never holds the server back)."""
    _quiet_outside_pages()
    thread = threading.Thread(target=_warm_up_logged, args=(db,), name=THREAD_NAME, daemon=True)
    thread.start()
    return thread


def _warm_up_logged(db: str) -> None:
    try:
        done = warm_up(db, runtime_ready=streamlit_runtime_ready)
    except (ConflictmapError, OSError, sqlite3.Error, ValueError) as err:
        # The page computes the same itself, and reports what fails there.
        log.warning("the warm-up of the map page stopped: %s", err)
        return
    if done is not None:
        log.info("the map page's first view is ready: %d events and their map in %.1f s", done.events, done.seconds)


class _OutsidePages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.threadName == THREAD_NAME and "missing ScriptRunContext" in record.getMessage())


def _quiet_outside_pages() -> None:
    logger = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    if not any(isinstance(f, _OutsidePages) for f in logger.filters):
        logger.addFilter(_OutsidePages())
