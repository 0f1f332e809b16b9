"""Article-length wire reports of thirty wars that neither the coded corpus nor the short
report sets (``tests.actor_reports`` and its siblings) tell of, written for these tests, each
with the two actors an ACLED coder would give every frontline event it reports.

Where the short sets give one sentence of fighting, these give what a wire story carries
round it: a dateline, a lead, a second source's account, background paragraphs that name
older battles and other groups, officials of third countries quoted, a "Related:" footer, a
group named by an alias in one paragraph and in full in another, a side told only as "the
rebels", "the militants", "the junta" or "security forces", and the forces of a country the
article names once. Each also names places where nothing was fought (a capital a statement
came from, a town an older battle was fought at years ago), listed as ``quiet``.

Names follow the short sets: "Military Forces of X" and "Police Forces of X" for a state's
forces, "Civilians (X)" for the victims of a one-sided attack, "Unidentified Armed Group (X)"
for attackers nobody names, and an armed group as the text names it ("ACRONYM: Full Name"
when it gives both).

Scored on the code before any change it led to: 27 of 49 fighting places right
(``article_misses``); 9 places get no frontline event and 13 the wrong actors. (As first
written the articles were shorter, 114-180 words with 47 places, and read 25 of 47; they were
lengthened to 200-280 words with background paragraphs after the changes, and the longer
text was scored again on the unchanged code for the figure above.)
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from geo.eval.coded import same_actors
from geo.records import Article, Event


class ActorArticle(NamedTuple):
    """One article: its text, the day it was published, the two actors of each place where it
    reports fighting, and places it names where nothing was fought."""

    text: str
    published: date
    events: dict[str, frozenset[str]]
    quiet: tuple[str, ...] = ()


ACTOR_ARTICLES: list[ActorArticle] = [
    # Angola, the war after the election of 1992.
    ActorArticle(
        "LUANDA, Feb 3 - UNITA rebels shelled the besieged central city of Kuito for a third day on "
        "Wednesday, killing at least 40 civilians who had taken shelter in the city centre, a government "
        "spokesman said.\n\n"
        "The spokesman said artillery fire from the hills around the city had hit a hospital and a "
        "church where hundreds of displaced families were sleeping. Aid workers in Luanda said they had "
        "lost radio contact with the city on Tuesday.\n\n"
        "The National Union for the Total Independence of Angola, led by Jonas Savimbi, went back to war "
        "after losing the election of September 1992 and now holds most of the central highlands. A "
        "rebel radio station said the movement's gunners were aiming only at government positions.\n\n"
        "In the south, government troops repelled an attack by the rebels on the airport at Menongue on "
        "Tuesday night, killing 22 of them, the army said. Two soldiers were wounded.\n\n"
        "Menongue lies close to Cuito Cuanavale, where Cuban and South African forces fought the longest "
        "battle of the last war in 1988. A Portuguese foreign ministry official said in Lisbon that the "
        "three observer countries would meet next week to try to revive the peace accords.\n\n"
        "Residents who reached Luanda by air last month said food was running short and that families "
        "were burning furniture to cook. The World Food Programme said it had no way to land supplies "
        "while the airstrip was under fire.\n\n"
        "Savimbi's movement has denied shelling civilians and accuses the government of using the city's "
        "churches as arms depots. Western diplomats in Luanda said neither side appeared ready to return "
        "to talks.\n\n"
        "Related: UN envoy says food flights to Angola's interior suspended",
        date(1993, 2, 3),
        {
            "Kuito": frozenset({"Civilians (Angola)", "UNITA: National Union for the Total Independence of Angola"}),
            "Menongue": frozenset(
                {"Military Forces of Angola", "UNITA: National Union for the Total Independence of Angola"}
            ),
        },
        ("Luanda", "Cuito Cuanavale", "Lisbon"),
    ),
    # Mozambique, the civil war of the 1980s.
    ActorArticle(
        "MAPUTO, July 21 - Rebels of the Mozambique National Resistance killed at least 380 people in an "
        "attack on the southern town of Homoine on Saturday, the national news agency said on Tuesday.\n\n"
        "Survivors told reporters that the attackers went from house to house with axes and knives, and "
        "that patients were killed in their beds at the town's hospital. The government said the dead "
        "included women and children.\n\n"
        "Renamo, as the movement is known, denied any part in the killings in a statement issued in "
        "Lisbon and said government troops had carried them out to discredit it.\n\n"
        "In the centre of the country, government forces backed by Zimbabwean troops overran a Renamo "
        "base near Gorongosa last week, killing 45 rebels, the defence ministry said. Zimbabwe has "
        "several thousand soldiers guarding the railway from its border to the port of Beira.\n\n"
        "A spokesman for the South African foreign ministry in Pretoria said his government had stopped "
        "all support for the rebels under the Nkomati accord of 1984. Diplomats in Maputo said supplies "
        "were still reaching Renamo from across the border.\n\n"
        "The national news agency said the attackers arrived before dawn from the direction of the "
        "Inharrime road and left after about three hours, taking food and clothing from the shops. "
        "Doctors at the provincial hospital in Inhambane said they were treating more than 70 wounded.\n\n"
        "The government calls the rebels armed bandits and says they are still directed from South "
        "Africa. Renamo says it is fighting for free elections and an end to one-party rule.",
        date(1987, 7, 21),
        {
            "Homoine": frozenset({"Civilians (Mozambique)", "RENAMO: Mozambican National Resistance"}),
            "Gorongosa": frozenset({"Military Forces of Mozambique", "RENAMO: Mozambican National Resistance"}),
        },
        ("Maputo", "Lisbon", "Beira", "Pretoria"),
    ),
    # Senegal, the Casamance conflict.
    ActorArticle(
        "ZIGUINCHOR, Senegal, Aug 20 - Separatist rebels ambushed an army convoy near the town of "
        "Bignona in Senegal's southern Casamance region on Monday, killing 11 soldiers, military sources "
        "said.\n\n"
        "The convoy was bringing supplies to a post on the road north from Ziguinchor when it came under "
        "fire from rocket-propelled grenades and machine guns. Fighters of the Movement of Democratic "
        "Forces of Casamance (MFDC) have fought for independence for the region since 1982.\n\n"
        "An MFDC commander reached by telephone said the movement's fighters had attacked in response to "
        "army shelling of villages near the border. He said three of his men were killed.\n\n"
        "Separately, gunmen robbed and shot dead four villagers returning from a market near Oussouye on "
        "Sunday, police said. Nobody claimed the killings, and local officials said bandits who were not "
        "members of the movement often used the region's forests as cover.\n\n"
        "Guinea-Bissau's army said it had closed its side of the border at Sao Domingos. In Dakar, the "
        "armed forces ministry said reinforcements were on their way to the region.\n\n"
        "Local officials said the fighting had forced hundreds of families from villages along the road "
        "and that schools in the area would stay closed. Some families crossed into Gambia, a Red Cross "
        "official in Ziguinchor said.\n\n"
        "The MFDC has been split between a political wing that wants talks with Dakar and commanders in "
        "the forest who reject them. A ceasefire agreed in 1993 broke down last year. Abbe Augustin "
        "Diamacoune Senghor, the movement's leader, said in a statement that he still wanted to "
        "negotiate.",
        date(1997, 8, 20),
        {
            "Bignona": frozenset({"MFDC: Movement of Democratic Forces of Casamance", "Military Forces of Senegal"}),
            "Oussouye": frozenset({"Civilians (Senegal)", "Unidentified Armed Group (Senegal)"}),
        },
        ("Ziguinchor", "Sao Domingos", "Dakar"),
    ),
    # Western Sahara, the war of 1975-1991.
    ActorArticle(
        "RABAT, Oct 8 - Guerrillas of the Polisario Front attacked the Western Saharan town of Smara on "
        "Saturday and fought Moroccan troops in its streets for several hours before withdrawing, a "
        "Moroccan military communique said.\n\n"
        "The communique said the attackers lost more than 200 men and dozens of vehicles, and that the "
        "town's garrison had lost 20 soldiers. A Polisario spokesman in Algiers said the guerrillas had "
        "killed more than 700 soldiers and captured large quantities of arms.\n\n"
        "The front, which wants independence for the former Spanish colony, signed a peace agreement "
        "with Mauritania in August. Morocco then took over the southern part of the territory that "
        "Mauritania had held, including the town of Dakhla.\n\n"
        "Morocco accuses Algeria of arming the guerrillas. An Algerian foreign ministry spokesman said "
        "the Sahrawi people's struggle was a matter for the United Nations.\n\n"
        "Journalists taken to Smara by the Moroccan army on Monday saw burnt-out Land Rovers and the "
        "bodies of attackers in the sand outside the town's walls. Officers said the guerrillas had come "
        "from bases across the Algerian border, some 300 km to the east.\n\n"
        "The Polisario, which proclaimed the Sahrawi Arab Democratic Republic in 1976, says it has the "
        "backing of most African states. King Hassan said in a speech last week that Morocco would not "
        "give up an inch of its Sahara.\n\n"
        "The attack was the largest since the guerrillas struck the Moroccan town of Tan-Tan in "
        "January.\n\n"
        "Related: Moroccan jets strike Polisario columns near the Mauritanian border",
        date(1979, 10, 8),
        {
            "Smara": frozenset({"Military Forces of Morocco", "Polisario Front"}),
        },
        ("Rabat", "Algiers", "Dakhla", "Tan-Tan"),
    ),
    # DR Congo, the second war.
    ActorArticle(
        "KINSHASA, June 9 - Rwandan and Ugandan troops fought with heavy weapons for a fourth day in the "
        "northeastern city of Kisangani on Friday, killing scores of civilians, aid workers said.\n\n"
        "Both armies are in Congo to support rebels fighting President Laurent Kabila, but they have "
        "fallen out over control of the city and its diamond trade. Shells from the Ugandan positions "
        "north of the Tshopo river landed on the Rwandan-held city centre, a Red Cross official said.\n\n"
        "Further south, rebels of the Congolese Rally for Democracy said they had repulsed an attack by "
        "government troops on their positions near Pepa, killing 30 of them. The RCD, backed by Rwanda, "
        "holds most of the east of the country.\n\n"
        "A government spokesman in Kinshasa denied the report. Zimbabwe, Angola and Namibia have sent "
        "troops to defend the Kabila government, and Zimbabwean aircraft have bombed rebel towns.\n\n"
        "The Security Council was due to discuss the fighting on Monday. A spokesman for the British "
        "Foreign Office in London said both Rwanda and Uganda should withdraw from the city at once.\n\n"
        "Aid workers said many of the dead were killed when shells hit houses in the Tshopo and Makiso "
        "districts, and that the city's main hospital had run out of blood. Thousands of people had fled "
        "across the river to the left bank.\n\n"
        "The two armies first fought in the city in August last year and again in May. Each accuses the "
        "other of starting the fighting. A Ugandan army spokesman in Kampala said its forces had only "
        "returned fire. A Rwandan army spokesman in Kigali said Uganda had attacked first.\n\n"
        "The Lusaka ceasefire signed last year has never been applied.",
        date(2000, 6, 9),
        {
            "Kisangani": frozenset({"Military Forces of Rwanda", "Military Forces of Uganda"}),
            "Pepa": frozenset(
                {"Military Forces of Democratic Republic of Congo", "RCD: Congolese Rally for Democracy"}
            ),
        },
        ("Kinshasa", "London", "Kampala", "Kigali"),
    ),
    # Nigeria, the Niger Delta.
    ActorArticle(
        "PORT HARCOURT, Nigeria, Jan 16 - Militants attacked a military houseboat guarding an oil "
        "terminal near Bonny Island on Sunday, killing seven soldiers, a military spokesman said.\n\n"
        "The Movement for the Emancipation of the Niger Delta said in an email to journalists that its "
        "fighters had carried out the attack and warned oil companies to leave the region. MEND says it "
        "is fighting for a greater share of the Delta's oil wealth for its people.\n\n"
        "The Joint Task Force, which commands troops in the Delta, said it had launched air and sea "
        "patrols in the creeks. On Monday soldiers raided militant camps in the creeks outside Warri, "
        "killing at least 12 fighters, a JTF spokesman said. MEND said six of its men had died.\n\n"
        "Oil output from the Delta has fallen by a fifth since the militants began attacking pipelines "
        "in 2006. A U.S. State Department spokesman in Washington urged the government in Abuja to "
        "address the region's grievances.\n\n"
        "The military said the attackers came in speedboats before dawn and fired on the houseboat with "
        "machine guns and rocket-propelled grenades before escaping into the creeks. Three soldiers were "
        "missing.\n\n"
        "MEND, which first appeared in late 2005, has kidnapped dozens of foreign oil workers and blown "
        "up pipelines, forcing Shell and other companies to shut in production. Its spokesman, who uses "
        "the name Jomo Gbomo, said the group would go on attacking until the government freed its "
        "leaders.\n\n"
        "Related: Oil prices rise on Nigeria supply fears",
        date(2007, 1, 16),
        {
            "Bonny": frozenset(
                {"MEND: Movement for the Emancipation of the Niger Delta", "Military Forces of Nigeria"}
            ),
            "Warri": frozenset(
                {"MEND: Movement for the Emancipation of the Niger Delta", "Military Forces of Nigeria"}
            ),
        },
        ("Port Harcourt", "Washington", "Abuja"),
    ),
    # Sudan, the second civil war.
    ActorArticle(
        "NAIROBI, Jan 14 - Southern rebels said on Tuesday they had captured the garrison town of Kurmuk "
        "in Sudan's Blue Nile region near the Ethiopian border after two days of fighting.\n\n"
        "A spokesman for the Sudan People's Liberation Army (SPLA) said its fighters killed more than "
        "100 government soldiers and took 60 prisoners. The government in Khartoum said the town had "
        "been attacked by Ethiopian troops, not by the rebels, and called for an Arab summit.\n\n"
        "An Ethiopian government spokesman in Addis Ababa denied that any of the country's soldiers had "
        "crossed the border.\n\n"
        "In the Nuba Mountains, government Antonov aircraft bombed a market at Kauda on Sunday, killing "
        "nine people, church groups said. The SPLA has fought Khartoum since 1983, and the Nuba "
        "Mountains have been cut off from aid for most of that time.\n\n"
        "The capture of Kurmuk would give the SPLA a foothold in the north for the first time in years. "
        "The town has changed hands several times since 1987. Residents fled towards the town of "
        "Damazin, a Sudanese official said.\n\n"
        "Church groups in Nairobi said the bombing of Kauda took place on a market day, when hundreds of "
        "people had come in from the hills. Relief flights to the area are banned by the government in "
        "Khartoum, which says aid groups supply the rebels.\n\n"
        "Related: Relief agencies warn of famine in Bahr el Ghazal",
        date(1997, 1, 14),
        {
            "Kurmuk": frozenset({"Military Forces of Sudan", "SPLM/A: Sudan People's Liberation Movement/Army"}),
            "Kauda": frozenset({"Civilians (Sudan)", "Military Forces of Sudan"}),
        },
        ("Nairobi", "Khartoum", "Addis Ababa", "Damazin"),
    ),
    # Egypt, the insurgency in Sinai.
    ActorArticle(
        "CAIRO, July 1 - Islamic State militants launched simultaneous attacks on army checkpoints "
        "around the town of Sheikh Zuweid in north Sinai on Wednesday, killing at least 17 soldiers, the "
        "military said.\n\n"
        "The army said it had killed about 100 of the attackers in the fighting and in air strikes that "
        "followed. Witnesses said the militants fired rocket-propelled grenades at the checkpoints and "
        "drove a car bomb into one of them.\n\n"
        "Sinai Province, the Islamic State affiliate formerly known as Ansar Bayt al-Maqdis, said in a "
        "statement that it had attacked more than 15 positions. The group also claimed a mortar attack "
        "on a police station in El-Arish on Wednesday that wounded three policemen.\n\n"
        "The group has killed hundreds of soldiers and policemen since the army ousted President Mohamed "
        "Mursi in 2013. An Israeli military spokesman said the Kerem Shalom crossing to Gaza had been "
        "closed as a precaution.\n\n"
        "Residents of Sheikh Zuweid said they had stayed indoors all day as fighting raged in the "
        "streets, and that Apache helicopters were flying over the town. Mobile phone networks in the "
        "area were cut.\n\n"
        "Cairo said it would bring in new laws to speed up trials of militants. President Abdel Fattah "
        "al-Sisi met his security chiefs on Wednesday evening, state television said.\n\n"
        "Related: Egypt court sentences Brotherhood leaders to death",
        date(2015, 7, 1),
        {
            "Sheikh Zuweid": frozenset({"Islamic State Sinai Province", "Military Forces of Egypt"}),
            "El-Arish": frozenset({"Islamic State Sinai Province", "Police Forces of Egypt"}),
        },
        ("Cairo", "Gaza"),
    ),
    # Chad and Libya, the war of 1987.
    ActorArticle(
        "N'DJAMENA, March 23 - Chadian troops captured the Libyan air base at Ouadi Doum in the north of "
        "the country on Sunday after a battle in which more than 1,200 Libyan soldiers were killed, the "
        "Chadian information ministry said.\n\n"
        "The ministry said the Chadian forces, travelling in Toyota pick-up trucks armed with anti-tank "
        "missiles, had seized 11 aircraft and dozens of tanks. There was no comment from Tripoli.\n\n"
        "Chad retook the oasis of Fada from the Libyans in January. On Monday Libyan warplanes bombed "
        "Faya-Largeau, killing five civilians, a Chadian military spokesman said.\n\n"
        "Libya has occupied the far north of Chad since 1973, when it took over the Aouzou strip. The "
        "Libyan-backed forces of former president Goukouni Oueddei broke with Tripoli last year and "
        "joined the government side.\n\n"
        "A French defence ministry spokesman in Paris said French aircraft had not taken part in the "
        "fighting. France has about 1,500 troops in Chad south of the 16th parallel.\n\n"
        "The ministry showed Libyan prisoners to reporters in N'Djamena on Monday. It said Chadian "
        "forces lost 29 men in the battle for the base.\n\n"
        "Colonel Muammar Gaddafi has said Libyan troops in northern Chad are there to help the Chadian "
        "opposition, not to occupy the country. Diplomats in N'Djamena said Libya still had about 8,000 "
        "troops in the Aouzou strip and around Faya-Largeau.\n\n"
        "The United States has supplied Chad with Stinger missiles and other weapons, and France has "
        "given air cover south of the 16th parallel.",
        date(1987, 3, 23),
        {
            "Ouadi Doum": frozenset({"Military Forces of Chad", "Military Forces of Libya"}),
            "Faya-Largeau": frozenset({"Civilians (Chad)", "Military Forces of Libya"}),
        },
        ("N'Djamena", "Tripoli", "Fada", "Paris"),
    ),
    # Sri Lanka, the JVP insurrection of 1987-89.
    ActorArticle(
        "COLOMBO, Aug 4 - Suspected members of the People's Liberation Front shot dead a village headman "
        "and his two sons near the southern town of Matara on Thursday, police said.\n\n"
        "The Janatha Vimukthi Peramuna, as the Sinhalese group is known, has killed hundreds of "
        "officials, party workers and their families since it began its campaign against the Indian "
        "peacekeeping accord of 1987. Police said the gunmen left a note accusing the headman of "
        "informing on the movement.\n\n"
        "Security forces killed 14 suspected JVP members in a raid on a hideout near Galle on Friday, a "
        "military spokesman said. He said weapons and leaflets calling for a general strike were "
        "found.\n\n"
        "In the north, the Indian Peace Keeping Force is fighting Tamil separatists around Jaffna. An "
        "Indian High Commission spokesman in Colombo said New Delhi would withdraw its troops only when "
        "asked to by the Sri Lankan government.\n\n"
        "Police said nearly 40 people had been killed in the south in the past week, most of them by the "
        "JVP. The group has also called strikes that have closed shops and stopped buses in the south "
        "for days at a time.\n\n"
        "Human rights groups accuse the security forces and vigilante groups of killing thousands of "
        "suspected JVP supporters and dumping their bodies by roads and in rivers. The government says "
        "the groups are not linked to the army.\n\n"
        "Related: Sri Lankan president offers talks with JVP",
        date(1989, 8, 4),
        {
            "Matara": frozenset({"Civilians (Sri Lanka)", "JVP: People's Liberation Front"}),
            "Galle": frozenset({"JVP: People's Liberation Front", "Military Forces of Sri Lanka"}),
        },
        ("Colombo", "Jaffna", "New Delhi"),
    ),
    # The Philippines, the communist insurgency.
    ActorArticle(
        "MANILA, March 5 - Communist guerrillas ambushed an army truck on a highway near the town of "
        "Borongan on the island of Samar on Tuesday, killing eight soldiers, the military said.\n\n"
        "The guerrillas of the New People's Army detonated a land mine under the truck and then opened "
        "fire on the survivors from a hillside, an army spokesman said. The NPA, the armed wing of the "
        "Communist Party of the Philippines, has fought the government since 1969.\n\n"
        "On Wednesday soldiers backed by helicopter gunships attacked a rebel camp in the mountains near "
        "Calbayog, killing five guerrillas, the spokesman said. The rebels said in a statement that the "
        "dead were farmers.\n\n"
        "Peace talks between the government and the rebels broke down in Oslo last year. A spokesman for "
        "the U.S. embassy in Manila said Washington condemned the ambush.\n\n"
        "Villagers near Borongan said the soldiers had been on their way to a town fiesta. The army said "
        "the truck was carrying 14 men and that six survived with wounds.\n\n"
        "The NPA has about 4,000 fighters, according to military estimates, and is strongest in the poor "
        "rural areas of Samar and Mindanao. President Rodrigo Duterte ended peace talks with the "
        "communists in 2017 and declared the rebels terrorists.\n\n"
        "The Communist Party's leader, Jose Maria Sison, lives in exile in the Netherlands and said in a "
        "statement from Utrecht that the ambush was a legitimate act of war.",
        date(2019, 3, 5),
        {
            "Borongan": frozenset({"Military Forces of Philippines", "NPA: New People's Army"}),
            "Calbayog": frozenset({"Military Forces of Philippines", "NPA: New People's Army"}),
        },
        ("Manila", "Oslo", "Washington"),
    ),
    # India, the Maoist insurgency.
    ActorArticle(
        "RAIPUR, India, April 6 - Maoist rebels killed 75 paramilitary policemen in an ambush in the "
        "forests of Dantewada district in the central state of Chhattisgarh on Tuesday, officials "
        "said.\n\n"
        "The policemen of the Central Reserve Police Force were returning from a three-day operation "
        "when about 300 rebels opened fire from a ridge and set off land mines, a police officer said. "
        "Eight rebels were killed.\n\n"
        "The rebels, known as Naxalites after the village of Naxalbari in West Bengal where their "
        "movement began in 1967, say they are fighting for the rights of tribal people and landless "
        "farmers. The Communist Party of India (Maoist) has thousands of fighters in a belt of forests "
        "across eastern India.\n\n"
        "Home Minister P. Chidambaram said in New Delhi that the operation against the rebels would go "
        "on. Relief workers said villagers in the district had fled to camps run by the state government "
        "in Raipur and other towns.\n\n"
        "The police officer said the men were ambushed on a forest track near the village of Chintalnar "
        "and that the rebels looted their weapons before melting into the forest. Helicopters took the "
        "wounded to hospitals in Raipur and Jagdalpur.\n\n"
        "It was the deadliest attack on government forces in the four-decade insurgency. Prime Minister "
        "Manmohan Singh has called the Maoists the biggest internal security threat India faces.",
        date(2010, 4, 6),
        {
            "Dantewada": frozenset({"CPI (Maoist): Communist Party of India (Maoist)", "Police Forces of India"}),
        },
        ("Raipur", "Naxalbari", "New Delhi", "Jagdalpur"),
    ),
    # Pakistan, the Baloch insurgency.
    ActorArticle(
        "QUETTA, Pakistan, Dec 18 - Separatist militants attacked a Frontier Corps post in the Kohlu "
        "district of Balochistan province on Monday, killing six paramilitary soldiers, officials "
        "said.\n\n"
        "A spokesman for the Baloch Liberation Army said in a telephone call to reporters that the BLA's "
        "fighters had overrun the post and seized weapons. The group has fought for independence for the "
        "gas-rich province for years.\n\n"
        "Separately, gunmen shot dead six labourers from Punjab at a construction site near Turbat on "
        "Sunday. Nobody claimed that attack, police said.\n\n"
        "The militants have repeatedly attacked gas pipelines and railway lines, and the army has "
        "carried out operations in the Bugti and Marri tribal areas since 2005. Interior Ministry "
        "officials in Islamabad accused neighbouring countries of sheltering the rebels. An Iranian "
        "consular official in Quetta said the accusation was baseless.\n\n"
        "Officials said the attackers used rockets and heavy machine guns and that the fighting lasted "
        "for more than an hour before reinforcements arrived from a nearby camp. Two of the attackers "
        "were killed, the officials said.\n\n"
        "The insurgency grew after the army killed the Bugti tribal leader Nawab Akbar Bugti in a cave "
        "in August. His killing set off riots in Quetta and other towns. Nationalist parties say the "
        "province's gas and minerals are taken by the rest of the country.\n\n"
        "Related: Pakistan says it will build new army cantonments in Balochistan",
        date(2006, 12, 18),
        {
            "Kohlu": frozenset({"BLA: Baloch Liberation Army", "Military Forces of Pakistan"}),
            "Turbat": frozenset({"Civilians (Pakistan)", "Unidentified Armed Group (Pakistan)"}),
        },
        ("Quetta", "Islamabad"),
    ),
    # Afghanistan, the Soviet war.
    ActorArticle(
        "ISLAMABAD, Sept 9 - Muslim guerrillas shot down a Soviet helicopter gunship near the eastern "
        "Afghan city of Jalalabad on Monday, killing its crew of four, Western diplomats said on "
        "Wednesday.\n\n"
        "The diplomats said the guerrillas used a shoulder-fired missile, the third such kill near "
        "Jalalabad this month. A spokesman for one of the mujahideen parties based in Peshawar said its "
        "fighters had also attacked an Afghan army post outside the city.\n\n"
        "In the north, Soviet jets bombed villages in the Panjshir valley last week, killing dozens of "
        "civilians, the diplomats said. The valley has been held by the guerrillas of Ahmad Shah Massoud "
        "since the first Soviet offensives against it in 1980.\n\n"
        "The Soviet Union has about 115,000 troops in Afghanistan. The government news agency in Kabul "
        "said the rebels had been routed. A State Department spokesman in Washington said the United "
        "States would go on supplying the resistance.\n\n"
        "The guerrillas, who are backed by the United States, Pakistan and several Arab countries, have "
        "been fighting the communist government in Kabul since 1978. Western diplomats say the "
        "shoulder-fired missiles have made Soviet helicopters fly higher and less often.\n\n"
        "Refugees arriving in Peshawar from the Panjshir said bombing had flattened villages along the "
        "river and that families were living in caves. The diplomats said the Soviet command had brought "
        "in fresh troops for a new offensive in the valley.\n\n"
        "Related: Refugees in Pakistan pass three million",
        date(1986, 9, 9),
        {
            "Jalalabad": frozenset({"Afghan Mujahideen", "Military Forces of Soviet Union"}),
            "Panjshir": frozenset({"Civilians (Afghanistan)", "Military Forces of Soviet Union"}),
        },
        ("Islamabad", "Peshawar", "Kabul", "Washington"),
    ),
    # Indonesia, Papua.
    ActorArticle(
        "JAYAPURA, Indonesia, Dec 4 - Separatist rebels shot dead at least 19 construction workers "
        "building a bridge in the remote Nduga regency of Papua province, police said on Tuesday.\n\n"
        "The West Papua National Liberation Army, the armed wing of the Free Papua Movement (OPM), said "
        "its fighters had carried out the killings and accused the workers of being soldiers in "
        "disguise. The workers were employed by a state construction company on the Trans-Papua "
        "highway.\n\n"
        "On Wednesday troops clashed with the rebels near Wamena as they moved to recover the bodies, "
        "and one soldier was killed, a military spokesman said. He said the army would hunt down the "
        "killers.\n\n"
        "Papua was taken over by Indonesia in 1963 and annexed after a disputed vote in 1969. A "
        "spokesman for Papua New Guinea's foreign ministry said in Port Moresby that refugees crossing "
        "the border would be cared for.\n\n"
        "The killings were the worst in the province in years. Police said the workers had been taken "
        "from their camp on Sunday and shot on a hill nearby. Several workers escaped into the forest "
        "and were found by a search team on Tuesday.\n\n"
        "Rebel commander Egianus Kogoya, who leads the group's fighters in Nduga, said the killings "
        "would go on until Indonesia left Papua. President Joko Widodo said in Jakarta that the "
        "construction of the highway would continue.\n\n"
        "Related: Indonesia sends more troops to Papua",
        date(2018, 12, 4),
        {
            "Nduga": frozenset({"Civilians (Indonesia)", "TPNPB: West Papua National Liberation Army"}),
            "Wamena": frozenset({"Military Forces of Indonesia", "TPNPB: West Papua National Liberation Army"}),
        },
        ("Jayapura", "Port Moresby", "Jakarta"),
    ),
    # Cambodia, the Khmer Rouge after the UN elections.
    ActorArticle(
        "PHNOM PENH, July 27 - Khmer Rouge guerrillas attacked a train in the southern province of "
        "Kampot on Tuesday, killing 13 passengers and kidnapping three foreign tourists, officials "
        "said.\n\n"
        "The guerrillas stopped the train with a rocket and searched the carriages, a railway official "
        "said. Survivors said the attackers took the foreigners and several Cambodians into the hills.\n\n"
        "In the northwest, government troops recaptured the rebel stronghold of Pailin on Thursday after "
        "a week of fighting, a defence ministry spokesman said. He said 30 Khmer Rouge fighters and 12 "
        "soldiers had been killed. The town, near the Thai border, was taken by the government in March "
        "but lost again in April.\n\n"
        "Thai officials at the border town of Aranyaprathet said about 2,000 refugees had crossed. "
        "Australia's foreign minister, Gareth Evans, said in Canberra that his government would help "
        "Cambodia's army with training.\n\n"
        "The train was on its way from Phnom Penh to the port of Sihanoukville when it was stopped, "
        "officials said. The guerrillas freed some of the Cambodian passengers after taking their money "
        "and rice.\n\n"
        "The Khmer Rouge pulled out of the peace process before the UN-run elections of May 1993 and has "
        "fought the new coalition government since. It ruled Cambodia from 1975 to 1979, when at least "
        "1.7 million people died. Diplomats said the group still had about 10,000 fighters along the "
        "Thai border.\n\n"
        "The governments of Britain and France said they were working for the release of the three "
        "foreigners.",
        date(1994, 7, 27),
        {
            "Kampot": frozenset({"Civilians (Cambodia)", "Khmer Rouge"}),
            "Pailin": frozenset({"Khmer Rouge", "Military Forces of Cambodia"}),
        },
        ("Phnom Penh", "Aranyaprathet", "Canberra", "Sihanoukville"),
    ),
    # Spain, ETA.
    ActorArticle(
        "MADRID, March 7 - A gunman shot dead a former Socialist town councillor outside his home in the "
        "Basque town of Mondragon on Friday, two days before a general election, police said.\n\n"
        "The government blamed the Basque separatist group ETA, which has killed more than 800 people in "
        "its campaign for independence since the 1960s. Witnesses said the gunman fired five shots and "
        "fled on foot.\n\n"
        "Euskadi Ta Askatasuna, as the group is formally called, ended its last ceasefire in 2007 with a "
        "bomb at Madrid's airport that killed two people. French police arrested several of its leaders "
        "in Bayonne last year.\n\n"
        "The main parties suspended their campaigns. A spokesman for the French interior ministry said "
        "in Paris that cooperation with Spanish police would continue.\n\n"
        "The councillor, who had left office last year, was shot as he left his house to go to work, "
        "police said. His wife and daughter ran out to help him. He died on the way to hospital.\n\n"
        "ETA has killed several Socialist and Popular Party politicians in the Basque Country since the "
        "1990s. The group declared a ceasefire in 2006 and opened talks with the government of Jose Luis "
        "Rodriguez Zapatero, but the talks collapsed.\n\n"
        "Thousands of people protested against the killing in towns across the Basque region on Friday "
        "evening.\n\n"
        "Related: Basque nationalists condemn killing",
        date(2008, 3, 7),
        {
            "Mondragon": frozenset({"Civilians (Spain)", "ETA: Basque Homeland and Liberty"}),
        },
        ("Madrid", "Bayonne", "Paris"),
    ),
    # Georgia, South Ossetia in 1991-92.
    ActorArticle(
        "TBILISI, June 10 - Georgian National Guard units shelled Tskhinvali, the main town of South "
        "Ossetia, overnight, killing at least nine people, Ossetian officials said on Wednesday.\n\n"
        "The Ossetian officials said the dead were civilians. The Georgian Interior Ministry said its "
        "forces had returned fire after South Ossetian separatists attacked Georgian villages around the "
        "town with mortars.\n\n"
        "Fighting between the two sides has killed hundreds since the region declared it wanted to join "
        "Russia in 1990. Separatist fighters also attacked a police post at Java on Tuesday, wounding "
        "three Georgian policemen, the ministry said.\n\n"
        "A spokesman for Russia's parliament said in Moscow that Russia could not stand aside if the "
        "killings went on. Georgian leader Eduard Shevardnadze said he was ready to meet Boris Yeltsin "
        "to agree on a ceasefire.\n\n"
        "Residents of Tskhinvali said they had spent the night in cellars and that the town's hospital "
        "was running out of medicines. The town has been without gas or electricity for weeks.\n\n"
        "The Georgian parliament abolished South Ossetia's autonomy in 1990 after the region declared "
        "its own republic. Georgian forces entered the town in January 1991 and were driven out after "
        "weeks of fighting. Thousands of Ossetians have fled north across the mountains to North "
        "Ossetia.\n\n"
        "Related: Georgia and Russia agree on peacekeeping force",
        date(1992, 6, 10),
        {
            "Tskhinvali": frozenset({"Civilians (Georgia)", "Military Forces of Georgia"}),
            "Java": frozenset({"Police Forces of Georgia", "South Ossetian Separatists"}),
        },
        ("Tbilisi", "Moscow", "North Ossetia"),
    ),
    # Azerbaijan, Baku in January 1990.
    ActorArticle(
        "MOSCOW, Jan 20 - Soviet troops stormed into Baku overnight, firing on crowds and barricades and "
        "killing at least 80 people, residents of the Azerbaijani capital said by telephone on "
        "Saturday.\n\n"
        "Tanks crushed cars and buses that had been parked across the roads into the city, and soldiers "
        "fired into apartment blocks, the residents said. The Defence Ministry in Moscow said the troops "
        "had been fired on by extremists of the Popular Front.\n\n"
        "The Kremlin declared a state of emergency in the city after a week of attacks on Armenians, "
        "which followed two years of fighting over Nagorno-Karabakh. A spokesman for the Azerbaijani "
        "Popular Front said it had not armed its supporters.\n\n"
        "In Ankara, a Turkish foreign ministry official said Turkey was watching events with concern. "
        "The White House said the United States understood the need to restore order.\n\n"
        "A spokesman for the Azerbaijani Popular Front said by telephone that the dead had been shot in "
        "the streets and in their homes. Hospitals were full of wounded people and there was no way to "
        "count the dead, he said.\n\n"
        "The Defence Ministry said 14 soldiers had been killed. Soviet Defence Minister Dmitry Yazov "
        "said the troops had been sent to prevent the overthrow of the Soviet government in the "
        "republic.\n\n"
        "Thousands of people gathered outside the Communist Party headquarters to demand the withdrawal "
        "of the troops, residents said.",
        date(1990, 1, 20),
        {
            "Baku": frozenset({"Civilians (Azerbaijan)", "Military Forces of Soviet Union"}),
        },
        ("Moscow", "Ankara"),
    ),
    # Lebanon, the war of the camps.
    ActorArticle(
        "BEIRUT, Nov 25 - Shi'ite Amal militiamen and Palestinian guerrillas fought with rockets and "
        "machine guns around the refugee camps outside Sidon on Tuesday, killing at least 14 people, "
        "police said.\n\n"
        "The fighting spread from the Miye ou Miye camp to the hills east of the city, where Palestinian "
        "fighters loyal to Yasser Arafat's Palestine Liberation Organisation (PLO) took a Shi'ite "
        "village, the police said. Amal said its fighters had retaken it.\n\n"
        "The Amal Movement, led by Nabih Berri, has besieged the Palestinian camps in Beirut since May "
        "1985 to keep the PLO from rebuilding the bases it lost when Israel invaded in 1982.\n\n"
        "Syria, which has about 25,000 troops in Lebanon, called for a ceasefire. In the south, the "
        "Israeli-backed South Lebanon Army said its positions near Marjayoun had been quiet.\n\n"
        "Police said the camp had been shelled for most of the day and that thick smoke rose over the "
        "orange groves that surround it. The Red Cross said ambulances could not reach the wounded.\n\n"
        "Palestinian officials in Sidon said the Amal militia had refused to let food into the camp for "
        "a month. Amal leaders said the Palestinians wanted to turn the south into a state within a "
        "state, as it had been before 1982.\n\n"
        "Arafat's loyalists returned to Lebanon's camps after they were driven out of Tripoli in "
        "northern Lebanon in 1983.\n\n"
        "Related: Red Cross says food running out in Rashidiyeh camp",
        date(1986, 11, 25),
        {
            "Sidon": frozenset({"Amal Movement", "PLO: Palestine Liberation Organization"}),
        },
        ("Beirut", "Marjayoun", "Tripoli"),
    ),
    # Iran and Iraq, the war of 1980-88.
    ActorArticle(
        "BAGHDAD, April 18 - Iraqi forces recaptured the Fao peninsula from Iran on Monday after a "
        "36-hour battle, the Iraqi high command said.\n\n"
        "A communique read on Baghdad radio said the Iranian troops who had held the peninsula since "
        "February 1986 had been crushed. Tehran radio said its forces had made a planned withdrawal.\n\n"
        "The war, which began when Iraq invaded in 1980, has killed hundreds of thousands. Iraq lost the "
        "port city of Khorramshahr to an Iranian counter-offensive in 1982.\n\n"
        "Last month Iraqi aircraft dropped chemical weapons on the Kurdish town of Halabja, killing "
        "about 5,000 civilians, according to Iranian officials and journalists taken to the town. The "
        "Iranian-backed Kurdish guerrillas of the Patriotic Union of Kurdistan had taken the town days "
        "before.\n\n"
        "A U.S. State Department spokesman in Washington called on both sides to accept the Security "
        "Council's call for a ceasefire.\n\n"
        "Iraqi television showed tanks moving through the palm groves and marshes of the peninsula and "
        "hundreds of Iranian prisoners being led away. Baghdad said its troops had lost few men.\n\n"
        "Iranian troops took Fao in a surprise attack across the Shatt al-Arab waterway in February "
        "1986, bringing them within sight of Kuwait. Iraq had tried and failed to retake it several "
        "times since.\n\n"
        "Related: Tanker hit by mine in the Gulf",
        date(1988, 4, 18),
        {
            "Fao": frozenset({"Military Forces of Iran", "Military Forces of Iraq"}),
            "Halabja": frozenset({"Civilians (Iraq)", "Military Forces of Iraq"}),
        },
        ("Baghdad", "Tehran", "Khorramshahr", "Washington"),
    ),
    # Syria, Hama in 1982.
    ActorArticle(
        "BEIRUT, Feb 17 - Syrian troops have shelled the city of Hama for a second week in an effort to "
        "crush a rising by Muslim Brotherhood insurgents, travellers arriving in Beirut said on "
        "Wednesday.\n\n"
        "The travellers said tanks and artillery had destroyed whole districts of the old city and that "
        "thousands of people had been killed. The government in Damascus said only that its forces were "
        "mopping up a gang of criminals.\n\n"
        "The Brotherhood said in a statement issued in Bonn that its fighters still held several "
        "quarters. The movement has fought President Hafez al-Assad's government since 1976 and killed "
        "dozens of cadets at the artillery school in Aleppo in 1979.\n\n"
        "Jordan, which Syria accuses of sheltering the Brotherhood's leaders, denied any link to the "
        "rising. A spokesman for the Jordanian government said in Amman that the charges were "
        "fabricated.\n\n"
        "The travellers said the city had been cut off since February 2 and that food and water were "
        "running out. Soldiers had searched houses and taken away men of fighting age, they said.\n\n"
        "The rising began when Brotherhood fighters attacked government buildings and killed dozens of "
        "officials and Baath party members, the travellers said. The government has sent special forces "
        "commanded by the president's brother, Rifaat al-Assad.\n\n"
        "Western diplomats in Damascus said the death toll could be far higher than reported.",
        date(1982, 2, 17),
        {
            "Hama": frozenset({"Military Forces of Syria", "Muslim Brotherhood"}),
        },
        ("Beirut", "Damascus", "Bonn", "Aleppo", "Amman"),
    ),
    # Iran, the Kurdish rising of 1979.
    ActorArticle(
        "TEHRAN, Aug 22 - Revolutionary Guards backed by army helicopters fought Kurdish rebels for the "
        "town of Paveh in western Iran on Tuesday, and at least 30 people were killed, the Pars news "
        "agency said.\n\n"
        "The agency said the rebels of the Kurdistan Democratic Party of Iran had besieged the town's "
        "Guards barracks for three days. Ayatollah Khomeini ordered the army on Sunday to crush the "
        "rebellion.\n\n"
        "The party, which wants autonomy for Iran's Kurds, said in a statement that its fighters had "
        "withdrawn into the mountains. In Mahabad, shops were shut and armed men patrolled the streets, "
        "residents said, but there was no fighting.\n\n"
        "An Iraqi government spokesman in Baghdad denied Iranian charges that Iraq was arming the "
        "Kurds.\n\n"
        "Pars said Revolutionary Guards reinforcements had been sent by helicopter from Kermanshah. It "
        "said the rebels had lost more than 20 dead and that ten Guards were killed.\n\n"
        "Kurdish leaders say they were promised autonomy after the revolution that overthrew the Shah in "
        "February. The Kurdistan Democratic Party of Iran, led by Abdul Rahman Ghassemlou, won wide "
        "support in the Kurdish towns this year.\n\n"
        "Ayatollah Khomeini declared the party illegal on Sunday. Residents of Sanandaj said the army "
        "had set up roadblocks on the roads into the town.\n\n"
        "Related: Iranian government bans Kurdish party",
        date(1979, 8, 22),
        {
            "Paveh": frozenset({"KDPI: Democratic Party of Iranian Kurdistan", "Military Forces of Iran"}),
        },
        ("Tehran", "Mahabad", "Baghdad", "Kermanshah", "Sanandaj"),
    ),
    # Saudi Arabia, Kuwait and Iraq, the war of 1991.
    ActorArticle(
        "RIYADH, Jan 31 - Saudi and Qatari troops backed by U.S. Marine artillery recaptured the Saudi "
        "border town of Khafji on Thursday after a day and a half of fighting with Iraqi forces, allied "
        "officers said.\n\n"
        "Iraqi tanks and troops seized the empty town on Tuesday night in their first ground attack of "
        "the war. The allied command said about 30 Iraqis had been killed and hundreds taken prisoner. "
        "Twelve U.S. Marines died in fighting to the west of the town.\n\n"
        "Iraq invaded Kuwait on August 2 last year. Allied aircraft have flown more than 30,000 missions "
        "over Iraq and Kuwait since January 17.\n\n"
        "In Baghdad, Iraqi radio said the battle for Khafji was the start of the mother of all battles. "
        "A Soviet foreign ministry spokesman in Moscow said the Soviet Union was trying to arrange "
        "talks.\n\n"
        "Allied officers said Iraqi troops had crossed the border under cover of darkness in three "
        "columns, one of which reached Khafji. The town's residents had left in August.\n\n"
        "Two U.S. Marines were captured in the fighting, the U.S. command said. Iraqi radio said its "
        "forces had taken hundreds of prisoners, which the allies denied.\n\n"
        "Related: Saddam says Iraq will win the war",
        date(1991, 1, 31),
        {
            "Khafji": frozenset({"Military Forces of Iraq", "Military Forces of Saudi Arabia"}),
        },
        ("Riyadh", "Baghdad", "Moscow"),
    ),
    # The Falklands, 1982.
    ActorArticle(
        "LONDON, May 29 - British paratroopers captured the settlements of Goose Green and Darwin on "
        "East Falkland after a day-long battle with Argentine forces, the Ministry of Defence said on "
        "Saturday.\n\n"
        "The ministry said more than 250 Argentine soldiers had been killed and about 1,000 taken "
        "prisoner. Seventeen British soldiers, among them the battalion's commander, died in the "
        "fighting.\n\n"
        "The junta in Buenos Aires said its troops were still resisting. Argentine aircraft attacked "
        "British ships in San Carlos Water again on Friday, the ministry said, but caused no "
        "casualties.\n\n"
        "Argentina seized the islands on April 2. Its garrison at Port Stanley is now cut off. Secretary "
        "of State Alexander Haig said in Washington that the United States still hoped for a negotiated "
        "end to the war.\n\n"
        "The paratroopers landed at San Carlos with the rest of the British task force a week ago and "
        "advanced south across open country. The ministry said the Argentine garrison at Goose Green had "
        "been larger than expected.\n\n"
        "Argentine aircraft have sunk several British ships since the landings, among them the destroyer "
        "Coventry and the container ship Atlantic Conveyor. The British Navy sank the Argentine cruiser "
        "General Belgrano on May 2, killing more than 300 sailors.\n\n"
        "Prime Minister Margaret Thatcher told parliament that the task force would go on to Port "
        "Stanley.",
        date(1982, 5, 29),
        {
            "Goose Green": frozenset({"Military Forces of Argentina", "Military Forces of United Kingdom"}),
            "San Carlos": frozenset({"Military Forces of Argentina", "Military Forces of United Kingdom"}),
        },
        ("London", "Buenos Aires", "Washington"),
    ),
    # Nicaragua, the revolution of 1979.
    ActorArticle(
        "MANAGUA, June 11 - Sandinista guerrillas took most of the city of Leon on Monday after three "
        "days of fighting with the National Guard, witnesses said.\n\n"
        "The guerrillas of the Sandinista National Liberation Front (FSLN) hold the city centre and have "
        "surrounded the Guard's garrison in an old fort, a Red Cross official said by telephone. Dozens "
        "of people have been killed.\n\n"
        "In the northern city of Esteli, Guard aircraft bombed poor neighbourhoods on Sunday, killing at "
        "least 20 civilians, residents said. The Guard crushed a rising in the city last September.\n\n"
        "President Anastasio Somoza said in a radio speech that his government would not negotiate with "
        "terrorists. Costa Rica, which the Somoza government accuses of letting the rebels use its "
        "territory, denied the charge. A State Department spokesman said the United States favoured an "
        "end to the Somoza government.\n\n"
        "The Red Cross official said that hundreds of wounded people were being treated in churches and "
        "schools and that doctors had run out of medicines. He said there were bodies in the streets "
        "that nobody could reach.\n\n"
        "The Sandinistas began their final offensive on May 29 and have since attacked towns across the "
        "country. The guerrillas say they have 5,000 fighters. Diplomats in Managua said the Guard "
        "appeared to be losing control of the north.\n\n"
        "Related: Venezuela and Panama break ties with Somoza",
        date(1979, 6, 11),
        {
            "Leon": frozenset({"FSLN: Sandinista National Liberation Front", "Military Forces of Nicaragua"}),
            "Esteli": frozenset({"Civilians (Nicaragua)", "Military Forces of Nicaragua"}),
        },
        ("Managua",),
    ),
    # Mexico, the guerrillas of Guerrero in the 1970s.
    ActorArticle(
        "MEXICO CITY, June 26 - Guerrillas of the Party of the Poor ambushed an army patrol in the "
        "mountains near Atoyac de Alvarez in the southern state of Guerrero on Sunday, killing ten "
        "soldiers, the defence ministry said.\n\n"
        "The ministry said the attackers, led by a former schoolteacher, Lucio Cabanas, fled into the "
        "Sierra Madre del Sur. It said troops were searching villages for them.\n\n"
        "The group has kidnapped landowners and attacked police in the state for several years. Farmers "
        "in the area said soldiers had detained dozens of men after the ambush.\n\n"
        "In Acapulco, the state governor said tourists were safe and that the attack had been carried "
        "out far from the coast.\n\n"
        "The patrol was travelling on a dirt road to the village of El Quemado when the guerrillas "
        "opened fire from both sides of the road, the ministry said. It said two of the attackers had "
        "been killed.\n\n"
        "Cabanas founded the group in 1967 after police fired on a meeting of parents at a school in "
        "Atoyac, killing several people. The group says it is fighting for poor farmers against the "
        "landowners and the state government.\n\n"
        "Human rights groups in Mexico City said they had received reports of farmers disappearing after "
        "being taken away by soldiers. The defence ministry denied the reports.",
        date(1972, 6, 26),
        {
            "Atoyac de Alvarez": frozenset({"Military Forces of Mexico", "Party of the Poor"}),
        },
        ("Mexico City", "Acapulco"),
    ),
    # Bolivia, the guerrilla of 1967.
    ActorArticle(
        "LA PAZ, Sept 1 - Army troops wiped out a guerrilla column at a river crossing near Vallegrande "
        "on Thursday, killing nine guerrillas, the high command said.\n\n"
        "The command said one of the dead was a woman known as Tania. The column had been cut off from "
        "the main band led by Ernesto 'Che' Guevara since April, an army spokesman said.\n\n"
        "The guerrillas, who call themselves the National Liberation Army of Bolivia (ELN), first "
        "ambushed the army near Camiri in March. They have since fought a dozen battles in the "
        "southeastern jungle.\n\n"
        "President Rene Barrientos said in La Paz that the rest of the guerrillas would soon be caught. "
        "An Argentine government spokesman in Buenos Aires said troops had been sent to the border.\n\n"
        "The army said it had been told of the guerrillas' route by a farmer who lived near the river. "
        "Only one soldier was killed in the ambush, the spokesman said. The bodies were flown to "
        "Vallegrande, where they were shown to journalists.\n\n"
        "The government says Cuba sent the guerrillas and their leader to Bolivia. Guevara, who left "
        "Cuba in 1965, has not been seen in public since. The army says it is sure he is in the "
        "southeast.\n\n"
        "Washington has sent U.S. Army Special Forces to train a Bolivian battalion of Rangers for the "
        "campaign against the guerrillas.\n\n"
        "Related: French writer Debray on trial in Camiri",
        date(1967, 9, 1),
        {
            "Vallegrande": frozenset({"ELN: National Liberation Army of Bolivia", "Military Forces of Bolivia"}),
        },
        ("La Paz", "Camiri", "Buenos Aires"),
    ),
    # Haiti, the rebellion of 2004.
    ActorArticle(
        "PORT-AU-PRINCE, Feb 22 - Rebels seized Haiti's second city, Cap-Haitien, on Sunday after police "
        "fled their posts, residents said.\n\n"
        "The rebels, led by a former police chief, Guy Philippe, drove into the city in pick-up trucks "
        "and set fire to the police station. Residents said at least four people were killed. The rebel "
        "alliance calls itself the National Revolutionary Front for the Liberation of Haiti.\n\n"
        "The rising began in Gonaives on February 5, when a gang formerly loyal to President "
        "Jean-Bertrand Aristide turned against him. Police retook the town of Saint-Marc from the rebels "
        "last week.\n\n"
        "A spokesman for the French foreign ministry in Paris said France was ready to send a "
        "peacekeeping force. A U.S. State Department official said Washington would not send troops.\n\n"
        "Residents said rebels and armed civilians looted the port and the police station and freed "
        "prisoners from the city jail. Some people cheered the rebels as they drove through the "
        "streets.\n\n"
        "The rebels now control most of the north of the country. Philippe, who fled Haiti in 2000 after "
        "being accused of plotting a coup, said his fighters would march on Port-au-Prince within days. "
        "Aristide's supporters have set up barricades in the capital.\n\n"
        "Related: Caribbean leaders call for talks in Haiti",
        date(2004, 2, 22),
        {
            "Cap-Haitien": frozenset(
                {"National Revolutionary Front for the Liberation of Haiti", "Police Forces of Haiti"}
            ),
            "Saint-Marc": frozenset(
                {"National Revolutionary Front for the Liberation of Haiti", "Police Forces of Haiti"}
            ),
        },
        ("Port-au-Prince", "Gonaives", "Paris"),
    ),
    # Chile, the attack on the general's motorcade in 1986.
    ActorArticle(
        "SANTIAGO, Sept 8 - Guerrillas fired rockets and rifles at General Augusto Pinochet's motorcade "
        "near the village of El Melocoton in the Cajon del Maipo on Sunday, killing five of his "
        "bodyguards, the government said.\n\n"
        "The president escaped with a slight hand wound. The Manuel Rodriguez Patriotic Front, the armed "
        "wing of the outlawed Communist Party, said it had carried out the attack.\n\n"
        "The junta declared a state of siege on Monday and security forces arrested hundreds of people "
        "in the poor neighbourhoods of the capital, witnesses said. The front has bombed power pylons "
        "and police stations since 1983.\n\n"
        "A spokesman for the West German foreign ministry in Bonn condemned the attack and called on the "
        "government not to answer it with repression.\n\n"
        "The government said the attackers, about 20 men armed with rocket launchers and automatic "
        "rifles, had waited in the hills above the road as the motorcade returned from the general's "
        "country house. Four of the cars were hit.\n\n"
        "The attack was the most serious on Pinochet since he took power in the coup of September 1973. "
        "The government said it had found a large arms cache in the north of the country last month, "
        "which it blamed on the same group.\n\n"
        "The interior minister said in Santiago that the armed forces would not tolerate terrorism.\n\n"
        "Related: Chile's opposition parties call for talks with the armed forces",
        date(1986, 9, 8),
        {
            "El Melocoton": frozenset({"Manuel Rodriguez Patriotic Front", "Military Forces of Chile"}),
        },
        ("Santiago", "Bonn"),
    ),
]


def place_events(pipeline, article: ActorArticle) -> dict[str, Event | None]:
    """The first frontline event ``pipeline`` codes at each of ``article``'s fighting places
    (matched by the name the text gives it or the gazetteer's), None where it codes none."""
    events = [
        e
        for e in pipeline.events(Article(article.text, published=article.published, article_id="actor-article"))
        if e.event_type == "frontline"
    ]

    def at(name: str) -> Event | None:
        folded = name.casefold()
        named = [(e, (e.mention.casefold(), e.place.casefold())) for e in events]
        exact = next((e for e, names in named if folded in names), None)
        # "the Panjshir valley" is the place "Panjshir" names
        return exact or next((e for e, names in named if any(n.startswith(folded + " ") for n in names)), None)

    return {name: at(name) for name in article.events}


def place_actors(pipeline, article: ActorArticle) -> dict[str, frozenset[str] | None]:
    """The actors coded at each fighting place of ``article``; None where no frontline event is coded."""
    return {
        name: (frozenset(a for a in (e.actor1, e.actor2) if a) if e is not None else None)
        for name, e in place_events(pipeline, article).items()
    }


def article_misses(
    pipeline, articles: list[ActorArticle] = ACTOR_ARTICLES
) -> list[tuple[int, str, frozenset[str], frozenset[str] | None]]:
    """(article index, place, actors wanted, actors coded or None) of every fighting place whose
    actors the pipeline codes wrong."""
    wrong = []
    for i, article in enumerate(articles):
        for name, got in place_actors(pipeline, article).items():
            want = article.events[name]
            if got is None or not same_actors(got, want):
                wrong.append((i, name, want, got))
    return wrong


def quiet_frontline(pipeline, articles: list[ActorArticle] = ACTOR_ARTICLES) -> list[tuple[int, str]]:
    """(article index, place) of every quiet place the pipeline codes a frontline event at."""
    found = []
    for i, article in enumerate(articles):
        events = pipeline.events(Article(article.text, published=article.published, article_id="actor-article"))
        named = {n.casefold() for e in events if e.event_type == "frontline" for n in (e.mention, e.place)}
        found += [(i, q) for q in article.quiet if q.casefold() in named]
    return found
