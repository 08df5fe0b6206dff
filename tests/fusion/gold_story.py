"""The seed story rebuilt from its gold (read at test time from ../shared), to test fusion alone.

Each gold event becomes one event mention whose sentence is the line of the seed report holding its
evidence; gold entities become entities with their surfaces found in the text. The fused story is
exported to the few fields ``shared/tools/score.py`` reads for the story metrics.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from rasad.model import Attribution, Doc, Entity, EntityMention, EventMention, Segment, Story
from rasad.text.normalise import normalise_key, normalise_text

# Gold keys carry no subtypes: these are the countries among them; other gpe are taken as towns.
COUNTRIES = {"syria", "iraq", "usa", "iran", "turkey", "france", "jordan"}
_SENTENCE_END = re.compile(r"[.\n!?؟]")


def load_scorer(shared: Path) -> ModuleType:
    """The shared scorer as a module."""
    spec = importlib.util.spec_from_file_location("rasad_shared_score", shared / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _find(doc_norm: str, phrase: str) -> int | None:
    at = doc_norm.find(normalise_key(phrase))
    return None if at < 0 else at


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    return left, right.start() if right else len(text)


def _entities(golds: list[dict]) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for gold in golds:
        for g in gold.get("entities", []):
            types = g["type"] if isinstance(g["type"], list) else [g["type"]]
            subtype = ("country" if g["key"] in COUNTRIES else "military_base" if types[0] == "facility"
                       else "town" if types[0] == "gpe" else None)
            out.setdefault(g["key"], Entity(g["key"], types[0], g["surfaces"][0], None, subtype=subtype))
    return out


def build_gold_docs(seeds: Path, gold_dir: Path) -> tuple[list[Doc], dict[str, Entity]]:
    """Docs for the seed reports carrying the gold's entities and events as mentions."""
    golds = [yaml.safe_load(f.read_text(encoding="utf-8")) for f in sorted(gold_dir.glob("0*.yaml"))]
    entities = _entities(golds)
    docs = []
    for gold in golds:
        text = (seeds / gold["doc"]).read_text(encoding="utf-8")
        norm = normalise_text(text)
        doc_id = "d:" + gold["doc"].split("_")[1].split(".")[0]
        doc = Doc(id=doc_id, file=gold["doc"], text=text, norm=norm, title=gold.get("title"),
                  published=str(gold["published"]) if gold.get("published") else None,
                  published_basis=gold["published_basis"], segments=[Segment(0, len(text), "body", "ar")])
        for g in gold.get("entities", []):
            for surface in g["surfaces"]:
                at = _find(norm.text, surface)
                if at is not None:
                    start, end = norm.to_original(at, at + len(normalise_key(surface)))
                    doc.entities.append(EntityMention(start, end, text[start:end], g["key"], entities[g["key"]].type))
        for g in gold.get("events", []):
            at = _find(norm.text, g["evidence"])
            if at is None:
                continue
            start, end = norm.to_original(at, at + len(normalise_key(g["evidence"])))
            cue = next((s for s in g.get("sources", []) if s != "outlet"), "")
            places = tuple(g.get("place") or [])
            actors = g.get("actor") or []
            doc.events.append(EventMention(
                doc=doc_id, type=g["type"], status=g["status"], trigger=(start, end),
                sentence=_sentence(text, start, end), actor=actors[0] if actors else None,
                place=places[0] if places else None, places=places,
                when=str(g["when"]) if g.get("when") else None,
                quantities=tuple((k, str(v)) for k, v in (g.get("quantity") or {}).items() if k != "qualifier"),
                attribution=Attribution("anonymous", cue) if cue else Attribution("outlet", ""),
                background=not g.get("core", True)))
        docs.append(doc)
    return docs, entities


def story_export(story: Story) -> dict[str, Any]:
    """The fields of ``rasad.json`` that the scorer's story metrics read."""
    mentions: dict[str, list[dict]] = {}
    for doc in story.docs:
        for m in doc.entities:
            mentions.setdefault(m.entity, []).append({"doc": doc.id, "text": m.text})
    return {
        "documents": [{"id": d.id, "file": d.file} for d in story.docs],
        "entities": [{"id": e.id, "type": e.type, "name": {"ar": e.name_ar}, "mentions": mentions.get(e.id, [])}
                     for e in story.entities.values()],
        "events": [{"id": e.id, "type": e.type, "status": e.status, "place": e.place, "places": list(e.places),
                    "when": e.when, "corroboration": e.corroboration,
                    "mentions": [{"doc": m.doc, "start": m.sentence[0]} for m in e.mentions]}
                   for e in story.events],
        "status_board": {"as_of": story.board_as_of,
                         "places": [{"place": b.place, "status": b.status} for b in story.board]},
        "disagreements": [{"id": d.id, "field": d.field,
                           "sides": [{"doc": s.doc, "value": s.value, "evidence": s.evidence} for s in d.sides]}
                          for d in story.disagreements],
        "clusters": [{"id": c.id, "documents": list(c.documents)} for c in story.clusters],
    }
