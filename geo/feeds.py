"""RSS and Atom feed files as articles: one article per entry.

An entry's article is its title and its content (or summary) as plain text; it is
dated by the entry's own date, else by ``published``. The feed is parsed from its
bytes, so nothing is ever fetched from the network.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from geo.errors import ArticleReadError
from geo.records import Article

FEED_EXTENSIONS = frozenset({".xml", ".rss", ".atom"})


def read_feed(path: Path, *, published: date | None = None) -> tuple[Article, ...]:
    """The articles of an RSS or Atom file; an entry with no words is left out."""
    path = Path(path)
    try:
        payload = path.read_bytes()
    except OSError as err:
        raise ArticleReadError(f"cannot read {path}: {err.strerror or err}") from err
    return articles_from_feed(payload, name=str(path), published=published)


def articles_from_feed(payload: bytes, *, name: str, published: date | None = None) -> tuple[Article, ...]:
    import feedparser

    parsed = feedparser.parse(payload)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements found"
        raise ArticleReadError(f"{name} is not an RSS or Atom feed: {reason}")
    source = str(parsed.feed.get("title", "")).strip()
    articles = (_entry_article(entry, source=source, published=published) for entry in parsed.entries)
    return tuple(a for a in articles if a is not None)


def _entry_article(entry: Any, *, source: str, published: date | None) -> Article | None:
    from geo.htmltext import html_fragment_text

    title = " ".join(str(entry.get("title", "")).split())
    contents = entry.get("content") or []
    body_html = contents[0].get("value", "") if contents else entry.get("summary", "")
    body = html_fragment_text(body_html).strip()
    if body.startswith(title):
        body = body[len(title):].strip()  # some feeds repeat the title as the summary's opening
    text = "\n\n".join(part for part in (title, body) if part)
    if not text.strip():
        return None
    return Article(
        text,
        title=title,
        published=_entry_date(entry) or published,
        source=source,
        url=str(entry.get("link", "")),
    )


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value: time.struct_time | None = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None
