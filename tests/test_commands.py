"""parse and geoparse on bad input: a result or one clear line on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli.main import run
from geo.read.readers import MAX_ARTICLE_CHARS

REPO = Path(__file__).resolve().parents[1]


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "Traceback" not in err, err
    return err


@pytest.mark.parametrize("command", ["parse", "geoparse"])
def test_missing_path_is_one_clear_line(command, tmp_path, capsys):
    assert run([command, str(tmp_path / "nope.txt")]) == 1
    assert "nope.txt" in _one_line_error(capsys)


@pytest.mark.parametrize("command", ["parse", "geoparse"])
def test_empty_file_is_one_clear_line(command, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run([command, str(empty)]) == 1
    assert "empty.txt" in _one_line_error(capsys)


@pytest.mark.parametrize("command", ["parse", "geoparse"])
def test_binary_file_is_one_clear_line(command, tmp_path, capsys):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert run([command, str(blob)]) == 1
    assert "photo.txt" in _one_line_error(capsys)


def test_an_article_too_long_to_parse_is_refused_clearly(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    sentence = "Fighting raged in Aleppo on Monday. "
    huge.write_text(sentence * (MAX_ARTICLE_CHARS // len(sentence) + 10), encoding="utf-8")
    assert huge.stat().st_size > MAX_ARTICLE_CHARS
    assert run(["parse", str(huge)]) == 1
    assert "huge.txt" in _one_line_error(capsys)


def test_geoparse_needs_a_file_or_a_corpus(capsys):
    assert run(["geoparse"]) == 1
    assert "either a FILE or --jsonl" in _one_line_error(capsys)


def test_a_bad_corpus_line_names_the_line(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"id": "a", "text": "Talks in Geneva."}\n{"id": "b", "txt": 1}\n', encoding="utf-8")
    from geo.cli.parse import iter_corpus_lines
    from geo.errors import InputError

    with pytest.raises(InputError, match="line 2"):
        list(iter_corpus_lines(corpus))


@pytest.mark.model
@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_utf16_and_latin1_articles_are_read_and_parsed(encoding, tmp_path, capsys):
    # In this process: what is checked is the reading of the file (the JSONL test below runs
    # the command as a process of its own), and a new process loads the language model again.
    article = tmp_path / f"article-{encoding}.txt"
    article.write_bytes("Réfugiés: fighting raged in Aleppo, Syria, on Monday.".encode(encoding))
    code = run(["geoparse", str(article)])
    out = capsys.readouterr()
    assert code == 0, out.err
    mentions = json.loads(out.out)["mentions"]
    assert {m["text"] for m in mentions} >= {"Aleppo", "Syria"}
    assert all(m["country_code"] == "SY" for m in mentions)


@pytest.mark.model
def test_geoparse_jsonl_writes_one_line_per_article(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a", "text": "Talks resumed in Geneva."}\n{"id": "b", "text": "Shelling hit Aleppo, Syria."}\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "geo.cli.main", "geoparse", "--jsonl", str(corpus)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    geneva = lines[0]["mentions"][0]
    assert geneva["text"] == "Geneva" and geneva["country_code"] == "CH"
    assert set(geneva) >= {"start", "end", "text", "lat", "lon", "geonameid", "name", "country_code", "feature_code"}
