"""Training-only corpora: annotated reports that train the learned models and are never scored.

The evaluation corpora are split by id (``geo.eval.evaluate.split_of``): the dev half trains
and tunes, the test half is scored once. A training-only corpus (``data/train/warnews.jsonl``,
built by ``scripts/build_warnews.py`` from ``data/train/warnews/``) has no halves: every
article of it trains, none is ever held out or scored, so the held-out figures the training
scripts choose their settings by stay those of the evaluation corpora's dev halves and remain
comparable with and without it. The training scripts read it by default when the file exists
and holds an article (``default_training_only``), and each model file records it
(``corpus_record``: the file, its SHA-256 and its size).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Where the training-only war reports are built, relative to the repository.
TRAINING_ONLY_CORPUS = Path("data") / "train" / "warnews.jsonl"


def default_training_only(repo: Path) -> list[Path]:
    """The repository's training-only corpus when it exists and holds an article; else none
    (an absent or empty corpus trains exactly as before it existed)."""
    path = repo / TRAINING_ONLY_CORPUS
    return [path] if path.is_file() and path.read_text(encoding="utf-8").strip() else []


def read_articles(path: Path) -> list[dict[str, Any]]:
    """The articles of a JSONL corpus as records, in file order; blank lines skipped."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def training_only_articles(paths: Sequence[Path], scored: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every article of the training-only corpora ``paths``; an id that is also one of the
    ``scored`` corpora's stops the run (the article would be trained on and scored)."""
    extra = [a for path in paths for a in read_articles(path)]
    shared = sorted({a["id"] for a in extra} & {a["id"] for a in scored})
    if shared:
        raise SystemExit(f"training-only article {shared[0]!r} is also in a scored corpus")
    return extra


def corpus_record(path: Path) -> dict[str, Any]:
    """What a model file says of a training-only corpus it was trained on: the file (its
    folder and name), the SHA-256 of its bytes, and how many articles and places it holds."""
    data = path.read_bytes()
    articles = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
    return {
        "file": Path(*path.parts[-2:]).as_posix(),
        "sha256": hashlib.sha256(data).hexdigest(),
        "articles": len(articles),
        "toponyms": sum(len(a.get("toponyms", ())) for a in articles),
    }


def corpus_records(paths: Sequence[Path]) -> list[dict[str, Any]]:
    return [corpus_record(path) for path in paths]


def folds_beside_training_only(
    groups: Sequence[str], always_trained: Sequence[bool], n_splits: int
) -> list[tuple[Any, Any]]:
    """(train, held-out) example indices of each of ``n_splits`` cross-validation folds of
    whole ``groups`` (a war, an article), no group on both sides. The examples marked
    ``always_trained`` (a training-only corpus's) are never held out: they join the training
    side of every fold that holds out no group of their name, and the other examples are dealt
    into folds exactly as they would be without them."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    scored = np.array([i for i, trained in enumerate(always_trained) if not trained], dtype=int)
    extra = [i for i, trained in enumerate(always_trained) if trained]
    scored_groups = [groups[i] for i in scored]
    folds = []
    for train, held in GroupKFold(n_splits=n_splits).split(scored_groups, groups=scored_groups):
        held_groups = {scored_groups[i] for i in held}
        joined = np.array([i for i in extra if groups[i] not in held_groups], dtype=int)
        folds.append((np.sort(np.concatenate([scored[train], joined])), scored[held]))
    return folds
