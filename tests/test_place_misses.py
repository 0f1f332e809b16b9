"""``scripts/place_misses.py``: the recogniser's losses read with another model file than
the shipped one (marked: needs the model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.repo_scripts import load_script

pytestmark = pytest.mark.model

TEXT = "Aid trucks reached Mogadishu on Monday after the road from Baidoa reopened."


def _place_misses():
    return load_script("place_misses")


def _corpus(folder: Path) -> Path:
    toponyms = [
        {"start": TEXT.index(name), "end": TEXT.index(name) + len(name), "lat": lat, "lon": lon}
        for name, lat, lon in (("Mogadishu", 2.0371, 45.3438), ("Baidoa", 3.1138, 43.6498))
    ]
    path = folder / "corpus.jsonl"
    path.write_text(json.dumps({"id": "written-1", "text": TEXT, "toponyms": toponyms}) + "\n", encoding="utf-8")
    return path


def test_another_model_file_is_the_one_read(tmp_path, capsys):
    from geo.parse.placemodel import load_model, model_to_json, shipped_model_path

    corpus = _corpus(tmp_path)
    misses = _place_misses()
    misses.main([str(corpus), "--split", "all", "--spans"])
    assert "2 gold places, 0 not a mention" in capsys.readouterr().out
    # The same recogniser with a threshold no candidate reaches finds neither town.
    record = model_to_json(load_model(shipped_model_path()))
    record["threshold"] = record["same_name_threshold"] = 1.01
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps(record), encoding="utf-8")
    misses.main([str(corpus), "--split", "all", "--spans", "--model", str(strict)])
    assert "2 gold places, 2 not a mention" in capsys.readouterr().out
