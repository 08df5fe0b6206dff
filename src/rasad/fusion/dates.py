"""ISO 8601 values (day, month, year, ``start/end``, ``../end``) as closed date intervals."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_POINT = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Span:
    """A closed interval of days; ``None`` is an open end."""

    start: date | None
    end: date | None

    @property
    def width(self) -> float:
        """Days covered (infinite for an open interval): smaller is more precise."""
        if self.start is None or self.end is None:
            return float("inf")
        return float((self.end - self.start).days + 1)

    def overlaps(self, other: Span) -> bool:
        """True when the two intervals share at least one day."""
        lo = max(self.start or date.min, other.start or date.min)
        hi = min(self.end or date.max, other.end or date.max)
        return lo <= hi

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this interval."""
        return (self.start is None or (other.start is not None and self.start <= other.start)) and (
            self.end is None or (other.end is not None and other.end <= self.end))

    def gap_days(self, other: Span) -> int:
        """Days between the two intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0
        if self.end is not None and other.start is not None and self.end < other.start:
            return (other.start - self.end).days
        if other.end is not None and self.start is not None and other.end < self.start:
            return (self.start - other.end).days
        return 0

    @property
    def sort_key(self) -> tuple[date, date]:
        """Order by start, then end; open ends sort first (start) and last (end)."""
        return (self.start or date.min, self.end or date.max)


def _point(text: str, end: bool) -> date | None:
    m = _POINT.fullmatch(text.strip())
    if not m:
        return None
    year = int(m[1])
    try:
        if m[3]:
            return date(year, int(m[2]), int(m[3]))
        if m[2]:
            month = int(m[2])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
    except ValueError:
        return None
    return date(year, 12, 31) if end else date(year, 1, 1)


@lru_cache(maxsize=4096)
def parse_span(value: str | None) -> Span | None:
    """The interval an ISO value covers, or None when it is missing or not a date."""
    if not value:
        return None
    if "/" in value:
        first, last = value.split("/", 1)
        start = None if first in ("", "..") else _point(first, False)
        end = None if last in ("", "..") else _point(last, True)
        if start is None and end is None:
            return None
        return Span(start, end)
    start, end = _point(value, False), _point(value, True)
    return None if start is None else Span(start, end)
