"""Density at any scale: which switches a map offers, and what its clusters and
hexagons show in chromium (a standalone page, network blocked)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from browser_pages import only_this_file, standalone_chromium
from palmyra import palmyra_event

from geo.map.density import (
    CLUSTER_LAYER_NAME,
    DENSITY_LAYER_NAME,
    DENSITY_SHOWN_OVER,
    MARKERS_LAYER_NAME,
    density_choice,
    density_layers,
)
from geo.map.mapview import build_map, slide_map
from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page
from geo.records import EVENT_TYPES, Event

#: Towns a few kilometres apart round Aleppo and round Homs, and Geneva far away.
ALEPPO_TOWNS = [("Aleppo", 36.20, 37.16), ("Anadan", 36.29, 37.04), ("Al-Safira", 36.07, 37.37)]
HOMS_TOWNS = [("Homs", 34.73, 36.71), ("Talbiseh", 34.84, 36.73), ("Al-Qusayr", 34.51, 36.58)]
GENEVA = ("Geneva", 46.20, 6.15)
SYRIA_CENTRE = (35.4, 37.0)


def town_events(per_town: int = 4) -> list[Event]:
    """``per_town`` events in each town, day by day from 2016-03-01, types in turn."""
    events = []
    for t, (name, lat, lon) in enumerate([*ALEPPO_TOWNS, *HOMS_TOWNS, GENEVA]):
        for k in range(per_town):
            events.append(
                palmyra_event(
                    event_id=f"t{t}-{k}",
                    event_type=EVENT_TYPES[(t + k) % 3],
                    sub_event_type="",
                    place=name,
                    mention=name,
                    lat=lat,
                    lon=lon,
                    geonameid=1000 + t,
                    event_date=date(2016, 3, 1) + timedelta(days=t * per_town + k),
                )
            )
    return events


# --------------------------------------------------------------------------- the switches


def test_an_interactive_map_offers_markers_clusters_and_hexagons() -> None:
    choice = density_choice(40, slide=False)
    assert choice.offered and choice.clusters_shown and not choice.density_shown
    names = {key: layer.layer_name for key, layer in density_layers(choice).items()}
    assert names == {"markers": MARKERS_LAYER_NAME, "clusters": CLUSTER_LAYER_NAME, "density": DENSITY_LAYER_NAME}


def test_hexagons_start_shown_only_when_markers_alone_would_be_a_heap() -> None:
    assert not density_choice(DENSITY_SHOWN_OVER, slide=False).density_shown
    assert density_choice(DENSITY_SHOWN_OVER + 1, slide=False).density_shown


def test_a_still_picture_or_an_empty_map_offers_no_switch() -> None:
    assert density_layers(density_choice(500, slide=True)) == {}
    assert density_layers(density_choice(0, slide=False)) == {}


def test_the_page_lists_the_switches_in_its_layer_control() -> None:
    page = build_map(town_events()).get_root().render()
    for name in (MARKERS_LAYER_NAME, CLUSTER_LAYER_NAME, DENSITY_LAYER_NAME):
        assert f'"{name}"' in page
    assert re.search(r"clusters: feature_group_[0-9a-f]+,", page)
    assert "conflictmapDensity" not in slide_map(town_events()).get_root().render().split("<body>")[1]
    assert f'"{CLUSTER_LAYER_NAME}"' not in slide_map(town_events()).get_root().render()


# --------------------------------------------------------------------------- in chromium


@pytest.fixture(scope="module")
def browser():
    with standalone_chromium() as chromium:
        yield chromium


class MapPage:
    """A map page opened from a file with every other request aborted."""

    def __init__(self, browser, page_html: str, folder: Path) -> None:
        path = folder / "page.html"
        path.write_text(page_html, encoding="utf-8")
        self.context = browser.new_context(viewport={"width": 1200, "height": 800})
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", only_this_file(path, self.outside))
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.goto(path.as_uri())
        wait_in_page(self.page, "window.conflictmapReady === true", timeout_ms=20_000)

    def stats(self) -> dict:
        return self.page.evaluate("window.conflictmapStats")

    def clusters(self) -> list[dict]:
        return self.page.evaluate("conflictmapDensity.clusters()")

    def switch(self, name: str) -> None:
        """Ticks or unticks the layer control's entry ``name``."""
        # A type's entry starts with its shape: "▲ Frontline". The list unfolds under the pointer.
        self.page.hover(".leaflet-control-layers")
        self.page.get_by_role("checkbox", name=re.compile(rf"^(\W+ )?{re.escape(name)}$")).click()

    def zoom_to(self, zoom: float, centre: tuple[float, float] = SYRIA_CENTRE) -> None:
        """Shows ``centre`` at ``zoom``, as zooming the map there would."""
        self.page.evaluate(
            """([zoom, centre]) => new Promise(done => {
                const map = window[Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))];
                map.once("moveend", () => done()); map.setView(centre, zoom, {animate: false});
            })""",
            [zoom, list(centre)],
        )

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def town_map(browser, tmp_path):
    events = town_events()
    page = MapPage(browser, offline_html(build_map(events, timeline=True)), tmp_path)
    yield page, events
    page.close()


@pytest.mark.browser
def test_nearby_towns_form_clusters_counting_their_events_by_type(town_map) -> None:
    page, events = town_map
    page.zoom_to(6)
    clusters = page.clusters()
    stats = page.stats()
    # Aleppo's three towns are one cluster, Homs's another; Geneva's marker stands alone.
    assert sorted(c["count"] for c in clusters) == [12, 12]
    aleppo = next(c for c in clusters if c["lat"] > 35.5)
    assert aleppo["byType"] == dict(Counter(e.event_type for e in events if e.lat > 35.5 and e.lon > 30))
    assert stats["drawn"] == stats["markers"] and stats["single"] == stats["markers"] - stats["density"]["hidden"]
    # Hovering a cluster lists its events by type.
    page.page.mouse.move(aleppo["x"], aleppo["y"])
    tip = page.page.locator(".leaflet-tooltip .cm-cluster-tip")
    tip.wait_for()
    assert tip.inner_text().split("\n")[:2] == ["12 events", "Frontline: 4"]
    assert page.errors == [] and page.outside == []


@pytest.mark.browser
def test_clicking_a_cluster_zooms_in_until_its_markers_stand_alone(town_map) -> None:
    page, _ = town_map
    page.zoom_to(6)
    before = page.stats()
    # Listen to every layer's clicks, as the Streamlit page's map component does.
    page.page.evaluate(
        """() => { const map = window[Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))];
                   window.layerClicks = 0; map.eachLayer(l => l.on("click", () => { window.layerClicks += 1; })); }"""
    )
    aleppo = next(c for c in page.clusters() if c["lat"] > 35.5)
    page.page.mouse.click(aleppo["x"], aleppo["y"])
    wait_in_page(page.page, "(zoom) => window.conflictmapStats.density.zoom > zoom", arg=before["density"]["zoom"])
    after = page.stats()
    assert after["single"] > before["single"]
    assert page.page.evaluate("window.layerClicks") == 0  # not taken for a click on a marker
    assert not any(c["lat"] > 35.5 for c in page.clusters() if abs(c["lon"] - aleppo["lon"]) < 1)
    assert page.errors == []


@pytest.mark.browser
def test_clusters_follow_the_time_window_and_the_type_switches(town_map) -> None:
    page, events = town_map
    page.zoom_to(6)
    # The first eight days: Aleppo's first two towns only.
    page.page.eval_on_selector(".cm-slider", "s => { s.value = '7'; s.dispatchEvent(new Event('input')); }")
    early = [c["count"] for c in page.clusters()]
    page.page.click(".cm-all")
    page.switch("Frontline")
    without_frontline = page.clusters()
    assert early == [8]
    assert all("frontline" not in c["byType"] for c in without_frontline)
    assert sum(c["count"] for c in without_frontline) == sum(
        1 for e in events if e.event_type != "frontline" and e.place != "Geneva"
    )


@pytest.mark.browser
def test_without_grouping_every_marker_stands_alone(town_map) -> None:
    page, _ = town_map
    page.zoom_to(6)
    page.switch(CLUSTER_LAYER_NAME)
    stats = page.stats()
    assert page.clusters() == [] and stats["single"] == stats["drawn"] == stats["markers"]


@pytest.mark.browser
def test_the_hexagons_shade_where_the_events_of_the_window_are(town_map) -> None:
    page, _ = town_map
    page.zoom_to(7)
    page.switch(DENSITY_LAYER_NAME)
    page.switch(MARKERS_LAYER_NAME)
    stats = page.stats()
    painted = page.page.evaluate(
        """() => { const c = document.querySelector('.cm-density-canvas');
                   const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                   let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
    )
    key = page.page.inner_text(".cm-density-key")
    assert stats["density"]["hexagons"] >= 2 and painted > 500
    assert stats["single"] == 0 and page.clusters() == []
    assert "Events per hexagon" in key
    page.page.eval_on_selector(".cm-slider", "s => { s.value = '3'; s.dispatchEvent(new Event('input')); }")
    assert page.stats()["density"]["hexagons"] == 1  # the first four days: Aleppo's events only


@pytest.mark.browser
def test_the_busiest_marker_gathers_its_neighbours_and_far_ones_stay_apart(town_map) -> None:
    page, _ = town_map
    groups = page.page.evaluate(
        """() => conflictmapDensity.clusterPoints([
            {x: 0, y: 0, weight: 1}, {x: 50, y: 0, weight: 9}, {x: 100, y: 0, weight: 1}, {x: 400, y: 0, weight: 2}
        ], 60)"""
    )
    # The middle marker (most events) takes both neighbours within 60 px, though they are 100 px apart.
    assert [g[0] for g in groups] == [1, 3] and [sorted(g) for g in groups] == [[0, 1, 2], [3]]


@pytest.mark.browser
def test_every_point_falls_in_the_hexagon_whose_centre_is_nearest(town_map) -> None:
    page, _ = town_map
    misplaced = page.page.evaluate(
        """() => { const D = conflictmapDensity, size = 14, bad = [];
            for (let x = -200; x <= 200; x += 3.7) { for (let y = -200; y <= 200; y += 4.1) {
                const [q, r] = D.hexAt(x, y, size);
                const cx = size * Math.sqrt(3) * (q + r / 2), cy = size * 1.5 * r;
                // No other hexagon's centre is nearer than its own.
                const d = Math.hypot(x - cx, y - cy);
                for (const [dq, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, -1], [-1, 1]]) {
                    const ox = size * Math.sqrt(3) * (q + dq + (r + dr) / 2), oy = size * 1.5 * (r + dr);
                    if (Math.hypot(x - ox, y - oy) < d - 1e-9) { bad.push([x, y]); }
                }
            } }
            return bad.length; }"""
    )
    assert misplaced == 0


def _towns(spots: list[tuple[str, float, float]], per_town: int = 3) -> list[Event]:
    """``per_town`` frontline events at each town, on the same day (one marker a town)."""
    return [
        palmyra_event(
            event_id=f"{name}-{k}", place=name, mention=name, lat=lat, lon=lon, geonameid=5000 + t, sub_event_type=""
        )
        for t, (name, lat, lon) in enumerate(spots)
        for k in range(per_town)
    ]


@pytest.mark.browser
def test_at_a_countrys_zoom_towns_35_km_apart_stand_apart_and_overlapping_ones_cluster(browser, tmp_path) -> None:
    # Two towns some 35 km apart (about 35 px at zoom 7), and two others 3 km apart.
    events = _towns(
        [("Westtown", 35.00, 36.60), ("Easttown", 35.00, 36.985), ("Twin", 36.40, 38.00), ("Twin2", 36.42, 38.02)]
    )
    page = MapPage(browser, offline_html(build_map(events, timeline=True)), tmp_path)
    try:
        page.zoom_to(7, (35.6, 37.3))
        clusters = page.clusters()
        # Only the twins, whose markers cover each other, are one cluster; the other two towns show their own markers.
        assert [c["count"] for c in clusters] == [6] and clusters[0]["lat"] > 36
        page.zoom_to(4, (35.6, 37.3))  # zoomed out, all four heap up and cluster
        assert sorted(c["count"] for c in page.clusters()) == [12]
    finally:
        page.close()


@pytest.mark.browser
def test_markers_cluster_by_their_reach_and_never_beyond_the_radius(town_map) -> None:
    page, _ = town_map
    groups = page.page.evaluate(
        """() => conflictmapDensity.clusterPoints([
            {x: 0, y: 0, weight: 5, reach: 10}, {x: 25, y: 0, weight: 1, reach: 10},
            {x: 200, y: 0, weight: 4, reach: 10}, {x: 215, y: 0, weight: 1, reach: 10},
            {x: 400, y: 0, weight: 3, reach: 40}, {x: 470, y: 0, weight: 1, reach: 40}
        ], 60)"""
    )
    # 25 px apart with 20 px of reach: apart; 15 px: one; 70 px with 80 px of reach: apart (beyond 60 px).
    assert sorted(sorted(g) for g in groups) == [[0], [1], [2, 3], [4], [5]]


#: A ring's inner disc, where its count is printed: the ring is a third of the radius wide.
RING_TEXT_FITS_JS = """() => {
  const D = conflictmapDensity, ctx = document.createElement("canvas").getContext("2d");
  ctx.font = D.CLUSTER_FONT;
  const crowded = [];
  for (const n of [2, 9, 99, 999, 1000, 2545, 9949, 9999, 12345, 99999, 999999, 1234567, 98765432]) {
    const r = D.clusterRadius(n), inner = 2 * (r - Math.max(4, r * 0.34));
    const text = D.compactCount(n), width = ctx.measureText(text).width;
    if (width > inner - 4) { crowded.push([n, text, width, inner]); }
  }
  return crowded;
}"""


@pytest.mark.browser
def test_a_clusters_count_fits_inside_its_ring_however_many_events(town_map) -> None:
    page, _ = town_map
    assert page.page.evaluate(RING_TEXT_FITS_JS) == []
    assert page.page.evaluate("[999, 2545, 31234, 1250000].map(conflictmapDensity.compactCount)") == [
        "999",
        "2.5k",
        "31k",
        "1.3M",
    ]


@pytest.mark.browser
def test_clusters_whose_discs_would_overlap_become_one(town_map) -> None:
    page, _ = town_map
    merged = page.page.evaluate(
        """() => conflictmapDensity.mergeOverlapping([
            {x: 0, y: 0, count: 30, members: [0, 1]}, {x: 30, y: 0, count: 10, members: [2, 3]},
            {x: 300, y: 0, count: 10, members: [4, 5]}
        ]).map(c => [Math.round(c.x), c.count, c.members.slice().sort()])"""
    )
    # The two near discs (radii 19 and 17 px, 30 px apart) make one, at their events' centre.
    assert merged == [[8, 40, [0, 1, 2, 3]], [300, 10, [4, 5]]]


#: Towns 0.2 degrees apart on a grid over northern Syria, a few events each, more in some.
GRID_TOWNS = [(f"G{i}-{j}", 35.0 + 0.2 * i, 36.5 + 0.2 * j) for i in range(8) for j in range(10)]


@pytest.mark.browser
def test_no_two_clusters_cover_each_other_at_any_zoom_or_date(browser, tmp_path) -> None:
    events = [
        palmyra_event(
            event_id=f"{name}-{k}",
            place=name,
            mention=name,
            lat=lat,
            lon=lon,
            geonameid=7000 + t,
            sub_event_type="",
            event_date=date(2016, 3, 1) + timedelta(days=(t * 7 + k) % 40),
        )
        for t, (name, lat, lon) in enumerate(GRID_TOWNS)
        for k in range(1 + (t * 13) % 9)
    ]
    page = MapPage(browser, offline_html(build_map(events, timeline=True)), tmp_path)
    overlaps = []
    try:
        for slider in ("39", "10"):  # every day, then the first eleven days
            page.page.eval_on_selector(
                ".cm-slider", "(s, v) => { s.value = v; s.dispatchEvent(new Event('input')); }", slider
            )
            for zoom in (5, 6, 7, 8):
                page.zoom_to(zoom, (35.7, 37.4))
                drawn = page.page.evaluate(
                    """() => conflictmapDensity.clusters().map(c =>
                        [c.x, c.y, conflictmapDensity.clusterRadius(c.count), c.count])"""
                )
                overlaps += [
                    (slider, zoom, a, b)
                    for i, a in enumerate(drawn)
                    for b in drawn[i + 1 :]
                    if (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 < (a[2] + b[2] - 1) ** 2
                ]
        assert page.errors == []
    finally:
        page.close()
    assert overlaps == []
