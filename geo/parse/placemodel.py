"""The geoparser's trained parameters: two logistic models that score place-name
candidates, the threshold between them, and the resolver's evidence weights.

They live in one JSON file shipped with the package (``geo/parse/models/geoparser_model.json``,
written by ``scripts/train_geoparser.py``), read without pickle; scoring is a sum
of the weights of a candidate's features, in plain Python.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import Any

from geo.errors import ModelUnavailableError

MODEL_FORMAT = 1
MODEL_RESOURCE = "geoparser_model.json"


@dataclass(frozen=True, slots=True)
class LinearModel:
    """A logistic model over named features."""

    weights: Mapping[str, float]
    intercept: float = 0.0

    def probability(self, features: Mapping[str, float]) -> float:
        # The weighted sum in C-level iteration (a loop in Python costs three times as
        # much); a feature without a weight adds 0.0, so the sum is the same to the bit.
        z = sum(map(mul, map(self.weights.get, features, repeat(0.0)), features.values()), self.intercept)
        if z < -35.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True, slots=True)
class GeoparserModel:
    """Everything the trained geoparser needs at run time."""

    first: LinearModel
    second: LinearModel
    #: a candidate whose second-pass probability reaches this is a mention
    threshold: float = 0.5
    #: a first-pass probability from which a name counts as a place when looking for
    #: misspellings of it
    first_pass_threshold: float = 0.5
    #: once a name is a mention somewhere in the article, its other occurrences need
    #: only this (one sense per article)
    same_name_threshold: float = 0.5
    #: the resolver's evidence weights (``geo.parse.resolve.Weights`` field -> value)
    resolution: Mapping[str, float] = field(default_factory=dict)
    #: the resolver's learned reading weights (``geo.parse.readingcues`` feature -> weight)
    reading: Mapping[str, float] = field(default_factory=dict)
    training: Mapping[str, Any] = field(default_factory=dict)


def model_from_json(record: Mapping[str, Any]) -> GeoparserModel:
    """The model a parsed JSON file describes; ``ModelUnavailableError`` when malformed."""
    try:
        if record.get("format") != MODEL_FORMAT:
            raise ModelUnavailableError(f"expected geoparser model format {MODEL_FORMAT}, got {record.get('format')!r}")
        return GeoparserModel(
            first=_linear(record["first"]),
            second=_linear(record["second"]),
            threshold=float(record["threshold"]),
            first_pass_threshold=float(record["first_pass_threshold"]),
            same_name_threshold=float(record.get("same_name_threshold", record["threshold"])),
            resolution={str(k): float(v) for k, v in (record.get("resolution") or {}).items()},
            reading={str(k): float(v) for k, v in (record.get("reading") or {}).items()},
            training=dict(record.get("training") or {}),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ModelUnavailableError(f"the geoparser model file is malformed: {err!r}") from err


def _linear(record: Mapping[str, Any]) -> LinearModel:
    return LinearModel({str(k): float(v) for k, v in record["weights"].items()}, float(record["intercept"]))


def model_to_json(model: GeoparserModel) -> dict[str, Any]:
    return {
        "format": MODEL_FORMAT,
        "threshold": model.threshold,
        "first_pass_threshold": model.first_pass_threshold,
        "same_name_threshold": model.same_name_threshold,
        "resolution": dict(model.resolution),
        "reading": dict(model.reading),
        "training": dict(model.training),
        "first": {"intercept": model.first.intercept, "weights": dict(model.first.weights)},
        "second": {"intercept": model.second.intercept, "weights": dict(model.second.weights)},
    }


def shipped_model_path() -> Path:
    return Path(str(resources.files("geo.parse") / "models" / MODEL_RESOURCE))


@lru_cache(maxsize=4)
def load_model(path: Path | None = None) -> GeoparserModel:
    """The trained model (the shipped one by default), read once per process."""
    path = path or shipped_model_path()
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelUnavailableError(f"cannot read the geoparser model {str(path)!r}: {err}") from err
    return model_from_json(record)
