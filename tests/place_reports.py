"""Short reports from wars of 1900 to the 1990s that no corpus of the project covers, written
for these tests, with every place a careful reader would map and its coordinates (to a few
km; an area at a point inside it). They hold what older and non-Western reports hold and the
corpora seldom do: towns under an older or colonial name (Mafeking, Stanleyville, Salonika,
Soerabaja), towns named after a saint or a person (St. George's, Elisabethville, Philippeville),
names beginning with a common word (Port, Fort, Mount, Camp, Playa), names that are also a
person's (Darwin, Kimberley, Colón), places in lists, places after verbs of movement ("fell back
towards X", "advanced on X"), and villages named once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class PlaceReport:
    """A report, the day it was published, and each place it names with its (lat, lon)."""

    text: str
    published: date
    places: dict[str, tuple[float, float]]


R = PlaceReport

PLACE_REPORTS: list[PlaceReport] = [
    # South Africa, 1900
    R(
        "Mafeking was relieved on Thursday after a siege of 217 days, when a column under Colonel Mahon "
        "rode in from the west. The Boer commandos fell back towards Zeerust.",
        date(1900, 5, 19),
        {"Mafeking": (-25.85, 25.64), "Zeerust": (-25.54, 26.08)},
    ),
    R(
        "The Boers besieging Ladysmith withdrew northwards on Tuesday, and General Buller's men entered the "
        "town at dusk. The sick and wounded are being sent down the line to Pietermaritzburg.",
        date(1900, 3, 1),
        {"Ladysmith": (-28.56, 29.78), "Pietermaritzburg": (-29.60, 30.38)},
    ),
    R(
        "Lord Roberts's cavalry rode into Kimberley on Thursday evening and the diamond town's four-month "
        "siege is over. General Cronje's laager is falling back along the river towards Paardeberg.",
        date(1900, 2, 16),
        {"Kimberley": (-28.74, 24.77), "Paardeberg": (-29.00, 25.12)},
    ),
    # The Philippines, 1901
    R(
        "Insurgents armed with bolos attacked a company of American infantry at breakfast in Balangiga, on "
        "the island of Samar, killing 48 soldiers. The survivors escaped by boat to Basey.",
        date(1901, 9, 30),
        {"Balangiga": (11.11, 125.39), "Samar": (11.85, 125.00), "Basey": (11.28, 125.07)},
    ),
    # Manchuria and Korea, 1904-1905
    R(
        "Japanese infantry stormed 203 Metre Hill above Port Arthur on Monday, and their heavy guns can now "
        "reach the Russian squadron in the harbour.",
        date(1904, 12, 6),
        {"Port Arthur": (38.81, 121.26)},
    ),
    R(
        "Mukden fell to the Japanese on Friday, and General Kuropatkin's armies are retreating north towards "
        "Tieling along the railway.",
        date(1905, 3, 11),
        {"Mukden": (41.80, 123.43), "Tieling": (42.29, 123.84)},
    ),
    R(
        "Japanese torpedo boats attacked two Russian warships in the harbour of Chemulpo, the port of Seoul, "
        "on Tuesday; both were scuttled by their crews.",
        date(1904, 2, 10),
        {"Chemulpo": (37.47, 126.62), "Seoul": (37.57, 126.98)},
    ),
    # The Balkan wars, 1912-1913
    R(
        "Bulgarian and Serbian troops took Adrianople on Wednesday after a siege of five months, and the "
        "Ottoman commander surrendered the fortress with its garrison.",
        date(1913, 3, 27),
        {"Adrianople": (41.68, 26.56)},
    ),
    R(
        "Greek troops entered Salonika on Friday, a few hours before a Bulgarian division arrived from Serres.",
        date(1912, 11, 9),
        {"Salonika": (40.64, 22.94), "Serres": (41.09, 23.55)},
    ),
    R(
        "Montenegrin forces occupied Scutari on Wednesday after the Ottoman garrison marched out towards "
        "Tirana with its arms.",
        date(1913, 4, 24),
        {"Scutari": (42.07, 19.51), "Tirana": (41.33, 19.82)},
    ),
    R(
        "Janina surrendered to the Greek army on Thursday, and some 30,000 Turkish soldiers were taken "
        "prisoner. Greek columns are pressing north towards Argyrokastro.",
        date(1913, 3, 7),
        {"Janina": (39.66, 20.85), "Argyrokastro": (40.08, 20.14)},
    ),
    # The First World War outside Europe
    R(
        "General Townshend surrendered Kut-al-Amara to the Turks on Saturday after a siege of 147 days. "
        "The prisoners are being marched upriver towards Baghdad.",
        date(1916, 4, 30),
        {"Kut-al-Amara": (32.51, 45.82), "Baghdad": (33.31, 44.37)},
    ),
    R(
        "The last troops were taken off the beaches at Suvla and Anzac Cove overnight without loss, and the "
        "transports sailed for Mudros.",
        date(1915, 12, 21),
        {"Suvla": (40.31, 26.24), "Anzac Cove": (40.24, 26.28), "Mudros": (39.87, 25.27)},
    ),
    R(
        "A British landing at Tanga was beaten off by German askaris after three days of fighting, and the "
        "force re-embarked for Mombasa.",
        date(1914, 11, 6),
        {"Tanga": (-5.07, 39.10), "Mombasa": (-4.04, 39.67)},
    ),
    # The Mexican Revolution
    R(
        "Rebels under Madero and Orozco took Ciudad Juarez on Wednesday after two days of fighting in its "
        "streets. Crowds watched the battle from the rooftops of El Paso.",
        date(1911, 5, 11),
        {"Ciudad Juarez": (31.74, -106.49), "El Paso": (31.76, -106.49)},
    ),
    R(
        "Villa's Division of the North entered Torreon on Thursday after eleven days of fighting, and the "
        "federal troops fled east towards Saltillo.",
        date(1914, 4, 3),
        {"Torreon": (25.54, -103.41), "Saltillo": (25.42, -101.00)},
    ),
    R(
        "Raiders led by Pancho Villa attacked Columbus, New Mexico, before dawn on Thursday, burning part of "
        "the town and killing 18 Americans.",
        date(1916, 3, 10),
        {"Columbus": (31.83, -107.64), "New Mexico": (34.40, -106.10)},
    ),
    # Ireland, 1920-1921
    R(
        "An IRA flying column ambushed two lorries of Auxiliaries at Kilmichael, near Macroom, on Sunday "
        "evening; sixteen Auxiliaries were killed.",
        date(1920, 11, 30),
        {"Kilmichael": (51.82, -9.06), "Macroom": (51.90, -8.96)},
    ),
    R(
        "Troops searched houses in Kingstown and Queenstown overnight after shots were fired at a naval "
        "launch. A curfew has been ordered in Cork.",
        date(1921, 3, 2),
        {"Kingstown": (53.29, -6.13), "Queenstown": (51.85, -8.29), "Cork": (51.90, -8.47)},
    ),
    # Morocco, Iraq, Anatolia, 1920-1922
    R(
        "Spanish troops abandoned their camp at Annual on Friday and fled in disorder towards Melilla; "
        "thousands are reported dead on the road. Riffian fighters have surrounded Monte Arruit.",
        date(1921, 7, 24),
        {"Annual": (35.15, -3.63), "Melilla": (35.29, -2.94), "Monte Arruit": (35.00, -3.03)},
    ),
    R(
        "Tribesmen have besieged the British garrison at Rumaitha since early July, and the revolt has "
        "spread to Kufa and Samawa.",
        date(1920, 8, 5),
        {"Rumaitha": (31.53, 45.20), "Kufa": (32.03, 44.40), "Samawa": (31.31, 45.28)},
    ),
    R(
        "Fire broke out in the Armenian quarter of Smyrna on Wednesday while Turkish cavalry held the city. "
        "Refugees crowded the quay hoping for a boat to Chios or Mytilene.",
        date(1922, 9, 14),
        {"Smyrna": (38.42, 27.14), "Chios": (38.37, 26.14), "Mytilene": (39.11, 26.55)},
    ),
    # The Chaco, Spain, Ethiopia, 1932-1938
    R(
        "Paraguayan columns advanced on Villamontes in January, but the Bolivian line held at the foot of "
        "the hills. Their wounded are being flown back to Asuncion.",
        date(1935, 2, 20),
        {"Villamontes": (-21.26, -63.47), "Asuncion": (-25.29, -57.63)},
    ),
    R(
        "German aircraft bombed Guernica for three hours on Monday afternoon, a market day, and the centre "
        "of the town was destroyed. Basque officials in Bilbao say hundreds were killed.",
        date(1937, 4, 28),
        {"Guernica": (43.32, -2.68), "Bilbao": (43.26, -2.93)},
    ),
    R(
        "Nationalist forces retook Teruel on Monday after the Republican army withdrew through the snow "
        "towards Valencia.",
        date(1938, 2, 23),
        {"Teruel": (40.34, -1.11), "Valencia": (39.47, -0.38)},
    ),
    R(
        "Republican troops took Belchite, south of Zaragoza, after two weeks of fighting from house to house.",
        date(1937, 9, 7),
        {"Belchite": (41.31, -0.75), "Zaragoza": (41.65, -0.88)},
    ),
    R(
        "Colonel Moscardo's garrison still holds the Alcazar of Toledo, and a relief column has reached "
        "Talavera de la Reina.",
        date(1936, 9, 5),
        {"Toledo": (39.86, -4.02), "Talavera de la Reina": (39.96, -4.83)},
    ),
    R(
        "Italian troops entered Adowa on Sunday, forty years after their defeat there, and aircraft bombed "
        "Dessie, where the Emperor has his headquarters.",
        date(1935, 10, 7),
        {"Adowa": (14.16, 38.90), "Dessie": (11.13, 39.63)},
    ),
    R(
        "Marshal Badoglio's motorised column entered Addis Ababa on Tuesday; the Emperor had left by train "
        "for Djibouti three days earlier.",
        date(1936, 5, 6),
        {"Addis Ababa": (9.03, 38.74), "Djibouti": (11.59, 43.15)},
    ),
    # China, Burma, the Philippines, 1937-1945
    R(
        "Japanese troops entered Nanking on Monday, and foreigners in the safety zone report killings of "
        "civilians in the streets. The government has moved up the river to Hankow.",
        date(1937, 12, 14),
        {"Nanking": (32.06, 118.78), "Hankow": (30.59, 114.28)},
    ),
    R(
        "Chinese armies routed two Japanese divisions at Taierchwang, on the railway north of Suchow, after "
        "a fortnight of fighting in the town's streets.",
        date(1938, 4, 8),
        {"Taierchwang": (34.56, 117.73), "Suchow": (34.26, 117.18)},
    ),
    R(
        "Chinese and American troops took Myitkyina on Thursday after a siege of 78 days; what was left of "
        "the Japanese garrison slipped away south towards Bhamo.",
        date(1944, 8, 4),
        {"Myitkyina": (25.38, 97.40), "Bhamo": (24.26, 97.23)},
    ),
    R(
        "British troops from Dimapur broke through to the besieged garrison of Kohima on Tuesday.",
        date(1944, 4, 19),
        {"Dimapur": (25.91, 93.73), "Kohima": (25.67, 94.11)},
    ),
    R(
        "The American and Filipino forces on Bataan surrendered on Thursday, but the garrison of Corregidor fights on.",
        date(1942, 4, 10),
        {"Bataan": (14.64, 120.46), "Corregidor": (14.38, 120.57)},
    ),
    # Indonesia and Indochina, 1945-1954
    R(
        "British troops landed at Soerabaja on Saturday under a naval bombardment, and the Indonesian "
        "fighters withdrew south towards Sidoardjo.",
        date(1945, 11, 11),
        {"Soerabaja": (-7.25, 112.75), "Sidoardjo": (-7.45, 112.72)},
    ),
    R(
        "Dutch paratroops seized the airfield at Maguwo on Sunday and entered Djokjakarta, the Republic's "
        "capital, arresting Sukarno and his cabinet.",
        date(1948, 12, 20),
        {"Maguwo": (-7.79, 110.43), "Djokjakarta": (-7.80, 110.36)},
    ),
    R(
        "The garrison of Dien Bien Phu fell on Friday after 56 days. A relief column that set out from "
        "Muong Sai has turned back.",
        date(1954, 5, 8),
        {"Dien Bien Phu": (21.39, 103.02), "Muong Sai": (20.69, 101.99)},
    ),
    R(
        "French forces evacuated Cao Bang, and the column retreating along the colonial road was destroyed "
        "near Dong Khe. Lang Son was abandoned a week later.",
        date(1950, 10, 20),
        {"Cao Bang": (22.67, 106.26), "Dong Khe": (22.43, 106.43), "Lang Son": (21.85, 106.76)},
    ),
    R(
        "A French cruiser shelled the Vietnamese quarters of Haiphong on Saturday, and thousands are feared dead.",
        date(1946, 11, 24),
        {"Haiphong": (20.86, 106.68)},
    ),
    # Korea, 1950
    R(
        "North Korean tanks entered Taejon on Thursday and General Dean is missing. American troops have "
        "fallen back to positions on the road to Pusan.",
        date(1950, 7, 21),
        {"Taejon": (36.35, 127.38), "Pusan": (35.18, 129.08)},
    ),
    R(
        "Marines landed at Inchon on Friday and took Wolmi-do, the island guarding the harbour, by noon. "
        "Kimpo airfield is the next objective.",
        date(1950, 9, 16),
        {"Inchon": (37.46, 126.70), "Wolmi-do": (37.47, 126.60), "Kimpo": (37.56, 126.79)},
    ),
    R(
        "The last ships left Hungnam on Sunday with 100,000 refugees and the divisions that fought their way "
        "out from the Chosin Reservoir.",
        date(1950, 12, 25),
        {"Hungnam": (39.83, 127.62), "Chosin Reservoir": (40.45, 127.25)},
    ),
    # Malaya, Kenya, Algeria, Suez, 1951-1957
    R(
        "Guerrillas ambushed the High Commissioner's car on the road to Fraser's Hill on Saturday and killed "
        "him. Troops from Kuala Kubu Bahru are searching the jungle.",
        date(1951, 10, 8),
        {"Fraser's Hill": (3.71, 101.74), "Kuala Kubu Bahru": (3.56, 101.66)},
    ),
    R(
        "Mau Mau fighters burned huts at Lari overnight, killing 97 villagers loyal to the government. A "
        "police post at Naivasha was raided the same night.",
        date(1953, 3, 28),
        {"Lari": (-0.97, 36.66), "Naivasha": (-0.72, 36.43)},
    ),
    R(
        "Security forces detained 2,000 men in Fort Hall district on Wednesday, and troops moved up the "
        "road towards Nyeri.",
        date(1954, 4, 22),
        {"Fort Hall": (-0.72, 37.15), "Nyeri": (-0.42, 36.95)},
    ),
    R(
        "Insurgents attacked Philippeville and the mining village of El Halia on Saturday; 123 people were killed.",
        date(1955, 8, 21),
        {"Philippeville": (36.88, 6.91), "El Halia": (36.93, 7.05)},
    ),
    R(
        "Bombs exploded in cafes in Orleansville and Bone on Sunday evening, and the army has sealed off "
        "the Arab quarters of both towns.",
        date(1956, 10, 1),
        {"Orleansville": (36.17, 1.33), "Bone": (36.90, 7.77)},
    ),
    R(
        "British and French paratroops landed at Port Said and Port Fuad on Monday and advanced south along "
        "the canal towards Ismailia.",
        date(1956, 11, 6),
        {"Port Said": (31.26, 32.30), "Port Fuad": (31.25, 32.32), "Ismailia": (30.60, 32.27)},
    ),
    # The Congo, 1961-1978
    R(
        "Katangese gendarmes surrounded an Irish company of United Nations troops at Jadotville on Wednesday, "
        "while fighting went on for the post office in Elisabethville.",
        date(1961, 9, 14),
        {"Jadotville": (-10.98, 26.73), "Elisabethville": (-11.66, 27.48)},
    ),
    R(
        "Belgian paratroops dropped on Stanleyville on Tuesday to free hundreds of hostages held by Simba "
        "rebels; a second drop is planned on Paulis.",
        date(1964, 11, 25),
        {"Stanleyville": (0.52, 25.19), "Paulis": (2.77, 27.62)},
    ),
    R(
        "French Legionnaires dropped on Kolwezi on Friday, where rebels who crossed from Angola have held the "
        "mining town for a week.",
        date(1978, 5, 20),
        {"Kolwezi": (-10.72, 25.47), "Angola": (-12.35, 17.55)},
    ),
    # Nigeria, 1967-1969
    R(
        "Federal troops entered Enugu on Wednesday, and the secessionist government has moved to Umuahia.",
        date(1967, 10, 5),
        {"Enugu": (6.44, 7.50), "Umuahia": (5.53, 7.49)},
    ),
    R(
        "Relief flights landed at Uli overnight despite the bombing; the Red Cross says children in Owerri "
        "and Orlu are starving.",
        date(1969, 3, 12),
        {"Uli": (5.78, 6.87), "Owerri": (5.48, 7.03), "Orlu": (5.79, 7.04)},
    ),
    R(
        "Nigerian marines captured Port Harcourt on Sunday, and the defenders retreated towards Aba.",
        date(1968, 5, 20),
        {"Port Harcourt": (4.82, 7.03), "Aba": (5.11, 7.37)},
    ),
    # Vietnam and Bangladesh, 1965-1971
    R(
        "South Vietnamese troops raised their flag over the Citadel of Hue on Saturday after 25 days of "
        "fighting. The Marine base at Khe Sanh was shelled again overnight.",
        date(1968, 2, 25),
        {"Hue": (16.46, 107.59), "Khe Sanh": (16.63, 106.73)},
    ),
    R(
        "Viet Cong sappers attacked Camp Holloway, the helicopter base outside Pleiku, before dawn on Sunday, "
        "killing eight Americans.",
        date(1965, 2, 8),
        {"Camp Holloway": (13.98, 108.02), "Pleiku": (13.98, 108.00)},
    ),
    R(
        "Pakistani forces in Dacca surrendered on Thursday; Jessore and Khulna had fallen last week.",
        date(1971, 12, 17),
        {"Dacca": (23.81, 90.41), "Jessore": (23.17, 89.21), "Khulna": (22.82, 89.55)},
    ),
    # Afghanistan, Iran and Iraq, Lebanon, 1976-1989
    R(
        "Mujahideen attacked the government garrison at Jalalabad on Monday and rockets fell on the airport. "
        "Families are fleeing east towards Torkham.",
        date(1989, 3, 7),
        {"Jalalabad": (34.43, 70.45), "Torkham": (34.10, 71.09)},
    ),
    R(
        "Iraqi troops entered Khorramshahr on Friday after a month of fighting in its streets, and shells set "
        "fire to the refinery at Abadan across the river.",
        date(1980, 10, 25),
        {"Khorramshahr": (30.44, 48.17), "Abadan": (30.34, 48.30)},
    ),
    R(
        "Iraqi aircraft dropped chemical bombs on Halabja on Wednesday; survivors who reached Paveh speak of "
        "thousands dead.",
        date(1988, 3, 18),
        {"Halabja": (35.18, 45.99), "Paveh": (35.04, 46.36)},
    ),
    R(
        "Christian militias overran the Palestinian camp of Tel al-Zaatar on Thursday after a siege of 52 "
        "days. The survivors were taken by truck to West Beirut.",
        date(1976, 8, 13),
        {"Tel al-Zaatar": (33.87, 35.55), "West Beirut": (33.89, 35.49)},
    ),
    # Cyprus, Israel, Oman, the Sahara, Kuwait
    R(
        "Turkish troops landed west of Kyrenia on Saturday, and paratroops dropped between Kyrenia and "
        "Nicosia. Greek Cypriot forces shelled the Turkish quarter of Famagusta.",
        date(1974, 7, 21),
        {"Kyrenia": (35.34, 33.32), "Nicosia": (35.17, 33.36), "Famagusta": (35.12, 33.94)},
    ),
    R(
        "Israeli troops took Lydda and Ramle on Monday, and tens of thousands of their inhabitants were "
        "marched east towards Ramallah.",
        date(1948, 7, 13),
        {"Lydda": (31.95, 34.90), "Ramle": (31.93, 34.87), "Ramallah": (31.90, 35.20)},
    ),
    R(
        "About 250 rebels attacked the fort at Mirbat at dawn on Wednesday; the garrison held until "
        "helicopters brought reinforcements from Salalah.",
        date(1972, 7, 20),
        {"Mirbat": (16.99, 54.69), "Salalah": (17.02, 54.09)},
    ),
    R(
        "Polisario fighters attacked the Moroccan garrison at Guelta Zemmur and shelled Smara on Monday.",
        date(1981, 10, 14),
        {"Guelta Zemmur": (25.14, -12.37), "Smara": (26.74, -11.67)},
    ),
    R(
        "Saudi and Qatari troops retook Khafji on Thursday after Iraqi forces had held the border town for two days.",
        date(1991, 2, 1),
        {"Khafji": (28.43, 48.49)},
    ),
    # Finland, Greece
    R(
        "Finnish ski troops destroyed a Soviet division on the road east of Suomussalmi, and Soviet bombers "
        "struck Viipuri again on Sunday.",
        date(1940, 1, 8),
        {"Suomussalmi": (64.89, 28.91), "Viipuri": (60.71, 28.75)},
    ),
    R(
        "Guerrillas attacked Konitsa on Christmas Day and the garrison is holding out; a relief column set "
        "out from Ioannina on Monday.",
        date(1947, 12, 30),
        {"Konitsa": (40.05, 20.75), "Ioannina": (39.66, 20.85)},
    ),
    # Southern Africa, 1961-1988
    R(
        "Rebels attacked Portuguese farms and trading posts near Carmona and Sao Salvador, and settlers are "
        "fleeing to Luanda.",
        date(1961, 3, 20),
        {"Carmona": (-7.61, 15.06), "Sao Salvador": (-6.27, 14.24), "Luanda": (-8.84, 13.23)},
    ),
    R(
        "Fighting broke out in Nova Lisboa between the two movements on Tuesday, and Portuguese settlers fled "
        "by road to Sa da Bandeira.",
        date(1975, 8, 6),
        {"Nova Lisboa": (-12.78, 15.74), "Sa da Bandeira": (-14.92, 13.49)},
    ),
    R(
        "South African and UNITA forces attacked Cuito Cuanavale again on Wednesday; Cuban reinforcements "
        "are arriving from Menongue.",
        date(1988, 3, 24),
        {"Cuito Cuanavale": (-15.16, 19.17), "Menongue": (-14.66, 17.69)},
    ),
    R(
        "Guerrillas mined the road between Vila Pery and Umtali on Friday, and a Portuguese convoy was hit "
        "short of the border post.",
        date(1973, 6, 9),
        {"Vila Pery": (-19.12, 33.48), "Umtali": (-18.97, 32.67)},
    ),
    R(
        "Guerrillas shot down an airliner after it took off from Kariba on Sunday and killed survivors at the "
        "crash site. The aircraft was bound for Salisbury.",
        date(1978, 9, 4),
        {"Kariba": (-16.52, 28.80), "Salisbury": (-17.83, 31.05)},
    ),
    R(
        "Guerrillas attacked farms near Mount Darwin and Centenary overnight, and a farmer and his wife were killed.",
        date(1976, 2, 12),
        {"Mount Darwin": (-16.77, 31.58), "Centenary": (-16.72, 31.12)},
    ),
    R(
        "A bus hit a landmine on the road from Fort Victoria to Beitbridge on Tuesday, killing eleven passengers.",
        date(1977, 7, 13),
        {"Fort Victoria": (-20.07, 30.83), "Beitbridge": (-22.22, 30.00)},
    ),
    R(
        "Followers of the Lumpa church attacked police near Chinsali and Lundazi, and troops were flown in "
        "from Fort Jameson.",
        date(1964, 7, 31),
        {"Chinsali": (-10.55, 32.07), "Lundazi": (-12.29, 33.18), "Fort Jameson": (-13.64, 32.65)},
    ),
    # East Africa and the Horn, 1977-1992
    R(
        "Tanzanian troops took Masaka on Saturday and shelled Mbarara; Libyan soldiers have been flown in to "
        "Entebbe to defend the capital.",
        date(1979, 2, 25),
        {"Masaka": (-0.34, 31.73), "Mbarara": (-0.61, 30.66), "Entebbe": (0.05, 32.46)},
    ),
    R(
        "The National Resistance Army entered Kampala on Sunday, and government troops retreated north "
        "towards Gulu and Lira.",
        date(1986, 1, 27),
        {"Kampala": (0.35, 32.58), "Gulu": (2.78, 32.30), "Lira": (2.25, 32.90)},
    ),
    R(
        "Somali forces captured Jijiga on Monday and are now advancing on Harar and Dire Dawa.",
        date(1977, 9, 14),
        {"Jijiga": (9.35, 42.80), "Harar": (9.31, 42.12), "Dire Dawa": (9.59, 41.87)},
    ),
    R(
        "Rebel fighters took the port of Massawa on Saturday, cutting the army in Asmara off from the sea.",
        date(1990, 2, 11),
        {"Massawa": (15.61, 39.45), "Asmara": (15.33, 38.93)},
    ),
    R(
        "Government aircraft bombed Hargeisa on Tuesday after rebels entered the city; Burao fell to them last week.",
        date(1988, 6, 1),
        {"Hargeisa": (9.56, 44.06), "Burao": (9.52, 45.53)},
    ),
    # The Americas, 1958-1989
    R(
        "Rebel columns took Santa Clara on Wednesday after derailing an armoured train, and Batista fled "
        "Havana overnight for Ciudad Trujillo.",
        date(1959, 1, 1),
        {"Santa Clara": (22.41, -79.96), "Havana": (23.13, -82.38), "Ciudad Trujillo": (18.49, -69.93)},
    ),
    R(
        "Exiles landed at Playa Giron and Playa Larga on Monday morning, and militia units moved down the "
        "road from Jaguey Grande.",
        date(1961, 4, 18),
        {"Playa Giron": (22.07, -81.03), "Playa Larga": (22.28, -81.20), "Jaguey Grande": (22.53, -81.13)},
    ),
    R(
        "American troops landed at Point Salines and Pearls on Tuesday, and fighting went on around the "
        "capital, St. George's.",
        date(1983, 10, 26),
        {"Point Salines": (12.00, -61.79), "Pearls": (12.14, -61.61), "St. George's": (12.05, -61.75)},
    ),
    R(
        "American troops attacked the headquarters of the Defence Forces in Panama City before dawn and took "
        "the airport at Tocumen; fighting was also reported in Colon.",
        date(1989, 12, 21),
        {"Panama City": (8.98, -79.52), "Tocumen": (9.07, -79.38), "Colon": (9.36, -79.90)},
    ),
    R(
        "Soldiers of an army battalion killed hundreds of villagers at El Mozote last week, survivors who "
        "reached Perquin said.",
        date(1981, 12, 20),
        {"El Mozote": (13.90, -88.11), "Perquin": (13.96, -88.16)},
    ),
    R(
        "The guerrillas launched their offensive on San Salvador on Saturday night; fighting was also "
        "reported in San Miguel, Zacatecoluca and Usulutan.",
        date(1989, 11, 12),
        {
            "San Salvador": (13.69, -89.19),
            "San Miguel": (13.48, -88.18),
            "Zacatecoluca": (13.51, -88.87),
            "Usulutan": (13.35, -88.44),
        },
    ),
    R(
        "Sandinista guerrillas took Leon on Wednesday and the National Guard fell back to Managua; fighting "
        "continues in Esteli and Matagalpa.",
        date(1979, 6, 21),
        {"Leon": (12.43, -86.88), "Managua": (12.13, -86.25), "Esteli": (13.09, -86.35), "Matagalpa": (12.93, -85.92)},
    ),
    # The Falklands, 1982
    R(
        "Paratroopers took Darwin and Goose Green on Friday after a day of fighting, and the Argentine "
        "garrison surrendered. The brigade will now march on Port Stanley.",
        date(1982, 5, 29),
        {"Darwin": (-51.81, -58.97), "Goose Green": (-51.83, -58.97), "Port Stanley": (-51.69, -57.86)},
    ),
    R(
        "British troops came ashore at San Carlos on Friday, and Argentine aircraft attacked the ships in "
        "the anchorage all afternoon.",
        date(1982, 5, 22),
        {"San Carlos": (-51.50, -59.02)},
    ),
]


def mention_spans(report: PlaceReport) -> list[tuple[int, int, str]]:
    """(start, end, name) of every mention of every place of the report, a name as a whole word."""
    spans = []
    for name in report.places:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", report.text):
            spans.append((match.start(), match.end(), name))
    return sorted(spans)


def as_corpus_rows(reports: list[PlaceReport], prefix: str = "place-report") -> list[dict]:
    """The reports as rows of the evaluation corpora's JSON Lines (every place mention gold)."""
    rows = []
    for n, report in enumerate(reports):
        toponyms = [
            {"start": s, "end": e, "name": name, "lat": report.places[name][0], "lon": report.places[name][1]}
            for s, e, name in mention_spans(report)
        ]
        rows.append(
            {
                "id": f"{prefix}-{n:03d}",
                "text": report.text,
                "published": report.published.isoformat(),
                "split": "dev",
                "toponyms": toponyms,
            }
        )
    return rows
