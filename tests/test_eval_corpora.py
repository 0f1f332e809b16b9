"""The annotated corpora in data/eval: the markup builder, and the committed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.eval.evaluate import iter_corpus
from tests.repo_scripts import load_script

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO / "data" / "eval"


def _load_builder():
    return load_script("build_warnews")


builder = _load_builder()

HEADER = """id: war-test-01
published: 2031-03-14
title: Ferry crossing shelled
source: River Post
url: https://example.org/war/war-test-01
conflict: Test War
---
"""
BODY = (
    "Shells fell on [[Lakeport|10.5,20.25|frontline|2031-03-13]] on Thursday.\n\n"
    "Envoys met in [[Hillview|-5.0,30.0|diplomacy|2031-03]], far from [[Lakeport|10.5,20.25|-]].\n"
)


def test_markup_becomes_plain_text_with_offsets_and_event_gold():
    article = builder.parse_source(HEADER + BODY, name="war-test-01.txt")
    assert article.text == "Shells fell on Lakeport on Thursday.\n\nEnvoys met in Hillview, far from Lakeport."
    assert [(t.name, t.event_type, t.event_date) for t in article.toponyms] == [
        ("Lakeport", "frontline", "2031-03-13"),
        ("Hillview", "diplomacy", "2031-03"),
        ("Lakeport", None, None),
    ]
    for toponym in article.toponyms:
        assert article.text[toponym.start : toponym.end] == toponym.name
    assert (article.published, article.conflict, article.source) == ("2031-03-14", "Test War", "River Post")


@pytest.mark.parametrize(
    "body, line, message",
    [
        ("Fine.\n\nShells on [[Lakeport|10.5|frontline]].\n", "line 10", "lat,lon"),
        ("Shells on [[Lakeport|10.5,20.2|battle]].\n", "line 8", "'battle'"),
        ("One.\nTwo [[Lakeport|10.5,20.2|-|March]].\n", "line 9", "YYYY-MM-DD"),
        ("Shells on [[Lakeport|10.5,20.2|-].\n", "line 8", "malformed"),
        ("Shells on [[Lakeport|95,20.2|-]].\n", "line 8", "-90..90"),
    ],
)
def test_bad_markup_error_names_file_and_line(body, line, message):
    with pytest.raises(builder.MarkupError) as caught:
        builder.parse_source(HEADER + body, name="war-test-01.txt")
    assert str(caught.value).startswith(f"war-test-01.txt, {line}: ")
    assert message in str(caught.value)


def test_header_must_be_complete_and_match_the_file_name():
    with pytest.raises(builder.MarkupError, match="'conflict' is missing"):
        builder.parse_source(HEADER.replace("conflict: Test War\n", "") + BODY, name="war-test-01.txt")
    with pytest.raises(builder.MarkupError, match="expected id 'war-test-02'"):
        builder.parse_source(HEADER + BODY, name="war-test-02.txt")
    with pytest.raises(builder.MarkupError, match="'---'"):
        builder.parse_source(HEADER.replace("---\n", "") + BODY, name="war-test-01.txt")


def test_build_is_sorted_by_id_and_deterministic(tmp_path):
    (tmp_path / "war-test-02.txt").write_text(HEADER.replace("-01", "-02") + BODY, encoding="utf-8")
    (tmp_path / "war-test-01.txt").write_text(HEADER + BODY, encoding="utf-8")
    built = builder.build(tmp_path)
    assert built == builder.build(tmp_path)
    assert [json.loads(line)["id"] for line in built.splitlines()] == ["war-test-01", "war-test-02"]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(built, encoding="utf-8")
    assert [len(a.toponyms) for a in iter_corpus(corpus)] == [3, 3]


# ---------------------------------------------------------------------------
# the committed corpora


def _built_corpus(name: str) -> tuple[Path, Path]:
    folder, output = builder.CORPORA[name]
    if name in builder.OPTIONAL_CORPORA and not folder.is_dir():
        assert not output.exists(), f"{output} is built from no sources"
        pytest.skip(f"no {name} sources")
    return folder, output


@pytest.mark.parametrize("name", sorted(builder.CORPORA))
def test_committed_corpus_is_what_its_sources_build(name):
    folder, output = _built_corpus(name)
    assert output.read_text(encoding="utf-8") == builder.build(folder)


@pytest.mark.parametrize("name", sorted(builder.CORPORA))
def test_every_committed_toponym_spans_its_name(name):
    _, output = _built_corpus(name)
    articles = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert articles
    for article in articles:
        for toponym in article["toponyms"]:
            assert article["text"][toponym["start"] : toponym["end"]] == toponym["name"], article["id"]
            assert toponym["event_type"] in (None, "frontline", "diplomacy", "humanitarian", "other")


def test_an_absent_training_folder_builds_nothing_and_checks_clean(tmp_path, monkeypatch):
    monkeypatch.setattr(builder, "CORPORA", {"train": (tmp_path / "train", tmp_path / "train.jsonl")})
    assert builder.main(["--check"]) == 0
    assert builder.main([]) == 0
    assert not (tmp_path / "train.jsonl").exists()
    (tmp_path / "train").mkdir()
    assert builder.main(["--check"]) == 1  # sources now exist: the JSONL must be built
    assert builder.main([]) == 0
    assert (tmp_path / "train.jsonl").read_text(encoding="utf-8") == ""


def test_training_articles_never_share_an_id_with_a_scored_article():
    folder, _ = builder.CORPORA["train"]
    if not folder.is_dir():
        pytest.skip("no training sources")
    trained = {a.id for a in builder.read_sources(folder)}
    scored = {a.id for name in ("warnews", "demo") for a in builder.read_sources(builder.CORPORA[name][0])}
    assert not trained & scored


def test_demo_gold_has_the_briefs_ids_and_texts():
    briefs = [
        json.loads(line)
        for line in (REPO / "geo" / "web" / "demo" / "briefs.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    gold = {a["id"]: a for a in map(json.loads, (EVAL / "demo.jsonl").read_text(encoding="utf-8").splitlines())}
    assert sorted(gold) == sorted(b["id"] for b in briefs)
    for brief in briefs:
        assert gold[brief["id"]]["text"] == brief["text"], brief["id"]
        assert gold[brief["id"]]["published"] == brief["published"], brief["id"]
