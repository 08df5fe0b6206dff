"""Golden files: the event mentions found in each seed report stay as reviewed.

Regenerate with ``scripts/update_golden_events.py`` after a deliberate change and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.events.golden import golden_events, seed_docs
from rasad.model import Doc

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "events"


@pytest.fixture(scope="module")
def docs(seeds_dir: Path) -> dict[str, Doc]:
    return {Path(doc.file).stem: doc for doc in seed_docs(seeds_dir)}


def test_every_seed_has_a_golden_file(docs: dict[str, Doc]) -> None:
    assert sorted(docs) == sorted(p.stem for p in GOLDEN_DIR.glob("*.json"))


@pytest.mark.parametrize("stem", sorted(p.stem for p in GOLDEN_DIR.glob("*.json")))
def test_seed_events_match_golden(stem: str, docs: dict[str, Doc]) -> None:
    want = json.loads((GOLDEN_DIR / f"{stem}.json").read_text(encoding="utf-8"))
    got = golden_events(docs[stem])
    assert got == want, "event mentions changed: review and run scripts/update_golden_events.py"


def test_seed_mentions_point_at_their_sentence(docs: dict[str, Doc]) -> None:
    for doc in docs.values():
        for mention in doc.events:
            assert mention.sentence[0] <= mention.trigger[0] < mention.trigger[1] <= mention.sentence[1]
            assert mention.role in ("body", "translation", "summary")
