"""Ingest: files, HTML pages, JSON Lines, feeds and standard input -> Article."""
