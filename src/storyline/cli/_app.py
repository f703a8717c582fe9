"""The Typer application and what every command shares."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from storyline import __version__
from storyline.config import db_path
from storyline.errors import StorylineError
from storyline.store import Store

app = typer.Typer(
    name="storyline",
    help="Turn piles of scraped news articles into knowledge you can query.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
console = Console(highlight=False, soft_wrap=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="STORYLINE_DB", show_default="storyline.db",
                 help="SQLite store to use ($STORYLINE_DB, default ./storyline.db)."),
]


def print_json_line(obj: Any) -> None:
    """One JSON object on one line of stdout (``--json`` output: JSON lines, non-ASCII kept as is)."""
    console.out(json.dumps(obj, ensure_ascii=False), highlight=False)


def shorten(text: str, n: int) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def said_words(text: str, kind: str | None, n: int) -> str:
    """The words of a statement, cut to ``n`` characters: between quotation marks when they are all
    the speaker's (a direct or headline quotation without marks of its own), else as reported (a
    partial quotation marks the speaker's words itself, a paraphrase has none)."""
    from storyline.quotes.marks import in_quotes
    from storyline.stories.quotes import QUOTE_MARK

    text = shorten(text, n)
    return in_quotes(text) if kind in ("direct", "headline") and not QUOTE_MARK.search(text) else text


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit non-zero."""
    err_console.print(f"storyline: {message}", markup=False)
    raise typer.Exit(code)


def check_date_option(name: str, value: str | None) -> None:
    """``--since 2023-06-29`` (or ``2023-06``, ``2023``), else one line and exit 1."""
    if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        fail(f"[E406] {name} wants a date like 2023-06-29, not {value!r}")


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Library errors become one line on stderr and exit status 1."""
    try:
        yield
    except StorylineError as exc:
        fail(str(exc))
    except BrokenPipeError:  # `storyline ... | head`
        sys.stderr.close()
        raise typer.Exit(0) from None


@contextmanager
def open_store(db: str | None, *, readonly: bool = True) -> Iterator[Store]:
    with errors_to_exit():
        store = Store(db_path(db), readonly=readonly)
    try:
        with errors_to_exit():
            yield store
    finally:
        store.close()


def version_callback(value: bool) -> None:
    if value:
        console.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=version_callback, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """storyline: clean articles, entities, quotations, stories, timelines."""
