"""Reports as sources: their dates, and which reports are one source (copies, translations)."""

from __future__ import annotations

from rasad.fusion.dates import Span, parse_span
from rasad.model import Doc


def is_dated(doc: Doc) -> bool:
    """True when the report carries a publication date it did not get from fusion's guess."""
    return bool(doc.published) and doc.published_basis != "unknown"


def report_span(doc: Doc) -> Span | None:
    """The publication date as an interval (a month for month-precision dates), or None."""
    return parse_span(doc.published) if doc.published else None


def report_roots(docs: list[Doc]) -> dict[str, str]:
    """Doc id -> id of the original it copies or translates (itself when it is an original)."""
    links = {d.id: d.duplicate_of or d.translation_of for d in docs}
    roots: dict[str, str] = {}
    for doc_id in links:
        seen = {doc_id}
        root = doc_id
        while links.get(root) and links[root] not in seen:  # a cycle of copies stops where it loops
            root = links[root]  # type: ignore[assignment]
            seen.add(root)
        roots[doc_id] = root
    return roots
