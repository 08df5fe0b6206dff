"""Fixtures for the report tests: an invented story export (no seed text) and a hostile variant."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
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
