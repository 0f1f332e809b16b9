"""Reports of one happening stored as one coded event: merging at ingest, splits, migration."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from palmyra import palmyra_event

from geo.errors import InputError
from geo.filters import EventFilter
from geo.records import Article, Event, EventReport
from geo.store.happenings import coded_event, combined_confidence
from geo.store.store import MIGRATIONS, EventStore

STRIKE_DAY = date(2024, 5, 14)


def strike_report(outlet: str, text: str, *, day: date = STRIKE_DAY, killed: int = 0, lat: float = 48.59) -> tuple:
    """One outlet's article about a strike on Bakhmut and the event parsed from it."""
    article = Article(text, title=f"{outlet}: strike on Bakhmut", published=day, source=outlet)
    event = palmyra_event(
        event_id=f"ev-{article.article_id}",
        article_id=article.article_id,
        sub_event_type="shelling",
        event_date=day,
        published=day,
        place="Bakhmut",
        mention="Bakhmut",
        lat=lat,
        lon=38.0,
        geonameid=712165,
        country_code="UA",
        admin1="Donetsk",
        quote=text,
        title=article.title,
        source=outlet,
        url=f"https://{outlet.lower()}.example.net/bakhmut",
        confidence=0.7,
        fatalities=killed,
    )
    return article, [event]


@pytest.fixture()
def store(tmp_path: Path):
    with EventStore.open(tmp_path / "events.sqlite") as opened:
        yield opened


def test_the_store_gives_back_every_coded_field_as_it_was_given(store: EventStore) -> None:
    reports = (
        EventReport("a1", "Reuters", "Government forces retook Palmyra.", url="https://r.example", title="Palmyra"),
        EventReport("a2", "AFP", "The army entered Palmyra.", published=date(2016, 3, 28)),
    )
    event = palmyra_event(
        actor1="Military Forces of Syria",
        assoc_actor_1="Wagner Group",
        actor2="Islamic State",
        assoc_actor_2="",
        inter1=1,
        inter2=2,
        interaction=12,
        fatalities=26,
        sources=2,
        reports=reports,
        origin="acled",
    )
    store.add_events([event])
    assert store.query() == [event]


def test_one_strike_told_by_two_outlets_is_one_event_with_two_sources(store: EventStore) -> None:
    store.add_articles(
        [
            strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, killing at least 4 civilians.", killed=4),
            strike_report("Ukrinform", "Bakhmut came under Russian shelling; six civilians were killed.", killed=6),
        ]
    )
    (event,) = store.coded_events()
    assert event.sources == 2
    assert {r.source for r in event.reports} == {"Kyiv Post", "Ukrinform"}
    assert event.fatalities == 4  # the lowest reported toll, never the sum
    assert event.confidence > 0.7  # a second independent source makes it likelier
    assert len(store.query()) == 2  # every report is still kept


def test_the_same_town_struck_on_another_day_stays_a_second_event(store: EventStore) -> None:
    store.add_articles(
        [
            strike_report("Kyiv Post", "Russian artillery shelled Bakhmut overnight."),
            strike_report("Ukrinform", "Russian artillery shelled Bakhmut again.", day=date(2024, 5, 17)),
        ]
    )
    assert [e.sources for e in store.coded_events()] == [1, 1]


def test_a_report_split_off_stays_apart_after_its_article_is_parsed_again(store: EventStore) -> None:
    first = strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, hitting the market.")
    second = strike_report("Ukrinform", "Bakhmut market was hit by Russian shelling.")
    store.add_articles([first, second])
    assert len(store.coded_events()) == 1

    (split_off,) = second[1]
    store.split_report(split_off.event_id)
    assert sorted(e.sources for e in store.coded_events()) == [1, 1]

    store.replace_events(split_off.article_id, second[1])  # a re-parse stores the same event again
    store.replace_events(first[0].article_id, first[1])
    assert sorted(e.sources for e in store.coded_events()) == [1, 1]


def test_splitting_an_unknown_event_is_refused(store: EventStore) -> None:
    with pytest.raises(InputError, match="no stored event"):
        store.split_report("nope")


def test_a_third_outlet_joins_a_stored_happening_without_moving_it(store: EventStore) -> None:
    store.add_articles([strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, hitting the market.")])
    (before,) = store.coded_events()
    store.add_articles([strike_report("Ukrinform", "Russian shelling hit the Bakhmut market.", lat=48.6)])
    store.add_articles([strike_report("Suspilne", "Shelling hit the market in Bakhmut.", lat=48.61)])
    (after,) = store.coded_events()
    assert after.event_id == before.event_id
    assert after.sources == 3 and len(after.reports) == 3


def test_imported_events_are_never_merged(store: EventStore) -> None:
    imported = [palmyra_event(event_id=f"acled-{n}", origin="acled", article_id="") for n in range(2)]
    store.add_events(imported)
    assert [e.event_id for e in store.coded_events()] == ["acled-0", "acled-1"]


def test_the_same_articles_in_the_same_order_make_the_same_events(tmp_path: Path) -> None:
    items = [
        strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, hitting the market."),
        strike_report("Ukrinform", "Bakhmut market was hit by Russian shelling."),
        strike_report("Suspilne", "Russian artillery shelled Bakhmut again.", day=date(2024, 5, 16)),
    ]
    coded = []
    for name in ("one", "two"):
        with EventStore.open(tmp_path / f"{name}.sqlite") as opened:
            opened.add_articles(items[:1])
            opened.add_articles(items[1:])
            coded.append(opened.coded_events())
    assert coded[0] == coded[1] and len(coded[0]) == 2


def test_a_filter_keeps_a_happening_with_all_its_reports(store: EventStore) -> None:
    store.add_articles(
        [
            strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, hitting the market."),
            strike_report("Ukrinform", "Bakhmut market was hit by Russian shelling."),
        ]
    )
    (event,) = store.coded_events(EventFilter(sources=frozenset({"Ukrinform"})))
    assert event.sources == 2


def test_a_store_made_before_coded_events_opens_and_merges_its_events(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for number, steps in enumerate(MIGRATIONS[:2], start=1):
        for statement in steps:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version VALUES (?)", (number,))
    for n, (outlet, text) in enumerate(
        (("Wire", "Forces retook Palmyra."), ("Daily", "Palmyra was retaken by forces."))
    ):
        conn.execute(
            "INSERT INTO events (event_id, event_type, sub_event_type, event_date, lat, lon, quote, source, confidence) "
            "VALUES (?, 'frontline', 'armed_clash', '2016-03-24', 34.56, 38.28, ?, ?, 0.8)",
            (f"old{n}", text, outlet),
        )
    conn.close()

    with EventStore.open(path) as migrated:
        assert [e.fatalities for e in migrated.query()] == [0, 0]
        (event,) = migrated.coded_events()
        assert event.sources == 2 and event.event_id == "old0"


def test_one_report_is_its_own_coded_event_unchanged() -> None:
    only = palmyra_event()
    assert coded_event("e0", [only], event_date=only.event_date, date_precision=1) == only


def test_confidence_counts_one_outlet_once_however_often_it_reports() -> None:
    same_outlet = [palmyra_event(confidence=0.6), palmyra_event(confidence=0.6)]
    two_outlets = [palmyra_event(confidence=0.6), palmyra_event(confidence=0.6, source="AFP")]
    assert combined_confidence(same_outlet) == pytest.approx(0.6)
    assert combined_confidence(two_outlets) == pytest.approx(0.84)


def test_the_best_report_gives_the_actors() -> None:
    members: list[Event] = [
        palmyra_event(event_id="x", confidence=0.95),
        palmyra_event(event_id="y", source="AFP", actor1="Military Forces of Syria", confidence=0.5),
    ]
    event = coded_event("x", members, event_date=date(2016, 3, 24), date_precision=1)
    assert event.actor1 == "Military Forces of Syria"
    assert event.event_id == "x" and event.reports[0].source == "AFP"


def test_the_store_merges_as_the_pure_merge_does(store: EventStore) -> None:
    import random
    from datetime import timedelta

    from geo.store.merge import merge

    rng = random.Random(3)
    words = ["drone", "strike", "market", "artillery", "shelled", "convoy", "clash", "village", "bridge", "depot"]
    events = [
        palmyra_event(
            event_id=f"r{n:03d}",
            article_id=f"a{n // 3}",
            sub_event_type=rng.choice(["shelling", "air_strike", "armed_clash"]),
            event_type=rng.choice(["frontline", "frontline", "humanitarian"]),
            event_date=date(2024, 5, 1) + timedelta(days=rng.randrange(4)),
            date_precision=rng.choice([1, 1, 1, 2]),
            lat=48.0 + rng.choice([0.0, 0.02, 0.3, 0.26]),
            lon=37.9 + rng.choice([0.0, 0.03, 0.25]),
            quote=" ".join(rng.sample(words, 4)),
            source=rng.choice(["A", "B", "C"]),
        )
        for n in range(120)
    ]
    store.add_events(events)
    pure = sorted(sorted(r.event_id for r in m.reports) for m in merge(events))
    stored = sorted(sorted(ids) for ids in store.happening_members().values())
    assert stored == pure
    assert 1 < len(stored) < len(events)  # the case merges some and keeps some apart


def test_a_reparse_that_drops_the_first_report_leaves_the_others_one_event(store: EventStore) -> None:
    first = strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, hitting the market.")
    second = strike_report("Ukrinform", "Bakhmut market was hit by Russian shelling.")
    third = strike_report("Suspilne", "Shelling hit the market in Bakhmut.")
    store.add_articles([first, second, third])
    store.replace_events(first[0].article_id, [])  # parsed again, it tells nothing any more
    (event,) = store.coded_events()
    assert event.sources == 2
    assert event.event_id == second[1][0].event_id  # the first report left makes the id


def test_the_store_check_names_a_report_whose_happening_is_lost(tmp_path: Path) -> None:
    from geo.store.storecheck import check_store

    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as opened:
        opened.add_articles([strike_report("Kyiv Post", "Russian artillery shelled Bakhmut overnight.")])
    assert not check_store(path).problems
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM happenings")
    conn.commit()
    conn.close()
    (problem,) = check_store(path).problems
    assert "the happening is missing" in problem


def test_a_salvaged_store_keeps_the_reports_split_apart(tmp_path: Path) -> None:
    from geo.store.storecheck import salvage_store

    first = strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, hitting the market.")
    second = strike_report("Ukrinform", "Bakhmut market was hit by Russian shelling.")
    with EventStore.open(tmp_path / "old.sqlite") as old:
        old.add_articles([first, second])
        old.split_report(second[1][0].event_id)
    salvage_store(tmp_path / "old.sqlite", tmp_path / "new.sqlite")
    with EventStore.open(tmp_path / "new.sqlite") as new:
        assert sorted(e.sources for e in new.coded_events()) == [1, 1]


@pytest.mark.parametrize("fmt", ["geojson", "csv", "acled"])
def test_an_export_has_one_row_per_happening_listing_its_reports(store: EventStore, tmp_path: Path, fmt: str) -> None:
    import csv
    import json

    from geo.formats.exports import export_store

    store.add_articles(
        [
            strike_report("Kyiv Post", "Russian artillery shelled Bakhmut, killing at least 4 civilians.", killed=4),
            strike_report("Ukrinform", "Bakhmut came under Russian shelling; six civilians were killed.", killed=6),
        ]
    )
    merged, per_report = tmp_path / f"merged.{fmt}", tmp_path / f"reports.{fmt}"
    assert export_store(store, fmt, merged) == 1
    assert export_store(store, fmt, per_report, per_report=True) == 2
    if fmt == "geojson":
        (feature,) = json.loads(merged.read_text(encoding="utf-8"))["features"]
        row = feature["properties"]
        assert row["sources"] == 2 and row["fatalities"] == 4
        assert {r["source"] for r in row["reports"]} == {"Kyiv Post", "Ukrinform"}
    else:
        with merged.open(encoding="utf-8", newline="") as handle:
            (row,) = list(csv.DictReader(handle))
        assert row["fatalities"] == "4"
        if fmt == "acled":
            assert set(row["source"].split("; ")) == {"Kyiv Post", "Ukrinform"}
        else:
            assert row["sources"] == "2"


@pytest.fixture(params=["hand-set rules", "learned match"])
def merging(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The rules the store merges by: the default hand-set ones, or the shipped learned match."""
    from geo.store import happenings
    from geo.store.merge import MergeRules, shipped_match

    rules = MergeRules(learned=shipped_match()) if request.param == "learned match" else MergeRules()
    monkeypatch.setattr(happenings, "default_rules", lambda: rules)
    return rules


def test_the_store_merges_as_the_pure_merge_does_when_reports_name_actors_and_deaths(
    store: EventStore, merging
) -> None:
    import random
    from datetime import timedelta

    from geo.store.merge import merge

    rng = random.Random(11)
    words = ["drone", "strike", "market", "artillery", "shelled", "convoy", "clash", "village", "bridge", "depot"]
    sides = ["Military Forces of Russia", "Military Forces of Ukraine", "Civilians (Ukraine)", ""]
    towns = [("Bakhmut", 48.59, 38.0), ("Chasiv Yar", 48.59, 37.84), ("Soledar", 48.68, 38.09)]
    events = []
    for n in range(120):
        place, lat, lon = rng.choice(towns)
        events.append(
            palmyra_event(
                event_id=f"r{n:03d}",
                article_id=f"a{n // 3}",
                sub_event_type=rng.choice(["shelling", "air_strike"]),
                event_date=date(2024, 5, 1) + timedelta(days=rng.randrange(3)),
                published=date(2024, 5, 1) + timedelta(days=rng.randrange(3)),
                place=place,
                mention=place,
                lat=lat,
                lon=lon,
                geo_precision=rng.choice([1, 1, 3]),
                quote=f"{place}: " + " ".join(rng.sample(words, 4)),
                source=rng.choice(["A", "B", "C"]),
                actor1=rng.choice(sides),
                actor2=rng.choice(sides),
                fatalities=rng.choice([0, 0, 2, 5]),
            )
        )
    # Several writes, as ingest makes them: a later write reads the stored happenings' first reports.
    for start in range(0, len(events), 30):
        store.add_events(events[start : start + 30])
    pure = sorted(sorted(r.event_id for r in m.reports) for m in merge(events, merging))
    stored = sorted(sorted(ids) for ids in store.happening_members().values())
    assert stored == pure
    assert 1 < len(stored) < len(events)


def test_three_outlets_telling_one_strike_their_own_way_make_one_stored_event(store: EventStore, merging) -> None:
    wire = strike_report(
        "Wire Service",
        "Russian glide bombs hit a bakery in Bakhmut on Tuesday afternoon, killing three people, police said.",
        killed=3,
    )
    # Read the next morning, the day left unresolved: dated by its publication.
    late_article, (late_event,) = strike_report(
        "Evening Courier",
        "Three dead as aerial bombs destroy Bakhmut bakery, regional governor says.",
        day=STRIKE_DAY.replace(day=15),
        killed=3,
    )
    # Placed at the village the outlet named, a few kilometres from the town's centre.
    village_article, (village_event,) = strike_report(
        "Donbas Radio", "Rescuers searched the ruins of the bombed bakery until dark.", lat=48.62
    )
    store.add_articles([wire, (late_article, [late_event]), (village_article, [village_event])])
    (coded,) = store.coded_events()
    assert coded.sources == 3
    assert coded.fatalities == 3
    assert coded.event_date == STRIKE_DAY


def test_the_next_day_strike_and_an_aid_convoy_the_same_day_stay_their_own_events(store: EventStore, merging) -> None:
    store.add_articles(
        [strike_report("Wire Service", "Russian glide bombs hit a bakery in Bakhmut, killing three people.", killed=3)]
    )
    # Told on Thursday of Wednesday: a date the text gives, not its publication day.
    next_day_article, (next_day,) = strike_report(
        "Evening Courier",
        "Artillery struck the water pumping station of Bakhmut on Wednesday, cutting supplies.",
        day=STRIKE_DAY.replace(day=16),
    )
    next_day = replace(next_day, event_date=STRIKE_DAY.replace(day=15))
    convoy_article, (convoy,) = strike_report("Aid Bulletin", "A UN convoy brought insulin and flour to Bakhmut.")
    convoy = replace(convoy, event_type="humanitarian", sub_event_type="aid")
    store.add_articles([(next_day_article, [next_day]), (convoy_article, [convoy])])
    assert [e.sources for e in store.coded_events()] == [1, 1, 1]


def test_a_funeral_two_days_on_that_names_the_strike_day_joins_the_stored_strike(store: EventStore) -> None:
    store.add_articles(
        [strike_report("Wire Service", "Russian glide bombs hit a bakery in Bakhmut on Tuesday, killing three people.")]
    )
    funeral_article, (funeral,) = strike_report(
        "Evening Courier",
        "Bakhmut on Thursday buried the three people killed when glide bombs hit its bakery on Tuesday.",
        day=STRIKE_DAY.replace(day=16),
    )
    funeral = replace(funeral, event_type="other", sub_event_type="civic")
    store.add_articles([(funeral_article, [funeral])])
    (coded,) = store.coded_events()
    assert coded.sources == 2
    assert coded.event_date == STRIKE_DAY


def _hospital_account_then_strike(store: EventStore) -> tuple[Event, Event]:
    """A hospital's account of the Bakhmut strike, typed a statement, stored before the strike."""
    hospital_article, (hospital,) = strike_report(
        "City Radio", "Doctors at the city hospital said three people wounded in Bakhmut had died overnight."
    )
    hospital = replace(
        hospital, event_type="diplomacy", sub_event_type="statement", actor1="Government of Ukraine", confidence=0.9
    )
    store.add_articles([(hospital_article, [hospital])])
    wire_article, (wire,) = strike_report(
        "Wire Service", "Russian glide bombs hit a bakery in Bakhmut, killing three people.", killed=3
    )
    wire = replace(wire, actor1="Military Forces of Russia", actor2="Civilians (Ukraine)")
    store.add_articles([(wire_article, [wire])])
    return hospital, wire


def test_a_hospitals_account_stored_first_gives_way_to_the_strike_it_tells(store: EventStore) -> None:
    _, wire = _hospital_account_then_strike(store)
    (coded,) = store.coded_events()
    assert coded.sources == 2
    assert (coded.event_type, coded.sub_event_type) == ("frontline", "shelling")
    assert (coded.actor1, coded.actor2, coded.fatalities) == ("Military Forces of Russia", "Civilians (Ukraine)", 3)
    assert coded.quote == wire.quote


def test_a_strike_split_off_the_account_that_told_it_leaves_the_account_a_statement_again(store: EventStore) -> None:
    hospital, wire = _hospital_account_then_strike(store)
    store.split_report(wire.event_id)
    coded = {e.quote: e for e in store.coded_events()}
    assert (coded[hospital.quote].event_type, coded[hospital.quote].sources) == ("diplomacy", 1)
    assert (coded[wire.quote].event_type, coded[wire.quote].fatalities) == ("frontline", 3)
    # Stored again by a re-parse, the strike stays apart from the account it was split from.
    store.replace_events(wire.article_id, [wire])
    assert sorted(e.event_type for e in store.coded_events()) == ["diplomacy", "frontline"]
