"""Dates by tense and calendar: a clause of now tells of the filing day, a day on a present
verb is one planned, and dates across New Year and a month's first day land in the right unit."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.clausetree import clause_tree
from geo.parse.dates import DateContext, EventDate, date_contexts, resolve_event_date
from geo.records import DATE_PRECISION_DAY, DATE_PRECISION_MONTH

FRI_2031_06_13 = date(2031, 6, 13)
STORY_WEDNESDAY = DateContext(story=EventDate(date(2031, 6, 11), DATE_PRECISION_DAY, "Wednesday"))
FRI_2032_01_02 = date(2032, 1, 2)


def _date_at(nlp, sentence: str, place: str, published: date, context: DateContext) -> EventDate:
    start = sentence.index(place)
    return resolve_event_date(
        sentence,
        published=published,
        near=(start, start + len(place)),
        context=context,
        tree=clause_tree(next(iter(nlp(sentence).sents))),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of people are fleeing Dorna, the mayor says.",
        "The road to Dorna remains closed.",
        "Government troops now control Dorna, the army says.",
        "Officials in Dorna say the town is calm.",
        "Aid convoys have reached Dorna.",
    ],
)
def test_a_clause_of_now_with_no_date_tells_of_the_filing_day_not_the_story_day(nlp, sentence):
    assert _date_at(nlp, sentence, "Dorna", FRI_2031_06_13, STORY_WEDNESDAY).value == FRI_2031_06_13


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said troops had entered Dorna.",  # the past perfect
        "The governor announced that troops have taken Dorna.",  # now of a past statement
        "Rebels seize Dorna",  # a headline tells past news in the present
        "Some families have been sheltering in Dorna since March.",  # a state since a past start
    ],
)
def test_a_clause_of_the_past_or_of_a_past_statement_keeps_the_story_day(nlp, sentence):
    assert _date_at(nlp, sentence, "Dorna", FRI_2031_06_13, STORY_WEDNESDAY).value == date(2031, 6, 11)


@pytest.mark.parametrize(
    "sentence",
    [
        "Parents have gone into the hills to search for their sons, two days after gunmen seized them in Dorna.",
        "Two days after gunmen raided Dorna, families are still searching for the missing.",
    ],
)
def test_two_days_after_on_a_verb_of_now_counts_back_from_the_filing_day(nlp, sentence):
    # Friday's news, "two days after" the raid: the raid was on Wednesday, not two days before
    # the story's day
    assert _date_at(nlp, sentence, "Dorna", FRI_2031_06_13, STORY_WEDNESDAY).value == date(2031, 6, 11)


@pytest.mark.parametrize(
    "sentence",
    [
        "Parents went into the hills to search for their sons, two days after gunmen seized them in Dorna.",
        "Parents had gone into the hills to search for their sons, two days after gunmen seized them in Dorna.",
        "Parents go into the hills two days after gunmen seize pupils in Dorna",  # a headline
    ],
)
def test_two_days_after_on_a_verb_of_the_past_counts_back_from_the_story_day(nlp, sentence):
    assert _date_at(nlp, sentence, "Dorna", FRI_2031_06_13, STORY_WEDNESDAY).value == date(2031, 6, 9)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Leaders meet in Dorna on Tuesday to sign the accord.", date(2031, 6, 17)),
        ("Voting starts in Dorna on Sunday.", date(2031, 6, 15)),
        ("Mediators hope to bring both sides to Dorna on Tuesday.", date(2031, 6, 17)),
        ("Mediators want the talks in Dorna to resume on Monday.", date(2031, 6, 16)),
        ("The truce in Dorna takes effect on Friday.", FRI_2031_06_13),  # the coming one may be today
        # a day on a past verb stays past, whatever the statement's tense
        ("Officials say rebels attacked Dorna on Tuesday.", date(2031, 6, 10)),
        ("Mediators tried to bring both sides to Dorna on Tuesday.", date(2031, 6, 10)),
    ],
)
def test_a_weekday_on_a_present_verb_is_the_coming_one(nlp, sentence, expected):
    assert _date_at(nlp, sentence, "Dorna", FRI_2031_06_13, STORY_WEDNESDAY).value == expected


def test_an_article_of_2_january_reads_the_last_days_of_december_in_the_old_year(nlp):
    article = [
        "Rebels attacked Varel on Dec. 30, officials said.",
        "Troops shelled Karsk on Wednesday.",
        "Thousands of people are fleeing Dorna, the mayor says.",
        "Both sides will meet in Ostrel on Monday.",
        "Leaders meet in Lovetz on Tuesday.",
    ]
    contexts, _ = date_contexts(article, published=FRI_2032_01_02)
    places = ("Varel", "Karsk", "Dorna", "Ostrel", "Lovetz")
    days = [
        _date_at(nlp, sentence, place, FRI_2032_01_02, context).value
        for sentence, place, context in zip(article, places, contexts)
    ]
    assert days == [date(2031, 12, 30), date(2031, 12, 31), FRI_2032_01_02, date(2032, 1, 5), date(2032, 1, 6)]


def test_earlier_this_month_on_the_first_of_a_month_is_the_month_before():
    found = resolve_event_date("Militants attacked a base in Varel earlier this month.", published=date(2031, 3, 1))
    assert (found.value, found.precision) == (date(2031, 2, 1), DATE_PRECISION_MONTH)
    found = resolve_event_date("Militants attacked a base in Varel earlier this month.", published=date(2031, 3, 2))
    assert (found.value, found.precision) == (date(2031, 3, 1), DATE_PRECISION_MONTH)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen raided Varel on the night of Tuesday to Wednesday.", date(2031, 6, 11)),
        ("Gunmen raided Varel on the night of Sunday into Monday.", date(2031, 6, 9)),
        ("Gunmen raided Varel from Tuesday to Thursday.", date(2031, 6, 10)),
    ],
)
def test_a_night_between_two_weekdays_is_the_morning_it_ends_in_a_range_its_first_day(sentence, expected):
    assert resolve_event_date(sentence, published=FRI_2031_06_13).value == expected


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        ("Rebels attacked Varel on Dec. 30 and are expected to push on.", "Varel", date(2031, 12, 30)),
        ("Rebels attacked Varel on Wednesday and will push on toward the coast.", "Varel", date(2031, 12, 31)),
        ("Troops who will guard the pass arrived in Varel on Wednesday.", "Varel", date(2031, 12, 31)),
        ("The next round of talks collapsed in Varel on Dec. 31.", "Varel", date(2031, 12, 31)),
        # the future marker is the verb's own: still ahead
        ("A rally in Varel was scheduled for Monday.", "Varel", date(2032, 1, 5)),
        ("Talks in Varel were expected to resume on Monday.", "Varel", date(2032, 1, 5)),
    ],
)
def test_a_day_on_a_verb_in_the_simple_past_stays_past_though_another_clause_looks_ahead(
    nlp, sentence, place, expected
):
    assert _date_at(nlp, sentence, place, FRI_2032_01_02, DateContext()).value == expected


@pytest.mark.parametrize("place", ["Korinka", "Selvo"])
def test_a_past_the_tagger_reads_as_a_present_is_still_past_with_a_singular_subject(nlp, place):
    sentence = f"The army retook {place} on Tuesday after a week of fighting."
    found = _date_at(nlp, sentence, place, FRI_2031_06_13, DateContext())
    assert found.value == date(2031, 6, 10)  # the Tuesday before, not the coming one


def test_a_plural_subject_keeps_a_present_weekday_the_coming_one(nlp):
    found = _date_at(nlp, "The two presidents meet in Selvo on Tuesday.", "Selvo", FRI_2031_06_13, DateContext())
    assert found.value == date(2031, 6, 17)
