"""Event scoring: places within 40 km, namesakes, event type and date against event gold."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fake_pipeline import FakePipeline

from gazetteer.entry import Entry
from geo.cli.evaluate import eval_command
from geo.cli.main import build_parser
from geo.errors import InputError
from geo.eval.evaluate import (
    GoldArticle,
    GoldToponym,
    PredictedToponym,
    area_key,
    continents_of_countries,
    iter_corpus,
    predict_events,
    score_events,
    system_events,
)
from geo.records import Event, Mention, Place

# Published on a Thursday; "on Monday" is 2016-03-07.
PUBLISHED = "2016-03-10"
TEXT = (
    "Shelling hit Aleppo on Monday.\n\nAid reached Damascus and Homs in March. "
    "Officials in Geneva said  talks would resume."
)

ALEPPO = (36.2021, 37.1343)
HOMS = (34.7268, 36.7234)
DAMASCUS = (33.5102, 36.2913)
GENEVA = (46.2022, 6.1457)

#: name -> (coordinates, gold event type, gold event date)
GOLD = {
    "Aleppo": (ALEPPO, "frontline", "2016-03-07"),
    "Damascus": (DAMASCUS, "humanitarian", "2016-03"),
    "Homs": (HOMS, "humanitarian", None),
    "Geneva": (GENEVA, None, None),  # a statement place the annotator left without an event
}


def scored_event(*, place: str, lat: float, lon: float, quote: str, article_id: str, **changes) -> Event:
    """An event of the system under test at ``place``, named there as ``place``; every field
    the scoring does not read left blank."""
    blank = Event(
        event_id="x",
        event_type="frontline",
        sub_event_type="",
        event_date=None,
        date_precision=1,
        place=place,
        mention=place,
        lat=lat,
        lon=lon,
        geonameid=None,
        country_code="",
        admin1="",
        feature_code="",
        geo_precision=1,
        quote=quote,
        article_id=article_id,
        title="",
        published=None,
        source="",
        url="",
        confidence=0.5,
    )
    return replace(blank, **changes)


def _gold_record(article_id: str = "e-1") -> dict:
    toponyms = []
    for name, (coords, kind, when) in GOLD.items():
        start = TEXT.index(name)
        toponyms.append(
            {
                "start": start,
                "end": start + len(name),
                "name": name,
                "lat": coords[0],
                "lon": coords[1],
                "geonameid": None,
                "type": None,
                "event_type": kind,
                "event_date": when,
            }
        )
    return {"id": article_id, "title": "Shelling and aid", "published": PUBLISHED, "text": TEXT, "toponyms": toponyms}


def _article() -> GoldArticle:
    toponyms = tuple(
        GoldToponym(
            start=TEXT.index(name),
            end=TEXT.index(name) + len(name),
            name=name,
            lat=coords[0],
            lon=coords[1],
            event_type=kind,
            event_date=when,
        )
        for name, (coords, kind, when) in GOLD.items()
    )
    return GoldArticle(
        id="e-1",
        text=TEXT,
        toponyms=toponyms,
        title="Shelling and aid",
        published=date.fromisoformat(PUBLISHED),
        events_annotated=True,
    )


def _pred(name: str, coords: tuple[float, float]) -> PredictedToponym:
    start = TEXT.index(name)
    return PredictedToponym(start, start + len(name), coords[0], coords[1], name)


#: Aleppo right; Damascus put at Homs (about 140 km: neither near nor a namesake);
#: Homs put at Geneva (a namesake); Geneva right.
PLACED = {"Aleppo": ALEPPO, "Damascus": HOMS, "Homs": GENEVA, "Geneva": GENEVA}


def _scores():
    article = _article()
    predictions = {"e-1": tuple(_pred(name, coords) for name, coords in PLACED.items())}
    # The fake pipeline knows Aleppo, Damascus and Geneva (not Homs), types by keyword
    # and dates every event on the day of publication.
    events = predict_events(FakePipeline(), [article])
    return score_events([article], predictions, events)


def test_place_recall_counts_only_places_within_40_km():
    scores = _scores()
    assert scores.places == 4
    assert scores.place_recall_40 == pytest.approx(2 / 4)


def test_a_place_found_but_put_over_161_km_away_is_a_namesake():
    scores = _scores()
    assert scores.namesakes == 1
    (namesake,) = [c for c in scores.checks if c.problem == "namesake"]
    assert namesake.name == "Homs" and "km" in namesake.system


def test_event_type_accuracy_is_over_gold_event_places_that_got_an_event():
    scores = _scores()
    assert (scores.typed, scores.typed_with_event) == (3, 2)
    assert scores.type_accuracy == 1.0
    assert scores.no_event_share == pytest.approx(1 / 3)
    assert [c.name for c in scores.checks if c.problem == "missed event"] == ["Homs"]


def test_an_event_at_a_place_gold_marks_as_no_event_is_counted():
    scores = _scores()
    assert scores.events_at_null == 1
    (check,) = [c for c in scores.checks if c.problem == "event at no-event place"]
    assert (check.name, check.system) == ("Geneva", "diplomacy")


def test_event_date_right_when_it_starts_with_the_gold_day_or_month():
    scores = _scores()
    # Aleppo: gold Monday 2016-03-07, the fake says 2016-03-10 (wrong); Damascus: gold
    # March 2016, any day of March is right.
    assert (scores.dated, scores.dated_with_event) == (2, 2)
    assert scores.date_accuracy == pytest.approx(1 / 2)
    (wrong,) = [c for c in scores.checks if c.problem == "event date"]
    assert (wrong.name, wrong.gold, wrong.system) == ("Aleppo", "2016-03-07", "2016-03-10")


def test_a_wrong_type_and_a_misplaced_event_are_listed():
    article = _article()
    aleppo = TEXT.index("Aleppo")
    event = scored_event(
        event_type="diplomacy",
        event_date=date(2016, 3, 7),
        place="Aleppo",
        lat=GENEVA[0],
        lon=GENEVA[1],
        quote="Shelling hit Aleppo on Monday.",
        article_id="e-1",
    )
    scores = score_events([article], {"e-1": (_pred("Aleppo", ALEPPO),)}, {"e-1": system_events(TEXT, [event])})
    problems = {c.problem: c for c in scores.checks if c.start == aleppo}
    assert problems["event type"].gold == "frontline" and problems["event type"].system == "diplomacy"
    assert "event placed" in problems and "event date" not in problems
    assert scores.type_accuracy == 0.0 and scores.date_accuracy == 1.0


def test_events_are_located_by_their_mention_inside_their_quote():
    text = "Homsi traders left.\nFighting  near Homs\nand Homs again. Homs was quiet."
    quote = "Fighting near Homs and Homs again."
    event = scored_event(place="Homs", lat=HOMS[0], lon=HOMS[1], quote=quote, article_id="a")
    (located,) = system_events(text, [event])
    first = text.index("Homs", text.index("near"))
    second = text.index("Homs", first + 1)
    # Not the "Homsi" before the sentence, nor the "Homs" in the sentence after it.
    assert located.spans == ((first, first + 4), (second, second + 4))
    assert located.event_date == ""


# ---------------------------------------------------------------------------
# reading event gold


def _write_jsonl(path: Path, records: Iterable[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_corpus_with_event_gold_is_read_with_types_dates_and_publication(tmp_path):
    (article,) = iter_corpus(_write_jsonl(tmp_path / "events.jsonl", [_gold_record()]))
    assert article.events_annotated and article.published == date(2016, 3, 10)
    assert article.title == "Shelling and aid"
    assert [(t.event_type, t.event_date) for t in article.toponyms][:2] == [
        ("frontline", "2016-03-07"),
        ("humanitarian", "2016-03"),
    ]


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("event_type", "battle", "'event_type'"),
        ("event_date", "March 2016", "'event_date'"),
        ("published", "10/03/2016", "'published'"),
    ],
)
def test_bad_event_gold_error_names_the_line(tmp_path, field, value, expected):
    record = _gold_record()
    if field == "published":
        record["published"] = value
    else:
        record["toponyms"][0][field] = value
    with pytest.raises(InputError, match="line 1") as caught:
        list(iter_corpus(_write_jsonl(tmp_path / "bad.jsonl", [record])))
    assert expected in str(caught.value)


def test_corpus_without_event_keys_is_not_event_annotated(tmp_path):
    record = _gold_record()
    for toponym in record["toponyms"]:
        del toponym["event_type"], toponym["event_date"]
    (article,) = iter_corpus(_write_jsonl(tmp_path / "plain.jsonl", [record]))
    assert not article.events_annotated


# ---------------------------------------------------------------------------
# the command


def _entry(name: str, coords: tuple[float, float]) -> Entry:
    return Entry(
        geonameid=len(name),
        name=name,
        lat=coords[0],
        lon=coords[1],
        country_code="SY",
        feature_class="P",
        feature_code="PPL",
    )


class PlacingGeoparser:
    """Finds the names it is told about at the coordinates given."""

    def __init__(self, known: dict[str, tuple[float, float]]) -> None:
        self.known = known

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Place, ...]]:
        for text in texts:
            yield tuple(
                Place(Mention(text.index(n), text.index(n) + len(n), n), _entry(n, c), 0.9)
                for n, c in self.known.items()
                if n in text
            )


def _eval_args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["eval", *argv])


@pytest.fixture
def fakes(monkeypatch):
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: PlacingGeoparser(PLACED))
    monkeypatch.setattr("geo.eval.evaluate._load_event_pipeline", lambda finder: FakePipeline())


def test_eval_command_adds_event_figures_to_the_json_of_an_event_corpus(tmp_path, fakes, capsys):
    corpus = _write_jsonl(tmp_path / "warlike.jsonl", [_gold_record()])
    assert eval_command(_eval_args(str(corpus), "--split", "all", "--json")) == 0
    (result,) = json.loads(capsys.readouterr().out)["corpora"][0]["results"]
    assert result["scores"]["gold"] == 4
    events = result["events"]
    assert events["place_recall_40"] == pytest.approx(0.5) and events["namesakes"] == 1
    assert events["type_accuracy"] == 1.0 and events["events_at_null"] == 1
    assert [n["name"] for n in events["namesake_list"]] == ["Homs"]
    assert {w["problem"] for w in events["wrong_events"]} == {"missed event", "event date", "event at no-event place"}


def test_eval_command_prints_an_event_table_and_with_verbose_the_namesakes(tmp_path, fakes, capsys):
    corpus = _write_jsonl(tmp_path / "warlike.jsonl", [_gold_record()])
    assert eval_command(_eval_args(str(corpus), "--split", "all", "--verbose")) == 0
    out = capsys.readouterr().out
    assert "R@40km" in out and "type acc" in out
    assert "'Homs': namesake" in out and "'Aleppo': event date: gold 2016-03-07, system 2016-03-10" in out


def test_eval_command_on_a_corpus_without_event_gold_prints_no_event_table(tmp_path, fakes, capsys):
    record = _gold_record()
    for toponym in record["toponyms"]:
        del toponym["event_type"], toponym["event_date"]
    corpus = _write_jsonl(tmp_path / "plain.jsonl", [record])
    assert eval_command(_eval_args(str(corpus), "--split", "all", "--verbose")) == 0
    out = capsys.readouterr().out
    assert "R@40km" not in out and "namesake" not in out
    assert eval_command(_eval_args(str(corpus), "--split", "all", "--json")) == 0
    (result,) = json.loads(capsys.readouterr().out)["corpora"][0]["results"]
    assert "events" not in result


# ---------------------------------------------------------------------------
# the real pipeline


@pytest.mark.model
def test_real_pipeline_events_are_located_at_their_mentions(pipeline):
    text = (
        "Government troops shelled Aleppo on Monday, a monitoring group said.\n\n"
        "Aid trucks  reached Homs on Tuesday, and envoys met in Geneva."
    )
    toponyms = tuple(
        GoldToponym(
            start=text.index(name),
            end=text.index(name) + len(name),
            name=name,
            lat=coords[0],
            lon=coords[1],
            event_type=kind,
        )
        for name, coords, kind in (
            ("Aleppo", ALEPPO, "frontline"),
            ("Homs", HOMS, "humanitarian"),
            ("Geneva", GENEVA, "diplomacy"),
        )
    )
    article = GoldArticle(id="real", text=text, toponyms=toponyms, published=date(2016, 3, 10), events_annotated=True)
    (events,) = predict_events(pipeline, [article]).values()
    assert events and all(event.spans for event in events)
    for event in events:
        for start, end in event.spans:
            assert text[start:end] == event.mention
    scores = score_events([article], {}, {"real": events})
    assert scores.events_unlocated == 0 and scores.typed_with_event >= 2


def test_a_predictions_file_on_an_event_corpus_says_it_has_no_events(tmp_path, capsys):
    corpus = _write_jsonl(tmp_path / "warlike.jsonl", [_gold_record()])
    aleppo = TEXT.index("Aleppo")
    predictions = _write_jsonl(
        tmp_path / "pred.jsonl",
        [{"id": "e-1", "mentions": [{"start": aleppo, "end": aleppo + 6, "lat": ALEPPO[0], "lon": ALEPPO[1]}]}],
    )
    assert eval_command(_eval_args(str(corpus), "--split", "all", "--predictions", str(predictions))) == 0
    out = capsys.readouterr().out
    assert "pred.jsonl made no events on warlike: a predictions file holds no events" in out
    assert "R@40km" not in out


# A country named in a story: the gold point is an atlas's centre of Syria, the system's
# marker GeoNames' point for the country, some 150 km apart.
SYRIA_ATLAS_CENTRE = (34.8021, 38.9968)
SYRIA_GEONAMES_POINT = (35.0, 38.0)
COUNTRY_TEXT = "Fighting spread across Syria on Monday."


def _in_syria(lat: float, lon: float) -> frozenset[str]:
    return frozenset({"SY", "SY|Homs"})


def _country_scores(area: str, areas_at):
    start = COUNTRY_TEXT.index("Syria")
    gold = GoldToponym(start, start + 5, "Syria", *SYRIA_ATLAS_CENTRE, event_type=None, event_date=None)
    article = GoldArticle(id="c-1", text=COUNTRY_TEXT, toponyms=(gold,), events_annotated=True)
    predicted = PredictedToponym(start, start + 5, *SYRIA_GEONAMES_POINT, "Syria", area=area)
    return score_events([article], {"c-1": (predicted,)}, {}, areas_at)


def test_a_country_resolved_to_the_right_country_is_placed_right_wherever_its_marker_stands():
    scores = _country_scores("SY", _in_syria)
    assert scores.place_recall_40 == 1.0
    assert scores.namesakes == 0


def test_a_country_resolved_to_another_country_is_still_off():
    assert _country_scores("IQ", _in_syria).place_recall_40 == 0.0


def test_without_area_knowledge_the_distance_alone_decides():
    assert _country_scores("SY", None).place_recall_40 == 0.0


def test_a_continent_holding_the_gold_points_country_is_placed_right():
    europe = area_key("CONT", "", "", geonameid=6255148)
    in_europe = lambda lat, lon: frozenset({"DE", "DE|Berlin", europe})  # noqa: E731
    scores = _country_scores(europe, in_europe)
    assert (scores.place_recall_40, scores.namesakes) == (1.0, 0)


def test_a_continent_that_does_not_hold_the_gold_point_is_off():
    asia = area_key("CONT", "", "", geonameid=6255147)
    assert _country_scores(asia, _in_syria).place_recall_40 == 0.0


def test_countries_know_their_continent():
    continents = continents_of_countries()
    assert continents["DE"] == continents["FR"] != continents["SY"] == continents["IR"]


def test_a_month_is_scored_as_a_month_never_as_its_first_day():
    def at_precision(when: date, precision: int) -> Event:
        return scored_event(
            event_id="m",
            event_type="humanitarian",
            event_date=when,
            date_precision=precision,
            place="Damascus",
            lat=DAMASCUS[0],
            lon=DAMASCUS[1],
            quote="Aid reached Damascus and Homs in March.",
            article_id="e-1",
        )

    (month,) = system_events(TEXT, [at_precision(date(2016, 3, 1), 3)])
    (day,) = system_events(TEXT, [at_precision(date(2016, 3, 1), 1)])
    assert month.event_date == "2016-03"  # right for a gold "2016-03", wrong for a gold "2016-03-01"
    assert day.event_date == "2016-03-01"
