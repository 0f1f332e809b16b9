"""Events a sentence says did not happen, have stopped, or have not happened yet: read from the parse.

War reports name places where nothing happened as often as places where something did: "a
night without shelling in X", "troops never reached X", "X was quiet", "the truce held in X",
"rebels threatened to storm X", "talks in Y, with no date set". The trigger words are there,
so a reader of words alone puts an attack at X. Whether an act is denied, over or only
intended is grammar, the same in every war: a negation or "without" on the trigger or its
verb, a calm predicate on the place's clause, a verb of intent or a conditional above the
trigger. These functions read it from the sentence's parse (``geo.parse.clausetree``);
``geo.parse.eventmodel.decide`` gives a place no event when its clause states the model's type
only so (a rule, not a weight: measured on wars left out, it carries better than the learned
features, docs/evaluation.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from geo.parse.clausetree import TIME_NOUNS, ClauseTree
from geo.parse.eventclause import TRIGGER_TYPES, trigger_place
from geo.parse.eventtypes import ANY_TRIGGER_TYPES, every_trigger_span

#: Words that deny the word they hang on: "not", "n't", "never" (``neg``), "no" (a determiner).
NEGATING_WORDS = frozenset({"not", "n't", "never", "no"})
#: Prepositions whose object is absent: "a night without shelling".
ABSENCE_PREPOSITIONS = frozenset({"without"})
#: Verbs whose "without" tells a time or place free of an act: "it was a night without
#: shelling", "the night passed without incident".
UNEVENTFUL_VERBS = frozenset({"is", "was", "were", "are", "be", "been", "'s", "passed", "pass", "went", "ended"})
#: Nouns that say an act has stopped or is missing, when the act is their object: "a lull in
#: the fighting", "an end to the shelling", "the absence of air strikes".
PAUSE_NOUNS = frozenset(
    {"lull", "lulls", "pause", "halt", "end", "cessation", "absence", "lack", "suspension", "respite", "break", "stop"}
)  # fmt: skip
#: Nouns of a break in talks under way: "a pause in the talks", "the suspension of talks" tell
#: that talks were held and were stopped, itself a diplomatic act; "a pause in the fighting"
#: tells of no fighting.
INTERRUPTION_NOUNS = frozenset({"pause", "halt", "suspension", "break", "end"})
#: Nouns that, as the subject or object of the place's clause, say it was calm: "a lull settled
#: over X" (not "the end of ...", which may be an act's end or a group's).
LULL_NOUNS = frozenset({"lull", "respite", "calm", "quiet"})
#: Words that say a place or a time was calm: "X was quiet", "a calm night in X".
CALM_WORDS = frozenset(
    {"quiet", "quieter", "quietest", "calm", "calmer", "calmest", "peaceful", "uneventful", "normal"}
)  # fmt: skip
#: Adverbs that say an activity went on as ever: "the port was working normally".
NORMALLY = frozenset({"normally"})
#: A truce that holds: "the ceasefire held in X".
TRUCE_NOUNS = frozenset({"ceasefire", "cease-fire", "truce", "cessation", "ceasefires", "truces"})
HOLDING_VERBS = frozenset({"held", "holding", "holds", "hold"})
#: Verbs of an act still to come, the act being their clausal complement: "threatened to
#: storm X", "plans to attack X".
INTENT_VERBS = frozenset(
    {"plan", "plans", "planned", "planning", "threaten", "threatens", "threatened", "threatening", "vow", "vows",
     "vowed", "intend", "intends", "intended", "pledge", "pledged", "pledges", "promise", "promised", "promises",
     "prepare", "prepares", "preparing", "prepared", "want", "wants", "wanted", "aim", "aims", "aimed", "seek",
     "seeks", "sought", "hope", "hopes", "hoped"}
)  # fmt: skip
#: Verbs that say an act begins or takes place: with its act as their subject and a
#: hypothetical auxiliary, the act is still to come ("a new round of talks could open").
ONSET_VERBS = frozenset(
    {"open", "begin", "start", "resume", "reopen", "convene", "take", "held", "come", "follow", "continue"}
)
#: Auxiliaries of an act that may or may not come: "fighting would endanger ...".
HYPOTHETICAL_AUXILIARIES = frozenset({"would", "could", "might", "may", "should", "will", "'ll", "shall"})
#: Clause openers of a condition: "if troops enter X".
CONDITIONS = frozenset({"if", "unless"})
#: Verbs that deny the clause they govern: "denied that its aircraft had struck X", "dismissed
#: claims that troops had fired on X".
DENYING_VERBS = frozenset(
    {"deny", "denies", "denied", "denying", "refute", "refutes", "refuted", "refuting", "dismiss", "dismisses",
     "dismissed", "dismissing", "reject", "rejects", "rejected", "rejecting", "rebut", "rebuts", "rebutted"}
)  # fmt: skip
#: Nouns of a claim that a verb of denying denies with its "that" clause: "denied reports that
#: ...", "rejected allegations that ...".
CLAIM_NOUNS = frozenset(
    {"report", "reports", "claim", "claims", "allegation", "allegations", "accusation", "accusations", "charge",
     "charges", "suggestion", "suggestions", "rumour", "rumours", "rumor", "rumors", "assertion", "assertions"}
)  # fmt: skip
#: Links inside one clause, up which a word reaches the verb of its clause: not ``conj``,
#: ``advcl`` or ``relcl``, whose clause tells something of its own.
_WITHIN_A_CLAUSE = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "compound", "amod", "nmod", "poss", "appos", "det",
     "attr", "xcomp", "aux", "auxpass", "advmod", "npadvmod", "acomp", "pcomp", "dative", "oprd"}
)  # fmt: skip


def is_denied(tree: ClauseTree, token: int) -> bool:
    """Does the sentence deny the act of ``token``: "no fighting", "did not enter", "never
    reached", "without shelling", "a lull in the fighting"?"""
    if any(tree.words[c] in NEGATING_WORDS and tree.deps[c] in ("neg", "det", "advmod") for c in tree.children(token)):
        return True
    head = tree.heads[token]
    if head == token:
        return False
    if tree.deps[token] in ("pobj", "pcomp") and tree.words[head] in ABSENCE_PREPOSITIONS:
        # "a night without shelling", "the night passed without shelling"; "the town fell
        # without a fight" tells how an act happened, not that none did
        above = tree.heads[head]
        return not tree.is_verb(above) or tree.words[above] in UNEVENTFUL_VERBS or _spends_a_time(tree, above)
    if tree.deps[token] == "pobj" and tree.deps[head] == "prep":
        noun = tree.heads[head]
        if noun != head and tree.words[noun] in PAUSE_NOUNS:
            # "a lull in the fighting", "an end to the shelling"; not "without a stop to the shelling"
            lacked = tree.deps[noun] in ("pobj", "pcomp") and tree.words[tree.heads[noun]] in ABSENCE_PREPOSITIONS
            return not (lacked or is_denied(tree, noun))
    if in_a_denied_clause(tree, token):
        return True  # "denied that its aircraft had struck X", "rejected claims that troops fired on X"
    # a trigger whose verb is denied: "shelling did not resume", "troops never made an advance"
    if tree.deps[token] in ARGUMENTS and tree.is_verb(head):
        return is_negated_verb(tree, head)
    return False


def in_a_denied_clause(tree: ClauseTree, token: int) -> bool:
    """Is ``token`` in a "that" clause a verb of denying governs ("the ministry denied that its
    aircraft had struck X"), directly or through a noun of a claim ("denied reports that ...")?
    Not when the denial is itself denied ("did not deny that ..."), not for the subject of the
    denied clause, which it grants ("denied that the shelling had killed anyone"), and not for
    a word of a clause joined beside the denied one ("denied that ..., but admitted shelling X")
    or before the verb of denying ("X blamed Y for the attack; Y denied involvement")."""
    while tree.deps[token] in _WITHIN_A_CLAUSE and tree.heads[token] != token:
        if tree.deps[token] in ("nsubj", "nsubjpass") and not tree.is_verb(token):
            return False  # "denied that the shelling of X had killed civilians": the shelling is granted
        token = tree.heads[token]
    if tree.deps[token] not in ("ccomp", "acl") or tree.heads[token] == token:
        return False
    above = tree.heads[token]
    if above > token:
        return False  # a clause before the verb is no complement it denies: "X blamed Y for Z; Y denied involvement"
    if tree.words[above].lower() in CLAIM_NOUNS and tree.deps[above] in ("dobj", "nsubjpass"):
        above = tree.heads[above]  # "denied reports that ...", "claims that ... were rejected"
    return tree.words[above].lower() in DENYING_VERBS and not is_negated_verb(tree, above)


#: Links of a clause's subject or object to its verb: a trigger there is the verb's act.
ARGUMENTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "dobj"})


def _interrupted(tree: ClauseTree, token: int) -> bool:
    """Is the act of ``token`` the object of a break in it ("a pause in the talks")?"""
    head = tree.heads[token]
    if tree.deps[token] != "pobj" or head == token or tree.deps[head] != "prep":
        return False
    return tree.words[tree.heads[head]] in INTERRUPTION_NOUNS


def is_negated_verb(tree: ClauseTree, verb: int) -> bool:
    """Does a "not", "n't" or "never" hang on ``verb``: "troops did not enter", "never reached"?"""
    return any(tree.words[c] in NEGATING_WORDS and tree.deps[c] == "neg" for c in tree.children(verb))


def is_unrealised(tree: ClauseTree, token: int) -> bool:
    """Is the act of ``token`` only intended, threatened or supposed: "threatened to storm",
    "plans to attack", "fighting would endanger", "if troops enter"?"""
    if _no_date_set(tree, token):
        return True
    head = tree.heads[token]
    if tree.words[head] in INTENT_VERBS and tree.deps[token] == "nsubjpass":
        return True  # "talks are planned for May"
    nominal = _phrase_head(tree, token)  # "a new round of talks" -> round
    onset = tree.heads[nominal]
    if tree.deps[nominal] == "nsubj" and tree.words[onset] in ONSET_VERBS and _is_hypothetical(tree, onset):
        return True  # "talks could open in Y", "a new round of talks may begin"
    # otherwise the act is the verb or its object ("would launch an offensive"); a noun that
    # is the subject of a hypothetical verb has happened ("the capture of X would give ...")
    verb = head if tree.deps[token] == "dobj" and tree.is_verb(head) else token
    if not tree.is_verb(verb) or tree.deps[token] in ("nsubj", "csubj"):
        return False
    if _is_hypothetical(tree, verb):
        return True
    if any(tree.words[c] in CONDITIONS for c in tree.children(verb) if tree.deps[c] == "mark"):
        return True
    head = tree.heads[verb]
    return tree.deps[verb] == "xcomp" and head != verb and tree.words[head] in INTENT_VERBS


def _phrase_head(tree: ClauseTree, token: int) -> int:
    """The noun whose phrase holds ``token`` through "of"-like links: "a round of talks" -> round."""
    while tree.deps[token] == "pobj" and tree.deps[tree.heads[token]] == "prep":
        noun = tree.heads[tree.heads[token]]
        if noun == tree.heads[token] or tree.is_verb(noun):
            break
        token = noun
    return token


def _spends_a_time(tree: ClauseTree, verb: int) -> bool:
    """Is the object of ``verb`` a stretch of time ("reported a night without shelling",
    "spent a week without air strikes")? Then "without" on the verb tells what the time lacked."""
    return any(tree.deps[c] in ("dobj", "attr") and tree.words[c] in TIME_NOUNS for c in tree.children(verb))


def _is_hypothetical(tree: ClauseTree, verb: int) -> bool:
    return any(tree.words[c] in HYPOTHETICAL_AUXILIARIES for c in tree.children(verb) if tree.deps[c] == "aux")


def _no_date_set(tree: ClauseTree, token: int) -> bool:
    """Does a word above ``token`` (or itself) hold "no date" ("no date was set for the next
    round of talks", "talks planned for May, with no date set")? An act with no date yet is
    still to come."""
    for up in (token, *tree.ancestors(token)):
        for child in tree.children(up):
            dates = [child] if tree.words[child] == "date" else []
            if tree.deps[child] == "prep":
                dates += [g for g in tree.children(child) if tree.words[g] == "date"]
            if any(tree.words[g] in NEGATING_WORDS for date in dates for g in tree.children(date)):
                return True
    return False


def is_calm_clause(tree: ClauseTree, start: int, end: int) -> bool:
    """Does the place's own clause say it was calm: "X was quiet", "residents of X reported a
    calm night", "the truce held in X", "calm returned to X"; or that life there went on as
    ever: "the port of X was working normally", "X was said to be calm" (the calm word on a
    verb the clause's verb takes as its complement)?"""
    if len(tree) == 0:
        return False
    verb = tree.clause_verb(tree.head_of_span(start, end))
    if verb is None:
        return False
    for child in tree.children(verb):
        word, dep = tree.words[child], tree.deps[child]
        if dep in ("acomp", "attr", "oprd") and word in CALM_WORDS:
            return True
        if dep == "advmod" and word.lower() in NORMALLY:
            return True  # "flights were landing normally at X"
        if dep == "xcomp" and any(
            tree.deps[g] in ("acomp", "attr", "oprd") and tree.words[g] in CALM_WORDS for g in tree.children(child)
        ):
            return True  # "X was said to be calm", "X appeared to remain quiet"
        if dep in ("nsubj", "dobj", "attr") and (
            word in CALM_WORDS | LULL_NOUNS
            or any(tree.words[g] in CALM_WORDS and tree.deps[g] == "amod" for g in tree.children(child))
        ):
            return True
        if dep == "nsubj" and word in TRUCE_NOUNS and tree.words[verb] in HOLDING_VERBS:
            return True
    return False


@dataclass(frozen=True, slots=True)
class ClauseActs:
    """The event types the strong triggers of a place's own clause state as done, as denied or
    stopped, and as still to come; and whether the clause says the place was calm."""

    stated: frozenset[str]
    absent: frozenset[str]
    unrealised: frozenset[str]
    calm: bool


def clause_acts(tree: ClauseTree, sentence: str, start: int, end: int) -> ClauseActs:
    """What the clause of the place at ``start:end`` of ``sentence`` says was done, denied or
    is to come."""
    stated, absent, unrealised = _clause_triggers(tree, sentence, start, end)
    return ClauseActs(stated, absent, unrealised, is_calm_clause(tree, start, end))


def states_no_event(tree: ClauseTree | None, sentence: str, start: int, end: int, event_type: str) -> bool:
    """Does the place's own clause state the act of ``event_type`` only as denied, stopped or
    still to come ("residents of X reported a night without shelling", "rebels threatened to
    storm X"), or say the place was calm ("streets in X were quiet") with no act of that type
    stated? Acts told in another clause ("although shelling was reported near Y") do not count."""
    if tree is None or len(tree) == 0:
        return False
    stated, absent, unrealised = _clause_triggers(tree, sentence, start, end)
    if event_type in stated:
        return False
    if event_type in absent | unrealised or is_calm_clause(tree, start, end):
        return True
    if event_type == "other" and not stated and absent:
        return True  # "a night without shelling in X": no act of any kind
    verb = tree.clause_verb(tree.head_of_span(start, end))
    if verb is None or stated:
        return False
    if in_a_denied_clause(tree, verb):
        return True  # "denied that its aircraft had struck X": a weak trigger, denied with its clause
    # "troops never reached X"; a denied word is not a denied fight ("did not say who ...")
    return event_type == "frontline" and is_negated_verb(tree, verb)


def _clause_triggers(
    tree: ClauseTree, sentence: str, start: int, end: int
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The event types of the strong triggers of the place's own clause (and of the weak ones of
    ``other``): stated as done, denied, and still to come."""
    place = tree.head_of_span(start, end)
    on_chain = {place, *tree.ancestors(place)}
    stated: set[str] = set()
    absent: set[str] = set()
    unrealised: set[str] = set()
    for t_start, t_end, sub_type in every_trigger_span(sentence):
        event_type = ANY_TRIGGER_TYPES[sub_type]
        if (t_start < end and start < t_end) or trigger_place(tree, t_start, t_end, place, on_chain) == "other_clause":
            continue
        token = tree.head_of_span(t_start, t_end)
        if sub_type not in TRIGGER_TYPES:
            if event_type == "other" and not is_denied(tree, token):
                stated.add(event_type)  # "troops were deployed": an act, if not a strong one
        elif is_denied(tree, token) and not (event_type == "diplomacy" and _interrupted(tree, token)):
            absent.add(event_type)
        elif is_unrealised(tree, token):
            unrealised.add(event_type)
        else:
            stated.add(event_type)
    return frozenset(stated), frozenset(absent), frozenset(unrealised)
