"""The basemap's town names give way to the events, in chromium: the page draws them over
tiles drawn without them, and leaves out a name that an event's marker or label covers.

Pages are opened as files; the names come from a loopback basemap server built from the
tiny made-up province of ``test_basemap_tiles``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_pages import standalone_chromium
from palmyra import events_at_places, palmyra_event
from test_basemap_tiles import TOWNS, tiny_layers

from gazetteer.basemap_detail import Town, build_detail_cache, fingerprint
from geo.map.mapview import build_map, slide_map
from geo.map.offline import offline_html
from geo.map.pagewait import wait_in_page
from geo.map.tiles import TileServer, tile_origin

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BIG_RIVERTON = TOWNS[0]
#: The province, framed so that its two biggest towns are named.
PROVINCE = (19.6, 4.2, 22.2, 6.2)


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    with standalone_chromium() as browser:
        yield browser


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def basemap_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TileServer]:
    folder = tmp_path_factory.mktemp("town-labels")
    basemap = build_detail_cache(folder / "basemap.sqlite", tiny_layers(), TOWNS, stamp=fingerprint())
    server = TileServer(basemap, cache_dir=folder / "tiles").start()
    assert server.wait_ready(60)
    yield server
    server.close()


def open_map(chromium, folder: Path, m, origin: str = ""):
    page_path = folder / "map.html"
    page_path.write_text(
        offline_html(m, img_sources=(origin,) if origin else (), connect_sources=(origin,) if origin else ()),
        encoding="utf-8",
    )
    page = chromium.new_page(viewport={"width": 900, "height": 600})
    # Not "load", which waits on every tile image of the basemap server under Playwright's own
    # 30 s: the page's readiness is the condition, and it waits for the tiles it needs itself.
    page.goto(page_path.as_uri(), wait_until="domcontentloaded")
    wait_in_page(page, "window.conflictmapReady === true", timeout_ms=30_000)
    return page


def town_names(chromium, folder: Path, server: TileServer, events) -> dict:
    m = slide_map(events, width=900, height=600, bounds=PROVINCE, basemap_tiles=server.url_template)
    page = open_map(chromium, folder, m, tile_origin(server.url_template))
    try:
        return page.evaluate("window.conflictmapStats.towns")
    finally:
        page.close()


def test_a_town_name_with_no_event_near_is_drawn(chromium, basemap_server, tmp_path) -> None:
    far_away = palmyra_event(lat=4.3, lon=22.1, mention="Far Corner", place="Far Corner", geonameid=1)
    towns = town_names(chromium, tmp_path, basemap_server, [far_away])
    assert BIG_RIVERTON.name in towns["shown"]


def test_a_town_name_under_an_event_and_its_label_is_left_out(chromium, basemap_server, tmp_path) -> None:
    # The event's own label names the place: the basemap's name there would say it twice,
    # half hidden under the marker and the label.
    at_the_town = palmyra_event(lat=BIG_RIVERTON.lat, lon=BIG_RIVERTON.lon, mention="Riverton", place="Riverton")
    towns = town_names(chromium, tmp_path, basemap_server, [at_the_town])
    assert BIG_RIVERTON.name in towns["dropped"]
    assert BIG_RIVERTON.name not in towns["shown"]


def app_town_names(chromium, folder: Path, server: TileServer, events, *, picture: bool = False) -> dict:
    """The basemap's names on the page's map framed on the province (``picture``: on a
    briefing picture that labels none of the events' places itself)."""
    if picture:
        m = slide_map(events, width=900, height=600, bounds=PROVINCE, basemap_tiles=server.url_template, labels=0)
    else:
        m = build_map(events, bounds=PROVINCE, basemap_tiles=server.url_template)
    page = open_map(chromium, folder, m, tile_origin(server.url_template))
    try:
        return page.evaluate("window.conflictmapStats.towns")
    finally:
        page.close()


def fort_hope(**changes):
    """Events at Big Riverton, which the gazetteer calls so and the reports call Fort Hope."""
    return [
        palmyra_event(
            event_id=f"e{k}", lat=BIG_RIVERTON.lat, lon=BIG_RIVERTON.lon, place="Big Riverton", mention="Fort Hope"
        )
        for k in range(3)
    ]


@pytest.mark.parametrize("picture", [False, True], ids=["page", "picture"])
def test_a_town_with_events_is_named_on_the_map_as_its_articles_name_it(
    chromium, basemap_server, tmp_path, picture
) -> None:
    # The feed, the popup and a picture's list say Fort Hope: so does the map.
    towns = app_town_names(chromium, tmp_path, basemap_server, fort_hope(), picture=picture)
    assert "Fort Hope" in towns["shown"]
    assert BIG_RIVERTON.name not in towns["shown"] + towns["dropped"]


def test_a_namesake_or_a_province_does_not_rename_a_town(chromium, basemap_server, tmp_path) -> None:
    # A town of the same name two degrees away, and a province the articles call otherwise
    # whose gazetteer name is the town's: neither is the basemap's town.
    namesake = palmyra_event(event_id="far", lat=3.5, lon=20.4, place="Big Riverton", mention="Fort Hope", geonameid=7)
    province = palmyra_event(
        event_id="area",
        lat=BIG_RIVERTON.lat,
        lon=BIG_RIVERTON.lon,
        place="Big Riverton",
        mention="Riverland",
        feature_code="ADM1",
        geonameid=8,
    )
    towns = app_town_names(chromium, tmp_path, basemap_server, [namesake, province], picture=True)
    assert BIG_RIVERTON.name in towns["shown"]
    assert "Fort Hope" not in towns["shown"] and "Riverland" not in towns["shown"]


def test_a_village_in_the_news_is_named_among_the_towns(chromium, basemap_server, tmp_path) -> None:
    # No basemap town is near the village: the page's map names it from its events, and
    # still names the province's big town beside it.
    village = [
        palmyra_event(event_id=f"v{k}", lat=4.9, lon=21.0, place="Hilltop Post", mention="Hilltop Post", geonameid=9)
        for k in range(2)
    ]
    # A province's events sit at its middle: its name there would read as a town's.
    region = palmyra_event(
        event_id="r", lat=4.5, lon=20.9, place="Upper Vale", mention="Upper Vale", feature_code="ADM1", geonameid=10
    )
    towns = app_town_names(chromium, tmp_path, basemap_server, [*village, region])
    assert "Hilltop Post" in towns["shown"]
    assert BIG_RIVERTON.name in towns["shown"]
    assert "Upper Vale" not in towns["shown"] + towns["dropped"]


#: Each name drawn, with its text's left and right ends and the map's width.
PLACED_JS = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const towns = Object.values(map._layers).find(l => l.placed !== undefined);
  return {width: map.getSize().x, placed: towns.placed.map(p => ({name: p.name, left: p.textX, dot: p.x,
          right: p.textX + towns._width(document.createElement("canvas").getContext("2d"), p.name, p.font)}))};
}"""


#: The map moved so that the point [lat, lon] is 20 px from its right edge.
EDGE_PAN_JS = """([lat, lon]) => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  const p = map.latLngToContainerPoint([lat, lon]);
  map.panBy([p.x - (map.getSize().x - 20), 0], {animate: false});
}"""


def test_a_name_at_the_edge_of_the_map_stands_inside_it(chromium, basemap_server, tmp_path) -> None:
    # Big Riverton's dot just inside the map's right edge: its name goes left of the dot, whole.
    far_away = palmyra_event(lat=4.3, lon=22.1, mention="Far Corner", place="Far Corner", geonameid=1)
    m = slide_map([far_away], width=900, height=600, bounds=PROVINCE, basemap_tiles=basemap_server.url_template)
    page = open_map(chromium, tmp_path, m, tile_origin(basemap_server.url_template))
    try:
        page.evaluate(EDGE_PAN_JS, [BIG_RIVERTON.lat, BIG_RIVERTON.lon])
        page.wait_for_timeout(1500)  # the names of the new view arrive and are placed
        drawn = page.evaluate(PLACED_JS)
    finally:
        page.close()
    riverton = [p for p in drawn["placed"] if p["name"] == BIG_RIVERTON.name]
    assert riverton and riverton[0]["dot"] < drawn["width"]
    assert all(p["left"] >= 0 and p["right"] <= drawn["width"] for p in drawn["placed"]), drawn
    assert riverton[0]["right"] < riverton[0]["dot"]  # left of its dot: the edge is on the right


PLACE_JS = """([candidates, obstacles, labelled, covers]) =>
  window.conflictmapTownLabels.placeTownLabels(candidates, obstacles, labelled, covers)"""


def test_a_name_moves_to_a_free_spot_and_is_dropped_when_none_is_left(chromium, tmp_path) -> None:
    page = open_map(chromium, tmp_path, build_map([palmyra_event()]))
    try:
        town = {"name": "Hamlet", "x": 300, "y": 200, "width": 60, "height": 12}
        event_label_right = [305, 190, 380, 210]
        event_label_left = [220, 190, 296, 210]
        moved = page.evaluate(PLACE_JS, [[town], [event_label_right], [], []])
        assert [(p["name"], p["side"]) for p in moved["placed"]] == [("Hamlet", "left")]
        dropped = page.evaluate(PLACE_JS, [[town], [event_label_right, event_label_left], [], []])
        assert dropped == {"placed": [], "dropped": ["Hamlet"]}
        free = page.evaluate(PLACE_JS, [[town], [[600, 400, 700, 420]], [], []])
        assert [(p["name"], p["side"]) for p in free["placed"]] == [("Hamlet", "right")]
        # Under a marker, the name stands further out without its dot; under the legend, it goes.
        marker = [292, 192, 308, 208]
        beside = page.evaluate(PLACE_JS, [[town], [marker], [], []])
        assert [(p["name"], p["dot"]) for p in beside["placed"]] == [("Hamlet", False)]
        legend = [200, 150, 304, 260]
        assert page.evaluate(PLACE_JS, [[town], [], [], [legend]])["dropped"] == ["Hamlet"]
    finally:
        page.close()


def test_a_name_with_both_sides_taken_stands_above_its_free_dot(chromium, tmp_path) -> None:
    # A capital between two clusters that leave its dot clear keeps its name, over the dot.
    page = open_map(chromium, tmp_path, build_map([palmyra_event()]))
    try:
        town = {"name": "Capital", "x": 300, "y": 200, "width": 60, "height": 12}
        cluster_right = [306, 199, 380, 240]
        cluster_left = [220, 199, 295, 240]
        placed = page.evaluate(PLACE_JS, [[town], [cluster_right, cluster_left], [], []])
        assert [(p["name"], p["side"], p["dot"]) for p in placed["placed"]] == [("Capital", "above", True)]
        assert placed["placed"][0]["textY"] < 200
    finally:
        page.close()


def test_a_name_leaves_the_dot_of_the_next_town_clear(chromium, tmp_path) -> None:
    # The port's name to its right would cover the capital's dot: it goes left, and both are named.
    page = open_map(chromium, tmp_path, build_map([palmyra_event()]))
    try:
        port = {"name": "Portmouth", "x": 300, "y": 200, "width": 70, "height": 12}
        capital = {"name": "Inlandia", "x": 330, "y": 200, "width": 60, "height": 12}
        placed = page.evaluate(PLACE_JS, [[port, capital], [], [], []])
    finally:
        page.close()
    sides = {p["name"]: p["side"] for p in placed["placed"]}
    assert sides == {"Portmouth": "left", "Inlandia": "right"}, placed


def test_the_map_asks_for_tiles_without_names_when_it_draws_them(basemap_server) -> None:
    html = build_map([palmyra_event()], basemap_tiles=basemap_server.url_template).get_root().render()
    assert basemap_server.url_template + "?labels=0" in html
    assert "/basemap/labels/{z}/{x}/{y}.json" in html


LABEL_BOXES_JS = """() => Array.from(document.querySelectorAll('.cm-label')).map(node => {
  const r = node.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom];
})"""


def test_the_pictures_place_labels_do_not_cover_each_other(chromium, tmp_path) -> None:
    # A dozen busy places a few kilometres apart: their labels compete for the same room.
    crowded = [
        palmyra_event(
            event_id=f"e{i}-{k}",
            geonameid=1000 + i,
            mention=f"Village {i}",
            place=f"Village {i}",
            lat=34.5 + 0.04 * (i % 4),
            lon=38.2 + 0.05 * (i // 4),
        )
        for i in range(12)
        for k in range(i + 1)
    ]
    page = open_map(chromium, tmp_path, slide_map(crowded, width=900, height=600))
    try:
        boxes = page.evaluate(LABEL_BOXES_JS)
    finally:
        page.close()
    assert len(boxes) >= 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_places_gathered_into_a_cluster_are_not_named_beside_it(chromium, basemap_server, tmp_path) -> None:
    # Zoomed out, three villages a few km apart are one cluster: their names would stand
    # around the cluster, each looking like another place. A lone village keeps its name.
    knot = events_at_places("Knot", [(5.0, 21.0), (5.03, 21.03), (4.97, 21.05)], per_place=4)
    lone = events_at_places("Lone Post", [(6.5, 19.5)], per_place=2)
    m = build_map(knot + lone, bounds=(10.0, -3.0, 32.0, 13.0), basemap_tiles=basemap_server.url_template)
    page = open_map(chromium, tmp_path, m, tile_origin(basemap_server.url_template))
    try:
        stats = page.evaluate("window.conflictmapStats")
    finally:
        page.close()
    assert stats["density"]["hidden"] == 3  # the three villages' markers are in a cluster
    assert "Lone Post 0" in stats["towns"]["shown"]
    assert not [name for name in stats["towns"]["shown"] if name.startswith("Knot")]


def test_a_city_is_named_as_readers_know_it_not_by_its_quarter_listed_bigger(chromium, tmp_path) -> None:
    # The gazetteer lists the city's new quarter beside it, bigger than the city, under a
    # scholarly spelling of the city's name: the page names the city as readers know it.
    towns = (
        Town("Al Qusayrah al Jadidah", 5.5, 20.4, 900_000),
        Town("Kuseira", 5.51, 20.41, 700_000),
        TOWNS[1],
    )
    basemap = build_detail_cache(tmp_path / "basemap.sqlite", tiny_layers(), towns, stamp=fingerprint())
    server = TileServer(basemap, cache_dir=tmp_path / "tiles").start()
    try:
        assert server.wait_ready(60)
        far_away = palmyra_event(lat=4.3, lon=22.1, mention="Far Corner", place="Far Corner", geonameid=1)
        shown = town_names(chromium, tmp_path, server, [far_away])["shown"]
    finally:
        server.close()
    assert "Kuseira" in shown
    assert not any("Qusayrah" in name for name in shown), shown
