"""Who says so: source phrases after reporting verbs ("قال مسؤول", "نقلت رويترز عن مسؤول رفيع")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.events.lexicon import AttributionLexicon, attribution_cues
from rasad.model import Attribution

_TOKEN = re.compile(r"\w+|[^\w\s]")
# Punctuation that ends a source phrase; «» are left out because Arabic papers quote names in them.
_PUNCT_STOPS = frozenset("،,:؛;.!?“”\"(")
# A source phrase is a head and a few words of description, never a whole clause.
MAX_WORDS = 7
# A source may stand this many words before its verb ("مصادر كردية تحدثت إلى …").
MAX_WORDS_BEFORE = 3
_CLITIC = re.compile(r"^(?:[وفبلك]|لل)(?=\w{2})")


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """An entity mention in normalised offsets, with what the stage needs of its entity."""

    start: int
    end: int
    entity: str
    type: str  # entity type: person, organization, gpe, …
    subtype: str | None = None


@dataclass(frozen=True, slots=True)
class SourceCue:
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


def _head_label(lex: AttributionLexicon, text: str, start: int, end: int) -> tuple[str, int] | None:
    """The label and end of a source head (anonymous, media, title) starting the span, if any."""
    for cue_start, cue_end, label in lex.heads.find(text, start, end):
        if cue_start == start:
            return label, cue_end
    return None


def _phrase(text: str, tokens: list[re.Match[str]], i: int, lex: AttributionLexicon,
            spans: list[NamedSpan]) -> SourceCue | None:
    """The source phrase starting at token ``i`` (without the cue), or None if none starts there."""
    if i >= len(tokens):
        return None
    first = tokens[i]
    head = _head_label(lex, text, first.start(), tokens[min(i + 3, len(tokens) - 1)].end())
    entity = _entity_at(spans, first.start(), first.end())
    if entity is None and first.group() in "«":
        entity = _entity_at(spans, first.start(), first.end() + 2)
    if head is None and (entity is None or entity.type not in ("person", "organization", "gpe")):
        return None
    kind = "named" if entity is not None or head and head[0] == "title" else head[0] if head else "named"
    found_entity = entity
    end = first.end()
    via = None
    j = i
    words = 0
    while j < len(tokens):
        tok = tokens[j]
        word = tok.group()
        if word in _PUNCT_STOPS or _strip(word) in lex.stops or word in lex.stops:
            if word == "(" and found_entity is not None:  # an acronym after a name: «…» (سنتكوم)
                close = next((k for k in range(j, min(j + 4, len(tokens))) if tokens[k].group() == ")"), None)
                if close is not None:
                    end = tokens[close].end()
                    j = close + 1
                    continue
            if word in "،," and j + 1 < len(tokens):  # apposition: "وزير الخارجية السوري، أسعد الشيباني"
                person = _entity_at(spans, tokens[j + 1].start(), tokens[j + 1].end())
                if person is not None and person.type == "person" and found_entity is None:
                    end, found_entity = person.end, person
            break
        if word in lex.via and found_entity is not None and via is None:
            via = (first.start(), end)
            kind = "media"
            j += 1
            continue
        inner = _entity_at(spans, tok.start(), tok.end())
        if inner is not None:
            end = max(end, inner.end)
            if found_entity is None or via is not None and found_entity.start < via[1]:
                found_entity = inner
            while j + 1 < len(tokens) and tokens[j + 1].start() < inner.end:
                j += 1
            if inner.type in ("person", "organization") and via is None:
                nxt = tokens[j + 1].group() if j + 1 < len(tokens) else ""
                if nxt not in lex.via and nxt != "»":
                    break
        else:
            end = tok.end()
        j += 1
        words += 1
        if words >= MAX_WORDS:
            break
    if head and head[0] == "media":
        kind = "media" if via or kind != "named" or entity is None else kind
    elif via is None and head and head[0] == "anonymous" and (found_entity is None or found_entity.type != "person"):
        kind = "anonymous"
    statement = (found_entity is not None and found_entity.type == "person") or (
        head is not None and _strip(text[first.start():head[1]]) in lex.statement_heads)
    head_word = entity.entity if entity is not None else _strip(text[first.start():head[1]]) if head else ""
    return SourceCue(0, 0, first.start(), end, kind, found_entity.entity if found_entity else None, via,
                     head_word, statement)


def find_sources(text: str, start: int, end: int, lang: str, spans: list[NamedSpan]) -> list[SourceCue]:
    """Every reporting cue in the normalised sentence ``text[start:end]`` with its source phrase."""
    lex = attribution_cues(lang)
    tokens = list(_TOKEN.finditer(text, start, end))
    index = {tok.start(): k for k, tok in enumerate(tokens)}
    found = []
    for cue_start, cue_end, _label in lex.cues.find(text, start, end):
        k = next((index[p] for p in range(cue_end, end) if p in index), len(tokens))
        while k < len(tokens) and tokens[k].group() in "«\"“":
            k += 1
        source = _phrase(text, tokens, k, lex, spans)
        if source is None:
            source = _phrase_before(text, tokens, index.get(cue_start, 0), lex, spans, cue_start)
        if source is not None:
            found.append(SourceCue(cue_start, cue_end, source.start, source.end, source.kind, source.entity,
                                   source.via, source.head, source.statement))
    return found


def _phrase_before(text: str, tokens: list[re.Match[str]], cue_index: int, lex: AttributionLexicon,
                   spans: list[NamedSpan], cue_start: int) -> SourceCue | None:
    for k in range(max(0, cue_index - MAX_WORDS_BEFORE), cue_index):
        source = _phrase(text, tokens, k, lex, spans)
        if source is not None and source.kind in ("anonymous", "media"):
            return SourceCue(0, 0, source.start, min(source.end, cue_start), source.kind, source.entity,
                             source.via, source.head, False)
    return None


def is_anaphoric(source: SourceCue, text: str, lang: str) -> bool:
    """Whether the phrase is a bare definite head ("المصدر") that refers back to an earlier source."""
    return " ".join(text[source.start:source.end].split()) in attribution_cues(lang).anaphoric


def to_attribution(source: SourceCue, original: str, to_original: callable,  # type: ignore[valid-type]
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
