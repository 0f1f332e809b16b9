"""The wheel, installed (not editable) in a fresh virtualenv, works with nothing from the source tree.

The virtualenv reuses the dependencies of the Python running the tests (a .pth file adds
that Python's site folders after the virtualenv's own), so only conflictmap itself comes
from the wheel. Every Python process of the virtualenv runs under an audit hook (a module
that a .pth file of the virtualenv imports at start) that records each file opened, folder
listed or database opened inside the source tree. The commands run from a folder outside the tree with no PYTHONPATH, and
each test asserts that record stays empty.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import site
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from geo.cli.app import free_port

pytestmark = [pytest.mark.slow, pytest.mark.model]

REPO = Path(__file__).resolve().parents[1]
#: Folders of the source tree that a wheel build neither needs nor should see.
NOT_BUILD_INPUTS = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "out"
)
#: The audit hook's settings, read by the hook's module in the virtualenv.
TREE_VARIABLE = "CONFLICTMAP_TEST_SOURCE_TREE"
ALLOWED_VARIABLE = "CONFLICTMAP_TEST_ALLOWED"
RECORD_VARIABLE = "CONFLICTMAP_TEST_TOUCHES"
AUDIT_MODULE = "conflictmap_test_audit"
AUDIT_SOURCE = f'''"""Records each file this process opens inside the source tree named by ${TREE_VARIABLE}."""

import os
import sys

_EVENTS = frozenset({{"open", "os.listdir", "os.scandir", "sqlite3.connect"}})


def _install() -> None:
    tree = os.environ.get("{TREE_VARIABLE}")
    record = os.environ.get("{RECORD_VARIABLE}")
    if not tree or not record:
        return
    inside = os.path.realpath(tree) + os.sep
    allowed = tuple(p + os.sep for p in os.environ.get("{ALLOWED_VARIABLE}", "").split(os.pathsep) if p)

    def hook(event: str, args: tuple) -> None:
        if event not in _EVENTS or not args or isinstance(args[0], int) or args[0] is None:
            return
        path = os.path.realpath(os.fsdecode(args[0]))
        if path.startswith(inside) and not path.startswith(allowed):
            line = (event + " " + path + "\\n").encode()
            descriptor = os.open(record, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(descriptor, line)
            finally:
                os.close(descriptor)

    sys.addaudithook(hook)


_install()
'''
ARTICLE = """\
Russian forces shelled Kharkiv overnight, killing four civilians, the regional governor said on Tuesday.
Ukrainian troops pushed back an assault near Bakhmut, the army said.
"""
#: Where Kharkiv is (lat, lon), and how far off (degrees) a marker may sit.
KHARKIV = (49.99, 36.23)
NEAR_DEGREES = 0.3


@dataclass(frozen=True)
class Installed:
    venv: Path
    python: Path
    command: Path


def _reused_site_folders() -> list[str]:
    """The site folders where the running Python finds conflictmap's dependencies."""
    folders = [*site.getsitepackages(), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    return list(dict.fromkeys(str(Path(f).resolve()) for f in folders if Path(f).is_dir()))


def _run(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, (
        f"{command[:3]} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    )
    return done


def _without_source_tree(env: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in env.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}


def _run_folder(tmp_path_factory: pytest.TempPathFactory, config: pytest.Config) -> Path:
    """This run's temporary folder, shared by every worker of ``pytest -n`` (each has its own below it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if hasattr(config, "workerinput") else base


@contextlib.contextmanager
def _held(lock: Path) -> Iterator[None]:
    """An advisory lock on ``lock``, released on leaving."""
    with open(lock, "w") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


# Session-wide: the suite runs in a shuffled order across modules, which would tear down
# and rebuild a module-wide fixture each time the order comes back to this module.
@pytest.fixture(scope="session")
def installed(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> Installed:
    """conflictmap's wheel, built from a copy of the source tree and installed in a new virtualenv,
    once per run: the workers of ``pytest -n`` share it (it is only read after it is built)."""
    work = _run_folder(tmp_path_factory, pytestconfig) / "wheel"
    with _held(work.with_name("wheel.lock")):
        if not (work / "installed").exists():
            shutil.rmtree(work, ignore_errors=True)  # a build that failed part-way
            work.mkdir()
            _install_wheel(work)
            (work / "installed").touch()
    venv = work / "venv"
    installed = Installed(venv=venv, python=venv / "bin" / "python", command=venv / "bin" / "conflictmap")
    # The installed commands open the suite's shared gazetteer cache, and rebuild it there when
    # their build inputs differ from those it was built from: stop before any can.
    if _installed_fingerprint(installed, work) != _tree_fingerprint():
        pytest.fail("the installed gazetteer's code or data/ files differ from the source tree's")
    return installed


def _install_wheel(work: Path) -> None:
    """Builds the wheel from a copy of the tree in ``work`` and installs it in ``work/venv``."""
    source = work / "source"
    # A copy, so that the build's own folders (build/, *.egg-info) never land in the tree.
    shutil.copytree(REPO, source, ignore=NOT_BUILD_INPUTS)
    env = _without_source_tree(dict(os.environ))
    wheels = work / "wheels"
    _run(
        [sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-q", "-w", str(wheels)],
        cwd=work,
        env=env,
        timeout=600,
    )
    (wheel,) = wheels.glob("conflictmap-*.whl")

    venv = work / "venv"
    # No pip of its own: seeding one (ensurepip) took as long as building the wheel, and no
    # test runs pip in the virtualenv; the running Python's pip installs into it instead.
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=work, env=env, timeout=300)
    python = venv / "bin" / "python"
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        cwd=work,
        env=env,
        timeout=300,
    )

    purelib = Path(
        _run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            cwd=work,
            env=env,
            timeout=60,
        ).stdout.strip()
    )
    # Not sitecustomize: a system Python (Debian's) has its own, which would shadow it.
    (purelib / f"{AUDIT_MODULE}.py").write_text(AUDIT_SOURCE, encoding="utf-8")
    (purelib / f"{AUDIT_MODULE}.pth").write_text(f"import {AUDIT_MODULE}\n", encoding="utf-8")
    reuse = "".join(f"import site; site.addsitedir({folder!r})\n" for folder in _reused_site_folders())
    (purelib / "zz_reused_dependencies.pth").write_text(reuse, encoding="utf-8")


def _installed_fingerprint(installed: Installed, cwd: Path) -> str:
    probe = "from gazetteer.build import source_fingerprint; print(source_fingerprint())"
    env = _without_source_tree(dict(os.environ))
    return _run([str(installed.python), "-c", probe], cwd=cwd, env=env, timeout=120).stdout.strip()


def _tree_fingerprint() -> str:
    from gazetteer.build import source_fingerprint

    return source_fingerprint()


def _venv_env(installed: Installed, record: Path) -> dict[str, str]:
    """This test's environment (its own user folders), run from the virtualenv, audited."""
    env = _without_source_tree(dict(os.environ))
    env["VIRTUAL_ENV"] = str(installed.venv)
    env["PATH"] = f"{installed.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env[TREE_VARIABLE] = str(REPO)
    env[RECORD_VARIABLE] = str(record)
    # The running Python's own environment may sit inside the tree (a project .venv): reading
    # dependencies from there is reuse, not reading the source tree.
    env[ALLOWED_VARIABLE] = os.pathsep.join([str(Path(sys.prefix).resolve()), *_reused_site_folders()])
    return env


def _touches(record: Path) -> list[str]:
    return record.read_text(encoding="utf-8").splitlines() if record.exists() else []


def test_the_audit_hook_records_a_read_of_the_source_tree(installed: Installed, tmp_path: Path) -> None:
    """Without this, an audit hook that never ran would pass every test below."""
    record = tmp_path / "touches.txt"
    read = f"open({str(REPO / 'pyproject.toml')!r}).close()"
    _run([str(installed.python), "-c", read], cwd=tmp_path, env=_venv_env(installed, record), timeout=60)
    assert _touches(record) == [f"open {(REPO / 'pyproject.toml').resolve()}"]


def test_installed_package_carries_its_code_and_data(installed: Installed, tmp_path: Path) -> None:
    record = tmp_path / "touches.txt"
    probe = (
        "import json, geo, gazetteer\n"
        "from gazetteer.build import source_fingerprint\n"
        "from geo.cli.app import page_path\n"
        "from geo.web.appactions import DEMO_CORPUS\n"
        "print(json.dumps({'geo': geo.__file__, 'gazetteer': gazetteer.__file__, 'page': str(page_path()),\n"
        "    'demo': str(DEMO_CORPUS), 'demo_exists': DEMO_CORPUS.is_file(), 'fingerprint': source_fingerprint()}))\n"
    )
    done = _run([str(installed.python), "-c", probe], cwd=tmp_path, env=_venv_env(installed, record), timeout=120)
    found = json.loads(done.stdout)
    venv = str(installed.venv.resolve())
    for name in ("geo", "gazetteer", "page", "demo"):
        assert str(Path(found[name]).resolve()).startswith(venv), f"{name} comes from {found[name]}"
    assert found["demo_exists"]
    # The gazetteer's build inputs (code and data/ files) are the source tree's, byte for byte.
    assert found["fingerprint"] == _tree_fingerprint()
    assert _touches(record) == []


def test_installed_command_parses_an_article_from_outside_the_source_tree(installed: Installed, tmp_path: Path) -> None:
    record = tmp_path / "touches.txt"
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = _run(
        [str(installed.command), "parse", article.name, "--published", "2023-03-07"],
        cwd=tmp_path,
        env=_venv_env(installed, record),
        timeout=600,
    )
    features = json.loads(done.stdout)["features"]
    kharkiv = [f for f in features if f["properties"]["mention"] == "Kharkiv"]
    assert kharkiv, f"no event at Kharkiv among {[f['properties']['mention'] for f in features]}"
    lon, lat = kharkiv[0]["geometry"]["coordinates"]
    assert kharkiv[0]["properties"]["country_code"] == "UA"
    assert abs(lat - KHARKIV[0]) < NEAR_DEGREES and abs(lon - KHARKIV[1]) < NEAR_DEGREES
    assert _touches(record) == []


def test_installed_page_draws_the_demo_map_on_first_start(installed: Installed, tmp_path: Path) -> None:
    record = tmp_path / "touches.txt"
    env = _venv_env(installed, record)
    env["CONFLICTMAP_DB"] = str(tmp_path / "events.sqlite")
    first_run = (
        "import json\n"
        "from streamlit.testing.v1 import AppTest\n"
        "from geo.cli.app import page_path\n"
        "app = AppTest.from_file(str(page_path()), default_timeout=600)\n"
        "app.run()\n"
        "print(json.dumps({'page': str(page_path()), 'exceptions': [e.message for e in app.exception],\n"
        "    'toasts': [t.value for t in app.toast], 'captions': [c.value for c in app.caption]}))\n"
    )
    done = _run([str(installed.python), "-c", first_run], cwd=tmp_path, env=env, timeout=900)
    page = json.loads(done.stdout.strip().splitlines()[-1])
    assert str(Path(page["page"]).resolve()).startswith(str(installed.venv.resolve()))
    assert page["exceptions"] == []
    assert any(said.startswith("Demo corpus loaded") for said in page["toasts"]), page["toasts"]
    counts = [re.match(r"([\d,]+) of ([\d,]+) stored events\b", caption) for caption in page["captions"]]
    shown = [int(m.group(1).replace(",", "")) for m in counts if m]
    assert shown and shown[0] > 0, page["captions"]
    assert _touches(record) == []


def _health(port: int) -> str:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=5) as answer:
            return str(answer.read().decode())
    except OSError:
        return ""


def test_installed_app_command_serves_the_map_until_stopped(installed: Installed, tmp_path: Path) -> None:
    record = tmp_path / "touches.txt"
    port = free_port()
    command = [str(installed.command), "app", "--port", str(port), "--address", "127.0.0.1"]
    command += ["--db", str(tmp_path / "events.sqlite")]
    log = tmp_path / "server.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            command,
            cwd=tmp_path,
            env=_venv_env(installed, record),
            stdout=output,
            stderr=output,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and server.poll() is None and _health(port) != "ok":
            time.sleep(0.5)
        assert _health(port) == "ok", log.read_text()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as answer:
            assert answer.status == 200
            assert "<noscript>" in answer.read().decode()
        # Stopping the command (as a service manager or kill does) stops the map server.
        server.terminate()
        server.wait(timeout=30)
        assert _health(port) == ""
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        # Whatever the command started goes with it, even when an assertion above failed.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
    assert _touches(record) == []
