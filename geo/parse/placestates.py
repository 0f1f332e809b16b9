"""What the parse says of a place beyond the act of its clause: features for the event type model.

A war report tells of many places in ways no trigger word marks: a town whose state is told
("X remained in rebel hands", "X is under no threat"), a town that is only the point a bearing
is read from ("the village southwest of X", "two towns north of X", "30 km from X"), a port
armed men land at or a town they set out from, an act at the place that is only planned,
threatened or set aside ("plans to storm X", "besieged Y rather than storm X"). Each feature
names the property by its grammar, and the model (``geo.parse.eventmodel``) learns from
annotated reports what it is worth; none of them decides anything alone.
"""

from __future__ import annotations

from geo.parse.clausetree import ClauseTree
from geo.parse.eventabsence import NEGATING_WORDS, is_negated_verb, is_unrealised
from geo.parse.eventsignals import BEARING_OF, PROPER_TAGS, STATE_VERBS, held_or_besieged
from geo.parse.placerole import motion_role, preposition_of

#: Tags of common nouns (Penn Treebank).
_COMMON = frozenset({"NN", "NNS"})
#: Nouns a place names by "of" ("the port of X", "the town of X"): what is done to them is done there.
_NAMED_BY_OF = frozenset(
    {"town", "city", "village", "port", "harbour", "harbor", "fortress", "garrison", "capital", "island", "coast",
     "outskirts", "centre", "center", "district", "region", "province"}
)  # fmt: skip
#: Verbs of arriving or setting foot that take their place by "at" or "in" ("landed at X",
#: "came ashore at X", "arrived in X", "disembarked at X").
_ARRIVING = frozenset(
    {"arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing", "disembark", "disembarked",
     "disembarking", "dock", "docked"}
)  # fmt: skip
_ASHORE = frozenset({"ashore", "aground"})
#: English units of distance: "30 km north of X", "20 miles from X".
DISTANCE_UNITS = frozenset(
    {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "m",
     "yards", "leagues", "nautical"}
)  # fmt: skip
#: Words of a subject that is armed men: soldiers, marines, troops; "army", "forces".
ARMED_NOUNS = frozenset(
    {"troops", "soldiers", "fighters", "militants", "rebels", "insurgents", "jihadists", "guerrillas", "marines",
     "paratroopers", "commandos", "sailors", "forces", "army", "militia", "militiamen", "gunmen", "units",
     "battalion", "battalions", "brigade", "brigades", "regiment", "regiments", "division", "divisions", "tanks",
     "columns", "reinforcements", "infantry"}
)  # fmt: skip


def place_state_features(tree: ClauseTree | None, sentence: str, start: int, end: int) -> list[str]:
    """Feature names for the place at ``start:end`` of ``sentence``: its state as told, whether
    it is a bearing's reference, the move of armed men to or from it, and whether the act of its
    clause is only to come or set aside. Without a parse, only the bearing (read from the words)."""
    features = []
    bearing = bearing_reference(tree, sentence, start, end)
    if bearing is not None:
        features.append(f"bearing_ref={bearing}")
    if tree is None or len(tree) == 0:
        return features
    place = tree.head_of_span(start, end)
    held = held_or_besieged(tree, start, end)
    if held is not None:
        features.append(f"state_told={held}")  # "X remained in rebel hands", "X is encircled"
    if state_negated(tree, place):
        features.append("state_negated")  # "X is under no threat", "X was not in rebel hands"
    move = armed_move(tree, place)
    if move is not None:
        features.append(f"armed_move={move}")  # "marines landed at X", "troops were sent to X"
    unreal = unrealised_act(tree, place)
    if unreal is not None:
        features.append(f"unrealised={unreal}")  # "plans to storm X", "besieged X rather than storm it"
    return features


def bearing_reference(tree: ClauseTree | None, sentence: str, start: int, end: int) -> str | None:
    """Is the place the point a bearing or a distance is read from ("north of X", "30 km from
    X")? Then what stands before the bearing says what lies there: ``noun`` for a place noun
    ("the town southwest of X", "two villages north of X"), ``name`` for another place's name
    ("Y, north of X"), ``distance`` for a measured distance ("30 km east of X", "20 miles from
    X"), ``other`` for an act told in a direction ("troops advanced north of X"). None when the
    place is no such reference."""
    window = max(0, start - 60)
    found = BEARING_OF.search(sentence[window:start])
    if tree is None or len(tree) == 0:
        return "other" if found is not None else None
    if found is not None:
        bearing = tree.token_at(window + found.start())
        return _what_stands_before(tree, bearing)
    place = tree.head_of_span(start, end)
    preposition = preposition_of(tree, place)
    if preposition is not None and tree.words[preposition] in ("from", "of") and _measured(tree, preposition):
        return "distance"  # "20 miles from X", "within 5 km of X"
    return None


def _what_stands_before(tree: ClauseTree, bearing: int) -> str:
    if bearing == 0:
        return "other"
    index = bearing - 1
    while index > 0 and tree.words[index] in (",", "-", "just", "some", "about", "around", "roughly", "far"):
        index -= 1  # "Y, just north of X"
    if _measured(tree, bearing):
        return "distance"
    tag = tree.tags[index]
    if tag in PROPER_TAGS:
        return "name"
    if tag in _COMMON:
        return "noun"
    return "other"


def _measured(tree: ClauseTree, word: int) -> bool:
    """Does a number and its unit stand right before ``word`` ("30 km north", "20 miles from")?"""
    before = list(range(max(0, word - 3), word))
    return (
        len(before) >= 2
        and tree.words[before[-1]] in DISTANCE_UNITS
        and any(tree.tags[i] == "CD" or tree.words[i] in ("a", "few", "several") for i in before[:-1])
    )


def state_negated(tree: ClauseTree, place: int) -> bool:
    """Is the place told as the subject of a state that is denied: "X is under no threat", "X
    was not in rebel hands"? A state denied is no event there."""
    subject = _subject_of_place(tree, place)
    if tree.deps[subject] not in ("nsubj", "nsubjpass"):
        return False
    verb = tree.heads[subject]
    if verb == subject or tree.words[verb] not in STATE_VERBS:
        return False
    if is_negated_verb(tree, verb):
        return True
    return any(
        tree.deps[c] == "prep" and any(_denies_its_noun(tree, n) for n in tree.children(c) if tree.deps[n] == "pobj")
        for c in tree.children(verb)
    )


def _denies_its_noun(tree: ClauseTree, noun: int) -> bool:
    return any(tree.words[c] in NEGATING_WORDS and tree.deps[c] in ("det", "neg") for c in tree.children(noun))


def _subject_of_place(tree: ClauseTree, place: int) -> int:
    """The place, or the noun it names by "of" ("the town of X"), which may be a clause's subject."""
    head = tree.heads[place]
    if tree.deps[place] == "pobj" and tree.words[head] == "of" and tree.words[tree.heads[head]] in _NAMED_BY_OF:
        return tree.heads[head]
    return place


def armed_move(tree: ClauseTree, place: int) -> str | None:
    """Is the place where armed men arrive or land ("marines landed at the port of X", "troops
    came ashore at X", "reinforcements were sent to X") or which they set out from ("columns
    pulled out of X")? ``destination`` or ``source``; None otherwise. The verb's subject (or its passive
    subject) names armed men."""
    place = _subject_of_place(tree, place)
    verb, role = None, None
    found = motion_role(tree, place)
    if found is not None and found[0] in ("destination", "source") and tree.is_verb(found[1]):
        role, verb = found
    else:
        preposition = preposition_of(tree, place)
        if preposition is not None and tree.words[preposition] in ("at", "in", "on"):
            holder = tree.heads[preposition]
            if tree.is_verb(holder) and (
                tree.words[holder] in _ARRIVING
                or any(tree.words[c] in _ASHORE for c in tree.children(holder) if tree.deps[c] == "advmod")
            ):
                role, verb = "destination", holder
    if verb is None:
        return None
    while tree.deps[verb] in ("conj", "xcomp") and not _subjects(tree, verb) and tree.heads[verb] != verb:
        verb = tree.heads[verb]  # "regrouped and landed at X": the first verb's subject moves
    return role if any(_is_armed(tree, s) for s in _subjects(tree, verb)) else None


def _subjects(tree: ClauseTree, verb: int) -> list[int]:
    return [c for c in tree.children(verb) if tree.deps[c] in ("nsubj", "nsubjpass")]


def _is_armed(tree: ClauseTree, subject: int) -> bool:
    """Is the subject armed men, itself or in its own phrase ("a column of tanks", "US marines")?"""
    if tree.words[subject] in ARMED_NOUNS:
        return True
    return any(
        tree.words[c] == "of" and any(tree.words[n] in ARMED_NOUNS for n in tree.children(c))
        for c in tree.children(subject)
    )


def unrealised_act(tree: ClauseTree, place: int) -> str | None:
    """Is the act of the place's clause only to come or set aside? ``intent`` for a plan, a
    threat or a hypothetical ("plans to storm X", "would attack X", "if troops enter X"),
    ``alternative`` for an act set aside ("besieged Y rather than storm X", "instead of
    attacking X"), ``purpose`` for an act that is a move's purpose ("were sent north to retake
    X"); None otherwise. Read on the verbs that govern the place, up to the first verb that
    takes a clause as its complement (what is said of the place, not the saying)."""
    head = tree.heads[place]
    if tree.deps[place] == "pobj" and (
        (tree.words[head] == "of" and _has_word(tree, head, "instead"))
        or (tree.words[head] == "than" and _has_word(tree, head, "rather"))
    ):
        return "alternative"  # "attacked Y instead of X", "besieged Y rather than (storm) X"
    for verb in (place, *tree.ancestors(place)):
        if _set_aside(tree, verb):
            return "alternative"
        if not tree.is_verb(verb):
            continue
        if is_unrealised(tree, verb):
            return "intent"
        if tree.deps[verb] == "advcl" and _infinitive(tree, verb) and not _subjects(tree, verb):
            return "purpose"
        if tree.deps[verb] in ("ccomp", "parataxis", "relcl", "acl") or tree.heads[verb] == verb:
            break
    return None


def _set_aside(tree: ClauseTree, verb: int) -> bool:
    """Is ``verb`` (or a noun the parse joins in its place) the act "rather than" or "instead
    of" sets aside?"""
    head = tree.heads[verb]
    if head == verb:
        return False
    if tree.deps[verb] == "pcomp" and tree.words[head] in ("of", "than"):
        return _has_word(tree, head, "instead") or _has_word(tree, head, "rather")
    if tree.deps[verb] == "conj":
        return any(
            tree.words[c] == "than" and c < verb and _has_word(tree, c, "rather")
            for c in tree.children(head)
            if tree.deps[c] in ("cc", "prep")
        )
    return False


def _has_word(tree: ClauseTree, token: int, word: str) -> bool:
    return any(tree.words[c] == word for c in tree.children(token)) or (token > 0 and tree.words[token - 1] == word)


def _infinitive(tree: ClauseTree, verb: int) -> bool:
    return tree.tags[verb] == "VB" and any(tree.tags[c] == "TO" and tree.deps[c] == "aux" for c in tree.children(verb))
