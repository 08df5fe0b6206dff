"""English glosses of Arabic source phrases: "مصادر حكومية وكردية" -> "government and Kurdish sources".

Only a phrase made entirely of known words (``data/report/source_phrases.yaml``) is glossed; any
other is returned as ``None`` and shown as written, so a gloss never guesses.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import yaml

from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

LEXICON_FILE = DATA_DIR / "report" / "source_phrases.yaml"
ARTICLE = "ال"
AND = "و"


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    """Head nouns (normalised words -> English, plural) and adjectives (normalised -> English)."""

    nouns: dict[tuple[str, ...], tuple[str, bool]]
    adjectives: dict[str, str]


@lru_cache(maxsize=1)
def load_source_lexicon() -> SourceLexicon:
    """The source-phrase lexicon, every entry normalised as article text is."""
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    nouns = {tuple(normalise_key(k).split()): (v["en"], bool(v.get("plural"))) for k, v in data["nouns"].items()}
    adjectives = {normalise_key(k): v for k, v in data["adjectives"].items()}
    return SourceLexicon(nouns, adjectives)


def _bare(word: str, known: Collection[str]) -> tuple[str | None, bool]:
    """The lexicon form of a word and whether it carried the definite article."""
    if word in known:
        return word, False
    if word.startswith(ARTICLE) and word[len(ARTICLE):] in known:
        return word[len(ARTICLE):], True
    return None, False


def _head(words: list[str], lexicon: SourceLexicon) -> tuple[int, str, bool, bool] | None:
    """The longest head noun at the start: (words used, English, plural, definite)."""
    for size in range(min(3, len(words)), 0, -1):
        first, definite = _bare(words[0], {k[0] for k in lexicon.nouns if len(k) == size})
        if first is None:
            continue
        key = (first, *words[1:size])
        if key in lexicon.nouns:
            english, plural = lexicon.nouns[key]
            return size, english, plural, definite
    return None


def _adjective_groups(words: list[str], lexicon: SourceLexicon) -> list[list[str]] | None:
    """Adjectives in Arabic order, coordinated ones ("حكومية وكردية") grouped; None if one is unknown."""
    groups: list[list[str]] = []
    for word in words:
        bare = _bare(word, lexicon.adjectives)[0]
        if bare is None and word.startswith(AND) and groups:
            bare = _bare(word[len(AND):], lexicon.adjectives)[0]
            if bare is not None:
                groups[-1].append(lexicon.adjectives[bare])
                continue
        if bare is None:
            return None
        groups.append([lexicon.adjectives[bare]])
    return groups


def gloss_source(phrase: str) -> str | None:
    """The English for an Arabic source phrase, or None when a word of it is not in the lexicon."""
    words = normalise_key(phrase).split()
    lexicon = load_source_lexicon()
    head = _head(words, lexicon) if words else None
    if head is None:
        return None
    size, noun, plural, definite = head
    groups = _adjective_groups(words[size:], lexicon)
    if groups is None:
        return None
    # Arabic adjectives follow the noun, the most specific first; English puts them before it, reversed.
    modifiers = [" and ".join(dict.fromkeys(group)) for group in reversed(groups)]
    english = " ".join([*modifiers, noun])
    if definite:
        return f"the {english}"
    if plural:
        return english
    return f"{'an' if english[0].lower() in 'aeio' else 'a'} {english}"
