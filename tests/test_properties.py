"""Property-based tests: any text (lone surrogates and NUL included) and any number
through every reader, importer, exporter and the store.

What must hold for every input hypothesis makes up:

* no exception escapes but this package's own (``ConflictmapError``, one sentence),
  and a file of good and bad records is never refused whole;
* every good record survives: the good articles of a file are read, the good rows of
  an ACLED file are imported equal, every event written reads back;
* the store takes whatever events and articles it is given and passes SQLite's
  ``integrity_check``.
"""

from __future__ import annotations

import json
import math
import sqlite3
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from geo.errors import ConflictmapError
from geo.records import EVENT_TYPES, Article, Event

pytestmark = pytest.mark.slow

#: Few examples each (files are written per example); no "explain" phase, whose replays
#: of slow examples take minutes.
SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
)
#: Characters text files and cells get wrong: lone surrogates, NUL, line ends, quotes,
#: separators, formula triggers, a byte-order mark, a right-to-left override.
AWKWARD = ["\ud800", "\udfff", "\0", "\r", "\n", '"', ",", "\t", "=", "\ufeff", "\u202e", "\\"]
#: Any text, surrogates and all.
ANY_TEXT = st.text(st.characters(exclude_categories=()) | st.sampled_from(AWKWARD), max_size=20)
#: Text a well-formed record holds: any character a UTF-8 file can carry.
GOOD_TEXT = st.text(st.characters(exclude_categories=("Cs",)) | st.sampled_from(AWKWARD[2:]), max_size=20)
#: Any number as a file would write it: huge, tiny, signed, exponent, not a number.
ANY_NUMBER = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["99999999999999999999", "999999999999", "1e400", "-0", "\u00b2", "\u0663", "0x1F", ""]),
)


def events(text: st.SearchStrategy[str] = GOOD_TEXT) -> st.SearchStrategy[Event]:
    """Events with any valid numbers and the given text in every text field."""
    when = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
    return st.builds(
        Event,
        event_id=st.uuids().map(str),
        event_type=st.sampled_from(EVENT_TYPES),
        sub_event_type=text,
        event_date=when,
        date_precision=st.sampled_from([1, 2, 3]),
        place=text,
        mention=text,
        lat=st.floats(min_value=-90, max_value=90, allow_nan=False),
        lon=st.floats(min_value=-180, max_value=180, allow_nan=False),
        # GeoNames ids are below 2**31; a reader of GeoPackage (geopandas by default) turns an
        # integer column with gaps into float64, exact only up to 2**53.
        geonameid=st.one_of(st.none(), st.integers(min_value=0, max_value=2**53)),
        country_code=st.sampled_from(["", "SY", "UA", "YE", "ZZ"]),
        admin1=text,
        feature_code=text,
        geo_precision=st.sampled_from([1, 2, 3]),
        quote=text,
        article_id=text,
        title=text,
        published=when,
        source=text,
        url=text,
        confidence=st.floats(min_value=0, max_value=1, allow_nan=False),
        origin=st.sampled_from(["conflictmap", "acled", "gdelt"]),
        extra=st.lists(st.tuples(text, text), max_size=3, unique_by=lambda kv: kv[0]).map(tuple),
    )


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


# ---------------------------------------------------------------------------
# exporters


def _write_each_format(batch: list[Event], folder: Path) -> dict[str, Path]:
    from geo.formats.exports import WRITERS

    written = {}
    for name, writer in WRITERS.items():
        path = folder / f"events.{name}"
        try:
            assert writer(batch, path) == len(batch)
        except ConflictmapError:
            continue
        written[name] = path
    return written


@SETTINGS
@given(batch=st.lists(events(ANY_TEXT), max_size=4))
def test_every_exporter_writes_any_text_or_says_why(batch: list[Event]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        written = _write_each_format(batch, Path(folder))
        if "geojson" in written:
            collection = json.loads(written["geojson"].read_text(encoding="utf-8"))
            assert len(collection["features"]) == len(batch)


@SETTINGS
@given(batch=st.lists(events(GOOD_TEXT), min_size=1, max_size=4, unique_by=lambda e: e.event_id))
def test_every_event_written_reads_back(batch: list[Event]) -> None:
    import geopandas as gpd

    from geo.formats.exports import GPKG_NUL_REPLACEMENT
    from geo.formats.imports import read_acled
    from geo.store.frames import events_from_frame, read_events_parquet

    with tempfile.TemporaryDirectory() as folder:
        written = _write_each_format(batch, Path(folder))
        assert set(written) == {"geojson", "csv", "acled", "gpkg", "parquet"}
        without_nul = [_replace_text(e, "\0", GPKG_NUL_REPLACEMENT) for e in batch]
        assert read_acled(written["acled"]) == tuple(without_nul)
        assert list(read_events_parquet(written["parquet"])) == batch
        assert events_from_frame(gpd.read_file(written["gpkg"], layer="events")) == without_nul
        features = json.loads(written["geojson"].read_text(encoding="utf-8"))["features"]
        assert [f["properties"]["title"] for f in features] == [e.title for e in batch]


def _replace_text(event: Event, old: str, new: str) -> Event:
    texts = {
        name: getattr(event, name).replace(old, new)
        for name in (
            "event_id",
            "sub_event_type",
            "place",
            "mention",
            "admin1",
            "feature_code",
            "quote",
            "article_id",
            "title",
            "source",
            "url",
            "origin",
        )
    }
    # ``extra`` is written as JSON text, where a NUL is the escape \u0000: kept.
    return replace(event, **texts)


@SETTINGS
@given(batch=st.lists(events(ANY_TEXT), max_size=3))
def test_the_html_map_holds_any_text(batch: list[Event]) -> None:
    from geo.map.briefing import export_html

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "map.html"
        try:
            export_html(batch, out, title="map")
        except ConflictmapError:
            return
        assert out.read_text(encoding="utf-8").count("<html") >= 1


# ---------------------------------------------------------------------------
# the store


@SETTINGS
@given(
    batch=st.lists(events(ANY_TEXT), max_size=4, unique_by=lambda e: e.event_id),
    texts=st.lists(st.tuples(ANY_TEXT, ANY_TEXT, ANY_TEXT), max_size=3),
)
def test_the_store_keeps_any_text_and_stays_sound(batch: list[Event], texts: list[tuple[str, str, str]]) -> None:
    from geo.store.store import EventStore

    articles = [
        Article(text=f"{body} {n}", title=title, source=source) for n, (body, title, source) in enumerate(texts)
    ]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "events.sqlite"
        with EventStore.open(db) as store:
            try:
                store.add_events(batch)
                store.add_articles([(a, ()) for a in articles])
            except ConflictmapError:
                pass
            stored = store.query()
            kept = store.has_articles(a.article_id for a in articles)
        assert integrity(db) == "ok"
        # Every event whose text a UTF-8 file can hold is stored as it was given.
        good = {e.event_id: e for e in batch if _encodable(e)}
        assert {e.event_id: e for e in stored if e.event_id in good} == good
        assert kept >= {a.article_id for a in articles if _encodable(a)}


def _encodable(record: Event | Article) -> bool:
    try:
        repr_text = json.dumps([getattr(record, f) for f in record.__slots__], default=str, ensure_ascii=False)
        repr_text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------------------
# readers


def _jsonl(records: list[dict]) -> bytes:
    # ensure_ascii: a lone surrogate is written as the escape \udfff, as a hostile file would.
    return "".join(json.dumps(r) + "\n" for r in records).encode("ascii")


GOOD_ARTICLE = st.fixed_dictionaries(
    {
        "text": GOOD_TEXT.filter(lambda t: any(c.isalpha() for c in t)).map(lambda t: f"Report {t}"),
        "title": GOOD_TEXT,
        "source": GOOD_TEXT,
    }
)
BAD_RECORD = st.one_of(
    st.fixed_dictionaries({"text": ANY_TEXT, "title": ANY_TEXT, "published": ANY_NUMBER}),
    st.fixed_dictionaries({"text": st.just("\udfff Report"), "title": st.just("\ud800")}),
    st.fixed_dictionaries({"text": st.integers(), "id": st.floats()}),
    st.just({}),
)


@SETTINGS
@given(good=st.lists(GOOD_ARTICLE, min_size=1, max_size=4), bad=st.lists(BAD_RECORD, max_size=3), where=st.randoms())
def test_json_lines_keep_every_good_article_whatever_the_bad_lines_hold(good, bad, where) -> None:
    from geo.read.readers import articles_from_bytes

    lines = [{"kind": "good", **g} for g in good] + [{"kind": "bad", **b} for b in bad]
    where.shuffle(lines)
    problems = []
    try:
        articles = articles_from_bytes(_jsonl(lines), name="corpus.jsonl", on_error=problems.append)
    except ConflictmapError as err:
        pytest.fail(f"a file holding {len(good)} good articles was refused whole: {err}")
    texts = [a.text.strip() for a in articles]
    for article in good:
        assert any(article["text"].split()[-1] in text for text in texts)


@SETTINGS
@given(
    data=st.binary(max_size=300),
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.xml", "a.rss", "a"]),
)
def test_any_bytes_in_any_article_format_read_or_are_refused_in_one_sentence(data: bytes, name: str) -> None:
    from geo.read.readers import articles_from_bytes

    try:
        articles_from_bytes(data, name=name, on_error=lambda problem: None)
    except ConflictmapError:
        pass


@SETTINGS
@given(text=ANY_TEXT, name=st.sampled_from(["a.txt", "a.md", "a.html", "a.jsonl"]))
def test_any_text_in_any_article_format_reads_or_is_refused_in_one_sentence(text: str, name: str) -> None:
    from geo.read.readers import articles_from_bytes

    data = text.encode("utf-8", errors="surrogatepass")
    try:
        articles_from_bytes(data, name=name, on_error=lambda problem: None)
    except ConflictmapError:
        pass


# ---------------------------------------------------------------------------
# importers


ACLED_BAD_CELLS = st.fixed_dictionaries(
    {},
    optional={
        "event_date": st.one_of(ANY_TEXT, st.just("2016-02-30")),
        "latitude": ANY_NUMBER,
        "longitude": ANY_NUMBER,
        "timestamp": ANY_NUMBER,
        "iso": ANY_NUMBER,
        "time_precision": ANY_NUMBER,
        "geo_precision": ANY_NUMBER,
        "fatalities": ANY_NUMBER,
        "conflictmap_geonameid": ANY_NUMBER,
        "conflictmap_confidence": ANY_NUMBER,
        "conflictmap_extra": ANY_TEXT,
        "conflictmap_event_type": ANY_TEXT,
        "notes": ANY_TEXT,
        "location": ANY_TEXT,
    },
)


@SETTINGS
@given(
    good=st.lists(events(GOOD_TEXT), min_size=1, max_size=4, unique_by=lambda e: e.event_id),
    bad=st.lists(st.tuples(events(GOOD_TEXT), ACLED_BAD_CELLS), max_size=4),
    where=st.randoms(),
)
def test_acled_import_keeps_every_good_row_whatever_the_bad_rows_hold(good, bad, where) -> None:
    import csv

    from geo.formats.acled import EXPORT_COLUMNS, acled_row
    from geo.formats.exports import NUL_REPLACEMENT
    from geo.formats.imports import read_acled
    from geo.safetext import csv_cell

    # good rows as the exporter writes them: a NUL as U+FFFD (a NUL in a cell is a bad row)
    good = [_replace_text(e, "\0", NUL_REPLACEMENT) for e in good]
    rows = [("good", acled_row(e)) for e in good]
    rows += [("changed", {**acled_row(e), **cells}) for e, cells in bad]
    where.shuffle(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acled.csv"
        with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            for _, row in rows:
                writer.writerow({k: csv_cell(v) for k, v in row.items()})
        problems = []
        imported = read_acled(path, on_error=problems.append)
    assert set(good) <= set(imported)
    assert len(imported) + len(problems) <= len(rows)
    for event in imported:
        assert math.isfinite(event.lat) and math.isfinite(event.lon)
        assert _encodable(event)


@SETTINGS
@given(lines=st.lists(st.lists(st.one_of(ANY_TEXT, ANY_NUMBER), min_size=0, max_size=70), max_size=5))
def test_gdelt_import_reports_any_bad_line_and_raises_nothing_else(lines: list[list[str]]) -> None:
    from geo.formats.imports import read_gdelt

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.CSV"
        text = "".join(
            "\t".join(cell.replace("\t", " ").replace("\n", " ").replace("\r", " ") for cell in line) + "\n"
            for line in lines
        )
        path.write_bytes(text.encode("utf-8", errors="surrogatepass"))
        problems = []
        try:
            imported = read_gdelt(path, on_error=problems.append)
        except ConflictmapError:
            return
    assert len(imported) + len(problems) <= len(lines)
    for event in imported:
        assert math.isfinite(event.lat) and math.isfinite(event.lon)
