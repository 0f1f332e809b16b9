"""The article the project started from (../shared/seed), end to end through ``parse``."""

from __future__ import annotations

import json
from datetime import date

import pytest

from gazetteer.geodesy import great_circle_km
from geo.records import EVENT_PROPERTIES

pytestmark = [pytest.mark.model, pytest.mark.shared]

PUBLISHED = date(2016, 3, 24)
TADMUR = (34.56, 38.27)


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def seed_events(shared_dir, pipeline):
    from geo.read.readers import read_articles

    (article,) = read_articles(shared_dir / "seed" / "kerry_moscow_syria.txt", published=PUBLISHED)
    return article, pipeline.events(article)


def test_boilerplate_is_dropped_and_the_headline_is_the_title(seed_events):
    article, _ = seed_events
    assert article.title.startswith("Kerry vows to work with Moscow")
    assert "The news is by your side" not in article.text
    assert "You might also like" not in article.text


def test_every_palmyra_and_the_misspelling_is_a_frontline_event_at_tadmur(seed_events):
    _, events = seed_events
    palmyra = [e for e in events if e.mention in ("Palmyra", "Palmrya")]
    assert {e.mention for e in palmyra} == {"Palmyra", "Palmrya"}
    for e in palmyra:
        assert e.country_code == "SY" and e.place == "Tadmur"
        assert great_circle_km(e.lat, e.lon, *TADMUR) < 5
        assert e.event_type == "frontline"
        # the capture happened in the week of publication, not when the intervention began
        assert (e.event_date.year, e.event_date.month) == (2016, 3)


def test_moscow_and_geneva_are_diplomacy(seed_events):
    _, events = seed_events
    by_mention = {}
    for e in events:
        by_mention.setdefault(e.mention, set()).add((e.event_type, e.country_code))
    assert by_mention["Moscow"] == {("diplomacy", "RU")}
    assert by_mention["Geneva"] == {("diplomacy", "CH")}


def test_raqqa_is_ar_raqqah_and_nothing_lands_in_yemen_ireland_or_the_united_states(geoparser, seed_events):
    article, events = seed_events
    # Raqqa is named as a goal ("God willing to Raqqa"): resolved, whether or not it is an event
    raqqa = [p for p in geoparser.places(article.text) if p.mention.text == "Raqqa"]
    assert raqqa and all(p.entry.name == "Ar Raqqah" and p.entry.country_code == "SY" for p in raqqa)
    assert all(e.place == "Ar Raqqah" for e in events if e.mention == "Raqqa")
    assert not [e for e in events if e.country_code in ("YE", "IE", "US", "UM")]


def test_damascus_is_found(geoparser, seed_events):
    article, _ = seed_events
    places = geoparser.places(article.text)
    damascus = [p for p in places if p.mention.text == "Damascus"]
    assert damascus and damascus[0].entry.country_code == "SY"


def test_events_carry_every_property_and_stable_ids(seed_events, pipeline):
    article, events = seed_events
    for e in events:
        props = e.properties()
        assert list(props) == list(EVENT_PROPERTIES)
        assert props["event_date"] and props["published"] == "2016-03-24"
        assert e.quote in " ".join(article.text.split())
    again = pipeline.events(article)
    assert [e.event_id for e in again] == [e.event_id for e in events]
    assert len({e.event_id for e in events}) == len(events)


def test_geneva_talks_on_thursday_are_dated_that_day(seed_events):
    _, events = seed_events
    geneva_thursday = [e for e in events if e.mention == "Geneva" and "on Thursday" in e.quote]
    assert geneva_thursday and all(e.event_date == PUBLISHED and e.date_precision == 1 for e in geneva_thursday)


def test_parse_command_prints_geojson(shared_dir, capsys):
    from geo.cli.main import run

    code = run(["parse", str(shared_dir / "seed" / "kerry_moscow_syria.txt"), "--published", "2016-03-24"])
    assert code == 0
    collection = json.loads(capsys.readouterr().out)
    assert collection["type"] == "FeatureCollection" and collection["features"]
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
