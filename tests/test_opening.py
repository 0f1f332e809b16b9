"""Where the page's map opens: on the busiest theatre of a war fought in several, with a
button per theatre; a war in one theatre opens as before, without buttons."""

from __future__ import annotations

from datetime import date

import pandas as pd
from palmyra import events_at_places
from test_mapview import page_data

from geo.map.mapview import build_map
from geo.map.opening import MAX_JUMPS, opening_json, opening_view
from geo.web import appstate as view
from geo.web.timeline import timeline_chart

#: Made-up towns: a front of five towns some 40 km apart, and a second front far to the south-west.
NORTH_FRONT = [(50.10, 30.20), (50.40, 30.60), (50.70, 30.20), (50.30, 29.70), (49.90, 30.80)]
SOUTH_FRONT = [(41.20, 20.10), (41.50, 20.40)]


def _inside(bounds: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    return bounds[0] <= lon <= bounds[2] and bounds[1] <= lat <= bounds[3]


def test_the_map_opens_on_the_busier_theatre_and_not_the_other() -> None:
    north = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA")
    south = events_at_places("Southtown", SOUTH_FRONT, per_place=3, country="AL")
    bounds = view.map_bounds(south + north)
    assert bounds is not None
    assert all(_inside(bounds, lat, lon) for lat, lon in NORTH_FRONT)
    assert not any(_inside(bounds, lat, lon) for lat, lon in SOUTH_FRONT)
    # The frame holds the front closely: not a box that spans both theatres.
    assert bounds[2] - bounds[0] < 3 and bounds[3] - bounds[1] < 3


def test_the_buttons_name_every_theatre_with_its_events_busiest_first() -> None:
    north = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA")
    south = events_at_places("Southtown", SOUTH_FRONT, per_place=3, country="AL")
    data = opening_json(opening_view(north + south))
    assert data is not None
    assert [(j["caption"], j["events"]) for j in data["jumps"]] == [("Ukraine", 20), ("Albania", 6)]
    assert data["opened"] == 0
    (south_west, north_east) = data["all"]  # "All" reaches every event
    assert south_west[0] < 41.2 and south_west[1] < 20.1 and north_east[0] > 50.7 and north_east[1] > 30.8
    # Each button flies to its own theatre's box.
    (s, w), (n, e) = data["jumps"][1]["bounds"]
    assert s < 41.2 < 41.5 < n and w < 20.1 < 20.4 < e and n < 45


def test_a_theatre_over_two_countries_is_named_by_its_busiest_places() -> None:
    north = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA")
    border = events_at_places("Lakeside", [(46.20, 6.15)], per_place=2, country="CH") + events_at_places(
        "Hilltown", [(48.14, 11.58)], per_place=1, country="DE"
    )
    data = opening_json(opening_view(north + border))
    assert data is not None
    assert [j["caption"] for j in data["jumps"]] == ["Ukraine", "Lakeside 0, Hilltown 0"]


def test_one_theatre_has_no_buttons_and_keeps_the_maps_own_fit() -> None:
    north = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA")
    assert opening_view(north).jumps == ()
    assert opening_json(opening_view(north)) is None
    assert page_data(build_map(north, jumps=True))["theatres"] is None
    bounds = view.map_bounds(north)
    assert bounds is not None and all(_inside(bounds, lat, lon) for lat, lon in NORTH_FRONT)


def test_the_page_map_carries_the_buttons_only_when_asked() -> None:
    events = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA") + events_at_places(
        "Southtown", SOUTH_FRONT, per_place=3, country="AL"
    )
    assert page_data(build_map(events))["theatres"] is None  # a map saved to a file keeps its plain fit
    assert len(page_data(build_map(events, jumps=True))["theatres"]["jumps"]) == 2


def test_many_theatres_get_buttons_for_the_busiest_only() -> None:
    # Places 10 degrees of longitude apart along the equator: each a theatre of its own, busier eastwards.
    events = [
        e
        for t in range(MAX_JUMPS + 2)
        for e in events_at_places(f"Place{t}", [(0.0, -60.0 + 10.0 * t)], per_place=t + 1, country="")
    ]
    data = opening_json(opening_view(events))
    assert data is not None
    assert [j["events"] for j in data["jumps"]] == list(range(MAX_JUMPS + 2, 2, -1))[:MAX_JUMPS]


def test_the_timeline_names_types_as_the_legend_and_fills_its_column() -> None:
    daily = pd.DataFrame(
        {
            "event_date": [pd.Timestamp("2016-03-01")] * 2 + [pd.Timestamp("2016-06-30")],
            "event_type": ["frontline", "humanitarian", "other"],
            "events": [3, 1, 1],
        }
    )
    period = (date(2016, 3, 1), date(2016, 3, 31))
    spec = timeline_chart(daily, period, period, coverage=False).to_dict()
    assert spec["width"] == "container"
    bars = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")
    assert bars["encoding"]["color"]["scale"]["domain"] == ["Frontline", "Diplomacy", "Humanitarian", "Other"]
    rows = [row for data in spec["datasets"].values() for row in data]
    # The stray day months after the period is left out: it would squeeze the period's bars.
    assert {row["event_type"] for row in rows if "event_type" in row} == {"Frontline", "Humanitarian"}


def test_a_lone_far_report_has_no_button_of_its_own_but_all_reaches_it() -> None:
    north = events_at_places("Northtown", NORTH_FRONT, per_place=8, country="UA")
    south = events_at_places("Southtown", SOUTH_FRONT, per_place=3, country="AL")
    far = events_at_places("Farport", [(-33.9, 18.4)], per_place=1, country="ZA")
    data = opening_json(opening_view(north + south + far))
    assert data is not None
    assert [j["caption"] for j in data["jumps"]] == ["Ukraine", "Albania"]
    assert data["all"][0][0] < -33.9  # "All" takes the far report in


def test_a_front_that_strays_over_a_border_keeps_its_countrys_name() -> None:
    north = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA") + events_at_places(
        "Bordertown", [(51.0, 30.5)], per_place=1, country="BY"
    )
    south = events_at_places("Southtown", SOUTH_FRONT, per_place=3, country="AL")
    data = opening_json(opening_view(north + south))
    assert data is not None
    assert data["jumps"][0]["caption"] == "Ukraine"


def test_the_opening_button_is_marked_only_when_the_map_shows_its_frame() -> None:
    events = events_at_places("Northtown", NORTH_FRONT, per_place=4, country="UA") + events_at_places(
        "Southtown", SOUTH_FRONT, per_place=3, country="AL"
    )
    opening = opening_view(events)
    assert opening.frame is not None
    assert opening_json(opening, shown=opening.frame)["opened"] == 0
    kept = (19.0, 40.0, 21.0, 42.0)  # a frame the user keeps, on the other theatre
    assert opening_json(opening, shown=kept)["opened"] == -1
    assert page_data(build_map(events, bounds=kept, jumps=True))["theatres"]["opened"] == -1
