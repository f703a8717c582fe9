"""`storyline serve`"""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from storyline.cli._app import DbOption, app, console, fail
from storyline.config import db_path


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return host == "localhost"


@app.command("serve")
def serve_cli(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Interface to bind; the default keeps it on this machine.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option(
        "--allow-ingest", help="Enable POST /api/articles, protected by the token in $STORYLINE_TOKEN.")] = False,
) -> None:
    """Serve the web pages and the JSON API over the store (read-only unless --allow-ingest)."""
    import uvicorn  # the web stack loads only for this command

    from storyline.web import create_app

    token = os.environ.get("STORYLINE_TOKEN") or None
    if allow_ingest and not token:
        fail("--allow-ingest needs a token: set STORYLINE_TOKEN to a long random string (clients send it as "
             "`Authorization: Bearer ...`)")
    path = db_path(db)
    # on loopback, answer only for loopback names: a web page cannot reach the API through DNS rebinding
    hosts = ("127.0.0.1", "localhost", "[::1]", "::1") if _loopback(host) else None
    application = create_app(path, allow_ingest=allow_ingest, token=token, allowed_hosts=hosts)
    shown = f"[{host}]" if ":" in host else host
    console.print(f"storyline: serving {path} on http://{shown}:{port}/ "
                  f"({'ingest enabled, token required' if allow_ingest else 'read-only'}); Ctrl-C stops", markup=False)
    if not os.path.exists(path):
        console.print(f"storyline: {path} does not exist yet; fill it with `storyline ingest FOLDER --db {path}`",
                      markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning", server_header=False)
