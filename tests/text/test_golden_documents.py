"""Each seed report's document layer matches its golden file (regenerate: scripts/update_golden_documents.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.ingest import read_corpus
from rasad.text import build_doc, mark_duplicates
from rasad.text.golden import document_record

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "documents"


@pytest.fixture(scope="module")
def seed_records(seeds_dir: Path) -> dict[str, dict]:
    articles, _ = read_corpus([str(seeds_dir)])
    docs = [build_doc(article) for article in articles]
    mark_duplicates(docs)
    return {doc.file: document_record(doc) for doc in docs}


def test_every_seed_has_a_golden_file(seed_records: dict[str, dict]) -> None:
    assert sorted(seed_records) == sorted(p.name.removesuffix(".json") for p in GOLDEN.glob("*.json"))


@pytest.mark.parametrize("golden", sorted(GOLDEN.glob("*.json")), ids=lambda p: p.stem)
def test_seed_matches_golden(golden: Path, seed_records: dict[str, dict]) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(seed_records[expected["file"]]))
    for key in expected:
        assert actual[key] == expected[key], f"{golden.name}: {key} differs from the golden file"
