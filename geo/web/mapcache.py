"""What the page reads and draws, computed once per store version and kept for the runs that follow.

The events the filters let through, their dates and the names of their places are kept
per store path, version and filter (``filtered_events``, ``stored_days``,
``place_names``); the folium map is kept as below. They live here, not in the page, so
that the server's warm-up (``geo.web.warmup``) fills the very caches the page reads.

The page's map, built once for what it shows and kept for the runs that follow.

A click on the feed or on a marker, a tab switch or another session opening the page
reruns the page; the map it draws is the same as long as the store's version, the
filters, the time window, the frame and the basemap are. Building it (grouping 100,000
events into markers and writing their popups) takes most of a run, so it is built once
per such key and every run gets its own copy: the folium map is pickled into the cache,
and ``st_folium`` rewrites the copy it renders, so sessions never share one.

Any write to the store changes its version, so a correction or a new article draws a
new map; the names shown follow the same key, as the page reads them for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import folium
import streamlit as st

from geo.filters import EventFilter
from geo.map.mapview import Playback, build_map
from geo.map.names import PlaceKey, common_names
from geo.map.opening import Opening, opening_view
from geo.records import Event
from geo.store.store import EventStore
from geo.web import appstate as view
from geo.web.feed import day_counts

#: Up to this many events, every event has its own popup entry (build_map's default).
CLUSTER_OVER = 300
#: How the map's own player starts: every day up to the date shown (so the map fills
#: as the war goes on), a second a step, and as many days a step as the window needs
#: (``appstate.play_step_days``); the map's controls change them.
PLAYBACK = Playback(step_days=view.DEFAULT_STEP_DAYS, window_days=0, interval_ms=1000)

#: Maps kept: a few windows or filters back and forth, at some 2.5 MB each for 100,000 events.
MAPS_KEPT = 6


@st.cache_data(max_entries=MAPS_KEPT, show_spinner=False)
def event_map(
    db: str,
    version: int,
    filter_key: tuple,
    window: tuple | None,
    bounds: tuple[float, float, float, float] | None,
    playback: tuple,
    cluster_over: int,
    basemap_tiles: str | None,
    _events: Sequence[Event],
    _names: Mapping[PlaceKey, str],
    _opening: Opening,
) -> folium.Map:
    """The map of ``_events`` (the store ``db`` at ``version`` through the filter of
    ``filter_key`` and the dates of ``window``), framed on ``bounds``, with its time
    control playing as ``playback`` (``Playback``'s fields, in order) says and its
    theatre buttons from ``_opening`` (``opening``: the same key, the same events)."""
    return build_map(
        _events,
        bounds=bounds,
        cluster_over=cluster_over,
        timeline=True,
        playback=Playback(*playback),
        names=_names,
        basemap_tiles=basemap_tiles,
        jumps=True,
        opening=_opening,
    )


# Cached by the store's path and version: shared by the sessions, redone after any write.
# A few filters' worth: 100,000 events take some 100 MB.
@st.cache_resource(max_entries=3, show_spinner=False)
def filtered_events(db: str, version: int, key: tuple, _store: EventStore, _flt: EventFilter) -> tuple[Event, ...]:
    """Every event the sidebar lets through (one per happening, its reports merged), by date;
    shared, never modified (frozen)."""
    return tuple(_store.coded_events(_flt))


# A resource, not data: a hundred thousand dates are not copied on every run.
@st.cache_resource(max_entries=2, show_spinner=False)
def stored_days(db: str, version: int, _store: EventStore) -> tuple[date, ...]:
    """The dates of every dated event in the store, in order: what the default window is cut from."""
    everything = EventFilter()
    return tuple(view.event_days(filtered_events(db, version, view.filter_key(everything), _store, everything)))


@st.cache_data(max_entries=2, show_spinner=False)
def stored_dates(db: str, version: int, _store: EventStore) -> tuple[date, date] | None:
    """The first and last event date in the store (``EventStore.date_range``: a scan of every
    event, some 50 ms for 100,000), read once per store version."""
    return _store.date_range()


@st.cache_data(max_entries=8, show_spinner=False)
def type_counts(db: str, version: int, key: tuple, window: tuple, _events: Sequence[Event]) -> dict[str, int]:
    """``appstate.counts_by_type`` of ``_events`` (the events in view), counted once for them."""
    return view.counts_by_type(_events)


@st.cache_data(max_entries=8, show_spinner=False)
def feed_days(db: str, version: int, key: tuple, window: tuple, _events: Sequence[Event]) -> dict | None:
    """``_events`` (the events in view) counted by day, for the feed to count a playback step's."""
    return day_counts(_events)


@st.cache_data(max_entries=8, show_spinner=False)
def opening(
    db: str, version: int, key: tuple, window: tuple, _events: Sequence[Event], _names: Mapping[PlaceKey, str]
) -> Opening:
    """Where the map of ``_events`` (the events in view) opens and its theatre buttons
    (``geo.map.opening``): worked out once for them (it reads every event), for the frame
    and the map alike."""
    return opening_view(_events, names=_names)


@st.cache_data(max_entries=8, show_spinner=False)
def fitted_frame(
    db: str, version: int, key: tuple, window: tuple, _events: Sequence[Event], _names: Mapping[PlaceKey, str]
) -> tuple[float, float, float, float] | None:
    """The frame fitted to ``_events`` (the events in view; ``appstate.map_bounds``): worked out
    once for them, not on every run (it reads the position of every event)."""
    return view.map_bounds(_events, opening=opening(db, version, key, window, _events, _names))


def map_frame(
    db: str,
    version: int,
    key: tuple,
    window: tuple,
    events: Sequence[Event],
    names: Mapping[PlaceKey, str],
    *,
    held: tuple[float, float, float, float] | None,
    keep: bool,
) -> tuple[float, float, float, float] | None:
    """``appstate.map_frame`` of the events in view (named by ``names``), their fitted frame
    kept per store version, filter and window."""
    if keep and held is not None:
        return held
    return fitted_frame(db, version, key, window, events, names)


@st.cache_data(max_entries=8, show_spinner=False)
def place_names(db: str, version: int, key: tuple, window: tuple, _events: Sequence[Event]) -> dict[PlaceKey, str]:
    """The names the articles use most for the places of ``_events`` (the events in view)."""
    return common_names(_events)
