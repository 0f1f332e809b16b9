"""Which events a user asked for: one filter shared by the store, exports, the app and PNGs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geo.records import Event


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every field left at its default lets all events through.

    ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``, the GeoJSON bbox order.
    ``text`` is a case-insensitive substring of the quote, title or place.
    """

    date_from: date | None = None
    date_to: date | None = None
    event_types: frozenset[str] = frozenset()
    country_codes: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()
    origins: frozenset[str] = frozenset()
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float = 0.0
    text: str = ""

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.bbox is not None:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
                raise ValueError(f"bbox must be (min_lon, min_lat, max_lon, max_lat) in degrees, got {self.bbox!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be within 0..1, got {self.min_confidence!r}")

    def matches(self, event: Event) -> bool:
        return all(check(self, event) for check in _CHECKS)


def _date_ok(f: EventFilter, e: Event) -> bool:
    if f.date_from is None and f.date_to is None:
        return True
    if e.event_date is None:
        return False
    return (f.date_from is None or e.event_date >= f.date_from) and (f.date_to is None or e.event_date <= f.date_to)


def _bbox_ok(f: EventFilter, e: Event) -> bool:
    if f.bbox is None:
        return True
    min_lon, min_lat, max_lon, max_lat = f.bbox
    return min_lon <= e.lon <= max_lon and min_lat <= e.lat <= max_lat


def _text_ok(f: EventFilter, e: Event) -> bool:
    if not f.text:
        return True
    needle = f.text.casefold()
    return any(needle in s.casefold() for s in (e.quote, e.title, e.place, e.mention))


_CHECKS = (
    _date_ok,
    _bbox_ok,
    _text_ok,
    lambda f, e: not f.event_types or e.event_type in f.event_types,
    lambda f, e: not f.country_codes or e.country_code in f.country_codes,
    lambda f, e: not f.sources or e.source in f.sources,
    lambda f, e: not f.origins or e.origin in f.origins,
    lambda f, e: e.confidence >= f.min_confidence,
)
