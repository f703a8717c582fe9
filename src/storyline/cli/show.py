"""`storyline show ARTICLE_ID`"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli._app import DbOption, app, console, open_store


@app.command("show")
def show_cli(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix of 4+ characters).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the article as one JSON object.")] = False,
) -> None:
    """Show an article: clean text, metadata, and what was removed and why."""
    with open_store(db) as store:
        article = store.get_article(article_id)
        mentions = store.mentions(article.id)
    if as_json:
        data = asdict(article)
        data.pop("raw_text")
        data.pop("offsets")
        data["mentions"] = [dict(m) for m in mentions]
        console.print_json(json.dumps(data, ensure_ascii=False))
        return
    console.rule(escape(article.title or "(no headline)"))
    published = article.published or (f"about {article.published_estimate} (estimated from the text, confidence "
                                       f"{article.published_confidence:.1f})" if article.published_estimate
                                       else "unknown")
    if article.published_inferred:
        published += " (inferred)"
    meta = {
        "id": article.id, "source": article.source, "published": published, "outlet": article.outlet or "–",
        "credits": ", ".join(article.credits) or "–", "language": article.language or "–",
        "words": str(article.words), "url": article.url or "–",
    }
    for key, value in meta.items():
        console.print(f"[bold]{key:>10}[/bold]  {escape(value)}")
    console.print()
    console.print(escape(article.text))
    console.print()
    if article.captions:
        console.rule("photo captions (not part of the text)")
        for c in article.captions:
            who = f" — photo: {', '.join(c.photographers)}" if c.photographers else ""
            console.print(f"• {escape(c.text)} [dim]({escape(c.credit)}){escape(who)}[/dim]")
    console.rule(f"removed lines ({len(article.removed)})")
    for r in article.removed:
        console.print(f"[dim]{r.line_no + 1:>4}[/dim] [yellow]{escape(r.reason):<22}[/yellow] {escape(r.line[:110])}")
    labels: dict[str, int] = {}
    for m in mentions:
        labels[m["label"]] = labels.get(m["label"], 0) + 1
    if labels:
        console.rule("entity mentions")
        console.print(", ".join(f"{k} {v}" for k, v in sorted(labels.items(), key=lambda kv: -kv[1])))
