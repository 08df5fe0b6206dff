"""Read a corpus: folders, files, globs and standard input -> articles and one-line read errors."""

from __future__ import annotations

import glob
import logging
import os
import re
import sys
from pathlib import Path

from rasad.ingest.decode import DecodeError, decode_bytes
from rasad.ingest.feed import read_feed_articles
from rasad.ingest.html import HtmlError, read_html_article
from rasad.ingest.jsonl import read_jsonl_articles
from rasad.ingest.plaintext import read_text_article
from rasad.model import Article, ReadError

log = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024  # a news report is kilobytes; 20 MiB is a dump or a mistake
STDIN = "-"
_HTML_EXT = {".html", ".htm", ".xhtml"}
_JSONL_EXT = {".jsonl", ".ndjson"}
_FEED_EXT = {".rss", ".atom", ".xml"}
_FEED_RE = re.compile(r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.DOTALL)
_HTML_RE = re.compile(
    r"\A\s*(<\?xml[^>]*>\s*)?(<!doctype html|<html\b|<head\b|<body\b|<meta\b|<div\b|<article\b|<p\b)", re.IGNORECASE
)


def _expand(path: str) -> list[Path] | None:
    """The files a path stands for (a folder's visible files, recursively); None if nothing matches."""
    if path == STDIN:
        return [Path(STDIN)]
    candidate = Path(path)
    if candidate.is_dir():
        return sorted(p for p in candidate.rglob("*") if p.is_file() and not _hidden(p, candidate))
    if candidate.is_file():
        return [candidate]
    matches = sorted(Path(p) for p in glob.glob(path, recursive=True) if Path(p).is_file())
    return matches or None


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _detect_format(path: Path, text: str) -> str:
    """The container format, from the extension or else the first characters."""
    ext = path.suffix.lower()
    if ext in _JSONL_EXT or (ext not in _HTML_EXT and text.lstrip().startswith("{")):
        return "jsonl"
    if ext in _FEED_EXT or _FEED_RE.match(text):
        return "feed"
    if ext in _HTML_EXT or _HTML_RE.match(text):
        return "html"
    return "text"


def _read_bytes(path: Path) -> bytes:
    if str(path) == STDIN:
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    if path.stat().st_size > MAX_BYTES:
        raise DecodeError(f"too large: {path.stat().st_size} bytes (limit {MAX_BYTES})")
    return path.read_bytes()


def read_file(path: Path, source: str) -> tuple[list[Article], list[ReadError]]:
    """Read one file (or standard input) into articles; every problem becomes a ReadError."""
    try:
        data = _read_bytes(path)
        if len(data) > MAX_BYTES:
            raise DecodeError(f"too large: more than {MAX_BYTES} bytes")
        text, _encoding = decode_bytes(data)
    except DecodeError as exc:
        return [], [ReadError(source, str(exc))]
    except OSError as exc:
        return [], [ReadError(source, f"cannot read: {exc.strerror or exc}")]
    if text.startswith("\ufeff"):
        text = text[1:]
    fmt = _detect_format(path, text)
    if fmt == "text" and source == STDIN:
        fmt = "stdin"
    try:
        if fmt == "jsonl":
            return read_jsonl_articles(source, text)
        if fmt == "feed":
            return read_feed_articles(source, text)
        if fmt == "html":
            return [read_html_article(source, text)], []
        return [read_text_article(source, text, fmt)], []
    except HtmlError as exc:
        return [], [ReadError(source, str(exc))]
    except Exception as exc:  # never let one file take the corpus down
        log.exception("unexpected failure reading %s", source)
        return [], [ReadError(source, f"unreadable: {type(exc).__name__}: {exc}")]


def _source_names(files: list[Path]) -> dict[Path, str]:
    """Display names: the file name, or the path where two files share a name."""
    counts: dict[str, int] = {}
    for f in files:
        counts[f.name] = counts.get(f.name, 0) + 1
    return {f: (f.name if counts[f.name] == 1 else os.fspath(f)) for f in files}


def read_corpus(paths: list[str]) -> tuple[list[Article], list[ReadError]]:
    """Read every report under ``paths`` (folders, files, globs, "-" for stdin); never raises."""
    files: list[Path] = []
    errors: list[ReadError] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            expanded = _expand(path)
        except OSError as exc:
            errors.append(ReadError(path, f"cannot list: {exc.strerror or exc}"))
            continue
        if expanded is None:
            errors.append(ReadError(path, "no such file, folder or matching glob"))
            continue
        for f in expanded:
            key = f if str(f) == STDIN else f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    articles: list[Article] = []
    names = _source_names(files)
    files.sort(key=lambda f: (names[f], os.fspath(f)))
    for f in files:
        found, failed = read_file(f, STDIN if str(f) == STDIN else names[f])
        articles.extend(found)
        errors.extend(failed)
    # A reason is one line: library messages (parsers, OS) may carry line breaks.
    errors = sorted((ReadError(e.source, " ".join(e.reason.split())) for e in errors), key=lambda e: e.source)
    return articles, errors
