"""The event feed beside the map: which events it lists, in what order, and how a row reads."""

from __future__ import annotations

import re
from datetime import date

import pytest
from palmyra import palmyra_event

from geo.map.glyphs import glyph_paths, shape_markup
from geo.map.mapview import EVENT_STYLE, SUB_EVENT_GLYPHS
from geo.map.names import common_names
from geo.web.feed import (
    NEW_FRAME_MARGIN_DEG,
    day_counts,
    feed_data,
    feed_rows,
    icon_svg,
    in_play_window,
    new_events,
    new_frame,
    newest_first,
    one_line,
    shown_origins,
)
from geo.web.feedview import hidden_origins, play_window


def stored_order(*events):
    """Events as the store hands them out: undated first, then by date."""
    return sorted(events, key=lambda e: (e.event_date is not None, e.event_date or date.min))


def test_the_feed_lists_the_newest_first_and_the_undated_last() -> None:
    old = palmyra_event(event_id="old", event_date=date(2016, 3, 1))
    new = palmyra_event(event_id="new", event_date=date(2016, 5, 2))
    undated = palmyra_event(event_id="undated", event_date=None)
    middle = palmyra_event(event_id="middle", event_date=date(2016, 4, 9))
    rows = feed_rows(stored_order(old, new, undated, middle), {})
    assert [r.event_id for r in rows] == ["new", "middle", "old", "undated"]
    assert [r.day for r in rows] == ["2016-05-02", "2016-04-09", "2016-03-01", "undated"]


def test_a_long_list_keeps_only_the_newest_rows() -> None:
    events = [palmyra_event(event_id=f"e{day}", event_date=date(2016, 1, day)) for day in range(1, 31)]
    assert [e.event_id for e in newest_first(events, 3)] == ["e30", "e29", "e28"]
    assert len(feed_rows(events, {}, limit=5)) == 5


def test_a_row_names_the_place_as_the_articles_do_not_as_the_gazetteer() -> None:
    events = [palmyra_event(event_id=f"p{i}") for i in range(3)]
    [row, *_] = feed_rows(events, common_names(events))
    assert row.place == "Palmyra"
    assert "Tadmur" not in row.place


def test_a_row_shows_one_line_of_the_quote() -> None:
    quote = "Government forces retook Palmyra on Thursday,\n after weeks of fighting " + "around the ancient city " * 8
    [row] = feed_rows([palmyra_event(quote=quote)], {})
    assert "\n" not in row.quote
    assert row.quote.startswith("Government forces retook Palmyra on Thursday, after weeks")
    assert row.quote.endswith("\u2026") and len(row.quote) <= 110


def test_one_line_cuts_between_words() -> None:
    assert one_line("short  quote\ttext") == "short quote text"
    cut = one_line("alpha beta gamma delta epsilon", limit=20)
    assert cut == "alpha beta gamma\u2026"


def test_the_row_symbol_is_the_markers_glyph_in_the_types_colour() -> None:
    [row] = feed_rows([palmyra_event(sub_event_type="air_strike")], {})
    svg = icon_svg(row)
    assert f'd="{glyph_paths()["air_strike"]}"' in svg
    assert f'fill="{EVENT_STYLE["frontline"].colour}"' in svg


def test_an_event_without_a_glyph_shows_its_types_shape() -> None:
    [row] = feed_rows([palmyra_event(event_type="humanitarian", sub_event_type="")], {})
    assert row.kind == ""
    assert shape_markup()[EVENT_STYLE["humanitarian"].icon] in icon_svg(row)


def test_every_sub_event_with_a_marker_glyph_has_one_in_the_feed() -> None:
    paths = glyph_paths()
    assert set(SUB_EVENT_GLYPHS) <= set(paths)
    assert all(re.fullmatch(r"[MLHVCQAZ0-9 .\-]+", paths[k]) for k in SUB_EVENT_GLYPHS)


def test_row_text_reaches_the_page_as_data_not_markup() -> None:
    [row] = feed_rows([palmyra_event(quote="<img src=x onerror=alert(1)>", mention="<b>Palmyra</b>")], {})
    data = feed_data([row])
    [sent] = data["rows"]
    assert sent["quote"] == "<img src=x onerror=alert(1)>"  # the script sets it as text
    assert all("<img" not in svg and "onerror" not in svg for svg in data["icons"].values())


def test_events_of_the_articles_just_added_are_marked_new() -> None:
    events = stored_order(palmyra_event(event_id="a", article_id="x1"), palmyra_event(event_id="b", article_id="x2"))
    rows = feed_rows(events, {}, new_articles={"x2"})
    assert {r.event_id: r.new for r in rows} == {"a": False, "b": True}
    assert [e.event_id for e in new_events(events, {"x2"})] == ["b"]
    assert new_events(events, ()) == []


def test_the_map_frames_the_new_events_with_room_around_a_single_one() -> None:
    assert new_frame([]) is None
    west, south, east, north = new_frame([palmyra_event()])
    assert west < 38.28 < east and south < 34.56 < north
    assert east - west == pytest.approx(2 * NEW_FRAME_MARGIN_DEG)
    box = new_frame([palmyra_event(lat=34.0, lon=36.0), palmyra_event(lat=36.0, lon=40.0)])
    assert box == pytest.approx((36.0 - NEW_FRAME_MARGIN_DEG, 34.0 - NEW_FRAME_MARGIN_DEG, 40.4, 36.4))


def test_the_feed_says_how_many_events_it_leaves_out() -> None:
    events = [palmyra_event(event_id=f"e{day}", event_date=date(2016, 1, day)) for day in range(1, 11)]
    data = feed_data(feed_rows(events, {}, limit=4), selected="e9", total=len(events))
    assert len(data["rows"]) == 4 and data["total"] == 10 and data["selected"] == "e9"


def test_a_playback_step_keeps_the_events_of_its_dates_and_counts_them_by_day() -> None:
    events = stored_order(
        palmyra_event(event_id="undated", event_date=None),
        palmyra_event(event_id="first", event_date=date(2016, 3, 1)),
        palmyra_event(event_id="second", event_date=date(2016, 3, 3)),
        palmyra_event(event_id="same day", event_date=date(2016, 3, 3)),
        palmyra_event(event_id="last", event_date=date(2016, 3, 9)),
    )

    def ids(found):
        return [e.event_id for e in found]

    # Every day up to the step's, then a week's window, then every date: the undated only then.
    assert ids(in_play_window(events, (None, date(2016, 3, 3)))) == ["first", "second", "same day"]
    assert ids(in_play_window(events, (date(2016, 3, 2), date(2016, 3, 9)))) == ["second", "same day", "last"]
    assert ids(in_play_window(events, (None, date(2016, 2, 28)))) == []
    assert len(in_play_window(events, None)) == 5
    # The feed's script counts a step's events from the running count by day.
    assert day_counts(events) == {"day0": "2016-03-01", "upTo": [1, 1, 3, 3, 3, 3, 3, 3, 4], "origins": None}
    assert day_counts(events[:1]) is None
    data = feed_data([], window=(None, date(2016, 3, 3)))
    assert data["window"] == {"from": None, "to": "2016-03-03"}


@pytest.mark.parametrize(
    ("state", "window"),
    [
        ({"window": {"from": None, "to": "2016-03-03"}}, (None, date(2016, 3, 3))),
        ({"window": {"from": "2016-02-25", "to": "2016-03-03"}}, (date(2016, 2, 25), date(2016, 3, 3))),
        ({"window": None}, None),  # every date again
        ({"window": {"to": "not a day"}}, None),
        ({"window": {"from": "2016-04-01", "to": "2016-03-03"}}, (None, date(2016, 3, 3))),
        (None, None),
    ],
)
def test_the_step_the_map_reports_reads_as_its_dates(state, window) -> None:
    assert play_window(state) == window


def test_the_feed_counts_each_origin_by_day_and_leaves_out_the_origins_hidden() -> None:
    events = [
        palmyra_event(event_id="ours", event_date=date(2016, 3, 1)),
        palmyra_event(event_id="imported", origin="acled", event_date=date(2016, 3, 3)),
        palmyra_event(event_id="imported undated", origin="acled", event_date=None),
    ]
    counts = day_counts(events)
    assert counts is not None and counts["upTo"] == [1, 1, 2]
    # The head counts the origins the map shows: every date's events, undated too, and a step's.
    assert counts["origins"] == {
        "acled": {"upTo": [0, 0, 1], "total": 2},
        "conflictmap": {"upTo": [1, 1, 1], "total": 1},
    }
    assert [e.event_id for e in shown_origins(events, {"acled"})] == ["ours"]
    assert shown_origins(events, set()) == events
    rows = feed_rows(events, {})
    assert {r.event_id: r.origin for r in rows} == {
        "ours": "conflictmap",
        "imported": "acled",
        "imported undated": "acled",
    }
    data = feed_data(rows, hidden={"acled"})
    assert data["hidden"] == ["acled"] and {row["origin"] for row in data["rows"]} == {"conflictmap", "acled"}


def test_the_origins_hidden_are_read_from_the_feeds_state_and_nothing_else() -> None:
    assert hidden_origins({"hidden": ["acled", 3, None]}) == {"acled"}
    assert hidden_origins({"hidden": "acled"}) == frozenset()
    assert hidden_origins(None) == frozenset()
