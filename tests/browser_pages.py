"""Playwright helpers shared by the browser tests."""

from __future__ import annotations

from pathlib import Path


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
