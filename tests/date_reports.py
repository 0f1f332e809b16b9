"""Short reports from many wars and decades, written for these tests, each with the day (or the
week or month) a careful reader gives the event at each place: relative words counted from the
dateline's day when it names one, else from publication; a date phrase dates the clause it
stands in, whether it comes before or after the place, and a relative or adverbial clause
that tells its own act; background ("since March", a year a town last changed hands) dates
nothing; a line with no date of its own tells of the story's day.

Conventions are the event record's: a week is scored by its Monday (a weekend by its
Saturday), a month as "YYYY-MM"; a night that runs into the day of filing ("overnight" in a
morning report, "the night of Monday to Tuesday") is the later day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from geo.eval.evaluate import scored_date
from geo.records import Article, Event


@dataclass(frozen=True, slots=True)
class DateReport:
    """A report, the day it was published, and the scored date of the event at each place
    ("YYYY-MM-DD" for a day or a week's first day, "YYYY-MM" for a month)."""

    text: str
    published: date
    want: dict[str, str]


DATE_REPORTS: list[DateReport] = [
    # Weekdays, "yesterday", "last night", "this morning" from publication.
    DateReport(
        "Artillery shelled the old town of Gorazde on Monday, killing six people, relief officials said. "
        "A food convoy reached Zenica yesterday after a week's delay.",
        date(1993, 6, 16),
        {"Gorazde": "1993-06-14", "Zenica": "1993-06-15"},
    ),
    DateReport(
        "Bombers struck Gori yesterday, and armoured columns rolled into Zugdidi this morning, a government "
        "spokesman said.",
        date(2008, 8, 12),
        {"Gori": "2008-08-11", "Zugdidi": "2008-08-12"},
    ),
    DateReport(
        "Police burned dozens of houses in Prizren last night, families crossing the border said on Thursday.",
        date(1999, 4, 8),
        {"Prizren": "1999-04-07"},
    ),
    DateReport(
        "Helicopters were shot down over Mogadishu on Sunday, officials said yesterday. Militia gunmen "
        "held the area around the market for hours.",
        date(1993, 10, 5),
        {"Mogadishu": "1993-10-03"},
    ),
    DateReport(
        "Soldiers fired tear gas at monks marching in Yangon on Wednesday. In Mandalay, thousands marched on Monday.",
        date(2007, 9, 26),
        {"Yangon": "2007-09-26", "Mandalay": "2007-09-24"},
    ),
    DateReport(
        "Last Sunday, guerrillas attacked a police post in Florencia with homemade mortars. The army "
        "said on Tuesday it had sent reinforcements.",
        date(2002, 8, 21),
        {"Florencia": "2002-08-18"},
    ),
    DateReport(
        "Gunmen raided a market in Potiskum on Tuesday, killing 14 traders. Soldiers said they had driven "
        "the militants out of Dikwa last weekend.",
        date(2015, 2, 26),
        {"Potiskum": "2015-02-24", "Dikwa": "2015-02-21"},
    ),
    DateReport(
        "Unrest broke out in Osh late on Thursday and spread to Jalal-Abad on Sunday, officials said.",
        date(2010, 6, 16),
        {"Osh": "2010-06-10", "Jalal-Abad": "2010-06-13"},
    ),
    DateReport(
        "Medics said a gas attack hit Douma on Saturday evening. The army had retaken Harasta in March.",
        date(2018, 4, 11),
        {"Douma": "2018-04-07", "Harasta": "2018-03"},
    ),
    DateReport(
        "Missiles struck Tel Aviv on Tuesday night, and another fell near Dhahran on the 20th.",
        date(1991, 1, 24),
        {"Tel Aviv": "1991-01-22", "Dhahran": "1991-01-20"},
    ),
    # A dateline's day, not publication, is the one relative words count from.
    DateReport(
        "NAZRAN, Russia, Jan 11 (Reuters) - Warplanes bombed villages near Gudermes on Tuesday, refugees said.",
        date(1995, 1, 12),
        {"Gudermes": "1995-01-10"},
    ),
    DateReport(
        "KINSHASA, Nov 21 (Reuters) - Rebels seized Sake on Wednesday, a day after they took Goma, "
        "a rebel spokesman said.",
        date(2012, 11, 22),
        {"Sake": "2012-11-21", "Goma": "2012-11-20"},
    ),
    DateReport(
        "ERBIL, Iraq, Oct 18 (Reuters) - Iraqi troops advanced towards Bartella on Monday, and jets "
        "struck militant positions near Hawija yesterday.",
        date(2016, 10, 20),
        {"Bartella": "2016-10-17", "Hawija": "2016-10-17"},
    ),
    DateReport(
        "SANAA, Feb 3 (Reuters) - Coalition jets bombed a market in Saada on Tuesday, killing 12 people, "
        "residents said. Rebel fighters have besieged Taiz since March.",
        date(2016, 2, 4),
        {"Saada": "2016-02-02", "Taiz": "2016-02-02"},
    ),
    DateReport(
        "KABUL, Aug 15 (AP) - Insurgents entered Jalalabad on Sunday without a fight, and the governor "
        "of Mazar-i-Sharif fled the day before.",
        date(2021, 8, 16),
        {"Jalalabad": "2021-08-15", "Mazar-i-Sharif": "2021-08-14"},
    ),
    # "Overnight" in a report filed the next morning: the night ran into the day of filing.
    DateReport(
        "Drones struck power plants in Kharkiv overnight, the regional governor said on Tuesday morning. "
        "In Zaporizhzhia, a missile hit a block of flats on Monday.",
        date(2022, 10, 11),
        {"Kharkiv": "2022-10-11", "Zaporizhzhia": "2022-10-10"},
    ),
    DateReport(
        "Air strikes hit the southern suburbs of Beirut overnight, the health ministry said on Thursday. "
        "Ground fighting was reported near Khiam on Wednesday.",
        date(2024, 10, 3),
        {"Beirut": "2024-10-03", "Khiam": "2024-10-02"},
    ),
    # A day of this month without its month; a month without a day.
    DateReport(
        "Jets struck Palestinian positions around Sidon on the 7th, and armoured columns reached Damour by Wednesday.",
        date(1982, 6, 10),
        {"Sidon": "1982-06-07", "Damour": "1982-06-09"},
    ),
    DateReport(
        "Troops recaptured the village of Neskuchne on the 11th, the defence ministry said.",
        date(2023, 6, 20),
        {"Neskuchne": "2023-06-11"},
    ),
    DateReport(
        "Rebels shelled Lashio on the 3rd, and fighters seized Kyaukme in mid-January after weeks of fighting.",
        date(2024, 2, 7),
        {"Lashio": "2024-02-03", "Kyaukme": "2024-01"},
    ),
    DateReport(
        "Militants overran Tikrit in mid-June, and government troops began a counter-offensive near "
        "Samarra on Saturday.",
        date(2014, 7, 2),
        {"Tikrit": "2014-06", "Samarra": "2014-06-28"},
    ),
    DateReport(
        "Marines pushed into the centre of Fallujah on Tuesday. In Ramadi, insurgents attacked a police "
        "station earlier this month.",
        date(2004, 11, 10),
        {"Fallujah": "2004-11-09", "Ramadi": "2004-11"},
    ),
    DateReport(
        "The army said it drove rebels out of Rumbek in late April, and that fighting around Yei went on "
        "into early May.",
        date(1997, 5, 21),
        {"Rumbek": "1997-04"},
    ),
    # Weeks.
    DateReport(
        "Fighters ambushed a police convoy near Kandahar last week, the governor said on Thursday.",
        date(2009, 5, 14),
        {"Kandahar": "2009-05-04"},
    ),
    DateReport(
        "Shelling of Donetsk has intensified this week, local officials said on Thursday.",
        date(2015, 5, 7),
        {"Donetsk": "2015-05-04"},
    ),
    # Counted from another date: "two days after the ceasefire of May 3", "the previous day".
    DateReport(
        "Fighting resumed around Kismayo two days after the ceasefire of May 3, aid workers said.",
        date(1993, 5, 12),
        {"Kismayo": "1993-05-05"},
    ),
    DateReport(
        "Planes hit the port of Tyre late on Sunday. Rockets had fallen on Haifa the previous day.",
        date(2006, 7, 19),
        {"Tyre": "2006-07-16", "Haifa": "2006-07-15"},
    ),
    DateReport(
        "Rebels broke the siege of Aleppo on Saturday. Government jets struck Idlib on the following day.",
        date(2016, 8, 11),
        {"Aleppo": "2016-08-06", "Idlib": "2016-08-07"},
    ),
    DateReport(
        "Government forces shelled Ajdabiya on Tuesday and took Zuwara two days later.",
        date(2011, 3, 17),
        {"Ajdabiya": "2011-03-15", "Zuwara": "2011-03-17"},
    ),
    DateReport(
        "Troops paraded through Goose Green on 29 May. Three days earlier, paratroopers had landed at San Carlos.",
        date(1982, 6, 2),
        {"Goose Green": "1982-05-29"},
    ),
    DateReport(
        "Paramilitary fighters looted homes in Omdurman on Tuesday, witnesses said. A week earlier, air "
        "strikes had hit El Obeid.",
        date(2023, 5, 18),
        {"Omdurman": "2023-05-16", "El Obeid": "2023-05-09"},
    ),
    # The date before the place, after it, and in a subordinate clause.
    DateReport(
        "On Monday, government troops retook Kidal after a week of fighting.",
        date(2013, 2, 6),
        {"Kidal": "2013-02-04"},
    ),
    DateReport(
        "On the morning of 14 March, rebels attacked the garrison at Mbandaka. Government aircraft "
        "bombed Gemena on the 16th.",
        date(1999, 3, 19),
        {"Mbandaka": "1999-03-14", "Gemena": "1999-03-16"},
    ),
    DateReport(
        "When militants stormed a hotel in Mogadishu on Friday, guards fought them for hours.",
        date(2019, 7, 15),
        {"Mogadishu": "2019-07-12"},
    ),
    DateReport(
        "Villagers fled Bentiu after fighters burned the market there on Saturday, a local official said.",
        date(2014, 4, 23),
        {"Bentiu": "2014-04-19"},
    ),
    DateReport(
        "Militants who had entered Dushanbe on Saturday were driven out of the capital on Tuesday.",
        date(1992, 10, 29),
        {"Dushanbe": "1992-10-24"},
    ),
    DateReport(
        "Fighters still held parts of Marawi on Thursday, more than two weeks after they overran the city on May 23.",
        date(2017, 6, 8),
        {"Marawi": "2017-06-08"},
    ),
    DateReport(
        "Troops reached the outskirts of Ras al-Ain on Wednesday, a week after the offensive began.",
        date(2019, 10, 17),
        {"Ras al-Ain": "2019-10-16"},
    ),
    DateReport(
        "Government troops and militias killed hundreds of people in Butare on Monday and Tuesday, aid workers said.",
        date(1994, 4, 20),
        {"Butare": "1994-04-18"},
    ),
    DateReport(
        "Armed men massacred villagers in Bentalha on the night of Monday to Tuesday, survivors said.",
        date(1997, 9, 24),
        {"Bentalha": "1997-09-23"},
    ),
    # Non-English month names in English copy.
    DateReport(
        "Troops retook Konna on 17 janvier, a French officer said. Soldiers entered Diabaly on Monday.",
        date(2013, 1, 23),
        {"Konna": "2013-01-17", "Diabaly": "2013-01-21"},
    ),
    DateReport(
        "Guerrillas fired mortars at the presidential palace in Bogota on 7 agosto, the day the new "
        "president took office.",
        date(2002, 8, 21),
        {"Bogota": "2002-08-07"},
    ),
    DateReport(
        "Soldiers detained the president in Niamey on 26 juillet, state television said.",
        date(2023, 8, 2),
        {"Niamey": "2023-07-26"},
    ),
    DateReport(
        "Police fired on strikers in Maputo on 5 setembro, killing three, a union said.",
        date(2010, 9, 9),
        {"Maputo": "2010-09-05"},
    ),
    DateReport(
        "The militia attacked a checkpoint outside Misrata on 12 maggio, the Italian embassy said.",
        date(2011, 5, 18),
        {"Misrata": "2011-05-12"},
    ),
    DateReport(
        "Protesters clashed with police in Dresden on 9 Oktober, local papers reported.",
        date(1989, 10, 12),
        {"Dresden": "1989-10-09"},
    ),
    DateReport(
        "Rebels ambushed an army column near Bouake on 19 septembre, a military source said.",
        date(2002, 9, 24),
        {"Bouake": "2002-09-19"},
    ),
    DateReport(
        "Bombs exploded at two bus stations in Caracas el 4 de febrero, police said.",
        date(1992, 2, 7),
        {"Caracas": "1992-02-04"},
    ),
    # Years and months of background.
    DateReport(
        "Rebels advanced towards Lunsar, which they had held in 1998, on Wednesday.",
        date(2000, 5, 11),
        {"Lunsar": "2000-05-10"},
    ),
    DateReport(
        "Shelling hit Avdiivka, which has changed hands several times since 2014, on Friday.",
        date(2017, 2, 6),
        {"Avdiivka": "2017-02-03"},
    ),
    DateReport(
        "Jets bombed the market in Maaret al-Numan on Monday. The town has been in rebel hands since 2012.",
        date(2019, 7, 24),
        {"Maaret al-Numan": "2019-07-22"},
    ),
    DateReport(
        "Gunmen killed four farmers near Jos on Tuesday. The area has seen clashes since January.",
        date(2018, 6, 28),
        {"Jos": "2018-06-26"},
    ),
    DateReport(
        "Troops entered Hargeisa on Saturday, a city they lost in 1988, the government said.",
        date(1991, 3, 6),
        {"Hargeisa": "1991-03-02"},
    ),
    DateReport(
        "Since August, rebels have cut the road to Bunia. On Sunday they attacked a convoy near Beni.",
        date(2003, 10, 22),
        {"Beni": "2003-10-19"},
    ),
    # A line with no date of its own tells of the story's day.
    DateReport(
        "Militants attacked a police station in Peshawar on Saturday night. Three officers were killed in "
        "Peshawar, police said.",
        date(2009, 11, 24),
        {"Peshawar": "2009-11-21"},
    ),
    DateReport(
        "Mortar fire hit Monrovia on Monday, a day after rebels reached the city's bridges. Hundreds of "
        "families sheltered at the stadium in Paynesville.",
        date(2003, 7, 23),
        {"Monrovia": "2003-07-21", "Paynesville": "2003-07-21"},
    ),
    DateReport(
        "Maoist rebels bombed a police post in Nepalgunj late on Monday, police said. Another post was "
        "set on fire near Surkhet.",
        date(2005, 2, 2),
        {"Nepalgunj": "2005-01-31", "Surkhet": "2005-01-31"},
    ),
    # Diplomacy: what is planned is the coming day.
    DateReport(
        "Negotiators will meet in Addis Ababa on Monday to discuss a truce. Talks in Nairobi broke down last Friday.",
        date(2021, 11, 4),
        {"Addis Ababa": "2021-11-08", "Nairobi": "2021-10-29"},
    ),
    DateReport(
        "The two foreign ministers are due to sign the accord in Geneva on 14 April.",
        date(1988, 3, 18),
        {"Geneva": "1988-04-14"},
    ),
    DateReport(
        "Envoys arrived in Doha on Tuesday for a second round of talks, which are expected to resume on Thursday.",
        date(2020, 9, 16),
        {"Doha": "2020-09-15"},
    ),
    # The verb a day hangs on tells its direction: an arrival awaited, a day something is set for
    # and a promise reported are the coming day or the saying's; a past perfect's day is past.
    DateReport(
        "FREETOWN, May 18 - Rebels shelled the eastern suburbs of the capital on Monday. A delegation of West "
        "African foreign ministers was due in Lome on Wednesday for talks with the rebel leaders.",
        date(1999, 5, 18),
        {"Lome": "1999-05-19"},
    ),
    DateReport(
        "The United Nations envoy was expected in Sarajevo on Thursday for talks on heavy weapons around the city.",
        date(1994, 2, 9),
        {"Sarajevo": "1994-02-10"},
    ),
    DateReport(
        "HARARE, April 2 - Police fired tear gas at opposition supporters in Bulawayo on Tuesday. The opposition "
        "has called a rally in Harare for Saturday to demand the release of the results.",
        date(2008, 4, 2),
        {"Bulawayo": "2008-04-01", "Harare": "2008-04-05"},
    ),
    DateReport(
        "MASERU, Sept 24 - South African troops fought mutinous soldiers in Maseru on Wednesday. Officials in "
        "Pretoria said on Tuesday they would send more troops to the kingdom.",
        date(1998, 9, 24),
        {"Maseru": "1998-09-23", "Pretoria": "1998-09-22"},
    ),
    DateReport(  # a passive "was reported" tells what was reported, not who spoke
        "KINSHASA, May 12 - Gunfire was reported on Sunday around the barracks in Kindu, and in Kisangani on "
        "Saturday, as the army fell back.",
        date(1997, 5, 12),
        {"Kindu": "1997-05-11", "Kisangani": "1997-05-10"},
    ),
    DateReport(
        "KIGALI, Nov 14 - A commission of inquiry said on Monday that soldiers had shelled the camp at Kibeho "
        "on the night of April 21 and hunted survivors through the hills above Butare the next morning.",
        date(1995, 11, 14),
        {"Butare": "1995-04-22"},
    ),
    DateReport(  # "that night" is the night of the day the story last named
        "LA PAZ, Nov 4 - Troops fired on striking miners at Huanuni on October 28, killing three, union leaders "
        "said on Monday. Police arrested dozens of union members in Oruro that night.",
        date(1985, 11, 4),
        {"Huanuni": "1985-10-28", "Oruro": "1985-10-28"},
    ),
    # Longer reports of several places.
    DateReport(
        "HUE, Feb 7 (AP) - Marines fought house to house in Hue for a seventh day on Wednesday. The "
        "offensive began on 31 January, when guerrilla units struck Da Nang and dozens of other towns.",
        date(1968, 2, 8),
        {"Da Nang": "1968-01-31"},
    ),
    DateReport(
        "Rebels still controlled most of Grozny on Thursday. Troops pulled back from Argun on Tuesday.",
        date(1996, 8, 15),
        {"Grozny": "1996-08-15", "Argun": "1996-08-13"},
    ),
    DateReport(
        "Tigrayan forces said they had captured Kombolcha at the weekend. Residents of Bahir Dar said "
        "jets flew over the city on Wednesday.",
        date(2021, 11, 4),
        {"Kombolcha": "2021-10-30", "Bahir Dar": "2021-11-03"},
    ),
    DateReport(
        "Insurgents stormed Palma last Wednesday, and survivors reached Pemba by boat on Monday.",
        date(2021, 3, 31),
        {"Palma": "2021-03-24", "Pemba": "2021-03-29"},
    ),
    DateReport(
        "Militiamen attacked Muslim quarters of Bangui on Monday night, the Red Cross said. In Bossangoa, "
        "clashes broke out last Friday.",
        date(2014, 1, 29),
        {"Bangui": "2014-01-27", "Bossangoa": "2014-01-24"},
    ),
    DateReport(
        "Azerbaijani forces said they took Hadrut on Friday. Rockets hit Ganja on Sunday, killing nine.",
        date(2020, 10, 15),
        {"Hadrut": "2020-10-09", "Ganja": "2020-10-11"},
    ),
    DateReport(
        "Iranian troops captured Faw on Sunday night, state radio said on Monday. Jets bombed Ahvaz on 11 February.",
        date(1986, 2, 14),
        {"Faw": "1986-02-09", "Ahvaz": "1986-02-11"},
    ),
    DateReport(
        "Northern Alliance fighters entered Kabul early on Tuesday. Mazar-i-Sharif fell on Friday.",
        date(2001, 11, 13),
        {"Kabul": "2001-11-13", "Mazar-i-Sharif": "2001-11-09"},
    ),
    DateReport(
        "Gunmen attacked a bus near Mandera in mid-March, and a bomb went off in Garissa on the 2nd.",
        date(2015, 4, 8),
        {"Mandera": "2015-03", "Garissa": "2015-04-02"},
    ),
    DateReport(
        "The insurgents overran Baga early this month, and on Saturday they raided Monguno.",
        date(2015, 1, 14),
        {"Baga": "2015-01", "Monguno": "2015-01-10"},
    ),
    DateReport(
        "Soldiers opened fire on protesters in Kharkiv two days ago, and in Odessa police arrested dozens "
        "of people the day before yesterday.",
        date(2014, 5, 7),
        {"Kharkiv": "2014-05-05", "Odessa": "2014-05-05"},
    ),
    DateReport(
        "Government forces recaptured Jaffna on 5 December after a 50-day offensive, and on the 9th they "
        "shelled Point Pedro.",
        date(1995, 12, 12),
        {"Jaffna": "1995-12-05", "Point Pedro": "1995-12-09"},
    ),
    # Reports written after the changes the ones above led to, and scored before the next
    # change: parts of the day, a named day before its noun, counts back from publication,
    # ordinals and months told other ways.
    DateReport(
        "Forces loyal to the eastern command shelled the airport of Tripoli in the early hours of Monday, and "
        "clashes spread to Gharyan later that day.",
        date(2019, 4, 10),
        {"Tripoli": "2019-04-08", "Gharyan": "2019-04-08"},
    ),
    DateReport(
        "Wednesday's bombing of a bakery in Aleppo killed 20 people. The Sunday attack on Homs was worse.",
        date(2013, 4, 25),
        {"Aleppo": "2013-04-24", "Homs": "2013-04-21"},
    ),
    DateReport(
        "Troops who landed near Kyrenia on July 20th pushed towards Nicosia over the weekend.",
        date(1974, 7, 25),
        {"Kyrenia": "1974-07-20", "Nicosia": "1974-07-20"},
    ),
    DateReport(
        "Rebel fighters seized a district of Aden two weeks ago, residents said. Jets struck Sanaa three days ago.",
        date(2015, 5, 6),
        {"Aden": "2015-04-20", "Sanaa": "2015-05-03"},
    ),
    DateReport(
        "Militiamen torched houses in Dili on the night of the 4th, and on the 6th they attacked a church "
        "compound in Baucau.",
        date(1999, 9, 9),
        {"Dili": "1999-09-04", "Baucau": "1999-09-06"},
    ),
    DateReport(
        "Troops stormed the temple complex in Amritsar on 6th June after a siege. A curfew was imposed in "
        "Ludhiana on June 3rd.",
        date(1984, 6, 8),
        {"Amritsar": "1984-06-06", "Ludhiana": "1984-06-03"},
    ),
    DateReport(
        "Rebels attacked a district of Damascus on Monday 16 July, residents said.",
        date(2012, 7, 19),
        {"Damascus": "2012-07-16"},
    ),
    DateReport(
        "Tanks rolled into Kuwait City before dawn on Thursday.",
        date(1990, 8, 3),
        {"Kuwait City": "1990-08-02"},
    ),
    DateReport(
        "Gunmen stormed a police station in Muqdadiyah late last night, freeing prisoners. Earlier on "
        "Wednesday, a car bomb exploded in Baquba.",
        date(2006, 3, 23),
        {"Muqdadiyah": "2006-03-22", "Baquba": "2006-03-22"},
    ),
    DateReport(
        "Saturday's truck bombing in Mogadishu killed more than 300 people. On Tuesday, officials in Baidoa "
        "said they had arrested a suspect.",
        date(2017, 10, 18),
        {"Mogadishu": "2017-10-14", "Baidoa": "2017-10-17"},
    ),
    DateReport(
        "Federal troops captured Humera at the weekend and advanced on Shire on Wednesday morning.",
        date(2020, 11, 12),
        {"Humera": "2020-11-07", "Shire": "2020-11-11"},
    ),
    DateReport(
        "Besieging forces overran Srebrenica on Tuesday afternoon. The following morning, they entered Potocari.",
        date(1995, 7, 13),
        {"Srebrenica": "1995-07-11", "Potocari": "1995-07-12"},
    ),
    DateReport(
        "Invading troops captured Gode in late July, and jets bombed Jijiga at the start of this week.",
        date(1977, 8, 4),
        {"Gode": "1977-07", "Jijiga": "1977-08-01"},
    ),
    DateReport(
        "Marines fought insurgents in Fallujah for a fourth day on Wednesday. Fighting broke out in Kut on "
        "Tuesday night and in Najaf the night before.",
        date(2004, 4, 8),
        {"Fallujah": "2004-04-07", "Kut": "2004-04-06", "Najaf": "2004-04-05"},
    ),
    DateReport(
        "Rebels seized the port of Matadi, the government admitted on Tuesday. Fighters had taken Uvira on August 2.",
        date(1998, 8, 12),
        {"Matadi": "1998-08-11", "Uvira": "1998-08-02"},
    ),
    DateReport(
        "The deposed leader was killed near Sirte on Thursday, officials said. His other stronghold, Bani "
        "Walid, fell on Monday.",
        date(2011, 10, 21),
        {"Sirte": "2011-10-20", "Bani Walid": "2011-10-17"},
    ),
    DateReport(
        "Aircraft dropped chemical bombs on Halabja on Wednesday, officials across the border said.",
        date(1988, 3, 18),
        {"Halabja": "1988-03-16"},
    ),
    DateReport(
        "Gunmen attacked a hotel in Mumbai late on Wednesday night, and the siege was still going on this afternoon.",
        date(2008, 11, 27),
        {"Mumbai": "2008-11-26"},
    ),
    DateReport(
        "Foreign troops crossed into Rwanda near Cyangugu yesterday, two days after the mission was approved.",
        date(1994, 6, 24),
        {"Cyangugu": "1994-06-23"},
    ),
    DateReport(
        "The army said it had recaptured Fallujah on Sunday 26 June after a month of fighting.",
        date(2016, 6, 29),
        {"Fallujah": "2016-06-26"},
    ),
    DateReport(
        "A strike hit a school in Jabalia on Tuesday afternoon, killing about 40 people. Troops had reached "
        "the outskirts of Gaza City on the night of 3 January.",
        date(2009, 1, 7),
        {"Jabalia": "2009-01-06", "Gaza City": "2009-01-03"},
    ),
    DateReport(
        "Belgrade was without power on Tuesday after strikes on its grid the night before.",
        date(1999, 5, 27),
        {"Belgrade": "1999-05-25"},
    ),
    DateReport(
        "Shelling in Donetsk killed three people on Monday, the city council said in a statement on Tuesday.",
        date(2014, 8, 6),
        {"Donetsk": "2014-08-04"},
    ),
    DateReport(
        "Troops fought gunmen in the Jenin refugee camp for an eighth day today.",
        date(2002, 4, 10),
        {"Jenin": "2002-04-10"},
    ),
    DateReport(
        "Jets struck Afrin for a fourth day on Tuesday. The offensive began on Saturday.",
        date(2018, 1, 24),
        {"Afrin": "2018-01-23"},
    ),
    DateReport(
        "Advancing troops reached the outskirts of Dacca on Monday, a week after crossing the border.",
        date(1971, 12, 14),
        {"Dacca": "1971-12-13"},
    ),
    DateReport(
        "Commandos stormed a mosque in Islamabad before dawn on Tuesday, after talks failed late on Monday.",
        date(2007, 7, 11),
        {"Islamabad": "2007-07-10"},
    ),
    DateReport(
        "Tanks pushed into eastern Rafah on May 7th and seized the border crossing the same day.",
        date(2024, 5, 15),
        {"Rafah": "2024-05-07"},
    ),
    DateReport(
        "Gunboats shelled Dubrovnik on Tuesday, a day after the siege began.",
        date(1991, 10, 2),
        {"Dubrovnik": "1991-10-01"},
    ),
    DateReport(
        "Soldiers seized the state radio in Bissau on 12 abril, the night before a campaign was due to begin.",
        date(2012, 4, 16),
        {"Bissau": "2012-04-12"},
    ),
    DateReport(
        "On Saturday, Nov. 4, militants attacked a checkpoint near Arish, killing six policemen.",
        date(2017, 11, 8),
        {"Arish": "2017-11-04"},
    ),
    # A third batch, written after the changes for the second and scored before the next:
    # older wars' communiqués and wire copy ("the night of 12/13 March", "the 1st inst."),
    # parts of the day, counts in hours.
    DateReport(
        "On the night of 12/13 March the garrison at Khe Sanh repulsed an enemy assault, a military spokesman said.",
        date(1968, 3, 15),
        {"Khe Sanh": "1968-03-13"},
    ),
    DateReport(
        "Between 3 and 5 May, rebel forces besieged Huambo, a relief agency said.",
        date(1993, 5, 7),
        {"Huambo": "1993-05-03"},
    ),
    DateReport(
        "Allied troops landed on the coast at dawn on Tuesday and entered Bayeux yesterday.",
        date(1944, 6, 8),
        {"Bayeux": "1944-06-07"},
    ),
    DateReport(
        "Enemy shells fell on Albert on the 1st inst., and by Sunday evening our troops held Montauban.",
        date(1916, 7, 4),
        {"Albert": "1916-07-01", "Montauban": "1916-07-02"},
    ),
    DateReport(
        "The enemy raided our trenches near Ypres on the 28th ult. and was driven off.",
        date(1916, 7, 4),
        {"Ypres": "1916-06-28"},
    ),
    DateReport(
        "Aircraft attacked ships off Stanley on Tuesday night, the ministry said. A week ago today, marines "
        "retook Grytviken.",
        date(1982, 4, 29),
        {"Stanley": "1982-04-27", "Grytviken": "1982-04-22"},
    ),
    DateReport(
        "Federal troops said they had taken full control of Grozny on Sunday.",
        date(2000, 2, 10),
        {"Grozny": "2000-02-06"},
    ),
    DateReport(
        "Guerrillas blew up a power pylon outside Harare in the small hours of Wednesday.",
        date(1987, 11, 20),
        {"Harare": "1987-11-18"},
    ),
    DateReport(
        "A spokesman said on Tuesday that insurgents had ambushed a convoy near Tal Afar the previous evening.",
        date(2005, 10, 12),
        {"Tal Afar": "2005-10-10"},
    ),
    DateReport(
        "Rebels shelled Freetown on Sunday night. Early this morning, fighting broke out in Makeni.",
        date(1999, 12, 14),
        {"Freetown": "1999-12-12", "Makeni": "1999-12-14"},
    ),
    DateReport(
        "Invading forces captured Tawang on the 24th, officials said. Fighting was reported near Walong on "
        "Monday night.",
        date(1962, 10, 25),
        {"Tawang": "1962-10-24", "Walong": "1962-10-22"},
    ),
    DateReport(
        "A bomb went off outside a market in Peshawar at noon today, and another hit a bus in Kohat last Friday night.",
        date(2010, 4, 21),
        {"Peshawar": "2010-04-21", "Kohat": "2010-04-16"},
    ),
    DateReport(
        "Soldiers seized the presidential palace in Kabul on the evening of 27 December.",
        date(1979, 12, 28),
        {"Kabul": "1979-12-27"},
    ),
    DateReport(
        "Gunmen stormed a shopping mall in Nairobi at midday on Saturday, and the siege ended on Tuesday night.",
        date(2013, 9, 25),
        {"Nairobi": "2013-09-21"},
    ),
    DateReport(
        "Armoured units crossed the canal near Ismailia on 6 Oct. Tanks on the other front reached Quneitra "
        "48 hours later.",
        date(1973, 10, 10),
        {"Ismailia": "1973-10-06", "Quneitra": "1973-10-08"},
    ),
    DateReport(
        "Troops entered the outskirts of Kyiv in the early hours of Friday, and explosions were heard in "
        "Kharkiv late on Thursday.",
        date(2022, 2, 26),
        {"Kyiv": "2022-02-25", "Kharkiv": "2022-02-24"},
    ),
]


def place_dates(events: Sequence[Event]) -> dict[str, str]:
    """The scored date of each place's first event (the mention as written), "" undated."""
    dates: dict[str, str] = {}
    for event in events:
        dates.setdefault(event.mention, scored_date(event))
    return dates


def report_dates(pipeline, report: DateReport) -> dict[str, str]:
    """``place_dates`` of the events ``pipeline`` finds in the report."""
    article = Article(report.text, published=report.published, article_id="date-report")
    return place_dates(pipeline.events(article))


def date_misses(pipeline, reports: Sequence[DateReport] = DATE_REPORTS) -> list[tuple[str, str, str, str | None]]:
    """(report, place, date wanted, date read; None when no event there) of every wrong place."""
    wrong = []
    for report in reports:
        got = report_dates(pipeline, report)
        for place, want in report.want.items():
            read = got.get(place)
            if read is None or not read.startswith(want):
                wrong.append((report.text, place, want, read))
    return wrong


#: How many places the reports date.
PLACES = sum(len(report.want) for report in DATE_REPORTS)
