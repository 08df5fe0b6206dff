"""Article -> Doc: normalise, segment, detect languages and roles, find the date and title."""

from __future__ import annotations

import re

import numpy as np

from rasad.model import Article, Doc, Segment, Sentence
from rasad.text.dates import find_dateline
from rasad.text.ids import doc_id
from rasad.text.language import detect_languages
from rasad.text.normalise import NormText, normalise_text
from rasad.text.roles import BODY, HEADING, assign_roles, find_site_name
from rasad.text.segment import is_bullet, sentences_of_segments, split_lines
from rasad.text.translation import find_translation

CONTENT_ROLES = ("body", "translation")
_SOURCE_NOTE_RE = re.compile(r"\s*[(\[][^()\[\]]{1,80}[)\]]\s*$")  # "… (three sources to AFP)"


def _norm_lines(norm: NormText, spans: list[tuple[int, int]]) -> list[str]:
    """The normalised text of each line, spaces collapsed (one vectorised offset lookup for all)."""
    bounds = np.searchsorted(norm.index, np.asarray(spans, dtype=np.int64).reshape(-1), side="left").tolist()
    chunks = [norm.text[bounds[i] : bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    return [" ".join(chunk.split()) if "  " in chunk else chunk for chunk in chunks]


def _sentences(text: str, segments: list[Segment]) -> list[Sentence]:
    spans = sentences_of_segments(text, [(seg.start, seg.end) for seg in segments])
    return [Sentence(s, e, i) for i, seg_spans in enumerate(spans) for s, e in seg_spans]


def _languages(segments: list[Segment]) -> list[str]:
    """Languages of the body and translation, in order of first appearance."""
    seen: list[str] = []
    for seg in segments:
        if seg.role in CONTENT_ROLES and seg.lang and seg.lang not in seen:
            seen.append(seg.lang)
    return seen


def _title(text: str, segments: list[Segment]) -> str | None:
    """The first line when it is a heading, without a trailing parenthesised source note."""
    if not segments or segments[0].role != HEADING:
        return None
    line = text[segments[0].start : segments[0].end]
    return _SOURCE_NOTE_RE.sub("", line).strip() or line


def build_doc(article: Article) -> Doc:
    """Build the Doc of one article: offsets, segments with roles and languages, date, title."""
    text = article.text
    norm = normalise_text(text)
    spans = split_lines(text, article.body_start)
    lines = _norm_lines(norm, spans)
    dateline = find_dateline(lines)
    site_name = find_site_name(lines)
    bullets = [is_bullet(text, s) for s, _ in spans]
    roles = assign_roles(lines, bullets, dateline[1] if dateline else None, site_name)
    langs = detect_languages(text, spans)
    for i in find_translation(lines, langs, [role == BODY for role in roles]):
        roles[i] = "translation"
    segments = [Segment(s, e, role, lang) for (s, e), role, lang in zip(spans, roles, langs)]
    if article.published:
        published, basis = article.published, "header"
    elif dateline:
        published, basis = dateline[0], "dateline"
    else:
        published, basis = None, "unknown"
    return Doc(
        id=doc_id(article.source, text),
        file=article.source,
        text=text,
        norm=norm,
        format=article.format,
        title=article.title or _title(text, segments),
        outlet=article.outlet or (text[slice(*spans[site_name])] if site_name is not None else None),
        url=article.url,
        published=published,
        published_basis=basis,
        languages=_languages(segments),
        segments=segments,
        sentences=_sentences(text, segments),
    )
