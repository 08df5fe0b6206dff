"""Load the document layer's data files (boilerplate patterns, month names), normalised at load."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from rasad.text.normalise import normalise_key

LEXICONS = Path(__file__).resolve().parent.parent / "data" / "lexicons"


def _read(name: str) -> dict:
    return yaml.safe_load((LEXICONS / name).read_text(encoding="utf-8"))


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True, slots=True)
class PageLexicon:
    """Compiled patterns for page furniture, summaries, captions and headings (normalised text)."""

    boilerplate: re.Pattern[str]
    site_name: re.Pattern[str]
    site_name_lines: int
    summary_marker: re.Pattern[str]
    category_separator: re.Pattern[str]
    category_min_items: int
    category_max_words: int
    caption_credit: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    heading_max_words: int
    sentence_end: re.Pattern[str]


@lru_cache(maxsize=1)
def page_lexicon() -> PageLexicon:
    """The boilerplate.yaml patterns, compiled once."""
    data = _read("boilerplate.yaml")
    category = data["category_list"]
    return PageLexicon(
        boilerplate=_alternation(data["boilerplate"]),
        site_name=re.compile(data["site_name"]),
        site_name_lines=int(data["site_name_lines"]),
        summary_marker=_alternation(data["summary_markers"]),
        category_separator=re.compile(category["separator"]),
        category_min_items=int(category["min_items"]),
        category_max_words=int(category["max_words_per_item"]),
        caption_credit=re.compile(data["caption_credit"] + r"\s*$"),
        caption_prefix=re.compile(data["caption_prefix"]),
        heading_max_words=int(data["heading"]["max_words"]),
        sentence_end=re.compile(data["heading"]["sentence_end"]),
    )


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation (Arabic systems and English), normalised -> month number."""
    months: dict[str, int] = {}
    for number, names in _read("months.yaml").items():
        for lang_names in names.values():
            for name in lang_names:
                months[normalise_key(name)] = int(number)
    return months
