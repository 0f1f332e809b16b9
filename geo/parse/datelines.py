"""Where a report's header ends: the dateline or page furniture that opens a sentence.

A dateline ("KHARKIV, Ukraine, May 14 (Reuters) -", "GOMA, 3 March —") says where and
when the report was filed, not where or when anything happened; page furniture ("Home |
World |", "Posted 18 Oct 2019") may come before it. Dating and coding both read past this
header, so they share one reader of it.
"""

from __future__ import annotations

import re

#: A dateline opening a sentence: "KHARKIV, Ukraine, May 14 (Reuters) -", "GOMA, 3 March —",
#: "Mogadishu, 3 March (AFP) -".
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z'’.\- ]{1,40}(?:,\s*[A-Z][A-Za-z'’. ]{1,30}){0,2},?\s*[^\n]{0,40}?"
    r"(?:\([A-Za-z][\w .]{0,30}\)\s*)?"  # "KHARKIV, May 14 -", "GOMA (AP) —"
    r"|[A-Z][A-Za-z'’.\- ]{1,40}(?:,\s*[A-Z][A-Za-z'’. ]{1,30}){0,2},\s*[^\n]{0,40}?"
    r"\([A-Z][\w .]{0,30}\)\s*)"  # "Mogadishu, 3 March (AFP) -"
    r"(?:--|[-\u2013\u2014])(?:\s|$)"  # the dash may end a line of its own
)
#: Page furniture before a story: "Home | World |", "Filed 17 March 1993", "Posted 18 Oct 2019".
_FURNITURE = re.compile(r"\||\b(?:Filed|Published|Posted|Updated)\b")
#: A date right after such furniture is when the page was filed, not when anything happened.
_AFTER_FURNITURE = re.compile(r"(?:\||\b(?:Filed|Published|Posted|Updated)\b)[^|\n]{0,25}$")
#: A dateline after page furniture: "... | May 14, 2024 KHARKIV, Ukraine (Reuters) -".
_LATER_DATELINE = re.compile(
    r"(?<![\w'’])[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*\b(?:,\s*[A-Z][A-Za-z'’. ]{1,30}){0,2},?\s*[^\n]{0,40}?"
    r"(?:\([A-Za-z][\w .]{0,30}\)\s*)?(?:--|[-\u2013\u2014])(?:\s|$)"
)
#: How far into a sentence page furniture and a dateline are looked for, in characters.
HEADER_REACH = 200


def header_end(sentence: str) -> int:
    """Where the report's header ends: a dateline opening the sentence, or one after page
    furniture ("Home | World | ... 25 May 2017 MARAWI, Philippines —"); -1 when none."""
    dateline = _DATELINE.match(sentence)
    if dateline:
        return dateline.end()
    furniture = _FURNITURE.search(sentence, 0, HEADER_REACH)
    if furniture is None:
        return -1
    later = _LATER_DATELINE.search(sentence, furniture.end(), HEADER_REACH + 60)
    return later.end() if later is not None and later.start() < HEADER_REACH else -1


def follows_furniture(sentence: str, start: int) -> bool:
    """Whether the text at ``start`` comes right after page furniture (a page's own date)."""
    return _AFTER_FURNITURE.search(sentence, 0, start) is not None


#: Words of a story that point back at the place it was filed from: "into this Zairean lake
#: town", "fighting here", "in the Malaysian capital". A dateline's place is where the story
#: happened when the story says so.
_POINTING_BACK = re.compile(
    r"\bthis\s+(?:[A-Za-z-]+\s+){0,2}(?:town|city|village|capital|port|district|region|province|camp)\b"
    r"|\bthe\s+(?:[A-Z][A-Za-z-]+\s+)?capital\b"
    r"|\bhere\b"
)


def dateline_name(sentence: str, start: int) -> bool:
    """Whether the name at ``start`` stands in the dateline that opens ``sentence``."""
    return start < header_end(sentence)


def story_points_back(sentence: str) -> bool:
    """Whether the sentence past its dateline refers to the dateline's place ("this town", "here")."""
    return _POINTING_BACK.search(sentence, max(header_end(sentence), 0)) is not None
