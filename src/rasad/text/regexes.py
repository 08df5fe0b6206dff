"""Regular-expression helpers shared by the stages: literal forms folded into a trie, character
classes written out for regexes that scan whole texts, the openings a pattern can start with, and
``finditer`` tried only where a match may start.

``[^\\w]`` asks the Unicode database about every character it passes. The same set written out as
ranges compiles to a bitmap that the regex engine tests with one look-up, which makes a scan that
skips from one word boundary to the next markedly cheaper. The ranges cover the Basic Multilingual
Plane; a text with a character beyond it is scanned with ``[^\\w]`` itself (see ``beyond_bmp``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

try:
    from re import _parser as _sre_parser  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parser  # type: ignore[no-redef]


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


@lru_cache(maxsize=8)
def document_beyond_bmp(text: str) -> bool:
    """``beyond_bmp`` for a whole document, asked once per document by each scan of its sentences
    (a string caches its hash, so asking again costs a dictionary look-up)."""
    return beyond_bmp(text)


def first_strings(pattern: str, length: int = 1) -> frozenset[str] | None:
    """The strings of ``length`` characters a match of the regex ``pattern`` can start with, or None
    if that cannot be told (a class like \\w, a case-insensitive flag, a match that may be shorter,
    too many strings). Used to put a cheap test in front of a pattern tried at many positions."""
    try:
        parsed = _sre_parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    out: set[str] = set()
    return frozenset(out) if _strings(list(parsed), length, "", out, 0) else None


_ZERO_WIDTH = ("ASSERT", "ASSERT_NOT", "AT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _strings(items: list, length: int, prefix: str, out: set[str], depth: int) -> bool:
    """Add to ``out`` the ``length``-character strings a match of ``items`` can start with, after
    ``prefix``; False when they cannot be told."""
    if len(prefix) == length:
        out.add(prefix)
        return len(out) <= 512
    if not items or depth > 64:
        return False  # the match may end (or the pattern nest) before ``length`` characters
    (op, arg), rest = items[0], items[1:]
    name = str(op)
    if name in _ZERO_WIDTH:
        return _strings(rest, length, prefix, out, depth + 1)
    if name == "LITERAL":
        return _strings(rest, length, prefix + chr(arg), out, depth + 1)
    if name == "IN":
        chars = _class_chars(arg)
        return chars is not None and all(_strings(rest, length, prefix + c, out, depth + 1) for c in chars)
    if name == "BRANCH":
        return all(_strings(list(branch) + rest, length, prefix, out, depth + 1) for branch in arg[1])
    if name == "SUBPATTERN":
        return not arg[1] & re.IGNORECASE and _strings(list(arg[3]) + rest, length, prefix, out, depth + 1)
    if name in _REPEATS:
        low, high, body = arg
        options = [rest] if low == 0 else []
        if high != 0:
            again = (op, (max(0, low - 1), high if high == _sre_parser.MAXREPEAT else high - 1, body))
            options.append(list(body) + [again] + rest)
        return all(_strings(option, length, prefix, out, depth + 1) for option in options)
    return False


def _class_chars(items: list) -> list[str] | None:
    """The characters of a class ``[…]`` made of literals and small ranges, else None."""
    chars: list[str] = []
    for kind, value in items:
        if str(kind) == "LITERAL":
            chars.append(chr(value))
        elif str(kind) == "RANGE" and value[1] - value[0] < 64:
            chars.extend(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars


def matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, given every position where a match may start (sorted;
    more are harmless), for a pattern that cannot match the empty string."""
    resume = 0  # finditer goes on from the end of the last match
    for at in starts:
        if at >= resume and (m := pattern.match(text, at)):
            resume = m.end()
            yield m
