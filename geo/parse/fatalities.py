"""Reported deaths and wounded in the sentences that tell an event, coded as ACLED codes them.

A figure counts only when the text ties it to a death or an injury: "killed at least 12",
"three soldiers died", "the death toll rose to 40", "two dead and five wounded". Vague
quantities take the values of ACLED's codebook ("several"/"many"/"a number of" 10, "dozens"
12, "hundreds" 100, "a few" 3, "tens" 10); a stated floor ("at least 12", "more than 100")
is the figure, and a range ("10 to 15") its lowest end, the most conservative estimate.
Background tolls ("the war has killed 500,000 since 2011", "so far this year") are not the
event's and are skipped, and so are subsets ("including five children"). When several
reports of one event disagree, the event's figure is the lowest of them
(``lowest_reported``), not their sum.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.parse.numbers import NUMBER_WORDS
from geo.parse.wordspots import word_spots

KILLED, WOUNDED, TOLL = "killed", "wounded", "toll"

MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

#: Vague quantities by ACLED's codebook: the conservative reading of each word.
VAGUE_QUANTITIES: dict[str, int] = {
    "several": 10,
    "many": 10,
    "numerous": 10,
    "tens": 10,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
}
#: Several-word vague quantities, tried before single words.
VAGUE_PHRASES: tuple[tuple[tuple[str, ...], int], ...] = (
    (("a", "number", "of"), 10),
    (("a", "few"), 3),
    (("a", "handful", "of"), 3),
    (("half", "a", "dozen"), 6),
    (("a", "couple", "of"), 2),
    (("a", "score", "of"), 20),
    (("a", "dozen"), 12),
    (("a", "hundred"), 100),
    (("dozens", "of"), 12),
    (("scores", "of"), 20),
    (("hundreds", "of"), 100),
    (("thousands", "of"), 1000),
    (("tens", "of", "thousands"), 10_000),
    (("hundreds", "of", "thousands"), 100_000),
    (("tens", "of"), 10),
    # "two soldiers and an unknown number of militants were killed": no figure of its own (the
    # known two are the toll), but a member of the list, so the two are counted as dead.
    *((("an", word, "number", "of"), 0) for word in ("unknown", "undisclosed", "unspecified", "unconfirmed")),
)

#: Words that say a figure is of the dead, after the figure ("two killed", "12 people died").
DEATH_AFTER = frozenset(
    {
        "killed",
        "dead",
        "died",
        "deaths",
        "death",
        "fatalities",
        "slain",
        "perished",
        "lifeless",
        "bodies",
        "lives",
        "coffins",
    }
    | {"neutralised", "neutralized"}
    | {"massacred", "executed", "murdered", "slaughtered", "beheaded", "gunned", "lynched"}
    # "two servicemen were martyred", "three more succumbed to their wounds".
    | {"martyred", "succumbed"}
)
#: What "lost" or "losing" a number of counts as deaths: people, not equipment or ground.
LOST_PEOPLE = frozenset(
    {"men", "soldiers", "troops", "fighters", "servicemen", "lives", "people", "personnel", "officers", "members"}
)
WOUNDED_AFTER = frozenset({"wounded", "injured", "hurt", "injuries", "maimed"})
#: Verbs that take the figure of dead or wounded as their object ("killing three", "wounded 40").
DEATH_BEFORE = frozenset(
    {"killed", "killing", "kills", "kill", "killed:", "dead:", "losing", "lost", "neutralising", "neutralizing"}
    | {"neutralised", "neutralized"}
    # "mourners buried 14 people": only the dead are buried.
    | {"buried", "burying", "buries"}
    | {"executed", "executing", "massacred", "massacring", "murdered", "murdering", "slaughtered", "beheaded"}
)
WOUNDED_BEFORE = frozenset({"wounded", "wounding", "injured", "injuring", "wounds", "injures"})
#: "the death toll rose to 40", "a toll of 12".
TOLL_WORDS = frozenset({"toll"})
#: "the number killed has risen to six": a toll when a death word comes before.
TOLL_VERBS = frozenset(
    {"risen", "rose", "rises", "climbed", "climbs", "reached", "stood", "stands", "increased", "jumped"}
    | {"numbered", "totalled", "totaled"}
)

#: Words allowed between a figure and the death word after it ("three Ukrainian soldiers
#: were reportedly killed"); anything else (a verb, another figure) breaks the link.
LINK_FILLERS = frozenset(
    {
        "were",
        "was",
        "are",
        "is",
        "been",
        "have",
        "has",
        "had",
        "being",
        # "nineteen insurgents lay dead in the street": a verb of state before "dead".
        "lay",
        "lie",
        "lying",
        # "eleven strikers fell dead"
        "fell",
        "reportedly",
        "later",
        "also",
        "all",
        "of",
        "them",
        "whom",
        "who",
        "people",
        "persons",
        "person",
        "civilians",
        "civilian",
        "soldiers",
        "soldier",
        "servicemen",
        "troops",
        "fighters",
        "militants",
        "insurgents",
        "rebels",
        "police",
        "policemen",
        "officers",
        "members",
        "children",
        "child",
        "women",
        "men",
        "man",
        "woman",
        "boy",
        "girl",
        "residents",
        "villagers",
        "workers",
        "staff",
        "journalists",
        "medics",
        "paramedics",
        "passengers",
        "others",
        "more",
        "other",
        "ukrainian",
        "russian",
        "israeli",
        "palestinian",
        "sudanese",
        "syrian",
        "lebanese",
        "somali",
        "malian",
        "burkinabe",
        "congolese",
        "yemeni",
        "afghan",
        "pakistani",
        "nigerian",
        "government",
        "army",
        "security",
        "military",
        "local",
        "aid",
        "in",
        "the",
        "attack",
        "strike",
        "strikes",
        "blast",
        "explosion",
        "fighting",
        "clashes",
        "shelling",
        "raid",
        "and",
        "or",
        "instantly",
        # "all four people inside were killed": where they were, not a verb of their own.
        "inside",
        "aboard",
        "onboard",
        "immediately",
        "confirmed",
        "found",
        "discovered",
        "reported",
        "believed",
        "feared",
        # "eleven officers were missing and feared dead"
        "missing",
        # "up to 40 people may have been killed": a modal is part of the passive verb group.
        "may",
        "might",
        "could",
        "would",
        "known",
        "thought",
        "presumed",
        "likely",
        "to",
        "be",
        "now",
        "at",
        "least",
        "seriously",
        "critically",
        "badly",
        "lightly",
        "severely",
        "fatally",
        "mortally",
        "lost",
        "from",
        "both",
        "each",
        "sides",
        "side",
        "on",
        "one",
        "family",
        "families",
        "household",
        "same",
        "his",
        "her",
        "their",
        "our",
        "its",
        # "30 militants had been \"neutralised\"": a word in quotes is still the death word.
        '"',
        "\u201c",
        "\u201d",
        "'",
        "\u2018",
        "\u2019",
        # "burned to death", "beaten to death", "shot dead": the death word comes after.
        "burned",
        "burnt",
        "stabbed",
        "beaten",
        "hacked",
        "crushed",
        "starved",
        "shot",
    }
)
#: Words that may stand between a verb and its figure ("killed at least 12", "wounded more than 40").
QUALIFIERS = frozenset(
    {
        "at",
        "least",
        "more",
        "than",
        "over",
        "nearly",
        "almost",
        "around",
        "about",
        "some",
        "an",
        "estimated",
        "roughly",
        "approximately",
        "up",
        "to",
        "as",
        "many",
        "another",
        "further",
        "a",
        "total",
        "of",
        "reportedly",
        "between",
        "all",  # "killing all four gunmen"
        "only",  # "they lost only nine fighters"
        "both",  # "killed both the driver and his passenger"
        # "killed upwards of 60", "no fewer than 40", "not less than 40": a floor, told another way.
        "upwards",
        "upward",
        "no",
        "not",
        "fewer",
        "less",
        # 'had killed "many" soldiers': a figure in quotes.
        '"',
        "\u201c",
        "'",
        "\u2018",
    }
)
#: "a resident said": the person is a source, not a victim.
SPEECH_VERBS = frozenset({"said", "says", "told", "reported", "added", "recalled", "explained"})
#: A figure after these is part of one already counted ("including five children").
SUBSET_CUES = frozenset({"including", "among", "incl", "included"})
#: People a lone "a"/"an"/"one" may count ("a soldier was killed", "killing a woman").
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "child",
        "boy",
        "girl",
        "soldier",
        "civilian",
        "person",
        "fighter",
        "officer",
        "policeman",
        "journalist",
        "medic",
        "paramedic",
        "worker",
        "resident",
        "villager",
        "teenager",
        "farmer",
        "driver",
        "serviceman",
        "commander",
        "militant",
        "student",
        "volunteer",
        "passenger",
        "patient",
        "pensioner",
        "doctor",
        "nurse",
        "guard",
        "peacekeeper",
        "teacher",
        "mother",
        "father",
        "son",
        "daughter",
        "grandson",
        "granddaughter",
        "grandfather",
        "grandmother",
        "grandchild",
        "nephew",
        "niece",
        "uncle",
        "aunt",
        "cousin",
        "wife",
        "husband",
        "brother",
        "sister",
        "baby",
        "infant",
        "toddler",
        "imam",
        "priest",
        "monk",
        "elder",
        "mayor",
        "shepherd",
        "fisherman",
        "trader",
        "vendor",
        "governor",
        "chief",
        "leader",
        "official",
        "lawmaker",
        "minister",
        "judge",
        "bodyguard",
        "pilot",
        "sergeant",
        "colonel",
        "general",
        "captain",
        "lieutenant",
        # Not "rebel", "bomber" or "refugee": they also qualify other words ("a rebel
        # attack", "a suicide bomber killed ...") or are the attackers themselves.
        "protester",
        "protestor",
        "demonstrator",
        "militiaman",
        "hostage",
        "detainee",
        "herdsman",
        "reporter",
        "photographer",
        "cameraman",
        "rescuer",
        "firefighter",
        "policewoman",
        "gendarme",
        "ranger",
        "engineer",
        "deputy",
        # civic life's people, whom attacks on local officials kill one at a time
        "headman",
        "councillor",
        "chairman",
        "cleric",
        "activist",
        "businessman",
    }
)
MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
#: Units that make a figure something else than people ("12 km", "5 am", "three days").
_UNITS = frozenset(
    {
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "am",
        "pm",
        "days",
        "day",
        "weeks",
        "months",
        "years",
        "hours",
        "minutes",
        "percent",
        "%",
        "tonnes",
        "tons",
        # Weights and volumes: "buried 300 kg of explosives under the road" counts no dead.
        "kg",
        "kgs",
        "kilograms",
        "kilogrammes",
        "kilos",
        "grams",
        "litres",
        "liters",
        "gallons",
        "hectares",
        "acres",
        "times",
        "million",
        "billion",
    }
)
#: Things a war destroys or fires that a figure may count ("12 trucks", "30 rockets", "50 huts").
_THINGS = frozenset(
    {
        "trucks",
        "lorries",
        "tanks",
        "vehicles",
        "helicopters",
        "aircraft",
        "planes",
        "jets",
        "warplanes",
        "boats",
        "ships",
        "vessels",
        "drones",
        "missiles",
        "rockets",
        "shells",
        "rifles",
        "guns",
        "mines",
        "landmines",
        "bombs",
        "grenades",
        "rounds",
        "bullets",
        "weapons",
        "buildings",
        "homes",
        "houses",
        "huts",
        "shops",
        "villages",
        "towns",
    }
)
#: Money: "seized 5 million dinars" counts no one. Currencies of the language in general.
_MONEY = frozenset({"dollars", "euros", "pounds", "francs", "dinars", "rupees", "shillings", "naira", "birr"})
#: Animals and livestock, which a raid kills as it kills people ("killed 40 cattle", "60 head
#: of cattle", "killed two birds with one stone"): the nouns of the language in general for
#: the animals people keep or hunt, as the dead of a report may be named by any noun of people.
_ANIMALS = frozenset(
    {
        "animals",
        "livestock",
        "cattle",
        "cows",
        "bulls",
        "oxen",
        "calves",
        "head",
        "goats",
        "sheep",
        "camels",
        "donkeys",
        "horses",
        "mules",
        "pigs",
        "dogs",
        "chickens",
        "hens",
        "birds",
        "poultry",
        "elephants",
        "buffalo",
        "buffaloes",
    }
)
#: Nouns a figure counts that are plainly not people.
NOT_PEOPLE = _UNITS | _THINGS | _MONEY | _ANIMALS
#: Collective nouns: "and his family", "and its crew", "and his flock" name a group of no told
#: size, not one more person.
GROUP_NOUNS = frozenset(
    {"family", "household", "clan", "tribe", "crew", "team", "unit", "group", "escort", "convoy", "flock", "herd"}
)
#: A toll about a whole war or a period, not about this event: the clause holding one is skipped.
BACKGROUND = re.compile(
    # "since March", not "the toll has since risen" (an adverb of the perfect), nor "since
    # Thursday", "since Thursday's offensive": a few days' fighting is the happening's own toll.
    r"(?<!\bhas )(?<!\bhave )(?<!\bhad )\bsince\b(?!\s+(?:(?:early|late)\s+)?(?:(?:monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)(?:'s)?|yesterday|dawn|daybreak|the weekend|last night|this morning)\b)|\bso far\b|\bthis year\b|\blast year\b|\bin total\b|\baltogether\b|\boverall\b"
    r"|\bcumulative\b|\bthroughout\b|\bover the (?:past|last)\b"
    r"|\b(?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?) (?:after|before)\b"
    r"|\b(?:an earlier|a previous|a similar|the previous|the last)"
    r" (?:attack|strike|raid|bombing|ambush|assault|clash|battle|massacre|shelling|offensive)\b"
    # "the toll of the week rose to 30", "the day's toll": a period's dead, many happenings'.
    r"|\b(?:toll|tally) (?:of|for) the (?:day|week|month|year)\b|\b(?:day|week|month|year)'s (?:death )?(?:toll|tally)\b"
    r"|\b(?:a|per|each|every) (?:year|month)\b|\blast (?:week|month|year)\b|\bearlier this (?:week|month)\b|\bthis month\b|\bin the (?:war|conflict)\b"
    r"|\blast (?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b"
    r"|\b(?:war|conflict|fighting|insurgency|invasion|siege|campaign|offensive|violence)\b"
    r"[^.;:]{0,60}?\b(?:has|have|had) (?:killed|left|claimed)\b"
    r"|\b(?:the|a) (?:war|conflict|insurgency|invasion) (?:that|which) (?:has|had)\b|\bof the war\b|\bof the conflict\b"
    # A toll in a relative clause in the perfect ("a wave of raids that have left 300 dead",
    # "where rebels have killed hundreds") sums up what came before the event.
    r"|\b(?:which|that|where|who)\b[^.;:]{0,40}?\b(?:has|have)\b(?: \w+)? (?:killed|left|claimed)\b"
    # "..., revising an earlier toll of 40": the figure the event's toll replaces.
    # Not "the first toll given for the assault", which is this one's.
    r"|\b(?:an?|the) (?:earlier|previous) (?:death )?(?:toll|figure|count|estimate|tally) of\b"
    # "a week of clashes has left 200 dead": a span of days' toll told whole, not one event's.
    r"|\b(?:a|one|two|three|four|five|six|seven|several|\d+) (?:days?|weeks?|months?|years?) of"
    r"(?: \w+){1,2} (?:has|have|had) (?:killed|left|claimed)\b"
    r"|\bin the (?:past|last) (?:week|weeks|month|months|year|years|few days|(?:\w+|\d+) (?:days|weeks|months|years))\b",
    re.IGNORECASE,
)
#: The start of a relative clause cut from the clause it tells of (``_clauses``).
_RELATIVE_START = re.compile(r"\W*(?:which|where|when|(?:in|during) which)\b", re.IGNORECASE)
#: An earlier happening's toll told beside this one ("a week earlier, 20 died in a similar raid"),
#: not a follow-up's own happening ("buried the 12 killed in the strike two days earlier").
#: Not the clause's last words: "a bombing that killed four, a day earlier." dates the event itself.
#: Nor a clause that names the event's own place: that earlier happening is the event.
_EARLIER_HAPPENING = re.compile(
    r"(?:^|[,;]\s*)(?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?) (?:earlier|ago)\b(?!\W*$)",
    re.IGNORECASE,
)
#: A running total an event adds to, of a named area or of a whole country ("..., bringing the
#: death toll in Tarsa province to 2,300", "raising the number of people killed in Vesk to
#: 90", "bringing the national toll to 900"): many happenings' dead, not this one's, unlike a
#: toll of the event itself ("raising the death toll to 31", "the toll from Monday's attack").
_RUNNING_TOTAL = re.compile(
    r"^\W*(?:bringing|raising|pushing|taking|brings|raises|pushes|takes)\b[^;]*?"
    r"(?:\b(?:toll|tally|number\s+of\s+(?:\w+\s+){0,2}(?:killed|dead|deaths))\s+in\s+(?:the\s+)?[A-Z]"
    r"|\b(?:national|nationwide|countrywide)\s+(?:death\s+)?(?:toll|tally)\b)"
)
#: The present perfect of a toll ("have been killed", "has passed", "have died"): what has
#: been counted up to now.
_SO_FAR = re.compile(
    r"\b(?:has|have)\b(?:\s+\w+)?\s+(?:been\s+)?(?:killed|died|dead|left|claimed|passed|exceeded|surpassed|topped)\b",
    re.IGNORECASE,
)
#: Deaths counted in thousands: told in the present perfect, a war's toll so far.
WAR_SCALE = 1000
#: Nobody died / nobody was hurt.
NO_DEATHS = re.compile(
    r"\b(?:no(?:body| one|-one)(?: was| were)? (?:killed|dead|died|hurt|injured|wounded)|no (?:one|body) died"
    r"|no (?:deaths|fatalities|casualties|victims)|no (?:immediate )?reports? of (?:casualties|deaths|injuries)"
    r"|none of (?:the|them|those)\b[^.;,]{0,40}? (?:was|were) (?:killed|hurt|injured|wounded|harmed)"
    r"|without (?:casualties|loss of life)|no loss of (?:life|lives)|no lives (?:were |was )?lost|(?:caused|causing|there were) no (?:casualties|deaths|injuries)"
    # "the shelling killed no one but ...": the death verb's object is nobody.
    r"|(?:killed|killing|kills) (?:no(?:body| one|-one)|none|no (?!fewer\b|less\b|more\b)\w+)\b)",
    re.IGNORECASE,
)
NO_WOUNDED = re.compile(r"\bno (?:injuries|one was (?:hurt|injured|wounded)|wounded)\b", re.IGNORECASE)

_TOKEN = re.compile(
    r"[a-z]+\d[a-z\d]*|\d+(?:[,.]\d+)*(?:[-\u2013]\d+(?:[,.]\d+)*)?(?:-[a-z]+)*|[a-z]+(?:['\u2019-][a-z]+)*|[^\sa-z\d]",
    re.IGNORECASE,
)
#: A name written in capitals or with a digit ("RSF", "M23"): kept as written among the
#: lower-cased tokens, so a figure may reach its death word past it ("five RSF fighters died").
_NAME_TOKEN = re.compile(r"[A-Z]{2,6}|[A-Z]+\d[A-Z\d]*")
_CLAUSE_BREAK = frozenset({";", ":", "(", ")", "\u2014", "\u2013", "bringing", "raising", "pushing", "taking"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Casualties:
    """Reported deaths and wounded of one event in one report; ``None`` when not mentioned."""

    killed: int | None = None
    wounded: int | None = None
    #: the deaths are a vague word's value ("dozens were killed"), not a figure written out
    vague: bool = False
    #: the deaths are one side's claim of what it did ("the rebels said they had killed 40")
    claimed: bool = False

    @property
    def reported(self) -> bool:
        return self.killed is not None or self.wounded is not None


@dataclass(frozen=True, slots=True)
class _Figure:
    start: int  # first token
    end: int  # token after the figure
    value: int
    #: a vague word ("dozens", "several"), worth less than any figure written out
    vague: bool = False
    #: the attacker's own death ("blew himself up"), told with no figure of its own
    own: bool = False


@lru_cache(maxsize=2048)
def casualties(sentence: str, *, place: str = "") -> Casualties:
    """Deaths and wounded a sentence reports, skipping background tolls and subsets; with
    ``place`` (as written), those of that place when the sentence gives a figure per place,
    and its share of a toll it tells of several places at once (``_share_of_places``).
    Kept for the sentences last asked about: the event model and the coder each ask it of the
    same sentences, and the coder again for each report of the article."""
    told = _casualties(sentence, place=place)
    if told.killed is None and (all_dead := _all_of_them_counted(sentence)) is not None:
        told = replace(told, killed=all_dead[0])  # "eight gunmen, all of whom were killed"
    told = replace(told, killed=_they_and_more(sentence, told.killed))
    if not place or not told.killed:
        return told
    places = _places_told_together(sentence, place)
    if not places or any(_casualties(sentence, place=other).killed != told.killed for other in places):
        # A figure per place ("two in A and three in B") is each place's own.
        return told
    return replace(told, killed=_share_of_places(sentence, told.killed, places, place))


#: The people a clause just counted, all dead ("eight gunmen, all of whom were killed";
#: "four militants attacked the base; all of them died").
_ALL_OF_THEM = re.compile(
    r"\ball of (?:whom|them) (?:were|was|had been|have been) (?:\w+ )?(?:killed|shot dead)\b"
    r"|\ball of (?:whom|them) (?:\w+ )?died\b",
    re.IGNORECASE,
)


def _all_of_them_counted(sentence: str) -> tuple[int, str] | None:
    """(figure, noun) of the people counted before "all of whom were killed" (``_ALL_OF_THEM``)."""
    told = _ALL_OF_THEM.search(sentence)
    if told is None or BACKGROUND.search(sentence):
        return None
    return _people_counted_last(sentence[: told.start()])


def _people_counted_last(text: str) -> tuple[int, str] | None:
    """(figure, noun) of the last figure of ``text`` when it counts people ("eight gunmen")."""
    words = _tokens(text)
    for at in range(len(words) - 1, -1, -1):
        quantity = parse_quantity(words, at)
        if quantity is not None:
            noun = words[at + quantity[1]] if at + quantity[1] < len(words) else ""
            return (quantity[0], noun) if _names_people(noun) and quantity[0] < WAR_SCALE else None
    return None


#: The people just counted and more, dead together ("four militants attacked the base; they
#: and one soldier died").
_THEY_AND = re.compile(r"\b(?:they|all of them|both of them) and\s+(?=\S)", re.IGNORECASE)


def _they_and_more(sentence: str, killed: int | None) -> int | None:
    """``killed`` read after "they and" with the people "they" are, counted before it."""
    told = _THEY_AND.search(sentence)
    if told is None or not killed or BACKGROUND.search(sentence):
        return killed
    more = parse_quantity(_tokens(sentence[told.end() :]), 0)
    before = _people_counted_last(sentence[: told.start()])
    if more is None or more[0] != killed or before is None:
        return killed
    return killed + before[0]


#: A capitalised name of one or more words ("Tyre", "San Miguel").
_NAME = r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*"
#: Places joined by "and" after a preposition of where ("shelling of A and B", "raids on A, B
#: and C", "in the towns of A and B").
_PLACES_TOGETHER = re.compile(
    r"\b(?:in|on|of|at|near|around|across)\s+"
    r"(?:the\s+(?:towns?|cities|villages?|districts?|areas?)\s+of\s+)?"
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME})"
)
#: A part of a toll told at one place ("..., 15 of them in A").
_PART_AT = re.compile(
    rf"\b(?P<figure>[\w-]+)\s+of\s+(?:them|whom|those|the\s+dead)\s+(?:\w+\s+){{0,3}}?(?:in|at|near)\s+(?P<name>{_NAME})"
)


def _places_told_together(sentence: str, place: str) -> tuple[str, ...]:
    """The places ``place`` (as written) is named with, joined by "and" (``_PLACES_TOGETHER``),
    itself among them; none when it is named alone."""
    for match in _PLACES_TOGETHER.finditer(sentence):
        names = tuple(n for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match["names"]) if n)
        if place in names and len(set(names)) == len(names):
            return names
    return ()


def _share_of_places(sentence: str, toll: int, places: Sequence[str], place: str) -> int:
    """``place``'s share of a toll told of several ``places`` at once: its part where the
    sentence tells one ("23 killed in A and B, 15 of them in A"), else an even share of what the
    parts leave, the remainder to the first place (ACLED shares a toll it cannot place so)."""
    parts: dict[str, int] = {}
    for match in _PART_AT.finditer(sentence):
        quantity = parse_quantity(_tokens(match["figure"]), 0)
        if match["name"] in places and quantity is not None:
            parts[match["name"]] = quantity[0]
    if place in parts:
        return parts[place]
    rest = [p for p in places if p not in parts]
    left = max(toll - sum(parts.values()), 0)
    share, remainder = divmod(left, len(rest))
    return share + (remainder if place == rest[0] else 0)


def _casualties(sentence: str, *, place: str = "") -> Casualties:
    """``casualties`` before a toll of several places is shared out among them."""
    killed: list[_Figure] = []
    wounded: list[_Figure] = []
    tolls: list[_Figure] = []
    claimed: list[_Figure] = []
    side_says: list[_Figure] = []
    accounts: list[_Account] = []
    elliptical: list[_Figure] = []
    plain = _without_modifiers_of_the_dead(_without_background_asides(_without_asides(_wounds_told_fatal(sentence))))
    past_year = _PAST_YEAR.search(plain)
    seen = 0
    background_before = False
    for clause in _clauses(plain):
        # Clauses come in order: the clause's end, found from where the last one was.
        start = plain.find(clause, seen)
        seen = start + len(clause) if start >= 0 else seen
        after_a_past_year = past_year is not None and past_year.start() < seen
        # "The attack recalled last year's raid on the town, which killed 92": a relative
        # clause tells of the background happening its clause named.
        relative = _RELATIVE_START.match(clause) is not None
        background_before = bool(BACKGROUND.search(_without_comparisons(clause))) or (background_before and relative)
        if after_a_past_year or background_before or _RUNNING_TOTAL.search(clause):
            continue
        if _EARLIER_HAPPENING.search(clause) and not (place and _names(clause, place)):
            continue
        if place and _of_another_place(clause, place, plain):
            continue
        k, w, t = _clause_figures(clause, place)
        if not (k or w or t) and accounts:
            k = _account_without_its_noun(clause)
            elliptical.extend(k)
        if _SO_FAR.search(clause) and any(f.value >= WAR_SCALE for f in k + t):
            # "More than 34,000 people have been killed in X, the ministry says": thousands told
            # in the present perfect are a war's or an area's dead so far, not one event's.
            continue
        if _CLAIM.search(clause) or _ONLY_NEUTRALISED.search(clause):
            # "the group claimed it had killed 40": one side's claim, kept apart (below); and
            # "50 assailants were neutralised": the word of the side that fought them.
            claimed.extend(k + t)
            continue
        killed.extend(k)
        wounded.extend(w)
        tolls.extend(t)
        if _SIDE_SAYS.search(clause):
            side_says.extend(k)
        if k or t:
            after_semicolon = plain[:start].rstrip().endswith(";")
            accounts.append(_Account(clause, tuple(k), tuple(t), after_semicolon))
    lower = _lower_of_two_accounts(accounts)
    own_count = _own_lower_count(accounts) if lower is None else None
    if own_count is not None:
        # "The army said 16 soldiers and 37 rebels were killed; the rebels said they lost nine":
        # a group's own count of its dead and the other side's count of them are two accounts
        # of the same dead, of which the lower is kept; the other groups' dead stand.
        told, instead = own_count
        killed = [instead if f is told else f for f in killed if not any(f is g for g in accounts[1].killed)]
        tolls = []
    elif lower is not None:
        # "At least six were killed, the ministry said, while residents put the toll at 11":
        # two sources' accounts of one toll, of which ACLED takes the lower, not their sum.
        killed, tolls = [f for f in killed if f in lower.killed], [f for f in tolls if f in lower.tolls]
    else:
        # A bare figure is an account only beside the one it answers.
        killed = [f for f in killed if not any(f is g for g in elliptical)]
    # "an unknown number of militants": it passed its death word to the figures listed with it,
    # and is no figure itself ("an unknown number were killed" tells no toll).
    killed = [f for f in killed if f.value or not f.vague]
    from_claim = False
    if not killed and not tolls:
        # A claim is the figure only when the sentence gives no other; beside another account
        # of the same dead it would count them twice, and ACLED takes the conservative one.
        killed, from_claim = claimed, bool(claimed)
    if tolls:
        # "The toll has risen to four after a woman died": the toll holds the others.
        killed = [max(tolls, key=lambda f: f.value)]
    if any(not f.own for f in killed):
        # "A bomber blew himself up, killing 30": the toll told is the figure; the bomber
        # counts only when nothing else is told ("blew himself up at the gate").
        killed = [f for f in killed if not f.own]
    from_claim = from_claim or (bool(killed) and all(any(f is g for g in side_says) for f in killed))
    k_total = sum(f.value for f in killed) if killed else (0 if NO_DEATHS.search(sentence) else None)
    w_total = sum(f.value for f in wounded) if wounded else (0 if NO_WOUNDED.search(sentence) else None)
    return Casualties(k_total, w_total, vague=bool(killed) and any(f.vague for f in killed), claimed=from_claim)


#: Verbs a source gives a figure with, the figure their object ("the government said 27").
_GIVES_FIGURE = frozenset({"said", "says", "say", "reported", "counted", "gave", "estimated"})


def _account_without_its_noun(clause: str) -> list[_Figure]:
    """The figure a source gives after another's account of the dead, with the noun and the
    death word left out as told already ("40 people had died, hospital sources said; the
    government said 27."): the clause's one figure, the object of the source's verb, ends it."""
    words = _tokens(clause)
    figures = _figures(words)
    if len(figures) != 1 or figures[0].vague or figures[0].start == 0:
        return []
    fig = figures[0]
    closes = fig.end == len(words) or not words[fig.end].isalnum()
    return [fig] if closes and words[fig.start - 1] in _GIVES_FIGURE else []


def _of_another_place(clause: str, place: str, sentence: str) -> bool:
    """Does the clause tell of another place than ``place`` (as written), which the sentence
    names in another clause ("a drone hit a bus in A, killing five, while two soldiers died
    near B")? Its figures are that place's toll, not a part of this one's."""
    if not _names(sentence, place) or _names(clause, place):
        return False
    # "in Tuesday's shelling", "in March": a time, not a place.
    told = [name.split("'")[0].split("\u2019")[0].lower() for name in _PLACE_TOLD.findall(clause)]
    return any(name not in MONTHS and name not in _WEEKDAYS for name in told)


#: Sources that tell of a war from afar, named with the place they speak from ("diplomats in
#: A", "Western analysts in B"), unlike officials or police, who are often the place's own.
_DISTANT_SOURCES = r"(?:diplomats|analysts|observers|correspondents|journalists|reporters)"
#: A distant source before the place it speaks from, whatever the place.
_DISTANT_SOURCE_IN = re.compile(rf"\b{_DISTANT_SOURCES}\s+(?:based\s+)?in\s", re.I)
#: A verb of the source's telling after its place.
_TELLS = re.compile(r"\b(?:said|say|says|told|citing|quoting|put|estimated|reported|believe|estimate)\b", re.I)


def seat_of_a_source(sentence: str, place: str) -> bool:
    """Is ``place`` (as written) named in the sentence only as where a distant source speaks
    from ("Diplomats in A, citing military sources, put the army's losses at 60", "Western
    analysts in B said ...")? Its figures are of the happening the source tells of, not at A."""
    if not _DISTANT_SOURCE_IN.search(sentence):
        return False  # no source speaks from anywhere: skip building a pattern for this place
    seats = list(re.finditer(rf"\b{_DISTANT_SOURCES}\s+(?:based\s+)?in\s+{re.escape(place)}\b", sentence, re.I))
    named = word_spots(sentence, place, hyphen=True)
    return bool(seats) and len(seats) == len(named) and all(_TELLS.search(sentence, m.end()) for m in seats)


def _names(text: str, place: str) -> bool:
    """Does ``text`` name ``place`` (as written), not as a part of a hyphened name ("the A-B
    railway": a route between places names neither)?"""
    return bool(word_spots(text, place, hyphen=True))


#: Day names, kept here beside ``MONTHS`` rather than read from ``geo.parse.dates``, which
#: imports this module's toll words.
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


@dataclass(frozen=True, slots=True)
class _Account:
    """A clause's figures of the dead: one source's account of a toll."""

    clause: str
    killed: tuple[_Figure, ...]
    tolls: tuple[_Figure, ...]
    after_semicolon: bool = False

    @property
    def value(self) -> int:
        return max(f.value for f in self.tolls) if self.tolls else sum(f.value for f in self.killed)

    @property
    def counted(self) -> str:
        """The word after the account's first figure: who it counts ("soldiers"), or a verb;
        "" when the clause ends on it."""
        first = (self.tolls or self.killed)[0]
        words = _tokens(self.clause)
        # "..., the government said 27.": a figure the clause ends on counts whom the other did.
        return words[first.end] if first.end < len(words) and words[first.end][0].isalnum() else ""


#: Who tells a figure: a source's words or estimate.
_ATTRIBUTED = re.compile(
    r"\b(?:said|says|say|told|according to|reported|put|puts|estimated|estimates|counted|gave"
    r"|confirmed|recorded|documented|registered"
    # "..., but journalists later found 18 bodies": a count of the dead seen, as another account.
    r"|found|recovered)\b",
    re.IGNORECASE,
)
#: A toll that grew ("rose to", "two more died"): it holds the figure before it, which it replaces.
_RISING = re.compile(r"\b(?:ris(?:en|es|ing)|rose|climb(?:ed|s|ing)|increased|jumped|more|another|further)\b", re.I)
#: A place a clause tells its figure of ("in Varna", "near the town of Tolva").
_PLACE_TOLD = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+(?:\w+\s+of\s+)?)?([A-Z][\w'-]+)")
#: Words after a figure that name nobody in particular ("4 people died", "as many as 10 were killed").
_ANYONE = frozenset(
    {"", "people", "persons", "dead", "died", "killed", "were", "was", "have", "had", "in", "at"}
    | {"victims", "others", "deaths", "fatalities", "bodies", "corpses"}
)


def _lower_of_two_accounts(accounts: Sequence[_Account]) -> _Account | None:
    """The lower of two accounts of one toll that a sentence sets against each other ("six were
    killed, officials said, while residents said 11 died"): the second clause opens with
    "while", "whereas" or "but" or follows a semicolon, each names its source, neither tells
    a toll that grew, the second names no other place than the first, and they count the
    same people (or a toll);
    ``None`` when the sentence gives no such pair, as when the two count other people ("two
    soldiers ..., while three civilians ...") or tell of other places."""
    if len(accounts) != 2:
        return None
    first, second = accounts
    opens = second.clause.lstrip(" ,").split(" ", 1)[0].lower()
    if opens not in {"while", "whereas", "but"} and not second.after_semicolon:
        return None
    told_second = _PLACE_TOLD.findall(second.clause)
    if told_second and told_second != _PLACE_TOLD.findall(first.clause):
        return None  # "four died in A, police said, while two were killed in B": two places'

    if not all(_ATTRIBUTED.search(a.clause) and not _RISING.search(a.clause) for a in accounts):
        return None
    same_people = first.counted == second.counted or {first.counted, second.counted} & _ANYONE
    if not (second.tolls or same_people):
        return None
    return min(accounts, key=lambda a: a.value)


#: A speaker's words for its own side, after the verb of saying ("they lost", "their men").
_OWN_SIDE = frozenset({"they", "their", "its", "we", "our", "own"})


def _own_lower_count(accounts: Sequence[_Account]) -> tuple[_Figure, _Figure] | None:
    """(the first account's figure of a group, the lower of it and the group's own count) when
    the second of two accounts set against each other (after "but", "while" or a semicolon) is a
    group the first counted, telling its own dead ("the rebels said they lost only nine fighters")."""
    if len(accounts) != 2:
        return None
    first, second = accounts
    opens = second.clause.lstrip(" ,").split(" ", 1)[0].lower()
    if (opens not in {"while", "whereas", "but"} and not second.after_semicolon) or len(second.killed) != 1:
        return None
    words = _tokens(second.clause)
    said = next((i for i, w in enumerate(words) if w in SPEECH_VERBS), None)
    if said is None or not _OWN_SIDE & set(words[said + 1 :]):
        return None
    speaker = set(words[:said])
    first_words = _tokens(first.clause)
    groups = [f for f in first.killed if f.end < len(first_words) and first_words[f.end] in speaker]
    if len(groups) != 1 or len(first.killed) < 2:
        return None
    return groups[0], min(groups[0], second.killed[0], key=lambda f: f.value)


#: One side's claim of what it did ("the group claimed it had killed 40").
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\b(?! responsibility| the lives| (?:at least |more than )?[\w,-]+ (?:lives|dead|victims))"
    # "the group that claimed a suicide bombing that killed 40": the attack is claimed, not the toll.
    r"(?! (?:a|an|the|its|their) (?:\w+ )?(?:attack|bomb|bombing|strike|raid|ambush|assault|blast|explosion|killing)s?\b)",
    re.IGNORECASE,
)
#: Deaths told only in the word of the side that inflicted them ("neutralised"), with no
#: plain death word beside it: that side's account, as a claim.
_ONLY_NEUTRALISED = re.compile(
    r"^(?!.*\b(?:killed|killing|died|dead|deaths|bodies)\b).*\bneutrali[sz](?:ed|ing)\b", re.IGNORECASE
)
#: A side telling what it did ("the group said on Friday it had killed 15 soldiers"): counted
#: with the sentence's other figures, but a lower account of the same dead told in the next
#: sentences is taken instead (``casualties_in_sentences``).
_SIDE_SAYS = re.compile(
    # "the army said its troops killed 30": the speaker's own forces are the speaker.
    r"\b(?:said|says|announced|stated)\b[^.;:]{0,40}?\b(?:it|they|we|(?:its|their|our) \w+)(?: had| have| has)?"
    # "the militia said it shot down a helicopter and killed all 12 on board": a second verb of
    # the same subject, whose deaths are that side's claim too.
    r" (?:[^.;:,]{1,60}? and (?:had |have |has )?)?(?:killed|neutrali[sz]ed)\b"
    # '"We killed 15 of them," the spokesman said': the side's own words, in quotes.
    r"|[\"\u201c]\s*we(?: have| had)? (?:killed|neutrali[sz]ed)\b",
    re.IGNORECASE,
)

#: "the attack of April 2017, which killed more than 80": a toll told after a year is history.
_PAST_YEAR = re.compile(
    r"\b(?:in|of|since|during)\s+(?:(?:early|late|mid)[- ])?(?:(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)


#: A sentence that lists some of the dead ("Among the dead were a nurse and a teacher.").
_SOME_OF_THE_DEAD = re.compile(
    r"\W*(?:among (?:the|those) (?:dead|killed|victims)|the (?:dead|victims) (?:included|include)|those killed included)\b",
    re.IGNORECASE,
)


def event_casualties(
    sentences: Sequence[str], index: int, *, elsewhere: Collection[int] = (), place: str = ""
) -> Casualties:
    """The casualties of the event told in ``sentences[index]``: that sentence's figures
    (those of ``place`` when it gives one per place), else the next sentence's ("Two people
    died, officials said."), else the previous one's; a neighbour in ``elsewhere`` (it tells
    of another place) is not read."""
    return _event_casualties(sentences, index, elsewhere=elsewhere, place=place)[0]


def _event_casualties(
    sentences: Sequence[str], index: int, *, elsewhere: Collection[int] = (), place: str = ""
) -> tuple[Casualties, int | None]:
    """``event_casualties`` and the sentence its deaths were read in (``None`` when none)."""
    found = Casualties()
    for i in (index, index + 1, index - 1):
        # A neighbour naming some of the dead ("Among the dead were a teacher and two of his
        # pupils.") counts them, not the toll of the event.
        if 0 <= i < len(sentences) and (
            i == index or (i not in elsewhere and not _SOME_OF_THE_DEAD.match(sentences[i]))
        ):
            here = casualties(sentences[i], place=place)
            found = Casualties(
                found.killed if found.killed is not None else here.killed,
                found.wounded if found.wounded is not None else here.wounded,
                found.vague if found.killed is not None else here.vague,
                found.claimed if found.killed is not None else here.claimed,
            )
            if found.killed is not None:
                return found, i
    return found, None


def casualties_in_text(text: str, quote: str, *, place: str = "") -> Casualties:
    """The casualties of the event whose sentence is ``quote``, read in the article ``text``:
    that sentence and its neighbours (``event_casualties``), else the first sentence that
    names the event's ``place`` (as written) with a death toll."""
    sentences = split_sentences(text)
    wanted = " ".join(quote.split())
    for i, sentence in enumerate(sentences):
        flat = " ".join(sentence.split())
        if wanted and (wanted in flat or flat in wanted):
            return casualties_in_sentences(sentences, i, place=place)
    return casualties_in_sentences([quote], 0, place=place)


#: How many sentences, the event's own included, a story may run on before its toll.
STORY_SENTENCES = 4


def casualties_in_sentences(
    sentences: Sequence[str],
    index: int,
    *,
    place: str = "",
    elsewhere: Collection[int] = (),
    long_before: Collection[int] = (),
) -> Casualties:
    """The casualties of the event told in ``sentences[index]``: that sentence and its
    neighbours but those in ``elsewhere`` (``event_casualties``), else the first sentence
    that names the event's ``place`` (as written) with a death toll, but one of ``long_before``
    (it tells a past happening; those are read as neither). A neighbour that says it
    tells another happening ("In a separate attack, ...") is not read, nor, when the event's
    own sentence says so, the one before it."""
    # "Thirteen more were fatally wounded": a later sentence's fatal wounds add dead as its deaths do.
    sentences = [_wounds_told_fatal(sentence) for sentence in sentences]
    elsewhere = set(elsewhere) | set(long_before) | another_happening(sentences, index)
    found, told_at = _event_casualties(sentences, index, elsewhere=elsewhere, place=place)
    if told_at is not None and told_at + 1 < len(sentences) and told_at + 1 not in elsewhere:
        # "The army said it killed 100 rebels and lost 12 soldiers. The rebels said they killed
        # 60 soldiers and lost eight fighters.": each side's dead by the lower of the two
        # accounts, the story going on from the second.
        both = _two_sides_accounts(sentences[told_at], sentences[told_at + 1])
        if both is not None:
            found, told_at = Casualties(both, found.wounded), told_at + 1
    if found.killed and not found.vague and not found.claimed and told_at is not None:
        # "Eight worshippers were killed. Three of the attackers were also killed.": the dead
        # the story adds to its toll (the attackers' own, the wounded who died) are the event's.
        killed = _with_added_later(sentences, index, told_at, found.killed, elsewhere, place)
        found = Casualties(killed, found.wounded, found.vague, found.claimed)
    if found.killed and not found.vague and not found.claimed and told_at is not None:
        killed = _toll_risen_later(sentences, max(index, told_at), found.killed, elsewhere, place)
        found = Casualties(killed, found.wounded)
    if found.killed is None:
        # "Rebels attacked the camp at X. They used drones and mortars. Several soldiers were
        # killed, he said.": the story goes on in sentences that name no other place.
        for i in range(index + 1, min(len(sentences), index + STORY_SENTENCES)):
            if i in elsewhere:
                break
            if i == index + 1:
                continue  # read already, as the event's neighbour
            later = casualties(sentences[i], place=place)
            if later.killed is not None:
                found = Casualties(later.killed, found.wounded, later.vague, later.claimed)
                break
    if found.killed and not found.vague and not found.claimed and told_at is not None:
        found = Casualties(
            _lower_account_later(sentences, index, told_at, found.killed, elsewhere, place), found.wounded
        )
    if found.claimed and found.killed:
        # "The army said it killed hundreds of the invaders. It said 34 of its soldiers died.": the
        # same side goes on to tell its own dead, a group of their own beside those it claims.
        next_told = told_at + 1 if told_at is not None else len(sentences)
        own_told = next_told < len(sentences) and next_told not in elsewhere
        # "The army said it killed 15 rebels. One soldier died.": the next sentence counting
        # another group than the claimed one tells the claimant's own dead as well.
        # Not an account of both sides ("17 attackers and two soldiers were killed"), which tells
        # the claimed dead again.
        other_group = (
            own_told
            and told_at is not None
            and _the_other_sides_dead(sentences[told_at], sentences[next_told])
            and len(_counted_groups(sentences[next_told])) == 1
        )
        if own_told and (other_group or (_SAME_SOURCE.match(sentences[next_told]) and _own_dead(sentences[next_told]))):
            own = casualties(sentences[next_told], place=place)
            if own.killed and not own.claimed and not own.vague:
                return Casualties(found.killed + own.killed, found.wounded, found.vague)
        # "The rebels said they had killed 15 soldiers. A military source put the toll at seven.":
        # a side's claim beside another account of the same dead; ACLED takes the lower.
        for i in range(max(0, index - 1), min(len(sentences), index + STORY_SENTENCES)):
            if i != index and i not in elsewhere:
                other = casualties(sentences[i], place=place)
                part = _tells_part_of_the_dead(sentences[i])  # "12 of the dead were civilians"
                if other.killed and not other.claimed and not part and other.killed < found.killed:
                    return Casualties(other.killed, found.wounded, other.vague)
    if found.vague:
        # "killing scores of travellers ... Seventy-five people were confirmed dead": a vague word
        # stands for the toll only while the report gives no figure (ACLED's codebook).
        for i in range(index + 1, len(sentences)):
            if i not in elsewhere:
                later = casualties(sentences[i], place=place)
                if later.killed and not later.vague:
                    return Casualties(later.killed, found.wounded)
    if found.killed is None and place:
        for i, sentence in enumerate(sentences):
            # Not a sentence of a past happening ("The worst attack came in November at X").
            if _names(sentence, place) and i not in long_before:
                here = casualties(sentence)
                if here.killed is not None:
                    return Casualties(here.killed, found.wounded if found.wounded is not None else here.wounded)
    return found


#: The words a side names its own by: "17 of their fighters", "eight of its soldiers".
_POSSESSIVES = frozenset({"its", "their", "our"})


def _side_account(sentence: str) -> tuple[int, int] | None:
    """(the dead a side says it inflicted, its own dead) when a source's sentence tells both,
    once each: "the army said it killed 100 rebels and lost 12 soldiers", "the rebels said 17
    of their fighters died and that they had killed 150 soldiers"; ``None`` otherwise."""
    words = _tokens(sentence)
    if not SPEECH_VERBS & set(words):
        return None
    inflicted: list[int] = []
    own: list[int] = []
    for fig in _clause_figures(sentence)[0]:
        i = fig.start - 1
        while i >= 0 and words[i] in QUALIFIERS:
            i -= 1
        before = words[i] if i >= 0 else ""
        after = words[fig.end : fig.end + 2]
        if before in {"lost", "losing"} or (after[:1] == ["of"] and after[1:] and after[1] in _POSSESSIVES):
            own.append(fig.value)
        elif before in {"killed", "killing", "kill"}:
            inflicted.append(fig.value)
        else:
            return None
    return (inflicted[0], own[0]) if len(inflicted) == 1 and len(own) == 1 else None


def _two_sides_accounts(first: str, second: str) -> int | None:
    """The dead of both sides when two sentences are two sides' accounts, each of the dead it
    inflicted and of its own (``_side_account``): each side's dead by the lower of its own
    count and the other's, as ACLED takes the more conservative of conflicting reports."""
    one, other = _side_account(first), _side_account(second)
    if one is None or other is None:
        return None
    return min(one[1], other[0]) + min(one[0], other[1])


#: A sentence that goes on with the words of the source before it ("It said ...", "They added ...").
_SAME_SOURCE = re.compile(r"\W*(?:it|they|he|she)\s+(?:also\s+)?(?:said|says|added|reported)\b", re.IGNORECASE)


#: A sentence that adds dead to a toll told before it: "were also killed", "later died of his
#: wounds", "succumbed", and a part of the attackers ("four of the gunmen were shot dead"),
#: who are not among the victims counted.
#: A toll set anew ("revised the figure to 17", "raised the toll to six"): it replaces the one
#: told before it.
_REVISED = re.compile(r"\b(?:revised|corrected|lowered|raised|updated)\b", re.IGNORECASE)
#: A part of the attackers killed ("four of the gunmen were shot dead", "troops killed two of
#: the gunmen in a shootout later"): dead the victims counted before do not hold. Told by the
#: side that fought them ("the army said it killed 12 of the attackers"), it is that side's
#: account, but of dead no other account counts, so it stands as a claim alone does. The
#: attackers may be named as a side ("killed 11 of the rebels") or as "them" after they were
#: named ("chased the attackers and killed two of them").
_ATTACKERS = r"(?:attackers|assailants|gunmen|raiders|bombers|rebels|militants|insurgents|guerrillas|jihadists)"
_ATTACKERS_DEAD = re.compile(
    rf"\bof\s+the\s+{_ATTACKERS}\s+(?:\w+\s+){{0,3}}(?:killed|died|dead)\b"
    rf"|\b(?:killed|killing|shot\s+dead)\s+(?:\w+\s+){{1,3}}of\s+the\s+{_ATTACKERS}\b"
    # "Police chased the attackers into the fields and killed two of them."
    rf"|\b{_ATTACKERS}\b[^.;]{{0,80}}?\b(?:killed|killing|shot\s+dead)\s+(?:\w+\s+){{1,2}}of\s+them\b",
    re.IGNORECASE,
)
_ADDED = re.compile(
    r"\balso\b(?:\s+\w+){0,2}\s+(?:killed|died|dead)\b"
    # "six more bodies were found", "two more died": not "more than 20 died".
    r"|\bmore\s+(?!than\b)(?:\w+\s+){0,2}(?:killed|died|dead|bodies)\b"
    r"|\b(?:later|subsequently|since)\s+died\b|\bdied\s+(?:later|of\s+(?:his|her|their)\s+(?:wounds|injuries))\b"
    r"|\bsuccumbed\b"
    # "four rebels died as well", "two civilians were killed too".
    r"|\b(?:killed|died|dead)\s+(?:as\s+well|too)\b"
    # "officials later revised the figure to 17": the toll told again, set anew.
    rf"|{_REVISED.pattern}"
    rf"|{_ATTACKERS_DEAD.pattern}",
    re.IGNORECASE,
)
#: A toll told whole again ("..., bringing the toll to six"): it holds the dead told before it.
_RESTATED = re.compile(r"\b(?:toll|tally|total|in all|altogether|bringing|raising)\b", re.IGNORECASE)


def _with_added_later(
    sentences: Sequence[str], index: int, told_at: int, killed: int, elsewhere: Collection[int], place: str
) -> int:
    """``killed`` (read in ``sentences[told_at]``) with the deaths the sentences after it add,
    within the story of the event told in ``sentences[index]``, up to a sentence of another
    happening; an added sentence that tells the toll whole again gives it instead."""
    for i in range(max(index, told_at) + 1, min(len(sentences), index + STORY_SENTENCES)):
        if i in elsewhere:
            break
        # The other side's dead follow their toll at once ("Troops killed six insurgents. Four
        # soldiers died."); further on, a group's dead may be another happening's.
        other_side = i == told_at + 1 and _the_other_sides_dead(sentences[told_at], sentences[i])
        if not (_ADDED.search(sentences[i]) or other_side):
            continue
        more = casualties(sentences[i], place=place)
        attackers = bool(_ATTACKERS_DEAD.search(sentences[i]))
        uncontested = not more.claimed or attackers
        # "Troops killed several of them": the attackers' dead told vaguely are a group of their
        # own, at the codebook's value, where a vague "many more died" may tell the toll again.
        if more.killed and uncontested and (not more.vague or attackers):
            if _REVISED.search(sentences[i]):
                killed = more.killed  # the toll set anew, lower or higher: the better information
            elif _RESTATED.search(sentences[i]):
                killed = max(killed, more.killed)
            else:
                killed += more.killed
    return killed


#: People counted by sex or age: they cut across the sides ("three children" may be among
#: the villagers just counted), so they tell no other group of dead.
_ANY_SIDE = frozenset(
    {"man", "woman", "child", "boy", "girl", "baby", "infant", "minor"}
    | {"men", "women", "children", "boys", "girls", "babies", "infants", "elderly", "minors"}
    # the dead themselves, whoever they were
    | {"bodies", "corpses", "remains", "casualties"}
)


def _counted_groups(sentence: str) -> frozenset[str]:
    """The nouns of the groups whose dead the sentence counts ("six insurgents", "the
    driver"), "" for a figure of dead that names nobody in particular ("nine were killed",
    "12 people died") or a group of any side ("three children")."""
    groups: set[str] = set()
    for clause in _clauses(_without_asides(sentence)):
        words = _tokens(clause)
        for fig in _clause_figures(clause)[0]:
            head = words[fig.end - 1 : fig.end + 3] if fig.end - fig.start > 1 else words[fig.end : fig.end + 3]
            if head[:1] == ["of"] and head[1:2] and head[1] in _POSSESSIVES:
                # "eight of their own fighters": the group after the side's possessive.
                head = words[fig.end + 2 : fig.end + 5]
            # "killing its two crew": a collective noun counted names its members.
            noun = next((w for w in head if _names_people(w) or w in GROUP_NOUNS), "")
            groups.add("" if noun in _ANYONE or noun in _ANY_SIDE else noun)
    all_dead = _all_of_them_counted(sentence)  # "eight gunmen, all of whom were killed"
    if all_dead is not None and all_dead[1] not in _ANYONE | _ANY_SIDE:
        groups.discard("")  # the clause's "whom" counted no one of its own
        groups.add(all_dead[1])
    return frozenset(groups)


def _the_other_sides_dead(told: str, later: str) -> bool:
    """Does ``later`` count the dead of another group than the one ``told`` counts, as a toll
    given per side does ("Troops killed six insurgents near X. Four soldiers were killed in
    the clash.")? Both name their groups, and none of ``later``'s is one of ``told``'s; not a
    part of the dead, a toll told whole or grown, a side's claim, nor a side's account of its
    own dead ("The rebels said three of their fighters died": the first group's again)."""
    before, after = _counted_groups(told), _counted_groups(later)
    named = bool(before) and bool(after) and "" not in before | after
    whole = _TOLL_TOLD.search(later) or _RISING.search(later) or _tells_part_of_the_dead(later)
    own = _own_dead(later) or before & set(_tokens(later))
    return named and not own and not whole and not _CLAIM.search(later)


#: A side's own dead, told by it ("three of their fighters", "its losses"); not "one of its
#: jets" (``_own_dead``).
_OWN_DEAD = re.compile(r"\bof (?:their|its|our) (\w+)|\b(?:their|its|our) (?:own )?(?:losses|dead)\b", re.I)


def _own_dead(sentence: str) -> bool:
    """Does the sentence tell a side's own dead, counted by it (``_OWN_DEAD``): "of their
    fighters" names people, "of its jets" does not."""
    return any(m[1] is None or _names_people(m[1].lower()) for m in _OWN_DEAD.finditer(sentence))


#: A toll told again as grown ("the toll had risen to 15", "..., bringing the toll to eight").
_TOLL_RISEN = re.compile(
    r"\b(?:toll|tally|number\s+of\s+(?:\w+\s+){0,2}(?:dead|killed|deaths))\b[^.;]{0,30}?"
    r"\b(?:ris(?:en|es)|rose|climb(?:ed|s)|increased|jumped|grew|grown|reached)\b"
    r"|\b(?:bringing|raising|pushing|taking)\s+(?:the\s+)?(?:\w+\s+)?(?:toll|tally)\b",
    re.IGNORECASE,
)


def tells_a_later_toll(sentence: str) -> bool:
    """Does the sentence tell the toll again as it grew, or dead added to it ("the toll had
    risen to 15 by Saturday", "two more died in hospital")? Its own day is the count's, not
    the happening's."""
    sentence = _wounds_told_fatal(sentence)
    return bool(_TOLL_RISEN.search(sentence) or _ADDED.search(sentence))


def _toll_risen_later(
    sentences: Sequence[str], told_at: int, killed: int, elsewhere: Collection[int], place: str
) -> int:
    """``killed`` (read in ``sentences[told_at]``), or the higher toll a later sentence tells it
    grew to, up to the first sentence of another place or happening, however far the
    report runs on ("Hospital officials said on Saturday the toll had risen to 15."): the
    update is the better information, and it counts the dead told before it."""
    for i in range(told_at + 1, len(sentences)):
        if i in elsewhere or _ANOTHER.search(sentences[i]):
            break
        if _TOLL_RISEN.search(sentences[i]):
            grown = casualties(sentences[i], place=place)
            if grown.killed and not grown.vague and not grown.claimed:
                killed = max(killed, grown.killed)
        elif _TOLL_TOLD.search(sentences[i - 1]):
            killed = max(killed, _toll_it_grew_to(sentences[i]) or 0)
    return killed


#: "it" with a verb of a growing toll, in the sentence after one that names the toll.
_IT_GREW = re.compile(r"\bit\s+(?:(?:had|has)\s+)?(?:risen|rose|climbed|reached|jumped|increased)\s+(?:to\s+)?", re.I)


def _toll_it_grew_to(sentence: str) -> int | None:
    """The figure a toll named in the sentence before grew to, told of as "it" ("Officials
    feared the toll would rise. By Sunday it had reached 26.")."""
    grew = _IT_GREW.search(sentence)
    if grew is None or BACKGROUND.search(sentence):
        return None
    quantity = parse_quantity(_tokens(sentence[grew.end() :]), 0)
    return quantity[0] if quantity is not None and quantity[0] < WAR_SCALE else None


#: A sentence that gives a toll as a whole ("the army said the toll was nine").
_TOLL_TOLD = re.compile(r"\b(?:toll|tally)\b", re.IGNORECASE)


def _lower_account_later(
    sentences: Sequence[str], index: int, told_at: int, killed: int, elsewhere: Collection[int], place: str
) -> int:
    """``killed`` (read in ``sentences[told_at]``), or the lower toll another source gives in a
    later sentence of the event's story ("The attackers killed 11, a priest said. The army said
    the toll was nine.", "The governor said three died."): ACLED takes the more conservative
    of conflicting reports. A toll that grew or adds dead, or a figure of some of the dead
    ("two soldiers were killed", "three children were among the dead"), is not another account."""
    for i in range(max(index, told_at) + 1, min(len(sentences), index + STORY_SENTENCES)):
        if i in elsewhere:
            break
        sentence = sentences[i]
        told_whole = _TOLL_TOLD.search(sentence) or _counts_anyone(sentence)
        account = told_whole and _ATTRIBUTED.search(sentence) and not _tells_part_of_the_dead(sentence)
        if not account or _RISING.search(sentence) or _ADDED.search(sentence):
            continue
        if _the_other_sides_dead(sentences[told_at], sentence):
            continue  # "Troops killed 15 rebels. A soldier was killed, the army said.": a group of its own
        other = casualties(sentence, place=place)
        if other.killed and not other.vague and not other.claimed and other.killed < killed:
            killed = other.killed
    return killed


#: Some of the dead, named apart ("12 of the dead were civilians", "the victims included").
_PART_OF_THE_DEAD = re.compile(r"\b(?:of|among) (?:the|those) (?:dead|killed|victims|fatalities|deceased)\b", re.I)


def _tells_part_of_the_dead(sentence: str) -> bool:
    """Does the sentence tell of some of a toll's dead, not another account of the whole?"""
    return bool(_PART_OF_THE_DEAD.search(sentence) or _OF_THE_DEAD.search(sentence))


def _counts_anyone(sentence: str) -> bool:
    """Does the sentence's first figure of dead count them whoever they were ("18 dead", "three
    died", "put the number of dead at nine."), as a whole toll does, not a group of them?"""
    words = _tokens(sentence)
    killed, _, tolls = _clause_figures(sentence)
    first = min(killed + tolls, key=lambda f: f.start, default=None)
    if first is None:
        return False
    after = words[first.end] if first.end < len(words) else ""
    return after in _ANYONE or not after.isalnum()


#: A sentence that says it tells another happening than the one before it.
_ANOTHER = re.compile(
    r"\b(?:in|during) (?:a|an) (?:\w+ )?(?:separate|unrelated)\b"
    r"|\bin (?:another|other) (?:\w+ )?(?:attacks?|incidents?|strikes?|raids?|ambush(?:es)?|bombings?|clash(?:es)?)\b"
    r"|^\W*(?:elsewhere|separately)\b",
    re.IGNORECASE,
)


def another_happening(sentences: Sequence[str], index: int) -> set[int]:
    """The sentences around ``sentences[index]`` (those its toll may be read in) that tell
    another happening than its own:
    those that say so ("In a separate attack, gunmen killed five"), and the one before
    ``index`` when its own sentence says so."""
    around = range(max(0, index - 1), min(len(sentences), index + STORY_SENTENCES))  # those read as its story
    others = {i for i in around if i != index and _ANOTHER.search(sentences[i])}
    if 0 < index < len(sentences) and _ANOTHER.search(sentences[index]):
        others.add(index - 1)
    return others


def lowest_reported(figures: Iterable[int | None]) -> int | None:
    """The figure of one event from many reports: the lowest reported (the most conservative),
    ``None`` when no report mentions any."""
    known = [f for f in figures if f is not None]
    return min(known) if known else None


def split_sentences(text: str) -> list[str]:
    """Sentences of a plain text: at blank lines and after ., ! or ? before a capital."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=[A-Z\"\u201c])", text):
        out.extend(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())
    return out


def parse_quantity(words: Sequence[str], at: int) -> tuple[int, int] | None:
    """The quantity that starts at ``words[at]`` as (value, tokens used), or ``None``.

    Ranges give their lowest end ("10 to 15", "between 10 and 15", "10-15")."""
    if at >= len(words) or not _may_start_quantity(words[at]):
        return None  # most words: checked once here, not against every phrase below
    for phrase, value in VAGUE_PHRASES:
        if tuple(words[at : at + len(phrase)]) == phrase:
            return value, len(phrase)
    first = _number(words, at)
    if first is None:
        return None
    value, used = first
    nxt = at + used
    if words[nxt : nxt + 2] == ["or", "so"]:
        return value, used + 2  # "fifty or so": about fifty
    # "10 to 15", "10 or 15": the lower end is ACLED's figure.
    if nxt + 1 < len(words) and words[nxt] in {"to", "or"}:
        second = _number(words, nxt + 1)
        if second is not None:
            return min(value, second[0]), used + 1 + second[1]
    return value, used


def _may_start_quantity(word: str) -> bool:
    return word[:1].isdigit() or word.split("-", 1)[0] in _QUANTITY_STARTS


_QUANTITY_STARTS = frozenset({phrase[0] for phrase, _ in VAGUE_PHRASES} | set(VAGUE_QUANTITIES) | set(NUMBER_WORDS))


def _number(words: Sequence[str], at: int) -> tuple[int, int] | None:
    if at >= len(words):
        return None
    # "thirty-odd", "30-odd": the round figure is the floor.
    word = words[at].removesuffix("-odd")
    digits = re.fullmatch(r"(\d[\d,]*)(?:\.\d+)?(?:[-\u2013](\d[\d,]*))?", word)
    if digits:
        low = int(digits.group(1).replace(",", ""))
        if digits.group(2):
            low = min(low, int(digits.group(2).replace(",", "")))
        if at + 1 < len(words) and words[at + 1] in MULTIPLIERS and words[at + 1] != "hundred":
            return low * MULTIPLIERS[words[at + 1]], 2
        return low, 1
    if word in VAGUE_QUANTITIES:
        # "several dozen", "many hundreds": the vague plural of the unit ("dozens", "hundreds").
        unit = words[at + 1] if at + 1 < len(words) else ""
        plural = unit if unit.endswith("s") else unit + "s"
        if plural in {"dozens", "hundreds", "thousands"}:
            return VAGUE_QUANTITIES[plural], 2
        return VAGUE_QUANTITIES[word], 1
    parts = word.split("-")
    if all(p in NUMBER_WORDS for p in parts) and parts[0] not in {"hundred", "thousand"}:
        value = sum(NUMBER_WORDS[p] for p in parts)
        used = 1
        while at + used < len(words) and (words[at + used] in MULTIPLIERS or words[at + used] == "dozen"):
            value *= MULTIPLIERS.get(words[at + used], 12)  # "two dozen": 24
            used += 1
        if used > 1 and words[at + used - 1] in MULTIPLIERS:
            # "two hundred fifty", "one hundred and twenty": the rest is added.
            skip = 1 if words[at + used : at + used + 1] == ["and"] else 0
            rest = words[at + used + skip] if at + used + skip < len(words) else ""
            parts = rest.split("-")
            if rest and all(p in NUMBER_WORDS for p in parts) and parts[0] not in MULTIPLIERS:
                added = sum(NUMBER_WORDS[p] for p in parts)
                if added < MULTIPLIERS[words[at + used - 1]]:
                    value, used = value + added, used + skip + 1
        return value, used
    return None


def before_word(words: Sequence[str], at: int) -> str:
    return words[at - 1] if at > 0 else ""


_ASIDE = re.compile(r"\s[-\u2013\u2014]\s.{1,120}?\s[-\u2013\u2014]\s|\s?\([^()]{1,120}\)")


#: A wound told to have been fatal ("two were fatally wounded", "mortally injured", "15
#: casualties, three of them fatal"): a death, which ACLED counts.
_FATAL_WOUND = re.compile(
    r"\b(?:fatally|mortally)\s+(?:wound(?:ed|ing)|injur(?:ed|ing)|hurt|shot|shooting|stabbed|stabbing)\b"
    r"|(?<=\bof them )fatal(?:ly)?\b(?:\s+(?:wounded|injured|hurt))?|(?<=\bof whom )fatal(?:ly)?\b(?:\s+(?:wounded|injured|hurt))?",
    re.IGNORECASE,
)


def _wounds_told_fatal(sentence: str) -> str:
    """The sentence with a wound told fatal (``_FATAL_WOUND``) said as a death: "killed"."""
    return _FATAL_WOUND.sub("killed", sentence)


def _without_asides(sentence: str) -> str:
    """The sentence without asides between dashes or brackets ("Two pensioners - a man and a
    woman - were killed"), whose figures detail a toll already counted."""
    return _ASIDE.sub(" ", sentence)


#: A relative clause between commas ("the fighting, which has killed hundreds since May, ...").
_RELATIVE_ASIDE = re.compile(r",\s(?:which|who|that)\b[^,;:]{1,120},")


#: "first", "second", "third", "sixth", "twentieth", "last", "latest": a rank, not a count.
_ORDINAL = re.compile(
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth"
    r"|last|latest|\d+(?:st|nd|rd|th)"
)
#: An apposition that ranks the event's dead among a period's ("..., the 13th and 14th officers
#: killed this year", "..., the fifth to die this month"): an ordinal counts no one, up to the
#: clause's end.
_RANKING_APPOSITION = re.compile(
    rf",\s+the\s+(?:{_ORDINAL.pattern})(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:{_ORDINAL.pattern}))*\b[^,;:.]*(?=[,;:.]|$)",
    re.IGNORECASE,
)


#: An aside between commas that dates the event from another ("..., a month after losing it,
#: and the ministry said 50 soldiers died", "..., two days after talks broke down, ...").
_TIME_ASIDE = re.compile(
    r",\s(?:a|one|two|three|four|five|six|seven|several|\d+)\s(?:days?|weeks?|months?|years?)\s(?:after|before)\b[^,;:]{1,80},"
)


def _without_background_asides(sentence: str) -> str:
    """The sentence without relative clauses between commas that tell a background toll ("The
    fighting, which has left thousands dead since April, flared again, killing eight"), nor
    appositions ranking the dead among a period's (``_RANKING_APPOSITION``), nor asides that
    date the event from another happening and tell no dead of it (``_TIME_ASIDE``): left in,
    they would make the whole clause around them background, and the event's own toll with it."""
    sentence = _RELATIVE_ASIDE.sub(lambda m: "," if _background(m.group(0)) else m.group(0), sentence)
    sentence = _TIME_ASIDE.sub(lambda m: m.group(0) if _tells_dead(m.group(0)) else ",", sentence)
    return _RANKING_APPOSITION.sub(lambda m: "" if _background(m.group(0)) else m.group(0), sentence)


#: A clause that tells which people of a group died, between the group and its death verb:
#: a relative clause ("two herders who were passing by were also killed"), a participle
#: with its phrase ("two civilians caught in the crossfire died", "guards posted at the gate")
#: or what they belonged to ("both pilots of the helicopter died").
_MODIFIER_OF_THE_DEAD = re.compile(
    r"\b(?P<noun>[a-z]+)\s+"
    r"(?P<modifier>(?:who|that)\s+[^,;:()]{3,60}?|[a-z]+(?:ed|ing)\s+[^,;:()]{2,40}?"
    r"|[a-z]+\s+(?:in|at|on|under|inside|near|by|from|along|into)\s+[^,;:()]{2,40}?"
    # "two pilots of the helicopter died"
    r"|of\s+(?:the|a|an|their|its|his|her)\s+[^,;:()]{2,30}?)"
    r"(?=\s+(?:(?:also|later|subsequently|then)\s+)?"
    r"(?:died|perished|succumbed|(?:were|was)\s+(?:(?:also|later)\s+)?(?:killed|shot\s+dead|found\s+dead))\b)"
)


#: Words that start a clause of its own (a subject, a conjunction): no modifier holds one.
_OPENS_A_CLAUSE = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "and", "but", "or", "before", "after", "when", "while"}
    | {"as", "because", "until", "if", "where", "since", "though", "although", "whom", "whose"}
)


def _without_modifiers_of_the_dead(sentence: str) -> str:
    """The sentence without the clauses that tell which of a group of people died
    (``_MODIFIER_OF_THE_DEAD``), so their figure meets its death verb. Not a clause holding a
    figure, a death or injury word, a name (a place the figure may be told of) or a source."""

    def plain(match: re.Match[str]) -> str:
        words = _tokens(match["modifier"])
        counts = any(_may_start_quantity(w) and parse_quantity(words, i) for i, w in enumerate(words) if w != "a")
        told = any(w in DEATH_AFTER | DEATH_BEFORE | WOUNDED_AFTER | WOUNDED_BEFORE | SPEECH_VERBS for w in words)
        named = any(w[:1].isupper() or w[:1].isdigit() for w in match["modifier"].split())
        # "had their hands tied before they were killed": a clause of its own subject, not a modifier.
        clause = any(w in _OPENS_A_CLAUSE for w in words)
        people = _names_people(match["noun"]) or match["noun"] in {"people", "persons"}
        if not people or counts or told or named or clause:
            return match[0]
        return match["noun"]

    return _MODIFIER_OF_THE_DEAD.sub(plain, sentence)


#: What compares the event with others, or counts its own dead up to now, not a period's toll:
#: a superlative "since" ("the worst attack on the town since the war began"), and "so far"
#: after one happening ("the attack has so far claimed 19 lives").
_COMPARISON = re.compile(
    # Only where it ends the clause: "the most serious since April, when fighting killed 50"
    # goes on to tell that earlier happening.
    r"\b(?:deadliest|worst|bloodiest|heaviest|biggest|largest|most\s+\w+)\b[^.;,]{0,60}?\bsince\b[^.;,]*"
    r"(?=[.;!?\s\"'\u201d\u2019]*$|,\s*with\b)",
    re.IGNORECASE,
)
_HAPPENING_SO_FAR = re.compile(
    r"\b((?:attack|strike|airstrike|bombing|blast|explosion|raid|ambush|massacre|shelling)\s+(?:has|have))\s+so\s+far\b",
    re.IGNORECASE,
)


def _without_comparisons(clause: str) -> str:
    """The clause without what compares the event with others (``_COMPARISON``) or counts its
    own dead up to now (``_HAPPENING_SO_FAR``)."""
    return _HAPPENING_SO_FAR.sub(r"\1", _COMPARISON.sub(" ", clause))


#: Words that tell deaths, wounds or a toll (``_tells_dead``).
_DEATH_WORDS = DEATH_AFTER | WOUNDED_AFTER | TOLL_WORDS | {"killing", "kill", "kills"}


def _tells_dead(text: str) -> bool:
    """Does ``text`` hold a figure of dead, wounded or a toll, or a word of death ("killed",
    "dead", "toll"; not "losing", which may lose ground)?"""
    return any(w in _DEATH_WORDS for w in _tokens(text)) or any(_clause_figures(text))


def _background(text: str) -> bool:
    """Does ``text`` tell a toll of the war, a period or an earlier happening?"""
    return bool(BACKGROUND.search(text) or _EARLIER_HAPPENING.search(text))


def _clauses(sentence: str) -> list[str]:
    """A sentence cut where a new clause may start a background toll ("..., bringing the
    total since 2022 to 500"): semicolons, dashes, brackets, and "bringing"-like verbs."""
    pieces = re.split(
        r"[;()\u2014]|\s\u2013\s|\s-\s|,\s(?=(?:bringing|raising|pushing|taking|revising|updating|while|whereas|but|as(?!\s(?:did|were|was|had)\b)|which)\b"
        r"|(?:\w+\s){0,2}(?:after|before)\b)"
        # "..., making it the deadliest attack of the war": a comment on the event, whose words
        # of the war as a whole do not make the event's own toll a background one.
        r"|,\s(?=(?:making|calling|marking|describing|described|where|whose)\b"
        r"|(?:the\s(?:latest|last)|part\sof|one\sof\sa)\b"
        # "..., the second such massacre this month": the event counted among others like it.
        r"|(?:the\s(?:second|third|fourth|fifth|sixth)|another)\s(?:such|similar)\b"
        r"|(?:(?:in\s)?(?:one\sof\s)?(?:the|its|their)\s(?:deadliest|worst|bloodiest|heaviest|largest|biggest|most)\b))",
        sentence,
    )
    return [p for p in pieces if p.strip()]


def _proper_words(text: str) -> frozenset[int]:
    """The tokens of ``text`` (as ``_tokens`` cuts it) written with a capital after its first
    word: names and the adjectives of peoples ("three Ethiopian soldiers"), in any war."""
    if not any(c.islower() for c in text):
        return frozenset()
    # "al-Shabaab", "pro-Russian": a name may follow a lower-case prefix in one word.
    return frozenset(
        i
        for i, t in enumerate(_TOKEN.findall(text))
        if i > 0 and any(part[:1].isupper() for part in re.split(r"[-'\u2019]", t))
    )


def _tokens(text: str) -> list[str]:
    """The words of ``text`` in lower case, but names in capitals (not in a text all in capitals)."""
    shouting = not any(c.islower() for c in text)
    return [t if not shouting and _NAME_TOKEN.fullmatch(t) else t.lower() for t in _TOKEN.findall(text)]


def _figures(words: Sequence[str]) -> list[_Figure]:
    """Every quantity of people in the clause, left to right."""
    figures: list[_Figure] = []
    skipped_ages: set[int] = set()  # token after an age ("aged six and nine")
    i = 0
    while i < len(words):
        word = words[i]
        # "killing four soldiers and himself": the last of the objects of a death verb.
        listed_last = before_word(words, i) == "and" and any(w in DEATH_BEFORE for w in words[:i])
        if word in {"himself", "herself"} and (
            before_word(words, i) in DEATH_BEFORE or listed_last or _blew_up(words, i)
        ):
            # "a suicide bomber killed himself and four police officers", "blew himself up,
            # killing four": the attacker's own death; one that blew up is counted only when
            # no toll is told beside it, one listed among the dead always.
            figures.append(_Figure(i, i + 1, 1, own=_blew_up(words, i)))
            i += 1
            continue
        if word in _DEFINITE:
            # "killed the district governor", "killing its commander", "the police chief and two guards were killed", "the
            # mayor was shot dead": one person, named by office, the object of a death verb, one
            # of a list, or the subject of a passive death.
            noun = next((j for j in range(i + 1, min(i + 4, len(words))) if words[j] in PERSON_NOUNS), None)
            if noun is None and _object_listed_with_a_figure(words, i):
                noun = i + 1  # "the blast killed the owner and two customers"
            one = noun is not None and all(w.isalpha() for w in words[i + 1 : noun])
            if one and noun is not None and _one_of_the_dead(words, i, noun):
                figures.append(_Figure(i, noun + 1, 1))
                i = noun + 1
                continue
        attacker_end = _the_attacker(words, i) if word == "the" else None
        if attacker_end is not None:
            # "two police officers and the attacker were killed", "the bomber and six others
            # died": the attackers' own dead are among the event's (ACLED counts every death).
            figures.append(_Figure(i, attacker_end, 1))
            i = attacker_end
            continue
        # "four children and their mother", "a farmer and his 15-year-old grandson": one more
        # person, named by kin, perhaps after their age.
        # "seven tappers and the lorry's conductor": one more person, named by any noun.
        qualified = i + 2 < len(words) and (_AGE_NOUN.fullmatch(words[i + 1]) or words[i + 1].endswith(_POSSESSIVE))
        kin = i + 2 if qualified else i + 1
        listed = kin < len(words) and _listed_after_a_figure(words, i, kin, figures)
        named_by_kin = kin < len(words) and ((words[kin] in PERSON_NOUNS and word != "the") or listed)
        if word in {"his", "her", "their", "the"} and before_word(words, i) == "and" and named_by_kin:
            figures.append(_Figure(i, kin + 1, 1))
            i = kin + 1
            continue
        after = words[i + 1] if i + 1 < len(words) else ""
        # "both gunmen were shot dead", "both of them died": two people; not "both sides".
        plural = after == "of" or (after.isalpha() and after.endswith(("s", "men")))
        if word == "both" and plural and after not in NOT_PEOPLE and after not in _NOT_TWO_PEOPLE:
            figures.append(_Figure(i, i + 1, 2))
            i += 1
            continue
        verb = i + 2 if words[i + 1 : i + 2] and words[i + 1] in _WHEN_DIED else i + 1
        if word == "another" and words[verb : verb + 1] and words[verb] in DEATH_AFTER | _AUXILIARIES:
            # "three were killed and another (later) died of wounds": one more person.
            figures.append(_Figure(i, i + 1, 1))
            i += 1
            continue
        ranked = words[i + 1] if i + 1 < len(words) else ""
        if word == "a" and _ORDINAL.fullmatch(ranked) and ranked not in {"first", "last", "latest"}:
            # "a third died of his wounds", "a fourth soldier was killed": one more person.
            noun = i + 2 if words[i + 2 : i + 3] and words[i + 2] in PERSON_NOUNS else i + 1
            if words[noun + 1 : noun + 2] and words[noun + 1] in DEATH_AFTER | _AUXILIARIES:
                figures.append(_Figure(i, noun + 1, 1))
                i = noun + 1
                continue
        if word in {"a", "an", "one", "another"} and before_word(words, i) != "no":
            # "a soldier", "a 12-year-old boy", "one elderly woman": one person.
            noun = next(
                (
                    j
                    for j in range(i + 1, min(i + 4, len(words)))
                    if words[j] in PERSON_NOUNS or _AGE_NOUN.fullmatch(words[j])
                ),
                None,
            )
            noun = noun if noun is not None else _one_unlisted(words, i, figures)
            source = noun is not None and _speaks(words, noun)
            if noun is not None and not source and all(w.isalpha() or "-" in w for w in words[i + 1 : noun]):
                figures.append(_Figure(i, noun + 1, 1))
                i = noun + 1
                continue
        excepted = _all_but(words, i)
        if excepted is not None:
            # "all but one of the 12 passengers died": the group less those excepted.
            value, end = excepted
            figures.append(_Figure(i, end, value))
            i = end
            continue
        quantity = parse_quantity(words, i)
        # "it was not clear how many were killed": a question of the toll, not a vague one.
        asked = before_word(words, i) == "how"
        if quantity is None or asked or (word in {"a", "an"} and quantity[1] == 1):
            i += 1
            continue
        value, used = quantity
        if words[i : i + 3] == ["a", "number", "of"] and before_word(words, i) in _TELLING:
            # "the ministry did not give a number of dead": the count talked of, not a vague one.
            i += used
            continue
        # "between 10 and 15": the lower end.
        if before_word(words, i) == "between" and i + used + 1 < len(words) and words[i + used] == "and":
            upper = _number(words, i + used + 1)
            if upper is not None:
                value, used = min(value, upper[0]), used + 1 + upper[1]
        after = words[i + used] if i + used < len(words) else ""
        before = words[i - 1] if i > 0 else ""
        is_year = word.isdigit() and len(word) == 4 and 1900 <= value <= 2100
        # "aged six and nine", "members of one family": ages and groups, not tolls.
        # "a boy of 15": the age of the person just named.
        of_age = before == "of" and i >= 2 and words[i - 2] in PERSON_NOUNS and value < 120
        # "a woman, 62, was killed": a lone number between commas after a person is her age.
        comma_age = (
            before == "," and after == "," and i >= 2 and _names_people(words[i - 2]) and word.isdigit() and value < 120
        )
        ages = (
            of_age
            or comma_age
            or before in {"aged", "age", "ages"}
            or (before in {"and", ","} and i - 1 in skipped_ages)
        )
        # "members of one family", not "upward of a hundred"
        if ages or (before == "of" and word in {"one", "a", "an"} and used == 1):
            if ages:
                skipped_ages.add(i + used)
            i += used
            continue
        # "three armoured vehicles": one describing word may stand before the things counted.
        described = i + used + 1 < len(words) and words[i + used + 1] in NOT_PEOPLE
        # "two cattle herders", "three goat traders": a noun of things or animals may qualify people.
        head = words[i + used + 1] if i + used + 1 < len(words) else ""
        qualifies_people = head.isalpha() and head.endswith(_PLURALS) and head not in NOT_PEOPLE
        things = (after in NOT_PEOPLE and not qualifies_people) or (
            described and after.isalpha() and after not in PERSON_NOUNS
        )
        # "seven of the 20 passengers": the group a figure just told was drawn from.
        drawn_from = bool(figures) and figures[-1].end == i - 2 and words[i - 2 : i] == ["of", "the"]
        # "Of the 40 people on board, 31 were killed": the group, put first.
        drawn_from = drawn_from or (words[i - 2 : i] == ["of", "the"] and (i == 2 or not words[i - 3].isalnum()))
        if things or after in MONTHS or before in MONTHS or is_year or before == "no" or drawn_from:
            i += used
            continue
        figures.append(_Figure(i, i + used, value, vague=_is_vague(words, i)))
        i += used
    return figures


def _object_listed_with_a_figure(words: Sequence[str], at: int) -> bool:
    """Is "the <noun>" at ``words[at]`` the object of a death verb listed with counted people
    ("killed the owner and two customers")? The noun need not be one of ``PERSON_NOUNS``: the
    list makes it one of the dead."""
    noun = words[at + 1] if at + 1 < len(words) else ""
    listed = words[at + 2 : at + 3] == ["and"] and parse_quantity(words, at + 3) is not None
    return words[at] == "the" and before_word(words, at) in DEATH_BEFORE and noun.isalpha() and listed


def _per_side(words: Sequence[str], fig: _Figure) -> bool:
    """Is the figure told per side ("70 dead on each side", "killing five on either side")?"""
    following = words[fig.end : fig.end + 6]
    return any(following[k : k + 3] in (["on", "each", "side"], ["on", "either", "side"]) for k in range(4))


def _all_but(words: Sequence[str], at: int) -> tuple[int, int] | None:
    """ "all but two of the 12 passengers" at ``words[at]``: the group's size less those
    excepted, and the token after the group's figure; ``None`` for anything else."""
    if words[at : at + 2] != ["all", "but"]:
        return None
    excepted = parse_quantity(words, at + 2)
    if excepted is None:
        return None
    of = at + 2 + excepted[1]
    group = parse_quantity(words, of + 2) if words[of : of + 2] == ["of", "the"] else None
    if group is None or group[0] <= excepted[0]:
        return None
    return group[0] - excepted[0], of + 2 + group[1]


def _one_unlisted(words: Sequence[str], at: int, figures: Sequence[_Figure]) -> int | None:
    """The noun of "a (night) watchman" at ``words[at]`` when the phrase counts one person its
    noun does not tell ("a guide", "a cook" are no entries of ``PERSON_NOUNS``): the subject
    of a passive death ("a watchman was killed"), the object of a death verb ("killing a cook,
    two guards and ..."), or the last of a list of people counted just before it ("five
    soldiers and a guide"). Not a quantity ("a dozen soldiers", "a total of 12")."""
    quantity = parse_quantity(words, at)
    if quantity is not None and quantity[1] > 1:
        return None
    if parse_quantity(words, at + 2) is not None:
        return None  # "an estimated 30", "a further 12": a word that qualifies the figure after it
    # "five soldiers and a guide": the figure, its noun, "and".
    listed = before_word(words, at) == "and" and bool(figures) and at - 2 <= figures[-1].end <= at - 1
    killed = before_word(words, at) in DEATH_BEFORE or _listed_after_things_killed(words, at)
    for noun in (at + 1, at + 2):
        word = words[noun] if noun < len(words) else ""
        # "a passer-by", "a go-between": a noun may hold hyphens.
        plain = word.replace("-", "").isalpha() and not word.startswith("-") and not word.endswith("-")
        if not (plain and word.islower()) or word in NOT_PEOPLE | {"of"} or f"{word}s" in NOT_PEOPLE:
            return None
        after = words[noun + 1 : noun + 3]
        if after[:1] == ["was"] and after[1:] and after[1] in DEATH_AFTER | {"shot"}:
            return noun
        if after[:1] and after[0] in _DIED and word not in _OPENS_A_CLAUSE | {"who", "that", "which"}:
            return noun  # "a guide died"
        # "killing a settler and his herdboy": one more person listed after the object.
        one_more = killed and after[:1] == ["and"] and after[1:] and after[1] in {"his", "her", "their", "a", "an"}
        if (listed or killed) and (_ends_a_list(after) or one_more) and after[:1] != ["of"]:
            return noun
    return None


def _listed_after_things_killed(words: Sequence[str], at: int) -> bool:
    """Is ``words[at]`` listed after things or animals a death verb counts ("killed 30 cows and
    a herder"): the person is another of the verb's objects, though the figure before counts no one."""
    if before_word(words, at) != "and" or at < 4 or words[at - 2] not in NOT_PEOPLE:
        return False
    quantity_at = next((j for j in range(at - 3, max(at - 6, 0), -1) if words[j - 1] in DEATH_BEFORE), None)
    return quantity_at is not None and parse_quantity(words, quantity_at) is not None


def _ends_a_list(after: Sequence[str]) -> bool:
    """Do the words ``after`` a noun end a list of the dead ("five soldiers and a guide were
    killed / died / lost their lives", "... a guide in the ambush", "... a guide.", "killing
    two guards and a passer-by and wounding 11")?"""
    # "killing two guards and a passer-by and wounding 11": the next verb of the sentence.
    next_verb = after[:1] == ["and"] and len(after) > 1 and after[1] in DEATH_BEFORE | WOUNDED_BEFORE
    return not after or not after[0].isalpha() or after[0] in _AFTER_A_VERB | _DIED | {"were", "lost"} or next_verb


def _listed_after_a_figure(words: Sequence[str], at: int, noun: int, figures: Sequence[_Figure]) -> bool:
    """Is "his / her / their <noun>" at ``words[at:noun + 1]`` one more person listed after a
    figure of people just told ("four loggers and their cook died")? The noun need not be one
    of ``PERSON_NOUNS``: listed last among people and ending the list, it names a person
    unless it is plainly not one ("five soldiers and their vehicles")."""
    word = words[noun]
    # "four loggers and", "a settler and", "two young porters and": the figure, perhaps its noun, "and".
    after_a_figure = bool(figures) and at - 3 <= figures[-1].end <= at - 1 and words[at - 1 : at] == ["and"]
    person = word.isalpha() and _may_be_one_person(word)
    return after_a_figure and person and _ends_a_list(words[noun + 1 : noun + 3])


def _one_of_the_dead(words: Sequence[str], at: int, noun: int) -> bool:
    """May the person "the ... <noun>" at ``words[at:noun + 1]`` be counted among the dead: the
    object of a death verb, listed with a figure ("the chief and two of his guards"), or the
    subject of a passive death ("the mayor was shot dead")? Not a source ("the governor said")."""
    verb_at = at - 1 if before_word(words, at) == "both" else at  # "killed both the driver and ..."
    if before_word(words, verb_at) in DEATH_BEFORE:
        return True
    after = words[noun + 1 : noun + 5]
    # "the commander and two of his guards", "the commander and his deputy".
    kin = after[1:2] in (["his"], ["her"], ["their"]) and after[2:3] and after[2] in PERSON_NOUNS
    # "the driver and a passenger": one more person after "and".
    one_more = after[1:2] in (["a"], ["an"]) and after[2:3] and after[2] in PERSON_NOUNS
    listed = after[:1] == ["and"] and (parse_quantity(words, noun + 2) is not None or bool(kin) or bool(one_more))
    passive = after[:1] == ["was"] and any(w in DEATH_AFTER for w in after[1:])
    # "the driver died in hospital", "the pilot later died": the subject of a death verb.
    verb = 1 if after[:1] and after[0] in _WHEN_DIED else 0
    died = len(after) > verb and after[verb] in _DIED
    return listed or passive or died


#: Words between a person and "died" that leave the person its subject ("the driver later died").
_WHEN_DIED = frozenset({"later", "also", "subsequently", "then", "eventually"})
#: Verbs of one's own death that take no object: their subject is among the dead.
_DIED = frozenset({"died", "perished", "succumbed"})


#: One attacker named by role: not among ``PERSON_NOUNS``, as the word also qualifies others
#: ("a bomber jet", "the gunman's car") and is more often the subject of the killing.
ATTACKER_NOUNS = frozenset({"attacker", "assailant", "gunman", "bomber", "raider", "shooter"})


def _the_attacker(words: Sequence[str], at: int) -> int | None:
    """The token after "the [suicide] attacker" at ``words[at]`` when the attacker is listed with
    others ("... and the attacker were killed", "the bomber and six others died"), is the
    object of a death verb ("guards shot dead the gunman") or the subject of a passive death
    ("the gunman was shot dead"); ``None`` otherwise."""
    noun = at + 2 if words[at + 1 : at + 2] == ["suicide"] else at + 1
    if noun >= len(words) or words[noun] not in ATTACKER_NOUNS:
        return None
    after = words[noun + 1 : noun + 4]
    listed = before_word(words, at) in DEATH_BEFORE | {"and", "dead"} or after[:1] == ["and"]
    passive = after[:1] == ["was"] and any(w in DEATH_AFTER for w in after[1:])
    return noun + 1 if listed or passive else None


#: What "both" may count that is not two people ("both sides lost men").
_NOT_TWO_PEOPLE = frozenset({"sides", "countries", "parties", "armies", "groups", "forces", "camps"})
#: Verbs whose object "a number of" is a count told or withheld, not a vague quantity.
_TELLING = frozenset(
    {"give", "gave", "given", "giving", "provide", "provided", "disclose", "disclosed", "release", "released"}
    | {"confirm", "confirmed", "offer", "offered", "publish", "published", "put"}
)


def _is_vague(words: Sequence[str], at: int) -> bool:
    """Does the quantity at ``words[at]`` start with a vague word ("dozens", "a number of")?"""
    return words[at] in VAGUE_QUANTITIES or any(
        tuple(words[at : at + len(phrase)]) == phrase and phrase[-1] != "hundred" for phrase, _ in VAGUE_PHRASES
    )


#: A verb that stands for the one before it ("..., as did two nurses", "and so were three guards").
_AS_DID = [[first, verb] for first in ("as", "so") for verb in ("did", "were", "was", "had")]


def _clause_figures(clause: str, place: str = "") -> tuple[list[_Figure], list[_Figure], list[_Figure]]:
    """Figures of dead, of wounded and death tolls in one clause; with ``place`` (as
    written), only the figures the clause ties to that place when it gives one per place."""
    words = _tokens(clause)
    proper = _proper_words(clause)
    figures = _figures(words)
    kinds: list[str | None] = [None] * len(figures)
    subset = [_is_subset(words, f) for f in figures]
    for n in range(1, len(figures)):
        # "Two guards, one Danish and one Irish, were killed": an aside between a figure and
        # its death word that lists who they were holds parts of it (not so a list after a
        # verb: "killed two soldiers, three civilians and a medic, ...").
        gap = words[figures[n - 1].end : figures[n].start]
        aside = gap[-1:] == [","] and len(gap) <= 4 and "," not in gap[:-1]
        if aside and _kind_before(words, figures[n - 1]) is None and _subset_aside(words[figures[n].start :]):
            subset[n] = True
    for n in range(1, len(figures)):
        # "twelve of them staff and seven patients": the list goes on with parts of the toll.
        subset[n] = subset[n] or (subset[n - 1] and _joined(words, figures[n - 1], figures[n]))
    for n in _breakdown_of_a_total(words, figures):
        subset[n] = True
    for n in range(1, len(figures)):
        # "killed the driver, a man aged 40, and his son": the one named by office, then
        # told of again, is one person.
        renamed = words[figures[n - 1].end : figures[n].start] == [","] and words[figures[n].start] in {"a", "an"}
        subset[n] = subset[n] or (renamed and words[figures[n - 1].start] == "the" and figures[n].value == 1)
    # Where the next figure that is not a subset starts: the death word may follow an aside
    # that holds a subset ("12, including five children, were killed").
    next_start = [len(words)] * len(figures)
    for n in range(len(figures) - 2, -1, -1):
        next_start[n] = next_start[n + 1] if subset[n + 1] else figures[n + 1].start
    for n, fig in enumerate(figures):
        kinds[n] = _kind_before(words, fig) or _kind_after(words, fig, next_start[n], proper)
    # "two soldiers and three civilians were killed" / "killed two soldiers and three civilians":
    # a figure joined by "and" to a counted one shares its kind.
    for n in range(len(figures) - 1, 0, -1):
        joined = _joined(words, figures[n - 1], figures[n]) and not _counts_casualties(words, figures[n - 1])
        if kinds[n - 1] is None and kinds[n] is not None and joined:
            kinds[n - 1] = kinds[n]
    for n in range(1, len(figures)):
        joined = kinds[n] is None and kinds[n - 1] is not None and _joined(words, figures[n - 1], figures[n])
        if joined and _kind_after(words, figures[n], len(words), proper) is None and not _own_verb(words, figures[n]):
            kinds[n] = kinds[n - 1]
    for n in range(1, len(figures)):
        # "Eight soldiers died, as did two nurses": a verb standing for the one before, the
        # figure after it shares its kind.
        stands_for = words[max(0, figures[n].start - 2) : figures[n].start] in _AS_DID
        if kinds[n] is None and stands_for and kinds[n - 1] is not None:
            kinds[n] = kinds[n - 1]
    # "two were killed in the town and one in a village nearby", "three soldiers were killed on
    # Monday and two on Tuesday": a figure told of its own place or time right after "and",
    # its verb left out, shares the kind of the counted figure before it, told of one too.
    for n in range(1, len(figures)):
        fig, before = figures[n], figures[n - 1]
        # "... and three in the second", "..., three more in the second", "and another three in hospital"
        lead = fig.start
        while lead > before.end and words[lead - 1] in {"another", "a", "further"}:
            lead -= 1
        after_and = words[lead - 1 : lead] in (["and"], [","])
        after = fig.end
        while after < len(words) and words[after] in {"others", "other", "more", "people", "persons"}:
            after += 1  # "and three others in the next village"
        at_a_place = after < len(words) and words[after] in _GAPPED_LEAD
        before_at_a_place = any(w in _GAPPED_LEAD for w in words[before.end : fig.start])
        if kinds[n] is None and kinds[n - 1] is not None and after_and and at_a_place and before_at_a_place:
            kinds[n] = None if subset[n] else kinds[n - 1]
        # "Ten soldiers were killed, and five guerrillas.": a group added after the clause is
        # done, its verb left out, ends the sentence or goes on to its source.
        added_after = words[lead - 2 : lead] == [",", "and"] and _group_ends_clause(words, fig)
        if kinds[n] is None and kinds[n - 1] is not None and added_after:
            kinds[n] = None if subset[n] else kinds[n - 1]
    for n in range(1, len(figures)):
        # "killing nine and wounding 14, three of them fatally": a part of the wounded told dead
        # died of their wounds, dead the figures of the dead did not hold.
        whole = next((m for m in range(n - 1, -1, -1) if not subset[m]), None)
        if subset[n] and kinds[n] == KILLED and whole is not None and kinds[whole] == WOUNDED:
            subset[n] = False
    # "seventy-odd dead on each side": the figure told per side, of two sides.
    figures = [_Figure(f.start, f.end, f.value * 2, f.vague, f.own) if _per_side(words, f) else f for f in figures]
    place_words = _tokens(place) if place else []
    elsewhere = _figures_elsewhere(words, figures, kinds, place_words) if place else set()
    found: dict[str, list[_Figure]] = {KILLED: [], WOUNDED: [], TOLL: []}
    for n, (fig, kind, part) in enumerate(zip(figures, kinds, subset)):
        if kind is not None and not part and n not in elsewhere:
            found[kind].append(fig)
    if place_words and not found[KILLED] and not found[TOLL]:
        # "Two of the dead were in the town of A; the third was killed in B": a toll told
        # earlier, shared out by place here, gives each place its part.
        found[KILLED] = [
            fig
            for n, fig in enumerate(figures)
            if subset[n] and kinds[n] == KILLED and _told_at(words, figures, n, place_words)
        ]
    placed = any(_told_at(words, figures, n, place_words or ["\0"]) is not None for n in range(len(figures)))
    if not found[KILLED] and not found[TOLL] and not placed:
        # "14 casualties, including three dead", "among the dead were three children": the
        # clause tells only part of the dead, and that part is the floor of its toll.
        of_the_dead = bool(_OF_THE_DEAD.search(clause))
        found[KILLED] = [
            fig
            for n, fig in enumerate(figures)
            if (kinds[n] == KILLED and subset[n]) or (of_the_dead and kinds[n] is None)
        ]
    return found[KILLED], found[WOUNDED], found[TOLL]


#: A clause that names who the dead were ("the dead included two soldiers", "five soldiers were
#: among the dead"): its figures with no word of their own count the dead.
_OF_THE_DEAD = re.compile(
    r"\bamong (?:the|those) (?:dead|killed|victims|fatalities)\b"
    r"|\bamong those (?:who|that) (?:died|perished|(?:were|was) killed|lost their lives)\b"
    r"|\bthe (?:dead|victims|fatalities) (?:included|include|were|comprised|numbered)\b"
    r"|\bthose (?:killed|who died) (?:included|include|were)\b"
    # "Killed in the attack were three policemen", "Dead were 14 villagers": the death word put
    # first, the people it befell the subject after the verb.
    r"|^\W*(?:(?:also|among\s+those)\s+)?(?:killed|dead)\b(?:\s+(?!(?:and|or|but)\b)\w+){0,6}?\s+(?:were|was)\b",
    re.IGNORECASE,
)


#: Words between a figure and the place it is told of ("two in the village of X").
_PLACE_LEAD = frozenset({"in", "near", "at", "outside", "around"})
#: Words that open the place or the time a figure whose verb is left out is told of.
_GAPPED_LEAD = _PLACE_LEAD | {"on", "during"}
_PLACE_FILLER = frozenset({"the", "village", "town", "city", "of", "district", "nearby", "neighbouring"})


def _figures_elsewhere(
    words: Sequence[str], figures: Sequence[_Figure], kinds: Sequence[str | None], place: Sequence[str]
) -> set[int]:
    """The figures a clause ties to another place than ``place`` (its words), when it gives a
    figure per place ("killing two people in one town and one in the next"): each figure's
    place is the one named just after it; nothing when the clause does not name ``place``
    after one of its figures, or names one place only."""
    if len(place) == 0 or sum(k is not None for k in kinds) < 2:
        return set()
    told_at: dict[int, bool] = {}
    for n in range(len(figures)):
        here = _told_at(words, figures, n, place) if kinds[n] is not None else None
        if here is not None:
            told_at[n] = here
    if len(told_at) < 2 or all(told_at.values()) or not any(told_at.values()):
        return set()
    return {n for n, here in told_at.items() if not here}


def _told_at(words: Sequence[str], figures: Sequence[_Figure], n: int, place: Sequence[str]) -> bool | None:
    """Is the place ``figures[n]`` is told of, named within a few words after it ("two in the
    village of X"), ``place`` (its words)? ``None`` when it names none."""
    fig = figures[n]
    stop = min(figures[n + 1].start if n + 1 < len(figures) else len(words), fig.end + 6)
    lead = next((j for j in range(fig.end, stop) if words[j] in _PLACE_LEAD), None)
    if lead is None:
        return None
    j = lead + 1
    while j < len(words) and words[j] in _PLACE_FILLER:
        j += 1
    return list(words[j : j + len(place)]) == list(place)


def _kind_before(words: Sequence[str], fig: _Figure) -> str | None:
    """The verb just before the figure: "killed at least 12", "the toll rose to 40"."""
    i = fig.start - 1
    while i >= 0 and words[i] in QUALIFIERS and fig.start - i <= 5:
        i -= 1
    if i > 0 and words[i] in _DEFINITE and words[i - 1] in DEATH_BEFORE:
        i -= 1  # "killed the three attackers", "killing its two crew", "killed their three sons"
    if i < 0:
        return None
    word = words[i]
    # "the bodies of eight people", "claimed the lives of four soldiers", "the massacre of 100 villagers".
    if word in {
        "bodies",
        "corpses",
        "remains",
        "lives",
        "death",
        "deaths",
        "massacre",
        "killing",
        "killings",
        "execution",
        "executions",
    } and words[i + 1 : i + 2] == ["of"]:
        return KILLED
    # "killing a family of six", "a settler family of five", "an entire farming family of
    # eight": up to two words may tell whose family it was.
    if word in {"family", "families"} and words[i + 1 : i + 2] == ["of"]:
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j].isalpha() and words[j] not in DEATH_BEFORE:
            j -= 1
        if j >= 0 and words[j] in DEATH_BEFORE:
            return KILLED
    if _blew_up(words, fig.start):
        return KILLED
    # "militants burned seven people alive".
    if word in _BURNED and "alive" in words[fig.end : fig.end + 3]:
        return KILLED
    # "the bombers blew themselves up, killing themselves and 14 others".
    if word == "and" and i >= 2 and words[i - 1] == "themselves" and words[i - 2] in DEATH_BEFORE:
        return KILLED
    # "killed 30 cows and a herder": another object of the verb, after things that count no one.
    if word == "and" and _listed_after_things_killed(words, fig.start):
        return KILLED
    if word in {"lost", "losing"}:
        # "losing 50 men", "lost two soldiers"; not "lost 20 tanks".
        counted = words[fig.end] if fig.end < len(words) else ""
        # "lost a soldier": the figure of one person holds its noun.
        own_noun = fig.end - fig.start > 1 and words[fig.end - 1] in PERSON_NOUNS
        # "lost six of their own", "lost two of its men".
        own_side = counted == "of" and words[fig.end + 1 : fig.end + 2] in (["their"], ["its"], ["our"], ["his"])
        return KILLED if own_noun or own_side or counted in PERSON_NOUNS or counted in LOST_PEOPLE else None
    if word in DEATH_BEFORE or (word == "dead" and i > 0 and words[i - 1] in {"shot", "shooting", "beaten", "hacked"}):
        # "killed or wounded 30", "killing or injuring 30": the dead are not told apart.
        if i >= 2 and words[i - 1] == "or" and (words[i - 2] in DEATH_BEFORE or words[i - 2] in WOUNDED_BEFORE):
            return None
        return None if _or_wounded(words, i) else KILLED
    if word in WOUNDED_BEFORE:
        return WOUNDED
    # "the death toll rose to 40", "a toll of 12", "death toll stood at 9".
    window = words[max(0, i - 4) : i + 1]
    if "toll" in window and "injury" not in window:
        return TOLL
    # "estimates of the dead ranged from 30 to 45": the range told of the dead, its lowest end.
    if word == "from" and before_word(words, i) in _RANGED and any(w in DEATH_AFTER for w in words[max(0, i - 8) : i]):
        return TOLL
    # "officials later revised the figure to 17": a count of the dead set anew.
    # "the death toll from the attack was later revised down to six": the count named back to
    # the clause's last figure.
    named = set(words[max(_last_figure_end(words, i), i - 12) : i + 1])
    if words[fig.start - 1 : fig.start] == ["to"] and _REVISING & set(window) and _COUNT_NOUNS & named:
        return TOLL
    # "the number of people killed ... has risen to six"; "the death toll from Monday's bombing
    # of the market in the town, a trading hub, stood at 71": the toll is the verb's subject.
    # "the number of people killed in Thursday's bombing at a checkpoint on the edge of the city
    # has risen to six": back to the clause's last figure, however long the subject.
    since_figure = words[max(_last_figure_end(words, i), i - 30) : i]
    told_count = "toll" in since_figure or ("number" in since_figure and any(w in DEATH_AFTER for w in since_figure))
    if word in TOLL_VERBS and (any(w in DEATH_AFTER for w in words[max(0, i - 15) : i]) or told_count):
        return TOLL
    # "the government put the number of dead in the ambush at seven", "officials put the toll at 12",
    # "the toll was put at between 200 and 300" (the range's qualifiers after "at").
    at = words[fig.start - 1 : fig.start] == ["at"] or words[i + 1 : i + 2] == ["at"]
    if at and told_count and {"put", "puts", "putting", "placed"} & {*since_figure, word}:
        return TOLL
    # "enemy dead were counted at 38", "the dead were estimated at 30": the dead the verb's subject.
    if word in _SET_AT and words[i + 1 : i + 2] == ["at"] and any(w in DEATH_AFTER for w in words[max(0, i - 4) : i]):
        return TOLL
    # "a communique gave the enemy dead as 73": the count given as a figure.
    if word in {"dead", "killed", "deaths", "fatalities"} and words[i + 1 : i + 2] == ["as"]:
        return TOLL
    # "putting the dead at 30", "the number of dead at 30".
    if word in {"dead", "killed", "deaths"} and words[i + 1 : i + 2] == ["at"] and "number" in words[max(0, i - 3) : i]:
        return TOLL
    if word in {"dead", "deaths"} and words[i + 1 : i + 2] == ["at"] and before_word(words, i) == "the":
        return TOLL
    return None


_BURNED = frozenset({"burned", "burnt", "buried"})
_RANGED = frozenset({"ranged", "ranging", "range", "ranges", "varied", "varying"})
_SET_AT = frozenset({"counted", "estimated", "numbered", "put", "placed"})
#: Verbs that set a toll anew, up or down, and the nouns of the count they set.
_REVISING = frozenset(
    {"revised", "revising", "corrected", "correcting", "lowered", "lowering", "raised", "updated", "updating"}
)
_COUNT_NOUNS = frozenset({"figure", "count", "number", "tally", "toll", "total"})


def _last_figure_end(words: Sequence[str], at: int) -> int:
    """Where the words before ``at`` that hold no number start: the clause back to the last digit."""
    j = at - 1
    while j >= 0 and not words[j][:1].isdigit():
        j -= 1
    return j + 1


#: "met their deaths", "met his death": a death told as met.
_MET_DEATH = frozenset((owner, death) for owner in ("their", "his", "her") for death in ("death", "deaths"))


def _kind_after(words: Sequence[str], fig: _Figure, stop: int, proper: Collection[int] = ()) -> str | None:
    """The death or injury word after the figure: "three soldiers were killed", "two dead"."""
    i, limit = fig.end, fig.end + 8  # "five members of the same family lost their lives"
    while i < min(stop, limit):
        word = words[i]
        if word == "alive" and words[i - 1] in _BURNED:
            return KILLED  # "seven people were burned alive"
        if word == "met" and tuple(words[i + 1 : i + 3]) in _MET_DEATH:
            return KILLED  # "six soldiers met their deaths"
        if word == "lives" and i > fig.end and words[i - 1] not in {"their", "his", "her", "its", "our"}:
            # "a driver who lives nearby": the verb, not "lost their lives".
            return None
        if _counts_casualties(words, fig):
            # "15 casualties, three of whom died": the dead and the wounded, not told apart; a
            # death word after them tells a part of them.
            return None
        if word in DEATH_AFTER:
            if parse_quantity(words, i + 1) is not None:
                # "three gunmen killed 22 people": the figure before is the killers, not the dead.
                return None
            # "20 people were killed or wounded": casualties, of whom the dead are not told.
            return None if _or_wounded(words, i) else KILLED
        whole = words[i - 2 : i] == ["of", "the"] and parse_quantity(words, i)
        if whole:
            # "Seven of the 20 passengers were killed": the group the dead were drawn from.
            i += whole[1]
            continue
        if word in {"including", "incl"} and i > fig.end:
            # "Seven people including four children died": past the part of them named.
            i = _past_listed_people(words, i + 1)
            continue
        if word in WOUNDED_AFTER and words[i - 1] in _DEFINITE:
            # "two of the wounded later died": after a determiner the word names people, and the
            # verb that tells what befell them is still to come.
            i += 1
            continue
        if word in WOUNDED_AFTER:
            return WOUNDED
        if word in {"who", "that"} and i > fig.end:
            # "12 people who had sheltered in the school were killed": past the relative clause
            # to the passive verb it ends at.
            end = min(stop, len(words), i + 14)
            verb = next(
                (j for j in range(i + 2, end) if words[j - 1] in {"were", "was"} and words[j] in DEATH_AFTER),
                None,
            )
            if verb is not None:
                return None if _or_wounded(words, verb) else KILLED
        if word.endswith("ing") and i > fig.end and _names_people(words[i - 1]):
            # "two soldiers guarding the site also died": past the participle that describes
            # them to the verb they are the subject of.
            verb = _their_death_verb(words, i + 1, min(stop, len(words), i + 10))
            if verb is not None:
                return None if _or_wounded(words, verb) else KILLED
        if word == "," and _subset_aside(words[i + 1 : i + 20]):
            # "At least 12 people, including five children, were killed": past the aside.
            close = [j for j in range(i + 1, min(len(words), i + 20)) if words[j] == ","]
            if close:
                limit += close[0] + 1 - i
                i = close[0] + 1
                # The aside's own figures ("twelve of them staff and seven patients") end nothing.
                stop = len(words) if stop <= close[0] else stop
                continue
        first_comma = word == "," and "," not in words[fig.end : i]
        aside_end = _plain_aside_end(words, i, stop) if first_comma and _before_any_verb(words, fig) else None
        if aside_end is not None:
            # "Seventeen people, mostly women, died", "Two guards, police said, were killed": a
            # few words between commas that count nobody describe the people or name a source,
            # when the figure is the subject (no death or injury verb before it governs it).
            limit += aside_end - i
            i = aside_end
            continue
        if word == "," and "," not in words[fig.end : i] and _in_apposition(words, fig):
            # "The victim, a man aged 45, was killed": past the comma that closes the apposition.
            i += 1
            continue
        if word in {"a", "an"} and words[i - 1] == "of" and i > fig.end:
            # "four members of a family, including a baby, perished": the group they belonged to.
            i += 1
            continue
        if word == "board" and words[i - 1] == "on":
            i += 1  # "the 40 people on board"
            continue
        if word == "said" and words[i + 1 : i + 2] == ["to"]:
            # "30 fighters were said to have been killed": a report of the passive, as "reported to".
            i += 1
            continue
        if word == "," and _AGE_ASIDE.fullmatch(" ".join(words[i : i + 3])) and _names_people(words[i - 1]):
            # "a woman, 62, was killed": the age between commas describes the person counted.
            i += 3
            continue
        if word in _DIES and before_word(words, i) not in _NOT_YET:
            return KILLED  # "four soldiers die in mine blast": a headline's present
        if word == "aged" and i + 1 < len(words) and words[i + 1][:1].isdigit():
            # "a woman aged 80 was killed": the age describes the person counted.
            i += 2
            continue
        # "RSF", "M23" (see ``_tokens``), "three Ethiopian soldiers", "two Rwandan-backed rebels"
        name = (not word.islower() and word.isalnum()) or i in proper
        if (
            word not in LINK_FILLERS
            and word not in PERSON_NOUNS
            and not (word.endswith(_PLURALS) and word.isalpha())  # plurals: "conscripts", "militiamen"
            and not _one_more_listed(words, i)  # "seven tappers and the conductor"
            and not _AGE_NOUN.fullmatch(word)  # "two 14-year-olds"
            and not (fig.value == 1 and i == fig.end and word.isalpha() and word.islower())  # "one guest"
            and not name
            and not _modifies_people(words, i)
        ):
            return None
        i += 1
    return None


#: The endings of a plural that may count people ("miners", "militiamen", "grandchildren").
_PLURALS = ("s", "men", "children")
#: The endings of a possessive ("the lorry's conductor").
_POSSESSIVE = ("'s", "\u2019s")
#: Words before one person named by any noun: a determiner, a possessive pronoun.
_ONE_NAMED = frozenset({"a", "an", "the", "his", "her", "their"})


def _one_more_listed(words: Sequence[str], at: int) -> bool:
    """Is ``words[at]`` one more person listed after "and" by a singular noun, whatever it is
    ("and the conductor", "and their cook", "and the lorry's conductor"), or the possessive
    before such a noun? A noun that is plainly not a person ("and the lorry") is none."""
    word = words[at]
    if word.endswith(_POSSESSIVE) and words[at - 1 : at] == ["the"] and words[at - 2 : at - 1] == ["and"]:
        return True  # "and the lorry's": the owner of the person named next
    owner = at - 1 if words[at - 1 : at] and words[at - 1].endswith(_POSSESSIVE) else at
    listed = words[owner - 1 : owner] and words[owner - 1] in _ONE_NAMED and words[owner - 2 : owner - 1] == ["and"]
    return bool(listed) and word.isalpha() and word.islower() and _may_be_one_person(word)


def _may_be_one_person(noun: str) -> bool:
    """May ``noun`` name one person: singular (a plural, "and their families", is a group of no
    told size), and not a thing, an animal, a unit, nor a group?"""
    singular = not noun.endswith("s") or noun.endswith("ss")
    return singular and noun not in NOT_PEOPLE and f"{noun}s" not in NOT_PEOPLE and noun not in GROUP_NOUNS


def _names_people(word: str) -> bool:
    """May ``word`` be a noun of people ("a driver", "miners", "militiamen", "two
    14-year-olds"), not of things?"""
    plural = word.isalpha() and word.endswith(_PLURALS)
    return word in PERSON_NOUNS or (plural and word not in NOT_PEOPLE) or bool(_AGE_NOUN.fullmatch(word))


#: A person named by age alone ("an 11-year-old", "two 14-year-olds", "a six-month-old").
_AGE_NOUN = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:year|month|week|day)-olds?")
#: An age between commas ("a woman, 62, ...").
_AGE_ASIDE = re.compile(r", \d{1,3} ,")
#: The present of "to die" in a headline ("four soldiers die in mine blast"), not after a
#: modal or "to" ("could die", "left to die"): a toll only as told done.
_DIES = frozenset({"die", "dies"})
_NOT_YET = frozenset({"to", "may", "might", "could", "would", "will", "can", "should", "must", "not", "cannot"})


def _their_death_verb(words: Sequence[str], start: int, end: int) -> int | None:
    """The death verb of the people before ``words[start]``, the first of the clause up to
    ``end`` ("... also died", "... were killed"); ``None`` when a comma or another verb's
    figure comes first ("... killed three attackers": they are the killers)."""
    for j in range(start, end):
        if words[j] == ",":
            return None
        passive = words[j] == "killed" and words[j - 1] in _AUXILIARIES
        if (words[j] in _DIED or passive) and parse_quantity(words, j + 1) is None:
            return j
    return None


def _before_any_verb(words: Sequence[str], fig: _Figure) -> bool:
    """Does no death or injury verb come before the figure in its clause (it may be the subject)?"""
    return not any(w in DEATH_BEFORE or w in WOUNDED_BEFORE for w in words[: fig.start])


def _past_listed_people(words: Sequence[str], at: int) -> int:
    """The token after the people listed from ``words[at]`` ("four children and a nurse")."""
    while at < len(words):
        word = words[at]
        plural = word.isalpha() and word.endswith(_PLURALS) and word not in DEATH_AFTER | WOUNDED_AFTER
        filler = word in LINK_FILLERS and word not in _AUXILIARIES and word not in DEATH_AFTER
        if not (_may_start_quantity(word) or word in PERSON_NOUNS or plural or filler or word == ","):
            break
        at += 1
    return at


#: The most words an aside between commas may hold and still be passed over (``_plain_aside_end``).
PLAIN_ASIDE_WORDS = 4


def _plain_aside_end(words: Sequence[str], comma: int, stop: int) -> int | None:
    """The token after the comma that closes a short aside opened at ``words[comma]`` (up to
    ``PLAIN_ASIDE_WORDS`` plain words, no figure, no death or injury word, closed before
    ``stop``); ``None`` when there is none."""
    end = min(stop, len(words), comma + PLAIN_ASIDE_WORDS + 2)
    close = next((j for j in range(comma + 1, end) if words[j] == ","), None)
    if close is None or close == comma + 1:
        return None
    aside = words[comma + 1 : close]
    # "Two brothers, aged 12 and 15, were killed": ages describe the people counted.
    ages = aside[0] == "aged"
    plain = all((w.isalpha() and (ages or not _may_start_quantity(w))) or (ages and w[:1].isdigit()) for w in aside)
    counted = any(w in DEATH_AFTER | WOUNDED_AFTER | WOUNDED_BEFORE | DEATH_BEFORE for w in aside)
    return close + 1 if plain and not counted else None


#: Words that start a noun phrase naming someone already known ("the victim", "his driver").
_DEFINITE = frozenset({"the", "his", "her", "their", "its", "our"})
#: Words after which a clause, and its subject, may start.
_CLAUSE_START = frozenset({",", "and", "but", "while", "whereas"})


def _breakdown_of_a_total(words: Sequence[str], figures: Sequence[_Figure]) -> set[int]:
    """Indexes of figures that break down a total told just before them, after a comma ("killed
    nine people in the town, six soldiers and three civilians", "left 14 dead, eight soldiers
    and six militiamen"): a list of two or more joined figures that ends its clause and sums
    to no more than the total, which counts people of any kind. The total's plain count and
    the sum tell a breakdown from a list of more dead ("killed two soldiers, three civilians
    and a medic"); the clause's end, from other people's own toll ("..., two soldiers and a
    medic were wounded")."""
    parts: set[int] = set()
    for n in range(1, len(figures)):
        total = figures[n - 1]
        gap = words[total.end : figures[n].start]
        if n - 1 in parts or gap[-1:] != [","] or "," in gap[:-1] or total.end >= len(words):
            continue
        last = n
        while last + 1 < len(figures) and _joined(words, figures[last], figures[last + 1]):
            last += 1
        listed = figures[n : last + 1]
        counts = sum(f.value for f in listed) <= total.value and not any(f.vague for f in listed)
        if words[total.end] in _ANYONE and len(listed) >= 2 and counts and _ends_clause(words, listed[-1].end):
            parts.update(range(n, last + 1))
    return parts


def _group_ends_clause(words: Sequence[str], fig: _Figure) -> bool:
    """Is the figure followed by one noun of people and then the clause's end ("..., and five
    guerrillas.", "..., and five guerrillas, the army said")?"""
    noun, then = fig.end, fig.end + 1
    return noun < len(words) and _names_people(words[noun]) and (then == len(words) or not words[then].isalnum())


def _ends_clause(words: Sequence[str], at: int) -> bool:
    """Do the words from ``at`` close the clause after at most a short noun ("civilians",
    "police officers") with no verb of their own ("... were wounded")?"""
    for word in words[at : at + 4]:
        if not word.isalpha():
            return True
        if word in _AUXILIARIES or word in DEATH_AFTER or word in WOUNDED_AFTER:
            return False
    return at + 4 > len(words)


def _in_apposition(words: Sequence[str], fig: _Figure) -> bool:
    """Does the figure rename the subject just before it, between commas ("The third victim,
    a woman aged 80, was killed")? The subject is a short definite noun phrase that starts
    its clause, so the figure is its count, not another one."""
    # "The victims, three men and a boy, were killed": the last of a list counts too.
    comma = next((j for j in range(fig.start - 1, max(0, fig.start - 6), -1) if words[j] == ","), 0)
    if comma < 1 or not all(w == "and" or w.isalpha() for w in words[comma + 1 : fig.start]):
        return False
    for k in range(comma - 1, max(-1, comma - 5), -1):
        if words[k] in _DEFINITE:
            head = words[k + 1 : comma]
            plain = bool(head) and all(w.isalpha() and w not in DEATH_AFTER | WOUNDED_AFTER for w in head)
            # "The sixth victim, a man in his thirties, died": one more of a toll told, not a toll.
            ranked = any(_ORDINAL.fullmatch(w) for w in head)
            return plain and not ranked and (k == 0 or words[k - 1] in _CLAUSE_START)
    return False


def _modifies_people(words: Sequence[str], at: int) -> bool:
    """Is ``words[at]`` a word that qualifies the people named next ("four border guards",
    "two aid workers"), not a verb?"""
    word, following = words[at], words[at + 1] if at + 1 < len(words) else ""
    people = following in PERSON_NOUNS or (following.endswith(("s", "men")) and following.isalpha())
    return (
        people
        and word.isalpha()
        and (not word.endswith(("ed", "ing")) or word in _PARTICIPLE_ADJECTIVES)
        and word not in DEATH_AFTER | WOUNDED_AFTER | _NOT_MODIFIERS
    )


#: Participles that qualify people ("three suspected militants"), not a verb after a figure.
_PARTICIPLE_ADJECTIVES = frozenset(
    {"suspected", "alleged", "armed", "unarmed", "unidentified", "masked", "retired", "displaced", "detained"}
)
#: Words before a noun that start a new phrase rather than qualify the people counted.
_NOT_MODIFIERS = frozenset(
    {"whose", "who", "whom", "which", "that", "this", "these", "those", "when", "where", "while"}
)


def _blew_up(words: Sequence[str], at: int) -> bool:
    """Is ``words[at]`` the bomber of "blew himself up" (a death ACLED counts)?"""
    return (
        words[at] in {"himself", "herself"}
        and before_word(words, at) in {"blew", "blowing", "blows"}
        and words[at + 1 : at + 2] == ["up"]
    )


def _or_wounded(words: Sequence[str], at: int) -> bool:
    """Is the death word at ``at`` one of "killed or wounded", "killed and wounded" with no figure
    of its own for either (casualties, not deaths)?"""
    link = words[at + 1] if at + 1 < len(words) else ""
    if link == "or" and (
        words[at + 2 : at + 3] == ["missing"] or words[at + 2 : at + 4] in (["are", "missing"], ["were", "missing"])
    ):
        return True  # "dead or missing": the missing may live, and the dead are not told apart
    if link not in {"or", "and"} or at + 2 >= len(words) or words[at + 2] not in WOUNDED_AFTER | WOUNDED_BEFORE:
        return False
    if link == "or":
        return True
    # "20 were killed and wounded", "killed and wounded dozens"; not "two were killed and
    # wounded soldiers were flown out", where "wounded" describes other people.
    after = words[at + 3] if at + 3 < len(words) else ""
    return not after.isalpha() or after in _AFTER_A_VERB or parse_quantity(words, at + 3) is not None


#: Words that may follow "killed and wounded" used as verbs ("... wounded in the attack").
_AFTER_A_VERB = frozenset({"in", "by", "on", "at", "near", "during", "when", "as", "after", "overnight", "yesterday"})


def _counts_casualties(words: Sequence[str], fig: _Figure) -> bool:
    """Does the figure count casualties ("15 casualties"), the dead and wounded together?"""
    return words[fig.end : fig.end + 1] == ["casualties"]


def _joined(words: Sequence[str], left: _Figure, right: _Figure) -> bool:
    """Are two figures parts of one list ("two soldiers and three civilians")?"""
    between = list(words[left.end : right.start])
    while between and between[-1] in {"her", "his", "their", "its", "the"}:
        between.pop()
    # "eleven soldiers and an estimated 30 rebels": the second figure's own qualifiers, right
    # after the first figure's noun and "and".
    qualified = len(between)
    while qualified and between[qualified - 1] in _LIST_QUALIFIERS:
        qualified -= 1
    if qualified < len(between) and qualified <= 2:
        between = between[:qualified]
    # "twelve fighters were captured and five were killed": a verb between, two clauses.
    verb = "killed" in between or any(w in _AUXILIARIES for w in between)
    return bool(between) and between[-1] in {"and", ","} and len(between) <= 5 and not verb


_AUXILIARIES = frozenset({"were", "was", "are", "is", "been", "had", "have", "has"})
#: Words that qualify a figure in a list ("and an estimated 30", "and at least 12").
_LIST_QUALIFIERS = QUALIFIERS - {"of", "to", "between", "as", "no", "not"}


#: Verbs that tell what befell people who are not dead ("five were missing", "two went missing",
#: "three remain unaccounted for"), after a figure that opens a clause of its own.
_OWN_VERBS = _AUXILIARIES | {"went", "remain", "remained", "remains", "are", "is"}


def _own_verb(words: Sequence[str], fig: _Figure) -> bool:
    """Does a verb of its own follow the figure ("killed 17 workers, and five were missing"):
    the figure is the subject of another clause, not one more of a list of the dead?"""
    i = fig.end
    while i < len(words) and (_names_people(words[i]) or words[i] in {"others", "other", "more"}):
        i += 1
    return i < len(words) and words[i] in _OWN_VERBS


def _subset_aside(following: Sequence[str]) -> bool:
    """Do the words after a comma open an aside about part of a toll ("including five
    children", "one of them a driver")?"""
    if not following or "," not in following:
        return False
    aside = following[: following.index(",")]
    # "Two guards, one Danish and one Irish, were killed": the aside lists who they were.
    listed = (aside[0] in {"a", "an"} or _may_start_quantity(aside[0])) and "and" in aside and len(aside) <= 8
    # "Eight soldiers, a captain among them, were killed": the aside ends in "among them".
    among_them = aside[-2:] in (["among", "them"], ["among", "whom"])
    return (
        listed
        or among_them
        or aside[0] in SUBSET_CUES
        or any(aside[k : k + 2] in (["of", "them"], ["of", "whom"]) for k in range(len(aside)))
    )


def _is_subset(words: Sequence[str], fig: _Figure) -> bool:
    """A part of a toll already counted: "including five children", "three of them soldiers"."""
    before = words[max(0, fig.start - 3) : fig.start]
    if before[-1:] == ["among"] or before[-2:] in (["among", "the"], ["among", "at"]):
        return False  # "two children were among six people killed": six is the toll itself
    after = tuple(words[fig.end : fig.end + 2])
    of_them = any(tuple(before[k : k + 2]) in {("of", "them"), ("of", "whom")} for k in range(len(before)))
    # "five of the dead": part of a toll; "the commander of the brigade", "ten of the attackers",
    # "two of the wounded later died" (dead the toll did not hold): not.
    of_the_dead = after == ("of", "the") and words[fig.end + 2 : fig.end + 3] in (
        ["dead"],
        ["victims"],
        ["killed"],
        ["casualties"],
        ["deceased"],
    )
    of_them_after = after in {("of", "them"), ("of", "whom")} and not _killed_right_before(words, fig)
    return any(w in SUBSET_CUES for w in before) or of_them or of_them_after or of_the_dead or _among_them(words, fig)


def _among_them(words: Sequence[str], fig: _Figure) -> bool:
    """ "15 people, a doctor and a nurse among them": the list a figure opens ends in "among
    them" (or "among the dead"), so it names some of a toll already counted."""
    for i in range(fig.end, min(len(words) - 1, fig.end + 6)):
        if words[i] == "among":
            return words[i + 1] in {"them", "whom"} or words[i + 1 : i + 3] in (["the", "dead"], ["the", "victims"])
        if words[i] in {",", ";"} or words[i] in _AUXILIARIES or words[i] in DEATH_AFTER:
            return False
    return False


def _speaks(words: Sequence[str], noun: int) -> bool:
    """Is the person named at ``words[noun]`` a source who tells the figures ("a doctor at the
    hospital said", "a local volunteer group said"): a speech verb ends the noun phrase."""
    for i in range(noun + 1, min(len(words), noun + 6)):
        if words[i] in SPEECH_VERBS:
            return True
        if not words[i].isalpha() or words[i] in {"and", "or", "who", "were", "was"} or words[i] in DEATH_AFTER:
            return False
    return False


def _killed_right_before(words: Sequence[str], fig: _Figure) -> bool:
    """ "opened fire on the soldiers, killing at least five of them": the figure a death
    verb governs is the toll itself, its "of them" the people it was drawn from."""
    i = fig.start - 1
    while i >= 0 and words[i] in QUALIFIERS and fig.start - i <= 5:
        i -= 1
    return i >= 0 and words[i] in DEATH_BEFORE
