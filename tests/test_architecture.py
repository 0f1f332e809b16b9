"""The packages keep the data flow's direction, read from the source.

Each layer imports only the layers before it (docs/architecture.md draws the same
rules); only the command line parses arguments; the gazetteer (the lowest layer) never
imports ``geo``; only the page layer imports Streamlit. Every import counts, also those
inside functions, under ``TYPE_CHECKING``, relative ones and
``importlib.import_module("...")`` with a literal name: a boundary that a lazy import
may cross is no boundary.
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


#: The layers in the order of the data flow; a layer may import any layer before it.
LAYERS = ("gazetteer", "geo", "geo.read", "geo.parse", "geo.store", "geo.formats", "geo.map", "geo.web")
#: Layers beside the flow, with what they may use.
SIDE_LAYERS = {
    "geo.eval": {"gazetteer", "geo", "geo.read", "geo.parse"},
    "geo.cli": {"gazetteer", "geo", "geo.read", "geo.parse", "geo.store", "geo.formats", "geo.map", "geo.eval"},
}
GEO_PACKAGES = {layer.split(".")[1] for layer in (*LAYERS, *SIDE_LAYERS) if layer.startswith("geo.")}


def layer_of(module: str) -> str | None:
    """The layer a dotted module name belongs to; None for third-party and standard modules."""
    parts = module.split(".")
    if parts[0] == "gazetteer":
        return "gazetteer"
    if parts[0] != "geo":
        return None
    if len(parts) > 1 and parts[1] in GEO_PACKAGES:
        return f"geo.{parts[1]}"
    return "geo"


def allowed_layers(layer: str) -> set[str]:
    if layer in SIDE_LAYERS:
        return SIDE_LAYERS[layer] | {layer}
    return set(LAYERS[: LAYERS.index(layer) + 1])


def test_the_layers_cover_every_package_on_disk() -> None:
    on_disk = {p.parent.name for p in REPO.glob("geo/*/__init__.py")}
    assert on_disk == GEO_PACKAGES


@pytest.mark.parametrize(("module", "path"), list(_modules("geo", "gazetteer")), ids=lambda v: str(v))
def test_imports_follow_the_data_flow(module: str, path: Path) -> None:
    module = module.removesuffix(".__init__")
    layer = layer_of(module)
    assert layer is not None
    allowed = allowed_layers(layer)
    imports = imported_modules(path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py")
    against = sorted(i for i in imports if layer_of(i) not in (None, *allowed))
    assert not against, f"{layer} may import only {sorted(allowed)}; found {against}"


def test_only_the_page_layer_imports_streamlit() -> None:
    importers = _importers(("geo", "gazetteer"), of="streamlit")
    assert [m for m in importers if not _inside(m, "geo.web")] == []


def test_an_import_against_the_flow_is_caught() -> None:
    imports = imported_modules("from geo.web.appstate import SESSION_DEFAULTS\nimport json\n", "geo.store.store")
    assert "geo.web" in {layer_of(i) for i in imports}
    assert "geo.web" not in allowed_layers("geo.store")
