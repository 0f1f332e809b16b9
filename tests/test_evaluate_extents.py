"""Scoring areas by their extent: a river, sea or region is right anywhere along it, a namesake still counts."""

from __future__ import annotations

import pytest

from geo.eval.evaluate import (
    EXTENT_NOTE,
    CorpusReport,
    GoldArticle,
    GoldToponym,
    PredictedToponym,
    extents_of,
    format_table,
    score,
    score_events,
)

TEXT = "Boats crossed the Euphrates near the town on Monday, and the ferry stopped at Qasr Amin."
# The gazetteer's point for the river is a label (tests/gazetteer_tiny.py puts it at Raqqa).
RIVER_LABEL = (35.95, 39.0)
# Some 430 km downstream, where the article's crossing is: still on the river, inside its box.
DOWNSTREAM = (33.64, 42.83)
# A point far from the river (the Nile delta): outside the box by more than 161 km.
NILE_DELTA = (30.8, 31.0)


class TinyFinder:
    """Only what the scoring asks of a geoparser: its gazetteer."""

    def __init__(self, gazetteer) -> None:
        self.gazetteer = gazetteer


@pytest.fixture()
def river_id(tiny) -> int:
    return next(e.geonameid for e in tiny.lookup("Euphrates") if e.feature_code == "STM")


def _article(name: str, gold_point: tuple[float, float]) -> GoldArticle:
    start = TEXT.index(name)
    gold = GoldToponym(start, start + len(name), name, *gold_point, event_type=None, event_date=None)
    return GoldArticle(id="x-1", text=TEXT, toponyms=(gold,), events_annotated=True)


def _predicted(name: str, point: tuple[float, float], geonameid: int | None) -> PredictedToponym:
    start = TEXT.index(name)
    return PredictedToponym(start, start + len(name), *point, name, geonameid=geonameid)


def test_a_river_found_at_its_label_point_is_right_where_the_gold_lies_downstream(tiny, river_id):
    article = _article("Euphrates", DOWNSTREAM)
    predictions = {"x-1": (_predicted("Euphrates", RIVER_LABEL, river_id),)}
    by_extent = score_events([article], predictions, {}, km_to_extent=extents_of(TinyFinder(tiny)))
    assert (by_extent.namesakes, by_extent.place_recall_40) == (0, 1.0)
    assert score([article], predictions, km_to_extent=extents_of(TinyFinder(tiny))).median_km == 0.0
    # Measured from its point, as the published metrics do, the same answer is a namesake 430 km off.
    by_point = score_events([article], predictions, {})
    assert (by_point.namesakes, by_point.place_recall_40) == (1, 0.0)
    assert 400 < score([article], predictions).median_km < 460


def test_a_namesake_town_400_km_away_still_counts_when_extents_are_used(tiny):
    # The system put "Qasr Amin" at a town some 400 km from the one the article means: a point, no extent.
    damascus = tiny.lookup("Damascus")[0]
    article = _article("Qasr Amin", (35.33, 40.14))
    predictions = {"x-1": (_predicted("Qasr Amin", (damascus.lat, damascus.lon), damascus.geonameid),)}
    scores = score_events([article], predictions, {}, km_to_extent=extents_of(TinyFinder(tiny)))
    assert scores.namesakes == 1
    assert "(4" in next(c.system for c in scores.checks if c.problem == "namesake")  # some 400 km


def test_a_river_whose_gold_lies_far_outside_its_extent_is_still_a_namesake(tiny, river_id):
    article = _article("Euphrates", NILE_DELTA)
    predictions = {"x-1": (_predicted("Euphrates", RIVER_LABEL, river_id),)}
    assert score_events([article], predictions, {}, km_to_extent=extents_of(TinyFinder(tiny))).namesakes == 1


def test_a_country_is_measured_to_its_outline_not_its_point(tiny):
    # Abu Kamal, on Syria's eastern border, lies 270 km from the country's marker.
    text = "Fighting spread across Syria on Monday."
    start = text.index("Syria")
    gold = GoldToponym(start, start + 5, "Syria", 34.45, 40.92, event_type=None, event_date=None)
    article = GoldArticle(id="c-1", text=text, toponyms=(gold,), events_annotated=True)
    syria = tiny.country("SY")
    predicted = PredictedToponym(start, start + 5, syria.lat, syria.lon, "Syria", area="SY", geonameid=syria.geonameid)
    assert score([article], {"c-1": (predicted,)}, km_to_extent=extents_of(TinyFinder(tiny))).median_km == 0.0
    assert score([article], {"c-1": (predicted,)}).median_km > 161


def test_a_finder_without_a_gazetteer_scores_by_points_and_the_table_says_which_rule_it_used():
    assert extents_of(object()) is None
    report = CorpusReport(corpus="c", split="dev", articles=0, geotagging=True, results=())
    assert EXTENT_NOTE not in format_table([report]) and report.as_dict()["distances"] == "point"
    by_extent = CorpusReport(corpus="c", split="dev", articles=0, geotagging=True, results=(), extents=True)
    assert EXTENT_NOTE in format_table([by_extent])
    assert by_extent.as_dict()["distances"] == "extent"
