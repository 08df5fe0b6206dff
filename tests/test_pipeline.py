"""The stage table: each stage's needs are met by the stages before it."""

from __future__ import annotations

import pytest

from rasad.pipeline import STAGES, Stage, check_stage_order


def test_the_pipeline_order_is_consistent() -> None:
    check_stage_order(STAGES)


def test_a_stage_before_what_it_needs_is_refused() -> None:
    with pytest.raises(ValueError, match="events"):
        check_stage_order((Stage("events", ("entities",), ("events",)), *STAGES))
