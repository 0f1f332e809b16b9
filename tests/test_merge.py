"""Many reports, one happening: which events merge, and which stay apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from geo.records import Article, Event
from geo.store.merge import (
    MergedEvent,
    MergeRules,
    Report,
    assign,
    block_key,
    candidate_blocks,
    coded_fields,
    dates_agree,
    default_rules,
    merge,
    named_days,
    shipped_match,
)
from geo.store.store import EventStore

TOWN = (47.10, 37.55)


def _event(
    event_id: str,
    quote: str,
    *,
    day: date,
    published: date,
    source: str | None = None,
    event_type: str = "frontline",
    sub_event_type: str = "air_strike",
    at: tuple[float, float] = TOWN,
    title: str = "",
    place: str = "Sample Town",
    geonameid: int = 1,
) -> Event:
    """One report of a happening; ``source`` defaults to an outlet of its own ("Outlet <id>")."""
    return Event(
        event_id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=day,
        date_precision=1,
        place=place,
        mention=place,
        lat=at[0],
        lon=at[1],
        geonameid=geonameid,
        country_code="UA",
        admin1="",
        feature_code="PPL",
        geo_precision=1,
        quote=quote,
        article_id=f"article-{event_id}",
        title=title,
        published=published,
        source=source if source is not None else f"Outlet {event_id}",
        url="",
        confidence=0.9,
    )


def test_one_strike_told_by_two_outlets_is_one_event() -> None:
    first = _event(
        "a",
        "A missile struck a grain warehouse in Sample Town on Tuesday, killing two workers.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 7),
        source="Outlet One",
    )
    second = _event(
        "b",
        "Two workers died when a Russian missile hit a grain warehouse in Sample Town, officials said.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 8),
        source="Outlet Two",
        sub_event_type="shelling",
    )
    merged = merge([first, second])
    assert len(merged) == 1
    assert merged[0].sources == ("Outlet One", "Outlet Two")


def test_strikes_on_one_town_on_different_days_stay_apart() -> None:
    monday = _event(
        "a",
        "Shelling hit the hospital district of Sample Town on Monday, wounding three nurses.",
        day=date(2024, 5, 6),
        published=date(2024, 5, 7),
        source="Outlet One",
    )
    tuesday = _event(
        "b",
        "A glide bomb destroyed a school in Sample Town on Tuesday night, the mayor said.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 8),
        source="Outlet Two",
    )
    assert len(merge([monday, tuesday])) == 2
    two_days_later = replace(tuesday, event_date=date(2024, 5, 8), published=date(2024, 5, 8))
    assert len(merge([monday, two_days_later])) == 2


def test_a_clash_and_an_aid_delivery_in_one_town_on_one_day_stay_apart() -> None:
    clash = _event(
        "a",
        "Troops fought off an assault on the northern edge of Sample Town on Friday.",
        day=date(2024, 5, 10),
        published=date(2024, 5, 10),
        source="Outlet One",
        sub_event_type="armed_clash",
    )
    aid = _event(
        "b",
        "A UN convoy delivered food and medicine to Sample Town on Friday.",
        day=date(2024, 5, 10),
        published=date(2024, 5, 10),
        source="Outlet Two",
        event_type="humanitarian",
        sub_event_type="aid",
    )
    assert len(merge([clash, aid])) == 2


def test_places_far_apart_stay_apart() -> None:
    here = _event("a", "A drone hit a fuel depot.", day=date(2024, 5, 7), published=date(2024, 5, 7), source="One")
    there = replace(here, event_id="b", lat=TOWN[0] + 0.5, article_id="article-b", source="Two")
    assert len(merge([here, there])) == 2


def test_a_date_that_is_only_the_publication_day_may_be_a_day_late() -> None:
    told_next_day = _event(
        "a",
        "A missile struck a grain warehouse in Sample Town, killing two workers.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 8),
        source="Outlet One",
    )
    unresolved = _event(
        "b",
        "Officials confirmed two deaths at the depot hit by a missile in Sample Town.",
        day=date(2024, 5, 8),
        published=date(2024, 5, 8),
        source="Outlet Two",
    )
    assert len(merge([told_next_day, unresolved])) == 1
    assert len(merge([told_next_day, unresolved], MergeRules(publication_slack=False, unstated_days=-1))) == 2


def test_assign_is_deterministic_and_order_free() -> None:
    quote = "A missile struck a grain warehouse in Sample Town, killing two workers."
    base = _event("x", quote, day=date(2024, 5, 7), published=date(2024, 5, 7), source="One")
    a = MergedEvent.first(Report.from_event(replace(base, event_id="a1")))
    b = MergedEvent.first(Report.from_event(replace(base, event_id="b2")))
    new = replace(base, event_id="new", source="Two")
    assert assign(new, [a, b]) == assign(new, [b, a]) == "a1"
    assert assign(new, []) is None


def test_vaguer_dates_agree_within_their_precision() -> None:
    assert dates_agree(date(2024, 5, 7), 1, date(2024, 5, 7), 1)
    assert not dates_agree(date(2024, 5, 7), 1, date(2024, 5, 9), 1, day_slack=1)
    assert dates_agree(date(2024, 5, 7), 1, date(2024, 5, 12), 2)
    assert dates_agree(date(2024, 5, 1), 3, date(2024, 5, 20), 1)
    assert not dates_agree(date(2024, 5, 1), 3, date(2024, 7, 20), 1)


def test_blocking_key_finds_every_candidate_within_reach() -> None:
    report = Report.from_event(
        _event("a", "A drone hit a depot.", day=date(2024, 5, 7), published=date(2024, 5, 7), source="One")
    )
    cells, days = candidate_blocks(report, MergeRules())
    # A place within max_km in any direction falls in one of the nine cells searched.
    for dlat, dlon in ((0.09, 0.0), (-0.09, 0.0), (0.0, 0.12), (0.0, -0.12)):
        key = block_key(report.lat + dlat, report.lon + dlon, report.event_date)
        assert (key.cell_lat, key.cell_lon) in cells
    assert days == (date(2024, 5, 6).toordinal(), date(2024, 5, 8).toordinal())
    # Two days either way for a report that gives a toll: one that shares it may be dated so.
    tolled = replace(report, fatalities=5)
    assert candidate_blocks(tolled, MergeRules())[1] == (date(2024, 5, 5).toordinal(), date(2024, 5, 9).toordinal())
    assert candidate_blocks(tolled, MergeRules(shared_toll=None))[1] == days
    # The learned match reaches further, and its candidates come from further too.
    learned = MergeRules(learned=shipped_match())
    assert candidate_blocks(report) == candidate_blocks(report, default_rules())
    reach = learned.reach_days
    assert candidate_blocks(report, learned)[1] == (
        date(2024, 5, 7).toordinal() - reach,
        date(2024, 5, 7).toordinal() + reach,
    )


def test_near_the_poles_more_cells_are_searched_so_nothing_within_reach_is_missed() -> None:
    north = Report.from_event(
        replace(
            _event("a", "A drone hit a depot.", day=date(2024, 5, 7), published=date(2024, 5, 7), source="One"),
            lat=69.6,
            lon=30.1,
        )
    )
    cells, _ = candidate_blocks(north)
    east = block_key(69.6, 30.1 + 0.26, north.event_date)  # about 10 km east at this latitude
    assert (east.cell_lat, east.cell_lon) in cells


def _told(
    event_id: str,
    quote: str,
    *,
    day: date,
    published: date,
    source: str,
    at: tuple[float, float] = TOWN,
    **changes: Any,
) -> Event:
    """A report of the Sample Town strikes, coded as the parser codes them."""
    coded = {"actor1": "Military Forces of Russia", "actor2": "Civilians (Ukraine)", **changes}
    return replace(_event(event_id, quote, day=day, published=published, source=source, at=at), **coded)


def _rules(learned: bool) -> MergeRules:
    return MergeRules(learned=shipped_match()) if learned else MergeRules()


@pytest.mark.parametrize("learned", [False, True], ids=["thresholds", "learned match"])
def test_a_strike_told_by_three_outlets_in_their_own_words_is_one_event(learned: bool) -> None:
    wednesday, thursday = date(2024, 5, 8), date(2024, 5, 9)
    wire = _told(
        "w",
        "Russian missiles hit a power substation in Sample Town late on Wednesday, killing four people.",
        day=wednesday,
        published=thursday,
        source="Wire One",
        fatalities=4,
    )
    # Published the next morning without a day the parser could read: dated by publication.
    local = _told(
        "l",
        "Four dead after shelling knocked out the electricity plant serving Sample Town, the governor said.",
        day=thursday,
        published=thursday,
        source="Town Herald",
        sub_event_type="shelling",
        fatalities=4,
    )
    # Placed at a village on the edge of the town, a few kilometres from its centre.
    regional = _told(
        "r",
        "Emergency crews worked through the night at the bombed substation outside Sample Town.",
        day=wednesday,
        published=thursday,
        source="Oblast Radio",
        at=(TOWN[0] + 0.03, TOWN[1] + 0.02),
    )
    merged = merge([wire, local, regional], _rules(learned))
    assert len(merged) == 1
    assert merged[0].sources == ("Wire One", "Town Herald", "Oblast Radio")
    assert merged[0].event_date == wednesday


@pytest.mark.parametrize("learned", [False, True], ids=["thresholds", "learned match"])
def test_the_same_side_striking_the_same_town_the_next_day_is_another_event(learned: bool) -> None:
    first = _told(
        "a",
        "A drone struck a bakery in Sample Town on Sunday morning, killing two.",
        day=date(2024, 6, 2),
        published=date(2024, 6, 3),
        source="Wire One",
        fatalities=2,
    )
    second = _told(
        "b",
        "Drones struck a fuel station in Sample Town on Monday, killing two, officials said.",
        day=date(2024, 6, 3),
        published=date(2024, 6, 4),
        source="Town Herald",
        fatalities=2,
    )
    assert len(merge([first, second], _rules(learned))) == 2


@pytest.mark.parametrize("learned", [False, True], ids=["thresholds", "learned match"])
def test_a_new_report_never_moves_the_reports_already_filed(learned: bool) -> None:
    day = date(2024, 5, 8)
    reports = [
        _told(
            f"r{n}", f"Missiles hit the rail depot of Sample Town, report {n}.", day=day, published=day, source=f"S{n}"
        )
        for n in range(3)
    ] + [
        _told(
            "x",
            "A convoy of aid reached Sample Town.",
            day=day,
            published=day,
            source="S9",
            event_type="humanitarian",
            sub_event_type="aid",
        )
    ]
    before = {m.event_id: [r.event_id for r in m.reports] for m in merge(reports[:3], _rules(learned))}
    after = {m.event_id: [r.event_id for r in m.reports] for m in merge(reports, _rules(learned))}
    for event_id, members in before.items():
        assert after[event_id][: len(members)] == members


def test_the_shipped_match_was_fitted_on_the_gold_set_as_it_stands() -> None:
    import hashlib
    from pathlib import Path

    from geo.eval.coded import read_jsonl, to_jsonl
    from geo.store.merge import shipped_match

    gold = read_jsonl(Path(__file__).resolve().parents[1] / "data" / "eval" / "coded.jsonl").split("dev")
    # When the gold set changes, scripts/learn_merge.py --out refits the shipped weights.
    assert shipped_match().trained_on == hashlib.sha256(to_jsonl(gold).encode("utf-8")).hexdigest()


def test_a_learned_match_without_all_its_weights_is_refused_in_one_sentence() -> None:
    from geo.errors import InputError
    from geo.store.merge import LearnedMatch

    with pytest.raises(InputError, match="needs a weight for each"):
        LearnedMatch.from_dict({"weights": {"word_overlap": 1.0}, "bias": 0.0})


def test_a_quote_names_the_days_it_states_but_not_one_counted_on_from_another() -> None:
    friday = date(2024, 3, 8)
    assert named_days("Mourners gathered on Friday for the two men killed on Wednesday night.", friday) == {
        date(2024, 3, 6),
        friday,
    }
    counted_back = "Four soldiers were buried on Friday, killed when a mine hit their truck two days earlier."
    assert named_days(counted_back, friday) == {date(2024, 3, 6), friday}
    assert date(2024, 3, 6) not in named_days("Drones hit the port again, two days after a raid on it.", friday)
    assert named_days("Drones hit the port again.", None) == frozenset()
    monday = date(2024, 3, 11)
    weekend = named_days("Families marched on Monday for the pupils killed at the weekend.", monday)
    assert weekend == {date(2024, 3, 9), date(2024, 3, 10), monday}


def _market_strike_on(tuesday: date) -> Event:
    """The first outlet's report of a rocket strike on a market that day."""
    return _event(
        "a",
        "Rockets slammed into the covered market of Sample Town on Tuesday, killing three traders.",
        day=tuesday,
        published=tuesday,
        source="Harbour Gazette",
        sub_event_type="shelling",
    )


def test_a_funeral_told_two_days_later_joins_the_strike_it_names_the_day_of() -> None:
    tuesday, wednesday, thursday = date(2024, 4, 16), date(2024, 4, 17), date(2024, 4, 18)
    strike = _market_strike_on(tuesday)
    told_next_day = _event(
        "b",
        "Three stallholders died when a rocket barrage hit Sample Town's market, the mayor said.",
        day=tuesday,
        published=wednesday,
        source="Plains Wire",
        sub_event_type="shelling",
    )
    funeral = _event(
        "c",
        "Hundreds buried on Thursday the three traders killed when rockets hit the market of Sample Town on Tuesday.",
        day=thursday,
        published=thursday,
        source="Valley Radio",
        event_type="other",
        sub_event_type="civic",
    )
    (one,) = merge([strike, told_next_day, funeral])
    assert {r.source for r in one.reports} == {"Harbour Gazette", "Plains Wire", "Valley Radio"}
    assert one.event_date == tuesday


def test_a_new_strike_told_as_coming_days_after_an_earlier_one_stays_apart() -> None:
    tuesday, thursday = date(2024, 4, 16), date(2024, 4, 18)
    first = _market_strike_on(tuesday)
    again = _event(
        "b",
        "Rockets hit the market of Sample Town again on Thursday, two days after an attack on it killed three.",
        day=thursday,
        published=thursday,
        source="Plains Wire",
        sub_event_type="shelling",
    )
    assert len(merge([first, again])) == 2


def test_an_aid_delivery_the_day_a_funeral_names_stays_apart_from_the_strike() -> None:
    tuesday, thursday = date(2024, 4, 16), date(2024, 4, 18)
    strike = _market_strike_on(tuesday)
    aid = _event(
        "b",
        "A relief agency handed out flour and blankets in Sample Town on Thursday, a week after floods on Tuesday.",
        day=thursday,
        published=thursday,
        source="Relief Bulletin",
        event_type="humanitarian",
        sub_event_type="aid",
    )
    assert len(merge([strike, aid])) == 2


def test_a_report_whose_quote_states_no_day_may_be_dated_a_day_off_by_its_article() -> None:
    monday, tuesday, thursday = date(2024, 4, 15), date(2024, 4, 16), date(2024, 4, 18)
    clash = _event(
        "a",
        "Troops and militia fighters battled for the grain terminal of Sample Town on Monday.",
        day=monday,
        published=monday,
        source="Harbour Gazette",
        sub_event_type="armed_clash",
    )
    # Its article's earlier sentence said Tuesday; this sentence says no day at all.
    undated = _event(
        "b",
        "Militia commanders admitted losses at the Sample Town grain terminal.",
        day=tuesday,
        published=thursday,
        source="Plains Wire",
        sub_event_type="armed_clash",
    )
    dated = replace(undated, quote="Militia fighters attacked the Sample Town grain terminal again on Tuesday.")
    assert len(merge([clash, undated])) == 1
    assert len(merge([clash, dated])) == 2
    assert len(merge([clash, undated], MergeRules(unstated_days=-1))) == 2


def _ferry_strike_reports(hospital_day: date) -> list[Event]:
    """A drone strike on the ferry pier of Sample Town told by a wire, a local paper, and a
    hospital's account of its dead that the event model types a statement."""
    saturday, sunday = date(2024, 8, 10), date(2024, 8, 11)
    hospital = _told(
        "h",
        "Doctors at the district hospital said five people brought in from the ferry pier of Sample Town had died.",
        day=hospital_day,
        published=sunday,
        source="Coast Radio",
        event_type="diplomacy",
        sub_event_type="statement",
        actor1="Government of Ukraine",
        actor2="",
    )
    wire = _told(
        "w",
        "A drone slammed into the ferry pier of Sample Town on Saturday, killing five passengers.",
        day=saturday,
        published=sunday,
        source="Wire One",
        fatalities=5,
    )
    paper = _told(
        "p",
        "Five dead as a drone hits the crowded pier at Sample Town, the port authority says.",
        day=saturday,
        published=sunday,
        source="Town Herald",
        fatalities=5,
    )
    return [hospital, wire, paper]


def test_a_strike_told_by_three_outlets_one_as_a_hospitals_account_is_one_event_of_the_strikes_type() -> None:
    reports = _ferry_strike_reports(date(2024, 8, 10))
    (one,) = merge(reports)
    assert one.sources == ("Coast Radio", "Wire One", "Town Herald")
    # The hospital's statement came first; the strike its account tells gives the event its type.
    assert (one.event_type, one.sub_event_type) == ("frontline", "air_strike")
    fields = coded_fields(reports)
    assert {fields.actor1, fields.actor2} == {"Military Forces of Russia", "Civilians (Ukraine)"}
    assert fields.fatalities == 5


def test_a_hospitals_account_of_the_same_town_the_next_day_stays_apart_from_the_strike() -> None:
    hospital, wire, paper = _ferry_strike_reports(date(2024, 8, 12))
    hospital = replace(hospital, published=date(2024, 8, 12))
    assert [len(m.reports) for m in merge([wire, paper, hospital])] == [2, 1]


def test_an_officials_word_on_aid_and_a_clash_in_one_town_on_one_day_stay_apart() -> None:
    friday = date(2024, 5, 10)
    clash = _event(
        "a",
        "Troops fought off an assault on the northern edge of Sample Town on Friday, killing two attackers.",
        day=friday,
        published=friday,
        source="Outlet One",
        sub_event_type="armed_clash",
    )
    aid = _event(
        "b",
        "A UN convoy delivered food and medicine for the wounded of Sample Town on Friday.",
        day=friday,
        published=friday,
        source="Outlet Two",
        event_type="humanitarian",
        sub_event_type="aid",
    )
    aid_word = _event(
        "c",
        "The governor said on Friday that the convoy had reached Sample Town and its hospital had fuel again.",
        day=friday,
        published=friday,
        source="Outlet Three",
        event_type="diplomacy",
        sub_event_type="statement",
    )
    assert len(merge([clash, aid])) == 2
    # A statement tells of fighting only: never of the aid delivery, and not of a clash it shares no words with.
    assert len(merge([aid, aid_word])) == 2
    assert len(merge([clash, aid_word])) == 2


def test_an_account_without_casualties_needs_more_shared_words_to_tell_a_strike() -> None:
    saturday = date(2024, 8, 10)
    _, wire, _ = _ferry_strike_reports(saturday)
    speech = _event(
        "s",
        "The mayor of Sample Town said on Saturday the ferry service would resume next month after repairs.",
        day=saturday,
        published=saturday,
        source="Coast Radio",
        event_type="diplomacy",
        sub_event_type="statement",
    )
    assert len(merge([wire, speech])) == 2
    assert len(merge([wire, speech], MergeRules(other_overlap=0.1))) == 1


def test_the_gunmen_one_outlet_leaves_unidentified_are_the_group_another_names() -> None:
    saturday = date(2024, 9, 14)
    gunmen = _told(
        "g",
        "Gunmen on motorbikes opened fire on a village market in Sample Town on Saturday, killing six.",
        day=saturday,
        published=saturday,
        source="Wire One",
        actor1="Unidentified Armed Group (Ukraine)",
        inter1=3,
        actor2="Civilians (Ukraine)",
        inter2=7,
        interaction=37,
        fatalities=6,
    )
    named = replace(
        gunmen,
        event_id="n",
        article_id="article-n",
        source="Town Herald",
        actor1="Western Brigade",
        inter1=2,
        interaction=27,
        fatalities=7,
    )
    fields = coded_fields([gunmen, named])
    assert (fields.actor1, fields.inter1, fields.actor2, fields.interaction) == (
        "Western Brigade",
        2,
        "Civilians (Ukraine)",
        27,
    )
    assert fields.fatalities == 6
    # Two groups named by two outlets: the gunmen two others left unidentified stay so rather than guessed.
    rival = replace(named, event_id="r", article_id="article-r", source="Oblast Radio", actor1="Hill Militia", inter1=3)
    again = replace(gunmen, event_id="a", article_id="article-a", source="Valley Radio")
    assert coded_fields([gunmen, again, named, rival]).actor1 == "Unidentified Armed Group (Ukraine)"
    # A group more outlets name than the other is the attackers (the other, an ally one outlet named once).
    named_again = replace(named, event_id="n2", article_id="article-n2", source="River Radio")
    assert coded_fields([gunmen, again, named, named_again, rival]).actor1 == "Western Brigade"


def test_the_group_a_provinces_report_names_identifies_the_towns_gunmen() -> None:
    saturday = date(2024, 9, 14)
    gunmen = _told(
        "g",
        "Gunmen on motorbikes opened fire on a village market in Sample Town on Saturday, killing six.",
        day=saturday,
        published=saturday,
        source="Wire One",
        actor1="Unidentified Armed Group (Ukraine)",
        inter1=3,
        actor2="Civilians (Ukraine)",
        inter2=7,
        fatalities=6,
    )
    again = replace(gunmen, event_id="a", article_id="article-a", source="Valley Radio")
    # Told from the regional capital, placed only at the province: it names who was blamed.
    province = replace(
        gunmen,
        event_id="p",
        article_id="article-p",
        source="Capital Daily",
        actor1="Western Brigade",
        inter1=2,
        place="Sample Oblast",
        feature_code="ADM1",
        geo_precision=3,
    )
    fields = coded_fields([gunmen, again, province])
    assert (fields.actor1, fields.actor2) == ("Western Brigade", "Civilians (Ukraine)")


def test_a_toll_told_risen_days_later_joins_the_strike_but_not_an_earlier_one() -> None:
    tuesday, thursday, friday = date(2024, 4, 16), date(2024, 4, 18), date(2024, 4, 19)
    strike = _market_strike_on(tuesday)
    # Told on Thursday, the strike's day left unresolved: dated by its publication.
    risen = _event(
        "b",
        "The number of traders killed when rockets hit the covered market of Sample Town has risen to seven.",
        day=thursday,
        published=thursday,
        source="Plains Wire",
        sub_event_type="shelling",
    )
    (one,) = merge([strike, risen])
    assert one.event_date == tuesday
    # Told on Friday, the toll of Thursday's own strike, which its text dates, is not Tuesday's.
    thursdays = replace(
        risen,
        quote="The number of traders killed in Thursday's rocket strike on the covered market of Sample Town "
        "has risen to seven.",
        published=friday,
    )
    assert len(merge([strike, thursdays])) == 2
    # Without a toll told risen, two days apart are two happenings.
    again = replace(risen, quote="Rockets hit the covered market of Sample Town, killing seven traders.")
    assert len(merge([strike, again])) == 2


def _evacuation_reports(day_of_the_account: date) -> tuple[Event, Event, Event]:
    """Buses leaving the besieged quarter of Sample Town: one outlet's event model types it a
    clash, another's the displacement it is; and a relief agency's delivery there that day."""
    thursday = date(2024, 3, 14)
    convoy = _event(
        "c",
        "Buses carrying wounded fighters and their families left the besieged old quarter of Sample Town on "
        "Thursday under a truce, ending months of street battles.",
        day=thursday,
        published=thursday,
        source="Front Wire",
        sub_event_type="armed_clash",
    )
    displaced = _event(
        "d",
        "About 2,000 people were evacuated by bus from the besieged old quarter of Sample Town on Thursday, "
        "the Red Crescent said.",
        day=day_of_the_account,
        published=day_of_the_account,
        source="Relief Daily",
        event_type="humanitarian",
        sub_event_type="displacement",
    )
    aid = replace(
        displaced,
        event_id="a",
        article_id="article-a",
        source="Aid Monitor",
        sub_event_type="aid",
        quote="Trucks brought flour and blankets to families from the besieged old quarter of Sample Town on Thursday.",
    )
    return convoy, displaced, aid


def test_an_evacuation_one_outlet_types_a_clash_and_another_displacement_is_one_event() -> None:
    convoy, displaced, _ = _evacuation_reports(date(2024, 3, 14))
    (one,) = merge([convoy, displaced])
    assert one.sources == ("Front Wire", "Relief Daily")
    assert len(merge([convoy, displaced], MergeRules(victims_overlap=None, retyped_overlap=None))) == 2


def test_the_store_files_the_displacement_report_under_the_fight_it_tells(tmp_path: Path) -> None:
    convoy, displaced, aid = _evacuation_reports(date(2024, 3, 14))
    with EventStore.open(tmp_path / "events.sqlite") as store:
        for event in (convoy, displaced, aid):
            article = Article(event.quote, published=event.published, source=event.source, article_id=event.article_id)
            store.add_articles([(article, [event])])
        coded = sorted(store.coded_events(), key=lambda c: -c.sources)
    assert [c.sources for c in coded] == [2, 1]
    assert coded[0].event_type == "frontline"  # the first report's type; the aid delivery stands alone
    assert coded[1].sub_event_type == "aid"


def test_an_aid_delivery_worded_like_the_fight_it_follows_stays_apart_from_it() -> None:
    convoy, _, aid = _evacuation_reports(date(2024, 3, 14))
    assert len(merge([convoy, aid])) == 2


def test_the_displaced_of_a_fight_told_the_next_day_are_another_happening() -> None:
    convoy, displaced, _ = _evacuation_reports(date(2024, 3, 15))
    assert len(merge([convoy, displaced])) == 2


def test_two_reports_sharing_only_the_towns_name_are_one_happening_only_when_they_give_one_toll() -> None:
    monday = date(2024, 6, 3)
    strike = _told(
        "s",
        "A guided bomb wrecked the railway depot of Sample Town on Monday.",
        day=monday,
        published=monday,
        source="Wire One",
    )
    # Same day, same type, another sub-type: an agency's word on the province that names the town.
    statement = _told(
        "u",
        "Relief agencies said hospitals around Sample Town were overwhelmed after months of fighting.",
        day=monday,
        published=monday,
        source="Agency Desk",
        sub_event_type="armed_clash",
    )
    assert len(merge([strike, statement])) == 2
    # Two outlets in their own words, giving the same toll: one happening.
    counted = replace(strike, fatalities=3)
    same_toll = replace(statement, fatalities=3)
    assert len(merge([counted, same_toll])) == 1


def test_a_happening_one_outlet_calls_fighting_and_another_an_air_strike_is_the_air_strike() -> None:
    sunday = date(2024, 9, 1)
    fighting = _told(
        "f",
        "Heavy fighting was reported around the fuel depot of Sample Town on Sunday, with three people killed.",
        day=sunday,
        published=sunday,
        source="Wire One",
        sub_event_type="armed_clash",
        fatalities=3,
    )
    strike = _told(
        "s",
        "Warplanes bombed the fuel depot of Sample Town on Sunday, killing three people.",
        day=sunday,
        published=sunday,
        source="Town Herald",
        fatalities=3,
    )
    shelling = replace(strike, event_id="x", article_id="article-x", source="Oblast Radio", sub_event_type="shelling")
    (one,) = merge([fighting, strike, shelling])
    # The first sharp sub-type stays: a later outlet's other reading does not move it again.
    assert (one.event_type, one.sub_event_type) == ("frontline", "air_strike")
    (same,) = merge([strike, fighting])
    assert same.sub_event_type == "air_strike"


def _seat_and_village_reports(village_km: float) -> tuple[Event, Event]:
    """One shelling told by two outlets: one places it at the region's seat, the other at a
    village ``village_km`` west of it."""
    seat = replace(
        _event(
            "seat",
            "Artillery fire hit the riverside district near Sample City on Friday, killing an elderly woman.",
            day=date(2024, 6, 7),
            published=date(2024, 6, 7),
            source="Outlet One",
            sub_event_type="shelling",
        ),
        place="Sample City",
        feature_code="PPLA",
    )
    village = _event(
        "village",
        "An elderly woman was killed on Friday when artillery fire hit the village of Sampleivka, west of the city.",
        day=date(2024, 6, 7),
        published=date(2024, 6, 8),
        source="Outlet Two",
        sub_event_type="shelling",
        at=(TOWN[0], TOWN[1] - village_km / (111.2 * 0.681)),  # cos(47.1 degrees) = 0.681
    )
    return seat, village


def test_a_shelling_placed_at_the_regions_seat_and_at_a_village_near_it_is_one_event() -> None:
    seat, village = _seat_and_village_reports(15.0)
    (one,) = merge([seat, village])
    assert one.sources == ("Outlet One", "Outlet Two")
    assert len(merge([seat, village], MergeRules(seat_km=10.0))) == 2


def test_the_seats_reach_holds_only_between_a_seat_and_a_place_that_is_not_one() -> None:
    seat, village = _seat_and_village_reports(15.0)
    assert len(merge([replace(seat, feature_code="PPL"), village])) == 2  # two towns 15 km apart
    assert len(merge([seat, replace(village, feature_code="PPLA")])) == 2  # two seats: two cities
    _, far_village = _seat_and_village_reports(30.0)
    assert len(merge([seat, far_village])) == 2


def test_a_shelling_of_the_seat_and_one_of_a_village_near_it_the_next_day_stay_apart() -> None:
    seat, village = _seat_and_village_reports(15.0)
    next_day = replace(village, event_date=date(2024, 6, 8), published=date(2024, 6, 9))
    next_day = replace(next_day, quote=next_day.quote.replace("on Friday", "on Saturday"))
    assert len(merge([seat, next_day])) == 2


def test_two_outlets_telling_one_strike_in_words_that_share_little_but_the_weapon_are_one_event() -> None:
    fire = _event(
        "a",
        "Firefighters battled the blaze for hours after a drone attack on a fuel depot outside Sample Town"
        " on Tuesday, the regional governor wrote.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 7),
        source="Outlet One",
        sub_event_type="remote_explosive",
    )
    smoke = _event(
        "b",
        "A Shahed drone hit storage tanks in Sample Town on Tuesday, sending thick black smoke over nearby"
        " villages and forcing residents to evacuate their homes.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 8),
        source="Outlet Two",
        sub_event_type="remote_explosive",
    )
    assert len(merge([fire, smoke])) == 1
    assert len(merge([fire, smoke], MergeRules(min_overlap=0.1))) == 2
    no_weapon = replace(smoke, quote=smoke.quote.replace("Shahed drone", "Shahed"))
    assert len(merge([fire, no_weapon])) == 2  # nothing shared but the town's name


def _evacuation_told_as_a_deal_and_as_displacement(day_of_the_deal: date) -> tuple[Event, Event]:
    """One evacuation: one outlet's event model types the deal that let it happen, the other the
    people it moved."""
    friday = date(2024, 8, 16)
    deal = _event(
        "deal",
        "Under a deal struck with the army, some 1,500 fighters and their families left the encircled"
        " eastern quarter of Sample Town by bus.",
        day=day_of_the_deal,
        published=day_of_the_deal,
        source="Wire One",
        event_type="diplomacy",
        sub_event_type="agreement",
    )
    buses = _event(
        "buses",
        "About 1,500 people boarded buses out of the encircled eastern quarter of Sample Town on Friday,"
        " a monitoring group said.",
        day=friday,
        published=friday,
        source="Wire Two",
        event_type="humanitarian",
        sub_event_type="displacement",
    )
    return deal, buses


def test_one_happening_the_event_model_typed_two_ways_is_one_event() -> None:
    deal, buses = _evacuation_told_as_a_deal_and_as_displacement(date(2024, 8, 16))
    (one,) = merge([deal, buses])
    assert one.sources == ("Wire One", "Wire Two")
    assert len(merge([deal, buses], MergeRules(retyped_overlap=None))) == 2


def _town_handed_over(handed_to: str) -> tuple[Event, Event]:
    """One town changing hands on one day: one outlet's event model types the capture, the
    other's the deal that handed it over; they share one word but the town's name."""
    tuesday = date(2024, 3, 12)
    taken = _event(
        "taken",
        "Rebel fighters took control of Sample Town on Tuesday after the garrison withdrew overnight, residents said.",
        day=tuesday,
        published=tuesday,
        source="Wire One",
        sub_event_type="territory_change",
    )
    handed = _event(
        "handed",
        f"Under a deal brokered by tribal elders, the army handed Sample Town {handed_to} on Tuesday,"
        " a mediator told reporters.",
        day=tuesday,
        published=tuesday,
        source="Wire Two",
        event_type="diplomacy",
        sub_event_type="agreement",
    )
    return taken, handed


def test_one_happening_typed_two_ways_and_worded_apart_is_one_event() -> None:
    taken, handed = _town_handed_over("to the rebels")
    (one,) = merge([taken, handed])
    assert one.sources == ("Wire One", "Wire Two")
    assert len(merge([taken, handed], MergeRules(retyped_overlap=0.2))) == 2


def test_two_types_sharing_nothing_but_the_towns_name_stay_apart() -> None:
    taken, handed = _town_handed_over("over")
    assert len(merge([taken, handed])) == 2


def test_two_types_told_alike_on_two_days_stay_two_happenings() -> None:
    deal, buses = _evacuation_told_as_a_deal_and_as_displacement(date(2024, 8, 15))
    assert len(merge([deal, buses])) == 2


def test_one_article_telling_a_clash_and_talks_about_it_keeps_two_events(tmp_path: Path) -> None:
    clash = _event(
        "clash",
        "Fighting broke out at the airport of Sample Town on Sunday between the army and a local militia.",
        day=date(2024, 9, 1),
        published=date(2024, 9, 1),
        source="Wire One",
        sub_event_type="armed_clash",
    )
    talks = replace(
        clash,
        event_id="talks",
        event_type="diplomacy",
        sub_event_type="talks",
        quote="Elders were mediating between the army and the militia at the airport of Sample Town.",
    )
    assert len(merge([clash, talks])) == 2
    other_outlet = replace(talks, article_id="article-talks", source="Wire Two")
    assert len(merge([clash, other_outlet])) == 1  # another outlet's report typed otherwise
    with EventStore.open(tmp_path / "events.sqlite") as store:
        article = Article(f"{clash.quote} {talks.quote}", published=clash.published, article_id=clash.article_id)
        store.add_articles([(article, [clash, talks])])
        assert len(store.coded_events()) == 2


def test_a_neighbouring_towns_toll_does_not_pull_down_the_happenings() -> None:
    friday = date(2024, 3, 1)
    wire = _told(
        "w",
        "Shells hit Sample Town on Friday, killing four.",
        day=friday,
        published=friday,
        source="Wire",
        fatalities=4,
    )
    radio = replace(wire, event_id="r", article_id="article-r", source="Radio", fatalities=5)
    # A third outlet's event at a village nearby, merged beside the town's: its one dead are the village's.
    village = replace(
        wire, event_id="v", article_id="article-v", source="Herald", place="Next Village", geonameid=2, fatalities=1
    )
    assert coded_fields([wire, radio, village]).fatalities == 4
    # The lowest of the town's own reports stands, as ACLED takes the most conservative.
    assert coded_fields([wire, radio]).fatalities == 4
    # A region holds the town: its report's lower figure is a lower account of the same toll.
    region = replace(village, place="Sample Region", geonameid=3, geo_precision=3, feature_code="ADM1", fatalities=3)
    assert coded_fields([wire, radio, village, region]).fatalities == 3
    # No figure at the town: the village's is all the reports give.
    assert coded_fields([replace(wire, fatalities=0), replace(radio, fatalities=0), village]).fatalities == 1


def test_two_towns_told_by_as_many_reports_each_keep_the_lowest_of_all() -> None:
    friday = date(2024, 3, 1)
    town = _told(
        "t", "Shells hit Sample Town, killing four.", day=friday, published=friday, source="Wire", fatalities=4
    )
    # One report places it at the town, one at the village beside it: neither is the happening's
    # place more than the other, so the lower figure stands, as ACLED takes the conservative one.
    village = replace(town, event_id="v", article_id="article-v", place="Next Village", geonameid=2, fatalities=3)
    assert coded_fields([town, village]).fatalities == 3


def _placed(event: Event, feature_code: str, lat: float, geo_precision: int = 1) -> MergedEvent:
    return MergedEvent.first(
        Report.from_event(replace(event, feature_code=feature_code, lat=lat, geo_precision=geo_precision))
    )


def test_places_are_near_or_far_for_their_size() -> None:
    from geo.store.merge import place_apart

    base = _event("a", "Shelling hit the town.", day=date(2024, 5, 7), published=date(2024, 5, 7), source="One")
    village = Report.from_event(base)
    twelve_km_north = TOWN[0] + 12 / 111.2
    capital = _placed(base, "PPLA", twelve_km_north)
    other_village = _placed(base, "PPL", twelve_km_north)
    province = _placed(base, "ADM1", TOWN[0] + 1.0, geo_precision=3)
    # A provincial capital's name stands for its outskirts; two villages 12 km apart are two places.
    assert place_apart(village, capital) < place_apart(village, other_village)
    assert place_apart(village, other_village) == pytest.approx(2.0, abs=0.01)
    assert place_apart(village, province) == 0.0  # a province is placed at its centre


def test_dates_apart_count_only_beyond_their_precision() -> None:
    from geo.store.merge import days_apart

    base = _event("a", "Shelling hit the town.", day=date(2024, 5, 7), published=date(2024, 5, 7), source="One")
    tuesday = Report.from_event(base)
    assert days_apart(tuesday, MergedEvent.first(Report.from_event(replace(base, event_date=date(2024, 5, 9))))) == 2
    that_week = replace(base, event_date=date(2024, 5, 10), date_precision=2)
    assert days_apart(tuesday, MergedEvent.first(Report.from_event(that_week))) == 0
    weeks_later = replace(base, event_date=date(2024, 6, 20), date_precision=2)
    assert days_apart(tuesday, MergedEvent.first(Report.from_event(weeks_later))) == 3


def test_the_learned_match_never_weighs_an_aid_delivery_against_a_fight_beside_it() -> None:
    clash = _event(
        "a",
        "Fighters clashed with soldiers at the market in Sample Town, killing three.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 7),
        source="One",
        sub_event_type="armed_clash",
    )
    aid = _event(
        "b",
        "A convoy delivered flour and medicine to the market in Sample Town as fighters clashed nearby.",
        day=date(2024, 5, 7),
        published=date(2024, 5, 7),
        source="Two",
        event_type="humanitarian",
        sub_event_type="aid",
    )
    merged = merge([clash, aid], MergeRules(learned=shipped_match()))
    assert sorted(len(m.reports) for m in merged) == [1, 1]


def test_of_pairs_each_told_once_the_one_the_other_reports_share_most_is_the_happenings() -> None:
    sunday = date(2024, 6, 2)
    base = _told(
        "a",
        "Rebels of the Hill Front attacked an army post in Sample Town on Sunday night.",
        day=sunday,
        published=sunday,
        source="Wire One",
        actor1="Hill Front",
        inter1=2,
        actor2="Military Forces of Ukraine",
        inter2=1,
        interaction=12,
    )
    # Another outlet names the army with the rebels' commando unit; a third the rebels with the
    # villagers an old raid killed; each pair is told once.
    commando = replace(base, event_id="b", article_id="article-b", source="Town Herald", actor1="Valley Commando")
    villagers = replace(
        base, event_id="c", article_id="article-c", source="Oblast Radio", actor2="Civilians (Ukraine)", inter2=7
    )
    fields = coded_fields([villagers, commando, base])
    assert {fields.actor1, fields.actor2} == {"Hill Front", "Military Forces of Ukraine"}


def test_an_article_s_toll_is_its_largest_figure_not_a_part_it_names_first() -> None:
    sunday = date(2024, 6, 16)
    named_dead = _told(
        "p",
        "Gunmen burned the synagogue in Sample Town and killed a priest and a guard at the church.",
        day=sunday,
        published=sunday,
        source="Wire One",
        fatalities=2,
    )
    # The same article's total, a sentence later: the two it named were two of the seven.
    total = replace(named_dead, event_id="t", quote="Seven people were killed in Sample Town.", fatalities=7)
    other = replace(named_dead, event_id="o", article_id="article-o", source="Town Herald", fatalities=6)
    assert coded_fields([named_dead, total, other]).fatalities == 6  # the lowest of the two articles' tolls
    assert coded_fields([named_dead, total]).fatalities == 7
