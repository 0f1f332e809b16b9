"""Event dates told in ways the corpora seldom tell them, read by the whole pipeline
(``tests/date_reports.py``), and the pieces of the date grammar they needed: a day of the
month named by its ordinal alone, month names of other languages in English copy, a day
counted on from the date a clause names, "the day before" at a clause's end, and a date
phrase that hangs on an adverb ("late on Thursday")."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.clausetree import clause_tree
from geo.parse.dates import DateContext, EventDate, resolve_event_date
from geo.records import DATE_PRECISION_DAY
from tests.date_reports import DATE_REPORTS, DateReport, report_dates

#: Places the pipeline gives no event, so no date: the recogniser's or the event model's misses.
NO_EVENT = {
    ("Sake", date(2012, 11, 22)),
    ("Bartella", date(2016, 10, 20)),
    ("Zaporizhzhia", date(2022, 10, 11)),
    ("Khiam", date(2024, 10, 3)),
    ("Damour", date(1982, 6, 10)),
    ("Neskuchne", date(2023, 6, 20)),
    ("Goose Green", date(1982, 6, 2)),
    ("Bentalha", date(1997, 9, 24)),
    ("Konna", date(2013, 1, 23)),
    ("Diabaly", date(2013, 1, 23)),
    ("Lunsar", date(2000, 5, 11)),
    ("Maaret al-Numan", date(2019, 7, 24)),
    ("Paynesville", date(2003, 7, 23)),
    ("Geneva", date(1988, 3, 18)),
    ("Baga", date(2015, 1, 14)),
    ("Nicosia", date(1974, 7, 25)),
    ("Humera", date(2020, 11, 12)),
    ("Shire", date(2020, 11, 12)),
    ("Potocari", date(1995, 7, 13)),
    ("Bayeux", date(1944, 6, 8)),
    ("Stanley", date(1982, 4, 29)),
    ("Grytviken", date(1982, 4, 29)),
    ("Tal Afar", date(2005, 10, 12)),
    ("Walong", date(1962, 10, 25)),
}
#: Places dated wrong, and why.
DATED_WRONG = {
    # the learned choice's habit for a line with no date of its own: the day of filing or the day before
    ("Taiz", date(2016, 2, 4)): "an undated line after a dateline: the filing day, not the story's",
    ("Surkhet", date(2005, 2, 2)): "an undated line: the day before publication, not the story's",
    ("Zuwara", date(2011, 3, 17)): "the learned choice takes the story's day over 'two days later'",
    # the tagger reads an irregular past as a plural present, so the weekday looks ahead
    ("Kidal", date(2013, 2, 6)): "'retook' tagged as a present: the coming Monday",
    # the act that typed the event is an earlier one a clause counts from
    ("Marawi", date(2017, 6, 8)): "the act clause 'after they overran the city on May 23' dates it",
    ("Ras al-Ain", date(2019, 10, 17)): "the act clause 'a week after the offensive began' dates it",
    # "Oct." at a sentence's end is read as an abbreviation inside it: the next sentence's count joins it
    ("Ismailia", date(1973, 10, 10)): "'on 6 Oct.' ends no sentence for the parser",
}


def _cases() -> list:
    cases = []
    for report in DATE_REPORTS:
        for place in report.want:
            key = (place, report.published)
            reason = "no event at the place" if key in NO_EVENT else DATED_WRONG.get(key)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(report, place, marks=marks, id=f"{place}-{report.published}"))
    return cases


@pytest.mark.parametrize(("report", "place"), _cases())
def test_a_report_dates_its_place_as_a_careful_reader_does(pipeline, report: DateReport, place: str):
    read = report_dates(pipeline, report).get(place)
    assert read is not None and read.startswith(report.want[place])


FRI_2030_05_17 = date(2030, 5, 17)
STORY_TUESDAY = DateContext(story=EventDate(date(2030, 5, 14), DATE_PRECISION_DAY, "Tuesday"))


def _date_at(nlp, sentence: str, place: str, published: date = FRI_2030_05_17) -> EventDate:
    start = sentence.index(place)
    return resolve_event_date(
        sentence,
        published=published,
        near=(start, start + len(place)),
        context=STORY_TUESDAY,
        tree=clause_tree(next(iter(nlp(sentence).sents))),
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen raided a depot in Varel on the 12th.", date(2030, 5, 12)),
        ("Gunmen raided a depot in Varel on the 2nd, police said.", date(2030, 5, 2)),
        ("Gunmen raided a depot in Varel on the 29th.", date(2030, 4, 29)),  # not yet this month
        ("Gunmen raided a depot in Varel on the 31st.", date(2030, 3, 31)),  # April has none
        ("On the 9th they shelled Varel from the hills.", date(2030, 5, 9)),
        ("Gunmen raided a depot in Varel on the night of the 4th.", date(2030, 5, 4)),
        ("Gunmen raided a depot in Varel on the 2nd inst.", date(2030, 5, 2)),
        ("Gunmen raided a depot in Varel on the 29th ult. and withdrew.", date(2030, 4, 29)),
        ("Talks in Varel will resume on the 21st.", date(2030, 5, 21)),  # the coming one
    ],
)
def test_a_day_of_the_month_named_by_its_ordinal_alone(nlp, sentence, expected):
    assert _date_at(nlp, sentence, "Varel").value == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels held the 5th floor of a hotel in Varel.",
        "Rebels fired on the 3rd battalion in Varel.",
        "Fighting in Varel went on until the 4th round of talks.",
    ],
)
def test_an_ordinal_that_counts_a_thing_is_no_day(nlp, sentence):
    assert _date_at(nlp, sentence, "Varel").value == date(2030, 5, 14)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militiamen burned the market in Varel on 3 avril.", date(2030, 4, 3)),
        ("Militiamen burned the market in Varel el 3 de abril, a witness said.", date(2030, 4, 3)),
        ("Militiamen burned the market in Varel on 3 April.", date(2030, 4, 3)),
        ("Militiamen burned the market in Varel on 11 Mai 2029.", date(2029, 5, 11)),
        ("Militiamen burned the market in Varel on 2 dezembro.", date(2029, 12, 2)),
    ],
)
def test_month_names_of_other_languages_after_a_day(nlp, sentence, expected):
    assert _date_at(nlp, sentence, "Varel").value == expected


def test_a_foreign_month_word_is_read_only_after_a_day(nlp):
    # "Mars" is no month without a day's number before it
    assert _date_at(nlp, "Engineers from Mars Ltd rebuilt the bridge at Varel.", "Varel").value == date(2030, 5, 14)


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # the clause counted from names its own day: the place's clause is counted on from it
        ("Shelling resumed around Varel three days after the truce of May 6.", "Varel", date(2030, 5, 9)),
        ("Looting spread through Varel a day before the vote of 12 May.", "Varel", date(2030, 5, 11)),
        # a place in the clause that names the day keeps it
        ("Troops pulled out two days after the ambush near Varel on May 6.", "Varel", date(2030, 5, 6)),
        # with a day before it, the phrase still counts from that one
        ("Rebels took Ostrel on Sunday, a day after militiamen left Varel.", "Varel", date(2030, 5, 11)),
    ],
)
def test_a_day_counted_from_another_date_the_sentence_names(nlp, sentence, place, expected):
    assert _date_at(nlp, sentence, place).value == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor of Varel fled the day before.", date(2030, 5, 13)),
        ("The mayor of Varel returned the day after, aides said.", date(2030, 5, 15)),
        ("The mayor of Varel fled the day before yesterday.", date(2030, 5, 15)),  # a day word of its own
    ],
)
def test_the_day_before_at_a_clause_end_counts_from_the_story(nlp, sentence, expected):
    assert _date_at(nlp, sentence, "Varel").value == expected


def test_a_count_in_the_place_own_conjunct_beats_a_day_named_across_and(nlp):
    sentence = "Riots broke out in Ostrel on Monday night and in Varel the night before."
    assert _date_at(nlp, sentence, "Varel").value == date(2030, 5, 12)
    assert _date_at(nlp, sentence, "Ostrel").value == date(2030, 5, 13)


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        ("Riots broke out in Varel late on Monday and spread to Ostrel on Thursday.", "Varel", date(2030, 5, 13)),
        ("Riots broke out in Varel late on Monday and spread to Ostrel on Thursday.", "Ostrel", date(2030, 5, 16)),
        ("Troops entered Varel early on Tuesday and reached Ostrel on Thursday.", "Varel", date(2030, 5, 14)),
    ],
)
def test_a_date_on_an_adverb_dates_the_verb_the_adverb_modifies(nlp, sentence, place, expected):
    assert _date_at(nlp, sentence, place).value == expected
