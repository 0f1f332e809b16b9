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
from gazetteer_tiny import SYRIA_BOX, UNITED_STATES_BOX, tiny_sources

from gazetteer import build as build_module
from gazetteer.assemble import COUNTY_ID_BASE, assemble, is_kept_alternate, medoid
from gazetteer.build import build_cache
from gazetteer.database import Gazetteer, cache_problem, open_gazetteer
from gazetteer.errors import GazetteerDataError
from gazetteer.sources import AliasSource

TESTS_DIR = Path(__file__).resolve().parent
REPO = TESTS_DIR.parent


def inside(box, entry) -> bool:
    min_lat, min_lon, max_lat, max_lon = box
    return min_lat <= entry.lat <= max_lat and min_lon <= entry.lon <= max_lon


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    path = tmp_path_factory.mktemp("gazetteer") / "tiny.sqlite"
    build_cache(path, sources=tiny_sources())
    with Gazetteer(path) as g:
        yield g


# -- places and points -----------------------------------------------------------


def test_a_country_point_is_inside_the_country_and_not_its_capital(tiny):
    syria = tiny.country("SY")
    damascus = tiny.lookup("Damascus")[0]
    assert syria.name == "Syria" and syria.feature_code == "PCLI"
    assert inside(SYRIA_BOX, syria)
    assert (round(syria.lat, 1), round(syria.lon, 1)) != (round(damascus.lat, 1), round(damascus.lon, 1))


def test_a_country_without_a_shape_is_placed_among_its_towns(tiny):
    mexico = tiny.country("MX")
    assert mexico is not None
    assert (mexico.lat, mexico.lon) in {(20.03, -99.20), (20.10, -99.10), (19.43, -99.13)}


def test_a_region_is_placed_on_one_of_its_towns_and_counts_their_people(tiny):
    texas = tiny.admin1("US", "TX")
    assert texas.feature_code == "ADM1" and inside(UNITED_STATES_BOX, texas)
    assert (texas.lat, texas.lon) in {(30.27, -97.74), (29.76, -95.36), (33.66, -95.56)}
    assert texas.population == 961_855 + 2_304_580 + 24_782


def test_a_region_without_towns_is_left_out(tiny):
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
    assert {"U.S.", "UK", "Gaza Strip", "Crimea", "Donbas", "northern Syria"} <= {a.alias for a in aliases}
    assert "America" not in {a.alias for a in aliases}
    assert all(a.target for a in aliases)


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
        data[offset:offset + 16] = b"\xff" * 16  # scribble on every page header but the first
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
    leftovers = list(tmp_path.glob(".g.sqlite.*.tmp"))
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
    processes = [subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE, text=True)
                 for _ in range(2)]
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
