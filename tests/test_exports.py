from __future__ import annotations

import csv
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from fake_pipeline import FakePipeline
from geojson_pydantic import FeatureCollection

from geo.cli.main import run
from geo.errors import ExportError, InputError
from geo.filters import EventFilter
from geo.formats.acled import ACLED_COLUMNS
from geo.formats.exports import (
    CSV_COLUMNS,
    export_store,
    write_acled_csv,
    write_csv,
    write_feature_collection,
    write_geojson,
    write_gpkg,
    write_parquet,
)
from geo.formats.imports import read_acled
from geo.records import EVENT_PROPERTIES, EXPORTED_CODED_FIELDS, Article, Event
from geo.store.frames import events_from_frame, read_events_parquet
from geo.store.store import EventStore

ARTICLES = (
    Article(
        "Government forces fought their way into Palmyra. Talks resumed in Geneva.",
        title="Army enters Palmyra",
        published=date(2016, 3, 24),
        source="Wire",
        url="https://example.org/a",
    ),
    Article(
        "Shelling hit Aleppo overnight. Families fled Raqqa. Aid reached Damascus.",
        title='Überblick: "Aleppo", Raqqa',
        published=date(2016, 3, 25),
        source="Zeitung",
    ),
    Article(
        "Kerry arrived in Moscow for a visit.\nForces clashed near Mariupol, 'again'.",
        title="Kerry in Moscow",
        published=None,
        source="Wire",
    ),
)


def sample_events() -> list[Event]:
    events = [e for a in ARTICLES for e in FakePipeline().events(a)]
    # imported events carry codes in extra and may lack a geonameid or a date
    events.append(
        replace(
            events[0],
            event_id="acled-1",
            origin="acled",
            geonameid=None,
            extra=(("event_id_cnty", "SYR1"), ("cameo_event_code", "0874")),
        )
    )
    events.append(replace(events[1], event_id="undated", event_date=None, published=None))
    return events


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "events.sqlite"
    with EventStore.open(path) as store:
        store.add_batch([(a, FakePipeline().events(a)) for a in ARTICLES])
    return path


def test_geojson_is_a_valid_rfc7946_collection_with_lon_lat_order(tmp_path: Path) -> None:
    events = sample_events()
    out = tmp_path / "events.geojson"
    assert write_geojson(events, out) == len(events)
    collection = FeatureCollection.model_validate_json(out.read_text(encoding="utf-8"))
    assert len(collection.features) == len(events)
    first = json.loads(out.read_text(encoding="utf-8"))["features"][0]
    assert first["geometry"]["coordinates"] == [events[0].lon, events[0].lat]
    assert list(first["properties"]) == [*EVENT_PROPERTIES, *EXPORTED_CODED_FIELDS]
    frame = gpd.read_file(out)
    assert len(frame) == len(events) and frame.crs.to_epsg() == 4326


def test_csv_holds_the_record_columns_plus_latitude_longitude(tmp_path: Path) -> None:
    events = sample_events()
    out = tmp_path / "events.csv"
    write_csv(events, out)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [float(r["latitude"]) for r in rows] == [e.lat for e in events]
    assert rows[-2]["extra"] == json.dumps({"event_id_cnty": "SYR1", "cameo_event_code": "0874"})
    assert rows[-1]["event_date"] == "" and rows[0]["event_date"] == "2016-03-24"
    assert rows[4]["title"] == 'Überblick: "Aleppo", Raqqa'


def test_acled_export_then_import_gives_back_the_same_events(tmp_path: Path) -> None:
    events = sample_events()
    out = tmp_path / "acled.csv"
    write_acled_csv(events, out)
    assert list(read_acled(out)) == events


def test_acled_export_uses_acled_columns_types_and_country_names(tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    write_acled_csv(sample_events(), out)
    with open(out, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    assert header[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    palmyra = next(r for r in rows if r["location"] == "Palmyra")
    assert (palmyra["event_type"], palmyra["sub_event_type"]) == ("Battles", "Armed clash")
    assert (palmyra["country"], palmyra["iso"], palmyra["country_code"]) == ("Syria", "760", "SY")
    assert palmyra["disorder_type"] == "Political violence"
    aleppo = next(r for r in rows if r["location"] == "Aleppo")
    assert (aleppo["event_type"], aleppo["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    geneva = next(r for r in rows if r["location"] == "Geneva")
    assert geneva["event_type"] == "Strategic developments"
    assert geneva["conflictmap_event_type"] == "diplomacy"
    moscow = next(r for r in rows if r["location"] == "Moscow")
    assert moscow["country"] == "Russia" and moscow["iso"] == "643"


def test_geopackage_has_an_events_point_layer_that_reads_back(tmp_path: Path) -> None:
    events = sample_events()
    out = tmp_path / "events.gpkg"
    assert write_gpkg(events, out) == len(events)
    info = pyogrio.read_info(out, layer="events")
    assert info["geometry_type"] == "Point" and info["features"] == len(events)
    assert events_from_frame(gpd.read_file(out, layer="events")) == events


def test_geopackage_shows_a_nul_as_a_replacement_character_and_keeps_the_rest(tmp_path: Path) -> None:
    event = replace(sample_events()[0], title="T\0itle", quote="before\0after")
    write_gpkg([event], tmp_path / "e.gpkg")
    write_parquet([event], tmp_path / "e.parquet")
    (back,) = events_from_frame(gpd.read_file(tmp_path / "e.gpkg", layer="events"))
    assert (back.title, back.quote) == ("T\ufffditle", "before\ufffdafter")
    # The formats that can hold a NUL keep it.
    (kept,) = events_from_frame(gpd.read_parquet(tmp_path / "e.parquet"))
    assert kept.title == "T\0itle"


def test_geoparquet_carries_geo_metadata_and_reads_back(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    events = sample_events()
    out = tmp_path / "events.parquet"
    write_parquet(events, out)
    metadata = json.loads(pq.read_schema(out).metadata[b"geo"])
    assert metadata["primary_column"] == "geometry"
    assert read_events_parquet(out) == events


@pytest.mark.parametrize(
    "writer, suffix",
    [
        (write_geojson, ".geojson"),
        (write_csv, ".csv"),
        (write_acled_csv, ".csv"),
        (write_gpkg, ".gpkg"),
        (write_parquet, ".parquet"),
    ],
)
def test_an_empty_selection_writes_a_readable_empty_file(tmp_path: Path, writer, suffix: str) -> None:
    out = tmp_path / f"empty{suffix}"
    assert writer([], out) == 0
    assert out.exists()
    if writer in (write_gpkg, write_parquet):
        frame = gpd.read_parquet(out) if writer is write_parquet else gpd.read_file(out, layer="events")
        assert len(frame) == 0
    elif writer is write_geojson:
        assert FeatureCollection.model_validate_json(out.read_text()).features == []
    else:
        assert len(out.read_text().splitlines()) == 1  # the header only


def test_a_failed_export_leaves_the_previous_file_and_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    out.write_text("previous export")

    def events_then_failure():
        yield from sample_events()[:2]
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        write_geojson(events_then_failure(), out)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["events.geojson"]


def test_writing_onto_a_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="folder"):
        write_csv(sample_events(), tmp_path)


# -- the command ---------------------------------------------------------------


def test_export_applies_the_filters(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sy.geojson"
    code = run(
        [
            "export",
            "--format",
            "geojson",
            "-o",
            str(out),
            "--db",
            str(db),
            "--country",
            "sy",
            "--type",
            "frontline",
            "--from",
            "2016-03-24",
        ]
    )
    assert code == 0
    features = json.loads(out.read_text())["features"]
    assert {f["properties"]["place"] for f in features} == {"Palmyra", "Aleppo"}


def test_export_of_nothing_says_so_and_writes_an_empty_file(db: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "none.csv"
    assert run(["export", "--format", "csv", "-o", str(out), "--db", str(db), "--text", "no such words"]) == 0
    assert "no events match" in capsys.readouterr().err
    assert out.read_text().splitlines() == [",".join(CSV_COLUMNS)]


def test_export_from_a_missing_store_is_one_clear_error(tmp_path: Path, capsys) -> None:
    code = run(["export", "--format", "csv", "-o", str(tmp_path / "x.csv"), "--db", str(tmp_path / "none.sqlite")])
    assert code == 1
    assert "no event store" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_export_rejects_a_reversed_date_range(db: Path, tmp_path: Path, capsys) -> None:
    code = run(
        [
            "export",
            "--format",
            "csv",
            "-o",
            str(tmp_path / "x.csv"),
            "--db",
            str(db),
            "--from",
            "2016-04-01",
            "--to",
            "2016-03-01",
        ]
    )
    assert code == 1
    assert "after" in capsys.readouterr().err


def test_geojson_gpkg_and_acled_exports_hold_the_same_events(db: Path, tmp_path: Path) -> None:
    for fmt, name in (("geojson", "e.geojson"), ("gpkg", "e.gpkg"), ("acled", "e.csv"), ("parquet", "e.parquet")):
        assert run(["export", "--format", fmt, "-o", str(tmp_path / name), "--db", str(db)]) == 0
    with EventStore.open(db, readonly=True) as store:
        ids = [e.event_id for e in store.query()]
    assert gpd.read_file(tmp_path / "e.geojson")["event_id"].tolist() == ids
    assert gpd.read_file(tmp_path / "e.gpkg", layer="events")["event_id"].tolist() == ids
    assert [e.event_id for e in read_acled(tmp_path / "e.csv")] == ids
    assert [e.event_id for e in read_events_parquet(tmp_path / "e.parquet")] == ids


def test_the_stores_geojson_is_the_same_as_the_events_geojson(tmp_path: Path) -> None:
    events = sample_events()
    with EventStore.open(tmp_path / "e.sqlite") as store:
        store.add_events(events)
        write_feature_collection(store.iter_feature_json(), tmp_path / "fast.geojson")
        write_geojson(store.query(), tmp_path / "records.geojson")
    fast = json.loads((tmp_path / "fast.geojson").read_text(encoding="utf-8"))
    assert fast == json.loads((tmp_path / "records.geojson").read_text(encoding="utf-8"))
    assert len(fast["features"]) == len(events)
    FeatureCollection.model_validate(fast)


def test_html_and_png_are_handed_to_the_briefing_module_with_the_selection(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    calls = {}
    fake = types.ModuleType("geo.map.briefing")
    fake.export_html = lambda events, path, **options: calls.setdefault("html", (events, path, options))
    fake.export_png = lambda events, path, **options: calls.setdefault("png", (events, path, options))
    monkeypatch.setitem(sys.modules, "geo.map.briefing", fake)
    assert (
        run(
            [
                "export",
                "--format",
                "html",
                "-o",
                str(tmp_path / "m.html"),
                "--db",
                str(db),
                "--title",
                "Syria",
                "--country",
                "SY",
            ]
        )
        == 0
    )
    assert (
        run(
            [
                "export",
                "--format",
                "png",
                "-o",
                str(tmp_path / "m.png"),
                "--db",
                str(db),
                "--bbox",
                "35",
                "32",
                "42",
                "37",
                "--width",
                "800",
            ]
        )
        == 0
    )
    events, path, options = calls["html"]
    assert {e.country_code for e in events} == {"SY"} and path == tmp_path / "m.html"
    assert options == {"title": "Syria", "tiles": False}
    events, _, options = calls["png"]
    assert options["bbox"] == (35.0, 32.0, 42.0, 37.0) and options["width"] == 800
    assert all(35 <= e.lon <= 42 and 32 <= e.lat <= 37 for e in events) and events


def test_export_store_takes_a_filter_and_a_format_without_the_command_line(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "syria.csv"
    with EventStore.open(db, readonly=True) as store:
        count = export_store(store, "csv", out, event_filter=EventFilter(country_codes=frozenset({"SY"})))
        with pytest.raises(InputError, match="geojson, csv, acled, gpkg, parquet, got 'kml'"):
            export_store(store, "kml", tmp_path / "events.kml")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert count == len(rows) > 0 and {row["country_code"] for row in rows} == {"SY"}
    assert not (tmp_path / "events.kml").exists()
