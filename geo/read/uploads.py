"""Checks for files a user uploads in the app, before any reader sees them.

An upload is a name and some bytes, both chosen by whoever made the file. The name is
only ever shown, never used as a path; the bytes are held in memory. A zip archive is
opened here, in memory too: every member's name is checked (no absolute paths, no
``..``, no links or device files), every member is decompressed in chunks while its
size, the archive's total and the compression ratio are counted, since the sizes the
archive declares are written by its author. Archives inside archives are not opened.

Nothing here writes to disk; ``materialize`` does, under a name it makes up, for a
caller that needs a file.
"""

from __future__ import annotations

import io
import lzma
import os
import secrets
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.files import write_bytes_atomically
from geo.errors import UploadError

ACCEPTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".tsv", ".zip")
ARCHIVE_SUFFIX = ".zip"
MEMBER_SUFFIXES = tuple(suffix for suffix in ACCEPTED_SUFFIXES if suffix != ARCHIVE_SUFFIX)

#: Longest display name; longer names keep their start and their suffix.
MAX_DISPLAY_CHARS = 120
FALLBACK_NAME = "upload"
CHUNK_BYTES = 64 * 1024

#: Below this many decompressed bytes the ratio is not judged: a short, repetitive text
#: compresses far beyond any bomb ratio and is harmless.
RATIO_FLOOR_BYTES = 1_000_000

#: A central directory entry is 46 bytes plus its name, extra field and comment; an
#: archive within the file count needs no more than this much per file. Checked before
#: the directory is parsed, because parsing a million tiny entries is itself the attack.
MAX_DIRECTORY_BYTES_PER_FILE = 46 + 3 * 1024

#: Operating-system clutter skipped in archives (after its name has been checked).
CLUTTER_FOLDERS = ("__MACOSX/",)
CLUTTER_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})

#: Unicode categories dropped from display names: controls, format characters
#: (right-to-left overrides, zero-width joiners), surrogates, private use, unassigned.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

#: What a damaged or unsupported archive member raises while it is read.
MEMBER_READ_ERRORS = (
    zipfile.BadZipFile,
    NotImplementedError,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
)

# End of central directory records (APPNOTE 4.3.16, 4.3.14, 4.3.15).
EOCD_SIGNATURE, EOCD_BYTES = b"PK\x05\x06", 22
ZIP64_LOCATOR_SIGNATURE, ZIP64_LOCATOR_BYTES = b"PK\x06\x07", 20
ZIP64_EOCD_SIGNATURE, ZIP64_EOCD_BYTES = b"PK\x06\x06", 56
MAX_COMMENT_BYTES = 0xFFFF


@dataclass(frozen=True, slots=True)
class UploadPolicy:
    """Limits on what one upload (or one batch, see ``unpack_uploads``) may hold."""

    max_bytes: int = 50_000_000
    max_files: int = 500
    max_total_bytes: int = 200_000_000
    max_ratio: float = 100.0

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_files", "max_total_bytes", "max_ratio"):
            value = getattr(self, name)
            if not value > 0:
                raise ValueError(f"{name} must be positive, got {value!r}")


@dataclass(frozen=True, slots=True)
class UploadedFile:
    """One checked file: a name to show, the suffix that picks its reader, its bytes."""

    display_name: str
    suffix: str
    data: bytes = field(repr=False)


# ---------------------------------------------------------------------------
# public API


def safe_upload_name(name: str) -> str:
    """``name`` made fit to show: last path part, no control or invisible characters,
    whitespace collapsed, at most ``MAX_DISPLAY_CHARS``. A display name, never a path."""
    if not isinstance(name, str):
        raise UploadError(f"expected a file name as a string, got {name!r}")
    last = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return _shortened(_visible(last)) or FALLBACK_NAME


def unpack_upload(name: str, data: bytes, *, policy: UploadPolicy = UploadPolicy()) -> tuple[UploadedFile, ...]:
    """The files in one upload: the file itself, or a zip archive's members, checked.

    Raises ``UploadError`` with one sentence naming the upload on any refusal.
    """
    display = safe_upload_name(name)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise UploadError(f"expected the bytes of {display!r}, got {type(data).__name__}")
    data = bytes(data)
    suffix = _accepted_suffix(display, ACCEPTED_SUFFIXES, display)
    if len(data) > policy.max_bytes:
        raise UploadError(f"{display!r} is {_size(len(data))}, over the upload limit of {_size(policy.max_bytes)}")
    if not data:
        raise UploadError(f"{display!r} is empty")
    if suffix == ARCHIVE_SUFFIX:
        return _unpack_zip(display, data, policy)
    return (UploadedFile(display, suffix, data),)


def unpack_uploads(
    uploads: Iterable[tuple[str, bytes]], *, policy: UploadPolicy = UploadPolicy()
) -> tuple[UploadedFile, ...]:
    """Several uploads at once, with the file count and total size capped for the batch.

    Each upload is checked under ``policy`` alone, then counted towards the batch, so
    at most one upload's worth of files is held beyond the batch limits before refusal.
    """
    files: list[UploadedFile] = []
    total = 0
    for name, data in uploads:
        unpacked = unpack_upload(name, data, policy=policy)
        files.extend(unpacked)
        total += sum(len(f.data) for f in unpacked)
        if len(files) > policy.max_files:
            raise UploadError(
                f"with {safe_upload_name(name)!r} the upload holds {len(files)} files, "
                f"more than the limit of {policy.max_files}"
            )
        if total > policy.max_total_bytes:
            raise UploadError(
                f"with {safe_upload_name(name)!r} the upload holds {_size(total)}, "
                f"more than the limit of {_size(policy.max_total_bytes)}"
            )
    return tuple(files)


def materialize(uploaded: UploadedFile, directory: str | os.PathLike[str]) -> Path:
    """Write ``uploaded`` into ``directory`` under a generated name; return the path.

    The user's file name plays no part in the path: only the checked suffix is kept,
    so a reader can tell the format.
    """
    if uploaded.suffix not in ACCEPTED_SUFFIXES:
        raise UploadError(f"expected a suffix among {ACCEPTED_SUFFIXES}, got {uploaded.suffix!r}")
    # The temporary file is created exclusively: a file or link already there is never followed.
    return write_bytes_atomically(Path(directory) / f"upload-{secrets.token_hex(8)}{uploaded.suffix}", uploaded.data)


# ---------------------------------------------------------------------------
# names


def _visible(text: str) -> str:
    """Whitespace (tabs, newlines too) becomes one space; invisible characters go."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in HIDDEN_CATEGORIES)
    text = " ".join(kept.split())
    return "" if set(text) <= {"."} else text  # "", "." and ".." name nothing


def _shortened(text: str) -> str:
    if len(text) <= MAX_DISPLAY_CHARS:
        return text
    stem, dot, suffix = text.rpartition(".")
    if not dot or len(suffix) > 10:
        return text[: MAX_DISPLAY_CHARS - 1] + "…"
    return stem[: MAX_DISPLAY_CHARS - len(suffix) - 2] + "…." + suffix


def _accepted_suffix(name: str, accepted: tuple[str, ...], shown: str) -> str:
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in accepted:
        found = f"{suffix!r}" if suffix else "no suffix"
        raise UploadError(f"{shown!r} is not a file type read here: expected one of {', '.join(accepted)}, got {found}")
    return suffix


def _member_path(filename: str) -> str:
    """A member's path as shown: each part cleaned, joined by '/'."""
    parts = [_visible(part) for part in filename.replace("\\", "/").split("/")]
    return "/".join(_shortened(part) for part in parts if part) or FALLBACK_NAME


# ---------------------------------------------------------------------------
# zip archives


def _unpack_zip(display: str, data: bytes, policy: UploadPolicy) -> tuple[UploadedFile, ...]:
    _check_directory_bounds(display, data, policy)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except MEMBER_READ_ERRORS as err:
        raise UploadError(f"{display!r} is not a readable zip archive ({err})") from err
    with archive:
        infos = archive.infolist()
        if len(infos) > policy.max_files:
            raise UploadError(f"{display!r} holds {len(infos)} entries, more than the limit of {policy.max_files}")
        for info in infos:
            _check_member_name(display, info)
        wanted = [info for info in infos if not info.is_dir() and not _is_clutter(info.filename)]
        return _read_members(display, archive, wanted, policy, len(data))


def _read_members(
    display: str, archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], policy: UploadPolicy, archive_bytes: int
) -> tuple[UploadedFile, ...]:
    files: list[UploadedFile] = []
    total = 0
    for info in infos:
        shown = f"{display}/{_member_path(info.filename)}"
        suffix = _member_suffix(display, info, shown)
        content = _read_member(shown, archive, info, policy, policy.max_total_bytes - total, archive_bytes)
        total += len(content)
        # Many members sharing one compressed stream, each under the ratio alone: judge the sum.
        if total > RATIO_FLOOR_BYTES and total > policy.max_ratio * archive_bytes:
            raise UploadError(_bomb(display, total, archive_bytes, policy))
        files.append(UploadedFile(shown, suffix, content))
    if not files:
        raise UploadError(f"{display!r} contains no files (expected {', '.join(MEMBER_SUFFIXES)})")
    return tuple(files)


def _member_suffix(display: str, info: zipfile.ZipInfo, shown: str) -> str:
    if os.path.splitext(info.filename)[1].lower() == ARCHIVE_SUFFIX:
        raise UploadError(f"{display!r} contains another archive, {shown!r}; archives inside archives are not opened")
    return _accepted_suffix(info.filename, MEMBER_SUFFIXES, shown)


def _read_member(
    shown: str,
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    policy: UploadPolicy,
    bytes_left: int,
    archive_bytes: int,
) -> bytes:
    """Decompress in chunks, counting: the header's sizes are the archive author's claim,
    so the packed size is taken as no more than the whole archive."""
    limit = min(policy.max_bytes, bytes_left)
    packed = max(1, min(info.compress_size, archive_bytes))
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise UploadError(_member_too_large(shown, policy, bytes_left))
                if size > RATIO_FLOOR_BYTES and size > policy.max_ratio * packed:
                    raise UploadError(_bomb(shown, size, packed, policy))
                chunks.append(chunk)
    except UploadError:
        raise
    except MEMBER_READ_ERRORS as err:
        raise UploadError(f"{shown!r} cannot be read from the archive ({err})") from err
    return b"".join(chunks)


def _check_member_name(display: str, info: zipfile.ZipInfo) -> None:
    name = info.filename.replace("\\", "/")
    parts = name.split("/")
    if name.startswith("/") or (len(name) >= 2 and name[1] == ":"):
        raise UploadError(f"{display!r} contains {info.filename!r}, an absolute path; refused")
    if ".." in parts:
        raise UploadError(f"{display!r} contains {info.filename!r}, a path that climbs out with '..'; refused")
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        raise UploadError(f"{display!r} contains {info.filename!r}, a symbolic link; refused")
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        raise UploadError(f"{display!r} contains {info.filename!r}, which is not a plain file; refused")
    if info.flag_bits & 0x1:
        raise UploadError(f"{display!r} contains {info.filename!r}, which is encrypted; refused")


def _is_clutter(filename: str) -> bool:
    name = filename.replace("\\", "/")
    base = name.rsplit("/", 1)[-1]
    return name.startswith(CLUTTER_FOLDERS) or base in CLUTTER_NAMES or base.startswith("._")


def _check_directory_bounds(display: str, data: bytes, policy: UploadPolicy) -> None:
    """Refuse an archive whose central directory is too big for ``max_files`` entries,
    reading the same end record the zip reader will use, before it parses anything."""
    bounds = _central_directory_bounds(data)
    if bounds is None:
        raise UploadError(f"{display!r} is not a readable zip archive (no end of central directory)")
    entries, directory_bytes = bounds
    if entries > policy.max_files or directory_bytes > policy.max_files * MAX_DIRECTORY_BYTES_PER_FILE:
        shown = f"{entries} entries" if entries > policy.max_files else f"a {_size(directory_bytes)} directory"
        raise UploadError(f"{display!r} declares {shown}, more than the limit of {policy.max_files} files")


def _central_directory_bounds(data: bytes) -> tuple[int, int] | None:
    """(entry count, directory size) from the end record, zip64 when present."""
    at = len(data) - EOCD_BYTES
    if data[at : at + 4] != EOCD_SIGNATURE:
        at = data.rfind(EOCD_SIGNATURE, max(0, len(data) - EOCD_BYTES - MAX_COMMENT_BYTES))
    if at < 0 or at + EOCD_BYTES > len(data):
        return None
    entries = int.from_bytes(data[at + 10 : at + 12], "little")
    directory_bytes = int.from_bytes(data[at + 12 : at + 16], "little")
    locator = at - ZIP64_LOCATOR_BYTES
    record = locator - ZIP64_EOCD_BYTES
    if record >= 0 and data[locator : locator + 4] == ZIP64_LOCATOR_SIGNATURE:
        if data[record : record + 4] != ZIP64_EOCD_SIGNATURE:
            return None
        entries = int.from_bytes(data[record + 32 : record + 40], "little")
        directory_bytes = int.from_bytes(data[record + 40 : record + 48], "little")
    return entries, directory_bytes


# ---------------------------------------------------------------------------
# messages


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def _member_too_large(shown: str, policy: UploadPolicy, bytes_left: int) -> str:
    if bytes_left < policy.max_bytes:
        return f"{shown!r} takes the upload over its total limit of {_size(policy.max_total_bytes)} unpacked"
    return f"{shown!r} unpacks to more than the limit of {_size(policy.max_bytes)}"


def _bomb(shown: str, size: int, packed: int, policy: UploadPolicy) -> str:
    return (
        f"{shown!r} unpacks to over {policy.max_ratio:g} times its packed size "
        f"({_size(size)} from {_size(packed)} so far); refused as a likely zip bomb"
    )
