"""Calendar arithmetic and ISO 8601 values: shifting dates, month ends, Hijri conversion, anchors."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions are resolved against, and how precisely it is known."""

    day: date
    precision: str = "day"  # year | month | day


def anchor_from(anchor: date | None, published: str | None) -> Anchor | None:
    """The anchor for ``anchor``; its precision is read from the ISO ``published`` it came from."""
    if anchor is None:
        return None
    if not published or published[:4] != f"{anchor.year:04d}":
        return Anchor(anchor, "day")
    parts = published.split("-")
    return Anchor(anchor, PRECISIONS[min(len(parts), 3) - 1])


def iso_day(d: date) -> str:
    return d.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    return f"{year:04d}"


def interval(start: str | None, end: str | None) -> str:
    """An ISO interval ``start/end``; an unknown start gives the open ``../end``; equal ends one point."""
    if start is not None and start == end:
        return start
    return f"{start or '..'}/{end or '..'}"


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, the day clamped to the target month's length."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def shift(d: date, unit: str, count: float) -> date:
    """``d`` moved by ``count`` units (hour, day, week, month, year); negative is the past."""
    if unit == "hour":
        return d + timedelta(days=int(count // 24) if count >= 0 else -int(-count // 24))
    if unit == "day":
        return d + timedelta(days=round(count))
    if unit == "week":
        return d + timedelta(days=round(7 * count))
    if unit == "month":
        return add_months(d, round(count))
    return add_months(d, round(12 * count))


def valid_day(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri (Umm al-Qura) date, or None when out of range or invalid."""
    try:
        g = Hijri(year, month, day).to_gregorian()
        return date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def hijri_month_span(year: int, month: int) -> tuple[date, date] | None:
    """First and last Gregorian day of a Hijri month."""
    first = hijri_to_gregorian(year, month, 1)
    last = hijri_to_gregorian(year, month, 30) or hijri_to_gregorian(year, month, 29)
    return (first, last) if first and last else None


def hijri_year_of(d: date) -> int:
    """The Hijri year that ``d`` falls in."""
    return Gregorian(d.year, d.month, d.day).to_hijri().year


def coarsen(value: str, precision: str) -> str:
    """``value`` (a point or interval) with every endpoint cut to ``precision`` (year, month, day)."""
    keep = {"year": 4, "month": 7, "day": 10}[precision]
    ends = value.split("/")
    cut = [e if e == ".." else e[:keep] for e in ends]
    if len(cut) == 2 and cut[0] == cut[1]:
        return cut[0]
    return "/".join(cut)
