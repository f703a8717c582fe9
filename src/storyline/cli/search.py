"""`storyline search TEXT`"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli._app import DbOption, app, console, open_store


@app.command("search")
def search_cli(
    query: Annotated[str, typer.Argument(help='Words or FTS5 syntax: "exact phrase", OR, NOT, prefix*.')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Results to show.")] = 20,
) -> None:
    """Full-text search over article titles and clean texts, with snippets."""
    with open_store(db) as store:
        rows = store.search(query, limit=limit)
    if not rows:
        console.print(f"No article matches {query!r}.", markup=False)
        return
    for r in rows:
        head = f"[bold]{r['id']}[/bold] {escape(r['published'] or '–')} {escape(r['outlet'] or '')}"
        console.print(f"{head}  {escape(r['title'] or '')}")
        snippet = escape(r["snippet"].replace("\n", " ")).replace("\x02", "[bold yellow]").replace("\x03", "[/]")
        console.print(f"    {snippet}")
