"""Building the cache from (miniature) sources: places, points, names, noise control, safety."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from gazetteer_tiny import UNITED_STATES_BOX, tiny_sources

from gazetteer import build as build_module
from gazetteer.assemble import (
    COUNTY_ID_BASE,
    assemble,
    is_kept_alternate,
    longitude_span_middle,
    medoid,
    region_point,
)
from gazetteer.build import build_cache
from gazetteer.database import Gazetteer, cache_problem, open_gazetteer
from gazetteer.errors import GazetteerDataError
from gazetteer.geodesy import great_circle_km
from gazetteer.sources import AliasSource, CountryCentreSource, GeoNamesPointSource

TESTS_DIR = Path(__file__).resolve().parent
REPO = TESTS_DIR.parent


def inside(box, entry) -> bool:
    min_lat, min_lon, max_lat, max_lon = box
    return min_lat <= entry.lat <= max_lat and min_lon <= entry.lon <= max_lon


# -- places and points -----------------------------------------------------------


def test_a_country_point_is_its_conventional_centre_when_that_lies_inside_it(tiny):
    syria = tiny.country("SY")
    damascus = tiny.lookup("Damascus")[0]
    assert syria.name == "Syria" and syria.feature_code == "PCLI"
    assert (syria.lat, syria.lon) == (35.0, 38.0)
    assert great_circle_km(syria.lat, syria.lon, damascus.lat, damascus.lon) > 150


def test_a_conventional_centre_far_outside_the_country_gives_way_to_a_point_inside(tiny):
    ukraine = tiny.country("UA")  # its centre in the tiny sources lies in the Sahara
    assert inside((45.0, 23.0, 52.0, 40.0), ukraine)
    assert (ukraine.lat, ukraine.lon) != (30.0, 10.0)


def country_point_with(centre: CountryCentreSource, code: str) -> tuple[float, float]:
    places = assemble(tiny_sources(country_centres=(centre,))).places
    entry = next(p.entry for p in places if p.entry.country_code == code and p.entry.feature_code == "PCLI")
    return (entry.lat, entry.lon)


def test_geonames_own_point_for_a_country_comes_first_when_it_lies_inside():
    inside_point = GeoNamesPointSource(163843, 34.5, 39.0)  # Syria's geonameid
    outside_point = GeoNamesPointSource(163843, 10.0, 39.0)
    syria = [
        p.entry for p in assemble(tiny_sources(geonames_points=(inside_point,))).places if p.entry.geonameid == 163843
    ]
    assert (syria[0].lat, syria[0].lon) == (34.5, 39.0)
    fallback = [
        p.entry for p in assemble(tiny_sources(geonames_points=(outside_point,))).places if p.entry.geonameid == 163843
    ]
    assert (fallback[0].lat, fallback[0].lon) == (35.0, 38.0)  # the conventional centre


def test_when_geonames_and_the_atlas_centre_disagree_the_one_nearer_the_middle_wins():
    # Syria's box is 32.3..37.3 N, 35.7..42.4 E: its middle is near 34.8 N 39.05 E.
    off_middle = GeoNamesPointSource(163843, 36.9, 36.0)
    syria = next(
        p.entry for p in assemble(tiny_sources(geonames_points=(off_middle,))).places if p.entry.geonameid == 163843
    )
    assert (syria.lat, syria.lon) == (35.0, 38.0)
    near_middle = GeoNamesPointSource(163843, 34.8, 39.4)
    syria = next(
        p.entry for p in assemble(tiny_sources(geonames_points=(near_middle,))).places if p.entry.geonameid == 163843
    )
    assert (syria.lat, syria.lon) == (34.8, 39.4)


def test_geonames_own_point_for_a_region_is_used_only_near_its_towns():
    region = next(p.entry for p in assemble(tiny_sources()).places if p.entry.feature_code == "ADM1")
    near = GeoNamesPointSource(region.geonameid, round(region.lat + 0.2, 5), round(region.lon + 0.2, 5))
    far = GeoNamesPointSource(region.geonameid, -40.0, 100.0)
    placed = {p.entry.geonameid: p.entry for p in assemble(tiny_sources(geonames_points=(near,))).places}
    assert (placed[region.geonameid].lat, placed[region.geonameid].lon) == (near.lat, near.lon)
    kept = {p.entry.geonameid: p.entry for p in assemble(tiny_sources(geonames_points=(far,))).places}
    assert (kept[region.geonameid].lat, kept[region.geonameid].lon) == (region.lat, region.lon)
    # Near its towns but far from the middle of its territory: the middle stays.
    off_centre = GeoNamesPointSource(region.geonameid, round(region.lat + 1.8, 5), region.lon)
    kept = {p.entry.geonameid: p.entry for p in assemble(tiny_sources(geonames_points=(off_centre,))).places}
    assert (kept[region.geonameid].lat, kept[region.geonameid].lon) == (region.lat, region.lon)


def test_a_centre_just_off_a_coarse_coastline_still_counts():
    # France's outline is the box 43..50 N, 1 W..7 E; the centre lies 0.3 degree north of it.
    assert country_point_with(CountryCentreSource("FR", 50.3, 2.0), "FR") == (50.3, 2.0)
    assert country_point_with(CountryCentreSource("FR", 52.0, 2.0), "FR") != (52.0, 2.0)


def test_a_country_without_a_natural_earth_outline_is_checked_against_its_own(tiny):
    from gazetteer_tiny import box

    mexico_outline = box(14.5, -118.0, 32.7, -86.7)
    assert country_point_with(CountryCentreSource("MX", 23.0, -102.0, mexico_outline), "MX") == (23.0, -102.0)
    assert country_point_with(CountryCentreSource("MX", 40.0, -102.0, mexico_outline), "MX") != (40.0, -102.0)
    # Without any outline the centre cannot be checked: the country keeps the medoid of its towns.
    unchecked = country_point_with(CountryCentreSource("MX", 23.0, -102.0), "MX")
    assert unchecked in {(20.03, -99.20), (20.10, -99.10), (19.43, -99.13)}


def test_a_country_without_a_shape_is_placed_among_its_towns(tiny):
    mexico = tiny.country("MX")
    assert mexico is not None
    assert (mexico.lat, mexico.lon) in {(20.03, -99.20), (20.10, -99.10), (19.43, -99.13)}


def test_a_region_counts_its_towns_people_and_is_placed_inside_its_country(tiny):
    texas = tiny.admin1("US", "TX")
    assert texas.feature_code == "ADM1" and inside(UNITED_STATES_BOX, texas)
    assert texas.population == 961_855 + 2_304_580 + 24_782


def test_a_region_of_a_country_without_outline_is_placed_mid_way_between_its_towns(tiny):
    hidalgo = tiny.admin1("MX", "13")  # towns at 20.03 N 99.20 W and 20.10 N 99.10 W
    assert (hidalgo.lat, hidalgo.lon) == (20.065, -99.15)


def test_a_region_point_in_a_bay_gives_way_to_the_town_nearest_it():
    # Towns around an empty middle 220 km from each of them: the middle is no point of the region.
    towns = [(0.0, 0.0), (0.0, 4.0), (0.1, 4.0)]
    assert region_point(towns) in towns
    # Towns close around their middle keep it.
    assert region_point([(0.0, 0.0), (0.0, 0.4), (0.3, 0.2)]) == (0.15, 0.2)
    with pytest.raises(ValueError):
        region_point([])


def test_the_middle_of_longitudes_takes_the_short_way_across_the_antimeridian():
    assert longitude_span_middle([-100.0, -90.0]) == -95.0
    assert abs(longitude_span_middle([170.0, -170.0])) == 180.0
    assert longitude_span_middle([179.0, -177.0, 178.0]) == pytest.approx(-179.5)
    assert longitude_span_middle([5.0]) == 5.0


def test_a_region_is_left_out_when_it_has_no_town(tiny):
    assert tiny.lookup("Nowhere Province") == ()


def test_medoid_is_the_member_nearest_the_mean():
    assert medoid([(0.0, 0.0), (1.0, 1.0), (10.0, 10.0)]) == (1.0, 1.0)
    with pytest.raises(ValueError):
        medoid([])


def test_capitals_and_namesake_seats_get_their_feature_codes(tiny):
    assert tiny.lookup("Damascus")[0].feature_code == "PPLC"
    assert tiny.lookup("Ar Raqqah")[0].feature_code == "PPLA"
    assert tiny.get(169577).feature_code == "PPLA"  # Homs, seat of Ḩimş (alias Homs)
    assert tiny.get(170300).feature_code == "PPL"  # Tabqa


def test_towns_carry_their_region_name_in_english_when_known(tiny):
    assert tiny.lookup("Palmyra")[0].admin1 == "Homs"
    assert tiny.lookup("Damascus")[0].admin1 == "Damascus"
    assert tiny.admin1_name("US", "CA") == "California"  # "Golden State" is a nickname
    assert tiny.admin1_name("UA", "11") == "Crimea"
    assert tiny.admin1_name("US", "ZZ") == ""


# -- names -------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["PMS", "tdmr", "تدمر"])
def test_airport_codes_lowercase_romanisations_and_other_scripts_are_not_names(tiny, name):
    assert all(e.geonameid != 163345 for e in tiny.lookup(name))


def test_alternate_name_filter():
    assert is_kept_alternate("Palmyra") and is_kept_alternate("Ḩamāh") and is_kept_alternate("Pal'mira")
    assert not any(is_kept_alternate(n) for n in ("PMS", "tdmr", "تدمر", "Route 66", "Пальмира", ""))


def test_a_town_loses_an_alternate_name_that_is_another_countrys_region_or_country(tiny):
    texas = tiny.lookup("Texas")
    assert texas[0].feature_code == "ADM1" and texas[0].country_code == "US"
    assert 3515002 not in {e.geonameid for e in texas}  # San Lorenzo, MX, listed "Texas"
    assert 3515002 not in {e.geonameid for e in tiny.lookup("Georgia")}
    assert 3515001 in {e.geonameid for e in texas}  # the village really named Texas stays


def test_georgia_is_both_the_country_and_the_us_state(tiny):
    found = tiny.lookup("Georgia")
    assert [(e.country_code, e.feature_code) for e in found[:2]] == [("GE", "PCLI"), ("US", "ADM1")]


def test_an_exonym_spelled_alike_in_many_languages_outranks_a_namesake(tiny):
    found = tiny.lookup("Palmyra")
    assert [e.geonameid for e in found] == [163345, 4524000]


def test_articles_do_not_matter_for_lookup(tiny):
    assert tiny.lookup("Raqqah")[0].geonameid == 170063
    assert tiny.lookup("ar-Raqqah")[0].geonameid == 170063


def test_county_is_found_with_and_without_its_suffix(tiny):
    county = tiny.lookup("Rapides Parish")[0]
    assert county.geonameid == COUNTY_ID_BASE + 22079
    assert (county.feature_code, county.admin1, county.admin1_code) == ("ADM2", "Louisiana", "LA")
    assert (county.lat, county.lon) in {(31.31, -92.45), (31.42, -92.41)}
    assert tiny.lookup("Rapides")[0].geonameid == county.geonameid
    assert tiny.lookup("Empty County") == ()


def test_curated_aliases_point_at_countries_regions_and_ids(tiny):
    assert tiny.lookup("U.S.")[0].country_code == "US"
    assert tiny.lookup("the Crimean Peninsula")[0].feature_code == "ADM1"
    assert tiny.lookup("Old Palmyra")[0].geonameid == 163345
    northern = tiny.alias("Northern Syria")
    assert northern.entry.country_code == "SY" and northern.is_part_of_region
    assert not tiny.alias("USA").is_part_of_region
    assert tiny.alias("Palmyra") is None


def test_an_alias_to_an_unknown_target_stops_the_build():
    with pytest.raises(GazetteerDataError, match="Atlantis"):
        assemble(tiny_sources(aliases=(AliasSource("Atlantis", "ZZ.99"),)))


def test_an_alias_whose_target_is_not_of_the_stated_kind_stops_the_build():
    with pytest.raises(GazetteerDataError, match="PCLI"):
        assemble(tiny_sources(aliases=(AliasSource("Raqqa province", "SY.04", "PCLI"),)))


def test_the_shipped_alias_table_has_the_names_news_use_and_leaves_america_out():
    from gazetteer.sources import read_aliases

    aliases = read_aliases()
    assert {"U.S.", "UK", "Gaza Strip", "Crimea", "northern Syria"} <= {a.alias for a in aliases}
    assert "America" not in {a.alias for a in aliases}
    assert all(a.target for a in aliases)


# -- continents, macro-regions and seas -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "code"),
    [("Asia", "CONT"), ("Levant", "RGN"), ("Middle East", "RGN"), ("Mideast", "RGN"), ("Black Sea", "SEA")],
)
def test_continents_regions_and_seas_come_before_towns_of_the_same_name(tiny, name, code):
    found = tiny.lookup(name)
    assert found[0].feature_code == code
    assert all(e.feature_class == "P" for e in found[1:])


def test_continents_regions_and_seas_are_areas_of_no_country(tiny):
    for name in ("Asia", "Levant", "Black Sea"):
        entry = tiny.lookup(name)[0]
        assert entry.is_area and not entry.is_country and entry.country_code == ""
        assert entry.feature_class in {"L", "H"}
    assert tiny.lookup("Black Sea")[0].feature_class == "H"
    assert tiny.lookup("Asia")[0].population == 3_812_366_000


def test_a_misspelt_macro_region_is_found_by_fuzzy(tiny):
    assert tiny.fuzzy("Middle Aest")[0][0].name == "Middle East"


# -- dotted abbreviations ------------------------------------------------------------------


def test_a_dotted_abbreviation_as_written_gives_its_place_first(tiny):
    assert [(e.name, e.feature_code) for e in tiny.lookup("Tex.")] == [("Texas", "ADM1")]
    assert tiny.lookup("TEX.")[0].name == "Texas"
    assert tiny.lookup("La.")[0].name == "Louisiana"
    assert tiny.lookup("D.C.")[0].geonameid == 4140963


@pytest.mark.parametrize("written", ["Tex", "tex", "tex.", "La", "la."])
def test_the_letters_of_an_abbreviation_without_its_dots_or_capital_name_nothing(tiny, written):
    assert all(e.feature_code != "ADM1" for e in tiny.lookup(written))


def test_a_dotted_abbreviation_is_an_official_name_an_alias_and_no_common_word(tiny):
    match = tiny.matches("Tex.")[0]
    assert (match.entry.name, match.name_kind, match.exact) == ("Texas", 1, True)
    assert tiny.alias("Tex.").entry.name == "Texas"
    assert tiny.alias("Tex.").note.startswith("dotted abbreviation")
    assert tiny.alias("tex") is None
    assert tiny.name_info("Tex.").is_country_or_admin1 and not tiny.name_info("tex").is_country_or_admin1
    assert tiny.is_common_word("tex") and not tiny.is_common_word("Tex.")


def test_a_dotted_abbreviation_must_start_with_a_capital_and_carry_a_dot():
    with pytest.raises(GazetteerDataError, match="capital"):
        assemble(tiny_sources(aliases=(AliasSource("tex.", "US.TX", "ADM1", "dotted abbreviation"),)))


# -- common words ------------------------------------------------------------------------


def test_a_big_towns_name_is_a_name_unless_it_is_a_very_frequent_word(tiny):
    assert not tiny.is_common_word("Geneva")  # 184,000 people; a word, but not a very frequent one
    assert tiny.is_common_word("Nice")  # 343,000 people, and among the most frequent words


def test_a_macro_regions_name_is_never_a_common_word(tiny):
    assert not tiny.is_common_word("Levant") and not tiny.is_common_word("Asia")


# -- safety of the cache file ----------------------------------------------------------


def messages_of(calls):
    return lambda message: calls.append(message)


def test_a_garbage_cache_file_is_detected_and_rebuilt(tmp_path):
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    calls: list[str] = []
    with open_gazetteer(path, sources=tiny_sources(), progress=messages_of(calls)) as g:
        assert g.lookup("Palmyra")[0].name == "Tadmur"
    assert any("rebuilding" in m and "not a SQLite file" in m for m in calls)


def test_a_truncated_cache_is_detected_and_rebuilt(tmp_path):
    path = tmp_path / "g.sqlite"
    build_cache(path, sources=tiny_sources())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "truncated" in cache_problem(path)
    calls: list[str] = []
    with open_gazetteer(path, sources=tiny_sources(), progress=messages_of(calls)) as g:
        assert g.country("SY") is not None
    assert cache_problem(path) is None and any("truncated" in m for m in calls)


def test_a_cache_whose_pages_are_damaged_after_it_was_verified_is_detected(tmp_path):
    path = tmp_path / "g.sqlite"
    open_gazetteer(path, sources=tiny_sources()).close()
    assert cache_problem(path) is None
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size * 2, len(data) - 16, page_size):
        data[offset : offset + 16] = b"\xff" * 16  # scribble on every page header but the first
    path.write_bytes(bytes(data))
    assert cache_problem(path) is not None


def test_a_cache_without_fingerprint_is_rebuilt(tmp_path):
    path = tmp_path / "g.sqlite"
    build_cache(path, sources=tiny_sources())
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM meta WHERE key = 'fingerprint'")
    assert "fingerprint" in cache_problem(path)
    with pytest.warns(RuntimeWarning, match="rebuilding"):
        open_gazetteer(path, sources=tiny_sources()).close()
    assert cache_problem(path) is None


def test_a_cache_built_from_other_data_is_rebuilt(tmp_path):
    path = tmp_path / "g.sqlite"
    build_cache(path, sources=tiny_sources(aliases=()))
    calls: list[str] = []
    with open_gazetteer(path, sources=tiny_sources(), progress=messages_of(calls)) as g:
        assert g.lookup("U.S.")
    assert any("other data" in m for m in calls)


def test_a_valid_cache_is_opened_without_building(tmp_path, monkeypatch):
    path = tmp_path / "g.sqlite"
    open_gazetteer(path, sources=tiny_sources()).close()
    monkeypatch.setattr("gazetteer.database.build_cache", lambda *a, **k: pytest.fail("rebuilt a valid cache"))
    open_gazetteer(path, sources=tiny_sources()).close()


def test_a_failed_build_leaves_neither_cache_nor_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "g.sqlite"

    def interrupted(conn, *args, **kwargs):
        conn.execute("CREATE TABLE half (x)")
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "write_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build_cache(path, sources=tiny_sources())
    assert list(tmp_path.iterdir()) == []


def test_a_build_killed_midway_leaves_no_cache_that_looks_valid(tmp_path):
    path = tmp_path / "g.sqlite"
    marker = tmp_path / "indexing"
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {str(TESTS_DIR)!r})
        from gazetteer_tiny import tiny_sources
        from gazetteer.build import build_cache
        def progress(message):
            if message.startswith("indexing"):
                Path({str(marker)!r}).touch()
                time.sleep(60)
        build_cache(Path({str(path)!r}), sources=tiny_sources(), progress=progress)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert marker.exists(), "the build did not reach its indexing step"
        process.kill()
    finally:
        process.wait()
    assert cache_problem(path) == "it does not exist"
    leftovers = list(tmp_path.glob(".g.sqlite.*.tmp*"))
    assert leftovers and all(cache_problem(p) is not None for p in leftovers)
    with open_gazetteer(path, sources=tiny_sources()) as g:
        assert g.lookup("Kyiv")


def test_old_temp_files_of_dead_builds_are_removed_by_the_next_build(tmp_path):
    path = tmp_path / "g.sqlite"
    old = tmp_path / ".g.sqlite.dead.tmp"
    young = tmp_path / ".g.sqlite.live.tmp"
    old.write_bytes(b"partial")
    young.write_bytes(b"partial")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    build_cache(path, sources=tiny_sources())
    assert not old.exists() and young.exists()


@pytest.mark.slow
def test_two_processes_opening_a_missing_cache_at_once_both_succeed(tmp_path):
    path = tmp_path / "g.sqlite"
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        sys.path.insert(0, {str(TESTS_DIR)!r})
        from gazetteer_tiny import tiny_sources
        from gazetteer.database import open_gazetteer
        with open_gazetteer(Path({str(path)!r}), sources=tiny_sources(), progress=lambda m: None) as g:
            print(g.lookup("Palmyra")[0].name)
    """)
    processes = [
        subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in processes]
    assert [p.returncode for p in processes] == [0, 0]
    assert outputs == ["Tadmur", "Tadmur"]
    assert cache_problem(path) is None


def test_a_rebuild_does_not_disturb_an_open_reader(tmp_path):
    path = tmp_path / "g.sqlite"
    build_cache(path, sources=tiny_sources())
    with Gazetteer(path) as reader:
        build_cache(path, sources=tiny_sources(aliases=()))
        assert reader.lookup("USA")[0].country_code == "US"  # still the old file
    with Gazetteer(path) as fresh:
        assert fresh.lookup("USA") == ()


def test_a_cache_folder_that_cannot_be_written_gives_a_data_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(GazetteerDataError, match="cannot"):
        build_cache(blocker / "g.sqlite", sources=tiny_sources())


@pytest.mark.slow
def test_common_words_join_frequent_english_words_and_spacy_stop_words():
    from spacy.lang.en.stop_words import STOP_WORDS

    from gazetteer.sources import read_common_words

    words = read_common_words()
    assert {"but", "of", "basic", "human", "march", "page", "will"} <= words
    assert {w for w in STOP_WORDS if "'" not in w and "’" not in w and "‘" not in w} <= words
    assert len(words) > 19_000


def test_the_fingerprint_of_hand_made_sources_is_the_same_in_every_process():
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(TESTS_DIR)!r})
        from gazetteer_tiny import tiny_sources
        from gazetteer.build import custom_fingerprint
        print(custom_fingerprint(tiny_sources()))
    """)
    prints = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(prints) == 1 and next(iter(prints)).startswith("custom-")
