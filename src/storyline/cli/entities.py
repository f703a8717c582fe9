"""`storyline entities` and `storyline entity NAME`"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from storyline.cli._app import DbOption, app, console, fail, open_store, print_json_line
from storyline.export import entity_row
from storyline.quotes.marks import in_quotes

TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC")


@app.command("entities")
def entities_cli(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", "-t", help=f"Only one type: {', '.join(TYPES)}.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Entities to show.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List canonical people, organisations and places: aliases, roles, mentions, quotes."""
    if type_ and type_.upper() not in TYPES:
        fail(f"[E407] unknown entity type {type_!r}; use one of {', '.join(TYPES)}")
    with open_store(db) as store:
        rows = store.entities(type=type_, limit=limit)
    if as_json:
        for row in rows:
            print_json_line(entity_row(row))
        return
    if not rows:
        console.print("No entities: ingest articles first (`storyline ingest FOLDER`).", markup=False)
        return
    table = Table(box=box.SIMPLE_HEAD, caption="`storyline entity NAME` shows one with its quotes by date")
    for name, kw in (("name", {"no_wrap": True}), ("type", {"no_wrap": True}),
                     ("mentions", {"justify": "right", "no_wrap": True}),
                     ("quotes", {"justify": "right", "no_wrap": True}), ("aliases", {}), ("roles", {})):
        table.add_column(name, **kw)
    for r in rows:
        roles = "; ".join(dict.fromkeys(_role(x, dates=False) for x in r["roles"]))  # a title once
        table.add_row(escape(r["name"]), r["type"], str(r["mentions"]), str(r["quotes"]),
                      escape(", ".join(r["aliases"][:4]) + (" …" if len(r["aliases"]) > 4 else "")), escape(roles))
    console.print(table)


@app.command("entity")
def entity_cli(
    name: Annotated[str, typer.Argument(help="A name or spelling (case and diacritics ignored), part of one, "
                                             "or an entity id.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the profile as one JSON object.")] = False,
) -> None:
    """One entity's profile: aliases, roles with dates, and its quotes by date."""
    with open_store(db) as store:
        ids = store.find_entities(name)
        if not ids:
            fail(f"[E408] no entity named {name!r} in {store.path}; list them with "
                 f"`storyline entities --db {store.path}`")
        if len(ids) > 1:
            names = [p["name"] + f" ({i})" for i in ids[:5] if (p := store.entity_profile(i, quotes=0))]
            fail(f"[E409] {name!r} names {len(ids)} entities: {', '.join(names)}; give the full name or the id")
        profile = store.entity_profile(ids[0], quotes=None)
    if profile is None:  # deleted between the two reads
        fail(f"[E408] no entity named {name!r} in {store.path}")
    if as_json:
        data = entity_row(profile)
        data["articles"] = profile["articles"]
        data["quotes_by_date"] = [{k: q[k] for k in ("date", "said_on", "published", "text", "kind", "article_id",
                                                    "id")} for q in profile["quotes_list"]]
        print_json_line(data)
        return
    p = profile
    console.rule(escape(p["name"]))
    meta = {"id": p["id"], "type": p["type"], "nationality": p["nationality"] or "–", "country": p["country"],
            "aliases": ", ".join(p["aliases"]) or "–", "mentions": f"{p['mentions']} in {p['articles']} articles",
            "quotes": str(p["quotes"])}
    for key, value in meta.items():
        if value:
            console.print(f"[bold]{key:>11}[/bold]  {escape(value)}")
    if p["roles"]:
        console.rule("roles")
        for r in p["roles"]:
            console.print("  " + escape(_role(r, dates=True)))
    if p["quotes_list"]:
        console.rule("quotes by date")
        for q in p["quotes_list"]:
            date = q["date"] or "–"
            if not q["said_on"] and q["published_inferred"]:
                date += "?"
            text = q["text"] if len(q["text"]) <= 300 else q["text"][:299] + "…"
            console.print(f"[dim]{escape(date):<11} {q['article_id'][:10]}[/dim] {escape(in_quotes(text))}")


def _role(r: dict[str, Any], *, dates: bool) -> str:
    text = r["title"] + (f", {r['org']}" if r["org"] else "")
    if not dates:
        return text
    if r["source"] == "kb":
        return f"{text}: {r['start'] or '…'} to {r['end'] or 'now'} (knowledge file)"
    n = f"{r['articles']} article{'s' if r['articles'] != 1 else ''}"
    if r["start"] is None:
        return f"{text}: in {n} without a date"
    span = r["start"] if r["start"] == r["end"] else f"{r['start']} to {r['end']}"
    return f"{text}: attested {span} ({n})"

