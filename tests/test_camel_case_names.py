"""Names with a capital inside them ("McAllen", "LaSalle") are names: the gazetteer is
asked about them and the recogniser weighs them like any capitalised name."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_camel_case_word_is_a_name_token(nlp):
    from geo.parse.placefeatures import token_table

    doc = nlp("Crews from LaSalle reached the McAllen depot, not the iPhone store.")
    table = token_table(doc)
    names = {table.text[i] for i in range(len(doc)) if table.name[i]}
    assert {"LaSalle", "McAllen"} <= names
    assert "iPhone" not in names


def test_a_county_written_in_camel_case_is_offered_inside_an_office_s_name(nlp, real_gazetteer):
    from spacy.tokens import Span

    from geo.parse.placefeatures import candidates

    doc = nlp("Deputies of the DeSoto County Sheriff's Office searched the woods.")
    doc.ents = [Span(doc, 3, 8, label="ORG")]
    assert "DeSoto County" in {c.text for c in candidates(doc, real_gazetteer)}
