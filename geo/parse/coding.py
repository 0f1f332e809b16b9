"""Coding the events of an article as ACLED codes them: who fought whom, and how many died.

The pipeline makes an event per sentence and place; this fills the event's coded fields
from that sentence and its neighbours, with what the parse already gave (organisations
and clause sides, ``geo.parse.clauses``), so coding costs no second parse:

- frontline events: ``actor1`` (who attacked) and ``actor2`` (who was attacked or fought
  back), their inter codes (state forces abroad are external forces, 8) and the interaction
  (``geo.parse.actors.frontline_actors``),
  and the reported deaths (``geo.parse.fatalities``, 0 when none are reported);
- diplomacy: the two parties (``geo.parse.actors.diplomacy_parties``);
- humanitarian and other events: nothing (their sentences' tolls are about the fighting
  that caused them, which is its own event).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from geo.parse.actors import (
    INTER_EXTERNAL,
    INTER_STATE,
    Actor,
    ActorPair,
    diplomacy_parties,
    frontline_actors,
    interaction,
)
from geo.parse.clauses import SentenceSyntax
from geo.parse.fatalities import casualties_in_sentences
from geo.records import Event


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
    """The actors of ``event``, told in ``sentences[index]``; none for humanitarian and other events."""
    if event.event_type == "frontline":
        return frontline_actors(
            sentences,
            index,
            country_code=event.country_code,
            sub_event_type=event.sub_event_type,
            syntax=syntax,
            elsewhere=_elsewhere(event, index, places),
        )
    if event.event_type == "diplomacy":
        return diplomacy_parties(sentences, index, country_code=event.country_code)
    return ActorPair()


def event_fatalities(event: Event, sentences: Sequence[str], index: int, places: Sequence[frozenset[int]] = ()) -> int:
    """Deaths the article reports for a frontline ``event``; 0 when it reports none (ACLED's
    convention). ``places`` (the gazetteer ids each sentence names) keeps a neighbour that
    tells of another place from lending its toll."""
    if event.event_type != "frontline":
        return 0
    others = index < len(places) and bool(places[index] - {event.geonameid})
    if others and only_a_landmark(sentences[index], event.mention):
        # "struck the village of X, west of Kherson, killing one": the toll is X's event's.
        return 0
    elsewhere = [i for i, named in enumerate(places) if named and event.geonameid not in named and i != index]
    return casualties_in_sentences(sentences, index, place=event.mention, elsewhere=elsewhere).killed or 0


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
    spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", sentence)] if mention else []
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
) -> Event:
    """``event`` with its actors and fatalities, read from ``sentences[index]`` (its sentence)
    and the others; ``syntax`` and ``places`` (gazetteer ids) are per sentence."""
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
        fatalities=event_fatalities(event, sentences, index, places),
    )
