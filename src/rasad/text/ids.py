"""Stable document ids: ``d:`` + 16 hex, from the file name when it carries one, else a hash."""

from __future__ import annotations

import hashlib
import re

_NAMED_ID_RE = re.compile(r"_([0-9a-f]{16})(?:\.[A-Za-z0-9]+)?$")


def doc_id(source: str, text: str) -> str:
    """``d:<16 hex>``: the hex suffix of a name like ``000_37357de8e9e1e908.txt``, else a hash.

    The hash covers the source name as well as the content, so two identical copies under different
    names still get distinct ids (``mark_duplicates`` links them); the same corpus gives the same ids.
    """
    match = _NAMED_ID_RE.search(source)
    if match:
        return "d:" + match.group(1)
    digest = hashlib.blake2b(digest_size=8)
    digest.update(source.encode("utf-8", "surrogatepass") + b"\x00")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return "d:" + digest.hexdigest()
