"""Normalisation for matching, with an offset map back to the original text.

Every lexicon, gazetteer entry and article passes through ``normalise_text`` so that they meet in
one form: alef forms, alef maqsura, ta marbuta, hamza seats, diacritics, tatweel, Arabic-Indic and
Persian digits, no-break and other spaces, presentation forms, bidi and zero-width marks, Latin
case. The normalised text is for matching only; every span found in it is mapped back with
``NormText.to_original`` so that what rasad reports points at the real characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Character classes are data about the script, kept here because this module *is* the mapper.
_DELETE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # diacritics, Quranic marks
    "\u0640"  # tatweel
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad"  # zero-width, bidi, soft hyphen
)
_DELETE_RE = re.compile(f"[{_DELETE}]")
_ONE_TO_ONE = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ۍ": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "٪": "%", "٫": ".", "٬": ",",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ",
    "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u2009": " ",
    "\u200a": " ", "\u205f": " ", "\u3000": " ", "\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)  # Persian (Extended Arabic-Indic) digits
# str.lower() turns capital sigma into final or medial sigma depending on its neighbours; fold it
# per character so that a span normalises the same alone as in context.
_ONE_TO_ONE["\u03a3"] = "\u03c3"
_TABLE = str.maketrans(_ONE_TO_ONE)
# Presentation forms and other compatibility characters need NFKC, which may turn one character
# into several (the lam-alef ligature into two letters); they take the slow, per-character path.
_COMPAT_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe\uff01-\uff5e\ufb00-\ufb06\u2460-\u24ff]")


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalised text plus, for each of its characters, the offset of its source character."""

    text: str
    index: np.ndarray  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the span of original characters it came from."""
        item = self.index.item  # a Python int, without the numpy scalar int(self.index[i]) would make
        if end <= start:
            o = item(start)
            return o, o
        return item(start), item(end - 1) + 1

    def to_norm(self, offset: int) -> int:
        """The first normalised position whose source is at or after ``offset`` in the original."""
        return int(np.searchsorted(self.index, offset, side="left"))

    def span_to_norm(self, start: int, end: int) -> tuple[int, int]:
        return self.to_norm(start), self.to_norm(end)


def _fold_char(ch: str) -> str:
    """Normalise one character (slow path): NFKC, then the same folding as the fast path."""
    if _DELETE_RE.fullmatch(ch):
        return ""
    out = unicodedata.normalize("NFKC", ch) if _COMPAT_RE.fullmatch(ch) else ch
    out = _DELETE_RE.sub("", out).translate(_TABLE)
    return out.lower()


def _slow(text: str) -> NormText:
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        parts.append(folded)
        index.extend([i] * len(folded))
    index.append(len(text))
    return NormText("".join(parts), np.asarray(index, dtype=np.int64))


@lru_cache(maxsize=1)
def _code_tables() -> tuple[np.ndarray, np.ndarray]:
    """Per BMP code point: the code point it folds to, and whether it is deleted (built once, lazily)."""
    folds = np.arange(0x10000, dtype=np.uint32)
    for source, target in _ONE_TO_ONE.items():
        folds[ord(source)] = ord(target)
    deleted = np.zeros(0x10000, dtype=bool)
    for match in _DELETE_RE.finditer("".join(map(chr, range(0x10000)))):
        deleted[match.start()] = True
    return folds, deleted


# Below this length str.translate is quicker than setting up the vectorised table lookup.
_VECTOR_MIN_LENGTH = 256


def _fold_vectorised(text: str) -> tuple[str, np.ndarray]:
    """Fold and delete characters of a long text with table lookups over its code points."""
    folds, deleted = _code_tables()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bmp = codes < 0x10000
    low = codes & 0xFFFF
    keep = ~(bmp & deleted[low])
    folded = np.where(bmp, folds[low], codes)[keep]
    return folded.tobytes().decode("utf-32-le", "surrogatepass"), np.flatnonzero(keep)


def _fold_translate(text: str) -> tuple[str, np.ndarray]:
    """Fold and delete characters of a short text with str.translate."""
    deleted = [m.start() for m in _DELETE_RE.finditer(text)]
    folded = text.translate(_TABLE)
    if not deleted:
        return folded, np.arange(len(text), dtype=np.int64)
    keep = np.ones(len(text), dtype=bool)
    keep[deleted] = False
    return _DELETE_RE.sub("", folded), np.flatnonzero(keep)


def normalise_text(text: str) -> NormText:
    """Normalise ``text`` for matching and keep the map back to the original offsets."""
    if _COMPAT_RE.search(text):
        return _slow(text)
    fold = _fold_vectorised if len(text) >= _VECTOR_MIN_LENGTH else _fold_translate
    folded, index = fold(text)
    lowered = folded.lower()
    if len(lowered) != len(folded):  # a rare Latin letter whose lower case is two characters
        return _slow(text)
    return NormText(lowered, np.append(index, len(text)).astype(np.int64))


_SPACES_RE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise_key(text: str) -> str:
    """The normalised form of a lexicon or gazetteer entry: normalised, spaces collapsed, trimmed."""
    return _SPACES_RE.sub(" ", normalise_text(text).text).strip()
