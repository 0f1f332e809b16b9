"""The grammar of a place's clause as the event model reads it: the verb's stem, the part the
place's phrase plays, the clause's other places, a denial above, a state that acts."""

from __future__ import annotations

import pytest

from gazetteer.entry import Entry
from geo.parse.clausegrammar import grammar_features, phrase_part, stands_for_state, verb_stem
from geo.parse.clausetree import clause_tree


def _features(nlp, sentence: str, place: str, *, others: tuple[str, ...] = (), state: bool = False) -> list[str]:
    tree = clause_tree(next(iter(nlp(sentence).sents)))
    start = sentence.index(place)
    spans = tuple((sentence.index(o), sentence.index(o) + len(o)) for o in others)
    return grammar_features(tree, start, start + len(place), spans, state)


def _part(nlp, sentence: str, place: str) -> str:
    tree = clause_tree(next(iter(nlp(sentence).sents)))
    start = sentence.index(place)
    return phrase_part(tree, tree.head_of_span(start, start + len(place)))


@pytest.mark.parametrize(
    "forms",
    [
        ("condemned", "condemns", "condemning", "condemn"),
        ("shelled", "shells", "shelling", "shell"),
        ("stopped", "stops", "stopping", "stop"),
        ("announced", "announces", "announcing", "announce"),
        ("carried", "carries", "carry"),
    ],
)
def test_the_forms_of_one_verb_share_a_stem(forms):
    assert len({verb_stem(form) for form in forms}) == 1


def test_different_verbs_keep_different_stems():
    assert len({verb_stem(w) for w in ("condemned", "shelled", "seized", "received", "fled")}) == 5


@pytest.mark.parametrize(
    ("sentence", "place", "part"),
    [
        ("Korvet condemned the raids on the border villages.", "Korvet", "subject"),
        ("Officials in Korvet said the road had reopened.", "Korvet", "subject:in"),
        ("Rebel gunners shelled Mirab for a third night.", "Mirab", "object"),
        ("Militias fought in Mirab until dawn.", "Mirab", "oblique:in"),
    ],
)
def test_the_part_the_place_s_phrase_plays_in_its_clause(nlp, sentence, place, part):
    assert _part(nlp, sentence, place) == part


def test_a_state_that_acts_is_its_clause_s_subject_or_says_whose_the_subject_is(nlp):
    assert "state_acts" in _features(nlp, "Korvet condemned the raids on the border.", "Korvet", state=True)
    assert "state_acts" in _features(nlp, "Valdoria's foreign ministry denied the report.", "Valdoria", state=True)
    # a town is no state, and a state the subject is only in is the subject's place
    assert "state_acts" not in _features(nlp, "Korvet condemned the raids on the border.", "Korvet")
    assert "state_acts" not in _features(nlp, "Officials in Korvet said the road had reopened.", "Korvet", state=True)


def test_the_clause_s_other_places_are_counted_apart_from_the_sentence_s(nlp):
    sentence = "Troops shelled Mirab and Ardel, while talks went on in Korvet."
    assert "clause_places=1" in _features(nlp, sentence, "Mirab", others=("Ardel", "Korvet"))
    assert "clause_places=0" in _features(nlp, sentence, "Korvet", others=("Mirab", "Ardel"))


def test_a_verb_denied_above_the_place_s_clause_is_read(nlp):
    sentence = "The army did not say that its jets struck Mirab."
    assert "denied_above" in _features(nlp, sentence, "Mirab")
    assert "denied_above" not in _features(nlp, "The army said that its jets struck Mirab.", "Mirab")


def test_a_country_or_a_national_capital_can_stand_for_its_state():
    assert stands_for_state(Entry(1, "Valdoria", 10.0, 20.0, "VA", "A", "PCLI"))
    assert stands_for_state(Entry(2, "Korvet", 10.0, 20.0, "VA", "P", "PPLC"))
    assert not stands_for_state(Entry(3, "Mirab", 10.0, 20.0, "VA", "P", "PPL"))
    assert not stands_for_state(Entry(4, "North Province", 10.0, 20.0, "VA", "A", "ADM1"))
