from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.errors import InputError, StoreError
from geo.filters import EventFilter
from geo.records import EVENT_PROPERTIES, Article, Event, PlaceOverride
from geo.store.store import EVENT_COLUMNS, SCHEMA_VERSION, EventStore, default_db_path

ARTICLES = (
    Article(
        "Government forces fought their way into Palmyra. Talks resumed in Geneva.",
        title="Army enters Palmyra",
        published=date(2016, 3, 24),
        source="Wire",
    ),
    Article(
        "Shelling hit Aleppo overnight. Families fled Raqqa. Aid reached Damascus.",
        title="Überblick: Aleppo",
        published=date(2016, 3, 25),
        source="Zeitung",
    ),
    Article(
        "Kerry arrived in Moscow for a visit. Forces clashed near Mariupol.",
        title="Kerry in Moscow",
        published=None,
        source="Wire",
    ),
)


def parsed(article: Article) -> tuple[Event, ...]:
    return FakePipeline().events(article)


def event(n: int, **changes) -> Event:
    base = Event(
        event_id=f"e{n:04d}",
        event_type="frontline",
        sub_event_type="armed_clash",
        event_date=date(2016, 3, 1) + timedelta(days=n % 40),
        date_precision=1,
        place="Tadmur",
        mention="Palmyra",
        lat=34.56,
        lon=38.28,
        geonameid=170575,
        country_code="SY",
        admin1="Homs",
        feature_code="PPL",
        geo_precision=1,
        quote="Forces fought in Palmyra.",
        article_id="",
        title="",
        published=None,
        source="Wire",
        url="",
        confidence=0.8,
    )
    return replace(base, **changes)


@pytest.fixture()
def store(tmp_path: Path):
    with EventStore.open(tmp_path / "events.sqlite") as s:
        yield s


@pytest.fixture()
def filled(store: EventStore) -> EventStore:
    store.add_batch([(a, parsed(a)) for a in ARTICLES])
    return store


# -- adding ------------------------------------------------------------------


def test_adding_the_same_articles_again_adds_nothing_and_keeps_every_event_id(filled: EventStore) -> None:
    before = filled.query()
    assert filled.add_batch([(a, parsed(a)) for a in ARTICLES]) == 0
    assert filled.query() == before
    assert len({e.event_id for e in before}) == len(before) > 0


def test_same_text_under_another_name_is_the_same_article(filled: EventStore) -> None:
    renamed = replace(ARTICLES[0], title="Another file name")
    assert filled.add_batch([(renamed, parsed(renamed))]) == 0


def test_add_articles_counts_new_articles_and_new_events(store: EventStore) -> None:
    counts = store.add_articles([(a, parsed(a)) for a in ARTICLES])
    assert counts.articles == 3
    assert counts.events == sum(len(parsed(a)) for a in ARTICLES) == store.count()


def test_an_article_with_no_events_is_remembered(store: EventStore) -> None:
    quiet = Article("Nothing happened anywhere today.")
    assert store.add_batch([(quiet, ())]) == 1
    assert store.has_articles([quiet.article_id, "unknown"]) == {quiet.article_id}


def test_events_of_another_article_are_refused_and_nothing_is_written(store: EventStore) -> None:
    with pytest.raises(InputError, match="do not belong"):
        store.add_batch([(ARTICLES[0], ()), (ARTICLES[1], parsed(ARTICLES[0]))])
    assert store.article_count() == 0


def test_a_batch_is_one_transaction(store: EventStore) -> None:
    broken = parsed(ARTICLES[1])[0]
    object.__setattr__(broken, "lat", float("nan"))  # SQLite refuses NaN in a NOT NULL column
    with pytest.raises(StoreError, match="NOT NULL"):
        store.add_batch([(ARTICLES[0], parsed(ARTICLES[0])), (ARTICLES[1], (broken,))])
    assert store.article_count() == 0 and store.count() == 0


def test_article_comes_back_as_stored(filled: EventStore) -> None:
    assert filled.article(ARTICLES[1].article_id) == ARTICLES[1]
    assert filled.article("no-such-id") is None


def test_has_articles_answers_for_more_ids_than_one_query_may_bind(filled: EventStore) -> None:
    ids = [f"id{i}" for i in range(2500)] + [ARTICLES[2].article_id]
    assert filled.has_articles(ids) == {ARTICLES[2].article_id}


def test_imported_events_are_deduplicated_by_event_id(store: EventStore) -> None:
    events = [event(i, origin="acled") for i in range(5)]
    assert store.add_events(events) == 5
    assert store.add_events(events + [event(9, origin="acled")]) == 1
    assert store.count() == 6


def test_replace_events_swaps_one_articles_events_only(filled: EventStore) -> None:
    target = ARTICLES[0]
    others = [e for e in filled.query() if e.article_id != target.article_id]
    corrected = [replace(e, lat=35.0, place="Corrected") for e in parsed(target)]
    filled.replace_events(target.article_id, corrected)
    after = filled.query()
    assert [e for e in after if e.article_id != target.article_id] == others
    assert {e.place for e in after if e.article_id == target.article_id} == {"Corrected"}


def test_replace_events_needs_an_article_id(filled: EventStore) -> None:
    with pytest.raises(InputError):
        filled.replace_events("", [])


# -- overrides ---------------------------------------------------------------


def test_an_override_for_the_same_mention_replaces_the_earlier_one_ignoring_case_and_accents(store: EventStore) -> None:
    store.add_override(PlaceOverride("Palmyrá", 1, "Wrong", 10.0, 10.0, "XX"))
    store.add_override(PlaceOverride("PALMYRA", 170575, "Tadmur", 34.56, 38.28, "SY"))
    store.add_override(PlaceOverride("Palmyra", 4, "Palmyra NY", 43.06, -77.23, "US", article_id="a1"))
    assert [(o.name, o.article_id) for o in store.overrides()] == [("Tadmur", ""), ("Palmyra NY", "a1")]


# -- the version readers cache by ----------------------------------------------


def test_every_write_changes_the_version_another_connection_reads(store: EventStore) -> None:
    seen = [store.version()]
    with EventStore.open(store.path, readonly=True) as reader:
        article = ARTICLES[0]
        store.add_batch([(article, parsed(article))])
        seen.append(reader.version())
        store.add_events([event(1)])
        seen.append(reader.version())
        # The same mention corrected twice leaves every count as it was: the version still moves.
        for place in ("Tadmur", "Palmyra NY"):
            store.add_override(PlaceOverride("Palmyra", 1, place, 34.56, 38.28, "SY"))
            seen.append(reader.version())
        store.replace_events(article.article_id, ())
        seen.append(reader.version())
    assert len(set(seen)) == len(seen), seen


def test_a_write_sqlite_refuses_leaves_the_version_as_it_was(
    store: EventStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_events([event(1)])
    before = store.version()
    # A row of NULLs breaks the NOT NULL columns halfway through the transaction.
    monkeypatch.setattr("geo.store.store._event_row", lambda e: (None,) * len(EVENT_COLUMNS))
    with pytest.raises(StoreError):
        store.add_events([event(2)])
    assert store.version() == before
    assert store.count() == 1


# -- reading -----------------------------------------------------------------


def test_counts_dates_and_distinct_values(filled: EventStore) -> None:
    events = filled.query()
    assert filled.count() == len(events)
    counts = filled.counts_by_type()
    assert set(counts) == {"frontline", "diplomacy", "humanitarian", "other"}
    assert sum(counts.values()) == len(events)
    assert counts["humanitarian"] == sum(e.event_type == "humanitarian" for e in events) > 0
    assert filled.date_range() == (date(2016, 3, 24), date(2016, 3, 25))  # undated ones left out
    assert filled.distinct("country_code") == ["CH", "RU", "SY", "UA"]
    assert filled.distinct("source") == ["Wire", "Zeitung"]


def test_distinct_refuses_a_column_a_widget_cannot_use(filled: EventStore) -> None:
    with pytest.raises(InputError, match="quote"):
        filled.distinct("quote")


def test_date_range_of_an_empty_store_is_none(store: EventStore) -> None:
    assert store.date_range() is None


def test_query_frame_has_one_row_per_event_with_the_record_columns(filled: EventStore) -> None:
    frame = filled.query_frame(EventFilter(country_codes=frozenset({"SY"})))
    events = filled.query(EventFilter(country_codes=frozenset({"SY"})))
    assert list(frame.columns) == [*EVENT_PROPERTIES, "lat", "lon"]
    assert frame["event_id"].tolist() == [e.event_id for e in events]
    assert frame["lat"].tolist() == [e.lat for e in events]
    assert frame["event_date"].dt.date.tolist() == [e.event_date for e in events]


def test_limit_returns_the_first_events_in_order(filled: EventStore) -> None:
    assert filled.query(limit=2) == filled.query()[:2]


# -- the filter in SQL has EventFilter.matches' semantics ----------------------

DATES = [None] + [date(2016, 3, 1) + timedelta(days=d) for d in range(0, 30, 3)]
TEXTS = [
    "Forces fought in Palmyra.",
    "Talks in GENÈVE resumed.",
    "Die Straße nach Aleppo",
    "100% of aid_convoys",
    "ÉTAT islamique",
]
SOURCES = ["Wire", "Zeitung", ""]


def synthetic_events() -> list[Event]:
    events = []
    for n in range(120):
        events.append(
            event(
                n,
                event_type=("frontline", "diplomacy", "humanitarian", "other")[n % 4],
                event_date=DATES[n % len(DATES)],
                lat=(-90.0, -10.5, 0.0, 34.56, 45.123456789, 90.0)[n % 6],
                lon=(-180.0, -0.1, 6.15, 38.28, 179.999999, 180.0)[n % 7 % 6],
                country_code=("SY", "UA", "CH", "")[n % 4 if n % 5 else 0],
                source=SOURCES[n % 3],
                origin=("conflictmap", "acled", "gdelt")[n % 3 if n % 2 else 0],
                confidence=(0.0, 0.25, 0.5, 0.9, 1.0)[n % 5],
                quote=TEXTS[n % len(TEXTS)],
                title=TEXTS[(n + 2) % len(TEXTS)] if n % 4 == 1 else "",
                place=("Tadmur", "Genève", "Kyiv")[n % 3],
                mention=("Palmyra", "Geneva", "Kiev")[n % 3],
            )
        )
    return events


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def synthetic_store(tmp_path_factory: pytest.TempPathFactory):
    with EventStore.open(tmp_path_factory.mktemp("synthetic") / "events.sqlite") as s:
        s.add_events(synthetic_events())
        yield s


coordinates = st.sampled_from(
    [-180.0, -90.0, -10.5, -0.1, 0.0, 6.15, 34.56, 38.28, 45.123456789, 90.0, 179.999999, 180.0]
)


@st.composite
def filters(draw) -> EventFilter:
    dates = sorted(draw(st.lists(st.sampled_from(DATES[1:]), min_size=0, max_size=2)))
    date_from = dates[0] if dates and draw(st.booleans()) else None
    date_to = dates[-1] if dates and draw(st.booleans()) else None
    bbox = None
    if draw(st.booleans()):
        lons = sorted((draw(coordinates), draw(coordinates)))
        lats = sorted((max(-90.0, min(90.0, draw(coordinates))), max(-90.0, min(90.0, draw(coordinates)))))
        bbox = (lons[0], lats[0], lons[1], lats[1])
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        event_types=frozenset(draw(st.sets(st.sampled_from(["frontline", "diplomacy", "humanitarian", "other"])))),
        country_codes=frozenset(draw(st.sets(st.sampled_from(["SY", "UA", "CH", "RU"])))),
        sources=frozenset(draw(st.sets(st.sampled_from(SOURCES)))),
        origins=frozenset(draw(st.sets(st.sampled_from(["conflictmap", "acled", "gdelt"])))),
        bbox=bbox,
        min_confidence=draw(st.sampled_from([0.0, 0.25, 0.5, 0.9, 1.0])),
        text=draw(st.sampled_from(["", "palmyra", "genève", "GENEVE", "STRASSE", "straße", "%", "_", "état", "kiev"])),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flt=filters())
def test_query_returns_exactly_the_events_the_filter_matches(synthetic_store: EventStore, flt: EventFilter) -> None:
    everything = synthetic_store.query()
    expected = [e for e in everything if flt.matches(e)]
    assert synthetic_store.query(flt) == expected
    assert synthetic_store.count(flt) == len(expected)
    assert sum(synthetic_store.counts_by_type(flt).values()) == len(expected)


def test_a_point_on_the_bbox_edge_is_inside(store: EventStore) -> None:
    # the box is compared at full precision (45.123456789 is not a 32-bit float)
    store.add_events([event(1, lat=45.123456789, lon=6.123456789)])
    edge = EventFilter(bbox=(6.123456789, 45.123456789, 7.0, 46.0))
    assert [e.event_id for e in store.query(edge)] == ["e0001"]
    assert store.query(EventFilter(bbox=(6.1234568, 45.1234568, 7.0, 46.0))) == []


def test_text_filter_folds_case_beyond_ascii(store: EventStore) -> None:
    store.add_events([event(1, quote="Die Straße nach Aleppo"), event(2, quote="L'ÉTAT a dit")])
    assert [e.event_id for e in store.query(EventFilter(text="STRASSE"))] == ["e0001"]
    assert [e.event_id for e in store.query(EventFilter(text="état"))] == ["e0002"]
    assert store.query(EventFilter(text="%")) == []  # not a wildcard


# -- opening -----------------------------------------------------------------


def test_a_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as s:
        s.add_events([event(1)])
    with EventStore.open(path, readonly=True) as s:
        assert s.count() == 1
        with pytest.raises(StoreError, match="read-only"):
            s.add_events([event(2)])


def test_opening_a_missing_store_read_only_says_to_ingest_first(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="ingest or import"):
        EventStore.open(tmp_path / "none.sqlite", readonly=True)
    assert not (tmp_path / "none.sqlite").exists()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="events.sqlite"):
        EventStore.open(path)


def test_a_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.sqlite"
    EventStore.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer"):
        EventStore.open(path)


def test_a_new_store_records_its_schema_version_and_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "events.sqlite"
    EventStore.open(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CONFLICTMAP_DB", str(tmp_path / "elsewhere.sqlite"))
    assert default_db_path() == tmp_path / "elsewhere.sqlite"
    monkeypatch.delenv("CONFLICTMAP_DB")
    assert default_db_path().name == "events.sqlite"


def test_import_parquet_loads_a_folder_of_geoparquet_once(tmp_path: Path, store: EventStore) -> None:
    from geo.store.frames import write_events_parquet

    write_events_parquet([event(i) for i in range(3)], tmp_path / "parts" / "a.parquet")
    write_events_parquet([event(i) for i in range(2, 6)], tmp_path / "parts" / "b.parquet")
    assert store.import_parquet(tmp_path / "parts") == 6
    assert store.import_parquet(tmp_path / "parts") == 0
    assert [e.event_id for e in store.query()] == [f"e{i:04d}" for i in range(6)]
