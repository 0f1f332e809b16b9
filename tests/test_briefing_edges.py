"""The slide's fitted view leaves room for whole markers at every edge: a place at the edge
of the bounds, or just past them but in view, is never cut by the frame."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from palmyra import palmyra_event
from PIL import Image

from geo.map.briefing import render_png
from geo.records import Event

#: The slide's map frame inside the picture (mapview's slide layout): 20 px margins, a 72 px header.
FRAME_LEFT, FRAME_TOP, FRAME_RIGHT_GAP, FRAME_BOTTOM_GAP = 20, 72, 20, 20
#: The frontline colour (mapview.EVENT_STYLE, #d55e00) as a marker's fill shows it over land.
FRONTLINE_FILL_RGB = (219, 123, 47)


def events_at(lat: float, lon: float, n: int, prefix: str, event_type: str = "frontline") -> list[Event]:
    """``n`` events of one type at one place: one marker, the type's own shape."""
    return [
        palmyra_event(
            event_id=f"{prefix}{i}",
            event_type=event_type,
            sub_event_type="",
            lat=lat,
            lon=lon,
            place=prefix,
            mention=prefix,
            event_date=date(2016, 3, 1 + i % 28),
        )
        for i in range(n)
    ]


def marker_mask(path: Path) -> np.ndarray:
    """Where the picture shows the frontline markers' fill."""
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("RGB"), dtype=np.int32)
    return np.abs(pixels - np.array(FRONTLINE_FILL_RGB)).sum(axis=2) < 30


def frame_edges(mask: np.ndarray, width: int, height: int, strip: int = 2) -> int:
    """How many marker pixels lie in the outermost ``strip`` pixels of the map's frame."""
    top, bottom = FRAME_TOP, height - FRAME_BOTTOM_GAP
    left, right = FRAME_LEFT, width - FRAME_RIGHT_GAP
    frame = mask[top:bottom, left:right]
    return int(frame[:strip].sum() + frame[-strip:].sum() + frame[:, :strip].sum() + frame[:, -strip:].sum())


@pytest.mark.browser
def test_the_largest_markers_at_the_corners_of_the_bounds_are_drawn_whole(tmp_path: Path, chromium_path: Path) -> None:
    # Two types at each corner: the largest markers, each moved off its point to keep them apart.
    events = [
        *events_at(34.0, 36.0, 300, "sw"),
        *events_at(34.0, 36.0, 300, "sw-talks", "diplomacy"),
        *events_at(37.0, 40.0, 300, "ne"),
        *events_at(37.0, 40.0, 300, "ne-talks", "diplomacy"),
    ]
    width, height = 800, 500
    result = render_png(
        events,
        tmp_path / "corners.png",
        width=width,
        height=height,
        bbox=(36.0, 34.0, 40.0, 37.0),
        browser=chromium_path,
    )
    assert result.renderer == "chromium"
    mask = marker_mask(result.path)
    assert mask[FRAME_TOP : height - FRAME_BOTTOM_GAP, FRAME_LEFT : width - FRAME_RIGHT_GAP].sum() > 400  # both drawn
    assert frame_edges(mask, width, height) == 0


@pytest.mark.browser
def test_a_place_past_the_bounds_at_the_edge_of_the_view_is_drawn_whole(tmp_path: Path, chromium_path: Path) -> None:
    region = [e for k in range(6) for e in events_at(33.0 + 0.6 * k, 36.0 + 0.2 * k, 40, f"r{k}-")]
    box = (35.5, 32.5, 37.5, 36.5)  # tall and narrow: the wide slide shows more than the box
    width, height = 900, 500
    first = render_png(region, tmp_path / "region.png", width=width, height=height, bbox=box, browser=chromium_path)
    west, south, east, north = first.view
    assert east - west > 2 * (box[2] - box[0])  # the view reaches well past the box's sides
    # A place outside the box whose point lies right at the top edge of that view.
    far = events_at(north - 0.01 * (north - south), west + 0.8 * (east - west), 40, "far")
    result = render_png(region + far, tmp_path / "far.png", width=width, height=height, bbox=box, browser=chromium_path)
    mask = marker_mask(result.path)
    assert frame_edges(mask, width, height) == 0
    top_band = mask[FRAME_TOP : FRAME_TOP + 120, FRAME_LEFT + int(0.6 * (width - 40)) : width - FRAME_RIGHT_GAP]
    assert top_band.sum() > 100  # drawn, not left out
