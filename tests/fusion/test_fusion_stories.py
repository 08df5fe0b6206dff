"""Stories: reports on one subject cluster together, across languages; unrelated reports stay apart."""

from __future__ import annotations

import numpy as np
from fusion_builders import ENTITIES, ReportSpec, Said, build_doc

from rasad.fusion import stories
from rasad.fusion.settings import load_settings
from rasad.fusion.stories import cluster_reports


def report(id_: str, text: str, places: tuple[str, ...] = ()) -> object:
    return build_doc(ReportSpec(id_, "2026-02-23", said=[Said("withdrawal", "ongoing", places, text=text)]))


def test_shared_entities_make_one_story():
    docs = [report("d:a", "One.", ("qasrak-base", "tanf-base")), report("d:b", "Two.", ("tanf-base",)),
            report("d:c", "Three.", ("wazir-base",))]
    for doc in docs:
        doc.entities = [m for m in doc.entities if m.entity != "us-forces"]
    clusters = cluster_reports(docs, ENTITIES, load_settings(), use_vectors=False)
    assert [c.documents for c in clusters] == [("d:a", "d:b"), ("d:c",)]


def test_countries_alone_do_not_make_a_story():
    docs = [report("d:a", "One.", ("syria",)), report("d:b", "Two.", ("syria",))]
    for doc in docs:
        doc.entities = [m for m in doc.entities if m.entity != "us-forces"]
    assert len(cluster_reports(docs, ENTITIES, load_settings(), use_vectors=False)) == 2


def test_sentence_vectors_join_translations_and_keep_unrelated_apart():
    docs = [report("d:ar", "بدأت القوات الأمريكية الانسحاب من قاعدتها العسكرية في شمال شرق سوريا"),
            report("d:en", "American troops began withdrawing from their military base in north-eastern Syria"),
            report("d:xx", "The football club signed a new striker before the transfer window closed")]
    for doc in docs:
        doc.entities = []
    clusters = cluster_reports(docs, ENTITIES, load_settings())
    assert sorted(c.documents for c in clusters) == [("d:ar", "d:en"), ("d:xx",)]
    assert all(c.id.startswith("story:") for c in clusters)


def test_only_what_can_add_a_link_is_embedded(monkeypatch):
    embedded: list[str] = []

    def fake_embed(texts):
        embedded.extend(texts)
        return np.eye(len(texts), dtype=np.float32)  # unrelated leads: vectors add no link

    monkeypatch.setattr(stories, "embed_texts", fake_embed)
    docs = [report("d:a", "Original.", ("qasrak-base", "tanf-base")), report("d:b", "Linked.", ("tanf-base",)),
            report("d:c", "Alone.", ("wazir-base",)), report("d:d", "Copy."), report("d:e", "Translation.")]
    docs[3].duplicate_of, docs[4].translation_of = "d:c", "d:c"
    for doc in docs:
        doc.entities = [m for m in doc.entities if m.entity != "us-forces"]
    clusters = cluster_reports(docs, ENTITIES, load_settings())
    assert [c.documents for c in clusters] == [("d:a", "d:b"), ("d:c", "d:d", "d:e")]
    # one report for the two linked by entities, one for the original with its copy and translation
    assert len(embedded) == 2 and not any(t.startswith(("Copy", "Translation")) for t in embedded)
    embedded.clear()
    cluster_reports(docs[2:], ENTITIES, load_settings())
    assert embedded == []  # everything is linked already: nothing to embed
