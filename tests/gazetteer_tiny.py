"""A hand-written miniature of the gazetteer's sources, for fast build and query tests.

Coordinates are rounded real ones; country shapes are rough boxes.
"""

from __future__ import annotations

from gazetteer.extent import Extent
from gazetteer.sources import (
    WORLD_AREA_ID_BASE,
    AliasSource,
    CitySource,
    CountryCentreSource,
    CountryShapeSource,
    CountrySource,
    CountySource,
    CountyTownSource,
    GeoNamesRecord,
    SourceData,
    SubdivisionSource,
    WorldAreaSource,
)


def box(min_lat: float, min_lon: float, max_lat: float, max_lon: float) -> dict:
    # GeoJSON positions are [lon, lat].
    ring = [[min_lon, min_lat], [max_lon, min_lat], [max_lon, max_lat], [min_lon, max_lat], [min_lon, min_lat]]
    return {"type": "Polygon", "coordinates": [ring]}


SYRIA_BOX = (32.3, 35.7, 37.3, 42.4)
UNITED_STATES_BOX = (25.0, -124.0, 49.0, -67.0)

COUNTRIES = (
    CountrySource(
        "SY",
        "SYR",
        163843,
        "Syrian Arab Republic",
        common_name="Syria",
        aliases=("Sūriyā",),
        population=22_000_000,
        capital="Damascus",
        geonames_name="Syria",
    ),
    CountrySource(
        "US",
        "USA",
        6252001,
        "United States",
        official_name="United States of America",
        aliases=("U. S.", "US of America"),
        population=327_000_000,
        capital="Washington",
        geonames_name="United States",
    ),
    CountrySource(
        "MX",
        "MEX",
        3996063,
        "Mexico",
        official_name="United Mexican States",
        population=126_000_000,
        capital="Mexico City",
        geonames_name="Mexico",
    ),
    CountrySource(
        "GE",
        "GEO",
        614540,
        "Georgia",
        aliases=("Sakartvelo",),
        population=3_700_000,
        capital="Tbilisi",
        geonames_name="Georgia",
    ),
    CountrySource(
        "FR",
        "FRA",
        3017382,
        "France",
        official_name="French Republic",
        population=67_000_000,
        capital="Paris",
        geonames_name="France",
    ),
    CountrySource("UA", "UKR", 690791, "Ukraine", population=44_000_000, capital="Kyiv", geonames_name="Ukraine"),
)

SHAPES = (
    CountryShapeSource("SY", box(*SYRIA_BOX)),
    CountryShapeSource("US", box(*UNITED_STATES_BOX)),
    CountryShapeSource("FR", box(43.0, -1.0, 50.0, 7.0)),
    CountryShapeSource("UA", box(45.0, 23.0, 52.0, 40.0)),
)

# Conventional centres; Ukraine's lies far outside its (box) outline, so it is not used.
CENTRES = (
    CountryCentreSource("SY", 35.0, 38.0),
    CountryCentreSource("UA", 30.0, 10.0),
)

WORLD_AREAS = (
    WorldAreaSource(6255147, "Asia", 29.84, 89.30, "L", "CONT", population=3_812_366_000),
    WorldAreaSource(WORLD_AREA_ID_BASE + 1, "Middle East", 28.8, 44.0, "L", "RGN", aliases=("Mideast",)),
    WorldAreaSource(WORLD_AREA_ID_BASE + 3, "Levant", 33.6, 37.7, "L", "RGN"),
    WorldAreaSource(WORLD_AREA_ID_BASE + 102, "Black Sea", 43.4, 34.0, "H", "SEA"),
    WorldAreaSource(
        WORLD_AREA_ID_BASE + 1001,
        "Euphrates",
        35.95,
        39.0,
        "H",
        "STM",
        aliases=("Euphrates River",),
        country_code="SY",
        extent=Extent(30.9, 37.8, 39.9, 47.5),
    ),
    WorldAreaSource(WORLD_AREA_ID_BASE + 1007, "Dnieper", 46.75, 33.2, "H", "STM", aliases=("Dnieper River",)),
)

# Places beyond cities500: villages with no population and no region, as the
# GeoNames-based village list gives them.
EXTRA_PLACES = (
    GeoNamesRecord(99_000_001, "Tall Saman", 35.90, 38.80, "SY"),
    GeoNamesRecord(99_000_003, "Nova Dacha", 47.20, 33.90, "UA"),
)

SUBDIVISIONS = (
    SubdivisionSource(172957, "Ar Raqqah", "SY.04", "SY-RA", "Province", ("Raqqa", "Raqqa Governorate")),
    SubdivisionSource(169575, "Ḩimş", "SY.11", "SY-HI", "Province", ("Homs", "Homs Governorate")),
    SubdivisionSource(170655, "Dimashq", "SY.13", "SY-DI", "Province", ("Damascus Governorate",)),
    SubdivisionSource(4736286, "Texas", "US.TX", "US-TX", "State", ("State of Texas", "Tejas")),
    SubdivisionSource(4197000, "Georgia", "US.GA", "US-GA", "State", ("State of Georgia",)),
    SubdivisionSource(4331987, "Louisiana", "US.LA", "US-LA", "State", ("State of Louisiana",)),
    SubdivisionSource(5332921, "California", "US.CA", "US-CA", "State", ("Golden State",)),
    SubdivisionSource(3527115, "Hidalgo", "MX.13", "MX-HID", "State", ()),
    SubdivisionSource(703447, "Kyiv", "UA.12", "UA-30", "City", ("Kyiv City",)),
    SubdivisionSource(703883, "Avtonomna Respublika Krym", "UA.11", "UA-43", "Republic", ("Crimea",)),
    SubdivisionSource(999001, "Nowhere Province", "SY.99", "", "Province", ()),  # no town: left out
)

CITIES = (
    CitySource(
        163345,
        "Tadmur",
        34.56,
        38.27,
        "SY",
        51_015,
        "11",
        ("Palmyra", "Palmira", "Palmyre", "Tadmor", "PMS", "tdmr", "تدمر", "Tadmur"),
    ),
    CitySource(169577, "Homs", 34.73, 36.72, "SY", 775_404, "11", ("Hims", "Emesa", "HMS")),
    CitySource(170063, "Ar Raqqah", 35.95, 39.01, "SY", 531_952, "04", ("Raqqa", "Rakka", "Ar-Raqqah")),
    CitySource(170300, "Tabqa", 35.83, 38.55, "SY", 69_425, "04", ()),
    CitySource(170654, "Damascus", 33.51, 36.29, "SY", 1_569_394, "13", ("Dimashq", "Damas", "Syria City")),
    CitySource(4524000, "Palmyra", 40.01, -75.03, "US", 7_314, "NJ", ("Palmyra",)),
    CitySource(4671654, "Austin", 30.27, -97.74, "US", 961_855, "TX", ("Austin City",)),
    CitySource(4699066, "Houston", 29.76, -95.36, "US", 2_304_580, "TX", ()),
    CitySource(4180439, "Atlanta", 33.75, -84.39, "US", 498_715, "GA", ()),
    CitySource(4314550, "Alexandria", 31.31, -92.45, "US", 47_723, "LA", ()),
    CitySource(4315588, "Ball", 31.42, -92.41, "US", 3_922, "LA", ()),
    CitySource(5368361, "Los Angeles", 34.05, -118.24, "US", 3_898_747, "CA", ("LA",)),
    CitySource(4717560, "Paris", 33.66, -95.56, "US", 24_782, "TX", ("Paris", "Parizh")),
    CitySource(4140963, "Washington", 38.90, -77.04, "US", 689_545, "DC", ()),
    CitySource(3515001, "Texas", 20.03, -99.20, "MX", 993, "13", ("Texas",)),
    CitySource(3515002, "San Lorenzo", 20.10, -99.10, "MX", 800, "13", ("Texas", "Georgia", "Lorenzo")),
    CitySource(3530597, "Mexico City", 19.43, -99.13, "MX", 12_294_193, "09", ("Mexico", "Ciudad de Mexico")),
    CitySource(2988507, "Paris", 48.85, 2.35, "FR", 2_138_551, "11", ("Paname", "Lutetia", "PAR", "Parigi")),
    CitySource(703448, "Kyiv", 50.45, 30.52, "UA", 2_952_301, "12", ("Kiev", "Kyjiw", "Kijów", "IEV")),
    CitySource(693805, "Simferopol", 44.95, 34.10, "UA", 336_460, "11", ("Simferopol'",)),
    CitySource(611717, "Tbilisi", 41.69, 44.83, "GE", 1_049_498, "04", ("Tiflis",)),
    # Towns named like a macro-region and a continent; big towns named like English words.
    CitySource(4274055, "Levant", 39.41, -101.20, "US", 90, "KS", ()),
    CitySource(1730521, "Asia", 13.75, 121.12, "PH", 4_300, "40", ()),
    CitySource(2660646, "Geneva", 46.20, 6.15, "CH", 183_981, "GE", ("Genf", "Geneve")),
    CitySource(2990440, "Nice", 43.70, 7.27, "FR", 342_669, "93", ("Nizza",)),
)

US_STATES = (("TX", "Texas"), ("GA", "Georgia"), ("LA", "Louisiana"), ("CA", "California"))

COUNTIES = (
    CountySource("22079", "Rapides Parish", "LA"),
    CountySource("06059", "Orange County", "CA"),
    CountySource("48453", "Travis County", "TX"),
    CountySource("13999", "Empty County", "GA"),  # no town: left out
)

COUNTY_TOWNS = (
    CountyTownSource(31.31, -92.45, "Alexandria", "Louisiana", "Rapides Parish"),
    CountyTownSource(31.42, -92.41, "Ball", "Louisiana", "Rapides Parish"),
    CountyTownSource(33.70, -117.80, "Irvine", "California", "Orange County"),
    CountyTownSource(30.27, -97.74, "Austin", "Texas", "Travis County"),
)

ALIASES = (
    AliasSource("U.S.", "US", "PCLI"),
    AliasSource("USA", "US", "PCLI"),
    AliasSource("northern Syria", "SY", "PCLI", "part of a region: northern Syria"),
    AliasSource("the Crimean Peninsula", "UA.11", "ADM1"),
    AliasSource("Old Palmyra", "163345"),
    AliasSource("Tex.", "US.TX", "ADM1", "dotted abbreviation"),
    AliasSource("La.", "US.LA", "ADM1", "dotted abbreviation"),
    AliasSource("D.C.", "4140963", "", "dotted abbreviation: Washington, D.C., the city"),
)

DEMONYMS = (("Syrian", "SY"), ("American", "US"), ("Ukrainian", "UA"), ("Russian", "RU"))

COMMON_WORDS = frozenset(
    {
        "but",
        "of",
        "the",
        "basic",
        "human",
        "will",
        "page",
        "march",
        "golden",
        "paris",
        "texas",
        "syria",
        "north",
        "geneva",
        "nice",
        "levant",
        "asia",
        "tex",
        "la",
    }
)
# The very most frequent of them: ordinary words even where a big town bears the name.
VERY_FREQUENT_WORDS = frozenset({"but", "of", "the", "will", "march", "north", "nice"})


def tiny_sources(**changes) -> SourceData:
    """The miniature sources; keyword arguments replace parts (``aliases=()``)."""
    parts = dict(
        cities=CITIES,
        extra_places=EXTRA_PLACES,
        countries=COUNTRIES,
        subdivisions=SUBDIVISIONS,
        us_states=US_STATES,
        counties=COUNTIES,
        county_towns=COUNTY_TOWNS,
        shapes=SHAPES,
        country_centres=CENTRES,
        world_areas=WORLD_AREAS,
        aliases=ALIASES,
        demonyms=DEMONYMS,
        common_words=COMMON_WORDS,
        very_frequent_words=VERY_FREQUENT_WORDS,
    )
    parts.update(changes)
    return SourceData(**parts)
