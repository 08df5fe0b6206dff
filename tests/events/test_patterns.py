"""Regex helpers: the openings a pattern can start with, and the one-pass sentence scanner."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.events.lexicon import hedge_cues, status_cues, word_patterns
from rasad.text.regexes import first_strings
from rasad.events.status import _scan


@pytest.mark.parametrize(("pattern", "length", "expected"), [
    ("(?:ab|c)d", 2, {"ab", "cd"}),
    ("(?:ab|c)d", 1, {"a", "c"}),
    ("ab{0,3}c", 2, {"ab", "ac"}),
    ("[a-c]d", 2, {"ad", "bd", "cd"}),
    ("(?<!\\w)(?:لم|لن)\\s+", 2, {"لم", "لن"}),
    ("(?<!\\w)[وف]?قد\\s+", 2, {"قد", "وق", "فق"}),
    ("x*y", 1, {"x", "y"}),
])
def test_first_strings(pattern: str, length: int, expected: set[str]) -> None:
    assert first_strings(pattern, length) == expected


@pytest.mark.parametrize("pattern", ["a?", "\\w+", "(?i)abc", "x*y", "(?:a|b)+", ".b", "[^a]b"])
def test_first_strings_gives_up_when_it_cannot_tell(pattern: str) -> None:
    assert first_strings(pattern, 2) is None


def _each_alone(text: str, start: int, end: int, lang: str) -> list[list[tuple[int, int]]]:
    words = word_patterns(lang)
    parts = [status_cues(lang)[1], words.negation, words.subjunctive_verb, *words.denials]
    parts += [hedge_cues(lang)[1]] if hedge_cues(lang)[1] else []
    return [[m.span() for m in p.finditer(text, start, end)] for p in parts]


PIECES = ["لم", "لن", "لا", "ليس", "ان", "قد", "وقد", "تنسحب", "يتم", "تزال", "خطط", "باي", "قبل", "الانسحاب",
          "not", "didn't", "no", "plans", "withdraw", " ", "  ", "،", "«", "\n", "x", "😀", "𝐀"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.data(), st.sampled_from(["ar", "en"]))
def test_one_pass_scanner_finds_what_each_pattern_finds_alone(pieces: list[str], data: st.DataObject,
                                                              lang: str) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _scan(text, start, end, lang) == _each_alone(text, start, end, lang)
