"""What the event coder reads of spaCy's parse, kept per sentence once the document is gone.

The geoparser drops each section's spaCy document as soon as its places are found, so the
few things the actor coder needs from it are copied out first, in character offsets of the
sentence: the organisations the recogniser named (armed groups the actor table does not
know), the persons it named (it takes a group's name it has not seen for a man's), and the
sides of each clause, the subject of an active verb and the agent of a passive one
("shelled by Russian forces") as the doer, the object and the subject of a passive verb as
the one it was done to. Reading them costs one pass over the tokens, no second parse.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.parse.clausetree import ClauseTree, clause_trees

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Dependency labels of the doer of a clause (spaCy's English labels; "agent" is the "by"
#: of a passive, whose noun is its child ``pobj``).
DOER_LABELS = frozenset({"nsubj"})
#: Dependency labels of the one a clause's verb acts on.
DONE_TO_LABELS = frozenset({"dobj", "nsubjpass"})
#: Verbs that report what someone said: their subject is a source, not a doer.
SAYING_VERBS = frozenset(
    {
        "said", "say", "says", "saying", "told", "tell", "tells", "announced", "announces", "claimed", "claims",
        "denied", "denies", "warned", "warns", "stated", "added", "reported", "reports", "confirmed", "confirms",
    }
)  # fmt: skip
#: Verbs of saying, claiming and talking, of backing and of holding: their subject is a
#: source, a sponsor or a holder, not a side of the fighting ("Russia's defence ministry said Ukrainian troops
#: attacked ...", "forces backed by the United Arab Emirates").
NOT_ACTS = frozenset(
    {
        *SAYING_VERBS,
        "accused", "accuses", "blamed", "blames", "condemned", "condemns", "urged", "urges", "called", "calls",
        "vowed", "insisted", "insists", "argued", "agreed", "signed", "met", "meets", "welcomed", "welcomes",
        "alleged", "alleges", "believed", "believes", "estimated", "estimates", "wrote", "posted", "published",
        "recorded", "counted", "documented", "noted", "explained", "acknowledged", "admitted", "declared",
        "backed", "supported", "funded", "armed", "sponsored", "hosted", "mediated", "brokered", "trained",
        "equipped", "allied", "aligned", "led", "loyal",
        # holding, not fighting: "a checkpoint manned by the army", "the town held by the rebels"
        "manned", "held", "controlled", "guarded", "run", "operated", "owned",
    }
)  # fmt: skip
#: Longest side kept, in tokens: a subject that runs longer holds a clause of its own,
#: whose actors are not the side's.
MAX_SIDE_TOKENS = 12


@dataclass(frozen=True, slots=True)
class SentenceSyntax:
    """Organisations and clause sides of one sentence, as (start, end) offsets in the sentence."""

    organisations: tuple[tuple[int, int], ...] = ()
    doers: tuple[tuple[int, int], ...] = ()
    done_to: tuple[tuple[int, int], ...] = ()
    #: subjects of saying and backing verbs ("Ukraine's air force said ...")
    sources: tuple[tuple[int, int], ...] = ()
    #: the sentence's parse, for dating and typing events by clause (``geo.parse.clausetree``)
    tree: ClauseTree | None = None
    #: what the recogniser calls persons: a group's name it has not seen is often taken for
    #: one ("Boko Haram attacked the town")
    persons: tuple[tuple[int, int], ...] = ()
    #: subjects of a verb that only brings them to the scene ("police were sent to the area",
    #: "troops arrived"), when no other verb of theirs tells what they did there
    present: tuple[tuple[int, int], ...] = ()

    def only_present(self, start: int, end: int) -> bool:
        """Is ``start:end`` only brought to the scene by its clause, not a side of a deed?"""
        return any(s <= start and end <= e for s, e in self.present)

    def only_a_source(self, start: int, end: int) -> bool:
        """Is ``start:end`` the subject of a saying verb and in no side of a clause?"""
        inside = any(s <= start and end <= e for s, e in self.sources)
        return inside and self.side_of(start, end) == 1

    def side_of(self, start: int, end: int) -> int:
        """0 when ``start:end`` lies in a doer, 2 in what was done to, 1 in neither; the
        smallest side holding it decides ("troops who shelled the town" inside an object)."""
        best: tuple[int, int] | None = None
        for rank, spans in ((0, self.doers), (2, self.done_to)):
            for s, e in spans:
                if s <= start and end <= e and (best is None or e - s < best[0]):
                    best = (e - s, rank)
        return 1 if best is None else best[1]


def sentence_syntax(doc: Doc) -> tuple[SentenceSyntax, ...]:
    """The syntax of each sentence of ``doc``, in order.

    Only the few tokens whose dependency label makes them a side (found in one vectorised
    pass over the labels) are visited in Python, not every token of the document."""
    sents = list(doc.sents)
    if not sents:
        return ()
    starts = [s.start for s in sents]
    bases = [s.start_char for s in sents]
    organisations: list[list[tuple[int, int]]] = [[] for _ in sents]
    persons: list[list[tuple[int, int]]] = [[] for _ in sents]
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PERSON"):
            k = bisect.bisect_right(starts, ent.start) - 1
            spans = organisations if ent.label_ == "ORG" else persons
            spans[k].append((ent.start_char - bases[k], ent.end_char - bases[k]))
    doers: list[list[tuple[int, int]]] = [[] for _ in sents]
    done_to: list[list[tuple[int, int]]] = [[] for _ in sents]
    sources: list[list[tuple[int, int]]] = [[] for _ in sents]
    present: list[list[tuple[int, int]]] = [[] for _ in sents]
    for i in _side_tokens(doc):
        token = doc[int(i)]
        k = bisect.bisect_right(starts, token.i) - 1
        base = bases[k]
        label = token.dep_
        if label in ("nsubj", "nsubjpass") and _only_brought(token):
            _add_side(present[k], token, base)
        if label in DOER_LABELS:
            if token.head.lower_ not in NOT_ACTS or _claims_an_attack(token.head):
                _add_side(doers[k], _speaker(token) or token, base)
            else:
                _add_side(sources[k], token, base)
        elif label in DONE_TO_LABELS:
            _add_side(doers[k] if _accused_of_a_deed(token) else done_to[k], token, base)
        elif label == "agent" and token.head.lower_ not in NOT_ACTS:
            # "shelled by Russian forces": the noun of the passive's "by" is the doer.
            for child in token.children:
                if child.dep_ == "pobj":
                    _add_side(doers[k], child, base)
    trees = clause_trees(doc)
    return tuple(
        SentenceSyntax(
            tuple(organisations[k]),
            tuple(doers[k]),
            tuple(done_to[k]),
            tuple(sources[k]),
            trees[k],
            tuple(persons[k]),
            tuple(present[k]),
        )
        for k in range(len(sents))
    )


#: Verbs that only bring a force to a place: sent there, deployed, arriving (as written: the
#: pipeline has no lemmatiser). Their subject was at the scene, which makes it no side of
#: what happened there unless another verb of its own says what it did ("police arrived and
#: exchanged fire with the gunmen").
BRINGING_VERBS = frozenset(
    {
        "sent", "deployed", "redeployed", "dispatched", "rushed", "arrived", "arrive", "arrives", "arriving",
        "mobilised", "mobilized", "stationed",
    }
)  # fmt: skip


def _only_brought(subject: Token) -> bool:
    """Is ``subject`` one its verb only brings to a place, with no verb joined to it that
    tells a deed ("police were sent to the area", not "arrived and opened fire"; not the
    sender of "the army sent troops", nor "rebels rushed the gate")?"""
    verb = subject.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lower_ not in BRINGING_VERBS:
        return False
    return not any(
        (child.dep_ == "conj" and child.pos_ == "VERB" and child.lower_ not in BRINGING_VERBS)
        or (child.dep_ == "advcl" and child.tag_ == "VBG")  # "arrived firing into the air"
        or (child.dep_ == "dobj" and subject.dep_ == "nsubj")
        for child in verb.children
    )


def _side_tokens(doc: Doc) -> Iterable[int]:
    """Indices of the tokens whose label makes them a side or a passive's "by", in order."""
    import numpy
    from spacy.attrs import DEP

    strings = doc.vocab.strings
    labels = [strings.add(label) for label in (*DOER_LABELS, *DONE_TO_LABELS, "agent")]
    deps = doc.to_array(DEP)
    return numpy.flatnonzero(numpy.isin(deps, numpy.array(labels, dtype=deps.dtype))).tolist()


#: What a group claims when it claims an attack: it did it ("claimed responsibility for").
CLAIMED_DEEDS = frozenset(
    {"responsibility", "credit", "attack", "bombing", "strike", "assault", "killing", "launch", "raid", "ambush"}
)


def _claims_an_attack(verb: Token) -> bool:
    """Is ``verb`` "claimed responsibility", whose subject is the attacker, not a source?"""
    return verb.lower_ in {"claimed", "claims", "claim"} and any(
        child.dep_ == "dobj" and child.lower_ in CLAIMED_DEEDS for child in verb.children
    )


#: Verbs that lay a deed at someone's door: "accused soldiers of killing", "blamed the militia for the raid".
ACCUSING_VERBS = frozenset({"accused", "accuses", "accusing", "blamed", "blames", "blaming", "charged"})


def _accused_of_a_deed(token: Token) -> bool:
    """Is ``token`` the one an accusing verb says did something ("accused soldiers of
    killing two men"): the doer of the deed, not the one the verb acted on?"""
    verb = token.head
    return (
        token.dep_ == "dobj"
        and verb.lower_ in ACCUSING_VERBS
        and any(child.dep_ == "prep" and child.lower_ in {"of", "for"} for child in verb.children)
    )


def _speaker(token: Token) -> Token | None:
    """For "it"/"they"/"we" as the subject of what someone said ("the army said it struck
    ..."), the one who said it: the pronoun's doer is the speaker."""
    if token.pos_ != "PRON" or token.lower_ not in {"it", "they", "we"}:
        return None
    verb = token.head
    if verb.dep_ != "ccomp" or verb.head.lower_ not in NOT_ACTS:
        return None
    return next((child for child in verb.head.children if child.dep_ == "nsubj"), None)


def _add_side(sides: list[tuple[int, int]], token: Token, base: int) -> None:
    left, right = token.left_edge, token.right_edge
    if right.i - left.i >= MAX_SIDE_TOKENS:
        # Only the noun phrase itself: its modifiers before it and the noun.
        first = next(iter(token.lefts), token)
        left, right = first.left_edge if token.i - first.left_edge.i < MAX_SIDE_TOKENS else token, token
    sides.append((left.idx - base, right.idx + len(right.text) - base))
