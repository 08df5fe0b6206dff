"""Regenerate tests/golden/documents/<file>.json from the seed corpus (offsets and values only).

Run after a deliberate change to the document layer, then review the diff before committing:
    .venv/bin/python scripts/update_golden_documents.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rasad.ingest import read_corpus
from rasad.paths import shared_dir
from rasad.text import build_doc, mark_duplicates
from rasad.text.golden import document_record

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden" / "documents"


def _dump(record: dict) -> str:
    """JSON with one key, segment or sentence a line, so diffs read well."""
    lines = []
    for key, value in record.items():
        if isinstance(value, list) and value and isinstance(value[0], list):
            rows = ",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in value)
            lines.append(f"{json.dumps(key)}: [\n{rows}\n ]")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n " + ",\n ".join(lines) + "\n}\n"


def main() -> int:
    seeds = shared_dir() / "corpus" / "seeds"
    articles, errors = read_corpus([str(seeds)])
    if errors or not articles:
        print(f"cannot read seeds at {seeds}: {errors}", file=sys.stderr)
        return 1
    docs = [build_doc(article) for article in articles]
    mark_duplicates(docs)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        path = GOLDEN / f"{doc.file}.json"
        path.write_text(_dump(document_record(doc)), encoding="utf-8")
        print(f"wrote {path.relative_to(GOLDEN.parent.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
