"""What the place's own clause says, read from the parse: features for the event type model.

A sentence often tells of more than one thing: "An orchestra played in the theatre of X on
Thursday, weeks after troops retook the city" names a capture, but the clause that holds X
tells of a concert. The trigger table sees both; the parse tells which clause governs the
place. These features say which verb governs the place and in what tense and kind of
clause ("since", "if", a relative clause), and, for every trigger of the sentence, whether
it governs the place, sits in the same clause as its subject or object, tells of the place
in a relative clause ("the town of X, where shells killed six"), or belongs to another
clause. The model (``geo.parse.eventmodel``) learns what each is worth.
"""

from __future__ import annotations

from geo.parse.clausetree import SUBORDINATE_CLAUSES, ClauseTree
from geo.parse.eventtypes import TRIGGERS, trigger_spans

#: Links by which a trigger word still belongs to the clause of a verb that governs the
#: place: its subject or object ("shelling hit X", "troops shelled the town of X").
SAME_CLAUSE_LINKS = frozenset({"nsubj", "nsubjpass", "dobj", "compound", "amod", "conj", "attr", "agent", "pobj"})
#: The event type of each strong trigger's sub-type.
TRIGGER_TYPES = {t.sub_event_type: t.event_type for t in TRIGGERS if t.strong}
#: Words that open a clause and say how it stands to the event: background ("since"),
#: condition ("if", "unless"), time ("after", "before", "when", "as", "while", "until").
CLAUSE_MARKS = frozenset(
    {"since", "if", "unless", "after", "before", "when", "as", "while", "until", "because", "although", "though"}
)


def clause_features(tree: ClauseTree, start: int, end: int, sentence: str) -> list[str]:
    """Feature names for the place at ``start:end`` of ``sentence`` (parsed as ``tree``)."""
    if len(tree) == 0:
        return []
    place = tree.head_of_span(start, end)
    chain = [place, *tree.ancestors(place)]
    on_chain = set(chain)
    features = [f"place_dep={tree.deps[place]}"]
    head = tree.heads[place]
    if tree.deps[place] == "pobj" and head != place:
        features.append(f"place_prep={tree.words[head]}")
    verb = tree.clause_verb(place)
    if verb is None:
        features.append("verb=none")
    else:
        features += [f"verb={tree.words[verb]}", f"tense={tree.tense(verb)}", f"verb_dep={tree.deps[verb]}"]
        if any(tree.deps[child] == "neg" for child in tree.children(verb)):
            features.append("negated")
    features += sorted(_chain_marks(tree, chain))
    triggers = set(trigger_spans(sentence))
    features += sorted(
        f"trigger_{trigger_place(tree, t_start, t_end, place, on_chain)}={sub_type}"
        for t_start, t_end, sub_type in triggers
    )
    return features


def _chain_marks(tree: ClauseTree, chain: list[int]) -> set[str]:
    """The kinds of clause the place sits in, and the words that open them, up to the root."""
    marks: set[str] = set()
    for token in chain:
        if tree.is_verb(token) and tree.deps[token] in SUBORDINATE_CLAUSES:
            marks.add(f"in_clause={tree.deps[token]}")
        for child in tree.children(token):
            word = tree.words[child]
            if tree.deps[child] in ("mark", "prep", "advmod") and word in CLAUSE_MARKS and child not in chain:
                marks.add(f"place_mark={word}")
    return marks


def trigger_place(tree: ClauseTree, start: int, end: int, place: int, on_chain: set[int]) -> str:
    """Where the trigger at ``start:end`` stands to the place (token ``place``, whose chain of
    governing words is ``on_chain``): ``governs`` when it is the place's verb or a word above
    it; ``same_clause`` when it is the subject or object of such a word; ``about_place`` when
    it sits in a relative clause on the place ("X, which came under fire"); ``other_clause``
    when it belongs to another clause ("weeks after troops retook the city")."""
    token = tree.head_of_span(start, end)
    if token in on_chain:
        return "governs"
    links: set[str] = {tree.deps[token]}
    child = token
    for up in tree.ancestors(token):
        if up == place:
            return "about_place" if tree.deps[child] in DESCRIBING_LINKS else "same_clause"
        if up in on_chain:
            if tree.deps[child] in DESCRIBING_LINKS and _names_the_place(tree, up, place):
                return "about_place"  # "the town of X, where ...", "the school in X that was raided"
            return "same_clause" if links <= SAME_CLAUSE_LINKS | {"prep"} else "other_clause"
        links.add(tree.deps[up])
        child = up
    return "other_clause"


#: Links of a clause or phrase that describes the noun it hangs on: a relative clause, a
#: participle phrase, an apposition.
DESCRIBING_LINKS = frozenset({"relcl", "acl", "appos"})
#: Links from a place up to a noun that it names or sits in ("the town of X", "the school in X",
#: "the X camp"): what a relative clause on that noun tells, it tells of the place.
NAMING_LINKS = frozenset({"pobj", "prep", "compound", "appos", "nmod", "poss"})


def _names_the_place(tree: ClauseTree, noun: int, place: int) -> bool:
    """Is ``noun`` a noun (not a verb) reached from ``place`` through naming links only?"""
    if tree.is_verb(noun):
        return False
    token = place
    while token != noun:
        if tree.deps[token] not in NAMING_LINKS or tree.heads[token] == token:
            return False
        token = tree.heads[token]
    return True


def types_in_place_clause(sentence: str, tree: ClauseTree, start: int, end: int) -> frozenset[str]:
    """The event types the strong triggers of the place's own clause state (every trigger
    but those of other clauses)."""
    place = tree.head_of_span(start, end)
    on_chain = {place, *tree.ancestors(place)}
    return frozenset(
        TRIGGER_TYPES[sub_type]
        for t_start, t_end, sub_type in trigger_spans(sentence)
        if not sub_type.endswith("_weak") and trigger_place(tree, t_start, t_end, place, on_chain) != "other_clause"
    )


def in_place_clause(sentence: str, tree: ClauseTree, start: int, end: int) -> str:
    """``sentence`` with the triggers of other clauses blanked out (offsets kept), so the
    trigger table reads only what the place's own clause states."""
    place = tree.head_of_span(start, end)
    on_chain = {place, *tree.ancestors(place)}
    kept = list(sentence)
    for t_start, t_end, _ in trigger_spans(sentence):
        if t_start < end and start < t_end:
            continue
        if trigger_place(tree, t_start, t_end, place, on_chain) == "other_clause":
            kept[t_start:t_end] = " " * (t_end - t_start)
    return "".join(kept)


def governing_triggers(
    sentence: str, tree: ClauseTree, start: int, end: int, event_types: frozenset[str] | None = None
) -> tuple[tuple[int, int, str], ...]:
    """(start, end, sub-type) of every strong trigger that governs the place (of
    ``event_types`` when given), from the lowest up its chain of governing words to the highest.

    The highest states the sentence's act at the place; one lower down may only describe a
    noun on the way ("a jet bombed a camp for people displaced ... in X", "bombers blew
    themselves up at a funeral in X")."""
    if len(tree) == 0:
        return ()
    place = tree.head_of_span(start, end)
    height = {token: rank for rank, token in enumerate([place, *tree.ancestors(place)])}
    found: list[tuple[int, int, int, str]] = []
    for t_start, t_end, sub_type in trigger_spans(sentence):
        if sub_type.endswith("_weak") or (t_start < end and start < t_end):
            continue
        if event_types is not None and TRIGGER_TYPES[sub_type] not in event_types:
            continue
        rank = height.get(tree.head_of_span(t_start, t_end))
        if rank is not None:
            found.append((rank, t_start, t_end, sub_type))
    return tuple(hit[1:] for hit in sorted(found))
