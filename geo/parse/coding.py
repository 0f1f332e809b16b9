"""Coding the events of an article as ACLED codes them: who fought whom, and how many died.

The pipeline makes an event per sentence and place; this fills the event's coded fields
from that sentence and its neighbours, with what the parse already gave (organisations
and clause sides, ``geo.parse.clauses``), so coding costs no second parse:

- frontline events: ``actor1`` (who attacked) and ``actor2`` (who was attacked or fought
  back), their inter codes (state forces abroad are external forces, 8) and the interaction
  (``geo.parse.actors.frontline_actors``),
  and the reported deaths (``geo.parse.fatalities``, 0 when none are reported);
- diplomacy: the two parties (``geo.parse.actors.diplomacy_parties``);
- protests and riots (other events of the ``protest`` or ``riot`` sub-type): their sides as a frontline
  event's (the protesters, and the police that fired on them), as ACLED gives its protests
  and riots actors, but no toll;
- humanitarian and other events: nothing (their sentences' tolls are about the fighting
  that caused them, which is its own event).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from geo.parse.actors import (
    INTER_EXTERNAL,
    INTER_PROTESTERS,
    INTER_RIOTERS,
    INTER_STATE,
    Actor,
    ActorPair,
    diplomacy_parties,
    frontline_actors,
    interaction,
    protesters,
)
from geo.parse.clauses import NOT_ACTS, SentenceSyntax
from geo.parse.clausetree import ClauseTree
from geo.parse.datelines import header_end
from geo.parse.dates import EventDate, last_day, stated_date
from geo.parse.fatalities import casualties_in_sentences, seat_of_a_source, tells_a_later_toll
from geo.parse.wordspots import word_spots
from geo.records import Event

#: The types and sub-types of protests and riots: events of public life whose sides are coded.
PROTESTS = frozenset({("other", "protest"), ("other", "riot")})


def inter_code(actor: Actor | None, country_code: str) -> int:
    """ACLED's inter code of ``actor`` in an event in ``country_code``: state forces outside
    their own country are external forces (8), as ACLED codes them; 0 for no actor."""
    if actor is None:
        return 0
    abroad = actor.country_code and country_code and actor.country_code.upper() != country_code.upper()
    return INTER_EXTERNAL if actor.inter == INTER_STATE and abroad else actor.inter


def event_actors(
    event: Event,
    sentences: Sequence[str],
    index: int,
    syntax: Sequence[SentenceSyntax] = (),
    places: Sequence[frozenset[int]] = (),
) -> ActorPair:
    """The actors of ``event``, told in ``sentences[index]``; none for humanitarian and other
    events but protests and riots."""
    if event.event_type == "frontline" or (event.event_type, event.sub_event_type) in PROTESTS:
        pair = frontline_actors(
            sentences,
            index,
            country_code=event.country_code,
            sub_event_type=event.sub_event_type,
            syntax=syntax,
            elsewhere=_elsewhere(event, index, places),
        )
        pair = _one_state_one_side(pair)
        return _with_the_crowd(pair, event.country_code) if event.event_type == "other" else pair
    if event.event_type == "diplomacy":
        return diplomacy_parties(sentences, index, country_code=event.country_code, syntax=syntax)
    return ActorPair()


def _one_state_one_side(pair: ActorPair) -> ActorPair:
    """A state's army and its police are one side, not two: "soldiers and police killed four
    gunmen", or the police of a later sentence beside the army of the event's, code the army
    as actor1 and the police as its associate, never as the army's enemy."""
    one, two = pair.actor1, pair.actor2
    if one is None or two is None or one.inter != INTER_STATE or two.inter != INTER_STATE:
        return pair
    if not one.country_code or one.country_code != two.country_code or one.name == two.name:
        return pair
    if not all(a.name.startswith(("Military Forces of ", "Police Forces of ")) for a in (one, two)):
        return pair
    return replace(pair, actor2=None, assoc1=(*pair.assoc1, two, *pair.assoc2), assoc2=())


def _with_the_crowd(pair: ActorPair, country_code: str) -> ActorPair:
    """A protest's sides with its crowd: whoever a protest's sentence names alone ("soldiers
    fired on supporters of the president who had marched to the airport") faced the
    protesters of the country, as every protest ACLED codes has them or rioters for a side."""
    crowd = {INTER_PROTESTERS, INTER_RIOTERS}
    if not country_code or pair.actor1 is None or pair.actor2 is not None or pair.actor1.inter in crowd:
        return pair
    return replace(pair, actor2=protesters(country_code))


def event_fatalities(
    event: Event,
    sentences: Sequence[str],
    index: int,
    places: Sequence[frozenset[int]] = (),
    syntax: Sequence[SentenceSyntax] = (),
    names: Sequence[frozenset[str]] = (),
) -> int:
    """Deaths the article reports for a frontline ``event``; 0 when it reports none (ACLED's
    convention). ``places`` (the gazetteer ids each sentence names) keeps a neighbour that
    tells of another place from lending its toll; with the sentence's parse (``syntax``) and
    the other places it names (``names``, as written), a toll told in the clause of another
    place is that place's ("shells killed two in A, while a drone strike on B killed three")."""
    if event.event_type != "frontline" or _a_past_happening(event, sentences[index]):
        return 0
    others = index < len(places) and bool(places[index] - {event.geonameid})
    other_names = (names[index] if index < len(names) else frozenset()) - {event.mention}
    # Another event of the sentence to take the toll (any other place, when they are not given):
    # "struck a camp on the western edge of X, killing four" names no other, and the toll is X's.
    taker = bool(other_names) or index >= len(names)
    if others and taker and only_a_landmark(sentences[index], event.mention):
        # "struck the village of X, west of Kherson, killing one": the toll is X's event's.
        return 0
    tree = syntax[index].tree if index < len(syntax) else None
    if tree is not None and other_names:
        own = without_other_places_clauses(sentences[index], tree, event.mention, other_names)
        if not own.strip():
            return 0  # the place only dates the report: its neighbours' tolls are not its own either
        sentences = [*sentences[:index], own, *sentences[index + 1 :]]
    elsewhere = [i for i in told_of_elsewhere(_places_told_of(sentences, places, names), event.geonameid) if i != index]
    elsewhere += told_of_an_earlier_day(sentences, index, event.event_date, event.published)
    long_before = [i for i in told_long_before(sentences, event.published) if i != index]
    return (
        casualties_in_sentences(
            sentences, index, place=event.mention, elsewhere=elsewhere, long_before=long_before
        ).killed
        or 0
    )


#: Days a report may run from its happening to the day it is told (a week, ACLED's coarser
#: time precision): a past happening told beside the event lies before them.
STORY_DAYS = 7


#: Days before its report a happening told in it is background: a month, as a report brings
#: news of the last days and a late one of the last weeks ("found on Wednesday, two days
#: after militiamen raided the area" is news; "the worst attack came in November" is not).
BACKGROUND_DAYS = 30


def _a_past_happening(event: Event, sentence: str) -> bool:
    """Is ``event`` a happening its report tells as background, dated over a month before the
    report ("The worst attack came in November at X, where militants killed 58", "In
    September guerrillas shot down an airliner near Y, killing 48")? Its toll is of a
    happening reported long before, not news of this report, as ACLED codes none from a
    background paragraph. Not a sentence telling the toll as it grew (its day is the count's)."""
    if event.event_date is None or event.published is None or tells_a_later_toll(sentence):
        return False
    return last_day(event.event_date, event.date_precision) < event.published - timedelta(days=BACKGROUND_DAYS)


def told_long_before(sentences: Sequence[str], published: date | None) -> list[int]:
    """The sentences that date what they tell to over a month before the report
    (``BACKGROUND_DAYS``): past happenings told as background ("The worst attack came in
    November at X, where militants killed 58"), whose tolls no event of the report takes, but
    a sentence telling a toll as it grew (its day is the count's)."""
    if published is None:
        return []
    return _dated_before(sentences, published - timedelta(days=BACKGROUND_DAYS), published)


def told_of_an_earlier_day(sentences: Sequence[str], index: int, day: date | None, published: date | None) -> list[int]:
    """The sentences that date what they tell to over a week before ``day``, the day of the
    happening told in ``sentences[index]`` ("Gunmen attacked the village on Tuesday. It was
    raided in June, when 18 died."): a past happening told beside this one, whose toll is not
    its own. A day or two before may be the happening itself, the event's day being the
    report's ("said on Saturday it had taken the town"; "15 died in Friday's fighting").
    None when the event's sentence states no date, and never a sentence telling the toll as
    it grew (its day is the count's)."""
    if day is None or _stated_day(sentences[index], published) is None:
        return []
    return [i for i in _dated_before(sentences, day - timedelta(days=STORY_DAYS), published) if i != index]


def _dated_before(sentences: Sequence[str], cutoff: date, published: date | None) -> list[int]:
    """The sentences whose stated day ends before ``cutoff``, but those telling a toll as it
    grew (its day is the count's, not the happening's)."""
    return [
        i
        for i, sentence in enumerate(sentences)
        if not tells_a_later_toll(sentence)
        and (told := _stated_day(sentence, published)) is not None
        and told.value is not None
        and last_day(told.value, told.precision) < cutoff
    ]


def _places_told_of(
    sentences: Sequence[str], places: Sequence[frozenset[int]], names: Sequence[frozenset[str]]
) -> list[frozenset[int]]:
    """``places`` (the gazetteer ids each sentence names) less those of a sentence that names
    its places only as where its source spoke from ("Diplomats in A, citing military sources,
    put the losses at 60"): such a sentence tells of no happening there."""
    return [
        frozenset() if i < len(names) and names[i] and all(seat_of_a_source(sentences[i], n) for n in names[i]) else ids
        for i, ids in enumerate(places)
    ]


@lru_cache(maxsize=1024)
def _stated_day(sentence: str, published: date | None) -> EventDate | None:
    """``stated_date`` of a sentence, read once: every event of an article asks it of the
    same sentences."""
    return stated_date(sentence, published=published)


def told_of_elsewhere(places: Sequence[frozenset[int]], geonameid: int | None) -> list[int]:
    """The sentences that tell of places other than ``geonameid``: those that name places,
    none of them this one, and those that name none after such a sentence, for a sentence
    without a place goes on with the story of the last place named ("Jets bombed A. At least
    30 died in the town. At B, troops exchanged fire.": the thirty are A's, not B's)."""
    told: list[int] = []
    another = False
    for i, named in enumerate(places):
        if named:
            another = geonameid not in named
        if another:
            told.append(i)
    return told


def without_other_places_clauses(sentence: str, tree: ClauseTree, mention: str, others: Iterable[str]) -> str:
    """``sentence`` with the clauses nearer (in its parse) to another place than to ``mention``
    blanked out: each clause goes to the place whose clause is the fewest words away in the
    tree, so a toll told of one place in a sentence that names several is that place's alone."""
    body = max(header_end(sentence), 0)  # "MAIDUGURI, June 29 - ": where the report was filed
    own_verbs = _clause_verbs_of(sentence, tree, mention, body)
    other_verbs = {
        v for name in others if name and name not in mention for v in _clause_verbs_of(sentence, tree, name, body)
    }
    other_verbs -= own_verbs
    if not own_verbs and other_verbs and body and mention in sentence[:body]:
        return ""  # named only in the dateline, beside a place the sentence tells of: where it was filed
    if not own_verbs or not other_verbs:
        return sentence
    clause_of = [tree.clause_verb(i) for i in range(len(tree))]
    blanked: set[int] = set()
    for verb in {v for v in clause_of if v is not None}:
        if _nearest(tree, verb, other_verbs) < _nearest(tree, verb, own_verbs):
            blanked.add(verb)
    if not blanked:
        return sentence
    chars = list(sentence)
    for i, governor in enumerate(clause_of):
        if governor in blanked and any(c.isalnum() for c in tree.words[i]):
            end = tree.starts[i + 1] if i + 1 < len(tree) else len(sentence)
            for k in range(tree.starts[i], min(end, tree.starts[i] + len(tree.words[i]))):
                chars[k] = " "
    return "".join(chars)


def _clause_verbs_of(sentence: str, tree: ClauseTree, name: str, body: int = 0) -> set[int]:
    """The verbs of the clauses that name the place ``name`` (as written) in ``sentence`` from
    character ``body`` on (past its dateline)."""
    verbs: set[int] = set()
    for at in word_spots(sentence[body:], name):
        found_at = (body + at, body + at + len(name))
        verb = tree.clause_verb(tree.head_of_span(*found_at))
        # "the governor of X region said": a place in a source's clause is not where it happened.
        if verb is not None and tree.words[verb] not in NOT_ACTS:
            verbs.add(verb)
    return verbs


def _nearest(tree: ClauseTree, verb: int, verbs: Iterable[int]) -> tuple[int, int]:
    """How near ``verb`` lies to the nearest of ``verbs``: arcs of the parse, then words apart.
    The words settle a tie, as when the parse hangs a second main clause on a participle
    ("struck A, killing three, and a drone hit B"): the participle goes with the clause that
    stands before it, its nearer neighbour."""
    return min((_tree_distance(tree, verb, v), abs(verb - v)) for v in verbs)


def _tree_distance(tree: ClauseTree, a: int, b: int) -> int:
    """How many arcs of the parse lie between tokens ``a`` and ``b``."""
    up_a = [a, *tree.ancestors(a)]
    depth_b = {t: d for d, t in enumerate([b, *tree.ancestors(b)])}
    return next((d + depth_b[t] for d, t in enumerate(up_a) if t in depth_b), len(tree))


#: What makes a place a landmark another is placed by ("west of X", "25 km from X", "near X").
_LANDMARK_LEAD = re.compile(
    r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?(?: edge| outskirts| side)?"
    r"|\b(?:km|kilometres|kilometers|miles)(?: (?:north|south|east|west)(?:-?(?:east|west))?)?)"
    r" (?:of|from) (?:the (?:city|town|village|regional centre|region|province) of )?$",
    re.IGNORECASE,
)


def only_a_landmark(sentence: str, mention: str) -> bool:
    """Does ``sentence`` name the place ``mention`` only to place another ("the village of
    Bilozerka, west of Kherson", "a camp 20 km from Gao")?"""
    spots = word_spots(sentence, mention) if mention else []
    return bool(spots) and all(_LANDMARK_LEAD.search(sentence[max(0, at - 60) : at]) for at in spots)


def _elsewhere(event: Event, index: int, places: Sequence[frozenset[int]]) -> list[int]:
    """The neighbours of sentence ``index`` that name places, none of them the event's."""
    return [
        i for i in (index - 1, index + 1) if 0 <= i < len(places) and places[i] and event.geonameid not in places[i]
    ]


def coded(
    event: Event,
    sentences: Sequence[str],
    index: int,
    syntax: Sequence[SentenceSyntax] = (),
    places: Sequence[frozenset[int]] = (),
    names: Sequence[frozenset[str]] = (),
) -> Event:
    """``event`` with its actors and fatalities, read from ``sentences[index]`` (its sentence)
    and the others; ``syntax``, ``places`` (gazetteer ids) and ``names`` (the places of the
    article's events, as written) are per sentence."""
    pair = event_actors(event, sentences, index, syntax, places)
    # Where talks are held says nothing of who is abroad: only fighting makes forces external.
    place = event.country_code if event.event_type == "frontline" else ""
    inter1 = inter_code(pair.actor1, place)
    inter2 = inter_code(pair.actor2, place)
    return replace(
        event,
        actor1=pair.actor1.name if pair.actor1 is not None else "",
        actor2=pair.actor2.name if pair.actor2 is not None else "",
        assoc_actor_1="; ".join(a.name for a in pair.assoc1),
        assoc_actor_2="; ".join(a.name for a in pair.assoc2),
        inter1=inter1,
        inter2=inter2,
        interaction=interaction(inter1, inter2) if pair.actor1 is not None else 0,
        fatalities=event_fatalities(event, sentences, index, places, syntax, names),
    )
