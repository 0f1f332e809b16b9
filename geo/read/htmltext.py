"""HTML pages to article text and metadata, offline.

The main text comes from trafilatura (which drops menus, comments and sidebars);
when it finds nothing (a very short page, an unusual layout) the page's block
elements are read directly. Title, date, canonical URL and site name come from the
page's own ``<meta>``/``<link>`` tags and JSON-LD, never from a guess over the text.
Pure functions over strings; trafilatura and lxml are imported when first used.
"""

from __future__ import annotations

import email.utils
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from geo.read.boilerplate import collapse_spaces

#: Where a page states its publication date, most trusted first:
#: (attribute that names the field, its value) -> read the tag's ``content``.
PUBLISHED_META_FIELDS: tuple[tuple[str, str], ...] = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datepublished"),
    ("property", "og:published_time"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "publish-date"),
    ("name", "publish_date"),
    ("name", "dc.date.issued"),
    ("name", "dc.date"),
    ("name", "dcterms.created"),
    ("name", "sailthru.date"),
    ("name", "parsely-pub-date"),
)

#: Where a page states its title, most trusted first (the ``<title>`` element and the
#: first ``<h1>`` come after these).
TITLE_META_FIELDS: tuple[tuple[str, str], ...] = (
    ("property", "og:title"),
    ("name", "twitter:title"),
    ("name", "dc.title"),
)

#: Elements whose text is never article text, for the fallback reader.
NON_ARTICLE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg")
#: Elements read, in document order, by the fallback reader.
BLOCK_TAGS = ("h2", "h3", "h4", "p", "li", "blockquote", "pre")

#: ``<title>`` suffixes such as " | Example News" or " - Site": the separators.
TITLE_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " · ")

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:\D|$)")
_JSONLD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{6,40})"')


@dataclass(frozen=True, slots=True)
class PageMetadata:
    """What a page says about itself; empty strings and None when it says nothing."""

    title: str = ""
    published: date | None = None
    url: str = ""
    site_name: str = ""


def parse_published(value: str) -> date | None:
    """The date in an ISO 8601 (``2016-03-24``, ``2016-03-24T10:00:00Z``), compact
    (``20160324``) or RFC 2822 (``Thu, 24 Mar 2016 10:00:00 GMT``) timestamp, or None.

    The date is the one written (the publisher's local date), not converted to UTC.
    """
    for pattern in (_ISO_DATE, _COMPACT_DATE):
        found = pattern.match(value)
        if found:
            try:
                return date(*(int(part) for part in found.groups()))
            except ValueError:
                return None
    try:
        parsed: datetime = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date()


def html_main_text(html: str) -> str:
    """The page's article text, one paragraph per block, paragraphs separated by a blank line."""
    import trafilatura  # imported here: it takes a moment and only HTML needs it

    extracted = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=False,
        output_format="txt",
    )
    text = extracted or _block_text(html)
    # trafilatura writes one paragraph per line; the sentence splitter wants blank lines
    return "\n\n".join(line for line in collapse_spaces(text).split("\n") if line)


def html_fragment_text(html: str) -> str:
    """The words of a small HTML fragment (a feed entry's summary), blocks as paragraphs."""
    if "<" not in html:
        return html
    return "\n\n".join(p for p in collapse_spaces(_block_text(html, whole_if_no_blocks=True)).split("\n") if p)


def page_metadata(html: str) -> PageMetadata:
    """Title, publication date, canonical URL and site name, from the page's own tags."""
    root = _parse(html)
    if root is None:
        return PageMetadata()
    site_name = _meta(root, ("property", "og:site_name")) or _meta(root, ("name", "application-name"))
    return PageMetadata(
        title=_title(root, site_name),
        published=_published(root, html),
        url=_canonical_url(root),
        site_name=site_name,
    )


def _parse(html: str):  # -> lxml.html.HtmlElement | None
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1) or "<html></html>")
    except (lxml.etree.ParserError, ValueError):
        return None


def _meta(root, field: tuple[str, str]) -> str:
    attribute, value = field
    for element in root.iter("meta"):
        if (element.get(attribute) or "").strip().lower() == value:
            content = (element.get("content") or element.get("datetime") or "").strip()
            if content:
                return " ".join(content.split())
    return ""


def _title(root, site_name: str) -> str:
    for field in TITLE_META_FIELDS:
        title = _meta(root, field)
        if title:
            return title
    title_element = root.find(".//title")
    if title_element is not None and (title_element.text or "").strip():
        return _without_site_suffix(" ".join(title_element.text.split()), site_name)
    h1 = root.find(".//h1")
    return " ".join(h1.text_content().split()) if h1 is not None else ""


def _without_site_suffix(title: str, site_name: str) -> str:
    """``"Shelling hits Kharkiv | Example News"`` -> ``"Shelling hits Kharkiv"``."""
    for separator in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if not found or not head:
            continue
        if (site_name and tail.strip().casefold() == site_name.casefold()) or len(tail.split()) <= 3 < len(
            head.split()
        ):
            return head.strip()
    return title


def _published(root, html: str) -> date | None:
    for field in PUBLISHED_META_FIELDS:
        value = _meta(root, field)
        if value and (found := parse_published(value)):
            return found
    for element in root.iter("time"):
        is_published = (element.get("itemprop") or "").lower() == "datepublished"
        if is_published and (found := parse_published(element.get("datetime") or "")):
            return found
    return _jsonld_published(root) or _jsonld_published_loose(html)


def _jsonld_published(root) -> date | None:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content() or "null")
        except json.JSONDecodeError:
            continue
        for item in data if isinstance(data, list) else [data]:
            stated = item.get("datePublished") if isinstance(item, dict) else None
            if isinstance(stated, str) and (found := parse_published(stated)):
                return found
    return None


def _jsonld_published_loose(html: str) -> date | None:
    """JSON-LD that does not parse as a whole (``@graph`` nesting, trailing commas)."""
    found = _JSONLD_PUBLISHED.search(html)
    return parse_published(found.group(1)) if found else None


def _canonical_url(root) -> str:
    for element in root.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        if "canonical" in rel and (element.get("href") or "").strip():
            return element.get("href").strip()
    return _meta(root, ("property", "og:url"))


def _block_text(html: str, *, whole_if_no_blocks: bool = True) -> str:
    """Text of the page's block elements in order, each on its own line."""
    root = _parse(html)
    if root is None:
        return ""
    for element in list(root.iter(*NON_ARTICLE_TAGS)):
        if element is not root:
            element.drop_tree()
    blocks = [
        " ".join(element.text_content().split())
        for element in root.iter(*BLOCK_TAGS)
        if not any(ancestor.tag in BLOCK_TAGS for ancestor in element.iterancestors())
    ]
    blocks = [block for block in blocks if block]
    if blocks or not whole_if_no_blocks:
        return "\n".join(blocks)
    body = root.find(".//body")
    return " ".join((body if body is not None else root).text_content().split())
