"""Event fusion: mentions of one happening across reports become one ``Event``.

Mentions are compared only inside blocks of (type, status, anchor of a key place), so the cost grows
with the number of mentions, not with its square. Dated mentions are grouped most precise date
first, and a mention joins a happening only when its date overlaps the dates of every mention
already in it: two dates that do not overlap are two happenings, and a wide date ("by August")
joins one of them rather than bridging both. A mention without a date joins the happening whose
reports are nearest in time, within ``happening_gap_days``. Everything runs on a canonical order of
mentions, so the result does not depend on the order reports arrive in.

A fused event keeps every place its mentions name; its main place is the one most reports name
first (ties: more mentions, the more specific place, the newest report).

An event's corroboration counts the distinct source reports (a copy or a translation counts with
its original) that name its place in the reporting sentence itself.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right, insort
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
    named: tuple[str, ...]  # every place the mention names (canonical), its main place first
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
            named = places.named(m)
            keys = tuple(places.key_of(named))
            anchors = frozenset(a for p in keys for a in places.anchors(p))
            names_place = not keys or bool(anchors & named_in(m.sentence))
            infos.append(MentionInfo(m, parse_span(m.when), reported, roots.get(m.doc, m.doc), keys,
                                     tuple(named), anchors, names_place))
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


def block_keys(info: MentionInfo) -> list[BlockKey]:
    """The blocks a mention is compared in: its type and status with each anchor of its key places."""
    m = info.mention
    anchors = sorted(info.anchors) or ["actor:" + (m.actor or "")]
    return [(m.type, m.status, anchor) for anchor in anchors]


def _intersection(a: Span, b: Span) -> Span:
    starts = [s for s in (a.start, b.start) if s is not None]
    ends = [e for e in (a.end, b.end) if e is not None]
    return Span(max(starts) if starts else None, min(ends) if ends else None)


@dataclass(slots=True)
class _Happening:
    """Dated mentions of one happening: every pair of their dates overlaps (they share ``common``)."""

    first: int
    common: Span
    members: list[int]
    places: set[str]
    roots: set[str]
    reported: list[Span | None]
    blocks: set[BlockKey]


def _first_day(span: Span) -> int:
    return span.start.toordinal() if span.start else 0


def _fitting(span: Span, block: list[tuple[int, int]], happenings: list[_Happening]) -> list[int]:
    """The happenings of a block (sorted by the first day they share) whose shared dates overlap ``span``.

    Happenings are built most precise date first, so none shares more days than ``span`` covers:
    one that overlaps it starts at most that many days before it."""
    if span.start is None or span.end is None:
        window = block
    else:
        lo = span.start.toordinal() - int(span.width) + 1
        window = block[bisect_left(block, (lo, -1)):bisect_right(block, (span.end.toordinal(), len(happenings)))]
    return [h for _, h in window if happenings[h].common.overlaps(span)]


def _join_dated(infos: list[MentionInfo], uf: _UnionFind) -> list[_Happening]:
    """Dated mentions grouped so that no two dates in a group are apart.

    Two mentions whose dates do not overlap are different happenings (a withdrawal on the 28th and
    one on the 2nd), however wide a third mention's date is: a wide date ("by August") joins one
    happening, never bridges two. Mentions are taken most precise date first; one that fits several
    happenings joins the one sharing most of its key places, then the one more reports carry."""
    order = sorted((i for i, info in enumerate(infos) if info.when is not None),
                   key=lambda i: (infos[i].when.width, infos[i].when.sort_key, i))  # type: ignore[union-attr]
    happenings: list[_Happening] = []
    in_block: dict[BlockKey, list[tuple[int, int]]] = defaultdict(list)  # (first shared day, happening)
    for i in order:
        info = infos[i]
        span = info.when
        assert span is not None
        keys = block_keys(info)
        places = set(info.places)
        fitting = {h for key in keys if key in in_block for h in _fitting(span, in_block[key], happenings)}
        if fitting:
            h = min(fitting, key=lambda h: (-len(happenings[h].places & places), -len(happenings[h].roots), h))
            happening = happenings[h]
            before = (_first_day(happening.common), h)
            happening.common = _intersection(happening.common, span)
            after = (_first_day(happening.common), h)
            if after != before:
                for key in happening.blocks:
                    block = in_block[key]
                    del block[bisect_left(block, before)]
                    insort(block, after)
            happening.members.append(i)
            happening.places |= places
            happening.roots.add(info.root)
            happening.reported.append(info.reported)
            uf.union(happening.first, i)
        else:
            h = len(happenings)
            happenings.append(_Happening(i, span, [i], places, {info.root}, [info.reported], set()))
        for key in keys:
            if key not in happenings[h].blocks:
                happenings[h].blocks.add(key)
                insort(in_block[key], (_first_day(happenings[h].common), h))
    return happenings


def _envelope(spans: list[Span | None]) -> Span | None:
    known = [s for s in spans if s is not None]
    if not known:
        return None
    starts = [s.start for s in known]
    ends = [s.end for s in known]
    return Span(None if None in starts else min(starts), None if None in ends else max(ends))  # type: ignore[type-var]


class _ByReportDate:
    """The happenings of one block, found by the dates of the reports that tell them."""

    def __init__(self, members: list[int], envelopes: list[Span | None]) -> None:
        self.closed: list[tuple[int, int]] = []  # (first report day, happening)
        self.unbounded: list[int] = []  # happenings told by an undated report
        self.widest = 0
        for h in members:
            env = envelopes[h]
            if env is None or env.start is None or env.end is None:
                self.unbounded.append(h)
            else:
                self.closed.append((env.start.toordinal(), h))
                self.widest = max(self.widest, (env.end - env.start).days)
        self.closed.sort()

    def near(self, own: Span | None, gap_days: int) -> list[int]:
        """Happenings whose reports may lie within ``gap_days`` of ``own`` (a superset)."""
        if own is None or own.start is None or own.end is None:
            return [h for _, h in self.closed] + self.unbounded
        lo = own.start.toordinal() - gap_days - self.widest
        hi = own.end.toordinal() + gap_days
        window = self.closed[bisect_left(self.closed, (lo, -1)):bisect_left(self.closed, (hi + 1, -1))]
        return [h for _, h in window] + self.unbounded


def _attach_undated(infos: list[MentionInfo], happenings: list[_Happening], uf: _UnionFind,
                    gap_days: int) -> None:
    """Join each mention without a date to the happening of its blocks whose reports are nearest
    in time (within ``gap_days``); the rest join each other by report date."""
    members: dict[BlockKey, list[int]] = defaultdict(list)
    for h, happening in enumerate(happenings):
        for key in happening.blocks:
            members[key].append(h)
    envelopes = [_envelope(h.reported) for h in happenings]
    in_block = {key: _ByReportDate(hs, envelopes) for key, hs in members.items()}
    undated_blocks: dict[BlockKey, list[int]] = defaultdict(list)
    for i, info in enumerate(infos):
        if info.when is not None:
            continue
        keys = block_keys(info)
        own, places = info.reported, set(info.places)
        best: tuple | None = None
        for h in {h for key in keys if key in in_block for h in in_block[key].near(own, gap_days)}:
            env = envelopes[h]
            gap = 0 if env is None or own is None else env.gap_days(own)
            rank = (gap, -len(happenings[h].places & places), -len(happenings[h].members), h)
            if gap <= gap_days and (best is None or rank < best):
                best = rank
        if best is not None:
            uf.union(happenings[best[-1]].first, i)
        else:
            for key in keys:
                undated_blocks[key].append(i)
    for ids in undated_blocks.values():
        _join_by_report_date(infos, ids, uf, gap_days)


def _join_by_report_date(infos: list[MentionInfo], ids: list[int], uf: _UnionFind, gap_days: int) -> None:
    ordered = sorted(ids, key=lambda i: (infos[i].reported.sort_key if infos[i].reported else (date.min, date.min), i))
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
    happenings = _join_dated(infos, uf)
    _attach_undated(infos, happenings, uf, settings.happening_gap_days)
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


def _main_place(group: list[MentionInfo], newest: list[MentionInfo], places: PlaceIndex) -> str | None:
    """The place most reports name as their main place; then most mentions; then the most
    specific (a facility, then a town, then wider); then the newest report's; then the id."""
    reports: dict[str, set[str]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    for info in group:
        if info.places:
            reports[info.places[0]].add(info.root)
            mentions[info.places[0]] += 1
    recency: dict[str, int] = {}
    for n, info in enumerate(newest):
        if info.places:
            recency.setdefault(info.places[0], n)
    return min(mentions, key=lambda p: (-len(reports[p]), -mentions[p], -places.specificity(p), recency[p], p),
               default=None)


def _all_places(group: list[MentionInfo], main: str | None) -> tuple[str, ...]:
    """Every place the mentions name, the main place first, then by how many reports name them."""
    reports: dict[str, set[str]] = defaultdict(set)
    for info in group:
        for place in info.named:
            reports[place].add(info.root)
    return tuple(sorted(reports, key=lambda p: (p != main, -len(reports[p]), p)))


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


def build_event(group: list[MentionInfo], places: PlaceIndex) -> Event:
    """One event from the mentions of one happening: every place they name, the main place by
    ``_main_place``, the most precise date, the newest report's actor on a tie."""
    newest = _newest_first(group)
    lead = newest[0].mention
    mentions = [info.mention for info in group]
    place = _main_place(group, newest, places)
    when = _precise_when(group)
    return Event(
        id=event_id(lead.type, lead.status, place, when, mentions[0]),
        type=lead.type,
        status=lead.status,
        mentions=tuple(mentions),
        actor=_most_common([m.actor for m in mentions], [info.mention.actor for info in newest]),
        place=place,
        places=_all_places(group, place),
        when=when,
        quantities=_quantities(newest),
        hedged=all(m.hedged for m in mentions),
        background=all(m.background for m in mentions),
        corroboration=len({info.root for info in group if info.names_place}) or 1,
    )


def fuse_events(docs: list[Doc], places: PlaceIndex) -> list[Event]:
    """Fuse the event mentions of ``docs`` into events, in canonical order."""
    infos = describe_mentions(docs, places)
    return [build_event(group, places) for group in group_mentions(infos, places.settings)]
