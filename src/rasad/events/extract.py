"""Event mentions from the content sentences of a report."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from rasad.events.arguments import (
    NamedSpan,
    TimeSpan,
    choose_actor,
    choose_places,
    choose_time,
    speaker_places,
    time_bounds,
)
from rasad.events.attribution import SourceCue, find_sources, is_anaphoric, to_attribution
from rasad.events.lexicon import background_cues, event_types, triggers
from rasad.events.status import cue_status, default_status, is_hedged
from rasad.events.triggers import Trigger, find_triggers
from rasad.mentions.quantities import find_quantities
from rasad.model import Attribution, Doc, Entity, EventMention

_ARABIC = re.compile(r"[\u0600-\u06ff]")
# A sentence that opens with a quotation continues the last source's words.
_QUOTE_OPENERS = "«“\"'"
# A source governs quote sentences this many sentences after the one that names it.
CARRY_SENTENCES = 2
# A done act with no time of its own takes the time of a done act told this many sentences before
# in the same paragraph, or in the next one when it opens with a conjunction (و, ف).
NARRATIVE_SENTENCES = 2
_CONTINUATION = re.compile(r"^\W*[وف]\w")
# Status names whose time is in the past, so a context time may be inherited.
_DONE = ("completed", "partial")


@dataclass(slots=True)
class _DocState:
    """What earlier sentences of the report leave for later ones."""

    last_places: dict[str, tuple[str, ...]] = field(default_factory=dict)  # event type -> places
    last_source: tuple[int, Attribution] | None = None  # sentence index, attribution
    sources_by_head: dict[str, str] = field(default_factory=dict)  # head word -> phrase as written
    narrative: tuple[int, int, str] | None = None  # sentence index, segment, when


def _published(doc: Doc) -> date | None:
    bounds = time_bounds(doc.published)
    return bounds[1] if bounds else None


def _language(doc: Doc, start: int, end: int) -> str:
    segment = doc.segment_of(start)
    if segment is not None and segment.lang in ("ar", "en"):
        return segment.lang
    return "ar" if _ARABIC.search(doc.text, start, end) else "en"


def _named_spans(doc: Doc, entities: dict[str, Entity]) -> list[NamedSpan]:
    spans = []
    for mention in doc.entities:
        entity = entities.get(mention.entity)
        start, end = doc.norm.to_norm(mention.start), doc.norm.to_norm(mention.end)
        spans.append(NamedSpan(start, end, mention.entity, mention.type, entity.subtype if entity else None))
    return sorted(spans, key=lambda s: s.start)


def _time_spans(doc: Doc) -> list[TimeSpan]:
    return sorted((TimeSpan(doc.norm.to_norm(t.start), doc.norm.to_norm(t.end), t.value, t.kind)
                   for t in doc.times if t.value), key=lambda t: t.start)


def _dominant_country(spans: list[NamedSpan]) -> str | None:
    counts = Counter(s.entity for s in spans if s.subtype == "country")
    return counts.most_common(1)[0][0] if counts else None


def _source_for(trigger: Trigger, sources: list[SourceCue]) -> SourceCue | None:
    before = [s for s in sources if s.cue_start < trigger.start]
    if before:
        return max(before, key=lambda s: s.cue_start)
    after = [s for s in sources if s.cue_start >= trigger.end]
    return min(after, key=lambda s: s.cue_start) if after else None


def _regions(found: list[Trigger], sentence: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """For each trigger (sorted), the stretch before it back to the previous trigger and the
    stretch after it up to the next one."""
    regions = []
    for i, trigger in enumerate(found):
        before_start = found[i - 1].end if i else sentence[0]
        after_end = found[i + 1].start if i + 1 < len(found) else sentence[1]
        regions.append((before_start, trigger.start, trigger.end, after_end))
    return regions


class _Extractor:
    """Walks the content sentences of one report in order, carrying context between them."""

    def __init__(self, doc: Doc, entities: dict[str, Entity]) -> None:
        self.doc = doc
        self.text = doc.norm.text
        self.spans = _named_spans(doc, entities)
        self.times = _time_spans(doc)
        self.published = _published(doc)
        self.country = _dominant_country(self.spans)
        self.state = _DocState()

    def run(self) -> list[EventMention]:
        mentions: list[EventMention] = []
        for index, sentence in enumerate(self.doc.content_sentences()):
            mentions += self._sentence(index, sentence.segment, sentence.start, sentence.end)
        return mentions

    def _sentence(self, index: int, segment: int, start: int, end: int) -> list[EventMention]:
        text = self.text
        ns, ne = self.doc.norm.to_norm(start), self.doc.norm.to_norm(end)
        lang = _language(self.doc, start, end)
        spans = [s for s in self.spans if ns <= s.start < ne]
        times = [t for t in self.times if ns <= t.start < ne]
        sources = find_sources(text, ns, ne, lang, spans)
        found = find_triggers(text, ns, ne, lang)
        found += [Trigger(s.cue_start, s.cue_end, "statement", "perfect") for s in sources if s.statement and (
            any(sp.type == "person" and s.start <= sp.start < s.end for sp in spans) or times)]
        found.sort(key=lambda t: t.start)
        opener, min_age = background_cues(lang)
        context = _Sentence(index, segment, (ns, ne), (start, end), lang, spans, times,
                            bool(opener.match(text, ns, ne)), min_age)
        mentions: list[EventMention] = []
        seen: set[tuple[str, str]] = set()
        for trigger, region in zip(found, _regions(found, (ns, ne)), strict=True):
            mention = self._mention(context, trigger, region, _source_for(trigger, sources))
            if mention is None or (mention.type, mention.status) in seen:
                continue
            seen.add((mention.type, mention.status))
            mentions.append(mention)
        return mentions

    def _attribution(self, context: _Sentence, source: SourceCue | None) -> Attribution:
        state = self.state
        if source is None:
            opener = self.text[context.norm[0]:context.norm[0] + 3].lstrip()
            recent = state.last_source and context.index - state.last_source[0] <= CARRY_SENTENCES
            if recent and opener[:1] in _QUOTE_OPENERS:
                return state.last_source[1]  # type: ignore[index]
            return Attribution("outlet", "")
        antecedent = state.sources_by_head.get(source.head) if is_anaphoric(source, self.text, context.lang) else None
        attribution = to_attribution(source, self.doc.text, self.doc.norm.to_original, antecedent)
        if antecedent is None and source.head and not is_anaphoric(source, self.text, context.lang):
            state.sources_by_head[source.head] = attribution.text
        state.last_source = (context.index, attribution)
        return attribution

    def _anaphoric_place(self, region: tuple[int, int, int, int], lang: str) -> str | None:
        """The last named place of the kind a generic head ("القاعدة") refers back to."""
        anaphors = triggers(lang).anaphors
        for lo, hi in ((region[2], region[3]), (region[0], region[1])):
            for start, _end, label in anaphors.find(self.text, lo, hi):
                subtypes = label.split(",")
                earlier = [s for s in self.spans if s.end <= start and s.subtype in subtypes]
                if earlier:
                    return earlier[-1].entity
        return None

    def _places(self, context: _Sentence, trigger: Trigger, region: tuple[int, int, int, int],
                actor: NamedSpan | None, excluded: tuple[int, int] | None) -> tuple[list[NamedSpan], tuple[str, ...]]:
        places = choose_places(self.text, trigger, region, context.spans, actor, context.lang, excluded)
        ids = tuple(dict.fromkeys(p.entity for p in places))
        if not ids:
            anaphoric = self._anaphoric_place(region, context.lang)
            ids = (anaphoric,) if anaphoric else ()
        if not ids:
            ids = tuple(dict.fromkeys(p.entity for p in speaker_places(context.spans, excluded)))
        if not ids:
            ids = self.state.last_places.get(trigger.type, ())
        if not ids and not event_types()[trigger.type].needs_place and self.country:
            ids = (self.country,)
        return places, ids

    def _mention(self, context: _Sentence, trigger: Trigger, region: tuple[int, int, int, int],
                 source: SourceCue | None) -> EventMention | None:
        doc, text = self.doc, self.text
        ontology = event_types()[trigger.type]
        excluded = (source.start, source.end) if source is not None and trigger.type != "statement" else None
        cued = cue_status(text, (max(context.norm[0], region[0]), context.norm[1]), trigger, context.lang)
        status = cued or default_status(trigger)
        actor = choose_actor(text, trigger, context.spans, context.lang, excluded)
        if trigger.type == "statement" and source is not None and source.entity:
            actor = next((s for s in context.spans if s.entity == source.entity), actor)
        if ontology.needs_actor and actor is None:
            return None
        places, place_ids = self._places(context, trigger, region, actor, excluded)
        if not place_ids:
            return None
        self.state.last_places[trigger.type] = place_ids
        time = choose_time(trigger, region, context.times, status, self.published)
        if cued is None and time is not None:
            status = self._status_from_time(trigger, status, time.value)
        when, time_span = (time.value, doc.norm.to_original(time.start, time.end)) if time else (None, None)
        if when is None:
            when = self._inherited_time(context, status)
        elif status in _DONE:
            self.state.narrative = (context.index, context.segment, when)
        bounds = time_bounds(when)
        old = bool(self.published and bounds and bounds[1] and (self.published - bounds[1]).days >= context.min_age)
        quantities = find_quantities(text, region[0], region[3], context.lang)
        arguments = [doc.norm.to_original(s.start, s.end) for s in ([actor] if actor else []) + places]
        arguments += [time_span] if time_span else []
        arguments += [doc.norm.to_original(q.start, q.end) for q in quantities]
        segment = doc.segments[context.segment] if context.segment < len(doc.segments) else None
        return EventMention(
            doc=doc.id, type=trigger.type, status=status,
            trigger=doc.norm.to_original(trigger.start, trigger.end), sentence=context.span,
            actor=actor.entity if actor else None, place=place_ids[0], places=place_ids,
            when=when, time=time_span, quantities=tuple((q.name, q.value) for q in quantities),
            attribution=self._attribution(context, source),
            hedged=is_hedged(text, context.norm, trigger, context.lang),
            background=context.opens_history or old,
            role=segment.role if segment else "body", arguments=tuple(dict.fromkeys(arguments)),
        )

    def _status_from_time(self, trigger: Trigger, status: str, value: str) -> str:
        """With no cue, a perfect verb or a noun dated to the publication day is still under way,
        and one whose time is over before the publication day is done."""
        bounds = time_bounds(value)
        if not (self.published and bounds) or trigger.aspect not in ("perfect", "noun") or status not in (
                "completed", "ongoing") or trigger.type == "statement":
            return status
        if bounds[0] == bounds[1] == self.published:
            return "ongoing"
        if bounds[1] and bounds[1] < self.published:
            return "completed"
        return status

    def _inherited_time(self, context: _Sentence, status: str) -> str | None:
        """A time from context: the publication day for news under way, the narrative time for an
        act told right after a dated one, else no later than the publication date."""
        if not self.doc.published:
            return None
        if status == "ongoing":
            return self.doc.published
        if status not in _DONE:
            return None
        narrative = self.state.narrative
        if narrative and context.index - narrative[0] <= NARRATIVE_SENTENCES and (
                narrative[1] == context.segment or _CONTINUATION.match(self.doc.text, context.span[0])):
            return narrative[2]
        return f"../{self.doc.published}"


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence being read: its place in the report, language, and the mentions inside it."""

    index: int
    segment: int
    norm: tuple[int, int]
    span: tuple[int, int]
    lang: str
    spans: list[NamedSpan]
    times: list[TimeSpan]
    opens_history: bool
    min_age: int


def extract_events(doc: Doc, entities: dict[str, Entity]) -> list[EventMention]:
    """Event mentions in the content sentences of ``doc``, with status, arguments and attribution."""
    return _Extractor(doc, entities).run()
