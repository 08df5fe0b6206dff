"""Stable document ids: ``d:`` + 16 hex, from the file name when it carries one, else the content."""

from __future__ import annotations

import hashlib
import re

_NAMED_ID_RE = re.compile(r"_([0-9a-f]{16})(?:\.[A-Za-z0-9]+)?$")


def doc_id(source: str, text: str) -> str:
    """``d:<16 hex>``: the hex suffix of a name like ``000_37357de8e9e1e908.txt``, else a content hash."""
    match = _NAMED_ID_RE.search(source)
    if match:
        return "d:" + match.group(1)
    return "d:" + hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def unique_ids(ids: list[str], sources: list[str]) -> list[str]:
    """Make ids unique: a repeat gets a hash of its source name mixed in, deterministically."""
    seen: set[str] = set()
    out = []
    for id_, source in zip(ids, sources):
        candidate = id_
        salt = 0
        while candidate in seen:
            salt += 1
            digest = hashlib.blake2b(f"{id_}|{source}|{salt}".encode(), digest_size=8).hexdigest()
            candidate = "d:" + digest
        seen.add(candidate)
        out.append(candidate)
    return out
