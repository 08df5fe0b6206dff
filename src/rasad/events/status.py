"""Status (planned, ongoing, completed, partial, denied) and hedging from the words of a sentence."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rasad.events.lexicon import event_types, hedge_cues, settings, status_cues, word_patterns
from rasad.events.triggers import Trigger
from rasad.text.regexes import beyond_bmp, first_strings, non_word_bmp

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
    found: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    last = [start] * n
    scanner = general if beyond_bmp(text[max(0, start - 1):end]) else bmp
    matches = list(scanner.finditer(text, max(0, start - 1), end))
    if not start and (first := at_start.match(text, 0, end)):
        matches.insert(0, first)
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
