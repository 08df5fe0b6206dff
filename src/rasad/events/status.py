"""Status (planned, ongoing, completed, partial, denied) and hedging from the words of a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from rasad.events.lexicon import event_types, hedge_cues, settings, status_cues
from rasad.events.triggers import Trigger

ASPECT_STATUS = {"perfect": "completed", "imperfect": "ongoing"}


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """The status and hedge cues of one sentence (normalised offsets), found once for all its triggers."""

    status: list[tuple[int, int, str]]
    hedges: list[tuple[int, int, str]]
    modals: list[tuple[int, int]]  # a modal particle before an imperfect verb ("قد تستغرق")


def find_cues(text: str, start: int, end: int, lang: str) -> SentenceCues:
    """Every status and hedge cue in the normalised sentence ``text[start:end]``."""
    cues, subjunctive = status_cues(lang)
    found = cues.find(text, start, end)
    found += [(m.start(), m.end(), "planned") for m in subjunctive.finditer(text, start, end)]
    hedges, modal = hedge_cues(lang)
    modals = [(m.start(), m.end()) for m in modal.finditer(text, start, end)] if modal else []
    return SentenceCues(found, hedges.find(text, start, end), modals)


def cue_status(cues: SentenceCues, window_start: int, trigger: Trigger) -> str | None:
    """The status the words around ``trigger`` give it, or None when they say nothing.

    The nearest cue before the trigger (after ``window_start``, at most a clause away) wins, but a
    denial anywhere in that stretch wins outright: negation scopes over the plan it denies.
    """
    if trigger.aspect not in ASPECT_STATUS and trigger.aspect != "noun":
        return trigger.aspect
    if trigger.future:
        return "planned"
    lo = max(window_start, trigger.start - settings().cue_window)
    before = [c for c in cues.status if lo <= c[0] and c[1] <= trigger.start]
    if any(label == "denied" for _, _, label in before):
        return "denied"
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
