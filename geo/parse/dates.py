"""When an event happened: the date phrase of a sentence, resolved against publication.

Conventions (those of wire copy, where "on Thursday" is the norm):

- Relative words count from ``published``: "today", "yesterday", "last night",
  "on Thursday", "last week", "this month", "two days ago", "last September". A span
  up to the report is only as precise as its unit: "in recent days" is this week, "in
  recent weeks" this month, never the day of publication. "Earlier this month" read on the
  first of a month is the month before (no day of this one lies earlier).
- A range of days ("28-29 August", "August 28-29", "between 12 and 14 May", "from 3 to 5
  June", "from Tuesday to Thursday") is dated by its first day, a night that runs from one
  into the other ("on the night of August 28-29", "the night of Tuesday to Wednesday") by the
  later one. "On Tuesday last week" is that week's Tuesday.
  A day of the month named by its ordinal alone ("on the 9th") is the last such day up to
  publication (the next in a clause about the future), and only where no noun follows that
  the ordinal could count ("on the 5th floor"). A day's number may be followed by another
  language's month ("on 17 janvier", "el 4 de febrero"), as wire copy keeps from its sources.
  A date in figures ("14/05/2024", "14.05.2024") is read day first, month first only when
  that alone is a date ("5/14/2024"), and of two readings the one nearer publication.
- Tense decides the direction of a weekday, a month or a day without a year. In a
  clause with a future marker ("will", "is expected to", "are due to", "plans to",
  "next") the phrase means the coming one, else the most recent one. Both directions
  include the day of publication itself: in an article published on Thursday, "are
  expected to agree on Thursday" and "agreed on Thursday" both mean that same day.
  "last Thursday" and "next Thursday" never mean the day of publication. With the parse,
  a phrase on a verb that describes a noun in the past ("a militia raised in April will
  guard the pass", "talks held on Monday would resume") is past whatever the main verb says,
  so is one on a verb in the simple past that no marker helps ("attacked X on Dec. 30 and are
  expected to push on": not next December), and a weekday on a verb in the present, or on an infinitive such a verb governs, is the
  coming one ("leaders meet on Tuesday", "mediators hope to bring both sides together on
  Tuesday"): English tells a past day in the past tense.
- The clause of a date phrase runs between commas, semicolons, dashes, quotes and
  the words "said", "that", "which", "who" (so in "Kerry said on Tuesday that talks
  will resume", Tuesday is past). A phrase standing alone before a comma ("On
  Thursday, ministers will meet") takes the tense of the clause after it.
- Precision is ACLED's: 1 a day, 2 a week, 3 a month. A week is dated by its Monday
  (a weekend by its Saturday), a month by its first day.
- Several phrases in one sentence: one that does not merely date a statement ("said
  on Tuesday") or a report (the date of a dateline, "GOMA, May 15 (Reuters) -", or of a
  page header, "World | Africa | 14 May 2024", "Posted 18 Oct 2019") wins, then the most
  precise, then the first.
- Clauses: given the place's span (``near``), the phrase in the place's own clause wins
  ("Drones struck A on Monday, and B on Tuesday"); a phrase in another part of the
  sentence after a semicolon, or in a relative clause the place is not in ("the shrine
  that was targeted last month"), dates nothing for it. A "where" or "which" clause
  opening right after the place is about it ("Ganja, which came under fire last month")
  and dates it when its own clause has no date, or when its own clause names only a week or
  a month and the clause's day falls inside it ("curfews were lifted last month in Varel,
  where ... on May 19"); a year alone there is background ("Palmyra, which fell last year"),
  and so, with the parse, is a time over a month before the story's day ("flags went up
  over Varel, where the strike wave started in February").
  A phrase after "since" dates when a state began ("besieged since last March", "since the start of the intervention last
  September"), never an event, unless the place is inside that clause ("fled since
  fighting broke out in Khartoum on April 15"; with the parse, as far as the clause's verb
  governs, past commas).
- Of two phrases that date the place alike, the nearer wins, one in the place's own
  conjunct before one across "and" ("hit A on Monday and B, on the coast road, on Tuesday").
- Phrases that count from another date: "a day after", "hours before" date the clause
  they open from the date before them in the sentence ("took Kidal on Sunday, a day
  after rebels left Anefis"); with none before them, a clause they open that names its own
  date ("resumed two days after the truce of May 3") dates the clause before by counting on
  from it; else, with the parse, they count from the day the report was filed when the clause
  they hang on speaks of now ("parents have gone to search for them, two days after gunmen
  seized pupils"), else from the story's day; "two days later", "the next
  morning", "hours later", "later that week", and "the day before" at a clause's end ("fled
  the day before") count from the last date the article stated.
- The article (``date_contexts``): a sentence with no date phrase tells of the story's
  day, the first day a sentence of the article states (not a dateline's or a header's),
  rather than of the publication date; a dateline line before it reads it ahead. Once the
  story has a day, the report's own dates date nothing. With the parse, a sentence with no
  date phrase whose place's verb speaks of now, in the present or the present perfect ("the
  road to X remains closed", "thousands are fleeing X", "aid has reached X"), tells of the
  day the report was filed instead; not so a headline, a state since a past start, or a
  present reported with "that" by a verb in the past.
- A sentence that only names a year ("last year", "in 2014") other than the year of
  publication gets no date (``value`` None): the scale has no year precision, and
  the publication day would be wrong by months. The year of publication adds nothing.
- No date phrase and no story day (a sentence read alone): the publication date, at
  week precision.
- No publication date: relative phrases cannot be resolved; only absolute dates
  ("23 March 2016", "2016-03-23", "March 2016") give a value.

Capitalised month and weekday names are required, and a bare month needs a
preposition or a cue before it ("in May", "since March", "last September"), so the
verbs "may" and "march", "May" as a name, and words like "second" never become dates.
Candidate phrases are found with the regular expressions below; dateparser only
parses a found day-and-month phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from geo.parse.clausetree import SUBORDINATE_CLAUSES, TIME_NOUNS
from geo.parse.datelines import follows_furniture, header_end
from geo.parse.fatalities import DEATH_AFTER, TOLL_VERBS, TOLL_WORDS
from geo.parse.numbers import SMALL_NUMBER_WORDS
from geo.records import DATE_PRECISION_DAY, DATE_PRECISION_MONTH, DATE_PRECISION_WEEK

if TYPE_CHECKING:
    from geo.parse.clausetree import ClauseTree

#: A year-only phrase: coarser than any precision ACLED's scale has.
YEAR_ONLY = 4


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: ``value`` and its precision (1 day, 2 week, 3 month).

    ``phrase`` is the words that dated it, "" when the publication date was used.
    """

    value: date | None
    precision: int
    phrase: str = ""


MONTHS: dict[str, int] = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "Monday": 0,
    "Tuesday": 1,
    "Wednesday": 2,
    "Thursday": 3,
    "Friday": 4,
    "Saturday": 5,
    "Sunday": 6,
}
#: Month names of the languages whose dates English copy most often quotes or keeps from a
#: translated source ("on 17 janvier", "el 4 de febrero", "on 9 Oktober"): French, Spanish,
#: Portuguese, Italian, German and Dutch, those not spelt as in English. Read only right after
#: a day's number, so that no English word is taken for one.
FOREIGN_MONTHS: dict[str, int] = {
    **dict.fromkeys(("janvier", "enero", "janeiro", "gennaio", "januar", "januari"), 1),
    **dict.fromkeys(("février", "fevrier", "febrero", "fevereiro", "febbraio", "februar", "februari"), 2),
    **dict.fromkeys(("mars", "marzo", "março", "märz", "maerz", "maart"), 3),
    **dict.fromkeys(("avril", "abril", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maio", "maggio", "mei"), 5),
    **dict.fromkeys(("juin", "junio", "junho", "giugno", "juni"), 6),
    **dict.fromkeys(("juillet", "julio", "julho", "luglio", "juli"), 7),
    **dict.fromkeys(("août", "aout", "agosto", "augustus"), 8),
    **dict.fromkeys(("septembre", "septiembre", "setiembre", "setembro", "settembre"), 9),
    **dict.fromkeys(("octobre", "octubre", "outubro", "ottobre", "oktober"), 10),
    **dict.fromkeys(("novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("décembre", "decembre", "diciembre", "dezembro", "dicembre", "dezember"), 12),
}
#: Relative day words -> days from publication.
DAY_WORDS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
}
#: Relative week words -> weeks from the week of publication.
WEEK_WORDS: dict[str, int] = {
    "last week": -1,
    "past week": -1,
    "the previous week": -1,
    "this week": 0,
    "earlier this week": 0,
    "later this week": 0,
    "next week": 1,
    "the coming week": 1,
    # a span of days up to the report: the days named are this week's, no one of them
    "recent days": 0,
    "past few days": 0,
    "last few days": 0,
}
#: Relative month words -> months from the month of publication.
MONTH_WORDS: dict[str, int] = {
    "last month": -1,
    "the previous month": -1,
    "past month": -1,
    "this month": 0,
    "earlier this month": 0,
    "later this month": 0,
    "next month": 1,
    "the coming month": 1,
    # a span of weeks up to the report: this month, at best
    "recent weeks": 0,
    "past few weeks": 0,
    "last few weeks": 0,
}
#: Relative year words -> years from the year of publication.
YEAR_WORDS: dict[str, int] = {"last year": -1, "this year": 0, "next year": 1, "earlier this year": 0}
#: Counts a date phrase writes in words ("a day later", "two weeks ago").
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, **SMALL_NUMBER_WORDS}

#: A year-less day more than this many days before publication is taken as the next one.
NEAREST_YEAR_DAYS = 300

#: Words that make a clause about the future.
FUTURE_MARKERS = (
    r"will|won't|would|shall|'ll|’ll",
    r"(?:is|are|was|were|be)\s+(?:also\s+)?(?:expected|due|set|scheduled|slated|poised|going|planned|supposed)\s+to",
    # "was due in X on Wednesday", "is expected back on Monday": an arrival awaited
    r"(?:is|are|was|were|be)\s+(?:also\s+)?(?:expected|due)\s+(?:in|at|back)\b",
    r"expected\s+to|scheduled\s+(?:to|for)|planned\s+for|plans?\s+to|planning\s+to|intends?\s+to",
    r"(?:is|are)\s+to\s+\w+",
    # not "the next morning", which counts on from a day of the story, in the past as well
    r"(?<!the\s)next|upcoming|forthcoming",
)
#: What ends a date phrase's clause.
CLAUSE_BOUNDARIES = r"[,;:()\[\]\u2014\u2013\"“”]|\s-\s|\b(?:said|says|told|that|which|who|according to)\b"
#: Words before a phrase that mark it as dating a statement, not an event.
SPEECH_VERBS = r"said|says|told\s+\w+|announced|stated|added|reported|warned|confirmed|declared"
#: How far before a phrase such a verb is looked for, in characters.
SPEECH_REACH = 40

_MONTH = "|".join(MONTHS)
_MONTH_ANY = "|".join(sorted([*MONTHS, *MONTH_ABBREVIATIONS], key=len, reverse=True))
#: A month as a day's number is followed by: English names (capitalised, abbreviations with or
#: without a full stop) or another language's, in any case.
_FOREIGN_MONTH = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_DAYS_MONTH = rf"{_MONTH_ANY}|(?i:{_FOREIGN_MONTH})"
_WEEKDAY = "|".join(WEEKDAYS)
#: Words that may follow a day of the month named by its ordinal alone ("on the 9th they
#: shelled", "on the 9th when"): pronouns, articles, conjunctions and prepositions, which
#: cannot be the noun an ordinal counts ("the 9th battalion").
_AFTER_A_DAY = (
    r"and|or|but|when|while|as|after|before|at|in|near|around|outside|with|against|from|to|into|"
    r"they|he|she|it|we|i|you|the|a|an|its|their|his|her"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
#: Where a clause ends after a phrase: a stop, a dash, the end. A phrase that could count or
#: modify what follows ("the 5th floor", "the day before the vote") is read only before one.
_CLAUSE_END = r"\s*(?:[,.;:)\u2014\u2013]|\s-\s|$)"
#: What joins the first and last day of a range: "28-29 August", "12 and 14 May", "from 3 to 5 June".
_RANGE_JOIN = r"(?:\s*[-–]\s*|\s+(?i:and|to|until|till|through)\s+)"
_YEAR = r"(?:1[89]|20)\d\d"
#: A number after a month that is not a day: "March 23 km".
_NOT_A_DAY = (
    r"(?!\s*(?:%|km|kilometres|kilometers|miles|metres|meters|people|percent|per cent|times|troops|soldiers)\b)"
)
#: A four-digit number that counts something is not a year: "in 2000 homes".
_NOT_A_YEAR = (
    r"(?![-–]|\s+(?:[a-z]+\s+)?(?:people|civilians|troops|soldiers|fighters|refugees|families|homes|houses|"
    r"men|women|children|residents|km|kilometres|kilometers|miles|tonnes|tons|dollars|rockets|missiles|drones|"
    r"shells|trucks|vehicles|tanks|prisoners|casualties|deaths|dead|wounded)\b)"
)


def _words(table: dict[str, int]) -> str:
    """An alternation of the table's phrases, longest first, spaces as any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(table, key=len, reverse=True))


def _phrase_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    number = "|".join([*NUMBER_WORDS, r"\d{1,2}"])
    return tuple(
        (kind, re.compile(pattern))
        for kind, pattern in (
            ("iso", rf"\b({_YEAR})-(\d\d)-(\d\d)\b"),
            # "14/05/2024", "14.05.2024", "5/14/2024": day first unless the numbers say otherwise
            ("numeric", rf"(?<![\d./])(\d{{1,2}})([./])(\d{{1,2}})\2({_YEAR})\b(?![./]\d)"),
            (
                "day_month",
                rf"\b(?:(?i:the)\s+)?(?:(\d{{1,2}}){_ORDINAL}{_RANGE_JOIN})?(\d{{1,2}}){_ORDINAL}(?:\s+(?i:of|de))?\s+"
                rf"({_DAYS_MONTH})(?![^\W\d_])\.?(?:,?\s+(?:(?i:de)\s+)?({_YEAR})\b)?",
            ),
            (
                "month_day",
                rf"\b({_MONTH_ANY})\b\.?\s+(\d{{1,2}}){_ORDINAL}(?!\d|:){_NOT_A_DAY}(?:{_RANGE_JOIN}(\d{{1,2}})\b(?!\s+(?:{_MONTH_ANY})\b))?(?:,?\s+({_YEAR})\b)?",
            ),
            ("month_year", rf"\b({_MONTH_ANY})\b\.?,?\s+({_YEAR})\b"),
            (
                "cued_month",
                rf"\b((?i:in|since|during|until|till|by|from|through|throughout|before|after|of|early|late|"
                rf"mid-|mid|end of|beginning of|start of|last|next|this))(?:(?<=-)|\s+)({_MONTH})\b(?!\s*\d)"
                r"(?:\s+(?:(?i:of)\s+)?((?i:last|this|next))\s+(?i:year)\b)?",
            ),
            # "on the 9th", "the night of the 4th": a day of the month the story is in ("on 5
            # December ..., and on the 9th").
            # Only where nothing follows that the ordinal could count ("on the 5th floor", "by the
            # 3rd round"): a stop, or a word of English's closed classes that opens what comes next.
            (
                "ordinal_day",
                r"\b(?i:on|by|until|till|(?:night|morning|evening|eve)\s+of)\s+(?i:the)\s+(\d{1,2})(?i:st|nd|rd|th)\b"
                # the old letter-writer's "the 1st inst." (this month) and "the 28th ult." (the last)
                r"(?:\s+((?i:inst|instant|ult|ultimo))\b\.?)?"
                rf"(?!\s+(?:(?i:of)\s+)?(?:{_DAYS_MONTH})\b)"
                rf"(?={_CLAUSE_END}|\s+(?i:{_AFTER_A_DAY})\b)",
            ),
            ("ago", rf"\b((?i:{number}))\s+((?i:day|week|month))s?\s+(?i:ago)\b"),
            ("day_word", rf"\b(?i:{_words(DAY_WORDS)})\b"),
            (
                "weekday",
                rf"\b(?:((?i:last|next|this|past))\s+)?({_WEEKDAY})\b"
                r"(?:\s+(?:(?i:of)\s+)?((?i:last|next|this))\s+(?i:week)\b)?"  # "on Tuesday last week"
                rf"(?:\s+(?i:to|into)\s+({_WEEKDAY})\b)?",  # "from Tuesday to Thursday", "the night of Tuesday to Wednesday"
            ),
            ("weekend", r"\b(?i:(last|next|this|over the|on the|at the|the past)\s+weekend)\b"),
            ("week_word", rf"\b(?i:{_words(WEEK_WORDS)})\b"),
            ("month_word", rf"\b(?i:{_words(MONTH_WORDS)})\b"),
            ("year_word", rf"\b(?i:{_words(YEAR_WORDS)})\b|\b(?i:a|one)\s+year\s+(?i:ago|earlier)\b"),
            ("year", rf"\b(?i:in|since|during|until|by|throughout|early|late|mid-?)\s+({_YEAR})\b{_NOT_A_YEAR}"),
            # A year naming an event or an era: "the 1994 genocide", "the 2002-2007 civil war".
            ("named_year", rf"\b(?i:the)\s+({_YEAR})(?:[-–](?:{_YEAR}|\d\d))?\b{_NOT_A_YEAR}(?=\s+[a-z])"),
        )
    )


_PHRASES = _phrase_patterns()
_PATTERN_OF = dict(_PHRASES)

_COUNT = "|".join([*NUMBER_WORDS, r"\d{1,2}"])
#: Phrases that count from another date of the story, not from publication: (pattern,
#: days per counted unit or None for "as many days as the count says", whether the phrase
#: opens the clause it dates, precision). "a day after" dates the clause it opens by the
#: clause before it ("took Izium on Saturday, a day after rebels left Balakliia"); "two days
#: later" and "the next morning" count from the last date the story gave.
_ANCHORED: tuple[tuple[re.Pattern[str], int | None, bool, int], ...] = tuple(
    (re.compile(pattern), unit, opens_clause, precision)
    for pattern, unit, opens_clause, precision in (
        (
            rf"\b(?:(?i:just|only|barely|some|about|nearly)\s+)?((?i:{_COUNT}))\s+((?i:day|week|hour))s?\s+"
            r"((?i:after|before))\b",
            None,
            True,
            DATE_PRECISION_DAY,
        ),
        (r"\b(?i:hours|a\s+few\s+hours|several\s+hours|minutes)\s+((?i:after|before))\b", 0, True, DATE_PRECISION_DAY),
        (rf"\b((?i:{_COUNT}))\s+((?i:day|week|hour))s?\s+((?i:later|earlier))\b", None, False, DATE_PRECISION_DAY),
        (r"\b(?i:hours|a\s+few\s+hours|several\s+hours|minutes)\s+(?i:later|earlier)\b", 0, False, DATE_PRECISION_DAY),
        (
            # "that night", "later that day": the day the story last named
            r"\b(?i:(?:on\s+)?(?:the|that)\s+same\s+(?:day|night)|(?:(?:later|earlier)\s+)?that\s+"
            r"(?:day|night|morning|afternoon|evening)|(?:later|earlier)\s+in\s+the\s+day)\b",
            0,
            False,
            DATE_PRECISION_DAY,
        ),
        (r"\b(?i:the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night))\b", 1, False, DATE_PRECISION_DAY),
        (r"\b(?i:the\s+(?:previous|preceding)\s+(?:day|night|evening|morning))\b", -1, False, DATE_PRECISION_DAY),
        # "fled the day before", "returned the day after": nothing follows that they count from
        (rf"\b(?i:the\s+(?:day|night)\s+before)(?={_CLAUSE_END})", -1, False, DATE_PRECISION_DAY),
        (rf"\b(?i:the\s+day\s+after)(?={_CLAUSE_END})", 1, False, DATE_PRECISION_DAY),
        (r"\b(?i:(?:later|earlier)\s+that\s+week)\b", 0, False, DATE_PRECISION_WEEK),
    )
)
_ANCHORED_GATES = ("after", "before", "later", "earlier", "same", "next", "following", "previous", "preceding", "that")

#: Phrases whose direction (past or coming) depends on the clause's tense.
TENSE_SENSITIVE = frozenset({"day_month", "month_day", "ordinal_day", "cued_month", "weekday", "weekend"})
#: Phrases a present verb reads as coming ("leaders meet on Tuesday"). A day and month needs
#: no such reading: one a few weeks ahead is already this year's (``NEAREST_YEAR_DAYS``), and a
#: misparsed verb would move it a year.
PLANNED_KINDS = frozenset({"weekday", "weekend"})
#: Auxiliaries of the perfect: "have been fighting" is no present of the moment.
PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})

_MONTH_GATE = tuple(name.lower()[:3] for name in MONTHS)
#: A phrase pattern runs only when its lower-cased sentence contains one of these:
#: most sentences name no date, and a substring test costs far less than a search.
PHRASE_GATES: dict[str, tuple[str, ...]] = {
    "iso": tuple("0123456789"),
    "numeric": tuple(f"{digit}{mark}" for digit in "0123456789" for mark in "/."),
    "day_month": (*_MONTH_GATE, *(name[:3] for name in FOREIGN_MONTHS)),
    "month_day": _MONTH_GATE,
    "month_year": _MONTH_GATE,
    "cued_month": _MONTH_GATE,
    "ordinal_day": ("1st", "2nd", "3rd", *(f"{digit}th" for digit in "0123456789")),
    "ago": ("ago",),
    "day_word": ("today", "tonight", "morning", "afternoon", "evening", "yesterday", "last night", "tomorrow"),
    "weekday": ("day",),
    "weekend": ("weekend",),
    "week_word": ("week", "days"),
    "month_word": ("month", "weeks"),
    "year_word": ("year",),
    "year": tuple("0123456789"),
    "named_year": tuple("0123456789"),
}
#: Words that open a clause of its own: relative pronouns and subordinating
#: conjunctions. A date phrase in such a clause dates that clause's verb.
RELATIVE_WORDS = r"which|who|whom|whose|where"
SUBORDINATORS = r"after|before|when|while|as|because|since|although|though|until|once|whereas|but"
_CLAUSE_OPENER = re.compile(
    rf"[,;:()\[\]\u2014\u2013\"“”]|\s-\s|\b(?:{RELATIVE_WORDS}|{SUBORDINATORS}|said|says|told|that|and then)\b",
    re.IGNORECASE,
)
#: How far after a place a "where" clause may begin and still be about it, in characters.
WHERE_REACH = 40
_ANY_BOUNDARY = re.compile(r"[,;:()\[\]\u2014\u2013\"“”]|\s-\s")
_STRONG_BOUNDARY = re.compile(r"[;:()\[\]\u2014\u2013\"“”]|\s-\s")
_HARD_BOUNDARY = re.compile(r"[;:()\[\]\u2014\u2013\"“”]|\s-\s|,(?!\s*(?:and|or)\b)")
#: "that" opens a relative clause ("the shrine that was targeted last month") unless a
#: verb of saying or thinking introduces it as reported speech ("said that").
_RELATIVE = re.compile(
    rf"\b(?:{RELATIVE_WORDS})\b|(?<!\bsaid )(?<!\bsays )(?<!\breported )(?<!\bannounced )(?<!\bclaimed )"
    r"(?<!\bwarned )(?<!\bconfirmed )(?<!\bdenied )(?<!\bbelieved )(?<!\bfeared )(?<!\bthought )"
    r"(?<!\bstated )(?<!\badded )(?<!\binsisted )(?<!\bnoted )(?<!\bso )(?<!\bsuch )\bthat\b",
    re.IGNORECASE,
)
#: Independent clauses joined by a semicolon each carry their own time.
_SEMICOLON = re.compile(";")
#: "since" before a date phrase, in its clause: the phrase dates when a state began
#: ("cut off since last summer", "since the start of the intervention last September").
_SINCE = re.compile(r"\b(?:since|ever since)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:" + "|".join(FUTURE_MARKERS) + r")\b", re.IGNORECASE)
_BOUNDARY = re.compile(CLAUSE_BOUNDARIES, re.IGNORECASE)
#: "for the third time this month": the phrase counts occurrences, it dates none of them.
COUNTING_KINDS = frozenset({"week_word", "month_word", "year_word"})
_COUNTS_TIMES = re.compile(r"\b(?:first|second|third|[a-z]+th|\d+(?:st|nd|rd|th))\s+time\s+$", re.IGNORECASE)
_SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS})\s+(?:(?i:on|late|early)\s+)?$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    value: date | None
    precision: int
    resolvable: bool  # False: relative, and no publication date to count from
    speech: bool  # dates a statement ("said on Tuesday") or a report (a dateline), not an event
    background: bool = False  # dates the start of a state ("since last March"): no event
    report: bool = False  # dates the report itself (a dateline, a page header): never the story's date
    #: Days from an anchor date for a phrase that counts from another ("a day later",
    #: "two days after"); None for a phrase that counts from publication or names a date.
    shift: int | None = None
    #: "a day after ..." opens the clause it dates: where its clause is looked for.
    clause_at: int = -1
    #: Which pattern found it ("weekday", "day_word", ...; "anchored" for one that counts from another date).
    kind: str = ""
    #: Read as the coming one, for a future marker in its clause ("will meet on Monday").
    future: bool = False
    #: The day of a planned thing a noun names ("ahead of talks in X on Tuesday"): where the
    #: preposition before that noun starts; the phrase dates the places of that noun alone.
    planned_from: int = -1


@dataclass(frozen=True, slots=True)
class DateContext:
    """What the article has said about when, as a sentence is read.

    ``story`` is the day the article's news happened: the first day its sentences state
    (a date of the report itself, a dateline or a page header, does not count). A sentence
    with no date phrase of its own tells of that day ("Residents spent the night in
    basements"), and so do the dateline and header lines before the first dated sentence.
    ``previous`` is the last date an earlier sentence stated: "two days later", "the next
    morning" and "hours later" count from it. ``filed`` is the day of the dateline
    ("KHARKIV, May 14 (Reuters) -") when it names one in the week up to publication: relative
    words ("yesterday", "on Tuesday", "last night") count from it, as the reporter wrote them.
    """

    story: EventDate | None = None
    previous: EventDate | None = None
    filed: date | None = None


#: How many days before publication a dateline's day may lie and still be the day the
#: report was filed (a weekly's or a late web page's date lags the wire's).
FILED_REACH_DAYS = 7


def _reference(published: date | None, context: DateContext | None) -> date | None:
    """The day relative words count from: the dateline's, else the publication date."""
    return context.filed if context is not None and context.filed is not None else published


def resolve_event_date(
    sentence: str,
    *,
    published: date | None,
    near: tuple[int, int] | None = None,
    context: DateContext | None = None,
    tree: ClauseTree | None = None,
) -> EventDate:
    """The date the sentence's event happened, and how precise it is.

    ``published`` is the article's publication date, the anchor of relative words.
    ``near`` is the span of the event's place in ``sentence``: the date phrase of the
    place's own clause then beats the others, and a phrase in a relative clause the
    place is not in ("X, which fell last year") dates nothing for it. ``context`` is what
    the article said before (``date_contexts``): a sentence with no date phrase takes the
    story's day rather than the publication date. ``tree`` is the sentence's parse: with it
    and ``near``, a phrase dates the place when it hangs on a word that governs the place,
    the nearest such word first (``_governing``), whatever the commas between them.
    """
    context = context or DateContext()
    published = _reference(published, context)
    found = _in_tense(sentence, _sentence_candidates(sentence, published), tree, published)
    candidates = _place_candidates(sentence, found, context, published, near, tree)
    if not candidates:
        if (
            published is not None
            and near is not None
            and tree is not None
            and not any(c.background for c in found)  # "have besieged X since March": a state, not news of the day
            and tells_the_present(sentence, tree, near)
        ):
            return EventDate(published, DATE_PRECISION_DAY)  # "thousands are fleeing X": the day it was filed
        if context.story is not None:
            return context.story
        return EventDate(published, DATE_PRECISION_WEEK)
    best = min(candidates, key=_rank)
    phrase = sentence[best.start : best.end]
    if best.precision == YEAR_ONLY:
        if best.value is not None and published is not None and best.value.year == published.year:
            return EventDate(published, DATE_PRECISION_WEEK)
        return EventDate(None, DATE_PRECISION_MONTH, phrase)
    return EventDate(best.value, best.precision, phrase)


def _place_candidates(
    sentence: str,
    found: Sequence[_Candidate],
    context: DateContext,
    published: date | None,
    near: tuple[int, int] | None,
    tree: ClauseTree | None,
) -> list[_Candidate]:
    """The sentence's phrases that may date the place at ``near``, by its clause."""
    candidates = [
        _with_anchor(sentence, c, found, context, published, tree)
        for c in found
        if (not c.background or _in_since_clause(sentence, c, near, tree))
        and not _in_other_relative_clause(sentence, c, near)
        and not _planned_elsewhere(c, near)
    ]
    if context.story is not None:  # the report's own date yields to the story's day
        candidates = [c for c in candidates if not c.report]
    if near is not None and tree is not None:
        # a "since" phrase left in holds the place in its own clause ("since March, when a dispute
        # near X escalated"): it dates the place, however the parse hangs that clause
        own_state = [c for c in candidates if c.background]
        story_day = context.story.value if context.story is not None else published
        return own_state or _governing(tree, candidates, near, sentence, story_day)
    if near is not None:
        part = _part_of(sentence, near[0])
        candidates = [c for c in candidates if _part_of(sentence, _clause_position(c)) == part]
        place_clause = _clause_of(sentence, near[0])
        own = [c for c in candidates if _clause_of(sentence, _clause_position(c)) == place_clause]
        return own or candidates
    return candidates


def _planned_elsewhere(candidate: _Candidate, near: tuple[int, int] | None) -> bool:
    """Does the phrase date a planned thing a noun names, the place lying outside that noun's
    phrase ("troops shelled X ahead of talks on Tuesday": the talks' day, not the shelling's)?"""
    return candidate.planned_from >= 0 and near is not None and not candidate.planned_from <= near[0] < candidate.start


@dataclass(frozen=True, slots=True)
class PhraseOption:
    """A date phrase of a sentence, resolved, and how the clause rules read it for a place.

    ``of_place``: the rules count it for the place (its clause, or a word governing it);
    ``elsewhere``: it sits in a relative clause the place is not in. A phrase that starts
    a state ("since last March") or names a year alone is never an option.
    """

    value: date
    precision: int
    phrase: str
    kind: str
    speech: bool
    report: bool
    of_place: bool
    elsewhere: bool


def phrase_options(
    sentence: str,
    *,
    published: date | None,
    near: tuple[int, int] | None = None,
    context: DateContext | None = None,
    tree: ClauseTree | None = None,
) -> tuple[PhraseOption, ...]:
    """Every date phrase of the sentence that could date the event at ``near`` (the options a
    learned choice weighs, ``geo.parse.datechoice``), in sentence order: not the day of a
    planned thing another noun names ("shelled X ahead of talks on Tuesday")."""
    context = context or DateContext()
    published = _reference(published, context)
    found = _in_tense(sentence, _sentence_candidates(sentence, published), tree, published)
    of_place = {(c.start, c.end) for c in _place_candidates(sentence, found, context, published, near, tree)}
    options = []
    for candidate in sorted(found, key=lambda c: c.start):
        if (
            (candidate.background and not _in_since_clause(sentence, candidate, near, tree))
            or _planned_elsewhere(candidate, near)
            or _tells_the_toll(tree, candidate, near)
        ):
            continue  # a state's start, the day of a planned thing the place has no part in, a toll's day
        resolved = _with_anchor(sentence, candidate, found, context, published, tree)
        if not resolved.resolvable or resolved.value is None or resolved.precision == YEAR_ONLY:
            continue
        options.append(
            PhraseOption(
                resolved.value,
                resolved.precision,
                sentence[resolved.start : resolved.end],
                resolved.kind,
                resolved.speech,
                resolved.report,
                (resolved.start, resolved.end) in of_place,
                _in_other_relative_clause(sentence, resolved, near),
            )
        )
    return tuple(options)


def stated_date(sentence: str, *, published: date | None, context: DateContext | None = None) -> EventDate | None:
    """The date the sentence states for what it tells: its best date phrase, None when it
    has none (the date of a dateline or a page header, or a year alone, is no such date).
    A day after the report ("talks will resume on February 25") is what is planned, not
    what happened: it neither starts the story nor is the day "on the same day" means."""
    context = context or DateContext()
    published = _reference(published, context)
    found = _sentence_candidates(sentence, published)
    candidates = [
        c
        for c in (
            _with_anchor(sentence, c, found, context, published) for c in found if not c.background and not c.report
        )
        if c.resolvable
        and c.value is not None
        and c.precision != YEAR_ONLY
        and (published is None or c.value <= published)
    ]
    if not candidates:
        return None
    best = min(candidates, key=_rank)
    return EventDate(best.value, best.precision, sentence[best.start : best.end])


def date_contexts(
    sentences: Sequence[str], *, published: date | None, before: DateContext | None = None
) -> tuple[tuple[DateContext, ...], DateContext]:
    """The context each sentence is read in, and the context after the last one.

    ``before`` is the context after the article's earlier sentences (the previous section of
    a long article). Until a sentence states a day, the story's day is the first day a later
    sentence states: a dateline and a header line tell of the news their story opens with.
    """
    context = before or DateContext()
    contexts: list[DateContext] = []
    for sentence in sentences:
        if context.filed is None and context.story is None:
            filed = _dateline_day(sentence, published)
            if filed is not None:
                context = replace(context, filed=filed)
        contexts.append(context)
        stated = stated_date(sentence, published=published, context=context)
        if stated is not None:
            story = context.story
            if story is None and stated.precision == DATE_PRECISION_DAY:
                story = stated
            context = DateContext(story, stated, context.filed)
    story = next((c.story for c in contexts if c.story is not None), context.story)
    filed = context.filed
    if story is not None or filed is not None:  # the lines before the first dated one read ahead
        contexts = [
            DateContext(c.story if c.story is not None else story, c.previous, c.filed or filed) for c in contexts
        ]
    return tuple(contexts), context


def _dateline_day(sentence: str, published: date | None) -> date | None:
    """The day a dateline at the head of ``sentence`` names, when it lies in the week up to
    ``published`` (a date outside it is no filing day: a misprint or another story's)."""
    if published is None:
        return None
    header_stop = header_end(sentence)
    if header_stop < 0:
        return None
    for candidate in _sentence_candidates(sentence, published):
        if (
            candidate.report
            and candidate.end <= header_stop
            and candidate.value is not None
            and candidate.precision == DATE_PRECISION_DAY
            and 0 <= (published - candidate.value).days <= FILED_REACH_DAYS
        ):
            return candidate.value
    return None


def _governing(
    tree: ClauseTree,
    candidates: Sequence[_Candidate],
    near: tuple[int, int],
    sentence: str,
    story_day: date | None = None,
) -> list[_Candidate]:
    """The phrases that date the place at ``near``, read from the parse.

    A phrase counts when the word it hangs on governs the place (its verb, the noun of its
    phrase, or a verb higher up: "said on Tuesday that troops took X" dates X by Tuesday when
    "took" has no date of its own), or when that word reaches a governing verb only as its
    subject, its reported clause or a verb joined to it by "and" ("Residents of X said bombs
    fell on Saturday", "regrouped across X and kept up fire on Friday", "clashes in April
    killed ... around X"). A phrase in another clause ("after last month's vote", "a deal
    signed in August", "a day after an attack on Tuesday") dates nothing for it. A relative
    clause on the place itself ("X, where fighters attacked on Thursday"; by the parse, or by
    its words when the parse hangs the clause on a nearby noun) dates it only when nothing
    else does, or when its day falls inside the week or month that does (``_refines``). Among
    those that count: one not dating a statement (unless the statement is the verb of the
    place's own clause: "officials in X said on Tuesday"), then the one hanging nearest the
    place, then ``_rank``. A "since" phrase whose own clause holds the place beats them all.
    A relative clause telling of a time over a month before ``story_day`` (the day the story
    tells of) is the place's past, not its event ("flags over X, where a strike wave started
    in February"), and dates nothing. A place named inside a noun's phrase ("fighters from X,
    which fell on Monday, attacked Y on Thursday") takes its relative clause's day before its
    verb's; a phrase of that noun counts ("the fall of X during a push on Monday"); a day on
    a toll's verb, or above it, is the toll's, not that of the strike its subject holds ("the
    toll from the strike on X rose on Friday").
    """
    place = tree.head_of_span(*near)
    depth = {token: d for d, token in enumerate([place, *tree.ancestors(place)])}
    # "the death toll from the strike on X rose to 14 on Friday": a day on the toll's verb, or
    # above it, is the day the toll was told, not the strike's
    toll = _toll_subject(tree, place)
    told_from = depth[toll] + 1 if toll is not None else len(depth)
    group = _noun_group(tree, place)
    # "officials in X said on Tuesday": the statement is what happened at X, its date X's own
    speaking = tree.clause_verb(place)
    counted: list[tuple[tuple[bool, int, int], _Candidate]] = []
    about_place: list[_Candidate] = []
    for candidate in candidates:
        if candidate.shift is not None and candidate.clause_at >= candidate.end:
            # "a day after rebels left X": the phrase dates the clause it opens
            at = tree.clause_verb(tree.token_at(min(candidate.clause_at + 1, tree.starts[-1])))
        else:
            at = _phrase_attachment(tree, candidate.start, candidate.end)
        if at is None:
            continue
        if at in depth:
            if depth[at] < told_from:
                counted.append(((candidate.speech and at != speaking, 0, depth[at]), candidate))
            continue
        meets, links = _path_to(tree, at, depth)
        if meets is not None and depth[meets] >= told_from:
            continue
        if meets is not None and (
            links <= REPORTED_OR_JOINED or (links <= NOUN_MODIFIERS and tree.tags[meets].startswith("NN"))
        ):
            counted.append(((candidate.speech, 1, depth[meets]), candidate))
        elif (
            any(_in_clause_about(tree, at, member) for member in group) or _in_where_clause(sentence, candidate, near)
        ) and not _long_before(candidate, story_day):
            about_place.append(candidate)
    if about_place:
        # "fighters from X, which fell on Monday, attacked Y on Thursday", "denounced on Thursday
        # the ambush of a convoy near X, where three drivers were shot on Tuesday": named inside
        # a noun's phrase, the place's own happening is the one its relative clause tells
        below = _verb_over_a_noun(tree, place, depth)
        counted = [(key, c) for key, c in counted if key[2] < below]
    if counted:
        best = min(key for key, _ in counted)
        chosen = _nearest([c for key, c in counted if key == best], near, sentence)
        # "lifted last month in X, where ... on May 19": a finer date inside the coarse one refines it
        return [c for c in about_place if _refines(c, chosen)] or chosen
    return about_place


def _phrase_attachment(tree: ClauseTree, start: int, end: int) -> int:
    """The word the date phrase at ``start:end`` modifies (``ClauseTree.attachment``), past an
    adverb it hangs on ("broke out in X late on Thursday": "late" says when in the day, the
    verb is what the day dates)."""
    at = _split_phrase_attachment(tree, start, end)
    while tree.deps[at] == "advmod" and tree.tags[at] in ADVERB_TAGS and tree.heads[at] != at:
        at = tree.heads[at]
    return at


#: Adverbs a date phrase may hang on ("late on Thursday", "early on Sunday", "shortly after").
ADVERB_TAGS = frozenset({"RB", "RBR"})


def _split_phrase_attachment(tree: ClauseTree, start: int, end: int) -> int:
    """The word the date phrase at ``start:end`` modifies (``ClauseTree.attachment``), mended
    where the parser split a preposition from its date: in "and on Tuesday rebels shelled X"
    it may hang "on" on "shelled" with no object and take "Tuesday" for a noun of "rebels";
    the phrase then goes with its preposition."""
    first = tree.tokens_in(start, end)[0]
    before = first - 1
    if (
        before < 0
        or tree.tags[before] != "IN"
        or tree.deps[before] != "prep"
        or any(tree.deps[i] in ("pobj", "pcomp") for i in tree.children(before))
    ):
        return tree.attachment(start, end)
    head = tree.head_of_span(start, end)
    if head == before or before in tree.ancestors(head):
        return tree.attachment(start, end)
    return tree.attachment(tree.starts[before], start)


def _tells_the_toll(tree: ClauseTree | None, candidate: _Candidate, near: tuple[int, int] | None) -> bool:
    """Does the phrase hang on the verb of a toll whose subject holds the place, or above it?"""
    if tree is None or near is None:
        return False
    subject = _toll_subject(tree, tree.head_of_span(*near))
    if subject is None:
        return False
    at = _phrase_attachment(tree, candidate.start, candidate.end)
    return at != subject and subject not in tree.ancestors(at)  # outside the toll's subject: "rose on Friday"


def _verb_over_a_noun(tree: ClauseTree, place: int, depth: dict[int, int]) -> int:
    """How far above the place its clause's verb is when a noun stands between them ("fighters
    from X attacked": the place names where the fighters are from, not where they attacked);
    past every ancestor otherwise. The nouns of the place's own name are no such noun ("the X
    crossing, which ... on Sunday, reopened on Tuesday", "the A crossing nor the B crossing ...
    was open on Tuesday": the crossing is the place, its verb's day its own)."""
    verb = tree.clause_verb(place)
    if verb is None or verb == place:
        return len(depth)
    named = _name_nouns(tree, place)
    if any(tree.tags[t].startswith("NN") and t not in named for t, d in depth.items() if 0 < d < depth[verb]):
        return depth[verb]
    return len(depth)


#: Links within one name: "the X crossing", "the A and B crossings", "X, the regional capital".
NAME_LINKS = frozenset({"compound", "conj", "appos"})


def _name_nouns(tree: ClauseTree, place: int) -> set[int]:
    """The place and the nouns above it that belong to its own name or list of names."""
    named, token = {place}, place
    while tree.deps[token] in NAME_LINKS and tree.heads[token] != token:
        token = tree.heads[token]
        named.add(token)
    return named


def act_clause_span(tree: ClauseTree | None, near: tuple[int, int], act: tuple[int, int] | None) -> tuple[int, int]:
    """The span whose clause dates the event at ``near``: the act's (``act``, the words that
    typed the event) when a clause of its own inside the place's clause tells it ("mourners in X
    on Thursday laid to rest those killed when a mortar round hit their field on Monday", "a
    charity closed its office in X after gunmen looted it on Tuesday"): the event is that act, and the place's
    own verb tells what followed it. Else ``near``."""
    if tree is None or act is None:
        return near
    place_verb = tree.clause_verb(tree.head_of_span(*near))
    act_verb = tree.clause_verb(tree.head_of_span(*act))
    if place_verb is None or act_verb is None or act_verb == place_verb:
        return near
    joined, token = None, act_verb
    for up in tree.ancestors(act_verb):
        if tree.deps[token] in SUBORDINATE_CLAUSES or tree.deps[token] == "conj":
            joined = tree.deps[token]  # the link of the outermost clause the act is in
        if up == place_verb:
            break
        token = up
    else:
        return near  # the act's clause is not inside the place's
    # an adverbial clause ("when a mortar round hit", "a day after rebels raided") or a
    # participle's ("those killed when"); not a verb joined by "and" (the place's own story goes
    # on), a relative clause (on the place, ``_governing`` weighs it; on another noun, another
    # story), nor a reported clause (its day already reaches the place)
    return act if joined in ("advcl", "acl") else near


def _toll_subject(tree: ClauseTree, place: int) -> int | None:
    """The subject of a death toll's verb that holds the place ("the death toll from the strike
    on X rose to 14", "the number of dead in X has risen"), None when there is none."""
    child = place
    for up in tree.ancestors(place):
        if tree.deps[child] in ("nsubj", "nsubjpass") and tree.words[up].lower() in TOLL_VERBS:
            return child if _names_a_toll(tree, child) else None
        child = up
    return None


def _names_a_toll(tree: ClauseTree, noun: int) -> bool:
    """Is ``noun`` a toll ("the death toll"), or a number of the dead ("the number of people killed")?"""
    word = tree.words[noun].lower()
    if word in TOLL_WORDS:
        return True
    if word != "number":
        return False
    below, found = [noun], set()
    while below:
        found.update(below)
        below = [i for b in below for i in tree.children(b) if i not in found]
    return any(tree.words[i].lower() in DEATH_AFTER for i in found)


#: How long before the story's day a relative clause on the place may tell of and still date
#: the place's event: beyond it, the clause tells the place's past.
PLACE_PAST_DAYS = 31


def _long_before(candidate: _Candidate, day: date | None) -> bool:
    """Does the phrase's day, week or month end more than ``PLACE_PAST_DAYS`` before ``day``?"""
    if day is None or candidate.value is None:
        return False
    return (day - last_day(candidate.value, candidate.precision)).days > PLACE_PAST_DAYS


def _nearest(candidates: list[_Candidate], near: tuple[int, int], sentence: str) -> list[_Candidate]:
    """Of phrases that date the place alike and rank alike, each naming its own day, the one
    nearest the place ("took A on Saturday and B on Sunday": Sunday dates B), a phrase in the
    place's own conjunct before one across "and". A phrase that counts from another date
    ("hours after") leaves the choice to ``_rank``, unless a phrase beside it names the day
    itself ("hours earlier on Friday", "hours after rebels took X late on Saturday"): a day
    named is surer than one counted from another."""

    def gap(candidate: _Candidate) -> tuple[bool, int]:
        between = (near[1], candidate.start) if candidate.start >= near[1] else (candidate.end, near[0])
        # "hit A on Monday and B, on the coast road, on Tuesday": a phrase across "and" dates the other conjunct
        return _COORDINATION.search(sentence, *between) is not None, max(0, between[1] - between[0])

    # "in A on Tuesday night and in B the night before": the place's own conjunct first, even
    # where its phrase only counts from the other's
    own = [c for c in candidates if not gap(c)[0]]
    if own and len(own) < len(candidates) and any(c.shift is not None for c in own):
        candidates = own
    named = [c for c in candidates if c.shift is None and c.resolvable]
    if named and any(c.shift is not None for c in candidates):
        candidates = named
    if len(candidates) < 2 or any(c.shift is not None or not c.resolvable for c in candidates):
        return candidates
    top = min(_rank(c)[:3] for c in candidates)
    best = [c for c in candidates if _rank(c)[:3] == top]
    return [min(best, key=lambda c: (gap(c), c.start))]


def _refines(finer: _Candidate, coarse: Sequence[_Candidate]) -> bool:
    """Is ``finer`` more precise than each of ``coarse`` and inside the week or month each names?"""
    if finer.value is None or not finer.resolvable:
        return False
    for candidate in coarse:
        if candidate.value is None or finer.precision >= candidate.precision:
            return False
        if candidate.precision == DATE_PRECISION_WEEK:
            inside = 0 <= (finer.value - candidate.value).days < 7
        elif candidate.precision == DATE_PRECISION_MONTH:
            inside = (finer.value.year, finer.value.month) == (candidate.value.year, candidate.value.month)
        else:  # a year alone: a background the day need not fall in
            inside = False
        if not inside:
            return False
    return True


#: Links by which a date's word may reach a verb above the place and still date it: the
#: verb's subject ("clashes in April killed"), its reported clause, a verb joined to it.
REPORTED_OR_JOINED = frozenset({"nsubj", "nsubjpass", "ccomp", "conj", "xcomp", "parataxis"})


#: Links by which a date's word may reach a noun above the place and still date it: the
#: noun's own phrase ("the fall of X during a surprise push on Monday has alarmed ...").
NOUN_MODIFIERS = frozenset({"prep", "pobj", "compound", "amod", "nmod"})


def _path_to(tree: ClauseTree, token: int, targets: dict[int, int]) -> tuple[int | None, frozenset[str]]:
    """The first of ``targets`` above ``token`` and the labels of the links walked to it."""
    links = {tree.deps[token]}
    for up in tree.ancestors(token):
        if up in targets:
            return up, frozenset(links)
        links.add(tree.deps[up])
    return None, frozenset(links)


def _noun_group(tree: ClauseTree, place: int) -> set[int]:
    """The place and the nouns that name it with it: "the cities of A and B", "X, the
    regional capital," (a relative clause on any of them is about the place)."""
    group = {place}
    token = place
    while tree.deps[token] in ("conj", "appos", "compound", "pobj") and tree.heads[token] != token:
        token = tree.heads[token]
        if tree.tags[token] in ("IN", "TO"):
            token = tree.heads[token]
        group.add(token)
    for member in list(group):
        group.update(i for i in tree.children(member) if tree.deps[i] in ("conj", "appos"))
    return group


def _in_where_clause(sentence: str, candidate: _Candidate, near: tuple[int, int]) -> bool:
    """Is the phrase in a "where" or "which" clause that opens right after the place?"""
    opener = _last(_RELATIVE.finditer(sentence, near[1], candidate.start))
    return (
        opener is not None
        and _where_clause_of(sentence, opener, near)
        and _HARD_BOUNDARY.search(sentence, opener.end(), candidate.start) is None
    )


def _in_clause_about(tree: ClauseTree, token: int, place: int) -> bool:
    """Is ``token`` inside a relative clause on ``place`` ("X, where ... on Thursday")?"""
    child = token
    for up in tree.ancestors(token):
        if up == place:
            return tree.deps[child] in ("relcl", "acl")
        child = up
    return False


def _rank(candidate: _Candidate) -> tuple[bool, bool, int, int]:
    """Resolvable first, then one dating an event (not a statement), the most precise, the first."""
    return (not candidate.resolvable, candidate.speech, candidate.precision, candidate.start)


def _clause_position(candidate: _Candidate) -> int:
    return candidate.clause_at if candidate.clause_at >= 0 else candidate.start


def _with_anchor(
    sentence: str,
    candidate: _Candidate,
    found: Sequence[_Candidate],
    context: DateContext,
    published: date | None,
    tree: ClauseTree | None = None,
) -> _Candidate:
    """A phrase that counts from another date ("a day after", "hours later"), given its value.

    Its anchor is the best date phrase before it in the sentence ("took the town on Sunday,
    a day after ..."); else, for a phrase that opens its clause ("The attack came a day after
    ..."), the story's day, the news the sentence compares with, or, when the verb it hangs on
    speaks of now (``counts_from_now``: "parents have gone to search for them, two days after
    gunmen seized pupils"), the day the report was filed; for one that moves the story
    on ("Two days later ..."), the last date the article stated; else the publication date (at
    week precision, as a sentence with no date at all).
    """
    if candidate.shift is None:
        return candidate
    earlier = [c for c in found if _states_a_date(c) and c.start < candidate.start]
    counted_from = _own_date_of_opened_clause(sentence, candidate, found)
    if earlier:
        best = min(earlier, key=_rank)
        anchor: EventDate | None = EventDate(best.value, best.precision)
    elif counted_from is not None:
        # "Fighting resumed two days after the truce of May 3": the clause it opens dates
        # itself, and the clause before it is counted on from that date
        return _shifted(replace(candidate, shift=-(candidate.shift or 0)), counted_from)
    elif candidate.clause_at > candidate.start and published is not None and counts_from_now(tree, candidate):
        anchor = EventDate(published, DATE_PRECISION_DAY)
    elif candidate.clause_at > candidate.start:  # "The attack came a day after ...": the news is the anchor
        anchor = context.story or context.previous
    else:  # "Two days later ...": the story's last date is
        anchor = context.previous or context.story
    if anchor is None:
        anchor = EventDate(published, DATE_PRECISION_WEEK) if published is not None else None
    return _shifted(candidate, anchor)


def _own_date_of_opened_clause(sentence: str, candidate: _Candidate, found: Sequence[_Candidate]) -> EventDate | None:
    """The date the clause an "after" or "before" phrase opens names itself ("two days after
    the truce of May 3"): a phrase that counts from no other, in that clause."""
    if candidate.clause_at <= candidate.start:
        return None
    own = [
        c
        for c in found
        if _states_a_date(c)
        and c.start >= candidate.end
        and not _HARD_BOUNDARY.search(sentence, candidate.end, c.start)
    ]
    return EventDate(own[0].value, own[0].precision) if own else None


def _states_a_date(candidate: _Candidate) -> bool:
    """Does the phrase name a day of the story itself: counted from no other, neither a
    background clause's nor a report's, and read?"""
    return candidate.shift is None and not candidate.background and not candidate.report and candidate.value is not None


def _shifted(candidate: _Candidate, anchor: EventDate | None) -> _Candidate:
    """The counting phrase dated by the days it counts on from ``anchor``."""
    if anchor is None or anchor.value is None:
        return replace(candidate, resolvable=False)
    try:
        value = anchor.value + timedelta(days=candidate.shift or 0)
    except OverflowError:
        return replace(candidate, resolvable=False)
    if candidate.precision == DATE_PRECISION_WEEK:
        value = _monday(value)
    return replace(candidate, value=value, precision=max(candidate.precision, anchor.precision))


def _in_tense(
    sentence: str, found: tuple[_Candidate, ...], tree: ClauseTree | None, published: date | None
) -> tuple[_Candidate, ...]:
    """The phrases, each read in its verb's tense as the parse shows it: a phrase read as coming
    taken back into the past when the future marker is not its verb's, the verb describing a
    noun of the clause in the past ("a militia raised in April will guard the pass", "talks held
    on Monday would resume"); a phrase read as past taken forward when its verb is in the
    present ("leaders meet in X on Tuesday", "mediators hope to bring both sides to X on
    Tuesday"): English tells a past day in the past tense, and a day on a present verb is one
    planned."""
    if tree is None:
        return found
    found = tuple(_reported_happening(sentence, tree, c) for c in found)
    if not any(c.future or c.kind in PLANNED_KINDS for c in found):
        return found
    return tuple(_read_in_tense(sentence, tree, c, published) for c in found)


def _reported_happening(sentence: str, tree: ClauseTree, candidate: _Candidate) -> _Candidate:
    """A phrase after a verb of saying in the passive ("fighting was reported on Saturday in
    X") dates what was reported, the verb's subject, not a statement: no speaker is named."""
    verb = _saying_verb(sentence, tree, candidate)
    if verb is not None and any(tree.deps[i] == "auxpass" for i in tree.children(verb)):
        return replace(candidate, speech=False)
    return candidate


def _saying_verb(sentence: str, tree: ClauseTree, candidate: _Candidate) -> int | None:
    """The verb of saying right before a phrase that dates a statement ("said on Monday"),
    ``None`` for any other phrase."""
    if not candidate.speech or candidate.report:
        return None
    said = _SPEECH_BEFORE.search(sentence, max(0, candidate.start - SPEECH_REACH), candidate.start)
    return None if said is None else tree.token_at(said.start())


def _read_in_tense(sentence: str, tree: ClauseTree, candidate: _Candidate, published: date | None) -> _Candidate:
    """One phrase read in its verb's tense (``_in_tense``); a day a noun of something planned
    names after "ahead of" or "before" ("ahead of talks in X on Tuesday", "before the vote on
    Sunday") is the coming one, whatever the verb: that noun's day, not the verb's."""
    if candidate.future and (
        _past_by_parse(sentence, tree, candidate) or _dates_a_past_statement(sentence, tree, candidate)
    ):
        return _reread(sentence, candidate, published, future=False)
    if candidate.kind not in PLANNED_KINDS or candidate.speech or candidate.background:
        return candidate
    opener = _planned_noun_opener(sentence, tree, candidate)
    if opener >= 0:
        return replace(_reread(sentence, candidate, published, future=True), planned_from=opener)
    if not candidate.future and (_set_for(tree, candidate) or _coming_by_parse(tree, candidate)):
        return _reread(sentence, candidate, published, future=True)
    return candidate


def _dates_a_past_statement(sentence: str, tree: ClauseTree, candidate: _Candidate) -> bool:
    """Does the phrase follow a verb of saying in the past ("said on Monday they would press
    on")? It dates the saying, which is done, whatever the clause reported after it promises
    (the parser may hang the phrase on that clause's verb)."""
    verb = _saying_verb(sentence, tree, candidate)
    return verb is not None and tree.tense(verb) == "past"


def _set_for(tree: ClauseTree, candidate: _Candidate) -> bool:
    """Is the day the object of "for" ("called a rally for Sunday", "set the vote for Monday")?
    A day something is set for is one planned, whatever the tense of the verb that set it."""
    head = tree.head_of_span(candidate.start, candidate.end)
    up = tree.heads[head]
    return up != head and tree.deps[head] == "pobj" and tree.words[up].lower() == "for"


#: Prepositions that put a noun's happening after the clause's: what they name is still to come.
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|prior\s+to|in\s+the\s+run-up\s+to|in\s+advance\s+of)\s+", re.IGNORECASE)
#: Tags of the words of a noun phrase ("the planned talks in X", "a summit of the bloc's leaders").
NOUN_PHRASE_TAGS = frozenset(
    {"DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "VBN", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "IN", "CC"}
)
#: How far before the day phrase the preposition may stand.
AHEAD_OF_REACH = 80


def _planned_noun_opener(sentence: str, tree: ClauseTree, candidate: _Candidate) -> int:
    """Where "ahead of" or "before" starts when a noun phrase alone lies between it and the
    phrase ("ahead of talks in X on Tuesday"), -1 otherwise: not before a clause ("before
    they left on Sunday") nor a time of day ("before dawn on Sunday": that Sunday's dawn)."""
    opener = _last(_AHEAD_OF.finditer(sentence, max(0, candidate.start - AHEAD_OF_REACH), candidate.start))
    if opener is None or opener.end() >= candidate.start:
        return -1
    words = [i for i in tree.tokens_in(opener.end(), candidate.start) if tree.starts[i] < candidate.start]
    nouns = [i for i in words if tree.tags[i].startswith("NN")]
    if not nouns or any(tree.tags[i] not in NOUN_PHRASE_TAGS for i in words):
        return -1
    if tree.words[nouns[-1]].lower() in TIME_NOUNS:
        return -1
    return opener.start()


def tells_the_present(sentence: str, tree: ClauseTree, near: tuple[int, int]) -> bool:
    """Does the verb that governs the place speak of now: the present, simple or progressive
    ("the road to X remains closed", "thousands are fleeing X", "officials in X say"), or the
    present perfect ("aid convoys have reached X")? Such a clause with no date of its own tells
    of the day the report was filed, not of the story's day. Reported with "that" by a verb in
    the past ("announced that troops have taken X") it tells of that statement's day; a
    headline (no closing stop) tells past news in the present: neither is such a clause."""
    if not sentence.rstrip().endswith((".", "!", "?", '"', "”", "'", "’")):
        return False
    place = tree.head_of_span(*near)
    verb = tree.clause_verb(place)
    if verb is None or tree.tense(verb) not in ("present", "perfect") or _toll_subject(tree, place) is not None:
        return False  # "the toll from the strike on X has risen": now is the toll's time, not the strike's
    if any(tree.words[i] == "had" for i in tree.children(verb) if tree.deps[i] == "aux"):
        return False  # the past perfect: before the story's day, if anything
    while tree.deps[verb] == "ccomp" and tree.heads[verb] != verb:
        reporting = tree.heads[verb]
        if tree.tense(reporting) == "past" and any(
            tree.words[i] == "that" and tree.deps[i] == "mark" for i in tree.children(verb)
        ):
            return False
        verb = reporting
    return True


def counts_from_now(tree: ClauseTree | None, candidate: _Candidate) -> bool:
    """Does a phrase that opens its clause ("two days after gunmen seized pupils") hang on a
    verb that speaks of now, the present or the present perfect ("parents have gone to search
    for them", "families are still searching")? It then counts back from the day the report
    was filed, not from the story's day: the clause it opens came that long before now. Not
    the past perfect, nor a headline (no closing stop), which tells past news in the present."""
    if tree is None or _last_word(tree) not in (".", "!", "?", '"', "”", "'", "’"):
        return False
    verb = tree.clause_verb(_phrase_attachment(tree, candidate.start, candidate.end))
    if verb is not None and tree.deps[verb] == "advcl" and tree.heads[verb] != verb:
        verb = tree.clause_verb(tree.heads[verb])  # the clause the phrase opens hangs on the news'
    if verb is None or tree.tense(verb) not in ("present", "perfect"):
        return False
    return not any(tree.words[i] == "had" for i in tree.children(verb) if tree.deps[i] == "aux")


def _last_word(tree: ClauseTree) -> str:
    """The sentence's last token but the spaces the parser keeps as tokens."""
    return next((word for word in reversed(tree.words) if word.strip()), "")


def _coming_by_parse(tree: ClauseTree, candidate: _Candidate) -> bool:
    """Does the phrase hang on a verb in the present, or on an infinitive a present verb governs
    ("meet on Tuesday", "talks, which open on Monday", "hope to resume on Tuesday")?"""
    verb = tree.clause_verb(_phrase_attachment(tree, candidate.start, candidate.end))
    while verb is not None and _infinitive_complement(tree, verb):
        verb = tree.clause_verb(tree.heads[verb])
    return _in_the_present(tree, verb)


def _infinitive_complement(tree: ClauseTree, verb: int) -> bool:
    """Is ``verb`` an infinitive another verb governs ("hope to meet", "want the talks to resume")?
    Its time is that verb's."""
    return (
        tree.tags[verb] == "VB"
        and tree.heads[verb] != verb
        and (
            tree.deps[verb] == "xcomp"
            or (tree.deps[verb] == "ccomp" and any(tree.words[i] == "to" for i in tree.children(verb)))
        )
    )


def _in_the_present(tree: ClauseTree, verb: int | None) -> bool:
    """Is ``verb`` in the present, simple or progressive, not the perfect ("have been
    fighting since June" runs up to now from a past start)?"""
    return (
        verb is not None
        and tree.tense(verb) == "present"
        and not any(tree.words[i] in PERFECT_AUXILIARIES for i in tree.children(verb) if tree.deps[i] == "aux")
        and not _misread_plural_present(tree, verb)
    )


def _misread_plural_present(tree: ClauseTree, verb: int) -> bool:
    """Is ``verb`` a plural present ("VBP") with a singular noun for its subject ("the army
    retook X on Tuesday")? English has no such present: the tagger took a past form it does
    not know for one."""
    return tree.tags[verb] == "VBP" and any(
        tree.deps[i] == "nsubj" and tree.tags[i] in ("NN", "NNP") for i in tree.children(verb)
    )


def _past_by_parse(sentence: str, tree: ClauseTree, candidate: _Candidate) -> bool:
    """Does the phrase hang on a past verb that describes a noun ("raised in April", "that was
    formed on April 2") and that none of its clause's future markers belongs to, or on a verb
    in the simple past that none of them is or helps ("attacked X on Dec. 30 and are expected
    to push on", "troops who will guard the pass arrived on Wednesday")?"""
    verb = tree.clause_verb(_phrase_attachment(tree, candidate.start, candidate.end))
    if verb is None:
        return False
    markers = {tree.token_at(at) for at in future_markers(sentence, candidate.start, candidate.end)}
    if tree.deps[verb] not in ("acl", "relcl"):
        # "was scheduled for Monday": the marker is the verb itself
        return _told_in_the_past(tree, verb) and not any(
            m == verb or (tree.heads[m] == verb and tree.deps[m] in ("aux", "auxpass")) for m in markers
        )
    if not (tree.tense(verb) == "past" or (tree.tense(verb) == "nonfinite" and tree.tags[verb] == "VBN")):
        return False
    return not any(m == verb or verb in tree.ancestors(m) for m in markers)


def _told_in_the_past(tree: ClauseTree, verb: int) -> bool:
    """Is ``verb`` in the simple past or the past perfect ("had attacked the prison on the
    night of May 12")? Both tell of a day gone by."""
    if tree.tense(verb) == "past":
        return True
    return tree.tense(verb) == "perfect" and any(
        tree.words[i].lower() in ("had", "'d") for i in tree.children(verb) if tree.deps[i] == "aux"
    )


def _reread(sentence: str, candidate: _Candidate, published: date | None, *, future: bool) -> _Candidate:
    """The phrase read as the coming one (``future``) or as the most recent one."""
    found = _PATTERN_OF[candidate.kind].match(sentence, candidate.start)
    if found is None or found.end() != candidate.end:
        return candidate
    resolved = RESOLVERS[candidate.kind](found, published, future)
    if resolved is None:
        return candidate
    return replace(candidate, value=resolved[0], precision=resolved[1], future=future)


@lru_cache(maxsize=256)
def _sentence_candidates(sentence: str, published: date | None) -> tuple[_Candidate, ...]:
    """The sentence's date phrases, found once for all the places it names."""
    return tuple(_non_overlapping(list(_candidates(sentence, published))))


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 (only the last one is wanted)
        pass
    return found


def is_future_clause(sentence: str, start: int, end: int) -> bool:
    """True when the clause holding ``sentence[start:end]`` speaks of the future."""
    return bool(future_markers(sentence, start, end))


def future_markers(sentence: str, start: int, end: int) -> tuple[int, ...]:
    """Where the future markers of the clause holding ``sentence[start:end]`` start."""
    left_match = _last(_BOUNDARY.finditer(sentence, 0, start))
    right_match = _BOUNDARY.search(sentence, end)
    left_cut = left_match.end() if left_match else 0
    right_cut = right_match.start() if right_match else len(sentence)
    pieces = [(left_cut, start), (end, right_cut)]
    clause = sentence[left_cut:start] + " " + sentence[end:right_cut]
    stands_alone = (
        len(_WORD.findall(clause)) < 2
        and not (left_match and _is_word(left_match))  # not "said on Tuesday"
        and right_match is not None
        and not _is_word(right_match)  # followed by a comma or a dash, not "that"
    )
    if stands_alone and right_match is not None:  # "On Thursday, ministers will meet": the next clause's tense
        following = _BOUNDARY.search(sentence, right_match.end())
        pieces.append((right_match.end(), following.start() if following else len(sentence)))
    # the pieces joined by a space (a marker may run across the phrase: "expected on Monday to"),
    # each marker mapped back to where it starts in the sentence
    text, offsets = "", []
    for left, right in pieces:
        offsets.append((len(text), left))
        text += sentence[left:right] + " "
    return tuple(
        next(base + found.start() - at for at, base in reversed(offsets) if at <= found.start())
        for found in _FUTURE.finditer(text)
    )


def _clause_of(sentence: str, position: int) -> int:
    """Where the clause holding ``position`` starts: the last clause opener before it."""
    start = 0
    for found in _CLAUSE_OPENER.finditer(sentence, 0, position):
        start = found.start()
    return start


def _part_of(sentence: str, position: int) -> int:
    """Which of the sentence's semicolon-joined parts holds ``position``."""
    return len(_SEMICOLON.findall(sentence, 0, position))


def _in_since_clause(
    sentence: str, candidate: _Candidate, near: tuple[int, int] | None, tree: ClauseTree | None = None
) -> bool:
    """Is the place inside the "since" clause its phrase ends ("fled since fighting broke out in
    Khartoum on April 15")? Then the phrase dates what happened there, the start of the state.
    With the parse, the clause runs as far as its verb governs, past commas ("since gunmen
    ambushed a convoy on Tuesday and burned three trucks, all of them full, outside B")."""
    if near is None:
        return False
    if tree is not None and _since_clause_by_parse(tree, candidate, near):
        return True
    left = 0
    for found in _ANY_BOUNDARY.finditer(sentence, 0, candidate.start):
        left = found.end()
    since = None
    for found in _SINCE.finditer(sentence, left, candidate.end):
        if found.start() <= candidate.start:  # the last one; "since March": the cue may open the phrase
            since = found
    if since is None:  # "since September": the phrase opens the clause, no place inside
        return False
    when = _WHEN_AFTER.match(sentence, candidate.end)
    if when is not None and near[0] >= when.end():  # "since Tuesday, when a crowd stoned him in X"
        right = _STRONG_BOUNDARY.search(sentence, when.end())
        return near[0] < (right.start() if right else len(sentence))
    right = _ANY_BOUNDARY.search(sentence, candidate.end)
    return since.end() <= near[0] < (right.start() if right else len(sentence))


#: What joins two conjuncts of a clause, each with its own place and date.
_COORDINATION = re.compile(r"\b(?:and|while|whereas)\b", re.IGNORECASE)


def _since_clause_by_parse(tree: ClauseTree, candidate: _Candidate, near: tuple[int, int]) -> bool:
    """Does the verb the phrase hangs on open with "since" (a clause of its own, not "since
    last March" on the main verb) and govern the place?"""
    verb = tree.clause_verb(_phrase_attachment(tree, candidate.start, candidate.end))
    if verb is None or tree.deps[verb] not in SUBORDINATE_CLAUSES:  # a "since" on the main verb is a misparse
        return False
    if not any(tree.words[i] == "since" and tree.deps[i] == "mark" for i in tree.children(verb)):
        return False
    place = tree.head_of_span(*near)
    return verb == place or verb in tree.ancestors(place)


#: A "when" clause right after a date phrase tells what happened on that date.
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)


def _starts_a_state(sentence: str, position: int) -> bool:
    """Is the phrase at ``position`` the start of a lasting state ("since last March")?"""
    left = 0
    for found in _ANY_BOUNDARY.finditer(sentence, 0, position):
        left = found.end()
    # "since" before the phrase, or opening it ("since September")
    return _SINCE.search(sentence, left, position) is not None or _SINCE.match(sentence, position) is not None


def _in_other_relative_clause(sentence: str, candidate: _Candidate, near: tuple[int, int] | None) -> bool:
    """Is the phrase in a relative clause ("which fell last year") that does not hold the place?

    Such a clause describes something else about a noun of the sentence; its date is
    not the date of the event at the place. Without a place, the clause still yields
    to the rest of the sentence: a phrase outside it wins.
    """
    opener = None
    for found in _RELATIVE.finditer(sentence, 0, candidate.start):
        opener = found
    if opener is None:
        return False
    boundary = _HARD_BOUNDARY.search(sentence, opener.end())
    clause_end = boundary.start() if boundary else len(sentence)
    if candidate.start >= clause_end or _HARD_BOUNDARY.search(sentence, opener.end(), candidate.start):
        return False
    if near is None:
        return False
    if opener.start() <= near[0] < clause_end:
        return False
    # a clause about the place dates it, but a year alone is background ("X, which fell last year")
    return candidate.precision == YEAR_ONLY or not _where_clause_of(sentence, opener, near)


def _where_clause_of(sentence: str, opener: re.Match[str], near: tuple[int, int]) -> bool:
    """Is the clause a "where" or "which" clause about the place itself, opening right after
    it ("Bossangoa, 300 km to the north, where fighters attacked the town on Thursday", "Ganja,
    which came under rocket fire last month")? It dates the place when the place's own clause
    has no date of its own."""
    return (
        opener.group(0).lower() in ("where", "which")
        and near[1] <= opener.start() <= near[1] + WHERE_REACH
        and _STRONG_BOUNDARY.search(sentence, near[1], opener.start()) is None
        and _RELATIVE.search(sentence, near[1], opener.start()) is None
    )


def _is_word(boundary: re.Match[str]) -> bool:
    return boundary.group(0)[-1:].isalpha()


# ---------------------------------------------------------------------------
# finding and resolving phrases


def _candidates(sentence: str, published: date | None) -> Iterator[_Candidate]:
    lowered = sentence.lower()
    header_stop = header_end(sentence)
    yield from _anchored_candidates(sentence, lowered, header_stop)
    for kind, pattern in _PHRASES:
        if not any(word in lowered for word in PHRASE_GATES[kind]):
            continue
        for found in pattern.finditer(sentence):
            if kind in COUNTING_KINDS and _COUNTS_TIMES.search(sentence, 0, found.start()):
                continue
            future = kind in TENSE_SENSITIVE and is_future_clause(sentence, found.start(), found.end())
            try:
                resolved = RESOLVERS[kind](found, published, future)
            except (OverflowError, ValueError):  # counted from a date near 0001-01-01 or 9999-12-31
                continue
            if resolved is None:
                continue
            value, precision, resolvable = resolved
            report = found.end() <= header_stop or follows_furniture(sentence, found.start())
            yield _Candidate(
                found.start(),
                found.end(),
                value,
                precision,
                resolvable,
                speech=report or _dates_a_statement(sentence, found.start()),
                background=_starts_a_state(sentence, found.start()),
                report=report,
                kind=kind,
                future=future,
            )


def _anchored_candidates(sentence: str, lowered: str, header_stop: int) -> Iterator[_Candidate]:
    """Phrases that count from another date of the story ("a day after", "hours later");
    their value is set once the anchor is known (``_with_anchor``)."""
    if not any(word in lowered for word in _ANCHORED_GATES):
        return
    for pattern, unit, opens_clause, precision in _ANCHORED:
        for found in pattern.finditer(sentence):
            if found.end() <= header_stop:
                continue
            yield _Candidate(
                found.start(),
                found.end(),
                None,
                precision,
                True,
                speech=_dates_a_statement(sentence, found.start()),
                background=_starts_a_state(sentence, found.start()),
                shift=_shift_days(found, unit),
                clause_at=found.end() if opens_clause else found.start(),
                kind="anchored",
            )


def _shift_days(found: re.Match[str], unit: int | None) -> int:
    """Days from the anchor: "two days after" -2 (the clause it opens came first), "a day later" +1."""
    if unit is not None:
        return unit
    words = [g.lower() for g in found.groups() if g]
    sign = -1 if words[-1] in ("after", "earlier") else 1
    amount = NUMBER_WORDS[words[0]] if words[0] in NUMBER_WORDS else int(words[0])
    days = {"day": amount, "week": 7 * amount, "hour": amount // 24}[words[1]]
    return sign * days


def _dates_a_statement(sentence: str, start: int) -> bool:
    return _SPEECH_BEFORE.search(sentence, max(0, start - SPEECH_REACH), start) is not None


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest phrases first; a phrase inside or across a kept one goes."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return kept


Resolved = tuple[date | None, int, bool] | None


def _iso(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    try:
        return date(*(int(g) for g in found.groups())), DATE_PRECISION_DAY, True
    except ValueError:
        return None


def _numeric(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    """A date in figures: day first ("14/05/2024"), month first only where the day-first
    reading is no date ("5/14/2024"); of two readings, the one nearer publication."""
    first, _, second, year = found.groups()
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    if not readings:
        return None
    if (
        published is not None
        and len(readings) == 2
        and abs((readings[1] - published).days) < abs((readings[0] - published).days)
    ):
        return readings[1], DATE_PRECISION_DAY, True
    return readings[0], DATE_PRECISION_DAY, True


#: A month name right before a phrase: "April 29 to 2 May" is no range of May.
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_ANY})\.?\s*$")


def _day_month(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    first, last, month, year = found.groups()
    if first is not None and _MONTH_BEFORE.search(found.string, max(0, found.start() - 12), found.start()):
        return None  # the month before it names the first day's month (``month_day`` reads that day)
    return _explicit_day(_range_day(found, first, last), month, year, published, future)


def _month_day(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    month, first, last, year = found.groups()
    return _explicit_day(_range_day(found, first, last), month, year, published, future)


#: "on the night of August 28-29": a night is dated by the morning it ends in.
_NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _range_day(found: re.Match[str], first: str | None, last: str | None) -> str:
    """The day a day or a range of days ("28-29 August", "August 28-29") is dated by: its
    first, or the later one for a night that runs from one into the other."""
    if first is None or last is None:
        return first or last or ""
    return last if _NIGHT_OF.search(found.string, 0, found.start()) else first


def _explicit_day(day: str, month: str, year: str | None, published: date | None, future: bool) -> Resolved:
    if not 1 <= int(day) <= 31:
        return None
    if year is None and published is None:
        return None, DATE_PRECISION_DAY, False
    english = _MONTH_NAMES[_month_number(month)]  # dateparser reads the English name of another language's month
    value = _parse_day_phrase(f"{int(day)} {english} {year or ''}".strip(), published)
    if value is None:
        return None
    if year is None and future and published is not None and value < published:
        value = _add_years(value, 1)
    if year is None and published is not None and (published - value).days > NEAREST_YEAR_DAYS:
        # News dates without a year lie near publication: "February 25" in an early
        # February article is this month's, not last year's.
        value = _add_years(value, 1)
    return value, DATE_PRECISION_DAY, True


@lru_cache(maxsize=4096)
def _parse_day_phrase(phrase: str, published: date | None) -> date | None:
    """dateparser on a phrase our patterns found (never on a whole sentence: slow and noisy)."""
    import dateparser  # imported here: it loads its language data on first use

    settings = {
        "PREFER_DATES_FROM": "past",  # the most recent, the day of publication included
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, datetime.min.time())
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


#: How many months back (or ahead) a day of the month named alone is looked for: a 31st
#: the month of publication lacks lies in the month before.
ORDINAL_DAY_MONTHS = 3


def _ordinal_day(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    """A day of the month named alone ("on the 9th"): the last such day up to publication, or
    in a clause about the future the next one from it."""
    if published is None:
        return None, DATE_PRECISION_DAY, False
    day, step = int(found.group(1)), 1 if future else -1
    named = (found.group(2) or "").lower()
    if named:  # "inst." this month's, "ult." last month's
        try:
            return (
                _first_of_month(published, -1 if named.startswith("ult") else 0).replace(day=day),
                DATE_PRECISION_DAY,
                True,
            )
        except ValueError:
            return None
    for months in range(ORDINAL_DAY_MONTHS):
        month = _first_of_month(published, step * months)
        try:
            value = month.replace(day=day)
        except ValueError:  # no such day in that month (the 31st of April, the 0th)
            continue
        if (value >= published) if future else (value <= published):
            return value, DATE_PRECISION_DAY, True
    return None


def _month_year(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    month, year = found.groups()
    return date(int(year), _month_number(month), 1), DATE_PRECISION_MONTH, True


def _cued_month(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    cue, month = found.group(1).lower().rstrip("-"), MONTHS[found.group(2)]
    if published is None:
        return None, DATE_PRECISION_MONTH, False
    if found.group(3):  # "in April last year": the year word fixes the year
        return date(published.year + YEAR_WORDS[f"{found.group(3).lower()} year"], month, 1), DATE_PRECISION_MONTH, True
    if cue == "last":
        year = published.year if month < published.month else published.year - 1
    elif cue == "next":
        year = published.year if month > published.month else published.year + 1
    elif cue == "this":
        year = published.year
    elif future or cue in ("by", "until", "till", "before"):  # a deadline lies ahead
        year = published.year if month >= published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return date(year, month, 1), DATE_PRECISION_MONTH, True


def _ago(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    amount = found.group(1).lower()
    count = NUMBER_WORDS[amount] if amount in NUMBER_WORDS else int(amount)
    unit = found.group(2).lower()
    precision = {"day": DATE_PRECISION_DAY, "week": DATE_PRECISION_WEEK, "month": DATE_PRECISION_MONTH}[unit]
    if published is None:
        return None, precision, False
    if unit == "day":
        return published - timedelta(days=count), precision, True
    if unit == "week":
        return _monday(published - timedelta(weeks=count)), precision, True
    return _first_of_month(published, -count), precision, True


def _day_word(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    offset = DAY_WORDS[" ".join(found.group(0).lower().split())]
    if published is None:
        return None, DATE_PRECISION_DAY, False
    return published + timedelta(days=offset), DATE_PRECISION_DAY, True


def _weekday(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    if published is None:
        return None, DATE_PRECISION_DAY, False
    first = _first_weekday(found, published, future)
    last = found.group(4)
    if last is not None and _NIGHT_OF.search(found.string, 0, found.start()):
        # "the night of Tuesday to Wednesday": a night is dated by the morning it ends in
        return first + timedelta(days=(WEEKDAYS[last] - first.weekday()) % 7), DATE_PRECISION_DAY, True
    return first, DATE_PRECISION_DAY, True


def _first_weekday(found: re.Match[str], published: date, future: bool) -> date:
    """The day a weekday phrase names (the first of a range of weekdays)."""
    cue = (found.group(1) or "").lower()
    target = WEEKDAYS[found.group(2)]
    if found.group(3):  # "on Tuesday last week": that week's Tuesday
        weeks = WEEK_WORDS[f"{found.group(3).lower()} week"]
        return _monday(published) + timedelta(weeks=weeks, days=target)
    back = (published.weekday() - target) % 7  # days back to the most recent one, 0 today
    ahead = (target - published.weekday()) % 7
    if cue in ("last", "past"):
        return published - timedelta(days=back or 7)
    if cue == "next":
        return published + timedelta(days=ahead or 7)
    if future:
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def _weekend(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    if published is None:
        return None, DATE_PRECISION_WEEK, False
    cue = found.group(1).lower()
    saturday_back = (published.weekday() - 5) % 7
    if cue == "next" or (future and cue != "last"):
        return published + timedelta(days=(5 - published.weekday()) % 7), DATE_PRECISION_WEEK, True
    return published - timedelta(days=saturday_back), DATE_PRECISION_WEEK, True


def _week_word(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    if published is None:
        return None, DATE_PRECISION_WEEK, False
    weeks = WEEK_WORDS[" ".join(found.group(0).lower().split())]
    return _monday(published) + timedelta(weeks=weeks), DATE_PRECISION_WEEK, True


def _month_word(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    if published is None:
        return None, DATE_PRECISION_MONTH, False
    words = " ".join(found.group(0).lower().split())
    months = MONTH_WORDS[words]
    if words == "earlier this month" and published.day == 1:
        months -= 1  # no day of the month lies earlier: it was written the day before, in the last one
    return _first_of_month(published, months), DATE_PRECISION_MONTH, True


def _year_word(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    if published is None:
        return None, YEAR_ONLY, True
    words = " ".join(found.group(0).lower().split())
    years = YEAR_WORDS.get(words, -1)  # "a year ago"
    return date(published.year + years, 1, 1), YEAR_ONLY, True


def _year(found: re.Match[str], published: date | None, future: bool) -> Resolved:
    return date(int(found.group(1)), 1, 1), YEAR_ONLY, True


RESOLVERS = {
    "iso": _iso,
    "numeric": _numeric,
    "day_month": _day_month,
    "month_day": _month_day,
    "month_year": _month_year,
    "cued_month": _cued_month,
    "ordinal_day": _ordinal_day,
    "ago": _ago,
    "day_word": _day_word,
    "weekday": _weekday,
    "weekend": _weekend,
    "week_word": _week_word,
    "month_word": _month_word,
    "year_word": _year_word,
    "year": _year,
    "named_year": _year,
}


# ---------------------------------------------------------------------------
# calendar arithmetic


#: Each month's English name by its number.
_MONTH_NAMES: dict[int, str] = {number: name for name, number in MONTHS.items()}


def _month_number(name: str) -> int:
    return MONTHS.get(name) or MONTH_ABBREVIATIONS.get(name) or FOREIGN_MONTHS[name.lower()]


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def last_day(first: date, precision: int) -> date:
    """The last day of the day, week or month (``precision``) that starts on ``first``."""
    if precision == DATE_PRECISION_MONTH:
        return _first_of_month(first, 1) - timedelta(days=1)
    if precision == DATE_PRECISION_WEEK:
        return first + timedelta(days=6)
    return first


def _first_of_month(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
