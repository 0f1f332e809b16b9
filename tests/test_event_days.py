"""The day of each event of a whole article, as the pipeline (the clause rules and the learned
choice among the day's sources) gives it: relative days read against the right anchor, a month
kept as a month, and a "since" phrase dating only the state it starts."""

from __future__ import annotations

from datetime import date

from geo.records import DATE_PRECISION_DAY, DATE_PRECISION_MONTH, Article


def _events_at(pipeline, text: str, published: date) -> dict[str, tuple[date | None, int]]:
    events = pipeline.events(Article(text, published=published, article_id="event-days-test"))
    return {event.mention: (event.event_date, event.date_precision) for event in events}


def test_a_tuesday_report_saying_on_monday_dates_the_monday(pipeline):
    text = (
        "Rebels shelled the market in Kramatorsk on Monday, killing four people, the regional governor said. "
        "Repair crews were still clearing rubble from the square."
    )
    dates = _events_at(pipeline, text, date(2031, 4, 15))  # a Tuesday
    assert dates["Kramatorsk"] == (date(2031, 4, 14), DATE_PRECISION_DAY)


def test_yesterday_under_a_dateline_counts_from_the_datelines_day(pipeline):
    # filed on the 14th, put online two days later: "yesterday" is the 13th, not the 15th
    text = (
        "MOSUL, Nov 14 (Wire) - Yesterday's attack on a police checkpoint in Tal Afar killed three officers, "
        "the provincial council said."
    )
    dates = _events_at(pipeline, text, date(2030, 11, 16))
    assert dates["Tal Afar"] == (date(2030, 11, 13), DATE_PRECISION_DAY)


def test_since_last_september_dates_nothing_else_in_its_sentence(pipeline):
    text = (
        "Government aircraft bombed Idlib on Thursday, the heaviest raids since the start of the offensive "
        "last September."
    )
    dates = _events_at(pipeline, text, date(2030, 3, 8))  # a Friday
    assert dates["Idlib"] == (date(2030, 3, 7), DATE_PRECISION_DAY)


def test_a_month_alone_gives_the_event_month_precision_not_a_made_up_day(pipeline):
    text = "Militia fighters overran the garrison at Kidal in November, a local official said."
    dates = _events_at(pipeline, text, date(2031, 2, 20))
    value, precision = dates["Kidal"]
    assert precision == DATE_PRECISION_MONTH
    assert value is not None and (value.year, value.month) == (2030, 11)
