"""The temporal grammar: compiled patterns over normalised text, each with a handler.

Patterns are built from the vocabulary in ``lexicon`` (no word lists here). One scan finds every
word an expression can begin with (a month, a weekday, a digit, "قبل", "خلال", …); only the
patterns that can begin with that word are tried there, which keeps the tagger well under a
millisecond per report. A handler turns a match into a ``Parsed`` expression whose ``resolve``
gives its ISO value for an anchor. ``Grammar.parse`` keeps the longest non-overlapping matches,
then applies what only makes sense between expressions: the word before one ("منذ", "في": a bare
year needs such a cue; "بحلول": a deadline) and "من … إلى …" (two dates make one range).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from rasad.mentions.numbers import (
    NUMBER,
    NUMBER_OR_INDEFINITE,
    ORDINAL,
    WORD_START,
    number_forms,
    ordinal_forms,
    parse_number,
    parse_ordinal,
)
from rasad.mentions.temporal import resolve as rs
from rasad.mentions.temporal.calendar import Anchor, interval, iso_day
from rasad.mentions.temporal.lexicon import TimeLexicon, alt, load_time_lexicon

Resolver = Callable[[Anchor | None], str | None]
Handler = Callable[[re.Match[str]], "Parsed | None"]
Fact = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Parsed:
    """One temporal expression found in normalised text, not yet resolved."""

    start: int
    end: int
    kind: str  # date | interval | deadline | duration
    resolve: Resolver
    relative: bool  # its value depends on the anchor
    needs: str = "day"  # the anchor precision its value depends on: year | month | day
    facts: tuple[Fact, ...] = ()  # clues about the publication date, for infer_published
    bare_year: bool = False  # a lone four-digit number, a year only after a cue word
    pointlike: bool = False  # a date, month or year that can open or close a range
    range_start: int | None = None  # where a preceding "من"/"بين" begins, should a range follow


def _fixed(value: str | None) -> Resolver:
    return lambda _anchor: value


def _needs_anchor(fn: Callable[[Anchor], str | None]) -> Resolver:
    return lambda anchor: fn(anchor) if anchor is not None else None


_E = r"(?!\w)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d%]|[.,]\d)"
_HYEAR = r"(?:1[3-5]\d\d)(?![\d%]|[.,]\d)"
# Keys under which the trigger scan files a number: a possible day of the month, or a longer one.
_DAY_DIGITS, _LONG_DIGITS = "0", "000"


class Grammar:
    """The compiled patterns and their handlers for one vocabulary."""

    def __init__(self, lex: TimeLexicon) -> None:
        self.lex = lex
        rel = lex.relation
        month = alt(lex.months)
        months = rf"(?P<month>{month}){_E}(?:(?:\s*[/(]\s*|\s+){month}{_E}(?:\s*\))?)?"
        mod_a = rf"(?:\s+(?P<mod>{alt(lex.modifiers_after)}){_E})?"
        mod_b = rf"(?:(?P<modb>{alt(lex.modifiers_before)})\s+)?"
        year_opt = rf"(?:[،,]?\s+(?P<year>{_YEAR})(?:\s*{alt(lex.year_markers)}{_E})?)?"
        day_word = rf"(?:{alt(lex.day_words)}\s+)?"
        month_word = rf"(?:(?P<mword>{alt(lex.month_words)})\s+)?"
        weekday = alt(lex.weekdays)
        part = alt(lex.parts)
        unit = alt(lex.units)
        guard = rf"(?!\s+(?:{_YEAR}|{month}|{alt(lex.hijri_months)}|{weekday}))"
        approx = rf"(?:(?P<approx>{alt(rel('approx'))})\s+|(?P<more>{alt(rel('more_than'))})\s+)?"
        few = alt(rel("few"))
        definite = alt(lex.definite)
        day_part = rf"(?P<dpart>{alt(lex.day_parts)})"
        hijri_marker = rf"{alt(lex.hijri_markers)}{_E}"
        w = WORD_START
        of = rf"(?:\s+{alt(rel('of'))})?"
        numbered = rf"(?:(?P<num>{NUMBER_OR_INDEFINITE})\s*|(?P<few>{few})\s+)?"
        few_after = rf"(?:\s+(?P<few_after>{alt(rel('few_after'))}){_E})?"
        # (the word classes an expression can begin with, its pattern, its handler)
        table: list[tuple[tuple[str, ...], str, Handler]] = [
            (("weekday", "day_word", "definite", "day_digits", "ordinal"),  # الرابع من يوليو/تموز 2019
             rf"{w}(?:(?P<wd>{weekday})[،,]?\s+)?{day_word}(?:{definite}\s*)?(?P<day>{_DAY}|{ORDINAL}){of}\s+"
             rf"{month_word}{months}{year_opt}{mod_a}", self._day_month),
            (("weekday", "month"),  # December 8, 2024
             rf"{w}(?:(?P<wd>{weekday}),?\s+)?(?P<month>{alt(lex.months_en)})\.?\s+(?P<day>{_DAY})(?:st|nd|rd|th)?"
             rf"(?:,?\s+(?P<year>{_YEAR}))?", self._day_month),
            (("day_word", "day_digits"),  # يومي 12 و13 آذار
             rf"{w}{day_word}(?P<d1>{_DAY})\s*(?:{alt(rel('day_and') | rel('range_to'))})\s*(?P<d2>{_DAY})\s+"
             rf"{month_word}{months}{year_opt}{mod_a}", self._day_range),
            (("part", "modb", "month_word", "month"),  # نوفمبر الماضي, ديسمبر 2024
             rf"{w}(?:(?P<part>{part})[\s-]+)?{mod_b}{month_word}{months}{year_opt}{mod_a}(?!\s*\d)", self._month),
            (("part", "year_word", "long_digits"),  # أواخر عام 2031, العام 1998
             rf"{w}(?:(?P<part>{part})[\s-]*)?(?:(?P<word>{alt(lex.year_words)})\s+)?(?P<year>{_YEAR})"
             rf"(?P<marker>\s*{alt(lex.year_markers)}{_E})?"
             rf"(?:\s*(?:-|–|{alt(rel('range_to'))})\s*(?P<year2>{_YEAR}))?", self._year),
            (("day_digits", "ordinal", "hijri_month"),  # 5 رمضان 1447هـ
             rf"{w}(?:(?P<day>{_DAY}|{ORDINAL}){of}\s+)?(?P<month>{alt(lex.hijri_months)})"
             rf"(?:\s+(?P<year>{_HYEAR})\s*(?:{hijri_marker})?)?", self._hijri),
            (("year_word", "long_digits"),  # 1447هـ
             rf"{w}(?:{alt(lex.year_words)}\s+)?(?P<year>{_HYEAR})\s*{hijri_marker}", self._hijri_year),
            (("day_digits",),  # 2/5/2026, day first
             r"(?<![\d/.-])(?P<day>[12]\d|3[01]|0?[1-9])(?P<sep>[/.-])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
             r"(?P<year>\d{4})(?![\d/-]|\.\d)", self._numeric),
            (("long_digits",),  # 2031-07-14, 2031/7/14
             r"(?<![\d/.-])(?P<year>\d{4})(?P<sep>[/-])(?P<month>1[0-2]|0?[1-9])(?P=sep)(?P<day>[12]\d|3[01]|0?[1-9])"
             r"(?![\d/-])", self._numeric),
            (("deictic", "day_part", "modb", "day_word", "weekday"),  # اليوم (الإثنين), مساء الأربعاء
             rf"{w}(?:{day_part}\s+)?(?:(?P<deictic>{alt(lex.deictics)})\s*(?:(?P<paren>\()|[،,])?\s*)?{mod_b}"
             rf"{day_word}(?P<wd>{weekday})(?(paren)\s*\)){mod_a}", self._weekday),
            (("day_part", "deictic"),  # أمس الأول
             rf"{w}(?:{day_part}\s+)?(?P<deictic>{alt(lex.deictics)}){_E}", self._deictic),
            (("part", "modb", "unit"),  # الشهر الماضي, أواخر العام الجاري
             rf"{w}(?:(?P<part>{part})[\s-]+)?{mod_b}(?P<def>{definite})?(?P<unit>{unit}){_E}{mod_a}", self._calendar),
            (("ago", "since"),  # قبل ستة أيام, منذ أكثر من عقد
             rf"{w}(?P<rel>{alt(rel('ago') | rel('since'))})\s+{approx}{numbered}(?P<unit>{unit}){_E}{guard}",
             self._ago),
            (("approx", "more_than", "number", "day_digits", "long_digits", "few", "unit"),  # two days ago
             rf"{w}{approx}{numbered}(?P<unit>{unit})\s+(?P<rel>{alt(rel('ago'))}){_E}", self._ago),
            (("within", "deadline", "modb", "approx", "more_than", "definite", "number", "few", "unit"),
             # في غضون أسبوع, خلال الأشهر الثلاثة الماضية, over the last three weeks
             rf"{w}(?:(?P<rel>{alt(rel('within') | rel('deadline'))})\s+)?{mod_b}{approx}"
             rf"(?:(?P<def>{definite})\s*)?{numbered}(?P<unit>{unit}){_E}{guard}"
             rf"(?:\s+{definite}\s*(?P<num_after>{NUMBER}){_E})?{few_after}{mod_a}", self._window),
            (("number", "day_digits", "long_digits", "unit"),  # (بين) 20 يوما إلى شهرين
             rf"{w}(?:(?P<n1>{NUMBER_OR_INDEFINITE})\s+)?(?P<u1>{unit})\s*(?:{alt(rel('range_to'))})\s*"
             rf"(?:(?P<n2>{NUMBER_OR_INDEFINITE})\s+)?(?P<u2>{unit}){_E}", self._duration_range),
            (("day_word", "definite", "day_digits", "ordinal"),  # 15 من الشهر الماضي, السادس عشر الجاري
             rf"{w}{day_word}(?:{definite}\s*)?(?P<day>{_DAY}|{ORDINAL}){of}\s+"
             rf"(?:{definite}(?P<unit>{alt(lex.month_units)})\s+)?(?P<mod>{alt(lex.modifiers_after)}){_E}",
             self._day_of_month),
            (("after",),  # بعد نحو 7 أسابيع على
             rf"{w}{alt(rel('after'))}\s+{approx}(?:(?P<num>{NUMBER})\s+)?(?P<unit>{unit})"
             rf"(?=\s+{alt(rel('after_of'))}{_E})", self._after_of),
        ]
        self.patterns = [(re.compile(pattern), handler) for _, pattern, handler in table]
        self.definite_units = {d + u for d in lex.definite for u in lex.units}
        words = _token_classes(lex)
        token_classes = words | {_DAY_DIGITS: ("day_digits",), _LONG_DIGITS: ("long_digits",)}
        # For each word an expression can begin with, the patterns to try there, in table order.
        self.patterns_at = {token: tuple(i for i, (starts, _, _) in enumerate(table) if set(starts) & set(classes))
                            for token, classes in token_classes.items()}
        self.triggers = re.compile(rf"{w}(?:\d+|{alt(words)}(?![^\W\d_]))")
        self.cue_before = re.compile(rf"(?:^|(?<=\W)|(?<=(?<!\w)[وفبل]))(?P<cue>"
                                     rf"{alt(lex.year_cues | rel('since') | rel('by') | rel('range_from'))})\s+$")
        self.range_open = re.compile(rf"(?:^|(?<=\W)|(?<=(?<!\w)[وفبل]))(?:{alt(rel('range_from'))})\s+"
                                     rf"(?:{alt(rel('approx'))}\s+)?$")
        self.the_day_of = re.compile(rf"\s+(?:{alt(lex.today_followers)}|(?!{weekday}){alt(lex.definite)})")
        self.range_between = re.compile(rf"\s*(?:{alt(rel('range_to'))})\s*")

    # -- helpers ------------------------------------------------------------------------------

    def _modifier(self, m: re.Match[str]) -> str | None:
        groups = m.groupdict()
        if groups.get("mod"):
            return self.lex.modifiers_after[_key(groups["mod"])]
        if groups.get("modb"):
            return self.lex.modifiers_before[_key(groups["modb"])]
        return None

    def _day(self, text: str) -> int | None:
        return int(text) if text.isdigit() else parse_ordinal(text)

    def _count(self, m: re.Match[str]) -> tuple[str, float | None]:
        form = self.lex.units[_key(m["unit"])]
        written = m["num"] or m.groupdict().get("num_after")  # "الأيام الثلاثة الماضية" puts it after
        if written:
            value = parse_number(_key(written))
            return form.unit, float(value) if value is not None else None
        if form.count is not None:
            return form.unit, float(form.count)
        return form.unit, None

    # -- handlers -----------------------------------------------------------------------------

    def _day_month(self, m: re.Match[str]) -> Parsed | None:
        day = self._day(m["day"])
        if not day or day > 31 or (not m["day"].isdigit() and self._after(m, self.definite_units)):
            return None  # "الأسبوع الأول من شباط" is a week, not the first of February
        month = self.lex.months[_key(m["month"])]
        year = int(m["year"]) if m["year"] else None
        mod = self._modifier(m)
        facts = _month_facts(month, year, mod)
        if year is not None:
            return Parsed(m.start(), m.end(), "date", _fixed(rs.day_month(None, day, month, year, None)), False,
                          pointlike=True, facts=facts)
        return Parsed(m.start(), m.end(), "date", lambda a: rs.day_month(a, day, month, None, mod), True, "month",
                      facts, pointlike=True)

    def _day_range(self, m: re.Match[str]) -> Parsed | None:
        first, last = int(m["d1"]), int(m["d2"])
        if first >= last:
            return None
        month = self.lex.months[_key(m["month"])]
        year = int(m["year"]) if m["year"] else None
        mod = self._modifier(m)

        def value(anchor: Anchor | None) -> str | None:
            a, b = rs.day_month(anchor, first, month, year, mod), rs.day_month(anchor, last, month, year, mod)
            return interval(a, b) if a and b else None

        return Parsed(m.start(), m.end(), "interval", value, year is None, "month", _month_facts(month, year, mod))

    def _month(self, m: re.Match[str]) -> Parsed | None:
        key = _key(m["month"])
        month = self.lex.months[key]
        year = int(m["year"]) if m["year"] else None
        mod = self._modifier(m)
        part = self.lex.part_days[self.lex.parts[_key(m["part"])]] if m["part"] else None
        cued = self.cue_before.search(m.string, max(0, m.start() - 20), m.start())
        licensed = year or mod or m["part"] or m["mword"] or cued
        if key in self.lex.ambiguous_months and not licensed:
            return None  # "لمركبة نيسان" is a car; "في نيسان" a month
        facts = _month_facts(month, year, mod)
        if year is not None:
            return Parsed(m.start(), m.end(), "date", _fixed(rs.month_of(None, month, year, None, part)), False,
                          facts=facts, pointlike=True)
        return Parsed(m.start(), m.end(), "date", lambda a: rs.month_of(a, month, None, mod, part), True, "month",
                      facts, pointlike=True)

    def _year(self, m: re.Match[str]) -> Parsed | None:
        year = int(m["year"])
        part_name = self.lex.parts[_key(m["part"])] if m["part"] else None
        part = self.lex.part_months[part_name] if part_name else None
        if m["year2"]:
            last = int(m["year2"])
            if last <= year or not (m["word"] or m["part"]):
                return None
            return Parsed(m.start(), m.end(), "interval", _fixed(interval(str(year), str(last))), False,
                          pointlike=True)
        facts: tuple[Fact, ...] = (("part_year", part_name, year),) if part_name else ()
        bare = not (m["word"] or m["part"] or m["marker"])
        return Parsed(m.start(), m.end(), "date", _fixed(rs.year_of(year, part)), False, facts=facts,
                      bare_year=bare, pointlike=True)

    def _hijri(self, m: re.Match[str]) -> Parsed | None:
        if not (m["day"] or m["year"]) or (_key(m["month"]) in self.lex.ambiguous_hijri and not m["year"]):
            return None
        day = self._day(m["day"]) if m["day"] else None
        month = self.lex.hijri_months[_key(m["month"])]
        year = int(m["year"]) if m["year"] else None
        if year is not None:
            return Parsed(m.start(), m.end(), "date", _fixed(rs.hijri_date(None, day, month, year)), False,
                          pointlike=True)
        return Parsed(m.start(), m.end(), "date", lambda a: rs.hijri_date(a, day, month, None), True, "day",
                      pointlike=True)

    def _hijri_year(self, m: re.Match[str]) -> Parsed | None:
        return Parsed(m.start(), m.end(), "date", _fixed(rs.hijri_year(int(m["year"]))), False, pointlike=True)

    def _numeric(self, m: re.Match[str]) -> Parsed | None:
        value = rs.day_month(None, int(m["day"]), int(m["month"]), int(m["year"]), None)
        if value is None or not 1800 <= int(m["year"]) <= 2100:
            return None
        return Parsed(m.start(), m.end(), "date", _fixed(value), False, pointlike=True)

    def _weekday(self, m: re.Match[str]) -> Parsed | None:
        if m["deictic"]:  # "أمس (الأحد)": the deictic dates it, the weekday only confirms
            offset = self.lex.deictics[_key(m["deictic"])]
            return Parsed(m.start(), m.end(), "date",
                          _needs_anchor(lambda a: iso_day(a.day + timedelta(days=offset))), True, pointlike=True)
        weekday = self.lex.weekdays[_key(m["wd"])]
        mod = self._modifier(m)
        return Parsed(m.start(), m.end(), "date", _needs_anchor(lambda a: rs.weekday_date(a, weekday, mod)), True,
                      pointlike=True)

    def _deictic(self, m: re.Match[str]) -> Parsed | None:
        word = _key(m["deictic"])
        the_day = self.the_day_of.match(m.string, m.end()) or self._after(m, self.lex.today_preceders)
        if word in self.lex.today and the_day:
            return None  # "في اليوم التالي", "ذلك اليوم": "the (next, that) day", not today
        offset = self.lex.deictics[word]
        return Parsed(m.start(), m.end(), "date",
                      _needs_anchor(lambda a: iso_day(a.day + timedelta(days=offset))), True, pointlike=True)

    def _calendar(self, m: re.Match[str]) -> Parsed | None:
        form = self.lex.units[_key(m["unit"])]
        mod = written = self._modifier(m)
        if mod is None and m["part"] and m["def"]:
            mod = "current"  # "منذ بداية العام": the part of a definite year or month is of the current one
        if mod is None or form.count != 1 or form.unit not in ("week", "month", "year"):
            return None
        if form.unit == "year" and self._after(m, self.lex.adjective_heads):
            return None
        part_name = self.lex.parts[_key(m["part"])] if m["part"] else None
        offset = rs.OFFSETS[mod]
        part = (self.lex.part_months if form.unit == "year" else self.lex.part_days)[part_name] if part_name else None
        # Only a written "الجاري"/"المقبل" ties the text's year to "now" firmly enough to date the report.
        facts: tuple[Fact, ...] = ()
        if part_name is not None and written and form.unit == "year":
            facts = (("part_this_year", part_name, offset),)
        needs = "year" if form.unit == "year" else "month" if form.unit == "month" else "day"
        return Parsed(m.start(), m.end(), "date",
                      _needs_anchor(lambda a: rs.calendar_unit(a, form.unit, offset, part)), True, needs, facts,
                      pointlike=True)

    def _day_of_month(self, m: re.Match[str]) -> Parsed | None:
        day = self._day(m["day"])
        if not day or day > 31:
            return None
        offset = rs.OFFSETS[self.lex.modifiers_after[_key(m["mod"])]]

        def value(anchor: Anchor) -> str | None:
            month = rs.shift(anchor.day.replace(day=1), "month", offset)
            found = rs.valid_day(month.year, month.month, day)
            return iso_day(found) if found else None

        return Parsed(m.start(), m.end(), "date", _needs_anchor(value), True, "month", pointlike=True)

    def _after(self, m: re.Match[str], words: set[str]) -> bool:
        """Whether the word just before the match is one of ``words``."""
        before = m.string[max(0, m.start() - 30):m.start()].split()
        return bool(before) and before[-1] in words

    def _ago(self, m: re.Match[str]) -> Parsed | None:
        unit, count = self._count(m)
        if unit == "hour" and count is not None and count < 24:
            return None
        few = self.lex.few[unit]
        since = _key(m["rel"]) in self.lex.relation("since")
        approx, more = bool(m["approx"]), bool(m["more"])

        def value(anchor: Anchor) -> str | None:
            point = rs.ago(anchor, unit, count, few, approx, more and not since)
            if since:
                return interval(None, rs.end_of(point)) if more else interval(rs.start_of(point), iso_day(anchor.day))
            return point

        return Parsed(m.start(), m.end(), "interval" if since else "date", _needs_anchor(value), True)

    def _window(self, m: re.Match[str]) -> Parsed | None:
        unit, count = self._count(m)
        mod = self._modifier(m)
        has_rel = bool(m["rel"])
        if not has_rel and not (mod and (m["def"] or m["modb"])):
            return None
        if m["def"] and not mod:
            return None  # "خلال الأشهر الثلاثة الأولى": a definite unit is a window only with a modifier
        if count == 1 and not m["num"] and (m["def"] or m["modb"]) and mod:
            return None  # "الشهر الماضي" is a calendar month, not a window
        if mod == "current":
            return None
        span = count if count is not None else float(self.lex.few[unit][1])
        direction = -1 if mod == "past" else 1
        kind = "interval" if direction < 0 else "deadline"
        return Parsed(m.start(), m.end(), kind, _needs_anchor(lambda a: rs.window(a, unit, span, direction)), True)

    def _duration_range(self, m: re.Match[str]) -> Parsed | None:
        u1, u2 = self.lex.units[_key(m["u1"])], self.lex.units[_key(m["u2"])]
        n1 = parse_number(_key(m["n1"])) if m["n1"] else u1.count
        n2 = parse_number(_key(m["n2"])) if m["n2"] else u2.count
        opening = self.range_open.search(m.string, max(0, m.start() - 25), m.start())
        if n1 is None or n2 is None or opening is None:
            return None

        def value(anchor: Anchor) -> str:
            return interval(iso_day(rs.shift(anchor.day, u1.unit, n1)), iso_day(rs.shift(anchor.day, u2.unit, n2)))

        return Parsed(opening.start(), m.end(), "deadline", _needs_anchor(value), True)

    def _after_of(self, m: re.Match[str]) -> Parsed | None:
        unit, count = self._count(m)
        if count is None:
            return None
        few = self.lex.few[unit]
        approx, more = bool(m["approx"]), bool(m["more"])
        return Parsed(m.start(), m.end(), "date", _needs_anchor(lambda a: rs.ago(a, unit, count, few, approx, more)),
                      True)

    # -- the whole text -----------------------------------------------------------------------

    def parse(self, text: str) -> list[Parsed]:
        """Every temporal expression in normalised ``text``, longest matches first, cues applied."""
        found = []
        for trigger in self.triggers.finditer(text):
            token = trigger.group()
            key = (_DAY_DIGITS if len(token) <= 2 else _LONG_DIGITS) if token.isdigit() else _key(token)
            for index in self.patterns_at[key]:
                pattern, handler = self.patterns[index]
                m = pattern.match(text, trigger.start())
                if m and (parsed := handler(m)):
                    found.append(parsed)
        taken = bytearray(len(text))
        kept: list[Parsed] = []
        for p in sorted(found, key=lambda p: (p.start - p.end, p.start)):
            if not any(taken[p.start:p.end]):
                taken[p.start:p.end] = b"\x01" * (p.end - p.start)
                kept.append(p)
        kept.sort(key=lambda p: p.start)
        joined = self._join_ranges([self._apply_cue(text, p) for p in kept], text)
        return [p for p in joined if not p.bare_year]

    def _apply_cue(self, text: str, p: Parsed) -> Parsed:
        """Take in the word before an expression that changes or licenses it ("بحلول", "منذ", "في")."""
        cue = self.cue_before.search(text, max(0, p.start - 20), p.start)
        if cue is None:
            return p
        word = _key(cue["cue"])
        if word in self.lex.relation("by") and p.pointlike:
            inner = p.resolve

            def by(anchor: Anchor | None) -> str | None:
                value = inner(anchor)
                last = rs.end_date(value) if value else None
                if value is None or last is None:
                    return None
                # A deadline already past when the report was written is only an upper bound.
                start = iso_day(anchor.day) if anchor is not None and anchor.day <= last else None
                return interval(start, rs.end_of(value))

            return replace(p, start=cue.start("cue"), kind="deadline", resolve=by, relative=True, pointlike=False,
                           bare_year=False)
        if word in self.lex.relation("range_from") and word not in self.lex.year_cues:
            return replace(p, range_start=cue.start("cue"))
        return replace(p, start=cue.start("cue"), bare_year=False)

    def _join_ranges(self, parsed: list[Parsed], text: str) -> list[Parsed]:
        """"من 11 أيار إلى 19 حزيران": two dates joined by a range word become one interval."""
        out: list[Parsed] = []
        for p in parsed:
            prev = out[-1] if out else None
            if (prev is not None and prev.range_start is not None and prev.pointlike and p.pointlike
                    and self.range_between.fullmatch(text, prev.end, p.start)):
                first, second, first_relative = prev.resolve, p.resolve, prev.relative

                def joined(anchor: Anchor | None, first: Resolver = first, second: Resolver = second,
                           first_relative: bool = first_relative) -> str | None:
                    b = second(anchor)
                    closing = rs.end_date(b) if b else None
                    # The opening date lies before the closing one: "بين أبريل ومايو 1916" is 1916.
                    a = first(Anchor(closing) if first_relative and closing else anchor)
                    if not (a and b and closing) or (opening := rs.start_date(a)) and opening > closing:
                        return None
                    return interval(rs.start_of(a), rs.end_of(b))

                out[-1] = Parsed(prev.range_start, p.end, "interval", joined, prev.relative or p.relative,
                                 max(prev.needs, p.needs, key=("year", "month", "day").index), prev.facts + p.facts)
                continue
            out.append(p)
        return out


def _token_classes(lex: TimeLexicon) -> dict[str, tuple[str, ...]]:
    """Every word an expression can begin with, and which word classes it belongs to.

    A multi-word token also carries the classes of its leading words ("أمس الأول" is a deictic,
    and the trigger scan, which takes the longest token, must not hide that "أمس" is one too).
    """
    rel = lex.relation
    classes: dict[str, set[str]] = {}
    tables: dict[str, object] = {
        "weekday": lex.weekdays, "day_word": lex.day_words, "month": lex.months, "month_word": lex.month_words,
        "part": lex.parts, "modb": lex.modifiers_before, "year_word": lex.year_words,
        "hijri_month": lex.hijri_months, "today": lex.today, "day_part": lex.day_parts, "deictic": lex.deictics,
        "unit": list(lex.units) + [d + u for d in lex.definite for u in lex.units], "definite": lex.definite,
        "ordinal": ordinal_forms(), "number": number_forms(),
    }
    tables |= {name: rel(name) for name in ("ago", "since", "within", "deadline", "approx", "more_than", "few",
                                            "range_from", "after")}
    for name, forms in tables.items():
        for form in forms:  # type: ignore[attr-defined]
            classes.setdefault(form, set()).add(name)
    for form in list(classes):
        words = form.split(" ")
        for n in range(1, len(words)):
            classes[form] |= classes.get(" ".join(words[:n]), set())
    return {form: tuple(sorted(names)) for form, names in classes.items()}


def _key(text: str) -> str:
    return " ".join(text.split())


def _month_facts(month: int, year: int | None, modifier: str | None) -> tuple[Fact, ...]:
    """"8 تموز الجاري" says the report was written in a July (of ``year``, when given)."""
    if modifier != "current":
        return ()
    return (("month_is", month),) + ((("year_is", year),) if year else ())


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar built from the bundled vocabulary (compiled once)."""
    return Grammar(load_time_lexicon())
