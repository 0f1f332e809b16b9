"""The filter that spares a query for names the gazetteer does not hold."""

from __future__ import annotations

from gazetteer.keyfilter import HOLDS_EVERY_KEY, build_key_filter


def _made_up_names(prefix: str, count: int) -> list[str]:
    return [f"{prefix} {i} {'ábcdéfghïj'[i % 10]}ville" for i in range(count)]


def test_every_key_built_in_is_held():
    held = _made_up_names("north", 5_000)
    found = build_key_filter(held)
    assert all(found.may_hold(key) for key in held)


def test_few_absent_keys_get_through():
    found = build_key_filter(_made_up_names("north", 5_000))
    absent = _made_up_names("south", 5_000)
    through = sum(found.may_hold(key) for key in absent)
    assert through < 0.03 * len(absent)


def test_keys_that_differ_by_an_accent_or_a_space_are_different_keys():
    found = build_key_filter(["sanaa", "al hudaydah"])
    assert found.may_hold("sanaa") and found.may_hold("al hudaydah")
    assert not any(found.may_hold(key) for key in ("sanáa", "alhudaydah", "sana", ""))


def test_an_empty_filter_holds_nothing_and_the_open_one_everything():
    empty = build_key_filter([])
    assert not any(empty.may_hold(key) for key in ("", "homs", "x" * 200))
    assert all(HOLDS_EVERY_KEY.may_hold(key) for key in ("", "homs", "x" * 200))
