"""The geoparser on text we wrote: model and gazetteer together (marked: needs the model)."""

from __future__ import annotations

import dataclasses

import pytest

from geo.parse.geoparser import Geoparser

pytestmark = pytest.mark.model


def names_and_countries(geoparser, text):
    return [(p.mention.text, p.entry.country_code, p.entry.name) for p in geoparser.places(text)]


def mentions_with_countries(geoparser, text):
    return [(n, c) for n, c, _ in names_and_countries(geoparser, text)]


def test_people_and_organisations_are_not_places(geoparser):
    text = (
        "Secretary of State John Kerry met Kerry's counterpart in Moscow. "
        "The OSCE Minsk Group and Islamic State were discussed, Kerry said."
    )
    found = names_and_countries(geoparser, text)
    assert [n for n, _, _ in found] == ["Moscow"]
    assert found[0][1] == "RU"


def test_a_place_the_model_calls_a_person_is_found_from_context(geoparser):
    text = (
        "Syrian government forces fought their way into Palmyra on Sunday. "
        "Palmyra fell to the militants last year, and Palmyra's temples were blown up."
    )
    found = names_and_countries(geoparser, text)
    assert [n for n, _, _ in found].count("Palmyra") == 3
    assert {c for _, c, _ in found} == {"SY"}


def test_a_misspelling_of_a_named_place_resolves_to_it(geoparser):
    text = "The army advanced to Palmyra in Syria. The capture of Palmrya was a major gain."
    found = {n: (c, name) for n, c, name in names_and_countries(geoparser, text)}
    assert found["Palmrya"] == found["Palmyra"]
    assert found["Palmrya"][0] == "SY"


def test_ordinary_capitalised_words_never_become_places(geoparser):
    text = (
        "But the talks went on. Of the delegates, most agreed. Basic principles were laid "
        "out. Human rights groups said the march would go ahead."
    )
    assert names_and_countries(geoparser, text) == []


def test_tripoli_follows_its_neighbours(geoparser):
    libya = "Militias clashed in Benghazi and Tripoli as the government fled."
    lebanon = "Protests spread from Beirut to Tripoli and Sidon on Saturday."
    assert dict((n, c) for n, c, _ in names_and_countries(geoparser, libya))["Tripoli"] == "LY"
    assert dict((n, c) for n, c, _ in names_and_countries(geoparser, lebanon))["Tripoli"] == "LB"


def test_explicit_containment(geoparser):
    text = "A car bomb exploded in Tripoli, Lebanon, killing three people."
    assert dict((n, c) for n, c, _ in names_and_countries(geoparser, text))["Tripoli"] == "LB"


def test_a_town_followed_by_a_state_that_is_also_a_country_is_in_the_state(geoparser):
    text = "The storm left Ohio on Sunday and flooded Columbus, Georgia, on Monday."
    columbus = next(p.entry for p in geoparser.places(text) if p.mention.text == "Columbus")
    assert (columbus.country_code, columbus.admin1) == ("US", "Georgia")


def test_states_listed_in_a_row_are_read_as_states(geoparser):
    text = "Farmers in Texas, Oklahoma, Pennsylvania and Iowa lost crops to the drought."
    found = {p.mention.text: p.entry.feature_code for p in geoparser.places(text)}
    assert found == dict.fromkeys(["Texas", "Oklahoma", "Pennsylvania", "Iowa"], "ADM1")
    town = geoparser.places("Flooding cut off Washington, Pennsylvania, overnight.")[0].entry
    assert (town.feature_class, town.admin1) == ("P", "Pennsylvania")


def test_countries_resolve_to_a_point_inside_not_the_capital(geoparser):
    places = geoparser.places("Refugees crossed from Syria into Turkey.")
    syria = next(p.entry for p in places if p.mention.text == "Syria")
    assert syria.feature_code.startswith("PCL")
    # Damascus is at 33.51 N, 36.29 E; Syria's land centre lies well north-east of it.
    assert syria.lat > 34.0 and syria.lon > 37.0


def test_offsets_point_at_the_mention(geoparser):
    text = "Talks resumed in Geneva while shelling hit Aleppo."
    for place in geoparser.places(text):
        assert text[place.mention.start : place.mention.end] == place.mention.text


def test_places_many_matches_places_one_by_one(geoparser):
    texts = ["Fighting in Aleppo.", "Talks in Geneva.", "Nothing here at all."]
    one_by_one = [geoparser.places(t) for t in texts]
    assert list(geoparser.places_many(texts)) == one_by_one


@pytest.mark.slow
def test_places_many_over_two_processes_finds_what_one_process_finds(geoparser):
    texts = [
        "Shelling hit Kharkiv overnight, and two villages east of Izium lost power.",
        "Ministers from Norway and Qatar met in Oslo to talk about a ceasefire in Sudan.",
        "Aid convoys left Amman for Irbid; the road north to Mafraq stayed closed.",
        "Nothing in this sentence names a place.",
        "Protesters marched from Lagos to Abuja, and police in Kano made arrests.",
        "Floods cut the railway between Multan and Lahore in Punjab province.",
        "Rebels said they took Goma, while the army held Bukavu and Uvira.",
        "A drone struck a depot near Odesa; Mykolaiv and Kherson were also hit.",
    ]
    one_process = list(geoparser.places_many(texts))
    # One text at a time, so this process and the worker both take some of them.
    assert list(geoparser.places_many(texts, n_process=2, batch_size=1)) == one_process
    assert any(one_process) and not one_process[3]


@pytest.mark.slow
def test_a_geoparser_with_its_own_model_reads_with_it_in_every_process(geoparser):
    # A recogniser that takes nothing for a place (threshold above any probability): the
    # worker must read with it too, not with the shipped file it would load by itself.
    blind = dataclasses.replace(geoparser.model, threshold=1.01, same_name_threshold=1.01)
    blind_geoparser = Geoparser(geoparser.nlp, geoparser.gazetteer, model_name=geoparser.model_name, model=blind)
    texts = [f"Shelling hit Kharkiv on day {day}; Izium and Odesa were also hit." for day in range(6)]
    assert any(geoparser.places_many(texts[:1]))
    assert list(blind_geoparser.places_many(texts, n_process=2, batch_size=1)) == [()] * len(texts)


def test_a_town_with_a_common_name_is_found_where_the_text_defines_it(geoparser):
    text = (
        "Hamilton is a city in western Victoria, Australia, on the road to Portland. "
        "Hamilton grew rich on wool, and farmers south of Hamilton still keep sheep."
    )
    found = names_and_countries(geoparser, text)
    # At least the one after a locative phrase; every one found is the Australian town.
    assert [n for n, _, _ in found].count("Hamilton") >= 1
    assert {c for n, c, _ in found if n == "Hamilton"} == {"AU"}


def test_a_surname_of_someone_in_the_story_is_not_a_place(geoparser):
    text = (
        "Police detained two men near Lebanon, Ohio, on Sunday, Chief Dana Morley said. "
        "Both were released the next morning, according to Morley."
    )
    found = names_and_countries(geoparser, text)
    assert "Morley" not in [n for n, _, _ in found]
    assert ("Lebanon", "US", "Lebanon") in found


def test_every_mention_of_a_town_counts_whatever_the_model_calls_it(geoparser):
    text = (
        "Kingston is the capital of Jamaica. Kingston lies on the south coast, and "
        "Kingston's harbour is one of the largest in the Caribbean. The Kingston "
        "parishes were merged in 1923."
    )
    found = [(n, c) for n, c, _ in names_and_countries(geoparser, text) if n == "Kingston"]
    assert len(found) >= 3
    assert {c for _, c in found} == {"JM"}


def test_a_country_named_beside_its_capital_stays_the_country(geoparser):
    text = (
        "The outbreak started in Mexico and spread to Texas. Schools in Mexico City "
        "were closed, and travellers returning from Mexico were screened."
    )
    found = names_and_countries(geoparser, text)
    mexico = {(c, name) for n, c, name in found if n == "Mexico"}
    assert mexico == {("MX", "Mexico")}
    assert ("Mexico City", "MX", "Mexico City") in found


def test_a_place_opening_the_name_of_its_own_public_body_is_found(geoparser):
    text = "The Tarrant County Medical Examiner identified the driver on Friday."
    found = names_and_countries(geoparser, text)
    assert ("Tarrant County", "US", "Tarrant County") in found


def test_a_company_named_after_a_person_is_not_a_place(geoparser):
    text = "Shares in Ford Motor Company fell on Monday, traders said."
    assert names_and_countries(geoparser, text) == []


def test_states_listed_together_stay_states_unless_a_town_is_pointed_at(geoparser):
    text = (
        "Health officials confirmed cases in California, Oregon, Nebraska, Nevada and "
        "Kansas on Tuesday, and more were expected."
    )
    states = [p.entry for p in geoparser.places(text)]
    assert [e.name for e in states] == ["California", "Oregon", "Nebraska", "Nevada", "Kansas"]
    assert {(e.country_code, e.feature_code) for e in states} == {("US", "ADM1")}
    town = [
        p.entry
        for p in geoparser.places("A school in Oregon, Ohio, was closed as a precaution.")
        if p.mention.text == "Oregon"
    ]
    assert town and town[0].feature_class == "P" and town[0].admin1_code == "OH"


def test_a_hyphenated_country_keeps_its_whole_name(geoparser):
    found = mentions_with_countries(geoparser, "He flew to Port-au-Prince and then to Guinea-Bissau.")
    assert found[-1] == ("Guinea-Bissau", "GW")
    found = mentions_with_countries(geoparser, "Talks in Timor-Leste's capital ended on Friday.")
    assert found == [("Timor-Leste", "TL")]


def test_an_adjective_is_context_and_the_country_a_place(geoparser):
    text = (
        "The Philippine health ministry said HIV cases in the Philippines rose by a "
        "fifth last year, most of them in Manila."
    )
    found = mentions_with_countries(geoparser, text)
    assert found == [("Philippines", "PH"), ("Manila", "PH")]


def test_a_country_whose_name_is_also_its_adjective_is_a_place(geoparser):
    text = "New Zealand reported its first case on Friday; Wellington closed its schools."
    found = mentions_with_countries(geoparser, text)
    assert ("New Zealand", "NZ") in found


def test_a_generic_word_after_a_name_is_not_part_of_it_but_says_which_place(geoparser):
    text = "Cases rose in Washington state and in Henan province, officials said on Monday."
    places = {p.mention.text: p.entry for p in geoparser.places(text)}
    assert set(places) == {"Washington", "Henan"}
    assert (places["Washington"].country_code, places["Washington"].feature_code) == ("US", "ADM1")
    assert (places["Henan"].country_code, places["Henan"].feature_code) == ("CN", "ADM1")


def test_a_place_lending_its_name_to_a_disease_is_not_mentioned_as_a_place(geoparser):
    text = (
        "Bats caught in caves near Kampala carried the Marburg virus, and a case of "
        "Rift Valley fever was confirmed in Nairobi."
    )
    found = mentions_with_countries(geoparser, text)
    assert found == [("Kampala", "UG"), ("Nairobi", "KE")]


def test_regions_war_news_names_inside_one_country_are_places_of_that_country(geoparser):
    text = "Fighting in Darfur displaced thousands, and shelling continued across the Donbas, officials said."
    found = {n: (c, name) for n, c, name in names_and_countries(geoparser, text)}
    assert found == {"Darfur": ("SD", "Darfur"), "Donbas": ("UA", "Donbas")}


def test_the_first_statement_of_where_a_place_is_holds_for_the_article(geoparser):
    text = (
        "Windsor is a town lying west of Sydney, New South Wales, Australia. The area was "
        "first called Green Hills but was renamed Windsor, after Windsor in England. "
        "Windsor had 1,803 people in 2011."
    )
    windsors = {(p.entry.country_code, p.entry.admin1) for p in geoparser.places(text) if p.mention.text == "Windsor"}
    assert windsors == {("AU", "New South Wales")}


def test_a_dateline_names_a_place_even_in_capitals(geoparser):
    text = (
        "GAO, Oct. 9 (Reuters) - Soldiers repaired the bridge on Thursday, the army said, "
        "after floods cut the road north to Kidal."
    )
    found = mentions_with_countries(geoparser, text)
    assert found[0] == ("GAO", "ML")
    text = "MALAKAL — Aid convoys reached the river port on Monday after weeks of delay, the relief agencies said."
    assert mentions_with_countries(geoparser, text) == [("MALAKAL", "SS")]


def test_every_name_in_a_list_after_a_locative_word_is_a_place(geoparser):
    text = "Government aircraft struck targets in Aleppo, Homs, Hama, Palmyra and Idlib on Sunday."
    found = mentions_with_countries(geoparser, text)
    assert found == [(n, "SY") for n in ("Aleppo", "Homs", "Hama", "Palmyra", "Idlib")]
    text = "Rebels withdrew from Tadmur, Qaryatayn and Mahin, the monitor said."
    assert [n for n, _, _ in names_and_countries(geoparser, text)] == ["Tadmur", "Qaryatayn", "Mahin"]


def test_a_person_named_after_a_place_name_is_not_a_list_item(geoparser):
    text = "Kerry met Lavrov in Geneva, Kerry said on Friday, and spoke with Jackson, Lavrov and Zarif."
    assert [n for n, _, _ in names_and_countries(geoparser, text)] == ["Geneva"]


def test_a_town_the_model_calls_an_organisation_or_a_nationality_is_found_in_war_news(geoparser):
    # The small model tags both towns ORG or NORP in these sentences.
    text = "Rebel forces took control of Kidal on Tuesday after a week of heavy fighting."
    assert mentions_with_countries(geoparser, text) == [("Kidal", "ML")]
    text = (
        "Government troops took control of Malakal on Sunday, and fighting resumed in Bentiu, officials in Juba said."
    )
    assert mentions_with_countries(geoparser, text) == [("Malakal", "SS"), ("Bentiu", "SS"), ("Juba", "SS")]


def test_a_news_agency_is_not_a_place(geoparser):
    text = (
        "The state news agency SANA showed footage of jets over Homs, and the agency "
        "said SANA reporters had reached the front."
    )
    found = mentions_with_countries(geoparser, text)
    assert "SANA" not in [n for n, _ in found]
    assert ("Homs", "SY") in found


def test_people_named_like_places_are_not_places(geoparser):
    text = (
        "Jordan Henderson scored twice in Liverpool on Saturday, and Florence Pugh "
        "watched from the stands with Dallas Green."
    )
    assert [n for n, _ in mentions_with_countries(geoparser, text)] == ["Liverpool"]
    text = "Coach Austin Rivers praised the team in Boston. Rivers said Chelsea Clinton had called."
    assert [n for n, _ in mentions_with_countries(geoparser, text)] == ["Boston"]


def test_a_name_the_model_runs_into_the_next_line_still_gives_its_place(geoparser):
    text = "Militants attacked the road near Tingo Maria\n- Tourists were told to stay in Lima."
    places = {p.mention.text: p.entry.country_code for p in geoparser.places(text)}
    assert places.get("Tingo Maria") == "PE"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Rebels advanced on Goma as Kinshasa said Congo would not negotiate.", "CD"),
        ("Brazzaville was calm on Sunday, and Congo's army left Pointe-Noire.", "CG"),
    ],
)
def test_congo_is_whichever_congo_the_article_is_in(geoparser, text, country):
    places = {p.mention.text: p.entry.country_code for p in geoparser.places(text)}
    assert places.get("Congo") == country


@pytest.mark.parametrize(
    "text",
    [
        "Ashby is a quiet town beside the canal. Ashby was an important stop for coaches in the 1700s.",
        "Carlton is a farming village south of the hills. Carlton has a chapel, a mill and two inns.",
    ],
)
def test_a_town_the_text_defines_is_found_where_a_sentence_opens_with_it(nlp, real_gazetteer, text):
    # The small model calls both an organisation; an encyclopedia's way of naming a town.
    from geo.parse.mentions import recognise

    name = text.split()[0]
    assert [m.text for m in recognise(nlp(text), real_gazetteer).mentions] == [name, name]


def test_the_first_word_of_a_town_known_in_another_spelling_is_not_a_place_of_its_own(nlp, real_gazetteer):
    # Whatever the model calls "Tal Rifaat" (here a person), "Tal" alone is an alternate
    # name of a town near Damascus: the whole name, a close spelling of Tall Rif'at, must
    # not yield its first word as a candidate.
    from spacy.tokens import Span

    from geo.parse.placefeatures import candidates

    doc = nlp("Shells hit Tal Rifaat overnight.")
    doc.ents = [Span(doc, 2, 4, label="PERSON")]
    assert "Tal" not in [c.text for c in candidates(doc, real_gazetteer)]


def test_a_demonym_the_model_calls_a_person_still_says_the_country(nlp, real_gazetteer):
    # The small model does not tag "Azerbaijani" a nationality here; it is as much a sign of the country.
    from geo.parse.mentions import recognise

    doc = nlp("Later, Azerbaijani generals said shells hit Goranboy overnight.")
    assert [e.label_ for e in doc.ents if e.text == "Azerbaijani"] != ["NORP"]
    assert "AZ" in recognise(doc, real_gazetteer).demonym_countries


def test_a_demonym_qualifies_the_name_after_a_noun_and_of(nlp, real_gazetteer):
    from geo.parse.mentions import recognise

    text = "Floods cut off the Tajik town of Isfara on Tuesday, while Tajik officials stayed in Dushanbe."
    found = recognise(nlp(text), real_gazetteer)
    assert found.demonym_of == ((text.index("Isfara"), "TJ"),)


def test_a_namesake_abroad_is_not_mapped_when_a_demonym_names_the_place_s_country(geoparser):
    # The gazetteer has no Versailles in Mali; the one it knows is in France.
    text = "Gunmen raided the Malian village of Versailles overnight, officials in Bamako said."
    found = [(n, c) for n, c, _ in names_and_countries(geoparser, text)]
    assert ("Versailles", "FR") not in found
    assert ("Bamako", "ML") in found


def test_former_states_and_breakaway_regions_are_found_in_their_countries(geoparser):
    text = (
        "Veterans of the Soviet Union's long campaign gathered on Sunday. Separately, monitors reported "
        "shelling near the boundary of South Ossetia, while elders in Somaliland and officials in Puntland "
        "discussed the disputed border. A historian recalled how Biafra ran short of food."
    )
    found = dict(mentions_with_countries(geoparser, text))
    assert found.get("Soviet Union") == "RU"
    assert found.get("South Ossetia") == "GE"
    assert found.get("Somaliland") == "SO"
    assert found.get("Puntland") == "SO"
    assert found.get("Biafra") == "NG"


def test_a_bare_ocean_or_sea_name_is_the_water_not_a_small_town_named_after_it(geoparser):
    # Small towns in the United States bear each of these names; news means the water.
    text = "Two destroyers crossed the Atlantic on their way to the Baltic, where drills began near Lithuania."
    kinds = {p.mention.text: p.entry.feature_code for p in geoparser.places(text)}
    assert (kinds.get("Atlantic"), kinds.get("Baltic")) == ("OCN", "SEA")


def test_a_large_island_named_bare_is_the_island_not_a_village_of_its_name(geoparser):
    # A village of 3,000 in the south of the Philippines bears the name of the country's largest
    # island, and one in Georgia that of Indonesia's most populous.
    text = (
        "Relief flights left Manila for storm-hit towns across Luzon on Tuesday, "
        "while a second convoy of rice reached ports on Java and Sumatra."
    )
    kinds = {p.mention.text: p.entry.feature_code for p in geoparser.places(text)}
    assert (kinds.get("Luzon"), kinds.get("Java"), kinds.get("Sumatra")) == ("ISL", "ISL", "ISL")


def test_the_pacific_beside_an_island_far_out_in_it_is_the_ocean(geoparser):
    text = "A typhoon churned across the Pacific towards Guam on Monday, and the navy moved its ships out."
    placed = {p.mention.text: p.entry for p in geoparser.places(text)}
    assert placed["Pacific"].feature_code == "OCN"
    assert placed["Guam"].country_code == "GU"


def test_another_spelling_of_a_town_the_text_introduces_as_a_town_is_read_in_the_storys_country(geoparser):
    # "Harardhere" is a spelling of Xarardheere, hundreds of km from the story's other places:
    # named plainly it stays unread, but "the fishing town of" makes it one of the story's own.
    plain = "Militants withdrew from Harardhere on Monday, officials in Mogadishu said."
    assert "Harardhere" not in {p.mention.text for p in geoparser.places(plain)}
    text = "Troops entered the fishing town of Harardhere on Monday, officials in Mogadishu said."
    found = {p.mention.text: p.entry for p in geoparser.places(text)}
    assert found["Harardhere"].name == "Xarardheere" and found["Harardhere"].country_code == "SO"


def test_a_town_sharing_its_province_s_name_is_still_the_town(geoparser):
    places = {p.mention.text: p.entry for p in geoparser.places("Shelling hit Raqqa and Hama overnight.")}
    assert places["Raqqa"].feature_code != "ADM1" and places["Hama"].feature_code != "ADM1"


def test_a_region_s_seat_abroad_does_not_take_the_name_of_the_story_s_own_town(geoparser):
    # Ilam is a provincial capital in Iran and a hill town in eastern Nepal; the story is Nepal's.
    text = (
        "Under the accord signed in Kathmandu, former rebel fighters will gather in camps in Ilam, "
        "Dhading, Rolpa and Surkhet districts. Officials in New Delhi welcomed the deal."
    )
    countries = {p.mention.text: p.entry.country_code for p in geoparser.places(text)}
    assert countries.get("Ilam") == "NP"


def test_a_region_s_seat_is_still_read_in_a_story_from_its_own_country(geoparser):
    text = "Iranian police arrested smugglers near Ilam, close to the Iraqi border, state media said."
    countries = {p.mention.text: p.entry.country_code for p in geoparser.places(text)}
    assert countries.get("Ilam") == "IR"


def test_a_town_named_in_full_then_by_its_first_words_stays_the_same_town(geoparser):
    # Small towns called just "San Vicente" lie in El Salvador and elsewhere in Colombia; the
    # report named its own town in full first.
    text = (
        "Troops retook the town of San Vicente del Caguan in southern Colombia on Tuesday, the defence "
        "ministry in Bogota said. Residents of San Vicente said the shooting went on for hours."
    )
    placed = [(p.mention.text, p.entry) for p in geoparser.places(text)]
    full = next(e for n, e in placed if n == "San Vicente del Caguan")
    short = [e for n, e in placed if n == "San Vicente"]
    assert short and all(e.geonameid == full.geonameid for e in short)


def test_a_name_the_recogniser_cuts_short_before_a_particle_is_read_whole(geoparser):
    # "Santa Cruz" alone is also a Bolivian department, whose point lies far from the city.
    text = (
        "Floods cut the road between Santa Cruz de la Sierra and Cochabamba in Bolivia on Monday. "
        "In Santa Cruz, hundreds of families left their homes."
    )
    placed = [p.entry for p in geoparser.places(text) if p.mention.text == "Santa Cruz"]
    assert placed and {(e.name, e.feature_code) for e in placed} == {("Santa Cruz de la Sierra", "PPL")}


def test_an_old_full_name_the_gazetteer_lacks_leaves_the_town_s_own_reading(geoparser):
    # The longer form is no listed place; the town is still the one the text describes.
    text = "San Fernando de Naparima, now San Fernando, is the second city of Trinidad and Tobago."
    placed = {p.mention.text: p.entry.country_code for p in geoparser.places(text)}
    assert placed.get("San Fernando") == "TT"
