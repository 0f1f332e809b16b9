"""Queries on a miniature cache: variants, fuzzy matches, name facts, words, ids, coordinates."""

from __future__ import annotations

import pytest
from gazetteer_tiny import tiny_sources

from gazetteer.attribution import ATTRIBUTION
from gazetteer.build import build_cache
from gazetteer.database import Gazetteer, default_cache_path
from gazetteer.errors import GazetteerDataError, GazetteerQueryError


def test_lookup_ignores_case_accents_and_apostrophes(tiny):
    assert tiny.lookup("KIEV")[0].name == "Kyiv"
    assert tiny.lookup("Kijow")[0].name == "Kyiv"
    assert tiny.lookup("simferopol")[0].name == "Simferopol"


def test_lookup_of_an_unknown_name_is_empty_and_bad_input_raises(tiny):
    assert tiny.lookup("Atlantis") == ()
    assert tiny.lookup("!!!") == ()
    for bad in ("", "   ", None, 42):
        with pytest.raises(GazetteerQueryError):
            tiny.lookup(bad)


def test_variants_find_a_transliteration_that_is_no_listed_name(tiny):
    assert tiny.lookup("Damaskus") == ()
    assert tiny.lookup_variants("Damaskus")[0].name == "Damascus"


def test_variants_leave_out_exact_matches(tiny):
    exact = {e.geonameid for e in tiny.lookup("Kiev")}
    assert 703448 in exact
    assert exact.isdisjoint(e.geonameid for e in tiny.lookup_variants("Kiev"))


def test_fuzzy_finds_a_misspelt_prominent_place(tiny):
    (entry, score), *_ = tiny.fuzzy("Palmrya")
    assert entry.name == "Tadmur" and 0.8 <= score < 1.0


@pytest.mark.parametrize("word", ["But", "Of", "Basic", "Human", "Will", "Page", "March"])
def test_fuzzy_ignores_ordinary_words(tiny, word):
    assert tiny.fuzzy(word) == ()


def test_fuzzy_ignores_names_under_five_letters(tiny):
    assert tiny.fuzzy("Kyv") == () and tiny.fuzzy("Homz") == ()


def test_fuzzy_leaves_out_far_spellings_and_respects_limit(tiny):
    assert tiny.fuzzy("Zanzibar") == ()
    assert len(tiny.fuzzy("Pariss", limit=1)) == 1


def test_name_info_says_how_a_name_is_used(tiny):
    palmyra = tiny.name_info("Palmyra")
    assert (palmyra.count, palmyra.is_preferred_somewhere, palmyra.is_country_or_admin1) == (2, True, False)
    assert palmyra.best_population == 51_015
    assert tiny.name_info("Texas").is_country_or_admin1
    assert not tiny.name_info("Kiev").is_preferred_somewhere
    assert tiny.name_info("Atlantis").count == 0


@pytest.mark.parametrize(
    ("word", "code"), [("Syrian", "SY"), ("Syrians", "SY"), ("american", "US"), ("Ukrainian", "UA"), ("Martian", None)]
)
def test_demonyms_give_country_codes(tiny, word, code):
    assert tiny.demonym(word) == code


def test_common_words_are_words_but_place_names_are_not(tiny):
    assert tiny.is_common_word("But") and tiny.is_common_word("human") and tiny.is_common_word("North")
    # Frequent in English, yet first of all places: a country, a big capital, a big state.
    assert not tiny.is_common_word("Syria")
    assert not tiny.is_common_word("Paris")
    assert not tiny.is_common_word("Texas")
    assert not tiny.is_common_word("Tadmur")


def test_get_country_and_admin1_by_code(tiny):
    assert tiny.get(163345).name == "Tadmur"
    assert tiny.get(1) is None
    assert tiny.country("sy").name == "Syria"
    assert tiny.country("ZZ") is None
    assert tiny.admin1("SY", "04").name == "Raqqa"
    assert tiny.admin1("SY", "77") is None


def test_a_countrys_capital_is_its_capital_city_not_its_centre(tiny):
    assert tiny.capital("sy").name == "Damascus"
    assert tiny.capital("ZZ") is None


@pytest.mark.parametrize(
    ("call", "arg"), [("get", "163345"), ("get", True), ("country", "Syria"), ("country", 12), ("capital", "Syria")]
)
def test_malformed_ids_and_codes_raise(tiny, call, arg):
    with pytest.raises(GazetteerQueryError):
        getattr(tiny, call)(arg)


def test_reverse_gives_the_nearest_town(tiny):
    assert tiny.reverse(34.6, 38.2).name == "Tadmur"
    assert tiny.reverse(48.9, 2.4).name == "Paris"
    assert tiny.reverse(50.4, -179.9).country_code in {"US", "UA", "GE"}  # across the antimeridian works


@pytest.mark.parametrize(("lat", "lon"), [(91, 0), (-90.5, 0), (0, 181), (0, -180.01), ("34", "38")])
def test_reverse_rejects_coordinates_out_of_range(tiny, lat, lon):
    with pytest.raises(GazetteerQueryError):
        tiny.reverse(lat, lon)


def test_attribution_credits_geonames_and_natural_earth(tiny):
    assert tiny.attribution == ATTRIBUTION
    assert "GeoNames" in ATTRIBUTION and "CC BY 4.0" in ATTRIBUTION and "Natural Earth" in ATTRIBUTION


def test_info_reports_what_the_cache_holds(tiny):
    info = tiny.info()
    assert info.entries > 20 and info.names > info.entries and info.fingerprint.startswith("custom-")


def test_default_cache_path_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CONFLICTMAP_GAZETTEER", str(tmp_path / "mine.sqlite"))
    assert default_cache_path() == tmp_path / "mine.sqlite"
    monkeypatch.delenv("CONFLICTMAP_GAZETTEER")
    assert default_cache_path().name.startswith("gazetteer-") and "conflictmap" in str(default_cache_path())


def test_opening_a_file_that_is_not_a_cache_raises_a_data_error(tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_text("hello")
    with pytest.raises(GazetteerDataError):
        Gazetteer(path)


def test_a_closed_gazetteer_raises_a_data_error(tmp_path):
    path = tmp_path / "g.sqlite"
    build_cache(path, sources=tiny_sources())
    g = Gazetteer(path)
    g.close()
    with pytest.raises(GazetteerDataError):
        g.lookup("Homs")


@pytest.mark.parametrize(
    ("written", "meant"),
    [("Damascs", "Damascus"), ("Damasscus", "Damascus"), ("Tadmurr", "Tadmur"), ("Simferopl", "Simferopol")],
)
def test_fuzzy_reaches_names_a_letter_shorter_or_longer(tiny, written, meant):
    assert tiny.fuzzy(written)[0][0].name == meant


def test_matches_tell_which_kind_of_name_matched_in_lookup_order(tiny):
    found = tiny.matches("Palmyra")
    assert [m.entry for m in found] == list(tiny.lookup("Palmyra"))
    assert [(m.entry.name, m.name_kind, m.exact) for m in found] == [("Tadmur", 2, True), ("Palmyra", 0, True)]
    assert found[0].score > found[1].score
    stripped = tiny.matches("Raqqah")[0]
    assert stripped.entry.name == "Ar Raqqah" and not stripped.exact
    assert tiny.matches("U.S.")[0].name_kind == 1


def test_name_facts_asked_twice_are_the_same_and_bad_input_still_raises(tiny):
    # These answers are kept per name after the first question: the second must not differ.
    for _ in range(2):
        assert tiny.name_info("Palmyra").count >= 2
        assert tiny.demonym("Syrians") == "SY"
        assert tiny.is_common_word("But") and not tiny.is_common_word("Paris")
        assert tiny.lookup_variants("Damaskus")[0].name == "Damascus"
    assert len(tiny.lookup_variants("Damaskus", limit=1)) == 1
    for ask in (tiny.name_info, tiny.demonym, tiny.is_common_word, tiny.lookup_variants):
        for bad in ("", "   ", None, 42, ["Palmyra"]):
            with pytest.raises(GazetteerQueryError):
                ask(bad)


def test_names_the_gazetteer_does_not_hold_cost_no_query(tiny):
    g = Gazetteer(tiny.path)  # its own caches, empty
    statements: list[str] = []
    g._conn.set_trace_callback(statements.append)
    try:
        g.lookup("Homs"), g.demonym("Syrian")  # the first look-ups also read the filter, the demonyms
        statements.clear()
        unknown = [f"Mayor Jon Smith{'e' * i}" for i in range(50)]
        assert all(g.lookup(name) == () and g.name_info(name).count == 0 for name in unknown)
        assert all(g.demonym(name) is None for name in unknown)
        assert len(statements) < 5  # a filter lets about one name in a hundred through
        assert g.lookup("Palmyra")[0].name == "Tadmur" and g.demonym("Syrians") == "SY"
    finally:
        g.close()
