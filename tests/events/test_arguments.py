"""Arguments: actor, main place, time, quantities, background, and context carried between sentences."""

from __future__ import annotations

from event_docs import BASE, FIELD, IRAQ, SYRIA, TOWN, US_FORCES, USA, build_doc, extract

from rasad.events import extract_events
from rasad.mentions.quantities import find_quantities
from rasad.text.normalise import normalise_text


def test_actor_is_the_subject_and_a_base_beats_a_country() -> None:
    mention = extract("انسحبت واشنطن من قاعدة الصخرة في سوريا.", [USA, BASE, SYRIA])[0]
    assert (mention.actor, mention.place) == ("united-states", "rock-base")
    assert set(mention.places) == {"rock-base", "syria"}


def test_all_places_of_a_route() -> None:
    mention = extract("غادر رتل قاعدة الصخرة باتجاه العراق عبر بلدة الوادي.", [BASE, IRAQ, TOWN])[0]
    assert mention.type == "convoy" and set(mention.places) == {"rock-base", "iraq", "wadi-town"}


def test_time_in_the_sentence_and_plan_deadline() -> None:
    times = [("خلال شهر", "2026-02-23/2026-03-23", "deadline")]
    mention = extract("ستنسحب القوات الأميركية من قاعدة الصخرة خلال شهر.", [US_FORCES, BASE], times)[0]
    assert (mention.status, mention.when) == ("planned", "2026-02-23/2026-03-23")
    assert mention.time is not None


def test_ongoing_news_without_time_takes_the_publication_date() -> None:
    mention = extract("بدأت القوات الأميركية الانسحاب من قاعدة الصخرة.", [US_FORCES, BASE])[0]
    assert mention.when == "2026-02-23"


def test_old_event_is_background() -> None:
    times = [("في العام 2014", "2014", "date")]
    mention = extract("نشرت واشنطن جنودا في سوريا في العام 2014.", [USA, SYRIA], times)[0]
    assert mention.background and mention.when == "2014"


def test_undated_act_in_a_sentence_dated_only_in_the_past_is_background() -> None:
    times = [("في العام 2014", "2014", "date"), ("في العام 2019", "2019", "date")]
    text = "ونشرت واشنطن جنودا في سوريا في إطار تحالف أسسته في العام 2014 حتى دحر التنظيم في العام 2019."
    mention = [m for m in extract(text, [USA, SYRIA], times) if m.type == "deployment"][0]
    assert mention.background


def test_undated_act_beside_a_recent_date_is_news() -> None:
    times = [("في العام 2014", "2014", "date"), ("الإثنين", "2026-02-23", "date")]
    text = "وانسحبت القوات الأميركية من قاعدة الصخرة الإثنين بعد أن دخلتها في العام 2014."
    mention = [m for m in extract(text, [US_FORCES, BASE], times) if m.type == "withdrawal"][0]
    assert not mention.background


def test_pluperfect_opener_is_background() -> None:
    mention = extract("وكانت القوات الأميركية قد انسحبت من قاعدة الصخرة.", [US_FORCES, BASE])[0]
    assert mention.background


def test_generic_head_refers_back_to_the_last_base() -> None:
    text = "وصلت شاحنات إلى قاعدة الصخرة. ورجحت المصادر بدء إخلاء القاعدة قريبا."
    later = [m for m in extract(text, [BASE]) if m.type == "withdrawal"][0]
    assert later.place == "rock-base" and later.hedged


def test_quantities_with_qualifiers_and_ranges() -> None:
    def quantities(text: str) -> list[tuple[str, str]]:
        norm = normalise_text(text).text
        return [(q.name, q.value) for q in find_quantities(norm, 0, len(norm), "ar")]

    assert quantities("نقل أكثر من 640 سجين") == [("detainees", ">640")]
    assert quantities("يقدر عددهم بنحو 900-1000 جندي") == [("troops", "900-1000")]
    assert quantities("أبقت على نحو خمسين جندياً") == [("troops", "~50")]
    assert quantities("شوهدت عشرات الشاحنات") == [("trucks", "tens")]


def test_mention_keeps_offsets_into_the_original_text() -> None:
    text = "انسحبت القوات الأميركية من حقل النخلة."
    doc, known = build_doc(text, [US_FORCES, FIELD])
    mention = extract_events(doc, known)[0]
    assert text[mention.trigger[0]:mention.trigger[1]] == "انسحبت"
    assert text[slice(*mention.sentence)].startswith("انسحبت")
    assert any(text[s:e] == "حقل النخلة" for s, e in mention.arguments)


def test_captions_and_headings_raise_no_events() -> None:
    for role in ("caption", "heading", "boilerplate"):
        doc, known = build_doc("انسحبت القوات الأميركية من قاعدة الصخرة.", [US_FORCES, BASE], role=role)
        assert extract_events(doc, known) == []


def test_translation_role_is_kept() -> None:
    doc, known = build_doc("انسحبت القوات الأميركية من قاعدة الصخرة.", [US_FORCES, BASE], role="translation")
    assert [m.role for m in extract_events(doc, known)] == ["translation"]
