"""Where rasad finds its bundled data and the shared seed corpus and gold."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def shared_dir() -> Path:
    """The shared folder beside the repository (seed corpus, gold, scorer); RASAD_SHARED overrides."""
    env = os.environ.get("RASAD_SHARED")
    if env:
        return Path(env)
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        candidate = (base / ".." / "shared").resolve()
        if candidate.is_dir():
            return candidate
    return (Path.cwd() / ".." / "shared").resolve()
