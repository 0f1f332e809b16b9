"""The folium map builder: escaping, grouping, size, offline page, and (browser) drawing."""

from __future__ import annotations

import html
import json
import random
import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from browser_pages import only_this_file, standalone_chromium
from palmyra import palmyra_event

from geo.errors import InputError
from geo.map.framing import core_bounds
from geo.map.mapview import (
    EVENT_STYLE,
    MAX_MARKERS,
    MAX_POPUP_EVENTS,
    QUOTE_CHARS_ABBREVIATED,
    EventLayers,
    Playback,
    build_map,
    coded_pieces,
    event_html,
    marker_groups,
    marker_shifts,
    popup_html,
    popup_of,
    safe_link,
    script_json,
    slide_map,
    tooltip_text,
    top_places,
)
from geo.map.offline import offline_html, remote_asset_urls
from geo.map.pagewait import wait_in_page
from geo.records import EVENT_TYPES, Event

HOSTILE_QUOTE = 'Shelling hit the town <script>window.alerted=1</script> <img src=x onerror="window.alerted=2">'
HOSTILE_TITLE = "<img src=x onerror=alert(2)>Title"
HOSTILE_SOURCE = "<b onmouseover=alert(3)>Wire</b>"


def make_event(**changes) -> Event:
    return palmyra_event(**changes)


def many_events(n: int, *, places: int, seed: int = 7) -> list[Event]:
    rnd = random.Random(seed)
    spots = [(f"Town {i}", 32 + rnd.random() * 5, 36 + rnd.random() * 6) for i in range(places)]
    events = []
    for i in range(n):
        name, lat, lon = spots[rnd.randrange(places)]
        events.append(
            make_event(
                event_id=f"e{i}",
                event_type=EVENT_TYPES[i % 4],
                place=name,
                mention=name,
                lat=lat,
                lon=lon,
                event_date=date(2016, 1, 1) + timedelta(days=rnd.randrange(300)),
                origin=("conflictmap", "acled")[i % 2],
                source=f"Source {i % 9}",
                quote=f"Event number {i}: fighting was reported around {name} by local witnesses and officials.",
            )
        )
    return events


def page_data(m) -> dict:
    layers = [c for c in m._children.values() if isinstance(c, EventLayers)]
    assert len(layers) == 1
    return json.loads(layers[0].data_json)


# --------------------------------------------------------------------------- links and escaping


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "//evil.example/x",
        "https://",
        "",
        "https://ok.example/a b",
    ],
)
def test_safe_link_refuses_anything_but_plain_http_urls(url):
    assert safe_link(url) is None


@pytest.mark.parametrize("url", ["https://news.example.org/a?b=1&c=2", "http://news.example.org/"])
def test_safe_link_keeps_http_and_https_urls(url):
    assert safe_link(url) == url


def test_popup_escapes_script_and_img_onerror_from_article_text():
    event = make_event(
        quote=HOSTILE_QUOTE, title=HOSTILE_TITLE, source=HOSTILE_SOURCE, mention='Palmyra"><svg onload=alert(4)>'
    )
    text = event_html(event)
    assert "<script" not in text and "<img" not in text and "<svg" not in text and "<b " not in text
    assert html.escape(HOSTILE_QUOTE) in text
    assert html.escape(HOSTILE_TITLE) in text
    assert html.escape(HOSTILE_SOURCE) in text


def test_popup_links_only_http_sources():
    linked = event_html(make_event(url="https://news.example.org/palmyra?a=1&b=2"))
    assert 'href="https://news.example.org/palmyra?a=1&amp;b=2"' in linked
    assert 'rel="noopener noreferrer nofollow"' in linked
    refused = event_html(make_event(url="javascript:alert(document.cookie)"))
    assert "href" not in refused and "javascript" not in refused
    assert "Reuters" in refused  # the source is still named, just not linked


def test_popup_shows_date_type_places_quote_source_and_confidence():
    text = event_html(make_event(confidence=0.83))
    for expected in (
        "2016-03-24",
        "Frontline",
        "armed clash",
        "Palmyra",
        "Tadmur",
        "SY",
        "Government forces retook Palmyra on Thursday.",
        "Reuters",
        "Palmyra retaken",
        "0.83",
    ):
        assert expected in text


def test_tooltip_is_a_short_place_type_date_label():
    group = marker_groups([make_event()])[0]
    assert tooltip_text(group) == "Palmyra \u2014 frontline, 2016-03-24"


def test_tooltip_escapes_place_names():
    group = marker_groups([make_event(place="<i>x</i>")])[0]
    assert "<i>" not in tooltip_text(group)


def test_script_json_cannot_close_the_script_element():
    text = script_json({"quote": "</script><script>alert(1)</script> & <!--"})
    assert "</script" not in text.lower() and "<!--" not in text
    assert json.loads(text)["quote"] == "</script><script>alert(1)</script> & <!--"


def test_template_syntax_in_article_text_is_not_evaluated():
    m = build_map([make_event(quote="{{ 7 * 191 }} and {% if true %}yes{% endif %}")])
    page = m.get_root().render()
    assert "{{ 7 * 191 }}" in page
    # Folium names its objects with random hex ids, which may hold "1337";
    # the evaluated product would stand alone, not inside such an id.
    assert not re.search(r"(?<![0-9a-f])1337(?![0-9a-f])", page)
    assert "{% if true %}" in page


# --------------------------------------------------------------------------- grouping


def test_events_at_one_place_share_a_marker_per_type_and_origin():
    events = [
        make_event(event_id="a"),
        make_event(event_id="b", event_date=date(2016, 3, 20)),
        make_event(event_id="c", event_type="diplomacy"),
        make_event(event_id="d", origin="acled"),
    ]
    groups = marker_groups(events)
    assert sorted(g.count for g in groups) == [1, 1, 2]
    merged = next(g for g in groups if g.count == 2)
    assert [e.event_id for e in merged.events] == ["a", "b"]  # newest first


def test_too_many_places_merge_on_a_grid_within_the_marker_cap():
    events = many_events(3000, places=2500)
    groups = marker_groups(events, max_markers=200)
    assert len(groups) <= 200
    assert sum(g.count for g in groups) == 3000
    assert all(len({e.event_type for e in g.events}) == 1 for g in groups)


def test_group_marker_sits_on_its_most_used_point():
    events = [make_event(event_id=str(i)) for i in range(3)] + [make_event(event_id="x", lat=34.5601, lon=38.2801)]
    group = marker_groups(events, max_markers=1)[0]
    assert (group.lat, group.lon) == (34.56, 38.28)


def test_popups_list_every_event_up_to_cluster_over_and_the_latest_beyond():
    events = [make_event(event_id=str(i), event_date=date(2016, 1, 1) + timedelta(days=i)) for i in range(40)]
    group = marker_groups(events)[0]
    full = popup_html(group)
    assert full.count('class="cm-ev"') == 40
    short = popup_html(group, limit=5)
    assert short.count('class="cm-ev"') == 5 and "and 35 earlier events" in short
    assert "2016-02-09" in short and "2016-01-01" not in short.split("cm-pop-range")[1].split("</div>", 1)[1]


def test_build_map_abbreviates_popups_only_above_cluster_over():
    events = [make_event(event_id=str(i), event_date=date(2016, 1, 1) + timedelta(days=i)) for i in range(60)]
    within = page_data(build_map(events, cluster_over=100))
    beyond = page_data(build_map(events, cluster_over=10))
    assert popup_of(within, within["markers"][0]).count('class="cm-ev"') == 60
    assert popup_of(beyond, beyond["markers"][0]).count('class="cm-ev"') < 60


# --------------------------------------------------------------------------- the page


def test_one_layer_per_event_type_and_origin_toggles_only_with_several_origins():
    events = [make_event(event_id="a"), make_event(event_id="b", event_type="humanitarian")]
    data = page_data(build_map(events))
    assert [t["key"] for t in data["types"]] == ["frontline", "humanitarian"]
    assert [t["colour"] for t in data["types"]] == [EVENT_STYLE["frontline"].colour, EVENT_STYLE["humanitarian"].colour]
    page = build_map(events).get_root().render()
    assert "Source: ACLED" not in page
    mixed = build_map([*events, make_event(event_id="c", origin="acled")]).get_root().render()
    assert "Source: ACLED" in mixed and "Source: Parsed articles" in mixed


def test_legend_counts_are_events_per_type():
    events = many_events(101, places=30)
    data = page_data(build_map(events))
    assert {t["key"]: t["count"] for t in data["types"]} == dict(Counter(e.event_type for e in events))


def test_rendered_map_loads_no_asset_from_the_network():
    m = build_map(many_events(50, places=10), title="Syria", tiles=False, timeline=True)
    page = m.get_root().render()
    assert remote_asset_urls(page) == []
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page, re.IGNORECASE)
    assert "cdn.jsdelivr" not in page and "code.jquery" not in page


def test_tiles_are_offered_only_on_request():
    assert "tile.openstreetmap.org" not in build_map([make_event()]).get_root().render()
    with_tiles = build_map([make_event()], tiles=True).get_root().render()
    assert "tile.openstreetmap.org" in with_tiles and "basemaps.cartocdn.com" in with_tiles


def test_map_fits_the_events_or_the_given_bounds():
    events = [make_event(lat=34.0, lon=38.0), make_event(event_id="b", lat=36.0, lon=40.0)]
    assert page_data(build_map(events))["bounds"] == [[34.0, 38.0], [36.0, 40.0]]
    assert page_data(build_map(events, bounds=(30, 10, 50, 20)))["bounds"] == [[10.0, 30.0], [20.0, 50.0]]


@pytest.mark.parametrize("bounds", [(40, 30, 35, 35), (0, 0, 0, 0), (-200, 0, 10, 10), ("a", 1, 2, 3), (1, 2, 3)])
def test_bad_bounds_raise_with_the_value(bounds):
    with pytest.raises(InputError, match="bounds"):
        build_map([make_event()], bounds=bounds)


def test_negative_cluster_over_raises():
    with pytest.raises(InputError, match="cluster_over"):
        build_map([make_event()], cluster_over=-1)


def test_timeline_carries_each_markers_event_days():
    events = [
        make_event(event_id=str(i), event_date=d)
        for i, d in enumerate([date(2016, 3, 1), date(2016, 3, 5), date(2016, 3, 5)])
    ]
    data = page_data(build_map(events, timeline=True))
    assert data["day0"] == "2016-03-01" and data["daySpan"] == 4
    deltas = data["markers"][0][7]
    days = [sum(deltas[: i + 1]) for i in range(len(deltas))]
    assert days == [0, 4, 4]
    assert page_data(build_map(events))["markers"][0][7] == 0  # no timeline, no day lists


def test_playback_offers_the_chosen_step_and_window_among_the_usual_ones():
    events = [make_event(event_id=str(i), event_date=date(2016, 3, 1 + i)) for i in range(3)]
    timeline = page_data(build_map(events, timeline=True, playback=Playback(10, 7, 900)))["timeline"]
    assert timeline["stepDays"] == 10 and timeline["windowDays"] == 7 and timeline["intervalMs"] == 900
    assert 10 in timeline["stepChoices"] and 7 in timeline["windowChoices"] and 0 in timeline["windowChoices"]
    assert page_data(build_map(events))["timeline"] is False


def test_time_control_runs_over_the_range_chosen_not_the_first_and_last_event():
    events = [make_event(event_id=str(i), event_date=d) for i, d in enumerate([date(2016, 3, 10), date(2016, 3, 12)])]
    chosen = Playback(step_days=7, start=date(2016, 3, 1), end=date(2016, 3, 31))
    data = page_data(build_map(events, timeline=True, playback=chosen))
    assert data["day0"] == "2016-03-01" and data["daySpan"] == 30  # play starts on the 1st, ends on the 31st
    days = [sum(data["markers"][0][7][: i + 1]) for i in range(2)]
    assert days == [9, 11]  # the events keep their own dates on that scale


@pytest.mark.parametrize(
    "playback",
    [
        Playback(step_days=-1),
        Playback(interval_ms=0),
        Playback(window_days=1.5),
        Playback(start=date(2016, 3, 2), end=date(2016, 3, 1)),
        Playback(start="2016-03-01"),  # type: ignore[arg-type]
    ],
)
def test_bad_playback_raises_with_the_value(playback):
    with pytest.raises(InputError, match="playback"):
        build_map([make_event()], timeline=True, playback=playback)


def test_empty_event_list_gives_a_world_map():
    data = page_data(build_map([]))
    assert data["markers"] == [] and data["bounds"] is None and data["total"] == 0


def test_many_events_stay_a_light_page():
    events = many_events(20_000, places=4000)
    m = build_map(events)
    data = page_data(m)
    assert len(data["markers"]) <= MAX_MARKERS
    assert sum(row[4] for row in data["markers"]) == 20_000
    assert len(m.get_root().render().encode("utf-8")) < 5_000_000


def test_top_places_rank_by_event_count():
    events = (
        [
            make_event(event_id=f"a{i}", place="Aleppo", mention="Aleppo", geonameid=170063, lat=36.2, lon=37.16)
            for i in range(3)
        ]
        + [make_event(event_id=f"t{i}") for i in range(2)]
        + [make_event(event_id="r", place="Ar Raqqah", mention="Raqqa", geonameid=163915, lat=35.95, lon=39.01)]
    )
    # Labelled as the articles name the places: Palmyra, not the gazetteer's Tadmur.
    assert [(p.name, p.count) for p in top_places(events, 2)] == [("Aleppo", 3), ("Palmyra", 2)]


# --------------------------------------------------------------------------- names people use, sub-event glyphs


def palmyra_events(n: int = 3) -> list[Event]:
    """Events at Tadmur whose articles mostly say Palmyra, one says Tadmor."""
    events = [make_event(event_id=f"p{i}", event_date=date(2016, 3, 20 + i)) for i in range(n)]
    return [*events, make_event(event_id="tadmor", mention="Tadmor", event_date=date(2016, 3, 1))]


def test_popup_heading_names_the_place_as_articles_do_with_the_gazetteer_name():
    group = marker_groups(palmyra_events())[0]
    popup = html.unescape(popup_html(group))
    assert "Palmyra (Tadmur, SY)" in popup
    # The one article that wrote it otherwise still shows how it wrote it.
    assert "\u201cTadmor\u201d \u2192 Palmyra (Tadmur, Homs, SY)" in popup
    assert tooltip_text(group).startswith("Palmyra, SY \u2014 4 frontline events")


def test_popups_are_sent_as_shared_pieces_that_join_back_to_each_popup():
    events = [
        make_event(
            event_id=str(i), event_date=date(2016, 1, 1) + timedelta(days=i), quote=f"Shelling hit the market {i}."
        )
        for i in range(40)
    ]
    data = page_data(build_map(events, cluster_over=10))
    (marker,) = data["markers"]
    (group,) = marker_groups(events, max_markers=MAX_MARKERS)
    assert popup_of(data, marker) == popup_html(group, limit=MAX_POPUP_EVENTS, quote_chars=QUOTE_CHARS_ABBREVIATED)
    # The markup of the 25 event entries shown is written once or twice, not once per event.
    assert popup_of(data, marker).count('class="cm-ev"') == MAX_POPUP_EVENTS
    assert sum(piece.count('class="cm-ev"') for piece in data["pieces"]) <= 2


def test_coded_pieces_keep_text_that_is_not_markup_whole():
    texts = ["<b>a</b> &lt;b&gt;", "plain", "", "odd < text"]
    table, coded = coded_pieces(texts)
    assert ["".join(table[i] for i in codes) for codes in coded] == texts
    assert coded[2] == [] and table.count("<b>") == 1


def test_map_labels_tooltips_and_popups_use_the_name_and_exports_keep_the_gazetteer_name():
    events = palmyra_events()
    data = page_data(build_map(events))
    (marker,) = data["markers"]
    assert "Palmyra" in marker[5] and "Tadmur" not in marker[5]
    assert "Palmyra (Tadmur, SY)" in html.unescape(popup_of(data, marker))
    slide = page_data(slide_map(events, labels=3))
    assert [label[2] for label in slide["labels"]] == ["Palmyra"]
    assert {e.properties()["place"] for e in events} == {"Tadmur"}


def test_a_marker_shows_the_glyph_of_its_most_frequent_sub_event_type():
    events = [
        make_event(event_id="s1", sub_event_type="shelling"),
        make_event(event_id="s2", sub_event_type="shelling", event_date=date(2016, 3, 1)),
        make_event(event_id="a1", sub_event_type="air_strike"),
        make_event(event_id="g1", event_type="diplomacy", sub_event_type="talks", lat=46.2, lon=6.14, geonameid=1),
        make_event(event_id="x1", event_type="other", sub_event_type="protest", lat=33.5, lon=36.3, geonameid=2),
    ]
    data = page_data(build_map(events))
    kinds = [k["key"] for k in data["kinds"]]
    assert kinds == ["shelling", "talks"]  # only the glyphs some marker shows, in a fixed order
    by_type = {data["types"][m[0]]["key"]: m[9] for m in data["markers"]}
    assert kinds[by_type["frontline"]] == "shelling"
    assert kinds[by_type["diplomacy"]] == "talks"
    assert by_type["other"] == -1  # no glyph: the type's own shape
    colours = {k["key"]: k["colour"] for k in data["kinds"]}
    assert colours == {"shelling": EVENT_STYLE["frontline"].colour, "talks": EVENT_STYLE["diplomacy"].colour}


def test_a_place_missing_from_the_given_names_keeps_the_gazetteer_name():
    assert marker_groups([make_event()], names={})[0].places == ("Tadmur",)
    assert marker_groups([make_event()])[0].places == ("Palmyra",)


def test_a_map_without_events_has_no_empty_layer_control():
    page = offline_html(build_map([]))
    assert "L.control.layers" not in page
    assert "L.control.layers" in offline_html(build_map([make_event()]))


# --------------------------------------------------------------------------- in a browser


@pytest.fixture(scope="module")
def browser():
    with standalone_chromium() as chromium:
        yield chromium


def open_page(browser, page_html: str, tmp_path: Path, *, width: int = 1200, height: int = 800):
    """Open ``page_html`` as a file with every other request aborted; returns
    (page, context, outside requests, script errors)."""
    path = tmp_path / "page.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": height})
    outside: list[str] = []
    errors: list[str] = []

    route = only_this_file(path, outside)
    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(path.as_uri())
    wait_in_page(page, "window.conflictmapReady === true", timeout_ms=20_000)
    return page, context, outside, errors


MAP_VARIABLE = "window[Object.keys(window).find(k => /^map_[0-9a-f]+$/.test(k))]"


@pytest.mark.browser
def test_standalone_map_draws_every_event_with_the_network_blocked(browser, tmp_path):
    events = many_events(400, places=60)
    page, context, outside, errors = open_page(browser, offline_html(build_map(events, timeline=True)), tmp_path)
    try:
        stats = page.evaluate("window.conflictmapStats")
        circles = page.evaluate(
            "(() => { let n = 0; MAP.eachLayer(l => { if (l instanceof L.CircleMarker) n++; }); return n; })()".replace(
                "MAP", MAP_VARIABLE
            )
        )
        legend = page.evaluate(
            "[...document.querySelectorAll('.cm-legend-row[data-type]')].map("
            "r => [r.dataset.type, r.querySelector('.cm-legend-count').textContent])"
        )
    finally:
        context.close()
    assert outside == [] and errors == []
    assert stats["events"] == 400
    assert circles == stats["drawn"] == len(marker_groups(events, max_markers=MAX_MARKERS))
    assert {k: int(v.replace(",", "")) for k, v in legend} == dict(Counter(e.event_type for e in events))


@pytest.mark.browser
def test_hostile_popup_text_stays_text_in_the_browser(browser, tmp_path):
    event = make_event(
        quote=HOSTILE_QUOTE, title=HOSTILE_TITLE, source=HOSTILE_SOURCE, url="javascript:window.clicked=1"
    )
    page, context, outside, errors = open_page(browser, offline_html(build_map([event])), tmp_path)
    try:
        page.evaluate(
            "MAP.eachLayer(l => { if (l instanceof L.CircleMarker) l.openPopup(); }) && null".replace(
                "MAP", MAP_VARIABLE
            )
        )
        popup = page.wait_for_selector(".leaflet-popup-content")
        found = page.evaluate("""(() => {
            const p = document.querySelector('.leaflet-popup-content');
            return {scripts: p.querySelectorAll('script').length, images: p.querySelectorAll('img').length,
                    bold: p.querySelectorAll('b[onmouseover]').length, links: p.querySelectorAll('a').length,
                    alerted: window.alerted || 0};
        })()""")
        text = popup.text_content()
    finally:
        context.close()
    assert found == {"scripts": 0, "images": 0, "bold": 0, "links": 0, "alerted": 0}
    assert "<script>window.alerted=1</script>" in text and 'onerror="window.alerted=2"' in text
    assert errors == [] and outside == []


@pytest.mark.browser
def test_an_open_popup_is_not_drawn_under_the_controls_at_the_maps_foot(browser, tmp_path):
    # Six events at a place in the map's lower left make a popup taller than the room above
    # the playback and legend boxes on a small map: the boxes it runs over hide until it closes.
    corner = [
        make_event(
            event_id=f"c{i}", lat=32.0, lon=36.0, event_date=date(2016, 3, 1 + i), quote="Shelling hit the town. " * 4
        )
        for i in range(6)
    ]
    page, context, outside, errors = open_page(
        browser, offline_html(build_map(corner + many_events(40, places=8))), tmp_path, width=760, height=560
    )
    covered_js = """(() => {
        const p = document.querySelector('.leaflet-popup-content-wrapper').getBoundingClientRect();
        return [...document.querySelectorAll('.leaflet-bottom .leaflet-control')]
            .filter(c => getComputedStyle(c).visibility !== 'hidden')
            .map(c => c.getBoundingClientRect())
            .filter(r => r.width && r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom)
            .length;
    })()"""
    try:
        page.evaluate(
            "MAP.eachLayer(l => { if (l instanceof L.CircleMarker && l.getLatLng().lat === 32) l.openPopup(); }) && null".replace(
                "MAP", MAP_VARIABLE
            )
        )
        page.wait_for_selector(".leaflet-popup-content")
        page.wait_for_timeout(800)  # the popup's pan
        covered = page.evaluate(covered_js)
        page.evaluate("MAP.closePopup() && null".replace("MAP", MAP_VARIABLE))
        hidden_after = page.evaluate("document.querySelectorAll('.cm-under-popup').length")
    finally:
        context.close()
    assert covered == 0
    assert hidden_after == 0
    assert errors == [] and outside == []


@pytest.mark.browser
def test_timeline_and_origin_toggles_change_what_is_drawn(browser, tmp_path):
    events = [make_event(event_id=f"m{i}", event_date=date(2016, 3, 1)) for i in range(3)]
    events += [make_event(event_id=f"a{i}", event_date=date(2016, 6, 1), origin="acled", lat=35.0) for i in range(2)]
    page, context, _, errors = open_page(browser, offline_html(build_map(events, timeline=True)), tmp_path)
    try:
        before = page.evaluate("window.conflictmapStats.events")
        page.eval_on_selector(".cm-slider", "s => { s.value = '10'; s.dispatchEvent(new Event('input')); }")
        early = page.evaluate("window.conflictmapStats")
        page.click(".cm-all")
        page.hover(".leaflet-control-layers")  # the layer list unfolds under the pointer
        page.click("text=Source: ACLED")
        without_acled = page.evaluate("window.conflictmapStats")
    finally:
        context.close()
    assert before == 5
    assert early["events"] == 3 and early["drawn"] == 1
    assert without_acled["events"] == 3 and without_acled["legend"] == {"frontline": 3}
    assert errors == []


@pytest.mark.browser
def test_play_and_step_move_a_window_of_the_chosen_width_by_the_chosen_step(browser, tmp_path):
    events = [make_event(event_id=f"d{i}", event_date=date(2016, 3, 1) + timedelta(days=i)) for i in range(40)]
    m = build_map(events, timeline=True, playback=Playback(step_days=7, window_days=7, interval_ms=60_000))
    page, context, _, errors = open_page(browser, offline_html(m), tmp_path)
    try:
        page.click(".cm-play")  # one step shown at once, the next a minute later
        first = page.evaluate("window.conflictmapStats")
        page.click(".cm-step")  # pauses and steps
        second = page.evaluate("window.conflictmapStats")
        playing = page.inner_text(".cm-play")
    finally:
        context.close()
    assert first["window"] == ["2016-03-01", "2016-03-07"] and first["events"] == 7
    assert second["window"] == ["2016-03-08", "2016-03-14"] and second["events"] == 7
    assert playing == "\u25b6" and errors == []


@pytest.mark.browser
def test_map_draws_inside_streamlit_folium_component(browser, tmp_path):
    """Rebuild the component page the way streamlit-folium's frontend does: load the
    declared js/css links, add the header as HTML, then run the map script."""
    import folium
    import streamlit_folium

    events = many_events(120, places=30)
    m = build_map(events)
    m.get_root().render()
    m.render()
    pieces = {
        "html": streamlit_folium._get_html(m),
        "header": streamlit_folium._get_header(m),
        "script": streamlit_folium._get_map_string(m),
    }
    links = [e for e in _walk(m) if isinstance(e, folium.elements.JSCSSMixin)]
    pieces["js"] = list(dict.fromkeys(url for e in links for _, url in e.default_js))
    pieces["css"] = list(dict.fromkeys(url for e in links for _, url in e.default_css))
    assert all(url.startswith("data:") for url in pieces["js"] + pieces["css"])
    page_html = COMPONENT_PAGE.replace("ARGS", json.dumps(pieces).replace("<", "\\u003c"))
    page, context, outside, errors = open_page(browser, page_html, tmp_path)
    try:
        stats = page.evaluate("window.conflictmapStats")
    finally:
        context.close()
    assert outside == [] and errors == []
    assert stats["events"] == 120 and stats["drawn"] > 0


def _walk(element):
    yield element
    for child in element._children.values():
        yield from _walk(child)


COMPONENT_PAGE = """<!doctype html><html><head><meta charset="utf-8"></head><body>
<div id="map_div" style="height:500px;width:800px"></div>
<script>
const args = ARGS;
(async () => {
  for (const src of args.js) {
    await new Promise((ok, bad) => { const s = document.createElement("script"); s.src = src; s.async = false;
      s.onload = ok; s.onerror = bad; document.body.appendChild(s); });
  }
  args.css.forEach(h => { const l = document.createElement("link"); l.rel = "stylesheet"; l.href = h;
    document.head.appendChild(l); });
  document.head.innerHTML += args.header;
  const holder = document.createElement("div"); holder.innerHTML = args.html; document.body.appendChild(holder);
  const s = document.createElement("script"); s.innerHTML = args.script + "\\nwindow.map = map_div;";
  document.body.appendChild(s);
})();
</script></body></html>"""


@pytest.mark.browser
def test_slide_labels_do_not_overlap(browser, tmp_path):
    # Twelve places packed close together: labels must give way, not pile up.
    events = [
        make_event(event_id=f"{i}-{j}", place=f"Village {i}", lat=34.5 + 0.02 * (i % 4), lon=38.2 + 0.03 * (i // 4))
        for i in range(12)
        for j in range(12 - i)
    ]
    page, context, _, errors = open_page(
        browser, offline_html(slide_map(events, width=900, height=600)), tmp_path, width=900, height=600
    )
    try:
        boxes = page.evaluate(
            "[...document.querySelectorAll('.cm-label')].map(e => {"
            " const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"
        )
        placed = page.evaluate("window.conflictmapStats.labels")
    finally:
        context.close()
    assert errors == []
    assert 1 <= len(boxes) == placed <= 12
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_picture_view_leaves_out_a_few_far_events():
    syria = [make_event(event_id=f"s{i}", lat=33 + i % 5, lon=36 + i % 6) for i in range(95)]
    abroad = [make_event(event_id=f"w{i}", place="Washington", lat=38.9, lon=-77.0) for i in range(3)]
    min_lon, min_lat, max_lon, max_lat = core_bounds(syria + abroad)
    assert min_lon > 30 and max_lon < 45 and min_lat < 33 and max_lat > 37


def test_picture_view_holds_both_areas_of_a_war_and_leaves_out_talks_abroad():
    # Fighting in two areas 2,000 km apart, talks and statements in European capitals.
    north = [make_event(event_id=f"n{i}", lat=34 + i % 4, lon=36 + i % 5) for i in range(80)]
    south = [make_event(event_id=f"s{i}", lat=14 + i % 3, lon=43 + i % 4) for i in range(22)]
    talks = [make_event(event_id=f"g{i}", place="Geneva", lat=46.2, lon=6.1) for i in range(10)]
    capitals = [make_event(event_id="v", place="Vienna", lat=48.2, lon=16.4)]
    capitals += [make_event(event_id="m", place="Moscow", lat=55.8, lon=37.6)]
    min_lon, min_lat, max_lon, max_lat = core_bounds(north + south + talks + capitals)
    assert min_lon <= 36 and max_lon >= 46 and min_lat <= 14 and max_lat >= 37
    assert min_lon > 16.4 and max_lat < 46.2


def test_picture_view_keeps_every_event_when_they_spread_evenly():
    spread = [make_event(event_id=f"e{i}", lat=-40 + i, lon=-100 + 2 * i) for i in range(80)]
    assert core_bounds(spread) == (-100, -40, 58, 39)
    assert core_bounds([]) is None


def test_markers_sharing_a_point_are_set_apart_and_lone_ones_stay():
    events = [make_event(event_id=t, event_type=t) for t in ("frontline", "diplomacy", "humanitarian")]
    events.append(make_event(event_id="far", lat=36.2, lon=37.16))
    groups = marker_groups(events)
    shifts = dict(zip(((g.event_type, g.lat) for g in groups), marker_shifts(groups)))
    together = [shifts[(t, 34.56)] for t in ("frontline", "diplomacy", "humanitarian")]
    assert len(set(together)) == 3 and (0, 0) not in together
    assert shifts[("frontline", 36.2)] == (0, 0)


def test_runaway_quotes_and_titles_are_cut_not_carried_whole():
    text = event_html(make_event(quote="word " * 2000, title="headline " * 200))
    assert len(text) < 2500 and "\u2026" in text


@pytest.mark.browser
def test_marker_tooltip_and_popup_say_palmyra_and_the_legend_shows_the_glyphs(browser, tmp_path):
    events = palmyra_events()
    events.append(make_event(event_id="aid", event_type="humanitarian", sub_event_type="aid", lat=35.0, lon=38.5))
    page, context, outside, errors = open_page(browser, offline_html(build_map(events)), tmp_path)
    try:
        page.evaluate(
            "MAP.eachLayer(l => { if (l instanceof L.CircleMarker && l.options.glyph === 'armed_clash') "
            "{ l.openTooltip(); l.openPopup(); } }) && null".replace("MAP", MAP_VARIABLE)
        )
        tooltip = page.wait_for_selector(".leaflet-tooltip").text_content()
        popup = page.wait_for_selector(".leaflet-popup-content").text_content()
        legend = page.evaluate(
            "[...document.querySelectorAll('.cm-legend-kind')].map(r => [r.dataset.kind, r.textContent,"
            " r.querySelectorAll('svg path').length])"
        )
    finally:
        context.close()
    assert outside == [] and errors == []
    assert tooltip.startswith("Palmyra") and "Tadmur" not in tooltip
    assert "Palmyra (Tadmur, SY)" in popup
    assert legend == [["armed_clash", "Armed clash", 1], ["aid", "Aid", 1]]


@pytest.mark.browser
def test_a_popup_near_the_layer_control_opens_clear_of_it(browser, tmp_path):
    # A marker in the top-right corner of the view, under the layer list.
    events = [make_event(event_id="w", lat=34.0, lon=36.0), make_event(event_id="e", lat=37.0, lon=42.0)]
    events.append(make_event(event_id="d", event_type="diplomacy", sub_event_type="talks", lat=36.9, lon=41.9))
    page, context, _, errors = open_page(browser, offline_html(build_map(events)), tmp_path)
    try:
        page.evaluate(
            "MAP.eachLayer(l => { if (l instanceof L.CircleMarker && l.options.glyph === 'talks') l.openPopup(); })"
            " && null".replace("MAP", MAP_VARIABLE)
        )
        page.wait_for_selector(".leaflet-popup-content")
        page.wait_for_timeout(1500)  # the map's pans are animated
        boxes = page.evaluate(
            "[document.querySelector('.leaflet-popup').getBoundingClientRect().toJSON(),"
            " document.querySelector('.leaflet-control-layers').getBoundingClientRect().toJSON()]"
        )
    finally:
        context.close()
    popup, control = boxes
    apart = (
        popup["right"] <= control["left"]
        or popup["left"] >= control["right"]
        or popup["top"] >= control["bottom"]
        or popup["bottom"] <= control["top"]
    )
    assert apart, boxes
    assert errors == []


@pytest.mark.browser
def test_the_map_opens_framed_on_the_events_it_shows(browser, tmp_path):
    # Three events in eastern Ukraine, as a week's filter might leave: not the world view.
    towns = [(48.59, 38.00), (48.14, 37.74), (47.10, 37.55)]
    events = [
        make_event(event_id=f"u{i}", lat=lat, lon=lon, geonameid=100 + i, country_code="UA")
        for i, (lat, lon) in enumerate(towns)
    ]
    page, context, _, errors = open_page(browser, offline_html(build_map(events)), tmp_path)
    try:
        view = page.evaluate(
            f"(() => {{ const m = {MAP_VARIABLE}; const b = m.getBounds();"
            " return [m.getZoom(), b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()"
        )
    finally:
        context.close()
    zoom, south, west, north, east = view
    assert zoom >= 6, view  # a region, not a continent
    assert all(south < lat < north and west < lon < east for lat, lon in towns), view
    assert errors == []


@pytest.mark.browser
def test_the_legend_says_how_many_events_the_opening_view_leaves_out_until_zoomed_out(browser, tmp_path):
    # Ninety events of a war in one country, talks far away: the map opens on the war.
    war = [make_event(event_id=f"w{i}", lat=48 + i % 3 * 0.5, lon=37 + i % 4 * 0.5) for i in range(90)]
    talks = [make_event(event_id=f"t{i}", event_type="diplomacy", lat=-34.6, lon=-58.4) for i in range(7)]
    page, context, _, errors = open_page(browser, offline_html(build_map(war + talks)), tmp_path)
    note = "document.querySelector('.cm-legend-outside')"
    try:
        opening = page.evaluate(f"[{note}.textContent, getComputedStyle({note}).display]")
        page.evaluate(f"void {MAP_VARIABLE}.setView([0, 0], 1, {{animate: false}})")
        wait_in_page(page, f"getComputedStyle({note}).display === 'none'", timeout_ms=5_000)
        zoomed_out = page.evaluate(f"{note}.textContent")
    finally:
        context.close()
    assert opening == ["7 events lie outside this view", "block"]
    assert zoomed_out == ""
    assert errors == []


@pytest.mark.browser
def test_the_map_in_a_browser_names_places_as_the_articles_do(browser, tmp_path):
    page, context, _, errors = open_page(browser, offline_html(slide_map(palmyra_events(), labels=3)), tmp_path)
    try:
        labels = page.locator(".cm-label-text").all_inner_texts()
    finally:
        context.close()
    assert labels == ["Palmyra"] and errors == []


def vars_of(event: Event) -> dict:
    return {name: getattr(event, name) for name in ("place", "mention", "geonameid", "feature_code", "lat", "lon")}


def test_an_event_placed_only_at_a_country_is_not_labelled_as_a_town():
    from geo.map.mapview import country_counts, top_places

    town = palmyra_event()
    country = palmyra_event(
        event_id="c1", place="Syria", mention="Syria", geonameid=163843, feature_code="PCLI", lat=35.0, lon=38.0
    )
    events = [town, country, palmyra_event(**{**vars_of(country), "event_id": "c2"})]
    assert [p.name for p in top_places(events)] == ["Palmyra"]
    assert country_counts(events) == [("Syria", 2)]
    data = page_data(build_map(events))
    flags = {(row[2], row[3]): row[10] for row in data["markers"]}
    assert flags[(35.0, 38.0)] == 1 and flags[(town.lat, town.lon)] == 0
    assert data["countries"] == [["Syria", 2]]


CREDITS_JS = """(() => {
    const box = document.querySelector('.leaflet-control-attribution');
    const r = box.getBoundingClientRect();
    return {height: r.height, width: r.width, text: box.textContent};
})()"""


@pytest.mark.browser
def test_the_maps_credits_take_one_line_until_clicked(browser, tmp_path):
    # On a laptop-sized map the credits written out run to several lines over the events at
    # the map's foot: one line, read in full on a click; the picture keeps them in full.
    page, context, _, errors = open_page(
        browser, offline_html(build_map(many_events(40, places=8))), tmp_path, width=720, height=520
    )
    try:
        folded = page.evaluate(CREDITS_JS)
        page.mouse.move(5, 5)
        page.locator(".leaflet-control-attribution").click(position={"x": 5, "y": 5})
        page.mouse.move(5, 5)  # off the box: it stays open for reading
        opened = page.evaluate(CREDITS_JS)
    finally:
        context.close()
    assert folded["height"] < 20 and folded["width"] < 720
    assert opened["height"] > 2 * folded["height"]
    assert "GeoNames" in opened["text"] and "CC BY 4.0" in opened["text"] and errors == []
    slide, context, _, _ = open_page(
        browser,
        offline_html(slide_map(many_events(40, places=8), width=720, height=520)),
        tmp_path,
        width=720,
        height=520,
    )
    try:
        pictured = slide.evaluate(CREDITS_JS)
    finally:
        context.close()
    assert pictured["height"] > 20


def test_only_markers_of_events_placed_at_a_country_carry_the_countrys_name() -> None:
    country = [
        make_event(
            event_id=f"c{i}", place="Yemen", mention="Yemen", geonameid=69543, feature_code="PCLI", lat=15.6, lon=47.6
        )
        for i in range(2)
    ]
    town = [
        make_event(event_id="t", place="Marib", mention="Marib", geonameid=2, feature_code="PPLA", lat=15.46, lon=45.32)
    ]
    assert page_data(build_map(country + town))["countryLabels"] == [[15.6, 47.6, "Yemen"]]
    assert page_data(build_map(town))["countryLabels"] == []
