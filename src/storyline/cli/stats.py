"""`storyline stats`"""

from __future__ import annotations

from storyline.cli._app import DbOption, app, console, open_store


@app.command("stats")
def stats_cli(db: DbOption = None) -> None:
    """Counts of what the store holds: articles, words, outlets, removed lines, mentions."""
    with open_store(db) as store:
        stats = store.stats()
    for key, value in stats.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k or '?'} {v}" for k, v in value.items()) or "–"
        else:
            shown = "–" if value is None else str(value)
        console.print(f"{key:>18}  {shown}", markup=False)
