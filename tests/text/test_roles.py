"""Segment roles from boilerplate.yaml: furniture, captions, summaries, headings and body."""

from __future__ import annotations

import pytest

from rasad.text.normalise import normalise_key
from rasad.text.roles import assign_roles, find_site_name, is_boilerplate, is_caption

SENTENCE = "وقال المصدر إن القوات ستنسحب من القاعدة خلال أسابيع، وفق ما أكد مسؤولون."


@pytest.mark.parametrize(
    "line",
    [
        "ساعتين مضت",
        "منذ 3 ساعات",
        "5 hours ago",
        "مرتبط",
        "اقرأ أيضاً",
        "المساهمون",
        "+ الخط -",
        "Related",
        "استمع إلى الملخص",
        "Share this",
        "اظهر الملخص",
        "فيسبوك تويتر واتساب",
        "© 2025 جميع الحقوق محفوظة",
        "تقارير خاصّة, الصفحة الأولى, شؤون عربية, آراء وتحليلات",
        "سياسة، اقتصاد، رياضة، ثقافة",
    ],
)
def test_furniture(line: str) -> None:
    assert is_boilerplate(normalise_key(line))


@pytest.mark.parametrize("line", [SENTENCE, "الوحدات الفرنسية تتأهب لمغادرة معسكر", "مرتبط بالاتفاق السابق"])
def test_not_furniture(line: str) -> None:
    assert not is_boilerplate(normalise_key(line))


@pytest.mark.parametrize(
    "line",
    ["جندي في قاعدة عسكرية، 2024 (مصور/وكالة)", "A soldier at the base (Getty)", "صورة: قافلة عسكرية على الطريق"],
)
def test_captions(line: str) -> None:
    assert is_caption(normalise_key(line))


def test_a_title_with_a_source_note_is_not_a_caption() -> None:
    assert not is_caption(normalise_key("الجيش سيغادر خلال أسبوعين (مصدران لوكالة)"))


def test_roles_of_a_page() -> None:
    lines = ["عنوان الخبر الرئيسي", "17 يونيو 2024 | آخر تحديث: 09:12", "+ الخط -", "اظهر الملخص",
             "- نقطة أولى من الملخص.", "- نقطة ثانية من الملخص.", SENTENCE, "عنوان فرعي", SENTENCE, "- نقطة في المتن."]
    bullets = [line.startswith("- ") for line in lines]
    roles = assign_roles([normalise_key(x) for x in lines], bullets, dateline=1)
    assert roles == ["heading", "boilerplate", "boilerplate", "boilerplate", "summary", "summary",
                     "body", "heading", "body", "body"]


def test_a_text_without_sentence_punctuation_keeps_a_body() -> None:
    lines = ["انسحاب القوات من القاعدة", "القوات غادرت صباح اليوم"]
    assert assign_roles([normalise_key(x) for x in lines], [False, False], dateline=None) == ["body", "body"]


def test_site_name_line_under_the_title() -> None:
    lines = [normalise_key(x) for x in ["موقع الانفجار في المدينة", "موقع الأخبار اليومية", SENTENCE]]
    assert find_site_name(lines) == 1
    assert assign_roles(lines, [False] * 3, dateline=None, site_name=1) == ["heading", "boilerplate", "body"]
