"""One event at Palmyra (the gazetteer's Tadmur) for tests to vary: every field set, so a
test changes only what it is about."""

from __future__ import annotations

import zlib
from dataclasses import replace
from datetime import date

from geo.records import Event

PALMYRA_EVENT = Event(
    event_id="e0",
    event_type="frontline",
    sub_event_type="armed_clash",
    event_date=date(2016, 3, 24),
    date_precision=1,
    place="Tadmur",
    mention="Palmyra",
    lat=34.56,
    lon=38.28,
    geonameid=170617,
    country_code="SY",
    admin1="Homs",
    feature_code="PPL",
    geo_precision=1,
    quote="Government forces retook Palmyra on Thursday.",
    article_id="a1",
    title="Palmyra retaken",
    published=date(2016, 3, 27),
    source="Reuters",
    url="https://news.example.org/palmyra",
    confidence=0.9,
)


def palmyra_event(**changes) -> Event:
    return replace(PALMYRA_EVENT, **changes)


def events_at_places(
    name: str, spots: list[tuple[float, float]], *, per_place: int = 1, country: str = "UA", **changes
) -> list[Event]:
    """``per_place`` events at each of ``spots``, each spot a place of its own ("<name> <i>",
    with a gazetteer id of its own)."""
    return [
        palmyra_event(
            event_id=f"{name}-{i}-{k}",
            place=f"{name} {i}",
            mention=f"{name} {i}",
            geonameid=zlib.crc32(f"{name}-{i}".encode()) % 10_000_000 + 1,
            lat=lat,
            lon=lon,
            country_code=country,
            **changes,
        )
        for i, (lat, lon) in enumerate(spots)
        for k in range(per_place)
    ]
