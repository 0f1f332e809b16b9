"""The worker-process pool every parallel path uses: a dead worker is one clear error,
Ctrl-C is left to the parent, and a worker ends when its parent ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.errors import ConflictmapError
from geo.workers import WorkerDiedError, map_sharing_work, worker_pool, worker_state

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _die(_: int) -> None:
    os._exit(3)


def _interrupt_myself(_: int) -> str:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)
    return "still here"


def _load_greeting(name: str) -> str:
    return f"hello {name} from {os.getpid()}"


def _greet(suffix: str) -> str:
    return worker_state() + suffix


def _load_nothing() -> str:
    raise ConflictmapError("the geoparser model file is missing")


def test_tasks_share_what_the_setup_loaded_once_per_worker() -> None:
    with worker_pool(1, _load_greeting, ("Raqqa",)) as pool:
        first, second = pool.map(_greet, ["!", "?"])
    assert first.startswith("hello Raqqa from ") and first.endswith("!")
    assert second == first[:-1] + "?" and first != f"hello Raqqa from {os.getpid()}!"


def test_a_failed_setup_is_reported_as_its_own_error_not_as_a_dead_worker() -> None:
    with pytest.raises(ConflictmapError, match="model file is missing") as caught:
        with worker_pool(1, _load_nothing) as pool:
            pool.submit(_greet, "!").result()
    assert not isinstance(caught.value, WorkerDiedError)


def test_worker_state_outside_a_worker_says_so() -> None:
    with pytest.raises(RuntimeError, match="outside a worker_pool"):
        worker_state()


def test_a_worker_that_dies_is_reported_in_one_sentence() -> None:
    with pytest.raises(WorkerDiedError, match="worker process died") as caught:
        with worker_pool(2) as pool:
            list(pool.map(_die, range(4)))
    assert isinstance(caught.value, ConflictmapError) and isinstance(caught.value, RuntimeError)


def _square_in_a_worker(n: int) -> tuple[int, str]:
    time.sleep(0.02)
    return n * n, "worker"


def test_shared_work_gives_every_result_in_order_from_this_process_and_the_worker() -> None:
    results = list(map_sharing_work(lambda n: (n * n, "here"), _square_in_a_worker, range(30), processes=2))
    assert [square for square, _ in results] == [n * n for n in range(30)]
    # The worker takes the first items while it starts; this process works meanwhile.
    assert results[0][1] == "worker" and {by for _, by in results} == {"here", "worker"}


def test_a_worker_that_dies_while_sharing_work_is_reported_in_one_sentence() -> None:
    with pytest.raises(WorkerDiedError, match="worker process died"):
        list(map_sharing_work(lambda n: n, _die, range(10), processes=2))


def test_ctrl_c_does_not_stop_a_worker() -> None:
    with worker_pool(1) as pool:
        assert list(pool.map(_interrupt_myself, range(2))) == ["still here", "still here"]


#: A parent that starts a child which watches it with the portable watcher alone (no
#: prctl), prints the child's pid, then waits to be killed.
PARENT = r"""
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1], str(__import__("os").getpid())])
print(child.pid, flush=True)
time.sleep(120)
"""
CHILD = r"""
import sys, time
import geo.workers as workers
workers._kill_me_when_parent_dies = lambda: None
workers.end_with_parent(int(sys.argv[1]))
print("watching", flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states through /proc")
def test_without_prctl_the_watcher_thread_ends_a_worker_whose_parent_was_killed() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    parent = subprocess.Popen([sys.executable, "-c", PARENT, CHILD], env=env, stdout=subprocess.PIPE, text=True)
    try:
        child = int(parent.stdout.readline())
        assert parent.stdout.readline().strip() == "watching"  # the child shares the parent's stdout
        assert _alive(child)
    finally:
        parent.kill()
        parent.wait(timeout=30)
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child)


#: Shares work with one worker whose forked setup hands it an object pickle cannot carry
#: (a lambda), then prints who worked out each item and what the worker saw; ``THREAD``
#: starts a second thread first, as a progress display or a web server would. A file, not
#: ``-c``: a spawned worker imports the script to find ``in_worker``.
FORKING = r"""
import os, sys, threading, time
from geo.workers import map_sharing_work, worker_state
def here(n):
    return n * 10, "here"
def in_worker(n):
    time.sleep(0.02)
    state = worker_state()
    return (state["scale"](n), "forked") if isinstance(state, dict) else (n * 10, state)
if __name__ == "__main__":
    if sys.argv[1] == "THREAD":
        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
    loaded = {"scale": lambda n: n * 10}
    results = list(map_sharing_work(here, in_worker, range(20), processes=2,
                                    setup=str, setup_args=("spawned",), forked_setup=lambda: loaded))
    assert [value for value, _ in results] == [n * 10 for n in range(20)]
    print(" ".join(sorted({by for _, by in results})))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
@pytest.mark.parametrize(("threads", "worker"), [("ONE", "forked"), ("THREAD", "spawned")])
def test_a_worker_is_forked_with_what_this_process_loaded_only_when_no_other_thread_runs(
    threads: str, worker: str, tmp_path: Path
) -> None:
    script = tmp_path / "share_work.py"
    script.write_text(FORKING, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(script), threads], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == sorted(["here", worker])
