"""The stage order, in one place: ingest -> text -> mentions -> events -> fusion.

Each report goes through the per-document stages on its own; a report that fails is recorded as a
``ReadError`` and never takes the others down. Reports with no publication date of their own are
then dated from the story they belong to (marked ``inferred``) and their relative times and events
are resolved again against that date before the story is fused a last time.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from rasad.events import extract_events
from rasad.fusion import fuse_story, infer_story_dates
from rasad.ingest import read_corpus
from rasad.mentions.entities import EntityLinker
from rasad.mentions.gazetteer import load_gazetteer
from rasad.mentions.times import find_times, infer_published
from rasad.model import Doc, ReadError, Story
from rasad.text import build_doc, mark_duplicates

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class Stage:
    """One per-document stage: what it needs on the Doc and what it adds."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES = (
    Stage("text", (), ("norm", "segments", "sentences", "languages", "published", "title", "outlet")),
    Stage("entities", ("norm", "sentences"), ("entities",)),
    Stage("times", ("norm", "sentences", "published"), ("times", "published")),
    Stage("events", ("entities", "times"), ("events",)),
)


def check_stage_order(stages: tuple[Stage, ...] = STAGES) -> None:
    """Raise ValueError when a stage needs something no earlier stage assigns."""
    assigned: set[str] = set()
    for stage in stages:
        missing = [name for name in stage.requires if name not in assigned]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage assigns")
        assigned.update(stage.assigns)


check_stage_order()


def document_date(doc: Doc) -> date | None:
    """The publication date of ``doc`` as a date (the first day of a month- or year-precision date)."""
    if not doc.published:
        return None
    parts = doc.published.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def analyse_doc(doc: Doc, linker: EntityLinker) -> None:
    """Run the per-document mention and event stages on ``doc``."""
    doc.entities = linker.find_entities(doc)
    inferred = doc.published_basis == "inferred"
    doc.times = find_times(doc, document_date(doc), inferred)
    if not doc.published:
        published, basis = infer_published(doc, doc.times)
        if published:
            doc.published, doc.published_basis = published, basis
            doc.times = find_times(doc, document_date(doc), True)
    doc.events = extract_events(doc, linker.entities)


def run_pipeline(sources: Iterable[str], progress: Progress | None = None) -> Story:
    """Read every report in ``sources`` and build the fused story."""
    articles, errors = read_corpus(list(sources))
    linker = EntityLinker(load_gazetteer())
    # The knowledge base and lexicons live for the whole run: keeping them out of the garbage
    # collector's generations saves about a third of the per-report time on large corpora.
    gc.freeze()
    docs: list[Doc] = []
    for i, article in enumerate(articles, 1):
        if progress:
            progress(i, len(articles), article.source)
        try:
            doc = build_doc(article)
            analyse_doc(doc, linker)
        except Exception as exc:  # one bad report never stops the run
            log.exception("failed on %s", article.source)
            errors.append(ReadError(article.source, f"analysis failed: {type(exc).__name__}: {exc}"))
            continue
        docs.append(doc)
        # An analysed report lives until the story is fused: frozen, its objects are not traversed
        # again by every later full collection (reports hold no reference cycles).
        gc.freeze()
    mark_duplicates(docs)
    story = fuse_story(docs, linker.entities)
    redated = infer_story_dates(story)
    if redated:
        for doc in redated:
            doc.times = find_times(doc, document_date(doc), True)
            doc.events = extract_events(doc, linker.entities)
        story = fuse_story(docs, linker.entities)
    story.errors = sorted(errors, key=lambda e: e.source)
    return story
