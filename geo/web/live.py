"""The page keeps itself current: a small fragment polls the store's version and reruns the
page when another writer (a watch, an ingest, another tab) changed the store.

Reading the version is one ``PRAGMA user_version`` (microseconds), so polling every few
seconds costs nothing while the store is quiet; only a change reruns the whole page,
which then reads the new data through its version-keyed caches.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import streamlit as st

#: Seconds between two looks at the store's version.
REFRESH_EVERY_S = 3.0
#: Set to a number of seconds to look more or less often (0 turns the refresh off).
REFRESH_ENV = "CONFLICTMAP_REFRESH_S"


def refresh_interval(value: str | None = None) -> float:
    """Seconds between two looks at the store, from ``$CONFLICTMAP_REFRESH_S`` (0: never)."""
    text = (os.environ.get(REFRESH_ENV, "") if value is None else value).strip()
    if not text:
        return REFRESH_EVERY_S
    try:
        seconds = float(text)
    except ValueError:
        return REFRESH_EVERY_S  # a typo in a setting must not take the page down
    return seconds if seconds >= 0 and seconds != float("inf") else REFRESH_EVERY_S


def follow_store(read_version: Callable[[], int], shown_version: int, *, every_s: float | None = None) -> None:
    """Rerun the page as soon as ``read_version()`` differs from ``shown_version``, the
    version the page was drawn from; checked every ``every_s`` seconds in the browser's
    session, without redrawing anything while nothing changed."""
    interval = refresh_interval() if every_s is None else every_s
    if interval <= 0:
        return
    _version_watch(read_version, shown_version, interval)


def _version_watch(read_version: Callable[[], int], shown_version: int, interval: float) -> None:
    @st.fragment(run_every=interval)
    def look() -> None:
        # the fragment reruns with the arguments of the page's last full run
        if read_version() != shown_version:
            st.rerun(scope="app")

    look()
