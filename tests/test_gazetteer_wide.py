"""The wider gazetteer: villages beyond cities500, rivers and valleys, GeoNames extracts a
user adds (``conflictmap gazetteer add``), and what resolution and events make of them.

The extract below is written for these tests in GeoNames' country-dump format (19
tab-separated columns); its villages are invented, their coordinates plausible.
"""

from __future__ import annotations

import functools
import json
import zipfile
from dataclasses import replace
from datetime import date

import pytest
from gazetteer_tiny import CITIES, EXTRA_PLACES, tiny_sources

from gazetteer.database import open_gazetteer
from gazetteer.entry import Entry
from gazetteer.errors import GazetteerDataError
from gazetteer.extracts import extracts_folder, parse_extract_lines, read_extract_file
from gazetteer.sources import AIRPORT_ID_BASE, CitySource, GeoNamesRecord, airports_beyond, villages_beyond
from geo.cli import gazetteer as gazetteer_cli
from geo.cli.main import run
from geo.parse.pipeline import events_from_places, is_natural_feature
from geo.parse.resolve import resolve
from geo.records import Article, Mention, Place


def extract_row(
    geonameid,
    name,
    lat,
    lon,
    feature_class="P",
    feature_code="PPL",
    country="SY",
    admin1="04",
    population="0",
    alternates="",
) -> str:
    ascii_name = name.encode("ascii", "ignore").decode()
    return "\t".join(
        [
            str(geonameid),
            name,
            ascii_name,
            alternates,
            str(lat),
            str(lon),
            feature_class,
            feature_code,
            country,
            "",
            admin1,
            "",
            "",
            "",
            population,
            "",
            "310",
            "Asia/Damascus",
            "2024-03-01",
        ]
    )


EXTRACT_ROWS = [
    extract_row(88000101, "Khirbat al Ward", 35.88, 38.70, alternates="Khirbet el Ward,Kherbet al-Ward"),
    extract_row(88000102, "Umm Shurfah", 35.99, 38.91),
    extract_row(88000103, "Mazra'at Sa'd", 35.77, 38.62, population="120"),
    extract_row(88000104, "Ma'bar Tall Saman", 35.90, 38.81, "S", "PSTB"),  # a border crossing
    extract_row(88000105, "Wadi al Ward", 35.86, 38.69, "H", "WAD"),
    extract_row(88000106, "Hotel Furat", 35.95, 39.01, "S", "HTL"),  # a hotel: left out
]


@pytest.fixture
def extract_file(tmp_path):
    path = tmp_path / "SY.txt"
    path.write_text("\n".join(EXTRACT_ROWS) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def tiny_commands(tmp_path, monkeypatch):
    monkeypatch.setattr(gazetteer_cli, "open_gazetteer", functools.partial(open_gazetteer, sources=tiny_sources()))
    return tmp_path / "cache" / "g.sqlite"


# -- villages beyond cities500 ------------------------------------------------------------


def test_a_village_with_no_population_is_found_and_takes_its_nearest_towns_region(tiny):
    (village,) = tiny.lookup("Tall Saman")
    assert (village.country_code, village.feature_class, village.population) == ("SY", "P", 0)
    assert village.admin1 == "Raqqa"  # Tabqa, 25 km away, is in Raqqa governorate


def test_a_village_without_people_never_outranks_a_town_of_its_name(tmp_path):
    namesake = GeoNamesRecord(99_000_002, "Palmyra", 49.20, 32.10, "UA")
    with open_gazetteer(tmp_path / "g.sqlite", sources=tiny_sources(extra_places=(namesake,))) as g:
        found = g.lookup("Palmyra")
        assert [e.geonameid for e in found][-1] == 99_000_002
        assert found[0].name == "Tadmur"
        assert all(e.geonameid != 99_000_002 for e, _ in g.fuzzy("Palmyrra"))  # too small for near misses


def test_the_village_list_leaves_out_known_places_administrative_units_and_common_words():
    rows = [
        (1, "Tall Saman", "SY", 35.9, 38.8),
        (2, "Gulu District", "UG", 2.8, 32.3),
        (3, "Muhafazat Halab", "SY", 36.2, 37.2),
        (4, "Ar Raqqah", "SY", 35.95, 39.01),
        (5, "Nova Dacha", "UA", 47.2, 33.9),
        (6, "City of Norfolk", "US", 36.9, -76.3),
        (7, "Judge", "US", 38.0, -92.0),
    ]
    found = villages_beyond(rows, known_ids={4}, words=frozenset({"judge", "the"}))
    assert [v.name for v in found] == ["Tall Saman", "Nova Dacha"]


# -- airfields -------------------------------------------------------------------------------


def _airfield(code: str, name: str, lat: object, lon: object, country: str = "SY") -> dict[str, str]:
    return {"icao": code, "iata": "", "name": name, "country": country, "lat": str(lat), "lon": str(lon)}


def test_an_airfield_is_found_by_its_name_and_by_the_place_in_it():
    rows = [
        _airfield("OSZK", "Karsun Air Base", 34.9, 36.9),
        _airfield("FQZT", "Aeroporto de Tete", -16.1, 33.6, "MZ"),
        _airfield("KZZU", "Union Airport", 40.0, -80.0, "US"),  # "Union" stays a word
        _airfield("OSZX", "Broken Airstrip", "n/a", 36.0),
        _airfield("OSZY", "Airport", 35.0, 36.0),
        _airfield("CZ45", "Hollis Airport", 61.5, -128.3, "CA"),  # a private strip: its owner's name
    ]
    base, tete, union, strip = airports_beyond(rows, words=frozenset({"union"}))
    assert (base.name, base.alternate_names, base.feature_class, base.feature_code) == (
        "Karsun Air Base",
        ("Karsun",),
        "S",
        "AIRB",
    )
    assert (base.population, base.geonameid) == (0, AIRPORT_ID_BASE + int("OSZK", 36))
    assert (tete.alternate_names, tete.feature_code) == (("Tete",), "AIRP")
    assert (union.name, union.alternate_names) == ("Union Airport", ())
    assert (strip.name, strip.alternate_names) == ("Hollis Airport", ())


def test_an_air_base_is_placed_where_the_article_points_and_yields_to_a_town_elsewhere(tmp_path):
    (base,) = airports_beyond([_airfield("OSZK", "Karsun Air Base", 34.60, 36.95)])
    town = CitySource(4999001, "Karsun", 38.50, -90.20, "US", 40_000, "TX")
    sources = tiny_sources(cities=(*CITIES, town), extra_places=(*EXTRA_PLACES, base))
    with open_gazetteer(tmp_path / "g.sqlite", sources=sources) as g:

        def placed(text, *names):
            return {p.mention.text: p.entry.geonameid for p in resolve(text, _mentions(text, *names), g)}

        assert g.lookup("Karsun Air Base")[0].admin1 == "Homs"  # Homs, 20 km off, gives its region
        text = "Missiles struck the Karsun air base south of Homs, Syria's defence ministry said."
        assert placed(text, "Karsun", "Homs", "Syria")["Karsun"] == base.geonameid
        text = "Karsun's council voted to rebuild the bridge on Tuesday."
        assert placed(text, "Karsun").get("Karsun") == town.geonameid


# -- rivers, seas and valleys --------------------------------------------------------------


def test_a_river_is_found_by_its_name_and_is_water(tiny):
    river = tiny.lookup("Euphrates River")[0]
    assert (river.name, river.feature_class, river.feature_code) == ("Euphrates", "H", "STM")
    assert tiny.lookup("Euphrates")[0] == river


# -- GeoNames extracts -----------------------------------------------------------------------


def test_an_extract_keeps_places_border_crossings_and_water_but_not_hotels(extract_file):
    name, parsed, _ = read_extract_file(extract_file)
    assert name == "SY.txt" and parsed.problems == () and parsed.left_out == 1
    kinds = {r.name: (r.feature_class, r.feature_code) for r in parsed.records}
    assert kinds["Ma'bar Tall Saman"] == ("S", "PSTB") and kinds["Wadi al Ward"] == ("H", "WAD")
    assert "Hotel Furat" not in kinds
    ward = next(r for r in parsed.records if r.geonameid == 88000101)
    assert "Khirbet el Ward" in ward.alternate_names and ward.admin1_code == "04"


def test_bad_rows_are_skipped_with_their_line_numbers():
    lines = [
        EXTRACT_ROWS[0],
        "88000200\tno columns",
        EXTRACT_ROWS[1].replace("35.99", "north"),
        EXTRACT_ROWS[2].replace("\tSY\t", "\tSyria\t"),
    ]
    parsed = parse_extract_lines(lines)
    assert [r.geonameid for r in parsed.records] == [88000101]
    assert [(p.line, p.reason.split(",")[0]) for p in parsed.problems] == [
        (2, "expected 19 tab-separated columns"),
        (3, "expected a numeric latitude and longitude"),
        (4, "expected a two-letter country code"),
    ]


def test_a_file_that_is_no_extract_is_refused_in_one_sentence(tmp_path):
    csv = tmp_path / "places.csv"
    csv.write_text("name,lat,lon\nTall Saman,35.9,38.8\n", encoding="utf-8")
    with pytest.raises(GazetteerDataError, match=r"expected rows of a GeoNames extract.*line 1"):
        read_extract_file(csv)
    binary = tmp_path / "SY.txt"
    binary.write_bytes(b"\x00\x01\x02" * 10)
    with pytest.raises(GazetteerDataError, match="binary file"):
        read_extract_file(binary)


def test_a_zip_holding_the_extract_and_its_readme_is_read(tmp_path, extract_file):
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(extract_file, "SY.txt")
        handle.writestr("readme.txt", "GeoNames country extract\n")
    name, parsed, _ = read_extract_file(archive)
    assert name == "SY.txt" and len(parsed.records) == 5


def test_gazetteer_add_merges_an_extract_and_keeps_it_across_rebuilds(tiny_commands, extract_file, capsys):
    cache = tiny_commands
    assert run(["gazetteer", "add", str(extract_file), "--gazetteer", str(cache)]) == 0
    added = json.loads(capsys.readouterr().out)
    assert (added["places"], added["left_out_rows"]) == (5, 1)
    assert (extracts_folder(cache) / "SY.txt").is_file()

    assert run(["gazetteer", "build", "--gazetteer", str(cache)]) == 0
    capsys.readouterr()
    assert run(["gazetteer", "lookup", "Khirbet el Ward", "--gazetteer", str(cache)]) == 0
    found = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (found["name"], found["country_code"], found["admin1"]) == ("Khirbat al Ward", "SY", "Raqqa")

    assert run(["gazetteer", "info", "--gazetteer", str(cache)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["extracts"] == [{"path": str(extracts_folder(cache) / "SY.txt"), "places": 5, "countries": ["SY"]}]


def test_gazetteer_add_reports_skipped_rows_and_refuses_an_empty_file(tiny_commands, tmp_path, capsys):
    cache = tiny_commands
    mixed = tmp_path / "SY.txt"
    mixed.write_text(EXTRACT_ROWS[0] + "\nnot a row\n", encoding="utf-8")
    assert run(["gazetteer", "add", str(mixed), "--gazetteer", str(cache)]) == 0
    assert "line 2 skipped: expected 19 tab-separated columns" in capsys.readouterr().err
    empty = tmp_path / "XX.txt"
    empty.write_text("", encoding="utf-8")
    assert run(["gazetteer", "add", str(empty), "--gazetteer", str(cache)]) == 1
    assert "found no usable place" in capsys.readouterr().err
    assert not (extracts_folder(cache) / "XX.txt").exists()


def test_an_extracts_stream_does_not_make_its_name_a_place_first(tmp_path):
    """A stream called "Golden" in an extract: "golden" stays an ordinary word."""
    cache = tmp_path / "g.sqlite"
    folder = extracts_folder(cache)
    folder.mkdir()
    (folder / "SY.txt").write_text(extract_row(88000301, "Golden", 35.0, 38.0, "H", "STM") + "\n", encoding="utf-8")
    with open_gazetteer(cache, sources=tiny_sources()) as g:
        assert g.lookup("Golden")[0].feature_code == "STM"
        assert g.is_common_word("Golden")
        assert g.fuzzy("Goldenn") == ()


# -- resolution: near misses stay in the article's countries ------------------------------


def _mentions(text: str, *names: str) -> list[Mention]:
    return [Mention(text=n, start=text.index(n), end=text.index(n) + len(n)) for n in names]


def test_a_misspelling_resolves_inside_a_country_the_article_names(tiny):
    text = "Shelling hit Palmrya in Syria."
    places = resolve(text, _mentions(text, "Palmrya", "Syria"), tiny)
    assert [p.entry.name for p in places][:1] == ["Tadmur"]


def test_a_misspelt_country_is_the_country_without_other_backing(tiny):
    text = "Aid reached Ukrainee on Monday."
    assert [p.entry.name for p in resolve(text, _mentions(text, "Ukrainee"), tiny)] == ["Ukraine"]


def test_a_misspelling_with_no_country_to_back_it_stays_unresolved(tiny):
    text = "Shelling hit Palmrya overnight."
    assert resolve(text, _mentions(text, "Palmrya"), tiny) == ()


def test_a_misspelling_is_not_moved_into_a_country_the_article_never_names(tiny):
    text = "Fighting near Kyiv and Palmrya, Ukrainian officials said."
    places = {
        p.mention.text: p.entry
        for p in resolve(text, _mentions(text, "Kyiv", "Palmrya"), tiny, demonym_countries=("UA",))
    }
    assert places["Kyiv"].country_code == "UA" and "Palmrya" not in places


def test_a_village_without_people_needs_the_article_to_point_at_its_country(tiny):
    text = "Shelling hit Nova Dacha overnight, Ukrainian officials said."
    (place,) = resolve(text, _mentions(text, "Nova Dacha"), tiny, demonym_countries=("UA",))
    assert place.entry.name == "Nova Dacha"
    text = "Nova Dacha told reporters the vote was close."
    assert resolve(text, _mentions(text, "Nova Dacha"), tiny) == ()


def test_a_village_named_like_a_known_town_needs_the_article_to_point_at_it(tmp_path):
    village = GeoNamesRecord(99_000_004, "Austin", 45.10, 34.20, "UA")  # takes Crimea from Simferopol
    with open_gazetteer(tmp_path / "g.sqlite", sources=tiny_sources(extra_places=(village,))) as g:

        def resolved(text, *names, demonyms=()):
            return [p.entry.geonameid for p in resolve(text, _mentions(text, *names), g, demonym_countries=demonyms)][
                :1
            ]

        # Both countries named: the village needs its region or a container.
        text = "Shelling hit Austin overnight, Ukrainian and American officials said."
        assert 99_000_004 not in resolved(text, "Austin", demonyms=("UA", "US"))
        text = "Shelling hit Austin in Crimea overnight."
        assert resolved(text, "Austin", "Crimea") == [99_000_004]
        # Only the village's country named (a besieged village named like a town abroad).
        text = "Shelling hit Austin overnight, Ukrainian officials said."
        assert resolved(text, "Austin", demonyms=("UA",)) == [99_000_004]


# -- events at natural features ------------------------------------------------------------

ARTICLE = Article(text="", published=date(2024, 3, 1), title="t", source="s", article_id="a1")
RIVER = Entry(910001007, "Dnieper", 46.75, 33.2, "", "H", "STM")


def _events(sentence: str, written: str, entry: Entry):
    from geo.parse.pipeline import Sentence

    start = sentence.index(written)
    mention = Mention(text=written, start=start, end=start + len(written), sentence=0)
    place = Place(mention, entry, 0.9, 1, ())
    return events_from_places(replace(ARTICLE, text=sentence), [place], [Sentence(0, 0, len(sentence), sentence)])


def test_fighting_along_a_river_is_an_event_there():
    (event,) = _events("Heavy shelling was reported along the Dnieper on Friday.", "Dnieper", RIVER)
    assert event.event_type == "frontline" and event.place == "Dnieper"


def test_an_event_in_a_valley_says_it_stands_at_an_area_not_a_town():
    valley = Entry(910001402, "Bekaa Valley", 33.85, 36.0, "LB", "T", "VAL")
    (event,) = _events("Air strikes hit villages in the Bekaa Valley on Friday.", "Bekaa Valley", valley)
    # ACLED's geo_precision 3: the point stands for a region, as for a river or a country.
    assert event.geo_precision == 3 and event.feature_code == "VAL"
    assert event.__geo_interface__["properties"]["geo_precision"] == 3


def test_a_river_named_for_something_else_makes_no_event():
    assert is_natural_feature(RIVER)
    assert _events("The Dnieper flotilla commander said shelling continued.", "Dnieper", RIVER) == ()


# -- the real gazetteer and model: a river named like a country is the river ------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "river", "country"),
    [
        ("Patrols moved along the Jordan River on Tuesday, officials in Amman said.", "Jordan River", "Jordan"),
        ("Two boats sank on the Congo River near Mbandaka, the ministry said.", "Congo River", "Congo"),
        ("Gunmen crossed the Niger river near Gao overnight.", "Niger river", "Niger"),
    ],
)
def test_a_river_named_like_a_country_resolves_to_the_river(geoparser, text, river, country):
    found = {p.mention.text: p.entry for p in geoparser.places(text)}
    assert found[river].feature_code == "STM" and country not in found
