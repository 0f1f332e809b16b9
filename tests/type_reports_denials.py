"""Short reports written for the reading of denials and of speakers elsewhere, scored by the
whole pipeline before the change they led to: an act denied in a "that" clause ("the ministry
denied that its aircraft had struck X") is no event at X, as "denied reports that ..." is
not; a place that only speaks or is where news comes from ("the general staff in X
announced", "a shipping agency in X reported") keeps no act of the place it speaks of. Beside
them, the look-alikes that keep their act: an act confirmed, a denial of an act the report
tells as done, a speakers' place that is also the scene. Types as in ``tests/type_reports.py``:
a statement where officials make it is diplomacy, where an agency or a paper reports from is
no event."""

from __future__ import annotations

from datetime import date

from tests.type_reports import TypeReport

F, D, H, OT = "frontline", "diplomacy", "humanitarian", "other"

TYPE_REPORTS_DENIALS: list[TypeReport] = [
    # An act denied in a "that" clause.
    TypeReport(
        "The defence ministry in Moscow denied that its aircraft had bombed Gori. "
        "A spokesman said the reports were invented.",
        date(2008, 8, 10),
        {"Gori": None},
    ),
    TypeReport(
        "Chechen commanders denied that their fighters had shelled Argun on Tuesday. "
        "They said the federal forces were lying.",
        date(1995, 4, 4),
        {"Argun": None},
    ),
    TypeReport(
        "The foreign ministry in Yerevan denied that Armenian units had attacked Shusha. "
        "It called the charge a provocation.",
        date(1992, 3, 2),
        {"Shusha": None, "Yerevan": D},
    ),
    TypeReport(
        "The Tigers denied that their gunboats had attacked a navy convoy off Trincomalee. "
        "A rebel spokesman said no boats had put to sea that night.",
        date(2006, 5, 12),
        {"Trincomalee": None},
    ),
    TypeReport(
        "A government spokesman denied that loyalist forces had shelled Ajdabiya on Friday. "
        "He said the army was observing the ceasefire.",
        date(2011, 3, 19),
        {"Ajdabiya": None},
    ),
    TypeReport(
        "The coalition denied that its jets had struck a hospital in Saada. It said it would review the claims.",
        date(2016, 1, 11),
        {"Saada": None},
    ),
    TypeReport(
        "NATO denied that its planes had hit a column of tractors near Prizren. "
        "Alliance officials said pilots had attacked only military vehicles.",
        date(1999, 4, 15),
        {"Prizren": None},
    ),
    TypeReport(
        "Soviet officers denied that their helicopters had attacked villages around Ghazni. "
        "They said the villagers had left before the winter.",
        date(1986, 2, 20),
        {"Ghazni": None},
    ),
    TypeReport(
        "The government in Abuja denied that soldiers had burned houses near Maiduguri. "
        "The army said its patrols had found the village deserted.",
        date(2013, 5, 2),
        {"Maiduguri": None, "Abuja": D},
    ),
    TypeReport(
        "The RUF denied that its fighters had attacked Makeni last week. "
        "Its leader said his men were still in their camps.",
        date(1999, 11, 8),
        {"Makeni": None},
    ),
    TypeReport(
        "Opposition leaders denied that their men had opened fire in Garm. They blamed a local gang.",
        date(1992, 9, 14),
        {"Garm": None},
    ),
    TypeReport(
        "The guerrillas denied that they had ambushed the police station in Florencia, "
        "calling the claim a lie. The commander said his column had been far to the south.",
        date(2002, 6, 3),
        {"Florencia": None},
    ),
    TypeReport(
        "The junta denies that Mandalay was bombed by its air force. "
        "State television said the explosions were an accident at a depot.",
        date(2021, 7, 9),
        {"Mandalay": None},
    ),
    TypeReport(
        "Belgrade flatly denied that its police had killed villagers in Podujevo. "
        "A minister said the dead were all armed men.",
        date(1999, 1, 20),
        {"Podujevo": None},
    ),
    TypeReport(
        "The interior ministry rejected claims that troops had fired on mourners in Andijan. "
        "It said only that order had been restored.",
        date(2005, 5, 16),
        {"Andijan": None},
    ),
    # Look-alikes: an act confirmed or admitted, a denial beside the act told as done.
    TypeReport(
        "The defence ministry confirmed that its aircraft had struck rebel positions near Gudermes. "
        "It gave no figure for the dead.",
        date(2000, 1, 18),
        {"Gudermes": F},
    ),
    TypeReport(
        "The rebels admitted that they had ambushed a supply convoy near Khost. Four drivers were killed.",
        date(1987, 10, 6),
        {"Khost": F},
    ),
    TypeReport(
        "Shells hit the bus station in Zugdidi on Monday, killing three people. "
        "The separatists denied that they had fired on the town.",
        date(1993, 9, 27),
        {"Zugdidi": F},
    ),
    TypeReport(
        "Troops shelled Osijek through the night, though the army denied that civilians had been targeted. "
        "The hospital took in eleven wounded.",
        date(1991, 10, 2),
        {"Osijek": F},
    ),
    TypeReport(
        "Jets bombed a compound in Mir Ali on Sunday. The army denied that any civilians had died there.",
        date(2014, 6, 16),
        {"Mir Ali": F},
    ),
    TypeReport(
        "Police in Zenica denied that the town had been quiet, saying that mortars had hit the salt works. "
        "Two workers were wounded.",
        date(1994, 3, 8),
        {"Zenica": F},
    ),
    # A place that only speaks, or where news comes from.
    TypeReport(
        "The general staff in Baku announced heavy fighting around Fuzuli. "
        "It said its troops had taken several heights.",
        date(2020, 10, 17),
        {"Baku": D, "Fuzuli": F},
    ),
    TypeReport(
        "A shipping agency in Limassol reported that a Greek freighter had been hit by a missile off Bandar Abbas. "
        "The crew were taken off by a tug.",
        date(1986, 11, 25),
        {"Limassol": None, "Bandar Abbas": F},
    ),
    TypeReport(
        "Officials in Muzaffarabad said Indian troops had shelled villages near Kotli. Two women were killed.",
        date(2001, 12, 28),
        {"Muzaffarabad": D, "Kotli": F},
    ),
    TypeReport(
        "A Red Cross spokesman in Vienna said fighting had closed the road to Baidoa. Food lorries were turned back.",
        date(1992, 8, 21),
        {"Baidoa": F},
    ),
    TypeReport(
        "The defence ministry in Jakarta announced that troops had overrun a rebel camp near Bireuen. "
        "Nine rebels were killed.",
        date(2003, 6, 4),
        {"Jakarta": D, "Bireuen": F},
    ),
    TypeReport(
        "A news agency in Almaty reported that Islamist fighters had seized Tavildara. The government did not comment.",
        date(1996, 7, 2),
        {"Almaty": None, "Tavildara": F},
    ),
    TypeReport(
        "Western diplomats in Belgrade said Serb police had burned houses in Decani. "
        "Hundreds of people were seen walking towards the hills.",
        date(1998, 6, 1),
        {"Belgrade": D, "Decani": F},
    ),
    TypeReport(
        "Aid officials in Gulu said rebels had abducted forty children from a school in Kitgum. "
        "The army sent a unit after them.",
        date(1996, 10, 11),
        {"Gulu": D, "Kitgum": F},
    ),
    TypeReport(
        "The embassy in Rome announced that the air force had bombed rebel positions around Asosa. "
        "The rebels said the bombs fell on a market.",
        date(1990, 1, 24),
        {"Rome": D, "Asosa": F},
    ),
    TypeReport(
        "A newspaper in Lahore reported that militants had blown up a girls' school in Mingora. No one was hurt.",
        date(2008, 12, 30),
        {"Lahore": None, "Mingora": F},
    ),
    TypeReport(
        "The army command in Ankara announced a battle with guerrillas near Semdinli. "
        "It said thirteen guerrillas had died.",
        date(1995, 8, 3),
        {"Semdinli": F},
    ),
    # Look-alikes: the speakers' place is also where the act is.
    TypeReport(
        "Residents in Homs said government jets had bombed the old city overnight. Smoke rose over the centre at dawn.",
        date(2012, 2, 9),
        {"Homs": F},
    ),
    TypeReport(
        "Hospital officials in Deir ez-Zor said shelling had killed eleven people in the city on Sunday. "
        "Many of the wounded were children.",
        date(2013, 8, 19),
        {"Deir ez-Zor": F},
    ),
    TypeReport(
        "Officials in Derna said a car bomb had exploded outside a police station in Derna's east. Two officers died.",
        date(2014, 4, 28),
        {"Derna": F},
    ),
    TypeReport(
        "Officials in Baqubah said gunmen had stormed a hotel in the city and were holding guests. "
        "Police sealed the streets around it.",
        date(2005, 3, 3),
        {"Baqubah": F},
    ),
]
