"""A test that hangs ends its worker instead of the run.

A browser test once waited nine minutes in a Playwright evaluate that nothing bounds (the
renderer idle, the evaluation never answered). On two workers such a test holds its worker
until the whole run is stopped from outside. Under pytest-xdist each test is given
``HUNG_TEST_S`` (``$CONFLICTMAP_TEST_HUNG_S`` overrides it): past that, the worker exits
(faulthandler, which first writes every thread's traceback to the worker's own stderr), xdist
reports the test as failed with its worker crashed, starts a new worker and the run goes on. In one process (``-n 0``) nothing is armed: there the run
would end with no summary, and whoever runs it can see it hang.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Iterator

import pytest

#: Well past the slowest test seen on a loaded machine (about 250 s, a browser test's bounded waits).
HUNG_TEST_S = 1200.0


def hung_after_s() -> float:
    return float(os.environ.get("CONFLICTMAP_TEST_HUNG_S", HUNG_TEST_S))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if not hasattr(item.config, "workerinput"):  # not an xdist worker
        yield
        return
    faulthandler.dump_traceback_later(hung_after_s(), exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
