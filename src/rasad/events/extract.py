"""Event mentions from the content sentences of a report."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from operator import attrgetter

import numpy as np

from rasad.events.arguments import (
    NamedSpan,
    TimeSpan,
    candidates,
    choose_actor,
    choose_places,
    choose_time,
    is_destination,
    time_bounds,
    time_owner,
)
from rasad.events.attribution import SourceCue, find_sources, is_anaphoric, to_attribution
from rasad.events.lexicon import (
    attribution_cues,
    background_cues,
    clitics,
    event_types,
    military_context,
    military_subtypes,
    settings,
    triggers,
)
from rasad.events.status import SentenceCues, cue_status, default_status, find_cues, is_hedged
from rasad.events.triggers import Trigger, find_triggers
from rasad.mentions.quantities import Quantity, find_quantities
from rasad.model import Attribution, Doc, Entity, EventMention

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_START = attrgetter("start")
_new = tuple.__new__  # a NamedTuple made without its constructor, a Python function
# A sentence that opens with a quotation continues the last source's words.
_QUOTE_OPENERS = "«“\"'"
# A done act with no time of its own takes the time of a dated one told just before it in the same
# paragraph, or in the next one when it opens with a conjunction (و, ف).
_FIRST_LETTER = re.compile(r"\W*(\w)\w")  # of a word of two letters or more
# How far past the last trigger of a sentence its cues are read (a modal after a verbal noun, with room
# for the verb it governs).
_CUE_TAIL = settings().modal_after + 40
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


def _language(doc: Doc, segment: int, start: int, end: int) -> str:
    lang = doc.segments[segment].lang if segment < len(doc.segments) else None
    if lang in ("ar", "en"):
        return lang  # type: ignore[return-value]
    return "ar" if _ARABIC.search(doc.text, start, end) else "en"


def _to_norm(doc: Doc, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
    """Original spans mapped to normalised ones, all at once."""
    index = doc.norm.index
    return (index.searchsorted(starts, side="left").tolist(),
            index.searchsorted(ends, side="left").tolist())


# Spans are made for every mention of a report: map, zip and tuple.__new__ build them without a
# Python step per mention.
_START_END = attrgetter("start", "end")


def _named_spans(doc: Doc, entities: dict[str, Entity]) -> list[NamedSpan]:
    mentions = doc.entities
    if not mentions:
        return []
    starts, ends = zip(*map(_START_END, mentions))
    ids = [m.entity for m in mentions]
    subtypes = [e.subtype if e else None for e in map(entities.get, ids)]
    spans = list(map(partial(_new, NamedSpan), zip(*_to_norm(doc, starts, ends), ids, [m.type for m in mentions],
                                                   subtypes)))
    spans.sort(key=_START)
    return spans


def _time_spans(doc: Doc) -> list[TimeSpan]:
    times = [t for t in doc.times if t.value]
    if not times:
        return []
    starts, ends = zip(*map(_START_END, times))
    spans = list(map(partial(_new, TimeSpan), zip(*_to_norm(doc, starts, ends), [t.value for t in times],
                                                  [t.kind for t in times])))
    spans.sort(key=_START)
    return spans


def _dominant_country(spans: list[NamedSpan]) -> str | None:
    counts = Counter(s.entity for s in spans if s.subtype == "country")
    return counts.most_common(1)[0][0] if counts else None


def _source_for(trigger: Trigger, sources: list[SourceCue]) -> SourceCue | None:
    """The source whose cue comes last before the trigger, else first after it."""
    before = after = None
    for source in sources:
        cue = source.cue_start
        if cue < trigger.start:
            if before is None or cue > before.cue_start:
                before = source
        elif cue >= trigger.end and (after is None or cue < after.cue_start):
            after = source
    return before or after


def _ends_clause(trigger: Trigger, following: Trigger) -> bool:
    # Vehicles counted after a verb are its object ("سحبت … أكثر من 60 ناقلة من قاعدة …"), so the
    # places after them still belong to the verb.
    return not (following.type == "convoy" and following.aspect == "noun"
                and trigger.aspect in ("perfect", "imperfect") and trigger.type != "convoy")


def _regions(found: list[Trigger], sentence: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """For each trigger (sorted), the stretch before it back to the previous trigger and the
    stretch after it up to the next one that starts a new clause."""
    regions = []
    for i, trigger in enumerate(found):
        after_end = sentence[1]
        for following in found[i + 1:]:
            if _ends_clause(trigger, following):
                after_end = following.start
                break
        regions.append((found[i - 1].end if i else sentence[0], trigger.start, trigger.end, after_end))
    return regions


class _Extractor:
    """Walks the content sentences of one report in order, carrying context between them."""

    def __init__(self, doc: Doc, entities: dict[str, Entity]) -> None:
        self.doc = doc
        self.entities = entities
        self.text = doc.norm.text
        self.spans = _named_spans(doc, entities)
        self.times = _time_spans(doc)
        self.published = _published(doc)
        self._span_starts = [s.start for s in self.spans]
        self._time_starts = [t.start for t in self.times]
        self._main_country: str | None = None
        self._country_known = False
        self.state = _DocState()

    def run(self) -> list[EventMention]:
        mentions: list[EventMention] = []
        sentences = self.doc.content_sentences()
        if not sentences:
            return mentions
        starts, ends = zip(*map(_START_END, sentences))
        for index, (sentence, norm) in enumerate(zip(sentences, zip(*_to_norm(self.doc, starts, ends)))):
            mentions += self._sentence(index, sentence.segment, (sentence.start, sentence.end), norm)
        return mentions

    def _sentence(self, index: int, segment: int, span: tuple[int, int], norm: tuple[int, int]) -> list[EventMention]:
        text = self.text
        (start, end), (ns, ne) = span, norm
        lang = _language(self.doc, segment, start, end)
        spans = self.spans[bisect_left(self._span_starts, ns):bisect_left(self._span_starts, ne)]
        times = self.times[bisect_left(self._time_starts, ns):bisect_left(self._time_starts, ne)]
        sources = find_sources(text, ns, ne, lang, spans)
        found = find_triggers(text, ns, ne, lang)
        found += [Trigger(s.cue_start, s.cue_end, "statement", "perfect") for s in sources if s.statement and (
            any(sp.type == "person" and s.start <= sp.start < s.end for sp in spans) or times)]
        if not found:
            self._remember_sources(index, ns, lang, sources)
            return []
        found.sort(key=_START)
        opener, min_age = background_cues(lang)
        context = _Sentence(index, segment, (ns, ne), (start, end), lang, spans, times,
                            bool(opener.match(text, ns, ne)), min_age,
                            find_quantities(text, ns, ne, lang),
                            # Cues speak to triggers from before them (and a modal just after):
                            # nothing past the last trigger's reach is read.
                            find_cues(text, ns, min(ne, found[-1].end + _CUE_TAIL), lang),
                            *candidates(text, spans, lang))
        owned_by: dict[int | None, list[TimeSpan]] = {}
        for t in times:
            owned_by.setdefault(time_owner(t, found), []).append(t)
        by_cue = {s.cue_start: s for s in sources}
        mentions: list[EventMention] = []
        seen: set[tuple[str, str, str | None]] = set()
        previous: EventMention | None = None
        for i, (trigger, region) in enumerate(zip(found, _regions(found, (ns, ne)), strict=True)):
            source = by_cue.get(trigger.start) if trigger.type == "statement" else _source_for(trigger, sources)
            mention = self._mention(context, trigger, region, source, owned_by.get(i, []), previous)
            if mention is None:
                continue
            previous = mention
            key = (mention.type, mention.status, mention.place)
            if key not in seen:
                seen.add(key)
                mentions.append(mention)
        self._remember_sources(index, ns, lang, sources, context.attributions)
        return mentions

    def _attribution(self, index: int, start: int, lang: str, source: SourceCue | None) -> Attribution:
        """Who says so in sentence ``index`` (starting at normalised ``start``): the source cue, else
        the source of a quotation it continues, else the outlet."""
        state = self.state
        if source is None:
            opener = self.text[start:start + 3].lstrip()
            recent = state.last_source and index - state.last_source[0] <= settings().carry_sentences
            if recent and opener[:1] in _QUOTE_OPENERS:
                return state.last_source[1]  # type: ignore[index]
            return Attribution("outlet", "")
        anaphoric = is_anaphoric(source, self.text, lang)
        antecedent = state.sources_by_head.get(source.head) if anaphoric else None
        return to_attribution(source, self.doc.text, self.doc.norm.to_original, antecedent)

    def _sentence_attribution(self, context: _Sentence, source: SourceCue | None) -> Attribution:
        """``_attribution`` made once per source and sentence: its triggers share their sources."""
        found = context.attributions.get(source)
        if found is None:
            found = self._attribution(context.index, context.norm[0], context.lang, source)
            context.attributions[source] = found
        return found

    def _remember_sources(self, index: int, start: int, lang: str, sources: list[SourceCue],
                          made: dict[SourceCue | None, Attribution] | None = None) -> None:
        """Keep the sentence's sources for the quotes and the "وقال المصدر" that follow (``made``:
        attributions already made for the sentence's mentions)."""
        for source in sources:
            anaphoric = is_anaphoric(source, self.text, lang)
            attribution = made.get(source) if made and not anaphoric else None
            attribution = attribution or self._attribution(index, start, lang, source)
            if source.head and not anaphoric:
                self.state.sources_by_head[source.head] = attribution.text
            self.state.last_source = (index, attribution)

    def _country(self) -> str | None:
        """The country the report names most (found when a mention first needs it)."""
        if not self._country_known:
            self._main_country, self._country_known = _dominant_country(self.spans), True
        return self._main_country

    def _anaphoric_place(self, lo: int, hi: int, lang: str) -> str | None:
        """The last named place of the kind a generic head ("القاعدة") in ``[lo, hi)`` refers back to."""
        for start, _end, label in triggers(lang).anaphors.find(self.text, lo, hi):
            subtypes = label.split(",")
            for span in reversed(self.spans[:bisect_left(self._span_starts, start)]):
                if span.end <= start and span.subtype in subtypes:
                    return span.entity
        return None

    def _places(self, context: _Sentence, trigger: Trigger, region: tuple[int, int, int, int],
                actor: NamedSpan | None, excluded: tuple[int, int] | None) -> tuple[list[NamedSpan], tuple[str, ...]]:
        """The trigger's places: named after it, or before it; else referred to by a generic head
        ("إخلاء القاعدة"); else the last place of the same type in the report."""
        places = choose_places(trigger, region, context.places, actor, excluded)
        destinations: list[NamedSpan] = []
        if places and event_types()[trigger.type].place_left:
            # The place left comes first; where it goes ("متوجهة إلى …", "toward …") after it.
            destinations = [p for p in places if is_destination(self.text, p, context.lang)]
            if destinations:
                places = [p for p in places if p not in destinations]
        ids = tuple(dict.fromkeys([p.entity for p in places]))
        if not ids:
            after = min(region[3], region[2] + settings().anaphor_reach)
            anaphoric = (self._anaphoric_place(region[2], after, context.lang)
                         or self._anaphoric_place(region[0], region[1], context.lang))
            if anaphoric:
                ids = (anaphoric,)
        if destinations:
            places += destinations
            ids = tuple(dict.fromkeys(ids + tuple(p.entity for p in destinations)))
        if not ids:
            ids = self.state.last_places.get(trigger.type, ())
        if not ids and not event_types()[trigger.type].needs_place:
            country = self._country()
            ids = (country,) if country else ()
        return places, ids

    def _mention(self, context: _Sentence, trigger: Trigger, region: tuple[int, int, int, int],
                 source: SourceCue | None, owned: list[TimeSpan], previous: EventMention | None) -> EventMention | None:
        doc = self.doc
        ontology = event_types()[trigger.type]
        excluded = (source.start, source.end) if source is not None and trigger.type != "statement" else None
        cued = cue_status(context.cues, region[0], trigger)
        follows = cued is None and not owned and previous is not None and (
            trigger.conjoined or trigger.aspect == "noun" and previous.status in _DONE)
        if follows:
            # A noun with no cue of its own continues the act before it in the sentence: "لبدء إخلاء
            # القاعدة وتسليمها", "غادرت قوات … مستخدمة عشرات الشاحنات", "انسحابات مماثلة".
            cued = previous.status  # type: ignore[union-attr]
        status = cued or default_status(trigger)
        actor = choose_actor(trigger, context.actors, excluded)
        if source is not None and source.entity and (trigger.type == "statement" or actor is None and (
                self._resumes_source(source, trigger, context.lang))):
            # A statement's actor is its speaker; "أعلنت القيادة أنها شنت غارات": the act's is too.
            actor = next((s for s in context.spans if s.entity == source.entity), actor)
        if ontology.needs_actor and actor is None:
            return None
        places, place_ids = self._places(context, trigger, region, actor, excluded)
        if ontology.needs_place and not place_ids:
            return None
        if ontology.needs_military and not self._military(context, actor, place_ids):
            return None
        if place_ids:
            self.state.last_places[trigger.type] = place_ids
        time = choose_time(trigger, owned, status, self.published)
        if cued is None and time is not None:
            status = self._status_from_time(trigger, status, time.value)
        when, time_span = (time.value, doc.norm.to_original(time.start, time.end)) if time else (None, None)
        if when is None and follows and status in _DONE:
            when = previous.when  # type: ignore[union-attr]
        if when is None:
            when = self._inherited_time(context, status)
        elif status in _DONE:
            self.state.narrative = (context.index, context.segment, when)
        old = self._is_old(when, context.min_age) or (
            # An undated act told in a sentence whose every date is history belongs to that history
            # ("وأرسلت قوات … ضمن حملة بدأت عام 2014 وانتهت عام 2019"); one recent date keeps it news.
            time is None and status in _DONE and bool(context.times)
            and all(self._is_old(t.value, context.min_age) for t in context.times))
        quantities = [q for q in context.quantities if region[0] <= q.start < region[3]] if context.quantities else []
        to_original = doc.norm.to_original
        arguments = [to_original(s.start, s.end) for s in ([actor, *places] if actor else places)]
        if time_span:
            arguments.append(time_span)
        if quantities:
            arguments += [to_original(q.start, q.end) for q in quantities]
        segment = doc.segments[context.segment] if context.segment < len(doc.segments) else None
        return EventMention(
            doc=doc.id, type=trigger.type, status=status,
            trigger=to_original(trigger.start, trigger.end), sentence=context.span,
            actor=actor.entity if actor else None, place=place_ids[0] if place_ids else None, places=place_ids,
            when=when, time=time_span, quantities=tuple([(q.name, q.value) for q in quantities]),
            attribution=self._sentence_attribution(context, source),
            hedged=is_hedged(context.cues, trigger),
            background=context.opens_history or old,
            role=segment.role if segment else "body", arguments=tuple(dict.fromkeys(arguments)),
        )

    def _resumes_source(self, source: SourceCue, trigger: Trigger, lang: str) -> bool:
        """Whether a pronoun between the source and the trigger resumes the source as the subject."""
        if not source.end <= trigger.start or trigger.start - source.end > 40:
            return False
        words = self.text[source.end:trigger.start].lower().split()
        return any(w.strip(".,،") in attribution_cues(lang).resumptive for w in words)

    def _is_old(self, when: str | None, min_age: int) -> bool:
        """Whether ``when`` ends at least ``min_age`` days before the publication date."""
        bounds = time_bounds(when)
        return bool(self.published and bounds and bounds[1] and (self.published - bounds[1]).days >= min_age)

    def _military(self, context: _Sentence, actor: NamedSpan | None, place_ids: tuple[str, ...]) -> bool:
        """Whether the sentence, the actor or a place makes the mention military."""
        kinds = military_subtypes()
        if actor is not None and (actor.subtype in kinds or actor.type == "gpe" and actor.subtype == "country"):
            return True
        if any((e := self.entities.get(p)) is not None and e.subtype in kinds and e.type == "facility"
               for p in place_ids):
            return True
        if context.military is None:
            context.military = bool(military_context(context.lang).find(self.text, *context.norm))
        return context.military

    def _status_from_time(self, trigger: Trigger, status: str, value: str) -> str:
        """With no cue, a noun of a movement type (a convoy, a deployment) dated to the publication day
        is still under way; an act (a perfect verb, or any other noun) dated that day is done that day,
        and one whose time is over before the publication day is done."""
        bounds = time_bounds(value)
        if not (self.published and bounds) or trigger.aspect not in ("perfect", "noun") or status not in (
                "completed", "ongoing") or trigger.type == "statement":
            return status
        if bounds[0] == bounds[1] == self.published and (
                trigger.aspect == "noun" and event_types()[trigger.type].today_is_ongoing):
            return "ongoing"
        if bounds[1] and bounds[1] < self.published:
            return "completed"
        return status

    def _opens_with_conjunction(self, context: _Sentence) -> bool:
        """Whether the sentence opens with a joined conjunction ("وغادرت …")."""
        first = _FIRST_LETTER.match(self.doc.text, context.span[0])
        return bool(first) and first.group(1) in clitics(context.lang).conjunctions

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
        if narrative and context.index - narrative[0] <= settings().narrative_sentences and (
                narrative[1] == context.segment or self._opens_with_conjunction(context)):
            return narrative[2]
        return f"../{self.doc.published}"


@dataclass(slots=True)
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
    quantities: list[Quantity]
    cues: SentenceCues
    actors: list[NamedSpan]  # mentions that may be an actor (see ``candidates``)
    places: list[NamedSpan]  # mentions that may be a place
    military: bool | None = None  # whether a military word is in the sentence, found when first asked
    attributions: dict[SourceCue | None, Attribution] = field(default_factory=dict)


def extract_events(doc: Doc, entities: dict[str, Entity]) -> list[EventMention]:
    """Event mentions in the content sentences of ``doc``, with status, arguments and attribution."""
    return _Extractor(doc, entities).run()
