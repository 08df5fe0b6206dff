#!/usr/bin/env python3
"""Benchmark event fusion, the status board and disagreements on a synthetic load.

The load is built from the seed gold's events (``shared/gold/seeds/*.yaml``: type, status, place
keys, when): report copy ``n`` of seed report ``s`` repeats its events with every place moved to one
of ``PLACES`` synthetic places (``place#k``) and every date shifted by ``n`` weeks, so blocks stay
realistic (a handful of mentions per type, status and place) while the total grows. Story clustering
is left out: it embeds at most one lead per report (none for copies, translations and reports
already linked by shared entities) and is measured by ``scripts/bench.py``.

usage: bench_fusion.py [MENTIONS ...]      default: 1000 2500 5000 10000 20000
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

from rasad.fusion.board import assess_board
from rasad.fusion.disagreements import find_disagreements
from rasad.fusion.events import fuse_events
from rasad.fusion.places import PlaceIndex
from rasad.fusion.settings import load_settings
from rasad.model import Attribution, Doc, Entity, EventMention
from rasad.paths import shared_dir
from rasad.text.normalise import normalise_text

PLACES = 400


def _shift(value: str | None, weeks: int) -> str | None:
    """An ISO value moved by ``weeks`` weeks (days stay days; months and years become their first day)."""
    if not value:
        return None
    out = []
    for part in str(value).split("/"):
        if part in ("", ".."):
            out.append(part)
            continue
        bits = [int(b) for b in part.split("-")] + [1, 1]
        out.append((date(bits[0], bits[1], bits[2]) + timedelta(weeks=weeks)).isoformat())
    return "/".join(out)


def seed_reports(gold: Path) -> list[list[dict]]:
    """The gold events of each seed report."""
    return [yaml.safe_load(f.read_text(encoding="utf-8")).get("events", [])
            for f in sorted(gold.glob("0*.yaml"))]


def synthetic_docs(reports: list[list[dict]], mentions: int) -> tuple[list[Doc], dict[str, Entity]]:
    """Copies of the seed reports with moved places and shifted dates, ``mentions`` mentions in all."""
    docs: list[Doc] = []
    norm = normalise_text("x")
    total, n = 0, 0
    while total < mentions:
        events = reports[n % len(reports)]
        doc_id = f"d:{n:06d}"
        found = []
        for k, g in enumerate(events):
            if total >= mentions:
                break
            places = tuple(f"{p}#{(n // len(reports) + k) % PLACES}" for p in g.get("place") or [])
            found.append(EventMention(
                doc=doc_id, type=g["type"], status=g["status"], trigger=(k, k + 1), sentence=(k, k + 1),
                place=places[0] if places else None, places=places, when=_shift(g.get("when"), n // len(reports)),
                attribution=Attribution("outlet", "")))
            total += 1
        published = (date(2026, 2, 23) + timedelta(weeks=n // len(reports))).isoformat()
        docs.append(Doc(id=doc_id, file=doc_id, text="x", norm=norm, published=published,
                        published_basis="header", events=found))
        n += 1
    return docs, {}


def measure(docs: list[Doc], entities: dict[str, Entity]) -> float:
    """Seconds to fuse events, build the board and find disagreements (best of three)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        places = PlaceIndex(entities, load_settings())
        events = fuse_events(docs, places)
        _, contests = assess_board(events, docs, places)
        find_disagreements(events, docs, places, contests)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [1000, 2500, 5000, 10000, 20000]
    reports = seed_reports(shared_dir() / "gold" / "seeds")
    print(f"{'mentions':>9} {'reports':>8} {'seconds':>8} {'µs/mention':>11}")
    for size in sizes:
        docs, entities = synthetic_docs(reports, size)
        seconds = measure(docs, entities)
        print(f"{size:>9} {len(docs):>8} {seconds:>8.3f} {seconds / size * 1e6:>11.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
