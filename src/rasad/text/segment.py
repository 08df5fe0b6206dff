"""Paragraphs (non-empty lines, bullets) and sentences (Arabic and Latin punctuation), as offsets."""

from __future__ import annotations

import re
from bisect import bisect_right

_LINE_RE = re.compile(r"[^\n\r\u2028\u2029]+")
_BULLET_RE = re.compile(r"[ \t]*(?:[-–—•●▪■◦*·]|\d{1,2}[.)])[ \t]+")
# A sentence ends at . ! ? ؟ … ؛ (and runs of them, with closing quotes/brackets) before white space,
# so a full stop inside a number (1.7) never ends one; nor does the one after a Latin initial (U.S.).
# (The initials test is a lookbehind after the punctuation: one placed first would run at every character.)
_SENTENCE_END_RE = re.compile(r"[.!?؟…؛]+(?<!\b[A-Z]\.)[\"'”’»)\]]*(?=\s)")
_SPACE = " \t\u00a0\u200f\u200e\ufeff"


def split_lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of ``text`` from ``start``, trimmed of surrounding spaces."""
    spans = []
    for match in _LINE_RE.finditer(text, start):
        line = match.group()
        body = line.strip(_SPACE)
        if body:
            s = match.start() + len(line) - len(line.lstrip(_SPACE))
            spans.append((s, s + len(body)))
    return spans


def is_bullet(text: str, start: int) -> bool:
    """Whether the line at ``start`` begins with a bullet or list number."""
    return _BULLET_RE.match(text, start) is not None


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within ``text[start:end]``; decimals, ranges and initials are not split."""
    return sentences_of_segments(text, [(start, end)])[0]


def sentences_of_segments(text: str, segments: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Sentence spans of each segment, found with one pass over the text they cover."""
    if not segments:
        return []
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(text, segments[0][0], segments[-1][1])]
    out = []
    for seg_start, seg_end in segments:
        spans = []
        s = seg_start
        for e in ends[bisect_right(ends, seg_start) : bisect_right(ends, seg_end)]:
            spans.append((s, e))
            s = _skip_spaces(text, e, seg_end)
        if s < seg_end:
            spans.append((s, seg_end))
        out.append(spans)
    return out


def _skip_spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos
