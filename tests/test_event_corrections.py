"""Corrections of an event's type, sub-type and date, and deletions: stored, applied to every
read and export, kept when the article is parsed again, and undone."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline
from palmyra import palmyra_event

from geo.errors import InputError
from geo.filters import EventFilter
from geo.formats.exports import write_csv, write_geojson
from geo.records import Article, EventCorrection, PlaceOverride
from geo.store.corrections import corrected, merged
from geo.store.store import SCHEMA_VERSION, EventStore

ARTICLE = Article(
    "Shelling hit Aleppo overnight. Kerry arrived in Moscow for a visit.",
    title="Two things",
    published=date(2016, 3, 25),
    source="Wire",
)


@pytest.fixture()
def store(tmp_path: Path):
    with EventStore.open(tmp_path / "events.sqlite") as s:
        s.add_batch([(ARTICLE, FakePipeline().events(ARTICLE))])
        yield s


def _by_mention(store: EventStore, mention: str):
    return next(e for e in store.query() if e.mention == mention)


def test_a_correction_changes_the_event_every_read_sees(store: EventStore) -> None:
    moscow = _by_mention(store, "Moscow")
    fixed = store.correct_event(
        EventCorrection.of(moscow, event_type="frontline", sub_event_type="air_strike", event_date=date(2016, 3, 20))
    )
    assert fixed is not None and fixed.event_id == moscow.event_id
    again = _by_mention(store, "Moscow")
    assert (again.event_type, again.sub_event_type, again.event_date) == ("frontline", "air_strike", date(2016, 3, 20))
    assert again.date_precision == 1
    # The filters and counts read the corrected values too.
    assert store.counts_by_type()["diplomacy"] == 0
    assert store.count(EventFilter(event_types=frozenset({"frontline"}))) == 2
    frame = store.query_frame()
    assert set(frame["sub_event_type"]) == {"shelling", "air_strike"}


def test_the_exports_show_the_correction_and_not_the_deleted_event(store: EventStore, tmp_path: Path) -> None:
    moscow, aleppo = _by_mention(store, "Moscow"), _by_mention(store, "Aleppo")
    store.correct_event(EventCorrection.of(moscow, event_type="other", sub_event_type="other"))
    store.correct_event(EventCorrection.of(aleppo, deleted=True))
    write_geojson(store.query(), tmp_path / "out.geojson")
    features = json.loads((tmp_path / "out.geojson").read_text())["features"]
    assert [(f["properties"]["mention"], f["properties"]["event_type"]) for f in features] == [("Moscow", "other")]
    fast = [json.loads(text) for text in store.iter_feature_json()]
    assert [f["properties"]["event_type"] for f in fast] == ["other"]
    write_csv(store.query(), tmp_path / "out.csv")
    assert "Aleppo" not in (tmp_path / "out.csv").read_text()


def test_a_second_correction_adds_to_the_first(store: EventStore) -> None:
    moscow = _by_mention(store, "Moscow")
    store.correct_event(EventCorrection.of(moscow, event_type="frontline"))
    store.correct_event(EventCorrection.of(moscow, event_date=date(2016, 3, 1)))
    again = _by_mention(store, "Moscow")
    assert (again.event_type, again.event_date) == ("frontline", date(2016, 3, 1))
    assert len(store.corrections()) == 1


def test_undo_puts_the_event_back_as_parsed(store: EventStore) -> None:
    moscow = _by_mention(store, "Moscow")
    store.correct_event(EventCorrection.of(moscow, event_type="frontline", event_date=date(2016, 1, 1)))
    store.correct_event(EventCorrection.of(moscow, deleted=True))
    assert all(e.mention != "Moscow" for e in store.query())
    restored = store.undo_correction(moscow.event_id)
    assert restored == moscow
    assert _by_mention(store, "Moscow") == moscow
    assert store.corrections() == ()
    assert store.undo_correction(moscow.event_id) is None


def test_corrections_survive_parsing_the_article_again(store: EventStore) -> None:
    moscow, aleppo = _by_mention(store, "Moscow"), _by_mention(store, "Aleppo")
    store.correct_event(EventCorrection.of(moscow, event_type="humanitarian", sub_event_type="aid"))
    store.correct_event(EventCorrection.of(aleppo, deleted=True))
    store.replace_events(ARTICLE.article_id, FakePipeline().events(ARTICLE))
    assert [(e.mention, e.event_type, e.sub_event_type) for e in store.query()] == [("Moscow", "humanitarian", "aid")]


def test_a_correction_follows_its_event_when_the_place_correction_changes_its_id(store: EventStore) -> None:
    aleppo = _by_mention(store, "Aleppo")
    store.correct_event(EventCorrection.of(aleppo, event_date=date(2016, 3, 24)))
    override = PlaceOverride("Aleppo", 170654, "Damascus", 33.51, 36.29, "SY", article_id=ARTICLE.article_id)
    store.add_override(override)
    store.replace_events(ARTICLE.article_id, FakePipeline().events(ARTICLE, overrides=[override]))
    moved = _by_mention(store, "Aleppo")
    assert moved.event_id != aleppo.event_id and moved.geonameid == 170654
    assert moved.event_date == date(2016, 3, 24)
    # Undo finds it under its new id and gives back the event as parsed with the new place.
    restored = store.undo_correction(moved.event_id)
    assert restored is not None and restored.event_date == date(2016, 3, 25) and restored.geonameid == 170654


def test_imported_events_are_corrected_by_id_and_stay_deleted_when_imported_again(store: EventStore) -> None:
    imported = palmyra_event(event_id="acled-1", article_id="", origin="acled")
    store.add_events([imported])
    store.correct_event(EventCorrection.of(imported, deleted=True))
    assert store.add_events([imported]) == 0
    assert all(e.event_id != "acled-1" for e in store.query())


def test_correcting_an_unknown_event_is_refused(store: EventStore) -> None:
    with pytest.raises(InputError, match="no event 'nope'"):
        store.correct_event(EventCorrection("nope", event_type="other"))


def test_a_correction_refuses_an_unknown_type() -> None:
    with pytest.raises(ValueError, match="event_type must be one of"):
        EventCorrection("e0", event_type="battle")


def test_pure_rules() -> None:
    event = palmyra_event(date_precision=3)
    assert corrected(event, EventCorrection("e0", deleted=True)) is None
    assert corrected(event, EventCorrection("e0")) == event
    moved = corrected(event, EventCorrection("e0", event_date=date(2016, 3, 2)))
    assert moved is not None and (moved.event_date, moved.date_precision) == (date(2016, 3, 2), 1)
    both = merged(
        EventCorrection("e0", event_type="other", deleted=True), EventCorrection("e0", event_date=date(2016, 1, 1))
    )
    assert (both.event_type, both.event_date, both.deleted) == ("other", date(2016, 1, 1), False)


def test_an_old_store_gains_the_corrections_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with EventStore.open(path) as s:
        s.add_batch([(ARTICLE, FakePipeline().events(ARTICLE))])
    with sqlite3.connect(path) as conn:  # as the previous schema left it
        conn.execute("DROP TABLE event_corrections")
        conn.execute("DELETE FROM schema_version WHERE version = ?", (SCHEMA_VERSION,))
    with EventStore.open(path) as s:
        assert s.count() == 2
        moscow = _by_mention(s, "Moscow")
        s.correct_event(EventCorrection.of(moscow, event_type="other"))
        assert _by_mention(s, "Moscow").event_type == "other"


def test_salvage_copies_the_corrections_so_undo_still_works(store: EventStore, tmp_path: Path) -> None:
    from geo.store.storecheck import salvage_store

    moscow = _by_mention(store, "Moscow")
    store.correct_event(EventCorrection.of(moscow, event_type="frontline"))
    report = salvage_store(store.path, tmp_path / "copy.sqlite")
    assert report.overrides == 1 and report.lost == []
    with EventStore.open(tmp_path / "copy.sqlite") as copy:
        assert _by_mention(copy, "Moscow").event_type == "frontline"
        assert copy.undo_correction(moscow.event_id) == moscow


def test_an_articles_events_leave_out_the_deleted_one(store: EventStore) -> None:
    aleppo = _by_mention(store, "Aleppo")
    store.correct_event(EventCorrection.of(aleppo, deleted=True))
    assert [e.mention for e in store.article_events(ARTICLE.article_id)] == ["Moscow"]
    assert store.article_events("no such article") == []
