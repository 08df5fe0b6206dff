"""Status (planned, ongoing, completed, partial, denied) and hedging from the words of a sentence."""

from __future__ import annotations

from dataclasses import dataclass

import re

from rasad.events.lexicon import event_types, hedge_cues, settings, status_cues, word_patterns
from rasad.events.triggers import Trigger

ASPECT_STATUS = {"perfect": "completed", "imperfect": "ongoing"}


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """The status and hedge cues of one sentence (normalised offsets), found once for all its triggers."""

    status: list[tuple[int, int, str]]
    hedges: list[tuple[int, int, str]]
    modals: list[tuple[int, int]]  # a modal particle before an imperfect verb ("قد تستغرق")
    negated: tuple[tuple[int, int], ...] = ()  # words right after a negator ("لم تنسحب", "did not withdraw")
    subjunctive: tuple[tuple[int, int], ...] = ()  # imperfect verbs right after "أن"


_WORD = re.compile(r"\w+")


def _governed_words(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The spans of the words that begin where ``pattern`` ends."""
    spans = []
    for m in pattern.finditer(text, start, end):
        word = _WORD.match(text, m.end(), end)
        if word:
            spans.append((word.start(), word.end()))
    return tuple(spans)


def find_cues(text: str, start: int, end: int, lang: str) -> SentenceCues:
    """Every status and hedge cue in the normalised sentence ``text[start:end]``."""
    cues, subjunctive = status_cues(lang)
    found = cues.find(text, start, end)
    found += [(m.start(), m.end(), "planned") for m in subjunctive.finditer(text, start, end)]
    words = word_patterns(lang)
    found += [(m.start(), m.end(), "denied") for p in words.denials for m in p.finditer(text, start, end)]
    hedges, modal = hedge_cues(lang)
    modals = [(m.start(), m.end()) for m in modal.finditer(text, start, end)] if modal else []
    return SentenceCues(found, hedges.find(text, start, end), modals,
                        _governed_words(words.negation, text, start, end),
                        _governed_words(words.subjunctive_verb, text, start, end))


def _in_word(spans: tuple[tuple[int, int], ...], trigger: Trigger) -> bool:
    return any(lo <= trigger.start < hi for lo, hi in spans)


def cue_status(cues: SentenceCues, window_start: int, trigger: Trigger) -> str | None:
    """The status the words around ``trigger`` give it, or None when they say nothing.

    The nearest cue before the trigger (after ``window_start``, at most a clause away) wins, but a
    denial anywhere in that stretch wins outright: negation scopes over the plan it denies.
    """
    lo = max(window_start, trigger.start - settings().cue_window)
    before = [c for c in cues.status if lo <= c[0] and c[1] <= trigger.start]
    if _in_word(cues.negated, trigger) or any(label == "denied" for _, _, label in before):
        return "denied"
    if trigger.aspect not in ASPECT_STATUS and trigger.aspect != "noun":
        return trigger.aspect
    if trigger.future or trigger.aspect == "imperfect" and _in_word(cues.subjunctive, trigger):
        return "planned"
    if before:
        return max(before, key=lambda c: c[1])[2]
    after = any(trigger.end <= s < trigger.end + settings().modal_after for s, _ in cues.modals)
    return "planned" if after and trigger.aspect == "noun" else None


def default_status(trigger: Trigger) -> str:
    """The status a trigger has when no cue speaks: from its aspect, else the type's default."""
    return ASPECT_STATUS.get(trigger.aspect) or event_types()[trigger.type].default_status


def is_hedged(cues: SentenceCues, trigger: Trigger) -> bool:
    """Whether the words of its sentence give ``trigger`` as likely rather than known."""
    if any(end <= trigger.start for _, end, _ in cues.hedges):
        return True
    return any(start < trigger.end + settings().modal_after for start, _ in cues.modals)
