"""The suite's order: slow tests first, those of one module together, the rest as shuffled."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from suite_order import slow_first


@dataclass(frozen=True)
class FakeItem:
    name: str
    path: Path
    marks: tuple[str, ...] = ()

    def get_closest_marker(self, name: str):
        return name if name in self.marks else None


def _item(name: str, *marks: str) -> FakeItem:
    module, _, _test = name.partition("::")
    return FakeItem(name, Path(f"tests/{module}.py"), marks)


def test_slow_tests_come_first_each_modules_together_the_rest_in_their_shuffled_order() -> None:
    shuffled = [
        _item("dates::a"),
        _item("pages::one", "browser"),
        _item("names::b"),
        _item("processes::kill", "slow"),
        _item("pages::two", "browser"),
        _item("dates::c"),
        _item("processes::race", "slow"),
        _item("pages::three", "browser"),
    ]
    assert [i.name for i in slow_first(shuffled)] == [
        "pages::one",
        "pages::two",
        "pages::three",
        "processes::kill",
        "processes::race",
        "dates::a",
        "names::b",
        "dates::c",
    ]


def test_a_module_of_slow_and_quick_tests_leaves_its_quick_ones_in_the_shuffle() -> None:
    shuffled = [_item("ingest::quick"), _item("other::x"), _item("ingest::long", "slow")]
    assert [i.name for i in slow_first(shuffled)] == ["ingest::long", "ingest::quick", "other::x"]
