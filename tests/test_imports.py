from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import pytest

from geo.cli.main import run
from geo.errors import InputError
from geo.filters import EventFilter
from geo.formats.imports import BadRow, read_acled, read_gdelt
from geo.store.store import EventStore

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GDELT_SAMPLE = FIXTURES / "gdelt_events_sample.CSV"
ACLED_SAMPLE = FIXTURES / "acled_sample.csv"


def gdelt_events():
    bad: list[BadRow] = []
    return read_gdelt(GDELT_SAMPLE, on_error=bad.append), bad


def acled_events():
    bad: list[BadRow] = []
    return read_acled(ACLED_SAMPLE, on_error=bad.append), bad


def by_code(events, code: str):
    return [e for e in events if dict(e.extra)["cameo_event_code"] == code]


# -- GDELT -----------------------------------------------------------------------


def test_gdelt_rows_become_events_typed_by_cameo_root() -> None:
    events, _ = gdelt_events()
    assert len(events) == 18
    kinds = {dict(e.extra)["cameo_event_code"]: (e.event_type, e.sub_event_type) for e in events}
    assert kinds["195"] == ("frontline", "air_strike")
    assert kinds["194"] == ("frontline", "shelling")
    assert kinds["192"] == ("frontline", "territory_change")
    assert kinds["183"] == ("frontline", "assault")
    assert kinds["202"] == ("frontline", "mass_violence")
    assert kinds["042"] == ("diplomacy", "visit")
    assert kinds["057"] == ("diplomacy", "agreement")
    assert kinds["040"] == ("diplomacy", "talks")
    assert kinds["073"] == ("humanitarian", "aid")
    assert kinds["141"] == ("other", "protest")
    assert {e.origin for e in events} == {"gdelt"}


def test_gdelt_keeps_cameo_codes_as_strings_with_their_leading_zeros() -> None:
    events, _ = gdelt_events()
    (retreat,) = by_code(events, "0874")
    extra = dict(retreat.extra)
    assert (extra["cameo_base_code"], extra["cameo_root_code"]) == ("087", "08")
    assert retreat.event_type == "other"


def test_gdelt_places_dates_and_fips_countries() -> None:
    events, _ = gdelt_events()
    (strike,) = by_code(events, "195")
    assert (strike.place, strike.admin1, strike.country_code) == ("Palmyra", "Hims", "SY")
    assert (strike.lat, strike.lon) == (34.5601, 38.2816)
    assert strike.event_date == date(2016, 3, 24) and strike.geo_precision == 1
    assert strike.source == "www.aljazeera.com" and strike.url.startswith("https://www.aljazeera.com/")
    (agreement,) = by_code(events, "057")
    assert agreement.country_code == "CH"  # FIPS SZ is Switzerland, not Eswatini
    (visit,) = by_code(events, "042")
    assert visit.country_code == "RU"  # FIPS RS is Russia, not Serbia
    mariupol = next(e for e in events if e.place == "Mariupol")
    assert mariupol.country_code == "UA" and mariupol.event_date == date(2022, 3, 15)
    statement = next(e for e in events if e.place == "Syria")
    assert statement.geo_precision == 3  # a country-level location


def test_gdelt_bad_rows_are_reported_by_line_and_the_rest_read() -> None:
    _, bad = gdelt_events()
    assert [(b.line, b.reason.split(":")[0]) for b in bad] == [
        (5, "expected 61 tab-separated columns, got 40"),
        (10, "SQLDATE"),
        (15, "no coordinates (ActionGeo_Lat/ActionGeo_Long empty)"),
        (20, "coordinates out of range"),
    ]


def test_gdelt_without_an_error_handler_stops_at_the_first_bad_row() -> None:
    with pytest.raises(InputError, match="line 5"):
        read_gdelt(GDELT_SAMPLE)


def test_gdelt_zip_as_published_reads_like_the_csv(tmp_path: Path) -> None:
    archive = tmp_path / "20160324231500.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(GDELT_SAMPLE, "20160324231500.export.CSV")
    assert read_gdelt(archive, on_error=lambda row: None) == gdelt_events()[0]


# -- ACLED -----------------------------------------------------------------------


def test_acled_rows_become_events_with_our_types() -> None:
    events, _ = acled_events()
    assert len(events) == 16
    kinds = {dict(e.extra)["event_id_cnty"]: (e.event_type, e.sub_event_type) for e in events}
    assert kinds["SYR10001"] == ("frontline", "armed_clash")
    assert kinds["SYR10002"] == ("frontline", "air_strike")
    assert kinds["SYR10004"] == ("frontline", "territory_change")
    assert kinds["SYR10005"] == ("diplomacy", "agreement")
    assert kinds["SYR10007"] == ("other", "protest")
    assert kinds["UKR20001"] == ("frontline", "shelling")
    assert {e.origin for e in events} == {"acled"}


def test_acled_places_countries_dates_and_precision() -> None:
    events, _ = acled_events()
    rows = {dict(e.extra)["event_id_cnty"]: e for e in events}
    palmyra = rows["SYR10001"]
    assert (palmyra.place, palmyra.admin1, palmyra.country_code) == ("Tadmor", "Homs", "SY")
    assert palmyra.event_date == date(2016, 3, 24) and palmyra.quote.startswith("On 24 March 2016")
    assert rows["RUS30001"].country_code == "RU" and rows["RUS30001"].geo_precision == 2
    assert rows["UKR20003"].date_precision == 2
    assert rows["UKR20004"].event_date == date(2022, 11, 11)  # "11 November 2022"
    assert "\n" in rows["UKR20001"].quote  # a quoted note over two lines
    assert dict(rows["SYR10001"].extra)["fatalities"] == "12"


def test_acled_bad_rows_are_reported_by_their_line_in_the_file() -> None:
    _, bad = acled_events()
    # the row after a two-line note starts one line later than its record number
    assert [b.line for b in bad] == [5, 10, 14, 20]
    assert "expected 31 columns, got 15" in bad[0].reason
    assert "event_date" in bad[1].reason
    assert "no coordinates" in bad[2].reason
    assert "out of range" in bad[3].reason


def test_a_csv_without_acled_columns_is_refused_whole(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("name,lat,lon\nPalmyra,34.5,38.2\n")
    with pytest.raises(InputError, match="not an ACLED CSV"):
        read_acled(other)


# -- the command ---------------------------------------------------------------


def test_import_command_stores_the_events_reports_bad_rows_and_fails(tmp_path: Path, capsys) -> None:
    db = tmp_path / "events.sqlite"
    assert run(["import", "gdelt", str(GDELT_SAMPLE), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert len([line for line in captured.err.splitlines() if "line" in line]) == 4
    assert "18 new" in captured.out
    with EventStore.open(db, readonly=True) as store:
        assert store.count(EventFilter(origins=frozenset({"gdelt"}))) == 18


def test_importing_the_same_file_twice_adds_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "events.sqlite"
    run(["import", "acled", str(ACLED_SAMPLE), "--db", str(db)])
    run(["import", "acled", str(ACLED_SAMPLE), "--db", str(db)])
    assert "0 new, 16 already stored" in capsys.readouterr().out
    with EventStore.open(db, readonly=True) as store:
        assert store.count() == 16
        assert store.distinct("origin") == ["acled"]


def test_bad_rows_beyond_the_cap_are_counted_not_listed(tmp_path: Path, capsys) -> None:
    broken = tmp_path / "broken.CSV"
    broken.write_text("not\ta\tgdelt\trow\n" * 50)
    assert run(["import", "gdelt", str(broken), "--db", str(tmp_path / "e.sqlite")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 21 and "30 more rows skipped" in err[-1]


def test_importing_a_missing_file_is_one_clear_error(tmp_path: Path, capsys) -> None:
    assert run(["import", "acled", str(tmp_path / "none.csv"), "--db", str(tmp_path / "e.sqlite")]) == 1
    assert "none.csv" in capsys.readouterr().err
