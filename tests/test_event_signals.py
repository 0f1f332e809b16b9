"""Places a reader would not put an event at, and the one who acts deciding an event's kind."""

from __future__ import annotations

import pytest

from geo.parse.eventmodel import EventSite
from geo.parse.eventsignals import signal_features
from tests.event_sites import event_site, event_type_at


def _site(nlp, sentence: str, place: str, *, area: bool = False, others: int = 1) -> EventSite:
    return event_site(sentence, place, nlp=nlp, area=area, others=others)


def _signals(nlp, sentence: str, place: str, *, area: bool = False) -> list[str]:
    site = _site(nlp, sentence, place, area=area)
    return signal_features(site.tree, sentence, site.start, site.end, area)


def _event_type(nlp, sentence: str, place: str, *, area: bool = False) -> str | None:
    return event_type_at(_site(nlp, sentence, place, area=area))


@pytest.mark.parametrize(
    "sentence",
    [
        "A relief convoy of forty lorries entered the besieged town of Varnok on Thursday with flour and medicine.",
        "The first aid convoy in four months reached Varnok on Thursday, carrying flour and medicine.",
    ],
)
def test_a_convoy_entering_a_besieged_town_is_humanitarian(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") == "humanitarian"


def test_troops_entering_a_town_are_still_frontline(nlp):
    sentence = "Army units entered the town of Varnok on Thursday after two days of heavy fighting."
    assert _event_type(nlp, sentence, "Varnok") == "frontline"


@pytest.mark.parametrize(
    ("sentence", "reference", "site"),
    [
        (
            "Shelling killed three farmers in Kesterovo, a village 12 km north of Dalmin, on Tuesday.",
            "Dalmin",
            "Kesterovo",
        ),
        ("Gunmen stormed the checkpoint at Kesterovo, southwest of Dalmin, on Tuesday night.", "Dalmin", "Kesterovo"),
    ],
)
def test_a_town_named_as_a_bearing_for_another_gets_no_event(nlp, sentence, reference, site):
    assert "ref_bearing_of" in _signals(nlp, sentence, reference)
    assert _event_type(nlp, sentence, reference) is None
    assert _event_type(nlp, sentence, site) == "frontline"


def test_a_province_named_after_the_site_gets_no_event_of_its_own(nlp):
    sentence = "A rocket struck the clinic in Kesterovo, in Dalmin province, on Sunday, killing two nurses."
    assert "ref_inside_named" in _signals(nlp, sentence, "Dalmin", area=True)
    assert _event_type(nlp, sentence, "Dalmin", area=True) is None


def test_a_quiet_night_without_strikes_is_no_clash(nlp):
    sentence = "Residents of Kesterovo said they spent a quiet night without air strikes for the first time in weeks."
    assert "denied=air_strike" in _signals(nlp, sentence, "Kesterovo")
    assert _event_type(nlp, sentence, "Kesterovo") != "frontline"


def test_a_ranking_in_a_country_is_no_event_there(nlp):
    sentence = "The raid was one of the deadliest in Marovia since the war began."
    assert {"copular_clause", "one_of_the", "superlative"} <= set(_signals(nlp, sentence, "Marovia", area=True))
    assert _event_type(nlp, sentence, "Marovia", area=True) is None


def test_the_one_who_acts_and_where_the_place_stands_are_features(nlp):
    signals = _signals(nlp, "Residents of Kesterovo said the water had run out.", "Kesterovo")
    assert {"doer=residents", "place_in_subject", "holder=residents"} <= set(signals)
    # the town the troops took is their object, not where the speakers come from
    assert "place_in_subject" not in _signals(nlp, "Troops took Kesterovo on Monday.", "Kesterovo")


@pytest.mark.parametrize(
    ("sentence", "site", "seat"),
    [
        (
            "Government troops captured the village of Korvesh in the hills of Dalmin province on Tuesday.",
            "Korvesh",
            "Dalmin",
        ),
        (
            "Rockets struck the Tarnava clinic in Ostrel district of Dalmin province on Sunday, killing two nurses.",
            "Tarnava",
            "Dalmin",
        ),
    ],
)
def test_a_village_in_a_province_takes_the_event_and_the_province_none(nlp, sentence, site, seat):
    assert "ref_locates_site" in _signals(nlp, sentence, seat)
    assert _event_type(nlp, sentence, seat) is None
    assert _event_type(nlp, sentence, site) == "frontline"


def test_a_site_in_the_hills_north_of_a_city_leaves_the_city_without_an_event(nlp):
    sentence = "Jets bombed Korvesh, a market town in the hills northwest of Dalmin, on Monday, killing nine."
    assert _event_type(nlp, sentence, "Dalmin") is None
    assert _event_type(nlp, sentence, "Korvesh") == "frontline"


def test_a_town_across_the_river_from_another_takes_the_fighting(nlp):
    sentence = "Fighting resumed on Friday in Korvesh, across the river from Dalmin, residents said."
    assert _event_type(nlp, sentence, "Dalmin") is None
    assert _event_type(nlp, sentence, "Korvesh") == "frontline"


def test_a_weekday_before_a_bearing_is_no_site_it_locates(nlp):
    sentence = "Fighting was reported on Tuesday in the hills south of Dalmin, residents said."
    assert "ref_locates_site" not in _signals(nlp, sentence, "Dalmin")


@pytest.mark.parametrize(
    "sentence",
    [
        "A convoy of forty lorries organised by the Red Crescent entered Varnok on Tuesday, bringing flour and "
        "blankets for the first time since the summer.",
        "Trucks of the World Food Programme and the Red Cross reached Varnok on Saturday after a week at the "
        "checkpoint, carrying rice and medicine.",
        "Lorries carrying flour and medicine reached the besieged town of Varnok on Wednesday, officials said.",
    ],
)
def test_an_aid_convoy_reaching_a_besieged_town_is_humanitarian(nlp, sentence):
    assert "doer_brings_aid" in _signals(nlp, sentence, "Varnok")
    assert _event_type(nlp, sentence, "Varnok") == "humanitarian"


@pytest.mark.parametrize(
    "sentence",
    [
        "Convoys entered Varnok on Tuesday, the first supplies to reach the besieged town since the winter.",
        "Trucks entered the encircled town of Varnok on Tuesday with flour and medicine.",
    ],
)
def test_convoys_with_no_fighters_aboard_bring_aid(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") == "humanitarian"


@pytest.mark.parametrize(
    "sentence",
    [
        "An army convoy entered Varnok on Tuesday after two days of heavy fighting.",
        "Trucks carrying fighters entered Varnok on Tuesday after two days of heavy fighting.",
    ],
)
def test_a_convoy_of_fighters_entering_a_town_is_still_frontline(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") == "frontline"


def test_a_body_named_for_talks_in_a_town_makes_no_talks_there(nlp):
    # the talks only say which committee is meant; what the sentence tells is the committee's idleness
    sentence = "A committee set up at the Northfield talks to oversee the truce has yet to meet."
    site = _site(nlp, sentence, "Northfield")
    from geo.parse.eventmodel import _event_the_place_names

    assert _event_the_place_names(site) is None
    held = "Delegates walked out of the Northfield talks on Monday, citing new shelling."
    assert _event_the_place_names(_site(nlp, held, "Northfield")) is not None


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Delegates met for a third day at the Valdoria talks in Lausanne.", "Valdoria"),
        # the tagger reads "talks" as a verb here; the determiner before the name still shows the modifier
        ("A panel formed at the Oman talks to monitor the truce has yet to meet.", "Oman"),
    ],
)
def test_a_country_naming_the_talks_is_not_where_they_are_held(nlp, sentence, country):
    assert _event_type(nlp, sentence, country, area=True) is None


def test_the_venue_of_talks_named_for_a_country_keeps_them(nlp):
    sentence = "Delegates met for a third day at the Valdoria talks in Lausanne."
    assert _event_type(nlp, sentence, "Lausanne") == "diplomacy"
    assert _event_type(nlp, "Peace talks between the two sides opened in Oman on Tuesday.", "Oman", area=True) == (
        "diplomacy"
    )
    # a region before a verb is no modifier of it
    assert _event_type(nlp, "Fighting in the Donbas killed five soldiers on Sunday.", "Donbas", area=True) == (
        "frontline"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants fired mortars at the city from hilltops around Varnok.",
        "Shells fired from positions near Varnok hit the market on Sunday.",
    ],
)
def test_a_town_beside_where_fire_comes_from_is_not_where_it_lands(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") is None


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Families from villages near Varnok fled into the mountains after the shelling.", "humanitarian"),
        ("Heavy fighting raged near Varnok on Sunday.", "frontline"),
        ("Troops stormed villages near Varnok on Sunday.", "frontline"),
    ],
)
def test_flight_from_beside_a_town_and_fighting_near_it_stay_there(nlp, sentence, kind):
    assert _event_type(nlp, sentence, "Varnok") == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor of Varnok said on Tuesday that the bakeries had run out of flour and that families queued for water.",
        "Families in Varnok told reporters they had been surviving on rice and rainwater for a month.",
        "The headmaster of Varnok said on Monday that the wells were exhausted and families needed water.",
    ],
)
def test_people_telling_of_want_give_a_humanitarian_event(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") == "humanitarian"


def test_want_in_a_sentence_of_fighting_is_still_the_fighting(nlp):
    sentence = "Residents of Varnok said shells hit the market on Tuesday as they queued for bread."
    assert _event_type(nlp, sentence, "Varnok") == "frontline"


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday the lorries reached surrounding Varnok with blankets.",
        "An aid convoy was able to reach Varnok on Monday.",
    ],
)
def test_aid_arriving_at_a_town_is_a_humanitarian_event_there(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") == "humanitarian"


def test_soldiers_arriving_are_no_aid_at_the_town(nlp):
    sentence = "A column of army lorries carrying soldiers reached Varnok late on Friday."
    assert _event_type(nlp, sentence, "Varnok") == "frontline"


@pytest.mark.parametrize(
    "sentence",
    [
        "A commission formed at the peace talks to look into the killings in Varnok has yet to begin work.",
        "Envoys met in Montreux on Tuesday to discuss the dispute over Varnok.",
    ],
)
def test_a_place_only_in_the_topic_of_talks_held_elsewhere_gets_no_diplomacy(nlp, sentence):
    assert _event_type(nlp, sentence, "Varnok") is None


def test_talks_held_elsewhere_about_a_place_are_diplomacy_where_they_are_held(nlp):
    sentence = "Envoys met in Montreux on Tuesday to discuss the dispute over Varnok."
    assert _event_type(nlp, sentence, "Montreux") == "diplomacy"


def test_talks_a_purpose_clause_places_at_a_town_are_diplomacy_there(nlp):
    assert _event_type(nlp, "The delegation flew to Montreux to attend talks in Varnok.", "Varnok") == "diplomacy"


@pytest.mark.parametrize(
    ("sentence", "place", "told"),
    [
        ("Pellora has taken in 12,000 displaced villagers since the spring, aid workers said.", "Pellora", True),
        ("Schools in Pellora sheltered hundreds of families on Friday night.", "Pellora", True),
        ("The border town of Pellora now hosts some 9,000 refugees.", "Pellora", True),
        # what is taken in is no group of civilians, or the place is not the one taking in
        ("Pellora has taken in the harvest early this year.", "Pellora", False),
        ("Pellora received a delegation of ministers on Friday.", "Pellora", False),
        ("Families from Pellora were taken in by relatives in the capital.", "Pellora", False),
    ],
)
def test_a_place_that_takes_in_civilians_is_where_they_arrive(nlp, sentence, place, told):
    features = _signals(nlp, sentence, place)
    assert ("civilians_move=destination" in features) == told


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("Shopkeepers in Pellora said the town had run out of fuel and bread.", True),
        ("Shopkeepers in Pellora said the market reopened on Friday.", False),
    ],
)
def test_want_told_in_the_places_clause_is_a_feature(nlp, sentence, told):
    assert ("want_told" in _signals(nlp, sentence, "Pellora")) == told
