"""Events as an RFC 7946 FeatureCollection (WGS84, ``[lon, lat]``, no ``crs`` member)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from geo.records import Event


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [e.__geo_interface__ for e in events]}


def dumps(events: Iterable[Event], *, indent: int | None = None) -> str:
    # ensure_ascii=False keeps place names readable; the output is UTF-8.
    return json.dumps(feature_collection(events), ensure_ascii=False, indent=indent)
