"""The page's map is built once for what it shows: a rerun (a click on the feed, a
marker or a tab) reuses it, and any write to the store draws it anew."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from app_harness import started_app
from palmyra import palmyra_event

from geo.records import Event
from geo.store.store import EventStore

ADEN = palmyra_event(
    event_id="aden-1",
    event_type="humanitarian",
    sub_event_type="aid",
    place="Aden",
    mention="Aden",
    lat=12.78,
    lon=45.04,
    geonameid=415189,
    country_code="YE",
    admin1="Aden",
    feature_code="PPLA",
    quote="Aid convoys reached Aden's port.",
    article_id="a2",
    title="Aid reaches Aden",
    source="Gulf Ledger",
    url="https://news.example.org/aden",
)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_events([palmyra_event()])
    return path


def test_a_rerun_draws_the_same_map_without_building_it_again(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, maps_built: list[Sequence[Event]]
) -> None:
    at = started_app(store_path, monkeypatch)
    assert not at.exception, at.exception
    at.run()
    assert not at.exception, at.exception
    assert [[e.event_id for e in events] for events in maps_built] == [["e0"]]


def test_a_new_event_in_the_store_builds_a_map_that_shows_it(
    store_path: Path, monkeypatch: pytest.MonkeyPatch, maps_built: list[Sequence[Event]]
) -> None:
    at = started_app(store_path, monkeypatch)
    with EventStore.open(store_path) as store:
        store.add_events([ADEN])
    at.run()
    assert not at.exception, at.exception
    assert len(maps_built) == 2
    assert {e.event_id for e in maps_built[-1]} == {"e0", "aden-1"}


def test_the_page_works_out_where_its_map_opens_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two theatres (Syria, Yemen): the frame the map opens on and its theatre buttons come
    # from one reading of every event, not one each (at 100,000 events a reading costs ~0.25 s).
    from geo.map import mapview, opening
    from geo.web import mapcache

    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_events([palmyra_event(), ADEN])
    readings: list[int] = []
    read = opening.opening_view

    def counted(events, **options):
        readings.append(len(events))
        return read(events, **options)

    for module in (opening, mapview, mapcache):
        monkeypatch.setattr(module, "opening_view", counted)
    at = started_app(path, monkeypatch)
    assert not at.exception, at.exception
    assert readings == [2]
