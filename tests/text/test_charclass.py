"""The written-out non-word class is exactly [^\\w] on the Basic Multilingual Plane."""

from __future__ import annotations

import re

from rasad.text.charclass import beyond_bmp, non_word_bmp


def test_the_class_is_not_word_on_every_bmp_character() -> None:
    plane = "".join(map(chr, range(0x10000)))
    written = re.compile(non_word_bmp())
    assert [m.start() for m in written.finditer(plane)] == [m.start() for m in re.finditer(r"[^\w]", plane)]


def test_beyond_bmp() -> None:
    assert not beyond_bmp("قال مصدر، u.s. \ud800")
    assert beyond_bmp("قال 😀") and beyond_bmp("𝐀")
