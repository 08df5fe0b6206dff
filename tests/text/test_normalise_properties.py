"""Property tests: normalisation never breaks the offset map, whatever Unicode comes in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.text.normalise import normalise_text

# Arabic letters and marks, presentation forms, bidi and zero-width marks, spaces, digits, Latin.
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFDFF),
    st.characters(min_codepoint=0xFE70, max_codepoint=0xFEFE),
    st.sampled_from(list("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u2066\u2069\u061c\ufeff")),
    st.sampled_from(list("\u00a0\u00ad\u0640 \n\t.,")),
    st.characters(min_codepoint=0x20, max_codepoint=0x24F),
    st.characters(codec="utf-8"),
)
TEXTS = st.text(alphabet=_ALPHABET, max_size=60)


def _source_boundaries(index: list[int]) -> list[int]:
    """Normalised positions where a new original character starts (spans may only cut there)."""
    return [i for i in range(len(index)) if i == 0 or index[i] != index[i - 1]]


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.data())
def test_every_span_maps_back_to_text_with_the_same_normalisation(text: str, data: st.DataObject) -> None:
    norm = normalise_text(text)
    index = norm.index.tolist()
    assert len(index) == len(norm.text) + 1
    assert index[-1] == len(text)
    assert index == sorted(index)
    cuts = _source_boundaries(index)
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([c for c in cuts if c >= start]))
    o_start, o_end = norm.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(text)
    assert normalise_text(text[o_start:o_end]).text == norm.text[start:end]


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise_text(text).text
    assert normalise_text(once).text == once


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=80))
def test_to_norm_inverts_to_original_at_character_starts(text: str, offset: int) -> None:
    norm = normalise_text(text)
    offset = min(offset, len(text))
    pos = norm.to_norm(offset)
    assert 0 <= pos <= len(norm.text)
    assert pos == len(norm.text) or norm.index[pos] >= offset


def test_capital_sigma_folds_the_same_alone_and_in_context() -> None:
    norm = normalise_text("ΑΣ Β")
    start, end = norm.to_original(1, 2)
    assert normalise_text("ΑΣ Β"[start:end]).text == norm.text[1:2]


def test_presentation_forms_and_marks_map_to_their_source() -> None:
    text = "\ufefb\u200fقُوّات"  # lam-alef ligature, a bidi mark, diacritics
    norm = normalise_text(text)
    assert norm.text == "لاقوات"
    assert norm.to_original(0, 2) == (0, 1)
    assert norm.to_original(2, 6) == (2, len(text))
