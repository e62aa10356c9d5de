"""REST API routes (``/api/...``): thin shells over :mod:`warta.store.queries`.

Contract paths (outside checks use them): ``GET /api/search``,
``GET /api/articles/{id}``, ``POST /api/extract``.
"""

from __future__ import annotations

import json
import threading
from typing import Iterator, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
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
DATE = "YYYY, YYYY-MM or YYYY-MM-DD"


class ErrorBody(BaseModel):
    """The body of every error response of the API (4xx and 5xx)."""

    detail: str = Field(description="What went wrong, one line.")
    code: str = Field(description="warta error code (W300: bad filter value, W301: search syntax) or HTTP<status>.")
    status: int = Field(description="The HTTP status code.")
    errors: list[dict] = Field(default_factory=list,
                               description="Per-field problems of a request that failed validation (422).")


def _errors(*codes: int) -> dict:
    text = {400: "A bad filter value (unknown type, bad date) or a search syntax error",
            404: "No such item", 413: "Body or text over the size limit",
            422: "A parameter or body failed validation (out of range, too long, not JSON)"}
    return {c: {"model": ErrorBody, "description": text[c]} for c in codes}


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


class SearchResult(BaseModel):
    total: int = Field(description="How many articles match in all (every page).")
    hits: list[SearchHit] = Field(description="This page of hits, in the order asked for.")


class ExtractRequest(BaseModel):
    model_config = ConfigDict(extra="ignore")

    text: str = Field(description="Article body, plain text.")
    published: Optional[str] = Field(None, description="Publication date YYYY-MM-DD.")
    title: Optional[str] = None
    url: Optional[str] = None
    force: bool = Field(False, description="Process text that does not look Indonesian.")


@router.get("/search", response_model=SearchResult, summary="Search articles",
            responses=_errors(400, 422))
def api_search(
    q: Optional[str] = Query(None, max_length=500, description="Words (all must occur) or FTS5 syntax "
                             "(\"exact phrase\", AND, OR, NOT, prefix*)."),
    person: Optional[str] = Query(None, max_length=200, description="Articles mentioning this person (part of "
                                  "the name is enough)."),
    org: Optional[str] = Query(None, max_length=200, description="Articles mentioning this organisation."),
    place: Optional[str] = Query(None, max_length=200, description="Articles mentioning this place, or any "
                                 "place in this province or regency."),
    entity: Optional[str] = Query(None, max_length=200, description="Any entity by name."),
    since: Optional[str] = Query(None, max_length=10, description=f"Published on or after ({DATE})."),
    until: Optional[str] = Query(None, max_length=10, description=f"Published on or before ({DATE})."),
    outlet: Optional[str] = Query(None, max_length=200, description="Outlet name or domain (part is enough)."),
    sort: Optional[Literal["relevance", "newest", "oldest"]] = Query(
        None, description="Order of hits: relevance (default with q), newest (default without), oldest."),
    limit: int = Limit,
    offset: int = Offset,
    conn=Depends(reader),
):
    """Articles matching a full-text query and filters, as ``{"total", "hits"}``.

    ``total`` counts every match; ``hits`` is the page ``offset``..``offset+limit``.
    A bad query syntax or filter value is a 400.
    """
    page = queries.search_page(conn, queries.SearchFilter(q=q, person=person, org=org, place=place, entity=entity,
                                                          since=since, until=until, outlet=outlet, sort=sort,
                                                          limit=limit, offset=offset))
    for r in page.rows:
        r["snippet"] = (r["snippet"] or "").replace(queries.MARK_OPEN, "").replace(queries.MARK_CLOSE, "")
    return {"total": page.total, "hits": page.rows}


@router.get("/articles/{article_id}", response_model=Record, summary="One article's Record",
            responses=_errors(404, 422))
def api_article(article_id: str = Path(max_length=200, description="The article id (as search hits give it)."),
                conn=Depends(reader)):
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
    responses={413: {"model": ErrorBody, "description": "Body or text over the size limit"},
               422: {"model": ErrorBody, "description": "Not JSON, missing text, bad date, or text warta cannot "
                                                        "process"}},
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
    except RecursionError:  # '[[[[...' 100,000 deep
        raise HTTPException(422, "body is not valid JSON: nested too deeply") from None
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


def _total(response: Response, page: queries.Page) -> list[dict]:
    # the total of a paged list travels in a header, so the body stays a plain list
    response.headers["X-Total-Count"] = str(page.total)
    return page.rows


def _label():
    return Query(None, max_length=20, description="Entity label: PER, ORG, LOC, ... (an unknown one is a 400 "
                                                  "listing the valid ones).")


@router.get("/entities", response_model=list[EntityCount], summary="Entities with counts",
            responses=_errors(400, 422))
def api_entities(response: Response, label: Optional[str] = _label(),
                 q: Optional[str] = Query(None, max_length=200, description="Names containing this text."),
                 country: Optional[str] = Query(None, max_length=3, description="ISO 3166 alpha-3 country code."),
                 limit: int = Limit, offset: int = Offset, conn=Depends(reader)):
    """Entities by how many articles mention them; the header ``X-Total-Count`` counts every match."""
    return _total(response, queries.entities_page(conn, queries.EntityFilter(label=label, q=q, country=country,
                                                                             limit=limit, offset=offset)))


@router.get("/entities/{name:path}", summary="One entity: mentions over time, articles, quotes, events",
            responses=_errors(404, 422))
def api_entity(name: str = Path(description="The entity's canonical name."), label: Optional[str] = _label(),
               limit: int = Query(50, ge=1, le=500, description="Most articles, quotes and events listed (1-500)."),
               conn=Depends(reader)):
    found = queries.entity(conn, name, label=label, limit=limit)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    return found


@router.get("/quotes", summary="Quotations with speakers", responses=_errors(400, 422))
def api_quotes(response: Response,
               speaker: Optional[str] = Query(None, max_length=200, description="Speaker name (part is enough)."),
               q: Optional[str] = Query(None, max_length=200, description="Quotes containing this text."),
               kind: Optional[Literal["direct", "indirect", "mixed"]] = Query(
                   None, description="direct, indirect, or mixed (indirect with a quoted fragment)."),
               since: Optional[str] = Query(None, max_length=10, description=f"Published on or after ({DATE})."),
               until: Optional[str] = Query(None, max_length=10, description=f"Published on or before ({DATE})."),
               outlet: Optional[str] = Query(None, max_length=200, description="Outlet name or domain (part)."),
               article_id: Optional[str] = Query(None, max_length=200, description="Quotes of this article only."),
               limit: int = Limit, offset: int = Offset, conn=Depends(reader)):
    """Quotations with speaker, cue and article, newest first; ``X-Total-Count`` counts every match."""
    return _total(response, queries.quotes_page(conn, queries.QuoteFilter(
        speaker=speaker, q=q, kind=kind, since=since, until=until, outlet=outlet, article_id=article_id,
        limit=limit, offset=offset)))


def event_filter(
    type: Optional[str] = Query(None, max_length=30, description="PLOVER type, e.g. PROTEST (an unknown one is a "
                                "400 listing the valid ones)."),
    actor: Optional[str] = Query(None, max_length=200, description="Actor name (part is enough)."),
    actor_country: Optional[str] = Query(None, max_length=3, description="Actor country, ISO 3166 alpha-3."),
    recipient_country: Optional[str] = Query(None, max_length=3, description="Recipient country, ISO alpha-3."),
    place: Optional[str] = Query(None, max_length=200, description="Location name or country code, or a province "
                                 "or regency (Papua finds Jayapura)."),
    modality: Optional[str] = Query(None, max_length=30, description="asserted, future, hypothetical, ... (the "
                                    "values the archive holds)."),
    outlet: Optional[str] = Query(None, max_length=200, description="Outlet name or domain (part is enough)."),
    since: Optional[str] = Query(None, max_length=10, description=f"Event date on or after ({DATE})."),
    until: Optional[str] = Query(None, max_length=10, description=f"Event date on or before ({DATE})."),
    article_id: Optional[str] = Query(None, max_length=200, description="Events of this article only."),
) -> queries.EventFilter:
    """The event filters shared by the event endpoints (and the events page)."""
    return queries.EventFilter(type=type, actor=actor, actor_country=actor_country,
                               recipient_country=recipient_country, place=place, modality=modality, outlet=outlet,
                               since=since, until=until, article_id=article_id)


@router.get("/events", summary="Coded events with filters", responses=_errors(400, 422))
def api_events(response: Response, f: queries.EventFilter = Depends(event_filter),
               sort: Literal["newest", "oldest", "type", "place"] = Query("newest", description="Order of events."),
               limit: int = Query(100, ge=1, le=500, description="Most results (1-500)."),
               offset: int = Offset, conn=Depends(reader)):
    """Events with actors, place, date and article; ``X-Total-Count`` counts every match."""
    f.sort, f.limit, f.offset = sort, limit, offset
    return _total(response, queries.events_page(conn, f))


@router.get("/events/counts", summary="Events per month (or day) and PLOVER type", responses=_errors(400, 422))
def api_event_counts(f: queries.EventFilter = Depends(event_filter),
                     period: Literal["month", "day"] = Query("month", description="Count per month or per day."),
                     conn=Depends(reader)):
    return queries.event_counts(conn, f, period=period)


@router.get("/events/aggregate", summary="Events per day, PLOVER type and province", responses=_errors(400, 422))
def api_event_aggregate(f: queries.EventFilter = Depends(event_filter), conn=Depends(reader)):
    """Rows ``day``, ``type``, ``country``, ``adm1``, ``province``, ``events`` (undated events left out)."""
    return queries.event_aggregate(conn, f)


@router.get("/stats", summary="Row counts of the archive")
def api_stats(conn=Depends(reader)):
    return queries.stats(conn)
