"""A place's role in its sentence: where something happened, or only an affiliation or actor."""

from __future__ import annotations

import pytest

from geo.parse.roles import is_incidental_location, is_named_as_actor


def incidental(sentence: str, place: str, occurrence: int = 0) -> bool:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(place, start + 1)
    return is_incidental_location(sentence, start, start + len(place))


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        # compounds
        ("Civilians fled, the Britain-based Syrian Observatory for Human Rights said.", "Britain"),
        ("A London-based monitor counted 40 strikes.", "London"),
        ("A Moscow-backed group seized the town.", "Moscow"),
        ("U.S.-backed forces advanced on Raqqa.", "U.S."),
        ("Iranian-made drones hit Odesa.", "Iranian"),
        ("The Qatar-brokered truce held in Gaza.", "Qatar"),
        ("Russia-occupied Crimea was hit by drones.", "Russia"),
        ("Pro-Russian separatists shelled Mariupol.", "Russian"),
        ("Protesters marched with anti-Kyiv banners.", "Kyiv"),
        # base and origin
        ("The observatory, based in Britain, reported clashes in Idlib.", "Britain"),
        ("Refugees from Aleppo arrived in Idlib.", "Aleppo"),
        ("Volunteers from Chechnya joined the fighting in Donetsk.", "Chechnya"),
        # demonyms as adjectives
        ("The army was backed by Russian air cover.", "Russian"),
        ("Ahead of talks with the Russian leader in Moscow, Kerry spoke.", "Russian"),
        ("The Sudanese army retook Wad Madani.", "Sudanese"),
        ("Yemeni government forces pushed toward Hodeidah.", "Yemeni"),
        # possessive and attributive actors
        ("Kyiv's allies pledged more air defence.", "Kyiv"),
        ("The start of Russia’s military intervention turned the tide.", "Russia"),
        ("Israel's offensive in Gaza entered its third month.", "Israel"),
        ("The Damascus government rejected the plan.", "Damascus"),
        ("Kyiv authorities ordered an evacuation of Pokrovsk.", "Kyiv"),
        ("The Gaza health ministry said the toll had risen.", "Gaza"),
        # offices
        ("The president of Ukraine visited Bucha.", "Ukraine"),
        ("The U.N. envoy to Syria met both delegations.", "Syria"),
        # metonymy: a capital or country as an agent
        ("Washington believes that Moscow can nudge Damascus to make concessions.", "Washington"),
        ("Washington believes that Moscow, closely allied to Assad, can nudge Damascus.", "Moscow"),
        ("While the United States wants Assad to step aside, Russia says only Syrians can decide.", "United States"),
        ("While the United States wants Assad to step aside, Russia says only Syrians can decide.", "Russia"),
        ("Armed groups rose up, while Moscow has asserted its role with a military campaign.", "Moscow"),
        ("Beijing has repeatedly denied supplying weapons.", "Beijing"),
        ("Israel struck targets in Rafah overnight.", "Israel"),
        ("Russia and Ukraine signed a grain deal in Istanbul.", "Ukraine"),
        ("The Kremlin said the operation was going to plan.", "Kremlin"),
        ("Tehran warned it would retaliate.", "Tehran"),
        ("The United States and its allies have been backing armed groups.", "United States"),
        ("The talks are part of a push launched with U.S. and Russian support.", "U.S."),
        # objects of pressure or partnership
        ("Washington believes that Moscow can nudge Damascus to make concessions.", "Damascus"),
        ("Kerry vows to work with Moscow for peace in Syria.", "Moscow"),
        ("European ministers urged Kyiv to hold elections.", "Kyiv"),
        ("The envoy held talks with Tehran on the shipping attacks.", "Tehran"),
        ("Sanctions on Russia were extended for six months.", "Russia"),
        # agents of support or pressure
        ("Insurgents backed by Eritrea overran two border posts on Monday.", "Eritrea"),
        ("Under pressure from Beijing, the junta paused its offensive near Lashio.", "Beijing"),
        ("The militia advanced with weapons from Iran supplied through the port.", "Iran"),
        ("The envoy urged both Ethiopia and the rebels to stop fighting.", "Ethiopia"),
        ("Kassala, near the border with Eritrea, was shelled overnight.", "Eritrea"),
    ],
)
def test_affiliations_and_actors_are_incidental(sentence, place):
    assert incidental(sentence, place) is True


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Fighting in Aleppo continued into the night.", "Aleppo"),
        ("Syrian government and opposition parties at peace talks in Geneva are expected to agree.", "Geneva"),
        ("Kerry arrived in Moscow on Wednesday.", "Moscow"),
        ("Moscow hosted talks between the two sides.", "Moscow"),  # the host is where talks are
        ("Palmyra fell to Islamic State militants last year.", "Palmyra"),
        ("Government forces had fought their way into Palmyra.", "Palmyra"),
        ("Kharkiv was shelled for the third night running.", "Kharkiv"),
        ("Kharkiv's outskirts came under heavy shelling.", "Kharkiv"),
        ("The war in Syria has killed more than 250,000 people.", "Syria"),
        ("Syria’s five year-old civil conflict shows no sign of ending.", "Syria"),
        ("Officials in Kyiv said the strike killed four.", "Kyiv"),
        ("Talks were held at the Kremlin on Friday.", "Kremlin"),
        ("Fighting on the Syrian border intensified.", "Syrian"),
        ("Rebel-held Aleppo was encircled.", "Aleppo"),
        ("Houthi-controlled Sanaa came under air attack.", "Sanaa"),
        ("Russian strikes on Kharkiv killed six.", "Kharkiv"),
        ("Refugees from Aleppo arrived in Idlib.", "Idlib"),
        ("Thousands fled from El Geneina into Chad.", "El Geneina"),
        ("The army pushed into Wad Madani and retook Sennar.", "Wad Madani"),
        ("Aid reached the people of Gaza through Rafah.", "Gaza"),
        ("Israeli troops entered Khan Younis as Hamas fired rockets at Tel Aviv.", "Tel Aviv"),
        ("The state channel broadcast images from just outside Palmyra.", "Palmyra"),
        ("It was the worst attack on Odesa since the war began.", "Odesa"),
        ("The Caribbean was calm.", "Caribbean"),
    ],
)
def test_places_where_things_happen_stay_locations(sentence, place):
    assert incidental(sentence, place) is False


def test_only_the_named_occurrence_is_judged():
    sentence = "Moscow-backed fighters attacked villages near Moscow."
    assert incidental(sentence, "Moscow", 0) is True
    assert incidental(sentence, "Moscow", 1) is False


def test_a_place_far_into_a_long_sentence_is_judged_by_its_neighbourhood():
    sentence = "Fighting raged. " * 30 + "Kyiv's allies pledged support as shelling hit Kharkiv."
    assert incidental(sentence, "Kyiv") is True
    assert incidental(sentence, "Kharkiv") is False


@pytest.mark.parametrize("span", [(5, 2), (-1, 3), (0, 0), (0, 99)])
def test_a_span_outside_the_sentence_is_rejected(span):
    with pytest.raises(ValueError, match="start/end must be a non-empty span within 0..12"):
        is_incidental_location("Kyiv replied", *span)


def named_as_actor(sentence: str, place: str) -> bool:
    start = sentence.index(place)
    return is_named_as_actor(sentence, start, start + len(place))


@pytest.mark.parametrize(
    ("sentence", "place", "actor"),
    [
        ("Moldavia said its jets had not flown over the border that week.", "Moldavia", True),
        ("The Karsk government denied any part in the raid.", "Karsk", True),
        ("A Velmar-backed militia took the ridge.", "Velmar", True),
        ("Envoys urged Karsk to open the crossing.", "Karsk", True),
        # a base or an origin is incidental to the event, but still tells where the story is
        ("Families who fled from Karsk reached the coast.", "Karsk", False),
        ("A group based in Velmar counted the dead.", "Velmar", False),
        ("Shells hit Karsk overnight.", "Karsk", False),
    ],
)
def test_an_actor_is_a_government_or_backer_named_for_its_place(sentence: str, place: str, actor: bool) -> None:
    assert named_as_actor(sentence, place) is actor


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # a document, deadline or process named after a place
        ("The Karsk deadline for the handover passed quietly.", "Karsk", True),
        ("Both sides said the Velmar accords were dead.", "Velmar", True),
        ("Delegates met in Velmar to sign an agreement.", "Velmar", False),
        # a group named for the region it fights in
        ("Fighters of al-Nasr in the Upper Dunes took the well.", "Upper Dunes", True),
        ("A wing of the Islamic State in the Greater Karsk claimed the raid.", "Greater Karsk", True),
        ("Farmers in the Upper Dunes fled the raid.", "Upper Dunes", False),
        ("Fighting in the Upper Dunes went on for a week.", "Upper Dunes", False),
    ],
)
def test_a_place_that_only_names_a_document_or_a_group_is_incidental(sentence: str, place: str, expected: bool) -> None:
    assert incidental(sentence, place) is expected


@pytest.mark.parametrize(
    ("sentence", "place", "clock"),
    [
        ("The truce takes effect at midnight Kinshasa time on Friday.", "Kinshasa", True),
        ("Shelling stopped at 0600 Tbilisi local time, officials said.", "Tbilisi", True),
        ("The deadline expires at noon Baku summer time.", "Baku", True),
        ("Rebels shelled Goma for the first time since March.", "Goma", False),
        ("Troops entered Bunia in time to stop the looting.", "Bunia", False),
    ],
)
def test_a_place_that_names_a_clock_is_no_place_of_events(sentence: str, place: str, clock: bool) -> None:
    from geo.parse.roles import only_names_something_else

    start = sentence.index(place)
    assert only_names_something_else(sentence, start, start + len(place)) is clock


def test_a_truce_timed_by_a_capitals_clock_makes_no_event_there(pipeline) -> None:
    from datetime import date

    from geo.records import Article

    text = "A ceasefire in Nagorno-Karabakh took effect at noon Moscow time, the Kremlin said."
    events = pipeline.events(Article(text, published=date(2020, 10, 10), article_id="clock"))
    assert "Moscow" not in {e.mention for e in events}
