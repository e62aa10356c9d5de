"""REST API routes (``/api/...``): thin shells over :mod:`warta.store.queries`.

Contract paths (outside checks use them): ``GET /api/search``,
``GET /api/articles/{id}``, ``POST /api/extract``.
"""

from __future__ import annotations

import json
import threading
from typing import Iterator, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .. import errors
from ..record import Record
from ..store import connect, get_record, queries

router = APIRouter(prefix="/api", tags=["api"])
Limit = Query(20, ge=1, le=queries.MAX_LIMIT, description=f"Most results (1-{queries.MAX_LIMIT}).")
Offset = Query(0, ge=0, le=1_000_000, description="Results to skip (paging).")
# One extraction at a time: the shared spaCy pipeline is not documented as
# thread-safe, and the work is CPU-bound under the GIL anyway.
_EXTRACT_LOCK = threading.Lock()


def reader(request: Request) -> Iterator:
    """A read-only connection for one request."""
    conn = connect(request.app.state.db_path, readonly=True)
    try:
        yield conn
    finally:
        conn.close()


class SearchHit(BaseModel):
    id: str
    title: Optional[str] = None
    published: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    snippet: Optional[str] = Field(None, description="Text around the match (plain text).")
    score: Optional[float] = Field(None, description="BM25 rank (lower is better); null without a query.")


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str = Field(description="Article body, plain text.")
    published: Optional[str] = Field(None, description="Publication date YYYY-MM-DD.")
    title: Optional[str] = None
    url: Optional[str] = None
    force: bool = Field(False, description="Process text that does not look Indonesian.")


@router.get("/search", response_model=list[SearchHit], summary="Search articles",
            responses={400: {"description": "Search syntax error or a bad filter value"}})
def api_search(
    q: Optional[str] = Query(None, max_length=500, description="Words (all must occur) or FTS5 syntax."),
    person: Optional[str] = Query(None, max_length=200),
    org: Optional[str] = Query(None, max_length=200),
    place: Optional[str] = Query(None, max_length=200),
    entity: Optional[str] = Query(None, max_length=200, description="Any entity by name."),
    since: Optional[str] = Query(None, max_length=10, description="YYYY[-MM[-DD]]"),
    until: Optional[str] = Query(None, max_length=10, description="YYYY[-MM[-DD]]"),
    outlet: Optional[str] = Query(None, max_length=200),
    limit: int = Limit,
    offset: int = Offset,
    conn=Depends(reader),
):
    """Articles matching a full-text query and filters; a bad query syntax is a 400."""
    rows = queries.search(conn, queries.SearchFilter(q=q, person=person, org=org, place=place, entity=entity,
                                                     since=since, until=until, outlet=outlet, limit=limit,
                                                     offset=offset))
    for r in rows:
        r["snippet"] = (r["snippet"] or "").replace(queries.MARK_OPEN, "").replace(queries.MARK_CLOSE, "")
    return rows


@router.get("/articles/{article_id}", response_model=Record, summary="One article's Record")
def api_article(article_id: str = Path(max_length=200), conn=Depends(reader)):
    rec = get_record(conn, article_id)
    if rec is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return rec


async def _read_body(request: Request) -> bytes:
    limit = request.app.state.max_body_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"request body is over the limit of {limit:,} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"request body is over the limit of {limit:,} bytes")
    return bytes(body)


@router.post(
    "/extract", response_model=Record, summary="Extract one article",
    responses={413: {"description": "Body or text over the size limit"},
               422: {"description": "Not JSON, missing text, bad date, or text warta cannot process"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": ExtractRequest.model_json_schema()}}}},
)
async def api_extract(request: Request):
    """Run the pipeline on a JSON body {text, published, title, url} and return the Record.

    Nothing is stored.
    """
    body = await _read_body(request)
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HTTPException(422, f"body is not valid JSON: {exc}") from None
    try:
        req = ExtractRequest.model_validate(payload)
    except ValidationError as exc:
        raise HTTPException(422, json.loads(exc.json(include_url=False, include_input=False))) from None
    from ..api import extract

    def run():
        with _EXTRACT_LOCK:
            return extract(req.text, published=req.published, title=req.title, url=req.url, force=req.force)

    try:
        return await run_in_threadpool(run)
    except errors.InputTooLarge as exc:
        raise HTTPException(413, str(exc)) from None
    except errors.InputError as exc:
        raise HTTPException(422, str(exc)) from None


class EntityCount(BaseModel):
    name: str
    label: str
    country: Optional[str] = None
    mentions: int
    articles: int


@router.get("/entities", response_model=list[EntityCount], summary="Entities with counts")
def api_entities(label: Optional[str] = Query(None, max_length=20), q: Optional[str] = Query(None, max_length=200),
                 country: Optional[str] = Query(None, max_length=3), limit: int = Limit, offset: int = Offset,
                 conn=Depends(reader)):
    return queries.entities(conn, queries.EntityFilter(label=label, q=q, country=country, limit=limit,
                                                       offset=offset))


@router.get("/entities/{name:path}", summary="One entity: mentions over time, articles, quotes, events")
def api_entity(name: str, label: Optional[str] = Query(None, max_length=20), limit: int = Query(50, ge=1, le=500),
               conn=Depends(reader)):
    found = queries.entity(conn, name, label=label, limit=limit)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return found


@router.get("/quotes", summary="Quotations with speakers")
def api_quotes(speaker: Optional[str] = Query(None, max_length=200), q: Optional[str] = Query(None, max_length=200),
               kind: Optional[Literal["direct", "indirect", "mixed"]] = None,
               since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
               article_id: Optional[str] = Query(None, max_length=200), limit: int = Limit, offset: int = Offset,
               conn=Depends(reader)):
    return queries.quotes(conn, queries.QuoteFilter(speaker=speaker, q=q, kind=kind, since=since, until=until,
                                                    article_id=article_id, limit=limit, offset=offset))


def _event_filter(type: Optional[str] = Query(None, max_length=30, description="PLOVER type"),
                  actor: Optional[str] = Query(None, max_length=200),
                  actor_country: Optional[str] = Query(None, max_length=3, description="ISO alpha-3"),
                  recipient_country: Optional[str] = Query(None, max_length=3, description="ISO alpha-3"),
                  place: Optional[str] = Query(None, max_length=200),
                  since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
                  article_id: Optional[str] = Query(None, max_length=200)) -> queries.EventFilter:
    return queries.EventFilter(type=type, actor=actor, actor_country=actor_country,
                               recipient_country=recipient_country, place=place, since=since, until=until,
                               article_id=article_id)


@router.get("/events", summary="Coded events with filters")
def api_events(f: queries.EventFilter = Depends(_event_filter), limit: int = Query(100, ge=1, le=500),
               offset: int = Offset, conn=Depends(reader)):
    f.limit, f.offset = limit, offset
    return queries.events(conn, f)


@router.get("/events/counts", summary="Events per month (or day) and PLOVER type")
def api_event_counts(f: queries.EventFilter = Depends(_event_filter),
                     period: Literal["month", "day"] = "month", conn=Depends(reader)):
    return queries.event_counts(conn, f, period=period)


@router.get("/stats", summary="Row counts of the archive")
def api_stats(conn=Depends(reader)):
    return queries.stats(conn)
