"""Train the choice of an event's day (geo/parse/datechoice.py) on the dev half of annotated war reports.

    python3 scripts/train_event_dates.py [CORPUS.jsonl ...] [-o geo/parse/models/event_dates.json]

Each gold toponym that carries both ``event_type`` and ``event_date`` is one example: the
place in its sentence (spaCy's sentences and parse, as the pipeline sees them), read in the
article's date context (``geo.parse.dates.date_contexts``), gives its date options
(``geo.parse.datechoice.date_options``); an option is right when its day starts with the
gold date (a gold month accepts any day in it, as ``conflictmap eval`` scores). A place dated
after its report's publication (a scheduled event: "talks will open in X on Monday") is no
example, in any corpus: the evaluation corpora give such a place no date, the convention the
model is scored by (``is_after_publication``). A logistic
regression scores options one by one. How often the best-scored option is right is measured
on held-out data two ways, 5-fold cross-validation grouped by article and grouped by conflict
(whole wars left out: the honest estimate for reports of a war the model never saw); the
regularisation and the weighting of examples (each pair of options alike, or each place
alike) are chosen by the folds of conflicts, the by-article figure breaking a tie. Only the dev half (the parity of the id's SHA-1, as
``conflictmap eval --split`` uses) is read. The model is written only when its accuracy on
left-out conflicts beats the rules' (``--force`` writes it anyway), as JSON with the SHA-256
of the training data.

    python3 scripts/train_event_dates.py --leave-war-out [--examples FILE]

fits the model (the shipped one's setting) on every conflict but one and scores that one, in
turn, beside the rules alone, then lists the places it dates wrong and counts them by kind:
the source of the day taken against that of the right one (the place's own phrase, a phrase
of another clause, a background phrase over a month before publication, the dateline's day,
the story's day, the last stated day, the publication day or the day before), or a month
taken for a day.

A training-only corpus (``geo.eval.trainingonly``: ``data/train/warnews.jsonl`` by default when
it exists, ``--training-only FILE``, none with ``--no-training-only``) trains whole: its places
join the training side of every fold (by article and by conflict; a conflict of the same name
as a held-out one sits that fold out) and of every conflict left out, and are never held out
or scored, so the held-out accuracies and the rules' figures stay those of the dev halves. The
model file names it, with its SHA-256, under ``about.training_only``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from geo.cli.trainingoptions import add_training_only_options, training_only_paths  # noqa: E402
from geo.eval.trainingonly import (  # noqa: E402
    corpus_records,
    folds_beside_training_only,
    read_articles,
    training_only_articles,
)

DEFAULT_CORPORA = (REPO / "data" / "eval" / "warnews.jsonl", REPO / "data" / "eval" / "demo.jsonl")
DEFAULT_OUTPUT = REPO / "geo" / "parse" / "models" / "event_dates.json"
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
#: (C, weighting) pairs tried by cross-validation.
SETTINGS = tuple((c, w) for c in C_GRID for w in ("pairs", "example"))
#: A feature seen in fewer training options than this is left out of the shipped file.
MIN_FEATURE_COUNT = 3
FOLDS = 5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--examples",
        type=Path,
        help="keep the parsed examples in this file and reuse them while the corpora are unchanged",
    )
    parser.add_argument("--force", action="store_true", help="write the model even when it does not beat the rules")
    parser.add_argument(
        "--leave-war-out",
        action="store_true",
        help="fit on every conflict but one and score that one, each in turn; list the errors by kind; write nothing",
    )
    add_training_only_options(parser)
    args = parser.parse_args(argv)

    from geo.eval.evaluate import split_of

    articles = [a for path in args.corpora for a in read_articles(path)]
    dev = [a for a in articles if split_of(a["id"]) == "dev"]
    training_only = training_only_paths(args, REPO)
    extra = training_only_articles(training_only, articles)
    extra_ids = frozenset(a["id"] for a in extra)
    if args.leave_war_out:
        return _report_leave_war_out(_cached_sites(args.examples, dev + extra), extra_ids)
    examples = _examples(_cached_sites(args.examples, dev + extra))
    always_trained = [example[0] in extra_ids for example in examples]
    print(
        f"{len(dev)} dev articles, {always_trained.count(False)} dated event places;"
        f" {len(extra)} training-only articles, {sum(always_trained)} places"
    )
    model, about = _fit(examples, always_trained)
    about["training_data_sha256"] = _sha256(dev)
    about["corpora"] = [p.name for p in args.corpora]
    about["training_only"] = corpus_records(training_only)
    print(json.dumps(about, indent=1, sort_keys=True))
    if about["cv_by_conflict_accuracy"] <= about["rule_accuracy"] and not args.force:
        print("the model does not beat the rules on held-out articles: nothing written")
        return 1
    model["about"] = about
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.output} ({len(model['weights'])} features)")
    return 0


def _cached_sites(path: Path | None, dev: list[dict]) -> list[tuple]:
    """The parsed sentences of ``dev`` (not the options, which change with the features), kept
    in ``path`` (a pickle this script wrote for the same data) between runs."""
    import pickle

    key = _sha256(dev)
    sites = None
    if path is not None and path.exists():
        cached = pickle.loads(path.read_bytes())
        if cached.get("key") == key and "sites" in cached:
            sites = cached["sites"]
    if sites is None:
        sites = _sites(dev)
        if path is not None:
            path.write_bytes(pickle.dumps({"key": key, "sites": sites}))
    return sites


def _sites(articles: list[dict]) -> list[tuple]:
    """(article, its sentences as (start offset, text), their parses) per article: what the
    date choice reads, as the pipeline has it, parsed once."""
    from geo.parse.clausetree import clause_trees
    from geo.parse.nlp import load_nlp

    return [
        (article, tuple((s.start_char, s.text) for s in doc.sents), clause_trees(doc))
        for article, doc in zip(articles, load_nlp().pipe(a["text"] for a in articles))
    ]


def _examples(sites: list[tuple]) -> list[tuple[str, list, list[bool], bool, str]]:
    """(article id, options, which options are right, whether the rules are right, conflict)
    per dated event place, each place read in its article's date context."""
    return [example for _, example in _read_places(sites)]


def _read_places(sites: list[tuple]):
    """(the place's reading: article, sentence, span, context; its example) per dated event place."""
    from datetime import date

    from geo.parse.datechoice import date_options
    from geo.parse.dates import date_contexts, resolve_event_date

    for article, sentences, trees in sites:
        published = date.fromisoformat(article["published"]) if article.get("published") else None
        contexts, _ = date_contexts([text for _, text in sentences], published=published)
        for toponym in article["toponyms"]:
            gold = toponym.get("event_date")
            if toponym.get("event_type") is None or gold is None or is_after_publication(gold, published):
                continue
            index = next(
                (i for i, (start, text) in enumerate(sentences) if start <= toponym["start"] < start + len(text)), None
            )
            if index is None:
                continue
            start, text = sentences[index]
            if toponym["end"] > start + len(text):
                continue
            near = (toponym["start"] - start, toponym["end"] - start)
            context, tree = contexts[index], trees[index]
            rule = resolve_event_date(text, published=published, near=near, context=context, tree=tree)
            options = (
                ()
                if rule.value is None
                else date_options(  # no date by the rules: the model is not asked
                    text,
                    published=published,
                    near=near,
                    context=context,
                    tree=tree,
                    rule=rule,
                )
            )
            right = [o.value.isoformat().startswith(gold) for o in options]
            rule_right = rule.value is not None and rule.value.isoformat().startswith(gold)
            conflict = article.get("conflict") or article["id"]
            reading = (article, text, near, context, gold, published)
            yield reading, (article["id"], options, right, rule_right, conflict)


def is_after_publication(gold: str, published) -> bool:
    """Whether a gold day (or month) falls after the report's publication: a scheduled event
    ("a summit on Wednesday"). The evaluation corpora give such a place no date, so no corpus
    teaches the model to date one: it is not an example, as an undated place is not."""
    return published is not None and gold > published.isoformat()[: len(gold)]


def _fit(examples, always_trained: list[bool] | None = None) -> tuple[dict, dict]:
    """The model fitted on all ``examples``, its setting chosen on the held-out ones; those
    marked ``always_trained`` (a training-only corpus's) are never held out or counted."""
    from sklearn.feature_extraction import DictVectorizer

    always = always_trained or [False] * len(examples)
    scored = [e for e, trained in zip(examples, always) if not trained]
    counts = Counter(name for _, options, *_ in examples for o in options for name in o.features)
    vectorizer = DictVectorizer()
    vectorizer.fit([{n: 1.0 for n in counts if counts[n] >= MIN_FEATURE_COUNT}])
    rule_accuracy = sum(example[3] for example in scored) / len(scored)
    oracle = sum(any(right) for _, _, right, *_ in scored) / len(scored)
    by_article = {s: _cross_validated(examples, vectorizer, *s, group=0, always_trained=always) for s in SETTINGS}
    by_conflict = {s: _cross_validated(examples, vectorizer, *s, group=4, always_trained=always) for s in SETTINGS}
    # unseen wars are what the model meets: the folds that leave whole conflicts out choose, those
    # of articles (which keep each war's habits on both sides) only break a tie, then the
    # stronger regularisation
    best = max(SETTINGS, key=lambda s: (round(by_conflict[s], 4), round(by_article[s], 4), -s[0]))
    estimator = _trained(vectorizer, examples, *best)
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 4) for name, w in zip(names, estimator.coef_[0]) if abs(w) >= 1e-4}
    strongest = sorted(weights.items(), key=lambda item: -abs(item[1]))[:20]
    about = {
        "model": "logistic regression on pairs of date options (scikit-learn), L2; the best-scored option is chosen",
        "C": best[0],
        "example_weighting": best[1],
        "cv_accuracy_by_setting": {f"C={c} {w}": round(by_article[(c, w)], 4) for c, w in SETTINGS},
        "cv_by_conflict_accuracy_by_setting": {f"C={c} {w}": round(by_conflict[(c, w)], 4) for c, w in SETTINGS},
        "cv_accuracy": round(by_article[best], 4),
        "cv_by_conflict_accuracy": round(by_conflict[best], 4),
        "rule_accuracy": round(rule_accuracy, 4),
        "oracle_accuracy": round(oracle, 4),
        "dev_examples": len(scored),
        "training_only_examples": len(examples) - len(scored),
        "strongest_features": [f"{name} {w:+.2f}" for name, w in strongest],
    }
    return {"intercept": 0.0, "weights": weights}, about


def _cross_validated(
    examples, vectorizer, c: float, weighting: str, *, group: int, always_trained: list[bool] | None = None
) -> float:
    """The share of examples whose best-scored option is right when their group (the article,
    field 0, or the conflict, field 4) was held out of training. The examples marked
    ``always_trained`` are never held out: they train in every fold that holds out no group of
    their name, and the scored examples are dealt into folds as they would be without them."""
    always = always_trained or [False] * len(examples)
    groups = [example[group] for example in examples]
    hits = scored = 0
    for train, held_out in folds_beside_training_only(groups, always, FOLDS):
        estimator = _trained(vectorizer, [examples[i] for i in train], c, weighting)
        hits += sum(_chosen_right(estimator, vectorizer, examples[i]) for i in held_out)
        scored += len(held_out)
    return hits / scored


def _trained(vectorizer, examples, c: float, weighting: str = "pairs"):
    """Fitted on pairs of one right and one wrong option of an example, the difference of
    their features labelled by which comes first: the score then ranks an example's options
    (an option is right or wrong only next to the others the article offers). With
    ``weighting="example"`` each example weighs one in all, however many pairs it makes
    (a sentence with many date phrases does not outvote one with two options)."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    differences, labels, weights = [], [], []
    for _, options, right, *_ in examples:
        if all(right) or not any(right):
            continue  # nothing to learn: every option is right, or none is
        x = vectorizer.transform([{n: 1.0 for n in o.features} for o in options])
        pairs = [(i, j) for i, r in enumerate(right) if r for j, s in enumerate(right) if not s]
        ahead = x[[i for i, _ in pairs]] - x[[j for _, j in pairs]]  # one row per pair, built at once
        differences.extend([ahead, -ahead])
        labels.extend([1] * len(pairs) + [0] * len(pairs))
        weights.extend([1.0 / len(pairs) if weighting == "example" else 1.0] * (2 * len(pairs)))
    return LogisticRegression(C=c, max_iter=3000, fit_intercept=False).fit(
        vstack(differences), labels, sample_weight=weights
    )


def _chosen_right(estimator, vectorizer, example) -> bool:
    return _is_right(example, _best_option(estimator, vectorizer, example))


def _report_leave_war_out(sites: list[tuple], training_only: frozenset[str] = frozenset()) -> int:
    """Each conflict scored by a model fitted on all the others (the shipped model's setting),
    beside the rules alone; then the places the model dates wrong, counted and listed by kind.
    The places of the articles ``training_only`` (ids) train every fit and are never scored."""
    from sklearn.feature_extraction import DictVectorizer

    from geo.parse.datechoice import load_date_model

    pairs = list(_read_places(sites))
    trained_always = [e for _, e in pairs if e[0] in training_only]
    readings, examples = zip(*(pair for pair in pairs if pair[1][0] not in training_only))
    shipped = load_date_model()
    setting = (
        (shipped.about.get("C", 1.0), shipped.about.get("example_weighting", "pairs")) if shipped else (1.0, "pairs")
    )
    counts = Counter(name for _, options, *_ in (*examples, *trained_always) for o in options for name in o.features)
    vectorizer = DictVectorizer().fit([{n: 1.0 for n in counts if counts[n] >= MIN_FEATURE_COUNT}])
    chosen: dict[int, int] = {}
    for conflict in sorted({example[4] for example in examples}):
        held_out = [i for i, example in enumerate(examples) if example[4] == conflict]
        trained = [e for e in examples if e[4] != conflict] + [e for e in trained_always if e[4] != conflict]
        estimator = _trained(vectorizer, trained, *setting)
        chosen.update((i, _best_option(estimator, vectorizer, examples[i])) for i in held_out)
    model_right = sum(_is_right(examples[i], chosen[i]) for i in range(len(examples)))
    rule_right = sum(example[3] for example in examples)
    print(f"{len(examples)} dated event places, {len({e[4] for e in examples})} conflicts, setting {setting}")
    print(
        f"leave-one-war-out accuracy: model {model_right / len(examples):.4f}, rules {rule_right / len(examples):.4f}"
    )
    kinds: Counter[str] = Counter()
    for i, (reading, example) in enumerate(zip(readings, examples)):
        if _is_right(example, chosen[i]):
            continue
        kind = _error_kind(reading, example, chosen[i])
        kinds[kind] += 1
        article, text, near, _, gold, published = reading
        option = example[1][chosen[i]] if chosen[i] >= 0 else None
        took = f"{option.value} ({_source(option, published)})" if option else "the rules' day"
        print(
            f"[{kind}] {article['id']} pub={published} gold={gold} took={took} | {text[near[0] : near[1]]} | {' '.join(text.split())}"
        )
    for kind, n in kinds.most_common():
        print(f"{n:4d}  {kind}")
    return 0


def _best_option(estimator, vectorizer, example) -> int:
    """The index of the best-scored option of ``example``; -1 when it has none (the rules decide)."""
    options = example[1]
    if not options:
        return -1
    scores = estimator.decision_function(vectorizer.transform([{n: 1.0 for n in o.features} for o in options]))
    return max(range(len(options)), key=lambda i: (scores[i], -i))


def _is_right(example, chosen: int) -> bool:
    return example[3] if chosen < 0 else example[2][chosen]


def _error_kind(reading, example, chosen: int) -> str:
    """Why the chosen day is wrong, in coarse kinds: the source of the day taken against the
    source of the right one (a phrase of the place's clause, a phrase of another clause, a
    background phrase over a month before publication, or the article's days)."""
    _, options, right, _, _ = example
    published = reading[5]
    if chosen < 0 or not any(right):
        return "no option right" if options else "rules gave no date"
    took = options[chosen]
    good = [o for o, r in zip(options, right) if r]
    if any(o.value.isoformat()[:7] == took.value.isoformat()[:7] and o.precision != took.precision for o in good):
        return "month vs day precision"
    return f"took {_source(took, published)}, right {'/'.join(sorted({_source(o, published) for o in good}))}"


#: The article's days, the surest first: the one an option is named by when several propose it.
ARTICLE_DAYS = ("filed", "day_before_filed", "story", "previous", "published", "day_before")


def _source(option, published) -> str:
    sources = {name[4:] for name in option.features if name.startswith("src=") and "&" not in name and "|" not in name}
    if "phrase" in sources:
        if published is not None and (published - option.value).days > 31:
            return "background phrase"
        return "own phrase" if "phrase_of_place" in option.features else "other clause's phrase"
    return next((name for name in ARTICLE_DAYS if name in sources), "rule")


def _sha256(articles: list[dict]) -> str:
    """The SHA-256 of ``articles`` as JSON, in id order: what a model was trained on."""
    digest = hashlib.sha256()
    for article in sorted(articles, key=lambda a: a["id"]):
        digest.update(json.dumps(article, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
