"""Is a place only where those who tell of the event speak from?

"Officials in Kherson said shelling killed two in Bilozerka", "a police spokesman in the
provincial capital told reporters in Pemba that ...": English brings the speakers' place in
as a phrase on the subject of a verb of saying ("officials in X said"), or as an adjunct of
that verb ("said in X", "told reporters in X"). What was said happened where the clause
under the verb of saying puts it. Read from the sentence's parse (``geo.parse.clausetree``),
not from lists of places or speakers: the verbs of saying are a closed class of English.

When such a sentence names no other place ("Troops took the town on Sunday, officials in X
said"), "the town" is the settlement the story named last before it, not X: it gets a place
of its own there (``settlements_spoken_of``), and X keeps the statement's event. A phrase that
sets the scene before the speakers ("In X, residents said ...") is no such place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from geo.parse import clauses
from geo.parse.clausetree import ClauseTree
from geo.parse.datelines import header_end
from geo.records import Mention, Place

#: Verbs that report what someone said, and "quoted" ("officials in X were quoted as saying").
SAYING_VERBS = clauses.SAYING_VERBS | {"quoted"}
#: Prepositions that put a speaker somewhere: "officials in X", "a spokesman at X", "sources
#: from X". Not "of": "the governor of X" may be the governor of the place the act is at.
SPEAKER_PREPOSITIONS = frozenset({"in", "at", "from", "inside", "based"})
#: Links by which a word belongs to the noun phrase it names: "the X region", "X's police".
NOUN_PHRASE_LINKS = frozenset({"compound", "appos", "nmod", "poss", "amod", "conj"})
#: Verbs of saying that take a place as where they are spoken ("said in X", "told reporters in
#: X"), and whose object is a hearer. Not "reported" or "confirmed": "clashes were reported in X"
#: puts the clashes there.
SPEAKING_ALOUD = frozenset({"said", "say", "says", "saying", "told", "tell", "tells", "added", "stated"})
#: Who speaks: the subject of the verb of saying.
SPEAKER_LINKS = frozenset({"nsubj", "nsubjpass"})
#: Whom it is told to: "told reporters in X".
HEARER_LINKS = frozenset({"dobj", "dative"})


def speaks_from(tree: ClauseTree | None, start: int, end: int) -> bool:
    """Is the place at ``start:end`` only where a verb of saying is spoken: on the phrase of its
    subject or hearer ("officials in X said"), or an adjunct of the verb ("said in X")?"""
    if tree is None or len(tree) == 0:
        return False
    token = tree.head_of_span(start, end)
    while tree.deps[token] in NOUN_PHRASE_LINKS and tree.heads[token] != token:
        token = tree.heads[token]  # "the X region", "X and Y"
    preposition = tree.heads[token]
    if tree.deps[token] != "pobj" or tree.words[preposition] not in SPEAKER_PREPOSITIONS:
        return False
    holder = tree.heads[preposition]
    if holder == preposition:
        return False
    if tree.words[holder] in SPEAKING_ALOUD:
        # "said in X", "told reporters in X" parsed as the verb's adjunct; but "In X, residents
        # said ...", before the speakers, sets the scene of all the sentence tells.
        subjects = [c for c in tree.children(holder) if tree.deps[c] in SPEAKER_LINKS]
        return not any(preposition < subject for subject in subjects)
    while tree.deps[holder] in NOUN_PHRASE_LINKS | {"pobj", "prep"} and tree.heads[holder] != holder:
        holder = tree.heads[holder]  # "a spokesman for the police in X"
    verb = tree.heads[holder]
    if verb == holder:
        return False
    if tree.deps[holder] in HEARER_LINKS:
        return tree.words[verb] in SPEAKING_ALOUD
    return tree.deps[holder] in SPEAKER_LINKS and tree.words[verb] in SAYING_VERBS


def speaks_of_elsewhere(
    tree: ClauseTree | None, sentence: str, start: int, end: int, others: Sequence[tuple[int, int]]
) -> bool:
    """Is the place at ``start:end`` of ``sentence`` only where a verb of saying is spoken
    (``speaks_from``: "the general staff in X announced", "a shipping agency in X reported")
    while the sentence names another place that does not speak ("... fighting around Y")? Then
    what was said happened there, not where it was said. Not when what was said also tells of
    "the city" or "the town" outside the speakers' phrase ("witnesses in X said an aircraft
    bombed the airport east of the city"): the speakers' town is a scene too. Not in a
    sentence a dateline opens: the parser hangs the story on the dateline's city as if it
    spoke ("NAIROBI -- tanks pounded X ..., residents said")."""
    if tree is None or header_end(sentence) >= 0 or not speaks_from(tree, start, end):
        return False
    elsewhere = [o for o in others if not speaks_from(tree, *o)]
    if not elsewhere:
        return False
    for match in _THE_SETTLEMENT.finditer(sentence):
        noun = tree.token_at(match.end() - 1)
        if not _in_speakers_phrase(tree, noun) and not speaks_from(tree, match.start(), match.end()):
            return False
    return True


#: A settlement the sentence speaks of without its name: "took the town", "shelled the city".
#: Not "the town of X" (that names it), and not "the capital" (``whereabouts.capital_references``).
_THE_SETTLEMENT = re.compile(
    r"\bthe\s+(?:(?:port|border|coastal|river|frontline)\s+)?(?:town|city|village|port)\b(?!\s+of\b)"
)
#: What marks a mention that stands for a settlement named in an earlier sentence.
SPOKEN_OF_LABEL = "SPOKEN_OF"


def settlements_spoken_of(
    text: str,
    places: Sequence[Place],
    sentences: Sequence[tuple[int, int]],
    trees: Sequence[ClauseTree | None],
    first_sentence: int = 0,
) -> list[Place]:
    """For a sentence of ``text`` whose every place is where its speakers are ("Troops took the
    town on Sunday, officials in X said"), a place at the settlement the article named last
    before it (among ``places``), its mention the phrase "the town" as written: what they said
    happened at the town the story is about, not where they spoke. ``sentences`` are the (start,
    end) of each sentence, the first numbered ``first_sentence``; ``trees`` their parses. Nothing
    when the last settlement named is the speakers' own place, or is a country or region."""
    found = []
    for offset, ((start, end), tree) in enumerate(zip(sentences, trees)):
        index = first_sentence + offset
        own = [p for p in places if p.mention.sentence == index]
        if tree is None or not own or not all(speaks_from(tree, *_within(p, start)) for p in own):
            continue
        before = [p for p in places if p.mention.sentence < index and p.mention.start < start]
        if not before:
            continue
        last = max(before, key=lambda p: p.mention.start)
        if last.entry.is_area or any(p.entry.geonameid == last.entry.geonameid for p in own):
            continue
        for match in _THE_SETTLEMENT.finditer(text, start, end):
            noun = tree.token_at(match.end() - 1 - start)
            if _in_speakers_phrase(tree, noun) or speaks_from(tree, match.start() - start, match.end() - start):
                continue  # "the city council said", "the town's mayor told": a speaker, not a place
            mention = Mention(match.start(), match.end(), match.group(), SPOKEN_OF_LABEL, index)
            found.append(replace(last, mention=mention, candidates=()))
            break
    return found


def _in_speakers_phrase(tree: ClauseTree, token: int) -> bool:
    """Does ``token`` belong to the subject of a verb of saying ("the city council said", "the
    town's mayor told")? Not a noun it only modifies in what was said ("hit the town centre")."""
    while tree.deps[token] in NOUN_PHRASE_LINKS | {"pobj", "prep"} and tree.heads[token] != token:
        token = tree.heads[token]
    verb = tree.heads[token]
    return verb != token and tree.deps[token] in SPEAKER_LINKS and tree.words[verb] in SAYING_VERBS


def _within(place: Place, sentence_start: int) -> tuple[int, int]:
    return place.mention.start - sentence_start, place.mention.end - sentence_start
