"""The names an article uses for places the parser could not place, by the real pipeline."""

from __future__ import annotations

from datetime import date

from geo.records import GEO_PRECISION_NEAR, Article, PlaceOverride

REPORT = Article(
    "Russian shelling hit the village of Zarvenka near Avdiivka on Tuesday, officials said. "
    "Troops clashed again outside Zarvenka on Wednesday.",
    published=date(2024, 2, 22),
)


def test_a_village_the_gazetteer_lacks_is_listed_once_and_its_neighbour_is_not(pipeline) -> None:
    assert pipeline.unplaced_names(REPORT) == ("Zarvenka",)


def test_a_village_the_gazetteer_lacks_has_its_events_near_the_town_the_text_names(pipeline) -> None:
    # "the village of Zarvenka near Avdiivka": both days' events are the village's, coded
    # near Avdiivka (the gazetteer writes it Avdiyivka; ACLED's geo_precision 2), under the village's name.
    events = pipeline.events(REPORT)
    assert [(e.mention, e.place, e.geo_precision) for e in events] == [
        ("Zarvenka", "Avdiyivka", GEO_PRECISION_NEAR),
        ("Zarvenka", "Avdiyivka", GEO_PRECISION_NEAR),
    ]
    assert [e.event_type for e in events] == ["frontline", "frontline"]


def test_placing_the_name_makes_its_events_typed_by_their_sentences(pipeline) -> None:
    placed = PlaceOverride("Zarvenka", 9_000_001, "Zarvenka", 48.16, 37.70, "UA", article_id=REPORT.article_id)
    events = pipeline.events(REPORT, overrides=[placed])
    kinds = [(e.mention, e.event_type, e.sub_event_type) for e in events if e.mention == "Zarvenka"]
    assert kinds == [("Zarvenka", "frontline", "shelling"), ("Zarvenka", "frontline", "armed_clash")]
    assert pipeline.unplaced_names(REPORT, overrides=[placed]) == ()
