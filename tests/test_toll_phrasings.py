"""Tolls in the many ways wire reports tell them, with the figure an ACLED coder would give:
the dead of this event only (not the wounded, not a war's or a period's total, not a part of
the toll told again), vague words at the codebook's values ("dozens" 12, "tens" 10), the low
end of a range and the lower of two accounts."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.fatalities import casualties, casualties_in_text
from geo.records import Article
from tests.toll_reports import PLACES, misses, report_figures

#: (sentence, deaths an ACLED coder would code; ``None`` when the sentence reports none).
ONE_SENTENCE: list[tuple[str, int | None]] = [
    # The verb the figure is the object of.
    ("Government troops killed 14 insurgents in a dawn raid on the camp, the army said.", 14),
    ("Militants stormed the village at dawn, killing 27 residents.", 27),
    ("A roadside bomb struck a minibus, killing all 14 passengers.", 14),
    ("Security forces shot dead five protesters outside the governor's office.", 5),
    ("The group executed nine prisoners in the town square.", 9),
    ("Residents said they buried 17 people after the raid.", 17),
    ("Rescuers pulled eight bodies from the rubble of the clinic.", 8),
    ("Witnesses counted 23 bodies in the main street.", 23),
    ("The explosion claimed the lives of 19 people.", 19),
    ("The blast claimed 17 lives.", 17),
    ("The strike killed four occupants of a car near the bridge.", 4),
    ("Soldiers opened fire on the crowd, killing at least seven, according to rights groups.", 7),
    # The passive, and the figure as the subject.
    ("At least 22 people were killed when an airstrike hit a crowded market.", 22),
    ("Four aid workers were shot dead by unidentified gunmen on the road.", 4),
    ("A journalist was killed by a sniper near the front line.", 1),
    ("Seven members of one family were killed when a shell hit their home.", 7),
    ("A mother and her three children were killed in the strike.", 4),
    ("Nineteen people lost their lives in the explosion.", 19),
    ("More than 20 villagers were hacked to death.", 20),
    ("Three policemen were burned to death in their post.", 3),
    ("The bodies of six men were found dumped near the river.", 6),
    ("Six men were found dead near the river.", 6),
    ("Both pilots were killed when the helicopter was shot down.", 2),
    ("All six crew members died when the patrol boat sank.", 6),
    ("Seventeen people, mostly women, died in the fire the attackers set.", 17),
    ("He was among 13 people killed in the attack.", 13),
    ("Two children were among the six people killed.", 6),
    # What the event left.
    ("Rocket fire left four people dead and 20 wounded.", 4),
    ("The raid left at least 50 dead.", 50),
    ("The clashes left dozens dead.", 12),
    # Headlines.
    ("At least 23 dead in market attack", 23),
    ("Twenty-three killed as bomb hits bus", 23),
    ("Eight dead, 14 missing after attack on convoy", 8),
    # The killers' number and the victims'.
    ("Three gunmen on motorcycles killed seven worshippers at the mosque.", 7),
    ("A group of about 200 fighters attacked the base, killing 11 soldiers.", 11),
    ("Two soldiers and an unknown number of militants were killed.", 2),
    # Words and digits.
    ("Two dozen villagers were massacred overnight.", 24),
    ("A dozen soldiers died in the ambush.", 12),
    ("Scores of people were killed in the bombing.", 20),
    ("Several people were killed in the shelling, a local official said.", 10),
    ("Tens of people were killed in the clashes.", 10),
    ("A handful of fighters were killed.", 3),
    ("Nearly 30 civilians were killed in the shelling.", 30),
    ("Up to 40 people may have been killed.", 40),
    ("Between 15 and 20 people were killed.", 15),
    ("Fifteen to twenty people were killed.", 15),
    ("Some 60 people were killed, officials said.", 60),
    ("One hundred and twelve people were killed.", 112),
    ("The attack killed 1,043 people, the ministry said.", 1043),
    ("The blast killed dozens of people and wounded hundreds.", 12),
    # Killed beside wounded, abducted, missing.
    ("Five soldiers were killed and 12 wounded in the ambush.", 5),
    ("The attack wounded 30 people and killed two.", 2),
    ("Two people died and dozens were injured.", 2),
    ("The shelling killed at least three and wounded 19.", 3),
    ("Gunmen killed a police officer and wounded two others.", 1),
    ("The militants abducted 30 people and killed 16.", 16),
    ("The militants killed 16 people, mostly civilians, and abducted 30 others.", 16),
    ("Eight soldiers were killed and 14 went missing.", 8),
    ("Thirty people were wounded in the strike, officials said.", None),
    ("Eleven people were killed or wounded.", None),
    ("Some 30 people were killed or injured in the blast.", None),
    # Nobody died.
    ("Fourteen people were injured, three of them critically, but nobody was killed.", 0),
    ("There were no immediate reports of casualties.", 0),
    ("The attack caused no deaths but destroyed three houses.", 0),
    ("The shelling killed no one but damaged the school.", 0),
    # Parts of the toll told again.
    ("Six people, including two children, were killed.", 6),
    ("Six people were killed, among them two children.", 6),
    ("An airstrike killed 11 fighters of the group, including a senior commander.", 11),
    ("The police chief and two of his bodyguards were killed.", 3),
    ("Gunmen killed the village chief and his wife.", 2),
    ("The ministry said nine soldiers and 31 militants were killed in the fighting.", 40),
    # Both sides, and several kinds of people.
    ("Twelve soldiers and 30 militants were killed in the clashes, the army said.", 42),
    ("Two civilians were killed in the crossfire as troops killed eight militants.", 10),
    ("Fighting killed 21 people, 15 of them militants.", 21),
    ("A drone strike killed a senior commander and three of his guards.", 4),
    ("The attack killed a policeman, a soldier and two civilians.", 4),
    ("The bombing killed 32 people and the bomber.", 33),
    ("The bombing killed 32, including the bomber.", 32),
    ("One person was killed and another wounded.", 1),
    ("Another three people were killed in shelling overnight.", 3),
    ("Thirty-odd fighters were killed.", 30),
    ("At least 4 killed, 10 hurt in drone strike", 4),
    ("Police said three suspected militants were killed in a shootout and two officers were wounded.", 3),
    ("At least 15 people were killed and more than 40 wounded when two car bombs exploded.", 15),
    ("The army said it had lost contact with 20 soldiers.", None),
    ("Gunmen killed four people in the town on Saturday, a day after seven were killed nearby.", 4),
    ("Clashes over the past three days have killed 45 people.", None),
    ("A week of clashes has left at least 200 people dead.", None),
    # Attributions and conflicting accounts.
    ("According to the local governor, 16 people died in the attack.", 16),
    ("Sixteen people died in the attack, according to the local governor.", 16),
    ("Police said at least eight people had been killed.", 8),
    ("Medical sources said 18 people were killed, while the health ministry put the toll at 25.", 18),
    ("The United Nations said 40 people were killed, but local officials said 70 died.", 40),
    # Tolls that rose, and running totals.
    ("The death toll from Tuesday's bombing rose to 41 on Thursday.", 41),
    ("The death toll rose to 41 after three of the wounded died in hospital.", 41),
    ("The number of dead from the attack has risen to 45.", 45),
    ("The toll has climbed to 45, the health office said.", 45),
    ("Officials put the death toll at 45.", 45),
    ("A 16-year-old boy died of his wounds on Friday, bringing the toll to four.", 4),
    ("Three more bodies were found on Sunday, raising the toll from the massacre to 45.", 45),
    ("Monday's attack killed 12 people, bringing the number killed in the province this year to 340.", 12),
    ("Thirty-one people were killed in the attack, the deadliest since the ceasefire.", 31),
    # More ways of telling who died and how many.
    ("More than a dozen soldiers were killed in the assault.", 12),
    ("At least a dozen people died.", 12),
    ("Some two dozen fighters were killed.", 24),
    ("Nearly two dozen civilians were killed in the raid.", 24),
    ("The attack resulted in the deaths of nine people.", 9),
    ("The explosion caused the death of a child.", 1),
    ("The ambush left 13 soldiers dead, the army said.", 13),
    ("Gunmen opened fire on a bus, leaving 18 passengers dead.", 18),
    ("Eighteen passengers were confirmed dead.", 18),
    ("Nine people perished when the ferry was shelled.", 9),
    ("The shelling caused 14 casualties, including three dead.", 3),
    ("The strike caused heavy casualties.", None),
    # A person counted by "a" whose noun no table holds, the last of a list or dying alone.
    ("A rocket hit the clinic, killing a cook, two guards and a patient.", 4),
    ("Militants killed seven soldiers and an interpreter.", 8),
    ("Troops killed a suspected bomb-maker and two accomplices.", 3),
    ("Seven soldiers and an interpreter were killed.", 8),
    ("An elderly caretaker was killed.", 1),
    ("Gunmen killed four soldiers and seized a truck.", 4),
    # One named by office who died, and people described by what they were doing.
    ("The truck driver later died in hospital.", 1),
    ("Three herders tending their cattle also died.", 3),
    ("Two soldiers guarding the depot killed three attackers.", 3),
    ("Five soldiers were among the dead.", 5),
    ("The attack, which killed 15 people, was claimed by the group.", 15),
    ("The group claimed the attack that killed 15 people.", 15),
    ("The army said its troops had neutralised 22 terrorists.", 22),
    ("Twenty-two terrorists were neutralised, the army said.", 22),
    ("Four people died of their injuries in hospital.", 4),
    ("Two brothers, aged 12 and 15, were killed by the blast.", 2),
    ("The strike on the hospital killed a doctor, two nurses and five patients.", 8),
    ("The dead included 12 soldiers and three civilians, the army said.", 15),
    ("Among the dead were three children.", 3),
    ("At least 30 were killed, most of them civilians.", 30),
    ("Dozens more were killed in a second wave of strikes.", 12),
    ("The ministry gave the toll as 26.", 26),
    ("The toll now stands at 26.", 26),
    ("The death toll has reached 26.", 26),
    ("Local media reported 26 deaths.", 26),
    ("Twenty-six fatalities were recorded.", 26),
    ("Reports put the number of dead at between 20 and 30.", 20),
    ("The attackers shot and killed eleven villagers before torching their homes.", 11),
    ("Eleven villagers were shot and killed.", 11),
    ("Police killed the gunman after he shot dead three people.", 4),
    ("The two attackers were killed by guards.", 2),
    ("A child was killed and her mother was seriously wounded.", 1),
    ("Two people were killed, one of them a child.", 2),
    ("Three soldiers were killed and a fourth was wounded.", 3),
    ("Israeli strikes killed 40 people across the territory, including 12 in the city.", 40),
    ("Government airstrikes killed at least 35 people in rebel-held areas on Sunday, activists said.", 35),
    ("The blast killed eight people, the second deadly attack in the city in a week.", 8),
    ("Eight people were killed in the blast, police spokesman John Doe said.", 8),
    ("It was not clear how many people were killed.", None),
    ("Officials said the toll could rise.", None),
    ("No fatalities were reported.", 0),
    ("There were no casualties among the troops.", 0),
    ("Two soldiers were lightly injured.", None),
    ("A soldier was killed and two others were injured by a landmine.", 1),
    ("The strike destroyed two houses, killing seven.", 7),
    ("Five bodies were found in a ditch.", 5),
    ("Fighters killed 6 soldiers and captured 4 others.", 6),
    ("The raid killed a senior commander.", 1),
    ("A drone killed four people riding in a car.", 4),
    ("Sixty people have been killed in the attack, the governor said.", 60),
    ("The attack killed 120 people, the deadliest in the country this year.", 120),
    ("Seven people including four children died after their house was shelled.", 7),
    ("Clashes killed three protesters and a police officer.", 4),
    ("Hundreds were killed.", 100),
    ("Thousands of people were killed in the massacre.", 1000),
    ("Fifty-three people were killed.", 53),
    ("1,200 people were killed.", 1200),
    ("The bombardment killed about 90 people.", 90),
    ("An estimated 70 people were killed.", 70),
    ("As many as 70 people were killed.", 70),
    ("Roughly 70 people were killed.", 70),
    ("The killing of eight farmers sparked protests.", 8),
    ("Eight farmers were slain.", 8),
    ("Eight farmers were murdered.", 8),
    ("Eight farmers were gunned down.", 8),
    # Possessives, groups the dead were drawn from, words in quotes, revised tolls.
    ("Insurgents overran the outpost, killing its commander and nine of his men.", 10),
    ("Nine soldiers, including their commander, were killed when insurgents overran the outpost.", 9),
    ("A car bomb outside the ministry killed at least six people and injured dozens, police said.", 6),
    ("The bodies of 14 migrants were recovered after the boat was fired on.", 14),
    ("Paramilitaries killed a dozen herders and stole their cattle.", 12),
    ("Local officials said 11 civilians died, while the army said only militants were killed.", 11),
    ("Several dozen fighters were killed in the counter-offensive, according to the ministry.", 12),
    ("Fighting in the north killed at least 70 people over the weekend.", 70),
    ("The bombing of the bridge killed no civilians, the military said.", 0),
    ("Seven of the 20 passengers were killed.", 7),
    ("Three peacekeepers died and five were injured when their convoy hit a mine.", 3),
    ("Airstrikes on Tuesday killed 26 people, medical sources said, and left more than 50 wounded.", 26),
    ("Twelve bodies, some bearing gunshot wounds, were found on the outskirts.", 12),
    ("Survivors said the gunmen killed everyone they found.", None),
    ("Two policemen and a civilian lost their lives in the exchange of fire.", 3),
    ("The army lost four men in the ambush.", 4),
    ("A grenade thrown into the market killed a vendor and injured 17 shoppers.", 1),
    ("At least five people were reported killed.", 5),
    ("The assailants killed 31 people, among them 10 children.", 31),
    ("A woman and her baby were killed by shelling.", 2),
    (
        "Shelling killed two and wounded nine in the town, the governor said, a day after 12 died in strikes on the capital.",
        2,
    ),
    ("The militia said it had killed 'dozens' of enemy fighters.", 12),
    ("Ten people are feared dead after the attack.", 10),
    ("The attack left one dead and three injured.", 1),
    (
        "Forty-seven people were killed in the attack on the camp, the United Nations said, revising an earlier toll of 40.",
        47,
    ),
    ("Officials gave a toll of 19 dead.", 19),
    ("At least 19 people died, six of them children.", 19),
    ("A sniper killed a ten-year-old boy.", 1),
    ("The fighting has left at least 45 dead since Friday.", None),
    ("Five members of the security forces were killed in the raid.", 5),
    # Raids, wire attributions, conflicting sources.
    ("Armed men on horseback raided the settlement overnight, killing 19 villagers and burning dozens of huts.", 19),
    ("Nineteen villagers were killed and dozens of huts burned when armed men raided the settlement.", 19),
    ("The air force said it had destroyed a convoy, killing 'scores' of rebels.", 20),
    ("A mortar round landed in the schoolyard, killing three pupils and a teacher.", 4),
    ("Three pupils and their teacher died when a mortar round hit the schoolyard.", 4),
    ("The blast tore through the mosque during Friday prayers, leaving at least 27 worshippers dead.", 27),
    ("Medics reported 8 dead and 31 injured.", 8),
    ("Hospital staff said they had received 15 bodies and more than 60 wounded.", 15),
    ("At least 9 people were killed in the stampede that followed the shooting.", 9),
    ("The coastguard said 4 fishermen were killed when the boat was shelled, and 2 others are missing.", 4),
    ("An attack on a wedding left 12 guests dead, among them the bride's father.", 12),
    ("Rebels killed more than 40 soldiers in a series of attacks over the past week.", None),
    ("Five days of fighting have killed at least 85 people, the Red Cross said.", None),
    ("Unknown gunmen killed a local chief in the village on Tuesday.", 1),
    ("A local chief was killed by unknown gunmen on Tuesday.", 1),
    ("Security forces said they killed six 'terrorists' during a search operation.", 6),
    ("The attack killed a French soldier, the defence ministry said.", 1),
    ("Two French soldiers died in the attack, the presidency said.", 2),
    ("The governor said 17 had been killed, but a hospital source said at least 22 died.", 17),
    ("The group claimed to have killed 50 soldiers, but the army said eight died.", 8),
    ("Militiamen shot dead at least 14 displaced people at the camp.", 14),
    ("The death toll from the attack on the camp climbed to 38.", 38),
    ("About two dozen people were killed.", 24),
    ("The dead numbered at least 16.", 16),
    ("Casualties included 5 killed and 11 wounded.", 5),
    ("Four attackers were killed when they tried to storm the prison.", 4),
    ("A teenager was shot dead at a checkpoint.", 1),
    ("Fighters stormed the police station, killing all five officers inside.", 5),
    ("One hundred civilians have been killed in the attack, the mayor said.", 100),
    ("The strike killed eight members of the same family, including five children.", 8),
    ("More than 70 people were killed when gunmen stormed the school, a source said, the first toll given.", 70),
    # Both sides' dead, tolls told after the event, members of the dead.
    (
        "Jihadists killed 12 soldiers in an attack on an army post, the army said on Monday, adding that 20 assailants were also killed.",
        32,
    ),
    ("An army statement said soldiers had killed 20 assailants after an attack that cost the lives of 12 troops.", 32),
    ("The dead comprised 9 soldiers and 4 civilians.", 13),
    ("A landmine explosion killed a shepherd and his flock.", 1),
    ("Tribal clashes over grazing land killed 23 people, according to a community leader.", 23),
    ("The attacks killed at least 10 people in Dorsa and 6 in Kell, officials said.", 16),
    ("Twenty-one people, among them 14 women, were killed.", 21),
    ("Two soldiers were killed on Tuesday when their vehicle struck a mine, the third such incident this month.", 2),
    ("Twelve fighters were captured and four were killed in the operation.", 4),
    ("Five people died on the spot and two more died on the way to hospital.", 7),
    ("The blast ripped through a crowded bus station, killing dozens.", 12),
    ("At least three people were killed and several others injured in the strike.", 3),
    ("Four people were killed, and a fifth died later in hospital.", 5),
    ("Troops repulsed the attack, killing 17 insurgents and losing three of their own.", 20),
    ("The army said it had suffered no casualties.", 0),
    ("Dozens of people were feared killed.", 12),
    ("A senior militant commander was among those killed.", 1),
    ("Gunmen killed 5 people at a bar and then set it on fire.", 5),
    ("The armed forces said seven of their men died in the ambush.", 7),
    # A counted group the subject of a verb of state, or named by a prefixed name.
    ("Nineteen insurgents lay dead in the street after the assault.", 19),
    ("Seven al-Qaeda fighters died in the air raid.", 7),
    ("Those killed included nineteen soldiers and a nurse.", 20),
    # A total broken down after a comma, its parts no more than it: not more dead.
    ("Shelling killed nine people in the town, six soldiers and three civilians.", 9),
    ("The fighting left 14 dead, eight soldiers and six militiamen.", 14),
    ("Gunmen killed two soldiers, three civilians and a medic.", 6),
    # Groups named among the dead, with no toll of their own.
    ("Two policemen and three vigilantes were among those who died.", 5),
    # Two sources' accounts in one sentence, the second naming no place: the lower.
    (
        "The strike on the clinic in Tarvo killed 20 people, the regional office said, while the ministry said six died.",
        6,
    ),
    # A source's figure with the noun and death word left out, answering the account before it.
    ("Medics said 40 people had died; the army said 27.", 27),
    ("Officials said 12 soldiers died, while the rebels said 30.", 12),
    ("Gunmen killed 12 people, police said; the attack began at 5.", 12),
    # A war's or a period's toll.
    ("The toll of the week rose to 30, officials said.", None),
    ("Hundreds of civilians have died in the fighting for the city since March.", None),
    ("The fighting has killed more than 3,000 people since April.", None),
    ("The insurgency has claimed tens of thousands of lives over the past decade.", None),
    # The clause that tells which of a group died, between the group and its death verb.
    ("Two civilians caught in the crossfire also died.", 2),
    ("Two herders who were passing by were also killed.", 2),
    ("Three people travelling in a car were killed when the shell landed.", 3),
    ("Two nurses who had stayed behind at the clinic died.", 2),
    ("Both pilots of the helicopter died.", 2),
    ("Two members of the same family were killed.", 2),
    # A counted person with no noun of ``PERSON_NOUNS``, listed or alone, and one more after a
    # figure; the definite figure a death verb governs.
    ("Twenty-five tourists and a guide lost their lives.", 26),
    ("Twenty-five tourists and a guide lost their way.", None),
    ("A guide died.", 1),
    ("One soldier was killed and another later died of his wounds.", 2),
    ("Security forces killed the three attackers after they had shot dead a guard.", 4),
    ("Six soldiers met their deaths in the ambush.", 6),
    # A verb that stands for the one before it.
    ("Eight soldiers died, as did two nurses.", 10),
    ("Three guards were killed, as were two visitors.", 5),
    ("Eight soldiers were wounded, as were two nurses.", None),
    # A clause of its own figure, or naming a place, is not such a clause.
    ("Two soldiers who killed three civilians were arrested.", 3),
    ("Five soldiers stationed in Kesh died of cold last winter, the report recalled.", None),
    # A batch written before the reader was changed for it (101 of 117 read right then): floors
    # told by negation, the death word put first, a group less those excepted, the group the
    # dead belonged to, where they were, no loss of life, headlines in the present.
    ("The strike took the lives of eleven civilians.", 11),
    ("Shelling cost the lives of four firefighters.", 4),
    ("Four firefighters were among nine people killed in the shelling.", 9),
    ("The bombardment left behind 32 dead and scores of injured.", 32),
    ("A barrage of rockets killed upwards of 60 people.", 60),
    ("Upwards of 60 people were killed by the barrage.", 60),
    ("The attack killed 12 to 15 people.", 12),
    ("Between a dozen and twenty villagers were killed.", 12),
    ("Some 40-50 people were killed in the raid.", 40),
    ("The toll from the bombing stood at 19 on Monday.", 19),
    ("Authorities confirmed 27 fatalities.", 27),
    ("The raid claimed at least nine lives, including two children.", 9),
    ("Six soldiers and an unspecified number of rebels died in the battle.", 6),
    ("Killed in the attack were three policemen and a driver.", 4),
    ("Dead in the attack were 14 villagers.", 14),
    ("Fourteen villagers are known to have died.", 14),
    ("Fourteen villagers are thought to have been killed.", 14),
    ("Nine people are confirmed to have been killed.", 9),
    ("The massacre left more than a hundred villagers dead.", 100),
    ("A dozen or so fighters died.", 12),
    ("Half a dozen soldiers died during the ambush.", 6),
    ("The attack killed dozens and wounded at least 70.", 12),
    ("Scores were reported dead after the bombing.", 20),
    ("Nine were reported killed in the shelling.", 9),
    ("The raid killed eight, according to residents.", 8),
    ("Residents reported eight people dead.", 8),
    ("Relatives buried 12 victims of the massacre on Sunday.", 12),
    ("Searchers recovered the remains of nine people from the burnt-out bus.", 9),
    ("A mass grave containing 31 bodies was discovered near the camp.", 31),
    ("The corpses of five fishermen washed ashore.", 5),
    ("The shelling killed a mother of four.", 1),
    ("A father of three was killed by a stray bullet.", 1),
    ("Two of the three hostages were killed during the rescue.", 2),
    ("All but one of the 12 passengers died.", 11),
    ("The ambush killed four soldiers; another six were wounded.", 4),
    ("Four soldiers were killed; six others were wounded.", 4),
    ("Two soldiers died from their injuries, raising the death toll to 11.", 11),
    ("The toll was later revised down to 14.", 14),
    ("The death toll was revised downward to 14 from 20.", 14),
    ("The number of those killed has risen to 33.", 33),
    ("Five more people died overnight, taking the toll to 33.", 33),
    ("The rebels claimed to have killed 80 government soldiers; the claim could not be verified.", 80),
    ("The army said it killed 35 militants, a figure that could not be verified independently.", 35),
    ("Eight soldiers were killed and 14 wounded, while the insurgents lost around 20 fighters.", 28),
    ("The insurgents lost around 20 fighters.", 20),
    ("Government forces suffered 7 dead and 11 wounded.", 7),
    ("The army reported seven of its soldiers killed.", 7),
    ("The army put its losses at seven dead.", 7),
    ("The rebels' losses were put at 25 dead.", 25),
    ("At least nine killed as rockets hit residential area", 9),
    ("Gunfire kills 3 at checkpoint", 3),
    ("Suicide bomber kills 14 at funeral", 14),
    ("Blast kills dozens in market", 12),
    ("Car bomb kills two, wounds 11", 2),
    ("Attack on convoy leaves 6 soldiers dead", 6),
    ("Three dead in overnight drone strike", 3),
    ("Death toll in market attack climbs to 52", 52),
    ("Nobody was hurt in the attack.", 0),
    ("The blast caused no casualties.", 0),
    ("The strike caused no loss of life.", 0),
    ("No one was killed, but 11 people were wounded.", 0),
    ("Eleven people were wounded, none of them seriously.", None),
    ("Eleven people were hospitalised.", None),
    ("Fifteen soldiers are missing after the ambush.", None),
    ("Twenty people were kidnapped.", None),
    ("The fire killed no one, but destroyed 40 homes.", 0),
    ("One civilian died and two others were hurt when a mortar landed in the yard.", 1),
    ("A mortar landed in the yard, killing one civilian and hurting two others.", 1),
    ("Four members of a family, including a baby, perished in the blaze caused by the shell.", 4),
    ("The assault killed no fewer than 40 people.", 40),
    ("The assault killed not less than 40 people.", 40),
    ("Over 40 people died during the assault.", 40),
    ("The strike killed an estimated three dozen people.", 36),
    ("Dozens of civilians, among them children, were killed.", 12),
    ("Six people were killed, two of them by sniper fire.", 6),
    ("Gunmen killed six people, two of whom were children.", 6),
    ("The attack killed six people, three of whom died in hospital.", 6),
    ("The blast killed the bomber and four bystanders.", 5),
    ("The suicide bomber killed himself and four bystanders.", 5),
    ("Thirteen people were killed, the youngest a boy of nine.", 13),
    ("A 7-year-old girl was among the dead.", 1),
    ("The victims, aged between 18 and 60, were shot in the head.", None),
    ("Twelve people were executed by firing squad.", 12),
    ("Five men were beheaded.", 5),
    ("Two civilians were lynched by a mob.", 2),
    ("Two people were crushed to death when the building collapsed after the strike.", 2),
    ("Soldiers fired on demonstrators, leaving at least five dead.", 5),
    ("The attack killed 4, among them 2 police officers.", 4),
    ("The ministry said 17 had been killed, later revising the toll to 21.", 21),
    ("Initially reported at 30, the toll was later lowered to 24.", 24),
    ("The 300-strong unit lost 40 men.", 40),
    ("A 20-vehicle convoy was ambushed, and 9 drivers were killed.", 9),
    ("A 500-kg bomb killed 23 people.", 23),
    ("In the 2 a.m. attack, 5 people were killed.", 5),
    ("The attack on Route 6 killed three.", 3),
    ("Eighty-one people have now died, officials said.", 81),
    ("The number of those killed now stands at 19.", 19),
    ("There were 19 fatalities.", 19),
    ("There were at least 19 deaths.", 19),
    ("The strike resulted in 19 deaths.", 19),
    ("Nineteen deaths were reported.", 19),
    ("Government forces said they killed 30 rebels while losing four men.", 34),
    ("Fighting killed 15 rebels and four soldiers, the army said.", 19),
    ("Troops killed 15 rebels; four soldiers also died.", 19),
    ("Many people were killed, witnesses said.", 10),
    ("A few soldiers died in the ambush.", 3),
    ("A couple of guards were killed.", 2),
    ("A number of civilians were killed in the raid.", 10),
    ("Numerous civilians were killed in the raid.", 10),
    ("Hundreds of people are believed to have died.", 100),
    ("A 60-year-old man and his two grandsons were killed.", 3),
    # A second batch, written after the first was read and scored before the reader was changed
    # for it (52 of 69 read right on the code before either batch, 56 after the first): "or so",
    # a range of estimates, an age between commas or as the noun, "said to have been killed",
    # a headline's present, "none of them was hurt", "an estimated 30" in a list.
    ("Thirty-four people lost their lives when the dam was blown up.", 34),
    ("The raid on the camp cost 14 refugees their lives.", 14),
    ("Heavy shelling overnight left the village with seven dead.", 7),
    ("By Friday evening, hospitals had recorded 41 deaths from the bombing.", 41),
    ("The local hospital received the bodies of 22 people.", 22),
    ("Twenty-two bodies arrived at the morgue after the raid.", 22),
    ("The morgue received 22 bodies.", 22),
    ("The fighting claimed at least 15 lives on both sides.", 15),
    ("The army lost 11 soldiers, while 30 rebels were killed.", 41),
    ("Eleven soldiers and an estimated 30 rebels were killed.", 41),
    ("Rebel losses were estimated at 30 dead.", 30),
    ("Officials estimated that 30 rebels died.", 30),
    ("Six policemen died and a seventh was critically injured.", 6),
    ("One soldier died instantly; two others died later in hospital.", 3),
    ("Three people were killed outright and two more succumbed to their wounds.", 5),
    ("Nine were killed and some 25 hurt.", 9),
    ("The attackers, numbering about 100, killed 17 villagers.", 17),
    ("About 100 attackers killed 17 villagers.", 17),
    ("A force of 300 militants overran the base, killing the 40 soldiers stationed there.", 40),
    ("The bombing, which killed 11, was the worst in months.", 11),
    ("Fatalities from the strike numbered 11.", 11),
    ("Eleven fatalities were confirmed by the health ministry.", 11),
    ("The health ministry confirmed that 11 had died.", 11),
    ("The ministry confirmed the deaths of 11 people.", 11),
    ("Rescue workers dug out 13 bodies from the collapsed building.", 13),
    ("More than a dozen villagers perished in the attack.", 12),
    ("Well over 100 people were killed.", 100),
    ("Close to 50 people were killed.", 50),
    ("Almost 50 people died.", 50),
    ("Fifty or so people were killed.", 50),
    ("Between 30 and 40 fighters were said to have been killed.", 30),
    ("30 to 40 fighters were reportedly killed.", 30),
    ("Estimates of the dead ranged from 30 to 45.", 30),
    ("Three killed, 11 wounded in grenade attack", 3),
    ("Grenade attack kills three, wounds 11", 3),
    ("Four soldiers die in mine blast", 4),
    ("Mine blast kills four soldiers", 4),
    ("Dozens feared dead in strike on market", 12),
    ("Attack on village leaves 23 dead", 23),
    ("Toll from market bombing rises to 31", 31),
    ("Gunmen kill 9 in church attack", 9),
    ("A soldier and two civilians were killed.", 3),
    ("Killed were a soldier and two civilians.", 3),
    ("No soldiers were killed, the army said, but 12 insurgents died.", 12),
    ("The strike killed nobody, officials said.", 0),
    ("None of the passengers was hurt.", 0),
    ("Militiamen killed eight herders and a boy.", 9),
    ("The ambush killed eight soldiers, among them a captain.", 8),
    ("Eight soldiers, a captain among them, were killed in the ambush.", 8),
    ("Eight people died, the youngest aged four.", 8),
    ("Attackers killed a 45-year-old farmer and his two sons.", 3),
    ("A woman, 62, was killed by a stray shell.", 1),
    ("An 11-year-old was killed by a landmine.", 1),
    ("Two 14-year-olds were shot dead.", 2),
    ("The drone strike killed 3 members of the group.", 3),
    ("The strike killed no fewer than three, and possibly as many as ten.", 3),
    ("Between five and eight civilians are thought to have died.", 5),
    ("Some 20 people were killed or are missing.", None),
    ("Twenty people are dead or missing.", None),
    ("At least 8 villagers died and dozens more are unaccounted for.", 8),
    ("The bombardment killed a dozen and wounded many more.", 12),
    ("Security forces killed four suspected kidnappers in a shootout.", 4),
    ("Six hostages in all were executed.", 6),
    ("Two people were killed in the first explosion and three in the second.", 5),
    ("Two people were killed in the first explosion, three more in the second.", 5),
    ("Nine bodies, all of them men, were found on the road.", 9),
    ("The corpses of 9 men were discovered on the road.", 9),
    ("Nine men were discovered dead on the road.", 9),
    ("Nine men were found shot dead on the road.", 9),
    # A fourth batch, longer sentences of wire reports, written after the third and scored before
    # the change it led to (31 of 40 right then): a verb left out after "and" ("and two on
    # Tuesday"), the group put first ("Of the 40 people on board, 31 ..."), "both the driver and
    # his passenger", "missing and feared dead".
    (
        "In the deadliest single incident, a shell struck a queue for bread, leaving 18 people dead and dozens more injured, the mayor said.",
        18,
    ),
    (
        "The ministry, which did not say how the figure was reached, said 61 attackers had been killed and that it had lost 9 soldiers.",
        70,
    ),
    (
        "A spokesman for the rebels, reached by telephone, said his fighters had lost 4 men in the battle for the bridge.",
        4,
    ),
    (
        "According to a tally by a local monitoring group, the raid killed 26 people, the majority of them women and children.",
        26,
    ),
    ("Fourteen died on the spot and another three in hospital, a medical source said.", 17),
    ("An unknown number of villagers died when the market was shelled.", None),
    ("The authorities did not release a death toll.", None),
    ("Casualty figures could not be verified.", None),
    ("The blast, which shattered windows across the district, killed a security guard.", 1),
    ("At least two villagers died and several houses were destroyed.", 2),
    ("A grenade lobbed into a crowded tea shop killed five men and injured nine.", 5),
    ("The convoy was ambushed twice, and eleven soldiers lost their lives.", 11),
    ("Separatist fighters shelled the village for hours, killing a pensioner and injuring her son.", 1),
    ("Unverified footage posted online appeared to show at least a dozen bodies lying in a street.", 12),
    ("The attack was the third in a week, and brought the number of aid workers killed this year to 41.", None),
    ("An unspecified number of soldiers were killed, the army said.", None),
    (
        "Airstrikes pounded the rebel-held suburbs for a second day, killing 33 people, including 9 children, according to rescuers.",
        33,
    ),
    ("Gunmen on motorbikes killed nine gold miners and wounded seven others during a raid on a mining site.", 9),
    ("Nine gold miners were killed and seven others wounded when gunmen on motorbikes attacked a mining site.", 9),
    ("Rebels claimed to have killed dozens of troops, but gave no figure.", 12),
    ("Of the 40 people on board, 31 were killed.", 31),
    ("Thirty-one of the 40 people on board died.", 31),
    ("One policeman was killed and three injured as they tried to defuse the device.", 1),
    ("Eight people, four of them police officers, died in the bombing.", 8),
    ("Three soldiers were killed on Monday and two on Tuesday in attacks on the same checkpoint.", 5),
    ("The two sides traded fire for hours; no casualties were reported.", 0),
    ("The clashes killed six, officials said, while residents reported at least ten dead.", 6),
    ("At least 16 civilians were said to have perished during the bombardment.", 16),
    ("Six civilians were reported to have been killed.", 6),
    ("The blast killed both the driver and his passenger.", 2),
    ("Both the driver and a passenger were killed.", 2),
    ("The shelling killed four members of one family: a couple and their two children.", 4),
    ("Seven people were burned alive when attackers torched their homes.", 7),
    ("Troops fired tear gas and live rounds, killing one protester.", 1),
    ("The raid left 22 villagers dead, among them the local imam.", 22),
    ("A senior commander of the group and four of his bodyguards were killed in a drone strike.", 5),
    ("Thirty soldiers were taken prisoner and another 12 were killed.", 12),
    # A comparison with other happenings ends the clause ("the worst ... since the war began"), and
    # "so far" after one happening: the event's own toll; not so a war's, nor a "since" that goes
    # on to tell the earlier happening.
    ("The attack has so far claimed 19 lives.", 19),
    ("It was the worst attack on the town since the war began, with 48 people killed.", 48),
    ("With 48 people killed, it was the worst attack on the town since the war began.", 48),
    ("The war has so far claimed 19,000 lives.", None),
    ("The clash was the most serious since April, when fighting killed about 50 people.", None),
    # A fifth batch in the manner of older wars' communiqués, scored before its change (24 of 30
    # right then): "on each side", "counted at", "put at between", "upward of a hundred",
    # "fell dead", "gave the dead as".
    ("Our losses in the engagement were three killed and eleven wounded, the communique said.", 3),
    ("Enemy losses amounted to some 200 killed, according to the high command.", 200),
    ("The division reported 14 men killed in action and 40 wounded.", 14),
    ("Casualties: 6 killed, 19 wounded, 2 missing.", 6),
    ("The battalion lost its commanding officer and seventeen other ranks.", 18),
    ("The column was ambushed in the pass, losing 31 dead.", 31),
    ("A communique from headquarters gave the enemy dead as 73.", 73),
    ("The rebels left 45 dead on the field.", 45),
    ("The enemy left behind 45 dead.", 45),
    ("Nine of our aircraft failed to return.", None),
    ("Two hundred and forty prisoners were taken; the garrison lost 60 killed.", 60),
    ("The town was retaken at a cost of 120 dead.", 120),
    ("Government troops suffered heavy losses, with at least 50 killed.", 50),
    ("The fighting cost the lives of some 300 rebels and 40 soldiers.", 340),
    ("The strike killed eight, none of them combatants, according to the mission.", 8),
    ("Forty-one people perished in the massacre, among them eleven children.", 41),
    ("Of the hostages, six were shot and the rest freed.", None),
    ("The assault on the ridge left seventy-odd dead on each side.", 140),
    ("The regiment lost a third of its men.", None),
    ("Three gendarmes and a civilian died during the exchange of fire.", 4),
    ("Two officers and nine men were killed when the shell struck the dugout.", 11),
    ("The death toll in the uprising was put at between 200 and 300.", 200),
    ("Twenty-four civilians are known to have perished.", 24),
    ("The bombing of the port killed upward of a hundred dockworkers.", 100),
    ("Eleven guerrillas were reported slain in the encounter.", 11),
    ("Soldiers killed 5 guerrillas and captured 3 in the encounter.", 5),
    ("Police say the bandits killed 7 travellers and made off with their goods.", 7),
    ("Two insurgents died when the bomb they were planting went off early.", 2),
]


#: Phrasings the reader still gets wrong: a person named by a compound or a possessive, a
#: death told after another verb, the gunman killed by the police after the shooting, a count
#: of killings.
KNOWN_MISSES: list[tuple[str, int]] = [
    ("A gunman shot dead three people and wounded four before being killed by police.", 4),
    ("The raid killed the group's deputy leader.", 1),
    ("Eight farmers were abducted and later found dead.", 8),
    ("Rights monitors documented 58 killings in the district in the attack.", 58),
    # Of the batch above: deaths told by a verb of no violence (shared with the date grammar),
    # victims named only by the burial, a figure without its noun
    # after "and", and the dead told as those who did not survive.
    ("The 12 victims were buried in a mass grave.", 12),
    ("Two people suffocated in the basement.", 2),
    ("Three children drowned as their boat capsized while fleeing the shelling.", 3),
    ("The rebels lost 15 fighters and the army four.", 19),
    ("Only one of the seven crew survived.", 6),
    # Of the fourth batch: "shooting" told of people who may have lived.
    (
        "Witnesses said the militiamen moved through the village, shooting at least 30 men and boys before setting the huts ablaze.",
        30,
    ),
    # Of the fifth batch: an idiom of death ("went down with the ship"), and a toll of four
    # days of fighting told in the past (the reader keeps it as the event's).
    ("Twenty-eight sailors went down with the ship.", 28),
    ("A truce was agreed after four days of fighting that left some 90 dead.", None),
]


@pytest.mark.parametrize(("sentence", "killed"), ONE_SENTENCE)
def test_the_toll_a_sentence_tells(sentence: str, killed: int | None) -> None:
    assert casualties(sentence).killed == killed


#: (report, its event's sentence, deaths an ACLED coder would code; 0 when it tells none).
IN_A_REPORT: list[tuple[str, str, int]] = [
    (
        "A shell hit the school on Monday, killing nine people. The dead included four children.",
        "A shell hit the school on Monday, killing nine people.",
        9,
    ),
    (
        "Gunmen attacked a police post overnight. Two officers were killed, a spokesman said.",
        "Gunmen attacked a police post overnight.",
        2,
    ),
    (
        "Five people were killed in the strike. Two of the wounded later died in hospital.",
        "Five people were killed in the strike.",
        7,
    ),
    (
        "Initial reports said 23 were killed. Officials later revised the figure to 17.",
        "Initial reports said 23 were killed.",
        17,
    ),
    (
        "Raiders attacked the mine at night, killing 16 miners, a union leader said. "
        "The provincial police put the toll at 12.",
        "Raiders attacked the mine at night, killing 16 miners, a union leader said.",
        12,
    ),
    (
        "Raiders attacked the mine at night, killing 16 miners, a union leader said. "
        "Two guards were also killed, police said.",
        "Raiders attacked the mine at night, killing 16 miners, a union leader said.",
        18,
    ),
    (
        "Rebels said they had killed 40 soldiers in the assault on the base. An army spokesman said 12 soldiers died.",
        "Rebels said they had killed 40 soldiers in the assault on the base.",
        12,
    ),
    (
        "Jets struck the market on Friday. The war has killed 20,000 people since it began. "
        "Medics said 14 people died in the strike.",
        "Jets struck the market on Friday.",
        14,
    ),
    (
        "Drones struck a fuel depot on the outskirts on Sunday. Three workers were killed, the company said. Two more died later in hospital.",
        "Drones struck a fuel depot on the outskirts on Sunday.",
        5,
    ),
    (
        "Gunmen stormed a church during a service. The attackers killed 11 worshippers, according to a priest. The army later said the toll was nine.",
        "Gunmen stormed a church during a service.",
        9,
    ),
    (
        "A car bomb exploded near the market on Monday, killing 14 people. Last month, a similar bombing killed 30 in the same district.",
        "A car bomb exploded near the market on Monday, killing 14 people.",
        14,
    ),
    (
        "Separatists ambushed a patrol near the border. Officials did not give a toll.",
        "Separatists ambushed a patrol near the border.",
        0,
    ),
    (
        "Insurgents attacked an army base in Hollin at dawn. The assault was repelled after several hours of fighting. Eleven soldiers and 20 insurgents were killed, the army said.",
        "Insurgents attacked an army base in Hollin at dawn.",
        31,
    ),
    (
        "Warplanes bombed a market in Selva on Wednesday. The bombing killed at least 23 people. Aid groups said the toll could rise.",
        "Warplanes bombed a market in Selva on Wednesday.",
        23,
    ),
    (
        "Gunmen killed a police officer in Vantor on Sunday. In a separate attack, a bomb killed seven people at a bus station in Ryll.",
        "Gunmen killed a police officer in Vantor on Sunday.",
        1,
    ),
    (
        "A suicide bomber attacked a rally in Kosh. At least 40 people were killed and more than 100 wounded. Last year, a similar attack in the city killed 60.",
        "A suicide bomber attacked a rally in Kosh.",
        40,
    ),
    (
        "Rebels seized the town of Pell after heavy fighting. Residents said dozens of fighters were killed. A hospital in the town later counted 37 bodies.",
        "Rebels seized the town of Pell after heavy fighting.",
        37,
    ),
    (
        "A bomb went off at a bus depot on Monday, killing five people. Windows shattered across the street. "
        "Nobody said who planted it.\n\nBy evening the police said the toll had risen to 13.",
        "A bomb went off at a bus depot on Monday, killing five people.",
        13,
    ),
    (
        "A shell hit the bus station, killing four. Medics feared the toll would rise. By night it had risen to seven.",
        "A shell hit the bus station, killing four.",
        7,
    ),
    (
        "Drones struck a wedding party, killing six guests. Two more died overnight, bringing the toll to eight.",
        "Drones struck a wedding party, killing six guests.",
        8,
    ),
    (
        "The district governor said 30 people died in the raid. Independent monitors counted 18 dead.",
        "The district governor said 30 people died in the raid.",
        18,
    ),
    (
        "Gunmen killed 12 villagers in the raid, police said. Two soldiers were also killed, the army said.",
        "Gunmen killed 12 villagers in the raid, police said.",
        14,
    ),
    (
        "Troops clashed with rebels on Friday. The previous clash there, in May, left nine dead.",
        "Troops clashed with rebels on Friday.",
        0,
    ),
    (
        "Troops clashed with militants near Orra on Thursday. No casualty figures were given.",
        "Troops clashed with militants near Orra on Thursday.",
        0,
    ),
    (
        "An airstrike hit a house in Benna on Friday. A family of six was killed, relatives said.",
        "An airstrike hit a house in Benna on Friday.",
        6,
    ),
    (
        "The army shelled Karos overnight. A woman was killed and her two children were wounded, the local council said.",
        "The army shelled Karos overnight.",
        1,
    ),
    (
        "Militants attacked a village near Tamb on Saturday, killing nine people. The attack came two days after 15 people were killed in a raid on a nearby market.",
        "Militants attacked a village near Tamb on Saturday, killing nine people.",
        9,
    ),
    (
        "Fighting erupted in Dalo on Monday. The violence has killed over 200 people since January.",
        "Fighting erupted in Dalo on Monday.",
        0,
    ),
    (
        "A roadside bomb hit a convoy near Fenn. Two peacekeepers were killed. A third died of his wounds on Tuesday.",
        "A roadside bomb hit a convoy near Fenn.",
        3,
    ),
    (
        "Police fired on protesters in Irsa, killing four. Organisers said at least nine protesters died.",
        "Police fired on protesters in Irsa, killing four.",
        4,
    ),
    (
        "Armed men abducted 30 students from a school in Gara. Two guards were killed during the raid.",
        "Armed men abducted 30 students from a school in Gara.",
        2,
    ),
    (
        "Artillery struck a hospital in Vell. The strike killed a nurse and three patients, the health ministry said, and wounded 12 others.",
        "Artillery struck a hospital in Vell.",
        4,
    ),
    (
        "A boat carrying displaced families was fired on near Sorn. Eight bodies were recovered; 12 people remain missing.",
        "A boat carrying displaced families was fired on near Sorn.",
        8,
    ),
    (
        "Rebels shelled the town of Vara on Monday. Seven civilians died. Twenty more were wounded, the mayor said.",
        "Rebels shelled the town of Vara on Monday.",
        7,
    ),
    (
        'Troops raided a militant hideout near Sull. "We killed 15 terrorists," the army spokesman said. Residents said eight people were killed, including civilians.',
        "Troops raided a militant hideout near Sull.",
        8,
    ),
    (
        "A car bomb went off outside a police station in Marr on Friday, killing four officers. Police later raised the toll to six.",
        "A car bomb went off outside a police station in Marr on Friday, killing four officers.",
        6,
    ),
    (
        "Airstrikes hit the refinery at Toll Point. There was no word on casualties.",
        "Airstrikes hit the refinery at Toll Point.",
        0,
    ),
    (
        "Rebels said they overran a base near Kesh and killed 30 soldiers. The army said four soldiers died.",
        "Rebels said they overran a base near Kesh and killed 30 soldiers.",
        4,
    ),
    (
        "The army said its troops killed 30 militants near Kesh. Residents said 11 people died.",
        "The army said its troops killed 30 militants near Kesh.",
        11,
    ),
    (
        "Troops beat back an attack on Mira, the army said, adding that 40 attackers were neutralised. "
        "A local official said 12 attackers were killed.",
        "Troops beat back an attack on Mira, the army said, adding that 40 attackers were neutralised.",
        12,
    ),
    (
        "Troops beat back an attack on Mira, the army said, adding that 40 attackers were neutralised.",
        "Troops beat back an attack on Mira, the army said, adding that 40 attackers were neutralised.",
        40,
    ),
    (
        "Gunmen ambushed a bus on the highway near Bera, killing 11 passengers. Security forces killed two of the gunmen in a shootout later that day.",
        "Gunmen ambushed a bus on the highway near Bera, killing 11 passengers.",
        13,
    ),
    # Each side's dead told in a sentence of its own are summed (ACLED counts every death).
    (
        "Troops killed nine rebels near Kesh. Three soldiers were killed in the fighting.",
        "Troops killed nine rebels near Kesh.",
        12,
    ),
    (
        "Three policemen were killed in a raid on Kesh. Two attackers died as well.",
        "Three policemen were killed in a raid on Kesh.",
        5,
    ),
    # Not the same group told again, nor a side's account of its own dead.
    (
        "Rebels killed 11 soldiers near Kesh. Seven soldiers were killed in the first hour of the assault.",
        "Rebels killed 11 soldiers near Kesh.",
        11,
    ),
    (
        "Troops killed nine rebels near Kesh. The rebels said three of their fighters were killed.",
        "Troops killed nine rebels near Kesh.",
        9,
    ),
    (
        "Troops killed nine rebels near Kesh. Three of their fighters were killed, the group said.",
        "Troops killed nine rebels near Kesh.",
        9,
    ),
    (
        "Gunmen killed 12 people near Kesh. Three soldiers were killed.",
        "Gunmen killed 12 people near Kesh.",
        12,
    ),
    # The batch of reports written with the sentences above (13 of 16 read right before).
    (
        "Shells fell on the bus station on Monday morning. Seven people died at the scene. Hospital officials said three more died of their wounds overnight.",
        "Shells fell on the bus station on Monday morning.",
        10,
    ),
    (
        "Gunmen raided a farming village late on Sunday. Survivors counted 14 bodies. The police later gave a lower figure of 11 dead.",
        "Gunmen raided a farming village late on Sunday.",
        11,
    ),
    (
        "An airstrike hit a school. The rebels, who control the area, said 40 children were killed. The air force denied hitting civilians.",
        "An airstrike hit a school.",
        40,
    ),
    (
        "Militants attacked a checkpoint on Friday. The army said its soldiers killed 12 of the attackers and lost two men.",
        "Militants attacked a checkpoint on Friday.",
        14,
    ),
    (
        "Clashes broke out between two clans over a well. Elders said the fighting left about 20 people dead, while police said 16 were killed.",
        "Clashes broke out between two clans over a well.",
        16,
    ),
    (
        "A car bomb exploded outside a hotel on Thursday. The death toll climbed to 19 on Friday as more victims died in hospital.",
        "A car bomb exploded outside a hotel on Thursday.",
        19,
    ),
    (
        "Security forces raided a hideout on Tuesday. Five suspected militants were killed. Two officers were wounded.",
        "Security forces raided a hideout on Tuesday.",
        5,
    ),
    (
        "A drone hit a car on the main road. All four people inside were killed.",
        "A drone hit a car on the main road.",
        4,
    ),
    (
        "Fighters overran an army post on Wednesday. Scores of soldiers were killed, residents said.",
        "Fighters overran an army post on Wednesday.",
        20,
    ),
    (
        "Artillery pounded the market. Many people were killed, witnesses said.",
        "Artillery pounded the market.",
        10,
    ),
    (
        "Troops fought insurgents near the dam on Saturday. No casualties were reported among the troops, the army said, while 9 insurgents were killed.",
        "Troops fought insurgents near the dam on Saturday.",
        9,
    ),
    (
        "A mortar attack hit a camp for displaced people. Three residents died. A week earlier, shelling killed 11 in the same camp.",
        "A mortar attack hit a camp for displaced people.",
        3,
    ),
    (
        "Police opened fire on protesters on Monday. A rights group said 8 were killed; the government gave a toll of 3.",
        "Police opened fire on protesters on Monday.",
        3,
    ),
    (
        "Gunmen ambushed a bus carrying miners. The company said 17 workers lost their lives and five were missing.",
        "Gunmen ambushed a bus carrying miners.",
        17,
    ),
    (
        "Insurgents attacked a convoy on the highway. The death toll from the attack was later revised down to six from nine.",
        "Insurgents attacked a convoy on the highway.",
        6,
    ),
    (
        "A bomb hit a minibus on Tuesday. Four passengers were killed. The driver was also killed.",
        "A bomb hit a minibus on Tuesday.",
        5,
    ),
    # The second batch's reports (11 of 15 read right before it).
    (
        "Artillery shells hit a residential block on Saturday. Emergency services said nine residents had died, and 30 more were injured.",
        "Artillery shells hit a residential block on Saturday.",
        9,
    ),
    (
        "Government jets bombed a rebel base on Tuesday. The rebels said 18 of their fighters died; the government claimed to have killed more than 100.",
        "Government jets bombed a rebel base on Tuesday.",
        18,
    ),
    (
        "Two armed groups fought for control of the mine on Wednesday. Local sources counted 25 bodies. A week later, the toll was revised to 31.",
        "Two armed groups fought for control of the mine on Wednesday.",
        31,
    ),
    (
        "Police clashed with protesters in the capital on Friday. Two protesters were killed, according to a rights group. Police denied using live fire.",
        "Police clashed with protesters in the capital on Friday.",
        2,
    ),
    (
        "Drones struck two vehicles on the road on Tuesday. Seven people were killed in the first car and four in the second.",
        "Drones struck two vehicles on the road on Tuesday.",
        11,
    ),
    (
        "A bomb exploded in a cafe on Saturday. No group claimed the attack. The blast killed the owner and two customers.",
        "A bomb exploded in a cafe on Saturday.",
        3,
    ),
    (
        "Fighting raged around the airport all day on Monday. By nightfall, medics had counted 16 dead among the defenders and an unknown number among the attackers.",
        "Fighting raged around the airport all day on Monday.",
        16,
    ),
    (
        "Bandits raided a village on Sunday, killing 12 people. On Monday the toll rose to 15 after three of the injured died.",
        "Bandits raided a village on Sunday, killing 12 people.",
        15,
    ),
    (
        "Fighters ambushed an army patrol on Wednesday. The army said it lost nine men. The insurgents said they killed 30 soldiers.",
        "Fighters ambushed an army patrol on Wednesday.",
        9,
    ),
    (
        "Shells hit a queue outside a bakery on Friday. At least 20 people were killed. Officials said the toll was likely to rise.",
        "Shells hit a queue outside a bakery on Friday.",
        20,
    ),
    (
        "Jets struck a wedding party on Thursday. The dead numbered 27, among them 10 children.",
        "Jets struck a wedding party on Thursday.",
        27,
    ),
    (
        "Troops stormed a militant hideout on Saturday. The operation left 6 militants and 1 soldier dead.",
        "Troops stormed a militant hideout on Saturday.",
        7,
    ),
    (
        "Insurgents attacked a police station on Thursday night. Two officers died in the assault. Police said they had killed five of the attackers.",
        "Insurgents attacked a police station on Thursday night.",
        7,
    ),
    # The fourth batch's reports (7 of 8 right before it).
    (
        "Rebels attacked the garrison at dawn. The fighting lasted until noon. By the evening, the army had confirmed the deaths of 15 soldiers.",
        "Rebels attacked the garrison at dawn.",
        15,
    ),
    (
        "A car bomb exploded outside the governor's office on Monday. Four people died. On Wednesday, hospital officials said two of the injured had died, bringing the toll to six.",
        "A car bomb exploded outside the governor's office on Monday.",
        6,
    ),
    (
        "Militiamen raided a camp for displaced people on Friday night. Aid workers said 23 people were killed. The militia denied involvement.",
        "Militiamen raided a camp for displaced people on Friday night.",
        23,
    ),
    (
        "Troops repelled an attack on a border post on Sunday. Seven attackers were killed, the army said, and one soldier was lightly wounded.",
        "Troops repelled an attack on a border post on Sunday.",
        7,
    ),
    (
        "A drone strike hit a vehicle on the coastal road on Tuesday. Local sources said the strike killed a commander of the group and his driver.",
        "A drone strike hit a vehicle on the coastal road on Tuesday.",
        2,
    ),
    (
        "Insurgents overran a police station on Saturday. Eleven officers were missing and feared dead, a police source said.",
        "Insurgents overran a police station on Saturday.",
        11,
    ),
    (
        "An explosion tore through a bus on Thursday. The interior ministry said nine people were killed. A hospital official gave a toll of 12.",
        "An explosion tore through a bus on Thursday.",
        9,
    ),
    (
        "Government forces shelled the rebel-held town on Wednesday. Residents said dozens were killed. A local doctor later said he had counted 27 bodies.",
        "Government forces shelled the rebel-held town on Wednesday.",
        27,
    ),
    # The fifth batch's reports (3 of 6 right before it).
    (
        "Insurgents ambushed a supply column in the hills on Thursday. Of the 60 men in the column, 19 were killed and 12 captured.",
        "Insurgents ambushed a supply column in the hills on Thursday.",
        19,
    ),
    (
        "Troops fired on a crowd of strikers at the mine gates. Eleven strikers fell dead; many more were hurt.",
        "Troops fired on a crowd of strikers at the mine gates.",
        11,
    ),
    (
        "A bomb went off in the officers' mess on Sunday evening. Three officers were killed outright. A fourth died of his injuries on Monday.",
        "A bomb went off in the officers' mess on Sunday evening.",
        4,
    ),
    (
        "Partisans derailed a troop train near the river crossing. The occupation authorities admitted 22 dead; the partisans claimed over 200.",
        "Partisans derailed a troop train near the river crossing.",
        22,
    ),
]


@pytest.mark.xfail(strict=True, reason="not read yet")
@pytest.mark.parametrize(("sentence", "killed"), KNOWN_MISSES)
def test_phrasings_not_read_yet(sentence: str, killed: int) -> None:
    assert casualties(sentence).killed == killed


#: Reports the reader still gets wrong: a side's claim that the other side's account of the same
#: dead denies (ACLED takes the more conservative account), and four more below.
KNOWN_REPORT_MISSES: list[tuple[str, str, int]] = [
    (
        "Rebels shelled the airport on Sunday. A rebel commander said 'around 50' soldiers had died, but the defence ministry said two soldiers were lightly wounded.",
        "Rebels shelled the airport on Sunday.",
        0,
    ),
    # A bomber told apart ("besides the bomber"), the body of one more found later.
    (
        "A suicide bomber struck a checkpoint on Monday. Besides the bomber, four soldiers died.",
        "A suicide bomber struck a checkpoint on Monday.",
        5,
    ),
    (
        "Gunmen attacked a convoy of traders on Sunday. Three traders were shot dead on the road, and the body of a fourth was found the next day.",
        "Gunmen attacked a convoy of traders on Sunday.",
        4,
    ),
    # A side's own losses after the enemy's dead ("Our own losses were two killed"), and a later
    # count that gives its figure with no word of the dead ("a later count ... gave 26").
    (
        "The garrison beat off a night attack. Enemy dead were counted at 38. Our own losses were two killed.",
        "The garrison beat off a night attack.",
        40,
    ),
    (
        "The rebels bombarded the port for a second night. The governor said 30 were dead. A later count by the Red Cross gave 26.",
        "The rebels bombarded the port for a second night.",
        26,
    ),
]


@pytest.mark.xfail(strict=True, reason="not read yet")
@pytest.mark.parametrize(("text", "quote", "killed"), KNOWN_REPORT_MISSES)
def test_reports_not_read_yet(text: str, quote: str, killed: int) -> None:
    assert (casualties_in_text(text, quote).killed or 0) == killed


@pytest.mark.parametrize(("text", "quote", "killed"), IN_A_REPORT)
def test_the_toll_a_report_tells(text: str, quote: str, killed: int) -> None:
    # A report that tells no toll is coded 0, as ACLED codes it.
    assert (casualties_in_text(text, quote).killed or 0) == killed


#: (sentence, the event's place as written, deaths an ACLED coder would code at that place).
PER_PLACE: list[tuple[str, str, int | None]] = [
    ("Shelling killed two people in Orvik and three in nearby Talsa, the governor said.", "Talsa", 3),
    ("Shelling killed two people in Orvik and three in nearby Talsa, the governor said.", "Orvik", 2),
    ("A drone hit a bus in Merin, killing five, while two soldiers died in clashes near Kessa.", "Kessa", 2),
    ("A drone hit a bus in Merin, killing five, while two soldiers died in clashes near Kessa.", "Merin", 5),
    ("Four people were killed in Drava on Monday and six more in Lusk on Tuesday.", "Lusk", 6),
    # An earlier happening's toll is not this event's, unless the earlier happening is its own.
    ("Two days earlier, a mortar round hit a school in Varna, killing three pupils.", "Varna", 3),
    ("Two days earlier, a mortar round hit a school in Varna, killing three pupils.", "Tolsk", None),
]


@pytest.mark.parametrize(("sentence", "place", "killed"), PER_PLACE)
def test_the_toll_a_sentence_tells_of_one_place(sentence: str, place: str, killed: int | None) -> None:
    assert casualties(sentence, place=place).killed == killed


def test_a_participle_the_parse_hangs_on_a_second_clause_keeps_the_toll_of_its_own_place(pipeline) -> None:
    text = "Missiles struck Odesa overnight, killing four people, and a drone hit a hotel in Kharkiv, where one guest died."
    assert report_figures(pipeline, text) == {"Odesa": 4, "Kharkiv": 1}


def test_an_event_told_as_earlier_than_another_keeps_its_own_toll(pipeline) -> None:
    text = (
        "Fighting between two militias in Kadugli left six dead, officials said. "
        "A day earlier, a shell struck a clinic in Dilling, killing two patients."
    )
    assert report_figures(pipeline, text) == {"Kadugli": 6, "Dilling": 2}


#: Of the places of ``tests.toll_reports`` (211), how many the pipeline gives the right deaths.
REPORTS_RIGHT = 201


def test_most_places_of_short_multi_event_reports_get_their_own_toll(pipeline) -> None:
    assert PLACES - len(misses(pipeline)) >= REPORTS_RIGHT


def test_a_happening_dated_months_before_the_event_lends_it_no_toll(pipeline) -> None:
    text = "Militia fighters attacked Kalemie on Tuesday. The port was shelled in June, when 18 people died."
    events = pipeline.events(Article(text, published=date(2025, 3, 4), article_id="past-toll"))
    assert [(e.mention, e.fatalities) for e in events if e.event_type == "frontline"] == [("Kalemie", 0)]


def test_a_toll_dated_the_day_before_the_report_that_tells_it_is_the_happenings(pipeline) -> None:
    text = (
        "The rebels said on Thursday they had taken Kalemie after fighting the previous day. "
        "Twelve of their fighters died in Wednesday's battle, a commander said."
    )
    assert report_figures(pipeline, text) == {"Kalemie": 12}
