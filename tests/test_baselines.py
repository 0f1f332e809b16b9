"""Baselines: span finding, population resolution, and the real name-list packages offline."""

from __future__ import annotations

import pytest

from gazetteer.entry import Entry
from gazetteer.errors import GazetteerQueryError
from geo.errors import InputError
from geo.eval.baselines import (
    BASELINES,
    PopulationResolver,
    load_baseline,
    most_populous,
    places_from_spans,
    word_spans,
)


def _entry(geonameid: int, name: str, lat: float, lon: float, population: int, cc: str = "US") -> Entry:
    return Entry(
        geonameid=geonameid,
        name=name,
        lat=lat,
        lon=lon,
        country_code=cc,
        feature_class="P",
        feature_code="PPL",
        population=population,
    )


PARIS_FR = _entry(2988507, "Paris", 48.8534, 2.3488, 2_138_551, "FR")
PARIS_TX = _entry(4717560, "Paris", 33.6609, -95.5555, 24_782)
NEW_YORK = _entry(5128581, "New York City", 40.7143, -74.006, 8_175_133)
YORK_UK = _entry(2633352, "York", 53.9576, -1.0827, 144_202, "GB")
NETHERLANDS = Entry(2750405, "Netherlands", 52.25, 5.75, "NL", "A", "PCLI", 17_000_000)


class FakeGazetteer:
    """Candidates by exact name, in a deliberately non-population order."""

    TABLE = {
        "Paris": (PARIS_TX, PARIS_FR),
        "New York": (NEW_YORK,),
        "York": (YORK_UK,),
        "Netherlands": (NETHERLANDS,),
        "France": (_entry(3017382, "France", 46.0, 2.0, 66_000_000, "FR"),),
    }

    def __init__(self) -> None:
        self.asked: list[str] = []

    def lookup(self, name: str) -> tuple[Entry, ...]:
        self.asked.append(name)
        if not name.strip():
            raise GazetteerQueryError(f"expected a non-empty name, got {name!r}")
        return self.TABLE.get(name, ())


def test_most_populous_picks_the_largest_population_not_the_first():
    assert most_populous((PARIS_TX, PARIS_FR)) == PARIS_FR
    assert most_populous(()) is None


def test_resolver_remembers_each_name_and_treats_a_refused_name_as_a_miss():
    gazetteer = FakeGazetteer()
    resolver = PopulationResolver(gazetteer)
    assert resolver.resolve("Paris")[0] == PARIS_FR
    assert resolver.resolve("Paris")[0] == PARIS_FR
    assert gazetteer.asked == ["Paris"]
    assert resolver.resolve(" ") == (None, ())


def test_word_spans_prefers_the_longer_overlapping_name_and_whole_words():
    text = "From New York to York, not Yorkshire."
    spans = word_spans(text, ["York", "New York"])
    assert [text[s:e] for s, e in spans] == ["New York", "York"]
    assert spans[1] == (text.index("to York") + 3, text.index("to York") + 7)


def test_places_from_spans_drops_misses_and_strips_a_leading_article():
    text = "Officials from the Netherlands and Atlantis met in Paris."
    spans = [(text.index(w), text.index(w) + len(w), "GPE") for w in ("the Netherlands", "Atlantis", "Paris")]
    places = places_from_spans(text, spans, PopulationResolver(FakeGazetteer()))
    assert [p.entry for p in places] == [NETHERLANDS, PARIS_FR]
    assert places[0].mention.text == "the Netherlands"
    assert places[1].confidence == pytest.approx(1 / 2)


def test_geotext_baseline_runs_offline_with_exact_spans():
    text = "The delegation left Paris for New York on Monday, then went home to France."
    baseline = load_baseline("geotext", PopulationResolver(FakeGazetteer()))
    (places,) = baseline.places_many([text])
    assert [(text[p.mention.start : p.mention.end], p.entry.name) for p in places] == [
        ("Paris", "Paris"),
        ("New York", "New York City"),
        ("France", "France"),
    ]
    assert places[0].entry == PARIS_FR


def test_flashgeotext_baseline_runs_offline_with_its_own_spans():
    text = "The delegation left Paris for New York on Monday, then went home to France."
    baseline = load_baseline("flashgeotext", PopulationResolver(FakeGazetteer()))
    (places,) = baseline.places_many([text])
    found = [text[p.mention.start : p.mention.end] for p in places]
    assert found == ["Paris", "New York", "France"]
    assert all(p.mention.text == f for p, f in zip(places, found))


def test_unknown_baseline_name_is_refused():
    with pytest.raises(InputError, match="'mordecai'"):
        load_baseline("mordecai", PopulationResolver(FakeGazetteer()))
    assert list(BASELINES) == ["geotext", "flashgeotext", "spacy+population"]


@pytest.mark.model
def test_spacy_baseline_resolves_entities_to_the_most_populous_place():
    text = "Ministers from France met their counterparts in Paris on Tuesday."
    baseline = load_baseline("spacy+population", PopulationResolver(FakeGazetteer()))
    (places,) = baseline.places_many([text])
    assert [(p.mention.text, p.entry) for p in places][-1] == ("Paris", PARIS_FR)
    assert {p.mention.label for p in places} <= {"GPE", "LOC", "FAC"}


@pytest.mark.model
@pytest.mark.slow
def test_spacy_baseline_in_worker_processes_finds_what_one_process_finds():
    texts = [
        "Ministers from France met their counterparts in Paris on Tuesday.",
        "Talks in York ended without a deal.",
        "Flights from New York to the Netherlands resumed.",
    ]
    baseline = load_baseline("spacy+population", PopulationResolver(FakeGazetteer()))
    alone = list(baseline.places_many(texts))
    assert list(baseline.places_many(texts, n_process=2, batch_size=1)) == alone
    assert any(alone)
