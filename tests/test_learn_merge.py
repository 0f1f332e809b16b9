"""scripts/learn_merge.py: the pairs of two types counted by kind, one happening or two."""

from __future__ import annotations

from datetime import date

from geo.records import DATE_PRECISION_DAY
from geo.store.merge import MergedEvent, Report
from tests.repo_scripts import load_script

MONDAY = date(2024, 6, 3)
TUESDAY = date(2024, 6, 4)


def _report(event_id: str, event_type: str, sub_event_type: str, day: date) -> Report:
    return Report(
        event_id=event_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        event_date=day,
        date_precision=DATE_PRECISION_DAY,
        lat=48.0,
        lon=37.5,
        words=frozenset({"shelling", "market"}),
        article_id=f"article-{event_id}",
        published=day,
    )


def test_pairs_of_two_types_are_counted_by_their_types_their_days_and_whether_they_are_one_happening() -> None:
    learn_merge = load_script("learn_merge")
    strike = MergedEvent.first(_report("s", "frontline", "shelling", MONDAY))
    pairs = [
        # The strike's wounded told by a relief outlet that day: one happening.
        learn_merge.Pair(_report("v", "humanitarian", "casualties", MONDAY), strike, True, "war"),
        # A convoy that day and the next: happenings of their own, the aid named apart.
        learn_merge.Pair(_report("a", "humanitarian", "aid", MONDAY), strike, False, "war"),
        learn_merge.Pair(_report("b", "humanitarian", "aid", TUESDAY), strike, False, "war"),
        # Another outlet's shelling of the town: one type, not counted.
        learn_merge.Pair(_report("o", "frontline", "shelling", MONDAY), strike, True, "war"),
    ]
    counts = learn_merge.typed_apart(pairs)
    assert counts == {
        ("frontline and humanitarian", 0, True): 1,
        ("frontline and humanitarian aid", 0, False): 1,
        ("frontline and humanitarian aid", 1, False): 1,
    }


def test_a_setting_is_chosen_for_each_war_on_the_other_wars_alone() -> None:
    learn_merge = load_script("learn_merge")
    # Three wars, two candidate thresholds, the second shipped. The north war merges far better
    # at the first, enough to make it the best over all three wars; the two others prefer the
    # shipped one a little.
    per_war = {
        "north": [0.99, 0.60],
        "south": [0.70, 0.90],
        "east": [0.72, 0.88],
    }
    chosen = learn_merge.chosen_without_each_war(per_war, now=1)
    # Left out, the north war gets the setting the two others prefer, not its own best; each of
    # the others, left out, gets the north war's, which the remaining two favour together.
    assert chosen == {"north": 1, "south": 0, "east": 0}


def test_ties_between_settings_go_to_the_shipped_one() -> None:
    learn_merge = load_script("learn_merge")
    per_war = {"north": [0.9, 0.9], "south": [0.8, 0.8]}
    assert learn_merge.chosen_without_each_war(per_war, now=1) == {"north": 1, "south": 1}
    assert learn_merge.chosen_without_each_war(per_war, now=0) == {"north": 0, "south": 0}


def test_the_learned_match_becomes_the_default_only_when_it_wins_misread_and_loses_nothing_as_read() -> None:
    learn_merge = load_script("learn_merge")
    better = learn_merge.better_than_rules
    # Scored as read only: it must win by the margin.
    assert better(0.93, 0.918)
    assert not better(0.92, 0.918)
    # Scored misread too: win there by the margin, and lose at most a little as read.
    assert better(0.916, 0.918, 0.85, 0.835)
    assert not better(0.90, 0.918, 0.85, 0.835)
    assert not better(0.93, 0.918, 0.84, 0.835)
