#!/usr/bin/env python3
"""Regenerate tests/golden/events/<seed>.json: the event mentions rasad finds in each seed report.

Each file holds, per mention: type, status, when, place ids, trigger offsets, attribution kind,
role, hedged and background flags (no report text). Run after a deliberate change to the event
stage or the stages before it, review the diff, and commit it with the change.

usage: scripts/update_golden_events.py [SEEDS_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasad.events.golden import golden_events, seed_docs
from rasad.paths import shared_dir

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "tests" / "golden" / "events"


def main(argv: list[str]) -> int:
    seeds = Path(argv[0]) if argv else shared_dir() / "corpus" / "seeds"
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for doc in seed_docs(seeds):
        path = GOLDEN_DIR / f"{Path(doc.file).stem}.json"
        path.write_text(json.dumps(golden_events(doc), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(doc.events)} mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
