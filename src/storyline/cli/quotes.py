"""`storyline quotes`"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli._app import DbOption, app, check_date_option, console, fail, open_store, print_json_line, said_words
from storyline.excerpt import excerpt, sentence_around
from storyline.records import Quote

KINDS = ("direct", "partial", "headline", "indirect")
SPEAKER_REACH = 200  #: a speaker mention this close to the quote is shown with it


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
        sentences = {a: store.sentences(a) for a in texts} if not as_json else {}
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
        console.print("    " + _context(article.text, q, sentences[q.article_id]))


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


def _context(text: str, q: Quote, sentences: list[tuple[int, int]]) -> str:
    """The sentence(s) around the quote and its speaker, the quoted pieces highlighted."""
    lo, hi = q.start, q.end
    if q.speaker_start is not None and q.speaker_end is not None \
            and q.start - SPEAKER_REACH <= q.speaker_start and q.speaker_end <= q.end + SPEAKER_REACH:
        lo, hi = min(lo, q.speaker_start), max(hi, q.speaker_end)
    cut = excerpt(text, lo, hi, sentence=sentence_around(sentences, lo, hi), pieces=q.pieces or [(q.start, q.end)])
    out, at = [], 0
    for s, e in cut.pieces:
        out += [escape(cut.text[at:s]), "[yellow]", escape(cut.text[s:e]), "[/yellow]"]
        at = e
    return ("".join(out) + escape(cut.text[at:])).replace("\n", " ")
