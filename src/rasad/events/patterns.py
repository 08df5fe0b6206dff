"""Lexicon forms as written in the data files: braces, gaps, noun variants."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
