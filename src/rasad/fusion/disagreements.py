"""Disagreements: one topic (an event type at a place, in one stretch of time), incompatible values.

A topic gathers the mentions of one type whose main place is the same (a base and its town count
as one), split where their reports lie more than ``happening_gap_days`` apart. Inside a topic:
``status`` conflicts when sources give a conflicting pair (a plan and its denial); ``when``
conflicts when planned deadlines differ. ``quantity`` conflicts when the counts of one fused event
do not reconcile. Every side keeps its value, event, report, attribution and sentence; sides are
ordered by the date of the report that gives them, undated reports last.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rasad.fusion.places import PlaceIndex
from rasad.fusion.reconcile import range_holds_point, statuses_reconcile, whens_reconcile
from rasad.fusion.reports import report_roots, report_span
from rasad.model import Doc, Disagreement, DisagreementSide, Entity, Event, EventMention

Topic = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Claim:
    """One mention's value for a field, with where it comes from."""

    value: str
    event: Event
    mention: EventMention
    root: str
    reported: tuple[date, date]


def _topic(m: EventMention, places: PlaceIndex) -> Topic:
    named = places.named(m)
    return (m.type, places.topic(named[0]) if named else "actor:" + (m.actor or ""))


def _windows(claims: list[_Claim], gap_days: int) -> list[list[_Claim]]:
    """Claims split where their reports lie more than ``gap_days`` apart."""
    dated = sorted((c for c in claims if c.reported[0] != date.min),
                   key=lambda c: (c.reported, c.mention.doc, c.mention.sentence))
    undated = [c for c in claims if c.reported[0] == date.min]
    windows: list[list[_Claim]] = []
    last_end = date.min
    for claim in dated:
        start, end = claim.reported
        if windows and (last_end == date.max or (start - last_end).days <= gap_days):
            windows[-1].append(claim)
            last_end = max(last_end, end)
        else:
            windows.append([claim])
            last_end = end
    if undated:  # a report without a date is most likely today's news: it joins the newest window
        if windows:
            windows[-1].extend(undated)
        else:
            windows.append(undated)
    return windows


def _attributed_to(mention: EventMention, doc: Doc) -> str:
    a = mention.attribution
    if a.kind == "outlet" or not a.text:
        return doc.outlet or "outlet"
    return f"{a.text} ({a.via})" if a.via else a.text


def _side(claim: _Claim, docs: dict[str, Doc]) -> DisagreementSide:
    doc = docs[claim.mention.doc]
    start, end = claim.mention.sentence
    return DisagreementSide(value=claim.value, event=claim.event.id, doc=doc.id,
                            attributed_to=_attributed_to(claim.mention, doc),
                            evidence=doc.text[start:end].strip(), date=doc.published)


def _conflicting(claims: list[_Claim], agree: Callable[[str, str], bool], min_reports: int) -> list[_Claim]:
    """The claims whose values conflict with a value from another report ([] when none do)."""
    roots: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        roots[c.value].add(c.root)
    values = sorted(roots)
    involved: set[str] = set()
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if agree(a, b):
                continue
            if min_reports < 2 or any(ra != rb for ra in roots[a] for rb in roots[b]):
                involved |= {a, b}
    return [c for c in claims if c.value in involved]


def _disagreement(field: str, topic: Topic, claims: list[_Claim], docs: dict[str, Doc],
                  entities: dict[str, Entity], subject: str = "") -> Disagreement:
    def in_time(c: _Claim) -> tuple:
        return (c.reported[0] == date.min, c.reported, c.value, c.mention.doc, c.mention.sentence)

    # A report's own translation or summary repeating a value of its body is no further side.
    stated_in_body = {(c.value, c.root) for c in claims if c.mention.role == "body"}
    seen: set[tuple] = set()
    sides = []
    for claim in sorted(claims, key=in_time):
        key = (claim.value, claim.root, claim.mention.sentence)
        restated = claim.mention.role != "body" and (claim.value, claim.root) in stated_in_body
        if key not in seen and not restated:
            seen.add(key)
            sides.append(_side(claim, docs))
    type_, place = topic
    entity = entities.get(place)
    place_name = (entity.name_en or entity.name_ar or place) if entity else place
    label = f"{field} ({subject})" if subject else field
    first = min(c.reported for c in claims)
    basis = "|".join([label, type_, place, first[0].isoformat() if first[0] != date.min else ""])
    return Disagreement(id="dis:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12],
                        about=f"{type_} — {place_name}: {label}", field=field, sides=tuple(sides))


def find_disagreements(events: list[Event], docs: list[Doc], places: PlaceIndex) -> list[Disagreement]:
    """Every conflict between sources in the fused events, each with all its sides."""
    settings = places.settings
    by_id = {d.id: d for d in docs}
    roots = report_roots(docs)
    unknown = (date.min, date.min)

    def claim(value: str, event: Event, m: EventMention) -> _Claim:
        span = report_span(by_id[m.doc]) if m.doc in by_id else None
        return _Claim(value, event, m, roots.get(m.doc, m.doc), span.sort_key if span else unknown)

    topics: dict[Topic, list[tuple[Event, EventMention]]] = defaultdict(list)
    for event in events:
        for m in event.mentions:
            topics[_topic(m, places)].append((event, m))
    conflicting = frozenset(frozenset(pair) for pair in settings.conflicting_statuses)
    tolerance = settings.deadline_tolerance_days
    found: list[Disagreement] = []
    for topic in sorted(topics):
        statuses = [claim(m.status, e, m) for e, m in topics[topic]]
        for window in _windows(statuses, settings.happening_gap_days):
            sides = _conflicting(window, lambda a, b: statuses_reconcile(a, b, conflicting), settings.min_reports)
            if sides:
                found.append(_disagreement("status", topic, sides, by_id, places.entities))
        deadlines = [claim(m.when, e, m) for e, m in topics[topic] if m.status == "planned" and m.when]
        for window in _windows(deadlines, settings.happening_gap_days):
            sides = _conflicting(window, lambda a, b: whens_reconcile("planned", a, b, tolerance), settings.min_reports)
            if sides:
                found.append(_disagreement("when", topic, sides, by_id, places.entities))
    for event in events:
        found.extend(_quantity_disagreements(event, claim, by_id, places))
    return found


def _quantity_disagreements(event: Event, claim: Callable[..., _Claim], docs: dict[str, Doc],
                            places: PlaceIndex) -> list[Disagreement]:
    by_name: dict[str, list[_Claim]] = defaultdict(list)
    for m in event.mentions:
        for name, value in m.quantities:
            by_name[name].append(claim(value, event, m))
    tolerance = places.settings.quantity_tolerance
    topic = _topic(event.mentions[0], places)
    out = []
    for name in sorted(by_name):
        sides = _conflicting(by_name[name], lambda a, b: range_holds_point(a, b, tolerance),
                             places.settings.min_reports)
        if sides:
            out.append(_disagreement("quantity", topic, sides, docs, places.entities, name))
    return out
