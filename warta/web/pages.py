"""Server-rendered pages: home, search, article, entities, events, quotes;
and a CSV download of every list (``/search.csv``, ``/events.csv``,
``/quotes.csv``, ``/entities.csv``) with the same filters as its page."""

from __future__ import annotations

import csv
import io
import math
from collections import Counter, defaultdict
from typing import Callable, Optional
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..store import get_record, queries
from . import charts
from .api import reader
from .highlight import highlight, marks_for

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
PAGE = 20
EVENT_PAGE = 50
CSV_MAX_ROWS = 50_000


def _render(request: Request, name: str, status: int = 200, **ctx):
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)


def render_error(request: Request, status: int, title: str, message: str):
    """An error page with the layout (used for 400, 404 and 422)."""
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


def pager(page: int, per_page: int, total: int) -> dict:
    """What a list page shows about paging: first and last row shown, page count, prev/next."""
    pages = max(1, math.ceil(total / per_page))
    first = (page - 1) * per_page + 1
    return {"page": page, "pages": pages, "total": total, "first": min(first, total + 1),
            "last": min(page * per_page, total), "prev": page > 1, "next": page < pages}


def _link(path: str, form: dict, **extra) -> str:
    """``path?query`` with the form's values (blank ones kept: a blank date means "no bound")."""
    return path + "?" + urlencode({**form, **extra})


def csv_response(rows: list[dict], columns: list[tuple[str, str]], filename: str) -> Response:
    """Rows as a CSV download (``columns``: ``(key, header)``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([head for _, head in columns])
    for r in rows:
        writer.writerow(["" if r.get(k) is None else r.get(k) for k, _ in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _all_rows(fetch: Callable[[int, int], list[dict]], cap: int = CSV_MAX_ROWS) -> list[dict]:
    """Every row of a listing, fetched a page of :data:`queries.MAX_LIMIT` at a time, at most ``cap``."""
    rows: list[dict] = []
    while len(rows) < cap:
        batch = fetch(queries.MAX_LIMIT, len(rows))
        rows += batch
        if len(batch) < queries.MAX_LIMIT:
            break
    return rows[:cap]


def _names(actors: list[dict]) -> str:
    return "; ".join((a["canonical"] or a["text"]) + (f" ({a['country']})" if a.get("country") else "")
                     for a in actors)


# -- home ------------------------------------------------------------------
@router.get("/")
def home(request: Request, conn=Depends(reader)):
    stats = queries.stats(conn)
    lo, hi = queries.published_range(conn)
    # The chart spans the months articles were published in: an old date an
    # article mentions ("the 2009 agreement") would stretch the axis for years.
    window = queries.EventFilter(since=lo, until=hi)
    periods, counts = _monthly_counts(queries.event_counts(conn, window))
    outside = queries.event_count(conn, queries.EventFilter()) - queries.event_count(conn, window) if lo else 0
    top = {label: queries.entities(conn, queries.EntityFilter(label=label, limit=8)) for label in ("PER", "ORG", "LOC")}
    return _render(request, "home.html", title="Archive", stats=stats, latest=queries.latest(conn, 15), top=top,
                   window=(lo, hi), outside=outside,
                   chart=charts.stacked_bars(periods, counts, label="Events per month by PLOVER type"))


# -- search ----------------------------------------------------------------
SEARCH_COLUMNS = [("id", "id"), ("published", "published"), ("outlet", "outlet"), ("title", "title"),
                  ("url", "url"), ("snippet", "snippet"), ("score", "score")]


def _search_form(q, person, org, place, since, until, outlet, sort) -> tuple[dict, queries.SearchFilter]:
    form = {"q": q or "", "person": person or "", "org": org or "", "place": place or "", "since": since or "",
            "until": until or "", "outlet": outlet or "", "sort": sort or ""}
    f = queries.SearchFilter(q=_blank(q), person=_blank(person), org=_blank(org), place=_blank(place),
                             since=_blank(since), until=_blank(until), outlet=_blank(outlet), sort=_blank(sort))
    return form, f


@router.get("/search")
def search_page(request: Request, q: Optional[str] = Query(None, max_length=500),
                person: Optional[str] = Query(None, max_length=200), org: Optional[str] = Query(None, max_length=200),
                place: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                until: Optional[str] = Query(None, max_length=10), outlet: Optional[str] = Query(None, max_length=200),
                sort: Optional[str] = Query(None, max_length=20), page: int = Query(1, ge=1, le=10_000),
                conn=Depends(reader)):
    form, f = _search_form(q, person, org, place, since, until, outlet, sort)
    f.limit, f.offset = PAGE, (page - 1) * PAGE
    error, result = None, queries.Page(0)
    try:
        result = queries.search_page(conn, f)
    except (queries.QueryError, queries.FtsQueryError) as exc:
        error = exc.message
    sort_now = f.sort or ("relevance" if f.q else "newest")
    return _render(request, "search.html", 400 if error else 200, title="Search", form=form, hits=result.rows,
                   error=error, pages=pager(page, PAGE, result.total), sort=sort_now,
                   sorts=queries.SEARCH_SORTS if f.q else ("newest", "oldest"),
                   prev_href=_link("/search", form, page=page - 1), next_href=_link("/search", form, page=page + 1),
                   csv_href=_link("/search.csv", form))


@router.get("/search.csv")
def search_csv(q: Optional[str] = Query(None, max_length=500), person: Optional[str] = Query(None, max_length=200),
               org: Optional[str] = Query(None, max_length=200), place: Optional[str] = Query(None, max_length=200),
               since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
               outlet: Optional[str] = Query(None, max_length=200), sort: Optional[str] = Query(None, max_length=20),
               conn=Depends(reader)):
    _, f = _search_form(q, person, org, place, since, until, outlet, sort)

    def fetch(limit, offset):
        f.limit, f.offset = limit, offset
        return queries.search(conn, f)

    rows = _all_rows(fetch)
    for r in rows:
        r["snippet"] = (r["snippet"] or "").replace(queries.MARK_OPEN, "").replace(queries.MARK_CLOSE, "")
    return csv_response(rows, SEARCH_COLUMNS, "warta-search.csv")


# -- article ---------------------------------------------------------------
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


# -- entities --------------------------------------------------------------
ENTITY_COLUMNS = [("name", "name"), ("label", "label"), ("country", "country"), ("articles", "articles"),
                  ("mentions", "mentions")]


@router.get("/entities")
def entities_page(request: Request, label: Optional[str] = Query(None, max_length=20),
                  q: Optional[str] = Query(None, max_length=200), page: int = Query(1, ge=1, le=10_000),
                  conn=Depends(reader)):
    form = {"label": label or "", "q": q or ""}
    error, result = None, queries.Page(0)
    try:
        result = queries.entities_page(conn, queries.EntityFilter(label=_blank(label), q=_blank(q), limit=100,
                                                                  offset=(page - 1) * 100))
    except queries.QueryError as exc:
        error = exc.message
    return _render(request, "entities.html", 400 if error else 200, title="Entities", rows=result.rows,
                   pages=pager(page, 100, result.total), form=form, error=error,
                   labels=queries.entity_label_values(conn),
                   prev_href=_link("/entities", form, page=page - 1), next_href=_link("/entities", form, page=page + 1),
                   csv_href=_link("/entities.csv", form))


@router.get("/entities.csv")
def entities_csv(label: Optional[str] = Query(None, max_length=20), q: Optional[str] = Query(None, max_length=200),
                 conn=Depends(reader)):
    f = queries.EntityFilter(label=_blank(label), q=_blank(q))

    def fetch(limit, offset):
        f.limit, f.offset = limit, offset
        return queries.entities(conn, f)

    return csv_response(_all_rows(fetch), ENTITY_COLUMNS, "warta-entities.csv")


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


# -- events ----------------------------------------------------------------
EVENT_COLUMNS = [("day", "date"), ("type", "type"), ("cameo", "cameo"), ("quad", "quad_class"),
                 ("modality", "modality"), ("negated", "negated"), ("actors", "actor"), ("recipients", "recipient"),
                 ("location", "place"), ("location_country", "country"), ("adm1", "adm1"), ("province", "province"),
                 ("regency", "regency"), ("trigger", "trigger"), ("article_id", "article_id"), ("title", "title"),
                 ("outlet", "outlet")]


class _EventForm:
    """The events page's filters, with the date window defaulting to the archive's published range.

    A date left out of the URL takes the window's end; one sent blank
    (``since=``) means no bound, so old dates an article mentions can be shown.
    """

    FIELDS = ("type", "actor", "actor_country", "recipient_country", "place", "modality", "since", "until", "sort")

    def __init__(self, conn, values: dict):
        lo, hi = queries.published_range(conn)
        self.window = (lo, hi)
        self.defaulted = values["since"] is None and values["until"] is None and lo is not None
        if values["since"] is None:
            values["since"] = lo or ""
        if values["until"] is None:
            values["until"] = hi or ""
        self.form = {k: values.get(k) or "" for k in self.FIELDS}

    def filter(self) -> queries.EventFilter:
        v = {k: _blank(self.form[k]) for k in self.FIELDS}
        return queries.EventFilter(**v)


def event_params(type: Optional[str] = Query(None, max_length=30), actor: Optional[str] = Query(None, max_length=200),
                 actor_country: Optional[str] = Query(None, max_length=3),
                 recipient_country: Optional[str] = Query(None, max_length=3),
                 place: Optional[str] = Query(None, max_length=200),
                 modality: Optional[str] = Query(None, max_length=30),
                 since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
                 sort: Optional[str] = Query(None, max_length=20)) -> dict:
    """The events page's filter parameters as given (None: not in the URL)."""
    return {"type": type, "actor": actor, "actor_country": actor_country, "recipient_country": recipient_country,
            "place": place, "modality": modality, "since": since, "until": until, "sort": sort}


@router.get("/events")
def events_page(request: Request, params: dict = Depends(event_params), page: int = Query(1, ge=1, le=100_000),
                conn=Depends(reader)):
    ef = _EventForm(conn, params)
    f = ef.filter()
    f.limit, f.offset = EVENT_PAGE, (page - 1) * EVENT_PAGE
    error, result, points, dots, outside = None, queries.Page(0), [], [], 0
    try:
        result = queries.events_page(conn, f)
        points = queries.event_places(conn, f)
        dots = queries.event_timeline(conn, f)
        if f.since or f.until:
            unbounded = queries.EventFilter(**{**vars(f), "since": None, "until": None})
            outside = queries.event_count(conn, unbounded) - result.total
    except queries.QueryError as exc:
        error = exc.message
    for p in points:
        p["href"] = _link("/events", {**ef.form, "place": p["label"]})
    form = ef.form
    return _render(request, "events.html", 400 if error else 200, title="Events", rows=result.rows, form=form,
                   error=error, types=queries.event_types(conn), modalities=queries.modality_values(conn),
                   sorts=queries.EVENT_SORTS, pages=pager(page, EVENT_PAGE, result.total), window=ef.window,
                   outside=outside, all_dates_href=_link("/events", {**form, "since": "", "until": ""}),
                   timeline=charts.timeline(dots), map=charts.world_map(points),
                   prev_href=_link("/events", form, page=page - 1), next_href=_link("/events", form, page=page + 1),
                   csv_href=_link("/events.csv", form))


@router.get("/events.csv")
def events_csv(params: dict = Depends(event_params), conn=Depends(reader)):
    f = _EventForm(conn, params).filter()

    def fetch(limit, offset):
        f.limit, f.offset = limit, offset
        return queries.events(conn, f)

    rows = _all_rows(fetch)
    for r in rows:
        r["actors"], r["recipients"] = _names(r["actor"]), _names(r["recipient"])
    return csv_response(rows, EVENT_COLUMNS, "warta-events.csv")


# -- quotes ----------------------------------------------------------------
QUOTE_COLUMNS = [("published", "published"), ("speaker", "speaker"), ("speaker_label", "speaker_label"),
                 ("kind", "kind"), ("cue", "cue"), ("text", "quote"), ("article_id", "article_id"),
                 ("title", "title"), ("outlet", "outlet")]


def _quote_filter(speaker, q, since, until) -> tuple[dict, queries.QuoteFilter]:
    form = {"speaker": speaker or "", "q": q or "", "since": since or "", "until": until or ""}
    return form, queries.QuoteFilter(speaker=_blank(speaker), q=_blank(q), since=_blank(since), until=_blank(until))


@router.get("/quotes")
def quotes_page(request: Request, speaker: Optional[str] = Query(None, max_length=200),
                q: Optional[str] = Query(None, max_length=200), since: Optional[str] = Query(None, max_length=10),
                until: Optional[str] = Query(None, max_length=10), page: int = Query(1, ge=1, le=10_000),
                conn=Depends(reader)):
    form, f = _quote_filter(speaker, q, since, until)
    f.limit, f.offset = 50, (page - 1) * 50
    error, result = None, queries.Page(0)
    try:
        result = queries.quotes_page(conn, f)
    except queries.QueryError as exc:
        error = exc.message
    return _render(request, "quotes.html", 400 if error else 200, title="Quotes", rows=result.rows,
                   pages=pager(page, 50, result.total), form=form, error=error,
                   prev_href=_link("/quotes", form, page=page - 1), next_href=_link("/quotes", form, page=page + 1),
                   csv_href=_link("/quotes.csv", form))


@router.get("/quotes.csv")
def quotes_csv(speaker: Optional[str] = Query(None, max_length=200), q: Optional[str] = Query(None, max_length=200),
               since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
               conn=Depends(reader)):
    _, f = _quote_filter(speaker, q, since, until)

    def fetch(limit, offset):
        f.limit, f.offset = limit, offset
        return queries.quotes(conn, f)

    return csv_response(_all_rows(fetch), QUOTE_COLUMNS, "warta-quotes.csv")
