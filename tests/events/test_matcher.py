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

from rasad.events.lexicon import attribution_cues, clitics, hedge_cues, military_context, status_cues, triggers
from rasad.events.matcher import FormScanner, proclitic_runs
from rasad.paths import shared_dir
from rasad.text.normalise import normalise_text

_AR_PREFIX = r"(?P<pre>(?:[وف]?(?:لل|ل|ب|ك|س)?(?:ال)?)??)"


def _reference(forms: list[str], suffixes: tuple[str, ...] = (), prefix: str = "(?P<pre>)") -> re.Pattern[str]:
    """The regex semantics the matcher must reproduce."""
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(set(forms), key=len, reverse=True))
    suffix = f"(?:{'|'.join(map(re.escape, suffixes))})?" if suffixes else ""
    return re.compile(rf"(?<![\w]){prefix}(?P<form>{body}){suffix}(?![\w])")


def test_arabic_proclitics_come_from_the_data_in_the_regex_order() -> None:
    assert proclitic_runs([["و", "ف"], ["لل", "ل", "ب", "ك", "س"], ["ال"]]) == clitics("ar").prefixes
    assert clitics("ar").prefixes[:4] == ("", "ولل" + "ال", "ولل", "ول" + "ال")
    assert clitics("en").prefixes == ("",)


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
    ar = clitics("ar")
    configurations = [(ar.suffixes + ar.noun_suffixes, ar.prefixes, _AR_PREFIX),
                      ((), ar.gap_prefixes, "(?P<pre>[وفبل]?)"), ((), ("",), "(?P<pre>)")]
    scanner = FormScanner()
    matchers = [(scanner.add(FORMS, suffixes, prefixes), _reference(FORMS, suffixes, reference))
                for suffixes, prefixes, reference in configurations]
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
    joined = clitics(lang)
    lexicons = [
        (list(triggers(lang).senses), joined.suffixes + joined.noun_suffixes),
        (list(status_cues(lang)[0].labels), joined.suffixes), (list(hedge_cues(lang)[0].labels), ()),
        (list(attribution_cues(lang).cues.labels), ()), (list(attribution_cues(lang).heads.labels), ()),
        (list(military_context(lang).labels), joined.suffixes),
    ]
    prefix = _AR_PREFIX if lang == "ar" else "(?P<pre>)"
    scanner = FormScanner()
    matchers = [(scanner.add(forms, suffixes, joined.prefixes), _reference(forms, suffixes, prefix))
                for forms, suffixes in lexicons]
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
        FormScanner().add(["قال", " "])
