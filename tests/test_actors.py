"""Who fought whom: table aliases, demonyms, the forces of the event's country, civilians."""

from __future__ import annotations

import pytest

from geo.parse.actors import (
    ActorPair,
    armed_groups_named,
    article_names,
    country_name,
    diplomacy_parties,
    find_actors,
    frontline_actors,
    guessed_inter,
    interaction,
    load_actor_table,
    parse_actor_table,
)


def _names(pair: ActorPair) -> set[str]:
    return set(pair.names)


def test_the_table_ships_and_names_groups_as_acled_does() -> None:
    rows = {row.name: row for row in load_actor_table()}
    assert rows["Ansar Allah"].inter == 2
    assert "Houthis" in rows["Ansar Allah"].aliases
    assert rows["Rapid Support Forces"].country_code == "SD"


def test_a_bad_table_row_is_refused_with_its_line() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_actor_table("Some Group\tx\tSD\tSG\n")


def test_aliases_resolve_to_one_name() -> None:
    found = find_actors("Houthi rebels fired on the port, and the Huthis later claimed it.", country_code="YE")
    assert {m.actor.name for m in found} == {"Ansar Allah"}


def test_acronyms_match_only_as_written() -> None:
    assert [m.actor.name for m in find_actors("The RSF entered the market.", country_code="SD")] == [
        "Rapid Support Forces"
    ]
    assert find_actors("The rsf string in a file name means nothing.", country_code="") == ()


def test_demonym_forces_are_that_country_s_military() -> None:
    pair = frontline_actors(
        ["Belarusian troops and Lithuanian soldiers exchanged fire at the crossing."],
        0,
        country_code="LT",
        sub_event_type="armed_clash",
    )
    assert _names(pair) == {"Military Forces of Belarus", "Military Forces of Lithuania"}


def test_a_demonym_before_an_aircraft_s_model_is_that_country_s_military() -> None:
    for sentence, country in (
        ("Algerian F-16s struck rebel camps in the hills overnight.", "Military Forces of Algeria"),
        ("Peruvian Mi-17 helicopters fired on the boats at dawn.", "Military Forces of Peru"),
        ("Chilean T-72 tanks shelled the farm.", "Military Forces of Chile"),
    ):
        found = find_actors(sentence, country_code="XX")
        assert [m.actor.name for m in found][:1] == [country], sentence


def test_soldiers_of_a_named_mission_or_group_are_not_the_host_country_s_army() -> None:
    found = find_actors("AMISOM troops repelled an assault on their base.", country_code="SO")
    assert [m.actor.name for m in found] == ["AUSSOM: African Union Support and Stabilization Mission in Somalia"]
    text = "Dozens of NATO peacekeepers were hurt when stone-throwing crowds rushed the bridge."
    found = find_actors(text, country_code="XK")
    assert "NATO: North Atlantic Treaty Organization" in [m.actor.name for m in found]
    assert not any(m.actor.name.startswith("Military Forces of") for m in found)
    found = find_actors("U.N. troops returned fire after the convoy was hit.", country_code="CF")
    assert [m.actor.name for m in found] == ["United Nations"]
    # The country's own troops are still its army.
    found = find_actors("Troops retook the ridge after the mission's patrol left.", country_code="SO")
    assert [m.actor.name for m in found] == ["Military Forces of Somalia"]


def test_a_people_s_armed_men_written_as_ethnic_are_its_ethnic_militia() -> None:
    found = find_actors("Ethnic Tajik gunmen fired on a bus near the border post.", country_code="KG")
    assert [m.actor.name for m in found] == ["Tajik Ethnic Militia (Kyrgyzstan)"]
    assert found[0].actor.inter == 4
    # Without the word, armed men of no named group stay unidentified.
    found = find_actors("Gunmen fired on a bus near the border post.", country_code="KG")
    assert [m.actor.name for m in found] == ["Unidentified Armed Group (Kyrgyzstan)"]


def test_the_army_is_the_army_of_the_country_where_it_happened() -> None:
    pair = frontline_actors(
        ["The army fought M23 fighters on the hills above the town for six hours."],
        0,
        country_code="CD",
        sub_event_type="armed_clash",
    )
    assert _names(pair) == {"Military Forces of Democratic Republic of Congo", "M23: March 23 Movement"}


def test_a_strike_on_people_has_the_civilians_as_second_actor() -> None:
    pair = frontline_actors(
        ["A Russian drone hit a minibus outside the village, killing two passengers."],
        0,
        country_code="UA",
        sub_event_type="air_strike",
    )
    assert pair.actor1 is not None and pair.actor1.name == "Military Forces of Russia"
    assert pair.actor2 is not None and pair.actor2.name == "Civilians (Ukraine)"
    assert pair.interaction == 17


def test_the_attacker_named_after_by_comes_first() -> None:
    pair = frontline_actors(
        ["Somali troops were ambushed by al-Shabab on the road to the airport."],
        0,
        country_code="SO",
        sub_event_type="armed_clash",
    )
    assert pair.actor1 is not None and pair.actor1.name == "Al Shabaab"
    assert pair.actor2 is not None and pair.actor2.name == "Military Forces of Somalia"


def test_the_other_side_of_a_clash_can_come_from_a_later_sentence() -> None:
    sentences = [
        "Heavy fighting erupted on Monday around the airport of the city.",
        "Residents said the shooting lasted until dawn.",
        "Sudanese army units said they had repelled the attack.",
        "The Rapid Support Forces said they had taken two checkpoints.",
    ]
    pair = frontline_actors(sentences, 0, country_code="SD", sub_event_type="armed_clash")
    assert _names(pair) == {"Military Forces of Sudan", "Rapid Support Forces"}


def test_an_unidentified_attacker_is_an_unidentified_armed_group_of_that_country() -> None:
    pair = frontline_actors(
        ["Unknown gunmen opened fire on villagers at a well, killing four."],
        0,
        country_code="NG",
        sub_event_type="attack_on_civilians",
    )
    assert _names(pair) == {"Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"}


def test_a_group_the_table_does_not_know_is_kept_as_written() -> None:
    # Kept under its name, without the word for its members, as ACLED names a group.
    found = find_actors("Northern Valley Liberation Front militants raided the depot.", country_code="ZZ")
    assert [m.actor.name for m in found] == ["Northern Valley Liberation Front"]
    assert found[0].actor.inter == 2  # a liberation front: a rebel group


def test_an_unknown_group_s_inter_code_comes_from_the_words_that_name_it() -> None:
    assert guessed_inter("Blue Lake Clan militia") == 4  # a clan's militia is an identity militia
    assert guessed_inter("the Harbour Boys gang") == 3
    assert guessed_inter("Southern Plains Liberation Army") == 2
    assert guessed_inter("the Riverside Committee") == 0  # nothing says what it is
    found = find_actors("Copper Hills militiamen burned the market.", country_code="ZZ")
    assert [(m.actor.name, m.actor.inter) for m in found] == [("Copper Hills Militia", 3)]


def test_protesters_and_rioters_are_typed_as_acled_types_them() -> None:
    pair = frontline_actors(
        ["Police fired tear gas at protesters in the capital, and rioters later torched a bus."],
        0,
        country_code="KE",
        sub_event_type="armed_clash",
    )
    assert pair.names == {"Police Forces of Kenya", "Protesters (Kenya)"}
    assert pair.interaction == 16


def test_the_police_among_the_sources_of_a_report_are_no_side() -> None:
    found = find_actors("Two mortar rounds hit a market, police and medics said.", country_code="SO")
    assert found == ()


def test_police_as_a_source_or_a_building_is_no_actor() -> None:
    assert find_actors("A bomb exploded near the police station, police said.", country_code="KE") == ()


def test_the_parties_of_talks() -> None:
    pair = diplomacy_parties(["Armenian and Azerbaijani foreign ministers met in Almaty on Friday."], 0)
    assert pair.names == {"Government of Armenia", "Government of Azerbaijan"}
    pair = diplomacy_parties(["The UN envoy met Houthi negotiators in Muscat."], 0)
    assert pair.names == {"United Nations", "Ansar Allah"}


def test_interaction_codes() -> None:
    assert interaction(2, 1) == 12
    assert interaction(7, 0) == 70
    assert interaction(0, 0) == 0


def test_country_names_follow_acled() -> None:
    assert country_name("ps") == "Palestine"
    assert country_name("CD") == "Democratic Republic of Congo"
    assert country_name("UA") == "Ukraine"


def test_in_gaza_and_the_west_bank_the_army_is_israel_s() -> None:
    pair = frontline_actors(
        ["Troops raided a refugee camp near Nablus before dawn, the army said."],
        0,
        country_code="PS",
        sub_event_type="armed_clash",
    )
    assert pair.names == {"Military Forces of Israel"}


def test_victims_named_by_nationality_are_civilians() -> None:
    pair = frontline_actors(
        ["Israeli shelling killed four Palestinians near the crossing."],
        0,
        country_code="PS",
        sub_event_type="shelling",
    )
    assert pair.names == {"Military Forces of Israel", "Civilians (Palestine)"}


def test_a_backer_is_not_the_force_it_backs() -> None:
    assert find_actors("Rwandan-backed fighters seized the hill.", country_code="CD") == ()


def test_gunmen_of_a_named_group_are_that_group() -> None:
    pair = frontline_actors(
        ["Gunmen from the CODECO militia raided a camp for displaced families, killing nine people."],
        0,
        country_code="CD",
        sub_event_type="attack_on_civilians",
    )
    assert pair.names == {"CODECO: Cooperative for Development of Congo", "Civilians (Democratic Republic of Congo)"}


def test_a_bare_army_is_the_country_s_army() -> None:
    pair = frontline_actors(
        ["Army warplanes bombed a livestock market, killing eleven traders."],
        0,
        country_code="SD",
        sub_event_type="air_strike",
    )
    assert pair.names == {"Military Forces of Sudan", "Civilians (Sudan)"}


def test_a_count_of_fighters_names_no_group() -> None:
    pair = frontline_actors(
        ["Thirty-one fighters were killed in clashes between Houthi rebels and Yemeni government troops."],
        0,
        country_code="YE",
        sub_event_type="armed_clash",
    )
    assert pair.names == {"Ansar Allah", "Military Forces of Yemen"}


def test_the_author_of_a_strike_can_be_named_later_in_the_article() -> None:
    sentences = [
        "Three people were killed when shells struck a market on Monday.",
        "The market had reopened a week earlier.",
        "Traders said the stalls were crowded.",
        "Officials blamed Houthi forces for the attack.",
    ]
    pair = frontline_actors(sentences, 0, country_code="YE", sub_event_type="shelling")
    assert pair.names == {"Ansar Allah", "Civilians (Yemen)"}


def test_organisations_a_recogniser_names_are_kept_when_they_are_armed_groups() -> None:
    sentence = "Fighters of the Eastern Hills Resistance Brigades clashed with the health ministry's guards."
    group = sentence.index("the Eastern")
    spans = [(group, sentence.index(" clashed")), (sentence.index("the health"), sentence.index("'s guards"))]
    found = armed_groups_named(sentence, spans, (), country_code="ZZ")
    assert [m.actor.name for m in found] == ["Eastern Hills Resistance Brigades"]


def test_frontline_actors_read_a_recogniser_s_organisations() -> None:
    sentence = "The Lakeside Liberation Front ambushed an army patrol near the ferry."

    def organisations(text: str) -> list[tuple[int, int]]:
        start = text.find("The Lakeside")
        return [(start, start + len("The Lakeside Liberation Front"))] if start >= 0 else []

    pair = frontline_actors([sentence], 0, country_code="UG", sub_event_type="armed_clash", organisations=organisations)
    assert pair.names == {"Lakeside Liberation Front", "Military Forces of Uganda"}


def test_the_host_of_talks_is_not_a_party_when_two_others_are_named() -> None:
    sentences = ["Ethiopian and Eritrean envoys met in Nairobi on Monday, Kenyan officials said."]
    assert diplomacy_parties(sentences, 0, country_code="KE").names == {
        "Government of Ethiopia",
        "Government of Eritrea",
    }
    sentences = ["Turkish and Russian leaders signed the deal in Sochi."]
    assert diplomacy_parties(sentences, 0, country_code="RU").names == {"Government of Turkey", "Government of Russia"}


def test_a_capital_s_troops_are_its_state_s_forces() -> None:
    found = find_actors("Moscow's troops shell the town almost daily.", country_code="UA")
    assert [m.actor.name for m in found] == ["Military Forces of Russia"]


def test_a_demonym_in_a_group_s_name_is_not_the_state() -> None:
    found = find_actors("Fighters of the Chadian Patriotic Forces overran the town.", country_code="TD")
    assert [(m.actor.name, m.actor.inter) for m in found] == [("Chadian Patriotic Forces", 2)]
    # The state's own forces keep their name.
    found = find_actors("Chadian Armed Forces retook the town.", country_code="TD")
    assert [m.actor.name for m in found] == ["Military Forces of Chad"]


def test_who_attacks_a_barracks_fights_the_forces_in_it() -> None:
    pair = frontline_actors(
        ["Desert Dawn Front militants stormed a gendarmerie post and the air base outside Zinder at dawn."],
        0,
        country_code="NE",
        sub_event_type="armed_clash",
    )
    assert pair.names == {"Desert Dawn Front", "Military Forces of Niger"}


def test_a_group_s_name_shared_by_its_branch_means_the_branch_in_that_branch_s_country() -> None:
    # The Islamic State's branch in Mozambique is its own actor there; in Iraq it is the parent group.
    in_mozambique = find_actors("Fighters of the Islamic State raided Mueda overnight.", country_code="MZ")
    assert [m.actor.name for m in in_mozambique] == ["Islamic State (Mozambique)"]
    in_afghanistan = find_actors("Fighters of the Islamic State raided Jalalabad overnight.", country_code="AF")
    assert [m.actor.name for m in in_afghanistan] == ["Islamic State Khorasan Province"]
    in_iraq = find_actors("Fighters of the Islamic State raided Tikrit overnight.", country_code="IQ")
    assert [m.actor.name for m in in_iraq] == ["Islamic State"]
    # A country with no branch of its own gets the group of no one country, not a branch abroad.
    in_chad = find_actors("Fighters of the Islamic State raided Bol overnight.", country_code="TD")
    assert [m.actor.name for m in in_chad] == ["Islamic State"]


def test_the_rival_armies_of_a_split_country_stay_apart() -> None:
    sentences = ["GNA forces pushed Haftar's troops out of Sirte on Monday, a spokesman in Misrata said."]
    pair = frontline_actors(sentences, 0, country_code="LY", sub_event_type="territory_change")
    assert _names(pair) == {"Military Forces of Libya", "LNA: Libyan National Army"}


def test_the_article_s_own_word_for_a_war_s_group_resolves_its_unnamed_fighters() -> None:
    # "separatist fighters" is how articles of that war name its group: "the terrorists"
    # of another sentence of the same article are that group, not an unidentified one.
    sentences = [
        "The ministry said its troops had killed separatist fighters near Kumbo on Tuesday.",
        "The army said it had neutralised four terrorists in a second raid near Ndu.",
    ]
    pair = frontline_actors(sentences, 1, country_code="CM", sub_event_type="armed_clash")
    assert _names(pair) == {"Military Forces of Cameroon", "Ambazonian Separatists"}


def test_migrants_and_pupils_hit_by_an_attack_are_civilians() -> None:
    sentences = ["An LNA air strike hit a shelter for migrants in Zawiya, killing nine migrants."]
    pair = frontline_actors(sentences, 0, country_code="LY", sub_event_type="armed_clash")
    assert _names(pair) == {"LNA: Libyan National Army", "Civilians (Libya)"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan and Somali troops retook the port of Kismayo from the militants of Al Shabaab on Friday.",
        "Kenyan troops, alongside Somali soldiers, retook the port of Kismayo from Al Shabaab on Friday.",
    ],
)
def test_two_armies_on_one_side_face_the_group_they_fought(sentence: str) -> None:
    pair = frontline_actors([sentence], 0, country_code="SO", sub_event_type="territory_change")
    assert pair.names == {"Military Forces of Kenya", "Al Shabaab"}
    assert [a.name for a in (*pair.assoc1, *pair.assoc2)] == ["Military Forces of Somalia"]


def test_two_armies_that_clash_are_the_two_sides() -> None:
    pair = frontline_actors(["Eritrean and Ethiopian troops clashed near Badme."], 0, country_code="ER")
    assert pair.names == {"Military Forces of Eritrea", "Military Forces of Ethiopia"}


def test_separatists_the_table_does_not_know_are_kept_as_written_as_a_rebel_group() -> None:
    (mention,) = find_actors("Casamance separatists ambushed a patrol near Ziguinchor.", country_code="SN")
    assert mention.actor.name == "Casamance Separatists"  # capitalised, as ACLED writes a name
    assert guessed_inter(mention.actor.name) == 2 and mention.actor.inter == 2
    # "Pro-X" tells an allegiance, not a name: such fighters are no named group.
    assert not find_actors("Pro-Zorlandian separatists shelled the port.", country_code="SN")


def test_an_unknown_rebel_movement_is_kept_under_its_written_name_as_a_rebel_group() -> None:
    pair = frontline_actors(
        ["Lake Basin Patriotic Movement rebels overran an army post near Kibondo on Monday, officials said."],
        0,
        country_code="TZ",
        sub_event_type="armed_clash",
    )
    rebels = next(a for a in (pair.actor1, pair.actor2) if a is not None and a.inter != 1)
    assert rebels.name == "Lake Basin Patriotic Movement" and rebels.inter == 2
    assert _names(pair) == {"Lake Basin Patriotic Movement", "Military Forces of Tanzania"}


def test_the_army_of_a_story_set_in_one_country_is_that_country_s_military() -> None:
    story = [
        "Gunmen ambushed a convoy on the road out of Kolda on Sunday.",
        "The army said it killed four of the attackers and lost two soldiers.",
    ]
    pair = frontline_actors(story, 1, country_code="SN", sub_event_type="armed_clash")
    assert "Military Forces of Senegal" in _names(pair)


def test_a_group_named_with_its_acronym_takes_acled_s_form_in_every_sentence() -> None:
    story = [
        "The Copper Coast Liberation Front (CCLF) said it had seized the port of Marevo on Friday.",
        "CCLF fighters then fought soldiers in the streets for hours.",
    ]
    first = frontline_actors(story, 0, country_code="TZ", sub_event_type="armed_clash")
    second = frontline_actors(story, 1, country_code="TZ", sub_event_type="armed_clash")
    assert "CCLF: Copper Coast Liberation Front" in _names(first)
    assert _names(second) == {"CCLF: Copper Coast Liberation Front", "Military Forces of Tanzania"}


def test_a_name_the_article_gave_a_group_is_that_group_when_written_bare() -> None:
    story = [
        "Nokor fighters stormed the market town of Bisora on Monday.",
        "Troops retook Bisora from the Nokor on Tuesday after a day of fighting.",
    ]
    pair = frontline_actors(story, 1, country_code="TZ", sub_event_type="armed_clash")
    assert _names(pair) == {"Nokor", "Military Forces of Tanzania"}


def test_a_member_word_and_the_country_s_name_are_not_part_of_a_group_s_name() -> None:
    assert [m.actor.name for m in find_actors("Zarovian Tigers militants shelled the bridge.", country_code="ZZ")] == [
        "Zarovian Tigers"
    ]
    found = find_actors("Copper Hills militiamen burned the market.", country_code="ZZ")
    assert [m.actor.name for m in found] == ["Copper Hills Militia"]


def test_a_local_name_of_a_group_means_it_only_in_its_own_country() -> None:
    # Mozambique's insurgents are locally "al-Shabab"; in Kenya the name is Somalia's group.
    # The police post they attacked is the police they fought.
    in_kenya, kenyan_police = find_actors("Al-Shabaab fighters attacked a police post in Mandera.", country_code="KE")
    in_mozambique, _ = find_actors("Al-Shabaab fighters attacked a police post in Macomia.", country_code="MZ")
    assert in_kenya.actor.name == "Al Shabaab"
    assert in_mozambique.actor.name == "Islamic State (Mozambique)"
    assert kenyan_police.actor.name == "Police Forces of Kenya"
    rows = parse_actor_table("Some Group\t2\tZZ\tSome Group|~SG\n")
    assert rows[0].aliases == ("Some Group", "SG") and rows[0].local == frozenset({"sg"})


def test_us_forces_are_read_from_the_initials_only_as_written() -> None:
    assert [m.actor.name for m in find_actors("U.S. jets struck the depot.", country_code="SY")] == [
        "Military Forces of United States"
    ]
    assert not [m for m in find_actors("He told us jets had struck.", country_code="SY") if "United" in m.actor.name]


def test_the_table_covers_wars_across_the_world() -> None:
    rows = load_actor_table()
    countries_with_groups = {r.country_code for r in rows if r.inter != 1 and r.country_code}
    assert len(countries_with_groups) >= 45
    names = {r.name for r in rows}
    assert {"LTTE: Liberation Tigers of Tamil Eelam", "Shining Path", "LRA: Lord's Resistance Army"} <= names


def test_fighters_of_a_named_council_or_group_are_that_group() -> None:
    found = find_actors(
        "Fighters of the Harbour Defence Council clashed with the presidential guard.", country_code="ZZ"
    )
    group = next(m.actor for m in found if m.actor.inter != 1)
    assert group.name == "Harbour Defence Council" and group.inter != 0
    # A government's forces are no armed group named by the words.
    assert all(
        "Government" not in m.actor.name
        for m in find_actors("Forces of the Government of Unity entered the town.", country_code="ZZ")
    )


def test_an_arabic_article_begins_a_group_s_name() -> None:
    (mention,) = find_actors("Mortar shells fired by al-Zahra militants hit the port.", country_code="ZZ")
    assert mention.actor.name == "Al-Zahra"


def test_men_said_to_belong_to_a_group_are_that_group_and_its_acronym_joins_its_name() -> None:
    story = [
        "Armed men believed to belong to Zulu Dawn stormed a school in Kibo overnight.",
        "Zulu Dawn has attacked schools in the region before.",
    ]
    pair = frontline_actors(story, 0, country_code="TZ", sub_event_type="attack_on_civilians")
    assert "Zulu Dawn" in _names(pair) and not any(n.startswith("Unidentified") for n in _names(pair))
    names = article_names(
        ["Fighters of the Harbour Defence Forces held the bridge at Kibo.", "Two HDF fighters were killed."], "TZ"
    )
    assert names["HDF"].name == names["Harbour Defence Forces"].name == "HDF: Harbour Defence Forces"


def test_the_group_that_claimed_an_attack_is_named_by_the_claim() -> None:
    claimed = find_actors("The blast, claimed by the Zulu Dawn movement, killed four.", country_code="TZ")
    assert [m.actor.name for m in claimed] == ["Zulu Dawn"]
    owner = find_actors("Zulu Dawn claimed responsibility for the bombing.", country_code="TZ")
    assert [m.actor.name for m in owner] == ["Zulu Dawn"]
    assert not find_actors("Nobody claimed responsibility for the bombing.", country_code="TZ")
    # A state, its capital or what a state owns is no group named by a claim.
    for text in (
        "Moscow claimed responsibility for the strike.",
        "The strike was claimed by Russia's defence ministry.",
    ):
        assert all(m.actor.name.startswith("Military Forces of") for m in find_actors(text, country_code="UA"))


def test_a_bombs_people_are_its_victims_not_the_force_it_was_meant_for() -> None:
    # The sentence names the group blamed and the people killed; the army is named only as the
    # bomb's intended target, in the next sentence.
    sentences = [
        "A roadside bomb killed four farmers on a village road near Catarman on Friday, police said, "
        "blaming New People's Army guerrillas.",
        "The army said the device had been meant for its patrols.",
    ]
    pair = frontline_actors(sentences, 0, country_code="PH", sub_event_type="explosion")
    assert (pair.actor1.name, pair.actor2.name) == ("NPA: New People's Army", "Civilians (Philippines)")
