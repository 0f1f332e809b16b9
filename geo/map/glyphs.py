"""The marker symbols of the map, for drawing them elsewhere on the page (the event feed).

The page script ``static/conflictmap/eventmap.js`` owns the tables: one SVG path per
sub-event type (``GLYPHS``) and one outline per event type's shape (``SVG_SHAPES``).
They are read from the script, so a list beside the map draws exactly the symbols
of its markers and there is one table to change.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

_SCRIPT = ("conflictmap", "eventmap.js")
#: ``name: "text" + "more text",`` or ``name: '<svg markup/>',`` inside a ``var TABLE = { ... };`` block.
_ENTRY = re.compile(r"""(\w+)\s*:\s*((?:(?:"[^"]*"|'[^']*')\s*\+?\s*)+)""")
_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")


@lru_cache(maxsize=1)
def _script_text() -> str:
    return resources.files("geo.map").joinpath("static", *_SCRIPT).read_text(encoding="utf-8")


def _table(source: str, name: str) -> Mapping[str, str]:
    """The string table ``var name = { key: "..." + "...", ... };`` of a script, joined."""
    match = re.search(rf"var {name} = \{{(.*?)\}};", source, re.DOTALL)
    if match is None:
        return MappingProxyType({})
    table = {key: "".join(a or b for a, b in _STRING.findall(value)) for key, value in _ENTRY.findall(match.group(1))}
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def glyph_paths() -> Mapping[str, str]:
    """SVG path data (a 16 x 16 box) of each sub-event type's marker glyph."""
    return _table(_script_text(), "GLYPHS")


@lru_cache(maxsize=1)
def shape_markup() -> Mapping[str, str]:
    """SVG elements (a 16 x 16 box) of each marker shape, for events whose sub-type has no glyph."""
    return _table(_script_text(), "SVG_SHAPES")
