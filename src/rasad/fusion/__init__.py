"""Fusion: stories, event coreference, corroboration, the status board and disagreements.

``fuse_story(docs, entities)`` builds the fused ``Story``; ``infer_story_dates(story)`` dates
undated reports from their story (the pipeline then re-reads their times and fuses again).
Settings live in ``data/fusion.yaml``.
"""

from __future__ import annotations

from rasad.fusion.board import assess_board, newest_report_date
from rasad.fusion.dates import parse_span
from rasad.fusion.disagreements import find_disagreements
from rasad.fusion.events import fuse_events
from rasad.fusion.places import PlaceIndex
from rasad.fusion.settings import load_settings
from rasad.fusion.stories import cluster_reports
from rasad.fusion.story_dates import infer_story_dates
from rasad.model import Doc, Entity, Event, Story

__all__ = ["fuse_story", "infer_story_dates", "timeline_order"]


def timeline_order(event: Event) -> tuple:
    """Sort key for a timeline: by start date, wider (less precise) dates first, undated last."""
    span = parse_span(event.when)
    if span is None:
        return (1, "", 0.0, event.type, event.id)
    return (0, span.sort_key[0].isoformat(), -span.width, event.type, event.id)


def fuse_story(docs: list[Doc], entities: dict[str, Entity], *, use_vectors: bool = True) -> Story:
    """Fuse the analysed reports into one story: clusters, events, board and disagreements."""
    settings = load_settings()
    places = PlaceIndex(entities, settings)
    events = sorted(fuse_events(docs, places), key=timeline_order)
    board, contests = assess_board(events, docs, places)
    return Story(
        docs=docs,
        entities=entities,
        events=events,
        clusters=cluster_reports(docs, entities, settings, use_vectors),
        board=board,
        board_as_of=newest_report_date(docs),
        disagreements=find_disagreements(events, docs, places, contests),
    )
