"""Short reports of one to three places each, written for these tests, with the deaths an
ACLED coder would give the event at each place: the toll told in that place's clause or
story, the lower of two accounts (an official or independent figure over a side's claim of
what it did, the more conservative of two sources), the groups of one toll summed ("three
soldiers and two civilians"), a toll as it rose later in the report, and 0 at a place named
only beside the event, telling of no deaths, or whose only toll is a past happening's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from geo.records import Article, Event

#: (report, {place as written: deaths of its frontline event}).
TOLL_REPORTS: list[tuple[str, dict[str, int]]] = [
    # The toll in the clause of its own place.
    (
        "Militants attacked an army post in Djibo on Monday, killing seven soldiers, "
        "while a roadside bomb near Dori killed two civilians.",
        {"Djibo": 7, "Dori": 2},
    ),
    (
        "Artillery fire hit a market in Kadugli, killing four people. "
        "In El Obeid, a drone strike on a fuel depot killed nine.",
        {"Kadugli": 4, "El Obeid": 9},
    ),
    (
        "Insurgents ambushed a convoy outside Damboa and killed 12 soldiers. "
        "Troops later repelled an attack on Bama without losses.",
        {"Damboa": 12, "Bama": 0},
    ),
    (
        "Gunmen stormed a church in Butembo on Sunday. Eleven worshippers were killed, a priest said. "
        "The army said it had reinforced its positions around Beni.",
        {"Butembo": 11, "Beni": 0},
    ),
    (
        "Fighting raged in Nyala for a third day. Residents said at least 15 people died in the shelling. "
        "Clashes were also reported in El Fasher.",
        {"Nyala": 15, "El Fasher": 0},
    ),
    (
        "A car bomb exploded at a checkpoint in Baidoa, killing six people. "
        "Hours later, al-Shabaab fighters attacked a base near Jowhar, where three soldiers died.",
        {"Baidoa": 6, "Jowhar": 3},
    ),
    (
        "Rebels seized the town of Rutshuru after heavy fighting. "
        "Thousands of civilians fled towards Goma, where aid groups set up camps.",
        {"Rutshuru": 0, "Goma": 0},
    ),
    (
        "Airstrikes on a village near Lashio killed 14 people, residents said. "
        "The military also bombed positions outside Hpakant, but no casualties were reported.",
        {"Lashio": 14, "Hpakant": 0},
    ),
    (
        "Two soldiers were killed in an ambush near Kidal. "
        "In a separate attack, gunmen killed five traders on the road to Gao.",
        {"Kidal": 2, "Gao": 5},
    ),
    (
        "Jihadists raided a village outside Menaka at dawn. They burned houses and stole cattle. "
        "Twenty-one villagers were killed, local officials said.",
        {"Menaka": 21},
    ),
    (
        "Fighters from Kaya attacked an outpost in Ouahigouya, killing three gendarmes.",
        {"Ouahigouya": 3},
    ),
    (
        "Shelling of Bamenda killed two children on Tuesday. Separatists meanwhile blocked the road to Buea.",
        {"Bamenda": 2, "Buea": 0},
    ),
    (
        "Insurgents attacked Macomia overnight, killing ten civilians. "
        "Security forces pursued them towards Mocimboa da Praia, where six of the attackers were killed.",
        {"Macomia": 10, "Mocimboa da Praia": 6},
    ),
    (
        "A suicide bomber struck a mosque in Maiduguri, killing 18 worshippers. "
        "Another bomb in Monguno wounded four people.",
        {"Maiduguri": 18, "Monguno": 0},
    ),
    (
        "Clashes broke out in Bunia between two militias, leaving nine dead. "
        "The governor travelled to Beni to meet community leaders.",
        {"Bunia": 9, "Beni": 0},
    ),
    # A side's claim against an official or independent figure.
    (
        "The rebels said they had killed 40 soldiers in an attack on a base near Myitkyina. "
        "The army put its losses at six.",
        {"Myitkyina": 6},
    ),
    (
        "The army said it killed 35 militants in an offensive near Gwoza. "
        "Residents said 11 people died, most of them farmers.",
        {"Gwoza": 11},
    ),
    (
        "Fighters stormed a police station in Beledweyne. The group claimed it had killed 20 officers. "
        "Police said four officers were killed.",
        {"Beledweyne": 4},
    ),
    (
        "Government forces claimed to have killed 60 rebels near Gondar. "
        "A hospital official said 14 bodies were brought in.",
        {"Gondar": 14},
    ),
    (
        "The militia said it shot down a helicopter over Kismayo and killed all 12 on board. "
        "The defence ministry said the crash killed three crew.",
        {"Kismayo": 3},
    ),
    (
        "An airstrike hit a wedding party in a village outside Sagaing. "
        "Local media said 30 guests died, while the junta said it had struck only fighters and that nine were killed.",
        {"Sagaing": 9},
    ),
    (
        "Troops repelled an assault on Dori, the army said, adding that 50 assailants were neutralised. "
        "A security source told reporters that 17 attackers and two soldiers were killed.",
        {"Dori": 19},
    ),
    # A counted or named victim added to a group.
    (
        "A mine blast near Ansongo killed eight soldiers and their driver.",
        {"Ansongo": 9},
    ),
    (
        "Four policemen and a civilian were shot dead at a checkpoint outside Kumba.",
        {"Kumba": 5},
    ),
    (
        "Gunmen ambushed the convoy of a local chief near Fada N'Gourma. The chief and six of his guards were killed.",
        {"Fada N'Gourma": 7},
    ),
    (
        "A strike on a clinic in Omdurman killed a doctor, two nurses and a patient.",
        {"Omdurman": 4},
    ),
    (
        "Militants killed a teacher and his two sons in a raid on a school in Mopti.",
        {"Mopti": 3},
    ),
    # Two figures of one event, summed.
    (
        "Three soldiers and two civilians were killed when militants attacked a checkpoint in Timbuktu.",
        {"Timbuktu": 5},
    ),
    (
        "An attack on a mining site near Kaya killed nine miners. Two soldiers guarding the site also died.",
        {"Kaya": 11},
    ),
    (
        "Rebels overran an army camp outside Bhamo. Seven soldiers were killed in the fighting, "
        "and four rebels died as well.",
        {"Bhamo": 11},
    ),
    (
        "A drone struck a bus on the outskirts of Dessie, killing five passengers. The driver later died in hospital.",
        {"Dessie": 6},
    ),
    (
        "Gunmen opened fire on a market in Tumaco, killing three vendors and a police officer.",
        {"Tumaco": 4},
    ),
    # Several places, several tolls.
    (
        "Russian missiles struck Odesa overnight, killing three people, and a drone hit an apartment "
        "block in Kharkiv, where two residents died.",
        {"Odesa": 3, "Kharkiv": 2},
    ),
    (
        "Shells fell on Kherson, wounding six people. In Nikopol, artillery fire killed a woman.",
        {"Kherson": 0, "Nikopol": 1},
    ),
    (
        "Fighting near Bakhmut killed four soldiers, the general staff said. "
        "Further north, a strike on Kupiansk killed a railway worker.",
        {"Bakhmut": 4, "Kupiansk": 1},
    ),
    (
        "Insurgents attacked Palma, killing 13 civilians, before withdrawing towards Mueda. "
        "The army said it had retaken Palma the next day.",
        {"Palma": 13, "Mueda": 0},
    ),
    (
        "Gunmen killed six farmers in a village near Jos. Police in Bauchi arrested three suspects.",
        {"Jos": 6, "Bauchi": 0},
    ),
    (
        "A bomb hidden in a cart exploded in a market in Beni, killing eight people. "
        "In Oicha, ADF fighters killed four more civilians on the same day.",
        {"Beni": 8, "Oicha": 4},
    ),
    (
        "Armed men attacked a camp for displaced people outside El Geneina, killing 22. "
        "Survivors fled to Adre across the border.",
        {"El Geneina": 22, "Adre": 0},
    ),
    (
        "Security forces fired on protesters in Conakry, killing two. Protests in Labe passed off peacefully.",
        {"Conakry": 2, "Labe": 0},
    ),
    (
        "An IED destroyed a military vehicle on the road between Mopti and Sevare. "
        "Four soldiers were killed, the army said.",
        {"Mopti": 4},
    ),
    (
        "The group attacked Arbinda, killing 14 civilians and five soldiers, security sources said. "
        "The army responded with airstrikes on positions around Djibo.",
        {"Arbinda": 19, "Djibo": 0},
    ),
    (
        "Clashes between herders and farmers in Kadugli left eleven dead, officials said. "
        "A day earlier, a shell struck a school in Dilling, killing three pupils.",
        {"Kadugli": 11, "Dilling": 3},
    ),
    (
        "Separatist fighters killed a soldier and two civilians in Ndop. "
        "In Kumbo, troops killed five separatists, the army said.",
        {"Ndop": 3, "Kumbo": 5},
    ),
    # Which event of the report a toll sentence without a place belongs to.
    (
        "Drones struck fuel depots in Kherson and Zaporizhzhia overnight. "
        "In Kherson, a night watchman was killed. Two people were wounded in Zaporizhzhia.",
        {"Kherson": 1, "Zaporizhzhia": 0},
    ),
    (
        "Fighters loyal to the general advanced on Sirte from Misrata. "
        "Heavy clashes erupted on the edge of Sirte. At least nine fighters died, a medical source said.",
        {"Sirte": 9, "Misrata": 0},
    ),
    (
        "MOGADISHU, March 3 - Al-Shabaab militants attacked a military base in Afgooye on Monday. "
        "Eight soldiers were killed in the assault, a commander said.",
        {"Afgooye": 8, "Mogadishu": 0},
    ),
    (
        "A suicide bomber blew himself up at a rally in Quetta, killing 16 people. "
        "Meanwhile, in Peshawar, police defused a bomb near a school.",
        {"Quetta": 16, "Peshawar": 0},
    ),
    (
        "The rebels shelled Goma airport. Seven civilians were killed. "
        "They then moved on Sake, where fighting continued into the night.",
        {"Goma": 7, "Sake": 0},
    ),
    (
        "Police said gunmen from Zamfara crossed into Katsina and killed 23 villagers.",
        {"Katsina": 23},
    ),
    (
        "An airstrike on a market in Idlib killed 11 people. A second strike, on a bakery in Ariha, killed four.",
        {"Idlib": 11, "Ariha": 4},
    ),
    (
        "The army said it had killed 28 militants in raids near Diffa. "
        "A local official said eight people, including two children, were killed in the raids.",
        {"Diffa": 8},
    ),
    (
        "Gunmen attacked a bus near Mandera, killing 12 passengers, and a bomb exploded at a "
        "police post in Garissa, killing two officers.",
        {"Mandera": 12, "Garissa": 2},
    ),
    (
        "Rebels ambushed an army patrol near Tillaberi, killing five soldiers and a guide.",
        {"Tillaberi": 6},
    ),
    (
        "Shelling of Donetsk killed three civilians, the city's mayor said. "
        "Ukraine's army said it had struck Russian positions near Horlivka, killing 40 troops.",
        {"Donetsk": 3, "Horlivka": 40},
    ),
    # A toll told in a sentence of its own, between sentences of other places.
    (
        "Government aircraft bombed Kutum on Friday. The strikes killed 17 people, most of them women, "
        "a local doctor said. Fighting was also reported around Kabkabiya.",
        {"Kutum": 17, "Kabkabiya": 0},
    ),
    (
        "Clashes near Hajjah killed five fighters. Saada was calm, but in Marib, "
        "a missile killed two children and their mother.",
        {"Hajjah": 5, "Saada": 0, "Marib": 3},
    ),
    (
        "Rebels attacked an army camp in Kamituga. The army said it repelled the attack and lost "
        "three soldiers. Residents of Shabunda said they heard gunfire through the night.",
        {"Kamituga": 3, "Shabunda": 0},
    ),
    (
        "A landmine killed four herders near Gao, officials said. In Timbuktu, gunmen shot dead a "
        "customs officer and his son.",
        {"Gao": 4, "Timbuktu": 2},
    ),
    (
        "The jihadists stormed Seytenga, killing at least 40 civilians, and then attacked a "
        "gendarmerie post in Sebba, where four gendarmes died.",
        {"Seytenga": 40, "Sebba": 4},
    ),
    (
        "An airstrike on a fuel station in Mekelle killed nine people, the regional health bureau said. "
        "The government said it had targeted military equipment in Adigrat.",
        {"Mekelle": 9, "Adigrat": 0},
    ),
    (
        "Police in Kano said a bomb at a bus station killed eight passengers. A second device was defused in Kaduna.",
        {"Kano": 8, "Kaduna": 0},
    ),
    (
        "Two people died when a shell hit their car on the road out of Kupiansk. "
        "Hours earlier, a guided bomb struck Kharkiv, wounding 11.",
        {"Kupiansk": 2, "Kharkiv": 0},
    ),
    (
        "Fighters overran a police post in Kismayo, killing six officers. "
        "Al-Shabaab said it had killed 25 and seized weapons.",
        {"Kismayo": 6},
    ),
    (
        "Security forces killed seven suspected militants in a raid in Sangha, the army said, "
        "and four soldiers were killed in an ambush near Kaya.",
        {"Sangha": 7, "Kaya": 4},
    ),
    # A counted group the subject of an intransitive death verb ("nineteen gunmen died").
    ("Nineteen gunmen died when troops stormed their hideout near Gwoza on Tuesday.", {"Gwoza": 19}),
    ("Scores perished when militiamen set fire to a displacement camp outside Djugu.", {"Djugu": 20}),
    ("Eleven soldiers and four civilians died when rebels ambushed an army convoy outside Bunia.", {"Bunia": 15}),
    (
        "Fighting flared again in Kalemie. Dozens died as the two militias fought for the port, a priest said.",
        {"Kalemie": 12},
    ),
    (
        "Nine militiamen perished in a clash with villagers at Bandiagara, and two villagers were shot dead.",
        {"Bandiagara": 11},
    ),
    ("Forty-two bodies were pulled from the rubble of a market in Kutum after the air raid.", {"Kutum": 42}),
    (
        "Thirteen herders died when armed youths attacked a cattle camp near Bentiu. Aid flights to Akobo were suspended.",
        {"Bentiu": 13, "Akobo": 0},
    ),
    ("Twenty-three attackers died in the failed assault on the barracks at Diffa, the army said.", {"Diffa": 23}),
    # Groups in apposition, and groups among the dead.
    ("The shelling killed nine people in Kaga Bandoro, six soldiers and three civilians.", {"Kaga Bandoro": 9}),
    ("Seven people, four of them children, died when a mortar round hit a house in Bossangoa.", {"Bossangoa": 7}),
    ("Gunmen killed 16 villagers in Bokkos, among them three children.", {"Bokkos": 16}),
    (
        "Twelve people, including a pregnant woman, were killed when a shell hit a bus near Kramatorsk.",
        {"Kramatorsk": 12},
    ),
    ("Shelling killed 12 people in Izium. Three children were among the dead.", {"Izium": 12}),
    (
        "Gunmen ambushed a bus near Kafanchan. Two aid workers were among the dead, their charity said.",
        {"Kafanchan": 2},
    ),
    (
        "Among the dead in Gao were four policemen and a judge, officials said. Talks in Bamako went on.",
        {"Gao": 5, "Bamako": 0},
    ),
    ("A village chief and his two sons were among those killed when bandits attacked Gusau.", {"Gusau": 3}),
    # Sources that disagree: the most conservative credible figure.
    (
        "Gunmen raided Kenema overnight. A hospital director said 23 bodies had been brought in. "
        "The interior ministry put the toll at 14.",
        {"Kenema": 14},
    ),
    (
        "The provincial governor said 30 people died in the attack on Beni. "
        "An independent monitoring group counted 18 dead.",
        {"Beni": 18},
    ),
    (
        "The defence ministry said five soldiers died in the ambush near Tillaberi. "
        "A local official said at least 12 soldiers were killed.",
        {"Tillaberi": 5},
    ),
    (
        "Nine people died in the blast in Mogadishu, a doctor at Medina hospital said. Police said the toll was six.",
        {"Mogadishu": 6},
    ),
    (
        "Officials said 20 people died in the attack on Titao, but a local rights group put the toll at 15.",
        {"Titao": 15},
    ),
    (
        "The regional health office said 11 people were killed in the strike on Adwa. "
        "The United Nations, citing local sources, put the number of dead at nine.",
        {"Adwa": 9},
    ),
    (
        "Shelling hit Wad Madani on Monday. Hospital sources said 40 people had died; the government said 27.",
        {"Wad Madani": 27},
    ),
    (
        "The mayor of Kherson said four people were killed by the shelling. The regional governor said three died.",
        {"Kherson": 3},
    ),
    # A toll that rises later in the report.
    (
        "A suicide bomber struck a mosque in Maiduguri during Friday prayers, killing seven worshippers.\n\n"
        "Hospital officials said on Saturday that the toll had risen to 15 as more of the wounded died.",
        {"Maiduguri": 15},
    ),
    (
        "Militants attacked a checkpoint in Kidal, killing four soldiers.\n\nBy evening the death toll had climbed to nine, the army said.",
        {"Kidal": 9},
    ),
    (
        "A drone struck a wedding party in Taiz, killing six guests. Two more died in hospital overnight, bringing the toll to eight.",
        {"Taiz": 8},
    ),
    (
        "A bomb exploded at the bus station in Jalalabad on Monday, killing five people. The blast shattered windows across the street. "
        "Witnesses described scenes of panic. No group has claimed the attack.\n\nPolice later said the toll had risen to 13.",
        {"Jalalabad": 13},
    ),
    (
        "Gunmen opened fire on a market in Zamfara's Anka town, killing 10 traders. "
        "The toll rose to 17 on Wednesday as bodies were found in the bush, police said.",
        {"Anka": 17},
    ),
    # A past happening's toll told beside today's.
    (
        "Gunmen attacked a market in Makurdi on Tuesday, killing three traders. "
        "The town saw a massacre in 2019 in which 60 villagers died.",
        {"Makurdi": 3},
    ),
    (
        "A drone hit a school in Kassala on Monday, killing two teachers. "
        "It came a week after an airstrike on the town killed 40 people.",
        {"Kassala": 2},
    ),
    (
        "Fighters attacked the army base at Boulkessi overnight. No casualties were reported. "
        "The base was overrun last year in an assault that killed 50 soldiers.",
        {"Boulkessi": 0},
    ),
    (
        "Rebels shelled Bambari on Wednesday, killing a woman and her daughter. "
        "The town has been under siege since May, in fighting that has killed hundreds.",
        {"Bambari": 2},
    ),
    (
        "Troops shelled rebel positions in Kisangani, killing two fighters. It was a year since troops killed 30 people in Goma.",
        {"Kisangani": 2, "Goma": 0},
    ),
    (
        "Clashes broke out in Malakal on Sunday, killing four. The camp there was attacked in 2016, when 30 people died.",
        {"Malakal": 4},
    ),
    (
        "Gunmen attacked Bokkos on Tuesday. The village was raided in June, when 18 people died.",
        {"Bokkos": 0},
    ),
    # A toll that grows by dead told later, and a part of the dead beside a side's claim.
    (
        "A car bomb exploded in Afgoye, killing nine. The number of dead has since risen to 15, officials said.",
        {"Afgoye": 15},
    ),
    (
        "A car bomb exploded at a checkpoint in Balad, killing nine. Six more bodies were pulled from the rubble on Sunday.",
        {"Balad": 15},
    ),
    (
        "The army said its soldiers killed 35 militants in a battle near Kapchorwa. "
        "A rights group said 12 of the dead were civilians.",
        {"Kapchorwa": 35},
    ),
    # Another source's lower figure told in plain words.
    (
        "Gunmen raided a village near Makeni, killing 15 people, a local chief said. Police said eight people died.",
        {"Makeni": 8},
    ),
    (
        "Shelling hit Bakhmut on Monday. Local authorities reported five dead. Independent monitors confirmed three deaths.",
        {"Bakhmut": 3},
    ),
    (
        "At least 20 people were killed when a car bomb went off near a checkpoint in Afgoye on Saturday.\n\n"
        "Hospital officials said the toll was likely to rise. By Sunday it had reached 26, according to the "
        "district commissioner.",
        {"Afgoye": 26},
    ),
    # Counted groups joined by "and", in one clause or told across the report.
    (
        "Gunmen opened fire on a bus near Pahalgam, killing 25 tourists and a pony handler.",
        {"Pahalgam": 26},
    ),
    (
        "A roadside bomb struck a patrol outside Kandahar on Thursday, killing three soldiers and two civilians.",
        {"Kandahar": 5},
    ),
    (
        "An airstrike on a market in Monywa killed eleven villagers and four monks, residents said.",
        {"Monywa": 15},
    ),
    (
        "Rebels attacked a checkpoint in Bunia on Friday. Four police officers and a soldier were killed.",
        {"Bunia": 5},
    ),
    (
        "Two teachers and their driver were killed when gunmen ambushed their car near Mubi.",
        {"Mubi": 3},
    ),
    (
        "A mortar round hit a school in Marib, killing a teacher and six pupils.",
        {"Marib": 7},
    ),
    (
        "Gunmen shot dead four farmers and a herder near Jos on Sunday.",
        {"Jos": 5},
    ),
    (
        "A landmine killed a mother, her three children and a neighbour near Kalay.",
        {"Kalay": 5},
    ),
    (
        "Militants stormed a police station in Bannu overnight. Five policemen were killed in the assault. "
        "Two civilians caught in the crossfire also died.",
        {"Bannu": 7},
    ),
    (
        "A bomb ripped through a bus near Maiduguri. Seven passengers died at the scene. "
        "The driver died later in hospital.",
        {"Maiduguri": 8},
    ),
    # A toll told per side, and "including".
    (
        "Troops killed 12 rebels in a clash near Beni; two soldiers also died.",
        {"Beni": 14},
    ),
    (
        "Fighting between the army and militiamen in Uvira left seven militiamen and four soldiers dead.",
        {"Uvira": 11},
    ),
    (
        "Heavy fighting erupted in Bossangoa on Tuesday. Three peacekeepers were killed. "
        "Four rebels died as well, the UN said.",
        {"Bossangoa": 7},
    ),
    (
        "Jihadists attacked the town of Arbinda on Sunday. Six soldiers died in the fighting and nine "
        "volunteers were killed.",
        {"Arbinda": 15},
    ),
    (
        "Attackers killed 14 villagers in Solhan, including four children.",
        {"Solhan": 14},
    ),
    (
        "A drone strike hit a wedding party in Kyaukme, killing 20 people, including the bride.",
        {"Kyaukme": 20},
    ),
    (
        "At least 30 people died in the bombing of a mosque in Peshawar, among them two police officers.",
        {"Peshawar": 30},
    ),
    (
        "Clashes near Sinjar killed nine fighters, five from the militia and four soldiers.",
        {"Sinjar": 9},
    ),
    # Wounded and missing are not dead; dead attackers are.
    (
        "Militants ambushed a convoy near Khost, killing four soldiers. Eleven soldiers were wounded and three "
        "are missing.",
        {"Khost": 4},
    ),
    (
        "Gunmen raided a village near Tillaberi on Saturday, wounding 15 people. Eight others were reported missing.",
        {"Tillaberi": 0},
    ),
    (
        "Thirty people were wounded and 12 remain missing after militia fighters raided Djugu.",
        {"Djugu": 0},
    ),
    (
        "The blast in Quetta killed two people and injured 40.",
        {"Quetta": 2},
    ),
    (
        "Police repelled an attack on a bank in Garissa, killing all three attackers. Two officers were injured.",
        {"Garissa": 3},
    ),
    (
        "Soldiers foiled an assault on their base at Diffa. Five assailants were killed and two soldiers wounded.",
        {"Diffa": 5},
    ),
    (
        "Two suicide bombers struck a market in Gwoza, killing nine shoppers. Both bombers also died.",
        {"Gwoza": 11},
    ),
    (
        "Fighters attacked an army camp near Ansongo, killing six soldiers. The army said 17 of the attackers "
        "were killed in the fighting.",
        {"Ansongo": 23},
    ),
    # The same happening told with a later figure, and a past happening beside today's.
    (
        "An airstrike hit a market in Hajjah on Monday, killing 11 people. On Wednesday health officials "
        "confirmed the toll had reached 19.",
        {"Hajjah": 19},
    ),
    (
        "Gunmen killed a village head in Gusau on Tuesday, a day after bandits killed 30 people in a raid nearby.",
        {"Gusau": 1},
    ),
    (
        "Soldiers clashed with rebels near Rutshuru on Thursday, killing two. The clashes came a week after an "
        "ambush on the same road killed 17 soldiers.",
        {"Rutshuru": 2},
    ),
    (
        "A bomb exploded at a bus stop in Jalalabad on Friday, killing six, two days after a similar attack "
        "in the city killed 10.",
        {"Jalalabad": 6},
    ),
    (
        "A drone struck a convoy near Kramatorsk on Monday, killing three. Regional officials had first said "
        "that five died.",
        {"Kramatorsk": 3},
    ),
    (
        "Shelling hit a crowded street in Kherson on Saturday, killing four. By Sunday two of the wounded had "
        "died in hospital, bringing the toll to six.",
        {"Kherson": 6},
    ),
    # Each side's dead told in a sentence of its own.
    (
        "Troops killed six insurgents in a gun battle near Marte. Four soldiers were killed in the clash.",
        {"Marte": 10},
    ),
    (
        "Militia fighters overran a police post in Bentiu, killing five officers. Nine of the attackers died "
        "when reinforcements arrived.",
        {"Bentiu": 14},
    ),
    (
        "Gunmen attacked a mining site near Butembo on Friday and shot dead seven miners. "
        "Two soldiers guarding the site were killed as well.",
        {"Butembo": 9},
    ),
    (
        "Jihadists ambushed a supply convoy outside Djibo. Eleven volunteers were killed. "
        "Three drivers died too, a local official said.",
        {"Djibo": 14},
    ),
    (
        "An armed drone struck a checkpoint near Kutum, killing three paramilitary fighters. "
        "Two herders who were passing by were also killed.",
        {"Kutum": 5},
    ),
    (
        "Rebels shelled a camp for displaced people in Malakal, killing nine civilians. Three of the dead were "
        "children.",
        {"Malakal": 9},
    ),
    (
        "Police killed four robbers in a shootout in Isiolo. Two women caught in the crossfire died later in hospital.",
        {"Isiolo": 6},
    ),
    # Reports written after the reader's changes for two batches of sentences, scored before the
    # next change (19 of 20 places right): a toll risen, a family, scores on both sides, bodies
    # found, a range, and the attackers the army says it killed added to the soldiers' dead.
    (
        "Shelling hit a bus station in Kherson on Monday, killing six people. The regional governor said later that the toll had risen to eight. In Mykolaiv, a drone hit a warehouse; no one was hurt.",
        {"Kherson": 8, "Mykolaiv": 0},
    ),
    (
        "Gunmen opened fire on worshippers leaving a mosque in Kano on Friday. Police said 11 people died. Witnesses spoke of more than 20 dead.",
        {"Kano": 11},
    ),
    (
        "Troops and insurgents fought for hours near Marawi. Nine soldiers and 23 militants were killed, the military said.",
        {"Marawi": 32},
    ),
    (
        "An airstrike destroyed a house in Taiz, killing a family of seven. Separately, clashes near Marib killed scores of fighters on both sides.",
        {"Taiz": 7, "Marib": 20},
    ),
    (
        "The bodies of 17 men were found on a road outside Bunia on Wednesday, two days after militiamen raided the area.",
        {"Bunia": 17},
    ),
    (
        "A suicide bomber blew himself up at a checkpoint in Kandahar, killing four policemen. In Herat, police defused a bomb.",
        {"Kandahar": 4, "Herat": 0},
    ),
    (
        "Government jets bombed a market in Saraqib, killing at least 15 civilians, rescuers said. Two days later, shelling of Aleppo killed four.",
        {"Saraqib": 15, "Aleppo": 4},
    ),
    (
        "Fighting erupted in Mekelle overnight. Dozens of people were killed, hospital staff said, and hundreds were wounded.",
        {"Mekelle": 12},
    ),
    (
        "Militants ambushed a patrol near Kismayo, killing three soldiers. The army said it killed 12 of the attackers in the counterattack.",
        {"Kismayo": 15},
    ),
    (
        "Security forces raided a house in Jenin early on Tuesday. Two gunmen were shot dead, and a third was arrested.",
        {"Jenin": 2},
    ),
    (
        "A mortar round landed in a schoolyard in Goma, killing a teacher and five pupils. The next day, four more children died of their wounds.",
        {"Goma": 10},
    ),
    (
        "Heavy clashes in Sanaa left 40 fighters dead, according to medics. The Houthis said 12 of their men died.",
        {"Sanaa": 40},
    ),
    (
        "In Peshawar, a grenade attack on a police post wounded five officers. No deaths were reported.",
        {"Peshawar": 0},
    ),
    (
        "Gunmen killed a village chief near Maiduguri on Saturday. The following day, a bomb at a market in Konduga killed 19 people.",
        {"Maiduguri": 1, "Konduga": 19},
    ),
    (
        "An explosion tore through a bus in Quetta, killing between 10 and 14 passengers.",
        {"Quetta": 10},
    ),
]


def first_figures(events: Sequence[Event]) -> dict[str, int]:
    """The deaths a report gives each place: those of its first frontline event there that
    tells any, as a happening takes one figure per report (``geo.store.merge.happening_toll``)."""
    figures: dict[str, int] = {}
    for event in events:
        if event.event_type == "frontline" and event.fatalities > 0:
            figures.setdefault(event.mention, event.fatalities)
    return figures


def report_figures(pipeline, text: str) -> dict[str, int]:
    """``first_figures`` of the events ``pipeline`` finds in ``text``."""
    return first_figures(pipeline.events(Article(text, published=date(2025, 3, 4), article_id="toll-report")))


def misses(pipeline) -> list[tuple[str, str, int, int]]:
    """(report, place, deaths wanted, deaths coded) of every place the pipeline codes wrong."""
    return misses_of(pipeline, TOLL_REPORTS)


def misses_of(pipeline, reports: list[tuple[str, dict[str, int]]]) -> list[tuple[str, str, int, int]]:
    """(report, place, deaths wanted, deaths coded) of every place of ``reports`` the pipeline codes wrong."""
    wrong = []
    for text, want in reports:
        got = report_figures(pipeline, text)
        wrong.extend(
            (text, place, deaths, got.get(place, 0)) for place, deaths in want.items() if got.get(place, 0) != deaths
        )
    return wrong


#: How many places the reports name, each with the deaths of its event.
PLACES = sum(len(want) for _, want in TOLL_REPORTS)
