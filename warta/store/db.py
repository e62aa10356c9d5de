"""The SQLite archive: connections, the single writer, and record reads.

One process writes (``Store.add_records`` in short transactions); readers
open their own connections (``connect(path, readonly=True)``). WAL mode lets
them read while the writer commits.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Optional, Union

from ..errors import ArchiveNotFound  # noqa: F401 (re-exported)
from ..record import Record
from . import identity
from .migrations import migrate

_SPACE = re.compile(r"\s+")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def content_hash(text: str) -> str:
    """Hash of an article's text, blind to whitespace and Unicode form differences.

    Two copies of one article that differ only in line breaks or spacing
    (a feed summary re-wrapped, an HTML page re-extracted) get the same hash.
    """
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def normalize_url(url: Optional[str]) -> Optional[str]:
    """The URL used for de-duplication: trimmed, without a #fragment."""
    if not url:
        return None
    url = url.strip().split("#", 1)[0]
    return url or None


def connect(path: Union[str, Path], *, readonly: bool = False) -> sqlite3.Connection:
    """Open the archive at ``path`` (created and migrated unless ``readonly``).

    Connections are in autocommit mode (``isolation_level=None``); writers use
    explicit ``BEGIN IMMEDIATE`` transactions.

    Raises:
        ArchiveNotFound: ``readonly`` and the file does not exist.
    """
    path = Path(path)
    if readonly and not path.exists():
        raise ArchiveNotFound(f"no archive at {path}; create one with 'warta ingest PATH --db {path}'")
    if readonly:
        _migrate_if_behind(path)
    conn = sqlite3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if readonly:
        conn.execute("PRAGMA query_only = ON")
    else:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL is durable across application crashes (SIGKILL) in WAL mode;
        # only a power loss can drop the last commits.
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
        identity.sync_seeds(conn)  # the shared alias table this warta ships (warta/lang/aliases.tsv)
    return conn


def _migrate_if_behind(path: Path) -> None:
    """Bring an archive made by an older warta up to date before a reader opens it.

    Readers never migrate, so a query over an archive no writer has opened
    since an upgrade would meet missing tables (stories, entity names). When
    the file cannot be written (read-only media, a lock held too long) the
    reader goes on with what is there.
    """
    from .migrations import MIGRATIONS

    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            done = {r[0] for r in probe.execute("SELECT name FROM schema_migrations")}
        finally:
            probe.close()
    except sqlite3.Error:
        return
    if all(name in done for name, _ in MIGRATIONS):
        return
    try:
        connect(path).close()
    except sqlite3.Error:
        pass


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _event_day(date: Optional[str], published: Optional[str]) -> Optional[str]:
    if date and _DAY.match(date):
        return date[:10]
    return published


class Store:
    """The writer side of an archive (also usable for reads in one process).

    Args:
        path: the SQLite file; created and migrated when missing.
        stories: group each new article into a story as it is stored
            (:mod:`warta.stories`); without, ``warta stories --update`` does it later.

    Example:
        >>> with Store("warta.db") as store:
        ...     store.add_records([(record, "feed.xml", "3")])
    """

    def __init__(self, path: Union[str, Path], *, stories: bool = True):
        self.path = Path(path)
        self.conn = connect(self.path)
        self._stories = None
        if stories:
            from ..stories.assign import StoryIndex

            self._stories = StoryIndex(self.conn)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- de-duplication ---------------------------------------------------
    def seen(self, *, url: Optional[str] = None, chash: Optional[str] = None, id: Optional[str] = None) -> bool:
        """True when an article with this URL, content hash or id is stored."""
        url = normalize_url(url)
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE (? IS NOT NULL AND url = ?) OR content_hash = ? OR id = ? LIMIT 1",
            (url, url, chash, id),
        ).fetchone()
        return row is not None

    # -- writes -----------------------------------------------------------
    def add_records(self, items: Iterable[tuple[Record, Optional[str], Optional[str]]]) -> int:
        """Store Records in ONE transaction; duplicates are skipped.

        Args:
            items: ``(record, source, position)`` triples; source and position
                say where the article came from (file, item number).

        Returns:
            How many were new.
        """
        added = 0
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for rec, source, position in items:
                added += self._insert(rec, source, position)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            if self._stories is not None:
                self._stories.reset()  # its caches saw rows that are gone
            raise
        return added

    def add_record(self, record: Record, source: Optional[str] = None, position: Optional[str] = None) -> bool:
        """Store one Record in its own transaction; False when it was a duplicate."""
        return self.add_records([(record, source, position)]) == 1

    def add_error(self, source: str, position: Union[str, int], reason: str, code: Optional[str] = None) -> None:
        """Record that the document at ``source``/``position`` could not be read or processed.

        Rerunning over the same bad document replaces its row instead of adding one.
        """
        self.conn.execute(
            "INSERT INTO errors(source, position, code, reason, created_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(source, position) DO UPDATE SET code = excluded.code, reason = excluded.reason, "
            "created_at = excluded.created_at",
            (str(source), str(position), code, reason, _now()),
        )

    def clear_error(self, source: str, position: Union[str, int]) -> None:
        """Forget an earlier error for a document that has now been stored."""
        self.conn.execute("DELETE FROM errors WHERE source = ? AND position = ?", (str(source), str(position)))

    def _insert(self, rec: Record, source: Optional[str], position: Optional[str]) -> int:
        c = self.conn
        cur = c.execute(
            "INSERT OR IGNORE INTO articles(id, url, content_hash, title, text, published, outlet, source, position,"
            " record, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec.id, normalize_url(rec.url), content_hash(rec.text), rec.title, rec.text, rec.published,
             rec.outlet, source, None if position is None else str(position), rec.to_json(), _now()),
        )
        if cur.rowcount == 0:
            return 0
        aid = rec.id
        c.executemany(
            'INSERT INTO entities(article_id, idx, start, "end", text, label, canonical, country, lat, lon, role,'
            " adm1, province, regency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, e.start, e.end, e.text, e.label, e.canonical or e.text, e.country,
              e.geo.lat if e.geo else None, e.geo.lon if e.geo else None, e.role,
              e.geo.adm1 if e.geo else None, e.geo.province if e.geo else None, e.geo.regency if e.geo else None)
             for i, e in enumerate(rec.entities)],
        )
        c.executemany(
            'INSERT INTO quotes(article_id, idx, start, "end", text, kind, speaker, speaker_label, cue)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, q.start, q.end, q.text, q.kind,
              (q.speaker.canonical or q.speaker.text) if q.speaker else None,
              q.speaker.label if q.speaker else None, q.cue.text if q.cue else None)
             for i, q in enumerate(rec.quotes)],
        )
        c.executemany(
            'INSERT INTO times(article_id, idx, start, "end", text, type, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(aid, i, t.start, t.end, t.text, t.type, t.value) for i, t in enumerate(rec.times)],
        )
        c.executemany(
            'INSERT INTO quantities(article_id, idx, start, "end", text, value, min, max, modifier, unit, counted)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(aid, i, q.start, q.end, q.text, q.value, q.min, q.max, q.modifier, q.unit, q.counted)
             for i, q in enumerate(rec.quantities)],
        )
        for i, ev in enumerate(rec.events):
            loc = ev.location
            c.execute(
                "INSERT INTO events(article_id, idx, type, mode, cameo, quad, sentence, trigger, trigger_start,"
                " trigger_end, location, location_country, lat, lon, date, day, negated, modality, adm1, province,"
                " regency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (aid, i, ev.type, ev.mode, ev.cameo, ev.quad, ev.sentence, ev.trigger.text, ev.trigger.start,
                 ev.trigger.end, (loc.canonical or loc.text) if loc else None, loc.country if loc else None,
                 loc.lat if loc else None, loc.lon if loc else None, ev.date, _event_day(ev.date, rec.published),
                 int(ev.negated), ev.modality, loc.adm1 if loc else None, loc.province if loc else None,
                 loc.regency if loc else None),
            )
            c.executemany(
                "INSERT INTO event_actors(article_id, event_idx, role, text, canonical, country, sector)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(aid, i, role, a.text, a.canonical or a.text, a.country, a.sector)
                 for role, actors in (("actor", ev.actor), ("recipient", ev.recipient)) for a in actors],
            )
        identity.link_record(c, rec)
        if self._stories is not None:
            self._stories.assign(rec)
        return 1

    # -- reads ------------------------------------------------------------
    def get_record(self, article_id: str) -> Optional[Record]:
        """The stored Record with this id, or None."""
        return get_record(self.conn, article_id)


def get_record(conn: sqlite3.Connection, article_id: str) -> Optional[Record]:
    """The stored Record with this id, or None."""
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return Record.model_validate(json.loads(row[0])) if row else None


def iter_records(conn: sqlite3.Connection, batch: int = 500, where: str = "", params: tuple = ()):
    """Every stored Record, oldest first, read in batches to bound memory.

    Args:
        where: an extra SQL condition on ``articles`` (alias ``a``), with ``?``
            placeholders for ``params`` only (never user text in the SQL).
    """
    last = 0
    cond = f" AND ({where})" if where else ""
    while True:
        rows = conn.execute(f"SELECT a.pk, a.record FROM articles a WHERE a.pk > ?{cond} ORDER BY a.pk LIMIT ?",
                            (last, *params, batch)).fetchall()
        if not rows:
            return
        for pk, raw in rows:
            yield Record.model_validate(json.loads(raw))
        last = rows[-1][0]
