"""Datelines: Arabic month systems, Arabic-Indic digits, English orders, place prefixes."""

from __future__ import annotations

import pytest

from rasad.text.dates import find_dateline
from rasad.text.normalise import normalise_key


def _dateline(*lines: str) -> tuple[str, int] | None:
    return find_dateline([normalise_key(line) for line in lines])


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("17 يونيو 2024 | آخر تحديث: 09:12", "2024-06-17"),
        ("دمشق 23 أكتوبر 2017", "2017-10-23"),
        ("٢٣ تشرين الأول ٢٠١٧", "2017-10-23"),
        ("الإثنين 2 شباط/فبراير 2026", "2026-02-02"),
        ("5 جانفي 2024", "2024-01-05"),
        ("October 23, 2017", "2017-10-23"),
        ("23 Oct 2017 10:00 GMT", "2017-10-23"),
        ("2026-02-23T08:00", "2026-02-23"),
        ("23/02/2026", "2026-02-23"),
    ],
)
def test_dateline_formats(line: str, iso: str) -> None:
    assert _dateline("عنوان الخبر", line) == (iso, 1)


def test_impossible_dates_are_ignored() -> None:
    assert _dateline("31 فبراير 2025") is None
    assert _dateline("12 مايو 1066") is None


def test_month_and_year_alone_is_not_a_dateline() -> None:
    assert _dateline("جندي في الحسكة، سبتمبر 2024 (مصور/وكالة)") is None


def test_a_date_deep_in_a_long_sentence_is_not_a_dateline() -> None:
    sentence = "قال مسؤولون في وزارة الدفاع في بيان طويل صدر صباح اليوم إن الاتفاق الموقع في 23 أكتوبر 2017 ما زال"
    assert _dateline(sentence) is None


def test_body_line_opened_by_a_dateline() -> None:
    line = "دمشق 23 أكتوبر 2017 - قال مسؤولون في وزارة الدفاع في بيان طويل صدر صباح اليوم إن القوات ستنسحب من القاعدة"
    assert _dateline(line) == ("2017-10-23", 0)


def test_dateline_only_near_the_top() -> None:
    assert _dateline(*(["سطر"] * 10 + ["03 مايو 2025"])) is None
