"""Reports as sources: their dates, and which reports are one source (copies, translations)."""

from __future__ import annotations

from collections.abc import Iterable

from rasad.fusion.dates import Span, parse_span
from rasad.model import Doc, EventMention
from rasad.text.normalise import normalise_key

Source = tuple[str, str]  # (root report, who in it says so)


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


def attribution_key(m: EventMention) -> str:
    """Who in its report a mention's claim comes from: the source entity, else the source phrase
    (normalised), else the outlet's own voice."""
    a = m.attribution
    if a.kind == "outlet" or not a.text.strip():
        return "outlet"
    return "entity:" + a.entity if a.entity else normalise_key(a.text)


def distinct_sources(claims: Iterable[tuple[str, EventMention]]) -> set[Source]:
    """The distinct sources behind (root report, mention) pairs: each report's own voice and each
    source it quotes count once; a translation or summary half adds none to a report whose body
    already says it."""
    pairs = list(claims)
    body = {(root, attribution_key(m)) for root, m in pairs if m.role == "body"}
    said_in_body = {root for root, _ in body}
    return body | {(root, attribution_key(m)) for root, m in pairs if m.role != "body" and root not in said_in_body}
