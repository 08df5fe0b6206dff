"""General rules from the events review, each on an invented sentence."""

from __future__ import annotations

from event_docs import BASE, US_FORCES, USA, extract

CLUB = ("نادي النجوم", "stars-club", "organization", "sports_club")
CITY = ("مدينة الساحل", "coast-city", "gpe", "town")
CAPITAL = ("العاصمة الجبلية", "mountain-capital", "gpe", "town")
ARMED_GROUP = ("جماعة الرايات", "banners-group", "organization", "armed_group")
COALITION = ("التحالف الإقليمي", "regional-coalition", "organization", "coalition")
COMMAND = ("القيادة الجنوبية", "south-command", "organization", "command")
PORT = ("ميناء الصخور", "rocks-port", "facility", "port")


def types(mentions: list) -> list[str]:
    return [m.type for m in mentions]


def test_a_sports_team_or_a_ship_does_not_withdraw() -> None:
    assert "withdrawal" not in types(extract("انسحب لاعبو نادي النجوم إلى مدينة الساحل في الشوط الثاني.", [CLUB, CITY]))
    assert "withdrawal" not in types(extract("أفرغت السفينة حمولتها من القمح في ميناء الصخور.", [PORT]))


def test_aid_trucks_are_not_a_military_convoy() -> None:
    assert "convoy" not in types(extract("دخلت عشرات الشاحنات المحملة بالطحين إلى مدينة الساحل.", [CITY]))


def test_the_destination_is_not_the_place_left() -> None:
    text = "غادرت القوات الأميركية قاعدة الصخرة متوجهة إلى مدينة الساحل."
    mention = [m for m in extract(text, [US_FORCES, BASE, CITY]) if m.type == "withdrawal"][0]
    assert mention.place == "rock-base" and "coast-city" in mention.places


def test_a_town_is_never_the_actor() -> None:
    text = "وغادر الرئيس مدينة الساحل متوجها إلى العاصمة الجبلية في زيارة رسمية."
    assert all(m.actor not in ("coast-city", "mountain-capital") for m in extract(text, [CITY, CAPITAL]))


def test_the_group_fought_is_not_the_actor() -> None:
    text = "وأعلنت القيادة الجنوبية أنها شنت غارات على مواقع لجماعة الرايات قرب مدينة الساحل."
    mention = [m for m in extract(text, [COMMAND, ARMED_GROUP, CITY]) if m.type == "airstrike"][0]
    assert mention.actor == "south-command"
    text = "انضمت واشنطن إلى التحالف الإقليمي لمكافحة جماعة الرايات."
    assert all(m.actor != "banners-group" for m in extract(text, [USA, COALITION, ARMED_GROUP]))


def test_still_present_in_any_gender_and_number() -> None:
    for text in ("ما زالت القوات الأميركية موجودة في قاعدة الصخرة.",
                 "لا يزال الجنود الأميركيون متواجدين في قاعدة الصخرة.",
                 "ما زال مئات المقاتلين منتشرين في قاعدة الصخرة."):
        assert "presence" in types(extract(text, [US_FORCES, BASE])), text


def test_a_team_formed_by_a_government_is_not_cooperation() -> None:
    assert "cooperation" not in types(extract("وقال الفريق الذي شكلته الحكومة إن العمل بدأ في مدينة الساحل.", [CITY]))


def test_a_request_submitted_is_not_an_advance() -> None:
    assert "takeover" not in types(extract("وتقدمت الحكومة بطلب رسمي في مدينة الساحل.", [CITY]))


def test_english_infinitive_takes_the_cue_before_it() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    forces = ("US forces", "us-forces", "organization", "armed_forces")
    began = extract("US forces began to pull out of the Rock base.", [forces, base], lang="en")
    plans = extract("US forces plan to pull out of the Rock base.", [forces, base], lang="en")
    bare = extract("US forces agreed to leave the Rock base.", [forces, base], lang="en")
    assert [m.status for m in began if m.type == "withdrawal"] == ["ongoing"]
    assert [m.status for m in plans if m.type == "withdrawal"] == ["planned"]
    assert [m.status for m in bare if m.type == "withdrawal"] == ["planned"]


def test_english_left_a_base() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    troops = ("Russian troops", "russian-forces", "organization", "armed_forces")
    mentions = extract("Russian troops left the Rock base on Monday.", [troops, base], lang="en")
    assert [(m.type, m.status, m.place) for m in mentions] == [("withdrawal", "completed", "rock-base")]


def test_negation_of_a_count_is_not_a_denial_of_the_act() -> None:
    text = "ولم يتجاوز عدد الجنود الذين انسحبوا من قاعدة الصخرة مئة جندي."
    assert [m.status for m in extract(text, [BASE]) if m.type == "withdrawal"] == ["completed"]


def test_a_report_that_an_act_happened_is_not_a_plan() -> None:
    text = "وأكد المصدر أن واشنطن سحبت قواتها من قاعدة الصخرة."
    assert [m.status for m in extract(text, [USA, BASE]) if m.type == "withdrawal"] == ["completed"]


def test_since_a_week_is_under_way() -> None:
    text = "ومنذ أسبوع تنسحب القوات الأميركية من قاعدة الصخرة."
    assert [m.status for m in extract(text, [US_FORCES, BASE]) if m.type == "withdrawal"] == ["ongoing"]


def test_future_prefix_is_planned() -> None:
    text = "وستغادر القوات الأميركية قاعدة الصخرة خلال أسابيع."
    assert [m.status for m in extract(text, [US_FORCES, BASE]) if m.type == "withdrawal"] == ["planned"]


def test_source_after_the_event_with_a_media_head() -> None:
    text = "انسحبت القوات الأميركية من قاعدة الصخرة، بحسب ما قالت مصادر محلية لموقع إخباري."
    mention = [m for m in extract(text, [US_FORCES, BASE]) if m.type == "withdrawal"][0]
    assert mention.attribution.kind == "anonymous" and "مصادر محلية" in mention.attribution.text
    assert "موقع" not in mention.attribution.text


def test_english_according_to_residents_after_the_event() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    forces = ("US forces", "us-forces", "organization", "armed_forces")
    mention = extract("US forces left the Rock base, according to local residents.", [forces, base], lang="en")[0]
    assert mention.attribution.kind == "anonymous" and "residents" in mention.attribution.text
