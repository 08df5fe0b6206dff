"""read_corpus: folders, files, globs, formats, metadata, and broken files as one-line errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import rasad.ingest.corpus as corpus
from rasad.ingest import read_corpus
from rasad.ingest.html import iso_date

ARABIC = "انسحبت القوات من القاعدة العسكرية في شمال شرق البلاد يوم الجمعة."
ENGLISH = "US forces left the oil field in Deir ez-Zor on Friday, according to local sources who spoke to us."
HTML = f"""<!doctype html><html><head><title>Forces leave base</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-05-03T10:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Forces leave base</h1><p>{ENGLISH}</p>
<p>{ENGLISH} The convoy carried equipment towards Iraq.</p></article></body></html>"""
RSS = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Outlet</title>
<item><title>Item one</title><link>http://example.org/1</link>
<pubDate>Mon, 23 Feb 2026 10:00:00 GMT</pubDate><description>{ENGLISH}</description></item>
<item><title>Item two</title><description>&lt;p&gt;{ENGLISH}&lt;/p&gt;</description></item>
</channel></rss>"""


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_plain_text_header_sets_date_and_body_start(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", f" date 2026-02-23 {ARABIC}\n")
    (article,), errors = read_corpus([str(tmp_path)])
    assert not errors
    assert article.published == "2026-02-23"
    assert article.text[article.body_start :].startswith(ARABIC[:10])
    assert article.format == "text"


def test_folder_order_is_sorted_and_hidden_files_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".hidden.txt"):
        _write(tmp_path, name, ARABIC)
    articles, _ = read_corpus([str(tmp_path)])
    assert [a.source for a in articles] == ["a.txt", "b.txt"]


def test_globs_files_and_missing_paths(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", ARABIC)
    _write(tmp_path, "b.md", ARABIC)
    articles, errors = read_corpus([str(tmp_path / "*.txt"), str(tmp_path / "b.md"), str(tmp_path / "nope")])
    assert [a.source for a in articles] == ["a.txt", "b.md"]
    assert len(errors) == 1 and "no such file" in errors[0].reason


def test_html_page_gives_text_title_outlet_and_date(tmp_path: Path) -> None:
    _write(tmp_path, "page.html", HTML)
    (article,), errors = read_corpus([str(tmp_path)])
    assert not errors
    assert article.format == "html"
    assert article.title == "Forces leave base"
    assert article.outlet == "Example News"
    assert article.published == "2025-05-03"
    assert ENGLISH in article.text
    assert "Home | World" not in article.text


def test_jsonl_lines_become_articles_and_bad_lines_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": ARABIC, "title": "t", "outlet": "o", "url": "http://x", "published": "2026-02-23T08:00"}),
        "{not json",
        json.dumps({"html": f"<p>{ENGLISH}</p>"}),
        json.dumps({"nothing": 1}),
        json.dumps([1, 2]),
    ]
    _write(tmp_path, "batch.jsonl", "\n".join(lines))
    articles, errors = read_corpus([str(tmp_path)])
    assert [a.source for a in articles] == ["batch.jsonl#1", "batch.jsonl#3"]
    assert articles[0].published == "2026-02-23" and articles[0].outlet == "o"
    assert ENGLISH in articles[1].text
    assert [e.source for e in errors] == ["batch.jsonl#2", "batch.jsonl#4", "batch.jsonl#5"]
    assert "line 2" in errors[0].reason


def test_feed_entries_become_articles(tmp_path: Path) -> None:
    _write(tmp_path, "feed.xml", RSS)
    articles, errors = read_corpus([str(tmp_path)])
    assert not errors
    assert [a.source for a in articles] == ["feed.xml#1", "feed.xml#2"]
    assert articles[0].published == "2026-02-23"
    assert articles[0].outlet == "Feed Outlet"
    assert all(ENGLISH in a.text for a in articles)


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARABIC.encode("cp1256"))))
    (article,), errors = read_corpus(["-"])
    assert not errors
    assert article.text == ARABIC and article.format == "stdin"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 16, "binary"),
        ("truncated.txt", "\ufeff".encode("utf-16-le") + ARABIC.encode("utf-16-le")[:-1], "undecodable"),
        ("bad.html", b"<html><body><div></div></body></html>", "malformed HTML"),
        ("bad.xml", b"<?xml version='1.0'?><rss><channel><item>", "feed"),
    ],
)
def test_broken_files_are_errors_and_do_not_stop_the_run(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    _write(tmp_path, name, data)
    _write(tmp_path, "good.txt", ARABIC)
    articles, errors = read_corpus([str(tmp_path)])
    assert [a.source for a in articles] == ["good.txt"]
    assert len(errors) == 1 and errors[0].source.startswith(name)
    assert reason in errors[0].reason
    assert "\n" not in errors[0].reason


def test_cp1256_file_is_read(tmp_path: Path) -> None:
    _write(tmp_path, "legacy.txt", ARABIC.encode("cp1256"))
    (article,), errors = read_corpus([str(tmp_path)])
    assert not errors and article.text == ARABIC


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "MAX_BYTES", 1000)
    _write(tmp_path, "huge.txt", ARABIC * 100)
    articles, errors = read_corpus([str(tmp_path)])
    assert not articles
    assert "too large" in errors[0].reason


def test_seed_corpus_reads_without_errors(seeds_dir: Path) -> None:
    articles, errors = read_corpus([str(seeds_dir)])
    assert not errors
    assert len(articles) == len(list(seeds_dir.glob("*.txt")))


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2026-02-23T08:00:00Z", "2026-02-23"),
        ("2026-2-3", "2026-02-03"),
        ("2026-02", "2026-02"),
        ("Mon, 23 Feb 2026 10:00:00 GMT", "2026-02-23"),
        ("2026-13-01", None),
        ("yesterday", None),
    ],
)
def test_metadata_dates(value: str, iso: str | None) -> None:
    assert iso_date(value) == iso
