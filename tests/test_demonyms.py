"""Demonyms read as their country: the geoparser's demonym places, ``geoparse`` output, and
the scoring convention of ``conflictmap eval --demonyms``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from gazetteer.entry import Entry
from geo.cli.evaluate import eval_command
from geo.cli.main import build_parser
from geo.cli.parse import mention_json
from geo.eval.demonyms import demonym_convention
from geo.eval.evaluate import GoldArticle, GoldToponym
from geo.parse.geoparser import demonym_places
from geo.parse.mentions import written_demonyms
from geo.records import DEMONYM_LABEL, Article, Mention, Place

SYRIA = Entry(163843, "Syria", 35.0, 38.0, "SY", "", "PCLI", 22_000_000)
TURKEY = Entry(298795, "Turkey", 39.0, 35.0, "TR", "", "PCLI", 82_000_000)
HOMS = Entry(169577, "Homs", 34.7268, 36.7234, "SY", "11", "PPLA", 775_404)
COUNTRIES = {"SY": SYRIA, "TR": TURKEY}

# A text of our own: two demonyms, one inside a longer name, one town.
TEXT = "Syrian troops shelled Homs. Turkish envoys met officials of the Syrian Arab Republic."
#       0         1         2         3         4         5         6         7         8
#       012345678901234567890123456789012345678901234567890123456789012345678901234567890123456


def _span(word: str, text: str = TEXT, *, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


# ---------------------------------------------------------------------------
# the geoparser's demonym places


def test_a_demonym_becomes_its_country_labelled_as_a_demonym():
    syrian, turkish = _span("Syrian"), _span("Turkish")
    republic = Mention(*_span("Syrian Arab Republic"), "Syrian Arab Republic")
    names = [Mention(*_span("Homs"), "Homs"), republic]
    spans = [(*syrian, "SY"), (*turkish, "TR"), (*_span("Syrian", nth=1), "SY")]
    found = demonym_places(TEXT, spans, names, [0, TEXT.index("Turkish")], COUNTRIES.get)
    assert [(p.mention.text, p.entry.name, p.mention.sentence) for p in found] == [
        ("Syrian", "Syria", 0),
        ("Turkish", "Turkey", 1),
    ]
    assert all(p.mention.label == DEMONYM_LABEL and p.mention.kind == "demonym" for p in found)


def test_a_demonym_of_a_country_the_gazetteer_lacks_is_no_place():
    assert demonym_places(TEXT, [(*_span("Syrian"), "SY")], [], [0], lambda code: None) == ()


def test_a_demonym_opening_a_name_is_written_demonym_but_a_country_name_is_not(real_gazetteer):
    text = "Shares of American Airlines fell as Syrians fled to the Philippines and New Zealand."
    found = [(text[s:e], code) for s, e, code in written_demonyms(text, real_gazetteer, ())]
    assert found == [("American", "US"), ("Syrians", "SY")]


def test_geoparse_json_says_which_mentions_are_demonyms():
    demonym = Place(Mention(*_span("Syrian"), "Syrian", DEMONYM_LABEL), SYRIA, 1.0)
    town = Place(Mention(*_span("Homs"), "Homs", "GPE"), HOMS, 0.9)
    assert [mention_json(p)["kind"] for p in (demonym, town)] == ["demonym", "place"]


def test_geoparse_writes_demonyms_unless_told_not_to():
    parser = build_parser()
    assert parser.parse_args(["geoparse", "a.txt"]).demonyms is True
    assert parser.parse_args(["geoparse", "--no-demonyms", "a.txt"]).demonyms is False


@pytest.mark.model
def test_the_geoparser_reads_demonyms_only_on_request(geoparser):
    text = "Egyptian mediators arrived in Khartoum on Monday as fighting went on in Omdurman."
    plain = [(p.mention.text, p.entry.country_code) for p in geoparser.places(text)]
    with_demonyms = geoparser.places(text, demonyms=True)
    assert ("Egyptian", "EG") not in plain
    egyptian = [p for p in with_demonyms if p.mention.text == "Egyptian"]
    assert len(egyptian) == 1 and egyptian[0].entry.feature_code == "PCLI" and egyptian[0].mention.is_demonym
    assert [(p.mention.text, p.entry.country_code) for p in with_demonyms if not p.mention.is_demonym] == plain
    assert list(geoparser.places_many([text], demonyms=True)) == [with_demonyms]
    airline = geoparser.places("Passengers of Kenyan Airways were stranded in Nairobi.", demonyms=True)
    assert ("Kenyan", "KE", True) in [(p.mention.text, p.entry.country_code, p.mention.is_demonym) for p in airline]


@pytest.mark.model
def test_no_event_is_placed_at_a_demonym(pipeline):
    text = "Ethiopian drones struck a market in Mekelle on Tuesday, killing 12 people, witnesses said."
    events = pipeline.events(Article(text=text))
    assert events and all(e.mention != "Ethiopian" and e.feature_code != "PCLI" for e in events)


# ---------------------------------------------------------------------------
# the scoring convention


def _gold_article(article_id: str, text: str, gold_words: Iterable[str], kind: str | None = None) -> GoldArticle:
    toponyms = tuple(
        GoldToponym(*_span(word, text), word, SYRIA.lat, SYRIA.lon, kind=kind if word != "Homs" else None)
        for word in gold_words
    )
    return GoldArticle(id=article_id, text=text, toponyms=toponyms)


def test_auto_counts_demonyms_where_most_demonym_words_are_gold():
    annotated = [_gold_article("a", TEXT, ["Syrian", "Homs", "Turkish"])]
    plain = [_gold_article("a", TEXT, ["Homs"])]
    assert demonym_convention(annotated).counted
    assert "2 of 3 demonym words" in demonym_convention(annotated).why
    assert not demonym_convention(plain).counted
    assert not demonym_convention([_gold_article("a", "Troops shelled Homs.", ["Homs"])]).counted


def test_auto_follows_the_types_a_corpus_marks():
    typed = [_gold_article("a", TEXT, ["Syrian", "Homs"], kind="Demonym")]
    other_types = [_gold_article("a", TEXT, ["Homs", "Syrian"], kind="literal")]
    assert demonym_convention(typed).counted
    assert not demonym_convention(other_types).counted


def test_yes_and_no_override_the_corpus():
    plain = [_gold_article("a", TEXT, ["Homs"])]
    assert demonym_convention(plain, "yes").counted
    assert not demonym_convention([_gold_article("a", TEXT, ["Syrian", "Homs"])], "no").counted
    with pytest.raises(ValueError):
        demonym_convention(plain, "maybe")


class DemonymGeoparser:
    """Finds Homs, and on request (``always``: even unasked; ``never``: never) each
    "Syrian" or "Turkish" as its country."""

    def __init__(self, *, always: bool = False, never: bool = False) -> None:
        self.asked: list[bool] = []
        self.always, self.never = always, never

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32, demonyms: bool = False
    ) -> Iterator[tuple[Place, ...]]:
        self.asked.append(demonyms)
        for text in texts:
            found = [Place(Mention(*_span("Homs", text), "Homs"), HOMS, 0.9)]
            if (demonyms or self.always) and not self.never:
                for word, country in (("Syrian", SYRIA), ("Turkish", TURKEY)):
                    if word in text:
                        found.append(Place(Mention(*_span(word, text), word, DEMONYM_LABEL), country, 1.0))
            yield tuple(sorted(found, key=lambda p: p.mention.start))


def _corpus(tmp_path: Path, gold_words: Iterable[str]) -> Path:
    record = {
        "id": "d-1",
        "text": TEXT,
        "toponyms": [
            {"start": s, "end": e, "name": w, "lat": c.lat, "lon": c.lon, "geonameid": None, "type": None}
            for w in gold_words
            for (s, e), c in [(_span(w), {"Syrian": SYRIA, "Turkish": TURKEY, "Homs": HOMS}[w])]
        ],
    }
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _scores(capsys, *argv: str) -> tuple[dict, dict]:
    assert eval_command(build_parser().parse_args(["eval", *argv, "--split", "all", "--json"])) == 0
    (report,) = json.loads(capsys.readouterr().out)["corpora"]
    return report["results"][0]["scores"], report["demonyms"]


def test_eval_counts_demonyms_only_on_a_corpus_that_annotates_them(tmp_path, monkeypatch, capsys):
    fake = DemonymGeoparser()
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: fake)
    annotated = _corpus(tmp_path, ["Syrian", "Homs", "Turkish"])
    scores, convention = _scores(capsys, str(annotated))
    assert convention["counted"] and (scores["matched"], scores["predicted"], scores["f1"]) == (3, 3, 1.0)
    scores, convention = _scores(capsys, str(annotated), "--demonyms", "no")
    assert not convention["counted"] and (scores["matched"], scores["predicted"]) == (1, 1)
    plain = _corpus(tmp_path, ["Homs"])
    scores, convention = _scores(capsys, str(plain))
    assert not convention["counted"] and scores["precision"] == 1.0
    assert fake.asked == [True, False, False]


def test_eval_with_demonyms_no_scores_as_a_geoparser_without_them(tmp_path, monkeypatch, capsys):
    annotated = _corpus(tmp_path, ["Syrian", "Homs", "Turkish"])
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: DemonymGeoparser(always=True))
    without, _ = _scores(capsys, str(annotated), "--demonyms", "no")
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: DemonymGeoparser(never=True))
    places_only, _ = _scores(capsys, str(annotated), "--demonyms", "no")
    assert without == places_only and without["predicted"] == 1


def test_eval_table_says_which_convention_each_corpus_was_scored_under(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: DemonymGeoparser())
    corpus = _corpus(tmp_path, ["Syrian", "Homs", "Turkish"])
    assert eval_command(build_parser().parse_args(["eval", str(corpus), "--split", "all"])) == 0
    assert "mini: demonyms counted as toponyms (auto: 2 of 3 demonym words" in capsys.readouterr().out


def test_a_predictions_file_marks_its_demonyms_by_kind(tmp_path, capsys):
    plain = _corpus(tmp_path, ["Homs"])
    predictions = tmp_path / "pred.jsonl"
    mentions = [
        {**dict(zip(("start", "end"), _span("Syrian"))), "lat": 35.0, "lon": 38.0, "kind": "demonym"},
        {**dict(zip(("start", "end"), _span("Homs"))), "lat": HOMS.lat, "lon": HOMS.lon, "kind": "place"},
    ]
    predictions.write_text(json.dumps({"id": "d-1", "mentions": mentions}) + "\n", encoding="utf-8")
    scores, _ = _scores(capsys, str(plain), "--predictions", str(predictions))
    assert (scores["predicted"], scores["precision"]) == (1, 1.0)
    scores, _ = _scores(capsys, str(plain), "--predictions", str(predictions), "--demonyms", "yes")
    assert (scores["predicted"], scores["precision"]) == (2, 0.5)
