"""Fixtures shared across the suite.

The real gazetteer and model are expensive, so they are opened once per test session.
The gazetteer is the cache a user would get ($CONFLICTMAP_GAZETTEER, else the user
cache directory), built on first use like in the product.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    """A miniature gazetteer built from the hand-made sources in gazetteer_tiny.py."""
    from gazetteer.build import build_cache
    from gazetteer.database import Gazetteer
    from gazetteer_tiny import tiny_sources

    path = tmp_path_factory.mktemp("gazetteer") / "tiny.sqlite"
    build_cache(path, sources=tiny_sources())
    with Gazetteer(path) as g:
        yield g


@pytest.fixture(scope="session")
def real_gazetteer():
    from gazetteer.database import open_gazetteer

    gazetteer = open_gazetteer()
    yield gazetteer
    gazetteer.close()


@pytest.fixture(scope="session")
def nlp():
    from geo.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def geoparser(nlp, real_gazetteer):
    from geo.geoparser import Geoparser
    from geo.nlp import MODEL_NAME

    return Geoparser(nlp, real_gazetteer, model_name=MODEL_NAME)


@pytest.fixture(scope="session")
def pipeline(geoparser):
    from geo.pipeline import Pipeline

    return Pipeline(geoparser)
