"""ACLED's CSV layout, and events to and from its rows.

ACLED codes events in its own types (Battles, Explosions/Remote violence, ...).
Writing maps ours onto theirs; our own fields travel in ``conflictmap_*`` columns,
so a file this package wrote reads back as the very same events. A row from ACLED
itself (no such columns) becomes an event of origin ``acled``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from geo.countries import alpha2_from_name, alpha2_from_numeric, country
from geo.errors import InputError
from geo.parse.actors import interaction
from geo.records import (
    DATE_PRECISION_DAY,
    GEO_PRECISION_TOWN,
    Event,
    EventReport,
    stable_id,
)

#: ACLED's columns (2023 onwards), in their order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

#: Our fields that ACLED's columns cannot hold, so that a round trip loses nothing.
CONFLICTMAP_COLUMNS: tuple[str, ...] = (
    "country_code",
    "conflictmap_event_id",
    "conflictmap_event_type",
    "conflictmap_sub_event_type",
    "conflictmap_mention",
    "conflictmap_geonameid",
    "conflictmap_feature_code",
    "conflictmap_article_id",
    "conflictmap_title",
    "conflictmap_published",
    "conflictmap_url",
    "conflictmap_confidence",
    "conflictmap_origin",
    "conflictmap_extra",
    "conflictmap_source",
    "conflictmap_sources",
    "conflictmap_reports",
)

EXPORT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + CONFLICTMAP_COLUMNS

#: Columns an ACLED file must have for its rows to be read.
REQUIRED_COLUMNS = ("event_id_cnty", "event_date", "event_type", "latitude", "longitude")

#: Our (event_type, sub_event_type) -> ACLED's (event_type, sub_event_type).
#: ACLED has no humanitarian type: aid and displacement are strategic developments.
TO_ACLED_TYPE: dict[tuple[str, str], tuple[str, str]] = {
    ("frontline", "armed_clash"): ("Battles", "Armed clash"),
    ("frontline", "territory_change"): ("Battles", "Armed clash"),
    ("frontline", "air_strike"): ("Explosions/Remote violence", "Air/drone strike"),
    ("frontline", "shelling"): ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("frontline", "explosion"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("frontline", "bombing"): ("Explosions/Remote violence", "Suicide bomb"),
    ("frontline", "attack_on_civilians"): ("Violence against civilians", "Attack"),
    ("diplomacy", "agreement"): ("Strategic developments", "Agreement"),
    ("other", "protest"): ("Protests", "Peaceful protest"),
    ("other", "riot"): ("Riots", "Violent demonstration"),
}
#: When the sub-type is not in the table above.
TO_ACLED_TYPE_DEFAULT: dict[str, tuple[str, str]] = {
    "frontline": ("Battles", "Armed clash"),
    "diplomacy": ("Strategic developments", "Other"),
    "humanitarian": ("Strategic developments", "Other"),
    "other": ("Strategic developments", "Other"),
}

#: ACLED's sub_event_type -> ours (event_type, sub_event_type).
FROM_ACLED_SUB_TYPE: dict[str, tuple[str, str]] = {
    "armed clash": ("frontline", "armed_clash"),
    "government regains territory": ("frontline", "territory_change"),
    "non-state actor overtakes territory": ("frontline", "territory_change"),
    "air/drone strike": ("frontline", "air_strike"),
    "shelling/artillery/missile attack": ("frontline", "shelling"),
    "remote explosive/landmine/ied": ("frontline", "explosion"),
    "suicide bomb": ("frontline", "bombing"),
    "grenade": ("frontline", "explosion"),
    "chemical weapon": ("frontline", "chemical_attack"),
    "attack": ("frontline", "attack_on_civilians"),
    "abduction/forced disappearance": ("frontline", "abduction"),
    "sexual violence": ("frontline", "sexual_violence"),
    "agreement": ("diplomacy", "agreement"),
    "non-violent transfer of territory": ("frontline", "territory_change"),
    "peaceful protest": ("other", "protest"),
    "protest with intervention": ("other", "protest"),
    "excessive force against protesters": ("other", "protest"),
    "violent demonstration": ("other", "riot"),
    "mob violence": ("other", "riot"),
}
#: ACLED's event_type -> ours, for sub-types the table above does not know.
FROM_ACLED_TYPE: dict[str, str] = {
    "battles": "frontline",
    "explosions/remote violence": "frontline",
    "violence against civilians": "frontline",
    "protests": "other",
    "riots": "other",
    "strategic developments": "other",
}

DISORDER_TYPES: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Political violence; Demonstrations",
    "Strategic developments": "Strategic developments",
}

#: ACLED's own columns kept in ``extra`` when importing (their codes, as strings).
ACLED_EXTRA_COLUMNS = (
    "event_id_cnty",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "interaction",
    "civilian_targeting",
    "fatalities",
    "iso",
    "admin2",
    "admin3",
    "source_scale",
    "tags",
)

#: ACLED's actor types (inter1, inter2) by the labels its newer files write instead of the codes.
INTER_LABELS: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}

#: ACLED's separator between the sources of one event.
SOURCE_SEPARATOR = "; "

#: ACLED's source scales, in the order a combination names them ("National-International").
SOURCE_SCALES = ("Local partner", "Subnational", "National", "Regional", "International", "New media", "Other")

#: Outlets whose scale is known without asking: wire services and broadcasters that report
#: from everywhere. Others are left unscaled rather than guessed.
OUTLET_SCALES: dict[str, str] = {
    name: "International"
    for name in (
        "reuters",
        "associated press",
        "the associated press",
        "ap",
        "agence france-presse",
        "afp",
        "al jazeera",
        "al jazeera english",
        "bbc",
        "bbc news",
        "cnn",
        "deutsche welle",
        "dw",
        "france 24",
        "bloomberg",
        "the guardian",
        "the new york times",
        "the washington post",
        "voice of america",
        "radio free europe/radio liberty",
        "anadolu agency",
        "xinhua",
        "tass",
        "interfax",
        "ukrinform",
        "un news",
        "reliefweb",
    )
}

#: ACLED codes people; its events carry no geoparsing uncertainty of ours.
ACLED_CONFIDENCE = 1.0

_ASCII_DIGITS = re.compile(r"[0-9]+")

ACLED_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d-%b-%Y", "%d/%m/%Y")


# ---------------------------------------------------------------------------
# writing


def acled_row(event: Event) -> dict[str, str]:
    """One event as a row of the ACLED-style export (every value a string)."""
    acled_type, acled_sub_type = TO_ACLED_TYPE.get(
        (event.event_type, event.sub_event_type), TO_ACLED_TYPE_DEFAULT[event.event_type]
    )
    found = country(event.country_code) if event.country_code else None
    return {
        **dict.fromkeys(EXPORT_COLUMNS, ""),
        "event_id_cnty": event.event_id,
        "event_date": _iso(event.event_date),
        "year": str(event.event_date.year) if event.event_date else "",
        "time_precision": str(event.date_precision),
        "disorder_type": DISORDER_TYPES[acled_type],
        "event_type": acled_type,
        "sub_event_type": acled_sub_type,
        "iso": str(found.numeric) if found and found.numeric is not None else "",
        "country": found.name if found else "",
        "admin1": event.admin1,
        "location": event.place,
        "latitude": repr(event.lat),
        "longitude": repr(event.lon),
        "geo_precision": str(event.geo_precision),
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": str(event.inter1),
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": str(event.inter2),
        "interaction": str(event.interaction),
        "source": SOURCE_SEPARATOR.join(event_sources(event)),
        "source_scale": source_scale(event),
        "notes": event.quote,
        "fatalities": str(event.fatalities),
        "timestamp": _timestamp(event.published),
        "country_code": event.country_code,
        "conflictmap_event_id": event.event_id,
        "conflictmap_event_type": event.event_type,
        "conflictmap_sub_event_type": event.sub_event_type,
        "conflictmap_mention": event.mention,
        "conflictmap_geonameid": "" if event.geonameid is None else str(event.geonameid),
        "conflictmap_feature_code": event.feature_code,
        "conflictmap_article_id": event.article_id,
        "conflictmap_title": event.title,
        "conflictmap_published": _iso(event.published),
        "conflictmap_url": event.url,
        "conflictmap_confidence": repr(event.confidence),
        "conflictmap_origin": event.origin,
        "conflictmap_extra": json.dumps(dict(event.extra), ensure_ascii=False) if event.extra else "",
        "conflictmap_source": event.source,
        "conflictmap_sources": str(event.sources),
        "conflictmap_reports": _reports_json(event.reports) if event.reports else "",
    }


def event_sources(event: Event) -> list[str]:
    """The distinct outlets that report the event, its own first (ACLED's ``source``)."""
    names = (event.source, *(r.source for r in event.reports))
    # As written (a spreadsheet guard is added on writing): only blank names are left out.
    return list(dict.fromkeys(n for n in names if n.strip()))


def source_scale(event: Event) -> str:
    """ACLED's ``source_scale``: the scale an ACLED file gave, else the scales of the outlets
    known to ``OUTLET_SCALES`` ("International", "National-International"); empty when none is known."""
    given = dict(event.extra).get("source_scale", "")
    if given:
        return given
    known = {OUTLET_SCALES.get(name.casefold(), "") for name in event_sources(event)} - {""}
    return "-".join(scale for scale in SOURCE_SCALES if scale in known)


def _reports_json(reports: tuple[EventReport, ...]) -> str:
    return json.dumps(
        [
            {
                "article_id": r.article_id,
                "source": r.source,
                "url": r.url,
                "quote": r.quote,
                "title": r.title,
                "published": _iso(r.published),
            }
            for r in reports
        ],
        ensure_ascii=False,
    )


# ---------------------------------------------------------------------------
# reading


def event_from_acled_row(row: Mapping[str, str]) -> Event:
    """The event one ACLED row describes; raises InputError saying what is wrong."""
    lat, lon = _coordinates(row)
    if row.get("conflictmap_event_id", "").strip():
        return _own_event(row, lat, lon)
    event_type, sub_event_type = acled_type_to_ours(row.get("event_type", ""), row.get("sub_event_type", ""))
    location = row.get("location", "").strip()
    return _checked_event(
        event_id=stable_id("acled", _required(row, "event_id_cnty")),
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=parse_acled_date(_required(row, "event_date")),
        date_precision=_small_int(row, "time_precision", DATE_PRECISION_DAY),
        place=location,
        mention=location,
        lat=lat,
        lon=lon,
        geonameid=None,
        country_code=_country_code(row),
        admin1=row.get("admin1", "").strip(),
        feature_code="",
        geo_precision=_small_int(row, "geo_precision", GEO_PRECISION_TOWN),
        quote=row.get("notes", "").strip(),
        article_id="",
        title=_acled_title(row),
        published=_date_from_timestamp(row.get("timestamp", "")),
        source=row.get("source", "").strip(),
        url="",
        confidence=ACLED_CONFIDENCE,
        origin="acled",
        extra=tuple(
            (f"acled_{k}" if k in ("event_type", "sub_event_type") else k, row[k].strip())
            for k in ACLED_EXTRA_COLUMNS
            if (row.get(k) or "").strip()
        ),
        **_coded_fields(row, source=(row.get("source") or "").strip()),
    )


def _coded_fields(row: Mapping[str, str], *, source: str) -> dict[str, Any]:
    """Actors, their types, the interaction and the deaths an ACLED row gives; its sources
    (``"; "``-separated) counted."""
    inter1, inter2 = _inter(row, "inter1"), _inter(row, "inter2")
    interaction_text = (row.get("interaction") or "").strip()
    return {
        "actor1": (row.get("actor1") or "").strip(),
        "assoc_actor_1": (row.get("assoc_actor_1") or "").strip(),
        "actor2": (row.get("actor2") or "").strip(),
        "assoc_actor_2": (row.get("assoc_actor_2") or "").strip(),
        "inter1": inter1,
        "inter2": inter2,
        "interaction": (
            _int(interaction_text, "interaction")
            if _ASCII_DIGITS.fullmatch(interaction_text)
            else interaction(inter1, inter2)
        ),
        "fatalities": _fatalities(row),
        "sources": max(1, len({s.strip() for s in source.split(";") if s.strip()})),
    }


def _inter(row: Mapping[str, str], column: str) -> int:
    """An actor type: ACLED's code (``1``) or, in newer files, its label (``State forces``)."""
    text = (row.get(column) or "").strip()
    if not text:
        return 0
    if _ASCII_DIGITS.fullmatch(text):
        value = _int(text, column)
        if not 0 <= value <= 8:
            raise InputError(f"{column}: expected an actor type 0..8, got {text!r}")
        return value
    code = INTER_LABELS.get(text.casefold())
    if code is None:
        raise InputError(f"{column}: expected an actor type such as 1 or 'State forces', got {text[:40]!r}")
    return code


def _fatalities(row: Mapping[str, str]) -> int:
    text = (row.get("fatalities") or "").strip()
    if not text:
        return 0
    value = _int(text, "fatalities")
    if value < 0:
        raise InputError(f"fatalities: expected a number of deaths, 0 or more, got {text!r}")
    return value


def acled_type_to_ours(acled_type: str, acled_sub_type: str) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) as ours."""
    known = FROM_ACLED_SUB_TYPE.get(acled_sub_type.strip().casefold())
    if known:
        return known
    event_type = FROM_ACLED_TYPE.get(acled_type.strip().casefold(), "other")
    return event_type, _slug(acled_sub_type or acled_type)


def parse_acled_date(text: str) -> date:
    value = text.strip()
    for fmt in ACLED_DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise InputError(f"event_date: expected a date such as 2024-03-15 or 15 March 2024, got {text!r}")


def _own_event(row: Mapping[str, str], lat: float, lon: float) -> Event:
    """A row this package wrote: our columns give the event back as it was."""
    geonameid = row.get("conflictmap_geonameid", "").strip()
    extra = row.get("conflictmap_extra", "")
    sources = (row.get("conflictmap_sources") or "").strip()
    reports = row.get("conflictmap_reports") or ""
    date_text = row.get("event_date", "").strip()
    return _checked_event(
        event_id=row["conflictmap_event_id"],
        event_type=row.get("conflictmap_event_type", ""),
        sub_event_type=row.get("conflictmap_sub_event_type", ""),
        event_date=parse_acled_date(date_text) if date_text else None,
        date_precision=_small_int(row, "time_precision", DATE_PRECISION_DAY),
        place=row.get("location", ""),
        mention=row.get("conflictmap_mention", ""),
        lat=lat,
        lon=lon,
        geonameid=_int(geonameid, "conflictmap_geonameid") if geonameid else None,
        country_code=row.get("country_code", ""),
        admin1=row.get("admin1", ""),
        feature_code=row.get("conflictmap_feature_code", ""),
        geo_precision=_small_int(row, "geo_precision", GEO_PRECISION_TOWN),
        quote=row.get("notes", ""),
        article_id=row.get("conflictmap_article_id", ""),
        title=row.get("conflictmap_title", ""),
        published=_optional_iso_date(row.get("conflictmap_published", ""), "conflictmap_published"),
        # files written before the column existed hold the event's one source in "source"
        source=row["conflictmap_source"] if "conflictmap_source" in row else row.get("source", ""),
        url=row.get("conflictmap_url", ""),
        confidence=_float(row.get("conflictmap_confidence", "1"), "conflictmap_confidence"),
        origin=row.get("conflictmap_origin", "") or "acled",
        extra=_own_extra(extra) if extra else (),
        **{
            **_coded_fields(row, source=""),
            "sources": _int(sources, "conflictmap_sources") if sources else 1,
            "reports": _own_reports(reports) if reports else (),
        },
    )


def _own_reports(text: str) -> tuple[EventReport, ...]:
    """Our ``conflictmap_reports`` column: a JSON list of report objects."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        raise InputError(f"conflictmap_reports: expected a JSON list, got {text[:60]!r}") from err
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise InputError(f"conflictmap_reports: expected a JSON list of objects, got {text[:60]!r}")
    reports = []
    for item in value:
        fields = {k: item.get(k, "") for k in ("article_id", "source", "quote", "url", "title")}
        if not all(isinstance(v, str) for v in fields.values()):
            raise InputError(f"conflictmap_reports: expected text in each report, got {json.dumps(item)[:60]!r}")
        published = item.get("published") or ""
        if not isinstance(published, str):
            raise InputError(f"conflictmap_reports: expected a date as YYYY-MM-DD, got {published!r}")
        reports.append(EventReport(**fields, published=_optional_iso_date(published, "conflictmap_reports")))
    return tuple(reports)


def _own_extra(text: str) -> tuple[tuple[str, str], ...]:
    """Our ``conflictmap_extra`` column: a JSON object whose values are strings."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as err:
        raise InputError(f"conflictmap_extra: expected a JSON object, got {text[:60]!r}") from err
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise InputError(f"conflictmap_extra: expected a JSON object of strings, got {text[:60]!r}")
    return tuple(value.items())


def _checked_event(**fields: Any) -> Event:
    try:
        return Event(**fields)
    except ValueError as err:
        raise InputError(str(err)) from err


def _coordinates(row: Mapping[str, str]) -> tuple[float, float]:
    lat_text, lon_text = (row.get("latitude") or "").strip(), (row.get("longitude") or "").strip()
    if not lat_text or not lon_text:
        raise InputError("no coordinates (latitude/longitude empty)")
    lat, lon = _float(lat_text, "latitude"), _float(lon_text, "longitude")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise InputError(f"coordinates out of range: latitude={lat_text!r}, longitude={lon_text!r}")
    return lat, lon


def _country_code(row: Mapping[str, str]) -> str:
    own = (row.get("country_code") or "").strip().upper()
    if own:
        return own
    iso = (row.get("iso") or "").strip()
    if _ASCII_DIGITS.fullmatch(iso):  # not str.isdigit(): "²" is a digit to it, not to int()
        code = alpha2_from_numeric(int(iso))
        if code:
            return code
    return alpha2_from_name(row.get("country") or "")


def _acled_title(row: Mapping[str, str]) -> str:
    actors = " / ".join(a for a in ((row.get("actor1") or "").strip(), (row.get("actor2") or "").strip()) if a)
    kind = (row.get("sub_event_type") or row.get("event_type") or "").strip()
    return f"{kind}: {actors}" if actors and kind else kind or actors


def _required(row: Mapping[str, str], column: str) -> str:
    value = (row.get(column) or "").strip()
    if not value:
        raise InputError(f"{column} is empty")
    return value


def _small_int(row: Mapping[str, str], column: str, default: int) -> int:
    text = (row.get(column) or "").strip()
    if not text:
        return default
    value = _int(text, column)
    if not 1 <= value <= 3:
        raise InputError(f"{column}: expected 1, 2 or 3, got {text!r}")
    return value


def _int(text: str, column: str) -> int:
    """A whole number SQLite can hold (64 bits)."""
    try:
        value = int(text)
    except ValueError as err:
        raise InputError(f"{column}: expected a whole number, got {text[:30]!r}") from err
    if not -(2**63) <= value < 2**63:
        raise InputError(f"{column}: expected a whole number of at most 18 digits, got {len(text.strip())} digits")
    return value


def _float(text: str, column: str) -> float:
    try:
        return float(text)
    except ValueError as err:
        raise InputError(f"{column}: expected a number, got {text!r}") from err


def _optional_iso_date(text: str, column: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError as err:
        raise InputError(f"{column}: expected a date as YYYY-MM-DD, got {text!r}") from err


def _date_from_timestamp(text: str) -> date | None:
    value = text.strip()
    if not _ASCII_DIGITS.fullmatch(value):
        return None
    try:
        return datetime.fromtimestamp(int(value), tz=UTC).date()
    except (OverflowError, OSError, ValueError) as err:  # past year 9999, or past what the system handles
        raise InputError(f"timestamp: expected seconds since 1970 up to year 9999, got {text.strip()[:30]!r}") from err


def _timestamp(day: date | None) -> str:
    if day is None:
        return ""
    return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.strip().casefold()).strip("_")
