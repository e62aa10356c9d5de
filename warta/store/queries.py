"""Read queries over the archive: search, quotes, events, entities, stats.

Every function takes an open connection and a filter object, builds SQL
with ``?`` placeholders only (user text never becomes SQL), and returns
plain dicts that the CLI prints and the API serialises.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Optional

from ..errors import WartaError
from .fts import FtsQueryError, explain_error, match_expression  # noqa: F401 (re-exported)

MAX_LIMIT = 500
PLACE_LABELS = ("LOC", "GPE", "FAC")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# Private-use characters mark search snippets so that highlighting survives
# HTML escaping (see ``warta.web``'s snippet filter).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


class QueryError(WartaError):
    """A bad filter value (a date that is not a date, a limit out of range)."""

    code = "W300"


def date_bound(value: Optional[str], *, end: bool = False) -> Optional[str]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or last) day it covers.

    Raises:
        QueryError: for anything else.
    """
    if value in (None, ""):
        return None
    m = _DATE.match(str(value).strip())
    if not m or (m[3] and not m[2]):
        raise QueryError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m[1], m[2], m[3]
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise QueryError(f"date {value!r} is out of range")
    # Plain string comparison on ISO dates: "-31"/"-12-31" cover the whole period.
    return f"{year}-{month or ('12' if end else '01')}-{day or ('31' if end else '01')}"


def clamp_limit(limit: Optional[int], default: int = 20) -> int:
    """A result count between 1 and :data:`MAX_LIMIT`."""
    if limit is None:
        return default
    if limit < 1:
        raise QueryError("limit must be at least 1")
    return min(int(limit), MAX_LIMIT)


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with its own % and _ escaped."""
    if "\x00" in value:  # SQLite's LIKE would stop at the NUL and match everything
        raise QueryError("filter values cannot contain NUL characters")
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _run(conn: sqlite3.Connection, sql: str, params: list, query: Optional[str] = None) -> list[sqlite3.Row]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if query is not None and ("fts5" in str(exc) or "MATCH" in str(exc) or "unterminated" in str(exc)):
            raise explain_error(query, exc) from None
        raise


# -- articles ------------------------------------------------------------
@dataclass
class SearchFilter:
    """What ``warta search`` and ``GET /api/search`` accept."""

    q: Optional[str] = None
    person: Optional[str] = None
    org: Optional[str] = None
    place: Optional[str] = None
    entity: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    outlet: Optional[str] = None
    limit: Optional[int] = 20
    offset: int = 0


def _entity_clause(labels: Optional[tuple[str, ...]], value: str, where: list, params: list) -> None:
    sql = ("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND "
           "(e.canonical LIKE ? ESCAPE '\\' OR e.text LIKE ? ESCAPE '\\')")
    params += [_like(value), _like(value)]
    if labels:
        sql += f" AND e.label IN ({', '.join('?' * len(labels))})"
        params += list(labels)
    where.append(sql + ")")


def search(conn: sqlite3.Connection, f: SearchFilter) -> list[dict]:
    """Articles matching a full-text query and/or entity, date and outlet filters.

    Without ``q`` the newest articles matching the filters come first; with
    it, the best BM25 matches (title weighted above text).

    Returns:
        Hits with ``id``, ``title``, ``published``, ``outlet``, ``url``,
        ``snippet`` (query terms wrapped in :data:`MARK_OPEN`/:data:`MARK_CLOSE`)
        and ``score``.

    Raises:
        FtsQueryError: the query cannot be parsed; QueryError: a bad filter.
    """
    where, params = [], []
    if f.person:
        _entity_clause(("PER",), f.person, where, params)
    if f.org:
        _entity_clause(("ORG",), f.org, where, params)
    if f.place:
        _entity_clause(PLACE_LABELS, f.place, where, params)
    if f.entity:
        _entity_clause(None, f.entity, where, params)
    since, until = date_bound(f.since), date_bound(f.until, end=True)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if until:
        where.append("a.published <= ?")
        params.append(until)
    if f.outlet:
        where.append("a.outlet LIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    limit, offset = clamp_limit(f.limit), max(0, int(f.offset or 0))
    cols = "a.id, a.title, a.published, a.outlet, a.url"
    if f.q:
        expr = match_expression(f.q)
        sql = (f"SELECT {cols}, snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snippet, "
               "bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
               "WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where) +
               " ORDER BY score LIMIT ? OFFSET ?")
        rows = _run(conn, sql, [expr, *params, limit, offset], query=f.q)
    else:
        sql = (f"SELECT {cols}, substr(a.text, 1, 200) AS snippet, NULL AS score FROM articles a" +
               (" WHERE " + " AND ".join(where) if where else "") +
               " ORDER BY a.published IS NULL, a.published DESC, a.pk DESC LIMIT ? OFFSET ?")
        rows = _run(conn, sql, [*params, limit, offset])
    return [dict(r) for r in rows]


def latest(conn: sqlite3.Connection, limit: int = 10) -> list[dict]:
    """The newest articles with their extraction counts."""
    rows = conn.execute(
        "SELECT a.id, a.title, a.published, a.outlet, a.url, substr(a.text, 1, 200) AS snippet, "
        "(SELECT count(*) FROM entities e WHERE e.article_id = a.id) AS n_entities, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS n_quotes, "
        "(SELECT count(*) FROM events v WHERE v.article_id = a.id) AS n_events "
        "FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.pk DESC LIMIT ?",
        (clamp_limit(limit),),
    ).fetchall()
    return [dict(r) for r in rows]


def stats(conn: sqlite3.Connection) -> dict:
    """Row counts of every table."""
    out = {}
    for table in ("articles", "entities", "quotes", "times", "quantities", "events", "errors"):
        out[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
    return out


# -- quotes --------------------------------------------------------------
@dataclass
class QuoteFilter:
    speaker: Optional[str] = None
    q: Optional[str] = None
    kind: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    article_id: Optional[str] = None
    limit: Optional[int] = 50
    offset: int = 0


def quotes(conn: sqlite3.Connection, f: QuoteFilter) -> list[dict]:
    """Quotations with their speaker, cue and article, newest first."""
    where, params = [], []
    if f.speaker:
        where.append("q.speaker LIKE ? ESCAPE '\\'")
        params.append(_like(f.speaker))
    if f.q:
        where.append("q.text LIKE ? ESCAPE '\\'")
        params.append(_like(f.q))
    if f.kind:
        where.append("q.kind = ?")
        params.append(f.kind)
    if f.article_id:
        where.append("q.article_id = ?")
        params.append(f.article_id)
    _date_range("a.published", f.since, f.until, where, params)
    sql = ('SELECT q.article_id, a.title, a.published, a.outlet, q.idx, q.start, q."end", q.text, q.kind, '
           "q.speaker, q.speaker_label, q.cue FROM quotes q JOIN articles a ON a.id = q.article_id" +
           (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY a.published IS NULL, a.published DESC, a.pk DESC, q.idx LIMIT ? OFFSET ?")
    return [dict(r) for r in _run(conn, sql, [*params, clamp_limit(f.limit, 50), max(0, f.offset)])]


def _date_range(column: str, since, until, where: list, params: list) -> None:
    lo, hi = date_bound(since), date_bound(until, end=True)
    if lo:
        where.append(f"{column} >= ?")
        params.append(lo)
    if hi:
        where.append(f"{column} <= ?")
        params.append(hi)


# -- events --------------------------------------------------------------
@dataclass
class EventFilter:
    type: Optional[str] = None
    actor: Optional[str] = None
    actor_country: Optional[str] = None
    recipient_country: Optional[str] = None
    place: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    article_id: Optional[str] = None
    limit: Optional[int] = 100
    offset: int = 0


def _event_where(f: EventFilter) -> tuple[list, list]:
    where, params = [], []
    if f.type:
        where.append("v.type = ?")
        params.append(f.type.upper())
    for role, country in (("actor", f.actor_country), ("recipient", f.recipient_country)):
        if country:
            where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = v.article_id AND "
                         "x.event_idx = v.idx AND x.role = ? AND x.country = ?)")
            params += [role, country.upper()]
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = v.article_id AND "
                     "x.event_idx = v.idx AND (x.canonical LIKE ? ESCAPE '\\' OR x.text LIKE ? ESCAPE '\\'))")
        params += [_like(f.actor), _like(f.actor)]
    if f.place:
        where.append("(v.location LIKE ? ESCAPE '\\' OR v.location_country = ?)")
        params += [_like(f.place), f.place.upper()]
    if f.article_id:
        where.append("v.article_id = ?")
        params.append(f.article_id)
    _date_range("v.day", f.since, f.until, where, params)
    return where, params


def events(conn: sqlite3.Connection, f: EventFilter) -> list[dict]:
    """Events with actors, recipients, location and article, newest first."""
    where, params = _event_where(f)
    sql = ("SELECT v.*, a.title, a.published, a.outlet FROM events v JOIN articles a ON a.id = v.article_id" +
           (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY v.day IS NULL, v.day DESC, a.pk DESC, v.idx LIMIT ? OFFSET ?")
    rows = [dict(r) for r in _run(conn, sql, [*params, clamp_limit(f.limit, 100), max(0, f.offset)])]
    _attach_actors(conn, rows)
    return rows


def _attach_actors(conn: sqlite3.Connection, rows: list[dict]) -> None:
    for row in rows:
        row["actor"], row["recipient"] = [], []
        row["negated"] = bool(row["negated"])
        for x in conn.execute("SELECT role, text, canonical, country, sector FROM event_actors "
                              "WHERE article_id = ? AND event_idx = ? ORDER BY rowid", (row["article_id"], row["idx"])):
            row[x["role"]].append({"text": x["text"], "canonical": x["canonical"], "country": x["country"],
                                   "sector": x["sector"]})


def event_counts(conn: sqlite3.Connection, f: Optional[EventFilter] = None, period: str = "month") -> list[dict]:
    """Events per period (``day`` or ``month``) and PLOVER type, for charts."""
    width = 10 if period == "day" else 7
    where, params = _event_where(f or EventFilter())
    where.append("v.day IS NOT NULL")
    sql = (f"SELECT substr(v.day, 1, {width}) AS period, v.type, count(*) AS n FROM events v "
           "WHERE " + " AND ".join(where) + " GROUP BY period, v.type ORDER BY period, v.type")
    return [dict(r) for r in _run(conn, sql, params)]


def event_types(conn: sqlite3.Connection) -> list[dict]:
    """PLOVER types present, with counts."""
    return [dict(r) for r in conn.execute("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC")]


# -- entities ------------------------------------------------------------
@dataclass
class EntityFilter:
    label: Optional[str] = None
    q: Optional[str] = None
    country: Optional[str] = None
    limit: Optional[int] = 100
    offset: int = 0


def entities(conn: sqlite3.Connection, f: EntityFilter) -> list[dict]:
    """Entities (by canonical name and label) with mention and article counts."""
    where, params = [], []
    if f.label:
        where.append("label = ?")
        params.append(f.label.upper())
    if f.q:
        where.append("(canonical LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\')")
        params += [_like(f.q), _like(f.q)]
    if f.country:
        where.append("country = ?")
        params.append(f.country.upper())
    sql = ("SELECT canonical AS name, label, max(country) AS country, count(*) AS mentions, "
           "count(DISTINCT article_id) AS articles FROM entities" +
           (" WHERE " + " AND ".join(where) if where else "") +
           " GROUP BY canonical, label ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?")
    return [dict(r) for r in _run(conn, sql, [*params, clamp_limit(f.limit, 100), max(0, f.offset)])]


def entity(conn: sqlite3.Connection, name: str, label: Optional[str] = None, limit: int = 50) -> Optional[dict]:
    """Everything the archive holds on one entity (by canonical name).

    Returns:
        ``name``, ``labels``, ``country``, ``aliases``, ``mentions`` (count),
        ``over_time`` (mentions per month), ``articles``, ``quotes`` (as
        speaker), ``events`` (as actor or recipient) and ``cooccurring``
        entities; None when the name is unknown.
    """
    where = "canonical = ?" + (" AND label = ?" if label else "")
    ewhere = "e.canonical = ?" + (" AND e.label = ?" if label else "")
    params = [name, label.upper()] if label else [name]
    rows = conn.execute(f"SELECT label, country, text, lat, lon FROM entities WHERE {where}", params).fetchall()
    limit = clamp_limit(limit, 50)
    # Speakers and event actors count too: a name the NER missed can still
    # have quotes and events of its own.
    said = [dict(r) for r in conn.execute(
        'SELECT q.article_id, a.title, a.published, q.idx, q.text, q.kind, q.cue, q.speaker_label, q.start, q."end" '
        "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker = ? "
        "ORDER BY a.published DESC, q.article_id, q.idx LIMIT ?", (name, limit))]
    ev_rows = [dict(r) for r in conn.execute(
        "SELECT DISTINCT v.*, a.title, a.published, a.outlet FROM events v JOIN articles a ON a.id = v.article_id "
        "JOIN event_actors x ON x.article_id = v.article_id AND x.event_idx = v.idx "
        "WHERE x.canonical = ? ORDER BY v.day DESC LIMIT ?", (name, limit))]
    if not rows and not said and not ev_rows:
        return None
    _attach_actors(conn, ev_rows)
    over_time = [dict(r) for r in conn.execute(
        "SELECT substr(a.published, 1, 7) AS period, count(*) AS n FROM entities e JOIN articles a "
        f"ON a.id = e.article_id WHERE {ewhere} AND a.published IS NOT NULL GROUP BY period ORDER BY period",
        params)]
    articles = [dict(r) for r in conn.execute(
        "SELECT a.id, a.title, a.published, a.outlet, count(*) AS mentions FROM entities e JOIN articles a "
        f"ON a.id = e.article_id WHERE {ewhere} GROUP BY a.id ORDER BY a.published DESC LIMIT ?",
        [*params, limit])]
    if not rows:  # known only as a speaker or actor: list those articles, with no mention counts
        seen: dict = {}
        for item in said + ev_rows:
            seen.setdefault(item["article_id"], {"id": item["article_id"], "title": item["title"],
                                                 "published": item["published"], "outlet": item.get("outlet"),
                                                 "mentions": 0})
        articles = list(seen.values())
    cooc = [dict(r) for r in conn.execute(
        "SELECT o.canonical AS name, o.label, count(DISTINCT o.article_id) AS articles FROM entities o "
        f"WHERE o.article_id IN (SELECT article_id FROM entities WHERE {where}) AND o.canonical != ? "
        "GROUP BY o.canonical, o.label ORDER BY articles DESC, name LIMIT 30", [*params, name])]
    geo = next(({"lat": r["lat"], "lon": r["lon"]} for r in rows if r["lat"] is not None), None)
    labels = sorted({r["label"] for r in rows} or {q["speaker_label"] for q in said if q["speaker_label"]})
    return {
        "name": name,
        "labels": labels,
        "country": next((r["country"] for r in rows if r["country"]), None),
        "geo": geo,
        "aliases": sorted({r["text"] for r in rows} - {name}),
        "mentions": len(rows),
        "over_time": over_time,
        "articles": articles,
        "quotes": said,
        "events": ev_rows,
        "cooccurring": cooc,
    }


def errors(conn: sqlite3.Connection, limit: int = 100) -> list[dict]:
    """The latest ingest errors."""
    return [dict(r) for r in conn.execute(
        "SELECT source, position, code, reason, created_at FROM errors ORDER BY pk DESC LIMIT ?",
        (clamp_limit(limit, 100),))]


def record_json(conn: sqlite3.Connection, article_id: str) -> Optional[dict]:
    """The stored Record of an article as a dict (no model validation)."""
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return json.loads(row[0]) if row else None
