"""Dates for undated reports from their story: "today, Saturday" is the last Saturday on or before
the newest dated report of the story the report belongs to.

The weekday names and the words for "today" are read from the time lexicons
(``data/lexicons/{ar,en}/time.yaml``: ``weekdays`` and ``today``), normalised at load.
"""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta
from functools import lru_cache

import yaml

from rasad.fusion.reports import is_dated, report_span
from rasad.model import Doc, Story
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key
from rasad.text.regexes import alternation

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en")
# Between "today" and its weekday a text may put a comma, a bracket or a dash: "اليوم (السبت)".
_JOINER = r"[\s,،(\[\-–—]*"


@lru_cache(maxsize=1)
def _today_weekday_pattern() -> tuple[re.Pattern[str], dict[str, int]]:
    weekdays: dict[str, int] = {}
    today: set[str] = set()
    for lang in LANGUAGES:
        raw = yaml.safe_load((DATA_DIR / "lexicons" / lang / "time.yaml").read_text(encoding="utf-8"))
        for number, names in raw["weekdays"].items():
            for name in names:
                weekdays[normalise_key(name)] = int(number)
        today |= {normalise_key(word) for word in raw["today"]}

    pattern = re.compile(rf"(?<!\w)(?:{alternation(today)}){_JOINER}({alternation(weekdays)})(?!\w)")
    return pattern, weekdays


def _content_text(doc: Doc) -> str:
    """The normalised text of the report's own statements (no furniture, no captions)."""
    if not doc.segments:
        return doc.norm.text
    norm = doc.norm
    return "\n".join(norm.text[norm.to_norm(s.start):norm.to_norm(s.end)]
                     for s in doc.segments if s.role in ("body", "translation", "summary", "heading"))


def today_weekday(doc: Doc) -> int | None:
    """The weekday (0 = Monday) the report names as today, or None when it names none or several."""
    pattern, weekdays = _today_weekday_pattern()
    found = {weekdays[m.group(1)] for m in pattern.finditer(_content_text(doc))}
    return found.pop() if len(found) == 1 else None


def last_weekday_on_or_before(day: date, weekday: int) -> date:
    """The latest date with ``weekday`` that is not after ``day``."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def infer_story_dates(story: Story) -> list[Doc]:
    """Date undated reports from the newest dated report of their story; return the docs changed."""
    by_id = {d.id: d for d in story.docs}
    changed = []
    for cluster in story.clusters:
        docs = [by_id[i] for i in cluster.documents if i in by_id]
        anchors = [span.start for d in docs if is_dated(d) and (span := report_span(d)) and span.width == 1]
        if not anchors:
            continue
        newest = max(anchors)
        for doc in docs:
            if is_dated(doc):
                continue
            weekday = today_weekday(doc)
            if weekday is None:
                continue
            doc.published = last_weekday_on_or_before(newest, weekday).isoformat()
            doc.published_basis = "inferred"
            log.info("%s: publication date inferred from its story: %s", doc.file, doc.published)
            changed.append(doc)
    return changed
