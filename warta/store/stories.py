"""Reading stories from the archive: lists, one story with its merged facts, GDELT counts.

Stories are written at ingest (:mod:`warta.stories.assign`); what an article
says is read back from its stored Record, and merged facts and discrepancies
(:mod:`warta.stories.merge`) are computed when a story is read, so that an
alias added later (``warta aliases add``) shows in them at once.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Optional

from ..record import Record
from . import identity
from .queries import Page, QueryError, clamp_limit, date_bound

_FIRST_SENTENCE = re.compile(r"^(.{20,160}?[.!?])(\s|$)", re.S)


def _records(conn: sqlite3.Connection, story_id: int) -> list[Record]:
    rows = conn.execute(
        "SELECT a.record FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? "
        "ORDER BY a.published IS NULL, a.published, a.pk", (story_id,)).fetchall()
    return [Record.model_validate(json.loads(r[0])) for r in rows]


def _ids(conn: sqlite3.Connection, records: list[Record]) -> dict[str, int]:
    names = set()
    for rec in records:
        names |= {e.canonical or e.text for e in rec.entities}
        names |= {q.speaker.canonical or q.speaker.text for q in rec.quotes if q.speaker}
        names |= {a.canonical or a.text for ev in rec.events for a in (*ev.actor, *ev.recipient)}
        names |= {ev.location.canonical or ev.location.text for ev in rec.events if ev.location}
    return identity.ids_for(conn, names)


def _title(row_title: Optional[str], records: list[Record]) -> Optional[str]:
    """The story's title: its first titled article's title, else the first sentence of its first article."""
    if row_title:
        return row_title
    for rec in records:
        if rec.title:
            return rec.title
    if not records:
        return None
    rec = records[0]
    text = rec.text[rec.dateline.end:] if rec.dateline else rec.text
    text = " ".join(text.lstrip(" -–—:,").split())
    m = _FIRST_SENTENCE.match(text)
    return m.group(1) if m else text[:120] + ("…" if len(text) > 120 else "")


def _article(rec: Record) -> dict:
    return {"id": rec.id, "url": rec.url, "outlet": rec.outlet, "published": rec.published, "title": rec.title}


def _story_where(min_articles: int, since: Optional[str], until: Optional[str]) -> tuple[str, list]:
    if min_articles < 1:
        raise QueryError("min_articles must be at least 1")
    where, params = ["n_articles >= ?"], [min_articles]
    lo, hi = date_bound(since), date_bound(until, end=True)
    if lo:
        where.append("last_day >= ?")
        params.append(lo)
    if hi:
        where.append("first_day <= ?")
        params.append(hi)
    return " AND ".join(where), params


def list_stories(conn: sqlite3.Connection, since: Optional[str] = None, until: Optional[str] = None,
                 min_articles: int = 2, limit: Optional[int] = 100, offset: int = 0) -> list[dict]:
    """Stories, newest first: ``{"id", "title", "articles": [...], "discrepancies": [...]}``.

    Args:
        since: stories with an article published on or after YYYY[-MM[-DD]].
        until: stories with an article published on or before it.
        min_articles: leave out smaller stories (1: every article's story).
        limit: most stories (at most :data:`warta.store.queries.MAX_LIMIT`).

    Raises:
        QueryError: a bad date, limit or size.
    """
    where, params = _story_where(min_articles, since, until)
    rows = conn.execute(
        f"SELECT id, title FROM stories WHERE {where} "
        "ORDER BY last_day IS NULL, last_day DESC, id DESC LIMIT ? OFFSET ?",
        [*params, clamp_limit(limit, 100), max(0, int(offset or 0))]).fetchall()
    from ..stories.merge import discrepancies

    out = []
    for sid, title in rows:
        records = _records(conn, sid)
        out.append({"id": sid, "title": _title(title, records), "articles": [_article(r) for r in records],
                    "discrepancies": discrepancies(records, _ids(conn, records)) if len(records) > 1 else []})
    return out


def count_stories(conn: sqlite3.Connection, since: Optional[str] = None, until: Optional[str] = None,
                  min_articles: int = 2) -> int:
    """How many stories :func:`list_stories` would list without a limit."""
    where, params = _story_where(min_articles, since, until)
    return conn.execute(f"SELECT count(*) FROM stories WHERE {where}", params).fetchone()[0]  # noqa: S608


def stories_page(conn: sqlite3.Connection, since: Optional[str] = None, until: Optional[str] = None,
                 min_articles: int = 2, limit: Optional[int] = 100, offset: int = 0) -> Page:
    """One page of :func:`list_stories` and how many stories match in all."""
    rows = list_stories(conn, since=since, until=until, min_articles=min_articles, limit=limit, offset=offset)
    return Page(count_stories(conn, since=since, until=until, min_articles=min_articles), rows)


def get_story(conn: sqlite3.Connection, story_id: int) -> Optional[dict]:
    """One story with its articles, merged facts and discrepancies; None when there is none with that id.

    Returns:
        ``id``, ``title``, ``first_day``, ``last_day``, ``articles`` (each
        with the ``score`` that joined it, None for the one that started it),
        ``outlets``, ``entities`` (unioned by identity), ``quotes``
        (de-duplicated, with sources), ``happenings`` (events
        de-duplicated, with their counts and sources) and ``discrepancies``.
    """
    from ..stories import merge

    row = conn.execute("SELECT id, title, first_day, last_day FROM stories WHERE id = ?", (story_id,)).fetchone()
    if row is None:
        return None
    records = _records(conn, story_id)
    scores = dict(conn.execute("SELECT article_id, score FROM story_articles WHERE story_id = ?", (story_id,)))
    ids = _ids(conn, records)
    return {
        "id": row["id"], "title": _title(row["title"], records), "first_day": row["first_day"],
        "last_day": row["last_day"], "articles": [{**_article(r), "score": scores.get(r.id)} for r in records],
        "outlets": sorted({r.outlet for r in records if r.outlet}),
        "entities": merge.merged_entities(records, ids),
        "quotes": merge.merged_quotes(records, ids),
        "happenings": [h.as_dict() for h in merge.happenings(records, ids)],
        "discrepancies": merge.discrepancies(records, ids),
    }


def story_of(conn: sqlite3.Connection, article_id: str) -> Optional[int]:
    """The id of the story an article is in, or None."""
    row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def unassigned(conn: sqlite3.Connection) -> int:
    """How many stored articles are in no story (ingested with stories off)."""
    return conn.execute("SELECT count(*) FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
                        "WHERE s.article_id IS NULL").fetchone()[0]


def update(conn: sqlite3.Connection) -> int:
    """Group the articles that are in no story (a writer connection); returns how many."""
    from ..stories.assign import backfill

    conn.execute("BEGIN IMMEDIATE")
    try:
        n = backfill(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return n


def event_counts(conn: sqlite3.Connection) -> dict[tuple[str, int], tuple[int, int, int]]:
    """``(article id, event index) -> (NumMentions, NumSources, NumArticles)`` for events of multi-article stories.

    An event outside such a story is its own happening (1, 1, 1) and is not listed.
    """
    from ..stories.merge import event_counts as counts

    out: dict = {}
    for (sid,) in conn.execute("SELECT id FROM stories WHERE n_articles > 1").fetchall():
        records = _records(conn, sid)
        out.update(counts(records, _ids(conn, records)))
    return out
