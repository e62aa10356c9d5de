"""Named schema migrations for the warta archive.

Each migration is a function registered under a stable name; applied names
are recorded in ``schema_migrations`` and every migration runs in its own
transaction, so a database is always at a known step (after sqlite-utils'
``migrations.py``). Add new steps at the end; never edit an applied one.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = []


def migration(name: str):
    """Register ``fn`` as the migration called ``name`` (order of definition)."""

    def register(fn):
        MIGRATIONS.append((name, fn))
        return fn

    return register


# The first columns of every per-mention table (entities, quotes, times,
# quantities): the article, the mention's index in it, its span and text.
# Interpolated into 0001 below, which still executes the very same SQL.
_MENTION_COLUMNS = """article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,"""


@migration("0001_articles")
def _articles(conn: sqlite3.Connection) -> None:
    # ``pk`` is an explicit INTEGER PRIMARY KEY because FTS5 external content
    # is keyed by rowid, and VACUUM may renumber an implicit rowid.
    conn.executescript(
        f"""
        CREATE TABLE articles (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            url TEXT UNIQUE,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT,
            text TEXT NOT NULL,
            published TEXT,
            outlet TEXT,
            source TEXT,
            position TEXT,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_outlet ON articles(outlet);

        CREATE TABLE entities (
            {_MENTION_COLUMNS}
            label TEXT NOT NULL,
            canonical TEXT NOT NULL,
            country TEXT,
            lat REAL,
            lon REAL,
            role TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX entities_canonical ON entities(canonical, label);
        CREATE INDEX entities_label ON entities(label);

        CREATE TABLE quotes (
            {_MENTION_COLUMNS}
            kind TEXT NOT NULL,
            speaker TEXT,
            speaker_label TEXT,
            cue TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX quotes_speaker ON quotes(speaker);

        CREATE TABLE times (
            {_MENTION_COLUMNS}
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (article_id, idx)
        );

        CREATE TABLE quantities (
            {_MENTION_COLUMNS}
            value REAL,
            min REAL,
            max REAL,
            modifier TEXT,
            unit TEXT,
            counted TEXT,
            PRIMARY KEY (article_id, idx)
        );

        CREATE TABLE events (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            type TEXT NOT NULL,
            mode TEXT,
            cameo TEXT,
            quad INTEGER,
            sentence INTEGER,
            trigger TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            location TEXT,
            location_country TEXT,
            lat REAL,
            lon REAL,
            date TEXT,
            day TEXT,
            negated INTEGER NOT NULL DEFAULT 0,
            modality TEXT,
            PRIMARY KEY (article_id, idx)
        );
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_day ON events(day);

        CREATE TABLE event_actors (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_idx INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
            text TEXT NOT NULL,
            canonical TEXT,
            country TEXT,
            sector TEXT
        );
        CREATE INDEX event_actors_event ON event_actors(article_id, event_idx);
        CREATE INDEX event_actors_country ON event_actors(role, country);

        CREATE TABLE errors (
            pk INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            position TEXT NOT NULL,
            code TEXT,
            reason TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (source, position)
        );
        """
    )


@migration("0002_articles_fts")
def _articles_fts(conn: sqlite3.Connection) -> None:
    # External content: the index stores no copy of the text; triggers keep it
    # in step with ``articles`` (sqlite-utils' enable_fts pattern).
    conn.executescript(
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='pk',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
        END;
        INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
        """
    )


@migration("0003_places_admin")
def _places_admin(conn: sqlite3.Connection) -> None:
    # The province (GeoNames admin1 code and name) and regency of Indonesian
    # places, so filters roll places up ("--place Papua" finds Jayapura).
    # Archives written before this step get them from the gazetteer (backfill).
    conn.executescript(
        """
        ALTER TABLE entities ADD COLUMN adm1 TEXT;
        ALTER TABLE entities ADD COLUMN province TEXT;
        ALTER TABLE entities ADD COLUMN regency TEXT;
        ALTER TABLE events ADD COLUMN adm1 TEXT;
        ALTER TABLE events ADD COLUMN province TEXT;
        ALTER TABLE events ADD COLUMN regency TEXT;
        CREATE INDEX entities_adm1 ON entities(adm1);
        CREATE INDEX events_adm1 ON events(adm1);
        """
    )
    from .backfill import backfill_places_admin

    backfill_places_admin(conn)


@migration("0004_entity_identities")
def _entity_identities(conn: sqlite3.Connection) -> None:
    # One entity_id per real-world entity (warta.store.identity). Names, not
    # mention rows, carry the id: an alias added later re-points names, and
    # no row of entities, quotes or event_actors is rewritten.
    conn.executescript(
        """
        CREATE TABLE entity_names (
            pk INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            key TEXT NOT NULL,
            entity_id INTEGER NOT NULL,
            mentions INTEGER NOT NULL DEFAULT 0,
            preferred INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX entity_names_key ON entity_names(key);
        CREATE INDEX entity_names_entity ON entity_names(entity_id);

        CREATE TABLE entity_links (
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            PRIMARY KEY (a, b)
        ) WITHOUT ROWID;

        CREATE TABLE entity_aliases (
            alias TEXT NOT NULL,
            name TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('seed', 'user')),
            created_at TEXT NOT NULL,
            PRIMARY KEY (alias, name, source)
        );

        CREATE TABLE outlet_keys (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL
        ) WITHOUT ROWID;
        """
    )
    from .identity import backfill

    backfill(conn)


@migration("0005_stories")
def _stories(conn: sqlite3.Connection) -> None:
    # Stories (warta.stories): articles about one happening, grouped as they
    # are ingested. story_articles keeps each article's grouping features, so
    # a new article is compared without re-reading stored Records.
    conn.executescript(
        """
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            title TEXT,
            first_day TEXT,
            last_day TEXT,
            n_articles INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_last_day ON stories(last_day);

        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            day TEXT,
            score REAL,
            features TEXT NOT NULL
        );
        CREATE INDEX story_articles_story ON story_articles(story_id);
        CREATE INDEX story_articles_day ON story_articles(day);

        CREATE TABLE story_terms (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;
        """
    )
    from ..stories.assign import backfill

    backfill(conn)


# Names a step had in an archive made by a development branch before the step
# was renumbered (the stories branch numbered its steps 0003/0004 while ux's
# 0003_places_admin was merged first). Such an archive is renamed, then runs
# only the steps it lacks.
RENAMED = {"0003_entity_identities": "0004_entity_identities", "0004_stories": "0005_stories"}


def _rename_old_names(conn: sqlite3.Connection) -> None:
    done = set(applied(conn))
    if not done & set(RENAMED):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for old, new in RENAMED.items():
            conn.execute("UPDATE schema_migrations SET name = ? WHERE name = ? AND NOT EXISTS "
                         "(SELECT 1 FROM schema_migrations WHERE name = ?)", (new, old, new))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied to ``conn``."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration, each in its own transaction.

    Returns:
        The names applied by this call (empty when the schema was current).
    """
    _rename_old_names(conn)
    done = set(applied(conn))
    ran = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        # sqlite3's executescript() would COMMIT on its own, so migrations run
        # their statements one by one inside this explicit transaction.
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-check under the write lock: another process may have migrated.
            if conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("COMMIT")
                continue
            _run_in_transaction(conn, fn)
            conn.execute("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
                         (name, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


class _NoScriptConnection:
    """Runs ``executescript`` statement by statement so it stays inside our transaction."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def executescript(self, script: str) -> None:
        buf = ""
        for line in script.splitlines(keepends=True):
            buf += line
            if sqlite3.complete_statement(buf):
                stmt = buf.strip()
                if stmt:
                    self._conn.execute(stmt)
                buf = ""
        if buf.strip():
            raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]}")

    def execute(self, *args):
        return self._conn.execute(*args)

    def executemany(self, *args):
        return self._conn.executemany(*args)


def _run_in_transaction(conn: sqlite3.Connection, fn) -> None:
    fn(_NoScriptConnection(conn))
