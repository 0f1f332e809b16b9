"""The coded fields in every export: sources, reports, actors and deaths in GeoJSON and CSV;
ACLED's actor, type, interaction, fatality and source columns filled and read back; the
actors GDELT and ACLED files carry kept on import."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import geopandas as gpd
import pytest
from palmyra import palmyra_event

from geo.errors import InputError
from geo.formats.acled import acled_row, event_from_acled_row
from geo.formats.exports import write_acled_csv, write_csv, write_geojson
from geo.formats.gdelt import GDELT_COLUMNS, event_from_gdelt_fields
from geo.formats.imports import read_acled
from geo.records import Event, EventReport

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def merged_clash() -> Event:
    """A clash three outlets reported: actors on both sides, deaths, every report listed."""
    return palmyra_event(
        actor1="Military Forces of Syria (2000-)",
        assoc_actor_1="Militia (Pro-Government)",
        inter1=1,
        actor2="Islamic State (Syria)",
        inter2=2,
        interaction=12,
        fatalities=14,
        sources=3,
        reports=(
            EventReport(
                "a1", "Reuters", "Government forces retook Palmyra on Thursday.", "https://news.example.org/palmyra"
            ),
            EventReport(
                "a2",
                "Levant Daily",
                "The army entered Palmyra after heavy fighting; 14 fighters died.",
                "https://levant.example/p",
                "Army in Palmyra",
                date(2016, 3, 27),
            ),
            EventReport("a3", "Al Jazeera", "Syrian troops took back the ancient city.", "", "", date(2016, 3, 28)),
        ),
    )


def diplomacy_event() -> Event:
    """An event nobody merged anything into: no actors, no deaths, one source."""
    return palmyra_event(
        event_id="e1", event_type="diplomacy", sub_event_type="talks", quote="Talks on Palmyra opened in Geneva."
    )


# ---------------------------------------------------------------------------
# ACLED


def test_acled_export_fills_actors_types_deaths_and_every_source() -> None:
    row = acled_row(merged_clash())
    assert (row["actor1"], row["assoc_actor_1"], row["inter1"]) == (
        "Military Forces of Syria (2000-)",
        "Militia (Pro-Government)",
        "1",
    )
    assert (row["actor2"], row["assoc_actor_2"], row["inter2"], row["interaction"]) == (
        "Islamic State (Syria)",
        "",
        "2",
        "12",
    )
    assert row["fatalities"] == "14"
    assert row["source"] == "Reuters; Levant Daily; Al Jazeera"
    assert row["source_scale"] == "International"  # the outlets whose scale is known
    quiet = acled_row(diplomacy_event())
    assert (quiet["actor1"], quiet["inter1"], quiet["interaction"], quiet["fatalities"]) == ("", "0", "0", "0")
    assert quiet["source"] == "Reuters"


def test_an_unknown_outlet_gets_no_source_scale() -> None:
    assert acled_row(palmyra_event(source="Levant Daily"))["source_scale"] == ""


def test_acled_export_import_export_is_identical(tmp_path: Path) -> None:
    events = [merged_clash(), diplomacy_event(), palmyra_event(event_id="e2", fatalities=3, actor1="Civilians (Syria)")]
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert write_acled_csv(events, first) == 3
    back = read_acled(first)
    assert list(back) == events  # actors, deaths, sources and reports included
    write_acled_csv(back, second)
    assert second.read_bytes() == first.read_bytes()


def test_an_acled_file_round_trips_with_its_actors_and_deaths(tmp_path: Path) -> None:
    imported = read_acled(FIXTURES / "acled_sample.csv", on_error=lambda row: None)
    clash = imported[0]
    assert (clash.actor1, clash.inter1, clash.actor2, clash.inter2, clash.interaction) == (
        "Military Forces of Syria (2000-)",
        1,
        "Islamic State (Syria)",
        2,
        12,
    )
    assert (clash.fatalities, clash.sources) == (12, 2)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    write_acled_csv(imported, first)
    with first.open(newline="", encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert (row["source"], row["source_scale"], row["fatalities"]) == ("SANA; Reuters", "National", "12")
    write_acled_csv(read_acled(first), second)
    assert second.read_bytes() == first.read_bytes()


def test_acled_rows_with_type_labels_and_bad_counts() -> None:
    row = {
        "event_id_cnty": "UKR1",
        "event_date": "2024-02-17",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Russia (2000-)",
        "inter1": "State forces",
        "actor2": "Military Forces of Ukraine (2019-)",
        "inter2": "State forces",
        "interaction": "State forces-State forces",
        "latitude": "48.14",
        "longitude": "37.74",
        "source": "Ukrinform; Kyiv Independent",
        "fatalities": "7",
    }
    event = event_from_acled_row(row)
    assert (event.inter1, event.inter2, event.interaction, event.fatalities, event.sources) == (1, 1, 11, 7, 2)
    with pytest.raises(InputError, match="fatalities"):
        event_from_acled_row({**row, "fatalities": "-1"})
    with pytest.raises(InputError, match="inter1"):
        event_from_acled_row({**row, "inter1": "Pirates"})


# ---------------------------------------------------------------------------
# GDELT


def test_gdelt_keeps_the_actors_as_named_and_counts_no_deaths() -> None:
    cells = dict.fromkeys(GDELT_COLUMNS, "")
    cells.update(
        GLOBALEVENTID="900001",
        SQLDATE="20160324",
        Actor1Name="SYRIA",
        Actor2Name="ISLAMIC STATE",
        EventCode="190",
        EventBaseCode="190",
        EventRootCode="19",
        ActionGeo_Type="4",
        ActionGeo_FullName="Tadmur, Hims, Syria",
        ActionGeo_CountryCode="SY",
        ActionGeo_Lat="34.56",
        ActionGeo_Long="38.28",
    )
    event = event_from_gdelt_fields([cells[name] for name in GDELT_COLUMNS])
    assert (event.actor1, event.actor2, event.fatalities, event.inter1) == ("SYRIA", "ISLAMIC STATE", 0, 0)


# ---------------------------------------------------------------------------
# GeoJSON and CSV


def test_geojson_opens_in_geopandas_with_the_coded_columns(tmp_path: Path) -> None:
    path = tmp_path / "events.geojson"
    write_geojson([merged_clash(), diplomacy_event()], path)
    frame = gpd.read_file(path)
    for column in ("sources", "reports", "actor1", "actor2", "fatalities"):
        assert column in frame.columns
    assert frame["sources"].tolist() == [3, 1]
    assert frame["fatalities"].tolist() == [14, 0]
    assert frame["actor2"].tolist() == ["Islamic State (Syria)", ""]
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    assert [r["source"] for r in features[0]["properties"]["reports"]] == ["Reuters", "Levant Daily", "Al Jazeera"]
    # an event nobody merged anything into lists its own article as its one report
    (own,) = features[1]["properties"]["reports"]
    assert (own["article_id"], own["source"], own["quote"]) == ("a1", "Reuters", "Talks on Palmyra opened in Geneva.")


def test_csv_carries_the_coded_columns_with_reports_as_json(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    write_csv([merged_clash()], path)
    with path.open(newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["sources"], row["actor1"], row["actor2"], row["fatalities"]) == (
        "3",
        "Military Forces of Syria (2000-)",
        "Islamic State (Syria)",
        "14",
    )
    reports = json.loads(row["reports"])
    assert [r["published"] for r in reports] == [None, "2016-03-27", "2016-03-28"]
    assert (row["latitude"], row["longitude"]) == ("34.56", "38.28")


def test_a_report_holding_a_lone_surrogate_still_exports(tmp_path: Path) -> None:
    broken = palmyra_event(reports=(EventReport("a9", "Wire\udfff", "Shelling \udfff near Palmyra."),), sources=1)
    path = tmp_path / "events.geojson"
    assert write_geojson([broken], path) == 1
    (report,) = json.loads(path.read_text(encoding="utf-8"))["features"][0]["properties"]["reports"]
    assert (report["source"], report["quote"]) == ("Wire\ufffd", "Shelling \ufffd near Palmyra.")
