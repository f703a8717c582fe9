"""`storyline stories` and `storyline timeline`"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from storyline.cli._app import (DbOption, app, check_date_option, console, open_store, print_json_line, said_words,
                                shorten)
from storyline.quotes.marks import in_quotes

if TYPE_CHECKING:
    from storyline.stories.quotes import QuoteGroup
    from storyline.stories.timeline import TimelineEvent


@app.command("stories")
def stories_cli(
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Stories to show, latest first.")] = 50,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Only stories of at least this many "
                                              "articles (copies count): 2 hides the one-headline ones.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List stories: the articles that report the same event, with dates and outlets."""
    with open_store(db) as store:
        rows = store.stories(limit=limit, min_articles=min_articles)
    if as_json:
        for r in rows:
            print_json_line(r)
        return
    if not rows:
        console.print("No stories: ingest articles first (`storyline ingest FOLDER`).", markup=False)
        return
    for r in rows:
        dates = r["start"] or (f"undated (~{r['estimate']})" if r.get("estimate") else "–")
        if r["end"] and r["end"] != r["start"]:
            dates += f" to {r['end']}"
        n = r["articles"]
        console.print(f"[bold]{escape(r['id'])}[/bold]  {escape(dates)}  {n} article{'s' if n != 1 else ''}"
                      f"  {escape(', '.join(r['outlets']) or '–')}")
        console.print(f"    {escape(shorten(r['title'] or '', 160))}")
        for h in r.get("history", []):
            console.print(f"    [dim]{escape(history_line(h))}[/dim]")


def history_line(h: dict) -> str:
    """One split or merge of a story, in words: ``split from s3: two events: …``."""
    n = h["articles"]
    moved = f"{n} article{'s' if n != 1 else ''}"
    if h["change"] == "split":
        return f"split: {h['other']} left ({moved}): {h['reason']}"
    if h["change"] == "split from":
        return f"split from {h['other']} ({moved}): {h['reason']}"
    return f"merged: {h['other']} folded in ({moved}): {h['reason']}"


@app.command("timeline")
def timeline_cli(
    db: DbOption = None,
    story: Annotated[str | None, typer.Option("--story", help="Only this story (an id from `storyline stories`).")]
    = None,
    person: Annotated[str | None, typer.Option("--person", help="Only events this person (a name, part of one, or "
                                                                "an entity id) takes part in or is quoted in.")]
    = None,
    about: Annotated[str | None, typer.Option("--about", help="Only articles whose title, summary or text hold all "
                                                              "these words.")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD",
                                              help="Only events on or after this day (undated events left out).")]
    = None,
    until: Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD",
                                              help="Only events on or before this day (undated events left out).")]
    = None,
    top: Annotated[int | None, typer.Option("--top", min=1, metavar="K",
                                            help="Only the events of the K days that matter most: those most "
                                                 "reports are about or refer back to (undated events left out).")]
    = None,
    evidence: Annotated[bool, typer.Option("--evidence", help="Under each event, the words each of its facts "
                                                              "was read from: article id and offsets.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per event and line (with its evidence).")]
    = False,
) -> None:
    """Events in date order: date, place, participants, kind, summary, key quotes, outlets."""
    from storyline.stories.query import build_timeline, timeline_row
    from storyline.stories.timeline import when

    check_date_option("--since", since)
    check_date_option("--until", until)
    with open_store(db) as store:
        events = build_timeline(store, story=story, person=person, about=about, since=since, until=until, top=top)
        unknown = bool(person and not events and not store.find_entities(person))
    if as_json:
        for e in events:
            print_json_line(timeline_row(e))
        return
    if not events:
        console.print(f"No events: nobody in the store is called {person!r}; list people with "
                      f"`storyline entities --type PERSON`." if unknown
                      else "No events: ingest articles first, or try another filter.", markup=False)
        return
    for e in events:
        head = " · ".join(x for x in (when(e.date, e.date_hint), e.place, e.kind, _recalled(e)) if x)
        console.print(f"[bold]{escape(head)}[/bold]  [dim]{escape(e.story_id)}[/dim]")
        console.print(f"    {escape(shorten(e.summary, 200))}")
        if e.participants:
            console.print(f"    [dim]who:[/dim] {escape(', '.join(e.participants))}")
        if e.named:
            console.print(f"    [dim]also named:[/dim] {escape(', '.join(e.named))}")
        for g in e.quotes:
            who = f" — {g.speaker}" if g.speaker else f" — “{g.speaker_mention}”" if g.speaker_mention else ""
            console.print(f"    {escape(said_words(g.text, g.kind, 160))}{escape(who)}{escape(_carried(g))}")
        console.print(f"    [dim]outlets:[/dim] {escape(', '.join(e.outlets) or '–')}")
        if evidence:
            for v in e.evidence:
                said = ("the sentence" if v.field == "summary"
                        else f"{shorten(v.value, 60)} ← {in_quotes(shorten(v.text, 80))}")
                console.print(f"    [dim]{escape(v.field)}:[/dim] {escape(said)} [dim]in {escape(v.article_id[:10])} "
                              f"{v.start}–{v.end}[/dim]")


def _recalled(e: TimelineEvent) -> str | None:
    """"recalled by 3 reports" for a day only later reports tell (:attr:`TimelineEvent.recalled`)."""
    n = len(e.article_ids)
    return f"recalled by {n} report{'' if n == 1 else 's'}" if e.recalled else None


def _carried(g: QuoteGroup) -> str:
    """`` · 3 outlets, first 2023-06-27 (Outlet), latest 2023-06-29`` for a statement more than one
    article reports; nothing for one report."""
    if len(g.articles) < 2:
        return ""
    n = len(g.outlets)
    first, latest = g.first, g.latest
    out = f" · {n} outlets" if n > 1 else f" · {len(g.articles)} articles"
    out += f", first {first.date or 'undated'}" + (f" ({first.outlet})" if first.outlet else "")
    if latest.date and latest.date != first.date:
        out += f", latest {latest.date}" + (f" ({latest.outlet})" if latest.outlet else "")
    return out
