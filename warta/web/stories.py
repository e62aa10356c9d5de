"""Stories on the web: ``/stories`` and ``/stories/{id}`` pages, ``/api/stories`` and ``/api/stories/{id}``.

Thin shells over :mod:`warta.store.stories`; registered by ``create_app``.
"""

from __future__ import annotations

from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from ..store import queries
from ..store import stories as st
from .api import DATE, Limit, Offset, _errors, _total, reader

api_router = APIRouter(prefix="/api", tags=["api"])
pages_router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 20


class StoryArticle(BaseModel):
    id: str
    url: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None


class StorySummary(BaseModel):
    id: int
    title: Optional[str] = None
    articles: list[StoryArticle]
    discrepancies: list[dict] = Field(description="Where the articles disagree: kind (number, date, place, "
                                                  "speaker), what, articles, items (article_id, outlet, start, "
                                                  "end, text, value, anchor, before, after).")


@api_router.get("/stories", response_model=list[StorySummary], summary="Stories across outlets, newest first",
                responses=_errors(400, 422))
def api_stories(response: Response,
                since: Optional[str] = Query(None, max_length=10,
                                             description=f"Stories with an article published on or after ({DATE})."),
                until: Optional[str] = Query(None, max_length=10,
                                             description=f"Stories with an article published on or before ({DATE})."),
                min_articles: int = Query(2, ge=1, le=1000, description="Leave out smaller stories."),
                limit: int = Limit, offset: int = Offset, conn=Depends(reader)):
    """Stories (articles about one happening from any outlet) with the places where the outlets disagree;
    ``X-Total-Count`` counts every match."""
    return _total(response, st.stories_page(conn, since=since, until=until, min_articles=min_articles,
                                            limit=limit, offset=offset))


@api_router.get("/stories/{story_id}", summary="One story: articles, merged facts, discrepancies",
                responses=_errors(404, 422))
def api_story(story_id: int = Path(ge=0, le=2**62, description="The story id (as /api/stories gives it)."),
              conn=Depends(reader)):
    found = st.get_story(conn, story_id)
    if found is None:
        raise HTTPException(404, f"no story with id {story_id}")
    return found


def _render(request: Request, name: str, status: int = 200, **ctx):
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


@pages_router.get("/stories")
def stories_page(request: Request, since: Optional[str] = Query(None, max_length=10),
                 until: Optional[str] = Query(None, max_length=10), page: int = Query(1, ge=1, le=1000),
                 conn=Depends(reader)):
    from .pages import pager

    error, result = None, queries.Page(0)
    try:
        result = st.stories_page(conn, since=since or None, until=until or None, limit=PAGE,
                                 offset=(page - 1) * PAGE)
    except queries.QueryError as exc:
        error = exc.message
    form = {"since": since or "", "until": until or ""}
    return _render(request, "stories.html", 400 if error else 200, title="Stories", rows=result.rows,
                   pages=pager(page, PAGE, result.total), error=error, form=form,
                   prev_href="/stories?" + urlencode({**form, "page": page - 1}),
                   next_href="/stories?" + urlencode({**form, "page": page + 1}))


def timeline(story: dict) -> dict:
    """The story's articles as a grid: one row per outlet, one column per publication day."""
    days = sorted({a["published"] or "undated" for a in story["articles"]})
    outlets = sorted({a["outlet"] or "unknown outlet" for a in story["articles"]})
    cells: dict = {(o, d): [] for o in outlets for d in days}
    for a in story["articles"]:
        cells[(a["outlet"] or "unknown outlet", a["published"] or "undated")].append(a)
    return {"days": days, "rows": [(o, [cells[(o, d)] for d in days]) for o in outlets]}


@pages_router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str, conn=Depends(reader)):
    found = st.get_story(conn, int(story_id)) if story_id.isdigit() and len(story_id) < 19 else None
    if found is None:
        from .pages import render_error

        return render_error(request, 404, "Not found", f"No story with id {story_id}.")
    flagged = {i["article_id"] for d in found["discrepancies"] for i in d["items"]}
    return _render(request, "story.html", title=found["title"] or f"Story {story_id}", story=found,
                   grid=timeline(found), flagged=flagged)
