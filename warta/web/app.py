"""The FastAPI application: REST API under ``/api``, pages everywhere else.

``create_app(db)`` is the whole public surface. Every request opens its own
read-only connection (readers never share the writer's); the only POST,
``/api/extract``, runs the pipeline and stores nothing.

FastAPI's own ``/docs`` loads Swagger UI from a CDN, so it is switched off;
``/docs`` here is a page rendered on the server from the same OpenAPI
document (``/openapi.json``), with no outside assets.

Every error under ``/api`` has one JSON body shape, :class:`warta.web.api.ErrorBody`
(``detail``, ``code``, ``status``, ``errors``); elsewhere it is an HTML page.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.templating import Jinja2Templates

from .. import __version__
from ..config import settings
from ..errors import WartaError
from ..store import connect, queries
from ..store.fts import FtsQueryError
from ..store.queries import QueryError
from .charts import color_for
from .highlight import entity_href, fmt_number

HERE = Path(__file__).parent
# Content Security Policy: scripts, styles and images only from warta itself.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is http(s), else None (a ``javascript:`` link in a feed is not followed)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def snippet_html(snippet: Optional[str]) -> Markup:
    """A search snippet, escaped, with the matched terms in ``<mark>``."""
    text = str(escape(snippet or ""))
    return Markup(text.replace(queries.MARK_OPEN, "<mark>").replace(queries.MARK_CLOSE, "</mark>"))


_QUOTE_MARKS = "\"'“”‘’«»„"


def unquote(text: Optional[str]) -> str:
    """A quotation without its own quote marks and trailing comma (the page adds marks)."""
    return (text or "").strip().strip(_QUOTE_MARKS).rstrip(",").strip(_QUOTE_MARKS).strip()


def _templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html", "svg"], default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(safe_url=safe_url, unquote=unquote, num=fmt_number, snippet=snippet_html, color=color_for, entity_href=entity_href)
    env.globals.update(version=__version__)
    return Jinja2Templates(env=env)


def error_body(status: int, detail: str, code: Optional[str] = None, errors: Optional[list] = None) -> dict:
    """The JSON of an API error (the shape of :class:`warta.web.api.ErrorBody`)."""
    return {"detail": detail, "code": code or f"HTTP{status}", "status": status, "errors": errors or []}


def _validation_summary(errors: list) -> str:
    parts = []
    for e in errors:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return "; ".join(parts) or "the request is not valid"


def _plain_errors(errors) -> list[dict]:
    # pydantic's own error dicts may hold exceptions (ctx) that are not JSON
    return [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in errors]


def _preload(app: FastAPI) -> None:
    """Load the pipeline in the background at start, so the first POST /api/extract does not wait for it."""
    from . import api

    def load():
        try:
            with api._EXTRACT_LOCK:  # an extract that arrives meanwhile waits for the load, not beside it
                from ..pipeline import load as load_pipeline

                load_pipeline()
        finally:
            app.state.model_ready.set()

    threading.Thread(target=load, name="warta-model-load", daemon=True).start()


def create_app(db: Union[str, Path], *, max_body_bytes: Optional[int] = None, preload_model: bool = False) -> FastAPI:
    """The warta web app over the archive at ``db``.

    Args:
        db: SQLite archive; created (empty, migrated) when missing.
        max_body_bytes: largest accepted request body (default: the article
            size limit plus 64 KiB for the JSON around it); larger bodies
            get HTTP 413.
        preload_model: load the extraction pipeline in a background thread
            when the server starts (``warta serve`` does), so the first
            ``POST /api/extract`` is fast; ``app.state.model_ready`` is set
            once it is loaded.
    """
    from . import api, pages, stories

    db = Path(db)
    connect(db).close()  # create and migrate once, as the writer would

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if preload_model:
            _preload(app)
        yield

    app = FastAPI(
        title="warta",
        version=__version__,
        description="Structured facts from Indonesian news: search the archive, read Records, extract new text. "
                    "Every error has the JSON body {detail, code, status, errors}.",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan,
    )
    app.state.model_ready = threading.Event()
    app.state.db_path = db
    app.state.max_body_bytes = max_body_bytes or settings.max_bytes + 64 * 1024
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(stories.api_router)
    app.include_router(pages.router)
    app.include_router(stories.pages_router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(FtsQueryError)
    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: WartaError):
        if is_api(request):
            return JSONResponse(error_body(400, exc.message, exc.code), status_code=400)
        return pages.render_error(request, 400, "Bad query", exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail, errors = exc.detail, None
        if isinstance(detail, list):  # field errors (POST /api/extract)
            errors, detail = _plain_errors(detail), _validation_summary(detail)
        detail = str(detail)
        if is_api(request):
            return JSONResponse(error_body(exc.status_code, detail, errors=errors), status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        title = "Not found" if exc.status_code == 404 else "Error"
        return pages.render_error(request, exc.status_code, title, detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        detail = _validation_summary(exc.errors())
        if is_api(request):
            return JSONResponse(error_body(422, detail, errors=_plain_errors(exc.errors())), status_code=422)
        return pages.render_error(request, 422, "Bad request", detail)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        return request.app.state.templates.TemplateResponse(
            request, "docs.html", {"spec": request.app.openapi(), "title": "API"})

    return app
