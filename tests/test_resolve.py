"""Resolution on a small hand-made gazetteer: context decides between namesakes."""

from __future__ import annotations

import math
import re
from typing import NamedTuple

import pytest

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.parse.resolve import Weights, resolve
from geo.records import GEO_PRECISION_REGION, GEO_PRECISION_TOWN, Mention

E = Entry


class Match(NamedTuple):
    entry: Entry
    score: float
    name_kind: int = 0  # the place's own name


PLACES = [
    E(1, "Tripoli", 32.89, 13.19, "LY", "P", "PPLC", 1_150_000, "09", "Tripoli"),
    E(2, "Tripoli", 34.44, 35.85, "LB", "P", "PPLA", 230_000, "06", "North"),
    E(3, "Benghazi", 32.12, 20.07, "LY", "P", "PPLA", 650_000, "02", "Benghazi"),
    E(4, "Beirut", 33.89, 35.50, "LB", "P", "PPLC", 1_900_000, "04", "Beirut"),
    E(5, "Lebanon", 33.87, 35.88, "LB", "A", "PCLI", 6_800_000),
    E(6, "Syria", 35.0, 38.5, "SY", "A", "PCLI", 22_000_000),
    E(7, "Tadmur", 34.56, 38.28, "SY", "P", "PPL", 51_000, "11", "Homs"),
    E(8, "Palmyra", 40.06, -75.03, "US", "P", "PPL", 7_000, "NJ", "New Jersey"),
    E(9, "Palmyra", 43.06, -77.23, "US", "P", "PPL", 3_500, "NY", "New York"),
    E(10, "Homs", 34.73, 36.72, "SY", "P", "PPLA", 775_000, "11", "Homs"),
    E(11, "Alexandria", 31.20, 29.92, "EG", "P", "PPLA", 3_800_000, "06", "Alexandria"),
    E(12, "Alexandria", 31.31, -92.45, "US", "P", "PPLA2", 47_000, "LA", "Louisiana"),
    E(13, "Rapides Parish", 31.2, -92.5, "US", "A", "ADM2", 130_000, "LA", "Louisiana"),
    E(14, "Washington", 38.90, -77.04, "US", "P", "PPLC", 690_000, "DC", "District of Columbia"),
    E(15, "Washington", 47.50, -120.50, "US", "A", "ADM1", 500_000, "WA", "Washington"),
    E(16, "Texas", 31.25, -99.25, "US", "A", "ADM1", 29_000_000, "TX", "Texas"),
    E(17, "Oregon", 44.00, -120.50, "US", "A", "ADM1", 4_200_000, "OR", "Oregon"),
    E(18, "Georgia", 42.0, 43.5, "GE", "A", "PCLI", 3_700_000),
    E(19, "Georgia", 32.75, -83.5, "US", "A", "ADM1", 10_700_000, "GA", "Georgia"),
    E(20, "Columbus", 39.96, -83.00, "US", "P", "PPLA", 900_000, "OH", "Ohio"),
    E(21, "Columbus", 32.46, -84.99, "US", "P", "PPL", 200_000, "GA", "Georgia"),
    E(22, "Oklahoma", 35.5, -97.5, "US", "A", "ADM1", 3_900_000, "OK", "Oklahoma"),
    E(23, "Pennsylvania", 40.9, -77.8, "US", "A", "ADM1", 13_000_000, "PA", "Pennsylvania"),
    E(24, "Oklahoma", 40.58, -79.59, "US", "P", "PPL", 800, "PA", "Pennsylvania"),
    E(25, "Ohio", 40.25, -82.75, "US", "A", "ADM1", 11_700_000, "OH", "Ohio"),
]
NAMES = {1: ["Tripoli"], 2: ["Tripoli"], 7: ["Tadmur", "Palmyra", "Tadmor"]}


class FakeIndex:
    def __init__(self) -> None:
        self.by_name: dict[str, list[Entry]] = {}
        for e in PLACES:
            for name in {e.name, *NAMES.get(e.geonameid, [])}:
                self.by_name.setdefault(normalize(name), []).append(e)
        for entries in self.by_name.values():
            entries.sort(key=lambda e: -e.population)

    def lookup(self, name):
        return tuple(self.by_name.get(normalize(name), ()))

    def matches(self, name):
        # Prominence on the gazetteer's scale: log10 population, countries first.
        return tuple(
            Match(e, math.log10(e.population + 1) + (2.0 if e.feature_code == "PCLI" else 0.0))
            for e in self.lookup(name)
        )

    def lookup_variants(self, name):
        return ()

    def variants(self, name):
        return ()

    def fuzzy(self, name, *, limit=5):
        return ()

    def is_common_word(self, word):
        return word.lower() in {"but", "of"}


def mentions_of(text: str, *names: str) -> list[Mention]:
    found = []
    for name in names:
        for m in re.finditer(re.escape(name), text):
            found.append(Mention(m.start(), m.end(), name))
    return sorted(found, key=lambda m: m.start)


def resolved(text: str, *names: str, **kwargs) -> dict[str, Entry]:
    places = resolve(text, mentions_of(text, *names), FakeIndex(), **kwargs)
    return {p.mention.text: p.entry for p in places}


def test_tripoli_next_to_benghazi_is_in_libya():
    text = "Fighting spread from Benghazi to Tripoli overnight."
    assert resolved(text, "Benghazi", "Tripoli")["Tripoli"].country_code == "LY"


def test_tripoli_next_to_beirut_is_in_lebanon():
    text = "Protesters marched in Beirut and in Tripoli on Sunday."
    assert resolved(text, "Beirut", "Tripoli")["Tripoli"].country_code == "LB"


def test_explicit_containment_wins_over_prominence():
    text = "Clashes broke out in Tripoli, Lebanon, late on Friday."
    assert resolved(text, "Tripoli", "Lebanon")["Tripoli"].geonameid == 2


def test_a_town_before_the_name_of_a_country_and_a_state_is_in_the_area_that_holds_it():
    # "Georgia" is a country and a state; after a town's name and a comma it is the one of
    # them that holds a town of that name, not whichever the gazetteer lists first.
    text = "The storm left Ohio and flooded Columbus, Georgia, on Monday."
    assert resolved(text, "Ohio", "Columbus", "Georgia")["Columbus"].geonameid == 21


def test_states_listed_in_a_row_are_not_a_village_inside_the_next_one():
    text = "Drought emergencies were declared in Texas, Oklahoma, Pennsylvania and Oregon this summer."
    places = resolved(text, "Texas", "Oklahoma", "Pennsylvania", "Oregon")
    assert places["Oklahoma"].geonameid == 22
    # Two names alone, a town and its state, still say where the town is.
    town = "Flooding cut off Oklahoma, Pennsylvania, overnight."
    assert resolved(town, "Oklahoma", "Pennsylvania")["Oklahoma"].geonameid == 24


def test_palmyra_in_a_syria_story_is_tadmur():
    text = "Syria's army pushed into Palmyra as Syria's allies watched."
    assert resolved(text, "Syria", "Palmyra")["Palmyra"].geonameid == 7


def test_demonyms_inform_the_country():
    text = "Syrian troops entered Palmyra."
    places = resolve(text, mentions_of(text, "Palmyra"), FakeIndex(), demonym_countries=["SY"])
    assert places[0].entry.country_code == "SY"


def test_a_namesake_abroad_stays_off_the_map_when_a_demonym_says_the_country():
    text = "Militants overran the Lebanese hamlet of Alexandria at dawn."
    mentions = mentions_of(text, "Alexandria")
    qualified = {mentions[0].start: "LB"}
    weighed = Weights(demonym_container=1.0)
    assert resolve(text, mentions, FakeIndex(), demonym_countries=["LB"], demonym_of=qualified, weights=weighed) == ()
    # Without the demonym's wording the famous namesake is read.
    (place,) = resolve(text, mentions, FakeIndex(), demonym_countries=["LB"], weights=weighed)
    assert place.entry.country_code == "EG"


def test_a_demonym_qualifying_a_name_picks_the_namesake_in_its_country():
    text = "Shells fell on the Lebanese port of Tripoli, officials said."
    mentions = mentions_of(text, "Tripoli")
    weighed = Weights(demonym_container=1.0)
    (place,) = resolve(text, mentions, FakeIndex(), demonym_of={mentions[0].start: "LB"}, weights=weighed)
    assert place.entry.geonameid == 2
    (unqualified,) = resolve(text, mentions, FakeIndex(), weights=weighed)
    assert unqualified.entry.geonameid == 1


def test_a_demonym_s_vote_for_its_country_is_a_weight():
    text = "Syrian troops entered Palmyra."
    mentions = mentions_of(text, "Palmyra")
    surer = resolve(text, mentions, FakeIndex(), demonym_countries=["SY"], weights=Weights(demonym=2.0))
    unheard = resolve(text, mentions, FakeIndex(), demonym_countries=["SY"], weights=Weights(demonym=0.0))
    assert surer[0].entry.geonameid == unheard[0].entry.geonameid == 7
    assert surer[0].confidence > unheard[0].confidence + 0.2


def test_nearby_county_pulls_a_small_town_over_a_famous_namesake():
    text = "An Alexandria woman was charged; Rapides Parish deputies investigated."
    assert resolved(text, "Alexandria", "Rapides Parish")["Alexandria"].country_code == "US"


def test_a_famous_place_wins_without_context():
    text = "The conference opened in Alexandria."
    assert resolved(text, "Alexandria")["Alexandria"].country_code == "EG"


def test_an_unknown_name_is_left_out_and_does_not_blank_the_rest():
    text = "Troops moved from Qwertyville to Homs."
    got = resolved(text, "Qwertyville", "Homs")
    assert set(got) == {"Homs"}


def test_abstains_when_namesakes_are_equally_likely():
    index = FakeIndex()
    twin = E(99, "Twin", 0, 0, "AA", "P", "PPL", 5_000)
    twin2 = E(98, "Twin", 40, 40, "BB", "P", "PPL", 5_000)
    index.by_name["twin"] = [twin, twin2]
    text = "It happened in Twin."
    assert resolve(text, mentions_of(text, "Twin"), index) == ()


def test_countries_are_region_precision_and_towns_town_precision():
    text = "Homs lies in Syria."
    places = {p.mention.text: p for p in resolve(text, mentions_of(text, "Homs", "Syria"), FakeIndex())}
    assert places["Syria"].geo_precision == GEO_PRECISION_REGION
    assert places["Homs"].geo_precision == GEO_PRECISION_TOWN


def test_an_override_wins_over_the_gazetteer():
    text = "Clashes in Tripoli."
    lebanon_tripoli = PLACES[1]
    places = resolve(text, mentions_of(text, "Tripoli"), FakeIndex(), overrides={"tripoli": lebanon_tripoli})
    assert places[0].entry.geonameid == 2 and places[0].confidence == pytest.approx(1.0)


def test_a_city_and_the_region_of_its_name_at_the_same_spot_are_one_reading():
    # Both mark the same spot on a map: a choice between them is no doubt about where.
    index = FakeIndex()
    city = E(60, "Oldport", 50.0, 30.0, "UA", "P", "PPLC", 2_900_000, "12", "Oldport")
    region = E(61, "Oldport", 50.1, 30.1, "UA", "A", "ADM1", 2_900_000, "13", "Oldport Oblast")
    index.by_name["oldport"] = [city, region]
    text = "Drones were shot down over Oldport."
    places = resolve(text, mentions_of(text, "Oldport"), index)
    assert [p.entry.country_code for p in places] == ["UA"]


def test_twins_far_apart_in_one_country_still_leave_it_unmapped():
    index = FakeIndex()
    north = E(62, "Twinford", 60.0, 30.0, "RU", "P", "PPL", 5_000, "01", "North")
    south = E(63, "Twinford", 45.0, 40.0, "RU", "P", "PPL", 5_000, "02", "South")
    index.by_name["twinford"] = [north, south]
    text = "It happened in Twinford."
    assert resolve(text, mentions_of(text, "Twinford"), index) == ()


def _with_lone_namesake(entry: Entry) -> FakeIndex:
    index = FakeIndex()
    index.by_name[normalize(entry.name)] = [entry]
    return index


def test_a_small_town_abroad_that_nothing_in_the_story_supports_is_left_unmapped():
    # The story is in Syria; the only place of that name the gazetteer lists is a small
    # town in another country, so the name is likelier a place the gazetteer lacks.
    abroad = E(70, "Solmar", 40.0, -80.0, "US", "P", "PPL", 9_000, "PA", "Pennsylvania")
    text = "Syria's army shelled Homs and Solmar, in Syria, on Monday."
    got = resolve(text, mentions_of(text, "Syria", "Homs", "Solmar"), _with_lone_namesake(abroad))
    assert "Solmar" not in {p.mention.text for p in got}
    assert {p.mention.text for p in got} == {"Syria", "Homs"}


def test_the_same_small_town_is_mapped_when_the_story_names_its_country():
    town = E(71, "Solmar", 34.9, 36.9, "SY", "P", "PPL", 9_000, "11", "Homs")
    text = "Syria's army shelled Homs and Solmar, in Syria, on Monday."
    got = resolve(text, mentions_of(text, "Syria", "Homs", "Solmar"), _with_lone_namesake(town))
    assert {p.mention.text: p.entry.geonameid for p in got}["Solmar"] == 71


def test_a_famous_city_abroad_is_mapped_in_a_story_from_elsewhere():
    text = "Syria's envoy flew from Homs to Alexandria on Monday."
    assert resolved(text, "Syria", "Homs", "Alexandria")["Alexandria"].country_code == "EG"


def test_a_small_town_in_a_story_that_names_no_other_place_is_mapped():
    abroad = E(72, "Solmar", 40.0, -80.0, "US", "P", "PPL", 9_000, "PA", "Pennsylvania")
    text = "The fair in Solmar opened on Monday."
    got = resolve(text, mentions_of(text, "Solmar"), _with_lone_namesake(abroad))
    assert [p.entry.geonameid for p in got] == [72]


def _index_with(*entries: Entry, alternate: dict[int, str] | None = None) -> FakeIndex:
    """The fake index plus ``entries``; ``alternate`` gives an entry a second name that
    matches as an alternate name (name_kind 2), scored below its own name."""
    index = FakeIndex()
    for e in entries:
        index.by_name.setdefault(normalize(e.name), []).append(e)
    alternate = alternate or {}
    matches = index.matches

    def with_alternates(name):
        found = list(matches(name))
        for e in entries:
            if e.geonameid in alternate and normalize(alternate[e.geonameid]) == normalize(name):
                found.append(Match(e, math.log10(e.population + 1) + 1.0, 2))
        return tuple(sorted(found, key=lambda m: -m.score))

    index.matches = with_alternates  # type: ignore[method-assign]
    return index


def test_a_great_city_known_by_a_regions_name_keeps_the_city_reading():
    # Like a great city whose gazetteer name is longer than the one news uses for it:
    # the state of the same name must not take the city's mentions.
    state = E(80, "Norland", 43.0, -75.5, "US", "A", "ADM1", 3_000_000, "NL", "Norland")
    city = E(81, "Norland City", 40.7, -74.0, "US", "P", "PPL", 8_000_000, "NL", "Norland")
    index = _index_with(state, city, alternate={81: "Norland"})
    text = "Envoys met at the United Nations in Norland on Friday."
    got = resolve(text, mentions_of(text, "Norland"), index)
    assert [p.entry.geonameid for p in got] == [81]


def test_a_small_town_named_after_a_region_stays_out():
    state = E(82, "Norland", 43.0, -75.5, "US", "A", "ADM1", 3_000_000, "NL", "Norland")
    town = E(83, "Eastfield", 37.0, -79.0, "US", "P", "PPL", 2_000, "VA", "Virginia")
    index = _index_with(state, town, alternate={83: "Norland"})
    text = "Farmers in Norland lost their crops."
    got = resolve(text, mentions_of(text, "Norland"), index)
    assert [p.entry.geonameid for p in got] == [82]


def test_a_country_named_as_an_actor_does_not_pull_a_village_there():
    # A village the gazetteer lists with no population, in the country whose government
    # spoke; the story happens in Syria.
    village = E(84, "Karvela", 59.6, 30.4, "RU", "P", "PPL", 0, "66", "Leningrad")
    index = _index_with(E(85, "Russia", 60.0, 100.0, "RU", "A", "PCLI", 144_000_000), village)
    text = "A strike hit the Karvela camp near Homs in Syria. Russia denied that its jets took part."
    got = resolve(text, mentions_of(text, "Karvela", "Homs", "Syria", "Russia"), index)
    assert "Karvela" not in {p.mention.text for p in got}


def test_a_country_named_as_a_place_still_places_a_village_there():
    village = E(84, "Karvela", 59.6, 30.4, "RU", "P", "PPL", 0, "66", "Leningrad")
    index = _index_with(E(85, "Russia", 60.0, 100.0, "RU", "A", "PCLI", 144_000_000), village)
    text = "Floods hit Karvela in northwest Russia. Rescuers in Russia worked through the night."
    got = resolve(text, mentions_of(text, "Karvela", "Russia"), index)
    assert {p.mention.text: p.entry.geonameid for p in got}.get("Karvela") == 84


def test_a_namesake_abroad_yields_to_the_area_the_text_puts_the_name_in():
    # The only listed place of the name lies in another country than the province the
    # sentence puts it in: the place is one the gazetteer lacks.
    abroad = E(86, "Sorvena", 37.9, 13.8, "IT", "P", "PPL", 200_000, "15", "Sicily")
    province = E(87, "Kalbar", 17.0, 43.5, "YE", "A", "ADM1", 900_000, "15", "Kalbar")
    index = _index_with(abroad, province, E(88, "Yemen", 15.5, 47.5, "YE", "A", "PCLI", 28_000_000))
    text = "A shell struck the Sorvena hospital in Kalbar province of Yemen on Sunday."
    got = resolve(text, mentions_of(text, "Sorvena", "Kalbar", "Yemen"), index)
    assert {p.mention.text for p in got} == {"Kalbar", "Yemen"}


def test_a_description_of_a_later_town_puts_no_container_on_the_dateline():
    # "a city in the west of Syria" tells where Homs is, not where the report was filed:
    # the dateline's capital stays mapped in its own country.
    text = "BEIRUT, May 3 (Wire) -- Shelling hit Homs, a city in the west of Syria, on Sunday."
    got = resolved(text, "BEIRUT", "Homs", "Syria")
    assert got["BEIRUT"].geonameid == 4
    assert got["Homs"].country_code == "SY"


def test_a_comma_list_of_countries_is_no_container_that_unmaps_them():
    text = "Refugees crossed into Syria, Lebanon and Libya last week."
    got = resolved(text, "Syria", "Lebanon")
    assert {name: e.country_code for name, e in got.items()} == {"Syria": "SY", "Lebanon": "LB"}


def _shipped_weights():
    from geo.parse.placemodel import load_model
    from geo.parse.resolve import weights_from

    model = load_model()
    return weights_from(model.resolution, model.reading)


def test_a_capital_keeps_its_own_name_from_a_village_that_bears_it_as_an_alternate_name():
    # A village beside the story's other place that an old record also calls "Corvia"
    # must not take the name from the capital whose own name it is.
    capital = E(90, "Corvia", 41.9, 12.5, "IT", "P", "PPLC", 9_000_000, "07", "Lazio")
    norvik = E(91, "Norvik", 40.7, -74.0, "US", "P", "PPL", 8_000_000, "NY", "New York")
    village = E(92, "Wendham", 41.6, -74.5, "US", "P", "PPL", 1_200, "NY", "New York")
    index = _index_with(capital, norvik, village, alternate={92: "Corvia"})
    text = (
        "Fighting spread from Benghazi to Tripoli overnight. Donors pledged aid at a meeting in Norvik,"
        " and the talks move to Corvia next month."
    )
    mentions = mentions_of(text, "Benghazi", "Tripoli", "Norvik", "Corvia")
    assert {p.mention.text: p.entry.geonameid for p in resolve(text, mentions, index)}["Corvia"] == 92
    got = {p.mention.text: p.entry.geonameid for p in resolve(text, mentions, index, weights=_shipped_weights())}
    assert got["Corvia"] == 90


def test_a_town_abroad_only_its_fame_puts_ahead_of_an_unlisted_place_is_left_unmapped():
    # Without the learned abstention a town of 200,000 abroad wins, narrowly, over "a
    # place the gazetteer lacks" in a story from Syria; the shipped weights leave it out.
    from geo.parse.resolve import Weights

    abroad = E(73, "Kelvar", 40.0, -80.0, "US", "P", "PPL", 200_000, "PA", "Pennsylvania")
    text = "Fighting in Syria reached Homs, Tadmur and Kelvar on Monday."
    mentions = mentions_of(text, "Syria", "Homs", "Tadmur", "Kelvar")
    guessed = resolve(text, mentions, _with_lone_namesake(abroad), weights=Weights())
    assert "Kelvar" in {p.mention.text for p in guessed}
    got = resolve(text, mentions, _with_lone_namesake(abroad), weights=_shipped_weights())
    assert {p.mention.text for p in got} == {"Syria", "Homs", "Tadmur"}


def test_a_city_of_millions_abroad_is_still_mapped_by_the_shipped_weights():
    abroad = E(74, "Kelvar", 40.0, -80.0, "US", "P", "PPLA", 3_000_000, "PA", "Pennsylvania")
    text = "Fighting in Syria reached Homs and Tadmur; the envoy flew to Kelvar on Monday."
    got = resolve(
        text,
        mentions_of(text, "Syria", "Homs", "Tadmur", "Kelvar"),
        _with_lone_namesake(abroad),
        weights=_shipped_weights(),
    )
    assert {p.mention.text: p.entry.geonameid for p in got}["Kelvar"] == 74


def test_a_small_town_its_country_supports_is_never_doubted():
    town = E(75, "Kelvar", 34.9, 36.9, "SY", "P", "PPL", 20_000, "11", "Homs")
    text = "Fighting in Syria reached Homs, Tadmur and Kelvar on Monday."
    got = resolve(
        text,
        mentions_of(text, "Syria", "Homs", "Tadmur", "Kelvar"),
        _with_lone_namesake(town),
        weights=_shipped_weights(),
    )
    assert {p.mention.text: p.entry.geonameid for p in got}["Kelvar"] == 75


def test_two_villages_that_are_alternate_names_of_towns_abroad_do_not_vouch_for_each_other():
    # A Syrian story's two market villages happen to be old names of two small towns in
    # one faraway country: each would make that country "named" for the other.
    first = E(90, "Vellmoor", 48.5, 6.7, "FR", "P", "PPL", 4_000, "44", "Grand-Est")
    second = E(91, "Ostbrunn", 48.8, 1.6, "FR", "P", "PPL", 3_000, "11", "Ile-de-France")
    index = _index_with(first, second, alternate={90: "Qasrat", 91: "Dhubab"})
    text = "Syria's army shelled Homs on Monday. Shells also hit Qasrat and Dhubab, villages near Homs in Syria."
    got = resolve(text, mentions_of(text, "Syria", "Homs", "Qasrat", "Dhubab"), index)
    assert {p.mention.text for p in got} == {"Syria", "Homs"}


def test_a_town_named_by_an_alternate_name_is_still_mapped_where_the_story_is():
    town = E(92, "Vellmoor", 34.9, 36.9, "SY", "P", "PPL", 4_000, "11", "Homs")
    index = _index_with(town, alternate={92: "Qasrat"})
    text = "Syria's army shelled Homs on Monday. Shells also hit Qasrat, a village near Homs."
    got = resolve(text, mentions_of(text, "Syria", "Homs", "Qasrat"), index)
    assert {p.mention.text: p.entry.geonameid for p in got}["Qasrat"] == 92


# A name a country shares with a region of its neighbour, and countries listed beside it.
KORVALA = E(100, "Korvala", 9.0, 8.0, "KV", "A", "PCLI", 20_000_000)
KORVALA_STATE = E(101, "Korvala", 10.0, 6.0, "MR", "A", "ADM1", 1_300_000, "31", "Korvala")
MERIDA = E(102, "Meridania", 9.5, 8.5, "MR", "A", "PCLI", 190_000_000)
SALTEN = E(103, "Salten", 6.0, 12.5, "SL", "A", "PCLI", 25_000_000)
OBRU = E(104, "Obru", 11.8, 13.1, "MR", "P", "PPLA", 1_100_000, "30", "Obru")


def _borderland_index() -> FakeIndex:
    return _index_with(KORVALA, KORVALA_STATE, MERIDA, SALTEN, OBRU)


def test_a_name_listed_beside_a_country_is_the_country_not_the_region_of_its_name():
    # A story from Meridania whose refugees fled abroad: "Salten and Korvala" lists two
    # countries, though Meridania has a state called Korvala.
    text = (
        "Gunmen raided villages near Obru in northeast Meridania on Monday. "
        "Thousands fled across the border to Salten and Korvala, aid workers said."
    )
    got = resolve(
        text,
        mentions_of(text, "Obru", "Meridania", "Salten", "Korvala"),
        _borderland_index(),
        weights=_shipped_weights(),
    )
    assert {p.mention.text: p.entry.geonameid for p in got}["Korvala"] == 100


def test_a_comma_between_two_countries_lists_them_and_puts_neither_inside_the_other():
    text = "The vaccination drive covers Salten, Korvala, Meridania and four other states."
    got = resolve(
        text, mentions_of(text, "Salten", "Korvala", "Meridania"), _borderland_index(), weights=_shipped_weights()
    )
    assert {p.mention.text: p.entry.geonameid for p in got} == {"Salten": 103, "Korvala": 100, "Meridania": 102}


def test_the_region_is_still_read_where_the_text_puts_the_name_inside_its_country():
    text = "Floods displaced farmers in Korvala state, in central Meridania, near Obru."
    got = resolve(text, mentions_of(text, "Korvala", "Meridania", "Obru"), _borderland_index())
    assert {p.mention.text: p.entry.geonameid for p in got}["Korvala"] == 101


# A story told inside one city: its quarters are not in the gazetteer, a small town far away
# in the same country shares a quarter's name.
PORTO_VERDE = E(110, "Porto Verde", -22.9, -43.2, "BV", "P", "PPLA", 6_700_000, "21", "Verde")
CANTAREIRA = E(111, "Cantareira", -22.97, -43.19, "BV", "P", "PPL", 130_000, "21", "Verde")
NOVA_BARRA = E(112, "Nova Barra", -22.88, -43.1, "BV", "P", "PPL", 460_000, "21", "Verde")
FAR_NAMESAKE = E(113, "Vila Serena", -26.8, -48.6, "BV", "P", "PPL", 33_000, "26", "Costa Sul")
BRAVA = E(114, "Bravania", -10.0, -55.0, "BV", "A", "PCLI", 210_000_000)


def _city_story_index(*extra: Entry) -> FakeIndex:
    return _index_with(PORTO_VERDE, CANTAREIRA, NOVA_BARRA, FAR_NAMESAKE, BRAVA, *extra)


def test_a_story_inside_one_city_does_not_map_an_unknown_quarter_to_a_far_namesake():
    text = (
        "Police in Porto Verde raided the Vila Serena hillside quarter at dawn, and shooting "
        "spread to Cantareira, residents said. Schools in Porto Verde and across the bay in "
        "Nova Barra stayed shut. Bravania's government defended the raid in Porto Verde."
    )
    names = ("Porto Verde", "Vila Serena", "Cantareira", "Nova Barra", "Bravania")
    got = resolve(text, mentions_of(text, *names), _city_story_index(), weights=_shipped_weights())
    assert {p.mention.text for p in got} == {"Porto Verde", "Cantareira", "Nova Barra", "Bravania"}


def test_the_same_town_is_mapped_in_a_story_that_spans_the_country():
    # Another city of some size far from the first: the story is about the country, and a
    # town far from its most named city is no sign of a quarter the gazetteer lacks.
    far_city = E(115, "Lagoa Alta", -25.4, -49.3, "BV", "P", "PPLA", 1_900_000, "18", "Planalto")
    text = (
        "Police in Porto Verde raided a gang's hideout at dawn, and shooting spread to Cantareira. "
        "Officers in Porto Verde said the gang also ran routes through Lagoa Alta and Vila Serena. "
        "Bravania's government defended the raid in Porto Verde."
    )
    names = ("Porto Verde", "Vila Serena", "Cantareira", "Lagoa Alta", "Bravania")
    got = resolve(text, mentions_of(text, *names), _city_story_index(far_city), weights=_shipped_weights())
    assert {p.mention.text: p.entry.geonameid for p in got}["Vila Serena"] == 113


def test_a_state_named_elsewhere_in_the_story_leaves_washington_the_capital():
    text = "Texas lawmakers passed the bill on Monday. It now goes to Washington for a vote."
    assert resolved(text, "Texas", "Washington")["Washington"].geonameid == 14


def test_a_state_named_in_the_same_sentence_but_not_listed_with_it_leaves_washington_the_capital():
    text = "The governor of Texas flew to Washington to meet the president."
    assert resolved(text, "Texas", "Washington")["Washington"].geonameid == 14


def test_states_listed_together_make_washington_the_state():
    text = "Wildfires spread across Texas, Oregon and Washington this week."
    found = resolved(text, "Texas", "Oregon", "Washington")
    assert found["Washington"].geonameid == 15


def test_the_state_of_a_name_is_the_region_and_the_bare_name_the_country():
    country = E(92, "Kartland", 42.0, 43.5, "KT", "A", "PCLI", 4_000_000)
    state = E(93, "Kartland", 32.7, -83.5, "US", "A", "ADM1", 10_000_000, "KL", "Kartland")
    capital = E(94, "Tbelin", 41.7, 44.8, "KT", "P", "PPLC", 1_100_000, "01", "Tbelin")
    index = _index_with(country, state, capital)
    text = (
        "Troops entered Kartland and shelled Tbelin, the capital of Kartland. "
        "Farmers in the state of Kartland sold less cotton this year."
    )
    got = resolve(text, mentions_of(text, "Kartland", "Tbelin"), index)
    assert [p.entry.geonameid for p in got] == [92, 94, 92, 93]
    # Where no region has the name, "the state of" is the country's own.
    text = "Envoys of the state of Lebanon met on Friday."
    assert [p.entry.geonameid for p in resolve(text, mentions_of(text, "Lebanon"), index)] == [5]


def test_river_words_read_a_name_a_region_shares_as_the_river():
    region = E(95, "Zelva", 13.5, 32.4, "SD", "A", "ADM1", 700_000, "41", "Zelva")
    river = E(96, "Zelva River", 9.5, 31.6, "", "H", "STM", 0)
    index = _index_with(region, river)
    text = (
        "Troops shelled towns in Zelva on Monday. Barges carried grain along the Zelva "
        "and a ferry sank in the Zelva river."
    )
    got = resolve(text, mentions_of(text, "Zelva"), index)
    assert [p.entry.geonameid for p in got] == [95, 96, 96]
    # Without a river listed under that name, river words leave the region.
    index = _index_with(region)
    assert [p.entry.geonameid for p in resolve(text, mentions_of(text, "Zelva"), index)] == [95, 95, 95]


def test_a_capital_named_for_its_government_is_mapped_at_the_capital_not_its_namesake_region():
    # A capital whose larger first-level region bears its name, named once in a story
    # from elsewhere: as a place ("donors met in X") the two readings are too close to
    # choose; as a government ("X said", "X urged") it is the seat.
    region = E(96, "Harlan", 46.8, 23.6, "RO", "A", "ADM1", 6_500_000, "13", "Harlan")
    capital = E(95, "Harlan", 44.4, 26.1, "RO", "P", "PPLC", 1_800_000, "10", "Bucuresti")
    index = _index_with(capital, region)
    for said in ("Harlan said it would send aid to Homs.", "Harlan urged calm and pledged aid to Homs."):
        text = "Fighting in Syria reached Homs on Monday. " + said
        got = resolve(text, mentions_of(text, "Syria", "Homs", "Harlan"), index, weights=_shipped_weights())
        assert {p.mention.text: p.entry.geonameid for p in got}.get("Harlan") == 95
    text = "Fighting in Syria reached Homs on Monday. Donors met in Harlan and pledged aid to Homs."
    got = resolve(text, mentions_of(text, "Syria", "Homs", "Harlan"), index, weights=_shipped_weights())
    assert "Harlan" not in {p.mention.text for p in got}


def _readings_by_both_weights(text: str, names: tuple[str, ...], lone: Entry) -> list[dict[str, int | None]]:
    """Each mapped name's reading (its geonameid) in ``text`` when ``lone`` is the gazetteer's
    one reading of its name, under the default weights and under the shipped ones."""
    mentions = mentions_of(text, *names)
    return [
        {p.mention.text: p.entry.geonameid for p in resolve(text, mentions, _with_lone_namesake(lone), weights=weights)}
        for weights in (Weights(), _shipped_weights())
    ]


def test_a_town_abroad_the_text_introduces_as_a_town_is_left_unmapped():
    # Named plainly, a city of 400,000 abroad is mapped on its fame (a report may well name
    # it); introduced as "the town of", it is a place the readers are not expected to know,
    # one of the story's own that the gazetteer lacks.
    abroad = E(76, "Kelvar", 40.0, -80.0, "US", "P", "PPL", 400_000, "PA", "Pennsylvania")
    plain = "Fighting in Syria reached Homs and Tadmur; refugees fled to Kelvar on Monday."
    got = resolve(plain, mentions_of(plain, "Syria", "Homs", "Tadmur", "Kelvar"), _with_lone_namesake(abroad))
    assert {p.mention.text: p.entry.geonameid for p in got}.get("Kelvar") == 76
    for introduced in (
        "Fighting in Syria reached Homs and Tadmur; refugees fled to the small town of Kelvar on Monday.",
        "Fighting in Syria reached Homs and Tadmur; refugees fled to Kelvar, a market town, on Monday.",
    ):
        readings = _readings_by_both_weights(introduced, ("Syria", "Homs", "Tadmur", "Kelvar"), abroad)
        assert [set(r) for r in readings] == [{"Syria", "Homs", "Tadmur"}] * 2


def test_a_town_of_the_story_the_text_introduces_as_a_town_is_still_mapped():
    town = E(77, "Kelvar", 34.9, 36.9, "SY", "P", "PPL", 20_000, "11", "Homs")
    text = "Fighting in Syria reached Homs and the town of Kelvar on Monday."
    got = resolve(text, mentions_of(text, "Syria", "Homs", "Kelvar"), _with_lone_namesake(town))
    assert {p.mention.text: p.entry.geonameid for p in got}["Kelvar"] == 77


def test_a_name_the_text_calls_a_village_is_not_the_country_of_that_name():
    country = E(78, "Marovia", -20.0, -175.0, "XM", "A", "PCLI", 10_000_000)
    village = E(79, "Marovia", 34.8, 36.8, "SY", "P", "PPL", 2_000, "11", "Homs")
    index = _index_with(country, village)
    plain = "Rebels shelled Marovia on Monday."
    got = resolve(plain, mentions_of(plain, "Marovia"), index)
    assert [p.entry.geonameid for p in got] == [78]
    text = "Rebels shelled the village of Marovia on Monday."
    got = resolve(text, mentions_of(text, "Marovia"), index)
    assert [p.entry.geonameid for p in got] == [79]


def test_a_hamlet_by_the_story_s_places_beats_a_city_of_its_name_two_hundred_km_off():
    # Two readings in the story's own country: a hamlet 20 km from its other places and a
    # provincial capital of millions 200 km away. The shipped proximity scale lets the
    # nearness outweigh the fame; at the old 250 km the name was left unmapped.
    from dataclasses import replace

    hamlet = E(80, "Dorvan", 34.85, 36.90, "SY", "P", "PPL", 100, "05", "Hama")
    city = E(81, "Dorvan", 36.50, 37.00, "SY", "P", "PPLA", 3_000_000, "02", "Aleppo")
    text = "Shelling hit Homs and Tadmur on Monday, and troops entered Dorvan."
    mentions = mentions_of(text, "Homs", "Tadmur", "Dorvan")
    shipped = _shipped_weights()
    got = {
        p.mention.text: p.entry.geonameid for p in resolve(text, mentions, _index_with(hamlet, city), weights=shipped)
    }
    assert got["Dorvan"] == 80
    wide = replace(shipped, proximity_km=250.0)
    got = {p.mention.text: p.entry.geonameid for p in resolve(text, mentions, _index_with(hamlet, city), weights=wide)}
    assert got.get("Dorvan") != 80


def test_a_name_the_text_calls_a_quarter_is_not_a_town_of_its_name_far_from_the_story():
    # The story is in one city; the gazetteer lists the name only as a town of the same
    # country 400 km away. Named plainly, the country vouches for that town; called a
    # neighbourhood or district, the name is a part of a city the story names, which the
    # gazetteer lacks, and stays unmapped rather than mapped 400 km off.
    far = E(82, "Kelvar", 36.3, 40.7, "SY", "P", "PPL", 20_000, "08", "Hasakah")
    plain = "Syria's army shelled Homs and Tadmur on Monday; a market in Kelvar was hit."
    readings = _readings_by_both_weights(plain, ("Syria", "Homs", "Tadmur", "Kelvar"), far)
    assert [r.get("Kelvar") for r in readings] == [82, 82]
    for quarter in (
        "Syria's army shelled Homs and Tadmur on Monday; a market in the Kelvar neighbourhood was hit.",
        "Syria's army shelled Homs and Tadmur on Monday; a market in the Kelvar district was hit.",
    ):
        readings = _readings_by_both_weights(quarter, ("Syria", "Homs", "Tadmur", "Kelvar"), far)
        assert [set(r) for r in readings] == [{"Syria", "Homs", "Tadmur"}] * 2


def test_a_quarter_the_gazetteer_lists_by_the_story_s_city_is_mapped():
    near = E(83, "Kelvar", 34.75, 36.75, "SY", "P", "PPLX", 5_000, "11", "Homs")
    text = "Syria's army shelled Homs and Tadmur on Monday; a market in the Kelvar neighbourhood was hit."
    readings = _readings_by_both_weights(text, ("Syria", "Homs", "Tadmur", "Kelvar"), near)
    assert [r.get("Kelvar") for r in readings] == [83, 83]


def test_a_name_the_text_calls_a_bridge_or_a_lake_is_not_a_town_of_its_name_far_from_the_story():
    # The gazetteer lists the name only as a city of 400,000 in a country the story does not
    # name, 600 km from it. Named plainly, it is mapped on its fame; called a bridge or a
    # lake, the name is a place of another kind, which the gazetteer lacks, and stays
    # unmapped.
    far = E(84, "Kelvar", 39.0, 33.0, "TR", "P", "PPL", 400_000, "68", "Ankara")
    names = ("Syria", "Homs", "Tadmur", "Kelvar")
    plain = "Syria's army shelled Homs and Tadmur on Monday; a lorry near Kelvar was hit."
    assert [r.get("Kelvar") for r in _readings_by_both_weights(plain, names, far)] == [84, 84]
    for other_kind in (
        "Syria's army shelled Homs and Tadmur on Monday; a lorry on the Kelvar bridge was hit.",
        "Syria's army shelled Homs and Tadmur on Monday; boats sailed on the Kelvar lake.",
    ):
        readings = _readings_by_both_weights(other_kind, names, far)
        assert [set(r) for r in readings] == [{"Syria", "Homs", "Tadmur"}] * 2


def test_an_air_base_named_after_a_town_of_the_story_s_country_is_mapped_at_the_town():
    # The town is 400 km from the story's other towns, but in its country: a base takes its
    # name from the town it stands by, so the town is the place meant.
    town = E(87, "Kelvar", 36.3, 40.7, "SY", "P", "PPL", 20_000, "08", "Hasakah")
    text = "Syria's army shelled Homs and Tadmur on Monday; jets struck the Kelvar air base."
    readings = _readings_by_both_weights(text, ("Syria", "Homs", "Tadmur", "Kelvar"), town)
    assert [r.get("Kelvar") for r in readings] == [87, 87]


def test_a_bridge_named_after_a_town_of_the_story_is_mapped_at_the_town():
    # Called a bridge, but read as a town by the story's others: a bridge takes its name
    # from the town it stands in, so the town is the place meant.
    near = E(85, "Kelvar", 34.75, 36.75, "SY", "P", "PPL", 20_000, "11", "Homs")
    text = "Syria's army shelled Homs and Tadmur on Monday; a lorry on the Kelvar bridge was hit."
    readings = _readings_by_both_weights(text, ("Syria", "Homs", "Tadmur", "Kelvar"), near)
    assert [r.get("Kelvar") for r in readings] == [85, 85]


def test_an_island_read_as_its_town_is_mapped_however_far():
    # An island shares its name with its main town: a town of the name is of the island's
    # kind, wherever it lies.
    island = E(86, "Kelvar", 39.0, 33.0, "TR", "P", "PPL", 400_000, "68", "Ankara")
    text = "Syria's army shelled Homs and Tadmur on Monday; boats left the small island of Kelvar."
    readings = _readings_by_both_weights(text, ("Syria", "Homs", "Tadmur", "Kelvar"), island)
    assert [r.get("Kelvar") for r in readings] == [86, 86]


def _with_respelling(written: Entry, respelt: Entry) -> FakeIndex:
    """An index that lists ``written`` under the name as the story writes it and
    ``respelt`` only under another spelling of the same form."""
    from gazetteer.database import VariantMatch

    index = _with_lone_namesake(written)
    index.variants = lambda name: (  # type: ignore[method-assign]
        (VariantMatch(respelt, 1.0, "solmarr"),) if normalize(name) == "solmar" else ()
    )
    return index


SOLMAR_ABROAD = E(73, "Solmar", 40.0, -80.0, "US", "P", "PPL", 900, "PA", "Pennsylvania")
SOLMARR_IN_SYRIA = E(74, "Solmarr", 34.6, 36.9, "SY", "P", "PPL", 4_000, "11", "Homs")
SOLMARR_IN_TURKEY = E(75, "Solmarr", 39.0, 33.0, "TR", "P", "PPL", 4_000, "68", "Ankara")


def test_a_name_spelt_as_a_village_abroad_is_read_as_its_other_spelling_in_the_storys_country():
    # As written the gazetteer lists only a village in a country the story never names;
    # spelt another way, a town beside the story's city: that is the place meant.
    text = "Fighting in Syria reached Homs, Tadmur and Solmar on Monday."
    index = _with_respelling(SOLMAR_ABROAD, SOLMARR_IN_SYRIA)
    got = {
        p.mention.text: p.entry.geonameid
        for p in resolve(
            text, mentions_of(text, "Syria", "Homs", "Tadmur", "Solmar"), index, weights=_shipped_weights()
        )
    }
    assert got["Solmar"] == 74


def test_another_spelling_in_a_country_the_story_never_names_is_no_reading():
    text = "Fighting in Syria reached Homs, Tadmur and Solmar on Monday."
    index = _with_respelling(SOLMAR_ABROAD, SOLMARR_IN_TURKEY)
    got = {
        p.mention.text
        for p in resolve(
            text, mentions_of(text, "Syria", "Homs", "Tadmur", "Solmar"), index, weights=_shipped_weights()
        )
    }
    assert got == {"Syria", "Homs", "Tadmur"}


def test_a_name_listed_as_written_where_the_story_is_keeps_its_own_spelling():
    at_home = E(76, "Solmar", 34.8, 36.6, "SY", "P", "PPL", 900, "11", "Homs")
    text = "Fighting in Syria reached Homs, Tadmur and Solmar on Monday."
    index = _with_respelling(at_home, SOLMARR_IN_SYRIA)
    got = {
        p.mention.text: p.entry.geonameid
        for p in resolve(
            text, mentions_of(text, "Syria", "Homs", "Tadmur", "Solmar"), index, weights=_shipped_weights()
        )
    }
    assert got["Solmar"] == 76
