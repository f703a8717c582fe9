"""Command-line interface: each command parses its arguments and calls the library."""

from storyline.cli import articles, export, ingest, search, show, stats  # noqa: F401 - registers commands
from storyline.cli._app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
