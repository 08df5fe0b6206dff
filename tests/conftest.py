"""Shared fixtures: the seed corpus and gold from ../shared, skipped with a reason when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.paths import shared_dir

SHARED = shared_dir()
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (set RASAD_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"seed gold not found at {GOLD} (set RASAD_SHARED)")
    return GOLD


@pytest.fixture(scope="session")
def seed_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run ``rasad run`` on the seeds once per test session; returns the output folder."""
    from rasad.cli import main

    out = tmp_path_factory.mktemp("seed-run")
    assert main(["run", str(seeds_dir), "--out", str(out), "--quiet"]) == 0
    return out
