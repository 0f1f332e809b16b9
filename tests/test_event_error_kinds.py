"""The kinds the leave-war-out check sorts wrong no-event places into, read from the parse."""

from __future__ import annotations

import pytest

from geo.parse.eventmodel import site_features
from tests.event_sites import event_site
from tests.repo_scripts import load_script


def _leave_war_out_script():
    return load_script("event_leave_war_out")


@pytest.mark.parametrize(
    ("sentence", "place", "kind"),
    [
        ("KORVATH, May 3 (Plains Wire) - Troops shelled the town of Dostal on Tuesday.", "KORVATH", "dateline"),
        ("Families fled from Korvath after the shelling began.", "Korvath", "move_source"),
        ("A farmer from a village near Korvath said the rebels had gone.", "Korvath", "locator"),
        ("Protests were held in Velm, Korvath and Dostal on Friday.", "Korvath", "list"),
    ],
)
def test_a_place_is_sorted_by_what_it_is_in_its_sentence(nlp, sentence, place, kind):
    site = event_site(sentence, place, nlp=nlp, index=0)
    features = {name for name, _ in site_features(site)}
    assert _leave_war_out_script().place_kind(site, features) == kind
