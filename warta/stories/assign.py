"""Incremental story grouping: each new article joins a story or starts one.

Nothing is re-clustered: an article is compared with the stored articles
published within :data:`~warta.stories.similarity.WINDOW_DAYS` of it, joins
the story of the best match when the score reaches
:data:`~warta.stories.similarity.THRESHOLD`, and keeps that story for good.
The outcome depends on the order articles arrive in; ``docs/stories.md``
gives the scores for file order, reversed and shuffled orders.

:class:`StoryIndex` belongs to the archive's single writer and caches the
document frequencies and article vectors between articles; the tables stay
the truth (a rolled-back batch drops the caches, see :meth:`StoryIndex.reset`).
"""

from __future__ import annotations

import json
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Optional

from ..record import Record
from ..store.identity import name_key, outlet_keys_of
from . import similarity as sim
from .features import Features, features

_CACHE = 20000  # article vectors kept in memory (a few KB each)


@dataclass
class Assignment:
    """Where one article went: its story, the score that took it there (None: it started the story)."""

    article_id: str
    story_id: int
    score: Optional[float]

    @property
    def started(self) -> bool:
        return self.score is None


@dataclass
class _Cached:
    story_id: int
    n_at: int  # archive size when the vector was computed
    vector: dict
    places: frozenset
    dates: frozenset


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


class StoryIndex:
    """The story grouping of one archive, for its writer.

    Args:
        conn: the writer's connection; :meth:`assign` runs inside its
            current transaction.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.reset()

    def reset(self) -> None:
        """Forget the caches (after a rollback); they reload from the tables on the next article."""
        self._df: Optional[dict[str, int]] = None
        self._n = 0
        self._outlets: Optional[set[str]] = None
        self._vectors: OrderedDict[str, _Cached] = OrderedDict()

    def _load(self) -> None:
        if self._df is None:
            self._df = dict(self.conn.execute("SELECT term, df FROM story_terms").fetchall())
            self._n = self.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0]
            self._outlets = {k for (k,) in self.conn.execute("SELECT key FROM outlet_keys")}

    def _place_weight(self, key: str) -> float:
        return sim.idf(self._df.get(sim.PLACE_PREFIX + key, 0), self._n)

    def _cached(self, article_id: str, story_id: int, raw: Optional[str]) -> _Cached:
        hit = self._vectors.get(article_id)
        # IDF drifts as the archive grows: a vector computed when the archive was
        # much smaller is computed again.
        if hit is not None and self._n <= 1.25 * hit.n_at + 10:
            self._vectors.move_to_end(article_id)
            return hit
        if raw is None:
            raw = self.conn.execute("SELECT features FROM story_articles WHERE article_id = ?",
                                    (article_id,)).fetchone()[0]
        f = Features.from_json(json.loads(raw))
        entry = self._entry(f, story_id)
        self._remember(article_id, entry)
        return entry

    def _entry(self, f: Features, story_id: int) -> _Cached:
        return _Cached(story_id, self._n, sim.tfidf_vector(f.terms, self._df, self._n),
                       frozenset(name_key(p) for p in f.places) - {""}, frozenset(f.dates))

    def _remember(self, article_id: str, entry: _Cached) -> None:
        self._vectors[article_id] = entry
        self._vectors.move_to_end(article_id)
        while len(self._vectors) > _CACHE:
            self._vectors.popitem(last=False)

    def _count(self, f: Features) -> None:
        keys = set(f.terms) | {sim.PLACE_PREFIX + k for k in (name_key(p) for p in f.places) if k}
        for k in keys:
            self._df[k] = self._df.get(k, 0) + 1
        self._n += 1
        self.conn.executemany("INSERT INTO story_terms(term, df) VALUES (?, 1) "
                              "ON CONFLICT(term) DO UPDATE SET df = df + 1", [(k,) for k in sorted(keys)])

    def best_match(self, article_id: str, f: Features, entry: _Cached) -> tuple[Optional[int], float]:
        """The story of the best-scoring stored article in the window, and that score."""
        if f.day is None:
            return None, 0.0
        rows = self.conn.execute(
            "SELECT article_id, story_id FROM story_articles WHERE day BETWEEN ? AND ? AND article_id != ?",
            (_shift(f.day, -sim.WINDOW_DAYS), _shift(f.day, sim.WINDOW_DAYS), article_id)).fetchall()
        best, best_score = None, 0.0
        for other_id, story_id in rows:
            other = self._cached(other_id, story_id, None)
            s = sim.score(sim.cosine(entry.vector, other.vector),
                          sim.weighted_jaccard(entry.places, other.places, self._place_weight),
                          sim.jaccard(entry.dates, other.dates))
            if s > best_score:
                best, best_score = story_id, s
        return best, best_score

    def assign(self, rec: Record) -> Assignment:
        """Put a just-stored Record in a story (inside the caller's transaction)."""
        self._load()
        if rec.outlet:
            self._outlets |= outlet_keys_of(rec.outlet)
        f = features(rec, frozenset(self._outlets))
        self._count(f)
        entry = self._entry(f, 0)
        story_id, best = self.best_match(rec.id, f, entry)
        now = _now()
        if story_id is not None and best >= sim.THRESHOLD:
            self.conn.execute(
                "UPDATE stories SET n_articles = n_articles + 1, title = coalesce(title, ?), "
                "first_day = CASE WHEN first_day IS NULL OR ? < first_day THEN ? ELSE first_day END, "
                "last_day = CASE WHEN last_day IS NULL OR ? > last_day THEN ? ELSE last_day END, "
                "updated_at = ? WHERE id = ?",
                (rec.title, f.day, f.day, f.day, f.day, now, story_id))
            score: Optional[float] = round(best, 4)
        else:
            story_id = self.conn.execute(
                "INSERT INTO stories(title, first_day, last_day, n_articles, created_at, updated_at) "
                "VALUES (?, ?, ?, 1, ?, ?)", (rec.title, f.day, f.day, now, now)).lastrowid
            score = None
        self.conn.execute("INSERT INTO story_articles(article_id, story_id, day, score, features) VALUES (?, ?, ?, ?, ?)",
                          (rec.id, story_id, f.day, score, json.dumps(f.to_json(), ensure_ascii=False)))
        entry.story_id = story_id
        self._remember(rec.id, entry)
        return Assignment(rec.id, story_id, score)


def backfill(conn: sqlite3.Connection) -> int:
    """Group every stored article that is in no story yet, oldest publication first; returns how many.

    Runs inside the caller's transaction (a migration, or ``warta stories --update``).
    """
    index = StoryIndex(conn)
    todo = [r[0] for r in conn.execute(
        "SELECT a.pk FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL ORDER BY a.published IS NULL, a.published, a.pk")]
    for i in range(0, len(todo), 500):
        chunk = todo[i:i + 500]
        rows = conn.execute(f"SELECT pk, record FROM articles WHERE pk IN ({','.join('?' * len(chunk))})",
                            chunk).fetchall()
        by_pk = {pk: raw for pk, raw in rows}
        for pk in chunk:
            index.assign(Record.model_validate(json.loads(by_pk[pk])))
    return len(todo)
