"""Waiting in a browser page for a condition, asked from Python.

Playwright's own ``wait_for_function`` re-checks its predicate from inside the page,
where it is evaluated as a string; our pages carry a Content-Security-Policy without
'unsafe-eval', so every re-check after the first fails. Checks sent through the
DevTools protocol (``page.evaluate``) are not bound by the page's policy, so the
wait polls with those instead.
"""

from __future__ import annotations

import time
from typing import Any

#: Pause between two checks; short next to a page's draw time, long next to a round trip.
POLL_MS = 50


def wait_in_page(page: Any, expression: str, *, arg: Any = None, timeout_ms: float = 30_000) -> Any:
    """Check ``expression`` (a JavaScript expression or function, given ``arg``) in
    ``page`` (a Playwright page or frame) until it is truthy, and return its value.

    Raises Playwright's TimeoutError, naming the expression, after ``timeout_ms``."""
    deadline = time.monotonic() + timeout_ms / 1000
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        if time.monotonic() >= deadline:
            from playwright.sync_api import TimeoutError as PlaywrightTimeout

            raise PlaywrightTimeout(f"{expression!r} was still false after {timeout_ms / 1000:g} s")
        time.sleep(POLL_MS / 1000)
