"""Ingest and parse bounded whatever the article: long texts read in sections with
offsets kept, an article over the length limit refused in one line, and a record
that cannot be stored skipped by itself (its file and line named), never its batch."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from geo.cli.main import run
from geo.parse.dates import resolve_event_date
from geo.parse.geoparser import SECTION_CHARS, split_for_model
from geo.store.store import EventStore


@pytest.fixture
def fake_pipeline_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")


def _line(number: int, **changes: object) -> str:
    record = {
        "id": f"a{number}",
        "title": f"Report {number}",
        "published": "2016-03-24",
        "text": f"Shelling hit Aleppo in report {number}.",
    }
    record.update(changes)
    return json.dumps(record)  # ensure_ascii: a lone surrogate is written as the escape "\udfff"


def test_a_lone_surrogate_in_a_title_skips_that_line_only(
    tmp_path: Path, capsys: pytest.CaptureFixture, fake_pipeline_env: None
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [_line(n, title="T\udfffitle") if n == 33 else _line(n) for n in range(1, 101)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "\\udfff" in corpus.read_text(encoding="utf-8")
    db = tmp_path / "events.sqlite"
    code = run(["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 1
    problems = [line for line in captured.err.splitlines() if "cannot ingest" in line]
    assert len(problems) == 1 and f"{corpus}, line 33" in problems[0] and "title" in problems[0]
    with EventStore.open(db, readonly=True) as store:
        assert store.article_count() == 99


def test_a_lone_surrogate_in_a_text_without_id_skips_that_line_and_keeps_the_next(
    tmp_path: Path, capsys: pytest.CaptureFixture, fake_pipeline_env: None
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    bad = json.dumps({"text": "Shelling hit Aleppo \udfff today."})
    good = json.dumps({"text": "Talks in Geneva went on."})
    corpus.write_text(f"{bad}\n{good}\n", encoding="utf-8")
    db = tmp_path / "events.sqlite"
    code = run(["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert f"{corpus}, line 1" in captured.err and "lone surrogate" in captured.err
    assert "1 new" in captured.out
    with EventStore.open(db, readonly=True) as store:
        assert store.article_count() == 1


def test_ingest_refuses_an_article_over_the_length_limit_in_one_line_and_stores_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture, fake_pipeline_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import geo.store.ingest

    monkeypatch.setattr(geo.store.ingest, "MAX_ARTICLE_CHARS", 5_000)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "long.txt").write_text("Long report\n\n" + "Shelling hit Aleppo again. " * 400, encoding="utf-8")
    (folder / "short.txt").write_text("Short report\n\nTalks in Geneva went on.", encoding="utf-8")
    db = tmp_path / "events.sqlite"
    code = run(["ingest", str(folder), "--db", str(db), "--workers", "1"])
    captured = capsys.readouterr()
    assert code == 1
    problems = [line for line in captured.err.splitlines() if "cannot ingest" in line]
    assert len(problems) == 1 and "long.txt" in problems[0] and "5,000" in problems[0]
    with EventStore.open(db, readonly=True) as store:
        assert store.article_count() == 1


def test_the_length_limit_is_stated_in_the_readme() -> None:
    from geo.read.readers import MAX_ARTICLE_CHARS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"{MAX_ARTICLE_CHARS:,}" in readme


def test_sections_cover_the_text_exactly_and_end_at_sentences() -> None:
    paragraph = " ".join(f"Sentence {n} names Aleppo." for n in range(3_000))  # one paragraph, no line break
    sections = list(split_for_model(paragraph))
    assert len(sections) > 3
    assert "".join(piece for _, piece in sections) == paragraph
    for offset, piece in sections:
        assert paragraph[offset : offset + len(piece)] == piece
        assert len(piece) <= SECTION_CHARS
    assert all(piece.rstrip().endswith(".") for _, piece in sections[:-1])


def test_sections_prefer_paragraph_breaks() -> None:
    paragraphs = ["Word " * 1_500 + "end." for _ in range(6)]
    text = "\n\n".join(paragraphs)
    sections = list(split_for_model(text))
    assert all(text[offset + len(piece) :].startswith("\n\n") for offset, piece in sections[:-1])


def test_a_relative_date_before_year_one_falls_back_instead_of_failing() -> None:
    found = resolve_event_date("Shelling hit Aleppo on Friday.", published=date(1, 1, 1))
    assert found.value == date(1, 1, 1)
    found = resolve_event_date("Talks will resume next week.", published=date(9999, 12, 31))
    assert found.value == date(9999, 12, 31)


DEMO = Path(__file__).resolve().parents[1] / "geo" / "web" / "demo" / "briefs.jsonl"


def _demo_texts() -> list[str]:
    return [json.loads(line)["text"] for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.model
def test_an_article_published_on_0001_01_01_with_a_weekday_gives_its_events(geoparser) -> None:
    from geo.parse.pipeline import Pipeline
    from geo.records import Article

    text = next(t for t in _demo_texts() if " on Thursday" in t)
    events = Pipeline(geoparser).events(Article(text, title="Old", published=date(1, 1, 1)))
    assert events
    assert all(e.event_date is None or e.event_date.year < 100 for e in events)


@pytest.mark.model
@pytest.mark.slow
def test_a_long_text_gives_the_events_of_its_sections_at_their_offsets(
    geoparser, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo.parse.pipeline import Pipeline
    from geo.records import Article

    texts = _demo_texts()
    text = "\n\n".join(texts * 2)
    assert len(text) > 3 * SECTION_CHARS
    # The sections the pipeline reads are kept, so the text is parsed once (it is long).
    read: list = []
    sections = geoparser.sections

    def keeping(*args, **kwargs):
        for section in sections(*args, **kwargs):
            read.append(section)
            yield section

    monkeypatch.setattr(geoparser, "sections", keeping)
    events = Pipeline(geoparser).events(Article(text, title="Long", published=date(2016, 3, 24)))
    assert len(events) > len(texts)
    assert all(" ".join(e.quote.split()) in " ".join(text.split()) for e in events)
    assert len({e.event_id for e in events}) == len(events)  # sentence numbers run across sections
    places = [p for section in read for p in section.places]  # what ``geoparser.places(text)`` gives
    assert places[-1].mention.start > len(text) - SECTION_CHARS  # the last section is read too
    assert all(text[p.mention.start : p.mention.end] == p.mention.text for p in places)


def test_an_article_the_store_refuses_costs_only_itself(tmp_path: Path) -> None:
    from fake_pipeline import FakePipeline

    from geo.store.ingest import IngestOptions, ingest

    class Poisoned(FakePipeline):
        """Gives one article an event holding a value no store can write."""

        def events(self, article, *, overrides=()):
            events = super().events(article, overrides=overrides)
            if "poison" in article.text:
                from dataclasses import replace

                events = tuple(replace(e, geonameid=10**30) for e in events)  # beyond SQLite's 64 bits
            return events

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "\n".join(_line(n, text=f"Shelling hit Aleppo {'poison' if n == 2 else ''} {n}.") for n in range(1, 5)) + "\n",
        encoding="utf-8",
    )
    problems: list = []
    with EventStore.open(tmp_path / "events.sqlite") as store:
        report = ingest(
            [corpus], store, IngestOptions(pipeline_factory=lambda _: Poisoned()), on_problem=problems.append
        )
        assert store.article_count() == 3
    assert report.new == 3 and report.failed_articles == 1
    assert len(problems) == 1 and "Report 2" in str(problems[0]) and "cannot be stored" in str(problems[0])


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("indent", [None, 2])
def test_parse_writes_its_geojson_a_feature_at_a_time_as_the_same_text(count: int, indent: int | None) -> None:
    import io

    from geo.formats import geojson
    from geo.records import Event

    events = [
        Event(
            event_id=f"e{n}",
            event_type="frontline",
            sub_event_type="shelling",
            event_date=date(2016, 3, 24),
            date_precision=1,
            place="Aleppo",
            mention="Halab",
            lat=36.2,
            lon=37.16,
            geonameid=170063,
            country_code="SY",
            admin1="Aleppo",
            feature_code="PPLA",
            geo_precision=1,
            quote="Shelling hit \u062d\u0644\u0628.\nAgain.",
            article_id="a",
            title="t",
            published=None,
            source="",
            url="",
            confidence=0.5,
        )
        for n in range(count)
    ]
    out = io.StringIO()
    assert geojson.dump(events, out, indent=indent) == count
    assert out.getvalue() == geojson.dumps(events, indent=indent)
