"""Each reconciliation rule: differences that are not disagreements, and the ones that are."""

from __future__ import annotations

from rasad.fusion.dates import parse_span
from rasad.fusion.reconcile import (
    deadlines_agree,
    later_state,
    nested_windows,
    period_contains,
    range_holds_point,
    statuses_reconcile,
    whens_reconcile,
)


def span(value: str):
    result = parse_span(value)
    assert result is not None
    return result


def test_nested_past_windows_reconcile():
    two_weeks, two_months = span("2026-02-09/2026-02-23"), span("2025-12-23/2026-02-23")
    assert nested_windows(two_weeks, two_months) and nested_windows(two_months, two_weeks)
    assert not nested_windows(span("2026-01-01/2026-01-10"), span("2026-01-05/2026-01-20"))
    assert whens_reconcile("completed", "2026-02-09/2026-02-23", "2025-12-23/2026-02-23", 3)


def test_month_inside_its_year_reconciles():
    assert period_contains(span("2025"), span("2025-11"))
    assert period_contains(span("2025-11"), span("2025-11-14"))
    assert not period_contains(span("2024"), span("2025-11"))
    # a window that is not a calendar period does not count as one
    assert not period_contains(span("2025-10-15/2025-12-15"), span("2025-11"))
    assert whens_reconcile("completed", "2025", "2025-11", 3)


def test_range_and_point_inside_or_near_it_reconcile():
    assert range_holds_point("900-1000", "1000", 0.1)
    assert range_holds_point("about 1000", "900-1000", 0.1)
    assert range_holds_point("950", "900-1000", 0.0)
    assert not range_holds_point("900-1000", "2000", 0.1)
    assert not range_holds_point("50", "500", 0.1)


PLAN_VS_DENIAL = frozenset({frozenset(("planned", "denied"))})


def test_later_state_after_earlier_one_is_an_update():
    assert later_state("partial", "completed")
    assert statuses_reconcile("partial", "completed", PLAN_VS_DENIAL)
    assert statuses_reconcile("planned", "ongoing", PLAN_VS_DENIAL)
    assert not later_state("planned", "denied")
    assert not statuses_reconcile("planned", "denied", PLAN_VS_DENIAL)
    assert statuses_reconcile("denied", "denied", PLAN_VS_DENIAL)


def test_different_deadlines_disagree_even_when_nested():
    a_month, twenty_days = span("2026-02-23/2026-03-23"), span("2026-02-23/2026-03-15")
    assert twenty_days.overlaps(a_month) and a_month.contains(twenty_days)
    assert not deadlines_agree(a_month, twenty_days, 3)
    assert not whens_reconcile("planned", "2026-02-23/2026-03-23", "2026-02-23/2026-03-15", 3)
    # the same "within a month" read against reports two days apart is one claim
    assert deadlines_agree(span("2026-02-21/2026-03-21"), a_month, 3)
