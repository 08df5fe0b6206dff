"""Golden records of the event stage: what it finds in a report, as ids, offsets and values only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasad.model import Doc


def golden_events(doc: Doc) -> list[dict[str, Any]]:
    """The event mentions of ``doc`` reduced to what a golden file keeps (no report text)."""
    return [
        {
            "type": m.type, "status": m.status, "when": m.when, "place": m.place, "places": list(m.places),
            "trigger": list(m.trigger), "attribution": m.attribution.kind, "role": m.role,
            "hedged": m.hedged, "background": m.background,
        }
        for m in doc.events
    ]


def seed_docs(seeds: Path) -> list[Doc]:
    """The seed reports run through the per-document stages (no fusion), in file order."""
    from rasad.ingest import read_corpus
    from rasad.mentions.entities import EntityLinker
    from rasad.mentions.gazetteer import load_gazetteer
    from rasad.pipeline import analyse_doc
    from rasad.text import build_doc

    articles, _errors = read_corpus([str(p) for p in sorted(seeds.glob("*.txt"))])
    linker = EntityLinker(load_gazetteer())
    docs = []
    for article in articles:
        doc = build_doc(article)
        analyse_doc(doc, linker)
        docs.append(doc)
    return docs
