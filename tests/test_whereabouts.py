"""A place the gazetteer lacks gets its event where the text puts it, never at a namesake abroad."""

from __future__ import annotations

import re
from datetime import date

import pytest

from gazetteer.entry import Entry
from geo.parse.whereabouts import placed_by_context
from geo.records import GEO_PRECISION_NEAR, GEO_PRECISION_REGION, GEO_PRECISION_TOWN, Article, Mention, Place

RURITANIA = Entry(9001, "Ruritania", 47.0, 20.0, "XR", "A", "PCLI", 5_000_000)
KORA = Entry(9002, "Kora", 48.5, 20.5, "XR", "A", "ADM1", 400_000, admin1_code="04", admin1="Kora")
VARN = Entry(9003, "Varn", 46.2, 19.4, "XR", "P", "PPLA", 80_000, admin1_code="02", admin1="Lowmark")
#: A town of the same name as the village, in another country.
VELMARSK_ABROAD = Entry(9004, "Velmarsk", -12.0, 140.0, "XQ", "P", "PPL", 30_000, admin1_code="01")
#: A listed hamlet of that name inside the Kora district.
VELMARSK_IN_KORA = Entry(9005, "Velmarsk", 48.7, 20.9, "XR", "P", "PPL", 0, admin1_code="04", admin1="Kora")


class FakeGazetteer:
    def __init__(self, *entries: Entry) -> None:
        self.entries = entries

    def lookup(self, name: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.name == name)


def _mention(text: str, name: str, nth: int = 0) -> Mention:
    found = [m for m in re.finditer(re.escape(name), text)][nth]
    return Mention(found.start(), found.end(), name)


def _place(text: str, name: str, entry: Entry) -> Place:
    return Place(_mention(text, name), entry, 0.9)


def test_an_unlisted_village_in_a_named_district_stands_in_at_the_district_keeping_its_name() -> None:
    text = "Gunmen burned Velmarsk, a village in the Kora district of Ruritania's north, on Tuesday."
    places = [_place(text, "Kora", KORA), _place(text, "Ruritania", RURITANIA)]
    found = placed_by_context(text, places, [_mention(text, "Velmarsk")], FakeGazetteer())
    village = next(p for p in found if p.mention.text == "Velmarsk")
    assert village.entry == KORA and village.unlisted
    assert village.geo_precision == GEO_PRECISION_REGION


def test_a_village_read_as_a_namesake_abroad_yields_to_the_district_the_text_names() -> None:
    text = "Gunmen burned Velmarsk, a village in the Kora district of Ruritania's north, on Tuesday."
    places = [
        _place(text, "Velmarsk", VELMARSK_ABROAD),
        _place(text, "Kora", KORA),
        _place(text, "Ruritania", RURITANIA),
    ]
    found = placed_by_context(text, places, [], FakeGazetteer(VELMARSK_ABROAD))
    assert all(p.entry != VELMARSK_ABROAD for p in found)
    assert next(p for p in found if p.mention.text == "Velmarsk").entry == KORA


def test_a_listed_place_of_the_name_inside_the_named_district_is_taken_as_the_town() -> None:
    text = "Shells fell on the village of Velmarsk in Kora province overnight."
    found = placed_by_context(
        text,
        [_place(text, "Kora", KORA)],
        [_mention(text, "Velmarsk")],
        FakeGazetteer(VELMARSK_ABROAD, VELMARSK_IN_KORA),
    )
    village = next(p for p in found if p.mention.text == "Velmarsk")
    assert village.entry == VELMARSK_IN_KORA and not village.unlisted
    assert village.geo_precision == GEO_PRECISION_TOWN


def test_a_village_some_distance_from_a_town_stands_in_near_the_town() -> None:
    text = "Militia fighters seized Lask, 40 km north of Varn, at dawn on Friday."
    found = placed_by_context(text, [_place(text, "Varn", VARN)], [_mention(text, "Lask")], FakeGazetteer())
    village = next(p for p in found if p.mention.text == "Lask")
    assert village.entry == VARN and village.geo_precision == GEO_PRECISION_NEAR


def test_a_name_the_text_does_not_place_stays_unresolved() -> None:
    text = "Gunmen burned Velmarsk on Tuesday and then moved on towards Kora, officials said."
    found = placed_by_context(text, [_place(text, "Kora", KORA)], [_mention(text, "Velmarsk")], FakeGazetteer())
    assert [p.mention.text for p in found] == ["Kora"]


def test_a_town_of_a_country_the_story_is_about_is_kept_as_read() -> None:
    text = "Rockets fired from Varn in southern Kora hit a depot. Police in Varn said two died."
    varn = _place(text, "Varn", VARN)
    places = [varn, _place(text, "Kora", KORA), Place(_mention(text, "Varn", 1), VARN, 0.9)]
    found = placed_by_context(text, places, [], FakeGazetteer(VARN))
    assert [p.entry for p in found] == [VARN, KORA, VARN]


def test_the_other_mentions_of_a_placed_name_follow_it() -> None:
    text = "Fighters stormed the town of Velmarsk in Kora province. Later Velmarsk was quiet."
    places = [
        _place(text, "Velmarsk", VELMARSK_ABROAD),
        _place(text, "Kora", KORA),
        Place(_mention(text, "Velmarsk", 1), VELMARSK_ABROAD, 0.9),
    ]
    found = placed_by_context(text, places, [], FakeGazetteer(VELMARSK_ABROAD))
    assert [p.entry for p in found if p.mention.text == "Velmarsk"] == [KORA, KORA]


@pytest.mark.model
def test_an_invented_village_in_a_real_province_gives_its_event_at_the_province(pipeline) -> None:
    text = "Militants burned the village of Qorvandiri in Borno state on Monday, killing six farmers."
    events = pipeline.events(Article(text, published=date(2024, 5, 8)))
    village = [e for e in events if e.mention == "Qorvandiri"]
    assert village, events
    assert village[0].country_code == "NG" and village[0].admin1 == "Borno"
    assert village[0].geo_precision == GEO_PRECISION_REGION and village[0].event_type == "frontline"


@pytest.mark.parametrize(
    ("text", "name", "introduced"),
    [
        ("A curfew was imposed on the northern border town of Dunmere on Monday.", "Dunmere", True),
        ("Troops advanced from Lask, a town about 20 km to the west.", "Lask", True),
        ("Fighting went on around the villages of Ambel and Tamsa.", "Tamsa", True),
        ("Shells fell on Douma, a suburb of Varn.", "Douma", True),
        # the city a suburb belongs to, the villages of a region: not introduced
        ("Shells fell on Douma, a suburb of Varn.", "Varn", False),
        ("Fighting went on around the villages of Kora province.", "Kora", False),
        # a town's country in a list of towns
        ("Refugees reached the towns of Lask, Ruritania and Tamsa.", "Ruritania", False),
        ("Refugees reached the towns of Lask, Ruritania and Tamsa.", "Tamsa", True),
        ("The envoy flew to Varn, the capital, on Monday.", "Varn", False),
        ("Officials of the Town of Ambel met on Monday.", "Ambel", False),
    ],
)
def test_a_name_introduced_as_a_village_or_town(text: str, name: str, introduced: bool) -> None:
    from geo.parse.whereabouts import introduced_as_settlement

    start = text.index(name)
    assert introduced_as_settlement(text, Mention(start, start + len(name), name)) is introduced


@pytest.mark.parametrize(
    ("text", "name", "city_part"),
    [
        ("Shells struck a bakery in the Dovra neighbourhood on Monday.", "Dovra", True),
        ("Police raided homes in the Dovra district of the capital.", "Dovra", True),
        ("Gunmen held the quarter of Dovra for a week.", "Dovra", True),
        ("Residents of the Dovra suburb fled north.", "Dovra", True),
        ("A car bomb went off on Dovra street at noon.", "Dovra", True),
        # a town named plainly, or the city a suburb belongs to: not a part of a city
        ("Shells struck a bakery in Dovra on Monday.", "Dovra", False),
        ("Shells fell on Douma, a suburb of Varn.", "Varn", False),
        ("Dovra district officials met on Monday.", "Dovra", False),
        ("Protesters marched from Dovra Street to the square.", "Dovra", False),
    ],
)
def test_a_name_the_text_calls_a_part_of_a_city(text: str, name: str, city_part: bool) -> None:
    from geo.parse.whereabouts import called_a_city_part

    start = text.index(name)
    assert called_a_city_part(text, Mention(start, start + len(name), name)) is city_part


@pytest.mark.parametrize(
    ("text", "name", "classes"),
    [
        ("A lorry was hit on the Dovra bridge on Monday.", "Dovra", "S"),
        ("A lorry was hit on the Dovra bridge on Monday.", "Dovra bridge", "S"),
        ("Snipers fired from the Old City at dawn.", "Old City", ""),
        ("Jets took off from the Dovra air base at dawn.", "Dovra", "SP"),
        ("He was held on the prison island of Dovra for years.", "Dovra", "TP"),
        ("Rebels dug in on the Dovra hill overnight.", "Dovra", "T"),
        ("Boats sank on the Dovra lake in the storm.", "Dovra", "H"),
        ("Gunmen held the Dovra neighbourhood for a week.", "Dovra", ""),
        ("Snipers fired from the old city of Dovra.", "Dovra", ""),
        # no kind beside the name, or a kind word without "the" that may be the town's
        ("A lorry was hit in Dovra on Monday.", "Dovra", None),
        ("Dovra airport officials met on Monday.", "Dovra", None),
        # a capital kind word in the name may be a town's name ("Dovra Lake, a resort town")
        ("Tourists left Dovra Lake on Monday.", "Dovra Lake", None),
    ],
)
def test_the_kind_of_place_the_text_calls_a_name(text: str, name: str, classes: str | None) -> None:
    from geo.parse.whereabouts import classes_of_named_kind

    start = text.index(name)
    got = classes_of_named_kind(text, Mention(start, start + len(name), name))
    assert got == (None if classes is None else frozenset(classes))


class CapitalsGazetteer(FakeGazetteer):
    """Ruritania's people are Ruritanians and its capital is Varn; "Koran" names no country."""

    def demonym(self, word: str) -> str | None:
        return "XR" if word == "Ruritanian" else None

    def capital(self, code: str) -> Entry | None:
        return VARN if code == "XR" else None

    def get(self, geonameid: int) -> Entry | None:
        return next((e for e in self.entries if e.geonameid == geonameid), None)


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]


def test_a_capital_told_by_its_peoples_word_is_a_place_at_that_capital() -> None:
    from geo.parse.whereabouts import capital_references

    text = "Talks opened on Monday. Rockets fell on the Ruritanian capital overnight, killing two."
    found = capital_references(text, [], _sentences(text), CapitalsGazetteer(), first_sentence=4)
    assert [(p.mention.text, p.entry, p.mention.sentence) for p in found] == [("the Ruritanian capital", VARN, 5)]
    assert found[0].geo_precision == GEO_PRECISION_TOWN


def test_a_capital_named_right_after_its_description_makes_no_second_place() -> None:
    from geo.parse.whereabouts import capital_references

    text = "Rockets fell on the Ruritanian capital, Varn, overnight."
    places = [_place(text, "Varn", VARN)]
    assert capital_references(text, places, _sentences(text), CapitalsGazetteer()) == []


def test_a_capital_of_a_people_with_no_country_of_its_own_is_no_place() -> None:
    from geo.parse.whereabouts import capital_references

    text = "Rebels held the Koran capital and the Ruritanian Capital Region was calm."
    assert capital_references(text, [], _sentences(text), CapitalsGazetteer()) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Shells fell on Ruritania's capital overnight.", "Ruritania's capital"),
        ("Envoys met in the capital of Ruritania on Friday.", "the capital of Ruritania"),
    ],
)
def test_a_capital_told_by_its_countrys_name_is_a_place_at_that_capital(text: str, phrase: str) -> None:
    from geo.parse.whereabouts import capital_references

    places = [_place(text, "Ruritania", RURITANIA)]
    found = capital_references(text, places, _sentences(text), CapitalsGazetteer())
    assert [(p.mention.text, p.entry) for p in found] == [(phrase, VARN)]


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on Ruritania's capital, Varn, overnight.",
        "Envoys met in the capital of Ruritania, Varn, on Friday.",
        "Shells fell on Ruritania's Capital Region overnight.",
    ],
)
def test_a_countrys_capital_named_right_after_or_no_capital_at_all_makes_no_place(text: str) -> None:
    from geo.parse.whereabouts import capital_references

    places = [_place(text, "Ruritania", RURITANIA)] + ([_place(text, "Varn", VARN)] if "Varn" in text else [])
    assert capital_references(text, places, _sentences(text), CapitalsGazetteer()) == []


def test_a_capital_is_the_one_of_the_day_the_story_was_published() -> None:
    from geo.parse.capitals import CapitalTerm, capital_on

    old_seat = Entry(9010, "Oldport", 45.0, 15.0, "XR", "P", "PPLA", 900_000)
    gazetteer = CapitalsGazetteer(old_seat)
    terms = (CapitalTerm("XR", "Oldport", 9010, None, date(1994, 7, 1)),)
    assert capital_on(gazetteer, "XR", date(1990, 3, 2), terms) == old_seat
    assert capital_on(gazetteer, "XR", date(1994, 7, 1), terms) == VARN
    assert capital_on(gazetteer, "XR", None, terms) == VARN  # an undated story is read as of today


def test_the_shipped_capitals_table_has_one_capital_a_day_for_each_country() -> None:
    from geo.parse.capitals import capital_terms

    terms = capital_terms()
    assert {"BI", "KZ", "NG", "BR", "DE", "TR"} <= {t.country for t in terms}
    for term in terms:
        assert term.first is None or term.ended is None or term.first < term.ended, term
        for other in terms:
            overlap = other is not term and other.country == term.country
            overlap = overlap and (other.first or date.min) < (term.ended or date.max)
            assert not (overlap and (term.first or date.min) < (other.ended or date.max)), (term, other)


def test_a_story_of_before_a_capital_moved_places_the_capital_at_the_old_seat() -> None:
    from geo.parse.whereabouts import capital_references

    lagos = Entry(2332459, "Lagos", 6.45, 3.39, "NG", "P", "PPLA", 15_000_000)
    abuja = Entry(2352778, "Abuja", 9.06, 7.49, "NG", "P", "PPLC", 2_690_000)

    class Nigeria(CapitalsGazetteer):
        def demonym(self, word: str) -> str | None:
            return "NG" if word == "Nigerian" else None

        def capital(self, code: str) -> Entry | None:
            return abuja if code == "NG" else None

    text = "Students marched through the Nigerian capital on Monday."
    for published, capital in ((date(1985, 5, 6), lagos), (date(2005, 5, 6), abuja), (None, abuja)):
        found = capital_references(text, [], _sentences(text), Nigeria(lagos, abuja), published=published)
        assert [p.entry for p in found] == [capital]


@pytest.mark.parametrize(
    "text",
    [
        "Crowds gathered in Varn, the capital of Ruritania, on Sunday.",
        "Crowds gathered in Varn, Ruritania's capital, on Sunday.",
        "Crowds gathered in Varn, the Ruritanian capital, on Sunday.",
        "Crowds gathered in the capital of the Ruritania province of Kora on Sunday.",
    ],
)
def test_a_capital_phrase_describing_a_name_beside_it_or_a_province_makes_no_place(text: str) -> None:
    from geo.parse.whereabouts import capital_references

    places = [_place(text, "Ruritania", RURITANIA), _place(text, "Kora" if "Kora" in text else "Varn", VARN)]
    assert capital_references(text, places, _sentences(text), CapitalsGazetteer()) == []


def test_the_capital_of_a_country_may_end_its_sentence_or_precede_a_preposition() -> None:
    from geo.parse.whereabouts import capital_references

    for text in ("Shells fell on the capital of Ruritania.", "Shells fell on the capital of Ruritania on Monday."):
        found = capital_references(text, [_place(text, "Ruritania", RURITANIA)], _sentences(text), CapitalsGazetteer())
        assert [p.entry for p in found] == [VARN], text
