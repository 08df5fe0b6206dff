"""Hand-made documents for the event-stage tests: text, entity and time mentions placed by surface."""

from __future__ import annotations

import re

from rasad.model import Doc, Entity, EntityMention, Segment, Sentence, TimeMention
from rasad.text.normalise import normalise_text

EntitySpec = tuple[str, str, str, str | None]  # surface, id, type, subtype
TimeSpec = tuple[str, str, str]  # surface, ISO value, kind


def _spans(text: str, surface: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(surface), text)]


def build_doc(text: str, entities: list[EntitySpec] = (), times: list[TimeSpec] = (),  # type: ignore[assignment]
              published: str | None = "2026-02-23", lang: str = "ar", role: str = "body") -> tuple[Doc, dict[str, Entity]]:
    """A Doc with one segment per line, sentences split at full stops, mentions at every surface."""
    segments, sentences = [], []
    for line in re.finditer(r"[^\n]+", text):
        segments.append(Segment(line.start(), line.end(), role, lang))
        for part in re.finditer(r"[^.]+\.?", line.group()):
            if part.group().strip():
                sentences.append(Sentence(line.start() + part.start(), line.start() + part.end(), len(segments) - 1))
    known: dict[str, Entity] = {}
    mentions = []
    for surface, entity_id, entity_type, subtype in entities:
        known[entity_id] = Entity(entity_id, entity_type, surface, None, subtype=subtype)
        mentions += [EntityMention(s, e, surface, entity_id, entity_type) for s, e in _spans(text, surface)]
    time_mentions = [TimeMention(s, e, surface, value, kind=kind)
                     for surface, value, kind in times for s, e in _spans(text, surface)]
    doc = Doc(id="d:test", file="test.txt", text=text, norm=normalise_text(text), published=published,
              segments=segments, sentences=sentences, languages=[lang],
              entities=sorted(mentions, key=lambda m: m.start), times=sorted(time_mentions, key=lambda t: t.start))
    return doc, known


# Entities the unit tests use, with the subtypes the knowledge base gives them.
US_FORCES: EntitySpec = ("القوات الأميركية", "us-forces", "organization", "armed_forces")
USA: EntitySpec = ("واشنطن", "united-states", "gpe", "country")
SYRIA: EntitySpec = ("سوريا", "syria", "gpe", "country")
IRAQ: EntitySpec = ("العراق", "iraq", "gpe", "country")
BASE: EntitySpec = ("قاعدة الصخرة", "rock-base", "facility", "military_base")
FIELD: EntitySpec = ("حقل النخلة", "palm-field", "facility", "oil_field")
TOWN: EntitySpec = ("بلدة الوادي", "wadi-town", "gpe", "town")
REUTERS: EntitySpec = ("رويترز", "reuters", "organization", "news_agency")
MINISTER: EntitySpec = ("سامي الحداد", "sami-haddad", "person", None)


def extract(text: str, entities: list[EntitySpec] = (), times: list[TimeSpec] = (), **kwargs: object) -> list:  # type: ignore[assignment]
    """The event mentions of a hand-made document."""
    from rasad.events import extract_events

    doc, known = build_doc(text, list(entities), list(times), **kwargs)  # type: ignore[arg-type]
    return extract_events(doc, known)
