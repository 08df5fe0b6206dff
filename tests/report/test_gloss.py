"""English glosses of Arabic source phrases: only whole phrases of known words."""

from __future__ import annotations

import yaml

from rasad.report.gloss import LEXICON_FILE, gloss_source
from rasad.report.render import StoryView
from rasad.text.normalise import normalise_key


def test_glosses_follow_english_word_order_and_articles() -> None:
    assert gloss_source("مصدر كردي") == "a Kurdish source"
    assert gloss_source("مصادر حكومية وكردية") == "government and Kurdish sources"
    assert gloss_source("مسؤول أميركي رفيع") == "a senior US official"
    assert gloss_source("المصدر") == "the source"
    assert gloss_source("مسؤول عراقي") == "an Iraqi official"
    assert gloss_source("وسائل إعلام أميركية") == "US media"


def test_unknown_words_are_never_guessed() -> None:
    assert gloss_source("المتحدث باسم الخارجية") is None
    assert gloss_source("a Syrian official") is None
    assert gloss_source("") is None


def test_lexicon_entries_are_unique_after_normalisation() -> None:
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    for section in ("nouns", "adjectives"):
        keys = [normalise_key(k) for k in data[section]]
        assert len(keys) == len(set(keys)), section


def test_english_source_uses_the_gloss(story_export) -> None:
    view = StoryView(story_export)
    mention = view.events["ev:conoco-stay"]["mentions"][0]
    assert view.source_of(mention, "en").startswith("a Kurdish official, in ")
    assert "مسؤول كردي" in view.source_of(mention, "ar")
