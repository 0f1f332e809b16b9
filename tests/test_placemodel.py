"""The trained geoparser file: it ships, loads without pickle, says what it was trained
on, and training reads candidates through the very functions recognition uses."""

from __future__ import annotations

import json
import math

import pytest

from geo.errors import ModelUnavailableError
from geo.parse.placemodel import (
    GeoparserModel,
    LinearModel,
    load_model,
    model_from_json,
    model_to_json,
    shipped_model_path,
)
from tests.repo_scripts import load_script


def test_the_shipped_model_loads_and_names_its_training_data():
    model = load_model()
    assert model.first.weights and model.second.weights
    assert 0.0 < model.threshold < 1.0
    training = model.training
    assert len(training["data_sha256"]) == 64
    assert training["settings"]["C"] > 0
    assert set(training["articles"]) >= {"lgl", "geovirus"}


def test_the_shipped_model_is_small():
    assert shipped_model_path().stat().st_size < 3_000_000


def test_the_resolver_weights_come_from_the_shipped_model():
    from geo.parse.resolve import Weights, weights_from

    weights = weights_from(load_model().resolution)
    assert isinstance(weights, Weights)
    assert 0.0 < weights.min_confidence < 1.0
    assert isinstance(weights.max_candidates, int)


def test_a_linear_model_is_a_logistic_sum_of_its_features():
    model = LinearModel({"label=GPE": 2.0, "common_word": -3.0}, intercept=-0.5)
    assert model.probability({"label=GPE": 1.0}) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert model.probability({"label=GPE": 1.0, "common_word": 1.0}) < 0.5
    assert model.probability({"unknown feature": 1.0}) == pytest.approx(1 / (1 + math.exp(0.5)))


def test_a_model_survives_a_round_trip_through_json():
    model = GeoparserModel(
        LinearModel({"a": 1.0}, 0.1),
        LinearModel({"b": -1.0}, 0.2),
        threshold=0.4,
        resolution={"temperature": 0.3},
        reading={"country|beside=country": 0.3},
        training={"data_sha256": "0" * 64},
    )
    assert model_from_json(json.loads(json.dumps(model_to_json(model)))) == model


def test_a_malformed_model_file_is_one_clear_error(tmp_path):
    path = tmp_path / "model.json"
    path.write_text('{"format": 1, "first": {}}', encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match="malformed"):
        load_model(path)
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match="cannot read"):
        load_model(path)


def _training_script():
    return load_script("train_geoparser")


def test_a_corpus_left_out_is_not_trained_on():
    script = _training_script()
    corpora = ["corpora/lgl.jsonl", "corpora/geovirus.jsonl", "data/warnews.jsonl"]
    kept = script.training_corpora(corpora, ["lgl"])
    assert [p.stem for p in kept] == ["geovirus", "warnews"]
    assert [p.stem for p in script.training_corpora(corpora, [])] == ["lgl", "geovirus", "warnews"]


@pytest.mark.model
def test_training_sees_the_features_recognition_scores(nlp, real_gazetteer):
    from geo.eval.evaluate import GoldArticle, GoldToponym
    from geo.parse.mentions import score_candidates

    script = _training_script()
    text = "KHARKIV, May 3 -- Shelling hit Izium overnight, officials in Kharkiv said."
    start = text.index("Izium")
    gold = GoldArticle("own-1", text, (GoldToponym(start, start + 5, "Izium", 37.2, 37.3),))
    doc = nlp(text)
    article = script._article("own", gold, doc, real_gazetteer)
    model = load_model()
    folds = {k: model for k in range(script.FOLDS)}
    (scored,) = script._scored([article], real_gazetteer, folds)
    rows, labels, *_ = script._training_rows([article], [scored], second=True)
    runtime = score_candidates(nlp(text), real_gazetteer, model)
    labelled = [s for s in runtime if script.label_of(s.candidate.start, s.candidate.end, article) is not None]
    assert rows == [s.features for s in labelled]
    assert labels[[s.candidate.text for s in labelled].index("Izium")] == 1


@pytest.mark.model
def test_a_partially_annotated_corpus_trains_on_the_features_recognition_scores(nlp, real_gazetteer):
    # Its rows must not lack features the news rows have: a missing feature would mark
    # the corpus, not the place.
    from geo.eval.evaluate import GoldArticle, GoldToponym
    from geo.parse.mentions import score_candidates

    script = _training_script()
    text = "Springfield is a town in the hills. Its mill closed when the railway reached Dover."
    gold = GoldArticle("own-2", text, (GoldToponym(0, 11, "Springfield", 42.1, -72.6),))
    article = script._article("wiktor", gold, nlp(text), real_gazetteer)
    assert article.partial
    model = load_model()
    (scored,) = script._scored([article], real_gazetteer, {k: model for k in range(script.FOLDS)})
    rows, labels, *_ = script._training_rows([article], [scored], second=True)
    runtime = score_candidates(nlp(text), real_gazetteer, model)
    assert labels == [1]
    assert rows == [next(s.features for s in runtime if s.candidate.start == 0)]
    assert any(name.startswith("gaz_count=") for name in rows[0])


def test_the_learned_reading_favours_what_marks_the_right_namesake():
    # Six names, each a country and a town of equal hand-weighed score; beside each name
    # the text lists a country, and the country is the right reading every time.
    script = _training_script()
    rows, scores, right, groups = [], [], [], []
    for n in range(6):
        groups.append((len(rows), f"article-{n}", n % script.FOLDS, 1.0))
        rows += [{"country|beside=country": 1.0}, {"town|beside=country": 1.0}]
        scores += [1.0, 1.0]
        right += [True, False]
    weights = script._reading_model(rows, scores, right, groups, l2=1.0, temperature=0.2)
    assert weights["country|beside=country"] > 0 > weights["town|beside=country"]
    # a stronger penalty learns less
    weaker = script._reading_model(rows, scores, right, groups, l2=100.0, temperature=0.2)
    assert 0 < weaker["country|beside=country"] < weights["country|beside=country"]
