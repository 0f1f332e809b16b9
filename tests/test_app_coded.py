"""The page shows coded events: one marker and one row per happening, with its source count."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from app_harness import started_app, table_rows
from fake_pipeline import FakePipeline
from streamlit.testing.v1 import AppTest

from geo.records import Article
from geo.store.store import EventStore
from geo.web import appstate as view

#: Two outlets tell the fight for Palmyra on one day; a third article tells another fight a week later.
REPORTS = (
    (date(2016, 3, 27), "Levant Monitor", "Troops fought their way into Palmyra on Sunday."),
    (date(2016, 3, 27), "Desert Courier", "Troops fought for Palmyra through Sunday, pushing into its centre."),
    (date(2016, 4, 3), "Desert Courier", "Troops fought off a counter-attack at Palmyra."),
)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    path = tmp_path / "events.sqlite"
    parser = FakePipeline()
    with EventStore.open(path) as store:
        for published, source, text in REPORTS:
            article = Article(text, title="Palmyra", published=published, source=source)
            store.add_batch([(article, parser.events(article))])
    at = started_app(path, monkeypatch)
    assert not at.exception, at.exception
    return at


def test_the_table_has_one_row_per_happening_with_its_sources(app: AppTest) -> None:
    frame = table_rows(app)
    assert sorted(frame["sources"]) == [1, 2]
    merged = frame[frame["sources"] == 2].iloc[0]
    assert merged["event_date"].date() == date(2016, 3, 27)


def test_the_map_popup_tells_how_many_sources_report_the_event(app: AppTest) -> None:
    [script] = [
        json.loads(c.proto.json_args)["script"]
        for c in app.get("component_instance")
        if "conflictmap.draw(" in json.loads(c.proto.json_args)["script"]
    ]
    assert "2 sources" in script
    assert "3 sources" not in script


def test_the_timeline_counts_events_or_on_request_reports(tmp_path: Path) -> None:
    parser = FakePipeline()
    with EventStore.open(tmp_path / "events.sqlite") as store:
        for published, source, text in REPORTS:
            article = Article(text, title="Palmyra", published=published, source=source)
            store.add_batch([(article, parser.events(article))])
        coded = store.coded_events()
    assert view.daily_counts(coded)["events"].sum() == 2
    assert view.daily_counts(coded, coverage=True)["events"].sum() == 3


def test_the_page_offers_counting_coverage(app: AppTest) -> None:
    app.toggle(key="timeline_coverage").set_value(True).run()
    assert not app.exception, app.exception
    assert app.session_state["timeline_coverage"] is True


def test_splitting_an_article_off_the_event_shown_makes_two_events(app: AppTest) -> None:
    frame = table_rows(app)
    merged_id = frame[frame["sources"] == 2].iloc[0]["event_id"]
    app.session_state["selected_id"] = merged_id
    app.run()
    choice = app.selectbox(key="split_choice")
    choice.select_index(next(i for i, label in enumerate(choice.options) if "Desert Courier" in label)).run()
    app.button(key="split_report").click().run()
    assert not app.exception, app.exception
    assert list(table_rows(app)["sources"]) == [1, 1, 1]


def test_a_merged_events_popup_names_its_other_outlets() -> None:
    from palmyra import palmyra_event

    from geo.map.mapview import event_html
    from geo.records import EventReport

    reports = tuple(
        EventReport(f"a{n}", source, "Palmyra retaken.") for n, source in enumerate(("Reuters", "AFP", "SANA"))
    )
    text = event_html(palmyra_event(sources=3, reports=reports))
    assert "3 sources" in text and "also AFP, SANA" in text
    assert "sources" not in event_html(palmyra_event())
