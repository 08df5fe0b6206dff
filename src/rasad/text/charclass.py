"""A character class for regular expressions that scan whole texts: the non-word characters.

``[^\\w]`` asks the Unicode database about every character it passes. The same set written out as
ranges compiles to a bitmap that the regex engine tests with one look-up, which makes a scan that
skips from one word boundary to the next markedly cheaper. The ranges cover the Basic Multilingual
Plane; a text with a character beyond it is scanned with ``[^\\w]`` itself (see ``beyond_bmp``).
"""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8)
def bmp_class(pattern: str) -> str:
    """The one-character regex ``pattern`` (``\\w``, ``[^\\w\\s]`` …) written out as a class of the
    characters up to U+FFFF that it matches."""
    plane = "".join(map(chr, range(0x10000)))
    ranges = [(m.start(), m.end() - 1) for m in re.finditer(f"(?:{pattern})+", plane)]
    return "[" + "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


def non_word_bmp() -> str:
    """A regex class matching exactly the characters up to U+FFFF that ``[^\\w]`` matches."""
    return bmp_class(r"[^\w]")


def beyond_bmp(text: str) -> bool:
    """Whether ``text`` has a character past U+FFFF (one that UTF-16 writes with two code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
