"""Read queries over the archive: search, quotes, events, entities, stats.

Every function takes an open connection and a filter object, builds SQL
with ``?`` placeholders only (user text never becomes SQL), and returns
plain dicts that the CLI prints and the API serialises.
"""

from __future__ import annotations

import json
import re
import sqlite3
import typing
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..admin_areas import province_codes
from ..errors import QueryError  # noqa: F401 (re-exported)
from .fts import FtsQueryError, explain_error, match_expression  # noqa: F401 (re-exported)
from .identity import OUTLET_ENTITIES, SAME_ENTITY_NAMES, display_name, names_of
from .identity import entity_id as identity_id

MAX_LIMIT = 500
PLACE_LABELS = ("LOC", "GPE", "FAC")
# The labels the shipped NER gives; an archive may hold others (read from it).
NER_LABELS = ("PER", "ORG", "LOC")
SEARCH_SORTS = ("relevance", "newest", "oldest")
EVENT_SORTS = ("newest", "oldest", "type", "place")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# Private-use characters mark search snippets so that highlighting survives
# HTML escaping (see ``warta.web``'s snippet filter).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


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


@dataclass
class Page:
    """One page of a listing and how many rows match in all."""

    total: int
    rows: list[dict] = field(default_factory=list)


def check_choice(what: str, value: Optional[str], valid: Iterable[str], *, upper: bool = False) -> Optional[str]:
    """``value`` (upper-cased when ``upper``) if it is one of ``valid``.

    Raises:
        QueryError: naming the valid values, so a typo is not an empty result.
    """
    if value in (None, ""):
        return None
    norm = value.strip().upper() if upper else value.strip()
    valid = sorted(set(valid))
    if norm not in valid:
        raise QueryError(f"unknown {what} {value!r}; valid values: {', '.join(valid)}")
    return norm


def _distinct(conn: sqlite3.Connection, table: str, column: str) -> set[str]:
    # fixed table and column names only (callers pass literals)
    return {r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")}  # noqa: S608


def event_type_values(conn: sqlite3.Connection) -> list[str]:
    """The PLOVER types a filter accepts: the 16 of the ontology and any the archive holds."""
    from ..events_ontology import PLOVER_TYPES

    return sorted(set(PLOVER_TYPES) | _distinct(conn, "events", "type"))


def modality_values(conn: Optional[sqlite3.Connection] = None) -> list[str]:
    """Event modalities a filter accepts: those the Record model allows and any the archive holds."""
    from ..record import Event

    return sorted(_literals(Event.model_fields["modality"].annotation) |
                  (_distinct(conn, "events", "modality") if conn is not None else set()))


def _literals(annotation) -> set[str]:
    """The string values a type allows: ``Optional[Literal["a", "b"]]`` -> {"a", "b"} (a plain str: none)."""
    if typing.get_origin(annotation) is typing.Literal:
        return {a for a in typing.get_args(annotation) if isinstance(a, str)}
    return set().union(*(_literals(a) for a in typing.get_args(annotation)))


def entity_label_values(conn: sqlite3.Connection) -> list[str]:
    """Entity labels a filter accepts: the NER's and any the archive holds."""
    return sorted(set(NER_LABELS) | _distinct(conn, "entities", "label"))


def published_range(conn: sqlite3.Connection) -> tuple[Optional[str], Optional[str]]:
    """First and last publication day in the archive (None, None when it holds no dated article)."""
    row = conn.execute("SELECT min(published), max(published) FROM articles WHERE published IS NOT NULL").fetchone()
    return (row[0], row[1]) if row else (None, None)


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
    sort: Optional[str] = None
    limit: Optional[int] = 20
    offset: int = 0


def _entity_clause(labels: Optional[tuple[str, ...]], value: str, where: list, params: list) -> None:
    # By identity: "Jokowi" also finds the articles that only say "Joko Widodo".
    sql = ("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND "
           f"(e.canonical LIKE ? ESCAPE '\\' OR e.text LIKE ? ESCAPE '\\' OR e.canonical IN ({SAME_ENTITY_NAMES}))")
    params += [_like(value), _like(value), _like(value)]
    if labels:
        sql += f" AND e.label IN ({', '.join('?' * len(labels))})"
        params += list(labels)
    where.append(sql + ")")


def _place_clause(value: str, where: list, params: list) -> None:
    """Articles mentioning a place by name or by another name of it (its identity: "DIY" is
    "Daerah Istimewa Yogyakarta"), or any place in the province or regency ``value`` names."""
    like = _like(value)
    codes = sorted(province_codes(value))
    sql = ("EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND "
           f"e.label IN ({', '.join('?' * len(PLACE_LABELS))}) AND "
           "(e.canonical LIKE ? ESCAPE '\\' OR e.text LIKE ? ESCAPE '\\' OR e.province LIKE ? ESCAPE '\\' "
           f"OR e.regency LIKE ? ESCAPE '\\' OR e.canonical IN ({SAME_ENTITY_NAMES})" +
           (f" OR e.adm1 IN ({', '.join('?' * len(codes))})" if codes else "") + "))")
    where.append(sql)
    params += [*PLACE_LABELS, like, like, like, like, like, *codes]


def _search_where(f: SearchFilter) -> tuple[list, list]:
    where, params = [], []
    if f.person:
        _entity_clause(("PER",), f.person, where, params)
    if f.org:
        _entity_clause(("ORG",), f.org, where, params)
    if f.place:
        _place_clause(f.place, where, params)
    if f.entity:
        _entity_clause(None, f.entity, where, params)
    _date_range("a.published", f.since, f.until, where, params)
    if f.outlet:
        where.append("a.outlet LIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    return where, params


_SEARCH_ORDER = {
    "relevance": "score, a.published IS NULL, a.published DESC, a.pk DESC",
    "newest": "a.published IS NULL, a.published DESC, a.pk DESC",
    "oldest": "a.published IS NULL, a.published, a.pk",
}


def search(conn: sqlite3.Connection, f: SearchFilter) -> list[dict]:
    """Articles matching a full-text query and/or entity, date and outlet filters.

    ``f.sort``: ``relevance`` (the best BM25 matches, title weighted above
    text; the default with a query), ``newest`` (the default without one) or
    ``oldest``. ``f.place`` matches a place's name, and also every place in
    the province or regency it names ("Papua" finds an article on Jayapura).

    Returns:
        Hits with ``id``, ``title``, ``published``, ``outlet``, ``url``,
        ``snippet`` (query terms wrapped in :data:`MARK_OPEN`/:data:`MARK_CLOSE`)
        and ``score``.

    Raises:
        FtsQueryError: the query cannot be parsed; QueryError: a bad filter.
    """
    where, params = _search_where(f)
    sort = check_choice("sort", f.sort, SEARCH_SORTS) or ("relevance" if f.q else "newest")
    if sort == "relevance" and not f.q:
        sort = "newest"  # nothing to rank by
    limit, offset = clamp_limit(f.limit), max(0, int(f.offset or 0))
    cols = "a.id, a.title, a.published, a.outlet, a.url"
    if f.q:
        expr = match_expression(f.q)
        sql = (f"SELECT {cols}, snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24) AS snippet, "
               "bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
               "WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where) +
               f" ORDER BY {_SEARCH_ORDER[sort]} LIMIT ? OFFSET ?")
        rows = _run(conn, sql, [expr, *params, limit, offset], query=f.q)
    else:
        sql = (f"SELECT {cols}, substr(a.text, 1, 200) AS snippet, NULL AS score FROM articles a" +
               (" WHERE " + " AND ".join(where) if where else "") +
               f" ORDER BY {_SEARCH_ORDER[sort]} LIMIT ? OFFSET ?")
        rows = _run(conn, sql, [*params, limit, offset])
    return [dict(r) for r in rows]


def search_count(conn: sqlite3.Connection, f: SearchFilter) -> int:
    """How many articles :func:`search` would find without a limit."""
    where, params = _search_where(f)
    if f.q:
        sql = ("SELECT count(*) FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
               "WHERE articles_fts MATCH ?" + "".join(f" AND {w}" for w in where))
        return _run(conn, sql, [match_expression(f.q), *params], query=f.q)[0][0]
    sql = "SELECT count(*) FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return _run(conn, sql, params)[0][0]


def search_page(conn: sqlite3.Connection, f: SearchFilter) -> Page:
    """:func:`search` and :func:`search_count` together: one page of hits and the total."""
    rows = search(conn, f)
    offset = max(0, int(f.offset or 0))
    # a short page that is not past the end tells the total without counting again
    short = len(rows) < clamp_limit(f.limit) and (rows or not offset)
    return Page(offset + len(rows) if short else search_count(conn, f), rows)


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
    outlet: Optional[str] = None
    limit: Optional[int] = 50
    offset: int = 0


def _quote_where(f: QuoteFilter) -> tuple[list, list]:
    where, params = [], []
    if f.speaker:  # by identity, as in search
        where.append(f"(q.speaker LIKE ? ESCAPE '\\' OR q.speaker IN ({SAME_ENTITY_NAMES}))")
        params += [_like(f.speaker), _like(f.speaker)]
    if f.q:
        where.append("q.text LIKE ? ESCAPE '\\'")
        params.append(_like(f.q))
    if f.kind:
        from ..record import Quote

        where.append("q.kind = ?")
        params.append(check_choice("quote kind", f.kind, _literals(Quote.model_fields["kind"].annotation)))
    if f.article_id:
        where.append("q.article_id = ?")
        params.append(f.article_id)
    if f.outlet:
        where.append("a.outlet LIKE ? ESCAPE '\\'")
        params.append(_like(f.outlet))
    _date_range("a.published", f.since, f.until, where, params)
    return where, params


def quotes(conn: sqlite3.Connection, f: QuoteFilter) -> list[dict]:
    """Quotations with their speaker, cue and article (id, title, date, outlet), newest first."""
    where, params = _quote_where(f)
    sql = ('SELECT q.article_id, a.title, a.published, a.outlet, q.idx, q.start, q."end", q.text, q.kind, '
           "q.speaker, q.speaker_label, q.cue FROM quotes q JOIN articles a ON a.id = q.article_id" +
           (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY a.published IS NULL, a.published DESC, a.pk DESC, q.idx LIMIT ? OFFSET ?")
    return [dict(r) for r in _run(conn, sql, [*params, clamp_limit(f.limit, 50), max(0, f.offset)])]


def quotes_page(conn: sqlite3.Connection, f: QuoteFilter) -> Page:
    """One page of :func:`quotes` and how many match in all."""
    where, params = _quote_where(f)
    sql = ("SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id" +
           (" WHERE " + " AND ".join(where) if where else ""))
    return Page(_run(conn, sql, params)[0][0], quotes(conn, f))


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
    modality: Optional[str] = None
    outlet: Optional[str] = None
    sort: Optional[str] = None
    limit: Optional[int] = 100
    offset: int = 0
    #: only events that happened as reported: not negated, modality asserted (what counts and exports use)
    happened_only: bool = False


def _event_where(conn: sqlite3.Connection, f: EventFilter) -> tuple[list, list]:
    where, params = [], []
    if f.happened_only:
        where.append("v.negated = 0 AND COALESCE(v.modality, 'asserted') = 'asserted'")
    if f.type:
        where.append("v.type = ?")
        params.append(check_choice("event type", f.type, event_type_values(conn), upper=True))
    if f.modality:
        where.append("v.modality = ?")
        params.append(check_choice("modality", f.modality.lower(), modality_values(conn)))
    if f.outlet:
        where.append("EXISTS (SELECT 1 FROM articles o WHERE o.id = v.article_id AND o.outlet LIKE ? ESCAPE '\\')")
        params.append(_like(f.outlet))
    for role, country in (("actor", f.actor_country), ("recipient", f.recipient_country)):
        if country:
            where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = v.article_id AND "
                         "x.event_idx = v.idx AND x.role = ? AND x.country = ?)")
            params += [role, country.upper()]
    if f.actor:
        where.append("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = v.article_id AND "
                     "x.event_idx = v.idx AND (x.canonical LIKE ? ESCAPE '\\' OR x.text LIKE ? ESCAPE '\\' "
                     f"OR x.canonical IN ({SAME_ENTITY_NAMES})))")
        params += [_like(f.actor), _like(f.actor), _like(f.actor)]
    if f.place:
        # the place by name or country code, or any place in the province or regency it names
        codes = sorted(province_codes(f.place))
        where.append("(v.location LIKE ? ESCAPE '\\' OR v.location_country = ? OR v.province LIKE ? ESCAPE '\\' "
                     "OR v.regency LIKE ? ESCAPE '\\'" +
                     (f" OR v.adm1 IN ({', '.join('?' * len(codes))})" if codes else "") + ")")
        params += [_like(f.place), f.place.upper(), _like(f.place), _like(f.place), *codes]
    if f.article_id:
        where.append("v.article_id = ?")
        params.append(f.article_id)
    _date_range("v.day", f.since, f.until, where, params)
    return where, params


_EVENT_ORDER = {
    "newest": "v.day IS NULL, v.day DESC, a.pk DESC, v.idx",
    "oldest": "v.day IS NULL, v.day, a.pk, v.idx",
    "type": "v.type, v.day IS NULL, v.day DESC, a.pk DESC, v.idx",
    "place": "v.location IS NULL, v.location, v.day IS NULL, v.day DESC, a.pk DESC, v.idx",
}


def _where_sql(where: list) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def events(conn: sqlite3.Connection, f: EventFilter) -> list[dict]:
    """Events with actors, recipients, location and article, newest first (``f.sort``: see :data:`EVENT_SORTS`).

    ``f.place`` matches the location's name or country code, and every place
    in the province or regency it names ("Papua" finds Jayapura, and the
    provinces split from Papua in 2022). ``f.type`` and ``f.modality`` must be
    known values (:func:`event_type_values`, :func:`modality_values`).

    Raises:
        QueryError: a bad date, limit, sort, type or modality.
    """
    where, params = _event_where(conn, f)
    order = _EVENT_ORDER[check_choice("sort", f.sort, EVENT_SORTS) or "newest"]
    sql = ("SELECT v.*, a.title, a.published, a.outlet FROM events v JOIN articles a ON a.id = v.article_id" +
           _where_sql(where) + f" ORDER BY {order} LIMIT ? OFFSET ?")
    rows = [dict(r) for r in _run(conn, sql, [*params, clamp_limit(f.limit, 100), max(0, f.offset)])]
    _attach_actors(conn, rows)
    return rows


def event_count(conn: sqlite3.Connection, f: EventFilter) -> int:
    """How many events match ``f`` (its limit and offset aside)."""
    where, params = _event_where(conn, f)
    return _run(conn, "SELECT count(*) FROM events v" + _where_sql(where), params)[0][0]


def events_page(conn: sqlite3.Connection, f: EventFilter) -> Page:
    """One page of :func:`events` and how many match in all."""
    return Page(event_count(conn, f), events(conn, f))


def event_places(conn: sqlite3.Connection, f: EventFilter, limit: int = 400) -> list[dict]:
    """Event locations with coordinates, for the map: ``lat``, ``lon``, ``label``, ``n`` and ``type`` (the commonest).

    Places within about a kilometre (coordinates rounded to 0.01 degree) are one point.
    """
    where, params = _event_where(conn, f)
    where.append("v.lat IS NOT NULL AND v.lon IS NOT NULL")
    sql = ("SELECT round(v.lat, 2) AS rlat, round(v.lon, 2) AS rlon, min(v.lat) AS lat, min(v.lon) AS lon, "
           "min(v.location) AS label, v.type, count(*) AS n FROM events v" + _where_sql(where) +
           " GROUP BY rlat, rlon, v.type")
    points: dict = {}
    for r in _run(conn, sql, params):
        p = points.setdefault((r["rlat"], r["rlon"]), {"lat": r["lat"], "lon": r["lon"], "label": r["label"] or "?",
                                                      "n": 0, "type": r["type"], "top": 0})
        p["n"] += r["n"]
        if (r["n"], r["type"] < p["type"]) > (p["top"], False):  # the commonest type; ties: alphabetical
            p["type"], p["top"] = r["type"], r["n"]
    out = sorted(points.values(), key=lambda p: (-p["n"], p["label"]))[:limit]
    for p in out:
        del p["top"]
    return out


def event_timeline(conn: sqlite3.Connection, f: EventFilter, limit: int = 2000) -> list[dict]:
    """Dated events for the timeline (newest ``limit``): day, type, article, index, trigger, title, actor names."""
    where, params = _event_where(conn, f)
    where.append("v.day IS NOT NULL")
    sql = ("SELECT v.day, v.type, v.article_id, v.idx, v.trigger, a.title, "
           "(SELECT group_concat(coalesce(x.canonical, x.text), ', ') FROM event_actors x "
           " WHERE x.article_id = v.article_id AND x.event_idx = v.idx AND x.role = 'actor') AS actors "
           "FROM events v JOIN articles a ON a.id = v.article_id" + _where_sql(where) +
           " ORDER BY v.day DESC, a.pk DESC, v.idx LIMIT ?")
    return [dict(r) for r in _run(conn, sql, [*params, max(1, int(limit))])]


def event_aggregate(conn: sqlite3.Connection, f: Optional[EventFilter] = None) -> list[dict]:
    """Events counted by day, PLOVER type and place (the first chart of a notebook).

    Returns:
        Rows ``day``, ``type``, ``country`` (ISO alpha-3 of the location),
        ``adm1`` (GeoNames admin1 code), ``province`` and ``events``, ordered
        by day, type, country, province; undated events are left out.
    """
    where, params = _event_where(conn, f or EventFilter())
    where.append("v.day IS NOT NULL")
    sql = ("SELECT v.day, v.type, v.location_country AS country, v.adm1, v.province, count(*) AS events "
           "FROM events v" + _where_sql(where) +
           " GROUP BY v.day, v.type, v.location_country, v.adm1 ORDER BY v.day, v.type, "
           "v.location_country IS NULL, v.location_country, v.adm1 IS NULL, v.adm1")
    return [dict(r) for r in _run(conn, sql, params)]


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
    where, params = _event_where(conn, f or EventFilter())
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


def _entity_where(conn: sqlite3.Connection, f: EntityFilter) -> tuple[list, list]:
    # ``e`` is entities, ``n`` its name's row in entity_names (LEFT JOIN).
    where, params = [], []
    if f.label:
        where.append("e.label = ?")
        params.append(check_choice("entity label", f.label, entity_label_values(conn), upper=True))
    if f.q:
        where.append("(e.canonical LIKE ? ESCAPE '\\' OR e.text LIKE ? ESCAPE '\\' "
                     "OR n.entity_id IN (SELECT entity_id FROM entity_names WHERE name LIKE ? ESCAPE '\\'))")
        params += [_like(f.q), _like(f.q), _like(f.q)]
    else:
        where.append(f"(n.entity_id IS NULL OR n.entity_id NOT IN ({OUTLET_ENTITIES}))")
    if f.country:
        where.append("e.country = ?")
        params.append(f.country.upper())
    return where, params


_ENTITY_FROM = " FROM entities e LEFT JOIN entity_names n ON n.name = e.canonical"
_ENTITY_GROUP = " GROUP BY coalesce(n.entity_id, 'name:' || e.canonical), e.label"


def entities(conn: sqlite3.Connection, f: EntityFilter) -> list[dict]:
    """Entities (by identity and label) with mention and article counts.

    Names of one entity count together ("Jokowi" and "Joko Widodo", "KPK" and
    "Komisi Pemberantasan Korupsi"; :mod:`warta.store.identity`) under the
    entity's display name, with its ``entity_id``. Without a name filter
    (a ranking), news outlets are left out.

    Raises:
        QueryError: an unknown label (the message lists the valid ones).
    """
    where, params = _entity_where(conn, f)
    sql = ("SELECT min(e.canonical) AS name, n.entity_id, e.label, max(e.country) AS country, count(*) AS mentions, "
           "count(DISTINCT e.article_id) AS articles" + _ENTITY_FROM + _where_sql(where) + _ENTITY_GROUP +
           " ORDER BY articles DESC, mentions DESC, name LIMIT ? OFFSET ?")
    rows = [dict(r) for r in _run(conn, sql, [*params, clamp_limit(f.limit, 100), max(0, f.offset)])]
    for r in rows:
        if r["entity_id"] is not None:
            r["name"] = display_name(conn, r["entity_id"]) or r["name"]
    return rows


def entities_page(conn: sqlite3.Connection, f: EntityFilter) -> Page:
    """One page of :func:`entities` and how many entities (identity and label) match."""
    rows = entities(conn, f)
    where, params = _entity_where(conn, f)
    sql = "SELECT count(*) FROM (SELECT 1" + _ENTITY_FROM + _where_sql(where) + _ENTITY_GROUP + ")"
    return Page(_run(conn, sql, params)[0][0], rows)


def entity(conn: sqlite3.Connection, name: str, label: Optional[str] = None, limit: int = 50) -> Optional[dict]:
    """Everything the archive holds on one entity (by canonical name).

    Returns:
        ``name``, ``labels``, ``country``, ``aliases``, ``mentions`` (count),
        ``over_time`` (mentions per month), ``articles``, ``quotes`` (as
        speaker), ``events`` (as actor or recipient) and ``cooccurring``
        entities; None when the name is unknown.
    """
    # Every name of the entity (its identity: "Jokowi" is "Joko Widodo").
    names = names_of(conn, name)
    marks = ", ".join("?" * len(names))
    where = f"canonical IN ({marks})" + (" AND label = ?" if label else "")
    ewhere = f"e.canonical IN ({marks})" + (" AND e.label = ?" if label else "")
    params = [*names, label.upper()] if label else list(names)
    rows = conn.execute(f"SELECT label, country, text, canonical, lat, lon FROM entities WHERE {where}",
                        params).fetchall()
    limit = clamp_limit(limit, 50)
    # Speakers and event actors count too: a name the NER missed can still
    # have quotes and events of its own.
    said = [dict(r) for r in conn.execute(
        'SELECT q.article_id, a.title, a.published, q.idx, q.text, q.kind, q.cue, q.speaker_label, q.start, q."end" '
        f"FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker IN ({marks}) "
        "ORDER BY a.published DESC, q.article_id, q.idx LIMIT ?", (*names, limit))]
    ev_rows = [dict(r) for r in conn.execute(
        "SELECT DISTINCT v.*, a.title, a.published, a.outlet FROM events v JOIN articles a ON a.id = v.article_id "
        "JOIN event_actors x ON x.article_id = v.article_id AND x.event_idx = v.idx "
        f"WHERE x.canonical IN ({marks}) ORDER BY v.day DESC LIMIT ?", (*names, limit))]
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
        f"WHERE o.article_id IN (SELECT article_id FROM entities WHERE {where}) AND o.canonical NOT IN ({marks}) "
        "GROUP BY o.canonical, o.label ORDER BY articles DESC, name LIMIT 30", [*params, *names])]
    geo = next(({"lat": r["lat"], "lon": r["lon"]} for r in rows if r["lat"] is not None), None)
    labels = sorted({r["label"] for r in rows} or {q["speaker_label"] for q in said if q["speaker_label"]})
    return {
        "name": name,
        "labels": labels,
        "country": next((r["country"] for r in rows if r["country"]), None),
        "geo": geo,
        "entity_id": identity_id(conn, name),
        "aliases": sorted(({r["text"] for r in rows} | {r["canonical"] for r in rows} | set(names)) - {name}),
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
