#!/usr/bin/env python3
"""Train the geoparser: the place recogniser and the resolver's evidence weights.

    PYTHONPATH=. python3 scripts/train_geoparser.py [CORPUS.jsonl ...] [-o geo/parse/models/geoparser_model.json]

Trains on the dev halves ONLY (``geo.eval.evaluate.split_of``) of the corpora given (by
default LGL, GeoVirus and WikToR from ``../shared/eval`` and our war-news corpus
``data/eval/warnews.jsonl``; missing files are skipped with a note), so the test
halves stay unseen. WikToR annotates only each article's subject place, so it gives the
recogniser positives only (its gold spans, at a fifth of a news row's weight, from the
first 1,000 articles of its dev half; the rest stays unseen to measure on): news seldom
names a place the way an encyclopedia does ("X is a town in ...", "X was founded in ..."),
and without such examples the model learned to doubt sentence-initial names; it takes
no part in choosing thresholds, whose precision it cannot measure. ``--leave-out lgl``
(and so on) trains and chooses thresholds without one corpus, so that its dev half scores
the recogniser on news it has not seen: the check a refit passes on each news corpus
before it ships. Needs scikit-learn (``pip install scikit-learn``), at training time
only: the shipped file is plain JSON that ``geo.parse.placemodel`` reads.

Recognition: every candidate of ``geo.parse.placefeatures`` is labelled a place when its span
is a gold toponym's; candidates overlapping a gold span only in part, an unplaceable
(``ignore``) span or an annotated demonym are left out (the project keeps demonyms as
context, not mentions). A first logistic model scores candidates; a second one adds
what the first thought of the same name elsewhere in the article. Out-of-fold scores
(articles split in folds) feed the second model and choose the threshold.

Resolution: with ``--fit-resolution``, a coordinate search over ``geo.parse.resolve.Weights``
maximising the share of gold toponyms (given their gold spans) placed within 161 km
(acc@161 x recall), with acc@161 kept at least where the hand-set weights had it
(measured on WikToR's dev half, it cost 5 points end to end, so by default the evidence weights stay hand-set); then the lowest abstention
threshold at which each corpus's acc@161 on the places the recogniser finds stays where
the hand-set weights had it. Last, a learned abstention (``geo.parse.resolve.doubted``)
for towns' readings: a logistic model of "right within 161 km" from the reading's
confidence, population, lead over an unlisted place when the article gives no reason
for it, its country's share of the article's country votes, its closeness to the
article's other places and whether only an alternate name matched, fitted on the
fully annotated corpora's readings of the recogniser's mentions (pooled), and checked by
leaving each corpus out. ``--doubt-only`` refits that abstention alone in the model file
``-o`` (with ``--recogniser`` the same file), keeping the rest: the weights it already has
stay one feature, rescaled, and only features it does not weigh are fitted beside it.

After the abstention, the vote a demonym casts for its country ("Syrian forces" for
Syria; ``geo.parse.resolve.Weights.demonym``) and how surely one that qualifies a name
("the Malian town of X") puts it in that country (``Weights.demonym_container``): each
the value with the largest gain on the readings of the recogniser's mentions
(``choose_demonym``), as the story rules are chosen; last, the same way, what a candidate
matched only by an alternate name loses beside a capital whose own name it is
(``Weights.alternate_name``), and what a national capital gains when its name's mentions
name a government ("Washington said"; ``Weights.actor_capital``).

Before the abstention, a learned reading of namesakes (``geo.parse.readingcues``; skip it
with ``--no-reading``): a conditional logit over each gold name's candidates among the
recogniser's mentions, of the word beside each mention and the kind of the place listed
beside it crossed with each candidate's kind, and a town's fame beside its namesakes
against the article's country votes; its L2 penalty chosen out of fold on the pooled dev
halves, and kept only when no corpus's acc@161 or share of places placed right falls.

A training-only corpus (``geo.eval.trainingonly``: ``data/train/warnews.jsonl`` by default when
it exists, ``--training-only FILE``, none with ``--no-training-only``; named ``<stem>-training-only``
in the reports) trains whole, every article of it, and is never scored: it adds training rows
to the recogniser, the learned reading, the abstention and the weights chosen by gain, and no
figure that chooses a setting counts it (the out-of-fold F1 that chooses C and the thresholds,
the reading's out-of-fold shares, the abstention's held-out counts and every corpus's floor),
so those figures stay the evaluation corpora's dev halves', comparable with and without it.
Its abstention rows train every fold. Its articles do keep a fold of their own for the
recogniser's and the reading's training rows: the second recogniser reads the first one's
scores of the article, which must come from a fit that did not see the article, as every dev
article's do. The model file names it, with its SHA-256, under ``training.training_only``.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import math
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from gazetteer.geodesy import great_circle_km  # noqa: E402
from geo.cli.trainingoptions import add_training_only_options, training_only_paths  # noqa: E402
from geo.eval.evaluate import GoldArticle, geotagging_applies, iter_corpus, split_of  # noqa: E402
from geo.eval.trainingonly import corpus_records  # noqa: E402
from geo.parse.mentions import (  # noqa: E402
    Recognition,
    ScoredCandidate,
    demonym_countries,
    is_demonym_only,
    score_candidates,
    select,
)
from geo.parse.placefeatures import candidates  # noqa: E402
from geo.parse.placemodel import GeoparserModel, LinearModel, model_to_json  # noqa: E402
from geo.parse.resolve import SAME_SPOT_KM, resolve  # noqa: E402
from geo.records import Mention  # noqa: E402

DEFAULT_CORPORA = (
    "../shared/eval/lgl.jsonl",
    "../shared/eval/geovirus.jsonl",
    "data/eval/warnews.jsonl",
    "../shared/eval/wiktor.jsonl",
)
DEFAULT_OUTPUT = REPO / "geo" / "parse" / "models" / "geoparser_model.json"
FOLDS = 5
#: Inverse regularisation strength of both logistic models (chosen by out-of-fold F1).
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.25 + 0.025 * i, 3) for i in range(21))
SAME_NAME_THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3)
FIRST_PASS_THRESHOLD = 0.5
#: The seed of the solver's random state, so that a re-run on the same data writes the same file.
SEED = 0
#: Weight of a training row from a partially annotated corpus (WikToR: only its subject
#: place is gold, so only its positives are used): enough to teach the ways an
#: encyclopedia names a place, which news seldom uses, without drowning the news's own.
PARTIAL_ROW_WEIGHT = 0.2
#: ... and how many of its dev articles train (the first ones of its dev half).
PARTIAL_ARTICLES = 1000
#: Weight of a training row from a training-only corpus's article (``--training-only-weight``;
#: a value below 1 makes its reports teach the recogniser less than the dev halves' articles).
TRAINING_ONLY_ROW_WEIGHT = 1.0
#: Weights drop out of the file below this magnitude (they change no decision).
MIN_WEIGHT = 1e-3
#: A feature seen in fewer training articles than this is left out: a word met in one
#: or two articles says more about those articles than about places.
MIN_FEATURE_ARTICLES = 3
#: Resolver weights searched, each over these multiples of its current value.
RESOLUTION_FIELDS = (
    "prominence",
    "country",
    "admin1",
    "containment",
    "proximity",
    "proximity_km",
    "fuzzy_penalty",
    "variant_penalty",
    "temperature",
    "region_seat",
    "area_namesake_penalty",
    "min_confidence",
)
RESOLUTION_STEPS = (0.5, 0.75, 1.33, 2.0)
#: A place is mapped only when its best reading is likelier than all others together:
#: the search may raise that bar, never lower it (abstaining beats guessing).
ABSOLUTE_STEPS = {"min_confidence": (0.5, 0.55, 0.6, 0.65)}


@dataclass
class Article:
    gold: GoldArticle
    corpus: str
    doc: object
    fold: int
    positives: frozenset[tuple[int, int]]  # gold spans of places (not demonyms)
    skipped: tuple[tuple[int, int], ...]  # demonym and unplaceable spans
    #: gold marks only some of its places (WikToR: the article's subject), so a
    #: candidate off gold is no evidence of a non-place
    partial: bool = False
    row_weight: float = 1.0  # of each of its training rows
    #: False for a training-only corpus's article: trained on, never counted in a score
    scored: bool = True


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", default=list(DEFAULT_CORPORA))
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--limit", type=int, default=0, help="at most this many dev articles per corpus")
    parser.add_argument(
        "--leave-out",
        action="append",
        default=[],
        metavar="CORPUS",
        help="train (and choose thresholds) without this corpus (its file's stem, e.g. lgl), to score its dev"
        " half as news the model has not seen",
    )
    parser.add_argument(
        "--partial-limit",
        type=int,
        default=PARTIAL_ARTICLES,
        help="at most this many dev articles of a partially annotated corpus (0: all; the rest of its dev"
        f" half stays unseen, to measure on; default {PARTIAL_ARTICLES})",
    )
    parser.add_argument(
        "--doubt-only",
        action="store_true",
        help="refit only the learned abstention of the model file -o, keeping the rest of it",
    )
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep parsed documents in between runs")
    parser.add_argument(
        "--C",
        type=float,
        action="append",
        dest="c_grid",
        help="regularisation value(s) to try instead of the default grid",
    )
    parser.add_argument(
        "--fit-resolution",
        action="store_true",
        help="search the resolver's evidence weights (by default they stay hand-set:"
        " the fit on news dev halves cost WikToR's dev half 5 points end to end)",
    )
    parser.add_argument(
        "--partial-weight",
        type=float,
        default=PARTIAL_ROW_WEIGHT,
        help=f"weight of a training row from a partially annotated corpus (default {PARTIAL_ROW_WEIGHT})",
    )
    parser.add_argument(
        "--recogniser",
        type=Path,
        default=None,
        help="keep the recogniser of this model file (one trained on the same data) and fit only the resolution",
    )
    parser.add_argument("--no-reading", action="store_true", help="fit no learned reading of namesakes")
    parser.add_argument(
        "--recogniser-only",
        action="store_true",
        help="fit only the recogniser and keep the resolution of the output file as it is (its weights were"
        " chosen with the recogniser it has; refit them with a plain run)",
    )
    parser.add_argument(
        "--reading-l2",
        type=float,
        action="append",
        help="L2 penalty (or penalties) of the learned reading to try instead of the default grid",
    )
    add_training_only_options(parser)
    parser.add_argument(
        "--training-only-weight",
        type=float,
        default=TRAINING_ONLY_ROW_WEIGHT,
        help="weight of a training row from a training-only corpus, in the recogniser and the learned reading"
        f" (default {TRAINING_ONLY_ROW_WEIGHT})",
    )
    args = parser.parse_args(argv)

    from gazetteer.database import open_gazetteer
    from geo.parse.nlp import load_nlp

    started = time.time()
    corpora = [path for path in training_corpora(args.corpora, args.leave_out) if _exists_or_note(path)]
    training_only = training_only_paths(args, REPO)
    gold = [
        (path.stem, a)
        for path in corpora
        for a in _dev_half(path, args.limit if geotagging_applies(path.stem) else args.partial_limit or args.limit)
    ]
    unscored = {training_only_name(path) for path in training_only}
    gold += [(training_only_name(path), a) for path in training_only for a in _whole(path, args.limit)]
    digest = training_digest(gold)
    print(
        f"{len(gold)} articles: the dev halves of {', '.join(p.stem for p in corpora)}"
        f"{''.join(f', all of {name}' for name in sorted(unscored))}; data sha256 {digest[:16]}..."
    )
    nlp = load_nlp()
    names = open_gazetteer()
    docs = _parsed_by_corpus(nlp, gold, args.cache)
    articles = [
        _article(
            corpus,
            a,
            doc,
            names,
            args.partial_weight,
            scored=corpus not in unscored,
            training_only_weight=args.training_only_weight,
        )
        for (corpus, a), doc in zip(gold, docs)
    ]
    print(f"parsed in {time.time() - started:.0f} s")

    if args.recogniser is None:
        c, first, second, threshold, report = train_recogniser(articles, names, tuple(args.c_grid or C_GRID))
    else:
        c, first, second, threshold, report = _kept_recogniser(args.recogniser, digest)
    print(f"recogniser: C={c}, threshold {threshold}, out-of-fold {report}")
    print(f"recogniser sha256 {recogniser_digest(first, second, threshold)[:16]}...")
    trained_on = {
        "articles": _articles_by_corpus(gold),
        "training_only": corpus_records(training_only),
        "training_only_weight": args.training_only_weight,
    }
    if args.recogniser_only:
        return _write_recogniser_only(args.output, c, first, second, threshold, report, digest, started, trained_on)
    if args.doubt_only:
        return _refit_doubt(args.output, articles, names, started)
    resolution = fit_resolution(articles, names) if args.fit_resolution else _default_resolution()
    threshold, same_name = threshold
    recogniser = GeoparserModel(
        first, second, threshold=threshold, first_pass_threshold=FIRST_PASS_THRESHOLD, same_name_threshold=same_name
    )
    reading, reading_report = (
        ({}, {"skipped": True})
        if args.no_reading
        else fit_reading(articles, names, resolution, recogniser, args.reading_l2)
    )
    found = found_places(articles, names, recogniser)
    resolution = choose_abstention(found, names, resolution, reading)
    resolution = fit_doubt(found, names, resolution, reading)
    resolution = choose_demonym(found, names, resolution, reading)
    resolution = choose_story_rules(found, names, resolution, reading)
    resolution = choose_by_gain(
        found,
        names,
        resolution,
        reading,
        {"alternate_name": ALTERNATE_NAME_STEPS, "actor_capital": ACTOR_CAPITAL_STEPS},
    )
    print(f"resolution weights: {resolution}")
    model = GeoparserModel(
        first=first,
        second=second,
        threshold=threshold,
        first_pass_threshold=FIRST_PASS_THRESHOLD,
        same_name_threshold=same_name,
        resolution=resolution,
        reading=reading,
        training={
            "data_sha256": digest,
            "articles": trained_on["articles"],
            "split": "dev (SHA-1 parity of the article id, geo.eval.evaluate.split_of); training-only corpora whole",
            "training_only": trained_on["training_only"],
            "settings": {
                "C": c,
                "folds": FOLDS,
                "first_pass_threshold": FIRST_PASS_THRESHOLD,
                "min_weight": MIN_WEIGHT,
                "min_feature_articles": MIN_FEATURE_ARTICLES,
                "solver": "liblinear, L2",
                "seed": SEED,
                "limit": args.limit,
                "partial_weight": args.partial_weight,
                "partial_limit": args.partial_limit,
                "training_only_weight": trained_on["training_only_weight"],
            },
            "out_of_fold": report,
            "reading": reading_report,
        },
    )
    _write(args.output, model_to_json(model), started)
    return 0


def _articles_by_corpus(gold: Sequence[tuple[str, GoldArticle]]) -> dict[str, int]:
    return {name: sum(1 for cn, _ in gold if cn == name) for name in sorted({cn for cn, _ in gold})}


def training_corpora(paths: Sequence[str], leave_out: Sequence[str]) -> list[Path]:
    """The corpus files to train on: those given, but for the corpora left out (named by
    their file's stem, as the scores name them)."""
    return [Path(p) for p in paths if Path(p).stem not in leave_out]


def _write(output: Path, record: dict, started: float) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(record, indent=0, sort_keys=True) + "\n"
    tmp = output.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(output)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    print(
        f"wrote {output} ({output.stat().st_size / 1e6:.2f} MB, sha256 {digest[:16]}...) in {time.time() - started:.0f} s"
    )


#: The keys of the model file that the recogniser's fit writes; the rest (the resolver's)
#: a recogniser-only fit keeps.
RECOGNISER_KEYS = ("first", "second", "threshold", "same_name_threshold", "first_pass_threshold")


def _write_recogniser_only(
    output: Path,
    c: float,
    first: LinearModel,
    second: LinearModel,
    threshold,
    report: dict,
    digest: str,
    started: float,
    trained_on: Mapping[str, object],
) -> int:
    """Replace the recogniser of the model file ``output`` and keep the rest of it; the
    training record names the articles and training-only corpora the new recogniser learned
    from (``trained_on``: ``articles``, ``training_only``, ``training_only_weight``)."""
    try:
        record = json.loads(output.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise SystemExit(f"--recogniser-only needs a model file to keep the resolution of: {err}") from err
    threshold, same_name = threshold
    fitted = model_to_json(
        GeoparserModel(
            first, second, threshold=threshold, first_pass_threshold=FIRST_PASS_THRESHOLD, same_name_threshold=same_name
        )
    )
    record.update({key: fitted[key] for key in RECOGNISER_KEYS})
    training = record.setdefault("training", {})
    training["data_sha256"] = digest
    training["articles"] = trained_on["articles"]
    training["training_only"] = trained_on["training_only"]
    training.setdefault("settings", {}).update(C=c, seed=SEED, training_only_weight=trained_on["training_only_weight"])
    training["out_of_fold"] = report
    _write(output, record, started)
    return 0


def _refit_doubt(output: Path, articles: Sequence[Article], names, started: float) -> int:
    """Refit the learned abstention (``fit_doubt``) of the model file ``output`` on the
    readings its own recogniser, evidence weights and learned reading give, and keep the
    rest of it: the other resolution weights were chosen with the abstention in place."""
    from geo.parse.placemodel import model_from_json

    record = json.loads(output.read_text(encoding="utf-8"))
    kept = model_from_json(record)
    resolution = {k: v for k, v in record["resolution"].items() if not k.startswith("doubt_")}
    doubt = {k: v for k, v in record["resolution"].items() if k.startswith("doubt_")}
    reading = dict(record.get("reading", {}))
    fitted = fit_doubt(found_places(articles, names, kept), names, resolution, reading, doubt)
    record["resolution"] = {**record["resolution"], **{k: v for k, v in fitted.items() if k.startswith("doubt_")}}
    print(f"doubt weights: { {k: v for k, v in fitted.items() if k.startswith('doubt_')} }")
    _write(output, record, started)
    return 0


def recogniser_digest(first: LinearModel, second: LinearModel, threshold) -> str:
    """SHA-256 of the recogniser's weights and thresholds: equal on every re-run of the same data."""
    record = {
        "first": [first.intercept, sorted(first.weights.items())],
        "second": [second.intercept, sorted(second.weights.items())],
        "threshold": list(threshold),
    }
    return hashlib.sha256(json.dumps(record).encode("utf-8")).hexdigest()


def _kept_recogniser(path: Path, digest: str):
    """(C, first, second, (threshold, same-name threshold), report) of a model file trained on the same data."""
    from geo.parse.placemodel import model_from_json

    kept = model_from_json(json.loads(path.read_text(encoding="utf-8")))
    if kept.training.get("data_sha256") != digest:
        raise SystemExit(f"{path} was trained on other data than these corpora")
    settings = kept.training.get("settings", {})
    threshold = (kept.threshold, kept.same_name_threshold)
    return settings.get("C"), kept.first, kept.second, threshold, kept.training.get("out_of_fold", {})


def _exists_or_note(path: Path) -> bool:
    if path.exists():
        return True
    print(f"note: {path} not found, skipped", file=sys.stderr)
    return False


def _dev_half(path: Path, limit: int) -> list[GoldArticle]:
    chosen = [a for a in iter_corpus(path) if split_of(a.id) == "dev"]
    return chosen[:limit] if limit else chosen


def _whole(path: Path, limit: int) -> list[GoldArticle]:
    chosen = list(iter_corpus(path))
    return chosen[:limit] if limit else chosen


def training_only_name(path: Path) -> str:
    """A training-only corpus's name in the reports and the model file: apart from any
    evaluation corpus's (its file may share a stem with one)."""
    return f"{path.stem}-training-only"


def _parsed_by_corpus(nlp, gold: Sequence[tuple[str, GoldArticle]], cache: Path | None) -> list:
    """The parsed document of each article of ``gold``, in its order, each corpus kept in the
    cache apart (adding a corpus parses that corpus alone)."""
    docs: dict[int, object] = {}
    for corpus in dict.fromkeys(name for name, _ in gold):
        indices = [i for i, (name, _) in enumerate(gold) if name == corpus]
        part = [gold[i] for i in indices]
        docs.update(zip(indices, _parsed(nlp, [a.text for _, a in part], cache, training_digest(part))))
    return [docs[i] for i in range(len(gold))]


def training_digest(gold: Sequence[tuple[str, GoldArticle]]) -> str:
    """SHA-256 of the training articles (ids, texts and gold), in a fixed order."""
    h = hashlib.sha256()
    for corpus, a in sorted(gold, key=lambda item: (item[0], item[1].id)):
        record = {
            "corpus": corpus,
            "id": a.id,
            "text": a.text,
            "toponyms": [[t.start, t.end, t.lat, t.lon] for t in a.toponyms],
            "ignore": [[s.start, s.end] for s in a.ignore],
        }
        h.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _parsed(nlp, texts: Sequence[str], cache: Path | None, digest: str) -> list:
    from spacy.tokens import DocBin

    if cache is not None:
        path = cache / f"docs-{digest[:16]}.spacy"
        if path.exists():
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(path)
    return docs


def _article(
    corpus: str,
    a: GoldArticle,
    doc,
    names,
    partial_weight: float = PARTIAL_ROW_WEIGHT,
    *,
    scored: bool = True,
    training_only_weight: float = TRAINING_ONLY_ROW_WEIGHT,
) -> Article:
    """A training article: its gold places' spans, the spans left out of training, its fold,
    and the weight of its rows (a partially annotated corpus's, a training-only corpus's)."""
    positives, skipped = set(), []
    for t in a.toponyms:
        if is_demonym_only(t.name, names):
            skipped.append((t.start, t.end))
        else:
            positives.add((t.start, t.end))
    skipped.extend((s.start, s.end) for s in a.ignore)
    fold = int(hashlib.sha1(a.id.encode("utf-8")).hexdigest(), 16) // 2 % FOLDS
    partial = not geotagging_applies(corpus)
    if partial:
        weight = partial_weight
    else:
        weight = 1.0 if scored else training_only_weight
    return Article(a, corpus, doc, fold, frozenset(positives), tuple(skipped), partial, weight, scored)


def label_of(start: int, end: int, article: Article) -> int | None:
    """1 a gold place's span, 0 no gold at all, None left out of training."""
    if (start, end) in article.positives:
        return 1
    if article.partial:
        return None
    if any(start < e and s < end for s, e in article.skipped):
        return None
    if any(start < e and s < end for s, e in article.positives):
        return None
    return 0


# ---------------------------------------------------------------------------
# recognition


def _fit(
    rows: Sequence[dict[str, float]],
    labels: Sequence[int],
    groups: Sequence[str],
    sample_weights: Sequence[float],
    c: float,
) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen_in: dict[str, set[str]] = {}
    for row, group in zip(rows, groups):
        for name in row:
            seen_in.setdefault(name, set()).add(group)
    rows = [{k: v for k, v in row.items() if len(seen_in[k]) >= MIN_FEATURE_ARTICLES} for row in rows]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows).tocsr()
    # liblinear takes 32-bit sparse indices only.
    x.indices = x.indices.astype("int32")
    x.indptr = x.indptr.astype("int32")
    fitted = LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=SEED).fit(
        x, labels, sample_weight=sample_weights
    )
    weights = {
        name: round(float(w), 4)
        for name, w in zip(vectorizer.get_feature_names_out(), fitted.coef_[0])
        if abs(w) >= MIN_WEIGHT
    }
    return LinearModel(weights, round(float(fitted.intercept_[0]), 4))


def _scored(articles: Sequence[Article], names, models: dict[int, GeoparserModel]) -> list[list[ScoredCandidate]]:
    return [score_candidates(a.doc, names, models[a.fold]) for a in articles]


def _training_rows(articles: Sequence[Article], scored: Sequence[Sequence[ScoredCandidate]], *, second: bool):
    rows, labels, groups, sample_weights = [], [], [], []
    for article, items in zip(articles, scored):
        for item in items:
            label = label_of(item.candidate.start, item.candidate.end, article)
            if label is None:
                continue
            rows.append(item.features if second else _first_only(item.features))
            labels.append(label)
            groups.append(article.gold.id)
            sample_weights.append(article.row_weight)
    return rows, labels, groups, sample_weights


def _first_only(f: dict[str, float]) -> dict[str, float]:
    return {k: v for k, v in f.items() if not k.startswith("elsewhere_first_pass")}


ZERO = LinearModel({}, 0.0)


def train_recogniser(articles: Sequence[Article], names, c_grid: Sequence[float] = C_GRID):
    # Stage 0: the first pass's features, from a model that knows nothing yet (every
    # candidate scores 0.5, so misspellings of every candidate are proposed too).
    blank = {k: GeoparserModel(ZERO, ZERO) for k in range(FOLDS)}
    scored0 = _scored(articles, names, blank)
    best = None
    for c in c_grid:
        firsts = {}
        for k in range(FOLDS):
            train = [(a, s) for a, s in zip(articles, scored0) if a.fold != k]
            firsts[k] = _fit(*_training_rows([a for a, _ in train], [s for _, s in train], second=False), c)
        models = {k: GeoparserModel(firsts[k], ZERO, first_pass_threshold=FIRST_PASS_THRESHOLD) for k in firsts}
        scored1 = _scored(articles, names, models)
        seconds = {}
        for k in range(FOLDS):
            train = [(a, s) for a, s in zip(articles, scored1) if a.fold != k]
            seconds[k] = _fit(*_training_rows([a for a, _ in train], [s for _, s in train], second=True), c)
        models = {k: GeoparserModel(firsts[k], seconds[k], first_pass_threshold=FIRST_PASS_THRESHOLD) for k in firsts}
        scored2 = _scored(articles, names, models)
        threshold, same, report = _best_threshold(articles, scored2, names)
        print(f"  C={c}: threshold {threshold}, same name {same}: {report}")
        if best is None or report["f1"] > best[2]["f1"]:
            best = (c, (threshold, same), report, scored1)
    c, threshold, report, scored1 = best
    first = _fit(*_training_rows(articles, scored0, second=False), c)
    second = _fit(*_training_rows(articles, scored1, second=True), c)
    return c, first, second, threshold, report


def _best_threshold(articles: Sequence[Article], scored: Sequence[Sequence[ScoredCandidate]], names):
    """(threshold, same-name threshold, report) with the best out-of-fold F1."""
    best = None
    for threshold in THRESHOLDS:
        report = _span_scores(articles, scored, names, threshold)
        if best is None or report["f1"] > best[2]["f1"]:
            best = (threshold, threshold, report)
    threshold = best[0]
    for same in SAME_NAME_THRESHOLDS:
        if same < threshold:
            report = _span_scores(articles, scored, names, threshold, same)
            if report["f1"] > best[2]["f1"]:
                best = (threshold, same, report)
    return best


def _span_scores(articles, scored, names, threshold: float, same_name: float | None = None) -> dict:
    """Exact-span precision, recall and F1 against gold places (demonyms left out), by corpus too.

    The pooled figures ("all", which choose the thresholds) are those of the fully
    annotated corpora: a partially annotated one cannot say what is not a place, and
    its recall alone would always ask for a lower threshold; its recall is reported."""
    # key -> [hits counted for precision, predicted, hits, gold]
    totals: dict[str, list[int]] = {}
    for article, items in zip(articles, scored):
        if not article.scored:
            continue
        chosen = {(c.start, c.end) for c in select(items, threshold, names, same_name)}
        counted = {
            span
            for span in chosen
            if span in article.positives or not any(span[0] < e and s < span[1] for s, e in article.skipped)
        }
        hits = len(counted & article.positives)
        for key in (article.corpus,) if article.partial else ("all", article.corpus):
            t = totals.setdefault(key, [0, 0, 0, 0])
            if not article.partial:
                t[0] += hits
                t[1] += len(counted)
            t[2] += hits
            t[3] += len(article.positives)
    report = {}
    for key, (precise_hits, predicted, hits, gold) in totals.items():
        p = precise_hits / predicted if predicted else None
        r = hits / gold if gold else 0.0
        scores = {"recall": round(r, 4)}
        if p is not None:
            f = 2 * p * r / (p + r) if p + r else 0.0
            scores.update(precision=round(p, 4), f1=round(f, 4))
        if key == "all":
            report.update(scores)
        else:
            report[key] = scores
    return report


# ---------------------------------------------------------------------------
# resolution


def _gold_mentions(article: Article) -> tuple[list[Mention], dict[tuple[int, int], tuple[float, float]]]:
    sentence_of = {}
    for number, sent in enumerate(article.doc.sents):
        sentence_of[number] = (sent.start_char, sent.end_char)
    mentions, where = [], {}
    for t in article.gold.toponyms:
        if (t.start, t.end) not in article.positives:
            continue
        sentence = next((n for n, (s, e) in sentence_of.items() if s <= t.start < e), 0)
        mentions.append(Mention(t.start, t.end, t.name, "GOLD", sentence))
        where[(t.start, t.end)] = (t.lat, t.lon)
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions, where


def resolution_scores(weights, cases, names) -> tuple[float, float]:
    """(share of gold places resolved within 161 km, share of the resolved ones within
    161 km): acc@161 x recall, and acc@161 alone."""

    good = placed_count = total = 0
    for text, mentions, where, demonyms in cases:
        placed = {
            (p.mention.start, p.mention.end): p.entry
            for p in resolve(text, mentions, names, demonym_countries=demonyms, weights=weights)
        }
        for key, (lat, lon) in where.items():
            total += 1
            entry = placed.get(key)
            if entry is None:
                continue
            placed_count += 1
            if great_circle_km(lat, lon, entry.lat, entry.lon) <= 161.0:
                good += 1
    return (good / total if total else 0.0), (good / placed_count if placed_count else 0.0)


def fit_resolution(articles: Sequence[Article], names) -> dict[str, float]:
    """Coordinate search maximising acc@161 x recall on gold spans, never letting
    acc@161 fall below where the hand-set weights had it (a place mapped wrongly
    misleads more than one left unmapped)."""
    from geo.parse.resolve import DEFAULT_WEIGHTS

    cases = []
    for a in articles:
        if a.partial:
            continue  # its subject place alone, without the article's other places, reads unlike news
        mentions, where = _gold_mentions(a)
        demonyms = tuple(
            code for ent in a.doc.ents if ent.label_ == "NORP" and (code := names.demonym(ent.text)) is not None
        )
        cases.append((a.gold.text, mentions, where, demonyms))
    weights = DEFAULT_WEIGHTS
    best, floor = resolution_scores(weights, cases, names)
    print(f"  resolution start: within 161 km {best:.4f}, acc@161 {floor:.4f}")
    for _ in range(2):
        improved = False
        for name in RESOLUTION_FIELDS:
            current = getattr(weights, name)
            values = ABSOLUTE_STEPS.get(name) or tuple(current * s for s in RESOLUTION_STEPS)
            for value in values:
                if isinstance(current, int) and not isinstance(current, bool):
                    value = type(current)(round(value))
                trial = replace(weights, **{name: value})
                share, accuracy = resolution_scores(trial, cases, names)
                if share > best + 1e-4 and accuracy >= floor:
                    best, weights, improved = share, trial, True
                    print(f"  {name} = {value:.4g}: within 161 km {best:.4f}, acc@161 {accuracy:.4f}")
        if not improved:
            break
    return {f.name: round(float(getattr(weights, f.name)), 4) for f in fields(weights) if f.name != "reading"}


#: L2 penalties tried for the learned reading of namesakes.
READING_L2_GRID = (1.0, 3.0, 10.0, 30.0)
#: A gold place's reading is right when its point lies this close; an area's (a country, a
#: river) farther, as the point that stands for an area differs between sources.
READING_RIGHT_KM = 161.0
READING_AREA_RIGHT_KM = 500.0


def _reading_cases(articles: Sequence[Article], names, recogniser: GeoparserModel | None = None):
    """(article, mentions, gold point by span, demonyms' countries) of each article: the
    mentions the recogniser finds (the context the reading will meet), those that are gold
    places with their points; without a recogniser, the gold places by their spans (a
    partially annotated article, whose other places would be missing, is then left out)."""
    from geo.parse.mentions import recognise

    cases = []
    for a in articles:
        gold_mentions, where = _gold_mentions(a)
        if not gold_mentions:
            continue
        if recogniser is None:
            if a.partial:
                continue
            demonyms = demonym_countries(a.doc, names, candidates(a.doc, names))
            cases.append((a, gold_mentions, where, demonyms))
            continue
        found = recognise(a.doc, names, recogniser)
        found_where = {(m.start, m.end): where[(m.start, m.end)] for m in found.mentions if (m.start, m.end) in where}
        if found_where:
            cases.append((a, list(found.mentions), found_where, found.demonym_countries))
    return cases


def _reading_rows(cases, names, weights):
    """One group of rows per gold name with more than one candidate and a right one among
    them, a row per candidate: the hand-weighed score, the learned reading's features, and
    whether it is right (the candidate nearest gold, within ``READING_RIGHT_KM``, and those
    at the same spot)."""
    from geo.parse.resolve import scored_readings

    rows, scores, right, groups = [], [], [], []  # groups: (first row, article id, fold)
    for article, mentions, where, demonyms in cases:
        by_name, table = scored_readings(
            article.gold.text, mentions, names, demonym_countries=demonyms, weights=weights
        )
        gold_of: dict[str, tuple[float, float]] = {}
        for m in mentions:
            if (m.start, m.end) in where:
                gold_of.setdefault(by_name[m], where[(m.start, m.end)])
        for name, scored in table.items():
            if len(scored) < 2 or name not in gold_of:
                continue
            lat, lon = gold_of[name]
            distances = [great_circle_km(lat, lon, r.entry.lat, r.entry.lon) for r in scored]
            nearest = min(range(len(scored)), key=distances.__getitem__)
            limit = READING_AREA_RIGHT_KM if scored[nearest].entry.is_area else READING_RIGHT_KM
            if distances[nearest] > limit:
                continue
            # Readings that mark the same spot as the nearest (a city and the region of its
            # name) are all right.
            groups.append((len(rows), article.gold.id, article.fold, article.row_weight))
            rows.extend(r.features for r in scored)
            scores.extend(r.score for r in scored)
            right.extend(d <= min(limit, distances[nearest] + SAME_SPOT_KM) for d in distances)
    return rows, scores, right, groups


def _reading_model(rows, scores, right, groups, l2: float, temperature: float) -> dict[str, float]:
    """Reading weights in score units: a conditional logit (a softmax over each name's
    candidates, as the resolver's own) of which candidate is right, over the hand-weighed
    score divided by the resolver's temperature plus the learned terms, L2-penalised by
    ``l2``; features seen in fewer than ``MIN_FEATURE_ARTICLES`` articles are left out."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    seen_in: dict[str, set[str]] = {}
    bounds = [g[0] for g in groups] + [len(rows)]
    for (first, article_id, *_), last in zip(groups, bounds[1:]):
        for row in rows[first:last]:
            for name in row:
                seen_in.setdefault(name, set()).add(article_id)
    kept = [{k: v for k, v in row.items() if len(seen_in[k]) >= MIN_FEATURE_ARTICLES} for row in rows]
    # A sparse matrix of the kept features (scipy's own, so the fit needs no training extra).
    names = sorted({name for row in kept for name in row})
    column = {name: i for i, name in enumerate(names)}
    cells = [(i, column[name], value) for i, row in enumerate(kept) for name, value in row.items()]
    x = csr_matrix(
        ([c[2] for c in cells], ([c[0] for c in cells], [c[1] for c in cells])), shape=(len(kept), len(names))
    )
    base = np.asarray(scores) / temperature
    starts = np.asarray([g[0] for g in groups])
    positive = np.asarray(right, dtype=float)
    weight = np.asarray([g[3] for g in groups])  # a partially annotated article's rows weigh less
    group_of = np.repeat(np.arange(len(groups)), np.diff(np.asarray(bounds)))

    def loss(theta):
        s = base + (x @ theta) / temperature
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[group_of])
        z = np.add.reduceat(e, starts)
        z_right = np.add.reduceat(e * positive, starts)
        # -log P(a right reading) = log sum over all - log sum over the right ones
        value = float(np.sum(weight * (np.log(z) - np.log(z_right)))) + l2 * float(theta @ theta)
        g = (e / z[group_of] - e * positive / z_right[group_of]) * weight[group_of]
        return value, (x.T @ g) / temperature + 2 * l2 * theta

    fitted = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return {name: round(float(w), 4) for name, w in zip(names, fitted.x) if abs(w) >= MIN_WEIGHT}


def _subset(rows, scores, right, groups, keep_group):
    out_rows, out_scores, out_right, out_groups = [], [], [], []
    bounds = [g[0] for g in groups] + [len(rows)]
    for (first, article_id, fold, weight), last in zip(groups, bounds[1:]):
        if keep_group(fold):
            out_groups.append((len(out_rows), article_id, fold, weight))
            out_rows.extend(rows[first:last])
            out_scores.extend(scores[first:last])
            out_right.extend(right[first:last])
    return out_rows, out_scores, out_right, out_groups


def _reading_accuracy(cases, names, weights_by_fold) -> dict[str, list[int]]:
    """By corpus: [gold places within 161 km, gold places placed, gold places], each
    article read with the weights of the fold it was left out of."""

    counts: dict[str, list[int]] = {}
    for article, mentions, where, demonyms in cases:
        if not article.scored:
            continue
        weights = weights_by_fold[article.fold]
        placed = {
            (p.mention.start, p.mention.end): p.entry
            for p in resolve(article.gold.text, mentions, names, demonym_countries=demonyms, weights=weights)
        }
        c = counts.setdefault(article.corpus, [0, 0, 0])
        for key, (lat, lon) in where.items():
            c[2] += 1
            entry = placed.get(key)
            if entry is not None:
                c[1] += 1
                c[0] += great_circle_km(lat, lon, entry.lat, entry.lon) <= 161.0
    return counts


def _acc(count: list[int]) -> float:
    return count[0] / count[1] if count[1] else 0.0


def _shares(counts: dict[str, list[int]]) -> dict[str, dict[str, float]]:
    """By corpus: the share of gold places placed within 161 km, and acc@161 of those placed."""
    return {k: {"within_161": round(c[0] / c[2], 4), "acc161": round(_acc(c), 4)} for k, c in counts.items()}


def fit_reading(
    articles: Sequence[Article],
    names,
    resolution: dict[str, float],
    recogniser: GeoparserModel,
    l2_grid: Sequence[float] | None = None,
) -> tuple[dict[str, float], dict]:
    """The learned reading of namesakes (``geo.parse.readingcues``): its strength chosen by
    the out-of-fold share of gold places (given their spans) placed within 161 km, pooled
    over the dev halves; kept only when it beats no learned reading there without any
    corpus placing fewer of its places right."""
    from geo.parse.resolve import weights_from

    base = weights_from(resolution)
    cases = _reading_cases(articles, names, recogniser)
    rows, scores, right, groups = _reading_rows(cases, names, base)
    print(f"  reading: {len(rows)} candidates of {len(groups)} names with namesakes")

    def pooled(counts):
        return sum(c[0] for c in counts.values()) / max(1, sum(c[2] for c in counts.values()))

    without = _reading_accuracy(cases, names, {k: base for k in range(FOLDS)})
    report: dict = {"without": _shares(without), "pooled": pooled(without)}
    print(f"  reading: without {report}")
    best = None
    for l2 in tuple(l2_grid or READING_L2_GRID):
        by_fold = {}
        for k in range(FOLDS):
            learned = _reading_model(*_subset(rows, scores, right, groups, lambda f, k=k: f != k), l2, base.temperature)
            by_fold[k] = weights_from(resolution, learned)
        counts = _reading_accuracy(cases, names, by_fold)
        score = pooled(counts)
        # neither more of a corpus's places wrong nor fewer of them right
        worst = min(
            min(counts[k][0] / counts[k][2] - without[k][0] / without[k][2], _acc(counts[k]) - _acc(without[k]))
            for k in counts
        )
        print(f"  reading L2={l2}: out-of-fold pooled {score:.4f}, worst corpus change {worst:+.4f}, {_shares(counts)}")
        if worst >= -ACCURACY_TOLERANCE and score > report["pooled"] and (best is None or score > best[1]):
            best = (l2, score, _shares(counts))
    report["pooled"] = round(report["pooled"], 4)
    if best is None:
        print("  reading: no strength beats none; no learned reading")
        return {}, {**report, "kept": False}
    weights = _reading_model(rows, scores, right, groups, best[0], base.temperature)
    strongest = sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]
    print(f"  reading: L2={best[0]}, {len(weights)} weights, strongest {strongest}")
    return weights, {
        **report,
        "kept": True,
        "l2": best[0],
        "out_of_fold": best[2],
        "out_of_fold_pooled": round(best[1], 4),
    }


def found_places(articles: Sequence[Article], names, recogniser: GeoparserModel) -> list[tuple[Article, Recognition]]:
    """Each article with the mentions the recogniser finds in it, read once for the rules
    chosen on them (``choose_abstention``, ``fit_doubt``, ``choose_story_rules``)."""
    from geo.parse.mentions import recognise

    return [(a, recognise(a.doc, names, recogniser)) for a in articles]


def places_read(article: Article, recognition: Recognition, names, weights) -> tuple:
    """The places ``resolve`` reads, with ``weights``, from the mentions found in ``article``."""
    return resolve(
        article.gold.text,
        recognition.mentions,
        names,
        **recognition.hints(),
        weights=weights,
    )


#: Abstention thresholds tried, lowest first.
ABSTENTION_STEPS = (0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
#: How far below the hand-set weights' acc@161 a corpus may stay (noise).
ACCURACY_TOLERANCE = 0.002


def choose_abstention(
    found: Sequence[tuple[Article, Recognition]],
    names,
    resolution: dict[str, float],
    reading: dict[str, float] | None = None,
) -> dict[str, float]:
    """The lowest ``min_confidence`` at which, on the mentions the recogniser finds,
    every corpus places its found places within 161 km at least as often as the
    hand-set weights did: finding more places must not make the map less right."""
    from geo.parse.resolve import DEFAULT_WEIGHTS, weights_from

    def accuracy(weights) -> dict[str, tuple[float, float]]:
        counts: dict[str, list[int]] = {}
        for article, recognition in found:
            if not article.scored:
                continue
            placed = {
                (p.mention.start, p.mention.end): p.entry for p in places_read(article, recognition, names, weights)
            }
            c = counts.setdefault(article.corpus, [0, 0, 0])
            for t in article.gold.toponyms:
                c[2] += 1
                entry = placed.get((t.start, t.end))
                if entry is not None:
                    c[1] += 1
                    c[0] += great_circle_km(t.lat, t.lon, entry.lat, entry.lon) <= 161.0
        return {
            k: (good / placed if placed else 0.0, good / total if total else 0.0)
            for k, (good, placed, total) in counts.items()
        }

    floor = accuracy(DEFAULT_WEIGHTS)
    print(f"  hand-set weights (acc@161, end to end): {_rounded(floor)}")
    fitted = weights_from(resolution, reading)
    for threshold in ABSTENTION_STEPS:
        trial = replace(fitted, min_confidence=max(fitted.min_confidence, threshold))
        scores = accuracy(trial)
        print(f"  min_confidence {trial.min_confidence}: {_rounded(scores)}")
        if all(scores[k][0] >= floor[k][0] - ACCURACY_TOLERANCE for k in floor):
            return {**resolution, "min_confidence": trial.min_confidence}
    return {**resolution, "min_confidence": ABSTENTION_STEPS[-1]}


#: The fold of an abstention row that trains in every fold and is never held out (a
#: training-only corpus's).
ALWAYS_TRAINED = -1
#: Inverse regularisation strengths tried for the learned abstention.
DOUBT_C_GRID = (1.0, 10.0, 100.0)
#: What dropping a right reading costs, against 1 for keeping a wrong one: a name left
#: unmapped loses a true event, so a reading is dropped only when it is this many times
#: likelier wrong than right.
RIGHT_DROPPED_COST = 2.0


def fit_doubt(
    found: Sequence[tuple[Article, Recognition]],
    names,
    resolution: dict[str, float],
    reading: dict[str, float] | None = None,
    kept: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """The learned abstention for towns' readings (``geo.parse.resolve.doubted``): a
    logistic model of "placed within 161 km of gold" over the readings the recogniser's
    mentions get, its strength chosen by the out-of-fold count of wrong readings dropped
    less right ones dropped. With ``kept`` (an abstention's ``doubt_`` weights), that
    abstention's log-odds stay one feature, rescaled, and only the features it does not
    weigh are fitted beside it."""
    from sklearn.linear_model import LogisticRegression

    from geo.parse.resolve import DOUBT_FEATURES, doubt_features, readings, weights_from

    # Readings are taken before any doubt: the model must see them all.
    weights = weights_from({k: v for k, v in resolution.items() if not k.startswith("doubt_")}, reading)
    rows, labels, folds = [], [], []
    corpora: list[str | None] = []
    for article, recognition in found:
        if article.partial:
            continue  # its readings of places other than the subject cannot be checked
        by_name, choice = readings(
            article.gold.text,
            recognition.mentions,
            names,
            **recognition.hints(),
            weights=weights,
        )
        gold = {(t.start, t.end): t for t in article.gold.toponyms}
        for mention in recognition.mentions:
            chosen = choice.get(by_name[mention])
            t = gold.get((mention.start, mention.end))
            if chosen is None or t is None or chosen.confidence <= weights.min_confidence:
                continue
            f = doubt_features(chosen)
            if f is None:
                continue
            rows.append([f[k] for k in DOUBT_FEATURES])
            labels.append(int(great_circle_km(t.lat, t.lon, chosen.entry.lat, chosen.entry.lon) <= 161.0))
            folds.append(article.fold if article.scored else ALWAYS_TRAINED)
            corpora.append(article.corpus if article.scored else None)
    print(f"  doubt: {len(rows)} readings of towns, {len(rows) - sum(labels)} of them wrong")
    if len(set(labels)) < 2:
        return resolution
    features = list(DOUBT_FEATURES)
    if kept:
        new = [k for k in DOUBT_FEATURES if f"doubt_{k}" not in kept]
        rows = [
            [kept["doubt_bias"] + sum(kept.get(f"doubt_{k}", 0.0) * v for k, v in zip(DOUBT_FEATURES, r))]
            + [v for k, v in zip(DOUBT_FEATURES, r) if k in new]
            for r in rows
        ]
        features = ["kept", *new]
    best = None
    for c in DOUBT_C_GRID:
        gained, wrong_dropped, right_dropped = _doubt_out_of_fold(rows, labels, folds, c)
        print(f"  doubt C={c}: out-of-fold {wrong_dropped} wrong and {right_dropped} right readings dropped")
        if best is None or gained > best[1]:
            best = (c, gained)
    # The same count with the kept abstention alone: what the new features add to it.
    alone = [r[:1] for r in rows]
    for c in DOUBT_C_GRID if kept else ():
        _, wrong_dropped, right_dropped = _doubt_out_of_fold(alone, labels, folds, c)
        print(f"  doubt C={c}, the kept abstention alone: {wrong_dropped} wrong and {right_dropped} right dropped")
    if best is None or best[1] <= 0:
        return resolution
    _doubt_by_corpus_left_out(rows, labels, corpora, best[0])
    if kept:
        _doubt_by_corpus_left_out(alone, labels, corpora, best[0], "the kept abstention alone")
    model = LogisticRegression(C=best[0]).fit(rows, labels)
    fitted = dict(zip(features, (float(w) for w in model.coef_[0])))
    # z < 0 where P(right) < 1 / (1 + cost)
    bias = float(model.intercept_[0]) + math.log(RIGHT_DROPPED_COST)
    if kept:
        scale = fitted.pop("kept")
        bias += scale * kept["doubt_bias"]
        fitted.update({k: scale * kept[f"doubt_{k}"] for k in DOUBT_FEATURES if f"doubt_{k}" in kept})
        print(f"  doubt: the kept abstention's log-odds weigh {scale:.3f}")
    return {
        **resolution,
        "doubt_bias": round(bias, 4),
        **{f"doubt_{k}": round(v, 4) for k, v in fitted.items()},
    }


def _doubt_out_of_fold(
    rows: list[list[float]], labels: list[int], folds: list[int], c: float
) -> tuple[float, int, int]:
    """(gain, wrong readings dropped, right ones dropped) of the abstention fitted with
    strength ``c``, out of fold: +1 a wrong reading dropped, -RIGHT_DROPPED_COST a right one."""
    gained = 0.0
    wrong_dropped = right_dropped = 0
    for k in range(FOLDS):
        train = [i for i, f in enumerate(folds) if f != k]
        test = [i for i, f in enumerate(folds) if f == k]
        if not test or len({labels[i] for i in train}) < 2:
            continue
        dropped = _doubt_dropped(rows, labels, train, test, c)
        gained += sum(1 - (1 + RIGHT_DROPPED_COST) * labels[i] for i in dropped)
        wrong_dropped += sum(1 - labels[i] for i in dropped)
        right_dropped += sum(labels[i] for i in dropped)
    return gained, wrong_dropped, right_dropped


def _doubt_dropped(
    rows: list[list[float]], labels: list[int], train: list[int], test: list[int], c: float
) -> list[int]:
    """The rows of ``test`` an abstention fitted on the rows of ``train`` drops: those it
    finds ``RIGHT_DROPPED_COST`` times likelier wrong than right."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c).fit([rows[i] for i in train], [labels[i] for i in train])
    bar = 1.0 / (1.0 + RIGHT_DROPPED_COST)
    return [i for i, p in zip(test, model.predict_proba([rows[i] for i in test])[:, 1]) if p < bar]


def _doubt_by_corpus_left_out(
    rows: list[list[float]], labels: list[int], corpora: list[str | None], c: float, note: str = ""
) -> None:
    """Print, for each corpus, the wrong and right readings an abstention fitted on the
    other corpora drops on it: the check that what it learned carries to news it has not
    seen (a training-only corpus's rows, ``None``, are never left out)."""
    for corpus in sorted({k for k in corpora if k is not None}):
        train = [i for i, k in enumerate(corpora) if k != corpus]
        test = [i for i, k in enumerate(corpora) if k == corpus]
        if len({labels[i] for i in train}) < 2:
            continue
        dropped = _doubt_dropped(rows, labels, train, test, c)
        wrong = sum(1 - labels[i] for i in dropped)
        print(
            f"  doubt, {corpus} left out{note and ', ' + note}: {wrong} wrong and {len(dropped) - wrong} right dropped"
        )


#: Values tried for the list rule (``Weights.listed_country``) and the one-city rule
#: (``Weights.lone_population``; 0 turns either off).
LISTED_COUNTRY_STEPS = (0.0, 0.5, 1.0, 2.0, 3.0)
LONE_POPULATION_STEPS = (0.0, 20_000.0, 50_000.0, 100_000.0)


def choose_story_rules(
    found: Sequence[tuple[Article, Recognition]],
    names,
    resolution: dict[str, float],
    reading: dict[str, float] | None = None,
) -> dict[str, float]:
    """The weights of two rules read off the whole story (``geo.parse.listing``, and
    ``geo.parse.resolve._far_from_the_story``), each chosen by ``choose_by_gain``."""
    return choose_by_gain(
        found,
        names,
        resolution,
        reading,
        {"listed_country": LISTED_COUNTRY_STEPS, "lone_population": LONE_POPULATION_STEPS},
    )


#: Values tried for what an alternate name's match costs beside a capital of that very
#: name (``Weights.alternate_name``; 0: nothing).
ALTERNATE_NAME_STEPS = (0.0, 0.2, 0.5, 1.0, 2.0)
#: Values tried for what a national capital gains by the share of its name's mentions that
#: name a government ("Washington said"; ``Weights.actor_capital``; 0: nothing).
ACTOR_CAPITAL_STEPS = (0.0, 0.25, 0.5, 1.0, 2.0)


#: Values tried for a demonym's vote for its country (``Weights.demonym``; 0: none).
DEMONYM_STEPS = (0.0, 0.25, 0.5, 1.0, 1.5, 2.0)
#: ... and how surely one that qualifies a name puts it there (``Weights.demonym_container``).
DEMONYM_CONTAINER_STEPS = (0.0, 0.25, 0.5, 1.0)


def choose_demonym(
    found: Sequence[tuple[Article, Recognition]],
    names,
    resolution: dict[str, float],
    reading: dict[str, float] | None = None,
) -> dict[str, float]:
    """A demonym's vote for its country ("Syrian forces" for Syria), then how surely a
    demonym that qualifies a name ("the Malian town of X") puts it there, each chosen by
    ``choose_by_gain`` with the abstention fitted (refitting the abstention on the readings
    they give cost WikToR's dev half acc@161)."""
    return choose_by_gain(
        found, names, resolution, reading, {"demonym": DEMONYM_STEPS, "demonym_container": DEMONYM_CONTAINER_STEPS}
    )


def choose_by_gain(
    found: Sequence[tuple[Article, Recognition]],
    names,
    resolution: dict[str, float],
    reading: dict[str, float] | None,
    steps_by_key: Mapping[str, Sequence[float]],
) -> dict[str, float]:
    """Each weight of ``steps_by_key`` (in turn, the ones before it kept) the value of its
    steps with the largest pooled gain over its first step (off) on the fully annotated dev
    halves' found places: a wrong reading mended or left unmapped +1, a right one lost
    ``RIGHT_DROPPED_COST``; the smallest value on a tie, the first step when none gains.
    A reading is right within 161 km of gold, an area's within ``READING_AREA_RIGHT_KM`` (its
    point stands for the whole), a country's also when the gold point lies in it."""
    from geo.parse.resolve import weights_from

    found = [(a, recognition) for a, recognition in found if not a.partial]

    def readings(values: dict[str, float]) -> dict[tuple[str, int, int], bool]:
        weights = weights_from(values, reading)
        right = {}
        for article, recognition in found:
            gold = {(t.start, t.end): t for t in article.gold.toponyms}
            for p in places_read(article, recognition, names, weights):
                t = gold.get((p.mention.start, p.mention.end))
                if t is not None:
                    km = great_circle_km(t.lat, t.lon, p.entry.lat, p.entry.lon)
                    limit = READING_AREA_RIGHT_KM if p.entry.is_area else READING_RIGHT_KM
                    right[(article.gold.id, t.start, t.end)] = km <= limit or _country_holds(p.entry, t.lat, t.lon)
        return right

    def gain(before: dict, after: dict) -> float:
        # a wrong reading made right or left unmapped; a right one made wrong or left unmapped
        mended = sum(1 for k, ok in before.items() if not ok and after.get(k, True))
        lost = sum(1 for k, ok in before.items() if ok and not after.get(k, False))
        gained = sum(1 for k, ok in after.items() if ok and k not in before)
        return mended + gained - RIGHT_DROPPED_COST * lost

    @functools.cache
    def country_at(lat: float, lon: float) -> str:
        town = names.reverse(lat, lon)
        return town.country_code if town is not None else ""

    def _country_holds(entry, lat: float, lon: float) -> bool:
        return entry.is_country and country_at(lat, lon) == entry.country_code

    chosen = dict(resolution)
    for key, steps in steps_by_key.items():
        before = readings({**chosen, key: steps[0]})
        best, best_gain = steps[0], 0.0
        for value in steps[1:]:
            g = gain(before, readings({**chosen, key: value}))
            print(f"  {key} {value:g}: gain {g:+.0f}")
            if g > best_gain:
                best, best_gain = value, g
        chosen[key] = best
    return chosen


def _rounded(scores: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    return {k: (round(a, 4), round(b, 4)) for k, (a, b) in sorted(scores.items())}


def _default_resolution() -> dict[str, float]:
    from geo.parse.resolve import DEFAULT_WEIGHTS

    return {f.name: float(getattr(DEFAULT_WEIGHTS, f.name)) for f in fields(DEFAULT_WEIGHTS) if f.name != "reading"}


if __name__ == "__main__":
    sys.exit(main())
