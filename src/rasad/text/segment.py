"""Paragraphs (non-empty lines, bullets) and sentences (Arabic and Latin punctuation), as offsets."""

from __future__ import annotations

import re

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_BULLET_RE = re.compile(r"[ \t]*(?:[-–—•●▪■◦*·]|\d{1,2}[.)])[ \t]+")
# A sentence ends at . ! ? ؟ … ؛ (and runs of them, with closing quotes/brackets) followed by space.
# A full stop between digits (1.7) or after a single Latin capital (U.S.) does not end one.
_SENTENCE_END_RE = re.compile(r"(?<!\d\.)(?<!\b[A-Z]\.)[.!?؟…؛]+[\"'”’»)\]]*(?=\s)|\.[\"'”’»)\]]*(?=\s+[«“\"(]?\S)")
_SPACE = " \t\u00a0\u200f\u200e\ufeff"


def split_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text`` from ``start``, trimmed of surrounding spaces."""
    spans = []
    for match in _LINE_RE.finditer(text, start):
        s, e = match.start(), match.end()
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def is_bullet(text: str, start: int) -> bool:
    """Whether the line at ``start`` begins with a bullet or list number."""
    return _BULLET_RE.match(text, start) is not None


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``; decimals, ranges and initials are not split."""
    spans = []
    s = start
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        e = match.end()
        if _is_decimal_point(text, match.start(), end):
            continue
        if text[s:e].strip():
            spans.append((s, e))
        s = e
        while s < end and text[s].isspace():
            s += 1
    if s < end and text[s:end].strip():
        spans.append((s, end))
    return spans


def _is_decimal_point(text: str, pos: int, end: int) -> bool:
    return text[pos] == "." and pos + 1 < end and text[pos + 1].isdigit() and pos > 0 and text[pos - 1].isdigit()
