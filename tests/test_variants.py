"""Places written another way than the gazetteer lists them: other spellings, area words."""

from __future__ import annotations

import re

import pytest
from gazetteer_tiny import EXTRA_PLACES, tiny_sources

from gazetteer.build import build_cache
from gazetteer.database import Gazetteer
from gazetteer.sources import GeoNamesRecord
from geo.parse.resolve import resolve
from geo.parse.variants import (
    base_name,
    continues_with_a_particle,
    head_word_reading,
    split_head_word,
    with_area_word,
    with_name_around,
)
from geo.records import GEO_PRECISION_NEAR, GEO_PRECISION_TOWN, Mention

# A Syrian village GeoNames lists with no population, under its Arabic article and a final h.
VILLAGE = GeoNamesRecord(99_100_001, "Al Ḩamīdīyah", 36.25, 39.05, "SY")
RAQQA_CITY, RAQQA_PROVINCE = 170063, 172957
# An airfield the gazetteer lists, with no town of its name.
AIRFIELD = GeoNamesRecord(99_100_002, "Sorvan Airport", 35.7, 38.9, "SY", "S", "AIRP", alternate_names=("Sorvan",))
# A Syrian village listed with the short vowel of its first syllable, which spoken Arabic drops.
VOWELLED_VILLAGE = GeoNamesRecord(99_100_003, "Al Judaydah", 35.9, 38.8, "SY")


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("variants") / "tiny.sqlite"
    build_cache(path, sources=tiny_sources(extra_places=(*EXTRA_PLACES, VILLAGE, AIRFIELD, VOWELLED_VILLAGE)))
    with Gazetteer(path) as g:
        yield g


def mentions_of(text: str, *names: str) -> list[Mention]:
    found = [Mention(m.start(), m.end(), name) for name in names for m in re.finditer(re.escape(name), text)]
    return sorted(found, key=lambda m: m.start)


def resolved(text: str, gazetteer: Gazetteer, *names: str) -> dict[str, int]:
    places = resolve(text, mentions_of(text, *names), gazetteer)
    return {p.mention.text: p.entry.geonameid for p in places}


def test_a_village_without_its_article_and_final_h_is_found_among_the_variants(gazetteer):
    assert gazetteer.lookup("Hamidiya") == ()
    (found, *_) = gazetteer.variants("Hamidiya")
    assert (found.entry.geonameid, found.similarity) == (VILLAGE.geonameid, 1.0)


def test_variants_leave_out_the_places_a_name_matches_exactly(gazetteer):
    assert all(v.entry.geonameid != RAQQA_CITY for v in gazetteer.variants("Raqqa"))


@pytest.mark.parametrize("written", ["Hamidiya", "Hamidiyeh", "Hameediya"])
def test_a_town_written_without_al_and_final_h_is_found_in_its_country(gazetteer, written):
    text = f"Kurdish-led forces pushed into {written}, north of Raqqa in Syria, on Tuesday."
    assert resolved(text, gazetteer, written, "Raqqa", "Syria")[written] == VILLAGE.geonameid


def test_a_village_written_without_its_first_short_vowel_is_found_in_its_country(gazetteer):
    assert gazetteer.lookup("Jdeideh") == ()
    text = "Militants shelled Jdeideh, a village west of Raqqa in Syria, at dawn."
    assert resolved(text, gazetteer, "Jdeideh", "Raqqa", "Syria")["Jdeideh"] == VOWELLED_VILLAGE.geonameid
    text = "Militants shelled Jdeideh and Nova Dacha in southern Ukraine at dawn."
    assert "Jdeideh" not in resolved(text, gazetteer, "Jdeideh", "Nova Dacha", "Ukraine")


def test_a_variant_spelling_is_not_matched_to_a_namesake_abroad(gazetteer):
    text = "Shells fell on Hamidiya and on Nova Dacha in southern Ukraine overnight."
    found = resolved(text, gazetteer, "Hamidiya", "Nova Dacha", "Ukraine")
    assert "Hamidiya" not in found
    assert found["Nova Dacha"] == 99_000_003


def test_x_province_reads_the_province_and_the_bare_name_the_city(gazetteer):
    text = "Air strikes hit Raqqa province on Monday. In Raqqa itself, markets stayed shut."
    places = resolve(text, mentions_of(text, "Raqqa"), gazetteer)
    assert [p.entry.geonameid for p in places] == [RAQQA_PROVINCE, RAQQA_CITY]


def test_an_area_word_finds_a_province_listed_with_another_area_word(gazetteer):
    # Listed as "Damascus Governorate": "Damascus region" is that province, not the city.
    text = "Shelling hit the Damascus region overnight, Syria's army said."
    (place, *_) = resolve(text, mentions_of(text, "Damascus", "Syria"), gazetteer)
    assert (place.mention.text, place.entry.feature_code) == ("Damascus", "ADM1")


def test_a_place_word_reads_the_base_place_as_a_looser_reading(gazetteer):
    reading = head_word_reading("Raqqa bridge", gazetteer)
    assert reading is not None and reading.loose
    assert RAQQA_CITY in {m.entry.geonameid for m in reading.matches}


def test_a_valley_or_plain_is_not_read_as_the_airfield_of_its_name(gazetteer):
    assert head_word_reading("Sorvan valley", gazetteer) is None
    assert head_word_reading("Sorvan plain", gazetteer) is None
    reading = head_word_reading("Sorvan checkpoint", gazetteer)
    assert reading is not None and AIRFIELD.geonameid in {m.entry.geonameid for m in reading.matches}


def test_a_name_followed_by_a_terrain_word_is_not_the_airfield_of_that_name(gazetteer):
    text = "Jets took off from Sorvan, south of Raqqa in Syria, at dawn."
    assert resolved(text, gazetteer, "Sorvan", "Raqqa", "Syria")["Sorvan"] == AIRFIELD.geonameid
    text = "Rebels still hold the Sorvan valley, south of Raqqa in Syria."
    assert "Sorvan" not in resolved(text, gazetteer, "Sorvan", "Raqqa", "Syria")


def test_a_head_word_on_an_unlisted_name_gives_no_reading(gazetteer):
    assert head_word_reading("Zzyzx crossing", gazetteer) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Idlib province", ("idlib", "province")),
        ("the Allenby crossing", ("allenby", "crossing")),
        ("Kherson Oblast", ("kherson", "oblast")),
        ("Province", None),
        ("Homs", None),
        ("Provincetown", None),
    ],
)
def test_split_head_word(name, expected):
    assert split_head_word(name) == expected


def test_an_area_word_after_a_mention_joins_its_name_only_in_lower_case_and_right_after():
    text = "Idlib province and Idlib. Region leaders met in Idlib region's capital."
    first, second, third = mentions_of(text, "Idlib")
    assert with_area_word(text, first, "Idlib") == "Idlib province"
    assert with_area_word(text, second, "Idlib") == "Idlib"
    assert with_area_word(text, third, "Idlib") == "Idlib region"
    assert base_name("idlib region") == "idlib" and base_name("rafah crossing") == "rafah crossing"


def test_a_particle_and_a_capitalised_word_after_a_mention_are_the_rest_of_its_name():
    text = "Roads into Villa del Monte were cut. Monte was quiet. Rain fell on Lago de Monte, Villa and de Soto."
    villa, last = mentions_of(text, "Villa")
    quiet, lago = mentions_of(text, "Monte")[1:3]
    assert with_name_around(text, villa, "Villa") == "Villa del Monte"
    assert with_name_around(text, quiet, "Monte") == "Monte"  # nothing after it
    assert with_name_around(text, lago, "Monte") == "Monte"  # only what follows a name completes it
    assert with_name_around(text, last, "Villa") == "Villa"  # "and de Soto": no particle right after
    assert continues_with_a_particle(["de", "la", "sierra"]) and continues_with_a_particle(["del", "caguan"])
    assert not continues_with_a_particle(["beach"]) and not continues_with_a_particle(["de"])


def test_an_area_word_and_of_before_a_mention_join_its_name_only_in_lower_case():
    text = "Rain fell on the coffee department of Meta and the Department of Meta. In Meta."
    first, second, third = mentions_of(text, "Meta")
    assert with_area_word(text, first, "Meta") == "department of Meta"
    assert with_area_word(text, second, "Meta") == "Meta"
    assert with_area_word(text, third, "Meta") == "Meta"
    assert split_head_word("department of Meta") == ("meta", "department")
    assert base_name("province of idlib") == "idlib"


def test_another_spelling_far_from_the_storys_places_stays_unresolved(gazetteer):
    # Syria is named, but the story's places lie around Homs, far from the village.
    text = "Shelling hit Homs and Hamidiya in Syria on Friday."
    found = resolved(text, gazetteer, "Homs", "Hamidiya", "Syria")
    assert "Hamidiya" not in found and "Homs" in found


def test_a_spot_named_after_a_town_is_placed_near_the_town(gazetteer):
    text = "Aid convoys queued at the Raqqa bridge on Sunday, north of Raqqa in Syria."
    places = {p.mention.text: p for p in resolve(text, mentions_of(text, "Raqqa bridge", "Syria"), gazetteer)}
    assert places["Raqqa bridge"].entry.geonameid == RAQQA_CITY
    assert places["Raqqa bridge"].geo_precision == GEO_PRECISION_NEAR


def test_a_countrys_name_before_state_stays_the_country(gazetteer):
    text = "Georgia state television said troops had left Tbilisi."
    places = resolve(text, mentions_of(text, "Georgia"), gazetteer)
    assert [p.entry.feature_code for p in places] == ["PCLI"]


def test_a_region_the_gazetteer_lacks_is_read_loosely_as_its_town_in_the_storys_country(gazetteer):
    # No first-level area is named after Tadmur: "the Palmyra region" is the area around it.
    text = "Rains flooded the Palmyra region in Syria."
    (place, *_) = resolve(text, mentions_of(text, "Palmyra", "Syria"), gazetteer)
    assert (place.entry.name, place.geo_precision) == ("Tadmur", GEO_PRECISION_TOWN)
    text = "Rains flooded the Palmyra region, officials in Ukraine said."
    assert [p.entry.country_code for p in resolve(text, mentions_of(text, "Palmyra", "Ukraine"), gazetteer)] == ["UA"]
