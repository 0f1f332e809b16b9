"""Evaluation: corpus reading, the split, the metrics, and the command end to end."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from gazetteer.entry import Entry
from gazetteer.geodesy import great_circle_km
from geo.cli.evaluate import eval_command
from geo.cli.main import build_parser
from geo.errors import ArticleReadError, InputError
from geo.eval.evaluate import (
    ACCURACY_KM,
    CorpusReport,
    GoldArticle,
    GoldToponym,
    PredictedToponym,
    Span,
    SystemResult,
    auc_of_errors,
    format_table,
    geotagging_applies,
    iter_corpus,
    predict,
    processes_for,
    read_predictions,
    score,
    select_split,
    split_of,
)
from geo.records import Mention, Place

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

TEXT = "Troops left Aleppo for Homs, then Damascus. Officials in Geneva met on Friday."
#        0         1         2         3         4         5         6         7
#        0123456789012345678901234567890123456789012345678901234567890123456789012345678

ALEPPO = (36.2021, 37.1343)
HOMS = (34.7268, 36.7234)
DAMASCUS = (33.5102, 36.2913)
GENEVA = (46.2022, 6.1457)


def _gold(name: str, coords: tuple[float, float], text: str = TEXT) -> GoldToponym:
    start = text.index(name)
    return GoldToponym(start=start, end=start + len(name), name=name, lat=coords[0], lon=coords[1])


def _pred(name: str, coords: tuple[float, float], text: str = TEXT, *, shift: int = 0) -> PredictedToponym:
    start = text.index(name) + shift
    return PredictedToponym(start=start, end=start + len(name), lat=coords[0], lon=coords[1])


def _article(article_id: str = "a1", *, ignore: tuple[Span, ...] = ()) -> GoldArticle:
    toponyms = (_gold("Aleppo", ALEPPO), _gold("Homs", HOMS), _gold("Damascus", DAMASCUS))
    return GoldArticle(id=article_id, text=TEXT, toponyms=toponyms, ignore=ignore)


def _perfect(article: GoldArticle) -> tuple[PredictedToponym, ...]:
    return tuple(PredictedToponym(g.start, g.end, g.lat, g.lon) for g in article.toponyms)


# ---------------------------------------------------------------------------
# metrics


def test_perfect_system_scores_f1_one_and_accuracy_one():
    article = _article()
    scores = score([article], {article.id: _perfect(article)})
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)
    assert scores.acc_161 == 1.0
    assert scores.end_to_end == 1.0
    assert scores.mean_km == 0.0 and scores.median_km == 0.0
    assert scores.auc == 0.0
    assert (scores.gold, scores.predicted, scores.matched, scores.ignored) == (3, 3, 3, 0)


def test_off_by_one_span_is_a_miss_and_a_false_positive():
    article = _article()
    predictions = (_pred("Aleppo", ALEPPO), _pred("Homs", HOMS, shift=1))
    scores = score([article], {article.id: predictions})
    assert scores.matched == 1
    assert scores.precision == pytest.approx(1 / 2)
    assert scores.recall == pytest.approx(1 / 3)
    assert scores.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))
    # The shifted span still overlaps Homs: the inexact score counts it.
    assert scores.overlap_recall == pytest.approx(2 / 3)
    assert scores.overlap_precision == 1.0


def test_prediction_on_an_ignore_span_is_left_out_of_precision():
    geneva = TEXT.index("Geneva")
    article = _article(ignore=(Span(geneva, geneva + 6, "Geneva"),))
    predictions = (*_perfect(article), _pred("Geneva", GENEVA), _pred("Friday", GENEVA))
    scores = score([article], {article.id: predictions})
    assert scores.ignored == 1
    # Geneva is neither hit nor false positive; Friday is a false positive.
    assert scores.precision == pytest.approx(3 / 4)
    assert scores.recall == 1.0


def test_placement_error_counts_in_accuracy_and_end_to_end():
    article = _article()
    # Aleppo put in Geneva (~2,700 km off), Homs exact, Damascus not found.
    predictions = (_pred("Aleppo", GENEVA), _pred("Homs", HOMS))
    scores = score([article], {article.id: predictions})
    far = great_circle_km(*ALEPPO, *GENEVA)
    assert far > ACCURACY_KM
    assert scores.acc_161 == pytest.approx(1 / 2)
    assert scores.end_to_end == pytest.approx(1 / 3)
    assert scores.mean_km == pytest.approx(far / 2)
    assert scores.median_km == pytest.approx(far / 2)
    assert scores.auc == pytest.approx(math.log1p(far) / 2 / math.log(20039))


def test_geocoding_only_corpus_reports_no_precision_or_f1():
    article = _article()
    predictions = (*_perfect(article), _pred("Geneva", GENEVA))
    scores = score([article], {article.id: predictions}, geotagging=False)
    assert scores.precision is None and scores.f1 is None and scores.overlap_f1 is None
    assert scores.recall == 1.0 and scores.acc_161 == 1.0
    assert not geotagging_applies("wiktor") and geotagging_applies("lgl")


def test_system_that_predicts_nothing_has_zero_recall_and_f1_and_no_errors():
    article = _article()
    scores = score([article], {})
    assert scores.recall == 0.0 and scores.f1 == 0.0
    assert scores.precision is None
    assert scores.acc_161 is None and scores.auc is None and scores.mean_km is None
    assert scores.end_to_end == 0.0


def test_a_span_predicted_twice_counts_once():
    article = _article()
    predictions = (*_perfect(article), _pred("Homs", HOMS))
    scores = score([article], {article.id: predictions})
    assert scores.predicted == 3 and scores.precision == 1.0


def test_scores_sum_over_articles():
    first, second = _article("a1"), _article("a2")
    scores = score([first, second], {first.id: _perfect(first)})
    assert scores.gold == 6 and scores.matched == 3
    assert scores.recall == pytest.approx(1 / 2) and scores.precision == 1.0


def test_auc_of_all_zero_errors_is_zero():
    assert auc_of_errors([0.0, 0.0, 0.0]) == 0.0


def test_auc_follows_sorted_log_errors_trapezoid():
    errors = [1000.0, 0.0, 10.0]
    logs = sorted(math.log1p(e) for e in errors)
    expected = ((logs[0] + logs[1]) / 2 + (logs[1] + logs[2]) / 2) / (math.log(20039) * 2)
    assert auc_of_errors(errors) == pytest.approx(expected)
    assert auc_of_errors([20039.0, 20039.0]) == pytest.approx(math.log1p(20039) / math.log(20039))


def test_auc_is_undefined_below_two_errors():
    assert auc_of_errors([]) is None and auc_of_errors([5.0]) is None


# ---------------------------------------------------------------------------
# the split


def test_split_is_stable_and_about_half_each():
    ids = [f"lgl-{n}" for n in range(4000)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in ids]
    assert set(first) == {"dev", "test"}
    assert 0.46 < first.count("dev") / len(ids) < 0.54


def test_select_split_partitions_the_articles_and_honours_limit():
    articles = [GoldArticle(id=f"x-{n}", text="t") for n in range(200)]
    dev = list(select_split(articles, "dev"))
    test = list(select_split(articles, "test"))
    assert len(dev) + len(test) == 200 and not {a.id for a in dev} & {a.id for a in test}
    assert len(list(select_split(articles, "all", limit=7))) == 7
    with pytest.raises(InputError, match="'train'"):
        list(select_split(articles, "train"))


# ---------------------------------------------------------------------------
# reading files


def _write_jsonl(path: Path, records: Iterable[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _gold_record(article_id: str, text: str, places: dict[str, tuple[float, float]]) -> dict:
    toponyms = []
    for name, (lat, lon) in places.items():
        start = text.index(name)
        toponyms.append(
            {
                "start": start,
                "end": start + len(name),
                "name": name,
                "lat": lat,
                "lon": lon,
                "geonameid": None,
                "type": None,
            }
        )
    return {"id": article_id, "text": text, "toponyms": toponyms}


def test_iter_corpus_reads_toponyms_and_ignore_spans(tmp_path):
    record = _gold_record("c-1", TEXT, {"Aleppo": ALEPPO, "Homs": HOMS})
    geneva = TEXT.index("Geneva")
    record["ignore"] = [{"start": geneva, "end": geneva + 6, "name": "Geneva", "type": None}]
    (article,) = iter_corpus(_write_jsonl(tmp_path / "c.jsonl", [record]))
    assert article.id == "c-1"
    assert [t.name for t in article.toponyms] == ["Aleppo", "Homs"]
    assert article.toponyms[0].lat == ALEPPO[0]
    assert article.ignore == (Span(geneva, geneva + 6, "Geneva"),)


@pytest.mark.parametrize(
    "bad_line, expected",
    [
        ("{not json", "invalid JSON"),
        ('["a list"]', "JSON object"),
        (
            '{"id": "x", "text": "Homs", "toponyms": [{"start": 0, "end": 3, "name": "Homs", "lat": 1, "lon": 2}]}',
            "'Hom'",
        ),
        (
            '{"id": "x", "text": "Homs", "toponyms": [{"start": 0, "end": 4, "name": "Homs", "lat": 95, "lon": 2}]}',
            "lat in -90..90",
        ),
        ('{"id": 7, "text": "Homs", "toponyms": []}', "'id' as str"),
    ],
)
def test_bad_corpus_line_error_names_the_line(tmp_path, bad_line, expected):
    path = tmp_path / "bad.jsonl"
    good = json.dumps(_gold_record("ok", TEXT, {"Homs": HOMS}))
    path.write_text(f"{good}\n\n{bad_line}\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3") as caught:
        list(iter_corpus(path))
    assert expected in str(caught.value)


def test_missing_corpus_file_is_a_read_error_naming_it(tmp_path):
    missing = tmp_path / "absent.jsonl"
    with pytest.raises(ArticleReadError, match="absent.jsonl"):
        list(iter_corpus(missing))


def test_predictions_file_reads_mentions_and_rejects_repeated_ids(tmp_path):
    line = {
        "id": "a1",
        "mentions": [
            {"start": 12, "end": 18, "text": "Aleppo", "lat": 36.2, "lon": 37.1, "geonameid": 170063, "name": "Aleppo"}
        ],
    }
    predictions = read_predictions(_write_jsonl(tmp_path / "p.jsonl", [line]))
    assert predictions == {"a1": (PredictedToponym(12, 18, 36.2, 37.1, "Aleppo"),)}
    with pytest.raises(InputError, match="line 2"):
        read_predictions(_write_jsonl(tmp_path / "twice.jsonl", [line, line]))


# ---------------------------------------------------------------------------
# running systems


def _entry(name: str, coords: tuple[float, float]) -> Entry:
    return Entry(
        geonameid=abs(hash(name)) % 10**6,
        name=name,
        lat=coords[0],
        lon=coords[1],
        country_code="SY",
        feature_class="P",
        feature_code="PPL",
    )


class FakeGeoparser:
    """Finds the names it is told about, wherever they occur, at the coordinates given."""

    def __init__(self, known: dict[str, tuple[float, float]]) -> None:
        self.known = known
        self.calls: list[tuple[int, int]] = []

    def places_many(
        self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[tuple[Place, ...]]:
        texts = list(texts)
        self.calls.append((len(texts), n_process))
        for text in texts:
            yield tuple(
                Place(Mention(text.index(name), text.index(name) + len(name), name), _entry(name, coords), 0.9)
                for name, coords in self.known.items()
                if name in text
            )


def test_predict_maps_places_to_article_ids():
    article = _article()
    predictions = predict(FakeGeoparser({"Homs": HOMS}), [article])
    homs = _entry("Homs", HOMS)
    expected = PredictedToponym(23, 27, HOMS[0], HOMS[1], "Homs", geonameid=homs.geonameid, feature_code="PPL")
    assert predictions == {"a1": (expected,)}


def test_processes_for_small_inputs_stays_in_one_process():
    assert processes_for(5, cores=2) == 1
    assert processes_for(10_000, cores=2) == 2


def test_format_table_marks_undefined_figures_and_unavailable_systems():
    article = _article()
    report = CorpusReport(
        corpus="wiktor",
        split="test",
        articles=1,
        geotagging=False,
        results=(
            SystemResult("ours", score([article], {"a1": _perfect(article)}, geotagging=False), 1.0),
            SystemResult("geotext", None, unavailable="no data"),
        ),
    )
    table = format_table([report])
    header, _, row, note, distances = table.splitlines()
    assert header.split()[:5] == ["corpus", "system", "P", "R", "F1"]
    assert "ours" in row and " - " in row and "1.000" in row
    assert note == "geotext did not run on wiktor: no data"
    assert "from each place's point" in distances and "--extents" in distances


# ---------------------------------------------------------------------------
# the command


def _two_article_corpus(tmp_path: Path) -> tuple[Path, list[str]]:
    first = "Shelling hit Aleppo overnight while aid reached Homs."
    second = "Talks in Geneva resumed; delegates flew in from Damascus."
    records = [
        _gold_record("t-1", first, {"Aleppo": ALEPPO, "Homs": HOMS}),
        _gold_record("t-2", second, {"Geneva": GENEVA, "Damascus": DAMASCUS}),
    ]
    return _write_jsonl(tmp_path / "mini.jsonl", records), [first, second]


def _eval_args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["eval", *argv])


def test_eval_command_scores_a_fake_geoparser_end_to_end(tmp_path, monkeypatch, capsys):
    corpus, _ = _two_article_corpus(tmp_path)
    # Homs placed at Geneva: found but 2,800 km off; Damascus missed.
    fake = FakeGeoparser({"Aleppo": ALEPPO, "Homs": GENEVA, "Geneva": GENEVA})
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: fake)
    exit_code = eval_command(_eval_args(str(corpus), "--split", "all", "--json"))
    assert exit_code == 0
    out = json.loads(capsys.readouterr().out)
    (corpus_report,) = out["corpora"]
    assert corpus_report["corpus"] == "mini" and corpus_report["articles"] == 2
    (result,) = corpus_report["results"]
    figures = result["scores"]
    assert result["system"] == "conflictmap"
    assert (figures["gold"], figures["predicted"], figures["matched"]) == (4, 3, 3)
    assert figures["precision"] == 1.0 and figures["recall"] == pytest.approx(3 / 4)
    assert figures["acc_161"] == pytest.approx(2 / 3) and figures["end_to_end"] == pytest.approx(2 / 4)
    assert fake.calls == [(2, 1)]


def test_eval_command_prints_a_table_and_honours_limit(tmp_path, monkeypatch, capsys):
    corpus, _ = _two_article_corpus(tmp_path)
    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", lambda path: FakeGeoparser({"Aleppo": ALEPPO}))
    assert eval_command(_eval_args(str(corpus), "--split", "all", "--limit", "1")) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].split()[:3] == ["corpus", "system", "P"]
    assert "mini (all, 1 articles)" in lines[2] and "conflictmap" in lines[2]


def test_eval_command_scores_a_predictions_file(tmp_path, capsys):
    corpus, (first, _) = _two_article_corpus(tmp_path)
    aleppo = first.index("Aleppo")
    predictions = _write_jsonl(
        tmp_path / "pred.jsonl",
        [
            {"id": "t-1", "mentions": [{"start": aleppo, "end": aleppo + 6, "lat": ALEPPO[0], "lon": ALEPPO[1]}]},
            {"id": "t-2", "mentions": []},
        ],
    )
    args = _eval_args(str(corpus), "--split", "all", "--json", "--predictions", str(predictions))
    assert eval_command(args) == 0
    (result,) = json.loads(capsys.readouterr().out)["corpora"][0]["results"]
    assert result["system"] == "pred.jsonl"
    assert result["scores"]["matched"] == 1 and result["scores"]["recall"] == pytest.approx(1 / 4)


def test_eval_command_reports_a_geoparser_that_cannot_load_and_fails(tmp_path, monkeypatch, capsys):
    corpus, _ = _two_article_corpus(tmp_path)

    def missing(path):
        raise ImportError("no module named geo.parse.geoparser")

    monkeypatch.setattr("geo.eval.evaluate._load_geoparser", missing)
    assert eval_command(_eval_args(str(corpus), "--split", "all")) == 1
    assert (
        "conflictmap did not run on mini: ImportError: no module named geo.parse.geoparser" in capsys.readouterr().out
    )


# ---------------------------------------------------------------------------
# the shared corpora


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.slow
def test_baselines_run_on_the_first_20_lgl_articles(tmp_path, capsys):
    lgl = SHARED / "eval" / "lgl.jsonl"
    if not lgl.exists():
        pytest.skip("the shared evaluation corpora are absent")
    # An empty predictions file stands in for the geoparser: only the baselines run.
    nothing = tmp_path / "nothing.jsonl"
    nothing.write_text("", encoding="utf-8")
    args = _eval_args(
        str(lgl), "--split", "all", "--limit", "20", "--baselines", "--json", "--predictions", str(nothing)
    )
    assert eval_command(args) == 0
    results = {r["system"]: r for r in json.loads(capsys.readouterr().out)["corpora"][0]["results"]}
    for name in ("geotext", "flashgeotext", "spacy+population"):
        scores = results[name]["scores"]
        assert scores is not None, results[name]["unavailable"]
        assert scores["gold"] > 100
        # A simple pipeline finds a fair share of LGL's places and places some correctly.
        assert 0.1 < scores["recall"] < 0.95
        assert 0.0 < scores["acc_161"] <= 1.0
