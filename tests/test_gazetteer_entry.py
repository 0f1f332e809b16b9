from __future__ import annotations

import pytest

from gazetteer.entry import Entry


def _entry(feature_code: str, feature_class: str = "A") -> Entry:
    return Entry(1, "Somewhere", 10.0, 20.0, "XX", feature_class, feature_code)


@pytest.mark.parametrize("code", ["PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR"])
def test_countries_and_territories_count_as_countries(code):
    assert _entry(code).is_country


@pytest.mark.parametrize("code", ["PCLH", "ADM1", "ADM2", "RGN"])
def test_former_states_and_regions_do_not(code):
    assert not _entry(code).is_country


def test_a_town_is_no_area():
    assert not _entry("PPLC", "P").is_area and _entry("ADM1").is_area
