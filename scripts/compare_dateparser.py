#!/usr/bin/env python3
"""Compare rasad's temporal tagger with dateparser's ``search_dates`` on gold-annotated reports.

usage: compare_dateparser.py [GOLD_DIR [CORPUS_DIR]]   (defaults: ../shared/gold/seeds, ../shared/corpus/seeds)

For every gold time expression (optional ones included) it checks whether each tool found a
matching expression (one text contains the other after normalisation) with a right value (the
scorer's rule: same interval at the gold's precision, overlap where the gold says ``approx``),
prints both side by side, then totals and time per report. Nothing is installed or downloaded:
dateparser is used only if it is importable (``pip install rasad[compare]``).
"""

from __future__ import annotations

import calendar
import sys
import time
from datetime import date, datetime
from pathlib import Path

import yaml

from rasad.mentions.times import find_times
from rasad.model import Doc
from rasad.paths import shared_dir
from rasad.text.normalise import normalise_key, normalise_text

Interval = tuple[date | None, date | None]


def _point(text: str, end: bool) -> date | None:
    if text in ("", ".."):
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1] if end else 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


def to_interval(value: str) -> Interval:
    """An ISO point or interval as (first day, last day); None is an open end."""
    first, _, last = value.partition("/")
    return _point(first, False), _point(last or first, True)


def value_ok(gold: str, approx: bool, found: str | None) -> bool:
    """The scorer's rule: the same interval at the gold's precision, or overlap when approximate."""
    if found is None:
        return False
    g, s = to_interval(gold), to_interval(found)
    if not approx:
        return g == s
    return max(g[0] or date.min, s[0] or date.min) <= min(g[1] or date.max, s[1] or date.max)


def text_ok(a: str, b: str) -> bool:
    a, b = normalise_key(a.replace("(", " ").replace(")", " ")), normalise_key(b.replace("(", " ").replace(")", " "))
    short = min(a, b, key=len)
    return sum(ch.isalnum() for ch in short) >= 3 and (a in b or b in a)


def as_value(found: datetime, gold: str) -> str:
    """A dateparser datetime at the precision of the gold value (dateparser always gives a day)."""
    precision = len(gold.split("/")[0])
    return found.date().isoformat()[:precision] if precision in (4, 7) else found.date().isoformat()


def anchor_of(gold: dict) -> date | None:
    published = gold.get("published") or gold.get("published_inferred")
    if not published:
        return None
    parts = [int(p) for p in str(published).split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def run_rasad(text: str, gold: dict) -> tuple[list[tuple[str, str | None]], float]:
    started = time.perf_counter()
    published = str(gold.get("published") or "") or None
    doc = Doc(id="d", file=gold["doc"], text=text, norm=normalise_text(text), published=published)
    found = [(t.text, t.value) for t in find_times(doc, anchor_of(gold), False)]
    return found, time.perf_counter() - started


def run_dateparser(search_dates: object, text: str, gold: dict) -> tuple[list[tuple[str, datetime]], float]:
    anchor = anchor_of(gold)
    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day)} if anchor else {}
    started = time.perf_counter()
    found = search_dates(text, languages=["ar", "en"], settings=settings) or []  # type: ignore[operator]
    return list(found), time.perf_counter() - started


def main(argv: list[str]) -> int:
    gold_dir = Path(argv[0]) if argv else shared_dir() / "gold" / "seeds"
    corpus = Path(argv[1]) if len(argv) > 1 else shared_dir() / "corpus" / "seeds"
    try:
        from dateparser.search import search_dates
    except ImportError:
        search_dates = None
        print("dateparser is not installed (pip install 'rasad[compare]'); showing rasad only")
    warm_up = "وقال في 3 أيار 2025 إن"  # both tools compile their grammars on first use; time only the work
    find_times(Doc(id="w", file="w", text=warm_up, norm=normalise_text(warm_up)), None, False)
    if search_dates:
        search_dates(warm_up, languages=["ar", "en"])
    totals = {"rasad": [0, 0.0], "dateparser": [0, 0.0]}
    expressions = 0
    for path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "doc" not in gold:
            continue
        text = (corpus / gold["doc"]).read_text(encoding="utf-8")
        ours, elapsed = run_rasad(text, gold)
        totals["rasad"][1] += elapsed
        theirs: list[tuple[str, datetime]] = []
        if search_dates:
            theirs, elapsed = run_dateparser(search_dates, text, gold)
            totals["dateparser"][1] += elapsed
        print(f"\n{gold['doc']}")
        for want in gold.get("times", []):
            expressions += 1
            value, approx = str(want["value"]), bool(want.get("approx"))
            hit_ours = any(text_ok(t, want["text"]) and value_ok(value, approx, v) for t, v in ours)
            hit_theirs = any(text_ok(t, want["text"]) and value_ok(value, approx, as_value(d, value))
                             for t, d in theirs)
            totals["rasad"][0] += hit_ours
            totals["dateparser"][0] += hit_theirs
            marks = f"{'✓' if hit_ours else '✗'} rasad  {'✓' if hit_theirs else '✗'} dateparser"
            print(f"  {marks}   {want['text']} = {value}")
        wrong = [t for t, d in theirs if not any(text_ok(t, w["text"]) for w in gold.get("times", []))]
        if wrong:
            print(f"  dateparser also reported: {wrong}")
    reports = max(1, sum(1 for p in gold_dir.glob("*.yaml") if p.name != "story.yaml"))
    print(f"\n{'tool':12s} {'right':>9s} {'ms/report':>10s}")
    for tool, (right, seconds) in totals.items():
        if tool == "dateparser" and not search_dates:
            continue
        print(f"{tool:12s} {right:4d}/{expressions:<4d} {1000 * seconds / reports:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
