"""The one line over the map: how many events it shows of how many, over which dates, and
why the rest are not shown, so an analyst never wonders where an event went.

It stays one line in any window (the map below takes the window's height under one line):
what does not fit is cut at its end, where the hint on the sidebar stands, and the whole
line is the header's tooltip."""

from __future__ import annotations

import html
import re
from datetime import date

Window = tuple[date, date]
SEPARATOR = " \u00b7 "


def header_html(shown: int, total: int, window: Window, *, outside_dates: int = 0, fresh: int = 0) -> str:
    """The header's markup: ``shown`` of ``total`` events over ``window``; ``outside_dates`` of the
    filtered events lie outside the window's dates (said, since the page may open on a window
    without a few stray dates); ``fresh`` were just added. Numbers and dates only: no text from
    an article or a user goes into this markup."""
    dates = f"{window[0]:%Y-%m-%d} \u2013 {window[1]:%Y-%m-%d}"
    parts = [f"<b>conflictmap</b> \u00b7 {shown:,} of {total:,} events \u00b7 {dates}"]
    if outside_dates:
        parts.append(f"{outside_dates:,} outside these dates")
    if fresh:
        parts.append(f"<b>{fresh:,} just added, highlighted</b>")
    parts.append("filters and dates in the sidebar (\u00bb at the top left)")
    line = SEPARATOR.join(parts)
    return f'<div class="cm-header" title="{html.escape(_TAG.sub("", line))}">{line}</div>'


_TAG = re.compile("<[^>]+>")
