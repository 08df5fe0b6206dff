"""Quantities in event sentences: a number (or a range) with its unit and qualifier.

Works on normalised text. Numbers and ranges come from ``rasad.mentions.numbers``; units and
qualifiers ("أكثر من", "نحو", "dozens of") from ``data/lexicons/{ar,en}/quantities.yaml``.
Values are strings: "900-1000" for a range, ">5700" for "more than", "~1000" for "about",
"<10" for "fewer than"; a vague count ("عشرات الشاحنات") is "tens", "hundreds" or "thousands".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import yaml

from rasad.mentions.numbers import find_numbers, number_first_words
from rasad.text.regexes import alternation, matches_at, optional_slots
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

__all__ = ["Quantity", "find_quantities"]

_QUALIFIER_SIGNS = {"more_than": ">", "about": "~", "fewer_than": "<"}
_VAGUE = ("tens", "hundreds", "thousands")
_UNIT, _VAGUE_COUNT, _NUMBER = "unit", "vague count", "number"  # kinds of cue words
# The unit may follow the number after a few words at most ("نحو خمسين جندياً وضابطاً").
_UNIT_GAP = r"\s*(?:\S+\s+){0,1}?"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A counted quantity: its name (troops, trucks, …), value, and span in normalised text."""

    name: str
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Lexicon:
    unit_re: re.Pattern[str]
    units: dict[str, str]
    qualifier_re: re.Pattern[str]
    qualifiers: dict[str, str]
    vague_re: re.Pattern[str]  # "عشرات", "dozens of": a count without a number
    vague_lead: int  # the longest proclitic before a vague count
    # The first words of units, vague counts and numbers in words, all found in one literal search
    # (much cheaper than the patterns, which try every position): a sentence without a unit has no
    # quantity, and the patterns are tried only where their first words are.
    cue_words: ahocorasick.Automaton


def _cue_words(units: list[str], vague: list[str]) -> ahocorasick.Automaton:
    """An automaton of the first words of ``units``, ``vague`` and the numbers in words, with
    their kinds and lengths as values."""
    kinds: dict[str, set[str]] = {}
    for kind, forms in ((_UNIT, units), (_VAGUE_COUNT, vague), (_NUMBER, number_first_words())):
        for form in filter(str.split, forms):
            kinds.setdefault(form.split()[0], set()).add(kind)
    automaton = ahocorasick.Automaton()
    for word, word_kinds in kinds.items():
        automaton.add_word(word, (tuple(word_kinds), len(word)))
    automaton.make_automaton()
    return automaton


def _cues(lex: _Lexicon, window: str) -> dict[str, list[int]]:
    """Where the cue words of each kind start in ``window``."""
    found: dict[str, list[int]] = {_UNIT: [], _VAGUE_COUNT: [], _NUMBER: []}
    for end, (kinds, length) in lex.cue_words.iter(window):
        for kind in kinds:
            found[kind].append(end + 1 - length)
    return found


@lru_cache(maxsize=2)
def _lexicon(lang: str) -> _Lexicon:
    raw = yaml.safe_load((DATA_DIR / "lexicons" / lang / "quantities.yaml").read_text(encoding="utf-8"))
    units = {normalise_key(f): name for name, forms in raw["units"].items() for f in forms}
    qualifiers = {normalise_key(f): name for name, forms in raw["qualifiers"].items() for f in forms}
    prefix = optional_slots([[normalise_key(c) for c in slot] for slot in (raw.get("unit_proclitics") or {}).values()])
    suffix = optional_slots([[normalise_key(c) for c in raw.get("unit_suffixes") or []]])
    proclitics = [normalise_key(c) for c in raw.get("qualifier_proclitics") or []]
    joined = optional_slots([proclitics])
    unit_re = re.compile(rf"{_UNIT_GAP}{prefix}(?P<unit>{alternation(list(units))}){suffix}(?![\w])")
    qualifier_re = re.compile(rf"(?<![\w]){joined}(?P<q>{alternation(list(qualifiers))})\s*\Z")
    vague = [q for q, name in qualifiers.items() if name in _VAGUE]
    vague_re = re.compile(rf"(?<![\w]){joined}(?P<q>{alternation(vague)})(?=\s)")
    return _Lexicon(unit_re, units, qualifier_re, qualifiers, vague_re, max(map(len, proclitics), default=0),
                    _cue_words(list(units), vague))


def _format(low: float, high: float | None, qualifier: str | None) -> str:
    def num(v: float) -> str:
        return str(int(v)) if float(v).is_integer() else str(v)

    if high is not None:
        return f"{num(low)}-{num(high)}"
    return _QUALIFIER_SIGNS.get(qualifier or "", "") + num(low)


def find_quantities(text: str, start: int, end: int, lang: str) -> list[Quantity]:
    """Counted quantities in the normalised ``text[start:end]``."""
    lex = _lexicon(lang)
    found: list[Quantity] = []
    window = text[start:end]
    cues = _cues(lex, window)
    if not cues[_UNIT]:
        return found
    for number in find_numbers(window, cues[_NUMBER]):
        unit = lex.unit_re.match(window, number.end)
        if not unit:
            continue
        lead_start = max(0, number.start - 20)
        before = lex.qualifier_re.search(window, lead_start, number.start)
        qualifier = lex.qualifiers[" ".join(before["q"].split())] if before else None
        q_start = before.start() if before else number.start
        value = _format(number.value, number.high, qualifier)
        found.append(Quantity(lex.units[" ".join(unit["unit"].split())], value, start + q_start, start + unit.end()))
    # A vague count opens at its first word, or at a proclitic just before it.
    vague = sorted({s - k for s in cues[_VAGUE_COUNT] for k in range(lex.vague_lead + 1)})
    for m in matches_at(lex.vague_re, window, vague):
        unit = lex.unit_re.match(window, m.end())
        if unit:
            name = lex.qualifiers[" ".join(m["q"].split())]
            found.append(Quantity(lex.units[" ".join(unit["unit"].split())], name, start + m.start(), start + unit.end()))
    return sorted(found, key=lambda q: q.start) if len(found) > 1 else found
