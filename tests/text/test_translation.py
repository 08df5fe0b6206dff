"""A report's own translation is found by content: a later block in another language that aligns."""

from __future__ import annotations

from rasad.text.translation import find_translation

AR = ["انسحبت القوات من القاعدة 1 وغادرت 40 شاحنة نحو الحدود.", "قال مسؤول إن 900 جندي سيغادرون خلال 30 يوما.",
      "وكانت القوات قد دخلت البلاد عام 2014 ضمن التحالف."]
EN = ["Forces left base 1 and 40 trucks headed to the border.",
      "An official said 900 troops will leave within 30 days.",
      "The forces had entered the country in 2014 within the coalition."]
OTHER_EN = ["A wholly different English story about markets in 1999.", "Shares rose 12 percent on Monday.",
            "Analysts expect 3 more cuts."]


def _find(texts: list[str], langs: list[str]) -> list[int]:
    return find_translation(texts, langs, [True] * len(texts))


def test_aligned_block_in_another_language_is_a_translation() -> None:
    assert _find(AR + EN, ["ar"] * 3 + ["en"] * 3) == [3, 4, 5]


def test_unrelated_block_is_not_a_translation() -> None:
    assert _find(AR + OTHER_EN, ["ar"] * 3 + ["en"] * 3) == []


def test_interleaved_languages_are_not_a_translation_block() -> None:
    assert _find([AR[0], EN[0], AR[1], EN[1]], ["ar", "en", "ar", "en"]) == []


def test_single_language_has_no_translation() -> None:
    assert _find(AR, ["ar"] * 3) == []


def test_a_short_quote_in_another_language_is_not_a_translation() -> None:
    assert _find(AR + EN[:1], ["ar"] * 3 + ["en"]) == []


AR_WORDS = ["انسحبت القوات الأمريكية من القاعدة العسكرية في شمال شرق سوريا.",
            "وقال مسؤول إن الانسحاب سيكتمل خلال الأسابيع المقبلة.",
            "وغادرت الشاحنات محملة بالمعدات نحو الحدود العراقية."]
EN_WORDS = ["American forces withdrew from the military base in northeastern Syria.",
            "An official said the withdrawal will be completed in the coming weeks.",
            "The trucks left loaded with equipment towards the Iraqi border."]
OTHER_WORDS = ["The central bank kept interest rates unchanged this morning.",
               "Football fans celebrated the victory in the capital's streets.",
               "A new exhibition of modern paintings opens at the museum."]


def test_without_numbers_meaning_decides() -> None:
    langs = ["ar"] * 3 + ["en"] * 3
    assert _find(AR_WORDS + EN_WORDS, langs) == [3, 4, 5]
    assert _find(AR_WORDS + OTHER_WORDS, langs) == []
