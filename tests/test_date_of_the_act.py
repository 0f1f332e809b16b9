"""Whose day dates a place: the clause of the act that happened there, not a statement, a toll's
update, a planned meeting another noun names, or the aftermath its own verb tells."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.clausetree import clause_tree
from geo.parse.datechoice import event_date, load_date_model
from geo.parse.dates import DateContext, EventDate, act_clause_span, phrase_options, resolve_event_date
from geo.records import DATE_PRECISION_DAY

FRI_2031_06_13 = date(2031, 6, 13)
MONDAY, TUESDAY, THURSDAY = date(2031, 6, 9), date(2031, 6, 10), date(2031, 6, 12)
STORY_WEDNESDAY = DateContext(story=EventDate(date(2031, 6, 11), DATE_PRECISION_DAY, "Wednesday"))


def _span(sentence: str, words: str) -> tuple[int, int]:
    start = sentence.index(words)
    return start, start + len(words)


def _date_at(nlp, sentence: str, place: str, *, learned: bool = False) -> date | None:
    tree = clause_tree(next(iter(nlp(sentence).sents)))
    near = _span(sentence, place)
    if learned:
        model = load_date_model()
        found = event_date(
            sentence, published=FRI_2031_06_13, near=near, context=STORY_WEDNESDAY, tree=tree, model=model
        )
    else:
        found = resolve_event_date(sentence, published=FRI_2031_06_13, near=near, context=STORY_WEDNESDAY, tree=tree)
    return found.value


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        ("The shelling came ahead of talks in Velkor on Tuesday.", "Velkor", date(2031, 6, 17)),
        ("Envoys arrived ahead of a summit in Velkor on Monday.", "Velkor", date(2031, 6, 16)),
        ("Turnout in Velkor was low before the vote on Sunday.", "Velkor", date(2031, 6, 11)),
        ("Rebels attacked Dorna before the vote on Sunday.", "Dorna", date(2031, 6, 11)),
        # a time of day or a clause after "before" is no planned thing: the day is the verb's
        ("Rebels attacked Dorna before dawn on Sunday.", "Dorna", date(2031, 6, 8)),
    ],
)
def test_a_day_a_planned_thing_names_is_the_coming_one_and_dates_only_that_thing(nlp, sentence, place, expected):
    assert _date_at(nlp, sentence, place) == expected


@pytest.mark.parametrize(
    "sentence",
    ["Rebels attacked Dorna before the vote on Sunday.", "Troops shelled Dorna ahead of the talks on Tuesday."],
)
def test_the_learned_choice_never_gives_a_place_the_day_of_a_planned_thing_it_has_no_part_in(nlp, sentence):
    assert _date_at(nlp, sentence, "Dorna", learned=True) <= FRI_2031_06_13


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The death toll from the strike on Dorna rose to 14 on Friday.", date(2031, 6, 11)),
        ("The number of people killed in Dorna has risen to 14, officials said on Thursday.", date(2031, 6, 11)),
        ("The death toll from the strike on Dorna has risen to 14.", date(2031, 6, 11)),
        # the strike's own day, when the text gives it
        ("The death toll from Tuesday's strike on Dorna rose to 14 on Friday.", TUESDAY),
        ("The death toll from the strike on Dorna on Monday rose to 14 on Thursday.", MONDAY),
    ],
)
def test_a_toll_that_rose_on_a_day_dates_the_telling_of_the_toll_not_the_strike(nlp, sentence, expected):
    assert _date_at(nlp, sentence, "Dorna") == expected


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("The death toll from the strike on Dorna rose to 14 on Friday.", "Friday"),
        ("The number of dead in Dorna rose to 14 on Thursday, officials said.", "Thursday"),
    ],
)
def test_the_day_a_toll_was_told_is_no_option_for_the_learned_choice(nlp, sentence, told):
    tree = clause_tree(next(iter(nlp(sentence).sents)))
    options = phrase_options(
        sentence, published=FRI_2031_06_13, near=_span(sentence, "Dorna"), context=STORY_WEDNESDAY, tree=tree
    )
    assert told not in [option.phrase for option in options]
    assert told in [option.phrase for option in phrase_options(sentence, published=FRI_2031_06_13)]


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # a place named inside a noun's phrase: its relative clause tells what befell it
        ("Fighters from Velkor, which was captured on Monday, attacked Dorna on Thursday.", "Velkor", MONDAY),
        ("Fighters from Velkor, which was captured on Monday, attacked Dorna on Thursday.", "Dorna", THURSDAY),
        (
            "Ministers in the capital on Thursday denounced the ambush of a convoy near the village of Velkor,"
            " where three drivers were shot on Tuesday.",
            "Velkor",
            TUESDAY,
        ),
        # a day in the phrase of the noun that governs the place
        ("The fall of Velkor during a surprise push on Monday has alarmed the allies.", "Velkor", MONDAY),
        # each place its own clause's day
        ("Dorna was shelled on Monday, and talks in Velkor resumed on Tuesday.", "Dorna", MONDAY),
        ("Dorna was shelled on Monday, and talks in Velkor resumed on Tuesday.", "Velkor", TUESDAY),
    ],
)
def test_each_place_takes_the_day_of_its_own_clause(nlp, sentence, place, expected):
    assert _date_at(nlp, sentence, place) == expected


@pytest.mark.parametrize(
    ("sentence", "act", "expected"),
    [
        (
            "Mourners in Dorna on Thursday laid to rest the farmers killed when a mortar round hit their field on Monday.",
            "hit",
            MONDAY,
        ),
        ("A charity has closed its office in Dorna after gunmen looted it on Tuesday.", "looted", TUESDAY),
        (
            "Shops reopened in Dorna on Thursday, a day after rebels raided the market.",
            "raided",
            date(2031, 6, 11),
        ),
    ],
)
def test_an_act_told_in_a_clause_under_the_places_is_dated_by_that_clause(nlp, sentence, act, expected):
    tree = clause_tree(next(iter(nlp(sentence).sents)))
    span = act_clause_span(tree, _span(sentence, "Dorna"), _span(sentence, act))
    assert span == _span(sentence, act)
    found = resolve_event_date(sentence, published=FRI_2031_06_13, near=span, context=STORY_WEDNESDAY, tree=tree)
    assert found.value == expected


@pytest.mark.parametrize(
    ("sentence", "act"),
    [
        # a verb joined by "and" carries the place's story on: its own day stays
        ("Rebels took Dorna on Monday and on Tuesday shelled the roads out of it.", "shelled"),
        # the act told in the place's own clause
        ("Rebels shelled Dorna on Tuesday after talks failed.", "shelled"),
    ],
)
def test_an_act_joined_by_and_or_in_the_places_own_clause_leaves_the_place_its_clause(nlp, sentence, act):
    tree = clause_tree(next(iter(nlp(sentence).sents)))
    near = _span(sentence, "Dorna")
    assert act_clause_span(tree, near, _span(sentence, act)) == near
