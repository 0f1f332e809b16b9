"""The article panel's corrections beyond the place, driven through Streamlit's AppTest:
an event's type, sub-type and date, deleting an event and undoing it, and placing a name
the parser could not place. Articles written here, parsed by the suite's fake pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from app_harness import APP, RUN_TIMEOUT_S, point_app_at, table_rows
from fake_pipeline import FakePipeline
from streamlit.testing.v1 import AppTest

from geo.records import Article
from geo.store.store import EventStore

KERRY = Article(
    "Kerry arrived in Moscow for a visit. Shelling hit the village of Zarvenka overnight. Families fled Aleppo.",
    title="Kerry in Moscow",
    published=date(2016, 3, 24),
    source="Demo Wire",
)
TALKS = Article("Delegations met for talks in Geneva.", title="Geneva talks", published=date(2016, 2, 1), source="Wire")


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_batch([(a, FakePipeline().events(a)) for a in (KERRY, TALKS)])
    point_app_at(path, monkeypatch)
    return path


@pytest.fixture
def app(store_path: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    return at


def stored(store_path: Path) -> dict[str, tuple[str, str, date | None]]:
    with EventStore.open(store_path) as store:
        return {e.mention: (e.event_type, e.sub_event_type, e.event_date) for e in store.query()}


def select(at: AppTest, store_path: Path, mention: str) -> None:
    with EventStore.open(store_path) as store:
        [event] = [e for e in store.query() if e.mention == mention]
    at.session_state["selected_id"] = event.event_id
    at.run()
    assert not at.exception, at.exception


def notice(at: AppTest) -> str:
    return " ".join(m.value for m in (*at.success, *at.warning, *at.error))


def test_the_panel_corrects_type_sub_type_and_date(app: AppTest, store_path: Path) -> None:
    select(app, store_path, "Moscow")
    assert app.selectbox(key="fix_type").value == "diplomacy"
    app.selectbox(key="fix_type").set_value("frontline").run()
    # The sub-types follow the type chosen.
    assert "air strike" in app.selectbox(key="fix_sub").options
    app.selectbox(key="fix_sub").set_value("air_strike")
    app.date_input(key="fix_date").set_value(date(2016, 3, 20))
    app.button(key="fix_save").click().run()
    assert not app.exception, app.exception
    assert stored(store_path)["Moscow"] == ("frontline", "air_strike", date(2016, 3, 20))
    assert "Corrected the event" in notice(app)
    frame = table_rows(app)
    row = frame[frame["mention"] == "Moscow"].iloc[0]
    assert (row["event_type"], row["sub_event_type"]) == ("frontline", "air_strike")


def test_deleting_an_event_then_undoing_it(app: AppTest, store_path: Path) -> None:
    select(app, store_path, "Moscow")
    app.button(key="fix_delete").click().run()
    assert not app.exception, app.exception
    assert "Moscow" not in stored(store_path)
    assert "Moscow" not in set(table_rows(app)["mention"])
    # The article stays open on its other event, which offers to put it back.
    with EventStore.open(store_path) as store:
        [aleppo] = [e for e in store.query() if e.mention == "Aleppo"]
    assert app.session_state["selected_id"] == aleppo.event_id
    [offered] = app.selectbox(key="fix_undo_choice").options
    assert "Moscow" in offered and "deleted" in offered
    app.button(key="fix_undo").click().run()
    assert not app.exception, app.exception
    assert stored(store_path)["Moscow"] == ("diplomacy", "visit", date(2016, 3, 24))
    assert "Moscow" in set(table_rows(app)["mention"])


def test_a_name_we_could_not_place_is_placed_from_the_panel(app: AppTest, store_path: Path) -> None:
    select(app, store_path, "Moscow")
    app.button(key="unplaced_list").click().run()
    assert app.radio(key="unplaced_choice").options == ["Zarvenka"]
    app.text_input(key="unplaced_query").input("Avdiivka")
    app.button(key="unplaced_look_up").click().run()
    assert not app.exception, app.exception
    labels = app.radio(key="unplaced_pick").options
    assert labels and "Donetsk" in labels[0]
    app.button(key="place_unplaced").click().run()
    assert not app.exception, app.exception
    assert stored(store_path)["Zarvenka"] == ("frontline", "shelling", date(2016, 3, 24))
    assert "Zarvenka" in set(table_rows(app)["mention"])
    with EventStore.open(store_path) as store:
        [placed] = [e for e in store.query() if e.mention == "Zarvenka"]
    assert app.session_state["selected_id"] == placed.event_id
    assert placed.country_code == "UA"


def test_the_corrections_keep_to_declared_session_keys(app: AppTest, store_path: Path) -> None:
    from geo.web.appstate import session_key_declared

    select(app, store_path, "Moscow")
    app.button(key="fix_save").click().run()
    app.button(key="unplaced_list").click().run()
    app.button(key="unplaced_look_up").click().run()
    assert [k for k in app.session_state if not session_key_declared(k)] == []
