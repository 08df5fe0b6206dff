"""The document layer's findings as plain offsets and values (no report text), for golden files."""

from __future__ import annotations

from rasad.model import Doc


def title_span(doc: Doc) -> list[int] | None:
    """Offsets of the title within the text, when the title comes from the text."""
    if not doc.title:
        return None
    start = doc.text.find(doc.title)
    return [start, start + len(doc.title)] if start >= 0 else None


def document_record(doc: Doc) -> dict:
    """Segments, sentences, date, languages and title span of ``doc`` as JSON-ready values."""
    return {
        "id": doc.id,
        "file": doc.file,
        "published": doc.published,
        "published_basis": doc.published_basis,
        "languages": doc.languages,
        "title": title_span(doc),
        "segments": [[s.start, s.end, s.role, s.lang] for s in doc.segments],
        "sentences": [[s.start, s.end, s.segment] for s in doc.sentences],
        "duplicate_of": doc.duplicate_of,
    }
