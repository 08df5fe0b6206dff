"""Status (planned, ongoing, completed, partial, denied) and hedging from the words of a sentence."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rasad.events.lexicon import event_types, hedge_cues, settings, status_cues, word_patterns
from rasad.events.triggers import Trigger
from rasad.text.regexes import document_beyond_bmp, first_strings, non_word_bmp

# An infinitive ("to withdraw") is an act intended unless a cue before it says otherwise ("began to").
ASPECT_STATUS = {"perfect": "completed", "imperfect": "ongoing", "infinitive": "planned"}


class SentenceCues(NamedTuple):
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


@lru_cache(maxsize=2)
def _word_scanner(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], int]:
    """One pattern that finds, in a single pass, every match of the sentence-level patterns of
    ``lang`` (subjunctive, denials, modal, negation, subjunctive verb): each is captured in its own
    group inside a lookahead, so that matches of different patterns may overlap.

    Each begins with a word (as the lexicons say), so only word starts are tried: the scanner
    consumes the character before the word, and a pattern that opens with a character class lets
    the regex engine skip to the next one in a tight loop (the class written out, see
    rasad.text.regexes; the second pattern is for texts with characters past U+FFFF). The third
    is for a word at the very start of the text, which has no character before it.
    """
    words = word_patterns(lang)
    _, subjunctive = status_cues(lang)
    _, modal = hedge_cues(lang)
    parts = [subjunctive, words.negation, words.subjunctive_verb, *words.denials]
    parts += [modal] if modal else []
    bodies = [p.pattern for p in parts]
    any_ = "|".join(f"(?:{b})" for b in bodies)
    groups = "".join(f"(?=(?P<g{i}>{b}))?" for i, b in enumerate(bodies))
    body = rf"{_opening(bodies)}(?=(?:{any_})){groups}"
    return re.compile(non_word_bmp() + body), re.compile(rf"[^\w]{body}"), re.compile(body), len(bodies)


def _opening(bodies: list[str]) -> str:
    """A cheap test of how a word must begin for any of the patterns to match there: its first two
    letters if they can be told ("لم", "ان", "قد" …: most words, and every word with the article,
    are passed over at once), else its first letter, else any word."""
    for length in (2, 1):
        openings = [first_strings(b, length) for b in bodies]
        if all(o is not None for o in openings):
            found = sorted(set().union(*openings))  # type: ignore[arg-type]
            return "(?=" + "|".join(map(re.escape, found)) + ")" if found else "(?!)"
    return r"(?=\w)"


def _scan(text: str, start: int, end: int, lang: str) -> list[list[tuple[int, int]]]:
    """Per pattern of ``_word_scanner``, its non-overlapping matches as ``finditer`` would give them."""
    bmp, general, at_start, n = _word_scanner(lang)
    scanner = general if document_beyond_bmp(text) else bmp
    matches = list(scanner.finditer(text, max(0, start - 1), end))
    if not start and (first := at_start.match(text, 0, end)):
        matches.insert(0, first)
    found: list[list[tuple[int, int]]] = [[] for _ in range(n)] if matches else [[]] * n  # read only if empty
    last = [start] * n
    for m in matches:
        for i in range(n):
            s = m.start(f"g{i}")
            if s >= 0 and s >= last[i]:
                e = m.end(f"g{i}")
                found[i].append((s, e))
                last[i] = e if e > s else e + 1
    return found


def _governed(spans: list[tuple[int, int]], text: str, end: int) -> tuple[tuple[int, int], ...]:
    out = []
    for _, e in spans:
        word = _WORD.match(text, e, end)
        if word:
            out.append((word.start(), word.end()))
    return tuple(out)


def find_cues(text: str, start: int, end: int, lang: str) -> SentenceCues:
    """Every status and hedge cue in the normalised sentence ``text[start:end]``."""
    cues, _ = status_cues(lang)
    words = word_patterns(lang)
    hedges, modal = hedge_cues(lang)
    scans = _scan(text, start, end, lang)
    subjunctive, negation, subjunctive_verb = scans[0], scans[1], scans[2]
    denials = scans[3:3 + len(words.denials)]
    modals = scans[3 + len(words.denials)] if modal else []
    found = cues.find(text, start, end)
    found += [(s, e, "planned") for s, e in subjunctive]
    found += [(s, e, "denied") for spans in denials for s, e in spans]
    return SentenceCues(found, hedges.find(text, start, end), modals,
                        _governed(negation, text, end), _governed(subjunctive_verb, text, end))


def _in_word(spans: tuple[tuple[int, int], ...], trigger: Trigger) -> bool:
    start = trigger.start
    for lo, hi in spans:
        if lo <= start < hi:
            return True
    return False


def cue_status(cues: SentenceCues, window_start: int, trigger: Trigger) -> str | None:
    """The status the words around ``trigger`` give it, or None when they say nothing.

    The nearest cue before the trigger (after ``window_start``, at most a clause away) wins, but a
    denial anywhere in that stretch wins outright: negation scopes over the plan it denies.
    """
    start = trigger.start
    lo = max(window_start, start - settings().cue_window)
    nearest: tuple[int, int, str] | None = None  # the cue before the trigger that ends last
    for cue in cues.status:
        if lo <= cue[0] and cue[1] <= start:
            if cue[2] == "denied":
                return "denied"
            if nearest is None or cue[1] > nearest[1]:
                nearest = cue
    if _in_word(cues.negated, trigger):
        return "denied"
    if trigger.aspect not in ASPECT_STATUS and trigger.aspect != "noun":
        return trigger.aspect
    if trigger.future or trigger.aspect == "imperfect" and _in_word(cues.subjunctive, trigger):
        return "planned"
    if nearest is not None:
        return nearest[2]
    if trigger.aspect != "noun" or not cues.modals:
        return None
    reach = trigger.end + settings().modal_after
    return "planned" if any(trigger.end <= s < reach for s, _ in cues.modals) else None


def default_status(trigger: Trigger) -> str:
    """The status a trigger has when no cue speaks: from its aspect, else the type's default."""
    return ASPECT_STATUS.get(trigger.aspect) or event_types()[trigger.type].default_status


def is_hedged(cues: SentenceCues, trigger: Trigger) -> bool:
    """Whether the words of its sentence give ``trigger`` as likely rather than known."""
    if cues.hedges and any(end <= trigger.start for _, end, _ in cues.hedges):
        return True
    return bool(cues.modals) and any(start < trigger.end + settings().modal_after for start, _ in cues.modals)
