"""Reading article files: formats, boilerplate, encodings and every way a file can be bad."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest

from geo.errors import ArticleReadError, ConflictmapError, EmptyArticleError, InputError
from geo.read.readers import (
    article_from_text,
    articles_from_bytes,
    decode_bytes,
    iter_jsonl_articles,
    read_articles,
)
from geo.records import stable_id

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

BODY = (
    "Russian artillery shelled residential districts of Kharkiv on Sunday, officials said.\n"
    "\n"
    "At least three civilians were killed and dozens wounded, the regional governor said.\n"
)

PAGE_WITH_BOILERPLATE = """Advertisement

Houthi drones strike tanker off Hodeidah

A tanker was struck by two drones off the Yemeni port of Hodeidah on Tuesday, a maritime security agency said.
Share this article
The crew was unharmed and the vessel sailed on to Djibouti.

Read more: Red Sea shipping insurers raise rates
We use cookies to improve your experience. By continuing you accept our cookie policy.
Follow us on Telegram

Reporting by Aziz El Yaakoubi in Riyadh; Editing by Jane Doe

© 2024 Example Wire. All rights reserved.

You might also like
Sudan's army retakes bridge in Khartoum
Ceasefire talks stall in Jeddah
"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------
# plain text: boilerplate, headline, paragraphs


def test_boilerplate_lines_and_footer_links_are_dropped(tmp_path):
    (article,) = read_articles(write(tmp_path, "tanker.txt", PAGE_WITH_BOILERPLATE))
    for gone in (
        "Advertisement",
        "Share this",
        "Read more",
        "cookies",
        "Follow us",
        "Reporting by",
        "Riyadh",
        "©",
        "You might also like",
        "Khartoum",
        "Jeddah",
    ):
        assert gone not in article.text, gone
    assert article.title == "Houthi drones strike tanker off Hodeidah"
    assert article.text.startswith("A tanker was struck by two drones off the Yemeni port of Hodeidah")
    assert article.text.endswith("sailed on to Djibouti.")


def test_first_line_headline_becomes_title_and_leaves_the_text():
    article = article_from_text("Houthi drones strike tanker off Hodeidah\n\n" + BODY)
    assert article.title == "Houthi drones strike tanker off Hodeidah"
    assert article.text.startswith("Russian artillery shelled")


def test_first_line_ending_in_a_full_stop_stays_in_the_text():
    article = article_from_text(BODY)
    assert article.text.startswith("Russian artillery shelled")
    assert article.title == "Russian artillery shelled residential districts of Kharkiv on Sunday, officials said."


def test_a_hard_wrapped_first_line_is_not_taken_for_a_headline():
    text = "Russian artillery shelled the districts of\nKharkiv on Sunday, officials said.\n"
    assert article_from_text(text).text == text.strip()


def test_given_title_repeated_as_first_line_is_dropped_once():
    article = article_from_text("Kharkiv under fire\n\n" + BODY, title="Kharkiv  under fire")
    assert article.title == "Kharkiv under fire"
    assert article.text.startswith("Russian artillery")


def test_paragraph_breaks_kept_and_crlf_normalised(tmp_path):
    raw = (
        "Kharkiv under fire\r\n\r\n\r\n\r\nFirst paragraph on Kharkiv.\r\nStill the first.\r\n\r\nSecond on Izium.\r\n"
    )
    (article,) = read_articles(write(tmp_path, "crlf.txt", raw.encode("utf-8")))
    assert article.text == "First paragraph on Kharkiv.\nStill the first.\n\nSecond on Izium."


def test_prose_that_mentions_newsletters_or_postings_is_kept():
    text = (
        "Kharkiv under fire\n\nThe brigade announced the advance in its weekly newsletter.\n\n"
        "Posted at the border, the unit fired on the town.\n"
    )
    article = article_from_text(text)
    assert "weekly newsletter" in article.text and "Posted at the border" in article.text


def test_article_id_depends_on_text_not_file_name(tmp_path):
    (a,) = read_articles(write(tmp_path, "one.txt", "Kharkiv under fire\n\n" + BODY))
    (b,) = read_articles(write(tmp_path, "two.text", "Kharkiv under fire\n\n" + BODY))
    assert a.article_id == b.article_id


def test_published_keyword_is_attached_to_text_articles(tmp_path):
    (article,) = read_articles(write(tmp_path, "a.txt", BODY), published=date(2024, 5, 12))
    assert article.published == date(2024, 5, 12)


@pytest.mark.shared
def test_seed_article_loses_slogan_and_footer_and_keeps_its_headline():
    seed = SHARED / "seed" / "kerry_moscow_syria.txt"
    if not seed.exists():
        pytest.skip("../shared is absent")
    (article,) = read_articles(seed)
    assert article.title == "Kerry vows to work with Moscow for peace in Syria despite differences"
    assert "news is by your side" not in article.text
    assert "You might also like" not in article.text
    assert article.text.startswith("Russia and the United States")
    assert "fought their way into Palmyra" in article.text
    assert "\n\n" in article.text


# ---------------------------------------------------------------------------
# Markdown, HTML, feeds, sniffing


def test_markdown_front_matter_and_marks_are_read(tmp_path):
    md = """---
title: "Shelling in Kherson"
date: 2023-11-04
source: Field notes
---
# Shelling in Kherson

Artillery hit the **port** of [Kherson](https://example.org/kherson) overnight.
![map](map.png)
"""
    (article,) = read_articles(write(tmp_path, "kherson.md", md))
    assert article.title == "Shelling in Kherson"
    assert article.published == date(2023, 11, 4)
    assert article.source == "Field notes"
    assert article.text == "Artillery hit the port of Kherson overnight."


HTML_PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Shelling hits Kharkiv | Example News</title>
<meta property="og:title" content="Shelling hits Kharkiv">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-12T08:00:00+03:00">
<link rel="canonical" href="https://news.example.org/kharkiv-shelling">
</head><body><nav>Home | World | Sport | Sign in</nav>
<header><h1>Shelling hits Kharkiv</h1></header>
<article>
<p>Russian artillery shelled residential districts of Kharkiv on Sunday, officials said.</p>
<p>At least three civilians were killed and dozens wounded, the regional governor said.</p>
<div class="ad">Advertisement</div>
<p>Residents fled to shelters as air raid sirens sounded across the city.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved. Share this article</footer>
</body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    (article,) = read_articles(write(tmp_path, "kharkiv.html", HTML_PAGE))
    assert article.title == "Shelling hits Kharkiv"
    assert article.published == date(2024, 5, 12)
    assert article.url == "https://news.example.org/kharkiv-shelling"
    assert article.source == "Example News"
    assert article.text.split("\n\n") == [
        "Russian artillery shelled residential districts of Kharkiv on Sunday, officials said.",
        "At least three civilians were killed and dozens wounded, the regional governor said.",
        "Residents fled to shelters as air raid sirens sounded across the city.",
    ]


def test_html_page_date_wins_over_the_fallback_and_fallback_fills_a_gap(tmp_path):
    (dated,) = read_articles(write(tmp_path, "a.html", HTML_PAGE), published=date(2020, 1, 1))
    assert dated.published == date(2024, 5, 12)
    undated_page = HTML_PAGE.replace('property="article:published_time"', 'property="x"')
    (undated,) = read_articles(write(tmp_path, "b.htm", undated_page), published=date(2020, 1, 1))
    assert undated.published == date(2020, 1, 1)


def test_html_title_falls_back_to_title_element_without_site_suffix(tmp_path):
    page = HTML_PAGE.replace('<meta property="og:title" content="Shelling hits Kharkiv">', "")
    (article,) = read_articles(write(tmp_path, "k.html", page))
    assert article.title == "Shelling hits Kharkiv"


def test_tiny_html_page_still_gives_its_text(tmp_path):
    (article,) = read_articles(write(tmp_path, "tiny.html", "<html><body><p>Fighting in Aleppo.</p></body></html>"))
    assert article.text == "Fighting in Aleppo."


def test_unknown_extension_is_sniffed_as_html_or_text(tmp_path):
    (page,) = read_articles(write(tmp_path, "page.dat", HTML_PAGE))
    assert page.title == "Shelling hits Kharkiv" and "<p>" not in page.text
    (text,) = read_articles(write(tmp_path, "notes.dat", "Kharkiv under fire\n\n" + BODY))
    assert text.text.startswith("Russian artillery")


def test_html_declared_legacy_charset_is_honoured():
    page = '<html><head><meta charset="windows-1251"></head><body><p>Бои под Харьковом.</p></body></html>'
    (article,) = articles_from_bytes(page.encode("cp1251"), name="https://example.org/a", content_type="text/html")
    assert article.text == "Бои под Харьковом."


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Strikes on Odesa port</title><link>https://wire.example.org/odesa</link>
<pubDate>Tue, 18 Jul 2023 06:00:00 GMT</pubDate>
<description>&lt;p&gt;Missiles hit grain terminals in Odesa overnight.&lt;/p&gt;</description></item>
<item><title>Talks in Jeddah resume</title><link>https://wire.example.org/jeddah</link>
<pubDate>Wed, 19 Jul 2023 09:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_rss_feed_gives_one_article_per_entry(tmp_path):
    articles = read_articles(write(tmp_path, "wire.rss", RSS))
    assert [a.title for a in articles] == ["Strikes on Odesa port", "Talks in Jeddah resume"]
    assert articles[0].text == "Missiles hit grain terminals in Odesa overnight."
    assert articles[0].published == date(2023, 7, 18)
    assert articles[0].url == "https://wire.example.org/odesa"
    assert articles[0].source == "Example Wire"
    assert articles[1].text == "Talks in Jeddah resume"  # no summary: the headline is the text


def test_bytes_from_a_url_use_the_content_type_over_the_extension():
    (article,) = articles_from_bytes(HTML_PAGE.encode(), name="https://example.org/story.txt", content_type="text/html")
    assert article.title == "Shelling hits Kharkiv" and "<" not in article.text


# ---------------------------------------------------------------------------
# encodings and binary content


def test_utf16_with_bom_is_decoded(tmp_path):
    text = "Kharkiv under fire\n\nFighting near Zaporizhzhia — and in Kramatorsk.\n"
    (article,) = read_articles(write(tmp_path, "u16.txt", text.encode("utf-16")))
    assert article.text == "Fighting near Zaporizhzhia — and in Kramatorsk."


def test_utf16_without_bom_is_recognised_by_its_nul_bytes():
    assert decode_bytes("Shelling in Kherson.".encode("utf-16-le"), name="x") == "Shelling in Kherson."
    assert decode_bytes("Shelling in Kherson.".encode("utf-16-be"), name="x") == "Shelling in Kherson."


@pytest.mark.parametrize("text", ["اشتباكات في حلب وإدلب يوم الخميس", "Обстріл Харкова триває третій день поспіль"])
def test_utf16_without_bom_in_other_alphabets_is_recognised_by_its_spaces(text):
    assert decode_bytes(text.encode("utf-16-le"), name="x") == text
    assert decode_bytes(text.encode("utf-16-be"), name="x") == text


def test_utf8_bom_does_not_reach_the_text(tmp_path):
    (article,) = read_articles(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + BODY.encode()))
    assert article.text.startswith("Russian")


def test_utf32_with_bom_is_decoded():
    assert decode_bytes("Talks in Jeddah.".encode("utf-32"), name="x") == "Talks in Jeddah."


def test_latin1_accents_survive(tmp_path):
    text = "Réfugiés à Alep\n\nLes réfugiés ont fui vers Idlib, où l'aide n'arrive plus.\n"
    (article,) = read_articles(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert article.title == "Réfugiés à Alep"
    assert article.text == "Les réfugiés ont fui vers Idlib, où l'aide n'arrive plus."


def test_windows_1252_curly_quotes_survive():
    data = "He called it a \u201cbaby step\u201d \u2013 not a bad result.".encode("cp1252")
    assert decode_bytes(data, name="x") == "He called it a \u201cbaby step\u201d \u2013 not a bad result."


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"\x7fELF\x02\x01\x01\x00",
        bytes(range(256)) * 4,
        b"text with a NUL \x00 in it and more text after",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20 + b"some letters",
    ],
    ids=["png", "pdf", "zip", "gzip", "elf", "all-bytes", "nul", "control-chars"],
)
def test_binary_content_is_refused_naming_the_file(tmp_path, data):
    path = write(tmp_path, "scan.txt", data)
    with pytest.raises(ArticleReadError, match=r"scan\.txt is not a text article \(looks binary"):
        read_articles(path)


# ---------------------------------------------------------------------------
# bad paths, empty and oversized files


def test_missing_path_is_one_sentence_naming_it(tmp_path):
    with pytest.raises(ArticleReadError, match=r"nowhere\.txt does not exist$"):
        read_articles(tmp_path / "nowhere.txt")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ArticleReadError, match="is a folder"):
        read_articles(tmp_path)


def test_permission_denied_is_reported(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", BODY)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ArticleReadError, match=r"locked\.txt cannot be read: permission denied"):
        read_articles(path)


@pytest.mark.parametrize(
    "content",
    ["", "   \n\n\t  \n", "Advertisement\nShare this article\nSign up for our newsletter\n© 2024 Example\n"],
    ids=["empty", "whitespace", "only-boilerplate"],
)
def test_files_without_article_text_are_refused(tmp_path, content):
    path = write(tmp_path, "blank.txt", content)
    with pytest.raises(EmptyArticleError, match=r"blank\.txt holds no article text"):
        read_articles(path)


def test_file_over_the_size_cap_is_refused(tmp_path):
    path = write(tmp_path, "big.txt", BODY * 100)
    with pytest.raises(ArticleReadError, match=r"big\.txt is .* MB, more than"):
        read_articles(path, max_bytes=1000)


def test_bad_max_bytes_is_rejected(tmp_path):
    with pytest.raises(InputError, match="max_bytes must be a positive number of bytes, got -1"):
        read_articles(write(tmp_path, "a.txt", BODY), max_bytes=-1)


def test_twenty_megabytes_of_text_are_read_whole(tmp_path):
    paragraph = (
        "Russian forces shelled the outskirts of Kharkiv on Sunday, the governor said, "
        "and residents fled toward Poltava as the fighting spread.\n\n"
    )
    count = 20 * 1024 * 1024 // len(paragraph) + 1
    path = write(tmp_path, "huge.txt", "Kharkiv under fire\n\n" + paragraph * count + "Final line near Izium.")
    (article,) = read_articles(path)
    assert article.title == "Kharkiv under fire"
    assert article.text.count("Kharkiv on Sunday") == count
    assert article.text.endswith("Final line near Izium.")


def test_errors_are_single_sentences(tmp_path):
    for call in (lambda: read_articles(tmp_path / "x.txt"), lambda: read_articles(tmp_path)):
        with pytest.raises(ConflictmapError) as caught:
            call()
        assert "\n" not in str(caught.value) and "Traceback" not in str(caught.value)


# ---------------------------------------------------------------------------
# JSON lines


def jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def test_jsonl_truncated_last_line_keeps_the_good_lines_and_reports_the_line(tmp_path):
    path = write(
        tmp_path,
        "corpus.jsonl",
        jsonl(
            {"id": "a1", "text": "Clashes in El Fasher."},
            {"id": "a2", "text": "Aid reached Gaza City."},
            '{"id": "a3", "text": "Shelling in Khar',
        ),
    )
    errors: list[InputError] = []
    articles = read_articles(path, on_error=errors.append)
    assert [a.article_id for a in articles] == ["a1", "a2"]
    assert len(errors) == 1
    assert "corpus.jsonl, line 3" in str(errors[0]) and "cut short" in str(errors[0])


def test_jsonl_bad_lines_are_logged_by_default(tmp_path, caplog):
    path = write(tmp_path, "corpus.jsonl", jsonl({"text": "Clashes in El Fasher."}, "[1, 2]", {"title": "no text"}))
    with caplog.at_level(logging.WARNING, logger="geo.read.readers"):
        articles = read_articles(path)
    assert len(articles) == 1
    assert "line 2" in caplog.text and "line 3" in caplog.text


def test_streaming_jsonl_without_handler_raises_on_the_bad_line(tmp_path):
    path = write(tmp_path, "corpus.jsonl", jsonl({"text": "Clashes in El Fasher."}, "{oops"))
    stream = iter_jsonl_articles(path)
    assert next(stream).text == "Clashes in El Fasher."
    with pytest.raises(InputError, match=r"corpus\.jsonl, line 2: expected a JSON object"):
        next(stream)


def test_streaming_jsonl_checks_the_path_before_the_first_line(tmp_path):
    with pytest.raises(ArticleReadError, match="does not exist"):
        iter_jsonl_articles(tmp_path / "absent.jsonl")
    with pytest.raises(EmptyArticleError, match="holds no article text"):
        iter_jsonl_articles(write(tmp_path, "empty.ndjson", b""))


def test_jsonl_text_is_kept_verbatim_and_fields_are_read(tmp_path):
    text = "Advertisement\nShelling hit  Kherson.\r\n"
    path = write(
        tmp_path,
        "c.ndjson",
        jsonl(
            {
                "id": 17,
                "text": text,
                "title": "Kherson",
                "published": "2023-11-04T06:00:00Z",
                "source": "Wire",
                "url": "https://wire.example.org/k",
            }
        ),
    )
    (article,) = read_articles(path)
    assert article.text == text
    assert (article.article_id, article.title, article.published, article.source, article.url) == (
        "17",
        "Kherson",
        date(2023, 11, 4),
        "Wire",
        "https://wire.example.org/k",
    )


def test_jsonl_without_id_gets_the_stable_id_of_its_text(tmp_path):
    path = write(tmp_path, "c.jsonl", jsonl({"text": "Clashes in El Fasher."}))
    (article,) = read_articles(path, published=date(2024, 4, 1))
    assert article.article_id == stable_id("Clashes in El Fasher.")
    assert article.published == date(2024, 4, 1)


def test_jsonl_bad_published_date_is_a_bad_line(tmp_path):
    path = write(tmp_path, "c.jsonl", jsonl({"text": "Clashes.", "published": "last Tuesday"}, {"text": "Talks."}))
    errors: list[InputError] = []
    assert [a.text for a in read_articles(path, on_error=errors.append)] == ["Talks."]
    assert 'expected "published" as a date' in str(errors[0])


def test_jsonl_where_every_line_is_bad_raises(tmp_path):
    path = write(tmp_path, "c.jsonl", jsonl("{", "{}"))
    with pytest.raises(EmptyArticleError, match="all 2 of its records were refused"):
        read_articles(path, on_error=lambda err: None)


def test_json_list_gives_one_article_per_item(tmp_path):
    path = write(tmp_path, "c.json", json.dumps([{"text": "Clashes in El Fasher."}, {"text": "Aid reached Gaza."}]))
    assert [a.text for a in read_articles(path)] == ["Clashes in El Fasher.", "Aid reached Gaza."]


def test_jsonl_line_over_the_cap_is_a_bad_line(tmp_path):
    path = write(tmp_path, "c.jsonl", jsonl({"text": "x" * 500}, {"text": "Talks in Jeddah."}))
    errors: list[InputError] = []
    assert [a.text for a in iter_jsonl_articles(path, on_error=errors.append, max_bytes=200)] == ["Talks in Jeddah."]
    assert "line 1" in str(errors[0])
