"""The caches the suite shares across its tests: handed to every test and to the processes it starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_a_process_a_test_starts_finds_the_detailed_basemap_built(shared_basemap_path: Path | None) -> None:
    # A page server started by a test opens the basemap named here: built and current, it
    # has nothing to build, and it keeps the tiles it draws beside the link, in this run's
    # own folder, not in the user's cache.
    if shared_basemap_path is None:
        pytest.skip("the detailed basemap's packages are not installed")
    probe = (
        "from gazetteer.basemap_detail import default_cache_path, fingerprint, stored_fingerprint\n"
        "path = default_cache_path()\n"
        "print(path)\n"
        "print(stored_fingerprint(path) == fingerprint())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=os.environ)
    assert done.returncode == 0, done.stderr
    path, current = done.stdout.split()
    assert (Path(path), current) == (shared_basemap_path, "True")
    assert shared_basemap_path.parent != shared_basemap_path.resolve().parent
