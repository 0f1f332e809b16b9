"""Briefing outputs: the standalone HTML map, and the slide PNG (chromium or matplotlib)."""

from __future__ import annotations

import os
import random
import stat
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from palmyra import palmyra_event
from PIL import Image

from geo.errors import ExportError, InputError
from geo.map import briefing
from geo.map.briefing import export_html, export_png, find_browser, render_png
from geo.map.offline import remote_asset_urls
from geo.records import EVENT_TYPES, Event


def make_event(**changes) -> Event:
    shelling = {
        "sub_event_type": "shelling",
        "quote": "Shelling hit Palmyra on Thursday.",
        "title": "Palmyra shelled",
        "confidence": 0.8,
    }
    return palmyra_event(**{**shelling, **changes})


def sample_events(n: int, *, seed: int = 3) -> list[Event]:
    rnd = random.Random(seed)
    towns = [
        ("Aleppo", 36.2, 37.16),
        ("Raqqa", 35.95, 39.01),
        ("Homs", 34.73, 36.71),
        ("Tadmur", 34.56, 38.28),
        ("Deir ez-Zor", 35.34, 40.14),
        ("Idlib", 35.93, 36.63),
        ("Geneva", 46.2, 6.15),
    ]
    events = []
    for i in range(n):
        name, lat, lon = towns[rnd.randrange(len(towns))]
        events.append(
            make_event(
                event_id=f"e{i}",
                event_type=EVENT_TYPES[rnd.randrange(4)],
                place=name,
                mention=name,
                lat=lat + rnd.uniform(-0.05, 0.05),
                lon=lon + rnd.uniform(-0.05, 0.05),
                event_date=date(2016, 1, 1) + timedelta(days=rnd.randrange(200)),
                source=f"Paper {i % 5}",
            )
        )
    return events


def png_pixels(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"), dtype=np.float64)


def has_colour(pixels: np.ndarray, hex_colour: str, tolerance: float = 40) -> bool:
    target = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.float64)
    return bool((np.abs(pixels - target).sum(axis=2) < tolerance).any())


# --------------------------------------------------------------------------- HTML


def test_html_is_one_self_contained_file(tmp_path):
    events = sample_events(300)
    out = export_html(events, tmp_path / "map.html", title="Syria <b>briefing</b>")
    page = out.read_text(encoding="utf-8")
    assert remote_asset_urls(page) == []
    assert "<title>Syria &lt;b&gt;briefing&lt;/b&gt;</title>" in page
    assert "Content-Security-Policy" in page
    assert "cm-timeline" in page or "addTimeline" in page  # playback ships inside
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]  # no temp file left behind


def test_html_failure_names_the_path_and_leaves_nothing(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    with pytest.raises(ExportError, match="taken"):
        export_html([make_event()], target)
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]
    assert list(target.iterdir()) == []


@pytest.mark.slow
def test_html_of_ten_thousand_events_stays_under_ten_megabytes(tmp_path):
    out = export_html(sample_events(10_000), tmp_path / "big.html")
    assert out.stat().st_size <= 10_000_000


# --------------------------------------------------------------------------- finding a browser


def fake_executable(folder: Path, name: str = "chromium") -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\nexit 1\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_find_browser_takes_an_explicit_executable(tmp_path):
    exe = fake_executable(tmp_path)
    assert find_browser(exe) == exe


def test_find_browser_returns_none_for_a_missing_explicit_path():
    assert find_browser(Path("/nonexistent/chromium")) is None


def test_find_browser_honours_the_environment(tmp_path, monkeypatch):
    exe = fake_executable(tmp_path, "my-chrome")
    monkeypatch.setenv("CONFLICTMAP_BROWSER", str(exe))
    assert find_browser() == exe


def test_find_browser_searches_the_path(tmp_path, monkeypatch):
    exe = fake_executable(tmp_path, "chromium-browser")
    monkeypatch.delenv("CONFLICTMAP_BROWSER", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_browser() == exe


# --------------------------------------------------------------------------- PNG without a browser


def test_png_without_a_browser_is_drawn_with_matplotlib(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing, "find_browser", lambda explicit=None: None)
    notices: list[str] = []
    events = sample_events(150)
    result = render_png(
        events,
        tmp_path / "slide.png",
        title="Syria",
        width=800,
        height=500,
        scale=1.5,
        browser=Path("/nonexistent"),
        on_notice=notices.append,
    )
    assert result.renderer == "matplotlib"
    assert notices == ["chromium not found at '/nonexistent'; drew the PNG with matplotlib instead"]
    assert result.legend == dict(Counter(e.event_type for e in events))
    west, south, east, north = result.view
    # Fitted to the Syrian towns; Geneva's talks (one event in seven) would widen it 60 times.
    assert west < 36.63 and east > 40.14 and south < 34.56 and north > 36.2 and west > 6.15
    with Image.open(result.path) as image:
        assert image.size == (1200, 750)
    pixels = png_pixels(result.path)
    assert pixels.std() > 20
    from geo.map.mapview import EVENT_STYLE

    assert has_colour(pixels, EVENT_STYLE["frontline"].colour)


def test_export_png_falls_back_when_the_browser_cannot_start(tmp_path):
    notices: list[str] = []
    out = export_png(
        [make_event()],
        tmp_path / "slide.png",
        width=400,
        height=300,
        browser=fake_executable(tmp_path),
        on_notice=notices.append,
    )
    assert out.is_file()
    assert len(notices) == 1 and notices[0].startswith("chromium failed")
    assert notices[0].endswith("drew the PNG with matplotlib instead")


def test_fallback_labels_do_not_overlap(tmp_path):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from geo.map.mapview import PlaceLabel

    figure = Figure(figsize=(6, 4), dpi=100)
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(38, 39)
    ax.set_ylim(34, 35)
    labels = [
        PlaceLabel(f"Village number {i}", 34.5 + 0.01 * (i % 3), 38.5 + 0.01 * (i // 3), 20 - i) for i in range(12)
    ]
    placed = briefing._place_labels(ax, labels)
    renderer = figure.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in ax.texts]
    assert 1 <= placed == len(boxes) < 12
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"width": 50}, "width"),
        ({"height": 100_000}, "height"),
        ({"scale": 0}, "scale"),
        ({"bbox": (10, 10, 5, 20)}, "bbox"),
        ({"width": 800.5}, "width"),
    ],
)
def test_bad_picture_options_raise_with_the_value(tmp_path, options, message):
    with pytest.raises(InputError, match=message):
        export_png([make_event()], tmp_path / "x.png", **options)
    assert not (tmp_path / "x.png").exists()


# --------------------------------------------------------------------------- PNG with chromium


# Not module-scoped: test_png_from_chromium_has_the_size_counts_and_colours starts the product's
# own renderer, and a second Playwright cannot start in a thread while this one runs there; a
# module-scoped one lived on whenever the order put that test after one of these.
@pytest.fixture
def renderer(chromium_path):
    from geo.map.briefing import SlideRenderer

    with SlideRenderer(chromium_path) as started:
        yield started


@pytest.mark.browser
def test_png_from_chromium_has_the_size_counts_and_colours(tmp_path, chromium_path):
    events = sample_events(400)
    result = render_png(
        events,
        tmp_path / "slide.png",
        title="Syria, spring 2016",
        width=900,
        height=560,
        scale=1.5,
        browser=chromium_path,
    )
    assert result.renderer == "chromium"
    with Image.open(result.path) as image:
        assert image.size == (1350, 840)
    assert result.legend == dict(Counter(e.event_type for e in events))
    pixels = png_pixels(result.path)
    assert pixels.std() > 20
    from geo.map.mapview import EVENT_STYLE

    for event_type in EVENT_TYPES:
        assert has_colour(pixels, EVENT_STYLE[event_type].colour), event_type


@pytest.mark.browser
def test_png_fits_the_requested_bbox(tmp_path, renderer):
    bbox = (30.0, 30.0, 45.0, 40.0)
    result = renderer.render(sample_events(50), tmp_path / "a.png", width=800, height=600, bbox=bbox)
    west, south, east, north = result.view
    assert west <= 30.0 and east >= 45.0 and south <= 30.0 and north >= 40.0
    assert east - west < 15.0 * 1.6  # fitted, not the whole world


@pytest.mark.browser
def test_png_of_no_events_is_still_a_map(tmp_path, renderer):
    result = renderer.render([], tmp_path / "empty.png", width=600, height=400)
    assert result.legend == {} and result.renderer == "chromium"
    assert png_pixels(result.path).std() > 5


def test_png_output_is_written_atomically(tmp_path, monkeypatch):
    monkeypatch.setattr(briefing, "find_browser", lambda explicit=None: None)
    out = tmp_path / "slide.png"
    out.write_bytes(b"previous")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("matplotlib.figure.Figure.savefig", broken)
    with pytest.raises(ExportError, match="slide.png"):
        export_png([make_event()], out, width=400, height=300)
    assert out.read_bytes() == b"previous"
    assert sorted(os.listdir(tmp_path)) == ["slide.png"]
