"""Who says so: source phrases after reporting verbs ("قال مسؤول", "نقلت وكالة عن مسؤول كبير")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from operator import methodcaller
from typing import NamedTuple

from rasad.events.lexicon import AttributionLexicon, attribution_cues, settings
from rasad.model import Attribution
from rasad.text.regexes import beyond_bmp, bmp_class

_TOKEN = re.compile(r"\w+|[^\w\s]")
# The same tokens, the classes written out (rasad.text.regexes): for texts up to U+FFFF.
_TOKEN_BMP = re.compile(bmp_class(r"\w") + "+|" + bmp_class(r"[^\w\s]"))
# Punctuation that ends a source phrase; «» are left out because Arabic papers quote names in them.
_PUNCT_STOPS = frozenset("،,:؛;.!?“”\"(")


class NamedSpan(NamedTuple):
    """An entity mention in normalised offsets, with what the stage needs of its entity."""

    start: int
    end: int
    entity: str
    type: str  # entity type: person, organization, gpe, …
    subtype: str | None = None


class SourceCue(NamedTuple):
    """A reporting cue in a sentence and the source phrase it introduces (normalised offsets)."""

    cue_start: int
    cue_end: int
    start: int  # the source phrase
    end: int
    kind: str
    entity: str | None
    via: tuple[int, int] | None
    head: str  # the head word or entity id, to resolve "وقال المصدر" later
    statement: bool  # a named speaker whose words may be news in themselves


def _entity_at(spans: list[NamedSpan], start: int, end: int) -> NamedSpan | None:
    for span in spans:
        if start <= span.start < end:
            return span
    return None


_SPEAKER_TYPES = ("person", "organization", "gpe")
_ADDRESSEE_MARKERS = frozenset({"الى", "to"})


_START = methodcaller("start")


def _addressee(word: str, lex: AttributionLexicon) -> bool:
    """A medium or a person addressed with a joined preposition ends a source phrase: "مصادر محلية
    لموقع …", "للصحيفة", "لوكالة" (the source spoke to them; they are not part of it)."""
    for prefix in lex.addressee_prefixes:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix):]
            if lex.heads.labels.get(rest) == "media" or lex.heads.labels.get("ال" + rest) == "media":
                return True
    return False


class _Tokens:
    """The tokens of a sentence, read only as far as they are asked for: a source phrase is a few
    words after its cue, and the rest of the sentence is never tokenised."""

    __slots__ = ("_matches", "_read")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._matches = (_TOKEN if beyond_bmp(text[start:end]) else _TOKEN_BMP).finditer(text, start, end)
        self._read: list[re.Match[str]] = []

    def has(self, j: int) -> bool:
        """Whether there is a token number ``j``."""
        read = self._read
        while len(read) <= j:
            token = next(self._matches, None)
            if token is None:
                return False
            read.append(token)
        return True

    def __getitem__(self, j: int) -> re.Match[str]:
        self.has(j)
        return self._read[j]

    def between(self, i: int, j: int) -> list[re.Match[str]]:
        self.has(j - 1)
        return self._read[i:j]

    def after(self, offset: int) -> int:
        """The number of the first token starting at or after ``offset``."""
        read = self._read
        while (not read or read[-1].start() < offset) and self.has(len(read)):
            pass
        return bisect_left(read, offset, key=_START)  # tokens are in text order


def _token_at(tokens: _Tokens, offset: int) -> int:
    """The number of the token starting at ``offset``, else 0."""
    k = tokens.after(offset)
    return k if tokens.has(k) and tokens[k].start() == offset else 0


def _close_name(tokens: _Tokens, j: int, end: int) -> tuple[int, int]:
    """Extend a name over a closing quote and an acronym in brackets: «…» (سنتكوم)."""
    if tokens.has(j) and tokens[j].group() == "»":
        end, j = tokens[j].end(), j + 1
    if tokens.has(j) and tokens[j].group() == "(":
        close = next((k for k in range(j, j + 5) if tokens.has(k) and tokens[k].group() == ")"), None)
        if close is not None:
            end, j = tokens[close].end(), close + 1
    return end, j


def _entity_phrase(text: str, tokens: _Tokens, entity: NamedSpan, lex: AttributionLexicon,
                   spans: list[NamedSpan], start: int, heads: dict[int, tuple[str, int]]) -> SourceCue:
    """A source named by an entity, possibly a medium citing another source ("رويترز عن مسؤول")."""
    end, j = _close_name(tokens, tokens.after(entity.end), entity.end)
    if tokens.has(j) and tokens[j].group() in lex.via:
        cited = _phrase(text, tokens, j + 1, lex, spans, heads)
        if cited is not None:
            return SourceCue(0, 0, start, cited.end, "media", cited.entity or entity.entity, (start, end),
                             entity.entity, False)
    kind = "named"
    return SourceCue(0, 0, start, end, kind, entity.entity, None, entity.entity, entity.type == "person")


def _head_phrase(text: str, tokens: _Tokens, i: int, label: str, head_end: int,
                 lex: AttributionLexicon, spans: list[NamedSpan], heads: dict[int, tuple[str, int]]) -> SourceCue:
    """A source introduced by a head noun and its description ("مصادر أمنية عراقية")."""
    first = tokens[i]
    end, named, via = first.end(), None, None
    j, words, limit = i, 0, settings().source_words
    while words < limit and tokens.has(j):
        word = tokens[j].group()
        if word in _PUNCT_STOPS or lex.bare(word) in lex.stops or word in lex.stops or _addressee(word, lex):
            person = _entity_at(spans, tokens[j + 1].start(), tokens[j + 1].end()) if tokens.has(j + 1) else None
            if word in "،," and named is None and person is not None and person.type == "person":
                end, named = person.end, person  # apposition: "وزير الداخلية الليبي، سالم الورفلي"
            break
        if word in lex.via and via is None and (label == "media" or named is not None):
            cited = _phrase(text, tokens, j + 1, lex, spans, heads)
            if cited is None:
                break
            return SourceCue(0, 0, first.start(), cited.end, "media", cited.entity, (first.start(), end),
                             lex.head_word(text[first.start():head_end]), False)
        inner = _entity_at(spans, tokens[j].start(), tokens[j].end())
        if inner is not None:
            end, j = _close_name(tokens, tokens.after(inner.end), inner.end)
            if named is None or inner.type == "person":
                named = inner
            if inner.type in ("person", "organization"):
                nxt = tokens[j].group() if tokens.has(j) else ""
                if nxt not in lex.via:
                    break
            words += 1
            continue
        end = tokens[j].end()
        j, words = j + 1, words + 1
    while j > i and lex.bare(text[tokens[j - 1].start():tokens[j - 1].end()]) in lex.stops:
        j -= 1
    head_word = lex.head_word(text[first.start():head_end])
    kind = {"anonymous": "anonymous", "media": "media"}.get(label, "named")
    if named is not None and named.type == "person":
        kind = "named"
    statement = (named is not None and named.type == "person") or head_word in lex.statement_heads
    return SourceCue(0, 0, first.start(), end, kind, named.entity if named else None, None, head_word, statement)


def _phrase(text: str, tokens: _Tokens, i: int, lex: AttributionLexicon,
            spans: list[NamedSpan], heads: dict[int, tuple[str, int]]) -> SourceCue | None:
    """The source phrase starting at token ``i`` (after its cue), or None if none starts there."""
    while tokens.has(i) and tokens[i].group() in "«\"“":
        i += 1
    if not tokens.has(i):
        return None
    first = tokens[i]
    head = heads.get(first.start())
    if head is not None:
        return _head_phrase(text, tokens, i, head[0], head[1], lex, spans, heads)
    if lex.modifiers_first:
        # "according to local residents": descriptions before the head
        for k in range(i + 1, i + 3):
            if not tokens.has(k):
                break
            word = tokens[k - 1].group()
            if word in _PUNCT_STOPS or not word[:1].isalpha() or word.lower() in lex.stops:
                break
            head = heads.get(tokens[k].start())
            if head is not None:
                found = _head_phrase(text, tokens, k, head[0], head[1], lex, spans, heads)
                return found._replace(start=first.start())
    entity = _entity_at(spans, first.start(), first.end())
    if entity is not None and entity.type in _SPEAKER_TYPES:
        return _entity_phrase(text, tokens, entity, lex, spans, first.start(), heads)
    return None


def find_sources(text: str, start: int, end: int, lang: str, spans: list[NamedSpan]) -> list[SourceCue]:
    """Every reporting cue in the normalised sentence ``text[start:end]`` with its source phrase."""
    lex = attribution_cues(lang)
    cues = lex.cues.find(text, start, end)
    if not cues:
        return []
    heads = {s: (label, e) for s, e, label in lex.heads.find(text, start, end)}
    tokens = _Tokens(text, _reading_start(text, start, cues[0][0]), end)
    found = []
    for cue_start, cue_end, _label in cues:
        k = tokens.after(cue_end)
        source = _phrase(text, tokens, k, lex, spans, heads)
        if source is None and found and cue_start - found[-1].end <= settings().restated_within:
            source = found[-1]  # "مصادر كردية تحدثت إلى الصحيفة، قالت إن …": the same source again
        if source is None:
            source = _phrase_before(text, tokens, _token_at(tokens, cue_start), lex, spans, cue_start, heads)
        if source is not None and source.via is None and lex.bare(text[cue_start:cue_end]) in lex.needs_via:
            continue
        if source is not None:
            found.append(SourceCue(cue_start, cue_end, source.start, source.end, source.kind, source.entity,
                                   source.via, source.head, source.statement))
    return found


def _reading_start(text: str, start: int, first_cue: int) -> int:
    """Where to start reading tokens: far enough before the first cue for a source standing before
    its verb (``source_words_before`` words, two modifiers and the word before them; every
    space-separated chunk holds at least one token), and no further."""
    lo = first_cue
    for _ in range(settings().source_words_before + 4):
        lo = text.rfind(" ", start, lo)
        if lo < 0:
            return start
    return lo


def _phrase_before(text: str, tokens: _Tokens, cue_index: int, lex: AttributionLexicon,
                   spans: list[NamedSpan], cue_start: int, heads: dict[int, tuple[str, int]]) -> SourceCue | None:
    for k in range(max(0, cue_index - settings().source_words_before), cue_index):
        if k and tokens[k - 1].group() in _ADDRESSEE_MARKERS:
            continue  # "تحدثت إلى الصحيفة": the one spoken to is not the source
        source = _phrase(text, tokens, k, lex, spans, heads)
        if source is not None and not any(t.group() in _PUNCT_STOPS for t in tokens.between(k, cue_index)):
            start = _modifiers_before(tokens, k, lex) if lex.modifiers_first else source.start
            return SourceCue(0, 0, start, min(source.end, cue_start), source.kind, source.entity,
                             source.via, source.head, source.statement)
    return None


def _modifiers_before(tokens: _Tokens, k: int, lex: AttributionLexicon) -> int:
    """Where the description stands before the head ("an American official"), where it starts."""
    start = tokens[k].start()
    for j in range(k - 1, max(-1, k - 3), -1):
        word = tokens[j].group()
        if word in _PUNCT_STOPS or word.lower() in lex.stops or not word[:1].isalpha():
            break
        start = tokens[j].start()
    return start


def is_anaphoric(source: SourceCue, text: str, lang: str) -> bool:
    """Whether the phrase is a bare definite head ("المصدر") that refers back to an earlier source."""
    return " ".join(text[source.start:source.end].split()) in attribution_cues(lang).anaphoric


def to_attribution(source: SourceCue, original: str, to_original: Callable[[int, int], tuple[int, int]],
                   antecedent: str | None = None) -> Attribution:
    """The model's Attribution for a source cue, with text and offsets in the original text."""
    start, end = to_original(source.start, source.end)
    phrase = original[start:end].strip("«» ")
    if antecedent and antecedent != phrase:
        phrase = f"{phrase} ({antecedent})"
    via = None
    if source.via:
        v_start, v_end = to_original(*source.via)
        via = original[v_start:v_end].strip("«» ")
    return Attribution(source.kind, phrase, source.entity, start, end, via)
