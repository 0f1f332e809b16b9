"""Two boundaries read from the source: only the command line parses arguments, and
the gazetteer (the lowest layer) never imports ``geo``.

Every import counts, also those inside functions, under ``TYPE_CHECKING``, relative
ones and ``importlib.import_module("...")`` with a literal name: a boundary that a
lazy import may cross is no boundary. (``test_architecture.py`` holds the data
flow's layers.)
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """The absolute names of the modules ``source`` (the module named ``module``) imports."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module or "", node.level, package)
            found.add(base)
            # ``from geo import cli`` imports the module geo.cli, not only the package geo
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Call) and _imports_by_name(node.func):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add(first.value)
    return found


def _absolute(name: str, level: int, package: str) -> str:
    if level == 0:
        return name
    parts = package.split(".")
    base = ".".join(parts[: len(parts) - (level - 1)])
    return f"{base}.{name}" if name else base


def _imports_by_name(func: ast.expr) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr == "import_module"
    return isinstance(func, ast.Name) and func.id in ("import_module", "__import__")


def _modules(*packages: str) -> Iterator[tuple[str, Path]]:
    for package in packages:
        for path in sorted((REPO / package).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            yield ".".join(parts), path


def _importers(packages: tuple[str, ...], *, of: str) -> list[str]:
    """The modules of ``packages`` that import ``of`` or a module inside it."""
    offenders = []
    for name, path in _modules(*packages):
        is_package = path.name == "__init__.py"
        module = name.removesuffix(".__init__")
        imports = imported_modules(path.read_text(encoding="utf-8"), module, is_package=is_package)
        if any(_inside(i, of) for i in imports):
            offenders.append(module)
    return offenders


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(f"{package}.")


def test_only_the_command_line_parses_arguments() -> None:
    importers = _importers(("geo", "gazetteer"), of="argparse")
    assert importers, "the command line parses its arguments with argparse"
    assert [m for m in importers if not _inside(m, "geo.cli")] == []


def test_the_gazetteer_never_imports_geo() -> None:
    assert _importers(("gazetteer",), of="geo") == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import argparse", "argparse"),
        ("def main():\n    import argparse", "argparse"),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from geo.records import Event", "geo.records"),
        ("from ..records import Event", "geo.records"),
        ("from . import build", "gazetteer.build"),
        ("import importlib\nimportlib.import_module('geo.map.briefing')", "geo.map.briefing"),
        ("from geo import cli", "geo.cli"),
    ],
)
def test_every_kind_of_import_is_seen(source: str, expected: str) -> None:
    module = "gazetteer.lookup" if source.startswith("from . ") else "geo.formats.exports"
    assert expected in imported_modules(source, module)
