"""How well the event model carries to a war it never saw: leave-one-war-out on the dev half.

    python3 scripts/event_leave_war_out.py [CORPUS.jsonl ...] [--sites CACHE.json] [--per-war] [--errors OUT.jsonl]
        [--threshold T] [--curve T1 T2 ...]

For each war of the dev half (``war_of`` of the training script: the name between ``war-`` and
the article number of an id, or the record's ``conflict``), the event model
(``geo.parse.eventmodel``) is fitted on the dev articles of every other war, with the
regularisation and the feature filter (``--min-wars``) the shipped model was chosen with, and
decides every gold place of the war left out as the pipeline does (``decide``: the model and
the rules around it). The figures are summed over wars: how many places get the right answer
(no event, or the gold event type), how many no-event places get an event, how many event
places get none (and how many of those their sentence tells deaths at), how many get the wrong
type, and what the errors cost per place with a missed event weighing more than a wrong one
(``ERROR_COSTS`` of the training script). A change to the features that raises the
plain dev score but lowers this one has learned the dev wars, not war reports. With
``--min-wars K`` each war's model reads only the features its own training wars show in
at least K wars (the words of one war's actors and towns left out), to ask whether such
words are what fails on a war never seen. ``--errors`` writes every place the held-out model
gets wrong (its war, its index among the dev places, both answers, the sentence with the place
in ``[[ ]]``, its features) and prints the events at no-event places by kind (``place_kind``:
a dateline, a place in a list, where a move starts or ends, a locator of a noun, a modifier,
a place in a subordinate clause) and the wrong types by gold and guess.

The no-event threshold is the middle of the event/no-event F1 plateau of the held-out
probabilities of all wars together (the training script now chooses by the cost of what
``decide`` makes of them; ``--curve`` prints that cost at other thresholds), unless
``--threshold`` fixes it: a feature moves the middle of a flat plateau of thresholds, and that
move alone trades events at no-event places for missed events, so two feature sets are
compared at one threshold, and ``--curve`` prints the figures at more thresholds from the same
fits. Dev only: the test half is never read here.

A training-only corpus (``geo.eval.trainingonly``; by default ``data/train/warnews.jsonl`` when it
exists, as the training script reads it) joins the training side of every war's fit and is
never held out or scored (an article of a war of the same name sits that war's fit out), so the
figures stay those of the dev wars, comparable with and without it; its places where nothing
happens weigh ``--training-only-no-event-weight`` each.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from geo.cli.trainingoptions import add_training_only_options, training_only_paths  # noqa: E402

if TYPE_CHECKING:
    from geo.parse.eventmodel import EventTypeModel

DEFAULT_CORPORA = (REPO / "data" / "eval" / "warnews.jsonl",)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=list(DEFAULT_CORPORA))
    parser.add_argument("--sites", type=Path, help="parsed examples cache, as scripts/train_event_types.py keeps it")
    parser.add_argument("--c", type=float, help="regularisation (default: the shipped model's)")
    parser.add_argument(
        "--min-wars",
        type=int,
        help="fit each war's model only on features seen in this many of its training wars "
        "(default: as many as the shipped model was chosen with; 1: all)",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        help="use this no-event threshold instead of choosing it (to compare features at one threshold)",
    )
    parser.add_argument(
        "--curve",
        type=float,
        nargs="*",
        default=[],
        help="also print the figures at these thresholds (the same fits): two feature sets compared "
        "where they give as many events at no-event places",
    )
    parser.add_argument("--per-war", action="store_true", help="also print each war's figures")
    parser.add_argument(
        "--errors", type=Path, help="write each place the held-out model gets wrong here (JSON lines), to read by kind"
    )
    parser.add_argument(
        "--training-only-no-event-weight",
        type=float,
        default=1.0,
        metavar="W",
        help="sample weight of the training-only corpus's places where nothing happens (default: 1)",
    )
    add_training_only_options(parser)
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="leave out this many groups of whole wars in turn instead of one war at a time (faster; 0: one war)",
    )
    args = parser.parse_args(argv)

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from train_event_types import (
        MIN_FEATURE_COUNT,
        _cached_examples,
        _event_threshold,
        tells_a_toll,
        training_weights,
        wars_of,
    )

    from geo.eval.evaluate import split_of
    from geo.eval.trainingonly import read_articles, training_only_articles
    from geo.parse.eventmodel import NO_EVENT, load_event_model

    articles = [a for path in args.corpora for a in read_articles(path)]
    dev = [a for a in articles if split_of(a["id"]) == "dev"]
    extra = training_only_articles(training_only_paths(args, REPO), articles)
    # the test half is passed empty: it is neither parsed nor read
    examples, groups, _ = _cached_examples(args.sites, dev + extra, [])
    wars = wars_of(dev + extra, groups)
    extra_ids = {a["id"] for a in extra}
    # the war of each scored place; None for a training-only corpus's, which no fold holds out
    scored_wars = [None if group in extra_ids else war for group, war in zip(groups, wars)]
    shipped = load_event_model().about
    c = args.c if args.c is not None else float(shipped.get("C", 0.3))

    counts = Counter(name for features, _, _ in examples for name, _ in features)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(
        [{n: v for n, v in features if counts[n] >= MIN_FEATURE_COUNT} for features, _, _ in examples]
    )
    y = [label for _, label, _ in examples]
    names = vectorizer.get_feature_names_out()
    min_wars = args.min_wars if args.min_wars is not None else int(shipped.get("min_wars", 1))
    wars_of_feature: dict[str, set[str]] = defaultdict(set)
    for (features, _, _), war in zip(examples, wars):
        for name, _ in features:
            wars_of_feature[name].add(war)

    # Each war's fit starts from the weights fitted on all wars: the same optimum, found in a
    # fraction of the steps.
    sample_weight = np.array(training_weights(y, [w is None for w in scored_wars], args.training_only_no_event_weight))
    everything = LogisticRegression(C=c, max_iter=2000).fit(x, y, sample_weight=sample_weight)
    fold_of = _folds(sorted({w for w in scored_wars if w is not None}), args.folds)
    fitted: dict[str, LogisticRegression] = {}
    probabilities = [None] * len(examples)
    for fold in sorted(set(fold_of.values())):
        held_wars = {w for w, f in fold_of.items() if f == fold}
        train = [i for i, w in enumerate(wars) if w not in held_wars]
        held = [i for i, w in enumerate(scored_wars) if w in held_wars]
        # a feature the fold's training wars do not show (in ``min_wars`` of them) is zeroed: the
        # warm start from all wars would otherwise carry a weight learned on the held-out war
        seen = np.array([[len(wars_of_feature[name] - held_wars) >= min_wars for name in names]], dtype=float)
        x_fold = x.multiply(seen).tocsr()
        estimator = (
            copy.deepcopy(everything)
            .set_params(warm_start=True)
            .fit(x_fold[train], [y[i] for i in train], sample_weight=sample_weight[train])
        )
        estimator.coef_[:, seen[0] == 0] = 0.0  # what the L2 fit leaves of them is only its tolerance
        fitted.update({war: estimator for war, f in fold_of.items() if f == fold})
        print(f"fold {fold + 1} of {len(set(fold_of.values()))} fitted", file=sys.stderr, flush=True)
        for i, row in zip(held, estimator.predict_proba(x_fold[held])):
            probabilities[i] = row
    classes = [str(k) for k in next(iter(fitted.values())).classes_]
    scored = [i for i, w in enumerate(scored_wars) if w is not None]
    threshold = (
        args.threshold
        if args.threshold is not None
        else _event_threshold([probabilities[i] for i in scored], classes, [y[i] for i in scored])
    )

    weights = {war: _held_out_model(estimator, classes, names) for war, estimator in fitted.items()}
    tolls = [
        w is not None and label != NO_EVENT and tells_a_toll(e[2]) for w, label, e in zip(scored_wars, y, examples)
    ]
    by_war, errors = _decided(weights, threshold, scored_wars, examples, y, tolls)
    total = sum(by_war.values(), Counter())
    print(
        f"{len(dev)} dev articles, {len(fold_of)} wars, {len(scored)} places"
        f" (and {len(extra)} training-only articles, {len(examples) - len(scored)} places); "
        f"C={c}, features in {min_wars}+ wars, threshold={threshold}"
    )
    print(_line("all wars", total))
    if args.errors is not None:
        args.errors.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors), encoding="utf-8")
        kinds = Counter(e["kind"] for e in errors if e["kind"] is not None)
        print(json.dumps({"events_at_no_event_places_by_kind": dict(kinds.most_common())}))
        confusions = Counter(f"{e['gold']}->{e['guess']}" for e in errors if NO_EVENT not in (e["gold"], e["guess"]))
        print(json.dumps({"wrong_types_gold_to_guess": dict(confusions.most_common())}))
    if args.per_war:
        for war in sorted(by_war, key=lambda w: by_war[w]["right"] / by_war[w]["places"]):
            print(_line(war, by_war[war]))
    for other in args.curve:
        print(
            _line(
                f"all wars, threshold {other}",
                sum(_decided(weights, other, scored_wars, examples, y, tolls)[0].values(), Counter()),
            )
        )
    return 0


def _held_out_model(estimator, classes: list[str], names) -> EventTypeModel:
    """A war's held-out fit as the pipeline's model (its threshold set when deciding)."""
    from geo.parse.eventmodel import EventTypeModel

    return EventTypeModel(
        tuple(classes),
        tuple(float(b) for b in estimator.intercept_),
        {name: tuple(float(w) for w in estimator.coef_[:, j]) for j, name in enumerate(names)},
        {},
    )


def _decided(
    models: dict, threshold: float, wars: list[str | None], examples: list, labels: list[str], tolls: list[bool]
):
    """Each war's outcomes and every wrong place, each war's places decided by its held-out
    model at ``threshold`` (``tolls``: whether each place's sentence tells deaths there)."""
    from train_event_types import place_outcome

    from geo.parse.eventmodel import NO_EVENT, decide

    by_war: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for war, model in models.items():
        model = replace(model, no_event_threshold=threshold)
        for i in (i for i, w in enumerate(wars) if w == war):
            kind, _ = decide(model, examples[i][2])
            guess = NO_EVENT if kind is None else kind.event_type
            by_war[war].update(place_outcome(guess, labels[i], tolls[i]))
            if guess != labels[i]:
                errors.append({"index": i, **_error_record(war, guess, labels[i], examples[i])})
    return by_war, errors


def _folds(wars: list[str], folds: int) -> dict[str, int]:
    """The fold of each war: its own (``folds`` 0), else wars dealt round by name's hash, so a
    war's fold does not move when another war is added."""
    if folds <= 0:
        return {war: i for i, war in enumerate(wars)}
    return {war: int(hashlib.sha1(war.encode()).hexdigest(), 16) % folds for war in wars}


def _error_record(war: str, guess: str, gold: str, example) -> dict:
    """A wrong place: its war, both answers, the sentence with the place in ``[[ ]]``, its
    features (but the bags of words) and, at a no-event place, its kind (``place_kind``)."""
    features, _, site = example
    sentence = site.sentence
    return {
        "war": war,
        "guess": guess,
        "gold": gold,
        "kind": place_kind(site, {name for name, _ in features}) if gold == "none" else None,
        "sentence": f"{sentence[: site.start]}[[{sentence[site.start : site.end]}]]{sentence[site.end :]}",
        "features": [name for name, _ in features if not name.startswith(("clause=", "sentence="))],
    }


def place_kind(site, features: set[str]) -> str:
    """What a place is in its sentence, read from the parse, first match wins: ``dateline``
    (where the report was filed), ``list`` (one of places joined by "and" or an apposition),
    ``move_<part>`` (where a move goes to, comes from or passes through), ``locator`` (the
    object of a preposition on a noun: "officials in X", "a village near X"), ``modifier``
    ("the X talks", "X's army"), ``clause_<link>`` (in a clause below the sentence's own:
    relative, adverbial, reported), else ``plain_<link>``."""
    from geo.parse.clausetree import SUBORDINATE_CLAUSES
    from geo.parse.placerole import motion_role, preposition_of

    tree = site.tree
    if "header" in features:
        return "dateline"
    if tree is None or len(tree) == 0:
        return "no_parse"
    place = tree.head_of_span(site.start, site.end)
    link = tree.deps[place]
    if link in ("conj", "appos") or any(tree.deps[c] == "conj" for c in tree.children(place)):
        return "list"
    role = motion_role(tree, place)
    if role is not None:
        return f"move_{role[0]}"
    preposition = preposition_of(tree, place)
    if preposition is not None and tree.heads[preposition] != preposition and not tree.is_verb(tree.heads[preposition]):
        return "locator"
    if link in ("compound", "poss", "nmod", "amod"):
        return "modifier"
    verb = tree.clause_verb(place)
    if verb is not None and tree.deps[verb] in SUBORDINATE_CLAUSES:
        return f"clause_{tree.deps[verb]}"
    return f"plain_{link}"


def _line(name: str, figures: Counter) -> str:
    from train_event_types import outcome_figures

    return json.dumps({"war": name, "places": figures["places"], **outcome_figures(figures)})


if __name__ == "__main__":
    sys.exit(main())
