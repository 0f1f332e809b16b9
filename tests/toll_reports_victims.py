"""A third batch of short reports, written for these tests from wars the earlier batches
(``tests.toll_reports``, ``tests.toll_reports_new``) do not tell of, whose dead are named by
nouns of people no list of the reader's holds (trades, roles, kin, peoples, the faithful, the
travelling), beside look-alikes whose counted nouns are plainly not people (animals and
livestock, vehicles, weapons, buildings, distances, time, money, an idiom) and must count
no one. Scored on the code before it was changed for them."""

from __future__ import annotations

from tests.toll_reports import misses_of

#: (report, {place as written: deaths of its frontline event}).
VICTIM_TOLL_REPORTS: list[tuple[str, dict[str, int]]] = [
    # Dead named by a trade or a role.
    (
        "Rebels of the Lord's Resistance Army raided a trading centre outside Gulu on Tuesday, "
        "killing six shopkeepers and a tailor.",
        {"Gulu": 7},
    ),
    (
        "A roadside bomb tore through a minibus near Baquba on Sunday. Police said nine labourers "
        "on their way to a building site were killed.",
        {"Baquba": 9},
    ),
    (
        "Gunmen stopped a truck outside Jolo and shot dead four loggers and their cook.",
        {"Jolo": 5},
    ),
    (
        "Militiamen attacked a diamond pit near Tshikapa at dawn. Eleven diggers died, a local priest said.",
        {"Tshikapa": 11},
    ),
    (
        "Militants ambushed a team of vaccinators in a village near Mingora on Monday, "
        "killing two vaccinators and a policeman escorting them.",
        {"Mingora": 3},
    ),
    (
        "An explosion at a checkpoint outside Ramadi killed three interpreters working for the coalition.",
        {"Ramadi": 3},
    ),
    (
        "Separatist gunmen fired on a tea estate near Kokrajhar, killing five pluckers and a supervisor.",
        {"Kokrajhar": 6},
    ),
    (
        "Insurgents set fire to a sawmill outside Sopore on Wednesday night. The bodies of two watchmen "
        "were found in the ashes the next morning.",
        {"Sopore": 2},
    ),
    (
        "Mau Mau fighters raided a farm near Nyeri, killing a settler and his herdboy.",
        {"Nyeri": 2},
    ),
    (
        "Communist guerrillas ambushed a lorry carrying tappers to an estate near Ipoh; "
        "seven tappers and the lorry's conductor were killed.",
        {"Ipoh": 8},
    ),
    # Dead named as the faithful, travellers, mourners, guests.
    (
        "A suicide bomber blew himself up among Shia pilgrims walking to Karbala on Thursday. "
        "Officials said 23 pilgrims died.",
        {"Karbala": 23},
    ),
    (
        "Gunmen opened fire on churchgoers leaving a service in Kaduna, killing eight.",
        {"Kaduna": 8},
    ),
    (
        "A grenade thrown into a gurdwara in Amritsar killed four devotees on Sunday morning.",
        {"Amritsar": 4},
    ),
    (
        "Mortar rounds landed among mourners at a funeral in Fallujah, killing 14 mourners.",
        {"Fallujah": 14},
    ),
    (
        "Rebels attacked a wedding party near Kitgum. Twelve guests and the bride's father were killed, "
        "relatives said.",
        {"Kitgum": 13},
    ),
    (
        "Bandits held up a bus near Kananga and shot dead five travellers who refused to hand over their money.",
        {"Kananga": 5},
    ),
    (
        "A car bomb exploded beside a queue of commuters at a bus stop in Mosul, killing 17 commuters.",
        {"Mosul": 17},
    ),
    # Dead named by kin, by age group, or by people.
    (
        "Soldiers fired into a compound near Halabja; a farmer, his two wives and four grandchildren died.",
        {"Halabja": 7},
    ),
    (
        "Mobs armed with machetes attacked a settlement outside Eldoret on New Year's Day, "
        "and some 30 Kikuyu sheltering in a church were burned to death.",
        {"Eldoret": 30},
    ),
    (
        "Rioters attacked Uzbek neighbourhoods of Osh for three days. Officials counted 46 Uzbeks "
        "and 12 Kyrgyz killed.",
        {"Osh": 58},
    ),
    (
        "Militiamen attacked a Tutsi hill near Kibuye; survivors said 60 Tutsis were hacked to death.",
        {"Kibuye": 60},
    ),
    (
        "A rocket hit a school in Baramulla, killing three pupils and a schoolmistress.",
        {"Baramulla": 4},
    ),
    (
        "Gunmen killed seven Hindus taken off a bus near Anantnag on Friday.",
        {"Anantnag": 7},
    ),
    # Dead named by a condition or a station.
    (
        "Armed men stormed the prison in Agadez and freed dozens; four inmates and two warders died in the shooting.",
        {"Agadez": 6},
    ),
    (
        "Shells hit a displacement camp outside Bambari on Saturday, killing nine displaced and wounding 20.",
        {"Bambari": 9},
    ),
    (
        "Three bystanders were killed when soldiers opened fire on a crowd in Urumqi.",
        {"Urumqi": 3},
    ),
    (
        "A landmine exploded under a tractor near Lupane, killing two cattle herders.",
        {"Lupane": 2},
    ),
    # Look-alikes: the counted things are plainly not people, so no toll.
    (
        "Raiders from across the border attacked cattle camps near Pibor and killed 40 cattle, "
        "but no herders were hurt.",
        {"Pibor": 0},
    ),
    (
        "Rebels shelled the barracks in Gulu overnight; the army said the shells killed 15 goats and two donkeys.",
        {"Gulu": 0},
    ),
    (
        "Insurgents destroyed 12 trucks of a supply convoy on the road outside Kandahar; the drivers fled unharmed.",
        {"Kandahar": 0},
    ),
    (
        "Militants fired 30 rockets at the airfield in Bagram on Tuesday. Nobody was hurt.",
        {"Bagram": 0},
    ),
    (
        "Displaced families walked 20 kilometres from Kitgum to reach the camp, aid workers said.",
        {"Kitgum": 0},
    ),
    (
        "Raiders drove off 300 camels from wells near Kutum and killed 18 camels that could not be moved.",
        {"Kutum": 0},
    ),
    (
        "Government jets bombed the market in Kauda, killing dozens of sheep; the traders had already fled.",
        {"Kauda": 0},
    ),
    (
        "Fighters looted banks in Sirte and seized 5 million dinars, residents said.",
        {"Sirte": 0},
    ),
    (
        "By shelling the bridge at Jalalabad the rebels killed two birds with one stone: "
        "the road and the railway were cut.",
        {"Jalalabad": 0},
    ),
    (
        "The militia burned 50 huts in a village near Bor and killed 60 head of cattle.",
        {"Bor": 0},
    ),
]


def victim_misses(pipeline) -> list[tuple[str, str, int, int]]:
    """(report, place, deaths wanted, deaths coded) of every place of the batch coded wrong."""
    return misses_of(pipeline, VICTIM_TOLL_REPORTS)


#: How many places the batch names, each with the deaths of its event.
VICTIM_PLACES = sum(len(want) for _, want in VICTIM_TOLL_REPORTS)
