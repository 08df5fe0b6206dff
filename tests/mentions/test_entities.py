"""Entity recognition and linking: clitics, longest match, context rules, coreference, seeds."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from rasad.ingest import read_corpus
from rasad.mentions.entities import EntityLinker
from rasad.mentions.gazetteer import build_gazetteer, load_gazetteer
from rasad.model import Doc
from rasad.paths import DATA_DIR
from rasad.text import build_doc
from rasad.text.normalise import normalise_key, normalise_text

# A small knowledge base of general facts, enough to exercise every rule.
KB = [
    {"id": "usa", "type": "gpe", "subtype": "country", "name": {"ar": "الولايات المتحدة", "en": "United States"},
     "aliases": {"en": ["US"]}},
    {"id": "washington", "type": "gpe", "subtype": "town", "name": {"ar": "واشنطن", "en": "Washington"},
     "capital_of": "usa"},
    {"id": "syria", "type": "gpe", "subtype": "country", "name": {"ar": "سوريا", "en": "Syria"},
     "aliases": {"ar": ["سورية"]}},
    {"id": "iraq", "type": "gpe", "subtype": "country", "name": {"ar": "العراق", "en": "Iraq"}},
    {"id": "kurdistan", "type": "gpe", "subtype": "region", "name": {"ar": "كردستان العراق", "en": "Kurdistan"}},
    {"id": "hasakah", "type": "gpe", "subtype": "town", "name": {"ar": "الحسكة", "en": "Hasakah"},
     "parent": "hasakah-province", "population": 400000},
    {"id": "hasakah-province", "type": "gpe", "subtype": "province",
     "name": {"ar": "محافظة الحسكة", "en": "Hasakah Governorate"}},
    {"id": "damascus", "type": "gpe", "subtype": "town", "name": {"ar": "دمشق", "en": "Damascus"},
     "capital_of": "syria", "population": 2000000},
    {"id": "musaddar", "type": "gpe", "subtype": "town", "name": {"ar": "المصدر", "en": "Musaddar"}},
    {"id": "of-town", "type": "gpe", "subtype": "town", "name": {"ar": "أوف", "en": "Of"}},
    {"id": "shaddadi", "type": "gpe", "subtype": "town", "name": {"ar": "الشدادي", "en": "al-Shaddadi"}},
    {"id": "shaddadi-base", "type": "facility", "subtype": "military_base",
     "name": {"ar": "قاعدة الشدادي", "en": "al-Shaddadi base"}, "aliases": {"ar": ["الشدادي"]}},
    {"id": "wazir-base", "type": "facility", "subtype": "military_base",
     "name": {"ar": "قاعدة الوزير", "en": "al-Wazir base"}, "aliases": {"ar": ["الوزير"]}, "ambiguous": True},
    {"id": "omar-field", "type": "facility", "subtype": "oil_field",
     "name": {"ar": "حقل العمر", "en": "al-Omar field"}, "aliases": {"ar": ["العمر"]}, "ambiguous": True},
    {"id": "conoco-field", "type": "facility", "subtype": "gas_field",
     "name": {"ar": "حقل كونيكو", "en": "Conoco field"}, "aliases": {"ar": ["كونيكو"]}},
    {"id": "al-akhbar", "type": "organization", "subtype": "newspaper",
     "name": {"ar": "الأخبار", "en": "Al-Akhbar"}, "ambiguous": True},
    {"id": "barrot", "type": "person", "name": {"ar": "جان نويل بارو", "en": "Jean-Noel Barrot"}},
]


@pytest.fixture(scope="module")
def linker(tmp_path_factory: pytest.TempPathFactory) -> EntityLinker:
    folder = tmp_path_factory.mktemp("kb")
    (folder / "test.yaml").write_text(yaml.safe_dump(KB, allow_unicode=True), encoding="utf-8")
    return EntityLinker(build_gazetteer(folder))


def make_doc(text: str, doc_id: str = "d:test") -> Doc:
    return Doc(id=doc_id, file=f"{doc_id}.txt", text=text, norm=normalise_text(text))


def linked(linker: EntityLinker, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.entity) for m in linker.find_entities(make_doc(text))]


def test_proclitics_are_stripped_from_the_mention(linker: EntityLinker) -> None:
    found = linked(linker, "وصلت القوات وبالحسكة وللعراق رتل، وفي سورية أيضا.")
    assert ("الحسكة", "hasakah") in found
    assert ("لعراق", "iraq") in found  # لل: the article's lam begins the mention
    assert ("سورية", "syria") in found


def test_names_match_only_whole_words(linker: EntityLinker) -> None:
    assert linked(linker, "العراقيون يحتفلون") == []


def test_longest_match_wins(linker: EntityLinker) -> None:
    assert linked(linker, "دخل الرتل إلى كردستان العراق.") == [("كردستان العراق", "kurdistan")]


def test_offsets_point_into_the_original_text(linker: EntityLinker) -> None:
    text = "قال مسؤولٌ إنّ القوّات في الحَسَكة."
    doc = make_doc(text)
    (mention,) = linker.find_entities(doc)
    assert text[mention.start:mention.end] == mention.text == "الحَسَكة"


def test_town_and_base_of_one_name_are_told_apart_by_the_word_before(linker: EntityLinker) -> None:
    found = linked(linker, "انسحبت القوات من قاعدة الشدادي ثم دخلت مدينة الشدادي.")
    ids = [entity for _, entity in found]
    assert "shaddadi-base" in ids and "shaddadi" in ids


def test_ambiguous_name_needs_a_cue(linker: EntityLinker) -> None:
    assert linked(linker, "وقال الوزير إن العمر ليس عائقا.") == []
    found = linked(linker, "انسحبت من قاعدتي «العمر» و«الوزير»، ومن حقل العمر.")
    assert [e for _, e in found] == ["omar-field", "wazir-base", "omar-field"]


def test_a_list_after_a_dual_head_inherits_the_cue(linker: EntityLinker) -> None:
    found = linked(linker, "غادرت القوات حقلي العمر وكونيكو.")
    assert [e for _, e in found] == ["omar-field", "conoco-field"]


def test_newspaper_in_guillemets_but_not_the_word(linker: EntityLinker) -> None:
    assert linked(linker, "تابعنا الأخبار مساء") == []
    assert linked(linker, "وأكد مسؤول محلي في اتصال مع «الأخبار» أن") == [("الأخبار", "al-akhbar")]


def test_capital_stands_for_its_state_unless_it_is_the_place(linker: EntityLinker) -> None:
    assert linked(linker, "أعلنت واشنطن انسحابها") == [("واشنطن", "usa")]
    assert linked(linker, "عقد لقاء في واشنطن") == [("واشنطن", "washington")]


def test_english_locative_makes_a_capital_the_city(linker: EntityLinker) -> None:
    assert linked(linker, "Envoys held talks in Damascus on Friday.") == [("Damascus", "damascus")]
    assert linked(linker, "Protesters gathered near Washington.") == [("Washington", "washington")]
    assert linked(linker, "Washington rejected the plan.") == [("Washington", "usa")]
    assert linked(linker, "Damascus's reply came late.") == [("Damascus", "syria")]


def test_a_capital_after_a_verb_or_preposition_of_movement_is_the_city(linker: EntityLinker) -> None:
    assert linked(linker, "غادر الوزير الكندي واشنطن متوجها إلى أوتاوا") == [("واشنطن", "washington")]
    assert linked(linker, "وزار السفير دمشق أمس") == [("دمشق", "damascus")]
    assert linked(linker, "عاد الوفد من واشنطن مساء") == [("واشنطن", "washington")]
    assert linked(linker, "تقدمت الحافلات نحو دمشق") == [("دمشق", "damascus")]
    assert linked(linker, "The delegation visited Damascus twice.") == [("Damascus", "damascus")]


def test_an_english_verb_of_movement_with_a_preposition_leads_to_the_city(linker: EntityLinker) -> None:
    assert linked(linker, "The buses headed towards Damascus at dawn.") == [("Damascus", "damascus")]
    assert linked(linker, "Two senators returned from Washington on Tuesday.") == [("Washington", "washington")]
    assert linked(linker, "The rebels sent a letter to Washington.") == [("Washington", "usa")]
    assert linked(linker, "Pressure from Damascus mounted.") == [("Damascus", "syria")]


def test_a_message_or_support_from_a_capital_is_the_state(linker: EntityLinker) -> None:
    assert linked(linker, "وصلت رسالة إلى واشنطن") == [("واشنطن", "usa")]
    assert linked(linker, "تشكلت الفرقة بدعم من واشنطن") == [("واشنطن", "usa")]
    assert linked(linker, "غادر الوفد، وقالت دمشق إنها ترحب") == [("دمشق", "syria")]
    assert linked(linker, "دخل الجنود المدينة وأكدت واشنطن ذلك") == [("واشنطن", "usa")]


def test_one_report_gives_a_capital_one_sense(linker: EntityLinker) -> None:
    found = linked(linker, "تنتظر دمشق الانسحاب. وعقدت لقاءات في دمشق.")
    assert [e for _, e in found] == ["damascus", "damascus"]


def test_a_province_named_after_its_seat_is_the_seat(linker: EntityLinker) -> None:
    found = linked(linker, "جنوبي محافظة الحسكة وفي مدينة الحسكة")
    assert [e for _, e in found] == ["hasakah", "hasakah"]


def test_a_small_town_named_like_a_word_needs_a_place_context(linker: EntityLinker) -> None:
    assert linked(linker, "وقال المصدر إن الرتل وصل") == []
    assert linked(linker, "وصل الرتل إلى قرية المصدر") == [("المصدر", "musaddar")]


def test_a_small_town_in_english_needs_a_place_context_too(linker: EntityLinker) -> None:
    assert linked(linker, "Of the troops, most left.") == []
    assert linked(linker, "The convoy passed through the town of Of.") == [("Of", "of-town")]


def test_adjective_spelt_like_a_country_is_not_the_country(linker: EntityLinker) -> None:
    assert linked(linker, "أفادت وسائل إعلام سورية بدخول رتل") == []


def test_surname_alone_links_to_the_person_named_before(linker: EntityLinker) -> None:
    found = linked(linker, "زار جان نويل بارو العراق. وقال بارو إنه سيعود.")
    assert found == [("جان نويل بارو", "barrot"), ("العراق", "iraq"), ("بارو", "barrot")]


def test_discovered_entity_keeps_one_id_across_reports(linker: EntityLinker) -> None:
    first = linker.find_entities(make_doc("وصل رتل إلى قاعدة حميميم قرب الساحل.", "d:1"))
    second = linker.find_entities(make_doc("غادرت الطائرات قاعدة حميميم مساء.", "d:2"))
    assert first[0].discovered and first[0].entity == second[0].entity
    entity = linker.entities[first[0].entity]
    assert entity.type == "facility" and entity.discovered and entity.name_en.endswith("base")


def test_a_discovered_name_is_found_alone_in_later_reports(linker: EntityLinker) -> None:
    first = linker.find_entities(make_doc("نقلت الشاحنات إلى قاعدة كويرس الجوية.", "d:5"))
    later = linker.find_entities(make_doc("وصلت طائرات إلى كويرس أمس.", "d:6"))
    assert [m.entity for m in later] == [first[0].entity]


def test_english_and_arabic_discovered_names_meet(linker: EntityLinker) -> None:
    ar = linker.find_entities(make_doc("وصل رتل إلى قاعدة قسرك.", "d:3"))
    en = linker.find_entities(make_doc("A convoy reached the Qasrak base on Monday.", "d:4"))
    assert ar[0].entity == en[0].entity


def test_english_names_keep_their_capitals(linker: EntityLinker) -> None:
    assert linked(linker, "Let us see what the US and the United States say.") == [
        ("US", "usa"), ("United States", "usa")]


def test_generic_phrases_are_not_entities(linker: EntityLinker) -> None:
    assert linked(linker, "تقدمت القوات الحكومية وقالت مصادر كردية إن قاعدة عسكرية أخليت.") == []


def test_lexicons_have_no_duplicates_after_normalisation() -> None:
    for path in [DATA_DIR / "lexicons" / "ar" / "entity_patterns.yaml", DATA_DIR / "lexicons" / "ar" / "clitics.yaml"]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, words in data.items():
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                keys = [normalise_key(w) for w in words]
                assert len(keys) == len(set(keys)), f"{path.name}:{key} has duplicates"
                assert keys == [normalise_key(k) for k in keys]


def _scorer():
    from rasad.paths import shared_dir

    path = shared_dir() / "tools" / "score.py"
    if not path.exists():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_entities_meet_the_floors(seeds_dir: Path, gold_dir: Path, tmp_path: Path) -> None:
    linker = EntityLinker(load_gazetteer())
    documents, mentions = [], {}
    articles, errors = read_corpus([str(seeds_dir)])
    assert not errors
    for doc in map(build_doc, articles):
        documents.append({"id": doc.id, "file": Path(doc.file).name, "segments": []})
        for m in linker.find_entities(doc):
            mentions.setdefault(m.entity, []).append({"doc": doc.id, "start": m.start, "end": m.end, "text": m.text})
    entities = [{"id": i, "type": linker.entities[i].type, "name": {"ar": linker.entities[i].name_ar,
                 "en": linker.entities[i].name_en}, "mentions": ms} for i, ms in mentions.items()]
    export = tmp_path / "rasad.json"
    export.write_text(json.dumps({"documents": documents, "entities": entities}, ensure_ascii=False), "utf-8")
    score = _scorer()
    out: dict = {"corpus": str(seeds_dir)}
    ex = score.Export(json.loads(export.read_text("utf-8")))
    for gold in sorted(gold_dir.glob("*.yaml")):
        if gold.name != "story.yaml":
            score.score_doc(yaml.safe_load(gold.read_text("utf-8")), ex, out, False)
    score.score_story({}, ex, out, False)
    ratio = {k: good / total for k, (good, total) in out["counts"].items() if total}
    assert ratio["entity.recall"] >= FLOORS["entity.recall"]
    assert ratio["entity.linking"] >= FLOORS["entity.linking"]
    assert ratio["entity.cross_doc_linking"] >= FLOORS["entity.cross_doc_linking"]
    assert ratio["entity.mention_precision"] >= FLOORS["entity.mention_precision"]


# The targets of issue 3 (measured on the seeds at 21:16 UTC: 1.0, 1.0, 0.979, 1.0); floors only go up.
FLOORS = {
    "entity.recall": 0.95,
    "entity.linking": 0.95,
    "entity.cross_doc_linking": 0.95,
    "entity.mention_precision": 0.9,
}
