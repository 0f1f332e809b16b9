"""The packages keep the data flow's direction: each imports only the layers before it.

docs/architecture.md draws the same rules; this test reads every module's imports
(without running them) so a new import against the flow fails here, not in review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

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


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import in the file, including those inside functions."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.extend((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)
    return found


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts)


LIBRARY_FILES = sorted([*REPO.glob("geo/**/*.py"), *REPO.glob("gazetteer/**/*.py")])


def test_the_layers_cover_every_package_on_disk():
    on_disk = {p.parent.name for p in REPO.glob("geo/*/__init__.py")}
    assert on_disk == GEO_PACKAGES


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_imports_follow_the_data_flow(path):
    layer = layer_of(module_name(path))
    allowed = allowed_layers(layer)
    against = [
        f"line {line}: {module} ({layer_of(module)})"
        for line, module in imported_modules(path)
        if layer_of(module) not in (None, *allowed)
    ]
    assert not against, f"{layer} may import only {sorted(allowed)}; found {against}"


@pytest.mark.parametrize("path", LIBRARY_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_only_the_page_layer_imports_streamlit(path):
    uses_streamlit = any(module.split(".")[0] == "streamlit" for _, module in imported_modules(path))
    assert not uses_streamlit or layer_of(module_name(path)) == "geo.web"


def test_a_module_importing_against_the_flow_is_caught(tmp_path):
    # The checker itself: a store module that imported the page layer would be named.
    fake = tmp_path / "bad.py"
    fake.write_text("from geo.web.appstate import SESSION_DEFAULTS\nimport json\n", encoding="utf-8")
    modules = [module for _, module in imported_modules(fake)]
    assert [layer_of(m) for m in modules] == ["geo.web", None]
    assert "geo.web" not in allowed_layers("geo.store")
