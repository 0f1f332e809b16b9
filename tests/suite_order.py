"""The order the suite runs in: the slow tests first, those of one module together.

On two workers that take one test at a time (``scripts/test.sh``), a run then ends on quick
tests on both workers, not with one worker alone in a browser test for minutes. And a
browser module's own chromium and shared page (module-scoped, as Playwright's sync API allows
one instance per thread) start once per worker, not at nearly every one of its tests as a
shuffled order comes back to the module. The shuffle of pytest-random-order is kept within
the slow tests of a module, among those modules, and among the other tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: Marks of the tests that take seconds each: servers, browsers, child processes, long inputs.
SLOW_MARKS = ("browser", "slow")


def is_slow(item: Any) -> bool:
    return any(item.get_closest_marker(mark) is not None for mark in SLOW_MARKS)


def slow_first(items: Sequence[Any]) -> list[Any]:
    """``items`` (pytest items) with the slow ones first, grouped by module in the order each
    module's first slow test came, each group and the rest in the order they came."""
    first_slow_of_module: dict[Any, int] = {}
    for index, item in enumerate(items):
        if is_slow(item):
            first_slow_of_module.setdefault(item.path, index)

    def place(indexed: tuple[int, Any]) -> tuple[int, int, int]:
        index, item = indexed
        return (0, first_slow_of_module[item.path], index) if is_slow(item) else (1, 0, index)

    return [item for _, item in sorted(enumerate(items), key=place)]
