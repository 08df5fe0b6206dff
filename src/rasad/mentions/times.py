"""Temporal expressions in a report, normalised to ISO 8601 against its publication date.

``find_times`` tags every date, weekday, deictic, relative time, range and deadline in a report;
``infer_published`` dates a report that carries no date of its own from what its text says
("2 شباط الجاري" fixes the month, "منتصف العام الجاري" beside "منتصف عام 2026" the year).
The grammar is in ``rasad.mentions.temporal``; its vocabulary in ``data/lexicons``.
"""

from __future__ import annotations

from datetime import date

from rasad.mentions.temporal.calendar import Anchor, anchor_from, coarsen
from rasad.mentions.temporal.grammar import Parsed, grammar
from rasad.mentions.temporal.infer import infer_from_facts
from rasad.model import Doc, TimeMention

__all__ = ["find_times", "infer_published"]

_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _resolve(parsed: Parsed, anchor: Anchor | None) -> str | None:
    try:
        return _resolve_at_precision(parsed, anchor)
    except (ValueError, OverflowError):  # "قبل 5000 عام" lies outside the dates ISO values can hold
        return None


def _resolve_at_precision(parsed: Parsed, anchor: Anchor | None) -> str | None:
    if anchor is None or _PRECISION_RANK[anchor.precision] >= _PRECISION_RANK[parsed.needs]:
        return parsed.resolve(anchor)
    # The anchor is known only to the month or year: resolve against the middle of that period
    # and keep no more precision than the anchor has.
    middle = date(anchor.day.year, anchor.day.month, 15) if anchor.precision == "month" else date(anchor.day.year, 7, 1)
    value = parsed.resolve(Anchor(middle, anchor.precision))
    return coarsen(value, anchor.precision) if value else None


def find_times(doc: Doc, anchor: date | None, inferred: bool) -> list[TimeMention]:
    """Every temporal expression in ``doc.text`` with its ISO value resolved against ``anchor``."""
    base = anchor_from(anchor, doc.published)
    # A metadata header (" date 2026-02-23") before the first segment is not report text.
    body_start = doc.segments[0].start if doc.segments else 0
    mentions = []
    for parsed in grammar().parse(doc.norm.text):
        start, end = doc.norm.to_original(parsed.start, parsed.end)
        if start < body_start:
            continue
        uses_anchor = parsed.relative and base is not None
        mentions.append(TimeMention(
            start=start,
            end=end,
            text=doc.text[start:end],
            value=_resolve(parsed, base),
            anchor="published" if uses_anchor else "text",
            inferred=inferred and uses_anchor,
            kind=parsed.kind,
        ))
    return mentions


def infer_published(doc: Doc, times: list[TimeMention]) -> tuple[str | None, str]:
    """The publication date a report's own expressions imply, as (ISO, "text"), else (None, "unknown")."""
    # The clues are in the parsed expressions (which month "الجاري" names), not in ``times``.
    facts = [fact for parsed in grammar().parse(doc.norm.text) for fact in parsed.facts]
    value = infer_from_facts(facts)
    return (value, "text") if value else (None, "unknown")
