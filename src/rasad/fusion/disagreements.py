"""Disagreements: one topic (an event type at a place, in one stretch of time), incompatible values.

A topic gathers the mentions of one type whose main place is the same (a base and its town count
as one), split where their reports lie more than ``happening_gap_days`` apart. Inside a topic:
``status`` conflicts when sources give a conflicting pair (a plan and its denial; a happening and
its denial, unless the happening began after the denial was reported: a later state); ``when``
conflicts when planned deadlines differ. ``quantity`` conflicts when the counts of one fused event
do not reconcile. The status board adds the places whose sources it could not decide between.
A conflict needs ``min_sources`` distinct sources: different reports, or different attributed
sources inside one report (copies and translations count once). Every side keeps its value, event,
report, attribution and sentence; sides are ordered by the date of the report that gives them,
undated reports last.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from rasad.fusion.board import Contest
from rasad.fusion.dates import Span, parse_span
from rasad.fusion.places import PlaceIndex
from rasad.fusion.reconcile import HAPPENED, denial_overtaken, range_holds_point, statuses_reconcile, whens_reconcile
from rasad.fusion.reports import distinct_sources, report_roots, report_span
from rasad.model import Doc, Disagreement, DisagreementSide, Entity, Event, EventMention

Topic = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Claim:
    """One mention's value for a field, with where it comes from."""

    value: str
    event: str  # event id
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
    return DisagreementSide(value=claim.value, event=claim.event, doc=doc.id,
                            attributed_to=_attributed_to(claim.mention, doc),
                            evidence=doc.text[start:end].strip(), date=doc.published)


def _status_pair_holds(a: _Claim, b: _Claim) -> bool:
    """False when a denial is overtaken by a happening that began after it was reported."""
    denial, other = (a, b) if a.value == "denied" else (b, a)
    if denial.value != "denied" or other.value not in HAPPENED or denial.reported[0] == date.min:
        return True
    happened = parse_span(other.mention.when) or (Span(*other.reported) if other.reported[0] != date.min else None)
    return happened is None or not denial_overtaken(Span(*denial.reported), happened)


def _conflicting(claims: list[_Claim], agree: Callable[[str, str], bool], min_sources: int,
                 pair_holds: Callable[[_Claim, _Claim], bool] | None = None) -> list[_Claim]:
    """The claims whose values conflict with a value from another source ([] when none do).

    ``pair_holds`` may drop single pairs of claims whose values conflict (a denial overtaken by
    events); a value pair conflicts when its remaining claims come from ``min_sources`` sources."""
    by_value: dict[str, list[_Claim]] = defaultdict(list)
    for c in claims:
        by_value[c.value].append(c)
    values = sorted(by_value)
    involved: dict[int, _Claim] = {}
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if agree(a, b):
                continue
            side_a, side_b = by_value[a], by_value[b]
            if pair_holds is not None:
                pairs = [(x, y) for x in side_a for y in side_b if pair_holds(x, y)]
                side_a = list({id(x): x for x, _ in pairs}.values())
                side_b = list({id(y): y for _, y in pairs}.values())
            if side_a and side_b and len(distinct_sources((c.root, c.mention) for c in side_a + side_b)) >= min_sources:
                involved.update((id(c), c) for c in side_a + side_b)
    return [c for c in claims if id(c) in involved]


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


def find_disagreements(events: list[Event], docs: list[Doc], places: PlaceIndex,
                       contests: Sequence[Contest] = ()) -> list[Disagreement]:
    """Every conflict between sources in the fused events and on the board, each with all its sides."""
    settings = places.settings
    by_id = {d.id: d for d in docs}
    roots = report_roots(docs)
    unknown = (date.min, date.min)

    def claim(value: str, event: Event | str, m: EventMention) -> _Claim:
        span = report_span(by_id[m.doc]) if m.doc in by_id else None
        event_id = event if isinstance(event, str) else event.id
        return _Claim(value, event_id, m, roots.get(m.doc, m.doc), span.sort_key if span else unknown)

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
            sides = _conflicting(window, lambda a, b: statuses_reconcile(a, b, conflicting), settings.min_sources,
                                 _status_pair_holds)
            if sides:
                found.append(_disagreement("status", topic, sides, by_id, places.entities))
        deadlines = [claim(m.when, e, m) for e, m in topics[topic] if m.status == "planned" and m.when]
        for window in _windows(deadlines, settings.happening_gap_days):
            sides = _conflicting(window, lambda a, b: whens_reconcile("planned", a, b, tolerance), settings.min_sources)
            if sides:
                found.append(_disagreement("when", topic, sides, by_id, places.entities))
    for event in events:
        found.extend(_quantity_disagreements(event, claim, by_id, places))
    for contest in contests:
        claims = [claim(o.status, o.event, o.mention) for o in contest.observations]
        found.append(_disagreement("status", ("status board", contest.place), claims, by_id, places.entities))
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
                             places.settings.min_sources)
        if sides:
            out.append(_disagreement("quantity", topic, sides, docs, places.entities, name))
    return out
