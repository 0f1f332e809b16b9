"""The timeline under the map: events per day and type over the period, the chosen window shaded.

The page draws it with ``st.altair_chart``; its daily counts are kept per store version and
filter like the map's events (``geo.web.mapcache``), and the server's warm-up
(``geo.web.warmup``) fills them for the opening view, so that the first page after a start
counts nothing and imports nothing the chart needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

import streamlit as st

from geo.map.mapview import EVENT_STYLE
from geo.records import EVENT_TYPES, Event
from geo.web import appstate as view

if TYPE_CHECKING:
    import altair
    import pandas


@st.cache_data(max_entries=8, show_spinner=False)
def daily_frame(db: str, version: int, key: tuple, coverage: bool, _events: Sequence[Event]) -> pandas.DataFrame:
    """``appstate.daily_counts`` of ``_events`` (the store ``db`` at ``version`` through the
    filter of ``key``), reports counted instead of events with ``coverage``."""
    return view.daily_counts(_events, coverage=coverage)


def timeline_chart(
    daily: pandas.DataFrame, window: view.Window, period: view.Window, *, coverage: bool
) -> altair.LayerChart:
    """Bars of ``daily`` (``daily_frame``) by type over ``period``, ``window`` shaded."""
    import altair as alt
    import pandas as pd

    domain = [pd.Timestamp(period[0]), pd.Timestamp(period[1] + timedelta(days=1))]
    axis = view.timeline_axis(period)
    # The types by the names the map's legend gives them ("Frontline"), in the legend's colours.
    labels = [EVENT_STYLE[t].label for t in EVENT_TYPES]
    colours = alt.Scale(domain=labels, range=[EVENT_STYLE[t].colour for t in EVENT_TYPES])
    # Only the period's days: a bar of a stray date outside it would widen the drawing, and
    # the chart would shrink its plot to a part of the page's width to make room for it.
    dates = pd.to_datetime(daily["event_date"])
    within = daily[(dates >= domain[0]) & (dates < domain[1])]
    named = within.assign(
        event_type=within["event_type"].map(lambda t: EVENT_STYLE[t].label if t in EVENT_STYLE else t)
    )
    bars = (
        alt.Chart(named)
        .mark_bar()
        .encode(
            x=alt.X(
                "event_date:T",
                title=None,
                scale=alt.Scale(domain=domain),
                axis=alt.Axis(format=axis.format, tickCount={"interval": axis.interval, "step": axis.step}),
            ),
            y=alt.Y("sum(events):Q", title="reports / day" if coverage else "events / day"),
            color=alt.Color("event_type:N", scale=colours, legend=alt.Legend(title=None, orient="top")),
            tooltip=[
                alt.Tooltip("event_date:T", title="date"),
                alt.Tooltip("event_type:N", title="type"),
                alt.Tooltip("events:Q", title="reports" if coverage else "events"),
            ],
        )
    )
    shown = pd.DataFrame({"start": [pd.Timestamp(window[0])], "end": [pd.Timestamp(window[1] + timedelta(days=1))]})
    shade = alt.Chart(shown).mark_rect(color="#555555", opacity=0.12).encode(x="start:T", x2="end:T")
    # As wide as the page's column: the chart's own default width would leave most of it empty.
    return (shade + bars).properties(width="container")


def prepare_chart(chart: altair.LayerChart, daily: pandas.DataFrame) -> None:
    """What ``st.altair_chart`` does with ``chart`` before sending it, done once so that the
    libraries it loads on first use (Vega-Lite's schema, pandas' Arrow conversion; some
    0.2 s) are loaded before a page needs them."""
    import pyarrow as pa

    chart.to_dict()
    pa.Table.from_pandas(daily)
