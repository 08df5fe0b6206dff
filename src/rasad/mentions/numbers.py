"""Numbers written in digits or words (Arabic and English), ordinals, and numeric ranges.

Everything here works on *normalised* text (``rasad.text.normalise``): Arabic-Indic digits are
already ASCII, hamza seats and ta marbuta folded. The vocabulary lives in
``data/lexicons/{ar,en}/numbers.yaml``; compounds (21-99) are built from its units and tens.

Public API:
- ``NUMBER``: a regex fragment (no groups) matching one cardinal number, digits or words.
- ``ORDINAL``: a regex fragment matching one ordinal ("الثامن", "الحادي والعشرين", "8th", "first").
- ``parse_number(text)`` / ``parse_ordinal(text)``: the value of a matched fragment, or None.
- ``find_numbers(text)``: every number or range ("900-1000", "بين 15 و20") in a normalised text.
- ``number_first_words()``: the words one of which opens any number written in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
import yaml

from rasad.paths import DATA_DIR
from rasad.text.regexes import alternation, matches_at
from rasad.text.normalise import normalise_key, normalise_text

__all__ = ["INDEFINITE", "NUMBER", "NUMBER_OR_INDEFINITE", "ORDINAL", "WORD_START", "NumberMatch",
           "find_numbers", "number_first_words", "number_forms", "ordinal_forms",
           "parse_number", "parse_ordinal"]

LANGUAGES = ("ar", "en")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?"
_ORDINAL_DIGITS = r"\d{1,3}(?:st|nd|rd|th)"


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number or a range of numbers found in normalised text (``high`` set for ranges)."""

    start: int
    end: int
    value: int | float
    high: int | float | None = None


@dataclass(frozen=True, slots=True)
class _Words:
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    indefinite: dict[str, int]
    joiners: tuple[str, ...]
    proclitics: tuple[str, ...] = ()  # one letter each, joined to a number


def _load_language(lang: str) -> _Words:
    raw = yaml.safe_load((DATA_DIR / "lexicons" / lang / "numbers.yaml").read_text(encoding="utf-8"))
    conjunctions = [normalise_text(c).text for c in raw["conjunctions"]]
    unit_first = raw["compound_order"] == "unit_first"

    def compounds(units: dict[int, list[str]], tens: dict[int, list[str]]) -> dict[str, int]:
        out = {}
        for u, u_forms in units.items():
            for t, t_forms in tens.items():
                for uf in u_forms:
                    for tf in t_forms:
                        for conj in conjunctions:
                            form = f"{uf}{conj}{tf}" if unit_first else f"{tf}{conj}{uf}"
                            out[normalise_text(form).text] = u + t
        return out

    cardinal_forms = {int(k): v for k, v in raw["cardinals"].items()}
    ordinal_forms = {int(k): v for k, v in raw["ordinals"].items()}
    cardinals = {normalise_key(f): v for v, forms in cardinal_forms.items() for f in forms}
    cardinals |= compounds({u: cardinal_forms[u] for u in raw["units"]}, {t: cardinal_forms[t] for t in raw["tens"]})
    ordinals = {normalise_key(f): v for v, forms in ordinal_forms.items() for f in forms}
    ordinal_units = {int(k): v for k, v in raw["ordinal_units"].items()}
    tens_forms = cardinal_forms if raw["ordinal_tens_from"] == "cardinals" else ordinal_forms
    ordinals |= compounds(ordinal_units, {t: tens_forms[t] for t in raw["ordinal_tens"]})
    indefinite = {normalise_key(f): 1 for f in raw.get("indefinite") or []}
    joiners = tuple(normalise_key(j) for j in raw["range_joiners"])
    proclitics = tuple(normalise_key(p) for p in raw.get("proclitics") or [])
    if any(len(p) != 1 for p in proclitics):
        raise ValueError(f"lexicons/{lang}/numbers.yaml: a proclitic before a number is one letter: {proclitics}")
    return _Words(cardinals, ordinals, indefinite, joiners, proclitics)


@lru_cache(maxsize=1)
def _words() -> _Words:
    parts = [_load_language(lang) for lang in LANGUAGES]
    return _Words(
        cardinals={k: v for w in parts for k, v in w.cardinals.items()},
        ordinals={k: v for w in parts for k, v in w.ordinals.items()},
        indefinite={k: v for w in parts for k, v in w.indefinite.items()},
        joiners=tuple(dict.fromkeys(j for w in parts for j in w.joiners)),
        proclitics=tuple(dict.fromkeys(p for w in parts for p in w.proclitics)),
    )


NUMBER = f"(?:{_DIGITS}|{alternation(_words().cardinals)}(?!\\w))"
INDEFINITE = alternation(_words().indefinite) + r"(?!\w)"
NUMBER_OR_INDEFINITE = f"(?:{NUMBER}|{INDEFINITE})"
ORDINAL = f"(?:{_ORDINAL_DIGITS}|{alternation(_words().ordinals)}(?!\\w))"
_WS = re.compile(r"\s+")
_DIGITS_RE = re.compile(_DIGITS)
_PROCLITICS = "".join(_words().proclitics)
_PROCLITIC = f"[{re.escape(_PROCLITICS)}]" if _PROCLITICS else "(?!)"
# A word starts here: after a non-word character, or after a one-letter proclitic (و ف ب ل ك).
WORD_START = rf"(?:(?<![\w.,])|(?<=(?<!\w){_PROCLITIC}))"


def number_forms() -> list[str]:
    """Every cardinal written in words, and the articles that count as one, in normalised form."""
    return list(_words().cardinals) + list(_words().indefinite)


def ordinal_forms() -> list[str]:
    """Every ordinal written in words, in normalised form."""
    return list(_words().ordinals)


def parse_number(text: str) -> int | float | None:
    """The value of a cardinal written in digits ("5,700", "1.7") or words ("ثلاثة وعشرين")."""
    key = _WS.sub(" ", text).strip()
    if _DIGITS_RE.fullmatch(key):
        if "." in key:
            return float(key)
        return int(key.replace(",", ""))
    words = _words()
    return words.cardinals.get(key, words.indefinite.get(key))


def parse_ordinal(text: str) -> int | None:
    """The value of an ordinal ("الثامن", "الحادي والعشرين", "21st", "first"), else None."""
    key = _WS.sub(" ", text).strip()
    if re.fullmatch(_ORDINAL_DIGITS, key):
        return int(key[:-2])
    return _words().ordinals.get(key)


# The pattern consumes the character before the number (any non-word character; not "." or ","
# unless a one-letter proclitic follows, as WORD_START says). find_numbers puts a space before the
# text so that a number may open it.
_RANGE_RE = re.compile(rf"[^\w](?:(?<![.,])|{_PROCLITIC})(?P<low>{NUMBER})"
                       rf"(?:\s*(?:{alternation(_words().joiners)})\s*(?P<high>{NUMBER}))?")
# A number starts with a digit or with the first word of a number in words. Finding those (a digit
# class, a literal automaton) and trying the pattern there alone is much cheaper than trying it
# after every non-word character.
_DIGIT_RUN = re.compile(r"\d\d*")  # not \d+: a pattern opening with a class skips ahead faster


@lru_cache(maxsize=1)
def number_first_words() -> frozenset[str]:
    """The first words of the numbers written in words (one of them starts any such number)."""
    return frozenset(f.split()[0] for f in _words().cardinals)


@lru_cache(maxsize=1)
def _first_words() -> ahocorasick.Automaton:
    """``number_first_words()`` as an automaton, with their lengths as values."""
    automaton = ahocorasick.Automaton()
    for word in number_first_words():
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _openings(text: str, starts: list[int]) -> list[int]:
    """Where a match of ``_RANGE_RE`` may open for a number at each of ``starts``: on the non-word
    character just before it, or on the one before its proclitic."""
    openings = set()
    for start in starts:
        before = text[start - 1]
        if not (before.isalnum() or before == "_"):  # what [^\w] matches
            openings.add(start - 1)
        elif before in _PROCLITICS:
            openings.add(start - 2)
    return sorted(openings)


def find_numbers(text: str, word_starts: list[int] | None = None) -> list[NumberMatch]:
    """Every number and numeric range in normalised ``text``, as spans into that text.

    ``word_starts`` spares a search the caller has made already: where the words of
    ``number_first_words()`` occur in ``text`` (more positions are harmless).
    """
    if word_starts is None:
        word_starts = [end + 1 - length for end, length in _first_words().iter(text)]
    text = " " + text
    starts = [s + 1 for s in word_starts] + [m.start() for m in _DIGIT_RUN.finditer(text)]
    found = []
    for m in matches_at(_RANGE_RE, text, _openings(text, starts)):
        low = parse_number(m["low"])
        if low is None:
            continue
        high = parse_number(m["high"]) if m["high"] else None
        found.append(NumberMatch(m.start("low") - 1, m.end() - 1, low, high))
    return found
