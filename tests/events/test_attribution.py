"""Attribution: the outlet's voice, named and anonymous sources, media citing sources, carry-over."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from event_docs import BASE, MINISTER, REUTERS, US_FORCES, extract

from rasad.events.attribution import _tokenise

ENTITIES = [US_FORCES, BASE, REUTERS, MINISTER]


def first_withdrawal(text: str):
    return next(m for m in extract(text, ENTITIES) if m.type == "withdrawal")


def test_outlet_voice() -> None:
    attribution = first_withdrawal("انسحبت القوات الأميركية من قاعدة الصخرة.").attribution
    assert (attribution.kind, attribution.text) == ("outlet", "")


def test_anonymous_source_keeps_its_description() -> None:
    attribution = first_withdrawal("قالت مصادر أمنية محلية إن القوات الأميركية انسحبت من قاعدة الصخرة.").attribution
    assert attribution.kind == "anonymous" and attribution.text == "مصادر أمنية محلية"


def test_named_person() -> None:
    attribution = first_withdrawal("أكد سامي الحداد أن القوات الأميركية انسحبت من قاعدة الصخرة.").attribution
    assert (attribution.kind, attribution.entity) == ("named", "sami-haddad")


def test_medium_citing_a_source() -> None:
    attribution = first_withdrawal("نقلت رويترز عن مسؤول كبير في البنتاغون أن القوات الأميركية انسحبت من قاعدة الصخرة.").attribution
    assert attribution.kind == "media" and attribution.via == "رويترز"
    assert "رويترز" in attribution.text and "مسؤول كبير" in attribution.text


def test_source_after_the_event() -> None:
    attribution = first_withdrawal("انسحبت القوات الأميركية من قاعدة الصخرة، وفقا لمصدر عسكري.").attribution
    assert attribution.kind == "anonymous" and "مصدر عسكري" in attribution.text


def test_source_before_its_verb() -> None:
    text = "غير أن مصادر كردية تحدثت إلى الصحيفة قالت إن القوات الأميركية انسحبت من قاعدة الصخرة."
    assert "مصادر كردية" in first_withdrawal(text).attribution.text


def test_definite_source_refers_back_to_the_named_one() -> None:
    text = ("بدأت القوات الأميركية الانسحاب من قاعدة الصخرة، وفقا للمصدر العسكري.\n"
            "وقال المصدر إن القوات الأميركية ستنسحب من قاعدة الصخرة.")
    later = [m for m in extract(text, ENTITIES) if m.status == "planned"][0]
    assert "المصدر" in later.attribution.text and "العسكري" in later.attribution.text


def test_quote_sentence_inherits_the_last_source() -> None:
    text = "قال مصدر عسكري إن الوضع هادئ. «القوات الأميركية ستنسحب من قاعدة الصخرة»."
    assert "مصدر عسكري" in first_withdrawal(text).attribution.text


def test_named_person_statement_is_an_event() -> None:
    mentions = extract("قال سامي الحداد أمس إن القوات الأميركية ستنسحب من قاعدة الصخرة.", ENTITIES,
                       [("أمس", "2026-02-22", "date")])
    statement = next(m for m in mentions if m.type == "statement")
    assert (statement.actor, statement.when, statement.attribution.kind) == ("sami-haddad", "2026-02-22", "named")


def test_anonymous_source_is_no_statement_event() -> None:
    mentions = extract("قال مصدر إن القوات الأميركية ستنسحب من قاعدة الصخرة.", ENTITIES)
    assert all(m.type != "statement" for m in mentions)


def test_english_source() -> None:
    base = ("Rock base", "rock-base", "facility", "military_base")
    mention = extract("Security sources said the troops withdrew from the Rock base.", [base], lang="en")[0]
    assert mention.attribution.kind == "anonymous" and "Security sources" in mention.attribution.text


_TOKEN_PIECES = ["قال", "مصدر", "كردي", " ", "  ", "\n", "\t", "\u00a0", "،", "«", "»", "(", ")", ".", "-", "_",
                 "x_y", "U.S.", "5,700", "٣", "😀", "\u200c", "ab"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=16))
def test_tokens_are_those_of_the_token_regex(pieces: list[str]) -> None:
    # The reader splits on spaces and reads the regex only inside pieces that are not plain words.
    text = "".join(pieces)
    tokens: list[tuple[int, int]] = []
    words: list[str] = []
    _tokenise(text, 0, len(text), tokens, words)
    expected = list(re.finditer(r"\w+|[^\w\s]", text))
    assert tokens == [m.span() for m in expected]
    assert words == [m.group() for m in expected]
