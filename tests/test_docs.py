"""The documentation keeps up with the code: commands, scripts and the CI entry point."""

from __future__ import annotations

import re
from pathlib import Path

from rasad.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    commands = re.findall(r"```sh\n(scripts/\S+)\n```", README)
    assert len(commands) == 2, "the README gives exactly two set-up commands"
    assert "scripts/test.sh" in commands
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert (ROOT / command).is_file(), command


def test_every_cli_command_is_in_the_readme() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"rasad {name}" in README, f"README does not show `rasad {name}`"


def test_every_script_is_named_in_the_readme_or_architecture() -> None:
    docs = README + (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for script in sorted((ROOT / "scripts").glob("*.py")):
        assert script.name in docs, f"scripts/{script.name} is documented nowhere"
