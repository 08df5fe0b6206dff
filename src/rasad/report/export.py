"""The ``rasad.json`` export (contract version 1: ``shared/contract/rasad-json.md``).

The export is built from the model only; the other outputs (HTML, Markdown, CSV, GeoJSON) are
rendered from this dict, so every output tells the same story. Beyond the contract it carries a
few additive fields that the renderers use (trigger and argument spans, roles, subtypes).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasad import __version__
from rasad.events.lexicon import event_types
from rasad.model import Attribution, Doc, Entity, Event, EventMention, Story

EXPORT_VERSION = 1


def _document(doc: Doc) -> dict[str, Any]:
    return {
        "id": doc.id,
        "file": doc.file,
        "format": doc.format,
        "title": doc.title,
        "outlet": doc.outlet,
        "originator": doc.originator,
        "url": doc.url,
        "published": doc.published,
        "published_basis": doc.published_basis,
        "languages": list(doc.languages),
        "segments": [{"start": s.start, "end": s.end, "lang": s.lang, "role": s.role} for s in doc.segments],
        "translation_of": doc.translation_of,
        "duplicate_of": doc.duplicate_of,
        "length": len(doc.text),
    }


def _entities(story: Story) -> list[dict[str, Any]]:
    mentions: dict[str, list[dict[str, Any]]] = {}
    for doc in story.docs:
        for m in doc.entities:
            mentions.setdefault(m.entity, []).append({"doc": doc.id, "start": m.start, "end": m.end, "text": m.text})
    out = []
    for eid in sorted(mentions):
        entity: Entity | None = story.entities.get(eid)
        if entity is None:
            continue
        out.append({
            "id": eid,
            "type": entity.type,
            "subtype": entity.subtype,
            "name": {"ar": entity.name_ar, "en": entity.name_en},
            "kb": {"source": "discovered" if entity.discovered else "rasad",
                   "wikidata": entity.wikidata, "geonames": entity.geonames},
            "lat": entity.lat,
            "lon": entity.lon,
            "precision": entity.precision,
            "parent": entity.parent,
            "discovered": entity.discovered,
            "mentions": sorted(mentions[eid], key=lambda m: (m["doc"], m["start"])),
        })
    return out


def _times(story: Story) -> list[dict[str, Any]]:
    return [
        {"doc": doc.id, "start": t.start, "end": t.end, "text": t.text, "value": t.value,
         "anchor": t.anchor, "inferred": t.inferred, "kind": t.kind}
        for doc in story.docs for t in sorted(doc.times, key=lambda t: (t.start, t.end))
    ]


def _attribution(a: Attribution) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": a.kind, "text": a.text, "entity": a.entity}
    if a.via:
        out["via"] = a.via
    if a.start is not None:
        out["start"], out["end"] = a.start, a.end
    return out


def _mention(m: EventMention, texts: dict[str, str]) -> dict[str, Any]:
    text = texts[m.doc]
    return {
        "doc": m.doc,
        "start": m.sentence[0],
        "end": m.sentence[1],
        "sentence": text[m.sentence[0]:m.sentence[1]],
        "trigger": {"start": m.trigger[0], "end": m.trigger[1], "text": text[m.trigger[0]:m.trigger[1]]},
        "arguments": [{"start": s, "end": e} for s, e in m.arguments],
        "type": m.type,
        "status": m.status,
        "when": m.when,
        "attributed_to": _attribution(m.attribution),
        "hedged": m.hedged,
        "background": m.background,
        "role": m.role,
    }


def _event(event: Event, texts: dict[str, str], published: dict[str, str | None]) -> dict[str, Any]:
    mentions = sorted(event.mentions, key=lambda m: (m.doc, m.sentence[0], m.trigger[0]))
    dates = sorted(d for d in (published.get(m.doc) for m in mentions) if d)
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "actor": event.actor,
        "place": event.place,
        "places": list(event.places),
        "when": event.when,
        "quantities": dict(event.quantities),
        "codes": dict(event_types()[event.type].codes) if event.type in event_types() else {},
        "corroboration": event.corroboration,
        "hedged": event.hedged,
        "background": event.background,
        "first_reported": dates[0] if dates else None,
        "mentions": [_mention(m, texts) for m in mentions],
    }


def build_export(story: Story) -> dict[str, Any]:
    """The whole story as the ``rasad.json`` dict (contract version 1, plus additive fields)."""
    texts = {d.id: d.text for d in story.docs}
    published = {d.id: d.published for d in story.docs}
    return {
        "rasad_export": EXPORT_VERSION,
        "generated_by": f"rasad {__version__}",
        "documents": [_document(d) for d in sorted(story.docs, key=lambda d: d.file)],
        "entities": _entities(story),
        "times": _times(story),
        "events": [_event(e, texts, published) for e in story.events],
        "status_board": {
            "as_of": story.board_as_of,
            "places": [
                {"place": b.place, "status": b.status, "since": b.since, "as_of": b.as_of,
                 "events": list(b.events), "documents": list(b.documents),
                 "history": [{"status": h.status, "as_of": h.as_of, "events": list(h.events),
                              "documents": list(h.documents)} for h in b.history]}
                for b in story.board
            ],
        },
        "disagreements": [
            {"id": d.id, "about": d.about, "field": d.field,
             "sides": [{"value": s.value, "event": s.event, "doc": s.doc, "attributed_to": s.attributed_to,
                        "evidence": s.evidence, "date": s.date} for s in d.sides]}
            for d in story.disagreements
        ],
        "clusters": [{"id": c.id, "documents": list(c.documents), "title": c.title} for c in story.clusters],
        "errors": [{"file": e.source, "reason": e.reason} for e in story.errors],
    }


def write_export(export: dict[str, Any], path: Path) -> None:
    """Write the export as UTF-8 JSON (Arabic kept readable, stable key order)."""
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
