"""Typing events from sentences: triggers, priorities, the place's clause, confidence."""

from __future__ import annotations

import pytest

from geo.parse.eventtypes import EventKind, classify_sentence


def kind(sentence: str, near: str | None = None) -> tuple[str, str]:
    span = None
    if near is not None:
        start = sentence.index(near)
        span = (start, start + len(near))
    found = classify_sentence(sentence, near=span)
    return found.event_type, found.sub_event_type


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Ukraine
        ("Russian artillery shelled residential districts of Kharkiv overnight.", ("frontline", "shelling")),
        (
            "Ukrainian forces recaptured the village of Robotyne after weeks of fighting.",
            ("frontline", "territory_change"),
        ),
        ("Kherson fell to Russian troops in early March.", ("frontline", "territory_change")),
        ("Russian troops withdrew from the west bank of the Dnipro.", ("frontline", "territory_change")),
        ("A drone strike set an oil depot in Sevastopol on fire.", ("frontline", "air_strike")),
        ("Heavy clashes continued around Bakhmut on Tuesday.", ("frontline", "armed_clash")),
        ("Thousands of residents were evacuated from Pokrovsk by train.", ("humanitarian", "displacement")),
        ("Delegations from Kyiv and Moscow held talks in Istanbul.", ("diplomacy", "talks")),
        ("Russia and Ukraine signed a grain export deal in Istanbul.", ("diplomacy", "agreement")),
        ("The Turkish president visited Lviv.", ("diplomacy", "visit")),
        # Yemen
        ("Saudi-led warplanes bombed a market in Saada province.", ("frontline", "air_strike")),
        ("A car bomb exploded near a checkpoint in Aden.", ("frontline", "explosion")),
        ("An aid convoy reached the besieged city of Taiz.", ("humanitarian", "aid")),
        ("The warring parties agreed to a prisoner exchange in Stockholm.", ("diplomacy", "agreement")),
        ("Houthi fighters launched an offensive on Marib.", ("frontline", "armed_clash")),
        # Sudan
        ("The RSF seized the main army base in Nyala.", ("frontline", "territory_change")),
        ("Tens of thousands fled El Geneina into Chad.", ("humanitarian", "displacement")),
        ("The army and the RSF fought for control of the airport in Khartoum.", ("frontline", "armed_clash")),
        ("Negotiators from both sides arrived in Jeddah.", ("diplomacy", "talks")),
        ("At least 40 civilians were killed in a market in Omdurman.", ("humanitarian", "casualties")),
        # Gaza and Israel
        ("Israeli airstrikes hit a residential block in Khan Younis.", ("frontline", "air_strike")),
        ("Rockets were fired from Gaza toward Ashkelon.", ("frontline", "shelling")),
        ("Trucks carrying humanitarian aid entered through the Rafah crossing.", ("humanitarian", "aid")),
        ("Mediators from Qatar and Egypt brokered a truce agreement.", ("diplomacy", "agreement")),
        ("Israeli troops raided the Jenin refugee camp.", ("frontline", "armed_clash")),
        ("The death toll in Gaza rose above 20,000.", ("humanitarian", "casualties")),
        # nothing happened, or nothing said
        ("Palmyra is surrounded mostly by desert.", ("other", "other")),
        ("The city lies at a crossroads in central Syria.", ("other", "other")),
        ("There was no fighting in Kherson on Sunday.", ("other", "other")),
    ],
)
def test_sentences_from_several_wars_get_their_kind(sentence, expected):
    assert kind(sentence) == expected


def test_seed_fighting_into_palmyra_is_frontline():
    sentence = "Syrian state television said government forces had fought their way into Palmyra."
    assert kind(sentence)[0] == "frontline"
    assert kind(sentence)[1] in ("armed_clash", "territory_change")


def test_peace_talks_in_geneva_are_talks():
    assert kind("Opposition parties at peace talks in Geneva are expected to agree on Thursday.") == (
        "diplomacy",
        "talks",
    )


def test_ahead_of_talks_in_moscow_is_talks_not_aid():
    sentence = (
        "Ahead of talks with the Russian leader in Moscow, Kerry said a fragile partial truce had cut "
        "levels of violence, but he wanted to see greater flows of aid."
    )
    assert kind(sentence) == ("diplomacy", "talks")
    assert kind(sentence, near="Moscow") == ("diplomacy", "talks")


def test_a_sentence_with_two_events_gives_each_place_its_own():
    sentence = (
        "Kerry's visit came as state television said government forces had fought their way into "
        "Palmyra, with the army seeking to recapture the historic city."
    )
    assert kind(sentence) == ("diplomacy", "visit")  # the main clause
    assert kind(sentence, near="Palmyra")[0] == "frontline"


def test_the_trigger_nearest_the_place_wins_within_its_clause():
    sentence = "Missiles struck Kyiv as the president met envoys in Washington."
    assert kind(sentence, near="Kyiv") == ("frontline", "shelling")
    assert kind(sentence, near="Washington") == ("diplomacy", "talks")


def test_a_place_in_a_clause_without_trigger_takes_the_sentence_kind():
    assert kind("In Kharkiv, shelling killed three civilians.", near="Kharkiv") == ("frontline", "shelling")


def test_main_clause_decides_over_a_subordinate_one():
    sentence = "Civilians began fleeing after fighters told them to leave the center as fighting drew closer."
    assert kind(sentence) == ("humanitarian", "displacement")


def test_goals_and_denials_are_not_events():
    assert kind("Peace talks aimed at ending the fighting in Yemen resumed in Geneva.") == ("diplomacy", "talks")
    assert kind("Envoys urged both sides to halt attacks on Hodeidah.") == ("diplomacy", "statement")


def test_statement_needs_a_diplomatic_actor():
    assert kind("The foreign minister condemned the blockade of Nagorno-Karabakh.") == ("diplomacy", "statement")
    assert kind("A shopkeeper said prices had doubled.") == ("other", "other")


def test_a_weak_trigger_only_wins_when_nothing_strong_is_said():
    assert kind("The ceasefire in Idlib appeared to hold.") == ("diplomacy", "agreement")
    assert kind("The ceasefire collapsed as artillery pounded Idlib.") == ("frontline", "shelling")


def test_territory_change_outranks_the_fighting_that_led_to_it():
    assert kind("After a week of fighting, rebels captured Saraqeb.") == ("frontline", "territory_change")


def test_confidence_reflects_the_strength_of_the_trigger():
    strong = classify_sentence("Israeli airstrikes hit Khan Younis.")
    weak = classify_sentence("Three people were killed in Sanaa.")
    none = classify_sentence("The city lies in a valley.")
    assert 0.8 <= strong.confidence <= 0.9 and strong.trigger == "airstrikes"
    assert 0.5 <= weak.confidence <= 0.6 and weak.trigger == "killed"
    assert none == EventKind("other", "other", 0.3, "")


def test_competing_strong_triggers_lower_confidence():
    clean = classify_sentence("Rebels shelled Aleppo.")
    contested = classify_sentence("Rebels shelled Aleppo and refugees poured out.")
    assert contested.confidence < clean.confidence


def test_inflected_and_capitalised_triggers_match_on_word_boundaries():
    assert kind("SHELLING resumed in Avdiivka.") == ("frontline", "shelling")
    assert kind("The fighters rested in Idlib.") == ("other", "other")  # "fighters" is not "fighting"
    assert kind("The battlefield near Izium was quiet.") == ("other", "other")


def test_a_near_span_outside_the_sentence_is_rejected():
    with pytest.raises(ValueError, match=r"near must be a \(start, end\) span within 0\.\.5, got \(2, 9\)"):
        classify_sentence("Clash", near=(2, 9))


@pytest.mark.parametrize(
    ("sentence", "near", "expected"),
    [
        # a bomb or a grenade set off, thrown or going off is an explosion, whatever follows
        ("Separatists set off a bomb outside the courthouse in Dravo on Friday.", "Dravo", ("frontline", "explosion")),
        ("A man hurled a grenade into the crowd at the market in Dravo.", "Dravo", ("frontline", "explosion")),
        ("Two bombs went off near the ferry terminal in Dravo.", "Dravo", ("frontline", "explosion")),
        ("A bomb tore through a minibus on the road out of Dravo.", "Dravo", ("frontline", "explosion")),
        # a memorial service is public life, as a funeral or a vigil is
        ("A memorial service for the crew was held in the harbour town of Kell.", "Kell", ("other", "civic")),
    ],
)
def test_a_bomb_set_off_and_a_memorial_service_are_read(sentence, near, expected):
    assert kind(sentence, near) == expected


def test_a_bomb_that_is_only_a_shelter_is_no_explosion():
    assert kind("Families slept in a bomb shelter in Dravo.", "Dravo")[1] != "explosion"
