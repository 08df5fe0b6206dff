"""One sentence per event type: the trigger lexicons find the type, with its place."""

from __future__ import annotations

import pytest
from event_docs import BASE, FIELD, IRAQ, MINISTER, SYRIA, TOWN, US_FORCES, USA, extract

CASES = [
    ("withdrawal", "انسحبت القوات الأميركية من قاعدة الصخرة أمس.", [US_FORCES, BASE], "rock-base"),
    ("withdrawal", "بدأت واشنطن سحب جنودها من حقل النخلة.", [USA, FIELD], "palm-field"),
    ("deployment", "نشرت واشنطن مئات الجنود في بلدة الوادي.", [USA, TOWN], "wadi-town"),
    ("convoy", "وصل رتل من الآليات إلى قاعدة الصخرة.", [BASE], "rock-base"),
    ("presence", "ما زالت القوات الأميركية موجودة في قاعدة الصخرة.", [US_FORCES, BASE], "rock-base"),
    ("handover", "سلمت القوات الأميركية قاعدة الصخرة إلى الجيش المحلي.", [US_FORCES, BASE], "rock-base"),
    ("takeover", "سيطرت القوات الحكومية على بلدة الوادي.", [TOWN], "wadi-town"),
    ("airstrike", "استهدفت غارة جوية موقعا قرب بلدة الوادي.", [TOWN], "wadi-town"),
    ("clash", "اندلعت اشتباكات عنيفة في بلدة الوادي.", [TOWN], "wadi-town"),
    ("casualties", "أعلنت الشرطة مقتل ثلاثة أشخاص في بلدة الوادي.", [TOWN], "wadi-town"),
    ("detainee_transfer", "أنجزت السلطات نقل أكثر من 300 سجين إلى العراق.", [IRAQ], "iraq"),
    ("displacement", "نزحت مئات العائلات من بلدة الوادي.", [TOWN], "wadi-town"),
    ("agreement", "وقع الطرفان اتفاقا لوقف النار في سوريا.", [SYRIA], "syria"),
    ("cooperation", "انضمت سوريا إلى التحالف الدولي.", [SYRIA], "syria"),
    ("visit", "زار سامي الحداد بلدة الوادي.", [MINISTER, TOWN], "wadi-town"),
    ("statement", "قال سامي الحداد أمس إن الوضع هادئ في سوريا.", [MINISTER, SYRIA], "syria"),
    ("regime_change", "أعقب سقوط النظام في سوريا تغيير واسع.", [SYRIA], "syria"),
]


@pytest.mark.parametrize(("event_type", "text", "entities", "place"), CASES, ids=[c[0] for c in CASES])
def test_arabic_trigger_gives_type_and_place(event_type: str, text: str, entities: list, place: str) -> None:
    times = [("أمس", "2026-02-22", "date")]
    mentions = [m for m in extract(text, entities, times) if m.type == event_type]
    assert mentions, f"no {event_type} in {text}"
    assert place in mentions[0].places


def test_english_triggers() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    mentions = extract("American troops withdrew from the Rock base on Monday.", [base], lang="en")
    assert [(m.type, m.status, m.place) for m in mentions] == [("withdrawal", "completed", "rock-base")]


def test_word_inside_another_word_is_no_trigger() -> None:
    # زار (visited) must not fire inside وزارة (ministry), nor a verb inside a longer word.
    assert extract("أصدرت وزارة الدفاع بيانا عن سوريا.", [SYRIA]) == []


def test_state_under_control_is_no_takeover() -> None:
    mentions = extract("تقع بلدة الوادي تحت سيطرة القوات الحكومية.", [TOWN])
    assert all(m.type != "takeover" for m in mentions)


def test_convoy_verb_is_not_a_deployment() -> None:
    mentions = extract("دخل رتل عسكري إلى بلدة الوادي صباحا.", [TOWN])
    assert [m.type for m in mentions] == ["convoy"]


def test_withdrawal_without_any_place_is_dropped() -> None:
    assert extract("تحدث الخبراء عن الانسحاب بشكل عام.") == []
