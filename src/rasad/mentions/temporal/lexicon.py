"""The temporal vocabulary (Arabic and English), loaded from data files and normalised at load.

Files: ``data/lexicons/months.yaml`` (Gregorian months), ``data/lexicons/ar/hijri.yaml`` and
``data/lexicons/{ar,en}/time.yaml``. Every form is passed through ``normalise_key`` so that it meets
article text in the same shape. Lookups map a normalised form to its meaning; ``alt(...)`` gives the
regex alternation of a table's forms for the grammar.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from rasad.text.regexes import alternation
from rasad.paths import DATA_DIR
from rasad.text.normalise import normalise_key

LANGUAGES = ("ar", "en")
UNITS = ("hour", "day", "week", "month", "year")
PARTS = ("start", "middle", "end")
MODIFIERS = ("past", "current", "next")


@dataclass(frozen=True, slots=True)
class UnitForm:
    """One written form of a unit of time: "يومين" is (day, 2), "أيام" is (day, None, plural)."""

    unit: str
    count: int | None
    plural: bool = False


@dataclass(slots=True)
class TimeLexicon:
    """Normalised form -> meaning, for every table the temporal grammar uses."""

    months: dict[str, int] = field(default_factory=dict)
    months_en: set[str] = field(default_factory=set)  # the names that may come before the day
    ambiguous_months: set[str] = field(default_factory=set)
    hijri_months: dict[str, int] = field(default_factory=dict)
    hijri_markers: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    day_words: set[str] = field(default_factory=set)
    month_words: set[str] = field(default_factory=set)
    day_parts: set[str] = field(default_factory=set)
    deictics: dict[str, int] = field(default_factory=dict)
    today: set[str] = field(default_factory=set)
    today_followers: set[str] = field(default_factory=set)
    today_preceders: set[str] = field(default_factory=set)
    ambiguous_hijri: set[str] = field(default_factory=set)
    modifiers_after: dict[str, str] = field(default_factory=dict)
    modifiers_before: dict[str, str] = field(default_factory=dict)
    units: dict[str, UnitForm] = field(default_factory=dict)
    few: dict[str, tuple[int, int]] = field(default_factory=dict)
    definite: set[str] = field(default_factory=set)
    year_words: set[str] = field(default_factory=set)
    year_cues: set[str] = field(default_factory=set)
    year_markers: set[str] = field(default_factory=set)
    parts: dict[str, str] = field(default_factory=dict)
    part_months: dict[str, tuple[int, int]] = field(default_factory=dict)
    part_days: dict[str, tuple[int, int]] = field(default_factory=dict)
    relations: dict[str, set[str]] = field(default_factory=dict)
    adjective_heads: set[str] = field(default_factory=set)
    settings: dict[str, float] = field(default_factory=dict)

    @property
    def month_units(self) -> list[str]:
        """The singular forms of "month" ("شهر"), for "15 من الشهر الماضي"."""
        return [form for form, meaning in self.units.items() if meaning == UnitForm("month", 1)]

    def relation(self, name: str) -> set[str]:
        """The forms of one relation word class (ago, since, within, …)."""
        return self.relations.get(name, set())


def _read(path: str) -> Any:
    return yaml.safe_load((DATA_DIR / "lexicons" / path).read_text(encoding="utf-8"))


def _keys(forms: list[str] | None) -> set[str]:
    return {normalise_key(f) for f in forms or []}


def _add_language(lex: TimeLexicon, raw: dict[str, Any]) -> None:
    for day, forms in raw["weekdays"].items():
        lex.weekdays |= {k: int(day) for k in _keys(forms)}
    lex.day_words |= _keys(raw.get("day_words"))
    lex.month_words |= _keys(raw.get("month_words"))
    lex.ambiguous_months |= _keys(raw.get("ambiguous_months"))
    lex.day_parts |= _keys(raw.get("day_parts"))
    lex.deictics |= {normalise_key(k): int(v) for k, v in raw["deictics"].items()}
    lex.today |= _keys(raw.get("today"))
    lex.today_followers |= _keys(raw.get("today_followers"))
    lex.today_preceders |= _keys(raw.get("today_preceders"))
    for name in MODIFIERS:
        lex.modifiers_after |= {k: name for k in _keys(raw["modifiers"][name].get("after"))}
        lex.modifiers_before |= {k: name for k in _keys(raw["modifiers"][name].get("before"))}
    for unit, spec in raw["units"].items():
        lex.units |= {k: UnitForm(unit, 1) for k in _keys(spec.get("one"))}
        lex.units |= {k: UnitForm(unit, 2) for k in _keys(spec.get("two"))}
        lex.units |= {k: UnitForm(unit, None, plural=True) for k in _keys(spec.get("many"))}
        lex.few[unit] = (int(spec["few"][0]), int(spec["few"][1]))
    lex.definite |= _keys(raw.get("definite"))
    lex.year_words |= _keys(raw.get("year_words"))
    lex.year_cues |= _keys(raw.get("year_cues"))
    lex.year_markers |= _keys(raw.get("year_markers"))
    for part, spec in raw["fuzzy_parts"].items():
        lex.parts |= {k: part for k in _keys(spec["words"])}
        lex.part_months[part] = (int(spec["year"][0]), int(spec["year"][1]))
        lex.part_days[part] = (int(spec["month"][0]), int(spec["month"][1]))
    lex.adjective_heads |= _keys(raw.get("general_adjective_heads"))
    lex.settings |= raw.get("resolution") or {}
    for name, forms in raw["relations"].items():
        lex.relations.setdefault(name, set()).update(_keys(forms))


@lru_cache(maxsize=1)
def load_time_lexicon() -> TimeLexicon:
    """The merged Arabic and English temporal vocabulary."""
    lex = TimeLexicon()
    for month, names in _read("months.yaml").items():
        for lang in LANGUAGES:
            lex.months |= {k: int(month) for k in _keys(names.get(lang))}
        lex.months_en |= _keys(names.get("en"))
    hijri = _read("ar/hijri.yaml")
    for month, names in hijri["months"].items():
        for lang in LANGUAGES:
            lex.hijri_months |= {k: int(month) for k in _keys(names.get(lang))}
    lex.hijri_markers = _keys(hijri["year_markers"])
    lex.ambiguous_hijri = _keys(hijri.get("ambiguous"))
    for lang in LANGUAGES:
        _add_language(lex, _read(f"{lang}/time.yaml"))
    return lex


def alt(forms: object) -> str:
    """Regex alternation of normalised forms (longest first), or a pattern that never matches."""
    items = list(forms)  # type: ignore[call-overload]
    return alternation(items) if items else "(?!x)x"
