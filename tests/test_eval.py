"""The evaluation gate: the seed reports scored against the shared gold, with floors that only rise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rasad.paths import shared_dir

SHARED = shared_dir()

FLOORS = json.loads((Path(__file__).parent / "eval_floors.json").read_text(encoding="utf-8"))
METRICS = sorted(k for k in FLOORS if not k.startswith("_"))


@pytest.fixture(scope="module")
def scores(seed_run: Path, seeds_dir: Path, gold_dir: Path) -> dict[str, float]:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"scorer not found at {scorer}")
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold_dir), str(seed_run / "rasad.json"), str(seeds_dir), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize("metric", METRICS)
def test_seed_score_meets_floor(scores: dict[str, float], metric: str) -> None:
    assert scores.get(metric) is not None, f"{metric} was not scored"
    assert scores[metric] >= FLOORS[metric], f"{metric} fell to {scores[metric]} (floor {FLOORS[metric]})"


def test_no_seed_document_missing(scores: dict) -> None:
    assert scores.get("missing_docs") == []


def test_floors_are_within_range() -> None:
    assert all(0.0 <= FLOORS[m] <= 1.0 for m in METRICS)
