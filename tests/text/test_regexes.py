"""The written-out non-word class is exactly [^\\w] on the Basic Multilingual Plane."""

from __future__ import annotations

import re

import pytest

from rasad.text.regexes import alternation, beyond_bmp, bmp_class, non_word_bmp

PLANE = "".join(map(chr, range(0x10000)))


@pytest.mark.parametrize("pattern", [r"[^\w]", r"\w", r"[^\w\s]"])
def test_a_written_class_matches_what_its_pattern_matches_on_every_bmp_character(pattern: str) -> None:
    written = re.compile(bmp_class(pattern))
    assert [m.start() for m in written.finditer(PLANE)] == [m.start() for m in re.finditer(pattern, PLANE)]


def test_non_word_bmp() -> None:
    assert non_word_bmp() == bmp_class(r"[^\w]")


def test_beyond_bmp() -> None:
    assert not beyond_bmp("قال مصدر، u.s. \ud800")
    assert beyond_bmp("قال 😀") and beyond_bmp("𝐀")


def test_alternation_prefers_the_longer_form_and_lets_a_space_stand_for_any_run() -> None:
    pattern = re.compile(alternation(["قاعدة", "قاعدة التنف", "قوات", "us"]))
    assert pattern.match("قاعدة   التنف")[0] == "قاعدة   التنف"  # type: ignore[index]
    assert pattern.match("قاعدة الشدادي")[0] == "قاعدة"  # type: ignore[index]
    assert pattern.match("قوات")[0] == "قوات" and pattern.match("u") is None  # type: ignore[index]
