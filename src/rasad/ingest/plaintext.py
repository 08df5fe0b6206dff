"""Plain-text reports, with an optional leading metadata header such as `` date 2026-02-23``."""

from __future__ import annotations

import re

from rasad.model import Article

# The header is a prefix of the first line (" date 2026-02-23 <title…>"); the rest of the line is text.
_HEADER_RE = re.compile(r"\A[\ufeff\s]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.IGNORECASE)


def read_text_article(source: str, text: str, fmt: str = "text") -> Article:
    """Build an Article from plain text, reading a leading `` date YYYY-MM-DD`` header if present."""
    match = _HEADER_RE.match(text)
    if match:
        return Article(source=source, text=text, format=fmt, published=match.group(1), body_start=match.end())
    return Article(source=source, text=text, format=fmt)
