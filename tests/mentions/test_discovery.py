"""Discovery patterns: named things missing from the knowledge base, Arabic and English."""

from __future__ import annotations

from rasad.mentions.discovery import discover
from rasad.mentions.transliterate import consonant_skeleton, slugify, transliterate
from rasad.text.normalise import normalise_text


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[c.start:c.end], c.type, c.subtype) for c in discover(text, normalise_text(text))]


def test_facility_heads_keep_the_head_in_the_name() -> None:
    assert found("وصل الرتل إلى قاعدة حميميم مساء.") == [("قاعدة حميميم", "facility", "military_base")]
    assert found("أُغلق معبر نصيب الحدودي.") == [("معبر نصيب", "facility", "border_crossing")]
    assert found("نُقلت العائلات إلى مخيم الركبان.") == [("مخيم الركبان", "facility", "camp")]


def test_a_dual_head_introduces_a_list() -> None:
    text = "انسحبت من قاعدتي «التاجي» و«بلد»."
    names = [c.name for c in discover(text, normalise_text(text))]
    assert names == ["قاعده التاجي", "قاعده بلد"]


def test_adjectives_and_function_words_are_not_names() -> None:
    assert found("أخليت قاعدة عسكرية في الشمال وقاعدة جوية أخرى.") == []
    assert found("دخل الرتل إلى مدينة كبيرة.") == []


def test_newspaper_needs_quotes() -> None:
    assert found("نقلت صحيفة «الوطن» عن مصادر") == [("الوطن", "organization", "newspaper")]
    assert found("قالت صحيفة محلية إن") == []


def test_person_after_title_and_its_complements() -> None:
    text = "وقال المبعوث البريطاني إلى العراق ستيفن كول إن المهمة انتهت."
    assert found(text) == [("ستيفن كول", "person", None)]
    text = "استقبل وزير الدفاع الإيطالي، لوكا ماريو فيراري، نظيره."
    assert found(text) == [("لوكا ماريو فيراري", "person", None)]


def test_person_name_never_starts_with_the_article_or_a_noun() -> None:
    assert found("قال رئيس الوزراء الحكومة الجديدة ستعمل") == []
    assert found("وقال الرئيس هيئة الأركان مجتمعة") == []


def test_a_known_name_completes_the_title() -> None:
    text = "قال قائد قسد مظلوم عبدي إن"
    norm = normalise_text(text)
    start = norm.text.index("قسد")
    (candidate,) = discover(text, norm, [(start, start + 3)])
    assert text[candidate.start:candidate.end] == "مظلوم عبدي"


def test_english_patterns_use_capitals() -> None:
    text = "Troops left the Al-Tanf base and the Rukban camp; President Donald Trump said so."
    assert [(c.name, c.type) for c in discover(text, normalise_text(text))] == [
        ("Al-Tanf", "facility"), ("Rukban", "facility"), ("Donald Trump", "person")]
    text = "the oldest French military base in Africa"
    assert discover(text, normalise_text(text)) == []


def test_transliteration_and_ids_are_stable_ascii() -> None:
    assert transliterate("الشدادي") == "al-Shdadi"
    assert slugify("قسرك") == "qsrk"
    assert consonant_skeleton("Qasrak") == consonant_skeleton("قسرك")
    assert consonant_skeleton("Tom Barrack") == consonant_skeleton("توم براك")


def test_area_names_end_in_a_definite_word() -> None:
    assert found("استهدف الطيران منطقة فنادق الواحة في البادية") == [("فنادق الواحة", "location", "area")]
    assert found("أقيمت منطقة عازلة قرب الحدود") == []


def test_an_area_of_one_common_noun_is_not_a_name() -> None:
    assert found("أرسل المهاجم الكرة من داخل منطقة الجزاء") == []
    assert found("فرضت منطقة حظر الطيران فوق الجنوب") == []
    assert found("انتقل النازحون إلى منطقة خفض التصعيد") == []
    assert found("تجمعوا في منطقة «الكرامة» مساء") == [("الكرامة", "location", "area")]


def test_a_given_name_starts_a_person_unless_it_names_a_place() -> None:
    assert found("وصرح خالد المحمود للصحفيين") == [("خالد المحمود", "person", None)]
    assert found("في جامعة محمد الخامس بالرباط") == []
    assert found("وقف على الحدود") == []  # على is not the name علي
