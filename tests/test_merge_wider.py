"""Reports placed wider than a town: a district, a province or only the country, and the
happening at the town they tell (``geo.store.merge.wider_score``)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

from geo.records import Article, Event
from geo.store.merge import MergeRules, assign, merge
from geo.store.store import MIGRATIONS, EventStore
from tests.palmyra import palmyra_event

TUESDAY = date(2024, 5, 14)
WEDNESDAY = date(2024, 5, 15)
#: A front-line town, the district around it, its province and the country, as the gazetteer
#: would resolve them: (place, feature code, geo precision, lat, lon).
TOWN = ("Vovchansk", "PPL", 1, 50.29, 36.94)
DISTRICT = ("Chuhuiv Raion", "ADM2", 3, 49.84, 36.69)
PROVINCE = ("Kharkiv Oblast", "ADM1", 3, 49.50, 36.50)
COUNTRY = ("Ukraine", "PCLI", 3, 49.00, 32.00)
OTHER_TOWN = ("Kupiansk", "PPL", 1, 49.71, 37.62)


def report(
    event_id: str,
    quote: str,
    place: tuple[str, str, int, float, float] = TOWN,
    *,
    day: date = TUESDAY,
    killed: int = 0,
    sub_event_type: str = "air_strike",
) -> Event:
    name, feature_code, precision, lat, lon = place
    return palmyra_event(
        event_id=event_id,
        article_id=f"article-{event_id}",
        source=f"Outlet {event_id}",
        title="",
        quote=quote,
        place=name,
        mention=name,
        feature_code=feature_code,
        geo_precision=precision,
        lat=lat,
        lon=lon,
        country_code="UA",
        admin1="Kharkiv" if feature_code != "PCLI" else "",
        event_type="frontline",
        sub_event_type=sub_event_type,
        event_date=day,
        published=day,
        fatalities=killed,
    )


COUNTRY_QUOTE = "Three people were killed when a guided bomb hit a bakery on Tuesday, Ukraine said."
BAKERY = report("town", "A guided bomb hit a bakery in Vovchansk on Tuesday morning, killing three people.", killed=3)


def groups(*reports: Event) -> list[set[str]]:
    return sorted(({r.event_id for r in m.reports} for m in merge(reports, MergeRules())), key=sorted)


def test_a_strike_told_at_the_town_and_at_its_district_is_one_event() -> None:
    district = report(
        "district",
        "Three people died on Tuesday when a guided bomb struck a bakery in Chuhuiv district, the governor said.",
        DISTRICT,
        killed=3,
    )
    assert groups(BAKERY, district) == [{"district", "town"}]
    assert groups(district, BAKERY) == [{"district", "town"}]  # in either order


def test_a_strike_told_at_the_town_and_at_its_province_is_one_event() -> None:
    province = report(
        "province", "A guided bomb struck a bakery in Kharkiv region on Tuesday, killing three.", PROVINCE, killed=3
    )
    assert groups(BAKERY, province) == [{"province", "town"}]


def test_the_districts_other_strike_the_next_day_stays_apart() -> None:
    next_day = report(
        "next",
        "A guided bomb hit a bakery in Chuhuiv district on Wednesday, killing three people.",
        DISTRICT,
        day=WEDNESDAY,
        killed=3,
    )
    assert groups(BAKERY, next_day) == [{"next"}, {"town"}]


def test_a_district_far_from_the_town_does_not_hold_it() -> None:
    far = report(
        "far",
        "Three people died on Tuesday when a guided bomb struck a bakery in Izium district, the governor said.",
        ("Izium Raion", "ADM2", 3, 49.21, 37.26),
        killed=3,
    )
    assert groups(BAKERY, far) == [{"far"}, {"town"}]  # 120 km away: another district of the region


def test_a_report_placed_at_the_country_joins_the_towns_event_when_figures_and_words_agree() -> None:
    country = report(
        "country",
        "Three people were killed when a guided bomb hit a bakery on Tuesday, Ukraine said.",
        COUNTRY,
        killed=3,
    )
    assert groups(BAKERY, country) == [{"country", "town"}]


def test_a_report_placed_at_the_country_with_another_toll_stays_apart() -> None:
    country = report(
        "country",
        "Twelve people were killed when a guided bomb hit a bakery on Tuesday, Ukraine said.",
        COUNTRY,
        killed=12,
    )
    assert groups(BAKERY, country) == [{"country"}, {"town"}]


def test_a_report_placed_at_the_country_told_otherwise_stays_apart() -> None:
    country = report(
        "country", "Soldiers repelled an assault near the border on Tuesday; three were killed.", COUNTRY, killed=3
    )
    assert groups(BAKERY, country) == [{"country"}, {"town"}]


def test_a_report_placed_at_the_country_joins_no_event_when_two_towns_fit() -> None:
    twin = report(
        "twin", "A guided bomb hit a bakery in Kupiansk on Tuesday morning, killing three people.", OTHER_TOWN, killed=3
    )
    country = report(
        "country",
        "Three people were killed when a guided bomb hit a bakery on Tuesday, Ukraine said.",
        COUNTRY,
        killed=3,
    )
    assert groups(BAKERY, twin, country) == [{"country"}, {"town"}, {"twin"}]


def test_a_town_joining_a_country_event_moves_it_to_the_town() -> None:
    country = report(
        "country",
        "Three people were killed when a guided bomb hit a bakery on Tuesday, Ukraine said.",
        COUNTRY,
        killed=3,
    )
    (event,) = merge([country, BAKERY], MergeRules())
    assert (event.lat, event.lon, event.geo_precision) == (TOWN[3], TOWN[4], 1)
    later = report("later", "The bakery in Vovchansk hit by a guided bomb on Tuesday was a ruin.", killed=3)
    assert assign(later, [event], MergeRules()) == "country"  # a town report finds it at the town


def test_the_store_files_a_country_report_under_the_towns_happening(tmp_path: Path) -> None:
    country = report(
        "country",
        "Three people were killed when a guided bomb hit a bakery on Tuesday, Ukraine said.",
        COUNTRY,
        killed=3,
    )
    with EventStore.open(tmp_path / "events.sqlite") as store:
        for event in (country, BAKERY):
            article = Article(event.quote, published=event.published, source=event.source, article_id=event.article_id)
            store.add_articles([(article, [event])])
        (coded,) = store.coded_events()
    assert coded.sources == 2
    assert (coded.place, coded.fatalities) == ("Vovchansk", 3)  # the town's report gives the place


def test_a_store_filed_before_places_were_kept_is_filed_again_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, steps in enumerate(MIGRATIONS[:-1], start=1):
        for statement in steps:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", (number,))
    # Two reports of the bakery strike, each filed as a happening of its own as before.
    for event in (BAKERY, report("country", COUNTRY_QUOTE, COUNTRY, killed=3)):
        conn.execute(
            "INSERT INTO events (event_id, event_type, sub_event_type, event_date, lat, lon, quote, source, "
            "confidence, country_code, admin1, feature_code, geo_precision, fatalities, article_id, published, "
            "happening_id) VALUES (?, 'frontline', 'air_strike', ?, ?, ?, ?, ?, 0.8, 'UA', ?, ?, ?, 3, ?, ?, ?1)",
            (
                event.event_id,
                TUESDAY.isoformat(),
                event.lat,
                event.lon,
                event.quote,
                event.source,
                event.admin1,
                event.feature_code,
                event.geo_precision,
                event.article_id,
                TUESDAY.isoformat(),
            ),
        )
        conn.execute(
            "INSERT INTO happenings (happening_id, event_type, lat, lon) VALUES (?, 'frontline', ?, ?)",
            (event.event_id, event.lat, event.lon),
        )
    conn.close()

    with EventStore.open(path) as migrated:
        (coded,) = migrated.coded_events()
    assert coded.sources == 2
    assert (coded.lat, coded.lon) == (TOWN[3], TOWN[4])  # at the town, not the country's centre


#: A village about 15 km from the town, where another outlet placed the same strike.
NEXT_VILLAGE = ("Starytsia", "PPL", 1, 50.20, 36.78)


def test_a_strike_placed_at_the_next_village_with_the_same_toll_is_one_event() -> None:
    village = report(
        "village", "Three people died when a guided bomb destroyed a bakery near Starytsia on Tuesday.", NEXT_VILLAGE
    )
    counted = report("counted", village.quote, NEXT_VILLAGE, killed=3)
    other_toll = report("other", village.quote, NEXT_VILLAGE, killed=7)
    assert groups(BAKERY, counted) == [{"counted", "town"}]
    assert groups(BAKERY, village) == [{"town"}, {"village"}]  # no toll: nothing ties the two places
    assert groups(BAKERY, other_toll) == [{"other"}, {"town"}]


def test_a_province_report_with_a_close_toll_joins_one_with_a_far_toll_does_not() -> None:
    quote = "At least four people were killed when a guided bomb hit a bakery in Kharkiv region on Tuesday."
    assert groups(BAKERY, report("close", quote, PROVINCE, killed=4)) == [{"close", "town"}]  # four and three
    assert groups(BAKERY, report("far", quote, PROVINCE, killed=9)) == [{"far"}, {"town"}]  # nine and three


#: A town about 32 km from Vovchansk, beyond ``nearby_km`` by default, and one 60 km away.
TOWN_32_KM = ("Staryi Saltiv", "PPL", 1, 50.00, 36.90)
TOWN_60_KM = ("Chuhuiv", "PPL", 1, 49.75, 36.80)
WIDER_REACH = MergeRules(nearby_km=35.0)


def grouped_by(rules: MergeRules, *reports: Event) -> list[set[str]]:
    return sorted(({r.event_id for r in m.reports} for m in merge(reports, rules)), key=sorted)


def test_a_strike_placed_at_a_town_32_km_away_with_the_same_toll_joins_only_within_the_reach_set() -> None:
    quote = "Three people died when a guided bomb destroyed a bakery on Tuesday, rescuers said."
    near, far = report("near", quote, TOWN_32_KM, killed=3), report("far", quote, TOWN_60_KM, killed=3)
    assert groups(BAKERY, near) == [{"near"}, {"town"}]  # 25 km by default
    assert grouped_by(WIDER_REACH, BAKERY, near) == [{"near", "town"}]
    assert grouped_by(WIDER_REACH, BAKERY, far) == [{"far"}, {"town"}]


def test_a_strike_report_placed_at_a_statements_town_joins_the_strike_it_tells_not_the_statement() -> None:
    # A background event at the next town (an agency's word on the region's health care),
    # then a strike report placed there that tells the bakery strike 32 km away, with its toll.
    statement = report(
        "statement",
        "The UN said it was alarmed by attacks on clinics around Staryi Saltiv and the rest of the region.",
        TOWN_32_KM,
        sub_event_type="armed_clash",
    )
    strike = report(
        "strike", "Three people were killed when a guided bomb hit a bakery, rescuers said.", TOWN_32_KM, killed=3
    )
    assert grouped_by(WIDER_REACH, BAKERY, statement, strike) == [{"statement"}, {"strike", "town"}]


def test_a_report_placed_at_the_country_joins_the_town_whose_strike_it_tells_most_alike() -> None:
    # Two strikes that day with the same toll: a bakery in one town, a market in another. The
    # country's report tells the market's, in more of its words than the bakery's.
    market = report(
        "market", "A missile hit a crowded market in Kupiansk on Tuesday, killing three shoppers.", OTHER_TOWN, killed=3
    )
    country = report(
        "country",
        "Three shoppers were killed when a missile hit a crowded market on Tuesday, Ukraine said.",
        COUNTRY,
        killed=3,
    )
    assert groups(BAKERY, market, country) == [{"country", "market"}, {"town"}]
    # When only one happening may be taken, two that fit leave the report alone.
    alone = sorted(({r.event_id for r in m.reports} for m in merge((BAKERY, market, country), ONLY_ONE)), key=sorted)
    assert alone == [{"country"}, {"market"}, {"town"}]


ONLY_ONE = MergeRules(wider_lead=None)


def test_a_provinces_report_of_a_strikes_victims_joins_the_strike_at_its_town() -> None:
    # One outlet tells the strike at the town; another names only the province and tells its
    # dead and wounded, which the event model types a humanitarian happening.
    victims = replace(
        report(
            "victims",
            "Three people were killed and eight wounded when a guided bomb hit a bakery in Kharkiv region on Tuesday.",
            PROVINCE,
            killed=3,
        ),
        event_type="humanitarian",
        sub_event_type="casualties",
    )
    assert groups(BAKERY, victims) == [{"town", "victims"}]
    assert grouped_by(MergeRules(wider_across=False), BAKERY, victims) == [{"town"}, {"victims"}]
    # An aid delivery in the province that day is a happening of its own.
    aid = replace(victims, event_id="aid", article_id="article-aid", sub_event_type="aid")
    assert groups(BAKERY, aid) == [{"aid"}, {"town"}]


def test_a_towns_report_that_states_its_day_joins_the_provinces_report_that_came_first() -> None:
    # Neither gives a toll: the province's report came first, and the town's, which states the
    # day the province's is dated to, tells the same strike.
    province = report("province", "A guided bomb struck a bakery in Kharkiv region, the governor said.", PROVINCE)
    stated = report("stated", "A guided bomb hit a bakery in Vovchansk on Tuesday morning, wounding its owner.")
    unstated = report("unstated", "A guided bomb hit a bakery in Vovchansk, wounding its owner, the mayor said.")
    assert groups(province, stated) == [{"province", "stated"}]
    assert groups(province, unstated) == [{"province"}, {"unstated"}]  # the day is the article's, not the text's
    earlier = report("earlier", province.quote, PROVINCE, day=date(2024, 5, 13))
    assert groups(earlier, replace(stated, published=WEDNESDAY)) == [{"earlier"}, {"stated"}]


#: The seat of the town's province, which the geoparser gives for "in Kharkiv region", and the
#: seat of another province.
SEAT = ("Kharkiv", "PPLA", 1, 49.99, 36.23)
OTHER_SEAT = ("Sumy", "PPLA", 1, 50.91, 34.80)


def test_a_strike_told_at_the_town_and_at_its_provinces_seat_with_one_toll_is_one_event() -> None:
    seat = report("seat", "A guided bomb struck a bakery in Kharkiv region on Tuesday, killing three.", SEAT, killed=3)
    assert groups(BAKERY, seat) == [{"seat", "town"}]
    assert groups(seat, BAKERY) == [{"seat", "town"}]  # in either order
    assert grouped_by(MergeRules(seat_as_region=False), BAKERY, seat) == [{"seat"}, {"town"}]


def test_the_seats_own_strike_with_another_toll_or_none_stays_apart() -> None:
    # A city is a place of its own: without one toll its report tells its own strike that day.
    quote = "A guided bomb struck a bakery in Kharkiv on Tuesday, killing {}."
    other_toll = report("seven", quote.format("seven"), SEAT, killed=7)
    no_toll = report("none", "A guided bomb struck a bakery in Kharkiv on Tuesday, the mayor said.", SEAT)
    assert groups(BAKERY, other_toll) == [{"seven"}, {"town"}]
    assert groups(no_toll, BAKERY) == [{"none"}, {"town"}]


def test_the_seat_of_another_province_stays_apart() -> None:
    elsewhere = replace(
        report("sumy", "A guided bomb struck a bakery in Sumy region on Tuesday, killing three.", OTHER_SEAT, killed=3),
        admin1="Sumy",
    )
    assert groups(BAKERY, elsewhere) == [{"sumy"}, {"town"}]


def test_the_store_files_a_seats_report_under_the_towns_happening_in_either_order(tmp_path: Path) -> None:
    seat = report("seat", "A guided bomb struck a bakery in Kharkiv region on Tuesday, killing three.", SEAT, killed=3)
    for name, order in (("town-first", (BAKERY, seat)), ("seat-first", (seat, BAKERY))):
        with EventStore.open(tmp_path / f"{name}.sqlite") as store:
            for event in order:
                article = Article(
                    event.quote, published=event.published, source=event.source, article_id=event.article_id
                )
                store.add_articles([(article, [event])])
            (coded,) = store.coded_events()
        assert (coded.sources, coded.fatalities) == (2, 3)


def test_two_fights_placed_only_at_the_province_on_one_day_with_other_tolls_stay_apart() -> None:
    # Two outlets that could place the fighting only at the province: a siege in one town that
    # left twelve dead, and an ambush on a convoy that killed seven.
    siege = report(
        "siege",
        "Soldiers were still fighting militants in the region's streets on Tuesday; twelve bodies lay near the market.",
        PROVINCE,
        killed=12,
        sub_event_type="armed_clash",
    )
    ambush = report(
        "ambush",
        "Militants fired on a convoy of cars fleeing a hotel in the region on Tuesday, killing seven people.",
        PROVINCE,
        killed=7,
        sub_event_type="armed_clash",
    )
    assert groups(siege, ambush) == [{"ambush"}, {"siege"}]
    # A toll that agrees ("at least eleven") tells the same fight; so does a report with no toll.
    risen = replace(siege, event_id="risen", article_id="article-risen", source="Outlet risen", fatalities=11)
    assert groups(siege, risen) == [{"risen", "siege"}]
    untold = replace(siege, event_id="untold", article_id="article-untold", source="Outlet untold", fatalities=0)
    assert groups(siege, untold) == [{"siege", "untold"}]
    # Without the rule the place alone joins them.
    merged = merge((siege, ambush), MergeRules(wide_tolls=False))
    assert [{r.event_id for r in m.reports} for m in merged] == [{"ambush", "siege"}]


def test_a_province_report_worded_from_afar_joins_the_town_when_day_kind_and_toll_agree() -> None:
    # The province's report tells who was blamed, the town's what people saw: few words shared
    # but the bomb, the day and the toll.
    afar = report(
        "afar",
        "Officials in the regional capital blamed a northern brigade for the Tuesday bomb, in which three "
        "residents died.",
        PROVINCE,
        killed=3,
    )
    assert groups(BAKERY, afar) == [{"afar", "town"}]
    # Another toll, another day or another kind: the province's own happening.
    assert groups(BAKERY, replace(afar, fatalities=5)) == [{"afar"}, {"town"}]
    assert groups(BAKERY, replace(afar, event_date=WEDNESDAY)) == [{"afar"}, {"town"}]
    assert groups(BAKERY, replace(afar, sub_event_type="shelling")) == [{"afar"}, {"town"}]
    # Without the lower bar for one toll, the few shared words keep the two apart; and a
    # country's report so worded stays apart too (a country has many happenings a day).
    assert grouped_by(MergeRules(wider_toll_overlap=None), BAKERY, afar) == [{"afar"}, {"town"}]
    assert groups(BAKERY, report("afar", afar.quote, COUNTRY, killed=3)) == [{"afar"}, {"town"}]
