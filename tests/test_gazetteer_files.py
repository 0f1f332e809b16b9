from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from gazetteer.files import atomic_file, atomic_path, atomic_text, temp_files_beside, write_bytes_atomically


def test_text_appears_whole_once_the_block_ends(tmp_path):
    out = tmp_path / "events.geojson"
    with atomic_text(out) as handle:
        handle.write('{"type": ')
        assert not out.exists()
        handle.write('"FeatureCollection"}')
    assert out.read_text(encoding="utf-8") == '{"type": "FeatureCollection"}'
    assert os.listdir(tmp_path) == ["events.geojson"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    out = tmp_path / "events.csv"
    out.write_text("old,rows\n")
    with pytest.raises(RuntimeError), atomic_text(out) as handle:
        handle.write("half a ")
        raise RuntimeError("disk full")
    assert out.read_text() == "old,rows\n"
    assert os.listdir(tmp_path) == ["events.csv"]


def test_a_writer_that_opens_by_name_gets_a_fresh_path_with_the_same_suffix(tmp_path):
    out = tmp_path / "store.sqlite"
    with atomic_path(out) as tmp:
        assert tmp.parent == tmp_path and tmp.suffix == ".sqlite" and not tmp.exists()
        with sqlite3.connect(tmp) as conn:
            conn.execute("CREATE TABLE t (x)")
        conn.close()
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    conn.close()
    assert temp_files_beside(out) == ()


def test_a_failed_writer_by_name_leaves_nothing(tmp_path):
    out = tmp_path / "map.png"
    with pytest.raises(OSError), atomic_path(out) as tmp:
        tmp.write_bytes(b"\x89PNG half")
        raise OSError(28, "No space left on device")
    assert os.listdir(tmp_path) == []


def test_bytes_land_in_a_folder_made_for_them_with_ordinary_permissions(tmp_path):
    out = tmp_path / "extracts" / "SY.txt"
    assert write_bytes_atomically(out, b"Tadmur\n") == out
    assert out.read_bytes() == b"Tadmur\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask


def test_temporaries_of_a_cut_short_write_are_found_beside_the_file(tmp_path):
    out = tmp_path / "g.sqlite"
    leftover = tmp_path / ".g.sqlite.0a1b2c.tmp.sqlite"
    leftover.write_bytes(b"partial")
    (tmp_path / "other.sqlite").write_bytes(b"")
    assert temp_files_beside(out) == (leftover,)


def test_only_plain_write_modes_are_accepted(tmp_path):
    with pytest.raises(ValueError, match="'a'"), atomic_file(tmp_path / "x.txt", "a"):
        pass
