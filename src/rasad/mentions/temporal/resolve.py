"""Resolution of parsed temporal expressions against an anchor, with the past bias of news.

A news report speaks mostly about what has just happened: a weekday is the latest such day up to
the publication date, a bare month or day-and-month the nearest occurrence with the past favoured.
"""

from __future__ import annotations

from datetime import date, timedelta

from rasad.mentions.temporal.calendar import (
    Anchor,
    hijri_month_span,
    hijri_to_gregorian,
    hijri_year_of,
    interval,
    iso_day,
    iso_month,
    iso_year,
    month_end,
    shift,
    valid_day,
)
from rasad.mentions.temporal.lexicon import load_time_lexicon

OFFSETS = {"past": -1, "current": 0, "next": 1}


def start_of(value: str) -> str | None:
    """The first endpoint of an ISO point or interval (None when open)."""
    first = value.split("/")[0]
    return None if first == ".." else first


def end_of(value: str) -> str | None:
    """The last endpoint of an ISO point or interval (None when open)."""
    last = value.split("/")[-1]
    return None if last == ".." else last


def _day_of(point: str, last: bool) -> date:
    parts = [int(p) for p in point.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return month_end(parts[0], parts[1]) if last else date(parts[0], parts[1], 1)
    return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)


def start_date(value: str) -> date | None:
    """The first day an ISO point or interval covers (None when open)."""
    first = start_of(value)
    return _day_of(first, False) if first else None


def end_date(value: str) -> date | None:
    """The last day an ISO point or interval covers (None when open)."""
    last = end_of(value)
    return _day_of(last, True) if last else None


def pick_year(anchor: Anchor, month: int, day: int | None, modifier: str | None) -> int:
    """The year of a month (and day) written without one, given its modifier (past/current/next)."""
    year = anchor.day.year
    here = (anchor.day.month, anchor.day.day if day and anchor.precision == "day" else 0)
    there = (month, day if day and anchor.precision == "day" else 0)
    if modifier == "current":
        return year
    # "الماضي"/"المقبل" put it strictly before/after the anchor, as precisely as both are known.
    if modifier == "past":
        return year if there < here else year - 1
    if modifier == "next":
        return year if there > here else year + 1

    def cost(y: int) -> float:
        gap = ((y * 12 + there[0]) * 31 + there[1]) - ((year * 12 + here[0]) * 31 + here[1])
        return -gap if gap <= 0 else load_time_lexicon().settings["future_weight"] * gap

    return min((year - 1, year, year + 1), key=cost)


def day_month(anchor: Anchor | None, day: int, month: int, year: int | None, modifier: str | None) -> str | None:
    """A day of a month, its year given or chosen from the anchor."""
    if year is None:
        if anchor is None:
            return None
        year = pick_year(anchor, month, day, modifier)
    found = valid_day(year, month, day)
    return iso_day(found) if found else None


def month_of(anchor: Anchor | None, month: int, year: int | None, modifier: str | None,
             part: tuple[int, int] | None = None) -> str | None:
    """A month (or a part of it, as a day interval), its year given or chosen from the anchor."""
    if year is None:
        if anchor is None:
            return None
        year = pick_year(anchor, month, None, modifier)
    if part is None:
        return iso_month(year, month)
    last = month_end(year, month).day
    return interval(iso_day(date(year, month, min(part[0], last))), iso_day(date(year, month, min(part[1], last))))


def year_of(year: int, part: tuple[int, int] | None = None) -> str:
    """A year, or a part of it as a month interval ("منتصف 2026" -> 2026-06/2026-07)."""
    if part is None:
        return iso_year(year)
    return interval(iso_month(year, part[0]), iso_month(year, part[1]))


def weekday_date(anchor: Anchor, weekday: int, modifier: str | None) -> str:
    """The date of a weekday: the latest one up to the anchor, before it (past) or after (next)."""
    back = (anchor.day.weekday() - weekday) % 7
    if modifier == "next":
        ahead = (weekday - anchor.day.weekday()) % 7 or 7
        return iso_day(anchor.day + timedelta(days=ahead))
    if modifier == "past" and back == 0:
        back = 7
    return iso_day(anchor.day - timedelta(days=back))


def calendar_unit(anchor: Anchor, unit: str, offset: int, part: tuple[int, int] | None) -> str | None:
    """This, last or next week, month or year ("الشهر الماضي", "منتصف العام الجاري")."""
    d = anchor.day
    if unit == "year":
        return year_of(d.year + offset, part)
    if unit == "month":
        target = shift(d.replace(day=1), "month", offset)
        return month_of(None, target.month, target.year, None, part)
    if unit == "week":
        monday = d - timedelta(days=d.weekday()) + timedelta(weeks=offset)
        return interval(iso_day(monday), iso_day(monday + timedelta(days=6)))
    return None


def _point(d: date, unit: str) -> str:
    return iso_month(d.year, d.month) if unit in ("month", "year") else iso_day(d)


def ago(anchor: Anchor, unit: str, count: float | None, few: tuple[int, int], approx: bool, more: bool) -> str:
    """A time ``count`` units before the anchor ("قبل أربعة أيام"); an unnumbered plural is a span."""
    if count is None:
        return interval(_point(shift(anchor.day, unit, -few[1]), unit), _point(shift(anchor.day, unit, -few[0]), unit))
    point = shift(anchor.day, unit, -count)
    if more:
        return interval(None, _point(point, unit))
    if approx:
        slack = "month" if unit in ("month", "year") else "day"
        share = load_time_lexicon().settings["approx_share"]
        width = 1 if slack == "month" else max(1, round(count * {"hour": 0, "day": 1, "week": 7}[unit] * share))
        return interval(_point(shift(point, slack, -width), unit), _point(shift(point, slack, width), unit))
    return _point(point, unit)


def window(anchor: Anchor, unit: str, count: float, direction: int) -> str:
    """The span from the anchor back (-1) or forward (+1) by ``count`` units."""
    other = shift(anchor.day, unit, direction * count)
    ends = sorted((anchor.day, other))
    return interval(iso_day(ends[0]), iso_day(ends[1]))


def hijri_date(anchor: Anchor | None, day: int | None, month: int, year: int | None) -> str | None:
    """A Hijri day, month or year as Gregorian ISO (a month is a day interval)."""
    if year is None:
        if anchor is None:
            return None
        year = hijri_year_of(anchor.day)
        first = hijri_to_gregorian(year, month, day or 1)
        if first and first > anchor.day + timedelta(days=load_time_lexicon().settings["hijri_future_days"]):
            year -= 1
    if day is not None:
        found = hijri_to_gregorian(year, month, day)
        return iso_day(found) if found else None
    span = hijri_month_span(year, month)
    return interval(iso_day(span[0]), iso_day(span[1])) if span else None


def hijri_year(year: int) -> str | None:
    """A Hijri year as a Gregorian day interval."""
    first, last = hijri_month_span(year, 1), hijri_month_span(year, 12)
    return interval(iso_day(first[0]), iso_day(last[1])) if first and last else None
