"""Reported deaths and wounded, coded as ACLED codes them: what a sentence tells, not the war's toll."""

from __future__ import annotations

import pytest

from geo.parse.fatalities import (
    Casualties,
    casualties,
    casualties_in_sentences,
    casualties_in_text,
    event_casualties,
    lowest_reported,
    parse_quantity,
    split_sentences,
)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Artillery fire killed at least 12 people in the market on Sunday.", 12),
        ("Three soldiers were killed when their truck hit a mine.", 3),
        ("Dozens were killed as the fighting reached the port.", 12),
        ("More than 100 people died in the assault on the camp.", 100),
        ("A dozen villagers were killed overnight.", 12),
        ("Scores of fighters were killed in the battle for the ridge.", 20),
        ("Several civilians were killed by the blast.", 10),
        ("Many people died when the shelter collapsed.", 10),
        ("Hundreds were killed in the week-long siege of the town.", 100),
        ("A few people were killed near the bridge, witnesses said.", 3),
        ("Between 8 and 11 people were killed in the raid.", 8),
        ("The bombing killed 15-20 people, the hospital said.", 15),
        ("Twenty-three passengers died when the bus was hit.", 23),
        ("A 9-year-old girl was killed by shrapnel.", 1),
        ("Gunmen shot dead a teacher and his two daughters.", 3),
        ("The bombs hit the house, killing a farmer and her two sons, aged four and seven.", 3),
        ("Four soldiers and two civilians died in the ambush.", 6),
        ("The drones killed two police officers and three guards.", 5),
        ("At least nine people, including four children, were killed.", 9),
        ("The car bomb killed seven people, two of them soldiers, officials said.", 7),
        ("Two nurses - a 30-year-old man and a 41-year-old woman - were killed in the strike.", 2),
        ("The death toll from the attack rose to 31 on Friday.", 31),
        ("The number of people killed in the attack has risen to eight, the governor said.", 8),
        ("No one was killed in the attack, the mayor said.", 0),
        ("The shell hit a flat, killing a family of five.", 5),
        ("Volunteers recovered the bodies of 13 people from the river.", 13),
        ("Sixteen villagers lost their lives when the ferry was shelled.", 16),
        ("The family of four escaped unhurt.", None),
        ("Two men on a motorbike shot dead a village headman as he walked home from prayers.", 1),
        ("A local councillor was shot dead outside his house on Monday.", 1),
    ],
)
def test_deaths_a_sentence_reports(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


def test_killed_and_wounded_in_one_sentence_are_told_apart() -> None:
    assert casualties("The missile killed four and wounded eleven near the station.") == Casualties(4, 11)
    assert casualties("Two dead and 14 injured after the shelling, the council said.") == Casualties(2, 14)


@pytest.mark.parametrize(
    "sentence",
    [
        "The war has killed more than 300,000 people since 2012, the monitor says.",
        "Fighting has killed about 9,000 people so far this year.",
        "In total, the conflict has claimed 40,000 lives, according to the agency.",
    ],
)
def test_background_tolls_are_not_the_event_s(sentence: str) -> None:
    assert casualties(sentence).killed is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The city still remembers the siege of March 2016, which killed more than 2,000 people.",
        "In 2014, a car bomb at the same gate killed 22 recruits.",
    ],
)
def test_tolls_told_after_a_past_year_are_history(sentence: str) -> None:
    assert casualties(sentence).killed is None


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Gunmen killed five herders at the well; three weeks ago, 18 villagers died in a similar raid nearby.", 5),
        ("The drone hit a wedding party, killing nine; the previous strike on the valley left 25 dead.", 9),
        ("Eight guards were killed at the depot, days after a previous attack on it killed 13.", 8),
        ("Raiders shot dead six farmers, the third such killing this month after 17 died in the hills.", 6),
        ("Rockets killed two porters at the quay, another similar attack in a week that has left 30 dead.", 2),
    ],
)
def test_an_earlier_happening_s_toll_is_not_this_one_s(sentence: str, killed: int) -> None:
    assert casualties(sentence).killed == killed


def test_the_known_dead_listed_with_an_unknown_number_are_the_toll() -> None:
    assert casualties("Three guards and an unknown number of raiders were killed at the mine.").killed == 3
    assert casualties("Five fishermen and an undisclosed number of smugglers died in the shootout.").killed == 5
    # Alone, an unknown number tells no toll: a later figure of the report may still give it.
    assert casualties("An unknown number of raiders were killed at the mine.").killed is None


def test_a_follow_up_keeps_the_toll_of_the_happening_it_tells() -> None:
    # The day counted back dates the happening the funeral follows: its dead are this event's.
    assert casualties("Crowds buried the 14 miners killed in the blast two days earlier.").killed == 14


def test_a_clash_toll_on_both_sides() -> None:
    assert casualties("Thirty fighters from both sides were killed, medics said.").killed == 30


def test_an_event_s_toll_survives_a_background_clause_in_the_same_sentence() -> None:
    sentence = "A rocket killed five people on Tuesday, bringing the number killed in the city since March to 210."
    assert casualties(sentence).killed == 5


def test_an_earlier_event_s_toll_in_the_same_sentence_is_not_counted() -> None:
    sentence = "Rockets killed three people on Friday, four days after a raid on the depot left nine dead."
    assert casualties(sentence).killed == 3


def test_a_person_who_speaks_is_a_source_not_a_victim() -> None:
    assert casualties("The blast killed two guards, a local official said.").killed == 2


def test_figures_that_are_not_people_are_not_counted() -> None:
    # "killing nobody" says no one died: a toll of none, not a toll untold.
    assert casualties("Shells fell 12 km from the front, killing nobody; 40 homes were damaged.").killed == 0
    assert casualties("On 14 March, 2024 the convoy was attacked by 30 drones.").killed is None


def test_the_next_sentence_can_carry_the_toll() -> None:
    sentences = ["Russian artillery hit the village school on Monday.", "Two teachers died, the governor said."]
    assert event_casualties(sentences, 0).killed == 2


def test_an_article_s_toll_is_found_where_it_names_the_place() -> None:
    text = (
        "Fighting raged across the province on Thursday. Officials gave no details at first.\n\n"
        "Aid workers later said the strike on Pereval had hit a bakery. Residents buried the dead.\n\n"
        "In Pereval, at least six people were killed, a doctor said."
    )
    assert (
        casualties_in_text(
            text, "Aid workers later said the strike on Pereval had hit a bakery.", place="Pereval"
        ).killed
        == 6
    )


def test_many_reports_of_one_event_give_the_lowest_figure_not_the_sum() -> None:
    assert lowest_reported([5, None, 7, 6]) == 5
    assert lowest_reported([None, None]) is None
    assert lowest_reported([0, 3]) == 0


def test_quantities_and_ranges() -> None:
    assert parse_quantity(["dozens", "of", "people"], 0) == (12, 2)
    assert parse_quantity(["10", "to", "15", "people"], 0) == (10, 3)
    assert parse_quantity(["two", "hundred"], 0) == (200, 2)
    assert parse_quantity(["the", "people"], 0) is None


def test_sentences_are_split_at_full_stops_and_paragraphs() -> None:
    assert split_sentences("One strike hit. Two more followed!\n\nA new paragraph.") == [
        "One strike hit.",
        "Two more followed!",
        "A new paragraph.",
    ]


def test_a_sentence_with_a_figure_per_place_gives_each_place_its_own() -> None:
    sentence = "Overnight shelling killed three people in Tarvel and two in the village of Osk, officials said."
    assert casualties(sentence).killed == 5
    assert casualties(sentence, place="Tarvel").killed == 3
    assert casualties(sentence, place="Osk").killed == 2
    others = "Five people were killed on Saturday in Tarvel and three others in Osk, officials said."
    assert (casualties(others).killed, casualties(others, place="Osk").killed) == (8, 3)
    # One place only: every figure is that place's.
    both = "Two soldiers and a medic were killed in Tarvel."
    assert casualties(both, place="Tarvel").killed == 3


def test_killed_or_wounded_is_no_death_toll() -> None:
    assert casualties("Eleven people were killed or wounded when the bus was hit.").killed is None
    assert casualties("The shelling killed or injured 40 residents.").killed is None
    assert casualties("Four were killed and 20 wounded.").killed == 4


def test_the_toll_told_beside_a_bomber_is_the_figure_and_a_lone_bomber_counts_one() -> None:
    # Reports give the toll of a suicide bombing as "killing six": the figure is the one told,
    # not six plus the bomber; with no toll told, the bomber's own death is the one reported.
    sentence = "A suicide bomber blew himself up at the gate of the camp, killing six recruits."
    assert casualties(sentence).killed == 6
    alone = "A suicide bomber blew himself up at the gate of the camp, wounding six recruits."
    assert (casualties(alone).killed, casualties(alone).wounded) == (1, 6)


def test_a_date_told_as_a_day_earlier_keeps_the_toll() -> None:
    sentence = "The group claimed a bombing in the port that killed four dockers a day earlier."
    assert casualties(sentence).killed == 4


def test_names_in_capitals_and_dozens_of_a_number() -> None:
    assert casualties("Five RSF fighters died near the bridge.").killed == 5
    assert casualties("Two M23 rebels were killed overnight.").killed == 2  # not 23
    assert casualties("Troops killed nearly two dozen militants.").killed == 24
    assert casualties("The army said 15 militants were neutralised.").killed == 15
    assert casualties("AT LEAST 12 KILLED IN STRIKE ON MARKET").killed == 12


def test_one_person_named_by_what_they_did_counts() -> None:
    assert casualties("Police fired on the march and one protester was shot dead.").killed == 1
    assert casualties("A hostage was killed during the rescue.").killed == 1


def test_a_relative_named_after_and_is_one_more_death() -> None:
    assert casualties("Four children and their mother were killed when the shell hit the flat.").killed == 5
    assert casualties("The shell killed a man and wounded his son.").killed == 1


def test_compound_numbers_in_words_add_up() -> None:
    assert casualties("Three hundred forty villagers were killed in the massacre.").killed == 340
    assert casualties("Officials said one hundred and six bodies were recovered.").killed == 106


def test_a_toll_whose_subject_runs_long_or_is_put_at_a_figure() -> None:
    long_subject = "The death toll from the shelling of the bus depot in Varno, a garrison town, climbed to 23."
    assert casualties(long_subject).killed == 23
    assert casualties("Medics put the number of dead at 17 late on Friday.").killed == 17
    assert casualties("Rescuers put the dead at nine and the injured at 30.").killed == 9


def test_a_toll_known_later_and_a_list_inside_an_aside() -> None:
    assert casualties("More than 60 people are now thought to have died in the blast.").killed == 60
    aside = "Fourteen people, eight of them nurses and six patients including a baby, were killed in the raid."
    assert casualties(aside).killed == 14


def test_a_comment_on_the_war_does_not_make_the_event_s_toll_background() -> None:
    sentence = "At least 31 people were killed in the raid on Varno, making it the bloodiest day of the war."
    assert casualties(sentence).killed == 31
    assert casualties("The war has killed 9,000 people since it began.").killed is None


def test_a_figure_written_out_later_replaces_a_vague_word() -> None:
    sentences = [
        "A car bomb tore through the market in Varno, killing dozens of shoppers.",
        "Doctors said 37 people had died by nightfall.",
    ]
    assert casualties(sentences[0]).vague
    assert casualties_in_sentences(sentences, 0).killed == 37
    # With no figure written out, the vague word's value (ACLED's 12 for "dozens") stands.
    assert casualties_in_sentences(sentences[:1], 0).killed == 12


def test_lives_lost_by_a_family_and_a_toll_of_last_spring() -> None:
    assert casualties("Six members of one household lost their lives when the roof fell in.").killed == 6
    assert casualties("Last March an air raid on the same bakery killed 48 people.").killed is None
    assert casualties("Two guards were killed at the depot last night.").killed == 2


def test_a_massacre_of_a_figure_and_a_superlative_that_looks_back() -> None:
    assert casualties("Survivors described the massacre of at least 70 herders at the well.").killed == 70
    superlative = "Nurses said 64 people had died, the worst toll since the spring offensive."
    assert casualties(superlative).killed == 64
    assert casualties("The siege has killed 3,000 since 2019, the deadliest of the decade.").killed is None


def test_a_toll_told_a_few_sentences_on_in_the_same_story_is_the_event_s() -> None:
    story = [
        "Insurgents overran an outpost near Varno on Monday night, a resident said.",
        "They came on motorbikes and used rockets against the watchtower.",
        "Nine guards were killed, the resident said.",
    ]
    assert casualties_in_sentences(story, 0).killed == 9
    # A sentence that tells of another place ends the story.
    assert casualties_in_sentences(story, 0, elsewhere=[1]).killed is None


def test_a_people_s_adjective_of_any_war_stands_between_a_figure_and_its_death_word() -> None:
    # No list of peoples: a word written with a capital is a name or a people's adjective.
    assert casualties("Three Eritrean conscripts were killed near the border.").killed == 3
    assert casualties("Two Zorvan-backed militiamen died in the ambush.").killed == 2
    assert casualties("Shelling on March 3 killed two herders.").killed == 2


def test_one_side_s_claim_counts_only_when_nothing_else_is_told() -> None:
    both = "Medics said six guards died, while the insurgents claimed they had killed 50."
    assert casualties(both).killed == 6
    assert casualties("The insurgents claimed they had killed 50 guards at the depot.").killed == 50
    lives = "Two guards died at dawn, and a raid at noon claimed the lives of nine traders."
    assert casualties(lives).killed == 11


@pytest.mark.parametrize(
    "sentence",
    [
        "The clashes are part of the Zorvan war, which has killed tens of thousands of people.",
        "The conflict, now in its fifth year, has killed an estimated 90,000 people.",
        "Aid has stopped in the hills, where militia fighters have killed hundreds since spring.",
        "The garrison said 40 of its men had been killed in the past month.",
    ],
)
def test_a_war_s_running_total_is_no_event_s_toll(sentence: str) -> None:
    assert casualties(sentence).killed is None


def test_an_event_s_toll_survives_a_running_total_told_after_it() -> None:
    where = "The raid killed 23 people in a hamlet near Varno, where a blockade has killed more than 900."
    assert casualties(where).killed == 23
    latest = "The blast killed nine, the latest in a string of bombings that have left 200 dead."
    assert casualties(latest).killed == 9
    assert casualties("Drone strikes on the market have killed at least 16 people, nurses said.").killed == 16
    relative = "Eight pilgrims who had camped by the shrine were killed in the night."
    assert casualties(relative).killed == 8


def test_the_dead_of_the_war_or_of_the_month_are_background() -> None:
    assert casualties("Relief groups say 18,000 people have been killed in the war.").killed is None
    assert casualties("At least 210 people have died around Varno this month, a monitor said.").killed is None
    assert casualties("Three guards were killed in the fighting at the gate.").killed == 3


def test_killing_some_of_them_is_the_toll_itself() -> None:
    # "of them" after a death verb points back at the people fired on, not at an earlier toll.
    sentence = "Gunmen fired on a minibus near Tiko on Monday, killing at least four of them, police said."
    assert casualties(sentence).killed == 4
    # After a toll, "three of them" is still a part of it.
    assert casualties("Nine people were killed, three of them policemen.").killed == 9


def test_a_unit_that_lost_a_soldier_lost_one_and_its_machines_are_no_dead() -> None:
    assert casualties("The garrison also lost a soldier, its commander said.").killed == 1
    assert casualties("The brigade lost two soldiers and three armoured vehicles near Kupiansk.").killed == 2
    assert casualties("The column lost four tanks on the road to Vuhledar.").killed is None


def test_a_war_s_toll_in_a_relative_aside_leaves_the_event_s_own_toll() -> None:
    sentence = (
        "The uprising, which has left thousands dead since the spring, flared again at Odra on Sunday, killing six."
    )
    assert casualties(sentence).killed == 6
    # A relative aside that tells the event's own toll stays.
    assert casualties("A shell hit the bakery, which killed four people, at dawn.").killed == 4
    assert casualties("The revolt, which has killed hundreds since 2019, spread to the hills.").killed is None


def test_a_side_s_own_account_gives_way_to_a_lower_one_in_the_next_sentence() -> None:
    sentences = [
        "The militia said on Monday it had killed 25 soldiers in a raid on the depot at Varno.",
        "A medical source at the garrison said eight soldiers died.",
    ]
    assert casualties_in_sentences(sentences, 0).killed == 8
    # Told alone, the side's account is the figure.
    alone = [
        "The militia said on Monday it had killed 25 soldiers in a raid on the depot at Varno.",
        "No one else spoke.",
    ]
    assert casualties_in_sentences(alone, 0).killed == 25
    # Beside another party's dead in the same sentence, it still counts.
    both = "The army said it had killed 30 raiders, while farmers said four herders were also killed."
    assert casualties(both).killed == 34


def test_a_count_withheld_is_no_vague_figure_and_coffins_are_dead() -> None:
    withheld = (
        "The ministry gave no figure and did not give a number of dead, though five coffins were seen at the base."
    )
    assert casualties(withheld).killed == 5
    assert casualties("The ministry did not give a number of dead.").killed is None
    assert casualties("A number of guards were killed at the gate.").killed == 10


def test_people_buried_lost_by_their_side_or_told_with_an_age_are_dead() -> None:
    assert casualties("Mourners buried nineteen villagers on Thursday.").killed == 19
    assert casualties('"Seven of our men were killed," the captain said.').killed == 7
    assert casualties("Raiders killed 11 guards and lost four of their own.").killed == 15
    assert casualties("A man aged 67 was killed when the shell struck his yard.").killed == 1
    assert casualties("A woman aged 52 was wounded by shrapnel.") == Casualties(None, 1)


def test_an_aside_that_lists_who_the_dead_were_is_part_of_the_toll() -> None:
    assert casualties("Two monitors, one Estonian and one Chilean, have been killed.").killed == 2
    assert casualties("Four porters, three men and a boy, died on the pass.").killed == 4
    # A list after the verb is the toll itself.
    assert casualties("The barrage killed two soldiers, three farmers and a nurse, the mayor said.").killed == 6


def test_all_quotes_martyrs_and_those_who_succumbed_are_counted() -> None:
    assert casualties("Commandos stormed the ferry, killing all six pirates.").killed == 6
    assert casualties('The ministry said 27 militants had been "neutralised" near the dam.').killed == 27
    assert casualties("Four border guards were martyred in the shelling, the ministry said.").killed == 4
    assert casualties("Two more porters succumbed to their wounds overnight.").killed == 2
    assert casualties("Nurses said the dead numbered at least 33.").killed == 33


def test_words_that_qualify_the_dead_keep_the_link_and_the_killers_are_not_the_dead() -> None:
    assert casualties("Four border guards were martyred in the shelling, the ministry said.").killed == 4
    assert casualties("Two aid workers died when their lorry was hit.").killed == 2
    # The figure before an active "killed" counts the killers.
    assert casualties("Two suicide bombers killed 14 worshippers at the shrine.").killed == 14
    assert casualties("Five armed men killed three herders near the well.").killed == 3
    # A relative's death told of a witness is no toll of the event.
    assert casualties('"We are tired," said a nurse in Odra whose brother was killed last spring.').killed is None


def test_a_rate_a_claimed_attack_and_a_witness_who_lives_nearby() -> None:
    assert casualties("The feud already claims hundreds of lives a year.").killed is None
    assert casualties('"It shook the whole street," said Tomas, a baker who lives by the square.').killed is None
    # Claiming an attack is not claiming its toll: the toll told is the figure.
    sentence = "The same group claimed a car bomb that killed 19 people at the depot; a guard died of his wounds later."
    assert casualties(sentence).killed == 20


def test_several_dozen_and_several_hundred_are_dozens_and_hundreds() -> None:
    assert casualties("The raid killed several dozen herders.").killed == 12
    assert casualties("Several hundred people were killed in the siege.").killed == 100


def test_a_toll_whose_subject_is_long_or_put_at_a_figure_and_figures_in_quotes() -> None:
    long_subject = (
        "The number of people killed in Friday's rocket attack on the ferry landing at the northern end "
        "of the lake has risen to nine, the harbour master said."
    )
    assert casualties(long_subject).killed == 9
    assert casualties("The regional council has put the number of dead in the raid at eleven.").killed == 11
    assert casualties('The militia said it had killed "dozens" of guards.').killed == 12
    assert casualties('The ministry said its units had "neutralised" 40 raiders near the pass.').killed == 40
    # A number put at a figure that is not of the dead stays out.
    assert casualties("The council put the number of displaced at 3,000.").killed is None


def test_killed_and_wounded_told_together_are_casualties_not_deaths() -> None:
    assert casualties("At least 20 people were killed and wounded in the raid.").killed is None
    assert casualties("Eleven villagers were killed and 14 wounded.").killed == 11
    # "wounded" describing other people leaves the dead told before it.
    assert casualties("Two medics were killed and wounded patients were moved to Odra.").killed == 2


def test_attackers_who_kill_themselves_and_others_the_others_are_counted() -> None:
    assert casualties("The two bombers detonated their vests, killing themselves and 14 others.").killed == 14
    assert casualties("Troops killed 46 raiders and lost ten soldiers in the assault.").killed == 56


def test_people_burned_alive_are_dead() -> None:
    assert casualties("Raiders burned six herders alive in a hut.").killed == 6
    assert casualties("Four traders were burned alive when the market was set on fire.").killed == 4
    assert casualties("Rescuers pulled three children alive from the rubble.").killed is None


def test_a_person_renamed_between_commas_is_the_one_who_died() -> None:
    assert casualties("The victim, a man aged 45, was shot dead by a sniper.").killed == 1
    assert casualties("The youth, a boy of 15, was killed by a stray bullet.").killed == 1
    assert casualties("The victims, three men and a boy, were killed at a roadblock.").killed == 4
    # Named by office, then told of again: one person, and the son after them another.
    assert casualties("Gunmen killed the driver, a man aged 40, and his son.").killed == 2
    # A rank in a toll told elsewhere is no toll of its own.
    assert casualties("The fourth victim, a nurse, died in hospital on Sunday.").killed is None


def test_a_toll_shared_out_by_place_gives_each_place_its_part() -> None:
    sentence = "Three of the victims were killed in Varna and the rest in farms along the river."
    assert casualties(sentence, place="Varna").killed == 3
    # Without the place, they are part of a toll told elsewhere.
    assert casualties(sentence).killed is None
    told_before = [
        "Mortar fire on the valley killed eight farmers on Monday.",
        "Three of the victims were killed in Varna and the rest in farms along the river.",
    ]
    assert casualties_in_sentences(told_before, 1, place="Varna").killed == 3


def test_a_neighbour_that_tells_a_separate_happening_lends_no_toll() -> None:
    attack = "Rebels attacked a border post near Tolva on Monday."
    for other in (
        "In a separate attack, gunmen killed five herders.",
        "Elsewhere, a car bomb killed four people at a bus station.",
        "Separately, two soldiers died when their truck hit a mine.",
    ):
        assert casualties_in_sentences([attack, other], 0, place="Tolva").killed is None
    assert casualties_in_sentences([attack, "Three guards were killed, the army said."], 0).killed == 3
    # The event that says it is another one does not take the toll told before it either.
    told_before = ["Shelling killed six people in Tolva.", "In a separate incident, a drone hit a depot in Marn."]
    assert casualties_in_sentences(told_before, 1, place="Marn").killed is None


def test_two_sources_set_against_each_other_give_the_lower_toll() -> None:
    assert casualties("At least 6 people were killed, the ministry said, while medics put the toll at 11.").killed == 6
    assert casualties("Police said 9 people died; villagers said as many as 20 were killed.").killed == 9
    assert casualties("Residents said 14 people were killed, but the governor said 8 people died.").killed == 8
    # Other people, other places, or a toll that grew: the figures add up or the last holds.
    assert casualties("Two soldiers were killed, the army said, while three civilians died, medics said.").killed == 5
    assert (
        casualties(
            "Four people died in Varna, police said, while two people were killed in Tolva, officials said."
        ).killed
        == 6
    )
    assert casualties("Two more people died on Tuesday, the hospital said, putting the toll at 12.").killed == 12


def test_a_day_earlier_at_the_end_of_the_clause_dates_the_event_itself() -> None:
    sentence = "Rockets hit the ferry terminal and killed five dockers, according to the port, a day earlier."
    assert casualties(sentence).killed == 5
    assert casualties("The raid killed three, police said; a week earlier, 20 died in a similar raid.").killed == 3


def test_both_counts_two_and_a_figure_of_another_clause_is_not_in_the_list() -> None:
    assert casualties("Both gunmen were shot dead by the guards.").killed == 2
    assert casualties("Both sides lost men in the clash.").killed is None
    # "captured" and "killed" are two clauses, not one list of the dead.
    assert casualties("Twelve fighters were captured and five were killed.").killed == 5
    assert casualties("Two soldiers and three civilians were killed.").killed == 5


def test_a_running_total_of_an_area_is_not_the_events_toll() -> None:
    # The event's own dead, not the total of a province or a country it adds to.
    assert casualties("A shell hit a bus in Tarsa, killing six, bringing the death toll in Tarsa to 310.").killed == 6
    assert (
        casualties(
            "The strike killed 7, the ministry said, bringing the death toll in the Vesk region to 3,400."
        ).killed
        == 7
    )
    assert casualties("Four people died, raising the number of people killed in Olvera to 90.").killed == 4
    assert casualties("Shelling killed three, pushing the national death toll to 900.").killed == 3
    # Thousands counted so far, in the present perfect: a war's dead, whatever place they are told of.
    assert casualties("More than 34,000 people have been killed in Tarsa, the ministry says.").killed is None
    assert casualties("The death toll in the Vesk region has passed 2,000, officials said.").killed is None
    assert casualties("At least 12 people have been killed in the strike, medics said.").killed == 12
    assert casualties("Officials said 1,200 people were killed in the massacre.").killed == 1200
    # A toll of the event itself, grown or told whole, is still its figure.
    assert casualties("Rescuers pulled 12 bodies from the rubble, raising the death toll to 31.").killed == 31
    assert casualties("Two more bodies were found, bringing the toll from the attack to nine.").killed == 9


def test_dead_the_story_adds_to_its_toll_are_the_events() -> None:
    church = [
        "Gunmen attacked a church in Olvera on Sunday.",
        "Eight worshippers were killed, police said.",
        "Three of the attackers were also killed when soldiers arrived.",
    ]
    assert casualties_in_sentences(church, 0, place="Olvera").killed == 11
    ambush = ["A roadside bomb killed two soldiers near Bara.", "A third soldier later died of his wounds."]
    assert casualties_in_sentences(ambush, 0, place="Bara").killed == 3
    raid = ["The raiders killed two guards at the depot in Kiva.", "Four of the gunmen were shot dead by police."]
    assert casualties_in_sentences(raid, 0, place="Kiva").killed == 6
    # Told whole again, the toll holds the dead added; another happening's dead add nothing.
    again = ["A bomb killed four people in Dila.", "Two children were also killed, bringing the toll to six."]
    assert casualties_in_sentences(again, 0, place="Dila").killed == 6
    elsewhere = ["A bomb killed four people in Dila.", "Separately, two soldiers were also killed in a raid."]
    assert casualties_in_sentences(elsewhere, 0, place="Dila").killed == 4
    told_once = ["A bomb killed four people in Dila.", "Police said one of the bombers escaped."]
    assert casualties_in_sentences(told_once, 0, place="Dila").killed == 4


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Half a dozen soldiers were killed in the ambush.", 6),
        ("A couple of farmers were killed by the mine.", 2),
        ("A score of villagers were killed in the raid.", 20),
        ("Thirty-odd civilians died in the shelling.", 30),
        ("Some 40-odd fighters were killed.", 40),
        ("Twelve people were found dead after the raid.", 12),
        ("Three people were killed and another died of wounds in hospital.", 4),
        ("Two soldiers were killed and another was wounded.", 2),
        ("Another 12 people were killed.", 12),
        # A person who tells the toll is not one of its dead; people named "among them" are in it.
        ("Shells hit a market, killing at least 15 people, a doctor at the hospital said.", 15),
        ("Shells killed nine people, a local volunteer group said.", 9),
        ("The strike killed 15 people, a doctor and a nurse among them.", 15),
        ("Gunmen killed a teacher and a student on Monday, police said.", 2),
        # The missing may be alive: dead or missing together tell no deaths.
        ("Twenty people are dead or missing after the strike.", None),
        ("Two bodies were found and 20 people are missing.", 2),
        # The attacker's own death, listed with the victims or told as a passive.
        ("Two police officers and the attacker were killed.", 3),
        ("The suicide bomber and 11 worshippers died in the blast.", 12),
        ("The gunman was shot dead after killing three people.", 4),
        ("The gunman was arrested after killing three people.", 3),
        ("Guards shot dead the gunman at the gate.", 1),
        ("The attacker killed three people at the gate.", 3),
    ],
)
def test_number_words_the_found_dead_and_the_attackers_own_dead(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # A few days' fighting counted since a weekday is the happening's own toll ...
        ("At least 40 people have been killed since Monday in fighting between two rebel factions near the dam.", 40),
        ("Between 25 and 30 villagers had been killed since Friday's raid on the valley, the bishop said.", 25),
        # ... where a toll since a month or a year is the war's.
        ("The fighting has killed 900 people since March.", None),
        ("Rebel attacks have killed thousands since 2017.", None),
    ],
)
def test_a_toll_since_a_weekday_is_the_events_own(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


def test_a_neighbour_naming_some_of_the_dead_is_not_the_toll() -> None:
    sentences = split_sentences(
        "At least 30 people were killed in the assault on the hill villages, the governor said. "
        "Rebels burnt the village of Sample Hill on Wednesday. "
        "Among the dead were a nurse and a teacher, the diocese said."
    )
    assert casualties_in_sentences(sentences, 1).killed == 30


@pytest.mark.parametrize(
    "text",
    [
        # the army's own account of the rebels it killed, then of its own dead
        "Troops killed 22 rebels in a battle near Sample Ford on Friday, the army said. "
        "One soldier was killed and five were wounded when their unit came under fire, the army said.",
        # a side's claim of the dead it inflicted, then the other group's dead
        "The army said it had killed 22 rebels near Sample Ford on Friday. One soldier died, according to the army.",
    ],
)
def test_a_sides_dead_told_after_the_other_sides_add_to_the_toll(text: str) -> None:
    # not a lower account of the same dead
    assert casualties_in_sentences(split_sentences(text), 0).killed == 23


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Six gunmen stormed the police station in Sample Town, all of whom were shot dead.", 6),
        ("Four raiders crossed the river at night; all of them were killed by the guards.", 4),
        # people all of whom lived, and a war's dead, are no toll
        ("The 300 villagers, all of whom were evacuated, went home on Friday.", None),
        ("He lost three sons, all of whom died in the war since 2015.", None),
    ],
)
def test_people_counted_then_all_of_them_killed_are_the_toll(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


def test_attackers_all_killed_and_the_defenders_dead_add_up() -> None:
    text = "Six gunmen stormed the police station in Sample Town, all of whom were shot dead. Two policemen were killed, the police said."
    assert casualties_in_sentences(split_sentences(text), 0).killed == 8


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # "they" are the people just counted, dead with the others
        ("Three raiders crossed the river at night; they and two guards died in the exchange of fire.", 5),
        ("Six gunmen stormed the checkpoint and they and four policemen were killed.", 10),
        # no people counted before "they": the figure alone
        ("They and two farmers were killed.", 2),
    ],
)
def test_they_and_others_killed_count_both(sentence: str, killed: int) -> None:
    assert casualties(sentence).killed == killed


def test_a_weight_or_a_count_of_munitions_after_a_death_verb_is_no_toll() -> None:
    # "buried" takes the dead as its object ("mourners buried 14 people"), not what was buried.
    assert casualties("Insurgents had buried about 250 kg of explosives under the bridge.").killed is None
    assert casualties("The rebels buried 40 landmines along the track before they withdrew.").killed is None
    assert casualties("Sappers found 12 bombs in the market after the blast killed three.").killed == 3
    assert casualties("Mourners buried 14 people in the village cemetery on Sunday.").killed == 14
    # The toll of the sentence before stays the event's, the explosives of the next adding nothing.
    told = [
        "Six soldiers were killed when a roadside bomb hit their truck near Sample Town on Monday.",
        "Officials said the attackers had buried about 250 kg of explosives under the road.",
    ]
    assert casualties_in_sentences(told, 0, place="Sample Town").killed == 6
