"""Arguments of an event mention: actor, places, time, quantities (normalised offsets)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from rasad.events.attribution import NamedSpan
from rasad.events.lexicon import clitics, never_actor_subtypes, settings, triggers
from rasad.events.triggers import Trigger

ACTOR_TYPES = ("organization", "person", "gpe")
PLACE_TYPES = ("gpe", "location", "facility")
# Facilities (bases, fields, crossings) are the most specific places: they beat towns and countries.
_PLACE_RANK = {"facility": 0, "location": 1, "gpe": 2}
_COUNTRY = "country"
_PREV_WORD = re.compile(r"(\w+)\W*$")
_WORDS = re.compile(r"\w+")


class TimeSpan(NamedTuple):
    """A time expression in normalised offsets with its ISO value."""

    start: int
    end: int
    value: str
    kind: str


def is_marked_place(text: str, span: NamedSpan, lang: str) -> bool:
    """Whether the entity is introduced as a place (after من/في/إلى, or with a joined ب)."""
    return _marked(text[max(0, span.start - 25):span.start], lang)


@lru_cache(maxsize=4096)
def _marked(before: str, lang: str) -> bool:
    joined = clitics(lang)
    # A joined ب is locative ("بالحسكة"); a joined ل is "to/for" and names a party as often as a place.
    if lang == "ar" and before.endswith("ب") and (
            len(before) < 2 or not before[-2].isalpha() or before[-2] in joined.conjunctions):
        return True
    m = _PREV_WORD.search(before)
    return bool(m) and joined.listed(m.group(1), triggers(lang).place_markers)


def _governed(text: str, span: NamedSpan, lang: str) -> bool:
    """Whether the entity is governed by the word before it (a preposition, an object-taking verbal
    noun, a construct head) or, in Arabic, by a joined ل ("لتنظيم", "للتحالف"): not the doer."""
    return _governed_by(text[max(0, span.start - 25):span.start + 2], min(25, span.start), lang)


@lru_cache(maxsize=4096)
def _governed_by(window: str, at: int, lang: str) -> bool:
    before, head = window[:at], window[at:]
    prefix = before[len(before) - len(before.split()[-1]):] if before and not before[-1].isspace() else ""
    if lang == "ar" and (prefix.lstrip("".join(clitics(lang).conjunctions)).startswith("ل")
                         or not prefix and head.startswith("لل")):
        return True
    if prefix.isalpha():
        return False  # the entity is joined to a clitic that does not govern it (و، ب …)
    m = _PREV_WORD.search(before)
    return bool(m) and clitics(lang).listed(m.group(1), triggers(lang).not_actor_after)


def candidates(text: str, spans: list[NamedSpan], lang: str) -> tuple[list[NamedSpan], list[NamedSpan]]:
    """The mentions of a sentence that may be an actor, and those that may be a place. Actors are
    unmarked, ungoverned organisations, people and countries (towns and cities are never actors);
    places are places, a country only when marked as one: named bare, a country is usually a party
    (the actor, a speaker), not where the event happens. Found once per sentence, for all its triggers."""
    never = never_actor_subtypes()
    actors: list[NamedSpan] = []
    places: list[NamedSpan] = []
    for span in spans:
        marked = None
        if span.type in PLACE_TYPES:
            if span.subtype != _COUNTRY:
                places.append(span)
            elif marked := is_marked_place(text, span, lang):
                places.append(span)
        if span.type in ACTOR_TYPES and span.subtype not in never and not (
                is_marked_place(text, span, lang) if marked is None else marked) and not _governed(text, span, lang):
            actors.append(span)
    return actors, places


def choose_actor(trigger: Trigger, actors: list[NamedSpan], excluded: tuple[int, int] | None) -> NamedSpan | None:
    """The actor among a sentence's possible ``actors`` (see ``candidates``): the nearest before
    the trigger, else after it, outside the ``excluded`` source phrase."""
    reach = settings().actor_reach
    start, end = trigger.start, trigger.end
    before: NamedSpan | None = None  # the one ending last
    after: NamedSpan | None = None  # the one starting first
    for s in actors:
        if excluded and excluded[0] <= s.start < excluded[1]:
            continue
        if s.end <= start:
            if start - s.end <= reach and (before is None or s.end > before.end):
                before = s
        elif s.start >= end and s.start - end <= reach // 2 and (after is None or s.start < after.start):
            after = s
    return before or after


def is_destination(text: str, span: NamedSpan, lang: str) -> bool:
    """Whether the place comes after a destination word ("متوجهة إلى", "toward"), within two words."""
    return _after_destination_word(text[max(0, span.start - 30):span.start], lang)


@lru_cache(maxsize=4096)
def _after_destination_word(before: str, lang: str) -> bool:
    markers, joined = triggers(lang).destination_markers, clitics(lang)
    return any(joined.listed(w, markers) for w in _WORDS.findall(before)[-2:])


def choose_places(trigger: Trigger, region: tuple[int, int, int, int], places: list[NamedSpan],
                  actor: NamedSpan | None, excluded: tuple[int, int] | None) -> list[NamedSpan]:
    """The trigger's places among a sentence's possible ``places`` (see ``candidates``): after it (up
    to the next trigger), else before it (back to the previous one), the main place first: a facility
    beats a town or a country, nearer beats farther."""
    before_start, before_end, after_start, after_end = region
    after, before = [], []
    for s in places:
        if s is actor or excluded and excluded[0] <= s.start < excluded[1]:
            continue
        if after_start <= s.start < after_end:
            after.append(s)
        elif before_start <= s.start < before_end:
            before.append(s)

    def rank(s: NamedSpan) -> tuple[int, int]:
        return _PLACE_RANK.get(s.type, 3), abs(s.start - trigger.start)

    chosen = after or before
    return sorted(chosen, key=rank) if len(chosen) > 1 else chosen


@lru_cache(maxsize=4096)
def _interval(value: str) -> tuple[date | None, date | None] | None:
    def point(v: str, end: bool) -> date | None:
        parts = v.split("-")
        try:
            year = int(parts[0])
            if len(parts) == 1:
                return date(year, 12, 31) if end else date(year, 1, 1)
            month = int(parts[1])
            if len(parts) == 2:
                if not end:
                    return date(year, month, 1)
                nxt = date(year + month // 12, month % 12 + 1, 1)
                return date.fromordinal(nxt.toordinal() - 1)
            return date(year, month, int(parts[2]))
        except (ValueError, IndexError):
            return None

    if "/" in value:
        a, b = value.split("/", 1)
        return (None if a in ("", "..") else point(a, False), None if b in ("", "..") else point(b, True))
    start, end = point(value, False), point(value, True)
    return (start, end) if start else None


def time_bounds(value: str | None) -> tuple[date | None, date | None] | None:
    """An ISO value as (first day, last day); None ends are open."""
    return _interval(value) if value else None


def time_owner(time: TimeSpan, found: list[Trigger]) -> int | None:
    """The index of the trigger a time expression belongs to: the trigger right before it (its
    adverbial: "سحبت القوات، قبل أربعة أيام، …"), else the nearest one."""
    reach = settings().time_reach
    preceding = [i for i, t in enumerate(found) if t.end <= time.start and time.start - t.end <= reach]
    if preceding:
        return preceding[-1]
    if not found:
        return None

    def gap(t: Trigger) -> int:
        return time.start - t.end if t.end <= time.start else t.start - time.end

    return min(range(len(found)), key=lambda i: gap(found[i]))


def choose_time(trigger: Trigger, owned: list[TimeSpan], status: str, published: date | None) -> TimeSpan | None:
    """The time a trigger owns that fits its status: a plan's time is not past, a done or ongoing
    act's time not future; the nearest wins."""
    fitting = []
    for t in owned:
        bounds = time_bounds(t.value)
        if bounds is None:
            continue
        if published and status == "planned" and bounds[1] and bounds[1] < published:
            continue
        if published and status != "planned" and bounds[0] and bounds[0] > published:
            continue
        fitting.append(t)
    return min(fitting, key=lambda t: abs(t.start - trigger.start)) if fitting else None
