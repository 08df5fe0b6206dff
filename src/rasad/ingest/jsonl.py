"""JSON Lines: one article a line with ``text`` or ``html`` and optional url, title, outlet, published."""

from __future__ import annotations

import json

from rasad.ingest.html import HtmlError, iso_date, read_html_article
from rasad.model import Article, ReadError

_TEXT_KEYS = ("text", "body", "content")
_DATE_KEYS = ("published", "date", "published_at")


def _first(record: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def read_jsonl_articles(source: str, text: str) -> tuple[list[Article], list[ReadError]]:
    """Read every line of a JSON Lines file; a bad line is an error naming its line number."""
    articles: list[Article] = []
    errors: list[ReadError] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        name = f"{source}#{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(ReadError(name, f"malformed JSON on line {number}: {exc.msg}"))
            continue
        if not isinstance(record, dict):
            errors.append(ReadError(name, f"malformed JSON on line {number}: expected an object"))
            continue
        article = _record_article(name, number, record, errors)
        if article:
            articles.append(article)
    return articles, errors


def _record_article(name: str, number: int, record: dict, errors: list[ReadError]) -> Article | None:
    meta = {
        "title": _first(record, ("title", "headline")),
        "outlet": _first(record, ("outlet", "source", "site")),
        "url": _first(record, ("url", "link")),
        "published": iso_date(_first(record, _DATE_KEYS)),
    }
    body = _first(record, _TEXT_KEYS)
    if body is not None:
        return Article(source=name, text=body, format="jsonl", **meta)
    html = _first(record, ("html",))
    if html is None:
        errors.append(ReadError(name, f"line {number} has neither 'text' nor 'html'"))
        return None
    try:
        return read_html_article(name, html, "jsonl", **meta)
    except HtmlError as exc:
        errors.append(ReadError(name, f"line {number}: {exc}"))
        return None
