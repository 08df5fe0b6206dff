"""English spellings and stable ids for names that have no English form in the knowledge base."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

_TABLE_FILE = DATA_DIR / "lexicons" / "transliteration.yaml"
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
# Latin spellings for sounds Arabic writes with one letter (or lacks: p, v), so skeletons compare.
_LATIN_SOUNDS = (("ck", "k"), ("c", "k"), ("p", "b"), ("v", "f"), ("x", "ks"), ("g", "j"), ("jh", "g"))


@dataclass(frozen=True, slots=True)
class _Scheme:
    letters: dict[str, str]
    long_vowels: dict[str, str]
    final: dict[str, str]
    initial: dict[str, str]
    endings: dict[str, str]
    article: str


@lru_cache(maxsize=1)
def _scheme() -> _Scheme:
    data = yaml.safe_load(_TABLE_FILE.read_text(encoding="utf-8"))

    def table(key: str) -> dict[str, str]:
        return {normalise_key(k): str(v or "") for k, v in (data.get(key) or {}).items()}

    return _Scheme(table("letters"), table("long_vowels"), table("final"), table("initial"), table("endings"),
                   str(data.get("article", "al-")))


def _word(word: str, scheme: _Scheme) -> str:
    article = ""
    if word.startswith("ال") and len(word) > 3:
        article, word = scheme.article, word[2:]
    ending = next((e for e in scheme.endings if word.endswith(e) and len(word) > len(e) + 1), "")
    if ending:
        word = word[:-len(ending)]
    out: list[str] = []
    for i, ch in enumerate(word):
        last = i == len(word) - 1 and not ending
        between = 0 < i and not last
        if i == 0 and ch in scheme.initial:
            out.append(scheme.initial[ch])
        elif last and ch in scheme.final:
            out.append(scheme.final[ch])
        elif between and ch in scheme.long_vowels:
            out.append(scheme.long_vowels[ch])
        else:
            out.append(scheme.letters.get(ch, ch))
    latin = "".join(out) + scheme.endings.get(ending, "")
    return article + latin[:1].upper() + latin[1:] if latin else article.rstrip("-")


def transliterate(name: str) -> str:
    """A readable Latin spelling of an Arabic name ("الشدادي" -> "al-Shaddadi"); Latin text is kept."""
    if not _ARABIC_RE.search(name):
        return name
    scheme = _scheme()
    words = normalise_key(name).split()
    return " ".join(_word(w, scheme) for w in words if w)


def slugify(name: str) -> str:
    """A lowercase ascii, hyphenated id fragment for ``name`` (transliterated first when Arabic)."""
    latin = transliterate(name).lower()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "x"


def consonant_skeleton(name: str) -> str:
    """Consonants of a name without the article, for matching spellings across scripts ("Qasrak" ~ "قسرك")."""
    latin = transliterate(name).lower()
    latin = re.sub(r"\b(?:al|el)[- ]", "", latin)
    for written, sound in _LATIN_SOUNDS:
        latin = latin.replace(written, sound)
    consonants = re.sub(r"[^a-z]|[aeiouwy]", "", latin)
    return re.sub(r"(.)\1+", r"\1", consonants)
