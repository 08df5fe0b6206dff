"""The document layer's data files: valid, normalised at load, no duplicates after normalisation."""

from __future__ import annotations

import re

import yaml

from rasad.text.lexicon import LEXICONS, month_numbers, page_lexicon
from rasad.text.normalise import normalise_key


def test_boilerplate_patterns_compile_and_are_written_normalised() -> None:
    data = yaml.safe_load((LEXICONS / "boilerplate.yaml").read_text("utf-8"))
    patterns = data["boilerplate"] + data["summary_markers"]
    assert len(patterns) == len(set(patterns))
    for pattern in patterns:
        re.compile(pattern)
        letters = re.sub(r"[^\u0600-\u06ffA-Za-z]", "", re.sub(r"\\.", "", pattern))
        assert normalise_key(letters) == letters, f"pattern not in normalised form: {pattern}"
    assert page_lexicon().boilerplate.pattern


def test_months_cover_twelve_and_are_unique_after_normalisation() -> None:
    data = yaml.safe_load((LEXICONS / "months.yaml").read_text("utf-8"))
    names = [normalise_key(n) for entry in data.values() for ns in entry.values() for n in ns]
    assert len(names) == len(set(names))
    assert set(month_numbers().values()) == set(range(1, 13))
