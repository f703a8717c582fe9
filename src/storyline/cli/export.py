"""`storyline export --out DIR`"""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli._app import DbOption, app, console, open_store
from storyline.export import FORMATS, export


@app.command("export")
def export_cli(
    out: Annotated[str, typer.Option("--out", "-o", help="Folder to write into (created if missing).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(FORMATS)}.")] = "jsonl",
    db: DbOption = None,
) -> None:
    """Write every table (articles, mentions, quotes, entities, timexes, stories, events, statements) as
    JSONL, CSV or Parquet files."""
    with open_store(db) as store:
        written = export(store, out, fmt=fmt)
    for table, (path, rows) in written.items():
        console.print(f"{table:<11} {rows:>7} rows  {path}", markup=False)
