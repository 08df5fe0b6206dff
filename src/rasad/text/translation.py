"""A report's own translation: a block in another language whose paragraphs align with the first block.

Paragraph pairs align when their lengths are in proportion and they carry the same numbers; pairs
with no numbers at all must also mean the same, by cross-lingual sentence vectors (USE multilingual,
loaded only when such a pair needs it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
# Translations run longer or shorter than their source by a bounded factor (Arabic -> English text is
# usually 1.1-1.6 times as many characters); pairs outside this band are not translations of each other.
LENGTH_RATIO = (0.4, 3.0)
# Cosine of USE-multilingual vectors above which two paragraphs say the same: translated pairs in the
# seeds score 0.78-0.89, neighbouring paragraphs of one story 0.1-0.6.
SAME_MEANING = 0.65
MIN_ALIGNED = 0.7  # share of paragraph pairs that must align
MIN_NUMERIC_PARAGRAPHS = 3  # paragraphs with numbers on both sides: enough to decide without vectors
PARAGRAPH_COUNT_RATIO = 0.6  # the two blocks have about as many paragraphs


def _numbers(text: str) -> frozenset[str]:
    return frozenset(_NUMBER_RE.findall(text))


def _plausible(source: str, target: str) -> bool | None:
    """Whether lengths and numbers fit a translation; None when there are no numbers to compare."""
    ratio = len(target) / max(1, len(source))
    if not LENGTH_RATIO[0] <= ratio <= LENGTH_RATIO[1]:
        return False
    a, b = _numbers(source), _numbers(target)
    if not a and not b:
        return None
    return len(a & b) >= 0.5 * max(len(a), len(b))


def _same_meaning(pairs: list[tuple[str, str]]) -> list[bool]:
    """Whether each (source, target) pair says the same thing, by cross-lingual sentence vectors."""
    from rasad.vectors import embed_texts  # the one shared, lazily loaded encoder

    vectors = embed_texts([text for pair in pairs for text in pair])
    if vectors is None:
        return [False] * len(pairs)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return [float(vectors[2 * i] @ vectors[2 * i + 1]) >= SAME_MEANING for i in range(len(pairs))]


def find_translation(texts: Sequence[str], langs: Sequence[str | None], content: Sequence[bool]) -> list[int]:
    """Indexes of the paragraphs that translate an earlier block of the report, or [] if none do."""
    order = [i for i in range(len(texts)) if content[i] and langs[i]]
    if len(order) < 2:
        return []
    first = langs[order[0]]
    source = [i for i in order if langs[i] == first]
    target = [i for i in order if langs[i] != first]
    if not target or len({langs[i] for i in target}) != 1:
        return []
    # A translation follows its source as one block: no source paragraph after the first target one.
    if source[-1] > target[0]:
        return []
    shorter, longer = sorted((len(source), len(target)))
    if shorter / longer < PARAGRAPH_COUNT_RATIO:
        return []
    return target if _aligned_share(texts, source, target) >= MIN_ALIGNED else []


def _aligned_share(texts: Sequence[str], source: list[int], target: list[int]) -> float:
    """Share of target paragraphs that translate their counterpart (or a neighbour) in the source.

    Numbers decide when enough paragraphs carry them; sentence vectors, which cost ~10 ms a pair,
    are consulted only for blocks without that evidence.
    """
    scale = len(source) / len(target)
    candidates = [
        [(texts[s], texts[t]) for s in source[max(0, round(j * scale) - 1) : round(j * scale) + 2]]
        if len(source) != len(target)
        else [(texts[source[j]], texts[t])]
        for j, t in enumerate(target)
    ]
    verdicts = [[_plausible(a, b) for a, b in pairs] for pairs in candidates]
    numeric = [vs for vs in verdicts if all(v is not None for v in vs)]
    if len(numeric) >= MIN_NUMERIC_PARAGRAPHS:
        return sum(any(vs) for vs in numeric) / len(numeric)
    unsure = [pair for pairs, vs in zip(candidates, verdicts) for pair, v in zip(pairs, vs) if v is None]
    meaning = iter(_same_meaning(unsure) if unsure else [])
    resolved = [[next(meaning) if v is None else v for v in vs] for vs in verdicts]
    return sum(any(vs) for vs in resolved) / len(resolved)
