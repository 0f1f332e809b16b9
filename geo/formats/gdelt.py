"""GDELT 2.0 event export rows as events.

A GDELT 2.0 event file has 61 tab-separated columns and no header. The action's
location (``ActionGeo_*``) places the event; the CAMEO root code types it. CAMEO
codes are kept as strings in ``extra``: their leading zeros are part of the code.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from urllib.parse import urlsplit

from geo.errors import InputError
from geo.formats.fips import iso_from_fips
from geo.records import (
    DATE_PRECISION_DAY,
    GEO_PRECISION_REGION,
    GEO_PRECISION_TOWN,
    Event,
    stable_id,
)

#: The 61 columns of a GDELT 2.0 event export, in order (GDELT event codebook).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)
_COLUMN = {name: index for index, name in enumerate(GDELT_COLUMNS)}

#: CAMEO root code -> (our event type, default sub-type, CAMEO's name for the root).
CAMEO_ROOTS: dict[str, tuple[str, str, str]] = {
    "01": ("other", "statement", "Make public statement"),
    "02": ("other", "appeal", "Appeal"),
    "03": ("diplomacy", "statement", "Express intent to cooperate"),
    "04": ("diplomacy", "talks", "Consult"),
    "05": ("diplomacy", "diplomatic_cooperation", "Engage in diplomatic cooperation"),
    "06": ("diplomacy", "material_cooperation", "Engage in material cooperation"),
    "07": ("humanitarian", "aid", "Provide aid"),
    "08": ("other", "yield", "Yield"),
    "09": ("other", "investigate", "Investigate"),
    "10": ("other", "demand", "Demand"),
    "11": ("other", "disapprove", "Disapprove"),
    "12": ("other", "reject", "Reject"),
    "13": ("other", "threaten", "Threaten"),
    "14": ("other", "protest", "Protest"),
    "15": ("other", "force_posture", "Exhibit force posture"),
    "16": ("other", "reduce_relations", "Reduce relations"),
    "17": ("other", "coerce", "Coerce"),
    "18": ("frontline", "assault", "Assault"),
    "19": ("frontline", "armed_clash", "Fight"),
    "20": ("frontline", "mass_violence", "Use unconventional mass violence"),
}

#: Finer sub-types for CAMEO base codes whose meaning the root does not carry.
CAMEO_SUB_TYPES: dict[str, str] = {
    "042": "visit",  # make a visit
    "043": "visit",  # host a visit
    "057": "agreement",  # sign formal agreement
    "192": "territory_change",  # occupy territory
    "194": "shelling",  # fight with artillery and tanks
    "195": "air_strike",  # employ aerial weapons
}

#: GDELT's geographic resolution (``*Geo_Type``) -> ACLED-style geo_precision.
#: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level region).
GEO_TYPE_PRECISION: dict[str, int] = {
    "1": GEO_PRECISION_REGION,
    "2": GEO_PRECISION_REGION,
    "3": GEO_PRECISION_TOWN,
    "4": GEO_PRECISION_TOWN,
    "5": GEO_PRECISION_REGION,
}

#: GDELT codes events by machine; its places come from a gazetteer match we cannot check.
GDELT_CONFIDENCE = 0.5

#: Columns kept in ``extra`` (all as strings), under these keys.
GDELT_EXTRA: tuple[tuple[str, str], ...] = (
    ("gdelt_event_id", "GLOBALEVENTID"),
    ("cameo_event_code", "EventCode"),
    ("cameo_base_code", "EventBaseCode"),
    ("cameo_root_code", "EventRootCode"),
    ("quad_class", "QuadClass"),
    ("goldstein_scale", "GoldsteinScale"),
    ("num_mentions", "NumMentions"),
    ("avg_tone", "AvgTone"),
    ("actor1", "Actor1Name"),
    ("actor2", "Actor2Name"),
    ("action_geo_feature_id", "ActionGeo_FeatureID"),
    ("action_geo_adm1_code", "ActionGeo_ADM1Code"),
    ("action_geo_country_code", "ActionGeo_CountryCode"),
)


def event_from_gdelt_fields(values: Sequence[str]) -> Event:
    """The event one GDELT row (already split on tabs) describes; raises InputError."""
    if len(values) != len(GDELT_COLUMNS):
        raise InputError(f"expected {len(GDELT_COLUMNS)} tab-separated columns, got {len(values)}")
    row = {name: values[index].strip() for name, index in _COLUMN.items()}
    event_code = row["EventCode"]
    root = row["EventRootCode"] or event_code[:2]
    if root not in CAMEO_ROOTS:
        raise InputError(f"EventRootCode: expected a CAMEO root code 01..20, got {root!r}")
    event_type, sub_type, root_name = CAMEO_ROOTS[root]
    sub_type = CAMEO_SUB_TYPES.get(row["EventBaseCode"] or event_code[:3], sub_type)
    lat, lon = _action_coordinates(row)
    place, admin1 = _place_and_region(row["ActionGeo_FullName"], row["ActionGeo_Type"])
    url = row["SOURCEURL"]
    try:
        return Event(
            event_id=stable_id("gdelt", _required(row, "GLOBALEVENTID")),
            event_type=event_type,
            sub_event_type=sub_type,
            event_date=_yyyymmdd(row["SQLDATE"], "SQLDATE"),
            date_precision=DATE_PRECISION_DAY,
            place=place,
            mention=row["ActionGeo_FullName"],
            lat=lat,
            lon=lon,
            geonameid=None,
            country_code=iso_from_fips(row["ActionGeo_CountryCode"]),
            admin1=admin1,
            feature_code="",
            geo_precision=GEO_TYPE_PRECISION.get(row["ActionGeo_Type"], GEO_PRECISION_REGION),
            quote="",
            article_id="",
            title=_title(row, root_name),
            published=_yyyymmdd(row["DATEADDED"][:8], "DATEADDED") if row["DATEADDED"] else None,
            source=(urlsplit(url).hostname or "") if url else "",
            url=url,
            confidence=GDELT_CONFIDENCE,
            origin="gdelt",
            extra=tuple((key, row[column]) for key, column in GDELT_EXTRA if row[column]),
            # the actors as GDELT names them; their ACLED types are not guessed from CAMEO codes
            actor1=row["Actor1Name"],
            actor2=row["Actor2Name"],
        )
    except ValueError as err:
        raise InputError(str(err)) from err


def _action_coordinates(row: dict[str, str]) -> tuple[float, float]:
    lat_text, lon_text = row["ActionGeo_Lat"], row["ActionGeo_Long"]
    if not lat_text or not lon_text:
        raise InputError("no coordinates (ActionGeo_Lat/ActionGeo_Long empty)")
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError as err:
        raise InputError(f"ActionGeo_Lat/ActionGeo_Long: expected numbers, got {lat_text!r}, {lon_text!r}") from err
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise InputError(f"coordinates out of range: lat={lat_text!r}, lon={lon_text!r}")
    return lat, lon


def _place_and_region(full_name: str, geo_type: str) -> tuple[str, str]:
    """GDELT writes "Town, Region, Country" (or fewer parts for regions and countries)."""
    parts = [p.strip() for p in full_name.split(",") if p.strip()]
    if not parts:
        return "", ""
    if geo_type in ("3", "4") and len(parts) >= 3:
        return parts[0], parts[1]
    if geo_type in ("2", "5") and len(parts) >= 2:
        return parts[0], parts[0]
    return parts[0], ""


def _title(row: dict[str, str], root_name: str) -> str:
    actors = " / ".join(a for a in (row["Actor1Name"], row["Actor2Name"]) if a)
    label = f"{root_name} (CAMEO {row['EventCode']})"
    return f"{label}: {actors}" if actors else label


def _yyyymmdd(text: str, column: str) -> date:
    try:
        return datetime.strptime(text, "%Y%m%d").date()
    except ValueError as err:
        raise InputError(f"{column}: expected a date as YYYYMMDD, got {text!r}") from err


def _required(row: dict[str, str], column: str) -> str:
    if not row[column]:
        raise InputError(f"{column} is empty")
    return row[column]
