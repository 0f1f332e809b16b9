"""Scores of coded events: merging reports, fatalities and actors, against the coded gold set.

The gold set (``data/eval/coded/``) has real-world happenings (``happenings_*.jsonl``) and
reports of them (``<article-id>.txt``, a ``key: value`` header, ``---``, the text), each
report listing the happenings it tells as news. ``read_gold_folder`` reads it,
``write_jsonl``/``read_jsonl`` keep it as one JSON-lines file (``data/eval/coded.jsonl``).

Scoring takes predicted events already merged (each with the id of its merged event, its
fatalities and actors) and measures:

- merging: B-cubed precision, recall and F1 over items (article, gold happening), each
  matched to one of the article's predicted events within ``MATCH_KM`` of the happening,
  or within ``REGION_MATCH_KM`` when the event is coded at a province of the happening's
  country, as ACLED codes a village it cannot place (of the happening's event type when the
  article reports several); an item with no match is a merged event of its own;
- fatalities: on gold happenings that report deaths, is the figure of the merged event
  holding most of the happening's items exactly the gold figure;
- actors: on frontline happenings, are the merged event's actors the gold pair, as a set
  (``same_actors``: ACLED's "LNA: Libyan National Army" is the group a coder writes as
  "Libyan National Army" or "LNA"; ``actor_accuracy_exact`` counts only names as the gold writes them).

Dev and test are split by the happening's conflict (``split_of``): tune on dev, report test.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from gazetteer.geodesy import great_circle_km
from geo.errors import InputError

K = TypeVar("K", bound=Hashable)

#: An item matches a predicted event at most this far from the happening.
MATCH_KM = 40.0
#: ... or this far, when the event is coded at a province of the happening's country (ACLED's
#: geo_precision 3: the report names only the province, so the event has the province's
#: point, which may lie a province's half-width from the village it happened in).
REGION_MATCH_KM = 300.0
HEADER_END = "---"
SPLITS = ("dev", "test")


@dataclass(frozen=True, slots=True)
class Happening:
    """One real-world happening of the gold set, coded as ACLED would code it."""

    id: str
    conflict: str
    date: str
    place: str
    lat: float
    lon: float
    country_code: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    fatalities: int | None
    wounded: int | None = None
    note: str = ""

    @property
    def actors(self) -> frozenset[str]:
        return frozenset(a for a in (self.actor1, self.actor2) if a)


@dataclass(frozen=True, slots=True)
class Report:
    """One article of the gold set and the happenings it tells as news."""

    id: str
    published: str
    title: str
    source: str
    url: str
    conflict: str
    reports: tuple[str, ...]
    text: str

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published) if self.published else None


@dataclass(frozen=True, slots=True)
class CodedGold:
    happenings: tuple[Happening, ...]
    reports: tuple[Report, ...]

    def happening(self, happening_id: str) -> Happening:
        return self._by_id()[happening_id]

    def _by_id(self) -> dict[str, Happening]:
        return {h.id: h for h in self.happenings}

    def split(self, name: str) -> CodedGold:
        """The happenings and reports of one split (``dev`` or ``test``)."""
        if name not in SPLITS:
            raise InputError(f"split must be one of {SPLITS}, got {name!r}")
        return CodedGold(
            tuple(h for h in self.happenings if split_of(h.conflict) == name),
            tuple(r for r in self.reports if split_of(r.conflict) == name),
        )


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """One event the pipeline found in an article, after merging: ``merged_id`` names the
    merged event it belongs to, whose ``fatalities`` and ``actors`` it carries."""

    event_id: str
    article_id: str
    merged_id: str
    event_type: str
    sub_event_type: str
    lat: float
    lon: float
    event_date: str = ""  # ISO date, "" when unknown
    fatalities: int | None = None
    actors: frozenset[str] = frozenset()
    confidence: float = 1.0
    #: coded at a province (geo_precision 3 at a first- or second-level region), not at a town
    at_province: bool = False
    country_code: str = ""


@dataclass(frozen=True, slots=True)
class CodedScores:
    items: int
    matched: int
    precision: float
    recall: float
    f1: float
    fatality_events: int
    fatality_accuracy: float
    actor_events: int
    actor_accuracy: float
    party_events: int = 0
    party_accuracy: float = 0.0  # the two parties of diplomacy, as a set
    actor_accuracy_exact: float = 0.0  # actors right only when written exactly as the gold writes them

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def split_of(conflict: str) -> str:
    """``dev`` or ``test`` for a conflict, fixed by a hash of its name (so a new conflict
    lands on either side without moving the others)."""
    return SPLITS[hashlib.sha256(conflict.encode("utf-8")).digest()[0] % 2]


def parse_report(text: str) -> Report:
    """One report file: ``key: value`` header lines, ``---``, then the text."""
    head, sep, body = text.partition(f"\n{HEADER_END}\n")
    if not sep:
        raise InputError("a coded report needs a header, a line '---' and the text")
    fields: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if colon:
            fields[key.strip()] = value.strip()
    if "id" not in fields:
        raise InputError("a coded report's header has no 'id' line")
    return Report(
        id=fields["id"],
        published=fields.get("published", ""),
        title=fields.get("title", ""),
        source=fields.get("source", ""),
        url=fields.get("url", ""),
        conflict=fields.get("conflict", ""),
        reports=tuple(r.strip() for r in fields.get("reports", "").split(",") if r.strip()),
        text=body.strip() + "\n",
    )


def happening_from_dict(row: Mapping[str, object]) -> Happening:
    try:
        return Happening(
            id=str(row["id"]),
            conflict=str(row["conflict"]),
            date=str(row["date"]),
            place=str(row["place"]),
            lat=float(row["lat"]),  # type: ignore[arg-type]
            lon=float(row["lon"]),  # type: ignore[arg-type]
            country_code=str(row.get("country_code", "")),
            event_type=str(row["event_type"]),
            sub_event_type=str(row.get("sub_event_type", "")),
            actor1=str(row.get("actor1") or ""),
            actor2=str(row.get("actor2") or ""),
            fatalities=None if row.get("fatalities") is None else int(row["fatalities"]),  # type: ignore[call-overload]
            wounded=None if row.get("wounded") is None else int(row["wounded"]),  # type: ignore[call-overload]
            note=str(row.get("note", "")),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(f"a happening line lacks a field or has a bad value: {err}") from err


def read_gold_folder(folder: Path) -> CodedGold:
    """The gold set from its folder: every ``happenings_*.jsonl`` and every ``*.txt`` report."""
    happenings: dict[str, Happening] = {}
    for path in sorted(folder.glob("happenings_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                h = happening_from_dict(json.loads(line))
                happenings[h.id] = h
    reports = tuple(parse_report(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt")))
    return CodedGold(tuple(sorted(happenings.values(), key=lambda h: h.id)), reports)


def to_jsonl(gold: CodedGold) -> str:
    """The gold set as JSON lines: happenings first (``"kind": "happening"``), then reports."""
    lines = [json.dumps({"kind": "happening", **asdict(h)}, ensure_ascii=False) for h in gold.happenings]
    for r in gold.reports:
        lines.append(json.dumps({"kind": "report", **asdict(r), "reports": list(r.reports)}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def read_jsonl(path: Path) -> CodedGold:
    happenings: list[Happening] = []
    reports: list[Report] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        kind = row.pop("kind", None)
        if kind == "happening":
            happenings.append(happening_from_dict(row))
        elif kind == "report":
            row["reports"] = tuple(row.get("reports", ()))
            reports.append(Report(**row))
        else:
            raise InputError(f"{path.name} line {number}: kind must be 'happening' or 'report', got {kind!r}")
    return CodedGold(tuple(happenings), tuple(reports))


def match_items(gold: CodedGold, predicted: Sequence[PredictedEvent]) -> dict[tuple[str, str], PredictedEvent | None]:
    """Each (article, happening) item's predicted event: the article's nearest event within
    ``MATCH_KM`` (of the happening's event type when the article reports several)."""
    by_article: dict[str, list[PredictedEvent]] = {}
    for event in predicted:
        by_article.setdefault(event.article_id, []).append(event)
    by_id = {h.id: h for h in gold.happenings}
    items: dict[tuple[str, str], PredictedEvent | None] = {}
    for report in gold.reports:
        several = len(report.reports) > 1
        for happening_id in report.reports:
            h = by_id.get(happening_id)
            if h is None:
                continue
            best: tuple[tuple[object, ...], PredictedEvent] | None = None
            for event in by_article.get(report.id, ()):
                if several and event.event_type != h.event_type:
                    continue
                km = great_circle_km(h.lat, h.lon, event.lat, event.lon)
                if km > reach_km(event, h):
                    continue
                # Among the events near the happening: within MATCH_KM (a province-coded
                # event stands for the happening only when no report places it nearer), of its
                # type, of its day, of its sub-type, then the nearest, the more confident, the
                # smallest id.
                key = (
                    km > MATCH_KM,
                    event.event_type != h.event_type,
                    event.event_date != h.date,
                    event.sub_event_type != h.sub_event_type,
                    round(km),
                    -event.confidence,
                    event.event_id,
                )
                if best is None or key < best[0]:
                    best = (key, event)
            items[(report.id, happening_id)] = best[1] if best else None
    return items


def reach_km(event: PredictedEvent, happening: Happening) -> float:
    """How far from ``happening`` an event may be and still be its event: ``MATCH_KM``, or
    ``REGION_MATCH_KM`` for an event coded at a province of the happening's country."""
    if event.at_province and event.country_code and event.country_code == happening.country_code:
        return REGION_MATCH_KM
    return MATCH_KM


def bcubed(gold_of: Mapping[K, str], predicted_of: Mapping[K, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of items against the gold one."""
    if not gold_of:
        return 0.0, 0.0, 0.0
    gold_members: dict[str, set[K]] = {}
    pred_members: dict[str, set[K]] = {}
    for item, cluster in gold_of.items():
        gold_members.setdefault(cluster, set()).add(item)
    for item, cluster in predicted_of.items():
        pred_members.setdefault(cluster, set()).add(item)
    precision = recall = 0.0
    for item in gold_of:
        g = gold_members[gold_of[item]]
        p = pred_members[predicted_of[item]]
        shared = len(g & p)
        precision += shared / len(p)
        recall += shared / len(g)
    precision /= len(gold_of)
    recall /= len(gold_of)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _name_forms(name: str) -> frozenset[str]:
    """The ways one actor's name may be written, folded: ACLED's "LNA: Libyan National
    Army" is also its acronym and its full name; case, hyphens, spaces and a "the" aside
    ("Al-Shabaab", "Al Shabaab"; "Group for the Support of Islam", "Group for Support of Islam")."""
    acronym, colon, full = name.partition(": ")
    forms = (acronym, full) if colon and full else (name,)
    words = (re.split(r"[\s-]+", f.casefold()) for f in forms)
    return frozenset("".join(c for w in f if w != "the" for c in w if c.isalnum()) for f in words)


def same_actors(got: Iterable[str], gold: Iterable[str]) -> bool:
    """Are ``got`` and ``gold`` the same actors, each name of one the same group as one of
    the other's (``_name_forms``), one to one?"""
    left, right = list(dict.fromkeys(got)), list(dict.fromkeys(gold))
    if len(left) != len(right):
        return False
    remaining = [_name_forms(n) for n in right]
    for name in left:
        forms = _name_forms(name)
        at = next((i for i, other in enumerate(remaining) if forms & other), None)
        if at is None:
            return False
        remaining.pop(at)
    return True


def score(gold: CodedGold, predicted: Sequence[PredictedEvent]) -> CodedScores:
    """Merging, fatality and actor scores of predicted, merged events against the gold set."""
    items = match_items(gold, predicted)
    gold_of = {item: item[1] for item in items}
    predicted_of = {
        item: (event.merged_id if event is not None else f"unmatched:{item[0]}:{item[1]}")
        for item, event in items.items()
    }
    precision, recall, f1 = bcubed(gold_of, predicted_of)
    by_merged: dict[str, PredictedEvent] = {}
    for event in predicted:
        by_merged.setdefault(event.merged_id, event)
    fatal_total = fatal_right = actor_total = actor_right = actor_exact = party_total = party_right = 0
    for h in gold.happenings:
        matched = [e for (_, hid), e in items.items() if hid == h.id and e is not None]
        main = _main_merged(matched)
        if h.fatalities is not None:
            fatal_total += 1
            fatal_right += main is not None and by_merged[main].fatalities == h.fatalities
        if h.event_type == "frontline" and h.actors:
            actor_total += 1
            actor_right += main is not None and same_actors(by_merged[main].actors, h.actors)
            actor_exact += main is not None and by_merged[main].actors == h.actors
        if h.event_type == "diplomacy" and h.actors:
            party_total += 1
            party_right += main is not None and by_merged[main].actors == h.actors
    return CodedScores(
        items=len(items),
        matched=sum(e is not None for e in items.values()),
        precision=precision,
        recall=recall,
        f1=f1,
        fatality_events=fatal_total,
        fatality_accuracy=fatal_right / fatal_total if fatal_total else 0.0,
        actor_events=actor_total,
        actor_accuracy=actor_right / actor_total if actor_total else 0.0,
        party_events=party_total,
        party_accuracy=party_right / party_total if party_total else 0.0,
        actor_accuracy_exact=actor_exact / actor_total if actor_total else 0.0,
    )


def _main_merged(matched: Iterable[PredictedEvent]) -> str | None:
    """The merged event holding most of a happening's items (ties: the smallest id)."""
    counts = Counter(e.merged_id for e in matched)
    if not counts:
        return None
    return min(counts, key=lambda m: (-counts[m], m))
