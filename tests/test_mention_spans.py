"""Which of two overlapping candidate spans becomes the mention."""

from __future__ import annotations

from gazetteer.entry import Entry
from gazetteer.normalize import normalize
from geo.parse.mentions import ScoredCandidate, select
from geo.parse.placefeatures import Candidate

TEXT = "Envoys flew from Norvia-Pell and Kast Amber to Kast on Friday. The Kast Airport shut. The Kast fell."


def _place(geonameid: int, name: str, feature_class: str = "P") -> Entry:
    return Entry(geonameid, name, 0.0, 0.0, "XX", feature_class, "PPL" if feature_class == "P" else "AIRP", 1000)


PLACES = {
    normalize(e.name): e
    for e in (
        _place(1, "Norvia-Pell"),
        _place(2, "Norvia"),
        _place(3, "Kast Amber"),
        _place(4, "Kast"),
        _place(5, "Kast Airport", "S"),
    )
}


class Names:
    """A gazetteer that knows a few names, reads "The X" as X, and knows no demonyms."""

    def lookup(self, name):
        norm = normalize(name).removeprefix("the ")
        return (PLACES[norm],) if norm in PLACES else ()

    def demonym(self, word):
        return None


def scored(text: str, probability: float, *, nth: int = 0, resolve_as: str = "") -> ScoredCandidate:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    candidate = Candidate(0, 0, start, start + len(text), text, "GPE", 0, resolve_as)
    return ScoredCandidate(candidate, {}, probability, probability)


def chosen(*items: ScoredCandidate) -> list[str]:
    return [c.text for c in select(items, 0.5, Names())]


def test_the_longer_gazetteer_name_wins_over_a_piece_the_model_likes_a_little_more():
    assert chosen(scored("Norvia-Pell", 0.95), scored("Norvia", 0.97)) == ["Norvia-Pell"]
    assert chosen(scored("Kast Amber", 0.9), scored("Kast", 0.99)) == ["Kast Amber"]


def test_a_piece_stays_when_the_model_does_not_take_the_longer_name_for_a_place():
    assert chosen(scored("Kast Amber", 0.3), scored("Kast", 0.9)) == ["Kast"]


def test_a_piece_stays_when_the_longer_span_is_no_gazetteer_name():
    assert chosen(scored("Kast on Friday", 0.8), scored("Kast", 0.9, nth=1)) == ["Kast"]


def test_a_name_read_by_its_fuller_form_keeps_its_own_span():
    fuller = scored("Kast Amber", 0.9)
    own = scored("Kast", 0.95, resolve_as="Kast Amber")
    assert chosen(fuller, own) == ["Kast"]


def test_a_longer_span_naming_the_same_place_does_not_win():
    assert chosen(scored("The Kast", 0.9, nth=1), scored("Kast", 0.95, nth=3)) == ["Kast"]


def test_a_spot_named_for_its_town_does_not_take_the_town_s_span():
    assert chosen(scored("Kast Airport", 0.9), scored("Kast", 0.95, nth=2)) == ["Kast"]
