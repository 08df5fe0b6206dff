"""Who says so: source phrases after reporting verbs ("قال مسؤول", "نقلت وكالة عن مسؤول كبير")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from rasad.events.lexicon import AttributionLexicon, attribution_cues, settings
from rasad.model import Attribution

_TOKEN = re.compile(r"\w+|[^\w\s]")
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
_STRETCH = 30  # characters tokenised at a time: a source phrase is a few words


def _addressee(word: str, lex: AttributionLexicon) -> bool:
    """A medium or a person addressed with a joined preposition ends a source phrase: "مصادر محلية
    لموقع …", "للصحيفة", "لوكالة" (the source spoke to them; they are not part of it)."""
    for prefix in lex.addressee_prefixes:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix):]
            if lex.heads.labels.get(rest) == "media" or lex.heads.labels.get("ال" + rest) == "media":
                return True
    return False


@lru_cache(maxsize=8192)
def _ends_phrase(word: str, lang: str) -> bool:
    """Whether ``word`` ends a source phrase: punctuation, a stop word, a medium spoken to (cached:
    the words after reporting verbs repeat)."""
    lex = attribution_cues(lang)
    return word in _PUNCT_STOPS or lex.bare(word) in lex.stops or word in lex.stops or _addressee(word, lex)


def _tokenise(text: str, start: int, stop: int, tokens: list[tuple[int, int]], words: list[str]) -> None:
    """Add the tokens of ``text[start:stop]`` (``start`` and ``stop`` at a space or the sentence's
    ends). A word between spaces that is all letters and digits is one token (``isalnum`` is ``\\w``
    without "_"); the token regex, which costs far more per token, reads only the others."""
    for chunk in text[start:stop].split(" "):
        end = start + len(chunk)
        if chunk.isalnum():
            tokens.append((start, end))
            words.append(chunk)
        elif chunk.isprintable():  # no white space within: its tokens follow one another
            for word in _TOKEN.findall(chunk):
                tokens.append((start, start + len(word)))
                words.append(word)
                start += len(word)
        elif chunk:
            for token in _TOKEN.finditer(text, start, end):
                tokens.append(token.span())
                words.append(token.group())
        start = end + 1


@lru_cache(maxsize=4096)
def _head_word(word: str, lang: str) -> str:
    """``AttributionLexicon.head_word``, cached: heads and their forms are few."""
    return attribution_cues(lang).head_word(word)


@lru_cache(maxsize=1024)
def _needs_via(cue: str, lang: str) -> bool:
    """Whether the reporting verb ``cue`` counts only with a cited source (cached: cue forms are few)."""
    lex = attribution_cues(lang)
    return lex.bare(cue) in lex.needs_via


class _Reader:
    """Reads a sentence for source phrases from a space on. Its tokens are read a stretch at a time,
    only as far as they are asked for: a source phrase is a few words after its cue, and the rest of
    the sentence is never tokenised."""

    __slots__ = ("text", "lang", "lex", "spans", "heads", "tokens", "words", "_first", "_read", "_end")

    def __init__(self, text: str, start: int, end: int, lang: str, spans: list[NamedSpan],
                 heads: dict[int, tuple[str, int]]) -> None:
        self.text, self.lang, self.lex, self.spans, self.heads = text, lang, attribution_cues(lang), spans, heads
        self.tokens: list[tuple[int, int]] = []  # (start, end) of each token read
        self.words: list[str] = []  # and its text
        self._first, self._read, self._end = start, start, end

    def has(self, j: int) -> bool:
        """Whether there is a token number ``j`` (reading it if need be)."""
        while j >= len(self.tokens) and self._read < self._end:
            stop = self.text.find(" ", self._read + _STRETCH, self._end)
            stop = self._end if stop < 0 else stop
            _tokenise(self.text, self._read, stop, self.tokens, self.words)
            self._read = stop + 1
        return j < len(self.tokens)

    def read_from(self, start: int) -> None:
        """Read the tokens from ``start`` (a space or the sentence's start) on, if it comes before the
        first read: the numbers of the tokens already read move up."""
        if start < self._first:
            tokens: list[tuple[int, int]] = []
            words: list[str] = []
            _tokenise(self.text, start, self._first, tokens, words)
            self.tokens[:0], self.words[:0], self._first = tokens, words, start

    def after(self, offset: int) -> int:
        """The number of the first token starting at or after ``offset``."""
        tokens = self.tokens
        while (not tokens or tokens[-1][0] < offset) and self.has(len(tokens)):
            pass
        return bisect_left(tokens, (offset,))  # tokens are in text order

    def token_at(self, offset: int) -> int:
        """The number of the token starting at ``offset``, else 0."""
        k = self.after(offset)
        return k if self.has(k) and self.tokens[k][0] == offset else 0

    def close_name(self, j: int, end: int) -> tuple[int, int]:
        """Extend a name over a closing quote and an acronym in brackets: «…» (سنتكوم)."""
        if self.has(j) and self.words[j] == "»":
            end, j = self.tokens[j][1], j + 1
        if self.has(j) and self.words[j] == "(":
            close = next((k for k in range(j, j + 5) if self.has(k) and self.words[k] == ")"), None)
            if close is not None:
                end, j = self.tokens[close][1], close + 1
        return end, j

    def phrase(self, i: int) -> SourceCue | None:
        """The source phrase starting at token ``i`` (after its cue), or None if none starts there."""
        while self.has(i) and self.words[i] in "«\"“":
            i += 1
        if not self.has(i):
            return None
        tokens, heads = self.tokens, self.heads
        first = tokens[i][0]
        head = heads.get(first)
        if head is not None:
            return self.head_phrase(i, *head)
        if self.lex.modifiers_first:
            # "according to local residents": descriptions before the head
            for k in range(i + 1, i + 3):
                if not self.has(k):
                    break
                word = self.words[k - 1]
                if word in _PUNCT_STOPS or not word[:1].isalpha() or word.lower() in self.lex.stops:
                    break
                head = heads.get(tokens[k][0])
                if head is not None:
                    return self.head_phrase(k, *head)._replace(start=first)
        entity = _entity_at(self.spans, *tokens[i])
        if entity is not None and entity.type in _SPEAKER_TYPES:
            return self.entity_phrase(entity, first)
        return None

    def entity_phrase(self, entity: NamedSpan, start: int) -> SourceCue:
        """A source named by an entity, possibly a medium citing another source ("رويترز عن مسؤول")."""
        end, j = self.close_name(self.after(entity.end), entity.end)
        if self.has(j) and self.words[j] in self.lex.via:
            cited = self.phrase(j + 1)
            if cited is not None:
                return SourceCue(0, 0, start, cited.end, "media", cited.entity or entity.entity, (start, end),
                                 entity.entity, False)
        return SourceCue(0, 0, start, end, "named", entity.entity, None, entity.entity, entity.type == "person")

    def head_phrase(self, i: int, label: str, head_end: int) -> SourceCue:
        """A source introduced by a head noun and its description ("مصادر أمنية عراقية")."""
        text, lex, tokens, spans = self.text, self.lex, self.tokens, self.spans
        first, end = tokens[i]
        named = None
        j, words, limit = i, 0, settings().source_words
        while words < limit and self.has(j):
            start, stop = tokens[j]
            word = self.words[j]
            if _ends_phrase(word, self.lang):
                person = _entity_at(spans, *tokens[j + 1]) if self.has(j + 1) else None
                if word in "،," and named is None and person is not None and person.type == "person":
                    end, named = person.end, person  # apposition: "وزير الداخلية الليبي، سالم الورفلي"
                break
            if word in lex.via and (label == "media" or named is not None):
                cited = self.phrase(j + 1)
                if cited is None:
                    break
                return SourceCue(0, 0, first, cited.end, "media", cited.entity, (first, end),
                                 _head_word(text[first:head_end], self.lang), False)
            inner = _entity_at(spans, start, stop)
            if inner is not None:
                end, j = self.close_name(self.after(inner.end), inner.end)
                if named is None or inner.type == "person":
                    named = inner
                if inner.type in ("person", "organization"):
                    nxt = self.words[j] if self.has(j) else ""
                    if nxt not in lex.via:
                        break
                words += 1
                continue
            end = stop
            j, words = j + 1, words + 1
        head_word = _head_word(text[first:head_end], self.lang)
        kind = {"anonymous": "anonymous", "media": "media"}.get(label, "named")
        if named is not None and named.type == "person":
            kind = "named"
        statement = (named is not None and named.type == "person") or head_word in lex.statement_heads
        return SourceCue(0, 0, first, end, kind, named.entity if named else None, None, head_word, statement)

    def phrase_before(self, cue_index: int, cue_start: int) -> SourceCue | None:
        """A source standing before its verb, within ``source_words_before`` words of it."""
        for k in range(max(0, cue_index - settings().source_words_before), cue_index):
            if k and self.words[k - 1] in self.lex.addressee_markers:
                continue  # "تحدثت إلى الصحيفة": the one spoken to is not the source
            source = self.phrase(k)
            if source is not None and not any(self.words[t] in _PUNCT_STOPS for t in range(k, cue_index)):
                start = self.modifiers_before(k) if self.lex.modifiers_first else source.start
                return SourceCue(0, 0, start, min(source.end, cue_start), source.kind, source.entity,
                                 source.via, source.head, source.statement)
        return None

    def modifiers_before(self, k: int) -> int:
        """Where the description stands before the head ("an American official"), where it starts."""
        start = self.tokens[k][0]
        for j in range(k - 1, max(-1, k - 3), -1):
            word = self.words[j]
            if word in _PUNCT_STOPS or word.lower() in self.lex.stops or not word[:1].isalpha():
                break
            start = self.tokens[j][0]
        return start


def find_sources(text: str, start: int, end: int, lang: str, spans: list[NamedSpan]) -> list[SourceCue]:
    """Every reporting cue in the normalised sentence ``text[start:end]`` with its source phrase
    (``spans``: the sentence's entity mentions)."""
    lex = attribution_cues(lang)
    cues = lex.cues.find(text, start, end)
    if not cues:
        return []
    heads = {s: (label, e) for s, e, label in lex.heads.find(text, start, end)}
    # Read from the last space before the first cue ends; the words before it only if a source may
    # stand before its verb.
    sentence = _Reader(text, max(start, text.rfind(" ", start, cues[0][1])), end, lang, spans, heads)
    found = []
    for cue_start, cue_end, _label in cues:
        source = sentence.phrase(sentence.after(cue_end))
        if source is None and found and cue_start - found[-1].end <= settings().restated_within:
            source = found[-1]  # "مصادر كردية تحدثت إلى الصحيفة، قالت إن …": the same source again
        if source is None:
            sentence.read_from(_reading_start(text, start, cues[0][0]))
            source = sentence.phrase_before(sentence.token_at(cue_start), cue_start)
        if source is not None and source.via is None and _needs_via(text[cue_start:cue_end], lang):
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
