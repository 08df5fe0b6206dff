"""The tagger on the seed reports, against the gold times (read from ../shared at test time)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from rasad.mentions.times import find_times, infer_published
from rasad.model import Doc
from rasad.text.normalise import normalise_key, normalise_text

KNOWN_BASES = ("header", "dateline")


def covers(a: str, b: str) -> bool:
    """The scorer's text rule, roughly: one contains the other (after normalisation)."""
    a, b = normalise_key(a.replace("(", "").replace(")", "")), normalise_key(b.replace("(", "").replace(")", ""))
    return a in b or b in a


def seed_cases(gold_dir: Path, seeds_dir: Path) -> list[tuple[Doc, dict]]:
    cases = []
    for path in sorted(gold_dir.glob("0*.yaml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = (seeds_dir / gold["doc"]).read_text(encoding="utf-8")
        cases.append((Doc(id=path.stem, file=gold["doc"], text=text, norm=normalise_text(text)), gold))
    return cases


def span(value: str) -> tuple[str, str]:
    """An ISO point or interval as comparable (first, last) strings; open ends are extreme."""
    first, _, last = value.partition("/")
    last = last or first
    return ("0000" if first == ".." else first), ("9999" if last == ".." else last + "-99")


def value_ok(got: str | None, want: str, approx: bool) -> bool:
    if got is None:
        return False
    if not approx:
        return got == want
    (a, b), (c, d) = span(got), span(want)
    return a <= d and c <= b


def anchor_of(iso: str) -> date:
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    return date(parts[0], parts[1], parts[2])


def test_gold_times_are_found_with_their_values(gold_dir: Path, seeds_dir: Path) -> None:
    missed = []
    for doc, gold in seed_cases(gold_dir, seeds_dir):
        published = str(gold.get("published") or gold.get("published_inferred") or "")
        doc.published = published or None
        anchor = anchor_of(published) if published else None
        mentions = find_times(doc, anchor, gold.get("published_basis") not in KNOWN_BASES)
        for want in gold.get("times", []):
            if want.get("optional"):
                continue
            if not any(covers(m.text, want["text"]) and value_ok(m.value, str(want["value"]), want.get("approx", False))
                       for m in mentions):
                missed.append((doc.file, want["text"], str(want["value"])))
    assert missed == []


def test_published_is_inferred_only_where_the_text_fixes_it(gold_dir: Path, seeds_dir: Path) -> None:
    for doc, gold in seed_cases(gold_dir, seeds_dir):
        if gold["published_basis"] in KNOWN_BASES:
            continue
        got = infer_published(doc, find_times(doc, None, False))
        expected = (str(gold["published"]), "text") if gold["published_basis"] == "text" else (None, "unknown")
        assert got == expected, doc.file


def test_no_time_value_in_quantities(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = Doc(id=path.stem, file=path.name, text=text, norm=normalise_text(text))
        for mention in find_times(doc, date(2026, 2, 23), False):
            assert not any(q in mention.text for q in ("5700", "99", "1.7", "900", "01:37", "أم4")), mention
