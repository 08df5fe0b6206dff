"""HTML pages: main text, title, site name and date, extracted with trafilatura."""

from __future__ import annotations

import logging
import re
from datetime import date
from email.utils import parsedate_to_datetime

from rasad.model import Article

log = logging.getLogger(__name__)
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\d-])")
_DOCUMENT_RE = re.compile(r"<(html|body)\b", re.IGNORECASE)


class HtmlError(ValueError):
    """The page has no readable article; the message is the one-line reason."""


def _compose(title: str | None, body: str) -> tuple[str, int]:
    """Put the title on the first line, as in a text report, so headings and datelines are found."""
    if title and not body.startswith(title):
        return f"{title}\n\n{body}", 0
    return body, 0


def read_html_article(source: str, html: str, fmt: str = "html", **meta: str | None) -> Article:
    """Extract the article of an HTML page; ``meta`` (title, outlet, url, published) overrides the page's."""
    import trafilatura

    if "<" not in html:
        raise HtmlError("malformed HTML: no markup")
    if not _DOCUMENT_RE.search(html):
        html = f"<html><body>{html}</body></html>"  # the parser drops a bare fragment
    try:
        extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
        doc = extracted.as_dict() if extracted is not None else {}
        if not (doc.get("text") or "").strip():
            # A fragment (a feed entry, a JSON field) is too small for the main-text cascade: take all its text.
            doc["text"] = trafilatura.html2txt(html)
    except Exception as exc:  # trafilatura raises many types on broken markup
        raise HtmlError(f"malformed HTML: {type(exc).__name__}") from exc
    if not (doc.get("text") or "").strip():
        raise HtmlError("malformed HTML: no article text found")
    title = meta.get("title") or doc.get("title")
    text, body_start = _compose(title, doc["text"])
    published = meta.get("published") or doc.get("date")
    return Article(
        source=source,
        text=text,
        format=fmt,
        title=title,
        outlet=meta.get("outlet") or doc.get("sitename"),
        url=meta.get("url") or doc.get("url"),
        published=iso_date(published),
        body_start=body_start,
    )


def iso_date(value: str | None) -> str | None:
    """The ISO day (or month) of a metadata date: ISO 8601 with any time and zone, or RFC 822."""
    if not value:
        return None
    match = _ISO_RE.match(value.strip())
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
            day_date = date(year, month, day or 1)
        except ValueError:
            return None
        return day_date.isoformat() if day else day_date.isoformat()[:7]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
