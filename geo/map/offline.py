"""Serve every web asset of a folium map from the package, so the map draws offline.

folium points its pages at CDNs (Leaflet, jQuery, Bootstrap, Font Awesome, ...).
With no network the page stays blank, inside ``st_folium`` too. Here each asset a
map element declares is swapped for a ``data:`` URI of a file bundled under
``geo/map/static`` (works both in a saved page and in streamlit-folium, which loads
the declared assets itself), and the assets only folium's awesome-marker icons
need are dropped: our maps draw vector markers and need none of them.

``offline_html`` goes one step further for standalone files: scripts and styles
are inlined, and a Content-Security-Policy lets the page run only its own inline
scripts and load images only from itself (plus tile hosts the caller names).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink

from geo.errors import OfflineAssetError

STATIC_DIR = Path(__file__).resolve().parent / "static"
LEAFLET_VERSION = "1.9.4"

#: folium's asset names -> the bundled file served in place of the CDN copy.
LOCAL_ASSETS: dict[str, str] = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
}

#: Assets only ``folium.Icon`` (awesome markers with Bootstrap/Font Awesome glyphs)
#: uses. Our maps draw vector markers, so these are left out rather than bundled.
UNUSED_ASSETS = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)

MIME_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}

#: Leaflet's default marker images, looked up by file name at run time.
DEFAULT_ICON_FILES = ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")

_SOURCE_MAP_LINE = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
_CSS_IMAGE_URL = re.compile(r"url\(\s*['\"]?(images/[\w.-]+\.png)['\"]?\s*\)")
_DATA_SCRIPT = re.compile(r'<script src="data:text/javascript;base64,([A-Za-z0-9+/=]+)"></script>')
_DATA_STYLE = re.compile(r'<link rel="stylesheet" href="data:text/css;base64,([A-Za-z0-9+/=]+)"\s*/>')
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
#: A tag that makes the browser fetch something: script/img/iframe src, link href.
_REMOTE_ASSET = re.compile(
    r"<(?:script|img|iframe|embed|source|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//[^\s\"'>]+",
    re.IGNORECASE,
)


def static_path(relative: str) -> Path:
    """The bundled file ``relative`` (``leaflet/leaflet.js``); raises when it is missing."""
    path = STATIC_DIR / relative
    if not path.is_file():
        raise OfflineAssetError(f"bundled web asset {relative!r} is missing from {STATIC_DIR}")
    return path


def _data_uri(payload: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


@cache
def asset_uri(relative: str) -> str:
    """A ``data:`` URI of the bundled file ``relative``, ready for a src/href."""
    path = static_path(relative)
    mime = MIME_TYPES.get(path.suffix)
    if mime is None:
        raise OfflineAssetError(f"expected a .js, .css or .png asset, got {relative!r}")
    if path.suffix == ".js":
        payload = _script_text(relative).encode("utf-8")
    elif path.suffix == ".css":
        payload = _stylesheet_text(relative).encode("utf-8")
    else:
        payload = path.read_bytes()
    return _data_uri(payload, mime)


def _script_text(relative: str) -> str:
    # The source map is not bundled; a devtools request for it would only fail.
    text = _SOURCE_MAP_LINE.sub("", static_path(relative).read_text(encoding="utf-8"))
    if relative == LOCAL_ASSETS["leaflet"]:
        text += _default_icon_patch()
    return text


def _stylesheet_text(relative: str) -> str:
    path = static_path(relative)
    folder = path.parent.relative_to(STATIC_DIR).as_posix()

    def inline(match: re.Match[str]) -> str:
        return f'url("{asset_uri(f"{folder}/{match.group(1)}")}")'

    return _CSS_IMAGE_URL.sub(inline, path.read_text(encoding="utf-8"))


def _default_icon_patch() -> str:
    # Leaflet finds its default marker images through a CSS path probe that
    # cannot work with inlined CSS; hand it the images by file name instead.
    images = ",".join(f'"{name}":"{asset_uri("leaflet/images/" + name)}"' for name in DEFAULT_ICON_FILES)
    return (
        "\n;(function(){if(!window.L||!L.Icon||!L.Icon.Default)return;"
        f"var images={{{images}}};var base=L.Icon.prototype._getIconUrl;"
        "L.Icon.Default.include({_getIconUrl:function(name){"
        "var file=base.call(this,name);return images[file]||file;}});})();\n"
    )


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _local_links(element: Element, links: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    kept = []
    for name, url in links:
        if name in LOCAL_ASSETS:
            kept.append((name, asset_uri(LOCAL_ASSETS[name])))
        elif name in UNUSED_ASSETS:
            continue
        elif url.startswith("data:"):
            kept.append((name, url))
        else:
            raise OfflineAssetError(
                f"{type(element).__name__} needs {name!r} from {url!r}, which is not bundled for offline use"
            )
    return kept


def make_offline(m: folium.Map) -> folium.Map:
    """Point every asset of ``m`` and its elements at bundled copies; returns ``m``.

    Raises ``OfflineAssetError`` for an element that needs an asset not bundled
    (a plugin from a CDN, or ``folium.Icon``, whose glyph fonts are not shipped).
    """
    if not isinstance(m, folium.Map):
        raise OfflineAssetError(f"expected a folium.Map, got {type(m).__name__}")
    for element in _walk(m):
        if isinstance(element, folium.Icon):
            raise OfflineAssetError(
                "folium.Icon needs Bootstrap and Font Awesome, which are not bundled; "
                "draw circle markers or a plain folium.Marker instead"
            )
        for attribute in ("default_js", "default_css"):
            links = getattr(element, attribute, None)
            if links:
                # An instance attribute shadows the class-wide CDN list.
                setattr(element, attribute, _local_links(element, links))
    _scrub_rendered_header(m.get_root())
    return m


def _scrub_rendered_header(figure: Element) -> None:
    # A map rendered before make_offline already holds CDN links in its header.
    if not isinstance(figure, Figure):
        return
    for name, child in list(figure.header._children.items()):
        if not isinstance(child, (JavascriptLink, CssLink)) or child.url.startswith("data:"):
            continue
        if name in UNUSED_ASSETS:
            del figure.header._children[name]
        elif name in LOCAL_ASSETS:
            child.url = asset_uri(LOCAL_ASSETS[name])
        else:
            raise OfflineAssetError(f"the page header loads {child.url!r}, which is not bundled for offline use")


def _inline_assets(html: str) -> str:
    def script(match: re.Match[str]) -> str:
        text = base64.b64decode(match.group(1)).decode("utf-8")
        # Inlining is only safe when nothing inside could end the script element early.
        return match.group(0) if "</script" in text.lower() else f"<script>{text}</script>"

    def style(match: re.Match[str]) -> str:
        text = base64.b64decode(match.group(1)).decode("utf-8")
        return match.group(0) if "</style" in text.lower() else f"<style>{text}</style>"

    return _DATA_STYLE.sub(style, _DATA_SCRIPT.sub(script, html))


def content_security_policy(html: str, *, img_sources: Sequence[str] = (), connect_sources: Sequence[str] = ()) -> str:
    """A policy letting ``html`` run exactly its own inline scripts (by hash),
    load images only from data:/blob: (and ``img_sources``), fetch data only from
    ``connect_sources``, and nothing else."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
        for body in dict.fromkeys(_INLINE_SCRIPT.findall(html))
    )
    images = " ".join(["data:", "blob:", *img_sources])
    scripts = f"{hashes} data:" if '<script src="data:' in html else hashes
    connections = " ".join(connect_sources) or "'none'"
    return (
        f"default-src 'none'; script-src {scripts}; style-src 'unsafe-inline' data:; "
        f"img-src {images}; font-src data:; connect-src {connections}; frame-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def offline_html(m: folium.Map, *, img_sources: Sequence[str] = (), connect_sources: Sequence[str] = ()) -> str:
    """The page of ``m`` as one self-contained HTML document that loads nothing
    from outside (``img_sources``: hosts allowed to serve images, e.g. tiles;
    ``connect_sources``: hosts the page may fetch data from, e.g. the basemap's town names)."""
    make_offline(m)
    html = _inline_assets(m.get_root().render())
    policy = content_security_policy(html, img_sources=img_sources, connect_sources=connect_sources)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    # The policy must come before anything it governs, so it opens the head.
    return re.sub(r"<head>", lambda _: f"<head>\n    {meta}", html, count=1)


def remote_asset_urls(html: str) -> list[str]:
    """Tags in ``html`` that would make a browser fetch from the network."""
    return _REMOTE_ASSET.findall(html)
