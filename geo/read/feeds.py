"""What a watched source lists: the items of an RSS/Atom feed, a JSON Feed or a list of links.

A watched source is fetched again and again; each time, its items are compared with
what was already ingested. ``feed_items`` turns one fetched document into those items
(link, title, the entry's own text, date), offline and without fetching anything.
A document that is none of these (an ordinary page) gives ``None``: it is an article itself.

- RSS 0.9x/1.0/2.0 and Atom: read by ``feedparser``.
- JSON Feed (https://jsonfeed.org, versions 1 and 1.1): ``items`` with ``url``,
  ``title``, ``content_text`` or ``content_html``, ``summary``, ``date_published``.
- A list of links: a plain-text document whose lines are http(s) URLs (blank lines and
  lines starting with ``#`` aside), one article per line.

Relative links are resolved against the document's own URL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urldefrag, urljoin

from geo.read.htmltext import html_fragment_text, parse_published

#: Media types a JSON Feed is served as (``application/json`` too, when the body says so).
JSON_FEED_TYPES = frozenset({"application/feed+json", "application/json"})
JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/1(\.\d+)?/?$")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
#: How far into a document its root element is looked for (comments and doctypes come first).
SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: where its article is, and what the feed itself says of it.

    ``text`` is the entry's own text (content, else summary), as plain text; often only
    a teaser, so a watcher fetches ``url`` for the article when ``text`` is short.
    """

    url: str
    title: str = ""
    text: str = ""
    published: date | None = None
    source: str = ""


def feed_items(body: bytes, *, content_type: str = "", base_url: str = "") -> tuple[FeedItem, ...] | None:
    """The items ``body`` lists, or ``None`` when it is not a feed or a list of links."""
    media_type = content_type.split(";", 1)[0].strip().lower()
    head = body[:SNIFF_BYTES].lstrip()
    if media_type in ("text/html", "application/xhtml+xml"):
        return None  # a page, whatever it quotes
    if media_type in JSON_FEED_TYPES or head.startswith(b"{"):
        return _json_feed_items(body, base_url=base_url)
    if _FEED_ROOT.search(head):
        return _xml_feed_items(body, base_url=base_url)
    if media_type in ("", "text/plain"):
        return _link_list_items(body, base_url=base_url)
    return None


def item_key(url: str) -> str:
    """A link as the seen-set keeps it: without its fragment and surrounding spaces."""
    return urldefrag(url.strip())[0]


# ---------------------------------------------------------------------------


def _xml_feed_items(body: bytes, *, base_url: str) -> tuple[FeedItem, ...] | None:
    import feedparser  # imported here: only feeds need it

    # bytes, so feedparser never takes the document for a URL or a path
    parsed = feedparser.parse(body)
    if not parsed.entries and parsed.get("bozo"):
        return None
    source = " ".join(str(parsed.feed.get("title", "")).split())
    return tuple(_xml_entry_item(entry, source=source, base_url=base_url) for entry in parsed.entries)


def _xml_entry_item(entry: Any, *, source: str, base_url: str) -> FeedItem:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return FeedItem(
        url=_absolute(str(entry.get("link", "")), base_url),
        title=" ".join(str(entry.get("title", "")).split()),
        text=html_fragment_text(body).strip() if body else "",
        published=date(*stamp[:3]) if stamp else None,
        source=source,
    )


def _json_feed_items(body: bytes, *, base_url: str) -> tuple[FeedItem, ...] | None:
    try:
        document = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(document, dict) or not JSON_FEED_VERSION.match(str(document.get("version", ""))):
        return None
    items = document.get("items")
    if not isinstance(items, list):
        return ()
    source = " ".join(_string(document.get("title")).split())
    return tuple(_json_item(item, source=source, base_url=base_url) for item in items if isinstance(item, dict))


def _json_item(item: dict[str, Any], *, source: str, base_url: str) -> FeedItem:
    html = _string(item.get("content_html"))
    text = (
        _string(item.get("content_text")) or (html_fragment_text(html) if html else "") or _string(item.get("summary"))
    )
    stamp = _string(item.get("date_published")) or _string(item.get("date_modified"))
    return FeedItem(
        url=_absolute(_string(item.get("url")) or _string(item.get("external_url")), base_url),
        title=" ".join(_string(item.get("title")).split()),
        text=text.strip(),
        published=parse_published(stamp) if stamp else None,
        source=source,
    )


def _link_list_items(body: bytes, *, base_url: str) -> tuple[FeedItem, ...] | None:
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    lines = [line.strip() for line in text.splitlines()]
    links = [line for line in lines if line and not line.startswith("#")]
    if not links or not all(re.fullmatch(r"(?i)https?://\S+", link) for link in links):
        return None
    return tuple(FeedItem(url=_absolute(link, base_url)) for link in dict.fromkeys(links))


def _absolute(url: str, base_url: str) -> str:
    url = url.strip()
    return urljoin(base_url, url) if url and base_url else url


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
