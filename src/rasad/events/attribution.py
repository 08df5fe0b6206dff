"""Who says so: source phrases after reporting verbs ("قال مسؤول", "نقلت وكالة عن مسؤول كبير")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from operator import methodcaller
from typing import NamedTuple

from rasad.events.lexicon import AttributionLexicon, attribution_cues, settings
from rasad.model import Attribution

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Punctuation that ends a source phrase; «» are left out because Arabic papers quote names in them.
_PUNCT_STOPS = frozenset("،,:؛;.!?“”\"(")
_CLITIC = re.compile(r"^(?:لل|[وفبلك])(?=\w{2})")
_ARTICLE = re.compile(r"^ال(?=\w{2})")


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


def _strip(word: str) -> str:
    return _CLITIC.sub("", word)


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


def _token_after(tokens: list[re.Match[str]], offset: int) -> int:
    return bisect_left(tokens, offset, key=_START)  # tokens are in text order


def _token_at(tokens: list[re.Match[str]], offset: int) -> int:
    """The number of the token starting at ``offset``, else 0."""
    k = _token_after(tokens, offset)
    return k if k < len(tokens) and tokens[k].start() == offset else 0


def _close_name(tokens: list[re.Match[str]], j: int, end: int) -> tuple[int, int]:
    """Extend a name over a closing quote and an acronym in brackets: «…» (سنتكوم)."""
    if j < len(tokens) and tokens[j].group() == "»":
        end, j = tokens[j].end(), j + 1
    if j < len(tokens) and tokens[j].group() == "(":
        close = next((k for k in range(j, min(j + 5, len(tokens))) if tokens[k].group() == ")"), None)
        if close is not None:
            end, j = tokens[close].end(), close + 1
    return end, j


def _entity_phrase(text: str, tokens: list[re.Match[str]], entity: NamedSpan, lex: AttributionLexicon,
                   spans: list[NamedSpan], start: int, heads: dict[int, tuple[str, int]]) -> SourceCue:
    """A source named by an entity, possibly a medium citing another source ("رويترز عن مسؤول")."""
    end, j = _close_name(tokens, _token_after(tokens, entity.end), entity.end)
    if j < len(tokens) and tokens[j].group() in lex.via:
        cited = _phrase(text, tokens, j + 1, lex, spans, heads)
        if cited is not None:
            return SourceCue(0, 0, start, cited.end, "media", cited.entity or entity.entity, (start, end),
                             entity.entity, False)
    kind = "named"
    return SourceCue(0, 0, start, end, kind, entity.entity, None, entity.entity, entity.type == "person")


def _head_phrase(text: str, tokens: list[re.Match[str]], i: int, label: str, head_end: int,
                 lex: AttributionLexicon, spans: list[NamedSpan], heads: dict[int, tuple[str, int]]) -> SourceCue:
    """A source introduced by a head noun and its description ("مصادر أمنية عراقية")."""
    first = tokens[i]
    end, named, via = first.end(), None, None
    j, words, limit = i, 0, settings().source_words
    while j < len(tokens) and words < limit:
        word = tokens[j].group()
        if word in _PUNCT_STOPS or _strip(word) in lex.stops or word in lex.stops or _addressee(word, lex):
            person = _entity_at(spans, tokens[j + 1].start(), tokens[j + 1].end()) if j + 1 < len(tokens) else None
            if word in "،," and named is None and person is not None and person.type == "person":
                end, named = person.end, person  # apposition: "وزير الداخلية الليبي، سالم الورفلي"
            break
        if word in lex.via and via is None and (label == "media" or named is not None):
            cited = _phrase(text, tokens, j + 1, lex, spans, heads)
            if cited is None:
                break
            return SourceCue(0, 0, first.start(), cited.end, "media", cited.entity, (first.start(), end),
                             _ARTICLE.sub("", _strip(text[first.start():head_end])), False)
        inner = _entity_at(spans, tokens[j].start(), tokens[j].end())
        if inner is not None:
            end, j = _close_name(tokens, _token_after(tokens, inner.end), inner.end)
            if named is None or inner.type == "person":
                named = inner
            if inner.type in ("person", "organization"):
                nxt = tokens[j].group() if j < len(tokens) else ""
                if nxt not in lex.via:
                    break
            words += 1
            continue
        end = tokens[j].end()
        j, words = j + 1, words + 1
    while j > i and _strip(text[tokens[j - 1].start():tokens[j - 1].end()]) in lex.stops:
        j -= 1
    head_word = _ARTICLE.sub("", _strip(text[first.start():head_end]))
    kind = {"anonymous": "anonymous", "media": "media"}.get(label, "named")
    if named is not None and named.type == "person":
        kind = "named"
    statement = (named is not None and named.type == "person") or head_word in lex.statement_heads
    return SourceCue(0, 0, first.start(), end, kind, named.entity if named else None, None, head_word, statement)


def _phrase(text: str, tokens: list[re.Match[str]], i: int, lex: AttributionLexicon,
            spans: list[NamedSpan], heads: dict[int, tuple[str, int]]) -> SourceCue | None:
    """The source phrase starting at token ``i`` (after its cue), or None if none starts there."""
    while i < len(tokens) and tokens[i].group() in "«\"“":
        i += 1
    if i >= len(tokens):
        return None
    first = tokens[i]
    head = heads.get(first.start())
    if head is not None:
        return _head_phrase(text, tokens, i, head[0], head[1], lex, spans, heads)
    if lex.modifiers_first:
        # "according to local residents": descriptions before the head
        for k in range(i + 1, min(i + 3, len(tokens))):
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
    tokens = list(_TOKEN.finditer(text, start, end))
    found = []
    for cue_start, cue_end, _label in cues:
        k = _token_after(tokens, cue_end)
        source = _phrase(text, tokens, k, lex, spans, heads)
        if source is None and found and cue_start - found[-1].end <= settings().restated_within:
            source = found[-1]  # "مصادر كردية تحدثت إلى الصحيفة، قالت إن …": the same source again
        if source is None:
            source = _phrase_before(text, tokens, _token_at(tokens, cue_start), lex, spans, cue_start, heads)
        if source is not None and source.via is None and _strip(text[cue_start:cue_end]) in lex.needs_via:
            continue
        if source is not None:
            found.append(SourceCue(cue_start, cue_end, source.start, source.end, source.kind, source.entity,
                                   source.via, source.head, source.statement))
    return found


def _phrase_before(text: str, tokens: list[re.Match[str]], cue_index: int, lex: AttributionLexicon,
                   spans: list[NamedSpan], cue_start: int, heads: dict[int, tuple[str, int]]) -> SourceCue | None:
    for k in range(max(0, cue_index - settings().source_words_before), cue_index):
        if k and tokens[k - 1].group() in _ADDRESSEE_MARKERS:
            continue  # "تحدثت إلى الصحيفة": the one spoken to is not the source
        source = _phrase(text, tokens, k, lex, spans, heads)
        if source is not None and not any(t.group() in _PUNCT_STOPS for t in tokens[k:cue_index]):
            start = _modifiers_before(tokens, k, lex) if lex.modifiers_first else source.start
            return SourceCue(0, 0, start, min(source.end, cue_start), source.kind, source.entity,
                             source.via, source.head, source.statement)
    return None


def _modifiers_before(tokens: list[re.Match[str]], k: int, lex: AttributionLexicon) -> int:
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
