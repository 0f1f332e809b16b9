"""Events as an RFC 7946 FeatureCollection (WGS84, ``[lon, lat]``, no ``crs`` member)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from geo.records import Event


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [e.__geo_interface__ for e in events]}


def dumps(events: Iterable[Event], *, indent: int | None = None) -> str:
    # ensure_ascii=False keeps place names readable; the output is UTF-8.
    return json.dumps(feature_collection(events), ensure_ascii=False, indent=indent)


def dump(events: Iterable[Event], out: TextIO, *, indent: int | None = None) -> int:
    """``dumps`` written a feature at a time (the same text), so a long article's many
    events never make one string; returns the number of features."""
    if not indent:
        head, pad, separator, tail, empty_tail = '{"type": "FeatureCollection", "features": [', "", ", ", "]}", "]}"
    else:
        one, two = " " * indent, " " * (2 * indent)
        head = f'{{\n{one}"type": "FeatureCollection",\n{one}"features": ['
        pad, separator, tail, empty_tail = "\n" + two, ",", f"\n{one}]\n}}", "]\n}"
    out.write(head)
    count = 0
    for event in events:
        text = json.dumps(event.__geo_interface__, ensure_ascii=False, indent=indent)
        out.write((separator if count else "") + pad + (text.replace("\n", pad) if pad else text))
        count += 1
    out.write(tail if count else empty_tail)
    return count
