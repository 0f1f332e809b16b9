"""The event model is chosen for wars no article of the corpus reports: its cross-validation
holds out whole wars, and it can leave out the words only one war's reports use."""

from __future__ import annotations

import pytest

from tests.event_sites import event_site, event_type_at, made_up_training_places
from tests.repo_scripts import load_script


def _training_script():
    return load_script("train_event_types")


def test_a_war_is_read_from_the_article_id():
    script = _training_script()
    assert script.war_of({"id": "war-plains-07"}) == "plains"
    assert script.war_of({"id": "report-3", "conflict": "Plains war"}) == "Plains war"
    articles = [{"id": "war-plains-01"}, {"id": "war-plains-02"}, {"id": "war-coast-01"}]
    ids = ["war-plains-02", "war-coast-01", "war-plains-01"]
    assert _training_script().wars_of(articles, ids) == ["plains", "coast", "plains"]


def test_no_war_has_places_on_both_sides_of_a_fold():
    pytest.importorskip("sklearn")
    wars = [f"war{n % 7}" for n in range(70)]
    folds = _training_script().folds_of_whole_groups(wars)
    assert len(folds) == 5
    for train, held in folds:
        assert not {wars[i] for i in train} & {wars[i] for i in held}


def _examples() -> tuple[list, list[str]]:
    """Places in six made-up wars; each war's reports name their own commander."""
    return made_up_training_places(6, 8, lambda w: f"war{w}", lambda w, n: (f"clause=commander{w}", 0.7))


def test_a_word_of_one_war_is_left_out_when_features_must_be_seen_in_two():
    pytest.importorskip("sklearn")
    examples, wars = _examples()
    model, about = _training_script()._fit(examples, wars, 0.3, None, 2)
    assert about["min_wars"] == 2
    assert "clause=shelled" in model["weights"]
    assert not any(name.startswith("clause=commander") for name in model["weights"])


@pytest.mark.parametrize(
    ("sentence", "place", "event_type"),
    [
        ("Artillery pounded rebel trenches outside Velmora overnight, killing four fighters.", "Velmora", "frontline"),
        ("Aid workers handed out food and blankets to displaced families in Velmora.", "Velmora", "humanitarian"),
        ("The two foreign ministers signed a ceasefire agreement in Velmora on Monday.", "Velmora", "diplomacy"),
    ],
)
def test_the_shipped_model_types_a_place_in_a_war_it_never_read_about(nlp, sentence, place, event_type):
    assert event_type_at(event_site(sentence, place, nlp=nlp, others=0, index=0)) == event_type
