"""Exact and near-duplicate reports: word-shingle Jaccard over the normalised content text."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rasad.model import Doc

_COMPARED_ROLES = ("body", "summary", "heading")
SHINGLE = 4  # words per shingle: long enough that two different reports on one story rarely share many
NEAR_DUPLICATE = 0.7  # Jaccard of shingle sets above which a later report is a copy (light edits allowed)


def _content_words(doc: Doc) -> list[str]:
    """Words of the normalised body, summary and headings (page furniture differs between copies)."""
    spans = [(seg.start, seg.end) for seg in doc.segments if seg.role in _COMPARED_ROLES]
    if not spans:
        return doc.norm.text.split()
    bounds = np.searchsorted(doc.norm.index, np.asarray(spans, dtype=np.int64).reshape(-1)).tolist()
    norm = doc.norm.text
    return " ".join(norm[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)).split()


def shingles(words: Sequence[str]) -> frozenset[int]:
    """Hashes of the overlapping word n-grams of ``words`` (the whole text when it is short)."""
    if len(words) < SHINGLE:
        return frozenset({hash(tuple(words))}) if words else frozenset()
    return frozenset(map(hash, zip(*(words[i:] for i in range(SHINGLE)))))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of shingles two sets have in common."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def mark_duplicates(docs: list[Doc]) -> None:
    """Set ``duplicate_of`` on every report that copies an earlier one (exactly or nearly)."""
    exact: dict[str, str] = {}
    kept: list[tuple[str, frozenset[int]]] = []
    # Index shingles to the kept docs that have them so each doc is compared only with candidates.
    index: dict[int, list[int]] = {}
    for doc in docs:
        words = _content_words(doc)
        key = " ".join(words)
        if key in exact:
            doc.duplicate_of = exact[key]
            continue
        exact[key] = doc.id
        sh = shingles(words)
        counts: dict[int, int] = {}
        for h in sh:
            for k in index.get(h, ()):
                counts[k] = counts.get(k, 0) + 1
        best = None
        for k, shared in sorted(counts.items()):
            other = kept[k][1]
            score = shared / (len(sh) + len(other) - shared)
            if score >= NEAR_DUPLICATE and (best is None or score > best[1]):
                best = (k, score)
        if best is not None:
            doc.duplicate_of = kept[best[0]][0]
            continue
        kept.append((doc.id, sh))
        for h in sh:
            index.setdefault(h, []).append(len(kept) - 1)
