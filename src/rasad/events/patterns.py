"""Regular expressions for lexicon forms over normalised text, with Arabic clitics."""

from __future__ import annotations

import re
from collections.abc import Iterable

try:
    from re import _parser as _sre_parser  # Python 3.11+
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from rasad.text.normalise import normalise_key

GAP = "…"
# Up to four words between the two halves of a form written "نقل … سجين".
_GAP_RE = r"(?:\s+\S+){0,4}?\s+"
# Proclitics written joined to an Arabic word: conjunction, preposition or future prefix, article
# (لل is ل + the article with its alef dropped). Lazy, so that a listed form that itself begins
# with one of these letters ("لبدء") is preferred over a clitic plus a shorter form.
AR_PREFIX = r"(?P<pre>(?:[وف]?(?:لل|ل|ب|ك|س)?(?:ال)?)??)"
# Attached pronouns and the accusative alef. A lone ه is left out: once ta marbuta is folded to ه
# it collides with it (زار + ه reads as زارة in وزارة, أسر + ه as أسرة "family", رحل + ه as رحلة
# "trip"); nouns ending in ta marbuta get their ت forms instead.
AR_SUFFIX = r"(?P<suf>هما|ها|هم|ا)?"
AR_NOUN_SUFFIX = r"(?P<suf>هما|ها|هم|ا|ات)?"
_START = r"(?<![\w])"
_END = r"(?![\w])"


def form_regex(form: str) -> str:
    """The regex for one normalised form: literal words, spaces as white space, … as a short gap."""
    parts = [re.escape(p.strip()).replace(r"\ ", r"\s+") for p in form.split(GAP)]
    return _GAP_RE.join(parts)


def alternation(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``, the longest where several fit.

    The forms are folded into a trie so that the regex engine tries one branch per letter instead
    of every form at every word start (a flat alternation of a few hundred forms is ten times slower).
    """
    trie: dict[str, dict] = {}
    for form in set(forms):
        node = trie
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(trie) + ")"


def noun_variants(form: str) -> list[str]:
    """A noun and its construct form before a pronoun: ta marbuta (ه once normalised) becomes ت."""
    return [form, form[:-1] + "ت"] if form.endswith("ه") and " " not in form else [form]


_AR_PREFIX_LETTERS = "وفلبكسا"


def _first_letters(forms: list[str], extra: str = "") -> str:
    """A lookahead on the letters a match can start with: a word starting otherwise is skipped at
    once instead of being tried against every clitic and form (the output is the same, faster)."""
    letters = set(extra) | {f[0] for f in forms if f}
    return "(?=[" + "".join(sorted(re.escape(c) for c in letters)) + "])" if letters else ""


def word_pattern(forms: Iterable[str], lang: str, suffix: str | None = None) -> re.Pattern[str]:
    """A compiled pattern matching any of ``forms`` as whole words (with clitics in Arabic)."""
    forms = list(forms)
    body = f"(?P<form>{alternation(forms)})"
    if lang == "ar":
        first = _first_letters(forms, _AR_PREFIX_LETTERS)
        return re.compile(f"{_START}{first}{AR_PREFIX}{body}{suffix if suffix is not None else ''}{_END}")
    return re.compile(f"{_START}{_first_letters(forms)}{body}{_END}")


_BRACES = re.compile(r"\{([^{}]*)\}")


def expand_braces(form: str) -> list[str]:
    """A form with alternatives in braces spelled out: "{لا|ما} {تزال|زال}" -> 4 forms ("{|ة}" allows none)."""
    m = _BRACES.search(form)
    if not m:
        return [" ".join(form.split())]
    out: list[str] = []
    for choice in m[1].split("|"):
        out += expand_braces(form[:m.start()] + choice + form[m.end():])
    return list(dict.fromkeys(out))


def normalise_forms(forms: Iterable[str]) -> list[str]:
    """Lexicon forms normalised at load (``normalise_key``), keeping the gap marker; braces expanded."""
    out = []
    for raw in forms:
        for form in expand_braces(str(raw)):
            halves = [normalise_key(h) for h in form.split(GAP)]
            out.append(f" {GAP} ".join(halves))
    return list(dict.fromkeys(out))


def collapse(text: str) -> str:
    """A matched form with its white space collapsed, for lookups in a lexicon dict."""
    return " ".join(text.split())


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of the regex ``pattern`` can start with, or None if that cannot be told
    (a class like \\w, a case-insensitive flag, a pattern that may match the empty string). Used to
    put a cheap one-character test in front of a pattern tried at many positions."""
    try:
        parsed = _sre_parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    chars, nullable = _first(list(parsed))
    return None if chars is None or nullable else frozenset(chars)


def _first(items: list) -> tuple[set[str] | None, bool]:
    """First characters of a parsed sequence, and whether it can match the empty string."""
    out: set[str] = set()
    for op, arg in items:
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero-width
        if name == "LITERAL":
            return out | {chr(arg)}, False
        if name == "IN":
            chars = set()
            for kind, value in arg:
                if str(kind) == "LITERAL":
                    chars.add(chr(value))
                elif str(kind) == "RANGE" and value[1] - value[0] < 256:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return out | chars, False
        if name == "BRANCH":
            nullable = False
            for branch in arg[1]:
                chars, empty = _first(list(branch))
                if chars is None:
                    return None, False
                out |= chars
                nullable = nullable or empty
        elif name == "SUBPATTERN":
            if arg[1] & re.IGNORECASE:
                return None, False
            chars, nullable = _first(list(arg[3]))
            if chars is None:
                return None, False
            out |= chars
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            chars, empty = _first(list(arg[2]))
            if chars is None:
                return None, False
            out |= chars
            nullable = empty or arg[0] == 0
        else:
            return None, False
        if not nullable:
            return out, False
    return out, True
