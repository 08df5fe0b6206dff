"""Entity recognition on NewsFANE (general Arabic newswire): precision, recall and F1 stay above floors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "eval_newsfane.py"

# F1 measured with scripts/eval_newsfane.py at 21:21 UTC (exact token spans / overlapping spans):
# gpe 0.860 / 0.878, organization 0.401 / 0.456, person 0.381 / 0.530. Floors sit a little below;
# they only go up. Person and organisation recall is bounded by the knowledge base (the text is
# 2007 news) and by the given-name list.
FLOORS = {
    "gpe": {"exact": 0.83, "overlap": 0.85},
    "organization": {"exact": 0.37, "overlap": 0.42},
    "person": {"exact": 0.35, "overlap": 0.5},
}


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_newsfane", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict:
    script = _load_script()
    if not script.DEFAULT_FILE.exists():
        pytest.skip(f"NewsFANE not found at {script.DEFAULT_FILE} (set RASAD_SHARED)")
    return script.evaluate(script.DEFAULT_FILE)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_stays_above_the_floor(scores: dict, kind: str) -> None:
    for match, floor in FLOORS[kind].items():
        assert scores[kind][match]["f1"] >= floor, f"{kind} {match}: {scores[kind][match]}"


def test_iob_spans_are_read_as_written() -> None:
    script = _load_script()
    spans = script.gold_spans(["B-Nation", "O", "B-Politician", "I-Politician", "I-Media", "B-Book"])
    assert [(s.start, s.end, s.type) for s in spans] == [
        (0, 1, "gpe"), (2, 4, "person"), (4, 5, "organization"), (5, 6, None)]
