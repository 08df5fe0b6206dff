"""Status and hedging cues: one sentence per cue family."""

from __future__ import annotations

import pytest
from event_docs import BASE, SYRIA, US_FORCES, USA, extract

ENTITIES = [US_FORCES, USA, SYRIA, BASE]
CASES = [
    ("تعتزم القوات الأميركية الانسحاب من قاعدة الصخرة.", "planned"),
    ("ستنسحب القوات الأميركية من قاعدة الصخرة.", "planned"),
    ("من المتوقع أن تنسحب القوات الأميركية من قاعدة الصخرة.", "planned"),
    ("تستعد واشنطن لإخلاء قاعدة الصخرة.", "planned"),
    ("كشفت التقارير عن خطة لسحب القوات من قاعدة الصخرة.", "planned"),
    ("بدأت القوات الأميركية الانسحاب من قاعدة الصخرة.", "ongoing"),
    ("تنسحب القوات الأميركية من قاعدة الصخرة.", "ongoing"),
    ("أكملت القوات الأميركية الانسحاب من قاعدة الصخرة.", "completed"),
    ("انسحبت القوات الأميركية من قاعدة الصخرة.", "completed"),
    ("أبقت القوات الأميركية على عشرين جنديا في قاعدة الصخرة.", "partial"),
    ("لم يبلغ التحالف الأكراد بأي خطط للانسحاب من قاعدة الصخرة.", "denied"),
    ("نفت واشنطن أي انسحاب من قاعدة الصخرة.", "denied"),
]


@pytest.mark.parametrize(("text", "status"), CASES)
def test_status_cue(text: str, status: str) -> None:
    mentions = [m for m in extract(text, ENTITIES) if m.type == "withdrawal"]
    assert mentions and mentions[0].status == status


@pytest.mark.parametrize("text", [
    "رجح مسؤول أن تنسحب القوات الأميركية من قاعدة الصخرة.",
    "يعتقد أن القوات الأميركية انسحبت من قاعدة الصخرة.",
    "تشير تسريبات إلى انسحاب القوات الأميركية من قاعدة الصخرة.",
    "قد تنسحب القوات الأميركية من قاعدة الصخرة.",
])
def test_hedged(text: str) -> None:
    mentions = [m for m in extract(text, ENTITIES) if m.type == "withdrawal"]
    assert mentions and mentions[0].hedged


def test_perfect_with_modal_qad_is_not_hedged() -> None:
    mentions = extract("قد انسحبت القوات الأميركية من قاعدة الصخرة.", ENTITIES)
    assert mentions and not mentions[0].hedged


def test_perfect_withdrawal_dated_today_is_done_but_a_convoy_today_is_moving() -> None:
    times = [("اليوم", "2026-02-23", "date"), ("أمس", "2026-02-22", "date")]
    today = extract("غادرت القوات الأميركية اليوم قاعدة الصخرة.", ENTITIES, times)
    yesterday = extract("غادرت القوات الأميركية أمس قاعدة الصخرة.", ENTITIES, times)
    convoy = extract("وصل رتل عسكري اليوم إلى قاعدة الصخرة.", ENTITIES, times)
    assert (today[0].status, today[0].when) == ("completed", "2026-02-23")
    assert (yesterday[0].status, yesterday[0].when) == ("completed", "2026-02-22")
    assert [(m.type, m.status) for m in convoy] == [("convoy", "ongoing")]


def test_agreement_signed_today_is_done() -> None:
    times = [("اليوم", "2026-02-23", "date")]
    mentions = extract("ووقعت واشنطن اتفاقا مع شركة محلية اليوم لصيانة قاعدة الصخرة.", ENTITIES, times)
    assert [(m.type, m.status) for m in mentions if m.type == "agreement"] == [("agreement", "completed")]


def test_negation_right_before_a_trigger_denies_it() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    assert extract("قالت المصادر إن القوات الأميركية لم تنسحب من قاعدة الصخرة.", ENTITIES)[0].status == "denied"
    assert extract("Officials said US troops did not withdraw from the Rock base.", [base], lang="en")[0].status == "denied"
    assert extract("Officials said US troops didn't withdraw from the Rock base.", [base], lang="en")[0].status == "denied"
    assert extract("Officials said US troops haven’t withdrawn from the Rock base.", [base], lang="en")[0].status == "denied"
    assert extract("ما تزال القوات الأميركية متمركزة في قاعدة الصخرة.", ENTITIES)[0].status == "ongoing"


def test_a_name_after_an_is_not_a_subjunctive_verb() -> None:
    done = extract("وأكد المصدر أن تركيا سحبت قواتها من قاعدة الصخرة.", ENTITIES)
    planned = extract("ورجح المصدر أن ينجز الانسحاب من قاعدة الصخرة خلال أيام.", ENTITIES)
    assert [m.status for m in done] == ["completed"]
    assert [m.status for m in planned] == ["planned"]


def test_a_withdrawal_needs_a_military_setting() -> None:
    assert extract("انسحب مدافعو الفريق إلى منطقة الجزاء في الدقيقة الأخيرة.", ENTITIES) == []
    assert extract("أعلن المرشح انسحابه من السباق الانتخابي في المدينة.", ENTITIES) == []


def test_denial_does_not_reach_past_the_next_trigger() -> None:
    text = "لم يبلغ التحالف أحدا بخطط للانسحاب من سوريا مع استمرار الوجود الأميركي في قاعدة الصخرة."
    by_type = {m.type: m.status for m in extract(text, ENTITIES)}
    assert by_type == {"withdrawal": "denied", "presence": "ongoing"}


def test_english_status() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    planned = extract("Washington plans a withdrawal from the Rock base.", [base], lang="en")
    began = extract("The forces began their withdrawal from the Rock base.", [base], lang="en")
    assert planned[0].status == "planned" and began[0].status == "ongoing"


def test_an_after_before_is_temporal_not_a_plan() -> None:
    times = [("الشهر الماضي", "2026-01", "date")]
    text = "انسحبت القوات الأميركية من قاعدة الصخرة قبل أن تتقدم وحدات الجيش إلى المنطقة الشهر الماضي."
    statuses = {m.type: m.status for m in extract(text, ENTITIES, times)}
    assert statuses.get("takeover") == "completed"
