"""Undated reports get a date from their story only when their own text supports it."""

from __future__ import annotations

from fusion_builders import ENTITIES, build_doc, seed_like_specs

from rasad.fusion import fuse_story, infer_story_dates
from rasad.fusion.story_dates import last_weekday_on_or_before


def test_today_weekday_dates_an_undated_report_from_its_story():
    docs = [build_doc(s) for s in seed_like_specs()]
    story = fuse_story(docs, ENTITIES, use_vectors=False)
    changed = infer_story_dates(story)
    assert [d.id for d in changed] == ["d:r2"]
    assert changed[0].published == "2026-02-21" and changed[0].published_basis == "inferred"


def test_nothing_is_invented_without_support():
    specs = seed_like_specs()
    specs[2].extra_text = ""
    story = fuse_story([build_doc(s) for s in specs], ENTITIES, use_vectors=False)
    assert infer_story_dates(story) == []
    assert story.docs[2].published is None


def test_last_weekday_on_or_before():
    from datetime import date
    assert last_weekday_on_or_before(date(2026, 2, 23), 5) == date(2026, 2, 21)
    assert last_weekday_on_or_before(date(2026, 2, 21), 5) == date(2026, 2, 21)
    assert last_weekday_on_or_before(date(2026, 2, 23), 0) == date(2026, 2, 23)
