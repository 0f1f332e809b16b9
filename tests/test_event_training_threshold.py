"""Training the event model with its no-event threshold kept, so a new feature is judged at the
threshold the shipped model uses rather than through a move of the threshold it brings."""

from __future__ import annotations

import pytest

from tests.event_sites import event_site
from tests.repo_scripts import load_script


def _training_script():
    return load_script("train_event_types")


def _examples() -> tuple[list, list[str]]:
    """Places of ten made-up articles: shelling places have a frontline event, places
    officials only speak from have none."""
    examples, groups = [], []
    for article in range(10):
        for n in range(6):
            shelled = n % 2 == 0
            words = ("clause=shelled", "clause=houses") if shelled else ("clause=officials", "clause=said")
            features = (("bias", 1.0), *((w, 0.7) for w in words), (f"noise={n + article}", 1.0))
            sentence = "Troops shelled houses in Korvath." if shelled else "Officials in Korvath said little."
            examples.append((features, "frontline" if shelled else "none", event_site(sentence, "Korvath")))
            groups.append(f"article-{article}")
    return examples, groups


def test_a_kept_threshold_is_the_one_the_model_ships_with():
    pytest.importorskip("sklearn")
    examples, groups = _examples()
    model, about = _training_script()._fit(examples, groups, 0.3, 0.37)
    assert model["no_event_threshold"] == 0.37
    assert about["threshold_chosen_on_held_out_dev"] != 0.37  # what held-out dev would have chosen


def test_without_a_kept_threshold_the_held_out_choice_ships():
    pytest.importorskip("sklearn")
    examples, groups = _examples()
    model, about = _training_script()._fit(examples, groups, 0.3)
    assert model["no_event_threshold"] == about["threshold_chosen_on_held_out_dev"]
