"""`storyline time FILE`: tag and normalise the time expressions of a text, for evaluation and debugging."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Annotated

import typer

from storyline.cli._app import app, errors_to_exit, print_json_line
from storyline.errors import InputError, UsageError
from storyline.entities import load_kb
from storyline.timex import AnchorEvent, parse_anchor, tag


def read_exact(path: str) -> str:
    """The file's text as UTF-8, exactly as given (no newline translation), or stdin for ``-``."""
    try:
        if path == "-":
            return sys.stdin.buffer.read().decode("utf-8")
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", code="E110") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); convert it first",
                         code="E111") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})", code="E110") from None


def _anchor(value: str | None, where: str) -> dt.date | None:
    try:
        return parse_anchor(value)
    except ValueError:
        raise UsageError(f"{where}: {value!r} is not a date; use YYYY-MM-DD", code="E410") from None


def tag_jsonl(text: str, path: str, default_date: str | None,
              events: Sequence[AnchorEvent] = ()) -> Iterator[dict]:
    """``{id, timexes}`` for each ``{id, text, date}`` line of a JSONL text."""
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}: not JSON ({exc.msg})", code="E112") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f"{path}:{n}: expected an object with a \"text\" string", code="E112")
        anchor = _anchor(row.get("date") or default_date, f"{path}:{n}: date")
        yield {"id": row.get("id", n), "timexes": [asdict(t) for t in tag(row["text"], anchor, events)]}


@app.command("time")
def time_cli(
    file: Annotated[str, typer.Argument(metavar="FILE", help="UTF-8 text file (or - for stdin); offsets are "
                                                             "into its text exactly as given.")],
    date: Annotated[str | None, typer.Option("--date", metavar="YYYY-MM-DD",
                                             help="The article's date: relative expressions count from it. "
                                                  "Without it they stay underspecified.")]
    = None,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="FILE holds JSON lines {id, text, date}; print "
                                                        "{id, timexes} per line (--date is the default date).")]
    = False,
    kb: Annotated[str | None, typer.Option("--kb", metavar="FILE", help="Knowledge file (YAML) whose events "
                                                                        "date phrases like 'a month after the "
                                                                        "invasion'.")] = None,
) -> None:
    """Tag time expressions (TIMEX3: DATE, TIME, DURATION, SET) and print one JSON line each."""
    with errors_to_exit():
        anchor = _anchor(date, "--date")
        events = load_kb(kb).events if kb else ()
        text = read_exact(file)
        if jsonl:
            for row in tag_jsonl(text, file, date, events):
                print_json_line(row)
            return
        for t in tag(text, anchor, events):
            print_json_line(asdict(t))
