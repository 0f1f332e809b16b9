"""Pools of worker processes that end with the process that started them.

Every parallel path (``ingest --workers``, ``Pipeline.events_many``,
``Geoparser.places_many``) takes its workers from ``worker_pool``, so they all:

* start with "spawn", unless the caller offers a ``forked_setup`` and forking is safe
  (``fork_is_safe``: Linux, and no thread in this process but this one). The parent may run
  threads (a progress display, the Streamlit server), and a forked copy of a lock one of
  them holds would hang the worker; with none, a forked worker inherits what this process
  has loaded (spaCy, the models, the gazetteer's caches) instead of spending seconds of
  CPU loading its own, which on a run of a few hundred articles is a tenth of a core;
* ignore Ctrl-C: it reaches the whole process group, the parent decides what stops;
* report a worker that died (killed, out of memory) as ``WorkerDiedError``, one
  sentence, instead of concurrent.futures' ``BrokenProcessPool``;
* watch their parent. On Linux the kernel kills a worker when the thread that started
  it ends (``prctl(PR_SET_PDEATHSIG)``), which covers ``kill -9`` of the parent; on
  every system a daemon thread also polls ``os.getppid()`` and ends the worker once
  its parent has gone (it is then adopted by another process);
* load what their tasks share once, with ``setup(*setup_args)``, and hand it to each
  task through ``worker_state()``. A setup that fails with one of the project's own
  errors (a missing model, a broken gazetteer) is raised by the first task, so the
  parent reports that error rather than a dead worker.

``map_sharing_work`` runs a parallel path over ``n`` processes as this process and
``n - 1`` workers: this process already holds the model, so it works rather than only
feeding workers (see its docstring).

The multiprocessing resource tracker, which the parent starts with its first worker,
reads a pipe that the parent and every worker hold open; it exits by itself once all
of them have ended, so workers that end with their parent take it with them.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, TypeVar

from gazetteer.errors import GazetteerError
from geo.errors import ConflictmapError

#: linux/prctl.h: "send me this signal when my parent dies".
PR_SET_PDEATHSIG = 1
#: Seconds between two looks at the parent's process id in the portable watcher.
PARENT_POLL_S = 0.5
#: Items queued for each worker in ``map_sharing_work``: one it works on and one it takes
#: next, so it never waits for this process to hand it more.
QUEUED_PER_WORKER = 2

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


class WorkerDiedError(ConflictmapError, RuntimeError):
    """A worker process ended while it had work (killed, or out of memory)."""


@dataclass(frozen=True, slots=True)
class _SetupFailed:
    """In a worker: why its setup failed, raised again by each task."""

    error: ConflictmapError | GazetteerError


#: Before a worker's setup has run (or in a process that is no worker).
_NO_STATE = object()
#: In a worker process: what the pool's setup built, once (its pipeline, its geoparser).
_state: Any = _NO_STATE


def fork_is_safe() -> bool:
    """Whether a worker may be forked from this process: on Linux (elsewhere system
    libraries may not survive a fork), with no Python thread but the one forking, so no
    lock can be held by a thread the child will not have."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


@contextmanager
def worker_pool(
    workers: int,
    setup: Callable[..., Any] | None = None,
    setup_args: tuple[Any, ...] = (),
    *,
    forked_setup: Callable[[], Any] | None = None,
) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` processes; each runs ``setup(*setup_args)`` once and its
    tasks read the result with ``worker_state()``.

    With ``forked_setup``, when ``fork_is_safe()``, the workers are forked from this
    process and run ``forked_setup()`` instead: it is not pickled, and what it reaches
    (this process's loaded model) is the worker's own copy. It must give what ``setup``
    gives and make the copy safe to use (a database connection opened again).

    Leaving the block cancels work not yet started; after an error (or when the
    caller stops early) the block is left without waiting for work under way."""
    forking = forked_setup is not None and fork_is_safe()
    # All workers of a fork pool are forked at the first task, before the pool starts its
    # own thread (concurrent.futures launches them first for this reason).
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("fork" if forking else "spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(), forked_setup, ()) if forking else (os.getpid(), setup, setup_args),
    )
    finished = False
    try:
        yield pool
        finished = True
    except BrokenProcessPool as err:
        raise WorkerDiedError("a worker process died while it had work (killed, or out of memory?)") from err
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)


def map_sharing_work(
    here: Callable[[_Item], _Result],
    in_worker: Callable[[_Item], _Result],
    items: Iterable[_Item],
    *,
    processes: int,
    setup: Callable[..., Any] | None = None,
    setup_args: tuple[Any, ...] = (),
    forked_setup: Callable[[], Any] | None = None,
) -> Iterator[_Result]:
    """``here(item)`` for each item, in order, worked out by this process and
    ``processes - 1`` workers (a ``worker_pool``) together; a worker runs
    ``in_worker(item)``, which must give what ``here(item)`` gives.

    This process works too, rather than only handing items out: it holds the model
    already, while a spawned worker spends seconds loading its own (a forked one, with
    ``forked_setup``, inherits it), so one process fewer to start is less work, and this
    process works while the workers start. Each worker keeps ``QUEUED_PER_WORKER`` items
    queued, so it never waits for this process; this process takes the next item
    whenever it is free. Near the end neither waits longer than the other takes over
    its last items, so items should be small."""
    if processes <= 1:
        yield from map(here, items)
        return
    queued = QUEUED_PER_WORKER * (processes - 1)
    # Every item's result in item order; those worked out here are done at once.
    pending: deque[Future[_Result]] = deque()
    with worker_pool(processes - 1, setup, setup_args, forked_setup=forked_setup) as pool:
        for item in items:
            if sum(not f.done() for f in pending) < queued:
                pending.append(pool.submit(in_worker, item))
                continue
            pending.append(_done(here(item)))
            while pending and pending[0].done():
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _done(result: _Result) -> Future[_Result]:
    future: Future[_Result] = Future()
    future.set_result(result)
    return future


def worker_state() -> Any:
    """In a task run by a ``worker_pool``: what the pool's setup built in this worker.

    Raises the setup's own error when it failed, so the task's caller reports it."""
    if _state is _NO_STATE:
        raise RuntimeError("worker_state() called outside a worker_pool with a setup")
    if isinstance(_state, _SetupFailed):
        raise _state.error
    return _state


def _start_worker(parent_pid: int, setup: Callable[..., Any] | None, setup_args: tuple[Any, ...]) -> None:
    global _state
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(parent_pid)
    if setup is None:
        return
    try:
        _state = setup(*setup_args)
    except (ConflictmapError, GazetteerError) as err:
        _state = _SetupFailed(err)  # a worker whose setup raised would only show as "died"


def end_with_parent(parent_pid: int) -> None:
    """Make this process end when the process ``parent_pid`` (its parent) ends."""
    if sys.platform.startswith("linux"):
        _kill_me_when_parent_dies()
    # The parent may have died before the line above took effect.
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="parent-watcher", daemon=True).start()


def _kill_me_when_parent_dies() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no usable libc: the polling watcher alone ends the worker


def _watch_parent(parent_pid: int) -> None:
    event = threading.Event()
    while os.getppid() == parent_pid:
        event.wait(PARENT_POLL_S)
    os._exit(1)  # no cleanup: the parent, which owned the work, is gone
