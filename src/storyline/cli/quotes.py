"""`storyline quotes`"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli._app import (DbOption, app, check_date_option, console, fail, open_store, print_json_line,
                                said_words)

KINDS = ("direct", "partial", "headline", "indirect")


@app.command("quotes")
def quotes_cli(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Part of the speaker's name or mention "
                                                                          "(case-insensitive).")] = None,
    about: Annotated[str | None, typer.Option("--about", "-a", help="Words in the quote (FTS5 syntax).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help=f"One of: {', '.join(KINDS)}.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only quotes dated (or published) on or after "
                                                               "YYYY-MM-DD.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Quotes (statements, with --grouped) to show."
                                       )] = 50,
    grouped: Annotated[bool, typer.Option("--grouped", "-g", help="One line per statement: the quotes of one "
                                          "speaker in mostly the same words (parts, translation variants), with "
                                          "its first and latest report and the outlets that carried it, most "
                                          "carried first.")] = False,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="With --grouped: only statements "
                                              "reported by at least this many articles.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List quotations: who said what, with the sentence around each."""
    if kind and kind not in KINDS:
        fail(f"[E405] unknown quote kind {kind!r}; use one of {', '.join(KINDS)}")
    check_date_option("--since", since)
    if grouped:
        _grouped(db, speaker=speaker, about=about, kind=kind, since=since, min_articles=min_articles, limit=limit,
                 as_json=as_json)
        return
    with open_store(db) as store:
        quotes = store.quotes(speaker=speaker, about=about, kind=kind, since=since, limit=limit)
        texts = {q.article_id: store.get_article(q.article_id) for q in quotes}
    if as_json:
        for q in quotes:
            row = asdict(q)
            row["id"] = q.id
            row["published"] = texts[q.article_id].published
            print_json_line(row)
        return
    if not quotes:
        console.print("No quotation matches.", markup=False)
        return
    for q in quotes:
        article = texts[q.article_id]
        who = q.speaker or "(speaker unknown)"
        said = f" — as “{q.speaker_mention}”" if q.speaker_mention and q.speaker_mention != q.speaker else ""
        console.print(f"[bold]{escape(who)}[/bold]{escape(said)} [dim]{escape(q.cue or '')} · {q.kind} · "
                      f"{q.confidence:.2f} · {escape(article.published or '–')} · {q.article_id}[/dim]")
        console.print("    " + _context(article.text, q.start, q.end, q.speaker_start, q.speaker_end))


def _grouped(db: str | None, *, speaker: str | None, about: str | None, kind: str | None, since: str | None,
             min_articles: int, limit: int, as_json: bool) -> None:
    """``storyline quotes --grouped``: statements, each with its reports."""
    from storyline.stories.query import statement_row, statements

    with open_store(db) as store:
        groups = statements(store, speaker=speaker, about=about, kind=kind, since=since,
                            min_articles=min_articles, limit=limit)
    if as_json:
        for g in groups:
            print_json_line(statement_row(g))
        return
    if not groups:
        console.print("No statement matches.", markup=False)
        return
    for g in groups:
        row = statement_row(g)
        who = row["speaker"] or "(speaker unknown)"
        said = f" — as “{row['speaker_mention']}”" if row["speaker_mention"] else ""
        n, a, o = row["reports"], len(row["articles"]), len(row["outlets"])
        counts = (f"{n} report{'s' if n != 1 else ''} in {a} article{'s' if a != 1 else ''}"
                  + (f", {o} outlet{'s' if o != 1 else ''}" if o else ""))
        console.print(f"[bold]{escape(who)}[/bold]{escape(said)} [dim]{row['kind'] or '–'} · {counts}[/dim]")
        console.print(f"    {escape(said_words(row['text'], row['kind'], 300))}")
        first, latest = row["first"], row["latest"]
        said = f"    [dim]first:[/dim] {escape(_report(first))}"
        if (latest["date"], latest["article_id"]) != (first["date"], first["article_id"]):
            said += f"  [dim]latest:[/dim] {escape(_report(latest))}"
        console.print(said)
        for w in row["wordings"][:3]:
            console.print(f"    [dim]also ({w['kind']}):[/dim] {escape(said_words(w['text'], w['kind'], 160))}")


def _report(r: dict) -> str:
    """``2023-06-27 · Outlet · article id``."""
    return " · ".join(x for x in (r["date"] or "undated", r["outlet"], r["article_id"]) if x)


def _context(text: str, start: int, end: int, s_start: int | None, s_end: int | None) -> str:
    """The sentence(s) around the quote, the quote highlighted, at most ~400 characters."""
    lo = max(text.rfind("\n", 0, start) + 1, start - 200)
    hi = text.find("\n", end)
    hi = min(len(text) if hi == -1 else hi, end + 200)
    for at in (s_start, s_end):
        if at is not None and lo - 100 <= at <= hi + 100:
            lo, hi = min(lo, at), max(hi, at)
    return (escape(text[lo:start]) + "[yellow]" + escape(text[start:end]) + "[/yellow]"
            + escape(text[end:hi])).replace("\n", " ")
