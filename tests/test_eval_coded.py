"""Scoring coded events: B-cubed merging, fatalities, actors, and the gold set's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.errors import InputError
from geo.eval.coded import (
    CodedGold,
    Happening,
    PredictedEvent,
    Report,
    bcubed,
    parse_report,
    read_gold_folder,
    read_jsonl,
    same_actors,
    score,
    split_of,
    to_jsonl,
)

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "data" / "eval" / "coded"
GOLD_JSONL = REPO / "data" / "eval" / "coded.jsonl"


def _happening(hid: str, *, lat: float = 10.0, event_type: str = "frontline", fatalities: int | None = 4) -> Happening:
    return Happening(
        id=hid,
        conflict="Test war",
        date="2024-01-02",
        place="Testville",
        lat=lat,
        lon=20.0,
        country_code="UA",
        event_type=event_type,
        sub_event_type="shelling" if event_type == "frontline" else "aid",
        actor1="Military Forces of Russia" if event_type == "frontline" else "",
        actor2="Civilians (Ukraine)" if event_type == "frontline" else "",
        fatalities=fatalities,
    )


def _report(rid: str, *happenings: str) -> Report:
    return Report(rid, "2024-01-03", "t", f"Outlet {rid}", "", "Test war", happenings, "text\n")


def _predicted(eid: str, article: str, merged: str, **kw: object) -> PredictedEvent:
    fields: dict = dict(event_type="frontline", sub_event_type="shelling", lat=10.0, lon=20.0, event_date="2024-01-02")
    fields.update(kw)
    return PredictedEvent(eid, article, merged, **fields)


def test_bcubed_is_perfect_for_the_gold_clustering_and_lower_otherwise() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, {"a": 1, "b": 1, "c": 2}) == (1.0, 1.0, 1.0)
    precision, recall, _ = bcubed(gold, {"a": 1, "b": 1, "c": 1})
    assert precision < 1.0 and recall == 1.0
    precision, recall, _ = bcubed(gold, {"a": 1, "b": 2, "c": 3})
    assert precision == 1.0 and recall < 1.0


def test_scores_of_merged_reports() -> None:
    gold = CodedGold((_happening("h1"),), (_report("r1", "h1"), _report("r2", "h1")))
    both = [
        _predicted(
            "e1", "r1", "m", fatalities=4, actors=frozenset({"Military Forces of Russia", "Civilians (Ukraine)"})
        ),
        _predicted(
            "e2", "r2", "m", fatalities=4, actors=frozenset({"Military Forces of Russia", "Civilians (Ukraine)"})
        ),
    ]
    result = score(gold, both)
    assert (result.f1, result.fatality_accuracy, result.actor_accuracy) == (1.0, 1.0, 1.0)
    apart = [_predicted("e1", "r1", "m1", fatalities=5), _predicted("e2", "r2", "m2", fatalities=5)]
    result = score(gold, apart)
    assert result.recall == 0.5 and result.fatality_accuracy == 0.0 and result.actor_accuracy == 0.0


def test_an_event_too_far_from_the_happening_does_not_match() -> None:
    gold = CodedGold((_happening("h1"),), (_report("r1", "h1"),))
    result = score(gold, [_predicted("e1", "r1", "m", lat=11.0)])
    assert result.matched == 0


def test_an_article_with_two_happenings_matches_each_by_type() -> None:
    gold = CodedGold(
        (_happening("strike"), _happening("aid", event_type="humanitarian", fatalities=None)),
        (_report("r1", "strike", "aid"),),
    )
    predicted = [
        _predicted("e1", "r1", "m1"),
        _predicted("e2", "r1", "m2", event_type="humanitarian", sub_event_type="aid"),
    ]
    assert score(gold, predicted).f1 == 1.0


def test_a_report_file_is_parsed_and_a_headerless_one_refused() -> None:
    report = parse_report(
        "id: x-1\npublished: 2024-01-03\ntitle: T\nsource: S\nurl: u\nconflict: C\nreports: h1, h2\n---\nBody.\n"
    )
    assert report.reports == ("h1", "h2") and report.text == "Body.\n"
    with pytest.raises(InputError):
        parse_report("no header here")


def test_splits_depend_on_the_conflict_alone() -> None:
    assert split_of("Some war") == split_of("Some war")
    assert {split_of(f"war {n}") for n in range(20)} == {"dev", "test"}


def test_gold_round_trips_through_jsonl(tmp_path: Path) -> None:
    gold = CodedGold((_happening("h1"),), (_report("r1", "h1"),))
    path = tmp_path / "coded.jsonl"
    path.write_text(to_jsonl(gold), encoding="utf-8")
    assert read_jsonl(path) == gold


@pytest.mark.skipif(not GOLD_DIR.is_dir(), reason="the coded gold set is not in this checkout")
def test_the_committed_jsonl_is_what_the_gold_folder_builds() -> None:
    gold = read_gold_folder(GOLD_DIR)
    assert GOLD_JSONL.read_text(encoding="utf-8") == to_jsonl(gold)
    ids = {h.id for h in gold.happenings}
    assert all(set(r.reports) <= ids for r in gold.reports), "a report names a happening that is not in the set"


def test_acled_s_acronym_form_is_the_group_written_by_its_full_name_or_acronym() -> None:
    gold = {"ZLF: Zulu Liberation Front", "Military Forces of Ruritania"}
    assert same_actors({"Zulu Liberation Front", "Military Forces of Ruritania"}, gold)
    assert same_actors({"ZLF", "Military Forces of Ruritania"}, gold)
    assert same_actors({"Al-Shabaab"}, {"Al Shabaab"})
    # Another group, a missing side, or one name standing for both sides is still wrong.
    assert not same_actors({"Zulu People's Front", "Military Forces of Ruritania"}, gold)
    assert not same_actors({"Zulu Liberation Front"}, gold)
    assert not same_actors({"ZLF", "Zulu Liberation Front"}, gold)


def test_an_event_coded_at_a_province_of_the_happening_s_country_matches_from_farther() -> None:
    gold = CodedGold((_happening("h1"),), (_report("r1", "h1"),))
    # 2 degrees of latitude (about 220 km) from the village: the province's point.
    province = _predicted("e1", "r1", "m", lat=12.0, at_province=True, country_code="UA")
    assert score(gold, [province]).matched == 1
    town_as_far = _predicted("e1", "r1", "m", lat=12.0, country_code="UA")
    assert score(gold, [town_as_far]).matched == 0
    province_abroad = _predicted("e1", "r1", "m", lat=12.0, at_province=True, country_code="MD")
    assert score(gold, [province_abroad]).matched == 0


def test_a_province_coded_event_does_not_take_an_item_from_an_event_at_the_town() -> None:
    gold = CodedGold((_happening("h1"),), (_report("r1", "h1"), _report("r2", "h1")))
    predicted = [
        # the town's event, a day off, merged with the other report's
        _predicted("e1", "r1", "m", event_date="2024-01-01", country_code="UA"),
        _predicted("e2", "r2", "m", country_code="UA"),
        # the same report's province-coded event of the right day, far off and alone
        _predicted("e3", "r1", "p", lat=12.0, at_province=True, country_code="UA"),
    ]
    assert score(gold, predicted).recall == 1.0
