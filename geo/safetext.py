"""Text from articles and imported files made inert for outputs that would act on it.

Titles, quotes, sources, place names and URLs are written by anyone. HTML outputs
escape them where they are built (``html.escape``); this module covers the two
outputs where escaping HTML is not enough:

* CSV opened in a spreadsheet: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return is read as a formula (``=HYPERLINK(...)``, ``=cmd|...``). Such a
  text cell is written with a leading apostrophe, which spreadsheets take as "this is
  text". Cells that are plain numbers (``-33.9``) stay numbers. The guard is
  reversible: ``csv_text`` gives back the exact value, so our ACLED-style CSV still
  round-trips losslessly.
* Text that cannot be encoded: a lone surrogate (a JSON escape such as ``"\\udfff"``
  gives one) fails every UTF-8 file and SQLite; ``encodable_text`` replaces each with
  U+FFFD where records are written (the store, the exports), record by record.
* Streamlit Markdown (messages, captions, widget labels): ``markdown_literal``
  backslash-escapes every ASCII punctuation mark, so ``![x](http://...)`` loads no
  image, ``<img ...>`` stays text and ``$...$`` is not typeset. Streamlit's Markdown
  is GitHub's, which also turns bare addresses (``http://host/``, ``www.host``,
  ``name@host``) into links whatever escapes them; an invisible word joiner (U+2060)
  inside each such trigger leaves the text as it reads and makes no link.
"""

from __future__ import annotations

import re

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"

_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
#: Where GitHub Markdown starts a link in plain text: a scheme before ``:``, ``www``
#: before ``.``, and the ``@`` of an address.
_AUTOLINK_TRIGGER = re.compile(r"(?i)(https?|ftp|mailto|xmpp|www)(?=[:.])|(?=@)")
#: U+2060 WORD JOINER: zero-width, invisible, and not a boundary a link may start at.
WORD_JOINER = "\u2060"


def csv_cell(value: str) -> str:
    """``value`` as a CSV cell a spreadsheet will not evaluate.

    A text that starts with a formula trigger, after any apostrophes, gets one more
    apostrophe in front; a plain number is left alone. ``csv_text`` undoes it.
    """
    core = value.lstrip(FORMULA_GUARD)
    if not core.startswith(FORMULA_TRIGGERS):
        return value
    if core == value and _NUMBER.fullmatch(value):
        return value
    return FORMULA_GUARD + value


def csv_text(cell: str) -> str:
    """The value ``csv_cell`` was given: one guarding apostrophe removed."""
    core = cell.lstrip(FORMULA_GUARD)
    if core != cell and core.startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def markdown_literal(text: str) -> str:
    """``text`` escaped so that Markdown (with or without HTML) shows it as typed,
    with no link made of it (a word joiner, invisible, inside each link trigger)."""
    unlinked = _AUTOLINK_TRIGGER.sub(lambda m: (m.group(1) or "") + WORD_JOINER, text)
    return _ASCII_PUNCTUATION.sub(r"\\\1", unlinked)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def unencodable(text: str) -> str:
    """Why ``text`` cannot be written as UTF-8 (to the store, a file, a page), or "" when it can.

    Python strings may hold lone surrogates (U+D800..U+DFFF): JSON escapes such as
    ``"\\udfff"`` make them, and so does reading undecodable bytes with
    ``errors="surrogateescape"``. No UTF-8 writer accepts them.
    """
    found = _LONE_SURROGATE.search(text)
    if found is None:
        return ""
    return f"a lone surrogate U+{ord(found.group()):04X} (not text) at character {found.start() + 1}"


def encodable_text(text: str) -> str:
    """``text`` with each lone surrogate (``\\udfff``, which no UTF-8 file or SQLite
    database can hold) replaced by U+FFFD; any other text comes back as it is."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text
