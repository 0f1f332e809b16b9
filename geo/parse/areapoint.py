"""Where along a river a story happens.

A river 2,800 km long has no one point: the gazetteer's is a label somewhere on it, often
hundreds of kilometres from the reach a story is about. A report that names the river
beside a town on its bank ("a bridge over the river at X", "the river town of X") means
the river by that town, so the river is placed at the part of its extent (its bounding
box) nearest that town, not at its label.

Only rivers move. A sea, lake or island is an area whose middle stands for it, and a
named region ("Central Asia", "the Balkans") is meant as a whole; a town is where it is.
A river whose label already lies near the town keeps it: the label is on the river, and
the nearest point of a box (land on either bank) need not be.
"""

from __future__ import annotations

from gazetteer.entry import Entry
from gazetteer.extent import Extent
from gazetteer.geodesy import great_circle_km

#: GeoNames feature codes of features placed by the story: rivers and streams.
MOVABLE_CODES = frozenset({"STM"})
#: Feature classes of the places a story is told around: populated places and spots.
STORY_PLACE_CLASSES = frozenset({"P", "S"})
#: A label no farther than this from the story's part of the river already marks that
#: reach: the river keeps it. The radius within which a place counts as found (161 km).
LABEL_KEPT_KM = 161.0


def is_movable(entry: Entry) -> bool:
    """Is the entry a feature a town beside it may place (a river)?"""
    return entry.feature_code in MOVABLE_CODES


def is_story_place(entry: Entry) -> bool:
    """Can the entry tell where a story happens (a town or a spot, not an area)?"""
    return entry.feature_class in STORY_PLACE_CLASSES


def point_by(extent: Extent, lat: float, lon: float, reach_km: float) -> tuple[float, float] | None:
    """The point of ``extent`` nearest (lat, lon) (itself when inside), or None when it lies
    farther than ``reach_km`` from the extent: a town that far is not on the river."""
    if extent.km_to(lat, lon) > reach_km:
        return None
    return extent.nearest_point(lat, lon)


def moved_point(label: tuple[float, float], point: tuple[float, float] | None) -> tuple[float, float] | None:
    """``point`` when the label lies farther than ``LABEL_KEPT_KM`` from it, else None (the
    label stays)."""
    if point is None or great_circle_km(*label, *point) <= LABEL_KEPT_KM:
        return None
    return point
