"""Merging when the event model reads a report's date or type less well: one strike told twice
still merges when one report is dated a day off, while two strikes two days apart and a clash
beside an aid delivery stay apart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial

from geo.records import Event
from geo.store.merge import MergeRules, default_rules, merge
from tests.test_merge import _event as report_event

TOWN = (48.52, 35.87)
SUNDAY, MONDAY, TUESDAY, WEDNESDAY = date(2025, 3, 2), date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5)


#: One outlet's report of a happening at Riverside.
_report = partial(report_event, at=TOWN, place="Riverside", geonameid=7)


def _bridge_strike() -> tuple[Event, Event]:
    """Two outlets' reports of one strike on Monday: the first's sentence names no day, and its
    article dated it Tuesday (a day off); the second says Monday in its own words."""
    misread = _report(
        "a",
        "A guided bomb destroyed the road bridge over the river at Riverside, cutting the supply route.",
        day=TUESDAY,
        published=WEDNESDAY,
    )
    stated = _report(
        "b",
        "Russian aircraft dropped a glide bomb on the Riverside bridge on Monday; the crossing collapsed.",
        day=MONDAY,
        published=TUESDAY,
    )
    return misread, stated


def test_one_strike_told_twice_merges_when_the_report_filed_first_was_dated_a_day_off() -> None:
    misread, stated = _bridge_strike()
    merged = merge([misread, stated])
    assert len(merged) == 1
    # The event's date is its first report's, as filed; the second report is its mate.
    assert [r.event_id for r in merged[0].reports] == ["a", "b"]
    # Only the new report's own unstated date used to be given the day of slack.
    assert len(merge([misread, stated], replace(default_rules(), unstated_event=False))) == 2


def test_one_strike_told_twice_merges_when_the_later_report_was_dated_a_day_off() -> None:
    misread, stated = _bridge_strike()
    assert len(merge([stated, misread])) == 1


def test_two_strikes_on_one_town_two_days_apart_stay_apart() -> None:
    sunday = _report(
        "a",
        "A drone hit the fuel depot at Riverside on Sunday night, starting a fire.",
        day=SUNDAY,
        published=MONDAY,
    )
    tuesday = _report(
        "b",
        "Artillery shelled the market of Riverside on Tuesday, wounding five shoppers.",
        day=TUESDAY,
        published=TUESDAY,
        sub_event_type="shelling",
    )
    assert len(merge([sunday, tuesday])) == 2
    # Still two when the first names no day: a day of slack does not bridge two.
    undated = replace(sunday, quote="A drone hit the fuel depot at Riverside, starting a fire.")
    assert len(merge([undated, tuesday])) == 2
    assert len(merge([tuesday, undated])) == 2


def test_a_clash_and_an_aid_delivery_in_one_town_on_one_day_stay_apart_however_dated() -> None:
    clash = _report(
        "a",
        "Soldiers repelled an assault on the eastern edge of Riverside on Monday.",
        day=MONDAY,
        published=MONDAY,
        sub_event_type="armed_clash",
    )
    aid = _report(
        "b",
        "A Red Cross convoy brought water and medicine to the people of Riverside.",
        day=MONDAY,
        published=TUESDAY,
        event_type="humanitarian",
        sub_event_type="aid",
    )
    assert len(merge([clash, aid])) == 2
    assert len(merge([aid, clash])) == 2
    # Nor when the aid delivery's unstated date is a day off.
    assert len(merge([clash, replace(aid, event_date=TUESDAY)])) == 2


def test_the_rule_can_be_turned_off() -> None:
    assert MergeRules().unstated_event is True
    assert MergeRules(unstated_event=False).unstated_event is False


def _exchange(second_quote: str, published: date = date(2025, 3, 9)) -> tuple[Event, Event]:
    """A prisoner exchange at Riverside on Saturday, typed as a deal by one outlet, and a
    report typed as a humanitarian release dated on Sunday, published on ``published``."""
    saturday, sunday = date(2025, 3, 8), date(2025, 3, 9)
    deal = _report(
        "a",
        "The two sides swapped ninety prisoners of war at Riverside on Saturday under a deal brokered abroad.",
        day=saturday,
        published=saturday,
        event_type="diplomacy",
        sub_event_type="agreement",
    )
    release = _report(
        "b",
        second_quote,
        day=sunday,
        published=published,
        event_type="humanitarian",
        sub_event_type="prisoner_release",
    )
    return deal, release


def test_one_happening_typed_two_ways_merges_when_one_report_is_dated_by_its_publication_day() -> None:
    deal, release = _exchange("Ninety prisoners of war came home after the swap at Riverside brokered abroad.")
    assert len(merge([deal, release])) == 1
    assert len(merge([deal, release], replace(default_rules(), retyped_days_overlap=None))) == 2


def test_two_kinds_of_happening_dated_a_day_apart_by_their_own_texts_stay_apart() -> None:
    # Its text states Sunday, and it was published on Monday: the day is read, not a fallback.
    deal, release = _exchange(
        "On Sunday ninety more prisoners of war were freed at Riverside in a second swap.", published=date(2025, 3, 10)
    )
    assert len(merge([deal, release])) == 2
    assert len(merge([release, deal])) == 2
