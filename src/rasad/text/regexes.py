"""Regular-expression builders shared by the stages: literal forms folded into a trie, and
character classes written out for regexes that scan whole texts.

``[^\\w]`` asks the Unicode database about every character it passes. The same set written out as
ranges compiles to a bitmap that the regex engine tests with one look-up, which makes a scan that
skips from one word boundary to the next markedly cheaper. The ranges cover the Basic Multilingual
Plane; a text with a character beyond it is scanned with ``[^\\w]`` itself (see ``beyond_bmp``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


def alternation(forms: Iterable[str]) -> str:
    """A regex matching any of the literal ``forms`` (a space matches any run of white space).

    The forms are folded into a prefix tree so that the engine rejects a position after one
    character instead of trying thousands of alternatives; at every branch the longer form wins.
    """
    trie: dict[str, dict] = {}
    for form in set(forms):
        node = trie
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def optional_slots(slots: list[list[str]]) -> str:
    """A regex for a run of affixes: one optional choice from each slot in turn ([[و, ب, ل], [ال]]
    gives (?:و|ب|ل)?(?:ال)?)."""
    return "".join(f"(?:{alternation(slot)})?" for slot in slots if slot)


def _trie_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [("\\s+" if ch == " " else re.escape(ch)) + _trie_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body if len(branches) == 1 or body.startswith("(?:") else f"(?:{body})"


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
