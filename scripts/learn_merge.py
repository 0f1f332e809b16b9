"""Learn the weights of "same happening" (``geo.store.merge.LearnedMatch``) on the coded gold set's dev split.

    python3 scripts/learn_merge.py [--cache FILE] [--out geo/store/models/merge_match.json] [--errors]
    python3 scripts/learn_merge.py --augment 3 --type-noise 0.15 --date-noise 0.15 --place-noise 0.2 [--tune-draws 3]
    python3 scripts/learn_merge.py --sweep [--type-noise 0.1] [--date-noise 0.1] [--place-noise 0.2] [--only wider_lead]
    python3 scripts/learn_merge.py --typed-apart    # the dev pairs of two types: one happening or two
    python3 scripts/learn_merge.py --pairs          # every missed pair of one happening, with its cause
    python3 scripts/learn_merge.py --thresholds [--type-noise 0.15 ...]   # thresholds chosen with each war left out

Every pair of events from two articles of the dev split that the gold set ties to a
happening, within the model's reach in km and days, is an example: positive when both tell
the same happening. Pairs the event model typed differently count too (a strike in one
report, the displacement it caused in another), so the model learns how much a type told
apart weighs. From them: the inverse document frequency of the reports' words, then a
logistic regression over ``PAIR_FEATURES`` scaled to unit spread (scikit-learn, the ``train``
extra). Its L2 penalty (``REGULARISATIONS``), reach in km, probability threshold and link
(``SETTINGS``) are those whose leave-one-war-out B-cubed F1 is best. The model is printed as JSON with the SHA-256 of the dev split it was
fitted on (written to ``--out`` when given; ``LearnedMatch.from_dict`` reads it).

Before that, each dev war is left out in turn: the model fitted and tuned (by
leave-one-war-out over the remaining wars) without it merges the left-out war's reports. The
pooled B-cubed F1 of those mergings is set against the hand-set rules' (``MergeRules()``), so
the learned model is judged on wars it did not see; ``beats_rules`` records whether it did
better by ``DEFAULT_MARGIN``, which makes it the store's default (``geo.store.merge.default_rules``).
With ``--type-noise``/``--date-noise``/``--place-noise`` both are also scored on each left-out
war with that share of its types, dates and places off, as the event model reads a war it was
not fitted on; ``beats_rules`` then also asks that the learned match merge those misread wars
better by ``DEFAULT_MARGIN`` while losing at most ``CLEAN_TOLERANCE`` as read
(``better_than_rules``). ``--augment N`` fits the weights on the pairs as read and beside them
on N draws of each war's reports misread at ``AUGMENT_NOISE`` (``augmented``: a match that has
seen misread pairs leans less on a type or a date); ``--tune-draws N`` chooses the penalty,
reach, threshold and link on N such draws of the other wars as well as on them as read. ``--errors
lists the rules' (or ``--shipped``: the shipped match's) missed and wrong merges on dev by
what differs between the two reports. Unattended: ``python3 scripts/learn_merge.py --out
geo/store/models/merge_match.json`` after the gold set changes.

``--sweep`` sets each hand-set threshold of ``SWEEP`` in turn to every value listed there, the
others as they are, and prints the pooled B-cubed precision, recall and F1 on dev, each war's
recall, and the value leave-one-war-out chooses for each war (the best on the others, ties to
the value set now) with the pooled F1 of those choices: a threshold is safe in the middle of a plateau, not at its edge.
``--type-noise SHARE`` merges with that share of the reports' types drawn again at random from
the dev reports' types (``NOISE_DRAWS`` draws, scored with the true types), as the event model
types a war it was not fitted on less well than the wars it was; ``--date-noise SHARE`` moves
that share of the reports' dates, half of those not already on it to their publication day
(a date the text left unresolved, or the day a statement was made) and the rest a day either
way (a night's happening, "yesterday" read against the wrong day), alone or with ``--type-noise``;
``--place-noise`` moves that share of the reports placed at a town to its region's seat, its
region or its country (``PLACE_NOISE_KINDS``, from the gazetteer), as the geoparser places a
war's towns it does not know. ``--only NAME`` sweeps only that threshold (repeatable).
``--causes`` with any of the three splits the loss of the merging under them by cause (the mean
over the draws), as a war read worse than the dev wars would lose it.
``--pairs`` lists every pair of items of one happening that ends in two events or has no event,
war by war, with its cause and what each report read (``list_missed_pairs``).
``--thresholds`` fits the learned match without each war in turn and merges that war at each
probability threshold of ``THRESHOLDS`` (the hand-set rules at each ``min_overlap``), then sets
the shipped threshold beside the one each war would get were it chosen on the other wars alone
(``chosen_without_each_war``: best mean F1 over them), with pooled and per-war-mean F1.
``--typed-apart`` counts the examples of two types by their pair of types, the days between
them and whether they tell one happening (``typed_apart``).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_coded import GOLD_JSONL, pipeline_events, predict  # noqa: E402

from gazetteer.geodesy import great_circle_km  # noqa: E402
from geo.eval.coded import MATCH_KM, CodedGold, PredictedEvent, match_items, read_jsonl, score, to_jsonl  # noqa: E402
from geo.records import GEO_PRECISION_NEAR, GEO_PRECISION_REGION, Event  # noqa: E402
from geo.store.merge import (  # noqa: E402
    AID_SUB_TYPE,
    PAIR_FEATURES,
    SEAT_FEATURES,
    LearnedMatch,
    MergedEvent,
    MergeRules,
    Report,
    content_words,
    dates_agree,
    days_apart,
    merge,
    overlap,
    pair_features,
    shipped_match,
)

#: The hand-set thresholds ``--sweep`` varies (``MergeRules`` fields), and their values.
SWEEP: dict[str, tuple[float | int | None, ...]] = {
    "max_km": (5.0, 10.0, 15.0, 20.0, 25.0, 30.0),
    "seat_km": (10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 50.0),
    "min_overlap": (0.0, 0.03, 0.05, 0.08, 0.1, 0.12, 0.15, 0.2),
    "slack_overlap": (0.3, 0.5, 0.8, 1.01),
    "publication_days": (0, 1, 2, 3),
    "unstated_days": (-1, 1, 2, 3),
    "unstated_event": (False, True),
    "other_overlap": (None, 0.1, 0.2, 0.3, 0.4, 0.5),
    "victims_overlap": (None, 0.05, 0.1, 0.15, 0.2, 0.25),
    "retyped_overlap": (None, 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4),
    "retyped_account_overlap": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3),
    "retyped_days_overlap": (None, 0.1, 0.2, 0.3, 0.4, 0.5),
    "wider_overlap": (None, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4),
    "nearby_km": (10.0, 15.0, 25.0, 35.0, 50.0),
    "wider_across": (False, True),
    "wider_lead": (None, 1.0, 1.25, 1.5, 2.0, 3.0),
    "seat_as_region": (False, True),
    "wide_tolls": (False, True),
    "shared_toll": (None, 2, 3, 4, 5, 8),
    "shared_toll_days": (0, 1, 2, 3),
}
#: Where ``--place-noise`` moves a report's place: the seat of its first-level region, the
#: region, or the country, as the geoparser of a war it was not fitted on places a town it
#: does not know (a province named after its seat read as the city, "in X province", only
#: the country named).
PLACE_NOISE_KINDS = ("seat", "region", "country")
#: Random draws of ``--type-noise`` averaged.
NOISE_DRAWS = 20
#: Shares of types, dates and places misread in the draws ``--augment`` fits on: within what the
#: event model misreads of a war it was not fitted on (12-25 % of types, 11-22 % of dates), and
#: the geoparser's wider places.
AUGMENT_NOISE = (0.15, 0.15, 0.2)
#: The first seed of those draws: apart from the ``NOISE_DRAWS`` seeds that score.
AUGMENT_SEED = 1000

REACH = LearnedMatch(weights=(0.0,) * len(PAIR_FEATURES), bias=0.0, across_types=True)
#: Inverse strengths of the regression's L2 penalty tried, chosen by leave-one-war-out with the
#: settings below: a war the weights were not fitted on is told in other words and typed and
#: dated less well, so a penalty that fits the seen wars less closely may merge it better.
REGULARISATIONS = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
#: How much better than the hand-set rules, in pooled leave-one-war-out B-cubed F1, the learned
#: match must merge to become the default: less is within what one or two items move on the
#: dev wars (the first learned match to clear the bare comparison, by 0.006, then scored 0.745
#: against the rules' 0.794 on the test wars).
DEFAULT_MARGIN = 0.01
#: How much the learned match may merge the wars left out worse as read than the rules, when it
#: merges them misread better by ``DEFAULT_MARGIN``, and still become the default.
CLEAN_TOLERANCE = 0.005
#: Reach in km, probability threshold and link tried (``LearnedMatch``), chosen by leave-one-war-out.
SETTINGS = tuple(itertools.product((15.0, 25.0), (0.4, 0.5, 0.6), ("event", "average")))


#: An item of the gold set (report id, happening id) and the predicted event it matched, if any.
Item = tuple[tuple[str, str], PredictedEvent | None]


@dataclass(frozen=True, slots=True)
class Pair:
    report: Report
    event: MergedEvent
    same: bool
    conflict: str


def training_hash(gold: CodedGold) -> str:
    """SHA-256 of the gold data a model is fitted on (its JSON lines)."""
    return hashlib.sha256(to_jsonl(gold).encode("utf-8")).hexdigest()


def happening_of_events(gold: CodedGold, events: dict[str, tuple[Event, ...]]) -> dict[str, str]:
    predicted = predict(gold, events, MergeRules())  # matching items to events does not depend on merging
    found: dict[str, str] = {}
    for (_, happening_id), event in match_items(gold, predicted).items():
        if event is not None:
            found[event.event_id] = happening_id
    return found


def examples(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    drawn: dict[str, tuple[Event, ...]] | None = None,
    happening_of: dict[str, str] | None = None,
) -> list[Pair]:
    """Every labelled pair within reach: two events of two articles (of one type unless
    ``REACH.across_types``); with ``drawn`` (``events`` with some types, dates or places
    misread, ``noisy_draws``), the pairs of those readings, labelled by what ``events`` tell."""
    happening_of = happening_of_events(gold, events) if happening_of is None else happening_of
    by_id = {e.event_id: e for r in gold.reports for e in (drawn or events)[r.id]}
    conflict = {h.id: h.conflict for h in gold.happenings}
    found = []
    for a_id, b_id in itertools.combinations(sorted(happening_of), 2):
        a, b = by_id[a_id], by_id[b_id]
        if a.article_id == b.article_id or (a.event_type != b.event_type and not REACH.across_types):
            continue
        if great_circle_km(a.lat, a.lon, b.lat, b.lon) > REACH.max_km:
            continue
        report, event = Report.from_event(b), MergedEvent.first(Report.from_event(a))
        # Every pair within the days of reach, also those the match never weighs (an earlier
        # date on its publication day): they teach what a gap of days means.
        if not dates_agree(a.event_date, a.date_precision, b.event_date, b.date_precision, day_slack=REACH.max_days):
            continue
        found.append(Pair(report, event, happening_of[a_id] == happening_of[b_id], conflict[happening_of[a_id]]))
    return found


def augmented(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    copies: int,
    share: float = AUGMENT_NOISE[0],
    date_share: float = AUGMENT_NOISE[1],
    place_share: float = AUGMENT_NOISE[2],
) -> list[Pair]:
    """The labelled pairs as read (``examples``) and beside them those of ``copies`` draws of the
    reports with ``share`` of their types, ``date_share`` of their dates and ``place_share`` of
    their places misread (``noisy_draws``, seeds apart from those that score): a match fitted on
    them learns what still tells one happening when a war is read less well than the dev wars."""
    happening_of = happening_of_events(gold, events)
    found = examples(gold, events, happening_of=happening_of)
    if copies <= 0:
        return found
    seeds = range(AUGMENT_SEED, AUGMENT_SEED + copies)
    for drawn in noisy_draws(events, share, date_share, place_share, seeds):
        found.extend(examples(gold, events, drawn, happening_of))
    return found


def typed_apart(pairs: Sequence[Pair]) -> Counter[tuple[str, int, bool]]:
    """The labelled pairs of two types (``examples``) counted by their two types (an aid delivery
    named apart: it is never weighed against another kind), the days between their dates
    (``days_apart``) and whether they tell one happening: which pairs of types one happening is
    told as, and which are two happenings at one place."""
    found: Counter[tuple[str, int, bool]] = Counter()
    for p in pairs:
        a, b = p.report, p.event
        if a.event_type == b.event_type:
            continue
        named = sorted(
            f"{t} aid" if sub == AID_SUB_TYPE else t
            for t, sub in ((a.event_type, a.sub_event_type), (b.event_type, b.sub_event_type))
        )
        found[(" and ".join(named), days_apart(a, b), p.same)] += 1
    return found


def print_typed_apart(pairs: Sequence[Pair]) -> None:
    counts = typed_apart(pairs)
    print("pairs of two types within reach, from two articles: types, days apart, one happening / two")
    for types, days in sorted({(t, d) for t, d, _ in counts}):
        print(f"  {types:40s} {days} d  {counts[(types, days, True)]:3d} / {counts[(types, days, False)]:3d}")


def idf(documents: Sequence[frozenset[str]]) -> tuple[tuple[tuple[str, float], ...], float]:
    """Smoothed inverse document frequency, ``log((1 + n) / (1 + df)) + 1``, of the words of at
    least two documents, and the weight of any other word (seen once or never)."""
    df = Counter(word for words in documents for word in words)
    n = len(documents)

    def weight(count: int) -> float:
        return round(math.log((1 + n) / (1 + count)) + 1, 4)

    return tuple(sorted((word, weight(count)) for word, count in df.items() if count >= 2)), weight(1)


def documents(gold: CodedGold) -> dict[str, frozenset[str]]:
    """The content words of each report (title and text), by conflict order of the gold set."""
    return {r.id: content_words(f"{r.title} {r.text}") for r in gold.reports}


def fit(
    pairs: Sequence[Pair], texts: Sequence[frozenset[str]], trained_on: str = "", regularisation: float = 1.0
) -> LearnedMatch:
    from sklearn.linear_model import LogisticRegression

    table, unseen = idf(texts)
    blank = replace(REACH, idf=table, unseen_idf=unseen, regularisation=regularisation)
    features = [pair_features(p.report, p.event, blank) for p in pairs]
    # Each feature scaled to unit spread before the penalty, so that it shrinks every weight
    # alike, not most those of features that vary little (a cosine of words against a count of days).
    columns = list(zip(*features, strict=True))
    means = [sum(c) / len(c) for c in columns]
    spreads = [math.sqrt(sum((x - m) ** 2 for x in c) / len(c)) or 1.0 for c, m in zip(columns, means, strict=True)]
    scaled = [[(x - m) / d for x, m, d in zip(row, means, spreads, strict=True)] for row in features]
    model = LogisticRegression(C=regularisation).fit(scaled, [p.same for p in pairs])
    weights = [float(w) / d for w, d in zip(model.coef_[0], spreads, strict=True)]
    bias = float(model.intercept_[0]) - sum(w * m for w, m in zip(weights, means, strict=True))
    return replace(blank, weights=tuple(round(w, 4) for w in weights), bias=round(bias, 4), trained_on=trained_on)


def war_of(gold: CodedGold, conflict: str) -> CodedGold:
    return CodedGold(
        tuple(h for h in gold.happenings if h.conflict == conflict),
        tuple(r for r in gold.reports if r.conflict == conflict),
    )


def wars(gold: CodedGold) -> list[str]:
    return sorted({r.conflict for r in gold.reports})


def fit_without(
    gold: CodedGold,
    pairs: Sequence[Pair],
    texts: dict[str, frozenset[str]],
    left_out: Sequence[str],
    regularisation: float = 1.0,
) -> LearnedMatch:
    """The weights fitted on the pairs and reports of every war but ``left_out``."""
    return fit(
        [p for p in pairs if p.conflict not in left_out],
        [texts[r.id] for r in gold.reports if r.conflict not in left_out],
        regularisation=regularisation,
    )


def tuned(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    pairs: Sequence[Pair],
    texts: dict[str, frozenset[str]],
    trained_on: str = "",
    draws: Sequence[dict[str, tuple[Event, ...]]] = (),
) -> tuple[LearnedMatch, float]:
    """The model fitted on all of ``gold``'s wars, with the regularisation (``REGULARISATIONS``),
    reach, threshold and link (``SETTINGS``) whose leave-one-war-out B-cubed F1 over ``gold``
    is best (ties: the first), and that F1. With ``draws`` (``noisy_draws``), the F1 weighed is
    the mean of the F1 as read and the mean F1 over the draws: settings that merge a war read
    less well, without losing the war read as well as the dev wars."""
    best: tuple[float, float, tuple[float, float, str]] | None = None
    for regularisation in REGULARISATIONS:
        folds = [(fit_without(gold, pairs, texts, [war], regularisation), war_of(gold, war)) for war in wars(gold)]
        for setting in SETTINGS:
            max_km, threshold, link = setting
            predicted: list[PredictedEvent] = []
            noisy: list[list[PredictedEvent]] = [[] for _ in draws]
            for model, war in folds:
                rules = MergeRules(learned=replace(model, max_km=max_km, threshold=threshold, link=link))
                predicted.extend(predict(war, events, rules))
                for run, drawn in zip(noisy, merged_draws(war, events, rules, draws) if draws else [], strict=True):
                    run.extend(drawn)
            f1 = score(gold, predicted).f1
            if draws:
                f1 = (f1 + sum(score(gold, run).f1 for run in noisy) / len(noisy)) / 2
            if best is None or f1 > best[0]:
                best = (f1, regularisation, setting)
    assert best is not None
    f1, regularisation, (max_km, threshold, link) = best
    model = fit(list(pairs), list(texts[r.id] for r in gold.reports), trained_on, regularisation)
    return replace(model, max_km=max_km, threshold=threshold, link=link), f1


def leave_one_war_out(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    pairs: Sequence[Pair],
    type_share: float = 0.0,
    date_share: float = 0.0,
    place_share: float = 0.0,
    tune_draws: int = 0,
) -> tuple[float, float, float | None, float | None]:
    """Per war and pooled B-cubed F1 of the learned model tuned and fitted without that war
    (its settings chosen by leave-one-war-out over the other wars), and of the hand-set rules;
    with ``type_share`` or ``date_share``, also their mean pooled F1 when each left-out war's
    types and dates are that much off (``merged_with_noise``), as a war the event model was
    not fitted on is read; ``place_share`` of the places made wider besides. With ``tune_draws``,
    the settings are chosen on that many draws of the other wars misread (``AUGMENT_NOISE``,
    seeds apart from those that score) as well as on them as read (``tuned``). Returns the
    pooled F1 of the learned model and of the rules, and their mean F1 under noise (or ``None``)."""
    learned_all: list[PredictedEvent] = []
    rules_all: list[PredictedEvent] = []
    noisy: dict[str, list[list[PredictedEvent]]] = {"learned": [], "hand-set": []}
    texts = documents(gold)
    tuning = tuning_draws(events, tune_draws)
    for conflict in wars(gold):
        others = war_of_all_but(gold, conflict)
        model, _ = tuned(others, events, [p for p in pairs if p.conflict != conflict], texts, draws=tuning)
        war = war_of(gold, conflict)
        learned = predict(war, events, MergeRules(learned=model))
        rules = predict(war, events, MergeRules())
        learned_all.extend(learned)
        rules_all.extend(rules)
        print(
            f"left out {conflict}: F1 learned {score(war, learned).f1:.3f} "
            f"({model.max_km:g} km, threshold {model.threshold:g}, {model.link} link, C {model.regularisation:g}), "
            f"hand-set rules {score(war, rules).f1:.3f}",
            flush=True,
        )
        if type_share > 0 or date_share > 0 or place_share > 0:
            for label, merging in (("learned", MergeRules(learned=model)), ("hand-set", MergeRules())):
                runs = merged_with_noise(war, events, merging, type_share, date_share, place_share)
                drawn = noisy[label] or [[] for _ in runs]
                noisy[label] = [[*pooled, *run] for pooled, run in zip(drawn, runs, strict=True)]
    learned_score, rules_score = score(gold, learned_all), score(gold, rules_all)
    print("leave-one-war-out, all dev items, learned:", json.dumps(learned_score.as_dict()))
    print("leave-one-war-out, all dev items, hand-set:", json.dumps(rules_score.as_dict()))
    under_noise: dict[str, float] = {}
    for label, runs in noisy.items():
        if runs:
            scores = [score(gold, run) for run in runs]
            p, r, f1 = (sum(getattr(s, k) for s in scores) / len(scores) for k in ("precision", "recall", "f1"))
            under_noise[label] = f1
            print(
                f"leave-one-war-out, {label}, {type_share:g} of types, {date_share:g} of dates and"
                f" {place_share:g} of places off: P {p:.4f} R {r:.4f} F1 {f1:.4f}"
            )
    return learned_score.f1, rules_score.f1, under_noise.get("learned"), under_noise.get("hand-set")


def tuning_draws(events: dict[str, tuple[Event, ...]], count: int) -> list[dict[str, tuple[Event, ...]]]:
    """``count`` draws of ``events`` misread at ``AUGMENT_NOISE``, seeds apart from those that score."""
    if count <= 0:
        return []
    return noisy_draws(events, *AUGMENT_NOISE, range(AUGMENT_SEED + 500, AUGMENT_SEED + 500 + count))


def war_of_all_but(gold: CodedGold, conflict: str) -> CodedGold:
    return CodedGold(
        tuple(h for h in gold.happenings if h.conflict != conflict),
        tuple(r for r in gold.reports if r.conflict != conflict),
    )


#: A quote of fewer content words than this names the happening in passing.
BRIEF_WORDS = 8


def kind_of(a: Event, b: Event) -> str:
    """What differs between two events that tell one happening or two (for the error lists)."""
    if a.event_id == b.event_id:
        return "one event read for two happenings"
    kinds = []
    if a.event_type != b.event_type:
        kinds.append("type")
    elif a.sub_event_type != b.sub_event_type:
        kinds.append("sub-type")
    km = great_circle_km(a.lat, a.lon, b.lat, b.lon)
    if km > 1 and max(a.geo_precision, b.geo_precision) > GEO_PRECISION_NEAR:
        kinds.append(f"town vs region {km:.0f} km")
    elif km > 1:
        kinds.append(f"nearby point {km:.0f} km")
    if a.event_date and b.event_date and a.event_date != b.event_date:
        later = a if a.event_date > b.event_date else b
        dated = "on its publication day" if later.event_date == later.published else "both from the text"
        kinds.append(f"{abs((a.event_date - b.event_date).days)} d apart, later {dated}")
    words_a, words_b = Report.from_event(a).words, Report.from_event(b).words
    if min(len(words_a), len(words_b)) < BRIEF_WORDS:
        kinds.append("told briefly")
    if overlap(words_a, words_b) < 0.2:
        kinds.append("few shared words")
    return ", ".join(kinds) or "same place, day and kind"


def list_errors(gold: CodedGold, events: dict[str, tuple[Event, ...]], rules: MergeRules) -> None:
    """The merging's missed and wrong merges (pairs of items), counted by what differs."""
    predicted = predict(gold, events, rules)
    merged = {p.event_id: p.merged_id for p in predicted}
    by_id = {e.event_id: e for r in gold.reports for e in events[r.id]}
    items = [(item, event) for item, event in match_items(gold, predicted).items() if event is not None]
    missed: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for (i1, e1), (i2, e2) in itertools.combinations(items, 2):
        a, b = by_id[e1.event_id], by_id[e2.event_id]
        together = merged[a.event_id] == merged[b.event_id]
        if i1[1] == i2[1] and i1[0] != i2[0] and not together:
            missed[kind_of(a, b)] += 1
        elif i1[1] != i2[1] and together:
            wrong[kind_of(a, b)] += 1
    unmatched = sum(event is None for event in match_items(gold, predicted).values())
    print(f"items without a matching event: {unmatched}")
    print("missed merges (pairs of items of one happening in two events), by what differs:")
    for kind, n in missed.most_common():
        print(f"  {n:3d}  {kind}")
    print("wrong merges (pairs of items of two happenings in one event), by what differs:")
    for kind, n in wrong.most_common():
        print(f"  {n:3d}  {kind}")


def list_missed_pairs(
    gold: CodedGold, events: dict[str, tuple[Event, ...]], rules: MergeRules | Callable[[str], MergeRules]
) -> None:
    """Every pair of items of one happening that ends in two events (or none), war by war, with
    its cause (``cause_of_pair``, ``cause_of_unmatched``) and what each report read: type,
    date (and publication day), place, and the share of words the two quotes hold in common.
    ``rules`` may be given per war (a match fitted without that war): each war is then merged
    alone, by its own."""
    if isinstance(rules, MergeRules):
        predicted = predict(gold, events, rules)
    else:
        predicted = [e for w in wars(gold) for e in predict(war_of(gold, w), events, rules(w))]
    items = match_items(gold, predicted)
    by_id = {e.event_id: e for r in gold.reports for e in events[r.id]}
    places = report_places(gold, sorted({i[0] for i, e in items.items() if e is None}))
    conflict_of = {r.id: r.conflict for r in gold.reports}
    causes: Counter[str] = Counter()
    for (i1, e1), (i2, e2) in itertools.combinations(sorted(items.items(), key=lambda kv: kv[0][::-1]), 2):
        if i1[1] != i2[1] or (e1 is not None and e2 is not None and e1.merged_id == e2.merged_id):
            continue
        if e1 is None or e2 is None:
            cause = cause_of_unmatched(gold, i1 if e1 is None else i2, events, places)
            told = "; ".join(
                f"{i[0]}: {_told(by_id[e.event_id]) if e else 'no event'}" for i, e in ((i1, e1), (i2, e2))
            )
        else:
            a, b = by_id[e1.event_id], by_id[e2.event_id]
            cause = cause_of_pair(a, b, same=True)
            shared = overlap(Report.from_event(a).words, Report.from_event(b).words)
            km = great_circle_km(a.lat, a.lon, b.lat, b.lon)
            told = f"{i1[0]}: {_told(a)}; {i2[0]}: {_told(b)}; {km:.0f} km, words shared {shared:.2f}"
        causes[cause] += 1
        print(f"{conflict_of[i1[0]][:24]:24}  {i1[1]}  {cause}\n    {told}")
    print("missed pairs by cause:")
    for cause, n in causes.most_common():
        print(f"  {n:3d}  {cause}")


def _told(e: Event) -> str:
    """One report's reading, briefly."""
    return f"{e.event_type}/{e.sub_event_type} {e.event_date} (pub {e.published}) at {e.place} [{e.feature_code}]"


def cause_of_pair(a: Event, b: Event, same: bool) -> str:
    """The main cause of a missed merge (``same``) or a wrong one, as the loss table groups them."""
    if a.event_id == b.event_id:
        return "wrong: one event read for two happenings"
    if not same:
        if a.event_date != b.event_date:
            return "wrong: same town, another day"
        if a.event_type != b.event_type or a.sub_event_type != b.sub_event_type:
            return "wrong: same day, another kind"
        return "wrong: same place, day and kind"
    if a.event_type != b.event_type:
        return "missed: type disagrees"
    if a.event_date and b.event_date and a.event_date != b.event_date:
        later = a if a.event_date > b.event_date else b
        gap = abs((a.event_date - b.event_date).days)
        if later.event_date == later.published:
            return f"missed: {'a day' if gap == 1 else 'days'} apart, the later on its publication day"
        return f"missed: {'a day' if gap == 1 else 'days'} apart, both dated by their text"
    if great_circle_km(a.lat, a.lon, b.lat, b.lon) > 1:
        return f"missed: {place_apart_cause(a, b)}"
    words_a, words_b = Report.from_event(a).words, Report.from_event(b).words
    if min(len(words_a), len(words_b)) < BRIEF_WORDS:
        return "missed: the happening named briefly"
    if a.sub_event_type != b.sub_event_type:
        return "missed: sub-type disagrees"
    return "missed: few shared words"


def place_apart_cause(a: Event, b: Event) -> str:
    """Why two reports of one happening are placed apart: one at a namesake in another country
    or far off (their places named alike), at the region or country, at a seat near the
    other's town, or at a nearby point."""
    if a.country_code != b.country_code or (
        content_words(a.mention) & content_words(b.mention) and great_circle_km(a.lat, a.lon, b.lat, b.lon) > MATCH_KM
    ):
        return "placed at a namesake (another country, or one name far apart)"
    if max(a.geo_precision, b.geo_precision) > GEO_PRECISION_NEAR:
        return "a town and its region or country"
    if (a.feature_code in SEAT_FEATURES) != (b.feature_code in SEAT_FEATURES):
        return "a seat and a town near it"
    return "a nearby point"


def cause_of_unmatched(
    gold: CodedGold, item: tuple[str, str], events: dict[str, tuple[Event, ...]], places: dict[str, list[tuple]]
) -> str:
    """Why an item has no event: its place not found, found but no event made there, an event of
    another kind, or its event placed in another country (a namesake) or only at the region or
    country and not joined to the happening."""
    report_id, happening_id = item
    h = gold.happening(happening_id)
    near = [e for e in events[report_id] if great_circle_km(h.lat, h.lon, e.lat, e.lon) <= MATCH_KM]
    if near:
        return "no event: an event there of another type"
    if any(e.country_code and e.country_code != h.country_code.upper() for e in events[report_id]):
        return "no event: placed in another country (a namesake, or where talks abroad were held)"
    if any(e.geo_precision > GEO_PRECISION_NEAR and e.event_type == h.event_type for e in events[report_id]):
        return "no event: placed at its region or country, not joined"
    if any(great_circle_km(h.lat, h.lon, lat, lon) <= MATCH_KM for lat, lon in places.get(report_id, ())):
        return "no event: place found, no event made there"
    return "no event: place not found (or placed elsewhere)"


def report_places(gold: CodedGold, report_ids: Sequence[str]) -> dict[str, list[tuple]]:
    """The points of every place the geoparser finds in the given reports."""
    from geo.parse.pipeline import load_pipeline

    geoparser = load_pipeline().geoparser
    texts = {r.id: r.text for r in gold.reports}
    found: dict[str, list[tuple]] = {}
    for report_id in report_ids:
        for section in geoparser.sections(texts[report_id]):
            found.setdefault(report_id, []).extend(
                (p.entry.lat, p.entry.lon) for p in section.places if p.entry.lat is not None
            )
    return found


def bcubed_losses(
    gold: CodedGold, predicted: Sequence[PredictedEvent], cause_of: Callable[[Item, Item], str]
) -> tuple[Counter[str], Counter[str]]:
    """The B-cubed recall and precision ``predicted`` loses on ``gold``, by ``cause_of`` each
    pair of items: each missing mate of an item costs its recall 1/|its happening|, each wrong
    mate its precision 1/|its event| (over all items); an item with no event loses every mate."""
    items = match_items(gold, predicted)
    gold_size = Counter(h for _, h in items)
    merged_of = {item: (e.merged_id if e else f"none:{item}") for item, e in items.items()}
    event_size = Counter(merged_of.values())
    n = len(items)
    recall_loss: Counter[str] = Counter()
    precision_loss: Counter[str] = Counter()
    for i1, i2 in itertools.permutations(items, 2):
        same = i1[1] == i2[1]
        together = merged_of[i1] == merged_of[i2]
        if same and not together:
            recall_loss[cause_of((i1, items[i1]), (i2, items[i2]))] += 1 / gold_size[i1[1]] / n
        elif not same and together and items[i1] is not None and items[i2] is not None:
            precision_loss[cause_of((i1, items[i1]), (i2, items[i2]))] += 1 / event_size[merged_of[i1]] / n
    return recall_loss, precision_loss


def loss_by_cause(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    rules: MergeRules,
    share: float = 0.0,
    date_share: float = 0.0,
    place_share: float = 0.0,
) -> None:
    """The B-cubed F1 the merging loses on ``gold``, by cause (``bcubed_losses``), printed with
    the F1 if that cause alone were gone; with a share of the types, dates or places off
    (``noisy_draws``), the mean over the draws, each pair's cause read from its draw."""
    draws = noisy_draws(events, share, date_share, place_share)
    items = match_items(gold, predict(gold, events, rules))
    places = report_places(gold, sorted({i[0] for i, e in items.items() if e is None}))
    recall_loss: Counter[str] = Counter()
    precision_loss: Counter[str] = Counter()
    scores = []
    for drawn, predicted in zip(draws, merged_draws(gold, events, rules, draws), strict=True):
        by_id = {e.event_id: e for r in gold.reports for e in drawn[r.id]}

        def cause(first: Item, second: Item, by_id: dict[str, Event] = by_id) -> str:
            (i1, e1), (i2, e2) = first, second
            if e1 is None or e2 is None:
                return cause_of_unmatched(gold, i1 if e1 is None else i2, events, places)
            return cause_of_pair(by_id[e1.event_id], by_id[e2.event_id], i1[1] == i2[1])

        recall, precision = bcubed_losses(gold, predicted, cause)
        recall_loss.update({c: v / len(draws) for c, v in recall.items()})
        precision_loss.update({c: v / len(draws) for c, v in precision.items()})
        scores.append(score(gold, predicted))
    p, r = (sum(getattr(s, k) for s in scores) / len(scores) for k in ("precision", "recall"))
    print(f"B-cubed P {p:.4f} R {r:.4f} F1 {2 * p * r / (p + r):.4f} over {len(items)} items; lost, by cause:")
    print("  recall  precision  F1 without it  cause")
    for c in sorted(set(recall_loss) | set(precision_loss), key=lambda c: -(recall_loss[c] + precision_loss[c])):
        p_without, r_without = p + precision_loss[c], r + recall_loss[c]
        f1 = 2 * p_without * r_without / (p_without + r_without)
        print(f"  {recall_loss[c]:.4f}  {precision_loss[c]:.4f}     {f1:.4f}         {c}")


def each_event(events: dict[str, tuple[Event, ...]], change: Callable[[Event], Event]) -> dict[str, tuple[Event, ...]]:
    """``events`` with ``change`` made to each, report by report in order (a draw's order)."""
    return {report_id: tuple(change(e) for e in told) for report_id, told in sorted(events.items())}


def noisy_types(events: dict[str, tuple[Event, ...]], share: float, seed: int) -> dict[str, tuple[Event, ...]]:
    """``events`` with ``share`` of them given another type and sub-type, drawn from the others'."""
    import random

    rng = random.Random(seed)
    kinds = sorted({(e.event_type, e.sub_event_type) for told in events.values() for e in told})

    def redrawn(e: Event) -> Event:
        if rng.random() >= share:
            return e
        event_type, sub_event_type = rng.choice([k for k in kinds if k[0] != e.event_type])
        return replace(e, event_type=event_type, sub_event_type=sub_event_type)

    return each_event(events, redrawn)


def noisy_dates(events: dict[str, tuple[Event, ...]], share: float, seed: int) -> dict[str, tuple[Event, ...]]:
    """``events`` with ``share`` of their dates moved: half of those not dated on their
    publication day to it, the others a day earlier or later."""
    import random

    rng = random.Random(seed)

    def moved(e: Event) -> Event:
        if e.event_date is None or rng.random() >= share:
            return e
        if e.published is not None and e.published != e.event_date and rng.random() < 0.5:
            return replace(e, event_date=e.published)
        return replace(e, event_date=e.event_date + timedelta(days=rng.choice((-1, 1))))

    return each_event(events, moved)


@dataclass(frozen=True, slots=True)
class Wider:
    """A place that holds a town, as the gazetteer gives it: (name, feature code, lat, lon)."""

    name: str
    feature_code: str
    lat: float
    lon: float


def wider_places(events: dict[str, tuple[Event, ...]]) -> dict[tuple[str, str, str], Wider]:
    """The seat, the region and the country of every town the events are placed at, by
    (kind, country code, region name), read from the gazetteer (``PLACE_NOISE_KINDS``)."""
    import sqlite3

    from gazetteer.database import default_cache_path

    wanted = {(e.country_code, e.admin1) for told in events.values() for e in told if e.country_code}
    found: dict[tuple[str, str, str], Wider] = {}
    with sqlite3.connect(default_cache_path()) as conn:
        for country, region in sorted(wanted):
            rows = conn.execute(
                "SELECT name, feature_code, lat, lon FROM entries WHERE country_code = ? AND "
                "(feature_code IN ('PPLA', 'ADM1') AND admin1 = ? OR feature_code = 'PCLI') ORDER BY population DESC",
                (country, region),
            )
            for name, code, lat, lon in rows:
                kind = {"PPLA": "seat", "ADM1": "region"}.get(code, "country")
                found.setdefault((kind, country, region if kind != "country" else ""), Wider(name, code, lat, lon))
    return found


def noisy_places(
    events: dict[str, tuple[Event, ...]], share: float, seed: int, wider: dict[tuple[str, str, str], Wider]
) -> dict[str, tuple[Event, ...]]:
    """``events`` with ``share`` of those placed at a town moved to its region's seat, its region
    or its country (``PLACE_NOISE_KINDS``, one drawn for each; the event stays when the gazetteer
    has no such place)."""
    import random

    rng = random.Random(seed)

    def moved(e: Event) -> Event:
        if e.geo_precision >= GEO_PRECISION_REGION or rng.random() >= share:
            return e
        kind = rng.choice(PLACE_NOISE_KINDS)
        place = wider.get((kind, e.country_code, e.admin1 if kind != "country" else ""))
        if place is None or place.name == e.place:
            return e
        precision = e.geo_precision if kind == "seat" else GEO_PRECISION_REGION
        admin1 = "" if kind == "country" else e.admin1
        return replace(
            e,
            place=place.name,
            mention=place.name,
            feature_code=place.feature_code,
            lat=place.lat,
            lon=place.lon,
            geo_precision=precision,
            admin1=admin1,
        )

    return each_event(events, moved)


def merged_with_noise(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    rules: MergeRules,
    share: float,
    date_share: float = 0.0,
    place_share: float = 0.0,
) -> list[list[PredictedEvent]]:
    """The predicted events of ``rules``' merging, once per draw of ``share`` of the types
    redrawn, ``date_share`` of the dates moved and ``place_share`` of the places made wider
    (once, as they are, when all are 0), each coded and scored with the true types, dates and places."""
    return merged_draws(gold, events, rules, noisy_draws(events, share, date_share, place_share))


def noisy_draws(
    events: dict[str, tuple[Event, ...]],
    share: float,
    date_share: float,
    place_share: float,
    seeds: range = range(NOISE_DRAWS),
) -> list[dict[str, tuple[Event, ...]]]:
    """One draw of ``events`` per seed (``NOISE_DRAWS`` draws, those that score, by default) with
    ``share`` of the types redrawn, ``date_share`` of the dates moved and ``place_share`` of the
    places made wider; ``events`` alone when all are 0."""
    if share <= 0 and date_share <= 0 and place_share <= 0:
        return [events]
    wider = wider_places(events) if place_share > 0 else {}
    return [
        noisy_places(noisy_dates(noisy_types(events, share, seed), date_share, seed), place_share, seed, wider)
        for seed in seeds
    ]


def merged_draws(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    rules: MergeRules,
    draws: Sequence[dict[str, tuple[Event, ...]]],
) -> list[list[PredictedEvent]]:
    """The predicted events of ``rules``' merging of each draw, coded and scored with ``events``."""
    published = {r.id: (r.published, r.id) for r in gold.reports}
    runs = []
    for drawn in draws:
        ordered = [e for r in sorted(gold.reports, key=lambda r: published[r.id]) for e in drawn[r.id]]
        clusters = [[r.event_id for r in m.reports] for m in merge(ordered, rules)]
        runs.append(predict(gold, events, rules, clusters=clusters))
    return runs


def sweep(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    share: float,
    date_share: float = 0.0,
    place_share: float = 0.0,
    fields: Sequence[str] = (),
) -> None:
    """Each threshold of ``SWEEP`` (or of ``fields``) over its values: pooled and per-war
    figures, and leave-one-war-out."""
    names = wars(gold)
    for field_name, values in SWEEP.items():
        if fields and field_name not in fields:
            continue
        now = getattr(MergeRules(), field_name)
        print(f"{field_name} (now {now}):")
        runs = {
            v: merged_with_noise(gold, events, replace(MergeRules(), **{field_name: v}), share, date_share, place_share)
            for v in values
        }
        for value, predicted in runs.items():
            scores = [score(gold, run) for run in predicted]
            p, r, f1 = (sum(getattr(s, k) for s in scores) / len(scores) for k in ("precision", "recall", "f1"))
            per_war = [
                sum(
                    score(war_of(gold, w), [e for e in run if e.article_id in _reports_of(gold, w)]).recall
                    for run in predicted
                )
                / len(predicted)
                for w in names
            ]
            print(
                f"  {value!s:>5}: P {p:.3f} R {r:.3f} F1 {f1:.4f}; recall by war "
                + " ".join(f"{x:.2f}" for x in per_war)
            )
        chosen, held_out = [], []
        for w in names:
            others = war_of_all_but(gold, w)
            inside = _reports_of(gold, w)
            # Ties go to the value set now: leave-one-war-out asks whether the other wars move it.
            best = max(
                values,
                key=lambda v: (
                    sum(score(others, [e for e in run if e.article_id not in inside]).f1 for run in runs[v]),
                    v == now,
                ),
            )
            chosen.append(best)
            held_out.extend((i, [e for e in run if e.article_id in inside]) for i, run in enumerate(runs[best]))
        pooled = [score(gold, [e for i, part in held_out if i == k for e in part]) for k in range(len(runs[values[0]]))]
        f1 = sum(s.f1 for s in pooled) / len(pooled)
        print(f"  leave-one-war-out F1 {f1:.4f}, chosen {', '.join(str(v) for v in chosen)}")


#: Probability thresholds of the learned match ``--thresholds`` weighs with each war left out.
THRESHOLDS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


@dataclass(frozen=True, slots=True)
class HeldOut:
    """One war's merging by one candidate setting fitted without it: its predicted events per
    noise draw (one draw when the reports are read as they are)."""

    war: str
    runs: tuple[tuple[PredictedEvent, ...], ...]


def held_out_runs(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    settings_for: Callable[[str], Sequence[MergeRules]],
    draws: Sequence[dict[str, tuple[Event, ...]]],
) -> dict[str, list[HeldOut]]:
    """Each dev war merged by each candidate setting ``settings_for(war)`` gives for it (a
    match fitted without that war, or hand-set rules), once per draw."""
    found: dict[str, list[HeldOut]] = {}
    for conflict in wars(gold):
        war = war_of(gold, conflict)
        found[conflict] = [
            HeldOut(conflict, tuple(tuple(run) for run in merged_draws(war, events, rules, draws)))
            for rules in settings_for(conflict)
        ]
    return found


def war_f1(gold: CodedGold, held: HeldOut) -> float:
    """The B-cubed F1 of one war's merging, the mean over its draws."""
    war = war_of(gold, held.war)
    return sum(score(war, list(run)).f1 for run in held.runs) / len(held.runs)


def pooled(gold: CodedGold, chosen: Sequence[HeldOut]) -> tuple[float, float, float]:
    """Pooled B-cubed precision, recall and F1 over the wars of ``chosen``, the mean over draws."""
    scores = [score(gold, [e for held in chosen for e in held.runs[k]]) for k in range(len(chosen[0].runs))]
    n = len(scores)
    return (
        sum(s.precision for s in scores) / n,
        sum(s.recall for s in scores) / n,
        sum(s.f1 for s in scores) / n,
    )


def chosen_without_each_war(per_war: dict[str, Sequence[float]], now: int) -> dict[str, int]:
    """For each war, the candidate setting (an index into each list of F1s) whose mean F1 over
    the other wars is best, ties to ``now``, the setting shipped: the setting a war would have
    been given had it been unseen when the setting was chosen."""
    chosen = {}
    for war in per_war:
        others = [f1s for other, f1s in per_war.items() if other != war]
        candidates = range(len(per_war[war]))
        chosen[war] = max(candidates, key=lambda i: (sum(f1s[i] for f1s in others), i == now))
    return chosen


def choose_by_wars_left_out(gold: CodedGold, runs: dict[str, list[HeldOut]], labels: Sequence[str], now: int) -> None:
    """Print, for each candidate setting, its pooled figures and the mean over wars of each
    left-out war's F1; then the setting each war would get if chosen on the other wars alone
    (the best mean F1 over them; ties to the setting ``now``), and those choices' figures:
    what choosing the setting this way does for a war it was not chosen on."""
    names = sorted(runs)
    per_war = {w: [war_f1(gold, held) for held in runs[w]] for w in names}
    for i, label in enumerate(labels):
        p, r, f1 = pooled(gold, [runs[w][i] for w in names])
        mean = sum(per_war[w][i] for w in names) / len(names)
        print(f"  {label:>8}: pooled P {p:.4f} R {r:.4f} F1 {f1:.4f}; mean over wars F1 {mean:.4f}")
    choices = chosen_without_each_war(per_war, now)
    chosen = [choices[w] for w in names]
    p, r, f1 = pooled(gold, [runs[w][i] for w, i in zip(names, chosen, strict=True)])
    mean = sum(per_war[w][i] for w, i in zip(names, chosen, strict=True)) / len(names)
    print(
        f"  chosen with each war left out: {', '.join(labels[i] for i in chosen)}\n"
        f"  those choices on their left-out wars: pooled P {p:.4f} R {r:.4f} F1 {f1:.4f}; mean over wars F1 {mean:.4f}"
    )


def fitted_without_each_war(
    gold: CodedGold, events: dict[str, tuple[Event, ...]], pairs: Sequence[Pair] | None = None
) -> dict[str, LearnedMatch]:
    """For each war, the learned match fitted on the other wars' pairs and reports, with the
    shipped match's penalty, reach, threshold and link."""
    shipped = shipped_match()
    texts = documents(gold)
    found = examples(gold, events) if pairs is None else pairs
    return {
        w: replace(
            fit_without(gold, found, texts, [w], shipped.regularisation),
            max_km=shipped.max_km,
            threshold=shipped.threshold,
            link=shipped.link,
        )
        for w in wars(gold)
    }


def thresholds_by_war(
    gold: CodedGold,
    events: dict[str, tuple[Event, ...]],
    pairs: Sequence[Pair],
    share: float = 0.0,
    date_share: float = 0.0,
    place_share: float = 0.0,
) -> None:
    """The learned match's probability threshold chosen with each war left out: for each war,
    weights fitted on the other wars (the shipped penalty, reach and link), the war merged at
    each of ``THRESHOLDS``; the threshold that merges the wars left out best is set beside the
    shipped one. The hand-set rules' ``min_overlap``, their one threshold of words for two
    reports of one kind, is weighed the same way (no weights to refit)."""
    shipped = shipped_match()
    draws = noisy_draws(events, share, date_share, place_share)
    fitted = fitted_without_each_war(gold, events, pairs)
    print(
        f"learned match, weights fitted without each war (C {shipped.regularisation:g}, {shipped.max_km:g} km,"
        f" {shipped.link} link), threshold (shipped {shipped.threshold:g}):"
    )
    runs = held_out_runs(
        gold,
        events,
        lambda w: [MergeRules(learned=replace(fitted[w], threshold=t)) for t in THRESHOLDS],
        draws,
    )
    choose_by_wars_left_out(gold, runs, [f"{t:g}" for t in THRESHOLDS], THRESHOLDS.index(shipped.threshold))
    values = SWEEP["min_overlap"]
    now = MergeRules().min_overlap
    print(f"hand-set rules, min_overlap (shipped {now:g}):")
    runs = held_out_runs(gold, events, lambda w: [replace(MergeRules(), min_overlap=v) for v in values], draws)
    choose_by_wars_left_out(gold, runs, [f"{v:g}" for v in values], values.index(now))


def _reports_of(gold: CodedGold, conflict: str) -> frozenset[str]:
    return frozenset(r.id for r in gold.reports if r.conflict == conflict)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--errors", action="store_true", help="list the hand-set rules' errors on dev by kind")
    parser.add_argument("--shipped", action="store_true", help="--errors of the shipped learned match instead")
    parser.add_argument("--causes", action="store_true", help="the B-cubed F1 lost on dev, by cause, then stop")
    parser.add_argument("--sweep", action="store_true", help="each hand-set threshold over its values, then stop")
    parser.add_argument("--type-noise", type=float, default=0.0, help="merge with this share of types redrawn")
    parser.add_argument("--date-noise", type=float, default=0.0, help="merge with this share of dates moved")
    parser.add_argument("--place-noise", type=float, default=0.0, help="merge with this share of places made wider")
    parser.add_argument("--only", action="append", default=[], help="--sweep this threshold only (repeatable)")
    parser.add_argument("--typed-apart", action="store_true", help="count the dev pairs of two types, then stop")
    parser.add_argument("--pairs", action="store_true", help="list every missed pair of one happening, then stop")
    parser.add_argument(
        "--held-out", action="store_true", help="--pairs of the learned match fitted without each war, on that war"
    )
    parser.add_argument(
        "--thresholds",
        action="store_true",
        help="the learned match's threshold chosen with each war left out, then stop",
    )
    parser.add_argument(
        "--augment", type=int, default=0, help="fit on this many misread draws of the pairs beside them as read"
    )
    parser.add_argument(
        "--tune-draws", type=int, default=0, help="choose the settings on this many misread draws as well"
    )
    args = parser.parse_args(argv)
    gold = read_jsonl(GOLD_JSONL).split("dev")
    events = pipeline_events(gold, args.cache)
    if args.pairs:
        if args.held_out:
            fitted = fitted_without_each_war(gold, events)
            list_missed_pairs(gold, events, lambda war: MergeRules(learned=fitted[war]))
        else:
            list_missed_pairs(gold, events, MergeRules(learned=shipped_match()) if args.shipped else MergeRules())
        return
    if args.typed_apart:
        print_typed_apart(examples(gold, events))
        return
    if args.thresholds:
        thresholds_by_war(gold, events, examples(gold, events), args.type_noise, args.date_noise, args.place_noise)
        return
    if args.sweep:
        sweep(gold, events, args.type_noise, args.date_noise, args.place_noise, args.only)
        return
    if args.errors or args.causes:
        rules = MergeRules(learned=shipped_match()) if args.shipped else MergeRules()
        if args.causes:
            loss_by_cause(gold, events, rules, args.type_noise, args.date_noise, args.place_noise)
            return
        list_errors(gold, events, rules)
    pairs = augmented(gold, events, args.augment)
    print(
        f"dev: {len(gold.happenings)} happenings, {len(gold.reports)} reports, {len(pairs)} pairs within reach"
        f" ({args.augment} misread draws beside those as read), {sum(p.same for p in pairs)} of one happening"
    )
    learned_f1, rules_f1, learned_noisy, rules_noisy = leave_one_war_out(
        gold, events, pairs, args.type_noise, args.date_noise, args.place_noise, args.tune_draws
    )
    beats = better_than_rules(learned_f1, rules_f1, learned_noisy, rules_noisy)
    print(
        f"leave-one-war-out B-cubed F1: learned {learned_f1:.4f}, hand-set {rules_f1:.4f}"
        + (f"; misread: learned {learned_noisy:.4f}, hand-set {rules_noisy:.4f}" if learned_noisy is not None else "")
        + (
            ": the learned match is better: it becomes the default (beats_rules)"
            if beats
            else ": the learned match is not better: the hand-set rules stay the default"
        )
    )
    model, inner = tuned(
        gold, events, pairs, documents(gold), training_hash(gold), draws=tuning_draws(events, args.tune_draws)
    )
    model = replace(model, beats_rules=beats)
    print(
        f"settings: {model.max_km:g} km, threshold {model.threshold:g}, {model.link} link,"
        f" C {model.regularisation:g} (F1 {inner:.4f})"
    )
    print("all dev, learned:", json.dumps(score(gold, predict(gold, events, MergeRules(learned=model))).as_dict()))
    print("all dev, hand-set:", json.dumps(score(gold, predict(gold, events, MergeRules())).as_dict()))
    print(json.dumps(model.as_dict()))
    if args.out is not None:
        args.out.write_text(json.dumps(model.as_dict(), indent=2) + "\n", encoding="utf-8")


def better_than_rules(
    learned: float, rules: float, learned_noisy: float | None = None, rules_noisy: float | None = None
) -> bool:
    """Does the learned match merge the wars left out better than the hand-set rules: by
    ``DEFAULT_MARGIN`` as read; or, when scored misread too, by ``DEFAULT_MARGIN`` misread while
    losing no more than ``CLEAN_TOLERANCE`` as read (a new war is read less well than the dev wars)?"""
    if learned_noisy is None or rules_noisy is None:
        return learned >= rules + DEFAULT_MARGIN
    return learned_noisy >= rules_noisy + DEFAULT_MARGIN and learned >= rules - CLEAN_TOLERANCE


if __name__ == "__main__":
    main()
