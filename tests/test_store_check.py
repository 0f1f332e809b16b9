"""The store checks itself on open, ``store check`` names what is wrong, ``store salvage``
copies what is readable, and exports skip a damaged row with a warning naming it."""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from geo.cli.main import run
from geo.errors import StoreError
from geo.records import Event
from geo.store.store import EventStore


def _event(n: int) -> Event:
    return Event(
        event_id=f"e{n:05d}",
        event_type="frontline",
        sub_event_type="shelling",
        event_date=date(2016, 3, 1 + n % 28),
        date_precision=1,
        place="Aleppo",
        mention="Aleppo",
        lat=36.2,
        lon=37.16,
        geonameid=170063,
        country_code="SY",
        admin1="Aleppo",
        feature_code="PPLA",
        geo_precision=1,
        quote=f"Shelling hit Aleppo, report {n}.",
        article_id="",
        title=f"Report {n}",
        published=date(2016, 3, 28),
        source="Wire",
        url="",
        confidence=0.9,
        origin="acled",
        extra=(("n", str(n)),),
    )


def _store(path: Path, count: int = 3) -> Path:
    with EventStore.open(path) as store:
        store.add_events([_event(n) for n in range(count)])
    return path


def _damage(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def _one_line_error(capsys: pytest.CaptureFixture) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    return err


def test_an_unreadable_schema_version_is_one_sentence_on_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = _store(tmp_path / "events.sqlite")
    _damage(db, "UPDATE schema_version SET version = 'abc'")
    with pytest.raises(StoreError, match="schema version 'abc' is not a number"):
        EventStore.open(db)
    for argv in (
        ["export", "--format", "geojson", "-o", str(tmp_path / "out.geojson")],
        ["import", "acled", str(tmp_path / "none.csv")],
    ):
        assert run([*argv, "--db", str(db)]) == 1
        assert "salvage" in _one_line_error(capsys)


def test_a_store_without_its_events_table_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = _store(tmp_path / "events.sqlite")
    _damage(db, "DROP TABLE events")
    assert run(["export", "--format", "csv", "-o", str(tmp_path / "out.csv"), "--db", str(db)]) == 1
    assert "events table is missing" in _one_line_error(capsys)
    assert not (tmp_path / "out.csv").exists()


def test_an_unrelated_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    other = tmp_path / "notes.sqlite"
    _damage(other, "CREATE TABLE notes (body TEXT)")
    before = other.read_bytes()
    assert run(["import", "acled", str(tmp_path / "none.csv"), "--db", str(other)]) == 1
    assert "not a conflictmap event store" in _one_line_error(capsys)
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    conn.close()
    assert other.read_bytes() == before


def test_an_empty_file_becomes_a_store(tmp_path: Path) -> None:
    empty = tmp_path / "new.sqlite"
    empty.touch()
    with EventStore.open(empty) as store:
        store.add_events([_event(1)])
        assert store.count() == 1


@pytest.mark.parametrize(
    ("damage", "formats"),
    [
        ("UPDATE events SET extra = '{bad' WHERE event_id = 'e00001'", ["csv", "geojson", "acled"]),
        ("UPDATE events SET event_date = '2016-02-30' WHERE event_id = 'e00001'", ["csv", "html", "geojson"]),
    ],
    ids=["bad-extra", "impossible-date"],
)
def test_exports_skip_a_damaged_row_with_a_warning_naming_it(
    damage: str, formats: list[str], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = _store(tmp_path / "events.sqlite")
    _damage(db, damage)
    for fmt in formats:
        out = tmp_path / f"out.{fmt}"
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            assert run(["export", "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
        text = out.read_text(encoding="utf-8")
        assert "report 0." in text and "report 2." in text and "report 1." not in text, fmt
        assert any("e00001" in r.getMessage() for r in caplog.records), fmt
    if "geojson" in formats:
        assert len(json.loads((tmp_path / "out.geojson").read_text())["features"]) == 2


def test_store_check_names_damaged_values_and_passes_a_healthy_store(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = _store(tmp_path / "events.sqlite", 5)
    assert run(["store", "check", "--db", str(db)]) == 0
    assert "no problem found" in capsys.readouterr().out
    _damage(db, "UPDATE events SET extra = '{bad' WHERE event_id = 'e00001'")
    _damage(db, "UPDATE events SET event_date = '2016-02-30' WHERE event_id = 'e00003'")
    assert run(["store", "check", "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "e00001" in out and "extra" in out
    assert "e00003" in out and "event_date" in out


def test_store_check_reports_a_damaged_page_and_salvage_keeps_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    db = _store(tmp_path / "events.sqlite", 3_000)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    # the page header of an index, away from the schema on page 1 and from the rows
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events_source'").fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * 64)
    assert run(["store", "check", "--db", str(db)]) == 1
    assert "integrity:" in capsys.readouterr().out
    new = tmp_path / "salvaged.sqlite"
    run(["store", "salvage", "--db", str(db), "-o", str(new)])
    assert "salvaged into" in capsys.readouterr().out
    with EventStore.open(new, readonly=True) as store:
        assert store.count() == 3_000
    assert run(["store", "check", "--db", str(new)]) == 0


def test_salvage_drops_damaged_values_and_keeps_their_events(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = _store(tmp_path / "events.sqlite", 4)
    _damage(db, "UPDATE events SET extra = '{bad' WHERE event_id = 'e00001'")
    _damage(db, "UPDATE events SET event_date = '2016-02-30' WHERE event_id = 'e00002'")
    _damage(db, "UPDATE schema_version SET version = 'abc'")
    new = tmp_path / "salvaged.sqlite"
    assert run(["store", "salvage", "--db", str(db), "-o", str(new)]) == 0
    assert "2 with a damaged value dropped" in capsys.readouterr().out
    with EventStore.open(new, readonly=True) as store:
        events = {e.event_id: e for e in store.query()}
    assert sorted(events) == ["e00000", "e00001", "e00002", "e00003"]
    assert events["e00001"].extra == () and events["e00002"].event_date is None
    assert events["e00003"].extra == (("n", "3"),)


def test_salvage_refuses_to_overwrite_a_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = _store(tmp_path / "events.sqlite")
    assert run(["store", "salvage", "--db", str(db), "-o", str(db)]) == 1
    assert "new" in _one_line_error(capsys)
