"""Coded events: the pipeline fills actors, inter codes and deaths; merged reports keep one figure."""

from __future__ import annotations

import re
from datetime import date

import pytest

from geo.parse.actors import frontline_actors
from geo.parse.clauses import SentenceSyntax, sentence_syntax
from geo.parse.fatalities import casualties
from geo.records import Article, Event
from geo.store.merge import coded_fields
from tests.palmyra import palmyra_event


def _events(pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.events(Article(text, published=date(2024, 5, 2), article_id="coding-test"))


def _frontline(pipeline, text: str, place: str) -> Event:
    found = [e for e in _events(pipeline, text) if e.event_type == "frontline" and e.mention == place]
    assert found, f"no frontline event at {place} in {text!r}"
    return found[0]


def test_rebels_attacking_an_army_post_are_actor1_and_the_army_of_the_country_actor2(pipeline) -> None:
    event = _frontline(pipeline, "Rebels attacked an army post near Gao on Tuesday, killing three soldiers.", "Gao")
    assert event.actor1 == "Unidentified Armed Group (Mali)"
    assert event.actor2 == "Military Forces of Mali"
    assert (event.inter1, event.inter2, event.interaction) == (3, 1, 13)
    assert event.fatalities == 3


def test_the_one_attacked_is_actor2_even_when_named_first(pipeline) -> None:
    text = "An army base outside Kidal was stormed by fighters of JNIM at dawn; twelve soldiers died."
    event = _frontline(pipeline, text, "Kidal")
    assert event.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert event.actor2 == "Military Forces of Mali"
    assert event.fatalities == 12


def test_a_strike_on_people_codes_state_forces_against_civilians(pipeline) -> None:
    text = "The junta's warplanes bombed a school in Sagaing on Monday, killing eleven children, teachers said."
    event = _frontline(pipeline, text, "Sagaing")
    assert (event.actor1, event.actor2) == ("Military Forces of Myanmar", "Civilians (Myanmar)")
    assert event.interaction == 17
    assert event.fatalities == 11


def test_unnamed_rebels_are_the_group_the_article_names() -> None:
    sentences = [
        "The Arakan Army has pressed its offensive across Rakhine for months.",
        "On Friday the rebels overran an army outpost near Maungdaw, residents said.",
    ]
    pair = frontline_actors(sentences, 1, country_code="MM", sub_event_type="armed_clash")
    assert pair.names == {"Arakan Army", "Military Forces of Myanmar"}
    assert pair.actor1 is not None and pair.actor1.name == "Arakan Army"


def test_a_lower_case_alias_names_a_group_only_in_its_own_war() -> None:
    # "separatists" in Cameroon are the Ambazonian groups; in Spain they are nobody we know.
    in_cameroon = frontline_actors(["Separatists ambushed soldiers near Bamenda."], 0, country_code="CM")
    assert "Ambazonian Separatists" in in_cameroon.names
    elsewhere = frontline_actors(["Separatists ambushed soldiers near Bilbao."], 0, country_code="ES")
    assert "Ambazonian Separatists" not in elsewhere.names


def test_a_named_group_the_table_lacks_is_kept_as_written_with_the_inter_code_its_words_tell() -> None:
    pair = frontline_actors(
        ["The Zulu Liberation Front militants raided a police station in Ulundi."], 0, country_code="ZA"
    )
    assert pair.actor1 is not None and pair.actor1.name == "Zulu Liberation Front"
    assert pair.actor1.inter == 2  # a liberation front's militants: a rebel group


def test_the_subject_of_a_saying_verb_is_no_side(nlp) -> None:
    doc = nlp("Russia's defence ministry said Ukrainian troops attacked positions near Sudzha.")
    (syntax,) = sentence_syntax(doc)
    sentence = doc.text
    ministry = sentence.index("Russia")
    troops = sentence.index("Ukrainian")
    assert syntax.side_of(ministry, ministry + 6) == 1
    assert syntax.side_of(troops, troops + len("Ukrainian troops")) == 0


def test_the_smallest_side_holding_a_mention_decides() -> None:
    syntax = SentenceSyntax(doers=((0, 40),), done_to=((10, 20),))
    assert syntax.side_of(12, 18) == 2
    assert syntax.side_of(0, 5) == 0
    assert syntax.side_of(45, 50) == 1


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Gunmen killed twenty-three villagers in the raid.", 23),
        ("Between 10 and 15 fighters died in the clashes.", 10),
        ("The shelling killed 8 to 12 people, medics said.", 8),
        ("Dozens of people were killed when the market was hit.", 12),
        ("Several soldiers were killed in the ambush.", 10),
        ("The assault left more than 100 people dead.", 100),
        ("Troops repelled the attack, losing 50 men.", 50),
        ("At least 12 people, including five children, were killed.", 12),
        ("Nobody was hurt in the strike.", 0),
        ("Two children were among six people killed when a shell hit their home.", 6),
        ("Militiamen executed 14 men at the edge of the village.", 14),
        ("Some 100 civilians were massacred by the fighters.", 100),
        ("Fifteen people were burned to death in their homes.", 15),
        ("The blast killed the district governor and two of his bodyguards.", 3),
        ("A suicide bomber killed himself and four police officers.", 5),
    ],
)
def test_numbers_in_words_ranges_and_vague_quantities_follow_acled(sentence: str, killed: int) -> None:
    assert casualties(sentence).killed == killed


def test_background_tolls_are_not_the_events() -> None:
    text = "A drone hit the depot on Sunday; the war has killed more than 9,000 people since 2022."
    assert casualties(text).killed is None
    assert casualties("Two soldiers died on Sunday, bringing the toll since January to 340.").killed == 2


def test_a_happening_takes_the_lowest_figure_of_its_articles_never_their_sum() -> None:
    first = palmyra_event(event_id="a1", article_id="a", fatalities=12, actor1="Islamic State", inter1=2)
    again = palmyra_event(event_id="a2", article_id="a", fatalities=12)
    lower = palmyra_event(event_id="b1", article_id="b", fatalities=9, actor1="Islamic State", inter1=2)
    silent = palmyra_event(event_id="c1", article_id="c", fatalities=0)
    fields = coded_fields([first, again, lower, silent])
    assert fields.fatalities == 9
    assert fields.actor1 == "Islamic State"


def test_a_pair_of_actors_wins_over_a_lone_actor_and_keeps_its_codes() -> None:
    lone = palmyra_event(event_id="a1", article_id="a", actor1="Islamic State", inter1=2)
    pair = palmyra_event(
        event_id="b1",
        article_id="b",
        actor1="Military Forces of Syria",
        inter1=1,
        actor2="Islamic State",
        inter2=2,
        interaction=12,
    )
    fields = coded_fields([lone, pair])
    assert (fields.actor1, fields.actor2, fields.interaction) == ("Military Forces of Syria", "Islamic State", 12)
    assert coded_fields([palmyra_event()]).applied(palmyra_event()).fatalities == 0


def test_learned_weights_decide_within_their_reach_and_survive_json() -> None:
    from geo.store.merge import PAIR_FEATURES, LearnedMatch, MergeRules, merge

    named = {"place_apart": -1.5, "words_told_alike": 0.3, "days_apart": -2.3, "later_date_is_publication_day": 0.8}
    weights = tuple(named.get(name, 0.0) for name in PAIR_FEATURES)
    model = LearnedMatch(weights, 1.4, max_km=25.0, max_days=3, idf=(("palmyra", 2.5),), link="average")
    assert LearnedMatch.from_dict(model.as_dict()) == model
    rules = MergeRules(learned=model)
    same_day = palmyra_event(event_id="a1", article_id="a")
    nearby = palmyra_event(event_id="b1", article_id="b", lat=34.60, source="AP")
    far = palmyra_event(event_id="c1", article_id="c", lat=35.2, source="AFP")  # about 70 km north
    merged = merge([same_day, nearby, far], rules)
    assert [len(m.reports) for m in merged] == [2, 1]
    with pytest.raises(ValueError, match=f"{len(PAIR_FEATURES)} weights"):
        LearnedMatch(weights=(1.0,), bias=0.0)


def test_what_a_side_said_it_did_makes_it_the_doer(pipeline) -> None:
    text = "The Israeli military said it struck Hamas militants hiding in a warehouse in Deir al-Balah."
    event = _frontline(pipeline, text, "Deir al-Balah")
    assert (event.actor1, event.actor2) == ("Military Forces of Israel", "Hamas")


def test_militants_named_by_their_people_belong_to_that_country_not_to_the_place() -> None:
    pair = frontline_actors(["Palestinian militants fired rockets at Sderot overnight."], 0, country_code="IL")
    assert pair.actor1 is not None and pair.actor1.name == "Unidentified Armed Group (Palestine)"


def test_allies_on_one_side_of_the_clause_are_associated_and_the_other_side_is_actor2(pipeline) -> None:
    text = "Congolese soldiers and Wazalendo fighters clashed with M23 near Sake on Monday, leaving nine dead."
    event = _frontline(pipeline, text, "Sake")
    assert event.actor1 == "Military Forces of Democratic Republic of Congo"
    assert event.assoc_actor_1 == "Wazalendo"
    assert event.actor2 == "M23: March 23 Movement"
    assert (event.interaction, event.fatalities) == (12, 9)


def test_who_reports_a_strike_is_not_its_target(pipeline) -> None:
    text = "Ukraine's air force said Russia launched 60 drones at Kyiv overnight, killing two people."
    event = _frontline(pipeline, text, "Kyiv")
    assert (event.actor1, event.actor2) == ("Military Forces of Russia", "Civilians (Ukraine)")
    assert event.fatalities == 2


def test_the_congolese_government_is_the_dr_congos_party_to_talks() -> None:
    from geo.parse.actors import diplomacy_parties

    pair = diplomacy_parties(["The Congolese government and M23 signed a truce in Doha."], 0, country_code="QA")
    assert pair.names == {"Government of Democratic Republic of Congo", "M23: March 23 Movement"}


def test_a_neighbour_telling_of_another_place_lends_neither_toll_nor_victims(pipeline) -> None:
    text = "Russian artillery shelled Kupiansk on Monday. In Kharkiv, a missile killed three people."
    shelled = _frontline(pipeline, text, "Kupiansk")
    assert (shelled.fatalities, shelled.actor2) == (0, "")
    hit = _frontline(pipeline, text, "Kharkiv")
    assert (hit.fatalities, hit.actor2) == (3, "Civilians (Ukraine)")


def test_two_demonyms_before_one_force_word_name_two_armies() -> None:
    from geo.parse.actors import find_actors

    found = find_actors("Russian and Belarusian troops shelled the border villages.", country_code="UA")
    assert [m.actor.name for m in found] == ["Military Forces of Russia", "Military Forces of Belarus"]


def test_state_forces_fighting_abroad_are_external_forces(pipeline) -> None:
    event = _frontline(pipeline, "Russian missiles struck Kharkiv on Sunday, killing three civilians.", "Kharkiv")
    assert (event.actor1, event.inter1) == ("Military Forces of Russia", 8)
    assert (event.actor2, event.inter2, event.interaction) == ("Civilians (Ukraine)", 7, 78)
    at_home = _frontline(pipeline, "Rebels attacked an army post near Gao on Tuesday.", "Gao")
    assert at_home.inter2 == 1


def test_the_country_a_strike_is_blamed_on_is_its_author(pipeline) -> None:
    text = (
        "A strike on a tent camp in Khan Younis killed at least 19 people, Gaza's civil defence said, blaming Israel."
    )
    events = [e for e in _events(pipeline, text) if e.event_type == "frontline"]
    assert events and all(e.actor1 == "Military Forces of Israel" for e in events)
    assert all(e.actor2 == "Civilians (Palestine)" and e.fatalities == 19 for e in events)


def test_a_group_that_claims_an_attack_is_its_doer_not_a_source(nlp) -> None:
    doc = nlp("The Sahel Brotherhood claimed responsibility for the bombing of the market in Dori.")
    (syntax,) = sentence_syntax(doc)
    group = doc.text.index("Sahel")
    assert syntax.side_of(group, group + len("Sahel Brotherhood")) == 0


def test_its_forces_in_a_quoted_report_are_the_speaker_s(nlp) -> None:
    sentences = ["Russia's defence ministry said its forces had struck a fuel depot in Kupiansk, killing two guards."]
    syntax = sentence_syntax(nlp(sentences[0]))
    pair = frontline_actors(sentences, 0, country_code="UA", sub_event_type="air_strike", syntax=syntax)
    assert pair.actor1 is not None and pair.actor1.name == "Military Forces of Russia"


def test_a_strike_that_killed_people_hit_them_not_a_group_named_in_passing(nlp) -> None:
    sentences = [
        "Government air strikes on Kalewa killed eight people on Monday, as the junta tried to slow"
        " the advance of the Sagaing Hills rebels."
    ]
    syntax = sentence_syntax(nlp(sentences[0]))
    pair = frontline_actors(sentences, 0, country_code="MM", sub_event_type="air_strike", syntax=syntax)
    assert pair.names == {"Military Forces of Myanmar", "Civilians (Myanmar)"}


def test_an_armed_group_that_killed_villagers_attacked_civilians_whoever_is_named_next(nlp) -> None:
    sentences = [
        "Suspected Green River militants killed 11 villagers in an overnight raid on Kasuku.",
        "The army blamed the group and sent reinforcements.",
    ]
    syntax = [sentence_syntax(nlp(s))[0] for s in sentences]
    pair = frontline_actors(sentences, 0, country_code="CD", sub_event_type="armed_clash", syntax=syntax)
    assert pair.names == {"Green River", "Civilians (Democratic Republic of Congo)"}


def test_a_group_hit_by_a_bomb_is_not_its_author(nlp) -> None:
    sentences = ["A bomb exploded near a checkpoint of the Eastern Shield Brigades, killing two of its fighters."]
    syntax = [sentence_syntax(nlp(s))[0] for s in sentences]
    pair = frontline_actors(sentences, 0, country_code="LY", sub_event_type="armed_clash", syntax=syntax)
    assert "Civilians (Libya)" not in pair.names


def test_two_sides_that_fought_each_other_stay_the_two_actors(nlp) -> None:
    sentences = ["The army and the Eastern Shield Brigades fought for the bridge at Zawiya, with 12 people killed."]
    syntax = [sentence_syntax(nlp(s))[0] for s in sentences]
    pair = frontline_actors(sentences, 0, country_code="LY", sub_event_type="armed_clash", syntax=syntax)
    assert pair.names == {"Military Forces of Libya", "Eastern Shield Brigades"}


def test_the_army_s_own_jets_are_the_army_s(nlp) -> None:
    sentences = ["The army said its jets bombed rebel positions around Kaga Bandoro, killing 30 fighters."]
    syntax = [sentence_syntax(nlp(s))[0] for s in sentences]
    pair = frontline_actors(sentences, 0, country_code="CF", sub_event_type="air_strike", syntax=syntax)
    assert pair.actor1 is not None and pair.actor1.name == "Military Forces of Central African Republic"


def test_a_place_named_only_to_locate_another_takes_no_toll() -> None:
    from geo.parse.coding import event_fatalities, only_a_landmark

    sentence = "A man was killed when shells hit the village of Darnytsia, west of Varno, officials said."
    assert only_a_landmark(sentence, "Varno")
    assert not only_a_landmark(sentence, "Darnytsia")
    assert not only_a_landmark("Shells hit Varno, killing a man.", "Varno")
    varno = palmyra_event(event_type="frontline", mention="Varno", geonameid=1, quote=sentence)
    village = palmyra_event(event_type="frontline", mention="Darnytsia", geonameid=2, quote=sentence)
    both = [frozenset({1, 2})]
    assert (event_fatalities(varno, [sentence], 0, both), event_fatalities(village, [sentence], 0, both)) == (0, 1)
    # Alone in its sentence, the landmark is where the event is placed, and takes the toll.
    assert event_fatalities(varno, [sentence], 0, [frozenset({1})]) == 1
    # So too when no other event of the sentence could take it (the other place is where the
    # report was filed): "a depot on the northern edge of Varno" is Varno's.
    camp = "DARNO - Drones hit a fuel depot on the northern edge of Varno overnight, killing two guards."
    at_camp = palmyra_event(event_type="frontline", mention="Varno", geonameid=1, quote=camp)
    assert event_fatalities(at_camp, [camp], 0, both, (), [frozenset({"Varno"})]) == 2
    assert event_fatalities(at_camp, [camp], 0, both, (), [frozenset({"Varno", "Darno"})]) == 0


@pytest.mark.parametrize(
    ("sentence", "tolls"),
    [
        ("Shelling killed two people in Varno, while a drone strike on Darnytsia killed three.", (2, 3)),
        ("Troops retook Darnytsia on Monday while an air strike on Varno killed 12 people.", (12, 0)),
        ("VARNO, May 2 - Four people were killed when a missile hit a school in Darnytsia.", (0, 4)),
    ],
)
def test_a_toll_goes_to_the_place_whose_clause_tells_it(nlp, sentence: str, tolls: tuple[int, int]) -> None:
    from geo.parse.coding import event_fatalities

    syntax = list(sentence_syntax(nlp(sentence)))[:1]
    names = [frozenset({"Varno", "VARNO", "Darnytsia"} & set(re.findall(r"\w+", sentence)))]
    ids = [frozenset({1, 2})]
    found = []
    for geonameid, mention in ((1, "VARNO" if sentence.startswith("VARNO") else "Varno"), (2, "Darnytsia")):
        event = palmyra_event(event_type="frontline", mention=mention, geonameid=geonameid, quote=sentence)
        found.append(event_fatalities(event, [sentence], 0, ids, syntax, names))
    assert tuple(found) == tolls


@pytest.mark.parametrize("victims", ["six labourers", "nine farm workers", "four schoolgirls", "two traders"])
def test_the_trades_and_schools_of_the_people_an_armed_group_killed_make_them_civilians(nlp, victims: str) -> None:
    sentences = [
        f"Fighters of the Lake Ring Brigade killed {victims} at a quarry near Baidoa on Sunday, an official said.",
        "The army sent reinforcements to the area.",
    ]
    syntax = [sentence_syntax(nlp(s))[0] for s in sentences]
    pair = frontline_actors(sentences, 0, country_code="SO", sub_event_type="armed_clash", syntax=syntax)
    assert "Civilians (Somalia)" in pair.names
    assert "Military Forces of Somalia" not in pair.names


def test_soldiers_who_shot_villagers_attacked_civilians_but_people_they_killed_may_be_fighters(nlp) -> None:
    named = [
        "Soldiers shot dead four villagers near Kumbo on Monday, residents said.",
        "The army said it was fighting separatists in the area.",
    ]
    syntax = [sentence_syntax(nlp(s))[0] for s in named]
    pair = frontline_actors(named, 0, country_code="CM", sub_event_type="armed_clash", syntax=syntax)
    assert pair.names == {"Military Forces of Cameroon", "Civilians (Cameroon)"}
    bare = [
        "Soldiers killed six people near Kumbo on Monday, the army said.",
        "The army said it was fighting separatists in the area.",
    ]
    syntax = [sentence_syntax(nlp(s))[0] for s in bare]
    pair = frontline_actors(bare, 0, country_code="CM", sub_event_type="armed_clash", syntax=syntax)
    assert pair.names == {"Military Forces of Cameroon", "Ambazonian Separatists"}


def test_a_toll_told_after_one_town_is_not_lent_to_the_next_town_the_story_moves_to(pipeline) -> None:
    text = (
        "Militia fighters shelled Gao on Sunday. "
        "Doctors said at least 17 people were killed in the city. "
        "In Kidal, rebels and soldiers exchanged fire on Sunday night."
    )
    assert _frontline(pipeline, text, "Gao").fatalities == 17
    assert _frontline(pipeline, text, "Kidal").fatalities == 0


def test_a_place_named_only_inside_a_hyphened_route_takes_no_toll_from_that_sentence(pipeline) -> None:
    text = (
        "Insurgents blew up a bridge near Mopti on the Gao-Mopti road on Tuesday, killing nine soldiers. "
        "The group said it had planted the charges. "
        "Troops shut the airport in Gao on Wednesday after gunfire."
    )
    assert _frontline(pipeline, text, "Mopti").fatalities == 9
    later = [e for e in _events(pipeline, text) if e.mention == "Gao" and "airport" in e.quote]
    assert later and later[0].fatalities == 0


def test_a_national_guard_abroad_is_not_mexicos_police() -> None:
    pair = frontline_actors(["Artillery hit National Guard positions near Limassol."], 0, country_code="CY")
    assert "Police Forces of Mexico" not in pair.names
    at_home = frontline_actors(["Gunmen ambushed a National Guard patrol near Culiacan."], 0, country_code="MX")
    assert "Police Forces of Mexico" in at_home.names


def test_a_neighbour_naming_only_the_province_or_the_dateline_tells_the_towns_toll(pipeline) -> None:
    # The toll's sentence names the dateline's city and the province around the town; the
    # next sentence names the town. Neither is another place's story.
    text = (
        "KHARTOUM, May 1 - At least 14 people were killed on Tuesday in Sudan's North Kordofan state, "
        "officials said. Gunmen on camels attacked the cattle market of Bara in the morning."
    )
    assert _frontline(pipeline, text, "Bara").fatalities == 14
    # A town named apart is still another place's story.
    other = text.replace("in Sudan's North Kordofan state", "in El Obeid")
    assert _frontline(pipeline, other, "Bara").fatalities == 0


def test_a_state_s_army_and_police_are_one_side_not_enemies(pipeline) -> None:
    text = "Troops and police patrolled Gao on Sunday after a night of gunfire, officials said."
    event = _frontline(pipeline, text, "Gao")
    assert event.actor1 == "Military Forces of Mali"
    assert event.actor2 != "Police Forces of Mali"
    assert "Police Forces of Mali" in event.assoc_actor_1
    text = "Soldiers and police officers clashed with gunmen in Gao on Sunday, killing two of them, police said."
    event = _frontline(pipeline, text, "Gao")
    assert {event.actor1, event.actor2} == {"Military Forces of Mali", "Unidentified Armed Group (Mali)"}
