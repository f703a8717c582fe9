"""Command-line interface: each command parses its arguments and calls the library."""

from storyline.cli import articles, entities, eval, export, ingest, quotes, search, serve, show, stats, stories, time  # noqa: F401 - registers commands
from storyline.cli._app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
