"""Benchmark the pipeline: documents per second and milliseconds per document for each stage, and peak memory.

    .venv/bin/python scripts/bench.py [CORPUS ...] [--docs N] [--repeat N]

The corpus (default: the seed reports) is replicated into a temporary folder up to N documents so
that reading from disk is timed too. Each row of STAGES is a name and a function from the previous
stage's output to its own; models and lexicons are loaded before the timing starts.
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasad.events import extract_events
from rasad.fusion import fuse_story
from rasad.ingest import read_corpus
from rasad.mentions.entities import EntityLinker
from rasad.mentions.gazetteer import load_gazetteer
from rasad.mentions.times import find_times
from rasad.paths import shared_dir
from rasad.pipeline import document_date
from rasad.text import build_doc, mark_duplicates

LINKER = EntityLinker(load_gazetteer())


def _read(folder: Path) -> list[Any]:
    articles, errors = read_corpus([str(folder)])
    if errors:
        raise SystemExit(f"read errors: {errors[:3]}")
    return articles


def _build(articles: list[Any]) -> list[Any]:
    return [build_doc(article) for article in articles]


def _dedupe(docs: list[Any]) -> list[Any]:
    mark_duplicates(docs)
    return docs


def _entities(docs: list[Any]) -> list[Any]:
    for doc in docs:
        doc.entities = LINKER.find_entities(doc)
    return docs


def _times(docs: list[Any]) -> list[Any]:
    for doc in docs:
        doc.times = find_times(doc, document_date(doc), False)
    return docs


def _events(docs: list[Any]) -> list[Any]:
    for doc in docs:
        doc.events = extract_events(doc, LINKER.entities)
    return docs


def _fuse(docs: list[Any]) -> Any:
    return fuse_story(docs, LINKER.entities)


STAGES: list[tuple[str, Callable[[Any], Any]]] = [
    ("read (ingest)", _read),
    ("build_doc (text)", _build),
    ("mark_duplicates", _dedupe),
    ("entities", _entities),
    ("times", _times),
    ("events", _events),
    ("fusion", _fuse),
]


def replicate(sources: list[Path], target: Path, count: int) -> int:
    """Copy the corpus files into ``target`` until it holds ``count`` files; returns the number."""
    files = sorted(p for src in sources for p in ([src] if src.is_file() else src.iterdir()) if p.is_file())
    if not files:
        raise SystemExit("no corpus files found")
    for i in range(count):
        original = files[i % len(files)]
        shutil.copyfile(original, target / f"{i:06d}_{original.name}")
    return count


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", type=Path, help="files or folders (default: the seed reports)")
    parser.add_argument("--docs", type=int, default=2000, help="number of documents to time (default 2000)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each stage; the fastest counts, as with timeit (default 3)")
    args = parser.parse_args(argv)
    sources = args.corpus or [shared_dir() / "corpus" / "seeds"]
    warm = _build(read_corpus([str(s) for s in sources])[0][:50])  # load models and lexicons outside the timing
    for stage in (_entities, _times, _events, _fuse):
        stage(warm)
    gc.freeze()  # as the pipeline does once the knowledge base is loaded (rasad.pipeline)
    with tempfile.TemporaryDirectory() as tmp:
        n = replicate(sources, Path(tmp), args.docs)
        # CPU seconds are what one core spends; wall seconds also count waiting on a busy machine.
        # A shared machine's speed drifts: the fastest of a few runs is the one least disturbed.
        print(f"{'stage':24s} {'wall s':>8s} {'cpu s':>8s} {'docs/s cpu':>11s} {'ms/doc cpu':>11s} {'peak MiB':>9s}")
        value: Any = Path(tmp)
        wall_total = cpu_total = 0.0
        for name, stage in STAGES:
            wall = cpu = float("inf")
            source = value
            for _ in range(max(1, args.repeat)):
                started, started_cpu = time.perf_counter(), time.process_time()
                value = stage(source)
                wall = min(wall, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - started_cpu)
            wall_total, cpu_total = wall_total + wall, cpu_total + cpu
            gc.freeze()  # the pipeline freezes each report once it is analysed (rasad.pipeline)
            print(f"{name:24s} {wall:8.3f} {cpu:8.3f} {n / cpu:11.0f} {1000 * cpu / n:11.3f} {_peak_mib():9.1f}")
        print(f"{'whole pipeline':24s} {wall_total:8.3f} {cpu_total:8.3f} {n / cpu_total:11.0f} "
              f"{1000 * cpu_total / n:11.3f} {_peak_mib():9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
