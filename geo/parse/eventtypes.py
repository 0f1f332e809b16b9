"""What kind of event a sentence states: frontline, diplomacy, humanitarian or other.

A table of trigger words and phrases (regular expressions over simple stems, matched
case-insensitively on word boundaries: fast, no model needed) gives each sentence
its candidate event kinds. Choosing among several:

1. Triggers that are negated or stated as a goal ("to end the fighting", "no
   shelling", "without a fight") do not count.
2. A statement verb ("said", "announced", "condemned") counts only when the sentence
   names a diplomatic actor (minister, envoy, president, summit, U.N., ...).
3. The anchor clause is where the place is (with ``near``, the place's span) or,
   without ``near``, the main clause: the words before the first subordinate clause
   ("Civilians began fleeing | as fighting drew closer"). Clauses are cut at
   punctuation and at words such as "as", "after", "while", "which", "that".
4. With ``near``: a trigger in the place's clause beats one outside it, a strong one
   beats a weak one, and the trigger closest to the place wins. Without ``near``:
   strong beats weak, then the main clause beats the rest, then the trigger highest
   in ``SUB_EVENT_PRIORITY`` wins (what changed on the ground first, talk last).

Confidence: a strong trigger 0.85 (0.8 when it came from outside the anchor clause or
competes with a strong trigger of another type), a weak one 0.55 (0.5 outside the
anchor clause), none 0.3.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class EventKind:
    """The kind of event a sentence states, and the word that decided it."""

    event_type: str
    sub_event_type: str
    confidence: float
    trigger: str
    #: The trigger's span in the sentence when a clause other than the place's tells the act
    #: ("the warehouse in X that was shelled on Sunday"): that clause dates it.
    told_at: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Trigger:
    """A family of words that states one kind of event."""

    pattern: str
    event_type: str
    sub_event_type: str
    strong: bool = True


OTHER = EventKind("other", "other", 0.3, "")

CONFIDENCE_STRONG, CONFIDENCE_STRONG_CONTESTED = 0.85, 0.8
CONFIDENCE_WEAK, CONFIDENCE_WEAK_ELSEWHERE = 0.55, 0.5

_N = r"(?:at least |more than |nearly |almost |about |around |some |up to )?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of|thousands of|many|several)"

#: The trigger table. At one position, earlier entries win, so longer phrases that
#: share a start with a shorter one come first.
TRIGGERS: tuple[Trigger, ...] = (
    # frontline
    Trigger(
        r"(?:car|truck|roadside) bombs?|suicide (?:bomb(?:er|ers|ing|ings)?|attacks?|car bombs?)|ieds?|"
        r"improvised explosive devices?|land ?mines?|explosions?|blasts?|detonat(?:ed|ion|ing)|"
        r"blew (?:themselves |himself |herself )?up|blown up|booby[- ]trap(?:ped|s)?|explod(?:e|ed|es|ing)|"
        r"bomb attacks?|grenade attacks?|(?:bombs?|grenades?) (?:went off|(?:ripped|tore) through)|"
        r"(?:set off|planted|hurled|threw|lobbed) (?:a |an |the |two |three |several )?(?:\w+ )?(?:bombs?|grenades?)",
        "frontline",
        "explosion",
    ),
    Trigger(
        r"air ?strikes?|air-strikes?|air raids?|air attacks?|aerial (?:bombardments?|attacks?|bombing)|"
        r"war ?planes?|fighter jets?|jets? (?:struck|bombed|hit)|drone (?:strikes?|attacks?)|"
        r"drones? (?:struck|hit|attacked|targeted)|kamikaze drones?|barrel bombs?|bomb(?:ed|ing|ings)|"
        r"helicopters? (?:fired|firing)|helicopter gunships?|gunships?",
        "frontline",
        "air_strike",
    ),
    Trigger(
        r"shell(?:ed|ing|s)|artillery|mortars?|howitzers?|rocket(?:s|ed)?|missiles?|bombard(?:ed|ment|ments|ing|s)?|"
        r"cluster munitions?|multiple rocket launchers?|tank fire",
        "frontline",
        "shelling",
    ),
    Trigger(
        r"(?:re)?captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|"
        r"(?:took|take|takes|taken|taking|gained|gain|regained|regain|wrested|seized) (?:full |back |complete |effective )?control|"
        r"fell to|fall(?:s|en)? to|ret(?:ook|ake|aken|akes|aking)|liberat(?:e|ed|es|ing|ion)|"
        r"withdr(?:ew|awn|aw|aws|awing|awal) from|pulled out of|overr(?:an|un|unning)|"
        r"(?:took|take|takes|taken|taking) over|"
        r"(?:entered|stormed) the (?:town|city|village|district)|"
        r"back (?:in|under) (?:the )?(?:government|army|state|military|federal)(?:'s)? (?:hands|control)",
        "frontline",
        "territory_change",
    ),
    Trigger(
        r"fight(?:s|ing)?|fought|clash(?:ed|es|ing)?|battl(?:e|es|ed|ing)|gun ?battles?|"
        r"(?:counter-?)?offensives?|attack(?:s|ed|ing)?|assault(?:s|ed|ing)?|(?<!in )advanc(?:e|es|ed|ing)|"
        r"raid(?:s|ed|ing)?|sieges?|besieg(?:e|ed|ing)|ambush(?:ed|es)?|skirmish(?:es)?|fire ?fights?|"
        r"gunfights?|exchanged fire|exchange of fire|opened fire|storm(?:ed|ing)|incursions?|"
        r"encircl(?:ed|ement|ing)|pushed into|push(?:ed|es|ing)? (?:forward|on|ahead|deeper)|"
        r"press(?:ed|es|ing)? (?:forward|on|ahead)|mov(?:ed|ing) (?:on|towards?)|"
        # a killing or a burning by armed men is an attack, whoever the victims are and whoever
        # tells it ("shot dead during a curfew", "gunmen fired on a patrol, the ministry said")
        r"shot (?:dead|and killed|down)|gunned down|executed|murder(?:ed|s|ing)?|assassinat(?:ed|ion|ions|ing)|"
        r"stabbed|hacked to death|beheaded|lynched|fired (?:on|at|upon)|set (?:fire|alight) to|torched",
        "frontline",
        "armed_clash",
    ),
    # humanitarian
    Trigger(
        rf"civilians? (?:were |was |have been |had been |are )?(?:killed|dead|wounded|injured|died)|"
        rf"(?:killed|killing|wounded|wounding|injured|injuring) {_N} (?:civilians|people|children|women|residents|villagers)|"
        r"civilian (?:casualties|deaths|death toll|toll)|death tolls?|massacres?",
        "humanitarian",
        "casualties",
    ),
    Trigger(
        r"fled|flee(?:s|ing)?|refugees?|displaced|displacement|evacuat(?:e|ed|es|ing|ion|ions)|exodus|"
        r"forced (?:from|out of) (?:their )?homes|sought (?:shelter|refuge)",
        "humanitarian",
        "displacement",
    ),
    Trigger(
        r"aid convoys?|humanitarian (?:aid|assistance|supplies|corridors?|convoys?|deliveries|relief|pause)|"
        r"relief (?:supplies|convoys?|goods|flights?)|food (?:aid|supplies|parcels|deliveries|convoys?|distributions?)|"
        r"medical supplies|aid (?:trucks?|deliveries|shipments?|flights?|drops?)|air ?drops?|"
        r"reached (?:the )?besieged|(?:delivered|distributed|handed out) (?:[\w-]+ )?(?:aid|food|supplies|rations|medicines?)|"
        r"food rations",
        "humanitarian",
        "aid",
    ),
    # diplomacy
    Trigger(
        r"agreed|signed|peace (?:deal|agreement|accord|treaty|plan was accepted)|(?:cease-?fire|truce) (?:deal|agreement)|"
        r"reached (?:a |an )?(?:deal|agreement|accord)|prisoner (?:swaps?|exchanges?)|"
        r"(?:deal|agreement|accord|truce),? (?:was |were )?(?:reached|signed|struck)|"
        r"(?:cease-?fire|truce) (?:took|takes|came into) effect",
        "diplomacy",
        "agreement",
    ),
    Trigger(
        r"talks|negotiat(?:ions?|ed|ing|ors?)|peace (?:conference|process|summit|initiative)|summits?|"
        r"mediat(?:ion|ed|ing|ors?)|brokered|consultations",
        "diplomacy",
        "talks",
    ),
    Trigger(
        r"(?:state |official )?visit(?:s|ed|ing)?|arrived in|arrives in|met in|trip to|travel(?:led|ed|s)? to|"
        r"flew (?:in)?to|tour(?:ed)? of|hosted",
        "diplomacy",
        "visit",
    ),
    # other: public life goes on, or turns to the street; what a map of the war codes apart
    Trigger(
        r"protest(?:s|ed|ing|ers?)?|demonstrat(?:ions?|ors?|ed)|rall(?:y|ies|ied)|marched|march(?:es)? (?:through|on|in)|"
        r"riot(?:s|ed|ing|ers)?|(?:crowds?|thousands|hundreds) (?:gathered|rallied|marched|danced)",
        "other",
        "protest",
    ),
    Trigger(
        r"concerts?|festivals?|ceremon(?:y|ies)|commemorat(?:e|ed|es|ing|ion|ions)|anniversar(?:y|ies)|"
        r"celebrat(?:e|ed|es|ing|ion|ions)|funerals?|memorial services?|vigils?|parades?|exhibitions?|"
        r"inaugurat(?:ed|ion)|sworn in|"
        r"elections?|referendums?|voted|voters|polling (?:stations?|booths?|day)|polls? (?:opened|closed)|curfews?",
        "other",
        "civic",
    ),
    # weak: telling only when nothing stronger is said
    Trigger(r"strikes?|struck|drones?", "frontline", "air_strike", strong=False),
    Trigger(r"killed|killing|dead|wounded|injured|casualt(?:y|ies)", "humanitarian", "casualties", strong=False),
    Trigger(r"aid|food|famine|starvation|hunger", "humanitarian", "aid", strong=False),
    Trigger(r"agreements?|deals?|accords?|cease-?fires?|truces?", "diplomacy", "agreement", strong=False),
    Trigger(r"meetings?|met with|met|meets|conference", "diplomacy", "talks", strong=False),
    Trigger(
        r"said|says|announced|condemned|warned|stated|declared|urged|called (?:for|on)|accused|denied|"
        r"rejected|vowed|pledged|welcomed|told reporters|statement",
        "diplomacy",
        "statement",
        strong=False,
    ),
)


def trigger_key(trigger: Trigger) -> str:
    """A trigger's sub-type as the trigger lists give it: a weak trigger's ends in ``_weak``."""
    return trigger.sub_event_type + ("" if trigger.strong else "_weak")


#: The event type of every trigger's key (``trigger_key``), strong or weak.
ANY_TRIGGER_TYPES = {trigger_key(t): t.event_type for t in TRIGGERS}

#: Without a place to be near, the first of these present wins.
SUB_EVENT_PRIORITY: tuple[str, ...] = (
    "territory_change",
    "explosion",
    "air_strike",
    "shelling",
    "armed_clash",
    "casualties",
    "displacement",
    "aid",
    "agreement",
    "talks",
    "visit",
    "protest",
    "civic",
    "statement",
)

#: A statement is diplomacy only in a sentence naming one of these.
DIPLOMATIC_ACTORS = (
    r"ministers?|ministry|envoys?|presidents?|prime minister|premier|chancellor|diplomats?|diplomatic|"
    r"ambassadors?|embass(?:y|ies)|summit|u\.\s?n\.|u\.n|un|united nations|secretary(?:-general| general| of state)?|"
    r"foreign office|kremlin|white house|state department|spokes(?:man|woman|person)|nato|european union|"
    r"african union|arab league|security council|delegations?|government|leaders?|mediators?"
)

#: Words that, just before a trigger, make it a goal or a denial, not an event.
NEGATING_WORDS = (
    r"end|ends|ending|halt|halting|stop|stopping|prevent|preventing|avoid|avoiding|cessation of|"
    r"end to|without|no|never|not|calls? for an end to|"
    r"delay|delays|delayed|delaying|postpone|postpones|postponed|postponing|avert|averts|averted|averting"
)

#: Words between a negating word and its trigger that still leave it undone: "delays a
#: threatened government offensive" tells of no offensive.
UNREALISED_WORDS = r"threatened|planned|expected|looming|feared|long-awaited|promised"

#: Where clauses begin: punctuation and subordinating words.
SUBORDINATORS = (
    r"(?<!\bsuch )(?<!\bknown )(?<!\bso )as(?! well\b| part\b| a result\b| soon\b| long\b| of\b| if\b| though\b| many\b| much\b)|"
    r"after|while|when|whereas|because|since|before|following|amid|amidst|despite|although|though|"
    r"which|who|whom|whose|where|until|unless"
)

# All patterns run on the lower-cased sentence (see _lowered). One alternation, entered
# only at the start of a word, is several times faster than one group per trigger;
# which trigger matched is found afterwards on the few words that did.
_ANY_TRIGGER = re.compile(rf"(?<![a-z0-9_])(?=[a-z])(?:{'|'.join(f'(?:{t.pattern})' for t in TRIGGERS)})\b")
_EACH_TRIGGER = tuple(re.compile(t.pattern) for t in TRIGGERS)
_ACTOR = re.compile(rf"\b(?:{DIPLOMATIC_ACTORS})(?!\w)")
_NEGATED = re.compile(
    rf"\b(?:{NEGATING_WORDS})\s+(?:(?:the|a|an|all|any|further|renewed|their|its)\s+)?"
    rf"(?:(?:{UNREALISED_WORDS})\s+)?(?:[\w-]+\s+)?$"
)
_WORD_START = r"(?<![a-z0-9_])(?=[a-z])"
_SUBORDINATOR = re.compile(rf"{_WORD_START}(?:{SUBORDINATORS})\b")
_CLAUSE_BREAK = re.compile(rf"[,;:()\[\]\u2014\u2013]|\s-\s|{_WORD_START}(?:that|but|and then|{SUBORDINATORS})\b")
#: How far before a trigger a negating word is looked for, in characters.
NEGATION_REACH = 60
_PRIORITY = {name: rank for rank, name in enumerate(SUB_EVENT_PRIORITY)}


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    trigger: Trigger
    text: str


def classify_sentence(
    sentence: str, *, near: tuple[int, int] | None = None, event_types: frozenset[str] | None = None
) -> EventKind:
    """The kind of event ``sentence`` states; with ``near`` (the place's character span
    in the sentence), the kind stated closest to that place; with ``event_types``, the
    kind among those types only (the sub-type of a type decided elsewhere)."""
    if near is not None:
        _check_span(sentence, near)
    sentence = _lowered(sentence)
    has_actor = _ACTOR.search(sentence) is not None
    hits = [
        hit
        for hit in _hits(sentence)
        if _counts(sentence, hit, has_actor=has_actor)
        and (event_types is None or hit.trigger.event_type in event_types)
    ]
    if not hits:
        return OTHER
    anchor = clause_of(sentence, near) if near is not None else _main_clause(sentence)
    inside = [h for h in hits if anchor[0] <= h.start and h.end <= anchor[1]]
    if near is not None:  # the place's own clause first, whatever its strength
        order = ((inside, True, True), (inside, False, True), (hits, True, False), (hits, False, False))
    else:  # the sentence's event: strength first
        order = ((inside, True, True), (hits, True, False), (inside, False, True), (hits, False, False))
    for pool, strong, in_anchor in order:
        chosen = [h for h in pool if h.trigger.strong is strong]
        if chosen:
            best = min(chosen, key=lambda h: _rank(h, near))
            return _kind(best, contested=_contested(best, chosen), in_anchor=in_anchor)
    return OTHER  # unreachable: every hit is strong or weak


def triggers_in(sentence: str, span: tuple[int, int] | None = None) -> tuple[str, ...]:
    """The sub-types every counted trigger in ``sentence`` (or in ``span`` of it) states."""
    lowered = _lowered(sentence)
    has_actor = _ACTOR.search(lowered) is not None
    start, end = span if span is not None else (0, len(lowered))
    return tuple(
        trigger_key(hit.trigger)
        for hit in _hits(lowered)
        if start <= hit.start and hit.end <= end and _counts(lowered, hit, has_actor=has_actor)
    )


def trigger_spans(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, sub-type) of every counted trigger in ``sentence``; a weak trigger's
    sub-type ends in ``_weak``."""
    lowered = _lowered(sentence)
    has_actor = _ACTOR.search(lowered) is not None
    return tuple(
        (hit.start, hit.end, trigger_key(hit.trigger))
        for hit in _hits(lowered)
        if _counts(lowered, hit, has_actor=has_actor)
    )


def every_trigger_span(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, sub-type) of every trigger in ``sentence``, counted or not: a trigger a
    negation empties is still a word the parse may show denied (``geo.parse.eventabsence``)."""
    lowered = _lowered(sentence)
    return tuple((hit.start, hit.end, trigger_key(hit.trigger)) for hit in _hits(lowered))


def denied_triggers(sentence: str) -> frozenset[str]:
    """The sub-types of the triggers a negation before them empties ("a night without air
    strikes", "no shelling"): not counted as events, yet a sign the sentence speaks of their absence."""
    lowered = _lowered(sentence)
    return frozenset(
        hit.trigger.sub_event_type
        for hit in _hits(lowered)
        if _NEGATED.search(lowered, max(0, hit.start - NEGATION_REACH), hit.start)
    )


def _check_span(sentence: str, near: tuple[int, int]) -> None:
    try:
        start, end = near
        valid = 0 <= start <= end <= len(sentence)
    except (TypeError, ValueError) as err:
        raise ValueError(f"near must be a (start, end) span of the sentence, got {near!r}") from err
    if not valid:
        raise ValueError(f"near must be a (start, end) span within 0..{len(sentence)}, got {near!r}")


def _lowered(sentence: str) -> str:
    """The sentence in lower case, every character at its own offset."""
    lowered = sentence.lower()
    if len(lowered) == len(sentence):
        return lowered
    # a few characters grow when lower-cased ("İ" -> "i̇"): keep those as they are
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in sentence)


@lru_cache(maxsize=2048)
def _hits(sentence: str) -> tuple[_Hit, ...]:
    """Every trigger of the (lower-cased) sentence. Kept for the sentences last asked about:
    the event model, the dates and the coder each ask of the same sentence once a place."""
    return tuple(_each_hit(sentence))


def _each_hit(sentence: str) -> Iterable[_Hit]:
    for found in _ANY_TRIGGER.finditer(sentence):
        words = found.group(0)
        # the first trigger that matches the words whole is the alternative the search took
        trigger = next(t for t, p in zip(TRIGGERS, _EACH_TRIGGER) if p.fullmatch(words))
        yield _Hit(found.start(), found.end(), trigger, " ".join(words.split()))


def _counts(sentence: str, hit: _Hit, *, has_actor: bool) -> bool:
    if _NEGATED.search(sentence, max(0, hit.start - NEGATION_REACH), hit.start):
        return False
    return hit.trigger.sub_event_type != "statement" or has_actor


def _main_clause(sentence: str) -> tuple[int, int]:
    """From the start to the first subordinate clause (the whole sentence if that is empty)."""
    found = _SUBORDINATOR.search(sentence)
    if found is None or not sentence[: found.start()].strip():
        return 0, len(sentence)
    return 0, found.start()


def clause_of(sentence: str, near: tuple[int, int]) -> tuple[int, int]:
    """The span of the clause holding ``near`` in ``sentence`` (lower-cased or not)."""
    start, end = near
    left = 0
    for found in _CLAUSE_BREAK.finditer(sentence, 0, start):
        left = found.start() if found.group(0)[:1].isalpha() else found.end()  # "as ..." belongs to its clause
    right_break = _CLAUSE_BREAK.search(sentence, end)
    return left, right_break.start() if right_break else len(sentence)


def _rank(hit: _Hit, near: tuple[int, int] | None) -> tuple[int, int, int]:
    priority = _PRIORITY[hit.trigger.sub_event_type]
    if near is None:
        return priority, hit.start, 0
    distance = max(near[0] - hit.end, hit.start - near[1], 0)
    return distance, priority, hit.start


def _contested(best: _Hit, pool: list[_Hit]) -> bool:
    return any(h.trigger.event_type != best.trigger.event_type for h in pool)


def _kind(hit: _Hit, *, contested: bool, in_anchor: bool) -> EventKind:
    if hit.trigger.strong:
        confidence = CONFIDENCE_STRONG if in_anchor and not contested else CONFIDENCE_STRONG_CONTESTED
    else:
        confidence = CONFIDENCE_WEAK if in_anchor else CONFIDENCE_WEAK_ELSEWHERE
    return EventKind(hit.trigger.event_type, hit.trigger.sub_event_type, confidence, hit.text)
