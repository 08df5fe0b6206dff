"""Fusion settings, read once from ``data/fusion.yaml`` (each value documented there)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from rasad.paths import DATA_DIR

SETTINGS_FILE = DATA_DIR / "fusion.yaml"


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """Thresholds and rules for clustering, event fusion, the board and disagreements."""

    entity_overlap: float
    lead_similarity: float
    lead_sentences: int
    lead_chars: int
    generic_subtypes: frozenset[str]
    happening_gap_days: int
    container_subtypes: frozenset[str]
    transitions: dict[str, dict[str, str]]
    movement_types: frozenset[str]
    facility_subtypes: frozenset[str]
    later_stages: dict[str, frozenset[str]]
    attribution_rank: dict[str, int]
    least_change: tuple[str, ...]
    conflicting_statuses: tuple[tuple[str, str], ...]
    min_sources: int
    deadline_tolerance_days: int
    quantity_tolerance: float


@lru_cache(maxsize=1)
def load_settings() -> FusionSettings:
    """The settings from ``data/fusion.yaml``."""
    raw = yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))
    stories, events, board, dis = raw["stories"], raw["events"], raw["board"], raw["disagreements"]
    return FusionSettings(
        entity_overlap=float(stories["entity_overlap"]),
        lead_similarity=float(stories["lead_similarity"]),
        lead_sentences=int(stories["lead_sentences"]),
        lead_chars=int(stories["lead_chars"]),
        generic_subtypes=frozenset(stories["generic_subtypes"]),
        happening_gap_days=int(events["happening_gap_days"]),
        container_subtypes=frozenset(events["container_subtypes"]),
        transitions={t: dict(m) for t, m in board["transitions"].items()},
        movement_types=frozenset(board["movement_types"]),
        facility_subtypes=frozenset(board["facility_subtypes"]),
        later_stages={s: frozenset(later) for s, later in board["later_stages"].items()},
        attribution_rank={kind: int(rank) for kind, rank in board["attribution_rank"].items()},
        least_change=tuple(board["least_change"]),
        conflicting_statuses=tuple((a, b) for a, b in dis["conflicting_statuses"]),
        min_sources=int(dis["min_sources"]),
        deadline_tolerance_days=int(dis["deadline_tolerance_days"]),
        quantity_tolerance=float(dis["quantity_tolerance"]),
    )
