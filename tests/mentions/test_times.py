"""The temporal tagger, one expression family at a time, with expected ISO values."""

from __future__ import annotations

from datetime import date

import pytest

from rasad.mentions.times import find_times, infer_published
from rasad.model import Doc
from rasad.text.normalise import normalise_text

MONDAY = date(2026, 2, 23)  # a Monday


def make_doc(text: str, published: str | None = None) -> Doc:
    return Doc(id="d:test", file="test.txt", text=text, norm=normalise_text(text), published=published)


def values(text: str, anchor: date | None = MONDAY, published: str | None = None) -> dict[str, str | None]:
    doc = make_doc(text, published or (anchor.isoformat() if anchor else None))
    return {t.text: t.value for t in find_times(doc, anchor, False)}


def value_of(text: str, anchor: date | None = MONDAY) -> str | None:
    found = values(text, anchor)
    assert len(found) == 1, found
    return next(iter(found.values()))


@pytest.mark.parametrize(("text", "expected"), [
    ("وصل في 07 مايو 2023 إلى", "2023-05-07"),
    ("أعلنت الهدنة في الرابع من يوليو/تموز 2019 بعد", "2019-07-04"),
    ("اجتمعوا في 2/5/2026 في", "2026-05-02"),
    ("التاريخ ٣ أيار ٢٠٢٥ هنا", "2025-05-03"),
    ("في الحادي والعشرين من شباط 2026", "2026-02-21"),
    ("منذ ديسمبر 2024 تغير", "2024-12"),
    ("أكدت الحكومة في كانون الثاني/يناير انتهاء", "2026-01"),
    ("في 12 جانفي 2025", "2025-01-12"),
    ("في الـ22 من شباط الماضي", "2026-02-22"),
    ("في الأسبوع الأول من شباط", "2026-02"),
    ("بتاريخ 2026/2/3 صدر", "2026-02-03"),
    ("on December 8, 2024 the regime", "2024-12-08"),
    ("the fall in December 2024", "2024-12"),
])
def test_absolute_dates(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("تأسس التحالف في العام 2014 ضد", "2014"),
    ("دخلت عام 2014 ضمن", "2014"),
    ("انضمت سوريا في 2025 إلى", "2025"),
    ("التي بنتها منذ عام 2009 في سياق", "2009"),
    ("في منتصف عام 2026 تقريبا", "2026-06/2026-07"),
    ("بين عامي 2011-2024 قتل", "2011/2024"),
])
def test_years(text: str, expected: str) -> None:
    assert value_of(text) == expected


def test_hijri_dates_are_converted() -> None:
    assert value_of("في 5 رمضان 1447هـ أعلن") == "2026-02-22"
    assert value_of("خلال رمضان 1447 هـ") == "2026-02-18/2026-03-19"


@pytest.mark.parametrize(("text", "expected"), [
    ("قال اليوم (الإثنين) إن", "2026-02-23"),
    ("وبدأت الاثنين الانسحاب", "2026-02-23"),
    ("في تصريح الأربعاء الماضي أوضح", "2026-02-18"),
    ("وقع الهجوم مساء الأربعاء في", "2026-02-18"),
    ("انفجرت منتصف ليل الأحد في", "2026-02-22"),
    ("غادرت يوم الجمعة حقلي", "2026-02-20"),
    ("وقال أمس إنه", "2026-02-22"),
    ("وقال أمس الأول إنه", "2026-02-21"),
    ("وقال أمس (الأحد) إنه", "2026-02-22"),
    ("ستجري في نيسان انتخابات", "2026-04"),
    ("وقعت في أيلول هجمات", "2025-09"),
    ("ستعقد الليلة جلسة", "2026-02-23"),
    ("الاجتماع الخميس المقبل في", "2026-02-26"),
    ("said today (Monday) that", "2026-02-23"),
    ("اعتبرت (الخميس) أن", "2026-02-19"),
    ("said last Wednesday that", "2026-02-18"),
])
def test_weekdays_and_deictics_lean_to_the_past(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("سحبت قبل أربعة أيام أكثر", "2026-02-19"),
    ("وقبل أيام، أعلن", "2026-02-16/2026-02-21"),
    ("في مقابلة أجريت قبل نحو عام. وأضاف", "2025-01/2025-03"),
    ("تقدمت الشهر الماضي إلى", "2026-01"),
    ("يكتمل المشروع بحلول منتصف العام الجاري وفق", "2026-02-23/2026-07"),
    ("في نهاية العام الماضي", "2025-10/2025-12"),
    ("وخلال الأسبوعين الماضيين، انسحبت", "2026-02-09/2026-02-23"),
    ("من قواعد أخرى خلال الشهرين الماضيين مثل", "2025-12-23/2026-02-23"),
    ("قتل خلال الأيام الثلاثة الماضية نحو", "2026-02-20/2026-02-23"),
    ("قتل خلال الأيام القليلة الماضية نحو", "2026-02-16/2026-02-23"),
    ("ومنذ بداية العام قتل", "2026-01/2026-03"),
    ("قتل في السادس عشر من الشهر الجاري", "2026-02-16"),
    ("وصل يوم 15 من الشهر الماضي إلى", "2026-01-15"),
    ("في موعد أقصاه نهاية آذار المقبل.", "2026-02-23/2026-03-31"),
    ("انضمت في نوفمبر الماضي إلى", "2025-11"),
    ("قبل أن تتقدم في آذار المقبل", "2026-03"),
    ("بعد أكثر من 4 أشهر على توقيع", "../2025-10"),
    ("منذ أكثر من عام لم", "../2025-02"),
    ("joined last November the", "2025-11"),
    ("over the past three months such as", "2025-11-23/2026-02-23"),
    ("Days ago, the president", "2026-02-16/2026-02-21"),
])
def test_relative_expressions(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("خلال الفترة الممتدة من 11 كانون الثاني الماضي إلى 5 شباط الجاري. وأضاف", "2026-01-11/2026-02-05"),
    ("قصفت يومَي 12 و13 كانون الثاني الماضي مواقع", "2026-01-12/2026-01-13"),
    ("بنود اتفاقي 4 و21 كانون الثاني بين", "2026-01-04/2026-01-21"),
    ("قد يستمر بين 20 يوماً إلى شهر تقريباً", "2026-03-15/2026-03-23"),
    ("تم الوصول إليه بين أبريل ومايو 1916 في", "1916-04/1916-05"),
    ("في الفترة من الأحد إلى الخميس الماضي", "2026-02-15/2026-02-19"),
])
def test_ranges(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("الخروج من العراق في غضون شهر، بحسب", "2026-02-23/2026-03-23"),
    ("أن يُستكمل التسليم خلال مهلة ثلاثين يوما مشيرا", "2026-02-23/2026-03-25"),
    ("سحب قواتها خلال الشهرين المقبلين.", "2026-02-23/2026-04-23"),
    ("حددت موعدا أخيرا في الخامس من آذار المقبل.", "2026-03-05"),
    ("within a month, they will", "2026-02-23/2026-03-23"),
    ("by mid-2026 the forces", "2026-02-23/2026-07"),
])
def test_deadlines_are_future_windows(text: str, expected: str) -> None:
    assert value_of(text) == expected


@pytest.mark.parametrize("text", [
    "نقل أكثر من 3400 معتقل من أفراد الجماعة",
    "أنجزت بنسبة 99% مؤكدا",
    "جسر يبلغ طوله نحو 2.4 كيلومتر بما",
    "يقدر عددهم بنحو 800-1000 مقاتل قبل",
    "تسلك طريق أم4 الدولي",
    "آخر تحديث: 09:12 (توقيت مكة)",
    "مقتل أكثر من 30 مسلحاً من الفصيل",
    "الصفحة 2 من 14",
    "قال الأمين العام الحالي إن",
    "وقال إن أب الضحية",
    "وعاد في اليوم التالي إلى",
    "وغربت الشمس في ذلك اليوم حين",
    "الشكل الخارجي لمركبة نيسان الجديدة",
    "وفاز الفريق 3 صفر على ضيفه",
    "خلال الأشهر الثلاثة الأولى من",
    "خلال شهر رمضان المبارك",
])
def test_no_false_dates(text: str) -> None:
    assert values(text) == {}


def test_relative_values_need_an_anchor() -> None:
    doc = make_doc("بدأت الاثنين الانسحاب في غضون شهر منذ عام 2014")
    found = {t.text: t for t in find_times(doc, None, False)}
    assert found["الاثنين"].value is None
    assert found["في غضون شهر"].value is None
    assert found["منذ عام 2014"].value == "2014"
    assert found["منذ عام 2014"].anchor == "text"


def test_anchor_and_inferred_are_reported() -> None:
    doc = make_doc("قال أمس إن الاتفاق الموقع في 2025 قائم", "2026-02-23")
    found = {t.text: t for t in find_times(doc, MONDAY, True)}
    assert (found["أمس"].anchor, found["أمس"].inferred) == ("published", True)
    assert (found["في 2025"].anchor, found["في 2025"].inferred) == ("text", False)


def test_spans_point_into_the_original_text() -> None:
    text = "وقال المصدر «اليوم (الإثنين)» إن القوات غادرت"
    doc = make_doc(text, "2026-02-23")
    (mention,) = find_times(doc, MONDAY, False)
    assert text[mention.start:mention.end] == mention.text
    assert mention.text.startswith("اليوم")


def test_month_precision_anchor_keeps_month_precision() -> None:
    doc = make_doc("وقال أمس إنه سيبحث اتفاق 21 كانون الثاني في التاسع من آذار المقبل", "2026-02")
    found = {t.text: t.value for t in find_times(doc, date(2026, 2, 1), True)}
    assert found == {"أمس": "2026-02", "21 كانون الثاني": "2026-01-21", "في التاسع من آذار المقبل": "2026-03-09"}


@pytest.mark.parametrize(("text", "expected"), [
    ("خلال الفترة من 9 كانون الثاني الماضي إلى 6 شباط الجاري، والتسليم بحلول منتصف العام الجاري"
     " أي في منتصف عام 2026", "2026-02"),
    ("بحلول منتصف العام الجاري أي في منتصف عام 2026", "2026"),
    ("اليوم السبت دخلت قافلة خلال الشهرين المقبلين", None),
    ("في 6 شباط الجاري دخلت القافلة", None),
    ("قتل منذ بداية العام مئة، والحرب بدأت في بداية عام 2011", None),
])
def test_infer_published_from_the_text(text: str, expected: str | None) -> None:
    doc = make_doc(text)
    assert infer_published(doc, find_times(doc, None, False)) == ((expected, "text") if expected else (None, "unknown"))
