"""The article-length reports (``tests.toll_articles``), read by the whole pipeline: each
place gets the deaths of its own event, whatever the article tells around it (older tolls, the
war's toll, the wounded, the displaced, a second source, a footer), and the reader's structures
each on short sentences of its own. The places the code still codes wrong are strict xfails,
each with why."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.fatalities import casualties, casualties_in_sentences, seat_of_a_source
from geo.records import Article
from tests.toll_articles import ARTICLE_PLACES, TOLL_ARTICLES
from tests.toll_reports import report_figures

#: Places still coded wrong, with why.
NOT_READ_YET: dict[str, str] = {
    "Bender": "the lead's vague word gives way to the body's first figure, but the other side's own count in "
    "the next sentence names where its speaker sat (Tiraspol) and is read as that place's",
    "Tiraspol": "a frontline event from tanks crossing 'from Tiraspol' (typing), whose toll is taken from the "
    "sentence naming it as the seat of the separatist authorities",
    "Torit": "the second side's account names the rebels' movement, whose name holds a country's, so it is "
    "read as another place's sentence and the two sides' accounts are not set against each other",
    "Kolwezi": "the lead is typed a statement, and the later frontline event is dated to the town's capture a "
    "week before (typing and dating; the lead's toll is read)",
    "Khasavyurt": "typed a statement ('police said they had killed'), so no toll is coded (the toll is read right)",
    "Nalchik": "two accounts of the militants' dead across a semicolon, the second counting 'men', are summed, "
    "and not added to the toll of the sentence before",
}


def _cases() -> list:
    cases = []
    for text, want in TOLL_ARTICLES:
        for place, deaths in want.items():
            reason = NOT_READ_YET.get(place)
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            cases.append(pytest.param(text, place, deaths, marks=marks, id=place))
    return cases


def test_every_known_miss_names_a_place() -> None:
    places = {place for _, want in TOLL_ARTICLES for place in want}
    assert set(NOT_READ_YET) <= places
    assert len(places) == ARTICLE_PLACES


@pytest.fixture(scope="module")
def figures(pipeline) -> dict[str, dict[str, int]]:
    """Each article's figures per place, read once for all its places."""
    return {text: report_figures(pipeline, text) for text, _ in TOLL_ARTICLES}


@pytest.mark.parametrize(("text", "place", "deaths"), _cases())
def test_each_place_gets_its_own_events_dead(figures, text: str, place: str, deaths: int) -> None:
    assert figures[text].get(place, 0) == deaths


#: (sentence, deaths an ACLED coder would code; ``None`` when it tells none).
ONE_SENTENCE: list[tuple[str, int | None]] = [
    # A possessive between the death verb and its figure.
    ("A helicopter was shot down over the valley, killing its three crew.", 3),
    ("The shell hit the house and killed their four children.", 4),
    # A family of a told size, named by whose it was.
    ("Gunmen raided the farm and killed a herding family of six.", 6),
    ("Bandits killed an entire fishing family of four, including two infants.", 4),
    # One more person named by a hyphened noun, before the next verb.
    ("A grenade exploded, killing three shoppers and a passer-by and wounding nine people.", 4),
    ("A stray round killed a passer-by.", 1),
    # An aside that dates the event from another, with no dead of its own.
    (
        "The army retook the hill on Friday, six weeks after abandoning it, and a spokesman said nine soldiers died.",
        9,
    ),
    # ... but not one that tells the other happening's dead.
    ("The army retook the hill on Friday, two days after an ambush there killed 30 soldiers.", None),
    # A relative clause of a background happening.
    ("The raid recalled last year's massacre at the mission, which killed 40 people.", None),
    ("Gunmen attacked the mission, which lies on the river, killing seven people.", 7),
]


@pytest.mark.parametrize(("sentence", "want"), ONE_SENTENCE, ids=[s[:40] for s, _ in ONE_SENTENCE])
def test_one_sentence(sentence: str, want: int | None) -> None:
    assert casualties(sentence).killed == want


#: (sentences of one story, deaths of the event told in the first).
STORIES: list[tuple[list[str], int]] = [
    # The attackers' dead, told as some of a named side or as "them", are added, vaguely too.
    (["Rebels attacked a convoy, killing six drivers.", "Soldiers pursued the rebels and killed two of them."], 8),
    (["Raiders burned a market, killing nine traders.", "Troops later killed four of the insurgents."], 13),
    (["Gunmen raided a village, killing 11 farmers.", "Troops who tracked the gunmen killed several of them."], 21),
    # Another group's dead added: a crew counted by its collective noun, not "one of its jets".
    (
        [
            "Jets bombed the harbour, and officials said 12 sailors were killed.",
            "The air force said one of its jets was shot down, killing its two crew.",
        ],
        14,
    ),
]


STORIES += [
    # Two sides' accounts, each of the dead it inflicted and of its own: each side's dead by the
    # lower account, and the story goes on from the second.
    (
        [
            "The army said its troops killed 80 insurgents and lost nine soldiers.",
            "The insurgents said they killed 40 soldiers and lost only six of their own men.",
        ],
        15,
    ),
    (
        [
            "A military spokesman said the army lost 14 men and killed dozens of rebels.",
            "The rebels said 30 of their fighters died and that they had killed 70 soldiers.",
        ],
        26,
    ),
    (
        [
            "The army said it killed 50 rebels and lost five soldiers.",
            "The rebels said they killed 20 soldiers and lost 12 fighters.",
            "A doctor said four civilians were killed in the crossfire.",
        ],
        21,
    ),
]


STORIES += [
    # A side's claim, then the same side ("It said", "They said") telling its own dead: two groups.
    (
        [
            "The army said its troops killed 40 rebels near the pass.",
            "It said six of its soldiers were killed and nine wounded.",
        ],
        46,
    ),
    (
        [
            "The rebels said they had killed dozens of soldiers near the pass.",
            "They said three of their fighters died.",
        ],
        15,
    ),
    # ... but the other side's count of its own dead is another account of the claimed dead.
    (
        [
            "The rebels said they had killed 40 soldiers near the pass.",
            "The army said six of its soldiers were killed.",
        ],
        6,
    ),
]


@pytest.mark.parametrize(("sentences", "want"), STORIES, ids=[s[0][:40] for s, _ in STORIES])
def test_story(sentences: list[str], want: int) -> None:
    assert casualties_in_sentences(sentences, 0).killed == want


def test_a_distant_sources_seat_is_no_place_of_the_happening() -> None:
    assert seat_of_a_source("Diplomats in Vardo, citing army sources, put the losses at 40.", "Vardo")
    assert seat_of_a_source("Western analysts in Vardo said the offensive had stalled.", "Vardo")
    # Named also as the place of a happening, or by a source that may be its own.
    assert not seat_of_a_source("Diplomats in Vardo said shells hit Vardo's port.", "Vardo")
    assert not seat_of_a_source("Officials in Vardo said three people were killed.", "Vardo")
    assert not seat_of_a_source("Shelling killed four people in Vardo.", "Vardo")


def _figures_of(pipeline, text: str, published: date) -> dict[str, int]:
    return {
        e.mention: e.fatalities
        for e in pipeline.events(Article(text, published=published, article_id="toll-article-test"))
        if e.event_type == "frontline" and e.fatalities
    }


def test_a_happening_told_as_background_takes_no_toll(pipeline) -> None:
    text = (
        "Rebels shelled the outskirts of Rumbek on Tuesday, killing two farmers. "
        "In September rebels shot down a cargo plane near Aweil, killing 31 people."
    )
    got = _figures_of(pipeline, text, date(2025, 3, 5))
    assert got.get("Rumbek") == 2
    assert "Aweil" not in got


def test_the_lower_account_told_by_a_distant_source(pipeline) -> None:
    text = (
        "Rebels said on Monday they had killed 200 soldiers in an assault on the garrison at Yambio. "
        "Diplomats in Nairobi, citing military sources, put the army's losses at 35 dead."
    )
    got = _figures_of(pipeline, text, date(2025, 3, 5))
    assert got.get("Yambio") == 35


def test_a_past_happenings_sentence_lends_no_toll_to_a_later_mention(pipeline) -> None:
    text = (
        "Gunmen shot dead two guards outside a hotel in Aswan on Monday, police said. "
        "The worst attack came in November at Edfu, where militants killed 40 tourists. "
        "Hotel bookings have fallen by half since the Edfu attack, travel agents say."
    )
    got = _figures_of(pipeline, text, date(2025, 3, 5))
    assert got.get("Aswan") == 2
    assert "Edfu" not in got


def _deaths_at(pipeline, text: str, place: str) -> int:
    """The deaths of the first frontline event the pipeline places at ``place`` (0: none)."""
    events = pipeline.events(Article(text, published=date(2025, 3, 4), article_id="toll-report"))
    return next((e.fatalities for e in events if e.event_type == "frontline" and e.place == place), 0)


def test_a_country_named_for_its_forces_leaves_the_ledes_toll_to_the_town_the_story_names(pipeline) -> None:
    # "Malawi's air force" names who struck, not a place the lede tells of: its toll is the
    # toll of the camp the next sentence places near a town.
    lede = (
        "LUSAKA, May 4 - Malawi's air force fired rockets at rebel bases in eastern Zambia on Wednesday, "
        "killing at least nine people and wounding 30, health officials said."
    )
    story = (
        "The heaviest strikes hit offices and a camp of the Lake Front near Chipata, where families of its "
        "fighters live. A school in the camp was damaged."
    )
    assert _deaths_at(pipeline, f"{lede}\n\n{story}", "Chipata") == 9
    # A country named as a place still tells of a happening there, whose toll is not the town's.
    elsewhere = lede.replace("Malawi's air force fired rockets at rebel bases in eastern Zambia", "Shells hit Malawi")
    assert _deaths_at(pipeline, f"{elsewhere}\n\n{story}", "Chipata") == 0
