#!/usr/bin/env python3
"""Measure the event stage on text it was not tuned on.

1. The English half of seed 001 alone (the Arabic half removed), scored with the shared scorer
   against that report's gold: event recall, precision, attribution, type+place.
2. Sentences of the NewsFANE Arabic newswire (general news, not this story): how many raise an
   event, of which types, and a random sample of mentions printed for a person to judge.

Events are exported one per mention (no fusion), so the numbers are the event stage's own.

usage: scripts/eval_unseen_events.py [--sentences N] [--sample N] [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from rasad.ingest import read_corpus
from rasad.mentions.entities import EntityLinker
from rasad.mentions.gazetteer import load_gazetteer
from rasad.model import Article, Doc, Event, Story
from rasad.paths import shared_dir
from rasad.pipeline import analyse_doc
from rasad.report.export import build_export
from rasad.text import build_doc

ENGLISH_SEED = "001_e0c926f03efad0c9"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_HEADER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
SENTENCES_PER_DOC = 20


def _export(docs: list[Doc], linker: EntityLinker) -> dict:
    events = [Event(f"ev:{doc.id}:{i}", m.type, m.status, (m,), m.actor, m.place, m.places, m.when,
                    m.quantities, m.hedged, m.background)
              for doc in docs for i, m in enumerate(doc.events)]
    return build_export(Story(docs=docs, entities=dict(linker.entities), events=events))


def english_half(shared: Path, linker: EntityLinker) -> dict[str, str]:
    """Score the English half of seed 001 alone; returns the scorer's event metrics."""
    source = shared / "corpus" / "seeds" / f"{ENGLISH_SEED}.txt"
    raw = source.read_text(encoding="utf-8")
    header = _HEADER.match(raw)
    english = [line for line in raw.splitlines() if line.strip() and not _ARABIC.search(line)]
    text = (header.group(0) if header else "") + "\n".join(english) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        corpus, gold = Path(tmp, "corpus"), Path(tmp, "gold")
        corpus.mkdir()
        gold.mkdir()
        (corpus / source.name).write_text(text, encoding="utf-8")
        (gold / f"{ENGLISH_SEED}.yaml").write_text(
            (shared / "gold" / "seeds" / f"{ENGLISH_SEED}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        articles, _ = read_corpus([str(corpus / source.name)])
        docs = []
        for article in articles:
            doc = build_doc(article)
            analyse_doc(doc, linker)
            docs.append(doc)
        export = Path(tmp, "rasad.json")
        export.write_text(json.dumps(_export(docs, linker), ensure_ascii=False), encoding="utf-8")
        scored = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), str(gold), str(export),
                                 "--verbose"], capture_output=True, text=True, check=True).stdout
    print("== English half of seed 001 alone ==")
    for line in scored.splitlines():
        if line.startswith(("event.", "  miss event", "  false alarm", "  attribution")):
            print(line)
    return {k: v for k, v in (line.split()[:2] for line in scored.splitlines() if line.startswith("event."))}


def newsfane_sentences(shared: Path) -> list[str]:
    """The sentences of the NewsFANE file, tokens joined by spaces."""
    path = shared / "data" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    raw = path.read_text(encoding="utf-8-sig").replace("\u200e", "")
    blocks = [b for b in re.split(r"\r?\n\s*\r?\n", raw) if b.strip()]
    return [" ".join(line.split("\t")[0] for line in block.splitlines() if line.strip()) for block in blocks]


def newsfane(shared: Path, linker: EntityLinker, count: int, sample: int, seed: int) -> None:
    """Run the event stage on ``count`` random NewsFANE sentences and print a sample to judge."""
    rng = random.Random(seed)
    sentences = newsfane_sentences(shared)
    chosen = rng.sample(sentences, min(count, len(sentences)))
    mentions = []
    raising = 0
    for start in range(0, len(chosen), SENTENCES_PER_DOC):
        group = chosen[start:start + SENTENCES_PER_DOC]
        doc = build_doc(Article(f"newsfane#{start}", "\n\n".join(group) + "\n", "text"))
        analyse_doc(doc, linker)
        sentence_spans = {m.sentence for m in doc.events}
        raising += len(sentence_spans)
        mentions += [(doc.text[m.sentence[0]:m.sentence[1]], doc.text[m.trigger[0]:m.trigger[1]], m) for m in doc.events]
    print(f"\n== NewsFANE: {len(chosen)} sentences, {raising} raise events "
          f"({raising / max(1, len(chosen)):.1%}), {len(mentions)} mentions ==")
    print("types:", dict(Counter(m.type for _, _, m in mentions).most_common()))
    for sentence, trigger, m in rng.sample(mentions, min(sample, len(mentions))):
        print(f"- [{m.type}/{m.status}{'/hedged' if m.hedged else ''}] trigger={trigger!r} place={m.place} "
              f"source={m.attribution.kind}:{m.attribution.text[:30]!r}\n    {sentence.strip()[:160]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    shared = shared_dir()
    linker = EntityLinker(load_gazetteer())
    english_half(shared, linker)
    newsfane(shared, linker, args.sentences, args.sample, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
