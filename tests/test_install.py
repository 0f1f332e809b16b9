"""Which Python the README's commands (scripts/app.sh, scripts/test.sh) install into and run with.

Outside any virtualenv they use the project's own ``.venv`` (a system Python may refuse
``pip install``); inside one, or with ``CONFLICTMAP_USE_CURRENT_PYTHON=1``, they use it as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: Sources the scripts' choice, then prints what it decided: the active virtualenv, the first
#: folder on PATH and the python3 found there.
CHOICE = '. scripts/python.sh; choose_python; echo "${VIRTUAL_ENV:-none}" "${PATH%%:*}"; command -v python3'


def _base_python_folder(tmp_path: Path) -> Path:
    """A folder whose python3 is the running interpreter's base Python, outside any virtualenv."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "python3").symlink_to(Path(sys._base_executable).resolve())
    return folder


def _chosen(path: str, **settings: str) -> tuple[str, str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CONFLICTMAP_USE_CURRENT_PYTHON")}
    env.update(PATH=path, **settings)
    done = subprocess.run(["bash", "-c", CHOICE], cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    venv, first_on_path, python = done.stdout.split()
    return venv, first_on_path, python


def test_outside_a_virtualenv_the_scripts_use_the_projects_own(tmp_path: Path) -> None:
    folder = _base_python_folder(tmp_path)
    venv, first_on_path, _ = _chosen(f"{folder}{os.pathsep}/usr/bin:/bin")
    # The project's .venv (made by install.sh) comes first on PATH, before the system's python3.
    assert (venv, first_on_path) == (str(REPO / ".venv"), str(REPO / ".venv" / "bin"))


def test_the_opt_out_keeps_the_current_python(tmp_path: Path) -> None:
    folder = _base_python_folder(tmp_path)
    venv, first_on_path, python = _chosen(f"{folder}{os.pathsep}/usr/bin:/bin", CONFLICTMAP_USE_CURRENT_PYTHON="1")
    assert (venv, first_on_path, python) == ("none", str(folder), str(folder / "python3"))


def test_an_activated_virtualenv_is_used_as_it_is(tmp_path: Path) -> None:
    folder = _base_python_folder(tmp_path)
    venv, first_on_path, python = _chosen(f"{folder}{os.pathsep}/usr/bin:/bin", VIRTUAL_ENV=str(tmp_path / "env"))
    assert (venv, first_on_path, python) == (str(tmp_path / "env"), str(folder), str(folder / "python3"))


@pytest.mark.slow
def test_a_virtualenv_python_first_on_path_is_used_without_activating(tmp_path: Path) -> None:
    env_folder = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_folder)], check=True, timeout=120)
    venv, first_on_path, python = _chosen(f"{env_folder / 'bin'}{os.pathsep}/usr/bin:/bin")
    assert (venv, first_on_path, python) == ("none", str(env_folder / "bin"), str(env_folder / "bin" / "python3"))


def test_from_the_source_tree_conflictmap_app_serves_the_top_level_page() -> None:
    from geo.cli.app import page_path

    assert page_path() == REPO / "app.py"
