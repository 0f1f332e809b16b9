"""One event at Palmyra (the gazetteer's Tadmur) for tests to vary: every field set, so a
test changes only what it is about."""

from __future__ import annotations

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
