"""Article text cleaning: site boilerplate out, paragraphs kept, the headline found.

Pure functions over strings. The cleaned text becomes ``Article.text`` and every
mention offset downstream points into it, so cleaning happens once, here, before
anything else reads the text.

What counts as boilerplate is a small table of whole-line patterns (navigation,
sharing, newsletter and cookie prompts, copyright, photo credits, wire credits),
plus footer markers ("You might also like", "Related articles") after which the
rest of a page is links to other stories. The tables are general: none is keyed to
one site or one file.
"""

from __future__ import annotations

import re

#: Whole lines (surrounding whitespace ignored) that are never article text. Each
#: entry is a regular expression, in lower case, matched against the full lower-cased line.
BOILERPLATE_LINE_PATTERNS: tuple[str, ...] = (
    # slogans that news apps and sites print above every story
    r"the news is by your side\.?",
    r"all the news that'?s fit to print\.?",
    r"democracy dies in darkness\.?",
    r"(?:breaking|latest) news|live(?: updates| blog| coverage)?",
    # advertising
    r"advertisement|advertising|sponsored(?: content| links?)?|ad|promoted",
    r"(?:story|article) continues (?:below|after) (?:this )?(?:advertisement|ad)",
    r"scroll (?:down )?to continue(?: reading)?|continue reading.{0,40}",
    # links to other stories, sharing, comments
    r"(?:read|see|watch|listen)(?: more| also| next)?\s*[:\-|].{0,200}",
    r"(?:also read|read more|more on this(?: story)?|click here\b.{0,80})",
    # a label of other stories with the headline on its own line: "Related: Talks resume in ..."
    r"related(?: (?:articles?|stories|news|coverage|content|reading|links|posts))?\s*[:\-|].{0,200}",
    r"share(?: this| the)?(?: article| story| page| post)?(?: on \w+)?:?",
    r"(?:share|post|tweet|send|email|copy link|print|whatsapp|facebook|twitter|x|telegram|linkedin|reddit)"
    r"(?:\s*[|/,]\s*(?:share|post|tweet|send|email|copy link|print|whatsapp|facebook|twitter|x|telegram|linkedin|reddit))*",
    r"\d+ comments?|comments?(?: \(\d+\))?|leave a comment|view comments|show comments",
    # newsletters, apps, social accounts
    r"(?:sign up|subscribe|register)\b.{0,120}",
    r"(?:download|get) (?:our|the) (?:\w+ )?app\b.{0,80}",
    r"(?:follow|like|join) us on .{0,80}",
    r"follow (?:[\w.@]+ ){0,3}on (?:twitter|x|facebook|instagram|telegram|tiktok|youtube|linkedin|threads|bluesky)\.?",
    # cookie and consent buttons (whole notices: BOILERPLATE_PHRASES)
    r"(?:accept|reject|decline)(?: all)?(?: cookies)?|manage (?:cookies|preferences|consent)",
    # copyright and legal lines
    r"(?:©|\(c\)|copyright\b).{0,200}",
    r"(?:terms of (?:use|service)|privacy policy)(?:\s*[|/,]\s*.{0,60})*",
    # photo, video and wire credits (a credit like "Reporting by X in Moscow" would
    # otherwise become a place mention)
    r"(?:image|photo|picture|video|media)(?: caption| source| credit)?s?\s*[:,].{0,200}",
    r"(?:image|media) caption.{0,200}",
    r"(?:additional )?(?:reporting|writing|editing|compiled|translated) by\b.{0,200}",
    r"\(?(?:getty images|afp|reuters|ap photo|epa)(?:\s*/\s*[\w .]{0,40})?\)?",
    # page furniture
    r"(?:listen to (?:this )?article|\d+ min(?:ute)?s? read|print this (?:page|article))\.?",
    r"(?:last )?(?:updated|published|posted)\b[^.]{0,40}(?:\d|\bago\b)[^.]{0,30}",  # a timestamp, not prose
    r"(?:home|skip to (?:main )?content|menu|search|log ?in|sign ?in|back to top)",
    r"(?:previous|next)(?: article| story| post)?",
    r"tags?\s*:.{0,200}|topics?\s*:.{0,200}",
)

#: Boilerplate said anywhere in a short line: (a word that must occur, and the
#: pattern the lower-cased line must then contain). The word is a cheap first test,
#: so prose lines never pay for the pattern.
BOILERPLATE_PHRASES: tuple[tuple[str, str], ...] = (
    ("cookie", r"\bcookies?\b.*\b(?:accept|consent|policy|settings|preferences|agree)"),
    ("cookie", r"\b(?:accept|consent|policy|settings|preferences|agree|we use|(?:site|website) uses)\b.*\bcookies?\b"),
    ("rights reserved", r"\ball rights reserved\b"),
    # a label with no verb and no full stop: "Daily newsletter", "The Morning newsletter: ..."
    ("newsletter", r"^(?:[\w'’]+\s+){0,4}newsletters?(?:\s*[:\-|].{0,80})?$"),
)

#: Lines after which the rest of a page is links to other stories. They cut the text
#: only when they sit in its second half, so a menu item near the top cannot empty it.
FOOTER_MARKER_PATTERNS: tuple[str, ...] = (
    r"you (?:might|may) (?:also )?(?:like|enjoy|be interested in)",
    r"related(?: (?:articles?|stories|news|coverage|content|topics|reading|links|posts))?",
    r"more (?:from|on|in) [^.]{1,40}|more (?:stories|news|articles)",
    r"recommended(?: for you| stories| articles| reading)?",
    r"(?:most|more) (?:read|popular|viewed|shared)",
    r"(?:trending|top stories|editor'?s picks|what to read next|read next|up next)",
    r"(?:comments|join the (?:conversation|discussion))",
)

# matched on lower-cased lines: several times faster than re.IGNORECASE
_BOILERPLATE_LINE = re.compile("|".join(f"(?:{p})" for p in BOILERPLATE_LINE_PATTERNS))
_BOILERPLATE_PHRASES = tuple((word, re.compile(pattern)) for word, pattern in BOILERPLATE_PHRASES)
_FOOTER_MARKER = re.compile(
    r"(?:" + "|".join(f"(?:{p})" for p in FOOTER_MARKER_PATTERNS) + r")\s*:?",
    re.IGNORECASE,
)

#: Lines longer than this are prose: no boilerplate pattern is tried on them.
LONGEST_BOILERPLATE_LINE = 400
#: A headline: at most this many characters and words.
LONGEST_HEADLINE_CHARS, LONGEST_HEADLINE_WORDS = 200, 30
#: A title taken from a first line that is not a headline is cut to this length.
LONGEST_TITLE_CHARS = 200

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
_RARE_LINE_BREAKS = ("\u2028", "\u2029", "\x0b", "\x0c", "\x85")
_SPACE_RUN = re.compile(r"[ \t\u00a0]+")
_HEADLINE_END = re.compile(r"[.,;:]\s*$")  # a full stop (or a dangling clause) ends prose, not headlines


def normalize_newlines(text: str) -> str:
    """CRLF, CR and Unicode line separators become ``\\n``; a leading BOM goes."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(separator in text for separator in _RARE_LINE_BREAKS):  # str scans beat one regex pass
        text = _LINE_BREAKS.sub("\n", text)
    return text.lstrip("\ufeff")


def is_boilerplate_line(line: str) -> bool:
    """True when ``line`` is site furniture rather than article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > LONGEST_BOILERPLATE_LINE:
        return False
    lowered = stripped.lower()
    if _BOILERPLATE_LINE.fullmatch(lowered):
        return True
    return any(word in lowered and pattern.search(lowered) for word, pattern in _BOILERPLATE_PHRASES)


def is_footer_marker(line: str) -> bool:
    """True when ``line`` announces the links to other stories at a page's end."""
    stripped = line.strip()
    return len(stripped) <= 60 and _FOOTER_MARKER.fullmatch(stripped) is not None


def furniture_ranges(text: str) -> tuple[tuple[int, int], ...]:
    """Character ranges of ``text`` that are page furniture, not the story: boilerplate
    lines ("Read more: ...", share buttons) and the footer of links to other stories.

    For text that reached the pipeline without :func:`clean_article_text` (pasted, or
    from a corpus): places named there are headlines of other stories, not events.
    """
    lines = text.split("\n")
    kept = len(_cut_footer(lines))
    ranges: list[tuple[int, int]] = []
    offset = 0
    for index, line in enumerate(lines):
        end = offset + len(line)
        if index >= kept:
            ranges.append((offset, len(text)))
            break
        if line.strip() and is_boilerplate_line(line):
            ranges.append((offset, end))
        offset = end + 1
    return tuple(ranges)


def clean_article_text(text: str) -> str:
    """The article's prose: boilerplate lines and the footer dropped, paragraphs kept.

    Lines are stripped of surrounding whitespace; a run of blank lines becomes one
    blank line (the paragraph break the sentence splitter relies on); line breaks
    inside a paragraph stay. The result has no leading or trailing blank lines.
    """
    lines = _cut_footer(normalize_newlines(text).split("\n"))
    kept: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped and not is_boilerplate_line(stripped):
            kept.append(stripped)
        elif kept and kept[-1]:  # one blank line per run: a paragraph break
            kept.append("")
    while kept and not kept[-1]:
        kept.pop()
    return "\n".join(kept)


def _cut_footer(lines: list[str]) -> list[str]:
    """Lines up to the first footer marker in the second half of the text."""
    half = sum(len(line) + 1 for line in lines) / 2
    seen = 0
    has_prose = False
    for index, line in enumerate(lines):
        if seen >= half and has_prose and len(line) <= 80 and is_footer_marker(line):
            return lines[:index]
        seen += len(line) + 1
        has_prose = has_prose or (bool(line.strip()) and not is_boilerplate_line(line))
    return lines


def split_headline(text: str, *, title: str = "") -> tuple[str, str]:
    """``(title, body)`` of a cleaned text.

    With ``title`` given, a first line repeating it is dropped from the body. Without
    one, the first line becomes the title; it leaves the body only when it is
    clearly a headline (see :func:`is_headline`) and some body remains after it.
    """
    first, _, rest = text.partition("\n")
    rest = rest.lstrip("\n")
    if title:
        if rest and _same_words(first, title):
            return title, rest
        return title, text
    if rest and is_headline(first, next_line=rest.partition("\n")[0], paragraph_ends=text.startswith(first + "\n\n")):
        return first.strip(), rest
    return _shortened(first.strip()), text


def is_headline(line: str, *, next_line: str = "", paragraph_ends: bool = True) -> bool:
    """A short line without a final full stop that stands as its own paragraph.

    A line hard-wrapped inside a paragraph (``paragraph_ends`` False) is still a
    headline when the next line starts a new sentence and the line is title-cased.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > LONGEST_HEADLINE_CHARS:
        return False
    words = stripped.split()
    if len(words) > LONGEST_HEADLINE_WORDS or _HEADLINE_END.search(stripped):
        return False
    if paragraph_ends:
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return next_line[:1].isupper() and capitalised >= 0.6 * len(words)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _shortened(line: str) -> str:
    """A title from a line of prose: its first sentence, at most LONGEST_TITLE_CHARS."""
    sentence_end = re.search(r"[.!?](?=\s|$)", line)
    if sentence_end and sentence_end.end() <= LONGEST_TITLE_CHARS:
        return line[: sentence_end.end()]
    if len(line) <= LONGEST_TITLE_CHARS:
        return line
    return line[:LONGEST_TITLE_CHARS].rsplit(" ", 1)[0] + "…"


# ---------------------------------------------------------------------------
# Markdown: the few marks that would otherwise end up inside place names

_MARKDOWN_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),
    (re.compile(r"^\s*(?:```|~~~).*$", re.MULTILINE), ""),  # code fence lines
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.MULTILINE), ""),  # horizontal rules
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # ATX headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^(\s*)[-*+]\s+", re.MULTILINE), r"\1"),  # bullets
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links keep their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A Markdown file's ``---`` header as flat ``key: value`` strings, and the rest.

    Only flat scalar fields are read (``title``, ``date``, ``source``, ``url``...);
    quotes around a value are removed. Text without a header comes back unchanged.
    """
    text = normalize_newlines(text)
    found = _FRONT_MATTER.match(text)
    if not found:
        return {}, text
    fields = {key.lower(): value.strip().strip("'\"") for key, value in _FRONT_MATTER_FIELD.findall(found.group(1))}
    return fields, text[found.end() :]


def markdown_to_text(text: str) -> str:
    """Markdown with headings, emphasis, links and images reduced to their words."""
    text = normalize_newlines(text)
    for pattern, replacement in _MARKDOWN_SUBSTITUTIONS:
        text = pattern.sub(replacement, text)
    return text


def collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs inside lines become one space (HTML-extracted text)."""
    return "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


def title_from_first_line(text: str) -> str:
    """A title for a text that must stay as it is: its first line, cut to a sentence."""
    for line in text.split("\n"):
        if line.strip():
            return _shortened(" ".join(line.split()))
    return ""
