#!/usr/bin/env python3
"""Measure entity recognition on NewsFANE (Arabic newswire with gold entity classes).

usage: eval_newsfane.py [NEWSFANE_FILE] [--json]

The file has one token a line (``token<TAB>IOB-tag``), sentences separated by blank lines, clitics
split off and alef normalised. Sentences are joined with spaces into documents of a few dozen
sentences and run through the entity linker; a system mention counts when its type and its token
span equal a gold entity's (exact), or overlap it (overlap). System mentions over gold entities of
classes outside the three scored types are not counted either way.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rasad.mentions.entities import EntityLinker
from rasad.mentions.gazetteer import load_gazetteer
from rasad.model import Doc
from rasad.paths import shared_dir
from rasad.text.normalise import normalise_text

DEFAULT_FILE = shared_dir() / "data" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
SCORED_TYPES = ("person", "organization", "gpe")
# The class map of the NewsFANE README.
CLASS_TYPES = {
    **dict.fromkeys(("Politician", "Athlete", "Artist", "Other_PER", "Religious_PER", "Scientist", "Police"), "person"),
    **dict.fromkeys(("Nation", "Population-Center", "State-or-Province", "County-or-District"), "gpe"),
    **dict.fromkeys(("Government", "Non-Governmental", "Group", "Media", "Commercial", "Sports", "Educational"),
                    "organization"),
    **dict.fromkeys(("Building-Grounds", "Airport", "Path"), "facility"),
    **dict.fromkeys(("Water-Body", "Land-Region", "Celestial"), "location"),
}
SENTENCES_PER_DOC = 40


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # first token
    end: int  # one past the last token
    type: str | None  # rasad type, or None for a class outside the map


def read_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (token, tag) pairs."""
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip().replace("\u200e", "")
            if not line:
                if sentence:
                    yield sentence
                sentence = []
                continue
            token, _, tag = line.partition("\t")
            if token:
                sentence.append((token, tag or "O"))
    if sentence:
        yield sentence


def gold_spans(tags: list[str]) -> list[Span]:
    """Entities of an IOB tag sequence, typed by the class map."""
    spans: list[Span] = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind, _, cls = tag.partition("-")
        if start is not None and (kind != "I" or cls != label):
            spans.append(Span(start, i, CLASS_TYPES.get(label or "")))
            start, label = None, None
        if kind == "B" or (kind == "I" and start is None):
            start, label = i, cls
    return spans


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    exact: int = 0
    overlap: int = 0

    def scores(self, key: str) -> dict[str, float]:
        hits = getattr(self, key)
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def _score_doc(doc: Doc, token_of: np.ndarray, gold: list[Span], linker: EntityLinker,
               counts: dict[str, Counts]) -> None:
    system = []
    for m in linker.find_entities(doc):
        first, last = int(token_of[m.start]), int(token_of[m.end - 1])
        if first >= 0 and last >= 0:
            system.append(Span(first, last + 1, m.type))
    unscored = [g for g in gold if g.type not in SCORED_TYPES]
    for g in gold:
        if g.type in SCORED_TYPES:
            counts[g.type].gold += 1
    for s in system:
        if s.type not in SCORED_TYPES:
            continue
        same = [g for g in gold if g.type == s.type and g.start < s.end and s.start < g.end]
        if not same and any(g.start < s.end and s.start < g.end for g in unscored):
            continue
        c = counts[s.type]
        c.system += 1
        c.overlap += bool(same)
        c.exact += any(g.start == s.start and g.end == s.end for g in same)


def _documents(path: Path) -> Iterator[tuple[str, list[int], list[str]]]:
    """Documents of SENTENCES_PER_DOC sentences: text, token start offsets, tags."""
    batch: list[list[tuple[str, str]]] = []
    for sentence in read_sentences(path):
        batch.append(sentence)
        if len(batch) == SENTENCES_PER_DOC:
            yield _join(batch)
            batch = []
    if batch:
        yield _join(batch)


def _join(sentences: list[list[tuple[str, str]]]) -> tuple[str, list[int], list[str]]:
    parts: list[str] = []
    starts: list[int] = []
    tags: list[str] = []
    offset = 0
    for sentence in sentences:
        for j, (token, tag) in enumerate(sentence):
            sep = "\n" if j == 0 and parts else " " if parts else ""
            offset += len(sep)
            parts.append(sep + token)
            starts.append(offset)
            tags.append(tag)
            offset += len(token)
    return "".join(parts), starts, tags


def evaluate(path: Path = DEFAULT_FILE, linker: EntityLinker | None = None) -> dict[str, dict[str, dict[str, float]]]:
    """Precision, recall and F1 per scored type, for exact and overlapping spans."""
    linker = linker or EntityLinker(load_gazetteer())
    counts = {t: Counts() for t in SCORED_TYPES}
    for n, (text, starts, tags) in enumerate(_documents(path)):
        token_of = np.full(len(text) + 1, -1, dtype=np.int64)
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
            token_of[start:end] = i
        doc = Doc(id=f"newsfane:{n}", file=path.name, text=text, norm=normalise_text(text))
        # a sentence boundary is a line break: the token before it may end on the separator
        _score_doc(doc, token_of, gold_spans(tags), linker, counts)
    return {t: {"exact": c.scores("exact"), "overlap": c.scores("overlap"),
                "counts": {"gold": c.gold, "system": c.system}} for t, c in counts.items()}


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_FILE
    if not path.exists():
        print(f"{path}: NewsFANE file not found", file=sys.stderr)
        return 2
    began = time.perf_counter()
    result = evaluate(path)
    if "--json" in argv:
        print(json.dumps(result))
        return 0
    for kind, scores in result.items():
        e, o = scores["exact"], scores["overlap"]
        print(f"{kind:13s} exact P {e['precision']:.3f} R {e['recall']:.3f} F1 {e['f1']:.3f}   "
              f"overlap P {o['precision']:.3f} R {o['recall']:.3f} F1 {o['f1']:.3f}   {scores['counts']}")
    print(f"{time.perf_counter() - began:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
