"""Merging by the death toll two reports share: one attack told twice still merges when one
report is typed otherwise or dated a day or two off, as long as both give the toll; attacks
with other tolls stay apart, and an aid delivery never joins a strike."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from geo.records import GEO_PRECISION_REGION, Event
from geo.store.merge import default_rules, merge
from tests.test_merge import _event as report_event

TOWN = (47.10, 37.55)
REGION_CENTRE = (47.60, 37.20)
SUNDAY, MONDAY, TUESDAY, WEDNESDAY = date(2025, 6, 1), date(2025, 6, 2), date(2025, 6, 3), date(2025, 6, 4)
ATTACKERS = ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")


def _report(
    event_id: str,
    quote: str,
    *,
    day: date,
    published: date,
    dead: int,
    event_type: str = "frontline",
    sub_event_type: str = "air_strike",
    actors: tuple[str, str] = ATTACKERS,
) -> Event:
    """One outlet's report of a happening at Lakeport, in the Coast region."""
    event = report_event(
        event_id,
        quote,
        day=day,
        published=published,
        event_type=event_type,
        sub_event_type=sub_event_type,
        at=TOWN,
        place="Lakeport",
        geonameid=11,
    )
    return replace(event, fatalities=dead, actor1=actors[0], actor2=actors[1], admin1="Coast")


def _station_strike() -> Event:
    return _report(
        "a",
        "Russian missiles struck the railway station of Lakeport on Monday, killing 12 people who waited for a train.",
        day=MONDAY,
        published=MONDAY,
        dead=12,
    )


def test_one_attack_typed_otherwise_by_the_second_outlet_merges_by_the_toll_both_give() -> None:
    strike = _station_strike()
    # The second outlet's wording read as talks: another kind of happening, few words shared.
    talks = _report(
        "b",
        "Officials in Lakeport said the dead, 12 in all, had gathered to leave for the west.",
        day=MONDAY,
        published=TUESDAY,
        dead=12,
        event_type="diplomacy",
        sub_event_type="talks",
    )
    assert len(merge([strike, talks])) == 1
    assert len(merge([talks, strike])) == 1
    # Without the toll both give, the two types keep them apart.
    assert len(merge([strike, talks], replace(default_rules(), shared_toll=None))) == 2


def test_one_attack_dated_two_days_off_by_the_second_outlet_merges_by_the_toll_both_give() -> None:
    strike = _station_strike()
    # The second report's date came from its article (Wednesday's press briefing), two days off.
    briefing = _report(
        "b",
        "Rescue crews finished clearing the rubble at the Lakeport station, where 12 died.",
        day=WEDNESDAY,
        published=WEDNESDAY,
        dead=12,
    )
    assert len(merge([strike, briefing])) == 1
    assert len(merge([strike, briefing], replace(default_rules(), shared_toll=None))) == 2


def test_tolls_that_agree_are_one_toll_told_twice() -> None:
    strike = _station_strike()
    # "At least 10" and 12: the lower is at least three quarters of the higher.
    # Dated by its article, two days after the strike.
    later = _report(
        "b",
        "At least 10 people were killed when a missile hit the Lakeport railway station, police said.",
        day=WEDNESDAY,
        published=WEDNESDAY,
        dead=10,
    )
    assert len(merge([strike, later])) == 1
    assert len(merge([strike, later], replace(default_rules(), shared_toll=None))) == 2
    assert len(merge([strike, replace(later, fatalities=5)])) == 2


def test_two_attacks_on_one_town_two_days_apart_with_other_tolls_stay_apart() -> None:
    sunday = _report(
        "a",
        "A drone hit a bus stop in Lakeport on Sunday, killing three passengers.",
        day=SUNDAY,
        published=SUNDAY,
        dead=3,
        sub_event_type="remote_explosive",
    )
    tuesday = _report(
        "b",
        "Shelling of the Lakeport market on Tuesday killed seven shoppers.",
        day=TUESDAY,
        published=TUESDAY,
        dead=7,
        sub_event_type="shelling",
    )
    assert len(merge([sunday, tuesday])) == 2
    assert len(merge([tuesday, sunday])) == 2
    # Nor when one of them is typed otherwise.
    assert len(merge([sunday, replace(tuesday, event_type="other", sub_event_type="other")])) == 2


def test_two_attacks_on_one_town_on_days_their_texts_state_stay_apart_with_one_toll() -> None:
    monday = _report(
        "a",
        "A glide bomb hit a school in Lakeport on Monday, killing four teachers.",
        day=MONDAY,
        published=MONDAY,
        dead=4,
    )
    wednesday = _report(
        "b",
        "A glide bomb hit a clinic in Lakeport on Wednesday, killing four patients.",
        day=WEDNESDAY,
        published=WEDNESDAY,
        dead=4,
    )
    assert len(merge([monday, wednesday])) == 2
    assert len(merge([wednesday, monday])) == 2
    # Two days apart is within what a shared toll bridges when a date was not stated.
    undated = replace(wednesday, quote="Four people were killed when a glide bomb hit Lakeport, officials said.")
    assert len(merge([monday, undated])) == 1


def test_small_tolls_are_no_evidence_of_one_happening() -> None:
    one = _report(
        "a", "A sniper killed two soldiers at a checkpoint outside Lakeport.", day=MONDAY, published=MONDAY, dead=2
    )
    other = _report(
        "b",
        "Two volunteers died when their car hit a mine near Lakeport, a charity said.",
        day=TUESDAY,
        published=TUESDAY,
        dead=2,
        event_type="humanitarian",
        sub_event_type="casualties",
    )
    assert len(merge([one, other])) == 2


def test_an_aid_delivery_never_joins_a_strike_by_its_toll() -> None:
    strike = _station_strike()
    aid = _report(
        "b",
        "A convoy brought blood and medicine to Lakeport's hospital after the strike that killed 12.",
        day=MONDAY,
        published=TUESDAY,
        dead=12,
        event_type="humanitarian",
        sub_event_type="aid",
    )
    assert len(merge([strike, aid])) == 2


def _in_the_region(report: Event) -> Event:
    """The report as read by a geoparser that places it only at the Coast region."""
    return replace(
        report,
        place="Coast Oblast",
        mention="Coast region",
        lat=REGION_CENTRE[0],
        lon=REGION_CENTRE[1],
        feature_code="ADM1",
        geo_precision=GEO_PRECISION_REGION,
        geonameid=12,
    )


def test_a_region_s_report_joins_the_town_s_attack_whose_toll_it_gives_over_the_region_s_report_without_one() -> None:
    strike = _station_strike()
    # The region's report of another strike that day, which gives no toll.
    depot = _in_the_region(
        _report(
            "c",
            "Russian missiles hit a fuel depot in the Coast region, starting a large fire.",
            day=MONDAY,
            published=MONDAY,
            dead=0,
        )
    )
    # A report that names only the region, giving the station's toll.
    regional = _in_the_region(
        _report(
            "b",
            "A Russian missile attack killed 12 people in the Coast region on Monday, the governor said.",
            day=MONDAY,
            published=TUESDAY,
            dead=12,
        )
    )
    merged = merge([strike, depot, regional])
    assert len(merged) == 2
    joined = next(m for m in merged if m.event_id == "a")
    assert [r.event_id for r in joined.reports] == ["a", "b"]
    # By place alone it joined the region's other report.
    apart = merge([strike, depot, regional], replace(default_rules(), shared_toll=None))
    assert [[r.event_id for r in m.reports] for m in apart] == [["a"], ["c", "b"]]
