"""The command line: help texts, a run's outputs and summary, bad input, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasad.cli import build_parser, main
from rasad.report.outputs import OUTPUT_FILES


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    for command in ("run", "eval", "entity"):
        assert command in text


@pytest.mark.parametrize("command", ["run", "eval", "entity"])
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert "usage: rasad " + command in text
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices[command].description, f"{command} has no description"


def test_run_writes_every_output(seed_run: Path) -> None:
    for name in OUTPUT_FILES:
        assert (seed_run / name).stat().st_size > 0, name
    export = json.loads((seed_run / "rasad.json").read_text(encoding="utf-8"))
    assert export["rasad_export"] == 1
    for key in ("documents", "entities", "times", "events", "status_board", "disagreements", "clusters", "errors"):
        assert key in export


def test_run_is_deterministic(seed_run: Path, seeds_dir: Path, tmp_path: Path) -> None:
    assert main(["run", str(seeds_dir), "--out", str(tmp_path), "--quiet"]) == 0
    assert (tmp_path / "rasad.json").read_text(encoding="utf-8") == (seed_run / "rasad.json").read_text(encoding="utf-8")


def test_run_summary_and_bad_input(tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    good = sorted(seeds_dir.glob("*.txt"))[0]
    (corpus / good.name).write_bytes(good.read_bytes())
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "1 report(s) read" in summary and "2 skipped" in summary
    assert "empty.txt" in summary and "binary.txt" in summary
    export = json.loads((out / "rasad.json").read_text(encoding="utf-8"))
    assert sorted(e["file"] for e in export["errors"]) == ["binary.txt", "empty.txt"]
    assert len(export["documents"]) == 1


def test_run_on_nothing_readable_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["run", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]) == 1
    assert "empty.txt" in capsys.readouterr().out
