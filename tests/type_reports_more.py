"""A fourth batch of short reports, written for these tests and scored before any change made
from them, of the kinds reports of older and unseen wars tell their events in and the corpora
seldom do: sieges and captures told as states ("remained encircled", "in rebel hands by
nightfall", "the garrison held out"), attacks told through what someone condemned or denied,
displaced people and refugees arriving in a town, the older register of dispatches (cavalry,
garrisons, "the enemy", "put to flight", "invested the fortress", a general's dispatch), and
naval and air actions at sea or over a coast. Beside them, reports of the same wars whose
places are diplomacy, public life or only named, so a change that types everything as fighting
is seen. The wars are others than those of ``tests/type_reports.py``; the types follow the same
guide (``data/eval/README.md``), as the module docstring there states."""

from __future__ import annotations

from datetime import date

from tests.type_reports import TypeReport

F, D, H, OT = "frontline", "diplomacy", "humanitarian", "other"

TYPE_REPORTS_MORE: list[TypeReport] = [
    # Sieges told as states.
    TypeReport(
        "Mafeking remained invested by the Boers for a sixth week, a runner who reached Kimberley reported. "
        "The garrison is said to be in good spirits.",
        date(1899, 11, 25),
        {"Mafeking": F, "Kimberley": None},
    ),
    TypeReport(
        "Ladysmith is still surrounded, and the relieving column under General Buller has made no progress "
        "beyond the Tugela.",
        date(1900, 1, 10),
        {"Ladysmith": F},
    ),
    TypeReport(
        "Port Arthur held out through the winter against the Japanese, who lost thousands of men on the hills "
        "above the harbour.",
        date(1904, 12, 5),
        {"Port Arthur": F},
    ),
    TypeReport(
        "The town of Kut remained encircled by Turkish troops, and the garrison was on half rations, "
        "a dispatch from Basra said.",
        date(1916, 3, 2),
        {"Kut": F, "Basra": None},
    ),
    TypeReport(
        "Tobruk has been cut off for five months, but its defenders still hold the perimeter.",
        date(1941, 9, 12),
        {"Tobruk": F},
    ),
    TypeReport(
        "Leningrad has been under siege since September, and bread rations in the city were cut again this week.",
        date(1941, 11, 20),
        {"Leningrad": F},
    ),
    TypeReport(
        "The rebels have surrounded Cuito Cuanavale on three sides, a Western diplomat in Luanda said.",
        date(1988, 1, 21),
        {"Cuito Cuanavale": F, "Luanda": D},
    ),
    TypeReport(
        "Sukhumi has been cut off from the rest of Georgia by road since the summer, and its airport is under fire.",
        date(1993, 9, 20),
        {"Sukhumi": F, "Georgia": None},
    ),
    # Captures told as states.
    TypeReport(
        "By nightfall Timbuktu was in rebel hands, residents reached by telephone said.",
        date(2012, 4, 2),
        {"Timbuktu": F},
    ),
    TypeReport(
        "Gao is now under the control of the Islamist fighters, who raised their flag over the governor's office.",
        date(2012, 6, 28),
        {"Gao": F},
    ),
    TypeReport(
        "Stanleyville is held by the rebels, and some 1,600 foreigners are trapped in the city.",
        date(1964, 11, 20),
        {"Stanleyville": F},
    ),
    TypeReport(
        "Teruel is once more in Nationalist hands after ten weeks of fighting in the snow.",
        date(1938, 2, 22),
        {"Teruel": F},
    ),
    TypeReport(
        "The guerrillas held Ocosingo for two days before the army drove them into the hills.",
        date(1994, 1, 4),
        {"Ocosingo": F},
    ),
    TypeReport(
        "Marawi was still partly occupied by militants a month after they stormed it, the military said in Manila.",
        date(2017, 6, 23),
        {"Marawi": F, "Manila": D},
    ),
    TypeReport(
        "Mocimboa da Praia has been under insurgent control since August, and the port is closed.",
        date(2020, 10, 14),
        {"Mocimboa da Praia": F},
    ),
    TypeReport(
        "The French garrison at Jadotville surrendered after five days, its ammunition spent.",
        date(1961, 9, 18),
        {"Jadotville": F},
    ),
    # The older register: cavalry, garrisons, the enemy, a general's dispatch.
    TypeReport(
        "Our cavalry came upon the enemy at dawn near Mons and put him to flight, "
        "General French reports in a dispatch dated yesterday.",
        date(1914, 8, 24),
        {"Mons": F},
    ),
    TypeReport(
        "The enemy has invested the fortress of Przemysl, and its garrison of 120,000 men is cut off.",
        date(1914, 11, 10),
        {"Przemysl": F},
    ),
    TypeReport(
        "The Turks were driven from their trenches before Gaza with heavy loss, a dispatch from "
        "General Allenby states.",
        date(1917, 11, 8),
        {"Gaza": F},
    ),
    TypeReport(
        "The Russian army routed the Austrians at Lemberg and pursued them to the San.",
        date(1914, 9, 4),
        {"Lemberg": F},
    ),
    TypeReport(
        "Red cavalry broke through the Polish lines south of Kiev and fell upon the rear of the enemy at Zhitomir.",
        date(1920, 6, 8),
        {"Zhitomir": F},
    ),
    TypeReport(
        "The Greek army was thrown back from the Sakarya after three weeks of battle, and its columns are "
        "retiring on Eskisehir.",
        date(1921, 9, 14),
        {"Eskisehir": F},
    ),
    TypeReport(
        "The garrison of Annual was overwhelmed by the tribesmen, and few of the Spanish troops reached Melilla.",
        date(1921, 7, 25),
        {"Annual": F, "Melilla": None},
    ),
    TypeReport(
        "Federal troops evacuated Torreon under cover of darkness, and Villa's men entered the town at daybreak.",
        date(1914, 4, 3),
        {"Torreon": F},
    ),
    TypeReport(
        "The Bolivians repulsed three Paraguayan assaults on Nanawa, the general staff in La Paz announced.",
        date(1933, 7, 6),
        {"Nanawa": F, "La Paz": D},
    ),
    TypeReport(
        "Japanese forces stormed the walls of Nanking on Sunday, and Chinese troops were seen streaming "
        "out of the western gates.",
        date(1937, 12, 13),
        {"Nanking": F},
    ),
    TypeReport(
        "The Finns annihilated a Soviet division on the road east of Suomussalmi, a communique from Helsinki said.",
        date(1940, 1, 8),
        {"Suomussalmi": F, "Helsinki": None},
    ),
    # Attacks told as what someone condemned or denied.
    TypeReport(
        "The government in Addis Ababa condemned the bombing of a market in Jijiga by Somali aircraft.",
        date(1977, 9, 4),
        {"Jijiga": F, "Addis Ababa": D},
    ),
    TypeReport(
        "The prime minister condemned Sunday's massacre of villagers at Bentalha as the work of cowards.",
        date(1997, 9, 24),
        {"Bentalha": F},
    ),
    TypeReport(
        "Britain condemned the Argentine attack on the garrison at Grytviken, and the Foreign Office summoned "
        "the charge d'affaires.",
        date(1982, 4, 4),
        {"Grytviken": F},
    ),
    TypeReport(
        "Pakistan denied that its troops had shelled Drass, calling the Indian claims baseless.",
        date(1999, 6, 1),
        {"Drass": None},
    ),
    TypeReport(
        "Human rights groups condemned the shelling of Cizre, where a curfew has been in force for a week.",
        date(2015, 9, 11),
        {"Cizre": F},
    ),
    TypeReport(
        "The army denied burning houses in Bamenda, saying separatists had set the fires.",
        date(2018, 10, 16),
        {"Bamenda": F},
    ),
    TypeReport(
        "The United Nations condemned an attack on its peacekeepers near Kidal that killed three Chadian soldiers.",
        date(2016, 2, 13),
        {"Kidal": F},
    ),
    # Displaced people and refugees arriving.
    TypeReport(
        "Thousands of refugees from the Ogaden have poured into Hargeisa in the past week, relief officials said.",
        date(1978, 3, 15),
        {"Hargeisa": H, "Ogaden": H},
    ),
    TypeReport(
        "Columns of Armenian refugees reached Aleppo on foot, many of them women and children without food.",
        date(1915, 9, 1),
        {"Aleppo": H},
    ),
    TypeReport(
        "Some 20,000 people from the burning villages have crowded into Kulob, a Red Cross worker said.",
        date(1992, 9, 20),
        {"Kulob": H},
    ),
    TypeReport(
        "Families who left Bahir Dar on foot arrived in Gondar this week, sleeping in churches and schools.",
        date(2023, 8, 14),
        {"Gondar": H, "Bahir Dar": H},
    ),
    TypeReport(
        "Trains carrying families who fled Jessore arrived in Calcutta overnight, and the camps there are full.",
        date(1971, 6, 3),
        {"Jessore": H, "Calcutta": H},
    ),
    TypeReport(
        "Nearly half a million refugees from East Prussia have streamed west into Danzig, the city authorities estimate.",
        date(1945, 2, 12),
        {"East Prussia": H, "Danzig": H},
    ),
    TypeReport(
        "Hundreds of families driven from Palma by the attack landed at Pemba on Thursday aboard fishing boats.",
        date(2021, 4, 1),
        {"Palma": F, "Pemba": H},
    ),
    TypeReport(
        "Displaced families have been arriving in Kaya from the north at a rate of a thousand a day.",
        date(2019, 12, 5),
        {"Kaya": H},
    ),
    TypeReport(
        "Tens of thousands who escaped the fighting in Kigali have crossed the border into Gisenyi.",
        date(1994, 7, 15),
        {"Kigali": F, "Gisenyi": H},
    ),
    # Naval and air actions at sea or over a coast.
    TypeReport(
        "German cruisers bombarded Scarborough and Hartlepool at dawn, killing more than a hundred people.",
        date(1914, 12, 16),
        {"Scarborough": F, "Hartlepool": F},
    ),
    TypeReport(
        "The Russian fleet was destroyed in the straits off Tsushima, the Japanese admiralty announced.",
        date(1905, 5, 29),
        {"Tsushima": F},
    ),
    TypeReport(
        "A British destroyer was sunk by Argentine aircraft in Falkland Sound, and survivors were picked up "
        "at San Carlos.",
        date(1982, 5, 22),
        {"Falkland Sound": F, "San Carlos": None},
    ),
    TypeReport(
        "Japanese carrier aircraft attacked the fleet at Pearl Harbor on Sunday morning.",
        date(1941, 12, 8),
        {"Pearl Harbor": F},
    ),
    TypeReport(
        "Enemy aircraft raided Valletta harbour four times yesterday, and a convoy was hit as it entered.",
        date(1942, 4, 8),
        {"Valletta": F},
    ),
    TypeReport(
        "A tanker was torpedoed off Ras Tanura, the shipping agency in Dubai reported.",
        date(1987, 10, 22),
        {"Ras Tanura": F, "Dubai": None},
    ),
    TypeReport(
        "Landing craft put marines ashore at Inchon under the guns of the fleet.",
        date(1950, 9, 15),
        {"Inchon": F},
    ),
    TypeReport(
        "Israeli gunboats sank two Egyptian torpedo boats off Port Said in a night action.",
        date(1967, 7, 12),
        {"Port Said": F},
    ),
    TypeReport(
        "A merchant ship was struck by a drone in the Gulf of Aden and its crew abandoned her.",
        date(2024, 3, 6),
        {"Gulf of Aden": F},
    ),
    TypeReport(
        "Allied bombers struck the docks at Wilhelmshaven for the third night running.",
        date(1943, 2, 28),
        {"Wilhelmshaven": F},
    ),
    # The same wars' diplomacy, public life and places only named.
    TypeReport(
        "Envoys of the two sides met at Portsmouth, New Hampshire, to discuss terms of peace.",
        date(1905, 8, 9),
        {"Portsmouth": D},
    ),
    TypeReport(
        "The armistice was signed at Panmunjom after two years of talks.",
        date(1953, 7, 27),
        {"Panmunjom": D},
    ),
    TypeReport(
        "Delegates of the Chaco belligerents opened peace talks in Buenos Aires on Monday.",
        date(1935, 7, 1),
        {"Buenos Aires": D},
    ),
    TypeReport(
        "The Finnish delegation arrived in Moscow to hear the Soviet terms.",
        date(1940, 3, 8),
        {"Moscow": D},
    ),
    TypeReport(
        "The Algerian delegation and French ministers signed the accords at Evian.",
        date(1962, 3, 18),
        {"Evian": D},
    ),
    TypeReport(
        "Students marched through Dushanbe demanding the president's resignation.",
        date(1992, 5, 5),
        {"Dushanbe": OT},
    ),
    TypeReport(
        "Voters in Bamako went to the polls on Sunday in the first election since the coup.",
        date(2013, 7, 28),
        {"Bamako": OT},
    ),
    TypeReport(
        "A memorial service for the dead of the Lusitania was held in Cobh.",
        date(1915, 5, 10),
        {"Cobh": OT},
    ),
    TypeReport(
        "The general, a native of Oviedo, took command of the northern army this week.",
        date(1937, 4, 2),
        {"Oviedo": None},
    ),
    TypeReport(
        "The column set out from Salisbury on Monday and was ambushed two days later near Mtoko.",
        date(1977, 6, 9),
        {"Salisbury": None, "Mtoko": F},
    ),
    TypeReport(
        "The fortress of Verdun stood firm under the heaviest bombardment of the war, and "
        "the enemy's attacks on Douaumont were beaten off.",
        date(1916, 2, 27),
        {"Verdun": F, "Douaumont": F},
    ),
    TypeReport(
        "Aid workers reached Huambo for the first time in months, bringing seed and blankets.",
        date(1994, 11, 30),
        {"Huambo": H},
    ),
    TypeReport(
        "The Red Cross flew medicines into Enugu, where hospitals had run out of bandages.",
        date(1967, 10, 3),
        {"Enugu": H},
    ),
    TypeReport(
        "Kyrenia fell to the Turkish army after two days of fighting, and Greek Cypriots fled to Nicosia.",
        date(1974, 7, 22),
        {"Kyrenia": F, "Nicosia": H},
    ),
    TypeReport(
        "The rebels have been in possession of Jinotega since Tuesday, a Sandinista officer admitted.",
        date(1978, 9, 14),
        {"Jinotega": F},
    ),
    TypeReport(
        "Konitsa held out against the guerrillas for a week until a relief column broke through.",
        date(1948, 1, 1),
        {"Konitsa": F},
    ),
    TypeReport(
        "The ministry in Ouagadougou denied that soldiers had killed civilians in Djibo.",
        date(2023, 4, 22),
        {"Djibo": None, "Ouagadougou": D},
    ),
]

#: How many places the batch types.
PLACES_MORE = sum(len(report.want) for report in TYPE_REPORTS_MORE)


#: A second batch, written after the changes the first led to (states of siege and capture,
#: civilians on the move, attacks told as condemned) and scored once: whether they hold on
#: phrasings they were not made from, beside places where nothing of the kind happens.
TYPE_REPORTS_MORE_SECOND: list[TypeReport] = [
    TypeReport(
        "Sarh has been encircled by the rebels since Friday, a missionary reached by radio said.",
        date(1979, 3, 4),
        {"Sarh": F},
    ),
    TypeReport(
        "The port of Berbera remained in government hands despite three days of attacks.",
        date(1988, 6, 2),
        {"Berbera": F},
    ),
    TypeReport(
        "Asmara is besieged on three sides, and its people queue for water from dawn.",
        date(1990, 7, 1),
        {"Asmara": H},
    ),
    TypeReport(
        "Until last week Kunming was under no threat at all, the governor said.",
        date(1944, 12, 1),
        {"Kunming": None},
    ),
    TypeReport(
        "The garrison of Alcazarquivir held out for eleven days before it surrendered.",
        date(1921, 8, 2),
        {"Alcazarquivir": F},
    ),
    TypeReport(
        "Dien Khanh is now occupied by the enemy, the province chief admitted.",
        date(1965, 4, 3),
        {"Dien Khanh": F},
    ),
    TypeReport(
        "The bridge at Remagen was taken intact by American troops on Wednesday.",
        date(1945, 3, 9),
        {"Remagen": F},
    ),
    TypeReport(
        "Thousands of villagers from the hills have crowded into Kabala, where the school is now a shelter.",
        date(1994, 12, 20),
        {"Kabala": H},
    ),
    TypeReport(
        "Families who abandoned Tarin Kowt arrived in Quetta with little more than their blankets.",
        date(2001, 10, 30),
        {"Tarin Kowt": H, "Quetta": H},
    ),
    TypeReport(
        "Residents of Sinje reached Bo on foot after walking for three days, a relief worker said.",
        date(1995, 5, 12),
        {"Bo": H},
    ),
    TypeReport(
        "A trade delegation arrived in Lagos on Monday to discuss oil exports.",
        date(1968, 3, 11),
        {"Lagos": D},
    ),
    TypeReport(
        "The president arrived in Conakry for a two-day visit.",
        date(2010, 2, 1),
        {"Conakry": D},
    ),
    TypeReport(
        "The bishops denounced the massacre of farmers at Las Hojas.",
        date(1983, 2, 28),
        {"Las Hojas": F},
    ),
    TypeReport(
        "The prime minister blamed the insurgents for the bombing of a bus station in Yala.",
        date(2012, 3, 31),
        {"Yala": F},
    ),
    TypeReport(
        "Officials in Kathmandu condemned the attack on the police post in Beni.",
        date(2004, 3, 21),
        {"Kathmandu": D, "Beni": F},
    ),
    TypeReport(
        "The rebels denied that they had shelled Huambo.",
        date(1993, 2, 10),
        {"Huambo": None},
    ),
    TypeReport(
        "Mogadishu cut off diplomatic relations with Addis Ababa in protest.",
        date(1977, 9, 8),
        {"Mogadishu": None, "Addis Ababa": None},
    ),
    TypeReport(
        "The talks in Lusaka held out the hope of a ceasefire by Christmas.",
        date(1994, 11, 2),
        {"Lusaka": D},
    ),
    TypeReport(
        "Enemy submarines sank two freighters off Freetown in the night.",
        date(1941, 5, 3),
        {"Freetown": F},
    ),
    TypeReport(
        "The cavalry of General Wrangel drove the Reds out of Tsaritsyn after a week of battle.",
        date(1919, 6, 30),
        {"Tsaritsyn": F},
    ),
]
