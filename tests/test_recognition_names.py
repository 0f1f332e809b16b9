"""Recognising place names written the ways war reports write them: towns the small
English model calls an organisation, datelines, transliterations with apostrophes and
hyphens, and two places joined by a hyphen (marked: needs the model)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def placed(geoparser, text: str) -> dict[str, str]:
    """Mention as written -> the country it was placed in."""
    return {p.mention.text: p.entry.country_code for p in geoparser.places(text)}


def test_a_town_the_model_calls_an_organisation_is_found(geoparser, nlp):
    text = (
        "Somali government forces took control of Kismayo on Tuesday after the militants pulled "
        "out of the port overnight, officials said in Mogadishu."
    )
    assert "ORG" in {e.label_ for e in nlp(text).ents if e.text == "Kismayo"}  # what makes this case hard
    assert placed(geoparser, text) == {"Kismayo": "SO", "Mogadishu": "SO"}


def test_the_town_of_a_dateline_is_found(geoparser):
    text = (
        "GAO, Mali, May 2 (AFP) - Two soldiers were killed when their convoy struck a mine "
        "north of the town on Thursday, the army said."
    )
    found = placed(geoparser, text)
    assert found.get("GAO") == "ML"


def test_a_transliteration_with_an_apostrophe_is_a_name(geoparser):
    text = "Relief flights landed in Sana'a on Sunday, officials in Yemen said."
    assert placed(geoparser, text).get("Sana'a") == "YE"


def test_a_hyphenated_name_is_read_to_its_end(geoparser):
    text = "Trucks of flour reached camps outside Mazar-i-Sharif on Thursday, the agency said."
    found = {p.mention.text: p.entry for p in geoparser.places(text)}
    assert list(found) == ["Mazar-i-Sharif"]
    assert found["Mazar-i-Sharif"].country_code == "AF"


def test_two_places_joined_by_a_hyphen_are_two_places(geoparser):
    text = "Rebels cut the Goma-Bukavu highway on Monday, the army said."
    assert placed(geoparser, text) == {"Goma": "CD", "Bukavu": "CD"}


def test_a_place_whose_name_holds_a_hyphen_stays_whole(geoparser):
    text = "Drones struck an airfield near Ivano-Frankivsk overnight, the air force said."
    assert placed(geoparser, text) == {"Ivano-Frankivsk": "UA"}


def test_an_apostrophe_inside_a_capitalised_word_keeps_it_a_name(real_gazetteer, nlp):
    from geo.parse.placefeatures import token_table

    doc = nlp("Sana'a and Be'eri were named in the o'clock bulletin.")
    table = token_table(doc)
    names = {t for t, is_name in zip(table.text, table.name) if is_name}
    assert names == {"Sana'a", "Be'eri"}


def test_a_leading_the_belongs_to_a_name_only_where_the_gazetteer_writes_it(nlp, real_gazetteer):
    from spacy.tokens import Span

    from geo.parse.placefeatures import candidates

    doc = nlp("The Athens council met as envoys reached The Hague.")
    # The small model sometimes takes the article into a town's name: say it did both times.
    doc.ents = [Span(doc, 0, 2, label="GPE"), Span(doc, 7, 9, label="GPE")]
    found = {c.text for c in candidates(doc, real_gazetteer) if c.label == "GPE"}
    assert found == {"Athens", "The Hague"}


def test_a_gazetteer_run_after_a_sentence_opening_the_starts_at_the_name(nlp, real_gazetteer):
    from geo.parse.placefeatures import candidates

    doc = nlp("The Athens council met. The Hague replied.")
    # Say the model labelled neither name: the gazetteer's runs must find both, as written.
    doc.ents = []
    found = {c.text for c in candidates(doc, real_gazetteer) if c.label == "GAZ"}
    assert "Athens" in found
    assert "The Athens" not in found
    assert "The Hague" in found


def test_a_name_the_model_cut_at_its_start_is_read_whole(nlp, real_gazetteer):
    from spacy.tokens import Span

    from geo.parse.mentions import recognise

    doc = nlp("Aid ships docked at Port Harcourt on Monday.")
    # Say the model took only the second word for a town: the gazetteer knows the whole name.
    doc.ents = [Span(doc, 5, 6, label="GPE")]
    assert [m.text for m in recognise(doc, real_gazetteer).mentions] == ["Port Harcourt"]


def test_a_romance_name_is_read_across_its_particle(nlp, real_gazetteer):
    from geo.parse.placefeatures import candidates

    doc = nlp("Floods closed the roads out of Foz do Iguaçu.")
    # Say the model labelled nothing: the gazetteer's runs must read the name whole.
    doc.ents = []
    found = {c.text for c in candidates(doc, real_gazetteer) if c.label == "GAZ"}
    assert "Foz do Iguaçu" in found
    assert "Foz" not in found
