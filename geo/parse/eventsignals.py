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
from geo.parse.eventclause import TRIGGER_TYPES
from geo.parse.eventtypes import denied_triggers, trigger_spans

#: "north of", "south-west of", "northeastern outskirts of" are not: only a bearing.
_BEARING_OF = re.compile(
    r"\b(?:north|south|east|west)(?:[-\s]?(?:east|west))?\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?$",
    re.IGNORECASE,
)
#: English ordinals: "the fourth attack in X" ranks an event among others rather than telling one.
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s"})
#: Tags of proper nouns (Penn Treebank).
_PROPER = frozenset({"NNP", "NNPS"})
#: Tokens a place may sit behind and still be said to hold the proper noun before them:
#: "X, in Y province", "the X hospital in Y", "X in the mountains of Y".
_INSIDE_LINKS = frozenset({"in", "of", "inside", "within"})
#: How many tokens back a name the place contains may stand.
INSIDE_REACH = 5
#: Links from the subject's head down to a place it holds: "residents of X", "officials in X".
_HOLDER_LINKS = frozenset({"prep", "pobj", "compound", "appos", "conj"})


def signal_features(tree: ClauseTree | None, sentence: str, start: int, end: int, is_area: bool) -> list[str]:
    """Feature names for the place at ``start:end`` of ``sentence``: how it is named and who acts."""
    features = []
    before = sentence[max(0, start - 60) : start]
    if _BEARING_OF.search(before):
        features.append("ref_bearing_of")
    features += sorted(f"denied={sub_type}" for sub_type in denied_triggers(sentence))
    if tree is None or len(tree) == 0:
        return features
    place = tree.head_of_span(start, end)
    if _holds_a_name_before(tree, start, end):
        features += ["ref_inside_named", f"ref_inside_named_area={is_area}"]
        if "ref_bearing_of" in features:
            features.append("ref_bearing_of_named")
    head = tree.heads[place]
    if tree.deps[place] in ("compound", "nmod", "poss") and head != place and not tree.is_verb(head):
        features.append(f"place_modifies={tree.words[head]}")
    verb = tree.clause_verb(place)
    if verb is not None:
        features += _doer_features(tree, verb, place)
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
    if _BEARING_OF.search(sentence[max(0, start - 60) : start]):
        return True
    if tree is None or len(tree) == 0:
        return False
    if is_area and _holds_a_name_before(tree, start, end):
        return True
    place = tree.head_of_span(start, end)
    ranked = any(tag in ("JJS", "RBS") for tag in tree.tags) or any(word in ORDINALS for word in tree.words)
    return ranked and any(_is_copula(tree, token) for token in (place, *tree.ancestors(place)))


def _holds_a_name_before(tree: ClauseTree, start: int, end: int) -> bool:
    """Is the place named as what holds a proper noun just before it ("X, in Y province",
    "the X air base in Y", "X in the hills of Y"): then the event, if any, is at that name?"""
    first = tree.tokens_in(start, end)[0]
    linked = False
    for index in range(first - 1, max(-1, first - 1 - INSIDE_REACH), -1):
        word, tag = tree.words[index], tree.tags[index]
        if word in _INSIDE_LINKS:
            linked = True
        elif tag in _PROPER:
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
    token = place
    while token != subject and tree.deps[token] in _HOLDER_LINKS and tree.heads[token] != token:
        token = tree.heads[token]
    if token == subject and place != subject:
        features += ["place_in_subject", f"holder={tree.words[subject]}"]
    return features


def _is_copula(tree: ClauseTree, token: int) -> bool:
    return tree.words[token] in _BE and any(tree.deps[c] in ("attr", "acomp") for c in tree.children(token))
