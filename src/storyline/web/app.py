"""The FastAPI application: routes, security headers, and one error shape.

Everything the server shows was written by strangers (scraped pages), so the
defences are layered: templates autoescape and never mark scraped text safe;
a strict Content-Security-Policy forbids inline scripts and styles (so even an
escaping bug could not run a script); the server binds to 127.0.0.1 unless told
otherwise and, when it does, refuses other Host headers (DNS rebinding); it is
read-only unless started with ``--allow-ingest`` and a token.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline import __version__
from storyline.web import api, pages
from storyline.web.state import MAX_BODY_BYTES, ApiError, Settings

log = logging.getLogger("storyline.web")
HERE = Path(__file__).parent

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",  # article URLs and search terms do not leak to outlets' sites
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          413: "too_large", 422: "invalid_request", 500: "internal_error", 503: "store_unavailable"}


def create_app(db_path: str, *, allow_ingest: bool = False, token: str | None = None,
               allowed_hosts: Iterable[str] | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The web application over the store at ``db_path``.

    ``allow_ingest`` with a ``token`` enables ``POST /api/articles``; ``allowed_hosts`` (host names,
    no ports) makes the server refuse requests for any other ``Host``.
    """
    app = FastAPI(title="storyline", version=__version__,
                  description="Stories, people and quotes from scraped news. Every API error is "
                              '`{"error": {"status": int, "code": str, "message": str}}`.',
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.settings = Settings(str(db_path), allow_ingest=allow_ingest, token=token or None,
                                  max_body_bytes=max_body_bytes,
                                  allowed_hosts=tuple(h.lower() for h in allowed_hosts) if allowed_hosts else None)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(Guard, allowed_hosts=app.state.settings.allowed_hosts)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: f"nothing at {request.url.path}", 405: f"{request.method} is not allowed here"}.get(
            exc.status_code, str(exc.detail))
        response = error_response(request, exc.status_code, _CODES.get(exc.status_code, "http_error"), message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid_request", api._validation_message(list(exc.errors())))

    return app


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_response(request: Request | None, status: int, code: str, message: str, *, path: str | None = None
                   ) -> Response:
    """The JSON error shape under /api/, an HTML page elsewhere."""
    path = path if path is not None else request.url.path if request else "/api"
    if is_api(path) or request is None:
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)
    return pages.error_page(request, status, code, message)


class Guard:
    """Outermost layer: Host check, security headers on every response, and a last-resort 500.

    A pure ASGI middleware rather than an exception handler so that even an unexpected
    error answers in the error shape *with* the security headers.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] | None = None) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for key, value in SECURITY_HEADERS.items():
                    headers[key] = value
            await send(message)

        if self.allowed_hosts:
            host = Headers(scope=scope).get("host", "").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed_hosts:
                response = error_response(None, 400, "bad_host", f"this server does not answer for host {host!r}")
                await response(scope, receive, send_with_headers)
                return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("error serving %s", scope.get("path"))
            if started:
                raise
            request = Request(scope)
            response = error_response(request, 500, "internal_error",
                                      "something went wrong on the server; the traceback is in its log")
            await response(scope, receive, send_with_headers)
