"""Atomic file output, for every layer that writes files: a temporary file in the same
folder, flushed to disk, then renamed over the final name.

A failed or interrupted run never leaves half a file under the final name, and a
reader never sees one: ``os.replace`` within one folder is atomic. The temporary file
is removed when the writing fails; one left by a killed process is found by
``temp_files_beside`` (its name starts with a dot and the final name).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

#: Marks a temporary file in its name: ``.NAME.RANDOM.tmp`` (plus NAME's suffix).
TEMP_MARK = ".tmp"


def temp_path_beside(path: Path) -> Path:
    """A fresh temporary name in ``path``'s folder that keeps its suffix (writers that
    go by the suffix, such as GDAL's drivers, see the right one)."""
    return path.parent / f".{path.name}.{secrets.token_hex(6)}{TEMP_MARK}{path.suffix}"


def temp_files_beside(path: Path) -> tuple[Path, ...]:
    """Temporary files of writes to ``path`` that are under way or were cut short."""
    return tuple(sorted(Path(path).parent.glob(f".{Path(path).name}.*{TEMP_MARK}*")))


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path``, not yet created, for writers that open files by
    name (SQLite, GDAL, matplotlib); flushed to disk and moved onto ``path`` when the
    block succeeds, removed when it fails."""
    final = _prepared(path)
    tmp = temp_path_beside(final)
    try:
        yield tmp
        _sync_file(tmp)
        _replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_file(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = None, newline: str | None = None
) -> Iterator[IO]:
    """A new file handle whose content appears at ``path`` only once the block succeeds.

    ``mode`` is "w" (text, UTF-8 unless ``encoding`` says otherwise) or "wb". The
    temporary file is created exclusively ("x"): a file or link already under its name
    is never followed or reused.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"expected the mode 'w' or 'wb', got {mode!r}")
    binary = mode == "wb"
    final = _prepared(path)
    tmp = temp_path_beside(final)
    try:
        with open(
            tmp,
            "xb" if binary else "x",
            encoding=None if binary else encoding or "utf-8",
            newline=None if binary else newline,
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_text(path: str | os.PathLike[str], *, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text file handle whose content appears at ``path`` only once complete."""
    with atomic_file(path, "w", newline=newline) as handle:
        yield handle


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; returns the path."""
    with atomic_file(path, "wb") as handle:
        handle.write(data)
    return Path(path)


def _prepared(path: str | os.PathLike[str]) -> Path:
    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    return final


def _sync_file(path: Path) -> None:
    if path.is_file():  # a writer may have made a folder, or nothing at all (it then fails below)
        with open(path, "rb+") as handle:
            os.fsync(handle.fileno())


def _replace(tmp: Path, final: Path) -> None:
    os.replace(tmp, final)
    _sync_folder(final.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible on every system (the rename is still atomic)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
