"""Shared rendering: labels and templates from data, dates, event sentences, highlights."""

from __future__ import annotations

import pytest
import yaml

from rasad.model import BOARD_STATUSES, EVENT_STATUSES
from rasad.paths import DATA_DIR
from rasad.report.gloss import LEXICON_FILE
from rasad.report.render import (
    PHRASES_FILE,
    Mark,
    StoryView,
    clean,
    date_precision,
    date_sort_key,
    display_date,
    highlight_pieces,
    load_phrases,
    mention_pieces,
    text_direction,
)


def test_every_event_template_has_both_languages_and_every_status() -> None:
    phrases = load_phrases()
    for event_type, templates in phrases["events"].items():
        assert set(templates) == set(EVENT_STATUSES), event_type
        for status, template in templates.items():
            assert set(template) == {"en", "ar"}, (event_type, status)
            assert "{actor}" in template["en"] or "{place}" in template["en"], (event_type, status)


def test_every_board_status_has_labels_and_a_colour() -> None:
    board = load_phrases()["board_statuses"]
    assert set(board) == set(BOARD_STATUSES)
    assert len({entry["colour"] for entry in board.values()}) == len(board)


def test_date_precision_and_order() -> None:
    assert [date_precision(v) for v in ("2026-02-23", "2026-02", "2026", "2026-02-23/2026-03-23",
                                        "../2026-08", None, "soon")] == \
        ["day", "month", "year", "interval", "open", "unknown", "unknown"]
    assert sorted(["../2026-04-22", "2026-02-20/2026-03-13", None, "2026-02-21"], key=date_sort_key) == \
        ["2026-02-20/2026-03-13", "2026-02-21", "../2026-04-22", None]
    assert display_date("../2026-04-22", "en") == "by 2026-04-22"
    assert display_date("2026-02-20/2026-03-13", "en") == "2026-02-20 → 2026-03-13"
    assert "\u2066" in display_date("2026-02-20", "ar")  # digits kept in order inside Arabic text


def test_highlight_pieces_cover_the_sentence_and_the_trigger_wins() -> None:
    text = "xx The troops left the base today. yy"
    start, end = 3, 34
    marks = [Mark(7, 13, "argument", "actor"), Mark(14, 18, "trigger"), Mark(12, 16, "argument", "place")]
    pieces = highlight_pieces(text, start, end, marks)
    assert "".join(p for p, _ in pieces) == text[start:end]
    assert [p for p, m in pieces if m and m.kind == "trigger"] == ["left"]
    assert next(p for p, m in pieces if m and m.kind == "argument") == "troops"


def test_clean_drops_overrides_but_keeps_marks() -> None:
    assert clean("a\u202eb\u2066c\u200fd") == "abc\u200fd"


def test_event_line_renders_structure_source_and_corroboration(story_export) -> None:
    view = StoryView(story_export)
    event = view.events["ev:shaddadi-out"]
    line = view.event_line(event, "en")
    assert line.startswith("2026-02-21 — US forces withdrew from Shaddadi base (Hasakah).")
    assert "Source: " in line and "Mashriq Wire" in line
    assert line.endswith("also reported by Gulf Monitor.")
    arabic = view.event_line(event, "ar")
    assert "انسحاب" in arabic and "قاعدة الشدادي" in arabic


def test_event_sentence_falls_back_without_actor_place_or_template(story_export) -> None:
    view = StoryView(story_export)
    sentence = view.event_sentence({"id": "e", "type": "unheard_of", "status": "ongoing"}, "en")
    assert sentence == "Unheard of under way involving Forces in an unnamed place"


def test_mention_pieces_fall_back_to_the_exported_sentence(story_export, story_texts) -> None:
    mention = StoryView(story_export).events["ev:shaddadi-out"]["mentions"][1]
    from_text = mention_pieces(mention, story_texts)
    from_export = mention_pieces(mention, {})
    assert from_text == from_export
    assert [p for p, m in from_export if m and m.kind == "trigger"] == ["completed their withdrawal"]


def test_text_direction_follows_the_first_strong_letter() -> None:
    assert text_direction("2026 — قال مصدر") == "rtl"
    assert text_direction("US troops in الحسكة") == "ltr"
    assert text_direction("123") == "ltr"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that fails on a key given twice in one mapping (PyYAML keeps the last silently)."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        keys = [self.construct_object(key, deep=deep) for key, _value in node.value]
        duplicated = sorted({str(k) for k in keys if keys.count(k) > 1})
        assert not duplicated, f"{node.start_mark}: duplicate keys {duplicated}"
        return super().construct_mapping(node, deep=deep)


def test_report_data_files_have_no_duplicate_keys() -> None:
    with pytest.raises(AssertionError):
        yaml.load("a: 1\na: 2\n", Loader=_UniqueKeyLoader)
    for path in (PHRASES_FILE, LEXICON_FILE, DATA_DIR / "boundaries" / "countries.yaml"):
        assert yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
