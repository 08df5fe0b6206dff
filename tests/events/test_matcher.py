"""The Aho-Corasick form matcher finds exactly what the clitic regex it replaces would find.

The reference below is the regex the event lexicons used before (kept here as the specification):
a word boundary, the Arabic proclitics tried shortest first, the forms longest first, an attached
suffix, a word boundary; ``finditer`` over a range, which may end inside a word.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.events.lexicon import attribution_cues, hedge_cues, military_context, status_cues, triggers
from rasad.events.matcher import AR_NOUN_SUFFIXES, AR_SUFFIXES, FormScanner
from rasad.paths import shared_dir
from rasad.text.normalise import normalise_text

_AR_PREFIX = r"(?P<pre>(?:[وف]?(?:لل|ل|ب|ك|س)?(?:ال)?)??)"


def _reference(forms: list[str], lang: str, suffixes: tuple[str, ...] = (),
               prefixes: tuple[str, ...] | None = None) -> re.Pattern[str]:
    """The regex semantics the matcher must reproduce."""
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))
    suffix = f"(?:{'|'.join(map(re.escape, suffixes))})?" if lang == "ar" and suffixes else ""
    if prefixes is not None:
        pre = "(?P<pre>" + "|".join(re.escape(p) for p in prefixes if p) + ")" + ("?" if "" in prefixes else "")
    else:
        pre = _AR_PREFIX if lang == "ar" else "(?P<pre>)"
    return re.compile(rf"(?<![\w]){pre}(?P<form>{body}){suffix}(?![\w])")


def _expected(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple]:
    return [(m.start(), m.end(), m.start("form"), m.end("form"), " ".join(m["form"].split()), m["pre"] or "")
            for m in pattern.finditer(text, start, end)]


def _found(matcher, text: str, start: int, end: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [tuple(m) for m in matcher.finditer(text, start, end)]


FORMS = ["انسحاب", "الانسحاب", "سحب", "سحبت", "قوات", "لبدء", "من المقرر", "لا تزال", "ب", "قال مصدر", "u.s."]
PIECES = FORMS + ["و", "ف", "ال", "لل", "ب", "س", "ك", "ها", "هم", "ات", "ا", "ه", " ", "  ", "\n", "،", "«", "»",
                  ".", "x", "2", "_", "من", "المقرر", "😀", "𝐀"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.data())
def test_same_matches_as_the_regex(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    configurations = [("ar", AR_NOUN_SUFFIXES, None), ("ar", (), ("و", "ف", "ب", "ل", "")), ("en", (), None)]
    scanner = {lang: FormScanner(lang) for lang in ("ar", "en")}
    matchers = [(scanner[lang].add(FORMS, suffixes, prefixes), _reference(FORMS, lang, suffixes, prefixes))
                for lang, suffixes, prefixes in configurations]
    for matcher, reference in matchers:
        assert _found(matcher, text, start, end) == _expected(reference, text, start, end)


def _news_texts() -> list[str]:
    path = shared_dir() / "data" / "newsfane" / "NewsFANE_Gold_2014_170K.txt"
    blocks = [b for b in re.split(r"\r?\n\s*\r?\n", path.read_text(encoding="utf-8-sig")) if b.strip()]
    sentences = [" ".join(line.split("\t")[0] for line in block.splitlines() if line.strip()) for block in blocks]
    sample = random.Random(3).sample(sentences, 400)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((shared_dir() / "corpus" / "seeds").iterdir())]
    return [normalise_text("\n".join(sample[i:i + 40])).text for i in range(0, len(sample), 40)] + [
        normalise_text(s).text for s in seeds]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_same_matches_as_the_regex_on_news_with_the_real_lexicons(lang: str) -> None:
    lexicons = [
        (list(triggers(lang).senses), AR_NOUN_SUFFIXES), (list(status_cues(lang)[0].labels), AR_SUFFIXES),
        (list(hedge_cues(lang)[0].labels), ()), (list(attribution_cues(lang).cues.labels), ()),
        (list(attribution_cues(lang).heads.labels), ()), (list(military_context(lang).labels), AR_SUFFIXES),
    ]
    scanner = FormScanner(lang)
    matchers = [(scanner.add(forms, suffixes), _reference(forms, lang, suffixes)) for forms, suffixes in lexicons]
    rng = random.Random(5)
    compared = 0
    for text in _news_texts():
        ranges = [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text)), 2))) for _ in range(5)]
        for matcher, reference in matchers:
            for start, end in ranges:
                expected = _expected(reference, text, start, end)
                assert _found(matcher, text, start, end) == expected
                compared += len(expected)
    assert compared > (500 if lang == "ar" else 100)  # the lexicons do match in this text


def test_a_form_may_not_be_empty() -> None:
    with pytest.raises(ValueError, match="empty"):
        FormScanner("ar").add(["قال", " "])
