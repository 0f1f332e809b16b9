"""The command-line options of the training scripts that choose their training-only corpora
(``geo.eval.trainingonly``): the parsing of arguments belongs to the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from geo.eval.trainingonly import default_training_only


def add_training_only_options(parser: argparse.ArgumentParser) -> None:
    """``--training-only FILE`` (repeatable) and ``--no-training-only`` on a training script."""
    parser.add_argument(
        "--training-only",
        type=Path,
        action="append",
        metavar="FILE",
        help="a corpus trained on whole and never scored (default: data/train/warnews.jsonl when it exists)",
    )
    parser.add_argument(
        "--no-training-only",
        action="store_true",
        help="train on the evaluation corpora's dev halves alone",
    )


def training_only_paths(args: argparse.Namespace, repo: Path) -> list[Path]:
    """The training-only corpora a training script's options ask for."""
    if args.no_training_only:
        return []
    return list(args.training_only) if args.training_only else default_training_only(repo)
