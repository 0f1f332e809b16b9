"""Train the event type model (geo/parse/eventmodel.py) on the dev half of annotated war reports.

    python3 scripts/train_event_types.py [CORPUS.jsonl ...] [-o geo/parse/models/event_types.json]
        [--threshold T] [--c C] [--min-wars K] [--training-only-no-event-weight W ...]

Each gold toponym of a corpus that carries ``event_type`` (null: nothing happens
there) is one example: the place in its sentence (spaCy's sentences, as the pipeline
sees them), read through ``geo.parse.eventmodel.site_features``. Only the dev half (the
parity of the id's SHA-1, as ``conflictmap eval --split`` uses) is trained on; the test half
is scored once, for the record. The regularisation, and how many wars a feature must be seen
in to be kept, are chosen by cross-validation over folds of whole WARS (``war_of``): the model
is used on wars no article of the corpus reports, and folds of articles would put each war's
towns and actors on both sides of every fold and reward learning them. The no-event threshold
is chosen on the same held-out wars unless ``--threshold`` keeps one (the shipped model's, when
a feature is added: the middle of a flat plateau moves with any feature, and that move alone
trades wrong events for missed ones; five folds of wars also put it higher than one war left
out at a time, ``scripts/event_leave_war_out.py``, does). It is chosen by the held-out cost of
what the pipeline decides (``decide``: the model and the rules around it) with a missed event
weighing more than a wrong one (``ERROR_COSTS``), not by a count that holds a missed event and
an event where nothing happened alike. The weights are written as JSON with the SHA-256 of the
training data, so a shipped model says what it was trained on.

A training-only corpus (``geo.eval.trainingonly``: ``data/train/warnews.jsonl`` by default when
it exists, ``--training-only FILE``, none with ``--no-training-only``) trains whole: its wars
join the training side of every fold of wars and are never held out (one that shares a name
with a held-out war sits that fold out), so the held-out figures that choose C, the feature
filter and the threshold stay those of the dev wars alone, comparable with and without it. The
model file names it, with its SHA-256, under ``about.training_only``. Its places where nothing
happens may weigh less than one place each (``--training-only-no-event-weight``; by default the
weight of ``NO_EVENT_WEIGHT_GRID`` with the lowest held-out cost): it tells of more of them than
the dev wars do, and a model fitted on it leans to "no event" on the wars it is used on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
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

DEFAULT_CORPORA = (REPO / "data" / "eval" / "warnews.jsonl",)
DEFAULT_OUTPUT = REPO / "geo" / "parse" / "models" / "event_types.json"
#: A feature seen in fewer training examples than this is left out of the shipped file.
MIN_FEATURE_COUNT = 2
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
#: How many of the training wars a feature must be seen in to be kept (1: all features).
MIN_WARS_GRID = (1, 2, 3)
C_TOLERANCE = 0.001
#: Folds of whole wars the choices are cross-validated over.
WAR_FOLDS = 5
#: F1 within this of the best no-event threshold's counts as just as good (a few places of 1,400).
THRESHOLD_TOLERANCE = 0.002
#: What each kind of held-out error costs when the no-event threshold and the weight of the
#: training-only corpus's no-event places are chosen (set before any outcome was read). A plain
#: count of right places holds a missed event and an event where nothing happened alike, so it
#: cannot see a fit that buys fewer events at no-event places with more missed ones. A missed
#: event costs half as much again as a wrong one: the map loses the act, and its reports can no
#: longer join into one coded event. A missed event whose sentence tells deaths at the place
#: (read by the toll reader, ``geo.parse.fatalities``) costs twice as much: it loses its dead
#: too. A wrong type and an event at a place where nothing happened each put one wrong event on
#: the map and cost one.
ERROR_COSTS = {"missed_event": 1.5, "missed_event_with_toll": 2.0, "wrong_type": 1.0, "event_at_no_event_place": 1.0}
#: The no-event thresholds the held-out cost is read at.
THRESHOLD_GRID = tuple(step / 100 for step in range(30, 81))
#: A held-out cost per place within this of the lowest counts as just as low (about six
#: places' cost of 2,868): the middle of those thresholds is chosen, as a plateau's middle does
#: not move with a small change of the features.
COST_TOLERANCE = 0.002
#: Sample weights of the training-only corpus's no-event places tried by its folds (1: each
#: place as any other). Its places are 60 % no-event against the dev wars' 50 %.
NO_EVENT_WEIGHT_GRID = (0.5, 0.7, 1.0)
#: Bumped when what a cached site holds changes (2: the sentence's parse; 3: where the other
#: places are, as the pipeline gives them).
SITE_FORMAT = 3
_WAR_OF_ID = re.compile(r"^war-(.+)-\d+$")


def war_of(article: dict) -> str:
    """The war an article reports: from its id (``war-<name>-<n>``), else its ``conflict``."""
    match = _WAR_OF_ID.match(article["id"])
    return match.group(1) if match else str(article.get("conflict", article["id"]))


def wars_of(articles: list[dict], article_ids: list[str]) -> list[str]:
    """The war of each example, from the ids of the articles the examples came from."""
    war_by_id = {article["id"]: war_of(article) for article in articles}
    return [war_by_id[article_id] for article_id in article_ids]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument(
        "--sites",
        type=Path,
        help="keep the parsed examples in this JSON file and reuse them "
        "while the corpora are unchanged (parsing is the slow part)",
    )
    parser.add_argument(
        "--c",
        type=float,
        help="use this regularisation instead of choosing it by cross-validation (a quicker refit)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        help="keep this no-event threshold instead of choosing it on held-out dev articles "
        "(to add a feature without moving the threshold with it)",
    )
    parser.add_argument(
        "--min-wars",
        type=int,
        help="keep the features seen in this many training wars instead of choosing the number by cross-validation",
    )
    parser.add_argument(
        "--training-only-no-event-weight",
        type=float,
        nargs="+",
        default=list(NO_EVENT_WEIGHT_GRID),
        metavar="W",
        help="sample weight of the training-only corpus's places where nothing happens; with several, "
        "the one with the lowest held-out cost (default: %(default)s)",
    )
    parser.add_argument(
        "--training-only-dev-shares",
        action="store_true",
        help="weigh each training-only place so that the corpus's mix of classes is the dev wars' "
        "(on top of --training-only-no-event-weight)",
    )
    add_training_only_options(parser)
    args = parser.parse_args(argv)

    from geo.eval.evaluate import split_of

    articles = [a for path in args.corpora for a in read_articles(path)]
    dev = [a for a in articles if split_of(a["id"]) == "dev"]
    test = [a for a in articles if split_of(a["id"]) == "test"]
    training_only = training_only_paths(args, REPO)
    extra = training_only_articles(training_only, articles)
    examples_dev, groups, examples_test = _cached_examples(args.sites, dev + extra, test)
    extra_ids = {a["id"] for a in extra}
    always_trained = [group in extra_ids for group in groups]
    print(
        f"{len(dev)} dev articles, {always_trained.count(False)} places; {len(extra)} training-only articles,"
        f" {sum(always_trained)} places; {len(test)} test articles, {len(examples_test)} places"
    )

    model, about = _fit(
        examples_dev,
        wars_of(dev + extra, groups),
        args.c,
        args.threshold,
        args.min_wars,
        always_trained,
        no_event_weights=tuple(args.training_only_no_event_weight),
        dev_shares=args.training_only_dev_shares,
    )
    about["test_accuracy"] = _accuracy(model, examples_test)
    about["test_rule_accuracy"] = _rule_accuracy(examples_test)
    about["training_data_sha256"] = _sha256(dev)
    about["corpora"] = [p.name for p in args.corpora]
    about["training_only"] = corpus_records(training_only)
    model["about"] = about
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(model, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(about, indent=1, sort_keys=True))
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KB, {len(model['weights'])} features)")
    return 0


def _rebuilt(rows):
    """Examples again from the site records a cache file keeps."""
    from geo.parse.clausetree import ClauseTree
    from geo.parse.eventmodel import EventSite, site_features

    sites = [
        (
            EventSite(
                **{
                    **site,
                    "tree": ClauseTree(**{k: tuple(v) for k, v in site["tree"].items()}) if site.get("tree") else None,
                }
            ),
            label,
        )
        for site, label in rows
    ]
    return [(site_features(site), label, site) for site, label in sites]


def _cached_examples(path: Path | None, dev: list[dict], test: list[dict]):
    """The dev examples, their articles, the test examples: parsed, or read from ``path``."""
    key = _sha256(dev + test) + str(SITE_FORMAT)
    if path is not None and path.exists():
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached["key"] == key:
            return _rebuilt(cached["dev"]), cached["groups"], _rebuilt(cached["test"])
    examples_dev, groups = _examples(dev)
    examples_test, _ = _examples(test)
    if path is not None:
        rows = lambda examples: [(_site_dict(site), label) for _, label, site in examples]  # noqa: E731
        path.write_text(
            json.dumps({"key": key, "dev": rows(examples_dev), "groups": groups, "test": rows(examples_test)}),
            encoding="utf-8",
        )
    return examples_dev, groups, examples_test


def _site_dict(site) -> dict:
    record = {name: getattr(site, name) for name in site.__dataclass_fields__}
    if site.tree is not None:
        record["tree"] = {name: getattr(site.tree, name) for name in site.tree.__dataclass_fields__}
    return record


def _examples(articles: list[dict]) -> tuple[list[tuple[tuple[str, ...], str, object]], list[str]]:
    """(features, label, site) per gold toponym, and the article each came from."""
    from gazetteer.database import open_gazetteer
    from geo.parse.clausetree import clause_tree
    from geo.parse.eventmodel import NO_EVENT, EventSite, site_features
    from geo.parse.nlp import load_nlp

    nlp, gazetteer = load_nlp(), open_gazetteer()
    examples, groups = [], []
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles)):
        sentences = list(doc.sents)
        for toponym in article["toponyms"]:
            index = next((i for i, s in enumerate(sentences) if s.start_char <= toponym["start"] < s.end_char), None)
            if index is None or toponym["end"] > sentences[index].end_char:
                continue  # a name across a sentence break: the pipeline never sees it whole
            sentence = sentences[index]
            others = [
                (t["start"] - sentence.start_char, t["end"] - sentence.start_char)
                for t in article["toponyms"]
                if t is not toponym and sentence.start_char <= t["start"] < sentence.end_char
            ]
            entries = gazetteer.lookup(toponym["name"])
            site = EventSite(
                sentence.text,
                toponym["start"] - sentence.start_char,
                toponym["end"] - sentence.start_char,
                is_area=bool(entries) and entries[0].is_area,
                other_places=len(others),
                other_spans=tuple(others),
                sentence_index=index,
                tree=clause_tree(sentence),
            )
            examples.append((site_features(site), toponym.get("event_type") or NO_EVENT, site))
            groups.append(article["id"])
    return examples, groups


def _fit(
    examples,
    groups,
    fixed_c: float | None = None,
    fixed_threshold: float | None = None,
    fixed_min_wars: int | None = None,
    always_trained: list[bool] | None = None,
    *,
    no_event_weights: tuple[float, ...] = (1.0,),
    dev_shares: bool = False,
) -> tuple[dict, dict]:
    """The model fitted on all ``examples``, its regularisation, feature filter, threshold and
    the weight of the training-only no-event places chosen on held-out folds of whole ``groups``
    (the war of each example); the examples marked ``always_trained`` (a training-only corpus's)
    are trained on in every fold and never held out, their no-event places weighing one of
    ``no_event_weights`` each; with ``dev_shares``, every training-only place also weighs what
    makes the corpus's mix of classes the dev wars' (``dev_share_factors``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    always = always_trained or [False] * len(examples)
    counts = Counter(name for features, _, _ in examples for name, _ in features)
    kept = lambda features: {n: v for n, v in features if counts[n] >= MIN_FEATURE_COUNT}  # noqa: E731
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([kept(f) for f, _, _ in examples]).tocsr()
    y = [label for _, label, _ in examples]
    folds = folds_of_whole_groups(groups, always)
    held = sorted(i for _, fold_held in folds for i in fold_held)
    presence = _groups_per_feature(x, groups)
    settings = [
        (k, c)
        for k in (MIN_WARS_GRID if fixed_min_wars is None else (fixed_min_wars,))
        for c in (C_GRID if fixed_c is None else (fixed_c,))
    ]
    # C and the feature filter are chosen with each place weighing one, unless one weight is given
    weight_for_c = no_event_weights[0] if len(no_event_weights) == 1 else 1.0
    factors = dev_share_factors(y, always) if dev_shares else None
    held_out = {
        setting: _held_out_probabilities(
            x, y, folds, presence, *setting, training_weights(y, always, weight_for_c, factors)
        )
        for setting in settings
    }
    classes = sorted(set(y))
    scores = {setting: _argmax_accuracy(held_out[setting][held], classes, [y[i] for i in held]) for setting in settings}
    # The strongest regularisation within a tenth of a point of the best held-out score (closer
    # than that is a few places of 2,868), then the fewest features: a looser fit learns the
    # words next to its authors' places ("the" before a country made a humanitarian event of a
    # sentence with no trigger at all), and a word of one war's towns or actors says nothing of
    # another war.
    min_wars, best_c = min(
        (s for s in settings if scores[s] >= max(scores.values()) - C_TOLERANCE), key=lambda s: (s[1], -s[0])
    )
    all_names = vectorizer.get_feature_names_out()
    tolls = [label != NO_EVENT_LABEL and tells_a_toll(site) for _, label, site in examples]
    outcomes = {
        weight: _held_out_outcomes(
            _fold_fits(x, y, folds, presence, min_wars, best_c, training_weights(y, always, weight, factors)),
            all_names,
            examples,
            tolls,
            () if fixed_threshold is None else (fixed_threshold,),
        )
        for weight in no_event_weights
    }
    by_cost = {w: cost_threshold({t: by_threshold[t] for t in THRESHOLD_GRID}) for w, by_threshold in outcomes.items()}
    thresholds = by_cost if fixed_threshold is None else dict.fromkeys(outcomes, fixed_threshold)
    weight = lowest_cost_weight({w: held_out_cost(outcomes[w][thresholds[w]]) for w in no_event_weights})
    chosen, threshold = by_cost[weight], thresholds[weight]
    shown = min_wars <= presence[0].sum(axis=1).A1
    estimator = LogisticRegression(C=best_c, max_iter=2000).fit(
        x[:, shown], y, sample_weight=training_weights(y, always, weight, factors)
    )
    names = all_names[shown]
    weights = {name: [round(float(w), 4) for w in estimator.coef_[:, j]] for j, name in enumerate(names)}
    model = {
        "classes": [str(c) for c in estimator.classes_],
        "no_event_threshold": threshold,
        "intercept": [round(float(b), 4) for b in estimator.intercept_],
        "weights": weights,
    }
    strongest = sorted(
        ((abs(w), name, cls) for name, row in weights.items() for cls, w in zip(model["classes"], row)), reverse=True
    )[:25]
    about = {
        "model": "multinomial logistic regression (scikit-learn), L2",
        "C": best_c,
        "min_wars": min_wars,
        "training_only_no_event_weight": weight,
        "training_only_class_factors": factors,
        "cross_validated_by": f"{len(folds)} folds of whole wars",
        "threshold_chosen_on_held_out_dev": chosen,
        "held_out_error_costs": ERROR_COSTS,
        "held_out_by_weight_and_threshold": {
            f"{w} {t}": outcome_figures(by_threshold[t])
            for w, by_threshold in outcomes.items()
            for t in sorted({*THRESHOLD_GRID[::5], thresholds[w]})
            if t in by_threshold
        },
        "cv_accuracy_by_min_wars_and_C": {f"{k} {c}": round(score, 4) for (k, c), score in scores.items()},
        "dev_examples": len(held),
        "training_only_examples": len(examples) - len(held),
        "dev_rule_accuracy": _rule_accuracy([examples[i] for i in held]),
        "labels": dict(Counter(y)),
        "strongest_features": [
            f"{cls}: {name} {w:+.2f}"
            for _, name, cls in strongest
            for w in [weights[name][model["classes"].index(cls)]]
        ],
    }
    return model, about


#: The label of a place where nothing happens (``geo.parse.eventmodel.NO_EVENT``, read without
#: importing the pipeline at the script's start).
NO_EVENT_LABEL = "none"


def training_weights(
    labels: list[str],
    always_trained: list[bool],
    no_event_weight: float,
    class_factors: dict[str, float] | None = None,
) -> list[float]:
    """Each example's sample weight: one for a dev place; for a training-only place its class's
    factor (``class_factors``, one when none), times ``no_event_weight`` where nothing happens."""
    factors = class_factors or {}
    return [
        (factors.get(label, 1.0) * (no_event_weight if label == NO_EVENT_LABEL else 1.0)) if trained else 1.0
        for label, trained in zip(labels, always_trained)
    ]


def dev_share_factors(labels: list[str], always_trained: list[bool]) -> dict[str, float]:
    """Per class, its share among the dev places over its share among the training-only ones: the
    weights that give the training-only corpus the dev wars' mix of classes (it tells of more
    places where nothing happens and of fewer fighting than the dev wars do)."""
    dev = Counter(label for label, trained in zip(labels, always_trained) if not trained)
    extra = Counter(label for label, trained in zip(labels, always_trained) if trained)
    if not dev or not extra:
        return {}
    return {
        label: round((dev[label] / dev.total()) / (extra[label] / extra.total()), 4) for label in extra if dev[label]
    }


def tells_a_toll(site) -> bool:
    """Does the place's sentence tell deaths there (the toll reader's figure for the place)?"""
    from geo.parse.eventmodel import TOLL_FEATURE, toll_features

    return f"{TOLL_FEATURE}killed" in toll_features(site.sentence, site.sentence[site.start : site.end])


def place_outcome(guess: str, gold: str, toll_told: bool = False) -> Counter:
    """One place's outcome: right, an event at a no-event place, a missed event (and whether its
    sentence tells a toll there) or a wrong type."""
    outcome = Counter(places=1)
    if guess == gold:
        outcome["right"] += 1
    elif gold == NO_EVENT_LABEL:
        outcome["event_at_no_event_place"] += 1
    elif guess == NO_EVENT_LABEL:
        outcome["missed_event"] += 1
        outcome["missed_event_with_toll"] += toll_told
    else:
        outcome["wrong_type"] += 1
    return outcome


def held_out_cost(figures: Counter) -> float:
    """The cost of the held-out errors per place (``ERROR_COSTS``): a missed event with a toll
    costs its own weight, not the plain missed event's too."""
    missed_plain = figures["missed_event"] - figures["missed_event_with_toll"]
    cost = (
        ERROR_COSTS["missed_event"] * missed_plain
        + ERROR_COSTS["missed_event_with_toll"] * figures["missed_event_with_toll"]
        + ERROR_COSTS["wrong_type"] * figures["wrong_type"]
        + ERROR_COSTS["event_at_no_event_place"] * figures["event_at_no_event_place"]
    )
    return cost / max(figures["places"], 1)


def outcome_figures(figures: Counter) -> dict:
    """The held-out figures as the model file and the printed table show them."""
    return {
        "right": round(figures["right"] / max(figures["places"], 1), 4),
        "missed_event": figures["missed_event"],
        "missed_event_with_toll": figures["missed_event_with_toll"],
        "wrong_type": figures["wrong_type"],
        "event_at_no_event_place": figures["event_at_no_event_place"],
        "cost": round(held_out_cost(figures), 4),
    }


def cost_threshold(by_threshold: dict[float, Counter]) -> float:
    """The middle of the thresholds whose held-out cost is within ``COST_TOLERANCE`` of the lowest."""
    costs = {t: held_out_cost(figures) for t, figures in by_threshold.items()}
    near_best = sorted(t for t, cost in costs.items() if cost <= min(costs.values()) + COST_TOLERANCE)
    return near_best[len(near_best) // 2]


def lowest_cost_weight(costs: dict[float, float]) -> float:
    """The weight with the lowest held-out cost; among those within ``COST_TOLERANCE`` of it, the
    nearest one (each place weighing as any other unless reweighing clearly pays)."""
    near_best = [w for w, cost in costs.items() if cost <= min(costs.values()) + COST_TOLERANCE]
    return min(near_best, key=lambda w: abs(w - 1.0))


def _held_out_outcomes(
    fits, names, examples, tolls: list[bool], also_at: tuple[float, ...] = ()
) -> dict[float, Counter]:
    """The summed outcomes of the held-out places at each threshold of ``THRESHOLD_GRID`` and
    ``also_at``, each place decided as the pipeline decides it (``decide``) by its fold's model.
    A threshold only decides whether the model reads "none" or its likeliest type, so each place
    is decided twice (the model held to each reading) and each threshold takes one of the two."""
    from dataclasses import replace

    from geo.parse.eventmodel import NO_EVENT, decide

    by_threshold: dict[float, Counter] = {t: Counter() for t in (*THRESHOLD_GRID, *also_at)}
    for held, estimator, shown in fits:
        model = _as_event_model(estimator, names[shown])
        reads_an_event, reads_none = replace(model, no_event_threshold=2.0), replace(model, no_event_threshold=0.0)
        for i in held:
            features, gold, site = examples[i]
            no_event = model.probabilities(features)[NO_EVENT]
            guesses = [decide(reading, site)[0] for reading in (reads_an_event, reads_none)]
            if_event, if_none = (NO_EVENT if kind is None else kind.event_type for kind in guesses)
            for threshold, figures in by_threshold.items():
                figures.update(place_outcome(if_none if no_event >= threshold else if_event, gold, tolls[i]))
    return by_threshold


def folds_of_whole_groups(groups: list[str], always_trained: list[bool] | None = None) -> list[tuple]:
    """Train and held-out example indices of each cross-validation fold, no group on both sides;
    the examples marked ``always_trained`` (a training-only corpus's) train in every fold and
    are never held out (``geo.eval.trainingonly.folds_beside_training_only``)."""
    always = always_trained or [False] * len(groups)
    wars = {group for group, trained in zip(groups, always) if not trained}
    return folds_beside_training_only(groups, always, min(WAR_FOLDS, len(wars)))


def _groups_per_feature(x, groups: list[str]):
    """A sparse features x groups matrix (1 where the feature is seen in an example of the
    group) and each example's group as a column of it."""
    import numpy as np
    from scipy.sparse import csr_matrix

    column = {group: i for i, group in enumerate(sorted(set(groups)))}
    group_index = np.array([column[g] for g in groups])
    membership = csr_matrix(
        (np.ones(len(groups)), (np.arange(len(groups)), group_index)), shape=(len(groups), len(column))
    )
    return ((x != 0).astype(float).T @ membership > 0).astype(float).tocsr(), group_index


def _as_event_model(estimator, names):
    """A fold's fit as the pipeline's model. A class the fold never saw is never likely (a very
    low intercept), and a fit of two classes (scikit-learn's one row of weights, for the second)
    gets the first a row of zeros, so the pipeline's rules read the fit as they read a file."""
    from geo.parse.eventmodel import EVENT_TYPES, NO_EVENT, EventTypeModel

    seen = [str(c) for c in estimator.classes_]
    coef, intercept = estimator.coef_, estimator.intercept_
    if len(seen) == 2:
        coef, intercept = [0 * coef[0], coef[0]], [0.0, intercept[0]]
    rows = {cls: (float(intercept[k]), coef[k]) for k, cls in enumerate(seen)}
    classes = (NO_EVENT, *EVENT_TYPES)
    never = (-50.0, None)
    return EventTypeModel(
        classes,
        tuple(rows.get(cls, never)[0] for cls in classes),
        {
            name: tuple(0.0 if rows.get(cls, never)[1] is None else float(rows[cls][1][j]) for cls in classes)
            for j, name in enumerate(names)
        },
        {},
    )


def _fold_fits(x, y: list[str], folds, presence, min_wars: int, c: float, sample_weight: list[float] | None = None):
    """Each fold's held-out indices, its fit on the other folds and the features it reads (those
    seen in ``min_wars`` of that fold's own training groups)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    per_feature, group_index = presence
    weights = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight)
    fits = []
    for train, held in folds:
        shown = min_wars <= per_feature[:, np.unique(group_index[train])].sum(axis=1).A1
        estimator = LogisticRegression(C=c, max_iter=2000).fit(
            x[train][:, shown], [y[i] for i in train], sample_weight=weights[train]
        )
        fits.append((held, estimator, shown))
    return fits


def _held_out_probabilities(
    x, y: list[str], folds, presence, min_wars: int, c: float, sample_weight: list[float] | None = None
):
    """Each example's class probabilities from the fit on the other folds (``_fold_fits``)."""
    import numpy as np

    probabilities = np.zeros((len(y), len(set(y))))
    for held, estimator, shown in _fold_fits(x, y, folds, presence, min_wars, c, sample_weight):
        probabilities[held] = estimator.predict_proba(x[held][:, shown])
    return probabilities


def _argmax_accuracy(probabilities, classes: list[str], labels: list[str]) -> float:
    return sum(classes[int(row.argmax())] == label for row, label in zip(probabilities, labels)) / len(labels)


def _event_threshold(probabilities, classes: list[str], labels: list[str]) -> float:
    """The probability of 'none' below which a place gets an event: the middle of the
    thresholds that separate event places from the others (F1) on held-out dev articles
    within ``THRESHOLD_TOLERANCE`` of the best. The F1 curve is flat near its top, so its
    single best step moves with any small change of the features; the middle of the
    plateau does not. (``scripts/event_leave_war_out.py``'s default; this script chooses by
    the cost of what the pipeline decides, ``cost_threshold``.)"""
    from geo.parse.eventmodel import NO_EVENT

    column = classes.index(NO_EVENT)
    is_event = [label != NO_EVENT for label in labels]
    f1_at: dict[float, float] = {}
    for step in range(20, 81):
        threshold = step / 100
        emitted = [row[column] < threshold for row in probabilities]
        hits = sum(e and t for e, t in zip(emitted, is_event))
        if hits:
            precision, recall = hits / sum(emitted), hits / sum(is_event)
            f1_at[threshold] = 2 * precision * recall / (precision + recall)
    if not f1_at:
        return 0.5
    near_best = sorted(t for t, f1 in f1_at.items() if f1 >= max(f1_at.values()) - THRESHOLD_TOLERANCE)
    return near_best[len(near_best) // 2]


def _accuracy(model: dict, examples) -> float | None:
    from geo.parse.eventmodel import model_from_json

    if not examples:
        return None
    loaded = model_from_json(json.dumps(model))
    right = sum(loaded.label(features) == label for features, label, _ in examples)
    return round(right / len(examples), 4)


def _rule_accuracy(examples) -> float | None:
    """The hand-written rules alone: the trigger table's type, 'none' for an incidental place."""
    from geo.parse.eventmodel import NO_EVENT
    from geo.parse.eventtypes import classify_sentence
    from geo.parse.roles import is_incidental_location

    if not examples:
        return None
    right = 0
    for _, label, site in examples:
        if is_incidental_location(site.sentence, site.start, site.end):
            guess = NO_EVENT
        else:
            guess = classify_sentence(site.sentence, near=(site.start, site.end)).event_type
        right += guess == label
    return round(right / len(examples), 4)


def _sha256(articles: list[dict]) -> str:
    """The SHA-256 of ``articles`` as JSON, in id order: what a model was trained on."""
    digest = hashlib.sha256()
    for article in sorted(articles, key=lambda a: a["id"]):
        digest.update(json.dumps(article, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
