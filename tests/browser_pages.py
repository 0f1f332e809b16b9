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
