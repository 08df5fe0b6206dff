"""Status (planned, ongoing, completed, partial, denied) and hedging from the words of a sentence."""

from __future__ import annotations

from rasad.events.lexicon import event_types, hedge_cues, status_cues
from rasad.events.triggers import Trigger

# Cues count only this close before a trigger (characters of normalised text): about a clause.
CUE_WINDOW = 90
# A modal right after a verbal noun governs it: "عملية الإخلاء قد تستغرق أسابيع" (may take weeks).
MODAL_AFTER = 30
ASPECT_STATUS = {"perfect": "completed", "imperfect": "ongoing"}


def cue_status(text: str, sentence: tuple[int, int], trigger: Trigger, lang: str) -> str | None:
    """The status the words around ``trigger`` give it, or None when they say nothing."""
    sentence_start, sentence_end = sentence
    if trigger.aspect not in ASPECT_STATUS and trigger.aspect != "noun":
        return trigger.aspect
    if trigger.future:
        return "planned"
    cues, subjunctive = status_cues(lang)
    window_start = max(sentence_start, trigger.start - CUE_WINDOW)
    found = cues.find(text, window_start, trigger.start)
    found += [(m.start(), m.end(), "planned") for m in subjunctive.finditer(text, window_start, trigger.start)]
    if any(label == "denied" for _, _, label in found):
        return "denied"
    if not found:
        _, modal = hedge_cues(lang)
        after = modal.search(text, trigger.end, min(sentence_end, trigger.end + MODAL_AFTER)) if modal else None
        return "planned" if after and trigger.aspect == "noun" else None
    return max(found, key=lambda c: c[1])[2]


def default_status(trigger: Trigger) -> str:
    """The status a trigger has when no cue speaks: from its aspect, else the type's default."""
    return ASPECT_STATUS.get(trigger.aspect) or event_types()[trigger.type].default_status


def is_hedged(text: str, sentence: tuple[int, int], trigger: Trigger, lang: str) -> bool:
    """Whether the words of its sentence give ``trigger`` as likely rather than known."""
    sentence_start, sentence_end = sentence
    cues, modal = hedge_cues(lang)
    if cues.find(text, sentence_start, trigger.start):
        return True
    return bool(modal and modal.search(text, sentence_start, min(sentence_end, trigger.end + MODAL_AFTER)))
