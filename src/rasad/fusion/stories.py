"""Stories: reports grouped by the specific entities they share and by how close their leads read.

Links are cheapest first: a copy or a translation belongs with its original; reports sharing enough
specific entities belong together. Only then are leads embedded, and only what can still add a
link: one report for each group already linked (the best-connected, an original before a copy) and
every report linked to nothing. Stories are the connected groups (single link).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import numpy as np

from rasad.fusion.reports import report_roots, report_span
from rasad.fusion.settings import FusionSettings
from rasad.vectors import embed_texts
from rasad.model import Cluster, Doc, Entity


def _specific_entities(doc: Doc, entities: dict[str, Entity], settings: FusionSettings) -> set[str]:
    out = set()
    for m in doc.entities:
        entity = entities.get(m.entity)
        if entity is None or entity.subtype not in settings.generic_subtypes:
            out.add(m.entity)
    return out


def _lead(doc: Doc, settings: FusionSettings) -> str:
    parts = [doc.title] if doc.title else []
    for sentence in doc.content_sentences()[: settings.lead_sentences]:
        parts.append(doc.text[sentence.start:sentence.end])
    lead = " ".join(p.strip() for p in parts if p)
    return (lead or doc.text)[: settings.lead_chars]


def _entity_pairs(sets: list[set[str]], threshold: float) -> set[tuple[int, int]]:
    """Pairs sharing enough specific entities, found through an inverted index (no all-pairs scan)."""
    holders: dict[str, list[int]] = defaultdict(list)
    for i, entities in enumerate(sets):
        for entity in entities:
            holders[entity].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in holders.values():
        for a, i in enumerate(docs):
            for j in docs[a + 1:]:
                shared[(i, j)] += 1
    return {(i, j) for (i, j), n in shared.items() if n / min(len(sets[i]), len(sets[j])) >= threshold}


def _copy_pairs(docs: list[Doc]) -> set[tuple[int, int]]:
    """Each copy or translation paired with its original (when the original is among ``docs``)."""
    index = {d.id: i for i, d in enumerate(docs)}
    roots = report_roots(docs)
    pairs = set()
    for i, doc in enumerate(docs):
        j = index.get(roots[doc.id], i)
        if j != i:
            pairs.add((min(i, j), max(i, j)))
    return pairs


def _components(n: int, pairs: set[tuple[int, int]]) -> list[int]:
    group = list(range(n))

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, j in sorted(pairs):
        ri, rj = find(i), find(j)
        group[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(n)]


def _to_embed(docs: list[Doc], linked: set[tuple[int, int]]) -> list[int]:
    """One report per group already linked (most links, an original before a copy, then the first),
    and every report linked to nothing, in order."""
    degree: Counter[int] = Counter()
    for i, j in linked:
        degree[i] += 1
        degree[j] += 1

    def rank(i: int) -> tuple:
        return (-degree[i], bool(docs[i].duplicate_of or docs[i].translation_of), i)

    best: dict[int, int] = {}
    for i, root in enumerate(_components(len(docs), linked)):
        if root not in best or rank(i) < rank(best[root]):
            best[root] = i
    return sorted(best.values())


def _vector_pairs(docs: list[Doc], linked: set[tuple[int, int]], settings: FusionSettings) -> set[tuple[int, int]]:
    """Pairs whose leads read alike, among the reports that can still add a link."""
    chosen = _to_embed(docs, linked)
    if len(chosen) < 2:
        return set()
    vectors = embed_texts([_lead(docs[i], settings) for i in chosen])
    if vectors is None:
        return set()
    rows, cols = np.nonzero(np.triu(vectors @ vectors.T, k=1) >= settings.lead_similarity)
    return {(chosen[int(a)], chosen[int(b)]) for a, b in zip(rows, cols)}


def _linked_pairs(docs: list[Doc], entities: dict[str, Entity], settings: FusionSettings,
                  use_vectors: bool) -> set[tuple[int, int]]:
    pairs = _copy_pairs(docs)
    # A copy or translation is linked through its original: only the others are compared on entities.
    roots = report_roots(docs)
    index = {d.id: i for i, d in enumerate(docs)}
    originals = [i for i, d in enumerate(docs) if index.get(roots[d.id], i) == i]
    found = _entity_pairs([_specific_entities(docs[i], entities, settings) for i in originals], settings.entity_overlap)
    pairs |= {(originals[a], originals[b]) for a, b in found}
    if use_vectors:
        pairs |= _vector_pairs(docs, pairs, settings)
    return pairs


def _title(docs: list[Doc]) -> str | None:
    titled = [d for d in docs if d.title]
    if not titled:
        return None
    return max(titled, key=lambda d: (s.sort_key if (s := report_span(d)) else (), d.id)).title


def cluster_reports(docs: list[Doc], entities: dict[str, Entity], settings: FusionSettings,
                    use_vectors: bool = True) -> list[Cluster]:
    """Reports grouped into stories (single link over shared entities or close leads)."""
    ordered = sorted(docs, key=lambda d: d.id)
    roots = _components(len(ordered), _linked_pairs(ordered, entities, settings, use_vectors))
    members: dict[int, list[Doc]] = {}
    for i, doc in enumerate(ordered):
        members.setdefault(roots[i], []).append(doc)
    clusters = []
    for root in sorted(members):
        ids = tuple(d.id for d in members[root])
        digest = hashlib.sha1("|".join(ids).encode("utf-8")).hexdigest()[:12]
        clusters.append(Cluster(id="story:" + digest, documents=ids, title=_title(members[root])))
    return clusters
