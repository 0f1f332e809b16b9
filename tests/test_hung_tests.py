"""A hung test ends its worker, is reported as failed, and the run goes on (hung_tests.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

HANGING_FILE = """
import time


def test_a_waits_for_ever():
    time.sleep(600)


def test_b_comes_after():
    assert True
"""


@pytest.mark.slow
def test_a_hung_test_fails_on_its_worker_and_the_next_test_still_runs(tmp_path: Path) -> None:
    (tmp_path / "test_hanging.py").write_text(HANGING_FILE, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]),
        "CONFLICTMAP_TEST_HUNG_S": "3",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "hung_tests", "-p", "no:cacheprovider", "-p", "no:random_order"]
        + ["-n", "1", "-rA", str(tmp_path / "test_hanging.py")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "FAILED test_hanging.py::test_a_waits_for_ever" in out, out
    assert "PASSED test_hanging.py::test_b_comes_after" in out, out
    assert "crashed while running 'test_hanging.py::test_a_waits_for_ever'" in out, out
