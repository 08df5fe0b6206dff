"""Event triggers in a sentence: lexicon forms with their event type and aspect."""

from __future__ import annotations

from typing import NamedTuple

from rasad.events.lexicon import event_types, settings, triggers


class Trigger(NamedTuple):
    """A trigger word in normalised text: its span, event type, and aspect or fixed status."""

    start: int
    end: int
    type: str
    aspect: str  # perfect | imperfect | noun | a status name
    future: bool = False  # an imperfect verb with the future prefix س
    conjoined: bool = False  # joined to the word before by the conjunction و ("… وتسليمها")


_new = tuple.__new__  # a NamedTuple made without its constructor, a Python function


def _sense(senses: tuple[tuple[str, str], ...], prefix: str) -> tuple[str, str]:
    # A form that is both a verb and a verbal noun (سحب) is the noun when it carries the article.
    if "ال" in prefix or prefix.endswith("لل"):
        for sense in senses:
            if sense[1] == "noun":
                return sense
    return senses[0]


def find_triggers(text: str, start: int, end: int, lang: str) -> list[Trigger]:
    """Triggers in normalised ``text[start:end]``, overlaps resolved in favour of the longer one."""
    lexicon = triggers(lang)
    found: list[Trigger] = []
    for m in lexicon.matcher.finditer(text, start, end):
        before = max(start, m.start - 20)
        if lexicon.not_after_words.search(text, before, m.start) and lexicon.not_after.search(text, before, m.start):
            continue
        prefix = m.prefix
        event_type, aspect = _sense(lexicon.senses[m.form], prefix)
        future = aspect == "imperfect" and prefix.endswith("س")
        found.append(_new(Trigger, (m.form_start, m.form_end, event_type, aspect, future, prefix.startswith("و"))))
    for m in lexicon.gap_heads.finditer(text, start, end):
        for rest, event_type, aspect in lexicon.gap_tails[m.form]:
            tail = rest.match(text, m.end, end)
            if tail:
                found.append(Trigger(m.start, tail.end(), event_type, aspect))
                break
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    kept: list[Trigger] = []
    for trig in found:
        if kept and trig.start < kept[-1].end:
            if trig.end - trig.start > kept[-1].end - kept[-1].start:
                kept[-1] = trig
            continue
        kept.append(trig)
    return _merge_repeats(_drop_absorbed(kept))


def _absorbed(trigger: Trigger, found: list[Trigger]) -> bool:
    absorbers = event_types()[trigger.type].absorbed_by
    if not absorbers:
        return False
    near = settings().adjacent
    for other in found:
        if other is trigger:
            continue
        scope = absorbers.get(other.type)
        if scope == "sentence" or scope == "adjacent" and (
                0 <= other.start - trigger.end <= near or 0 <= trigger.start - other.end <= near):
            return True
    return False


def _drop_absorbed(found: list[Trigger]) -> list[Trigger]:
    if len(found) < 2:
        return found  # a trigger is absorbed only by another one
    return [t for t in found if not _absorbed(t, found)]


def _merge_repeats(found: list[Trigger]) -> list[Trigger]:
    """Adjacent triggers of one type name one happening ("نفذت خمس ضربات، استهدفت …")."""
    merged: list[Trigger] = []
    near = settings().adjacent
    for trig in found:
        last = merged[-1] if merged else None
        if last is not None and last.type == trig.type and 0 <= trig.start - last.end <= near:
            merged[-1] = Trigger(last.start, trig.end, last.type, last.aspect, last.future, last.conjoined)
            continue
        merged.append(trig)
    return merged
