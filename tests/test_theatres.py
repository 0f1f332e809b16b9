"""The briefing picture's layout: the main frame holds the busiest theatre closely, far
theatres get insets, far single places are listed, and nothing depends on event order."""

from __future__ import annotations

import random

import pytest
from palmyra import events_at_places
from test_mapview import page_data

from geo.map.mapview import slide_map
from geo.map.theatres import (
    INSET_SHARE,
    MAX_INSETS,
    elsewhere_text,
    find_theatres,
    fitted_area,
    plan_slide,
    slide_layout,
    with_margin,
)
from geo.records import Event

WIDE = 1.7  # a slide's map, about 16:10 once the header is taken off


def _front(lat0: float, lon0: float, *, rows: int = 5, cols: int = 8, step: float = 0.4, name: str = "Front") -> list:
    """A front of rows x cols towns, ``step`` degrees apart."""
    return events_at_places(name, [(lat0 + r * step, lon0 + c * step) for r in range(rows) for c in range(cols)])


def _inside(event: Event, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= event.lon <= box[2] and box[1] <= event.lat <= box[3]


def _box(events: list) -> tuple[float, float, float, float]:
    return (
        min(e.lon for e in events),
        min(e.lat for e in events),
        max(e.lon for e in events),
        max(e.lat for e in events),
    )


def test_the_frame_holds_the_busy_front_closely_and_leaves_far_talks_out() -> None:
    front = _front(47.0, 35.0)  # 40 events over about 3 by 1.6 degrees
    talks = events_at_places("Talks", [(46.2, 6.1)], per_place=6, country="CH", event_type="diplomacy")
    layout = slide_layout(front + talks, aspect=WIDE)
    assert layout.frame is not None
    assert all(_inside(e, layout.frame) for e in front)
    assert not any(_inside(e, layout.frame) for e in talks)
    held = sum(_inside(e, layout.frame) for e in front + talks) / len(front + talks)
    assert held >= 0.85
    # Close: the frame, fitted to the picture, shows at most 1.5 times what the front's own box would.
    assert fitted_area(layout.frame, WIDE) <= 1.5 * fitted_area(_box(front), WIDE)


def test_a_far_theatre_with_a_real_share_gets_an_inset_and_the_locator_shows() -> None:
    front = _front(47.0, 35.0)
    second = _front(15.0, 44.0, rows=2, cols=4, name="South")  # 8 of 48 events, 3,500 km away
    layout = slide_layout(front + second, aspect=WIDE)
    assert len(layout.insets) == 1
    assert layout.insets[0].events == 8
    assert all(_inside(e, with_margin(layout.insets[0].bounds)) for e in second)
    assert layout.locator
    assert layout.left_out == 8


def test_a_far_single_place_is_listed_not_given_an_inset() -> None:
    front = _front(47.0, 35.0)
    visit = events_at_places("Capital", [(51.5, -0.1)], country="GB")  # one event of 41: below INSET_SHARE
    layout = slide_layout(front + visit, aspect=WIDE)
    assert layout.insets == ()
    assert layout.elsewhere == (("Capital 0", 1),)
    assert layout.locator


def test_one_theatre_alone_has_no_inset_list_or_locator() -> None:
    layout = slide_layout(_front(47.0, 35.0), aspect=WIDE)
    assert layout.insets == () and layout.elsewhere == ()
    assert not layout.locator
    assert layout.left_out == 0


def test_a_second_front_beside_a_wide_one_joins_the_frame() -> None:
    # A front 10 degrees long, and 5 degrees south of its middle a second one (beyond the
    # link distance): a wide picture of the first shows most of that ground anyway, so
    # framing both costs little area and both are in the main map.
    west = events_at_places("West", [(48.0, 30.0 + 0.5 * i) for i in range(21)])
    east = events_at_places("East", [(43.0, 34.0 + 0.5 * i) for i in range(5)])
    assert len(find_theatres(west + east)) == 2
    layout = slide_layout(west + east, aspect=WIDE)
    assert all(_inside(e, layout.frame) for e in west + east)
    assert layout.insets == () and not layout.locator


def test_insets_are_the_heaviest_far_theatres_and_at_most_two() -> None:
    front = _front(47.0, 35.0)
    far = [
        events_at_places(f"Far{i}", [(lat, lon)], per_place=n)
        for i, (lat, lon, n) in enumerate(((15.0, 44.0, 9), (-1.3, 36.8, 7), (40.7, -74.0, 5)))
    ]
    events = front + [e for group in far for e in group]
    layout = slide_layout(events, aspect=WIDE)
    assert MAX_INSETS == 2
    assert [t.events for t in layout.insets] == [9, 7]
    assert all(t.weight >= INSET_SHARE * len(events) for t in layout.insets)
    assert ("Far2 0", 5) in layout.elsewhere


def test_outlets_weigh_more_than_a_lone_report() -> None:
    # Six events told by one outlet each, against three told by eight outlets each: the
    # widely told front is the one framed.
    quiet = _front(47.0, 35.0, rows=2, cols=3, name="Quiet")
    told = events_at_places("Told", [(15.0, 44.0), (15.4, 44.2), (14.8, 43.9)], sources=8)
    layout = slide_layout(quiet + told, aspect=WIDE)
    assert all(_inside(e, layout.frame) for e in told)
    assert not any(_inside(e, layout.frame) for e in quiet)


def test_events_placed_at_a_country_do_not_move_the_frame() -> None:
    front = _front(47.0, 35.0)
    country = events_at_places("Far country", [(60.0, 100.0)], per_place=10, country="RU", feature_code="PCLI")
    assert slide_layout(front + country, aspect=WIDE) == slide_layout(front, aspect=WIDE)


def test_the_layout_does_not_depend_on_event_order() -> None:
    events = (
        _front(47.0, 35.0)
        + _front(15.0, 44.0, rows=2, cols=4, name="South")
        + events_at_places("Capital", [(51.5, -0.1)])
    )
    shuffled = list(events)
    random.Random(7).shuffle(shuffled)
    assert slide_layout(shuffled, aspect=WIDE) == slide_layout(events, aspect=WIDE)


def test_no_events_give_no_frame() -> None:
    assert slide_layout([], aspect=WIDE).frame is None


def test_a_bad_aspect_is_refused_with_the_value() -> None:
    with pytest.raises(ValueError, match="-1"):
        slide_layout(_front(47.0, 35.0), aspect=-1)


def test_the_list_names_the_busiest_places_and_counts_the_rest() -> None:
    places = [(f"Town {i}", 10 - i) for i in range(8)]
    assert elsewhere_text(places, listed=3) == "Town 0 10 \u00b7 Town 1 9 \u00b7 Town 2 8 \u00b7 5 more places"
    assert elsewhere_text(places[:1], listed=3) == "Town 0 10"


def test_the_column_is_kept_only_when_something_goes_in_it() -> None:
    front = _front(47.0, 35.0)
    _, alone = plan_slide(front, map_width=1560, map_height=908)
    layout, column = plan_slide(front + events_at_places("Capital", [(51.5, -0.1)]), map_width=1560, map_height=908)
    assert alone == 0
    assert column > 0 and layout.locator


def test_the_slide_page_carries_the_insets_only_when_a_theatre_is_left_out() -> None:
    front = _front(47.0, 35.0)
    far = _front(15.0, 44.0, rows=2, cols=4, name="South")
    with_far = page_data(slide_map(front + far, width=1600, height=1000))
    alone = page_data(slide_map(front, width=1600, height=1000))
    assert alone["insets"] is None
    insets = with_far["insets"]
    assert [i["events"] for i in insets["insets"]] == [8]
    assert insets["leftOut"] == 8
    # The main map's bounds are the front's, not the front's and the far theatre's.
    (south, west), (north, east) = with_far["bounds"]
    assert south > 40 and all(_inside(e, (west, south, east, north)) for e in front)


def test_a_picture_of_a_chosen_box_has_no_insets() -> None:
    events = _front(47.0, 35.0) + _front(15.0, 44.0, rows=2, cols=4, name="South")
    data = page_data(slide_map(events, width=1600, height=1000, bounds=(30.0, 40.0, 40.0, 50.0)))
    assert data["insets"] is None


def test_a_small_picture_frames_the_busy_front_without_a_column() -> None:
    events = _front(47.0, 35.0) + _front(15.0, 44.0, rows=2, cols=4, name="South")
    layout, column = plan_slide(events, map_width=460, map_height=300)
    assert column == 0
    assert layout.frame is not None and layout.frame[1] > 40  # the far theatre stays out of the frame
    data = page_data(slide_map(events, width=500, height=400))
    assert data["insets"] is None


def test_the_matplotlib_picture_frames_the_busy_front_too(tmp_path) -> None:
    from geo.map.briefing import draw_png_fallback

    front = _front(47.0, 35.0)
    far = _front(15.0, 44.0, rows=2, cols=4, name="South")
    west, south, east, north = draw_png_fallback(front + far, tmp_path / "slide.png", width=800, height=500).view
    assert all(west <= e.lon <= east and south <= e.lat <= north for e in front)
    assert not any(south <= e.lat <= north for e in far)


def test_a_theatre_over_several_countries_is_named_by_every_place_it_shows_or_counts_them() -> None:
    front = _front(47.0, 35.0)
    # Talks in three countries of Europe, the busiest place first.
    talks = [("Lakeside", 46.2, 6.1, "CH"), ("Hilltown", 48.1, 11.6, "DE"), ("Rivermouth", 48.2, 16.4, "AT")]

    def talks_at(places: list[tuple[str, float, float, str]]) -> list[Event]:
        return [
            e
            for rank, (name, lat, lon, country) in enumerate(places)
            for e in events_at_places(name, [(lat, lon)], per_place=8 - rank, country=country, event_type="diplomacy")
        ]

    three = slide_layout(front + talks_at(talks), aspect=WIDE).insets
    assert [t.name for t in three] == ["Lakeside 0, Hilltown 0, Rivermouth 0"]
    five = talks + [("Porttown", 45.4, 12.3, "IT"), ("Vineyard", 47.5, 19.0, "HU")]
    assert [t.name for t in slide_layout(front + talks_at(five), aspect=WIDE).insets] == [
        "Lakeside 0, Hilltown 0 and 3 more"
    ]
