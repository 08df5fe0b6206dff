"""Benchmark the document layer: documents per second for each named stage, and peak memory.

    .venv/bin/python scripts/bench.py [CORPUS ...] [--docs N]

The corpus (default: the seed reports) is replicated into a temporary folder up to N documents so
that reading from disk is timed too. Later stages add a row to STAGES: a name and a function from
the previous stage's output to its own.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasad.ingest import read_corpus
from rasad.paths import shared_dir
from rasad.text import build_doc, mark_duplicates


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


STAGES: list[tuple[str, Callable[[Any], Any]]] = [
    ("read (ingest)", _read),
    ("build_doc (text)", _build),
    ("mark_duplicates", _dedupe),
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
    args = parser.parse_args(argv)
    sources = args.corpus or [shared_dir() / "corpus" / "seeds"]
    for article in read_corpus([str(s) for s in sources])[0][:50]:  # load models and lexicons outside the timing
        build_doc(article)
    with tempfile.TemporaryDirectory() as tmp:
        n = replicate(sources, Path(tmp), args.docs)
        # CPU seconds are what one core spends; wall seconds also count waiting on a busy machine.
        print(f"{'stage':24s} {'wall s':>8s} {'cpu s':>8s} {'docs/s cpu':>11s} {'peak MiB':>9s}")
        value: Any = Path(tmp)
        wall_total = cpu_total = 0.0
        for name, stage in STAGES:
            wall, cpu = time.perf_counter(), time.process_time()
            value = stage(value)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            wall_total, cpu_total = wall_total + wall, cpu_total + cpu
            print(f"{name:24s} {wall:8.3f} {cpu:8.3f} {n / cpu:11.0f} {_peak_mib():9.1f}")
        print(f"{'document layer':24s} {wall_total:8.3f} {cpu_total:8.3f} {n / cpu_total:11.0f} {_peak_mib():9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
