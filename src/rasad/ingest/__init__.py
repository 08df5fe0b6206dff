"""Ingest: files, HTML pages, JSON Lines, feeds and standard input -> Article."""

from rasad.ingest.corpus import MAX_BYTES, read_corpus, read_file
from rasad.ingest.decode import DecodeError, decode_bytes

__all__ = ["MAX_BYTES", "DecodeError", "decode_bytes", "read_corpus", "read_file"]
