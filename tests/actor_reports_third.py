"""A third set of short reports from wars, coups and unrest that neither the actor table, the
coded set nor ``actor_reports`` and ``actor_reports_more`` cover, written for these tests in
the same shape and naming (see ``tests.actor_reports``). They lean on what the first two sets
left untried: a group named in full once and then by a short form or a description ("the
movement", "the guerrillas"); a state's forces named by its army's name or by no country at
all ("army troops", "riot police", "security forces") in a country the report names only
through a city or its people; people of a community who fight as a militia ("armed ethnic
Uzbeks", "clansmen"), which ACLED codes as "X Ethnic Militia (Y)" or "X Communal Militia
(Y)"; supporters of a party or a man who riot; gunmen who hit a convoy or worshippers, told
first by their victims."""

from __future__ import annotations

#: (report, the two actors of its frontline event, or of its protest when it has none).
THIRD_ACTOR_REPORTS: list[tuple[str, frozenset[str]]] = [
    # Uruguay, the Tupamaros.
    (
        "Guerrillas of the Tupamaros National Liberation Movement raided a police post in Pando on Wednesday. "
        "The movement said its fighters had killed one police officer and taken his rifle.",
        frozenset({"Tupamaros National Liberation Movement", "Police Forces of Uruguay"}),
    ),
    (
        "Police stormed a house in Montevideo on Tuesday where members of the Tupamaros National Liberation "
        "Movement were hiding. Two of the guerrillas were killed in the shooting, the police said.",
        frozenset({"Police Forces of Uruguay", "Tupamaros National Liberation Movement"}),
    ),
    # Argentina, the guerrillas of the 1970s.
    (
        "Fighters of the People's Revolutionary Army (ERP) attacked an army arsenal at Monte Chingolo on "
        "Tuesday night. The army said 60 of the attackers and seven soldiers were killed.",
        frozenset({"ERP: People's Revolutionary Army", "Military Forces of Argentina"}),
    ),
    (
        "Montoneros guerrillas ambushed a police car in Cordoba on Friday, killing two officers, the "
        "provincial police said.",
        frozenset({"Montoneros", "Police Forces of Argentina"}),
    ),
    (
        "Army troops attacked a camp of the People's Revolutionary Army in the hills near Famailla on Monday. "
        "The army said 14 guerrillas had been killed.",
        frozenset({"Military Forces of Argentina", "People's Revolutionary Army"}),
    ),
    # Cuba, the revolution of 1958 and the landing of 1961.
    (
        "Rebels of the 26th of July Movement attacked the army garrison at Bayamo on Thursday. The government "
        "said twelve soldiers and 20 of the rebels were killed.",
        frozenset({"26th of July Movement", "Military Forces of Cuba"}),
    ),
    (
        "Exiles of Brigade 2506 landed at the Bay of Pigs near Playa Giron on Monday and fought militia units "
        "of the Cuban army, radio Havana said. Dozens of the invaders were killed.",
        frozenset({"Brigade 2506", "Military Forces of Cuba"}),
    ),
    (
        "Fighters of the Revolutionary Directorate stormed the presidential palace in Havana on Wednesday. "
        "Palace guards killed 35 of the attackers, the government said.",
        frozenset({"Revolutionary Directorate", "Military Forces of Cuba"}),
    ),
    # Greece, the civil war.
    (
        "Fighters of the Democratic Army of Greece seized the town of Karpenisi on Friday after a night of "
        "fighting. The rebels killed 20 soldiers of the garrison, the war ministry in Athens said.",
        frozenset({"Democratic Army of Greece", "Military Forces of Greece"}),
    ),
    (
        "Greek army troops, backed by aircraft, attacked positions of the Democratic Army of Greece on the "
        "slopes above Konitsa on Tuesday. The war ministry said 120 guerrillas had been killed.",
        frozenset({"Military Forces of Greece", "Democratic Army of Greece"}),
    ),
    # Vietnam, the war of the 1960s.
    (
        "Viet Cong guerrillas shelled the American air base at Bien Hoa on Sunday, killing four American "
        "servicemen, a US military spokesman said.",
        frozenset({"Viet Cong", "Military Forces of United States"}),
    ),
    (
        "American troops attacked a Viet Cong stronghold near Cu Chi on Saturday. A US spokesman said 40 of the "
        "guerrillas were killed.",
        frozenset({"Military Forces of United States", "Viet Cong"}),
    ),
    # Suriname, the interior war.
    (
        "Fighters of the Jungle Commando attacked an army post at Moengo on Monday, killing three soldiers. "
        "The commando's leader said his men now held the town.",
        frozenset({"Jungle Commando", "Military Forces of Suriname"}),
    ),
    (
        "The army shelled villages near Albina on Thursday where the Jungle Commando was said to be hiding, "
        "killing at least 15 villagers, a church group said.",
        frozenset({"Military Forces of Suriname", "Civilians (Suriname)"}),
    ),
    (
        "A convoy of passenger vehicles on the road from Paramaribo to Albina came under fire from gunmen on "
        "Friday. Six passengers were killed, the police said.",
        frozenset({"Unidentified Armed Group (Suriname)", "Civilians (Suriname)"}),
    ),
    # Kyrgyzstan, the incursion at Batken in 1999 and the violence in Osh in 2010.
    (
        "Fighters of the Islamic Movement of Uzbekistan seized villages near Batken on Sunday and killed "
        "four Kyrgyz soldiers in clashes, the defence ministry said.",
        frozenset({"Islamic Movement of Uzbekistan", "Military Forces of Kyrgyzstan"}),
    ),
    (
        "Kyrgyz troops attacked militants of the Islamic Movement of Uzbekistan in the mountains near Batken "
        "on Thursday. The defence ministry said 15 of the militants were killed.",
        frozenset({"Military Forces of Kyrgyzstan", "Islamic Movement of Uzbekistan"}),
    ),
    (
        "Armed Kyrgyz militiamen attacked Uzbek neighbourhoods of Osh on Friday night, burning houses and "
        "killing at least 30 people, witnesses said.",
        frozenset({"Kyrgyz Ethnic Militia (Kyrgyzstan)", "Civilians (Kyrgyzstan)"}),
    ),
    (
        "Uzbek militiamen killed four soldiers at a checkpoint in Jalal-Abad on Saturday, a Kyrgyz official said.",
        frozenset({"Uzbek Ethnic Militia (Kyrgyzstan)", "Military Forces of Kyrgyzstan"}),
    ),
    # Malawi, the protests of July 2011.
    (
        "Police fired live ammunition at protesters in Mzuzu on Wednesday, killing eight, hospital officials said.",
        frozenset({"Police Forces of Malawi", "Protesters (Malawi)"}),
    ),
    (
        "Riot police fired tear gas and live rounds at crowds demanding the president's resignation in "
        "Lilongwe on Wednesday. Nine people were killed, hospital officials said.",
        frozenset({"Police Forces of Malawi", "Protesters (Malawi)"}),
    ),
    # Gabon, the unrest after the election of 2016.
    (
        "Rioters set fire to the parliament building in Libreville on Wednesday night after the election "
        "results were announced. Security forces shot dead three of them, the interior minister said.",
        frozenset({"Rioters (Gabon)", "Military Forces of Gabon"}),
    ),
    (
        "Security forces stormed the headquarters of the opposition candidate in Libreville overnight, "
        "killing two of his supporters, his spokesman said on Thursday.",
        frozenset({"Military Forces of Gabon", "Civilians (Gabon)"}),
    ),
    # Guinea-Bissau, the war of 1998.
    (
        "Senegalese troops shelled positions of the rebel soldiers around the airport in Bissau on Tuesday. "
        "A rebel spokesman said 11 civilians were killed in the shelling.",
        frozenset({"Military Forces of Senegal", "Civilians (Guinea-Bissau)"}),
    ),
    (
        "Fighters of the Military Junta for the Consolidation of Democracy took the town of Bafata on Sunday. "
        "The junta said its men had killed six government soldiers.",
        frozenset({"Military Junta for the Consolidation of Democracy", "Military Forces of Guinea-Bissau"}),
    ),
    # Lesotho, the crisis of 1998.
    (
        "Army troops opened fire on opposition protesters outside the royal palace in Maseru on Tuesday, "
        "killing four, witnesses said.",
        frozenset({"Military Forces of Lesotho", "Protesters (Lesotho)"}),
    ),
    (
        "South African troops fought soldiers of the Lesotho Defence Force at the Katse dam on Tuesday. "
        "Eight South African soldiers were killed, a spokesman in Pretoria said.",
        frozenset({"Military Forces of South Africa", "Military Forces of Lesotho"}),
    ),
    # Fiji, the coup of 2000.
    (
        "Supporters of the coup leader rioted in Suva on Friday, looting shops and beating a police officer to "
        "death, the police said.",
        frozenset({"Rioters (Fiji)", "Police Forces of Fiji"}),
    ),
    (
        "Soldiers of the Counter Revolutionary Warfare Unit mutinied at the barracks in Suva on Thursday. "
        "Loyal troops killed four of the mutineers, an army spokesman said.",
        frozenset({"Mutiny of Military Forces of Fiji", "Military Forces of Fiji"}),
    ),
    # Romania, the revolution of 1989.
    (
        "Army troops fired on crowds chanting against the government in Timisoara on Sunday. Dozens of people "
        "were killed, witnesses said.",
        frozenset({"Military Forces of Romania", "Protesters (Romania)"}),
    ),
    # Hungary, the rising of 1956.
    (
        "State security police fired on a crowd of demonstrators outside the radio building in Budapest on "
        "Tuesday, killing several of them, witnesses said.",
        frozenset({"Police Forces of Hungary", "Protesters (Hungary)"}),
    ),
    # Panama, the invasion of 1989.
    (
        "American troops attacked the headquarters of the Panama Defense Forces in Panama City on Wednesday. "
        "Dozens of Panamanian soldiers were killed, the Pentagon said.",
        frozenset({"Military Forces of United States", "Military Forces of Panama"}),
    ),
    (
        "Members of the Dignity Battalions fired on American troops in Colon on Thursday, killing two of them, "
        "the Pentagon said.",
        frozenset({"Dignity Battalions", "Military Forces of United States"}),
    ),
    # The Gambia, the coup attempt of 1981.
    (
        "Senegalese troops fought rebels of the National Revolutionary Council in Banjul on Saturday. The "
        "rebels were driven from the radio station and 50 of them were killed, officials said.",
        frozenset({"Military Forces of Senegal", "National Revolutionary Council"}),
    ),
    # Mongolia, the riot of 2008.
    (
        "Rioters set fire to the headquarters of the ruling party in Ulaanbaatar on Tuesday, and police fired "
        "on the crowd, killing five people.",
        frozenset({"Rioters (Mongolia)", "Police Forces of Mongolia"}),
    ),
    # Pakistan, the Tehreek-e-Labbaik unrest of 2021.
    (
        "Supporters of Tehreek-e-Labbaik Pakistan clashed with police in Lahore on Sunday. Four policemen were "
        "killed, the provincial government said.",
        frozenset({"Rioters (Pakistan)", "Police Forces of Pakistan"}),
    ),
    # Kazakhstan, the bombings and shootings of 2011.
    (
        "Gunmen of Jund al-Khilafah attacked a police station in Taraz on Saturday, killing five police officers, "
        "the prosecutor's office said.",
        frozenset({"Jund al-Khilafah", "Police Forces of Kazakhstan"}),
    ),
    (
        "Worshippers leaving a mosque in Atyrau were shot at by gunmen on Friday; three people were killed, "
        "the police said. No group said it had carried out the attack.",
        frozenset({"Unidentified Armed Group (Kazakhstan)", "Civilians (Kazakhstan)"}),
    ),
    # Suriname: an Indigenous militia named once and then described.
    (
        "The Tucayana Amazonas, an Indigenous militia armed by the army, attacked a camp of the Jungle Commando "
        "near Apoera on Monday. The militia said it had killed five of the rebels.",
        frozenset({"Tucayana Amazonas", "Jungle Commando"}),
    ),
    # Papua New Guinea, the tribal fighting in Enga.
    (
        "Clansmen armed with rifles attacked a village near Wabag on Sunday, killing 26 people, the provincial "
        "police said.",
        frozenset({"Unidentified Clan Militia (Papua New Guinea)", "Civilians (Papua New Guinea)"}),
    ),
    (
        "Armed villagers ambushed a police patrol near Wabag on Tuesday, killing two officers, the police said.",
        frozenset({"Unidentified Communal Militia (Papua New Guinea)", "Police Forces of Papua New Guinea"}),
    ),
    # Comoros, the secession of Anjouan in 1997.
    (
        "Federal troops landed on Anjouan on Wednesday and fought separatist militiamen near Mutsamudu. Forty "
        "soldiers were killed, a government spokesman in Moroni said.",
        frozenset({"Military Forces of Comoros", "Anjouan Separatist Militia"}),
    ),
    # Argentina: a group that tells of its own deed and is then "the group".
    (
        "The Revolutionary Workers' Front said on Monday it had bombed an army depot near Rosario. The group "
        "said two soldiers were killed.",
        frozenset({"Revolutionary Workers' Front", "Military Forces of Argentina"}),
    ),
]
