"""A place in a sentence as the event model reads it, for tests to build from their own
sentences: its span, whether it is an area, how many other places the sentence names, where
the sentence stands in its article, and the sentence's parse."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from geo.parse.clausetree import clause_tree
from geo.parse.eventmodel import EventSite, decide, load_event_model
from geo.records import Article


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


def made_up_training_places(
    groups: int, places: int, group_name: Callable[[int], str], own_feature: Callable[[int, int], tuple[str, float]]
) -> tuple[list, list[str]]:
    """Training rows for the event model: ``places`` places in each of ``groups`` made-up
    articles or wars (named by ``group_name``). Shelling places have a frontline event,
    places officials only speak from have none; each row also carries ``own_feature(group,
    n)``, the word the test is about (noise, or a group's own commander)."""
    examples, names = [], []
    for group in range(groups):
        for n in range(places):
            shelled = n % 2 == 0
            words = ("clause=shelled", "clause=houses") if shelled else ("clause=officials", "clause=said")
            features = (("bias", 1.0), *((w, 0.7) for w in words), own_feature(group, n))
            sentence = "Troops shelled houses in Korvath." if shelled else "Officials in Korvath said little."
            examples.append((features, "frontline" if shelled else "none", event_site(sentence, "Korvath")))
            names.append(group_name(group))
    return examples, names


def event_types_by_mention(pipeline, text: str, *, published: date, article_id: str) -> dict[str, str]:
    """The event type the pipeline gives each place of ``text``, by the place as written."""
    events = pipeline.events(Article(text, published=published, article_id=article_id))
    return {e.mention: e.event_type for e in events}
