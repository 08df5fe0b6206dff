"""Fusion alone on the seed story: gold mentions in, the shared scorer's story metrics out."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from gold_story import build_gold_docs, load_scorer, story_export

from rasad.fusion import fuse_story, infer_story_dates

TARGETS = {"story.status_board": 1.0, "story.corroboration": 1.0, "story.disagreements_found": 1.0,
           "story.one_cluster": 1.0, "story.disagreement_precision": 0.67}


@pytest.fixture(scope="module")
def gold_story(seeds_dir: Path, gold_dir: Path):
    docs, entities = build_gold_docs(seeds_dir, gold_dir)
    story = fuse_story(docs, entities)
    return story, infer_story_dates(story)


def test_story_metrics_reach_targets(gold_story, gold_dir: Path):
    story, _ = gold_story
    scorer = load_scorer(gold_dir.parents[1])
    export = scorer.Export(story_export(story))
    out: dict = {}
    scorer.score_story(yaml.safe_load((gold_dir / "story.yaml").read_text(encoding="utf-8")), export, out, False)
    scores = {k: good / total for k, (good, total) in out["counts"].items() if total}
    for metric, floor in TARGETS.items():
        assert scores[metric] >= floor, (metric, scores[metric])


def test_undated_seed_report_is_dated_from_its_story(gold_story):
    _, changed = gold_story
    assert [(d.file[:3], d.published, d.published_basis) for d in changed] == [("002", "2026-02-21", "inferred")]
