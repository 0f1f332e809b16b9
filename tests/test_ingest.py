from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import fake_pipeline
import pytest
from fake_pipeline import FakePipeline, load_fake_pipeline, load_first_brief_slow_pipeline

from geo.cli.main import run
from geo.records import Article, PlaceOverride
from geo.store.ingest import (
    BUILTIN_PIPELINES,
    IngestOptions,
    expand_inputs,
    ingest,
    read_input,
    registered_pipelines,
    resolve_pipeline_factory,
)
from geo.store.store import EventStore

TESTS = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PLACES = list(fake_pipeline.PLACES)


def brief(n: int) -> dict[str, str]:
    a, b = PLACES[n % len(PLACES)], PLACES[(3 * n + 1) % len(PLACES)]
    return {
        "title": f"Brief {n}",
        "published": "2016-03-24",
        "text": f"Brief number {n}. Forces fought near {a} on day {n}. Talks were held in {b}.",
    }


def write_corpus(path: Path, count: int, *, start: int = 0) -> Path:
    with open(path, "w", encoding="utf-8") as out:
        for n in range(start, start + count):
            out.write(json.dumps(brief(n)) + "\n")
    return path


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "2016" / "march").mkdir(parents=True)
    (root / "2016" / "palmyra.txt").write_text("Government forces fought their way into Palmyra.\n")
    (root / "2016" / "march" / "geneva.md").write_text("# Talks\n\nTalks resumed in Geneva on Thursday.\n")
    (root / "2016" / "march" / "aleppo.html").write_text(
        "<html><head><title>Aleppo</title></head><body><article><p>Shelling hit Aleppo overnight, "
        "residents said.</p></article></body></html>"
    )
    (root / "2016" / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    (root / "2016" / ".hidden.txt").write_text("Aid reached Damascus.\n")
    write_corpus(root / "corpus.jsonl", 5)
    return root


def options(**changes) -> IngestOptions:
    return IngestOptions(pipeline_factory=load_fake_pipeline, **changes)


@pytest.fixture()
def fake_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")


# -- inputs ----------------------------------------------------------------------


def test_folders_are_searched_recursively_for_article_files(folder: Path) -> None:
    found, problems = expand_inputs([folder])
    assert [Path(p).relative_to(folder).as_posix() for p in found] == [
        "2016/march/aleppo.html",
        "2016/march/geneva.md",
        "2016/palmyra.txt",
        "corpus.jsonl",
    ]
    assert problems == ()


def test_globs_are_expanded_even_when_quoted_and_urls_pass_through(folder: Path) -> None:
    found, problems = expand_inputs([f"{folder}/**/*.md", "https://example.org/a", f"{folder}/*.none"])
    assert [Path(p).name for p in found[:1]] == ["geneva.md"] and found[1] == "https://example.org/a"
    assert [p.reason for p in problems] == ["no article file matches this pattern"]


# -- ingest ----------------------------------------------------------------------


def test_ingest_stores_every_article_of_a_folder_once(folder: Path, tmp_path: Path) -> None:
    with EventStore.open(tmp_path / "e.sqlite") as store:
        report = ingest([folder, folder / "2016" / "palmyra.txt"], store, options())
        assert (report.seen, report.new, report.skipped, report.failed) == (8, 8, 0, 0)
        assert report.events == store.count() > 0
        assert store.article_count() == 8


def test_a_rerun_skips_stored_articles_without_loading_the_pipeline(folder: Path, tmp_path: Path) -> None:
    def no_pipeline(gazetteer):
        raise AssertionError("the pipeline was loaded although every article is stored")

    with EventStore.open(tmp_path / "e.sqlite") as store:
        ingest([folder], store, options())
        before = store.query()
        report = ingest([folder], store, IngestOptions(pipeline_factory=no_pipeline))
        assert (report.new, report.skipped, report.events) == (0, 8, 0)
        assert store.query() == before


def test_an_article_the_pipeline_fails_on_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_corpus(corpus, 3)
    with open(corpus, "a", encoding="utf-8") as out:
        out.write(json.dumps({"text": f"{fake_pipeline.POISON} report from Aleppo."}) + "\n")
    problems = []
    with EventStore.open(tmp_path / "e.sqlite") as store:
        report = ingest([corpus], store, options(), on_problem=problems.append)
        assert (report.new, report.failed_articles) == (3, 1)
        assert store.article_count() == 3
    assert "RuntimeError" in problems[0].reason


def test_stored_corrections_apply_to_new_articles(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 8)
    with EventStore.open(tmp_path / "e.sqlite") as store:
        store.add_override(PlaceOverride("GENEVA", 1, "Geneva, Illinois", 41.89, -88.31, "US"))
        ingest([corpus], store, options())
        assert {(e.place, e.country_code) for e in store.query() if e.mention == "Geneva"} == {
            ("Geneva, Illinois", "US")
        }


def test_urls_are_fetched_through_geo_fetch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import geo.read.fetch

    calls = []

    def fake_fetch(url, *, allow_private=False, published=None):
        calls.append((url, allow_private))
        return (Article("Forces fought near Mariupol.", url=url, published=published),)

    monkeypatch.setattr(geo.read.fetch, "fetch_article", fake_fetch)
    with EventStore.open(tmp_path / "e.sqlite") as store:
        report = ingest(["https://example.org/news/1"], store, options(allow_private=True))
        assert report.new == 1 and store.query()[0].url == "https://example.org/news/1"
    assert calls == [("https://example.org/news/1", True)]


def test_an_upper_case_address_is_fetched_not_looked_up_as_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    found, problems = expand_inputs(["HTTP://EXAMPLE.ORG/news/1", "Https://example.org/news/2"])
    assert found == ("HTTP://EXAMPLE.ORG/news/1", "Https://example.org/news/2") and problems == ()
    fetched = []
    monkeypatch.setattr("geo.store.ingest._fetch", lambda url, **_: fetched.append(url) or ())
    assert list(read_input("HTTP://EXAMPLE.ORG/news/1")) == []
    assert fetched == ["HTTP://EXAMPLE.ORG/news/1"]


def test_a_geojson_file_is_refused_with_a_sentence_not_stored_as_an_article(tmp_path: Path) -> None:
    features = tmp_path / "events.geojson"
    features.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    problems = []
    with EventStore.open(tmp_path / "e.sqlite") as store:
        report = ingest([features], store, options(), on_problem=problems.append)
        assert store.article_count() == 0
    assert report.failed_inputs == 1
    (problem,) = problems
    assert "events.geojson" in str(problem) and "GeoJSON file holds map features, not article text" in str(problem)


def test_worker_processes_store_the_same_events_as_one_process(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "c.jsonl", 300)
    results = []
    for workers in (1, 2):
        with EventStore.open(tmp_path / f"w{workers}.sqlite") as store:
            report = ingest([corpus], store, options(workers=workers))
            assert report.new == 300
            results.append(sorted((e.event_id, e.place) for e in store.query()))
    assert results[0] == results[1]


def test_worker_processes_store_articles_in_the_order_they_were_read(tmp_path: Path) -> None:
    # Merging is incremental: a store that met the articles in another order could make other
    # events. The first batch is the slowest to parse, so the later ones end before it.
    corpus = write_corpus(tmp_path / "c.jsonl", 120)
    slow_first = IngestOptions(pipeline_factory=load_first_brief_slow_pipeline, workers=2, batch_size=10)
    with EventStore.open(tmp_path / "e.sqlite") as store:
        assert ingest([corpus], store, slow_first).new == 120
    with sqlite3.connect(tmp_path / "e.sqlite") as db:
        titles = [title for (title,) in db.execute("SELECT title FROM articles ORDER BY rowid")]
    assert titles == [f"Brief {n}" for n in range(120)]


# -- the command -----------------------------------------------------------------


def test_ingest_command_reports_a_bad_file_in_one_line_and_goes_on(
    folder: Path, tmp_path: Path, fake_env: None, capsys: pytest.CaptureFixture
) -> None:
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\xff\xfe" * 100)
    code = run(
        ["ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "e.sqlite"), "--workers", "1"]
    )
    captured = capsys.readouterr()
    assert code == 1
    problems = captured.err.strip().splitlines()
    assert len(problems) == 2
    assert "missing.txt: no such file or folder" in problems[0]
    assert "broken.txt" in problems[1] and "missing.txt" not in problems[1]
    assert "8 articles seen, 8 new, 0 skipped (already stored), 2 failed" in captured.out


def test_ingest_command_summary_after_a_rerun(
    folder: Path, tmp_path: Path, fake_env: None, capsys: pytest.CaptureFixture
) -> None:
    db = str(tmp_path / "e.sqlite")
    assert run(["ingest", str(folder), "--db", db, "--workers", "1"]) == 0
    assert run(["ingest", f"{folder}/**/*", "--db", db, "--workers", "1"]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("ingest: 8 articles seen, 0 new, 8 skipped") and last.endswith("0 events added")


def test_parquet_without_a_scheduler_is_refused(
    folder: Path, tmp_path: Path, fake_env: None, capsys: pytest.CaptureFixture
) -> None:
    code = run(["ingest", str(folder), "--db", str(tmp_path / "e.sqlite"), "--parquet", str(tmp_path)])
    assert code == 1 and "--scheduler" in capsys.readouterr().err


def test_the_pipeline_setting_names_a_registered_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "fake")
    assert resolve_pipeline_factory() is load_fake_pipeline
    monkeypatch.delenv("CONFLICTMAP_PIPELINE")
    assert resolve_pipeline_factory() is BUILTIN_PIPELINES["conflictmap"]
    assert {"conflictmap", "fake", "slow"} <= set(registered_pipelines())


def test_a_module_path_in_the_pipeline_setting_is_refused_without_importing_it(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    imported = tmp_path / "imported"
    (tmp_path / "tripwire.py").write_text(
        f"open({str(imported)!r}, 'w').close()\n\ndef load(gazetteer=None):\n    return None\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setenv("CONFLICTMAP_PIPELINE", "tripwire:load")
    code = run(["ingest", str(folder), "--db", str(tmp_path / "e.sqlite"), "--workers", "1"])
    [message] = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and not imported.exists()
    assert "no pipeline is registered under that name" in message and "fake" in message


def _stored(db: Path) -> tuple[int, int, int, int]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT article_id) FROM articles), "
            "(SELECT count(*) FROM events), (SELECT count(DISTINCT event_id) FROM events)"
        ).fetchone()


@pytest.mark.slow
def test_an_ingest_killed_halfway_finishes_on_rerun_with_every_article_once(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2000)
    db = tmp_path / "events.sqlite"
    env = {
        **os.environ,
        "CONFLICTMAP_PIPELINE": "slow",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH", "")])),
    }
    command = [sys.executable, "-m", "geo.cli.main", "ingest", str(corpus), "--db", str(db), "--workers", "1"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored_at_kill = 0
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                stored_at_kill = _stored(db)[0]
            except sqlite3.OperationalError:  # the schema is being created
                stored_at_kill = 0
            if stored_at_kill >= 600:
                break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"
    articles, _, _, _ = _stored(db)
    assert 600 <= articles < 2000

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{2000 - articles} new, {articles} skipped" in rerun.stdout
    expected_events = sum(
        len(FakePipeline().events(Article(**{**b, "published": date(2016, 3, 24)}))) for b in map(brief, range(2000))
    )
    assert _stored(db) == (2000, 2000, expected_events, expected_events)


@pytest.mark.slow
def test_dask_ingest_writes_geoparquet_and_stores_what_a_local_ingest_stores(tmp_path: Path) -> None:
    from distributed import LocalCluster

    corpus = write_corpus(tmp_path / "c.jsonl", 120)
    parquet = tmp_path / "parquet"
    with EventStore.open(tmp_path / "local.sqlite") as store:
        ingest([corpus], store, options())
        local = store.query()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        EventStore.open(tmp_path / "dask.sqlite") as store,
    ):
        first = ingest_dask_run(corpus, store, cluster.scheduler_address, parquet)
        again = ingest_dask_run(corpus, store, cluster.scheduler_address, parquet)
        assert (first.new, first.events) == (120, len(local))
        assert (again.new, again.skipped) == (0, 120)
        assert sorted(store.query(), key=lambda e: e.event_id) == sorted(local, key=lambda e: e.event_id)
    parts = sorted(parquet.glob("*.parquet"))
    assert len(parts) > 1
    with EventStore.open(tmp_path / "from-parquet.sqlite") as store:
        assert store.import_parquet(parquet) == len(local)


def ingest_dask_run(corpus: Path, store: EventStore, address: str, parquet: Path):
    from geo.store.ingest import ingest_dask

    return ingest_dask([corpus], store, options(batch_size=16), scheduler=address, parquet_dir=parquet)


# -- with the real pipeline ---------------------------------------------------------


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
def test_the_seed_ingested_twice_gives_the_same_events_in_every_export(tmp_path: Path, monkeypatch) -> None:
    seed = SHARED / "seed" / "kerry_moscow_syria.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is not available")
    import geopandas as gpd

    from geo.formats.imports import read_acled

    monkeypatch.delenv("CONFLICTMAP_PIPELINE", raising=False)
    db = tmp_path / "events.sqlite"
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(seed.read_bytes())
    assert run(["ingest", str(seed), "--db", str(db), "--published", "2016-03-24", "--workers", "1"]) == 0
    with EventStore.open(db, readonly=True) as store:
        first = store.query()
    assert first, "the seed article gave no events"
    assert run(["ingest", str(copy), "--db", str(db), "--published", "2016-03-24", "--workers", "1"]) == 0
    with EventStore.open(db, readonly=True) as store:
        assert store.query() == first and store.article_count() == 1
    # a fresh store, the same text under another name: the same events with the same ids
    other = tmp_path / "other.sqlite"
    assert run(["ingest", str(copy), "--db", str(other), "--published", "2016-03-24", "--workers", "1"]) == 0
    with EventStore.open(other, readonly=True) as store:
        assert store.query() == first
        coded = store.coded_events()  # the exports' rows: one per happening
    outputs = {"geojson": tmp_path / "e.geojson", "gpkg": tmp_path / "e.gpkg", "acled": tmp_path / "e.csv"}
    for fmt, out in outputs.items():
        assert run(["export", "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
    assert len(gpd.read_file(outputs["geojson"])) == len(coded)
    assert len(gpd.read_file(outputs["gpkg"], layer="events")) == len(coded)
    assert [e.event_id for e in read_acled(outputs["acled"])] == [e.event_id for e in coded]
    reports = tmp_path / "reports.geojson"
    assert run(["export", "--format", "geojson", "--per-report", "-o", str(reports), "--db", str(db)]) == 0
    assert len(gpd.read_file(reports)) == len(first)


def test_a_scheduler_address_that_cannot_be_used_is_one_clear_error(
    folder: Path, tmp_path: Path, fake_env: None, capsys: pytest.CaptureFixture
) -> None:
    code = run(["ingest", str(folder), "--db", str(tmp_path / "e.sqlite"), "--scheduler", "no-port-here"])
    assert code == 1
    assert "cannot reach the Dask scheduler at 'no-port-here'" in capsys.readouterr().err
