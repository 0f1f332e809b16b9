"""Who fought whom in a war the actor table has no rows for: what the text alone tells.

Every group here is made up, so only the general rules can name it: the sentence's
structure, the article's other sentences, the words that name forces and their victims.
"""

from __future__ import annotations

from datetime import date

from geo.formats.acled import acled_row
from geo.parse.actors import (
    ActorPair,
    article_names,
    fighting_organisations,
    find_actors,
    frontline_actors,
    parse_actor_table,
)
from geo.parse.clauses import SentenceSyntax, sentence_syntax
from geo.records import Article
from geo.store.merge import coded_fields
from tests.palmyra import palmyra_event


def _pair(nlp, sentences: list[str], index: int, country_code: str, sub_event_type: str = "armed_clash") -> ActorPair:
    syntax = [sentence_syntax(nlp(s))[0] for s in sentences]
    return frontline_actors(sentences, index, country_code=country_code, sub_event_type=sub_event_type, syntax=syntax)


def _sides(pair: ActorPair) -> tuple[str, str]:
    return (pair.actor1.name if pair.actor1 else "", pair.actor2.name if pair.actor2 else "")


def test_army_inside_a_group_s_capitalised_name_is_the_group_not_the_state() -> None:
    found = {m.text: m.actor for m in find_actors("The Copper Hills Army shelled the town.", country_code="MW")}
    assert found["Copper Hills Army"].name == "Copper Hills Army"
    assert found["Copper Hills Army"].inter == 2


def test_a_country_s_own_words_for_its_forces_in_capitals_are_its_military() -> None:
    text = "The Malawi Defence Force and the Zambian National Defence Force patrolled the border."
    names = [m.actor.name for m in find_actors(text, country_code="MW")]
    assert names == ["Military Forces of Malawi", "Military Forces of Zambia"]


def test_a_group_named_like_a_country_s_army_with_words_no_state_uses_is_a_group() -> None:
    names = article_names(["The Malawi People's Democratic Alliance Army (MPDAA) said it had taken the hill."], "MW")
    assert names["MPDAA"].name == "MPDAA: Malawi People's Democratic Alliance Army"


def test_a_people_s_rebels_are_the_one_group_the_article_names_after_that_people(nlp) -> None:
    sentences = [
        "Chewa rebels attacked army posts around Dedza on Saturday, residents said.",
        "The Chewa National Liberation Army took the last base in the district this month.",
    ]
    pair = _pair(nlp, sentences, 0, "MW")
    assert _sides(pair) == ("Chewa National Liberation Army", "Military Forces of Malawi")


def test_a_front_s_fighters_that_attacked_an_army_post_face_the_country_s_forces(nlp) -> None:
    pair = _pair(nlp, ["Northern Liberation Front fighters attacked a Malawian army post near Karonga."], 0, "MW")
    assert _sides(pair) == ("Northern Liberation Front", "Military Forces of Malawi")
    assert pair.interaction == 12


def test_its_military_describing_a_thing_is_not_the_speaker_s_forces(nlp) -> None:
    sentences = [
        "Zambia's foreign ministry on Monday called for calm, two days after the Luangwa Front captured"
        " the Malawian town of Mchinji and its military command headquarters."
    ]
    pair = _pair(nlp, sentences, 0, "MW", "territory_change")
    assert pair.actor1 is not None and pair.actor1.name == "Luangwa Front"
    assert "Military Forces of Zambia" not in pair.names


def test_a_country_that_leads_a_coalition_is_the_author_of_its_strikes(nlp) -> None:
    sentences = ["A Kenyan-led coalition warplane struck a lorry near Baidoa, killing four people, officials said."]
    pair = _pair(nlp, sentences, 0, "SO", "air_strike")
    assert _sides(pair) == ("Military Forces of Kenya", "Civilians (Somalia)")


def test_soldiers_accused_of_killing_young_men_attacked_civilians(nlp) -> None:
    sentences = [
        "Residents of Mbala accused soldiers on Friday of killing three young men during a search of the town.",
        "The army says its operations target armed separatists.",
    ]
    pair = _pair(nlp, sentences, 0, "ZM")
    assert _sides(pair) == ("Military Forces of Zambia", "Civilians (Zambia)")


def test_the_group_that_claimed_an_attack_is_the_attacker_when_its_sentence_names_none(nlp) -> None:
    sentences = [
        "A car bomb blew up at an army checkpoint in Kasama on Monday, killing four soldiers, officials said.",
        "A police officer at the scene said the driver had refused to stop.",
        "The Copperbelt Jihad Front said it was behind the attack.",
    ]
    pair = _pair(nlp, sentences, 0, "ZM", "explosion")
    assert pair.names == {"Copperbelt Jihad Front", "Military Forces of Zambia"}


def test_a_backer_s_air_strikes_make_it_a_helper_not_a_side(nlp) -> None:
    sentences = [
        "The Lake Shore Forces took the town of Nkhata on Friday after a week of battles backed by air strikes"
        " from the US-led coalition.",
        "At least 20 Northern Liberation Front militants were killed in the final push.",
    ]
    pair = _pair(nlp, sentences, 0, "MW", "territory_change")
    assert pair.names == {"Lake Shore Forces", "Northern Liberation Front"}


def test_the_forces_a_group_s_acronym_owns_are_the_group_s_not_the_state_s() -> None:
    found = find_actors("The KLF's internal security forces sealed off the market.", country_code="MW")
    assert [(m.text, m.actor.name) for m in found] == [("KLF", "KLF")]


def test_a_bomb_whose_sentence_names_only_the_side_it_hit_was_planted_by_someone_else(nlp) -> None:
    sentences = [
        "A bomb hidden in a cart exploded near a checkpoint of the Lake Shore Forces in Nkhata on Monday,"
        " killing three of its fighters.",
        "No group claimed the blast.",
    ]
    pair = _pair(nlp, sentences, 0, "MW", "explosion")
    assert _sides(pair) == ("Unidentified Armed Group (Malawi)", "Lake Shore Forces")


def test_a_group_that_claimed_the_launch_of_rockets_fired_them(nlp) -> None:
    sentences = [
        "Several rockets were fired towards the airport in Lilongwe early on Monday, officials said.",
        "The Copperbelt Jihad Front claimed the launch.",
    ]
    pair = _pair(nlp, sentences, 0, "MW", "shelling")
    assert pair.actor1 is not None and pair.actor1.name == "Copperbelt Jihad Front"
    assert pair.actor1.inter == 2


def _report(event_id: str, actor1: str, inter1: int, actor2: str, inter2: int):
    return palmyra_event(
        event_id=event_id, article_id=event_id, actor1=actor1, inter1=inter1, actor2=actor2, inter2=inter2
    )


def test_a_happening_s_reports_naming_a_group_by_acronym_and_in_full_name_one_actor() -> None:
    fields = coded_fields(
        [
            _report("a", "Copperbelt Jihad Front", 2, "LSF", 2),
            _report("b", "Copperbelt Jihad Front", 2, "LSF: Lake Shore Forces", 2),
            _report("c", "Military Forces of Malawi", 1, "Civilians (Malawi)", 7),
        ]
    )
    assert {fields.actor1, fields.actor2} == {"Copperbelt Jihad Front", "LSF: Lake Shore Forces"}


def test_gunmen_one_report_leaves_unidentified_are_the_group_another_names_not_the_side_they_hit() -> None:
    fields = coded_fields(
        [
            _report("a", "Unidentified Armed Group (Malawi)", 3, "LSF: Lake Shore Forces", 2),
            _report("b", "Copperbelt Jihad Front", 2, "LSF: Lake Shore Forces", 2),
            _report("c", "LSF: Lake Shore Forces", 2, "Civilians (Malawi)", 7),
        ]
    )
    assert (fields.actor1, fields.actor2) == ("Copperbelt Jihad Front", "LSF: Lake Shore Forces")
    assert fields.interaction == 22


def test_a_people_s_name_in_the_plural_is_the_group_the_article_named_by_it(nlp) -> None:
    sentences = [
        "Tumbuka rebels have held the hills above Rumphi since March.",
        "A mortar shell fired by the Tumbukas hit the market in Rumphi on Sunday, killing two children.",
    ]
    pair = _pair(nlp, sentences, 1, "MW", "shelling")
    assert _sides(pair) == ("Tumbuka", "Civilians (Malawi)")


def test_suicide_bombers_are_the_group_the_article_names_else_unidentified(nlp) -> None:
    named = [
        "Two suicide bombers blew themselves up at a market in Mangochi on Sunday, killing 12 people.",
        "The Lake Shore Forces have sent bombers into crowded places before.",
    ]
    assert _pair(nlp, named, 0, "MW", "explosion").names == {"Lake Shore Forces", "Civilians (Malawi)"}
    unnamed = named[:1]
    assert _pair(nlp, unnamed, 0, "MW", "explosion").names == {
        "Unidentified Armed Group (Malawi)",
        "Civilians (Malawi)",
    }


def test_the_army_that_manned_a_checkpoint_a_bomber_rammed_was_hit_not_the_attacker(nlp) -> None:
    sentences = [
        "Several people were killed in Zomba when a suicide bomber rammed a car into a checkpoint manned by"
        " the Malawian army.",
        "The Copperbelt Jihad Front said it carried out the bombing.",
    ]
    pair = _pair(nlp, sentences, 0, "MW", "explosion")
    assert _sides(pair) == ("Copperbelt Jihad Front", "Military Forces of Malawi")


def test_gunmen_a_group_s_name_comes_before_are_that_group_s() -> None:
    found = find_actors("Four officers died when al-Tawhid gunmen stormed a police post.", country_code="MW")
    assert [m.actor.name for m in found if m.actor.inter != 1] == ["Al-Tawhid"]


def test_the_acled_export_types_a_made_up_front_and_the_army_it_attacked(pipeline) -> None:
    text = (
        "Northern Liberation Front fighters attacked a Malawian army post near Karonga on Tuesday,"
        " killing four soldiers."
    )
    events = pipeline.events(Article(text, published=date(2025, 3, 6), article_id="unseen-war"))
    (event,) = [e for e in events if e.event_type == "frontline" and e.mention == "Karonga"]
    row = acled_row(event)
    assert (row["actor1"], row["inter1"]) == ("Northern Liberation Front", "2")
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Military Forces of Malawi", "1", "12")
    assert row["fatalities"] == "4"


def test_a_man_s_army_is_a_group_even_when_its_name_sounds_like_a_state_s() -> None:
    sentences = [
        "Colonel Phiri's Malawian National Army shelled the port of Nkhata on Sunday.",
        "An MNA spokesman said the town would be taken within days.",
        "Phiri's forces have besieged the port since May.",
    ]
    names = article_names(sentences, "MW")
    assert names["MNA"].name == names["Malawian National Army"].name == "MNA: Malawian National Army"
    assert names["MNA"].inter == 2
    pair = frontline_actors(sentences, 2, country_code="MW", sub_event_type="armed_clash")
    assert pair.actor1 is not None and pair.actor1.name == "MNA: Malawian National Army"


def test_the_acronym_of_a_government_the_article_names_is_the_state_s_forces() -> None:
    sentences = [
        "Forces of the Government of National Unity entered Nkhata on Friday, officials said.",
        "GNU fighters met little resistance from the Lakeshore rebels.",
    ]
    pair = frontline_actors(sentences, 1, country_code="MW", sub_event_type="territory_change")
    assert pair.names == {"Military Forces of Malawi", "Lakeshore"}


def test_a_people_s_self_defence_groups_that_attacked_herders_face_civilians(nlp) -> None:
    pair = _pair(nlp, ["Sena self-defence groups attacked herders near Caia on Sunday, killing six."], 0, "MZ")
    assert pair.actor1 is not None and pair.actor1.name == "Sena Self-defence Groups"
    assert pair.actor1.inter == 4
    assert pair.actor2 is not None and pair.actor2.name == "Civilians (Mozambique)"
    assert pair.interaction == 47


def test_whoever_an_attack_is_by_is_an_armed_side_and_comes_first(nlp) -> None:
    pair = _pair(nlp, ["Troops repelled an attack by the Sahel Brotherhood on their base near Djibo."], 0, "BF")
    assert _sides(pair) == ("Sahel Brotherhood", "Military Forces of Burkina Faso")


def test_a_town_seized_from_troops_was_lost_by_them(nlp) -> None:
    sentences = ["The Zambezi Valley Movement seized the town of Tete from government troops on Friday."]
    pair = _pair(nlp, sentences, 0, "MZ", "territory_change")
    assert _sides(pair) == ("Zambezi Valley Movement", "Military Forces of Mozambique")


def test_clashes_between_two_named_militias_are_the_two_sides(nlp) -> None:
    sentences = ["Clashes between Bantu militiamen and Twa fighters near Manono left 20 dead on Monday."]
    pair = _pair(nlp, sentences, 0, "CD")
    assert pair.names == {"Bantu Militia", "Twa"}


def _parties(nlp, sentence: str, country_code: str = "") -> set[str]:
    from geo.parse.actors import diplomacy_parties

    return set(diplomacy_parties([sentence], 0, country_code=country_code, syntax=sentence_syntax(nlp(sentence))).names)


def test_talks_between_two_states_no_list_knows_have_both_as_parties(nlp) -> None:
    sentence = "Talks between Ruritania and Freedonia resumed in the capital on Monday."
    assert _parties(nlp, sentence) == {"Ruritania", "Freedonia"}


def test_the_envoys_of_two_made_up_states_are_their_states(nlp) -> None:
    assert _parties(nlp, "Envoys of Ruritania and Freedonia met in Zenda on Friday.") == {"Ruritania", "Freedonia"}


def test_the_states_that_agreed_are_the_parties_not_the_country_the_deal_is_about(nlp) -> None:
    sentence = "Chile and Peru agreed on Monday to a buffer zone along Bolivia's western border."
    assert _parties(nlp, sentence, "CL") == {"Government of Chile", "Government of Peru"}


def test_capitals_stand_for_their_states_at_talks(nlp) -> None:
    sentence = "Negotiators from Lima and Santiago wrapped up a round of talks in Quito on Tuesday."
    assert _parties(nlp, sentence, "EC") == {"Government of Peru", "Government of Chile"}


def test_a_dateline_s_country_is_not_a_party(nlp) -> None:
    sentence = "QUITO, Ecuador -- Peru's government and the Andean Dawn Front agreed on Thursday to a truce."
    assert _parties(nlp, sentence, "EC") == {"Government of Peru", "Andean Dawn Front"}


def test_the_name_a_group_calls_itself_is_kept_for_the_other_name_the_article_uses(nlp) -> None:
    sentences = [
        "The Sons of Thunder movement, as the Blue Caps call themselves, has fought the army since 2019.",
        "Blue Cap fighters attacked an army post near Karonga on Sunday, killing four soldiers.",
    ]
    assert _sides(_pair(nlp, sentences, 1, "MW")) == ("Sons of Thunder", "Military Forces of Malawi")


def test_a_group_known_locally_by_another_name_keeps_its_first_name() -> None:
    names = article_names(["The Dorian Front, known locally as the Blue Caps, has held the hills for a year."], "MW")
    assert names["Blue Caps"].name == "Dorian Front"
    assert names["Dorian Front"].inter == 2


def test_the_faction_an_article_says_carried_out_an_abduction_is_its_author(nlp) -> None:
    sentences = [
        "Residents said a faction known as the Dorian Front carried out the abduction.",
        "Gunmen stormed a school in Euthini on Monday night and took 30 pupils.",
    ]
    assert _sides(_pair(nlp, sentences, 1, "MW", "abduction")) == ("Dorian Front", "Civilians (Malawi)")


def test_an_organisation_that_seized_villages_is_the_militants_of_a_later_sentence(nlp) -> None:
    sentences = [
        "The Dorian Brotherhood seized two villages in Mzimba district last week, residents said.",
        "Officials said the group had grown since March.",
        "On Sunday the militants attacked an army post in Euthini, killing two soldiers.",
    ]
    assert _sides(_pair(nlp, sentences, 2, "MW")) == ("Dorian Brotherhood", "Military Forces of Malawi")


def test_an_organisation_that_only_reports_an_attack_is_no_side(nlp) -> None:
    sentences = ["The Dorian Brotherhood said gunmen attacked an army post in Euthini on Sunday, killing two soldiers."]
    assert _sides(_pair(nlp, sentences, 0, "MW")) == ("Unidentified Armed Group (Malawi)", "Military Forces of Malawi")


def test_the_group_an_article_says_is_blamed_for_a_raid_made_it(nlp) -> None:
    sentences = [
        "Gunmen raided a boarding school in Euthini on Monday night and took 30 pupils, officials said.",
        "The Dorian Liberation Army, which opposes schooling in English, is widely blamed for the kidnapping.",
    ]
    assert _sides(_pair(nlp, sentences, 0, "MW")) == ("Dorian Liberation Army", "Civilians (Malawi)")


def test_the_group_the_government_blamed_made_the_attack(nlp) -> None:
    sentences = [
        "Gunmen stormed a clinic in Euthini on Saturday, killing four patients, local officials said.",
        "The government blamed Tumbuka separatists, who have ordered clinics in the north to close.",
    ]
    assert _sides(_pair(nlp, sentences, 0, "MW")) == ("Tumbuka Separatists", "Civilians (Malawi)")


def test_a_claim_outranks_a_blame(nlp) -> None:
    sentences = [
        "Gunmen stormed a clinic in Euthini on Saturday, killing four patients, local officials said.",
        "The government blamed Tumbuka separatists for the attack.",
        "The Dorian Liberation Army claimed responsibility for the attack on Sunday.",
    ]
    assert _sides(_pair(nlp, sentences, 0, "MW"))[0] == "Dorian Liberation Army"


def test_the_acled_export_codes_a_group_by_the_name_it_calls_itself(pipeline) -> None:
    text = (
        "The Sons of Thunder movement, as the Blue Caps call themselves, has fought Malawi's army since 2019.\n\n"
        "Blue Cap fighters attacked an army post near Karonga on Tuesday, killing four soldiers."
    )
    events = pipeline.events(Article(text, published=date(2025, 3, 6), article_id="unseen-self-name"))
    (event,) = [e for e in events if e.event_type == "frontline" and e.mention == "Karonga"]
    row = acled_row(event)
    assert (row["actor1"], row["inter1"]) == ("Sons of Thunder", "2")
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("Military Forces of Malawi", "1", "12")


def test_the_acled_export_gives_both_parties_of_talks_between_two_states(pipeline) -> None:
    text = "Talks between Ruritania and Freedonia opened in Lilongwe on Monday, Malawian officials said."
    events = pipeline.events(Article(text, published=date(2025, 3, 6), article_id="unseen-talks"))
    (event,) = [e for e in events if e.event_type == "diplomacy"]
    row = acled_row(event)
    assert {row["actor1"], row["actor2"]} == {"Ruritania", "Freedonia"}


def test_a_neighbour_told_of_another_year_lends_no_side(nlp) -> None:
    sentences = [
        "Government helicopters dropped barrel bombs on Dedza on Monday, killing three members of one family.",
        "The town is remembered for the massacre of May 2017, which prompted Zambian air strikes on a Malawian base.",
        "The bombing came on the same day as a deadly air strike on the market in Ntcheu, further north.",
    ]
    pair = _pair(nlp, sentences, 2, "MW", "air_strike")
    assert _sides(pair) == ("Military Forces of Malawi", "Civilians (Malawi)")


def test_the_side_a_neighbour_says_shells_the_town_made_the_strike(nlp) -> None:
    sentences = [
        "Malawi's army uses the town as a staging ground, and Zambian troops shell it daily.",
        "On Thursday a drone attack killed a man in Chitipa, officials said.",
    ]
    pair = _pair(nlp, sentences, 1, "MW", "air_strike")
    assert _sides(pair) == ("Military Forces of Zambia", "Civilians (Malawi)")


def test_a_man_s_forces_are_his_group_not_the_state_s() -> None:
    found = find_actors("Rockets fired by Dago's forces fell on homes in Nkhata Bay.", country_code="MW")
    assert [(m.text, m.actor.name) for m in found] == [("Dago's forces", "Dago's Forces")]
    # A country's or a capital's forces stay the state's.
    found = find_actors("Rockets fired by Lilongwe's forces fell on homes.", country_code="MW")
    assert [m.actor.name for m in found] == ["Military Forces of Malawi"]


def test_a_man_s_forces_are_the_army_the_article_says_he_owns(nlp) -> None:
    sentences = [
        "Colonel Dago, whose Northern Defence Force holds the lake shore, denies shelling the port.",
        "Rockets fired by Dago's forces hit the market in Nkhata Bay on Sunday, killing two children.",
    ]
    assert _sides(_pair(nlp, sentences, 1, "MW", "shelling")) == ("Northern Defence Force", "Civilians (Malawi)")


def test_who_fired_a_missile_is_the_side_that_struck(nlp) -> None:
    sentences = ["A missile fired by the Dorian Brotherhood hit a camp near Dedza on Sunday, killing four people."]
    assert _sides(_pair(nlp, sentences, 0, "MW", "shelling")) == ("Dorian Brotherhood", "Civilians (Malawi)")


def test_a_group_that_carried_off_pupils_attacked_civilians_not_the_soldiers_it_overpowered(nlp) -> None:
    sentences = [
        "Fighters of the Dorian Liberation Army stormed a boarding school in Euthini on Monday night and drove"
        " away with dozens of pupils, officials said.",
        "The attackers overpowered the few soldiers guarding the town.",
    ]
    assert _sides(_pair(nlp, sentences, 0, "MW")) == ("Dorian Liberation Army", "Civilians (Malawi)")


def test_militants_who_stormed_a_police_station_fought_the_police(nlp) -> None:
    sentence = "Militants of the Eastern Mujahideen Council stormed a police station in Kurram."
    assert _sides(_pair(nlp, [sentence], 0, "PK", "attack")) == (
        "Eastern Mujahideen Council",
        "Police Forces of Pakistan",
    )


def test_a_police_station_only_named_as_a_place_is_no_side() -> None:
    names = [m.actor.name for m in find_actors("Rebels shelled the town near the police station.", country_code="PK")]
    assert "Police Forces of Pakistan" not in names


def test_a_group_that_shot_down_a_government_helicopter_fought_the_state(nlp) -> None:
    sentence = "The Blue Lake Brigade said its fighters had shot down a government helicopter over Sirte."
    assert _sides(_pair(nlp, [sentence], 0, "LY")) == ("Blue Lake Brigade", "Military Forces of Libya")


def test_a_group_s_name_runs_on_through_of_the() -> None:
    found = [
        m.actor.name
        for m in find_actors("Fighters of the Liberation Army of the Hills shelled Ndola.", country_code="ZM")
    ]
    assert found[0] == "Liberation Army of the Hills"


def test_a_name_the_table_knows_only_the_start_of_is_another_group() -> None:
    text = "The People's Liberation Army of Zambia shelled the town."
    found = [m.actor.name for m in find_actors(text, country_code="ZM")]
    assert found == ["People's Liberation Army of Zambia"]


def test_a_movement_named_after_a_country_is_a_group_not_its_army() -> None:
    found = [m.actor.name for m in find_actors("The Zambia Movement for Justice attacked a post.", country_code="ZM")]
    assert found == ["Zambia Movement for Justice"]


def test_an_acronym_in_another_language_s_order_names_the_group() -> None:
    names = article_names(["Rebels of the Zambian Popular Front (FPZ) attacked a post near Ndola."], "ZM")
    assert names["FPZ"].name == "FPZ: Zambian Popular Front"


def test_a_group_that_said_its_fighters_attacked_is_named_as_the_article_names_it(nlp) -> None:
    sentences = ["The Copper Belt Front (CBF) said its fighters attacked an army base near Ndola on Sunday."]
    pair = _pair(nlp, sentences, 0, "ZM")
    assert set(_sides(pair)) == {"CBF: Copper Belt Front", "Military Forces of Zambia"}


def test_a_bomb_no_one_is_named_for_that_killed_people_is_an_unidentified_group_s(nlp) -> None:
    pair = _pair(nlp, ["A bomb went off at a bus station in Ndola, killing nine people."], 0, "ZM", "explosion")
    assert _sides(pair) == ("Unidentified Armed Group (Zambia)", "Civilians (Zambia)")


def test_a_blast_people_only_heard_has_no_victims(nlp) -> None:
    pair = _pair(nlp, ["Residents of Ndola heard a loud blast near the airport at dawn."], 0, "ZM", "explosion")
    assert pair.actor1 is None


def test_troops_that_shot_a_village_elder_attacked_civilians(nlp) -> None:
    pair = _pair(nlp, ["Troops shot dead a village elder during a search near Ndola on Friday."], 0, "ZM")
    assert set(_sides(pair)) == {"Military Forces of Zambia", "Civilians (Zambia)"}


def test_supporters_rallying_that_soldiers_fired_on_are_protesters(nlp) -> None:
    sentences = ["Soldiers fired on opposition supporters rallying outside the stadium in Ndola, killing four."]
    pair = _pair(nlp, sentences, 0, "ZM")
    assert set(_sides(pair)) == {"Military Forces of Zambia", "Protesters (Zambia)"}


def test_a_state_s_police_and_paramilitaries_named_by_their_titles_are_its_forces() -> None:
    text = (
        "The Zambia Police Service and the Copperbelt Rifles chased cattle raiders; the Luapula Constabulary Force "
        "and the Zambian National Guard joined them near the Eastern Frontier Rangers' camp."
    )
    names = [m.actor.name for m in find_actors(text, country_code="ZM")]
    assert names[:4] == [
        "Police Forces of Zambia",
        "Military Forces of Zambia",
        "Police Forces of Zambia",
        "Military Forces of Zambia",
    ]


def test_a_guard_a_group_names_itself_is_a_group_and_a_police_force_that_speaks_no_side() -> None:
    found = find_actors(
        "The Kafue Revolutionary Guard burned a lorry, the Zambia Police Service said.", country_code="ZM"
    )
    assert [m.actor.name for m in found] == ["Kafue Revolutionary Guard"]


def test_the_national_guard_of_the_place_and_a_country_s_guard_abroad() -> None:
    found = find_actors(
        "Gunmen ambushed a National Guard patrol; the Malawian Presidential Guard stood by.", country_code="ZM"
    )
    assert [m.actor.name for m in found] == [
        "Unidentified Armed Group (Zambia)",
        "Military Forces of Zambia",
        "Military Forces of Malawi",
    ]


def test_a_group_written_with_its_region_s_name_or_in_another_order_is_the_table_s_row() -> None:
    table = parse_actor_table("ZLA: Zambezi Liberation Army\t2\tZM\tZambezi Liberation Army|ZLA\n")
    for text in (
        "Zambezian Liberation Army fighters attacked a bus.",
        "Fighters of the Liberation Army of Zambezia attacked a bus.",
    ):
        assert [m.actor.name for m in find_actors(text, country_code="ZM", table=table)] == [
            "ZLA: Zambezi Liberation Army"
        ]
    # A name carried over from another script and spelt otherwise: "Nusrat" and "Nosrat".
    table = parse_actor_table("Harakat Nusrat Zambezi\t2\tZM\tHarakat Nusrat Zambezi\n")
    found = find_actors("Harakat Nosrat Zambezi fighters attacked a bus.", country_code="ZM", table=table)
    assert [m.actor.name for m in found] == ["Harakat Nusrat Zambezi"]
    table = parse_actor_table("ZLA: Zambezi Liberation Army\t2\tZM\tZambezi Liberation Army|ZLA\n")
    # Only in the row's own war: elsewhere such a name is another group's.
    found = find_actors("Zambezian Liberation Army fighters attacked a bus.", country_code="MW", table=table)
    assert [m.actor.name for m in found] == ["Zambezian Liberation Army"]


def test_people_marching_or_striking_are_protesters_but_troops_marching_are_not() -> None:
    def names(text: str) -> list[str]:
        return [m.actor.name for m in find_actors(text, country_code="ZM")]

    assert "Protesters (Zambia)" in names("Police fired on maize growers marching to Kabwe.")
    assert "Protesters (Zambia)" in names("Police fired on striking copper miners in Kitwe.")
    assert "Protesters (Zambia)" not in names("Soldiers fired on rebels marching towards Kabwe.")


def test_a_protest_fired_on_has_the_police_and_the_protesters_as_sides(pipeline) -> None:
    events = pipeline.events(
        Article(
            "Riot police fired tear gas at teachers protesting unpaid wages in Kabwe on Tuesday, "
            "and a teacher was killed, his union said.",
            published=date(2025, 3, 4),
            article_id="zm-protest",
        )
    )
    protest = next(e for e in events if (e.event_type, e.sub_event_type) == ("other", "protest"))
    assert {protest.actor1, protest.actor2} == {"Police Forces of Zambia", "Protesters (Zambia)"}
    assert protest.fatalities == 0  # a protest's toll is not coded: the fighting's events take tolls


def test_a_crowd_fired_on_that_no_word_calls_protesters_faced_the_shooters(pipeline) -> None:
    events = pipeline.events(
        Article(
            "Soldiers fired on thousands of supporters of the jailed mayor who had marched to the courthouse in "
            "Kabwe on Monday, witnesses said.",
            published=date(2025, 3, 4),
            article_id="zm-march",
        )
    )
    protest = next(e for e in events if (e.event_type, e.sub_event_type) == ("other", "protest"))
    assert {protest.actor1, protest.actor2} == {"Military Forces of Zambia", "Protesters (Zambia)"}


def test_a_bomb_that_tore_through_a_police_bus_hit_the_police(nlp) -> None:
    sentences = ["An explosion tore through a police bus in Livingstone, killing nine officers, hospital sources said."]
    pair = _pair(nlp, sentences, 0, "ZM", sub_event_type="explosion")
    assert _sides(pair) == ("Unidentified Armed Group (Zambia)", "Police Forces of Zambia")


def test_guards_of_a_border_or_a_coast_are_a_state_s_forces() -> None:
    def names(text: str) -> list[str]:
        return [m.actor.name for m in find_actors(text, country_code="ZM")]

    assert names("Border guards shot dead two smugglers.") == ["Military Forces of Zambia"]
    assert names("Malawian border guards fired on a boat.") == ["Military Forces of Malawi"]
    assert names("A security guard was shot.") == []


def _names(text: str, country_code: str = "ZM") -> list[str]:
    return [m.actor.name for m in find_actors(text, country_code=country_code)]


def test_a_commando_or_a_junta_for_a_cause_is_a_group_and_a_movement_keeps_the_day_it_is_named_after() -> None:
    assert _names("The Luangwa Commando attacked the town.") == ["Luangwa Commando"]
    junta = "Fighters of the Military Junta for the Restoration of Order took the town."
    assert _names(junta) == ["Military Junta for the Restoration of Order"]
    assert set(_names("The Military Junta sent troops north.")) == {"Military Forces of Zambia"}  # the state's own
    assert _names("Rebels of the 3rd of May Movement raided the mine.") == ["3rd of May Movement"]


def test_fighters_of_a_revolutionary_body_and_a_name_with_an_arabic_article_inside_are_groups() -> None:
    assert _names("Fighters of the Revolutionary Directorate stormed the depot.") == ["Revolutionary Directorate"]
    assert "Jund al-Zambezi" in _names("Gunmen of Jund al-Zambezi attacked a police station in Kafue.")
    # who backs the fighters is not their name
    assert "Islamic State-linked" not in _names("Many fighters of the Islamic State-linked group withdrew.")


def test_clansmen_tribesmen_and_armed_villagers_no_one_names_are_unidentified_identity_militias() -> None:
    clan = "Unidentified Clan Militia (Zambia)"
    assert _names("Clansmen armed with spears attacked a village near Mongu.") == [clan]
    assert _names("Tribesmen ambushed a police patrol.")[0] == "Unidentified Tribal Militia (Zambia)"
    assert _names("Armed villagers chased the soldiers away.")[0] == "Unidentified Communal Militia (Zambia)"
    assert _names("The villagers fled the fighting.") == []  # villagers unarmed are the people hit


def test_people_who_rioted_or_clashed_with_police_are_rioters_but_rebels_who_clashed_are_not() -> None:
    rioters = "Rioters (Zambia)"
    assert _names("Supporters of the jailed mayor rioted in Kabwe.") == [rioters]
    assert _names("Students clashed with police in Lusaka.") == [rioters, "Police Forces of Zambia"]
    assert rioters not in _names("Rebels clashed with police in Lusaka.")
    assert _names("Soldiers fired on crowds chanting against the governor.") == [
        "Military Forces of Zambia",
        "Protesters (Zambia)",
    ]


def test_a_people_s_word_before_a_generic_force_names_whose_forces_they_are() -> None:
    assert _names("Rebels shelled the Malawian air base.", "ZM")[-1] == "Military Forces of Malawi"


def test_doers_of_two_clauses_are_the_two_sides_not_one_subject_hitting_people(nlp) -> None:
    sentences = ["Rioters set fire to the council offices in Kabwe, and police fired on the crowd, killing two people."]
    pair = _pair(nlp, sentences, 0, "ZM")
    assert set(_sides(pair)) == {"Rioters (Zambia)", "Police Forces of Zambia"}


def test_an_acronym_of_another_language_after_a_group_s_name_is_that_group_s() -> None:
    names = article_names(["Fighters of the Copperbelt Liberation Front (FLC) shelled the town."], "ZM")
    assert names["FLC"].name == "FLC: Copperbelt Liberation Front"
    assert article_names(["The Zambian National Army (ZA) shelled the town."], "ZM") == {}  # the state's


def test_palace_guards_and_a_state_s_central_security_forces_are_its_forces() -> None:
    assert _names("Palace guards killed four of the attackers.") == ["Military Forces of Zambia"]
    assert _names("Members of the Central Security Forces beat the students.") == ["Military Forces of Zambia"]


def test_a_name_the_recogniser_takes_for_a_man_s_is_a_group_when_it_attacks(nlp) -> None:
    # The recogniser calls "Kamuzu Tonga" a person; a bare name that attacks a village is a group's.
    pair = _pair(nlp, ["Kamuzu Tonga attacked the village of Chitipa on Sunday, killing 12 people."], 0, "MW")
    assert pair.actor1 is not None and pair.actor1.name == "Kamuzu Tonga"


def test_a_man_with_a_title_a_place_after_a_preposition_or_another_clause_s_verb_is_no_group() -> None:
    def fighting(sentence: str, name: str, *, subject: bool = False) -> tuple[tuple[int, int], ...]:
        at = sentence.index(name)
        span = (at, at + len(name))
        return fighting_organisations(sentence, SentenceSyntax(doers=(span,) if subject else (), persons=(span,)))

    assert fighting("General Kamuzu Tonga attacked the village on Sunday.", "Kamuzu Tonga", subject=True) == ()
    assert fighting("Air strikes on the town of Kamuzu Tonga killed four civilians.", "Kamuzu Tonga") == ()
    assert fighting("Kamuzu Tonga has been the base that troops retook in May.", "Kamuzu Tonga", subject=True) == ()
    fired = "Three villagers died after Kamuzu Tonga fired mortar rounds towards a market."
    assert fighting(fired, "Kamuzu Tonga") == ((27, 39),)


def test_a_group_that_owns_a_seizure_in_the_possessive_did_it_but_not_one_named_before_an_attack(nlp) -> None:
    seized = "The Chewa Brotherhood's seizure of Dedza in a dawn assault on Monday stunned the government."
    pair = _pair(nlp, [seized], 0, "MW", "territory_change")
    assert "Chewa Brotherhood" in pair.names
    recalled = "Soldiers died in last week's Chewa Brotherhood attack on a parade in Dedza, officials said."
    assert fighting_organisations(recalled, sentence_syntax(nlp(recalled))[0]) == ()


def test_a_people_s_gunship_and_gunboats_are_that_country_s_forces() -> None:
    text = "A Zambian gunship destroyed the clinic, and Malawian gunboats shelled the shore."
    names = [m.actor.name for m in find_actors(text, country_code="MW")]
    assert names == ["Military Forces of Zambia", "Military Forces of Malawi"]


def test_militias_allied_to_the_army_fight_beside_it_not_against_it(nlp) -> None:
    sentence = (
        "Zambian troops and allied village militias attacked the Lake Front near Mpulungu, killing 12 of its fighters."
    )
    pair = _pair(nlp, [sentence], 0, "ZM")
    assert _sides(pair) == ("Military Forces of Zambia", "Lake Front")
    assert [a.name for a in pair.assoc1] == ["Unidentified Communal Militia (Zambia)"]


def test_the_militants_a_town_was_taken_from_are_not_the_clan_militias_allied_to_the_army(nlp) -> None:
    sentences = [
        "Zambian troops and allied clan militias entered the town of Kaputa on Monday.",
        "Residents said the militants had pulled out during the night, taking their weapons with them.",
    ]
    pair = _pair(nlp, sentences, 0, "ZM", "territory_change")
    assert _sides(pair) == ("Military Forces of Zambia", "Unidentified Armed Group (Zambia)")
    assert [a.name for a in pair.assoc1] == ["Unidentified Clan Militia (Zambia)"]


def test_a_government_s_own_soldiers_killed_by_the_other_state_are_its_army(nlp) -> None:
    # The bare "soldiers" would be the host's army, or be skipped as the force the sentence
    # named first; "its soldiers" in the speaker's words are the speaker's.
    sentence = (
        "Zambia's government said 30 of its soldiers were killed when Malawian troops shelled posts near Chipata."
    )
    assert set(_sides(_pair(nlp, [sentence], 0, "MW", "shelling"))) == {
        "Military Forces of Malawi",
        "Military Forces of Zambia",
    }
    # A sentence naming the other state's troops alone still takes the host's army as their foe.
    alone = "Malawian troops shelled posts near Chipata, killing 30 soldiers, officials said."
    assert "Military Forces of Malawi" in _sides(_pair(nlp, [alone], 0, "ZM", "shelling"))


def test_a_strike_whose_sentence_names_only_the_group_it_hit_has_the_neighbour_s_striker(nlp) -> None:
    sentences = [
        "Malawian warplanes fired rockets at bases of the Lake Front rebels in eastern Zambia on Wednesday.",
        "The heaviest strikes hit offices and a camp of the Lake Front near Chipata, where families of its fighters live.",
    ]
    # The people living in the camp do not stand in for the one who struck.
    assert _sides(_pair(nlp, sentences, 1, "ZM", "air_strike")) == ("Military Forces of Malawi", "Lake Front")
    # A strike whose sentence names the people it killed still has them for its second side.
    civilians = [sentences[0], "The strikes hit homes near Chipata, killing nine villagers."]
    assert _sides(_pair(nlp, civilians, 1, "ZM", "air_strike")) == ("Military Forces of Malawi", "Civilians (Zambia)")


def test_a_bomb_blamed_on_a_group_that_killed_people_hit_the_people_not_the_army(nlp) -> None:
    sentences = [
        "A landmine explosion killed two people and wounded a teenager near Chipata on Sunday, police said, "
        "blaming rebels of the Lake Front.",
        "The army said the bomb had been planted by Lake Front fighters to target troops patrolling the area.",
    ]
    # The group blamed planted it; the people it killed, not the troops it was meant for, are the other side.
    assert _sides(_pair(nlp, sentences, 0, "ZM", "explosion")) == ("Lake Front", "Civilians (Zambia)")
    # A bomb that hit a patrol of the army, no one blamed, was an unidentified group's.
    patrol = ["A roadside bomb hit an army patrol near Chipata on Sunday, killing two soldiers."]
    assert _sides(_pair(nlp, patrol, 0, "ZM", "explosion")) == (
        "Unidentified Armed Group (Zambia)",
        "Military Forces of Zambia",
    )


def test_police_sent_to_the_scene_of_an_attack_are_no_side_of_it(nlp) -> None:
    sentences = [
        "Gunmen raided a cattle market in Velmar on Tuesday, killing five traders, and police were sent to the area, residents said."
    ]
    pair = _pair(nlp, sentences, 0, "NG", "attack_on_civilians")
    assert _sides(pair) == ("Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)")


def test_police_who_arrive_and_fight_are_a_side(nlp) -> None:
    sentences = ["Gunmen raided a cattle market in Velmar on Tuesday, and police arrived and exchanged fire with them."]
    pair = _pair(nlp, sentences, 0, "NG")
    assert _sides(pair) == ("Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria")


def test_the_army_that_sends_troops_to_fight_is_a_side(nlp) -> None:
    sentences = ["The army sent troops to Velmar, where they fought the Copper Hills Front for two days."]
    pair = _pair(nlp, sentences, 0, "MW")
    assert _sides(pair) == ("Military Forces of Malawi", "Copper Hills Front")


def test_a_strike_against_smugglers_hit_an_unidentified_armed_group_not_civilians(nlp) -> None:
    sentences = [
        "Malawian army drones struck a fuel depot in Velmar on Friday, in what officials called a raid against smugglers."
    ]
    pair = _pair(nlp, sentences, 0, "MW", "air_strike")
    assert _sides(pair) == ("Military Forces of Malawi", "Unidentified Armed Group (Malawi)")


def test_people_traffickers_hit_by_a_strike_are_not_civilians(nlp) -> None:
    sentences = ["Malawian army drones struck a boat in Velmar on Friday, killing people traffickers, officials said."]
    pair = _pair(nlp, sentences, 0, "MW", "air_strike")
    assert _sides(pair) == ("Military Forces of Malawi", "Unidentified Armed Group (Malawi)")


def test_a_strike_that_killed_people_in_a_market_still_hit_civilians(nlp) -> None:
    sentences = ["Malawian army drones struck a market in Velmar on Friday, killing six people, officials said."]
    pair = _pair(nlp, sentences, 0, "MW", "air_strike")
    assert _sides(pair) == ("Military Forces of Malawi", "Civilians (Malawi)")
