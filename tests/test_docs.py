"""Docs are tested: every command and option is documented, and so is every input field."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer

from storyline.cli import app
from storyline.ingest import recognised_fields

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_documented(name: str) -> None:
    assert f"storyline {name}" in DOCS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help(name: str) -> None:
    assert (COMMANDS[name].help or "").strip()


@pytest.mark.parametrize(
    ("command", "option"),
    [(name, opt) for name, cmd in sorted(COMMANDS.items()) for p in cmd.params if p.param_type_name == "option"
     for opt in p.opts if opt.startswith("--") and opt != "--help"],
)
def test_option_is_documented(command: str, option: str) -> None:
    assert option in DOCS, f"`storyline {command} {option}` is not in README.md or docs/"


@pytest.mark.parametrize("field", sorted({f for names in recognised_fields().values() for f in names}))
def test_input_field_is_documented(field: str) -> None:
    assert f"`{field}`" in (ROOT / "docs" / "input.md").read_text(encoding="utf-8")


def test_readme_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines()[1:] if line.strip() and not line.lstrip().startswith("#")]
    assert len(commands) == 2
    test_command = next(c for c in commands if "test" in c).split("#")[0].strip()
    assert test_command.split()[0:2] == ["./dev", "test"]
    assert "./dev test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
