"""Uploads are checked in memory: type, size, count, and zip archives member by member."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest

from geo.errors import InputError, UploadError
from geo.read.uploads import (
    ACCEPTED_SUFFIXES,
    MAX_DISPLAY_CHARS,
    UploadedFile,
    UploadPolicy,
    materialize,
    safe_upload_name,
    unpack_upload,
    unpack_uploads,
)

ARTICLE = b"Shelling hit Kramatorsk on Tuesday, officials said.\n"


def _zip(members: dict[str | zipfile.ZipInfo, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _info(name: str, *, mode: int = 0) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


@pytest.fixture(scope="session")  # built once however the shuffle interleaves modules
def zip_bomb() -> bytes:
    """200 MB of zeros in one member: a few hundred kilobytes packed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("report.txt", "w", force_zip64=True) as member:
            zeros = bytes(1_000_000)
            for _ in range(200):
                member.write(zeros)
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# display names


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("report.txt", "report.txt"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\analyst\\Desktop\\report.txt", "report.txt"),
        ("evil\u202etxt.exe", "eviltxt.exe"),  # a right-to-left override would disguise the suffix
        ("zero\u200bwidth.txt", "zerowidth.txt"),
        ("two\nlines\t.txt", "two lines .txt"),
        ("bell\x07.txt", "bell.txt"),
        ("", "upload"),
        ("..", "upload"),
        ("folder/", "folder"),
    ],
)
def test_display_names_keep_only_the_visible_last_part(name: str, shown: str) -> None:
    assert safe_upload_name(name) == shown


def test_long_display_names_are_shortened_keeping_the_suffix() -> None:
    shown = safe_upload_name("a" * 5000 + ".html")
    assert len(shown) <= MAX_DISPLAY_CHARS
    assert shown.endswith(".html")


def test_non_string_name_is_refused() -> None:
    with pytest.raises(UploadError, match="expected a file name as a string, got b'x.txt'"):
        safe_upload_name(b"x.txt")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# single files


@pytest.mark.parametrize("suffix", [s for s in ACCEPTED_SUFFIXES if s != ".zip"])
def test_every_accepted_text_type_passes_through(suffix: str) -> None:
    (uploaded,) = unpack_upload(f"article{suffix}", ARTICLE)
    assert uploaded == UploadedFile(f"article{suffix}", suffix, ARTICLE)


def test_suffix_is_matched_case_insensitively() -> None:
    (uploaded,) = unpack_upload("Report.TXT", ARTICLE)
    assert uploaded.suffix == ".txt"
    assert uploaded.display_name == "Report.TXT"


@pytest.mark.parametrize(
    ("name", "found"),
    [("setup.exe", "'.exe'"), ("photo.png", "'.png'"), ("README", "no suffix"), ("report.txt.exe", "'.exe'")],
)
def test_unknown_types_are_refused_with_what_is_accepted(name: str, found: str) -> None:
    with pytest.raises(UploadError, match=f"expected one of .txt, .md, .*got {found}"):
        unpack_upload(name, ARTICLE)


def test_oversize_file_is_refused() -> None:
    with pytest.raises(UploadError, match="is 2,000 bytes, over the upload limit of 1,000 bytes"):
        unpack_upload("big.txt", b"x" * 2000, policy=UploadPolicy(max_bytes=1000))


def test_empty_file_is_refused() -> None:
    with pytest.raises(UploadError, match="'empty.txt' is empty"):
        unpack_upload("empty.txt", b"")


def test_upload_errors_are_input_errors() -> None:
    assert issubclass(UploadError, InputError) and issubclass(UploadError, ValueError)


# ---------------------------------------------------------------------------
# zip archives: what gets through


def test_zip_members_come_out_with_their_folders_in_the_display_name() -> None:
    data = _zip({"march/kyiv.txt": ARTICLE, "march/feed.jsonl": b'{"text": "x"}\n', "april/": b""})
    files = unpack_upload("news.zip", data)
    assert [(f.display_name, f.suffix) for f in files] == [
        ("news.zip/march/kyiv.txt", ".txt"),
        ("news.zip/march/feed.jsonl", ".jsonl"),
    ]
    assert files[0].data == ARTICLE


def test_operating_system_clutter_is_skipped() -> None:
    data = _zip(
        {
            "a.txt": ARTICLE,
            "__MACOSX/._a.txt": b"\0\5\x16\7binary",
            ".DS_Store": b"\0\0\0\1Bud1",
            "Thumbs.db": b"\xd0\xcf",
        }
    )
    assert [f.display_name for f in unpack_upload("n.zip", data)] == ["n.zip/a.txt"]


def test_stored_members_are_read_too() -> None:
    data = _zip({"a.html": b"<p>Raqqa</p>"}, compression=zipfile.ZIP_STORED)
    assert unpack_upload("n.zip", data)[0].data == b"<p>Raqqa</p>"


def test_repetitive_but_small_text_is_not_mistaken_for_a_bomb() -> None:
    data = _zip({"a.txt": b"a" * 500_000})
    assert len(unpack_upload("n.zip", data)[0].data) == 500_000


# ---------------------------------------------------------------------------
# zip archives: what is refused


def test_zip_bomb_is_refused_by_ratio(zip_bomb: bytes) -> None:
    assert len(zip_bomb) < 1_000_000
    with pytest.raises(UploadError, match="likely zip bomb"):
        unpack_upload("bomb.zip", zip_bomb)


def test_zip_bomb_is_refused_by_size_even_with_no_ratio_limit(zip_bomb: bytes) -> None:
    policy = UploadPolicy(max_ratio=1e9)
    with pytest.raises(UploadError, match="unpacks to more than the limit of 50.0 MB"):
        unpack_upload("bomb.zip", zip_bomb, policy=policy)


@pytest.mark.parametrize(
    ("member", "why"),
    [
        ("../../etc/cron.d/evil.txt", "climbs out"),
        ("notes/../../evil.txt", "climbs out"),
        ("..\\..\\evil.txt", "climbs out"),
        ("/etc/passwd.txt", "absolute path"),
        ("C:\\Windows\\evil.txt", "absolute path"),
    ],
)
def test_path_traversal_member_names_are_refused(member: str, why: str) -> None:
    data = _zip({"fine.txt": ARTICLE, _info(member): ARTICLE})
    with pytest.raises(UploadError, match=why):
        unpack_upload("n.zip", data)


def test_traversal_hidden_in_clutter_is_still_refused() -> None:
    data = _zip({"fine.txt": ARTICLE, _info("__MACOSX/../../evil.txt"): ARTICLE})
    with pytest.raises(UploadError, match="climbs out"):
        unpack_upload("n.zip", data)


def test_symlink_members_are_refused() -> None:
    data = _zip({_info("latest.txt", mode=stat.S_IFLNK | 0o777): b"/etc/passwd"})
    with pytest.raises(UploadError, match="symbolic link"):
        unpack_upload("n.zip", data)


def test_device_members_are_refused() -> None:
    data = _zip({_info("tty.txt", mode=stat.S_IFCHR | 0o666): b""})
    with pytest.raises(UploadError, match="not a plain file"):
        unpack_upload("n.zip", data)


def test_encrypted_members_are_refused() -> None:
    data = bytearray(_zip({"secret.txt": ARTICLE}))
    entry = data.rfind(b"PK\x01\x02")
    data[entry + 8] |= 0x1  # the "encrypted" flag bit; the zip writer will not set it itself
    with pytest.raises(UploadError, match="encrypted"):
        unpack_upload("n.zip", bytes(data))


def test_nested_zip_is_not_opened() -> None:
    inner = _zip({"a.txt": ARTICLE})
    data = _zip({"inner.zip": inner})
    with pytest.raises(UploadError, match="archives inside archives are not opened"):
        unpack_upload("outer.zip", data)


def test_member_of_an_unknown_type_is_refused_by_name() -> None:
    data = _zip({"a.txt": ARTICLE, "run.exe": b"MZ\x90\x00"})
    with pytest.raises(UploadError, match=r"'n.zip/run.exe' is not a file type read here"):
        unpack_upload("n.zip", data)


def test_too_many_files_are_refused_before_reading() -> None:
    data = _zip({f"a{i}.txt": ARTICLE for i in range(501)})
    with pytest.raises(UploadError, match="declares 501 entries, more than the limit of 500"):
        unpack_upload("many.zip", data)


def test_entry_count_that_lies_in_the_end_record_is_still_caught() -> None:
    data = bytearray(_zip({f"a{i}.txt": ARTICLE for i in range(30)}))
    end = data.rfind(b"PK\x05\x06")
    data[end + 8 : end + 12] = (1).to_bytes(2, "little") * 2  # claim a single entry
    with pytest.raises(UploadError, match="holds 30 entries, more than the limit of 20"):
        unpack_upload("many.zip", bytes(data), policy=UploadPolicy(max_files=20))


def test_oversized_central_directory_is_refused_before_parsing() -> None:
    data = _zip({"n" * 20_000 + ".txt": ARTICLE})
    with pytest.raises(UploadError, match="directory, more than the limit of 2 files"):
        unpack_upload("long.zip", data, policy=UploadPolicy(max_files=2))


def test_member_over_the_size_limit_is_refused() -> None:
    data = _zip({"a.txt": b"word " * 400})
    with pytest.raises(UploadError, match="'n.zip/a.txt' unpacks to more than the limit of 1,000 bytes"):
        unpack_upload("n.zip", data, policy=UploadPolicy(max_bytes=1000))


def test_members_over_the_total_limit_are_refused() -> None:
    data = _zip({"a.txt": b"a" * 800, "b.txt": b"b" * 800, "c.txt": b"c" * 800})
    policy = UploadPolicy(max_bytes=1000, max_total_bytes=2000)
    with pytest.raises(UploadError, match="'n.zip/c.txt' takes the upload over its total limit"):
        unpack_upload("n.zip", data, policy=policy)


def test_member_whose_header_understates_its_size_is_refused() -> None:
    data = bytearray(_zip({"a.txt": os.urandom(4000).hex().encode()}))
    entry = data.rfind(b"PK\x01\x02")
    data[entry + 24 : entry + 28] = (10).to_bytes(4, "little")  # "10 bytes", says the directory
    with pytest.raises(UploadError, match="cannot be read from the archive"):
        unpack_upload("n.zip", bytes(data))


@pytest.mark.parametrize(
    ("data", "label"),
    [(b"PK\x03\x04 not really", "bad header"), (b"plain text named zip", "text"), (None, "truncated")],
)
def test_damaged_archives_are_refused_as_unreadable(data: bytes | None, label: str) -> None:
    if data is None:
        whole = _zip({"a.txt": ARTICLE * 50, "b.txt": ARTICLE * 50})
        data = whole[: len(whole) // 2]
    with pytest.raises(UploadError, match="is not a readable zip archive"):
        unpack_upload("n.zip", data)


def test_corrupted_member_data_is_refused() -> None:
    data = bytearray(_zip({"a.txt": ARTICLE * 100}))
    data[40:60] = b"\xff" * 20  # inside the deflated stream of the only member
    with pytest.raises(UploadError, match="cannot be read from the archive"):
        unpack_upload("n.zip", bytes(data))


def test_archive_of_only_clutter_is_refused_as_empty() -> None:
    with pytest.raises(UploadError, match="contains no files"):
        unpack_upload("n.zip", _zip({".DS_Store": b"x", "folder/": b""}))


# ---------------------------------------------------------------------------
# batches and files on disk


def test_batch_file_count_is_capped_across_uploads() -> None:
    uploads = [("a.txt", ARTICLE), ("b.zip", _zip({"c.txt": ARTICLE, "d.txt": ARTICLE}))]
    with pytest.raises(UploadError, match="with 'b.zip' the upload holds 3 files, more than the limit of 2"):
        unpack_uploads(uploads, policy=UploadPolicy(max_files=2))
    assert len(unpack_uploads(uploads, policy=UploadPolicy(max_files=3))) == 3


def test_batch_total_size_is_capped_across_uploads() -> None:
    uploads = [("a.txt", b"a" * 600), ("b.txt", b"b" * 600)]
    with pytest.raises(UploadError, match="with 'b.txt' the upload holds 1,200 bytes, more than the limit of 1,000"):
        unpack_uploads(uploads, policy=UploadPolicy(max_total_bytes=1000))


def test_materialize_writes_under_a_generated_name(tmp_path: Path) -> None:
    (uploaded,) = unpack_upload("../../.bashrc.txt", ARTICLE)
    first = materialize(uploaded, tmp_path)
    second = materialize(uploaded, tmp_path)
    assert first.parent == second.parent == tmp_path
    assert first != second
    assert first.suffix == ".txt" and "bashrc" not in first.name
    assert first.read_bytes() == ARTICLE
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([first.name, second.name])


def test_materialize_refuses_a_suffix_that_was_not_checked(tmp_path: Path) -> None:
    with pytest.raises(UploadError, match="got '/../x'"):
        materialize(UploadedFile("x", "/../x", b""), tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kwargs", [{"max_bytes": 0}, {"max_files": -1}, {"max_ratio": 0.0}])
def test_nonsensical_policy_is_rejected(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="must be positive"):
        UploadPolicy(**kwargs)


# ---------------------------------------------------------------------------
# in the app: a refused upload is one message and adds nothing


@pytest.mark.slow
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (("evil.zip", _zip({"fine.txt": ARTICLE, _info("../../.bashrc.txt"): ARTICLE})), "climbs out"),
        (("inner.zip", _zip({"nested.zip": _zip({"a.txt": ARTICLE})})), "archives inside archives"),
    ],
)
def test_the_app_refuses_a_hostile_archive_and_adds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upload: tuple[str, bytes], message: str
) -> None:
    from app_harness import started_app
    from fake_pipeline import FakePipeline

    from geo.read.readers import article_from_text
    from geo.store.store import EventStore

    db = tmp_path / "events.sqlite"
    article = article_from_text("Forces fought near Aleppo on Monday.")
    with EventStore.open(db) as store:
        store.add_batch([(article, FakePipeline().events(article))])
    at = started_app(db, monkeypatch)
    name, data = upload
    at.file_uploader(key="uploads_0").set_value((name, data, "application/zip"))
    at.run()
    at.button(key="add_files").click().run()
    assert not at.exception
    assert any(message in e.value.replace("\\", "") for e in at.error), [e.value for e in at.error]
    with EventStore.open(db, readonly=True) as store:
        assert store.article_count() == 1
    assert not list(tmp_path.glob("**/.bashrc*"))
