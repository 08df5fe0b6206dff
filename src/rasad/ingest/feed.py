"""RSS and Atom feed files: each entry becomes one article."""

from __future__ import annotations

import re
import time

from rasad.ingest.html import HtmlError, read_html_article
from rasad.model import Article, ReadError

_MARKUP_RE = re.compile(r"<[a-zA-Z/!]")


def _entry_date(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_body(entry: dict) -> str:
    contents = entry.get("content") or []
    if contents and contents[0].get("value"):
        return contents[0]["value"]
    return entry.get("summary") or ""


def read_feed_articles(source: str, text: str) -> tuple[list[Article], list[ReadError]]:
    """Read the entries of an RSS or Atom feed; an entry without text is an error naming it."""
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        reason = f"malformed feed: {feed.bozo_exception}" if feed.bozo else "feed has no entries"
        return [], [ReadError(source, reason)]
    outlet = feed.feed.get("title")
    articles: list[Article] = []
    errors: list[ReadError] = []
    for number, entry in enumerate(feed.entries, 1):
        name = f"{source}#{number}"
        meta = {
            "title": entry.get("title"),
            "outlet": outlet,
            "url": entry.get("link"),
            "published": _entry_date(entry),
        }
        body = _entry_body(entry)
        if not body.strip():
            errors.append(ReadError(name, f"feed entry {number} has no text"))
            continue
        if _MARKUP_RE.search(body):
            try:
                articles.append(read_html_article(name, body, "feed", **meta))
            except HtmlError as exc:
                errors.append(ReadError(name, f"feed entry {number}: {exc}"))
            continue
        title = meta["title"]
        full = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        articles.append(Article(source=name, text=full, format="feed", **meta))
    return articles, errors
