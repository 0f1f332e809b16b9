"""Training the event model with its no-event threshold kept, so a new feature is judged at the
threshold the shipped model uses rather than through a move of the threshold it brings."""

from __future__ import annotations

import pytest

from tests.event_sites import made_up_training_places
from tests.repo_scripts import load_script


def _training_script():
    return load_script("train_event_types")


def _examples() -> tuple[list, list[str]]:
    """Places of ten made-up articles, each row with a noise word of its own."""
    return made_up_training_places(10, 6, lambda a: f"article-{a}", lambda a, n: (f"noise={n + a}", 1.0))


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
