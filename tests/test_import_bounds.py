"""Imports bounded whatever the file: zip bombs refused, bad rows counted (the first
few named), and every value a row can hold that the store cannot is a skipped row
with its line and reason, never a traceback or a lost file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from geo.cli.main import run
from geo.formats.acled import EXPORT_COLUMNS, acled_row
from geo.formats.imports import MAX_REPORTED_ROWS, read_acled
from geo.records import Event
from geo.store.store import EventStore

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parents[1]


def _own_event(event_id: str, **changes: object) -> Event:
    fields = dict(
        event_id=event_id,
        event_type="frontline",
        sub_event_type="shelling",
        event_date=date(2016, 3, 24),
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
        quote="Shelling hit Aleppo.",
        article_id="a1",
        title="Aleppo report",
        published=date(2016, 3, 24),
        source="Wire",
        url="",
        confidence=0.9,
        extra=(("note", "kept"),),
    )
    fields.update(changes)
    return Event(**fields)  # type: ignore[arg-type]


def _csv_line(cells: dict[str, str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow([cells[c] for c in EXPORT_COLUMNS])
    return out.getvalue().rstrip("\r\n")


def _own_row(event_id: str, **cells: str) -> str:
    return _csv_line({**acled_row(_own_event(event_id)), **cells})


def _acled_row(event_id: str, **cells: str) -> str:
    """A row as ACLED itself writes it (no conflictmap columns filled)."""
    row = acled_row(_own_event(event_id))
    plain = {
        c: (
            row[c]
            if c
            in (
                "event_id_cnty",
                "event_date",
                "event_type",
                "sub_event_type",
                "latitude",
                "longitude",
                "country",
                "location",
                "timestamp",
            )
            else ""
        )
        for c in EXPORT_COLUMNS
    }
    return _csv_line({**plain, **cells})


def _import(path: Path, db: Path, capsys: pytest.CaptureFixture) -> tuple[int, list[str], str]:
    code = run(["import", "acled", str(path), "--db", str(db)])
    captured = capsys.readouterr()
    return code, [line for line in captured.err.splitlines() if "skipped" in line], captured.out


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        (_acled_row("T1", timestamp="99999999999999999999"), "timestamp"),
        (_acled_row("T2", timestamp="999999999999"), "timestamp"),
        (_acled_row("I1", iso="\u00b2", country=""), None),  # an unknown code: imported without a country
        (_own_row("G1", conflictmap_geonameid="1" * 23), "conflictmap_geonameid"),
        (_own_row("X1", conflictmap_extra='{"note": "\\udfff"}'), "lone surrogate"),
        (_own_row("N1", notes="before\x00after"), "NUL"),
    ],
    ids=[
        "timestamp-20-digits",
        "timestamp-year-33658",
        "iso-superscript-two",
        "geonameid-23-digits",
        "surrogate-in-extra",
        "nul-in-notes",
    ],
)
def test_a_row_with_an_impossible_value_is_skipped_by_line_and_the_rest_imported(
    bad_row: str, reason: str | None, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "acled.csv"
    lines = [",".join(EXPORT_COLUMNS), _own_row("good-1"), bad_row, _own_row("good-2")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, skipped, out = _import(path, tmp_path / "events.sqlite", capsys)
    with EventStore.open(tmp_path / "events.sqlite", readonly=True) as store:
        stored = {e.event_id for e in store.query()}
    assert {"good-1", "good-2"} <= stored
    if reason is None:
        assert code == 0 and len(stored) == 3
        return
    assert code == 1
    assert len(skipped) == 1 and f"{path} line 3: " in skipped[0] and reason in skipped[0]
    assert len(stored) == 2


def test_invalid_utf8_in_a_cell_is_a_skipped_row_not_a_replacement_character(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "acled.csv"
    lines = [",".join(EXPORT_COLUMNS), _own_row("good-1"), _own_row("bad", notes="caf\udce9"), _own_row("good-2")]
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    code, skipped, _ = _import(path, tmp_path / "events.sqlite", capsys)
    assert code == 1
    assert len(skipped) == 1 and "line 3" in skipped[0] and "UTF-8" in skipped[0] and "notes" in skipped[0]
    with EventStore.open(tmp_path / "events.sqlite", readonly=True) as store:
        assert sorted(e.event_id for e in store.query()) == ["good-1", "good-2"]
        assert all("\ufffd" not in e.quote for e in store.query())


_FIELD_LIMIT_CHECK = """
import csv, json, sys
from pathlib import Path
{first}
from geo.formats.imports import read_acled
bad = []
events = read_acled(Path(sys.argv[1]), on_error=bad.append)
print(json.dumps([len(events), [b.line for b in bad], csv.field_size_limit()]))
"""


@pytest.mark.parametrize(
    "first",
    ["", "import reverse_geocoder", "import csv; csv.field_size_limit(sys.maxsize)"],
    ids=["alone", "after-reverse-geocoder", "after-maxsize"],
)
def test_an_oversized_cell_is_refused_whatever_was_imported_before(first: str, tmp_path: Path) -> None:
    # A process of its own: what the importer sees must not depend on what this test
    # process happened to import earlier.
    path = tmp_path / "acled.csv"
    lines = [",".join(EXPORT_COLUMNS), _own_row("good-1"), _own_row("huge", notes="x" * 200_000), _own_row("good-2")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _FIELD_LIMIT_CHECK.format(first=first), str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
        check=True,
    )
    count, bad_lines, limit_after = json.loads(result.stdout)
    assert count == 2 and bad_lines == [3]
    if first:  # the process's own setting is put back once the file is read
        assert limit_after == sys.maxsize


def test_an_oversized_cell_is_refused_in_this_process_after_reverse_geocoder(tmp_path: Path) -> None:
    import reverse_geocoder  # noqa: F401 - its import raises the csv field limit for the process

    previous = csv.field_size_limit(sys.maxsize)
    try:
        path = tmp_path / "acled.csv"
        lines = [",".join(EXPORT_COLUMNS), _own_row("good-1"), _own_row("huge", notes="x" * 200_000)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        bad: list = []
        events = read_acled(path, on_error=bad.append)
        assert [e.event_id for e in events] == ["good-1"]
        assert [b.line for b in bad] == [3] and "field larger than field limit" in bad[0].reason
        assert csv.field_size_limit() == sys.maxsize
    finally:
        csv.field_size_limit(previous)


def test_many_bad_rows_are_counted_and_only_the_first_few_named(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "acled.csv"
    bad = "\n".join("x,y,z" for _ in range(5_000))
    path.write_text(
        f"{','.join(EXPORT_COLUMNS)}\n{_own_row('good-1')}\n{bad}\n{_own_row('good-2')}\n", encoding="utf-8"
    )
    code, skipped, out = _import(path, tmp_path / "events.sqlite", capsys)
    assert code == 1
    assert len(skipped) == MAX_REPORTED_ROWS + 1
    assert f"and {5_000 - MAX_REPORTED_ROWS} more rows skipped" in skipped[-1]
    assert "imported 2 acled events" in out and "5000 rows skipped" in out


def _zip_of_zeros(path: Path, megabytes: int, *, member: str = "events.CSV") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(member, "w", force_zip64=True) as out:
            zeros = bytes(1024**2)
            for _ in range(megabytes):
                out.write(zeros)
    return path


@pytest.mark.parametrize("kind", ["gdelt", "acled"])
def test_a_zip_of_zeros_is_refused_in_one_sentence_before_unpacking(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    bomb = _zip_of_zeros(tmp_path / "bomb.zip", 200)
    assert bomb.stat().st_size < 1024**2
    code = run(["import", kind, str(bomb), "--db", str(tmp_path / "events.sqlite")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert len(err.splitlines()) == 1 and "bomb.zip" in err and "zip bomb" in err


def test_a_zip_header_understating_its_size_cannot_unpack_past_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geo.formats.imports as imports

    bomb = _zip_of_zeros(tmp_path / "bomb.zip", 8)
    # The header is believed (below the cap) but the bytes read are counted as well.
    monkeypatch.setattr(imports, "_unpack_allowance", lambda path, member: 2 * 1024**2)
    code = run(["import", "gdelt", str(bomb), "--db", str(tmp_path / "events.sqlite")])
    err = capsys.readouterr().err.strip()
    assert code == 1 and "zip bomb" in err and len(err.splitlines()) == 1


def test_a_zip_of_many_bad_lines_is_refused_by_its_ratio(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "lines.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("events.CSV", "w", force_zip64=True) as out:
            block = b"bad\n" * 250_000
            for _ in range(200):
                out.write(block)
    code = run(["import", "gdelt", str(path), "--db", str(tmp_path / "events.sqlite")])
    assert code == 1 and "zip bomb" in capsys.readouterr().err


def test_a_damaged_zip_is_one_sentence(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "events.zip"
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("events.CSV", "some\ttext\n" * 50_000)
    raw = bytearray(data.getvalue())
    raw[200:260] = bytes(60)  # damage the deflate stream
    path.write_bytes(bytes(raw))
    code = run(["import", "gdelt", str(path), "--db", str(tmp_path / "events.sqlite")])
    err = capsys.readouterr().err.strip()
    assert code == 1
    assert "events.zip" in err.splitlines()[-1] and "damaged" in err.splitlines()[-1]


def test_a_line_longer_than_the_limit_is_a_bad_row_and_the_next_lines_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geo.formats.imports as imports

    monkeypatch.setattr(imports, "MAX_LINE_CHARS", 1_000)
    path = tmp_path / "acled.csv"
    lines = [",".join(EXPORT_COLUMNS), _own_row("good-1"), "y" * 5_000, _own_row("good-2")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad: list = []
    events = read_acled(path, on_error=bad.append)
    assert [e.event_id for e in events] == ["good-1", "good-2"]
    assert [b.line for b in bad] == [3] and "longer than" in bad[0].reason


# ---------------------------------------------------------------------------
# the app's upload path follows the same rule


def test_an_uploaded_acled_table_skips_each_bad_row_and_imports_the_rest(tmp_path: Path) -> None:
    from fake_pipeline import FakePipeline

    from geo.web import appactions

    lines = [
        ",".join(EXPORT_COLUMNS),
        _own_row("good-1"),
        _acled_row("T1", timestamp="99999999999999999999"),
        _own_row("G1", conflictmap_geonameid="1" * 23),
        _own_row("X1", conflictmap_extra='{"note": "\\udfff"}'),
        _own_row("N1", notes="a\x00b"),
        _own_row("good-2"),
    ]
    with EventStore.open(tmp_path / "events.sqlite") as store:
        report = appactions.add_uploads(
            [("acled.csv", ("\n".join(lines) + "\n").encode())], store=store, pipeline=FakePipeline
        )
        assert report.imported == 2
        assert [p.split(":")[0] for p in report.problems] == [f"acled.csv line {n}" for n in (3, 4, 5, 6)]
        assert sorted(e.event_id for e in store.query()) == ["good-1", "good-2"]


def test_an_uploaded_table_of_many_bad_rows_names_the_first_few(tmp_path: Path) -> None:
    from fake_pipeline import FakePipeline

    from geo.web import appactions

    bad = "\n".join("x,y,z" for _ in range(3_000))
    data = f"{','.join(EXPORT_COLUMNS)}\n{_own_row('good-1')}\n{bad}\n".encode()
    with EventStore.open(tmp_path / "events.sqlite") as store:
        report = appactions.add_uploads([("acled.csv", data)], store=store, pipeline=FakePipeline)
    assert report.imported == 1
    assert len(report.problems) == MAX_REPORTED_ROWS + 1
    assert f"{3_000 - MAX_REPORTED_ROWS} more rows skipped" in report.problems[-1]


def test_an_uploaded_article_the_pipeline_fails_on_is_named_and_the_others_stored(tmp_path: Path) -> None:
    from fake_pipeline import FakePipeline

    from geo.web import appactions

    class Fussy(FakePipeline):
        def events(self, article, *, overrides=()):
            if "poison" in article.text:
                raise OverflowError("date value out of range")
            return super().events(article, overrides=overrides)

    uploads = [
        ("a.txt", b"Report A\n\nShelling hit Aleppo."),
        ("b.txt", b"Report B\n\npoison in Aleppo."),
        ("c.txt", b"Report C\n\nTalks in Geneva."),
    ]
    with EventStore.open(tmp_path / "events.sqlite") as store:
        report = appactions.add_uploads(uploads, store=store, pipeline=Fussy)
    assert report.articles == 2
    assert len(report.problems) == 1 and "Report B" in report.problems[0]


def test_an_event_the_store_refuses_costs_only_itself(
    tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geo.formats.imports as imports

    # Let a geonameid too large for SQLite past the row checks, as a value no check
    # foresaw would be: the store refuses it, and the chunk is written again one event
    # at a time.
    monkeypatch.setattr(imports, "_storable", lambda event: event)
    monkeypatch.setattr(imports, "_check_cells", lambda cells, names=(): None)
    import geo.formats.acled as acled

    monkeypatch.setattr(acled, "_int", lambda text, column: int(text))
    path = tmp_path / "acled.csv"
    lines = [
        ",".join(EXPORT_COLUMNS),
        _own_row("good-1"),
        _own_row("X1", conflictmap_geonameid="9" * 23),
        _own_row("good-2"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, skipped, out = _import(path, tmp_path / "events.sqlite", capsys)
    assert code == 1
    assert len(skipped) == 1 and "event X1 cannot be stored" in skipped[0]
    assert "imported 2 acled events" in out
