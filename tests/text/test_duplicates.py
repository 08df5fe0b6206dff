"""Exact and near duplicates point at the earlier report; different reports stay apart."""

from __future__ import annotations

from rasad.model import Article
from rasad.text import build_doc, mark_duplicates

TEXT = (
    "باشرت الوحدات البريطانية صباح اليوم عملية إخلاء كبيرة لمعسكرها الشمالي قرب مدينة الرقة. "
    "وخرجت قافلة من الصهاريج والعربات المدرعة من المعسكر وعلى متنها ذخائر وأفراد باتجاه الساحل. "
    "ورجح مسؤولون محليون أن تستمر عملية النقل نحو شهرين بسبب اتساع المعسكر وكثرة العتاد المخزن فيه."
)
OTHER = (
    "أعلنت وزارة الخارجية الفرنسية أن الوزير سيزور دمشق وبغداد الأسبوع المقبل لبحث ملفات إقليمية. "
    "وقال متحدث باسم الوزارة إن الزيارة تأتي في إطار دعم الاستقرار ومكافحة الإرهاب في المنطقة."
)


def _docs(*texts: str) -> list:
    docs = [build_doc(Article(source=f"r{i}.txt", text=t, format="text")) for i, t in enumerate(texts)]
    mark_duplicates(docs)
    return docs


def test_exact_copy() -> None:
    a, b = _docs(TEXT, TEXT)
    assert a.duplicate_of is None and b.duplicate_of == a.id
    assert a.id != b.id


def test_near_copy_with_small_edits() -> None:
    edited = TEXT.replace("اليوم", "الإثنين")
    a, b = _docs(TEXT, edited)
    assert b.duplicate_of == a.id


def test_different_reports_are_not_duplicates() -> None:
    docs = _docs(TEXT, OTHER)
    assert [d.duplicate_of for d in docs] == [None, None]


def test_a_copy_links_to_the_first_not_to_another_copy() -> None:
    a, b, c = _docs(TEXT, TEXT, TEXT + " وأكد المصدر ذلك.")
    assert b.duplicate_of == a.id and c.duplicate_of == a.id
