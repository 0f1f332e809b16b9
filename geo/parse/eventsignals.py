"""Signs that a place is named without anything happening there: features for the event type model.

A war report names many places only to say where another one lies or who someone is: a town
"north of" a city, a village "in" a province, residents "of" a town who speak, a clash that
did "not" happen, a ranking ("one of the deadliest in" a country). And the one who acts in a
clause tells its kind: a convoy that enters a town brings aid, troops that enter it fight.
These features say so in words the model (``geo.parse.eventmodel``) weighs by what it
learned; none of them decides anything alone.
"""

from __future__ import annotations

import re

from geo.parse.clausetree import ClauseTree
from geo.parse.dates import MONTHS, WEEKDAYS
from geo.parse.eventclause import TRIGGER_TYPES
from geo.parse.eventtypes import ANY_TRIGGER_TYPES, denied_triggers, trigger_spans
from geo.parse.placerole import motion_role, preposition_of

#: "north of", "south-west of", "northeastern outskirts of" are not: only a bearing.
BEARING_OF = re.compile(
    r"\b(?:north|south|east|west)(?:[-\s]?(?:east|west))?\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "opposite Y", "across the river from Y": like a bearing, it says where a site named before lies.
_FACING = re.compile(
    r"\b(?:opposite|across\s+(?:the\s+)?(?:river|border|bay|lake|strait|frontier|valley)\s+from)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
#: English ordinals: "the fourth attack in X" ranks an event among others rather than telling one.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s"})
#: Tags of proper nouns (Penn Treebank).
PROPER_TAGS = frozenset({"NNP", "NNPS"})
#: Tokens a place may sit behind and still be said to hold the proper noun before them:
#: "X, in Y province", "the X hospital in Y", "X in the mountains of Y".
_INSIDE_LINKS = frozenset({"in", "of", "inside", "within"})
#: How many tokens back a name the place contains may stand.
INSIDE_REACH = 5
#: Links from the subject's head down to a place it holds: "residents of X", "officials in X".
_HOLDER_LINKS = frozenset({"prep", "pobj", "compound", "appos", "conj"})
#: Words in the phrase of the one who acts that make it a bringer of aid: "a convoy of lorries
#: sent by the Red Crescent", "relief workers", "trucks of the World Food Programme".
AID_BRINGER_WORDS = frozenset(
    {"aid", "relief", "humanitarian", "cross", "crescent", "unhcr", "unicef", "wfp", "ocha", "unrwa", "msf",
     "charity", "charities", "food", "medicine", "medicines", "flour"}
)  # fmt: skip
#: Nouns of first-level administrative areas: "the X hospital in Y province" names Y only to say
#: where X is. A district, a county or a municipality is small enough that a reader maps an event
#: there too ("the X camp in Y district").
ADMIN_UNIT_NOUNS = frozenset(
    {"province", "governorate", "state", "region", "oblast", "prefecture", "department", "wilaya"}
)  # fmt: skip
#: Capitalised words of dates, which the tagger calls proper nouns: "on Tuesday in hills north of Y".
DATE_NAMES = frozenset(name.lower() for name in (*WEEKDAYS, *MONTHS))
#: How many tokens back from a bearing ("north of") the site it places may stand: "X, a town
#: in the hills north of Y".
BEARING_REACH = 8


def signal_features(tree: ClauseTree | None, sentence: str, start: int, end: int, is_area: bool) -> list[str]:
    """Feature names for the place at ``start:end`` of ``sentence``: how it is named and who acts."""
    features = []
    before = sentence[max(0, start - 60) : start]
    if BEARING_OF.search(before):
        features.append("ref_bearing_of")
    features += sorted(f"denied={sub_type}" for sub_type in denied_triggers(sentence))
    if tree is None or len(tree) == 0:
        return features
    place = tree.head_of_span(start, end)
    if _holds_a_name_before(tree, start, end):
        features += ["ref_inside_named", f"ref_inside_named_area={is_area}"]
        if "ref_bearing_of" in features:
            features.append("ref_bearing_of_named")
    if _names_an_admin_unit(tree, start, end):
        features.append("ref_admin_unit")
    if locates_a_named_site(tree, sentence, start, end):
        features.append("ref_locates_site")
    head = tree.heads[place]
    if tree.deps[place] in ("compound", "nmod", "poss") and head != place and not tree.is_verb(head):
        features.append(f"place_modifies={tree.words[head]}")
    verb = tree.clause_verb(place)
    if verb is not None:
        features += _doer_features(tree, verb, place)
    if tells_of_want(tree, sentence, start, end):
        features.append("want_told")  # "the mayor of X said the bakeries had run out of flour"
    move = civilians_move_there(tree, start, end)
    if move is not None:
        features.append(f"civilians_move={move}")  # "families arrived in X", "X has taken in refugees"
    if any(_is_copula(tree, token) for token in (place, *tree.ancestors(place))):
        features.append("copular_clause")  # "X is one of ...", "it was the fourth attack on ... in X"
    if any(tag in ("JJS", "RBS") for tag in tree.tags):
        features.append("superlative")
    if any(word in ORDINALS for word in tree.words):
        features.append("ordinal")
    if re.search(r"\bone of the\b", sentence, re.IGNORECASE):
        features.append("one_of_the")
    return features


def only_locates_another(tree: ClauseTree | None, sentence: str, start: int, end: int, is_area: bool) -> bool:
    """Is the place named only to say where something else is, or to rank an event among
    others: "X, south of Y", "the hospital of X in Y province", "one of the deadliest in Y"?
    Then a strong trigger in its sentence is no reason to put an event at it."""
    if BEARING_OF.search(sentence[max(0, start - 60) : start]):
        return True
    if tree is None or len(tree) == 0:
        return False
    if is_area and _holds_a_name_before(tree, start, end):
        return True
    place = tree.head_of_span(start, end)
    ranked = any(tag in ("JJS", "RBS") for tag in tree.tags) or any(word in ORDINALS for word in tree.words)
    return ranked and any(_is_copula(tree, token) for token in (place, *tree.ancestors(place)))


def locates_a_named_site(tree: ClauseTree | None, sentence: str, start: int, end: int) -> bool:
    """Is the place named only to say where a site named just before it lies: "the X hospital
    in Y province", "X, a village in Y province", "X, south of Y", "X, across the river from Y"? What happened, happened at
    the site; and when the gazetteer lacks the site, the text still places it, so a reader
    puts no event at the place that only locates it."""
    if tree is None or len(tree) == 0:
        return False
    if _holds_a_name_before(tree, start, end) and _names_an_admin_unit(tree, start, end):
        return True
    window = max(0, start - 60)
    bearing = BEARING_OF.search(sentence[window:start]) or _FACING.search(sentence[window:start])
    return bearing is not None and _name_before(tree, tree.token_at(window + bearing.start()), BEARING_REACH)


def _names_an_admin_unit(tree: ClauseTree, start: int, end: int) -> bool:
    """Is the place named as an administrative area ("Y province", "Y district")?"""
    after = tree.tokens_in(start, end)[-1] + 1
    return after < len(tree) and tree.words[after] in ADMIN_UNIT_NOUNS


def _name_before(tree: ClauseTree, token: int, reach: int) -> bool:
    """Does a proper noun stand among the ``reach`` tokens before ``token``, with no clause
    between ("X, a besieged town in the hills" before "north of Y")? A participle that only
    describes a noun ("besieged") is no clause."""
    for index in range(token - 1, max(-1, token - 1 - reach), -1):
        word, tag = tree.words[index], tree.tags[index]
        if tag in PROPER_TAGS and word not in DATE_NAMES:
            # a name describing a plural noun names no one site ("the X villages south of Y")
            return index > 0 and not (
                tree.deps[index] in ("compound", "amod") and tree.tags[tree.heads[index]] == "NNS"
            )
        if (tree.is_verb(index) and tree.deps[index] != "amod") or tag in (".", ":", "CC") or word == ";":
            return False
    return False


def _holds_a_name_before(tree: ClauseTree, start: int, end: int) -> bool:
    """Is the place named as what holds a proper noun just before it ("X, in Y province",
    "the X air base in Y", "X in the hills of Y"): then the event, if any, is at that name?"""
    first = tree.tokens_in(start, end)[0]
    linked = False
    for index in range(first - 1, max(-1, first - 1 - INSIDE_REACH), -1):
        word, tag = tree.words[index], tree.tags[index]
        if word in _INSIDE_LINKS:
            linked = True
        elif tag in PROPER_TAGS:
            return linked and index > 0
        elif tree.is_verb(index) or tag in (".", ":", "CC") or word in (";", "and", "or"):
            return False
    return False


def only_a_state_of_place(tree: ClauseTree | None, sentence: str, start: int, end: int, event_type: str) -> bool:
    """Do the triggers of ``event_type`` that reach the place only describe its noun ("the
    besieged town of X", "the shelled city of X")? A state the place is in is not the act its
    clause tells there: a convoy entering a besieged town brings aid."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    chain = {place, *tree.ancestors(place)}
    reaching = [
        tree.head_of_span(t_start, t_end)
        for t_start, t_end, sub_type in trigger_spans(sentence)
        if TRIGGER_TYPES.get(sub_type) == event_type
        and any(
            up in chain
            for up in (tree.head_of_span(t_start, t_end), *tree.ancestors(tree.head_of_span(t_start, t_end)))
        )
    ]
    return bool(reaching) and all(tree.deps[t] == "amod" and tree.heads[t] in chain for t in reaching)


def _doer_features(tree: ClauseTree, verb: int, place: int) -> list[str]:
    """Who acts in the place's clause (``doer=<noun>``) and whether the place only says where
    that one is from (``place_in_subject``, ``holder=<noun>``): "residents of X said"."""
    subjects = [c for c in tree.children(verb) if tree.deps[c] in ("nsubj", "nsubjpass")]
    if not subjects:
        return ["doer=none"]
    subject = subjects[0]
    features = [f"doer={tree.words[subject]}"]
    if _active_doer_brings_aid(tree, verb):
        features.append("doer_brings_aid")
    token = place
    while token != subject and tree.deps[token] in _HOLDER_LINKS and tree.heads[token] != token:
        token = tree.heads[token]
    if token == subject and place != subject:
        features += ["place_in_subject", f"holder={tree.words[subject]}"]
    return features


#: Vehicles that, moving into a place with no fighters aboard, bring supplies: in a war report a
#: column that fights is named by who rides in it ("an army convoy", "trucks carrying fighters").
SUPPLY_VEHICLES = frozenset({"convoy", "convoys", "truck", "trucks", "lorry", "lorries"})
#: Words in a vehicle's phrase that make it a fighting column.
ARMED_WORDS = frozenset(
    {"military", "army", "armoured", "armored", "troops", "soldiers", "fighters", "militants", "rebels", "police",
     "weapons", "tanks", "ammunition", "militia", "militiamen", "gunmen"}
)  # fmt: skip


def brings_aid(tree: ClauseTree, subject: int) -> bool:
    """Does the phrase of ``subject`` name a bringer of aid ("a convoy of trucks organised by
    the Red Cross", "aid workers", "convoys" with no fighters named aboard)?"""
    words = {tree.words[token] for token in _phrase(tree, subject)}
    if words & AID_BRINGER_WORDS:
        return True
    return tree.words[subject] in SUPPLY_VEHICLES and not words & ARMED_WORDS


def doer_brings_aid(tree: ClauseTree | None, start: int, end: int) -> bool:
    """Is the one who acts in the place's clause a bringer of aid ("a Red Crescent convoy
    entered X")? Then what it does there is aid, whatever a soldier doing the same would do."""
    if tree is None or len(tree) == 0:
        return False
    verb = tree.clause_verb(tree.head_of_span(start, end))
    return verb is not None and _active_doer_brings_aid(tree, verb)


def _active_doer_brings_aid(tree: ClauseTree, verb: int) -> bool:
    # the active subject only: aid workers who were abducted are not bringing aid; a parse
    # may split one subject in two
    return any(brings_aid(tree, c) for c in tree.children(verb) if tree.deps[c] == "nsubj")


#: Head nouns of a subject that is armed men (with ``ARMED_WORDS``): fighters who move are
#: not families who flee.
ARMED_MOVERS = frozenset(
    {"forces", "insurgents", "jihadists", "guerrillas", "combatants", "militiamen", "units", "columns", "army"}
)  # fmt: skip


#: Destinations entered, not only headed for: "tanks rolled into X" is in X.
ENTERING_PREPOSITIONS = frozenset({"into", "onto"})


def armed_men_headed_there(tree: ClauseTree | None, start: int, end: int) -> bool:
    """Is the place at ``start:end`` only where armed men move to ("the militants withdrew
    toward X", "fighters pulled back to X")? People who flee to a place are its displaced;
    fighters who retreat, regroup or push toward it are neither displaced nor, by that alone,
    fighting there. A place they move into is where they are ("tanks rolled into X")."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    found = motion_role(tree, place)
    if found is None or found[0] != "destination":
        return False
    verb = found[1]
    if tree.deps[verb] in ("advmod", "prt") and tree.heads[verb] != verb:
        verb = tree.heads[verb]  # "fell back to X", "pulled out to X": the adverb's verb moves
    if not tree.is_verb(verb) or tree.words[preposition_of(tree, place) or place] in ENTERING_PREPOSITIONS:
        return False
    while tree.deps[verb] == "conj" and not _subjects(tree, verb) and tree.heads[verb] != verb:
        verb = tree.heads[verb]  # "regrouped and withdrew toward X": the first verb's subject moves
    return any(tree.words[s] in ARMED_WORDS | ARMED_MOVERS for s in _subjects(tree, verb))


#: Prepositions that put a thing beside a place, not in it: "the crossing near X", "hilltops
#: around X", "camps outside X".
BESIDE_PREPOSITIONS = frozenset({"near", "around", "outside"})


def only_beside_where_a_move_starts(tree: ClauseTree | None, start: int, end: int) -> bool:
    """Is the place at ``start:end`` named only to say where lies the starting point of a
    movement ("reinforcements arriving from the crossing near X", "mortars fired from
    hilltops around X")? Fighting so told happens where the movement goes, not beside where it
    set out; people who flee from there are displaced from there, which is why this is a gate
    on fighting only."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    beside = tree.heads[place]
    if tree.deps[place] != "pobj" or beside == place or tree.words[beside] not in BESIDE_PREPOSITIONS:
        return False
    noun = tree.heads[beside]
    if noun == beside or tree.tags[noun] not in ("NN", "NNS"):
        return False  # a verb's place ("fighting near X") or a name's ("the X base near Y")
    found = motion_role(tree, noun)
    return found is not None and found[0] == "source"


#: Prepositions that make a place the setting of a topic noun: "the situation in X", "the
#: dispute over X", "talks on X".
TOPIC_PREPOSITIONS = frozenset({"in", "on", "over", "about"})


def only_the_topic_of_a_purpose(tree: ClauseTree | None, sentence: str, start: int, end: int, event_type: str) -> bool:
    """Is the place named only in the topic of a purpose clause under an act of
    ``event_type`` told above it ("a commission formed at the summit to look into killings in X",
    "envoys met to discuss the dispute over X")? The act is where its own clause puts it; the
    purpose clause says what it is about, and the place is where that topic lies. Not when a
    trigger of ``event_type`` stands inside the purpose clause ("flew out to attend talks in X"),
    nor for a place the purpose verb takes itself ("moved out to occupy X")."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    preposition = tree.heads[place]
    noun = tree.heads[preposition]
    if (
        tree.deps[place] != "pobj"
        or preposition == place
        or tree.words[preposition] not in TOPIC_PREPOSITIONS
        or noun == preposition
        or tree.tags[noun] not in ("NN", "NNS")
    ):
        return False
    purpose = tree.clause_verb(noun)
    if purpose is None or tree.deps[purpose] not in ("advcl", "xcomp", "acl", "relcl"):
        return False
    if not any(tree.deps[c] == "aux" and tree.tags[c] == "TO" for c in tree.children(purpose)):
        return False
    spans = trigger_spans(sentence)
    if any(tree.head_of_span(t_start, t_end) == noun for t_start, t_end, _ in spans):
        return False  # "to attend talks in X": the noun is an act, and X where it is held
    inside = set(_phrase(tree, purpose))
    triggers = [
        tree.head_of_span(t_start, t_end)
        for t_start, t_end, sub_type in spans
        if ANY_TRIGGER_TYPES[sub_type] == event_type
    ]
    return bool(triggers) and not any(trigger in inside for trigger in triggers)


#: Verbs whose object is where the one who moves arrives: "the convoy reached X", "lorries entered X".
ARRIVAL_VERBS = frozenset({"reach", "reached", "reaches", "reaching", "enter", "entered", "enters", "entering"})
#: Links from the place up to the verb of its clause that keep it that verb's goal or object.
_GOAL_LINKS = frozenset({"dobj", "pobj", "prep", "compound", "conj", "appos", "xcomp", "acomp"})


def aid_arrives_there(tree: ClauseTree | None, sentence: str, start: int, end: int) -> bool:
    """Is the place where a bringer of aid arrives ("aid lorries reached X at dawn", "a Red
    Cross convoy drove into X")? The place is the object of a verb of arriving or the
    destination of a motion, and the active subject of that verb (or of the verb it
    completes or is joined to) brings aid, as ``brings_aid`` reads it."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    found = motion_role(tree, place)
    if found is not None and found[0] != "destination":
        return False  # where the aid comes from or passes through
    arrives = found is not None
    token = place
    while tree.deps[token] in _GOAL_LINKS and tree.heads[token] != token:
        token = tree.heads[token]
        arrives = arrives or tree.words[token] in ARRIVAL_VERBS
        if tree.is_verb(token) and _subjects(tree, token):
            break
    if not arrives or not tree.is_verb(token) or "\n" in sentence[:start]:
        return False  # a line of a list ("Related:", then a headline a line) is no report of the story
    return _active_doer_brings_aid(tree, token)


#: Goods a place's people live on: a clause that tells they lack them, with no word of fighting,
#: tells of want ("the bakeries ran out of flour", "families queued for water"), whoever says it.
SUPPLIES = frozenset(
    {"food", "water", "fuel", "flour", "bread", "rice", "wheat", "milk", "medicine", "medicines", "electricity",
     "diesel", "petrol", "gasoline", "oxygen", "supplies", "rations"}
)  # fmt: skip
#: Words that tell goods are lacking or barely had: "scarce", "short of", "ran out of",
#: "surviving on", "needed".
WANT_WORDS = frozenset(
    {"scarce", "scarcity", "short", "shortage", "shortages", "lack", "lacks", "lacked", "lacking", "ran",
     "running", "run", "out", "without", "hoped", "hoping", "need", "needed", "needs", "surviving", "survived",
     "survive", "queued", "queuing", "queueing", "rationed", "rationing", "dwindling", "exhausted", "depleted"}
)  # fmt: skip


def tells_of_want(tree: ClauseTree | None, sentence: str, start: int, end: int) -> bool:
    """Does the clause that holds the place tell of supplies its people lack or barely have, in a
    sentence with no word of fighting or killing and no armed men ("the mayor of X said the
    bakeries had run out of flour", "families in X are short of bread")? What such a clause tells is
    a state of want. Goods that only qualify another noun ("the rice fields") are no supplies."""
    if tree is None or len(tree) == 0:
        return False
    verb = tree.clause_verb(tree.head_of_span(start, end))
    if verb is None:
        return False
    clause = _phrase(tree, verb)
    if not any(
        tree.words[token] in SUPPLIES and tree.deps[token] not in ("compound", "amod", "nmod") for token in clause
    ) or not any(tree.words[token] in WANT_WORDS for token in clause):
        return False
    backdrop = _time_into_the_war(tree)
    if any(w in ARMED_WORDS | ARMED_MOVERS | {"armed"} for i, w in enumerate(tree.words) if i not in backdrop):
        return False
    return not any(
        (ANY_TRIGGER_TYPES[sub_type] == "frontline" or sub_type.startswith("casualties"))
        and tree.head_of_span(t_start, t_end) not in backdrop
        for t_start, t_end, sub_type in trigger_spans(sentence)
    )


#: Nouns that count the time a war has lasted: "a year into the fighting".
_SPANS_OF_TIME = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years"})


def _time_into_the_war(tree: ClauseTree) -> set[int]:
    """The tokens of phrases that only date the sentence by how long the war has lasted ("more
    than a year into the fighting between X and Y", "three months into the war"): the fighting
    so named is the time, not an act the clause tells."""
    backdrop: set[int] = set()
    for i, word in enumerate(tree.words):
        if word == "into" and i > 0 and tree.words[i - 1] in _SPANS_OF_TIME:
            for child in tree.children(i):
                if tree.deps[child] == "pobj":
                    backdrop.update(_phrase(tree, child))
    return backdrop


def _subjects(tree: ClauseTree, verb: int, *, passive: bool = False) -> list[int]:
    """The verb's subjects; with ``passive``, a passive verb's too ("the town is held by ...")."""
    deps = ("nsubj", "nsubjpass") if passive else ("nsubj",)
    return [c for c in tree.children(verb) if tree.deps[c] in deps]


def _phrase(tree: ClauseTree, head: int) -> list[int]:
    """The tokens of the phrase ``head`` heads: itself and every token below it."""
    return [i for i in range(len(tree)) if i == head or head in tree.ancestors(i)]


def _is_copula(tree: ClauseTree, token: int) -> bool:
    return tree.words[token] in _BE and any(tree.deps[c] in ("attr", "acomp") for c in tree.children(token))


#: Participles of English verbs of siege and capture, which tell a place's state under an enemy
#: when the place is their subject ("X remained encircled", "X is held by the rebels").
SIEGE_PARTICIPLES = frozenset({"surrounded", "encircled", "besieged", "invested", "blockaded", "beleaguered"})
CAPTURE_PARTICIPLES = frozenset(
    {"held", "occupied", "taken", "retaken", "captured", "recaptured", "seized", "overrun"}
)  # fmt: skip
#: Nouns of a prepositional state that is a siege or a hold: "under siege", "under rebel control",
#: "under fire"; and "in rebel hands".
SIEGE_STATE_NOUNS = frozenset({"siege", "blockade", "fire", "bombardment", "shelling", "attack", "assault"})
CAPTURE_STATE_NOUNS = frozenset({"control", "occupation"})
#: Verbs that tell a state as going on: "is", "remained", "stays".
STATE_VERBS = _BE | frozenset({"remain", "remains", "remained", "stay", "stays", "stayed"})
#: Nouns a place names by "of": "the town of X", "the garrison of X".
_HOLDER_OF_PLACE = frozenset(
    {"town", "city", "village", "port", "fortress", "fort", "garrison", "citadel", "stronghold", "capital"}
)  # fmt: skip


def held_or_besieged(tree: ClauseTree | None, start: int, end: int) -> str | None:
    """Is the place told as besieged or held by an enemy, a state rather than an act: the
    subject of a passive or adjectival participle of siege or capture ("X remained
    encircled", "X is held by the rebels", "X has been cut off"), of a state under siege or
    control ("X is under the control of the militia", "X was in rebel hands"), or of "held
    out" ("the garrison of X held out")? ``siege`` or ``capture`` for the kind, ``want`` for
    a siege told beside what its people lack or say (a clause joined to it whose subject is
    civilians), None otherwise; not when denied, to come or a condition. The state tells
    fighting there, which no trigger of an act does."""
    if tree is None or len(tree) == 0:
        return None
    subject = tree.head_of_span(start, end)
    holder = tree.heads[tree.heads[subject]]
    if (
        tree.deps[subject] == "pobj"
        and tree.words[tree.heads[subject]] == "of"
        and tree.words[holder] in _HOLDER_OF_PLACE
    ):
        subject = holder  # "the town of X remained encircled"
    if tree.deps[subject] not in ("nsubj", "nsubjpass"):
        return None
    verb = tree.heads[subject]
    children = list(tree.children(verb))
    if (
        any(
            tree.deps[c] == "neg" or (tree.deps[c] in ("mark", "advmod") and tree.words[c] in _UNREAL_MARKS)
            for c in children
        )
        or tree.tense(verb) == "future"
    ):
        return None  # "X is not besieged", "once X is taken"
    state = _state_told(tree, subject, verb, children)
    if state == "siege" and any(_civilians_in(tree, c) for c in children if tree.deps[c] == "conj"):
        return "want"  # "X has been encircled since July, and residents say they are eating grass"
    return state


_HOLD = frozenset({"hold", "holds", "held", "holding"})
#: Words that make a clause a condition or a time to come: "once X is taken", "if X is held".
_UNREAL_MARKS = frozenset({"if", "once", "unless", "until", "whether", "before"})


def _civilians_in(tree: ClauseTree, clause: int) -> bool:
    """Is a group of civilians the subject of a verb of ``clause`` ("residents say they ...")?"""
    return any(tree.deps[t] in ("nsubj", "nsubjpass") and _is_civilian_group(tree, t) for t in _phrase(tree, clause))


def _state_told(tree: ClauseTree, subject: int, verb: int, children: list[int]) -> str | None:
    """``siege`` or ``capture`` for the state the subject's clause tells, None for another."""
    predicates = [verb] + [c for c in children if tree.deps[c] in ("acomp", "xcomp", "oprd")]
    # the participle tells what was done to the place only where the place is its passive
    # subject or the participle is the predicate of a verb of state ("X captured Y": X acts)
    told_of_it = [p for p in predicates if p != verb or tree.deps[subject] == "nsubjpass"]
    for word in (tree.words[p] for p in told_of_it):
        if word in SIEGE_PARTICIPLES:
            return "siege"
        if word in CAPTURE_PARTICIPLES:
            return "capture"
    particles = {tree.words[c] for c in children if tree.deps[c] == "prt"}
    if tree.words[verb] == "cut" and "off" in particles and tree.deps[subject] == "nsubjpass":
        return "siege"  # "X has been cut off" ("X cut off the gas": X acts)
    if tree.words[verb] in _HOLD and "out" in particles and not any(tree.deps[c] == "dobj" for c in children):
        return "siege"  # "the garrison of X held out" ("X held out hope": no siege)
    if tree.words[verb] not in STATE_VERBS:
        return None
    for preposition in (c for p in predicates for c in tree.children(p) if tree.deps[c] == "prep"):
        nouns = {tree.words[c] for c in tree.children(preposition) if tree.deps[c] == "pobj"}
        if tree.words[preposition] == "under" and nouns & SIEGE_STATE_NOUNS:
            return "siege"
        if (tree.words[preposition] == "under" and nouns & CAPTURE_STATE_NOUNS) or (
            tree.words[preposition] == "in" and "hands" in nouns
        ):
            return "capture"
    return None


#: English nouns of people who are no party to the fighting, in groups: when they move to or
#: from a town, they are displaced ("families arrived in X", "villagers who left X").
CIVILIAN_NOUNS = frozenset(
    {"civilians", "families", "refugees", "people", "villagers", "residents", "inhabitants", "townspeople",
     "women", "children", "evacuees", "households", "survivors", "displaced"}
)  # fmt: skip
#: Words that count a group and hand the group itself to "of": "hundreds of families".
_COUNTING_WORDS = frozenset(
    {"hundreds", "thousands", "tens", "dozens", "scores", "many", "some", "most", "number", "columns", "column",
     "group", "groups", "crowds", "wave", "waves", "stream", "streams", "boatloads", "busloads", "convoys"}
)  # fmt: skip
#: Verbs of arriving that take a place by "in" or "at", or as their object ("reached X").
_ARRIVING_AT = frozenset({"arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing"})
_REACHING = frozenset({"reach", "reaches", "reached", "reaching"})
#: Verbs of leaving that take the place left as their object ("left X", "fled X").
_LEAVING = frozenset(
    {"leave", "leaves", "left", "leaving", "flee", "flees", "fled", "fleeing", "escape", "escapes", "escaped",
     "escaping", "abandon", "abandons", "abandoned", "abandoning"}
)  # fmt: skip


def civilians_move_there(tree: ClauseTree | None, start: int, end: int) -> str | None:
    """Is the place where a group of civilians arrives or which it leaves ("families arrived in
    X", "thousands of villagers poured into X", "families who left X"), or which takes them in
    ("X has taken in 3,000 refugees", "camps in X received families")? ``destination`` or
    ``source``; None otherwise. People who are no side's fighters moving in numbers are
    displaced, though no word of flight or of refugees says so."""
    if tree is None or len(tree) == 0:
        return None
    place = tree.head_of_span(start, end)
    if _takes_in_civilians(tree, place):
        return "destination"
    part = _move_part(tree, place)
    if part is None:
        return None
    role, verb = part
    subjects = [c for c in tree.children(verb) if tree.deps[c] == "nsubj"]
    if tree.deps[verb] == "relcl" and any(tree.words[s] in _RELATIVE for s in subjects):
        subjects = [tree.heads[verb]]  # "families who left X"
    return role if any(_is_civilian_group(tree, s) for s in subjects) else None


_RELATIVE = frozenset({"who", "that", "which"})


def _move_part(tree: ClauseTree, place: int) -> tuple[str, int] | None:
    """The place's part in a move (``destination`` or ``source``) and the verb that moves."""
    if tree.deps[place] == "dobj":
        verb = tree.heads[place]
        word = tree.words[verb]
        return ("destination", verb) if word in _REACHING else ("source", verb) if word in _LEAVING else None
    motion = motion_role(tree, place)
    if motion is not None and motion[0] in ("destination", "source") and tree.is_verb(motion[1]):
        return motion
    preposition = preposition_of(tree, place)
    if preposition is not None and tree.words[preposition] in ("in", "at"):
        verb = tree.heads[preposition]
        if tree.words[verb] in _ARRIVING_AT:
            return "destination", verb
    return None


#: English verbs whose subject takes people in: "X has taken in refugees", "camps in X received
#: families", "the town hosts 40,000 displaced people". "Take" counts only with its particle "in".
_RECEIVING = frozenset(
    {"receive", "receives", "received", "receiving", "host", "hosts", "hosted", "hosting", "shelter", "shelters",
     "sheltered", "sheltering", "accommodate", "accommodates", "accommodated", "accommodating", "absorb",
     "absorbs", "absorbed", "absorbing", "welcome", "welcomes", "welcomed", "welcoming"}
)  # fmt: skip
_TAKING = frozenset({"take", "takes", "took", "taken", "taking"})


def _takes_in_civilians(tree: ClauseTree, place: int) -> bool:
    """Is the place, or what the place locates or names ("camps in X", "the town of X"), the
    subject of a verb of taking people in whose object is a group of civilians? The place is
    then where they shelter."""
    holder = place
    preposition = preposition_of(tree, place)
    if preposition is not None and tree.words[preposition] in ("in", "at", "of"):
        holder = tree.heads[preposition]
    verb = tree.heads[holder]
    if tree.deps[holder] != "nsubj" or verb == holder or not _is_receiving(tree, verb):
        return False
    return any(tree.deps[c] == "dobj" and _is_civilian_group(tree, c) for c in tree.children(verb))


def _is_receiving(tree: ClauseTree, verb: int) -> bool:
    word = tree.words[verb]
    if word in _TAKING:
        return any(tree.deps[c] == "prt" and tree.words[c] == "in" for c in tree.children(verb))
    return word in _RECEIVING


def _is_civilian_group(tree: ClauseTree, subject: int) -> bool:
    """Is the subject a group of civilians, itself or counted ("hundreds of families")?"""
    if tree.words[subject] in CIVILIAN_NOUNS:
        return True
    if tree.words[subject] not in _COUNTING_WORDS:
        return False
    return any(
        tree.words[c] == "of" and any(tree.words[n] in CIVILIAN_NOUNS for n in tree.children(c))
        for c in tree.children(subject)
    )


#: Words that make a route an army's own: "supply lines", "a resupply route", "the logistics
#: hub". A short list on purpose: English names an army's logistics by these few nouns, and a
#: route named by one carries fighters' supplies, not aid (an aid route says so: "a humanitarian
#: corridor", "the road for aid convoys").
LOGISTICS_WORDS = frozenset({"supply", "resupply", "logistics", "logistic", "logistical"})
#: Nouns a logistics word turns into an army's route or depot.
ROUTE_NOUNS = frozenset(
    {"line", "lines", "route", "routes", "road", "roads", "corridor", "corridors", "link", "links", "chain",
     "chains", "artery", "arteries", "hub", "hubs", "base", "bases", "depot", "depots", "network", "networks"}
)  # fmt: skip


def ends_a_supply_line(tree: ClauseTree | None, sentence: str, start: int, end: int) -> bool:
    """Is the place named only as where an army's supply line runs to or through ("to protect
    supply lines to X", "cut the resupply route through X", "the X supply road")? Such a route
    carries an army's fuel and ammunition: no aid reaches X by it, and no one is displaced
    there. Not when a word of aid stands in the sentence ("supply routes for aid convoys to
    X"): then the route may be what brings it."""
    if tree is None or len(tree) == 0:
        return False
    if any(TRIGGER_TYPES.get(sub_type) == "humanitarian" for _, _, sub_type in trigger_spans(sentence)):
        return False
    place = tree.head_of_span(start, end)
    if tree.deps[place] == "compound" and _is_logistics_route(tree, tree.heads[place]):
        return True  # "the Aleppo supply road"
    found = motion_role(tree, place)
    if found is None or found[0] == "source":
        return False
    holder = found[1]
    if _is_logistics_route(tree, holder):
        return True  # "supply lines to X"
    # the parser often hangs "to X" on the verb that takes the route: "protect supply lines to X"
    return tree.is_verb(holder) and any(
        tree.deps[c] in ("dobj", "nsubjpass") and _is_logistics_route(tree, c) for c in tree.children(holder)
    )


def _is_logistics_route(tree: ClauseTree, noun: int) -> bool:
    word = tree.words[noun]
    if word in ("resupply", "logistics"):
        return True
    return word in ROUTE_NOUNS and any(
        tree.words[c] in LOGISTICS_WORDS for c in tree.children(noun) if tree.deps[c] in ("compound", "amod", "nmod")
    )


#: Verbs and nouns of forces leaving a place: "withdraw", "pull out", "leave", "a withdrawal".
_WITHDRAWING = frozenset(
    {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal", "pullout", "pull-out",
     "leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing", "departure"}
)  # fmt: skip
_PULL = frozenset({"pull", "pulls", "pulled", "pulling"})
#: Links that keep a verb in the same statement as the one above it: "achieved their goals and
#: ordered them to start leaving".
_SAME_STATEMENT = frozenset({"conj", "xcomp"})


def forces_leave_the_country(tree: ClauseTree | None, sentence: str, start: int, end: int) -> bool:
    """Does the sentence say that armed forces leave the country named at ``start:end``, and
    nothing fought there ("the president said his forces had done their work in X and would
    start leaving", "troops will pull out of X by June")? An announced withdrawal from a whole
    country is a statement about the war, not fighting across that country; a withdrawal from
    a town stays a change of hands there (the caller asks this of countries only). Not when
    the sentence tells of any other fighting."""
    if tree is None or len(tree) == 0:
        return False
    leaving = [
        i
        for i, word in enumerate(tree.words)
        if (word in _WITHDRAWING or _pulls_out(tree, i))
        and not any(tree.deps[c] in ("oprd", "acomp", "ccomp") for c in tree.children(i))  # "left five dead"
    ]
    if not leaving:
        return False
    for t_start, t_end, sub_type in trigger_spans(sentence):
        if TRIGGER_TYPES.get(sub_type) != "frontline":
            continue
        if not any(tree.head_of_span(t_start, t_end) == i or t_start <= tree.starts[i] < t_end for i in leaving):
            return False  # other fighting told: the country may be where it is
    place = tree.head_of_span(start, end)
    verb = tree.clause_verb(place)
    if verb is None:
        return False
    statement = _statement_of(tree, verb)
    if not any(i in statement or tree.clause_verb(i) in statement for i in leaving):
        return False
    return any(
        tree.deps[c] in ("nsubj", "nsubjpass", "dobj") and tree.words[c] in ARMED_WORDS | ARMED_MOVERS
        for v in statement
        for c in tree.children(v)
    ) or any(tree.words[c] in ARMED_WORDS | ARMED_MOVERS for i in leaving for c in _phrase(tree, i))


def _pulls_out(tree: ClauseTree, token: int) -> bool:
    return tree.words[token] in _PULL and any(tree.words[c] == "out" for c in tree.children(token))


def _statement_of(tree: ClauseTree, verb: int) -> set[int]:
    """The verbs joined to ``verb`` by "and" or as its complement, up and down: one statement."""
    top = verb
    while tree.deps[top] in _SAME_STATEMENT and tree.heads[top] != top:
        top = tree.heads[top]
    found, todo = {top}, [top]
    while todo:
        for child in tree.children(todo.pop()):
            if tree.deps[child] in _SAME_STATEMENT and child not in found:
                found.add(child)
                todo.append(child)
    return found


#: Tags of a verb in the simple present: "overlooks", "lie".
_SIMPLE_PRESENT = frozenset({"VBZ", "VBP"})
#: Prepositions that set a stretch of land beside a place: "the plain around X", "the hills
#: above X"; and "of" after a bearing: "the ridge north of X" (not "the town of X", a name).
_LIE_OF_THE_LAND = frozenset({"around", "near", "outside", "beside", "along", "above", "below", "over"})
_BEARINGS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west"}
)  # fmt: skip
#: What a verb of a clause hangs on: a tagger that reads a plural noun as a verb ("Abkhaz
#: separatists") leaves it hanging as a noun does, as an object.
_CLAUSE_LINKS = frozenset({"ROOT", "conj", "ccomp", "relcl", "advcl", "parataxis"})


def only_in_a_view_from_another(
    tree: ClauseTree | None, sentence: str, start: int, end: int, others: tuple[tuple[int, int], ...]
) -> bool:
    """Is the place named only to say what stretch of land another place looks over or lies by,
    told in the simple present ("the town overlooks the plain around X", "the village lies on
    the hills north of X")? A lasting lie of the land is no act: nothing happens at X by it.
    The clause's subject (or that of the verb it is joined to by "and") must be a place: one
    the sentence names, a proper name or a word for a town ("the town overlooks"). The place
    must hang, by a preposition of the lie of the land, on a noun in the clause's object that
    tells of no event ("clashes near X" tells of one), or on the verb itself when the parser
    hangs it there."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    verb = tree.clause_verb(place)
    if verb is None or tree.tags[verb] not in _SIMPLE_PRESENT or tree.words[verb] in _BE:
        return False
    if tree.deps[verb] not in _CLAUSE_LINKS or any(
        tree.deps[c] in ("aux", "auxpass", "neg") for c in tree.children(verb)
    ):
        return False
    subjects = _subjects(tree, verb, passive=True)
    if not subjects and tree.deps[verb] == "conj":
        subjects = _subjects(tree, tree.heads[verb], passive=True)  # "was held by rebels and overlooks X"
    other_heads = {tree.head_of_span(s, e) for s, e in others} - {place}
    if not any(s in other_heads or tree.tags[s] in PROPER_TAGS or tree.words[s] in _HOLDER_OF_PLACE for s in subjects):
        return False
    preposition = preposition_of(tree, place)
    if (
        preposition is not None
        and tree.words[preposition] == "of"
        and tree.words[tree.heads[preposition]] in _HOLDER_OF_PLACE
    ):
        preposition = preposition_of(tree, tree.heads[preposition])  # "north of the port of X" is north of X
    if preposition is None:
        return False
    land = tree.heads[preposition]
    if tree.words[preposition] not in _LIE_OF_THE_LAND and not (
        tree.words[preposition] == "of" and tree.words[land] in _BEARINGS
    ):
        return False
    if land == preposition or (tree.is_verb(land) and land != verb):
        return False
    events = {tree.head_of_span(t_start, t_end) for t_start, t_end, _ in trigger_spans(sentence)}
    if land == verb:  # the parser hangs "around X" on the verb: "overlooks the plain around X"
        return verb not in events and not any(tree.deps[c] == "dobj" and c in events for c in tree.children(verb))
    token = land
    while token != verb:
        if token in events or tree.deps[token] in ("nsubj", "nsubjpass") or tree.heads[token] == token:
            return False
        token = tree.heads[token]
    return True


#: Verbs of a journey: going by air or sea, travelling, arriving. A place one of them takes by
#: "from" ("flew in from X", "arrived from X", "reached the town from X") is where a traveller set
#: out; what the sentence tells happens on the way or where they go.
_JOURNEYING = frozenset(
    {"fly", "flies", "flew", "flown", "flying", "sail", "sails", "sailed", "sailing", "travel", "travels",
     "travelled", "traveled", "travelling", "traveling"}
) | _ARRIVING_AT - {"land", "lands", "landed", "landing"} | _REACHING  # fmt: skip


def only_where_a_journey_starts(tree: ClauseTree | None, start: int, end: int) -> bool:
    """Is the place named only as where a journey set out ("the envoy flew in from X", "troops
    flown from X to Y", "the lorries reached the town from X")? A traveller's starting point is
    no scene: an official's flight, a ship's crossing or a convoy's arrival happens where it
    ends. Only by "from" on a verb of journeying: "out of X" may be an evacuation of X, and
    "driven from X" or "withdrew from X" tell of a fight there. Not when the travellers are
    civilians (``civilians_move_there``): people arriving from a town may have fled it."""
    if tree is None or len(tree) == 0:
        return False
    place = tree.head_of_span(start, end)
    preposition = preposition_of(tree, place)
    if preposition is None or tree.words[preposition].lower() != "from":
        return False
    verb = tree.heads[preposition]
    if verb == preposition or not tree.is_verb(verb) or tree.words[verb].lower() not in _JOURNEYING:
        return False
    return civilians_move_there(tree, start, end) is None


#: Nouns of a crowd in the street: "crowds burned buses", "looters attacked supermarkets", "a
#: crowd of students stormed the embassy". Not "mobs", "gangs" or "rioters", which name those
#: who kill their neighbours in communal violence ("rioters attacked Uzbek neighbourhoods"),
#: coded as fighting; nor "residents" or "villagers", who are as often victims.
CROWD_NOUNS = frozenset(
    {"crowd", "crowds", "looters", "protesters", "protestors", "demonstrators", "marchers", "strikers"}
)  # fmt: skip


#: An assault on a post of the state's forces ("attacked the police station", "stormed an army
#: post"): whoever makes it, a crowd too, fights the men inside, as the actor reader counts them.
_SECURITY_POST_ASSAULTED = re.compile(
    r"\b(?:attack(?:ed|ing|s)?|storm(?:ed|ing|s)?|raid(?:ed|ing|s)?|overr(?:an|un|unning|uns)|assault(?:ed|ing|s)?)"
    r"\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:\w+\s+)?(?:police|army|military|security|gendarmerie|border)"
    r"\s+(?:stations?|posts?|barracks|checkpoints?|headquarters|bases?)\b",
    re.IGNORECASE,
)


def assaults_a_security_post(sentence: str) -> bool:
    """Does the sentence tell of an assault on a police or army post ("a crowd attacked the
    police station and freed the prisoners")? Such a crowd's act is fighting, not a riot."""
    return _SECURITY_POST_ASSAULTED.search(sentence) is not None


def a_crowd_acts_there(tree: ClauseTree | None, start: int, end: int) -> bool:
    """Is the one who acts in the place's own clause a crowd ("crowds of his supporters looted
    and burned shops in X", "in X a crowd set fire to the embassy", "looters attacked
    supermarkets in X")? What a crowd does in the street, burning and looting too, is a riot
    or a protest, not fighting, and not aid; the place's clause is read up through verbs joined
    by "and" to the one that has a subject, and a relative clause's "who" stands for its noun."""
    if tree is None or len(tree) == 0:
        return False
    verb = tree.clause_verb(tree.head_of_span(start, end))
    if verb is None:
        return False
    subjects = _subjects(tree, verb, passive=True)
    while not subjects and tree.deps[verb] == "conj" and tree.heads[verb] != verb:
        verb = tree.heads[verb]  # "looted and burned shops in X"
        subjects = _subjects(tree, verb, passive=True)
    if tree.deps[verb] == "relcl" and any(tree.words[s].lower() in _RELATIVE for s in subjects):
        subjects = [tree.heads[verb]]  # "crowds who stormed the palace in X"
    return any(tree.words[s].lower() in CROWD_NOUNS for s in subjects)
