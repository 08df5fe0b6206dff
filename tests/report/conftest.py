"""Fixtures for the report tests: an invented story export (no seed text) and a hostile variant."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

# The helper modules beside these tests (cdp, pagecheck, hostile_input) import by name under any
# pytest import mode, including importlib, which does not put test folders on sys.path.
sys.path.insert(0, str(Path(__file__).parent))

from hostile_input import make_hostile

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def story_export() -> dict[str, Any]:
    """An export of an invented three-report story, shaped like ``rasad.json``."""
    return json.loads((FIXTURES / "story_export.json").read_text(encoding="utf-8"))


@pytest.fixture()
def story_texts() -> dict[str, str]:
    """The invented reports' texts, by document id."""
    return json.loads((FIXTURES / "story_texts.json").read_text(encoding="utf-8"))


@pytest.fixture()
def hostile(story_export: dict[str, Any], story_texts: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The story with markup, bidi overrides, formulas and a very long line planted in every text field."""
    return make_hostile(story_export, story_texts)


@pytest.fixture()
def seed_outputs(request: pytest.FixtureRequest) -> Path:
    """The folder ``rasad run`` wrote for the seed reports (skipped while the pipeline cannot run)."""
    try:
        import rasad.pipeline
        import rasad.report.export  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"the pipeline cannot run yet: {exc}")
    return request.getfixturevalue("seed_run")
