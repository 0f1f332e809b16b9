"""What the grammar of the place's clause says of it: features meant to carry across wars.

The event model reads the words of each report, and the words of one war (its towns, its
actors, its verbs in the tenses its reporters use) teach it that war. These features read
only the shape of the clause, which every war report shares: the stem of the clause's verb
and of the sentence's main verb (so "condemned", "condemns" and "condemning" are one
feature), the part the phrase holding the place plays in its clause (the subject, the
object, an oblique "in X" on the verb), how many other places the same clause names, whether
a verb above the place's clause is denied, and whether a country or a national capital is
the clause's subject: a place named for the state that acts ("X announced", "X's foreign
ministry condemned"), not where anything happens. The model (``geo.parse.eventmodel``)
learns what each is worth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.parse.clausetree import ClauseTree

if TYPE_CHECKING:
    from gazetteer.entry import Entry

#: GeoNames' feature code of a country's capital.
CAPITAL_CODE = "PPLC"

#: Links of a clause's subject, active or passive.
SUBJECT_LINKS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Links of a clause's object or complement.
OBJECT_LINKS = frozenset({"dobj", "attr", "dative", "oprd", "acomp"})
#: Links by which a name stands inside a noun phrase: the phrase's part is the phrase's
#: head's ("X's ministry", "the X government", "X and Y", "the town of X").
INSIDE_PHRASE_LINKS = frozenset({"poss", "compound", "nmod", "amod", "conj", "appos", "pobj", "prep", "cc"})
#: Links up from a place that make it the one who acts when its phrase is the subject: the
#: head noun itself or a word saying whose it is ("X's ministry", "the X government").
ACTOR_LINKS = frozenset({"poss", "compound", "nmod", "amod", "conj"})


def stands_for_state(entry: Entry) -> bool:
    """Can the name stand for a state that acts: a country, or a national capital ("Paris said")?"""
    return entry.is_country or entry.feature_code == CAPITAL_CODE


def grammar_features(
    tree: ClauseTree | None, start: int, end: int, others: tuple[tuple[int, int], ...], stands_for_state: bool
) -> list[str]:
    """Feature names for the place at ``start:end``; ``others`` are where the sentence names its
    other places, ``stands_for_state`` a country or a national capital. Nothing without a parse."""
    if tree is None or len(tree) == 0:
        return []
    place = tree.head_of_span(start, end)
    verb = tree.clause_verb(place)
    phrase = phrase_part(tree, place)
    features = [f"phrase={phrase}"]
    if verb is not None:
        features.append(f"verb_stem={verb_stem(tree.words[verb])}")
        features.append(f"phrase_stem={phrase}:{verb_stem(tree.words[verb])}")
        root = _root(tree, verb)
        if root != verb and tree.is_verb(root):
            features.append(f"main_stem={verb_stem(tree.words[root])}")
        same_clause = sum(
            1 for s, e in others if (o := tree.head_of_span(s, e)) != place and tree.clause_verb(o) == verb
        )
        features.append(f"clause_places={min(same_clause, 2)}")
        if any(_denied(tree, up) for up in tree.ancestors(verb) if tree.is_verb(up)):
            features.append("denied_above")
    if stands_for_state and _acts_as_subject(tree, place):
        features.append("state_acts")
        if verb is not None:
            features.append(f"state_acts={verb_stem(tree.words[verb])}")
    return features


def phrase_part(tree: ClauseTree, place: int) -> str:
    """The part the phrase holding the place plays in its clause: ``subject``, ``object``,
    ``oblique:<preposition>`` (a phrase on the verb: "fought in X"), with the preposition of a
    noun the place locates when it does ("subject:in": "officials in X said"), ``noun:<preposition>``
    (on a noun: "officials in X"), ``clause`` (the verb itself or a clause word), else ``other``."""
    token = place
    preposition = ""
    while tree.heads[token] != token and not tree.is_verb(tree.heads[token]):
        if tree.deps[token] == "pobj" and not preposition:
            preposition = tree.words[tree.heads[token]]
        if tree.deps[token] not in INSIDE_PHRASE_LINKS:
            break
        token = tree.heads[token]
    link = tree.deps[token]
    inside = f":{preposition}" if preposition else ""
    if link in SUBJECT_LINKS:
        return f"subject{inside}"
    if link in OBJECT_LINKS:
        return f"object{inside}"
    if link in ("prep", "agent"):
        return f"oblique:{tree.words[token]}"
    if link == "pobj":
        return f"oblique:{tree.words[tree.heads[token]]}"
    if preposition:
        return f"noun:{preposition}"
    return "other"


def _acts_as_subject(tree: ClauseTree, place: int) -> bool:
    """Is the place the subject of its clause, or says whose the subject is ("X's ministry",
    "the X government")? Not a place the subject is in ("officials in X")."""
    token = place
    while tree.deps[token] in ACTOR_LINKS and tree.heads[token] != token and not tree.is_verb(tree.heads[token]):
        token = tree.heads[token]
    return tree.deps[token] in ("nsubj", "csubj") and tree.is_verb(tree.heads[token])


def _root(tree: ClauseTree, token: int) -> int:
    for up in tree.ancestors(token):
        token = up
    return token


def _denied(tree: ClauseTree, verb: int) -> bool:
    return any(tree.deps[c] == "neg" for c in tree.children(verb))


#: Endings of English verb forms, longest first, and what replaces them.
_ENDINGS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def verb_stem(word: str) -> str:
    """The word less its inflection: "condemned", "condemns", "condemning" -> "condemn";
    "fled" and "flees" stay apart (irregular forms are their own stems). Regular English
    morphology only: a stem of at least three letters is kept, a doubled final consonant
    undone ("shelled" -> "shel" -> "shell" stays "shell"; "stopped" -> "stop")."""
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)] + replacement
            if ending in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]
            if ending == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
                stem = word[:-1]  # "condemnes" is no word: "raises" -> "raise"
            return stem.rstrip("e") if ending not in ("ies", "ied") else stem
    return word.rstrip("e") if len(word) > 3 else word
