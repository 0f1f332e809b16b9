"""Which part of the world a map or a picture opens on.

A war's events crowd into one or two areas, while talks abroad, a statement in a
capital or a namesake put a few far away. Framing all of them shrinks the war to a
corner (the demo's Syria and Yemen beside Geneva, Vienna and Moscow), so the frame
holds the groups of nearby events that together make CORE_SHARE of them, biggest group
first, when everything would make it OUTLIER_WIDENING times larger; the rest are a
zoom-out away, and the map says how many lie outside.

Groups are the connected cells of a coarse grid (GROUP_CELL_DEG): cheap for 100,000
events, and two places in neighbouring cells are one group whatever their distance.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import ndimage

from geo.records import Event

Bounds = tuple[float, float, float, float]

#: The share of events the frame must hold.
CORE_SHARE = 0.8
#: The smallest margin around the framed events, in degrees.
CORE_MARGIN_DEG = 0.5
#: The margin as a share of the framed events' span.
CORE_MARGIN_SHARE = 0.1
#: The far events are left out only when they widen the frame this many times (by area).
OUTLIER_WIDENING = 4.0
#: Grid cell of the grouping, in degrees (about 450 km at the equator).
GROUP_CELL_DEG = 4.0


def core_bounds(events: Sequence[Event]) -> Bounds | None:
    """``(min_lon, min_lat, max_lon, max_lat)`` to frame ``events``: around all of them, or
    around their biggest groups (with a margin) when the far rest would widen the frame
    OUTLIER_WIDENING times. None without events."""
    if not events:
        return None
    lons = np.fromiter((e.lon for e in events), dtype=np.float64, count=len(events))
    lats = np.fromiter((e.lat for e in events), dtype=np.float64, count=len(events))
    full = _box(lons, lats)
    held = _core_mask(lons, lats)
    core = _box(lons[held], lats[held])
    # All events fit as they are (the map pads its frame); a core gets a margin, so its
    # edge events do not sit on the picture's edge beside the ones left out.
    return _with_margin(core) if _area(full) > OUTLIER_WIDENING * _area(core) else full


def _core_mask(lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Which events lie in the biggest groups that together hold CORE_SHARE of them."""
    columns = np.clip(((lons + 180.0) // GROUP_CELL_DEG).astype(np.int64), 0, int(360 / GROUP_CELL_DEG) - 1)
    rows = np.clip(((lats + 90.0) // GROUP_CELL_DEG).astype(np.int64), 0, int(180 / GROUP_CELL_DEG) - 1)
    occupied = np.zeros((int(180 / GROUP_CELL_DEG), int(360 / GROUP_CELL_DEG)), dtype=bool)
    occupied[rows, columns] = True
    labels, count = ndimage.label(occupied, structure=np.ones((3, 3), dtype=bool))
    group = labels[rows, columns]
    sizes = np.bincount(group, minlength=count + 1)
    # Biggest first; among equal sizes the lower label (further south-west), so the frame is deterministic.
    order = sorted(range(1, count + 1), key=lambda g: (-int(sizes[g]), g))
    needed = CORE_SHARE * len(lons)
    taken: list[int] = []
    held = 0
    for g in order:
        taken.append(g)
        held += int(sizes[g])
        if held >= needed:
            break
    return np.isin(group, taken)


def _box(lons: np.ndarray, lats: np.ndarray) -> Bounds:
    return (float(lons.min()), float(lats.min()), float(lons.max()), float(lats.max()))


def _area(box: Bounds) -> float:
    return max(box[2] - box[0], CORE_MARGIN_DEG) * max(box[3] - box[1], CORE_MARGIN_DEG)


def _with_margin(box: Bounds) -> Bounds:
    min_lon, min_lat, max_lon, max_lat = box
    lon_margin = max((max_lon - min_lon) * CORE_MARGIN_SHARE, CORE_MARGIN_DEG)
    lat_margin = max((max_lat - min_lat) * CORE_MARGIN_SHARE, CORE_MARGIN_DEG)
    return (
        max(min_lon - lon_margin, -180.0),
        max(min_lat - lat_margin, -85.0),
        min(max_lon + lon_margin, 180.0),
        min(max_lat + lat_margin, 85.0),
    )
