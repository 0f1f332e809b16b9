"""The event feed drawn on the page: a list beside the map, one row an event.

A Streamlit component of the page itself (no frame of its own): ``static/feed.js``
draws the rows ``geo.web.feed.feed_data`` describes, flies the map to a row clicked
and reports the row's event id, which ``on_chosen`` turns into the event shown. Being
in the page, it also gives the map beside it and itself the window's height
(``WindowFit``): only the browser knows how tall the window is.

The map's time control plays inside the map's frame, in the browser, without the
server. Each step tells the page its dates; the feed at once keeps only its rows of
those dates and counts them from ``feed.day_counts``, and reports the dates (its state
``window``), so that the page sends the newest rows of the step (``play_window``).
The map's origin toggles are followed alike: its frame says which origins it hides, the
feed hides their rows at once and reports them (its state ``hidden``), and the page sends
the rows of the origins shown (``hidden_origins``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import streamlit as st

from geo.records import day_or_none
from geo.web.feed import PlayWindow

#: The feed's widget key; its trigger ``chosen`` holds the event id of the row clicked.
FEED_KEY = "feed"
_NAME = "conflictmap_feed"


@dataclass(frozen=True, slots=True)
class WindowFit:
    """The map and the feed take the window's height below their top, less ``gap``
    pixels, and no less than ``min`` nor more than ``max`` pixels."""

    min: int
    max: int
    gap: int

    def __post_init__(self) -> None:
        if not 0 < self.min <= self.max or self.gap < 0:
            raise ValueError(f"expected 0 < min <= max and gap >= 0, got {self!r}")


def _asset(name: str) -> str:
    return resources.files("geo.web").joinpath("static", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _component() -> Any:
    return st.components.v2.component(_NAME, css=_asset("feed.css"), js=_asset("feed.js"))


def chosen_event(value: object) -> str | None:
    """The event id of the row clicked, from the feed's widget state; None when there is none."""
    chosen = value.get("chosen") if isinstance(value, dict) else getattr(value, "chosen", None)
    return chosen if isinstance(chosen, str) and chosen else None


def play_window(value: object) -> PlayWindow | None:
    """The dates the map's time control shows, from the feed's widget state: ``(first or
    None, last)``; None when it shows every date (or says nothing readable)."""
    window = value.get("window") if isinstance(value, dict) else getattr(value, "window", None)
    if not isinstance(window, dict):
        return None
    last = day_or_none(window.get("to"))
    if last is None:
        return None
    first = day_or_none(window.get("from"))
    return (first if first is not None and first <= last else None, last)


def hidden_origins(value: object) -> frozenset[str]:
    """The origins the map's toggles hide, from the feed's widget state (none when it says
    nothing readable)."""
    hidden = value.get("hidden") if isinstance(value, dict) else getattr(value, "hidden", None)
    if not isinstance(hidden, list):
        return frozenset()
    return frozenset(origin for origin in hidden if isinstance(origin, str))


def _keep() -> None:
    """The step's dates are read when the feed is drawn: nothing to do when they change."""


def show_feed(data: dict[str, Any], *, fit: WindowFit, on_chosen: Callable[[], None]) -> None:
    """The feed of ``data`` (``feed.feed_data``), it and the map beside it as high as ``fit``
    says; ``on_chosen`` runs when a row is clicked. A playback step reruns what draws it."""
    _component()(
        data={**data, "fit": asdict(fit)},
        key=FEED_KEY,
        on_chosen_change=on_chosen,
        on_window_change=_keep,
        on_hidden_change=_keep,
        height="content",
    )
