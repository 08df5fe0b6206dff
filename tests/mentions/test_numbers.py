"""Numbers in words and digits, ordinals and ranges (shared by times and event quantities)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.mentions.numbers import (
    NUMBER,
    ORDINAL,
    WORD_START,
    _words,
    find_numbers,
    parse_number,
    parse_ordinal,
)
from rasad.text.normalise import normalise_text
from rasad.text.regexes import alternation


def norm(text: str) -> str:
    return normalise_text(text).text


@pytest.mark.parametrize(("text", "expected"), [
    ("ثلاثة", 3), ("ثلاث", 3), ("ثلاثين", 30), ("ثلاثون", 30), ("عشرين", 20), ("أربعة", 4),
    ("ثمانٍ", 8), ("إحدى عشرة", 11), ("اثني عشر", 12), ("خمسة وعشرين", 25), ("تسع وتسعون", 99),
    ("مئة", 100), ("مائة", 100), ("ألف", 1000), ("خمسين", 50),
    ("5,700", 5700), ("٥٧٠٠", 5700), ("1.7", 1.7), ("twenty-one", 21), ("seven", 7),
])
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(norm(text)) == expected


@pytest.mark.parametrize("text", ["كيلومتر", "عشرات", "", "one-third"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(norm(text)) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("الأول", 1), ("الأولى", 1), ("الثامن", 8), ("الحادي عشر", 11), ("الحادي والعشرين", 21),
    ("الثلاثين", 30), ("المئة", 100), ("8th", 8), ("first", 1), ("twenty-first", 21),
])
def test_parse_ordinal(text: str, expected: int) -> None:
    assert parse_ordinal(norm(text)) == expected


def test_fragments_match_whole_expressions() -> None:
    assert re.fullmatch(NUMBER, norm("ثلاثة وعشرين"))
    assert re.fullmatch(ORDINAL, norm("الحادي والثلاثين"))
    assert not re.fullmatch(NUMBER, norm("الثالث"))


def test_find_numbers_reads_ranges_and_quantities() -> None:
    text = norm("نحو 900-1000 جندي، وبين 15 و20 يوما، وأكثر من 5700 سجين و1.7 كيلومتر وخمسين جنديا")
    found = [(m.value, m.high) for m in find_numbers(text)]
    assert found == [(900, 1000), (15, 20), (5700, None), (1.7, None), (50, None)]
    first = find_numbers(text)[0]
    assert text[first.start:first.end] == "900-1000"


# find_numbers consumes the character before a number so that the regex engine can skip ahead;
# what it finds must be what a plain word-start search finds.
_WORD_START_SEARCH = re.compile(
    rf"{WORD_START}(?P<low>{NUMBER})(?:\s*(?:{alternation(_words().joiners)})\s*(?P<high>{NUMBER}))?")


_PIECES = st.lists(st.sampled_from(["15", "1,000", "3.5", "خمسة", "وعشرين", "و20", " ", "،", ".", ",", "-",
                                    "بين", "و", "x", "ال", "جنديا", "twenty-one", "\n", "😀", "ست", "استراتيجية",
                                    "ب3", "_5", "५"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_PIECES)
def test_find_numbers_is_a_word_start_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    expected = [(m.start(), m.end()) for m in _WORD_START_SEARCH.finditer(text) if parse_number(m["low"]) is not None]
    assert [(n.start, n.end) for n in find_numbers(text)] == expected


@settings(max_examples=100, deadline=None)
@given(_PIECES)
def test_find_numbers_takes_more_word_starts_than_needed(pieces: list[str]) -> None:
    text = norm("".join(pieces))
    assert find_numbers(text, list(range(len(text)))) == find_numbers(text)
