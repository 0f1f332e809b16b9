"""Waiting for a map page that forbids eval (our pages' Content-Security-Policy)."""

from __future__ import annotations

import folium
import pytest
from browser_pages import standalone_chromium

from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page

# The page says it is ready only after a while, so the wait has to check more than once.
LATE_READY = "<script>setTimeout(function () { window.lateReady = 'drawn'; }, 600);</script>"


def _late_page(tmp_path):
    m = folium.Map(location=[35.0, 38.0], zoom_start=5, tiles=None)
    m.get_root().html.add_child(folium.Element(LATE_READY))
    path = tmp_path / "late.html"
    path.write_text(offline_html(m), encoding="utf-8")
    return path


@pytest.mark.browser
def test_a_page_ready_late_under_its_policy_is_waited_for(tmp_path):
    path = _late_page(tmp_path)
    assert "Content-Security-Policy" in path.read_text(encoding="utf-8")
    with standalone_chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.goto(path.as_uri())
        assert wait_in_page(page, "window.lateReady", timeout_ms=10_000) == "drawn"
        assert errors == []


@pytest.mark.browser
def test_a_page_that_never_gets_ready_times_out_naming_what_it_waited_for(tmp_path):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    path = _late_page(tmp_path)
    with standalone_chromium() as browser:
        page = browser.new_page()
        page.goto(path.as_uri())
        with pytest.raises(PlaywrightTimeout, match="window.neverReady"):
            wait_in_page(page, "window.neverReady", timeout_ms=300)
