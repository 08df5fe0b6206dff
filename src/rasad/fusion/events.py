"""Event fusion: mentions of one happening across reports become one ``Event``.

Mentions are compared only inside blocks of (type, status, anchor of a key place), so the cost grows
with the number of mentions, not with its square. Inside a block, mentions whose dates overlap are
one happening (a sweep over dates sorted by start); a mention without a date joins the happening
whose reports are nearest in time, within ``happening_gap_days``. Everything runs on a canonical
order of mentions, so the result does not depend on the order reports arrive in.

An event's corroboration counts the distinct source reports (a copy or a translation counts with
its original) that name its place in the reporting sentence itself.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from rasad.fusion.dates import Span, parse_span
from rasad.fusion.places import PlaceIndex
from rasad.fusion.reports import report_roots, report_span
from rasad.fusion.settings import FusionSettings
from rasad.model import Doc, Event, EventMention

BlockKey = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class MentionInfo:
    """A mention with what fusion needs about it, computed once."""

    mention: EventMention
    when: Span | None
    reported: Span | None
    root: str
    places: tuple[str, ...]  # key places: the main place and the facilities named
    anchors: frozenset[str]
    # The sentence itself names a key place (or the mention has none). A place the extractor
    # carried over from an earlier sentence ("the base") supports an event but does not make the
    # report an independent witness of it.
    names_place: bool


def mention_key(m: EventMention) -> tuple:
    """A total order on mentions that does not depend on input order."""
    return (m.doc, m.trigger, m.sentence, m.type, m.status, m.place or "", m.when or "", m.places)


def names_in_span(doc: Doc, places: PlaceIndex) -> Callable[[tuple[int, int]], set[str]]:
    """A lookup: the (canonical) entities named inside a span of ``doc``."""
    named = sorted((m.start, places.canonical(m.entity)) for m in doc.entities)
    starts = [start for start, _ in named]

    def inside(span: tuple[int, int]) -> set[str]:
        return {entity for _, entity in named[bisect_left(starts, span[0]):bisect_left(starts, span[1])]}
    return inside


def describe_mentions(docs: list[Doc], places: PlaceIndex) -> list[MentionInfo]:
    """Every event mention of ``docs`` in canonical order, with its dates, source and anchors."""
    roots = report_roots(docs)
    infos = []
    for doc in docs:
        reported = report_span(doc)
        named_in = names_in_span(doc, places)
        for m in doc.events:
            keys = tuple(places.key_places(m))
            anchors = frozenset(a for p in keys for a in places.anchors(p))
            names_place = not keys or bool(anchors & named_in(m.sentence))
            infos.append(MentionInfo(m, parse_span(m.when), reported, roots.get(m.doc, m.doc), keys, anchors,
                                     names_place))
    infos.sort(key=lambda i: mention_key(i.mention))
    return infos


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the smaller canonical index stays root, so roots are order-independent
            self.parent[max(ra, rb)] = min(ra, rb)


def _blocks(infos: list[MentionInfo]) -> dict[BlockKey, list[int]]:
    blocks: dict[BlockKey, list[int]] = defaultdict(list)
    for i, info in enumerate(infos):
        m = info.mention
        keys = info.anchors or {"actor:" + (m.actor or "")}
        for anchor in keys:
            blocks[(m.type, m.status, anchor)].append(i)
    return blocks


def _join_overlapping(infos: list[MentionInfo], members: list[int], uf: _UnionFind) -> None:
    dated = sorted((i for i in members if infos[i].when is not None), key=lambda i: infos[i].when.sort_key)  # type: ignore[union-attr]
    run_head, run_end = -1, date.min
    for i in dated:
        span = infos[i].when
        assert span is not None
        if run_head >= 0 and (span.start is None or span.start <= run_end):
            uf.union(run_head, i)
            run_end = date.max if span.end is None else max(run_end, span.end)
        else:
            run_head, run_end = i, span.end or date.max


def _envelope(spans: list[Span | None]) -> Span | None:
    known = [s for s in spans if s is not None]
    if not known:
        return None
    starts = [s.start for s in known]
    ends = [s.end for s in known]
    return Span(None if None in starts else min(starts), None if None in ends else max(ends))  # type: ignore[type-var]


def _attach_undated(infos: list[MentionInfo], blocks: dict[BlockKey, list[int]], uf: _UnionFind,
                    gap_days: int) -> None:
    """Join each mention without a date to the nearest dated happening of its blocks."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, info in enumerate(infos):
        if info.when is not None:
            members[uf.find(i)].append(i)
    envelopes = {root: _envelope([infos[i].reported for i in ids]) for root, ids in members.items()}
    best: dict[int, tuple[int, int, int]] = {}
    undated_blocks: dict[BlockKey, list[int]] = defaultdict(list)
    for key, ids in blocks.items():
        roots = sorted({uf.find(i) for i in ids if infos[i].when is not None})
        for i in ids:
            if infos[i].when is not None:
                continue
            undated_blocks[key].append(i)
            own = infos[i].reported
            for root in roots:
                env = envelopes[root]
                gap = 0 if env is None or own is None else env.gap_days(own)
                rank = (gap, -len(members[root]), root)
                if gap <= gap_days and (i not in best or rank < best[i]):
                    best[i] = rank
    for i, rank in best.items():
        uf.union(rank[2], i)
    for ids in undated_blocks.values():
        _join_by_report_date(infos, [i for i in ids if i not in best], uf, gap_days)


def _join_by_report_date(infos: list[MentionInfo], ids: list[int], uf: _UnionFind, gap_days: int) -> None:
    ordered = sorted(ids, key=lambda i: infos[i].reported.sort_key if infos[i].reported else (date.min, date.min))
    previous: int | None = None
    for i in ordered:
        if previous is not None:
            a, b = infos[previous].reported, infos[i].reported
            if a is None or b is None or a.gap_days(b) <= gap_days:
                uf.union(previous, i)
        previous = i


def group_mentions(infos: list[MentionInfo], settings: FusionSettings) -> list[list[MentionInfo]]:
    """Mentions of one happening grouped together, groups in canonical order."""
    uf = _UnionFind(len(infos))
    blocks = _blocks(infos)
    for members in blocks.values():
        _join_overlapping(infos, members, uf)
    _attach_undated(infos, blocks, uf, settings.happening_gap_days)
    groups: dict[int, list[MentionInfo]] = defaultdict(list)
    for i, info in enumerate(infos):
        groups[uf.find(i)].append(info)
    return [groups[root] for root in sorted(groups)]


def _newest_first(group: list[MentionInfo]) -> list[MentionInfo]:
    """Mentions from the newest report first (undated reports last), canonical order within."""
    def age(info: MentionInfo) -> tuple:
        span = info.reported
        return (0, date.max.toordinal() - span.sort_key[0].toordinal()) if span else (1, 0)
    return sorted(group, key=age)


def _most_common(values: list[str | None], newest: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    top = max(counts.values())
    return next(v for v in newest if v and counts[v] == top)


def _precise_when(group: list[MentionInfo]) -> str | None:
    dated = [(info.when.width, n, info.mention.when) for n, info in enumerate(_newest_first(group)) if info.when]
    return min(dated)[2] if dated else None


def _quantities(newest: list[MentionInfo]) -> tuple[tuple[str, str], ...]:
    merged: dict[str, str] = {}
    for info in newest:
        for name, value in info.mention.quantities:
            merged.setdefault(name, value)
    return tuple(sorted(merged.items()))


def event_id(type_: str, status: str, place: str | None, when: str | None, first: EventMention) -> str:
    """A stable id from what the event is and its first mention, never from list positions."""
    basis = "|".join([type_, status, place or "", when or "", first.doc, str(first.trigger[0])])
    return "ev:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:12]


def build_event(group: list[MentionInfo]) -> Event:
    """One event from the mentions of one happening (newest report wins; most precise date)."""
    newest = _newest_first(group)
    lead = newest[0].mention
    mentions = [info.mention for info in group]
    place = _most_common([info.places[0] if info.places else None for info in group],
                         [info.places[0] if info.places else None for info in newest])
    counts = Counter(p for info in group for p in info.places)
    ordered_places = tuple(sorted(counts, key=lambda p: (p != place, -counts[p], p)))
    when = _precise_when(group)
    return Event(
        id=event_id(lead.type, lead.status, place, when, mentions[0]),
        type=lead.type,
        status=lead.status,
        mentions=tuple(mentions),
        actor=_most_common([m.actor for m in mentions], [info.mention.actor for info in newest]),
        place=place,
        places=ordered_places,
        when=when,
        quantities=_quantities(newest),
        hedged=all(m.hedged for m in mentions),
        background=all(m.background for m in mentions),
        corroboration=len({info.root for info in group if info.names_place}) or 1,
    )


def fuse_events(docs: list[Doc], places: PlaceIndex) -> list[Event]:
    """Fuse the event mentions of ``docs`` into events, in canonical order."""
    infos = describe_mentions(docs, places)
    return [build_event(group) for group in group_mentions(infos, places.settings)]
