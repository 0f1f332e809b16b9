"""Playwright helpers shared by the browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest


@contextmanager
def standalone_chromium(*extra_args: str) -> Iterator[Any]:
    """The chromium the briefing uses, under Playwright, for pages opened as files
    (skips where there is none); closed after use."""
    from playwright.sync_api import sync_playwright

    from geo.map.briefing import CHROMIUM_ARGS, find_browser

    executable = find_browser()
    if executable is None:
        pytest.skip("no chromium on this machine")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=[*CHROMIUM_ARGS, *extra_args])
        try:
            yield browser
        finally:
            browser.close()


def only_this_file(path: Path, outside: list[str]):
    """A route handler that lets the page at ``path`` load and aborts every other
    request, noting its URL in ``outside`` (proof that nothing left the machine)."""

    def route(r) -> None:
        if r.request.url == path.as_uri():
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    return route


def writes_beyond_the_demo(db: Path) -> tuple[str, ...]:
    """What the store ``db``, served as the demo's first start leaves it, holds beyond that:
    articles not of the demo corpus, event corrections (deletions too), place corrections,
    events kept apart. Empty while every test that uses it only reads, as the tests sharing
    one such server must (a write would change what the others compare the page with)."""
    from geo.read.readers import read_articles
    from geo.store.store import EventStore
    from geo.web.appactions import DEMO_CORPUS

    if not db.exists():  # no page was ever opened on it
        return ()
    with EventStore.open(db, readonly=True) as store:
        demo = store.has_articles(article.article_id for article in read_articles(DEMO_CORPUS))
        wrote = {
            "articles not of the demo": store.article_count() - len(demo),
            "event corrections": len(store.corrections()),
            "place corrections": len(store.overrides()),
            "events kept apart": len(store.split_pairs()),
        }
    return tuple(f"{count} {what}" for what, count in wrote.items() if count)
