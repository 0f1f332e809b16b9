"""``conflictmap gazetteer build|info|lookup`` on a miniature cache."""

from __future__ import annotations

import functools
import json

import pytest
from gazetteer_tiny import tiny_sources

from gazetteer.database import open_gazetteer
from geo.cli import gazetteer as gazetteer_cli
from geo.cli.main import run


@pytest.fixture
def tiny_cache(tmp_path, monkeypatch):
    # The command builds from the installed data; here it builds from the miniature instead.
    monkeypatch.setattr(gazetteer_cli, "open_gazetteer", functools.partial(open_gazetteer, sources=tiny_sources()))
    return tmp_path / "g.sqlite"


def test_lookup_prints_candidates_as_json_lines_best_first(tiny_cache, capsys):
    assert run(["gazetteer", "lookup", "Palmyra", "--gazetteer", str(tiny_cache)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(c["name"], c["country_code"], c["match"]) for c in lines[:2]] == [
        ("Tadmur", "SY", "exact"),
        ("Palmyra", "US", "exact"),
    ]
    assert {"geonameid", "lat", "lon", "feature_code", "admin1"} <= set(lines[0])


def test_lookup_falls_back_to_near_misses_with_a_score(tiny_cache, capsys):
    assert run(["gazetteer", "lookup", "Palmrya", "--gazetteer", str(tiny_cache)]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert first["name"] == "Tadmur" and first["match"] == "fuzzy" and 0.8 <= first["score"] < 1


def test_lookup_of_an_unknown_name_says_so_and_exits_non_zero(tiny_cache, capsys):
    assert run(["gazetteer", "lookup", "Atlantis", "--gazetteer", str(tiny_cache)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "Atlantis" in captured.err


def test_lookup_without_a_name_is_an_error_in_one_sentence(tiny_cache, capsys):
    assert run(["gazetteer", "lookup", "--gazetteer", str(tiny_cache)]) == 1
    assert "expected a place name" in capsys.readouterr().err


def test_build_shows_progress_and_info_describes_the_cache(tiny_cache, capsys):
    assert run(["gazetteer", "build", "--gazetteer", str(tiny_cache)]) == 0
    assert "gazetteer built" in capsys.readouterr().err
    assert run(["gazetteer", "info", "--gazetteer", str(tiny_cache)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["path"] == str(tiny_cache) and info["entries"] > 20 and "GeoNames" in info["attribution"]
