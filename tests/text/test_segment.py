"""Paragraphs and sentences as offsets: Arabic punctuation, bullets, decimals and ranges kept whole."""

from __future__ import annotations

from rasad.text.segment import is_bullet, split_lines, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, 0, len(text))]


def test_lines_are_trimmed_and_blank_lines_skipped() -> None:
    text = "  عنوان \n\n\u00a0فقرة أولى.\r\nفقرة ثانية."
    assert [text[s:e] for s, e in split_lines(text)] == ["عنوان", "فقرة أولى.", "فقرة ثانية."]


def test_lines_start_after_a_header() -> None:
    text = " date 2026-02-23 عنوان\nنص."
    assert [text[s:e] for s, e in split_lines(text, 17)] == ["عنوان", "نص."]


def test_arabic_sentence_punctuation_splits() -> None:
    assert _sentences("هل انسحبت القوات؟ نعم انسحبت. وبقيت قوة صغيرة؛ ثم غادرت!") == [
        "هل انسحبت القوات؟",
        "نعم انسحبت.",
        "وبقيت قوة صغيرة؛",
        "ثم غادرت!",
    ]


def test_arabic_comma_does_not_split() -> None:
    assert len(_sentences("قال المصدر، متحفظا على اسمه، إن القوات ستغادر.")) == 1


def test_decimals_ranges_and_initials_are_not_split() -> None:
    text = "The runway is 1.7 km long and 900-1000 troops remain. The U.S. said so."
    assert _sentences(text) == ["The runway is 1.7 km long and 900-1000 troops remain.", "The U.S. said so."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert _sentences("قال «سننسحب.» ثم غادر.") == ["قال «سننسحب.»", "ثم غادر."]


def test_sentences_cover_the_text_without_its_spaces() -> None:
    text = "أولى. ثانية؟  ثالثة"
    spans = split_sentences(text, 0, len(text))
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")


def test_bullets() -> None:
    assert is_bullet("- نقطة", 0)
    assert is_bullet("• نقطة", 0)
    assert is_bullet("1. point", 0)
    assert not is_bullet("-5 درجات", 0)
    assert not is_bullet("2025 كان عاما", 0)
