"""A town of the story read as a famous namesake in a country the story never names: fighting
there is the story's own town's, placed at the province the story names, or nowhere."""

from __future__ import annotations

import re
from datetime import date

from gazetteer.entry import Entry
from geo.parse.pipeline import Sentence, events_from_places
from geo.parse.whereabouts import namesakes_abroad, story_country
from geo.records import GEO_PRECISION_REGION, Article, Mention, Place


def _entry(geonameid: int, name: str, code: str, lat: float, lon: float, feature: str = "PPL") -> Entry:
    feature_class = {"PCLI": "A", "ADM1": "A"}.get(feature, "P")
    return Entry(
        geonameid=geonameid,
        name=name,
        lat=lat,
        lon=lon,
        country_code=code,
        feature_class=feature_class,
        feature_code=feature,
        population=300_000 if feature_class == "P" else 0,
    )


# The story is set in Ruritania ("RR", by the Indian Ocean); Castel is also the name of a large
# port on another continent ("XA"), the only reading the gazetteer has of it.
MARVO = _entry(1, "Marvo", "RR", -13.0, 40.5)
RURITANIA = _entry(2, "Ruritania", "RR", -18.0, 35.0, "PCLI")
LASK = _entry(3, "Lask", "RR", -12.5, 39.5, "ADM1")
CASTEL_ABROAD = _entry(4, "Castel", "XA", 39.6, 2.7)
ORLA = _entry(5, "Orla", "XA", 40.4, -3.7, "PPLC")
KENDRA = _entry(6, "Kendra", "KK", -15.0, 41.0)


def _places(text: str, entries: dict[str, Entry], sentence_starts: list[int]) -> list[Place]:
    places = []
    for name, entry in entries.items():
        for found in re.finditer(re.escape(name), text):
            sentence = max(i for i, start in enumerate(sentence_starts) if start <= found.start())
            places.append(Place(Mention(found.start(), found.end(), name, sentence=sentence), entry, 0.9))
    return sorted(places, key=lambda p: p.mention.start)


def _sentences(text: str, starts: list[int]) -> list[Sentence]:
    ends = [*starts[1:], len(text)]
    return [Sentence(i, start, end, text[start:end]) for i, (start, end) in enumerate(zip(starts, ends))]


def _story(text: str, entries: dict[str, Entry]) -> tuple[list[Place], list[Sentence]]:
    starts = [0, *(m.end() for m in re.finditer(r"(?<=\.)\s+(?=[A-Z])", text))]
    return _places(text, entries, starts), _sentences(text, starts)


AMBUSH = (
    "MARVO, Ruritania - Gunmen ambushed a convoy leaving a hotel in Castel on Friday, killing seven people, "
    "the army said. The insurgents have fought in Lask province since 2017."
)


def test_the_country_the_story_names_most_is_where_it_is_set():
    places, _ = _story(AMBUSH, {"MARVO": MARVO, "Ruritania": RURITANIA, "Castel": CASTEL_ABROAD, "Lask": LASK})
    assert story_country(places) == "RR"
    assert story_country([p for p in places if p.entry.country_code != "RR"]) == "XA"
    # one name each: no country leads
    assert story_country([places[0], places[2]]) is None


def test_a_demonym_counts_as_a_name_of_its_country():
    text = "Gunmen ambushed a convoy in Castel on Friday. Lask officials said seven died."
    places, _ = _story(text, {"Castel": CASTEL_ABROAD, "Lask": LASK})
    assert story_country(places) is None
    assert story_country(places, ["RR"]) == "RR"


def test_fighting_at_a_namesake_abroad_is_placed_at_the_province_the_story_names():
    places, sentences = _story(AMBUSH, {"MARVO": MARVO, "Ruritania": RURITANIA, "Castel": CASTEL_ABROAD, "Lask": LASK})
    abroad = namesakes_abroad(places)
    assert [m.text for m in abroad] == ["Castel"]
    events = events_from_places(Article(text=AMBUSH, published=date(2024, 3, 30)), places, sentences)
    at_castel = [e for e in events if e.mention == "Castel"]
    assert len(at_castel) == 1
    event = at_castel[0]
    assert event.event_type == "frontline"
    assert (event.place, event.country_code, event.geo_precision) == ("Lask", "RR", GEO_PRECISION_REGION)
    assert not any(e.country_code == "XA" for e in events)


def test_with_no_province_named_fighting_at_a_namesake_abroad_has_no_place():
    text = "MARVO, Ruritania - Gunmen ambushed a convoy leaving a hotel in Castel on Friday, killing seven people."
    places, sentences = _story(text, {"MARVO": MARVO, "Ruritania": RURITANIA, "Castel": CASTEL_ABROAD})
    assert namesakes_abroad(places) == {places[2].mention: None}
    events = events_from_places(Article(text=text, published=date(2024, 3, 30)), places, sentences)
    assert not any(e.mention == "Castel" for e in events)


def test_aid_delivered_in_a_city_abroad_stays_there():
    # Only fighting is moved: aid and the displaced are often in famous cities far off.
    text = (
        "MARVO, Ruritania - Aid agencies delivered food and blankets to displaced families in Castel on Monday. "
        "Fighting has displaced thousands in Lask province."
    )
    places, sentences = _story(text, {"MARVO": MARVO, "Ruritania": RURITANIA, "Castel": CASTEL_ABROAD, "Lask": LASK})
    events = events_from_places(Article(text=text, published=date(2024, 3, 30)), places, sentences)
    at_castel = [e for e in events if e.mention == "Castel"]
    assert at_castel and all(e.event_type == "humanitarian" and e.country_code == "XA" for e in at_castel)


def test_talks_in_a_city_abroad_stay_there():
    text = (
        "MARVO, Ruritania - Talks between the government and the rebels opened in Castel on Monday, "
        "mediators said. The rebels have fought in Lask province since 2017."
    )
    places, sentences = _story(text, {"MARVO": MARVO, "Ruritania": RURITANIA, "Castel": CASTEL_ABROAD, "Lask": LASK})
    events = events_from_places(Article(text=text, published=date(2024, 3, 30)), places, sentences)
    at_castel = [e for e in events if e.mention == "Castel"]
    assert at_castel and all(e.country_code == "XA" and e.event_type != "frontline" for e in at_castel)


def test_a_capital_a_near_town_and_a_country_the_story_names_are_no_namesakes():
    capital = "MARVO, Ruritania - A bomb went off in Orla on Friday. Lask officials condemned it."
    places, _ = _story(capital, {"MARVO": MARVO, "Ruritania": RURITANIA, "Orla": ORLA, "Lask": LASK})
    assert namesakes_abroad(places) == {}
    # a town across a border, a few hundred km from the story's places
    near = "MARVO, Ruritania - Shells hit Kendra on Friday. Lask officials said three died."
    places, _ = _story(near, {"MARVO": MARVO, "Ruritania": RURITANIA, "Kendra": KENDRA, "Lask": LASK})
    assert namesakes_abroad(places) == {}
    # a town in a country the story's demonyms name ("the Xanian navy")
    places, _ = _story(AMBUSH, {"MARVO": MARVO, "Ruritania": RURITANIA, "Castel": CASTEL_ABROAD, "Lask": LASK})
    assert namesakes_abroad(places, ["XA"]) == {}
