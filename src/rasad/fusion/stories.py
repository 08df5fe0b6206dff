"""Stories: reports grouped by the specific entities they share and by how close their leads read."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

import numpy as np

from rasad.fusion.reports import report_span
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


def _linked_pairs(docs: list[Doc], entities: dict[str, Entity], settings: FusionSettings,
                  use_vectors: bool) -> set[tuple[int, int]]:
    pairs = _entity_pairs([_specific_entities(d, entities, settings) for d in docs], settings.entity_overlap)
    vectors = embed_texts([_lead(d, settings) for d in docs]) if use_vectors and len(docs) > 1 else None
    if vectors is not None:
        rows, cols = np.nonzero(np.triu(vectors @ vectors.T, k=1) >= settings.lead_similarity)
        pairs |= {(int(i), int(j)) for i, j in zip(rows, cols)}
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
    group = list(range(len(ordered)))

    def find(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i, j in sorted(_linked_pairs(ordered, entities, settings, use_vectors)):
        ri, rj = find(i), find(j)
        group[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[Doc]] = {}
    for i, doc in enumerate(ordered):
        members.setdefault(find(i), []).append(doc)
    clusters = []
    for root in sorted(members):
        ids = tuple(d.id for d in members[root])
        digest = hashlib.sha1("|".join(ids).encode("utf-8")).hexdigest()[:12]
        clusters.append(Cluster(id="story:" + digest, documents=ids, title=_title(members[root])))
    return clusters
