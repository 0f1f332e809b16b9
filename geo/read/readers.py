"""Article files in, ``Article`` records out.

Formats, chosen by the file's extension (or a served content type), else sniffed:

- ``.txt .text`` plain text and ``.md .markdown`` Markdown (a ``---`` header may give
  ``title``, ``date``, ``source``, ``url``): one article, boilerplate dropped, the first
  line taken as the title.
- ``.html .htm .xhtml``: one article; the main text extracted offline, title, date,
  canonical URL and site name read from the page's own tags.
- ``.jsonl .ndjson``: one article per line, ``{"id","text","title","published","source","url"}``,
  only ``text`` required. The text is kept exactly as given, because corpora carry
  character offsets into it. A bad line is reported and skipped, never fatal.
- ``.json``: one such object, or a list of them (else read as JSON lines).
- ``.rss .atom .xml``: one article per feed entry.
- anything else: HTML when it starts like HTML, a feed when it is RSS/Atom, else text.

``published`` given to a reader is the fallback for articles that do not state their
own date (a page's ``article:published_time``, a line's ``"published"``).

Every failure is one sentence naming the file: missing, a folder, unreadable, binary,
too large (``max_bytes``), or holding no article text.
"""

from __future__ import annotations

import codecs
import errno
import json
import logging
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from geo.errors import ArticleReadError, EmptyArticleError, InputError
from geo.read.boilerplate import (
    clean_article_text,
    markdown_to_text,
    split_front_matter,
    split_headline,
    title_from_first_line,
)
from geo.read.htmltext import html_fragment_text, html_main_text, page_metadata, parse_published
from geo.records import Article
from geo.safetext import unencodable

log = logging.getLogger(__name__)

#: The largest article file read whole (and the longest JSON line), in bytes.
MAX_ARTICLE_BYTES = 50 * 1024 * 1024
#: The longest article ``parse``, ``geoparse`` and ``ingest`` take, in characters:
#: about four million words, some 25 minutes of the model's time on one core. Memory
#: does not grow with the length (texts are read in sections); time does, so anything
#: longer is refused as a corpus rather than an article.
MAX_ARTICLE_CHARS = 25_000_000

ErrorHandler = Callable[[InputError], None]

#: File name extension -> format.
FORMAT_BY_SUFFIX: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}

#: Media type (lower-case, no parameters) -> format; it wins over the name's extension.
FORMAT_BY_CONTENT_TYPE: dict[str, str] = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
}

#: Leading bytes of common non-text files -> what they are.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an ELF executable"),
    (b"\xca\xfe\xba\xbe", "a compiled program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"OggS", "an Ogg media file"),
)

#: Byte order marks, the UTF-32 ones first (UTF-32-LE's begins like UTF-16-LE's).
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Why the system refused a path -> the end of the sentence naming it.
OS_ERROR_REASONS: dict[int, str] = {
    errno.ENOENT: "does not exist",
    errno.ENOTDIR: "does not exist (part of the path is not a folder)",
    errno.EISDIR: "is a folder, not an article file",
    errno.EACCES: "cannot be read: permission denied",
    errno.EPERM: "cannot be read: permission denied",
    errno.ENAMETOOLONG: "has a name too long for this system",
    errno.ELOOP: "is a loop of symbolic links",
    errno.EIO: "cannot be read: input/output error",
}

#: Bytes sampled to tell UTF-16 without a byte order mark, and text from binary.
SNIFF_BYTES = 4096
SNIFF_CHARS = 64 * 1024
#: UTF-16 without a BOM: at least this share of the sampled byte pairs hold a NUL on
#: one side (spaces alone give this in any alphabet), at most the second on the other.
UTF16_NUL_SHARE, STRAY_NUL_SHARE = 0.1, 0.01
#: A decoded text with more control characters than this share is binary.
MAX_CONTROL_SHARE = 0.01

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.IGNORECASE)


# ---------------------------------------------------------------------------
# public API


def read_articles(
    path: str | Path,
    *,
    published: date | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    on_error: ErrorHandler | None = None,
) -> tuple[Article, ...]:
    """The articles in one file (one, or one per JSON line or feed entry).

    Bad JSON lines and feed entries go to ``on_error`` (by default a logged warning)
    and the good ones are returned; a file that yields no article at all raises.
    """
    path = Path(path)
    _check_max_bytes(max_bytes)
    if _format_from_name(path.name) == "jsonl":
        return _read_jsonl_file(path, published=published, max_bytes=max_bytes, on_error=on_error)
    data = _read_bytes(path, max_bytes=max_bytes)
    return articles_from_bytes(data, name=str(path), published=published, on_error=on_error)


def articles_from_bytes(
    data: bytes,
    *,
    name: str,
    content_type: str = "",
    published: date | None = None,
    on_error: ErrorHandler | None = None,
) -> tuple[Article, ...]:
    """The articles in a document held in memory (an upload, a fetched page).

    ``name`` is a file name or URL: its extension picks the format when
    ``content_type`` (a media type such as ``text/html``) does not.
    """
    text = decode_bytes(data, name=name, fallback_encoding=_declared_charset(data))
    if not text.strip():
        raise EmptyArticleError(f"{name} holds no article text")
    hint = FORMAT_BY_CONTENT_TYPE.get(content_type.split(";")[0].strip().lower()) or _format_from_name(name)
    reader = FORMAT_READERS[_settled_format(hint, text)]
    report = _CountingHandler(on_error or _log_bad_record)
    try:
        articles = tuple(reader(text, name=name, published=published, on_error=report))
    except EmptyArticleError as err:
        raise EmptyArticleError(f"{name} holds no article text") from err
    if not articles:
        raise _nothing_readable(name, report.count)
    return articles


def iter_jsonl_articles(
    path: str | Path,
    *,
    published: date | None = None,
    on_error: ErrorHandler | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article]:
    """Articles of a JSON-lines corpus, one line at a time (for corpora of any size).

    The file is checked at once (missing, a folder, binary, empty raise here); each bad
    line then calls ``on_error`` with an ``InputError`` naming the file and line and
    reading goes on. With ``on_error`` None the first bad line raises.
    Lines longer than ``max_bytes`` are bad lines. Blank lines are skipped.
    """
    path = Path(path)
    _check_max_bytes(max_bytes)
    handle = _open_corpus(path)
    return _jsonl_from_handle(handle, name=str(path), published=published, on_error=on_error, max_bytes=max_bytes)


def check_article_length(article: Article, *, where: str, limit: int = MAX_ARTICLE_CHARS) -> Article:
    """``article`` when its text is at most ``limit`` characters; else InputError naming ``where``."""
    if len(article.text) > limit:
        raise InputError(
            f"{where}: an article of {len(article.text):,} characters is over the {limit:,} "
            "one article may hold; split it, or ingest it as a JSON lines corpus with one "
            "article per line"
        )
    return article


def article_from_text(
    text: str,
    *,
    title: str = "",
    published: date | None = None,
    source: str = "",
    url: str = "",
) -> Article:
    """One article from plain text: boilerplate dropped, paragraphs kept.

    Without a ``title``, the first line becomes the title; it leaves the text only
    when it is clearly a headline (short, no final full stop, a paragraph of its own).
    Raises ``EmptyArticleError`` when nothing but whitespace or boilerplate is left.
    """
    cleaned = clean_article_text(text)
    if not cleaned.strip():
        raise EmptyArticleError(f"expected article text, got {_snippet(text)!r}: only whitespace or site boilerplate")
    title, body = split_headline(cleaned, title=" ".join(title.split()))
    return Article(text=body, title=title, published=published, source=source, url=url)


def article_from_html(html: str, *, published: date | None = None, source: str = "", url: str = "") -> Article:
    """One article from an HTML page; the page's own title, date, URL and site name win."""
    metadata = page_metadata(html)
    return article_from_text(
        html_main_text(html),
        title=metadata.title,
        published=metadata.published or published,
        source=metadata.site_name or source,
        url=metadata.url or url,
    )


def decode_bytes(data: bytes, *, name: str, fallback_encoding: str = "") -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without
    BOM when its NUL bytes show it, else ``fallback_encoding`` (a charset the document
    declares) when it decodes, else Windows-1252, else Latin-1.

    Raises ``ArticleReadError`` for binary content: a known file signature, NUL bytes
    that are not UTF-16, or many control characters.
    """
    kind = _binary_signature(data)
    if kind:
        raise ArticleReadError(f"{name} is not a text article (looks binary: {kind})")
    encoding, skip = _unicode_encoding(data)
    if encoding:
        text = _decode_exactly(data[skip:], encoding, name=name)
    elif b"\x00" in data:
        raise ArticleReadError(f"{name} is not a text article (looks binary: it holds NUL bytes)")
    else:
        text = _decode_legacy(data, fallback_encoding)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise ArticleReadError(f"{name} is not a text article (looks binary: many control characters)")
    return text


# ---------------------------------------------------------------------------
# decoding


def _binary_signature(data: bytes) -> str:
    for signature, kind in BINARY_SIGNATURES:
        if data.startswith(signature):
            return kind
    return ""


def _unicode_encoding(data: bytes) -> tuple[str, int]:
    """``(codec, bytes to skip)`` when a BOM or the NUL pattern names a Unicode encoding."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return encoding, len(mark)
    sample = data[: SNIFF_BYTES - SNIFF_BYTES % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return "", 0
    nul_even, nul_odd = sample[0::2].count(0), sample[1::2].count(0)
    # In UTF-16 every ASCII character (a space, a digit, a Latin letter) comes with a
    # NUL byte on the same side of it; binary data has NULs on both sides.
    if nul_odd >= UTF16_NUL_SHARE * pairs and nul_even <= STRAY_NUL_SHARE * pairs:
        return "utf-16-le", 0
    if nul_even >= UTF16_NUL_SHARE * pairs and nul_odd <= STRAY_NUL_SHARE * pairs:
        return "utf-16-be", 0
    return "", 0


def _decode_exactly(data: bytes, encoding: str, *, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        label = encoding.upper().replace("-LE", "").replace("-BE", "")
        raise ArticleReadError(
            f"{name} looks like {label} text but byte {err.start} does not decode as {label}"
        ) from err


def _decode_legacy(data: bytes, fallback_encoding: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (fallback_encoding, "cp1252"):
        if not encoding or _is_utf8(encoding):
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")  # every byte is a Latin-1 character: this cannot fail


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def _declared_charset(data: bytes) -> str:
    """The charset a page or feed declares in its first bytes (``<meta charset>``, ``<?xml encoding>``)."""
    found = _DECLARED_CHARSET.search(data[:SNIFF_BYTES])
    return found.group(1).decode("ascii") if found else ""


def _control_share(text: str) -> float:
    sample = text[:SNIFF_CHARS]
    if not sample:
        return 0.0
    count = len(_CONTROL_CHARS.findall(sample))
    return count / len(sample) if count >= 3 else 0.0


# ---------------------------------------------------------------------------
# files


def _check_max_bytes(max_bytes: int) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise InputError(f"max_bytes must be a positive number of bytes, got {max_bytes!r}")


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    try:
        size = _regular_file_size(path)
        if size > max_bytes:
            raise ArticleReadError(_too_large(str(path), size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except ArticleReadError:
        raise
    except OSError as err:
        raise ArticleReadError(_os_error_message(path, err)) from err
    if len(data) > max_bytes:  # the file grew while being read
        raise ArticleReadError(_too_large(str(path), len(data), max_bytes))
    if not data.strip():
        raise EmptyArticleError(f"{path} holds no article text")
    return data


def _regular_file_size(path: Path) -> int:
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ArticleReadError(f"{path} is not a regular file (a device, pipe or socket)")
    return info.st_size


def _os_error_message(path: Path, err: OSError) -> str:
    reason = OS_ERROR_REASONS.get(err.errno or 0) or f"cannot be read: {err.strerror or err}"
    return f"{path} {reason}"


def _too_large(name: str, size: int, max_bytes: int) -> str:
    mib = 1024 * 1024
    return f"{name} is {size / mib:.1f} MB, more than the {max_bytes / mib:g} MB an article may take"


def _open_corpus(path: Path) -> BinaryIO:
    try:
        size = _regular_file_size(path)
        handle = path.open("rb")
    except ArticleReadError:
        raise
    except OSError as err:
        raise ArticleReadError(_os_error_message(path, err)) from err
    kind = _binary_signature(handle.read(32))
    handle.seek(0)
    if kind or size == 0:
        handle.close()
        if kind:
            raise ArticleReadError(f"{path} is not a text article (looks binary: {kind})")
        raise EmptyArticleError(f"{path} holds no article text")
    return handle


# ---------------------------------------------------------------------------
# formats


def _format_from_name(name: str) -> str | None:
    path = urlsplit(name).path if "://" in name else name
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower())


def _sniffed_format(text: str) -> str:
    head = _XML_DECLARATION.sub("", text[:SNIFF_BYTES], count=1).lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("<") and _FEED_ROOT.search(head):
        return "feed"
    return "text"


def _settled_format(hint: str | None, text: str) -> str:
    """The declared format, checked against the content where a declaration is often loose."""
    if hint is None:
        return _sniffed_format(text)
    if hint == "feed":  # generic XML types also carry XHTML pages
        return "feed" if _sniffed_format(text) == "feed" else "html"
    return hint


def _text_articles(text: str, *, name: str, published: date | None, on_error: ErrorHandler) -> Iterable[Article]:
    return (article_from_text(text, published=published),)


def _markdown_articles(text: str, *, name: str, published: date | None, on_error: ErrorHandler) -> Iterable[Article]:
    fields, body = split_front_matter(text)
    stated = fields.get("published") or fields.get("date") or ""
    return (
        article_from_text(
            markdown_to_text(body),
            title=fields.get("title", ""),
            published=parse_published(stated) or published,
            source=fields.get("source", ""),
            url=fields.get("url", ""),
        ),
    )


def _html_articles(text: str, *, name: str, published: date | None, on_error: ErrorHandler) -> Iterable[Article]:
    return (article_from_html(text, published=published),)


def _jsonl_articles(text: str, *, name: str, published: date | None, on_error: ErrorHandler) -> Iterator[Article]:
    for number, line in enumerate(text.split("\n"), start=1):
        try:
            article = _article_from_line(line, where=f"{name}, line {number}", published=published)
        except InputError as err:
            on_error(err)
            continue
        if article is not None:
            yield article


def _json_articles(text: str, *, name: str, published: date | None, on_error: ErrorHandler) -> Iterator[Article]:
    try:
        document = json.loads(text)
    except RecursionError as err:
        raise InputError(f"{name} holds JSON nested too deeply to read") from err
    except json.JSONDecodeError:
        yield from _jsonl_articles(text, name=name, published=published, on_error=on_error)
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        where = f"{name}, item {number}" if isinstance(document, list) else name
        try:
            yield _article_from_record(record, where=where, published=published)
        except InputError as err:
            on_error(err)


def _feed_articles(text: str, *, name: str, published: date | None, on_error: ErrorHandler) -> Iterator[Article]:
    import feedparser  # imported here: only feeds need it

    # bytes, so feedparser parses them and never takes the text for a URL or path;
    # the declaration goes because the text is already decoded
    parsed = feedparser.parse(_XML_DECLARATION.sub("", text, count=1).encode("utf-8"))
    if not parsed.entries and parsed.get("bozo"):
        raise InputError(f"{name} is not a readable RSS or Atom feed ({parsed.get('bozo_exception')})")
    source = " ".join(str(parsed.feed.get("title", "")).split())
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article_from_feed_entry(entry, source=source, published=published)
        except EmptyArticleError:
            on_error(EmptyArticleError(f"{name}, entry {number} holds no text"))


FORMAT_READERS: dict[str, Callable[..., Iterable[Article]]] = {
    "text": _text_articles,
    "markdown": _markdown_articles,
    "html": _html_articles,
    "jsonl": _jsonl_articles,
    "json": _json_articles,
    "feed": _feed_articles,
}


# ---------------------------------------------------------------------------
# JSON lines and feed entries


def _read_jsonl_file(
    path: Path, *, published: date | None, max_bytes: int, on_error: ErrorHandler | None
) -> tuple[Article, ...]:
    report = _CountingHandler(on_error or _log_bad_record)
    articles = tuple(iter_jsonl_articles(path, published=published, on_error=report, max_bytes=max_bytes))
    if not articles:
        raise _nothing_readable(str(path), report.count)
    return articles


def _jsonl_from_handle(
    handle: BinaryIO, *, name: str, published: date | None, on_error: ErrorHandler | None, max_bytes: int
) -> Iterator[Article]:
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{name}, line {number}"
            try:
                article = _article_from_line(
                    _line_text(raw, where=where, max_bytes=max_bytes), where=where, published=published
                )
            except InputError as err:
                if on_error is None:
                    raise
                on_error(err)
                continue
            if article is not None:
                yield article


def _line_text(raw: bytes, *, where: str, max_bytes: int) -> str:
    if len(raw) > max_bytes:
        raise InputError(_too_large(where, len(raw), max_bytes))
    try:
        return raw.decode("utf-8-sig")  # -sig: a BOM before the first line is not JSON
    except UnicodeDecodeError as err:
        raise InputError(f"{where}: expected UTF-8, got byte {raw[err.start]:#04x} at column {err.start + 1}") from err


def _article_from_line(line: str, *, where: str, published: date | None) -> Article | None:
    """The line's article; None for a blank line."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        cut = " (the line may be cut short)" if err.pos >= len(line.rstrip()) else ""
        raise InputError(
            f"{where}: expected a JSON object, got invalid JSON ({err.msg} at column {err.colno}){cut}: "
            f"{_snippet(line)!r}"
        ) from err
    except RecursionError as err:
        raise InputError(f"{where}: expected a JSON object, got JSON nested too deeply to read") from err
    return _article_from_record(record, where=where, published=published)


def _article_from_record(record: object, *, where: str, published: date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object with a "text" string, got {_snippet(json.dumps(record))!r}')
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: expected a non-empty "text" string, got {_snippet(repr(text))}')
    title, source, url = (_optional_string(record, key, where=where) for key in ("title", "source", "url"))
    for key, value in (("text", text), ("title", title), ("source", source), ("url", url), ("id", record.get("id"))):
        fault = unencodable(value) if isinstance(value, str) else ""
        if fault:  # "\udfff" is valid JSON but no text: no store or file can hold it
            raise InputError(f'{where}: "{key}" holds {fault}')
    return Article(
        text=text,  # as given: corpora carry character offsets into it
        title=" ".join(title.split()) or title_from_first_line(text),
        published=_record_published(record.get("published"), where=where) or published,
        source=source,
        url=url,
        article_id=_record_id(record.get("id"), where=where),
    )


def _optional_string(record: dict, key: str, *, where: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f'{where}: expected "{key}" to be a string, got {_snippet(repr(value))}')
    return value


def _record_id(value: object, *, where: str) -> str:
    """The corpus's own id; empty (so the text's digest is used) when there is none."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f'{where}: expected "id" to be a string or an integer, got {_snippet(repr(value))}')
    return str(value)


def _record_published(value: object, *, where: str) -> date | None:
    if value is None or value == "":
        return None
    parsed = parse_published(value) if isinstance(value, str) else None
    if parsed is None:
        raise InputError(f'{where}: expected "published" as a date such as 2016-03-24, got {_snippet(repr(value))}')
    return parsed


def _article_from_feed_entry(entry, *, source: str, published: date | None) -> Article:
    """A feed entry: its content (or summary, or only its title) as the text."""
    title = " ".join(str(entry.get("title", "")).split())
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = html_fragment_text(body) if body else ""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return article_from_text(
        text if text.strip() else title,
        title=title,
        published=date(*stamp[:3]) if stamp else published,
        source=source,
        url=str(entry.get("link", "")),
    )


# ---------------------------------------------------------------------------
# reporting


class _CountingHandler:
    """An error handler that also counts what it was handed."""

    def __init__(self, handler: ErrorHandler) -> None:
        self.handler = handler
        self.count = 0

    def __call__(self, err: InputError) -> None:
        self.count += 1
        self.handler(err)


def _log_bad_record(err: InputError) -> None:
    log.warning("%s", err)


def _nothing_readable(name: str, refused: int) -> EmptyArticleError:
    if refused:
        return EmptyArticleError(f"{name} holds no readable article: all {refused} of its records were refused")
    return EmptyArticleError(f"{name} holds no article text")


def _snippet(text: str, length: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
