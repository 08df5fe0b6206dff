"""Reconciliation rules: differences between sources that a careful reader does not call conflicts.

Each rule is one function. ``values_reconcile`` picks the rule for a field and a status.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from rasad.fusion.dates import Span, parse_span

AFFIRMED = ("planned", "ongoing", "completed", "partial")
HAPPENED = ("ongoing", "completed", "partial")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def nested_windows(a: Span, b: Span) -> bool:
    """Past windows of a completed happening agree when one lies inside the other (two weeks in two months)."""
    return a.contains(b) or b.contains(a)


def _is_calendar_period(span: Span) -> bool:
    if span.start is None or span.end is None or span.start.day != 1:
        return False
    whole_month = span.start.replace(day=calendar.monthrange(span.start.year, span.start.month)[1]) == span.end
    whole_year = span.start.month == 1 and span.end == date(span.start.year, 12, 31)
    return whole_month or whole_year


def period_contains(a: Span, b: Span) -> bool:
    """A calendar month or year agrees with any date inside it ("in 2025" and "last November")."""
    return (_is_calendar_period(a) and a.contains(b)) or (_is_calendar_period(b) and b.contains(a))


def deadlines_agree(a: Span, b: Span, tolerance_days: int) -> bool:
    """Two deadlines for one planned happening agree only when they end on (nearly) the same day."""
    if a.end is None or b.end is None:
        return a.end is None and b.end is None
    return abs((a.end - b.end).days) <= tolerance_days


def _number_range(value: str, tolerance: float) -> tuple[float, float] | None:
    numbers = [float(n) for n in _NUMBER.findall(value)]
    if not numbers:
        return None
    if len(numbers) >= 2:
        return min(numbers[:2]), max(numbers[:2])
    return numbers[0] * (1 - tolerance), numbers[0] * (1 + tolerance)


def range_holds_point(a: str, b: str, tolerance: float) -> bool:
    """Counts agree when ranges overlap, a point counting as itself give or take ``tolerance`` (900-1000 vs about 1000)."""
    ra, rb = _number_range(a, tolerance), _number_range(b, tolerance)
    if ra is None or rb is None:
        return a.strip() == b.strip()
    return max(ra[0], rb[0]) <= min(ra[1], rb[1])


def later_state(earlier: str, later: str) -> bool:
    """Two affirmed states of one place or plan at different times are an update, not a conflict (partial, then withdrawn)."""
    return earlier in AFFIRMED and later in AFFIRMED


def denial_overtaken(denied_in: Span, happened: Span) -> bool:
    """A denial is overtaken, not contradicted, by a happening that began after the report that
    denied it ("no withdrawal is planned" in January, "forces withdrew" in March)."""
    return happened.start is not None and denied_in.end is not None and happened.start > denied_in.end


def statuses_reconcile(a: str, b: str, conflicting: frozenset[frozenset[str]]) -> bool:
    """Statuses conflict only when they form a ``conflicting`` pair (a plan or a happening and its denial)."""
    return a == b or later_state(a, b) or frozenset((a, b)) not in conflicting


def whens_reconcile(status: str, a: str, b: str, tolerance_days: int) -> bool:
    """Whether two dates for one happening agree: deadlines must match, past windows may nest or overlap."""
    sa, sb = parse_span(a), parse_span(b)
    if sa is None or sb is None:
        return True
    if status == "planned":
        return deadlines_agree(sa, sb, tolerance_days)
    return nested_windows(sa, sb) or period_contains(sa, sb) or sa.overlaps(sb)
