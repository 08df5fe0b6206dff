"""Every data file is named in a SOURCES note (source and licence), and no code lives in data/."""

from __future__ import annotations

from pathlib import Path

from rasad.paths import DATA_DIR

NOTES = sorted(DATA_DIR.rglob("SOURCES*.md"))


def _notes_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in NOTES)


def _data_files() -> list[Path]:
    return sorted(p for p in DATA_DIR.rglob("*") if p.is_file() and not p.name.startswith("SOURCES")
                  and "__pycache__" not in p.parts)


def test_every_data_file_has_a_source_note() -> None:
    text = _notes_text()
    missing = [str(p.relative_to(DATA_DIR)) for p in _data_files() if p.name not in text]
    assert not missing, f"data files named in no SOURCES note: {missing}"


def test_no_code_in_data_folder() -> None:
    assert not [p for p in _data_files() if p.suffix in (".py", ".pyc", ".js", ".sh")]


def test_every_note_is_reachable_from_the_index() -> None:
    index = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for note in NOTES:
        if note.parent == DATA_DIR:
            continue
        assert str(note.relative_to(DATA_DIR)) in index, note
