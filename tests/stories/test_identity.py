"""Entity identity across the archive: links, shared and user aliases, outlets, filters, migration."""

from __future__ import annotations

import json
import sqlite3

import pytest

from warta.record import Entity, Quote, Record, Speaker
from warta.store import Store, connect, identity, queries
from warta.store.migrations import MIGRATIONS


def _rec(rid: str, text: str, names: list[tuple[str, str, str]], outlet: str = "kabar.example",
         speaker: tuple[str, str] | None = None, long_forms: dict | None = None) -> Record:
    """A Record whose entities are ``(surface, label, canonical)`` found in ``text`` in order."""
    ents, at = [], 0
    for surface, label, canonical in names:
        s = text.index(surface, at)
        ents.append(Entity(start=s, end=s + len(surface), text=surface, label=label, canonical=canonical,
                           long_form=(long_forms or {}).get(surface)))
        at = s + len(surface)
    quotes = []
    if speaker:
        q, who = speaker
        qs, ws = text.index(q), text.index(who)
        quotes.append(Quote(start=qs, end=qs + len(q), text=q, kind="direct",
                            speaker=Speaker(start=ws, end=ws + len(who), text=who, canonical=who, label="PER")))
    return Record(id=rid, url=f"https://{outlet}/{rid}", outlet=outlet, published="2024-05-01", text=text,
                  entities=ents, quotes=quotes)


def test_identity_links_that_hold_across_articles():
    assert identity.linkable("Jokowi", "Joko Widodo")
    assert identity.linkable("KPU", "Komisi Pemilihan Umum")
    assert identity.linkable("Polri", "Kepolisian Negara Republik Indonesia")
    assert identity.linkable("Kota Jayapura", "Jayapura")
    # a short form made of the full name's words: another "Bagja" elsewhere may be someone else
    assert not identity.linkable("Bagja", "Rahmat Bagja")
    # letters that do not fit, and a building named after a ministry
    assert not identity.linkable("BLBI", "Bank Indonesia")
    assert not identity.linkable("Gedung Djuanda Kementerian Keuangan", "Kementerian Keuangan")


def test_identity_name_keys_and_outlet_keys():
    assert identity.name_key("DPR-RI") == identity.name_key("dpr ri") == "dprri"
    assert {"antaranews", "antaranewscom"} <= identity.outlet_keys_of("papua.antaranews.com")
    assert "cnnindonesiacom" in identity.outlet_keys_of("CNN Indonesia")


def test_identity_shared_aliases_merge_names_in_counts_and_filters(tmp_path):
    a = _rec("a1", '"Ekonomi tumbuh lima persen tahun ini," kata Jokowi di Istana.', [("Jokowi", "PER", "Jokowi")],
             speaker=('"Ekonomi tumbuh lima persen tahun ini,"', "Jokowi"))
    b = _rec("b1", 'Presiden Joko Widodo meninjau pelabuhan. "Bongkar muat harus lebih cepat," ujar Joko Widodo.',
             [("Joko Widodo", "PER", "Joko Widodo"), ("Joko Widodo", "PER", "Joko Widodo")],
             speaker=('"Bongkar muat harus lebih cepat,"', "Joko Widodo"))
    with Store(tmp_path / "a.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        conn = store.conn
        people = queries.entities(conn, queries.EntityFilter(label="PER"))
        assert [(p["name"], p["articles"], p["mentions"]) for p in people] == [("Joko Widodo", 2, 3)]
        assert people[0]["entity_id"] == identity.entity_id(conn, "Jokowi")
        hits = queries.search(conn, queries.SearchFilter(person="Jokowi"))
        assert {h["id"] for h in hits} == {"a1", "b1"}
        said = queries.quotes(conn, queries.QuoteFilter(speaker="Jokowi"))
        assert {q["speaker"] for q in said} == {"Jokowi", "Joko Widodo"}
        page = queries.entity(conn, "Jokowi")
        assert page["mentions"] == 3 and {x["id"] for x in page["articles"]} == {"a1", "b1"}
        assert "Joko Widodo" in page["aliases"]


def test_identity_article_links_acronym_and_long_form(tmp_path):
    a = _rec("a2", "Komisi Pengawas Sungai Nasional (KPSN) menegur pabrik itu.",
             [("Komisi Pengawas Sungai Nasional", "ORG", "Komisi Pengawas Sungai Nasional"),
              ("KPSN", "ORG", "Komisi Pengawas Sungai Nasional")])
    b = _rec("b2", "KPSN kembali menegur pabrik di hulu sungai.", [("KPSN", "ORG", "KPSN")])
    with Store(tmp_path / "b.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        rows = queries.entities(store.conn, queries.EntityFilter(label="ORG"))
        assert [(r["name"], r["articles"]) for r in rows] == [("Komisi Pengawas Sungai Nasional", 2)]


def test_identity_an_acronym_with_two_expansions_keeps_two_entities(tmp_path):
    a = _rec("a3", "Barisan Muda Indonesia (BMI) menggelar rapat.",
             [("Barisan Muda Indonesia", "ORG", "Barisan Muda Indonesia"), ("BMI", "ORG", "Barisan Muda Indonesia")])
    b = _rec("b3", "Bea Masuk Imbalan (BMI) naik tahun depan.",
             [("Bea Masuk Imbalan", "ORG", "Bea Masuk Imbalan"), ("BMI", "ORG", "Bea Masuk Imbalan")])
    with Store(tmp_path / "c.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        c = store.conn
        assert identity.entity_id(c, "Barisan Muda Indonesia") != identity.entity_id(c, "Bea Masuk Imbalan")


def test_identity_user_alias_applies_to_stored_articles_without_extraction(tmp_path):
    a = _rec("a4", "Mas Dhani membuka bengkel baru di Sleman.", [("Mas Dhani", "PER", "Mas Dhani")])
    b = _rec("b4", "Ramadhani Putra, pemilik bengkel, menambah dua montir.", [("Ramadhani Putra", "PER", "Ramadhani Putra")])
    path = tmp_path / "d.db"
    with Store(path) as store:
        store.add_records([(a, None, None), (b, None, None)])
        before = store.conn.execute("SELECT record FROM articles ORDER BY pk").fetchall()
    conn = connect(path)

    def people():
        return sorted((r["name"], r["articles"]) for r in queries.entities(conn, queries.EntityFilter(label="PER")))

    assert people() == [("Mas Dhani", 1), ("Ramadhani Putra", 1)]
    identity.add_alias(conn, "Mas Dhani", "Ramadhani Putra")
    assert people() == [("Ramadhani Putra", 2)]
    assert conn.execute("SELECT record FROM articles ORDER BY pk").fetchall() == before  # nothing re-extracted
    assert [x["alias"] for x in identity.aliases(conn)] == ["Mas Dhani"]
    assert identity.remove_alias(conn, "Mas Dhani", "Ramadhani Putra")
    assert people() == [("Mas Dhani", 1), ("Ramadhani Putra", 1)]
    with pytest.raises(identity.AliasError):
        identity.add_alias(conn, "JOKOWI", "jokowi")
    conn.close()


def test_identity_outlets_are_not_ranked_as_organisations(tmp_path):
    a = _rec("a5", "Kabarsatu mencatat Dinas Pertanian Garut membagikan benih.",
             [("Kabarsatu", "ORG", "Kabarsatu"), ("Dinas Pertanian Garut", "ORG", "Dinas Pertanian Garut")],
             outlet="kabarsatu.example")
    b = _rec("b5", "Menurut Reuters, Dinas Pertanian Garut menambah lahan.",
             [("Reuters", "ORG", "Reuters"), ("Dinas Pertanian Garut", "ORG", "Dinas Pertanian Garut")])
    with Store(tmp_path / "e.db") as store:
        store.add_records([(a, None, None), (b, None, None)])
        c = store.conn
        ranked = [r["name"] for r in queries.entities(c, queries.EntityFilter(label="ORG"))]
        assert ranked == ["Dinas Pertanian Garut"]
        # still there when asked for by name
        assert [r["name"] for r in queries.entities(c, queries.EntityFilter(q="Kabarsatu"))] == ["Kabarsatu"]


def test_identity_migration_links_an_archive_made_before_it(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite3.connect(path, isolation_level=None)
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    from warta.store.migrations import _NoScriptConnection

    for name, fn in MIGRATIONS[:2]:  # the archive as 0001 and 0002 left it
        fn(_NoScriptConnection(old))
        old.execute("INSERT INTO schema_migrations VALUES (?, '2026-01-01')", (name,))
    for rec in (_rec("o1", "SBY berpidato di Cikeas.", [("SBY", "PER", "SBY")]),
                _rec("o2", "Susilo Bambang Yudhoyono menanam pohon.",
                     [("Susilo Bambang Yudhoyono", "PER", "Susilo Bambang Yudhoyono")])):
        old.execute("INSERT INTO articles(id, url, content_hash, text, published, record, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01')",
                    (rec.id, rec.url, rec.id, rec.text, rec.published, rec.to_json()))
        for i, e in enumerate(rec.entities):
            old.execute('INSERT INTO entities(article_id, idx, start, "end", text, label, canonical) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?)", (rec.id, i, e.start, e.end, e.text, e.label, e.canonical))
    old.close()
    # a reader first: the archive is brought up to date before it reads (readers never write otherwise)
    from warta.store.stories import list_stories

    reader = connect(path, readonly=True)
    assert [len(s["articles"]) for s in list_stories(reader, min_articles=1)] == [1, 1]
    reader.close()
    conn = connect(path)  # migrated forward: 0003 linked names, 0004 grouped stories
    applied = [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
    assert applied == [n for n, _ in MIGRATIONS]
    assert identity.entity_id(conn, "SBY") == identity.entity_id(conn, "Susilo Bambang Yudhoyono") is not None
    assert conn.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 2
    assert json.loads(conn.execute("SELECT record FROM articles WHERE id = 'o1'").fetchone()[0])["id"] == "o1"
    conn.close()
