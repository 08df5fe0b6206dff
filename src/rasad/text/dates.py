"""Publication date from a dateline near the top of a report ("17 يونيو 2023 | آخر تحديث", "بيروت 5 أيار 2019")."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from rasad.text.lexicon import month_numbers

DATELINE_LINES = 6  # a dateline sits among the first lines of a page, under the title
DATELINE_MAX_OFFSET = 40  # … and at the head of its line, after at most a place or weekday
MIN_YEAR, MAX_YEAR = 1990, 2100
_LONGEST_DATE = 40  # "23 كانون الثاني/يناير 2026" and the like fit in this many characters
_YEAR_RE = re.compile(r"\d{4}")
SHORT_LINE_WORDS = 14  # a line this short holding a date near its head is a dateline, not a sentence
_AFTER_DATELINE_RE = re.compile(r"\s*[-–—|(:،,]")  # "دمشق 23 أكتوبر 2017 - قال …" opens a body line


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern[str]:
    names = sorted(month_numbers(), key=len, reverse=True)
    month = "|".join(re.escape(n) for n in names)
    m1 = rf"(?<!\w)(?P<m1>{month})(?!\w)"
    m2 = rf"(?<!\w)(?P<m2>{month})(?!\w)"
    day_month_year = rf"(?<!\d)(?P<d1>\d{{1,2}})[ \-/.]*{m1}(?:\s*/\s*(?:{month}))?\.?,?[ \-/]*(?P<y1>\d{{4}})(?!\d)"
    month_day_year = rf"{m2}\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)"
    iso = r"(?<!\d)(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})(?!\d)"
    numeric = r"(?<![\d/])(?P<d4>\d{1,2})/(?P<m4>\d{1,2})/(?P<y4>\d{4})(?!\d)"  # day first, as in Arab usage
    return re.compile("|".join((day_month_year, month_day_year, iso, numeric)))


def _to_iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    months = month_numbers()
    for i in "1234":
        if groups.get(f"y{i}"):
            year, day = int(groups[f"y{i}"]), int(groups[f"d{i}"])
            raw_month = groups[f"m{i}"]
            month = int(raw_month) if raw_month.isdigit() else months[raw_month]
            break
    else:
        return None
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(norm_line: str) -> tuple[str, re.Match[str]] | None:
    """The first full date in a normalised line that sits at its head, with its match."""
    head = norm_line[: DATELINE_MAX_OFFSET + _LONGEST_DATE]
    if not _YEAR_RE.search(head):  # every full date has a four-digit year: skip most lines cheaply
        return None
    for match in _date_re().finditer(head):
        if match.start() > DATELINE_MAX_OFFSET:
            return None
        iso = _to_iso(match)
        if iso:
            return iso, match
    return None


def find_dateline(norm_lines: list[str]) -> tuple[str, int] | None:
    """(ISO date, line index) of the dateline among the first lines, if any."""
    for i, line in enumerate(norm_lines[:DATELINE_LINES]):
        found = find_date(line)
        if found and (len(line.split()) <= SHORT_LINE_WORDS or _AFTER_DATELINE_RE.match(line, found[1].end())):
            return found[0], i
    return None
