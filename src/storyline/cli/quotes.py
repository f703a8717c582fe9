"""`storyline quotes`"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli._app import DbOption, app, check_date_option, console, fail, open_store, print_json_line

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
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Quotes to show.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List quotations: who said what, with the sentence around each."""
    if kind and kind not in KINDS:
        fail(f"[E405] unknown quote kind {kind!r}; use one of {', '.join(KINDS)}")
    check_date_option("--since", since)
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
