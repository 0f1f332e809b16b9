"""Dates by clause: a date phrase dates the places its clause governs in spaCy's parse."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.clausetree import ClauseTree, clause_tree
from geo.parse.dates import DateContext, EventDate, resolve_event_date
from geo.records import DATE_PRECISION_DAY

PUBLISHED = date(2031, 6, 13)  # a Friday
STORY = DateContext(story=EventDate(date(2031, 6, 12), DATE_PRECISION_DAY, "Thursday"))


def _tree(nlp, sentence: str) -> ClauseTree:
    return clause_tree(next(iter(nlp(sentence).sents)))


def _date_at(nlp, sentence: str, place: str, context: DateContext = STORY) -> date | None:
    start = sentence.index(place)
    return resolve_event_date(
        sentence,
        published=PUBLISHED,
        near=(start, start + len(place)),
        context=context,
        tree=_tree(nlp, sentence),
    ).value


def test_a_date_in_a_clause_about_something_else_dates_nothing_at_the_place(nlp):
    sentence = (
        "The mayor, speaking after last month's flooding of the valley, said in Norvale that schools would reopen."
    )
    assert _date_at(nlp, sentence, "Norvale") == date(2031, 6, 12)  # the story's day, not May


def test_a_noun_dated_by_its_phrase_dates_the_place_of_its_clause(nlp):
    sentence = "It answered a June 2 raid that levelled a depot outside Karsk."
    assert _date_at(nlp, sentence, "Karsk") == date(2031, 6, 2)


def test_a_verb_joined_by_and_takes_its_own_date(nlp):
    sentence = "The brigade crossed the river at dawn on Monday and by Wednesday evening had entered Lovetz."
    assert _date_at(nlp, sentence, "Lovetz") == date(2031, 6, 11)


def test_the_date_of_a_reported_event_dates_the_place_of_the_people_reporting_it(nlp):
    sentence = "Residents of Vrana said shells fell on Tuesday near the bus station."
    assert _date_at(nlp, sentence, "Vrana") == date(2031, 6, 10)


def test_a_part_of_the_day_after_the_weekday_keeps_the_weekday(nlp):
    sentence = "Gunmen stormed a checkpoint near Ostrel late on Sunday night, officials said."
    assert _date_at(nlp, sentence, "Ostrel") == date(2031, 6, 8)


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # the place's own clause, not the subordinate clause after "a day after"
        (
            "Drones hit a fuel depot in Marlo on Thursday, a day after an attack on Tuesday killed four guards.",
            "Marlo",
            date(2031, 6, 12),
        ),
        # a relative clause on the place dates it when nothing above does
        ("Fighting spread to Belin, where militiamen seized the prison on Wednesday.", "Belin", date(2031, 6, 11)),
        # the place inside the "when" clause of a "since" phrase: that phrase's month
        (
            "The clash is the worst since March last year, when a dispute over grazing land near Tovar escalated "
            "into a week of shelling.",
            "Tovar",
            date(2030, 3, 1),
        ),
        # a day in a clause on the place refines the coarse date of the place's own clause
        (
            "Curfews were lifted last month in Varel, where the mayor declared on May 19 that the streets were safe.",
            "Varel",
            date(2031, 5, 19),
        ),
        (
            "In recent days families have crossed into Ostra, where volunteers registered 900 newcomers on Wednesday.",
            "Ostra",
            date(2031, 6, 11),
        ),
        # but not a day outside it: the clause tells the place's past
        (
            "Curfews were lifted last month in Varel, which rebels had seized on March 3.",
            "Varel",
            date(2031, 5, 1),
        ),
        # the place where a statement was made is dated by the statement; the place it tells of, by its own date
        (
            "A police spokesman in Norvale said on Tuesday that the hostages were free, but the claim was retracted "
            "on Wednesday.",
            "Norvale",
            date(2031, 6, 10),
        ),
        ("Officials in Norvale said on Tuesday that shelling hit Karsk on Monday.", "Karsk", date(2031, 6, 9)),
        # two days on one verb: the one nearest the place dates it
        (
            "Militia leaders said their men had slipped away in small groups on the night of June 2 and on Tuesday "
            "toward the hamlet of Ostra.",
            "Ostra",
            date(2031, 6, 10),
        ),
        # but the "since" phrase dates nothing outside its clause
        (
            "Gunmen burned the market in Tovar on Tuesday, the deadliest raid since the truce of March.",
            "Tovar",
            date(2031, 6, 10),
        ),
    ],
)
def test_clause_dates(nlp, sentence: str, place: str, expected: date) -> None:
    assert _date_at(nlp, sentence, place) == expected


def test_tree_walks_from_a_word_to_the_verb_that_governs_it(nlp):
    sentence = "Troops entered Halvik on Monday."
    tree = _tree(nlp, sentence)
    place = tree.head_of_span(sentence.index("Halvik"), sentence.index("Halvik") + 6)
    verb = tree.clause_verb(place)
    assert verb is not None and tree.words[verb] == "entered"
    assert tree.tense(verb) == "past"
    assert tree.words[tree.attachment(sentence.index("Monday"), sentence.index("Monday") + 6)] == "entered"


def test_relative_words_count_from_the_datelines_day_when_it_precedes_publication():
    from geo.parse.dates import date_contexts

    sentences = [
        "PORT ELLIS, June 9 (Harbour Wire) - Marines landed on the northern beaches yesterday.",
        "Shelling of the harbour went on through Monday.",
    ]
    contexts, _ = date_contexts(sentences, published=date(2031, 6, 13))
    first = resolve_event_date(sentences[0], published=date(2031, 6, 13), context=contexts[0])
    assert first.value == date(2031, 6, 8)  # the day before the dateline's, not before publication
    assert contexts[1].filed == date(2031, 6, 9)


def test_a_dateline_day_far_from_publication_is_not_taken_as_the_filing_day():
    from geo.parse.dates import date_contexts

    sentences = ["PORT ELLIS, March 2 (Harbour Wire) - Marines landed on the northern beaches yesterday."]
    contexts, _ = date_contexts(sentences, published=date(2031, 6, 13))
    assert contexts[0].filed is None
    assert resolve_event_date(sentences[0], published=date(2031, 6, 13), context=contexts[0]).value == date(2031, 6, 12)


def test_the_document_wide_trees_match_the_sentence_by_sentence_ones(nlp):
    from geo.parse.clausetree import clause_trees

    doc = nlp("Militia fighters shelled Orlat on Monday. By Tuesday evening the army had retaken the bridge near Sivo.")
    trees = clause_trees(doc)
    assert trees == tuple(clause_tree(sent) for sent in doc.sents)
    second = trees[1]
    # heads are indices in the sentence: its root, and only it, is its own head
    assert [i for i, head in enumerate(second.heads) if head == i] == [second.deps.index("ROOT")]
    assert all(0 <= head < len(second) for head in second.heads)


@pytest.mark.parametrize(
    ("sentence", "place", "expected"),
    [
        # a date across "and" dates the other conjunct, however far the place's own date lies
        (
            "Drones hit a depot in Ostrin on Monday and a bridge near Varel, on the road to the coast, on Tuesday.",
            "Varel",
            date(2031, 6, 10),
        ),
        (
            "Drones hit a depot in Ostrin on Monday and a bridge near Varel, on the road to the coast, on Tuesday.",
            "Ostrin",
            date(2031, 6, 9),
        ),
        # a "since" clause holds its place as far as its verb governs, past commas
        (
            "Since gunmen ambushed a convoy near Varel on Tuesday and burned three trucks, all of them loaded with "
            "grain, outside Ostrin, the road has stayed shut.",
            "Ostrin",
            date(2031, 6, 10),
        ),
        # but "since" before a date on the main verb still starts a state
        ("Rebels have besieged Varel since last March.", "Varel", date(2031, 6, 12)),
        # a verb that describes a noun in the past keeps its date in the past, whatever the main verb's tense
        ("A militia raised in Varel in April will guard the pass.", "Varel", date(2031, 4, 1)),
        ("Talks held in Varel on Monday would resume later, a diplomat said.", "Varel", date(2031, 6, 9)),
        ("Ministers will meet in Varel on Monday.", "Varel", date(2031, 6, 16)),
        # a clause on the place telling of months before the story is its past, not its event
        ("Flags went up over Varel, where the strike wave started in February.", "Varel", date(2031, 6, 12)),
        ("Crowds gathered in Varel, where militiamen had seized the prison on Wednesday.", "Varel", date(2031, 6, 11)),
    ],
)
def test_clause_dates_across_conjuncts_since_clauses_tense_and_the_places_past(
    nlp, sentence: str, place: str, expected: date
) -> None:
    assert _date_at(nlp, sentence, place) == expected


def test_a_crossing_named_by_the_place_takes_its_own_verbs_day_not_its_relative_clauses(nlp):
    sentence = (
        "Officials said neither the Dorn crossing nor the Vessa crossing, which the army shut after a mortar "
        "attack on Tuesday wounded two guards, was open on Thursday."
    )
    for place in ("Dorn", "Vessa"):
        assert _date_at(nlp, sentence, place) == date(2031, 6, 12)  # Thursday, not the attack's Tuesday


def test_a_place_inside_another_nouns_phrase_still_takes_its_relative_clauses_day(nlp):
    sentence = "Gunmen from Orlik, which fell to them on Tuesday, attacked Benno on Thursday."
    assert _date_at(nlp, sentence, "Orlik") == date(2031, 6, 10)
    assert _date_at(nlp, sentence, "Benno") == date(2031, 6, 12)


def test_a_day_opening_the_second_clause_dates_that_clause_not_the_first(nlp):
    sentence = "Jets struck Arvo on Tuesday, and on Thursday rebels shelled Bellik."
    assert _date_at(nlp, sentence, "Bellik") == date(2031, 6, 12)
    assert _date_at(nlp, sentence, "Arvo") == date(2031, 6, 10)


def test_a_day_the_clause_names_beats_one_counted_from_another_date(nlp):
    sentence = "Hours earlier on Wednesday, gunmen killed nine people in the village of Tolma, police said."
    assert _date_at(nlp, sentence, "Tolma") == date(2031, 6, 11)
