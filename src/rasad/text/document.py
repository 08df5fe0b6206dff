"""Article -> Doc: normalise, segment, detect languages and roles, find the date and title."""

from __future__ import annotations

from rasad.model import Article, Doc, Segment, Sentence
from rasad.text.ids import doc_id
from rasad.text.language import detect_language
from rasad.text.normalise import normalise_text
from rasad.text.segment import split_lines, split_sentences

CONTENT_ROLES = ("body", "translation")


def _sentences(text: str, segments: list[Segment]) -> list[Sentence]:
    return [
        Sentence(s, e, i)
        for i, seg in enumerate(segments)
        for s, e in split_sentences(text, seg.start, seg.end)
    ]


def _languages(segments: list[Segment]) -> list[str]:
    """Languages of the body and translation, in order of first appearance."""
    seen: list[str] = []
    for seg in segments:
        if seg.role in CONTENT_ROLES and seg.lang and seg.lang not in seen:
            seen.append(seg.lang)
    return seen


def build_doc(article: Article, doc_id_: str | None = None) -> Doc:
    """Build the Doc of one article: offsets, segments with roles and languages, date, title."""
    text = article.text
    lines = split_lines(text, article.body_start)
    segments = [Segment(s, e, "body", detect_language(text[s:e])) for s, e in lines]
    published, basis = (article.published, "header") if article.published else (None, "unknown")
    return Doc(
        id=doc_id_ or doc_id(article.source, text),
        file=article.source,
        text=text,
        norm=normalise_text(text),
        format=article.format,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=published,
        published_basis=basis,
        languages=_languages(segments),
        segments=segments,
        sentences=_sentences(text, segments),
    )
