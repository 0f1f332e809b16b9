"""Timing helpers the benchmark scripts share (they run as ``python3 bench/NAME.py``,
so this folder is on the import path)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The shortest of ``runs`` timings of ``work()``, in seconds: the run least disturbed
    by other processes on a shared machine."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)
