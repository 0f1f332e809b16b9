"""Bad files give a correct result or one clear message naming the file (and line),
and everything else in the same run is still processed.

The command-line cases use the suite's fast stand-in pipeline; the fuzz tests drive
the readers and importers with generated input and accept only our own errors.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from palmyra import palmyra_event

from gazetteer.errors import GazetteerError
from geo.cli.main import run
from geo.errors import ConflictmapError
from geo.formats.acled import EXPORT_COLUMNS
from geo.formats.exports import write_acled_csv
from geo.formats.imports import MAX_FIELD_CHARS, BadRow, read_acled, read_gdelt
from geo.read.readers import MAX_ARTICLE_BYTES, articles_from_bytes, iter_jsonl_articles, read_articles
from geo.records import Event
from geo.store.store import EventStore

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUR_ERRORS = (ConflictmapError, GazetteerError)
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

GOOD_TEXT = "Forces fought near Aleppo on Monday.\n"


@pytest.fixture
def fake_pipeline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")


def stored(db: Path) -> tuple[int, set[str]]:
    with EventStore.open(db, readonly=True) as store:
        return store.article_count(), {e.place for e in store.query()}


# ---------------------------------------------------------------------------
# ingest: a folder of good and bad files


def bad_folder(root: Path) -> Path:
    root.mkdir()
    (root / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("---\ntitle: nothing\n---\n\n   \n", encoding="utf-8")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "cp1252.txt").write_bytes("Talks in Gen\xe8ve \x93resumed\x94 in Geneva.\n".encode("latin-1"))
    (root / "utf16.txt").write_bytes("Aid reached Damascus.\n".encode("utf-16"))
    with open(root / "huge.txt", "wb") as huge:
        huge.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: refused by its size before any read
    (root / "truncated.jsonl").write_text(
        json.dumps({"text": "Troops fought near Palmyra."})
        + "\n"
        + json.dumps({"text": "Shelling hit Raqqa."})
        + "\n"
        + '{"text": "Talks in Mosc',
        encoding="utf-8",
    )
    (root / "nested.html").write_bytes(b"<html><body>" + b"<div>" * 5000 + b"</body></html>")
    return root


def test_ingest_reports_each_bad_file_once_and_stores_the_good_ones(
    tmp_path: Path, fake_pipeline_env: None, capsys: pytest.CaptureFixture
) -> None:
    folder = bad_folder(tmp_path / "articles")
    db = tmp_path / "events.sqlite"
    code = run(["ingest", str(folder), "--db", str(db), "--workers", "1"])
    err = capsys.readouterr().err
    assert code == 1
    problems = [line for line in err.splitlines() if line.strip()]
    for name in ("empty.txt", "blank.md", "photo.txt", "huge.txt", "nested.html"):
        assert sum(name in line for line in problems) == 1, (name, problems)
    assert any("truncated.jsonl" in line and "line 3" in line for line in problems), problems
    assert not any("Traceback" in line for line in problems)
    articles, places = stored(db)
    assert articles == 5  # good, cp1252, utf16 and the two whole JSONL lines
    assert places == {"Aleppo", "Geneva", "Damascus", "Palmyra", "Raqqa"}


def test_wrongly_encoded_text_is_read_as_what_it_says(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(b"Talks in Gen\xe8ve \x93resumed\x94.\n")  # Windows-1252 bytes
    (article,) = read_articles(path)
    assert "Gen\u00e8ve \u201cresumed\u201d" in article.title + article.text


def test_a_rerun_after_fixing_a_bad_file_adds_only_it(
    tmp_path: Path, fake_pipeline_env: None, capsys: pytest.CaptureFixture
) -> None:
    folder = bad_folder(tmp_path / "articles")
    db = tmp_path / "events.sqlite"
    run(["ingest", str(folder), "--db", str(db), "--workers", "1"])
    (folder / "empty.txt").write_text("Aid reached Moscow.\n", encoding="utf-8")
    capsys.readouterr()
    run(["ingest", str(folder), "--db", str(db), "--workers", "1"])
    assert "1 new, 5 skipped" in capsys.readouterr().out
    assert stored(db)[0] == 6


# ---------------------------------------------------------------------------
# import: malformed ACLED and GDELT rows


def test_malformed_acled_rows_are_named_by_line_and_the_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    header, first = FIXTURES.joinpath("acled_sample.csv").read_text(encoding="utf-8").splitlines()[:2]
    columns = next(csv.reader([header]))
    good = dict(zip(columns, next(csv.reader([first]))))

    def row(event_id: str, **changes: str) -> str:
        out = io.StringIO()
        csv.writer(out).writerow([{**good, **changes, "event_id_cnty": event_id}[c] for c in columns])
        return out.getvalue().rstrip("\r\n")

    bad = [
        row("B1", event_date="31 February 2016"),
        row("B2", latitude="north"),
        row("B3", longitude="200"),
        "B4,2016-03-24,too,few,columns",
        row("B5", notes="x" * 200_000),
        "\x00\x00\x00",
    ]
    path = tmp_path / "acled.csv"
    path.write_text("\n".join([header, row("G1"), *bad, row("G2"), row("G3")]) + "\n", encoding="utf-8")
    db = tmp_path / "events.sqlite"
    code = run(["import", "acled", str(path), "--db", str(db)])
    captured = capsys.readouterr()
    assert code == 1
    skipped = [line for line in captured.err.splitlines() if "skipped" in line]
    assert [int(line.split(" line ")[1].split(":")[0]) for line in skipped] == [2 + n for n in range(1, 7)]
    assert all(str(path) in line for line in skipped)
    assert "field larger than field limit" in skipped[4]
    assert "imported 3 acled events" in captured.out
    with EventStore.open(db, readonly=True) as store:
        assert store.count() == 3


def test_gdelt_rows_that_are_short_garbled_or_binary_are_skipped_by_line(tmp_path: Path) -> None:
    first = FIXTURES.joinpath("gdelt_events_sample.CSV").read_text(encoding="utf-8").splitlines()[0]
    fields = first.split("\t")

    def row(event_id: str, *, date_text: str = fields[1]) -> str:
        return "\t".join([event_id, date_text, *fields[2:]])

    binary = "\x89PNG\x1a\x00\xff\xfe"
    path = tmp_path / "gdelt.CSV"
    lines = [row("1"), "short\trow", row("2", date_text="2016-03-24"), binary, row("3"), row("4")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad: list[BadRow] = []
    events = read_gdelt(path, on_error=bad.append)
    assert [b.line for b in bad] == [2, 3, 4]
    assert "SQLDATE" in bad[1].reason and "expected 61" in bad[2].reason
    assert len(events) == 3


def test_a_binary_file_given_as_acled_is_refused_whole(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert run(["import", "acled", str(path), "--db", str(tmp_path / "e.sqlite")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not an ACLED CSV" in err[0] and str(path) in err[0]


@pytest.mark.parametrize("kind", ["acled", "gdelt"])
@pytest.mark.parametrize("content", [b"", b"\n\r\n"], ids=["no-bytes", "blank-lines"])
def test_an_empty_table_is_named_empty_not_imported_as_nothing(
    kind: str, content: bytes, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    path = tmp_path / "cut-short.csv"
    path.write_bytes(content)
    assert run(["import", kind, str(path), "--db", str(tmp_path / "e.sqlite")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and f"{path} is empty" in err[0]


# ---------------------------------------------------------------------------
# fuzz: readers


NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl", "a.json", "a.xml", "a.rss", "a", "a.htm"])
CONTENT_TYPES = st.sampled_from(
    [
        "",
        "text/html",
        "text/plain",
        "application/json",
        "application/rss+xml",
        "application/xml",
        "text/xml; charset=latin-1",
    ]
)
MARKUP = st.sampled_from(
    [
        b"<html>",
        b"</p>",
        b"<rss version='2.0'><channel><item><title>",
        b"<?xml version='1.0'?>",
        b"---\ntitle: x\n---\n",
        b'{"text": ',
        b'"Aleppo"',
        b"}\n",
        b"[",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\x00",
        b"&amp;",
        b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
        b"\r\n",
        b"Palmyra. ",
    ]
)
DOCUMENTS = st.one_of(
    st.binary(max_size=400),
    st.lists(MARKUP | st.binary(max_size=12), max_size=25).map(b"".join),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@FUZZ
@given(data=DOCUMENTS, name=NAMES, content_type=CONTENT_TYPES)
@example(data=b"[" * 5000, name="a.json", content_type="")  # once a RecursionError
def test_fuzzed_documents_give_articles_or_our_error(data: bytes, name: str, content_type: str) -> None:
    try:
        articles = articles_from_bytes(data, name=name, content_type=content_type, on_error=lambda err: None)
    except OUR_ERRORS as err:
        assert name in str(err) or "expected" in str(err), err
    else:
        assert articles and all(a.text.strip() for a in articles)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=15),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "text", "title", "published", "source", "url"]), inner, max_size=6)
    ),
    max_leaves=10,
)
JSONL_LINES = st.one_of(
    JSON_VALUES.map(json.dumps),
    st.fixed_dictionaries(
        {"text": st.text(min_size=1, max_size=40)},
        optional={"published": st.text(max_size=12), "id": st.integers() | st.text(max_size=5)},
    ).map(json.dumps),
    st.text(max_size=40),
    st.just('{"text": "cut sh'),
    st.just("[" * 5000),
)


@FUZZ
@given(lines=st.lists(JSONL_LINES, max_size=6))
@example(lines=["[" * 5000, '{"text": "Shelling hit Raqqa."}'])  # once a RecursionError
@example(lines=["\x85"])  # a line of Unicode whitespace only is blank
def test_fuzzed_jsonl_reports_bad_lines_and_keeps_the_rest(tmp_path_factory, lines: list[str]) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    bad: list[Exception] = []
    try:
        articles = list(iter_jsonl_articles(path, on_error=bad.append))
    except OUR_ERRORS:
        return  # the file as a whole (empty, binary) is refused
    # Blank as the reader sees it: Unicode whitespace only (a lone U+0085 is blank too).
    non_blank = sum(1 for line in path.read_bytes().split(b"\n") if line.decode("utf-8", "replace").strip())
    assert len(articles) + len(bad) == non_blank
    assert all(isinstance(err, ConflictmapError) and str(path) in str(err) for err in bad)


# ---------------------------------------------------------------------------
# fuzz: importers


def base_event() -> Event:
    return palmyra_event(
        event_id="e1",
        sub_event_type="shelling",
        geonameid=170575,
        quote="Shelling hit Palmyra.",
        title="Palmyra",
        published=date(2016, 3, 24),
        source="Wire",
        url="https://example.org",
        confidence=0.8,
        extra=(("k", "v"),),
    )


CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "nan",
            "inf",
            "-1e309",
            "1e400",
            "2016-02-30",
            "24 March 2016",
            "{",
            "[]",
            '{"a": [1]}',
            "null",
            "0",
            "-1",
            "4",
            "x" * 140_000,
            "=1+1",
            "'=1",
            "frontline",
            "conflictmap",
            "acled",
            "Battles",
            "Armed clash",
            "760",
            "SY",
            "Syria",
        ]
    ),
)


@FUZZ
@given(
    changes=st.lists(st.tuples(st.sampled_from(EXPORT_COLUMNS), CELLS), max_size=4),
    extra_rows=st.lists(st.lists(CELLS, max_size=5), max_size=2),
)
# Each of these once ended the import with a traceback instead of a skipped row.
@example(changes=[("conflictmap_extra", "{")], extra_rows=[])
@example(changes=[("conflictmap_extra", "[]")], extra_rows=[])
@example(changes=[("notes", "x" * 140_000)], extra_rows=[])
def test_fuzzed_acled_rows_import_or_are_skipped_by_line(tmp_path_factory, changes, extra_rows) -> None:
    folder = tmp_path_factory.mktemp("acled")
    clean = folder / "clean.csv"
    write_acled_csv([base_event()], clean)
    header, row = list(csv.reader(clean.read_text(encoding="utf-8").splitlines()))
    mutated = dict(zip(header, row))
    mutated.update(changes)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerow([mutated[c] for c in header])
    for extra in extra_rows:
        writer.writerow(extra)
    writer.writerow(row)  # a good row after the bad ones is still read
    path = folder / "fuzzed.csv"
    path.write_bytes(out.getvalue().encode("utf-8", "surrogatepass"))  # lone surrogates: invalid UTF-8
    bad: list[BadRow] = []
    events = read_acled(path, on_error=bad.append)
    assert all(row.path == path and row.line >= 2 and row.reason for row in bad)
    written = [[mutated[c] for c in header], *extra_rows, row]
    # The importer's own limit, not ``csv.field_size_limit()``: that is one setting for the
    # whole process, which a package imported by another test may have raised.
    if any(len(cell) > MAX_FIELD_CHARS for r in written for cell in r):
        # The csv module gives up on the record at the oversized cell; a record that went
        # on over more lines then shows up as more bad rows, which is all this can promise.
        assert any("field larger than field limit" in b.reason for b in bad)
        return
    assert len(events) + len(bad) == sum(1 for r in written if any(c.strip() for c in r))
    assert events[-1] == base_event()


GDELT_CELLS = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="\t\n\r"), max_size=10),
    st.sampled_from(["", "19", "20", "00", "190", "99999999", "20160230", "nan", "91", "-181", "4", "1"]),
)


@FUZZ
@given(changes=st.lists(st.tuples(st.integers(0, 60), GDELT_CELLS), max_size=5), drop=st.integers(0, 3))
def test_fuzzed_gdelt_rows_import_or_are_skipped_by_line(tmp_path_factory, changes, drop: int) -> None:
    first = FIXTURES.joinpath("gdelt_events_sample.CSV").read_text(encoding="utf-8").splitlines()[0]
    fields = first.split("\t")
    for index, value in changes:
        fields[index] = value
    fields = fields[: len(fields) - drop]
    path = tmp_path_factory.mktemp("gdelt") / "fuzzed.CSV"
    path.write_bytes(("\t".join(fields) + "\n" + first + "\n").encode("utf-8", "surrogatepass"))
    bad: list[BadRow] = []
    events = read_gdelt(path, on_error=bad.append)
    assert len(events) + len(bad) == 2
    assert [row.line for row in bad] in ([], [1])
