"""Where a name stands in a text as a whole word.

The coder asks of every place and actor name whether, and where, a sentence names it. A
pattern per name (``(?<!\\w)NAME(?!\\w)``) is compiled afresh for each new name and crowds
the ``re`` module's cache of 512 patterns, so the fixed patterns of the rest of the pipeline
are compiled again and again; a plain search with a look at the characters either side
answers the same question without compiling anything."""

from __future__ import annotations


def _joins(char: str, hyphen: bool) -> bool:
    """Does ``char`` continue a word (``\\w``: a letter, digit or underscore; with
    ``hyphen``, a hyphen too)?"""
    return bool(char) and (char.isalnum() or char == "_" or (hyphen and char == "-"))


def word_spots(text: str, name: str, *, hyphen: bool = False) -> list[int]:
    """The offsets in ``text`` where ``name`` stands as a whole word: no word character
    (nor, with ``hyphen``, a hyphen: "the A-B railway" names neither A nor B) touches it on
    either side. The same offsets as ``re.finditer(r"(?<!\\w)NAME(?!\\w)")`` gives, without a
    pattern: after a spot the search goes on from its end."""
    spots: list[int] = []
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        whole = not _joins(before, hyphen) and not _joins(after, hyphen)
        if whole:
            spots.append(at)
        if at >= len(text):
            break
        at = text.find(name, end if whole and name else at + 1)
    return spots
