"""The page's map, built once for what it shows and kept for the runs that follow.

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

import folium
import streamlit as st

from geo.map.mapview import Playback, build_map
from geo.map.names import PlaceKey
from geo.records import Event

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
) -> folium.Map:
    """The map of ``_events`` (the store ``db`` at ``version`` through the filter of
    ``filter_key`` and the dates of ``window``), framed on ``bounds``, with its time
    control playing as ``playback`` (``Playback``'s fields, in order) says."""
    return build_map(
        _events,
        bounds=bounds,
        cluster_over=cluster_over,
        timeline=True,
        playback=Playback(*playback),
        names=_names,
        basemap_tiles=basemap_tiles,
    )
