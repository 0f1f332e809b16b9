"""What the map page decides, without Streamlit: the filter, the time window and
play steps, the visible slice, the table, a click on a marker, the article pane."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from gazetteer.entry import Entry
from geo.filters import EventFilter
from geo.records import Event
from geo.web import appstate as view

PERIOD = (date(2016, 1, 1), date(2016, 1, 31))


def event(
    event_id: str,
    day: date | None,
    *,
    event_type: str = "frontline",
    place: str = "Aleppo",
    lat: float = 36.2,
    lon: float = 37.16,
    origin: str = "conflictmap",
    quote: str = "A quote.",
) -> Event:
    return Event(
        event_id=event_id,
        event_type=event_type,
        sub_event_type="",
        event_date=day,
        date_precision=1,
        place=place,
        mention=place,
        lat=lat,
        lon=lon,
        geonameid=1,
        country_code="SY",
        admin1="",
        feature_code="PPL",
        geo_precision=1,
        quote=quote,
        article_id="a1",
        title="T",
        published=day,
        source="Demo Wire",
        url="",
        confidence=0.8,
        origin=origin,
    )


# ---------------------------------------------------------------------------
# filter


def test_sidebar_filter_carries_every_choice_and_no_dates() -> None:
    flt = view.sidebar_filter(
        event_types=["diplomacy"],
        countries=["SY"],
        sources=["Demo Wire"],
        origins=["acled"],
        text="  convoy ",
        min_confidence=0.4,
    )
    assert flt == EventFilter(
        event_types=frozenset({"diplomacy"}),
        country_codes=frozenset({"SY"}),
        sources=frozenset({"Demo Wire"}),
        origins=frozenset({"acled"}),
        text="convoy",
        min_confidence=0.4,
    )


def test_sidebar_filter_refuses_an_unknown_event_type() -> None:
    with pytest.raises(ValueError, match="'battle'"):
        view.sidebar_filter(event_types=["battle"])


def test_a_window_over_the_whole_period_adds_no_date_limit() -> None:
    flt = view.windowed(EventFilter(), PERIOD, PERIOD)
    assert flt.date_from is None and flt.date_to is None
    narrow = view.windowed(EventFilter(), (date(2016, 1, 5), date(2016, 1, 9)), PERIOD)
    assert (narrow.date_from, narrow.date_to) == (date(2016, 1, 5), date(2016, 1, 9))


def test_filter_key_does_not_depend_on_the_order_of_choices() -> None:
    one = view.sidebar_filter(countries=["SY", "YE", "IQ"])
    other = view.sidebar_filter(countries=["IQ", "YE", "SY"])
    assert view.filter_key(one) == view.filter_key(other)
    assert view.filter_key(one) != view.filter_key(view.sidebar_filter(countries=["SY"]))


# ---------------------------------------------------------------------------
# time


def test_clamp_window_keeps_it_inside_the_period() -> None:
    assert view.clamp_window((date(2015, 12, 1), date(2016, 1, 5)), PERIOD) == (date(2016, 1, 1), date(2016, 1, 5))
    assert view.clamp_window((date(2017, 1, 1), date(2017, 2, 1)), PERIOD) == PERIOD
    assert view.clamp_window(None, PERIOD) == PERIOD


def test_period_of_an_empty_or_one_day_store_is_still_a_range() -> None:
    assert view.period_of(None, today=date(2016, 5, 1)) == (date(2016, 5, 1), date(2016, 5, 2))
    one = (date(2016, 3, 27), date(2016, 3, 27))
    assert view.period_of(one, today=date(2020, 1, 1)) == (date(2016, 3, 27), date(2016, 3, 28))


def test_in_window_keeps_dated_events_inside_the_window_only() -> None:
    events = (
        event("u", None),
        event("a", date(2016, 1, 2)),
        event("b", date(2016, 1, 5)),
        event("c", date(2016, 1, 5)),
        event("d", date(2016, 1, 9)),
    )
    assert [e.event_id for e in view.in_window(events, (date(2016, 1, 3), date(2016, 1, 5)))] == ["b", "c"]
    assert [e.event_id for e in view.in_window(events, None)] == ["u", "a", "b", "c", "d"]
    assert view.in_window(events, (date(2016, 2, 1), date(2016, 2, 2))) == ()


# ---------------------------------------------------------------------------
# time: the default window, quick ranges, months and the axis


def days_of_2016(count: int, *, every: int = 2) -> list[date]:
    """``count`` dates, one every ``every`` days from Monday 4 January 2016."""
    return [date(2016, 1, 4) + timedelta(days=every * i) for i in range(count)]


def period(days: list[date]) -> view.Window:
    return (days[0], days[-1])


def test_default_window_leaves_out_one_stray_year_early() -> None:
    days = sorted([date(2015, 3, 2), *days_of_2016(120)])
    window = view.default_window(days, period(days))
    assert window[0] == date(2016, 1, 4)  # the stray March 2015 is left out, the rest is not
    assert window[1] == days[-1]
    assert sum(not window[0] <= d <= window[1] for d in days) == 1


def test_default_window_leaves_out_strays_at_both_ends() -> None:
    days = sorted([date(2015, 3, 2), *days_of_2016(200), date(2019, 7, 1)])
    window = view.default_window(days, period(days))
    # From the first Monday to the Sunday after the last event (Wednesday 1 February 2017).
    assert window == (date(2016, 1, 4), date(2017, 2, 5))


def test_default_window_keeps_everything_when_events_are_few() -> None:
    days = sorted([date(2015, 3, 2), *days_of_2016(30)])
    assert view.default_window(days, period(days)) == period(days)


def test_default_window_keeps_a_steady_thin_tail() -> None:
    # A quiet month after a busy one is part of the story, not a stray.
    busy = [date(2016, 1, 1) + timedelta(days=i // 10) for i in range(310)]  # ten a day in January
    days = sorted([*busy, *(date(2016, 2, 7) + timedelta(days=7 * i) for i in range(6))])  # then one a week
    assert view.default_window(days, period(days)) == period(days)


def test_default_window_shows_everything_when_the_strays_are_too_many_to_be_strays() -> None:
    # Ten early events a year apart before a hundred: a tenth of the corpus is history, not noise.
    days = sorted([*(date(2000 + i, 6, 1) for i in range(10)), *days_of_2016(100)])
    assert view.default_window(days, period(days)) == period(days)


@pytest.mark.parametrize("seed", range(20))
def test_default_window_never_hides_more_than_its_share(seed: int) -> None:
    rng = random.Random(seed)
    bulk = [date(2016, 1, 1) + timedelta(days=rng.randrange(1, 400)) for _ in range(rng.randrange(50, 600))]
    strays = [date(2016, 1, 1) + timedelta(days=rng.choice((-1, 1)) * rng.randrange(400, 4000)) for _ in range(8)]
    days = sorted(bulk + strays)
    window = view.default_window(days, period(days))
    assert days[0] <= window[0] <= window[1] <= days[-1]
    assert sum(not window[0] <= d <= window[1] for d in days) <= len(days) * view.DEFAULT_WINDOW_MAX_HIDDEN


def test_default_window_is_whole_weeks_inside_the_period() -> None:
    days = sorted([date(2015, 3, 2), *(date(2016, 1, 6) + timedelta(days=i) for i in range(100))])
    window = view.default_window(days, period(days))
    assert window[0] == date(2016, 1, 4) and window[0].weekday() == 0  # back to Monday
    assert window[1] == days[-1]  # a Sunday would lie past the newest event


def test_dated_outside_counts_the_days_on_either_side() -> None:
    days = [date(2015, 1, 1), date(2016, 1, 4), date(2016, 1, 5), date(2016, 1, 5), date(2018, 1, 1)]
    assert view.dated_outside(days, (date(2016, 1, 4), date(2016, 1, 10))) == 2
    assert view.dated_outside(days, (date(2016, 1, 5), date(2016, 1, 5))) == 3


def test_timeline_spans_the_main_dates_unless_all_are_shown() -> None:
    whole, main = (date(2012, 4, 2), date(2017, 11, 30)), (date(2015, 12, 28), date(2017, 11, 30))
    assert view.timeline_domain(main, whole, main) == main  # the stray of 2012 does not squeeze the bars
    assert view.timeline_domain(whole, whole, main) == whole
    early = (date(2014, 5, 1), date(2014, 6, 1))
    assert view.timeline_domain(early, whole, main) == (date(2014, 5, 1), date(2017, 11, 30))


@pytest.mark.parametrize(
    ("days", "step"),
    [(7, 1), (40, 1), (90, 3), (120, 3), (240, 7), (365, 14), (9 * 365, 30)],
)
def test_play_steps_grow_with_the_range_so_play_stays_short(days: int, step: int) -> None:
    assert view.play_step_days((date(2016, 1, 1), date(2016, 1, 1) + timedelta(days=days - 1))) == step


def test_event_days_leaves_undated_events_out() -> None:
    events = (event("u", None), event("a", date(2016, 1, 2)), event("b", date(2016, 1, 5)))
    assert view.event_days(events) == [date(2016, 1, 2), date(2016, 1, 5)]


def test_quick_ranges_count_back_from_the_newest_event() -> None:
    assert view.quick_window(7, PERIOD) == (date(2016, 1, 25), date(2016, 1, 31))
    assert view.quick_window(90, PERIOD) == PERIOD  # longer than the period: all of it
    assert view.quick_window(None, PERIOD) == PERIOD
    with pytest.raises(ValueError, match="at least one day"):
        view.quick_window(0, PERIOD)


def test_months_cover_the_period_and_map_back_to_days_inside_it() -> None:
    span = (date(2015, 11, 20), date(2016, 3, 3))
    assert view.month_starts(span) == [
        date(2015, 11, 1),
        date(2015, 12, 1),
        date(2016, 1, 1),
        date(2016, 2, 1),
        date(2016, 3, 1),
    ]
    assert view.window_of_months((date(2016, 2, 1), date(2016, 2, 1)), span) == (date(2016, 2, 1), date(2016, 2, 29))
    assert view.window_of_months((date(2015, 11, 1), date(2016, 3, 1)), span) == span
    assert view.months_of((date(2015, 12, 24), date(2016, 1, 2))) == (date(2015, 12, 1), date(2016, 1, 1))


@pytest.mark.parametrize(
    ("span", "fmt", "interval"),
    [
        ((date(2014, 3, 1), date(2023, 2, 28)), "%Y", "year"),
        ((date(2015, 10, 1), date(2016, 9, 30)), "%b %Y", "month"),  # never "April October April"
        ((date(2016, 1, 8), date(2016, 8, 20)), "%b", "month"),
        ((date(2016, 3, 1), date(2016, 4, 20)), "%d %b", "week"),
        ((date(2015, 12, 28), date(2016, 1, 6)), "%d %b %Y", "day"),
    ],
)
def test_timeline_axis_names_years_when_the_period_spans_them(span: view.Window, fmt: str, interval: str) -> None:
    axis = view.timeline_axis(span)
    assert (axis.format, axis.interval) == (fmt, interval)
    ticks = {"year": 365.25, "month": 30.44, "week": 7, "day": 1}[interval] * axis.step
    assert ((span[1] - span[0]).days + 1) / ticks <= view.AXIS_MAX_TICKS


# ---------------------------------------------------------------------------
# what the page shows


def test_counts_by_type_lists_every_type() -> None:
    events = [event("a", date(2016, 1, 2)), event("b", date(2016, 1, 2), event_type="diplomacy")]
    assert view.counts_by_type(events) == {"frontline": 1, "diplomacy": 1, "humanitarian": 0, "other": 0}


def test_daily_counts_adds_up_per_day_and_type_leaving_undated_out() -> None:
    events = [
        event("a", date(2016, 1, 2)),
        event("b", date(2016, 1, 2)),
        event("c", date(2016, 1, 3), event_type="humanitarian"),
        event("u", None),
    ]
    frame = view.daily_counts(events)
    rows = {(r.event_date.date(), r.event_type): r.events for r in frame.itertuples()}
    assert rows == {(date(2016, 1, 2), "frontline"): 2, (date(2016, 1, 3), "humanitarian"): 1}


def test_table_puts_the_clicked_events_first_then_the_newest() -> None:
    events = [event(f"e{i}", date(2016, 1, i + 1)) for i in range(5)]
    frame = view.events_table(events, first=["e1"])
    assert list(frame["event_id"]) == ["e1", "e4", "e3", "e2", "e0"]
    assert list(frame.columns) == list(view.TABLE_COLUMNS)


def test_table_is_capped_at_its_row_limit() -> None:
    events = [event(f"e{i}", date(2016, 1, i + 1)) for i in range(10)]
    assert list(view.events_table(events, limit=3)["event_id"]) == ["e9", "e8", "e7"]


def test_map_bounds_leave_out_a_few_far_events() -> None:
    syria = [event(f"s{i}", None, lat=33 + i * 0.3, lon=36 + i * 0.3) for i in range(20)]
    far = [event("geneva", None, place="Geneva", lat=46.2, lon=6.15)]
    min_lon, min_lat, max_lon, max_lat = view.map_bounds(syria + far)
    assert min_lon > 6.15 and min_lat < 33 and max_lat < 46.2


def test_map_frame_fits_the_events_in_view_unless_the_user_keeps_it() -> None:
    aleppo, aden = event("a", None), event("b", None, place="Aden", lat=12.78, lon=45.04)
    held = view.map_bounds([aleppo, aden])
    assert held is not None
    assert view.map_frame([aleppo, aden], held=None, keep=True) == held  # nothing held yet: fit
    assert view.map_frame([aleppo], held=held, keep=False) is None  # one place: the map frames it
    assert view.map_frame([aleppo], held=held, keep=True) == held


def test_map_bounds_of_one_point_are_left_to_the_map() -> None:
    assert view.map_bounds([event("a", None)]) is None
    assert view.map_bounds([]) is None


# ---------------------------------------------------------------------------
# clicks


def test_click_on_a_small_marker_returns_its_events_newest_first() -> None:
    events = [
        event("old", date(2016, 1, 2)),
        event("new", date(2016, 1, 9)),
        event("far", date(2016, 1, 3), place="Homs", lat=34.73, lon=36.71),
    ]
    picked = view.clicked_events(events, 36.2, 37.16, cluster_over=300)
    assert [e.event_id for e in picked] == ["new", "old"]


def test_click_away_from_every_marker_selects_nothing() -> None:
    events = [event("a", date(2016, 1, 2))]
    assert view.clicked_events(events, 36.5, 37.5, cluster_over=300) == ()


def test_tooltip_picks_the_marker_of_that_type_even_off_centre() -> None:
    events = [event("fight", date(2016, 1, 2)), event("aid", date(2016, 1, 3), event_type="humanitarian")]
    # A large marker reports where the pointer was, not its centre.
    picked = view.clicked_events(events, 36.3, 37.3, tooltip="Aleppo \u2014 humanitarian, 2016-01-03", cluster_over=300)
    assert [e.event_id for e in picked] == ["aid"]


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({"selection": {"rows": [1], "columns": []}}, "b"),
        ({"selection": {"rows": []}}, None),
        ({"selection": {"rows": [5]}}, None),  # a row of an older, longer table
        (None, None),
    ],
)
def test_table_choice_maps_the_selected_row_to_its_event(selection: object, expected: str | None) -> None:
    assert view.table_choice(selection, ("a", "b", "c")) == expected


# ---------------------------------------------------------------------------
# the article pane


def test_find_quote_matches_across_line_breaks() -> None:
    text = "Intro.\n\nTroops fought their\nway into Palmyra.  More."
    span = view.find_quote(text, "Troops fought their way into Palmyra.")
    assert span is not None and text[span.start : span.end] == "Troops fought their\nway into Palmyra."
    assert view.find_quote(text, "Not in the text.") is None
    assert view.find_quote(text, "   ") is None


def test_article_html_escapes_everything_and_marks_the_quote() -> None:
    text = "A <script>alert(1)</script> line.\n\nThe <b>quote</b> & more."
    body = view.article_html(text, "The <b>quote</b> & more.")
    assert "<script>" not in body and "<b>" not in body
    assert "<mark>The &lt;b&gt;quote&lt;/b&gt; &amp; more.</mark>" in body
    assert body.startswith("<p>A &lt;script&gt;alert(1)&lt;/script&gt; line.</p>")


def test_article_html_without_the_quote_still_shows_the_text() -> None:
    assert view.article_html("One\ntwo", "missing") == "<p>One<br>two</p>"


# ---------------------------------------------------------------------------
# corrections


def test_override_for_one_article_or_for_all() -> None:
    entry = Entry(5, "Palmyra", 40.0, -75.0, "US", "P", "PPL", 7314, "PA", "Pennsylvania")
    mine = view.override_for(event("a", None, place="Palmyra"), entry, everywhere=False)
    assert (mine.mention, mine.geonameid, mine.lat, mine.lon, mine.article_id) == ("Palmyra", 5, 40.0, -75.0, "a1")
    assert view.override_for(event("a", None, place="Palmyra"), entry, everywhere=True).article_id == ""


def test_entry_label_names_region_country_kind_and_population() -> None:
    entry = Entry(5, "Palmyra", 40.01, -75.03, "US", "P", "PPL", 7314, "PA", "Pennsylvania")
    assert view.entry_label(entry) == "Palmyra, Pennsylvania, US (PPL, pop. 7,314; 40.010, -75.030)"


# ---------------------------------------------------------------------------
# the names people use


def written_as(mention: str, event_id: str, *, geonameid: int = 170617) -> Event:
    base = event(event_id, date(2016, 3, 24), place="Tadmur", lat=34.56, lon=38.28)
    return replace(base, mention=mention, geonameid=geonameid, admin1="Homs")


def test_table_names_places_as_the_articles_do_and_keeps_the_gazetteer_name() -> None:
    events = [written_as("Palmyra", "p1"), written_as("Palmyra", "p2"), written_as("Tadmur", "t1")]
    frame = view.events_table(events)
    assert set(frame["name"]) == {"Palmyra"}
    assert set(frame["place"]) == {"Tadmur"}


def test_event_place_line_leads_with_the_name_people_use() -> None:
    assert view.event_place_line(written_as("Palmyra", "p1"), "Palmyra") == "Palmyra (Tadmur, Homs, SY)"
    # An article that misspelt it still shows how it wrote it.
    assert view.event_place_line(written_as("Palmira", "p2"), "Palmyra") == (
        "\u201cPalmira\u201d \u2192 Palmyra (Tadmur, Homs, SY)"
    )
    assert view.event_label(written_as("Palmyra", "p1"), "Palmyra").startswith("2016-03-24 · frontline · Palmyra")


def test_a_click_finds_the_marker_by_the_name_its_tooltip_shows() -> None:
    events = [written_as("Palmyra", "p1"), written_as("Palmyra", "p2")]
    events.append(replace(written_as("Palmyra", "h1"), event_type="humanitarian"))
    picked = view.clicked_events(
        events, 34.9, 38.6, tooltip="Palmyra, SY \u2014 2 frontline events, 2016-03-24", cluster_over=300
    )
    assert {e.event_id for e in picked} == {"p1", "p2"}


def test_a_marker_click_the_map_sends_again_is_not_taken_as_a_new_one() -> None:
    # After a correction moves the event clicked, the browser may send the old map's last
    # click once more; taken again, it chose an event that was gone and the panel went blank.
    value = {
        "last_object_clicked": {"lat": 46.2, "lng": 6.15},
        "last_object_clicked_tooltip": "Geneva, CH \u2014 2 events",
    }
    first = view.new_click(value, None)
    assert first == (46.2, 6.15, "Geneva, CH \u2014 2 events")
    assert view.new_click(value, first) is None
    # Another marker, or the same one whose events changed (its tooltip with them), is a click.
    elsewhere = {"last_object_clicked": {"lat": 33.51, "lng": 36.29}, "last_object_clicked_tooltip": "Damascus"}
    assert view.new_click(elsewhere, first) == (33.51, 36.29, "Damascus")
    changed = {**value, "last_object_clicked_tooltip": "Geneva, CH \u2014 1 event"}
    assert view.new_click(changed, first) == (46.2, 6.15, "Geneva, CH \u2014 1 event")
    assert view.new_click({"last_object_clicked": None}, None) is None
    assert view.new_click(None, first) is None
