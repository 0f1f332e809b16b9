"""Open (building when needed) and query the offline gazetteer cache.

    from gazetteer.database import open_gazetteer
    with open_gazetteer() as g:
        g.lookup("Palmyra")[0]      # Entry(name='Tadmur', country_code='SY', ...)

Queries run on a read-only SQLite connection (memory-mapped); ``lookup`` keeps an
LRU cache, so repeated names in a corpus cost a dictionary look-up.
"""

from __future__ import annotations

import functools
import json
import math
import os
import sqlite3
import threading
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from gazetteer.assemble import NAME_OFFICIAL, NAME_PREFERRED
from gazetteer.attribution import ATTRIBUTION
from gazetteer.build import SCHEMA_VERSION, build_cache, custom_fingerprint, source_fingerprint
from gazetteer.entry import COUNTRY_CODES, Entry
from gazetteer.errors import GazetteerDataError, GazetteerQueryError
from gazetteer.extent import Extent
from gazetteer.files import write_bytes_atomically
from gazetteer.geodesy import unit_vectors
from gazetteer.keyfilter import HOLDS_EVERY_KEY, KeyFilter
from gazetteer.normalize import (
    dotted_key,
    normalize,
    skeletons,
    spelling_forms,
    strip_articles,
    vowel_written_or_not,
)
from gazetteer.ranking import STRIPPED_MATCH_PENALTY, fuzzy_bucket_key
from gazetteer.sources import SourceData

ENV_CACHE_PATH = "CONFLICTMAP_GAZETTEER"
SQLITE_HEADER = b"SQLite format 3\x00"
MMAP_BYTES = 512 * 1024 * 1024
LOOKUP_CACHE_SIZE = 65_536
ENTRY_COLUMNS = "geonameid, name, lat, lon, country_code, feature_class, feature_code, population, admin1_code, admin1"
#: The same columns of a join's ``entries e``, spelled once rather than on every query.
JOINED_ENTRY_COLUMNS = ", ".join("e." + column.strip() for column in ENTRY_COLUMNS.split(","))

# Fuzzy matching: names of at least this many letters, and a similarity
# (1 - edits / length, a transposition being one edit) of at least this.
FUZZY_MIN_LETTERS = 5
FUZZY_MIN_SCORE = 0.8
VARIANTS_LIMIT = 20
# Spelling variants (``variants``): the similarity of two names' spelling forms (1 - edits
# / both lengths, ``rapidfuzz``'s Indel) a candidate needs unless the forms are the same,
# and the letters a form needs before a near one counts (short names meet by chance).
VARIANT_MIN_SIMILARITY = 0.85
VARIANT_MIN_LETTERS = 5
# ... and the letters a form needs at all: three-letter forms ("Goz", "Oguz") meet by chance.
SAME_FORM_MIN_LETTERS = 4
AREA_CODES = COUNTRY_CODES | {"ADM1"}

Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class NameInfo:
    """How a name is used in the gazetteer (the geoparser weighs ambiguous words with it)."""

    name: str
    count: int  # entries the name (or its article-less form) names
    best_population: int
    is_country_or_admin1: bool
    is_preferred_somewhere: bool  # some entry's own name, not only an alternate


@dataclass(frozen=True, slots=True)
class NameMatch:
    """One candidate of ``matches``: the entry, which of its names matched and how well."""

    entry: Entry
    name_kind: int  # 0 the entry's preferred name, 1 official name or curated alias, 2 alternate
    score: float  # the prominence score ``lookup`` orders by (higher first)
    exact: bool  # spelled as the query after ``normalize``, not only once articles are dropped


@dataclass(frozen=True, slots=True)
class VariantMatch:
    """A place another spelling of a name names: "Mezzeh" for Al Mazzah."""

    entry: Entry
    #: 1.0 when the two names have one ``spelling_form``; else how close the forms are
    similarity: float
    written: str  # the place's name that matched, normalised


@dataclass(frozen=True, slots=True)
class AliasInfo:
    """A curated alias (gazetteer/data/aliases.tsv) and what it points to."""

    alias: str
    entry: Entry
    note: str

    @property
    def is_part_of_region(self) -> bool:
        """The alias names only part of the entry ("northern Syria"): ACLED geo_precision 2."""
        return self.note.startswith("part of a region")


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: Path
    size_bytes: int
    fingerprint: str
    built_at: str
    entries: int
    names: int


@dataclass(frozen=True, slots=True)
class _FuzzyBucket:
    """Names of one first letter and length, with their places' ids and ranks."""

    names: tuple[str, ...]
    ids: tuple[int, ...]
    ranks: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class _NameRow:
    entry: Entry
    norm: str
    kind: int
    rank: float


def default_cache_path() -> Path:
    """$CONFLICTMAP_GAZETTEER, else the user cache folder's ``gazetteer-v<schema>.sqlite``."""
    configured = os.environ.get(ENV_CACHE_PATH)
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("conflictmap")) / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def _stamp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.verified")


def _file_identity(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ino}"


def mark_verified(path: Path) -> None:
    """Remember that the cache file, as it is now, passed SQLite's page check."""
    try:
        write_bytes_atomically(_stamp_path(path), _file_identity(path).encode())
    except OSError:
        pass  # only a speed-up: the next open checks again


def _is_verified(path: Path) -> bool:
    try:
        return _stamp_path(path).read_text() == _file_identity(path)
    except OSError:
        return False


def _header_problem(path: Path) -> str | None:
    if not path.is_file():
        return "it does not exist"
    size = path.stat().st_size
    with open(path, "rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return "it is not a SQLite file"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65_536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if page_count * page_size != size:
        return f"it is truncated ({size:,} bytes, {page_count * page_size:,} expected)"
    return None


def cache_problem(path: Path, fingerprint: str | None = None, *, check_pages: bool | None = None) -> str | None:
    """Why the cache at ``path`` cannot be used as it is, or None when it can.

    Cheap checks first (header, size against the page count the header declares,
    so a truncated copy is caught), then the fingerprint row, then SQLite's
    quick_check of every page. That last one reads the whole file (about a second),
    so by default it runs only when the file changed since it last passed
    (``check_pages=None``); True forces it, False skips it.
    """
    path = Path(path)
    problem = _header_problem(path)
    if problem is not None:
        return problem
    pages_checked = check_pages if check_pages is not None else not _is_verified(path)
    try:
        conn = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
            check = conn.execute("PRAGMA quick_check(1)").fetchone() if pages_checked else ("ok",)
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        return f"it is corrupt ({err})"
    if row is None:
        return "it has no fingerprint (an unfinished build)"
    if check is None or check[0] != "ok":
        return f"it is corrupt ({check[0] if check else 'no check result'})"
    if pages_checked:
        mark_verified(path)
    if fingerprint is not None and row[0] != fingerprint:
        return "it was built from other data or by another version"
    return None


class _BuildLock:
    """An advisory lock next to the cache, so two first uses build it once.

    Correctness does not depend on it (builds replace the file atomically);
    where ``fcntl`` is missing it does nothing.
    """

    def __init__(self, path: Path):
        self._path = path.with_name(path.name + ".lock")
        self._handle: IO[str] | None = None

    def __enter__(self) -> _BuildLock:
        try:
            import fcntl
        except ImportError:
            return self
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._handle = open(self._path, "a")
        except OSError:
            return self  # an unwritable folder: the build itself will say so
        fcntl.flock(self._handle.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the lock
            self._handle = None


def _report(progress: Progress | None, message: str) -> None:
    if progress is not None:
        progress(message)
    else:
        warnings.warn(message, RuntimeWarning, stacklevel=3)


def open_gazetteer(
    path: Path | None = None,
    *,
    rebuild: bool = False,
    progress: Progress | None = None,
    sources: SourceData | None = None,
) -> Gazetteer:
    """Open the cache at ``path`` (default ``default_cache_path()``), building it when it is
    missing, stale or damaged; ``rebuild=True`` always builds. ``sources`` replaces the
    installed data (tests build tiny gazetteers with it)."""
    path = Path(path) if path is not None else default_cache_path()
    fingerprint = (
        source_fingerprint(cache_path=path) if sources is None else custom_fingerprint(sources, cache_path=path)
    )
    problem = None if rebuild else cache_problem(path, fingerprint)
    if rebuild or problem is not None:
        with _BuildLock(path):
            # Another process may have built it while this one waited for the lock.
            problem = None if rebuild else cache_problem(path, fingerprint)
            if rebuild or problem is not None:
                if problem is not None and path.exists():
                    _report(progress, f"rebuilding the gazetteer cache {str(path)!r}: {problem}")
                build_cache(path, sources=sources, progress=progress)
                mark_verified(path)  # just written and fsynced: no need to read it all again
    return Gazetteer(path)


class Gazetteer:
    """Read-only queries on a built cache. Thread-safe; use as a context manager or ``close()``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._conn = self._connect()
        self._inherited_conn: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._has_abbreviations = bool(
            self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'abbreviations'")
        )
        self._has_extents = bool(self._query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'extents'"))
        self._name_rows = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._fetch_name_rows)
        self._lookup = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._rank_lookup)
        # Keyed by the name as written: a corpus repeats the same spellings, and a dotted
        # abbreviation ("Ill.") is only one as written.
        self._matches_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._match_as_written)
        self._lookup_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(
            lambda name: tuple(match.entry for match in self._matches_written(name))
        )
        # The geoparser asks these of every candidate, and news repeats its names: the
        # answers, keyed by the name as written, are read from the cache once.
        self._name_info_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._name_info)
        self._demonym_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._demonym)
        self._variants_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._lookup_variants)
        self._spellings_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._spelling_variants)
        self._common_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._is_common_word)
        # A name no exact lookup knows is compared with every name of its length bands (a
        # millisecond or more); the resolver asks it of the same unknown names again and again.
        self._fuzzy_written = functools.lru_cache(maxsize=LOOKUP_CACHE_SIZE)(self._fuzzy)
        self._common_words: frozenset[str] | None = None
        self._demonym_countries: dict[str, str] | None = None
        self._capital_entries: dict[str, Entry] | None = None
        self._abbreviations: frozenset[str] | None = None
        self._key_filters: dict[str, KeyFilter] = {}
        self._fuzzy_buckets: dict[str, _FuzzyBucket] = {}
        self._reverse_index: tuple[Any, list[int]] | None = None

    # -- plumbing ---------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(_read_only_uri(self.path), uri=True, check_same_thread=False)
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            conn.execute("SELECT 1 FROM meta LIMIT 1").fetchall()
        except sqlite3.Error as err:
            raise GazetteerDataError(f"cannot open the gazetteer cache {str(self.path)!r}: {err}") from err
        return conn

    def reconnect_after_fork(self) -> Gazetteer:
        """This gazetteer, in a process forked from the one that opened it, with a connection
        of its own: SQLite connections must not be used across a fork. The answers cached so
        far are kept, which is why a forked worker starts warm."""
        # The inherited connection is kept, never closed here: the parent still uses it.
        self._inherited_conn = self._conn
        self._conn = self._connect()
        self._lock = threading.RLock()
        return self

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as err:
                raise GazetteerDataError(f"the gazetteer cache {str(self.path)!r} cannot be read: {err}") from err

    def _entries_where(self, condition: str, params: Sequence) -> list[Entry]:
        return [Entry(*row) for row in self._query(f"SELECT {ENTRY_COLUMNS} FROM entries WHERE {condition}", params)]

    @staticmethod
    def _checked_name(name: object) -> str:
        if not isinstance(name, str):
            raise GazetteerQueryError(f"expected a place name as str, got {name!r}")
        if not name.strip():
            raise GazetteerQueryError(f"expected a non-empty place name, got {name!r}")
        return name

    def _fetch_name_rows(self, bare: str, column: str = "bare") -> tuple[_NameRow, ...]:
        if not self._key_filter(column).may_hold(bare):
            return ()  # most names asked about are no place: no query for them
        rows = self._query(
            f"SELECT n.norm, n.kind, n.rank, {JOINED_ENTRY_COLUMNS} "
            f"FROM names n JOIN entries e ON e.geonameid = n.geonameid WHERE n.{column} = ?",
            (bare,),
        )
        return tuple(_NameRow(Entry(*row[3:]), row[0], row[1], row[2]) for row in rows)

    def _key_filter(self, column: str) -> KeyFilter:
        found = self._key_filters.get(column)
        if found is None:
            with self._lock:
                rows = self._query("SELECT hashes, bits FROM key_filters WHERE col = ?", (column,))
                # A cache without the filter is read key by key, as the filter's "maybe" is.
                found = KeyFilter(bytes(rows[0][1]), rows[0][0]) if rows else HOLDS_EVERY_KEY
                self._key_filters[column] = found
        return found

    def _rank_lookup(self, norm: str) -> tuple[Entry, ...]:
        if not norm:
            return ()
        return _best_first(self._name_rows(strip_articles(norm)), norm)

    def _abbreviation_rows(self, written: str) -> tuple[tuple[_NameRow, str], ...]:
        """(row, note) of the dotted abbreviation ``written`` is ("Ill."), else ()."""
        key = dotted_key(written)
        if not key or key not in self._abbreviation_keys():
            return ()
        rows = self._query(
            f"SELECT a.rank, a.note, {JOINED_ENTRY_COLUMNS} "
            "FROM abbreviations a JOIN entries e ON e.geonameid = a.geonameid WHERE a.key = ?",
            (key,),
        )
        norm = normalize(written)
        return tuple((_NameRow(Entry(*row[2:]), norm, NAME_OFFICIAL, row[0]), row[1]) for row in rows)

    def _abbreviation_keys(self) -> frozenset[str]:
        if self._abbreviations is None:
            keys = self._query("SELECT key FROM abbreviations") if self._has_abbreviations else []
            self._abbreviations = frozenset(row[0] for row in keys)
        return self._abbreviations

    def _match_as_written(self, name: str) -> tuple[NameMatch, ...]:
        norm = normalize(name)
        rows = self._name_rows(strip_articles(norm)) if norm else ()
        abbreviated = tuple(row for row, _ in self._abbreviation_rows(name))
        if not norm and not abbreviated:
            return ()
        return _best_matches((*rows, *abbreviated), norm)

    def matches(self, name: str) -> tuple[NameMatch, ...]:
        """``lookup`` with the evidence: which kind of name matched, the score, exactness."""
        return self._matches_written(self._checked_name(name))

    # -- names --------------------------------------------------------------------

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Entries named ``name`` (after ``normalize``, also without Arabic articles), best first.

        A dotted abbreviation as written ("Ill.", "W. Va.", "B.C.") puts the place it
        stands for first; the same letters without the dots ("Ill", "ill") do not.
        """
        return self._lookup_written(self._checked_name(name))

    def lookup_variants(self, name: str, *, limit: int = VARIANTS_LIMIT) -> tuple[Entry, ...]:
        """Entries reached only through ``skeleton`` (transliteration variants such as
        Hodeidah for Al Hudaydah), best first; exact matches (``lookup``) are left out."""
        return self._variants_written(self._checked_name(name))[:limit]

    def _lookup_variants(self, name: str) -> tuple[Entry, ...]:
        norm = normalize(name)
        if not norm:
            return ()
        return _best_first(self._other_spellings(norm), norm)

    def _other_spellings(self, norm: str, *, vowel_choices: bool = False) -> list[_NameRow]:
        """The rows that share a skeleton of either reading of ``norm`` (with
        ``vowel_choices``, also a skeleton with one short vowel written or left out), but
        those of places ``norm`` names exactly."""
        exact = {entry.geonameid for entry in self._lookup(norm)}
        seen: set[tuple[int, str]] = set()
        rows = []
        keys = skeletons(norm)
        if vowel_choices:
            keys += tuple(other for skel in keys for other in vowel_written_or_not(skel))
        for skel in keys:
            for row in self._name_rows(skel, "skel"):
                key = (row.entry.geonameid, row.norm)
                if row.entry.geonameid not in exact and key not in seen:
                    seen.add(key)
                    rows.append(row)
        return rows

    def variants(self, name: str) -> tuple[VariantMatch, ...]:
        """Places listed under another spelling of ``name`` (any population, villages too):
        those whose name has the same ``spelling_form``, then those whose form is close
        (``VARIANT_MIN_SIMILARITY``), each best first by the gazetteer's rank. Exact matches
        (``lookup``) are left out. Nothing here says which country is meant: a caller keeps
        only the places the text gives a reason for."""
        return self._spellings_written(self._checked_name(name))

    def _spelling_variants(self, name: str) -> tuple[VariantMatch, ...]:
        from rapidfuzz.distance import Indel

        norm = normalize(name)
        forms = spelling_forms(norm) if norm else ("",)
        if len(forms[0]) < SAME_FORM_MIN_LETTERS:
            return ()
        known: dict[str, tuple[str, ...]] = {}
        best: dict[int, tuple[float, float, _NameRow]] = {}
        for row in self._other_spellings(norm, vowel_choices=True):
            others = known.get(row.norm)
            if others is None:
                others = known[row.norm] = spelling_forms(row.norm)
            if any(form == other for form in forms for other in others):
                similarity = 1.0
            elif len(forms[0]) < VARIANT_MIN_LETTERS:
                continue
            else:
                similarity = max(Indel.normalized_similarity(form, other) for form in forms for other in others)
                if similarity < VARIANT_MIN_SIMILARITY:
                    continue
            held = best.get(row.entry.geonameid)
            if held is None or (similarity, row.rank) > held[:2]:
                best[row.entry.geonameid] = (similarity, row.rank, row)
        ordered = sorted(best.values(), key=lambda item: (-item[0], -item[1], item[2].entry.geonameid))
        return tuple(VariantMatch(row.entry, round(similarity, 3), row.norm) for similarity, _, row in ordered)

    def name_info(self, name: str) -> NameInfo:
        return self._name_info_written(self._checked_name(name))

    def _name_info(self, name: str) -> NameInfo:
        norm = normalize(name)
        rows = self._name_rows(strip_articles(norm)) if norm else ()
        entries = {row.entry.geonameid: row.entry for row in rows}
        entries.update((row.entry.geonameid, row.entry) for row, _ in self._abbreviation_rows(name))
        return NameInfo(
            name=name,
            count=len(entries),
            best_population=max((e.population for e in entries.values()), default=0),
            is_country_or_admin1=any(e.feature_code in AREA_CODES for e in entries.values()),
            is_preferred_somewhere=any(row.kind == NAME_PREFERRED and row.norm == norm for row in rows),
        )

    def alias(self, name: str) -> AliasInfo | None:
        """The curated alias ``name`` is (gazetteer/data/aliases.tsv), with its note, or None."""
        abbreviated = self._abbreviation_rows(self._checked_name(name))
        if abbreviated:
            row, note = abbreviated[0]
            return AliasInfo(name, row.entry, note)
        norm = normalize(name)
        rows = self._query("SELECT geonameid, note FROM aliases WHERE norm = ? LIMIT 1", (norm,))
        if not rows:
            return None
        entry = self.get(rows[0][0])
        return AliasInfo(name, entry, rows[0][1]) if entry else None

    # -- fuzzy ---------------------------------------------------------------------

    def _fuzzy_bucket(self, bucket: str) -> _FuzzyBucket:
        with self._lock:
            found = self._fuzzy_buckets.get(bucket)
            if found is None:
                found = self._fuzzy_buckets[bucket] = self._read_fuzzy_bucket(bucket)
            return found

    def _read_fuzzy_bucket(self, bucket: str) -> _FuzzyBucket:
        import numpy

        rows = self._query("SELECT norms, geonameids, ranks FROM fuzzy_buckets WHERE bucket = ?", (bucket,))
        if not rows:
            return _FuzzyBucket((), (), ())
        norms, ids, ranks = rows[0]
        return _FuzzyBucket(
            tuple(json.loads(norms)),
            tuple(numpy.frombuffer(ids, dtype="<i8").tolist()),
            tuple(numpy.frombuffer(ranks, dtype="<f8").tolist()),
        )

    def fuzzy(self, name: str, *, limit: int = 5) -> tuple[tuple[Entry, float], ...]:
        """Misspellings of fairly prominent places: ``(entry, similarity 0..1)``, best first.

        Returns () for ordinary English words and names under five letters, where a
        near match is more often a different word than a typo.
        """
        return self._fuzzy_written(self._checked_name(name), limit)

    def _fuzzy(self, name: str, limit: int) -> tuple[tuple[Entry, float], ...]:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        norm = normalize(self._checked_name(name))
        if len(norm.replace(" ", "")) < FUZZY_MIN_LETTERS or all(self._is_common(t) for t in norm.split()):
            return ()
        best: dict[int, tuple[float, float]] = {}
        for size in _reachable_lengths(len(norm)):
            bucket = self._fuzzy_bucket(fuzzy_bucket_key(norm[0], size))
            for _, score, position in process.extract(
                norm, bucket.names, scorer=OSA.normalized_similarity, score_cutoff=FUZZY_MIN_SCORE, limit=None
            ):
                geonameid, rank = bucket.ids[position], bucket.ranks[position]
                if (score, rank) > best.get(geonameid, (0.0, -math.inf)):
                    best[geonameid] = (score, rank)
        ordered = sorted(best.items(), key=lambda item: (-item[1][0], -item[1][1]))[:limit]
        return tuple(
            (entry, round(score, 3)) for geonameid, (score, _) in ordered if (entry := self.get(geonameid)) is not None
        )

    # -- words ---------------------------------------------------------------------

    def _is_common(self, norm: str) -> bool:
        if self._common_words is None:
            self._common_words = frozenset(row[0] for row in self._query("SELECT word FROM common_words"))
        return norm in self._common_words

    def is_common_word(self, word: str) -> bool:
        """An ordinary English word ("But", "Human", "March"), not first of all a place name
        ("Geneva", "Paris") nor a dotted abbreviation of one ("Ill.")."""
        return self._common_written(self._checked_name(word))

    def _is_common_word(self, word: str) -> bool:
        return self._is_common(normalize(word)) and not self._abbreviation_rows(word)

    def demonym(self, word: str) -> str | None:
        """Country code of a demonym or adjective ("Syrian", "Syrians" -> "SY"), or None."""
        return self._demonym_written(self._checked_name(word))

    def _demonym(self, word: str) -> str | None:
        norm = normalize(word)
        # A plural only when the word is not a country's own name: "Syrians" is a
        # demonym, "Philippines" the country of the adjective "Philippine".
        plural = norm.endswith("s") and not self.name_info(word).is_country_or_admin1
        demonyms = self._demonyms()
        for form in (norm, norm[:-1] if plural else None):
            if form and form in demonyms:
                return demonyms[form]
        return None

    def _demonyms(self) -> dict[str, str]:
        """Every demonym's country (a few hundred rows, read once)."""
        if self._demonym_countries is None:
            self._demonym_countries = dict(self._query("SELECT norm, country_code FROM demonyms"))
        return self._demonym_countries

    # -- ids and codes ---------------------------------------------------------------

    def get(self, geonameid: int) -> Entry | None:
        if isinstance(geonameid, bool) or not isinstance(geonameid, int):
            raise GazetteerQueryError(f"expected a geonameid as int, got {geonameid!r}")
        found = self._entries_where("geonameid = ?", (geonameid,))
        return found[0] if found else None

    def extent(self, geonameid: int) -> Extent | None:
        """The bounding box of a hand-written region, sea or river (``gazetteer/data``);
        None for every other entry (a country's outline is ``extent.country_outlines``)."""
        if isinstance(geonameid, bool) or not isinstance(geonameid, int):
            raise GazetteerQueryError(f"expected a geonameid as int, got {geonameid!r}")
        if not self._has_extents:
            return None
        rows = self._query("SELECT south, west, north, east FROM extents WHERE geonameid = ?", (geonameid,))
        return Extent(*rows[0]) if rows else None

    def country(self, code: str) -> Entry | None:
        """The country's own entry (a point inside it, not its capital)."""
        if not isinstance(code, str) or len(code.strip()) != 2 or not code.strip().isalpha():
            raise GazetteerQueryError(f"expected an ISO 3166-1 alpha-2 country code such as 'SY', got {code!r}")
        found = self._entries_where("country_code = ? AND feature_code = 'PCLI'", (code.strip().upper(),))
        return found[0] if found else None

    def capital(self, code: str) -> Entry | None:
        """The country's capital (``PPLC``), the most populous where GeoNames lists several
        (a seat of government and a constitutional capital); None when none is listed."""
        if not isinstance(code, str) or len(code.strip()) != 2 or not code.strip().isalpha():
            raise GazetteerQueryError(f"expected an ISO 3166-1 alpha-2 country code such as 'SY', got {code!r}")
        return self._capitals().get(code.strip().upper())

    def _capitals(self) -> dict[str, Entry]:
        """Every country's capital (a few hundred rows, read once: the table has no index by
        feature code, so one query per country would scan it each time)."""
        if self._capital_entries is None:
            rows = self._entries_where("feature_code = 'PPLC' ORDER BY population, geonameid DESC", ())
            self._capital_entries = {e.country_code: e for e in rows}  # the most populous last, so kept
        return self._capital_entries

    def admin1(self, country_code: str, admin1_code: str) -> Entry | None:
        if not isinstance(country_code, str) or not isinstance(admin1_code, str):
            raise GazetteerQueryError(
                f"expected country and admin1 codes as str, got {country_code!r}, {admin1_code!r}"
            )
        found = self._entries_where(
            "country_code = ? AND admin1_code = ? AND feature_code = 'ADM1'",
            (country_code.strip().upper(), admin1_code.strip()),
        )
        return found[0] if found else None

    def admin1_name(self, country_code: str, admin1_code: str) -> str:
        """The first-level region's name, "" when the gazetteer does not know it."""
        region = self.admin1(country_code, admin1_code)
        return region.name if region else ""

    # -- coordinates ---------------------------------------------------------------------

    def _load_reverse_index(self):
        import numpy
        from scipy.spatial import cKDTree

        rows = self._query("SELECT geonameid, lat, lon FROM entries WHERE feature_class = 'P'")
        ids = [row[0] for row in rows]
        if not rows:
            return None, ids
        coords = numpy.array([(lat, lon) for _, lat, lon in rows], dtype=float)
        return cKDTree(unit_vectors(coords[:, 0], coords[:, 1])), ids

    def reverse(self, lat: float, lon: float) -> Entry | None:
        """The nearest populated place to (lat, lon); None only when the cache has none."""
        for label, value, bound in (("latitude", lat, 90.0), ("longitude", lon, 180.0)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
                raise GazetteerQueryError(f"expected a {label} between -{bound:g} and {bound:g}, got {value!r}")
        with self._lock:
            if self._reverse_index is None:
                self._reverse_index = self._load_reverse_index()
            tree, ids = self._reverse_index
        if not ids:
            return None
        _, position = tree.query(unit_vectors(lat, lon))
        return self.get(ids[int(position)])

    # -- about -----------------------------------------------------------------------------

    @property
    def attribution(self) -> str:
        return ATTRIBUTION

    def info(self) -> CacheInfo:
        meta = dict(self._query("SELECT key, value FROM meta"))
        return CacheInfo(
            path=self.path,
            size_bytes=self.path.stat().st_size,
            fingerprint=meta.get("fingerprint", ""),
            built_at=meta.get("built_at", ""),
            entries=int(meta.get("entries", 0)),
            names=int(meta.get("names", 0)),
        )

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r})"


def _reachable_lengths(length: int) -> range:
    """Name lengths that can still score FUZZY_MIN_SCORE against a name of ``length``:
    a difference of d letters costs at least d edits out of the longer length."""
    slack = 1.0 - FUZZY_MIN_SCORE
    shortest = math.ceil(length * (1.0 - slack) - 1e-9)
    longest = math.floor(length / (1.0 - slack) + 1e-9)
    return range(shortest, longest + 1)


def _best_matches(rows: Sequence[_NameRow], norm: str) -> tuple[NameMatch, ...]:
    """One match per place, by its best-ranked matching name; exact spellings count fully."""
    best: dict[int, NameMatch] = {}
    for row in rows:
        exact = row.norm == norm
        score = row.rank - (0.0 if exact else STRIPPED_MATCH_PENALTY)
        if row.entry.geonameid not in best or score > best[row.entry.geonameid].score:
            best[row.entry.geonameid] = NameMatch(row.entry, row.kind, round(score, 4), exact)
    return tuple(sorted(best.values(), key=lambda match: (-match.score, match.entry.geonameid)))


def _best_first(rows: Sequence[_NameRow], norm: str) -> tuple[Entry, ...]:
    return tuple(match.entry for match in _best_matches(rows, norm))
