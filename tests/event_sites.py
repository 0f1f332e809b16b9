"""A place in a sentence as the event model reads it, for tests to build from their own
sentences: its span, whether it is an area, how many other places the sentence names, where
the sentence stands in its article, and the sentence's parse."""

from __future__ import annotations

from geo.parse.clausetree import clause_tree
from geo.parse.eventmodel import EventSite, decide, load_event_model


def event_site(
    sentence: str, place: str, *, nlp=None, area: bool = False, others: int = 1, index: int = 2
) -> EventSite:
    """The first ``place`` in ``sentence``; with ``nlp``, with the first sentence's parse, as
    the pipeline reads it."""
    start = sentence.index(place)
    tree = None if nlp is None else clause_tree(next(iter(nlp(sentence).sents)))
    return EventSite(
        sentence, start, start + len(place), is_area=area, other_places=others, sentence_index=index, tree=tree
    )


def event_type_at(site: EventSite) -> str | None:
    """The event type the shipped model gives the site, None when it makes no event there."""
    kind, _ = decide(load_event_model(), site)
    return None if kind is None else kind.event_type
