"""The temporal and number vocabularies: no entry twice after normalisation, every table loads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.mentions.temporal.lexicon import load_time_lexicon
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

FILES = ["months.yaml", "ar/hijri.yaml", "ar/time.yaml", "en/time.yaml", "ar/numbers.yaml", "en/numbers.yaml"]
LITERAL_KEYS = {"conjunctions"}  # separators, matched as written


def word_lists(node: object, path: str = "") -> list[tuple[str, list[str]]]:
    """Every list of words in a YAML tree, with where it is."""
    if isinstance(node, dict):
        return [found for key, value in node.items() if key not in LITERAL_KEYS
                for found in word_lists(value, f"{path}/{key}")]
    if isinstance(node, list) and all(isinstance(item, str) for item in node):
        return [(path, node)]
    return []


def tables(raw: dict) -> list[tuple[str, list[str]]]:
    """Tables whose entries must be distinct across all their values (month names, weekdays…)."""
    groups = {key: raw[key] for key in ("cardinals", "ordinals", "weekdays", "months") if key in raw}
    if all(isinstance(k, int) for k in raw):
        groups["months"] = raw
    out = []
    for key, table in groups.items():
        out.append((key, [w for _, words in word_lists(table) for w in words]))
    return out


@pytest.mark.parametrize("name", FILES)
def test_no_duplicates_after_normalisation(name: str) -> None:
    raw = yaml.safe_load((DATA_DIR / "lexicons" / name).read_text(encoding="utf-8"))
    for where, words in word_lists(raw) + tables(raw):
        keys = [normalise_key(w) for w in words]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        assert duplicates == [], f"{name}{where}: {duplicates}"


def test_entries_are_stable_under_normalisation() -> None:
    lex = load_time_lexicon()
    for form in list(lex.months) + list(lex.weekdays) + list(lex.units) + list(lex.deictics):
        assert normalise_key(form) == form


def test_sources_are_recorded() -> None:
    sources = (DATA_DIR / "lexicons" / "SOURCES-time.md").read_text(encoding="utf-8")
    for name in FILES:
        assert Path(name).as_posix() in sources, name
