"""Dating a report from its own words: constraints that relative expressions put on "now".

Only what the text fixes is used, never a guess: "2 شباط الجاري" says the report is from a February;
"منتصف العام الجاري" beside "منتصف عام 2026" says the current year is 2026. A bare weekday fixes
nothing. Clues that disagree cancel each other.
"""

from __future__ import annotations

from collections.abc import Iterable

from rasad.mentions.temporal.calendar import iso_month, iso_year

Fact = tuple[str | int, ...]


def _single(values: Iterable[int]) -> int | None:
    found = set(values)
    return found.pop() if len(found) == 1 else None


def infer_from_facts(facts: list[Fact]) -> str | None:
    """The month ("2026-02") or year the clues fix together, or None when they fix no year."""
    month = _single(int(f[1]) for f in facts if f[0] == "month_is")
    # "منتصف العام الجاري" and "منتصف عام 2026" in one report name the same time: the year is 2026.
    explicit = {(f[1], int(f[2])) for f in facts if f[0] == "part_year"}
    years = [int(f[1]) for f in facts if f[0] == "year_is"]
    years += [year - int(f[2]) for f in facts if f[0] == "part_this_year" for part, year in explicit if part == f[1]]
    year = _single(years)
    if year is None:
        return None
    return iso_month(year, month) if month else iso_year(year)
