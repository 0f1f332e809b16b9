"""Where speakers speak from is not where what they tell happened."""

from __future__ import annotations

from datetime import date

import pytest

from geo.parse.clausetree import clause_tree
from geo.parse.speakers import speaks_from
from geo.records import Article


def _speaks_from(nlp, sentence: str, name: str) -> bool:
    doc = nlp(sentence)
    start = sentence.index(name)
    return speaks_from(clause_tree(next(iter(doc.sents))), start, start + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Officials in Mopti said gunmen attacked a market in Djenne on Tuesday.", "Mopti", True),
        ("Officials in Mopti said gunmen attacked a market in Djenne on Tuesday.", "Djenne", False),
        ("A spokesman for the police in Mopti said the attackers had fled.", "Mopti", True),
        ("The army told reporters in Bamako that its troops had retaken the base.", "Bamako", True),
        ("Fighting was reported in Djenne on Tuesday.", "Djenne", False),
        ("Residents reported heavy shelling in Djenne overnight.", "Djenne", False),
        ("The governor of Mopti said gunmen attacked Djenne.", "Mopti", False),
        ("In Mopti, residents said gunmen had burned the market.", "Mopti", False),
    ],
)
def test_a_place_on_the_speakers_phrase_is_where_they_speak_from(nlp, sentence, name, expected) -> None:
    assert _speaks_from(nlp, sentence, name) is expected


def test_the_town_officials_elsewhere_speak_of_is_the_town_the_story_named(pipeline) -> None:
    text = (
        "Gunmen attacked Djenne on Monday. "
        "Soldiers retook the town on Tuesday after a night of fighting, officials in Mopti said."
    )
    events = pipeline.events(Article(text=text, published=date(2024, 5, 15), article_id="speakers"))
    second = [e for e in events if e.quote.startswith("Soldiers")]
    assert ("Djenné", "frontline") in {(e.place, e.event_type) for e in second}


def test_the_town_is_not_read_back_when_the_story_last_named_the_speakers_own_town(pipeline) -> None:
    text = "Gunmen attacked Djenne on Monday. Officials in Mopti said the town was calm on Tuesday."
    events = pipeline.events(Article(text=text, published=date(2024, 5, 15), article_id="speakers"))
    assert all(e.mention != "the town" for e in events)


def test_a_town_set_as_the_scene_before_its_speakers_reads_no_town_back(pipeline) -> None:
    text = "Gunmen attacked Djenne on Monday. In Mopti, residents said drones had struck the town on Tuesday."
    events = pipeline.events(Article(text=text, published=date(2024, 5, 15), article_id="speakers"))
    assert all(e.mention != "the town" for e in events)


def test_a_sentence_that_names_where_the_act_happened_reads_no_town_back(pipeline) -> None:
    text = "Gunmen attacked Djenne on Monday. Soldiers retook the town of Sofara on Tuesday, officials in Mopti said."
    events = pipeline.events(Article(text=text, published=date(2024, 5, 15), article_id="speakers"))
    assert all(e.mention != "the town" for e in events)
