"""A learned choice of an event's day among the dates the article offers for it.

The clause rules of ``geo.parse.dates`` pick one date phrase for a place, or fall back on
the story's day or the publication date. Where news copy is ambiguous (an undated
sentence: the story's day or the day it was filed? "overnight": which night?) the
evidence is many weak hints, and a small logistic regression weighs them. Each option
(``DateOption``) is a distinct (day, precision) some source proposes: the rules' own
choice, the publication day, the day before it, the dateline's day, the story's day, the
last date an earlier sentence stated, and every date phrase of the sentence. The option
with the highest score is the event's date.

The model is a JSON file of feature weights (``scripts/train_event_dates.py`` writes it,
with the SHA-256 of its training data). Without it the rules decide alone. A phrase that
starts a state ("since last March") and a year alone are never options, and when the
rules give no date (a year other than the publication's) the model is not asked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.parse.dates import DateContext, EventDate, PhraseOption, phrase_options, resolve_event_date
from geo.records import DATE_PRECISION_DAY

if TYPE_CHECKING:
    from geo.parse.clausetree import ClauseTree

MODEL_RESOURCE = "models/event_dates.json"


@dataclass(frozen=True, slots=True)
class DateOption:
    """A day the event may have happened on, and what speaks for it (``features``)."""

    value: date
    precision: int
    phrase: str
    features: frozenset[str]


@dataclass(frozen=True, slots=True)
class DateChoiceModel:
    """Feature weights of a logistic regression that scores one option at a time."""

    intercept: float
    weights: dict[str, float]
    about: dict[str, Any]

    def score(self, option: DateOption) -> float:
        return self.intercept + sum(self.weights.get(name, 0.0) for name in option.features)


def date_options(
    sentence: str,
    *,
    published: date | None,
    near: tuple[int, int] | None,
    context: DateContext | None,
    tree: ClauseTree | None,
    rule: EventDate,
) -> tuple[DateOption, ...]:
    """The distinct days the sources propose for the event at ``near``, the rules' choice first."""
    context = context or DateContext()
    reference = context.filed or published
    phrases = phrase_options(sentence, published=published, near=near, context=context, tree=tree)
    sources: dict[tuple[date, int], tuple[str, set[str]]] = {}

    def add(value: date | None, precision: int, phrase: str, *names: str) -> None:
        if value is None:
            return
        _, features = sources.setdefault((value, precision), (phrase, set()))
        features.update(names)

    add(rule.value, rule.precision, rule.phrase, "src=rule", f"rule_prec={rule.precision}")
    if published is not None:
        add(published, DATE_PRECISION_DAY, "", "src=published")
        add(_day_before(published), DATE_PRECISION_DAY, "", "src=day_before")
    if context.filed is not None:
        add(context.filed, DATE_PRECISION_DAY, "", "src=filed")
        add(_day_before(context.filed), DATE_PRECISION_DAY, "", "src=day_before_filed")
    if context.story is not None:
        add(context.story.value, context.story.precision, context.story.phrase, "src=story")
    if context.previous is not None:
        add(context.previous.value, context.previous.precision, context.previous.phrase, "src=previous")
    for option in phrases:
        add(option.value, option.precision, option.phrase, "src=phrase", f"kind={option.kind}")
    for (value, precision), readings in _phrase_readings(phrases).items():
        add(value, precision, "", *readings)
    hint = _phrase_hint(phrases)
    options = []
    for (value, precision), (phrase, features) in sources.items():
        distance = _distance(reference, value)
        own = features | {f"prec={precision}", distance}
        named = sorted(name for name in features if name.startswith("src="))
        # each source, the distance, and each source at that distance, crossed with the sentence's hint
        tags = [*named, distance, *(f"{source}|{distance}" for source in named)]
        crossed = {f"{tag}&{hint}" for tag in tags}
        options.append(DateOption(value, precision, phrase, frozenset(own | crossed)))
    return tuple(options)


def _phrase_readings(phrases: tuple[PhraseOption, ...]) -> dict[tuple[date, int], set[str]]:
    """How the sentence's phrases of each day read, by the best of them: a day a phrase of
    the place's clause names is not a statement's or the report's day because the dateline
    names it too ("KARSK, Aug 6 - Aid trucks reached X on Sunday", published on a Sunday)."""
    readings: dict[tuple[date, int], list[PhraseOption]] = {}
    for option in phrases:
        readings.setdefault((option.value, option.precision), []).append(option)
    return {
        day: {
            *(["phrase_speech"] if all(o.speech for o in alike) else []),
            *(["phrase_report"] if all(o.report for o in alike) else []),
            *(["phrase_of_place"] if any(o.of_place for o in alike) else ["phrase_not_of_place"]),
            *(["phrase_elsewhere"] if all(o.elsewhere for o in alike) else []),
        }
        for day, alike in readings.items()
    }


def _distance(reference: date | None, value: date) -> str:
    """How far before the reference day the option lies, in coarse steps."""
    if reference is None:
        return "days=unknown"
    days = (reference - value).days
    if days < 0:
        return "days=ahead"
    if days <= 2:
        return f"days={days}"
    return "days=week" if days <= 7 else "days=earlier"


def _phrase_hint(phrases: tuple[PhraseOption, ...]) -> str:
    """Does the sentence date the place itself, name a date only elsewhere, or none at all?
    (Crossed with each source: an undated sentence is where the sources disagree.)"""
    if not phrases:
        return "phrases=none"
    return "phrases=of_place" if any(p.of_place for p in phrases) else "phrases=elsewhere"


def choose(model: DateChoiceModel | None, options: tuple[DateOption, ...], rule: EventDate) -> EventDate:
    """The best-scored option as the event's date; the rules' date without a model or options."""
    if model is None or not options or rule.value is None:
        return rule
    best = max(options, key=model.score)  # the first of equals: the rules' choice comes first
    if best.value == rule.value and best.precision == rule.precision:
        return rule
    return EventDate(best.value, best.precision, best.phrase)


def event_date(
    sentence: str,
    *,
    published: date | None,
    near: tuple[int, int] | None,
    context: DateContext | None,
    tree: ClauseTree | None,
    model: DateChoiceModel | None,
) -> EventDate:
    """The date of the event at ``near``: the clause rules' date (``resolve_event_date``),
    then, with ``model`` and a date to start from, the model's choice among the day's sources."""
    rule = resolve_event_date(sentence, published=published, near=near, context=context, tree=tree)
    if model is None or rule.value is None:
        return rule
    options = date_options(sentence, published=published, near=near, context=context, tree=tree, rule=rule)
    return choose(model, options, rule)


def model_from_json(text: str) -> DateChoiceModel:
    data = json.loads(text)
    return DateChoiceModel(
        float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()}, data.get("about", {})
    )


@lru_cache(maxsize=2)
def load_date_model(path: Path | None = None) -> DateChoiceModel | None:
    """The shipped model (or the one at ``path``), read once; None when there is none."""
    if path is not None:
        return model_from_json(Path(path).read_text(encoding="utf-8"))
    resource = resources.files("geo.parse").joinpath(MODEL_RESOURCE)
    if not resource.is_file():
        return None
    return model_from_json(resource.read_text(encoding="utf-8"))


def _day_before(day: date) -> date | None:
    """The day before ``day``; None for the first day the calendar has (an article may claim it)."""
    return day - timedelta(days=1) if day > date.min else None
