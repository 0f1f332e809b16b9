"""Is a place where something happened, or only whose someone is?

A place named as a base, an origin, a sponsor or a government is incidental: it
should not get an event. Each rule below is a regular expression over the words just
before or just after the place; any rule that fires makes the place incidental.

Incidental (the place is an affiliation or an actor):

- a compound: "the Britain-based Observatory", "U.S.-backed", "Iranian-made",
  "Moscow-brokered", "Russia-occupied"; "pro-Russian", "anti-Kyiv";
- a base or origin: "based in London", "refugees from Aleppo";
- a demonym used as an adjective: "Russian air cover", "the Syrian Observatory"
  (not before a word for land: "the Syrian border" stays a location);
- a possessive actor: "Kyiv's allies", "Russia's military intervention"
  (not "Syria's civil war", "Kharkiv's outskirts");
- an attributive actor: "the Damascus government", "Kyiv authorities";
- an office of the place: "the president of Ukraine", "envoy to Syria";
- metonymy, a capital or country as the subject of a verb of speech, thought, will
  or action: "Washington believes", "Moscow, closely allied to Assad, can nudge",
  "the Kremlin said", "Israel struck"; and the seats of government (Kremlin, White
  House, Pentagon, ...) unless someone is in or at them;
- the object of pressure or partnership: "nudge Damascus", "urged Kyiv",
  "work with Moscow", "talks with Tehran"; and its agent: "rebels backed by Kigali",
  "under pressure from Washington".

Decided as locations, on purpose: "Moscow hosted talks" (a host is where the talks
are), "Palmyra fell", "Kharkiv was shelled", "Aleppo saw heavy fighting" (the place
undergoes the event), "fighting in Aleppo", "talks in Geneva", "arrived in Moscow",
"officials in Kyiv said" (the place is where the statement was made).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The second half of compounds that make the first half an affiliation: "X-based".
AFFILIATION_SUFFIXES = (
    "based|backed|led|supported|sponsored|funded|financed|made|built|manufactured|supplied|trained|armed|"
    "allied|aligned|affiliated|controlled|held|occupied|run|born|headquartered|owned|registered|brokered|"
    "installed|appointed|friendly|leaning|oriented|bound|linked|inspired|dominated|imposed"
)
#: Demonyms that do not end in -ian, -ean, -ese or -ish.
DEMONYMS = frozenset(
    {
        "afghan",
        "american",
        "angolan",
        "azerbaijani",
        "bahraini",
        "bangladeshi",
        "cuban",
        "czech",
        "dutch",
        "emirati",
        "filipino",
        "french",
        "greek",
        "iraqi",
        "israeli",
        "jamaican",
        "kashmiri",
        "kazakh",
        "kenyan",
        "kuwaiti",
        "kyrgyz",
        "libyan",
        "mexican",
        "moroccan",
        "nepali",
        "omani",
        "pakistani",
        "qatari",
        "rwandan",
        "saudi",
        "somali",
        "swiss",
        "tajik",
        "thai",
        "turkmen",
        "ugandan",
        "uzbek",
        "venezuelan",
        "welsh",
        "yemeni",
    }
)
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
#: Words for land after a demonym: "the Syrian border" names a place.
LAND_NOUNS = (
    "border|borders|frontier|side|territory|territories|soil|coast|coastline|capital|city|cities|town|towns|"
    "village|villages|province|provinces|region|regions|airspace|waters|countryside|desert|mountains|"
    "highlands|steppe|island|islands|sea|heartland|interior|hinterland|mainland|north|south|east|west|"
    "northeast|northwest|southeast|southwest|part|enclave|exclave|port|ports|shore|coastal"
)
#: Nouns that, owned by a place, make it an actor: "Russia's intervention".
POSSESSED_ACTOR_NOUNS = (
    "government|regime|authorities|administration|leadership|leaders?|president|presidency|prime minister|"
    "premier|ministers?|ministry|envoys?|ambassadors?|embassy|consulate|delegation|delegates?|diplomats?|"
    "army|military|navy|air force|armed forces|forces|troops|soldiers|allies|ally|partners|backers|proxies|"
    "intelligence|security services|officials|spokes(?:man|woman|person)|parliament|cabinet|state media|"
    "intervention|invasion|support|backing|role|stance|position|policy|demands?|proposal|plan|offer|"
    "counteroffensive|counter-offensive|offensive|campaign|missiles?|drones?|jets|warplanes|"
    "foreign minister|defen[cs]e minister|foreign ministry|defen[cs]e ministry|negotiators?"
)
#: Nouns that, after a place used as an adjective, make it an actor: "the Damascus government".
ATTRIBUTIVE_ACTOR_NOUNS = (
    "government|regime|authorities|administration|leadership|leaders|officials|embassy|envoy|ambassador|"
    "delegation|ministry|president|parliament|spokes(?:man|woman|person)|cabinet|military|army|forces|"
    "support|backing|mediation"
)
#: Modifiers allowed between the place and such a noun: "the Gaza health ministry".
ATTRIBUTIVE_MODIFIERS = (
    "health|defen[cs]e|foreign|interior|regional|military|city|provincial|state|local|civil|emergency|"
    "national|de facto|central|federal|transitional|interim"
)
#: Offices held "of", "to" or "for" a place: "the president of Ukraine", "envoy to Syria".
OFFICE_NOUNS = (
    "president|prime minister|minister|king|queen|emir|crown prince|leaders?|government|regime|army|military|"
    "navy|forces|ambassadors?|envoys?|embassy|representatives?|delegation|ministry|authorities|allies|ally|"
    "friends|enemies|backers|foreign minister|special envoy|permanent representative"
)
#: Verbs of speech, thought, will and action that make a place their subject an actor.
AGENT_VERBS = (
    r"believ\w*|say|says|said|want\w*|warn\w*|insist\w*|den(?:y|ies|ied)|accus\w*|claim\w*|hop(?:e|es|ed)|"
    r"fear\w*|think\w*|thought|argu\w*|reject\w*|demand\w*|urg(?:e|es|ed)|call(?:s|ed)? (?:on|for)|"
    r"announc\w*|vow\w*|threaten\w*|condemn\w*|respond\w*|refus\w*|offer\w*|propos\w*|plan(?:s|ned)?|"
    r"intend\w*|seek\w*|sought|support\w*|back(?:s|ed|ing)?|oppos\w*|sanction\w*|recogni[sz]\w*|expel\w*|"
    r"recall\w*|retaliat\w*|assert\w*|nudg\w*|push(?:es|ed)?|pressur\w*|press(?:es|ed)?|agree[ds]?|"
    r"welcom\w*|criticis\w*|criticiz\w*|blam\w*|dismiss\w*|confirm\w*|acknowledg\w*|promis\w*|pledg\w*|"
    r"send|sends|sent|suppl(?:y|ies|ied)|deliver\w*|arm(?:s|ed)?|fund(?:s|ed)|declar\w*|negotiat\w*|"
    r"launch\w*|attack\w*|strike|strikes|struck|invad\w*|bomb(?:s|ed)?|shell(?:s|ed)|fir(?:es|ed)|"
    r"target\w*|deploy\w*|mobili[sz]\w*|annex\w*|occup(?:y|ies|ied)|hit back|insists?|signal\w*|"
    r"ask\w*|told|tells|expects?|hopes|knows|knew|accepts?|accepted|decided|decides|sign(?:s|ed)|"
    r"captur\w*|recaptur\w*|seiz\w*|retook|retak\w*|liberat\w*|withdr\w*|pulled out"
)
#: Auxiliaries and adverbs between such a subject and its verb: "Moscow has been backing".
AUXILIARIES = (
    r"has|have|had|is|are|was|were|will|would|can|could|may|might|must|should|does|did|also|still|now|"
    r"not|never|already|again|reportedly|repeatedly|long|been|be|continues to|continued to|appears to|"
    r"seems to|is expected to|is likely to|wants to|has to|clearly|openly|quickly|swiftly|today|then"
)
#: Verbs and phrases whose object is a government, not a place: "urged Kyiv".
PRESSURE_VERBS = (
    r"urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|pressur(?:e|es|ed|ing)|nudg(?:e|es|ed|ing)|persuad\w*|"
    r"convinc\w*|push(?:es|ed|ing)?|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|warn(?:s|ed|ing)?|accus\w*|"
    r"told|tell|tells|allow\w*|help(?:s|ed|ing)?|support(?:s|ed|ing)?|back(?:s|ed|ing)?|sanction\w*|"
    r"blam\w*|condemn\w*|criticis\w*|criticiz\w*|recogni[sz]\w*|arm(?:s|ed|ing)?|suppl(?:y|ies|ied)|join(?:s|ed)?|"
    r"allied (?:with|to)|ally with|(?:work|working|worked|cooperate|cooperating|cooperation|talks|ties|"
    r"relations|dialogue|negotiations?|negotiat\w*|deal|agreement|rift|dispute|standoff|rapprochement|"
    r"normali[sz]ation|war|conflict|partnership|alliance) (?:with|against|between)|"
    r"sanctions (?:on|against)|pressure on|envoys? to|ambassadors? to|aid to|loans? to|weapons to|arms to|"
    # the place as the agent of support or pressure: "rebels backed by Rwanda", "under pressure from Washington"
    r"(?:backed|supported|armed|funded|financed|sponsored|supplied|trained|equipped|brokered|mediated|pressured|"
    r"pressed|urged|encouraged|aided|sanctioned|condemned|criticised|criticized|recogni[sz]ed) by|"
    r"(?:pressure|support|backing|help|assistance|funding|financing|weapons|arms|guarantees|mediation|approval|"
    r"objections?|criticism|condemnation|sanctions|calls|demands|warnings?) from|"
    # a neighbour named to say where the place is: "Saada, near the border with Saudi Arabia"
    r"(?:border|frontier|boundary) with"
)
#: Nouns for people, before "from" a place: "refugees from Aleppo" (an origin).
ORIGIN_PEOPLE = (
    r"refugees?|migrants?|asylum seekers?|evacuees?|people|families|natives?|residents?|fighters?|"
    r"volunteers?|mercenaries|officials?|delegations?|delegates?|envoys?|diplomats?|journalists?|"
    r"reporters?|correspondents?|troops|soldiers|forces|visitors?|men|women|man|woman|children|students?|"
    r"doctors?|experts?|representatives?|counterparts?|colleagues?|relatives?|survivors?|pilgrims?"
)
#: Seats of government named for the government they house.
SEATS_OF_GOVERNMENT = (
    "kremlin|white house|pentagon|downing street|elysee|élysée|whitehall|zhongnanhai|foggy bottom|"
    "quai d'orsay|blue house|bankova|capitol hill"
)

_CI = re.IGNORECASE
_AFFILIATION_COMPOUND = re.compile(rf"[-\u2010\u2011\u2013]\s*(?:{AFFILIATION_SUFFIXES})\b", _CI)
_PRO_ANTI = re.compile(r"\b(?:pro|anti|non|ex|post|pre)[-\u2010\u2011]$", _CI)
_BASED_IN = re.compile(r"(?:based|headquartered|registered|born|stationed|exiled|exile)\s+in\s+(?:the\s+)?", _CI)
_LAND_NOUN = re.compile(rf"\s+(?:[\w-]+\s+)?(?:{LAND_NOUNS})\b", _CI)
_ADJECTIVAL = re.compile(rf"\s+(?!(?:{AUXILIARIES})\b)(?:and\s+|or\s+)?[A-Za-z]", _CI)  # a noun follows, not a verb
_POSSESSIVE_ACTOR = re.compile(rf"(?:'s|’s|'|’)\s+(?:[\w-]+\s+){{0,2}}?(?:{POSSESSED_ACTOR_NOUNS})\b", _CI)
_ATTRIBUTIVE_ACTOR = re.compile(
    r"\s+(?:and\s+(?-i:[A-Z])[\w.'’-]*\s+)?"  # "U.S. and Russian support"
    rf"(?:(?:{ATTRIBUTIVE_MODIFIERS})\s+)?(?:{ATTRIBUTIVE_ACTOR_NOUNS})\b",
    _CI,
)
_OFFICE_OF = re.compile(rf"(?:{OFFICE_NOUNS})\s+(?:of|to|for)\s+(?:the\s+)?", _CI)
_SUBJECT_POSITION = re.compile(
    r"(?:^|[,;:(\"“‘]|\b(?:that|which|while|and|but|as|because|when|if|since|whereas|although|though|meanwhile|"
    r"instead|yet|so|then|also|now)\s+)\s*(?:[\"“‘]\s*)?(?:the\s+)?$",
    _CI,
)
_AGENT_VERB = re.compile(
    r"(?:\s+(?:and|or)\s+(?:(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*)*|(?:its|their)\s+\w+))?"  # "Russia and the United States", "the U.S. and its allies"
    r"(?:\s*,[^,]{1,80},)?"  # an appositive: "Moscow, closely allied to Assad,"
    rf"(?P<auxiliaries>(?:\s+(?:{AUXILIARIES}))*)"
    rf"\s+(?P<verb>{AGENT_VERBS})\b",
    _CI,
)
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_PRESSURE_OBJECT = re.compile(rf"(?:{PRESSURE_VERBS})\s+(?:(?:the|both|either)\s+)?", _CI)
_ORIGIN = re.compile(rf"(?:{ORIGIN_PEOPLE})\s+from\s+(?:the\s+)?", _CI)
_SEAT_OF_GOVERNMENT = re.compile(rf"(?:the\s+)?(?:{SEATS_OF_GOVERNMENT})", _CI)
#: A document, deadline or process named after where it was agreed: "the Xville accord", "the
#: Xville deadline expired". The place names the thing, not where this sentence's event is.
_NAMED_PROCESS = re.compile(
    r"\s+(?:peace\s+|ceasefire\s+)?(?:deadline|accords?|agreements?|protocols?|process|format|framework|roadmap)\b",
    _CI,
)
#: A place that names the clock a time is told by, as wire copy dates a truce or a deadline:
#: "at midnight X time", "0300 X local time", "X summer time".
_CLOCK_TIME = re.compile(r"\s+(?:local\s+|standard\s+|summer\s+|daylight\s+)?time\b(?!\s+(?:and|in|of|since)\b)", _CI)
#: The last words of an armed group's name before the region it is named for: "al-X in the",
#: "Islamic State in the", an acronym "in the". Case-sensitive: the name is capitalised.
_GROUP_NAMED_FOR = re.compile(r"\b(?:[Aa]l-[A-Z][\w'’-]*|State|[A-Z]{2,}) in the $")
_INSIDE = re.compile(r"(?:in|at|inside|outside|near|into|to|from|within|around)\s+(?:the\s+)?", _CI)

#: How much text on either side of the place the rules read, in characters.
REACH = 160
#: The rules on the words before a place read at most this many of them.
WORDS_BEFORE = 5


@dataclass(frozen=True, slots=True)
class _Context:
    """A place in its sentence, as the rules read it."""

    before: str  # up to REACH // 2 characters before the place
    tail: str  # the last WORDS_BEFORE words before the place, single-spaced
    tail_starts: tuple[int, ...]  # where each of those words starts in ``tail``
    name: str
    after: str  # up to REACH characters after the place


def is_incidental_location(sentence: str, start: int, end: int) -> bool:
    """True when ``sentence[start:end]`` names a place only as someone's base, origin,
    sponsor or government, not as where something happened."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence)):
        raise ValueError(f"start/end must be a non-empty span within 0..{len(sentence)}, got {(start, end)!r}")
    context = _context(sentence, start, end)
    return any(rule(context) for rule in RULES)


def is_named_as_actor(sentence: str, start: int, end: int) -> bool:
    """True when ``sentence[start:end]`` names a place for its government, army or backers
    ("Russia said", "Iran-backed", "the Damascus government", "urged Kyiv"): what it says
    is who acted, not where the story is. A base or an origin is not an actor: "refugees
    from Aleppo" still tells where the story is."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence)):
        raise ValueError(f"start/end must be a non-empty span within 0..{len(sentence)}, got {(start, end)!r}")
    context = _context(sentence, start, end)
    return any(rule(context) for rule in ACTOR_RULES)


def only_names_something_else(sentence: str, start: int, end: int) -> bool:
    """True when ``sentence[start:end]`` is part of the name of a document, a deadline or an
    armed group ("the X accord", "al-Y in the X"), or names the clock a time is told by
    ("at midnight X time"): nothing happens at the place itself."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence)):
        raise ValueError(f"start/end must be a non-empty span within 0..{len(sentence)}, got {(start, end)!r}")
    context = _context(sentence, start, end)
    return _named_process(context) or _group_name(context) or _clock_time(context)


def _context(sentence: str, start: int, end: int) -> _Context:
    before = sentence[max(0, start - REACH // 2) : start]
    words = before.split()[-WORDS_BEFORE:]
    tail = " ".join(words) + (" " if before[-1:].isspace() else "")
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return _Context(before, tail, tuple(starts), sentence[start:end], sentence[end : end + REACH])


def _ends_with(pattern: re.Pattern[str], context: _Context) -> bool:
    """Do the last few words before the place match ``pattern`` whole?

    Trying the pattern at each of the last word starts (anchored at both ends) is
    much faster than searching the text for a match that ends where the place begins.
    """
    return any(pattern.fullmatch(context.tail, start) for start in context.tail_starts)


def _compound(c: _Context) -> bool:
    return _AFFILIATION_COMPOUND.match(c.after) is not None or _PRO_ANTI.search(c.before[-8:]) is not None


def _base_or_origin(c: _Context) -> bool:
    return _ends_with(_BASED_IN, c) or _ends_with(_ORIGIN, c)


def _demonym(c: _Context) -> bool:
    word = c.name.strip().casefold()
    if " " in word or not (word in DEMONYMS or word.endswith(DEMONYM_ENDINGS)):
        return False
    return _ADJECTIVAL.match(c.after) is not None and _LAND_NOUN.match(c.after) is None


def _possessive_or_attributive(c: _Context) -> bool:
    return _POSSESSIVE_ACTOR.match(c.after) is not None or _ATTRIBUTIVE_ACTOR.match(c.after) is not None


def _office(c: _Context) -> bool:
    return _ends_with(_OFFICE_OF, c)


def _metonymic_subject(c: _Context) -> bool:
    if _SUBJECT_POSITION.search(c.before[-40:]) is None:
        return False
    found = _AGENT_VERB.match(c.after)
    if found is None:
        return False
    auxiliaries = found.group("auxiliaries").lower().split()
    passive = bool(auxiliaries) and auxiliaries[-1] in _BE and not found.group("verb").lower().endswith("ing")
    return not passive  # "Kharkiv was shelled" undergoes; "Moscow has been backing" acts


def _object_of_pressure(c: _Context) -> bool:
    return _ends_with(_PRESSURE_OBJECT, c)


def _named_process(c: _Context) -> bool:
    return c.before.endswith(("the ", "The ")) and _NAMED_PROCESS.match(c.after) is not None


def _clock_time(c: _Context) -> bool:
    return _CLOCK_TIME.match(c.after) is not None


def _group_name(c: _Context) -> bool:
    return _GROUP_NAMED_FOR.search(c.before) is not None


def _seat_of_government(c: _Context) -> bool:
    return _SEAT_OF_GOVERNMENT.fullmatch(c.name.strip()) is not None and not _ends_with(_INSIDE, c)


RULES = (
    _compound,
    _base_or_origin,
    _demonym,
    _possessive_or_attributive,
    _office,
    _metonymic_subject,
    _object_of_pressure,
    _seat_of_government,
    _named_process,
    _group_name,
)
#: The rules that make a place an actor (not a base, an origin or a demonym's adjective).
ACTOR_RULES = (
    _compound,
    _possessive_or_attributive,
    _office,
    _metonymic_subject,
    _object_of_pressure,
    _seat_of_government,
)
