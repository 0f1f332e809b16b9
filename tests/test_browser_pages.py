"""The check that the page server the reading browser tests share was only read: a store
left as the demo's first start leaves it passes; a pasted article, a deleted event and a
moved place are each told."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_pages import writes_beyond_the_demo
from fake_pipeline import FakePipeline

from geo.records import PlaceOverride
from geo.store.store import EventStore
from geo.web.appactions import add_pasted, delete_event, load_demo


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    db = tmp_path / "events.sqlite"
    with EventStore.open(db) as store:
        load_demo(store, pipeline=FakePipeline)
    return db


def test_a_store_never_opened_and_the_demo_as_first_read_hold_nothing_more(tmp_path: Path, demo_db: Path) -> None:
    assert writes_beyond_the_demo(tmp_path / "never-served.sqlite") == ()
    assert writes_beyond_the_demo(demo_db) == ()


def test_a_paste_a_deletion_and_a_moved_place_are_each_told(demo_db: Path) -> None:
    with EventStore.open(demo_db) as store:
        add_pasted(
            "Rockets fell on the outskirts of Aleppo overnight.", title="Night", store=store, pipeline=FakePipeline
        )
        assert writes_beyond_the_demo(demo_db) == ("1 articles not of the demo",)
        delete_event(store.query()[0], store=store)
        store.add_override(
            PlaceOverride(mention="Aleppo", geonameid=170063, name="Aleppo", lat=36.2, lon=37.16, country_code="SY")
        )
    assert writes_beyond_the_demo(demo_db) == (
        "1 articles not of the demo",
        "1 event corrections",
        "1 place corrections",
    )
