"""Recognition's table of tokens, read from spaCy in one array, says what spaCy's own
tokens say (marked: needs the model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from geo.parse.placefeatures import (
    article_view,
    candidates,
    features,
    is_name_token,
    sentence_count,
    token_table,
)

pytestmark = pytest.mark.model

TEXT = (
    "KHARKIV, Ukraine (Reuters) - Shelling hit Kharkiv's north-east on 12 March 2022.\n\n"
    "Officials in Deir ez-Zor and the U.S. said 40 people fled to Al-Hasakah. "
    'A spokesman for the Dnipro Regional Council, Mr. Ivan Petrenko, said: "We need help!"\n'
    "Read more: aid reaches Mariupol\u2011city via the E-40 road."
)


def test_every_token_reads_as_spacy_reads_it(nlp):
    doc = nlp(TEXT)
    table = token_table(doc)
    assert len(table.text) == len(doc)
    after_space = True
    for i, token in enumerate(doc):
        assert table.text[i] == token.text and table.idx[i] == token.idx
        assert table.lower[i] == token.lower_
        expected_word = "<num>" if token.like_num else "<nl>" if token.is_space else token.lower_
        assert table.word[i] == expected_word
        assert table.name[i] is is_name_token(token)
        assert table.title[i] is token.is_title and table.alpha[i] is token.is_alpha
        assert table.punct[i] is token.is_punct and table.space[i] is token.is_space
        glued = i > 0 and not after_space and (token.is_alpha or token.text in ("-", "\u2011"))
        assert table.glued[i] is glued
        after_space = bool(token.whitespace_)
        assert table.sent_start[i] is (i == 0 or bool(token.is_sent_start))
        assert table.ent_type[i] == token.ent_type_
        assert table.dep[i] == token.dep_ and table.head[i] == token.head.i


def test_sentences_are_numbered_as_spacy_splits_them(nlp):
    doc = nlp(TEXT)
    sentences = list(doc.sents)
    assert len(sentences) > 2
    assert sentence_count(doc) == len(sentences)
    table = token_table(doc)
    assert [table.sentence[s.start] for s in sentences] == list(range(len(sentences)))
    assert all(table.sentence[i] == n for n, s in enumerate(sentences) for i in range(s.start, s.end))


def test_an_empty_text_has_no_tokens_and_no_sentences(nlp):
    doc = nlp("")
    assert token_table(doc).text == () and sentence_count(doc) == 0


def test_features_look_only_near_a_candidate_yet_miss_no_overlap(nlp, real_gazetteer):
    # The view's indexes let each candidate look at the entities and candidates around it
    # only; without them it scans all of them. Both must give the same features.
    doc = nlp(TEXT)
    found = candidates(doc, real_gazetteer)
    view = article_view(doc, found)
    assert view.entity_ends and view.span_starts
    scan_all = replace(view, entity_ends=(), span_starts=())
    overlapping = 0
    for candidate in found:
        near = features(doc, candidate, real_gazetteer, view)
        assert list(near.items()) == list(features(doc, candidate, real_gazetteer, scan_all).items())
        overlapping += any(name.startswith(("inside", "contains", "crosses")) for name in near)
    assert overlapping  # the text has candidates inside longer names
