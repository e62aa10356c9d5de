"""The archive's schema, writes, de-duplication and FTS sync."""

from __future__ import annotations

import sqlite3

import pytest

from warta.store import MIGRATIONS, ArchiveNotFound, Store, connect, content_hash, get_record


def test_db_migrations_are_named_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    conn = connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    from warta.store import migrate

    again = sqlite3.connect(path, isolation_level=None)
    assert migrate(again) == []
    tables = {r[0] for r in again.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "entities", "quotes", "times", "quantities", "events", "event_actors", "errors",
            "articles_fts", "schema_migrations"} <= tables


def test_db_readonly_open_of_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ArchiveNotFound, match="warta ingest"):
        connect(tmp_path / "missing.db", readonly=True)


def test_db_record_round_trips(filled, sample_records):
    for rec in sample_records:
        assert get_record(filled.conn, rec.id) == rec


def test_db_child_tables_hold_every_item(filled, sample_records):
    c = filled.conn
    assert c.execute("SELECT count(*) FROM entities").fetchone()[0] == sum(len(r.entities) for r in sample_records)
    assert c.execute("SELECT count(*) FROM quotes").fetchone()[0] == sum(len(r.quotes) for r in sample_records)
    assert c.execute("SELECT count(*) FROM events").fetchone()[0] == sum(len(r.events) for r in sample_records)
    row = c.execute("SELECT speaker, cue FROM quotes WHERE article_id = 'sample-almaty' AND idx = 0").fetchone()
    assert tuple(row) == ("Andrei Serdyukov", "kata")


@pytest.mark.parametrize("change", ["same", "new_id_same_text", "same_url_new_text", "same_text_respaced"])
def test_db_duplicates_are_refused(filled, samples, change):
    rec = samples.almaty()
    if change == "new_id_same_text":
        rec.id, rec.url = "other-id", "https://other.example/x"
    elif change == "same_url_new_text":
        rec.id, rec.text = "other-id", rec.text + " Tambahan kalimat."
    elif change == "same_text_respaced":
        rec.id, rec.url, rec.text = "other-id", None, rec.text.replace(" ", "  ").replace("\n\n", "\n")
    before = filled.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert filled.add_record(rec) is False
    assert filled.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before


def test_db_content_hash_ignores_spacing_only():
    assert content_hash("Satu  dua\ntiga") == content_hash("satu dua tiga")
    assert content_hash("Satu dua tiga") != content_hash("Satu dua empat")


def test_db_fts_follows_inserts_updates_and_deletes(filled):
    c = filled.conn

    def hits(word):
        return [r[0] for r in c.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid WHERE articles_fts MATCH ?",
            (word,))]

    assert hits("buruh") == ["sample-jakarta"]
    c.execute("UPDATE articles SET title = 'Nelayan berlayar' WHERE id = 'sample-jakarta'")
    assert hits("nelayan") == ["sample-jakarta"]
    c.execute("DELETE FROM articles WHERE id = 'sample-jakarta'")
    assert hits("buruh") == [] and hits("nelayan") == []
    # ON DELETE CASCADE removed its extraction rows too.
    assert c.execute("SELECT count(*) FROM quotes WHERE article_id = 'sample-jakarta'").fetchone()[0] == 0
    c.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_db_errors_upsert_by_source_and_position(store):
    store.add_error("feed.xml", "entry 2", "empty", "W101")
    store.add_error("feed.xml", "entry 2", "still empty", "W101")
    rows = store.conn.execute("SELECT reason FROM errors").fetchall()
    assert [r[0] for r in rows] == ["still empty"]
    store.clear_error("feed.xml", "entry 2")
    assert store.conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_db_batch_is_one_transaction(store, samples):
    bad = samples.jakarta()
    good = samples.almaty()

    class Boom(Exception):
        pass

    def items():
        yield good, "s", "1"
        raise Boom

    with pytest.raises(Boom):
        store.add_records(items())
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert store.add_records([(good, "s", "1"), (bad, "s", "2")]) == 2


def test_db_readers_see_commits_while_writer_is_open(tmp_path, samples):
    with Store(tmp_path / "r.db") as writer:
        reader = connect(tmp_path / "r.db", readonly=True)
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
        writer.add_record(samples.almaty())
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        with pytest.raises(sqlite3.OperationalError):
            reader.execute("DELETE FROM articles")
