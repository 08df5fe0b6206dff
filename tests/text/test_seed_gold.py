"""The document layer against the seed gold: dates, languages, translation, furniture, title, summary."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rasad.ingest import read_corpus
from rasad.model import Doc
from rasad.text import build_doc
from rasad.text.normalise import normalise_key

CONTENT = ("body", "translation")


@pytest.fixture(scope="module")
def docs(seeds_dir: Path) -> dict[str, Doc]:
    articles, _ = read_corpus([str(seeds_dir)])
    return {a.source: build_doc(a) for a in articles}


def _gold(gold_dir: Path) -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(gold_dir.glob("0*.yaml"))]


def _lines_with_role(doc: Doc, roles: tuple[str, ...]) -> str:
    return "\n".join(normalise_key(doc.text[s.start : s.end]) for s in doc.segments if s.role in roles)


def test_dates_languages_and_titles(docs: dict[str, Doc], gold_dir: Path) -> None:
    for gold in _gold(gold_dir):
        doc = docs[gold["doc"]]
        if gold["published_basis"] in ("header", "dateline"):
            assert (doc.published, doc.published_basis) == (str(gold["published"]), gold["published_basis"])
        else:
            assert doc.published is None and doc.published_basis == "unknown", gold["doc"]
        assert doc.languages == gold["languages"], gold["doc"]
        if gold.get("title"):
            assert doc.title == gold["title"], gold["doc"]


def test_translation_half_is_marked(docs: dict[str, Doc], gold_dir: Path) -> None:
    for gold in _gold(gold_dir):
        doc = docs[gold["doc"]]
        translated = [s for s in doc.segments if s.role == "translation"]
        if not gold.get("translation"):
            assert not translated, gold["doc"]
            continue
        first = doc.text[translated[0].start : translated[0].end]
        assert first.startswith(gold["translation"]["starts_with"])
        assert {s.lang for s in translated} == {gold["translation"]["to"]}


def test_furniture_captions_and_headings_leave_the_body(docs: dict[str, Doc], gold_dir: Path) -> None:
    for gold in _gold(gold_dir):
        doc = docs[gold["doc"]]
        body = _lines_with_role(doc, CONTENT)
        for line in (gold.get("boilerplate") or []) + [gold.get("caption") or ""]:
            if line:
                assert normalise_key(line) not in body, f"{gold['doc']}: furniture left in the body"
        headings = _lines_with_role(doc, ("heading",)).split("\n")
        for line in gold.get("headings") or []:
            assert normalise_key(line) in headings, f"{gold['doc']}: a sub-heading is not marked as one"
        if gold.get("caption"):
            assert normalise_key(gold["caption"]) in _lines_with_role(doc, ("caption",))
        if gold.get("summary_lines"):
            assert sum(s.role == "summary" for s in doc.segments) == gold["summary_lines"]
