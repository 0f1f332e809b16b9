"""Short reports from many wars and decades, written for these tests, each with the event type a
careful reader gives each place it names, following the annotation guide of the war-news
corpus (``data/eval/README.md``): ``frontline`` for fighting and violence however it is told
(in the passive, by the victims' side, in a ministry's statement, by unnamed gunmen, a town
that "fell", a siege, shelling "of" a town, a killing during a curfew); ``humanitarian`` for
aid, and for displacement both where people flee and where they arrive; ``diplomacy`` for
talks, visits and statements where they are made ("officials in X said"); ``other`` for public
life beside the war (protests, elections, curfews); ``None`` for a place only named: a
bearing, a home town, a capital that stands for its government as the subject of "said"."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from geo.records import Article, Event


@dataclass(frozen=True, slots=True)
class TypeReport:
    """A report, the day it was published, and the event type wanted at each place (None: no event)."""

    text: str
    published: date
    want: dict[str, str | None]


F, D, H, OT = "frontline", "diplomacy", "humanitarian", "other"

TYPE_REPORTS: list[TypeReport] = [
    # Killings by unnamed gunmen, told by a ministry or by the victims' side.
    TypeReport(
        "Gunmen fired on a security patrol near Tikrit on Tuesday, killing two policemen, the interior ministry said.",
        date(2006, 3, 9),
        {"Tikrit": F},
    ),
    TypeReport(
        "Three young men were shot dead in Srinagar during a curfew on Friday night, their families said. "
        "Police said they had been throwing stones at a checkpoint.",
        date(1990, 2, 3),
        {"Srinagar": F},
    ),
    TypeReport(
        "Unidentified gunmen killed a village headman in Narathiwat early on Monday, police said. "
        "He was the fourth local official killed this month.",
        date(2007, 5, 15),
        {"Narathiwat": F},
    ),
    TypeReport(
        "A schoolteacher was shot dead outside his home in Ayacucho, the regional police chief said on Sunday.",
        date(1989, 8, 14),
        {"Ayacucho": F},
    ),
    TypeReport(
        "Masked men dragged four farmers from a bus near Medellin and executed them by the roadside, "
        "a human rights group said.",
        date(1998, 4, 2),
        {"Medellin": F},
    ),
    TypeReport(
        "Two off-duty soldiers were murdered in Belfast on Saturday, the army said. "
        "The killings came a day before a march in Derry.",
        date(1988, 3, 21),
        {"Belfast": F, "Derry": OT},
    ),
    TypeReport(
        "The ministry of defence said on Wednesday that insurgents had killed eleven soldiers in an attack on "
        "their post outside Kunduz.",
        date(2015, 4, 10),
        {"Kunduz": F},
    ),
    TypeReport(
        "Our village of Kafr Nabl was bombed again this morning, a local council member told reporters by telephone. "
        "Five children were among the dead.",
        date(2016, 2, 15),
        {"Kafr Nabl": F},
    ),
    TypeReport(
        "Nine worshippers were killed when gunmen opened fire on a mosque in Kano during evening prayers, "
        "witnesses said.",
        date(2014, 11, 29),
        {"Kano": F},
    ),
    TypeReport(
        "A police officer was stabbed to death in Kashgar on Tuesday, state media said.",
        date(2014, 6, 12),
        {"Kashgar": F},
    ),
    # Ambushes.
    TypeReport(
        "A convoy of the presidential guard was ambushed on the road between Bouake and Korhogo, "
        "leaving six soldiers dead, a military source said.",
        date(2002, 10, 5),
        {"Bouake": F, "Korhogo": F},
    ),
    TypeReport(
        "Guerrillas ambushed an army truck near Chimoio on Thursday. Survivors were taken to hospital in Beira.",
        date(1987, 7, 18),
        {"Chimoio": F, "Beira": None},
    ),
    TypeReport(
        "Eight Indian soldiers died when their patrol was ambushed outside Jaffna, an army spokesman in Colombo said.",
        date(1988, 1, 12),
        {"Jaffna": F, "Colombo": D},
    ),
    TypeReport(
        "Rebels lay in wait for a logging convoy near Kisangani and killed its drivers, a company official said.",
        date(1999, 6, 21),
        {"Kisangani": F},
    ),
    # Shelling "of" a town, strikes told in the passive.
    TypeReport(
        "The shelling of Vukovar continued through the night, and the hospital was hit twice, Croatian radio reported.",
        date(1991, 10, 2),
        {"Vukovar": F},
    ),
    TypeReport(
        "Heavy bombardment of Grozny resumed at dawn after a two-day lull, correspondents in the city said.",
        date(1995, 1, 8),
        {"Grozny": F},
    ),
    TypeReport(
        "Khorramshahr was pounded by artillery for a third day, Tehran radio said. "
        "Thousands of residents have left for Abadan.",
        date(1980, 10, 11),
        {"Khorramshahr": F, "Tehran": None, "Abadan": H},
    ),
    TypeReport(
        "A market in Sarajevo was hit by a mortar round on Saturday, killing dozens of shoppers.",
        date(1994, 2, 6),
        {"Sarajevo": F},
    ),
    TypeReport(
        "Several houses in Kiryat Shmona were damaged by rockets fired from across the border, police said.",
        date(2006, 7, 20),
        {"Kiryat Shmona": F},
    ),
    TypeReport(
        "Artillery fire of Stepanakert lasted into the evening, and the power station was destroyed.",
        date(1992, 5, 3),
        {"Stepanakert": F},
    ),
    TypeReport(
        "Donetsk came under heavy fire overnight, the city council said, and a bus station was struck.",
        date(2015, 1, 23),
        {"Donetsk": F},
    ),
    # A town fell, was taken, was lost.
    TypeReport(
        "Xuan Loc fell on Monday after a twelve-day battle, and the road to Saigon lay open.",
        date(1975, 4, 22),
        {"Xuan Loc": F, "Saigon": None},
    ),
    TypeReport(
        "Kismayo fell to the militia without a fight, residents reached by telephone said.",
        date(1993, 2, 24),
        {"Kismayo": F},
    ),
    TypeReport(
        "Government forces lost control of Ramadi on Sunday, security officials in Baghdad conceded.",
        date(2015, 5, 18),
        {"Ramadi": F, "Baghdad": D},
    ),
    TypeReport(
        "Sirte is now in our hands, a rebel commander said, after fighters swept through its last districts.",
        date(2011, 10, 21),
        {"Sirte": F},
    ),
    TypeReport(
        "The garrison at Dien Bien Phu surrendered on Friday after a siege of nearly two months.",
        date(1954, 5, 8),
        {"Dien Bien Phu": F},
    ),
    TypeReport(
        "After weeks of fighting, Kobani was retaken by Kurdish fighters, who raised their flag over the hill.",
        date(2015, 1, 27),
        {"Kobani": F},
    ),
    # Sieges.
    TypeReport(
        "Troops have laid siege to Jaffna, cutting the roads into the peninsula, the rebels' radio said.",
        date(1995, 11, 20),
        {"Jaffna": F},
    ),
    TypeReport(
        "Madaya has been encircled since July, and residents say they are eating grass.",
        date(2016, 1, 6),
        {"Madaya": H},
    ),
    TypeReport(
        "The siege of Mariupol tightened as Russian forces pushed into the port district.",
        date(2022, 4, 12),
        {"Mariupol": F},
    ),
    TypeReport(
        "Rebels besieging Freetown shelled its eastern suburbs on Tuesday.",
        date(1999, 1, 12),
        {"Freetown": F},
    ),
    # Displacement: where people flee and where they arrive.
    TypeReport(
        "Thousands of families fled Tal Abyad as the offensive began, and many reached Raqqa by nightfall, aid workers said.",
        date(2019, 10, 11),
        {"Tal Abyad": H, "Raqqa": H},
    ),
    TypeReport(
        "Refugees from Kosovo poured into Kukes on Tuesday, carrying what they could on tractors.",
        date(1999, 4, 6),
        {"Kukes": H},
    ),
    TypeReport(
        "Some 20,000 people have sought shelter in Bangui's airport camp after fighting in their neighbourhoods.",
        date(2013, 12, 20),
        {"Bangui": H},
    ),
    TypeReport(
        "Columns of people walked out of Bor towards the river, and boats ferried them to Mingkaman, "
        "where the UN has set up a camp.",
        date(2014, 1, 15),
        {"Bor": H, "Mingkaman": H},
    ),
    TypeReport(
        "Families fleeing the fighting in Marib have crowded into schools in Seiyun, local officials said.",
        date(2021, 3, 2),
        {"Marib": H, "Seiyun": H},
    ),
    TypeReport(
        "Tens of thousands of Rohingya crossed into Cox's Bazar this week, the refugee agency said in Geneva.",
        date(2017, 9, 8),
        {"Cox's Bazar": H, "Geneva": D},
    ),
    # Aid convoys and relief.
    TypeReport(
        "A World Food Programme convoy reached Tuzla on Wednesday with flour and medicine.",
        date(1993, 3, 25),
        {"Tuzla": H},
    ),
    TypeReport(
        "Relief flights into Lokichogio resumed after a week's pause, aid officials said.",
        date(1998, 5, 12),
        {"Lokichogio": H},
    ),
    TypeReport(
        "Aid trucks were turned back at a checkpoint outside Taiz, the charity said, and the city's hospitals are "
        "short of fuel.",
        date(2016, 8, 3),
        {"Taiz": H},
    ),
    TypeReport(
        "Doctors in Aleppo said they had run out of blood for transfusions.",
        date(2016, 11, 24),
        {"Aleppo": H},
    ),
    TypeReport(
        "A cholera outbreak has spread through the camps around Goma, killing more than 200 people.",
        date(1994, 7, 24),
        {"Goma": H},
    ),
    TypeReport(
        "Food was airdropped over Sinjar mountain on Friday to families trapped there.",
        date(2014, 8, 9),
        {"Sinjar": H},
    ),
    # Talks, visits, statements where they are made.
    TypeReport(
        "Delegations of the two governments met in Asmara for a second round of talks on the border.",
        date(2018, 7, 12),
        {"Asmara": D},
    ),
    TypeReport(
        "The envoy flew to Khartoum on Sunday to press for a ceasefire, then travelled on to Juba.",
        date(2013, 12, 29),
        {"Khartoum": D, "Juba": D},
    ),
    TypeReport(
        "A peace accord was signed in Arusha on Tuesday by the president and the rebel leader.",
        date(1993, 8, 5),
        {"Arusha": D},
    ),
    TypeReport(
        "The foreign minister visited Islamabad to discuss the Afghan border, officials said.",
        date(2009, 3, 4),
        {"Islamabad": D},
    ),
    TypeReport(
        "Negotiators in Dayton worked through the night on the map of the new Bosnia.",
        date(1995, 11, 19),
        {"Dayton": D, "Bosnia": None},
    ),
    TypeReport(
        "Officials in Ankara condemned the air strike on Afrin and summoned the ambassador.",
        date(2018, 2, 2),
        {"Ankara": D, "Afrin": F},
    ),
    TypeReport(
        "Speaking in Brussels, the minister said sanctions on Minsk would be widened.",
        date(2021, 6, 22),
        {"Brussels": D, "Minsk": None},
    ),
    TypeReport(
        "Rebel and government envoys reached a truce in Nairobi on Friday, mediators said.",
        date(2005, 1, 9),
        {"Nairobi": D},
    ),
    # A capital that stands for its government and only speaks.
    TypeReport(
        "Moscow said on Thursday that it had no troops in Transnistria. Fighting around Bender went on.",
        date(1992, 6, 25),
        {"Moscow": None, "Transnistria": None, "Bender": F},
    ),
    TypeReport(
        "Washington warned that it would not tolerate attacks on shipping. Two tankers were hit off Fujairah.",
        date(1987, 5, 20),
        {"Washington": None, "Fujairah": F},
    ),
    TypeReport(
        "Beijing denied that its aircraft had entered the zone. Taipei said the jets had turned back.",
        date(2020, 9, 19),
        {"Beijing": None, "Taipei": None},
    ),
    TypeReport(
        "Addis Ababa accused the rebels of shelling Mekelle's airport; the rebels said the army had bombed Adigrat.",
        date(2020, 11, 14),
        {"Addis Ababa": None, "Mekelle": F, "Adigrat": F},
    ),
    # Other public life: protests, elections, curfews.
    TypeReport(
        "Thousands marched through Tbilisi on Sunday demanding the minister's resignation.",
        date(2023, 3, 9),
        {"Tbilisi": OT},
    ),
    TypeReport(
        "Polling stations in Herat opened late because of security fears, election officials said.",
        date(2009, 8, 20),
        {"Herat": OT},
    ),
    TypeReport(
        "A night curfew was imposed on Colombo after rioting in the suburbs, the government announced.",
        date(1983, 7, 25),
        {"Colombo": OT},
    ),
    TypeReport(
        "Students in Yogyakarta rallied against the army's operations in Aceh.",
        date(1999, 11, 10),
        {"Yogyakarta": OT},
    ),
    # Mixed reports, places only named.
    TypeReport(
        "Fighters from Misrata attacked positions south of Bani Walid, a spokesman said.",
        date(2011, 10, 5),
        {"Misrata": None, "Bani Walid": F},
    ),
    TypeReport(
        "An Apache helicopter crashed near Karbala, killing its two pilots. They had flown from a base in Kuwait.",
        date(2003, 3, 24),
        {"Karbala": F, "Kuwait": None},
    ),
    TypeReport(
        "The rebels, who have their base in the hills above Kampala, raided a police station in Luwero.",
        date(1983, 6, 2),
        {"Kampala": None, "Luwero": F},
    ),
    TypeReport(
        "A suicide bomber blew himself up at a funeral in Peshawar, killing 30 mourners.",
        date(2009, 10, 28),
        {"Peshawar": F},
    ),
    TypeReport(
        "A wedding party in Uruzgan was struck from the air, villagers said, and dozens were killed.",
        date(2002, 7, 2),
        {"Uruzgan": F},
    ),
    TypeReport(
        "Militiamen set fire to houses in Dili as the results were announced, and UN staff were evacuated to Darwin.",
        date(1999, 9, 5),
        {"Dili": F, "Darwin": H},
    ),
    TypeReport(
        "Paratroopers dropped on Kolwezi at dawn to free the European hostages held by the rebels.",
        date(1978, 5, 20),
        {"Kolwezi": F},
    ),
    TypeReport(
        "Hundreds of prisoners escaped when militants stormed the jail in Dera Ismail Khan overnight.",
        date(2013, 7, 30),
        {"Dera Ismail Khan": F},
    ),
    TypeReport(
        "A landmine tore through a tractor near Battambang, the provincial governor said, wounding four.",
        date(1996, 2, 14),
        {"Battambang": F},
    ),
    TypeReport(
        "Soldiers opened fire on demonstrators in Bujumbura, killing three, witnesses said.",
        date(2015, 5, 7),
        {"Bujumbura": F},
    ),
]


def place_types(events: Sequence[Event]) -> dict[str, str]:
    """The type of each place's first event (the mention as written)."""
    types: dict[str, str] = {}
    for event in events:
        types.setdefault(event.mention, event.event_type)
    return types


def report_types(pipeline, report: TypeReport) -> dict[str, str]:
    """``place_types`` of the events ``pipeline`` finds in the report."""
    article = Article(report.text, published=report.published, article_id="type-report")
    return place_types(pipeline.events(article))


def type_misses(
    pipeline, reports: Sequence[TypeReport] = TYPE_REPORTS
) -> list[tuple[str, str, str | None, str | None]]:
    """(report, place, type wanted, type read; None for no event) of every place read wrong."""
    wrong = []
    for report in reports:
        got = report_types(pipeline, report)
        for place, want in report.want.items():
            if got.get(place) != want:
                wrong.append((report.text, place, want, got.get(place)))
    return wrong


#: How many places the reports type.
PLACES = sum(len(report.want) for report in TYPE_REPORTS)


#: A second batch, written after the first was scored and the trigger table's killings and the
#: attack on public life were added, and scored before any further change: whether those hold on
#: phrasings they were not made from, beside public life that stays public life.
TYPE_REPORTS_SECOND: list[TypeReport] = [
    TypeReport(
        "Police opened fire on a funeral procession in Sharpeville, killing four mourners, a church leader said.",
        date(1985, 3, 23),
        {"Sharpeville": F},
    ),
    TypeReport(
        "Mourners at a vigil in Kandahar were fired on by men on motorbikes, the provincial governor said.",
        date(2010, 6, 11),
        {"Kandahar": F},
    ),
    TypeReport(
        "A candidate was gunned down outside a polling station in Mosul, election officials said.",
        date(2010, 3, 8),
        {"Mosul": F},
    ),
    TypeReport(
        "Thousands rallied peacefully in Lahore on Friday to mark the anniversary of the independence movement.",
        date(2012, 3, 24),
        {"Lahore": OT},
    ),
    TypeReport(
        "Voters queued for hours in Kabul despite threats, and polls closed without incident.",
        date(2014, 4, 6),
        {"Kabul": OT},
    ),
    TypeReport(
        "A journalist was murdered in Mazar-i-Sharif, his newspaper said on Monday.",
        date(2008, 2, 4),
        {"Mazar-i-Sharif": F},
    ),
    TypeReport(
        "Unknown assailants stabbed two guards at the gate of the refinery in Baiji overnight.",
        date(2007, 9, 15),
        {"Baiji": F},
    ),
    TypeReport(
        "Mobs torched shops in Jos after Friday prayers, and soldiers were deployed to the city centre.",
        date(2010, 1, 18),
        {"Jos": F},
    ),
    TypeReport(
        "The village chief of a hamlet outside Quang Ngai was assassinated by guerrillas, a province official said.",
        date(1966, 8, 3),
        {"Quang Ngai": F},
    ),
    TypeReport(
        "Gunmen shot dead three aid workers in Jalalabad, the charity said in a statement from London.",
        date(2009, 8, 5),
        {"Jalalabad": F, "London": None},
    ),
    TypeReport(
        "Troops fired on students at a rally in Rangoon, killing at least a dozen, diplomats said.",
        date(1988, 8, 9),
        {"Rangoon": F},
    ),
    TypeReport(
        "Protesters marched through Damascus on Friday chanting for freedom, witnesses said.",
        date(2011, 4, 1),
        {"Damascus": OT},
    ),
    TypeReport(
        "Four teachers were executed in front of their pupils in Kailahun, survivors told investigators.",
        date(1999, 2, 10),
        {"Kailahun": F},
    ),
    TypeReport(
        "A wedding convoy was ambushed near Gardez and eight guests died, the interior ministry said.",
        date(2012, 7, 1),
        {"Gardez": F},
    ),
    TypeReport(
        "The interior ministry in Tripoli said militiamen had set fire to a detention centre in Zawiya.",
        date(2014, 8, 22),
        {"Tripoli": D, "Zawiya": F},
    ),
    TypeReport(
        "A crowd attacked the police station in Batticaloa during a curfew and freed six prisoners.",
        date(1984, 5, 14),
        {"Batticaloa": F},
    ),
    TypeReport(
        "Election rallies in Hebron were cancelled after threats, the commission said.",
        date(2006, 1, 20),
        {"Hebron": OT},
    ),
    TypeReport(
        "Settlers and soldiers clashed with mourners at a funeral in Nablus, and two were shot and killed.",
        date(2002, 3, 8),
        {"Nablus": F},
    ),
    TypeReport(
        "A concert in Sarajevo drew thousands on Saturday, weeks after the shelling of the city ended.",
        date(1996, 4, 14),
        {"Sarajevo": OT},
    ),
    TypeReport(
        "Guerrillas lynched a suspected informer in the main square of Chalatenango, residents said.",
        date(1984, 10, 2),
        {"Chalatenango": F},
    ),
]


#: A third batch, written after the change and scored once on it, of the kinds the first batch
#: left wrong (a siege, people arriving, an attack told as what someone condemned or denied, a
#: capture told as a state) beside killings told in yet other ways: what is left, counted.
TYPE_REPORTS_THIRD: list[TypeReport] = [
    TypeReport(
        "Government troops have surrounded Kilinochchi and cut its water supply, the rebels said.",
        date(2008, 12, 2),
        {"Kilinochchi": F},
    ),
    TypeReport(
        "More than 4,000 people arrived in Dadaab this week after walking for days, the refugee agency said.",
        date(2011, 7, 14),
        {"Dadaab": H},
    ),
    TypeReport(
        "The foreign ministry in Islamabad condemned the drone strike in Miranshah.",
        date(2012, 6, 5),
        {"Islamabad": D, "Miranshah": F},
    ),
    TypeReport(
        "The army denied reports that it had bombed a school in Kamdesh.",
        date(2009, 10, 8),
        {"Kamdesh": None},
    ),
    TypeReport(
        "Bunia is under the control of the militia, aid workers reported, after a night of looting.",
        date(2003, 5, 14),
        {"Bunia": F},
    ),
    TypeReport(
        "A priest was abducted and later found dead outside Ciudad Juarez, church officials said.",
        date(2010, 4, 20),
        {"Ciudad Juarez": F},
    ),
    TypeReport(
        "Bandits killed nine herders at a well near Agadez and drove off their camels.",
        date(1992, 1, 17),
        {"Agadez": F},
    ),
    TypeReport(
        "Families who escaped Kirkuk are sheltering in mosques in Erbil, a local official said.",
        date(2017, 10, 18),
        {"Kirkuk": H, "Erbil": H},
    ),
    TypeReport(
        "A vigil for the victims was held in Oslo on Sunday.",
        date(2011, 7, 25),
        {"Oslo": OT},
    ),
    TypeReport(
        "Two border guards were killed when smugglers opened fire near Torkham, officials in Kabul said.",
        date(2016, 6, 13),
        {"Torkham": F, "Kabul": D},
    ),
    TypeReport(
        "A doctor working for a charity was shot in the head in Benghazi and died in hospital.",
        date(2014, 6, 24),
        {"Benghazi": F},
    ),
    TypeReport(
        "Militants hanged two men accused of spying in the market of Miranshah, residents said.",
        date(2009, 11, 3),
        {"Miranshah": F},
    ),
]
