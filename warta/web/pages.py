"""Server-rendered pages: home, search, article, entities, events, quotes."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from ..store import get_record, queries
from . import charts
from .api import reader
from .highlight import highlight, marks_for

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 20


def _render(request: Request, name: str, status: int = 200, **ctx):
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


def render_error(request: Request, status: int, title: str, message: str):
    """An error page with the layout (used for 400 and 404)."""
    return _render(request, "error.html", status, title=title, message=message)


def _blank(v: Optional[str]) -> Optional[str]:
    return v.strip() if v and v.strip() else None


def month_range(first: str, last: str, cap: int = 240) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last``, so empty months show as gaps (at most ``cap``)."""
    try:
        y, m = int(first[:4]), int(first[5:7])
        y1, m1 = int(last[:4]), int(last[5:7])
    except ValueError:
        return sorted({first, last})
    out = []
    while (y, m) <= (y1, m1) and len(out) < cap:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _monthly_counts(rows: list[dict]) -> tuple[list[str], dict]:
    counts: dict = defaultdict(dict)
    for r in rows:
        counts[r["period"]][r["type"]] = r["n"]
    if not counts:
        return [], counts
    periods = sorted(counts)
    filled = month_range(periods[0], periods[-1])
    return (filled if set(periods) <= set(filled) else periods), counts


@router.get("/")
def home(request: Request, conn=Depends(reader)):
    stats = queries.stats(conn)
    periods, counts = _monthly_counts(queries.event_counts(conn))
    top = {label: queries.entities(conn, queries.EntityFilter(label=label, limit=8)) for label in ("PER", "ORG", "LOC")}
    return _render(request, "home.html", title="Archive", stats=stats, latest=queries.latest(conn, 15), top=top,
                   chart=charts.stacked_bars(periods, counts, label="Events per month by PLOVER type"))


@router.get("/search")
def search_page(request: Request, q: Optional[str] = Query(None, max_length=500),
                person: Optional[str] = Query(None, max_length=200), org: Optional[str] = Query(None, max_length=200),
                place: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                until: Optional[str] = Query(None, max_length=10), outlet: Optional[str] = Query(None, max_length=200),
                page: int = Query(1, ge=1, le=1000), conn=Depends(reader)):
    form = {"q": q or "", "person": person or "", "org": org or "", "place": place or "", "since": since or "",
            "until": until or "", "outlet": outlet or ""}
    f = queries.SearchFilter(q=_blank(q), person=_blank(person), org=_blank(org), place=_blank(place),
                             since=_blank(since), until=_blank(until), outlet=_blank(outlet),
                             limit=PAGE + 1, offset=(page - 1) * PAGE)
    error, hits = None, []
    try:
        hits = queries.search(conn, f)
    except (queries.QueryError, queries.FtsQueryError) as exc:
        error = exc.message
    more = len(hits) > PAGE
    return _render(request, "search.html", 400 if error else 200, title="Search", form=form, hits=hits[:PAGE],
                   error=error, page=page, more=more)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, conn=Depends(reader)):
    rec = get_record(conn, article_id)
    if rec is None:
        return render_error(request, 404, "Not found", f"No article with id {article_id!r}.")
    ents: Counter = Counter()
    first: dict = {}
    for i, e in enumerate(rec.entities):
        key = (e.canonical or e.text, e.label, e.country)
        ents[key] += 1
        first.setdefault(key, i)
    entity_rows = [{"name": k[0], "label": k[1], "country": k[2], "n": n, "anchor": f"ent-{first[k]}"}
                   for k, n in sorted(ents.items(), key=lambda kv: (-kv[1], kv[0][0]))]
    return _render(request, "article.html", title=rec.title or rec.id, rec=rec,
                   body=highlight(rec.text, marks_for(rec)), entity_rows=entity_rows)


@router.get("/entities")
def entities_page(request: Request, label: Optional[str] = Query(None, max_length=20),
                  q: Optional[str] = Query(None, max_length=200), page: int = Query(1, ge=1, le=1000),
                  conn=Depends(reader)):
    rows = queries.entities(conn, queries.EntityFilter(label=_blank(label), q=_blank(q), limit=101,
                                                       offset=(page - 1) * 100))
    return _render(request, "entities.html", title="Entities", rows=rows[:100], more=len(rows) > 100, page=page,
                   form={"label": label or "", "q": q or ""})


@router.get("/entities/{name:path}")
def entity_page(request: Request, name: str, label: Optional[str] = Query(None, max_length=20), conn=Depends(reader)):
    found = queries.entity(conn, name, label=_blank(label))
    if found is None:
        return render_error(request, 404, "Not found", f"No entity named {name!r}.")
    per_month = {r["period"]: r["n"] for r in found["over_time"] if r["period"]}
    months = month_range(min(per_month), max(per_month)) if per_month else []
    if not set(per_month) <= set(months):
        months = sorted(per_month)
    chart = charts.bars([(p, per_month.get(p, 0)) for p in months], label=f"Mentions of {name} per month")
    return _render(request, "entity.html", title=name, ent=found, chart=chart, label=label)


@router.get("/events")
def events_page(request: Request, type: Optional[str] = Query(None, max_length=30),
                actor: Optional[str] = Query(None, max_length=200),
                actor_country: Optional[str] = Query(None, max_length=3),
                recipient_country: Optional[str] = Query(None, max_length=3),
                place: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                until: Optional[str] = Query(None, max_length=10), conn=Depends(reader)):
    form = {"type": type or "", "actor": actor or "", "actor_country": actor_country or "",
            "recipient_country": recipient_country or "", "place": place or "", "since": since or "",
            "until": until or ""}
    f = queries.EventFilter(type=_blank(type), actor=_blank(actor), actor_country=_blank(actor_country),
                            recipient_country=_blank(recipient_country), place=_blank(place), since=_blank(since),
                            until=_blank(until), limit=500)
    error, rows = None, []
    try:
        rows = queries.events(conn, f)
    except queries.QueryError as exc:
        error = exc.message
    places: dict = {}
    for r in rows:
        if r["lat"] is None or r["lon"] is None:
            continue
        key = (round(r["lat"], 2), round(r["lon"], 2))
        p = places.setdefault(key, {"lat": r["lat"], "lon": r["lon"], "label": r["location"] or "?", "n": 0,
                                    "types": Counter()})
        p["n"] += 1
        p["types"][r["type"]] += 1
    points = []
    for p in places.values():
        p["type"] = p.pop("types").most_common(1)[0][0]
        p["href"] = "/events?" + urlencode({"place": p["label"]})
        points.append(p)
    return _render(request, "events.html", 400 if error else 200, title="Events", rows=rows, form=form,
                   error=error, types=queries.event_types(conn), timeline=charts.timeline(rows),
                   map=charts.world_map(points))


@router.get("/quotes")
def quotes_page(request: Request, speaker: Optional[str] = Query(None, max_length=200),
                q: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                until: Optional[str] = Query(None, max_length=10), page: int = Query(1, ge=1, le=1000),
                conn=Depends(reader)):
    form = {"speaker": speaker or "", "q": q or "", "since": since or "", "until": until or ""}
    error, rows = None, []
    try:
        rows = queries.quotes(conn, queries.QuoteFilter(speaker=_blank(speaker), q=_blank(q), since=_blank(since),
                                                        until=_blank(until), limit=51, offset=(page - 1) * 50))
    except queries.QueryError as exc:
        error = exc.message
    return _render(request, "quotes.html", 400 if error else 200, title="Quotes", rows=rows[:50],
                   more=len(rows) > 50, page=page, form=form, error=error)
