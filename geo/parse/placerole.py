"""Is the place only where an act is headed, comes from or passes through: features for the event model.

"Troops withdrew toward X" and "troops fought in X" share a subject and a kind of verb, but X is
where the first act is headed, not where it happens. English says so by the preposition that
brings the place in: a destination ("to", "toward", "into"), a source ("from", "out of"), a way
through ("through", "via", "across"). These features name that part and whether the
preposition hangs on a verb or on a noun ("the road to X"), so the model
(``geo.parse.eventmodel``) learns from annotated reports what such a place is worth instead of
reading a list of motion verbs written by hand. A place where the act happens ("in", "at", the
verb's object) gets none: the model reads those by their preposition and dependency. A place
with such a part also says what the same clause makes of the sentence's other places ("from X
into Y", "shelled Y from X"): where a move starts is often named only beside the event.
"""

from __future__ import annotations

from geo.parse.clausetree import ClauseTree

#: The part a place plays by the preposition that brings it in (a closed class of English).
MOTION_ROLE_OF_PREPOSITION = {
    "to": "destination", "toward": "destination", "towards": "destination", "into": "destination",
    "onto": "destination", "for": "destination",
    "from": "source", "out": "source", "off": "source",
    "through": "transit", "via": "transit", "across": "transit", "past": "transit", "along": "transit",
    "over": "transit",
}  # fmt: skip
#: The parts a place plays in a move.
MOTION_ROLES = frozenset(MOTION_ROLE_OF_PREPOSITION.values())


def role_features(tree: ClauseTree | None, start: int, end: int) -> list[str]:
    """``role=<part>`` and ``role_on=<part>:verb|noun`` for the place at ``start:end`` when an
    act moves to, from or through it; nothing otherwise, nor without a parse."""
    if tree is None or len(tree) == 0:
        return []
    found = motion_role(tree, tree.head_of_span(start, end))
    if found is None:
        return []
    role, holder = found
    on = "noun" if tree.tags[holder].startswith(("NN", "PRP")) else "verb"
    return [f"role={role}", f"role_on={role}:{on}"]


def motion_role(tree: ClauseTree, place: int) -> tuple[str, int] | None:
    """The place's part (destination, source, transit) and the word its preposition hangs on;
    None for any other place. A place joined to another by "and" plays the first one's part
    ("toward X and Y"), and one naming a noun plays that noun's ("into the X valley")."""
    preposition = preposition_of(tree, place)
    if preposition is None:
        return None
    word, holder = tree.words[preposition], tree.heads[preposition]
    if word == "of" and tree.words[holder] == "out":
        return "source", tree.heads[holder]  # "out of X"
    role = MOTION_ROLE_OF_PREPOSITION.get(word)
    return None if role is None else (role, holder)


def preposition_of(tree: ClauseTree, place: int) -> int | None:
    """The preposition that brings the place in, through a place it is joined to by "and" or
    a noun it names ("toward X and Y", "into the X valley"); None when none does."""
    while tree.deps[place] in ("conj", "compound") and tree.heads[place] != place:
        place = tree.heads[place]
    preposition = tree.heads[place]
    return preposition if tree.deps[place] == "pobj" and preposition != place else None


def sibling_features(tree: ClauseTree | None, start: int, end: int, others: tuple[tuple[int, int], ...]) -> list[str]:
    """``beside=<role>:<other's part>`` for a place an act moves to, from or through, one for
    each other place of the sentence that the same clause brings in: "crossed from X into Y",
    "fled from X to camps in Y", "shelled Y from X". Where a move starts is an event's place
    or only beside it by what the clause says of the other place; the model learns which
    pairs are which. Nothing for a place with no motion role, nor without a parse."""
    if tree is None or len(tree) == 0 or not others:
        return []
    place = tree.head_of_span(start, end)
    mine, verb = _part(tree, place), tree.clause_verb(place)
    if mine not in MOTION_ROLES or verb is None:
        return []
    parts = {
        _part(tree, other)
        for other in (tree.head_of_span(s, e) for s, e in others)
        if other != place and tree.clause_verb(other) == verb
    }
    return [f"beside={mine}:{part}" for part in sorted(parts)]


def _part(tree: ClauseTree, place: int) -> str:
    """The place's part in its clause: its motion role, else its preposition, else its link."""
    found = motion_role(tree, place)
    if found is not None:
        return found[0]
    preposition = preposition_of(tree, place)
    return tree.words[preposition] if preposition is not None else tree.deps[place]
