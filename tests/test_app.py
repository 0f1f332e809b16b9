"""The map page (``app.py``) driven through Streamlit's AppTest.

Each test gets its own event store (``$CONFLICTMAP_DB`` in a temporary folder)
filled with short articles written here and parsed by the suite's fake pipeline
(``$CONFLICTMAP_PIPELINE``), plus a few imported events, so nothing needs the
language model except the tests marked ``model``.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
import streamlit as st
from app_harness import APP, RUN_TIMEOUT_S, point_app_at, table_rows
from fake_pipeline import FakePipeline
from streamlit.testing.v1 import AppTest

from geo.records import Article, Event
from geo.store.store import EventStore

#: (published, source, title, text): the fake pipeline finds Palmyra, Raqqa, Aleppo,
#: Damascus, Geneva and Moscow, and types a sentence by its keywords.
ARTICLES = (
    (
        date(2016, 2, 1),
        "Demo Wire",
        "Talks open in Geneva",
        "Delegations met for talks in Geneva on Monday. Envoys spoke of a long road.",
    ),
    (
        date(2016, 2, 17),
        "Levant Monitor",
        "Aid reaches Damascus suburbs",
        "A convoy brought aid to families near Damascus. Drivers waited for hours at checkpoints.",
    ),
    (
        date(2016, 3, 24),
        "Demo Wire",
        "Kerry in Moscow",
        "The secretary of state arrived for a visit to Moscow. He met the foreign minister.",
    ),
    (
        date(2016, 3, 27),
        "Levant Monitor",
        "Palmyra retaken",
        "Troops fought their way into Palmyra on Sunday. The ancient site was damaged.\n\n"
        "Engineers began clearing mines <b>near the theatre</b>.",
    ),
    (
        date(2016, 5, 24),
        "Gulf Ledger",
        "Offensive north of Raqqa",
        "Fighters clashed with militants north of Raqqa. Residents fled south.",
    ),
)

#: Imported events: an ACLED row in Yemen and a weak GDELT event.
IMPORTED = (
    Event(
        event_id="acled-YEM1",
        event_type="frontline",
        sub_event_type="bombing",
        event_date=date(2016, 5, 23),
        date_precision=1,
        place="Aden",
        mention="Aden",
        lat=12.7794,
        lon=45.0367,
        geonameid=415189,
        country_code="YE",
        admin1="Aden",
        feature_code="PPLA",
        geo_precision=1,
        quote="Two bombings hit army recruits in Aden.",
        article_id="",
        title="",
        published=None,
        source="Sample Agency",
        url="",
        confidence=1.0,
        origin="acled",
    ),
    Event(
        event_id="gdelt-1",
        event_type="other",
        sub_event_type="statement",
        event_date=date(2016, 4, 2),
        date_precision=1,
        place="Aleppo",
        mention="Aleppo",
        lat=36.2021,
        lon=37.1343,
        geonameid=170063,
        country_code="SY",
        admin1="Aleppo",
        feature_code="PPLA",
        geo_precision=1,
        quote="A statement on Aleppo.",
        article_id="",
        title="",
        published=None,
        source="GDELT",
        url="",
        confidence=0.3,
        origin="gdelt",
    ),
)

ACLED_CSV = (
    "event_id_cnty,event_date,event_type,sub_event_type,country,admin1,location,latitude,longitude,"
    "geo_precision,time_precision,source,notes\n"
    "YEM9001,2016-08-15,Explosions/Remote violence,Air/drone strike,Yemen,Hajjah,Abs,16.0500,43.1900,"
    "1,1,Sample Agency,An air strike hit a hospital in Abs.\n"
)


def stored_articles() -> list[tuple[Article, tuple[Event, ...]]]:
    parser = FakePipeline()
    items = []
    for published, source, title, text in ARTICLES:
        article = Article(text, title=title, published=published, source=source, url="https://example.org/a")
        items.append((article, parser.events(article)))
    return items


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_batch(stored_articles())
        store.add_events(IMPORTED)
    point_app_at(path, monkeypatch)
    return path


@pytest.fixture
def app(store_path: Path) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    return at


def table(at: AppTest):
    return table_rows(at)


def places(at: AppTest) -> set[str]:
    return set(table(at)["place"])


def total_stored(store_path: Path) -> int:
    with EventStore.open(store_path) as store:
        return store.count()


def article_html(at: AppTest) -> str:
    return "".join(element.proto.body for element in at.get("html"))


# ---------------------------------------------------------------------------
# what the first page shows


def test_first_page_lists_every_stored_event(app: AppTest, store_path: Path) -> None:
    assert len(table(app)) == total_stored(store_path)
    assert places(app) == {"Geneva", "Damascus", "Moscow", "Palmyra", "Raqqa", "Aden", "Aleppo"}


def test_sidebar_counts_events_per_type(app: AppTest, store_path: Path) -> None:
    counts = " ".join(m.value for m in app.sidebar.markdown)
    frame = table(app)
    for label, event_type in (("Frontline", "frontline"), ("Diplomacy", "diplomacy"), ("Humanitarian", "humanitarian")):
        assert f"{label}: **{(frame['event_type'] == event_type).sum():,}**" in counts


def test_page_credits_geonames_and_natural_earth(app: AppTest) -> None:
    footer = " ".join(c.value for c in app.caption)
    assert "GeoNames" in footer and "CC BY 4.0" in footer and "Natural Earth" in footer


def test_page_offers_geojson_and_csv_downloads(app: AppTest) -> None:
    labels = {b.label for b in app.get("download_button")}
    assert {"GeoJSON", "CSV"} <= labels


# ---------------------------------------------------------------------------
# filters


def test_type_filter_keeps_only_that_type(app: AppTest) -> None:
    app.multiselect(key="f_types").set_value(["diplomacy"]).run()
    assert set(table(app)["event_type"]) == {"diplomacy"}
    assert places(app) == {"Geneva", "Moscow"}


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("f_countries", ["YE"], {"Aden"}),
        ("f_sources", ["Gulf Ledger"], {"Raqqa"}),
        ("f_origins", ["acled", "gdelt"], {"Aden", "Aleppo"}),
    ],
)
def test_sidebar_filters_narrow_the_table(app: AppTest, key: str, value: list[str], expected: set[str]) -> None:
    app.multiselect(key=key).set_value(value).run()
    assert places(app) == expected


def test_text_search_finds_words_of_the_quote(app: AppTest) -> None:
    app.text_input(key="f_text").input("convoy").run()
    assert places(app) == {"Damascus"}


def test_minimum_confidence_hides_weak_events(app: AppTest) -> None:
    app.slider(key="f_confidence").set_value(0.5).run()
    assert "Aleppo" not in places(app)
    assert (table(app)["confidence"] >= 0.5).all()


# ---------------------------------------------------------------------------
# time


def test_moving_the_slider_keeps_only_events_in_the_window(app: AppTest) -> None:
    app.slider(key="window").set_value((date(2016, 3, 20), date(2016, 3, 31))).run()
    assert places(app) == {"Moscow", "Palmyra"}


def map_data(at: AppTest) -> dict:
    """What the page hands the map's script: its events, markers and time control."""
    [component] = [
        c for c in at.get("component_instance") if "conflictmap.draw(" in json.loads(c.proto.json_args)["script"]
    ]
    script = json.loads(component.proto.json_args)["script"]
    start = script.index("conflictmap.draw(")
    start = script.index("{", start)  # past the map's variable name
    data, _ = json.JSONDecoder().raw_decode(script, start)
    return data


def test_the_map_gets_the_events_in_view_once_and_plays_them_itself(app: AppTest) -> None:
    data = map_data(app)
    assert data["total"] == len(table(app))
    # 1 February to 24 May: 3 days a step plays it in 38 steps.
    assert data["timeline"]["stepDays"] == 3 and data["timeline"]["windowDays"] == 0
    app.slider(key="window").set_value((date(2016, 3, 20), date(2016, 3, 31))).run()
    assert map_data(app)["total"] == len(table(app)) == 2  # Moscow's visit, the fight for Palmyra
    assert not [b for b in app.button if b.label in ("Play", "Pause")]  # play is the map's own


def window_of(at: AppTest) -> tuple[date, date]:
    return tuple(at.session_state["window"])


def test_quick_ranges_count_back_from_the_newest_event_and_all_brings_everything_back(
    app: AppTest, store_path: Path
) -> None:
    app.button(key="range_30").click().run()
    assert window_of(app) == (date(2016, 4, 25), date(2016, 5, 24))
    assert places(app) == {"Raqqa", "Aden"}  # Aleppo's statement of 2 April is older
    data = map_data(app)
    assert data["day0"] == "2016-04-25"  # the map's player starts where the range starts
    assert data["timeline"]["stepDays"] == 1  # and plays a month a day at a time
    app.button(key="range_7").click().run()
    assert window_of(app) == (date(2016, 5, 18), date(2016, 5, 24))
    app.button(key="range_all").click().run()
    assert len(table(app)) == total_stored(store_path)


def test_the_map_fits_the_events_a_filter_leaves_unless_its_frame_is_kept(app: AppTest) -> None:
    everything = map_data(app)["bounds"]
    app.multiselect(key="f_countries").set_value(["SY"]).run()
    syria = map_data(app)["bounds"]
    assert syria != everything and syria[0][0] > 30  # the south edge moves up from Aden to Syria
    app.checkbox(key="keep_frame").check().run()
    app.multiselect(key="f_countries").set_value([]).run()
    assert map_data(app)["bounds"] == syria


def test_a_short_period_has_no_months_slider(app: AppTest) -> None:
    assert not [s for s in app.select_slider if s.label == "Months"]


@pytest.fixture
def stray_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The page on sixty events of spring 2016 and one dated 2013 by mistake."""
    path = tmp_path / "events.sqlite"
    spring = [
        replace(IMPORTED[0], event_id=f"spring-{i}", event_date=date(2016, 3, 1) + timedelta(days=i)) for i in range(60)
    ]
    stray = replace(IMPORTED[1], event_id="stray", event_date=date(2013, 6, 5))
    with EventStore.open(path) as store:
        store.add_events([*spring, stray])
    point_app_at(path, monkeypatch)
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_page_opens_on_the_weeks_holding_the_events_not_on_a_stray_date(stray_app: AppTest) -> None:
    assert window_of(stray_app) == (date(2016, 2, 29), date(2016, 4, 29))  # Monday before 1 March to the last event
    assert "1 event with a stray date lies outside" in " ".join(c.value for c in stray_app.sidebar.caption)
    assert len(table(stray_app)) == 60 and "Aleppo" not in places(stray_app)
    assert map_data(stray_app)["day0"] == "2016-02-29"
    stray_app.button(key="range_all").click().run()
    assert len(table(stray_app)) == 61
    stray_app.button(key="range_main").click().run()
    assert window_of(stray_app) == (date(2016, 2, 29), date(2016, 4, 29))


def test_over_years_the_months_slider_picks_whole_months(stray_app: AppTest) -> None:
    [months] = [s for s in stray_app.select_slider if s.label == "Months"]
    assert months.value == (date(2016, 2, 1), date(2016, 4, 1))
    months.set_value((date(2016, 3, 1), date(2016, 3, 1))).run()
    assert window_of(stray_app) == (date(2016, 3, 1), date(2016, 3, 31))
    assert len(table(stray_app)) == 31
    assert stray_app.slider(key="window").value == (date(2016, 3, 1), date(2016, 3, 31))


# ---------------------------------------------------------------------------
# selecting an event


def click_marker(at: AppTest, lat: float, lon: float, tooltip: str = "") -> None:
    """What the map's click callback records: the point and tooltip the browser sent."""
    at.session_state["click"] = (lat, lon, tooltip)
    at.session_state["selected_id"] = None
    at.session_state["table_round"] = at.session_state["table_round"] + 1
    at.run()


def test_clicking_a_marker_shows_its_article_with_the_quote_marked(app: AppTest) -> None:
    click_marker(app, 34.56, 38.28)
    body = article_html(app)
    assert "Palmyra retaken" in body
    assert "<mark>Troops fought their way into Palmyra on Sunday.</mark>" in body
    assert table(app).iloc[0]["place"] == "Palmyra"


def test_article_text_is_escaped_in_the_reading_pane(app: AppTest) -> None:
    click_marker(app, 34.56, 38.28)
    body = article_html(app)
    assert "&lt;b&gt;near the theatre&lt;/b&gt;" in body
    assert "<b>near the theatre" not in body


def test_a_click_beside_every_marker_selects_nothing(app: AppTest) -> None:
    click_marker(app, 0.0, 0.0)
    assert "Palmyra retaken" not in article_html(app)
    assert any("Click a marker" in i.value for i in app.info)


def test_tooltip_tells_apart_two_markers_at_one_place(app: AppTest) -> None:
    # Aleppo has only the GDELT statement; its tooltip names the marker exactly.
    click_marker(app, 36.3, 37.3, "Aleppo \u2014 other, 2016-04-02")
    assert table(app).iloc[0]["event_id"] == "gdelt-1"
    assert "A statement on Aleppo." in article_html(app)


# ---------------------------------------------------------------------------
# adding articles and event files


def test_uploading_an_acled_csv_puts_its_events_in_view(app: AppTest, store_path: Path) -> None:
    before = total_stored(store_path)
    app.file_uploader(key="uploads_0").set_value(("acled.csv", ACLED_CSV.encode(), "text/csv"))
    app.run()
    app.button(key="add_files").click().run()
    assert not app.exception
    assert total_stored(store_path) == before + 1
    assert any("1 imported event" in s.value for s in app.success)
    assert "Abs" in places(app)


def test_an_unreadable_upload_is_reported_and_nothing_is_added(app: AppTest, store_path: Path) -> None:
    before = total_stored(store_path)
    app.file_uploader(key="uploads_0").set_value(("table.csv", b"just,some,columns\n1,2,3\n", "text/csv"))
    app.run()
    app.button(key="add_files").click().run()
    assert total_stored(store_path) == before
    assert any("not an ACLED CSV" in w.value for w in app.warning)


def test_pasting_an_article_adds_its_events_to_the_map(app: AppTest, store_path: Path) -> None:
    app.text_input(key="paste_title").input("Shelling in Aleppo")
    app.date_input(key="paste_published").set_value(date(2016, 6, 28))
    app.text_area(key="paste_text").input("Artillery shelled districts of Aleppo on Tuesday.")
    app.button(key="FormSubmitter:paste_form-Add the article").click().run()
    assert not app.exception
    frame = table(app)
    added = frame[frame["title"] == "Shelling in Aleppo"]
    assert list(added["place"]) == ["Aleppo"]
    assert list(added["event_type"]) == ["frontline"]
    assert app.text_area(key="paste_text").value == ""


def test_pasting_no_text_is_reported_and_adds_nothing(app: AppTest, store_path: Path) -> None:
    before = total_stored(store_path)
    app.text_area(key="paste_text").input("   ")
    app.button(key="FormSubmitter:paste_form-Add the article").click().run()
    assert not app.exception
    assert total_stored(store_path) == before
    assert [s.state for s in app.status] == ["error"]
    assert any("expected article text" in e.value for e in app.error)


def test_first_start_on_an_empty_store_loads_the_demo_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "empty.sqlite"
    monkeypatch.setenv("CONFLICTMAP_DB", str(path))
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S).run()
    assert not at.exception
    # What was read is said in a toast; no status box is left standing over the map.
    assert any("Demo corpus loaded" in t.value for t in at.toast)
    assert not at.status
    with EventStore.open(path) as store:
        assert store.article_count() == 61
        assert store.happening_count() == len(table(at)) > 0  # one row per happening


def test_first_start_without_a_parser_says_why_and_still_draws_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONFLICTMAP_DB", str(tmp_path / "empty.sqlite"))
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "no_such_module:load")
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S).run()
    assert not at.exception
    [status] = at.status
    assert status.state == "error" and "cannot load the pipeline" in status.label
    assert len(table(at)) == 0
    at.run()  # the next run does not try again
    assert not at.status


# ---------------------------------------------------------------------------
# several sessions, one store


def test_a_place_corrected_twice_elsewhere_shows_on_the_next_run(app: AppTest, store_path: Path) -> None:
    # Another tab or process corrects Palmyra twice: every count stays the same both times.
    from gazetteer.entry import Entry
    from geo.web import appactions

    def palmyra_countries() -> set[str]:
        frame = table(app)
        return set(frame[frame["mention"] == "Palmyra"]["country_code"])

    assert palmyra_countries() == {"SY"}
    for country, lat in (("US", 43.08), ("CA", 49.2)):
        entry = Entry(9_000_000 + int(lat), "Palmyra", lat, -77.2, country, "P", "PPL")
        with EventStore.open(store_path) as elsewhere:
            [wrong, *_] = [e for e in elsewhere.query() if e.mention == "Palmyra"]
            appactions.correct_place(wrong, entry, everywhere=True, store=elsewhere, pipeline=FakePipeline)
        app.run()
        assert palmyra_countries() == {country}


def test_each_browser_session_reads_through_a_connection_of_its_own(app: AppTest, store_path: Path) -> None:
    other = AppTest.from_file(APP, default_timeout=RUN_TIMEOUT_S).run()
    mine, theirs = app.session_state["store"], other.session_state["store"]
    assert mine is not theirs and mine.path == theirs.path == store_path


def test_the_page_keeps_no_session_key_it_does_not_declare(app: AppTest) -> None:
    from geo.web.appstate import session_key_declared

    click_marker(app, 34.56, 38.28)
    app.button(key="load_candidates").click().run()
    app.text_area(key="paste_text").input("Clashes were reported near Raqqa.")
    app.button(key="FormSubmitter:paste_form-Add the article").click().run()
    assert not app.exception
    assert [k for k in app.session_state if not session_key_declared(k)] == []


# ---------------------------------------------------------------------------
# correcting a place


def test_correcting_a_place_moves_the_event_and_applies_to_later_articles(app: AppTest, store_path: Path) -> None:
    click_marker(app, 34.56, 38.28)
    app.button(key="load_candidates").click().run()
    choices = app.radio(key="candidate_choice")
    # As the user reads them: the options are Markdown, escaped to show names as typed.
    labels = [re.sub(r"\\(.)", r"\1", option) for option in choices.options]
    american = next(i for i, label in enumerate(labels) if label.startswith("Palmyra") and ", US (" in label)
    choices.set_value(american).run()
    app.checkbox(key="correct_everywhere").check().run()
    app.button(key="apply_correction").click().run()
    assert not app.exception
    with EventStore.open(store_path) as store:
        moved = [e for e in store.query() if e.mention == "Palmyra"]
        assert {e.country_code for e in moved} == {"US"}
        assert [o.mention for o in store.overrides()] == ["Palmyra"]
    assert table(app).iloc[0]["country_code"] == "US"
    # A later article naming Palmyra lands where the correction says.
    app.text_input(key="paste_title").input("Palmyra again")
    app.text_area(key="paste_text").input("Clashes were reported near Palmyra.")
    app.button(key="FormSubmitter:paste_form-Add the article").click().run()
    # (It may join the corrected event as one more report of it, so the store tells where it landed.)
    with EventStore.open(store_path) as store:
        assert [e.country_code for e in store.query() if e.title == "Palmyra again"] == ["US"]
    assert "US" in set(table(app)["country_code"])


@pytest.mark.model
@pytest.mark.slow
def test_first_start_with_the_real_pipeline_maps_both_wars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "demo.sqlite"
    monkeypatch.setenv("CONFLICTMAP_DB", str(path))
    monkeypatch.delenv("CONFLICTMAP_PIPELINE", raising=False)
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=900).run()
    assert not at.exception
    dated = table(at).dropna(subset=["event_date"])
    found = {
        (row.mention, row.country_code, row.event_type, row.event_date.strftime("%Y-%m")) for row in dated.itertuples()
    }
    # One anchor per kind of event and per war, as the briefs tell them.
    assert ("Palmyra", "SY", "frontline", "2016-03") in found
    assert ("Madaya", "SY", "humanitarian", "2016-01") in found
    assert ("Geneva", "CH", "diplomacy", "2016-01") in found
    assert ("Aden", "YE", "frontline", "2016-05") in found
