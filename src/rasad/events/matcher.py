"""Whole-word matching of lexicon forms, with Arabic clitics, by one Aho-Corasick pass per text.

A ``FormMatcher`` finds what this regex would find with ``finditer`` over ``text[start:end]``::

    (?<!\\w) PREFIX?? FORM SUFFIX? (?!\\w)

where PREFIX is an optional run of proclitics (in Arabic: conjunction, preposition or future
prefix, article; see ``event_proclitics`` in lexicons/ar/clitics.yaml), tried in a fixed order,
FORM any lexicon form (longest first, a space standing for any run of white space) and SUFFIX one
of the lexicon's attached endings. The regex engine pays for every
word start and every clitic split in every sentence; here the automaton reads a document once, and
each sentence then looks up the few hits that fall inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import ahocorasick
import numpy as np


def proclitic_runs(slots: list[list[str]]) -> tuple[str, ...]:
    """Every run of proclitics, one optional choice per slot, in the order a backtracking regex
    tries them: none at all first, then slot by slot each choice before leaving the slot empty."""
    runs = [""]

    def extend(i: int, run: str) -> None:
        if i == len(slots):
            if run not in runs:
                runs.append(run)
            return
        for choice in (*slots[i], ""):
            extend(i + 1, run + choice)

    extend(0, "")
    return tuple(runs)


_NOT_WORD = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s")
_WORD_REST = re.compile(r"\w*")


# Many are made: tuple.__new__ skips the NamedTuple constructor, a Python function.
_new = tuple.__new__


class FormMatch(NamedTuple):
    """One match: the span with clitics and suffix (``start``, ``end``), the form's own span, and what matched."""

    start: int
    end: int
    form_start: int
    form_end: int
    form: str  # the lexicon form, white space collapsed
    prefix: str


def _skeleton(text: str) -> str:
    """``text`` with white space as spaces and other non-word characters as \\x01, same length."""
    return _SPACE.sub(" ", _NOT_WORD.sub("\x01", text))


@lru_cache(maxsize=1)
def _bmp_table() -> np.ndarray:
    """``_skeleton`` of every character of the Basic Multilingual Plane, as UTF-16 code units."""
    plane = "".join(map(chr, range(0x10000)))
    return np.frombuffer(_skeleton(plane).encode("utf-16-le", "surrogatepass"), dtype=np.uint16)


def _read(text: str) -> tuple[str, memoryview | None]:
    """What an automaton reads for ``text``: a space (the boundary before the first word), then the
    text with every non-word character as a space and runs of white space made one (a form's space
    stands for any run); and, if runs were collapsed, for each character its offset in the
    uncollapsed reading. Table lookups, not regex substitution: this runs once per document."""
    data = (" " + text).encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * (len(text) + 1):  # one code unit per character: no character past U+FFFF
        codes, encoding = _bmp_table()[np.frombuffer(data, dtype=np.uint16)], "utf-16-le"
    else:
        skeleton = (" " + _skeleton(text)).encode("utf-32-le", "surrogatepass")
        codes, encoding = np.frombuffer(skeleton, dtype=np.uint32).copy(), "utf-32-le"
    space = codes == 32
    index = None
    if np.any(space[1:] & space[:-1]):
        keep = np.ones(codes.size, dtype=bool)
        keep[1:] = ~(space[1:] & space[:-1])
        index = memoryview(np.flatnonzero(keep))  # a memoryview gives Python ints, and fast
        codes = codes[keep]
    # Punctuation is a word boundary like a space, but a run of it with spaces is not collapsed:
    # "قال، مصدر" does not read as "قال مصدر" (forms of several words are checked against the text).
    codes[codes == 1] = 32
    return codes.tobytes().decode(encoding, "surrogatepass"), index


# A raw hit: (prefix start, prefix rank, -len(form), form end, prefix, form). Sorted, they come in
# the order a regex tries them: by where they start, then prefix preference, then longer form first.
_Hit = tuple[int, int, int, int, str, str]


class _Scanned:
    """The raw hits of one lexicon in one text; word ends are checked per query, since a query may
    end inside a word."""

    __slots__ = ("hits", "starts")

    def __init__(self, hits: list[_Hit]) -> None:
        hits.sort()
        self.hits = hits
        self.starts = list(map(itemgetter(0), hits))


class FormScanner:
    """Reads a text once for the forms of all the lexicons added to it (those of one language)."""

    def __init__(self) -> None:
        # key (a prefix and a form as read) -> (lexicon, prefix rank, -len(form), prefix, form, exact)
        self._keys: dict[str, list[tuple[int, int, int, str, str, bool]]] = {}
        self._members = 0
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[str, list[list[_Hit]]] | None = None  # the text read last, hits per lexicon

    def add(self, forms: Iterable[str], suffixes: tuple[str, ...] = (),
            prefixes: tuple[str, ...] = ("",)) -> FormMatcher:
        """A matcher for ``forms`` with these attached endings and runs of proclitics (the ones
        tried first listed first, "" for none), read with the others."""
        member, self._members = self._members, self._members + 1
        forms = frozenset(" ".join(f.split()) for f in forms)
        for form in forms:
            if not form:
                raise ValueError("empty lexicon form")
            # The reading blurs punctuation into spaces: forms of several words or with punctuation
            # are checked against the text.
            exact = bool(_NOT_WORD.search(form)) or " " in form
            for rank, prefix in enumerate(prefixes):
                key = " " + _skeleton(prefix + form).replace("\x01", " ")
                self._keys.setdefault(key, []).append((member, rank, -len(form), prefix, form, exact))
        self._automaton, self._last = None, None
        endings = frozenset(("", *suffixes))
        return FormMatcher(self, member, forms, endings)

    def _build(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        # Keys added in sorted order put the nodes of one branch next to each other in memory: the
        # automaton is too big for the processor's cache, and a word's path is then read in fewer loads.
        for key, entries in sorted(self._keys.items()):
            # A key's entries all span the same letters. Where one lexicon's entries also spell the
            # same words, split differently into proclitics and form ("و|الانسحاب", "وال|انسحاب"),
            # only the one a regex would try first can ever match: the others end where it ends.
            best: dict[tuple[int, str], tuple[int, int, int, str, str, bool]] = {}
            for owner, rank, neg_len, prefix, form, exact in sorted(entries):
                best.setdefault((owner, prefix + form), (owner, rank, neg_len, prefix, form, exact))
            automaton.add_word(key, (len(key) - 1, tuple(best.values())))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton

    def hits(self, text: str, member: int) -> _Scanned:
        """The raw hits of lexicon ``member`` in ``text``: every word boundary followed by a prefix and a form."""
        last = self._last
        if last is not None and last[0] is text:
            return _Scanned(last[1][member])  # each matcher asks once per text (it keeps what it gets)
        found: list[list[_Hit]] = [[] for _ in range(self._members)]
        if self._keys:
            automaton = self._automaton or self._build()
            reading, index = _read(text)
            for last_char, (length, entries) in automaton.iter(reading):
                # Reading offsets are text offsets + 1 (the leading space): the form ends at
                # last_char in the text (or where ``index`` maps it, if runs were collapsed).
                if index is None:
                    first, end = last_char - length, last_char
                else:
                    first, end = index[last_char + 1 - length] - 1, index[last_char]
                for owner, rank, neg_len, prefix, form, exact in entries:
                    if exact and " ".join(text[first:end].split()) != prefix + form:
                        continue
                    found[owner].append((first, rank, neg_len, end, prefix, form))
        self._last = (text, found)
        return _Scanned(found[member])


class FormMatcher:
    """Finds the forms of one lexicon as whole words, with the proclitics and endings it was added with."""

    __slots__ = ("forms", "_scanner", "_member", "_endings", "_last")

    def __init__(self, scanner: FormScanner, member: int, forms: frozenset[str], endings: frozenset[str]) -> None:
        self.forms = forms
        self._scanner = scanner
        self._member = member
        self._endings = endings
        self._last: tuple[str, _Scanned] | None = None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[FormMatch]:
        """The matches in ``text[start:end]``, left to right and not overlapping, as the regex finds them."""
        last = self._last
        if last is not None and last[0] is text:
            scanned = last[1]
        else:
            scanned = self._scanner.hits(text, self._member)
            self._last = (text, scanned)
        hits = scanned.hits
        found: list[FormMatch] = []
        if not hits:
            return found
        end = len(text) if end is None else end
        resume = start
        endings = self._endings
        for first, _rank, _neg_len, form_end, prefix, form in hits[bisect_left(scanned.starts, start):]:
            if first >= end:
                break
            if first < resume or form_end > end:
                continue
            after = text[form_end:form_end + 1] if form_end < end else ""
            if after and (after.isalnum() or after == "_"):  # the word goes on: an attached suffix?
                word_end = _WORD_REST.match(text, form_end, end).end()  # type: ignore[union-attr]
                if text[form_end:word_end] not in endings:
                    continue
            else:
                word_end = form_end
            found.append(_new(FormMatch, (first, word_end, first + len(prefix), form_end, form, prefix)))
            resume = word_end
        return found
