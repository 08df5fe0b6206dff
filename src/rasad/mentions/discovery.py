"""Discovery of named things missing from the knowledge base, by patterns kept as data.

Arabic patterns run over the normalised text: a head noun or a title, then a name (قاعدة X,
صحيفة «X», المبعوث الأمريكي إلى سوريا X), or a common given name and the words after it. English
cues are found in the normalised text and names are read from the original, where capital letters
tell names from words (X base, President X).
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import ahocorasick
import yaml

from rasad.paths import DATA_DIR
from rasad.text.normalise import NormText, normalise_key

_LEXICONS = DATA_DIR / "lexicons"
_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_OPEN_QUOTES = frozenset("«\"“'‘")
_CLOSE_QUOTES = frozenset("»\"”'’")
_COMMAS = frozenset("،,")
_MAX_NAME_WORDS = 3
_MAX_QUOTED_WORDS = 4
_MAX_FILLERS = 6
_MAX_TOKENS = 14  # tokens looked at after a head or title
_WINDOW = 160  # characters that hold them
_PREVIOUS_CHARS = 30  # characters before a given name searched for the word before it
_LATIN_WORD_RE = re.compile(r"[A-Za-z]{3}")
_ENGLISH_WINDOW = 80  # characters before an English cue searched for the name


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name found by a pattern: original-text span, its normalised name and what it names."""

    start: int
    end: int
    name: str  # normalised Arabic name, or the English name as written
    type: str
    subtype: str | None
    lang: str
    en_head: str | None = None  # English head word for the English name ("base")
    head: str | None = None  # normalised Arabic head kept in the name ("قاعده")
    display: str | None = None  # the name as written, head included ("قاعدة قسرك")


@dataclass(frozen=True, slots=True)
class _Head:
    type: str
    subtype: str | None
    en: str | None
    quoted: bool
    keep_head: bool
    canonical: str
    written: str  # the head as a reader writes it (قاعدة)
    definite: bool  # the name ends in a word with the article (منطقة فنادق العباسية)
    min_words: int = 1  # unquoted names shorter than this are common nouns (منطقة الجزاء)
    not_names: frozenset[str] = frozenset()  # words that make an unquoted phrase a common noun


class _Token(NamedTuple):
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _EnglishPattern:
    type: str
    subtype: str | None
    en: str | None
    name_before: bool  # the name stands before the cue ("Qasrak base"), else after ("President X")
    capitalised: bool  # the cue counts only when written with a capital ("President", not "president")
    name: re.Pattern[str]


def _keys(words: list[str] | None) -> frozenset[str]:
    return frozenset(normalise_key(w) for w in words or [])


@dataclass(frozen=True, slots=True)
class DiscoveryPatterns:
    """The Arabic and English discovery patterns, normalised at load."""

    heads: dict[str, _Head]
    titles: frozenset[str]
    given_names: frozenset[str]
    name_blockers: frozenset[str]  # words before a given name that make it part of another name
    name_links: frozenset[str]  # words inside a name that call for one more (بن, أبو)
    fillers: frozenset[str]
    linkers: frozenset[str]
    stopwords: frozenset[str]
    triggers: ahocorasick.Automaton  # head nouns and titles, with proclitics, each followed by a space
    english: tuple[_EnglishPattern, ...]
    english_cues: ahocorasick.Automaton  # lower-cased cue -> (index into english, length)
    english_stopwords: frozenset[str]


def _read(path: str) -> dict[str, Any]:
    return yaml.safe_load((_LEXICONS / path).read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def load_patterns() -> DiscoveryPatterns:
    """Load and normalise the discovery patterns (once per process)."""
    ar = _read("ar/entity_patterns.yaml")
    clitics = _read("ar/clitics.yaml")
    heads: dict[str, _Head] = {}
    for spec in ar.get("heads", []):
        words = [normalise_key(w) for w in spec["words"]]
        head = _Head(spec["type"], spec.get("subtype"), spec.get("en"), bool(spec.get("quoted")),
                     bool(spec.get("keep_head")), words[0], spec["words"][0], bool(spec.get("definite")),
                     int(spec.get("min_words", 1)), _keys(spec.get("not_names")))
        heads.update({w: head for w in words})
    titles = _keys(ar.get("titles"))
    proclitics = tuple(sorted(_keys(clitics.get("before_bare")), key=len, reverse=True))
    given_names = _keys(ar.get("given_names"))
    triggers = ahocorasick.Automaton()
    for word in set(heads) | titles | given_names:
        for prefix in ("", *proclitics):
            triggers.add_word(f"{prefix}{word} ", (len(prefix), word))
    triggers.make_automaton()
    en = _read("en/entity_patterns.yaml")
    name = en["name"]
    name_before = re.compile(rf"(?:the\s+)?(?P<name>{name})\s+$")
    name_after = re.compile(rf"\s+(?P<name>{name})")
    english = tuple(
        _EnglishPattern(p["type"], p.get("subtype"), p.get("en"), p["side"] == "before", bool(p.get("capitalised")),
                        name_before if p["side"] == "before" else name_after)
        for p in en.get("patterns", [])
    )
    english_cues = ahocorasick.Automaton()
    for i, p in enumerate(en.get("patterns", [])):
        for cue in p["cues"]:
            english_cues.add_word(normalise_key(cue), (i, len(normalise_key(cue))))
    english_cues.make_automaton()
    return DiscoveryPatterns(
        heads=heads,
        titles=titles,
        given_names=given_names,
        name_blockers=_keys(ar.get("name_blockers")),
        name_links=_keys(ar.get("name_links")),
        fillers=_keys(ar.get("title_fillers")),
        linkers=_keys(ar.get("title_linkers")),
        stopwords=_keys(ar.get("stopwords")),
        triggers=triggers,
        english_cues=english_cues,
        english=english,
        english_stopwords=frozenset(en.get("stopwords") or []),
    )


@dataclass(frozen=True, slots=True)
class _KnownSpans:
    """Sorted normalised spans of names already recognised."""

    spans: list[tuple[int, int]]

    def covers(self, token: _Token) -> bool:
        i = bisect.bisect_right(self.spans, (token.start, sys.maxsize)) - 1
        return i >= 0 and self.spans[i][0] <= token.start and token.end <= self.spans[i][1]


def _tokens_after(text: str, pos: int) -> list[_Token]:
    """The tokens after ``pos`` up to the end of the line (a name never runs across a line break)."""
    end = text.find("\n", pos, pos + _WINDOW)
    matches = itertools.islice(_TOKEN_RE.finditer(text, pos, end if end >= 0 else pos + _WINDOW), _MAX_TOKENS)
    return [_Token(m.group(), m.start(), m.end()) for m in matches]


def _is_word(token: _Token) -> bool:
    return token.text.isalpha()


def _looks_like_adjective(word: str) -> bool:
    # An indefinite nisba (عسكرية, حدودي) after a head noun is an adjective, not a name.
    return not word.startswith("ال") and (word.endswith("يه") or (word.endswith("ي") and len(word) > 3))


def _name_words(tokens: list[_Token], i: int, pats: DiscoveryPatterns, max_words: int) -> int:
    """How many tokens from ``i`` form a name (0 if none)."""
    n = 0
    while i + n < len(tokens) and n < max_words:
        tok = tokens[i + n]
        if not _is_word(tok) or len(tok.text) < 2 or tok.text in pats.stopwords or tok.text in pats.fillers:
            break
        if n > 0 and tok.text.startswith("و"):
            break  # a conjunction ends the name: حقلي العمر وكونيكو
        if n > 0 and tok.start != tokens[i + n - 1].end + 1:
            break  # only single spaces inside a name
        n += 1
    return n


def _quoted(tokens: list[_Token], i: int) -> tuple[int, int] | None:
    """(first, end) token indices of a quoted span starting at ``i``, or None."""
    if i >= len(tokens) or tokens[i].text not in _OPEN_QUOTES:
        return None
    for j in range(i + 1, min(len(tokens), i + 2 + _MAX_QUOTED_WORDS)):
        if tokens[j].text in _CLOSE_QUOTES:
            return (i + 1, j) if j > i + 1 and all(_is_word(t) for t in tokens[i + 1:j]) else None
    return None


def _strip_conjunction(token: _Token) -> _Token | None:
    if token.text.startswith("و") and len(token.text) > 1:
        return _Token(token.text[1:], token.start + 1, token.end)
    return None


def _head_candidates(original: str, norm: NormText, end: int, trigger: str, head: _Head,
                     pats: DiscoveryPatterns) -> list[Candidate]:
    text = norm.text
    tokens = _tokens_after(text, end)
    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        span = _quoted(tokens, i)
        if span:
            first, stop = span
        elif head.quoted:
            break
        else:
            first = i
            stop = i + _name_words(tokens, i, pats, _MAX_NAME_WORDS)
            if stop == first or _looks_like_adjective(tokens[first].text):
                break
            if head.definite and not tokens[stop - 1].text.startswith("ال"):
                break
            if stop - first < head.min_words or any(t.text in head.not_names for t in tokens[first:stop]):
                break
        if tokens[first].text in pats.stopwords or tokens[first].text in pats.heads:
            break
        name = " ".join(t.text for t in tokens[first:stop])
        s, e = tokens[first].start, tokens[stop - 1].end
        if head.keep_head:
            name = f"{head.canonical} {name}"
            if not out and not span:
                s = end - len(trigger)
        o_start, o_end = norm.to_original(s, e)
        n_start, n_end = norm.to_original(tokens[first].start, e)
        display = original[n_start:n_end]
        if head.keep_head:
            display = f"{head.written} {display}"
        out.append(Candidate(o_start, o_end, name, head.type, head.subtype, "ar", head.en,
                             head.canonical if head.keep_head else None, display))
        # a list after a plural or dual head: قاعدتي «العمر» و«كونيكو», حقلي العمر وكونيكو
        i = stop + (1 if span else 0)
        if trigger == head.canonical:
            break  # only a dual or plural head introduces a list
        if i < len(tokens) and tokens[i].text == "و":
            i += 1
        elif i < len(tokens) and (nxt := _strip_conjunction(tokens[i])) and not span:
            tokens[i] = nxt
        else:
            break
    return out


def _person_candidate(original: str, norm: NormText, end: int, pats: DiscoveryPatterns,
                      known: _KnownSpans) -> Candidate | None:
    tokens = _tokens_after(norm.text, end)
    i = 0
    fillers = 0
    while i < len(tokens) and fillers < _MAX_FILLERS:
        tok = tokens[i]
        span = _quoted(tokens, i)
        if span:
            i = span[1] + 1
        elif known.covers(tok):
            i += 1  # a known name completes the title: وزير خارجية [روسيا], قائد [قسد]
        elif tok.text in pats.linkers:
            i += 2
        elif tok.text in pats.fillers:
            i += 1
        else:
            break
        fillers += 1
    if i < len(tokens) and tokens[i].text in _COMMAS:
        i += 1
    if i >= len(tokens) or tokens[i].text.startswith("ال") or tokens[i].text.endswith("ه"):
        return None  # a given name comes first: no article, and not a feminine noun (حكومة, هيئة)
    n = _name_words(tokens, i, pats, _MAX_NAME_WORDS)
    while n and any(known.covers(t) for t in tokens[i:i + n]):
        n -= 1
    if n < 2:
        return None
    s, e = tokens[i].start, tokens[i + n - 1].end
    o_start, o_end = norm.to_original(s, e)
    return Candidate(o_start, o_end, " ".join(t.text for t in tokens[i:i + n]), "person", None, "ar",
                     display=original[o_start:o_end])


def _arabic_candidates(original: str, norm: NormText, pats: DiscoveryPatterns,
                       known: _KnownSpans) -> list[Candidate]:
    text = norm.text
    out: list[Candidate] = []
    for end, (clitic, trigger) in pats.triggers.iter_long(text):
        start = end - len(trigger) - clitic
        if start > 0 and text[start - 1].isalnum():
            continue  # inside a word: أمطار is not مطار
        head = pats.heads.get(trigger)
        if head:
            out.extend(_head_candidates(original, norm, end, trigger, head, pats))
        elif trigger in pats.titles:
            person = _person_candidate(original, norm, end, pats, known)
            if person:
                out.append(person)
        elif not clitic or text[start] == "و":
            person = _given_name_candidate(original, norm, start + clitic, end, pats, known)
            if person:
                out.append(person)
    return out


def _given_name_candidate(original: str, norm: NormText, start: int, end: int, pats: DiscoveryPatterns,
                          known: _KnownSpans) -> Candidate | None:
    """A common given name and the one or two name words after it (أسعد الشيباني)."""
    before = norm.text[max(0, start - _PREVIOUS_CHARS):start].split()
    if before and (before[-1] in pats.name_blockers or before[-1].removeprefix("و") in pats.name_blockers):
        return None
    tokens = _tokens_after(norm.text, end)
    n = _name_words(tokens, 0, pats, _MAX_NAME_WORDS - 1)
    if n > 1 and tokens[0].text not in pats.given_names and tokens[0].text not in pats.name_links:
        n = 1  # a third word only after a second given name or a link (محمد حسني مبارك, أسامة بن لادن)
    while n and (any(known.covers(t) for t in tokens[:n]) or tokens[n - 1].text.startswith("لل")):
        n -= 1
    if n < 1 or tokens[0].start != end + 1:
        return None
    o_start, o_end = norm.to_original(start, tokens[n - 1].end)
    name = " ".join([norm.text[start:end], *(t.text for t in tokens[:n])])
    return Candidate(o_start, o_end, name, "person", None, "ar", display=original[o_start:o_end])


def _english_cues(norm: NormText, pats: DiscoveryPatterns) -> Iterator[tuple[_EnglishPattern, int, int]]:
    """Cue words as whole words, with their pattern and original span."""
    text = norm.text
    for end, (index, length) in pats.english_cues.iter_long(text):
        start = end - length + 1
        if (start > 0 and text[start - 1].isalnum()) or (end + 1 < len(text) and text[end + 1].isalnum()):
            continue
        yield pats.english[index], *norm.to_original(start, end + 1)


def _english_candidates(text: str, norm: NormText, pats: DiscoveryPatterns) -> list[Candidate]:
    out: list[Candidate] = []
    for pattern, cue_start, cue_end in _english_cues(norm, pats):
        if pattern.capitalised and not text[cue_start].isupper():
            continue
        if pattern.name_before:
            m = pattern.name.search(text, max(0, cue_start - _ENGLISH_WINDOW), cue_start)
        else:
            m = pattern.name.match(text, cue_end)
        if not m:
            continue
        words = m.group("name").split()
        start = m.start("name")
        while words and words[0] in pats.english_stopwords:
            start = text.index(words[0], start) + len(words[0])
            words = words[1:]
        if not words or words[-1] in pats.english_stopwords:
            continue
        start = text.index(words[0], start)
        out.append(Candidate(start, m.end("name"), " ".join(words), pattern.type, pattern.subtype, "en", pattern.en))
    return out


def discover(text: str, norm: NormText, known: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Every name in a report that a discovery pattern finds, in text order.

    ``known`` are normalised spans of names already recognised; a person's name never includes them.
    """
    pats = load_patterns()
    found = _arabic_candidates(text, norm, pats, _KnownSpans(sorted(known or [])))
    if _LATIN_WORD_RE.search(text):
        found += _english_candidates(text, norm, pats)
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, -c.end)):
        if not any(k.type == candidate.type and k.start <= candidate.start and candidate.end <= k.end for k in kept):
            kept.append(candidate)  # a title and a given name may find one person twice
    return kept
