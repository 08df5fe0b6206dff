"""read_corpus never raises, whatever bytes a file holds, and its errors are one line naming the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rasad.ingest import read_corpus

_PREFIXES = st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"<html>", b"<?xml version='1.0'?><rss>", b'{"text": '])


@settings(max_examples=60, deadline=None)
@given(prefix=_PREFIXES, data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".jsonl", ".xml"]))
def test_any_bytes_give_articles_or_one_line_errors(prefix: bytes, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"report{suffix}"
        path.write_bytes(prefix + data)
        articles, errors = read_corpus([tmp])
    for error in errors:
        assert error.source.startswith("report") and error.reason and "\n" not in error.reason
    for article in articles:
        assert article.source.startswith("report")
        assert 0 <= article.body_start <= len(article.text)
