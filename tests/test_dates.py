"""Dating events: relative words against publication, tense, explicit dates, no false dates."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.dates import DateContext, EventDate, date_contexts, is_future_clause, resolve_event_date
from geo.records import DATE_PRECISION_DAY, DATE_PRECISION_MONTH, DATE_PRECISION_WEEK

THU_2016_03_24 = date(2016, 3, 24)
SAT_2023_04_15 = date(2023, 4, 15)
WED_2022_03_02 = date(2022, 3, 2)
MON_2024_01_08 = date(2024, 1, 8)
THU_2024_05_16 = date(2024, 5, 16)

DAY, WEEK, MONTH = DATE_PRECISION_DAY, DATE_PRECISION_WEEK, DATE_PRECISION_MONTH


def resolved(sentence: str, published: date | None) -> tuple[date | None, int]:
    found = resolve_event_date(sentence, published=published)
    return found.value, found.precision


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # weekdays: most recent in the past tense, same day allowed
        ("Rebels shelled Aleppo on Tuesday.", THU_2016_03_24, (date(2016, 3, 22), DAY)),
        ("Government forces entered Palmyra on Thursday.", THU_2016_03_24, (date(2016, 3, 24), DAY)),
        (
            "RSF fighters attacked the airport in Khartoum on Saturday morning.",
            SAT_2023_04_15,
            (date(2023, 4, 15), DAY),
        ),
        ("Russian troops crossed into Sumy region on Friday.", WED_2022_03_02, (date(2022, 2, 25), DAY)),
        # future tense: the coming one, same day allowed
        (
            "Parties at peace talks in Geneva are expected to agree on Thursday to a document.",
            THU_2016_03_24,
            (date(2016, 3, 24), DAY),
        ),
        ("Talks are due to adjourn on Thursday after almost two weeks.", THU_2016_03_24, (date(2016, 3, 24), DAY)),
        ("Delegations will meet in Belarus on Monday.", WED_2022_03_02, (date(2022, 3, 7), DAY)),
        ("On Monday, the envoys will travel to Jeddah.", SAT_2023_04_15, (date(2023, 4, 17), DAY)),
        # last / next weekday never mean the day of publication
        ("The convoy left Kherson last Thursday.", THU_2016_03_24, (date(2016, 3, 17), DAY)),
        ("A vote is set for next Thursday.", THU_2016_03_24, (date(2016, 3, 31), DAY)),
        # day words
        ("Yesterday, shelling hit Donetsk.", WED_2022_03_02, (date(2022, 3, 1), DAY)),
        ("Explosions were heard in Kyiv last night.", WED_2022_03_02, (date(2022, 3, 1), DAY)),
        ("Air raid sirens sounded in Lviv this morning.", WED_2022_03_02, (date(2022, 3, 2), DAY)),
        ("The ministers meet in Antalya tomorrow.", WED_2022_03_02, (date(2022, 3, 3), DAY)),
        ("Two days ago rockets hit Sderot.", MON_2024_01_08, (date(2024, 1, 6), DAY)),
        # weeks: dated by their Monday
        ("Last week, aid reached Madaya.", THU_2016_03_24, (date(2016, 3, 14), WEEK)),
        ("Fighting in Bakhmut intensified earlier this week.", MON_2024_01_08, (date(2024, 1, 8), WEEK)),
        ("The army said three weeks ago it had retaken the bridge.", THU_2016_03_24, (date(2016, 2, 29), WEEK)),
        ("Strikes on Hodeidah port continued over the weekend.", MON_2024_01_08, (date(2024, 1, 6), WEEK)),
        # months: dated by their first day
        ("The army launched an effort to recapture Palmyra this month.", THU_2016_03_24, (date(2016, 3, 1), MONTH)),
        ("Earlier this month aid reached Madaya.", THU_2016_03_24, (date(2016, 3, 1), MONTH)),
        ("Militants seized the town last month.", MON_2024_01_08, (date(2023, 12, 1), MONTH)),
        ("Russia's intervention began last September.", THU_2016_03_24, (date(2015, 9, 1), MONTH)),
        ("Russia's intervention began last September.", date(2016, 9, 20), (date(2015, 9, 1), MONTH)),
        ("Talks are due to resume in April.", THU_2016_03_24, (date(2016, 4, 1), MONTH)),
        ("Protests began in May.", THU_2016_03_24, (date(2015, 5, 1), MONTH)),
        ("Fighting flared in March.", THU_2016_03_24, (date(2016, 3, 1), MONTH)),
        ("Elections are planned for next March.", THU_2016_03_24, (date(2017, 3, 1), MONTH)),
        ("The offensive began in mid-February.", THU_2016_03_24, (date(2016, 2, 1), MONTH)),
        # explicit dates
        ("The ceasefire was signed on 23 March 2016 in Geneva.", THU_2016_03_24, (date(2016, 3, 23), DAY)),
        ("The ceasefire was signed on March 23, 2016.", THU_2016_03_24, (date(2016, 3, 23), DAY)),
        ("The strike on 2016-03-20 killed five people.", THU_2016_03_24, (date(2016, 3, 20), DAY)),
        ("Clashes erupted in Khartoum on April 15.", date(2023, 5, 2), (date(2023, 4, 15), DAY)),
        ("Hamas attacked Israel on October 7.", MON_2024_01_08, (date(2023, 10, 7), DAY)),
        ("The 5th of April saw the heaviest shelling.", date(2022, 4, 20), (date(2022, 4, 5), DAY)),
        ("A conference is scheduled for Dec. 5 in Paris.", date(2023, 11, 20), (date(2023, 12, 5), DAY)),
        ("The offensive began in March 2015.", THU_2016_03_24, (date(2015, 3, 1), MONTH)),
    ],
)
def test_date_phrases_resolve_against_publication(sentence, published, expected):
    assert resolved(sentence, published) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops may march 23 km to the border.",
        "Civilians may flee if the march on the city continues.",
        "The second convoy reached Madaya.",
        "Theresa May visited Kyiv.",
        "May God protect them, a resident of Mariupol said.",
        "The U.N. Security Council resolution 2254 guarantees a transition.",
        "More than 250,000 people have been killed.",
        "A force of 2000 troops moved toward Avdiivka.",
        "Shelling in 1500 homes left families without power.",
    ],
)
def test_words_that_look_like_dates_are_not_dates(sentence):
    assert resolve_event_date(sentence, published=THU_2016_03_24) == EventDate(THU_2016_03_24, WEEK)


def test_no_date_phrase_gives_publication_date_at_week_precision():
    found = resolve_event_date("Fighting raged in Aleppo.", published=THU_2016_03_24)
    assert (found.value, found.precision, found.phrase) == (THU_2016_03_24, WEEK, "")


def test_without_publication_relative_words_give_no_value():
    assert resolved("Rebels shelled Aleppo on Tuesday.", None) == (None, DAY)
    assert resolved("Fighting raged in Aleppo.", None) == (None, WEEK)
    assert resolved("Aid arrived last week.", None) == (None, WEEK)


def test_without_publication_absolute_dates_still_resolve():
    assert resolved("Signed on 23 March 2016 in Geneva.", None) == (date(2016, 3, 23), DAY)
    assert resolved("The siege began in March 2015.", None) == (date(2015, 3, 1), MONTH)
    assert resolved("The strike on 2016-03-20 killed five.", None) == (date(2016, 3, 20), DAY)


def test_an_absolute_date_beats_an_unresolvable_relative_one():
    assert resolved("On Tuesday officials said the deal of 23 March 2016 held.", None) == (date(2016, 3, 23), DAY)


def test_a_date_that_only_times_a_statement_yields_to_the_event_date():
    sentence = "Kerry said on Tuesday that the offensive began last month."
    assert resolved(sentence, THU_2016_03_24) == (date(2016, 2, 1), MONTH)


def test_the_most_precise_phrase_wins():
    sentence = "Palmyra fell to militants last year and the army began to retake it on Sunday."
    assert resolved(sentence, THU_2016_03_24) == (date(2016, 3, 20), DAY)


def test_another_year_alone_gives_no_date_rather_than_the_publication_day():
    assert resolved("Palmyra fell to Islamic State militants last year.", THU_2016_03_24) == (None, MONTH)
    assert resolved("In 2014 Russia annexed Crimea.", WED_2022_03_02) == (None, MONTH)


def test_a_year_that_names_a_past_war_or_accord_is_background_not_the_publication_day():
    assert resolved("The 1998-2000 border war left the town in ruins.", WED_2022_03_02) == (None, MONTH)
    assert resolved("Talks resumed under the 2015 accord.", WED_2022_03_02) == (None, MONTH)
    # a count is no year, and a day in the same sentence still dates it
    assert resolved("The army flew the 2000 soldiers north on Monday.", WED_2022_03_02) == (date(2022, 2, 28), DAY)
    assert resolved("Rebels shelled the town on Monday, breaking the 2015 accord.", WED_2022_03_02) == (
        date(2022, 2, 28),
        DAY,
    )


def test_the_year_of_publication_adds_nothing():
    assert resolved("Fighting this year has displaced thousands in Darfur.", SAT_2023_04_15) == (SAT_2023_04_15, WEEK)


def test_the_phrase_that_dated_the_event_is_reported():
    assert resolve_event_date("Rockets hit Sderot yesterday.", published=MON_2024_01_08).phrase == "yesterday"


def test_impossible_dates_are_ignored():
    assert resolved("The report dated 2016-02-30 was wrong.", THU_2016_03_24) == (THU_2016_03_24, WEEK)
    assert resolved("Talks on March 32 failed.", THU_2016_03_24) == (THU_2016_03_24, WEEK)


@pytest.mark.parametrize(
    ("sentence", "phrase", "future"),
    [
        ("Talks will resume on Monday, Kerry said on Tuesday.", "Monday", True),
        ("Talks will resume on Monday, Kerry said on Tuesday.", "Tuesday", False),
        ("Kerry said on Tuesday that talks will resume.", "Tuesday", False),
        ("On Thursday, ministers will meet in Geneva.", "Thursday", True),
        ("Flights were cancelled due to shelling on Friday.", "Friday", False),
        ("Talks are due to adjourn on Thursday.", "Thursday", True),
    ],
)
def test_tense_is_read_from_the_clause_of_the_phrase(sentence, phrase, future):
    start = sentence.index(phrase)
    assert is_future_clause(sentence, start, start + len(phrase)) is future


def test_a_conditional_future_date_without_a_year_lies_ahead():
    got = resolve_event_date("The talks would resume on February 25, the envoy said.", published=date(2016, 2, 4))
    assert got.value == date(2016, 2, 25)


def test_a_deadline_month_lies_ahead():
    got = resolve_event_date("Kerry hoped for a transition by August.", published=date(2016, 2, 4))
    assert got.value == date(2016, 8, 1)


def test_a_past_day_without_a_year_stays_in_the_recent_past():
    got = resolve_event_date("Fighting broke out on December 30.", published=date(2016, 2, 4))
    assert got.value == date(2015, 12, 30)


# ---------------------------------------------------------------------------
# the date of the place's own clause

WED_2024_05_15 = date(2024, 5, 15)


def dated_at(sentence: str, place: str, published: date) -> tuple[date | None, int]:
    start = sentence.index(place)
    found = resolve_event_date(sentence, published=published, near=(start, start + len(place)))
    return found.value, found.precision


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # a state that began earlier dates nothing: the event is reported now
        (
            "The capture of Tessit is the army's biggest gain since the start of its offensive last October.",
            "Tessit",
            (WED_2024_05_15, WEEK),
        ),
        ("The port of Hodeidah has been blockaded since last March.", "Hodeidah", (WED_2024_05_15, WEEK)),
        # a relative clause the place is not in dates something else
        ("Troops retook Marinka on Monday, which they had lost last year.", "Marinka", (date(2024, 5, 13), DAY)),
        (
            "The fall of Lysychansk, which rebels had held since 2014, was confirmed on Tuesday.",
            "Lysychansk",
            (date(2024, 5, 14), DAY),
        ),
        (
            "Mortars hit the market in Djibo near the checkpoint that was also attacked last month.",
            "Djibo",
            (WED_2024_05_15, WEEK),
        ),
        # each place takes the date of its own clause
        ("Drones struck Kupiansk on Monday, and Izium on Tuesday.", "Kupiansk", (date(2024, 5, 13), DAY)),
        ("Drones struck Kupiansk on Monday, and Izium on Tuesday.", "Izium", (date(2024, 5, 14), DAY)),
        ("Troops entered Gao on Friday after the rebels withdrew on Wednesday.", "Gao", (date(2024, 5, 10), DAY)),
        # a date standing before the clause governs it
        (
            "On April 4, artillery fire struck Vuhledar and the village of Pavlivka.",
            "Pavlivka",
            (date(2024, 4, 4), DAY),
        ),
        # independent clauses joined by a semicolon keep their own time
        ("In Mopti, a bus hit a mine; near Gao, a convoy was ambushed on Sunday.", "Mopti", (WED_2024_05_15, WEEK)),
        ("In Mopti, a bus hit a mine; near Gao, a convoy was ambushed on Sunday.", "Gao", (date(2024, 5, 12), DAY)),
    ],
)
def test_the_place_takes_the_date_of_its_own_clause(sentence, place, expected):
    assert dated_at(sentence, place, WED_2024_05_15) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "KHARKIV, Ukraine, May 15 (Reuters) - Russian shelling hit the town of Vovchansk on Tuesday.",
        "Vovchansk, 15 May (AFP) - Russian shelling hit the town on Tuesday.",
        "VOVCHANSK — Russian shelling hit the town on Tuesday.",
    ],
)
def test_the_weekday_in_a_dateline_sentence_beats_the_dateline_date(sentence):
    assert resolved(sentence, WED_2024_05_15) == (date(2024, 5, 14), DAY)


def test_a_dateline_date_still_dates_a_sentence_with_no_other():
    assert resolved("GOMA, May 15 (Reuters) - Rebels shelled the airport.", WED_2024_05_15) == (WED_2024_05_15, DAY)


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_relative_dates_at_the_ends_of_the_calendar_do_not_fail(published):
    found = resolve_event_date("Shelling hit the town last week and again on Friday.", published=published)
    assert found.value is None or isinstance(found.value, date)


# ---------------------------------------------------------------------------
# dates carried through the article

TUE_2024_05_14 = date(2024, 5, 14)


def dated_in_story(sentences: list[str], published: date) -> list[tuple[date | None, int]]:
    """Each sentence's date, read in the context of the ones before it."""
    contexts, _ = date_contexts(sentences, published=published)
    return [
        (found.value, found.precision)
        for found in (
            resolve_event_date(sentence, published=published, context=context)
            for sentence, context in zip(sentences, contexts)
        )
    ]


def test_a_sentence_with_no_date_phrase_tells_of_the_story_day():
    story = [
        "Militia fighters overran the market town of Dungu on Sunday, local officials said.",
        "Residents of Dungu spent the night hiding in the forest.",
    ]
    assert dated_in_story(story, TUE_2024_05_14)[1] == (date(2024, 5, 12), DAY)


def test_the_story_day_is_the_first_day_the_article_states_not_the_last():
    story = [
        "Rebels shelled the port of Kismayo on Sunday.",
        "The town was last attacked on May 2.",
        "Families fled towards the coast road.",
    ]
    assert dated_in_story(story, TUE_2024_05_14)[2] == (date(2024, 5, 12), DAY)


def test_a_dateline_line_of_its_own_takes_the_day_of_the_story_it_opens():
    story = ["BAMAKO, May 14 (Sahel Wire) -", "Gunmen attacked an army post near Boni on Monday."]
    assert dated_in_story(story, TUE_2024_05_14)[0] == (date(2024, 5, 13), DAY)


def test_without_the_article_a_dateline_date_still_dates_its_line():
    assert resolved("BAMAKO, May 14 (Sahel Wire) -", TUE_2024_05_14) == (TUE_2024_05_14, DAY)


def test_a_page_header_date_dates_the_report_not_the_event():
    sentence = "World | Africa | 14 May 2024, 08:10 GMT BAMAKO, Mali — Gunmen attacked an army post on Monday."
    assert resolved(sentence, TUE_2024_05_14) == (date(2024, 5, 13), DAY)
    story = ["News | Posted 14 May 2024 Gunmen attacked a post near Boni.", "The assault began on Monday night."]
    assert dated_in_story(story, TUE_2024_05_14)[0] == (date(2024, 5, 13), DAY)


def test_a_phrase_counting_from_the_last_stated_date_moves_the_story_on():
    story = [
        "Troops reached the outskirts of Kidal on Saturday.",
        "Two days later they entered the town.",
        "The next morning the army raised its flag over the governor's office.",
        "Hours later a car bomb exploded at the gate.",
    ]
    assert dated_in_story(story, TUE_2024_05_14)[1:] == [
        (date(2024, 5, 13), DAY),
        (date(2024, 5, 14), DAY),
        (date(2024, 5, 14), DAY),
    ]


def test_a_phrase_that_opens_its_clause_dates_that_clause_from_the_one_before():
    sentence = "Troops took Kidal on Sunday, a day after rebels pulled out of Anefis."
    assert dated_at(sentence, "Kidal", TUE_2024_05_14) == (date(2024, 5, 12), DAY)
    assert dated_at(sentence, "Anefis", TUE_2024_05_14) == (date(2024, 5, 11), DAY)


def test_a_phrase_that_opens_its_clause_with_no_date_before_it_counts_from_the_story_day():
    story = [
        "A car bomb killed nine people in Gao on Sunday.",
        "The army's chief of staff had visited the base at Tessalit.",
        "The blast came two days after a mortar attack on the airport at Timbuktu.",
    ]
    assert dated_in_story(story, TUE_2024_05_14)[2] == (date(2024, 5, 10), DAY)


def test_later_that_week_is_the_week_of_the_last_stated_date():
    story = ["Aid trucks left Gao on April 29.", "They reached Kidal later that week."]
    assert dated_in_story(story, TUE_2024_05_14)[1] == (date(2024, 4, 29), WEEK)


def test_a_where_clause_right_after_the_place_dates_it():
    sentence = "The violence spread to Bambari, 80 km to the east, where militiamen burned a church on Thursday."
    assert dated_at(sentence, "Bambari", TUE_2024_05_14) == (date(2024, 5, 9), DAY)


def test_a_month_opened_by_since_dates_a_state_not_an_event():
    assert resolved("Thousands have sheltered at the mission since September.", TUE_2024_05_14) == (
        TUE_2024_05_14,
        WEEK,
    )


def test_a_month_with_a_year_word_takes_that_year():
    assert resolved("Clashes in April last year killed dozens.", TUE_2024_05_14) == (date(2023, 4, 1), MONTH)
    assert resolved("Elections are due in March next year.", TUE_2024_05_14) == (date(2025, 3, 1), MONTH)


def test_counting_occurrences_in_a_month_dates_nothing():
    sentence = "Drones hit the refinery for the third time this month, officials said."
    assert resolved(sentence, TUE_2024_05_14) == (TUE_2024_05_14, WEEK)


def test_earlier_after_a_number_no_longer_counts_from_publication():
    # "two days earlier" counts from the story's date, not from the day the article appeared
    story = ["Shelling hit Kherson on May 10.", "Two days earlier, a drone struck the ferry pier."]
    assert dated_in_story(story, TUE_2024_05_14)[1] == (date(2024, 5, 8), DAY)


def test_the_context_carries_from_one_part_of_an_article_to_the_next():
    first, after = date_contexts(["Rebels seized Goma's airport on Monday."], published=TUE_2024_05_14)
    second, _ = date_contexts(["Shops in the centre stayed shut."], published=TUE_2024_05_14, before=after)
    found = resolve_event_date("Shops in the centre stayed shut.", published=TUE_2024_05_14, context=second[0])
    assert (found.value, found.precision) == (date(2024, 5, 13), DAY)
    assert first[0] == DateContext(EventDate(date(2024, 5, 13), DAY, "Monday"), None)


def test_a_place_inside_a_since_clause_takes_its_date():
    sentence = "Thousands have fled to Chad since fighting broke out in El Geneina on April 24."
    assert dated_at(sentence, "El Geneina", TUE_2024_05_14) == (date(2024, 4, 24), DAY)
    assert dated_at(sentence, "Chad", TUE_2024_05_14) == (TUE_2024_05_14, WEEK)


def test_a_which_clause_right_after_the_place_dates_it_when_its_own_clause_has_no_date():
    sentence = "Casualties were reported in Ganja, which came under rocket fire last month."
    assert dated_at(sentence, "Ganja", TUE_2024_05_14) == (date(2024, 4, 1), MONTH)
    sentence = "Troops retook Marinka on Monday, which they had lost last year."
    assert dated_at(sentence, "Marinka", TUE_2024_05_14) == (date(2024, 5, 13), DAY)


def test_several_times_last_month_still_dates_the_strikes():
    sentence = "Aircraft struck Mekelle several times last month."
    assert dated_at(sentence, "Mekelle", TUE_2024_05_14) == (date(2024, 4, 1), MONTH)


def test_a_since_clause_ends_at_its_comma():
    sentence = "Kherson was the first city taken since the invasion began in February, and it fell in March."
    assert dated_at(sentence, "Kherson", date(2022, 11, 11)) == (date(2022, 3, 1), MONTH)


def test_a_year_alone_in_a_clause_about_the_place_is_background():
    sentence = "Fighting raged for Kobane, which fell to militants last year."
    assert dated_at(sentence, "Kobane", TUE_2024_05_14) == (TUE_2024_05_14, WEEK)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Militia fighters burned Ouro Kessa on 11-12 June.", date(2023, 6, 11)),
        ("Militia fighters burned Ouro Kessa on June 11-12.", date(2023, 6, 11)),
        ("Militia fighters burned Ouro Kessa on the night of 11-12 June.", date(2023, 6, 12)),
        ("Militia fighters burned Ouro Kessa on the night of June 11–12.", date(2023, 6, 12)),
    ],
)
def test_a_range_of_days_is_its_first_day_and_a_night_the_morning_it_ends_in(sentence, expected):
    assert resolved(sentence, date(2023, 6, 20)) == (expected, DAY)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Thousands have left Tillaberi in recent weeks.", (date(2023, 6, 1), MONTH)),
        ("Thousands have left Tillaberi over the past few weeks.", (date(2023, 6, 1), MONTH)),
        ("Clashes near Tillaberi in recent days killed nine soldiers.", (date(2023, 6, 19), WEEK)),
        ("Clashes near Tillaberi over the last few days killed nine soldiers.", (date(2023, 6, 19), WEEK)),
    ],
)
def test_a_span_up_to_the_report_claims_no_day(sentence, expected):
    assert resolved(sentence, date(2023, 6, 21)) == expected


def test_a_when_clause_after_a_since_phrase_is_dated_by_it():
    sentence = "The mayor has slept in a school in Tarnow since Friday, when shells hit his house in Sokal."
    sokal = sentence.index("Sokal")
    tarnow = sentence.index("Tarnow")
    published = date(2022, 6, 28)  # a Tuesday
    assert resolve_event_date(sentence, published=published, near=(sokal, sokal + 5)).value == date(2022, 6, 24)
    # the state itself, where the mayor sleeps, is not dated by when it began
    assert resolve_event_date(sentence, published=published, near=(tarnow, tarnow + 6)).value == published


def test_a_planned_day_neither_starts_the_story_nor_anchors_the_same_day():
    sentences = [
        "The envoy said on Monday that talks in Vienna would resume on March 30.",
        "On the same day, militias shelled Kupiansk.",
    ]
    contexts, _ = date_contexts(sentences, published=date(2022, 3, 15))  # a Tuesday
    assert contexts[1].story is not None and contexts[1].story.value == date(2022, 3, 14)
    found = resolve_event_date(sentences[1], published=date(2022, 3, 15), context=contexts[1])
    assert found.value == date(2022, 3, 14)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen raided farms around Velo between 12 and 14 May.", date(2024, 5, 12)),
        ("Gunmen raided farms around Velo from 3 to 5 May.", date(2024, 5, 3)),
        ("Gunmen raided farms around Velo on 9 and 10 May.", date(2024, 5, 9)),
        ("Gunmen raided farms around Velo between May 12 and 14.", date(2024, 5, 12)),
        ("Gunmen raided farms around Velo on the night of 10 to 11 May.", date(2024, 5, 11)),
        # a range across two months keeps the first month's day
        ("Gunmen raided farms around Velo from April 29 to 2 May.", date(2024, 4, 29)),
    ],
)
def test_a_range_joined_by_words_is_dated_like_one_joined_by_a_dash(sentence, expected):
    assert resolved(sentence, THU_2024_05_16) == (expected, DAY)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Soldiers left the Dovra barracks on Tuesday last week.", date(2024, 5, 7)),
        ("Soldiers left the Dovra barracks on Friday of last week.", date(2024, 5, 10)),
        ("Soldiers will leave the Dovra barracks on Monday next week.", date(2024, 5, 20)),
    ],
)
def test_a_weekday_of_a_named_week_is_that_weeks_day(sentence, expected):
    assert resolved(sentence, THU_2024_05_16) == (expected, DAY)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shells hit the Dovra market on 14/05/2024.", date(2024, 5, 14)),
        ("Shells hit the Dovra market on 14.05.2024.", date(2024, 5, 14)),
        ("Shells hit the Dovra market on 5/14/2024.", date(2024, 5, 14)),  # no 14th month: month first
        ("Shells hit the Dovra market on 3/4/2024.", date(2024, 4, 3)),  # both read: the one nearer publication
    ],
)
def test_a_date_in_figures_is_read_day_first_unless_only_month_first_is_a_date(sentence, expected):
    assert resolved(sentence, THU_2024_05_16) == (expected, DAY)


def test_figures_that_run_on_past_a_year_are_no_date():
    assert resolved("The tally 12/10/2024/5 was wrong.", THU_2024_05_16) == (THU_2024_05_16, WEEK)
