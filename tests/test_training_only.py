"""A training-only corpus trains the learned models whole, is never split into halves and is
never scored: the held-out figures that choose each model's settings stay the dev halves'."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import pytest

from geo.cli.trainingoptions import add_training_only_options, training_only_paths
from geo.eval.evaluate import GoldArticle, GoldToponym, split_of
from geo.eval.trainingonly import (
    TRAINING_ONLY_CORPUS,
    corpus_record,
    default_training_only,
    folds_beside_training_only,
)
from tests.event_sites import made_up_training_places
from tests.repo_scripts import load_script


def _article(article_id: str, text: str, places: list[tuple[str, str | None]]) -> dict:
    toponyms = []
    for name, event_type in places:
        start = text.index(name)
        toponyms.append(
            {"start": start, "end": start + len(name), "name": name, "lat": 10.0, "lon": 20.0, "event_type": event_type}
        )
    return {"id": article_id, "published": "2031-05-02", "conflict": article_id.split("-")[1], "text": text,
            "toponyms": toponyms}  # fmt: skip


def _write(path: Path, articles: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_training_only_options(parser)
    return parser.parse_args(argv)


def test_an_absent_or_empty_training_corpus_trains_as_before(tmp_path):
    assert default_training_only(tmp_path) == []
    corpus = tmp_path / TRAINING_ONLY_CORPUS
    _write(corpus, [])
    assert default_training_only(tmp_path) == []
    _write(corpus, [_article("war-marsh-01", "Shells hit Dorvel.", [("Dorvel", "frontline")])])
    assert default_training_only(tmp_path) == [corpus]


def test_the_options_choose_the_training_corpus_or_none(tmp_path):
    corpus = _write(tmp_path / TRAINING_ONLY_CORPUS, [_article("war-marsh-01", "In Dorvel.", [("Dorvel", None)])])
    other = tmp_path / "other.jsonl"
    assert training_only_paths(_options([]), tmp_path) == [corpus]
    assert training_only_paths(_options(["--training-only", str(other)]), tmp_path) == [other]
    assert training_only_paths(_options(["--no-training-only"]), tmp_path) == []


def test_a_model_file_names_the_training_corpus_by_its_bytes(tmp_path):
    articles = [
        _article("war-marsh-01", "Shells hit Dorvel and Kestra.", [("Dorvel", "frontline"), ("Kestra", "frontline")]),
        _article("war-marsh-02", "Envoys met in Lunde.", [("Lunde", "diplomacy")]),
    ]
    corpus = _write(tmp_path / "train" / "warnews.jsonl", articles)
    record = corpus_record(corpus)
    assert record == {
        "file": "train/warnews.jsonl",
        "sha256": hashlib.sha256(corpus.read_bytes()).hexdigest(),
        "articles": 2,
        "toponyms": 3,
    }


def test_training_only_places_train_in_every_fold_and_are_never_held_out():
    pytest.importorskip("sklearn")
    wars = [f"war{n % 7}" for n in range(70)]
    extra = ["marsh"] * 6 + ["fjord"] * 4
    always = [False] * len(wars) + [True] * len(extra)
    folds = folds_beside_training_only(wars + extra, always, 5)
    without = folds_beside_training_only(wars, [False] * len(wars), 5)
    assert [sorted(held) for _, held in folds] == [sorted(held) for _, held in without]
    for train, held in folds:
        assert set(range(70, 80)) <= set(train)
        assert not set(held) & set(range(70, 80))


def test_a_training_only_war_named_as_a_held_out_war_sits_that_fold_out():
    pytest.importorskip("sklearn")
    wars = [f"war{n % 5}" for n in range(50)]
    folds = folds_beside_training_only([*wars, "war3"], [False] * 50 + [True], 5)
    for train, held in folds:
        holds_war3 = any(wars[i] == "war3" for i in held)
        assert (50 in train) != holds_war3


def test_the_event_model_learns_a_word_only_training_only_reports_use():
    pytest.importorskip("sklearn")
    script = load_script("train_event_types")
    examples, wars = made_up_training_places(6, 8, lambda w: f"war{w}", lambda w, n: ("bias", 1.0))
    extra, extra_wars = made_up_training_places(
        2, 8, lambda w: f"marsh{w}", lambda w, n: ("clause=mortared" if n % 2 == 0 else "clause=spoke", 0.7)
    )
    always = [False] * len(examples) + [True] * len(extra)
    model, about = script._fit(examples + extra, wars + extra_wars, 0.3, None, 1, always)
    assert about["dev_examples"] == len(examples)
    assert about["training_only_examples"] == len(extra)
    assert "clause=mortared" in model["weights"]
    alone, _ = script._fit(examples, wars, 0.3, None, 1)
    assert "clause=mortared" not in alone["weights"]


def test_the_recogniser_scores_count_no_training_only_article():
    script = load_script("train_geoparser")
    text = "Shells hit Dorvel."
    gold = GoldArticle("own-1", text, (GoldToponym(11, 17, "Dorvel", 10.0, 20.0),))

    def article(corpus: str, scored: bool):
        return script.Article(gold, corpus, None, 0, frozenset({(11, 17)}), (), scored=scored)

    found_nothing = [[], []]
    report = script._span_scores(
        [article("warnews", True), article("warnews-training-only", False)], found_nothing, None, 0.5
    )
    assert report["recall"] == 0.0
    assert "warnews-training-only" not in report
    assert report == script._span_scores([article("warnews", True)], [[]], None, 0.5)


def test_a_training_only_corpus_is_named_apart_from_the_dev_corpus_of_its_stem():
    script = load_script("train_geoparser")
    assert script.training_only_name(Path("data/train/warnews.jsonl")) != Path("data/eval/warnews.jsonl").stem


@pytest.mark.model
def test_the_event_type_script_trains_on_every_training_only_article_and_scores_none(tmp_path):
    pytest.importorskip("sklearn")
    script = load_script("train_event_types")
    shelled = "Artillery shelled {0} overnight, killing two soldiers. Officials in {1} said nothing."
    names = ["Dorvel", "Kestra", "Lunde", "Marrow", "Tessik", "Orvane", "Pelloc", "Quist", "Raddan", "Sorrel"]

    def reports(war: str, count: int, wanted: str | None) -> list[dict]:
        chosen = []
        for n in range(100):
            article_id = f"war-{war}-{n:02d}"
            if wanted is None or split_of(article_id) == wanted:
                a, b = names[len(chosen) % 10], names[(len(chosen) + 3) % 10]
                chosen.append(_article(article_id, shelled.format(a, b), [(a, "frontline"), (b, None)]))
            if len(chosen) == count:
                return chosen
        raise AssertionError("no ids")

    scored = [a for war in ("plains", "coast", "delta", "ridge", "steppe") for a in reports(war, 2, "dev")]
    extra = reports("marsh", 3, "test") + reports("fjord", 3, None)  # ids of both halves: all train
    corpus = _write(tmp_path / "eval" / "warnews.jsonl", scored)
    training = _write(tmp_path / "train" / "warnews.jsonl", extra)
    output = tmp_path / "event_types.json"
    argv = [str(corpus), "-o", str(output), "--c", "0.3", "--min-wars", "1", "--training-only", str(training)]
    assert script.main(argv) == 0
    about = json.loads(output.read_text(encoding="utf-8"))["about"]
    assert about["dev_examples"] == 2 * len(scored)
    assert about["training_only_examples"] == 2 * len(extra)
    assert about["training_only"] == [corpus_record(training)]


def test_a_place_dated_after_its_report_teaches_the_date_model_nothing():
    """A meeting announced for a coming day: the evaluation corpora give it no date, so no
    corpus teaches the date model one (the convention of data/train/README.md)."""
    script = load_script("train_event_dates")
    text = "Rebels shelled Dorvel on Monday. Envoys will meet in Kestra on Friday to discuss a truce."
    article = _article("war-plains-01", text, [("Dorvel", "frontline"), ("Kestra", "diplomacy")])
    article["published"] = "2031-05-07"  # a Wednesday: Monday is the 5th, Friday the 9th
    article["toponyms"][0]["event_date"] = "2031-05-05"
    article["toponyms"][1]["event_date"] = "2031-05-09"
    examples = script._examples(script._sites([article]))
    assert len(examples) == 1
    assert examples[0][0] == "war-plains-01" and any(examples[0][2])  # Dorvel's Monday is among its options


class _NoDemonyms:
    """A name index that knows no demonym: every gold span of the tests is a place."""

    def demonym(self, text: str) -> None:
        return None


def test_a_training_only_articles_rows_weigh_what_the_option_says_and_the_dev_halves_stay_whole():
    script = load_script("train_geoparser")
    text = "Shells hit Dorvel."
    gold = GoldArticle("war-marsh-01", text, (GoldToponym(11, 17, "Dorvel", 10.0, 20.0),))
    names = _NoDemonyms()
    dev = script._article("warnews", gold, None, names, scored=True, training_only_weight=0.5)
    extra = script._article("warnews-training-only", gold, None, names, scored=False, training_only_weight=0.5)
    partial = script._article("wiktor", gold, None, names, 0.2, scored=True, training_only_weight=0.5)
    assert (dev.row_weight, extra.row_weight, partial.row_weight) == (1.0, 0.5, 0.2)
    assert script._article("warnews-training-only", gold, None, names, scored=False).row_weight == 1.0


def test_a_recogniser_only_refit_names_the_training_corpus_it_learned_from(tmp_path):
    script = load_script("train_geoparser")
    from geo.parse.placemodel import LinearModel

    corpus = _write(tmp_path / "train" / "warnews.jsonl", [_article("war-marsh-01", "In Dorvel.", [("Dorvel", None)])])
    output = tmp_path / "geoparser_model.json"
    kept_resolution = {"min_confidence": 0.5}
    output.write_text(json.dumps({"resolution": kept_resolution, "training": {"articles": {"lgl": 9}}}))
    model = LinearModel({"bias": 1.0}, 0.0)
    trained_on = {"articles": {"warnews": 3, "warnews-training-only": 1}, "training_only": [corpus_record(corpus)],
                  "training_only_weight": 0.5}  # fmt: skip
    script._write_recogniser_only(output, 1.0, model, model, (0.4, 0.4), {"f1": 0.9}, "abc", 0.0, trained_on)
    record = json.loads(output.read_text(encoding="utf-8"))
    assert record["resolution"] == kept_resolution
    assert record["training"]["articles"] == {"warnews": 3, "warnews-training-only": 1}
    assert record["training"]["training_only"] == [corpus_record(corpus)]
    assert record["training"]["settings"]["training_only_weight"] == 0.5
    assert record["threshold"] == 0.4
