"""`storyline stories` and `storyline timeline`"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.markup import escape

from storyline.cli._app import DbOption, app, console, fail, open_store


@app.command("stories")
def stories_cli(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Stories to show, latest first.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stories: the articles that report the same event, with dates and outlets."""
    with open_store(db) as store:
        rows = store.stories(limit=limit)
    if as_json:
        for r in rows:
            console.out(json.dumps(r, ensure_ascii=False), highlight=False)
        return
    if not rows:
        console.print("No stories: ingest articles first (`storyline ingest FOLDER`).", markup=False)
        return
    for r in rows:
        dates = r["start"] or "–"
        if r["end"] and r["end"] != r["start"]:
            dates += f" to {r['end']}"
        n = r["articles"]
        console.print(f"[bold]{escape(r['id'])}[/bold]  {escape(dates)}  {n} article{'s' if n != 1 else ''}"
                      f"  {escape(', '.join(r['outlets']) or '–')}")
        console.print(f"    {escape(_short(r['title'] or '', 160))}")


@app.command("timeline")
def timeline_cli(
    db: DbOption = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (an id from `storyline stories`).")]
    = None,
    person: Annotated[str | None, typer.Option("--person", help="Only events this person (a name, part of one, or "
                                                                "an entity id) takes part in.")] = None,
    about: Annotated[str | None, typer.Option("--about", help="Only articles whose title, summary or text hold all "
                                                              "these words.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event and line.")] = False,
) -> None:
    """Events in date order: date, place, participants, kind, summary, key quotes, outlets."""
    from storyline.stories import Occurrence, aggregate, timeline

    with open_store(db) as store:
        records = store.story_records([story] if story else None)
        if story and not records:
            fail(f"[E410] no story {story!r} in {store.path}; list them with `storyline stories --db {store.path}`")
        texts = None
        if about:
            ids = [r.article_id for r in records]
            texts = {}
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))
                texts.update(store.db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk).fetchall())
        events = timeline(records, story=story, person=person, about=about, texts=texts)
        by_id = {r.article_id: r for r in records}
        occurrences = [Occurrence.from_quote(q, published=by_id[a].published, outlet=by_id[a].outlet)
                       for e in events for a in e.article_ids for q in store.quotes(article_id=a, limit=None)]
    if occurrences:
        events = timeline(records, aggregate(occurrences), story=story, person=person, about=about, texts=texts)
    if as_json:
        for e in events:
            row: dict[str, Any] = e.row()
            row["outlets"] = e.outlets
            row["quotes"] = [{"text": g.text, "speaker": g.speaker, "outlets": g.outlets, "articles": g.articles}
                             for g in e.quotes]
            console.out(json.dumps(row, ensure_ascii=False), highlight=False)
        return
    if not events:
        console.print("No events: ingest articles first, or try another filter.", markup=False)
        return
    for e in events:
        head = " · ".join(x for x in (e.date or "undated", e.place, e.kind) if x)
        console.print(f"[bold]{escape(head)}[/bold]  [dim]{escape(e.story_id)}[/dim]")
        console.print(f"    {escape(_short(e.summary, 200))}")
        if e.participants:
            console.print(f"    [dim]who:[/dim] {escape(', '.join(e.participants))}")
        for g in e.quotes:
            who = f" — {g.speaker}" if g.speaker else ""
            console.print(f"    “{escape(_short(g.text, 160))}”{escape(who)}")
        console.print(f"    [dim]outlets:[/dim] {escape(', '.join(e.outlets) or '–')}")


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
