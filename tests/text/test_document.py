"""build_doc end to end on small made-up reports: date and basis, title, languages, offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.model import PUBLISHED_BASES, SEGMENT_ROLES, Article
from rasad.text import build_doc

EN_PAGE = """US forces leave oil field (sources)
DAMASCUS, October 23, 2017 - US forces left the oil field on Friday, officials said.
The convoy of 40 trucks crossed into Iraq. It carried 1.7 tonnes of equipment.
Related
"""


def test_english_dateline_title_and_roles() -> None:
    doc = build_doc(Article(source="en.txt", text=EN_PAGE, format="text"))
    assert (doc.published, doc.published_basis) == ("2017-10-23", "dateline")
    assert doc.title == "US forces leave oil field"
    assert [s.role for s in doc.segments] == ["heading", "body", "body", "boilerplate"]
    assert doc.languages == ["en"]
    assert [doc.text[s.start : s.end] for s in doc.content_sentences()][-2:] == [
        "The convoy of 40 trucks crossed into Iraq.",
        "It carried 1.7 tonnes of equipment.",
    ]


def test_header_date_wins_and_is_not_body() -> None:
    text = " date 2026-02-23 انسحبت القوات من القاعدة.\n03 مايو 2025\nوغادرت الشاحنات."
    doc = build_doc(Article(source="h.txt", text=text, format="text", published="2026-02-23", body_start=17))
    assert (doc.published, doc.published_basis) == ("2026-02-23", "header")
    assert doc.segments[0].start == 17


def test_no_date_is_unknown() -> None:
    doc = build_doc(Article(source="n.txt", text="انسحبت القوات من القاعدة اليوم السبت.", format="text"))
    assert (doc.published, doc.published_basis) == (None, "unknown")


def test_offsets_point_into_the_text_and_sentences_into_segments() -> None:
    doc = build_doc(Article(source="en.txt", text=EN_PAGE, format="text"))
    for seg in doc.segments:
        assert doc.text[seg.start : seg.end].strip() == doc.text[seg.start : seg.end]
    for sent in doc.sentences:
        seg = doc.segments[sent.segment]
        assert seg.start <= sent.start < sent.end <= seg.end


def test_ids_are_stable_and_named_ids_are_kept() -> None:
    a = build_doc(Article(source="x.txt", text="نص.", format="text"))
    b = build_doc(Article(source="x.txt", text="نص.", format="text"))
    named = build_doc(Article(source="000_37357de8e9e1e908.txt", text="نص.", format="text"))
    assert a.id == b.id and len(a.id) == 18
    assert named.id == "d:37357de8e9e1e908"


_TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
        st.sampled_from(list(" \n\n-•.،؟:|()/0123456789٠١٢٣abcXYZ\u200f\u00a0\ufeff")),
        st.characters(codec="utf-8"),
    ),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_build_doc_never_fails_and_keeps_its_invariants(text: str) -> None:
    doc = build_doc(Article(source="any.txt", text=text, format="text"))
    assert all(0 <= s.start < s.end <= len(text) for s in doc.segments)
    assert all(a.end <= b.start for a, b in zip(doc.segments, doc.segments[1:]))
    assert all(seg.role in SEGMENT_ROLES for seg in doc.segments)
    assert all(doc.segments[s.segment].start <= s.start < s.end <= doc.segments[s.segment].end for s in doc.sentences)
    assert doc.published_basis in PUBLISHED_BASES
