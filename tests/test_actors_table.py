"""The actor table as a whole: it parses, no alias names two groups where both could be
meant, and no alias that is an everyday English word names a group outside its own war."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from geo.parse.actors import TableRow, alias_key, find_actors, load_actor_table

#: ACLED's inter codes (1 state forces ... 8 external forces).
INTER_CODES = range(1, 9)


def _is_local(row: TableRow, alias: str) -> bool:
    return alias.casefold() in row.local


def _rows_by_alias() -> dict[str, list[TableRow]]:
    rows: dict[str, list[TableRow]] = defaultdict(list)
    for row in load_actor_table():
        for alias in {alias_key(a) for a in row.aliases}:
            rows[alias].append(row)
    return rows


def test_every_row_has_a_code_a_country_or_none_and_aliases() -> None:
    rows = load_actor_table()
    assert len(rows) > 500
    for row in rows:
        assert row.inter in INTER_CODES, row.name
        assert re.fullmatch(r"[A-Z]{2}|", row.country_code), row.name
        assert row.aliases, row.name
    names = [row.name for row in rows]
    assert len(names) == len(set(names)), "one row per actor"


def test_no_alias_names_two_groups_of_one_country() -> None:
    for alias, rows in _rows_by_alias().items():
        countries = [row.country_code for row in rows]
        assert len(countries) == len(set(countries)), (alias, [row.name for row in rows])


def test_an_alias_of_groups_in_two_countries_is_local_in_all_but_one() -> None:
    # "al-Shabab" is Somalia's group everywhere but in Mozambique, where it is the local name
    # of the insurgents; an alias two rows both claim everywhere would be a guess.
    for alias, rows in _rows_by_alias().items():
        everywhere = [row.name for row in rows if not _is_local(row, alias)]
        assert len(everywhere) <= 1, (alias, everywhere)


def test_no_everyday_english_word_names_a_group_outside_its_own_country() -> None:
    wordfreq = pytest.importorskip("wordfreq")

    def frequency(word: str) -> float:
        return wordfreq.zipf_frequency(word, "en")

    for row in load_actor_table():
        for alias in row.aliases:
            if _is_local(row, alias) or alias_key(alias) == alias:
                continue  # a local name, or an acronym matched only as written
            words = re.findall(r"[\w']+", alias.casefold())
            if not any(c.isupper() for c in alias):
                # "militants", "separatist forces": a description, a name only in its own war.
                assert not all(frequency(w) >= 2.0 for w in words), (row.name, alias)
            elif len(words) == 1:
                # A one-word name matched in any case must not be a common word ("Hope").
                assert frequency(words[0]) < 4.0, (row.name, alias)


def _names(text: str, country_code: str = "") -> set[str]:
    return {m.actor.name for m in find_actors(text, country_code=country_code)}


def test_a_description_names_no_group_where_the_country_is_unknown() -> None:
    assert "Islamic State (Mozambique)" not in _names("Militants attacked a checkpoint before dawn.")
    assert "Forces Nouvelles" not in _names("The ministry said new forces had been sent to the border.", "UA")


@pytest.mark.parametrize(
    ("text", "country_code", "name"),
    [
        ("Khmer Rouge guerrillas shelled the town overnight.", "KH", "Khmer Rouge"),
        ("Contra rebels ambushed a truck near the border.", "NI", "FDN: Nicaraguan Democratic Force"),
        ("Inkatha supporters clashed with residents of the hostel.", "ZA", "IFP: Inkatha Freedom Party"),
        ("The Ulster Volunteer Force said it planted the bomb.", "GB", "UVF: Ulster Volunteer Force"),
        ("Mungiki members hacked two men to death.", "KE", "Mungiki"),
        ("Fighters of the Badr Organization took the town.", "IQ", "Badr Organization"),
        ("Hezb-e-Islami fighters fired rockets at the capital.", "AF", "Hezb-e-Islami"),
        ("Zapatista rebels seized the town hall.", "MX", "EZLN: Zapatista Army of National Liberation"),
        # A group's branch in each country it fights in: the Islamic State in Niger is its Sahel province.
        (
            "Islamic State fighters on motorbikes raided a village near the Malian border.",
            "NE",
            "Islamic State Sahel Province",
        ),
        ("Islamic State gunmen burnt the market in the north of the country.", "BF", "Islamic State Sahel Province"),
        ("Amhara militiamen took over the checkpoints at dawn.", "ET", "Fano"),
        ("The Majeed Brigade said its fighters stormed the compound.", "PK", "BLA: Baloch Liberation Army"),
        (
            "The Luhansk People's Republic said its gunners had returned fire.",
            "UA",
            "NAF: United Armed Forces of Novorossiya",
        ),
        ("A DPR unit fired rockets at the checkpoint.", "UA", "NAF: United Armed Forces of Novorossiya"),
    ],
)
def test_groups_of_wars_across_the_world_are_named_as_acled_names_them(text: str, country_code: str, name: str) -> None:
    assert name in _names(text, country_code)


def test_a_name_the_table_knows_longer_wins_over_its_start() -> None:
    # "Red Army" is the Soviet army's; the Red Army Faction is a German group.
    assert _names("Red Army Faction gunmen shot a banker.", "DE") == {"RAF: Red Army Faction"}
    assert "Military Forces of United Kingdom" in _names("RAF jets struck a depot.", "IQ")


def test_a_local_acronym_names_its_group_only_in_its_own_country() -> None:
    assert "NLA: National Liberation Army" in _names("NLA gunmen fired on a police patrol.", "MK")
    assert "NLA: National Liberation Army" not in _names("NLA gunmen fired on a police patrol.", "CO")
