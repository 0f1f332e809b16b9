"""An act told beside the place: a clause describing a site at the place, or "there"."""

from __future__ import annotations

from datetime import date

import pytest

from gazetteer.entry import Entry
from geo.parse.clausetree import clause_tree
from geo.parse.eventmodel import EventSite, decide, load_event_model
from geo.parse.pipeline import Sentence, events_from_places
from geo.records import Article, Mention, Place
from geo.store.merge import merge

TOWN = Entry(
    geonameid=1,
    name="Ostrel",
    lat=12.1,
    lon=13.4,
    country_code="NG",
    feature_class="P",
    feature_code="PPL",
    population=20_000,
)
SHELLED_WAREHOUSE = (
    "Insurers on Tuesday declined to pay for the warehouse in Ostrel that was shelled by rebels on Sunday."
)


def _tree(nlp, sentence: str):
    return clause_tree(next(iter(nlp(sentence).sents)))


def _kind(nlp, sentence: str, *, others: tuple[str, ...] = ()):
    start = sentence.index("Ostrel")
    site = EventSite(
        sentence,
        start,
        start + len("Ostrel"),
        is_area=False,
        other_places=len(others),
        sentence_index=1,
        tree=_tree(nlp, sentence),
        other_spans=tuple((sentence.index(o), sentence.index(o) + len(o)) for o in others),
    )
    kind, _ = decide(load_event_model(), site)
    return kind


def test_a_site_at_the_place_told_shelled_in_a_relative_clause_is_shelling_there(nlp):
    kind = _kind(nlp, SHELLED_WAREHOUSE)
    assert kind is not None and (kind.event_type, kind.sub_event_type) == ("frontline", "shelling")


def test_an_act_told_there_after_the_place_is_the_places(nlp):
    sentence = "Reporters avoid Ostrel because their office there was bombed on Sunday."
    kind = _kind(nlp, sentence)
    assert kind is not None and (kind.event_type, kind.sub_event_type) == ("frontline", "air_strike")


@pytest.mark.parametrize(
    "sentence",
    [
        # the clause tells of a person's kin, not of the site
        "A nurse in Ostrel whose cousin was shelled by rebels spoke to reporters on Monday.",
        # denied, and still to come
        "Insurers on Tuesday declined to pay for the warehouse in Ostrel that was not shelled by rebels.",
        "Insurers on Tuesday declined to pay for the warehouse in Ostrel that will be shelled by rebels, they said.",
        # the clause on the site holds the sentence's only act of fighting, and denies it
        "Underwriters on Monday refused to cover the depot near Ostrel that had never been bombed, a broker said.",
    ],
)
def test_a_clause_that_does_not_tell_the_site_struck_makes_no_event_there(nlp, sentence):
    assert _kind(nlp, sentence) is None


def test_there_after_another_place_may_stand_for_that_one(nlp):
    sentence = "Reporters avoid Ostrel and Belkora because their office there was bombed on Sunday."
    assert _kind(nlp, sentence, others=("Belkora",)) is None


#: An article's opening line before the sentence that tells the event.
LEAD = "Premiums in the region have doubled this year."


def _events(nlp, sentence: str, published: date, article_id: str):
    text = f"{LEAD} {sentence}"
    article = Article(text=text, published=published, article_id=article_id, source=article_id)
    start = text.index("Ostrel")
    places = [Place(Mention(start, start + len("Ostrel"), "Ostrel", sentence=1), TOWN, 0.9)]
    sentences = [Sentence(0, 0, len(LEAD) + 1, f"{LEAD} "), Sentence(1, len(LEAD) + 1, len(text), sentence)]
    return events_from_places(article, places, sentences, trees={1: _tree(nlp, sentence)})


def test_two_reports_of_one_shelling_join_and_a_shelling_there_another_day_stays_apart(nlp):
    # Sunday 4 May: the shelling; the insurers' report of Tuesday dates it by its own clause.
    # A shelling of another warehouse of the town on Thursday is another happening.
    first = _events(nlp, "Rebels shelled a warehouse in Ostrel on Sunday, police said.", date(2031, 5, 5), "a")
    later = _events(nlp, SHELLED_WAREHOUSE, date(2031, 5, 6), "b")
    again = _events(nlp, "Rebels shelled a grain store in Ostrel on Thursday, police said.", date(2031, 5, 9), "c")
    assert [e.event_date for e in (*first, *later, *again)] == [date(2031, 5, 4), date(2031, 5, 4), date(2031, 5, 8)]
    merged = merge([*first, *later, *again])
    assert sorted(sorted(r.article_id for r in m.reports) for m in merged) == [["a", "b"], ["c"]]
