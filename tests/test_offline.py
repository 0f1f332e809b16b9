"""Bundled web assets: folium maps that load nothing from the network."""

from __future__ import annotations

import base64
import re

import folium
import pytest
from browser_pages import only_this_file
from folium.plugins import MarkerCluster

from geo.errors import OfflineAssetError
from geo.map.offline import (
    LEAFLET_VERSION,
    LOCAL_ASSETS,
    asset_uri,
    make_offline,
    offline_html,
    remote_asset_urls,
    static_path,
)
from geo.map.pagewait import wait_in_page


def test_every_bundled_asset_is_present_with_its_licence():
    for relative in LOCAL_ASSETS.values():
        assert static_path(relative).stat().st_size > 1000
    assert "BSD 2-Clause" in static_path("leaflet/LICENSE").read_text(encoding="utf-8")
    assert f"Leaflet {LEAFLET_VERSION}" in static_path("leaflet/leaflet.js").read_text(encoding="utf-8")[:200]


def test_leaflet_css_carries_its_images_inline():
    css = base64.b64decode(asset_uri("leaflet/leaflet.css").split(",", 1)[1]).decode("utf-8")
    assert "images/layers.png" not in css
    assert 'url("data:image/png;base64,' in css


def test_plain_folium_map_becomes_offline():
    m = make_offline(folium.Map(tiles=None))
    page = m.get_root().render()
    assert remote_asset_urls(page) == []
    assert "jquery" not in page.lower() and "bootstrap" not in page.lower()
    assert page.count('<script src="data:text/javascript;base64,') == 1  # Leaflet only


def test_map_rendered_before_make_offline_loses_its_cdn_links():
    m = folium.Map(tiles=None)
    m.get_root().render()
    make_offline(m)
    assert remote_asset_urls(m.get_root().render()) == []


def test_awesome_marker_icons_are_refused_not_silently_broken():
    m = folium.Map(tiles=None)
    folium.Marker((34.5, 38.3), icon=folium.Icon(icon="info-sign")).add_to(m)
    with pytest.raises(OfflineAssetError, match="folium.Icon"):
        make_offline(m)


def test_a_plugin_from_a_cdn_is_refused_with_its_url():
    m = folium.Map(tiles=None)
    MarkerCluster().add_to(m)
    with pytest.raises(OfflineAssetError, match=r"MarkerCluster needs .*https://"):
        make_offline(m)


def test_standalone_page_inlines_scripts_and_allows_only_its_own():
    m = folium.Map(tiles=None)
    folium.Marker((34.5, 38.3)).add_to(m)
    page = offline_html(m)
    assert "data:text/javascript" not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) >= 2 and policy.count("'sha256-") == len(set(scripts))
    assert page.index("Content-Security-Policy") < page.index("<script")


def test_tile_hosts_are_allowed_only_when_named():
    page = offline_html(folium.Map(tiles=None), img_sources=("https://tile.openstreetmap.org",))
    assert "img-src data: blob: https://tile.openstreetmap.org" in page
    assert "tile.openstreetmap.org" not in offline_html(folium.Map(tiles=None))


def test_remote_asset_urls_finds_fetching_tags_only():
    page = (
        '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//cdn.example/a.css">'
        '<img src=http://x.example/i.png><a href="https://news.example/">a link is not an asset</a>'
    )
    assert len(remote_asset_urls(page)) == 3


@pytest.mark.browser
def test_default_marker_image_draws_offline(tmp_path):
    from playwright.sync_api import sync_playwright

    from geo.map.briefing import CHROMIUM_ARGS, find_browser

    executable = find_browser()
    if executable is None:
        pytest.skip("no chromium on this machine")
    m = folium.Map(location=(34.5, 38.3), zoom_start=6, tiles=None)
    folium.Marker((34.5, 38.3)).add_to(m)
    path = tmp_path / "marker.html"
    path.write_text(offline_html(m), encoding="utf-8")
    outside = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=list(CHROMIUM_ARGS))
        page = browser.new_page()

        route = only_this_file(path, outside)
        page.route("**/*", route)
        page.goto(path.as_uri())
        wait_in_page(page, "document.querySelector('img.leaflet-marker-icon')?.complete")
        icon = page.evaluate(
            "(() => { const i = document.querySelector('img.leaflet-marker-icon');"
            " return [i.naturalWidth, i.src.slice(0, 22)]; })()"
        )
        browser.close()
    assert outside == []
    assert icon == [25, "data:image/png;base64,"]
