"""Lexicon forms as written in the data files (braces, gaps) and regular-expression helpers."""

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


def form_regex(form: str) -> str:
    """The regex for one normalised form: literal words, spaces as white space, … as a short gap."""
    parts = [re.escape(p.strip()).replace(r"\ ", r"\s+") for p in form.split(GAP)]
    return _GAP_RE.join(parts)


def noun_variants(form: str) -> list[str]:
    """A noun and its construct form before a pronoun: ta marbuta (ه once normalised) becomes ت."""
    return [form, form[:-1] + "ت"] if form.endswith("ه") and " " not in form else [form]


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


def first_strings(pattern: str, length: int = 1) -> frozenset[str] | None:
    """The strings of ``length`` characters a match of the regex ``pattern`` can start with, or None
    if that cannot be told (a class like \\w, a case-insensitive flag, a match that may be shorter,
    too many strings). Used to put a cheap test in front of a pattern tried at many positions."""
    try:
        parsed = _sre_parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    out: set[str] = set()
    return frozenset(out) if _strings(list(parsed), length, "", out, 0) else None


_ZERO_WIDTH = ("ASSERT", "ASSERT_NOT", "AT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _strings(items: list, length: int, prefix: str, out: set[str], depth: int) -> bool:
    """Add to ``out`` the ``length``-character strings a match of ``items`` can start with, after
    ``prefix``; False when they cannot be told."""
    if len(prefix) == length:
        out.add(prefix)
        return len(out) <= 512
    if not items or depth > 64:
        return False  # the match may end (or the pattern nest) before ``length`` characters
    (op, arg), rest = items[0], items[1:]
    name = str(op)
    if name in _ZERO_WIDTH:
        return _strings(rest, length, prefix, out, depth + 1)
    if name == "LITERAL":
        return _strings(rest, length, prefix + chr(arg), out, depth + 1)
    if name == "IN":
        chars = _class_chars(arg)
        return chars is not None and all(_strings(rest, length, prefix + c, out, depth + 1) for c in chars)
    if name == "BRANCH":
        return all(_strings(list(branch) + rest, length, prefix, out, depth + 1) for branch in arg[1])
    if name == "SUBPATTERN":
        return not arg[1] & re.IGNORECASE and _strings(list(arg[3]) + rest, length, prefix, out, depth + 1)
    if name in _REPEATS:
        low, high, body = arg
        options = [rest] if low == 0 else []
        if high != 0:
            again = (op, (max(0, low - 1), high if high == _sre_parser.MAXREPEAT else high - 1, body))
            options.append(list(body) + [again] + rest)
        return all(_strings(option, length, prefix, out, depth + 1) for option in options)
    return False


def _class_chars(items: list) -> list[str] | None:
    """The characters of a class ``[…]`` made of literals and small ranges, else None."""
    chars: list[str] = []
    for kind, value in items:
        if str(kind) == "LITERAL":
            chars.append(chr(value))
        elif str(kind) == "RANGE" and value[1] - value[0] < 64:
            chars.extend(map(chr, range(value[0], value[1] + 1)))
        else:
            return None
    return chars
