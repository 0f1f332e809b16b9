"""The records that flow through the pipeline: Article -> Mention -> Place -> Event.

Every stage is a pure function over these frozen dataclasses; nothing here does IO.
The event record's property names are the contract every output shares
(GeoJSON, CSV, the store, the map), so they live in one place: ``EVENT_PROPERTIES``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gazetteer.entry import Entry

EVENT_TYPES = ("frontline", "diplomacy", "humanitarian", "other")

#: Where an event came from: our own parsing, or an imported dataset.
ORIGINS = ("conflictmap", "acled", "gdelt")

#: ACLED's time_precision: 1 day, 2 week, 3 month.
DATE_PRECISION_DAY, DATE_PRECISION_WEEK, DATE_PRECISION_MONTH = 1, 2, 3

#: ACLED's geo_precision: 1 the town itself, 2 near a town / part of a region,
#: 3 a region's or a country's representative point.
GEO_PRECISION_TOWN, GEO_PRECISION_NEAR, GEO_PRECISION_REGION = 1, 2, 3

#: The label of a demonym's mention ("Syrian soldiers": Syria): a reference to a country by
#: the adjective of its people, not a place named, so never where an event happened.
DEMONYM_LABEL = "DEMONYM"
#: What a mention is, as written out (``geoparse`` output, predictions files): a place
#: named, or a demonym read as its country.
PLACE_KIND, DEMONYM_KIND = "place", "demonym"


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex digest of ``parts``: the same inputs give the same id on every run."""
    # surrogatepass: a lone surrogate in a text still gives an id (valid text is unchanged).
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``article_id`` derives from the text, not the file name,
    so the same article read twice, under any name, is the same article."""

    text: str
    title: str = ""
    published: date | None = None
    source: str = ""
    url: str = ""
    article_id: str = ""

    def __post_init__(self) -> None:
        if not self.article_id:
            object.__setattr__(self, "article_id", stable_id(" ".join(self.text.split())))


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article's text that names a place.

    ``start``/``end`` are offsets into ``Article.text`` (code points, end exclusive).
    ``label`` says what found it: a spaCy label (``GPE``, ``LOC``, ``FAC``) or
    ``GAZ`` for a gazetteer match the model missed or mislabelled; ``DEMONYM`` marks a
    demonym read as its country, which the geoparser returns only on request.
    """

    start: int
    end: int
    text: str
    label: str = "GPE"
    sentence: int = 0  # index of the sentence (in the article's sentence list)

    @property
    def is_demonym(self) -> bool:
        return self.label == DEMONYM_LABEL

    @property
    def kind(self) -> str:
        return DEMONYM_KIND if self.is_demonym else PLACE_KIND


@dataclass(frozen=True, slots=True)
class Place:
    """A mention resolved to one gazetteer entry."""

    mention: Mention
    entry: Entry
    confidence: float
    geo_precision: int = GEO_PRECISION_TOWN
    candidates: tuple[Entry, ...] = ()  # the alternatives considered, best first
    #: The gazetteer lacks the place the mention names: ``entry`` is the nearest town or the
    #: smallest area the text gives for it (``geo_precision`` 2 or 3), the mention its name.
    unlisted: bool = False


@dataclass(frozen=True, slots=True)
class EventReport:
    """One article's account of a happening: where a merged event's evidence comes from."""

    article_id: str
    source: str
    quote: str
    url: str = ""
    title: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """What happened where and when, with the evidence. The contract of every output."""

    event_id: str
    event_type: str
    sub_event_type: str
    event_date: date | None
    date_precision: int
    place: str
    mention: str
    lat: float
    lon: float
    geonameid: int | None
    country_code: str
    admin1: str
    feature_code: str
    geo_precision: int
    quote: str
    article_id: str
    title: str
    published: date | None
    source: str
    url: str
    confidence: float
    origin: str = "conflictmap"
    extra: tuple[tuple[str, str], ...] = field(default=())  # origin-specific codes, kept as strings
    # Who: ACLED's actor names and actor types (inter codes 1-8, 0 when there is no such actor;
    # interaction is the two codes as one number, smaller first, e.g. 12).
    actor1: str = ""
    assoc_actor_1: str = ""
    actor2: str = ""
    assoc_actor_2: str = ""
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    # Reported deaths; 0 when none are reported (ACLED's convention).
    fatalities: int = 0
    # How many distinct sources tell this happening, and every report of it (its own first);
    # an event nobody merged anything into has no reports listed and one source.
    sources: int = 1
    reports: tuple[EventReport, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.event_type not in EVENT_TYPES:
            raise ValueError(f"event_type must be one of {EVENT_TYPES}, got {self.event_type!r}")
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"coordinates out of range: lat={self.lat!r}, lon={self.lon!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be within 0..1, got {self.confidence!r}")

    def properties(self) -> dict[str, Any]:
        """The event record's properties, JSON-ready (dates as ISO strings)."""
        return {name: _jsonable(getattr(self, name)) for name in EVENT_PROPERTIES}

    def coded_properties(self) -> dict[str, Any]:
        """The coded fields every export carries (``EXPORTED_CODED_FIELDS``), JSON-ready:
        ``reports`` lists every report of the event, its own when nothing was merged into it."""
        return {
            "sources": self.sources,
            "reports": [_report_dict(r) for r in self.reports or (self.own_report(),)],
            "actor1": self.actor1,
            "actor2": self.actor2,
            "fatalities": self.fatalities,
        }

    def own_report(self) -> EventReport:
        """The event's own article as a report."""
        return EventReport(self.article_id, self.source, self.quote, self.url, self.title, self.published)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        # GeoJSON orders coordinates [lon, lat] (RFC 7946, section 3.1.1).
        return {
            "type": "Feature",
            "id": self.event_id,
            "geometry": {"type": "Point", "coordinates": [self.lon, self.lat]},
            "properties": self.properties() | self.coded_properties(),
        }


def day_or_none(value: object) -> date | None:
    """The day an ISO date string names; None for anything else (a stored or sent value that
    is missing or malformed reads as no day rather than failing)."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def event_id_for(article_id: str, sentence_index: int, geonameid: int | None, mention: str) -> str:
    """The same article, sentence and place give the same id on every run."""
    return stable_id(article_id, sentence_index, geonameid if geonameid is not None else mention)


def _report_dict(report: EventReport) -> dict[str, Any]:
    return {name: _jsonable(getattr(report, name)) for name in REPORT_FIELDS}


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return dict(value)
    return value


#: Property names of the event record, in the documented order (DESIGN's table),
#: followed by the origin (ours or an imported dataset) and origin-specific codes.
EVENT_PROPERTIES: tuple[str, ...] = (
    "event_id",
    "event_type",
    "sub_event_type",
    "event_date",
    "date_precision",
    "place",
    "mention",
    "geonameid",
    "country_code",
    "admin1",
    "feature_code",
    "geo_precision",
    "quote",
    "article_id",
    "title",
    "published",
    "source",
    "url",
    "confidence",
    "origin",
    "extra",
)


#: The coded-event fields (actors, deaths, sources, reports): the store keeps them and its
#: coded events fill sources and reports; the exports do not write them yet (not in EVENT_PROPERTIES).
CODED_FIELDS: tuple[str, ...] = (
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "inter1",
    "inter2",
    "interaction",
    "fatalities",
    "sources",
    "reports",
)


#: The coded fields the exports carry after ``EVENT_PROPERTIES`` (GeoJSON properties, CSV columns).
EXPORTED_CODED_FIELDS: tuple[str, ...] = ("sources", "reports", "actor1", "actor2", "fatalities")

#: A report's keys in the exports, in this order.
REPORT_FIELDS: tuple[str, ...] = ("article_id", "source", "url", "quote", "title", "published")


@dataclass(frozen=True, slots=True)
class PlaceOverride:
    """A user's correction: the place written ``mention`` is this place.

    ``mention`` is matched case- and diacritics-insensitively; ``article_id == ""``
    applies the correction in every article, otherwise only in that one.
    """

    mention: str
    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    admin1: str = ""
    feature_code: str = ""
    article_id: str = ""

    def __post_init__(self) -> None:
        if not self.mention.strip():
            raise ValueError(f"an override needs the mention as written, got {self.mention!r}")
        if not (-90.0 <= self.lat <= 90.0 and -180.0 <= self.lon <= 180.0):
            raise ValueError(f"coordinates out of range: lat={self.lat!r}, lon={self.lon!r}")

    @classmethod
    def to_entry(cls, mention: str, entry: Entry, *, article_id: str = "") -> PlaceOverride:
        """The correction "the place written ``mention`` is the gazetteer's ``entry``"."""
        return cls(
            mention=mention,
            geonameid=entry.geonameid,
            name=entry.name,
            lat=entry.lat,
            lon=entry.lon,
            country_code=entry.country_code,
            admin1=entry.admin1,
            feature_code=entry.feature_code,
            article_id=article_id,
        )

    def entry(self) -> Entry:
        """The corrected place as a gazetteer entry, for the resolver."""
        area = self.feature_code.startswith(("PCL", "ADM"))
        return Entry(
            geonameid=self.geonameid,
            name=self.name,
            lat=self.lat,
            lon=self.lon,
            country_code=self.country_code,
            feature_class="A" if area else "P",
            feature_code=self.feature_code or "PPL",
            admin1=self.admin1,
        )


@dataclass(frozen=True, slots=True)
class EventCorrection:
    """A user's correction of one event: its type, sub-type or date, or that it is no event.

    ``None`` leaves a field as the parser (or the imported file) gave it. ``article_id``,
    ``mention`` and ``quote`` say where the event was read, so the correction still finds
    it when parsing the article again gives it another id (its place was corrected).
    """

    event_id: str
    article_id: str = ""
    mention: str = ""
    quote: str = ""
    event_type: str | None = None
    sub_event_type: str | None = None
    event_date: date | None = None
    deleted: bool = False

    def __post_init__(self) -> None:
        if not self.event_id.strip():
            raise ValueError(f"a correction needs the event's id, got {self.event_id!r}")
        if self.event_type is not None and self.event_type not in EVENT_TYPES:
            raise ValueError(f"event_type must be one of {EVENT_TYPES}, got {self.event_type!r}")

    @classmethod
    def of(cls, event: Event, **changes: Any) -> EventCorrection:
        """A correction of ``event`` making ``changes`` (event_type, sub_event_type, event_date, deleted)."""
        return cls(event.event_id, event.article_id, event.mention, event.quote, **changes)
